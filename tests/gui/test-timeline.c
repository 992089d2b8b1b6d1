/* test-timeline.c: the sample case's timeline page: its picture, its list, its keys.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With REDRESS_SCREENSHOT_DIR set, the picture is kept there; otherwise it
 * goes to a temporary folder and is thrown away.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "rd-application.h"
#include "rd-timeline-page.h"
#include "rd-timeline-strip.h"
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
  /* Never the real day: the picture reaches to today, so its width (and
   * how many strips it is cut into) depends on it. Monday 7 December 2026. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_local (2026, 12, 7, 10, 0, 0);

    rd_clock_set_fixed (rd_application_get_clock (f->app), now);
  }
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

static gboolean
is_drawn (gpointer data)
{
  Fixture *f = data;

  return rd_timeline_view_get_drawn (f->view);
}

/* Shows the open case's timeline page and waits up to @timeout ms for its
 * picture to be made. */
static void
show_timeline (Fixture *f,
               guint    timeout)
{
  rd_window_show_page (f->window, "timeline");
  f->page = RD_TIMELINE_PAGE (rd_window_get_page (f->window, "timeline"));
  g_assert_nonnull (f->page);
  f->view = rd_timeline_page_get_view (f->page);
  g_assert_true (rd_test_gui_wait_until (has_timeline, f, timeout));
}

/* Opens case @case_id in the window and shows its timeline. */
static void
show_case_timeline (Fixture *f,
                    gint64   case_id,
                    guint    timeout)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rd_window_open_case (f->window, case_id, &error));
  g_assert_no_error (error);
  show_timeline (f, timeout);
}

/* Waits until every strip is drawn and a frame has shown them. */
static void
wait_until_drawn (Fixture *f)
{
  g_assert_true (rd_test_gui_wait_until (is_drawn, f, 10000));
  /* The last strip asked for a frame. */
  rd_test_gui_wait_for_draw (GTK_WIDGET (f->view));
}

/* The set-up of most tests: the sample case's timeline, drawn, in a
 * window of 1180 by 800. */
static void
sample_setup (Fixture       *f,
              gconstpointer  data)
{
  fixture_setup (f, data);
  f->window = rd_test_gui_window_new (f->app, 1180, 800);
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "open-sample-case", NULL);
  rd_test_gui_iterate ();
  g_assert_nonnull (rd_window_get_case (f->window));
  show_timeline (f, 10000);
  wait_until_drawn (f);
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

/* The view as the window's renderer draws it, in cairo's memory order. */
static guchar *
render_view (Fixture *f,
             int     *width,
             int     *height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (f->view));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (f->view)));
  guchar *pixels;

  *width = gtk_widget_get_width (GTK_WIDGET (f->view));
  *height = gtk_widget_get_height (GTK_WIDGET (f->view));
  gdk_paintable_snapshot (paintable, snapshot, *width, *height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  pixels = g_malloc ((gsize) *width * *height * 4);
  gdk_texture_download (texture, pixels, (gsize) *width * 4);
  return pixels;
}

/* How many pixels of the view between @x0 and @x1 differ from the whole
 * picture drawn at once by rd_timeline_draw(), outside the current item's
 * ring. */
