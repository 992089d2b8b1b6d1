/* rd-letter-sections.c: what several letters say of the diary, of what the
 * landlord was told, and of the remedies asked for.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-letters"

#include "config.h"

#include "rd-gettext.h"

#include "rd-datetime.h"
#include "rd-letters-private.h"

static char *
describe_incident (RdIncident *incident)
{
  g_autofree char *when = rd_datetime_format_long (rd_incident_get_starts_at (incident));
  g_autofree char *summary = rd_incident_dup_summary (incident);
  RdReportedTo reported = rd_incident_get_reported_to (incident);
  GString *out = g_string_new (NULL);

  /* Translators: one diary entry in a letter, "Friday 6 September 2024 at 23:20: Loud music…" */
  g_string_append_printf (out, _("%s: %s"), when, summary);
  if (!g_str_has_suffix (out->str, ".") && !g_str_has_suffix (out->str, "!") &&
      !g_str_has_suffix (out->str, "?"))
    g_string_append_c (out, '.');
  if (reported != RD_REPORTED_NONE)
    {
      g_autofree char *to = rd_reported_to_get_label (reported);
      const char *reference = rd_incident_get_reference (incident);

      if (*reference != '\0')
        /* Translators: "I reported it to: Police, Landlord (reference CAD 2231)." */
        g_string_append_printf (out, _(" I reported it to: %s (reference %s)."), to, reference);
      else
        g_string_append_printf (out, _(" I reported it to: %s."), to);
    }
  return g_string_free (out, FALSE);
}

/* The diary entries @complaint is about, oldest first; none without one. */
guint
_rd_letters_add_incidents (RdLetter    *letter,
                           RdCaseFacts *facts,
                           RdComplaint *complaint,
                           const char  *heading)
{
  GPtrArray *incidents = rd_case_facts_get_incidents (facts);
  guint added = 0;

  if (complaint == NULL)
    return 0;
  for (guint i = 0; i < incidents->len; i++)
    {
      RdIncident *incident = g_ptr_array_index (incidents, i);
      g_autofree char *text = NULL;

      if (!rd_complaint_has_incident (complaint, rd_incident_get_id (incident)) ||
          rd_incident_get_starts_at (incident) == NULL)
        continue;
      if (added++ == 0)
        rd_letter_add (letter, RD_LETTER_BLOCK_HEADING, heading);
      text = describe_incident (incident);
      rd_letter_add (letter, RD_LETTER_BLOCK_LIST_ITEM, text);
    }
  return added;
}

static gboolean
is_landlord_contact (RdCaseFacts *facts,
                     RdContact   *contact)
{
  RdParty *party = rd_case_facts_find_party (facts, rd_contact_get_party_id (contact));

  return party == NULL || rd_party_get_role (party) == RD_PARTY_LANDLORD_OFFICER;
}

/* What the resident has already told the landlord, before @before. */
void
_rd_letters_add_told_landlord (RdLetter    *letter,
                               RdCaseFacts *facts,
                               const GDate *before)
{
  GPtrArray *contacts = rd_case_facts_get_contacts (facts);
  guint added = 0;

  for (guint i = 0; i < contacts->len; i++)
    {
      RdContact *contact = g_ptr_array_index (contacts, i);
      g_autoptr(GDate) day = NULL;
      g_autofree char *when = NULL;
      g_autofree char *headline = NULL;
      const char *channel;

      if (rd_contact_get_direction (contact) != RD_CONTACT_TO ||
          rd_contact_get_occurred_at (contact) == NULL || !is_landlord_contact (facts, contact))
        continue;
      day = rd_datetime_get_date (rd_contact_get_occurred_at (contact));
      if (g_date_compare (day, before) >= 0)
        continue;
      if (added++ == 0)
        rd_letter_add (letter, RD_LETTER_BLOCK_HEADING, _("What I have already told you"));
      when = rd_date_format_long (day);
      headline = rd_contact_dup_headline (contact);
      channel = rd_contact_channel_get_label (rd_contact_get_channel (contact));
      /* Translators: "Tuesday 8 October 2024 (Email): Reported the noise…" */
      rd_letter_add_printf (letter, RD_LETTER_BLOCK_LIST_ITEM, _("%s (%s): %s"), when, channel, headline);
    }
}

/* What the Ombudsman's guidance suggests for the failures found, as the
 * resident's request: each kind of failure with its source, then the total. */
void
_rd_letters_add_remedies (RdLetter    *letter,
                          RdDashboard *dashboard,
                          const char  *heading)
{
  RdRemedies *remedies = rd_dashboard_get_remedies (dashboard);
  g_autofree char *total = NULL;

  if (rd_remedies_get_n_lines (remedies) == 0 && rd_remedies_get_n_service_lines (remedies) == 0)
    return;
  rd_letter_add (letter, RD_LETTER_BLOCK_HEADING, heading);
  for (guint i = 0; i < rd_remedies_get_n_lines (remedies); i++)
    {
      const RdRemedyLine *line = rd_remedies_get_line (remedies, i);
      g_autofree char *text = rd_remedy_line_dup_text (line, RD_REMEDY_VOICE_LETTER);
      g_autofree char *source = rd_remedy_line_dup_source (line);

      if (source != NULL)
        {
          g_autofree char *with_source = g_strdup_printf ("%s %s", text, source);
          rd_letter_add (letter, RD_LETTER_BLOCK_LIST_ITEM, with_source);
        }
      else
        rd_letter_add (letter, RD_LETTER_BLOCK_LIST_ITEM, text);
    }
  /* Days without heating, hot water or power: no amount, so outside the total */
  for (guint i = 0; i < rd_remedies_get_n_service_lines (remedies); i++)
    {
      const RdServiceLossLine *line = rd_remedies_get_service_line (remedies, i);
      g_autofree char *text = rd_service_loss_line_dup_text (line, RD_REMEDY_VOICE_LETTER);
      g_autofree char *source = rd_remedies_dup_service_source (remedies);
      g_autofree char *with_source = g_strdup_printf ("%s %s", text, source);

      rd_letter_add (letter, RD_LETTER_BLOCK_LIST_ITEM, with_source);
    }
  total = rd_remedies_dup_total_text (remedies, RD_REMEDY_VOICE_LETTER);
  if (total != NULL)
    rd_letter_add (letter, RD_LETTER_BLOCK_PARAGRAPH, total);
}
