/* rd-diary-page.h: the case page that keeps the incident diary.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-case-page.h"

G_BEGIN_DECLS

#define RD_TYPE_DIARY_PAGE (rd_diary_page_get_type ())
G_DECLARE_FINAL_TYPE (RdDiaryPage, rd_diary_page, RD, DIARY_PAGE, RdCasePage)

GListModel *rd_diary_page_get_entries  (RdDiaryPage *self);
gboolean    rd_diary_page_select_entry (RdDiaryPage *self,
                                        gint64       incident_id);
gboolean    rd_diary_page_is_reading   (RdDiaryPage *self);
guint       rd_diary_page_count_waiting (RdDiaryPage *self);

G_END_DECLS
