/* rd-dashboard-page.h: the case's home page: what is overdue, what is due, what to do next.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-case-page.h"
#include "rd-deadlines-dialog.h"

G_BEGIN_DECLS

#define RD_TYPE_DASHBOARD_PAGE (rd_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (RdDashboardPage, rd_dashboard_page, RD, DASHBOARD_PAGE, RdCasePage)

RdDashboard *rd_dashboard_page_get_dashboard (RdDashboardPage *self);
void         rd_dashboard_page_refresh       (RdDashboardPage *self);
GtkWindow   *rd_dashboard_page_write_letter  (RdDashboardPage *self,
                                              guint            position);
RdDeadlinesDialog *rd_dashboard_page_show_all (RdDashboardPage  *self,
                                               RdDashboardGroup  group);
GListModel  *rd_dashboard_page_get_rows      (RdDashboardPage  *self,
                                              RdDashboardGroup  group);
GtkButton   *rd_dashboard_page_get_show_all_button (RdDashboardPage  *self,
                                                    RdDashboardGroup  group);

G_END_DECLS
