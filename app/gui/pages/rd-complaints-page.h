/* rd-complaints-page.h: the case page that tracks each formal complaint and its steps.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-record-list-page.h"

G_BEGIN_DECLS

#define RD_TYPE_COMPLAINTS_PAGE (rd_complaints_page_get_type ())
G_DECLARE_FINAL_TYPE (RdComplaintsPage, rd_complaints_page, RD, COMPLAINTS_PAGE, RdRecordListPage)

GListModel *rd_complaints_page_get_complaints (RdComplaintsPage *self);
gboolean    rd_complaints_page_select         (RdComplaintsPage *self,
                                               gint64            complaint_id);

G_END_DECLS
