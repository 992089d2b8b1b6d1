/* rd-gui-wrapping-bin.h: a bin round wrapped text that GTK 4.8 measures badly.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*RdGuiWidthChangedFunc) (GtkWidget *bin);

GtkLayoutManager *rd_gui_wrapping_bin_layout_new        (void);
void              rd_gui_wrapping_bin_on_width_changed  (GtkWidget             *bin,
                                                         RdGuiWidthChangedFunc  func);

G_END_DECLS
