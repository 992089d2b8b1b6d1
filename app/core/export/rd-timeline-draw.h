/* rd-timeline-draw.h: a case's timeline drawn with cairo, and written as SVG or PNG.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "rd-timeline.h"

G_BEGIN_DECLS

void      rd_timeline_measure        (RdTimeline        *timeline,
                                      double            *width,
                                      double            *height);
void      rd_timeline_draw           (RdTimeline        *timeline,
                                      cairo_t           *cr,
                                      int                current);
void      rd_timeline_draw_current   (RdTimeline        *timeline,
                                      cairo_t           *cr,
                                      guint              current);
int       rd_timeline_find_item      (RdTimeline        *timeline,
                                      double             x,
                                      double             y);
gboolean  rd_timeline_get_item_area  (RdTimeline        *timeline,
                                      guint              index,
                                      cairo_rectangle_t *area);
gboolean  rd_timeline_write          (RdTimeline        *timeline,
                                      const char        *path,
                                      GError           **error);

G_END_DECLS
