/* rd-store-settings.c: settings kept in the database, and the lock's.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rd-store-advisers.h"
#include "rd-store-private.h"

#define LOCK_HASH_KEY "lock.passphrase-hash"
#define LOCK_IDLE_KEY "lock.idle-minutes"

/* Longest idle time offered: a day. */
#define MAX_IDLE_MINUTES (24 * 60)

/**
 * rd_store_dup_setting:
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when it is not
 *   set (@error unset) or cannot be read (@error set)
 */
char *
rd_store_dup_setting (RdStore     *self,
                      const char  *key,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  char *value = NULL;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = _rd_store_prepare (self, "SELECT value FROM settings WHERE key = ?1", error);
  if (stmt == NULL)
    return NULL;
  _rd_store_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = g_strdup (_rd_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _rd_store_set_error (self, rc, error);
  return value;
}

/**
 * rd_store_set_setting:
 * @value: (nullable): the new value, or %NULL to remove the setting
 */
gboolean
rd_store_set_setting (RdStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!_rd_store_begin (self, error))
    return FALSE;
  if (value != NULL)
    stmt = _rd_store_prepare (self,
                              "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                              " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  else
    stmt = _rd_store_prepare (self, "DELETE FROM settings WHERE key = ?1", error);
  if (stmt == NULL)
    goto fail;
  _rd_store_bind_text (stmt, 1, key);
  if (value != NULL)
    _rd_store_bind_text (stmt, 2, value);
  if (!_rd_store_step_done (self, stmt, error))
    goto fail;
  if (!_rd_store_commit (self, error))
    return FALSE;
  rd_store_emit_changed (self, "settings", 0);
  return TRUE;

fail:
  _rd_store_rollback (self);
  return FALSE;
}

/**
 * rd_store_dup_lock_hash:
 *
 * Returns: (transfer full) (nullable): the hash of the lock passphrase, or
 *   %NULL when none is set
 */
char *
rd_store_dup_lock_hash (RdStore *self)
{
  g_autoptr(GError) error = NULL;
  char *hash;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  hash = rd_store_dup_setting (self, LOCK_HASH_KEY, &error);
  if (error != NULL)
    g_warning ("Could not read the lock passphrase: %s", error->message);
  if (hash != NULL && *hash == '\0')
    g_clear_pointer (&hash, g_free);
  return hash;
}

/**
 * rd_store_set_lock_hash:
 * @hash: (nullable): a hash from rd_passphrase_hash(), or %NULL to remove
 *   the passphrase
 */
gboolean
rd_store_set_lock_hash (RdStore     *self,
                        const char  *hash,
                        GError     **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  /* Only ever a hash: refuse anything that does not look like one, so a
   * passphrase cannot end up here as text by mistake. */
  g_return_val_if_fail (hash == NULL || g_str_has_prefix (hash, "$argon2id$"), FALSE);

  return rd_store_set_setting (self, LOCK_HASH_KEY, hash, error);
}

/**
 * rd_store_get_lock_idle_minutes:
 *
 * Returns: after how many minutes without input the window locks itself;
 *   0 for never
 */
guint
rd_store_get_lock_idle_minutes (RdStore *self)
{
  g_autofree char *text = NULL;
  guint64 minutes = 0;

  g_return_val_if_fail (RD_IS_STORE (self), 0);

  text = rd_store_dup_setting (self, LOCK_IDLE_KEY, NULL);
  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, MAX_IDLE_MINUTES, &minutes, NULL))
    return 0;
  return (guint) minutes;
}

gboolean
rd_store_set_lock_idle_minutes (RdStore  *self,
                                guint     minutes,
                                GError  **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  if (minutes > MAX_IDLE_MINUTES)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                   _("Redress can wait at most %u minutes before it locks itself."),
                   MAX_IDLE_MINUTES);
      return FALSE;
    }
  text = g_strdup_printf ("%u", minutes);
  return rd_store_set_setting (self, LOCK_IDLE_KEY, text, error);
}
