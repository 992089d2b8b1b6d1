/* rd-store.c: opening, checking and migrating the Redress database.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include "rd-gettext.h"
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "rd-staging.h"
#include "rd-store-evidence.h"
#include "rd-store-private.h"

struct _RdStore
{
  GObject     parent_instance;

  char       *data_dir;
  char       *path;
  sqlite3    *db;
  GHashTable *statements;  /* const char *sql → sqlite3_stmt * */
  int         schema_version;
  char       *read_only;          /* why nothing can be saved, or NULL */
  guint       transaction_depth;  /* > 1: inside a savepoint of an outer write */
  GArray     *pending_changes;    /* PendingChange, held back until the outer commit */
  RdClock    *clock;              /* dates what is written, and what may be */
  gboolean    intents_noted;      /* the write in progress recorded file intents */
};

typedef struct {
  const char *what;
  gint64      case_id;
} PendingChange;

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

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending_changes, g_array_unref);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
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
      PendingChange change = { g_intern_string (what), case_id };

      for (guint i = 0; i < self->pending_changes->len; i++)
        {
          PendingChange *seen = &g_array_index (self->pending_changes, PendingChange, i);

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
  self->pending_changes = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  self->clock = g_object_ref (rd_clock_get_default ());
}

/*
 * The case file (and SQLite's -wal and -shm files, which take its
 * permissions) is readable by its owner only, whatever the umask: it holds
 * the resident's private life. A new one is made empty with those
 * permissions before SQLite opens it; an older one is tightened.
 */
static gboolean
keep_owner_only (const char  *path,
                 gboolean     existed,
                 GError     **error)
{
  static const char * const companions[] = { "-wal", "-shm" };

  if (!existed)
    {
      int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

      if (fd < 0 || fchmod (fd, 0600) != 0)
        {
          int saved_errno = errno;

          if (fd >= 0)
            close (fd);
          g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_CANNOT_OPEN,
                       _("Redress could not make its case file “%s”: %s."),
                       path, g_strerror (saved_errno));
          return FALSE;
        }
      close (fd);
      return TRUE;
    }
  /* Best effort: a file someone else owns stays as it is. */
  g_chmod (path, 0600);
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *companion = g_strconcat (path, companions[i], NULL);

      if (g_file_test (companion, G_FILE_TEST_IS_REGULAR))
        g_chmod (companion, 0600);
    }
  return TRUE;
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

static gboolean
exec_simple (RdStore     *self,
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
  if (!exec_simple (self, self->transaction_depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT rd_nested",
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

  if (!exec_simple (self, self->transaction_depth == 1 ? "COMMIT" : "RELEASE rd_nested", error))
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

      self->pending_changes = g_array_new (FALSE, FALSE, sizeof (PendingChange));
      for (guint i = 0; i < changes->len; i++)
        {
          PendingChange *change = &g_array_index (changes, PendingChange, i);

          rd_store_emit_changed (self, change->what, change->case_id);
        }
    }
  return TRUE;
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

static int
read_int_pragma (RdStore     *self,
                 const char  *sql,
                 int         *value)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return rc;
}

/*
 * Runs before anything is written, so that a file Redress cannot use is
 * left exactly as it was found.
 */
static gboolean
check_existing (RdStore  *self,
                gboolean  existed,
                GError  **error)
{
  int version = 0;
  int tables = 0;
  int rc;

  rc = read_int_pragma (self, "PRAGMA user_version", &version);
  if (rc != SQLITE_OK)
    return _rd_store_set_error (self, rc, error);

  if (version > RD_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NEWER_VERSION,
                   _("This case file was saved by a newer version of Redress (format %d; "
                     "this version reads up to format %d). It has not been changed. "
                     "Update Redress to open it."),
                   version, RD_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  if (!existed)
    return TRUE;

  rc = read_int_pragma (self, "SELECT count(*) FROM sqlite_schema", &tables);
  if (rc != SQLITE_OK)
    return _rd_store_set_error (self, rc, error);
  if (version == 0 && tables > 0)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_OURS,
                   _("“%s” is a database, but not one Redress made. It has not been changed. "
                     "Start Redress with another data folder."),
                   self->path);
      return FALSE;
    }

  if (tables > 0)
    {
      sqlite3_stmt *stmt = NULL;
      gboolean ok = FALSE;

      rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL);
      if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
      sqlite3_finalize (stmt);
      if (!ok)
        return _rd_store_set_error (self, rc == SQLITE_ROW ? SQLITE_CORRUPT : rc, error);
    }
  return TRUE;
}

