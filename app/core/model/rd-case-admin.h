/* rd-case-admin.h: what an adviser keeps about a client beside the case
 * itself: a client number for clients who prefer not to be named, whether
 * the case is archived, the client's consent to store their data, and the
 * authority to act for them (which the Ombudsman asks for).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-types.h"
#include "rd-case.h"

G_BEGIN_DECLS

/* Consent is asked for again this many months after it was given. */
#define RD_CONSENT_RENEW_MONTHS 6

#define RD_TYPE_CASE_ADMIN (rd_case_admin_get_type ())
G_DECLARE_FINAL_TYPE (RdCaseAdmin, rd_case_admin, RD, CASE_ADMIN, GObject)

RdCaseAdmin  *rd_case_admin_new                   (gint64        case_id);
RdCaseAdmin  *rd_case_admin_copy                  (RdCaseAdmin  *self);

gint64        rd_case_admin_get_case_id           (RdCaseAdmin  *self);
void          rd_case_admin_set_case_id           (RdCaseAdmin  *self,
                                                   gint64        case_id);
const char   *rd_case_admin_get_client_number     (RdCaseAdmin  *self);
void          rd_case_admin_set_client_number     (RdCaseAdmin  *self,
                                                   const char   *number);
gboolean      rd_case_admin_get_use_client_number (RdCaseAdmin  *self);
void          rd_case_admin_set_use_client_number (RdCaseAdmin  *self,
                                                   gboolean      use);
gint64        rd_case_admin_get_archived_at       (RdCaseAdmin  *self);
void          rd_case_admin_set_archived_at       (RdCaseAdmin  *self,
                                                   gint64        unix_time);
gboolean      rd_case_admin_get_archived          (RdCaseAdmin  *self);
const GDate  *rd_case_admin_get_consent_given     (RdCaseAdmin  *self);
void          rd_case_admin_set_consent_given     (RdCaseAdmin  *self,
                                                   const GDate  *date);
const GDate  *rd_case_admin_get_consent_renew     (RdCaseAdmin  *self);
void          rd_case_admin_set_consent_renew     (RdCaseAdmin  *self,
                                                   const GDate  *date);
void          rd_case_admin_give_consent          (RdCaseAdmin  *self,
                                                   const GDate  *date);
const GDate  *rd_case_admin_get_authority_date    (RdCaseAdmin  *self);
void          rd_case_admin_set_authority_date    (RdCaseAdmin  *self,
                                                   const GDate  *date);
const char   *rd_case_admin_get_authority_scope   (RdCaseAdmin  *self);
void          rd_case_admin_set_authority_scope   (RdCaseAdmin  *self,
                                                   const char   *scope);

gboolean      rd_case_admin_consent_due           (RdCaseAdmin  *self,
                                                   const GDate  *today);
char         *rd_case_admin_dup_authority         (RdCaseAdmin  *self);
gboolean      rd_case_admin_is_client_case        (RdCaseAdmin  *self);
gboolean      rd_case_admin_consent_prompt_due    (RdCaseAdmin  *self,
                                                   gboolean      adviser,
                                                   const GDate  *today);
char         *rd_case_admin_dup_consent_message   (RdCaseAdmin  *self,
                                                   const GDate  *today);
char         *rd_case_admin_dup_display_name      (RdCaseAdmin  *self,
                                                   RdCase       *rcase);

G_END_DECLS
