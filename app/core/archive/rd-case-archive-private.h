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
                                                 RdArchiveProgress *progress,
                                                 GError           **error);

/* rd-case-archive-policy.c */
gboolean           _rd_archive_parse_policy     (JsonObject        *root,
                                                 RdPolicy         **out,
                                                 GError           **error);

/* rd-case-archive-identity.c */
char              *_rd_archive_parse_identity   (JsonObject        *root,
                                                 const char        *document_sha256,
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

/* rd-case-archive-document.c: each part of the document, checked */
gboolean           _rd_archive_invalid          (GError           **error,
                                                 const char        *path,
                                                 const char        *problem);
gboolean           _rd_archive_check_format     (JsonObject        *root,
                                                 GError           **error);
gboolean           _rd_archive_parse_admin      (RdArchiveDocument *doc,
                                                 JsonObject        *root,
                                                 GError           **error);
JsonObject        *_rd_archive_check_revision   (JsonNode          *node,
                                                 guint              index,
                                                 GHashTable        *incident_ids,
                                                 gint64            *incident,
                                                 GError           **error);
gboolean           _rd_archive_check_evidence_id (JsonNode         *node,
                                                  guint             index,
                                                  GHashTable       *ids,
                                                  GError          **error);
JsonObject        *_rd_archive_check_evidence   (JsonNode          *node,
                                                 guint              index,
                                                 RdArchiveContents *contents,
                                                 GHashTable        *ids,
                                                 GHashTable        *used,
                                                 gint64            *parent,
                                                 GError           **error);
JsonObject        *_rd_archive_check_link       (JsonNode          *node,
                                                 guint              index,
                                                 GHashTable        *evidence_ids,
                                                 GHashTable        *incident_ids,
                                                 GHashTable        *contact_ids,
                                                 GArray            *first_event,
                                                 gint64            *target,
                                                 GError           **error);

/* rd-case-archive-times.c */
gboolean           _rd_archive_invalid_times    (GError           **error,
                                                 const char        *path);
gboolean           _rd_archive_read_pair        (JsonNode          *node,
                                                 gint64             out[2]);
const char        *_rd_archive_times_list_name  (guint              kind);

gboolean           _rd_archive_json_depth_ok    (const char        *data,
                                                 gsize              length,
                                                 guint              max);
gboolean           _rd_archive_name_is_evidence (const char        *name,
                                                 const char       **sha256);

G_END_DECLS