static gboolean
migrate (RdStore  *self,
         GError  **error)
{
  int version = 0;
  int rc;

  if (!_rd_store_begin (self, error))
    return FALSE;

  /* Read again inside the write lock: another process may have migrated. */
  rc = read_int_pragma (self, "PRAGMA user_version", &version);
  if (rc != SQLITE_OK)
    {
      _rd_store_rollback (self);
      return _rd_store_set_error (self, rc, error);
    }

  for (int next = version + 1; next <= RD_STORE_SCHEMA_VERSION; next++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", next);

      g_debug ("Migrating %s to schema %d", self->path, next);
      if (!exec_simple (self, _rd_store_migrations[next - 1], error) ||
          !exec_simple (self, bump, error))
        {
          _rd_store_rollback (self);
          return FALSE;
        }
    }

  if (!_rd_store_commit (self, error))
    return FALSE;

  self->schema_version = RD_STORE_SCHEMA_VERSION;
  return TRUE;
}

/* Less than this free, and SQLite cannot make the files it needs to read
 * a WAL database (its -shm is 32 KiB) and write a little. */
#define FULL_DISK_BYTES (256 * 1024)

static gboolean
disk_is_full (const char *dir)
{
  struct statvfs st;

  if (statvfs (dir, &st) != 0)
    return FALSE;
  return (guint64) st.f_bavail * st.f_frsize < FULL_DISK_BYTES;
}

/* A "file:" URI for @path, escaping the characters a URI gives a meaning. */
static char *
dup_file_uri (const char *path)
{
  GString *uri = g_string_new ("file:");

  for (const char *p = path; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '?' || *p == '#')
        g_string_append_printf (uri, "%%%02X", (guchar) *p);
      else
        g_string_append_c (uri, *p);
    }
  return g_string_free (uri, FALSE);
}

/*
 * A WAL database is read through its -shm file, which a folder that may
 * not be written to cannot hold. Where nothing is waiting in a -wal file,
 * the main file alone is the whole database: read it as unchanging.
 */
static gboolean
open_read_only_wal (RdStore  *self,
                    GError  **error)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  GStatBuf st;
  int version = 0;
  int rc;

  rc = read_int_pragma (self, "SELECT count(*) FROM sqlite_schema", &version);
  /* No room for the -shm file on a full disk: an I/O error. */
  if ((rc & 0xff) != SQLITE_CANTOPEN && (rc & 0xff) != SQLITE_IOERR)
    return TRUE;
  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    return TRUE;   /* the usual error follows; the -wal file is not ignored */

  sqlite3_close_v2 (self->db);
  self->db = NULL;
  escaped = dup_file_uri (self->path);
  uri = g_strconcat (escaped, "?immutable=1", NULL);
  rc = sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db, "PRAGMA query_only = ON", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return _rd_store_set_error (self, rc, error);
  sqlite3_extended_result_codes (self->db, 1);
  return TRUE;
}

