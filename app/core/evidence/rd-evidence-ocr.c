/* rd-evidence-ocr.c: recognising the text of scanned PDF pages and
 * photographed letters with Tesseract.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page is drawn in grey (a PDF page at RD_OCR_DPI, a photo upright at its
 * own size, or smaller when it is huge) and handed to libtesseract, which
 * gives back words with boxes. The boxes are kept in the page's own units
 * (PDF points, or the photo's pixels) so the bundle can lay an invisible
 * text layer over the page, or black a name out, without knowing how the
 * page was drawn here.
 *
 * One RdOcr holds one Tesseract engine with its language data loaded (a
 * fraction of a second each time), so a run over a case loads it once. It
 * belongs to one thread at a time.
 */
#define G_LOG_DOMAIN "rd-evidence"

#include "config.h"

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>
#include <string.h>

#include "rd-gettext.h"
#include "rd-evidence-ocr.h"
#include "rd-i18n.h"
#include "rd-pdf-page.h"
#include "rd-evidence-private.h"
#include "rd-tesseract-private.h"

/* Pictures bigger than this (the longer side, in pixels) are read at this
 * size: letters photographed by a phone stay well readable, and a 50
 * megapixel picture does not take a minute. */
#define MAX_PHOTO_SIDE 4200

struct _RdOcr
{
  const RdTesseract *tess;
  TessBaseAPI *api;
  char        *languages;  /* what Tesseract really loaded, "eng+cym" */
};

/**
 * rd_ocr_default_languages:
 *
 * English, and Welsh too when the interface or the document language is
 * Welsh: letters from a Welsh landlord or council may be in either.
 *
 * Returns: (transfer full): Tesseract's language names, "eng" or "eng+cym"
 */
char *
rd_ocr_default_languages (void)
{
  const char * const *names = g_get_language_names ();
  const char *document = rd_i18n_get_document_language ();

  if (document != NULL && g_str_has_prefix (document, "cy"))
    return g_strdup ("eng+cym");
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], "cy") || g_str_has_prefix (names[i], "cy_"))
      return g_strdup ("eng+cym");
  return g_strdup ("eng");
}

/**
 * rd_ocr_new:
 * @languages: (nullable): Tesseract's language names joined by "+"; %NULL
 *   for rd_ocr_default_languages(). A language whose data is not installed
 *   is left out, as long as one of them is.
 */
RdOcr *
rd_ocr_new (const char  *languages,
            GError     **error)
{
  g_autofree char *wanted = languages ? g_strdup (languages) : rd_ocr_default_languages ();
  g_auto(GStrv) parts = g_strsplit (wanted, "+", -1);
  g_autoptr(GPtrArray) loaded = g_ptr_array_new ();
  const RdTesseract *tess = _rd_tesseract_load (error);
  RdOcr *ocr;
  char **names;

  if (tess == NULL)
    return NULL;
  ocr = g_new0 (RdOcr, 1);
  ocr->tess = tess;
  ocr->api = tess->TessBaseAPICreate ();
  /* Only the languages whose data is installed: Tesseract fails the whole
   * set when one is missing. */
  if (tess->TessBaseAPIInit3 (ocr->api, NULL, "eng") == 0)
    {
      char **available = tess->TessBaseAPIGetAvailableLanguagesAsVector (ocr->api);

      for (guint i = 0; parts[i] != NULL; i++)
        for (guint j = 0; available != NULL && available[j] != NULL; j++)
          if (g_str_equal (parts[i], available[j]))
            g_ptr_array_add (loaded, parts[i]);
      g_ptr_array_add (loaded, NULL);
      if (loaded->len > 1)
        {
          g_autofree char *joined = g_strjoinv ("+", (char **) loaded->pdata);

          if (!g_str_equal (joined, "eng"))
            tess->TessBaseAPIInit3 (ocr->api, NULL, joined);
        }
      tess->TessDeleteTextArray (available);
    }
  names = tess->TessBaseAPIGetLoadedLanguagesAsVector (ocr->api);
  if (names == NULL || names[0] == NULL)
    {
      tess->TessDeleteTextArray (names);
      rd_ocr_free (ocr);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           UI_("Redress cannot read text in scans: Tesseract’s language data is "
                               "not installed (on Debian, the package tesseract-ocr-eng)."));
      return NULL;
    }
  ocr->languages = g_strjoinv ("+", names);
  tess->TessDeleteTextArray (names);
  /* Read a page as the tesseract command does by default: find the
   * columns and blocks on it, rather than one block of text. */
  tess->TessBaseAPISetPageSegMode (ocr->api, PSM_AUTO);
  return ocr;
}

