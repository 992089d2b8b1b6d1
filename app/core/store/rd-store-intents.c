/* rd-store-intents.c: files and rows change together: what a write means to
 * do with files is recorded with its rows, done after the commit, and
 * finished by the next open when the process died in between.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include "rd-gettext.h"
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rd-staging.h"
#include "rd-store-evidence-private.h"

/*
 * The protocol, for every operation that touches both the database and the
 * evidence folder (adding evidence, taking in a case, deleting or erasing):
 *
 *  1. New files are first copied into a locked staging folder
 *     (rd-staging.c) and synced to disk.
 *  2. One transaction writes the rows and, beside them, one row of
 *     file_intents per file: "place" (this staged copy becomes the stored
 *     file of this hash), "remove" or "erase" (the stored file of this hash
 *     goes, unless a row still refers to it; "erase" overwrites it first).
 *  3. After the commit, the intents are carried out and their rows deleted,
 *     under the write lock, so that two processes never act on one file at
 *     once. Carrying one out twice does no harm.
 *  4. Every open of the store (rd_store_recover()) carries out the intents
 *     a dead process left, then removes stored files no row and no intent
 *     refers to (overwritten first: they may be what an erase left),
 *     thumbnails of files that are gone, and staging folders whose maker is
 *     dead.
 *
 * A kill before the commit leaves only a staging folder (removed at the
 * next open: the operation never happened); a kill after it leaves intents
 * (finished at the next open: the operation happened whole).
 */

/* Thumbnails being written have this ending until they are renamed; a
 * minute is far longer than writing one takes. */
#define THUMBNAIL_TEMP_SUFFIX ".tmp"
#define STALE_TEMP_SECONDS 60

/**
 * _rd_evidence_overwrite_and_remove:
 *
 * Writes zeros over a file before removing it, so that its bytes do not
 * stay in the free space of the disk. Best effort: a copy-on-write file
 * system or an SSD's own remapping may still keep old blocks.
 */
void
_rd_evidence_overwrite_and_remove (const char *path)
{
  int fd = g_open (path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      GStatBuf st;

      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode))
        {
          static const char zeros[64 * 1024];
          off_t left = st.st_size;

          while (left > 0)
            {
              ssize_t n = write (fd, zeros, MIN ((off_t) sizeof zeros, left));

              if (n < 0 && errno == EINTR)
                continue;
              if (n <= 0)
                break;
              left -= n;
            }
          fsync (fd);
        }
      close (fd);
    }
  if (g_unlink (path) != 0 && errno != ENOENT)
    g_warning ("Could not remove %s: %s", path, g_strerror (errno));
}

/* A staged path as kept in file_intents: ".staging-XXXXXX/name", relative
 * to the evidence folder so that the data folder may move (a USB stick
 * mounted elsewhere). Anything else is refused: it becomes a path. */
static gboolean
is_staged_name (const char *staged)
{
  const char *slash;

  if (staged == NULL || !g_str_has_prefix (staged, RD_STAGING_PREFIX))
    return FALSE;
  slash = strchr (staged, '/');
  return slash != NULL && slash[1] != '\0' && strchr (slash + 1, '/') == NULL &&
         strstr (staged, "..") == NULL;
}

/**
 * rd_store_intend_place:
 * @staged_path: the staged copy, inside a staging folder of the evidence
 *   folder
 *
 * Inside a write: once it commits, the staged copy becomes the stored file
 * of @sha256 (unless an intact one is there already).
 */
