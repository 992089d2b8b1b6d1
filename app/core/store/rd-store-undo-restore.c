/* rd-store-undo-restore.c: putting back what the last delete removed, from its journal.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include "rd-gettext.h"
#include <glib/gstdio.h>

#include "rd-staging.h"
#include "rd-store-evidence.h"
#include "rd-store-evidence-private.h"
#include "rd-store-undo.h"

/* How the journal is kept, and why: rd-store-undo.c. */
static gboolean
set_conflict_error (GError **error)
{
  g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                       _("What was deleted cannot be put back, because the case has changed "
                         "since in a way that clashes with it. Nothing has been changed."));
  return FALSE;
}

static gboolean
run_dynamic (RdStore      *self,
             const char   *sql,
             GError      **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    return set_conflict_error (error);
  if (rc != SQLITE_OK)
    return _rd_store_set_error (self, rc, error);
  return TRUE;
}

/* Inserts the rows of @table the delete removed, with their ids. */
static gboolean
restore_rows (RdStore     *self,
              const char  *table,
              GError     **error)
{
  g_auto(GStrv) columns = _rd_store_list_columns (self, table, error);
  g_autofree char *plain = NULL;
  g_autofree char *name = _rd_store_quote_name (table);
  g_autofree char *sql = NULL;
  gboolean companion = _rd_store_undo_is_companion (table);

  if (columns == NULL)
    return FALSE;
  plain = _rd_store_join_columns (columns, "");
  sql = g_strdup_printf ("INSERT INTO main.%s (%s%s) SELECT %s%s FROM temp.\"undo_%s\""
                         " WHERE undo_op = 'delete' ORDER BY undo_seq",
                         name, companion ? "rowid, " : "", plain,
                         companion ? "undo_rowid, " : "", plain, table);
  return run_dynamic (self, sql, error);
}

typedef struct {
  sqlite3_stmt *check;
  sqlite3_stmt *update;
} ColumnRestore;

static void
column_restore_clear (ColumnRestore *restore)
{
  sqlite3_finalize (restore->check);
  sqlite3_finalize (restore->update);
}

/* Prepares, for one column, the check (did the delete change it, and does
 * it still hold what the delete put there?) and the update setting it
 * back. ?1 is the journal's "before" row; its "after" row follows it. */
