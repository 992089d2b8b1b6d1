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
#include "rd-secret.h"

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
                                                rd_secret_free);
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
                                      rd_secret_free);
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

/* The choices among words: --letter, --paper and --stamp. */
static int
parse_export_choices (const RdCliOptions  *o,
                      RdCaseBundleOptions *options)
{
  static const struct { const char *key; RdLetterKind letter; } letters[] = {
    { "stage1", RD_LETTER_STAGE1_COMPLAINT },
    { "chaser", RD_LETTER_CHASER },
    { "escalation", RD_LETTER_ESCALATION },
    { "ombudsman", RD_LETTER_OMBUDSMAN_SUMMARY },
  };

  if (o->letter != NULL)
    {
      guint i;

      for (i = 0; i < G_N_ELEMENTS (letters) && !g_str_equal (o->letter, letters[i].key); i++)
        ;
      if (i == G_N_ELEMENTS (letters))
        return rd_cli_usage_error (_("--letter is one of stage1, chaser, escalation or "
                                     "ombudsman."));
      options->letter = letters[i].letter;
    }
  if (o->paper != NULL)
    {
      if (g_str_equal (o->paper, "a4") || g_str_equal (o->paper, "A4"))
        options->paper = RD_PAPER_A4;
      else if (g_str_equal (o->paper, "letter"))
        options->paper = RD_PAPER_LETTER;
      else
        return rd_cli_usage_error (_("--paper is a4 or letter."));
    }
  if (o->stamp != NULL)
    {
      if (g_str_equal (o->stamp, "page"))
        options->section_stamps = FALSE;
      else if (g_str_equal (o->stamp, "section"))
        options->section_stamps = TRUE;
      else
        return rd_cli_usage_error (_("--stamp is page or section."));
    }
  if (o->max_size != NULL)
    {
      char *end = NULL;
      double mb = g_ascii_strtod (o->max_size, &end);

      /* Under a megabyte, the cover, index and fonts alone would fill a volume. */
      if (end == o->max_size || *end != '\0' || !(mb >= 1) || mb > 1e6)
        return rd_cli_usage_error (_("--max-size is a size in megabytes, 1 or more, such as "
                                     "--max-size 50."));
      options->max_volume_size = (goffset) (mb * 1000 * 1000);
    }
  return RD_CLI_OK;
}

/* The options of export; returns RD_CLI_OK, or the exit status of a usage
 * error it has explained. */
static int
parse_export_options (RdCliContext         *ctx,
                      AnonymiseChoice      *anon,
                      RdCaseBundleOptions  *options,
                      GHashTable          **passwords,
                      GArray              **exclude,
                      GArray              **order)
{
  const RdCliOptions *o = ctx->options;
  int status;

  if (o->password_given)
    return rd_cli_usage_error (_("A password is not taken on the command line, where others "
                                 "can see it. Use --password-file FILE (lines of the evidence "
                                 "number, a tab, then the PDF’s password)."));
  if ((status = parse_export_choices (o, options)) != RD_CLI_OK)
    return status;
  if (o->output != NULL && o->output[0] == '\0')
    return rd_cli_usage_error (_("--output needs a file name."));
  if (o->no_letter)
    options->include_letter = FALSE;
  if (o->anonymise)
    options->anonymise = TRUE;
  if (o->smaller)
    options->smaller = TRUE;
  if (o->landscape)
    options->keep_landscape = TRUE;
  anon->key = o->anonymise_key;
  anon->accept_unchecked = o->accept_unchecked;
  for (guint i = 0; o->password_files != NULL && o->password_files[i] != NULL; i++)
    if (!read_passwords (o->password_files[i], passwords))
      return RD_CLI_USAGE;
  if ((options->language = o->language) != NULL && !rd_i18n_language_is_available (o->language))
    {
      g_auto(GStrv) codes = rd_i18n_list_languages ();
      g_autofree char *list = g_strjoinv (", ", codes);

      return rd_cli_usage_error (_("Redress cannot write documents in “%s”. It can write "
                                   "them in: %s."), options->language, list);
    }
  if (o->exclude != NULL && (*exclude = parse_ids ("--exclude", o->exclude)) == NULL)
    return RD_CLI_USAGE;
  if (o->order != NULL && (*order = parse_ids ("--order", o->order)) == NULL)
    return RD_CLI_USAGE;
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

/* Every file this run writes, checked together before any work; with
 * @volumes, every name a volume of the bundle could have too. */
static gboolean
check_outputs (RdStore     *store,
               const char  *output,
               gboolean     volumes,
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
  if (!rd_output_check_paths (rd_store_get_data_dir (store), outputs, &error) ||
      (volumes && !rd_output_check_series (rd_store_get_data_dir (store), output, outputs + 1,
                                           &error)))
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

/* What was written: the file and its pages, or each volume's; and the
 * volumes of an earlier, larger export that were removed. */
static void
print_written (RdBundle   *bundle,
               const char *output)
{
  g_autofree char *oversize = rd_bundle_describe_oversize (bundle);
  const char * const *removed = rd_bundle_get_removed_volumes (bundle);

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
  for (guint i = 0; removed != NULL && removed[i] != NULL; i++)
    g_printerr (_("Removed “%s”, a volume left by an earlier export of this bundle in more "
                  "volumes.\n"), removed[i]);
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
  if (ctx->n_args != 1 || !rd_cli_parse_id (ctx->args[0], &case_id))
    return rd_cli_usage_error (_("Usage: redress-cli export CASE_ID --output FILE.pdf "
                                 "[--letter stage1|chaser|escalation|ombudsman] [--anonymise]"));
  status = parse_export_options (ctx, &anon, &options, &passwords, &exclude, &order);
  if (status != RD_CLI_OK)
    return status;
  output = ctx->options->output;
  odt = ctx->options->chronology_odt;
  csv = ctx->options->chronology_csv;
  layout_path = ctx->options->layout;
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

  if (!check_outputs (store, output, options.max_volume_size > 0, odt, csv, anon.key))
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
  gboolean reset;
  gint64 case_id;

  if (ctx->n_args != 1 || !rd_cli_parse_id (ctx->args[0], &case_id))
    return rd_cli_usage_error (_("Usage: redress-cli layout CASE_ID [--reset]"));
  reset = ctx->options->reset;
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
