/* rd-pdf-page.h: what a PDF page read with Poppler holds.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <poppler.h>

G_BEGIN_DECLS

/* A page with fewer letters of its own than this, and a picture over a
 * quarter of it, is a scan (or a photograph) whose words are not text. */
#define RD_PDF_SCAN_MAX_LETTERS 16

gboolean rd_pdf_page_is_scan (PopplerPage *page);

G_END_DECLS
