/* rd-case-service.h: a case's deadlines, What Next and the case list, for the GUI and the CLI.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rd-case-snapshot.h"
#include "rd-dashboard.h"
#include "rd-deadline-engine.h"
#include "rd-store.h"

G_BEGIN_DECLS

gint64            rd_case_service_ensure_sample            (RdStore              *store,
                                                            GError              **error);

RdCaseSnapshot   *rd_case_service_load_snapshot            (RdStore              *store,
                                                            gint64                case_id,
                                                            GError              **error);
void              rd_case_service_load_snapshot_async      (RdStore              *store,
                                                            gint64                case_id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
RdCaseSnapshot   *rd_case_service_load_snapshot_finish     (RdStore              *store,
                                                            GAsyncResult         *result,
                                                            GError              **error);

RdDeadlineReport *rd_case_service_compute_deadlines        (RdStore              *store,
                                                            gint64                case_id,
                                                            const GDate          *today,
                                                            GError              **error);
void              rd_case_service_compute_deadlines_async  (RdStore              *store,
                                                            gint64                case_id,
                                                            const GDate          *today,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
RdDeadlineReport *rd_case_service_compute_deadlines_finish (RdStore              *store,
                                                            GAsyncResult         *result,
                                                            GError              **error);

RdDashboard      *rd_case_service_compute_dashboard        (RdStore              *store,
                                                            gint64                case_id,
                                                            const GDate          *today,
                                                            GError              **error);
void              rd_case_service_compute_dashboard_async  (RdStore              *store,
                                                            gint64                case_id,
                                                            const GDate          *today,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
RdDashboard      *rd_case_service_compute_dashboard_finish (RdStore              *store,
                                                            GAsyncResult         *result,
                                                            GError              **error);

RdCommunityTrigger *rd_case_service_check_asb_review     (RdStore              *store,
                                                            gint64                case_id,
                                                            const GDate          *today,
                                                            GError              **error);

char             *rd_case_service_export_ics               (RdStore              *store,
                                                            gint64                case_id,
                                                            const GDate          *today,
                                                            GError              **error);
gboolean          rd_case_service_write_timeline           (RdStore              *store,
                                                            gint64                case_id,
                                                            const GDate          *today,
                                                            const char           *language,
                                                            const char           *path,
                                                            GError              **error);

void              rd_case_service_build_timeline_async     (RdStore              *store,
                                                            gint64                case_id,
                                                            const GDate          *today,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
RdTimeline       *rd_case_service_build_timeline_finish    (RdStore              *store,
                                                            GAsyncResult         *result,
                                                            GError              **error);

GListModel       *rd_case_service_list_case_entries        (RdStore              *store,
                                                            const GDate          *today,
                                                            GError              **error);
void              rd_case_service_list_case_entries_async  (RdStore              *store,
                                                            const GDate          *today,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GListModel       *rd_case_service_list_case_entries_finish (RdStore              *store,
                                                            GAsyncResult         *result,
                                                            GError              **error);

G_END_DECLS
