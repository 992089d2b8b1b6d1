/* rd-chronology-pages.c: a chronology whose diary and contacts are read a page at a time.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bundle's chronology of 100,000 entries is drawn entry by entry, twice
 * (its pages are counted, then drawn). Held as facts, the whole diary
 * stayed in memory until the last page (47 MB in hundreds of thousands of
 * small objects: issue 17). Here only the case, its parties and its
 * complaints' steps are kept; the diary entries and contacts are read in
 * pages of PAGE_ROWS, each in the order the facts hold them, and merged
 * by date as they are asked for, each page let go when the next is read.
 *
 * The merge gives the order of rd_chronology_new(): by the minute, and on
 * the same minute incidents before contacts before steps, each in the
 * order of its own list. Each list is read in the order of its stored
 * time, which is the order of its time as a date: stored times are local
 * and written alike, and reading one as a date never puts it before the
 * one stored before it.
 */
#define G_LOG_DOMAIN "rd-chronology"

#include "config.h"

#include "rd-gettext.h"

#include "rd-chronology-private.h"

/* Diary entries or contacts read at once: a page of the bundle holds
 * about 10 paragraphs; this many read at a time keeps the store's reads
 * few without holding more than a few pages' worth. */
#define PAGE_ROWS 64

typedef struct
{
  RdChronologyRead  what;
  RdStorePageKey    key;
  GPtrArray        *page;   /* RdIncident or RdContact, oldest first */
  guint             next;   /* in page */
  gboolean          ended;
} Stream;

struct _RdChronologyPages
{
  GMutex                lock;
  RdChronologyReadFunc  read;
  gpointer              user_data;
  GDestroyNotify        destroy;
  Stream                streams[2];  /* the diary, the contacts */
  guint                 next_event;  /* in the chronology's rows: the steps */
  guint                 position;    /* the index of the next entry taken */
  guint                 most_held;   /* the most records held at once */
  GError               *error;       /* the first read that failed, if any */
};

static void
stream_reset (Stream *stream)
{
  rd_store_page_key_clear (&stream->key);
  g_clear_pointer (&stream->page, g_ptr_array_unref);
  stream->next = 0;
  stream->ended = FALSE;
}

static GDateTime *
record_time (Stream   *stream,
             gpointer  record)
{
  return stream->what == RD_CHRONOLOGY_READ_INCIDENTS
         ? rd_incident_get_starts_at (record)
         : rd_contact_get_occurred_at (record);
}

static guint
held_now (RdChronologyPages *pages)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (pages->streams); i++)
    if (pages->streams[i].page != NULL)
      n += pages->streams[i].page->len;
  return n;
}

/* The stream's next record, reading its next page when this one is done;
 * %NULL at its end. A record whose time cannot be read is left out, as
 * rd_chronology_new() leaves it out. */
static gpointer
stream_peek (RdChronologyPages *pages,
             Stream            *stream)
{
  while (!stream->ended)
    {
      if (stream->page != NULL && stream->next < stream->page->len)
        {
          gpointer record = stream->page->pdata[stream->next];

          if (record_time (stream, record) != NULL)
            return record;
          stream->next++;
          continue;
        }
      {
        g_autoptr(GError) error = NULL;

        /* The last page goes before the next is read. */
        g_clear_pointer (&stream->page, g_ptr_array_unref);
        stream->next = 0;
        stream->page = pages->read (pages->user_data, stream->what, &stream->key, PAGE_ROWS, &error);
        if (stream->page == NULL && pages->error == NULL)
          pages->error = g_steal_pointer (&error);
        if (stream->page == NULL || stream->page->len == 0)
          stream->ended = TRUE;
        pages->most_held = MAX (pages->most_held, held_now (pages));
      }
    }
  return NULL;
}

static gint64
sort_key (GDateTime *at)
{
  return g_date_time_to_unix (at) * G_USEC_PER_SEC;
}

/* Takes the chronology's next entry: its words when @make, else only its
 * place. */
