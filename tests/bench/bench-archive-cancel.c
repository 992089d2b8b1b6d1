/* bench-archive-cancel.c: how soon a hand-over stops once cancelled, at every moment of
 * `export-case` and `import-case`, and that it leaves nothing behind.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A case of N diary entries (10,000 by default; 100,000 with `bench-archive-cancel
 * 100000` or REDRESS_BENCH_LARGE=1) is handed over once whole, to time each
 * direction. Then each is run again on a worker thread and cancelled from
 * the main thread at 12 moments spread over that time, and the benchmark
 * prints how long the worker took to stop after the cancel (the latency),
 * the largest and the median, on the wall clock and in processor time
 * (which the load of other programs does not stretch). After each
 * cancelled run it checks that the export left no file beside its output
 * and the import left no case in the store and nothing in its evidence
 * folder (no staging folder, no staged copy).
 *
 * Only the archive's public calls are used, so a copy built from an older
 * tree measures the same way: `bench-archive-cancel N DIR` keeps its case and
 * archive in DIR and uses them again, so two builds can be run one after
 * the other on the same archive.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "bench-diary.h"
#include "rd-core.h"
#include "evidence-fixtures.h"

#define N_MOMENTS 12

typedef struct {
  gboolean       import;       /* or export */
  const char    *data_dir;     /* the store read or written */
  const char    *archive;
  const char    *output;       /* where an export writes */
  GCancellable  *cancellable;
  gint64         ended;        /* monotonic µs */
  double         ended_cpu;    /* the process's processor time then, s */
  gboolean       ok;
  GError        *error;
} Run;

/* User and system time of the whole process: while the main thread waits
 * for the worker, that is the worker's, and the load of other programs on
 * the machine does not stretch it as it does the wall clock. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static gpointer
run_thread (gpointer data)
{
  Run *run = data;
  g_autoptr(RdStore) store = rd_store_open (run->data_dir, &run->error);

  if (store != NULL)
    {
      if (run->import)
        run->ok = rd_case_archive_import (store, run->archive, run->cancellable, &run->error) > 0;
      else
        run->ok = rd_case_archive_export (store, 1, run->output, run->cancellable, &run->error);
    }
  run->ended_cpu = cpu_seconds ();
  run->ended = g_get_monotonic_time ();
  return NULL;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* Whether a run left the store and the folders as they were before it. */
static gboolean
left_nothing (const Run  *run,
              const char *out_dir,
              guint       out_dir_entries)
{
  if (!run->import)
    return !g_file_test (run->output, G_FILE_TEST_EXISTS) &&
           count_entries (out_dir) == out_dir_entries;
  {
    g_autoptr(RdStore) store = rd_store_open (run->data_dir, NULL);
    g_autoptr(GListModel) cases = store != NULL ? rd_store_list_cases (store, NULL) : NULL;
    g_autofree char *evidence = g_build_filename (run->data_dir, "evidence", NULL);

    return cases != NULL && g_list_model_get_n_items (cases) == 0 && count_entries (evidence) == 0;
  }
}

/* Runs one hand-over, cancelled @after_us into it (never, if negative):
 * returns its whole time and sets *latency to the time from the cancel to
 * its end, and *cpu_latency to the processor time it took then (both 0 if
 * it ended before the cancel). */
