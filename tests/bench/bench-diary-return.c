/* bench-diary-return.c: the diary's first frame after a change of case, visited before or never.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When the case changes while the diary page is not shown, the page lays
 * itself and its editor out ahead, once the window has drawn, so that the
 * frame that later shows it has little left to do. A case page that was
 * shown and then left hides its content until it is shown again
 * (rd-case-page.c). This program measures the frame that shows the diary
 * after a change of case in both states, each in a process of its own,
 * the two taking turns:
 *
 * - fresh: the window opens on the big case (What Next); another case is
 *   opened and then the big one again; the diary is shown;
 * - visited: the same, but the diary is shown and left for What Next
 *   first.
 *
 * Printed for each run: whether the diary's content was hidden just before
 * it was shown, the main thread's work in showing it (the call itself) and
 * in its heaviest frame of the next two seconds, with that frame broken
 * down by phase (bench-frame-phases.c).
 *
 * Usage: bench-diary-return DATA_DIR [ROUNDS]: DATA_DIR is written
 * before (bench-mainloop --fill DIR CASES ENTRIES); each run opens a copy
 * of it. With one case in it, a small second case is added to the copy to
 * change to. ROUNDS (3) pairs of runs.
 * bench-diary-return --child MODE DATA_DIR runs one of them.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "bench-diary.h"
#include "bench-display.h"
#include "bench-frame-phases.h"
#include "rd-application.h"
#include "rd-core.h"
#include "rd-test-gui.h"
#include "rd-test-notify.h"
#include "rd-case-page.h"

#define SETTLE_MS       5000
#define PHASES_SECONDS  2
#define PHASES_SHOWN_MS 4.0

static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

static void
wait_ms (guint ms)
{
  rd_test_gui_wait_until (never, NULL, ms);
}

/* Copies @from to @to; with a single case in it, adds a small one to
 * change to, leaving the big one the case opened at start. Returns the
 * other case's id; *@big its own. */
static gint64
prepare_data_dir (const char *from,
                  const char *to,
                  gint64     *big)
{
  g_autofree char *source = g_build_filename (from, ".", NULL);
  const char *argv[] = { "cp", "-a", source, to, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GListModel) cases = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("Could not copy the data folder %s: %s", from, error->message);
  store = rd_store_open (to, &error);
  g_assert_no_error (error);
  *big = rd_store_get_last_case_id (store);
  cases = rd_store_list_cases (store, &error);
  g_assert_no_error (error);
  if (g_list_model_get_n_items (cases) < 2)
    {
      g_autoptr(GDateTime) first = g_date_time_new_utc (2020, 1, 1, 20, 0, 0);
      g_autoptr(RdCase) small = bench_fill_diary (store, first, 10);

      g_assert (rd_store_set_last_case_id (store, *big, &error));
      return rd_case_get_id (small);
    }
  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(RdCase) rcase = g_list_model_get_item (cases, i);

      if (rd_case_get_id (rcase) != *big)
        return rd_case_get_id (rcase);
    }
  g_assert_not_reached ();
}

static int
run_child (const char *mode,
           const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redress-bench-diary-return-XXXXXX", &error);
  g_autofree char *copy = NULL;
  gboolean visited = g_str_equal (mode, "visited");
  RdApplication *app;
  RdWindow *window;
  GtkWidget *diary;
  BenchPhases *phases;
  gboolean hidden;
  gint64 big, other, cpu;
  double show_ms;

  g_assert_no_error (error);
  copy = g_build_filename (dir, "data", NULL);
  other = prepare_data_dir (data_dir, copy, &big);

  app = rd_test_gui_app_new (copy);
  window = rd_test_gui_window_new (app, 1000, 700);
  diary = rd_window_get_page (window, "diary");
  wait_ms (SETTLE_MS);
  if (visited)
    {
      rd_window_show_page (window, "diary");
      wait_ms (2000);
    }
  rd_window_show_page (window, "dashboard");
  wait_ms (2000);
  g_assert (rd_window_open_case (window, other, &error));
  wait_ms (2000);
  g_assert (rd_window_open_case (window, big, &error));
  rd_window_show_page (window, "dashboard");
  wait_ms (SETTLE_MS);

  hidden = rd_case_page_get_content_hidden (RD_CASE_PAGE (diary));
  phases = bench_phases_new (GTK_WIDGET (window));
  bench_phases_add_subtree (phases, "page", diary);
  bench_phases_add_subtree (phases, "form", rd_test_gui_find_by_id (diary, "editor"));
  bench_phases_add_subtree (phases, "list", rd_test_gui_find_by_id (diary, "diary_list"));
  bench_phases_start (phases, PHASES_SECONDS * 1000);
  cpu = thread_cpu_time ();
  rd_window_show_page (window, "diary");
  show_ms = (thread_cpu_time () - cpu) / 1000.0;
  wait_ms (PHASES_SECONDS * 1000);
  g_print ("%s: content hidden before: %s; showing it %.1f ms, then %.1f ms in its heaviest frame\n",
           visited ? "visited and left" : "never visited", hidden ? "yes" : "no", show_ms,
           bench_phases_heaviest (phases));
  bench_phases_print (phases, PHASES_SHOWN_MS);
  bench_phases_free (phases);
  rd_test_gui_close_app (&app, &dir);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *self_path = NULL;
  g_autoptr(GPtrArray) notifications = NULL;
  guint rounds;

  setlocale (LC_ALL, "");
  if (argc == 4 && g_str_equal (argv[1], "--child"))
    {
      bench_ensure_display (argc, argv);
      rd_test_gui_init (&argc, &argv);
      /* The deadline notifier tells of the diary's deadlines: something on
       * the session bus must hear it. */
      notifications = rd_test_notify_serve ();
      return run_child (argv[2], argv[3]);
    }
  if (argc < 2)
    g_error ("usage: bench-diary-return DATA_DIR [ROUNDS]");
  rounds = argc > 2 ? (guint) atoi (argv[2]) : 3;
  self_path = g_canonicalize_filename (argv[0], NULL);
  /* Taking turns, as the load of a shared machine changes. */
  for (guint i = 0; i < rounds * 2; i++)
    {
      const char *child_argv[] = { self_path, "--child", i % 2 ? "visited" : "fresh", argv[1], NULL };
      g_autoptr(GError) error = NULL;
      int status;

      if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                         NULL, NULL, NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        g_error ("%s: %s", self_path, error->message);
    }
  return 0;
}
