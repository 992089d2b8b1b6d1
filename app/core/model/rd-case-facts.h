/* rd-case-facts.h: everything recorded about one case, loaded at once, for
 * the dashboard, letters and exports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rd-types.h"
#include "rd-case.h"
#include "rd-case-admin.h"
#include "rd-incident.h"
#include "rd-party.h"
#include "rd-contact.h"
#include "rd-complaint.h"
#include "rd-complaint-event.h"

G_BEGIN_DECLS

#define RD_TYPE_CASE_FACTS (rd_case_facts_get_type ())
G_DECLARE_FINAL_TYPE (RdCaseFacts, rd_case_facts, RD, CASE_FACTS, GObject)

RdCaseFacts      *rd_case_facts_new             (RdCase           *rcase);

RdCase           *rd_case_facts_get_case        (RdCaseFacts      *self);
RdCaseAdmin      *rd_case_facts_get_admin       (RdCaseFacts      *self);
void              rd_case_facts_set_admin       (RdCaseFacts      *self,
                                                 RdCaseAdmin      *admin);
GPtrArray        *rd_case_facts_get_parties     (RdCaseFacts      *self);
GPtrArray        *rd_case_facts_get_incidents   (RdCaseFacts      *self);
GPtrArray        *rd_case_facts_get_contacts    (RdCaseFacts      *self);
GPtrArray        *rd_case_facts_get_complaints  (RdCaseFacts      *self);
GPtrArray        *rd_case_facts_get_events      (RdCaseFacts      *self,
                                                 RdComplaint      *complaint);

void              rd_case_facts_add_lists       (RdCaseFacts      *self,
                                                 GListModel       *parties,
                                                 GListModel       *incidents,
                                                 GListModel       *contacts);
void              rd_case_facts_add_party       (RdCaseFacts      *self,
                                                 RdParty          *party);
void              rd_case_facts_add_incident    (RdCaseFacts      *self,
                                                 RdIncident       *incident);
void              rd_case_facts_add_contact     (RdCaseFacts      *self,
                                                 RdContact        *contact);
void              rd_case_facts_add_complaint   (RdCaseFacts      *self,
                                                 RdComplaint      *complaint);
void              rd_case_facts_add_event       (RdCaseFacts      *self,
                                                 RdComplaint      *complaint,
                                                 RdComplaintEvent *event);

RdParty          *rd_case_facts_find_party      (RdCaseFacts      *self,
                                                 gint64            party_id);
RdContact        *rd_case_facts_find_contact    (RdCaseFacts      *self,
                                                 gint64            contact_id);
char             *rd_case_facts_dup_contact_who (RdCaseFacts      *self,
                                                 RdContact        *contact);

G_END_DECLS
