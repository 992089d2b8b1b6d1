/* test-narrow.c: every page of the window works 360 pixels wide, as the metainfo promises.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's minimum width is measured (gtk_widget_measure) with a case
 * open on each page and every expander in it open (a closed one's rows
 * are not measured); when it is too wide, the widgets that force it are
 * named in the log. With REDRESS_SCREENSHOT_DIR set, a picture of each
 * page at 360 pixels is kept there to look at.
 */
#include "config.h"

#include "evidence-fixtures.h"
#include "rd-application.h"
#include "rd-window.h"
#include "rd-test-gui.h"

#define NARROW 360

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
  if (g_file_test ("/usr/share/fonts/opentype/cantarell", G_FILE_TEST_IS_DIR))
    g_object_set (gtk_settings_get_default (), "gtk-font-name", "Cantarell 11", NULL);
  f->window = rd_test_gui_window_new (f->app, NARROW, 720);
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

static void
settle (Fixture *f)
{
  gint64 until = g_get_monotonic_time () + 400 * 1000;

  rd_test_gui_wait_until (time_passed, &until, 1000);
  rd_test_gui_wait_for_draw (GTK_WIDGET (f->window));
}

/* Every expander is opened first: a closed one's rows are not measured.
 * Returns how many were opened. */
static guint
check_narrow (Fixture    *f,
              const char *what)
{
  int width;

  /* The window's content: around it, client-side decorations may add a
   * border for resizing that is not part of the window's width. */
  GtkWidget *content = gtk_window_get_child (GTK_WINDOW (f->window));
  guint opened = rd_test_gui_open_expanders (content);

  settle (f);
  width = rd_test_gui_min_width (content);
  if (width > NARROW)
    {
      g_autoptr(GString) wide = g_string_new (NULL);

      rd_test_gui_name_wide_widgets (content, NARROW, TRUE, wide);
      g_test_message ("%s needs %d px; these force it:%s", what, width, wide->str);
    }
  g_assert_cmpint (width, <=, NARROW);

  /* At 360 pixels it really is 360 pixels wide, and drawn. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), NARROW, 720);
  settle (f);
  g_assert_cmpint (gtk_widget_get_width (content), <=, NARROW);

  if (g_getenv ("REDRESS_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("narrow-%s.png", what);
      g_autofree char *png = g_build_filename (g_getenv ("REDRESS_SCREENSHOT_DIR"), name, NULL);

      g_assert_true (rd_test_gui_save_screenshot (GTK_WIDGET (f->window), png));
    }
  return opened;
}

static void
test_welcome (Fixture       *f,
              gconstpointer  data)
{
  check_narrow (f, "welcome");
}

/* The sample case, with a letter among its evidence so that the evidence
 * page shows its grid and filters rather than its empty state. */
static void
open_sample (Fixture *f)
{
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
}

static void
test_case_pages (Fixture       *f,
                 gconstpointer  data)
{
  const char *pages[] = { "dashboard", "diary", "contacts", "complaints", "evidence", "timeline" };
  guint opened = 0;

  open_sample (f);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_assert_nonnull (rd_window_show_page (f->window, pages[i]));
      opened += check_narrow (f, pages[i]);
    }
  /* At least the diary entry's end and report and the contact's date
   * given were measured open */
  g_test_message ("%u expanders opened", opened);
  g_assert_cmpuint (opened, >=, 3);
  /* Narrow, the pages are switched from a bar at the bottom. */
  g_assert_true (gtk_widget_get_mapped (rd_test_gui_find_by_id (GTK_WIDGET (f->window), "switcher_bar")));
}

static void
test_all_cases (Fixture       *f,
                gconstpointer  data)
{
  open_sample (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-cases", NULL));
  check_narrow (f, "all-cases");
}

int
main (int   argc,
      char *argv[])
{
  rd_test_gui_init (&argc, &argv);

  g_test_add ("/narrow/welcome", Fixture, NULL, fixture_setup, test_welcome, fixture_teardown);
  g_test_add ("/narrow/case-pages", Fixture, NULL, fixture_setup, test_case_pages, fixture_teardown);
  g_test_add ("/narrow/all-cases", Fixture, NULL, fixture_setup, test_all_cases, fixture_teardown);
  return g_test_run ();
}
