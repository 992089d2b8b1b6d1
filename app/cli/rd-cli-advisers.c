/* rd-cli-advisers.c: the "case-list" and "erase" commands (and the case archive's, see
 * rd-cli-archive.c): what an adviser with many clients needs.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-cli"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "rd-cli.h"

int
rd_cli_erase (RdCliContext *ctx)
{
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdCase) rcase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  RdEraseSummary summary = { 0 };
  g_auto(RdCliJob) job = { 0 };
  gboolean yes = ctx->options->yes;
  gint64 case_id = 0;

  if (ctx->n_args != 1 || !rd_cli_parse_id (ctx->args[0], &case_id))
    return rd_cli_usage_error (_("“erase” takes a case number: redress-cli erase CASE_ID --yes"));

  store = rd_cli_open_store_for_writing (ctx);
  if (store == NULL)
    return RD_CLI_FAILED;

  rcase = rd_store_get_case (store, case_id, &error);
  if (rcase == NULL || !rd_store_summarise_case (store, case_id, &summary, &error))
    {
      g_printerr ("redress-cli: %s\n", error->message);
      return RD_CLI_FAILED;
    }
  what = rd_erase_summary_describe (&summary);

  if (!yes)
    {
      g_printerr (_("Erasing case %" PRId64 " “%s” would remove it for good, with %s.\n"
                    "Nothing of it can be brought back. To go ahead, run the command again "
                    "with --yes.\n"),
                  case_id, rd_case_get_title (rcase), what);
      return RD_CLI_USAGE;
    }

  rd_cli_job_init (&job);
  rd_erase_case_async (store, case_id, job.progress, job.cancellable, rd_cli_job_done_cb, &job);
  if (!rd_erase_case_finish (rd_cli_job_wait (&job), &error))
    return rd_cli_job_failed (error, RD_CLI_FAILED);
  g_print (_("Erased case %" PRId64 ", with %s.\n"), case_id, what);
  return RD_CLI_OK;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  return rd_case_entry_compare_due (*(RdCaseEntry **) a, *(RdCaseEntry **) b);
}

/* The adviser's case list, as the window shows it: soonest date due first,
 * archived cases only when asked for, filtered by a search. */
int
rd_cli_case_list (RdCliContext *ctx)
{
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = rd_clock_dup_today (ctx->clock);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *search = ctx->options->search;
  gboolean archived = ctx->options->archived;
  gboolean adviser;

  if (ctx->n_args != 0)
    return rd_cli_usage_error (_("“case-list” takes only --search TEXT and --archived."));

  store = rd_cli_open_store (ctx);
  if (store == NULL)
    return RD_CLI_FAILED;
  adviser = rd_store_get_adviser_mode (store);
  entries = rd_case_service_list_case_entries (store, today, &error);
  if (entries == NULL)
    {
      g_printerr ("redress-cli: %s\n", error->message);
      return RD_CLI_FAILED;
    }
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RdCaseEntry) entry = g_list_model_get_item (entries, i);

      if ((!archived && rd_case_entry_get_archived (entry)) || !rd_case_entry_matches (entry, search))
        continue;
      g_ptr_array_add (shown, g_steal_pointer (&entry));
    }
  g_ptr_array_sort (shown, compare_entries);

  json_builder_begin_array (builder);
  for (guint i = 0; i < shown->len; i++)
    {
      RdCaseEntry *entry = g_ptr_array_index (shown, i);
      RdCaseAdmin *admin = rd_case_entry_get_admin (entry);
      const GDate *next = rd_case_entry_get_next_due (entry);
      g_autofree char *next_text = next ? rd_date_to_iso (next) : NULL;
      const GDate *overdue = rd_case_entry_get_overdue_since (entry);
      g_autofree char *overdue_text = overdue ? rd_date_to_iso (overdue) : NULL;
      gboolean consent_due = rd_case_admin_consent_prompt_due (admin, adviser, today);
      gint64 id = rd_case_get_id (rd_case_entry_get_case (entry));

      if (!ctx->json)
        {
          g_autofree char *overdue_note = overdue_text
                                          ? g_strdup_printf (_("overdue since %s"), overdue_text) : NULL;

          g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s%s%s\n", id, rd_case_entry_get_display_name (entry),
                   next_text ? next_text : "-", overdue_note ? overdue_note : "",
                   rd_case_entry_get_archived (entry) ? _("archived") : "",
                   consent_due ? _("consent due") : "");
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, rd_case_entry_get_display_name (entry));
      json_builder_set_member_name (builder, "detail");
      json_builder_add_string_value (builder, rd_case_entry_get_detail (entry));
      json_builder_set_member_name (builder, "client_number");
      json_builder_add_string_value (builder, rd_case_admin_get_client_number (admin));
      json_builder_set_member_name (builder, "next_due");
      if (next_text != NULL)
        json_builder_add_string_value (builder, next_text);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "overdue_since");
      if (overdue_text != NULL)
        json_builder_add_string_value (builder, overdue_text);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "consent_due");
      json_builder_add_boolean_value (builder, consent_due);
      json_builder_set_member_name (builder, "archived");
      json_builder_add_boolean_value (builder, rd_case_entry_get_archived (entry));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (ctx->json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      rd_cli_print_json (root);
    }
  return RD_CLI_OK;
}
