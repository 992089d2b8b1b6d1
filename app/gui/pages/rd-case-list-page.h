/* rd-case-list-page.h: every case, for an adviser with many clients.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"

G_BEGIN_DECLS

#define RD_TYPE_CASE_LIST_PAGE (rd_case_list_page_get_type ())
G_DECLARE_FINAL_TYPE (RdCaseListPage, rd_case_list_page, RD, CASE_LIST_PAGE, GtkWidget)

void        rd_case_list_page_reload     (RdCaseListPage *self);
GListModel *rd_case_list_page_get_model  (RdCaseListPage *self);

G_END_DECLS
