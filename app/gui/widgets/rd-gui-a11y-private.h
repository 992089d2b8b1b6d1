/* rd-gui-a11y-private.h: what rd-gui-a11y.c shares with the files of its rules.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

gboolean _rd_gui_a11y_has_name         (GtkWidget *widget);
gboolean _rd_gui_a11y_name_list_part   (GtkWidget *widget);

G_END_DECLS
