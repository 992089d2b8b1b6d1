/* rd-community-trigger.c: whether the diary meets the usual threshold for an ASB Case Review.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-community-trigger"

#include "config.h"

#include "rd-gettext.h"

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

/**
 * rd_community_trigger_dup_explanation:
 *
 * Returns: (transfer full): what the threshold means and what to do, in a
 *   few plain sentences
 */
char *
rd_community_trigger_dup_explanation (RdCommunityTrigger *self)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  first = rd_date_format_long (&self->first);
  last = rd_date_format_long (&self->last);
  out = g_string_new (NULL);
  g_string_append_printf (out,
                          rd_ngettext (
                                       "Your diary shows %u report of anti-social behaviour between %s and %s.",
                                       "Your diary shows %u reports of anti-social behaviour between %s and %s.",
                                       self->incidents->len),
                          self->incidents->len, first, last);
  g_string_append_c (out, ' ');
  g_string_append (out,
                   _("Three reports within six months is the usual threshold for an ASB Case Review "
                     "(the “Community Trigger”). The council, the police and your landlord must then "
                     "look again, together, at how they dealt with it. Ask your council for its "
                     "Community Trigger form, and list these entries."));
  if (!self->current)
    {
      g_string_append_c (out, ' ');
      g_string_append (out,
                       _("The latest of them was more than six months ago. Most councils count the "
                         "last six months, so ask yours whether these still count."));
    }
  return g_string_free (out, FALSE);
}

/**
 * rd_community_trigger_dup_entry:
 *
 * Returns: (transfer full): one entry as the application would list it:
 *   "Friday 6 September 2024 at 23:20: Noise, reported to Landlord (ref. …)"
 */
char *
rd_community_trigger_dup_entry (RdIncident *incident)
{
  g_autofree char *when = rd_datetime_format_long (rd_incident_get_starts_at (incident));
  g_autofree char *to = rd_reported_to_get_label (rd_incident_get_reported_to (incident));
  const char *category = rd_category_get_label (rd_incident_get_category (incident));
  const char *reference = rd_incident_get_reference (incident);

  g_return_val_if_fail (RD_IS_INCIDENT (incident), NULL);

  if (*reference != '\0')
    /* Translators: "Friday 6 September 2024 at 23:20: Noise, reported to Police (ref. CAD 2231)" */
    return g_strdup_printf (_("%s: %s, reported to %s (ref. %s)"), when, category, to, reference);
  /* Translators: "Friday 6 September 2024 at 23:20: Noise, reported to Landlord" */
  return g_strdup_printf (_("%s: %s, reported to %s"), when, category, to);
}
