/* rd-store-archive.c: the rows a hand-over archive carries as they are
 * (incident history, evidence, links, identity, times), for archive/.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The archive decides what goes into a hand-over and in what shape; these
 * read and write the rows it needs that the ordinary save functions do not
 * (they would date everything now and write a new history). Rows go out as
 * JSON objects named by their columns, with NULL, numbers and text as they
 * are in the database, so that nothing is lost on the way.
 */
#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include "rd-store-archive.h"
#include "rd-store-evidence-private.h"

static const char * const revision_columns[] = {
  "written_at", "last_changed_at", "starts_at", "ends_at", "category", "location",
  "description", "impact", "people", "witnesses", "reported_to", "reference",
  "landlord_reported_on", "landlord_reported_minute", "asb_risk", "repair_priority", "hazard",
  "landlord_steps", "asb_report", "service_loss",
};

static const char * const evidence_columns[] = {
  "sha256", "size", "content_type", "kind", "original_name", "captured_at", "date_source",
  "description", "page_count", "duration_ms", "orientation", "title", "author", "recipients",
  "problem", "needs_password", "imported_at", "exhibit_no",
};

static const struct {
  const char *select_sql;
  const char *update_sql;
} record_times[RD_STORE_RECORD_N_KINDS] = {
  { "SELECT created_at, updated_at FROM cases WHERE id = ?1",
    "UPDATE cases SET created_at = ?1, updated_at = ?2 WHERE id = ?3" },
  { "SELECT created_at, updated_at FROM parties WHERE id = ?1",
    "UPDATE parties SET created_at = ?1, updated_at = ?2 WHERE id = ?3" },
  { "SELECT created_at, updated_at FROM incidents WHERE id = ?1",
    "UPDATE incidents SET created_at = ?1, updated_at = ?2 WHERE id = ?3" },
  { "SELECT created_at, updated_at FROM contacts WHERE id = ?1",
    "UPDATE contacts SET created_at = ?1, updated_at = ?2 WHERE id = ?3" },
  { "SELECT created_at, updated_at FROM complaints WHERE id = ?1",
    "UPDATE complaints SET created_at = ?1, updated_at = ?2 WHERE id = ?3" },
  { "SELECT created_at, updated_at FROM complaint_events WHERE id = ?1",
    "UPDATE complaint_events SET created_at = ?1, updated_at = ?2 WHERE id = ?3" },
};

static void
set_column (JsonObject   *row,
            const char   *name,
            sqlite3_stmt *stmt,
            int           column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      json_object_set_null_member (row, name);
      break;
    case SQLITE_INTEGER:
      json_object_set_int_member (row, name, sqlite3_column_int64 (stmt, column));
      break;
    default:
      json_object_set_string_member (row, name, _rd_store_column_text (stmt, column));
      break;
    }
}

static void
bind_member (sqlite3_stmt *stmt,
             int           index,
             JsonObject   *row,
             const char   *name)
{
  JsonNode *node = json_object_get_member (row, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    sqlite3_bind_null (stmt, index);
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
  else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, json_node_get_boolean (node));
  else
    _rd_store_bind_text (stmt, index, json_node_get_string (node));
}

/* Steps @stmt to its end, making a row of each and handing it to @func;
 * FALSE with @error set when reading failed or @func stopped. Only one row
 * is held at a time, so a long diary is never read whole. */
typedef void (*FillRow) (JsonObject   *row,
                         sqlite3_stmt *stmt);

