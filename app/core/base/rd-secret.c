/* rd-secret.c: letting go of passwords and passphrases without leaving them in memory.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PDF's password or a data folder's passphrase lives in a heap string
 * while it is used. Freed memory is handed out again, and may end up in
 * a core dump or in swap, so the bytes are zeroed first. explicit_bzero()
 * is used rather than memset() because a compiler may drop a memset()
 * whose memory is never read again, which is exactly the case here.
 */
#define G_LOG_DOMAIN "rd-secret"

#include "config.h"

#include <string.h>

#include "rd-secret.h"

/**
 * rd_secret_wipe:
 * @secret: (nullable): a NUL-terminated secret
 *
 * Overwrites the bytes of @secret with zeros, leaving an empty string.
 */
void
rd_secret_wipe (char *secret)
{
  if (secret != NULL)
    explicit_bzero (secret, strlen (secret));
}

/**
 * rd_secret_free:
 * @secret: (nullable) (transfer full): a NUL-terminated secret
 *
 * Wipes @secret and frees it; usable as a #GDestroyNotify.
 */
void
rd_secret_free (gpointer secret)
{
  rd_secret_wipe (secret);
  g_free (secret);
}
