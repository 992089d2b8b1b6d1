/* rd-search-service.h: search as you type in a case's diary or contact log, off the main thread.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rd-store.h"

G_BEGIN_DECLS

/* What a search looks through. */
typedef enum {
  RD_SEARCH_INCIDENTS,   /* the diary */
  RD_SEARCH_CONTACTS,    /* the contact log */
} RdSearchKind;

gboolean  rd_search_service_has_words   (const char           *query);
GArray   *rd_search_service_find        (RdStore              *store,
                                         RdSearchKind          kind,
                                         gint64                case_id,
                                         const char           *query,
                                         GCancellable         *cancellable,
                                         GError              **error);
void      rd_search_service_find_async  (RdStore              *store,
                                         RdSearchKind          kind,
                                         gint64                case_id,
                                         const char           *query,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
GArray   *rd_search_service_find_finish (RdStore              *store,
                                         GAsyncResult         *result,
                                         GError              **error);
gboolean  rd_search_service_ids_contain (GArray               *ids,
                                         gint64                id);

G_END_DECLS