static gsize
count_wrong_pixels_in (Fixture *f,
                       int      x0,
                       int      x1)
{
  RdTimeline *timeline = rd_timeline_view_get_timeline (f->view);
  g_autofree guchar *shown = NULL;
  cairo_surface_t *surface;
  cairo_rectangle_t ring;
  const guchar *expected;
  gsize wrong = 0;
  int w, h, stride;
  cairo_t *cr;

  g_assert_nonnull (timeline);
  shown = render_view (f, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  rd_timeline_draw (timeline, cr, -1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  expected = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  g_assert_true (rd_timeline_get_item_area (timeline, rd_timeline_view_get_current (f->view), &ring));

  for (int y = 0; y < h; y++)
    for (int x = MAX (x0, 0); x < MIN (x1, w); x++)
      {
        const guchar *a = shown + ((gsize) y * w + x) * 4;
        const guchar *b = expected + (gsize) y * stride + x * 4;

        if (x >= ring.x - 8 && x <= ring.x + ring.width + 8 &&
            y >= ring.y - 8 && y <= ring.y + ring.height + 8)
          continue;
        for (int c = 0; c < 4; c++)
          if (ABS (a[c] - b[c]) > 48)
            {
              wrong++;
              break;
            }
      }
  cairo_surface_destroy (surface);
  g_test_message ("%" G_GSIZE_FORMAT " of %d pixels differ from the whole picture", wrong,
                  (MIN (x1, w) - MAX (x0, 0)) * h);
  return wrong;
}

static gsize
count_wrong_pixels (Fixture *f)
{
  return count_wrong_pixels_in (f, 0, G_MAXINT);
}

/* Once the worker has drawn every strip, the window shows the picture the
 * CLI and the bundle draw, each strip in its place. */
static void
test_strips_drawn (Fixture       *f,
                   gconstpointer  data)
{
  RdTimeline *timeline;
  int w, h;

  timeline = rd_timeline_view_get_timeline (f->view);
  /* More than one strip, or the strips' places would not be tested. */
  g_assert_cmpuint (rd_timeline_count_strips (timeline, 1024), >, 1);
  g_assert_true (rd_timeline_view_get_drawn (f->view));
  g_free (render_view (f, &w, &h));
  g_assert_cmpuint (count_wrong_pixels (f), <=, (gsize) (w * h) / 1000);
}

/* Counts the nodes of @type in @node's tree. */
static guint
count_nodes (GskRenderNode  *node,
             GskRenderNodeType type)
{
  guint n = gsk_render_node_get_node_type (node) == type;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        n += count_nodes (gsk_container_node_get_child (node, i), type);
      break;
    case GSK_CLIP_NODE:
      n += count_nodes (gsk_clip_node_get_child (node), type);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      n += count_nodes (gsk_rounded_clip_node_get_child (node), type);
      break;
    case GSK_TRANSFORM_NODE:
      n += count_nodes (gsk_transform_node_get_child (node), type);
      break;
    case GSK_OPACITY_NODE:
      n += count_nodes (gsk_opacity_node_get_child (node), type);
      break;
    case GSK_DEBUG_NODE:
      n += count_nodes (gsk_debug_node_get_child (node), type);
      break;
    default:
      break;
    }
  return n;
}

/* Drawn by cairo (no GPU here), the strips are painted from the worker's
 * pixels, not handed over as textures: GTK 4.8's cairo renderer converts
 * every pixel of a texture into a new surface at each frame, in view or
 * not (about 30 ms a strip at 100,000 entries, issue 17). What is drawn
 * is checked by /timeline/strips-drawn and /timeline/strips-bounded. */
static void
test_strips_painted (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  guint kept;

  g_assert_true (GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (f->view)))));
  kept = rd_timeline_view_count_kept_strips (f->view);
  g_assert_cmpuint (kept, >, 1);
  paintable = gtk_widget_paintable_new (GTK_WIDGET (f->view));
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (f->view)),
                          gtk_widget_get_height (GTK_WIDGET (f->view)));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  g_assert_cmpuint (count_nodes (node, GSK_TEXTURE_NODE), ==, 0);
  /* A cairo node a strip, and one for the current item's ring. */
  g_assert_cmpuint (count_nodes (node, GSK_CAIRO_NODE), >=, kept);
}

static cairo_user_data_key_t gone_key;

/* The surface is destroyed: on which thread. */
static void
note_gone_cb (void *data)
{
  g_atomic_pointer_set ((GThread **) data, g_thread_self ());
}

static gboolean
is_gone (gpointer data)
{
  return g_atomic_pointer_get ((GThread **) data) != NULL;
}

/* A strip painted for the cairo renderer leaves a snapshot of its surface
 * in the frame, which cairo copies whole as the surface goes (20 ms a
 * strip at 100,000 entries, issue 17): such a surface goes on a worker,
 * and one never painted at once. */
static void
test_strips_let_go_elsewhere (Fixture       *f,
                              gconstpointer  data)
{
  for (guint painted = 0; painted <= 1; painted++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 256, 128);
      RdTimelineStrip *strip = rd_timeline_strip_new (surface);
      g_autoptr(GskRenderNode) node = NULL;
      GThread *gone_on = NULL;

      cairo_surface_set_user_data (surface, &gone_key, &gone_on, note_gone_cb);
      if (painted)
        {
          g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

          rd_timeline_strip_append (strip, GTK_WIDGET (f->view), snapshot,
                                    &GRAPHENE_RECT_INIT (0, 0, 256, 128));
          node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
          g_assert_cmpuint (count_nodes (node, GSK_CAIRO_NODE), ==, 1);
        }
      rd_timeline_strip_free (strip);
      if (!painted)
        {
          g_assert_true (gone_on == g_thread_self ());
          continue;
        }
      g_assert_true (rd_test_gui_wait_until (is_gone, &gone_on, 5000));
      g_assert_true (g_atomic_pointer_get (&gone_on) != g_thread_self ());
    }
}