gboolean
rd_store_intend_place (RdStore     *self,
                       const char  *sha256,
                       const char  *staged_path,
                       GError     **error)
{
  g_autofree char *evidence_dir = rd_store_dup_evidence_dir (self);
  g_autofree char *prefix = g_strconcat (evidence_dir, G_DIR_SEPARATOR_S, NULL);
  const char *relative;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (_rd_evidence_is_sha256 (sha256), FALSE);
  g_return_val_if_fail (!sqlite3_get_autocommit (_rd_store_get_db (self)), FALSE);

  relative = g_str_has_prefix (staged_path, prefix) ? staged_path + strlen (prefix) : NULL;
  g_return_val_if_fail (is_staged_name (relative), FALSE);

  stmt = _rd_store_prepare (self,
                            "INSERT INTO file_intents (action, sha256, staged, created_at)"
                            " VALUES ('place', ?1, ?2, ?3)",
                            error);
  if (stmt == NULL)
    return FALSE;
  _rd_store_bind_text (stmt, 1, sha256);
  _rd_store_bind_text (stmt, 2, relative);
  sqlite3_bind_int64 (stmt, 3, _rd_store_now (self));
  if (!_rd_store_step_done (self, stmt, error))
    return FALSE;
  _rd_store_note_intent (self);
  return TRUE;
}

/**
 * _rd_store_intend_remove_case_files:
 * @overwrite: zeros over each file before it goes (an erase)
 *
 * Inside a write, before the case's rows are deleted: once it commits, the
 * stored files of the case that no other case holds go too.
 */
gboolean
_rd_store_intend_remove_case_files (RdStore   *self,
                                    gint64     case_id,
                                    gboolean   overwrite,
                                    GError   **error)
{
  sqlite3_stmt *stmt;

  g_assert (!sqlite3_get_autocommit (_rd_store_get_db (self)));

  stmt = _rd_store_prepare (self,
                            "INSERT INTO file_intents (action, sha256, created_at)"
                            " SELECT DISTINCT CASE WHEN ?2 THEN 'erase' ELSE 'remove' END,"
                            "  e.sha256, ?3 FROM evidence e WHERE e.case_id = ?1"
                            "  AND NOT EXISTS (SELECT 1 FROM evidence o"
                            "                  WHERE o.sha256 = e.sha256 AND o.case_id != ?1)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int (stmt, 2, overwrite ? 1 : 0);
  sqlite3_bind_int64 (stmt, 3, _rd_store_now (self));
  if (!_rd_store_step_done (self, stmt, error))
    return FALSE;
  _rd_store_note_intent (self);
  return TRUE;
}

/**
 * _rd_store_intend_remove:
 *
 * Inside a write: once it commits, the stored file of @sha256 goes, unless
 * a row (of any case) still refers to it.
 */
gboolean
_rd_store_intend_remove (RdStore     *self,
                         const char  *sha256,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  g_assert (!sqlite3_get_autocommit (_rd_store_get_db (self)));

  stmt = _rd_store_prepare (self,
                            "INSERT INTO file_intents (action, sha256, created_at)"
                            " VALUES ('remove', ?1, ?2)",
                            error);
  if (stmt == NULL)
    return FALSE;
  _rd_store_bind_text (stmt, 1, sha256);
  sqlite3_bind_int64 (stmt, 2, _rd_store_now (self));
  if (!_rd_store_step_done (self, stmt, error))
    return FALSE;
  _rd_store_note_intent (self);
  return TRUE;
}

typedef struct {
  gint64  id;
  char   *action;
  char   *sha256;
  char   *staged;
} Intent;

static void
intent_free (Intent *intent)
{
  g_free (intent->action);
  g_free (intent->sha256);
  g_free (intent->staged);
  g_free (intent);
}

/* Whether a row or a waiting placement still needs the file of @sha256. */
static int
file_is_wanted (RdStore    *self,
                const char *sha256)
{
  sqlite3_stmt *stmt = _rd_store_prepare (self,
                                          "SELECT 1 FROM evidence WHERE sha256 = ?1"
                                          " UNION ALL SELECT 1 FROM file_intents"
                                          "  WHERE sha256 = ?1 AND action = 'place' LIMIT 1",
                                          NULL);
  int rc;

  if (stmt == NULL)
    return SQLITE_ERROR;
  _rd_store_bind_text (stmt, 1, sha256);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc;
}

static gboolean
place (const char  *evidence_dir,
       Intent      *intent,
       gboolean    *moved,
       GError     **error)
{
  g_autofree char *staged = NULL;
  g_autofree char *final = NULL;
  GStatBuf st;

  if (!is_staged_name (intent->staged))
    return TRUE;
  staged = g_build_filename (evidence_dir, intent->staged, NULL);
  final = g_build_filename (evidence_dir, intent->sha256, NULL);

  /* Gone already: this process or another finished it. */
  if (g_lstat (staged, &st) != 0)
    return TRUE;
  /* Re-reading a stored copy costs time only when the same file comes in
   * again, and is how "import the file again" repairs a damaged one. */
  if (g_lstat (final, &st) == 0 &&
      rd_evidence_check_file (final, intent->sha256, NULL, NULL) == RD_EVIDENCE_INTACT)
    {
      g_unlink (staged);
      return TRUE;
    }
  if (g_rename (staged, final) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Redress could not put an evidence file in place in “%s”: %s. It will "
                     "try again the next time it opens."),
                   evidence_dir, g_strerror (saved_errno));
      return FALSE;
    }
  *moved = TRUE;
  return TRUE;
}