static gboolean
prepare_column (RdStore        *self,
                const char     *table,
                const char     *column,
                ColumnRestore  *restore,
                GError        **error)
{
  g_autofree char *name = _rd_store_quote_name (table);
  g_autofree char *check = NULL;
  g_autofree char *update = NULL;
  int rc;

  check = g_strdup_printf ("SELECT b.%s IS NOT a.%s,"
                           " EXISTS (SELECT 1 FROM main.%s WHERE rowid = b.undo_rowid),"
                           " (SELECT %s FROM main.%s WHERE rowid = b.undo_rowid) IS a.%s,"
                           " b.undo_rowid"
                           " FROM temp.\"undo_%s\" b, temp.\"undo_%s\" a"
                           " WHERE b.undo_seq = ?1 AND a.undo_seq = ?1 + 1",
                           column, column, name, column, name, column, table, table);
  update = g_strdup_printf ("UPDATE main.%s SET %s ="
                            " (SELECT %s FROM temp.\"undo_%s\" WHERE undo_seq = ?1)"
                            " WHERE rowid = ?2",
                            name, column, column, table);
  rc = sqlite3_prepare_v2 (self->db, check, -1, &restore->check, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (self->db, update, -1, &restore->update, NULL);
  if (rc != SQLITE_OK)
    return _rd_store_set_error (self, rc, error);
  return TRUE;
}

static gboolean
restore_column (RdStore        *self,
                ColumnRestore  *restore,
                gint64          before_seq,
                GError        **error)
{
  gboolean changed, exists, unchanged_since;
  gint64 rowid;
  int rc;

  sqlite3_reset (restore->check);
  sqlite3_bind_int64 (restore->check, 1, before_seq);
  rc = sqlite3_step (restore->check);
  if (rc != SQLITE_ROW)
    return _rd_store_set_error (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
  changed = sqlite3_column_int (restore->check, 0);
  exists = sqlite3_column_int (restore->check, 1);
  unchanged_since = sqlite3_column_int (restore->check, 2);
  rowid = sqlite3_column_int64 (restore->check, 3);
  sqlite3_reset (restore->check);
  if (!changed)
    return TRUE;
  if (!exists || !unchanged_since)
    return set_conflict_error (error);

  sqlite3_reset (restore->update);
  sqlite3_bind_int64 (restore->update, 1, before_seq);
  sqlite3_bind_int64 (restore->update, 2, rowid);
  rc = sqlite3_step (restore->update);
  sqlite3_reset (restore->update);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    return set_conflict_error (error);
  if (rc != SQLITE_DONE)
    return _rd_store_set_error (self, rc, error);
  return TRUE;
}

/* Sets back, latest first, the columns the delete changed in rows it kept
 * (ON DELETE SET NULL). */
static gboolean
restore_columns (RdStore     *self,
                 const char  *table,
                 GError     **error)
{
  g_auto(GStrv) columns = NULL;
  g_autoptr(GArray) befores = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *sql = g_strdup_printf ("SELECT undo_seq FROM temp.\"undo_%s\""
                                          " WHERE undo_op = 'before' ORDER BY undo_seq DESC",
                                          table);
  g_autofree ColumnRestore *restores = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  guint n_columns;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (befores, seq);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _rd_store_set_error (self, rc, error);
  if (befores->len == 0)
    return TRUE;

  columns = _rd_store_list_columns (self, table, error);
  if (columns == NULL)
    return FALSE;
  n_columns = g_strv_length (columns);
  restores = g_new0 (ColumnRestore, n_columns);
  for (guint c = 0; ok && c < n_columns; c++)
    ok = prepare_column (self, table, columns[c], &restores[c], error);
  for (guint i = 0; ok && i < befores->len; i++)
    for (guint c = 0; ok && c < n_columns; c++)
      ok = restore_column (self, &restores[c], g_array_index (befores, gint64, i), error);
  for (guint c = 0; c < n_columns; c++)
    column_restore_clear (&restores[c]);
  return ok;
}

/* Inside the undo's write: the kept files go back once it commits. */
static gboolean
place_kept_files (RdStore  *self,
                  GError  **error)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (self->undo_staging == NULL)
    return TRUE;
  if (!rd_sync_dir (self->undo_staging, error))
    return FALSE;
  dir = g_dir_open (self->undo_staging, 0, error);
  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->undo_staging, name, NULL);

      if (_rd_evidence_is_sha256 (name) && !rd_store_intend_place (self, name, path, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
restore_journal (RdStore  *self,
                 GError  **error)
{
  g_autoptr(GPtrArray) tables = _rd_store_list_undo_tables (self, error);

  if (tables == NULL)
    return FALSE;
  /* Rows come back in any order; whether each has its parent is checked
   * at the commit. */
  if (!_rd_store_exec (self, "PRAGMA defer_foreign_keys = ON", error))
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    if (!restore_rows (self, g_ptr_array_index (tables, i), error))
      return FALSE;
  for (guint i = 0; i < tables->len; i++)
    if (!_rd_store_undo_is_companion (g_ptr_array_index (tables, i)) &&
        !restore_columns (self, g_ptr_array_index (tables, i), error))
      return FALSE;
  return place_kept_files (self, error);
}

/**
 * rd_store_undo:
 * @token: what rd_store_commit_undoable() or rd_store_delete_undoable()
 *   gave back
 *
 * Puts back every row the delete of @token removed, with its id, and every
 * link it cut, in one write; the files of deleted evidence come back too.
 * Fails, changing nothing, when the delete was undone already or forgotten
 * (a later delete, rd_store_forget_undo(), closing the store), or when
 * what was saved since clashes with it.
 */
gboolean
rd_store_undo (RdStore  *self,
               guint     token,
               GError  **error)
{
  g_autoptr(GError) commit_error = NULL;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth == 0, FALSE);

  if (token == 0 || token != self->undo_token)
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                           _("This delete cannot be undone any more: it has been undone "
                             "already, or Redress forgot it when something else was deleted "
                             "or the case was closed."));
      return FALSE;
    }
  if (!_rd_store_begin (self, error))
    return FALSE;
  if (!restore_journal (self, error))
    {
      _rd_store_rollback (self);
      return FALSE;
    }
  for (guint i = 0; self->undo_changes != NULL && i < self->undo_changes->len; i++)
    {
      RdStorePendingChange *change = &g_array_index (self->undo_changes,
                                                     RdStorePendingChange, i);

      rd_store_emit_changed (self, change->what, change->case_id);
    }
  /* A foreign key left without its row (a parent deleted since) fails here. */
  if (!_rd_store_commit (self, &commit_error))
    {
      if (g_error_matches (commit_error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID))
        return set_conflict_error (error);
      g_propagate_error (error, g_steal_pointer (&commit_error));
      return FALSE;
    }
  /* The files are in place: the folder is empty, and goes. */
  _rd_store_release_undo_staging (self, FALSE);
  _rd_store_forget_undo (self);
  return TRUE;
}
