/* rd-passphrase.c: hashing and checking the lock passphrase.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-passphrase"

#include "config.h"

#include "rd-gettext.h"
#include <sodium.h>
#include <string.h>

#include "rd-passphrase.h"
#include "rd-store.h"

static gboolean
ensure_sodium (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_FAILED,
                           _("Redress could not start its password protection on this "
                             "computer, so the passphrase was not changed."));
      return FALSE;
    }
  return TRUE;
}

/**
 * rd_passphrase_hash:
 *
 * Hashes @passphrase with Argon2id and a random salt, at libsodium's
 * "interactive" cost (64 MiB, a fraction of a second here): slow enough
 * that guessing is expensive, quick enough to unlock without a wait. The
 * result carries its own salt and parameters, so later versions can raise
 * the cost and still check old hashes. Run it off the main thread.
 *
 * Returns: (transfer full): the encoded hash, or %NULL with @error set
 */
char *
rd_passphrase_hash (const char  *passphrase,
                    GError     **error)
{
  char out[crypto_pwhash_STRBYTES];

  g_return_val_if_fail (passphrase != NULL, NULL);

  if (!ensure_sodium (error))
    return NULL;
  if (*passphrase == '\0')
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                           _("The passphrase is empty. Type one, or remove the passphrase "
                             "instead."));
      return NULL;
    }
  if (crypto_pwhash_str_alg (out, passphrase, strlen (passphrase),
                             crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_FAILED,
                           _("There is not enough free memory to protect the passphrase. "
                             "Close other programs and try again."));
      return NULL;
    }
  return g_strdup (out);
}

/**
 * rd_passphrase_verify:
 *
 * Returns: %TRUE when @passphrase is the one @hash was made from. A hash
 *   that cannot be read never matches.
 */
gboolean
rd_passphrase_verify (const char *hash,
                      const char *passphrase)
{
  if (hash == NULL || passphrase == NULL || sodium_init () < 0)
    return FALSE;
  if (strlen (hash) >= crypto_pwhash_STRBYTES)
    return FALSE;
  return crypto_pwhash_str_verify (hash, passphrase, strlen (passphrase)) == 0;
}
