/* rd-events.h: the kinds of things that happen in a case, shared by the
 * complaint tracker, the contact log and the deadline engine.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Stage events of a formal complaint. Stored by key (see the complaint
 * tracker), so never renumber: add at the end. */
typedef enum {
  RD_COMPLAINT_EVENT_MADE,                  /* the resident made the complaint (stage 1) */
  RD_COMPLAINT_EVENT_ACKNOWLEDGED,          /* the landlord acknowledged a stage */
  RD_COMPLAINT_EVENT_RESPONSE,              /* the landlord's response at a stage */
  RD_COMPLAINT_EVENT_ESCALATION_REQUESTED,  /* the resident asked for the next stage */
  RD_COMPLAINT_EVENT_EXTENSION_NOTIFIED,    /* the landlord gave a new date, with a reason */
  RD_COMPLAINT_EVENT_FINAL_RESPONSE,        /* the landlord's final response */
  RD_COMPLAINT_EVENT_REFERRED,              /* referred to the Housing Ombudsman */
  RD_COMPLAINT_EVENT_OMBUDSMAN_DECISION,    /* the Ombudsman's determination */
  RD_COMPLAINT_EVENT_N_KINDS /*< skip >*/
} RdComplaintEventKind;

typedef enum {
  RD_CONTACT_TO,    /* the resident (or adviser) contacted them */
  RD_CONTACT_FROM,  /* they contacted the resident */
} RdContactDirection;

typedef enum {
  RD_CHANNEL_EMAIL,
  RD_CHANNEL_PHONE,
  RD_CHANNEL_LETTER,
  RD_CHANNEL_WEB_FORM,
  RD_CHANNEL_WEBCHAT,
  RD_CHANNEL_VISIT,
  RD_CHANNEL_MP_ENQUIRY,
  RD_CHANNEL_N_CHANNELS /*< skip >*/
} RdContactChannel;

/* ASB risk levels a landlord's policy may set first-response times for. */
typedef enum {
  RD_ASB_RISK_HIGH,
  RD_ASB_RISK_MEDIUM,
  RD_ASB_RISK_LOW,
  RD_ASB_RISK_N_LEVELS /*< nick=unknown >*/
} RdAsbRisk;

/* Storage keys and labels. A key is what the database and the case JSON
 * hold ("extension-notified"); a label is what a resident reads. Unknown
 * keys are refused by the *_from_key functions (they return FALSE), so an
 * import can say which field is wrong. */
const char *rd_complaint_event_kind_to_key    (RdComplaintEventKind  kind);
gboolean    rd_complaint_event_kind_from_key  (const char           *key,
                                               RdComplaintEventKind *out);
const char *rd_complaint_event_kind_get_label (RdComplaintEventKind  kind);

const char *rd_contact_direction_to_key       (RdContactDirection    direction);
gboolean    rd_contact_direction_from_key     (const char           *key,
                                               RdContactDirection   *out);
const char *rd_contact_direction_get_label    (RdContactDirection    direction);

const char *rd_contact_channel_to_key         (RdContactChannel      channel);
gboolean    rd_contact_channel_from_key       (const char           *key,
                                               RdContactChannel     *out);
const char *rd_contact_channel_get_label      (RdContactChannel      channel);

G_END_DECLS
