/* rd-store-policies.c: landlords' policy profiles in the store, and the one each case follows.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include <inttypes.h>
#include "rd-gettext.h"

#include "rd-case.h"
#include "rd-datetime.h"
#include "rd-party.h"
#include "rd-store-policies.h"
#include "rd-store-private.h"

static RdPolicy *
policy_from_row (RdStore       *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  RdPolicy *policy = rd_policy_new_from_data (_rd_store_column_text (stmt, 2), &local_error);

  if (policy == NULL)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_CORRUPT,
                   _("The policy profile “%s” in the case file is damaged, so Redress cannot "
                     "use it (%s). Make a new profile for the landlord."),
                   _rd_store_column_text (stmt, 1), local_error->message);
      return NULL;
    }
  rd_policy_set_id (policy, sqlite3_column_int64 (stmt, 0));
  return policy;
}

/**
 * rd_store_list_policies:
 *
 * Returns: (transfer full): a #GListModel of the landlords' profiles
 *   (#RdPolicy) kept in the case file, by name
 */
GListModel *
rd_store_list_policies (RdStore  *self,
                        GError  **error)
{
  g_autoptr(GListStore) list = g_list_store_new (RD_TYPE_POLICY);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = _rd_store_prepare (self, "SELECT id, name, definition FROM policy_profiles "
                                  "ORDER BY name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RdPolicy) policy = policy_from_row (self, stmt, error);

      if (policy == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_list_store_append (list, policy);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rd_store_set_error (self, rc, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

RdPolicy *
rd_store_get_policy (RdStore  *self,
                     gint64    policy_id,
                     GError  **error)
{
  sqlite3_stmt *stmt;
  RdPolicy *policy = NULL;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = _rd_store_prepare (self, "SELECT id, name, definition FROM policy_profiles WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, policy_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    policy = policy_from_row (self, stmt, error);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                 _("There is no policy profile number %" PRId64 "."), policy_id);
  else if (rc != SQLITE_ROW)
    _rd_store_set_error (self, rc, error);
  return policy;
}

/**
 * rd_store_save_policy:
 * @policy: a landlord's profile (%RD_POLICY_KIND_LANDLORD)
 *
 * Inserts the profile when its id is 0 (and sets the id), otherwise
 * replaces it.
 */
gboolean
rd_store_save_policy (RdStore   *self,
                      RdPolicy  *policy,
                      GError   **error)
{
  g_autofree char *definition = NULL;
  g_autofree char *name = NULL;
  gboolean inserting;
  sqlite3_stmt *stmt;
  gint64 now = _rd_store_now (self);

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (RD_IS_POLICY (policy), FALSE);

  if (rd_policy_get_kind (policy) != RD_POLICY_KIND_LANDLORD)
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                           _("Only a landlord’s own policy can be saved; the Code and Awaab’s Law "
                             "come with Redress."));
      return FALSE;
    }
  name = g_strstrip (g_strdup (rd_policy_get_name (policy)));
  if (name[0] == '\0')
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                           _("Give the policy profile a name, for example the landlord’s name."));
      return FALSE;
    }

  definition = rd_policy_to_data (policy);
  inserting = rd_policy_get_id (policy) == 0;
  if (!_rd_store_begin (self, error))
    return FALSE;
  if (inserting)
    stmt = _rd_store_prepare (self, "INSERT INTO policy_profiles (name, definition, created_at,"
                                    " updated_at) VALUES (?1, ?2, ?3, ?3)", error);
  else
    stmt = _rd_store_prepare (self, "UPDATE policy_profiles SET name = ?1, definition = ?2,"
                                    " updated_at = ?3 WHERE id = ?4", error);
  if (stmt == NULL)
    goto fail;
  _rd_store_bind_text (stmt, 1, rd_policy_get_name (policy));
  _rd_store_bind_text (stmt, 2, definition);
  sqlite3_bind_int64 (stmt, 3, now);
  if (!inserting)
    sqlite3_bind_int64 (stmt, 4, rd_policy_get_id (policy));
  if (!_rd_store_step_done (self, stmt, error))
    goto fail;
  if (!inserting && sqlite3_changes (_rd_store_get_db (self)) == 0)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("There is no policy profile number %" PRId64 "."),
                   rd_policy_get_id (policy));
      goto fail;
    }
  if (inserting)
    rd_policy_set_id (policy, sqlite3_last_insert_rowid (_rd_store_get_db (self)));
  if (!_rd_store_commit (self, error))
    {
      if (inserting)
        rd_policy_set_id (policy, 0);
      return FALSE;
    }
  rd_store_emit_changed (self, "policies", 0);
  return TRUE;

