/* rd-search-service.h: search as you type in a case's diary, off the main thread.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rd-store.h"

G_BEGIN_DECLS

gboolean  rd_search_service_has_words             (const char           *query);
GArray   *rd_search_service_find_incidents        (RdStore              *store,
                                                   gint64                case_id,
                                                   const char           *query,
                                                   GCancellable         *cancellable,
                                                   GError              **error);
void      rd_search_service_find_incidents_async  (RdStore              *store,
                                                   gint64                case_id,
                                                   const char           *query,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
GArray   *rd_search_service_find_incidents_finish (RdStore              *store,
                                                   GAsyncResult         *result,
                                                   GError              **error);
gboolean  rd_search_service_ids_contain           (GArray               *ids,
                                                   gint64                id);

G_END_DECLS
