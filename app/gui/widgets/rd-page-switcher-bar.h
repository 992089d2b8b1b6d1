/* rd-page-switcher-bar.h: the strip of a case's pages at the foot of a narrow window.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RD_TYPE_PAGE_SWITCHER_BAR (rd_page_switcher_bar_get_type ())
G_DECLARE_FINAL_TYPE (RdPageSwitcherBar, rd_page_switcher_bar, RD, PAGE_SWITCHER_BAR, GtkWidget)

GtkWidget *rd_page_switcher_bar_get_chosen_button (RdPageSwitcherBar *self);

G_END_DECLS