void
rd_ocr_free (RdOcr *ocr)
{
  if (ocr == NULL)
    return;
  if (ocr->api != NULL)
    {
      ocr->tess->TessBaseAPIEnd (ocr->api);
      ocr->tess->TessBaseAPIDelete (ocr->api);
    }
  g_free (ocr->languages);
  g_free (ocr);
}

const char *
rd_ocr_get_languages (RdOcr *ocr)
{
  return ocr->languages;
}

static bool
cancel_cb (void *cancellable,
           int   words)
{
  return g_cancellable_is_cancelled (cancellable);
}

/* Collects the words, their boxes (times @scale, into the page's units)
 * and, from the words Tesseract is sure enough of, the page's text in
 * lines and paragraphs. */
static void
collect_words (RdOcr     *ocr,
               double     scale,
               RdOcrPage *page)
{
  const RdTesseract *tess = ocr->tess;
  TessResultIterator *words = tess->TessBaseAPIGetIterator (ocr->api);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) boxes = g_string_new (NULL);
  TessPageIterator *at;

  if (words == NULL)
    goto done;
  at = tess->TessResultIteratorGetPageIterator (words);
  do
    {
      char *word = tess->TessResultIteratorGetUTF8Text (words, RIL_WORD);
      float confidence = tess->TessResultIteratorConfidence (words, RIL_WORD);
      int left, top, right, bottom;

      if (word != NULL && *g_strstrip (word) != '\0' &&
          tess->TessPageIteratorBoundingBox (at, RIL_WORD, &left, &top, &right, &bottom))
        {
          double edges[] = { left * scale, top * scale, right * scale, bottom * scale };

          /* Always with a full stop: the words are read back (bundle text
           * layer, redaction) whatever the locale, Polish's decimal comma
           * included. */
          for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
            {
              char number[G_ASCII_DTOSTR_BUF_SIZE];

              g_string_append (boxes, g_ascii_formatd (number, sizeof number, "%.1f", edges[i]));
              g_string_append_c (boxes, ' ');
            }
          g_string_append_printf (boxes, "%d %s\n", (int) confidence, word);
          if (confidence >= RD_OCR_MIN_CONFIDENCE)
            {
              if (text->len > 0 && tess->TessPageIteratorIsAtBeginningOf (at, RIL_PARA))
                g_string_append (text, "\n\n");
              else if (text->len > 0 && tess->TessPageIteratorIsAtBeginningOf (at, RIL_TEXTLINE))
                g_string_append_c (text, '\n');
              else if (text->len > 0)
                g_string_append_c (text, ' ');
              g_string_append (text, word);
            }
        }
      tess->TessDeleteText (word);
    }
  while (tess->TessResultIteratorNext (words, RIL_WORD));
  tess->TessResultIteratorDelete (words);

done:
  page->text = g_string_free (g_steal_pointer (&text), FALSE);
  page->words = g_string_free (g_steal_pointer (&boxes), FALSE);
}

