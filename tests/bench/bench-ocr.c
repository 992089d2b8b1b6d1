/* bench-ocr.c: recognised pages per second, Redress against the tesseract
 * command, on the same pages in the same run.
 *
 * Makes N A4 pages of text scanned at 300 dpi as PNG files (not timed),
 * then, alternating for ROUNDS rounds:
 *   - `tesseract LIST out -l eng txt`: the command reading every page in
 *     one process (its language data loaded once, as Redress loads it);
 *   - Redress: rd_evidence_recognise_case() on a fresh store holding the
 *     same PNGs as evidence, which also writes each page's words and boxes
 *     and the search index.
 * Prints pages per second of each (best and median round) and the ratio,
 * then checks that Redress found the words that were drawn. Redress then
 * reads the same pages once more as one scanned PDF (drawn at 300 dpi
 * from the PDF first), which is how most scans arrive.
 *
 *   bench-ocr [N_PAGES]          (default 8)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evidence-fixtures.h"
#include "rd-core.h"
#include "store-fixtures.h"

#define ROUNDS 3

static const char * const vocabulary[] = {
  "the", "landlord", "repair", "damp", "mould", "bedroom", "ceiling", "window", "heating",
  "boiler", "inspection", "tenant", "complaint", "response", "within", "working", "days",
  "housing", "ombudsman", "contractor", "appointment", "kitchen", "leak", "report", "urgent",
};

/* Twenty lines of words, different on every page, and one word that marks
 * the page so that search can prove it was read. */
static char *
page_text (int page)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (page + 1);

  g_string_append_printf (text, "Page marker pagemark%d\n", page + 1);
  for (int line = 0; line < 20; line++)
    {
      for (int w = 0; w < 8; w++)
        g_string_append_printf (text, "%s%s", w ? " " : "",
                                vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))]);
      g_string_append_c (text, '\n');
    }
  g_rand_free (rand);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static double
run_tesseract (const char *dir,
               const char *list)
{
  g_autofree char *out = g_build_filename (dir, "tesseract-out", NULL);
  const char *argv[] = { "tesseract", list, out, "-l", "eng", "txt", NULL };
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("bench-ocr: tesseract failed: %s\n", error->message);
      exit (1);
    }
  return (g_get_monotonic_time () - start) / 1e6;
}

/* A fresh store with @files as evidence; returns the seconds spent
 * recognising them and checks what was found. */
static double
run_redress (GPtrArray *files,
             int        n_pages,
             gboolean   check)
{
  g_autofree char *dir = NULL;
  g_autoptr(RdStore) store = fixture_store_open_temp ("bench-ocr-store-XXXXXX", &dir);
  g_autoptr(RdCase) rcase = fixture_make_case (store, "OCR bench");
  g_autoptr(GError) error = NULL;
  RdOcrSummary summary;
  gint64 start;
  double seconds;

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (files, i));
      g_autoptr(RdEvidence) evidence = rd_store_import_evidence (store, rd_case_get_id (rcase), file,
                                                                 NULL, NULL, &error);

      g_assert_no_error (error);
    }
  start = g_get_monotonic_time ();
  if (!rd_evidence_recognise_case (store, rd_case_get_id (rcase), "eng", NULL, NULL, NULL,
                                   &summary, &error))
    {
      g_printerr ("bench-ocr: %s\n", error->message);
      exit (1);
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;
  if (summary.pages_read != (guint) n_pages)
    {
      g_printerr ("bench-ocr: Redress read %u pages of %d\n", summary.pages_read, n_pages);
      exit (1);
    }
  for (int p = 0; check && p < n_pages; p++)
    {
      g_autofree char *word = g_strdup_printf ("pagemark%d", p + 1);
      g_autoptr(GListModel) found = rd_store_search_evidence (store, rd_case_get_id (rcase), word, NULL);

      if (found == NULL || g_list_model_get_n_items (found) == 0)
        g_printerr ("bench-ocr: warning: the marker of page %d was not found\n", p + 1);
    }
  fixture_store_close_temp (&store, &dir);
  return seconds;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  int n_pages = argc > 1 ? atoi (argv[1]) : 8;
  g_autofree char *dir = g_dir_make_tmp ("bench-ocr-XXXXXX", NULL);
  g_autofree char *list = g_build_filename (dir, "pages.txt", NULL);
  g_autofree char *pdf = g_build_filename (dir, "scan.pdf", NULL);
  g_autoptr(GString) list_text = g_string_new (NULL);
  g_autoptr(GPtrArray) pngs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) pdfs = g_ptr_array_new ();
  g_autofree char *tesseract = g_find_program_in_path ("tesseract");
  double t_cmd[ROUNDS], t_rd[ROUNDS], t_pdf;

  if (n_pages < 1)
    n_pages = 8;
  if (tesseract == NULL)
    {
      g_printerr ("bench-ocr: the tesseract command is not installed (Debian: tesseract-ocr)\n");
      return 1;
    }
  for (int p = 0; p < n_pages; p++)
    {
      char *path = g_strdup_printf ("%s/page-%03d.png", dir, p + 1);
      char *text = page_text (p);

      fixture_write_scanned_png (path, text);
      g_string_append_printf (list_text, "%s\n", path);
      g_ptr_array_add (pngs, path);
      g_ptr_array_add (texts, text);
    }
  g_ptr_array_add (texts, NULL);
  fixture_write_scanned_pdf (pdf, (const char * const *) texts->pdata);
  g_ptr_array_add (pdfs, pdf);
  g_assert_true (g_file_set_contents (list, list_text->str, -1, NULL));

  printf ("OCR of %d A4 pages scanned at 300 dpi (PNG), language eng, %d rounds\n", n_pages, ROUNDS);
  for (int r = 0; r < ROUNDS; r++)
    {
      t_cmd[r] = run_tesseract (dir, list);
      t_rd[r] = run_redress (pngs, n_pages, r == 0);
      printf ("  round %d: tesseract %.2f s, Redress %.2f s\n", r + 1, t_cmd[r], t_rd[r]);
    }
  t_pdf = run_redress (pdfs, n_pages, TRUE);
  qsort (t_cmd, ROUNDS, sizeof (double), compare_doubles);
  qsort (t_rd, ROUNDS, sizeof (double), compare_doubles);

  printf ("%-34s %12s %12s\n", "", "best", "median");
  printf ("%-34s %9.2f p/s %9.2f p/s\n", "tesseract command", n_pages / t_cmd[0], n_pages / t_cmd[ROUNDS / 2]);
  printf ("%-34s %9.2f p/s %9.2f p/s\n", "Redress (same PNGs)", n_pages / t_rd[0], n_pages / t_rd[ROUNDS / 2]);
  printf ("%-34s %9.2f    %9.2f\n", "ratio Redress / tesseract", t_cmd[0] / t_rd[0],
          t_cmd[ROUNDS / 2] / t_rd[ROUNDS / 2]);
  printf ("%-34s %9.2f p/s\n", "Redress (one scanned PDF)", n_pages / t_pdf);

  fixture_remove_tree (dir);
  return 0;
}
