/* rd-policy-dialog.h: choose and edit the landlord's own policy profile a case follows.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"
#include "rd-store-dialog.h"
#include "rd-limit-row.h"

G_BEGIN_DECLS

#define RD_TYPE_POLICY_DIALOG (rd_policy_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdPolicyDialog, rd_policy_dialog, RD, POLICY_DIALOG, RdStoreDialog)

RdPolicyDialog *rd_policy_dialog_new                  (GtkWindow      *parent,
                                                       RdStore        *store,
                                                       RdCase         *rcase);
RdPolicy       *rd_policy_dialog_get_editing          (RdPolicyDialog *self);
RdLimitRow     *rd_policy_dialog_get_limit_row        (RdPolicyDialog *self,
                                                       guint           stage,
                                                       guint           which);
char           *rd_policy_dialog_describe_case_policy (RdStore        *store,
                                                       RdCase         *rcase);

G_END_DECLS
