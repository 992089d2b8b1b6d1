/* rd-evidence-importer.h: importing files (and checking evidence) off the
 * main thread, with progress and cancel.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

#include "rd-evidence.h"
#include "rd-evidence-preview.h"
#include "rd-progress.h"
#include "rd-store.h"

G_BEGIN_DECLS

void       rd_evidence_import_files_async  (RdStore              *store,
                                            gint64                case_id,
                                            GFile               **files,
                                            guint                 n_files,
                                            RdProgress           *progress,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GPtrArray *rd_evidence_import_files_finish (GAsyncResult         *result,
                                            GPtrArray           **failures,
                                            GPtrArray           **added,
                                            GError              **error);
void       rd_evidence_verify_files_async  (RdStore              *store,
                                            gint64                case_id,
                                            RdProgress           *progress,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GPtrArray *rd_evidence_verify_files_finish (GAsyncResult         *result,
                                            GError              **error);

/* The same for one case, with a progress of its own to bind a view to. */

#define RD_TYPE_EVIDENCE_IMPORTER (rd_evidence_importer_get_type ())
G_DECLARE_FINAL_TYPE (RdEvidenceImporter, rd_evidence_importer, RD, EVIDENCE_IMPORTER, GObject)

RdEvidenceImporter *rd_evidence_importer_new          (RdStore              *store,
                                                       gint64                case_id);
double              rd_evidence_importer_get_fraction (RdEvidenceImporter   *self);
const char         *rd_evidence_importer_get_message  (RdEvidenceImporter   *self);

void                rd_evidence_importer_import_async (RdEvidenceImporter   *self,
                                                       GFile               **files,
                                                       guint                 n_files,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
GPtrArray          *rd_evidence_importer_import_finish (RdEvidenceImporter  *self,
                                                        GAsyncResult        *result,
                                                        GPtrArray          **failures,
                                                        GError             **error);

void                rd_evidence_importer_verify_async (RdEvidenceImporter   *self,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
GPtrArray          *rd_evidence_importer_verify_finish (RdEvidenceImporter  *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

G_END_DECLS
