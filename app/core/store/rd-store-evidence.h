/* rd-store-evidence.h: the evidence store: files kept under their SHA-256
 * in <data-dir>/evidence/, their facts in the database, links to what they
 * prove, search, and integrity checks.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rd-evidence.h"
#include "rd-store.h"

G_BEGIN_DECLS

/* Called from the thread doing the work; @fraction is 0–1. */
typedef void (*RdEvidenceProgressFunc) (double      fraction,
                                        const char *message,
                                        gpointer    user_data);

GListModel  *rd_store_list_evidence            (RdStore              *self,
                                                gint64                case_id,
                                                GError              **error);
RdEvidence  *rd_store_get_evidence             (RdStore              *self,
                                                gint64                evidence_id,
                                                GError              **error);
char        *rd_store_dup_evidence_text        (RdStore              *self,
                                                gint64                evidence_id,
                                                GError              **error);
gboolean     rd_store_set_evidence_description (RdStore              *self,
                                                gint64                evidence_id,
                                                const char           *description,
                                                GError              **error);
gboolean     rd_store_set_evidence_unlocked    (RdStore              *self,
                                                RdEvidence           *evidence,
                                                int                   page_count,
                                                const char           *problem,
                                                const char           *title,
                                                const char           *author,
                                                GDateTime            *pdf_date,
                                                const char           *text,
                                                GError              **error);
gboolean     rd_store_delete_evidence          (RdStore              *self,
                                                gint64                evidence_id,
                                                GError              **error);
GListModel  *rd_store_search_evidence          (RdStore              *self,
                                                gint64                case_id,
                                                const char           *query,
                                                GError              **error);

gboolean     rd_store_link_evidence            (RdStore              *self,
                                                gint64                evidence_id,
                                                RdEvidenceTargetKind  target_kind,
                                                gint64                target_id,
                                                const char           *note,
                                                GError              **error);
gboolean     rd_store_link_evidence_all        (RdStore              *self,
                                                const gint64         *evidence_ids,
                                                const char * const   *notes,
                                                guint                 n,
                                                RdEvidenceTargetKind  target_kind,
                                                gint64                target_id,
                                                GError              **error);
gboolean     rd_store_unlink_evidence          (RdStore              *self,
                                                gint64                evidence_id,
                                                RdEvidenceTargetKind  target_kind,
                                                gint64                target_id,
                                                GError              **error);
GListModel  *rd_store_list_evidence_links      (RdStore              *self,
                                                gint64                evidence_id,
                                                GError              **error);
GListModel  *rd_store_list_linked_evidence     (RdStore              *self,
                                                RdEvidenceTargetKind  target_kind,
                                                gint64                target_id,
                                                GError              **error);

GPtrArray   *rd_store_verify_evidence          (RdStore              *self,
                                                gint64                case_id,
                                                GCancellable         *cancellable,
                                                RdEvidenceProgressFunc progress,
                                                gpointer              user_data,
                                                GError              **error);

char        *rd_store_dup_evidence_path        (RdStore              *self,
                                                const char           *sha256);

/* For the layers above that put files into the evidence folder */
char        *rd_store_dup_evidence_dir         (RdStore              *self);
char        *rd_store_dup_thumbnail_dir        (RdStore              *self);
gint64       rd_store_find_evidence            (RdStore              *self,
                                                gint64                case_id,
                                                const char           *sha256,
                                                GError              **error);
gboolean     rd_store_add_evidence             (RdStore              *self,
                                                RdEvidence           *evidence,
                                                const char           *text,
                                                GError              **error);
gboolean     rd_store_intend_place             (RdStore              *self,
                                                const char           *sha256,
                                                const char           *staged_path,
                                                GError              **error);
gboolean     rd_store_collect_evidence_files   (RdStore              *self,
                                                GError              **error);
gboolean     rd_store_recover                  (RdStore              *self,
                                                GError              **error);

G_END_DECLS
