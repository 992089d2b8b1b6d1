/* rd-party.h: a person or body involved in a case (officer, neighbour, police…).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-types.h"

G_BEGIN_DECLS

#define RD_TYPE_PARTY (rd_party_get_type ())
G_DECLARE_FINAL_TYPE (RdParty, rd_party, RD, PARTY, GObject)

/* Stored by key, so never renumber: add at the end. */
typedef enum {
  RD_PARTY_LANDLORD_OFFICER,
  RD_PARTY_NEIGHBOUR,
  RD_PARTY_POLICE,
  RD_PARTY_COUNCIL,
  RD_PARTY_MP,
  RD_PARTY_SOLICITOR,
  RD_PARTY_SUPPORT_WORKER,
  RD_PARTY_OTHER,
  RD_PARTY_N_ROLES /*< skip >*/
} RdPartyRole;

RdParty     *rd_party_new                 (void);
RdParty     *rd_party_copy                (RdParty      *self);

gint64       rd_party_get_id              (RdParty      *self);
void         rd_party_set_id              (RdParty      *self,
                                           gint64        id);
gint64       rd_party_get_case_id         (RdParty      *self);
void         rd_party_set_case_id         (RdParty      *self,
                                           gint64        case_id);
const char  *rd_party_get_name            (RdParty      *self);
void         rd_party_set_name            (RdParty      *self,
                                           const char   *name);
RdPartyRole  rd_party_get_role            (RdParty      *self);
void         rd_party_set_role            (RdParty      *self,
                                           RdPartyRole   role);
const char  *rd_party_get_organisation    (RdParty      *self);
void         rd_party_set_organisation    (RdParty      *self,
                                           const char   *organisation);
gboolean     rd_party_get_third_party     (RdParty      *self);
void         rd_party_set_third_party     (RdParty      *self,
                                           gboolean      third_party);
const char  *rd_party_get_notes           (RdParty      *self);
void         rd_party_set_notes           (RdParty      *self,
                                           const char   *notes);

char        *rd_party_dup_display_name    (RdParty      *self);
char        *rd_party_describe            (const char   *name,
                                           RdPartyRole   role);
gboolean     rd_party_validate            (RdParty      *self,
                                           GError      **error);

const char  *rd_party_role_to_key         (RdPartyRole   role);
gboolean     rd_party_role_from_key       (const char   *key,
                                           RdPartyRole  *out);
const char  *rd_party_role_get_label      (RdPartyRole   role);
gboolean     rd_party_role_default_third_party (RdPartyRole role);

G_END_DECLS