static gint64
add_short_case (RdStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCase) rcase = rd_case_new ();

  rd_case_set_title (rcase, "Noise from the flat above");
  g_assert_true (rd_store_save_case (store, rcase, &error));
  g_assert_no_error (error);
  for (int day = 3; day <= 12; day += 3)
    {
      g_autoptr(RdIncident) incident = rd_incident_new ();
      g_autoptr(GDateTime) at = g_date_time_new_local (2024, 6, day, 23, 30, 0);

      rd_incident_set_case_id (incident, rd_case_get_id (rcase));
      rd_incident_set_starts_at (incident, at);
      rd_incident_set_category (incident, RD_CATEGORY_NOISE);
      rd_incident_set_description (incident, "Music through the ceiling");
      g_assert_true (rd_store_save_incident (store, incident, NULL, &error));
      g_assert_no_error (error);
    }
  return rd_case_get_id (rcase);
}

static gboolean
is_drawing (gpointer data)
{
  Fixture *f = data;

  return rd_timeline_view_get_drawing (f->view);
}

static gboolean
is_drawn_and_idle (gpointer data)
{
  Fixture *f = data;

  return rd_timeline_view_get_drawn (f->view) && !rd_timeline_view_get_drawing (f->view);
}

/* Another case opened while the worker draws a picture: that picture's
 * strips never reach the window, which shows the case now open, whole. */
static void
test_stale_strips_dropped (Fixture       *f,
                           gconstpointer  data)
{
  RdStore *store = rd_application_get_store (f->app);
  g_autoptr(GError) error = NULL;
  gint64 sample, other;
  double sample_width, other_width;
  int w, h;

  sample = rd_case_get_id (rd_window_get_case (f->window));
  rd_timeline_measure (rd_timeline_view_get_timeline (f->view), &sample_width, NULL);
  other = add_short_case (store);

  show_case_timeline (f, other, 10000);
  rd_timeline_measure (rd_timeline_view_get_timeline (f->view), &other_width, NULL);
  g_assert_cmpfloat (other_width, <, sample_width);
  /* The job starts when the picture is first shown; the main loop has not
   * yet handed back any strip when the condition is first seen. */
  g_assert_true (rd_test_gui_wait_until (is_drawing, f, 10000));
  g_assert_false (rd_timeline_view_get_drawn (f->view));

  g_assert_true (rd_window_open_case (f->window, sample, &error));
  g_assert_no_error (error);
  rd_window_show_page (f->window, "timeline");
  /* The page lets go of the other case's picture at once. */
  g_assert_null (rd_timeline_view_get_timeline (f->view));
  g_assert_false (rd_timeline_view_get_drawn (f->view));

  g_assert_true (rd_test_gui_wait_until (has_timeline, f, 10000));
  /* Every job has ended, the cancelled one too: a strip of the other
   * case's would have come by now. */
  g_assert_true (rd_test_gui_wait_until (is_drawn_and_idle, f, 20000));
  rd_test_gui_wait_for_draw (GTK_WIDGET (f->view));
  g_free (render_view (f, &w, &h));
  g_assert_cmpint (w, ==, (int) sample_width);
  g_assert_cmpuint (count_wrong_pixels (f), <=, (gsize) (w * h) / 1000);
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

  timeline = rd_timeline_view_get_timeline (f->view);
  n = rd_timeline_get_n_items (timeline);
  selection = gtk_list_view_get_model (rd_timeline_page_get_list (f->page));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *expected = rd_timeline_item_dup_spoken (rd_timeline_get_item (timeline, i));
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

typedef struct {
  Fixture    *f;
  RdTimeline *old;
} NewTimeline;

static gboolean
has_new_timeline (gpointer data)
{
  NewTimeline *wait = data;
  RdTimeline *now = rd_timeline_view_get_timeline (wait->f->view);

  return now != NULL && now != wait->old;
}

/* The timeline made again the same (as after a save elsewhere in the
 * case): each row keeps its item, so that GTK keeps the row's widget
 * rather than making it again. Another case's rows get items of their own. */
static void
test_rows_kept (Fixture       *f,
                gconstpointer  data)
{
  RdStore *store = rd_application_get_store (f->app);
  g_autoptr(GObject) first = NULL;
  g_autoptr(GObject) last = NULL;
  g_autoptr(GObject) again = NULL;
  g_autoptr(RdTimeline) old = NULL;
  g_autofree char *text = NULL;
  NewTimeline wait = { f, NULL };
  GListModel *model;
  guint n;

  model = G_LIST_MODEL (gtk_list_view_get_model (rd_timeline_page_get_list (f->page)));
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 1);
  first = g_list_model_get_item (model, 0);
  last = g_list_model_get_item (model, n - 1);
  /* Held, so that the next timeline cannot take its address. */
  old = rd_timeline_ref (rd_timeline_view_get_timeline (f->view));
  wait.old = old;

  rd_timeline_page_refresh (f->page);
  g_assert_true (rd_test_gui_wait_until (has_new_timeline, &wait, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  again = g_list_model_get_item (model, 0);
  g_assert_true (again == first);
  g_clear_object (&again);
  again = g_list_model_get_item (model, n - 1);
  g_assert_true (again == last);
  g_clear_object (&again);

  show_case_timeline (f, add_short_case (store), 10000);
  again = g_list_model_get_item (model, 0);
  g_assert_true (again != first);
  text = rd_timeline_item_dup_spoken (rd_timeline_get_item (rd_timeline_view_get_timeline (f->view), 0));
  g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (again)), ==, text);
  g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (first)), !=, text);
}

