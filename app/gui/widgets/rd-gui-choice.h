/* rd-gui-choice.h: drop-down rows and drop-downs that show their whole choice.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void  rd_gui_combo_row_show_choice_in_full  (AdwComboRow *row,
                                             const char  *hint);
void  rd_gui_drop_down_show_choice_in_full  (GtkDropDown *drop_down);
void  rd_gui_install_choice_shortcuts       (void);

G_END_DECLS
