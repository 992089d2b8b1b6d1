/* rd-help-window.h: the user help, in yelp where it is installed, else in a window of our own.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RD_TYPE_HELP_WINDOW (rd_help_window_get_type ())
G_DECLARE_FINAL_TYPE (RdHelpWindow, rd_help_window, RD, HELP_WINDOW, AdwWindow)

GtkWidget *rd_help_window_new         (GtkWindow  *parent,
                                       const char *page);
void       rd_help_window_select_page (RdHelpWindow *self,
                                       const char   *page);
void       rd_help_show               (GtkWindow  *parent,
                                       const char *page);

G_END_DECLS
