/* rd-remedies.c: what a resident may ask for, from the failures found and the Ombudsman's guidance.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-remedies"

#include "config.h"

#include "rd-gettext.h"

#include "rd-deadline.h"
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

  if (self->lines->len == 0)
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
  total = rd_remedies_dup_total_text (self, RD_REMEDY_VOICE_RESIDENT);
  if (total != NULL)
    g_string_append_printf (out, "%s\n", total);
  g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}
