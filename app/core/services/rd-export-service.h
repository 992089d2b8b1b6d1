/* rd-export-service.h: making a case's bundle and chronology files, in the background.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rd-bundle.h"
#include "rd-case-bundle.h"
#include "rd-progress.h"
#include "rd-store.h"

G_BEGIN_DECLS

typedef enum
{
  RD_CHRONOLOGY_FORMAT_ODT,
  RD_CHRONOLOGY_FORMAT_CSV,
} RdChronologyFormat;

void      rd_export_bundle_async      (RdStore                   *store,
                                       gint64                     case_id,
                                       const RdCaseBundleOptions *options,
                                       const char                *path,
                                       RdProgress                *progress,
                                       GCancellable              *cancellable,
                                       GAsyncReadyCallback        callback,
                                       gpointer                   user_data);
RdBundle *rd_export_bundle_finish     (GAsyncResult              *result,
                                       GError                   **error);
char     *rd_bundle_describe_omissions (RdBundle                 *bundle);
char     *rd_bundle_describe_volumes  (RdBundle                  *bundle);
char     *rd_bundle_describe_oversize (RdBundle                  *bundle);

void      rd_export_chronology_async  (RdStore                   *store,
                                       gint64                     case_id,
                                       const RdCaseBundleOptions *options,
                                       RdChronologyFormat         format,
                                       const char                *path,
                                       RdProgress                *progress,
                                       GCancellable              *cancellable,
                                       GAsyncReadyCallback        callback,
                                       gpointer                   user_data);
gboolean  rd_export_chronology_finish (GAsyncResult              *result,
                                       GError                   **error);

G_END_DECLS
