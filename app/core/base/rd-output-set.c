/* rd-output-set.c: several files of one export (a bundle's volumes) put in place together.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bundle split into volumes is one document in several files,
 * NAME-volume-1.pdf, NAME-volume-2.pdf…, and a set made of two exports'
 * volumes would number and index pages that are not there. So the new
 * volumes are all written and measured first; then each file they replace
 * is moved aside under a temporary name and the new one renamed in, and
 * if any step fails the new ones are taken out and the old ones put back.
 *
 * A process can be killed between two renames. Before the first, a
 * journal (a temporary file, locked like the others) records each name,
 * where its old file waits and which file each name held before and
 * after; the next export to that folder finds the journal unlocked and
 * puts the old set back (rd_output_remove_stale()), so what a kill leaves
 * is the old set or the new one, and temporary files.
 */
#define G_LOG_DOMAIN "rd-output"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rd-gettext.h"
#include "rd-output-private.h"
#include "rd-staging.h"

/* A journal larger than this is no journal Redress wrote. */
#define MAX_JOURNAL (1024 * 1024)

/* "bundle.pdf" → "bundle": what a volume's name starts with. */
static char *
series_stem (const char *basename)
{
  if (g_str_has_suffix (basename, ".pdf") || g_str_has_suffix (basename, ".PDF"))
    return g_strndup (basename, strlen (basename) - 4);
  return g_strdup (basename);
}

/* N if @name is "STEM-volume-N.pdf" exactly (N as Redress writes it: no
 * sign, no leading zero), or 0. */
static guint
series_number_of_name (const char *stem,
                       const char *name)
{
  gsize len = strlen (stem);
  const char *digits, *end;
  guint64 n;

  if (strncmp (name, stem, len) != 0 || !g_str_has_prefix (name + len, "-volume-"))
    return 0;
  digits = name + len + strlen ("-volume-");
  for (end = digits; g_ascii_isdigit (*end); end++)
    ;
  if (end == digits || *digits == '0' || end - digits > 9 || strcmp (end, ".pdf") != 0)
    return 0;
  n = g_ascii_strtoull (digits, NULL, 10);
  return (guint) n;
}

/**
 * rd_output_series_path:
 * @path: the file asked for, "NAME.pdf"
 * @number: counting from 1
 *
 * Returns: (transfer full): the name of volume @number of a bundle written
 *   as @path: "NAME-volume-@number.pdf", beside it
 */
char *
rd_output_series_path (const char *path,
                       guint       number)
{
  g_autofree char *stem = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (number > 0, NULL);

  stem = series_stem (path);
  /* Not translated: the names must sort and match whatever the language. */
  return g_strdup_printf ("%s-volume-%u.pdf", stem, number);
}

/**
 * rd_output_series_number:
 *
 * Returns: which volume of a bundle written as @path the file @candidate
 *   would be (another spelling of the same place counts), or 0 if none
 */
guint
rd_output_series_number (const char *path,
                         const char *candidate)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *dir_a = NULL;
  g_autofree char *dir_b = NULL;
  g_autofree char *base_a = NULL;
  g_autofree char *base_b = NULL;
  g_autofree char *stem = NULL;

  g_return_val_if_fail (path != NULL, 0);
  g_return_val_if_fail (candidate != NULL, 0);

  if ((a = _rd_output_dup_resolved (path, NULL)) == NULL ||
      (b = _rd_output_dup_resolved (candidate, NULL)) == NULL)
    return 0;
  dir_a = g_path_get_dirname (a);
  dir_b = g_path_get_dirname (b);
  if (!g_str_equal (dir_a, dir_b))
    return 0;
  base_a = g_path_get_basename (a);
  base_b = g_path_get_basename (b);
  stem = series_stem (base_a);
  return series_number_of_name (stem, base_b);
}

static void
set_series_error (GError     **error,
                  const char  *other,
                  guint        number,
                  const char  *path)
{
  g_autofree char *other_display = g_filename_display_name (other);
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, RD_OUTPUT_ERROR, RD_OUTPUT_ERROR_DUPLICATE,
               UI_("“%s” is the name of volume %u of the bundle “%s”, and one file would "
                   "replace the other. Nothing was written: give each file its own name."),
               other_display, number, display);
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/**
 * rd_output_check_series:
 * @data_dir: (nullable): the data folder of the store the export reads
 * @path: the bundle asked for, whose volumes are NAME-volume-N.pdf beside it
 * @others: (array zero-terminated=1) (nullable): the other files the same
 *   export writes (chronologies, the key to anonymised labels…)
 *
 * Before any work, as rd_output_check_paths() does for one file: how many
 * volumes there will be is not known yet, so every name of the series is
 * checked. None of @others may be a volume's name (or the same file as a
 * volume there now), and no volume there now may be a folder or a link
 * into the data folder.
 *
 * Returns: %TRUE if the volumes may be written
 */
