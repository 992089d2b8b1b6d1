/* rd-complaint.h: a formal complaint: the points it covers and what the resident wants.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-types.h"

G_BEGIN_DECLS

#define RD_TYPE_COMPLAINT (rd_complaint_get_type ())
G_DECLARE_FINAL_TYPE (RdComplaint, rd_complaint, RD, COMPLAINT, GObject)

/* The outcomes a resident can ask for. Stored by key. */
typedef enum {
  RD_OUTCOME_NONE              = 0,
  RD_OUTCOME_APOLOGY           = 1 << 0,
  RD_OUTCOME_REPAIRS           = 1 << 1,
  RD_OUTCOME_ACTION_PERPETRATOR = 1 << 2,
  RD_OUTCOME_CCTV              = 1 << 3,
  RD_OUTCOME_COMPENSATION      = 1 << 4,
  RD_OUTCOME_NAMED_CONTACT     = 1 << 5,
  RD_OUTCOME_OTHER             = 1 << 6,
} RdOutcome;

#define RD_OUTCOME_ALL  ((RdOutcome) 0x7f)
#define RD_N_OUTCOMES   7

/* What a complaint is about, as far as it decides who takes it after the
 * landlord: a council's homelessness and allocations work is done as the
 * housing authority, not as a landlord. Stored by key (the nick). */
typedef enum {
  RD_COMPLAINT_SUBJECT_NOT_SAID,     /*< nick=not-said >*/
  RD_COMPLAINT_SUBJECT_REPAIRS,      /*< nick=repairs >*/
  RD_COMPLAINT_SUBJECT_ASB,          /*< nick=anti-social-behaviour >*/
  RD_COMPLAINT_SUBJECT_HOMELESSNESS, /*< nick=homelessness >*/
  RD_COMPLAINT_SUBJECT_ALLOCATIONS,  /*< nick=allocations >*/
  RD_COMPLAINT_SUBJECT_RENT,         /*< nick=rent-and-charges >*/
  RD_COMPLAINT_SUBJECT_SERVICE,      /*< nick=staff-and-service >*/
  RD_COMPLAINT_SUBJECT_OTHER,        /*< nick=other >*/
  RD_COMPLAINT_SUBJECT_N_SUBJECTS    /*< skip >*/
} RdComplaintSubject;

RdComplaint  *rd_complaint_new                (void);
RdComplaint  *rd_complaint_copy               (RdComplaint   *self);

gint64        rd_complaint_get_id             (RdComplaint   *self);
void          rd_complaint_set_id             (RdComplaint   *self,
                                               gint64         id);
gint64        rd_complaint_get_case_id        (RdComplaint   *self);
void          rd_complaint_set_case_id        (RdComplaint   *self,
                                               gint64         case_id);
const char   *rd_complaint_get_reference      (RdComplaint   *self);
void          rd_complaint_set_reference      (RdComplaint   *self,
                                               const char    *reference);
const char * const *rd_complaint_get_points   (RdComplaint   *self);
void          rd_complaint_set_points         (RdComplaint   *self,
                                               const char * const *points);
guint         rd_complaint_get_n_points       (RdComplaint   *self);
RdOutcome     rd_complaint_get_outcomes       (RdComplaint   *self);
void          rd_complaint_set_outcomes       (RdComplaint   *self,
                                               RdOutcome      outcomes);
const char   *rd_complaint_get_outcome_other  (RdComplaint   *self);
void          rd_complaint_set_outcome_other  (RdComplaint   *self,
                                               const char    *text);
const gint64 *rd_complaint_get_incident_ids    (RdComplaint   *self,
                                               guint         *n_ids);
void          rd_complaint_set_incident_ids    (RdComplaint   *self,
                                               const gint64  *ids,
                                               guint          n_ids);
gboolean      rd_complaint_has_incident       (RdComplaint   *self,
                                               gint64         incident_id);
RdComplaintSubject rd_complaint_get_subject   (RdComplaint   *self);
void          rd_complaint_set_subject        (RdComplaint   *self,
                                               RdComplaintSubject subject);
gint64        rd_complaint_get_created_at     (RdComplaint   *self);
void          rd_complaint_set_created_at     (RdComplaint   *self,
                                               gint64         unix_time);
gint64        rd_complaint_get_updated_at     (RdComplaint   *self);
void          rd_complaint_set_updated_at     (RdComplaint   *self,
                                               gint64         unix_time);

char         *rd_complaint_dup_title          (RdComplaint   *self);
gboolean      rd_complaint_content_equal      (RdComplaint   *a,
                                               RdComplaint   *b);

/* Outcomes: keys for storage and JSON, labels for the window. */
RdOutcome     rd_outcome_from_index           (guint          index);
const char   *rd_outcome_to_key               (RdOutcome      outcome);
gboolean      rd_outcome_from_key             (const char    *key,
                                               RdOutcome     *out);
const char   *rd_outcome_get_label            (RdOutcome      outcome);
char         *rd_outcomes_to_string           (RdOutcome      outcomes);
RdOutcome     rd_outcomes_from_string         (const char    *text);

/* Subjects: keys for storage, JSON and the CLI; labels for the window. */
const char   *rd_complaint_subject_to_key     (RdComplaintSubject subject);
gboolean      rd_complaint_subject_from_key   (const char    *key,
                                               RdComplaintSubject *out);
const char   *rd_complaint_subject_get_label  (RdComplaintSubject subject);

G_END_DECLS
