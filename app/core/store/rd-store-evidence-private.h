/* rd-store-evidence-private.h: internals shared by the evidence store's files.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (RD_STORE_COMPILATION)
#error "rd-store-evidence-private.h belongs to app/core/store/: include the folder's public headers instead."
#endif

#include "rd-store-evidence.h"
#include "rd-store-private.h"

G_BEGIN_DECLS

#define RD_EVIDENCE_COLUMNS \
  "e.id, e.case_id, e.sha256, e.size, e.content_type, e.kind, e.original_name, e.captured_at," \
  " e.date_source, e.description, e.page_count, e.duration_ms, e.orientation, e.title," \
  " e.author, e.recipients, e.problem, e.needs_password, e.parent_id, e.imported_at," \
  " (SELECT count(*) FROM evidence_links l WHERE l.evidence_id = e.id), e.exhibit_no"

#define RD_EVIDENCE_ORDER " ORDER BY e.captured_at IS NULL, e.captured_at, e.id"

gboolean    _rd_evidence_is_sha256            (const char   *text);
RdEvidence *_rd_store_evidence_from_row       (RdStore      *self,
                                               sqlite3_stmt *stmt);
void        _rd_store_remove_thumbnails       (RdStore      *self,
                                               const char   *sha256);
gboolean    _rd_store_index_evidence_text     (RdStore      *self,
                                               gint64        evidence_id,
                                               const char   *name,
                                               const char   *description,
                                               const char   *body,
                                               GError      **error);
void        _rd_evidence_overwrite_and_remove (const char   *path);
gboolean    _rd_store_intend_remove           (RdStore      *self,
                                               const char   *sha256,
                                               GError      **error);
gboolean    _rd_store_intend_remove_case_files (RdStore     *self,
                                               gint64        case_id,
                                               gboolean      overwrite,
                                               GError      **error);

G_END_DECLS
