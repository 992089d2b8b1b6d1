/* rd-case-archive-write.c: the case document of a hand-over archive,
 * written a record at a time.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A case of 100,000 diary entries made one json-glib tree of the whole
 * document (the case, every version of every entry, the times), then its
 * text, and held both: 1.3 GB. Here the case goes through the streaming
 * writer of case JSON, and each version, evidence record, link and pair of
 * times is read from the store, written out and dropped. What is held is
 * what the other records refer to: the place in the document of each
 * entry, contact, evidence record and complaint step.
 *
 * The document is the one the archive always held (rd-case-archive.c);
 * only its spacing differs from a json-glib tree's.
 */
#define G_LOG_DOMAIN "rd-case-archive"

#include "config.h"

#include "rd-case-archive-private.h"
#include "rd-case-json-private.h"
#include "rd-datetime.h"
#include "rd-json-writer.h"
#include "rd-store-advisers.h"
#include "rd-store-archive.h"

typedef struct {
  RdJsonWriter   json;
  GOutputStream *out;
  GCancellable  *cancellable;
  RdArchiveProgress *progress;      /* (nullable) */
  double         part_start;        /* of the phase, where the part being written starts */
  double         part_size;
  guint          part_total;        /* records the part is expected to have, or 0 */
  guint          part_done;
  JsonBuilder   *builder;
  RdStore       *store;
  gint64         case_id;
  RdJsonWritten  written;
  GHashTable    *incident_doc_ids;  /* the store's id → place in the document */
  GHashTable    *contact_doc_ids;
  GHashTable    *evidence_doc_ids;
  GHashTable    *event_positions;   /* the store's id → { complaint, step } */
  GPtrArray     *files;             /* RdArchiveFile */
} DocWriter;

void
_rd_archive_file_free (gpointer data)
{
  RdArchiveFile *file = data;

  g_free (file->sha256);
  g_free (file);
}

static GHashTable *
new_id_map (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static void
map_id (GHashTable *map,
        gint64      from,
        gint64      to)
{
  g_hash_table_insert (map, g_memdup2 (&from, sizeof from), g_memdup2 (&to, sizeof to));
}

static gint64
lookup_id (GHashTable *map,
           gint64      from)
{
  gint64 *to = g_hash_table_lookup (map, &from);

  return to ? *to : 0;
}

static JsonNode *
take_built (DocWriter *w)
{
  JsonNode *node = json_builder_get_root (w->builder);

  json_builder_reset (w->builder);
  return node;
}

static void
begin_list (DocWriter  *w,
            const char *name)
{
  rd_json_writer_member (&w->json, name);
  rd_json_writer_begin_list (&w->json, FALSE);
}

/* The document is written in parts (the case, the versions, the evidence,
 * the times), each taking @size of the phase and expected to have about
 * @total records. */
static void
begin_part (DocWriter *w,
            double     start,
            double     size,
            guint      total)
{
  w->part_start = start;
  w->part_size = size;
  w->part_total = total;
  w->part_done = 0;
}

/* One record of the part written: checks for a cancel. */
static gboolean
step (DocWriter  *w,
      GError    **error)
{
  double within;

  w->part_done++;
  within = w->part_total > 0 ? MIN ((double) w->part_done / w->part_total, 1) : 0;
  if (w->progress == NULL)
    return !g_cancellable_set_error_if_cancelled (w->cancellable, error);
  return _rd_archive_progress_step (w->progress, w->part_start + w->part_size * within, error);
}

static gboolean
add_item (DocWriter  *w,
          JsonNode   *node,
          GError    **error)
{
  rd_json_writer_node (&w->json, node);
  return rd_json_writer_flush (&w->json, FALSE, error) && step (w, error);
}

/* Copies the member @name of a row of the store as it is: null, number or text. */
static void
add_column (JsonBuilder *builder,
            const char  *name,
            JsonObject  *row)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_value (builder, json_node_copy (json_object_get_member (row, name)));
}

static void
add_date (JsonBuilder *builder,
          const char  *name,
          const GDate *date)
{
  json_builder_set_member_name (builder, name);
  if (date == NULL)
    json_builder_add_null_value (builder);
  else
    {
      g_autofree char *text = rd_date_to_iso (date);
      json_builder_add_string_value (builder, text);
    }
}

