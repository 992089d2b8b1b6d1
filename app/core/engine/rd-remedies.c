/* rd-remedies.c: what a resident may ask for, from the failures found and the Ombudsman's guidance.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-remedies"

#include "config.h"

#include "rd-gettext.h"

#include "rd-datetime.h"
#include "rd-deadline.h"
#include "rd-incident.h"
#include "rd-remedies.h"

/*
 * A pure function of the deadlines the engine found (so of the facts and
 * the policy) and of today, which picks the guidance in force. The
 * Ombudsman orders compensation per issue, not per missed day, so each
 * kind of failure gets the guidance's range once, however many deadlines
 * it missed; the count is shown so the resident can argue where in the
 * range they stand. Everything is worded as guidance: the Ombudsman
 * decides each case on its facts.
 */

struct _RdRemedies {
  GArray *lines;      /* RdRemedyLine, in RdRemedyArea order */
  GArray *losses;     /* RdServiceLossLine, in RdService order */
  guint   total_min;
  guint   total_max;
  GDate   today;
};

static gboolean
area_of_kind (RdDeadlineKind  kind,
              RdRemedyArea   *area)
{
  switch (kind)
    {
    case RD_DEADLINE_KIND_ACKNOWLEDGEMENT:
    case RD_DEADLINE_KIND_RESPONSE:
    case RD_DEADLINE_KIND_EXTENSION:
      *area = RD_REMEDY_AREA_COMPLAINT_HANDLING;
      return TRUE;
    case RD_DEADLINE_KIND_REPAIR:
    case RD_DEADLINE_KIND_HAZARD:
      *area = RD_REMEDY_AREA_REPAIRS;
      return TRUE;
    case RD_DEADLINE_KIND_ASB_RESPONSE:
      *area = RD_REMEDY_AREA_ASB;
      return TRUE;
    case RD_DEADLINE_KIND_PROMISE:
      *area = RD_REMEDY_AREA_APPOINTMENTS;
      return TRUE;
    case RD_DEADLINE_KIND_ESCALATION:
    case RD_DEADLINE_KIND_OMBUDSMAN:
    case RD_DEADLINE_KIND_RULE:
    default:
      /* The resident's own time limits are no failure of the landlord's;
       * a landlord's other rules say too little to match to the guidance. */
      return FALSE;
    }
}

/**
 * rd_remedies_suggest:
 * @deadlines: (element-type RdDeadline): the case's deadlines, as the
 *   engine judged them on @today
 * @today: the day the resident asks, which picks the guidance
 *
 * Counts the landlord's missed deadlines by kind of failure and offers,
 * for each kind, the range the Ombudsman's guidance in force on @today
 * gives (none when Redress has no sourced figure for it), and the total.
 *
 * Returns: (transfer full): the suggestion; empty when nothing was missed
 */
RdRemedies *
rd_remedies_suggest (GListModel  *deadlines,
                     const GDate *today)
{
  RdRemedies *self;
  guint counts[RD_REMEDY_N_AREAS] = { 0 };

  g_return_val_if_fail (G_IS_LIST_MODEL (deadlines), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  for (guint i = 0, n = g_list_model_get_n_items (deadlines); i < n; i++)
    {
      g_autoptr(RdDeadline) deadline = g_list_model_get_item (deadlines, i);
      RdRemedyArea area;

      if (rd_deadline_get_party (deadline) == RD_DEADLINE_ON_LANDLORD &&
          rd_deadline_get_status (deadline) == RD_DEADLINE_MISSED &&
          area_of_kind (rd_deadline_get_kind (deadline), &area))
        counts[area]++;
    }

  self = g_new0 (RdRemedies, 1);
  self->lines = g_array_new (FALSE, TRUE, sizeof (RdRemedyLine));
  self->today = *today;
  for (guint area = 0; area < RD_REMEDY_N_AREAS; area++)
    {
      RdRemedyLine line = { area, counts[area], NULL };

      if (counts[area] == 0)
        continue;
      line.figure = rd_remedy_figure_for (area, today);
      if (line.figure != NULL)
        {
          self->total_min += rd_remedy_figure_get_min (line.figure);
          self->total_max += rd_remedy_figure_get_max (line.figure);
        }
      g_array_append_val (self->lines, line);
    }
  return self;
}

void
rd_remedies_free (RdRemedies *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->lines);
  for (guint i = 0; self->losses != NULL && i < self->losses->len; i++)
    g_array_unref (g_array_index (self->losses, RdServiceLossLine, i).periods);
  g_clear_pointer (&self->losses, g_array_unref);
  g_free (self);
}

guint
rd_remedies_get_n_lines (RdRemedies *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->lines->len;
}

