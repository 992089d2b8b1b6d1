/* test-ocr.c: scanned pages and photographed letters are read with
 * Tesseract, found by evidence search, and a stopped reading goes on where
 * it stopped.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scans are drawn by the test from text (pixels only, no text layer),
 * so what is searched for afterwards can only have come from recognition.
 */
#include "config.h"

#include <string.h>

#include "evidence-fixtures.h"
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

  return g_test_run ();
}
