/* rd-secret.h: letting go of passwords and passphrases without leaving them in memory.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void rd_secret_wipe (char     *secret);
void rd_secret_free (gpointer  secret);

G_END_DECLS
