/* rd-cli-remedies.c: the "remedies" command: what the Ombudsman's guidance suggests asking for.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rd-cli.h"

static void
add_line_json (JsonBuilder        *builder,
               const RdRemedyLine *line)
{
  g_autofree char *text = rd_remedy_line_dup_text (line, RD_REMEDY_VOICE_RESIDENT);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "area");
  json_builder_add_string_value (builder, rd_remedy_area_to_key (line->area));
  json_builder_set_member_name (builder, "failures");
  json_builder_add_int_value (builder, line->n_failures);
  json_builder_set_member_name (builder, "figure");
  if (line->figure == NULL)
    json_builder_add_null_value (builder);
  else
    {
      g_autofree char *valid_from = rd_date_to_iso (rd_remedy_figure_get_valid_from (line->figure));

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, rd_remedy_figure_get_key (line->figure));
      json_builder_set_member_name (builder, "min_pounds");
      json_builder_add_int_value (builder, rd_remedy_figure_get_min (line->figure));
      json_builder_set_member_name (builder, "max_pounds");
      json_builder_add_int_value (builder, rd_remedy_figure_get_max (line->figure));
      json_builder_set_member_name (builder, "guidance");
      json_builder_add_string_value (builder, rd_remedy_figure_get_guidance (line->figure));
      json_builder_set_member_name (builder, "revised");
      json_builder_add_string_value (builder, rd_remedy_figure_get_revised (line->figure));
      json_builder_set_member_name (builder, "valid_from");
      json_builder_add_string_value (builder, valid_from);
      json_builder_set_member_name (builder, "section");
      json_builder_add_string_value (builder, rd_remedy_figure_get_section (line->figure));
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, rd_remedy_figure_get_url (line->figure));
      json_builder_set_member_name (builder, "sources");
      json_builder_add_string_value (builder, rd_remedy_figure_get_sources (line->figure));
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
}

/* Each service lost: its periods and the days in all; no amount, as
 * Redress has no daily figure from a primary source. */
static void
add_service_loss_json (JsonBuilder             *builder,
                       const RdServiceLossLine *line)
{
  g_autofree char *text = rd_service_loss_line_dup_text (line, RD_REMEDY_VOICE_RESIDENT);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "service");
  json_builder_add_string_value (builder, rd_service_to_key (line->service));
  json_builder_set_member_name (builder, "days");
  json_builder_add_int_value (builder, line->days);
  json_builder_set_member_name (builder, "periods");
  json_builder_begin_array (builder);
  for (guint i = 0; i < line->periods->len; i++)
    {
      const RdServicePeriod *period = &g_array_index (line->periods, RdServicePeriod, i);
      g_autofree char *from = rd_date_to_iso (&period->from);
      g_autofree char *until = g_date_valid (&period->until) ? rd_date_to_iso (&period->until) : NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "from");
      json_builder_add_string_value (builder, from);
      json_builder_set_member_name (builder, "until");
      if (until != NULL)
        json_builder_add_string_value (builder, until);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "days");
      json_builder_add_int_value (builder, period->days);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
}

static void
print_json (gint64      case_id,
            RdRemedies *remedies)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *today = rd_date_to_iso (rd_remedies_get_today (remedies));
  g_autofree char *summary = rd_remedies_dup_summary (remedies);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "case_id");
  json_builder_add_int_value (builder, case_id);
  json_builder_set_member_name (builder, "today");
  json_builder_add_string_value (builder, today);
  json_builder_set_member_name (builder, "lines");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rd_remedies_get_n_lines (remedies); i++)
    add_line_json (builder, rd_remedies_get_line (remedies, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "service_losses");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rd_remedies_get_n_service_lines (remedies); i++)
    add_service_loss_json (builder, rd_remedies_get_service_line (remedies, i));
  json_builder_end_array (builder);
  if (rd_remedies_get_n_service_lines (remedies) > 0)
    {
      g_autofree char *source = rd_remedies_dup_service_source (remedies);

      json_builder_set_member_name (builder, "service_losses_source");
      json_builder_add_string_value (builder, source);
    }
  json_builder_set_member_name (builder, "total_min_pounds");
  json_builder_add_int_value (builder, rd_remedies_get_total_min (remedies));
  json_builder_set_member_name (builder, "total_max_pounds");
  json_builder_add_int_value (builder, rd_remedies_get_total_max (remedies));
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, summary);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  rd_cli_print_json (root);
}

/* remedies CASE_ID [--today YYYY-MM-DD] [--json]: for each kind of
 * failure found, the range the Ombudsman's guidance suggests, with its
 * source, and the total. */
int
rd_cli_remedies (RdCliContext *ctx)
{
  g_autoptr(RdDashboard) dashboard = NULL;
  g_autoptr(GDate) today = NULL;
  int status;
  RdRemedies *remedies;
  gint64 case_id;

  status = rd_cli_compute_case_day (ctx, (RdCliCaseDayFunc) rd_case_service_compute_dashboard,
                                    &case_id, &today, (gpointer *) &dashboard);
  if (status != RD_CLI_OK)
    return status;
  remedies = rd_dashboard_get_remedies (dashboard);
  if (ctx->json)
    print_json (case_id, remedies);
  else
    {
      g_autofree char *summary = rd_remedies_dup_summary (remedies);

      g_print ("%s\n", summary);
    }
  return RD_CLI_OK;
}
