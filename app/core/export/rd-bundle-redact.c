/* rd-bundle-redact.c: third parties' names blacked out on the evidence of an anonymised bundle.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Replacing a name in the text of a page is not enough: the page would
 * still show it, and the text under a scan could still be searched. So a
 * page of evidence on which a third party's name is found (by the
 * anonymiser's own rules, in the page's text or in the words recognised on
 * it) is drawn as a picture, the boxes of the name's letters painted
 * black, and goes into the bundle as that picture only: no text, no
 * objects of the original page are left behind it.
 *
 * A PDF with such pages is copied to a temporary PDF beside the bundle:
 * those pages as pictures, its other pages drawn again as they were (their
 * text stays searchable). A photo whose recognised words name somebody is
 * decoded, blacked out and stored again as a JPEG. Emails are printed by
 * Redress, so their names are replaced, as in everything else it writes.
 */
#define G_LOG_DOMAIN "rd-bundle"

#include "config.h"

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "rd-bundle-private.h"
#include "rd-gettext.h"
#include "rd-hash.h"
#include "rd-output.h"
#include "rd-poppler.h"

/* Fine enough to read small print; a page is about 350 KB as a JPEG. */
#define REDACT_DPI      150.0
#define REDACT_QUALITY  "85"
/* A blacked-out page is stored without loss unless that takes more than
 * this many times its size as a JPEG. */
#define REDACT_LOSSLESS_RATIO 1.25
/* Black beyond each letter's box, in points, so no edge of it shows. */
#define REDACT_PAD      1.5

typedef struct
{
  double x0, y0, x1, y1;  /* from the top left, in the page's units */
} Box;

static void
add_box (GArray *boxes,
         double  x0,
         double  y0,
         double  x1,
         double  y1)
{
  Box b = { MIN (x0, x1), MIN (y0, y1), MAX (x0, x1), MAX (y0, y1) };

  /* A letter that follows the last one on its line widens it. */
  if (boxes->len > 0)
    {
      Box *last = &g_array_index (boxes, Box, boxes->len - 1);

      if (b.y0 < last->y1 && b.y1 > last->y0 && b.x0 >= last->x0 && b.x0 - last->x1 < (b.y1 - b.y0))
        {
          last->x1 = MAX (last->x1, b.x1);
          last->y0 = MIN (last->y0, b.y0);
          last->y1 = MAX (last->y1, b.y1);
          return;
        }
    }
  g_array_append_val (boxes, b);
}

static gboolean
overlaps (GArray *spans,
          gsize   start,
          gsize   end)
{
  for (guint i = 0; i < spans->len; i++)
    {
      RdAnonSpan *s = &g_array_index (spans, RdAnonSpan, i);

      if (start < s->end && end > s->start)
        return TRUE;
    }
  return FALSE;
}

/* The boxes of the words recognised on a page that are (part of) a name,
 * in the units of @layer. */
static void
names_in_words (RdAnonymiser *anon,
                RdTextLayer  *layer,
                GArray       *boxes)
{
  g_autoptr(GArray) words = _rd_ocr_words_parse (layer->words);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) spans = NULL;

  /* The words as one text, so that a name read as two words is found. */
  for (guint i = 0; i < words->len; i++)
    {
      gsize start;

      if (i > 0)
        g_string_append_c (text, ' ');
      start = text->len;
      g_array_append_val (starts, start);
      g_string_append (text, g_array_index (words, RdOcrWord, i).text);
    }
  spans = rd_anonymiser_find_names (anon, text->str);
  for (guint i = 0; i < words->len && spans->len > 0; i++)
    {
      RdOcrWord *w = &g_array_index (words, RdOcrWord, i);
      gsize start = g_array_index (starts, gsize, i);

      if (overlaps (spans, start, start + strlen (w->text)))
        add_box (boxes, w->left, w->top, w->right, w->bottom);
    }
}

/* The boxes of the letters of the names in a PDF page's own text, in
 * points from the top left of the page as it is shown. */
static void
names_in_page_text (RdAnonymiser *anon,
                    PopplerPage  *page,
                    GArray       *boxes)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  g_autoptr(GArray) spans = NULL;
  guint n_rects = 0;
  const char *p;
  guint c;

  if (text == NULL || *text == '\0')
    return;
  spans = rd_anonymiser_find_names (anon, text);
  if (spans->len == 0 || !poppler_page_get_text_layout (page, &rects, &n_rects))
    return;
  /* The layout has a box for each character of the text. */
  for (p = text, c = 0; *p != '\0' && c < n_rects; p = g_utf8_next_char (p), c++)
    {
      gsize at = (gsize) (p - text);

      if (overlaps (spans, at, at + 1) && !g_unichar_isspace (g_utf8_get_char (p)))
        add_box (boxes, rects[c].x1, rects[c].y1, rects[c].x2, rects[c].y2);
    }
}

