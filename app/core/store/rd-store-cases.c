/* rd-store-cases.c: reading and writing cases.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include <inttypes.h>
#include "rd-gettext.h"

#include "rd-datetime.h"
#include "rd-store-evidence-private.h"

#define CASE_COLUMNS \
  "id, title, resident_name, address, landlord_name, tenancy_type, notes, created_at, updated_at," \
  " contact_preferences, adjustments, is_sample, document_language, country, asb_review_reports," \
  " asb_review_hate, aware_on"

/* A key this version does not know (written by a later one) reads as
 * England, the default, rather than failing the whole case. */
static RdCountry
country_from_column (sqlite3_stmt *stmt,
                     int           column)
{
  RdCountry country;

  rd_country_from_string (_rd_store_column_text (stmt, column), &country);
  return country;
}

static RdCase *
case_from_row (RdStore      *self,
               sqlite3_stmt *stmt)
{
  RdCase *rcase = rd_case_new ();

  rd_case_set_id (rcase, sqlite3_column_int64 (stmt, 0));
  rd_case_set_title (rcase, _rd_store_column_text (stmt, 1));
  rd_case_set_resident_name (rcase, _rd_store_column_text (stmt, 2));
  rd_case_set_address (rcase, _rd_store_column_text (stmt, 3));
  rd_case_set_landlord_name (rcase, _rd_store_column_text (stmt, 4));
  rd_case_set_tenancy_type (rcase, rd_tenancy_type_from_string (_rd_store_column_text (stmt, 5)));
  rd_case_set_notes (rcase, _rd_store_column_text (stmt, 6));
  rd_case_set_created_at (rcase, sqlite3_column_int64 (stmt, 7));
  rd_case_set_updated_at (rcase, sqlite3_column_int64 (stmt, 8));
  rd_case_set_contact_preferences (rcase, _rd_store_column_text (stmt, 9));
  rd_case_set_adjustments (rcase, _rd_store_column_text (stmt, 10));
  rd_case_set_is_sample (rcase, sqlite3_column_int (stmt, 11) != 0);
  rd_case_set_document_language (rcase, _rd_store_column_text (stmt, 12));
  rd_case_set_country (rcase, country_from_column (stmt, 13));
  /* A threshold out of range (a damaged row) reads as the usual one. */
  if (sqlite3_column_int (stmt, 14) >= 1 && sqlite3_column_int (stmt, 14) <= RD_ASB_REVIEW_MAX_REPORTS)
    rd_case_set_asb_review_reports (rcase, sqlite3_column_int (stmt, 14));
  rd_case_set_asb_review_hate (rcase, sqlite3_column_int (stmt, 15) != 0);
  {
    const char *text = (const char *) sqlite3_column_text (stmt, 16);
    g_autoptr(GDate) aware = text != NULL && *text != '\0' ? rd_date_parse_iso (text, NULL) : NULL;

    rd_case_set_aware_on (rcase, aware);
  }
  return rcase;
}

/**
 * rd_store_list_cases:
 *
 * Returns: (transfer full): a #GListStore of #RdCase, most recently changed first
 */
GListModel *
rd_store_list_cases (RdStore  *self,
                     GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = _rd_store_prepare (self,
                            "SELECT " CASE_COLUMNS " FROM cases ORDER BY updated_at DESC, id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  return _rd_store_list_rows (self, stmt, RD_TYPE_CASE, (RdStoreRowFunc) case_from_row, error);
}

RdCase *
rd_store_get_case (RdStore  *self,
                   gint64    case_id,
                   GError  **error)
{
  RdCase *rcase = NULL;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  if (!_rd_store_get_row (self, "SELECT " CASE_COLUMNS " FROM cases WHERE id = ?1", case_id,
                          (RdStoreRowFunc) case_from_row, (gpointer *) &rcase, error))
    return NULL;
  if (rcase == NULL)
    g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                 _("There is no case number %" PRId64 "."), case_id);
  return rcase;
}

/**
 * rd_store_save_case:
 *
 * Inserts the case when its id is 0 (and sets the id), otherwise updates it.
 * Refuses a case without a title.
 */
