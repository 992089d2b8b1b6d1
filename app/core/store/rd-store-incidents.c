/* rd-store-incidents.c: the incident diary and its revision history.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include <inttypes.h>
#include "rd-gettext.h"

#include "rd-datetime.h"
#include "rd-incident-revision.h"
#include "rd-store-private.h"

/* A sitting that goes on longer than this starts a new revision, so a
 * window left open for a day cannot quietly rewrite yesterday's text. */
#define SITTING_SECONDS (30 * 60)

#define CONTENT_COLUMNS \
  "starts_at, ends_at, category, location, description, impact, people, witnesses," \
  " reported_to, reference, landlord_reported_on, landlord_reported_minute, asb_risk," \
  " repair_priority, hazard, landlord_steps, asb_report, service_loss"
#define N_CONTENT_COLUMNS 18
/* The same, as "name = ?N" from parameter 2 (for the UPDATEs) */
#define CONTENT_SET \
  "starts_at = ?2, ends_at = ?3, category = ?4, location = ?5, description = ?6, impact = ?7," \
  " people = ?8, witnesses = ?9, reported_to = ?10, reference = ?11, landlord_reported_on = ?12," \
  " landlord_reported_minute = ?13, asb_risk = ?14, repair_priority = ?15, hazard = ?16," \
  " landlord_steps = ?17, asb_report = ?18, service_loss = ?19"
#define CONTENT_PARAMS_FROM_3 \
  "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20"

static void
read_content (RdIncident   *incident,
              sqlite3_stmt *stmt,
              int           first)
{
  g_autoptr(GDateTime) starts_at = _rd_store_column_datetime (stmt, first + 0);
  g_autoptr(GDateTime) ends_at = _rd_store_column_datetime (stmt, first + 1);

  rd_incident_set_starts_at (incident, starts_at);
  rd_incident_set_ends_at (incident, ends_at);
  rd_incident_set_category (incident, rd_category_from_string (_rd_store_column_text (stmt, first + 2)));
  rd_incident_set_location (incident, _rd_store_column_text (stmt, first + 3));
  rd_incident_set_description (incident, _rd_store_column_text (stmt, first + 4));
  rd_incident_set_impact (incident, _rd_store_column_text (stmt, first + 5));
  rd_incident_set_people (incident, _rd_store_column_text (stmt, first + 6));
  rd_incident_set_witnesses (incident, _rd_store_column_text (stmt, first + 7));
  rd_incident_set_reported_to (incident, rd_reported_to_from_string (_rd_store_column_text (stmt, first + 8)));
  rd_incident_set_reference (incident, _rd_store_column_text (stmt, first + 9));
  {
    const char *text = (const char *) sqlite3_column_text (stmt, first + 10);
    g_autoptr(GDate) reported = text != NULL && *text != '\0' ? rd_date_parse_iso (text, NULL) : NULL;
    int minute = sqlite3_column_type (stmt, first + 11) == SQLITE_NULL
                 ? -1 : sqlite3_column_int (stmt, first + 11);
    RdAsbRisk risk = RD_ASB_RISK_N_LEVELS;
    RdHazardLevel hazard = RD_HAZARD_N_LEVELS;

    /* A damaged value reads as "not known", never as a guess. */
    if (reported == NULL || minute < -1 || minute >= 24 * 60)
      minute = -1;
    rd_incident_set_landlord_reported_on (incident, reported);
    rd_incident_set_landlord_reported_minute (incident, minute);
    if (!rd_asb_risk_from_key (_rd_store_column_text (stmt, first + 12), &risk))
      risk = RD_ASB_RISK_N_LEVELS;
    rd_incident_set_asb_risk (incident, risk);
    rd_incident_set_repair_priority (incident, _rd_store_column_text (stmt, first + 13));
    if (!rd_hazard_level_from_key (_rd_store_column_text (stmt, first + 14), &hazard))
      hazard = RD_HAZARD_N_LEVELS;
    rd_incident_set_hazard (incident, hazard);
  }
  {
    RdLandlordSteps steps;

    /* As above: a damaged record reads as no steps, which finds no fault. */
    if (!rd_landlord_steps_from_key (_rd_store_column_text (stmt, first + 15), &steps, NULL))
      rd_landlord_steps_init (&steps);
    rd_incident_set_landlord_steps (incident, &steps);
  }
  {
    RdAsbReport report;

    /* A damaged record reads as nothing recorded: the review counts no
     * report it cannot date. */
    if (rd_asb_report_from_key (_rd_store_column_text (stmt, first + 16), &report, NULL))
      rd_incident_set_asb_report (incident, _rd_store_column_text (stmt, first + 16));
  }
  {
    RdServiceLoss loss;

    /* A damaged record reads as nothing recorded: no day is counted that
     * cannot be dated. */
    if (rd_service_loss_from_key (_rd_store_column_text (stmt, first + 17), &loss, NULL))
      rd_incident_set_service_loss (incident, _rd_store_column_text (stmt, first + 17));
  }
}

