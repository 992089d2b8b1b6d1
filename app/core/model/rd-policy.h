/* rd-policy.h: a policy profile: the time limits that bind a landlord.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rd-types.h"
#include "rd-events.h"
#include "rd-limit.h"

G_BEGIN_DECLS

#define RD_TYPE_POLICY (rd_policy_get_type ())
G_DECLARE_FINAL_TYPE (RdPolicy, rd_policy, RD, POLICY, GObject)

#define RD_POLICY_ERROR (rd_policy_error_quark ())

typedef enum {
  RD_POLICY_ERROR_INVALID,
  RD_POLICY_ERROR_NOT_FOUND,
} RdPolicyError;

typedef enum {
  RD_POLICY_KIND_CODE,       /* a version of the Housing Ombudsman's Complaint Handling Code */
  RD_POLICY_KIND_AWAAB,      /* Awaab's Law (hazards in social housing) */
  RD_POLICY_KIND_LANDLORD,   /* a landlord's own policy, kept in the case file */
  RD_POLICY_KIND_WALES,      /* the Welsh model complaints policy, for homes in Wales */
} RdPolicyKind;

/* Complaint stages a profile can describe (landlords with a third stage exist). */
#define RD_POLICY_MAX_STAGES 3

typedef enum {
  RD_RESPOND_FROM_ACKNOWLEDGEMENT,  /* the response limit runs from the acknowledgement */
  RD_RESPOND_FROM_REQUEST,          /* …from the complaint or escalation request itself */
} RdRespondFrom;

typedef struct {
  RdLimit       acknowledge;    /* from the complaint (stage 1) or escalation request */
  RdLimit       respond;
  RdRespondFrom respond_from;
  RdLimit       extension;      /* the most a response may be put back, past its limit */
} RdPolicyStage;

/* The kinds of hazard Awaab's Law covers, phase by phase (see rd-awaab.h).
 * Stored by key: never renumber, add at the end. Every kind after the
 * emergency is a significant hazard of that kind; the time limits are the
 * same for all significant hazards. */
typedef enum {
  RD_HAZARD_EMERGENCY,             /* any hazard but overcrowding, an imminent risk */
  RD_HAZARD_SIGNIFICANT,           /*< nick=significant-damp-mould >*/
  RD_HAZARD_EXCESS_COLD,           /*< nick=significant-excess-cold >*/
  RD_HAZARD_EXCESS_HEAT,           /*< nick=significant-excess-heat >*/
  RD_HAZARD_FALLS,                 /*< nick=significant-falls >*/
  RD_HAZARD_STRUCTURAL_COLLAPSE,   /*< nick=significant-structural-collapse >*/
  RD_HAZARD_FIRE,                  /*< nick=significant-fire >*/ /* fire, flames and hot surfaces */
  RD_HAZARD_ELECTRICAL,            /*< nick=significant-electrical >*/
  RD_HAZARD_HYGIENE,               /*< nick=significant-hygiene >*/
  RD_HAZARD_FOOD_SAFETY,           /*< nick=significant-food-safety >*/
  RD_HAZARD_OTHER,                 /*< nick=significant-other >*/
  RD_HAZARD_N_LEVELS               /*< nick=none >*/
} RdHazardLevel;

/* The two sets of time limits: emergency, and significant (every other kind). */
#define RD_HAZARD_N_CLASSES 2
#define RD_HAZARD_CLASS(level) ((level) == RD_HAZARD_EMERGENCY ? RD_HAZARD_EMERGENCY : RD_HAZARD_SIGNIFICANT)

/* Awaab's Law requirements, each counted from the step named in its comment. */
typedef enum {
  RD_HAZARD_RULE_INVESTIGATE,    /* from the report */
  RD_HAZARD_RULE_SUMMARY,        /* written summary, from the end of the investigation */
  RD_HAZARD_RULE_MAKE_SAFE,      /* relevant safety work: emergency from the report,
                                  * significant from the end of the investigation */
  RD_HAZARD_RULE_WORKS_START,    /* further work physically begun, from the end of the
                                  * investigation */
  RD_HAZARD_N_RULES
} RdHazardRule;

typedef struct {
  char    *key;     /* "emergency", stable */
  char    *label;   /* "Emergency repair" */
  RdLimit  limit;   /* from the report */
} RdRepairPriority;

/* A landlord's own promise about a kind of contact, such as "reply to an MP
 * enquiry within 10 working days": the clock starts at a contact on
 * @channel (any channel when -1) in @direction, and stops at the
 * landlord's next contact with the resident. */
typedef struct {
  char               *label;
  int                 channel;
  RdContactDirection  direction;
  RdLimit             limit;
} RdPolicyRule;

GQuark          rd_policy_error_quark          (void);

