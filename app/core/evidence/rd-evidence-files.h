/* rd-evidence-files.h: what the evidence layer does with files on a store:
 * importing them (in batches), opening protected PDFs, drawing thumbnails.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * These read and draw files, so they live above the store, which keeps
 * only the rows. Some keep the rd_store_ names they had when the store did
 * this itself, so that callers did not change.
 */
#pragma once

#include <gio/gio.h>

#include "rd-evidence.h"
#include "rd-store-evidence.h"

G_BEGIN_DECLS

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
gboolean     rd_store_unlock_evidence          (RdStore              *self,
                                                gint64                evidence_id,
                                                const char           *password,
                                                GError              **error);
char        *rd_store_dup_evidence_thumbnail   (RdStore              *self,
                                                RdEvidence           *evidence,
                                                int                   size,
                                                GCancellable         *cancellable,
                                                GError              **error);

G_END_DECLS
