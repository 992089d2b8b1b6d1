/* rd-deadlines-dialog.h: every deadline of one of What Next's groups, however many, in a list of its own.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-store-dialog.h"

G_BEGIN_DECLS

#define RD_TYPE_DEADLINES_DIALOG (rd_deadlines_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdDeadlinesDialog, rd_deadlines_dialog, RD, DEADLINES_DIALOG, RdStoreDialog)

RdDeadlinesDialog *rd_deadlines_dialog_new           (GtkWindow         *parent,
                                                      RdStore           *store,
                                                      RdCase            *rcase,
                                                      RdDashboardGroup   group);
void               rd_deadlines_dialog_set_dashboard (RdDeadlinesDialog *self,
                                                      RdDashboard       *dashboard);
RdDashboardGroup   rd_deadlines_dialog_get_group     (RdDeadlinesDialog *self);
GListModel        *rd_deadlines_dialog_get_items     (RdDeadlinesDialog *self);
GtkListView       *rd_deadlines_dialog_get_list_view (RdDeadlinesDialog *self);

G_END_DECLS
