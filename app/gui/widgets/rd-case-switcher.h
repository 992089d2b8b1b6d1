/* rd-case-switcher.h: the header-bar button that lists cases and opens one.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"

G_BEGIN_DECLS

#define RD_TYPE_CASE_SWITCHER (rd_case_switcher_get_type ())
G_DECLARE_FINAL_TYPE (RdCaseSwitcher, rd_case_switcher, RD, CASE_SWITCHER, GtkWidget)

GListModel *rd_case_switcher_get_cases   (RdCaseSwitcher *self);
void        rd_case_switcher_reload      (RdCaseSwitcher *self);
gboolean    rd_case_switcher_get_compact (RdCaseSwitcher *self);

G_END_DECLS
