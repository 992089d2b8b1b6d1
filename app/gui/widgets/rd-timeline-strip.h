/* rd-timeline-strip.h: one strip of a timeline's picture, drawn by a worker, handed to GTK's renderer.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _RdTimelineStrip RdTimelineStrip;

RdTimelineStrip *rd_timeline_strip_new    (cairo_surface_t       *surface);
void             rd_timeline_strip_free   (gpointer               strip);
void             rd_timeline_strip_append (RdTimelineStrip       *strip,
                                           GtkWidget             *widget,
                                           GtkSnapshot           *snapshot,
                                           const graphene_rect_t *bounds);

G_END_DECLS
