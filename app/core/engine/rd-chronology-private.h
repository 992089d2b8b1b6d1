/* rd-chronology-private.h: what rd-chronology.c and rd-chronology-pages.c share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (RD_ENGINE_COMPILATION)
#error "rd-chronology-private.h belongs to app/core/engine/: include rd-chronology.h instead."
#endif

#include "rd-chronology.h"

G_BEGIN_DECLS

/* One entry of the chronology before it is written out: where its record
 * is in the facts and when it happened. The words are made only when the
 * entry is asked for, so a diary of 100,000 entries is never held as
 * text as well as facts (issue 17). */
typedef enum {
  RD_CHRONOLOGY_INCIDENT,
  RD_CHRONOLOGY_CONTACT,
  RD_CHRONOLOGY_EVENT,
} RdChronologyRowKind;

typedef struct
{
  gint64              sort_key;
  RdChronologyRowKind kind;
  guint               index;  /* in the incidents, the contacts, or the complaints */
  guint               event;  /* RD_CHRONOLOGY_EVENT: in that complaint's steps */
} RdChronologyRow;

typedef struct _RdChronologyPages RdChronologyPages;

struct _RdChronology
{
  RdCaseFacts       *facts;
  GHashTable        *refs;       /* nullable */
  RdAnonymiser      *anon;       /* nullable */
  gboolean           owns_anon;
  GArray            *rows;       /* RdChronologyRow, in date order; read page by
                                  * page, the complaint steps only */
  guint              n_entries;
  RdChronologyPages *pages;      /* nullable: the diary and contacts read
                                  * page by page (rd-chronology-pages.c) */
};

RdChronology      *_rd_chronology_new_rows       (RdCaseFacts      *facts,
                                                  GHashTable       *exhibit_refs);
RdChronologyEntry *_rd_chronology_incident_entry (RdChronology     *self,
                                                  RdIncident       *inc);
RdChronologyEntry *_rd_chronology_contact_entry  (RdChronology     *self,
                                                  RdContact        *c);
RdChronologyEntry *_rd_chronology_event_entry    (RdChronology     *self,
                                                  RdComplaint      *complaint,
                                                  RdComplaintEvent *ev);
RdChronologyEntry *_rd_chronology_row_entry      (RdChronology          *self,
                                                  const RdChronologyRow *row);

void               _rd_chronology_pages_free      (RdChronologyPages *pages);
RdChronologyEntry *_rd_chronology_pages_dup_entry (RdChronology      *self,
                                                   guint              index);

G_END_DECLS
