/* bench-startup.c: time to the first drawn frame of Redress, against a bare libadwaita window.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each start is a process of its own (this program again, with --child),
 * timed from just before it is spawned to the end of its window's first
 * paint, which the child reports on its standard output. The reference is
 * a bare AdwApplicationWindow with a header bar, of Redress's default size,
 * in a program linked with libadwaita alone (bare-window.c); then the same
 * window from this program, which loads every library Redress does (the
 * difference is what loading them costs); then Redress with an empty data
 * folder, and with one case of 10,000
 * (and 100,000) diary entries and a tenth as many contacts, which it opens
 * at start because it was the case open last. Every round starts each of
 * them once, one after the other, so that a busy moment of this shared
 * machine falls on all of them alike; the medians and minimums of five
 * rounds are printed, with their ratios to the bare window; then the same
 * for the processor time (user and system) each start had used by its
 * first frame, which the other work on the machine hardly moves.
 *
 * A child quits as the user does (app.quit) once it has drawn, so that the
 * data folder is closed cleanly and the next start is like an ordinary one.
 *
 * Last, the frames drawn in two seconds when nothing happens, three and
 * twenty seconds after the first frame, for each of them. An idle window
 * draws none; a large case may still be working at three seconds.
 *
 * Without a display the program runs itself again under the GUI tests'
 * Xvfb wrapper. Usage: bench-startup [ENTRIES...] (default 10000 100000);
 * with BENCH_BEFORE=PATH, each Redress start is also made by PATH, an
 * older build of bench-startup, in the same rounds;
 * bench-startup --fill DIR ENTRIES writes a data folder to profile by hand,
 * and bench-startup --child redress DIR starts once from it.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <unistd.h>

#include "bench-diary.h"
#include "bench-display.h"
#include "bench-first-frame.h"
#include "rd-application.h"
#include "rd-core.h"
#include "evidence-fixtures.h"

#define N_ROUNDS 5

static int
run_child (const char *what,
           const char *data_dir)
{
  g_autoptr(GApplication) app = NULL;
  char *args[] = { (char *) "bench-startup", NULL };

  if (g_str_equal (what, "bare"))
    {
      app = G_APPLICATION (adw_application_new ("org.example.BareWindow", G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "activate", G_CALLBACK (bench_first_frame_bare_window_cb), NULL);
    }
  else
    {
      app = G_APPLICATION (rd_application_new (G_APPLICATION_NON_UNIQUE));
      rd_application_set_data_dir (RD_APPLICATION (app), data_dir);
    }
  bench_first_frame_watch (app);
  return g_application_run (app, 1, args);
}

/* One case of @n entries (and n/10 contacts), left as the case open last. */
static void
fill_data_dir (const char *data_dir,
               guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (data_dir, &error);
  g_autoptr(GDateTime) first = g_date_time_new_utc (2012, 1, 1, 20, 0, 0);
  g_autoptr(RdCase) rcase = NULL;

  g_assert_no_error (error);
  if (n == 0)
    return;
  rcase = bench_fill_diary (store, first, n);
  g_assert (rd_store_set_last_case_id (store, rd_case_get_id (rcase), &error));
}

/* This program again, as a child that starts @what once from @data_dir. */
static char **
child_argv (const char *self_path,
            const char *what,
            const char *data_dir)
{
  return g_strdupv ((char *[]) { (char *) self_path, (char *) "--child", (char *) what,
                                 (char *) data_dir, NULL });
}

/* @data_dir written by @program (--fill), with its own schema. */
static void
fill_data_dir_with (const char *program,
                    const char *data_dir,
                    guint       n)
{
  g_autofree char *entries = g_strdup_printf ("%u", n);
  const char *argv[] = { program, "--fill", data_dir, entries, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s could not write %s: %s", program, data_dir, error->message);
}

/* Redress started from @data_dir, which holds @n entries; and, with
 * BENCH_BEFORE naming an older build of this program, the same start from
 * that build next to it, so that a change is measured before and after in
 * the same rounds. The older build starts from a data folder it wrote
 * itself: one written by a newer schema is refused. */
static void
add_redress_starts (GPtrArray  *names,
                    GPtrArray  *starts,
                    const char *self_path,
                    const char *name,
                    const char *data_dir,
                    guint       n)
{
  const char *before = g_getenv ("BENCH_BEFORE");

  if (before != NULL && *before != '\0')
    {
      g_autofree char *before_dir = g_strdup_printf ("%s-before", data_dir);

      fill_data_dir_with (before, before_dir, n);
      g_ptr_array_add (names, g_strdup_printf ("%s (before)", name));
      g_ptr_array_add (starts, child_argv (before, "redress", before_dir));
    }
  g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_add (starts, child_argv (self_path, "redress", data_dir));
}

/* Frames the child drew in two seconds of doing nothing, @after seconds
 * after its first frame. */
static guint
count_frames (char  **argv,
              guint   after)
{
  g_autofree char *seconds = g_strdup_printf ("%u", after);
  g_auto(GStrv) env = g_environ_setenv (g_environ_setenv (g_get_environ (), "BENCH_IDLE_FRAMES",
                                                          "1", TRUE),
                                        "BENCH_IDLE_AFTER", seconds, TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *line;

  if (!g_spawn_sync (NULL, argv, env, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &out, NULL, NULL, &error))
    g_error ("%s", error->message);
  line = strstr (out, "idle-frames ");
  if (line == NULL)
    g_error ("%s did not count its frames", argv[0]);
  return (guint) g_ascii_strtoull (line + strlen ("idle-frames "), NULL, 10);
}

/* Milliseconds from the spawn to the child's first paint (@wall), and the
 * processor time the child had used by then (@cpu). */
static void
time_start (char   **argv,
            double  *wall,
            double  *cpu)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *painted;
  const char *used;
  gint64 t0 = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error))
    g_error ("%s", error->message);
  painted = strstr (out, "painted ");
  used = strstr (out, "cpu ");
  if (painted == NULL || used == NULL || !g_spawn_check_wait_status (status, NULL))
    g_error ("%s did not draw: %s", argv[0], err);
  *wall = (g_ascii_strtoll (painted + strlen ("painted "), NULL, 10) - t0) / 1000.0;
  *cpu = g_ascii_strtoll (used + strlen ("cpu "), NULL, 10) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Median and minimum of each start's rounds, and their ratios to the
 * first start's (the bare window). Sorts each row of @ms. */
