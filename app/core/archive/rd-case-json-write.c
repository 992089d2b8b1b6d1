/* rd-case-json-write.c: writing a whole case as one JSON document, a record at a time.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-json"

#include "config.h"

#include <string.h>

#include "rd-gettext.h"

#include "rd-case-json-private.h"
#include "rd-datetime.h"
#include "rd-json-writer.h"
#include "rd-store-case-facts.h"
#include "rd-store-complaints.h"
#include "rd-store-policies.h"

/*
 * The document refers to parties, diary entries and contacts by ids of its own, written
 * here as 1, 2, 3… in document order, so that exporting the same facts
 * twice gives the same bytes whatever the store's ids are.
 */

static guint
index_of (GPtrArray *items,
          gpointer   item)
{
  guint index;

  return item != NULL && g_ptr_array_find (items, item, &index) ? index + 1 : 0;
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
  _rd_json_build_complaint (builder, complaint, events, incident_refs, contact_refs);
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
  _rd_json_add_string (builder, "format", "redress-case");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, RD_CASE_JSON_VERSION);
  json_builder_set_member_name (builder, "case");
  _rd_json_build_case (builder, rd_case_facts_get_case (facts));

  json_builder_set_member_name (builder, "parties");
  json_builder_begin_array (builder);
  for (guint i = 0; i < parties->len; i++)
    _rd_json_build_party (builder, g_ptr_array_index (parties, i), i + 1);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "incidents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < incidents->len; i++)
    _rd_json_build_incident (builder, g_ptr_array_index (incidents, i), i + 1);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "contacts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < contacts->len; i++)
    {
      RdContact *contact = g_ptr_array_index (contacts, i);
      RdParty *party = rd_case_facts_find_party (facts, rd_contact_get_party_id (contact));

      _rd_json_build_contact (builder, contact, i + 1, index_of (parties, party));
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
 * Here each record is read from the store, made into a small tree and
 * written out by the JSON writer (rd-json-writer.c) as JsonGenerator
 * writes it in the whole tree, then dropped, so the memory needed is that
 * of one record and of the few records that others refer to by number.
 */
typedef struct {
  RdJsonWriter   json;
  GCancellable  *cancellable;
  JsonBuilder   *builder;
  GHashTable    *incident_refs; /* store id (gint64 *) → guint * document id, of entries complaints name */
  GHashTable    *contact_refs;  /* the same for the contacts of complaint steps */
  RdCaseFacts   *facts;         /* the case, its parties and complaints; not the diary or contacts */
  gboolean       with_policy;   /* the case's own policy profile goes in as "policy" */
  RdJsonWritten *written;       /* (nullable): the store's ids, in document order */
} Writer;

static void
note_written (Writer            *w,
              RdStoreRecordKind  kind,
              gint64             id)
{
  if (w->written != NULL)
    g_array_append_val (w->written->ids[kind], id);
}

static JsonNode *
take_built (Writer *w)
{
  JsonNode *node = json_builder_get_root (w->builder);

  json_builder_reset (w->builder);
  return node;
}

static void
begin_list (Writer     *w,
            const char *name)
{
  rd_json_writer_member (&w->json, name);
  rd_json_writer_begin_list (&w->json, FALSE);
}

/* The next record's id in the document: its place in its list, from 1. */
static guint
next_doc_id (Writer *w)
{
  return rd_json_writer_get_count (&w->json) + 1;
}

static gboolean
add_item (Writer   *w,
          JsonNode *node,
          GError  **error)
{
  rd_json_writer_node (&w->json, node);
  return rd_json_writer_flush (&w->json, FALSE, error) &&
         !g_cancellable_set_error_if_cancelled (w->cancellable, error);
}

static gboolean
write_incident_cb (gpointer   item,
                   gpointer   user_data,
                   GError   **error)
{
  Writer *w = user_data;
  RdIncident *incident = item;
  gint64 id = rd_incident_get_id (incident);
  guint doc_id = next_doc_id (w);
  guint *ref = g_hash_table_lookup (w->incident_refs, &id);

  if (ref != NULL)
    *ref = doc_id;
  note_written (w, RD_STORE_RECORD_INCIDENT, id);
  _rd_json_build_incident (w->builder, incident, doc_id);
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
  guint doc_id = next_doc_id (w);
  guint *ref = g_hash_table_lookup (w->contact_refs, &id);
  RdParty *party = rd_case_facts_find_party (w->facts, rd_contact_get_party_id (contact));

  if (ref != NULL)
    *ref = doc_id;
  note_written (w, RD_STORE_RECORD_CONTACT, id);
  _rd_json_build_contact (w->builder, contact, doc_id,
                               index_of (rd_case_facts_get_parties (w->facts), party));
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

      note_written (w, RD_STORE_RECORD_COMPLAINT, rd_complaint_get_id (complaint));
      for (guint e = 0; e < events->len; e++)
        {
          note_written (w, RD_STORE_RECORD_EVENT,
                        rd_complaint_event_get_id (g_ptr_array_index (events, e)));
          if (w->written != NULL)
            g_array_append_val (w->written->event_complaint, (guint){ i + 1 });
        }
      _rd_json_build_complaint (w->builder, complaint, events, incident_refs, contact_refs);
      if (!add_item (w, take_built (w), error))
        return FALSE;
    }
  rd_json_writer_end_list (&w->json);
  return TRUE;
}

