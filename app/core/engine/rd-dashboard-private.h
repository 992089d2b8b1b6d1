/* rd-dashboard-private.h: what the files of the dashboard share: an item's fields, and how items are made.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (RD_ENGINE_COMPILATION)
#error "rd-dashboard-private.h belongs to app/core/engine/: include the folder's public headers instead."
#endif

#include "rd-dashboard.h"

G_BEGIN_DECLS

struct _RdDashboardItem
{
  GObject           parent_instance;

  RdDeadline       *deadline;
  RdDashboardGroup  group;
  RdNextStep        next_step;
  char             *context;
  char             *status_text;
  char             *key;
  char             *advice;      /* ours, when it differs from the engine's */
  gint64            complaint_id;
  GDate             due;
  gboolean          due_next_working_day;
};

/* rd-dashboard-item.c: an item for each of @deadlines, in their order. */
GPtrArray *_rd_dashboard_items_new         (GListModel      *deadlines,
                                           RdCaseFacts     *facts,
                                           const GDate     *today);

/* rd-dashboard-status.c: "6 working days late", "Due by …", once the
 * item's group and due day are set. */
char      *_rd_dashboard_item_status_text  (RdDashboardItem *item,
                                           const GDate     *today);

G_END_DECLS
