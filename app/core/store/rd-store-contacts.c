/* rd-store-contacts.c: reading and writing the parties of a case and its contact log.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include <inttypes.h>
#include "rd-gettext.h"

#include "rd-store-complaints.h"
#include "rd-store-private.h"

/* ---- parties ---- */

#define PARTY_SELECT \
  "SELECT id, case_id, name, role, organisation, third_party, notes FROM parties"

static RdParty *
party_from_row (RdStore      *self,
                sqlite3_stmt *stmt)
{
  RdParty *party = rd_party_new ();
  RdPartyRole role = RD_PARTY_OTHER;

  rd_party_set_id (party, sqlite3_column_int64 (stmt, 0));
  rd_party_set_case_id (party, sqlite3_column_int64 (stmt, 1));
  rd_party_set_name (party, _rd_store_column_text (stmt, 2));
  if (!rd_party_role_from_key (_rd_store_column_text (stmt, 3), &role))
    role = RD_PARTY_OTHER;
  rd_party_set_role (party, role);
  rd_party_set_organisation (party, _rd_store_column_text (stmt, 4));
  rd_party_set_third_party (party, sqlite3_column_int (stmt, 5) != 0);
  rd_party_set_notes (party, _rd_store_column_text (stmt, 6));
  return party;
}

/**
 * rd_store_list_parties:
 *
 * Returns: (transfer full): a #GListStore of #RdParty in the order they
 *   were added
 */
GListModel *
rd_store_list_parties (RdStore  *self,
                       gint64    case_id,
                       GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  return _rd_store_list_rows_with (self, PARTY_SELECT " WHERE case_id = ?1 ORDER BY id",
                                   case_id, RD_TYPE_PARTY, (RdStoreRowFunc) party_from_row, error);
}

RdParty *
rd_store_get_party (RdStore  *self,
                    gint64    party_id,
                    GError  **error)
{
  RdParty *party = NULL;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  if (!_rd_store_get_row (self, PARTY_SELECT " WHERE id = ?1", party_id,
                          (RdStoreRowFunc) party_from_row, (gpointer *) &party, error))
    return NULL;
  if (party == NULL)
    g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                 _("There is no person number %" PRId64 " in this case."), party_id);
  return party;
}

/**
 * rd_store_save_party:
 *
 * Inserts the party when its id is 0 (and sets the id), otherwise updates it.
 */
gboolean
rd_store_save_party (RdStore  *self,
                     RdParty  *party,
                     GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 now = _rd_store_now (self);
  gboolean inserting;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (RD_IS_PARTY (party), FALSE);

  if (!rd_party_validate (party, error))
    return FALSE;
  inserting = rd_party_get_id (party) == 0;
  if (inserting && rd_party_get_case_id (party) == 0)
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                           _("A person must belong to a case."));
      return FALSE;
    }

  if (!_rd_store_begin (self, error))
    return FALSE;

  if (inserting)
    stmt = _rd_store_prepare (self,
                              "INSERT INTO parties (name, role, organisation, third_party, notes,"
                              " created_at, updated_at, case_id)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)",
                              error);
  else
    stmt = _rd_store_prepare (self,
                              "UPDATE parties SET name = ?1, role = ?2, organisation = ?3,"
                              " third_party = ?4, notes = ?5, updated_at = ?6 WHERE id = ?7",
                              error);
  if (stmt == NULL)
    goto fail;
  _rd_store_bind_text (stmt, 1, rd_party_get_name (party));
  _rd_store_bind_text (stmt, 2, rd_party_role_to_key (rd_party_get_role (party)));
  _rd_store_bind_text (stmt, 3, rd_party_get_organisation (party));
  sqlite3_bind_int (stmt, 4, rd_party_get_third_party (party));
  _rd_store_bind_text (stmt, 5, rd_party_get_notes (party));
  sqlite3_bind_int64 (stmt, 6, now);
  sqlite3_bind_int64 (stmt, 7, inserting ? rd_party_get_case_id (party) : rd_party_get_id (party));
  if (!_rd_store_step_done (self, stmt, error))
    goto fail;
  if (!inserting && sqlite3_changes (_rd_store_get_db (self)) == 0)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("There is no person number %" PRId64 " in this case."),
                   rd_party_get_id (party));
      goto fail;
    }
  if (inserting)
    rd_party_set_id (party, sqlite3_last_insert_rowid (_rd_store_get_db (self)));
  else
    {
      gint64 case_id = 0;

      if (!_rd_store_lookup_id (self, "SELECT case_id FROM parties WHERE id = ?1",
                                rd_party_get_id (party), &case_id, error))
        goto fail;
      rd_party_set_case_id (party, case_id);
    }
  if (!_rd_store_commit (self, error))
    {
      if (inserting)
        rd_party_set_id (party, 0);
      return FALSE;
    }
  rd_store_emit_changed (self, "parties", rd_party_get_case_id (party));
  return TRUE;

fail:
  _rd_store_rollback (self);
  return FALSE;
}

