/* rd-community-trigger.c: whether the diary's reports meet the council's threshold for an ASB Case Review.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-community-trigger"

#include "config.h"

#include "rd-gettext.h"

#include "rd-case.h"
#include "rd-community-trigger.h"
#include "rd-datetime.h"
#include "rd-incident.h"

/*
 * The ASB Case Review (the "Community Trigger", Anti-social Behaviour,
 * Crime and Policing Act 2014, s.104) lets a victim ask the council, the
 * police and the landlord to review together how they dealt with reports
 * of anti-social behaviour. Each area publishes its own threshold; the
 * usual one counts reports, not incidents: a report counts when it was
 * made to one of those bodies within one month of the behaviour, and the
 * application must come within six months of the reports. So an entry is
 * dated by when it was reported, and one reported late is listed with the
 * reason it does not count. An entry reported to several bodies is one
 * report of one piece of behaviour: it counts once, dated by the earliest
 * report made in time.
 */

/**
 * rd_category_counts_for_community_trigger:
 *
 * Whether entries of @category can be reports an ASB Case Review counts:
 * anything but disrepair, which is the landlord's to repair, not behaviour.
 */
gboolean
rd_category_counts_for_community_trigger (RdCategory category)
{
  return category != RD_CATEGORY_DISREPAIR;
}

/**
 * rd_incident_counts_for_community_trigger:
 *
 * Whether the entry is anti-social behaviour (not disrepair) reported to
 * the police, the council or the landlord.
 */
gboolean
rd_incident_counts_for_community_trigger (RdIncident *incident)
{
  RdAsbReport report;

  g_return_val_if_fail (RD_IS_INCIDENT (incident), FALSE);

  if (!rd_category_counts_for_community_trigger (rd_incident_get_category (incident)) ||
      rd_incident_get_starts_at (incident) == NULL)
    return FALSE;
  if ((rd_incident_get_reported_to (incident) &
       (RD_REPORTED_POLICE | RD_REPORTED_COUNCIL | RD_REPORTED_LANDLORD)) != 0 ||
      rd_incident_get_landlord_reported_on (incident) != NULL)
    return TRUE;
  rd_asb_report_from_key (rd_incident_get_asb_report (incident), &report, NULL);
  return g_date_valid (&report.police) || g_date_valid (&report.council);
}

/**
 * rd_asb_review_threshold_from_case:
 *
 * The threshold the case's council uses, as recorded on the case.
 */
void
rd_asb_review_threshold_from_case (RdAsbReviewThreshold *threshold,
                                   RdCase               *rcase)
{
  g_return_if_fail (threshold != NULL);
  g_return_if_fail (RD_IS_CASE (rcase));

  threshold->reports = rd_case_get_asb_review_reports (rcase);
  threshold->hate_once = rd_case_get_asb_review_hate (rcase);
}

static void
report_free (RdAsbReviewReport *report)
{
  g_clear_object (&report->incident);
  g_free (report);
}

static void
incident_day (RdIncident *incident,
              GDate      *date)
{
  GDateTime *dt = rd_incident_get_starts_at (incident);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
}

typedef struct {
  GDate    happened;
  GDate    month_after;   /* the last day a report is in time */
  GDate    first_in_time;
  GDate    first_late;
  gboolean dated;         /* the report that decides has a recorded day */
} Reports;

/* One body's report: on @day, or, when the diary gives no day, on the day
 * the behaviour happened (as far as Redress can tell, it was in time). */
static void
consider (Reports     *r,
          const GDate *day,
          const GDate *today)
{
  const GDate *when = g_date_valid (day) ? day : &r->happened;

  /* A report after today is a typing mistake, not a report: leave it out. */
  if (g_date_compare (when, today) > 0)
    return;
  if (g_date_compare (when, &r->month_after) <= 0)
    {
      if (!g_date_valid (&r->first_in_time) || g_date_compare (when, &r->first_in_time) < 0)
        {
          r->first_in_time = *when;
          r->dated = g_date_valid (day);
        }
    }
  else if (!g_date_valid (&r->first_late) || g_date_compare (when, &r->first_late) < 0)
    r->first_late = *when;
}

