/* test-model-enums.c: the record types' enum properties are typed, and their nicks are the storage keys.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rd-core.h"
#include "rd-landlord-steps.h"
#include "rd-model-enums.h"

/* Each property names its own enum or flags type, so that a wrong value is
 * refused by GObject and tools can list the choices. */
static void
test_properties_typed (void)
{
  static const struct {
    GType      (*get_type) (void);
    const char  *property;
    GType      (*value_type) (void);
  } cases[] = {
    { rd_case_get_type, "tenancy-type", rd_tenancy_type_get_type },
    { rd_case_get_type, "country", rd_country_get_type },
    { rd_complaint_get_type, "outcomes", rd_outcome_get_type },
    { rd_complaint_event_get_type, "kind", rd_complaint_event_kind_get_type },
    { rd_contact_get_type, "direction", rd_contact_direction_get_type },
    { rd_contact_get_type, "channel", rd_contact_channel_get_type },
    { rd_evidence_get_type, "kind", rd_evidence_kind_get_type },
    { rd_incident_get_type, "category", rd_category_get_type },
    { rd_incident_get_type, "reported-to", rd_reported_to_get_type },
    { rd_incident_get_type, "asb-risk", rd_asb_risk_get_type },
    { rd_incident_get_type, "hazard", rd_hazard_level_get_type },
    { rd_party_get_type, "role", rd_party_role_get_type },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (cases[i].get_type ());
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), cases[i].property);

      g_test_message ("%s:%s", g_type_name (cases[i].get_type ()), cases[i].property);
      g_assert_nonnull (pspec);
      g_assert_true (pspec->value_type == cases[i].value_type ());
    }
}

/* A typed property reads and writes the value the accessors see. */
static void
test_round_trip (void)
{
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(RdContact) contact = rd_contact_new ();
  RdCategory category;
  RdReportedTo reported;

  g_object_set (incident, "category", RD_CATEGORY_DISREPAIR,
                "reported-to", RD_REPORTED_POLICE | RD_REPORTED_COUNCIL,
                "hazard", RD_HAZARD_EMERGENCY, NULL);
  g_assert_cmpint (rd_incident_get_category (incident), ==, RD_CATEGORY_DISREPAIR);
  g_assert_cmpint (rd_incident_get_reported_to (incident), ==, RD_REPORTED_POLICE | RD_REPORTED_COUNCIL);
  g_assert_cmpint (rd_incident_get_hazard (incident), ==, RD_HAZARD_EMERGENCY);
  g_assert_cmpint (rd_incident_get_asb_risk (incident), ==, RD_ASB_RISK_N_LEVELS);
  g_object_get (incident, "category", &category, "reported-to", &reported, NULL);
  g_assert_cmpint (category, ==, RD_CATEGORY_DISREPAIR);
  g_assert_cmpint (reported, ==, RD_REPORTED_POLICE | RD_REPORTED_COUNCIL);

  rd_contact_set_channel (contact, RD_CHANNEL_MP_ENQUIRY);
  g_object_set (contact, "direction", RD_CONTACT_FROM, NULL);
  g_assert_cmpint (rd_contact_get_direction (contact), ==, RD_CONTACT_FROM);
  g_assert_cmpstr (g_enum_get_value (g_type_class_peek (RD_TYPE_CONTACT_CHANNEL),
                                     rd_contact_get_channel (contact))->value_nick, ==, "mp-enquiry");
}

/* The storage key of @value of enum @type, from the model's own functions. */
static const char *
storage_key (GType type,
             int   value)
{
  if (type == RD_TYPE_COMPLAINT_EVENT_KIND)
    return rd_complaint_event_kind_to_key (value);
  if (type == RD_TYPE_CONTACT_DIRECTION)
    return rd_contact_direction_to_key (value);
  if (type == RD_TYPE_CONTACT_CHANNEL)
    return rd_contact_channel_to_key (value);
  if (type == RD_TYPE_PARTY_ROLE)
    return rd_party_role_to_key (value);
  if (type == RD_TYPE_ASB_RISK)
    return rd_asb_risk_to_key (value);
  if (type == RD_TYPE_HAZARD_LEVEL)
    return rd_hazard_level_to_key (value);
  if (type == RD_TYPE_CATEGORY)
    return rd_category_to_string (value);
  if (type == RD_TYPE_EVIDENCE_KIND)
    return rd_evidence_kind_to_string (value);
  if (type == RD_TYPE_LANDLORD_STEP)
    return rd_landlord_step_to_key (value);
  if (type == RD_TYPE_TENANCY_TYPE)
    return rd_tenancy_type_to_string (value);
  if (type == RD_TYPE_COUNTRY)
    return rd_country_to_string (value);
  g_assert_not_reached ();
}

/* The database and the case JSON hold keys such as "web-form"; they must
 * never change, so the enums' nicks are checked against every key. (A
 * tenancy not known is stored as "", which cannot be a nick, so that one
 * value is left out.) */
static void
test_nicks_are_storage_keys (void)
{
  const GType types[] = {
    RD_TYPE_COMPLAINT_EVENT_KIND, RD_TYPE_CONTACT_DIRECTION, RD_TYPE_CONTACT_CHANNEL,
    RD_TYPE_PARTY_ROLE, RD_TYPE_ASB_RISK, RD_TYPE_HAZARD_LEVEL, RD_TYPE_CATEGORY,
    RD_TYPE_EVIDENCE_KIND, RD_TYPE_LANDLORD_STEP, RD_TYPE_TENANCY_TYPE,
    RD_TYPE_COUNTRY,
  };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (types[t]);

      g_assert_cmpuint (klass->n_values, >, 1);
      for (guint i = 0; i < klass->n_values; i++)
        {
          g_test_message ("%s", klass->values[i].value_name);
          if (types[t] == RD_TYPE_TENANCY_TYPE && klass->values[i].value == RD_TENANCY_UNKNOWN)
            continue;
          g_assert_cmpstr (klass->values[i].value_nick, ==, storage_key (types[t], klass->values[i].value));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model-enums/properties-typed", test_properties_typed);
  g_test_add_func ("/model-enums/round-trip", test_round_trip);
  g_test_add_func ("/model-enums/nicks-are-storage-keys", test_nicks_are_storage_keys);
  return g_test_run ();
}