static gboolean
remove_unwanted (RdStore  *self,
                 Intent   *intent,
                 GError  **error)
{
  int rc = file_is_wanted (self, intent->sha256);

  if (rc == SQLITE_DONE)
    {
      g_autofree char *path = rd_store_dup_evidence_path (self, intent->sha256);

      if (g_strcmp0 (intent->action, "erase") == 0)
        _rd_evidence_overwrite_and_remove (path);
      else if (g_unlink (path) != 0 && errno != ENOENT)
        g_warning ("Could not remove %s: %s", path, g_strerror (errno));
      _rd_store_remove_thumbnails (self, intent->sha256);
      return TRUE;
    }
  if (rc != SQLITE_ROW)
    return _rd_store_set_error (self, rc, error);
  return TRUE;
}

static GPtrArray *
list_intents (RdStore  *self,
              GError  **error)
{
  g_autoptr(GPtrArray) intents = g_ptr_array_new_with_free_func ((GDestroyNotify) intent_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _rd_store_prepare (self, "SELECT id, action, sha256, staged FROM file_intents ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Intent *intent = g_new0 (Intent, 1);

      intent->id = sqlite3_column_int64 (stmt, 0);
      intent->action = g_strdup (_rd_store_column_text (stmt, 1));
      intent->sha256 = g_strdup (_rd_store_column_text (stmt, 2));
      intent->staged = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (intents, intent);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&intents);
}

/**
 * _rd_store_finish_intents:
 *
 * Carries out every intent recorded (by this process or one that died),
 * each at most once to the end, and forgets those done. Takes the write
 * lock; not inside another write.
 */
gboolean
_rd_store_finish_intents (RdStore  *self,
                          GError  **error)
{
  g_autofree char *evidence_dir = rd_store_dup_evidence_dir (self);
  g_autoptr(GPtrArray) intents = NULL;
  g_autoptr(GError) file_error = NULL;
  gboolean moved = FALSE;
  sqlite3_stmt *stmt;

  g_assert (sqlite3_get_autocommit (_rd_store_get_db (self)));

  if (!_rd_store_begin (self, error))
    return FALSE;
  intents = list_intents (self, error);
  if (intents == NULL)
    goto fail;
  for (guint i = 0; i < intents->len; i++)
    {
      Intent *intent = g_ptr_array_index (intents, i);
      gboolean done;

      /* Only hashes become paths. */
      if (!_rd_evidence_is_sha256 (intent->sha256))
        done = TRUE;
      else if (g_strcmp0 (intent->action, "place") == 0)
        done = place (evidence_dir, intent, &moved, file_error ? NULL : &file_error);
      else
        {
          g_autoptr(GError) remove_error = NULL;

          done = remove_unwanted (self, intent, &remove_error);
          if (!done)
            {
              g_propagate_error (error, g_steal_pointer (&remove_error));
              goto fail;
            }
        }
      if (!done)
        continue;
      stmt = _rd_store_prepare (self, "DELETE FROM file_intents WHERE id = ?1", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, intent->id);
      if (!_rd_store_step_done (self, stmt, error))
        goto fail;
    }
  /* The renames must survive a power cut before their intents are gone. */
  if (moved && !rd_sync_dir (evidence_dir, error))
    goto fail;
  if (!_rd_store_commit (self, error))
    return FALSE;
  if (file_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&file_error));
      return FALSE;
    }
  return TRUE;