/* A picture of page @page at REDACT_DPI with @boxes (in points) painted
 * black. */
static cairo_surface_t *
redacted_picture (PopplerPage  *page,
                  GArray       *boxes,
                  int          *width,
                  int          *height)
{
  double w, h, zoom = REDACT_DPI / 72.0;
  cairo_surface_t *surface;
  cairo_t *cr;

  poppler_page_get_size (page, &w, &h);
  *width = MAX (1, (int) (w * zoom + 0.5));
  *height = MAX (1, (int) (h * zoom + 0.5));
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, *width, *height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, zoom, zoom);
  poppler_page_render_for_printing (page, cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < boxes->len; i++)
    {
      Box *b = &g_array_index (boxes, Box, i);

      cairo_rectangle (cr, b->x0 - REDACT_PAD, b->y0 - REDACT_PAD,
                       b->x1 - b->x0 + 2 * REDACT_PAD, b->y1 - b->y0 + 2 * REDACT_PAD);
    }
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* @surface as the bytes of a JPEG. */
static GBytes *
picture_to_jpeg (cairo_surface_t  *surface,
                 GError          **error)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint8 *out = gdk_pixbuf_get_pixels (pixbuf);
  int ostride = gdk_pixbuf_get_rowstride (pixbuf);
  g_autofree char *jpeg = NULL;
  gsize len = 0;

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);
      guint8 *o = out + (gsize) y * ostride;

      for (int x = 0; x < width; x++, o += 3)
        {
          o[0] = (row[x] >> 16) & 0xff;
          o[1] = (row[x] >> 8) & 0xff;
          o[2] = row[x] & 0xff;
        }
    }
  if (!gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &len, "jpeg", error, "quality", REDACT_QUALITY, NULL))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&jpeg), len);
}

static cairo_status_t
count_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

/* What @surface takes in a PDF stored without loss, as cairo stores it (in
 * grey, or one bit a pixel, when it has no colour; compressed with Flate):
 * measured by writing it to a PDF that goes nowhere. */
static gsize
lossless_size (cairo_surface_t *surface)
{
  gsize n = 0;
  cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream (count_bytes, &n,
                                                              cairo_image_surface_get_width (surface),
                                                              cairo_image_surface_get_height (surface));
  cairo_t *cr = cairo_create (pdf);

  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  cairo_surface_destroy (pdf);
  return n;
}

static void
write_error (GError     **error,
             const char  *output,
             const char  *detail)
{
  g_autofree char *dir = g_path_get_dirname (output);

  g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_WRITE,
               UI_("Redress could not write in the folder “%s”: %s. Check that the disk "
                 "has space and try again."), dir, detail);
  rd_output_explain_full_disk (output, error);
}

/* Draws page @page on @cr: as a picture with @boxes blacked out, or, with
 * no boxes, as it is. */
static gboolean
draw_page (cairo_t      *cr,
           PopplerPage  *page,
           GArray       *boxes,
           GError      **error)
{
  g_autoptr(GBytes) jpeg = NULL;
  cairo_surface_t *image;
  int width, height;
  gsize lossless;
  double w, h;

  if (boxes == NULL || boxes->len == 0)
    {
      cairo_save (cr);
      poppler_page_render_for_printing (page, cr);
      cairo_restore (cr);
      return TRUE;
    }
  image = redacted_picture (page, boxes, &width, &height);
  jpeg = picture_to_jpeg (image, error);
  if (jpeg == NULL)
    {
      cairo_surface_destroy (image);
      return FALSE;
    }
  /* Stored without loss, the black boxes and the letters round them stay
   * sharp; a typed page then takes less than as a JPEG (see
   * REDACT_LOSSLESS_RATIO). A scan or a photo on the page would take far
   * more: it stays a JPEG, whose own bytes cairo writes. */
  lossless = lossless_size (image);
  g_debug ("redacted page: %" G_GSIZE_FORMAT " bytes lossless, %" G_GSIZE_FORMAT " as a JPEG",
           lossless, g_bytes_get_size (jpeg));
  if (lossless > g_bytes_get_size (jpeg) * REDACT_LOSSLESS_RATIO)
    {
      /* A surface cairo has already written once (measuring it) is
       * written again from its pixels, whatever its JPEG: a new one holds
       * only the JPEG's size and bytes. */
      cairo_surface_destroy (image);
      image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
      cairo_surface_set_mime_data (image, CAIRO_MIME_TYPE_JPEG, g_bytes_get_data (jpeg, NULL),
                                   g_bytes_get_size (jpeg), (cairo_destroy_func_t) g_bytes_unref,
                                   g_bytes_ref (jpeg));
    }
  poppler_page_get_size (page, &w, &h);
  cairo_save (cr);
  cairo_scale (cr, w / width, h / height);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (image);
  return TRUE;
}

