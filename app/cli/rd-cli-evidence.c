/* rd-cli-evidence.c: the "add-evidence", "evidence" and "verify" commands.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-cli"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>
#include <string.h>

#include "rd-cli.h"
#include "rd-secret.h"

/* The password for a protected PDF: from the password file (by the name
 * given on the command line or the file's own name), else asked for at the
 * terminal, else none. */
static char *
find_password (GHashTable *from_file,
               GPtrArray  *files,
               RdEvidence *evidence)
{
  const char *name = rd_evidence_get_original_name (evidence);
  g_autofree char *prompt = NULL;

  if (from_file != NULL)
    {
      const char *found = g_hash_table_lookup (from_file, name);

      for (guint i = 0; found == NULL && i < files->len; i++)
        {
          g_autofree char *base = g_path_get_basename (g_ptr_array_index (files, i));

          if (g_str_equal (base, name))
            found = g_hash_table_lookup (from_file, g_ptr_array_index (files, i));
        }
      return g_strdup (found);
    }
  prompt = g_strdup_printf (_("“%s” is protected by a password. Type it to let Redress read its "
                              "pages and text (or press Enter to skip): "), name);
  return rd_cli_ask_password (prompt);
}

/* add-evidence CASE_ID [--password-file FILE] FILE… */
int
rd_cli_add_evidence (RdCliContext *ctx)
{
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdCase) rcase = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GPtrArray) failures = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  g_autoptr(GHashTable) passwords = NULL;
  const char *password_file = rd_cli_last_password_file (ctx);
  gboolean any_failed = FALSE;
  gint64 case_id;

  if (ctx->options->password_given)
    return rd_cli_usage_error (_("A password is not taken on the command line, where others "
                                 "can see it. Use --password-file FILE (lines of the file’s "
                                 "name, a tab, then its password), or run the command in a "
                                 "terminal to be asked."));
  if (ctx->n_args < 2)
    return rd_cli_usage_error (_("Usage: redress-cli add-evidence CASE_ID [--password-file FILE] FILE…"));
  if (!rd_cli_parse_id (ctx->args[0], &case_id))
    return rd_cli_usage_error (_("“%s” is not a case number."), ctx->args[0]);
  for (int i = 1; i < ctx->n_args; i++)
    g_ptr_array_add (files, ctx->args[i]);
  if (files->len == 0)
    return rd_cli_usage_error (_("Name at least one file to add."));
  if (password_file != NULL && (passwords = rd_cli_read_password_file (password_file)) == NULL)
    return RD_CLI_USAGE;

  store = rd_cli_open_store_for_writing (ctx);
  if (store == NULL)
    return RD_CLI_FAILED;
  rcase = rd_cli_get_case (store, case_id);
  if (rcase == NULL)
    return RD_CLI_FAILED;

  /* Every file that can be read goes in, in one transaction; each one that
   * cannot is named with the reason. */
  {
    g_auto(RdCliJob) job = { 0 };
    g_autoptr(GPtrArray) gfiles = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < files->len; i++)
      g_ptr_array_add (gfiles, g_file_new_for_commandline_arg (g_ptr_array_index (files, i)));
    rd_cli_job_init (&job);
    rd_evidence_import_files_async (store, case_id, (GFile **) gfiles->pdata, gfiles->len,
                                    job.progress, job.cancellable, rd_cli_job_done_cb, &job);
    kept = rd_evidence_import_files_finish (rd_cli_job_wait (&job), &failures, &added, &error);
  }
  if (kept == NULL)
    return rd_cli_job_failed (error, RD_CLI_FAILED);
  for (guint i = 0; i < failures->len; i++)
    g_printerr ("redress-cli: %s\n", (const char *) g_ptr_array_index (failures, i));
  any_failed = failures->len > 0;

  for (guint i = 0; i < kept->len; i++)
    {
      RdEvidence *evidence = g_ptr_array_index (kept, i);
      const char *name = rd_evidence_get_original_name (evidence);
      gint64 id = rd_evidence_get_id (evidence);
      gint64 number = rd_evidence_get_exhibit_number (evidence);
      gboolean is_new = g_ptr_array_find (added, evidence, NULL);
      gboolean unlocked = FALSE;

      if (is_new)
        g_print ("%" G_GINT64_FORMAT "\n", number);

      /* A protected PDF, new or kept before: its password (which is not
       * stored) lets Redress read its pages and text now. */
      if (rd_evidence_get_needs_password (evidence))
        {
          char *password = find_password (passwords, files, evidence);

          if (password != NULL)
            {
              if (rd_store_unlock_evidence (store, id, password, &error))
                unlocked = TRUE;
              else
                {
                  g_printerr ("redress-cli: %s: %s\n", name, error->message);
                  g_clear_error (&error);
                  any_failed = TRUE;
                }
              rd_secret_free (password);
            }
        }

      if (!is_new && unlocked)
        g_printerr (_("redress-cli: “%s” was already exhibit %" PRId64 " of this case; "
                      "with its password, Redress has now read its pages and text.\n"), name, number);
      else if (!is_new)
        g_printerr (_("redress-cli: “%s” is already exhibit %" PRId64 " of this case, so "
                      "it was not added again and nothing was changed.\n"), name, number);
      else if (unlocked)
        g_printerr (_("redress-cli: %s: opened with its password; its pages and text have been "
                      "read (the password is not kept).\n"), name);
      else if (*rd_evidence_get_problem (evidence))
        g_printerr ("redress-cli: %s: %s\n", name, rd_evidence_get_problem (evidence));
    }
  return any_failed ? RD_CLI_FAILED : RD_CLI_OK;
}