static RdChronologyEntry *
take_next (RdChronology *self,
           gboolean      make)
{
  RdChronologyPages *pages = self->pages;
  gpointer incident = stream_peek (pages, &pages->streams[0]);
  gpointer contact = stream_peek (pages, &pages->streams[1]);
  const RdChronologyRow *step = pages->next_event < self->rows->len
    ? &g_array_index (self->rows, RdChronologyRow, pages->next_event) : NULL;
  gint64 best = G_MAXINT64;
  int which = -1;

  /* Only a strictly earlier one goes first, so on the same minute it is
   * incidents, then contacts, then steps. */
  if (incident != NULL)
    {
      best = sort_key (rd_incident_get_starts_at (incident));
      which = 0;
    }
  if (contact != NULL && (which < 0 || sort_key (rd_contact_get_occurred_at (contact)) < best))
    {
      best = sort_key (rd_contact_get_occurred_at (contact));
      which = 1;
    }
  if (step != NULL && (which < 0 || step->sort_key < best))
    which = 2;

  pages->position++;
  switch (which)
    {
    case 0:
      pages->streams[0].next++;
      return make ? _rd_chronology_incident_entry (self, incident) : NULL;
    case 1:
      pages->streams[1].next++;
      return make ? _rd_chronology_contact_entry (self, contact) : NULL;
    case 2:
      pages->next_event++;
      return make ? _rd_chronology_row_entry (self, step) : NULL;
    default:
      return NULL;
    }
}

/* An entry that could not be read: the store failed part way, or the
 * case held fewer entries than it said. The pages keep their numbers,
 * and the chronology says so (rd_chronology_check()), so that no bundle
 * goes out with a paragraph left empty. */
static RdChronologyEntry *
missing_entry (RdChronologyPages *pages)
{
  RdChronologyEntry *e = g_new0 (RdChronologyEntry, 1);

  if (pages->error == NULL)
    g_set_error_literal (&pages->error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("The case held fewer diary entries and contacts than it said."));
  e->when = g_strdup ("");
  e->what = g_strdup ("");
  e->text = g_strdup ("");
  e->exhibits = g_strdup ("");
  e->written = g_strdup ("");
  e->when_iso = g_strdup ("");
  e->written_iso = g_strdup ("");
  return e;
}

/* The entries are asked for in order, once for each time the pages are
 * laid out: an earlier one starts the reading again from the first. */
RdChronologyEntry *
_rd_chronology_pages_dup_entry (RdChronology *self,
                                guint         index)
{
  RdChronologyPages *pages = self->pages;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&pages->lock);
  RdChronologyEntry *entry;

  if (index < pages->position)
    {
      for (guint i = 0; i < G_N_ELEMENTS (pages->streams); i++)
        stream_reset (&pages->streams[i]);
      pages->next_event = 0;
      pages->position = 0;
    }
  while (pages->position < index)
    take_next (self, FALSE);
  entry = take_next (self, TRUE);
  return entry != NULL ? entry : missing_entry (pages);
}

void
_rd_chronology_pages_free (RdChronologyPages *pages)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages->streams); i++)
    stream_reset (&pages->streams[i]);
  if (pages->destroy != NULL)
    pages->destroy (pages->user_data);
  g_clear_error (&pages->error);
  g_mutex_clear (&pages->lock);
  g_free (pages);
}

/* The facts without the diary and the contacts: what the entries' words
 * need besides their own record (the parties a contact names, the
 * complaint a step belongs to). */
static RdCaseFacts *
facts_without_diary (RdCaseFacts *facts)
{
  RdCaseFacts *light = rd_case_facts_new (rd_case_facts_get_case (facts));
  GPtrArray *parties = rd_case_facts_get_parties (facts);
  GPtrArray *complaints = rd_case_facts_get_complaints (facts);

  if (rd_case_facts_get_admin (facts) != NULL)
    rd_case_facts_set_admin (light, rd_case_facts_get_admin (facts));
  for (guint i = 0; i < parties->len; i++)
    rd_case_facts_add_party (light, parties->pdata[i]);
  for (guint i = 0; i < complaints->len; i++)
    {
      GPtrArray *events = rd_case_facts_get_events (facts, complaints->pdata[i]);

      rd_case_facts_add_complaint (light, complaints->pdata[i]);
      for (guint k = 0; events != NULL && k < events->len; k++)
        rd_case_facts_add_event (light, complaints->pdata[i], events->pdata[k]);
    }
  return light;
}