static gboolean
redact_pdf (RdBundleExhibit  *ex,
            RdAnonymiser     *anon,
            const char       *output,
            GCancellable     *cancellable,
            GError          **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (ex->path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autofree char *temp = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  int n_pages, redacted = 0;

  /* Without poppler no PDF could be looked at: say why once, rather than
   * leaving every PDF out. */
  if (!rd_poppler_load (error))
    return FALSE;
  doc = rd_poppler_document_new_from_file (uri, ex->password, NULL);
  if (doc == NULL)
    {
      /* What cannot be looked at cannot go in an anonymised bundle. */
      ex->omitted_reason =
        g_strdup (_("Redress could not look for third parties’ names in this PDF, so this "
                    "anonymised bundle leaves it out. Send it separately if it is needed, "
                    "once names are blacked out."));
      return TRUE;
    }
  n_pages = poppler_document_get_n_pages (doc);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      GArray *boxes = g_array_new (FALSE, FALSE, sizeof (Box));
      RdTextLayer *layer = _rd_text_layer_find (ex, i);
      double w, h;

      g_ptr_array_add (found, boxes);
      if (page == NULL)
        continue;
      names_in_page_text (anon, page, boxes);
      if (layer != NULL)
        {
          g_autoptr(GArray) read = g_array_new (FALSE, FALSE, sizeof (Box));

          /* Recognised words are in the page's units as it is shown. */
          poppler_page_get_size (page, &w, &h);
          names_in_words (anon, layer, read);
          for (guint k = 0; k < read->len; k++)
            {
              Box *b = &g_array_index (read, Box, k);

              add_box (boxes, b->x0 * w / layer->width, b->y0 * h / layer->height,
                       b->x1 * w / layer->width, b->y1 * h / layer->height);
            }
        }
      if (boxes->len > 0)
        redacted++;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  if (redacted == 0)
    return TRUE;

  temp = rd_output_make_side_temp (output, "redacted", error);
  if (temp == NULL)
    return FALSE;
  surface = cairo_pdf_surface_create (temp, 595, 842);
  cr = cairo_create (surface);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      double w = 595, h = 842;

      if (page != NULL)
        poppler_page_get_size (page, &w, &h);
      cairo_pdf_surface_set_size (surface, w, h);
      if (page != NULL && !draw_page (cr, page, found->pdata[i], error))
        break;
      cairo_show_page (cr);
      /* Nothing of a blacked-out page goes under its picture. */
      if (((GArray *) found->pdata[i])->len > 0)
        _rd_text_layer_drop (ex, i);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (error != NULL && *error != NULL)
    {
      rd_output_discard (temp);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      write_error (error, output, cairo_status_to_string (status));
      rd_output_discard (temp);
      return FALSE;
    }
  ex->redacted_path = g_steal_pointer (&temp);
  ex->redacted_pages = redacted;
  return TRUE;
}

/* A photo: the words recognised on it (in its pixels, turned upright) say
 * where the names are. */
static gboolean
redact_photo (RdBundleExhibit  *ex,
              RdAnonymiser     *anon,
              const char       *output,
              gboolean          smaller,
              GError          **error)
{
  RdTextLayer *layer = _rd_text_layer_find (ex, 0);
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  g_autoptr(GdkPixbuf) loaded = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;
  g_autoptr(GdkPixbuf) flat = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *actual = NULL;
  double sx, sy;
  int w, h;

  if (layer == NULL)
    return TRUE;
  names_in_words (anon, layer, boxes);
  if (boxes->len == 0)
    return TRUE;

  /* The copy is made from the file added to the case, or not at all. */
  if (!ex->verified && ex->sha256 != NULL)
    {
      actual = rd_sha256_file_hex (ex->path, NULL, NULL, &local_error);
      if (actual == NULL)
        {
          g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_EVIDENCE_UNREADABLE,
                       UI_("The file for exhibit %s (“%s”) could not be read, so the bundle "
                         "was not made: %s"), ex->label, ex->title, local_error->message);
          return FALSE;
        }
      if (!_rd_exhibit_check_hash (ex, actual, error))
        return FALSE;
      ex->verified = TRUE;
    }
  loaded = gdk_pixbuf_new_from_file (ex->path, &local_error);
  if (loaded == NULL)
    {
      ex->omitted_reason =
        g_strdup (_("Redress could not look for third parties’ names in this picture, so this "
                    "anonymised bundle leaves it out. Send it separately if it is needed, "
                    "once names are blacked out."));
      return TRUE;
    }
  upright = gdk_pixbuf_apply_embedded_orientation (loaded);
  if (smaller && MAX (gdk_pixbuf_get_width (upright), gdk_pixbuf_get_height (upright)) >
                 RD_PHOTO_SMALLER_LONG_EDGE)
    {
      double k = (double) RD_PHOTO_SMALLER_LONG_EDGE /
                 MAX (gdk_pixbuf_get_width (upright), gdk_pixbuf_get_height (upright));
      GdkPixbuf *small = gdk_pixbuf_scale_simple (upright,
                                                  MAX (1, (int) (gdk_pixbuf_get_width (upright) * k)),
                                                  MAX (1, (int) (gdk_pixbuf_get_height (upright) * k)),
                                                  GDK_INTERP_BILINEAR);
      g_object_unref (upright);
      upright = small;
    }
  /* Any transparency goes over white, and the names are painted black. */
  w = gdk_pixbuf_get_width (upright);
  h = gdk_pixbuf_get_height (upright);
  flat = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, w, h);
  gdk_pixbuf_fill (flat, 0xffffffff);
  gdk_pixbuf_composite (upright, flat, 0, 0, w, h, 0, 0, 1, 1, GDK_INTERP_NEAREST, 255);
  sx = w / layer->width;
  sy = h / layer->height;
  for (guint i = 0; i < boxes->len; i++)
    {
      Box *b = &g_array_index (boxes, Box, i);
      double pad = REDACT_PAD * REDACT_DPI / 72.0;
      int x0 = CLAMP ((int) (b->x0 * sx - pad), 0, w), y0 = CLAMP ((int) (b->y0 * sy - pad), 0, h);
      int x1 = CLAMP ((int) (b->x1 * sx + pad + 1), 0, w), y1 = CLAMP ((int) (b->y1 * sy + pad + 1), 0, h);
      g_autoptr(GdkPixbuf) area = NULL;

      if (x1 <= x0 || y1 <= y0)
        continue;
      area = gdk_pixbuf_new_subpixbuf (flat, x0, y0, x1 - x0, y1 - y0);
      gdk_pixbuf_fill (area, 0x000000ff);
    }

  temp = rd_output_make_side_temp (output, "photo", error);
  if (temp == NULL)
    return FALSE;
  if (!gdk_pixbuf_save (flat, temp, "jpeg", &local_error, "quality", REDACT_QUALITY, NULL))
    {
      write_error (error, output, local_error->message);
      rd_output_discard (temp);
      return FALSE;
    }
  _rd_photo_clear_converted (ex);
  ex->converted_path = g_steal_pointer (&temp);
  ex->jpeg_direct = TRUE;
  ex->jpeg_width = w;
  ex->jpeg_height = h;
  ex->jpeg_components = 3;
  ex->orientation = 1;
  ex->redacted_pages = 1;
  _rd_text_layer_drop (ex, 0);
  return TRUE;
}

