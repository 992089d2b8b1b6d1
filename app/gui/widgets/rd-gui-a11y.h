/* rd-gui-a11y.h: what a screen reader hears of every window.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

gboolean rd_gui_label_offers_whole_text  (GtkLabel  *label);
void     rd_gui_install_accessible_names (void);
void     rd_gui_tidy_accessible_names    (GtkWidget *widget);
void     rd_gui_name_menu                (GtkMenuButton *button,
                                          const char    *name);

G_END_DECLS