static gboolean
write_admin (DocWriter  *w,
             GError    **error)
{
  g_autoptr(RdCaseAdmin) admin = rd_store_get_case_admin (w->store, w->case_id, error);
  JsonBuilder *builder = w->builder;

  if (admin == NULL)
    return FALSE;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "client_number");
  json_builder_add_string_value (builder, rd_case_admin_get_client_number (admin));
  json_builder_set_member_name (builder, "use_client_number");
  json_builder_add_boolean_value (builder, rd_case_admin_get_use_client_number (admin));
  json_builder_set_member_name (builder, "archived_at");
  if (rd_case_admin_get_archived (admin))
    json_builder_add_int_value (builder, rd_case_admin_get_archived_at (admin));
  else
    json_builder_add_null_value (builder);
  add_date (builder, "consent_given", rd_case_admin_get_consent_given (admin));
  add_date (builder, "consent_renew", rd_case_admin_get_consent_renew (admin));
  add_date (builder, "authority_date", rd_case_admin_get_authority_date (admin));
  json_builder_set_member_name (builder, "authority_scope");
  json_builder_add_string_value (builder, rd_case_admin_get_authority_scope (admin));
  json_builder_end_object (builder);
  rd_json_writer_member (&w->json, "admin");
  rd_json_writer_node (&w->json, take_built (w));
  return TRUE;
}

/* The records of the case JSON are known by their places in it: entries
 * and contacts 1, 2, 3…, and complaint steps by complaint and step. */
static void
map_written (DocWriter *w)
{
  GArray *ids = w->written.ids[RD_STORE_RECORD_INCIDENT];
  guint complaint = 0, step = 0;

  for (guint i = 0; i < ids->len; i++)
    map_id (w->incident_doc_ids, g_array_index (ids, gint64, i), i + 1);
  ids = w->written.ids[RD_STORE_RECORD_CONTACT];
  for (guint i = 0; i < ids->len; i++)
    map_id (w->contact_doc_ids, g_array_index (ids, gint64, i), i + 1);
  ids = w->written.ids[RD_STORE_RECORD_EVENT];
  for (guint i = 0; i < ids->len; i++)
    {
      guint in = g_array_index (w->written.event_complaint, guint, i);
      gint64 position[2];

      step = in == complaint ? step + 1 : 1;
      complaint = in;
      position[0] = complaint;
      position[1] = step;
      g_hash_table_insert (w->event_positions, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)),
                           g_memdup2 (position, sizeof position));
    }
}

static gboolean
write_revision_cb (JsonObject  *row,
                   gpointer     user_data,
                   GError     **error)
{
  static const char * const columns[] = {
    "written_at", "last_changed_at", "starts_at", "ends_at", "category", "location",
    "description", "impact", "people", "witnesses", "reported_to", "reference",
    "landlord_reported_on", "landlord_reported_minute", "asb_risk", "repair_priority", "hazard",
    "landlord_steps", "asb_report", "service_loss",
  };
  DocWriter *w = user_data;

  json_builder_begin_object (w->builder);
  json_builder_set_member_name (w->builder, "incident");
  json_builder_add_int_value (w->builder, lookup_id (w->incident_doc_ids,
                                                     json_object_get_int_member (row, "incident")));
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    add_column (w->builder, columns[i], row);
  json_builder_end_object (w->builder);
  return add_item (w, take_built (w), error);
}

/* First the ids, so that an email's attachments can name their parent. */
static gboolean
collect_evidence_cb (JsonObject  *row,
                     gpointer     user_data,
                     GError     **error)
{
  DocWriter *w = user_data;
  RdArchiveFile *file = g_new0 (RdArchiveFile, 1);

  file->sha256 = g_strdup (json_object_get_string_member (row, "sha256"));
  file->size = json_object_get_int_member (row, "size");
  g_ptr_array_add (w->files, file);
  map_id (w->evidence_doc_ids, json_object_get_int_member (row, "id"), w->files->len);
  return step (w, error);
}

