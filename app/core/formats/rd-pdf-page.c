/* rd-pdf-page.c: what a PDF page read with Poppler holds.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-pdf"

#include "config.h"

#include <math.h>

#include "rd-pdf-page.h"
#include "rd-poppler.h"

/**
 * rd_pdf_page_is_scan:
 *
 * Whether @page is a picture of a page rather than text: fewer than
 * %RD_PDF_SCAN_MAX_LETTERS letters of its own, and pictures covering at
 * least a quarter of it. The text recognition reads such pages, and the
 * bundle check warns of those it has not read, by this one rule.
 */
gboolean
rd_pdf_page_is_scan (PopplerPage *page)
{
  g_autofree char *text = NULL;
  double width, height, covered = 0;
  guint letters = 0;
  GList *images;

  g_return_val_if_fail (POPPLER_IS_PAGE (page), FALSE);

  text = poppler_page_get_text (page);
  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)) && ++letters >= RD_PDF_SCAN_MAX_LETTERS)
      return FALSE;
  poppler_page_get_size (page, &width, &height);
  images = poppler_page_get_image_mapping (page);
  for (GList *l = images; l != NULL; l = l->next)
    {
      PopplerImageMapping *mapping = l->data;

      covered += fabs ((mapping->area.x2 - mapping->area.x1) * (mapping->area.y2 - mapping->area.y1));
    }
  poppler_page_free_image_mapping (images);
  /* A page with little text and no big picture is blank or drawn: there
   * is nothing to read on it. */
  return covered >= 0.25 * width * height;
}