static void
add_evidence_json (JsonBuilder *builder,
                   RdStore     *store,
                   RdEvidence  *evidence)
{
  GDateTime *captured = rd_evidence_get_captured_at (evidence);
  g_autofree char *captured_text = captured ? rd_datetime_to_storage (captured) : NULL;
  g_autoptr(GListModel) links = rd_store_list_evidence_links (store, rd_evidence_get_id (evidence), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, rd_evidence_get_id (evidence));
  json_builder_set_member_name (builder, "case_id");
  json_builder_add_int_value (builder, rd_evidence_get_case_id (evidence));
  json_builder_set_member_name (builder, "exhibit");
  json_builder_add_int_value (builder, rd_evidence_get_exhibit_number (evidence));
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, rd_evidence_kind_to_string (rd_evidence_get_kind (evidence)));
  json_builder_set_member_name (builder, "original_name");
  json_builder_add_string_value (builder, rd_evidence_get_original_name (evidence));
  json_builder_set_member_name (builder, "content_type");
  json_builder_add_string_value (builder, rd_evidence_get_content_type (evidence));
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, rd_evidence_get_size (evidence));
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, rd_evidence_get_sha256 (evidence));
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, rd_evidence_get_path (evidence));
  json_builder_set_member_name (builder, "captured_at");
  if (captured_text)
    json_builder_add_string_value (builder, captured_text);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "captured_from");
  json_builder_add_string_value (builder,
                                 rd_evidence_date_source_to_string (rd_evidence_get_date_source (evidence)));
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, rd_evidence_get_description (evidence));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, rd_evidence_get_title (evidence));
  json_builder_set_member_name (builder, "author");
  json_builder_add_string_value (builder, rd_evidence_get_author (evidence));
  json_builder_set_member_name (builder, "page_count");
  if (rd_evidence_get_page_count (evidence) >= 0)
    json_builder_add_int_value (builder, rd_evidence_get_page_count (evidence));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "duration_ms");
  if (rd_evidence_get_duration_ms (evidence) >= 0)
    json_builder_add_int_value (builder, rd_evidence_get_duration_ms (evidence));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "orientation");
  json_builder_add_int_value (builder, rd_evidence_get_orientation (evidence));
  json_builder_set_member_name (builder, "needs_password");
  json_builder_add_boolean_value (builder, rd_evidence_get_needs_password (evidence));
  json_builder_set_member_name (builder, "problem");
  json_builder_add_string_value (builder, rd_evidence_get_problem (evidence));
  json_builder_set_member_name (builder, "attached_to");
  if (rd_evidence_get_parent_id (evidence) > 0)
    json_builder_add_int_value (builder, rd_evidence_get_parent_id (evidence));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "links");
  json_builder_begin_array (builder);
  for (guint i = 0; links && i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(RdEvidenceLink) link = g_list_model_get_item (links, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder,
                                     rd_evidence_target_kind_to_string (rd_evidence_link_get_target_kind (link)));
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, rd_evidence_link_get_target_id (link));
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, rd_evidence_link_get_note (link));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* evidence CASE_ID [--json] */
int
rd_cli_evidence (RdCliContext *ctx)
{
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdCase) rcase = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;
  gint64 case_id;
  guint n;

  if (ctx->n_args != 1)
    return rd_cli_usage_error (_("Usage: redress-cli evidence CASE_ID [--json]"));
  if (!rd_cli_parse_id (ctx->args[0], &case_id))
    return rd_cli_usage_error (_("“%s” is not a case number."), ctx->args[0]);

  store = rd_cli_open_store (ctx);
  if (store == NULL)
    return RD_CLI_FAILED;
  rcase = rd_cli_get_case (store, case_id);
  if (rcase == NULL)
    return RD_CLI_FAILED;
  all = rd_store_list_evidence (store, case_id, &error);
  if (all == NULL)
    {
      g_printerr ("redress-cli: %s\n", error->message);
      return RD_CLI_FAILED;
    }

  n = g_list_model_get_n_items (all);
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RdEvidence) evidence = g_list_model_get_item (all, i);
          add_evidence_json (builder, store, evidence);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      rd_cli_print_json (root);
      return RD_CLI_OK;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdEvidence) evidence = g_list_model_get_item (all, i);
      g_autofree char *name = rd_evidence_dup_display_name (evidence);
      g_autofree char *summary = rd_evidence_dup_summary (evidence);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s", rd_evidence_get_exhibit_number (evidence), name, summary);
      if (*rd_evidence_get_description (evidence))
        g_print ("\t%s", rd_evidence_get_description (evidence));
      g_print ("\n");
    }
  return RD_CLI_OK;
}