const RdRemedyLine *
rd_remedies_get_line (RdRemedies *self,
                      guint       index)
{
  g_return_val_if_fail (self != NULL && index < self->lines->len, NULL);
  return &g_array_index (self->lines, RdRemedyLine, index);
}

/* The sum of the lower ends of the ranges offered (0 when none is). */
guint
rd_remedies_get_total_min (RdRemedies *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->total_min;
}

guint
rd_remedies_get_total_max (RdRemedies *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->total_max;
}

const GDate *
rd_remedies_get_today (RdRemedies *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->today;
}

const char *
rd_remedy_area_get_label (RdRemedyArea area)
{
  switch (area)
    {
    case RD_REMEDY_AREA_COMPLAINT_HANDLING: return _("Complaint handling");
    case RD_REMEDY_AREA_REPAIRS: return _("Repairs and hazards");
    case RD_REMEDY_AREA_ASB: return _("Responses to reports of anti-social behaviour");
    case RD_REMEDY_AREA_APPOINTMENTS: return _("Appointments and promises");
    case RD_REMEDY_N_AREAS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
dup_advice (const RdRemedyLine *line,
            RdRemedyVoice       voice)
{
  guint min, max;

  if (line->figure == NULL)
    return g_strdup (voice == RD_REMEDY_VOICE_LETTER
                     ? _("I ask you to consider compensation for this under your own "
                         "compensation policy.")
                     : _("Redress has no figure from the Ombudsman’s published guidance for "
                         "this. You may ask what the landlord’s own compensation policy offers."));
  min = rd_remedy_figure_get_min (line->figure);
  max = rd_remedy_figure_get_max (line->figure);
  /* RD_REMEDY_IMPACT_ADVERSE is the only impact so far; a new one gets its own sentences. */
  if (voice == RD_REMEDY_VOICE_LETTER)
    return g_strdup_printf (_("The Housing Ombudsman’s guidance suggests £%u to £%u where a "
                              "landlord’s failure adversely affected the resident. I ask you to "
                              "consider compensation in that range for this."), min, max);
  return g_strdup_printf (_("The Ombudsman’s guidance suggests £%u to £%u where a landlord’s "
                            "failure adversely affected the resident: you may ask for an amount "
                            "in that range."), min, max);
}

/**
 * rd_remedy_line_dup_text:
 *
 * One kind of failure, how many were found and what the guidance
 * suggests, as one paragraph.
 *
 * Returns: (transfer full): the text
 */
char *
rd_remedy_line_dup_text (const RdRemedyLine *line,
                         RdRemedyVoice       voice)
{
  g_autofree char *advice = NULL;
  g_autofree char *count = NULL;

  g_return_val_if_fail (line != NULL, NULL);

  advice = dup_advice (line, voice);
  count = g_strdup_printf (rd_ngettext ("%u failure found", "%u failures found", line->n_failures),
                           line->n_failures);
  /* Translators: "Complaint handling (3 failures found). The Ombudsman’s guidance suggests …" */
  return g_strdup_printf (_("%s (%s). %s"), rd_remedy_area_get_label (line->area), count, advice);
}

/**
 * rd_remedy_line_dup_source:
 *
 * Where the line's figure is written, or %NULL when it has none.
 *
 * Returns: (transfer full) (nullable): the source
 */
char *
rd_remedy_line_dup_source (const RdRemedyLine *line)
{
  g_return_val_if_fail (line != NULL, NULL);

  if (line->figure == NULL)
    return NULL;
  /* Translators: the document (with its date), its section, its address */
  return g_strdup_printf (_("Source: %s, %s, %s"),
                          rd_remedy_figure_get_guidance (line->figure),
                          rd_remedy_figure_get_section (line->figure),
                          rd_remedy_figure_get_url (line->figure));
}

/**
 * rd_remedies_dup_total_text:
 *
 * The ranges added up, with the reminder that they are guidance.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when no line
 *   has a figure
 */
char *
rd_remedies_dup_total_text (RdRemedies    *self,
                            RdRemedyVoice  voice)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->total_max == 0)
    return NULL;
  if (voice == RD_REMEDY_VOICE_LETTER)
    return g_strdup_printf (_("In all, I ask you to consider compensation of £%u to £%u. I "
                              "understand that these are the amounts the Ombudsman’s guidance "
                              "suggests, and that each case is decided on its own facts."),
                            self->total_min, self->total_max);
  return g_strdup_printf (_("In all, the guidance suggests £%u to £%u. This is guidance, not an "
                            "entitlement: the Ombudsman decides each case on its own facts."),
                          self->total_min, self->total_max);
}

/**
 * rd_remedies_dup_summary:
 *
 * The whole suggestion for the resident, ready to read or paste: each
 * kind of failure with its range and source, then the total.
 *
 * Returns: (transfer full): the text
 */
