/* rd-output.c: files Redress writes for the user (bundles, chronologies, archives), never over what matters.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An export names its files itself, on a command line or in a file chooser,
 * and a slip (the case file's name, an evidence file, the same name for the
 * bundle and the chronology) used to replace that file and report success.
 * Every output is therefore checked before any work starts, and written
 * under a temporary name beside it that is renamed only when the file is
 * complete, so a failure never leaves half a file under the name asked for.
 */
#define G_LOG_DOMAIN "rd-output"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include "rd-gettext.h"
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "rd-output-private.h"
#include "rd-staging.h"

G_DEFINE_QUARK (rd-output-error-quark, rd_output_error)

/* The path with its folder resolved (links, "..", relative names), so that
 * two spellings of one place compare equal. */
char *
_rd_output_dup_resolved (const char  *path,
                         GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *real_dir = NULL;

  if (*path == '\0' || g_str_has_suffix (path, G_DIR_SEPARATOR_S) ||
      g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RD_OUTPUT_ERROR, RD_OUTPUT_ERROR_NOT_A_FILE,
                   UI_("“%s” is a folder, not a file name. Nothing was written: give the name of "
                     "the file to write."), display);
      return NULL;
    }
  base = g_path_get_basename (path);
  if (g_str_equal (base, ".") || g_str_equal (base, ".."))
    {
      g_set_error (error, RD_OUTPUT_ERROR, RD_OUTPUT_ERROR_NOT_A_FILE,
                   UI_("“%s” is a folder, not a file name. Nothing was written: give the name of "
                     "the file to write."), display);
      return NULL;
    }
  dir = g_path_get_dirname (path);
  real_dir = realpath (dir, NULL);
  /* A folder that is not there holds nothing to protect; writing there
   * fails later with its own message. */
  if (real_dir == NULL)
    return g_canonicalize_filename (path, NULL);
  return g_build_filename (real_dir, base, NULL);
}

gboolean
_rd_output_is_inside (const char *path,
                      const char *folder)
{
  gsize len = strlen (folder);

  if (len > 1 && folder[len - 1] == G_DIR_SEPARATOR)
    len--;
  return strncmp (path, folder, len) == 0 &&
         (path[len] == '\0' || path[len] == G_DIR_SEPARATOR || len == 1);
}

/**
 * rd_output_check_paths:
 * @data_dir: (nullable): the data folder of the store the export reads
 * @paths: (array zero-terminated=1): every file one export will write
 *
 * Refuses, before any work, outputs that would replace what matters: a file
 * inside the data folder (the case file, the evidence, the thumbnails), a
 * folder, or one file given for two outputs of the same export. Links are
 * followed, so another spelling of a refused place is refused too.
 *
 * Returns: %TRUE if every path may be written
 */
gboolean
rd_output_check_paths (const char         *data_dir,
                       const char * const *paths,
                       GError            **error)
{
  g_autoptr(GPtrArray) resolved = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *real_data = NULL;

  g_return_val_if_fail (paths != NULL, FALSE);

  if (data_dir != NULL)
    {
      real_data = realpath (data_dir, NULL);
      if (real_data == NULL)
        real_data = g_canonicalize_filename (data_dir, NULL);
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *display = g_filename_display_name (paths[i]);
      g_autofree char *path = _rd_output_dup_resolved (paths[i], error);
      g_autofree char *target = NULL;
      GStatBuf st;

      if (path == NULL)
        return FALSE;
      /* A link is replaced, not followed, when the file is renamed into
       * place; a link into the data folder is refused all the same, since
       * the person meant the file it points at. */
      if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
        target = realpath (path, NULL);

      if (real_data != NULL &&
          (_rd_output_is_inside (path, real_data) ||
           (target != NULL && _rd_output_is_inside (target, real_data))))
        {
          g_autofree char *data_display = g_filename_display_name (data_dir);

          g_set_error (error, RD_OUTPUT_ERROR, RD_OUTPUT_ERROR_INSIDE_DATA,
                       UI_("“%s” is inside Redress’s data folder (%s), where the case file and the "
                         "evidence are kept, and writing it could destroy them. Nothing was "
                         "written: choose a file in another folder."), display, data_display);
          return FALSE;
        }

      for (guint j = 0; j < resolved->len; j++)
        {
          const char *other = resolved->pdata[j];
          GStatBuf a, b;

          if (g_str_equal (other, path) ||
              (g_stat (other, &a) == 0 && g_stat (path, &b) == 0 &&
               a.st_dev == b.st_dev && a.st_ino == b.st_ino))
            {
              g_set_error (error, RD_OUTPUT_ERROR, RD_OUTPUT_ERROR_DUPLICATE,
                           UI_("“%s” is given for two different files of this export, and one "
                             "would replace the other. Nothing was written: give each file its "
                             "own name."), display);
              return FALSE;
            }
        }
      g_ptr_array_add (resolved, g_steal_pointer (&path));
    }
  return TRUE;
}

