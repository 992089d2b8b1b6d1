/* rd-store-complaints.c: reading and writing complaints and their stage events.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include <inttypes.h>
#include "rd-gettext.h"

#include "rd-datetime.h"
#include "rd-store-complaints.h"
#include "rd-store-private.h"

/* ---- complaints ---- */

#define COMPLAINT_SELECT \
  "SELECT id, case_id, reference, outcomes, outcome_other, created_at, updated_at, subject" \
  " FROM complaints"

static gboolean
load_points (RdStore      *self,
             RdComplaint  *complaint,
             GError      **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) points = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _rd_store_prepare (self,
                            "SELECT text FROM complaint_points WHERE complaint_id = ?1 ORDER BY position",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rd_complaint_get_id (complaint));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, _rd_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _rd_store_set_error (self, rc, error);
  points = g_strv_builder_end (builder);
  rd_complaint_set_points (complaint, (const char * const *) points);

  {
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

    stmt = _rd_store_prepare (self,
                              "SELECT incident_id FROM complaint_incidents WHERE complaint_id = ?1",
                              error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, rd_complaint_get_id (complaint));
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (ids, id);
      }
    sqlite3_reset (stmt);
    if (rc != SQLITE_DONE)
      return _rd_store_set_error (self, rc, error);
    rd_complaint_set_incident_ids (complaint, (const gint64 *) ids->data, ids->len);
  }
  return TRUE;
}

static RdComplaint *
complaint_from_row (RdStore      *self,
                    sqlite3_stmt *stmt)
{
  RdComplaint *complaint = rd_complaint_new ();
  RdComplaintSubject subject;

  rd_complaint_set_id (complaint, sqlite3_column_int64 (stmt, 0));
  rd_complaint_set_case_id (complaint, sqlite3_column_int64 (stmt, 1));
  rd_complaint_set_reference (complaint, _rd_store_column_text (stmt, 2));
  rd_complaint_set_outcomes (complaint, rd_outcomes_from_string (_rd_store_column_text (stmt, 3)));
  rd_complaint_set_outcome_other (complaint, _rd_store_column_text (stmt, 4));
  rd_complaint_set_created_at (complaint, sqlite3_column_int64 (stmt, 5));
  rd_complaint_set_updated_at (complaint, sqlite3_column_int64 (stmt, 6));
  /* A key this Redress does not know (from a newer one) reads as not said. */
  if (rd_complaint_subject_from_key (_rd_store_column_text (stmt, 7), &subject))
    rd_complaint_set_subject (complaint, subject);
  return complaint;
}

/**
 * rd_store_list_complaints:
 *
 * Returns: (transfer full): a #GListStore of #RdComplaint, in the order
 *   they were recorded
 */
GListModel *
rd_store_list_complaints (RdStore  *self,
                          gint64    case_id,
                          GError  **error)
{
  g_autoptr(GPtrArray) items = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = _rd_store_prepare (self, COMPLAINT_SELECT " WHERE case_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  items = _rd_store_collect_rows (self, stmt, (RdStoreRowFunc) complaint_from_row, error);
  if (items == NULL)
    return NULL;
  for (guint i = 0; i < items->len; i++)
    if (!load_points (self, g_ptr_array_index (items, i), error))
      return NULL;
  return _rd_store_list_store_new (RD_TYPE_COMPLAINT, items);
}

RdComplaint *
rd_store_get_complaint (RdStore  *self,
                        gint64    complaint_id,
                        GError  **error)
{
  g_autoptr(RdComplaint) complaint = NULL;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  if (!_rd_store_get_row (self, COMPLAINT_SELECT " WHERE id = ?1", complaint_id,
                          (RdStoreRowFunc) complaint_from_row, (gpointer *) &complaint, error))
    return NULL;
  if (complaint == NULL)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("There is no complaint number %" PRId64 "."), complaint_id);
      return NULL;
    }
  if (!load_points (self, complaint, error))
    return NULL;
  return g_steal_pointer (&complaint);
}

/**
 * rd_store_save_complaint:
 *
 * Inserts the complaint when its id is 0 (and sets the id), otherwise
 * updates it; its points are replaced as a whole.
 */