char *
rd_remedies_dup_summary (RdRemedies *self)
{
  GString *out;
  g_autofree char *total = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->lines->len == 0 && rd_remedies_get_n_service_lines (self) == 0)
    return g_strdup (_("Redress found no missed deadline or broken promise to ask compensation "
                       "for."));
  out = g_string_new (NULL);
  for (guint i = 0; i < self->lines->len; i++)
    {
      const RdRemedyLine *line = &g_array_index (self->lines, RdRemedyLine, i);
      g_autofree char *text = rd_remedy_line_dup_text (line, RD_REMEDY_VOICE_RESIDENT);
      g_autofree char *source = rd_remedy_line_dup_source (line);

      g_string_append_printf (out, "%s\n", text);
      if (source != NULL)
        g_string_append_printf (out, "%s\n", source);
    }
  for (guint i = 0; i < rd_remedies_get_n_service_lines (self); i++)
    {
      g_autofree char *text = rd_service_loss_line_dup_text (rd_remedies_get_service_line (self, i),
                                                             RD_REMEDY_VOICE_RESIDENT);

      g_string_append_printf (out, "%s\n", text);
    }
  if (rd_remedies_get_n_service_lines (self) > 0)
    {
      g_autofree char *source = rd_remedies_dup_service_source (self);

      g_string_append_printf (out, "%s\n", source);
    }
  total = rd_remedies_dup_total_text (self, RD_REMEDY_VOICE_RESIDENT);
  if (total != NULL)
    g_string_append_printf (out, "%s\n", total);
  g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/*
 * Days without heating, hot water or power. A diary entry of disrepair
 * records one loss (which services, from, until or still going on); the
 * same days may be recorded twice (a boiler entry and a later one about
 * the same breakdown), so each service's days are the union of its
 * losses, a day counted once. A loss still going on counts up to today.
 * No amount is offered: Redress has no daily figure from a primary
 * source (see the README), so the line names the failure and its source,
 * and suggests asking for the landlord's own rate.
 */

static gint
compare_periods (gconstpointer a,
                 gconstpointer b)
{
  return g_date_compare (&((const RdServicePeriod *) a)->from, &((const RdServicePeriod *) b)->from);
}

/* The last day a period counts: its end, or today while it goes on */
static const GDate *
period_end (const RdServicePeriod *period,
            const GDate           *today)
{
  return g_date_valid (&period->until) && g_date_compare (&period->until, today) < 0
         ? &period->until : today;
}

/* Days in the union of @periods (sorted by first day), each day once */
static guint
count_union_days (GArray      *periods,
                  const GDate *today)
{
  guint days = 0;
  GDate run_from, run_end;

  g_date_clear (&run_from, 1);
  g_date_clear (&run_end, 1);
  for (guint i = 0; i < periods->len; i++)
    {
      const RdServicePeriod *p = &g_array_index (periods, RdServicePeriod, i);
      const GDate *end = period_end (p, today);

      if (g_date_valid (&run_from) && g_date_get_julian (&p->from) <= g_date_get_julian (&run_end) + 1)
        {
          if (g_date_compare (end, &run_end) > 0)
            run_end = *end;
          continue;
        }
      if (g_date_valid (&run_from))
        days += g_date_get_julian (&run_end) - g_date_get_julian (&run_from) + 1;
      run_from = p->from;
      run_end = *end;
    }
  if (g_date_valid (&run_from))
    days += g_date_get_julian (&run_end) - g_date_get_julian (&run_from) + 1;
  return days;
}

/**
 * rd_remedies_add_service_losses:
 * @incidents: (element-type RdIncident): the case's diary entries
 *
 * Adds, for each service lost in the diary, its losses and the days
 * without it in all, counted up to the day the remedies were asked for.
 * Losses that begin after that day are left out: none of their days has
 * passed yet.
 */
void
rd_remedies_add_service_losses (RdRemedies *self,
                                GPtrArray  *incidents)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (incidents != NULL);

  if (self->losses == NULL)
    self->losses = g_array_new (FALSE, TRUE, sizeof (RdServiceLossLine));
  for (guint s = 0; s < RD_SERVICE_N_SERVICES; s++)
    {
      RdServiceLossLine line = { s, g_array_new (FALSE, TRUE, sizeof (RdServicePeriod)), 0 };

      for (guint i = 0; i < incidents->len; i++)
        {
          RdIncident *incident = g_ptr_array_index (incidents, i);
          RdServiceLoss loss;
          RdServicePeriod period;

          if (!rd_category_is_repair (rd_incident_get_category (incident)) ||
              !rd_service_loss_from_key (rd_incident_get_service_loss (incident), &loss, NULL) ||
              !loss.lost[s] || g_date_compare (&loss.from, &self->today) > 0)
            continue;
          period.from = loss.from;
          period.until = loss.until;
          period.days = rd_service_loss_count_days (&loss, &self->today);
          g_array_append_val (line.periods, period);
        }
      if (line.periods->len == 0)
        {
          g_array_unref (line.periods);
          continue;
        }
      g_array_sort (line.periods, compare_periods);
      line.days = count_union_days (line.periods, &self->today);
      g_array_append_val (self->losses, line);
    }
}

