/* advisers-fixtures.h: a case with every kind of record and evidence,
 * marked with a string of the test's choosing, for the erase and archive
 * tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-core.h"

G_BEGIN_DECLS

gint64    advisers_make_full_case   (RdStore    *store,
                                     const char *work_dir,
                                     const char *marker);
gboolean  advisers_tree_contains    (const char *path,
                                     const char *marker);
gboolean  advisers_file_contains    (const char *path,
                                     const char *marker);
guint     advisers_count_rows       (RdStore    *store,
                                     const char *table);

G_END_DECLS
