/* rd-community-trigger.c: whether the diary meets the usual threshold for an ASB Case Review.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-community-trigger"

#include "config.h"

#include "rd-community-trigger.h"
#include "rd-datetime.h"
#include "rd-incident.h"

/*
 * The ASB Case Review (the "Community Trigger") lets a victim ask the
 * council, police and landlord to review their handling together. Each
 * area sets its threshold; three reports of anti-social behaviour within
 * six months is the common one. A report counts when it went to one of
 * the bodies that must take part: the police, the council or the landlord.
 */

/**
 * rd_incident_counts_for_community_trigger:
 *
 * Whether the entry is anti-social behaviour (not disrepair) reported to
 * the police, the council or the landlord.
 */
gboolean
rd_incident_counts_for_community_trigger (RdIncident *incident)
{
  g_return_val_if_fail (RD_IS_INCIDENT (incident), FALSE);

  return rd_incident_get_category (incident) != RD_CATEGORY_DISREPAIR &&
         rd_incident_get_starts_at (incident) != NULL &&
         (rd_incident_get_reported_to (incident) &
          (RD_REPORTED_POLICE | RD_REPORTED_COUNCIL | RD_REPORTED_LANDLORD)) != 0;
}

static void
incident_date (RdIncident *incident,
               GDate      *date)
{
  GDateTime *dt = rd_incident_get_starts_at (incident);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
}

/* Whether @later is less than six months after @earlier. */
static gboolean
within_window (const GDate *earlier,
               const GDate *later)
{
  GDate limit = *earlier;

  g_date_add_months (&limit, RD_COMMUNITY_TRIGGER_MONTHS);
  return g_date_compare (later, &limit) < 0;
}

/**
 * rd_community_trigger_check:
 * @incidents: (element-type RdIncident): the diary, oldest first
 * @today: the resident's today
 *
 * Finds the latest run of reported entries that meets the threshold: at
 * least three within six months. It names every reported entry in that
 * six-month run, so the resident can list them in the application.
 *
 * Returns: (transfer full) (nullable): the entries and dates, or %NULL when
 *   the diary does not meet the threshold
 */
RdCommunityTrigger *
rd_community_trigger_check (GPtrArray   *incidents,
                            const GDate *today)
{
  g_autoptr(GPtrArray) reported = g_ptr_array_new ();
  RdCommunityTrigger *result;
  GDate window_start;
  guint best_end = 0, best_start = 0;
  gboolean found = FALSE;

  g_return_val_if_fail (incidents != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  for (guint i = 0; i < incidents->len; i++)
    if (rd_incident_counts_for_community_trigger (g_ptr_array_index (incidents, i)))
      g_ptr_array_add (reported, g_ptr_array_index (incidents, i));

  /* For each reported entry, the earliest one less than six months before
   * it; keep the latest end that has enough in its window. */
  for (guint end = 0, start = 0; end < reported->len; end++)
    {
      GDate end_date, start_date;

      incident_date (g_ptr_array_index (reported, end), &end_date);
      for (;;)
        {
          incident_date (g_ptr_array_index (reported, start), &start_date);
          if (within_window (&start_date, &end_date))
            break;
          start++;
        }
      if (end - start + 1 >= RD_COMMUNITY_TRIGGER_REPORTS)
        {
          found = TRUE;
          best_start = start;
          best_end = end;
        }
    }
  if (!found)
    return NULL;

  result = g_new0 (RdCommunityTrigger, 1);
  result->incidents = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = best_start; i <= best_end; i++)
    g_ptr_array_add (result->incidents, g_object_ref (g_ptr_array_index (reported, i)));
  incident_date (g_ptr_array_index (reported, best_start), &result->first);
  incident_date (g_ptr_array_index (reported, best_end), &result->last);

  /* Still current when enough of them fall in the six months up to today. */
  window_start = *today;
  g_date_subtract_months (&window_start, RD_COMMUNITY_TRIGGER_MONTHS);
  {
    guint recent = 0;

    for (guint i = 0; i < reported->len; i++)
      {
        GDate d;

        incident_date (g_ptr_array_index (reported, i), &d);
        if (g_date_compare (&d, &window_start) > 0 && g_date_compare (&d, today) <= 0)
          recent++;
      }
    result->current = recent >= RD_COMMUNITY_TRIGGER_REPORTS;
  }
  return result;
}

void
rd_community_trigger_free (RdCommunityTrigger *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->incidents, g_ptr_array_unref);
  g_free (self);
}
