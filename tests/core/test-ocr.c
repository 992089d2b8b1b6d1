/* test-ocr.c: scanned pages and photographed letters are read with
 * Tesseract, found by evidence search, and a stopped reading goes on where
 * it stopped.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scans are drawn by the test from text (pixels only, no text layer),
 * so what is searched for afterwards can only have come from recognition.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "evidence-fixtures.h"
#include "rd-case-bundle-check.h"
#include "rd-test-fixtures.h"
#include "store-fixtures.h"
#include "test-evidence-common.h"

static const char * const scan_pages[] = {
  "Repairs Department\nWe inspected the bathroom on Tuesday.\nThe ceiling shows black mould.",
  "Page two of the report\nThe extractor fan must be replaced.\nSigned by the surveyor.",
  NULL,
};

static guint
search_count (Fixture    *f,
              const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = rd_store_search_evidence (f->store, f->case_id, query, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (found);
}

static gboolean
search_finds (Fixture    *f,
              const char *query,
              RdEvidence *evidence)
{
  g_autoptr(GListModel) found = rd_store_search_evidence (f->store, f->case_id, query, NULL);

  for (guint i = 0; found != NULL && i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(RdEvidence) item = g_list_model_get_item (found, i);

      if (rd_evidence_get_id (item) == rd_evidence_get_id (evidence))
        return TRUE;
    }
  return FALSE;
}

/* The box of the first word of @words equal to @word, in the page's units. */
static gboolean
find_box (const char *words,
          const char *word,
          double      box[4])
{
  g_auto(GStrv) lines = g_strsplit (words, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char found[128];
      int confidence;

      if (sscanf (lines[i], "%lf %lf %lf %lf %d %127s", &box[0], &box[1], &box[2], &box[3],
                  &confidence, found) == 6 && g_str_equal (found, word))
        return TRUE;
    }
  return FALSE;
}

