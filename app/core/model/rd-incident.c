/* rd-incident.c: one dated entry in a resident's diary.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-incident"

#include "config.h"

#include "rd-gettext.h"

#include "rd-datetime.h"
#include "rd-incident.h"
#include "rd-model-enums.h"
#include "rd-model-private.h"

struct _RdIncident
{
  GObject       parent_instance;

  gint64        id;
  gint64        case_id;
  GDateTime    *starts_at;
  GDateTime    *ends_at;
  RdCategory    category;
  char         *location;
  char         *description;
  char         *impact;
  char         *people;
  char         *witnesses;
  RdReportedTo  reported_to;
  char         *reference;
  GDate        *landlord_reported_on;      /* NULL: not reported to the landlord, or not known when */
  int           landlord_reported_minute;  /* -1 when the time of day is not known */
  RdAsbRisk     asb_risk;                  /* RD_ASB_RISK_N_LEVELS: not known */
  char         *repair_priority;           /* the landlord's priority for a repair, "" */
  RdHazardLevel hazard;                    /* RD_HAZARD_N_LEVELS: not an Awaab's Law hazard */
  /* What the landlord did about a repair or hazard; NULL when nothing is
   * recorded, as for most entries of a long diary held whole (72 bytes each) */
  RdLandlordSteps *steps;
  char         *asb_report;                /* rd_asb_report_to_key(): police and council report days, hate */
  char         *service_loss;              /* rd_service_loss_to_key(): heating, hot water or power lost */
  gint64        created_at;
  gint64        updated_at;
};

