/* rd-ics.c: a case's open deadlines as an iCalendar file, for the resident's own calendar.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-ics"

#include "config.h"

#include "rd-gettext.h"

#include "rd-case-facts.h"
#include "rd-datetime.h"
#include "rd-ical.h"
#include "rd-ics.h"

/*
 * One VEVENT per deadline that is still open (overdue, due soon or later):
 * an all-day event on the day it is due (or a timed one, in local wall
 * time, for limits in hours), with the explanation and the next step as
 * its description and a reminder the day before. The UID names the
 * deadline (its kind, record and stage), so importing a newer file updates
 * the same events instead of adding copies.
 */

static struct icaltimetype
date_value (const GDate *date)
{
  struct icaltimetype t = icaltime_null_date ();

  t.year = g_date_get_year (date);
  t.month = g_date_get_month (date);
  t.day = g_date_get_day (date);
  t.is_date = 1;
  return t;
}

static icalcomponent *
event_for (RdDashboardItem *item,
           RdCase          *rcase,
           time_t           now)
{
  RdDeadline *deadline = rd_dashboard_item_get_deadline (item);
  const RdMoment *due = rd_deadline_get_due (deadline);
  const char *context = rd_dashboard_item_get_context (item);
  icalcomponent *event = icalcomponent_new_vevent ();
  icalcomponent *alarm;
  g_autofree char *uid = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  struct icaltimetype start, end;

  /* Not the due date: an extension moves the event rather than adding one. */
  uid = g_strdup_printf ("%s-%" G_GINT64_FORMAT "-%u-case%" G_GINT64_FORMAT "@redress.app",
                         rd_deadline_kind_to_key (rd_deadline_get_kind (deadline)),
                         rd_deadline_get_group (deadline), rd_deadline_get_stage (deadline),
                         rd_case_get_id (rcase));
  if (*context != '\0')
    /* Translators: a calendar event, "Stage 2 response: Noise from Flat 5 (ref. EH/24/0577)" */
    summary = g_strdup_printf (_("%s: %s"), rd_dashboard_item_get_title (item), context);
  else
    summary = g_strdup (rd_dashboard_item_get_title (item));
  description = g_strdup_printf ("%s\n\n%s %s\n\n%s %s",
                                 rd_dashboard_item_get_explanation (item),
                                 _("Next step:"), rd_dashboard_item_get_advice (item),
                                 _("Case:"), rd_case_get_title (rcase));

  if (due->minute >= 0 && rd_deadline_get_is_timed (deadline))
    {
      start = date_value (&due->date);
      start.is_date = 0;
      start.hour = due->minute / 60;
      start.minute = due->minute % 60;
      end = start;
      icaltime_adjust (&end, 0, 0, 30, 0);
    }
  else
    {
      start = date_value (&due->date);
      end = start;
      icaltime_adjust (&end, 1, 0, 0, 0);
    }

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (icaltime_from_timet_with_zone (now, 0, icaltimezone_get_utc_timezone ())));
  icalcomponent_add_property (event, icalproperty_new_dtstart (start));
  icalcomponent_add_property (event, icalproperty_new_dtend (end));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  icalcomponent_add_property (event, icalproperty_new_description (description));
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  icalcomponent_add_property (event, icalproperty_new_categories ("Redress"));

  alarm = icalcomponent_new_valarm ();
  icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  {
    struct icaltriggertype trigger = { 0 };

    trigger.time = icaltime_null_time ();
    trigger.duration = icaldurationtype_from_int (-24 * 60 * 60);
    icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
  }
  icalcomponent_add_property (alarm, icalproperty_new_description (summary));
  icalcomponent_add_component (event, alarm);
  return event;
}

/**
 * rd_ics_from_dashboard:
 * @stamp: when the document is made (its DTSTAMPs)
 *
 * Returns: (transfer full): an iCalendar document (CRLF line ends, as the
 *   standard asks) with a VEVENT for every open deadline of the dashboard,
 *   or %NULL with @error set if libical cannot be loaded
 */
char *
rd_ics_from_dashboard (RdDashboard  *dashboard,
                       RdCase       *rcase,
                       GDateTime    *stamp,
                       GError      **error)
{
  icalcomponent *calendar;
  GListModel *items;
  g_autofree char *name = NULL;
  char *text;
  char *copy;
  time_t now;

  g_return_val_if_fail (RD_IS_DASHBOARD (dashboard), NULL);
  g_return_val_if_fail (RD_IS_CASE (rcase), NULL);
  g_return_val_if_fail (stamp != NULL, NULL);

  if (!rd_ical_load (error))
    return NULL;
  now = (time_t) g_date_time_to_unix (stamp);

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Redress//Redress deadlines//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  name = g_strdup_printf (_("Redress: %s"), rd_case_get_title (rcase));
  {
    icalproperty *calname = icalproperty_new_x (name);

    icalproperty_set_x_name (calname, "X-WR-CALNAME");
    icalcomponent_add_property (calendar, calname);
  }

  items = rd_dashboard_get_items (dashboard);
  for (guint i = 0, n = g_list_model_get_n_items (items); i < n; i++)
    {
      g_autoptr(RdDashboardItem) item = g_list_model_get_item (items, i);

      if (rd_dashboard_item_get_group (item) == RD_DASHBOARD_DONE ||
          rd_dashboard_item_get_due_date (item) == NULL)
        continue;
      icalcomponent_add_component (calendar, event_for (item, rcase, now));
    }

  text = icalcomponent_as_ical_string_r (calendar);
  copy = g_strdup (text);
  icalmemory_free_buffer (text);
  icalcomponent_free (calendar);
  return copy;
}
