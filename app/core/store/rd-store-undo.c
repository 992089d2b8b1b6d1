/* rd-store-undo.c: a journal of what the last delete removed, to put it back.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include "rd-gettext.h"
#include <glib/gstdio.h>
#include <unistd.h>

#include "rd-staging.h"
#include "rd-store-evidence.h"
#include "rd-store-evidence-private.h"
#include "rd-store-undo.h"

/*
 * How it works. The first undoable delete of a connection makes, for every
 * table of the case file, a TEMP table "undo_<table>" with the same columns
 * and TEMP triggers on the table: while temp.undo_state says so, a deleted
 * row is copied there ("delete"), and an updated row twice, as it was and
 * as it became ("before", "after": what ON DELETE SET NULL does to the
 * rows that pointed at it). The triggers see every row a delete removes,
 * whichever way it goes: by the delete itself, ON DELETE CASCADE, or a
 * trigger of the schema. The full-text index of the diary and the contact
 * log follows its tables by triggers, so it comes back with the rows;
 * evidence_text is filled by the store's code, so its rows are copied by a
 * trigger of their own.
 *
 * Undo inserts the copies back with their ids, in one transaction with the
 * foreign keys checked at its end, then sets back each column that the
 * delete changed in a row it kept, if the column still holds what the
 * delete put there. Anything else (a row saved since in the same place, a
 * parent deleted since, a column changed since) rolls it all back.
 *
 * TEMP tables live in memory for this connection only: when Redress quits
 * or dies, the journal is gone, and so is the undo.
 *
 * Files: deleting evidence records its "remove" intent as it always does,
 * so the stored file goes after the commit (rd-store-intents.c). Before the
 * commit, each file is linked (or copied) into a staging folder this
 * process holds locked, so its bytes outlive the stored file. Undo puts it
 * back with a "place" intent; forgetting the undo removes the folder; a
 * process that dies leaves the folder to the next open, which removes a
 * staging folder whose maker is dead. A kill at any moment thus leaves
 * either the evidence with its file, or neither.
 */

/* Full-text tables that the store fills itself, keyed by the id of a row of
 * another table: their rows are journaled when that row is deleted. */
static const struct {
  const char *fts_table;
  const char *owner_table;
} companions[] = {
  { "evidence_text", "evidence" },
};

static guint last_token;

