/* rd-passphrase.h: the adviser's lock passphrase, kept only as a salted,
 * deliberately slow hash (Argon2id through libsodium).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *rd_passphrase_hash    (const char  *passphrase,
                                 GError     **error);
gboolean  rd_passphrase_verify  (const char  *hash,
                                 const char  *passphrase);

G_END_DECLS
