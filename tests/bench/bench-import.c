/* bench-import.c: importing 1,000 evidence files (half photos, half PDFs,
 * about 2 GB) against `sha256sum` of the same files, in the same run.
 * Target: import ≤ 2 × sha256sum. Files are made first (not timed) in a
 * temporary folder, which is removed at the end.
 *
 * Then the same files are imported again into a fresh store the way the
 * window does it (RdEvidenceImporter on a worker thread), while a 10 ms
 * timer runs on the main loop: the longest gap between its ticks is how
 * long the window would have been unresponsive.
 *
 *   bench-import [N_FILES [MB_EACH]]     (default 1000 files of 2 MB)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gprintf.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "rd-core.h"
#include "evidence-fixtures.h"

/* The 2 GB go whatever happens: on failure, and on Ctrl+C (checked
 * between files and between phases). */
static char *cleanup_root;
static volatile sig_atomic_t interrupted;

static void
on_signal (int signum)
{
  interrupted = 1;
}

static void G_GNUC_NORETURN G_GNUC_PRINTF (1, 2)
die (const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  g_vfprintf (stderr, format, args);
  va_end (args);
  g_printerr ("\n");
  if (cleanup_root != NULL)
    fixture_remove_tree (cleanup_root);
  exit (1);
}

static void
check_interrupted (void)
{
  if (interrupted)
    die ("Interrupted; the generated files were removed.");
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static double
time_sha256sum (GPtrArray *paths)
{
  g_autofree char *program = g_find_program_in_path ("sha256sum");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gint64 start;
  int status = 0;

  if (program == NULL)
    die ("sha256sum is not installed");
  g_ptr_array_add (argv, program);
  g_ptr_array_add (argv, (char *) "--");
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (paths, i));
  g_ptr_array_add (argv, NULL);

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    die ("sha256sum failed: %s", error->message);
  return seconds_since (start);
}

static double
time_import (const char *data_dir,
             GPtrArray  *paths,
             guint      *n_imported)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (data_dir, &error);
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(RdEvidenceBatch) batch = NULL;
  gint64 start;
  double elapsed;

  g_assert_no_error (error);
  rd_case_set_title (rcase, "Benchmark");
  g_assert_true (rd_store_save_case (store, rcase, &error));

  start = g_get_monotonic_time ();
  batch = rd_evidence_batch_new (store, rd_case_get_id (rcase));
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (paths, i));

      check_interrupted ();
      if (!rd_evidence_batch_add_file (batch, file, NULL, NULL, &error))
        die ("import failed: %s", error->message);
    }
  if (!rd_evidence_batch_commit (batch, &error))
    die ("commit failed: %s", error->message);
  elapsed = seconds_since (start);
  *n_imported = rd_evidence_batch_get_n_items (batch);
  return elapsed;
}

typedef struct {
  gint64        last_tick;
  gint64        worst_gap;
  guint         n_ticks;
  GAsyncResult *result;
} Responsiveness;

static gboolean
tick_cb (gpointer data)
{
  Responsiveness *r = data;
  gint64 now = g_get_monotonic_time ();

  r->worst_gap = MAX (r->worst_gap, now - r->last_tick);
  r->last_tick = now;
  r->n_ticks++;
  return G_SOURCE_CONTINUE;
}

static void
on_imported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  ((Responsiveness *) data)->result = g_object_ref (result);
}

static double
time_async_import (const char *data_dir,
                   GPtrArray  *paths,
                   double     *worst_gap_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (data_dir, &error);
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(RdEvidenceImporter) importer = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) imported = NULL;
  Responsiveness r = { 0 };
  gint64 start;
  guint tick;

  g_assert_no_error (error);
  rd_case_set_title (rcase, "Benchmark, as the window does it");
  g_assert_true (rd_store_save_case (store, rcase, &error));
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (files, g_file_new_for_path (g_ptr_array_index (paths, i)));
  importer = rd_evidence_importer_new (store, rd_case_get_id (rcase));

  start = r.last_tick = g_get_monotonic_time ();
  tick = g_timeout_add (10, tick_cb, &r);
  rd_evidence_importer_import_async (importer, (GFile **) files->pdata, files->len, NULL,
                                     on_imported_cb, &r);
  while (r.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  imported = rd_evidence_importer_import_finish (importer, r.result, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imported->len, ==, paths->len);
  g_object_unref (r.result);
  *worst_gap_ms = r.worst_gap / 1000.0;
  return seconds_since (start);
}

