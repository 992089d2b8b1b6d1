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

/* The archive's own format; archives up to this one are read. */
#define RD_CASE_ARCHIVE_FORMAT_VERSION 1

#define RD_CASE_ARCHIVE_SUFFIX ".redress"

GQuark    rd_case_archive_error_quark (void);

gboolean  rd_case_archive_export      (RdStore       *store,
                                       gint64         case_id,
                                       const char    *path,
                                       GCancellable  *cancellable,
                                       GError       **error);
gint64    rd_case_archive_import      (RdStore       *store,
                                       const char    *path,
                                       GCancellable  *cancellable,
                                       GError       **error);
gint64    rd_case_archive_import_full (RdStore                   *store,
                                       const char                *path,
                                       RdCaseArchiveImportFlags   flags,
                                       GCancellable              *cancellable,
                                       GError                   **error);

G_END_DECLS
