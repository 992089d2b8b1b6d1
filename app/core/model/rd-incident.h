/* rd-incident.h: one dated entry in a resident's diary.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-events.h"
#include "rd-asb-report.h"
#include "rd-service-loss.h"
#include "rd-landlord-steps.h"
#include "rd-policy.h"
#include "rd-types.h"

G_BEGIN_DECLS

#define RD_TYPE_INCIDENT (rd_incident_get_type ())
G_DECLARE_FINAL_TYPE (RdIncident, rd_incident, RD, INCIDENT, GObject)

typedef enum {
  RD_CATEGORY_NOISE,
  RD_CATEGORY_HARASSMENT,
  RD_CATEGORY_VIOLENCE,
  RD_CATEGORY_DAMAGE,
  RD_CATEGORY_DOMESTIC_ABUSE,
  RD_CATEGORY_DISREPAIR,
  RD_CATEGORY_OTHER,
  RD_CATEGORY_N_CATEGORIES /*< skip >*/
} RdCategory;

typedef enum {
  RD_REPORTED_NONE     = 0,
  RD_REPORTED_POLICE   = 1 << 0,
  RD_REPORTED_LANDLORD = 1 << 1,
  RD_REPORTED_COUNCIL  = 1 << 2,
  RD_REPORTED_OTHER    = 1 << 3,
} RdReportedTo;

#define RD_REPORTED_ALL (RD_REPORTED_POLICE | RD_REPORTED_LANDLORD | RD_REPORTED_COUNCIL | RD_REPORTED_OTHER)

#define RD_INCIDENT_ERROR (rd_incident_error_quark ())

typedef enum {
  RD_INCIDENT_ERROR_NO_START,
  RD_INCIDENT_ERROR_START_IN_FUTURE,
  RD_INCIDENT_ERROR_END_BEFORE_START,
  RD_INCIDENT_ERROR_REPORTED_IN_FUTURE,
  RD_INCIDENT_ERROR_STEP_IN_FUTURE,
  RD_INCIDENT_ERROR_STEP_BEFORE_REPORT,
  RD_INCIDENT_ERROR_NOT_FOR_CATEGORY,
} RdIncidentError;

GQuark        rd_incident_error_quark       (void);

RdIncident   *rd_incident_new               (void);
RdIncident   *rd_incident_copy              (RdIncident   *self);
gboolean      rd_incident_content_equal     (RdIncident   *a,
                                             RdIncident   *b);

gint64        rd_incident_get_id            (RdIncident   *self);
void          rd_incident_set_id            (RdIncident   *self,
                                             gint64        id);
gint64        rd_incident_get_case_id       (RdIncident   *self);
void          rd_incident_set_case_id       (RdIncident   *self,
                                             gint64        case_id);
GDateTime    *rd_incident_get_starts_at     (RdIncident   *self);
void          rd_incident_set_starts_at     (RdIncident   *self,
                                             GDateTime    *starts_at);
GDateTime    *rd_incident_get_ends_at       (RdIncident   *self);
void          rd_incident_set_ends_at       (RdIncident   *self,
                                             GDateTime    *ends_at);
RdCategory    rd_incident_get_category      (RdIncident   *self);
void          rd_incident_set_category      (RdIncident   *self,
                                             RdCategory    category);
const char   *rd_incident_get_location      (RdIncident   *self);
void          rd_incident_set_location      (RdIncident   *self,
                                             const char   *location);
const char   *rd_incident_get_description   (RdIncident   *self);
void          rd_incident_set_description   (RdIncident   *self,
                                             const char   *description);
const char   *rd_incident_get_impact        (RdIncident   *self);
void          rd_incident_set_impact        (RdIncident   *self,
                                             const char   *impact);
const char   *rd_incident_get_people        (RdIncident   *self);
void          rd_incident_set_people        (RdIncident   *self,
                                             const char   *people);
const char   *rd_incident_get_witnesses     (RdIncident   *self);
void          rd_incident_set_witnesses     (RdIncident   *self,
                                             const char   *witnesses);
RdReportedTo  rd_incident_get_reported_to   (RdIncident   *self);
void          rd_incident_set_reported_to   (RdIncident   *self,
                                             RdReportedTo  reported_to);