static double
time_verify (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (data_dir, &error);
  g_autoptr(GListModel) cases = rd_store_list_cases (store, &error);
  g_autoptr(RdCase) rcase = g_list_model_get_item (cases, 0);
  g_autoptr(GPtrArray) problems = NULL;
  gint64 start = g_get_monotonic_time ();

  problems = rd_store_verify_evidence (store, rd_case_get_id (rcase), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  if (problems->len != 0)
    die ("verify found %u problems right after import", problems->len);
  return seconds_since (start);
}

int
main (int   argc,
      char *argv[])
{
  guint n_files = argc > 1 ? (guint) atoi (argv[1]) : 1000;
  gsize bytes_each = (argc > 2 ? (gsize) atoi (argv[2]) : 2) * 1024 * 1024;
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("redress-bench-import-XXXXXX", &error);
  g_autofree char *files_dir = g_build_filename (root, "files", NULL);
  g_autofree char *data_dir = g_build_filename (root, "data", NULL);
  g_autofree char *async_dir = g_build_filename (root, "data-async", NULL);
  double async_s, worst_gap_ms;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  guint64 total = 0;
  double hash_s, import_s, verify_s, hash_again_s;
  guint n_imported = 0;
  gint64 start;

  setlocale (LC_ALL, "");
  g_assert_no_error (error);
  cleanup_root = root;
  signal (SIGINT, on_signal);
  signal (SIGTERM, on_signal);
  signal (SIGPIPE, on_signal);
  g_mkdir (files_dir, 0700);

  g_print ("Making %u files of about %.1f MB in %s (not timed)…\n", n_files,
           bytes_each / 1048576.0, root);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_strdup_printf ("%04u.%s", i, i % 2 ? "pdf" : "jpg");
      char *path = g_build_filename (files_dir, name, NULL);

      check_interrupted ();
      if (i % 2)
        fixture_write_big_pdf (path, bytes_each, i);
      else
        fixture_write_big_jpeg (path, bytes_each, i);
      total += fixture_file_size (path);
      if (g_getenv ("BENCH_VERBOSE"))
        g_print ("%s %" G_GOFFSET_FORMAT "\n", name, fixture_file_size (path));
      g_ptr_array_add (paths, path);
    }
  g_print ("Made %.2f GB in %.1f s\n", total / 1e9, seconds_since (start));

  /* sha256sum before and after the import, so neither side alone has the
   * benefit of a warmer page cache. */
  hash_s = time_sha256sum (paths);
  check_interrupted ();
  import_s = time_import (data_dir, paths, &n_imported);
  check_interrupted ();
  hash_again_s = time_sha256sum (paths);
  check_interrupted ();
  verify_s = time_verify (data_dir);
  check_interrupted ();
  hash_s = MIN (hash_s, hash_again_s);
  /* Only one copy of the 2 GB on disk at a time. */
  fixture_remove_tree (data_dir);
  async_s = time_async_import (async_dir, paths, &worst_gap_ms);

  g_print ("\n");
  g_print ("files:              %u (%.2f GB), %u evidence items\n", n_files, total / 1e9, n_imported);
  g_print ("sha256sum:          %6.2f s  (%.0f MB/s; best of two runs)\n", hash_s, total / 1e6 / hash_s);
  g_print ("redress import:     %6.2f s  (%.0f MB/s; copy, hash, fsync, facts, one commit)\n",
           import_s, total / 1e6 / import_s);
  g_print ("redress verify:     %6.2f s\n", verify_s);
  g_print ("import on a worker: %6.2f s, longest main-loop stall %.0f ms (a 10 ms timer; the window's view)\n",
           async_s, worst_gap_ms);
  g_print ("import / sha256sum: %6.2f   (target ≤ 2.00: %s)\n", import_s / hash_s,
           import_s / hash_s <= 2.0 ? "met" : "NOT MET");

  fixture_remove_tree (root);
  return import_s / hash_s <= 2.0 ? 0 : 1;
}
