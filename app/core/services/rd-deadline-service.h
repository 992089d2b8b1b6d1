/* rd-deadline-service.h: the deadlines that need telling about, worked out in the background.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rd-dashboard.h"
#include "rd-store.h"

G_BEGIN_DECLS

/* A deadline a case's What Next shows as overdue, or due by the next working day. */
typedef struct
{
  gint64    case_id;
  char     *case_title;
  char     *key;          /* the What Next item's key: the same for one deadline over time */
  gboolean  overdue;      /* otherwise due by the next working day */
  char     *title;
  char     *status_text;
  char     *advice;
} RdDeadlineAlert;

void         rd_deadline_alert_free          (RdDeadlineAlert      *alert);
GPtrArray   *rd_deadline_alerts_collect      (RdStore              *store,
                                              GArray               *case_ids,
                                              const GDate          *today,
                                              GCancellable         *cancellable,
                                              GError              **error);
void         rd_deadline_alerts_collect_async (RdStore             *store,
                                              GArray               *case_ids,
                                              const GDate          *today,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GPtrArray   *rd_deadline_alerts_collect_finish (GAsyncResult       *result,
                                              GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdDeadlineAlert, rd_deadline_alert_free)

G_END_DECLS
