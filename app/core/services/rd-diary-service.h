/* rd-diary-service.h: what a list shows of each diary entry, read off the main thread.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rd-incident.h"
#include "rd-store.h"

G_BEGIN_DECLS

/*
 * Called on the worker thread for each entry: returns what the caller
 * keeps of it (a new reference or allocation), or %NULL to leave the
 * entry out. It must touch nothing that belongs to the main thread.
 */
typedef gpointer (*RdDiaryMapFunc) (RdIncident *incident,
                                    gpointer    user_data);

void       rd_diary_service_read_async  (RdStore             *store,
                                         gint64               case_id,
                                         RdDiaryMapFunc       map,
                                         GCompareDataFunc     compare,
                                         gpointer             user_data,
                                         GDestroyNotify       item_free,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             callback_data);
GPtrArray *rd_diary_service_read_finish (RdStore             *store,
                                         GAsyncResult        *result,
                                         GError             **error);

G_END_DECLS
