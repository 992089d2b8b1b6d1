/* rd-evidence-ocr.h: recognising the text of scanned PDF pages and
 * photographed letters with Tesseract, page by page, resumable.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rd-store-evidence.h"
#include "rd-store-ocr.h"

G_BEGIN_DECLS

/* PDF pages are drawn this finely for recognition: Tesseract reads
 * ordinary print best at about 300 dots per inch. */
#define RD_OCR_DPI 300

/* A word Tesseract is less sure of than this (0–100) is kept for
 * redaction, which must not miss a name, but left out of the searchable
 * text, so a photo of a wall does not fill the index with noise. */
#define RD_OCR_MIN_CONFIDENCE 50

typedef struct _RdOcr RdOcr;

typedef struct {
  guint pages_read;       /* recognised in this run */
  guint pages_with_text;  /* of those, how many had words */
  guint pages_failed;     /* could not be drawn or read */
  guint pages_done;       /* the case's pages done before this run */
} RdOcrSummary;

char      *rd_ocr_default_languages   (void);
RdOcr     *rd_ocr_new                 (const char      *languages,
                                       GError         **error);
void       rd_ocr_free                (RdOcr           *ocr);
const char *rd_ocr_get_languages      (RdOcr           *ocr);
RdOcrPage *rd_ocr_read_gray           (RdOcr           *ocr,
                                       const guint8    *pixels,
                                       int              width,
                                       int              height,
                                       int              stride,
                                       int              dpi,
                                       double           scale,
                                       GCancellable    *cancellable,
                                       GError         **error);

gboolean   rd_evidence_recognise_case (RdStore                *store,
                                       gint64                  case_id,
                                       const char             *languages,
                                       GCancellable           *cancellable,
                                       RdEvidenceProgressFunc  progress,
                                       gpointer                user_data,
                                       RdOcrSummary           *summary,
                                       GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdOcr, rd_ocr_free)

G_END_DECLS