/* Binds the N_CONTENT_COLUMNS content columns starting at parameter @first. */
static void
bind_content (sqlite3_stmt *stmt,
              int           first,
              RdIncident   *incident)
{
  _rd_store_bind_datetime (stmt, first + 0, rd_incident_get_starts_at (incident));
  _rd_store_bind_datetime (stmt, first + 1, rd_incident_get_ends_at (incident));
  _rd_store_bind_text (stmt, first + 2, rd_category_to_string (rd_incident_get_category (incident)));
  _rd_store_bind_text (stmt, first + 3, rd_incident_get_location (incident));
  _rd_store_bind_text (stmt, first + 4, rd_incident_get_description (incident));
  _rd_store_bind_text (stmt, first + 5, rd_incident_get_impact (incident));
  _rd_store_bind_text (stmt, first + 6, rd_incident_get_people (incident));
  _rd_store_bind_text (stmt, first + 7, rd_incident_get_witnesses (incident));
  sqlite3_bind_text (stmt, first + 8, rd_reported_to_to_string (rd_incident_get_reported_to (incident)),
                     -1, g_free);
  _rd_store_bind_text (stmt, first + 9, rd_incident_get_reference (incident));
  if (rd_incident_get_landlord_reported_on (incident) != NULL)
    {
      sqlite3_bind_text (stmt, first + 10, rd_date_to_iso (rd_incident_get_landlord_reported_on (incident)),
                         -1, g_free);
      if (rd_incident_get_landlord_reported_minute (incident) >= 0)
        sqlite3_bind_int (stmt, first + 11, rd_incident_get_landlord_reported_minute (incident));
      else
        sqlite3_bind_null (stmt, first + 11);
    }
  else
    {
      sqlite3_bind_null (stmt, first + 10);
      sqlite3_bind_null (stmt, first + 11);
    }
  _rd_store_bind_text (stmt, first + 12, rd_asb_risk_to_key (rd_incident_get_asb_risk (incident)));
  _rd_store_bind_text (stmt, first + 13, rd_incident_get_repair_priority (incident));
  _rd_store_bind_text (stmt, first + 14, rd_hazard_level_to_key (rd_incident_get_hazard (incident)));
  sqlite3_bind_text (stmt, first + 15, rd_landlord_steps_to_key (rd_incident_get_landlord_steps (incident)),
                     -1, g_free);
  _rd_store_bind_text (stmt, first + 16, rd_incident_get_asb_report (incident));
  _rd_store_bind_text (stmt, first + 17, rd_incident_get_service_loss (incident));
}

static RdIncident *
incident_from_row (RdStore      *self,
                   sqlite3_stmt *stmt)
{
  RdIncident *incident = rd_incident_new ();

  rd_incident_set_id (incident, sqlite3_column_int64 (stmt, 0));
  rd_incident_set_case_id (incident, sqlite3_column_int64 (stmt, 1));
  rd_incident_set_created_at (incident, sqlite3_column_int64 (stmt, 2));
  rd_incident_set_updated_at (incident, sqlite3_column_int64 (stmt, 3));
  read_content (incident, stmt, 4);
  return incident;
}

#define INCIDENT_SELECT \
  "SELECT id, case_id, created_at, updated_at, " CONTENT_COLUMNS " FROM incidents"

/**
 * rd_store_list_incidents:
 *
 * Returns: (transfer full): a #GListStore of #RdIncident, newest first
 */