static RdStore *
open_path (const char  *data_dir,
           GError     **error)
{
  g_autoptr(RdStore) self = g_object_new (RD_TYPE_STORE, NULL);
  gboolean existed;
  gboolean folder_writable;
  gboolean disk_full;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  int rc;

  /* Absolute once, so that every path made from it later means the same. */
  self->data_dir = g_canonicalize_filename (data_dir, NULL);
  self->path = rd_store_dup_database_path (data_dir);

  /* A folder Redress makes is its owner's only, whatever the umask; a
   * folder the user chose (a USB stick) keeps its own permissions. */
  if (!g_file_test (data_dir, G_FILE_TEST_EXISTS) &&
      (g_mkdir_with_parents (data_dir, 0700) != 0 || g_chmod (data_dir, 0700) != 0))
    {
      int saved_errno = errno;

      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_CANNOT_OPEN,
                   _("Redress could not create its data folder “%s”: %s."),
                   data_dir, g_strerror (saved_errno));
      return NULL;
    }

  existed = g_file_test (self->path, G_FILE_TEST_EXISTS);
  if (existed && !g_file_test (self->path, G_FILE_TEST_IS_REGULAR))
    {
      if (g_file_test (self->path, G_FILE_TEST_IS_DIR))
        g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_CANNOT_OPEN,
                     _("“%s” is a folder, but Redress keeps its cases in a file of that name. "
                       "Move the folder somewhere else, or start Redress with another data "
                       "folder."), self->path);
      else
        g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_CANNOT_OPEN,
                     _("“%s” is not an ordinary file, so Redress cannot keep its cases in it. "
                       "Start Redress with another data folder."), self->path);
      return NULL;
    }
  /* Asking changes nothing: a folder Redress may not write to (read-only,
   * a locked USB stick, someone else's) is found before anything is tried. */
  folder_writable = g_access (data_dir, W_OK) == 0;
  if (!existed && !folder_writable)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_READ_ONLY,
                   _("Redress cannot make its case file in “%s”, because it is not allowed to "
                     "write to that folder. Start Redress with a folder of your own, or ask "
                     "whoever looks after this computer to let you write to it."), data_dir);
      return NULL;
    }
  /* SQLite cannot even read a WAL database without making its -shm file,
   * so on a full disk every open failed with a message about the disk
   * being disconnected. Found first, it is said as it is, and the cases
   * can still be read. */
  disk_full = existed && folder_writable && disk_is_full (data_dir);
  if (disk_full)
    folder_writable = FALSE;
  if (!existed)
    flags |= SQLITE_OPEN_CREATE;
  if (folder_writable && !keep_owner_only (self->path, existed, error))
    return NULL;
  if (!folder_writable)
    flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;

  rc = sqlite3_open_v2 (self->path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      _rd_store_set_error (self, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  /* SQLite opens a file it may not change for reading only, without a word. */
  if (disk_full)
    self->read_only = g_strdup_printf (_("The disk that holds “%s” is full, so Redress can show "
                                         "the cases but nothing new or changed can be saved. "
                                         "Free some space on it, then open Redress again."),
                                       data_dir);
  else if (!folder_writable)
    self->read_only = g_strdup_printf (_("Redress can show the cases in “%s”, but it is not "
                                         "allowed to write to that folder, so nothing new or "
                                         "changed will be saved. It may be read-only, on a "
                                         "locked USB stick, or someone else’s. To save again, "
                                         "close Redress and make the folder yours and writable, "
                                         "or ask whoever looks after this computer."),
                                       data_dir);
  else if (sqlite3_db_readonly (self->db, "main") == 1)
    self->read_only = g_strdup_printf (_("Redress can show the cases in “%s”, but it is not "
                                         "allowed to change that file, so nothing new or changed "
                                         "will be saved. To save again, close Redress and make "
                                         "the file yours and not read-only, or ask whoever looks "
                                         "after this computer."),
                                       self->path);

  if (self->read_only != NULL && !open_read_only_wal (self, error))
    return NULL;

  if (!check_existing (self, existed, error))
    return NULL;

  if (self->read_only != NULL)
    {
      int version = 0;

      /* Nothing may be written, so no migration either: an older file
       * stays as it is, and is refused rather than misread. */
      rc = read_int_pragma (self, "PRAGMA user_version", &version);
      if (rc != SQLITE_OK)
        {
          _rd_store_set_error (self, rc, error);
          return NULL;
        }
      if (version < RD_STORE_SCHEMA_VERSION)
        {
          g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_READ_ONLY,
                       _("The case file “%s” was saved by an older version of Redress and must "
                         "be brought up to date before this version can show it, but Redress "
                         "is not allowed to write to it. It has not been changed. Make it "
                         "writable and open Redress again."), self->path);
          return NULL;
        }
      self->schema_version = version;
      if (!exec_simple (self, "PRAGMA foreign_keys = ON", error) ||
          !exec_simple (self, "PRAGMA temp_store = MEMORY", error))
        return NULL;
      return g_steal_pointer (&self);
    }

  if (!exec_simple (self, "PRAGMA journal_mode = WAL", error) ||
      !exec_simple (self, "PRAGMA temp_store = MEMORY", error) ||
      !exec_simple (self, "PRAGMA synchronous = NORMAL", error) ||
      !exec_simple (self, "PRAGMA foreign_keys = ON", error) ||
      !exec_simple (self, "PRAGMA secure_delete = ON", error))
    return NULL;

  if (!migrate (self, error))
    return NULL;

  /* Whatever a killed Redress left half-done is finished or undone before
   * anyone looks at the cases. Not being able to tidy is no reason to
   * refuse the cases themselves. */
  {
    g_autoptr(GError) recover_error = NULL;

    if (!rd_store_recover (self, &recover_error))
      g_warning ("Could not tidy the evidence folder: %s", recover_error->message);
  }

  return g_steal_pointer (&self);
}

