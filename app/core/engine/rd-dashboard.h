/* rd-dashboard.h: what a case needs next: its deadlines in order, each with one next step.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-case-facts.h"
#include "rd-community-trigger.h"
#include "rd-deadline.h"
#include "rd-letter.h"
#include "rd-policy.h"
#include "rd-remedies.h"

G_BEGIN_DECLS

/* The order the dashboard shows its groups in. */
typedef enum {
  RD_DASHBOARD_OVERDUE,   /* not done and past its date */
  RD_DASHBOARD_DUE_SOON,  /* not done, due within 5 working days */
  RD_DASHBOARD_LATER,     /* not done, due later */
  RD_DASHBOARD_DONE,      /* done, in time or late, or settled */
  RD_DASHBOARD_N_GROUPS
} RdDashboardGroup;

/* A final-stage response this many working days late is for the
 * Ombudsman; before that, chase it. */
#define RD_DASHBOARD_OMBUDSMAN_AFTER 10

typedef enum {
  RD_NEXT_STEP_NONE,         /* nothing to do about it */
  RD_NEXT_STEP_WAIT,         /* wait, and chase if it does not come */
  RD_NEXT_STEP_CHASE,        /* send a chaser */
  RD_NEXT_STEP_ESCALATE,     /* ask for the complaint to go to the next stage */
  RD_NEXT_STEP_OMBUDSMAN,    /* refer the complaint to the Housing Ombudsman */
  RD_NEXT_STEP_CASE_REVIEW,  /* ask the council for an ASB Case Review */
} RdNextStep;

#define RD_TYPE_DASHBOARD_ITEM (rd_dashboard_item_get_type ())
G_DECLARE_FINAL_TYPE (RdDashboardItem, rd_dashboard_item, RD, DASHBOARD_ITEM, GObject)

#define RD_TYPE_DASHBOARD (rd_dashboard_get_type ())
G_DECLARE_FINAL_TYPE (RdDashboard, rd_dashboard, RD, DASHBOARD, GObject)

RdDashboard        *rd_dashboard_new                  (RdCaseFacts     *facts,
                                                       RdPolicy        *landlord,
                                                       const GDate     *today);
GListModel         *rd_dashboard_get_items            (RdDashboard     *self);
guint               rd_dashboard_count                (RdDashboard     *self,
                                                       RdDashboardGroup group);
RdCommunityTrigger *rd_dashboard_get_community_trigger (RdDashboard    *self);
RdRemedies         *rd_dashboard_get_remedies         (RdDashboard     *self);
guint               rd_dashboard_get_n_notes          (RdDashboard     *self);
const char         *rd_dashboard_get_note             (RdDashboard     *self,
                                                       guint            index);
const GDate        *rd_dashboard_get_today            (RdDashboard     *self);
guint               rd_dashboard_get_sentences_made   (RdDashboard     *self);
guint               rd_dashboard_get_explanations_made (RdDashboard    *self);
GPtrArray          *rd_dashboard_get_complaint_deadlines (RdDashboard  *self,
                                                       gint64           complaint_id);

RdDeadline         *rd_dashboard_item_get_deadline    (RdDashboardItem *self);
RdDashboardGroup    rd_dashboard_item_get_group       (RdDashboardItem *self);
RdNextStep          rd_dashboard_item_get_next_step   (RdDashboardItem *self);
const char         *rd_dashboard_item_get_title       (RdDashboardItem *self);
const char         *rd_dashboard_item_get_context     (RdDashboardItem *self);
const char         *rd_dashboard_item_get_status_text (RdDashboardItem *self);
char               *rd_dashboard_item_dup_status_text (RdDashboardItem *self);
const char         *rd_dashboard_item_get_explanation (RdDashboardItem *self);
const char         *rd_dashboard_item_get_advice      (RdDashboardItem *self);
gint64              rd_dashboard_item_get_complaint_id (RdDashboardItem *self);
int                 rd_dashboard_item_get_working_days_late (RdDashboardItem *self);
const GDate        *rd_dashboard_item_get_due_date    (RdDashboardItem *self);
gboolean            rd_dashboard_item_is_due_next_working_day (RdDashboardItem *self);
gboolean            rd_dashboard_item_is_done_late    (RdDashboardItem *self);
const char         *rd_dashboard_item_get_key         (RdDashboardItem *self);

const char         *rd_dashboard_group_get_label      (RdDashboardGroup group);
const char         *rd_next_step_get_label            (RdNextStep       step);
const char         *rd_next_step_to_key               (RdNextStep       step);
gboolean            rd_next_step_get_letter           (RdNextStep       step,
                                                       RdLetterKind    *kind);

G_END_DECLS