gboolean
rd_output_check_series (const char         *data_dir,
                        const char         *path,
                        const char * const *others,
                        GError            **error)
{
  g_autofree char *resolved = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *stem = NULL;
  g_autoptr(GDir) folder = NULL;
  const char *name;

  g_return_val_if_fail (path != NULL, FALSE);

  if ((resolved = _rd_output_dup_resolved (path, error)) == NULL)
    return FALSE;
  for (guint i = 0; others != NULL && others[i] != NULL; i++)
    {
      guint n = rd_output_series_number (path, others[i]);

      if (n > 0)
        {
          set_series_error (error, others[i], n, path);
          return FALSE;
        }
    }

  dir = g_path_get_dirname (resolved);
  base = g_path_get_basename (resolved);
  stem = series_stem (base);
  folder = g_dir_open (dir, 0, NULL);
  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      guint n = series_number_of_name (stem, name);
      g_autofree char *member = NULL;

      if (n == 0)
        continue;
      member = g_build_filename (dir, name, NULL);
      {
        const char *one[] = { member, NULL };

        if (!rd_output_check_paths (data_dir, one, error))
          return FALSE;
      }
      for (guint i = 0; others != NULL && others[i] != NULL; i++)
        if (same_file (member, others[i]))
          {
            set_series_error (error, others[i], n, path);
            return FALSE;
          }
    }
  return TRUE;
}

/**
 * rd_output_remove_series:
 * @path: the bundle asked for
 * @from: the first volume number to remove
 *
 * Removes the volumes an earlier, larger export of @path left beyond the
 * new set: regular files named exactly NAME-volume-N.pdf with N at least
 * @from, and nothing else (not folders, not links, not other names).
 *
 * Returns: (transfer full): the paths removed, in volume order
 */
GStrv
rd_output_remove_series (const char *path,
                         guint       from)
{
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *stem = NULL;
  g_autoptr(GDir) folder = NULL;
  const char *name;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  stem = series_stem (base);
  folder = g_dir_open (dir, 0, NULL);
  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      guint n = series_number_of_name (stem, name);
      g_autofree char *member = NULL;
      GStatBuf st;

      if (n == 0 || n < from)
        continue;
      member = g_build_filename (dir, name, NULL);
      if (g_lstat (member, &st) == 0 && S_ISREG (st.st_mode) && g_unlink (member) == 0)
        {
          guint at = 0;

          while (at < numbers->len && g_array_index (numbers, guint, at) < n)
            at++;
          g_array_insert_val (numbers, at, n);
          g_ptr_array_insert (removed, at, g_steal_pointer (&member));
        }
    }
  g_ptr_array_add (removed, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&removed), FALSE);
}

/* One name of a set being put in place. */
typedef struct
{
  const char *temp;       /* the new file, complete */
  const char *path;
  char       *aside;      /* where the file it replaces waits, or NULL */
  int         old_fd;     /* holds the lock on that file, or -1 */
  GStatBuf    old_st;
  GStatBuf    new_st;
  gboolean    moved_aside;
  gboolean    moved_in;
} Swap;

static void
swap_clear (Swap *s)
{
  if (s->old_fd >= 0)
    close (s->old_fd);
  g_free (s->aside);
}

static void
append_id (GString        *journal,
           const GStatBuf *st)
{
  g_string_append_printf (journal, "%" PRIu64 " %" PRIu64, (guint64) st->st_dev,
                          (guint64) st->st_ino);
  g_string_append_c (journal, '\0');
}

/* The journal: for each name, four fields ended by NUL (names may hold
 * any byte but NUL): the name, where its old file waits (empty if none),
 * the old file's device and inode, and the new file's. */
static gboolean
write_journal (const char  *journal,
               Swap        *swaps,
               guint        n,
               GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int fd = _rd_output_temp_fd (journal);
  gsize done = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_path_get_basename (swaps[i].path);
      g_autofree char *aside = swaps[i].aside != NULL ? g_path_get_basename (swaps[i].aside)
                                                      : g_strdup ("");
      GStatBuf none = { 0 };

      g_string_append_len (text, name, strlen (name) + 1);
      g_string_append_len (text, aside, strlen (aside) + 1);
      append_id (text, swaps[i].aside != NULL ? &swaps[i].old_st : &none);
      append_id (text, &swaps[i].new_st);
    }
  while (fd >= 0 && done < text->len)
    {
      ssize_t w = write (fd, text->str + done, text->len - done);

      if (w < 0 && errno == EINTR)
        continue;
      if (w <= 0)
        break;
      done += (gsize) w;
    }
  if (fd < 0 || done < text->len || fsync (fd) != 0)
    {
      g_autofree char *dir = g_path_get_dirname (journal);
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, RD_OUTPUT_ERROR, RD_OUTPUT_ERROR_WRITE,
                   UI_("Redress could not write in the folder “%s”: %s. Nothing was written: "
                       "choose another folder."), display, g_strerror (fd < 0 ? EBADF : errno));
      return FALSE;
    }
  return TRUE;
}

