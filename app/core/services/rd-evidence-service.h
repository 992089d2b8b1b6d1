/* rd-evidence-service.h: evidence work that reads files: previews, thumbnails, unlocking PDFs.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

#include "rd-evidence.h"
#include "rd-progress.h"
#include "rd-store.h"

G_BEGIN_DECLS

void       rd_evidence_preview_async    (RdEvidence           *evidence,
                                         const char           *password,
                                         int                   page,
                                         int                   size,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
GdkPixbuf *rd_evidence_preview_finish   (GAsyncResult         *result,
                                         int                  *n_pages,
                                         GError              **error);

void       rd_evidence_thumbnail_async  (RdStore              *store,
                                         RdEvidence           *evidence,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
GdkPixbuf *rd_evidence_thumbnail_finish (GAsyncResult         *result,
                                         GError              **error);

void       rd_evidence_unlock_async     (RdStore              *store,
                                         gint64                evidence_id,
                                         const char           *password,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean   rd_evidence_unlock_finish    (GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
