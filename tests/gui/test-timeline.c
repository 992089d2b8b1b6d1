/* test-timeline.c: the sample case's timeline page: its picture, its list, its keys.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With REDRESS_SCREENSHOT_DIR set, the picture is kept there; otherwise it
 * goes to a temporary folder and is thrown away.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rd-application.h"
#include "rd-timeline-page.h"
#include "rd-window.h"
#include "rd-test-gui.h"

typedef struct {
  char           *dir;
  RdApplication  *app;
  RdWindow       *window;
  RdTimelinePage *page;
  RdTimelineView *view;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  f->app = rd_test_gui_app_new (f->dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rd_test_gui_close_app (&f->app, &f->dir);
}

static gboolean
has_timeline (gpointer data)
{
  Fixture *f = data;

  return rd_timeline_view_get_timeline (f->view) != NULL;
}

static void
open_sample (Fixture *f)
{
  f->window = rd_test_gui_window_new (f->app, 1180, 800);
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "open-sample-case", NULL);
  rd_test_gui_iterate ();
  g_assert_nonnull (rd_window_get_case (f->window));
  rd_window_show_page (f->window, "timeline");
  f->page = RD_TIMELINE_PAGE (rd_window_get_page (f->window, "timeline"));
  g_assert_nonnull (f->page);
  f->view = rd_timeline_page_get_view (f->page);
  g_assert_true (rd_test_gui_wait_until (has_timeline, f, 10000));
  rd_test_gui_wait_for_draw (GTK_WIDGET (f->view));
}

/* The picture drawn in the window is the timeline's, at its own size, and
 * has something in it. */
static void
test_snapshot (Fixture       *f,
               gconstpointer  data)
{
  const char *out_dir = g_getenv ("REDRESS_SCREENSHOT_DIR");
  g_autofree char *png = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  RdTimeline *timeline;
  double width, height;
  gsize stride, dark = 0, light = 0;
  int w, h;

  open_sample (f);
  timeline = rd_timeline_view_get_timeline (f->view);
  rd_timeline_measure (timeline, &width, &height);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->view)), ==, (int) width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->view)), ==, (int) height);
  for (RdTimelineKind kind = RD_TIMELINE_WEEK; kind <= RD_TIMELINE_STAGE; kind++)
    g_assert_cmpuint (rd_timeline_count_kind (timeline, kind), >, 0);

  png = g_build_filename (out_dir ? out_dir : f->dir, "timeline-page.png", NULL);
  g_assert_true (rd_test_gui_save_screenshot (GTK_WIDGET (f->view), png));
  if (out_dir != NULL)
    g_test_message ("Saved %s", png);
  texture = gdk_texture_new_from_filename (png, NULL);
  g_assert_nonnull (texture);
  w = gdk_texture_get_width (texture);
  h = gdk_texture_get_height (texture);
  g_assert_cmpint (w, ==, (int) width);
  g_assert_cmpint (h, ==, (int) height);

  stride = (gsize) w * 4;
  pixels = g_malloc (stride * h);
  gdk_texture_download (texture, pixels, stride);
  for (gsize i = 0; i < stride * h; i += 4)
    {
      /* Memory order B, G, R, A on little-endian, as cairo's. */
      int level = (pixels[i] + pixels[i + 1] + pixels[i + 2]) / 3;

      if (level < 80)
        dark++;
      else if (level > 230)
        light++;
    }
  /* A white page with text, bars and marks on it: neither blank nor black. */
  g_test_message ("%" G_GSIZE_FORMAT " dark and %" G_GSIZE_FORMAT " light pixels of %d",
                  dark, light, w * h);
  g_assert_cmpuint (dark, >, (gsize) (w * h) / 100);
  g_assert_cmpuint (light, >, (gsize) (w * h) / 2);
}

static char *
list_text (Fixture *f,
           guint    position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (rd_timeline_page_get_list (f->page)));
  g_autoptr(GtkStringObject) text = g_list_model_get_item (model, position);

  return g_strdup (gtk_string_object_get_string (text));
}

/* The list holds every item's sentence in order; the keys move the current
 * item, and the list's selection follows it, and back. */
static void
test_keys_and_list (Fixture       *f,
                    gconstpointer  data)
{
  GtkSelectionModel *selection;
  RdTimeline *timeline;
  guint n;

  open_sample (f);
  timeline = rd_timeline_view_get_timeline (f->view);
  n = rd_timeline_get_n_items (timeline);
  selection = gtk_list_view_get_model (rd_timeline_page_get_list (f->page));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *expected = rd_timeline_item_dup_text (rd_timeline_get_item (timeline, i));
      g_autofree char *shown = list_text (f, i);

      g_assert_cmpstr (shown, ==, expected);
    }

  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (f->view)));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (f->view)));
  /* It opens on the newest item. */
  g_assert_cmpint (rd_timeline_view_get_current (f->view), ==, (int) n - 1);

  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.move", "i", G_MININT32);
  g_assert_cmpint (rd_timeline_view_get_current (f->view), ==, 0);
  g_assert_true (gtk_selection_model_is_selected (selection, 0));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.move", "i", 1);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.move", "i", 1);
  g_assert_cmpint (rd_timeline_view_get_current (f->view), ==, 2);
  g_assert_true (gtk_selection_model_is_selected (selection, 2));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.move", "i", -1);
  g_assert_cmpint (rd_timeline_view_get_current (f->view), ==, 1);
  /* Never past either end. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.move", "i", -5);
  g_assert_cmpint (rd_timeline_view_get_current (f->view), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "timeline.move", "i", G_MAXINT32);
  g_assert_cmpint (rd_timeline_view_get_current (f->view), ==, (int) n - 1);

  /* Choosing in the list moves the picture's current item. */
  gtk_selection_model_select_item (selection, 3, TRUE);
  g_assert_cmpint (rd_timeline_view_get_current (f->view), ==, 3);
}

/* A picture written from the page is the case's, whole. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *out = g_dir_make_tmp ("redress-timeline-XXXXXX", NULL);
  g_autofree char *svg = g_build_filename (out, "timeline.svg", NULL);
  g_autofree char *png = g_build_filename (out, "timeline.png", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  open_sample (f);
  g_assert_true (rd_timeline_page_save (f->page, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "<desc>"));
  g_assert_true (rd_timeline_page_save (f->page, png, &error));
  texture = gdk_texture_new_from_filename (png, NULL);
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), >, 600);
  g_unlink (svg);
  g_unlink (png);
  g_rmdir (out);
}

int
main (int   argc,
      char *argv[])
{
  rd_test_gui_init (&argc, &argv);

  g_test_add ("/timeline/snapshot", Fixture, NULL, fixture_setup, test_snapshot, fixture_teardown);
  g_test_add ("/timeline/keys-and-list", Fixture, NULL, fixture_setup, test_keys_and_list,
              fixture_teardown);
  g_test_add ("/timeline/export", Fixture, NULL, fixture_setup, test_export, fixture_teardown);

  return g_test_run ();
}