static guint
count_timed (GPtrArray *records,
             gboolean   incidents)
{
  guint n = 0;

  for (guint i = 0; i < records->len; i++)
    if ((incidents ? rd_incident_get_starts_at (records->pdata[i])
                   : rd_contact_get_occurred_at (records->pdata[i])) != NULL)
      n++;
  return n;
}

/**
 * rd_chronology_new_paged:
 * @facts: the case as @read sees it (read from the same snapshot,
 *   rd_store_open_snapshot()), for the number of entries and for what the
 *   entries name; not kept
 * @exhibit_refs: (nullable): as for rd_chronology_new()
 * @read: reads the diary and the contacts a page at a time, on the
 *   thread that asks for the entries
 * @user_data: (transfer full): for @read, freed with @destroy
 *
 * The chronology of rd_chronology_new(), entry for entry, holding the
 * diary and the contacts only a page at a time: asked for in order (as a
 * bundle's pages are laid out and drawn), it reads each page once, and
 * never holds more than two (see rd_chronology_get_most_held()).
 *
 * Returns: (transfer full): the chronology
 */
RdChronology *
rd_chronology_new_paged (RdCaseFacts          *facts,
                         GHashTable           *exhibit_refs,
                         gboolean              anonymise,
                         RdChronologyReadFunc  read,
                         gpointer              user_data,
                         GDestroyNotify        destroy)
{
  g_autoptr(RdCaseFacts) light = NULL;
  RdChronology *self;
  RdChronologyPages *pages;

  g_return_val_if_fail (RD_IS_CASE_FACTS (facts), NULL);
  g_return_val_if_fail (read != NULL, NULL);

  light = facts_without_diary (facts);
  self = _rd_chronology_new_rows (light, exhibit_refs);
  self->n_entries += count_timed (rd_case_facts_get_incidents (facts), TRUE) +
                     count_timed (rd_case_facts_get_contacts (facts), FALSE);
  if (anonymise)
    {
      self->anon = rd_anonymiser_new_for_case (rd_case_facts_get_case (light),
                                               rd_case_facts_get_parties (light));
      self->owns_anon = TRUE;
    }
  pages = g_new0 (RdChronologyPages, 1);
  g_mutex_init (&pages->lock);
  pages->read = read;
  pages->user_data = user_data;
  pages->destroy = destroy;
  pages->streams[0].what = RD_CHRONOLOGY_READ_INCIDENTS;
  pages->streams[1].what = RD_CHRONOLOGY_READ_CONTACTS;
  self->pages = pages;
  return self;
}

/**
 * rd_chronology_check:
 *
 * Whether every entry asked for so far was read whole. Once a page of
 * the diary or the contacts could not be read from the store, the
 * entries after it come empty, and this says why.
 *
 * Returns: %FALSE, with @error set, once an entry could not be read
 */
gboolean
rd_chronology_check (RdChronology  *self,
                     GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->pages == NULL)
    return TRUE;
  locker = g_mutex_locker_new (&self->pages->lock);
  if (self->pages->error == NULL)
    return TRUE;
  g_set_error (error, self->pages->error->domain, self->pages->error->code,
               _("Part of the case’s diary could not be read for the chronology: %s"),
               self->pages->error->message);
  return FALSE;
}

/**
 * rd_chronology_get_most_held:
 *
 * Returns: the most diary entries and contacts the chronology has held at
 *   once; for a chronology made by rd_chronology_new(), all of them
 */
guint
rd_chronology_get_most_held (RdChronology *self)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (self != NULL, 0);

  if (self->pages == NULL)
    return rd_case_facts_get_incidents (self->facts)->len + rd_case_facts_get_contacts (self->facts)->len;
  locker = g_mutex_locker_new (&self->pages->lock);
  return self->pages->most_held;
}