static void
print_table (const char *title,
             GPtrArray  *names,
             double      ms[][N_ROUNDS])
{
  double bare_median = 0, bare_min = 0;

  g_print ("%s, %d rounds, interleaved (ms)\n", title, N_ROUNDS);
  g_print ("%-34s %9s %9s %8s %8s\n", "", "median", "min", "×median", "×min");
  for (guint i = 0; i < names->len; i++)
    {
      double median, min;

      qsort (ms[i], N_ROUNDS, sizeof (double), compare_doubles);
      median = ms[i][N_ROUNDS / 2];
      min = ms[i][0];
      if (i == 0)
        {
          bare_median = median;
          bare_min = min;
        }
      g_print ("%-34s %9.1f %9.1f %8.2f %8.2f\n", (char *) names->pdata[i], median, min,
               median / bare_median, min / bare_min);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) starts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;
  g_autofree char *root = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *self_path = NULL;
  double ms[9][N_ROUNDS];
  double cpu[9][N_ROUNDS];

  setlocale (LC_ALL, "");
  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3]);
  /* For profiling one start by hand: bench-startup --fill DIR ENTRIES. */
  if (argc == 4 && g_str_equal (argv[1], "--fill"))
    {
      fill_data_dir (argv[2], (guint) atoi (argv[3]));
      return 0;
    }
  bench_ensure_display (argc, argv);

  self_path = g_canonicalize_filename (argv[0], NULL);
  for (int i = 1; i < argc; i++)
    {
      guint n = (guint) atoi (argv[i]);

      g_array_append_val (sizes, n);
    }
  if (sizes->len == 0)
    {
      guint defaults[] = { 10000, 100000 };

      g_array_append_vals (sizes, defaults, G_N_ELEMENTS (defaults));
    }

  root = g_dir_make_tmp ("redress-bench-startup-XXXXXX", &error);
  g_assert_no_error (error);
  g_ptr_array_add (names, g_strdup ("bare libadwaita window"));
  g_ptr_array_add (starts, g_strdupv ((char *[]) { (char *) BENCH_BARE_WINDOW, NULL }));
  g_ptr_array_add (names, g_strdup ("same, Redress's libraries"));
  g_ptr_array_add (starts, child_argv (self_path, "bare", root));
  empty = g_build_filename (root, "empty", NULL);
  fill_data_dir (empty, 0);
  add_redress_starts (names, starts, self_path, "Redress, empty", empty, 0);
  for (guint s = 0; s < sizes->len && starts->len + 2 <= G_N_ELEMENTS (ms); s++)
    {
      guint n = g_array_index (sizes, guint, s);
      g_autofree char *dir = g_strdup_printf ("%s/entries-%u", root, n);
      g_autofree char *name = g_strdup_printf ("Redress, %u entries", n);

      g_print ("Writing a case of %u entries…\n", n);
      fill_data_dir (dir, n);
      add_redress_starts (names, starts, self_path, name, dir, n);
    }

  for (guint r = 0; r < N_ROUNDS; r++)
    for (guint i = 0; i < starts->len; i++)
      time_start (starts->pdata[i], &ms[i][r], &cpu[i][r]);

  print_table ("First drawn frame", names, ms);
  /* What the process itself worked (all its threads) until that frame:
   * waiting for a core of this shared machine does not count in it. */
  print_table ("Processor time to the first frame, user and system", names, cpu);
  g_print ("Target: Redress with 10000 entries within ×1.3 of the bare window, in both.\n");
  /* Three seconds after the first frame What Next may still be working
   * on a large case, and its spinner turns; twenty seconds after, every
   * start's work is done, and nothing should draw. */
  g_print ("Frames drawn in 2 idle seconds, 3 s and 20 s after the first (target 0 once the\n"
           "work that follows the start is done):\n");
  for (guint i = 0; i < starts->len; i++)
    g_print ("%-34s %4u %4u\n", (char *) names->pdata[i], count_frames (starts->pdata[i], 3),
             count_frames (starts->pdata[i], 20));
  fixture_remove_tree (root);
  return 0;
}
