/* rd-timeline-items-private.h: what the files of the timeline share: how an item is made.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (RD_ENGINE_COMPILATION)
#error "rd-timeline-items-private.h belongs to app/core/engine/: include the folder's public headers instead."
#endif

#include "rd-timeline.h"

G_BEGIN_DECLS

RdTimelineItem *_rd_timeline_item_new     (RdTimelineKind  kind,
                                           const GDate    *date);
RdTimeline     *_rd_timeline_begin        (void);
GPtrArray      *_rd_timeline_get_items    (RdTimeline     *self);
void            _rd_timeline_add_incident (RdTimeline     *self,
                                           RdIncident     *incident);
void            _rd_timeline_add_contact  (GPtrArray      *items,
                                           RdCaseFacts    *facts,
                                           RdContact      *contact);
RdTimeline     *_rd_timeline_finish       (RdTimeline     *self,
                                           RdCaseFacts    *facts,
                                           RdDashboard    *dashboard);

G_END_DECLS
