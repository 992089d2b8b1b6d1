/* bench-mainloop.c: the longest wait of the window's main loop while someone types a diary entry.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An adviser's data folder: 100 cases of 1,000 diary entries each (and a
 * tenth as many contacts), the last one open. Once the window has drawn
 * and settled, a typist writes a new diary entry at 8 characters a second
 * for 30 seconds, into the description's text buffer as key presses would,
 * and stops to think for 2 seconds after each sentence, so that the editor
 * autosaves as it does for a person (half a second after the typing
 * stops; a typist who never stops is never saved until done); then the program
 * shows the timeline page, as a person might to see the entry in the
 * picture, and watches 5 seconds more, for the work that follows the last
 * save (the deadline notifier, the dashboard, the case list, and the
 * timeline made again and drawn while it is shown).
 *
 * Meanwhile a timer of high priority asks to run every 10 ms. How late it
 * runs is how long the main loop was busy with something else: a stall
 * the person at the keyboard feels. Printed: the number of samples, the
 * median, 95th percentile and longest stall, and how many were over 50 ms
 * (three frames at 60 Hz; issue 17's target is none).
 *
 * Also printed, the five longest stalls and when they came, counted from
 * the first key press, and the three with the most main-thread work, so that a stall can be matched with what caused
 * it (an autosave comes a moment after a pause; the notifier two seconds
 * after a save), and how much of each the main thread spent working (its
 * CPU time). On a busy shared machine a process also waits for a core:
 * a stall in which the main thread hardly worked is the machine's, not
 * Redress's, so the stalls over 50 ms are counted both ways. The stalls
 * before the first key press (the 5 seconds the window settles: the pages
 * filled after the first frame, the diary read; then the new entry
 * opened) are counted apart, the same way, and of them again those from
 * the new entry opened on (the diary page first shown). The frames of the
 * two seconds from the new entry opened are broken down by phase (style,
 * measure, allocate, snapshot, render) and by part of the page (the
 * editor's form, the list; bench-frame-phases.c): the heaviest of them is
 * the frame that first shows the diary page. The timeline page's, for two
 * seconds from when it is shown at the end, are broken down the same way
 * (the picture and the list apart), after the work of showing it itself
 * (the diary's last save, the focus moved, its refresh asked for). Then
 * the window goes to the background (:backdrop on every widget), and
 * that second's frames are broken down the same way.
 *
 * Also printed, how many notifications the deadline notifier sent (to a
 * stand-in for the desktop's service on the wrapper's session bus): the
 * diary's deadlines (bench_fill_diary()) come due.
 *
 * Last, the window's memory: its peak resident size, and what it holds
 * at the end, and then once the C library has given back the memory it
 * keeps for reuse (malloc_trim), which tells what is in use from what
 * was. The data folder is written by another process (this program
 * again, with --fill), so that none of that is counted.
 *
 * Without a display it runs itself again under the GUI tests' Xvfb wrapper.
 * Usage: bench-mainloop [CASES ENTRIES [SECONDS]]; without arguments it
 * runs 100 cases × 1,000 entries, then one case of 100,000 entries (the
 * two of issue 17), each in a process of its own, 30 seconds of typing.
 * bench-mainloop --fill DIR CASES ENTRIES writes such a data folder, to
 * profile by hand (bench-startup --child redress DIR starts from it);
 * with BENCH_MAINLOOP_DATA=DIR, a run types into a copy of it instead of
 * writing its own (CASES and ENTRIES then only label the figures).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "bench-diary.h"
#include "bench-display.h"
#include "bench-frame-phases.h"
#include "rd-application.h"
#include "rd-core.h"
#include "rd-test-gui.h"
#include "rd-test-notify.h"

#define TICK_MS         10
#define CHARS_PER_SEC   8
#define PAUSE_MS        2000  /* after each sentence */
#define TAIL_SECONDS    5
#define SETTLE_SECONDS  5
#define STALL_MS        50.0
#define PHASES_SECONDS  2
#define PHASES_SHOWN_MS 8.0

typedef struct {
  double at_s;     /* since the first key press */
  double late_ms;
  double busy_ms;  /* of it, CPU time of the main thread */
} Stall;