static void
test_scans_found_by_search (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *scan_path = fixture_path (f, "scan.pdf");
  g_autofree char *letter_path = fixture_path (f, "letter.png");
  g_autofree char *typed_path = fixture_path (f, "typed.pdf");
  g_autoptr(RdEvidence) scan = NULL;
  g_autoptr(RdEvidence) letter = NULL;
  g_autoptr(RdEvidence) typed = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;
  RdOcrSummary summary;
  RdOcrPage *page;
  double box[4];

  fixture_write_scanned_pdf (scan_path, scan_pages);
  fixture_write_letter_png (letter_path, "Dear tenant\nYour appointment is confirmed\nfor Thursday morning.");
  fixture_write_pdf (typed_path, 1, "Typed letter about the boiler and the radiators", NULL);
  scan = import_ok (f, scan_path);
  letter = import_ok (f, letter_path);
  typed = import_ok (f, typed_path);

  /* Before recognition, the pictures' words are nowhere. */
  g_assert_cmpuint (search_count (f, "mould"), ==, 0);
  g_assert_cmpuint (search_count (f, "appointment"), ==, 0);
  g_assert_true (search_finds (f, "radiators", typed));

  g_assert_true (rd_evidence_recognise_case (f->store, f->case_id, "eng", NULL, NULL, NULL,
                                             &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.pages_read, ==, 3);
  g_assert_cmpuint (summary.pages_with_text, ==, 3);
  g_assert_cmpuint (summary.pages_failed, ==, 0);

  g_assert_true (search_finds (f, "mould", scan));
  g_assert_true (search_finds (f, "extractor fan", scan));
  g_assert_true (search_finds (f, "appointment Thursday", letter));
  g_assert_false (search_finds (f, "mould", letter));
  /* Words from the name and from the scan together, as the resident may
   * type them. */
  g_assert_true (search_finds (f, "scan surveyor", scan));
  /* The typed PDF keeps its own text and is not read again. */
  g_assert_true (search_finds (f, "radiators", typed));
  pages = rd_store_list_ocr_pages (f->store, rd_evidence_get_id (typed), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pages->len, ==, 1);
  g_assert_cmpint (((RdOcrPage *) pages->pdata[0])->state, ==, RD_OCR_PAGE_LAYER);
  g_clear_pointer (&pages, g_ptr_array_unref);

  /* Word boxes are in PDF points, where the word was drawn: "Repairs"
   * starts 72 pt from the left, on the line at 100 pt from the top. */
  pages = rd_store_list_ocr_pages (f->store, rd_evidence_get_id (scan), &error);
  g_assert_cmpuint (pages->len, ==, 2);
  page = pages->pdata[0];
  g_assert_cmpint (page->state, ==, RD_OCR_PAGE_RECOGNISED);
  g_assert_cmpfloat_with_epsilon (page->width, 595, 1);
  g_assert_cmpfloat_with_epsilon (page->height, 842, 1);
  g_assert_true (find_box (page->words, "Repairs", box));
  g_assert_cmpfloat_with_epsilon (box[0], 72, 4);
  g_assert_cmpfloat (box[1], <, 100);
  g_assert_cmpfloat (box[3], >, 96);
  g_assert_cmpfloat (box[1], >, 80);
  g_assert_nonnull (strstr (page->text, "black mould"));

  /* Editing the description keeps the recognised words searchable. */
  g_assert_true (rd_store_set_evidence_description (f->store, rd_evidence_get_id (scan),
                                                    "Surveyor's report", &error));
  g_assert_true (search_finds (f, "mould", scan));

  /* Nothing is read twice. */
  g_assert_true (rd_evidence_recognise_case (f->store, f->case_id, "eng", NULL, NULL, NULL,
                                             &summary, &error));
  g_assert_cmpuint (summary.pages_read, ==, 0);
  g_assert_cmpuint (summary.pages_done, ==, 4);
}

typedef struct {
  GCancellable *cancellable;
  guint         calls;
  guint         stop_at;
} Stopper;

static void
stop_progress (double      fraction,
               const char *message,
               gpointer    data)
{
  Stopper *stopper = data;

  g_assert_cmpfloat (fraction, >=, 0);
  g_assert_cmpfloat (fraction, <, 1);
  g_assert_nonnull (strstr (message, "scan.pdf"));
  if (++stopper->calls == stopper->stop_at)
    g_cancellable_cancel (stopper->cancellable);
}

static void
test_cancel_and_resume (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *scan_path = fixture_path (f, "scan.pdf");
  g_autoptr(RdEvidence) scan = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Stopper stopper = { cancellable, 0, 2 };
  RdOcrSummary summary;

  fixture_write_scanned_pdf (scan_path, scan_pages);
  scan = import_ok (f, scan_path);

  /* Stopped as the second page starts: the first is kept. */
  g_assert_false (rd_evidence_recognise_case (f->store, f->case_id, "eng", cancellable,
                                              stop_progress, &stopper, &summary, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (summary.pages_read, ==, 1);
  pages = rd_store_list_ocr_pages (f->store, rd_evidence_get_id (scan), &error);
  g_assert_cmpuint (pages->len, ==, 1);
  g_assert_cmpint (((RdOcrPage *) pages->pdata[0])->page, ==, 0);
  g_clear_pointer (&pages, g_ptr_array_unref);
  g_assert_true (search_finds (f, "mould", scan));
  g_assert_false (search_finds (f, "extractor", scan));

  /* Run again, it reads only the page left. */
  stopper.stop_at = 0;
  stopper.calls = 0;
  g_cancellable_reset (cancellable);
  g_assert_true (rd_evidence_recognise_case (f->store, f->case_id, "eng", cancellable,
                                             stop_progress, &stopper, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stopper.calls, ==, 1);
  g_assert_cmpuint (summary.pages_done, ==, 1);
  g_assert_cmpuint (summary.pages_read, ==, 1);
  g_assert_true (search_finds (f, "mould", scan));
  g_assert_true (search_finds (f, "extractor", scan));
}

static void
test_welsh (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdOcr) ocr = rd_ocr_new ("eng+cym", &error);
  g_autoptr(RdOcr) english = NULL;
  g_autofree char *letter_path = fixture_path (f, "llythyr.png");
  g_autoptr(RdEvidence) letter = NULL;
  RdOcrSummary summary;

  g_assert_no_error (error);
  /* Both are in Redress's dependencies, so both must load. */
  g_assert_cmpstr (rd_ocr_get_languages (ocr), ==, "eng+cym");
  /* A language that is not installed is left out, not fatal. */
  english = rd_ocr_new ("eng+xxx", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rd_ocr_get_languages (english), ==, "eng");

  fixture_write_letter_png (letter_path, "Annwyl denant\nMae lleithder yn yr ystafell wely.\nDiolch yn fawr");
  letter = import_ok (f, letter_path);
  g_assert_true (rd_evidence_recognise_case (f->store, f->case_id, "eng+cym", NULL, NULL, NULL,
                                             &summary, &error));
  g_assert_no_error (error);
  g_assert_true (search_finds (f, "lleithder", letter));
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *scan_path = fixture_path (f, "scan.pdf");
  g_autofree char *case_arg = g_strdup_printf ("%" G_GINT64_FORMAT, f->case_id);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(RdEvidence) scan = NULL;

  fixture_write_scanned_pdf (scan_path, scan_pages);
  scan = import_ok (f, scan_path);
  /* The CLI opens the store itself. */
  g_clear_object (&f->store);

  g_assert_cmpint (fixture_run_cli (f->dir, (const char *[]) { "ocr", case_arg, NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Read 2 pages"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (fixture_run_cli (f->dir, (const char *[]) { "ocr", case_arg, NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "nothing new"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (fixture_run_cli (f->dir, (const char *[]) { "ocr", case_arg, "--languages", "eng;rm", NULL },
                                    &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (fixture_run_cli (f->dir, (const char *[]) { "ocr", "999", NULL }, &out, &err), ==, 1);
}

/* Where pdftotext -bbox finds @word on @page (from 1) of @pdf, in points
 * from the top left. */
static gboolean
bbox_of_word (const char *pdf,
              int         page,
              const char *word,
              double      box[4])
{
  g_autofree char *first = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", "-f", first, "-l", first,
                         pdf, "-", NULL };
  g_autofree char *html = rd_fixture_run (argv, NULL);
  g_autoptr(GRegex) re = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
                                      "xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>",
                                      0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (re, html, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *found = g_match_info_fetch (match, 5);

      if (!g_str_equal (found, word))
        continue;
      for (int i = 0; i < 4; i++)
        {
          g_autofree char *v = g_match_info_fetch (match, i + 1);
          box[i] = g_ascii_strtod (v, NULL);
        }
      return TRUE;
    }
  return FALSE;
}

/* The dark pixels of @page of @pdf drawn at @dpi, grey, one byte each. */
static guint8 *
render_grey (Fixture    *f,
             const char *pdf,
             int         page,
             int         dpi,
             int        *width,
             int        *height)
{
  g_autofree char *first = g_strdup_printf ("%d", page);
  g_autofree char *res = g_strdup_printf ("%d", dpi);
  g_autofree char *prefix = fixture_path (f, "render");
  g_autofree char *pgm = g_strconcat (prefix, ".pgm", NULL);
  const char *argv[] = { "pdftoppm", "-gray", "-r", res, "-f", first, "-l", first,
                         "-singlefile", pdf, prefix, NULL };
  g_autofree char *out = NULL;
  g_autofree char *data = NULL;
  gsize len;
  int status, maxval, used = 0;
  guint8 *pixels;

  out = rd_fixture_run (argv, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_get_contents (pgm, &data, &len, NULL));
  g_assert_cmpint (sscanf (data, "P5 %d %d %d%n", width, height, &maxval, &used), ==, 3);
  g_assert_cmpint (maxval, ==, 255);
  used++;
  g_assert_cmpuint (len, >=, (gsize) used + (gsize) *width * *height);
  pixels = g_memdup2 (data + used, (gsize) *width * *height);
  return pixels;
}

/* How well @box (points from the top left) sits on the ink drawn there:
 * the overlap, over their union, of @box and the box around the ink found
 * within half a box height of it. A word laid a line too high or too low,
 * or off to one side, scores far below one. */
static double
ink_overlap (const guint8 *pixels,
             int           width,
             int           height,
             int           dpi,
             const double  box[4])
{
  double k = dpi / 72.0, pad = (box[3] - box[1]) / 2;
  int x0 = MAX (0, (int) ((box[0] - pad) * k)), x1 = MIN (width, (int) ((box[2] + pad) * k));
  int y0 = MAX (0, (int) ((box[1] - pad) * k)), y1 = MIN (height, (int) ((box[3] + pad) * k));
  double ink[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -1, -1 };
  double inter_w, inter_h, inter, uni;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if (pixels[(gsize) y * width + x] < 128)
        {
          ink[0] = MIN (ink[0], x / k);
          ink[1] = MIN (ink[1], y / k);
          ink[2] = MAX (ink[2], (x + 1) / k);
          ink[3] = MAX (ink[3], (y + 1) / k);
        }
  if (ink[2] < 0)
    return 0;
  inter_w = MIN (box[2], ink[2]) - MAX (box[0], ink[0]);
  inter_h = MIN (box[3], ink[3]) - MAX (box[1], ink[1]);
  inter = inter_w > 0 && inter_h > 0 ? inter_w * inter_h : 0;
  uni = (box[2] - box[0]) * (box[3] - box[1]) + (ink[2] - ink[0]) * (ink[3] - ink[1]) - inter;
  return inter / uni;
}

/* The bundle page (from 1) whose text holds @text, or 0. */
static int
page_with_text (char       **pages,
                const char  *text)
{
  for (guint i = 0; pages[i] != NULL; i++)
    if (strstr (pages[i], text) != NULL)
      return (int) i + 1;
  return 0;
}

/* Checks that each of @words is found on @page of @pdf, over the picture
 * of that word. */
static void
assert_words_over_ink (Fixture            *f,
                       const char         *pdf,
                       int                 page,
                       const char * const *words)
{
  int width, height;
  g_autofree guint8 *pixels = render_grey (f, pdf, page, 144, &width, &height);

  for (guint i = 0; words[i] != NULL; i++)
    {
      double box[4];

      if (!bbox_of_word (pdf, page, words[i], box))
        g_error ("“%s” is not on page %d", words[i], page);
      g_test_message ("%s at %.1f %.1f %.1f %.1f: %.2f", words[i], box[0], box[1], box[2], box[3],
                      ink_overlap (pixels, width, height, 144, box));
      g_assert_cmpfloat (ink_overlap (pixels, width, height, 144, box), >, 0.5);
    }
}

/* The words read on a scanned page and a photographed letter go into the
 * bundle as invisible text under the picture, where each word is seen: a
 * reader of the bundle finds, selects and copies them. */
static void
test_bundle_text_layer (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *scan_path = fixture_path (f, "scan.pdf");
  g_autofree char *letter_path = fixture_path (f, "letter.png");
  /* Outside the data folder, where every output must be. */
  g_autofree char *out_dir = g_dir_make_tmp ("test-ocr-out-XXXXXX", NULL);
  g_autofree char *out = NULL;
  g_autoptr(RdEvidence) scan = NULL;
  g_autoptr(RdEvidence) letter = NULL;
  g_autoptr(RdBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *before = NULL;
  RdCaseBundleOptions options;
  RdOcrSummary summary;
  int first, second, photo;

  g_assert_nonnull (out_dir);
  out = g_build_filename (out_dir, "bundle.pdf", NULL);
  fixture_write_scanned_pdf (scan_path, scan_pages);
  fixture_write_letter_png (letter_path, "Dear tenant\nYour appointment is confirmed\nfor Thursday morning.");
  scan = import_ok (f, scan_path);
  letter = import_ok (f, letter_path);
  rd_case_bundle_options_init (&options);
  options.include_letter = FALSE;

  /* Without recognition, the pictures have no text in the bundle. */
  bundle = rd_case_bundle_build (f->store, f->case_id, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rd_bundle_write (bundle, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  before = rd_fixture_pdf_text (out);
  g_assert_null (strstr (before, "mould"));
  g_assert_null (strstr (before, "appointment"));
  g_clear_object (&bundle);

  g_assert_true (rd_evidence_recognise_case (f->store, f->case_id, "eng", NULL, NULL, NULL,
                                             &summary, &error));
  g_assert_no_error (error);
  bundle = rd_case_bundle_build (f->store, f->case_id, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rd_bundle_write (bundle, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  rd_fixture_assert_qpdf_check (out);
  pages = rd_fixture_pdf_text_pages (out);

  /* Each scanned page carries its own words, in reading order, and only
   * those. */
  first = page_with_text (pages, "The ceiling shows black mould.");
  g_assert_cmpint (first, >, 0);
  g_assert_nonnull (strstr (pages[first - 1], "We inspected the bathroom on Tuesday."));
  g_assert_null (strstr (pages[first - 1], "extractor"));
  second = page_with_text (pages, "The extractor fan must be replaced.");
  g_assert_cmpint (second, ==, first + 1);
  photo = page_with_text (pages, "Your appointment is confirmed");
  g_assert_cmpint (photo, >, 0);
  g_assert_cmpint (photo, !=, first);
  g_assert_cmpint (photo, !=, second);

  /* Each word lies over its picture, after the page was fitted to the
   * paper and the photo placed on its page. */
  assert_words_over_ink (f, out, first, (const char * const[]) { "Repairs", "Department",
                                                                 "ceiling", "mould.", NULL });
  assert_words_over_ink (f, out, second, (const char * const[]) { "extractor", "surveyor.", NULL });
  assert_words_over_ink (f, out, photo, (const char * const[]) { "Dear", "appointment",
                                                                 "Thursday", NULL });

  fixture_remove_tree (out_dir);
}

/* Whether @page of @pdf has a block of solid black at least @min_w × 4
 * pixels at 144 dpi: a blacked-out name, not a stroke of a letter. */
static gboolean
has_black_block (Fixture    *f,
                 const char *pdf,
                 int         page,
                 int         min_w)
{
  int width, height;
  g_autofree guint8 *pixels = render_grey (f, pdf, page, 144, &width, &height);

  for (int y = 0; y + 4 <= height; y++)
    {
      int run = 0;

      for (int x = 0; x < width; x++)
        {
          gboolean dark = TRUE;

          for (int k = 0; k < 4 && dark; k++)
            dark = pixels[(gsize) (y + k) * width + x] < 24;
          run = dark ? run + 1 : 0;
          if (run >= min_w)
            return TRUE;
        }
    }
  return FALSE;
}

/* An image pdfimages lists: its bundle page (from 1), whether it is a
 * JPEG, and the bytes its stream takes in the file. */
typedef struct
{
  int      page;
  gboolean jpeg;
  double   size;
} ListedImage;

static GArray *
list_images (const char *pdf)
{
  const char *argv[] = { "pdfimages", "-list", pdf, NULL };
  int status;
  g_autofree char *out = rd_fixture_run (argv, &status);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GArray *images = g_array_new (FALSE, FALSE, sizeof (ListedImage));

  g_assert_cmpint (status, ==, 0);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      ListedImage image = { 0 };
      char kind[32], enc[32], size[32];
      char *unit = NULL;

      /* page num type width height color comp bpc enc interp object ID
       * x-ppi y-ppi size ratio */
      if (sscanf (lines[i], "%d %*d %31s %*d %*d %*s %*d %*d %31s %*s %*d %*d %*d %*d %31s",
                  &image.page, kind, enc, size) != 4 || !g_str_equal (kind, "image"))
        continue;
      image.jpeg = g_str_equal (enc, "jpeg");
      image.size = g_ascii_strtod (size, &unit);
      if (*unit == 'K')
        image.size *= 1024;
      else if (*unit == 'M')
        image.size *= 1024 * 1024;
      g_array_append_val (images, image);
    }
  return images;
}

/* The bundle pages (from 1) on which pdfimages finds an image, however it
 * is stored. */
static GArray *
pages_with_image (const char *pdf)
{
  g_autoptr(GArray) images = list_images (pdf);
  GArray *pages = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < images->len; i++)
    g_array_append_val (pages, g_array_index (images, ListedImage, i).page);
  return pages;
}

static gint64
add_third_party (Fixture    *f,
                 const char *name)
{
  g_autoptr(RdParty) party = fixture_add_party (f->store, f->case_id, name,
                                                RD_PARTY_NEIGHBOUR, TRUE);

  return rd_party_get_id (party);
}

static gboolean
has_number (GArray *numbers,
            gint64  number)
{
  for (guint i = 0; i < numbers->len; i++)
    if (g_array_index (numbers, gint64, i) == number)
      return TRUE;
  return FALSE;
}

/* An anonymised bundle blacks out a third party's name wherever it is
 * found in the evidence: in a PDF's own text, on a scanned page and in a
 * photographed letter through the words read there. Such a page goes in as
 * a picture with nothing behind it; the other pages keep their text. */
static void
test_redacted_bundle (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const named_scan[] = {
    "Repairs Department\nWe spoke to Gareth Hall on Tuesday.\nThe ceiling shows black mould.",
    "Page two of the report\nThe extractor fan must be replaced.\nSigned by the surveyor.",
    NULL,
  };
  static const char * const late_scan[] = { "A later letter\nabout the damp wall.", NULL };
  g_autofree char *scan_path = fixture_path (f, "scan.pdf");
  g_autofree char *named_path = fixture_path (f, "named.pdf");
  g_autofree char *plain_path = fixture_path (f, "plain.pdf");
  g_autofree char *letter_path = fixture_path (f, "letter.png");
  g_autofree char *late_path = fixture_path (f, "late.pdf");
  g_autofree char *out_dir = g_dir_make_tmp ("test-ocr-out-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (out_dir, "bundle.pdf", NULL);
  g_autoptr(RdEvidence) scan = NULL;
  g_autoptr(RdEvidence) named = NULL;
  g_autoptr(RdEvidence) plain = NULL;
  g_autoptr(RdEvidence) letter = NULL;
  g_autoptr(RdEvidence) late = NULL;
  g_autoptr(RdBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) unchecked = NULL;
  g_autoptr(GArray) image_pages = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *text = NULL;
  RdCaseBundleOptions options;
  RdOcrSummary summary;
  int second;

  add_third_party (f, "Gareth Hall");
  fixture_write_scanned_pdf (scan_path, named_scan);
  fixture_write_pdf (named_path, 1, "Mr Hall complained about the boiler", NULL);
  fixture_write_pdf (plain_path, 1, "The radiators are cold", NULL);
  fixture_write_letter_png (letter_path, "Dear Gareth Hall\nYour appointment is confirmed\nfor Thursday morning.");
  scan = import_ok (f, scan_path);
  named = import_ok (f, named_path);
  plain = import_ok (f, plain_path);
  letter = import_ok (f, letter_path);
  rd_case_bundle_options_init (&options);
  options.include_letter = FALSE;
  options.anonymise = TRUE;

  /* Before the scans are read, their names cannot be found: they are
   * named before the export. PDFs with text of their own can be checked. */
  unchecked = rd_case_bundle_list_unchecked (f->store, f->case_id, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unchecked->len, ==, 2);
  g_assert_true (has_number (unchecked, rd_evidence_get_exhibit_number (scan)));
  g_assert_true (has_number (unchecked, rd_evidence_get_exhibit_number (letter)));
  g_clear_pointer (&unchecked, g_array_unref);

  g_assert_true (rd_evidence_recognise_case (f->store, f->case_id, "eng", NULL, NULL, NULL,
                                             &summary, &error));
  g_assert_no_error (error);
  unchecked = rd_case_bundle_list_unchecked (f->store, f->case_id, &options, &error);
  g_assert_cmpuint (unchecked->len, ==, 0);
  g_clear_pointer (&unchecked, g_array_unref);

  bundle = rd_case_bundle_build (f->store, f->case_id, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rd_bundle_write (bundle, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  rd_fixture_assert_qpdf_check (out);
  text = rd_fixture_pdf_text (out);
  pages = rd_fixture_pdf_text_pages (out);

  /* The name is nowhere in the bundle's text, hidden or not. */
  g_assert_null (strstr (text, "Gareth"));
  g_assert_null (strstr (text, "Hall"));
  g_assert_nonnull (strstr (text, "This bundle is anonymised."));
  /* Pages that name nobody keep their text: the scan's second page its
   * recognised words, a typed PDF its own. */
  second = page_with_text (pages, "The extractor fan must be replaced.");
  g_assert_cmpint (second, >, 1);
  g_assert_nonnull (strstr (text, "The radiators are cold page 1"));
  g_assert_null (strstr (text, "complained about the boiler"));
  g_assert_null (strstr (text, "black mould"));
  g_assert_null (strstr (text, "appointment"));

  /* The scan's first page, the typed page naming Mr Hall and the photo are
   * pictures (a JPEG, or stored without loss where that is smaller), each
   * with a name blacked out, and only the page stamp as text. */
  image_pages = pages_with_image (out);
  {
    guint blacked = 0;

    for (guint i = 0; i < image_pages->len; i++)
      {
        int page = g_array_index (image_pages, int, i);
        g_autofree char *stamp = g_strdup_printf ("Page %d of %u", page, g_strv_length (pages) - 1);

        if (!has_black_block (f, out, page, 24))
          continue;
        blacked++;
        g_assert_nonnull (strstr (pages[page - 1], stamp));
      }
    g_assert_cmpuint (blacked, ==, 3);
  }
  /* The page before the scan's second is its first, blacked out. */
  {
    gboolean found = FALSE;

    for (guint i = 0; i < image_pages->len; i++)
      found |= g_array_index (image_pages, int, i) == second - 1;
    g_assert_true (found);
    g_assert_true (has_black_block (f, out, second - 1, 24));
    g_assert_null (strstr (pages[second - 2], "Repairs"));
  }

  /* A scan added since has not been read: it is named. */
  fixture_write_scanned_pdf (late_path, late_scan);
  late = import_ok (f, late_path);
  unchecked = rd_case_bundle_list_unchecked (f->store, f->case_id, &options, &error);
  g_assert_cmpuint (unchecked->len, ==, 1);
  g_assert_true (has_number (unchecked, rd_evidence_get_exhibit_number (late)));

  fixture_remove_tree (out_dir);
}

/* A page that is a photograph (colour that changes smoothly, with the
 * grain a camera leaves), with a caption in the page's text. */
static void
write_photo_page_pdf (const char *path,
                      const char *caption)
{
  const int w = 620, h = 877;
  cairo_surface_t *photo = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_surface_t *pdf = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (pdf);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint8 *data;
  int stride;

  cairo_surface_flush (photo);
  data = cairo_image_surface_get_data (photo);
  stride = cairo_image_surface_get_stride (photo);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        int grain = g_rand_int_range (rand, -14, 15);
        int r = CLAMP (60 + x * 150 / w + grain, 0, 255);
        int g = CLAMP (90 + y * 120 / h + grain, 0, 255);
        int b = CLAMP (140 + (x + y) % 97 + grain, 0, 255);

        ((guint32 *) (data + (gsize) y * stride))[x] = (guint32) (r << 16 | g << 8 | b);
      }
  cairo_surface_mark_dirty (photo);

  cairo_save (cr);
  cairo_scale (cr, 595.0 / w, 842.0 / h);
  cairo_set_source_surface (cr, photo, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 18);
  cairo_move_to (cr, 40, 800);
  cairo_show_text (cr, caption);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  g_assert_cmpint (cairo_surface_status (pdf), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (pdf);
  cairo_surface_destroy (photo);
}

/* The image on bundle page @page as pdfimages gets it out, decoded. */
static GdkPixbuf *
extract_image (Fixture    *f,
               const char *pdf,
               int         page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);
  g_autofree char *prefix = fixture_path (f, "extracted");
  g_autofree char *png = g_strconcat (prefix, "-000.png", NULL);
  const char *argv[] = { "pdfimages", "-png", "-f", number, "-l", number, pdf, prefix, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  GdkPixbuf *pixbuf;
  int status;

  g_unlink (png);
  out = rd_fixture_run (argv, &status);
  g_assert_cmpint (status, ==, 0);
  pixbuf = gdk_pixbuf_new_from_file (png, &error);
  g_assert_no_error (error);
  return pixbuf;
}

/* Whether @pixbuf holds a black bar at least @min_w pixels wide and 4 high. */
static gboolean
pixbuf_has_black_bar (GdkPixbuf *pixbuf,
                      int        min_w)
{
  int width = gdk_pixbuf_get_width (pixbuf), height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf), stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);

  for (int y = 0; y + 4 <= height; y++)
    {
      int run = 0;

      for (int x = 0; x < width; x++)
        {
          gboolean dark = TRUE;

          for (int k = 0; k < 4 && dark; k++)
            {
              const guint8 *p = pixels + (gsize) (y + k) * stride + (gsize) x * channels;
              dark = p[0] < 24 && p[channels > 1 ? 1 : 0] < 24 && p[channels > 2 ? 2 : 0] < 24;
            }
          run = dark ? run + 1 : 0;
          if (run >= min_w)
            return TRUE;
        }
    }
  return FALSE;
}

static gsize
jpeg_size (GdkPixbuf *pixbuf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *jpeg = NULL;
  gsize len = 0;

  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &len, "jpeg", &error, "quality", "85",
                                            NULL));
  g_assert_no_error (error);
  return len;
}

/* A redacted page Redress draws as a picture is stored without loss when
 * that is smaller, as for a typed page: the letters round the black box
 * stay sharp and the picture takes less than the same pixels as a JPEG.
 * A page that is a photograph stays a JPEG. Neither leaves the name as
 * text, and the picture pdfimages gets out shows the black box. */
static void
test_redacted_lossless (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *typed_path = fixture_path (f, "typed.pdf");
  g_autofree char *photo_path = fixture_path (f, "photo-page.pdf");
  g_autofree char *out_dir = g_dir_make_tmp ("test-ocr-out-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (out_dir, "bundle.pdf", NULL);
  g_autoptr(RdEvidence) typed = NULL;
  g_autoptr(RdEvidence) photo = NULL;
  g_autoptr(RdBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) images = NULL;
  g_autofree char *text = NULL;
  RdCaseBundleOptions options;
  GPtrArray *exhibits;
  int typed_first = 0, typed_n = 0, photo_first = 0, photo_n = 0;
  guint n_typed = 0, n_photo = 0;

  add_third_party (f, "Gareth Hall");
  fixture_write_pdf (typed_path, 1, "Gareth Hall reported the leak under the sink", NULL);
  write_photo_page_pdf (photo_path, "The wall, photographed by Gareth Hall");
  typed = import_ok (f, typed_path);
  photo = import_ok (f, photo_path);
  rd_case_bundle_options_init (&options);
  options.include_letter = FALSE;
  options.anonymise = TRUE;
  bundle = rd_case_bundle_build (f->store, f->case_id, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rd_bundle_write (bundle, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  rd_fixture_assert_qpdf_check (out);

  text = rd_fixture_pdf_text (out);
  g_assert_null (strstr (text, "Gareth"));
  g_assert_null (strstr (text, "Hall"));
  g_assert_null (strstr (text, "reported the leak"));
  g_assert_null (strstr (text, "The wall, photographed"));

  exhibits = rd_bundle_get_exhibits (bundle);
  for (guint i = 0; i < exhibits->len; i++)
    {
      RdBundleExhibit *ex = exhibits->pdata[i];
      const char *sha = rd_bundle_exhibit_get_sha256 (ex);

      if (g_strcmp0 (sha, rd_evidence_get_sha256 (typed)) == 0)
        {
          typed_first = rd_bundle_exhibit_get_first_page (ex);
          typed_n = rd_bundle_exhibit_get_n_pages (ex);
        }
      else if (g_strcmp0 (sha, rd_evidence_get_sha256 (photo)) == 0)
        {
          photo_first = rd_bundle_exhibit_get_first_page (ex);
          photo_n = rd_bundle_exhibit_get_n_pages (ex);
        }
    }
  g_assert_cmpint (typed_first, >, 0);
  g_assert_cmpint (photo_first, >, 0);

  images = list_images (out);
  for (guint i = 0; i < images->len; i++)
    {
      ListedImage *image = &g_array_index (images, ListedImage, i);
      gboolean in_typed = image->page >= typed_first && image->page < typed_first + typed_n;
      gboolean in_photo = image->page >= photo_first && image->page < photo_first + photo_n;
      g_autoptr(GdkPixbuf) pixels = NULL;

      if (!in_typed && !in_photo)
        continue;
      pixels = extract_image (f, out, image->page);
      g_assert_true (pixbuf_has_black_bar (pixels, 24));
      if (in_typed)
        {
          gsize as_jpeg = jpeg_size (pixels);

          g_test_message ("typed page: %.0f bytes stored, %" G_GSIZE_FORMAT " as a JPEG q85",
                          image->size, as_jpeg);
          g_assert_false (image->jpeg);
          g_assert_cmpfloat (image->size, <, (double) as_jpeg);
          n_typed++;
        }
      else
        {
          g_test_message ("photo page: %.0f bytes stored as a JPEG", image->size);
          g_assert_true (image->jpeg);
          n_photo++;
        }
    }
  g_assert_cmpuint (n_typed, ==, 1);
  g_assert_cmpuint (n_photo, ==, 1);
  fixture_remove_tree (out_dir);
}

/* export --anonymise stops on pictures it cannot check unless told to go
 * on, and writes the labels' key only where asked, apart from the bundle. */
static void
test_cli_anonymise (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const named_scan[] = { "Notes\nGareth Hall shouted at me.", NULL };
  g_autofree char *scan_path = fixture_path (f, "scan.pdf");
  g_autofree char *case_arg = g_strdup_printf ("%" G_GINT64_FORMAT, f->case_id);
  g_autofree char *out_dir = g_dir_make_tmp ("test-ocr-out-XXXXXX", NULL);
  g_autofree char *bundle = g_build_filename (out_dir, "bundle.pdf", NULL);
  g_autofree char *key = g_build_filename (out_dir, "key.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *exhibit = NULL;
  g_autofree char *key_text = NULL;
  g_autofree char *text = NULL;
  g_autoptr(RdEvidence) scan = NULL;

  add_third_party (f, "Gareth Hall");
  fixture_write_scanned_pdf (scan_path, named_scan);
  scan = import_ok (f, scan_path);
  exhibit = g_strdup_printf (": %" G_GINT64_FORMAT ".", rd_evidence_get_exhibit_number (scan));
  g_clear_object (&f->store);

#define EXPORT(...) \
  fixture_run_cli (f->dir, (const char *[]) { "export", case_arg, "--output", bundle, "--no-letter", \
                                              __VA_ARGS__, NULL }, &out, &err)
#define CLEAR() G_STMT_START { g_clear_pointer (&out, g_free); g_clear_pointer (&err, g_free); } G_STMT_END

  /* Unread: named, and nothing written. */
  g_assert_cmpint (EXPORT ("--anonymise"), ==, 1);
  g_assert_nonnull (strstr (err, exhibit));
  g_assert_nonnull (strstr (err, "--anonymise-accept-unchecked"));
  g_assert_false (g_file_test (bundle, G_FILE_TEST_EXISTS));
  CLEAR ();
  /* The key belongs to an anonymised bundle, in a file of its own. */
  g_assert_cmpint (EXPORT ("--anonymise-key", key), ==, 2);
  CLEAR ();
  g_assert_cmpint (EXPORT ("--anonymise", "--anonymise-accept-unchecked", "--anonymise-key", bundle), ==, 2);
  CLEAR ();
  /* Told to go on, the picture goes in as it is, and the cover says so. */
  g_assert_cmpint (EXPORT ("--anonymise", "--anonymise-accept-unchecked"), ==, 0);
  g_assert_nonnull (strstr (err, exhibit));
  CLEAR ();
  text = rd_fixture_pdf_text (bundle);
  g_assert_nonnull (strstr (text, "Not checked for names"));
  g_clear_pointer (&text, g_free);

  /* Read, it is checked: the name is blacked out, and the key says who
   * Neighbour A is. */
  g_assert_cmpint (fixture_run_cli (f->dir, (const char *[]) { "ocr", case_arg, NULL }, &out, &err), ==, 0);
  CLEAR ();
  g_assert_cmpint (EXPORT ("--anonymise", "--anonymise-key", key), ==, 0);
  g_assert_null (strstr (err, exhibit));
  CLEAR ();
  text = rd_fixture_pdf_text (bundle);
  g_assert_null (strstr (text, "Not checked for names"));
  g_assert_null (strstr (text, "Gareth"));
  g_assert_true (g_file_get_contents (key, &key_text, NULL, NULL));
  g_assert_nonnull (strstr (key_text, "\nNeighbour A\tGareth Hall\n"));
  g_assert_null (strstr (text, "Neighbour A\tGareth"));
#undef EXPORT
#undef CLEAR
  fixture_remove_tree (out_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/ocr/scans-found-by-search", test_scans_found_by_search);
  ADD ("/ocr/cancel-and-resume", test_cancel_and_resume);
  ADD ("/ocr/welsh", test_welsh);
  ADD ("/ocr/cli", test_cli);
  ADD ("/ocr/bundle-text-layer", test_bundle_text_layer);
  ADD ("/ocr/redacted-bundle", test_redacted_bundle);
  ADD ("/ocr/redacted-lossless", test_redacted_lossless);
  ADD ("/ocr/cli-anonymise", test_cli_anonymise);

  return g_test_run ();
}
