/* test-narrow.c: every page of the window works 360 pixels wide, as the metainfo promises.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's minimum width is measured (gtk_widget_measure) with a case
 * open on each page and every expander in it open (a closed one's rows
 * are not measured); when it is too wide, the widgets that force it are
 * named in the log. With REDRESS_SCREENSHOT_DIR set, a picture of each
 * page at 360 pixels is kept there to look at.
 *
 * The pages' strip at the foot of the window keeps each page's name whole
 * and the chosen page in view, and the case's title is shown whole, in
 * the header or over the pages.
 */
#include "config.h"

#include "evidence-fixtures.h"
#include "rd-application.h"
#include "rd-case-switcher.h"
#include "rd-page-switcher-bar.h"
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

/* Whether @widget is drawn whole inside @view (not scrolled out of it) */
static gboolean
whole_in_view (GtkWidget *widget,
               GtkWidget *view)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, view, &bounds));
  return bounds.origin.x >= 0 && bounds.origin.x + bounds.size.width <= gtk_widget_get_width (view) + 1;
}

static void
check_names_whole (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      int natural = 0;

      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))));
      g_assert_cmpint (gtk_widget_get_width (widget), >=, natural);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_names_whole (child);
}

/* With text half as large again, six names need more than 360 pixels: the
 * strip scrolls, and each page chosen, as Alt+N chooses it or on the
 * strip, has its button whole in view. */
static void
test_page_strip (Fixture       *f,
                 gconstpointer  data)
{
  const char *pages[] = { "dashboard", "diary", "contacts", "complaints", "evidence", "timeline" };
  const char *titles[] = { "What Next", "Diary", "Contacts", "Complaints", "Evidence", "Timeline" };
  RdPageSwitcherBar *bar;
  GtkWidget *view, *last;
  GtkAdjustment *across;

  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 96 * 1024 * 3 / 2, NULL);
  open_sample (f);
  bar = RD_PAGE_SWITCHER_BAR (rd_test_gui_find_by_id (GTK_WIDGET (f->window), "switcher_bar"));
  view = rd_test_gui_find_by_type (GTK_WIDGET (bar), GTK_TYPE_SCROLLED_WINDOW);
  across = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (view));
  /* Last to first, then first to last: each way the strip must scroll */
  for (int step = 0; step < 2 * (int) G_N_ELEMENTS (pages); step++)
    {
      int i = step < (int) G_N_ELEMENTS (pages) ? (int) G_N_ELEMENTS (pages) - 1 - step
                                                : step - (int) G_N_ELEMENTS (pages);
      GtkWidget *chosen;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", pages[i]));
      settle (f);
      chosen = rd_page_switcher_bar_get_chosen_button (bar);
      g_assert_nonnull (chosen);
      g_assert_nonnull (rd_test_gui_find_by_text (chosen, titles[i]));
      g_assert_true (whole_in_view (chosen, view));
    }
  g_assert_cmpfloat (gtk_adjustment_get_upper (across), >, gtk_adjustment_get_page_size (across));
  check_names_whole (GTK_WIDGET (bar));

  /* Pressing the last page's button shows it, and pressing it again
   * keeps it chosen. */
  last = gtk_widget_get_last_child (gtk_widget_get_parent (rd_page_switcher_bar_get_chosen_button (bar)));
  g_signal_emit_by_name (last, "clicked");
  settle (f);
  g_assert_true (rd_window_get_page (f->window, "timeline") == rd_window_get_visible_page (f->window));
  g_assert_true (whole_in_view (last, view));
  g_signal_emit_by_name (last, "clicked");
  settle (f);
  g_assert_true (rd_page_switcher_bar_get_chosen_button (bar) == last);
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 96 * 1024, NULL);
}

/* The case's title is shown whole, in the header or else over the pages.
 * Returns whether it is over the pages. */
static gboolean
check_title_whole (Fixture *f)
{
  GtkWidget *switcher = rd_test_gui_find_by_id (GTK_WIDGET (f->window), "case_switcher");
  GtkWidget *line = rd_test_gui_find_by_id (GTK_WIDGET (f->window), "case_title_label");
  GtkWidget *in_header = rd_test_gui_find_by_id (switcher, "title_label");
  gboolean compact = rd_case_switcher_get_compact (RD_CASE_SWITCHER (switcher));
  const char *title = rd_case_get_title (rd_window_get_case (f->window));
  GtkWidget *shown = compact ? line : in_header;

  g_test_message ("“%s” at %d px: %s", title, gtk_widget_get_width (GTK_WIDGET (f->window)),
                  compact ? "over the pages" : "in the header");
  g_assert_true (compact == gtk_widget_get_mapped (line));
  g_assert_true (compact != gtk_widget_get_mapped (in_header));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (shown)), ==, title);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (shown))));
  return compact;
}

/* Whether the switcher, given @width pixels, shows @rcase's title */
static gboolean
switcher_shows_title (RdCase *rcase,
                      int     width)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *switcher = g_object_new (RD_TYPE_CASE_SWITCHER, "case", rcase, NULL);
  GtkWidget *title = rd_test_gui_find_by_id (switcher, "title_label");
  gboolean shown;

  gtk_window_set_child (GTK_WINDOW (window), switcher);
  gtk_window_set_default_size (GTK_WINDOW (window), width, -1);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (window);
  shown = !rd_case_switcher_get_compact (RD_CASE_SWITCHER (switcher));
  g_assert_true (shown == gtk_widget_get_mapped (title));
  if (shown)
    g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (title))));
  gtk_window_destroy (GTK_WINDOW (window));
  return shown;
}

/* A short title and a long one: at 360 pixels each is shown whole over the
 * pages (the header's middle is the page switcher's); the switcher itself
 * shows a title that fits the width it is given, and an icon otherwise. */
static void
test_case_title (Fixture       *f,
                 gconstpointer  data)
{
  const char *titles[] = { "Roof", "Noise and threats from Flat 5, and how the landlord answered them" };
  RdCase *rcase;

  open_sample (f);
  rcase = rd_window_get_case (f->window);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      rd_case_set_title (rcase, titles[i]);
      settle (f);
      g_assert_true (check_title_whole (f));
    }
  check_narrow (f, "long-case-title");

  g_assert_false (switcher_shows_title (rcase, 240));
  g_assert_true (switcher_shows_title (rcase, 1000));
  rd_case_set_title (rcase, titles[0]);
  g_assert_true (switcher_shows_title (rcase, 240));
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
  g_test_add ("/narrow/page-strip", Fixture, NULL, fixture_setup, test_page_strip, fixture_teardown);
  g_test_add ("/narrow/case-title", Fixture, NULL, fixture_setup, test_case_title, fixture_teardown);
  g_test_add ("/narrow/all-cases", Fixture, NULL, fixture_setup, test_all_cases, fixture_teardown);
  return g_test_run ();
}
