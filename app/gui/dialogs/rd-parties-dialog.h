/* rd-parties-dialog.h: the people and bodies of a case, added and changed in one window.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"
#include "rd-store-dialog.h"

G_BEGIN_DECLS

#define RD_TYPE_PARTIES_DIALOG (rd_parties_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdPartiesDialog, rd_parties_dialog, RD, PARTIES_DIALOG, RdStoreDialog)

RdPartiesDialog *rd_parties_dialog_new          (GtkWindow       *parent,
                                                 RdStore         *store,
                                                 RdCase          *rcase);
void             rd_parties_dialog_add_party    (RdPartiesDialog *self);
gboolean         rd_parties_dialog_flush        (RdPartiesDialog *self,
                                                 GError         **error);
GListModel      *rd_parties_dialog_get_parties  (RdPartiesDialog *self);
RdParty         *rd_parties_dialog_get_selected (RdPartiesDialog *self);

G_END_DECLS