gboolean
rd_store_save_case (RdStore  *self,
                    RdCase   *rcase,
                    GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 now = _rd_store_now (self);
  gboolean inserting;
  g_autofree char *title = NULL;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (RD_IS_CASE (rcase), FALSE);

  if (!rd_case_validate (rcase, error))
    return FALSE;

  inserting = rd_case_get_id (rcase) == 0;
  title = g_strstrip (g_strdup (rd_case_get_title (rcase)));

  if (!_rd_store_begin (self, error))
    return FALSE;

  if (inserting)
    stmt = _rd_store_prepare (self,
                              "INSERT INTO cases (title, resident_name, address, landlord_name,"
                              " tenancy_type, notes, created_at, updated_at,"
                              " contact_preferences, adjustments, is_sample, document_language,"
                              " country, asb_review_reports, asb_review_hate, aware_on, uuid)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
                              " lower (hex (randomblob (16))))",
                              error);
  else
    stmt = _rd_store_prepare (self,
                              "UPDATE cases SET title = ?1, resident_name = ?2, address = ?3,"
                              " landlord_name = ?4, tenancy_type = ?5, notes = ?6, updated_at = ?7,"
                              " contact_preferences = ?9, adjustments = ?10,"
                              " document_language = ?12, country = ?13, asb_review_reports = ?14,"
                              " asb_review_hate = ?15, aware_on = ?16"
                              " WHERE id = ?8",
                              error);
  if (stmt == NULL)
    goto fail;

  _rd_store_bind_text (stmt, 1, title);
  _rd_store_bind_text (stmt, 2, rd_case_get_resident_name (rcase));
  _rd_store_bind_text (stmt, 3, rd_case_get_address (rcase));
  _rd_store_bind_text (stmt, 4, rd_case_get_landlord_name (rcase));
  _rd_store_bind_text (stmt, 5, rd_tenancy_type_to_string (rd_case_get_tenancy_type (rcase)));
  _rd_store_bind_text (stmt, 6, rd_case_get_notes (rcase));
  sqlite3_bind_int64 (stmt, 7, now);
  _rd_store_bind_text (stmt, 9, rd_case_get_contact_preferences (rcase));
  _rd_store_bind_text (stmt, 10, rd_case_get_adjustments (rcase));
  _rd_store_bind_text (stmt, 12, rd_case_get_document_language (rcase));
  _rd_store_bind_text (stmt, 13, rd_country_to_string (rd_case_get_country (rcase)));
  sqlite3_bind_int (stmt, 14, rd_case_get_asb_review_reports (rcase));
  sqlite3_bind_int (stmt, 15, rd_case_get_asb_review_hate (rcase));
  if (rd_case_get_aware_on (rcase) != NULL)
    sqlite3_bind_text (stmt, 16, rd_date_to_iso (rd_case_get_aware_on (rcase)), -1, g_free);
  else
    sqlite3_bind_null (stmt, 16);
  /* Whether a case is the sample is fixed when it is made. */
  if (inserting)
    sqlite3_bind_int (stmt, 11, rd_case_get_is_sample (rcase));
  else
    sqlite3_bind_int64 (stmt, 8, rd_case_get_id (rcase));

  if (!_rd_store_step_done (self, stmt, error))
    goto fail;

  if (!inserting && sqlite3_changes (_rd_store_get_db (self)) == 0)
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                   _("There is no case number %" PRId64 "."), rd_case_get_id (rcase));
      goto fail;
    }

  if (!_rd_store_commit (self, error))
    return FALSE;

  if (inserting)
    {
      rd_case_set_id (rcase, sqlite3_last_insert_rowid (_rd_store_get_db (self)));
      rd_case_set_created_at (rcase, now);
    }
  rd_case_set_updated_at (rcase, now);
  rd_store_emit_changed (self, "cases", rd_case_get_id (rcase));
  return TRUE;

fail:
  _rd_store_rollback (self);
  return FALSE;
}

gboolean
rd_store_delete_case (RdStore  *self,
                      gint64    case_id,
                      GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  if (!_rd_store_begin (self, error))
    return FALSE;
  stmt = _rd_store_prepare (self, "DELETE FROM cases WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, case_id);
  /* The case's evidence rows go with it; their files go after the commit,
   * unless another case holds the same file. */
  if (!_rd_store_intend_remove_case_files (self, case_id, FALSE, error) ||
      !_rd_store_step_done (self, stmt, error))
    goto fail;
  if (!_rd_store_commit (self, error))
    return FALSE;
  rd_store_emit_changed (self, "cases", case_id);
  return TRUE;

fail:
  _rd_store_rollback (self);
  return FALSE;
}

/**
 * rd_store_find_sample_case:
 *
 * Returns: the id of the sample case, or 0 when there is none (or on error)
 */
gint64
rd_store_find_sample_case (RdStore  *self,
                           GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 case_id = 0;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), 0);

  stmt = _rd_store_prepare (self, "SELECT id FROM cases WHERE is_sample = 1 ORDER BY id LIMIT 1",
                            error);
  if (stmt == NULL)
    return 0;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    case_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _rd_store_set_error (self, rc, error);
  return case_id;
}

/* Lets the sample case look as if it was started when its diary began. */
gboolean
_rd_store_set_case_times (RdStore  *self,
                          gint64    case_id,
                          gint64    created_at,
                          gint64    updated_at,
                          GError  **error)
{
  return _rd_store_run (self, "UPDATE cases SET created_at = ?1, updated_at = ?2 WHERE id = ?3",
                        (gint64[]) { created_at, updated_at, case_id }, 3, error);
}

/**
 * rd_store_dup_bundle_layout:
 *
 * The layout the case's bundle was last made with (JSON, see
 * rd-bundle-layout.c), kept so the next one is the same.
 *
 * Returns: (transfer full) (nullable): the layout, or %NULL when there is
 *   none (the default) or on error (@error set)
 */
char *
rd_store_dup_bundle_layout (RdStore  *self,
                            gint64    case_id,
                            GError  **error)
{
  sqlite3_stmt *stmt;
  char *layout = NULL;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = _rd_store_prepare (self, "SELECT bundle_layout FROM cases WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    layout = g_strdup (_rd_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _rd_store_set_error (self, rc, error);
  return layout;
}

/**
 * rd_store_set_bundle_layout:
 * @layout: (nullable): the layout as JSON; %NULL for the default
 */
gboolean
rd_store_set_bundle_layout (RdStore     *self,
                            gint64       case_id,
                            const char  *layout,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  stmt = _rd_store_prepare (self, "UPDATE cases SET bundle_layout = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  if (layout != NULL)
    _rd_store_bind_text (stmt, 1, layout);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, case_id);
  return _rd_store_step_done (self, stmt, error);
}
