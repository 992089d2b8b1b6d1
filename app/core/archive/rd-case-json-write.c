/* rd-case-json-write.c: writing a whole case as one JSON document, a record at a time.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-json"

#include "config.h"

#include <string.h>

#include "rd-gettext.h"

#include "rd-case-json-private.h"
#include "rd-datetime.h"
#include "rd-store-case-facts.h"
#include "rd-store-complaints.h"
#include "rd-store-policies.h"

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

static guint
index_of (GPtrArray *items,
          gpointer   item)
{
  guint index;

  return item != NULL && g_ptr_array_find (items, item, &index) ? index + 1 : 0;
}

static void
build_case (JsonBuilder *builder,
            RdCase      *rcase)
{
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
build_party (JsonBuilder *builder,
             RdParty     *party,
             guint        doc_id)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, doc_id);
  add_string (builder, "name", rd_party_get_name (party));
  add_string (builder, "role", rd_party_role_to_key (rd_party_get_role (party)));
  add_string (builder, "organisation", rd_party_get_organisation (party));
  json_builder_set_member_name (builder, "third_party");
  json_builder_add_boolean_value (builder, rd_party_get_third_party (party));
  add_string (builder, "notes", rd_party_get_notes (party));
  json_builder_end_object (builder);
}

static void
build_incident (JsonBuilder *builder,
                RdIncident  *incident,
                guint        doc_id)
{
  g_autofree char *reported = rd_reported_to_to_string (rd_incident_get_reported_to (incident));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, doc_id);
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

static void
build_contact (JsonBuilder *builder,
               RdContact   *contact,
               guint        doc_id,
               guint        party_ref)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, doc_id);
  add_datetime (builder, "occurred_at", rd_contact_get_occurred_at (contact));
  add_string (builder, "direction", rd_contact_direction_to_key (rd_contact_get_direction (contact)));
  add_string (builder, "channel", rd_contact_channel_to_key (rd_contact_get_channel (contact)));
  add_ref (builder, "party", party_ref);
  add_string (builder, "person", rd_contact_get_person (contact));
  add_string (builder, "summary", rd_contact_get_summary (contact));
  add_string (builder, "promise", rd_contact_get_promise (contact));
  add_date (builder, "promise_due", rd_contact_get_promise_due (contact));
  json_builder_end_object (builder);
}

/* @incident_refs: the document ids of the entries it is about, in
 * document order; @contact_refs: for each event, its contact's (or 0). */