/* A case of 3,000 contacts with the landlord, one a day, the newest last:
 * each is an item of the timeline. */
static gint64
add_long_case (RdStore *store,
               gint64  *middle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(GDateTime) first = g_date_time_new_local (2016, 1, 4, 10, 0, 0);

  rd_case_set_title (rcase, "Years of letters");
  g_assert_true (rd_store_save_case (store, rcase, &error));
  g_assert_no_error (error);
  g_assert_true (rd_store_begin (store, &error));
  for (int day = 0; day < 3000; day++)
    {
      g_autoptr(RdContact) contact = rd_contact_new ();
      g_autoptr(GDateTime) at = g_date_time_add_days (first, day);

      rd_contact_set_case_id (contact, rd_case_get_id (rcase));
      rd_contact_set_occurred_at (contact, at);
      rd_contact_set_direction (contact, RD_CONTACT_TO);
      rd_contact_set_channel (contact, RD_CHANNEL_EMAIL);
      rd_contact_set_summary (contact, "Asked again when the repair will be done");
      g_assert_true (rd_store_save_contact (store, contact, &error));
      g_assert_no_error (error);
      if (day == 1500)
        *middle = rd_contact_get_id (contact);
    }
  g_assert_true (rd_store_commit (store, &error));
  g_assert_no_error (error);
  return rd_case_get_id (rcase);
}

/* Refreshes the page and waits for the new timeline; returns how many
 * sentences the list's model made meanwhile. */
static guint
refresh_counting (Fixture *f)
{
  g_autoptr(RdTimeline) old = rd_timeline_ref (rd_timeline_view_get_timeline (f->view));
  NewTimeline wait = { f, old };
  guint made = rd_timeline_page_get_sentences_made (f->page);

  rd_timeline_page_refresh (f->page);
  g_assert_true (rd_test_gui_wait_until (has_new_timeline, &wait, 30000));
  rd_test_gui_wait_for_draw (GTK_WIDGET (f->page));
  return rd_timeline_page_get_sentences_made (f->page) - made;
}

/* The timeline of a long case made again, its newest item selected: the
 * list's model is asked only for the rows shown and the rows that changed,
 * not for every item (GTK 4.8's list and single selection do that when a
 * row they keep track of is in the range said to be replaced), and the
 * newest is still selected. A changed sentence is shown. */
