/* rd-history-dialog.h: every stored version of one diary entry.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"

G_BEGIN_DECLS

#define RD_TYPE_HISTORY_DIALOG (rd_history_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdHistoryDialog, rd_history_dialog, RD, HISTORY_DIALOG, AdwWindow)

RdHistoryDialog *rd_history_dialog_new          (GtkWindow       *parent,
                                                 RdStore         *store,
                                                 RdIncident      *incident);
GListModel      *rd_history_dialog_get_versions (RdHistoryDialog *self);

G_END_DECLS
