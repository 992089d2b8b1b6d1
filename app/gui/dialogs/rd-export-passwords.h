/* rd-export-passwords.h: asking for the passwords of the protected PDFs a bundle includes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"

G_BEGIN_DECLS

typedef void (*RdExportPasswordsFunc) (GHashTable *passwords,
                                       gpointer    user_data);

GHashTable *rd_export_passwords_new  (void);
void        rd_export_ask_passwords  (GtkWindow              *parent,
                                      GPtrArray              *evidence,
                                      RdExportPasswordsFunc   done,
                                      gpointer                user_data);

G_END_DECLS