/* The temporary files this process is writing, each held by a lock on
 * its own open file for as long as it exists. The kernel drops the lock
 * when the process dies, however it dies, so a later export or the store
 * can tell a file still being written from one a killed export left. */
G_LOCK_DEFINE_STATIC (temps);
static GHashTable *temps;

/* Less than this free beside an output that failed to be written, and the
 * failure was the full disk whatever the library that wrote it said. */
#define FULL_DISK_BYTES (1024 * 1024)

static void
set_folder_error (GError     **error,
                  const char  *dir,
                  int          saved_errno)
{
  g_autofree char *dir_display = g_filename_display_name (dir);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, RD_OUTPUT_ERROR, RD_OUTPUT_ERROR_NO_SPACE,
                 UI_("The disk that holds the folder “%s” is full. Nothing was written: free "
                   "some space or choose a folder on another disk, and try again."),
                 dir_display);
  else
    g_set_error (error, RD_OUTPUT_ERROR, RD_OUTPUT_ERROR_WRITE,
                 UI_("Redress could not write in the folder “%s”: %s. Nothing was written: "
                   "choose another folder."), dir_display, g_strerror (saved_errno));
}

/* Whether @fd is the file now at @path: a file replaced or removed under
 * its name is not. */
gboolean
_rd_output_is_at_path (int         fd,
                       const char *path)
{
  struct stat by_fd, by_name;

  return fstat (fd, &by_fd) == 0 && g_lstat (path, (GStatBuf *) &by_name) == 0 &&
         by_fd.st_dev == by_name.st_dev && by_fd.st_ino == by_name.st_ino;
}

char *
_rd_output_make_locked_temp (const char  *path,
                             const char  *what,
                             GError     **error)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (what != NULL, NULL);

  dir = g_path_get_dirname (path);
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *tmpl = g_strdup_printf ("%s%c" RD_OUTPUT_TEMP_PREFIX "%s-XXXXXX", dir,
                                               G_DIR_SEPARATOR, what);
      int fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);

      if (fd < 0)
        {
          set_folder_error (error, dir, errno);
          return NULL;
        }
      /* Between the file's creation and its lock, another export's
       * cleaning may have taken it for abandoned: then the lock is refused
       * (the cleaner holds it) or the name no longer leads to this file,
       * and a new name is tried. */
      if (flock (fd, LOCK_EX | LOCK_NB) != 0 || !_rd_output_is_at_path (fd, tmpl))
        {
          close (fd);
          continue;
        }
      G_LOCK (temps);
      if (temps == NULL)
        temps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (temps, g_strdup (tmpl), GINT_TO_POINTER (fd));
      G_UNLOCK (temps);
      return g_steal_pointer (&tmpl);
    }
  set_folder_error (error, dir, EEXIST);
  return NULL;
}

void
_rd_output_release_temp (const char *temp)
{
  gpointer name = NULL;
  gpointer fd = NULL;

  /* Stealing hands over the table's copy of the name, which is ours to free. */
  G_LOCK (temps);
  if (temps != NULL && g_hash_table_steal_extended (temps, temp, &name, &fd))
    {
      close (GPOINTER_TO_INT (fd));
      g_free (name);
    }
  G_UNLOCK (temps);
}

/* The open file that holds @temp's lock, or -1 if this process holds none. */
int
_rd_output_temp_fd (const char *temp)
{
  gpointer fd = NULL;
  gboolean found;

  G_LOCK (temps);
  found = temps != NULL && g_hash_table_lookup_extended (temps, temp, NULL, &fd);
  G_UNLOCK (temps);
  return found ? GPOINTER_TO_INT (fd) : -1;
}

/**
 * rd_output_make_temp:
 *
 * Creates an empty file, readable by its owner only, in the folder of
 * @path under a hidden name starting with %RD_OUTPUT_TEMP_PREFIX, for the
 * output to be written into and then handed to rd_output_commit() or
 * rd_output_discard(). Being beside @path, it is renamed in one step on
 * the same disk. Temporary files that exports killed earlier left in that
 * folder are removed first.
 *
 * Returns: (transfer full): the temporary file's path, or %NULL
 */
char *
rd_output_make_temp (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  rd_output_remove_stale (dir);
  return _rd_output_make_locked_temp (path, "part", error);
}

/**
 * rd_output_make_side_temp:
 * @what: a word for the file's part in the work, e.g. "skeleton"
 *
 * Like rd_output_make_temp(), for a working file the export needs beside
 * @path and removes with rd_output_discard() once the output is written.
 *
 * Returns: (transfer full): the temporary file's path, or %NULL
 */
