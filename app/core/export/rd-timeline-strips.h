/* rd-timeline-strips.h: a case's timeline drawn into pixels in strips, on a worker thread.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "rd-timeline.h"

G_BEGIN_DECLS

/**
 * RdTimelineStripFunc:
 * @index: which strip, counted from the left
 * @surface: (transfer full): its pixels, an image surface of ARGB32
 *
 * Called with each strip as it is finished.
 */
typedef void (*RdTimelineStripFunc) (guint            index,
                                     cairo_surface_t *surface,
                                     gpointer         user_data);

guint    rd_timeline_count_strips       (RdTimeline          *timeline,
                                         double               strip_width);
void     rd_timeline_get_strip_area     (RdTimeline          *timeline,
                                         double               strip_width,
                                         guint                index,
                                         cairo_rectangle_t   *area);
void     rd_timeline_draw_strips_async  (RdTimeline          *timeline,
                                         double               strip_width,
                                         int                  scale,
                                         gboolean             mirrored,
                                         const guint         *strips,
                                         guint                n_strips,
                                         RdTimelineStripFunc  strip_func,
                                         gpointer             strip_data,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean rd_timeline_draw_strips_finish (GAsyncResult        *result,
                                         GError             **error);

G_END_DECLS