char *
_rd_store_quote_name (const char *name)
{
  g_autoptr(GString) quoted = g_string_new ("\"");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

/* The names of the tables whose rows belong to cases: not SQLite's own, not
 * the full-text indexes and their shadow tables, not the intents. */
static GPtrArray *
list_journaled_tables (RdStore  *self,
                       GError  **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _rd_store_prepare (self,
                            "SELECT name, wr FROM pragma_table_list WHERE schema = 'main'"
                            " AND type = 'table' AND name NOT LIKE 'sqlite_%'"
                            " AND name != 'file_intents' ORDER BY name",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* A WITHOUT ROWID table is marked with a leading '-': its rows can
       * only be journaled when deleted. */
      g_ptr_array_add (tables, g_strconcat (sqlite3_column_int (stmt, 1) ? "-" : "",
                                            _rd_store_column_text (stmt, 0), NULL));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&tables);
}

/* The quoted column names of @table, or NULL on error. */
GStrv
_rd_store_list_columns (RdStore     *self,
              const char  *table,
              GError     **error)
{
  g_autoptr(GStrvBuilder) columns = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = _rd_store_prepare (self, "SELECT name FROM pragma_table_info (?1, 'main') ORDER BY cid",
                            error);
  if (stmt == NULL)
    return NULL;
  _rd_store_bind_text (stmt, 1, table);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *quoted = _rd_store_quote_name (_rd_store_column_text (stmt, 0));

      g_strv_builder_add (columns, quoted);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_strv_builder_end (columns);
}

/* "old.a, old.b" for @prefix "old." */
char *
_rd_store_join_columns (GStrv       columns,
              const char *prefix)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (joined, "%s%s%s", i > 0 ? ", " : "", prefix, columns[i]);
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* The TEMP table and triggers that journal @table. Names come from the
 * schema, never from what the resident typed. */
static gboolean
journal_table (RdStore     *self,
               const char  *table,
               gboolean     has_rowid,
               GError     **error)
{
  g_auto(GStrv) columns = _rd_store_list_columns (self, table, error);
  g_autofree char *name = NULL;
  g_autofree char *undo_name = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *old_values = NULL;
  g_autofree char *new_values = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *updates = NULL;

  if (columns == NULL)
    return FALSE;
  name = _rd_store_quote_name (table);
  undo_name = g_strconcat ("\"undo_", table, "\"", NULL);
  plain = _rd_store_join_columns (columns, "");
  old_values = _rd_store_join_columns (columns, "old.");
  new_values = _rd_store_join_columns (columns, "new.");

  if (has_rowid)
    updates = g_strdup_printf ("CREATE TEMP TRIGGER \"undo_%s_update\" AFTER UPDATE ON main.%s"
                               " WHEN (SELECT recording FROM temp.undo_state) BEGIN"
                               " INSERT INTO %s (undo_op, undo_rowid, %s)"
                               "  VALUES ('before', old.rowid, %s);"
                               " INSERT INTO %s (undo_op, undo_rowid, %s)"
                               "  VALUES ('after', new.rowid, %s);"
                               " END;",
                               table, name, undo_name, plain, old_values, undo_name, plain,
                               new_values);
  sql = g_strdup_printf ("CREATE TEMP TABLE %s (undo_seq INTEGER PRIMARY KEY, undo_op TEXT,"
                         " undo_rowid, %s);"
                         "CREATE TEMP TRIGGER \"undo_%s_delete\" BEFORE DELETE ON main.%s"
                         " WHEN (SELECT recording FROM temp.undo_state) BEGIN"
                         " INSERT INTO %s (undo_op, undo_rowid, %s)"
                         "  VALUES ('delete', %s, %s);"
                         " END;"
                         "%s",
                         undo_name, plain, table, name, undo_name, plain,
                         has_rowid ? "old.rowid" : "NULL", old_values,
                         updates != NULL ? updates : "");
  return _rd_store_exec (self, sql, error);
}

static gboolean
journal_companion (RdStore     *self,
                   const char  *fts_table,
                   const char  *owner_table,
                   GError     **error)
{
  g_auto(GStrv) columns = _rd_store_list_columns (self, fts_table, error);
  g_autofree char *plain = NULL;
  g_autofree char *values = NULL;
  g_autofree char *sql = NULL;

  if (columns == NULL)
    return FALSE;
  plain = _rd_store_join_columns (columns, "");
  values = _rd_store_join_columns (columns, "t.");
  sql = g_strdup_printf ("CREATE TEMP TABLE \"undo_%s\" (undo_seq INTEGER PRIMARY KEY,"
                         " undo_op TEXT, undo_rowid, %s);"
                         "CREATE TEMP TRIGGER \"undo_%s_delete\" BEFORE DELETE ON main.\"%s\""
                         " WHEN (SELECT recording FROM temp.undo_state) BEGIN"
                         " INSERT INTO \"undo_%s\" (undo_op, undo_rowid, %s)"
                         "  SELECT 'delete', t.rowid, %s FROM main.\"%s\" t"
                         "  WHERE t.rowid = old.rowid;"
                         " END;",
                         fts_table, plain, fts_table, owner_table, fts_table, plain, values,
                         fts_table);
  return _rd_store_exec (self, sql, error);
}

static gboolean
ensure_journal (RdStore  *self,
                GError  **error)
{
  g_autoptr(GPtrArray) tables = NULL;

  if (self->undo_ready)
    return TRUE;
  tables = list_journaled_tables (self, error);
  if (tables == NULL)
    return FALSE;
  if (!_rd_store_exec (self,
                       "CREATE TEMP TABLE undo_state (recording INTEGER NOT NULL);"
                       "INSERT INTO temp.undo_state VALUES (0);",
                       error))
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      gboolean has_rowid = table[0] != '-';

      if (!journal_table (self, has_rowid ? table : table + 1, has_rowid, error))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    if (!journal_companion (self, companions[i].fts_table, companions[i].owner_table, error))
      return FALSE;
  self->undo_ready = TRUE;
  return TRUE;
}

/* Every journal table, companions included, as bare table names. */
GPtrArray *
_rd_store_list_undo_tables (RdStore  *self,
                  GError  **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _rd_store_prepare (self,
                            "SELECT substr (name, 6) FROM temp.sqlite_schema"
                            " WHERE type = 'table' AND name LIKE 'undo\\_%' ESCAPE '\\'"
                            " AND name != 'undo_state' ORDER BY name",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup (_rd_store_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&tables);
}

static void
clear_journal (RdStore *self)
{
  g_autoptr(GPtrArray) tables = NULL;

  if (!self->undo_ready || self->db == NULL)
    return;
  tables = _rd_store_list_undo_tables (self, NULL);
  for (guint i = 0; tables != NULL && i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM temp.\"undo_%s\"",
                                              (const char *) g_ptr_array_index (tables, i));

      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
    }
}

/* A kept file that no evidence refers to any more holds the only copy of
 * what the resident deleted: its bytes are overwritten as it goes, as the
 * rows' are (secure_delete), so that an erase after a delete leaves
 * nothing on the disk. */
static void
overwrite_unwanted (RdStore *self)
{
  g_autoptr(GDir) dir = g_dir_open (self->undo_staging, 0, NULL);
  const char *name;

  while (dir != NULL && self->db != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->undo_staging, name, NULL);
      sqlite3_stmt *stmt;
      int rc;

      if (!_rd_evidence_is_sha256 (name))
        continue;
      stmt = _rd_store_prepare (self, "SELECT 1 FROM evidence WHERE sha256 = ?1 LIMIT 1", NULL);
      if (stmt == NULL)
        continue;
      _rd_store_bind_text (stmt, 1, name);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        _rd_evidence_overwrite_and_remove (path);
    }
}

