/* rd-store-erase.c: erasing a client so that nothing of them is left in
 * the database file, its write-ahead log, or the evidence folder.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include <inttypes.h>
#include <errno.h>
#include <fcntl.h>
#include "rd-gettext.h"
#include <glib/gstdio.h>
#include <unistd.h>

#include "rd-store-advisers.h"
#include "rd-staging.h"
#include "rd-store-evidence-private.h"

/**
 * rd_store_summarise_case:
 *
 * Counts what erasing the case would remove, so that the confirmation can
 * name it.
 */
gboolean
rd_store_summarise_case (RdStore         *self,
                         gint64           case_id,
                         RdEraseSummary  *summary,
                         GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  stmt = _rd_store_prepare (self,
                            "SELECT"
                            " (SELECT count(*) FROM incidents WHERE case_id = ?1),"
                            " (SELECT count(*) FROM incident_revisions r"
                            "   JOIN incidents i ON i.id = r.incident_id WHERE i.case_id = ?1),"
                            " (SELECT count(*) FROM parties WHERE case_id = ?1),"
                            " (SELECT count(*) FROM contacts WHERE case_id = ?1),"
                            " (SELECT count(*) FROM complaints WHERE case_id = ?1),"
                            " (SELECT count(*) FROM evidence WHERE case_id = ?1),"
                            " (SELECT count(DISTINCT e.sha256) FROM evidence e WHERE e.case_id = ?1"
                            "   AND NOT EXISTS (SELECT 1 FROM evidence o"
                            "                   WHERE o.sha256 = e.sha256 AND o.case_id != ?1))"
                            " FROM cases WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      summary->incidents = sqlite3_column_int (stmt, 0);
      summary->revisions = sqlite3_column_int (stmt, 1);
      summary->parties = sqlite3_column_int (stmt, 2);
      summary->contacts = sqlite3_column_int (stmt, 3);
      summary->complaints = sqlite3_column_int (stmt, 4);
      summary->evidence = sqlite3_column_int (stmt, 5);
      summary->evidence_files = sqlite3_column_int (stmt, 6);
    }
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
 * rd_erase_summary_describe:
 *
 * Returns: (transfer full): one sentence naming what will go, e.g. "12
 *   diary entries (with 30 earlier versions), 4 contacts, 2 complaints and
 *   7 evidence files"
 */
char *
rd_erase_summary_describe (const RdEraseSummary *s)
{
  g_autofree char *entries = NULL;
  g_autofree char *contacts = NULL;
  g_autofree char *parties = NULL;
  g_autofree char *complaints = NULL;
  g_autofree char *files = NULL;

  g_return_val_if_fail (s != NULL, NULL);

  if (s->revisions > 0)
    {
      g_autofree char *versions = g_strdup_printf (rd_ngettext ("with %u earlier version",
                                                                "with %u earlier versions",
                                                                s->revisions),
                                                   s->revisions);

      /* TRANSLATORS: "3 diary entries (with 1 earlier version)": %u is the
       * number of entries, %s the earlier versions, counted in their own
       * message */
      entries = g_strdup_printf (rd_ngettext ("%u diary entry (%s)", "%u diary entries (%s)",
                                              s->incidents),
                                 s->incidents, versions);
    }
  else
    entries = g_strdup_printf (rd_ngettext ("%u diary entry", "%u diary entries", s->incidents),
                               s->incidents);
  contacts = g_strdup_printf (rd_ngettext ("%u contact", "%u contacts", s->contacts), s->contacts);
  parties = g_strdup_printf (rd_ngettext ("%u person or organisation",
                                          "%u people and organisations", s->parties),
                             s->parties);
  complaints = g_strdup_printf (rd_ngettext ("%u complaint", "%u complaints", s->complaints),
                                s->complaints);
  files = g_strdup_printf (rd_ngettext ("%u evidence file", "%u evidence files", s->evidence_files),
                           s->evidence_files);
  /* TRANSLATORS: the list of what erasing a case removes, always these
   * five: %1$s the diary entries, %2$s the contacts, %3$s the people and
   * organisations, %4$s the complaints, %5$s the evidence files, each
   * already counted ("4 contacts"). Join them as your language lists
   * things, in any order. */
  return g_strdup_printf (C_("erase summary", "%1$s, %2$s, %3$s, %4$s and %5$s"),
                          entries, contacts, parties, complaints, files);
}

static gboolean
exec_sql (RdStore     *self,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (_rd_store_get_db (self), sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _rd_store_set_error (self, rc, error);
  return TRUE;
}

/*
 * After the erase has committed: an error here must not say that nothing
 * was saved, because the case is gone.
 */
static gboolean
compact (RdStore  *self,
         GError  **error)
{
  g_autoptr(GError) local_error = NULL;

  if (exec_sql (self, "VACUUM", &local_error))
    return TRUE;
  if (g_error_matches (local_error, RD_STORE_ERROR, RD_STORE_ERROR_DISK_FULL))
    g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_DISK_FULL,
                         _("The case and its evidence files were erased. The disk is too "
                           "full for Redress to also rewrite the case file, so some erased "
                           "text may stay in its unused space until the next erase with "
                           "enough free space. Free some space."));
  else
    g_set_error (error, local_error->domain, local_error->code,
                 _("The case and its evidence files were erased, but Redress could not "
                   "rewrite the case file without the erased text: %s"),
                 local_error->message);
  return FALSE;
}

/*
 * Copies everything the write-ahead log holds into the database file and
 * empties the log. Another connection that is reading at that moment holds
 * the log back, so try a few times.
 */
static gboolean
checkpoint_truncate (RdStore  *self,
                     GError  **error)
{
  for (guint attempt = 0; attempt < 20; attempt++)
    {
      int log_frames = -1, done_frames = -1;
      int rc = sqlite3_wal_checkpoint_v2 (_rd_store_get_db (self), NULL,
                                          SQLITE_CHECKPOINT_TRUNCATE, &log_frames, &done_frames);

      if (rc == SQLITE_OK && log_frames == 0)
        return TRUE;
      if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_BUSY)
        return _rd_store_set_error (self, rc, error);
      g_usleep (100 * 1000);
    }
  g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_BUSY,
                       _("The case was erased, but another Redress window or program is "
                         "still reading the case file, so traces may remain until it is "
                         "closed. Close it and erase again, or restart Redress."));
  return FALSE;
}

