/* rd-preferences-window.h: the adviser's preferences: the lock.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"

G_BEGIN_DECLS

#define RD_TYPE_PREFERENCES_WINDOW (rd_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (RdPreferencesWindow, rd_preferences_window, RD, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

RdPreferencesWindow *rd_preferences_window_new (GtkWindow *parent,
                                                RdStore   *store);

G_END_DECLS