fail:
  _rd_store_rollback (self);
  return FALSE;
}

/**
 * rd_store_delete_policy:
 *
 * Deletes a landlord's profile; cases that followed it follow the Code only.
 */
gboolean
rd_store_delete_policy (RdStore  *self,
                        gint64    policy_id,
                        GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  if (!_rd_store_begin (self, error))
    return FALSE;
  stmt = _rd_store_prepare (self, "DELETE FROM policy_profiles WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, policy_id);
  if (!_rd_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (_rd_store_get_db (self)) == 0)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("There is no policy profile number %" PRId64 "."), policy_id);
      goto fail;
    }
  if (!_rd_store_commit (self, error))
    return FALSE;
  rd_store_emit_changed (self, "policies", 0);
  rd_store_emit_changed (self, "cases", 0);
  return TRUE;

fail:
  _rd_store_rollback (self);
  return FALSE;
}

/**
 * rd_store_adopt_case_policy:
 * @policy: a landlord's profile that came with a case from elsewhere (a
 *   hand-over archive, a case JSON document); its id is ignored
 *
 * Makes @case_id follow @policy: an existing profile that sets exactly the
 * same limits is reused, otherwise a copy is saved. Inside an outer write
 * it becomes part of it.
 */
gboolean
rd_store_adopt_case_policy (RdStore   *self,
                            gint64     case_id,
                            RdPolicy  *policy,
                            GError   **error)
{
  g_autoptr(GListModel) existing = NULL;
  g_autoptr(RdPolicy) copy = NULL;
  gint64 policy_id = 0;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (RD_IS_POLICY (policy), FALSE);

  existing = rd_store_list_policies (self, error);
  if (existing == NULL)
    return FALSE;
  for (guint i = 0, n = g_list_model_get_n_items (existing); i < n && policy_id == 0; i++)
    {
      g_autoptr(RdPolicy) candidate = g_list_model_get_item (existing, i);

      if (rd_policy_content_equal (candidate, policy))
        policy_id = rd_policy_get_id (candidate);
    }
  if (policy_id == 0)
    {
      copy = rd_policy_copy (policy);
      rd_policy_set_id (copy, 0);
      if (!rd_store_save_policy (self, copy, error))
        return FALSE;
      policy_id = rd_policy_get_id (copy);
    }
  return rd_store_set_case_policy (self, case_id, policy_id, error);
}

/**
 * rd_store_get_case_policy_id:
 * @policy_id: (out): the profile's id, 0 when the case follows the Code only
 */
gboolean
rd_store_get_case_policy_id (RdStore  *self,
                             gint64    case_id,
                             gint64   *policy_id,
                             GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (policy_id != NULL, FALSE);

  stmt = _rd_store_prepare (self, "SELECT policy_id FROM cases WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *policy_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("There is no case number %" PRId64 "."), case_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return _rd_store_set_error (self, rc, error);
  return TRUE;
}

/**
 * rd_store_set_case_policy:
 * @policy_id: a landlord's profile, or 0 to follow the Code only
 */
gboolean
rd_store_set_case_policy (RdStore  *self,
                          gint64    case_id,
                          gint64    policy_id,
                          GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  if (!_rd_store_begin (self, error))
    return FALSE;
  stmt = _rd_store_prepare (self, "UPDATE cases SET policy_id = ?1, updated_at = ?2 WHERE id = ?3",
                            error);
  if (stmt == NULL)
    goto fail;
  if (policy_id != 0)
    sqlite3_bind_int64 (stmt, 1, policy_id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, _rd_store_now (self));
  sqlite3_bind_int64 (stmt, 3, case_id);
  if (!_rd_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (_rd_store_get_db (self)) == 0)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("There is no case number %" PRId64 "."), case_id);
      goto fail;
    }
  if (!_rd_store_commit (self, error))
    return FALSE;
  rd_store_emit_changed (self, "cases", case_id);
  return TRUE;

fail:
  _rd_store_rollback (self);
  return FALSE;
}

/**
 * rd_store_get_case_policy:
 *
 * Returns: (transfer full) (nullable): the landlord's profile the case
 *   follows; %NULL without @error when it follows the Code only
 */
RdPolicy *
rd_store_get_case_policy (RdStore  *self,
                          gint64    case_id,
                          GError  **error)
{
  gint64 policy_id = 0;

  if (!rd_store_get_case_policy_id (self, case_id, &policy_id, error) || policy_id == 0)
    return NULL;
  return rd_store_get_policy (self, policy_id, error);
}
