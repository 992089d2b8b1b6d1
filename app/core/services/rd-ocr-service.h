/* rd-ocr-service.h: recognising the text of a case's scans, in the background.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rd-evidence-ocr.h"
#include "rd-progress.h"
#include "rd-store.h"

G_BEGIN_DECLS

void     rd_ocr_case_async  (RdStore              *store,
                             gint64                case_id,
                             const char           *languages,
                             RdProgress           *progress,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data);
gboolean rd_ocr_case_finish (GAsyncResult         *result,
                             RdOcrSummary         *summary,
                             GError              **error);

G_END_DECLS
