/* rd-complaint-event.h: one dated step in a complaint (made, acknowledged, extended…).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-types.h"
#include "rd-events.h"

G_BEGIN_DECLS

#define RD_TYPE_COMPLAINT_EVENT (rd_complaint_event_get_type ())
G_DECLARE_FINAL_TYPE (RdComplaintEvent, rd_complaint_event, RD, COMPLAINT_EVENT, GObject)

#define RD_COMPLAINT_EVENT_ERROR (rd_complaint_event_error_quark ())

typedef enum {
  RD_COMPLAINT_EVENT_ERROR_NO_DATE,
  RD_COMPLAINT_EVENT_ERROR_IN_FUTURE,
  RD_COMPLAINT_EVENT_ERROR_NO_NEW_DATE,
  RD_COMPLAINT_EVENT_ERROR_NEW_DATE_TOO_EARLY,
  RD_COMPLAINT_EVENT_ERROR_BAD_STAGE,
} RdComplaintEventError;

/* Landlords that still run a third stage exist in older complaints. */
#define RD_COMPLAINT_MAX_STAGE 3

GQuark                rd_complaint_event_error_quark      (void);

RdComplaintEvent     *rd_complaint_event_new              (RdComplaintEventKind  kind);
RdComplaintEvent     *rd_complaint_event_copy             (RdComplaintEvent     *self);
gboolean              rd_complaint_event_content_equal    (RdComplaintEvent     *a,
                                                           RdComplaintEvent     *b);

gint64                rd_complaint_event_get_id           (RdComplaintEvent     *self);
void                  rd_complaint_event_set_id           (RdComplaintEvent     *self,
                                                           gint64                id);
gint64                rd_complaint_event_get_complaint_id (RdComplaintEvent     *self);
void                  rd_complaint_event_set_complaint_id (RdComplaintEvent     *self,
                                                           gint64                complaint_id);
RdComplaintEventKind  rd_complaint_event_get_kind         (RdComplaintEvent     *self);
void                  rd_complaint_event_set_kind         (RdComplaintEvent     *self,
                                                           RdComplaintEventKind  kind);
guint                 rd_complaint_event_get_stage        (RdComplaintEvent     *self);
void                  rd_complaint_event_set_stage        (RdComplaintEvent     *self,
                                                           guint                 stage);
const GDate          *rd_complaint_event_get_date         (RdComplaintEvent     *self);
void                  rd_complaint_event_set_date         (RdComplaintEvent     *self,
                                                           const GDate          *date);
const GDate          *rd_complaint_event_get_new_date     (RdComplaintEvent     *self);
void                  rd_complaint_event_set_new_date     (RdComplaintEvent     *self,
                                                           const GDate          *date);
const char           *rd_complaint_event_get_reason       (RdComplaintEvent     *self);
void                  rd_complaint_event_set_reason       (RdComplaintEvent     *self,
                                                           const char           *reason);
const char           *rd_complaint_event_get_notes        (RdComplaintEvent     *self);
void                  rd_complaint_event_set_notes        (RdComplaintEvent     *self,
                                                           const char           *notes);
gint64                rd_complaint_event_get_contact_id   (RdComplaintEvent     *self);
void                  rd_complaint_event_set_contact_id   (RdComplaintEvent     *self,
                                                           gint64                contact_id);

char                 *rd_complaint_event_dup_title        (RdComplaintEvent     *self);
gboolean              rd_complaint_event_validate         (RdComplaintEvent     *self,
                                                           const GDate          *today,
                                                           GError              **error);
gint                  rd_complaint_event_compare          (gconstpointer         a,
                                                           gconstpointer         b,
                                                           gpointer              user_data);

G_END_DECLS
