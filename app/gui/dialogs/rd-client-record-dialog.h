/* rd-client-record-dialog.h: the adviser's record of a client: client
 * number, consent, authority to act, archive and erase.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"

G_BEGIN_DECLS

#define RD_TYPE_CLIENT_RECORD_DIALOG (rd_client_record_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdClientRecordDialog, rd_client_record_dialog, RD, CLIENT_RECORD_DIALOG,
                      AdwPreferencesWindow)

RdClientRecordDialog *rd_client_record_dialog_new (GtkWindow  *parent,
                                                   RdStore    *store,
                                                   gint64      case_id,
                                                   GError    **error);

G_END_DECLS