/**
 * rd_store_erase_case:
 *
 * Removes the case with everything that belongs to it (diary and its
 * earlier versions, parties, contacts, complaints, adviser facts, evidence
 * records, their search text) and the evidence files no other case holds.
 * Then it rebuilds the search index, the database file (VACUUM) and
 * empties the write-ahead log, so that none of the case's text remains in
 * either file. Deleted rows are zeroed as they go (secure_delete is on).
 * Takes a while on a large store; call it from a worker with its own
 * connection in the GUI. Not inside another write.
 */
gboolean
rd_store_erase_case (RdStore  *self,
                     gint64    case_id,
                     GError  **error)
{
  RdEraseSummary summary;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (sqlite3_get_autocommit (_rd_store_get_db (self)), FALSE);

  if (!rd_store_summarise_case (self, case_id, &summary, error))
    return FALSE;

  if (!_rd_store_begin (self, error))
    return FALSE;
  /* The files are overwritten and removed after the commit, by this
   * process or, if it is killed first, by the next open
   * (rd-store-intents.c): never a case gone with its letters left. */
  if (!_rd_store_intend_remove_case_files (self, case_id, TRUE, error))
    goto fail;
  stmt = _rd_store_prepare (self, "DELETE FROM cases WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, case_id);
  if (!_rd_store_step_done (self, stmt, error) ||
      !_rd_store_forget_last_case (self, case_id, error))
    goto fail;
  /* FTS5 marks deleted rows in new index segments and keeps the old ones
   * (with the words) until they merge: merge them all now. */
  if (!exec_sql (self, "INSERT INTO evidence_text (evidence_text) VALUES ('optimize')", error) ||
      !exec_sql (self, "INSERT INTO incident_text (incident_text) VALUES ('optimize')", error) ||
      !exec_sql (self, "INSERT INTO contact_text (contact_text) VALUES ('optimize')", error))
    goto fail;
  rd_kill_point ("erase-before-commit");
  if (!_rd_store_commit (self, error))
    return FALSE;

  rd_store_emit_changed (self, "cases", case_id);
  rd_store_emit_changed (self, "evidence", case_id);

  /* VACUUM writes a fresh copy of the database without the free pages;
   * the checkpoint moves it from the log into the file and empties the
   * log, which still held the pages as they were before. */
  rd_kill_point ("erase-before-vacuum");
  if (!compact (self, error))
    return FALSE;
  return checkpoint_truncate (self, error);

fail:
  _rd_store_rollback (self);
  return FALSE;
}
