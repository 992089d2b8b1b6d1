/* rd-case-archive-import.c: taking a checked case archive into the store in
 * one write, a record at a time (rd-case-archive-stream.c), and its evidence
 * files into the evidence folder only once that write is committed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-archive"

#include "config.h"

#include "rd-case-archive-private.h"
#include "rd-case-json.h"
#include "rd-store-advisers.h"
#include "rd-store-archive.h"
#include "rd-store-evidence.h"
#include "rd-store-policies.h"
#include "rd-staging.h"

/* Each staged file takes its hash as its name in the evidence folder once
 * the write commits (rd-store-intents.c): the case is there whole, or not
 * at all, even if Redress is killed in between. */
static gboolean
intend_places (RdStore            *store,
               RdArchiveContents  *contents,
               RdArchiveProgress  *progress,
               GError            **error)
{
  GHashTableIter iter;
  const char *sha256, *staged;

  g_hash_table_iter_init (&iter, contents->staged);
  while (g_hash_table_iter_next (&iter, (gpointer *) &sha256, (gpointer *) &staged))
    if (_rd_archive_progress_cancelled (progress, error) ||
        !rd_store_intend_place (store, sha256, staged, error))
      return FALSE;
  return TRUE;
}

/**
 * rd_case_archive_import:
 *
 * rd_case_archive_import_full() with no flags: a case that is here already
 * is refused.
 *
 * Returns: the new case's id, or 0 with @error set
 */
gint64
rd_case_archive_import (RdStore       *store,
                        const char    *path,
                        GCancellable  *cancellable,
                        GError       **error)
{
  return rd_case_archive_import_full (store, path, 0, NULL, NULL, cancellable, error);
}

/**
 * rd_case_archive_import_full:
 * @flags: %RD_CASE_ARCHIVE_IMPORT_AS_COPY to take in a case that is here
 *   already, as a second, separate case
 * @progress: (nullable): told each phase as it begins and how far it has got
 * @cancellable: (nullable): stops the import in any phase until the case is
 *   committed, leaving the store, the evidence folder and the staging
 *   folder as they were
 *
 * Reads the archive at @path, checks every file against its manifest and
 * the whole case document, and only then creates a new case from it in one
 * write; its evidence files are put in place after that write commits. An
 * empty, damaged, cut short, changed or newer archive is refused with a
 * message saying which, and leaves the store and the evidence folder as
 * they were; so is a case that is here already (the same hand-over taken
 * in twice), unless @flags asks for a copy. Call from a worker thread with its own connection in the GUI.
 *
 * Returns: the new case's id, or 0 with @error set
 */
gint64
rd_case_archive_import_full (RdStore                   *store,
                             const char                *path,
                             RdCaseArchiveImportFlags   flags,
                             RdCaseArchiveProgressFunc  progress_func,
                             gpointer                   progress_data,
                             GCancellable              *cancellable,
                             GError                   **error)
{
  g_autofree char *evidence_dir = NULL;
  g_autoptr(RdArchiveContents) contents = NULL;
  g_autoptr(RdArchiveDocument) doc = NULL;
  g_autoptr(GDateTime) now = NULL;
  RdArchiveProgress progress;

  g_return_val_if_fail (RD_IS_STORE (store), 0);
  g_return_val_if_fail (path != NULL, 0);

  _rd_archive_progress_init (&progress, progress_func, progress_data, cancellable);
  evidence_dir = rd_store_dup_evidence_dir (store);
  contents = _rd_case_archive_read_file (path, evidence_dir, &progress, error);
  if (contents == NULL)
    return 0;
  /* The staged copies' names must be on the disk before any row says
   * they will be placed. */
  if (contents->staging_dir != NULL && !rd_sync_dir (contents->staging_dir, error))
    return 0;

  /* The case goes into the store in one write, or not at all: each record
   * is written as soon as it is read and checked, and the first fault
   * undoes them all. */
  now = rd_clock_dup_now (rd_store_get_clock (store));
  if (!rd_store_begin (store, error))
    return 0;
  doc = _rd_archive_document_read (contents, store, flags, now, &progress, error);
  if (doc == NULL || _rd_archive_progress_cancelled (&progress, error) ||
      !intend_places (store, contents, &progress, error))
    {
      rd_store_rollback (store);
      return 0;
    }
  rd_kill_point ("import-case-before-commit");
  if (!rd_store_commit (store, error))
    return 0;
  /* The staged copies belong to the intents now. */
  g_hash_table_remove_all (contents->staged);

  rd_store_emit_changed (store, "cases", doc->case_id);
  rd_store_emit_changed (store, "evidence", doc->case_id);
  return doc->case_id;
}