RdPolicy       *rd_policy_new                  (RdPolicyKind         kind);
RdPolicy       *rd_policy_copy                 (RdPolicy            *self);
RdPolicy       *rd_policy_new_from_data        (const char          *data,
                                                GError             **error);
RdPolicy       *rd_policy_new_from_key_file    (GKeyFile            *key_file,
                                                const char          *group,
                                                GError             **error);
char           *rd_policy_to_data              (RdPolicy            *self);
gboolean        rd_policy_content_equal        (RdPolicy            *a,
                                                RdPolicy            *b);

gint64          rd_policy_get_id               (RdPolicy            *self);
void            rd_policy_set_id               (RdPolicy            *self,
                                                gint64               id);
RdPolicy       *rd_policy_get_wales_model_for_date (const GDate    *date);
RdPolicyKind    rd_policy_get_kind             (RdPolicy            *self);
const char     *rd_policy_get_key              (RdPolicy            *self);
const char     *rd_policy_get_name             (RdPolicy            *self);
void            rd_policy_set_name             (RdPolicy            *self,
                                                const char          *name);
const char     *rd_policy_get_based_on         (RdPolicy            *self);
void            rd_policy_set_based_on         (RdPolicy            *self,
                                                const char          *key);
const GDate    *rd_policy_get_valid_from       (RdPolicy            *self);
const char     *rd_policy_get_sources          (RdPolicy            *self);
const char     *rd_policy_get_notes            (RdPolicy            *self);
void            rd_policy_set_notes            (RdPolicy            *self,
                                                const char          *notes);

guint           rd_policy_get_n_stages         (RdPolicy            *self);
void            rd_policy_set_n_stages         (RdPolicy            *self,
                                                guint                n_stages);
const RdPolicyStage *rd_policy_get_stage       (RdPolicy            *self,
                                                guint                stage);
void            rd_policy_set_stage            (RdPolicy            *self,
                                                guint                stage,
                                                const RdPolicyStage *limits);
gboolean        rd_policy_get_has_stage_zero   (RdPolicy            *self);
void            rd_policy_set_has_stage_zero   (RdPolicy            *self,
                                                gboolean             has_stage_zero);
guint           rd_policy_get_max_stages       (RdPolicy            *self);
gboolean        rd_policy_get_stage_zero_forbidden (RdPolicy        *self);

const RdLimit  *rd_policy_get_resident_escalation (RdPolicy         *self);
void            rd_policy_set_resident_escalation (RdPolicy         *self,
                                                const RdLimit       *limit);
const RdLimit  *rd_policy_get_ombudsman_referral (RdPolicy          *self);
const RdLimit  *rd_policy_get_complaint_time_limit (RdPolicy        *self);
const RdLimit  *rd_policy_get_asb_first_response (RdPolicy          *self,
                                                RdAsbRisk            risk);
void            rd_policy_set_asb_first_response (RdPolicy          *self,
                                                RdAsbRisk            risk,
                                                const RdLimit       *limit);
const RdLimit  *rd_policy_get_hazard_limit     (RdPolicy            *self,
                                                RdHazardLevel        level,
                                                RdHazardRule         rule);

guint           rd_policy_get_n_repair_priorities (RdPolicy         *self);
const RdRepairPriority *rd_policy_get_repair_priority (RdPolicy     *self,
                                                guint                index);
const RdRepairPriority *rd_policy_find_repair_priority (RdPolicy    *self,
                                                const char          *key);
void            rd_policy_set_repair_priority  (RdPolicy            *self,
                                                const char          *key,
                                                const char          *label,
                                                const RdLimit       *limit);
void            rd_policy_remove_repair_priority (RdPolicy          *self,
                                                const char          *key);

guint           rd_policy_get_n_rules          (RdPolicy            *self);
const RdPolicyRule *rd_policy_get_rule         (RdPolicy            *self,
                                                guint                index);
void            rd_policy_add_rule             (RdPolicy            *self,
                                                const RdPolicyRule  *rule);
void            rd_policy_replace_rule         (RdPolicy            *self,
                                                guint                index,
                                                const RdPolicyRule  *rule);
void            rd_policy_remove_rule          (RdPolicy            *self,
                                                guint                index);

const RdOfficeHours *rd_policy_get_office_hours (RdPolicy           *self);
void            rd_policy_set_office_hours     (RdPolicy            *self,
                                                const RdOfficeHours *hours);

/* The profiles that ship with Redress (compiled in). */
RdPolicy       *rd_policy_get_code_for_date    (const GDate         *date);
GListModel     *rd_policy_list_code_versions   (void);
RdPolicy       *rd_policy_get_awaabs_law       (void);
RdPolicy       *rd_policy_new_landlord_from_code (const GDate       *date);

G_END_DECLS