/**
 * _rd_json_build_case_policy:
 * @added: (out): whether the case has a policy of its own, and so
 *   whether anything was added
 *
 * Adds the landlord's own policy profile that case @case_id follows to
 * @builder as {"name": …, "definition": the profile as text}, the same in
 * case JSON and in a hand-over archive; nothing for a case that follows
 * the Code.
 */
gboolean
_rd_json_build_case_policy (JsonBuilder  *builder,
                            RdStore      *store,
                            gint64        case_id,
                            gboolean     *added,
                            GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RdPolicy) policy = rd_store_get_case_policy (store, case_id, &local_error);
  g_autofree char *definition = NULL;

  *added = FALSE;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (policy == NULL)
    return TRUE;
  definition = rd_policy_to_data (policy);
  json_builder_begin_object (builder);
  _rd_json_add_string (builder, "name", rd_policy_get_name (policy));
  _rd_json_add_string (builder, "definition", definition);
  json_builder_end_object (builder);
  *added = TRUE;
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
  gboolean added;

  if (!w->with_policy)
    return TRUE;
  if (!_rd_json_build_case_policy (w->builder, store, case_id, &added, error))
    return FALSE;
  if (added)
    {
      rd_json_writer_member (&w->json, "policy");
      rd_json_writer_node (&w->json, take_built (w));
    }
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

  rd_json_writer_begin_object (&w->json);
  rd_json_writer_member (&w->json, "format");
  rd_json_writer_string (&w->json, "redress-case");
  rd_json_writer_member (&w->json, "version");
  rd_json_writer_int (&w->json, RD_CASE_JSON_VERSION);
  rd_json_writer_member (&w->json, "case");
  note_written (w, RD_STORE_RECORD_CASE, case_id);
  _rd_json_build_case (w->builder, rcase);
  rd_json_writer_node (&w->json, take_built (w));

  parties = rd_case_facts_get_parties (w->facts);
  begin_list (w, "parties");
  for (guint i = 0; i < parties->len; i++)
    {
      note_written (w, RD_STORE_RECORD_PARTY, rd_party_get_id (g_ptr_array_index (parties, i)));
      _rd_json_build_party (w->builder, g_ptr_array_index (parties, i), i + 1);
      if (!add_item (w, take_built (w), error))
        return FALSE;
    }
  rd_json_writer_end_list (&w->json);

  begin_list (w, "incidents");
  if (!rd_store_foreach_incident (store, case_id, write_incident_cb, w, error))
    return FALSE;
  rd_json_writer_end_list (&w->json);
  begin_list (w, "contacts");
  if (!rd_store_foreach_contact (store, case_id, write_contact_cb, w, error))
    return FALSE;
  rd_json_writer_end_list (&w->json);

  if (!write_complaints (w, error) ||
      !write_policy (w, store, case_id, error))
    return FALSE;
  rd_json_writer_end_object (&w->json);
  return rd_json_writer_flush (&w->json, TRUE, error);
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
  g_return_val_if_fail (RD_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  return _rd_json_write_case (store, case_id, out, TRUE, NULL, cancellable, error);
}

void
_rd_json_written_init (RdJsonWritten *written)
{
  for (guint k = 0; k < RD_STORE_RECORD_N_KINDS; k++)
    written->ids[k] = g_array_new (FALSE, FALSE, sizeof (gint64));
  written->event_complaint = g_array_new (FALSE, FALSE, sizeof (guint));
}

void
_rd_json_written_clear (RdJsonWritten *written)
{
  for (guint k = 0; k < RD_STORE_RECORD_N_KINDS; k++)
    g_clear_pointer (&written->ids[k], g_array_unref);
  g_clear_pointer (&written->event_complaint, g_array_unref);
}

/**
 * _rd_json_write_case:
 * @with_policy: whether the case's own policy profile goes in ("policy")
 * @written: (nullable): begun with _rd_json_written_init(); gets the
 *   store's ids of what was written, in document order, kind by kind
 *
 * rd_case_json_write(), for the archive, which carries the policy itself
 * and refers to the records by their places in the document.
 */
gboolean
_rd_json_write_case (RdStore        *store,
                     gint64          case_id,
                     GOutputStream  *out,
                     gboolean        with_policy,
                     RdJsonWritten  *written,
                     GCancellable   *cancellable,
                     GError        **error)
{
  Writer w = { { 0 } };
  gboolean ok;

  rd_json_writer_init (&w.json, out, RD_JSON_WRITER_PRETTY, cancellable);
  w.cancellable = cancellable;
  w.with_policy = with_policy;
  w.written = written;
  w.builder = json_builder_new ();
  w.incident_refs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  w.contact_refs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  ok = write_document (&w, store, case_id, error);

  rd_json_writer_clear (&w.json);
  g_object_unref (w.builder);
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
