/* rd-diary-item.h: what the diary list keeps of one entry, to show its row.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rd-core.h"

G_BEGIN_DECLS

#define RD_TYPE_DIARY_ITEM (rd_diary_item_get_type ())
G_DECLARE_FINAL_TYPE (RdDiaryItem, rd_diary_item, RD, DIARY_ITEM, GObject)

RdDiaryItem  *rd_diary_item_new              (RdIncident  *incident);
gboolean      rd_diary_item_update           (RdDiaryItem *self,
                                              RdIncident  *incident);
gboolean      rd_diary_item_update_from_item (RdDiaryItem *self,
                                              RdDiaryItem *other);
gint64        rd_diary_item_get_id           (RdDiaryItem *self);
gint64        rd_diary_item_get_starts       (RdDiaryItem *self);
GDateTime    *rd_diary_item_dup_starts_at    (RdDiaryItem *self);
RdCategory    rd_diary_item_get_category     (RdDiaryItem *self);
RdReportedTo  rd_diary_item_get_reported_to  (RdDiaryItem *self);
const char   *rd_diary_item_get_summary      (RdDiaryItem *self);
gboolean      rd_diary_item_is_untitled      (RdDiaryItem *self);
const char   *rd_diary_item_get_reference    (RdDiaryItem *self);
int           rd_diary_item_compare          (RdDiaryItem *a,
                                              RdDiaryItem *b);

GPtrArray    *rd_diary_item_list_read        (RdStore     *store,
                                              gint64       case_id,
                                              GError     **error);
void          rd_diary_item_list_merge       (GListStore  *items,
                                              GPtrArray   *fresh);

G_END_DECLS
