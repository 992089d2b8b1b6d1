/* rd-case-archive.h: handing a case over: one .redress file with the case,
 * its history, its adviser record and its evidence files, checked in full
 * on import.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rd-types.h"

G_BEGIN_DECLS

#define RD_CASE_ARCHIVE_ERROR (rd_case_archive_error_quark ())

typedef enum {
  RD_CASE_ARCHIVE_ERROR_EMPTY,     /* a zero-byte file */
  RD_CASE_ARCHIVE_ERROR_DAMAGED,   /* not an archive, cut short, or unreadable */
  RD_CASE_ARCHIVE_ERROR_TAMPERED,  /* a file does not match the manifest */
  RD_CASE_ARCHIVE_ERROR_NEWER,     /* written by a newer Redress */
  RD_CASE_ARCHIVE_ERROR_INVALID,   /* well formed, but its content is wrong */
  RD_CASE_ARCHIVE_ERROR_IO,        /* reading or writing files failed */
  RD_CASE_ARCHIVE_ERROR_DUPLICATE, /* the case is here already */
} RdCaseArchiveError;

typedef enum {
  RD_CASE_ARCHIVE_IMPORT_AS_COPY = 1 << 0,  /* take in a case that is here already, as a copy */
} RdCaseArchiveImportFlags;

/* What a hand-over is doing, in the order it does it. Every phase checks
 * its cancellable often enough to stop within a fraction of a second at
 * 100,000 diary entries, and a stopped hand-over leaves nothing behind. */
typedef enum {
  /* export */
  RD_CASE_ARCHIVE_PHASE_WRITE_CASE,       /* the case document, from the store */
  RD_CASE_ARCHIVE_PHASE_PACK_CASE,        /* its checksum, and copying it into the archive */
  RD_CASE_ARCHIVE_PHASE_PACK_FILES,       /* the evidence files, each checked */
  /* import */
  RD_CASE_ARCHIVE_PHASE_READ_ARCHIVE,     /* every file read and checked against the manifest */
  RD_CASE_ARCHIVE_PHASE_READ_CASE,        /* the case: its diary, contacts and complaints */
  RD_CASE_ARCHIVE_PHASE_READ_REVISIONS,   /* the earlier versions of the diary entries */
  RD_CASE_ARCHIVE_PHASE_READ_EVIDENCE,    /* the evidence records and their links */
  RD_CASE_ARCHIVE_PHASE_READ_TIMES,       /* when each record was written and changed */
  RD_CASE_ARCHIVE_N_PHASES
} RdCaseArchivePhase;

/* Called on the hand-over's own thread, at the start of each phase and
 * as it goes (@fraction of the phase, 0 to 1). */
typedef void (*RdCaseArchiveProgressFunc) (RdCaseArchivePhase  phase,
                                           double              fraction,
                                           gpointer            user_data);

/* The archive's own format; archives up to this one are read. */
#define RD_CASE_ARCHIVE_FORMAT_VERSION 1

#define RD_CASE_ARCHIVE_SUFFIX ".redress"

GQuark    rd_case_archive_error_quark (void);

gboolean  rd_case_archive_export      (RdStore       *store,
                                       gint64         case_id,
                                       const char    *path,
                                       GCancellable  *cancellable,
                                       GError       **error);
gboolean  rd_case_archive_export_full (RdStore                   *store,
                                       gint64                     case_id,
                                       const char                *path,
                                       RdCaseArchiveProgressFunc  progress,
                                       gpointer                   progress_data,
                                       GCancellable              *cancellable,
                                       GError                   **error);
gint64    rd_case_archive_import      (RdStore       *store,
                                       const char    *path,
                                       GCancellable  *cancellable,
                                       GError       **error);
gint64    rd_case_archive_import_full (RdStore                   *store,
                                       const char                *path,
                                       RdCaseArchiveImportFlags   flags,
                                       RdCaseArchiveProgressFunc  progress,
                                       gpointer                   progress_data,
                                       GCancellable              *cancellable,
                                       GError                   **error);

G_END_DECLS
