/* rd-evidence-preview.c: drawing a photo the right way up, or one page of a PDF, for a preview.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kept apart from importing: a preview reads only the file, never the
 * store, so the evidence service can draw it without a connection.
 */
#define G_LOG_DOMAIN "rd-evidence"

#include "config.h"

#include <cairo.h>
#include "rd-gettext.h"

#include "rd-evidence-preview.h"
#include "rd-evidence-private.h"

/* cairo's ARGB32 is premultiplied, native-endian; a pixbuf is straight RGBA. */
static GdkPixbuf *
pixbuf_from_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *src = cairo_image_surface_get_data (surface);
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, width, height);
  guchar *dst = gdk_pixbuf_get_pixels (pixbuf);
  int dst_stride = gdk_pixbuf_get_rowstride (pixbuf);

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 p = *(const guint32 *) (src + y * stride + x * 4);
        guint a = p >> 24;
        guchar *d = dst + y * dst_stride + x * 4;

        if (a == 0)
          {
            d[0] = d[1] = d[2] = d[3] = 0;
            continue;
          }
        d[0] = (((p >> 16) & 0xff) * 255 + a / 2) / a;
        d[1] = (((p >> 8) & 0xff) * 255 + a / 2) / a;
        d[2] = ((p & 0xff) * 255 + a / 2) / a;
        d[3] = a;
      }
  return pixbuf;
}

/**
 * rd_evidence_render_preview:
 * @password: (nullable): for a protected PDF
 * @page: the PDF page, from 0
 * @size: the longer side in pixels
 * @n_pages: (out) (optional): the PDF's page count (1 for a photo)
 *
 * Draws a photo the right way up, or one page of a PDF. Slow: call it from
 * a worker thread (it opens its own PopplerDocument there).
 *
 * Returns: (transfer full): the picture, or %NULL with a message for the
 *   resident in @error
 */
GdkPixbuf *
rd_evidence_render_preview (RdEvidence    *evidence,
                            const char    *password,
                            int            page,
                            int            size,
                            int           *n_pages,
                            GCancellable  *cancellable,
                            GError       **error)
{
  const char *path;

  g_return_val_if_fail (RD_IS_EVIDENCE (evidence), NULL);
  g_return_val_if_fail (size > 0, NULL);

  if (n_pages)
    *n_pages = 1;
  path = rd_evidence_get_path (evidence);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("“%s” is missing from the evidence folder."),
                   rd_evidence_get_original_name (evidence));
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (rd_evidence_get_kind (evidence) == RD_EVIDENCE_KIND_PHOTO)
    {
      g_autoptr(GdkPixbuf) loaded = NULL;
      g_autoptr(GError) local_error = NULL;

      loaded = gdk_pixbuf_new_from_file_at_scale (path, size, size, TRUE, &local_error);
      if (loaded == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("Redress cannot show this picture: it may be damaged, or in a "
                                 "format this computer cannot read. The file is kept as it was."));
          return NULL;
        }
      return gdk_pixbuf_apply_embedded_orientation (loaded);
    }

  if (rd_evidence_get_kind (evidence) == RD_EVIDENCE_KIND_PDF)
    {
      g_autoptr(PopplerDocument) document = _rd_evidence_open_pdf (path, password, NULL, error);
      g_autoptr(PopplerPage) pdf_page = NULL;
      cairo_surface_t *surface;
      GdkPixbuf *pixbuf;
      double width, height, scale;
      cairo_t *cr;
      int count;

      if (document == NULL)
        return NULL;
      count = poppler_document_get_n_pages (document);
      if (n_pages)
        *n_pages = count;
      if (page < 0 || page >= count || (pdf_page = poppler_document_get_page (document, page)) == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("This page of the PDF cannot be shown."));
          return NULL;
        }
      poppler_page_get_size (pdf_page, &width, &height);
      scale = size / MAX (MAX (width, height), 1);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (1, (int) (width * scale)),
                                            MAX (1, (int) (height * scale)));
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      poppler_page_render (pdf_page, cr);
      cairo_destroy (cr);
      pixbuf = pixbuf_from_surface (surface);
      cairo_surface_destroy (surface);
      return pixbuf;
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("Redress cannot show this kind of file itself. Use “Open With” to see "
                         "it in another program."));
  return NULL;
}
