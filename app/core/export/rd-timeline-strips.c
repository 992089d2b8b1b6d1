/* rd-timeline-strips.c: a case's timeline drawn into pixels in strips, on a worker thread.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window shows the timeline as a row of strips (about a window's
 * width each) so that only the strips in view need to be on screen.
 * Turning a diary of years into pixels takes longer than a frame, and
 * GTK turns a recorded cairo drawing into pixels on the main thread, so
 * the strips are drawn here, into image surfaces, on a worker: the
 * window only wraps each finished surface in a texture. A job draws the
 * strips it is asked for, in the order asked (the window asks for those
 * in or near its view, the one in view first), so that the window need
 * hold only those, and asks again for a strip it let go of when it is
 * scrolled back to.
 *
 * Each finished strip is handed
 * to the caller's main context, and is dropped there, never handed on,
 * once the job's cancellable is cancelled (a new case or timeline): the
 * caller cancels on its own thread, so no strip of an old picture can
 * arrive after it has moved on.
 */
#define G_LOG_DOMAIN "rd-timeline"

#include "config.h"

#include <math.h>

#include "rd-timeline-draw.h"
#include "rd-timeline-strips.h"

typedef struct {
  RdTimeline          *timeline;
  double               strip_width;
  int                  scale;
  gboolean             mirrored;
  guint               *order;     /* the strips to draw, in turn */
  guint                n_order;
  RdTimelineStripFunc  strip_func;
  gpointer             strip_data;
  GMainContext        *context;
} StripsJob;

typedef struct {
  GTask           *task;
  guint            index;
  cairo_surface_t *surface;
} Strip;

static void
strips_job_free (StripsJob *job)
{
  rd_timeline_unref (job->timeline);
  g_main_context_unref (job->context);
  g_free (job->order);
  g_free (job);
}

static void
strip_free (Strip *strip)
{
  g_clear_pointer (&strip->surface, cairo_surface_destroy);
  g_object_unref (strip->task);
  g_free (strip);
}

/**
 * rd_timeline_count_strips:
 *
 * Returns: how many strips @strip_width wide the picture is cut into
 */
guint
rd_timeline_count_strips (RdTimeline *timeline,
                          double      strip_width)
{
  double width;

  g_return_val_if_fail (timeline != NULL, 0);
  g_return_val_if_fail (strip_width >= 1, 0);

  rd_timeline_measure (timeline, &width, NULL);
  return (guint) ceil (width / strip_width);
}

/**
 * rd_timeline_get_strip_area:
 *
 * Where strip @index lies in the picture as a window shows it, left to
 * right whether the picture is mirrored or not.
 */
void
rd_timeline_get_strip_area (RdTimeline        *timeline,
                            double             strip_width,
                            guint              index,
                            cairo_rectangle_t *area)
{
  double width, height;

  g_return_if_fail (timeline != NULL);
  g_return_if_fail (area != NULL);

  rd_timeline_measure (timeline, &width, &height);
  area->x = MIN (index * strip_width, width);
  area->y = 0;
  area->width = MIN (strip_width, width - area->x);
  area->height = height;
}

/* Runs on the caller's thread: a cancelled job's strips go no further. */
static gboolean
hand_strip (gpointer data)
{
  Strip *strip = data;
  StripsJob *job = g_task_get_task_data (strip->task);

  if (!g_cancellable_is_cancelled (g_task_get_cancellable (strip->task)))
    job->strip_func (strip->index, g_steal_pointer (&strip->surface), job->strip_data);
  return G_SOURCE_REMOVE;
}

static cairo_surface_t *
draw_strip (StripsJob *job,
            guint      index)
{
  cairo_rectangle_t area;
  cairo_surface_t *surface;
  double width;
  cairo_t *cr;

  rd_timeline_measure (job->timeline, &width, NULL);
  rd_timeline_get_strip_area (job->timeline, job->strip_width, index, &area);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) ceil (area.width * job->scale),
                                        (int) ceil (area.height * job->scale));
  cairo_surface_set_device_scale (surface, job->scale, job->scale);
  cr = cairo_create (surface);
  cairo_translate (cr, -area.x, 0);
  cairo_rectangle (cr, area.x, area.y, area.width, area.height);
  cairo_clip (cr);
  /* rd_timeline_draw() keeps its words readable in a mirrored context. */
  if (job->mirrored)
    {
      cairo_translate (cr, width, 0);
      cairo_scale (cr, -1, 1);
    }
  rd_timeline_draw (job->timeline, cr, -1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
draw_strips_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  StripsJob *job = task_data;
  g_autoptr(GError) error = NULL;

  for (guint nth = 0; nth < job->n_order; nth++)
    {
      g_autoptr(GSource) source = NULL;
      Strip *strip;

      if (g_cancellable_set_error_if_cancelled (cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      strip = g_new0 (Strip, 1);
      strip->task = g_object_ref (task);
      strip->index = job->order[nth];
      strip->surface = draw_strip (job, strip->index);
      if (cairo_surface_status (strip->surface) != CAIRO_STATUS_SUCCESS)
        {
          /* Too big for cairo, or no memory: the strip stays blank. */
          g_warning ("Strip %u of the timeline could not be drawn: %s", strip->index,
                     cairo_status_to_string (cairo_surface_status (strip->surface)));
          strip_free (strip);
          continue;
        }
      /* Not g_main_context_invoke(): with no context of its own, this
       * thread could acquire the default one and call back from here. */
      source = g_idle_source_new ();
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, hand_strip, strip, (GDestroyNotify) strip_free);
      g_source_set_static_name (source, "[redress] timeline strip");
      g_source_attach (source, job->context);
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * rd_timeline_draw_strips_async:
 * @strip_width: how wide a strip is, in the picture's units
 * @scale: device pixels per unit
 * @mirrored: whether time runs right to left
 * @strips: (array length=n_strips): which strips to draw, in that order
 *   (each below rd_timeline_count_strips())
 * @strip_func: called on the thread-default main context of this call
 *   with each strip when it is drawn, never once @cancellable is cancelled
 *   on that context's thread
 *
 * Draws the strips @strips of @timeline on a worker thread, as
 * rd_timeline_draw() draws them, without a current item; @callback is
 * called once every one has been handed to @strip_func.
 */
void
rd_timeline_draw_strips_async (RdTimeline          *timeline,
                               double               strip_width,
                               int                  scale,
                               gboolean             mirrored,
                               const guint         *strips,
                               guint                n_strips,
                               RdTimelineStripFunc  strip_func,
                               gpointer             strip_data,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  StripsJob *job;

  g_return_if_fail (timeline != NULL);
  g_return_if_fail (strip_width >= 1);
  g_return_if_fail (scale >= 1);
  g_return_if_fail (strip_func != NULL);
  g_return_if_fail (strips != NULL || n_strips == 0);

  for (guint i = 0; i < n_strips; i++)
    g_return_if_fail (strips[i] < rd_timeline_count_strips (timeline, strip_width));

  job = g_new0 (StripsJob, 1);
  job->timeline = rd_timeline_ref (timeline);
  job->strip_width = strip_width;
  job->scale = scale;
  job->mirrored = mirrored;
  job->order = g_memdup2 (strips, n_strips * sizeof *strips);
  job->n_order = n_strips;
  job->strip_func = strip_func;
  job->strip_data = strip_data;
  job->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rd_timeline_draw_strips_async);
  g_task_set_task_data (task, job, (GDestroyNotify) strips_job_free);
  g_task_run_in_thread (task, draw_strips_thread);
}

gboolean
rd_timeline_draw_strips_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rd_timeline_draw_strips_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
