/* rd-store-dialog.h: the base class of the dialogs that read and write one case's records.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"

G_BEGIN_DECLS

#define RD_TYPE_STORE_DIALOG (rd_store_dialog_get_type ())
G_DECLARE_DERIVABLE_TYPE (RdStoreDialog, rd_store_dialog, RD, STORE_DIALOG, AdwWindow)

struct _RdStoreDialogClass
{
  AdwWindowClass parent_class;

  gboolean (*show_restored) (RdStoreDialog *self,
                             const char    *what,
                             gint64         id);

  gpointer padding[3];
};

RdStore *rd_store_dialog_get_store (RdStoreDialog *self);
RdCase  *rd_store_dialog_get_case  (RdStoreDialog *self);

/* For subclasses */
void     rd_store_dialog_saved     (RdStoreDialog *self,
                                    gpointer       record);

G_END_DECLS
