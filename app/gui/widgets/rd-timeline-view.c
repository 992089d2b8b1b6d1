/* rd-timeline-view.c: a case's timeline drawn in the window, walked item by item from the keyboard.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The picture is rd_timeline_draw()'s, the one the CLI and the bundle
 * write. A diary of years gives tens of thousands of marks, which take
 * longer than a frame to turn into pixels, so the picture is drawn in
 * strips about a window wide, on a worker (rd_timeline_draw_strips_async()),
 * the strip in view first; the main thread only hands each finished strip
 * to GTK's renderer (rd_timeline_strip_append()). Only the strips in view and one on each side of it are
 * kept: each is several megabytes of pixels, and years of diary make many
 * strips, so the view lets go of a strip scrolled away from and has it
 * drawn again when it is scrolled back to. Nothing is drawn again at each
 * frame, nor when the current item moves (that redraws only its ring). A
 * strip not yet drawn is left the picture's white. A new timeline, a new
 * direction or a new scale cancels the jobs drawing the last one, and
 * their strips are dropped. While the page makes a new timeline, the view
 * lets go of the last one (rd_timeline_view_let_go()) and goes on showing
 * what was drawn of it, strips and ring, until the new one comes: with
 * 100,000 diary entries a timeline's items are about 10 MB, and holding
 * the last one beside the one being made put both in memory at once
 * (issue 17). One item at a time is
 * current, ringed in the picture: the arrow keys, Home and End move it,
 * a click picks the item under the pointer. GTK 4.8 has no call to make a
 * screen reader speak, so the current item's sentence becomes the view's
 * accessible name, which a screen reader reads when the focused widget's
 * name changes; the page also keeps a list of the same sentences beside
 * the picture, for reading at leisure.
 */
#define G_LOG_DOMAIN "rd-timeline-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rd-timeline-strip.h"
#include "rd-timeline-view.h"

struct _RdTimelineView
{
  GtkWidget   parent_instance;

  RdTimeline    *timeline;
  int            current;   /* -1 for none */
  double         width;
  double         height;
  GPtrArray     *strips;    /* the picture without its ring: an RdTimelineStrip a strip, NULL where
                             * not drawn or let go of; the array is NULL until first drawn */
  gboolean      *asked;     /* per strip: a job of this picture will hand it over */
  guint          first_near;  /* the strips in or near the view, kept and drawn */
  guint          last_near;
  GCancellable  *drawing;   /* the jobs drawing this picture's strips, or NULL */
  guint          n_jobs;    /* jobs still running, cancelled ones too */
  GtkAdjustment *hadjustment;  /* the scrolled window's, watched while mapped */
  GskRenderNode *ring;      /* the current item's ring as last drawn, or NULL */
};

/* How wide a strip of the picture is drawn: about a window's width. */
#define STRIP_WIDTH 1024.0

/* Strips kept on each side of those in view, so that a little scrolling
 * shows a picture already drawn. */
#define STRIPS_NEAR 1

G_DEFINE_FINAL_TYPE (RdTimelineView, rd_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CURRENT,
  PROP_DRAWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void clear_picture (RdTimelineView *self);

static void
update_accessible (RdTimelineView *self)
{
  g_autofree char *text = NULL;

  if (self->timeline != NULL && self->current >= 0)
    text = rd_timeline_item_dup_spoken (rd_timeline_get_item (self->timeline, self->current));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : _("Timeline of the case"),
                                  -1);
}

/* In a language written right to left the picture is mirrored, so that
 * time runs the way the words do: later is further left. */
static gboolean
is_mirrored (RdTimelineView *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
}

/* Where item @index is in the widget, mirrored or not. */
static gboolean
get_item_area (RdTimelineView    *self,
               guint              index,
               cairo_rectangle_t *area)
{
  if (!rd_timeline_get_item_area (self->timeline, index, area))
    return FALSE;
  if (is_mirrored (self))
    area->x = self->width - area->x - area->width;
  return TRUE;
}

/* Brings the current item into the scrolled window's view. */
static void
scroll_to_current (RdTimelineView *self)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  cairo_rectangle_t area;

  if (scrolled == NULL || self->timeline == NULL || self->current < 0 ||
      !get_item_area (self, self->current, &area))
    return;
  gtk_adjustment_clamp_page (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                             area.x - 24, area.x + area.width + 24);
  gtk_adjustment_clamp_page (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                             area.y - 24, area.y + area.height + 24);
}

