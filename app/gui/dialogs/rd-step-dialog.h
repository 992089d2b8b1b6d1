/* rd-step-dialog.h: records or changes one step of a complaint, with its date and proof.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"
#include "rd-store-dialog.h"

G_BEGIN_DECLS

#define RD_TYPE_STEP_DIALOG (rd_step_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdStepDialog, rd_step_dialog, RD, STEP_DIALOG, RdStoreDialog)

RdStepDialog     *rd_step_dialog_new       (GtkWindow        *parent,
                                            RdStore          *store,
                                            RdComplaint      *complaint,
                                            RdComplaintEvent *event);
RdComplaintEvent *rd_step_dialog_get_event (RdStepDialog     *self);
gboolean          rd_step_dialog_save      (RdStepDialog     *self,
                                            GError          **error);

G_END_DECLS
