/* rd-cli-timeline.c: the "timeline" command: a picture of a case as an SVG or PNG file.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rd-cli.h"

static const char *const timeline_usage =
  N_("Usage: redress-cli timeline CASE_ID --output FILE.svg|FILE.png [--today YYYY-MM-DD] "
     "[--language CODE]");

typedef struct {
  gint64      case_id;
  const char *output;
  const char *language;
  GDate      *today;
} TimelineOptions;

/* "--name VALUE" or "--name=VALUE"; *@value is NULL when the value is missing. */
static gboolean
take_option (RdCliContext  *ctx,
             int           *i,
             const char    *name,
             const char   **value)
{
  const char *arg = ctx->args[*i];
  gsize len = strlen (name);

  if (g_str_equal (arg, name))
    {
      *value = *i + 1 < ctx->n_args ? ctx->args[++*i] : NULL;
      return TRUE;
    }
  if (strncmp (arg, name, len) == 0 && arg[len] == '=')
    {
      *value = arg + len + 1;
      return TRUE;
    }
  return FALSE;
}

static int
parse_options (RdCliContext    *ctx,
               TimelineOptions *options)
{
  gboolean have_id = FALSE;

  for (int i = 0; i < ctx->n_args; i++)
    {
      const char *value = NULL;

      if (take_option (ctx, &i, "--output", &value))
        {
          if ((options->output = value) == NULL || *value == '\0')
            return rd_cli_usage_error (_("--output needs a file name."));
        }
      else if (take_option (ctx, &i, "--language", &value))
        {
          if ((options->language = value) == NULL)
            return rd_cli_usage_error (_("--language needs a language code, such as en or cy."));
          if (!rd_i18n_language_is_available (value))
            {
              g_auto(GStrv) codes = rd_i18n_list_languages ();
              g_autofree char *list = g_strjoinv (", ", codes);

              return rd_cli_usage_error (_("Redress cannot write documents in “%s”. It can write "
                                           "them in: %s."), value, list);
            }
        }
      else if (take_option (ctx, &i, "--today", &value))
        {
          g_autoptr(GError) error = NULL;

          g_clear_pointer (&options->today, g_date_free);
          if (value == NULL)
            return rd_cli_usage_error ("%s", _(timeline_usage));
          options->today = rd_date_parse_iso (value, &error);
          if (options->today == NULL)
            return rd_cli_usage_error ("%s", error->message);
        }
      else if (!have_id && rd_cli_parse_id (ctx->args[i], &options->case_id))
        have_id = TRUE;
      else
        return rd_cli_usage_error ("%s", _(timeline_usage));
    }
  if (!have_id || options->output == NULL)
    return rd_cli_usage_error ("%s", _(timeline_usage));
  return RD_CLI_OK;
}

/* timeline CASE_ID --output FILE.svg|FILE.png [--today YYYY-MM-DD] [--language CODE]:
 * --today is for scripts and tests; the words follow the case's language
 * unless --language says otherwise. */
int
rd_cli_timeline (RdCliContext *ctx)
{
  TimelineOptions options = { 0 };
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = parse_options (ctx, &options);
  if (status != RD_CLI_OK)
    {
      g_clear_pointer (&options.today, g_date_free);
      return status;
    }
  if (options.today == NULL)
    options.today = rd_clock_dup_today (ctx->clock);

  store = rd_cli_open_store (ctx);
  if (store == NULL ||
      !rd_case_service_write_timeline (store, options.case_id, options.today, options.language,
                                       options.output, &error))
    {
      if (error != NULL)
        g_printerr ("redress-cli: %s\n", error->message);
      g_date_free (options.today);
      return RD_CLI_FAILED;
    }
  g_date_free (options.today);
  return RD_CLI_OK;
}