const char   *rd_incident_get_reference     (RdIncident   *self);
void          rd_incident_set_reference     (RdIncident   *self,
                                             const char   *reference);
const GDate  *rd_incident_get_landlord_reported_on     (RdIncident    *self);
void          rd_incident_set_landlord_reported_on     (RdIncident    *self,
                                                        const GDate   *date);
int           rd_incident_get_landlord_reported_minute (RdIncident    *self);
void          rd_incident_set_landlord_reported_minute (RdIncident    *self,
                                                        int            minute);
RdAsbRisk     rd_incident_get_asb_risk      (RdIncident   *self);
void          rd_incident_set_asb_risk      (RdIncident   *self,
                                             RdAsbRisk     risk);
/* rd_asb_report_to_key() of an RdAsbReport: when it was reported to the
 * police and the council, and whether it was a hate incident ("" if none) */
const char   *rd_incident_get_asb_report      (RdIncident *self);
void          rd_incident_set_asb_report      (RdIncident *self,
                                               const char *key);
/* rd_service_loss_to_key() of an RdServiceLoss: heating, hot water or
 * power lost, from and until which days ("" if none) */
const char   *rd_incident_get_service_loss    (RdIncident *self);
void          rd_incident_set_service_loss    (RdIncident *self,
                                               const char *key);
const char   *rd_incident_get_repair_priority (RdIncident *self);
void          rd_incident_set_repair_priority (RdIncident *self,
                                               const char *priority);
RdHazardLevel rd_incident_get_hazard        (RdIncident   *self);
void          rd_incident_set_hazard        (RdIncident   *self,
                                             RdHazardLevel hazard);
const RdLandlordSteps *rd_incident_get_landlord_steps (RdIncident            *self);
void          rd_incident_set_landlord_steps (RdIncident            *self,
                                              const RdLandlordSteps *steps);
gint64        rd_incident_get_created_at    (RdIncident   *self);
void          rd_incident_set_created_at    (RdIncident   *self,
                                             gint64        unix_time);
gint64        rd_incident_get_updated_at    (RdIncident   *self);
void          rd_incident_set_updated_at    (RdIncident   *self,
                                             gint64        unix_time);

gboolean      rd_incident_get_landlord_reported (RdIncident *self,
                                                 RdMoment   *moment);

char         *rd_incident_dup_summary       (RdIncident   *self);
gboolean      rd_incident_matches_text      (RdIncident   *self,
                                             const char   *casefolded_needle);
const char   *rd_incident_get_misplaced_field   (RdIncident *self);
void          rd_incident_drop_misplaced_fields (RdIncident *self);
gboolean      rd_incident_validate          (RdIncident   *self,
                                             GDateTime    *now,
                                             GError      **error);

const char   *rd_category_to_string         (RdCategory    category);
RdCategory    rd_category_from_string       (const char   *key);
const char   *rd_category_get_label         (RdCategory    category);
const char   *rd_category_get_icon_name     (RdCategory    category);
gboolean      rd_category_is_asb            (RdCategory    category);
gboolean      rd_category_is_repair         (RdCategory    category);

/* An ASB report's risk level and a hazard's level as the diary keeps them:
 * %RD_ASB_RISK_N_LEVELS is "not known", %RD_HAZARD_N_LEVELS is "not an
 * Awaab's Law hazard" (keys "unknown" and "none"). */
const char   *rd_asb_risk_to_key            (RdAsbRisk      risk);
gboolean      rd_asb_risk_from_key          (const char    *key,
                                             RdAsbRisk     *out);
const char   *rd_asb_risk_get_label         (RdAsbRisk      risk);
const char   *rd_hazard_level_to_key        (RdHazardLevel  level);
gboolean      rd_hazard_level_from_key      (const char    *key,
                                             RdHazardLevel *out);
const char   *rd_hazard_level_get_label     (RdHazardLevel  level);

char         *rd_reported_to_to_string      (RdReportedTo  flags);
RdReportedTo  rd_reported_to_from_string    (const char   *text);
char         *rd_reported_to_get_label      (RdReportedTo  flags);

G_END_DECLS
