/* rd-lock-page.h: the page that covers the window while Redress is locked.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RD_TYPE_LOCK_PAGE (rd_lock_page_get_type ())
G_DECLARE_FINAL_TYPE (RdLockPage, rd_lock_page, RD, LOCK_PAGE, GtkWidget)

RdLockPage *rd_lock_page_new              (void);
void        rd_lock_page_reset            (RdLockPage *self,
                                           gboolean    needs_passphrase);
void        rd_lock_page_set_busy         (RdLockPage *self,
                                           gboolean    busy);
void        rd_lock_page_show_error       (RdLockPage *self,
                                           const char *message);

G_END_DECLS