void
rd_timeline_view_set_current (RdTimelineView *self,
                              int             current)
{
  int n;

  g_return_if_fail (RD_IS_TIMELINE_VIEW (self));

  /* Let go of (or none): the item shown current stays so until the next. */
  if (self->timeline == NULL)
    return;
  n = (int) rd_timeline_get_n_items (self->timeline);
  current = n == 0 ? -1 : CLAMP (current, 0, n - 1);
  if (current == self->current)
    return;
  self->current = current;
  update_accessible (self);
  scroll_to_current (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

int
rd_timeline_view_get_current (RdTimelineView *self)
{
  g_return_val_if_fail (RD_IS_TIMELINE_VIEW (self), -1);

  return self->current;
}

/**
 * rd_timeline_view_set_timeline:
 * @timeline: (transfer full) (nullable): what to draw
 */
void
rd_timeline_view_set_timeline (RdTimelineView *self,
                               RdTimeline     *timeline)
{
  g_return_if_fail (RD_IS_TIMELINE_VIEW (self));

  clear_picture (self);
  g_clear_pointer (&self->timeline, rd_timeline_unref);
  self->timeline = timeline;
  self->width = self->height = 0;
  if (timeline != NULL)
    rd_timeline_measure (timeline, &self->width, &self->height);
  self->current = -1;
  /* The newest item is where a resident looks first. */
  if (timeline != NULL && rd_timeline_get_n_items (timeline) > 0)
    self->current = (int) rd_timeline_get_n_items (timeline) - 1;
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

/**
 * rd_timeline_view_let_go:
 *
 * Lets go of the timeline, as a new one is being made, and of the jobs
 * drawing it, but goes on showing what was drawn of it (the strips kept,
 * the current item's ring), at its size, until rd_timeline_view_set_timeline()
 * gives the next. Meanwhile nothing more is drawn, and the keys, a click
 * and rd_timeline_view_set_current() leave the current item as it is.
 */
void
rd_timeline_view_let_go (RdTimelineView *self)
{
  g_return_if_fail (RD_IS_TIMELINE_VIEW (self));

  if (self->drawing != NULL)
    g_cancellable_cancel (self->drawing);
  g_clear_object (&self->drawing);
  if (self->strips != NULL)
    memset (self->asked, 0, self->strips->len * sizeof *self->asked);
  g_clear_pointer (&self->timeline, rd_timeline_unref);
}

/**
 * rd_timeline_view_get_timeline:
 *
 * Returns: (transfer none) (nullable): what the view draws; %NULL when
 *   it has none, or has let go of it (rd_timeline_view_let_go())
 */
RdTimeline *
rd_timeline_view_get_timeline (RdTimelineView *self)
{
  g_return_val_if_fail (RD_IS_TIMELINE_VIEW (self), NULL);

  return self->timeline;
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdTimelineView *self = RD_TIMELINE_VIEW (widget);
  int by = g_variant_get_int32 (parameter);

  if (self->timeline == NULL)
    return;
  if (by == G_MININT32)
    rd_timeline_view_set_current (self, 0);
  else if (by == G_MAXINT32)
    rd_timeline_view_set_current (self, (int) rd_timeline_get_n_items (self->timeline) - 1);
  else
    rd_timeline_view_set_current (self, MAX (self->current, 0) + by);
}

/* timeline.move-across(n): as timeline.move, for the arrows that point
 * along the time axis, which is mirrored right to left. */
static void
move_across_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  int by = g_variant_get_int32 (parameter);

  if (is_mirrored (RD_TIMELINE_VIEW (widget)))
    by = -by;
  gtk_widget_activate_action (widget, "timeline.move", "i", by);
}

/* The smallest item area under the pointer: a deadline's row wins over a
 * whole week's column. */
static void
on_pressed_cb (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               RdTimelineView  *self)
{
  int found;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->timeline == NULL)
    return;
  found = rd_timeline_find_item (self->timeline, is_mirrored (self) ? self->width - x : x, y);
  if (found >= 0)
    rd_timeline_view_set_current (self, found);
}

static void
rd_timeline_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  RdTimelineView *self = RD_TIMELINE_VIEW (widget);

  *minimum = *natural = (int) (orientation == GTK_ORIENTATION_HORIZONTAL ? self->width
                                                                         : self->height);
}

/* A context for the part @area of the view, in the picture's units:
 * rd_timeline_draw() keeps its words readable in a mirrored context. */
static cairo_t *
begin_drawing (RdTimelineView        *self,
               GtkSnapshot           *snapshot,
               const graphene_rect_t *area)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, area);

  cairo_rectangle (cr, area->origin.x, area->origin.y, area->size.width, area->size.height);
  cairo_clip (cr);
  if (is_mirrored (self))
    {
      cairo_translate (cr, self->width, 0);
      cairo_scale (cr, -1, 1);
    }
  return cr;
}