static void
test_long_refresh (Fixture       *f,
                   gconstpointer  data)
{
  RdStore *store = rd_application_get_store (f->app);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdContact) contact = NULL;
  GtkSingleSelection *selection;
  RdTimeline *timeline;
  gint64 middle = 0;
  guint n, changed = 0;

  f->window = rd_test_gui_window_new (f->app, 1180, 800);
  show_case_timeline (f, add_long_case (store, &middle), 30000);
  rd_test_gui_wait_for_draw (GTK_WIDGET (f->page));

  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (rd_timeline_page_get_list (f->page)));
  n = g_list_model_get_n_items (G_LIST_MODEL (selection));
  g_assert_cmpuint (n, >=, 3000);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, n - 1);

  /* The same timeline again. */
  g_assert_cmpuint (refresh_counting (f), <, n / 4);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, n);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, n - 1);

  /* One contact in the middle was a phone call. */
  contact = rd_store_get_contact (store, middle, &error);
  g_assert_no_error (error);
  rd_contact_set_channel (contact, RD_CHANNEL_PHONE);
  g_assert_true (rd_store_save_contact (store, contact, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (refresh_counting (f), <, n / 4);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, n - 1);

  /* Every row reads as the new timeline does. */
  timeline = rd_timeline_view_get_timeline (f->view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==,
                    rd_timeline_get_n_items (timeline));
  for (guint i = 0; i < rd_timeline_get_n_items (timeline); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (selection), i);
      g_autofree char *text = rd_timeline_item_dup_spoken (rd_timeline_get_item (timeline, i));

      g_assert_cmpstr (gtk_string_object_get_string (item), ==, text);
      changed += strstr (text, "Phone") != NULL;
    }
  g_assert_cmpuint (changed, ==, 1);
}

/* A case of a few entries over 26 years: a picture many strips wide. */
static gint64
add_case_over_years (RdStore *store)
{
  const int years[] = { 2000, 2008, 2016, 2026 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCase) rcase = rd_case_new ();

  rd_case_set_title (rcase, "Years of noise");
  g_assert_true (rd_store_save_case (store, rcase, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autoptr(RdIncident) incident = rd_incident_new ();
      g_autoptr(GDateTime) at = g_date_time_new_local (years[i], 3, 14, 23, 30, 0);

      rd_incident_set_case_id (incident, rd_case_get_id (rcase));
      rd_incident_set_starts_at (incident, at);
      rd_incident_set_category (incident, RD_CATEGORY_NOISE);
      rd_incident_set_description (incident, "Music through the ceiling");
      g_assert_true (rd_store_save_incident (store, incident, NULL, &error));
      g_assert_no_error (error);
    }
  return rd_case_get_id (rcase);
}

/* Pixels of strip @index (1,024 wide) of a view @w wide, row by row. */
static GByteArray *
copy_strip (const guchar *pixels,
            int           w,
            int           h,
            guint         index)
{
  GByteArray *strip = g_byte_array_new ();
  int x0 = (int) index * 1024, x1 = MIN (w, x0 + 1024);

  for (int y = 0; y < h; y++)
    g_byte_array_append (strip, pixels + ((gsize) y * w + x0) * 4, (guint) (x1 - x0) * 4);
  return strip;
}

static gsize
count_dark (GByteArray *strip)
{
  gsize dark = 0;

  for (guint i = 0; i + 3 < strip->len; i += 4)
    dark += (strip->data[i] + strip->data[i + 1] + strip->data[i + 2]) / 3 < 80;
  return dark;
}

/* Scrolls the picture to @value, and waits for the strips near the view
 * and for a frame drawn with them. */
static void
scroll_to (Fixture       *f,
           GtkAdjustment *adjustment,
           double         value)
{
  gtk_adjustment_set_value (adjustment, value);
  wait_until_drawn (f);
}

/* Scrolled from one end of a long picture to the other, the view holds no
 * more strips than those in view and one each side, draws the strips in
 * view as the whole picture has them, lets go of the first strip, and
 * draws it again the same when scrolled back to it. */
static void
test_strips_bounded (Fixture       *f,
                     gconstpointer  data)
{
  RdStore *store = rd_application_get_store (f->app);
  g_autoptr(GByteArray) first = NULL;
  g_autoptr(GByteArray) gone = NULL;
  g_autoptr(GByteArray) again = NULL;
  GtkAdjustment *adjustment;
  guchar *pixels;
  guint n, max_kept, positions = 0;
  double page;
  int w, h;

  f->window = rd_test_gui_window_new (f->app, 900, 700);
  show_case_timeline (f, add_case_over_years (store), 10000);
  wait_until_drawn (f);

  n = rd_timeline_count_strips (rd_timeline_view_get_timeline (f->view), 1024);
  adjustment = gtk_scrolled_window_get_hadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (f->view), GTK_TYPE_SCROLLED_WINDOW)));
  page = gtk_adjustment_get_page_size (adjustment);
  g_assert_cmpfloat (page, >, 100);
  /* In view: at most a page's worth and one cut by each edge; one more each side. */
  max_kept = (guint) ceil (page / 1024) + 1 + 2;
  g_test_message ("%u strips, a page %.0f wide, at most %u kept", n, page, max_kept);
  g_assert_cmpuint (n, >, max_kept + 1);

  scroll_to (f, adjustment, 0);
  pixels = render_view (f, &w, &h);
  first = copy_strip (pixels, w, h, 0);
  g_free (pixels);
  g_assert_cmpuint (count_dark (first), >, 0);

  for (double value = 0; ; value = MIN (value + page / 2, gtk_adjustment_get_upper (adjustment) - page))
    {
      scroll_to (f, adjustment, value);
      g_assert_cmpuint (rd_timeline_view_count_kept_strips (f->view), <=, max_kept);
      g_assert_cmpuint (count_wrong_pixels_in (f, (int) value, (int) (value + page)), <=,
                        (gsize) (page * h / 1000));
      positions++;
      if (value >= gtk_adjustment_get_upper (adjustment) - page)
        break;
    }
  g_assert_cmpuint (positions, >, 3);

  /* At the far end, the first strip is let go of: only white is shown there. */
  pixels = render_view (f, &w, &h);
  gone = copy_strip (pixels, w, h, 0);
  g_free (pixels);
  g_assert_cmpuint (count_dark (gone), ==, 0);

  scroll_to (f, adjustment, 0);
  g_assert_cmpuint (rd_timeline_view_count_kept_strips (f->view), <=, max_kept);
  pixels = render_view (f, &w, &h);
  again = copy_strip (pixels, w, h, 0);
  g_free (pixels);
  g_assert_cmpuint (again->len, ==, first->len);
  g_assert_true (memcmp (again->data, first->data, first->len) == 0);
}