static void
build_complaint (JsonBuilder *builder,
                 RdComplaint *complaint,
                 GPtrArray   *events,
                 GArray      *incident_refs,
                 GArray      *contact_refs)
{
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
      add_string (builder, "kind", rd_complaint_event_kind_to_key (rd_complaint_event_get_kind (event)));
      json_builder_set_member_name (builder, "stage");
      json_builder_add_int_value (builder, rd_complaint_event_get_stage (event));
      add_date (builder, "date", rd_complaint_event_get_date (event));
      add_date (builder, "new_date", rd_complaint_event_get_new_date (event));
      add_string (builder, "reason", rd_complaint_event_get_reason (event));
      add_string (builder, "notes", rd_complaint_event_get_notes (event));
      add_ref (builder, "contact", g_array_index (contact_refs, guint, e));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
build_complaint_from_facts (JsonBuilder *builder,
                            RdCaseFacts *facts,
                            RdComplaint *complaint)
{
  GPtrArray *events = rd_case_facts_get_events (facts, complaint);
  GPtrArray *incidents = rd_case_facts_get_incidents (facts);
  GPtrArray *contacts = rd_case_facts_get_contacts (facts);
  g_autoptr(GArray) incident_refs = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) contact_refs = g_array_sized_new (FALSE, FALSE, sizeof (guint), events->len);

  for (guint n = 0; n < incidents->len; n++)
    if (rd_complaint_has_incident (complaint, rd_incident_get_id (g_ptr_array_index (incidents, n))))
      g_array_append_val (incident_refs, (guint){ n + 1 });
  for (guint e = 0; e < events->len; e++)
    {
      gint64 contact_id = rd_complaint_event_get_contact_id (g_ptr_array_index (events, e));

      g_array_append_val (contact_refs,
                          (guint){ index_of (contacts, rd_case_facts_find_contact (facts, contact_id)) });
    }
  build_complaint (builder, complaint, events, incident_refs, contact_refs);
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
  GPtrArray *parties, *incidents, *contacts, *complaints;

  g_return_val_if_fail (RD_IS_CASE_FACTS (facts), NULL);

  parties = rd_case_facts_get_parties (facts);
  incidents = rd_case_facts_get_incidents (facts);
  contacts = rd_case_facts_get_contacts (facts);
  complaints = rd_case_facts_get_complaints (facts);

  json_builder_begin_object (builder);
  add_string (builder, "format", "redress-case");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, RD_CASE_JSON_VERSION);
  json_builder_set_member_name (builder, "case");
  build_case (builder, rd_case_facts_get_case (facts));

  json_builder_set_member_name (builder, "parties");
  json_builder_begin_array (builder);
  for (guint i = 0; i < parties->len; i++)
    build_party (builder, g_ptr_array_index (parties, i), i + 1);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "incidents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < incidents->len; i++)
    build_incident (builder, g_ptr_array_index (incidents, i), i + 1);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "contacts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < contacts->len; i++)
    {
      RdContact *contact = g_ptr_array_index (contacts, i);
      RdParty *party = rd_case_facts_find_party (facts, rd_contact_get_party_id (contact));

      build_contact (builder, contact, i + 1, index_of (parties, party));
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "complaints");
  json_builder_begin_array (builder);
  for (guint i = 0; i < complaints->len; i++)
    build_complaint_from_facts (builder, facts, g_ptr_array_index (complaints, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/*
 * The streaming writer. A case of 100,000 entries made one tree of the
 * whole document, then its text, and held both with every entry: 637 MB.
 * Here each record is read from the store, made into a small tree, written
 * out and dropped, so the memory needed is that of one record and of the
 * few records that others refer to by number.
 *
 * The bytes must stay those JsonGenerator writes for the whole tree (files
 * are compared, and exporting twice gives the same bytes). Its pretty
 * output indents by depth, and an empty object's inside depends on the
 * depth too, so each record is generated at the depth it has in the
 * document: wrapped in as many one-element arrays, whose brackets are then
 * cut off.
 */
#define WRITE_CHUNK (64 * 1024)

typedef struct {
  GOutputStream *out;
  GCancellable  *cancellable;
  GString       *buffer;        /* written text not yet handed to @out */
  GString       *scratch;
  JsonBuilder   *builder;
  JsonGenerator *generator;
  guint          n_items;       /* records so far in the list being written */
  GHashTable    *incident_refs; /* store id (gint64 *) → guint * document id, of entries complaints name */
  GHashTable    *contact_refs;  /* the same for the contacts of complaint steps */
  RdCaseFacts   *facts;         /* the case, its parties and complaints; not the diary or contacts */
} Writer;

static gboolean
flush_buffer (Writer  *w,
              gsize    keep_below,
              GError **error)
{
  if (w->buffer->len < keep_below)
    return TRUE;
  if (!g_output_stream_write_all (w->out, w->buffer->str, w->buffer->len, NULL,
                                  w->cancellable, error))
    return FALSE;
  g_string_truncate (w->buffer, 0);
  return TRUE;
}

/* Appends @node (taken) as the generator writes it at @depth: 1 for a
 * member of the document, 2 for a record in one of its lists. */
static void
append_node (Writer   *w,
             JsonNode *node,
             guint     depth)
{
  g_autoptr(JsonNode) root = node;
  gsize prefix, suffix;

  for (guint d = 0; d < depth; d++)
    {
      JsonArray *wrapper = json_array_sized_new (1);
      JsonNode *outer = json_node_new (JSON_NODE_ARRAY);

      json_array_add_element (wrapper, g_steal_pointer (&root));
      json_node_take_array (outer, wrapper);
      root = outer;
    }
  json_generator_set_root (w->generator, root);
  g_string_truncate (w->scratch, 0);
  json_generator_to_gstring (w->generator, w->scratch);

  /* Line k of the wrappers is 2k spaces and "[" and a newline, then 2
   * × depth spaces before the record; they close the same way. */
  prefix = depth * depth + 3 * depth;
  suffix = depth * depth + depth;
  g_assert (w->scratch->len > prefix + suffix && w->scratch->str[0] == '[' &&
            w->scratch->str[w->scratch->len - 1] == ']');
  g_string_append_len (w->buffer, w->scratch->str + prefix, w->scratch->len - prefix - suffix);
}

static JsonNode *
take_built (Writer *w)
{
  JsonNode *node = json_builder_get_root (w->builder);

  json_builder_reset (w->builder);
  return node;
}

static void
begin_member (Writer     *w,
              const char *name,
              gboolean    first)
{
  g_string_append_printf (w->buffer, "%s  \"%s\" : ", first ? "" : ",\n", name);
}

static void
begin_list (Writer     *w,
            const char *name)
{
  begin_member (w, name, FALSE);
  g_string_append_c (w->buffer, '[');
  w->n_items = 0;
}

static gboolean
add_item (Writer   *w,
          JsonNode *node,
          GError  **error)
{
  g_string_append (w->buffer, w->n_items++ == 0 ? "\n    " : ",\n    ");
  append_node (w, node, 2);
  return flush_buffer (w, WRITE_CHUNK, error) &&
         !g_cancellable_set_error_if_cancelled (w->cancellable, error);
}

static void
end_list (Writer *w)
{
  g_string_append (w->buffer, w->n_items > 0 ? "\n  ]" : "]");
}

static gboolean
write_incident_cb (gpointer   item,
                   gpointer   user_data,
                   GError   **error)
{
  Writer *w = user_data;
  RdIncident *incident = item;
  gint64 id = rd_incident_get_id (incident);
  guint doc_id = w->n_items + 1;
  guint *ref = g_hash_table_lookup (w->incident_refs, &id);

  if (ref != NULL)
    *ref = doc_id;
  build_incident (w->builder, incident, doc_id);
  return add_item (w, take_built (w), error);
}

static gboolean
write_contact_cb (gpointer   item,
                  gpointer   user_data,
                  GError   **error)
{
  Writer *w = user_data;
  RdContact *contact = item;
  gint64 id = rd_contact_get_id (contact);
  guint doc_id = w->n_items + 1;
  guint *ref = g_hash_table_lookup (w->contact_refs, &id);
  RdParty *party = rd_case_facts_find_party (w->facts, rd_contact_get_party_id (contact));

  if (ref != NULL)
    *ref = doc_id;
  build_contact (w->builder, contact, doc_id, index_of (rd_case_facts_get_parties (w->facts), party));
  return add_item (w, take_built (w), error);
}

static void
want_ref (GHashTable *refs,
          gint64      id)
{
  if (id != 0 && !g_hash_table_contains (refs, &id))
    g_hash_table_insert (refs, g_memdup2 (&id, sizeof id), g_new0 (guint, 1));
}

static guint
ref_of (GHashTable *refs,
        gint64      id)
{
  guint *ref = g_hash_table_lookup (refs, &id);

  return ref != NULL ? *ref : 0;
}

static gint
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The complaints are few: they come whole from the store, with their
 * steps in the order RdCaseFacts keeps them. */
static gboolean
load_complaints (Writer   *w,
                 RdStore  *store,
                 gint64    case_id,
                 GError  **error)
{
  g_autoptr(GListModel) parties = rd_store_list_parties (store, case_id, error);
  g_autoptr(GListModel) complaints = NULL;
  g_autoptr(GListStore) none = g_list_store_new (G_TYPE_OBJECT);
  GPtrArray *loaded;

  if (parties == NULL || (complaints = rd_store_list_complaints (store, case_id, error)) == NULL)
    return FALSE;
  rd_case_facts_add_lists (w->facts, parties, G_LIST_MODEL (none), G_LIST_MODEL (none));
  for (guint i = 0, n = g_list_model_get_n_items (complaints); i < n; i++)
    {
      g_autoptr(RdComplaint) complaint = g_list_model_get_item (complaints, i);
      g_autoptr(GListModel) events = rd_store_list_complaint_events (store, rd_complaint_get_id (complaint),
                                                                     error);

      if (events == NULL)
        return FALSE;
      rd_case_facts_add_complaint (w->facts, complaint);
      for (guint e = 0, m = g_list_model_get_n_items (events); e < m; e++)
        {
          g_autoptr(RdComplaintEvent) event = g_list_model_get_item (events, e);

          rd_case_facts_add_event (w->facts, complaint, event);
        }
    }

  loaded = rd_case_facts_get_complaints (w->facts);
  for (guint i = 0; i < loaded->len; i++)
    {
      RdComplaint *complaint = g_ptr_array_index (loaded, i);
      GPtrArray *events = rd_case_facts_get_events (w->facts, complaint);
      const gint64 *ids;
      guint n_ids;

      ids = rd_complaint_get_incident_ids (complaint, &n_ids);
      for (guint n = 0; n < n_ids; n++)
        want_ref (w->incident_refs, ids[n]);
      for (guint e = 0; e < events->len; e++)
        want_ref (w->contact_refs, rd_complaint_event_get_contact_id (g_ptr_array_index (events, e)));
    }
  return TRUE;
}

static gboolean
write_complaints (Writer  *w,
                  GError **error)
{
  GPtrArray *complaints = rd_case_facts_get_complaints (w->facts);

  begin_list (w, "complaints");
  for (guint i = 0; i < complaints->len; i++)
    {
      RdComplaint *complaint = g_ptr_array_index (complaints, i);
      GPtrArray *events = rd_case_facts_get_events (w->facts, complaint);
      g_autoptr(GArray) incident_refs = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) contact_refs = g_array_sized_new (FALSE, FALSE, sizeof (guint), events->len);
      const gint64 *ids;
      guint n_ids;

      /* In document order, each entry once, as the tree lists them. */
      ids = rd_complaint_get_incident_ids (complaint, &n_ids);
      for (guint n = 0; n < n_ids; n++)
        if (ref_of (w->incident_refs, ids[n]) != 0)
          g_array_append_val (incident_refs, (guint){ ref_of (w->incident_refs, ids[n]) });
      g_array_sort (incident_refs, compare_uint);
      for (guint n = 1; n < incident_refs->len; n++)
        if (g_array_index (incident_refs, guint, n) == g_array_index (incident_refs, guint, n - 1))
          g_array_remove_index (incident_refs, n--);
      for (guint e = 0; e < events->len; e++)
        g_array_append_val (contact_refs,
                            (guint){ ref_of (w->contact_refs,
                                             rd_complaint_event_get_contact_id (g_ptr_array_index (events, e))) });

      build_complaint (w->builder, complaint, events, incident_refs, contact_refs);
      if (!add_item (w, take_built (w), error))
        return FALSE;
    }
  end_list (w);
  return TRUE;
}

/* A case that follows a landlord's own profile carries it whole, so that
 * another computer works out the same deadlines. A case that follows the
 * Code has no "policy" member. */
static gboolean
write_policy (Writer   *w,
              RdStore  *store,
              gint64    case_id,
              GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RdPolicy) policy = rd_store_get_case_policy (store, case_id, &local_error);
  g_autofree char *definition = NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (policy == NULL)
    return TRUE;
  definition = rd_policy_to_data (policy);
  json_builder_begin_object (w->builder);
  add_string (w->builder, "name", rd_policy_get_name (policy));
  add_string (w->builder, "definition", definition);
  json_builder_end_object (w->builder);
  begin_member (w, "policy", FALSE);
  append_node (w, take_built (w), 1);
  return TRUE;
}

