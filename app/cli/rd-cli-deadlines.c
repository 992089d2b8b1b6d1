/* rd-cli-deadlines.c: the "deadlines" command: every deadline of a case, explained.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <time.h>

#include "rd-cli.h"

static void
add_moment (JsonBuilder    *builder,
            const char     *name,
            const RdMoment *moment)
{
  g_autofree char *iso = NULL;

  json_builder_set_member_name (builder, name);
  if (!rd_moment_is_set (moment))
    {
      json_builder_add_null_value (builder);
      return;
    }
  iso = rd_date_to_iso (&moment->date);
  if (moment->minute >= 0)
    {
      g_autofree char *with_time = g_strdup_printf ("%sT%02d:%02d", iso,
                                                    moment->minute / 60, moment->minute % 60);
      json_builder_add_string_value (builder, with_time);
    }
  else
    json_builder_add_string_value (builder, iso);
}

static void
add_deadline_json (JsonBuilder *builder,
                   RdDeadline  *d)
{
  g_autofree char *due_long = rd_moment_format_long (rd_deadline_get_due (d));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, rd_deadline_kind_to_key (rd_deadline_get_kind (d)));
  json_builder_set_member_name (builder, "on");
  json_builder_add_string_value (builder, rd_deadline_get_party (d) == RD_DEADLINE_ON_RESIDENT ? "resident"
                                          : rd_deadline_get_party (d) == RD_DEADLINE_ON_OTHER ? "other"
                                          : "landlord");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, rd_deadline_get_title (d));
  json_builder_set_member_name (builder, "group");
  json_builder_add_int_value (builder, rd_deadline_get_group (d));
  json_builder_set_member_name (builder, "stage");
  json_builder_add_int_value (builder, rd_deadline_get_stage (d));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, rd_deadline_status_to_key (rd_deadline_get_status (d)));
  add_moment (builder, "due", rd_deadline_get_due (d));
  json_builder_set_member_name (builder, "due_long");
  json_builder_add_string_value (builder, due_long);
  add_moment (builder, "done", rd_deadline_get_done (d));
  json_builder_set_member_name (builder, "working_days_late");
  json_builder_add_int_value (builder, rd_deadline_get_working_days_late (d));
  json_builder_set_member_name (builder, "days_late");
  json_builder_add_int_value (builder, rd_deadline_get_days_late (d));
  if (rd_deadline_get_is_timed (d))
    {
      json_builder_set_member_name (builder, "minutes_late");
      json_builder_add_int_value (builder, rd_deadline_get_minutes_late (d));
    }
  json_builder_set_member_name (builder, "explanation");
  json_builder_add_string_value (builder, rd_deadline_get_explanation (d));
  json_builder_set_member_name (builder, "next_step");
  json_builder_add_string_value (builder, rd_deadline_get_next_step (d));
  json_builder_set_member_name (builder, "rules");
  json_builder_add_string_value (builder, rd_deadline_get_basis (d));
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rd_deadline_get_n_sources (d); i++)
    {
      const RdDeadlineSource *s = rd_deadline_get_source (d, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, rd_case_event_type_to_key (s->type));
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, s->id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static const char *
status_word (RdDeadlineStatus status)
{
  switch (status)
    {
    case RD_DEADLINE_MISSED: return "MISSED";
    case RD_DEADLINE_DUE_SOON: return "DUE-SOON";
    case RD_DEADLINE_MET: return "MET";
    case RD_DEADLINE_PENDING:
    default: return "PENDING";
    }
}

int
rd_cli_deadlines (RdCliContext *ctx)
{
  g_autoptr(RdDeadlineReport) report = NULL;
  g_autoptr(GDate) today = NULL;
  GListModel *deadlines;
  int status;
  gint64 case_id;

  /* deadlines CASE_ID [--today YYYY-MM-DD]: --today is for scripts and tests
   * that need a fixed day to judge by. */
  status = rd_cli_compute_case_day (ctx, (RdCliCaseDayFunc) rd_case_service_compute_deadlines,
                                    &case_id, &today, (gpointer *) &report);
  if (status != RD_CLI_OK)
    return status;
  deadlines = rd_deadline_report_get_deadlines (report);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *today_iso = rd_date_to_iso (today);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "case_id");
      json_builder_add_int_value (builder, case_id);
      json_builder_set_member_name (builder, "today");
      json_builder_add_string_value (builder, today_iso);
      json_builder_set_member_name (builder, "convention");
      json_builder_add_string_value (builder, rd_calendar_get_convention ());
      json_builder_set_member_name (builder, "deadlines");
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (deadlines); i++)
        {
          g_autoptr(RdDeadline) d = g_list_model_get_item (deadlines, i);
          add_deadline_json (builder, d);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "notes");
      json_builder_begin_array (builder);
      for (guint i = 0; i < rd_deadline_report_get_n_notes (report); i++)
        json_builder_add_string_value (builder, rd_deadline_report_get_note (report, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      rd_cli_print_json (root);
      return RD_CLI_OK;
    }

  if (g_list_model_get_n_items (deadlines) == 0)
    g_print ("%s\n", _("No deadlines yet: nothing in this case starts a clock (a complaint, a "
                        "promise with a date, a report the landlord must answer)."));
  for (guint i = 0; i < g_list_model_get_n_items (deadlines); i++)
    {
      g_autoptr(RdDeadline) d = g_list_model_get_item (deadlines, i);
      g_autofree char *due = rd_date_to_iso (&rd_deadline_get_due (d)->date);

      g_print ("%s\t%s\t%s\n", status_word (rd_deadline_get_status (d)), due, rd_deadline_get_title (d));
      g_print ("\t%s\n", rd_deadline_get_explanation (d));
      g_print ("\t%s %s\n", _("Next step:"), rd_deadline_get_next_step (d));
      g_print ("\t%s %s\n", _("Rules:"), rd_deadline_get_basis (d));
    }
  for (guint i = 0; i < rd_deadline_report_get_n_notes (report); i++)
    g_print ("%s %s\n", _("Note:"), rd_deadline_report_get_note (report, i));
  if (g_list_model_get_n_items (deadlines) > 0)
    g_print ("%s\n", rd_calendar_get_convention ());
  return RD_CLI_OK;
}