void
_rd_store_release_undo_staging (RdStore  *self,
                 gboolean  remove_files)
{
  if (self->undo_staging == NULL)
    return;
  if (remove_files)
    {
      overwrite_unwanted (self);
      rd_staging_remove_tree (self->undo_staging);
    }
  rd_staging_dir_release (self->undo_staging, self->undo_lock_fd);
  self->undo_lock_fd = -1;
  g_clear_pointer (&self->undo_staging, g_free);
}

/**
 * _rd_store_forget_undo:
 *
 * Drops the journal of the last delete and removes the files it kept.
 * Safe on a store that never opened.
 */
void
_rd_store_forget_undo (RdStore *self)
{
  if (self->transaction_depth == 0)
    clear_journal (self);
  _rd_store_release_undo_staging (self, TRUE);
  self->undo_token = 0;
  g_clear_pointer (&self->undo_changes, g_array_unref);
}

/**
 * rd_store_forget_undo:
 *
 * Forgets the last delete, so that it can no longer be undone; the files
 * of deleted evidence go now. Call it when the case is closed.
 */
void
rd_store_forget_undo (RdStore *self)
{
  g_return_if_fail (RD_IS_STORE (self));
  g_return_if_fail (self->transaction_depth == 0);

  _rd_store_forget_undo (self);
}

/**
 * rd_store_get_undo_token:
 *
 * Returns: the token of the delete that rd_store_undo() can put back, or 0
 */
guint
rd_store_get_undo_token (RdStore *self)
{
  g_return_val_if_fail (RD_IS_STORE (self), 0);

  return self->undo_token;
}

/**
 * rd_store_begin_undoable:
 *
 * Starts a write whose deletes can be undone: every row they remove or
 * change is journaled until rd_store_commit_undoable(). Forgets the delete
 * before. Not inside another write; end it with rd_store_commit_undoable()
 * or rd_store_rollback().
 */
gboolean
rd_store_begin_undoable (RdStore  *self,
                         GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth == 0, FALSE);

  _rd_store_forget_undo (self);
  if (!ensure_journal (self, error) || !_rd_store_begin (self, error))
    return FALSE;
  /* Inside the transaction: a rollback stops the recording too. */
  if (!_rd_store_exec (self, "UPDATE temp.undo_state SET recording = 1", error))
    {
      _rd_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* Keeps the bytes of @sha256 in the undo's staging folder: a hard link
 * where the file system has them, a copy where not (a FAT USB stick). */
static gboolean
keep_file (RdStore     *self,
           const char  *sha256,
           GError     **error)
{
  g_autofree char *stored = rd_store_dup_evidence_path (self, sha256);
  g_autofree char *kept = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) destination = NULL;

  if (!g_file_test (stored, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  if (self->undo_staging == NULL)
    {
      g_autofree char *evidence_dir = rd_store_dup_evidence_dir (self);

      self->undo_staging = rd_staging_dir_new (evidence_dir, &self->undo_lock_fd);
      if (self->undo_staging == NULL)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Redress could not keep the deleted evidence in “%s” so that the "
                         "delete can be undone: %s. Nothing was deleted."),
                       evidence_dir, g_strerror (saved_errno));
          return FALSE;
        }
    }
  kept = g_build_filename (self->undo_staging, sha256, NULL);
  if (link (stored, kept) == 0 || errno == EEXIST)
    return TRUE;
  source = g_file_new_for_path (stored);
  destination = g_file_new_for_path (kept);
  if (!g_file_copy (source, destination, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, error))
    {
      g_prefix_error (error, _("Redress could not keep the deleted evidence so that the "
                               "delete can be undone, so nothing was deleted: "));
      return FALSE;
    }
  return TRUE;
}