/**
 * rd_store_delete_party:
 *
 * Contacts with this person stay in the log; they just no longer name them.
 */
gboolean
rd_store_delete_party (RdStore  *self,
                       gint64    party_id,
                       GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  return _rd_store_delete_row (self, "DELETE FROM parties WHERE id = ?1",
                               "SELECT case_id FROM parties WHERE id = ?1", "parties", party_id,
                               error);
}

/* ---- contacts ---- */

#define CONTACT_SELECT \
  "SELECT id, case_id, occurred_at, direction, channel, party_id, person, summary, promise," \
  " promise_due, created_at, updated_at FROM contacts"

static RdContact *
contact_from_row (RdStore      *self,
                  sqlite3_stmt *stmt)
{
  RdContact *contact = rd_contact_new ();
  g_autoptr(GDateTime) occurred_at = _rd_store_column_datetime (stmt, 2);
  g_autoptr(GDate) due = _rd_store_column_date (stmt, 9);
  RdContactDirection direction = RD_CONTACT_TO;
  RdContactChannel channel = RD_CHANNEL_EMAIL;

  rd_contact_set_id (contact, sqlite3_column_int64 (stmt, 0));
  rd_contact_set_case_id (contact, sqlite3_column_int64 (stmt, 1));
  rd_contact_set_occurred_at (contact, occurred_at);
  if (rd_contact_direction_from_key (_rd_store_column_text (stmt, 3), &direction))
    rd_contact_set_direction (contact, direction);
  if (rd_contact_channel_from_key (_rd_store_column_text (stmt, 4), &channel))
    rd_contact_set_channel (contact, channel);
  rd_contact_set_party_id (contact, sqlite3_column_int64 (stmt, 5));
  rd_contact_set_person (contact, _rd_store_column_text (stmt, 6));
  rd_contact_set_summary (contact, _rd_store_column_text (stmt, 7));
  rd_contact_set_promise (contact, _rd_store_column_text (stmt, 8));
  rd_contact_set_promise_due (contact, due);
  rd_contact_set_created_at (contact, sqlite3_column_int64 (stmt, 10));
  rd_contact_set_updated_at (contact, sqlite3_column_int64 (stmt, 11));
  return contact;
}

/**
 * rd_store_list_contacts:
 *
 * Returns: (transfer full): a #GListStore of #RdContact, newest first
 */
GListModel *
rd_store_list_contacts (RdStore  *self,
                        gint64    case_id,
                        GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  return _rd_store_list_rows_with (self,
                                   CONTACT_SELECT " WHERE case_id = ?1 ORDER BY occurred_at DESC, id DESC",
                                   case_id, RD_TYPE_CONTACT, (RdStoreRowFunc) contact_from_row, error);
}

/**
 * rd_store_foreach_contact:
 * @func: called with each contact of the case, oldest first (the order of
 *   #RdCaseFacts)
 *
 * Returns: FALSE with @error set if reading failed or @func stopped
 */
gboolean
rd_store_foreach_contact (RdStore          *self,
                          gint64            case_id,
                          RdStoreEachFunc   func,
                          gpointer          user_data,
                          GError          **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return _rd_store_each_row_with (self,
                                  CONTACT_SELECT " WHERE case_id = ?1 ORDER BY occurred_at ASC, id ASC",
                                  case_id, (RdStoreRowFunc) contact_from_row, func, user_data, error);
}

/**
 * rd_store_read_contacts_page:
 * @key: where the last page ended; zeroed for the first
 * @limit: how many contacts at most
 *
 * The next contacts of the case, oldest first in the order of
 * rd_store_foreach_contact(), leaving out those with no time: see
 * rd_store_read_incidents_page().
 *
 * Returns: (transfer full) (element-type RdContact): the contacts; empty
 *   when there are no more; %NULL with @error set if reading failed
 */
GPtrArray *
rd_store_read_contacts_page (RdStore         *self,
                             gint64           case_id,
                             RdStorePageKey  *key,
                             guint            limit,
                             GError         **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return _rd_store_read_page (self,
                              CONTACT_SELECT " WHERE case_id = ?1 AND occurred_at IS NOT NULL"
                              " ORDER BY occurred_at ASC, id ASC LIMIT ?4",
                              CONTACT_SELECT " WHERE case_id = ?1 AND (occurred_at, id) > (?2, ?3)"
                              " ORDER BY occurred_at ASC, id ASC LIMIT ?4",
                              case_id, key, limit, 2, (RdStoreRowFunc) contact_from_row, error);
}

RdContact *
rd_store_get_contact (RdStore  *self,
                      gint64    contact_id,
                      GError  **error)
{
  RdContact *contact = NULL;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  if (!_rd_store_get_row (self, CONTACT_SELECT " WHERE id = ?1", contact_id,
                          (RdStoreRowFunc) contact_from_row, (gpointer *) &contact, error))
    return NULL;
  if (contact == NULL)
    g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                 _("There is no contact number %" PRId64 "."), contact_id);
  return contact;
}

