/* rd-store-evidence-links.c: links from evidence to the diary entries,
 * contacts and complaint events it proves.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include <errno.h>
#include "rd-gettext.h"
#include <glib/gstdio.h>
#include <string.h>

#include "rd-store-evidence-private.h"

/* The case a link target belongs to; 0 with @error set when there is no
 * such thing. */
static gint64
target_case_id (RdStore               *self,
                RdEvidenceTargetKind   kind,
                gint64                 target_id,
                GError               **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 case_id = 0;
  int rc;

  switch (kind)
    {
    case RD_EVIDENCE_TARGET_INCIDENT:
      stmt = _rd_store_prepare (self, "SELECT case_id FROM incidents WHERE id = ?1", error);
      break;
    case RD_EVIDENCE_TARGET_CONTACT:
      stmt = _rd_store_prepare (self, "SELECT case_id FROM contacts WHERE id = ?1", error);
      break;
    case RD_EVIDENCE_TARGET_COMPLAINT_EVENT:
      stmt = _rd_store_prepare (self, "SELECT c.case_id FROM complaint_events v"
                                " JOIN complaints c ON c.id = v.complaint_id WHERE v.id = ?1", error);
      break;
    case RD_EVIDENCE_TARGET_N_KINDS:
    default:
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                           _("Evidence can be linked to diary entries, contacts and complaint "
                             "events only."));
      return 0;
    }
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, target_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    case_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                         _("What you are linking this evidence to no longer exists."));
  else if (rc != SQLITE_ROW)
    _rd_store_set_error (self, rc, error);
  return case_id;
}

/**
 * rd_store_link_evidence:
 * @note: (nullable): what the evidence shows about the target
 *
 * Links evidence to something of the same case; linking again replaces the
 * note.
 */
gboolean
rd_store_link_evidence (RdStore               *self,
                        gint64                 evidence_id,
                        RdEvidenceTargetKind   target_kind,
                        gint64                 target_id,
                        const char            *note,
                        GError               **error)
{
  g_autoptr(RdEvidence) evidence = NULL;
  sqlite3_stmt *stmt;
  gint64 case_id;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  if (!_rd_store_begin (self, error))
    return FALSE;
  evidence = rd_store_get_evidence (self, evidence_id, error);
  if (evidence == NULL)
    goto fail;
  case_id = target_case_id (self, target_kind, target_id, error);
  if (case_id == 0)
    goto fail;
  if (case_id != rd_evidence_get_case_id (evidence))
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                           _("Evidence can only be linked to things in its own case."));
      goto fail;
    }

  stmt = _rd_store_prepare (self,
                            "INSERT INTO evidence_links (evidence_id, target_kind, target_id, note,"
                            " created_at) VALUES (?1, ?2, ?3, ?4, ?5)"
                            " ON CONFLICT (evidence_id, target_kind, target_id)"
                            " DO UPDATE SET note = excluded.note",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  _rd_store_bind_text (stmt, 2, rd_evidence_target_kind_to_string (target_kind));
  sqlite3_bind_int64 (stmt, 3, target_id);
  _rd_store_bind_text (stmt, 4, note);
  sqlite3_bind_int64 (stmt, 5, _rd_store_now (self));
  if (!_rd_store_step_done (self, stmt, error))
    goto fail;
  if (!_rd_store_commit (self, error))
    return FALSE;
  rd_store_emit_changed (self, "evidence", case_id);
  return TRUE;

fail:
  _rd_store_rollback (self);
  return FALSE;
}

/**
 * rd_store_link_evidence_all:
 * @evidence_ids: (array length=n): the evidence to link
 * @notes: (array length=n): what each shows
 *
 * Links every piece of @evidence_ids to the target, or (on error) none.
 */
gboolean
rd_store_link_evidence_all (RdStore               *self,
                            const gint64          *evidence_ids,
                            const char * const    *notes,
                            guint                  n,
                            RdEvidenceTargetKind   target_kind,
                            gint64                 target_id,
                            GError               **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  if (!_rd_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!rd_store_link_evidence (self, evidence_ids[i], target_kind, target_id, notes[i], error))
      {
        _rd_store_rollback (self);
        return FALSE;
      }
  return _rd_store_commit (self, error);
}

gboolean
rd_store_unlink_evidence (RdStore               *self,
                          gint64                 evidence_id,
                          RdEvidenceTargetKind   target_kind,
                          gint64                 target_id,
                          GError               **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (target_kind < RD_EVIDENCE_TARGET_N_KINDS, FALSE);

  if (!_rd_store_begin (self, error))
    return FALSE;
  stmt = _rd_store_prepare (self,
                            "DELETE FROM evidence_links WHERE evidence_id = ?1 AND target_kind = ?2"
                            " AND target_id = ?3",
                            error);
  if (stmt == NULL)
    {
      _rd_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  _rd_store_bind_text (stmt, 2, rd_evidence_target_kind_to_string (target_kind));
  sqlite3_bind_int64 (stmt, 3, target_id);
  if (!_rd_store_step_done (self, stmt, error))
    {
      _rd_store_rollback (self);
      return FALSE;
    }
  if (!_rd_store_commit (self, error))
    return FALSE;
  rd_store_emit_changed (self, "evidence", 0);
  return TRUE;
}

/**
 * rd_store_list_evidence_links:
 *
 * Returns: (transfer full): a #GListStore of #RdEvidenceLink: what this
 *   evidence proves
 */
GListModel *
rd_store_list_evidence_links (RdStore  *self,
                              gint64    evidence_id,
                              GError  **error)
{
  g_autoptr(GListStore) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = _rd_store_prepare (self,
                            "SELECT target_kind, target_id, note FROM evidence_links"
                            " WHERE evidence_id = ?1 ORDER BY created_at, target_kind, target_id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  list = g_list_store_new (RD_TYPE_EVIDENCE_LINK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RdEvidenceTargetKind kind = rd_evidence_target_kind_from_string (_rd_store_column_text (stmt, 0));
      g_autoptr(RdEvidenceLink) link = NULL;

      if (kind == RD_EVIDENCE_TARGET_N_KINDS)
        continue;
      link = rd_evidence_link_new (evidence_id, kind, sqlite3_column_int64 (stmt, 1),
                                   _rd_store_column_text (stmt, 2));
      g_list_store_append (list, link);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rd_store_set_error (self, rc, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * rd_store_list_linked_evidence:
 *
 * Returns: (transfer full): the evidence linked to a diary entry, contact
 *   or complaint event
 */
GListModel *
rd_store_list_linked_evidence (RdStore               *self,
                               RdEvidenceTargetKind   target_kind,
                               gint64                 target_id,
                               GError               **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);
  g_return_val_if_fail (target_kind < RD_EVIDENCE_TARGET_N_KINDS, NULL);

  stmt = _rd_store_prepare (self,
                            "SELECT " RD_EVIDENCE_COLUMNS " FROM evidence e"
                            " JOIN evidence_links k ON k.evidence_id = e.id"
                            " WHERE k.target_kind = ?1 AND k.target_id = ?2"
                            RD_EVIDENCE_ORDER,
                            error);
  if (stmt == NULL)
    return NULL;
  _rd_store_bind_text (stmt, 1, rd_evidence_target_kind_to_string (target_kind));
  sqlite3_bind_int64 (stmt, 2, target_id);
  return _rd_store_list_rows (self, stmt, RD_TYPE_EVIDENCE,
                              (RdStoreRowFunc) _rd_store_evidence_from_row, error);
}
