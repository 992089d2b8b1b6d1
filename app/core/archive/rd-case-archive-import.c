/* rd-case-archive-import.c: taking a checked case archive into the store in
 * one write, and its evidence files into the evidence folder only once that
 * write is committed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-archive"

#include "config.h"

#include "rd-case-archive-private.h"
#include "rd-case-json.h"
#include "rd-store-advisers.h"
#include "rd-store-archive.h"
#include "rd-store-evidence.h"
#include "rd-store-policies.h"
#include "rd-staging.h"

static gint64
lookup (GHashTable *map,
        gint64      key)
{
  gint64 *value = map ? g_hash_table_lookup (map, &key) : NULL;

  return value ? *value : 0;
}

static gboolean
write_revisions (RdStore            *store,
                 RdArchiveDocument  *doc,
                 GHashTable         *incident_ids,
                 GError            **error)
{
  GHashTableIter iter;
  gint64 *new_id;

  /* Saving the entries wrote a first version of each: the archive's
   * history replaces it, exactly as it was. */
  g_hash_table_iter_init (&iter, incident_ids);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &new_id))
    if (!rd_store_clear_revisions (store, *new_id, error))
      return FALSE;

  for (guint i = 0; i < json_array_get_length (doc->revisions); i++)
    {
      JsonObject *object = json_array_get_object_element (doc->revisions, i);

      if (!rd_store_restore_revision (store,
                                      lookup (incident_ids, json_object_get_int_member (object, "incident")),
                                      object, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_evidence (RdStore            *store,
                gint64              case_id,
                RdArchiveDocument  *doc,
                GHashTable         *evidence_ids,
                GError            **error)
{
  guint n = json_array_get_length (doc->evidence);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = json_array_get_object_element (doc->evidence, i);
      gint64 doc_id = json_object_get_int_member (object, "id");
      gint64 new_id;

      new_id = rd_store_restore_evidence (store, case_id, object, error);
      if (new_id == 0)
        return FALSE;
      g_hash_table_insert (evidence_ids, g_memdup2 (&doc_id, sizeof doc_id),
                           g_memdup2 (&new_id, sizeof new_id));
    }

  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = json_array_get_object_element (doc->evidence, i);
      JsonNode *parent = json_object_get_member (object, "parent");

      if (JSON_NODE_HOLDS_NULL (parent))
        continue;
      if (!rd_store_set_evidence_parent (store,
                                         lookup (evidence_ids, json_object_get_int_member (object, "id")),
                                         lookup (evidence_ids, json_node_get_int (parent)), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_links (RdStore            *store,
             RdArchiveDocument  *doc,
             GHashTable         *evidence_ids,
             GHashTable         *incident_ids,
             GHashTable         *contact_ids,
             GError            **error)
{
  GPtrArray *complaints = rd_case_facts_get_complaints (doc->facts);

  for (guint i = 0; i < json_array_get_length (doc->links); i++)
    {
      JsonObject *object = json_array_get_object_element (doc->links, i);
      const char *kind = json_object_get_string_member (object, "target_kind");
      gint64 target;

      if (g_str_equal (kind, "incident"))
        target = lookup (incident_ids, json_object_get_int_member (object, "target"));
      else if (g_str_equal (kind, "contact"))
        target = lookup (contact_ids, json_object_get_int_member (object, "target"));
      else
        {
          /* Saving the case gave its events the store's ids. */
          RdComplaint *complaint = g_ptr_array_index (complaints,
                                                      json_object_get_int_member (object, "complaint") - 1);
          GPtrArray *events = rd_case_facts_get_events (doc->facts, complaint);

          target = rd_complaint_event_get_id (g_ptr_array_index (events,
                                                                 json_object_get_int_member (object, "event") - 1));
        }

      if (!rd_store_restore_evidence_link (store,
                                           lookup (evidence_ids,
                                                   json_object_get_int_member (object, "evidence")),
                                           kind, target,
                                           json_object_get_string_member (object, "note"),
                                           json_object_get_int_member (object, "created_at"),
                                           error))
        return FALSE;
    }
  return TRUE;
}

/* The case goes into the store in one write, or not at all. Unless it is
 * taken in as a copy, it keeps the archive's identity, and a case with that
 * identity must not be here already. */
static gint64
write_case (RdStore                   *store,
            RdArchiveContents         *contents,
            RdArchiveDocument         *doc,
            RdCaseArchiveImportFlags   flags,
            GError                   **error)
{
  GHashTableIter iter;
  const char *sha256, *staged;
  g_autoptr(GHashTable) incident_ids = NULL;
  g_autoptr(GHashTable) contact_ids = NULL;
  g_autoptr(GHashTable) evidence_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gint64 case_id;

  if (!rd_store_begin (store, error))
    return 0;
  if (!(flags & RD_CASE_ARCHIVE_IMPORT_AS_COPY) && !_rd_archive_check_not_here (store, doc->identity, error))
    goto fail;
  case_id = rd_case_json_import_facts (store, doc->facts, &incident_ids, &contact_ids, error);
  if (case_id == 0 ||
      (!(flags & RD_CASE_ARCHIVE_IMPORT_AS_COPY) && !_rd_archive_set_identity (store, case_id, doc->identity, error)))
    goto fail;
  rd_case_admin_set_case_id (doc->admin, case_id);
  if (!rd_store_save_case_admin (store, doc->admin, error) ||
      !write_revisions (store, doc, incident_ids, error) ||
      !write_evidence (store, case_id, doc, evidence_ids, error) ||
      !write_links (store, doc, evidence_ids, incident_ids, contact_ids, error) ||
      (doc->policy != NULL && !rd_store_adopt_case_policy (store, case_id, doc->policy, error)) ||
      !_rd_archive_restore_times (store, json_node_get_object (doc->root), doc->facts, error))
    goto fail;
  /* Each staged file takes its hash as its name in the evidence folder
   * once this commits (rd-store-intents.c): the case is there whole, or
   * not at all, even if Redress is killed in between. */
  g_hash_table_iter_init (&iter, contents->staged);
  while (g_hash_table_iter_next (&iter, (gpointer *) &sha256, (gpointer *) &staged))
    {
      if (!rd_store_intend_place (store, sha256, staged, error))
        goto fail;
    }
  rd_kill_point ("import-case-before-commit");
  if (!rd_store_commit (store, error))
    return 0;
  /* The staged copies belong to the intents now. */
  g_hash_table_remove_all (contents->staged);
  return case_id;

fail:
  rd_store_rollback (store);
  return 0;
}

/**
 * rd_case_archive_import:
 *
 * rd_case_archive_import_full() with no flags: a case that is here already
 * is refused.
 *
 * Returns: the new case's id, or 0 with @error set
 */
gint64
rd_case_archive_import (RdStore       *store,
                        const char    *path,
                        GCancellable  *cancellable,
                        GError       **error)
{
  return rd_case_archive_import_full (store, path, 0, cancellable, error);
}

/**
 * rd_case_archive_import_full:
 * @flags: %RD_CASE_ARCHIVE_IMPORT_AS_COPY to take in a case that is here
 *   already, as a second, separate case
 *
 * Reads the archive at @path, checks every file against its manifest and
 * the whole case document, and only then creates a new case from it in one
 * write; its evidence files are put in place after that write commits. An
 * empty, damaged, cut short, changed or newer archive is refused with a
 * message saying which, and leaves the store and the evidence folder as
 * they were; so is a case that is here already (the same hand-over taken
 * in twice), unless @flags asks for a copy. Call from a worker thread with its own connection in the GUI.
 *
 * Returns: the new case's id, or 0 with @error set
 */
gint64
rd_case_archive_import_full (RdStore                   *store,
                             const char                *path,
                             RdCaseArchiveImportFlags   flags,
                             GCancellable              *cancellable,
                             GError                   **error)
{
  g_autofree char *evidence_dir = NULL;
  g_autoptr(RdArchiveContents) contents = NULL;
  g_autoptr(RdArchiveDocument) doc = NULL;
  gint64 case_id;

  g_return_val_if_fail (RD_IS_STORE (store), 0);
  g_return_val_if_fail (path != NULL, 0);

  evidence_dir = rd_store_dup_evidence_dir (store);
  contents = _rd_case_archive_read_file (path, evidence_dir, cancellable, error);
  if (contents == NULL)
    return 0;
  {
    g_autoptr(GDateTime) now = rd_clock_dup_now (rd_store_get_clock (store));
    doc = _rd_archive_document_parse (contents, now, error);
  }
  if (doc == NULL)
    return 0;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return 0;

  /* The staged copies' names must be on the disk before any row says
   * they will be placed. */
  if (contents->staging_dir != NULL && !rd_sync_dir (contents->staging_dir, error))
    return 0;
  case_id = write_case (store, contents, doc, flags, error);
  if (case_id == 0)
    return 0;

  rd_store_emit_changed (store, "cases", case_id);
  rd_store_emit_changed (store, "evidence", case_id);
  return case_id;
}
