/* rd-dashboard-private.h: what the files of the dashboard share: an item's fields, and how items are made.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (RD_ENGINE_COMPILATION)
#error "rd-dashboard-private.h belongs to app/core/engine/: include the folder's public headers instead."
#endif

#include "rd-dashboard.h"

G_BEGIN_DECLS

/* What a dashboard's items need to make their sentences when asked, on
 * whichever thread asks: shared by the items and their dashboard
 * (g_atomic_rc_box), never changed once made but for the count. */
typedef struct
{
  GDate  today;
  char  *language;  /* the document language it was worked out in; NULL: the interface's */
  gint   made;      /* sentences made and kept, atomic */
} RdDashboardWords;

struct _RdDashboardItem
{
  GObject           parent_instance;

  RdDeadline       *deadline;
  RdDashboardWords *words;
  RdDashboardGroup  group;
  RdNextStep        next_step;
  char             *context;     /* a GRefString, shared by the items of one record */
  char             *status_text; /* made when first asked for (atomic), or NULL */
  char             *key;
  char             *advice;      /* ours, when it differs from the engine's */
  gint64            complaint_id;
  GDate             due;
  gboolean          due_next_working_day;
};

/* rd-dashboard-item.c: an item for each of @deadlines, in their order. */
GPtrArray        *_rd_dashboard_items_new          (GListModel       *deadlines,
                                                    RdCaseFacts      *facts,
                                                    RdDashboardWords *words);

RdDashboardWords *_rd_dashboard_words_new          (const GDate      *today);
RdDashboardWords *_rd_dashboard_words_ref          (RdDashboardWords *words);
void              _rd_dashboard_words_unref        (RdDashboardWords *words);

/* rd-dashboard-status.c: "6 working days late", "Due by …", once the
 * item's group and due day are set. */
char             *_rd_dashboard_item_status_text   (RdDashboardItem  *item,
                                                    const GDate      *today);

G_END_DECLS
