/* rd-timeline-view.h: a case's timeline drawn in the window, walked item by item from the keyboard.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rd-core.h"

G_BEGIN_DECLS

#define RD_TYPE_TIMELINE_VIEW (rd_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (RdTimelineView, rd_timeline_view, RD, TIMELINE_VIEW, GtkWidget)

GtkWidget  *rd_timeline_view_new          (void);
void        rd_timeline_view_set_timeline (RdTimelineView *self,
                                           RdTimeline     *timeline);
RdTimeline *rd_timeline_view_get_timeline (RdTimelineView *self);
void        rd_timeline_view_let_go       (RdTimelineView *self);
int         rd_timeline_view_get_current  (RdTimelineView *self);
void        rd_timeline_view_set_current  (RdTimelineView *self,
                                           int             current);
gboolean    rd_timeline_view_get_drawn    (RdTimelineView *self);
gboolean    rd_timeline_view_get_drawing  (RdTimelineView *self);
guint       rd_timeline_view_count_kept_strips (RdTimelineView *self);

G_END_DECLS
