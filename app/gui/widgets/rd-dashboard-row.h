/* rd-dashboard-row.h: how one deadline of What Next is drawn in a list, on the page and in "Show All".
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"

G_BEGIN_DECLS

/* The resident asked for the letter that carries out @item's next step. */
typedef void (*RdDashboardRowLetterFunc) (gpointer         data,
                                          RdDashboardItem *item);

GtkListItemFactory *rd_dashboard_row_factory_new  (RdDashboardRowLetterFunc  write_letter,
                                                   gpointer                  data);
guint               rd_dashboard_group_start      (RdDashboard              *dashboard,
                                                   RdDashboardGroup          group);
gboolean            rd_dashboard_item_same        (RdDashboardItem          *a,
                                                   RdDashboardItem          *b);
GtkWindow          *rd_dashboard_row_write_letter (GtkWidget                *from,
                                                   RdStore                  *store,
                                                   gint64                    case_id,
                                                   RdDashboardItem          *item);

G_END_DECLS