/**
 * rd_timeline_view_get_drawn:
 *
 * Returns: whether every strip in or near the view has been drawn, so
 *   that what is on screen is the whole picture there
 */
gboolean
rd_timeline_view_get_drawn (RdTimelineView *self)
{
  g_return_val_if_fail (RD_IS_TIMELINE_VIEW (self), FALSE);

  if (self->strips == NULL)
    return FALSE;
  for (guint i = self->first_near; i <= self->last_near && i < self->strips->len; i++)
    if (g_ptr_array_index (self->strips, i) == NULL)
      return FALSE;
  return TRUE;
}

/**
 * rd_timeline_view_count_kept_strips:
 *
 * Returns: how many strips of the picture the view holds drawn
 */
guint
rd_timeline_view_count_kept_strips (RdTimelineView *self)
{
  guint kept = 0;

  g_return_val_if_fail (RD_IS_TIMELINE_VIEW (self), 0);

  for (guint i = 0; self->strips != NULL && i < self->strips->len; i++)
    kept += g_ptr_array_index (self->strips, i) != NULL;
  return kept;
}

static gboolean
is_near (RdTimelineView *self,
         guint           index)
{
  return index >= self->first_near && index <= self->last_near;
}

static void
on_strip_drawn_cb (guint            index,
                   cairo_surface_t *surface,
                   gpointer         user_data)
{
  RdTimelineView *self = user_data;
  RdTimelineStrip *strip;

  g_assert (self->strips != NULL && index < self->strips->len);
  g_assert (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32);

  self->asked[index] = FALSE;
  /* Scrolled away from while it was drawn. */
  if (!is_near (self, index))
    {
      cairo_surface_destroy (surface);
      return;
    }
  strip = rd_timeline_strip_new (surface);
  g_clear_pointer (&g_ptr_array_index (self->strips, index), rd_timeline_strip_free);
  g_ptr_array_index (self->strips, index) = strip;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (rd_timeline_view_get_drawn (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAWN]);
}

static void
on_strips_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RdTimelineView) self = user_data;
  g_autoptr(GError) error = NULL;

  self->n_jobs--;
  if (!rd_timeline_draw_strips_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("The timeline could not be drawn: %s", error->message);
}

/* The strips in the scrolled window's view; all of them when the view is
 * not scrolled. (The view's margin in the scrolled window is a few
 * pixels, which the strips kept beside those in view cover.) */
static void
find_in_view (RdTimelineView *self,
              guint          *first,
              guint          *last)
{
  double from = 0, to = self->width, page;

  if (self->hadjustment != NULL)
    {
      from = MAX (gtk_adjustment_get_value (self->hadjustment), 0);
      page = gtk_adjustment_get_page_size (self->hadjustment);
      /* Not yet laid out: as wide as a strip. */
      to = from + (page > 0 ? page : STRIP_WIDTH);
    }
  *last = MIN ((guint) (MAX (to - 1, from) / STRIP_WIDTH), self->strips->len - 1);
  *first = MIN ((guint) (from / STRIP_WIDTH), *last);
}

/* Has strip @index drawn, unless it is or will be. */
static void
ask_for (RdTimelineView *self,
         GArray         *order,
         guint           index)
{
  if (g_ptr_array_index (self->strips, index) != NULL || self->asked[index])
    return;
  self->asked[index] = TRUE;
  g_array_append_val (order, index);
}

/* Lets go of the strips no longer near the view, and has those now near
 * it drawn: the ones in view first, left to right, then those beside. */
static void
update_strips (RdTimelineView *self)
{
  g_autoptr(GArray) order = NULL;
  gboolean dropped = FALSE;
  guint first, last;

  if (self->strips == NULL || self->strips->len == 0)
    return;
  find_in_view (self, &first, &last);
  self->first_near = first > STRIPS_NEAR ? first - STRIPS_NEAR : 0;
  self->last_near = MIN (last + STRIPS_NEAR, self->strips->len - 1);
  for (guint i = 0; i < self->strips->len; i++)
    if (!is_near (self, i) && g_ptr_array_index (self->strips, i) != NULL)
      {
        g_clear_pointer (&g_ptr_array_index (self->strips, i), rd_timeline_strip_free);
        dropped = TRUE;
      }
  /* The last frame's drawing holds the strips let go of until the next. */
  if (dropped)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  /* Let go of: nothing more is drawn of it. */
  if (self->timeline == NULL)
    return;

  order = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = first; i <= last; i++)
    ask_for (self, order, i);
  for (guint i = self->first_near; i <= self->last_near; i++)
    if (i < first || i > last)
      ask_for (self, order, i);
  if (order->len == 0)
    return;
  self->n_jobs++;
  rd_timeline_draw_strips_async (self->timeline, STRIP_WIDTH,
                                 gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                 is_mirrored (self), (const guint *) order->data, order->len,
                                 on_strip_drawn_cb, self, self->drawing,
                                 on_strips_done_cb, g_object_ref (self));
}

