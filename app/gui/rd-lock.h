/* rd-lock.h: hides every case behind a lock page, by hand (Ctrl+L) or
 * after a while without input, until the adviser's passphrase is typed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"

G_BEGIN_DECLS

#define RD_TYPE_LOCK (rd_lock_get_type ())
G_DECLARE_FINAL_TYPE (RdLock, rd_lock, RD, LOCK, GObject)

RdLock   *rd_lock_new              (AdwApplicationWindow *window,
                                    RdStore              *store);
void      rd_lock_lock             (RdLock               *self);
void      rd_lock_unlock           (RdLock               *self,
                                    const char           *passphrase);
gboolean  rd_lock_get_locked       (RdLock               *self);
void      rd_lock_set_idle_timeout (RdLock               *self,
                                    guint                 seconds);
guint     rd_lock_get_idle_timeout (RdLock               *self);

G_END_DECLS
