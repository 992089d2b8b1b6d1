/* rd-case-bundle-chronology.c: the bundle's chronology, read from the store a page at a time.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chronology's numbered paragraphs are written as their pages are
 * laid out and drawn, from diary entries and contacts read a page at a
 * time on the export's own snapshot of the store (rd_store_open_snapshot()),
 * so a long case is never held whole while its pages are drawn, and a
 * save made during the export changes nothing in it.
 */
#define G_LOG_DOMAIN "rd-case-bundle"

#include "config.h"

#include "rd-gettext.h"

#include "rd-case-bundle-private.h"
#include "rd-store-complaints.h"
#include "rd-store-evidence.h"
#include "rd-timeline-draw.h"

typedef struct
{
  RdStore *snapshot;
  gint64   case_id;
} Reader;

static void
reader_free (gpointer data)
{
  Reader *reader = data;

  g_object_unref (reader->snapshot);
  g_free (reader);
}

/* Runs on the thread that draws the pages; the snapshot is used by no
 * other meanwhile. */
static GPtrArray *
read_page (gpointer          data,
           RdChronologyRead  what,
           RdStorePageKey   *key,
           guint             limit,
           GError          **error)
{
  Reader *reader = data;

  if (what == RD_CHRONOLOGY_READ_INCIDENTS)
    return rd_store_read_incidents_page (reader->snapshot, reader->case_id, key, limit, error);
  return rd_store_read_contacts_page (reader->snapshot, reader->case_id, key, limit, error);
}

/**
 * _rd_case_bundle_chronology_new:
 * @snapshot: the store @facts were read from (rd_store_open_snapshot());
 *   kept
 *
 * The chronology of @facts, which it does not keep: its diary entries
 * and contacts are read from @snapshot a page at a time as they are asked
 * for.
 */
RdChronology *
_rd_case_bundle_chronology_new (RdStore     *snapshot,
                                gint64       case_id,
                                RdCaseFacts *facts,
                                GHashTable  *exhibit_refs,
                                gboolean     anonymise)
{
  Reader *reader = g_new0 (Reader, 1);

  reader->snapshot = g_object_ref (snapshot);
  reader->case_id = case_id;
  return rd_chronology_new_paged (facts, exhibit_refs, anonymise, read_page, reader, reader_free);
}

/**
 * _rd_case_bundle_dup_apart_from_diary:
 *
 * The case, its people and its complaints with their steps, without its
 * diary entries and contacts: what the timeline reads beside them
 * (rd_timeline_new_from_store()), once the facts are let go.
 *
 * Returns: (transfer full): a copy of that much of @facts
 */
RdCaseFacts *
_rd_case_bundle_dup_apart_from_diary (RdCaseFacts *facts)
{
  RdCaseFacts *copy = rd_case_facts_new (rd_case_facts_get_case (facts));
  GPtrArray *parties = rd_case_facts_get_parties (facts);
  GPtrArray *complaints = rd_case_facts_get_complaints (facts);

  for (guint i = 0; i < parties->len; i++)
    rd_case_facts_add_party (copy, parties->pdata[i]);
  for (guint i = 0; i < complaints->len; i++)
    {
      GPtrArray *events = rd_case_facts_get_events (facts, complaints->pdata[i]);

      rd_case_facts_add_complaint (copy, complaints->pdata[i]);
      for (guint e = 0; e < events->len; e++)
        rd_case_facts_add_event (copy, complaints->pdata[i], events->pdata[e]);
    }
  return copy;
}

static void
add_ref (GHashTable *refs,
         const char *key,
         const char *label)
{
  GString *labels = g_hash_table_lookup (refs, key);

  if (labels == NULL)
    {
      labels = g_string_new (NULL);
      g_hash_table_insert (refs, g_strdup (key), labels);
    }
  if (labels->len > 0)
    g_string_append (labels, ", ");
  g_string_append (labels, label);
}

static void
free_gstring (gpointer data)
{
  g_string_free (data, TRUE);
}

/* Which exhibits prove each diary entry, contact and complaint step:
 * "incident:12" → "3, 5". */
