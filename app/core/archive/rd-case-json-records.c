/* rd-case-json-records.c: each record of a case as its object in case JSON.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-json"

#include "config.h"

#include "rd-case-json-private.h"
#include "rd-datetime.h"

void
_rd_json_add_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value ? value : "");
}

static void
add_take_string_or_null (JsonBuilder *builder,
                         const char  *name,
                         char        *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
  g_free (value);
}

static void
add_date (JsonBuilder *builder,
          const char  *name,
          const GDate *date)
{
  add_take_string_or_null (builder, name, date ? rd_date_to_iso (date) : NULL);
}

static void
add_datetime (JsonBuilder *builder,
              const char  *name,
              GDateTime   *dt)
{
  add_take_string_or_null (builder, name, dt ? rd_datetime_to_storage (dt) : NULL);
}


/* What an ASB Case Review counts, only when recorded, so that files of
 * diaries without it read as before. */
static void
add_asb_report (JsonBuilder *builder,
                const char  *key)
{
  RdAsbReport report;

  if (!rd_asb_report_from_key (key, &report, NULL) || rd_asb_report_is_empty (&report))
    return;
  add_date (builder, "police_reported_on", g_date_valid (&report.police) ? &report.police : NULL);
  add_date (builder, "council_reported_on", g_date_valid (&report.council) ? &report.council : NULL);
  json_builder_set_member_name (builder, "hate_incident");
  json_builder_add_boolean_value (builder, report.hate);
}

/**
 * rd_case_json_add_service_loss:
 * @builder: a builder inside an object
 * @loss: the loss, possibly empty
 *
 * Adds @loss as the members case JSON gives it: "services_lost", the
 * services' keys; "services_lost_from" and "services_lost_until", each a
 * date or null (until null: still without them). Whether to write an
 * empty loss at all is the caller's choice.
 */
void
rd_case_json_add_service_loss (JsonBuilder         *builder,
                               const RdServiceLoss *loss)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (loss != NULL);

  json_builder_set_member_name (builder, "services_lost");
  json_builder_begin_array (builder);
  for (guint i = 0; i < RD_SERVICE_N_SERVICES; i++)
    if (loss->lost[i])
      json_builder_add_string_value (builder, rd_service_to_key (i));
  json_builder_end_array (builder);
  add_date (builder, "services_lost_from", g_date_valid (&loss->from) ? &loss->from : NULL);
  add_date (builder, "services_lost_until", g_date_valid (&loss->until) ? &loss->until : NULL);
}

/* Heating, hot water or power lost, only when recorded, so that files of
 * diaries without it read as before. */
static void
add_service_loss (JsonBuilder *builder,
                  const char  *key)
{
  RdServiceLoss loss;

  if (rd_service_loss_from_key (key, &loss, NULL) && !rd_service_loss_is_empty (&loss))
    rd_case_json_add_service_loss (builder, &loss);
}

/* One member per recorded step, "investigated": "2025-11-03T10:15", so a
 * person editing the file by hand sees plain dates. */
static void
add_landlord_steps (JsonBuilder           *builder,
                    const RdLandlordSteps *steps)
{
  json_builder_set_member_name (builder, "landlord_steps");
  json_builder_begin_object (builder);
  for (guint i = 0; i < RD_STEP_N_STEPS; i++)
    {
      if (!rd_moment_is_set (&steps->at[i]))
        continue;
      json_builder_set_member_name (builder, rd_landlord_step_to_key (i));
      {
        g_autofree char *when = rd_moment_to_key (&steps->at[i]);

        json_builder_add_string_value (builder, when);
      }
    }
  json_builder_end_object (builder);
}

static void
add_keys (JsonBuilder *builder,
          const char  *name,
          const char  *comma_separated)
{
  g_auto(GStrv) keys = g_strsplit (comma_separated, ",", -1);

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; keys[i] != NULL; i++)
    if (*keys[i] != '\0')
      json_builder_add_string_value (builder, keys[i]);
  json_builder_end_array (builder);
}
/* A reference to a record by its id in the document; 0 for none. */
static void
add_ref (JsonBuilder *builder,
         const char  *name,
         guint        doc_id)
{
  json_builder_set_member_name (builder, name);
  if (doc_id != 0)
    json_builder_add_int_value (builder, doc_id);
  else
    json_builder_add_null_value (builder);
}

/*
 * Most members of a record's object are one of its properties written as
 * it is: the tables below say which, in the order of the document, and
 * add_fields() writes them. What needs more (references by document id,
 * lists of keys, members written only when set) stays in the builders.
 */
typedef const char *(*FieldKeyFunc) (int value);

typedef enum {
  FIELD_STRING,    /* "" for none */
  FIELD_KEY,       /* an enum, as the record type's key function spells it */
  FIELD_DATE,      /* a GDate, null for none */
  FIELD_DATETIME,  /* a GDateTime, null for none */
  FIELD_BOOLEAN,
  FIELD_UINT,
} FieldKind;