/**
 * rd_store_open:
 * @data_dir: (nullable): the folder for the database and evidence, or %NULL
 *   for $XDG_DATA_HOME/redress
 *
 * Opens the database, creating it if there is none. A file made by a newer
 * Redress, a damaged file, or a database Redress did not make is refused
 * and left untouched.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
RdStore *
rd_store_open (const char  *data_dir,
               GError     **error)
{
  g_autofree char *default_dir = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data_dir == NULL)
    data_dir = default_dir = rd_store_dup_default_data_dir ();

  return open_path (data_dir, error);
}

/**
 * rd_store_open_secondary:
 *
 * Opens another connection to the same database, for a worker thread. Each
 * connection must stay on the thread that uses it.
 */
RdStore *
rd_store_open_secondary (RdStore  *self,
                         GError  **error)
{
  g_autoptr(RdStore) other = NULL;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  /*
   * @self checked the file, set WAL and migrated it when it opened, so a
   * worker's connection does none of that again: a quick_check reads the
   * whole file, and a migration takes the write lock, which would wait for
   * any write in progress. Only what belongs to a connection is set here.
   * Nothing of @self is read but what never changes after it opened, so a
   * worker thread may call this.
   */
  other = g_object_new (RD_TYPE_STORE, NULL);
  other->data_dir = g_strdup (self->data_dir);
  other->path = g_strdup (self->path);
  other->schema_version = self->schema_version;
  other->read_only = g_strdup (self->read_only);
  g_set_object (&other->clock, self->clock);
  if (other->read_only != NULL)
    flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;

  rc = sqlite3_open_v2 (other->path, &other->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      _rd_store_set_error (other, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (other->db, 1);
  sqlite3_busy_timeout (other->db, 5000);
  if (other->read_only != NULL)
    {
      if (!open_read_only_wal (other, error) ||
          !exec_simple (other, "PRAGMA foreign_keys = ON", error) ||
          !exec_simple (other, "PRAGMA temp_store = MEMORY", error))
        return NULL;
      return g_steal_pointer (&other);
    }
  if (!exec_simple (other, "PRAGMA synchronous = NORMAL", error) ||
      !exec_simple (other, "PRAGMA temp_store = MEMORY", error) ||
      !exec_simple (other, "PRAGMA foreign_keys = ON", error) ||
      !exec_simple (other, "PRAGMA secure_delete = ON", error))
    return NULL;
  return g_steal_pointer (&other);
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