static double
run_once (Run      *run,
          gint64    after_us,
          double   *latency,
          double   *cpu_latency,
          gboolean *clean)
{
  g_autofree char *out_dir = g_path_get_dirname (run->output);
  guint out_dir_entries;
  GThread *thread;
  gint64 start, cancelled = 0;
  double cancelled_cpu = 0;

  if (run->import)
    fixture_remove_tree (run->data_dir);
  g_unlink (run->output);
  out_dir_entries = count_entries (out_dir);
  run->cancellable = g_cancellable_new ();
  run->ended = 0;
  run->ok = FALSE;
  g_clear_error (&run->error);
  start = g_get_monotonic_time ();
  thread = g_thread_new ("hand-over", run_thread, run);
  if (after_us >= 0)
    {
      g_usleep (after_us);
      cancelled_cpu = cpu_seconds ();
      g_cancellable_cancel (run->cancellable);
      cancelled = g_get_monotonic_time ();
    }
  g_thread_join (thread);
  if (after_us < 0 && !run->ok)
    g_error ("%s", run->error->message);
  *latency = run->ended > cancelled && after_us >= 0 ? (run->ended - cancelled) / 1e6 : 0;
  *cpu_latency = *latency > 0 ? run->ended_cpu - cancelled_cpu : 0;
  *clean = run->ok || left_nothing (run, out_dir, out_dir_entries);
  g_clear_object (&run->cancellable);
  return (run->ended - start) / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
measure (Run        *run,
         const char *name)
{
  double whole, latency, cpu, latencies[N_MOMENTS], cpus[N_MOMENTS];
  guint n_cancelled = 0, n_unclean = 0;
  gboolean clean;

  whole = run_once (run, -1, &latency, &cpu, &clean);
  g_print ("%s whole: %.2f s\n", name, whole);
  for (guint m = 0; m < N_MOMENTS; m++)
    {
      /* From just after the start to just before the end. */
      gint64 after = (gint64) (whole * 1e6 * (m + 0.5) / N_MOMENTS);
      double took = run_once (run, after, &latency, &cpu, &clean);

      g_print ("  cancelled at %6.2f s: %s after %.3f s, %.3f s of processor time (ran %.2f s)%s\n",
               after / 1e6, run->ok ? "finished" : "stopped", latency, cpu, took,
               clean ? "" : ", LEFT SOMETHING");
      if (!run->ok)
        {
          cpus[n_cancelled] = cpu;
          latencies[n_cancelled++] = latency;
        }
      if (!clean)
        n_unclean++;
    }
  if (n_cancelled > 0)
    {
      qsort (latencies, n_cancelled, sizeof (double), compare_doubles);
      qsort (cpus, n_cancelled, sizeof (double), compare_doubles);
      g_print ("%s: %u of %u cancelled; latency median %.3f s, max %.3f s; processor time "
               "median %.3f s, max %.3f s; %u left something\n",
               name, n_cancelled, N_MOMENTS, latencies[n_cancelled / 2], latencies[n_cancelled - 1],
               cpus[n_cancelled / 2], cpus[n_cancelled - 1], n_unclean);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  guint n = 10000;
  g_autofree char *dir = NULL;
  g_autofree char *source = NULL;
  g_autofree char *archive = NULL;
  g_autofree char *output = NULL;
  g_autofree char *target = NULL;
  Run run = { 0 };

  setlocale (LC_ALL, "");
  if (g_getenv ("REDRESS_BENCH_LARGE") != NULL && atoi (g_getenv ("REDRESS_BENCH_LARGE")) > 0)
    n = 100000;
  if (argc > 1)
    n = (guint) atoi (argv[1]);
  dir = argc > 2 ? g_canonicalize_filename (argv[2], NULL)
                 : g_dir_make_tmp ("redress-bench-cancel-XXXXXX", &error);
  g_assert_no_error (error);
  source = g_build_filename (dir, "source", NULL);
  archive = g_build_filename (dir, "case.redress", NULL);
  output = g_build_filename (dir, "out", "case.redress", NULL);
  target = g_build_filename (dir, "in", NULL);
  g_mkdir_with_parents (dir, 0700);
  {
    g_autofree char *out_dir = g_path_get_dirname (output);

    g_mkdir_with_parents (out_dir, 0700);
  }

  if (!g_file_test (archive, G_FILE_TEST_EXISTS))
    {
      g_autoptr(RdStore) store = rd_store_open (source, &error);
      g_autoptr(GDateTime) first = g_date_time_new_local (2012, 1, 1, 20, 0, 0);
      g_autoptr(RdCase) rcase = NULL;

      g_assert_no_error (error);
      rcase = bench_fill_diary (store, first, n);
      if (!rd_case_archive_export (store, rd_case_get_id (rcase), archive, NULL, &error))
        g_error ("%s", error->message);
    }
  g_print ("Cancelling a hand-over of %u entries at %u moments (in %s)\n", n, N_MOMENTS, dir);

  run.import = FALSE;
  run.data_dir = source;
  run.archive = archive;
  run.output = output;
  measure (&run, "export-case");

  run.import = TRUE;
  run.data_dir = target;
  measure (&run, "import-case");
  g_clear_error (&run.error);

  if (argc <= 2)
    fixture_remove_tree (dir);
  return 0;
}
