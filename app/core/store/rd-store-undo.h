/* rd-store-undo.h: putting back what the last delete removed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rd-store.h"

G_BEGIN_DECLS

/* One of the store's delete functions: rd_store_delete_incident() and the
 * others that take the id of what goes. */
typedef gboolean (*RdStoreDeleteFunc) (RdStore  *self,
                                       gint64    id,
                                       GError  **error);

gboolean  rd_store_begin_undoable   (RdStore            *self,
                                     GError            **error);
guint     rd_store_commit_undoable  (RdStore            *self,
                                     GError            **error);
guint     rd_store_delete_undoable  (RdStore            *self,
                                     RdStoreDeleteFunc   delete_func,
                                     gint64              id,
                                     GError            **error);
guint     rd_store_get_undo_token   (RdStore            *self);
gboolean  rd_store_undo             (RdStore            *self,
                                     guint               token,
                                     GError            **error);
void      rd_store_forget_undo      (RdStore            *self);

G_END_DECLS
