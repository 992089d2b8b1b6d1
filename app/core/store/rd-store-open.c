/* rd-store-open.c: opening, checking and migrating the case file, and a
 * worker's second connection to it.
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

#include "rd-store-evidence.h"
#include "rd-store-private.h"

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
                gboolean  unclean,
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

  /* Read through only after a session that did not close (see
   * rd-store-integrity.c); otherwise its length is checked. */
  if (tables > 0 && !unclean && !_rd_store_file_is_whole (self->path))
    return _rd_store_set_error (self, SQLITE_CORRUPT, error);
  if (tables > 0 && unclean)
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
      if (!_rd_store_exec (self, _rd_store_migrations[next - 1], error) ||
          !_rd_store_exec (self, bump, error))
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

/* A file that may be written: WAL, migrated, tidied, and marked open. */
static gboolean
open_for_writing (RdStore    *self,
                  GPtrArray  *stale_markers,
                  GError    **error)
{
  if (!_rd_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !_rd_store_exec (self, "PRAGMA temp_store = MEMORY", error) ||
      !_rd_store_exec (self, "PRAGMA synchronous = NORMAL", error) ||
      !_rd_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !_rd_store_exec (self, "PRAGMA secure_delete = ON", error))
    return FALSE;

  if (!migrate (self, error))
    return FALSE;

  /* Whatever a killed Redress left half-done is finished or undone before
   * anyone looks at the cases. Not being able to tidy is no reason to
   * refuse the cases themselves. */
  {
    g_autoptr(GError) recover_error = NULL;

    if (!rd_store_recover (self, &recover_error))
      g_warning ("Could not tidy the evidence folder: %s", recover_error->message);
  }

  /* Checked: what the sessions that did not close left is dealt with. */
  for (guint i = 0; stale_markers != NULL && i < stale_markers->len; i++)
    g_unlink (g_ptr_array_index (stale_markers, i));
  self->open_marker = _rd_store_mark_open (self->path);

  return TRUE;
}

static RdStore *
open_path (const char  *data_dir,
           GError     **error)
{
  g_autoptr(RdStore) self = g_object_new (RD_TYPE_STORE, NULL);
  g_autoptr(GPtrArray) stale_markers = NULL;
  gboolean existed;
  gboolean unclean;
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

  unclean = existed && _rd_store_find_unclean_close (self->path, &stale_markers);
  if (!check_existing (self, existed, unclean, error))
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
      if (!_rd_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
          !_rd_store_exec (self, "PRAGMA temp_store = MEMORY", error))
        return NULL;
      return g_steal_pointer (&self);
    }

  if (!open_for_writing (self, stale_markers, error))
    return NULL;
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
  other->read_hook = self->read_hook;
  other->read_hook_data = self->read_hook_data;
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
          !_rd_store_exec (other, "PRAGMA foreign_keys = ON", error) ||
          !_rd_store_exec (other, "PRAGMA temp_store = MEMORY", error))
        return NULL;
      return g_steal_pointer (&other);
    }
  if (!_rd_store_exec (other, "PRAGMA synchronous = NORMAL", error) ||
      !_rd_store_exec (other, "PRAGMA temp_store = MEMORY", error) ||
      !_rd_store_exec (other, "PRAGMA foreign_keys = ON", error) ||
      !_rd_store_exec (other, "PRAGMA secure_delete = ON", error))
    return NULL;
  return g_steal_pointer (&other);
}

/**
 * rd_store_open_snapshot:
 *
 * Opens another connection (rd_store_open_secondary()) and starts a read
 * on it that lasts until it is let go: everything read through it is the
 * database as it was when it opened, whatever is saved meanwhile (the
 * write-ahead log keeps the pages it sees). For work that reads a case a
 * page at a time over minutes, as a long bundle's chronology is written;
 * nothing can be saved through it. Like any connection it is used by one
 * thread at a time.
 *
 * Returns: (transfer full): the snapshot, or %NULL with @error set
 */
RdStore *
rd_store_open_snapshot (RdStore  *self,
                        GError  **error)
{
  g_autoptr(RdStore) other = NULL;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  other = rd_store_open_secondary (self, error);
  /* A deferred transaction takes its snapshot at its first read. */
  if (other == NULL ||
      !_rd_store_exec (other, "BEGIN DEFERRED", error) ||
      !_rd_store_exec (other, "SELECT 1 FROM cases LIMIT 1", error))
    return NULL;
  return g_steal_pointer (&other);
}
