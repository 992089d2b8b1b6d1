/* bench-scale.c: how case JSON import, deadlines, the dashboard, JSON export and the
 * bundle grow with the diary: time and peak memory at 1,000, 10,000 (and 100,000) entries.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each size, one case of that many diary entries and a tenth as many
 * contacts is written to a JSON document; then each step runs in a child
 * process of its own, so that its peak resident memory (getrusage of that
 * child) is its own: importing the document into an empty data folder,
 * working out the deadlines, the dashboard, exporting the case as JSON
 * again, and exporting its bundle (the PDF of cover, index, chronology
 * and letters, as `redress-cli export` makes it), then handing it over
 * as a .redress archive and taking that archive into another empty data
 * folder (`export-case`, `import-case`). The growth ratio from one size
 * to the next is printed: work that is linear grows about 10×, work that
 * is quadratic about 100×.
 *
 * 100,000 entries are left out unless asked for (`bench-scale 100000`, or
 * REDRESS_BENCH_LARGE=1 in the environment, as `make bench LARGE=1` sets):
 * on a shared 2-core machine they take minutes. The machine is loaded by
 * others, so compare ratios measured in the same run.
 *
 * A step's peak is what the child itself read from its own VmHWM at its
 * end, not its rusage from wait4: the kernel counts in that the pages the
 * child had before exec, a copy of this program's, which holds the
 * document and its scratch store, so every step would seem to need at
 * least what this program did (77 MB at 100,000 entries).
 *
 * Import and export-json run as redress-cli runs them: the document is
 * mapped, not read, and the export is written to a file as it is made.
 * Targets (issues 12 and 17): import under 200 MB, every other step under
 * 150 MB at 100,000 entries.
 *
 * To look at one step alone (under heaptrack, say), `bench-scale --data N
 * DIR` leaves a data folder DIR holding the case of N entries (case 1) and
 * its document beside it, DIR.json (outside the data folder, where the
 * exports refuse to write); `bench-scale --step STEP DIR DIR.json` then
 * runs the step as the benchmark does, writing beside the document.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-diary.h"
#include "rd-core.h"
#include "evidence-fixtures.h"

static const char * const steps[] = {
  "import", "deadlines", "dashboard", "export-json", "export", "export-case", "import-case"
};
#define N_STEPS G_N_ELEMENTS (steps)

/* A case document of @n entries (every third reported to the landlord, so
 * each has deadlines) and n/10 contacts, as Redress exports it: written
 * to a scratch store, then exported. */
static char *
write_document (guint       n,
                const char *scratch_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (scratch_dir, &error);
  g_autoptr(GDateTime) first = g_date_time_new_local (2012, 1, 1, 20, 0, 0);
  g_autoptr(RdCase) rcase = NULL;
  char *text;

  g_assert_no_error (error);
  rcase = bench_fill_diary (store, first, n);
  text = rd_case_json_export (store, rd_case_get_id (rcase), &error);
  g_assert_no_error (error);
  return text;
}

/* The most this process has held in memory since it was executed, in kB. */
static long
peak_kb_since_exec (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    g_error ("No VmHWM in /proc/self/status");
  return strtol (line + strlen ("VmHWM:"), NULL, 10);
}