typedef struct {
  guint    position;
  gboolean changed;
} Watch;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Watch      *watch)
{
  if (watch->position >= position && watch->position < position + removed)
    watch->changed = TRUE;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* Hidden, the page does not make its timeline again after each save
 * elsewhere (the diary's autosave, while typing: with 100,000 entries,
 * the whole case read on a worker and the result taken in on the main
 * thread, issue 17), but as it is next shown, with what changed. */
static void
test_refresh_when_shown (Fixture       *f,
                         gconstpointer  data)
{
  RdStore *store = rd_application_get_store (f->app);
  g_autoptr(RdTimeline) old = rd_timeline_ref (rd_timeline_view_get_timeline (f->view));
  g_autoptr(RdContact) contact = rd_contact_new ();
  g_autoptr(GDateTime) at = g_date_time_new_local (2026, 12, 1, 9, 30, 0);
  g_autoptr(GError) error = NULL;
  NewTimeline wait = { f, old };
  guint contacts = rd_timeline_count_kind (old, RD_TIMELINE_CONTACT);

  rd_window_show_page (f->window, "diary");
  rd_test_gui_iterate ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
  rd_contact_set_case_id (contact, rd_case_get_id (rd_window_get_case (f->window)));
  rd_contact_set_occurred_at (contact, at);
  rd_contact_set_direction (contact, RD_CONTACT_TO);
  rd_contact_set_channel (contact, RD_CHANNEL_PHONE);
  rd_contact_set_summary (contact, "Asked when the repair will be done");
  g_assert_true (rd_store_save_contact (store, contact, &error));
  g_assert_no_error (error);
  /* Longer than a refresh waits for a burst of writes to end. */
  rd_test_gui_wait_until (never, NULL, 1000);
  g_assert_true (rd_timeline_view_get_timeline (f->view) == old);

  rd_window_show_page (f->window, "timeline");
  g_assert_true (rd_test_gui_wait_until (has_new_timeline, &wait, 10000));
  g_assert_cmpuint (rd_timeline_count_kind (rd_timeline_view_get_timeline (f->view),
                                            RD_TIMELINE_CONTACT), ==, contacts + 1);

  /* Shown, it follows a save at once. */
  g_clear_pointer (&old, rd_timeline_unref);
  old = rd_timeline_ref (rd_timeline_view_get_timeline (f->view));
  wait.old = old;
  rd_contact_set_summary (contact, "Asked again when the repair will be done");
  g_assert_true (rd_store_save_contact (store, contact, &error));
  g_assert_no_error (error);
  g_assert_true (rd_test_gui_wait_until (has_new_timeline, &wait, 10000));
}

/* A refresh lets go of the timeline shown as it starts (issue 17: two
 * timelines held at once after each save), and until the new one comes
 * the view still draws what it drew, the rows shown keep their items, and
 * a row asked for meanwhile is blank; when it comes, that row is said to
 * change and reads as the new timeline does. */
static void
test_refresh_lets_go (Fixture       *f,
                      gconstpointer  data)
{
  RdStore *store = rd_application_get_store (f->app);
  g_autofree guchar *before = NULL;
  g_autofree guchar *during = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GObject) newest = NULL;
  g_autoptr(GObject) again = NULL;
  g_autoptr(GtkStringObject) blank = NULL;
  g_autoptr(GtkStringObject) filled = NULL;
  Watch watch = { 0, FALSE };
  GListModel *model;
  RdTimeline *timeline;
  gint64 unused = 0;
  int current, w, h, w2, h2;
  guint n;

  f->window = rd_test_gui_window_new (f->app, 1180, 800);
  show_case_timeline (f, add_long_case (store, &unused), 30000);
  wait_until_drawn (f);
  model = G_LIST_MODEL (gtk_list_view_get_model (rd_timeline_page_get_list (f->page)));
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >=, 3000);
  /* The list shows the newest rows, far from the middle. */
  newest = g_list_model_get_item (model, n - 1);
  current = rd_timeline_view_get_current (f->view);
  g_assert_cmpint (current, ==, (int) n - 1);
  before = render_view (f, &w, &h);

  rd_timeline_page_refresh (f->page);
  g_assert_null (rd_timeline_view_get_timeline (f->view));
  g_assert_cmpint (rd_timeline_view_get_current (f->view), ==, current);
  during = render_view (f, &w2, &h2);
  g_assert_cmpint (w2, ==, w);
  g_assert_cmpint (h2, ==, h);
  g_assert_true (memcmp (before, during, (gsize) w * h * 4) == 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  again = g_list_model_get_item (model, n - 1);
  g_assert_true (again == newest);
  g_clear_object (&again);
  blank = g_list_model_get_item (model, n / 2);
  g_assert_nonnull (blank);
  g_assert_cmpstr (gtk_string_object_get_string (blank), ==, "");
  watch.position = n / 2;
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), &watch);

  g_assert_true (rd_test_gui_wait_until (has_timeline, f, 30000));
  g_signal_handlers_disconnect_by_data (model, &watch);
  timeline = rd_timeline_view_get_timeline (f->view);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  again = g_list_model_get_item (model, n - 1);
  g_assert_true (again == newest);
  g_assert_true (watch.changed);
  filled = g_list_model_get_item (model, n / 2);
  text = rd_timeline_item_dup_spoken (rd_timeline_get_item (timeline, n / 2));
  g_assert_cmpstr (gtk_string_object_get_string (filled), ==, text);
  wait_until_drawn (f);
  g_assert_cmpuint (count_wrong_pixels (f), <=, (gsize) (w * h) / 1000);
}

