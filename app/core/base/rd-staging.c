/* rd-staging.c: folders where files wait, under a lock, before they join the store.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-staging"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include "rd-gettext.h"
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rd-staging.h"

/* Inside each staging folder; held locked by the process that made the
 * folder for as long as it lives. The kernel lets go of the lock when that
 * process dies, however it dies, which is how a later open knows a folder
 * is abandoned without guessing from its age. */
#define LOCK_NAME ".lock"

/* A folder without its lock file is either being made this instant or was
 * left by a process killed between the two steps; only the second lasts. */
#define UNLOCKED_GRACE_SECONDS 60

/**
 * rd_staging_dir_new:
 * @parent: the folder to make it in (the evidence folder, so that files
 *   can be renamed into place)
 * @lock_fd: (out): the lock to hand back to rd_staging_dir_release()
 *
 * Returns: (transfer full) (nullable): a new, empty, locked staging
 *   folder, or %NULL with errno set
 */
char *
rd_staging_dir_new (const char *parent,
                    int        *lock_fd)
{
  g_autofree char *dir = NULL;
  g_autofree char *lock_path = NULL;
  int fd;

  g_return_val_if_fail (parent != NULL, NULL);
  g_return_val_if_fail (lock_fd != NULL, NULL);

  *lock_fd = -1;
  if (g_mkdir_with_parents (parent, 0700) != 0)
    return NULL;
  dir = g_build_filename (parent, RD_STAGING_PREFIX "XXXXXX", NULL);
  if (g_mkdtemp_full (dir, 0700) == NULL)
    return NULL;
  lock_path = g_build_filename (dir, LOCK_NAME, NULL);
  fd = g_open (lock_path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 || flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_unlink (lock_path);
      g_rmdir (dir);
      errno = saved_errno;
      return NULL;
    }
  *lock_fd = fd;
  return g_steal_pointer (&dir);
}

/**
 * rd_staging_dir_release:
 *
 * Gives up a staging folder: removes its lock and the folder if nothing
 * else is left in it. Files still in it wait for the store's next open,
 * which finishes what was committed and removes the rest.
 */
void
rd_staging_dir_release (const char *staging_dir,
                        int         lock_fd)
{
  if (staging_dir != NULL)
    {
      g_autofree char *lock_path = g_build_filename (staging_dir, LOCK_NAME, NULL);

      /* Unlinked before the lock is let go, so nobody sees it unlocked. */
      g_unlink (lock_path);
      g_rmdir (staging_dir);
    }
  if (lock_fd >= 0)
    close (lock_fd);
}

/* The time a file made in @dir this instant is stamped with, or -1 when
 * nothing can be made there. An unnamed file where the kernel allows one,
 * so that a kill at the wrong moment leaves nothing behind. */
static gint64
file_system_now (const char *dir)
{
  GStatBuf st;
  int fd;

#ifdef O_TMPFILE
  fd = g_open (dir, O_RDWR | O_TMPFILE | O_CLOEXEC, 0600);
#else
  fd = -1;
#endif
  if (fd < 0)
    {
      g_autofree char *probe = g_build_filename (dir, ".age-XXXXXX", NULL);

      fd = g_mkstemp_full (probe, O_RDWR | O_CLOEXEC, 0600);
      if (fd < 0)
        return -1;
      g_unlink (probe);
    }
  if (fstat (fd, &st) != 0)
    {
      close (fd);
      return -1;
    }
  close (fd);
  return st.st_mtime;
}

/**
 * rd_file_is_older_than:
 * @path: a file or folder
 * @st: what lstat() said of @path
 * @seconds: the age asked about
 *
 * Whether @path was last changed more than @seconds ago. Measured against
 * the file system's own clock, never Redress's: the two disagree whenever
 * the application's clock is set (a test's fixed day, faketime) or the
 * files live on another machine, and then a folder made a moment ago could
 * look years old and be taken away from under the process filling it.
 * When the age cannot be told, the answer is no: keeping a leftover is
 * harmless, removing a live folder is not.
 */
gboolean
rd_file_is_older_than (const char     *path,
                       const GStatBuf *st,
                       gint64          seconds)
{
  g_autofree char *dir = NULL;
  gint64 now;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (st != NULL, FALSE);

  dir = g_path_get_dirname (path);
  now = file_system_now (dir);
  return now >= 0 && now - (gint64) st->st_mtime > seconds;
}

/**
 * rd_staging_dir_is_abandoned:
 *
 * Whether no living process holds the staging folder: its maker died
 * (killed, a power cut) before it could tidy it away.
 */
gboolean
rd_staging_dir_is_abandoned (const char *staging_dir)
{
  g_autofree char *lock_path = g_build_filename (staging_dir, LOCK_NAME, NULL);
  int fd = g_open (lock_path, O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0);
  gboolean abandoned;

  if (fd < 0)
    {
      GStatBuf st;

      if (errno != ENOENT || g_lstat (staging_dir, &st) != 0)
        return FALSE;
      return rd_file_is_older_than (staging_dir, &st, UNLOCKED_GRACE_SECONDS);
    }
  abandoned = flock (fd, LOCK_EX | LOCK_NB) == 0;
  close (fd);
  return abandoned;
}

/* Removes @path and everything under it; symbolic links are removed, never
 * followed. */
void
rd_staging_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      GStatBuf st;

      if (g_lstat (child, &st) == 0 && S_ISDIR (st.st_mode))
        rd_staging_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/**
 * rd_kill_point:
 * @name: the moment, e.g. "erase-committed"
 *
 * For the crash tests (tests/reliability): when the environment variable
 * REDRESS_TEST_KILL_AT names this moment, the process kills itself here
 * with SIGKILL, exactly as a power cut or `kill -9` would stop it. Does
 * nothing otherwise.
 */
void
rd_kill_point (const char *name)
{
  static const char *wanted = NULL;
  static gsize read_once = 0;

  if (g_once_init_enter (&read_once))
    {
      wanted = g_getenv ("REDRESS_TEST_KILL_AT");
      g_once_init_leave (&read_once, 1);
    }
  if (wanted != NULL && strcmp (wanted, name) == 0)
    kill (getpid (), SIGKILL);
}

/* Makes the names of the files in @dir (renamed, created) last a power cut. */
gboolean
rd_sync_dir (const char  *dir,
             GError     **error)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   UI_("Redress could not finish saving to its evidence folder “%s”: %s."),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}