/* One step, in the child. */
static void
do_step (const char *step,
         const char *data_dir,
         const char *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (data_dir, &error);
  g_autoptr(GDate) today = g_date_new_dmy (1, 1, 2030);
  gint64 case_id;

  if (store == NULL)
    g_error ("%s", error->message);
  if (g_str_equal (step, "import"))
    {
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (document, FALSE, &error);

      if (mapped == NULL ||
          rd_case_json_import (store, g_mapped_file_get_contents (mapped),
                               g_mapped_file_get_length (mapped), &error) <= 0)
        g_error ("%s", error->message);
      return;
    }
  case_id = 1;
  if (g_str_equal (step, "deadlines"))
    {
      g_autoptr(RdDeadlineReport) report = rd_case_service_compute_deadlines (store, case_id, today, &error);

      if (report == NULL)
        g_error ("%s", error->message);
    }
  else if (g_str_equal (step, "dashboard"))
    {
      g_autoptr(RdDashboard) dashboard = rd_case_service_compute_dashboard (store, case_id, today, &error);

      if (dashboard == NULL)
        g_error ("%s", error->message);
    }
  else if (g_str_equal (step, "export-json"))
    {
      g_autofree char *path = g_strconcat (document, ".out", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);

      if (out == NULL ||
          !rd_case_json_write (store, case_id, G_OUTPUT_STREAM (out), NULL, &error) ||
          !g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error))
        g_error ("%s", error->message);
    }
  else if (g_str_equal (step, "export"))
    {
      g_autofree char *path = g_strconcat (document, ".pdf", NULL);
      RdCaseBundleOptions options;
      g_autoptr(RdBundle) bundle = NULL;

      rd_case_bundle_options_init (&options);
      bundle = rd_case_bundle_build (store, case_id, &options, NULL, &error);
      if (bundle == NULL || !rd_bundle_write (bundle, path, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
    }
  else if (g_str_equal (step, "export-case"))
    {
      g_autofree char *path = g_strconcat (document, RD_CASE_ARCHIVE_SUFFIX, NULL);

      if (!rd_case_archive_export (store, case_id, path, NULL, &error))
        g_error ("%s", error->message);
    }
  else if (g_str_equal (step, "import-case"))
    {
      g_autofree char *path = g_strconcat (document, RD_CASE_ARCHIVE_SUFFIX, NULL);
      g_autofree char *other_dir = g_strconcat (document, ".in", NULL);
      g_autoptr(RdStore) other = NULL;

      /* Into a data folder of its own, empty, as a case is handed over. */
      fixture_remove_tree (other_dir);
      other = rd_store_open (other_dir, &error);
      if (other == NULL || rd_case_archive_import (other, path, NULL, &error) <= 0)
        g_error ("%s", error->message);
    }
  else
    g_error ("No step %s", step);
}

/* The step, then its peak for measure() to read. */
static int
run_step (const char *step,
          const char *data_dir,
          const char *document)
{
  do_step (step, data_dir, document);
  g_print ("peak-kb %ld\n", peak_kb_since_exec ());
  return 0;
}

/* Runs one step in a child; returns its wall time (s) and peak RSS (MB),
 * which the child reports on its standard output. */
static void
measure (const char *self_path,
         const char *step,
         const char *data_dir,
         const char *document,
         double     *seconds,
         double     *peak_mb)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 t0 = g_get_monotonic_time ();
  const char *line;
  char buffer[256];
  ssize_t got;
  int status;
  int fds[2];
  pid_t pid;

  g_assert (pipe (fds) == 0);
  pid = fork ();
  if (pid == 0)
    {
      close (fds[0]);
      if (dup2 (fds[1], STDOUT_FILENO) < 0)
        _exit (127);
      execl (self_path, self_path, "--step", step, data_dir, document, (char *) NULL);
      _exit (127);
    }
  g_assert (pid > 0);
  close (fds[1]);
  while ((got = read (fds[0], buffer, sizeof buffer)) != 0)
    if (got > 0)
      g_string_append_len (out, buffer, got);
    else
      g_assert (errno == EINTR);
  close (fds[0]);
  g_assert (waitpid (pid, &status, 0) == pid);
  g_assert (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  *seconds = (g_get_monotonic_time () - t0) / 1e6;
  line = strstr (out->str, "peak-kb ");
  if (line == NULL)
    g_error ("Step %s did not report its peak", step);
  *peak_mb = g_ascii_strtoll (line + strlen ("peak-kb "), NULL, 10) / 1024.0;
}

/* What export-json wrote is the case that was imported from @document:
 * about as long. An export that wrote less would only look faster. */
static void
check_output (const char *step,
              const char *document)
{
  g_autofree char *written = g_strconcat (document, ".out", NULL);
  GStatBuf in, out;

  if (!g_str_equal (step, "export-json"))
    return;
  g_assert (g_stat (document, &in) == 0 && g_stat (written, &out) == 0);
  if (out.st_size < in.st_size * 9 / 10)
    g_error ("export-json wrote %" G_GINT64_FORMAT " bytes of a %" G_GINT64_FORMAT "-byte case",
             (gint64) out.st_size, (gint64) in.st_size);
}

int
main (int   argc,
      char *argv[])
{
  guint sizes[] = { 1000, 10000, 100000 };
  guint n_sizes = 2;
  double seconds[3][N_STEPS], peak[3][N_STEPS];

  setlocale (LC_ALL, "");
  if (argc == 5 && g_str_equal (argv[1], "--step"))
    return run_step (argv[2], argv[3], argv[4]);
  if (argc == 4 && g_str_equal (argv[1], "--data"))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_canonicalize_filename (argv[3], NULL);
      g_autofree char *document = g_strconcat (dir, ".json", NULL);
      g_autofree char *text = write_document ((guint) atoi (argv[2]), argv[3]);

      if (!g_file_set_contents (document, text, -1, &error))
        g_error ("%s", error->message);
      return 0;
    }
  if ((argc > 1 && atoi (argv[1]) >= 100000) ||
      (g_getenv ("REDRESS_BENCH_LARGE") != NULL && atoi (g_getenv ("REDRESS_BENCH_LARGE")) > 0))
    n_sizes = 3;

  g_print ("Growth with the diary (each step in its own process; time, peak RSS)\n");
  for (guint s = 0; s < n_sizes; s++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("redress-bench-scale-XXXXXX", &error);
      g_autofree char *data = g_build_filename (dir, "data", NULL);
      g_autofree char *scratch = g_build_filename (dir, "scratch", NULL);
      g_autofree char *document = g_build_filename (dir, "case.json", NULL);
      g_autofree char *text = write_document (sizes[s], scratch);

      g_assert_no_error (error);
      g_assert (g_file_set_contents (document, text, -1, &error));
      for (guint i = 0; i < N_STEPS; i++)
        {
          measure (argv[0], steps[i], data, document, &seconds[s][i], &peak[s][i]);
          check_output (steps[i], document);
          g_print ("%7u entries  %-12s %9.3f s  %7.1f MB", sizes[s], steps[i], seconds[s][i], peak[s][i]);
          if (s > 0)
            g_print ("   time ×%.1f, memory ×%.1f for ×10 entries",
                     seconds[s][i] / MAX (seconds[s - 1][i], 1e-6), peak[s][i] / MAX (peak[s - 1][i], 1e-6));
          g_print ("\n");
        }
      fixture_remove_tree (dir);
    }
  g_print ("Linear work grows about ×10 in time; quadratic about ×100.\n");
  if (n_sizes == 3)
    g_print ("At 100,000 entries: import %.1f MB (target under 200); deadlines %.1f MB, "
             "dashboard %.1f MB, export-json %.1f MB, export %.1f MB, export-case %.1f MB, "
             "import-case %.1f MB (targets under 150)\n",
             peak[2][0], peak[2][1], peak[2][2], peak[2][3], peak[2][4], peak[2][5], peak[2][6]);
  return 0;
}
