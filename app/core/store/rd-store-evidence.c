/* rd-store-evidence.c: evidence rows: listing, search, description,
 * what a PDF told once unlocked, links, deletion and the integrity check.
 *
 * Files live in <data-dir>/evidence/<sha256>, shared by every row (in any
 * case) with that hash. A file is only ever put in place or removed while
 * the database's write lock is held, and only after checking the rows
 * that refer to it, so an import and a delete in two windows cannot leave a
 * row without its file.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include <inttypes.h>
#include <errno.h>
#include <fcntl.h>
#include "rd-gettext.h"
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rd-store-evidence-private.h"

/**
 * rd_store_dup_evidence_dir:
 *
 * Returns: (transfer full): the folder where evidence files are kept, each
 *   named by its SHA-256
 */
char *
rd_store_dup_evidence_dir (RdStore *self)
{
  return g_build_filename (rd_store_get_data_dir (self), "evidence", NULL);
}

/**
 * rd_store_dup_thumbnail_dir:
 *
 * Returns: (transfer full): the folder where thumbnails of evidence are
 *   cached; the store removes a file's thumbnails with the file
 */
char *
rd_store_dup_thumbnail_dir (RdStore *self)
{
  return g_build_filename (rd_store_get_data_dir (self), "thumbnails", NULL);
}

gboolean
_rd_evidence_is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

/**
 * rd_store_dup_evidence_path:
 *
 * Returns: (transfer full): where the file with @sha256 is kept
 */
char *
rd_store_dup_evidence_path (RdStore    *self,
                            const char *sha256)
{
  g_return_val_if_fail (RD_IS_STORE (self), NULL);
  g_return_val_if_fail (_rd_evidence_is_sha256 (sha256), NULL);

  return g_build_filename (rd_store_get_data_dir (self), "evidence", sha256, NULL);
}

RdEvidence *
_rd_store_evidence_from_row (RdStore      *self,
                             sqlite3_stmt *stmt)
{
  RdEvidence *evidence = rd_evidence_new ();
  g_autoptr(GDateTime) captured = _rd_store_column_datetime (stmt, 7);
  const char *sha256 = _rd_store_column_text (stmt, 2);

  rd_evidence_set_id (evidence, sqlite3_column_int64 (stmt, 0));
  rd_evidence_set_case_id (evidence, sqlite3_column_int64 (stmt, 1));
  rd_evidence_set_sha256 (evidence, sha256);
  if (_rd_evidence_is_sha256 (sha256))
    {
      g_autofree char *path = rd_store_dup_evidence_path (self, sha256);
      rd_evidence_set_path (evidence, path);
    }
  rd_evidence_set_size (evidence, sqlite3_column_int64 (stmt, 3));
  rd_evidence_set_content_type (evidence, _rd_store_column_text (stmt, 4));
  rd_evidence_set_kind (evidence, rd_evidence_kind_from_string (_rd_store_column_text (stmt, 5)));
  rd_evidence_set_original_name (evidence, _rd_store_column_text (stmt, 6));
  rd_evidence_set_captured_at (evidence, captured);
  rd_evidence_set_date_source (evidence,
                               rd_evidence_date_source_from_string (_rd_store_column_text (stmt, 8)));
  rd_evidence_set_description (evidence, _rd_store_column_text (stmt, 9));
  rd_evidence_set_page_count (evidence, sqlite3_column_type (stmt, 10) == SQLITE_NULL
                                          ? -1 : sqlite3_column_int (stmt, 10));
  rd_evidence_set_duration_ms (evidence, sqlite3_column_type (stmt, 11) == SQLITE_NULL
                                           ? -1 : sqlite3_column_int64 (stmt, 11));
  rd_evidence_set_orientation (evidence, sqlite3_column_int (stmt, 12));
  rd_evidence_set_title (evidence, _rd_store_column_text (stmt, 13));
  rd_evidence_set_author (evidence, _rd_store_column_text (stmt, 14));
  rd_evidence_set_recipients (evidence, _rd_store_column_text (stmt, 15));
  rd_evidence_set_problem (evidence, _rd_store_column_text (stmt, 16));
  rd_evidence_set_needs_password (evidence, sqlite3_column_int (stmt, 17) != 0);
  rd_evidence_set_parent_id (evidence, sqlite3_column_int64 (stmt, 18));
  rd_evidence_set_imported_at (evidence, sqlite3_column_int64 (stmt, 19));
  rd_evidence_set_n_links (evidence, sqlite3_column_int (stmt, 20));
  rd_evidence_set_exhibit_number (evidence, sqlite3_column_int64 (stmt, 21));
  return evidence;
}

