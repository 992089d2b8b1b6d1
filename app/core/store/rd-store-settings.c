/* rd-store-settings.c: settings kept in the database, and the lock's.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include "rd-gettext.h"

#include "rd-store-advisers.h"
#include "rd-store-private.h"

#define LOCK_HASH_KEY "lock.passphrase-hash"
#define LOCK_IDLE_KEY "lock.idle-minutes"
#define LAST_CASE_KEY "window.last-case"

/* Longest idle time offered: a day. */
#define MAX_IDLE_MINUTES (24 * 60)
#define ADVISER_KEY "people.adviser"

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
 * rd_store_get_adviser_mode:
 *
 * Returns: %TRUE when whoever uses this data folder has said they are an
 *   adviser helping others, so every case is a client's (consent reminders
 *   show even before a client record is filled in)
 */
gboolean
rd_store_get_adviser_mode (RdStore *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  text = rd_store_dup_setting (self, ADVISER_KEY, NULL);
  return g_strcmp0 (text, "1") == 0;
}

gboolean
rd_store_set_adviser_mode (RdStore   *self,
                           gboolean   adviser,
                           GError   **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  if (!rd_store_set_setting (self, ADVISER_KEY, adviser ? "1" : NULL, error))
    return FALSE;
  /* Every case's reminders change. */
  rd_store_emit_changed (self, "cases", 0);
  return TRUE;
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

/**
 * rd_store_get_last_case_id:
 *
 * Returns: the case that was open in this data folder when the window last
 *   let go of it, or 0 for none. The case may since have been archived or
 *   erased: rd_store_find_case_to_reopen() checks.
 */
gint64
rd_store_get_last_case_id (RdStore *self)
{
  g_autofree char *text = NULL;
  guint64 case_id = 0;

  g_return_val_if_fail (RD_IS_STORE (self), 0);

  text = rd_store_dup_setting (self, LAST_CASE_KEY, NULL);
  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &case_id, NULL))
    return 0;
  return (gint64) case_id;
}

/**
 * rd_store_set_last_case_id:
 * @case_id: the case open now, or 0 when none is
 *
 * Remembers which case to open next time in this data folder. It is kept
 * in the database, not in GSettings, because one computer may hold several
 * data folders (an adviser's clients, a USB stick): case 7 of one folder is
 * somebody else's case, or nothing, in another. The window's own
 * bookkeeping: it tells no listener (RdStore::changed).
 */
gboolean
rd_store_set_last_case_id (RdStore  *self,
                           gint64    case_id,
                           GError  **error)
{
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (case_id >= 0, FALSE);

  if (rd_store_get_last_case_id (self) == case_id)
    return TRUE;
  if (!_rd_store_begin (self, error))
    return FALSE;
  if (case_id > 0)
    stmt = _rd_store_prepare (self,
                              "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                              " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  else
    stmt = _rd_store_prepare (self, "DELETE FROM settings WHERE key = ?1", error);
  if (stmt == NULL)
    goto fail;
  _rd_store_bind_text (stmt, 1, LAST_CASE_KEY);
  if (case_id > 0)
    {
      text = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
      _rd_store_bind_text (stmt, 2, text);
    }
  if (!_rd_store_step_done (self, stmt, error))
    goto fail;
  return _rd_store_commit (self, error);

fail:
  _rd_store_rollback (self);
  return FALSE;
}

/*
 * Inside the erasing transaction: case ids are reused once the highest is
 * deleted, so a remembered id of an erased case could later name another
 * client's new case.
 */
gboolean
_rd_store_forget_last_case (RdStore  *self,
                            gint64    case_id,
                            GError  **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  sqlite3_stmt *stmt;

  stmt = _rd_store_prepare (self, "DELETE FROM settings WHERE key = ?1 AND value = ?2", error);
  if (stmt == NULL)
    return FALSE;
  _rd_store_bind_text (stmt, 1, LAST_CASE_KEY);
  _rd_store_bind_text (stmt, 2, text);
  return _rd_store_step_done (self, stmt, error);
}

/**
 * rd_store_find_case_to_reopen:
 *
 * The case the window opens at start: the one open last time in this data
 * folder, unless it has since been archived or erased; otherwise the case
 * changed most recently that is not archived.
 *
 * Returns: its id, or 0 when there is none (then @error says whether the
 *   cases could not be read)
 */
gint64
rd_store_find_case_to_reopen (RdStore  *self,
                              GError  **error)
{
  gint64 case_id = 0;

  g_return_val_if_fail (RD_IS_STORE (self), 0);

  if (!_rd_store_lookup_id (self,
                            "SELECT c.id FROM cases c LEFT JOIN case_admin a ON a.case_id = c.id"
                            " WHERE COALESCE (a.archived_at, 0) = 0"
                            " ORDER BY c.id = ?1 DESC, c.updated_at DESC, c.id DESC LIMIT 1",
                            rd_store_get_last_case_id (self), &case_id, error))
    return 0;
  return case_id;
}
