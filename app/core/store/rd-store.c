/* rd-store.c: the store object: its connection, statements, errors, writes and
 * the changed signal.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include "rd-gettext.h"

#include "rd-staging.h"
#include "rd-store-private.h"

G_DEFINE_FINAL_TYPE (RdStore, rd_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


static void
rd_store_finalize (GObject *object)
{
  RdStore *self = (RdStore *)object;

  /* Quitting or closing forgets the last delete: its files go now. */
  _rd_store_forget_undo (self);
  g_clear_pointer (&self->undo_changes, g_array_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending_changes, g_array_unref);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  /* Closed cleanly: the next open need not read the whole file. */
  if (self->open_marker != NULL)
    g_unlink (self->open_marker);
  g_clear_pointer (&self->open_marker, g_free);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->read_only, g_free);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (rd_store_parent_class)->finalize (object);
}

static void
rd_store_class_init (RdStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_store_finalize;

  /**
   * RdStore::changed:
   * @what: the kind of record that changed: "cases", "incidents", …
   * @case_id: the case it belongs to, or 0 when several or none
   *
   * Emitted after a write through this connection has been committed, so
   * that every view of the same data can refresh itself. The detail is
   * @what, so a page can connect to "changed::incidents" only. Emitted on
   * the thread that wrote: connect only to the main connection.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
}

/**
 * rd_store_emit_changed:
 * @what: a static string naming the kind of record: "cases", "incidents", …
 * @case_id: the case it belongs to, or 0
 *
 * Tells every listener that @what changed. Store functions call this after
 * they commit; code that writes its own tables does the same. Inside an
 * outer write (an import) the signal waits for the outer commit, and is
 * dropped if the outer write rolls back, so nobody sees rows that never
 * existed.
 */
void
rd_store_emit_changed (RdStore    *self,
                       const char *what,
                       gint64      case_id)
{
  g_return_if_fail (RD_IS_STORE (self));
  g_return_if_fail (what != NULL);

  if (self->transaction_depth > 0)
    {
      RdStorePendingChange change = { g_intern_string (what), case_id };

      for (guint i = 0; i < self->pending_changes->len; i++)
        {
          RdStorePendingChange *seen = &g_array_index (self->pending_changes,
                                                       RdStorePendingChange, i);

          if (seen->what == change.what && seen->case_id == change.case_id)
            return;
        }
      g_array_append_val (self->pending_changes, change);
      return;
    }

  g_signal_emit (self, signals[CHANGED], g_quark_from_string (what), what, case_id);
}

static void
rd_store_init (RdStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) sqlite3_finalize);
  self->pending_changes = g_array_new (FALSE, FALSE, sizeof (RdStorePendingChange));
  self->clock = g_object_ref (rd_clock_get_default ());
  self->undo_lock_fd = -1;
}

/*
 * Turns an SQLite result code into a sentence a resident can act on. The
 * technical detail goes to the log, not into the message.
 */
gboolean
_rd_store_set_error (RdStore  *self,
                     int       rc,
                     GError  **error)
{
  const char *detail = self && self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  g_debug ("SQLite error %d: %s", rc, detail);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_DISK_FULL,
                           _("The disk is full, so Redress could not save this change. "
                             "Free some space and try again; what was saved before is safe."));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_BUSY,
                           _("Another Redress window or program is using the case file. "
                             "Try again in a moment."));
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_READ_ONLY,
                   _("Redress is not allowed to write to “%s”. Check that the folder is yours "
                     "and not read-only."), self ? self->path : "");
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_CORRUPT,
                   _("The case file “%s” is damaged, so Redress cannot read it. "
                     "It has not been changed. Restore it from a backup, or start "
                     "Redress with another data folder."), self ? self->path : "");
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_CANNOT_OPEN,
                   _("Redress could not read or write the case file “%s”. Check that the "
                     "disk is connected and that the file is yours."), self ? self->path : "");
      break;
    case SQLITE_CONSTRAINT:
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                           _("This change does not fit with what is already saved, so it was "
                             "not made."));
      break;
    default:
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_FAILED,
                   _("Redress could not save or read the case file (%s)."), detail);
      break;
    }
  return FALSE;
}

sqlite3 *
_rd_store_get_db (RdStore *self)
{
  return self->db;
}

/*
 * Statements are prepared once per connection and kept; the SQL text is
 * always a string literal, so its address is a stable key.
 */
sqlite3_stmt *
_rd_store_prepare (RdStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _rd_store_set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
_rd_store_step_done (RdStore       *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _rd_store_set_error (self, rc, error);
  return TRUE;
}

gboolean
_rd_store_exec (RdStore     *self,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _rd_store_set_error (self, rc, error);
  return TRUE;
}

/*
 * Writes nest: a write that begins inside another (an import saving many
 * rows through the ordinary save functions) becomes a savepoint, so the
 * outer write still commits or rolls back as one.
 */
gboolean
_rd_store_begin (RdStore  *self,
                 GError  **error)
{
  if (self->read_only != NULL)
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_READ_ONLY, self->read_only);
      return FALSE;
    }
  if (!_rd_store_exec (self, self->transaction_depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT rd_nested",
                    error))
    return FALSE;
  self->transaction_depth++;
  return TRUE;
}

