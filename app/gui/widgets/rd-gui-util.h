/* rd-gui-util.h: small helpers shared by the Redress widgets.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-gui-a11y.h"
#include "rd-gui-choice.h"

G_BEGIN_DECLS

char *rd_gui_text_view_dup_text  (GtkTextView *view);
void  rd_gui_label_entry_row     (AdwEntryRow *row,
                                  const char  *label);
void  rd_gui_fix_accessible_name (GtkWidget   *widget);
void  rd_gui_name_switches       (GtkWidget   *widget,
                                  const char  *name);
void  rd_gui_unparent_children   (GtkWidget   *widget);
/* How long a spinner waits on screen before it shows and turns. */
#define RD_GUI_SPINNER_DELAY_MS 300

void  rd_gui_spin_while_shown    (GtkSpinner  *spinner);
GtkFilterChange rd_gui_filter_change_for_query (const char *before,
                                                const char *after);
void  rd_gui_status_page_icon_when_shown (AdwStatusPage *page);
void  rd_gui_menu_button_model_when_opened (GtkMenuButton *button,
                                            GMenuModel    *model);
void  rd_gui_revealer_hide_closed (GtkRevealer *revealer);
void  rd_gui_add_capture_shortcut (GtkWidget  *widget,
                                  const char  *trigger,
                                  const char  *action_name);
void  rd_gui_popover_pass_shortcuts (GtkPopover *popover);
void  rd_gui_show_toast          (GtkWidget   *widget,
                                  const char  *message);
void  rd_gui_set_status          (GtkLabel    *label,
                                  const char  *text,
                                  gboolean     is_error);
char *rd_gui_strip_mnemonic                 (const char  *label);

void     rd_gui_action_set_enabled (GtkWidget  *widget,
                                    const char *action_name,
                                    gboolean    enabled);
gboolean rd_gui_action_get_enabled (GtkWidget  *widget,
                                    const char *action_name);
void     rd_gui_actions_set_held   (GtkWidget  *widget,
                                    gboolean    held);

typedef void (*RdGuiFrameFunc) (GtkWidget *widget);

void     rd_gui_after_next_frame   (GtkWidget      *widget,
                                    RdGuiFrameFunc  func);
gboolean rd_gui_lay_out_hidden_page (GtkWidget     *page);
void     rd_gui_init_toasts        (GtkWidget       *root,
                                    AdwToastOverlay *toasts);
void     rd_gui_add_map_hook       (GSignalEmissionHook hook);
void     rd_gui_label_wrap_whole   (GtkLabel       *label);
GtkLabel *rd_gui_get_announcer     (GtkWidget      *widget);
void     rd_gui_announce           (GtkWidget      *widget,
                                    const char     *text);

G_END_DECLS
