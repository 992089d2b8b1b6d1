/* rd-show-in-folder.h: shows a file in the desktop's file manager.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void rd_show_in_folder (GtkWidget *widget,
                        GFile     *file);

G_END_DECLS
