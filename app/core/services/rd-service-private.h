/* rd-service-private.h: the one way services run work on a worker thread.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (RD_SERVICES_COMPILATION)
# error "rd-service-private.h is private to app/core/services."
#endif

#include <gio/gio.h>

#include "rd-progress.h"
#include "rd-store.h"

G_BEGIN_DECLS

/*
 * Runs on the worker thread. @store is the worker's own connection (or
 * %NULL when the service was started without one). Returns the result, or
 * %NULL with @error set.
 */
typedef gpointer (*RdServiceFunc) (RdStore       *store,
                                   gpointer       data,
                                   RdProgress    *progress,
                                   GCancellable  *cancellable,
                                   GError       **error);

void     _rd_service_run      (gpointer             source_object,
                               gpointer             source_tag,
                               RdStore             *store,
                               RdServiceFunc        func,
                               gpointer             data,
                               GDestroyNotify       data_free,
                               GDestroyNotify       result_free,
                               RdProgress          *progress,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);
gpointer _rd_service_finish   (GAsyncResult        *result,
                               gpointer             source_tag,
                               GError             **error);
gpointer _rd_service_get_data (GAsyncResult        *result);

/* What a service returns when success is all there is to say. */
#define RD_SERVICE_DONE GINT_TO_POINTER (1)

G_END_DECLS