static gboolean
keep_deleted_files (RdStore  *self,
                    GError  **error)
{
  g_autoptr(GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _rd_store_prepare (self,
                            "SELECT DISTINCT sha256 FROM temp.undo_evidence"
                            " WHERE undo_op = 'delete'",
                            error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (hashes, g_strdup (_rd_store_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _rd_store_set_error (self, rc, error);
  for (guint i = 0; i < hashes->len; i++)
    {
      const char *sha256 = g_ptr_array_index (hashes, i);

      if (_rd_evidence_is_sha256 (sha256) && !keep_file (self, sha256, error))
        return FALSE;
    }
  return TRUE;
}

/* How many rows the journal holds. */
static gboolean
count_journal (RdStore  *self,
               gint64   *count,
               GError  **error)
{
  g_autoptr(GPtrArray) tables = _rd_store_list_undo_tables (self, error);

  *count = 0;
  if (tables == NULL)
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM temp.\"undo_%s\"",
                                              (const char *) g_ptr_array_index (tables, i));
      sqlite3_stmt *stmt = NULL;
      int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

      if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        *count += sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_ROW)
        return _rd_store_set_error (self, rc, error);
    }
  return TRUE;
}

/**
 * rd_store_commit_undoable:
 *
 * Ends a write begun with rd_store_begin_undoable(): keeps what its deletes
 * removed, and commits.
 *
 * Returns: the token to hand to rd_store_undo(); 0 when the write deleted
 *   nothing (@error unset) or failed (@error set, nothing changed)
 */
guint
rd_store_commit_undoable (RdStore  *self,
                          GError  **error)
{
  g_autoptr(GArray) changes = NULL;
  gint64 count = 0;

  g_return_val_if_fail (RD_IS_STORE (self), 0);
  g_return_val_if_fail (self->transaction_depth == 1, 0);

  if (!_rd_store_exec (self, "UPDATE temp.undo_state SET recording = 0", error) ||
      !count_journal (self, &count, error) ||
      !keep_deleted_files (self, error))
    goto fail;
  changes = _rd_store_dup_pending_changes (self);
  if (!_rd_store_commit (self, error))
    {
      _rd_store_release_undo_staging (self, TRUE);
      return 0;
    }
  if (count == 0)
    {
      _rd_store_forget_undo (self);
      return 0;
    }
  self->undo_token = ++last_token;
  self->undo_changes = g_steal_pointer (&changes);
  return self->undo_token;

fail:
  _rd_store_rollback (self);
  _rd_store_release_undo_staging (self, TRUE);
  return 0;
}

/**
 * rd_store_delete_undoable:
 * @delete_func: rd_store_delete_incident(), rd_store_delete_evidence(), …
 * @id: the id to hand it
 *
 * Calls @delete_func in a write that can be undone.
 *
 * Returns: the token for rd_store_undo(), or 0 with @error set
 */
guint
rd_store_delete_undoable (RdStore            *self,
                          RdStoreDeleteFunc   delete_func,
                          gint64              id,
                          GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  guint token;

  g_return_val_if_fail (RD_IS_STORE (self), 0);
  g_return_val_if_fail (delete_func != NULL, 0);

  if (!rd_store_begin_undoable (self, error))
    return 0;
  if (!delete_func (self, id, error))
    {
      _rd_store_rollback (self);
      return 0;
    }
  token = rd_store_commit_undoable (self, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (token == 0)
    g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                         _("There was nothing to delete: it may have been deleted already."));
  return token;
}

gboolean
_rd_store_undo_is_companion (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    if (g_strcmp0 (companions[i].fts_table, table) == 0)
      return TRUE;
  return FALSE;
}