static gboolean
write_document (Writer   *w,
                RdStore  *store,
                gint64    case_id,
                GError  **error)
{
  g_autoptr(RdCase) rcase = rd_store_get_case (store, case_id, error);
  GPtrArray *parties;

  if (rcase == NULL)
    return FALSE;
  w->facts = rd_case_facts_new (rcase);
  if (!load_complaints (w, store, case_id, error))
    return FALSE;

  g_string_append (w->buffer, "{\n");
  begin_member (w, "format", TRUE);
  append_node (w, json_node_init_string (json_node_alloc (), "redress-case"), 1);
  begin_member (w, "version", FALSE);
  append_node (w, json_node_init_int (json_node_alloc (), RD_CASE_JSON_VERSION), 1);
  begin_member (w, "case", FALSE);
  build_case (w->builder, rcase);
  append_node (w, take_built (w), 1);

  parties = rd_case_facts_get_parties (w->facts);
  begin_list (w, "parties");
  for (guint i = 0; i < parties->len; i++)
    {
      build_party (w->builder, g_ptr_array_index (parties, i), i + 1);
      if (!add_item (w, take_built (w), error))
        return FALSE;
    }
  end_list (w);

  begin_list (w, "incidents");
  if (!rd_store_foreach_incident (store, case_id, write_incident_cb, w, error))
    return FALSE;
  end_list (w);
  begin_list (w, "contacts");
  if (!rd_store_foreach_contact (store, case_id, write_contact_cb, w, error))
    return FALSE;
  end_list (w);

  if (!write_complaints (w, error) ||
      !write_policy (w, store, case_id, error))
    return FALSE;
  g_string_append (w->buffer, "\n}\n");
  return flush_buffer (w, 0, error);
}

