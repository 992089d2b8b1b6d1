/* rd-staging.h: folders where files wait, under a lock, before they join the store.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

G_BEGIN_DECLS

/* Every staging folder's name starts so; nothing else in the evidence
 * folder does. */
#define RD_STAGING_PREFIX ".staging-"

char     *rd_staging_dir_new          (const char *parent,
                                       int        *lock_fd);
void      rd_staging_dir_release      (const char *staging_dir,
                                       int         lock_fd);
gboolean  rd_staging_dir_remove_if_abandoned (const char *staging_dir);
gboolean  rd_file_is_older_than       (const char     *path,
                                       const GStatBuf *st,
                                       gint64          seconds);
void      rd_staging_remove_tree      (const char *path);
gboolean  rd_sync_dir                 (const char  *dir,
                                       GError     **error);

void      rd_kill_point               (const char *name);
void      rd_test_pause_point         (const char *name);
gboolean  rd_test_fail_point          (const char *name);

G_END_DECLS
