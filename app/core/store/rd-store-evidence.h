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

/*
 * A batch of files on their way into one case. Each added file is copied
 * (hashing as it goes) into a staging folder beside the store and read for
 * its facts; nothing is visible in the store until commit, which adds them
 * all in one transaction. Freeing an uncommitted batch (after a cancel or
 * an error) removes every staged copy, so nothing is left half-stored.
 * A batch belongs to the thread of its store connection.
 */
typedef struct _RdEvidenceBatch RdEvidenceBatch;

RdEvidenceBatch *rd_evidence_batch_new            (RdStore          *store,
                                                   gint64            case_id);
void             rd_evidence_batch_free           (RdEvidenceBatch  *batch);
gboolean         rd_evidence_batch_add_file       (RdEvidenceBatch  *batch,
                                                   GFile            *file,
                                                   const char       *password,
                                                   GCancellable     *cancellable,
                                                   GError          **error);
guint            rd_evidence_batch_get_n_items    (RdEvidenceBatch  *batch);
gboolean         rd_evidence_batch_commit         (RdEvidenceBatch  *batch,
                                                   GError          **error);
RdEvidence      *rd_evidence_batch_get_item       (RdEvidenceBatch  *batch,
                                                   guint             index);
gboolean         rd_evidence_batch_item_is_new    (RdEvidenceBatch  *batch,
                                                   guint             index);
gint64           rd_evidence_batch_get_contact_id (RdEvidenceBatch  *batch,
                                                   guint             index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdEvidenceBatch, rd_evidence_batch_free)

RdEvidence  *rd_store_import_evidence          (RdStore              *self,
                                                gint64                case_id,
                                                GFile                *file,
                                                const char           *password,
                                                GCancellable         *cancellable,
                                                GError              **error);
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
gboolean     rd_store_unlock_evidence          (RdStore              *self,
                                                gint64                evidence_id,
                                                const char           *password,
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
char        *rd_store_dup_evidence_thumbnail   (RdStore              *self,
                                                RdEvidence           *evidence,
                                                int                   size,
                                                GCancellable         *cancellable,
                                                GError              **error);
gboolean     rd_store_collect_evidence_files   (RdStore              *self,
                                                GError              **error);
gboolean     rd_store_recover                  (RdStore              *self,
                                                GError              **error);

G_END_DECLS
