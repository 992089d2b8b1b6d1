/* rd-cli-asb-review.c: the "asb-review" command: a case's reports against its council's ASB Case Review threshold.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rd-cli.h"

static const char *
status_key (RdAsbReviewStatus status)
{
  switch (status)
    {
    case RD_ASB_REVIEW_LATE: return "late";
    case RD_ASB_REVIEW_OLD: return "older-than-six-months";
    case RD_ASB_REVIEW_COUNTED:
    default: return "counted";
    }
}

static void
add_reports (JsonBuilder *builder,
             const char  *name,
             GPtrArray   *reports)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < reports->len; i++)
    {
      const RdAsbReviewReport *r = g_ptr_array_index (reports, i);
      g_autofree char *reported = rd_date_to_iso (&r->reported);
      g_autofree char *happened = rd_datetime_to_storage (rd_incident_get_starts_at (r->incident));
      g_autofree char *to = rd_reported_to_to_string (r->to);
      g_autofree char *entry = rd_community_trigger_dup_entry (r);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "incident_id");
      json_builder_add_int_value (builder, rd_incident_get_id (r->incident));
      json_builder_set_member_name (builder, "happened_at");
      json_builder_add_string_value (builder, happened);
      json_builder_set_member_name (builder, "category");
      json_builder_add_string_value (builder, rd_category_to_string (rd_incident_get_category (r->incident)));
      json_builder_set_member_name (builder, "reported_on");
      json_builder_add_string_value (builder, reported);
      json_builder_set_member_name (builder, "reported_on_recorded");
      json_builder_add_boolean_value (builder, r->dated);
      json_builder_set_member_name (builder, "reported_to");
      json_builder_add_string_value (builder, to);
      json_builder_set_member_name (builder, "reference");
      json_builder_add_string_value (builder, rd_incident_get_reference (r->incident));
      json_builder_set_member_name (builder, "hate_incident");
      json_builder_add_boolean_value (builder, r->hate);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, status_key (r->status));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, entry);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_json (gint64              case_id,
            RdCommunityTrigger *review)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *today = rd_date_to_iso (&review->today);
  g_autofree char *since = rd_date_to_iso (&review->window_start);
  g_autofree char *summary = rd_community_trigger_dup_summary (review);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "case_id");
  json_builder_add_int_value (builder, case_id);
  json_builder_set_member_name (builder, "today");
  json_builder_add_string_value (builder, today);
  json_builder_set_member_name (builder, "counts_from");
  json_builder_add_string_value (builder, since);
  json_builder_set_member_name (builder, "threshold_reports");
  json_builder_add_int_value (builder, review->threshold.reports);
  json_builder_set_member_name (builder, "threshold_one_hate_incident");
  json_builder_add_boolean_value (builder, review->threshold.hate_once);
  json_builder_set_member_name (builder, "met");
  json_builder_add_boolean_value (builder, review->met);
  json_builder_set_member_name (builder, "met_by_hate_incident");
  json_builder_add_boolean_value (builder, review->met_by_hate);
  add_reports (builder, "counted", review->counted);
  add_reports (builder, "not_counted", review->excluded);
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, summary);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  rd_cli_print_json (root);
}

/* asb-review CASE_ID [--today YYYY-MM-DD] [--json]: the application
 * summary, ready to paste; --today judges an application made that day. */
int
rd_cli_asb_review (RdCliContext *ctx)
{
  g_autoptr(RdCommunityTrigger) review = NULL;
  g_autoptr(GDate) today = NULL;
  int status;
  gint64 case_id;

  status = rd_cli_compute_case_day (ctx, (RdCliCaseDayFunc) rd_case_service_check_asb_review,
                                    &case_id, &today, (gpointer *) &review);
  if (status != RD_CLI_OK)
    return status;
  if (ctx->json)
    print_json (case_id, review);
  else
    {
      g_autofree char *summary = rd_community_trigger_dup_summary (review);

      g_print ("%s\n", summary);
    }
  return RD_CLI_OK;
}