gboolean
rd_store_save_complaint (RdStore      *self,
                         RdComplaint  *complaint,
                         GError      **error)
{
  const char * const *points;
  sqlite3_stmt *stmt;
  gint64 now = _rd_store_now (self);
  gboolean inserting;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (RD_IS_COMPLAINT (complaint), FALSE);

  inserting = rd_complaint_get_id (complaint) == 0;
  if (inserting && rd_complaint_get_case_id (complaint) == 0)
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                           _("A complaint must belong to a case."));
      return FALSE;
    }

  if (!_rd_store_begin (self, error))
    return FALSE;

  if (inserting)
    stmt = _rd_store_prepare (self,
                              "INSERT INTO complaints (reference, outcomes, outcome_other,"
                              " created_at, updated_at, case_id, subject)"
                              " VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6)",
                              error);
  else
    stmt = _rd_store_prepare (self,
                              "UPDATE complaints SET reference = ?1, outcomes = ?2,"
                              " outcome_other = ?3, updated_at = ?4, subject = ?6 WHERE id = ?5",
                              error);
  if (stmt == NULL)
    goto fail;
  _rd_store_bind_text (stmt, 1, rd_complaint_get_reference (complaint));
  sqlite3_bind_text (stmt, 2, rd_outcomes_to_string (rd_complaint_get_outcomes (complaint)), -1, g_free);
  _rd_store_bind_text (stmt, 3, rd_complaint_get_outcome_other (complaint));
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, inserting ? rd_complaint_get_case_id (complaint)
                                         : rd_complaint_get_id (complaint));
  sqlite3_bind_text (stmt, 6, rd_complaint_subject_to_key (rd_complaint_get_subject (complaint)),
                     -1, SQLITE_STATIC);
  if (!_rd_store_step_done (self, stmt, error))
    goto fail;
  if (!inserting && sqlite3_changes (_rd_store_get_db (self)) == 0)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("There is no complaint number %" PRId64 "."),
                   rd_complaint_get_id (complaint));
      goto fail;
    }
  if (inserting)
    rd_complaint_set_id (complaint, sqlite3_last_insert_rowid (_rd_store_get_db (self)));
  else
    {
      gint64 case_id = 0;

      if (!_rd_store_lookup_id (self, "SELECT case_id FROM complaints WHERE id = ?1",
                                rd_complaint_get_id (complaint), &case_id, error))
        goto fail;
      rd_complaint_set_case_id (complaint, case_id);
    }

  if (!_rd_store_run (self, "DELETE FROM complaint_points WHERE complaint_id = ?1",
                      (gint64[]) { rd_complaint_get_id (complaint) }, 1, error))
    goto fail;

  points = rd_complaint_get_points (complaint);
  for (guint i = 0; points[i] != NULL; i++)
    {
      stmt = _rd_store_prepare (self,
                                "INSERT INTO complaint_points (complaint_id, position, text)"
                                " VALUES (?1, ?2, ?3)",
                                error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, rd_complaint_get_id (complaint));
      sqlite3_bind_int (stmt, 2, i);
      _rd_store_bind_text (stmt, 3, points[i]);
      if (!_rd_store_step_done (self, stmt, error))
        goto fail;
    }

  if (!_rd_store_run (self, "DELETE FROM complaint_incidents WHERE complaint_id = ?1",
                      (gint64[]) { rd_complaint_get_id (complaint) }, 1, error))
    goto fail;

  {
    guint n_ids;
    const gint64 *ids = rd_complaint_get_incident_ids (complaint, &n_ids);

    for (guint i = 0; i < n_ids; i++)
      {
        gint64 incident_case = 0;

        if (!_rd_store_lookup_id (self, "SELECT case_id FROM incidents WHERE id = ?1", ids[i],
                                  &incident_case, error))
          goto fail;
        if (incident_case != rd_complaint_get_case_id (complaint))
          {
            g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                                 _("A diary entry this complaint is about is not part of this "
                                   "case. Choose entries from this case’s diary."));
            goto fail;
          }
        stmt = _rd_store_prepare (self,
                                  "INSERT INTO complaint_incidents (complaint_id, incident_id)"
                                  " VALUES (?1, ?2)",
                                  error);
        if (stmt == NULL)
          goto fail;
        sqlite3_bind_int64 (stmt, 1, rd_complaint_get_id (complaint));
        sqlite3_bind_int64 (stmt, 2, ids[i]);
        if (!_rd_store_step_done (self, stmt, error))
          goto fail;
      }
  }

  if (!_rd_store_commit (self, error))
    {
      if (inserting)
        rd_complaint_set_id (complaint, 0);
      return FALSE;
    }
  if (inserting)
    rd_complaint_set_created_at (complaint, now);
  rd_complaint_set_updated_at (complaint, now);
  rd_store_emit_changed (self, "complaints", rd_complaint_get_case_id (complaint));
  return TRUE;

fail:
  _rd_store_rollback (self);
  if (inserting)
    rd_complaint_set_id (complaint, 0);
  return FALSE;
}

/**
 * rd_store_save_complaint_with_events:
 * @events: (array length=n_events): steps to add to the complaint
 *
 * Saves the complaint and its new steps in one write: either all are
 * saved or none.
 */
