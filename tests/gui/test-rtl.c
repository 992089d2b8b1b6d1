/* test-rtl.c: the window in Urdu is laid out right to left.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs with LANGUAGE=ur (set here, before GTK starts) and the catalogues
 * this build made. GTK takes its text direction from its own catalogue
 * (gtk40.mo's "default:RTL"), which Debian installs with libgtk-4-common;
 * Redress's own strings come from po/ in the build folder.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rd-application.h"
#include "rd-window.h"
#include "rd-test-gui.h"

#define WIDTH 1200

typedef struct {
  char          *dir;
  RdApplication *app;
  RdWindow      *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("redress-gui-rtl-XXXXXX", NULL);
  f->app = rd_test_gui_app_new (f->dir);
  f->window = rd_test_gui_window_new (f->app, WIDTH, 800);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rd_test_gui_close_app (&f->app, &f->dir);
}

/* Where @widget's middle is across the window, from 0 (left) to 1 (right). */
static double
middle_across (Fixture   *f,
               GtkWidget *widget)
{
  GtkWidget *content = gtk_window_get_child (GTK_WINDOW (f->window));
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_bounds (widget, content, &bounds));
  return (bounds.origin.x + bounds.size.width / 2) / gtk_widget_get_width (content);
}

/* The first visible child of a horizontal box comes after (to the right
 * of) the last, as a right-to-left reader expects. */
static void
assert_box_mirrored (GtkWidget *box)
{
  GtkWidget *first = NULL, *last = NULL;
  graphene_rect_t a, b;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && gtk_widget_get_width (child) > 0)
      {
        if (first == NULL)
          first = child;
        last = child;
      }
  g_assert_nonnull (first);
  g_assert_true (first != last);
  g_assert_true (gtk_widget_compute_bounds (first, box, &a));
  g_assert_true (gtk_widget_compute_bounds (last, box, &b));
  g_test_message ("%s: first %s at %.0f, last %s at %.0f", G_OBJECT_TYPE_NAME (box),
                  G_OBJECT_TYPE_NAME (first), a.origin.x, G_OBJECT_TYPE_NAME (last), b.origin.x);
  g_assert_cmpfloat (a.origin.x, >, b.origin.x);
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

/* Lets allocation and a frame or two happen after a change of page. */
static void
settle (Fixture *f)
{
  gint64 until = g_get_monotonic_time () + 300 * 1000;

  rd_test_gui_wait_until (time_passed, &until, 1000);
  rd_test_gui_wait_for_draw (GTK_WIDGET (f->window));
}

static gboolean
in_row (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (g_str_equal (gtk_widget_get_css_name (w), "row"))
      return TRUE;
  return FALSE;
}

static guint
count_shown_children (GtkWidget *box)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += gtk_widget_get_visible (child) && gtk_widget_get_width (child) > 0;
  return n;
}

/* The first box inside a list row (of a GtkListBox or a GtkListView) that
 * lays two or more widgets side by side. */
static GtkWidget *
find_row_box (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_BOX (child) &&
          gtk_orientable_get_orientation (GTK_ORIENTABLE (child)) == GTK_ORIENTATION_HORIZONTAL &&
          count_shown_children (child) >= 2 && in_row (child))
        return child;
      if ((found = find_row_box (child)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_default_direction (void)
{
  /* GTK read "default:RTL" from its own Urdu catalogue */
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_RTL);
  /* and Redress speaks Urdu: the string below comes from po/ur.po */
  g_assert_cmpstr (_("Diary"), ==, "ڈائری");
}

static void
test_window_mirrors (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *header = rd_test_gui_find_by_id (GTK_WIDGET (f->window), "header_bar");
  const char *pages[] = { "dashboard", "diary", "contacts", "complaints", "evidence" };
  GtkWidget *page, *list_pane, *row_box;

  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (f->window)), ==, GTK_TEXT_DIR_RTL);

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "open-sample-case", NULL);
  rd_test_gui_iterate ();
  g_assert_nonnull (rd_window_get_case (f->window));
  settle (f);

  /* The header bar: what is packed at its start (the case switcher) is at
   * the right, the main menu at the left */
  g_assert_cmpfloat (middle_across (f, rd_test_gui_find_by_id (header, "case_switcher")), >, 0.5);
  g_assert_cmpfloat (middle_across (f, rd_test_gui_find_by_id (header, "menu_button")), <, 0.5);

  /* The diary's list, the first pane of its leaflet, is at the right */
  page = rd_window_show_page (f->window, "diary");
  settle (f);
  list_pane = rd_test_gui_find_by_id (page, "list_pane");
  g_assert_nonnull (list_pane);
  g_assert_cmpfloat (middle_across (f, list_pane), >, 0.5);
  /* and the toolbar above it starts at the right */
  assert_box_mirrored (gtk_widget_get_first_child (list_pane));

  /* Each main page is in Urdu, right to left, and its rows start at the
   * right */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      page = rd_window_show_page (f->window, pages[i]);
      g_assert_nonnull (page);
      settle (f);
      g_test_message ("page %s", pages[i]);
      g_assert_cmpint (gtk_widget_get_direction (page), ==, GTK_TEXT_DIR_RTL);
      row_box = find_row_box (page);
      if (row_box != NULL)
        assert_box_mirrored (row_box);
    }

  /* The dashboard has rows in the sample case: the check above ran there */
  page = rd_window_show_page (f->window, "dashboard");
  settle (f);
  g_assert_nonnull (find_row_box (page));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *po = NULL;

  /* Before GTK starts: it reads its direction once, in gtk_init() */
  g_setenv ("LANGUAGE", "ur", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  po = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  g_setenv ("REDRESS_LOCALEDIR", po, TRUE);
  bindtextdomain (GETTEXT_PACKAGE, po);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  rd_test_gui_init (&argc, &argv);

  g_test_add_func ("/rtl/default-direction", test_default_direction);
  g_test_add ("/rtl/window-mirrors", Fixture, NULL, fixture_setup, test_window_mirrors,
              fixture_teardown);
  return g_test_run ();
}
