/* rd-case-archive-private.h: what the archive's files share: building and
 * checking the parts of a hand-over.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (RD_ARCHIVE_COMPILATION)
#error "rd-case-archive-private.h belongs to app/core/archive/: include the folder's public headers instead."
#endif

#include <json-glib/json-glib.h>

#include "rd-case-archive-reader.h"

G_BEGIN_DECLS

/* rd-case-archive-write.c: the case document, a record at a time */
typedef struct {
  char   *sha256;
  gint64  size;
} RdArchiveFile;

void               _rd_archive_file_free        (gpointer           file);
gboolean           _rd_archive_write_document   (RdStore           *store,
                                                 gint64             case_id,
                                                 GOutputStream     *out,
                                                 GPtrArray         *files,
                                                 GCancellable      *cancellable,
                                                 GError           **error);

/* rd-case-archive-policy.c */
gboolean           _rd_archive_parse_policy     (JsonObject        *root,
                                                 RdPolicy         **out,
                                                 GError           **error);

/* rd-case-archive-identity.c */
char              *_rd_archive_parse_identity   (JsonObject        *root,
                                                 const char        *document,
                                                 gsize              length,
                                                 GError           **error);
gboolean           _rd_archive_check_not_here   (RdStore           *store,
                                                 const char        *identity,
                                                 GError           **error);
gboolean           _rd_archive_set_identity     (RdStore           *store,
                                                 gint64             case_id,
                                                 const char        *identity,
                                                 GError           **error);

/* rd-case-archive-times.c */
const char        *_rd_archive_times_list_name  (guint              kind);
gboolean           _rd_archive_check_times      (JsonObject        *root,
                                                 RdCaseFacts       *facts,
                                                 GError           **error);
gboolean           _rd_archive_restore_times    (RdStore           *store,
                                                 JsonObject        *root,
                                                 RdCaseFacts       *facts,
                                                 GError           **error);

gboolean           _rd_archive_json_depth_ok    (const char        *data,
                                                 gsize              length,
                                                 guint              max);
gboolean           _rd_archive_name_is_evidence (const char        *name,
                                                 const char       **sha256);

G_END_DECLS