/**
 * rd_store_list_evidence:
 *
 * Returns: (transfer full): a #GListStore of #RdEvidence of the case, oldest
 *   capture first (undated last)
 */
GListModel *
rd_store_list_evidence (RdStore  *self,
                        gint64    case_id,
                        GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  return _rd_store_list_rows_with (self,
                                   "SELECT " RD_EVIDENCE_COLUMNS " FROM evidence e WHERE e.case_id = ?1"
                                   RD_EVIDENCE_ORDER,
                                   case_id, RD_TYPE_EVIDENCE,
                                   (RdStoreRowFunc) _rd_store_evidence_from_row, error);
}

RdEvidence *
rd_store_get_evidence (RdStore  *self,
                       gint64    evidence_id,
                       GError  **error)
{
  RdEvidence *evidence = NULL;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  if (!_rd_store_get_row (self, "SELECT " RD_EVIDENCE_COLUMNS " FROM evidence e WHERE e.id = ?1",
                          evidence_id, (RdStoreRowFunc) _rd_store_evidence_from_row,
                          (gpointer *) &evidence, error))
    return NULL;
  if (evidence == NULL)
    g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND,
                 _("There is no evidence number %" PRId64 "."), evidence_id);
  return evidence;
}

/**
 * rd_store_dup_evidence_text:
 *
 * Returns: (transfer full): the text read from the evidence (a PDF's pages,
 *   an email's headers and body), "" when there is none
 */
