/* rd-store-search.h: search as you type in the diary and the contact log, through their indexes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rd-store.h"

G_BEGIN_DECLS

gboolean  rd_store_search_has_words     (const char    *query);
GArray   *rd_store_search_incidents     (RdStore       *self,
                                         gint64         case_id,
                                         const char    *query,
                                         GCancellable  *cancellable,
                                         GError       **error);
GArray   *rd_store_search_contacts      (RdStore       *self,
                                         gint64         case_id,
                                         const char    *query,
                                         GCancellable  *cancellable,
                                         GError       **error);
gboolean  rd_store_check_search_index   (RdStore       *self,
                                         GError       **error);

G_END_DECLS
