/* rd-passphrase-service.c: checking and making passphrase hashes, which are slow on purpose, in the background.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Argon2id takes a noticeable moment by design (so that guessing is slow),
 * which would freeze the lock screen or the preferences: it runs on a
 * worker. No connection is needed; the caller keeps the hash.
 */
#define G_LOG_DOMAIN "rd-passphrase-service"

#include "config.h"

#include "rd-gettext.h"
#include <string.h>

#include "rd-passphrase.h"
#include "rd-passphrase-service.h"
#include "rd-secret.h"
#include "rd-service-private.h"
#include "rd-store.h"

typedef struct
{
  char     *hash;        /* the one set now, or NULL */
  char     *passphrase;  /* typed to check against it */
  char     *new_text;    /* the one to set, or NULL to remove */
  gboolean  right;       /* out, for a check */
} PassphraseJob;

static void
passphrase_job_free (gpointer data)
{
  PassphraseJob *job = data;

  g_free (job->hash);
  rd_secret_free (job->passphrase);
  rd_secret_free (job->new_text);
  g_free (job);
}

static gpointer
verify (RdStore       *store,
        gpointer       data,
        RdProgress    *progress,
        GCancellable  *cancellable,
        GError       **error)
{
  PassphraseJob *job = data;

  job->right = rd_passphrase_verify (job->hash, job->passphrase);
  return RD_SERVICE_DONE;
}

/**
 * rd_passphrase_verify_async:
 *
 * Checks @passphrase against @hash (see rd_passphrase_verify()) off the
 * main thread.
 */
void
rd_passphrase_verify_async (const char          *hash,
                            const char          *passphrase,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  PassphraseJob *job;

  g_return_if_fail (hash != NULL);
  g_return_if_fail (passphrase != NULL);

  job = g_new0 (PassphraseJob, 1);
  job->hash = g_strdup (hash);
  job->passphrase = g_strdup (passphrase);
  _rd_service_run (NULL, rd_passphrase_verify_async, NULL, verify, job, passphrase_job_free,
                   NULL, NULL, cancellable, callback, user_data);
}

/**
 * rd_passphrase_verify_finish:
 *
 * Returns: whether the passphrase was right; %FALSE with @error set only
 *   when the check was cancelled before it started
 */
gboolean
rd_passphrase_verify_finish (GAsyncResult  *result,
                             GError       **error)
{
  if (_rd_service_finish (result, rd_passphrase_verify_async, error) == NULL)
    return FALSE;
  return ((PassphraseJob *) _rd_service_get_data (result))->right;
}

static gpointer
change (RdStore       *store,
        gpointer       data,
        RdProgress    *progress,
        GCancellable  *cancellable,
        GError       **error)
{
  PassphraseJob *job = data;

  if (job->hash != NULL && !rd_passphrase_verify (job->hash, job->passphrase))
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                           _("The current passphrase is not right, so nothing was changed."));
      return NULL;
    }
  if (job->new_text == NULL)
    return g_strdup ("");
  return rd_passphrase_hash (job->new_text, error);
}

/**
 * rd_passphrase_change_async:
 * @old_hash: (nullable): the hash set now, or %NULL when none is
 * @current: (nullable): the passphrase typed as the current one
 * @new_passphrase: (nullable): the one to set, or %NULL to remove it
 *
 * Checks @current against @old_hash and makes the hash of @new_passphrase,
 * off the main thread. The caller stores the result.
 */
void
rd_passphrase_change_async (const char          *old_hash,
                            const char          *current,
                            const char          *new_passphrase,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  PassphraseJob *job = g_new0 (PassphraseJob, 1);

  job->hash = g_strdup (old_hash);
  job->passphrase = g_strdup (current ? current : "");
  job->new_text = g_strdup (new_passphrase);
  _rd_service_run (NULL, rd_passphrase_change_async, NULL, change, job, passphrase_job_free,
                   g_free, NULL, cancellable, callback, user_data);
}

/**
 * rd_passphrase_change_finish:
 *
 * Returns: (transfer full): the new hash, "" when the passphrase is to be
 *   removed, or %NULL with @error set (the current passphrase was wrong)
 */
char *
rd_passphrase_change_finish (GAsyncResult  *result,
                             GError       **error)
{
  return _rd_service_finish (result, rd_passphrase_change_async, error);
}