guint
rd_remedies_get_n_service_lines (RdRemedies *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->losses != NULL ? self->losses->len : 0;
}

const RdServiceLossLine *
rd_remedies_get_service_line (RdRemedies *self,
                              guint       index)
{
  g_return_val_if_fail (self != NULL && index < rd_remedies_get_n_service_lines (self), NULL);
  return &g_array_index (self->losses, RdServiceLossLine, index);
}

static char *
dup_service_total (RdService service,
                   guint     days)
{
  switch (service)
    {
    case RD_SERVICE_HEATING:
      return g_strdup_printf (rd_ngettext ("Without heating for %u day in all.",
                                           "Without heating for %u days in all.", days), days);
    case RD_SERVICE_HOT_WATER:
      return g_strdup_printf (rd_ngettext ("Without hot water for %u day in all.",
                                           "Without hot water for %u days in all.", days), days);
    case RD_SERVICE_POWER:
      return g_strdup_printf (rd_ngettext ("Without power for %u day in all.",
                                           "Without power for %u days in all.", days), days);
    case RD_SERVICE_N_SERVICES:
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
dup_period (const RdServicePeriod *period)
{
  g_autofree char *from = rd_date_format_long (&period->from);
  g_autofree char *until = NULL;

  if (!g_date_valid (&period->until))
    /* Translators: one loss of a service still going on: its first day, and the days so far */
    return g_strdup_printf (rd_ngettext ("From %s, and still going on: %u day so far.",
                                         "From %s, and still going on: %u days so far.",
                                         period->days), from, period->days);
  until = rd_date_format_long (&period->until);
  /* Translators: one loss of a service: its first and last days, and how many days */
  return g_strdup_printf (rd_ngettext ("From %s to %s: %u day.", "From %s to %s: %u days.",
                                       period->days), from, until, period->days);
}

/**
 * rd_service_loss_line_dup_text:
 *
 * One service: the days without it in all, each recorded loss with its
 * days, and what to ask for, as one paragraph. No amount: Redress has no
 * daily figure from a primary source.
 *
 * Returns: (transfer full): the text
 */
char *
rd_service_loss_line_dup_text (const RdServiceLossLine *line,
                               RdRemedyVoice            voice)
{
  GString *out;
  g_autofree char *total = NULL;

  g_return_val_if_fail (line != NULL, NULL);

  total = dup_service_total (line->service, line->days);
  out = g_string_new (total);
  for (guint i = 0; i < line->periods->len; i++)
    {
      g_autofree char *period = dup_period (&g_array_index (line->periods, RdServicePeriod, i));

      g_string_append_printf (out, " %s", period);
    }
  g_string_append_c (out, ' ');
  g_string_append (out, voice == RD_REMEDY_VOICE_LETTER
                   ? _("I ask you to consider compensation for each of these days under your own "
                       "compensation policy.")
                   : _("Redress has no daily figure from the Ombudsman’s published guidance for "
                       "this. You may ask what the landlord’s own compensation policy pays for "
                       "each day."));
  return g_string_free (out, FALSE);
}

/**
 * rd_remedies_dup_service_source:
 *
 * Why days without heating, hot water or power are the landlord's failure,
 * and the Ombudsman's guidance in force on the day asked.
 *
 * Returns: (transfer full): the source
 */
char *
rd_remedies_dup_service_source (RdRemedies *self)
{
  const RdRemedyFigure *figure;

  g_return_val_if_fail (self != NULL, NULL);

  figure = rd_remedy_figure_for (RD_REMEDY_AREA_REPAIRS, &self->today);
  if (figure == NULL)
    /* Translators: the address is the law's own page */
    return g_strdup_printf (_("Source: the landlord’s duty to keep the installations for water, "
                              "gas, electricity, heating and hot water in repair and working "
                              "order, Landlord and Tenant Act 1985, section 11, %s"),
                            "https://www.legislation.gov.uk/ukpga/1985/70/section/11");
  /* Translators: the first address is the law's own page; then the
   * Ombudsman's guidance (with its date) and its address */
  return g_strdup_printf (_("Source: the landlord’s duty to keep the installations for water, gas, "
                            "electricity, heating and hot water in repair and working order, "
                            "Landlord and Tenant Act 1985, section 11, %s; %s, %s"),
                          "https://www.legislation.gov.uk/ukpga/1985/70/section/11",
                          rd_remedy_figure_get_guidance (figure), rd_remedy_figure_get_url (figure));
}
