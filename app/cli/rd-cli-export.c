/* rd-cli-export.c: the "export" command: a case's complaint PDF with its evidence bundle.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>
#include <unistd.h>

#include "rd-case-bundle-check.h"
#include "rd-cli.h"

static const char *
option_value (RdCliContext *ctx,
              int          *i,
              const char   *name)
{
  const char *arg = ctx->args[*i];
  gsize len = strlen (name);

  if (g_str_equal (arg, name))
    return *i + 1 < ctx->n_args ? ctx->args[++*i] : NULL;
  if (strncmp (arg, name, len) == 0 && arg[len] == '=')
    return arg + len + 1;
  return NULL;
}

static gboolean
is_option (const char *arg,
           const char *name)
{
  gsize len = strlen (name);
  return g_str_equal (arg, name) || (strncmp (arg, name, len) == 0 && arg[len] == '=');
}

/* "3,5, 7": exhibit numbers as `redress-cli evidence` prints them. */
static GArray *
parse_ids (const char *option,
           const char *value)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (value == NULL || *value == '\0')
    {
      rd_cli_usage_error (_("%s needs exhibit numbers, such as %s 3,5."), option, option);
      return NULL;
    }
  parts = g_strsplit (value, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 id;

      g_strstrip (parts[i]);
      if (!rd_cli_parse_id (parts[i], &id))
        {
          rd_cli_usage_error (_("%s: “%s” is not an exhibit number (redress-cli evidence "
                                "CASE_ID lists them)."), option, parts[i]);
          return NULL;
        }
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

/* --password-file FILE: lines "EXHIBIT<TAB>password" for protected PDFs, keyed
 * here by exhibit number (see passwords_by_id ()). */
static gboolean
read_passwords (const char  *path,
                GHashTable **passwords)
{
  g_autoptr(GHashTable) by_name = rd_cli_read_password_file (path);
  GHashTableIter iter;
  gpointer key, value;

  if (by_name == NULL)
    return FALSE;
  if (*passwords == NULL)
    *passwords = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                (GDestroyNotify) rd_cli_free_password);
  g_hash_table_iter_init (&iter, by_name);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 id;

      if (!rd_cli_parse_id (key, &id))
        {
          g_printerr (_("redress-cli: “%s” in the password file is not an exhibit number.\n"),
                      (const char *) key);
          return FALSE;
        }
      g_hash_table_replace (*passwords, g_memdup2 (&id, sizeof id), g_strdup (value));
    }
  return TRUE;
}

/* The password file names exhibits by number; the bundle finds passwords by
 * evidence id. A number that is no exhibit of the case is a usage error. */
static gboolean
passwords_by_id (RdStore     *store,
                 gint64       case_id,
                 GHashTable **passwords)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = rd_store_list_evidence (store, case_id, &error);
  g_autoptr(GHashTable) by_number = g_steal_pointer (passwords);
  GHashTableIter iter;
  gpointer key, value;

  if (all == NULL)
    {
      g_printerr ("redress-cli: %s\n", error->message);
      return FALSE;
    }
  *passwords = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                      (GDestroyNotify) rd_cli_free_password);
  g_hash_table_iter_init (&iter, by_number);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 number = *(gint64 *) key;
      gint64 id = 0;

      for (guint i = 0, n = g_list_model_get_n_items (all); i < n && id == 0; i++)
        {
          g_autoptr(RdEvidence) ev = g_list_model_get_item (all, i);
          if (rd_evidence_get_exhibit_number (ev) == number)
            id = rd_evidence_get_id (ev);
        }
      if (id == 0)
        {
          g_printerr (_("redress-cli: case %" PRId64 " has no exhibit %" PRId64
                        " (redress-cli evidence %" PRId64 " lists its exhibit numbers).\n"),
                      case_id, number, case_id);
          return FALSE;
        }
      g_hash_table_iter_steal (&iter);
      g_free (key);
      g_hash_table_replace (*passwords, g_memdup2 (&id, sizeof id), value);
    }
  return TRUE;
}

/* What --anonymise asks besides the labels. */
typedef struct
{
  const char *key;               /* --anonymise-key FILE */
  gboolean    accept_unchecked;  /* --anonymise-accept-unchecked */
} AnonymiseChoice;

