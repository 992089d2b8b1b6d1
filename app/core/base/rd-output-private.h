/* rd-output-private.h: what the files of rd-output share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-output.h"

G_BEGIN_DECLS

/* A file that records a set being put in place: named so, after the prefix. */
#define RD_OUTPUT_JOURNAL_WORD "commit"

char     *_rd_output_dup_resolved     (const char  *path,
                                       GError     **error);
gboolean  _rd_output_is_inside        (const char  *path,
                                       const char  *folder);
gboolean  _rd_output_is_at_path       (int          fd,
                                       const char  *path);
char     *_rd_output_make_locked_temp (const char  *path,
                                       const char  *what,
                                       GError     **error);
int       _rd_output_temp_fd          (const char  *temp);
void      _rd_output_release_temp     (const char  *temp);
void      _rd_output_recover_sets     (const char  *dir);

G_END_DECLS
