/* rd-store-integrity.c: when the case file is checked through, and the cheap check made otherwise.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rd-store-private.h"

/*
 * PRAGMA quick_check reads the whole file: over a second for 80 MB, on
 * every start of the window and every command of the CLI. A file that was
 * closed properly has nothing new to find, so the full check is made only
 * when the last session did not close: each process that opens the file
 * for writing leaves a marker beside it, "redress.db-open-PID-N", holding
 * the machine's boot id, and removes it when it closes the file. A marker
 * whose process is gone, or that was written before the machine last
 * started, is what a crash, a kill or a power cut leaves. Other processes
 * may have the file open at the same time (the window and the CLI): their
 * markers are alive and are left alone.
 *
 * Otherwise only the file's header is compared with its size, which finds
 * a file cut short (a copy that stopped half-way) at no cost.
 */

#define MARKER_INFIX "-open-"

static char *
dup_boot_id (void)
{
  char *text = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &text, NULL, NULL))
    return g_strdup ("");
  return g_strstrip (text);
}

/* Whether @name (in the data folder) is a marker left by a session that is over. */
static gboolean
marker_is_stale (const char *dir,
                 const char *name,
                 const char *prefix,
                 const char *boot_id)
{
  g_autofree char *path = NULL;
  g_autofree char *written = NULL;
  const char *pid_text = name + strlen (prefix);
  char *end = NULL;
  gint64 pid = g_ascii_strtoll (pid_text, &end, 10);

  if (pid <= 0 || end == pid_text || *end != '-')
    return FALSE;   /* not ours */
  path = g_build_filename (dir, name, NULL);
  if (!g_file_get_contents (path, &written, NULL, NULL))
    return FALSE;
  if (g_strcmp0 (g_strstrip (written), boot_id) != 0)
    return TRUE;
  if (pid == getpid ())
    return FALSE;
  return kill ((pid_t) pid, 0) != 0 && errno == ESRCH;
}

/**
 * _rd_store_find_unclean_close:
 * @stale: (out) (transfer full) (nullable): the paths of the markers left
 *   by sessions that did not close
 *
 * Returns: whether a session that had the case file of @data_dir open
 *   ended without closing it
 */
gboolean
_rd_store_find_unclean_close (const char   *database_path,
                              GPtrArray   **stale)
{
  g_autofree char *dir = g_path_get_dirname (database_path);
  g_autofree char *base = g_path_get_basename (database_path);
  g_autofree char *prefix = g_strconcat (base, MARKER_INFIX, NULL);
  g_autofree char *boot_id = dup_boot_id ();
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, prefix) && marker_is_stale (dir, name, prefix, boot_id))
      g_ptr_array_add (found, g_build_filename (dir, name, NULL));

  *stale = found->len > 0 ? g_steal_pointer (&found) : NULL;
  return *stale != NULL;
}

/**
 * _rd_store_mark_open:
 *
 * Leaves the marker that says this process has the case file open.
 *
 * Returns: (transfer full) (nullable): its path, to remove on a clean
 *   close; %NULL if it could not be written (a full disk), which only
 *   means a crash would go unchecked
 */
char *
_rd_store_mark_open (const char *database_path)
{
  static gint serial;
  g_autofree char *boot_id = dup_boot_id ();
  g_autofree char *contents = g_strconcat (boot_id, "\n", NULL);
  char *path = g_strdup_printf ("%s" MARKER_INFIX "%d-%d", database_path, (int) getpid (),
                                g_atomic_int_add (&serial, 1));

  if (!g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_NONE, 0600, NULL))
    g_clear_pointer (&path, g_free);
  return path;
}

static guint32
read_be (const guchar *bytes,
         guint         n)
{
  guint32 value = 0;

  for (guint i = 0; i < n; i++)
    value = (value << 8) | bytes[i];
  return value;
}

/**
 * _rd_store_file_is_whole:
 *
 * Whether the case file is at least as long as its header says. SQLite
 * reads only the pages it needs, so a file cut short opens as if nothing
 * were wrong until the missing pages are read.
 */
gboolean
_rd_store_file_is_whole (const char *database_path)
{
  guchar header[100];
  GStatBuf st;
  FILE *file;
  gsize got;
  guint32 page_size, pages;

  if (g_stat (database_path, &st) != 0 || (file = g_fopen (database_path, "rb")) == NULL)
    return TRUE;   /* SQLite says what is wrong with it */
  got = fread (header, 1, sizeof header, file);
  fclose (file);
  if (got < sizeof header)
    return got == 0;   /* an empty file is a new database */

  page_size = read_be (header + 16, 2);
  if (page_size == 1)
    page_size = 65536;
  pages = read_be (header + 28, 4);
  /* The page count is only kept by SQLite 3.7.0 and later, and is valid
   * only when the two change counters agree. */
  if (pages == 0 || read_be (header + 24, 4) != read_be (header + 92, 4))
    return TRUE;
  return (guint64) st.st_size >= (guint64) pages * page_size;
}
