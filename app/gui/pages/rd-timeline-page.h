/* rd-timeline-page.h: a picture of the case over time, with the same items as a list.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-case-page.h"
#include "rd-timeline-view.h"

G_BEGIN_DECLS

#define RD_TYPE_TIMELINE_PAGE (rd_timeline_page_get_type ())
G_DECLARE_FINAL_TYPE (RdTimelinePage, rd_timeline_page, RD, TIMELINE_PAGE, RdCasePage)

RdTimelineView *rd_timeline_page_get_view     (RdTimelinePage *self);
GtkListView    *rd_timeline_page_get_list     (RdTimelinePage *self);
guint           rd_timeline_page_get_sentences_made (RdTimelinePage *self);
void            rd_timeline_page_refresh      (RdTimelinePage *self);
gboolean        rd_timeline_page_save         (RdTimelinePage *self,
                                               const char     *path,
                                               GError        **error);

G_END_DECLS