/* A picture written from the page is the case's, whole. */
static GtkWidget *
window_focus (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

static gboolean
focus_on_picture (gpointer data)
{
  Fixture *f = data;

  return window_focus (f) == GTK_WIDGET (f->view);
}

/* Entered with the keyboard in another page (the window's stack carries
 * it over), the page puts it on the picture, which the arrow keys walk,
 * rather than on the first export button GTK would find; Shift+Tab still
 * reaches the export buttons above it and Tab comes back.
 * Entered while there is nothing to draw, the keyboard stays in the page,
 * and moves to the picture as the first timeline comes. */
static void
test_focus_when_entered (Fixture       *f,
                         gconstpointer  data)
{
  RdStore *store = rd_application_get_store (f->app);
  g_autoptr(RdCase) empty = rd_case_new ();
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GDateTime) at = g_date_time_new_local (2026, 11, 30, 23, 0, 0);
  g_autoptr(GError) error = NULL;
  GtkWidget *diary;
  GtkWidget *focus;

  f->window = rd_test_gui_window_new (f->app, 1180, 800);
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "open-sample-case", NULL);
  rd_test_gui_iterate ();
  g_assert_nonnull (rd_window_get_case (f->window));
  diary = rd_window_show_page (f->window, "diary");
  rd_test_gui_iterate ();
  g_assert_true (gtk_widget_child_focus (diary, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_ancestor (window_focus (f), diary));
  /* Filled while hidden, after the window's first frame. */
  f->page = RD_TIMELINE_PAGE (rd_window_get_page (f->window, "timeline"));
  f->view = rd_timeline_page_get_view (f->page);
  g_assert_true (rd_test_gui_wait_until (has_timeline, f, 10000));

  rd_window_show_page (f->window, "timeline");
  g_assert_true (window_focus (f) == GTK_WIDGET (f->view));
  rd_test_gui_iterate ();
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_BACKWARD));
  focus = window_focus (f);
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (f->page)));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (window_focus (f) == GTK_WIDGET (f->view));

  /* A case with nothing to draw yet. The focus leaves first, or the
   * window's stack would put it back on the picture, where it was. */
  gtk_root_set_focus (GTK_ROOT (f->window), NULL);
  rd_case_set_title (empty, "Nothing yet");
  g_assert_true (rd_store_save_case (store, empty, &error));
  g_assert_no_error (error);
  g_assert_true (rd_window_open_case (f->window, rd_case_get_id (empty), &error));
  g_assert_no_error (error);
  diary = rd_window_show_page (f->window, "diary");
  rd_test_gui_iterate ();
  focus = window_focus (f);
  if (focus == NULL || !gtk_widget_is_ancestor (focus, diary))
    g_assert_true (gtk_widget_child_focus (diary, GTK_DIR_TAB_FORWARD));
  rd_window_show_page (f->window, "timeline");
  rd_test_gui_iterate ();
  focus = window_focus (f);
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (f->page)));
  g_assert_false (focus == GTK_WIDGET (f->view));

  rd_incident_set_case_id (incident, rd_case_get_id (empty));
  rd_incident_set_starts_at (incident, at);
  rd_incident_set_category (incident, RD_CATEGORY_NOISE);
  rd_incident_set_description (incident, "Shouting on the landing");
  g_assert_true (rd_store_save_incident (store, incident, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rd_test_gui_wait_until (focus_on_picture, f, 10000));
}

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

  g_test_add ("/timeline/snapshot", Fixture, NULL, sample_setup, test_snapshot, fixture_teardown);
  g_test_add ("/timeline/keys-and-list", Fixture, NULL, sample_setup, test_keys_and_list,
              fixture_teardown);
  g_test_add ("/timeline/rows-kept", Fixture, NULL, sample_setup, test_rows_kept, fixture_teardown);
  g_test_add ("/timeline/long-refresh", Fixture, NULL, fixture_setup, test_long_refresh,
              fixture_teardown);
  g_test_add ("/timeline/refresh-when-shown", Fixture, NULL, sample_setup,
              test_refresh_when_shown, fixture_teardown);
  g_test_add ("/timeline/refresh-lets-go", Fixture, NULL, fixture_setup, test_refresh_lets_go,
              fixture_teardown);
  g_test_add ("/timeline/export", Fixture, NULL, sample_setup, test_export, fixture_teardown);
  g_test_add ("/timeline/focus-when-entered", Fixture, NULL, fixture_setup, test_focus_when_entered,
              fixture_teardown);
  g_test_add ("/timeline/strips-drawn", Fixture, NULL, sample_setup, test_strips_drawn,
              fixture_teardown);
  g_test_add ("/timeline/strips-painted", Fixture, NULL, sample_setup, test_strips_painted,
              fixture_teardown);
  g_test_add ("/timeline/strips-let-go-elsewhere", Fixture, NULL, sample_setup,
              test_strips_let_go_elsewhere, fixture_teardown);
  g_test_add ("/timeline/stale-strips-dropped", Fixture, NULL, sample_setup,
              test_stale_strips_dropped, fixture_teardown);
  g_test_add ("/timeline/strips-bounded", Fixture, NULL, fixture_setup, test_strips_bounded,
              fixture_teardown);

  return g_test_run ();
}
