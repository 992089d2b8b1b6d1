/* rd-gui-a11y-private.h: what rd-gui-a11y.c shares with the files of its rules.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* On a combo row: the hint on what it is for, said after its choice */
#define RD_GUI_A11Y_HINT_KEY "rd-a11y-hint"

gboolean _rd_gui_a11y_has_name            (GtkWidget *widget);
gboolean _rd_gui_a11y_name_list_part      (GtkWidget *widget);
void     _rd_gui_a11y_describe_choice     (GtkWidget *chooser);
void     _rd_gui_a11y_stop_at_control     (GtkWidget *widget);
void     _rd_gui_a11y_name_once           (GtkWidget *widget);
void     _rd_gui_a11y_voice_entry_text    (GtkWidget *widget);
void     _rd_gui_a11y_install_entry_texts (void);
void     _rd_gui_a11y_name_container      (GtkWidget *widget);
void     _rd_gui_a11y_install_told_before_focus (void);
void     _rd_gui_a11y_give_window_role    (GtkWindow *window);
void     _rd_gui_a11y_install_roles       (void);
void     _rd_gui_a11y_move_between_rows   (GtkWidget *row);
void     _rd_gui_a11y_open_by_switch_keys (GtkWidget      *control,
                                           AdwExpanderRow *expander);

G_END_DECLS