static gboolean
write_evidence_cb (JsonObject  *row,
                   gpointer     user_data,
                   GError     **error)
{
  static const char * const columns[] = {
    "sha256", "size", "content_type", "kind", "original_name", "captured_at", "date_source",
    "description", "page_count", "duration_ms", "orientation", "title", "author", "recipients",
    "problem",
  };
  DocWriter *w = user_data;
  JsonBuilder *builder = w->builder;
  gint64 parent = lookup_id (w->evidence_doc_ids, json_object_get_int_member (row, "parent"));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, lookup_id (w->evidence_doc_ids, json_object_get_int_member (row, "id")));
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    add_column (builder, columns[i], row);
  json_builder_set_member_name (builder, "needs_password");
  json_builder_add_boolean_value (builder, json_object_get_boolean_member (row, "needs_password"));
  json_builder_set_member_name (builder, "parent");
  if (parent != 0)
    json_builder_add_int_value (builder, parent);
  else
    json_builder_add_null_value (builder);
  add_column (builder, "imported_at", row);
  add_column (builder, "exhibit_no", row);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, json_object_get_string_member (row, "text"));
  json_builder_end_object (builder);
  return add_item (w, take_built (w), error);
}

static gboolean
write_link_cb (JsonObject  *row,
               gpointer     user_data,
               GError     **error)
{
  DocWriter *w = user_data;
  JsonBuilder *builder = w->builder;
  const char *kind = json_object_get_string_member (row, "target_kind");
  gint64 target = json_object_get_int_member (row, "target");
  gint64 doc_target = 0;
  gint64 *position = NULL;

  if (g_str_equal (kind, "incident"))
    doc_target = lookup_id (w->incident_doc_ids, target);
  else if (g_str_equal (kind, "contact"))
    doc_target = lookup_id (w->contact_doc_ids, target);
  else if (g_str_equal (kind, "complaint-event"))
    position = g_hash_table_lookup (w->event_positions, &target);
  if (doc_target == 0 && position == NULL)
    {
      g_warning ("Evidence link to %s %" G_GINT64_FORMAT " outside its case left out", kind, target);
      return TRUE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "evidence");
  json_builder_add_int_value (builder, lookup_id (w->evidence_doc_ids,
                                                  json_object_get_int_member (row, "evidence")));
  json_builder_set_member_name (builder, "target_kind");
  json_builder_add_string_value (builder, kind);
  if (position != NULL)
    {
      json_builder_set_member_name (builder, "complaint");
      json_builder_add_int_value (builder, position[0]);
      json_builder_set_member_name (builder, "event");
      json_builder_add_int_value (builder, position[1]);
    }
  else
    {
      json_builder_set_member_name (builder, "target");
      json_builder_add_int_value (builder, doc_target);
    }
  add_column (builder, "note", row);
  add_column (builder, "created_at", row);
  json_builder_end_object (builder);
  return add_item (w, take_built (w), error);
}

/* "case_uuid", the case's identity, and "policy", the landlord's profile
 * it follows (null for the Code). */
static gboolean
write_identity_policy (DocWriter  *w,
                       GError    **error)
{
  g_autofree char *identity = rd_store_dup_case_identity (w->store, w->case_id, error);
  gboolean added;

  if (identity == NULL)
    return FALSE;
  rd_json_writer_member (&w->json, "case_uuid");
  rd_json_writer_string (&w->json, identity);
  if (!_rd_json_build_case_policy (w->builder, w->store, w->case_id, &added, error))
    return FALSE;
  rd_json_writer_member (&w->json, "policy");
  rd_json_writer_node (&w->json, added ? take_built (w) : json_node_init_null (json_node_alloc ()));
  return TRUE;
}

/* "times": for the case and each list of the case JSON, in document
 * order, [created_at, updated_at] (see rd-case-archive-times.c). */
static gboolean
write_times (DocWriter  *w,
             GError    **error)
{
  rd_json_writer_member (&w->json, "times");
  rd_json_writer_begin_object (&w->json);
  for (guint k = 0; k < RD_STORE_RECORD_N_KINDS; k++)
    {
      GArray *ids = w->written.ids[k];

      rd_json_writer_member (&w->json, _rd_archive_times_list_name (k));
      /* The case's own pair stands alone; each list's pairs are packed. */
      if (k != RD_STORE_RECORD_CASE)
        rd_json_writer_begin_list (&w->json, TRUE);
      for (guint i = 0; i < ids->len; i++)
        {
          gint64 created_at, updated_at;
          char pair[64];

          if (!rd_store_get_record_times (w->store, k, g_array_index (ids, gint64, i),
                                          &created_at, &updated_at, error))
            return FALSE;
          g_snprintf (pair, sizeof pair, "[%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT "]",
                      created_at, updated_at);
          rd_json_writer_raw (&w->json, pair);
          if (!rd_json_writer_flush (&w->json, FALSE, error) || !step (w, error))
            return FALSE;
        }
      if (k != RD_STORE_RECORD_CASE)
        rd_json_writer_end_list (&w->json);
    }
  rd_json_writer_end_object (&w->json);
  return TRUE;
}

