/* rd-gui-group-title.h: a preferences group's title shown whole.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void rd_gui_wrap_group_title           (AdwPreferencesGroup *group);
void rd_gui_install_whole_group_titles (void);

G_END_DECLS
