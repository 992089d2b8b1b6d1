/* rd-dashboard-status.c: the words for where each dashboard item stands: how late, or when due.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-dashboard"

#include "config.h"

#include "rd-gettext.h"

#include "rd-datetime.h"
#include "rd-dashboard-private.h"

/* Met late is a finding, not a success: say what came, and how late. */
static char *
done_late_text (RdDeadlineKind kind,
                int            late)
{
  switch (kind)
    {
    case RD_DEADLINE_KIND_ACKNOWLEDGEMENT:
      return g_strdup_printf (rd_ngettext ("Acknowledged %d working day late",
                                           "Acknowledged %d working days late", (gulong) late), late);
    case RD_DEADLINE_KIND_RESPONSE:
    case RD_DEADLINE_KIND_ASB_RESPONSE:
      return g_strdup_printf (rd_ngettext ("Answered %d working day late",
                                           "Answered %d working days late", (gulong) late), late);
    case RD_DEADLINE_KIND_EXTENSION:
      return g_strdup_printf (rd_ngettext ("Extension given %d working day late",
                                           "Extension given %d working days late", (gulong) late), late);
    case RD_DEADLINE_KIND_ESCALATION:
      return g_strdup_printf (rd_ngettext ("You asked %d working day late",
                                           "You asked %d working days late", (gulong) late), late);
    case RD_DEADLINE_KIND_OMBUDSMAN:
      return g_strdup_printf (rd_ngettext ("Referred %d working day late",
                                           "Referred %d working days late", (gulong) late), late);
    case RD_DEADLINE_KIND_PROMISE:
      return g_strdup_printf (rd_ngettext ("Kept %d working day late",
                                           "Kept %d working days late", (gulong) late), late);
    case RD_DEADLINE_KIND_REPAIR:
    case RD_DEADLINE_KIND_HAZARD:
    case RD_DEADLINE_KIND_RULE:
    default:
      return g_strdup_printf (rd_ngettext ("Carried out %d working day late",
                                           "Carried out %d working days late", (gulong) late), late);
    }
}

/* Late under a limit in clock hours (Awaab's Law's 24 hours): counted in
 * hours from the times, or at least so many when only the day is known. */
static char *
done_late_hours_text (gint64   minutes,
                      gboolean exact)
{
  int hours = (int) (minutes / 60);

  if (exact && minutes < 60)
    return g_strdup_printf (rd_ngettext ("Carried out %d minute late", "Carried out %d minutes late",
                                         (gulong) minutes), (int) minutes);
  if (exact && minutes % 60 == 0)
    return g_strdup_printf (rd_ngettext ("Carried out %d hour late", "Carried out %d hours late",
                                         (gulong) hours), hours);
  if (exact)
    return g_strdup_printf (rd_ngettext ("Carried out more than %d hour late",
                                         "Carried out more than %d hours late", (gulong) hours), hours);
  if (hours > 0)
    return g_strdup_printf (rd_ngettext ("Carried out at least %d hour late",
                                         "Carried out at least %d hours late", (gulong) hours), hours);
  return g_strdup (_("Carried out late"));
}

char *
_rd_dashboard_item_status_text (RdDashboardItem *item,
                                const GDate     *today)
{
  RdDeadline *deadline = item->deadline;
  int late = rd_deadline_get_working_days_late (deadline);
  g_autofree char *due_text = g_date_valid (&item->due) ? rd_date_format_long (&item->due) : NULL;
  gint64 minutes;
  gboolean exact;

  switch (item->group)
    {
    case RD_DASHBOARD_OVERDUE:
      if (rd_deadline_get_party (deadline) == RD_DEADLINE_ON_RESIDENT)
        return g_strdup_printf (rd_ngettext ("The time ran out %d working day ago",
                                             "The time ran out %d working days ago", (gulong) ABS (late)),
                                ABS (late));
      return g_strdup_printf (rd_ngettext ("%d working day late",
                                           "%d working days late", (gulong) ABS (late)),
                              ABS (late));
    case RD_DASHBOARD_DUE_SOON:
      if (g_date_valid (&item->due) && g_date_compare (&item->due, today) == 0)
        return g_strdup (_("Due today"));
      if (item->due_next_working_day)
        /* Translators: "Due by Monday 18 November 2024, the next working day" */
        return g_strdup_printf (_("Due by %s, the next working day"), due_text);
      return g_strdup_printf (rd_ngettext ("Due by %s, in %d working day",
                                           "Due by %s, in %d working days", (gulong) ABS (late)),
                              due_text, ABS (late));
    case RD_DASHBOARD_LATER:
      return g_strdup_printf (_("Due by %s"), due_text);
    case RD_DASHBOARD_DONE:
      if (rd_deadline_get_hours_late (deadline, &minutes, &exact))
        return done_late_hours_text (minutes, exact);
      if (rd_deadline_get_status (deadline) == RD_DEADLINE_MISSED && late > 0)
        return done_late_text (rd_deadline_get_kind (deadline), late);
      if (rd_deadline_get_status (deadline) == RD_DEADLINE_MISSED)
        return g_strdup (_("Not as the rules allow"));
      return g_strdup (_("Done in time"));
    case RD_DASHBOARD_N_GROUPS:
    default:
      g_return_val_if_reached (NULL);
    }
}