/**
 * rd_store_save_contact:
 *
 * Inserts the contact when its id is 0 (and sets the id), otherwise updates
 * it. The person it names, if any, must be a party of the same case.
 */
gboolean
rd_store_save_contact (RdStore    *self,
                       RdContact  *contact,
                       GError    **error)
{
  g_autoptr(GDateTime) now_dt = rd_clock_dup_now (rd_store_get_clock (self));
  sqlite3_stmt *stmt;
  gint64 now = _rd_store_now (self);
  gint64 case_id;
  gboolean inserting;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (RD_IS_CONTACT (contact), FALSE);

  if (!rd_contact_validate (contact, now_dt, error))
    return FALSE;
  inserting = rd_contact_get_id (contact) == 0;
  case_id = rd_contact_get_case_id (contact);
  if (inserting && case_id == 0)
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                           _("A contact must belong to a case."));
      return FALSE;
    }

  if (!_rd_store_begin (self, error))
    return FALSE;

  if (!inserting &&
      !_rd_store_lookup_id (self, "SELECT case_id FROM contacts WHERE id = ?1",
                            rd_contact_get_id (contact), &case_id, error))
    goto fail;
  if (rd_contact_get_party_id (contact) != 0)
    {
      gint64 party_case = 0;

      if (!_rd_store_lookup_id (self, "SELECT case_id FROM parties WHERE id = ?1",
                                rd_contact_get_party_id (contact), &party_case, error))
        goto fail;
      if (party_case != case_id)
        {
          g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                               _("The person this contact names is not part of this case. "
                                 "Choose someone from the case’s list of people."));
          goto fail;
        }
    }

  if (inserting)
    stmt = _rd_store_prepare (self,
                              "INSERT INTO contacts (occurred_at, direction, channel, party_id,"
                              " person, summary, promise, promise_due, created_at, updated_at,"
                              " case_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)",
                              error);
  else
    stmt = _rd_store_prepare (self,
                              "UPDATE contacts SET occurred_at = ?1, direction = ?2, channel = ?3,"
                              " party_id = ?4, person = ?5, summary = ?6, promise = ?7,"
                              " promise_due = ?8, updated_at = ?9 WHERE id = ?10",
                              error);
  if (stmt == NULL)
    goto fail;
  _rd_store_bind_datetime (stmt, 1, rd_contact_get_occurred_at (contact));
  _rd_store_bind_text (stmt, 2, rd_contact_direction_to_key (rd_contact_get_direction (contact)));
  _rd_store_bind_text (stmt, 3, rd_contact_channel_to_key (rd_contact_get_channel (contact)));
  if (rd_contact_get_party_id (contact) != 0)
    sqlite3_bind_int64 (stmt, 4, rd_contact_get_party_id (contact));
  else
    sqlite3_bind_null (stmt, 4);
  _rd_store_bind_text (stmt, 5, rd_contact_get_person (contact));
  _rd_store_bind_text (stmt, 6, rd_contact_get_summary (contact));
  _rd_store_bind_text (stmt, 7, rd_contact_get_promise (contact));
  _rd_store_bind_date (stmt, 8, rd_contact_get_promise_due (contact));
  sqlite3_bind_int64 (stmt, 9, now);
  sqlite3_bind_int64 (stmt, 10, inserting ? case_id : rd_contact_get_id (contact));
  if (!_rd_store_step_done (self, stmt, error))
    goto fail;
  if (!inserting && sqlite3_changes (_rd_store_get_db (self)) == 0)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("There is no contact number %" PRId64 "."), rd_contact_get_id (contact));
      goto fail;
    }
  if (inserting)
    rd_contact_set_id (contact, sqlite3_last_insert_rowid (_rd_store_get_db (self)));
  if (!_rd_store_commit (self, error))
    {
      if (inserting)
        rd_contact_set_id (contact, 0);
      return FALSE;
    }
  if (inserting)
    rd_contact_set_created_at (contact, now);
  rd_contact_set_case_id (contact, case_id);
  rd_contact_set_updated_at (contact, now);
  rd_store_emit_changed (self, "contacts", case_id);
  return TRUE;

fail:
  _rd_store_rollback (self);
  if (inserting)
    rd_contact_set_id (contact, 0);
  return FALSE;
}

/**
 * rd_store_delete_contact:
 *
 * Complaint steps that pointed at this contact as their proof stay; they
 * just lose the link.
 */
gboolean
rd_store_delete_contact (RdStore  *self,
                         gint64    contact_id,
                         GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  return _rd_store_delete_row (self, "DELETE FROM contacts WHERE id = ?1",
                               "SELECT case_id FROM contacts WHERE id = ?1", "contacts", contact_id,
                               error);
}

gboolean
_rd_store_set_contact_times (RdStore  *self,
                             gint64    contact_id,
                             gint64    created_at,
                             gint64    updated_at,
                             GError  **error)
{
  return _rd_store_run (self, "UPDATE contacts SET created_at = ?1, updated_at = ?2 WHERE id = ?3",
                        (gint64[]) { created_at, updated_at, contact_id }, 3, error);
}