typedef struct {
  GArray        *late_ms;    /* double: how late each tick ran while typing and after */
  GArray        *stalls;     /* Stall: every tick over STALL_MS late then */
  GArray        *settling;   /* Stall: those before the first key press */
  GArray        *opening;    /* Stall: of those, the ones after the new entry was opened */
  gboolean       opened;
  gint64         settle_start;
  gboolean       typing;
  gint64         start;
  gint64         last_tick;  /* µs, monotonic */
  gint64         last_cpu;   /* µs, the main thread's CPU time then */
  GtkTextBuffer *buffer;
  RdWindow      *window;
  BenchPhases   *phases;     /* the diary page's frames, then the timeline page's */
  double         show_ms;    /* the main thread's work in showing the timeline page itself */
  const char    *text;
  gsize          typed;
  gint64         stop_typing;
  gint64         stop_watching;
  gboolean       done;
  guint          saves;      /* of the diary, while typing and after */
  double         action_ms;  /* New Entry itself */
} Run;

static const char sentence[] =
  "Music and banging from the flat above again, from eleven until after two. "
  "I knocked and asked them to turn it down; they shouted and turned it up. "
  "The children could not sleep and I had to be up at six for work. ";

static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
tick_cb (gpointer user_data)
{
  Run *run = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();

  if (run->last_tick != 0)
    {
      double late = (now - run->last_tick) / 1000.0 - TICK_MS;
      Stall stall = { (now - (run->typing ? run->start : run->settle_start)) / 1e6, late,
                      (cpu - run->last_cpu) / 1000.0 };

      if (run->typing)
        g_array_append_val (run->late_ms, (double){ MAX (late, 0) });
      if (late > STALL_MS)
        g_array_append_val (run->typing ? run->stalls : run->settling, stall);
      if (late > STALL_MS && !run->typing && run->opened)
        g_array_append_val (run->opening, stall);
    }
  run->last_tick = now;
  run->last_cpu = cpu;
  if (now >= run->stop_watching)
    {
      run->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean type_cb (gpointer user_data);

/* The diary page's frames are printed once the typing ends, as the watch
 * moves to the timeline page's (one watch at a time). */
static void
print_diary_frames (Run    *run,
                    double  action_ms)
{
  g_print ("The frame that showed the diary page: %.1f ms of main-thread work (the most in one "
           "frame for %u s from the new entry opened); New Entry itself, before it: %.1f ms\n",
           bench_phases_heaviest (run->phases), PHASES_SECONDS, action_ms);
  bench_phases_print (run->phases, PHASES_SHOWN_MS);
  bench_phases_free (run->phases);
  run->phases = NULL;
}

/* The timeline page shown as the typing ends, as a person might to see
 * the entry in the picture: the work of showing it (the diary's editor
 * saving what was typed last, the focus moved into the page, its first
 * refresh asked for) and then its frames, phase by phase, the picture and
 * the list apart. */
static void
show_timeline (Run *run)
{
  GtkWidget *page = rd_window_get_page (run->window, "timeline");
  gint64 cpu;

  run->phases = bench_phases_new (GTK_WIDGET (run->window));
  bench_phases_add_subtree (run->phases, "page", page);
  bench_phases_add_subtree (run->phases, "picture", rd_test_gui_find_by_id (page, "view"));
  bench_phases_add_subtree (run->phases, "list", rd_test_gui_find_by_id (page, "list_view"));
  bench_phases_start (run->phases, PHASES_SECONDS * 1000);
  cpu = thread_cpu_time ();
  rd_window_show_page (run->window, "timeline");
  run->show_ms = (thread_cpu_time () - cpu) / 1000.0;
}

static gboolean
resume_typing_cb (gpointer user_data)
{
  g_timeout_add (1000 / CHARS_PER_SEC, type_cb, user_data);
  return G_SOURCE_REMOVE;
}

/* One key press: the next character, where the cursor is; after the end
 * of a sentence, the next comes after a pause. */
static gboolean
type_cb (gpointer user_data)
{
  Run *run = user_data;
  char c[2] = { 0, 0 };

  if (g_get_monotonic_time () >= run->stop_typing)
    {
      print_diary_frames (run, run->action_ms);
      show_timeline (run);
      return G_SOURCE_REMOVE;
    }
  c[0] = run->text[run->typed++ % (sizeof sentence - 1)];
  gtk_text_buffer_insert_interactive_at_cursor (run->buffer, c, 1, TRUE);
  if (c[0] != '.')
    return G_SOURCE_CONTINUE;
  g_timeout_add (PAUSE_MS, resume_typing_cb, run);
  return G_SOURCE_REMOVE;
}

static void
on_diary_changed_cb (RdStore    *store,
                     const char *what,
                     gint64      case_id,
                     Run        *run)
{
  if (run->typing)
    run->saves++;
}

static int
compare_stalls (gconstpointer a,
                gconstpointer b)
{
  double x = ((const Stall *) a)->late_ms, y = ((const Stall *) b)->late_ms;

  return (x < y) - (x > y);
}

static int
compare_busy (gconstpointer a,
              gconstpointer b)
{
  double x = ((const Stall *) a)->busy_ms, y = ((const Stall *) b)->busy_ms;

  return (x < y) - (x > y);
}

/* The stalls over STALL_MS before the first key press: the window
 * settling, then the new entry opened; or (@opening) only those after
 * the new entry was opened, the diary page first shown. */
static void
print_settling (GArray   *settling,
                gboolean  opening)
{
  guint busy = 0;

  g_array_sort (settling, compare_busy);
  for (guint i = 0; i < settling->len; i++)
    busy += g_array_index (settling, Stall, i).busy_ms > STALL_MS;
  if (opening)
    g_print ("Of them, from the new entry opened (the diary page first shown) on: %u stalls over %.0f ms, "
             "%u of them with the main thread working over %.0f ms", settling->len, STALL_MS, busy, STALL_MS);
  else
    g_print ("Before the typing (%u s settling, then the new entry opened): %u stalls over %.0f ms, "
             "%u of them with the main thread working over %.0f ms",
             SETTLE_SECONDS, settling->len, STALL_MS, busy, STALL_MS);
  if (settling->len > 0)
    g_print ("; the most work %.1f ms, in a stall of %.1f ms %.1f s after the first frame",
             g_array_index (settling, Stall, 0).busy_ms, g_array_index (settling, Stall, 0).late_ms,
             g_array_index (settling, Stall, 0).at_s);
  g_print ("\n");
}

/* The three stalls (of those over STALL_MS) in which the main thread worked most. */
static void
print_most_work (GArray *stalls)
{
  g_autoptr(GArray) by_work = g_array_copy (stalls);

  g_array_sort (by_work, compare_busy);
  g_print ("The most main-thread work in one stall:\n");
  for (guint i = 0; i < MIN (by_work->len, 3); i++)
    g_print ("  %.1f ms of work in %.1f ms at %.1f s\n", g_array_index (by_work, Stall, i).busy_ms,
             g_array_index (by_work, Stall, i).late_ms, g_array_index (by_work, Stall, i).at_s);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* @n_cases cases of @n_entries entries, the last one open at start. Each
 * entry is 61 minutes after the last (bench_fill_diary()): from 2012, the
 * 100,000th is still in the past, as a diary entry must be. */
static void
fill_data_dir (const char *data_dir,
               guint       n_cases,
               guint       n_entries)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (data_dir, &error);
  gint64 last = 0;

  g_assert_no_error (error);
  for (guint c = 0; c < n_cases; c++)
    {
      g_autoptr(GDateTime) first = g_date_time_new_utc (2012, 1, 1 + c % 28, 20, 0, 0);
      g_autoptr(RdCase) rcase = bench_fill_diary (store, first, n_entries);

      last = rd_case_get_id (rcase);
    }
  g_assert (rd_store_set_last_case_id (store, last, &error));
}

/* The resident size now, from /proc (0 where there is none). */
static double
resident_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}

static void
fill_in_child (const char *self_path,
               const char *dir,
               guint       n_cases,
               guint       n_entries)
{
  g_autofree char *cases = g_strdup_printf ("%u", n_cases);
  g_autofree char *entries = g_strdup_printf ("%u", n_entries);
  const char *argv[] = { self_path, "--fill", dir, cases, entries, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("Could not write the data folder: %s", error->message);
}

/* A data folder written before (--fill), copied, as the typing changes it:
 * runs to compare, or to profile, start from the same data without
 * waiting minutes for it to be written again. */
static void
copy_data_dir (const char *from,
               const char *to)
{
  g_autofree char *source = g_build_filename (from, ".", NULL);
  const char *argv[] = { "cp", "-a", source, to, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("Could not copy the data folder %s: %s", from, error->message);
}

/* Both of issue 17's cases, each in a process of its own. */
static int
run_both (const char *self_path)
{
  const char *cases[][3] = { { "100", "1000", "30" }, { "1", "100000", "30" } };
  int failed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *argv[] = { self_path, cases[i][0], cases[i][1], cases[i][2], NULL };
      g_autoptr(GError) error = NULL;
      int status;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                         NULL, NULL, NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        {
          g_printerr ("%s: %s\n", argv[0], error->message);
          failed = 1;
        }
    }
  return failed;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

static gboolean
run_done (gpointer data)
{
  return ((Run *) data)->done;
}

/* The window going to the background, as when another window takes the
 * keyboard (or back, if it was there): GTK sets or unsets :backdrop on
 * every widget of it, and works out again the style of each that it
 * styles. The frames of the next second, phase by phase. */
static void
print_backdrop_frames (RdWindow *window)
{
  BenchPhases *phases = bench_phases_new (GTK_WIDGET (window));
  gboolean away = !(gtk_widget_get_state_flags (GTK_WIDGET (window)) & GTK_STATE_FLAG_BACKDROP);

  bench_phases_start (phases, 1000);
  if (away)
    gtk_widget_set_state_flags (GTK_WIDGET (window), GTK_STATE_FLAG_BACKDROP, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (window), GTK_STATE_FLAG_BACKDROP);
  rd_test_gui_wait_until (never, NULL, 1000);
  g_print ("The window %s: %.1f ms in its heaviest frame (of 1 s)\n",
           away ? "gone to the background" : "back from the background",
           bench_phases_heaviest (phases));
  bench_phases_print (phases, PHASES_SHOWN_MS);
  bench_phases_free (phases);
}

int
main (int   argc,
      char *argv[])
{
  guint n_cases = argc > 2 ? (guint) atoi (argv[1]) : 0;
  guint n_entries = argc > 2 ? (guint) atoi (argv[2]) : 0;
  guint seconds = argc > 3 ? (guint) atoi (argv[3]) : 30;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) notifications = NULL;
  RdApplication *app;
  RdWindow *window;
  GtkWidget *view;
  GtkWidget *diary;
  gint64 action_cpu;
  Run run = { 0 };
  gint64 t0;
  double *late;
  guint n, over = 0, busy = 0;

  setlocale (LC_ALL, "");
  if (argc == 5 && g_str_equal (argv[1], "--fill"))
    {
      fill_data_dir (argv[2], (guint) atoi (argv[3]), (guint) atoi (argv[4]));
      return 0;
    }
  bench_ensure_display (argc, argv);
  if (argc == 1)
    {
      g_autofree char *self_path = g_canonicalize_filename (argv[0], NULL);

      return run_both (self_path);
    }
  rd_test_gui_init (&argc, &argv);
  /* The diary's deadlines come due and the notifier says so: the session
   * bus of the wrapper has no notification service but this one. */
  notifications = rd_test_notify_serve ();
  if (n_cases == 0 || n_entries == 0 || seconds == 0)
    g_error ("usage: bench-mainloop [CASES ENTRIES [SECONDS]]");

  /* For a profiler to follow the main thread (perf record -t). */
  g_printerr ("Main thread: %d\n", (int) getpid ());
  dir = g_dir_make_tmp ("redress-bench-mainloop-XXXXXX", &error);
  g_assert_no_error (error);
  t0 = g_get_monotonic_time ();
  if (g_getenv ("BENCH_MAINLOOP_DATA") != NULL)
    copy_data_dir (g_getenv ("BENCH_MAINLOOP_DATA"), dir);
  else
    {
      g_autofree char *self_path = g_canonicalize_filename (argv[0], NULL);

      fill_in_child (self_path, dir, n_cases, n_entries);
    }
  g_print ("Main-loop stalls while typing a diary entry: %u cases × %u entries (written in %.1f s)\n",
           n_cases, n_entries, (g_get_monotonic_time () - t0) / 1e6);

  app = rd_test_gui_app_new (dir);
  t0 = g_get_monotonic_time ();
  window = rd_test_gui_window_new (app, 1000, 700);
  g_print ("First frame after %.2f s\n", (g_get_monotonic_time () - t0) / 1e6);
  /* Let the start settle: the pages' and services' first work is not
   * typing. Its stalls are counted apart. */
  run.late_ms = g_array_new (FALSE, FALSE, sizeof (double));
  run.stalls = g_array_new (FALSE, FALSE, sizeof (Stall));
  run.settling = g_array_new (FALSE, FALSE, sizeof (Stall));
  run.opening = g_array_new (FALSE, FALSE, sizeof (Stall));
  run.settle_start = g_get_monotonic_time ();
  run.stop_watching = G_MAXINT64;
  g_timeout_add_full (G_PRIORITY_HIGH, TICK_MS, tick_cb, &run, NULL);
  rd_test_gui_wait_until (never, NULL, SETTLE_SECONDS * 1000);

  /* The frames that show the diary page, phase by phase, and in them the
   * page, its editor's form and its list apart. */
  run.phases = bench_phases_new (GTK_WIDGET (window));
  diary = rd_window_get_page (window, "diary");
  bench_phases_add_subtree (run.phases, "page", diary);
  bench_phases_add_subtree (run.phases, "form", rd_test_gui_find_by_id (diary, "editor"));
  bench_phases_add_subtree (run.phases, "list", rd_test_gui_find_by_id (diary, "diary_list"));
  bench_phases_start (run.phases, PHASES_SECONDS * 1000);

  run.opened = TRUE;
  action_cpu = thread_cpu_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-incident", NULL);
  action_cpu = thread_cpu_time () - action_cpu;
  run.action_ms = action_cpu / 1000.0;
  rd_test_gui_iterate ();
  view = rd_test_gui_find_by_id (GTK_WIDGET (window), "description_view");
  if (view == NULL)
    g_error ("No diary editor to type into");
  gtk_widget_grab_focus (view);

  run.typing = TRUE;
  run.start = g_get_monotonic_time ();
  /* On the monotonic clock, to find the stalls in a profile taken with it
   * (perf record -k CLOCK_MONOTONIC). */
  g_print ("First key press at %.3f s on the monotonic clock\n", run.start / 1e6);
  run.buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_signal_connect (rd_window_get_store (window), "changed::incidents",
                    G_CALLBACK (on_diary_changed_cb), &run);
  run.window = window;
  run.text = sentence;
  run.stop_typing = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
  run.stop_watching = run.stop_typing + TAIL_SECONDS * G_USEC_PER_SEC;
  g_timeout_add (1000 / CHARS_PER_SEC, type_cb, &run);
  rd_test_gui_wait_until (run_done, &run, (seconds + TAIL_SECONDS + 60) * 1000);

  g_array_sort (run.late_ms, compare_doubles);
  late = (double *) run.late_ms->data;
  n = run.late_ms->len;
  g_assert (n > 0);
  for (guint i = 0; i < n; i++)
    over += late[i] > STALL_MS;
  for (guint i = 0; i < run.stalls->len; i++)
    busy += g_array_index (run.stalls, Stall, i).busy_ms > STALL_MS;
  g_print ("Typed %" G_GSIZE_FORMAT " characters in %u s (stopping %.0f s after each sentence; "
           "the diary saved %u times), then watched %u s more: %u samples\n",
           run.typed, seconds, PAUSE_MS / 1000.0, run.saves, TAIL_SECONDS, n);
  g_print ("Stall: median %.1f ms, 95th percentile %.1f ms, longest %.1f ms; %u over %.0f ms, "
           "%u of them with the main thread working over %.0f ms (target: none)\n",
           late[n / 2], late[MIN (n - 1, n * 95 / 100)], late[n - 1], over, STALL_MS, busy, STALL_MS);
  print_most_work (run.stalls);
  print_settling (run.settling, FALSE);
  print_settling (run.opening, TRUE);
  g_print ("The timeline page shown: %.1f ms of main-thread work to show it, then %.1f ms in its "
           "heaviest frame (of %u s)\n", run.show_ms, bench_phases_heaviest (run.phases), PHASES_SECONDS);
  bench_phases_print (run.phases, PHASES_SHOWN_MS);
  bench_phases_free (run.phases);
  print_backdrop_frames (window);
  g_print ("The deadline notifier sent %u notifications\n", notifications->len);
  g_array_sort (run.stalls, compare_stalls);
  for (guint i = 0; i < MIN (run.stalls->len, 5); i++)
    g_print ("  %.1f ms at %.1f s, main thread working %.1f ms of it\n",
             g_array_index (run.stalls, Stall, i).late_ms, g_array_index (run.stalls, Stall, i).at_s,
             g_array_index (run.stalls, Stall, i).busy_ms);

  {
    struct rusage usage;
    double at_end = resident_mb ();

    getrusage (RUSAGE_SELF, &usage);

#ifdef __GLIBC__
    malloc_trim (0);
#endif
    g_print ("Memory: peak %.1f MB, %.1f MB at the end, %.1f MB once the C library gave back "
             "what it kept\n", usage.ru_maxrss / 1024.0, at_end, resident_mb ());
  }

  g_array_unref (run.late_ms);
  g_array_unref (run.stalls);
  g_array_unref (run.settling);
  g_array_unref (run.opening);
  rd_test_gui_close_app (&app, &dir);
  return 0;
}
