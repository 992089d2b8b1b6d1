/* test-idle.c: a window that only waits draws nothing.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Something that animates out of sight (a spinner in a page that is not
 * shown, a transition that never ends) keeps GTK drawing frames 60 times a
 * second while the user reads, which costs a laptop's battery and a
 * shared machine's CPU. The frame clock's counter says how many frames were
 * drawn; on each page, once what the page started has finished, a whole
 * second must go by with (next to) none.
 */
#include "config.h"

#include "evidence-fixtures.h"
#include "rd-application.h"
#include "rd-window.h"
#include "rd-test-gui.h"

/* A second is idle with at most this many frames: a late answer from a
 * worker may still redraw a row once or twice; an animation draws dozens. */
#define IDLE_FRAMES 2

/* How many one-second looks, at most, before the window must have gone
 * quiet: start-up work, the deadline check two seconds in, and a slow
 * machine's first layouts all end well within it. */
#define LOOKS 12

typedef struct {
  char          *dir;
  RdApplication *app;
  RdWindow      *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  f->app = rd_test_gui_app_new (f->dir);
  /* A blinking text cursor draws by design, and stops by itself later
   * than this test waits: it is not what is looked for here. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  f->window = rd_test_gui_window_new (f->app, 1024, 720);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rd_test_gui_close_app (&f->app, &f->dir);
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

/* Frames drawn in the next second, the main loop running all the while. */
static gint64
frames_in_a_second (GdkFrameClock *clock)
{
  gint64 before = gdk_frame_clock_get_frame_counter (clock);
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC;

  rd_test_gui_wait_until (time_passed, &until, 2000);
  return gdk_frame_clock_get_frame_counter (clock) - before;
}

static void
assert_goes_idle (Fixture    *f,
                  const char *what)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));
  gint64 frames = 0;

  g_assert_nonnull (clock);
  for (int look = 0; look < LOOKS; look++)
    {
      frames = frames_in_a_second (clock);
      if (frames <= IDLE_FRAMES)
        return;
    }
  g_test_message ("%s: still drawing %" G_GINT64_FORMAT " frames a second after %d seconds",
                  what, frames, LOOKS);
  g_assert_cmpint (frames, <=, IDLE_FRAMES);
}

static void
test_welcome (Fixture       *f,
              gconstpointer  data)
{
  assert_goes_idle (f, "welcome");
}

static void
test_case_pages (Fixture       *f,
                 gconstpointer  data)
{
  const char *pages[] = { "dashboard", "diary", "contacts", "complaints", "evidence" };
  g_autofree char *pdf = g_build_filename (f->dir, "letter.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(RdEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "open-sample-case", NULL);
  rd_test_gui_iterate ();
  g_assert_nonnull (rd_window_get_case (f->window));
  fixture_write_pdf (pdf, 1, "Letter from the housing officer about the noise from Flat 5", NULL);
  evidence = rd_store_import_evidence (rd_window_get_store (f->window), rd_case_get_id (rd_window_get_case (f->window)),
                                       file, NULL, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_assert_nonnull (rd_window_show_page (f->window, pages[i]));
      assert_goes_idle (f, pages[i]);
    }
}

static void
test_all_cases (Fixture       *f,
                gconstpointer  data)
{
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "open-sample-case", NULL);
  rd_test_gui_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-cases", NULL));
  assert_goes_idle (f, "all cases");
}

int
main (int   argc,
      char *argv[])
{
  rd_test_gui_init (&argc, &argv);

  g_test_add ("/idle/welcome", Fixture, NULL, fixture_setup, test_welcome, fixture_teardown);
  g_test_add ("/idle/case-pages", Fixture, NULL, fixture_setup, test_case_pages, fixture_teardown);
  g_test_add ("/idle/all-cases", Fixture, NULL, fixture_setup, test_all_cases, fixture_teardown);
  return g_test_run ();
}