typedef struct {
  const char   *member;
  const char   *property;
  FieldKind     kind;
  FieldKeyFunc  to_key;   /* for FIELD_KEY */
} Field;

static void
add_fields (JsonBuilder *builder,
            gpointer     record,
            const Field *fields,
            gsize        n_fields)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      const Field *field = &fields[i];
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (record, field->property, &value);
      switch (field->kind)
        {
        case FIELD_STRING:
          _rd_json_add_string (builder, field->member, g_value_get_string (&value));
          break;
        case FIELD_KEY:
          _rd_json_add_string (builder, field->member, field->to_key (g_value_get_enum (&value)));
          break;
        case FIELD_DATE:
          add_date (builder, field->member, g_value_get_boxed (&value));
          break;
        case FIELD_DATETIME:
          add_datetime (builder, field->member, g_value_get_boxed (&value));
          break;
        case FIELD_BOOLEAN:
          json_builder_set_member_name (builder, field->member);
          json_builder_add_boolean_value (builder, g_value_get_boolean (&value));
          break;
        case FIELD_UINT:
          json_builder_set_member_name (builder, field->member);
          json_builder_add_int_value (builder, g_value_get_uint (&value));
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* Starts a record's object with its id in the document. */
static void
begin_record (JsonBuilder *builder,
              guint        doc_id)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, doc_id);
}

static const Field case_fields[] = {
  { "title", "title", FIELD_STRING, NULL },
  { "resident_name", "resident-name", FIELD_STRING, NULL },
  { "address", "address", FIELD_STRING, NULL },
  { "landlord_name", "landlord-name", FIELD_STRING, NULL },
  { "tenancy_type", "tenancy-type", FIELD_KEY, (FieldKeyFunc) rd_tenancy_type_to_string },
  { "country", "country", FIELD_KEY, (FieldKeyFunc) rd_country_to_string },
  { "contact_preferences", "contact-preferences", FIELD_STRING, NULL },
  { "adjustments", "adjustments", FIELD_STRING, NULL },
  { "notes", "notes", FIELD_STRING, NULL },
  { "document_language", "document-language", FIELD_STRING, NULL },
};

static const Field party_fields[] = {
  { "name", "name", FIELD_STRING, NULL },
  { "role", "role", FIELD_KEY, (FieldKeyFunc) rd_party_role_to_key },
  { "organisation", "organisation", FIELD_STRING, NULL },
  { "third_party", "third-party", FIELD_BOOLEAN, NULL },
  { "notes", "notes", FIELD_STRING, NULL },
};

/* Up to "reported_to", which is a list of keys. */
static const Field incident_fields[] = {
  { "starts_at", "starts-at", FIELD_DATETIME, NULL },
  { "ends_at", "ends-at", FIELD_DATETIME, NULL },
  { "category", "category", FIELD_KEY, (FieldKeyFunc) rd_category_to_string },
  { "location", "location", FIELD_STRING, NULL },
  { "description", "description", FIELD_STRING, NULL },
  { "impact", "impact", FIELD_STRING, NULL },
  { "people", "people", FIELD_STRING, NULL },
  { "witnesses", "witnesses", FIELD_STRING, NULL },
};

static const Field incident_report_fields[] = {
  { "reference", "reference", FIELD_STRING, NULL },
  { "landlord_reported_on", "landlord-reported-on", FIELD_DATE, NULL },
};

/* Before and after "party", a reference. */
static const Field contact_fields[] = {
  { "occurred_at", "occurred-at", FIELD_DATETIME, NULL },
  { "direction", "direction", FIELD_KEY, (FieldKeyFunc) rd_contact_direction_to_key },
  { "channel", "channel", FIELD_KEY, (FieldKeyFunc) rd_contact_channel_to_key },
};

static const Field contact_said_fields[] = {
  { "person", "person", FIELD_STRING, NULL },
  { "summary", "summary", FIELD_STRING, NULL },
  { "promise", "promise", FIELD_STRING, NULL },
  { "promise_due", "promise-due", FIELD_DATE, NULL },
};

static const Field event_fields[] = {
  { "kind", "kind", FIELD_KEY, (FieldKeyFunc) rd_complaint_event_kind_to_key },
  { "stage", "stage", FIELD_UINT, NULL },
  { "date", "date", FIELD_DATE, NULL },
  { "new_date", "new-date", FIELD_DATE, NULL },
  { "reason", "reason", FIELD_STRING, NULL },
  { "notes", "notes", FIELD_STRING, NULL },
};

