/* rd-timeline-words.c: what the timeline's items say: a contact's words, and each item's sentence.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An item says two sentences. rd_timeline_item_dup_text() says what the
 * picture draws, and goes with it into files (an SVG's description): no
 * names, nothing the resident wrote. rd_timeline_item_dup_spoken() is the
 * window's list, which a screen reader reads: a contact there says who it
 * was with and the first words of what it was about, as the picture shows
 * a sighted reader by where its mark sits and the contacts page beside it,
 * so that two contacts of the same minute (an email typed, and the same
 * email imported) are told apart.
 */
#define G_LOG_DOMAIN "rd-timeline"

#include "config.h"

#include "rd-gettext.h"
#include <string.h>

#include "rd-datetime.h"
#include "rd-timeline-items-private.h"

/* A summary's first words are said whole up to this many characters; a
 * longer one is cut after its first sentence, or else between words. */
#define ABOUT_MOST_CHARS 80
/* A first sentence shorter than this says too little alone: more is said. */
#define ABOUT_FEWEST_CHARS 20

/* The end of the first sentence of @line within @most characters ("." "!"
 * or "?" followed by a space), after at least ABOUT_FEWEST_CHARS; or NULL. */
static const char *
find_sentence_end (const char *line,
                   glong       most)
{
  glong n = 0;

  for (const char *c = line; *c != '\0' && n < most; c = g_utf8_next_char (c), n++)
    if (n >= ABOUT_FEWEST_CHARS && strchr (".!?", *c) != NULL && c[1] == ' ')
      return c + 1;
  return NULL;
}

/* The first line of @summary, cut to its first sentence, or else between
 * words (with "…"), when it is long; NULL when nothing is written. */
static char *
dup_first_words (const char *summary)
{
  g_autofree char *line = NULL;
  const char *end;
  const char *cut = NULL;
  glong n = 0;

  while (summary != NULL && g_ascii_isspace (*summary))
    summary++;
  if (summary == NULL || *summary == '\0')
    return NULL;
  end = strchr (summary, '\n');
  line = g_strstrip (end != NULL ? g_strndup (summary, end - summary) : g_strdup (summary));
  if (g_utf8_strlen (line, -1) <= ABOUT_MOST_CHARS)
    return g_steal_pointer (&line);
  end = find_sentence_end (line, ABOUT_MOST_CHARS);
  if (end != NULL)
    return g_strndup (line, end - line);
  /* The last space before the limit, so that no word is cut in two. */
  for (const char *c = line; *c != '\0' && n < ABOUT_MOST_CHARS; c = g_utf8_next_char (c), n++)
    if (*c == ' ')
      cut = c;
  if (cut == NULL)
    cut = g_utf8_offset_to_pointer (line, ABOUT_MOST_CHARS);
  while (cut > line && strchr (" ,;:-", cut[-1]) != NULL)
    cut--;
  return g_strdup_printf ("%.*s…", (int) (cut - line), line);
}

/* "Email to Complaints team", or "Email to them" when it names nobody. */
static char *
dup_heading (RdCaseFacts *facts,
             RdContact   *contact)
{
  const char *channel = rd_contact_channel_get_label (rd_contact_get_channel (contact));
  g_autofree char *who = rd_case_facts_dup_contact_who (facts, contact);
  gboolean from = rd_contact_get_direction (contact) == RD_CONTACT_FROM;

  if (who[0] == '\0')
    /* Translators: "Phone call from them", "Email to them": a contact with nobody named */
    return g_strdup_printf (from ? _("%s from them") : _("%s to them"), channel);
  if (from)
    /* Translators: "Phone call from Dee Marsh (Eastwick Homes)" */
    return g_strdup_printf (_("%s from %s"), channel, who);
  /* Translators: "Email to Dee Marsh (Eastwick Homes)" */
  return g_strdup_printf (_("%s to %s"), channel, who);
}

/* @contact's item, for a timeline being made; @facts gives its people. */
void
_rd_timeline_add_contact (GPtrArray   *items,
                          RdCaseFacts *facts,
                          RdContact   *contact)
{
  const char *channel = rd_contact_channel_get_label (rd_contact_get_channel (contact));
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDate) day = NULL;
  RdTimelineItem *item;
  RdParty *party;

  if (rd_contact_get_occurred_at (contact) == NULL)
    return;
  local = rd_datetime_to_local (rd_contact_get_occurred_at (contact));
  day = rd_datetime_get_date (local);
  item = _rd_timeline_item_new (RD_TIMELINE_CONTACT, day);
  item->direction = rd_contact_get_direction (contact);
  /* The same rule as the deadline adapter: nobody named is the landlord. */
  party = rd_case_facts_find_party (facts, rd_contact_get_party_id (contact));
  item->landlord = party == NULL || rd_party_get_role (party) == RD_PARTY_LANDLORD_OFFICER;
  item->when = rd_datetime_format_long (local);
  if (item->direction == RD_CONTACT_FROM)
    /* Translators: "Phone call from them": a contact with nothing written yet */
    item->title = g_strdup_printf (_("%s from them"), channel);
  else
    /* Translators: "Email to them": a contact with nothing written yet */
    item->title = g_strdup_printf (_("%s to them"), channel);
  item->detail = item->landlord ? g_strdup (_("With the landlord"))
                                : g_strdup (_("With someone other than the landlord"));
  item->heading = dup_heading (facts, contact);
  item->about = dup_first_words (rd_contact_get_summary (contact));
  g_ptr_array_add (items, item);
}

/**
 * rd_timeline_item_dup_text:
 *
 * Returns: (transfer full): the item in one line, as the picture shows it
 *   and a file of the picture says it: no names, nothing the resident wrote
 */
char *
rd_timeline_item_dup_text (const RdTimelineItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  if (item->detail == NULL || *item->detail == '\0')
    /* Translators: when, and what: "Monday 4 March 2024: Stage 1 response" */
    return g_strdup_printf (_("%s: %s"), item->when, item->title);
  /* Translators: when, what, and how it went: "Due by Monday 4 March 2024:
   * Stage 1 response. Answered 2 working days late" */
  return g_strdup_printf (_("%1$s: %2$s. %3$s"), item->when, item->title, item->detail);
}

/**
 * rd_timeline_item_dup_spoken:
 *
 * Returns: (transfer full): the item in one line, as the window's list
 *   shows it and a screen reader reads it: a contact says who it was with
 *   and what it was about; any other item says what
 *   rd_timeline_item_dup_text() does
 */
char *
rd_timeline_item_dup_spoken (const RdTimelineItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  if (item->heading == NULL)
    return rd_timeline_item_dup_text (item);
  if (item->about == NULL)
    return g_strdup_printf (_("%1$s: %2$s. %3$s"), item->when, item->heading, item->detail);
  /* Translators: when, who, whether with the landlord, and the first words
   * of what was written of it: "Monday 11 November 2024 at 10:00: Email to
   * Complaints team. With the landlord. “Sent my formal complaint.”" */
  return g_strdup_printf (_("%1$s: %2$s. %3$s. “%4$s”"), item->when, item->heading, item->detail,
                          item->about);
}