gboolean
rd_store_save_complaint_with_events (RdStore           *self,
                                     RdComplaint       *complaint,
                                     RdComplaintEvent **events,
                                     guint              n_events,
                                     GError           **error)
{
  g_autofree gboolean *was_new = NULL;
  gboolean inserting;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (RD_IS_COMPLAINT (complaint), FALSE);

  inserting = rd_complaint_get_id (complaint) == 0;
  was_new = g_new0 (gboolean, n_events + 1);
  for (guint i = 0; i < n_events; i++)
    was_new[i] = rd_complaint_event_get_id (events[i]) == 0;

  if (!_rd_store_begin (self, error))
    return FALSE;
  if (!rd_store_save_complaint (self, complaint, error))
    goto fail;
  for (guint i = 0; i < n_events; i++)
    {
      rd_complaint_event_set_complaint_id (events[i], rd_complaint_get_id (complaint));
      if (!rd_store_save_complaint_event (self, events[i], error))
        goto fail;
    }
  if (_rd_store_commit (self, error))
    return TRUE;
  goto forget_ids;

fail:
  _rd_store_rollback (self);
forget_ids:
  /* Nothing was written: what was new is new again. */
  if (inserting)
    rd_complaint_set_id (complaint, 0);
  for (guint i = 0; i < n_events; i++)
    if (was_new[i])
      rd_complaint_event_set_id (events[i], 0);
  return FALSE;
}

/**
 * rd_store_delete_complaint:
 *
 * Deletes the complaint with its points and stage events. Contacts stay.
 */
gboolean
rd_store_delete_complaint (RdStore  *self,
                           gint64    complaint_id,
                           GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  return _rd_store_delete_row (self, "DELETE FROM complaints WHERE id = ?1",
                               "SELECT case_id FROM complaints WHERE id = ?1", "complaints",
                               complaint_id, error);
}

/* ---- stage events ---- */

#define EVENT_SELECT \
  "SELECT id, complaint_id, kind, stage, date, new_date, reason, notes, contact_id" \
  " FROM complaint_events"

static RdComplaintEvent *
event_from_row (RdStore      *self,
                sqlite3_stmt *stmt)
{
  RdComplaintEventKind kind = RD_COMPLAINT_EVENT_MADE;
  RdComplaintEvent *event;
  g_autoptr(GDate) date = _rd_store_column_date (stmt, 4);
  g_autoptr(GDate) new_date = _rd_store_column_date (stmt, 5);

  if (!rd_complaint_event_kind_from_key (_rd_store_column_text (stmt, 2), &kind))
    g_warning ("Stored complaint step kind “%s” is unknown", _rd_store_column_text (stmt, 2));
  event = rd_complaint_event_new (kind);
  rd_complaint_event_set_id (event, sqlite3_column_int64 (stmt, 0));
  rd_complaint_event_set_complaint_id (event, sqlite3_column_int64 (stmt, 1));
  rd_complaint_event_set_stage (event, CLAMP (sqlite3_column_int (stmt, 3), 1, RD_COMPLAINT_MAX_STAGE));
  rd_complaint_event_set_date (event, date);
  rd_complaint_event_set_new_date (event, new_date);
  rd_complaint_event_set_reason (event, _rd_store_column_text (stmt, 6));
  rd_complaint_event_set_notes (event, _rd_store_column_text (stmt, 7));
  rd_complaint_event_set_contact_id (event, sqlite3_column_int64 (stmt, 8));
  return event;
}

/**
 * rd_store_list_complaint_events:
 *
 * Returns: (transfer full): a #GListStore of #RdComplaintEvent, first step
 *   first (by date, then in the order recorded)
 */
GListModel *
rd_store_list_complaint_events (RdStore  *self,
                                gint64    complaint_id,
                                GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  return _rd_store_list_rows_with (self, EVENT_SELECT " WHERE complaint_id = ?1 ORDER BY date, id",
                                   complaint_id, RD_TYPE_COMPLAINT_EVENT, (RdStoreRowFunc) event_from_row,
                                   error);
}

RdComplaintEvent *
rd_store_get_complaint_event (RdStore  *self,
                              gint64    event_id,
                              GError  **error)
{
  RdComplaintEvent *event = NULL;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  if (!_rd_store_get_row (self, EVENT_SELECT " WHERE id = ?1", event_id,
                          (RdStoreRowFunc) event_from_row, (gpointer *) &event, error))
    return NULL;
  if (event == NULL)
    g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                 _("There is no complaint step number %" PRId64 "."), event_id);
  return event;
}

/**
 * rd_store_save_complaint_event:
 *
 * Inserts the step when its id is 0 (and sets the id), otherwise updates
 * it. The contact that proves it, if any, must be in the same case.
 */
