/* rd-timeline-strip.c: one strip of a timeline's picture, drawn by a worker, handed to GTK's renderer.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RdTimelineView draws its picture in strips about a window wide, each on
 * a worker; this is what it keeps of one strip it has been given, and how
 * the strip goes into a frame.
 */
#define G_LOG_DOMAIN "rd-timeline-view"

#include "config.h"

#include "rd-timeline-strip.h"

/* A strip drawn: the worker's pixels, and a texture of them once a
 * renderer that keeps textures has asked for one. */
struct _RdTimelineStrip
{
  cairo_surface_t *surface;
  GdkTexture      *texture;  /* the surface's own pixels, not a copy */
  gboolean         painted;  /* into a frame of the cairo renderer */
};

/**
 * rd_timeline_strip_new:
 * @surface: (transfer full): the strip's pixels, an ARGB32 image surface
 *   with the screen's scale as its device scale
 */
RdTimelineStrip *
rd_timeline_strip_new (cairo_surface_t *surface)
{
  RdTimelineStrip *strip;

  g_return_val_if_fail (surface != NULL, NULL);
  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32, NULL);

  strip = g_new0 (RdTimelineStrip, 1);
  strip->surface = surface;
  return strip;
}

static void
destroy_surface_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  cairo_surface_destroy (task_data);
  g_task_return_boolean (task, TRUE);
}

/*
 * A frame of the cairo renderer keeps a strip it painted as a cairo
 * snapshot of the strip's surface, which cairo turns into a copy of the
 * surface's every pixel as the surface goes: 20 ms a strip of a
 * 100,000-entry timeline on the main thread, for each strip let go of at
 * once as a new timeline came after a save (issue 17). A painted strip's
 * surface goes on a worker: cairo's snapshots take a lock for that copy,
 * and nothing of ours uses the surface any more.
 */
void
rd_timeline_strip_free (gpointer data)
{
  RdTimelineStrip *strip = data;
  g_autoptr(GTask) task = NULL;

  if (strip == NULL)
    return;
  g_clear_object (&strip->texture);
  if (strip->painted)
    {
      task = g_task_new (NULL, NULL, NULL, NULL);
      g_task_set_source_tag (task, rd_timeline_strip_free);
      g_task_set_task_data (task, g_steal_pointer (&strip->surface), NULL);
      g_task_run_in_thread (task, destroy_surface_thread);
    }
  else
    cairo_surface_destroy (strip->surface);
  g_free (strip);
}

/* Whether @widget's window draws with cairo, in the processor (no GPU, or
 * GDK_DEBUG=gl-disable), rather than uploading textures to a GPU. */
static gboolean
renders_with_cairo (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;

  return renderer == NULL || GSK_IS_CAIRO_RENDERER (renderer);
}

/**
 * rd_timeline_strip_append:
 * @widget: the widget drawing it
 * @bounds: where, in @widget
 *
 * Adds @strip to @snapshot. A renderer on the GPU uploads a texture once
 * and keeps it, so it gets one, made of the strip's own pixels. GTK 4.8's
 * cairo renderer instead converts a texture's every pixel into a new
 * surface each time it draws it, in view or not: some 30 ms a frame for
 * each strip 1,024 wide of a 100,000-entry timeline, at every frame the
 * page drew (issue 17). It gets the strip's surface to paint, which copies
 * only the pixels in view.
 */
void
rd_timeline_strip_append (RdTimelineStrip       *strip,
                          GtkWidget             *widget,
                          GtkSnapshot           *snapshot,
                          const graphene_rect_t *bounds)
{
  cairo_t *cr;

  g_return_if_fail (strip != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (!renders_with_cairo (widget))
    {
      if (strip->texture == NULL)
        {
          int height = cairo_image_surface_get_height (strip->surface);
          gsize stride = (gsize) cairo_image_surface_get_stride (strip->surface);
          g_autoptr(GBytes) bytes =
            g_bytes_new_with_free_func (cairo_image_surface_get_data (strip->surface),
                                        stride * height, (GDestroyNotify) cairo_surface_destroy,
                                        cairo_surface_reference (strip->surface));

          strip->texture = gdk_memory_texture_new (cairo_image_surface_get_width (strip->surface),
                                                   height, GDK_MEMORY_DEFAULT, bytes, stride);
        }
      gtk_snapshot_append_texture (snapshot, strip->texture, bounds);
      return;
    }
  /* The surface has the screen's scale as its device scale: one unit of
   * it is one of the widget's. */
  strip->painted = TRUE;
  cr = gtk_snapshot_append_cairo (snapshot, bounds);
  cairo_set_source_surface (cr, strip->surface, bounds->origin.x, bounds->origin.y);
  cairo_paint (cr);
  cairo_destroy (cr);
}
