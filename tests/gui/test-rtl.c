/* test-rtl.c: the window in Urdu is laid out right to left, the timeline too, with no missing glyph.
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
#include "rd-timeline-page.h"
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

/* Where the middle of @label's text is across the window: a label fills
 * its row, so its own middle says nothing about which end the text keeps to. */
static double
text_middle_across (Fixture  *f,
                    GtkLabel *label)
{
  GtkWidget *content = gtk_window_get_child (GTK_WINDOW (f->window));
  PangoRectangle logical;
  graphene_rect_t bounds;
  int x = 0;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (label), content, &bounds));
  gtk_label_get_layout_offsets (label, &x, NULL);
  pango_layout_get_pixel_extents (gtk_label_get_layout (label), NULL, &logical);
  return (bounds.origin.x + x + logical.x + logical.width / 2.0) / gtk_widget_get_width (content);
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

static gboolean
has_timeline (gpointer data)
{
  return rd_timeline_view_get_timeline (data) != NULL;
}

/* The horizontal box holding the widget whose action is @action_name. */
static GtkWidget *
find_box_of_action (GtkWidget  *root,
                    const char *action_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_ACTIONABLE (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action_name) == 0)
        return GTK_IS_BOX (root) ? root : NULL;
      if ((found = find_box_of_action (child, action_name)) != NULL)
        return found;
    }
  return NULL;
}

/* The first label shown in a row of @root. */
static GtkLabel *
find_row_label (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_LABEL (child) && in_row (child))
        return GTK_LABEL (child);
      if ((found = find_row_label (child)) != NULL)
        return found;
    }
  return NULL;
}

/* The timeline page around the picture mirrors as the other pages do: its
 * period starts at the right, its export buttons run right to left, and
 * the rows of its list start at the right. */
static void
test_timeline_page_mirrors (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *page, *summary, *buttons;
  GtkLabel *row_label;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "open-sample-case", NULL);
  rd_test_gui_iterate ();
  g_assert_nonnull (rd_window_get_case (f->window));
  page = rd_window_show_page (f->window, "timeline");
  g_assert_nonnull (page);
  g_assert_true (rd_test_gui_wait_until (has_timeline, rd_timeline_page_get_view (RD_TIMELINE_PAGE (page)), 10000));
  settle (f);
  g_assert_cmpint (gtk_widget_get_direction (page), ==, GTK_TEXT_DIR_RTL);

  summary = rd_test_gui_find_by_id (page, "summary_label");
  g_assert_nonnull (summary);
  g_assert_cmpint (gtk_widget_get_direction (summary), ==, GTK_TEXT_DIR_RTL);
  /* A label's xalign of 0 is its start: the right, in Urdu */
  g_assert_cmpfloat (text_middle_across (f, GTK_LABEL (summary)), >, 0.5);

  buttons = find_box_of_action (page, "timeline.export");
  g_assert_nonnull (buttons);
  assert_box_mirrored (buttons);
  /* packed at the end: the left */
  g_assert_cmpfloat (middle_across (f, buttons), <, 0.5);

  /* each row is one label: its text keeps to the right */
  row_label = find_row_label (rd_test_gui_find_by_id (page, "list_view"));
  g_assert_nonnull (row_label);
  g_test_message ("first row: %s", gtk_label_get_text (row_label));
  g_assert_cmpfloat (text_middle_across (f, row_label), >, 0.5);
}

/* The dark pixels of @pixels (cairo's B, G, R, A) inside a rectangle. */
static gsize
count_dark (const guchar *pixels,
            int           width,
            int           height,
            double        x,
            double        y,
            double        w,
            double        h)
{
  gsize dark = 0;

  for (int row = MAX ((int) y, 0); row < MIN ((int) (y + h), height); row++)
    for (int col = MAX ((int) x, 0); col < MIN ((int) (x + w), width); col++)
      {
        const guchar *p = pixels + ((gsize) row * width + col) * 4;

        dark += (p[0] + p[1] + p[2]) / 3 < 100;
      }
  return dark;
}

static gboolean
is_drawn (gpointer data)
{
  return rd_timeline_view_get_drawn (data);
}

/* The timeline runs right to left, as the words do: its title starts at
 * the right, each week's bar is drawn where the mirrored picture puts it
 * (the first week right of the last), and the arrow keys go the way they
 * point: left is later. */