static gboolean
each_row (RdStore            *self,
          sqlite3_stmt       *stmt,
          FillRow             fill,
          RdStoreArchiveFunc  func,
          gpointer            user_data,
          GError            **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonObject) row = json_object_new ();

      fill (row, stmt);
      if (!func (row, user_data, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rd_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * rd_store_dup_case_identity:
 *
 * Returns: (transfer full): the case's identity, kept by every copy handed
 *   over, or %NULL with @error set
 */
char *
rd_store_dup_case_identity (RdStore     *self,
                            gint64       case_id,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  char *identity;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = _rd_store_prepare (self, "SELECT uuid FROM cases WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      _rd_store_set_error (self, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, error);
      return NULL;
    }
  identity = g_strdup (_rd_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return identity;
}

/**
 * rd_store_find_case_by_identity:
 * @title: (out) (optional): the title of the case found
 *
 * Returns: the (first) case with @identity, 0 when there is none, or -1
 *   with @error set
 */
gint64
rd_store_find_case_by_identity (RdStore     *self,
                                const char  *identity,
                                char       **title,
                                GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), -1);

  stmt = _rd_store_prepare (self, "SELECT id, title FROM cases WHERE uuid = ?1"
                                  " ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  _rd_store_bind_text (stmt, 1, identity);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (title != NULL)
        *title = g_strdup (_rd_store_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _rd_store_set_error (self, rc, error);
      return -1;
    }
  return id;
}

gboolean
rd_store_set_case_identity (RdStore     *self,
                            gint64       case_id,
                            const char  *identity,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  stmt = _rd_store_prepare (self, "UPDATE cases SET uuid = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  _rd_store_bind_text (stmt, 1, identity);
  sqlite3_bind_int64 (stmt, 2, case_id);
  return _rd_store_step_done (self, stmt, error);
}

/**
 * rd_store_get_record_times:
 *
 * Reads when a record was created and last changed, in seconds since 1970.
 */
gboolean
rd_store_get_record_times (RdStore            *self,
                           RdStoreRecordKind   kind,
                           gint64              id,
                           gint64             *created_at,
                           gint64             *updated_at,
                           GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind < RD_STORE_RECORD_N_KINDS, FALSE);

  stmt = _rd_store_prepare (self, record_times[kind].select_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return _rd_store_set_error (self, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, error);
    }
  *created_at = sqlite3_column_int64 (stmt, 0);
  *updated_at = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
rd_store_set_record_times (RdStore            *self,
                           RdStoreRecordKind   kind,
                           gint64              id,
                           gint64              created_at,
                           gint64              updated_at,
                           GError            **error)
{
  gint64 params[3] = { created_at, updated_at, id };

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind < RD_STORE_RECORD_N_KINDS, FALSE);

  return _rd_store_run (self, record_times[kind].update_sql, params, 3, error);
}

/**
 * rd_store_date_incident_by_history:
 *
 * Dates a diary entry by its history: created when its first version was
 * written, changed when its last one was.
 */
gboolean
rd_store_date_incident_by_history (RdStore     *self,
                                   gint64       incident_id,
                                   GError     **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  return _rd_store_run (self,
                        "UPDATE incidents SET"
                        " created_at = coalesce ((SELECT min (written_at) FROM incident_revisions"
                        "   WHERE incident_id = ?1), created_at),"
                        " updated_at = coalesce ((SELECT max (last_changed_at) FROM incident_revisions"
                        "   WHERE incident_id = ?1), updated_at)"
                        " WHERE id = ?1",
                        &incident_id, 1, error);
}

static void
fill_revision (JsonObject   *row,
               sqlite3_stmt *stmt)
{
  json_object_set_int_member (row, "incident", sqlite3_column_int64 (stmt, 0));
  for (guint i = 0; i < G_N_ELEMENTS (revision_columns); i++)
    set_column (row, revision_columns[i], stmt, i + 1);
}

/**
 * rd_store_each_revision:
 * @func: called with every version of every diary entry of the case,
 *   oldest first: "incident" (the store's id) and the columns
 *
 * Returns: FALSE with @error set if reading failed or @func stopped
 */
gboolean
rd_store_each_revision (RdStore             *self,
                        gint64               case_id,
                        RdStoreArchiveFunc   func,
                        gpointer             user_data,
                        GError             **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  stmt = _rd_store_prepare (self,
                            "SELECT r.incident_id, r.written_at, r.last_changed_at, r.starts_at,"
                            " r.ends_at, r.category, r.location, r.description, r.impact, r.people,"
                            " r.witnesses, r.reported_to, r.reference, r.landlord_reported_on,"
                            " r.landlord_reported_minute, r.asb_risk, r.repair_priority, r.hazard,"
                            " r.landlord_steps, r.asb_report, r.service_loss"
                            " FROM incident_revisions r JOIN incidents i ON i.id = r.incident_id"
                            " WHERE i.case_id = ?1 ORDER BY r.id",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  return each_row (self, stmt, fill_revision, func, user_data, error);
}

static void
fill_evidence (JsonObject   *row,
               sqlite3_stmt *stmt)
{
  json_object_set_int_member (row, "id", sqlite3_column_int64 (stmt, 0));
  for (guint i = 0; i < G_N_ELEMENTS (evidence_columns); i++)
    set_column (row, evidence_columns[i], stmt, i + 1);
  json_object_set_boolean_member (row, "needs_password", sqlite3_column_int (stmt, 16) != 0);
  json_object_set_int_member (row, "parent", sqlite3_column_int64 (stmt, 19));
  json_object_set_string_member (row, "text", _rd_store_column_text (stmt, 20));
}

/**
 * rd_store_each_evidence:
 * @func: called with the case's evidence in the order it was added: "id"
 *   and "parent" (the store's ids, 0 for none), the columns, and "text",
 *   the text kept for search
 *
 * Returns: FALSE with @error set if reading failed or @func stopped
 */
gboolean
rd_store_each_evidence (RdStore             *self,
                        gint64               case_id,
                        RdStoreArchiveFunc   func,
                        gpointer             user_data,
                        GError             **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  stmt = _rd_store_prepare (self,
                            "SELECT e.id, e.sha256, e.size, e.content_type, e.kind, e.original_name,"
                            " e.captured_at, e.date_source, e.description, e.page_count,"
                            " e.duration_ms, e.orientation, e.title, e.author, e.recipients,"
                            " e.problem, e.needs_password, e.imported_at, e.exhibit_no, e.parent_id,"
                            " (SELECT body FROM evidence_text t WHERE t.rowid = e.id)"
                            " FROM evidence e WHERE e.case_id = ?1 ORDER BY e.id",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  return each_row (self, stmt, fill_evidence, func, user_data, error);
}

static void
fill_link (JsonObject   *row,
           sqlite3_stmt *stmt)
{
  json_object_set_int_member (row, "evidence", sqlite3_column_int64 (stmt, 0));
  json_object_set_string_member (row, "target_kind", _rd_store_column_text (stmt, 1));
  json_object_set_int_member (row, "target", sqlite3_column_int64 (stmt, 2));
  set_column (row, "note", stmt, 3);
  set_column (row, "created_at", stmt, 4);
}

/**
 * rd_store_each_evidence_link:
 * @func: called with each link of the case's evidence: "evidence",
 *   "target_kind", "target" (the store's ids), "note" and "created_at"
 *
 * Returns: FALSE with @error set if reading failed or @func stopped
 */
gboolean
rd_store_each_evidence_link (RdStore             *self,
                             gint64               case_id,
                             RdStoreArchiveFunc   func,
                             gpointer             user_data,
                             GError             **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  stmt = _rd_store_prepare (self,
                            "SELECT l.evidence_id, l.target_kind, l.target_id, l.note, l.created_at"
                            " FROM evidence_links l JOIN evidence e ON e.id = l.evidence_id"
                            " WHERE e.case_id = ?1 ORDER BY l.evidence_id, l.target_kind, l.target_id",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  return each_row (self, stmt, fill_link, func, user_data, error);
}

/**
 * rd_store_clear_revisions:
 *
 * Forgets the history of a diary entry, so that an archive's history can
 * take its place.
 */
gboolean
rd_store_clear_revisions (RdStore  *self,
                          gint64    incident_id,
                          GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  return _rd_store_run (self, "DELETE FROM incident_revisions WHERE incident_id = ?1",
                        &incident_id, 1, error);
}

/**
 * rd_store_restore_revision:
 * @row: a version as rd_store_each_revision() gives it (its "incident"
 *   is not used)
 */
gboolean
rd_store_restore_revision (RdStore     *self,
                           gint64       incident_id,
                           JsonObject  *row,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  stmt = _rd_store_prepare (self,
                            "INSERT INTO incident_revisions (incident_id, written_at,"
                            " last_changed_at, starts_at, ends_at, category, location,"
                            " description, impact, people, witnesses, reported_to, reference,"
                            " landlord_reported_on, landlord_reported_minute, asb_risk,"
                            " repair_priority, hazard, landlord_steps, asb_report, service_loss)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                            " ?14, ?15, COALESCE (?16, 'unknown'), COALESCE (?17, ''),"
                            " COALESCE (?18, 'none'), COALESCE (?19, ''), COALESCE (?20, ''),"
                            " COALESCE (?21, ''))",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  for (guint c = 0; c < G_N_ELEMENTS (revision_columns); c++)
    bind_member (stmt, c + 2, row, revision_columns[c]);
  return _rd_store_step_done (self, stmt, error);
}

/**
 * rd_store_restore_evidence:
 * @row: evidence as rd_store_each_evidence() gives it (its "id" and
 *   "parent" are not used: see rd_store_set_evidence_parent())
 *
 * Returns: the new evidence's id, or 0 with @error set
 */
gint64
rd_store_restore_evidence (RdStore     *self,
                           gint64       case_id,
                           JsonObject  *row,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (RD_IS_STORE (self), 0);

  stmt = _rd_store_prepare (self,
                            "INSERT INTO evidence (case_id, sha256, size, content_type, kind,"
                            " original_name, captured_at, date_source, description, page_count,"
                            " duration_ms, orientation, title, author, recipients, problem,"
                            " needs_password, imported_at, exhibit_no)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                            " ?14, ?15, ?16, ?17, ?18, ?19)",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, case_id);
  for (guint c = 0; c < G_N_ELEMENTS (evidence_columns); c++)
    bind_member (stmt, c + 2, row, evidence_columns[c]);
  if (!_rd_store_step_done (self, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (_rd_store_get_db (self));
  if (!_rd_store_index_evidence_text (self, id,
                                      json_object_get_string_member (row, "original_name"),
                                      json_object_get_string_member (row, "description"),
                                      json_object_get_string_member (row, "text"), error))
    return 0;
  return id;
}

gboolean
rd_store_set_evidence_parent (RdStore  *self,
                              gint64    evidence_id,
                              gint64    parent_id,
                              GError  **error)
{
  gint64 params[2] = { parent_id, evidence_id };

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  return _rd_store_run (self, "UPDATE evidence SET parent_id = ?1 WHERE id = ?2", params, 2, error);
}

/**
 * rd_store_restore_evidence_link:
 *
 * Links evidence as an archive recorded it, with its own time; a link that
 * is there already stays as it is.
 */
gboolean
rd_store_restore_evidence_link (RdStore     *self,
                                gint64       evidence_id,
                                const char  *target_kind,
                                gint64       target_id,
                                const char  *note,
                                gint64       created_at,
                                GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  stmt = _rd_store_prepare (self,
                            "INSERT OR IGNORE INTO evidence_links (evidence_id, target_kind,"
                            " target_id, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  _rd_store_bind_text (stmt, 2, target_kind);
  sqlite3_bind_int64 (stmt, 3, target_id);
  _rd_store_bind_text (stmt, 4, note);
  sqlite3_bind_int64 (stmt, 5, created_at);
  return _rd_store_step_done (self, stmt, error);
}
