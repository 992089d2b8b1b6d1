/* rd-chronology.h: a case's incidents, contacts and complaint steps merged by date.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rd-anonymise.h"
#include "rd-case-facts.h"
#include "rd-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  sort_key;     /* microseconds since the epoch, for ordering */
  char   *when;         /* "Monday 4 March 2024 at 23:10" */
  char   *what;         /* "Incident", "Contact", "Complaint" */
  char   *text;         /* what happened, anonymised if asked */
  char   *exhibits;     /* "3, 5" or "" */
  char   *written;      /* when it was first written down, or "" */
  char   *when_iso;     /* "2024-03-04 23:10", or "2024-03-04" for a day: sortable */
  char   *written_iso;  /* the same for when it was first written down, or "" */
} RdChronologyEntry;

typedef struct _RdChronology RdChronology;

/* What rd_chronology_new_paged() asks for a page of. */
typedef enum {
  RD_CHRONOLOGY_READ_INCIDENTS,
  RD_CHRONOLOGY_READ_CONTACTS,
} RdChronologyRead;

/* Reads up to @limit of the case's diary entries (RdIncident) or
 * contacts (RdContact) after @key, oldest first, as
 * rd_store_read_incidents_page() does; an empty array when there are no
 * more, %NULL with @error set when reading failed. */
typedef GPtrArray *(*RdChronologyReadFunc) (gpointer          user_data,
                                            RdChronologyRead  what,
                                            RdStorePageKey   *key,
                                            guint             limit,
                                            GError          **error);

/* Exhibit labels by what they are linked to: "incident:12" → "3, 5". */
GPtrArray *rd_chronology_build      (RdCaseFacts   *facts,
                                     GHashTable    *exhibit_refs,
                                     RdAnonymiser  *anonymiser);
void       rd_chronology_entry_free (RdChronologyEntry *entry);

RdChronology      *rd_chronology_new           (RdCaseFacts  *facts,
                                                GHashTable   *exhibit_refs,
                                                gboolean      anonymise);
RdChronology      *rd_chronology_new_paged     (RdCaseFacts  *facts,
                                                GHashTable   *exhibit_refs,
                                                gboolean      anonymise,
                                                RdChronologyReadFunc read,
                                                gpointer      user_data,
                                                GDestroyNotify destroy);
guint              rd_chronology_get_most_held (RdChronology *self);
gboolean           rd_chronology_check         (RdChronology  *self,
                                                GError       **error);
void               rd_chronology_free          (RdChronology *self);
guint              rd_chronology_get_n_entries (RdChronology *self);
RdChronologyEntry *rd_chronology_dup_entry     (RdChronology *self,
                                                guint         index);
char      *rd_chronology_entry_dup_paragraph (const RdChronologyEntry *entry);
gboolean   rd_chronology_write_csv  (GPtrArray     *entries,
                                     const char    *path,
                                     GError       **error);
gboolean   rd_chronology_write_odt  (GPtrArray     *entries,
                                     const char    *title,
                                     const char    *path,
                                     GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdChronology, rd_chronology_free)

G_END_DECLS
