/* rd-store-case-admin.c: the adviser's record of each client, and the case
 * list built from it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include <inttypes.h>
#include "rd-gettext.h"

#include "rd-store-advisers.h"
#include "rd-store-private.h"

#define ADMIN_COLUMNS \
  "case_id, client_number, use_client_number, archived_at, consent_given, consent_renew," \
  " authority_date, authority_scope"

static RdCaseAdmin *
admin_from_row (RdStore      *self,
                sqlite3_stmt *stmt)
{
  RdCaseAdmin *admin = rd_case_admin_new (sqlite3_column_int64 (stmt, 0));
  g_autoptr(GDate) given = _rd_store_column_date (stmt, 4);
  g_autoptr(GDate) renew = _rd_store_column_date (stmt, 5);
  g_autoptr(GDate) authority = _rd_store_column_date (stmt, 6);

  rd_case_admin_set_client_number (admin, _rd_store_column_text (stmt, 1));
  rd_case_admin_set_use_client_number (admin, sqlite3_column_int (stmt, 2) != 0);
  rd_case_admin_set_archived_at (admin, sqlite3_column_int64 (stmt, 3));
  rd_case_admin_set_consent_given (admin, given);
  rd_case_admin_set_consent_renew (admin, renew);
  rd_case_admin_set_authority_date (admin, authority);
  rd_case_admin_set_authority_scope (admin, _rd_store_column_text (stmt, 7));
  return admin;
}

/**
 * rd_store_get_case_admin:
 *
 * Returns: (transfer full): the adviser's record of the case (empty when
 *   none was saved yet), or %NULL with @error set when there is no such case
 */
RdCaseAdmin *
rd_store_get_case_admin (RdStore  *self,
                         gint64    case_id,
                         GError  **error)
{
  RdCaseAdmin *admin = NULL;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  if (!_rd_store_get_row (self,
                          "SELECT c.id, a.client_number, a.use_client_number, a.archived_at,"
                          " a.consent_given, a.consent_renew, a.authority_date, a.authority_scope"
                          " FROM cases c LEFT JOIN case_admin a ON a.case_id = c.id"
                          " WHERE c.id = ?1",
                          case_id, (RdStoreRowFunc) admin_from_row, (gpointer *) &admin, error))
    return NULL;
  if (admin == NULL)
    g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                 _("There is no case number %" PRId64 "."), case_id);
  return admin;
}

/**
 * rd_store_save_case_admin:
 *
 * Saves the adviser's record of a case. A consent renewal date before the
 * date consent was given is refused.
 */
gboolean
rd_store_save_case_admin (RdStore      *self,
                          RdCaseAdmin  *admin,
                          GError      **error)
{
  const GDate *given, *renew;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (RD_IS_CASE_ADMIN (admin), FALSE);

  given = rd_case_admin_get_consent_given (admin);
  renew = rd_case_admin_get_consent_renew (admin);
  if (given != NULL && renew != NULL && g_date_compare (renew, given) < 0)
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                           _("The date to renew consent is before the date it was given. "
                             "Check both dates."));
      return FALSE;
    }
  if (rd_case_admin_get_use_client_number (admin) &&
      *rd_case_admin_get_client_number (admin) == '\0')
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                           _("Type a client number to show instead of the client’s name."));
      return FALSE;
    }

  if (!_rd_store_begin (self, error))
    return FALSE;
  stmt = _rd_store_prepare (self,
                            "INSERT INTO case_admin (" ADMIN_COLUMNS ")"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                            " ON CONFLICT (case_id) DO UPDATE SET"
                            " client_number = excluded.client_number,"
                            " use_client_number = excluded.use_client_number,"
                            " archived_at = excluded.archived_at,"
                            " consent_given = excluded.consent_given,"
                            " consent_renew = excluded.consent_renew,"
                            " authority_date = excluded.authority_date,"
                            " authority_scope = excluded.authority_scope",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, rd_case_admin_get_case_id (admin));
  _rd_store_bind_text (stmt, 2, rd_case_admin_get_client_number (admin));
  sqlite3_bind_int (stmt, 3, rd_case_admin_get_use_client_number (admin));
  if (rd_case_admin_get_archived_at (admin) > 0)
    sqlite3_bind_int64 (stmt, 4, rd_case_admin_get_archived_at (admin));
  else
    sqlite3_bind_null (stmt, 4);
  _rd_store_bind_date (stmt, 5, given);
  _rd_store_bind_date (stmt, 6, renew);
  _rd_store_bind_date (stmt, 7, rd_case_admin_get_authority_date (admin));
  _rd_store_bind_text (stmt, 8, rd_case_admin_get_authority_scope (admin));
  if (!_rd_store_step_done (self, stmt, error))
    goto fail;
  if (!_rd_store_commit (self, error))
    return FALSE;
  rd_store_emit_changed (self, "cases", rd_case_admin_get_case_id (admin));
  return TRUE;