G_DEFINE_FINAL_TYPE (RdIncident, rd_incident, G_TYPE_OBJECT)
G_DEFINE_QUARK (rd-incident-error-quark, rd_incident_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_ID,
  PROP_STARTS_AT,
  PROP_ENDS_AT,
  PROP_CATEGORY,
  PROP_LOCATION,
  PROP_DESCRIPTION,
  PROP_IMPACT,
  PROP_PEOPLE,
  PROP_WITNESSES,
  PROP_REPORTED_TO,
  PROP_REFERENCE,
  PROP_LANDLORD_REPORTED_ON,
  PROP_LANDLORD_REPORTED_MINUTE,
  PROP_ASB_RISK,
  PROP_REPAIR_PRIORITY,
  PROP_HAZARD,
  PROP_LANDLORD_STEPS,
  PROP_ASB_REPORT,
  PROP_SERVICE_LOSS,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Every step unset; made in class_init, before any entry. */
static RdLandlordSteps no_steps;

static const RdLandlordSteps *
steps_of (RdIncident *self)
{
  return self->steps != NULL ? self->steps : &no_steps;
}

static void
rd_incident_finalize (GObject *object)
{
  RdIncident *self = (RdIncident *)object;

  g_clear_pointer (&self->starts_at, g_date_time_unref);
  g_clear_pointer (&self->ends_at, g_date_time_unref);
  _rd_model_clear_text (&self->location);
  _rd_model_clear_text (&self->description);
  _rd_model_clear_text (&self->asb_report);
  _rd_model_clear_text (&self->service_loss);
  _rd_model_clear_text (&self->impact);
  _rd_model_clear_text (&self->people);
  _rd_model_clear_text (&self->witnesses);
  _rd_model_clear_text (&self->reference);
  g_clear_pointer (&self->landlord_reported_on, g_date_free);
  _rd_model_clear_text (&self->repair_priority);
  g_clear_pointer (&self->steps, g_free);

  G_OBJECT_CLASS (rd_incident_parent_class)->finalize (object);
}

static void
rd_incident_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RdIncident *self = RD_INCIDENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_STARTS_AT:
      g_value_set_boxed (value, self->starts_at);
      break;
    case PROP_ENDS_AT:
      g_value_set_boxed (value, self->ends_at);
      break;
    case PROP_CATEGORY:
      g_value_set_enum (value, self->category);
      break;
    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_IMPACT:
      g_value_set_string (value, self->impact);
      break;
    case PROP_PEOPLE:
      g_value_set_string (value, self->people);
      break;
    case PROP_WITNESSES:
      g_value_set_string (value, self->witnesses);
      break;
    case PROP_REPORTED_TO:
      g_value_set_flags (value, self->reported_to);
      break;
    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;
    case PROP_LANDLORD_REPORTED_ON:
      g_value_set_boxed (value, self->landlord_reported_on);
      break;
    case PROP_LANDLORD_REPORTED_MINUTE:
      g_value_set_int (value, self->landlord_reported_minute);
      break;
    case PROP_ASB_RISK:
      g_value_set_enum (value, self->asb_risk);
      break;
    case PROP_REPAIR_PRIORITY:
      g_value_set_string (value, self->repair_priority);
      break;
    case PROP_HAZARD:
      g_value_set_enum (value, self->hazard);
      break;
    case PROP_LANDLORD_STEPS:
      g_value_take_string (value, rd_landlord_steps_to_key (steps_of (self)));
      break;
    case PROP_ASB_REPORT:
      g_value_set_string (value, self->asb_report);
      break;
    case PROP_SERVICE_LOSS:
      g_value_set_string (value, self->service_loss);
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    case PROP_SUMMARY:
      g_value_take_string (value, rd_incident_dup_summary (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_incident_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RdIncident *self = RD_INCIDENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      rd_incident_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_CASE_ID:
      rd_incident_set_case_id (self, g_value_get_int64 (value));
      break;
    case PROP_STARTS_AT:
      rd_incident_set_starts_at (self, g_value_get_boxed (value));
      break;
    case PROP_ENDS_AT:
      rd_incident_set_ends_at (self, g_value_get_boxed (value));
      break;
    case PROP_CATEGORY:
      rd_incident_set_category (self, g_value_get_enum (value));
      break;
    case PROP_LOCATION:
      rd_incident_set_location (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      rd_incident_set_description (self, g_value_get_string (value));
      break;
    case PROP_IMPACT:
      rd_incident_set_impact (self, g_value_get_string (value));
      break;
    case PROP_PEOPLE:
      rd_incident_set_people (self, g_value_get_string (value));
      break;
    case PROP_WITNESSES:
      rd_incident_set_witnesses (self, g_value_get_string (value));
      break;
    case PROP_REPORTED_TO:
      rd_incident_set_reported_to (self, g_value_get_flags (value));
      break;
    case PROP_REFERENCE:
      rd_incident_set_reference (self, g_value_get_string (value));
      break;
    case PROP_LANDLORD_REPORTED_ON:
      rd_incident_set_landlord_reported_on (self, g_value_get_boxed (value));
      break;
    case PROP_LANDLORD_REPORTED_MINUTE:
      rd_incident_set_landlord_reported_minute (self, g_value_get_int (value));
      break;
    case PROP_ASB_RISK:
      rd_incident_set_asb_risk (self, g_value_get_enum (value));
      break;
    case PROP_REPAIR_PRIORITY:
      rd_incident_set_repair_priority (self, g_value_get_string (value));
      break;
    case PROP_HAZARD:
      rd_incident_set_hazard (self, g_value_get_enum (value));
      break;
    case PROP_LANDLORD_STEPS:
      {
        RdLandlordSteps steps;

        if (rd_landlord_steps_from_key (g_value_get_string (value), &steps, NULL))
          rd_incident_set_landlord_steps (self, &steps);
        else
          g_warning ("“%s” is not a record of a landlord’s steps", g_value_get_string (value));
      }
      break;
    case PROP_ASB_REPORT:
      rd_incident_set_asb_report (self, g_value_get_string (value));
      break;
    case PROP_SERVICE_LOSS:
      rd_incident_set_service_loss (self, g_value_get_string (value));
      break;
    case PROP_CREATED_AT:
      rd_incident_set_created_at (self, g_value_get_int64 (value));
      break;
    case PROP_UPDATED_AT:
      rd_incident_set_updated_at (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_incident_class_init (RdIncidentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  rd_landlord_steps_init (&no_steps);
  object_class->finalize = rd_incident_finalize;
  object_class->get_property = rd_incident_get_property;
  object_class->set_property = rd_incident_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_STARTS_AT] =
    g_param_spec_boxed ("starts-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_ENDS_AT] =
    g_param_spec_boxed ("ends-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL, RD_TYPE_CATEGORY, RD_CATEGORY_NOISE, flags);
  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL, "", flags);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, "", flags);
  properties[PROP_IMPACT] =
    g_param_spec_string ("impact", NULL, NULL, "", flags);
  properties[PROP_PEOPLE] =
    g_param_spec_string ("people", NULL, NULL, "", flags);
  properties[PROP_WITNESSES] =
    g_param_spec_string ("witnesses", NULL, NULL, "", flags);
  properties[PROP_REPORTED_TO] =
    g_param_spec_flags ("reported-to", NULL, NULL, RD_TYPE_REPORTED_TO, RD_REPORTED_NONE, flags);
  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL, "", flags);
  /* The day the entry was reported to the landlord, when it was (a GDate) */
  properties[PROP_LANDLORD_REPORTED_ON] =
    g_param_spec_boxed ("landlord-reported-on", NULL, NULL, G_TYPE_DATE, flags);
  /* …and the time of day in minutes after midnight, -1 when not known */
  properties[PROP_LANDLORD_REPORTED_MINUTE] =
    g_param_spec_int ("landlord-reported-minute", NULL, NULL, -1, 24 * 60 - 1, -1, flags);
  /* An RdAsbRisk; RD_ASB_RISK_N_LEVELS when the landlord's risk level is not known */
  properties[PROP_ASB_RISK] =
    g_param_spec_enum ("asb-risk", NULL, NULL, RD_TYPE_ASB_RISK, RD_ASB_RISK_N_LEVELS, flags);
  /* The priority the landlord gave a repair, as its policy names it */
  properties[PROP_REPAIR_PRIORITY] =
    g_param_spec_string ("repair-priority", NULL, NULL, "", flags);
  /* An RdHazardLevel; RD_HAZARD_N_LEVELS when it is not an Awaab's Law hazard */
  properties[PROP_HAZARD] =
    g_param_spec_enum ("hazard", NULL, NULL, RD_TYPE_HAZARD_LEVEL, RD_HAZARD_N_LEVELS, flags);
  /* The landlord's dated steps on a repair or hazard, in their storage form
   * ("investigated=2025-11-03T10:15;repaired=2025-12-01") */
  properties[PROP_LANDLORD_STEPS] =
    g_param_spec_string ("landlord-steps", NULL, NULL, "", flags);
  /* When it was reported to the police and the council, and whether it was
   * a hate incident, in their storage form ("police=2025-03-02;hate") */
  properties[PROP_ASB_REPORT] =
    g_param_spec_string ("asb-report", NULL, NULL, "", flags);
  /* Heating, hot water or power lost, from and until which days, in their
   * storage form ("heating;from=2025-11-01;until=2025-11-09") */
  properties[PROP_SERVICE_LOSS] =
    g_param_spec_string ("service-loss", NULL, NULL, "", flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* The first line of the description, for list rows */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rd_incident_init (RdIncident *self)
{
  self->location = (char *) _rd_model_no_text;
  self->description = (char *) _rd_model_no_text;
  self->impact = (char *) _rd_model_no_text;
  self->people = (char *) _rd_model_no_text;
  self->witnesses = (char *) _rd_model_no_text;
  self->reference = (char *) _rd_model_no_text;
  self->repair_priority = (char *) _rd_model_no_text;
  self->asb_report = (char *) _rd_model_no_text;
  self->service_loss = (char *) _rd_model_no_text;
  self->category = RD_CATEGORY_NOISE;
  self->landlord_reported_minute = -1;
  self->asb_risk = RD_ASB_RISK_N_LEVELS;
  self->hazard = RD_HAZARD_N_LEVELS;
}

RdIncident *
rd_incident_new (void)
{
  return g_object_new (RD_TYPE_INCIDENT, NULL);
}

/**
 * rd_incident_copy:
 *
 * Returns: (transfer full): a detached copy with every field, id included
 */
RdIncident *
rd_incident_copy (RdIncident *self)
{
  RdIncident *copy;

  g_return_val_if_fail (RD_IS_INCIDENT (self), NULL);

  copy = rd_incident_new ();
  copy->id = self->id;
  copy->case_id = self->case_id;
  _rd_model_replace_datetime (&copy->starts_at, self->starts_at);
  _rd_model_replace_datetime (&copy->ends_at, self->ends_at);
  copy->category = self->category;
  _rd_model_replace_text (&copy->location, self->location);
  _rd_model_replace_text (&copy->description, self->description);
  _rd_model_replace_text (&copy->impact, self->impact);
  _rd_model_replace_text (&copy->people, self->people);
  _rd_model_replace_text (&copy->witnesses, self->witnesses);
  copy->reported_to = self->reported_to;
  _rd_model_replace_text (&copy->reference, self->reference);
  _rd_model_replace_date (&copy->landlord_reported_on, self->landlord_reported_on);
  copy->landlord_reported_minute = self->landlord_reported_minute;
  copy->asb_risk = self->asb_risk;
  _rd_model_replace_text (&copy->repair_priority, self->repair_priority);
  copy->hazard = self->hazard;
  copy->steps = self->steps ? g_memdup2 (self->steps, sizeof *self->steps) : NULL;
  _rd_model_replace_text (&copy->asb_report, self->asb_report);
  _rd_model_replace_text (&copy->service_loss, self->service_loss);
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  return copy;
}

/**
 * rd_incident_content_equal:
 *
 * Whether two incidents say the same thing: every field a resident writes,
 * ignoring ids and timestamps. Saving an unchanged incident makes no revision.
 */
gboolean
rd_incident_content_equal (RdIncident *a,
                           RdIncident *b)
{
  g_return_val_if_fail (RD_IS_INCIDENT (a) && RD_IS_INCIDENT (b), FALSE);

  return _rd_model_datetime_equal (a->starts_at, b->starts_at) &&
         _rd_model_datetime_equal (a->ends_at, b->ends_at) &&
         a->category == b->category &&
         g_str_equal (a->location, b->location) &&
         g_str_equal (a->description, b->description) &&
         g_str_equal (a->impact, b->impact) &&
         g_str_equal (a->people, b->people) &&
         g_str_equal (a->witnesses, b->witnesses) &&
         a->reported_to == b->reported_to &&
         g_str_equal (a->reference, b->reference) &&
         _rd_model_date_equal (a->landlord_reported_on, b->landlord_reported_on) &&
         a->landlord_reported_minute == b->landlord_reported_minute &&
         a->asb_risk == b->asb_risk &&
         g_str_equal (a->repair_priority, b->repair_priority) &&
         a->hazard == b->hazard &&
         rd_landlord_steps_equal (steps_of (a), steps_of (b)) &&
         g_str_equal (a->asb_report, b->asb_report) &&
         g_str_equal (a->service_loss, b->service_loss);
}

#define STRING_ACCESSORS(field, PROP, ALSO) \
  RD_MODEL_TEXT_ACCESSORS (RdIncident, rd_incident, RD_IS_INCIDENT, field, PROP, ALSO)
#define INT64_ACCESSORS(field, PROP) \
  RD_MODEL_SCALAR_ACCESSORS (RdIncident, rd_incident, RD_IS_INCIDENT, gint64, field, PROP, PROP_0)
#define DATETIME_ACCESSORS(field, PROP) \
  RD_MODEL_DATETIME_ACCESSORS (RdIncident, rd_incident, RD_IS_INCIDENT, field, PROP)

STRING_ACCESSORS (location, PROP_LOCATION, PROP_0)
STRING_ACCESSORS (description, PROP_DESCRIPTION, PROP_SUMMARY)
STRING_ACCESSORS (impact, PROP_IMPACT, PROP_0)
STRING_ACCESSORS (people, PROP_PEOPLE, PROP_0)
STRING_ACCESSORS (witnesses, PROP_WITNESSES, PROP_0)
STRING_ACCESSORS (reference, PROP_REFERENCE, PROP_0)
STRING_ACCESSORS (repair_priority, PROP_REPAIR_PRIORITY, PROP_0)
STRING_ACCESSORS (asb_report, PROP_ASB_REPORT, PROP_0)
STRING_ACCESSORS (service_loss, PROP_SERVICE_LOSS, PROP_0)
RD_MODEL_DATE_ACCESSORS (RdIncident, rd_incident, RD_IS_INCIDENT, landlord_reported_on,
                         PROP_LANDLORD_REPORTED_ON)
INT64_ACCESSORS (id, PROP_ID)
INT64_ACCESSORS (case_id, PROP_CASE_ID)
INT64_ACCESSORS (created_at, PROP_CREATED_AT)
INT64_ACCESSORS (updated_at, PROP_UPDATED_AT)
DATETIME_ACCESSORS (starts_at, PROP_STARTS_AT)
DATETIME_ACCESSORS (ends_at, PROP_ENDS_AT)

RdCategory
rd_incident_get_category (RdIncident *self)
{
  g_return_val_if_fail (RD_IS_INCIDENT (self), RD_CATEGORY_OTHER);

  return self->category;
}

void
rd_incident_set_category (RdIncident *self,
                          RdCategory  category)
{
  g_return_if_fail (RD_IS_INCIDENT (self));
  g_return_if_fail (category < RD_CATEGORY_N_CATEGORIES);

  if (self->category != category)
    {
      self->category = category;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
    }
}

RdReportedTo
rd_incident_get_reported_to (RdIncident *self)
{
  g_return_val_if_fail (RD_IS_INCIDENT (self), RD_REPORTED_NONE);

  return self->reported_to;
}

void
rd_incident_set_reported_to (RdIncident   *self,
                             RdReportedTo  reported_to)
{
  g_return_if_fail (RD_IS_INCIDENT (self));

  reported_to &= RD_REPORTED_ALL;
  if (self->reported_to != reported_to)
    {
      self->reported_to = reported_to;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORTED_TO]);
    }
}

int
rd_incident_get_landlord_reported_minute (RdIncident *self)
{
  g_return_val_if_fail (RD_IS_INCIDENT (self), -1);
  return self->landlord_reported_minute;
}

/**
 * rd_incident_set_landlord_reported_minute:
 * @minute: minutes after midnight, or -1 when the time of day is not known
 */
void
rd_incident_set_landlord_reported_minute (RdIncident *self,
                                          int         minute)
{
  g_return_if_fail (RD_IS_INCIDENT (self));
  g_return_if_fail (minute >= -1 && minute < 24 * 60);

  if (self->landlord_reported_minute != minute)
    {
      self->landlord_reported_minute = minute;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANDLORD_REPORTED_MINUTE]);
    }
}

RdAsbRisk
rd_incident_get_asb_risk (RdIncident *self)
{
  g_return_val_if_fail (RD_IS_INCIDENT (self), RD_ASB_RISK_N_LEVELS);
  return self->asb_risk;
}

void
rd_incident_set_asb_risk (RdIncident *self,
                          RdAsbRisk   risk)
{
  g_return_if_fail (RD_IS_INCIDENT (self));
  g_return_if_fail (risk <= RD_ASB_RISK_N_LEVELS);

  if (self->asb_risk != risk)
    {
      self->asb_risk = risk;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASB_RISK]);
    }
}

