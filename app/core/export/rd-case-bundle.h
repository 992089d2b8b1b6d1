/* rd-case-bundle.h: a case's complaint document and evidence bundle, from the store.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-bundle.h"
#include "rd-bundle-layout.h"
#include "rd-letter.h"
#include "rd-store.h"

G_BEGIN_DECLS

/* RdCaseBundleOptions.letter: the letter that fits the case's stage
 * (rd_letter_suggest()); the default. */
#define RD_CASE_BUNDLE_LETTER_FOR_STAGE RD_LETTER_N_KINDS

typedef struct
{
  gboolean     include_letter;
  RdLetterKind letter;            /* a kind, or RD_CASE_BUNDLE_LETTER_FOR_STAGE */
  gboolean     include_chronology;
  gboolean     anonymise;         /* third parties as "Neighbour A" */
  RdPaperSize  paper;
  gboolean     smaller;
  gboolean     keep_landscape;    /* wide evidence pages on landscape paper; FALSE: all upright */
  RdBundleLayout *layout;         /* sections and what each holds; NULL: the case's kept one */
  GArray      *evidence_ids;      /* gint64, in bundle order; NULL: all, oldest first */
  const GDate *today;             /* NULL: today */
  GHashTable  *passwords;         /* gint64* evidence id → password of a protected PDF; NULL: none */
  const char  *language;          /* of the letter and pages Redress writes; NULL: the case's */
  goffset      max_volume_size;   /* bytes: split into volumes under it; 0: one file */
  gboolean     section_stamps;    /* "B3" beside "Page N of M" */
} RdCaseBundleOptions;

void       rd_case_bundle_options_init (RdCaseBundleOptions  *options);
char      *rd_case_bundle_dup_language (RdStore              *store,
                                        gint64                case_id,
                                        const RdCaseBundleOptions *options,
                                        GError              **error);
RdBundle  *rd_case_bundle_build        (RdStore              *store,
                                        gint64                case_id,
                                        const RdCaseBundleOptions *options,
                                        GPtrArray           **chronology,
                                        GError              **error);
RdBundleLayout *rd_case_bundle_dup_layout (RdStore        *store,
                                           gint64          case_id,
                                           GError        **error);
char      *rd_case_bundle_dup_layout_json (RdStore       *store,
                                           gint64         case_id,
                                           const char    *layout_json,
                                           GError       **error);
GArray    *rd_case_bundle_order_evidence (RdStore         *store,
                                          gint64           case_id,
                                          const GArray    *order,
                                          const GArray    *exclude,
                                          GError         **error);
gboolean   rd_case_bundle_suggest_letter (RdStore        *store,
                                          gint64          case_id,
                                          const GDate    *today,
                                          RdLetterKind   *kind,
                                          GError        **error);
char      *rd_case_bundle_dup_chronology_title (RdStore      *store,
                                        gint64                case_id,
                                        const RdCaseBundleOptions *options,
                                        GError              **error);

G_END_DECLS