static void
test_timeline_mirrors (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *png = g_build_filename (g_getenv ("REDRESS_SCREENSHOT_DIR") ? g_getenv ("REDRESS_SCREENSHOT_DIR") : f->dir, "timeline-rtl.png", NULL);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  RdTimelinePage *page;
  RdTimelineView *view;
  RdTimeline *timeline;
  double width, height, first_x = -1, last_x = -1;
  guint weeks = 0;
  int w, h;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "open-sample-case", NULL);
  rd_test_gui_iterate ();
  g_assert_nonnull (rd_window_get_case (f->window));
  rd_window_show_page (f->window, "timeline");
  page = RD_TIMELINE_PAGE (rd_window_get_page (f->window, "timeline"));
  view = rd_timeline_page_get_view (page);
  g_assert_true (rd_test_gui_wait_until (has_timeline, view, 10000));
  g_assert_true (rd_test_gui_wait_until (is_drawn, view, 10000));
  rd_test_gui_wait_for_draw (GTK_WIDGET (view));
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (view)), ==, GTK_TEXT_DIR_RTL);
  timeline = rd_timeline_view_get_timeline (view);
  rd_timeline_measure (timeline, &width, &height);

  g_assert_true (rd_test_gui_save_screenshot (GTK_WIDGET (view), png));
  texture = gdk_texture_new_from_filename (png, NULL);
  g_assert_nonnull (texture);
  w = gdk_texture_get_width (texture);
  h = gdk_texture_get_height (texture);
  g_assert_cmpint (w, ==, (int) width);
  pixels = g_malloc ((gsize) w * h * 4);
  gdk_texture_download (texture, pixels, (gsize) w * 4);

  /* The title, in its band at the top: at the right, nothing at the left. */
  g_assert_cmpuint (count_dark (pixels, w, h, w * 0.75, 0, w * 0.25, 50), >, 20);
  g_assert_cmpuint (count_dark (pixels, w, h, 0, 0, w * 0.25, 50), ==, 0);

  for (guint i = 0; i < rd_timeline_get_n_items (timeline); i++)
    {
      const RdTimelineItem *item = rd_timeline_get_item (timeline, i);
      cairo_rectangle_t area;
      double mirrored_x;

      if (item->kind != RD_TIMELINE_WEEK)
        continue;
      g_assert_true (rd_timeline_get_item_area (timeline, i, &area));
      mirrored_x = width - area.x - area.width;
      g_assert_cmpuint (count_dark (pixels, w, h, mirrored_x, area.y, area.width, area.height), >, 0);
      if (first_x < 0)
        first_x = mirrored_x;
      last_x = mirrored_x;
      weeks++;
    }
  g_assert_cmpuint (weeks, >, 1);
  g_assert_cmpfloat (first_x, >, last_x);

  /* Right goes back in time, Left on; Up and Down are unchanged. */
  rd_timeline_view_set_current (view, 3);
  gtk_widget_activate_action (GTK_WIDGET (view), "timeline.move-across", "i", 1);
  g_assert_cmpint (rd_timeline_view_get_current (view), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (view), "timeline.move-across", "i", -1);
  gtk_widget_activate_action (GTK_WIDGET (view), "timeline.move-across", "i", -1);
  g_assert_cmpint (rd_timeline_view_get_current (view), ==, 4);
  gtk_widget_activate_action (GTK_WIDGET (view), "timeline.move", "i", 1);
  g_assert_cmpint (rd_timeline_view_get_current (view), ==, 5);
}

/* Every label under @widget that is on screen: how many of its characters
 * no installed font could draw (each would show as a box), and how many
 * labels are in Arabic script at all. */
static void
count_unknown_glyphs (GtkWidget *widget,
                      int       *unknown,
                      guint     *arabic)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_unknown_glyphs (child, unknown, arabic);
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));
      int n = pango_layout_get_unknown_glyphs_count (gtk_label_get_layout (GTK_LABEL (widget)));

      if (n > 0)
        g_test_message ("%d characters of “%s” have no glyph", n, text);
      *unknown += n;
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_ARABIC)
          {
            (*arabic)++;
            break;
          }
    }
}

/* Urdu needs letters that Arabic does not have (ٹ ڈ ڑ ں ھ ہ ے): without a
 * font that has them (fonts-nafees), they were drawn as boxes. On each
 * main page of the sample case, no label has a character without a glyph. */
static void
test_urdu_glyphs (Fixture       *f,
                  gconstpointer  data)
{
  const char *pages[] = { "dashboard", "diary", "contacts", "complaints", "evidence", "timeline" };
  PangoLayout *layout;
  guint arabic = 0;
  int unknown = 0;

  /* The letters Urdu adds, in the interface's own font */
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (f->window), "ٹ ڈ ڑ ں ھ ہ ے ۓ ڈائری");
  g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);
  g_object_unref (layout);

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "open-sample-case", NULL);
  rd_test_gui_iterate ();
  g_assert_nonnull (rd_window_get_case (f->window));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = rd_window_show_page (f->window, pages[i]);

      g_assert_nonnull (page);
      settle (f);
      g_test_message ("page %s", pages[i]);
      count_unknown_glyphs (GTK_WIDGET (f->window), &unknown, &arabic);
    }
  /* The pages were in Urdu, and every letter had a glyph */
  g_assert_cmpuint (arabic, >, 20);
  g_assert_cmpint (unknown, ==, 0);
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
  g_test_add ("/rtl/timeline-mirrors", Fixture, NULL, fixture_setup, test_timeline_mirrors,
              fixture_teardown);
  g_test_add ("/rtl/timeline-page-mirrors", Fixture, NULL, fixture_setup, test_timeline_page_mirrors,
              fixture_teardown);
  g_test_add ("/rtl/urdu-glyphs", Fixture, NULL, fixture_setup, test_urdu_glyphs,
              fixture_teardown);
  return g_test_run ();
}