gboolean
rd_store_save_complaint_event (RdStore           *self,
                               RdComplaintEvent  *event,
                               GError           **error)
{
  g_autoptr(GDateTime) now_dt = rd_clock_dup_now (rd_store_get_clock (self));
  g_autoptr(GDate) today = rd_datetime_get_date (now_dt);
  sqlite3_stmt *stmt;
  gint64 now = _rd_store_now (self);
  gint64 case_id = 0;
  gint64 complaint_id;
  gboolean inserting;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (RD_IS_COMPLAINT_EVENT (event), FALSE);

  if (!rd_complaint_event_validate (event, today, error))
    return FALSE;
  inserting = rd_complaint_event_get_id (event) == 0;
  complaint_id = rd_complaint_event_get_complaint_id (event);

  if (!_rd_store_begin (self, error))
    return FALSE;

  if (!inserting)
    {
      if (!_rd_store_lookup_id (self, "SELECT complaint_id FROM complaint_events WHERE id = ?1",
                                rd_complaint_event_get_id (event), &complaint_id, error))
        goto fail;
      if (complaint_id == 0)
        {
          g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                       _("There is no complaint step number %" PRId64 "."),
                       rd_complaint_event_get_id (event));
          goto fail;
        }
    }
  if (!_rd_store_lookup_id (self, "SELECT case_id FROM complaints WHERE id = ?1",
                            complaint_id, &case_id, error))
    goto fail;
  if (case_id == 0)
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                           _("A complaint step must belong to a saved complaint."));
      goto fail;
    }
  if (rd_complaint_event_get_contact_id (event) != 0)
    {
      gint64 contact_case = 0;

      if (!_rd_store_lookup_id (self, "SELECT case_id FROM contacts WHERE id = ?1",
                                rd_complaint_event_get_contact_id (event), &contact_case, error))
        goto fail;
      if (contact_case != case_id)
        {
          g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                               _("The contact this step points to is not part of this case. "
                                 "Choose one from the case’s contact log."));
          goto fail;
        }
    }

  if (inserting)
    stmt = _rd_store_prepare (self,
                              "INSERT INTO complaint_events (kind, stage, date, new_date, reason,"
                              " notes, contact_id, created_at, updated_at, complaint_id)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)",
                              error);
  else
    stmt = _rd_store_prepare (self,
                              "UPDATE complaint_events SET kind = ?1, stage = ?2, date = ?3,"
                              " new_date = ?4, reason = ?5, notes = ?6, contact_id = ?7,"
                              " updated_at = ?8 WHERE id = ?9",
                              error);
  if (stmt == NULL)
    goto fail;
  _rd_store_bind_text (stmt, 1, rd_complaint_event_kind_to_key (rd_complaint_event_get_kind (event)));
  sqlite3_bind_int (stmt, 2, rd_complaint_event_get_stage (event));
  _rd_store_bind_date (stmt, 3, rd_complaint_event_get_date (event));
  _rd_store_bind_date (stmt, 4, rd_complaint_event_get_new_date (event));
  _rd_store_bind_text (stmt, 5, rd_complaint_event_get_reason (event));
  _rd_store_bind_text (stmt, 6, rd_complaint_event_get_notes (event));
  if (rd_complaint_event_get_contact_id (event) != 0)
    sqlite3_bind_int64 (stmt, 7, rd_complaint_event_get_contact_id (event));
  else
    sqlite3_bind_null (stmt, 7);
  sqlite3_bind_int64 (stmt, 8, now);
  sqlite3_bind_int64 (stmt, 9, inserting ? complaint_id : rd_complaint_event_get_id (event));
  if (!_rd_store_step_done (self, stmt, error))
    goto fail;
  if (inserting)
    rd_complaint_event_set_id (event, sqlite3_last_insert_rowid (_rd_store_get_db (self)));
  if (!_rd_store_commit (self, error))
    {
      if (inserting)
        rd_complaint_event_set_id (event, 0);
      return FALSE;
    }
  rd_complaint_event_set_complaint_id (event, complaint_id);
  /* Steps are part of their complaint: one kind of change for both. */
  rd_store_emit_changed (self, "complaints", case_id);
  return TRUE;

fail:
  _rd_store_rollback (self);
  if (inserting)
    rd_complaint_event_set_id (event, 0);
  return FALSE;
}

gboolean
rd_store_delete_complaint_event (RdStore  *self,
                                 gint64    event_id,
                                 GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  return _rd_store_delete_row (self, "DELETE FROM complaint_events WHERE id = ?1",
                               "SELECT c.case_id FROM complaint_events e"
                               " JOIN complaints c ON c.id = e.complaint_id WHERE e.id = ?1",
                               "complaints", event_id, error);
}
