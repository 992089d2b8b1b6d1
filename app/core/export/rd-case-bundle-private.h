/* rd-case-bundle-private.h: what the rd-case-bundle*.c files share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (RD_EXPORT_COMPILATION)
#error "rd-case-bundle-private.h belongs to app/core/export/: include the folder's public headers instead."
#endif

#include "rd-bundle.h"
#include "rd-bundle-layout.h"
#include "rd-case-bundle.h"
#include "rd-case-facts.h"
#include "rd-chronology.h"
#include "rd-evidence.h"
#include "rd-timeline.h"

G_BEGIN_DECLS

/* One part of the bundle after the index, before the layout places it. */
typedef struct
{
  char            *key;      /* RD_LAYOUT_LETTER …, or the exhibit number */
  const char      *home;     /* the section it goes in by default */
  RdBundleSection *section;  /* a part Redress writes, or */
  RdBundleExhibit *exhibit;
  guint            order;    /* in the bundle's own order */
  guint            place;    /* its section, by the layout */
  guint            rank;     /* its place among those the section names */
} RdLayoutItem;

GPtrArray  *_rd_case_bundle_choose_evidence (RdStore         *store,
                                             gint64           case_id,
                                             const RdCaseBundleOptions *options,
                                             GError         **error);
int         _rd_case_bundle_by_captured     (gconstpointer   a,
                                             gconstpointer   b);
const char *_rd_case_bundle_default_section (RdEvidenceKind  kind);
void        _rd_layout_item_clear           (gpointer        data);
void        _rd_layout_item_add             (GArray          *items,
                                             const char      *key,
                                             const char      *home,
                                             RdBundleSection *section,
                                             RdBundleExhibit *exhibit);
RdChronology    *_rd_case_bundle_chronology_new     (RdStore      *snapshot,
                                                    gint64        case_id,
                                                    RdCaseFacts  *facts,
                                                    GHashTable   *exhibit_refs,
                                                    gboolean      anonymise);
GHashTable      *_rd_case_bundle_dup_exhibit_refs   (RdStore      *store,
                                                    GPtrArray    *evidence);
RdCaseFacts     *_rd_case_bundle_dup_apart_from_diary (RdCaseFacts *facts);
RdBundleSection *_rd_case_bundle_chronology_section (RdChronology *entries,
                                                    RdTimeline   *timeline);
void        _rd_layout_items_place          (GArray          *items,
                                             RdBundleLayout  *layout);

G_END_DECLS
