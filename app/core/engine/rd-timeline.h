/* rd-timeline.h: what a picture of a case shows: incidents by week, reports, contacts, deadlines.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-case-facts.h"
#include "rd-dashboard.h"
#include "rd-deadline.h"
#include "rd-policy.h"

G_BEGIN_DECLS

typedef enum {
  RD_TIMELINE_WEEK,      /* the incidents of one ISO 8601 week, counted by category */
  RD_TIMELINE_REPORT,    /* an incident the resident reported to the landlord */
  RD_TIMELINE_CONTACT,   /* an exchange with the landlord or someone else */
  RD_TIMELINE_STAGE,     /* a complaint deadline: when it was due, when it was met */
  RD_TIMELINE_REFERRAL,  /* the time the resident has to go to the Housing Ombudsman */
  RD_TIMELINE_PROMISE,   /* something promised in a contact, by a date: kept or broken */
  RD_TIMELINE_REPAIR,    /* a repair, by the priority the landlord's policy gives it */
  RD_TIMELINE_HAZARD,    /* a step the landlord must take under Awaab's Law */
  RD_TIMELINE_N_KINDS
} RdTimelineKind;

typedef struct
{
  RdTimelineKind      kind;
  GDate               date;        /* the week's Monday, the day, the due date, or the window's start */
  GDate               end;         /* the week's Sunday, the day a deadline was met (unset when it
                                    * was not), or the window's last day */
  int                 week;        /* ISO 8601 week number and its year, for RD_TIMELINE_WEEK */
  int                 week_year;
  guint               counts[RD_CATEGORY_N_CATEGORIES];
  guint               total;
  RdCategory          category;    /* RD_TIMELINE_REPORT */
  RdContactDirection  direction;   /* RD_TIMELINE_CONTACT */
  gboolean            landlord;    /* RD_TIMELINE_CONTACT: with the landlord, not the police…;
                                    * RD_TIMELINE_PROMISE: made by the landlord */
  RdDeadlineKind      deadline_kind;  /* the deadline kinds, STAGE to HAZARD */
  RdDeadlineStatus    status;
  gint64              complaint;   /* the deadline's complaint, so each is drawn on its own rows;
                                    * for the others, the contact or diary entry it comes from */
  guint               stage;
  int                 row;         /* a deadline's row in its lane (complaint stages, repairs
                                    * and Awaab's Law, the Ombudsman's window), or -1 */
  gboolean            row_shared;  /* other deadlines are drawn on the same row (a lane has
                                    * a limited number of rows) */
  char               *when;        /* "Monday 4 March 2024", "Week 10 of 2024, from …" */
  char               *title;       /* "3 incidents", "Stage 1 response" */
  char               *detail;      /* "Noise: 2, Harassment: 1", "Answered 2 working days late",
                                    * "Kept in time", or "" */
  char               *heading;     /* RD_TIMELINE_CONTACT: the channel, direction and who it was
                                    * with ("Email to Complaints team"); NULL for the others */
  char               *about;       /* RD_TIMELINE_CONTACT: the first words of its summary, or NULL.
                                    * Heading and about are what the resident wrote: the window's
                                    * list says them, the picture and its files never do */
  guint64             digest;      /* of when, title and detail (and heading and about, where
                                    * set), made with the timeline (where it is made: a worker,
                                    * for the window): two items with the same digest read the
                                    * same */
} RdTimelineItem;

typedef struct _RdTimeline RdTimeline;

RdTimeline           *rd_timeline_new            (RdCaseFacts          *facts,
                                                  RdPolicy             *landlord,
                                                  const GDate          *today);
RdTimeline           *rd_timeline_new_for_dashboard (RdCaseFacts *facts,
                                                     RdDashboard *dashboard);
RdTimeline           *rd_timeline_ref            (RdTimeline           *self);
void                  rd_timeline_unref          (RdTimeline           *self);
guint                 rd_timeline_get_n_items    (RdTimeline           *self);
const RdTimelineItem *rd_timeline_get_item       (RdTimeline           *self,
                                                  guint                 index);
const GDate          *rd_timeline_get_first      (RdTimeline           *self);
const GDate          *rd_timeline_get_last       (RdTimeline           *self);
const GDate          *rd_timeline_get_today      (RdTimeline           *self);
guint                 rd_timeline_count_kind     (RdTimeline           *self,
                                                  RdTimelineKind        kind);
guint                 rd_timeline_count_rows     (RdTimeline           *self,
                                                  RdTimelineKind        lane);
guint                 rd_timeline_get_max_week_total (RdTimeline       *self);
char                 *rd_timeline_item_dup_text  (const RdTimelineItem *item);
char                 *rd_timeline_item_dup_spoken (const RdTimelineItem *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdTimeline, rd_timeline_unref)

G_END_DECLS