/* Starts drawing the timeline's strips near the view. */
static void
start_drawing (RdTimelineView *self)
{
  guint n_strips = rd_timeline_count_strips (self->timeline, STRIP_WIDTH);

  g_assert (self->strips == NULL && self->drawing == NULL);

  self->strips = g_ptr_array_new_full (n_strips, rd_timeline_strip_free);
  g_ptr_array_set_size (self->strips, n_strips);
  self->asked = g_new0 (gboolean, n_strips);
  self->drawing = g_cancellable_new ();
  update_strips (self);
}

/* Drops the picture, and the jobs drawing it: none of their strips will
 * come. */
static void
clear_picture (RdTimelineView *self)
{
  gboolean was_drawn = rd_timeline_view_get_drawn (self);

  if (self->drawing != NULL)
    g_cancellable_cancel (self->drawing);
  g_clear_object (&self->drawing);
  g_clear_pointer (&self->strips, g_ptr_array_unref);
  g_clear_pointer (&self->asked, g_free);
  g_clear_pointer (&self->ring, gsk_render_node_unref);
  self->first_near = self->last_near = 0;
  if (was_drawn)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAWN]);
}

static void
on_scrolled_cb (RdTimelineView *self)
{
  gboolean was_drawn = rd_timeline_view_get_drawn (self);

  update_strips (self);
  if (was_drawn != rd_timeline_view_get_drawn (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAWN]);
}

static void
rd_timeline_view_map (GtkWidget *widget)
{
  RdTimelineView *self = RD_TIMELINE_VIEW (widget);
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

  GTK_WIDGET_CLASS (rd_timeline_view_parent_class)->map (widget);
  if (scrolled == NULL)
    return;
  self->hadjustment = g_object_ref (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled)));
  g_signal_connect_object (self->hadjustment, "value-changed", G_CALLBACK (on_scrolled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->hadjustment, "changed", G_CALLBACK (on_scrolled_cb), self,
                           G_CONNECT_SWAPPED);
  on_scrolled_cb (self);
}

static void
rd_timeline_view_unmap (GtkWidget *widget)
{
  RdTimelineView *self = RD_TIMELINE_VIEW (widget);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  g_clear_object (&self->hadjustment);
  /* Nothing of it is on screen: it is drawn again when next shown. */
  clear_picture (self);
  GTK_WIDGET_CLASS (rd_timeline_view_parent_class)->unmap (widget);
}

/**
 * rd_timeline_view_get_drawing:
 *
 * Returns: whether a worker is still drawing strips for the view: this
 *   picture's, or a cancelled job's that has not yet stopped
 */
gboolean
rd_timeline_view_get_drawing (RdTimelineView *self)
{
  g_return_val_if_fail (RD_IS_TIMELINE_VIEW (self), FALSE);

  return self->n_jobs > 0;
}

/* The current item's ring, drawn apart from the strips. */
static GskRenderNode *
draw_ring (RdTimelineView *self)
{
  g_autoptr(GtkSnapshot) snapshot = NULL;
  cairo_rectangle_t area;
  cairo_t *cr;

  if (self->current < 0 || !get_item_area (self, (guint) self->current, &area))
    return NULL;
  snapshot = gtk_snapshot_new ();
  /* The ring's strokes reach 5 units past the item's area. */
  cr = begin_drawing (self, snapshot, &GRAPHENE_RECT_INIT (area.x - 6, area.y - 6,
                                                           area.width + 12, area.height + 12));
  rd_timeline_draw_current (self->timeline, cr, (guint) self->current);
  cairo_destroy (cr);
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* Each strip drawn, or where it is not drawn yet, the picture's white,
 * and the current item's ring; the picture is first drawn when first
 * shown. Let go of, what was drawn of it (rd_timeline_view_let_go()). */
static void
rd_timeline_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  RdTimelineView *self = RD_TIMELINE_VIEW (widget);
  const GdkRGBA white = { 1, 1, 1, 1 };

  if (self->strips == NULL)
    {
      if (self->timeline == NULL)
        return;
      start_drawing (self);
    }
  for (guint i = 0; i < self->strips->len; i++)
    {
      RdTimelineStrip *strip = g_ptr_array_index (self->strips, i);
      /* As rd_timeline_get_strip_area(), from the size kept. */
      double x = MIN (i * STRIP_WIDTH, self->width);
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (x, 0, MIN (STRIP_WIDTH, self->width - x),
                                                   self->height);

      if (strip != NULL)
        rd_timeline_strip_append (strip, widget, snapshot, &bounds);
      else
        gtk_snapshot_append_color (snapshot, &white, &bounds);
    }
  if (self->timeline != NULL)
    {
      g_clear_pointer (&self->ring, gsk_render_node_unref);
      self->ring = draw_ring (self);
    }
  if (self->ring != NULL)
    gtk_snapshot_append_node (snapshot, self->ring);
}

