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
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rd-output.h"

G_DEFINE_QUARK (rd-output-error-quark, rd_output_error)

/* The path with its folder resolved (links, "..", relative names), so that
 * two spellings of one place compare equal. */
static char *
dup_resolved (const char  *path,
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
                   _("“%s” is a folder, not a file name. Nothing was written: give the name of "
                     "the file to write."), display);
      return NULL;
    }
  base = g_path_get_basename (path);
  if (g_str_equal (base, ".") || g_str_equal (base, ".."))
    {
      g_set_error (error, RD_OUTPUT_ERROR, RD_OUTPUT_ERROR_NOT_A_FILE,
                   _("“%s” is a folder, not a file name. Nothing was written: give the name of "
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

static gboolean
is_inside (const char *path,
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
      g_autofree char *path = dup_resolved (paths[i], error);
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
          (is_inside (path, real_data) || (target != NULL && is_inside (target, real_data))))
        {
          g_autofree char *data_display = g_filename_display_name (data_dir);

          g_set_error (error, RD_OUTPUT_ERROR, RD_OUTPUT_ERROR_INSIDE_DATA,
                       _("“%s” is inside Redress’s data folder (%s), where the case file and the "
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
                           _("“%s” is given for two different files of this export, and one "
                             "would replace the other. Nothing was written: give each file its "
                             "own name."), display);
              return FALSE;
            }
        }
      g_ptr_array_add (resolved, g_steal_pointer (&path));
    }
  return TRUE;
}

/**
 * rd_output_make_temp:
 *
 * Creates an empty file, readable by its owner only, in the folder of
 * @path under a hidden name of its own, for the output to be written into
 * and then handed to rd_output_commit(). Being beside @path, it is renamed
 * in one step on the same disk.
 *
 * Returns: (transfer full): the temporary file's path, or %NULL
 */
char *
rd_output_make_temp (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmpl = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmpl = g_strdup_printf ("%s%c.%s.part-XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *dir_display = g_filename_display_name (dir);

      g_set_error (error, RD_OUTPUT_ERROR, RD_OUTPUT_ERROR_WRITE,
                   _("Redress could not write in the folder “%s”: %s. Nothing was written: "
                     "choose another folder."), dir_display, g_strerror (saved));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&tmpl);
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

  if (g_chmod (temp, 0600) != 0 || g_rename (temp, path) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_unlink (temp);
      g_set_error (error, RD_OUTPUT_ERROR, RD_OUTPUT_ERROR_WRITE,
                   _("Redress could not save “%s”: %s. Nothing was written."),
                   display, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