GHashTable *
_rd_case_bundle_dup_exhibit_refs (RdStore   *store,
                                  GPtrArray *evidence)
{
  g_autoptr(GHashTable) refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_gstring);
  GHashTable *flat_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < evidence->len; i++)
    {
      RdEvidence *ev = evidence->pdata[i];
      g_autofree char *label = g_strdup_printf ("%" G_GINT64_FORMAT, rd_evidence_get_exhibit_number (ev));
      g_autoptr(GListModel) links = rd_store_list_evidence_links (store, rd_evidence_get_id (ev), NULL);

      for (guint k = 0; links != NULL && k < g_list_model_get_n_items (links); k++)
        {
          g_autoptr(RdEvidenceLink) link = g_list_model_get_item (links, k);
          static const char * const prefix[] = { "incident", "contact", "event" };
          RdEvidenceTargetKind tk = rd_evidence_link_get_target_kind (link);
          g_autofree char *ref_key = NULL;

          if (tk >= RD_EVIDENCE_TARGET_N_KINDS)
            continue;
          ref_key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, prefix[tk], rd_evidence_link_get_target_id (link));
          add_ref (refs, ref_key, label);
        }
    }
  g_hash_table_iter_init (&iter, refs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (flat_refs, g_strdup (key), g_strdup (((GString *) value)->str));
  return flat_refs;
}

/* "12." and its paragraph, made as the page that holds it is drawn. */
static char *
chronology_row_cb (gpointer   chronology,
                   guint      index,
                   char     **label,
                   GError   **error)
{
  RdChronologyEntry *entry = rd_chronology_dup_entry (chronology, index);
  char *paragraph = rd_chronology_entry_dup_paragraph (entry);

  rd_chronology_entry_free (entry);
  if (!rd_chronology_check (chronology, error))
    {
      g_free (paragraph);
      return NULL;
    }
  *label = g_strdup_printf ("%u.", index + 1);
  return paragraph;
}

static void
draw_timeline_cb (cairo_t  *cr,
                  gpointer  timeline)
{
  rd_timeline_draw (timeline, cr, -1);
}

/* The timeline on the pages after the chronology's entries, in the
 * bundle's language (its words are drawn when the pages are). It shows
 * no names and nothing the resident wrote, so it needs no anonymising. */
static void
add_timeline (RdBundleSection *chron,
              RdTimeline      *timeline)
{
  double width, height;

  if (timeline == NULL || rd_timeline_get_n_items (timeline) == 0)
    return;
  rd_timeline_measure (timeline, &width, &height);
  rd_bundle_section_add (chron, RD_BLOCK_PAGE_BREAK, NULL, NULL);
  rd_bundle_section_add_drawing (chron, width, height, draw_timeline_cb,
                                 rd_timeline_ref (timeline), (GDestroyNotify) rd_timeline_unref);
}

/**
 * _rd_case_bundle_chronology_section:
 * @entries: (transfer full): the chronology, kept by the section
 * @timeline: (nullable): drawn after the entries
 *
 * The chronology's section: its title, a note, then its entries as
 * numbered paragraphs made as their pages are drawn, then the timeline.
 */
RdBundleSection *
_rd_case_bundle_chronology_section (RdChronology *entries,
                                    RdTimeline   *timeline)
{
  RdBundleSection *chron = rd_bundle_section_new (_("Chronology"));
  guint n_entries = rd_chronology_get_n_entries (entries);

  rd_bundle_section_add (chron, RD_BLOCK_TITLE, NULL, _("Chronology"));
  rd_bundle_section_add (chron, RD_BLOCK_NOTE, NULL,
                         _("Incidents from the diary, contacts and the complaint’s steps, "
                           "in date order. Exhibit numbers refer to the evidence that "
                           "follows."));
  if (n_entries > 0)
    rd_bundle_section_add_rows (chron, RD_BLOCK_NUMBERED, n_entries, chronology_row_cb,
                                entries, (GDestroyNotify) rd_chronology_free);
  else
    {
      rd_bundle_section_add (chron, RD_BLOCK_PARAGRAPH, NULL, _("Nothing recorded yet."));
      rd_chronology_free (entries);
    }
  add_timeline (chron, timeline);
  return chron;
}