static RdAsbReviewReport *
report_of (RdIncident  *incident,
           const GDate *today)
{
  RdAsbReviewReport *out;
  RdReportedTo to = rd_incident_get_reported_to (incident) &
                    (RD_REPORTED_POLICE | RD_REPORTED_COUNCIL | RD_REPORTED_LANDLORD);
  const GDate *landlord_on = rd_incident_get_landlord_reported_on (incident);
  RdAsbReport asb;
  GDate none;
  Reports r;

  rd_asb_report_from_key (rd_incident_get_asb_report (incident), &asb, NULL);
  g_date_clear (&none, 1);
  g_date_clear (&r.first_in_time, 1);
  g_date_clear (&r.first_late, 1);
  r.dated = FALSE;
  incident_day (incident, &r.happened);
  r.month_after = r.happened;
  g_date_add_months (&r.month_after, 1);

  if (g_date_valid (&asb.police))
    to |= RD_REPORTED_POLICE;
  if (g_date_valid (&asb.council))
    to |= RD_REPORTED_COUNCIL;
  if (landlord_on != NULL)
    to |= RD_REPORTED_LANDLORD;
  if (to & RD_REPORTED_POLICE)
    consider (&r, &asb.police, today);
  if (to & RD_REPORTED_COUNCIL)
    consider (&r, &asb.council, today);
  if (to & RD_REPORTED_LANDLORD)
    consider (&r, landlord_on != NULL ? landlord_on : &none, today);
  if (!g_date_valid (&r.first_in_time) && !g_date_valid (&r.first_late))
    return NULL;

  out = g_new0 (RdAsbReviewReport, 1);
  out->incident = g_object_ref (incident);
  out->to = to;
  out->hate = asb.hate;
  if (g_date_valid (&r.first_in_time))
    {
      out->reported = r.first_in_time;
      out->dated = r.dated;
      out->status = RD_ASB_REVIEW_COUNTED;
    }
  else
    {
      out->reported = r.first_late;
      out->dated = TRUE;
      out->status = RD_ASB_REVIEW_LATE;
    }
  return out;
}

static int
compare_reports (gconstpointer a,
                 gconstpointer b)
{
  const RdAsbReviewReport *x = *(RdAsbReviewReport * const *) a;
  const RdAsbReviewReport *y = *(RdAsbReviewReport * const *) b;

  return g_date_compare (&x->reported, &y->reported);
}

/**
 * rd_community_trigger_check:
 * @incidents: (element-type RdIncident): the diary
 * @threshold: the council's threshold
 * @today: the resident's today: an application made today
 *
 * Sorts the diary's reports of anti-social behaviour into those an
 * application made today can count and those it cannot (reported more
 * than a month after the behaviour, or more than six months ago), and
 * says whether the counted ones meet the threshold.
 *
 * Returns: (transfer full): the reports and the verdict
 */
RdCommunityTrigger *
rd_community_trigger_check (GPtrArray                  *incidents,
                            const RdAsbReviewThreshold *threshold,
                            const GDate                *today)
{
  RdCommunityTrigger *self;
  gboolean any_hate = FALSE;

  g_return_val_if_fail (incidents != NULL, NULL);
  g_return_val_if_fail (threshold != NULL && threshold->reports >= 1, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_new0 (RdCommunityTrigger, 1);
  self->counted = g_ptr_array_new_with_free_func ((GDestroyNotify) report_free);
  self->excluded = g_ptr_array_new_with_free_func ((GDestroyNotify) report_free);
  self->threshold = *threshold;
  self->today = *today;
  self->window_start = *today;
  g_date_subtract_months (&self->window_start, 6);

  for (guint i = 0; i < incidents->len; i++)
    {
      RdIncident *incident = g_ptr_array_index (incidents, i);
      RdAsbReviewReport *report;

      if (!rd_incident_counts_for_community_trigger (incident) ||
          (report = report_of (incident, today)) == NULL)
        continue;
      if (report->status == RD_ASB_REVIEW_COUNTED &&
          g_date_compare (&report->reported, &self->window_start) < 0)
        report->status = RD_ASB_REVIEW_OLD;
      if (report->status == RD_ASB_REVIEW_COUNTED)
        {
          any_hate |= report->hate;
          g_ptr_array_add (self->counted, report);
        }
      else
        g_ptr_array_add (self->excluded, report);
    }
  g_ptr_array_sort (self->counted, compare_reports);
  g_ptr_array_sort (self->excluded, compare_reports);

  self->met = self->counted->len >= threshold->reports;
  if (!self->met && threshold->hate_once && any_hate)
    self->met = self->met_by_hate = TRUE;
  return self;
}

void
rd_community_trigger_free (RdCommunityTrigger *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->counted, g_ptr_array_unref);
  g_clear_pointer (&self->excluded, g_ptr_array_unref);
  g_free (self);
}

/**
 * rd_community_trigger_dup_explanation:
 *
 * Returns: (transfer full): how many reports count, the council's
 *   threshold, and whether they meet it, in a few plain sentences
 */