gboolean
_rd_store_commit (RdStore  *self,
                  GError  **error)
{
  g_assert (self->transaction_depth > 0);

  if (!_rd_store_exec (self, self->transaction_depth == 1 ? "COMMIT" : "RELEASE rd_nested", error))
    {
      _rd_store_rollback (self);
      return FALSE;
    }
  self->transaction_depth--;

  /* The rows are safe: now the files they speak of (rd-store-intents.c).
   * Should that fail, the next open finishes it; the write itself stands. */
  if (self->transaction_depth == 0 && self->intents_noted)
    {
      g_autoptr(GError) intent_error = NULL;

      self->intents_noted = FALSE;
      rd_kill_point ("intents-committed");
      if (!_rd_store_finish_intents (self, &intent_error))
        g_warning ("Files of a saved change are not in place yet: %s", intent_error->message);
    }

  if (self->transaction_depth == 0 && self->pending_changes->len > 0)
    {
      g_autoptr(GArray) changes = g_steal_pointer (&self->pending_changes);

      self->pending_changes = g_array_new (FALSE, FALSE, sizeof (RdStorePendingChange));
      for (guint i = 0; i < changes->len; i++)
        {
          RdStorePendingChange *change = &g_array_index (changes, RdStorePendingChange, i);

          rd_store_emit_changed (self, change->what, change->case_id);
        }
    }
  return TRUE;
}

/* A copy of the change signals the write in progress holds back. */
GArray *
_rd_store_dup_pending_changes (RdStore *self)
{
  GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (RdStorePendingChange),
                                    self->pending_changes->len);

  g_array_append_vals (copy, self->pending_changes->data, self->pending_changes->len);
  return copy;
}

void
_rd_store_rollback (RdStore *self)
{
  if (self->transaction_depth > 1)
    {
      sqlite3_exec (self->db, "ROLLBACK TO rd_nested", NULL, NULL, NULL);
      sqlite3_exec (self->db, "RELEASE rd_nested", NULL, NULL, NULL);
      self->transaction_depth--;
      return;
    }
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->transaction_depth = 0;
  self->intents_noted = FALSE;
  g_array_set_size (self->pending_changes, 0);
}

/* Called by whatever records a file intent inside the write in progress:
 * the outer commit then carries the intents out. */
void
_rd_store_note_intent (RdStore *self)
{
  self->intents_noted = TRUE;
}

/**
 * rd_store_begin:
 *
 * Starts a write that the layers above make of several of the store's
 * writes and of moving files, so that it all commits or rolls back as one.
 * Writes nest; end every successful begin with rd_store_commit() or
 * rd_store_rollback().
 */
gboolean
rd_store_begin (RdStore  *self,
                GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  return _rd_store_begin (self, error);
}

/**
 * rd_store_commit:
 *
 * Ends a write begun with rd_store_begin(). When it fails the write is
 * rolled back, and there is nothing more to undo.
 */
gboolean
rd_store_commit (RdStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  return _rd_store_commit (self, error);
}

void
rd_store_rollback (RdStore *self)
{
  g_return_if_fail (RD_IS_STORE (self));

  _rd_store_rollback (self);
}


/**
 * rd_store_is_read_only:
 *
 * Whether the case file can only be read (the file or its folder may not
 * be written to). Every write then fails with %RD_STORE_ERROR_READ_ONLY
 * before anything is tried.
 */
gboolean
rd_store_is_read_only (RdStore *self)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  return self->read_only != NULL;
}

/**
 * rd_store_get_read_only_message:
 *
 * Returns: (nullable): for a read-only store, what it means and what to
 *   do, in a sentence or two for the resident; otherwise %NULL
 */
const char *
rd_store_get_read_only_message (RdStore *self)
{
  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  return self->read_only;
}

const char *
rd_store_get_data_dir (RdStore *self)
{
  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  return self->data_dir;
}

/**
 * rd_store_get_clock:
 *
 * Returns: (transfer none): the clock that dates what is written and
 *   decides what is "in the future"
 */
RdClock *
rd_store_get_clock (RdStore *self)
{
  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  return self->clock;
}

/**
 * rd_store_set_clock:
 *
 * Gives the store the application's clock (the default clock until then).
 * Set it before handing the store to workers: their connections take the
 * clock the store has when they open.
 */
void
rd_store_set_clock (RdStore *self,
                    RdClock *clock)
{
  g_return_if_fail (RD_IS_STORE (self));
  g_return_if_fail (RD_IS_CLOCK (clock));

  g_set_object (&self->clock, clock);
}

const char *
rd_store_get_path (RdStore *self)
{
  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  return self->path;
}

int
rd_store_get_schema_version (RdStore *self)
{
  g_return_val_if_fail (RD_IS_STORE (self), 0);

  return self->schema_version;
}
