/* rd-gui-shortcuts.h: GTK's keyboard shortcuts window, as narrow as a phone's screen.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void rd_gui_narrow_shortcuts_window     (GtkShortcutsWindow *window);
void rd_gui_say_shortcuts_headings_once (GtkShortcutsWindow *window);

G_END_DECLS