fail:
  _rd_store_rollback (self);
  return FALSE;
}

/**
 * rd_store_set_case_archived:
 *
 * Archives a closed case (it leaves the case list unless archived cases
 * are shown) or brings it back.
 */
gboolean
rd_store_set_case_archived (RdStore   *self,
                            gint64     case_id,
                            gboolean   archived,
                            GError   **error)
{
  g_autoptr(RdCaseAdmin) admin = NULL;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  admin = rd_store_get_case_admin (self, case_id, error);
  if (admin == NULL)
    return FALSE;
  if (rd_case_admin_get_archived (admin) == !!archived)
    return TRUE;
  rd_case_admin_set_archived_at (admin, archived ? _rd_store_now (self) : 0);
  return rd_store_save_case_admin (self, admin, error);
}

/**
 * rd_store_list_archived_case_ids:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the archived
 *   cases, for lists that leave them out; %NULL with @error set on failure
 */
GArray *
rd_store_list_archived_case_ids (RdStore  *self,
                                 GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = _rd_store_prepare (self, "SELECT case_id FROM case_admin WHERE archived_at > 0", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static GHashTable *
load_admins (RdStore  *self,
             GError  **error)
{
  g_autoptr(GHashTable) admins = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _rd_store_prepare (self, "SELECT " ADMIN_COLUMNS " FROM case_admin", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RdCaseAdmin *admin = admin_from_row (self, stmt);

      g_hash_table_insert (admins, g_memdup2 (&(gint64) { rd_case_admin_get_case_id (admin) },
                                              sizeof (gint64)), admin);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&admins);
}

static GHashTable *
load_references (RdStore  *self,
                 GError  **error)
{
  g_autoptr(GHashTable) refs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _rd_store_prepare (self,
                            "SELECT case_id, group_concat(reference, char(10)) FROM ("
                            " SELECT case_id, reference FROM complaints WHERE reference != ''"
                            " UNION ALL"
                            " SELECT case_id, reference FROM incidents WHERE reference != ''"
                            ") GROUP BY case_id",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (refs, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         g_strdup (_rd_store_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&refs);
}

/**
 * rd_store_list_case_entries:
 *
 * Every case with its adviser record and its references, for the case
 * list, most recently changed first. Their next dates due come from the
 * deadline engine: rd_case_service_list_case_entries() adds them.
 *
 * Returns: (transfer full): a #GListStore of #RdCaseEntry
 */
GListModel *
rd_store_list_case_entries (RdStore  *self,
                            GError  **error)
{
  g_autoptr(GListModel) cases = NULL;
  g_autoptr(GHashTable) admins = NULL;
  g_autoptr(GHashTable) refs = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *list;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  cases = rd_store_list_cases (self, error);
  if (cases == NULL || (admins = load_admins (self, error)) == NULL ||
      (refs = load_references (self, error)) == NULL)
    return NULL;

  for (guint i = 0, n = g_list_model_get_n_items (cases); i < n; i++)
    {
      g_autoptr(RdCase) rcase = g_list_model_get_item (cases, i);
      gint64 id = rd_case_get_id (rcase);
      RdCaseAdmin *admin = g_hash_table_lookup (admins, &id);
      g_autoptr(RdCaseAdmin) empty = admin ? NULL : rd_case_admin_new (id);

      g_ptr_array_add (entries, rd_case_entry_new (rcase, admin ? admin : empty,
                                                   g_hash_table_lookup (refs, &id)));
    }

  list = g_list_store_new (RD_TYPE_CASE_ENTRY);
  g_list_store_splice (list, 0, 0, entries->pdata, entries->len);
  return G_LIST_MODEL (list);
}
