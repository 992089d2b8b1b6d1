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

/* How many new folders a maker tries before it gives up: each try lost
 * means a clean-up in another process claimed the folder between its
 * making and its lock, which a clean-up sweeping as fast as it can may do
 * many times in a row. */
#define MAX_ATTEMPTS 1000

/* A folder without its lock file but with files in it was left by an older
 * Redress, which let go of the lock before its last files; only one that
 * has stayed so for a while is taken for abandoned. */
#define UNLOCKED_GRACE_SECONDS 60

/* Whether @fd is still the lock file at @lock_path: a clean-up in another
 * process may have taken the folder away between its making and its lock. */
static gboolean
lock_is_in_place (int         fd,
                  const char *lock_path)
{
  struct stat by_fd, by_name;

  return fstat (fd, &by_fd) == 0 && g_lstat (lock_path, (GStatBuf *) &by_name) == 0 &&
         by_fd.st_dev == by_name.st_dev && by_fd.st_ino == by_name.st_ino;
}

/* One try at a locked folder: %NULL with errno set when it failed, and
 * *@retry when only another process's clean-up was in the way. */
static char *
try_staging_dir (const char *parent,
                 int        *lock_fd,
                 gboolean   *retry)
{
  g_autofree char *dir = g_build_filename (parent, RD_STAGING_PREFIX "XXXXXX", NULL);
  g_autofree char *lock_path = NULL;
  int saved_errno;
  int fd;

  *retry = FALSE;
  if (g_mkdtemp_full (dir, 0700) == NULL)
    return NULL;
  rd_kill_point ("staging-before-lock");
  rd_test_pause_point ("staging-before-lock");
  lock_path = g_build_filename (dir, LOCK_NAME, NULL);
  fd = g_open (lock_path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0 && flock (fd, LOCK_EX | LOCK_NB) == 0 && lock_is_in_place (fd, lock_path))
    {
      *lock_fd = fd;
      return g_steal_pointer (&dir);
    }
  /* Until it holds its lock, a new folder is empty and unlocked, which is
   * also what a process killed at this point leaves: another Redress
   * opening the store may have claimed it to take it away (EEXIST: its
   * lock file is there; EWOULDBLOCK: it holds the lock) or taken it away
   * already (ENOENT). Each means: make another. */
  saved_errno = errno;
  *retry = fd < 0 ? saved_errno == ENOENT || saved_errno == EEXIST : TRUE;
  if (fd >= 0)
    {
      if (lock_is_in_place (fd, lock_path))
        g_unlink (lock_path);
      close (fd);
    }
  g_rmdir (dir);
  errno = saved_errno;
  return NULL;
}

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
  g_return_val_if_fail (parent != NULL, NULL);
  g_return_val_if_fail (lock_fd != NULL, NULL);

  *lock_fd = -1;
  if (g_mkdir_with_parents (parent, 0700) != 0)
    return NULL;
  for (guint attempt = 0; attempt < MAX_ATTEMPTS; attempt++)
    {
      gboolean retry;
      char *dir = try_staging_dir (parent, lock_fd, &retry);

      if (dir != NULL || !retry)
        return dir;
    }
  return NULL;
}

/* Whether anything but the lock is in @staging_dir. */
static gboolean
holds_files (const char *staging_dir)
{
  g_autoptr(GDir) dir = g_dir_open (staging_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (strcmp (name, LOCK_NAME) != 0)
      return TRUE;
  return FALSE;
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
  /* A folder with files left keeps its lock file, unlocked once closed, so
   * that the next open knows at once that nobody holds it; an empty one
   * loses it first, so that nobody sees it unlocked before it goes. A kill
   * between the two steps leaves an empty folder without a lock, which the
   * next open removes too. */
  if (staging_dir != NULL && !holds_files (staging_dir))
    {
      g_autofree char *lock_path = g_build_filename (staging_dir, LOCK_NAME, NULL);

      g_unlink (lock_path);
      rd_kill_point ("staging-unlocked");
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

/* The lock of @staging_dir taken by this process when no living process
 * holds the folder (its maker died, killed or in a power cut, before it
 * could tidy it away), or -1. */
static int
claim_abandoned (const char *staging_dir)
{
  g_autofree char *lock_path = g_build_filename (staging_dir, LOCK_NAME, NULL);
  int fd = g_open (lock_path, O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0);

  if (fd < 0)
    {
      GStatBuf st;

      if (errno != ENOENT || g_lstat (staging_dir, &st) != 0)
        return -1;
      /* No lock file. Empty, it is what a kill before the lock or during
       * the release left, or a folder being made this instant; with files,
       * what an older Redress left once it has stayed so for a while. It
       * is claimed by making the lock file: a maker that comes second
       * fails to make it and makes another folder (rd_staging_dir_new()),
       * and a maker that came first holds it, which is seen below. */
      if (holds_files (staging_dir) &&
          !rd_file_is_older_than (staging_dir, &st, UNLOCKED_GRACE_SECONDS))
        return -1;
      fd = g_open (lock_path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
      if (fd < 0 && errno == EEXIST)
        fd = g_open (lock_path, O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0);
      if (fd < 0)
        return -1;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0 || !lock_is_in_place (fd, lock_path))
    {
      close (fd);
      return -1;
    }
  return fd;
}

/**
 * rd_staging_dir_remove_if_abandoned:
 *
 * Removes a staging folder that no living process holds: its maker died
 * before it could tidy it away. The folder's lock is taken first and held
 * until the folder is gone, so that nobody can start using it in between.
 *
 * Returns: whether it was abandoned and is now removed
 */
gboolean
rd_staging_dir_remove_if_abandoned (const char *staging_dir)
{
  int fd;

  g_return_val_if_fail (staging_dir != NULL, FALSE);

  fd = claim_abandoned (staging_dir);
  if (fd < 0)
    return FALSE;
  rd_test_pause_point ("staging-claimed");
  rd_staging_remove_tree (staging_dir);
  close (fd);
  return TRUE;
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

/**
 * rd_test_pause_point:
 * @name: the moment, e.g. "staging-claimed"
 *
 * For the race tests: when the environment variable REDRESS_TEST_PAUSE_AT
 * names this moment, the thread waits a millisecond here, which widens a
 * window between two steps enough for another process to run in it.
 * Does nothing otherwise. (Read each time: a test sets it in one process
 * of two it forks.)
 */
void
rd_test_pause_point (const char *name)
{
  const char *wanted = g_getenv ("REDRESS_TEST_PAUSE_AT");

  if (wanted != NULL && strcmp (wanted, name) == 0)
    g_usleep (1000);
}

/**
 * rd_test_fail_point:
 * @name: the step, e.g. "output-set-rename-2"
 *
 * For the tests of what a failure leaves: %TRUE when the environment
 * variable REDRESS_TEST_FAIL_AT names this step, which the caller then
 * treats as failed. %FALSE otherwise. (Read each time, like
 * rd_test_pause_point().)
 */
gboolean
rd_test_fail_point (const char *name)
{
  const char *wanted = g_getenv ("REDRESS_TEST_FAIL_AT");

  return wanted != NULL && strcmp (wanted, name) == 0;
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
