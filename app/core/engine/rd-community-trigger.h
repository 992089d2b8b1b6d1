/* rd-community-trigger.h: whether the diary's reports meet the council's threshold for an ASB Case Review.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-types.h"
#include "rd-incident.h"

G_BEGIN_DECLS

/* The council's threshold, as the case records it. */
typedef struct {
  guint    reports;     /* this many reports within six months… */
  gboolean hate_once;   /* …or, where the council says so, one report of a hate incident */
} RdAsbReviewThreshold;

typedef enum {
  RD_ASB_REVIEW_COUNTED,   /* counts towards the threshold */
  RD_ASB_REVIEW_LATE,      /* reported more than one month after the behaviour */
  RD_ASB_REVIEW_OLD,       /* reported more than six months before today */
} RdAsbReviewStatus;

/* One diary entry as a report: the day of the report that counts (the
 * earliest made in time; for a late entry, the earliest made at all) and
 * every body it went to. */
typedef struct {
  RdIncident        *incident;
  GDate              reported;
  RdReportedTo       to;
  gboolean           dated;     /* FALSE: the diary gives no day of report, so the day it happened is used */
  gboolean           hate;
  RdAsbReviewStatus  status;
} RdAsbReviewReport;

typedef struct {
  GPtrArray            *counted;    /* RdAsbReviewReport: the reports that count, oldest first */
  GPtrArray            *excluded;   /* RdAsbReviewReport: reported but not counted, with why */
  RdAsbReviewThreshold  threshold;
  GDate                 today;
  GDate                 window_start;  /* the earliest day a report can be and still count */
  gboolean              met;
  gboolean              met_by_hate;   /* met only through the council's hate-incident rule */
} RdCommunityTrigger;

RdCommunityTrigger *rd_community_trigger_check (GPtrArray                  *incidents,
                                                const RdAsbReviewThreshold *threshold,
                                                const GDate                *today);
void                rd_community_trigger_free  (RdCommunityTrigger *self);
void                rd_asb_review_threshold_from_case (RdAsbReviewThreshold *threshold,
                                                       RdCase               *rcase);
char               *rd_community_trigger_dup_explanation (RdCommunityTrigger *self);
char               *rd_community_trigger_dup_entry       (const RdAsbReviewReport *report);
char               *rd_community_trigger_dup_summary     (RdCommunityTrigger *self);
gboolean            rd_category_counts_for_community_trigger (RdCategory  category);
gboolean            rd_incident_counts_for_community_trigger (RdIncident *incident);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdCommunityTrigger, rd_community_trigger_free)

G_END_DECLS
