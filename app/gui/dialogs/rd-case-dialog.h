/* rd-case-dialog.h: start a case, or change a case's details.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"
#include "rd-store-dialog.h"

G_BEGIN_DECLS

#define RD_TYPE_CASE_DIALOG (rd_case_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdCaseDialog, rd_case_dialog, RD, CASE_DIALOG, RdStoreDialog)

RdCaseDialog *rd_case_dialog_new (GtkWindow *parent,
                                  RdStore   *store,
                                  RdCase    *rcase);

G_END_DECLS