char *
rd_community_trigger_dup_explanation (RdCommunityTrigger *self)
{
  g_autofree char *since = NULL;
  guint n, wanted;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  n = self->counted->len;
  wanted = self->threshold.reports;
  since = rd_date_format_long (&self->window_start);
  out = g_string_new (NULL);
  g_string_append_printf (out,
                          rd_ngettext ("%u report in your diary counts towards an ASB Case Review (the "
                                       "“Community Trigger”) applied for today: made to the council, the "
                                       "police or your landlord within one month of the behaviour, and "
                                       "on or after %s.",
                                       "%u reports in your diary count towards an ASB Case Review (the "
                                       "“Community Trigger”) applied for today: made to the council, the "
                                       "police or your landlord within one month of the behaviour, and "
                                       "on or after %s.", n),
                          n, since);
  g_string_append_c (out, ' ');
  if (self->threshold.hate_once)
    g_string_append_printf (out,
                            rd_ngettext ("Your council’s threshold is %u report within six months, or "
                                         "one report of a hate incident.",
                                         "Your council’s threshold is %u reports within six months, or "
                                         "one report of a hate incident.", wanted),
                            wanted);
  else
    g_string_append_printf (out,
                            rd_ngettext ("Your council’s threshold is %u report within six months.",
                                         "Your council’s threshold is %u reports within six months.",
                                         wanted),
                            wanted);
  g_string_append_c (out, ' ');
  if (self->met)
    g_string_append (out, self->met_by_hate
                          ? _("One of them is a hate incident, which is enough on its own: you can "
                              "apply. The council, the police and your landlord must then look again, "
                              "together, at how they dealt with your reports.")
                          : _("That meets the threshold: you can apply. The council, the police and "
                              "your landlord must then look again, together, at how they dealt with "
                              "your reports."));
  else
    g_string_append (out, _("That does not meet the threshold yet."));
  if (self->excluded->len > 0)
    {
      g_string_append_c (out, ' ');
      g_string_append_printf (out,
                              rd_ngettext ("%u report does not count; the summary says why.",
                                           "%u reports do not count; the summary says why.",
                                           self->excluded->len),
                              self->excluded->len);
    }
  return g_string_free (out, FALSE);
}

/**
 * rd_community_trigger_dup_entry:
 *
 * Returns: (transfer full): one report as the application would list it:
 *   "Reported on Monday 3 March 2025 to: Police, Landlord (ref. CAD 2231).
 *   Noise on Sunday 2 March 2025 at 23:10.", with why it does not count
 *   when it does not
 */
char *
rd_community_trigger_dup_entry (const RdAsbReviewReport *report)
{
  g_autofree char *reported = NULL;
  g_autofree char *happened = NULL;
  g_autofree char *to = NULL;
  const char *category;
  const char *reference;
  GString *out;

  g_return_val_if_fail (report != NULL && RD_IS_INCIDENT (report->incident), NULL);

  /* Both dates take the form written after "on", so that each language
   * writes its own preposition and weekday form (Welsh "ar ddydd", Polish
   * "w piątek"); who it was reported to is a list of labels, which no
   * language can decline as a whole, so it stands after a colon. */
  reported = rd_date_format_on (&report->reported);
  happened = rd_datetime_format_on (rd_incident_get_starts_at (report->incident));
  to = rd_reported_to_get_label (report->to);
  category = rd_category_get_label (rd_incident_get_category (report->incident));
  reference = rd_incident_get_reference (report->incident);
  out = g_string_new (NULL);
  if (*reference != '\0')
    /* Translators: "Reported on Monday 3 March 2025 to: Police, Landlord (ref. CAD 2231). Noise
     * on Sunday 2 March 2025 at 23:10.": the first and last %s are dates with their
     * preposition; the second is a list of labels ("Police, Landlord") and the fourth a
     * category label ("Noise"), both as they stand alone: keep them after a colon or at the
     * start of a sentence, where your language needs no other form */
    g_string_append_printf (out, _("Reported %s to: %s (ref. %s). %s %s."),
                            reported, to, reference, category, happened);
  else
    /* Translators: "Reported on Monday 3 March 2025 to: Police, Landlord. Noise on Sunday 2
     * March 2025 at 23:10.": see the message with a reference */
    g_string_append_printf (out, _("Reported %s to: %s. %s %s."), reported, to, category, happened);
  if (report->hate)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, _("A hate incident."));
    }
  if (!report->dated)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, _("The diary does not say when it was reported, so the day it happened is used."));
    }
  if (report->status == RD_ASB_REVIEW_LATE)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, _("Not counted: it was reported more than one month after the behaviour."));
    }
  else if (report->status == RD_ASB_REVIEW_OLD)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, _("Not counted: it was reported more than six months before today."));
    }
  return g_string_free (out, FALSE);
}

static void
append_list (GString    *out,
             const char *heading,
             GPtrArray  *reports)
{
  if (reports->len == 0)
    return;
  g_string_append_printf (out, "\n\n%s", heading);
  for (guint i = 0; i < reports->len; i++)
    {
      g_autofree char *entry = rd_community_trigger_dup_entry (g_ptr_array_index (reports, i));

      g_string_append_printf (out, "\n%u. %s", i + 1, entry);
    }
}

/**
 * rd_community_trigger_dup_summary:
 *
 * Returns: (transfer full): the application summary, ready to paste into
 *   the council's form or an email: the verdict, then the reports that
 *   count and those that do not, each with its day, to whom and reference
 */
char *
rd_community_trigger_dup_summary (RdCommunityTrigger *self)
{
  g_autofree char *explanation = NULL;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  explanation = rd_community_trigger_dup_explanation (self);
  out = g_string_new (_("ASB Case Review: my reports of anti-social behaviour"));
  g_string_append_printf (out, "\n\n%s", explanation);
  append_list (out, _("Reports that count:"), self->counted);
  append_list (out, _("Reports that do not count:"), self->excluded);
  return g_string_free (out, FALSE);
}
