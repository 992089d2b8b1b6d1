/* rd-case.h: one dispute between a resident and a landlord.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-types.h"

G_BEGIN_DECLS

#define RD_TYPE_CASE (rd_case_get_type ())
G_DECLARE_FINAL_TYPE (RdCase, rd_case, RD, CASE, GObject)

typedef enum {
  RD_TENANCY_UNKNOWN,
  RD_TENANCY_SECURE,
  RD_TENANCY_ASSURED,
  RD_TENANCY_ASSURED_SHORTHOLD,
  RD_TENANCY_STARTER,
  RD_TENANCY_SHARED_OWNERSHIP,
  RD_TENANCY_LEASEHOLD,
  RD_TENANCY_LICENCE,
  RD_TENANCY_OTHER,
  RD_TENANCY_AFFORDABLE_RENT,
  RD_TENANCY_SUPPORTED,        /*< nick=supported-housing >*/
  RD_TENANCY_TEMPORARY,        /*< nick=temporary-accommodation >*/
  RD_TENANCY_PRIVATE,          /*< nick=private-rent >*/
  RD_TENANCY_N_TYPES /*< skip >*/
} RdTenancyType;

/* Which country's law the home is under: the Housing Ombudsman, its
 * Complaint Handling Code and Awaab's Law are England's; a social
 * landlord in Wales answers to the Public Services Ombudsman for Wales. */
typedef enum {
  RD_COUNTRY_ENGLAND,
  RD_COUNTRY_WALES,
  RD_COUNTRY_N /*< skip >*/
} RdCountry;

/* An ASB Case Review's threshold, as the council sets it: the usual one is
 * three reports within six months; a council may ask for more, or accept
 * a single hate incident. */
#define RD_ASB_REVIEW_DEFAULT_REPORTS 3
#define RD_ASB_REVIEW_MAX_REPORTS     20

RdCase        *rd_case_new                 (void);

gint64         rd_case_get_id              (RdCase      *self);
void           rd_case_set_id              (RdCase      *self,
                                            gint64       id);
const char    *rd_case_get_title           (RdCase      *self);
void           rd_case_set_title           (RdCase      *self,
                                            const char  *title);
const char    *rd_case_get_resident_name   (RdCase      *self);
void           rd_case_set_resident_name   (RdCase      *self,
                                            const char  *name);
const char    *rd_case_get_address         (RdCase      *self);
void           rd_case_set_address         (RdCase      *self,
                                            const char  *address);
const char    *rd_case_get_landlord_name   (RdCase      *self);
void           rd_case_set_landlord_name   (RdCase      *self,
                                            const char  *name);
RdTenancyType  rd_case_get_tenancy_type    (RdCase      *self);
void           rd_case_set_tenancy_type    (RdCase      *self,
                                            RdTenancyType type);
RdCountry      rd_case_get_country         (RdCase      *self);
void           rd_case_set_country         (RdCase      *self,
                                            RdCountry    country);
guint          rd_case_get_asb_review_reports (RdCase   *self);
void           rd_case_set_asb_review_reports (RdCase   *self,
                                               guint     reports);
const GDate   *rd_case_get_aware_on           (RdCase      *self);
void           rd_case_set_aware_on           (RdCase      *self,
                                               const GDate *day);
gboolean       rd_case_get_asb_review_hate    (RdCase   *self);
void           rd_case_set_asb_review_hate    (RdCase   *self,
                                               gboolean  one_is_enough);
const char    *rd_case_get_contact_preferences (RdCase  *self);
void           rd_case_set_contact_preferences (RdCase  *self,
                                                const char *text);
const char    *rd_case_get_adjustments     (RdCase      *self);
void           rd_case_set_adjustments     (RdCase      *self,
                                            const char  *text);
const char    *rd_case_get_notes           (RdCase      *self);
void           rd_case_set_notes           (RdCase      *self,
                                            const char  *notes);
gint64         rd_case_get_created_at      (RdCase      *self);
void           rd_case_set_created_at      (RdCase      *self,
                                            gint64       unix_time);
gint64         rd_case_get_updated_at      (RdCase      *self);
void           rd_case_set_updated_at      (RdCase      *self,
                                            gint64       unix_time);

gboolean       rd_case_get_is_sample       (RdCase      *self);
void           rd_case_set_is_sample       (RdCase      *self,
                                            gboolean     is_sample);

const char    *rd_case_get_document_language (RdCase    *self);
void           rd_case_set_document_language (RdCase    *self,
                                              const char *language);
const char    *rd_case_get_writing_language  (RdCase    *self);

gboolean       rd_case_validate            (RdCase      *self,
                                            GError     **error);

const char    *rd_tenancy_type_to_string   (RdTenancyType type);
RdTenancyType  rd_tenancy_type_from_string (const char  *key);
const char    *rd_tenancy_type_get_label   (RdTenancyType type);
const char    *rd_country_to_string        (RdCountry    country);
gboolean       rd_country_from_string      (const char  *key,
                                            RdCountry   *country);
const char    *rd_country_get_label        (RdCountry    country);

G_END_DECLS