fail:
  _rd_store_rollback (self);
  return FALSE;
}

static void
sweep_thumbnails (RdStore *self)
{
  g_autofree char *dir_path = rd_store_dup_thumbnail_dir (self);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *sha256 = g_strndup (name, 64);
      GStatBuf st;

      if (g_str_has_suffix (name, THUMBNAIL_TEMP_SUFFIX))
        {
          /* Half-written by a thread that died, or being written now. */
          if (g_lstat (path, &st) == 0 && rd_file_is_older_than (path, &st, STALE_TEMP_SECONDS))
            g_unlink (path);
          continue;
        }
      if (_rd_evidence_is_sha256 (sha256) && name[64] == '-' &&
          file_is_wanted (self, sha256) == SQLITE_DONE)
        g_unlink (path);
    }
}

/* Inside the write lock: stored files nothing refers to, with their
 * thumbnails, and staging folders nobody holds. */
static gboolean
sweep_evidence_folder (RdStore  *self,
                       GError  **error)
{
  g_autofree char *dir_path = rd_store_dup_evidence_dir (self);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  gboolean intents_left = FALSE;
  const char *name;
  int rc;

  if (dir == NULL)
    return TRUE;
  {
    sqlite3_stmt *stmt = _rd_store_prepare (self, "SELECT 1 FROM file_intents LIMIT 1", error);

    if (stmt == NULL)
      return FALSE;
    rc = sqlite3_step (stmt);
    sqlite3_reset (stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
      return _rd_store_set_error (self, rc, error);
    intents_left = rc == SQLITE_ROW;
  }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);

      if (_rd_evidence_is_sha256 (name))
        {
          rc = file_is_wanted (self, name);
          if (rc == SQLITE_DONE)
            {
              /* Perhaps what an erase left when it was stopped by an older
               * Redress: it may be someone's private letter. */
              g_debug ("Removing %s: no evidence refers to it", name);
              _rd_evidence_overwrite_and_remove (path);
              _rd_store_remove_thumbnails (self, name);
            }
          else if (rc != SQLITE_ROW)
            return _rd_store_set_error (self, rc, error);
        }
      /* A staged copy an unfinished intent still names must stay. */
      else if (g_str_has_prefix (name, RD_STAGING_PREFIX) && !intents_left &&
               rd_staging_dir_remove_if_abandoned (path))
        g_debug ("Removed %s: left by an import that never finished", name);
    }
  sweep_thumbnails (self);
  return TRUE;
}

/**
 * rd_store_recover:
 *
 * Finishes or undoes what an operation stopped half-way (a kill, a power
 * cut) left in the evidence folder: carries out the file changes of every
 * committed write, and removes files no evidence refers to, their
 * thumbnails, and staging folders no running Redress holds. Runs each time
 * the store opens; takes the write lock for a moment.
 */
gboolean
rd_store_recover (RdStore  *self,
                  GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  if (rd_store_is_read_only (self))
    return TRUE;
  if (!_rd_store_finish_intents (self, error))
    return FALSE;
  if (!_rd_store_begin (self, error))
    return FALSE;
  if (!sweep_evidence_folder (self, error))
    {
      _rd_store_rollback (self);
      return FALSE;
    }
  return _rd_store_commit (self, error);
}