char *
rd_store_dup_evidence_text (RdStore  *self,
                            gint64    evidence_id,
                            GError  **error)
{
  sqlite3_stmt *stmt;
  char *text = NULL;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = _rd_store_prepare (self, "SELECT body FROM evidence_text WHERE rowid = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    text = g_strdup (_rd_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return g_strdup ("");
  if (rc != SQLITE_ROW)
    _rd_store_set_error (self, rc, error);
  return text;
}

/* Inside a transaction: (re)writes the search index entry. Its "ocr"
 * column is always made again from the recognised pages' rows
 * (rd-store-ocr.c), so whoever rewrites the entry keeps the words found in
 * scans. */
gboolean
_rd_store_index_evidence_text (RdStore     *self,
                               gint64       evidence_id,
                               const char  *name,
                               const char  *description,
                               const char  *body,
                               GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _rd_store_prepare (self, "DELETE FROM evidence_text WHERE rowid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  if (!_rd_store_step_done (self, stmt, error))
    return FALSE;

  stmt = _rd_store_prepare (self,
                            "INSERT INTO evidence_text (rowid, name, description, body, ocr)"
                            " VALUES (?1, ?2, ?3, ?4,"
                            "  coalesce ((SELECT group_concat (text, char (10)) FROM"
                            "    (SELECT text FROM evidence_ocr WHERE evidence_id = ?1"
                            "     AND state = 'ocr' ORDER BY page)), ''))",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  _rd_store_bind_text (stmt, 2, name);
  _rd_store_bind_text (stmt, 3, description);
  _rd_store_bind_text (stmt, 4, body);
  return _rd_store_step_done (self, stmt, error);
}

gboolean
rd_store_set_evidence_description (RdStore     *self,
                                   gint64       evidence_id,
                                   const char  *description,
                                   GError     **error)
{
  g_autoptr(RdEvidence) evidence = NULL;
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  if (!_rd_store_begin (self, error))
    return FALSE;
  evidence = rd_store_get_evidence (self, evidence_id, error);
  if (evidence == NULL)
    goto fail;
  body = rd_store_dup_evidence_text (self, evidence_id, error);
  if (body == NULL)
    goto fail;

  stmt = _rd_store_prepare (self, "UPDATE evidence SET description = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    goto fail;
  _rd_store_bind_text (stmt, 1, description);
  sqlite3_bind_int64 (stmt, 2, evidence_id);
  if (!_rd_store_step_done (self, stmt, error))
    goto fail;

  name = g_strdup_printf ("%s %s", rd_evidence_get_original_name (evidence),
                          rd_evidence_get_title (evidence));
  if (!_rd_store_index_evidence_text (self, evidence_id, name, description, body, error))
    goto fail;
  if (!_rd_store_commit (self, error))
    return FALSE;
  rd_store_emit_changed (self, "evidence", rd_evidence_get_case_id (evidence));
  return TRUE;

fail:
  _rd_store_rollback (self);
  return FALSE;
}

/**
 * rd_store_set_evidence_unlocked:
 * @page_count: the pages the PDF has, read with its password
 * @problem: (nullable): what is still wrong with the file
 * @pdf_date: (nullable): the date the PDF gives itself, which then replaces
 *   the date the evidence had
 * @text: (nullable): the PDF's text, for search
 *
 * Stores what was read from a password-protected PDF once its password
 * opened it. The password itself is never stored.
 */
gboolean
rd_store_set_evidence_unlocked (RdStore     *self,
                                RdEvidence  *evidence,
                                int          page_count,
                                const char  *problem,
                                const char  *title,
                                const char  *author,
                                GDateTime   *pdf_date,
                                const char  *text,
                                GError     **error)
{
  g_autofree char *name = NULL;
  gint64 evidence_id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (RD_IS_EVIDENCE (evidence), FALSE);

  evidence_id = rd_evidence_get_id (evidence);
  if (!_rd_store_begin (self, error))
    return FALSE;
  stmt = _rd_store_prepare (self,
                            "UPDATE evidence SET page_count = ?1, problem = ?2, needs_password = 0,"
                            " title = ?3, author = ?4,"
                            " captured_at = CASE WHEN ?5 IS NULL THEN captured_at ELSE ?5 END,"
                            " date_source = CASE WHEN ?5 IS NULL THEN date_source ELSE 'pdf' END"
                            " WHERE id = ?6",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, page_count);
  _rd_store_bind_text (stmt, 2, problem);
  _rd_store_bind_text (stmt, 3, title);
  _rd_store_bind_text (stmt, 4, author);
  _rd_store_bind_datetime (stmt, 5, pdf_date);
  sqlite3_bind_int64 (stmt, 6, evidence_id);
  if (!_rd_store_step_done (self, stmt, error))
    goto fail;
  name = g_strdup_printf ("%s %s", rd_evidence_get_original_name (evidence), title);
  if (!_rd_store_index_evidence_text (self, evidence_id, name,
                                      rd_evidence_get_description (evidence), text, error))
    goto fail;
  if (!_rd_store_commit (self, error))
    return FALSE;
  rd_store_emit_changed (self, "evidence", rd_evidence_get_case_id (evidence));
  return TRUE;

fail:
  _rd_store_rollback (self);
  return FALSE;
}

/**
 * rd_store_find_evidence:
 *
 * Returns: the id of the case's evidence that is the file with @sha256, 0
 *   when the case does not hold it, or -1 with @error set
 */
gint64
rd_store_find_evidence (RdStore     *self,
                        gint64       case_id,
                        const char  *sha256,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), -1);

  stmt = _rd_store_prepare (self, "SELECT id FROM evidence WHERE case_id = ?1 AND sha256 = ?2", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, case_id);
  _rd_store_bind_text (stmt, 2, sha256);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _rd_store_set_error (self, rc, error);
      return -1;
    }
  return id;
}

/**
 * rd_store_add_evidence:
 * @evidence: a new evidence of a file already in the evidence folder; a
 *   page count or duration below 0 is unknown, a parent id of 0 none, an
 *   import time of 0 now
 * @text: (nullable): the file's text, for search
 *
 * Records the evidence and sets its id (and import time). Call it inside
 * rd_store_begin() with the move of the file, so both happen or neither.
 */
gboolean
rd_store_add_evidence (RdStore     *self,
                       RdEvidence  *evidence,
                       const char  *text,
                       GError     **error)
{
  g_autofree char *index_name = NULL;
  sqlite3_stmt *stmt;
  gint64 imported_at;
  gint64 id;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (RD_IS_EVIDENCE (evidence), FALSE);

  imported_at = rd_evidence_get_imported_at (evidence);
  if (imported_at <= 0)
    imported_at = _rd_store_now (self);

  stmt = _rd_store_prepare (self,
                            "INSERT INTO evidence (case_id, sha256, size, content_type, kind,"
                            " original_name, captured_at, date_source, description, page_count,"
                            " duration_ms, orientation, title, author, recipients, problem,"
                            " needs_password, parent_id, imported_at)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                            " ?15, ?16, ?17, ?18, ?19)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rd_evidence_get_case_id (evidence));
  _rd_store_bind_text (stmt, 2, rd_evidence_get_sha256 (evidence));
  sqlite3_bind_int64 (stmt, 3, rd_evidence_get_size (evidence));
  _rd_store_bind_text (stmt, 4, rd_evidence_get_content_type (evidence));
  _rd_store_bind_text (stmt, 5, rd_evidence_kind_to_string (rd_evidence_get_kind (evidence)));
  _rd_store_bind_text (stmt, 6, rd_evidence_get_original_name (evidence));
  _rd_store_bind_datetime (stmt, 7, rd_evidence_get_captured_at (evidence));
  _rd_store_bind_text (stmt, 8,
                       rd_evidence_date_source_to_string (rd_evidence_get_date_source (evidence)));
  _rd_store_bind_text (stmt, 9, rd_evidence_get_description (evidence));
  if (rd_evidence_get_page_count (evidence) >= 0)
    sqlite3_bind_int (stmt, 10, rd_evidence_get_page_count (evidence));
  else
    sqlite3_bind_null (stmt, 10);
  if (rd_evidence_get_duration_ms (evidence) >= 0)
    sqlite3_bind_int64 (stmt, 11, rd_evidence_get_duration_ms (evidence));
  else
    sqlite3_bind_null (stmt, 11);
  sqlite3_bind_int (stmt, 12, rd_evidence_get_orientation (evidence));
  _rd_store_bind_text (stmt, 13, rd_evidence_get_title (evidence));
  _rd_store_bind_text (stmt, 14, rd_evidence_get_author (evidence));
  _rd_store_bind_text (stmt, 15, rd_evidence_get_recipients (evidence));
  _rd_store_bind_text (stmt, 16, rd_evidence_get_problem (evidence));
  sqlite3_bind_int (stmt, 17, rd_evidence_get_needs_password (evidence) ? 1 : 0);
  if (rd_evidence_get_parent_id (evidence) > 0)
    sqlite3_bind_int64 (stmt, 18, rd_evidence_get_parent_id (evidence));
  else
    sqlite3_bind_null (stmt, 18);
  sqlite3_bind_int64 (stmt, 19, imported_at);
  if (!_rd_store_step_done (self, stmt, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (_rd_store_get_db (self));

  index_name = g_strdup_printf ("%s %s", rd_evidence_get_original_name (evidence),
                                rd_evidence_get_title (evidence));
  if (!_rd_store_index_evidence_text (self, id, index_name,
                                      rd_evidence_get_description (evidence), text, error))
    return FALSE;

  rd_evidence_set_id (evidence, id);
  rd_evidence_set_imported_at (evidence, imported_at);
  return TRUE;
}

void
_rd_store_remove_thumbnails (RdStore    *self,
                             const char *sha256)
{
  g_autofree char *dir_path = rd_store_dup_thumbnail_dir (self);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, sha256))
      {
        g_autofree char *path = g_build_filename (dir_path, name, NULL);
        g_unlink (path);
      }
}

