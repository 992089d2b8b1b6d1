/* rd-snapshot-share-private.h: one read of a case shared by the background jobs that want it at once.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (RD_SERVICES_COMPILATION)
# error "rd-snapshot-share-private.h is private to app/core/services."
#endif

#include "rd-case-snapshot.h"
#include "rd-store.h"

G_BEGIN_DECLS

typedef struct _RdSnapshotShare RdSnapshotShare;

RdSnapshotShare *_rd_snapshot_share_for_store (RdStore          *store,
                                               guint64          *generation);
RdSnapshotShare *_rd_snapshot_share_ref       (RdSnapshotShare  *share);
void             _rd_snapshot_share_unref     (RdSnapshotShare  *share);
RdCaseSnapshot  *_rd_snapshot_share_load      (RdSnapshotShare  *share,
                                               guint64           generation,
                                               RdStore          *reader,
                                               gint64            case_id,
                                               GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdSnapshotShare, _rd_snapshot_share_unref)

G_END_DECLS