/**
 * rd_case_json_write:
 * @out: where the document goes
 * @cancellable: (nullable): stops the export; what was written is then
 *   incomplete
 *
 * Writes the case as indented JSON text, ending with a newline: the text
 * rd_case_json_from_facts() gives, with the case's own policy profile. The
 * diary and contacts are read and written one record at a time, so memory
 * does not grow with the case. An error from @out is a #GIOError; if
 * anything fails, what @out received is incomplete.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
rd_case_json_write (RdStore        *store,
                    gint64          case_id,
                    GOutputStream  *out,
                    GCancellable   *cancellable,
                    GError        **error)
{
  Writer w = { out, cancellable };
  gboolean ok;

  g_return_val_if_fail (RD_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  w.buffer = g_string_sized_new (WRITE_CHUNK + 4096);
  w.scratch = g_string_new (NULL);
  w.builder = json_builder_new ();
  w.generator = json_generator_new ();
  json_generator_set_pretty (w.generator, TRUE);
  json_generator_set_indent (w.generator, 2);
  w.incident_refs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  w.contact_refs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  ok = write_document (&w, store, case_id, error);

  g_string_free (w.buffer, TRUE);
  g_string_free (w.scratch, TRUE);
  g_object_unref (w.builder);
  g_object_unref (w.generator);
  g_hash_table_unref (w.incident_refs);
  g_hash_table_unref (w.contact_refs);
  g_clear_object (&w.facts);
  return ok;
}

/**
 * rd_case_json_export:
 *
 * rd_case_json_write() into memory, for callers that want the text.
 *
 * Returns: (transfer full): the case as indented JSON text, ending with a
 *   newline, or %NULL with @error set
 */
char *
rd_case_json_export (RdStore  *store,
                     gint64    case_id,
                     GError  **error)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_return_val_if_fail (RD_IS_STORE (store), NULL);

  if (!rd_case_json_write (store, case_id, out, NULL, error) ||
      !g_output_stream_write_all (out, "", 1, NULL, NULL, error) ||
      !g_output_stream_close (out, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}
