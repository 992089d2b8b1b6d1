/* rd-community-trigger.h: whether the diary meets the usual threshold for an ASB Case Review.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-types.h"

G_BEGIN_DECLS

/* The usual local threshold: this many reports … */
#define RD_COMMUNITY_TRIGGER_REPORTS 3
/* … within this many months. Councils set their own; most use these. */
#define RD_COMMUNITY_TRIGGER_MONTHS  6

typedef struct {
  GPtrArray *incidents;  /* RdIncident: the reported entries that meet the threshold, oldest first */
  GDate      first;      /* the first and last of them */
  GDate      last;
  gboolean   current;    /* the threshold is met in the six months up to today */
} RdCommunityTrigger;

RdCommunityTrigger *rd_community_trigger_check (GPtrArray          *incidents,
                                                const GDate        *today);
void                rd_community_trigger_free  (RdCommunityTrigger *self);
char               *rd_community_trigger_dup_explanation (RdCommunityTrigger *self);
char               *rd_community_trigger_dup_entry       (RdIncident         *incident);
gboolean            rd_incident_counts_for_community_trigger (RdIncident *incident);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdCommunityTrigger, rd_community_trigger_free)

G_END_DECLS
