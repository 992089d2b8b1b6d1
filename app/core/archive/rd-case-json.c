/* rd-case-json.c: writing a whole case as one JSON document, and importing one.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-json"

#include "config.h"

#include "rd-gettext.h"

#include "rd-case-json.h"
#include "rd-datetime.h"
#include "rd-store-case-facts.h"
#include "rd-store-complaints.h"
#include "rd-store-policies.h"

G_DEFINE_QUARK (rd-case-json-error-quark, rd_case_json_error)

/*
 * The document refers to parties, diary entries and contacts by ids of its own, written
 * here as 1, 2, 3… in document order, so that exporting the same facts
 * twice gives the same bytes whatever the store's ids are.
 */

static void
add_string (JsonBuilder *builder,
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

static void
add_ref (JsonBuilder *builder,
         const char  *name,
         GPtrArray   *items,
         gpointer     item)
{
  guint index;

  json_builder_set_member_name (builder, name);
  if (item != NULL && g_ptr_array_find (items, item, &index))
    json_builder_add_int_value (builder, index + 1);
  else
    json_builder_add_null_value (builder);
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

static void
build_case (JsonBuilder *builder,
            RdCase      *rcase)
{
  json_builder_set_member_name (builder, "case");
  json_builder_begin_object (builder);
  add_string (builder, "title", rd_case_get_title (rcase));
  add_string (builder, "resident_name", rd_case_get_resident_name (rcase));
  add_string (builder, "address", rd_case_get_address (rcase));
  add_string (builder, "landlord_name", rd_case_get_landlord_name (rcase));
  add_string (builder, "tenancy_type", rd_tenancy_type_to_string (rd_case_get_tenancy_type (rcase)));
  add_string (builder, "country", rd_country_to_string (rd_case_get_country (rcase)));
  add_string (builder, "contact_preferences", rd_case_get_contact_preferences (rcase));
  add_string (builder, "adjustments", rd_case_get_adjustments (rcase));
  add_string (builder, "notes", rd_case_get_notes (rcase));
  add_string (builder, "document_language", rd_case_get_document_language (rcase));
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

static void
build_parties (JsonBuilder *builder,
               GPtrArray   *parties)
{
  json_builder_set_member_name (builder, "parties");
  json_builder_begin_array (builder);
  for (guint i = 0; i < parties->len; i++)
    {
      RdParty *party = g_ptr_array_index (parties, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, i + 1);
      add_string (builder, "name", rd_party_get_name (party));
      add_string (builder, "role", rd_party_role_to_key (rd_party_get_role (party)));
      add_string (builder, "organisation", rd_party_get_organisation (party));
      json_builder_set_member_name (builder, "third_party");
      json_builder_add_boolean_value (builder, rd_party_get_third_party (party));
      add_string (builder, "notes", rd_party_get_notes (party));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
build_incidents (JsonBuilder *builder,
                 GPtrArray   *incidents)
{
  json_builder_set_member_name (builder, "incidents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < incidents->len; i++)
    {
      RdIncident *incident = g_ptr_array_index (incidents, i);
      g_autofree char *reported = rd_reported_to_to_string (rd_incident_get_reported_to (incident));

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, i + 1);
      add_datetime (builder, "starts_at", rd_incident_get_starts_at (incident));
      add_datetime (builder, "ends_at", rd_incident_get_ends_at (incident));
      add_string (builder, "category", rd_category_to_string (rd_incident_get_category (incident)));
      add_string (builder, "location", rd_incident_get_location (incident));
      add_string (builder, "description", rd_incident_get_description (incident));
      add_string (builder, "impact", rd_incident_get_impact (incident));
      add_string (builder, "people", rd_incident_get_people (incident));
      add_string (builder, "witnesses", rd_incident_get_witnesses (incident));
      add_keys (builder, "reported_to", reported);
      add_string (builder, "reference", rd_incident_get_reference (incident));
      add_date (builder, "landlord_reported_on", rd_incident_get_landlord_reported_on (incident));
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
        add_string (builder, "asb_risk", rd_asb_risk_to_key (rd_incident_get_asb_risk (used)));
        add_string (builder, "repair_priority", rd_incident_get_repair_priority (used));
        add_string (builder, "hazard", rd_hazard_level_to_key (rd_incident_get_hazard (used)));
        add_landlord_steps (builder, rd_incident_get_landlord_steps (used));
      }
      add_asb_report (builder, rd_incident_get_asb_report (incident));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
build_contacts (JsonBuilder *builder,
                RdCaseFacts *facts)
{
  GPtrArray *contacts = rd_case_facts_get_contacts (facts);
  GPtrArray *parties = rd_case_facts_get_parties (facts);

  json_builder_set_member_name (builder, "contacts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < contacts->len; i++)
    {
      RdContact *contact = g_ptr_array_index (contacts, i);
      RdParty *party = rd_case_facts_find_party (facts, rd_contact_get_party_id (contact));

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, i + 1);
      add_datetime (builder, "occurred_at", rd_contact_get_occurred_at (contact));
      add_string (builder, "direction", rd_contact_direction_to_key (rd_contact_get_direction (contact)));
      add_string (builder, "channel", rd_contact_channel_to_key (rd_contact_get_channel (contact)));
      add_ref (builder, "party", parties, party);
      add_string (builder, "person", rd_contact_get_person (contact));
      add_string (builder, "summary", rd_contact_get_summary (contact));
      add_string (builder, "promise", rd_contact_get_promise (contact));
      add_date (builder, "promise_due", rd_contact_get_promise_due (contact));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
build_complaints (JsonBuilder *builder,
                  RdCaseFacts *facts)
{
  GPtrArray *complaints = rd_case_facts_get_complaints (facts);
  GPtrArray *contacts = rd_case_facts_get_contacts (facts);
  GPtrArray *incidents = rd_case_facts_get_incidents (facts);

  json_builder_set_member_name (builder, "complaints");
  json_builder_begin_array (builder);
  for (guint i = 0; i < complaints->len; i++)
    {
      RdComplaint *complaint = g_ptr_array_index (complaints, i);
      GPtrArray *events = rd_case_facts_get_events (facts, complaint);
      const char * const *points = rd_complaint_get_points (complaint);
      g_autofree char *outcomes = rd_outcomes_to_string (rd_complaint_get_outcomes (complaint));

      json_builder_begin_object (builder);
      add_string (builder, "reference", rd_complaint_get_reference (complaint));
      json_builder_set_member_name (builder, "points");
      json_builder_begin_array (builder);
      for (guint p = 0; points[p] != NULL; p++)
        json_builder_add_string_value (builder, points[p]);
      json_builder_end_array (builder);
      add_keys (builder, "outcomes", outcomes);
      add_string (builder, "outcome_other", rd_complaint_get_outcome_other (complaint));

      /* The diary entries it is about, by their ids in this document. */
      json_builder_set_member_name (builder, "incidents");
      json_builder_begin_array (builder);
      for (guint n = 0; n < incidents->len; n++)
        if (rd_complaint_has_incident (complaint, rd_incident_get_id (g_ptr_array_index (incidents, n))))
          json_builder_add_int_value (builder, n + 1);
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "events");
      json_builder_begin_array (builder);
      for (guint e = 0; e < events->len; e++)
        {
          RdComplaintEvent *event = g_ptr_array_index (events, e);
          RdContact *contact = rd_case_facts_find_contact (facts, rd_complaint_event_get_contact_id (event));

          json_builder_begin_object (builder);
          add_string (builder, "kind", rd_complaint_event_kind_to_key (rd_complaint_event_get_kind (event)));
          json_builder_set_member_name (builder, "stage");
          json_builder_add_int_value (builder, rd_complaint_event_get_stage (event));
          add_date (builder, "date", rd_complaint_event_get_date (event));
          add_date (builder, "new_date", rd_complaint_event_get_new_date (event));
          add_string (builder, "reason", rd_complaint_event_get_reason (event));
          add_string (builder, "notes", rd_complaint_event_get_notes (event));
          add_ref (builder, "contact", contacts, contact);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * rd_case_json_from_facts:
 *
 * The case as a JSON tree in the format the README describes. Ids and
 * timestamps of the store are not part of it.
 *
 * Returns: (transfer full): the document's root object
 */
JsonNode *
rd_case_json_from_facts (RdCaseFacts *facts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (RD_IS_CASE_FACTS (facts), NULL);

  json_builder_begin_object (builder);
  add_string (builder, "format", "redress-case");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, RD_CASE_JSON_VERSION);
  build_case (builder, rd_case_facts_get_case (facts));
  build_parties (builder, rd_case_facts_get_parties (facts));
  build_incidents (builder, rd_case_facts_get_incidents (facts));
  build_contacts (builder, facts);
  build_complaints (builder, facts);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* A case that follows a landlord's own profile carries it whole, so that
 * another computer works out the same deadlines. A case that follows the
 * Code has no "policy" member. */
static gboolean
add_policy (RdStore     *store,
            gint64       case_id,
            JsonObject  *root,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RdPolicy) policy = rd_store_get_case_policy (store, case_id, &local_error);
  g_autofree char *definition = NULL;
  JsonObject *object;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (policy == NULL)
    return TRUE;
  definition = rd_policy_to_data (policy);
  object = json_object_new ();
  json_object_set_string_member (object, "name", rd_policy_get_name (policy));
  json_object_set_string_member (object, "definition", definition);
  json_object_set_object_member (root, "policy", object);
  return TRUE;
}

/* The "policy" member of a document rd_case_json_parse() accepted. */
static gboolean
read_policy (const char  *data,
             gssize       length,
             RdPolicy   **out,
             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *node;
  JsonNode *definition;

  *out = NULL;
  if (!json_parser_load_from_data (parser, data, length, NULL))
    return TRUE;
  node = json_object_get_member (json_node_get_object (json_parser_get_root (parser)), "policy");
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  definition = JSON_NODE_HOLDS_OBJECT (node)
               ? json_object_get_member (json_node_get_object (node), "definition") : NULL;
  if (definition == NULL || !JSON_NODE_HOLDS_VALUE (definition) ||
      json_node_get_value_type (definition) != G_TYPE_STRING)
    {
      g_set_error_literal (error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_INVALID,
                           _("Nothing was imported. The landlord’s policy profile in this file "
                             "should be {\"name\": …, \"definition\": …}."));
      return FALSE;
    }
  *out = rd_policy_new_from_data (json_node_get_string (definition), &local_error);
  if (*out == NULL || rd_policy_get_kind (*out) != RD_POLICY_KIND_LANDLORD)
    {
      g_set_error (error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_INVALID,
                   _("Nothing was imported. The landlord’s policy profile in this file cannot "
                     "be read (%s)."),
                   local_error ? local_error->message : _("it is not a landlord’s own profile"));
      g_clear_object (out);
      return FALSE;
    }
  return TRUE;
}

/**
 * rd_case_json_export:
 *
 * Returns: (transfer full): the case as indented JSON text, ending with a
 *   newline, or %NULL with @error set
 */
char *
rd_case_json_export (RdStore  *store,
                     gint64    case_id,
                     GError  **error)
{
  g_autoptr(RdCaseFacts) facts = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (RD_IS_STORE (store), NULL);

  facts = rd_case_facts_load (store, case_id, error);
  if (facts == NULL)
    return NULL;
  root = rd_case_json_from_facts (facts);
  if (!add_policy (store, case_id, json_node_get_object (root), error))
    return NULL;
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

typedef struct {
  GCancellable *cancellable;
  RdProgress   *progress;
  guint         done;
  guint         total;
} SaveSteps;

/* Reading the document comes before the first record is saved. */
#define PARSED_FRACTION 0.2

/* A record was saved: says how far the write has got, and whether to go
 * on. Stopping in the middle is safe: the whole write rolls back. */
static gboolean
step_done (SaveSteps  *steps,
           GError    **error)
{
  if (steps == NULL)
    return TRUE;
  steps->done++;
  if (steps->progress != NULL && (steps->done % 64 == 0 || steps->done == steps->total))
    rd_progress_set (steps->progress,
                     PARSED_FRACTION + (1 - PARSED_FRACTION) * steps->done / MAX (steps->total, 1),
                     NULL);
  return !g_cancellable_set_error_if_cancelled (steps->cancellable, error);
}

static gint64 save_facts (RdStore      *store,
                          RdCaseFacts  *facts,
                          GHashTable  **incident_ids_out,
                          GHashTable  **contact_ids_out,
                          SaveSteps    *steps,
                          GError      **error);

/**
 * rd_case_json_import:
 *
 * rd_case_json_import_full() without progress or cancel.
 *
 * Returns: the new case's id, or 0 with @error set
 */
gint64
rd_case_json_import (RdStore     *store,
                     const char  *data,
                     gssize       length,
                     GError     **error)
{
  return rd_case_json_import_full (store, data, length, NULL, NULL, error);
}

/**
 * rd_case_json_import_full:
 * @progress: (nullable): how far the import has got
 * @cancellable: (nullable): stops the import, leaving the store as it was
 *
 * Checks the whole document first, then creates a new case from it in one
 * write, with the landlord's policy profile it carries (an identical
 * profile already in the store is reused): an invalid document, a cancel,
 * or a failure while writing, leaves the store as it was. The error names
 * the line and the field that is wrong.
 *
 * Returns: the new case's id, or 0 with @error set
 */
gint64
rd_case_json_import_full (RdStore       *store,
                          const char    *data,
                          gssize         length,
                          RdProgress    *progress,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(RdCaseFacts) facts = NULL;
  g_autoptr(RdPolicy) policy = NULL;
  SaveSteps steps = { cancellable, progress, 0, 0 };
  GPtrArray *complaints;
  gint64 case_id;

  g_return_val_if_fail (RD_IS_STORE (store), 0);
  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (progress == NULL || RD_IS_PROGRESS (progress), 0);

  if (progress != NULL)
    rd_progress_set (progress, 0, UI_("Reading the case…"));
  now = rd_clock_dup_now (rd_store_get_clock (store));
  facts = rd_case_json_parse (data, length, now, error);
  if (facts == NULL || !read_policy (data, length, &policy, error))
    return 0;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return 0;

  complaints = rd_case_facts_get_complaints (facts);
  steps.total = rd_case_facts_get_parties (facts)->len + rd_case_facts_get_incidents (facts)->len +
                rd_case_facts_get_contacts (facts)->len + complaints->len;
  for (guint i = 0; i < complaints->len; i++)
    steps.total += rd_case_facts_get_events (facts, g_ptr_array_index (complaints, i))->len;
  if (progress != NULL)
    rd_progress_set (progress, PARSED_FRACTION, UI_("Saving the case…"));

  if (!rd_store_begin (store, error))
    return 0;
  case_id = save_facts (store, facts, NULL, NULL, &steps, error);
  if (case_id == 0 ||
      (policy != NULL && !rd_store_adopt_case_policy (store, case_id, policy, error)) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      rd_store_rollback (store);
      return 0;
    }
  if (!rd_store_commit (store, error))
    return 0;
  return case_id;
}

/**
 * rd_case_json_import_facts:
 * @facts: a document read by rd_case_json_parse(); its records get the
 *   store's ids as they are saved
 * @incident_ids: (out) (optional) (transfer full): the document's diary
 *   entry ids (gint64 *) → the store's
 * @contact_ids: (out) (optional) (transfer full): the same for contacts
 *
 * The write half of rd_case_json_import(), for importers that carry more
 * than the document (the case archive links evidence to entries and
 * contacts by their document ids). Inside an outer write it becomes part
 * of it.
 *
 * Returns: the new case's id, or 0 with @error set
 */
gint64
rd_case_json_import_facts (RdStore      *store,
                           RdCaseFacts  *facts,
                           GHashTable  **incident_ids_out,
                           GHashTable  **contact_ids_out,
                           GError      **error)
{
  g_return_val_if_fail (RD_IS_STORE (store), 0);
  g_return_val_if_fail (RD_IS_CASE_FACTS (facts), 0);

  return save_facts (store, facts, incident_ids_out, contact_ids_out, NULL, error);
}

static gint64
save_facts (RdStore      *store,
            RdCaseFacts  *facts,
            GHashTable  **incident_ids_out,
            GHashTable  **contact_ids_out,
            SaveSteps    *steps,
            GError      **error)
{
  g_autoptr(GHashTable) party_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) contact_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) incident_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  RdCase *rcase;
  GPtrArray *items;
  gint64 case_id;

  if (!rd_store_begin (store, error))
    return 0;

  rcase = rd_case_facts_get_case (facts);
  if (!rd_store_save_case (store, rcase, error))
    goto fail;
  case_id = rd_case_get_id (rcase);

#define REMEMBER(table, old_id, new_id)                                   \
  g_hash_table_insert (table, g_memdup2 (&(gint64){ old_id }, sizeof (gint64)), \
                       g_memdup2 (&(gint64){ new_id }, sizeof (gint64)))

  items = rd_case_facts_get_parties (facts);
  for (guint i = 0; i < items->len; i++)
    {
      RdParty *party = g_ptr_array_index (items, i);
      gint64 doc_id = rd_party_get_id (party);

      rd_party_set_id (party, 0);
      rd_party_set_case_id (party, case_id);
      if (!rd_store_save_party (store, party, error) ||
          !step_done (steps, error))
        goto fail;
      REMEMBER (party_ids, doc_id, rd_party_get_id (party));
    }

  items = rd_case_facts_get_incidents (facts);
  for (guint i = 0; i < items->len; i++)
    {
      RdIncident *incident = g_ptr_array_index (items, i);
      gint64 doc_id = rd_incident_get_id (incident);

      rd_incident_set_id (incident, 0);
      rd_incident_set_case_id (incident, case_id);
      if (!rd_store_save_incident (store, incident, NULL, error) ||
          !step_done (steps, error))
        goto fail;
      REMEMBER (incident_ids, doc_id, rd_incident_get_id (incident));
    }

  items = rd_case_facts_get_contacts (facts);
  for (guint i = 0; i < items->len; i++)
    {
      RdContact *contact = g_ptr_array_index (items, i);
      gint64 doc_id = rd_contact_get_id (contact);
      gint64 party = rd_contact_get_party_id (contact);
      gint64 *new_party = party ? g_hash_table_lookup (party_ids, &party) : NULL;

      rd_contact_set_id (contact, 0);
      rd_contact_set_case_id (contact, case_id);
      rd_contact_set_party_id (contact, new_party ? *new_party : 0);
      if (!rd_store_save_contact (store, contact, error) ||
          !step_done (steps, error))
        goto fail;
      REMEMBER (contact_ids, doc_id, rd_contact_get_id (contact));
    }

  items = rd_case_facts_get_complaints (facts);
  for (guint i = 0; i < items->len; i++)
    {
      RdComplaint *complaint = g_ptr_array_index (items, i);
      GPtrArray *events = rd_case_facts_get_events (facts, complaint);
      g_autoptr(GArray) about = g_array_new (FALSE, FALSE, sizeof (gint64));
      const gint64 *doc_ids;
      guint n_ids;

      doc_ids = rd_complaint_get_incident_ids (complaint, &n_ids);
      for (guint n = 0; n < n_ids; n++)
        g_array_append_val (about, *(gint64 *) g_hash_table_lookup (incident_ids, &doc_ids[n]));
      rd_complaint_set_incident_ids (complaint, (const gint64 *) about->data, about->len);
      rd_complaint_set_case_id (complaint, case_id);
      if (!rd_store_save_complaint (store, complaint, error) ||
          !step_done (steps, error))
        goto fail;
      for (guint e = 0; e < events->len; e++)
        {
          RdComplaintEvent *event = g_ptr_array_index (events, e);
          gint64 contact = rd_complaint_event_get_contact_id (event);
          gint64 *new_contact = contact ? g_hash_table_lookup (contact_ids, &contact) : NULL;

          rd_complaint_event_set_complaint_id (event, rd_complaint_get_id (complaint));
          rd_complaint_event_set_contact_id (event, new_contact ? *new_contact : 0);
          if (!rd_store_save_complaint_event (store, event, error) ||
              !step_done (steps, error))
            goto fail;
        }
    }
#undef REMEMBER

  if (!rd_store_commit (store, error))
    return 0;
  if (incident_ids_out != NULL)
    *incident_ids_out = g_steal_pointer (&incident_ids);
  if (contact_ids_out != NULL)
    *contact_ids_out = g_steal_pointer (&contact_ids);
  return case_id;

fail:
  rd_store_rollback (store);
  return 0;
}