/**
 * rd_ocr_read_gray:
 * @pixels: 8-bit grey, @stride bytes a row
 * @dpi: how finely the page was drawn, for Tesseract's sense of size
 * @scale: the page's units per pixel (72 / dpi for a PDF page, 1 for a
 *   photo read at its own size)
 *
 * Returns: (transfer full): the recognised page (its number is 0), or
 *   %NULL with @error set (%G_IO_ERROR_CANCELLED when stopped)
 */
RdOcrPage *
rd_ocr_read_gray (RdOcr         *ocr,
                  const guint8  *pixels,
                  int            width,
                  int            height,
                  int            stride,
                  int            dpi,
                  double         scale,
                  GCancellable  *cancellable,
                  GError       **error)
{
  const RdTesseract *tess = ocr->tess;
  g_autoptr(GCancellable) never = NULL;
  ETEXT_DESC *monitor;
  RdOcrPage *page;
  int rc;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (cancellable == NULL)
    cancellable = never = g_cancellable_new ();

  tess->TessBaseAPISetImage (ocr->api, pixels, width, height, 1, stride);
  tess->TessBaseAPISetSourceResolution (ocr->api, dpi);
  monitor = tess->TessMonitorCreate ();
  tess->TessMonitorSetCancelFunc (monitor, cancel_cb);
  tess->TessMonitorSetCancelThis (monitor, cancellable);
  rc = tess->TessBaseAPIRecognize (ocr->api, monitor);
  tess->TessMonitorDelete (monitor);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      tess->TessBaseAPIClear (ocr->api);
      return NULL;
    }

  page = g_new0 (RdOcrPage, 1);
  page->state = rc == 0 ? RD_OCR_PAGE_RECOGNISED : RD_OCR_PAGE_FAILED;
  page->languages = g_strdup (ocr->languages);
  page->width = width * scale;
  page->height = height * scale;
  if (rc == 0)
    collect_words (ocr, scale, page);
  tess->TessBaseAPIClear (ocr->api);
  return page;
}

/* Grey from cairo's or gdk-pixbuf's colour, with the usual weights for how
 * bright each primary looks. */
static inline guint8
grey (guint r, guint g, guint b)
{
  return (guint8) ((r * 77 + g * 150 + b * 29) >> 8);
}

static RdOcrPage *
read_pdf_page (RdOcr         *ocr,
               PopplerPage   *ppage,
               GCancellable  *cancellable,
               GError       **error)
{
  double width, height, zoom = RD_OCR_DPI / 72.0;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autofree guint8 *pixels = NULL;
  const guint8 *data;
  int w, h, stride;
  RdOcrPage *page;

  if (!rd_pdf_page_is_scan (ppage))
    {
      page = g_new0 (RdOcrPage, 1);
      page->state = RD_OCR_PAGE_LAYER;
      poppler_page_get_size (ppage, &page->width, &page->height);
      return page;
    }
  poppler_page_get_size (ppage, &width, &height);
  /* A page drawn far larger than A3 is read at A3's pixel count. */
  if (width * height > 842.0 * 1191.0)
    zoom *= sqrt (842.0 * 1191.0 / (width * height));
  w = MAX (1, (int) ceil (width * zoom));
  h = MAX (1, (int) ceil (height * zoom));
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, zoom, zoom);
  poppler_page_render_for_printing (ppage, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      page = g_new0 (RdOcrPage, 1);
      page->state = RD_OCR_PAGE_FAILED;
      return page;
    }
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  pixels = g_malloc ((gsize) w * h);
  for (int y = 0; y < h; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < w; x++)
        pixels[(gsize) y * w + x] = grey ((row[x] >> 16) & 0xff, (row[x] >> 8) & 0xff, row[x] & 0xff);
    }
  cairo_surface_destroy (surface);
  return rd_ocr_read_gray (ocr, pixels, w, h, w, (int) (zoom * 72 + 0.5), 1.0 / zoom,
                           cancellable, error);
}