RdHazardLevel
rd_incident_get_hazard (RdIncident *self)
{
  g_return_val_if_fail (RD_IS_INCIDENT (self), RD_HAZARD_N_LEVELS);
  return self->hazard;
}

void
rd_incident_set_hazard (RdIncident    *self,
                        RdHazardLevel  hazard)
{
  g_return_if_fail (RD_IS_INCIDENT (self));
  g_return_if_fail (hazard <= RD_HAZARD_N_LEVELS);

  if (self->hazard != hazard)
    {
      self->hazard = hazard;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAZARD]);
    }
}

/**
 * rd_incident_get_landlord_steps:
 *
 * Returns: (transfer none): what the landlord did about the repair or
 *   hazard, and when; every step unset when nothing is recorded
 */
const RdLandlordSteps *
rd_incident_get_landlord_steps (RdIncident *self)
{
  g_return_val_if_fail (RD_IS_INCIDENT (self), NULL);
  return steps_of (self);
}

/**
 * rd_incident_set_landlord_steps:
 * @steps: (nullable): the steps, or %NULL for none
 */
void
rd_incident_set_landlord_steps (RdIncident            *self,
                                const RdLandlordSteps *steps)
{
  g_return_if_fail (RD_IS_INCIDENT (self));

  if (steps == NULL)
    steps = &no_steps;
  if (!rd_landlord_steps_equal (steps_of (self), steps))
    {
      if (rd_landlord_steps_is_empty (steps))
        g_clear_pointer (&self->steps, g_free);
      else if (self->steps == NULL)
        self->steps = g_memdup2 (steps, sizeof *steps);
      else
        *self->steps = *steps;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANDLORD_STEPS]);
    }
}