char *
rd_output_make_side_temp (const char  *path,
                          const char  *what,
                          GError     **error)
{
  return _rd_output_make_locked_temp (path, what, error);
}

/**
 * rd_output_discard:
 * @temp: (nullable): a path from rd_output_make_temp() or
 *   rd_output_make_side_temp()
 *
 * Removes the temporary file and lets go of its lock.
 */
void
rd_output_discard (const char *temp)
{
  if (temp == NULL)
    return;
  /* Removed before the lock goes, so nobody sees it unlocked. */
  g_unlink (temp);
  _rd_output_release_temp (temp);
}

/**
 * rd_output_remove_stale:
 * @dir: a folder exports write in
 *
 * Removes the temporary files (named with %RD_OUTPUT_TEMP_PREFIX) that
 * exports killed before they could tidy up left in @dir: those whose lock
 * no living process holds. Nothing else in the folder is touched: not
 * other names, not folders or links, not another user's files. A set of
 * files that was being put in place when its export was killed is first
 * put back as it was (see rd_output_commit_set()).
 *
 * Returns: how many files were removed
 */
guint
rd_output_remove_stale (const char *dir)
{
  g_autoptr(GDir) folder = NULL;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (dir != NULL, 0);

  _rd_output_recover_sets (dir);
  folder = g_dir_open (dir, 0, NULL);
  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *child = NULL;
      struct stat st;
      int fd;

      if (!g_str_has_prefix (name, RD_OUTPUT_TEMP_PREFIX))
        continue;
      child = g_build_filename (dir, name, NULL);
      fd = g_open (child, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
      if (fd < 0)
        continue;
      /* Held under the lock while it is removed, and only if the name
       * still leads to the file locked, so that a file made this instant
       * under a reused name is never the one removed. */
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == getuid () &&
          flock (fd, LOCK_EX | LOCK_NB) == 0 && _rd_output_is_at_path (fd, child) &&
          g_unlink (child) == 0)
        removed++;
      close (fd);
    }
  if (removed > 0)
    g_debug ("removed %u temporary files left by earlier exports in %s", removed, dir);
  return removed;
}

/**
 * rd_output_explain_full_disk:
 * @path: the output that could not be written
 * @error: the error its writer reported
 *
 * Libraries that write files (cairo, qpdf, libarchive) report a full disk
 * as a bare "write error". Called before the temporary files are removed,
 * while the disk is still as full as the writer found it, this rewords
 * @error to say plainly that the disk is full and that nothing of that
 * file was saved, keeping its domain and code.
 *
 * Returns: whether the disk that holds @path is full
 */
gboolean
rd_output_explain_full_disk (const char  *path,
                             GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *display = NULL;
  struct statvfs st;

  g_return_val_if_fail (path != NULL, FALSE);

  dir = g_path_get_dirname (path);
  if (statvfs (dir, &st) != 0 || (guint64) st.f_bavail * st.f_frsize >= FULL_DISK_BYTES)
    return FALSE;
  if (error != NULL && *error != NULL)
    {
      display = g_filename_display_name (path);
      g_free ((*error)->message);
      (*error)->message =
        g_strdup_printf (UI_("The disk is full, so Redress could not write “%s”, and nothing of "
                           "it was saved. Free some space or choose a folder on another disk, "
                           "and try again."), display);
    }
  return TRUE;
}

/**
 * rd_output_commit:
 *
 * Puts the complete file @temp in place as @path, readable by its owner
 * only whatever the umask or the library that wrote it. On failure @temp is
 * removed and @path is left as it was.
 */
gboolean
rd_output_commit (const char  *temp,
                  const char  *path,
                  GError     **error)
{
  g_return_val_if_fail (temp != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The whole file written, beside its name, under its lock: a kill here
   * leaves it for the next export in this folder to remove. */
  rd_kill_point ("output-before-commit");
  if (g_chmod (temp, 0600) != 0 || g_rename (temp, path) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (path);

      rd_output_discard (temp);
      if (saved == ENOSPC || saved == EDQUOT)
        g_set_error (error, RD_OUTPUT_ERROR, RD_OUTPUT_ERROR_NO_SPACE,
                     UI_("The disk is full, so Redress could not save “%s”. Nothing was "
                       "written: free some space or choose a folder on another disk, and try "
                       "again."), display);
      else
        g_set_error (error, RD_OUTPUT_ERROR, RD_OUTPUT_ERROR_WRITE,
                     UI_("Redress could not save “%s”: %s. Nothing was written."),
                     display, g_strerror (saved));
      return FALSE;
    }
  _rd_output_release_temp (temp);
  return TRUE;
}