/* The options of export, after its case number; returns RD_CLI_OK, or the
 * exit status of a usage error it has explained. */
static int
parse_export_options (RdCliContext         *ctx,
                      AnonymiseChoice      *anon,
                      RdCaseBundleOptions  *options,
                      const char          **output,
                      const char          **odt,
                      const char          **csv,
                      GHashTable          **passwords,
                      GArray              **exclude,
                      GArray              **order,
                      const char          **layout)
{
  for (int i = 1; i < ctx->n_args; i++)
    {
      const char *arg = ctx->args[i];
      const char *value;

      if (is_option (arg, "--output"))
        {
          if ((*output = option_value (ctx, &i, "--output")) == NULL)
            return rd_cli_usage_error (_("--output needs a file name."));
        }
      else if (is_option (arg, "--letter"))
        {
          value = option_value (ctx, &i, "--letter");
          if (g_strcmp0 (value, "stage1") == 0)
            options->letter = RD_LETTER_STAGE1_COMPLAINT;
          else if (g_strcmp0 (value, "chaser") == 0)
            options->letter = RD_LETTER_CHASER;
          else if (g_strcmp0 (value, "escalation") == 0)
            options->letter = RD_LETTER_ESCALATION;
          else if (g_strcmp0 (value, "ombudsman") == 0)
            options->letter = RD_LETTER_OMBUDSMAN_SUMMARY;
          else
            return rd_cli_usage_error (_("--letter is one of stage1, chaser, escalation or "
                                         "ombudsman."));
        }
      else if (g_str_equal (arg, "--no-letter"))
        options->include_letter = FALSE;
      else if (g_str_equal (arg, "--anonymise") || g_str_equal (arg, "--anonymize"))
        options->anonymise = TRUE;
      else if (is_option (arg, "--anonymise-key"))
        {
          if ((anon->key = option_value (ctx, &i, "--anonymise-key")) == NULL)
            return rd_cli_usage_error (_("--anonymise-key needs a file name."));
        }
      else if (g_str_equal (arg, "--anonymise-accept-unchecked"))
        anon->accept_unchecked = TRUE;
      else if (g_str_equal (arg, "--smaller"))
        options->smaller = TRUE;
      else if (g_str_equal (arg, "--landscape"))
        options->keep_landscape = TRUE;
      else if (is_option (arg, "--paper"))
        {
          value = option_value (ctx, &i, "--paper");
          if (g_strcmp0 (value, "a4") == 0 || g_strcmp0 (value, "A4") == 0)
            options->paper = RD_PAPER_A4;
          else if (g_strcmp0 (value, "letter") == 0)
            options->paper = RD_PAPER_LETTER;
          else
            return rd_cli_usage_error (_("--paper is a4 or letter."));
        }
      else if (is_option (arg, "--max-size"))
        {
          char *end = NULL;
          double mb;

          if ((value = option_value (ctx, &i, "--max-size")) == NULL)
            return RD_CLI_USAGE;
          mb = g_ascii_strtod (value, &end);
          /* Under a megabyte, the cover, index and fonts alone would fill a volume. */
          if (end == value || *end != '\0' || !(mb >= 1) || mb > 1e6)
            return rd_cli_usage_error (_("--max-size is a size in megabytes, 1 or more, such as "
                                         "--max-size 50."));
          options->max_volume_size = (goffset) (mb * 1000 * 1000);
        }
      else if (is_option (arg, "--stamp"))
        {
          value = option_value (ctx, &i, "--stamp");
          if (g_strcmp0 (value, "page") == 0)
            options->section_stamps = FALSE;
          else if (g_strcmp0 (value, "section") == 0)
            options->section_stamps = TRUE;
          else
            return rd_cli_usage_error (_("--stamp is page or section."));
        }
      else if (is_option (arg, "--password-file"))
        {
          if ((value = option_value (ctx, &i, "--password-file")) == NULL)
            return rd_cli_usage_error (_("--password-file needs a file name."));
          if (!read_passwords (value, passwords))
            return RD_CLI_USAGE;
        }
      else if (g_str_equal (arg, "--password") || g_str_has_prefix (arg, "--password="))
        return rd_cli_usage_error (_("A password is not taken on the command line, where others "
                                     "can see it. Use --password-file FILE (lines of the evidence "
                                     "number, a tab, then the PDF’s password)."));
      else if (is_option (arg, "--chronology-odt"))
        {
          if ((*odt = option_value (ctx, &i, "--chronology-odt")) == NULL)
            return rd_cli_usage_error (_("--chronology-odt needs a file name."));
        }
      else if (is_option (arg, "--chronology-csv"))
        {
          if ((*csv = option_value (ctx, &i, "--chronology-csv")) == NULL)
            return rd_cli_usage_error (_("--chronology-csv needs a file name."));
        }
      else if (is_option (arg, "--language"))
        {
          if ((options->language = option_value (ctx, &i, "--language")) == NULL)
            return rd_cli_usage_error (_("--language needs a language code, such as en or cy."));
          if (!rd_i18n_language_is_available (options->language))
            {
              g_auto(GStrv) codes = rd_i18n_list_languages ();
              g_autofree char *list = g_strjoinv (", ", codes);

              return rd_cli_usage_error (_("Redress cannot write documents in “%s”. It can write "
                                           "them in: %s."), options->language, list);
            }
        }
      else if (is_option (arg, "--layout"))
        {
          if ((*layout = option_value (ctx, &i, "--layout")) == NULL)
            return rd_cli_usage_error (_("--layout needs a file name (redress-cli layout CASE_ID "
                                         "writes one out to start from)."));
        }
      else if (is_option (arg, "--exclude"))
        {
          g_clear_pointer (exclude, g_array_unref);
          if ((*exclude = parse_ids ("--exclude", option_value (ctx, &i, "--exclude"))) == NULL)
            return RD_CLI_USAGE;
        }
      else if (is_option (arg, "--order"))
        {
          g_clear_pointer (order, g_array_unref);
          if ((*order = parse_ids ("--order", option_value (ctx, &i, "--order"))) == NULL)
            return RD_CLI_USAGE;
        }
      else
        return rd_cli_usage_error (_("“%s” is not an option of export."), arg);
    }
  if (anon->key != NULL && !options->anonymise)
    return rd_cli_usage_error (_("--anonymise-key goes with --anonymise."));
  return RD_CLI_OK;
}