/**
 * rd_incident_get_landlord_reported:
 * @moment: (out): when the entry was reported to the landlord
 *
 * Returns: whether the diary says when the entry was reported to the landlord
 */
gboolean
rd_incident_get_landlord_reported (RdIncident *self,
                                   RdMoment   *moment)
{
  g_return_val_if_fail (RD_IS_INCIDENT (self), FALSE);
  g_return_val_if_fail (moment != NULL, FALSE);

  if (self->landlord_reported_on == NULL)
    return FALSE;
  rd_moment_set_date (moment, self->landlord_reported_on);
  moment->minute = self->landlord_reported_minute;
  return TRUE;
}

/**
 * rd_incident_dup_summary:
 *
 * Returns: (transfer full): the first line of the description, or a
 *   placeholder when nothing has been written yet
 */
char *
rd_incident_dup_summary (RdIncident *self)
{
  g_autofree char *line = NULL;

  g_return_val_if_fail (RD_IS_INCIDENT (self), NULL);

  line = _rd_model_dup_first_line (self->description);
  if (*line == '\0')
    return g_strdup (_("Nothing written yet"));
  return g_steal_pointer (&line);
}

/**
 * rd_incident_matches_text:
 * @casefolded_needle: search text already passed through g_utf8_casefold()
 *
 * Whether any written field, or the category's name, contains the text.
 */
