/* rd-export-dialog.h: the export assistant: choose what goes in, make the bundle, preview and print it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"
#include "rd-store-dialog.h"

G_BEGIN_DECLS

#define RD_TYPE_EXPORT_DIALOG (rd_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdExportDialog, rd_export_dialog, RD, EXPORT_DIALOG, RdStoreDialog)

RdExportDialog *rd_export_dialog_new         (GtkWindow      *parent,
                                              RdStore        *store,
                                              RdCase         *rcase);
GListModel     *rd_export_dialog_get_exhibits (RdExportDialog *self);
void            rd_export_dialog_set_included (RdExportDialog *self,
                                              guint           position,
                                              gboolean        included);
void            rd_export_dialog_move        (RdExportDialog *self,
                                              guint           position,
                                              int             delta);
void            rd_export_dialog_export_to   (RdExportDialog *self,
                                              const char     *path);
const char     *rd_export_dialog_get_state   (RdExportDialog *self);
const char     *rd_export_dialog_get_error   (RdExportDialog *self);

GPtrArray      *rd_export_dialog_dup_locked   (RdExportDialog *self);
GArray         *rd_export_dialog_dup_unchecked (RdExportDialog *self);
void            rd_export_dialog_set_password (RdExportDialog *self,
                                               gint64          evidence_id,
                                               const char     *password);
typedef enum {
  RD_CHRONOLOGY_FILE_ODT,
  RD_CHRONOLOGY_FILE_CSV,
} RdChronologyFileKind;

void            rd_export_dialog_save_chronology (RdExportDialog       *self,
                                                  RdChronologyFileKind  kind,
                                                  const char           *path);
gboolean        rd_export_dialog_get_saving_chronology (RdExportDialog *self);

G_END_DECLS