/* An anonymised bundle cannot black out a name in a picture whose words
 * were never read: say which exhibits those are, and go on only when told
 * to. Returns RD_CLI_OK to go on, or the exit status. */
static int
check_unchecked (RdStore                   *store,
                 gint64                     case_id,
                 const RdCaseBundleOptions *options,
                 gboolean                   accept)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) unchecked = NULL;
  g_autofree char *list = NULL;

  if (!options->anonymise)
    return RD_CLI_OK;
  unchecked = rd_case_bundle_list_unchecked (store, case_id, options, &error);
  if (unchecked == NULL)
    {
      g_printerr ("redress-cli: %s\n", error->message);
      return RD_CLI_FAILED;
    }
  if (unchecked->len == 0)
    return RD_CLI_OK;
  list = rd_case_bundle_format_exhibits (unchecked);
  g_printerr (_("Warning: these exhibits are pictures whose words have not been read, so names "
                "in them cannot be found and blacked out: %s. Run “redress-cli ocr %" PRId64 "” "
                "first, leave them out with --exclude, or give --anonymise-accept-unchecked to "
                "include them as they are.\n"), list, case_id);
  return accept ? RD_CLI_OK : RD_CLI_FAILED;
}

/* Every file this run writes, checked together before any work. */
static gboolean
check_outputs (RdStore     *store,
               const char  *output,
               const char  *odt,
               const char  *csv,
               const char  *key)
{
  g_autoptr(GError) error = NULL;
  const char *outputs[5] = { output, NULL, NULL, NULL, NULL };
  guint n = 1;

  if (odt != NULL)
    outputs[n++] = odt;
  if (csv != NULL)
    outputs[n++] = csv;
  if (key != NULL)
    outputs[n++] = key;
  if (!rd_output_check_paths (rd_store_get_data_dir (store), outputs, &error))
    {
      g_printerr ("redress-cli: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

/* Without --language the case's own language is used; one this computer
 * has no translation for falls back to English, which the user should know
 * before sending the bundle. */
static void
warn_language_missing (RdStore *store,
                       gint64   case_id)
{
  g_autoptr(RdCase) rcase = rd_store_get_case (store, case_id, NULL);
  const char *language;

  if (rcase == NULL)
    return;
  language = rd_case_get_document_language (rcase);
  if (!rd_i18n_language_is_available (language))
    g_printerr (_("The case’s documents are to be in “%s”, whose translation is not installed "
                  "here: they are written in English.\n"), language);
}

/* What was written: the file and its pages, or each volume's. */
static void
print_written (RdBundle   *bundle,
               const char *output)
{
  g_autofree char *oversize = rd_bundle_describe_oversize (bundle);

  if (rd_bundle_get_n_volumes (bundle) <= 1)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %d page\n", "%s: %d pages\n",
                          rd_bundle_get_n_pages (bundle)),
             output, rd_bundle_get_n_pages (bundle));
  else
    {
      g_autofree char *volumes = rd_bundle_describe_volumes (bundle);
      g_print ("%s", volumes);
    }
  if (oversize != NULL)
    g_printerr ("%s", oversize);
}

/* export CASE_ID --output FILE.pdf [--letter stage1|chaser|escalation|ombudsman] [--anonymise]
 *        [--no-letter] [--paper a4|letter] [--landscape] [--smaller] [--password-file FILE]
 *        [--chronology-odt FILE] [--chronology-csv FILE] [--exclude N[,N…]] [--order N,N,…]
 *        [--language CODE] [--max-size MB] [--stamp page|section] */
int
rd_cli_export (RdCliContext *ctx)
{
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdBundle) bundle = NULL;
  g_autofree char *omissions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) passwords = NULL;  /* wiped when the command ends */
  g_autoptr(GArray) exclude = NULL;
  g_autoptr(GArray) order = NULL;
  g_autoptr(GArray) evidence_ids = NULL;
  RdCaseBundleOptions options;
  const char *output = NULL, *odt = NULL, *csv = NULL, *layout_path = NULL;
  g_autofree char *layout_json = NULL;
  g_autoptr(RdBundleLayout) layout = NULL;
  AnonymiseChoice anon = { NULL, FALSE };
  gint64 case_id;
  int status;

  rd_case_bundle_options_init (&options);
  if (ctx->n_args < 1 || !rd_cli_parse_id (ctx->args[0], &case_id))
    return rd_cli_usage_error (_("Usage: redress-cli export CASE_ID --output FILE.pdf "
                                 "[--letter stage1|chaser|escalation|ombudsman] [--anonymise]"));
  status = parse_export_options (ctx, &anon, &options, &output, &odt, &csv, &passwords, &exclude,
                                 &order, &layout_path);
  if (status != RD_CLI_OK)
    return status;
  if (output == NULL)
    return rd_cli_usage_error (_("Say where to write the PDF with --output FILE.pdf."));

  store = rd_cli_open_store (ctx);
  if (store == NULL)
    return RD_CLI_FAILED;
  if (options.language == NULL)
    warn_language_missing (store, case_id);
  if (passwords != NULL && !passwords_by_id (store, case_id, &passwords))
    return RD_CLI_USAGE;
  options.passwords = passwords;
  if (layout_path != NULL)
    {
      if (!g_file_get_contents (layout_path, &layout_json, NULL, &error) ||
          (layout = rd_bundle_layout_new_from_json (layout_json, &error)) == NULL ||
          !rd_case_bundle_check_layout (store, case_id, layout, &error))
        {
          g_printerr ("redress-cli: %s\n", error->message);
          return RD_CLI_USAGE;
        }
      options.layout = layout;
    }

  if (!check_outputs (store, output, odt, csv, anon.key))
    return RD_CLI_USAGE;

  if (exclude != NULL || order != NULL)
    {
      evidence_ids = rd_case_bundle_order_evidence (store, case_id, order, exclude, &error);
      if (evidence_ids == NULL)
        {
          g_printerr ("redress-cli: %s\n", error->message);
          return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT)
                 ? RD_CLI_USAGE : RD_CLI_FAILED;
        }
      options.evidence_ids = evidence_ids;
    }
  if ((status = check_unchecked (store, case_id, &options, anon.accept_unchecked)) != RD_CLI_OK)
    return status;

  /* Without --letter, the letter that fits the stage: say which, or why none. */
  if (options.include_letter && options.letter == RD_CASE_BUNDLE_LETTER_FOR_STAGE)
    {
      RdLetterKind kind;

      if (rd_case_bundle_suggest_letter (store, case_id, NULL, &kind, &error))
        g_printerr (_("Letter: %s, which fits the complaint’s stage (--letter chooses another).\n"),
                    rd_letter_kind_get_label (kind));
      else if (error == NULL)
        g_printerr (_("No letter is included: the landlord is still in time, and a letter dated "
                      "today would leave out what has happened since (--letter chooses one).\n"));
      g_clear_error (&error);
    }

  {
    g_auto(RdCliJob) job = { 0 };

    rd_cli_job_init (&job);
    rd_export_bundle_async (store, case_id, &options, output, job.progress, job.cancellable,
                            rd_cli_job_done_cb, &job);
    bundle = rd_export_bundle_finish (rd_cli_job_wait (&job), &error);
  }
  if (bundle == NULL)
    return rd_cli_job_failed (error, RD_CLI_FAILED);
  omissions = rd_bundle_describe_omissions (bundle);
  g_printerr ("%s", omissions);
  /* The next export, here or in the window, is laid out the same. */
  if (layout_json != NULL && !rd_store_set_bundle_layout (store, case_id, layout_json, &error))
    {
      g_printerr ("redress-cli: %s\n", error->message);
      g_clear_error (&error);
    }

  for (int i = 0; i < 2; i++)
    {
      const char *path = i == 0 ? odt : csv;
      g_auto(RdCliJob) job = { 0 };

      if (path == NULL)
        continue;
      rd_cli_job_init (&job);
      rd_export_chronology_async (store, case_id, &options,
                                  i == 0 ? RD_CHRONOLOGY_FORMAT_ODT : RD_CHRONOLOGY_FORMAT_CSV,
                                  path, job.progress, job.cancellable, rd_cli_job_done_cb, &job);
      if (!rd_export_chronology_finish (rd_cli_job_wait (&job), &error))
        {
          /* The bundle is already in place: say so, so that nobody makes
           * it again or thinks it lost. */
          g_printerr (_("redress-cli: The bundle was saved as “%s”, but the chronology was "
                        "not: %s\n"), output, error->message);
          return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                 ? RD_CLI_INTERRUPTED : RD_CLI_FAILED;
        }
    }

  /* The key goes only where it is asked to, apart from the bundle. */
  if (anon.key != NULL && !rd_case_bundle_write_anonymise_key (store, case_id, anon.key, &error))
    {
      g_printerr (_("redress-cli: The bundle was saved as “%s”, but the key to its labels was "
                    "not: %s\n"), output, error->message);
      return RD_CLI_FAILED;
    }

  print_written (bundle, output);
  return RD_CLI_OK;
}