gboolean
rd_incident_matches_text (RdIncident *self,
                          const char *casefolded_needle)
{
  g_return_val_if_fail (RD_IS_INCIDENT (self), FALSE);

  if (casefolded_needle == NULL || *casefolded_needle == '\0')
    return TRUE;

  return _rd_model_text_contains (self->description, casefolded_needle) ||
         _rd_model_text_contains (self->impact, casefolded_needle) ||
         _rd_model_text_contains (self->location, casefolded_needle) ||
         _rd_model_text_contains (self->people, casefolded_needle) ||
         _rd_model_text_contains (self->witnesses, casefolded_needle) ||
         _rd_model_text_contains (self->reference, casefolded_needle) ||
         _rd_model_text_contains (self->repair_priority, casefolded_needle) ||
         _rd_model_text_contains (rd_category_get_label (self->category), casefolded_needle);
}

static gboolean
check_category_fields (RdIncident  *self,
                       GError     **error)
{
  const char *field = rd_incident_get_misplaced_field (self);
  const char *category = rd_category_get_label (self->category);

  if (field == NULL)
    return TRUE;
  /* Translators: in each, %s is a diary category such as "Noise" */
  if (g_str_equal (field, "asb_risk"))
    g_set_error (error, RD_INCIDENT_ERROR, RD_INCIDENT_ERROR_NOT_FOR_CATEGORY,
                 _("A risk level is only for anti-social behaviour, so it cannot be kept on a "
                   "“%s” entry."), category);
  else if (g_str_equal (field, "repair_priority"))
    g_set_error (error, RD_INCIDENT_ERROR, RD_INCIDENT_ERROR_NOT_FOR_CATEGORY,
                 _("A repair priority is only for disrepair and other entries, so it cannot be "
                   "kept on a “%s” entry."), category);
  else if (g_str_equal (field, "hazard"))
    g_set_error (error, RD_INCIDENT_ERROR, RD_INCIDENT_ERROR_NOT_FOR_CATEGORY,
                 _("A hazard is only for disrepair and other entries, so it cannot be kept on a "
                   "“%s” entry."), category);
  else if (g_str_equal (field, "services_lost"))
    g_set_error (error, RD_INCIDENT_ERROR, RD_INCIDENT_ERROR_NOT_FOR_CATEGORY,
                 _("Days without heating, hot water or power are only for disrepair and other "
                   "entries, so they cannot be kept on a “%s” entry."), category);
  else
    g_set_error (error, RD_INCIDENT_ERROR, RD_INCIDENT_ERROR_NOT_FOR_CATEGORY,
                 _("The landlord’s repair steps are only for disrepair and other entries, so "
                   "they cannot be kept on a “%s” entry."), category);
  return FALSE;
}

