/* rd-contact.h: one exchange with the landlord or another body, and what was promised.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-types.h"
#include "rd-events.h"

G_BEGIN_DECLS

#define RD_TYPE_CONTACT (rd_contact_get_type ())
G_DECLARE_FINAL_TYPE (RdContact, rd_contact, RD, CONTACT, GObject)

#define RD_CONTACT_ERROR (rd_contact_error_quark ())

typedef enum {
  RD_CONTACT_ERROR_NO_TIME,
  RD_CONTACT_ERROR_IN_FUTURE,
  RD_CONTACT_ERROR_PROMISE_BEFORE_CONTACT,
  RD_CONTACT_ERROR_PROMISE_DATE_WITHOUT_PROMISE,
} RdContactError;

GQuark              rd_contact_error_quark       (void);

RdContact          *rd_contact_new               (void);
RdContact          *rd_contact_copy              (RdContact          *self);
gboolean            rd_contact_content_equal     (RdContact          *a,
                                                  RdContact          *b);

gint64              rd_contact_get_id            (RdContact          *self);
void                rd_contact_set_id            (RdContact          *self,
                                                  gint64              id);
gint64              rd_contact_get_case_id       (RdContact          *self);
void                rd_contact_set_case_id       (RdContact          *self,
                                                  gint64              case_id);
GDateTime          *rd_contact_get_occurred_at   (RdContact          *self);
void                rd_contact_set_occurred_at   (RdContact          *self,
                                                  GDateTime          *occurred_at);
RdContactDirection  rd_contact_get_direction     (RdContact          *self);
void                rd_contact_set_direction     (RdContact          *self,
                                                  RdContactDirection  direction);
RdContactChannel    rd_contact_get_channel       (RdContact          *self);
void                rd_contact_set_channel       (RdContact          *self,
                                                  RdContactChannel    channel);
gint64              rd_contact_get_party_id      (RdContact          *self);
void                rd_contact_set_party_id      (RdContact          *self,
                                                  gint64              party_id);
const char         *rd_contact_get_person        (RdContact          *self);
void                rd_contact_set_person        (RdContact          *self,
                                                  const char         *person);
const char         *rd_contact_get_summary       (RdContact          *self);
void                rd_contact_set_summary       (RdContact          *self,
                                                  const char         *summary);
const char         *rd_contact_get_promise       (RdContact          *self);
void                rd_contact_set_promise       (RdContact          *self,
                                                  const char         *promise);
const GDate        *rd_contact_get_promise_due   (RdContact          *self);
void                rd_contact_set_promise_due   (RdContact          *self,
                                                  const GDate        *due);
gint64              rd_contact_get_created_at    (RdContact          *self);
void                rd_contact_set_created_at    (RdContact          *self,
                                                  gint64              unix_time);
gint64              rd_contact_get_updated_at    (RdContact          *self);
void                rd_contact_set_updated_at    (RdContact          *self,
                                                  gint64              unix_time);

char               *rd_contact_dup_headline      (RdContact          *self);
gboolean            rd_contact_has_promise       (RdContact          *self);
gboolean            rd_contact_matches_text      (RdContact          *self,
                                                  const char         *casefolded_needle,
                                                  const char         *who);
gboolean            rd_contact_validate          (RdContact          *self,
                                                  GDateTime          *now,
                                                  GError            **error);

G_END_DECLS
