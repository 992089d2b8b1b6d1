/* rd-store-ocr.c: text recognised (OCR) in evidence pages, a row per page.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Recognising a page takes seconds, so each page is written as soon as it
 * is read, with the search index in the same transaction: a recognition
 * stopped (or a crash) loses at most the page it was on, and the next run
 * starts after the pages that have a row.
 */
#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include "rd-store-evidence-private.h"
#include "rd-store-ocr.h"
#include "rd-store-private.h"

static const char * const state_names[] = { "layer", "ocr", "failed" };

void
rd_ocr_page_free (RdOcrPage *page)
{
  if (page == NULL)
    return;
  g_free (page->languages);
  g_free (page->text);
  g_free (page->words);
  g_free (page);
}

static RdOcrPageState
state_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (g_strcmp0 (text, state_names[i]) == 0)
      return i;
  return RD_OCR_PAGE_FAILED;
}

/* Rewrites the evidence's search entry, keeping its other columns, so that
 * its "ocr" column is made again from the rows. */
static gboolean
reindex (RdStore  *self,
         gint64    evidence_id,
         GError  **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *body = NULL;
  int rc;

  stmt = _rd_store_prepare (self, "SELECT name, description, body FROM evidence_text WHERE rowid = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      name = g_strdup (_rd_store_column_text (stmt, 0));
      description = g_strdup (_rd_store_column_text (stmt, 1));
      body = g_strdup (_rd_store_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _rd_store_set_error (self, rc, error);
  return _rd_store_index_evidence_text (self, evidence_id, name ? name : "",
                                        description ? description : "", body ? body : "", error);
}

/**
 * rd_store_add_ocr_page:
 *
 * Keeps what was found on one page of the evidence (replacing what an
 * earlier run found there) and makes its text searchable.
 */
gboolean
rd_store_add_ocr_page (RdStore          *self,
                       gint64            evidence_id,
                       const RdOcrPage  *page,
                       GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 case_id = 0;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);
  g_return_val_if_fail (page != NULL && page->state <= RD_OCR_PAGE_FAILED, FALSE);

  if (!_rd_store_begin (self, error))
    return FALSE;
  if (!_rd_store_lookup_id (self, "SELECT case_id FROM evidence WHERE id = ?1", evidence_id,
                            &case_id, error))
    goto fail;
  stmt = _rd_store_prepare (self,
                            "INSERT OR REPLACE INTO evidence_ocr"
                            " (evidence_id, page, state, languages, width, height, text, words)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  sqlite3_bind_int (stmt, 2, page->page);
  _rd_store_bind_text (stmt, 3, state_names[page->state]);
  _rd_store_bind_text (stmt, 4, page->languages ? page->languages : "");
  sqlite3_bind_double (stmt, 5, page->width);
  sqlite3_bind_double (stmt, 6, page->height);
  _rd_store_bind_text (stmt, 7, page->text ? page->text : "");
  _rd_store_bind_text (stmt, 8, page->words ? page->words : "");
  if (!_rd_store_step_done (self, stmt, error))
    goto fail;
  if (page->state == RD_OCR_PAGE_RECOGNISED && !reindex (self, evidence_id, error))
    goto fail;
  if (!_rd_store_commit (self, error))
    return FALSE;
  if (page->state == RD_OCR_PAGE_RECOGNISED)
    rd_store_emit_changed (self, "evidence", case_id);
  return TRUE;

fail:
  _rd_store_rollback (self);
  return FALSE;
}

/**
 * rd_store_list_ocr_pages:
 *
 * Returns: (transfer full) (element-type RdOcrPage): the evidence's pages
 *   that have a row, in page order
 */
GPtrArray *
rd_store_list_ocr_pages (RdStore  *self,
                         gint64    evidence_id,
                         GError  **error)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_ocr_page_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = _rd_store_prepare (self,
                            "SELECT page, state, languages, width, height, text, words"
                            " FROM evidence_ocr WHERE evidence_id = ?1 ORDER BY page",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RdOcrPage *page = g_new0 (RdOcrPage, 1);

      page->page = sqlite3_column_int (stmt, 0);
      page->state = state_from_string (_rd_store_column_text (stmt, 1));
      page->languages = g_strdup (_rd_store_column_text (stmt, 2));
      page->width = sqlite3_column_double (stmt, 3);
      page->height = sqlite3_column_double (stmt, 4);
      page->text = g_strdup (_rd_store_column_text (stmt, 5));
      page->words = g_strdup (_rd_store_column_text (stmt, 6));
      g_ptr_array_add (pages, page);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&pages);
}

/**
 * rd_store_dup_ocr_pages_seen:
 *
 * Returns: (transfer full): for each evidence of the case with rows, its
 *   id (a pointer to a gint64 key) to the number of its pages with a row
 *   (GINT_TO_POINTER), so a recognition knows where to resume
 */
GHashTable *
rd_store_dup_ocr_pages_seen (RdStore  *self,
                             gint64    case_id,
                             GError  **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  stmt = _rd_store_prepare (self,
                            "SELECT o.evidence_id, count (*) FROM evidence_ocr o"
                            " JOIN evidence e ON e.id = o.evidence_id"
                            " WHERE e.case_id = ?1 GROUP BY o.evidence_id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, case_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (seen, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&seen);
}