/* Makes a place aside for the file now at @s->path, if there is one,
 * locking that file so that no other export takes it for abandoned. */
static gboolean
prepare_swap (Swap    *s,
              GError **error)
{
  s->old_fd = -1;
  if (g_chmod (s->temp, 0600) != 0 || g_lstat (s->temp, &s->new_st) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (s->path);

      g_set_error (error, RD_OUTPUT_ERROR, RD_OUTPUT_ERROR_WRITE,
                   UI_("Redress could not save “%s”: %s. Nothing was written."),
                   display, g_strerror (saved));
      return FALSE;
    }
  if (g_lstat (s->path, &s->old_st) != 0)
    return TRUE;
  s->old_fd = g_open (s->path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
  if (s->old_fd >= 0)
    flock (s->old_fd, LOCK_EX | LOCK_NB);
  s->aside = _rd_output_make_locked_temp (s->path, "old", error);
  return s->aside != NULL;
}

static gboolean
fail_rename (guint i)
{
  g_autofree char *point = g_strdup_printf ("output-set-rename-%u", i + 1);

  return rd_test_fail_point (point);
}

/* Takes the new file out of @s->path and puts the old one back. */
static gboolean
undo_swap (Swap *s)
{
  gboolean ok = TRUE;

  if (s->moved_in && !s->moved_aside)
    ok = g_unlink (s->path) == 0;
  else if (s->moved_aside)
    ok = g_rename (s->aside, s->path) == 0;
  if (ok)
    s->moved_in = s->moved_aside = FALSE;
  return ok;
}

/**
 * rd_output_commit_set:
 * @temps: (array zero-terminated=1): complete files from
 *   rd_output_make_temp(), one for each of @paths
 * @paths: (array zero-terminated=1): their names, all in one folder
 *
 * Puts all of @temps in place as @paths, or none: each file a name held
 * is moved aside, the new one renamed in, and the old ones removed only
 * when every new one is in place. If a step fails, the new files are taken
 * out, the old ones put back, @temps removed, and @error says so. A kill
 * part way is undone by the next export to that folder.
 *
 * Returns: %TRUE if every file is in place
 */
gboolean
rd_output_commit_set (const char * const *temps,
                      const char * const *paths,
                      GError            **error)
{
  guint n = g_strv_length ((char **) paths);
  g_autofree Swap *swaps = g_new0 (Swap, MAX (n, 1));
  g_autofree char *journal = NULL;
  g_autofree char *dir = NULL;
  gboolean ok = TRUE;
  guint failed = 0;
  int saved = 0;

  g_return_val_if_fail (g_strv_length ((char **) temps) == n, FALSE);

  if (n == 0)
    return TRUE;
  dir = g_path_get_dirname (paths[0]);
  for (guint i = 0; i < n; i++)
    {
      swaps[i].temp = temps[i];
      swaps[i].path = paths[i];
      swaps[i].old_fd = -1;
    }
  for (guint i = 0; ok && i < n; i++)
    ok = prepare_swap (&swaps[i], error);
  if (ok)
    ok = (journal = _rd_output_make_locked_temp (paths[0], RD_OUTPUT_JOURNAL_WORD, error)) != NULL &&
         write_journal (journal, swaps, n, error) && rd_sync_dir (dir, NULL);
  if (!ok)
    goto out;
  rd_kill_point ("output-set-journal-written");

  for (failed = 0; failed < n; failed++)
    {
      Swap *s = &swaps[failed];

      if (s->aside != NULL)
        {
          if (g_rename (s->path, s->aside) != 0)
            break;
          s->moved_aside = TRUE;
        }
      if (fail_rename (failed))
        {
          errno = EIO;
          break;
        }
      if (g_rename (s->temp, s->path) != 0)
        break;
      s->moved_in = TRUE;
      if (failed == 0 && n > 1)
        rd_kill_point ("output-set-first-in");
    }
  saved = errno;
  if (failed == n)
    {
      rd_kill_point ("output-set-all-in");
      /* The journal goes first: once it is gone the old files are only
       * temporary files, and a kill now leaves the new set. */
      rd_sync_dir (dir, NULL);
      rd_output_discard (journal);
      for (guint i = 0; i < n; i++)
        {
          if (swaps[i].aside != NULL)
            rd_output_discard (swaps[i].aside);
          _rd_output_release_temp (temps[i]);
        }
      rd_sync_dir (dir, NULL);
      goto out;
    }

  ok = FALSE;
  {
    g_autofree char *display = g_filename_display_name (paths[failed]);
    const char *not_back = NULL;

    for (guint i = failed + 1; i-- > 0; )
      if (!undo_swap (&swaps[i]) && not_back == NULL)
        not_back = paths[i];
    if (not_back == NULL)
      g_set_error (error, RD_OUTPUT_ERROR, RD_OUTPUT_ERROR_WRITE,
                   UI_("Redress could not save “%s”: %s. None of the new files was kept, and "
                       "the files that were there before are as they were."),
                   display, g_strerror (saved));
    else
      {
        g_autofree char *back_display = g_filename_display_name (not_back);

        g_set_error (error, RD_OUTPUT_ERROR, RD_OUTPUT_ERROR_WRITE,
                     UI_("Redress could not save “%s”: %s, nor put “%s” back as it was. The "
                         "next export to that folder puts it back."),
                     display, g_strerror (saved), back_display);
        /* Left for the next export: its lock goes, its journal stays. */
        _rd_output_release_temp (journal);
        g_clear_pointer (&journal, g_free);
      }
  }

out:
  if (!ok)
    {
      if (journal != NULL)
        rd_output_discard (journal);
      for (guint i = 0; i < n; i++)
        {
          if (swaps[i].aside != NULL && !swaps[i].moved_aside)
            rd_output_discard (swaps[i].aside);
          else if (swaps[i].aside != NULL)
            _rd_output_release_temp (swaps[i].aside);
          rd_output_discard (temps[i]);
        }
    }
  for (guint i = 0; i < n; i++)
    swap_clear (&swaps[i]);
  return ok;
}

static gboolean
parse_id (const char *text,
          guint64    *dev,
          guint64    *ino)
{
  char *end = NULL;

  *dev = g_ascii_strtoull (text, &end, 10);
  if (end == text || *end != ' ')
    return FALSE;
  *ino = g_ascii_strtoull (end + 1, &end, 10);
  return *end == '\0';
}

static gboolean
is_file (const char *path,
         guint64     dev,
         guint64     ino)
{
  GStatBuf st;

  return ino != 0 && g_lstat (path, &st) == 0 && (guint64) st.st_dev == dev &&
         (guint64) st.st_ino == ino;
}

/* Puts back, from the journal @text, each name the killed export had
 * changed: its old file from aside, or nothing where there was none. Only
 * a name that still holds the new file (or none) is touched. */
static void
undo_journal (const char *dir,
              const char *text,
              gsize       len)
{
  const char *p = text, *end = text + len;

  while (p < end)
    {
      const char *field[4];
      guint64 old_dev, old_ino, new_dev, new_ino;
      g_autofree char *path = NULL;
      guint k;

      for (k = 0; k < 4 && p < end; k++)
        {
          field[k] = p;
          p += strnlen (p, end - p) + 1;
        }
      if (k < 4 || p > end || strchr (field[0], '/') != NULL || strchr (field[1], '/') != NULL ||
          !parse_id (field[2], &old_dev, &old_ino) || !parse_id (field[3], &new_dev, &new_ino))
        return;
      path = g_build_filename (dir, field[0], NULL);
      if (*field[1] != '\0')
        {
          g_autofree char *aside = g_build_filename (dir, field[1], NULL);

          GStatBuf st;

          if (is_file (aside, old_dev, old_ino) &&
              (is_file (path, new_dev, new_ino) || g_lstat (path, &st) != 0))
            g_rename (aside, path);
        }
      else if (is_file (path, new_dev, new_ino))
        g_unlink (path);
    }
}

/* For rd_output_remove_stale(): undoes the sets a killed export was
 * putting in place in @dir, found by their unlocked journals. */
void
_rd_output_recover_sets (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *child = NULL;
      g_autofree char *text = NULL;
      struct stat st;
      ssize_t got;
      int fd;

      if (!g_str_has_prefix (name, RD_OUTPUT_TEMP_PREFIX RD_OUTPUT_JOURNAL_WORD "-"))
        continue;
      child = g_build_filename (dir, name, NULL);
      fd = g_open (child, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == getuid () &&
          st.st_size <= MAX_JOURNAL && flock (fd, LOCK_EX | LOCK_NB) == 0 &&
          _rd_output_is_at_path (fd, child))
        {
          text = g_malloc (st.st_size + 1);
          got = read (fd, text, st.st_size);
          if (got == st.st_size)
            {
              g_debug ("putting back the files an export killed in %s was replacing", dir);
              undo_journal (dir, text, (gsize) got);
            }
          g_unlink (child);
        }
      close (fd);
    }
}
