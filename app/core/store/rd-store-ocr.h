/* rd-store-ocr.h: text recognised (OCR) in evidence pages, a row per page.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rd-store.h"

G_BEGIN_DECLS

typedef enum {
  RD_OCR_PAGE_LAYER,       /* the page has its own text: not recognised */
  RD_OCR_PAGE_RECOGNISED,  /* recognised; its text may be empty */
  RD_OCR_PAGE_FAILED,      /* could not be drawn or read */
} RdOcrPageState;

/*
 * One page of a piece of evidence (a photo has one page, 0). The words are
 * lines of "left top right bottom confidence word", the box in the page's
 * own units (@width × @height: PDF points for a PDF page, pixels for a
 * picture turned upright), top left at 0,0; the confidence is 0–100.
 */
typedef struct {
  int             page;
  RdOcrPageState  state;
  char           *languages;  /* "eng", "eng+cym" */
  double          width;
  double          height;
  char           *text;
  char           *words;
} RdOcrPage;

void        rd_ocr_page_free               (RdOcrPage    *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdOcrPage, rd_ocr_page_free)

gboolean    rd_store_add_ocr_page          (RdStore      *self,
                                            gint64        evidence_id,
                                            const RdOcrPage *page,
                                            GError      **error);
GPtrArray  *rd_store_list_ocr_pages        (RdStore      *self,
                                            gint64        evidence_id,
                                            GError      **error);
GHashTable *rd_store_dup_ocr_pages_seen    (RdStore      *self,
                                            gint64        case_id,
                                            GError      **error);

G_END_DECLS