GListModel *
rd_store_list_incidents (RdStore  *self,
                         gint64    case_id,
                         GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  return _rd_store_list_rows_with (self,
                                   INCIDENT_SELECT " WHERE case_id = ?1 ORDER BY starts_at DESC, id DESC",
                                   case_id, RD_TYPE_INCIDENT, (RdStoreRowFunc) incident_from_row,
                                   error);
}

/**
 * rd_store_foreach_incident:
 * @func: called with each entry of the case, oldest first (the order of
 *   #RdCaseFacts)
 *
 * Reads the diary one entry at a time, for work that must not hold a
 * long diary whole (a JSON export).
 *
 * Returns: FALSE with @error set if reading failed or @func stopped
 */
gboolean
rd_store_foreach_incident (RdStore          *self,
                           gint64            case_id,
                           RdStoreEachFunc   func,
                           gpointer          user_data,
                           GError          **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* The reverse of rd_store_list_incidents(), which rd_case_facts_load()
   * reverses: the same order, read from the same index. */
  return _rd_store_each_row_with (self,
                                  INCIDENT_SELECT " WHERE case_id = ?1 ORDER BY starts_at ASC, id ASC",
                                  case_id, (RdStoreRowFunc) incident_from_row, func, user_data, error);
}

/**
 * rd_store_read_incidents_page:
 * @key: where the last page ended; zeroed for the first
 * @limit: how many entries at most
 *
 * The next entries of the case's diary, oldest first in the order of
 * rd_store_foreach_incident(), leaving out those with no time: a page of
 * a long diary, so that work written entry by entry (the bundle's
 * chronology) holds no more than a page. Read on a snapshot
 * (rd_store_open_snapshot()), the pages are those of one moment,
 * whatever is saved meanwhile.
 *
 * Returns: (transfer full) (element-type RdIncident): the entries; empty
 *   when there are no more; %NULL with @error set if reading failed
 */
GPtrArray *
rd_store_read_incidents_page (RdStore         *self,
                              gint64           case_id,
                              RdStorePageKey  *key,
                              guint            limit,
                              GError         **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return _rd_store_read_page (self,
                              INCIDENT_SELECT " WHERE case_id = ?1 AND starts_at IS NOT NULL"
                              " ORDER BY starts_at ASC, id ASC LIMIT ?4",
                              INCIDENT_SELECT " WHERE case_id = ?1 AND (starts_at, id) > (?2, ?3)"
                              " ORDER BY starts_at ASC, id ASC LIMIT ?4",
                              case_id, key, limit, 4, (RdStoreRowFunc) incident_from_row, error);
}

RdIncident *
rd_store_get_incident (RdStore  *self,
                       gint64    incident_id,
                       GError  **error)
{
  RdIncident *incident = NULL;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  if (!_rd_store_get_row (self, INCIDENT_SELECT " WHERE id = ?1", incident_id,
                          (RdStoreRowFunc) incident_from_row, (gpointer *) &incident, error))
    return NULL;
  if (incident == NULL)
    g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                 _("There is no diary entry number %" PRId64 "."), incident_id);
  return incident;
}

static gboolean
insert_revision (RdStore     *self,
                 RdIncident  *incident,
                 gint64       now,
                 gint64      *revision_id,
                 GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _rd_store_prepare (self,
                            "INSERT INTO incident_revisions (incident_id, written_at, last_changed_at, "
                            CONTENT_COLUMNS ") VALUES (?1, ?2, ?2, " CONTENT_PARAMS_FROM_3 ")",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rd_incident_get_id (incident));
  sqlite3_bind_int64 (stmt, 2, now);
  bind_content (stmt, 3, incident);
  if (!_rd_store_step_done (self, stmt, error))
    return FALSE;
  *revision_id = sqlite3_last_insert_rowid (_rd_store_get_db (self));
  return TRUE;
}

/*
 * Whether @revision_id may absorb this save: it must be this incident's
 * latest revision, and its sitting must still be young.
 */