static RdOcrPage *
read_photo (RdOcr         *ocr,
            const char    *path,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GdkPixbuf) loaded = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;
  g_autofree guint8 *pixels = NULL;
  const guint8 *data;
  int w, h, read_w, read_h, stride, channels;
  double scale = 1;
  RdOcrPage *page;

  loaded = gdk_pixbuf_new_from_file (path, NULL);
  if (loaded == NULL)
    {
      page = g_new0 (RdOcrPage, 1);
      page->state = RD_OCR_PAGE_FAILED;
      return page;
    }
  /* Boxes are in the picture's pixels as it is shown: upright. */
  upright = gdk_pixbuf_apply_embedded_orientation (loaded);
  g_clear_object (&loaded);
  w = gdk_pixbuf_get_width (upright);
  h = gdk_pixbuf_get_height (upright);
  if (MAX (w, h) > MAX_PHOTO_SIDE)
    {
      GdkPixbuf *smaller;

      scale = (double) MAX (w, h) / MAX_PHOTO_SIDE;
      smaller = gdk_pixbuf_scale_simple (upright, MAX (1, (int) (w / scale)),
                                         MAX (1, (int) (h / scale)), GDK_INTERP_BILINEAR);
      g_object_unref (upright);
      upright = smaller;
    }
  read_w = gdk_pixbuf_get_width (upright);
  read_h = gdk_pixbuf_get_height (upright);
  data = gdk_pixbuf_read_pixels (upright);
  stride = gdk_pixbuf_get_rowstride (upright);
  channels = gdk_pixbuf_get_n_channels (upright);
  pixels = g_malloc ((gsize) read_w * read_h);
  for (int y = 0; y < read_h; y++)
    for (int x = 0; x < read_w; x++)
      {
        const guint8 *p = data + (gsize) y * stride + (gsize) x * channels;

        pixels[(gsize) y * read_w + x] = channels >= 3 ? grey (p[0], p[1], p[2]) : p[0];
      }
  page = rd_ocr_read_gray (ocr, pixels, read_w, read_h, read_w, 300, scale, cancellable, error);
  if (page != NULL)
    {
      /* The picture's own size, not the size it was read at. */
      page->width = w;
      page->height = h;
    }
  return page;
}

static PopplerDocument *
open_pdf (RdEvidence  *evidence,
          GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (rd_evidence_get_path (evidence));
  g_autofree char *uri = g_file_get_uri (file);

  return rd_poppler_document_new_from_file (uri, NULL, error);
}

/* The pages of @evidence Redress can read (a PDF's, unless it is locked,
 * or a photo's one), or 0. */
static int
readable_pages (RdEvidence *evidence)
{
  switch (rd_evidence_get_kind (evidence))
    {
    case RD_EVIDENCE_KIND_PDF:
      return rd_evidence_get_needs_password (evidence) ? 0 : MAX (0, rd_evidence_get_page_count (evidence));
    case RD_EVIDENCE_KIND_PHOTO:
      return 1;
    default:
      return 0;
    }
}

static RdOcrPage *
failed_page (int page)
{
  RdOcrPage *failed = g_new0 (RdOcrPage, 1);

  failed->page = page;
  failed->state = RD_OCR_PAGE_FAILED;
  return failed;
}

/* Reads the pages of one piece of evidence that have no row yet, writing
 * each as soon as it is read. */
