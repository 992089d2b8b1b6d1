/* rd-evidence-probe.c: what Redress reads from an evidence file, without a store.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-evidence"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rd-evidence-private.h"
#include "rd-evidence-probe.h"

/**
 * rd_evidence_probe_file:
 * @path: the file
 * @name: the name it would be added under (its extension counts)
 *
 * Reads the file exactly as adding it as evidence does, through the same
 * readers, and forgets what it found but its type.
 *
 * Returns: (transfer full): the content type found
 */
char *
rd_evidence_probe_file (const char *path,
                        const char *name)
{
  g_autoptr(GDateTime) mtime = g_date_time_new_utc (2024, 10, 1, 9, 0, 0);
  g_autofree guint8 *head = NULL;
  RdEvidenceInfo info;
  char *content_type;
  gssize n = 0;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      struct stat st;
      gsize want = RD_EVIDENCE_HEAD_SIZE;

      /* Only as much as the file holds: the harnesses call this thousands
       * of times a second on small files. */
      if (fstat (fd, &st) == 0 && st.st_size >= 0 && (guint64) st.st_size < want)
        want = st.st_size;
      head = g_malloc (want + 1);
      n = read (fd, head, want);
      close (fd);
    }
  if (head == NULL)
    head = g_malloc0 (1);
  _rd_evidence_info_init (&info);
  _rd_evidence_read_info (&info, path, name, head, n > 0 ? (gsize) n : 0, mtime, NULL);
  content_type = g_strdup (info.content_type);
  _rd_evidence_info_clear (&info);
  return content_type;
}