static gboolean
can_extend_revision (RdStore  *self,
                     gint64    incident_id,
                     gint64    revision_id,
                     gint64    now,
                     gboolean *out_ok,
                     GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_ok = FALSE;
  stmt = _rd_store_prepare (self,
                            "SELECT id, written_at FROM incident_revisions WHERE incident_id = ?1"
                            " ORDER BY id DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_ok = sqlite3_column_int64 (stmt, 0) == revision_id &&
              now - sqlite3_column_int64 (stmt, 1) < SITTING_SECONDS;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _rd_store_set_error (self, rc, error);
  return TRUE;
}

static gboolean
update_revision (RdStore     *self,
                 RdIncident  *incident,
                 gint64       revision_id,
                 gint64       now,
                 GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _rd_store_prepare (self,
                            "UPDATE incident_revisions SET last_changed_at = ?1, " CONTENT_SET
                            " WHERE id = ?20",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now);
  bind_content (stmt, 2, incident);
  sqlite3_bind_int64 (stmt, 2 + N_CONTENT_COLUMNS, revision_id);
  return _rd_store_step_done (self, stmt, error);
}

/**
 * rd_store_save_incident:
 * @sitting_revision: (inout) (optional): the revision this editing sitting
 *   has written so far, 0 for none yet; %NULL to always start a new revision
 *
 * Inserts the incident when its id is 0, otherwise updates it, and records
 * the new text as a revision. Saves within one sitting (the editor passes
 * the same @sitting_revision) extend that sitting's revision; everything
 * written in earlier sittings is kept as it was. Saving unchanged content
 * writes nothing.
 */
gboolean
rd_store_save_incident (RdStore     *self,
                        RdIncident  *incident,
                        gint64      *sitting_revision,
                        GError     **error)
{
  g_autoptr(GDateTime) now_dt = rd_clock_dup_now (rd_store_get_clock (self));
  g_autoptr(RdIncident) stored = NULL;
  sqlite3_stmt *stmt;
  gint64 now = _rd_store_now (self);
  gint64 revision_id = 0;
  gboolean inserting;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (RD_IS_INCIDENT (incident), FALSE);

  if (!rd_incident_validate (incident, now_dt, error))
    return FALSE;

  inserting = rd_incident_get_id (incident) == 0;
  if (inserting && rd_incident_get_case_id (incident) == 0)
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                           _("A diary entry must belong to a case."));
      return FALSE;
    }

  if (!_rd_store_begin (self, error))
    return FALSE;

  if (inserting)
    {
      stmt = _rd_store_prepare (self,
                                "INSERT INTO incidents (case_id, created_at, updated_at, "
                                CONTENT_COLUMNS ") VALUES (?1, ?2, ?2, " CONTENT_PARAMS_FROM_3 ")",
                                error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, rd_incident_get_case_id (incident));
      sqlite3_bind_int64 (stmt, 2, now);
      bind_content (stmt, 3, incident);
      if (!_rd_store_step_done (self, stmt, error))
        goto fail;
      rd_incident_set_id (incident, sqlite3_last_insert_rowid (_rd_store_get_db (self)));
      if (!insert_revision (self, incident, now, &revision_id, error))
        goto fail;
    }
  else
    {
      gboolean extend = FALSE;

      stored = rd_store_get_incident (self, rd_incident_get_id (incident), error);
      if (stored == NULL)
        goto fail;
      if (rd_incident_content_equal (stored, incident))
        {
          _rd_store_rollback (self);
          return TRUE;
        }

      stmt = _rd_store_prepare (self,
                                "UPDATE incidents SET updated_at = ?1, " CONTENT_SET " WHERE id = ?20",
                                error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, now);
      bind_content (stmt, 2, incident);
      sqlite3_bind_int64 (stmt, 2 + N_CONTENT_COLUMNS, rd_incident_get_id (incident));
      if (!_rd_store_step_done (self, stmt, error))
        goto fail;

      if (sitting_revision != NULL && *sitting_revision != 0 &&
          !can_extend_revision (self, rd_incident_get_id (incident), *sitting_revision, now,
                                &extend, error))
        goto fail;

      if (extend)
        {
          revision_id = *sitting_revision;
          if (!update_revision (self, incident, revision_id, now, error))
            goto fail;
        }
      else if (!insert_revision (self, incident, now, &revision_id, error))
        goto fail;
    }

  if (!_rd_store_commit (self, error))
    {
      if (inserting)
        rd_incident_set_id (incident, 0);
      return FALSE;
    }

  if (inserting)
    rd_incident_set_created_at (incident, now);
  else
    rd_incident_set_created_at (incident, rd_incident_get_created_at (stored));
  rd_incident_set_updated_at (incident, now);
  if (sitting_revision != NULL)
    *sitting_revision = revision_id;
  if (rd_incident_get_case_id (incident) == 0 && stored != NULL)
    rd_incident_set_case_id (incident, rd_incident_get_case_id (stored));
  rd_store_emit_changed (self, "incidents", rd_incident_get_case_id (incident));
  return TRUE;