/* layout CASE_ID [--reset]: the bundle's sections and what each holds, as
 * JSON for --layout; --reset forgets the kept layout first. */
int
rd_cli_layout (RdCliContext *ctx)
{
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(RdCase) rcase = NULL;
  gboolean reset = FALSE;
  gint64 case_id;

  if (ctx->n_args < 1 || !rd_cli_parse_id (ctx->args[0], &case_id))
    return rd_cli_usage_error (_("Usage: redress-cli layout CASE_ID [--reset]"));
  for (int i = 1; i < ctx->n_args; i++)
    {
      if (g_str_equal (ctx->args[i], "--reset"))
        reset = TRUE;
      else
        return rd_cli_usage_error (_("“%s” is not an option of layout."), ctx->args[i]);
    }
  store = reset ? rd_cli_open_store_for_writing (ctx) : rd_cli_open_store (ctx);
  if (store == NULL)
    return RD_CLI_FAILED;
  if ((rcase = rd_store_get_case (store, case_id, &error)) == NULL ||
      (reset && !rd_store_set_bundle_layout (store, case_id, NULL, &error)) ||
      (json = rd_case_bundle_dup_layout_json (store, case_id, NULL, &error)) == NULL)
    {
      g_printerr ("redress-cli: %s\n", error->message);
      return RD_CLI_FAILED;
    }
  g_print ("%s\n", json);
  return RD_CLI_OK;
}