/* The exhibit number of the evidence with database id @id, as `evidence` lists it. */
static gint64
exhibit_number_of (GListModel *all,
                   gint64      id)
{
  for (guint i = 0; all != NULL && i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(RdEvidence) ev = g_list_model_get_item (all, i);

      if (rd_evidence_get_id (ev) == id)
        return rd_evidence_get_exhibit_number (ev);
    }
  return 0;
}

/* verify CASE_ID: exit 1 and one line per file when anything is wrong. */
int
rd_cli_verify (RdCliContext *ctx)
{
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdCase) rcase = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;
  gint64 case_id;

  if (ctx->n_args != 1)
    return rd_cli_usage_error (_("Usage: redress-cli verify CASE_ID"));
  if (!rd_cli_parse_id (ctx->args[0], &case_id))
    return rd_cli_usage_error (_("“%s” is not a case number."), ctx->args[0]);

  store = rd_cli_open_store (ctx);
  if (store == NULL)
    return RD_CLI_FAILED;
  rcase = rd_cli_get_case (store, case_id);
  if (rcase == NULL)
    return RD_CLI_FAILED;

  {
    g_auto(RdCliJob) job = { 0 };

    rd_cli_job_init (&job);
    rd_evidence_verify_files_async (store, case_id, job.progress, job.cancellable,
                                    rd_cli_job_done_cb, &job);
    problems = rd_evidence_verify_files_finish (rd_cli_job_wait (&job), &error);
  }
  if (problems == NULL)
    return rd_cli_job_failed (error, RD_CLI_FAILED);
  all = rd_store_list_evidence (store, case_id, NULL);
  if (problems->len > 0)
    {
      for (guint i = 0; i < problems->len; i++)
        {
          RdEvidenceProblem *problem = g_ptr_array_index (problems, i);
          const char *state = problem->state == RD_EVIDENCE_MISSING ? "missing"
                              : problem->state == RD_EVIDENCE_ALTERED ? "altered" : "unreadable";

          g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", exhibit_number_of (all, problem->evidence_id),
                   state, problem->original_name, problem->message);
        }
      return RD_CLI_FAILED;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "The %u evidence file is intact.\n",
                        "All %u evidence files are intact.\n",
                        all ? g_list_model_get_n_items (all) : 0),
           all ? g_list_model_get_n_items (all) : 0);
  return RD_CLI_OK;
}