fail:
  _rd_store_rollback (self);
  if (inserting)
    rd_incident_set_id (incident, 0);
  return FALSE;
}

gboolean
rd_store_delete_incident (RdStore  *self,
                          gint64    incident_id,
                          GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  return _rd_store_delete_row (self, "DELETE FROM incidents WHERE id = ?1",
                               "SELECT case_id FROM incidents WHERE id = ?1", "incidents",
                               incident_id, error);
}

/**
 * rd_store_list_incident_revisions:
 *
 * Returns: (transfer full): a #GListStore of #RdIncidentRevision, oldest
 *   (the entry as first written) first
 */
GListModel *
rd_store_list_incident_revisions (RdStore  *self,
                                  gint64    incident_id,
                                  GError  **error)
{
  g_autoptr(GListStore) list = NULL;
  sqlite3_stmt *stmt;
  guint number = 0;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = _rd_store_prepare (self,
                            "SELECT id, written_at, last_changed_at, " CONTENT_COLUMNS
                            " FROM incident_revisions WHERE incident_id = ?1 ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, incident_id);

  list = g_list_store_new (RD_TYPE_INCIDENT_REVISION);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RdIncident) snapshot = rd_incident_new ();
      g_autoptr(RdIncidentRevision) revision = NULL;

      rd_incident_set_id (snapshot, incident_id);
      read_content (snapshot, stmt, 3);
      revision = rd_incident_revision_new (sqlite3_column_int64 (stmt, 0), ++number,
                                           sqlite3_column_int64 (stmt, 1),
                                           sqlite3_column_int64 (stmt, 2), snapshot);
      g_list_store_append (list, revision);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rd_store_set_error (self, rc, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/*
 * The sample case's diary was "written" over months: these set when an
 * incident and one of its revisions were written, without making a new
 * revision. Only the sample uses them; nothing a resident does can.
 */
gboolean
_rd_store_set_incident_times (RdStore  *self,
                              gint64    incident_id,
                              gint64    created_at,
                              gint64    updated_at,
                              GError  **error)
{
  return _rd_store_run (self, "UPDATE incidents SET created_at = ?1, updated_at = ?2 WHERE id = ?3",
                        (gint64[]) { created_at, updated_at, incident_id }, 3, error);
}

gboolean
_rd_store_set_revision_times (RdStore  *self,
                              gint64    revision_id,
                              gint64    written_at,
                              gint64    last_changed_at,
                              GError  **error)
{
  return _rd_store_run (self,
                        "UPDATE incident_revisions SET written_at = ?1, last_changed_at = ?2"
                        " WHERE id = ?3",
                        (gint64[]) { written_at, last_changed_at, revision_id }, 3, error);
}

/**
 * rd_store_get_last_category:
 * @out_category: (out): the category of the entry written last in the case
 *
 * What a new diary entry starts as: the category of the entry the resident
 * wrote last in this case (by when it was first written, not last edited,
 * so that correcting an old entry does not change it). Trouble tends to go
 * on, and a resident who does not notice the category then files the next
 * entry where the last one went, not under a fixed "Noise".
 *
 * Returns: %TRUE with *@out_category set when the case has an entry;
 *   %FALSE when it has none (@error unset) or it cannot be read (@error set)
 */
gboolean
rd_store_get_last_category (RdStore     *self,
                            gint64       case_id,
                            RdCategory  *out_category,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_category != NULL, FALSE);

  stmt = _rd_store_prepare (self,
                            "SELECT category FROM incidents WHERE case_id = ?1"
                            " ORDER BY created_at DESC, id DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_category = rd_category_from_string (_rd_store_column_text (stmt, 0));
      found = TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _rd_store_set_error (self, rc, error);
  return found;
}
