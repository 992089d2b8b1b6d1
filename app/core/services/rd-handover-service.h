/* rd-handover-service.h: handing a case over (archive out and in) and erasing it, in the background.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rd-case-archive.h"
#include "rd-progress.h"
#include "rd-store.h"

G_BEGIN_DECLS

void     rd_handover_export_async  (RdStore                   *store,
                                    gint64                     case_id,
                                    const char                *path,
                                    RdProgress                *progress,
                                    GCancellable              *cancellable,
                                    GAsyncReadyCallback        callback,
                                    gpointer                   user_data);
gboolean rd_handover_export_finish (GAsyncResult              *result,
                                    GError                   **error);

void     rd_handover_import_async  (RdStore                   *store,
                                    const char                *path,
                                    RdCaseArchiveImportFlags   flags,
                                    RdProgress                *progress,
                                    GCancellable              *cancellable,
                                    GAsyncReadyCallback        callback,
                                    gpointer                   user_data);
gint64   rd_handover_import_finish (GAsyncResult              *result,
                                    GError                   **error);

void     rd_handover_import_json_async  (RdStore             *store,
                                         GBytes              *document,
                                         RdProgress          *progress,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
void     rd_handover_import_json_mapped_async (RdStore             *store,
                                               GMappedFile         *document,
                                               RdProgress          *progress,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gint64   rd_handover_import_json_finish (GAsyncResult        *result,
                                         GError             **error);

void     rd_erase_case_async       (RdStore                   *store,
                                    gint64                     case_id,
                                    RdProgress                *progress,
                                    GCancellable              *cancellable,
                                    GAsyncReadyCallback        callback,
                                    gpointer                   user_data);
gboolean rd_erase_case_finish      (GAsyncResult              *result,
                                    GError                   **error);

G_END_DECLS
