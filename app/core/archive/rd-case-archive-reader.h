/* rd-case-archive-reader.h: reading a .redress archive and parsing its case
 * document, before anything is written to a store.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exported on purpose beyond archive/: the fuzzing harness (tests/fuzz/)
 * feeds hostile bytes straight to the reader and the parser. Nothing else
 * outside archive/ should need it; rd-case-archive.h is the archive's API.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "rd-case-archive.h"
#include "rd-case-admin.h"
#include "rd-case-facts.h"
#include "rd-policy.h"

G_BEGIN_DECLS

#define RD_ARCHIVE_MANIFEST_NAME "manifest.json"
#define RD_ARCHIVE_DOCUMENT_NAME "case.json"
#define RD_ARCHIVE_EVIDENCE_PREFIX "evidence/"

/* What one archive may hold: enough for any real case, little enough that
 * a hostile file cannot make Redress exhaust memory. */
#define RD_ARCHIVE_MAX_MANIFEST  (16 * 1024 * 1024)
#define RD_ARCHIVE_MAX_DOCUMENT  (256 * 1024 * 1024)
#define RD_ARCHIVE_MAX_FILES     100000
#define RD_ARCHIVE_MAX_JSON_DEPTH 64

/* An archive whose every file was read and checked against its manifest;
 * evidence files wait in a staging folder under their hashes. */
typedef struct {
  int         format_version;
  int         schema_version;
  char       *document;       /* case.json: in memory NUL-terminated, or in @document_map */
  gsize       document_len;
  GMappedFile *document_map;  /* the staged case.json, mapped read-only; or NULL */
  char       *document_sha256; /* as the manifest gives it and it was checked; or NULL */
  char       *staging_dir;    /* NULL when nothing was staged */
  int         staging_lock;   /* held while the staged copies matter */
  GHashTable *staged;         /* sha256 → staged path */
} RdArchiveContents;

/* A hand-over's progress and cancel (rd-case-archive-progress.c). */
typedef struct {
  RdCaseArchiveProgressFunc  func;         /* (nullable) */
  gpointer                   data;
  GCancellable              *cancellable;  /* (nullable) */
  RdCaseArchivePhase         phase;
  gint64                     total;        /* units of the phase, when it counts them */
  gint64                     done;
  guint                      steps;
} RdArchiveProgress;

void      _rd_archive_progress_init      (RdArchiveProgress         *progress,
                                          RdCaseArchiveProgressFunc  func,
                                          gpointer                   data,
                                          GCancellable              *cancellable);
void      _rd_archive_progress_begin     (RdArchiveProgress         *progress,
                                          RdCaseArchivePhase         phase,
                                          gint64                     total);
gboolean  _rd_archive_progress_step      (RdArchiveProgress         *progress,
                                          double                     fraction,
                                          GError                   **error);
gboolean  _rd_archive_progress_add       (RdArchiveProgress         *progress,
                                          gint64                     n,
                                          GError                   **error);
gboolean  _rd_archive_progress_cancelled (RdArchiveProgress         *progress,
                                          GError                   **error);

void               _rd_archive_contents_free (RdArchiveContents *contents);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdArchiveContents, _rd_archive_contents_free)

RdArchiveContents *_rd_case_archive_read_file   (const char        *path,
                                                 const char        *staging_parent,
                                                 RdArchiveProgress *progress,
                                                 GError           **error);
RdArchiveContents *_rd_case_archive_read_memory (const void    *data,
                                                 gsize          length,
                                                 const char    *staging_parent,
                                                 GError       **error);

/* What the case document said beyond its records, once read. */
typedef struct {
  RdCaseAdmin *admin;
  RdPolicy    *policy;        /* the landlord's profile, or NULL */
  char        *identity;      /* the case's identity ("case_uuid") */
  gint64       case_id;       /* the new case's, or 1 when only checked */
} RdArchiveDocument;

void               _rd_archive_document_free (RdArchiveDocument *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdArchiveDocument, _rd_archive_document_free)

RdArchiveDocument *_rd_archive_document_parse   (RdArchiveContents *contents,
                                                 GDateTime         *now,
                                                 GError           **error);
RdArchiveDocument *_rd_archive_document_read    (RdArchiveContents        *contents,
                                                 RdStore                  *store,
                                                 RdCaseArchiveImportFlags  flags,
                                                 GDateTime                *now,
                                                 RdArchiveProgress        *progress,
                                                 GError                  **error);

G_END_DECLS
