/* rd-passphrase-service.h: checking and making passphrase hashes, which are slow on purpose, in the background.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      rd_passphrase_verify_async  (const char           *hash,
                                       const char           *passphrase,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean  rd_passphrase_verify_finish (GAsyncResult         *result,
                                       GError              **error);

void      rd_passphrase_change_async  (const char           *old_hash,
                                       const char           *current,
                                       const char           *new_passphrase,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
char     *rd_passphrase_change_finish (GAsyncResult         *result,
                                       GError              **error);

G_END_DECLS