/**
 * rd_store_delete_evidence:
 *
 * Removes the evidence and its links. The stored file goes too, unless
 * other evidence (in this or another case) is the same file. An email's
 * attachments stay, as evidence of their own.
 */
gboolean
rd_store_delete_evidence (RdStore  *self,
                          gint64    evidence_id,
                          GError  **error)
{
  g_autoptr(RdEvidence) evidence = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  evidence = rd_store_get_evidence (self, evidence_id, error);
  if (evidence == NULL)
    return FALSE;

  if (!_rd_store_begin (self, error))
    return FALSE;
  stmt = _rd_store_prepare (self, "DELETE FROM evidence WHERE id = ?1", error);
  if (stmt == NULL || (sqlite3_bind_int64 (stmt, 1, evidence_id), !_rd_store_step_done (self, stmt, error)) ||
      !_rd_store_intend_remove (self, rd_evidence_get_sha256 (evidence), error))
    {
      _rd_store_rollback (self);
      return FALSE;
    }
  /* The file goes after the commit, unless other evidence is the same
   * file (rd-store-intents.c). */
  if (!_rd_store_commit (self, error))
    return FALSE;
  rd_store_emit_changed (self, "evidence", rd_evidence_get_case_id (evidence));
  return TRUE;
}

/**
 * rd_store_search_evidence:
 * @query: words to look for in names, descriptions, and the text of PDFs
 *   and emails
 *
 * Returns: (transfer full): the matching evidence of the case, in the
 *   order of rd_store_list_evidence(); all of it when @query has no words
 */
GListModel *
rd_store_search_evidence (RdStore     *self,
                          gint64       case_id,
                          const char  *query,
                          GError     **error)
{
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  match = _rd_store_build_match (query);
  if (*match == '\0')
    return rd_store_list_evidence (self, case_id, error);

  stmt = _rd_store_prepare (self,
                            "SELECT " RD_EVIDENCE_COLUMNS " FROM evidence e WHERE e.case_id = ?1"
                            " AND e.id IN (SELECT rowid FROM evidence_text WHERE evidence_text MATCH ?2)"
                            RD_EVIDENCE_ORDER,
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  _rd_store_bind_text (stmt, 2, match);
  return _rd_store_list_rows (self, stmt, RD_TYPE_EVIDENCE,
                              (RdStoreRowFunc) _rd_store_evidence_from_row, error);
}