static gboolean
write_document (DocWriter  *w,
                GError    **error)
{
  rd_json_writer_begin_object (&w->json);
  rd_json_writer_member (&w->json, "format");
  rd_json_writer_string (&w->json, "redress-case-archive");
  rd_json_writer_member (&w->json, "version");
  rd_json_writer_int (&w->json, RD_CASE_ARCHIVE_FORMAT_VERSION);
  /* The case is written by the case JSON writer, straight to the stream. */
  rd_json_writer_member (&w->json, "case");
  begin_part (w, 0, 0.5, 0);
  if (!rd_json_writer_flush (&w->json, TRUE, error) ||
      !_rd_json_write_case (w->store, w->case_id, w->out, FALSE, &w->written, w->cancellable, error))
    return FALSE;
  map_written (w);

  if (!write_admin (w, error))
    return FALSE;
  /* At least one version of each entry. */
  begin_part (w, 0.5, 0.2, w->written.ids[RD_STORE_RECORD_INCIDENT]->len);
  begin_list (w, "revisions");
  if (!rd_store_each_revision (w->store, w->case_id, write_revision_cb, w, error))
    return FALSE;
  rd_json_writer_end_list (&w->json);
  begin_part (w, 0.7, 0.1, 0);
  if (!rd_store_each_evidence (w->store, w->case_id, collect_evidence_cb, w, error))
    return FALSE;
  begin_list (w, "evidence");
  if (!rd_store_each_evidence (w->store, w->case_id, write_evidence_cb, w, error))
    return FALSE;
  rd_json_writer_end_list (&w->json);
  begin_list (w, "links");
  if (!rd_store_each_evidence_link (w->store, w->case_id, write_link_cb, w, error))
    return FALSE;
  rd_json_writer_end_list (&w->json);
  if (!write_identity_policy (w, error))
    return FALSE;
  {
    guint total = 0;

    for (guint k = 0; k < RD_STORE_RECORD_N_KINDS; k++)
      total += w->written.ids[k]->len;
    begin_part (w, 0.8, 0.2, total);
  }
  if (!write_times (w, error))
    return FALSE;
  rd_json_writer_end_object (&w->json);
  return rd_json_writer_flush (&w->json, TRUE, error);
}

/**
 * _rd_archive_write_document:
 * @files: (element-type RdArchiveFile): gets the evidence files the
 *   document names, in its order
 *
 * Writes the archive's case document to @out: the case JSON (without its
 * policy, which has a member of its own), the adviser's record, every
 * version of every diary entry, the evidence records with their text and
 * links, the case's identity and policy, and when each record was written
 * and changed. Records are read from the store and written one at a time.
 *
 * Returns: %TRUE, or %FALSE with @error set (what @out got is incomplete)
 */
gboolean
_rd_archive_write_document (RdStore        *store,
                            gint64          case_id,
                            GOutputStream  *out,
                            GPtrArray      *files,
                            RdArchiveProgress *progress,
                            GError        **error)
{
  DocWriter w = { { 0 } };
  gboolean ok;

  w.out = out;
  w.cancellable = progress != NULL ? progress->cancellable : NULL;
  w.progress = progress;
  rd_json_writer_init (&w.json, out, RD_JSON_WRITER_COMPACT, w.cancellable);
  w.builder = json_builder_new ();
  w.store = store;
  w.case_id = case_id;
  _rd_json_written_init (&w.written);
  w.incident_doc_ids = new_id_map ();
  w.contact_doc_ids = new_id_map ();
  w.evidence_doc_ids = new_id_map ();
  w.event_positions = new_id_map ();
  w.files = files;

  ok = write_document (&w, error);

  rd_json_writer_clear (&w.json);
  g_object_unref (w.builder);
  _rd_json_written_clear (&w.written);
  g_hash_table_unref (w.incident_doc_ids);
  g_hash_table_unref (w.contact_doc_ids);
  g_hash_table_unref (w.evidence_doc_ids);
  g_hash_table_unref (w.event_positions);
  return ok;
}