void
_rd_json_build_case (JsonBuilder *builder,
                     RdCase      *rcase)
{
  json_builder_begin_object (builder);
  add_fields (builder, rcase, case_fields, G_N_ELEMENTS (case_fields));
  if (rd_case_get_aware_on (rcase) != NULL)
    add_date (builder, "aware_on", rd_case_get_aware_on (rcase));
  /* Only a council's own threshold: files stay as they were for the usual one. */
  if (rd_case_get_asb_review_reports (rcase) != RD_ASB_REVIEW_DEFAULT_REPORTS ||
      rd_case_get_asb_review_hate (rcase))
    {
      json_builder_set_member_name (builder, "asb_review_reports");
      json_builder_add_int_value (builder, rd_case_get_asb_review_reports (rcase));
      json_builder_set_member_name (builder, "asb_review_one_hate_incident");
      json_builder_add_boolean_value (builder, rd_case_get_asb_review_hate (rcase));
    }
  json_builder_end_object (builder);
}

void
_rd_json_build_party (JsonBuilder *builder,
                      RdParty     *party,
                      guint        doc_id)
{
  begin_record (builder, doc_id);
  add_fields (builder, party, party_fields, G_N_ELEMENTS (party_fields));
  json_builder_end_object (builder);
}

void
_rd_json_build_incident (JsonBuilder *builder,
                         RdIncident  *incident,
                         guint        doc_id)
{
  g_autofree char *reported = rd_reported_to_to_string (rd_incident_get_reported_to (incident));

  begin_record (builder, doc_id);
  add_fields (builder, incident, incident_fields, G_N_ELEMENTS (incident_fields));
  add_keys (builder, "reported_to", reported);
  add_fields (builder, incident, incident_report_fields, G_N_ELEMENTS (incident_report_fields));
  {
    int minute = rd_incident_get_landlord_reported_minute (incident);

    add_take_string_or_null (builder, "landlord_reported_time",
                             rd_incident_get_landlord_reported_on (incident) != NULL && minute >= 0
                             ? g_strdup_printf ("%02d:%02d", minute / 60, minute % 60) : NULL);
  }
  /* The import refuses fields the category does not use; one a case
   * file kept from before the category changed means nothing. */
  {
    g_autoptr(RdIncident) used = rd_incident_copy (incident);

    rd_incident_drop_misplaced_fields (used);
    _rd_json_add_string (builder, "asb_risk", rd_asb_risk_to_key (rd_incident_get_asb_risk (used)));
    _rd_json_add_string (builder, "repair_priority", rd_incident_get_repair_priority (used));
    _rd_json_add_string (builder, "hazard", rd_hazard_level_to_key (rd_incident_get_hazard (used)));
    add_landlord_steps (builder, rd_incident_get_landlord_steps (used));
    add_service_loss (builder, rd_incident_get_service_loss (used));
  }
  add_asb_report (builder, rd_incident_get_asb_report (incident));
  json_builder_end_object (builder);
}

void
_rd_json_build_contact (JsonBuilder *builder,
                        RdContact   *contact,
                        guint        doc_id,
                        guint        party_ref)
{
  begin_record (builder, doc_id);
  add_fields (builder, contact, contact_fields, G_N_ELEMENTS (contact_fields));
  add_ref (builder, "party", party_ref);
  add_fields (builder, contact, contact_said_fields, G_N_ELEMENTS (contact_said_fields));
  json_builder_end_object (builder);
}

/* @incident_refs: the document ids of the entries it is about, in
 * document order; @contact_refs: for each event, its contact's (or 0). */
void
_rd_json_build_complaint (JsonBuilder *builder,
                          RdComplaint *complaint,
                          GPtrArray   *events,
                          GArray      *incident_refs,
                          GArray      *contact_refs)
{
  const char * const *points = rd_complaint_get_points (complaint);
  g_autofree char *outcomes = rd_outcomes_to_string (rd_complaint_get_outcomes (complaint));

  json_builder_begin_object (builder);
  _rd_json_add_string (builder, "reference", rd_complaint_get_reference (complaint));
  /* Written only when said, so that a file without one reads the same in
   * a Redress from before subjects. */
  if (rd_complaint_get_subject (complaint) != RD_COMPLAINT_SUBJECT_NOT_SAID)
    _rd_json_add_string (builder, "subject",
                         rd_complaint_subject_to_key (rd_complaint_get_subject (complaint)));
  json_builder_set_member_name (builder, "points");
  json_builder_begin_array (builder);
  for (guint p = 0; points[p] != NULL; p++)
    json_builder_add_string_value (builder, points[p]);
  json_builder_end_array (builder);
  add_keys (builder, "outcomes", outcomes);
  _rd_json_add_string (builder, "outcome_other", rd_complaint_get_outcome_other (complaint));

  json_builder_set_member_name (builder, "incidents");
  json_builder_begin_array (builder);
  for (guint n = 0; n < incident_refs->len; n++)
    json_builder_add_int_value (builder, g_array_index (incident_refs, guint, n));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint e = 0; e < events->len; e++)
    {
      RdComplaintEvent *event = g_ptr_array_index (events, e);

      json_builder_begin_object (builder);
      add_fields (builder, event, event_fields, G_N_ELEMENTS (event_fields));
      add_ref (builder, "contact", g_array_index (contact_refs, guint, e));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