/**
 * rd_incident_validate:
 * @now: the present moment, passed in so tests can fix it
 *
 * An incident cannot start in the future, nor end before it starts, and
 * holds only the fields its category uses.
 */
gboolean
rd_incident_validate (RdIncident  *self,
                      GDateTime   *now,
                      GError     **error)
{
  g_return_val_if_fail (RD_IS_INCIDENT (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (self->starts_at == NULL)
    {
      g_set_error_literal (error, RD_INCIDENT_ERROR, RD_INCIDENT_ERROR_NO_START,
                           _("Say when this happened."));
      return FALSE;
    }
  if (g_date_time_compare (self->starts_at, now) > 0)
    {
      g_set_error_literal (error, RD_INCIDENT_ERROR, RD_INCIDENT_ERROR_START_IN_FUTURE,
                           _("This is set to start in the future. Check the date and time."));
      return FALSE;
    }
  if (self->landlord_reported_on != NULL)
    {
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
      if (g_date_compare (self->landlord_reported_on, &today) > 0)
        {
          g_set_error_literal (error, RD_INCIDENT_ERROR, RD_INCIDENT_ERROR_REPORTED_IN_FUTURE,
                               _("The day you reported this to the landlord is in the future. "
                                 "Check the date."));
          return FALSE;
        }
    }
  for (guint i = 0; i < RD_STEP_N_STEPS; i++)
    {
      const RdMoment *at = &steps_of (self)->at[i];
      GDate today;

      if (!rd_moment_is_set (at))
        continue;
      g_date_clear (&today, 1);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
      if (g_date_compare (&at->date, &today) > 0)
        {
          /* Translators: %s is a step such as "Repair completed" */
          g_set_error (error, RD_INCIDENT_ERROR, RD_INCIDENT_ERROR_STEP_IN_FUTURE,
                       _("“%s” is set to a day in the future. Check the date."),
                       rd_landlord_step_get_label (i));
          return FALSE;
        }
      /* A step before the report would start no clock and meet none:
       * almost always a typing slip. */
      if (self->landlord_reported_on != NULL &&
          g_date_compare (&at->date, self->landlord_reported_on) < 0)
        {
          g_set_error (error, RD_INCIDENT_ERROR, RD_INCIDENT_ERROR_STEP_BEFORE_REPORT,
                       _("“%s” is set before the day you reported this to the landlord. Check "
                         "the date."),
                       rd_landlord_step_get_label (i));
          return FALSE;
        }
    }
  if (self->ends_at != NULL && g_date_time_compare (self->ends_at, self->starts_at) < 0)
    {
      g_autofree char *start = rd_datetime_format_long (self->starts_at);

      g_set_error (error, RD_INCIDENT_ERROR, RD_INCIDENT_ERROR_END_BEFORE_START,
                   _("This ends before it starts (%s). Check the end time."), start);
      return FALSE;
    }
  return check_category_fields (self, error);
}
