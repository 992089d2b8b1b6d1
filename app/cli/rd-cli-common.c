/* rd-cli-common.c: plumbing shared by redress-cli's commands.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>

#include <string.h>

#include "rd-cli.h"
#include "rd-json-writer.h"

/**
 * rd_cli_dup_settings:
 *
 * Redress's settings, where its schema is installed (or compiled for the
 * tests). A CLI run from the build tree has none, and works without.
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL
 */
GSettings *
rd_cli_dup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

RdStore *
rd_cli_open_store (RdCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  RdStore *store = rd_store_open (ctx->data_dir, &error);

  if (store == NULL)
    g_printerr ("redress-cli: %s\n", error->message);
  else
    {
      g_autoptr(GSettings) settings = rd_cli_dup_settings ();

      rd_store_set_clock (store, ctx->clock);
      /* `redress-cli remind` looks in every folder opened, by the CLI too. */
      if (settings != NULL)
        rd_data_folders_note (settings, rd_store_get_data_dir (store));
    }
  return store;
}

/*
 * For commands that write: a case file that can only be read is said so
 * before anything is done, rather than failing halfway.
 */
RdStore *
rd_cli_open_store_for_writing (RdCliContext *ctx)
{
  g_autoptr(RdStore) store = rd_cli_open_store (ctx);

  if (store != NULL && rd_store_is_read_only (store))
    {
      g_printerr ("redress-cli: %s\n", rd_store_get_read_only_message (store));
      return NULL;
    }
  return g_steal_pointer (&store);
}

/* The case @case_id of @store, or %NULL after saying on stderr why not
 * (there is no such case, or the case file cannot be read). */
RdCase *
rd_cli_get_case (RdStore *store,
                 gint64   case_id)
{
  g_autoptr(GError) error = NULL;
  RdCase *rcase = rd_store_get_case (store, case_id, &error);

  if (rcase == NULL)
    g_printerr ("redress-cli: %s\n", error->message);
  return rcase;
}

/*
 * For commands that only read: a mistyped --data-dir must not quietly make
 * an empty case file there and list no cases, as if they had all gone.
 */
RdStore *
rd_cli_open_existing_store (RdCliContext *ctx)
{
  g_autofree char *path = rd_store_dup_database_path (ctx->data_dir);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *message = NULL;

      if (ctx->data_dir != NULL)
        message = g_strdup_printf (_("There is no Redress case file in “%s”. "
                                     "Check the folder name after --data-dir."), dir);
      else
        message = g_strdup_printf (_("There is no Redress case file in “%s” yet. "
                                     "Start Redress once to make one."), dir);
      g_printerr ("redress-cli: %s\n", message);
      return NULL;
    }
  return rd_cli_open_store (ctx);
}

gboolean
rd_cli_parse_id (const char *text,
                 gint64     *out)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *out = (gint64) value;
  return TRUE;
}

/**
 * rd_cli_parse_today:
 * @today: (out): the day given with --today, or the clock's today
 *
 * Returns: %RD_CLI_OK, or the exit status of the usage error it printed
 */
int
rd_cli_parse_today (RdCliContext  *ctx,
                    GDate        **today)
{
  g_autoptr(GError) error = NULL;

  if (ctx->options->today == NULL)
    {
      *today = rd_clock_dup_today (ctx->clock);
      return RD_CLI_OK;
    }
  if ((*today = rd_date_parse_iso (ctx->options->today, &error)) == NULL)
    return rd_cli_usage_error ("%s", error->message);
  return RD_CLI_OK;
}

/*
 * "redress-cli NAME PARAMETERS [--option ARG]…" from the command's own
 * table, the one its --help is made from, so the two cannot disagree.
 * Hidden options (--password, taken only to be refused) are left out.
 */
static char *
dup_synopsis (const RdCliCommand *command)
{
  GString *text = g_string_new ("redress-cli ");

  g_string_append (text, command->name);
  if (command->parameters != NULL && command->parameters[0] != '\0')
    g_string_append_printf (text, " %s", command->parameters);
  for (const GOptionEntry *entry = command->entries; entry->long_name != NULL; entry++)
    {
      if (entry->flags & G_OPTION_FLAG_HIDDEN)
        continue;
      if (entry->arg_description != NULL)
        g_string_append_printf (text, " [--%s %s]", entry->long_name, entry->arg_description);
      else
        g_string_append_printf (text, " [--%s]", entry->long_name);
    }
  return g_string_free (text, FALSE);
}

/**
 * rd_cli_usage:
 *
 * Says how the command being run is typed, from its option table.
 *
 * Returns: %RD_CLI_USAGE
 */
int
rd_cli_usage (RdCliContext *ctx)
{
  g_autofree char *synopsis = dup_synopsis (ctx->command);

  /* Translators: %s is how a command is typed, as in
   * "redress-cli deadlines CASE_ID [--today YYYY-MM-DD] [--json]" */
  return rd_cli_usage_error (_("Usage: %s"), synopsis);
}

/* Reads the arguments "CASE_ID [--today YYYY-MM-DD]". */
static int
parse_case_day (RdCliContext  *ctx,
                gint64        *case_id,
                GDate        **today)
{
  if (ctx->n_args != 1 || ctx->args[0][0] == '\0')
    return rd_cli_usage (ctx);
  if (!rd_cli_parse_id (ctx->args[0], case_id))
    return rd_cli_usage_error (_("“%s” is not a case number."), ctx->args[0]);
  return rd_cli_parse_today (ctx, today);
}

/**
 * rd_cli_compute_case_day:
 * @compute: the service call that judges the case on the day
 * @case_id: (out): the case
 * @today: (out): the day given with --today, or the clock's today
 * @result: (out) (transfer full): what @compute returned
 *
 * What the commands that judge one case on one day (deadlines, asb-review,
 * remedies) do before they print: read CASE_ID and --today, open the case
 * file (a mistyped --data-dir must not make an empty one) and call
 * @compute. Whatever goes wrong is said on stderr.
 *
 * Returns: %RD_CLI_OK with @result set, or the exit status of what it printed
 */
int
rd_cli_compute_case_day (RdCliContext      *ctx,
                         RdCliCaseDayFunc   compute,
                         gint64            *case_id,
                         GDate            **today,
                         gpointer          *result)
{
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = parse_case_day (ctx, case_id, today);
  if (status != RD_CLI_OK)
    return status;
  store = rd_cli_open_existing_store (ctx);
  if (store == NULL)
    return RD_CLI_FAILED;
  *result = compute (store, *case_id, *today, &error);
  if (*result == NULL)
    {
      g_printerr ("redress-cli: %s\n", error->message);
      return RD_CLI_FAILED;
    }
  return RD_CLI_OK;
}

/* The last --password-file given, for commands that read one. */
const char *
rd_cli_last_password_file (RdCliContext *ctx)
{
  char **files = ctx->options->password_files;
  guint n = files != NULL ? g_strv_length (files) : 0;

  return n > 0 ? files[n - 1] : NULL;
}

int
rd_cli_usage_error (const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("redress-cli: %s\n", message);
  return RD_CLI_USAGE;
}

void
rd_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = rd_json_writer_generate (generator);
  g_print ("%s\n", text);
}