static gboolean
recognise_evidence (RdStore                *store,
                    RdOcr                  *ocr,
                    RdEvidence             *evidence,
                    guint                  *step,
                    guint                   total,
                    GCancellable           *cancellable,
                    RdEvidenceProgressFunc  progress,
                    gpointer                user_data,
                    RdOcrSummary           *summary,
                    GError                **error)
{
  gint64 id = rd_evidence_get_id (evidence);
  int n_pages = readable_pages (evidence);
  g_autoptr(GPtrArray) rows = rd_store_list_ocr_pages (store, id, error);
  g_autoptr(GHashTable) have = g_hash_table_new (NULL, NULL);
  g_autoptr(PopplerDocument) document = NULL;
  gboolean is_pdf = rd_evidence_get_kind (evidence) == RD_EVIDENCE_KIND_PDF;

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    g_hash_table_add (have, GINT_TO_POINTER (((RdOcrPage *) g_ptr_array_index (rows, i))->page + 1));
  /* A PDF that cannot be opened any more is marked failed page by page
   * below, so the next run does not try it again. */
  if (is_pdf)
    document = open_pdf (evidence, NULL);

  for (int p = 0; p < n_pages; p++)
    {
      g_autoptr(RdOcrPage) page = NULL;
      g_autofree char *message = NULL;
      g_autoptr(PopplerPage) ppage = NULL;

      if (g_hash_table_contains (have, GINT_TO_POINTER (p + 1)))
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      message = n_pages > 1
        ? g_strdup_printf (UI_("Reading the text of “%s”, page %d of %d"),
                           rd_evidence_get_original_name (evidence), p + 1, n_pages)
        : g_strdup_printf (UI_("Reading the text of “%s”"), rd_evidence_get_original_name (evidence));
      if (progress != NULL)
        progress ((double) *step / total, message, user_data);

      if (!is_pdf)
        page = read_photo (ocr, rd_evidence_get_path (evidence), cancellable, error);
      else if (document != NULL && (ppage = poppler_document_get_page (document, p)) != NULL)
        page = read_pdf_page (ocr, ppage, cancellable, error);
      else
        page = failed_page (p);
      if (page == NULL)
        return FALSE;
      page->page = p;
      if (!rd_store_add_ocr_page (store, id, page, error))
        return FALSE;
      if (page->state == RD_OCR_PAGE_RECOGNISED)
        {
          summary->pages_read++;
          if (page->text != NULL && *page->text != '\0')
            summary->pages_with_text++;
        }
      else if (page->state == RD_OCR_PAGE_FAILED)
        summary->pages_failed++;
      (*step)++;
    }
  return TRUE;
}

/**
 * rd_evidence_recognise_case:
 * @languages: (nullable): as for rd_ocr_new()
 * @summary: (out caller-allocates): what was done
 *
 * Recognises the text of every page of the case's PDFs and photos that has
 * not been read yet, writing each page as it is read: stopped (through
 * @cancellable, %G_IO_ERROR_CANCELLED) and run again, it goes on from the
 * page it was on. PDF pages with their own text are noted, not read.
 */
gboolean
rd_evidence_recognise_case (RdStore                *store,
                            gint64                  case_id,
                            const char             *languages,
                            GCancellable           *cancellable,
                            RdEvidenceProgressFunc  progress,
                            gpointer                user_data,
                            RdOcrSummary           *summary,
                            GError                **error)
{
  g_autoptr(GListModel) all = rd_store_list_evidence (store, case_id, error);
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) todo = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RdOcr) ocr = NULL;
  guint total = 0, step = 0;

  memset (summary, 0, sizeof *summary);
  if (all == NULL)
    return FALSE;
  seen = rd_store_dup_ocr_pages_seen (store, case_id, error);
  if (seen == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(RdEvidence) evidence = g_list_model_get_item (all, i);
      gint64 id = rd_evidence_get_id (evidence);
      guint n = readable_pages (evidence);
      guint done = GPOINTER_TO_UINT (g_hash_table_lookup (seen, &id));

      summary->pages_done += MIN (done, n);
      if (done < n)
        {
          total += n - done;
          g_ptr_array_add (todo, g_steal_pointer (&evidence));
        }
    }
  if (total == 0)
    return TRUE;

  ocr = rd_ocr_new (languages, error);
  if (ocr == NULL)
    return FALSE;
  for (guint i = 0; i < todo->len; i++)
    if (!recognise_evidence (store, ocr, g_ptr_array_index (todo, i), &step, total,
                             cancellable, progress, user_data, summary, error))
      return FALSE;
  return TRUE;
}