/* The picture is drawn the other way round. */
static void
rd_timeline_view_direction_changed (GtkWidget        *widget,
                                    GtkTextDirection  previous)
{
  RdTimelineView *self = RD_TIMELINE_VIEW (widget);

  clear_picture (self);
  gtk_widget_queue_draw (widget);
  GTK_WIDGET_CLASS (rd_timeline_view_parent_class)->direction_changed (widget, previous);
}

/* The strips are drawn in the screen's pixels. */
static void
on_scale_factor_changed_cb (RdTimelineView *self)
{
  clear_picture (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rd_timeline_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RdTimelineView *self = RD_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CURRENT:
      g_value_set_int (value, self->current);
      break;
    case PROP_DRAWN:
      g_value_set_boolean (value, rd_timeline_view_get_drawn (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_timeline_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RdTimelineView *self = RD_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CURRENT:
      rd_timeline_view_set_current (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_timeline_view_dispose (GObject *object)
{
  clear_picture (RD_TIMELINE_VIEW (object));

  G_OBJECT_CLASS (rd_timeline_view_parent_class)->dispose (object);
}

static void
rd_timeline_view_finalize (GObject *object)
{
  RdTimelineView *self = RD_TIMELINE_VIEW (object);

  g_clear_pointer (&self->timeline, rd_timeline_unref);

  G_OBJECT_CLASS (rd_timeline_view_parent_class)->finalize (object);
}

static void
add_move_binding (GtkWidgetClass *widget_class,
                  guint           key,
                  int             by)
{
  gboolean across = key == GDK_KEY_Left || key == GDK_KEY_Right ||
                    key == GDK_KEY_KP_Left || key == GDK_KEY_KP_Right;

  gtk_widget_class_add_binding_action (widget_class, key, 0,
                                       across ? "timeline.move-across" : "timeline.move", "i", by);
}

static void
rd_timeline_view_class_init (RdTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_timeline_view_dispose;
  object_class->finalize = rd_timeline_view_finalize;
  object_class->get_property = rd_timeline_view_get_property;
  object_class->set_property = rd_timeline_view_set_property;
  widget_class->measure = rd_timeline_view_measure;
  widget_class->snapshot = rd_timeline_view_snapshot;
  widget_class->map = rd_timeline_view_map;
  widget_class->unmap = rd_timeline_view_unmap;
  widget_class->direction_changed = rd_timeline_view_direction_changed;

  properties[PROP_CURRENT] =
    g_param_spec_int ("current", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRAWN] =
    g_param_spec_boolean ("drawn", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* timeline.move(n): n items on, or back when negative; the extremes of
   * an int32 go to the first and last. */
  gtk_widget_class_install_action (widget_class, "timeline.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "timeline.move-across", "i", move_across_action);
  add_move_binding (widget_class, GDK_KEY_Left, -1);
  add_move_binding (widget_class, GDK_KEY_Up, -1);
  add_move_binding (widget_class, GDK_KEY_KP_Left, -1);
  add_move_binding (widget_class, GDK_KEY_Right, 1);
  add_move_binding (widget_class, GDK_KEY_Down, 1);
  add_move_binding (widget_class, GDK_KEY_KP_Right, 1);
  add_move_binding (widget_class, GDK_KEY_Page_Up, -10);
  add_move_binding (widget_class, GDK_KEY_Page_Down, 10);
  add_move_binding (widget_class, GDK_KEY_Home, G_MININT32);
  add_move_binding (widget_class, GDK_KEY_End, G_MAXINT32);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rd_timeline_view_init (RdTimelineView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->current = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_START);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("The arrow keys move from one item to the next."),
                                  -1);
  update_accessible (self);
}

GtkWidget *
rd_timeline_view_new (void)
{
  return g_object_new (RD_TYPE_TIMELINE_VIEW, NULL);
}