/**
 * _rd_redact_exhibit:
 * @output: the bundle's path: copies are written beside it
 *
 * Blacks out third parties' names on @ex's pages (see above). An exhibit
 * that cannot be looked at gets an omitted reason instead.
 *
 * Returns: %FALSE only when the export must stop.
 */
gboolean
_rd_redact_exhibit (RdBundleExhibit  *ex,
                    RdAnonymiser     *anonymiser,
                    const char       *output,
                    gboolean          smaller,
                    GCancellable     *cancellable,
                    GError          **error)
{
  if (anonymiser == NULL || ex->omitted_reason != NULL)
    return TRUE;
  switch (ex->kind)
    {
    case RD_EXHIBIT_PDF:
      return redact_pdf (ex, anonymiser, output, cancellable, error);
    case RD_EXHIBIT_PHOTO:
      return redact_photo (ex, anonymiser, output, smaller, error);
    default:
      return TRUE;
    }
}

/* An email as Redress prints it: its words are Redress's to rewrite. */
void
_rd_redact_section (RdBundleSection *section,
                    RdAnonymiser    *anonymiser)
{
  if (anonymiser == NULL || section == NULL)
    return;
  for (guint i = 0; i < section->blocks->len; i++)
    {
      RdBlock *b = &g_array_index (section->blocks, RdBlock, i);
      char *text;

      if (b->text == NULL)
        continue;
      text = rd_anonymiser_apply (anonymiser, b->text);

      g_free (b->text);
      b->text = text;
    }
}
