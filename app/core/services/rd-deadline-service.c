/* rd-deadline-service.c: the deadlines that need telling about, worked out in the background.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The notifier needs each case's What Next, which reads the whole diary of
 * the case: with many cases that takes seconds, so it runs on a worker with
 * its own connection, and only for the cases asked about.
 */
#define G_LOG_DOMAIN "rd-deadline-service"

#include "config.h"

#include "rd-case.h"
#include "rd-deadline-service.h"
#include "rd-service-private.h"
#include "rd-snapshot-share-private.h"
#include "rd-store-advisers.h"

typedef struct
{
  gint64           case_id;
  GDate            today;
  GArray          *case_ids;   /* gint64; NULL: every case */
  RdSnapshotShare *share;      /* each case read once with What Next's and the case list's jobs */
  guint64          generation;
} DeadlineJob;

static DeadlineJob *
deadline_job_new (gint64       case_id,
                  const GDate *today)
{
  DeadlineJob *job = g_new0 (DeadlineJob, 1);

  job->case_id = case_id;
  job->today = *today;
  return job;
}

static void
deadline_job_free (gpointer data)
{
  DeadlineJob *job = data;

  g_clear_pointer (&job->case_ids, g_array_unref);
  g_clear_pointer (&job->share, _rd_snapshot_share_unref);
  g_free (job);
}

void
rd_deadline_alert_free (RdDeadlineAlert *alert)
{
  if (alert == NULL)
    return;
  g_free (alert->case_title);
  g_free (alert->key);
  g_free (alert->title);
  g_free (alert->status_text);
  g_free (alert->advice);
  g_free (alert);
}

/* @share: (nullable): where a job in the background reads the case */
static void
collect_case (RdStore         *store,
              RdSnapshotShare *share,
              guint64          generation,
              RdCase          *rcase,
              const GDate     *today,
              GPtrArray       *alerts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCaseSnapshot) snapshot = NULL;
  g_autoptr(RdDashboard) dashboard = NULL;
  GListModel *items;

  if (share != NULL)
    snapshot = _rd_snapshot_share_load (share, generation, store, rd_case_get_id (rcase), &error);
  else
    snapshot = rd_case_snapshot_load (store, rd_case_get_id (rcase), &error);
  if (snapshot == NULL)
    {
      g_debug ("Case %" G_GINT64_FORMAT " not checked: %s", rd_case_get_id (rcase), error->message);
      return;
    }
  dashboard = rd_case_snapshot_compute_dashboard (snapshot, today);
  items = rd_dashboard_get_items (dashboard);
  for (guint i = 0, n = g_list_model_get_n_items (items); i < n; i++)
    {
      g_autoptr(RdDashboardItem) item = g_list_model_get_item (items, i);
      gboolean overdue = rd_dashboard_item_get_group (item) == RD_DASHBOARD_OVERDUE;
      RdDeadlineAlert *alert;

      if (!overdue && !rd_dashboard_item_is_due_next_working_day (item))
        continue;
      alert = g_new0 (RdDeadlineAlert, 1);
      alert->case_id = rd_case_get_id (rcase);
      alert->case_title = g_strdup (rd_case_get_title (rcase));
      alert->key = g_strdup (rd_dashboard_item_get_key (item));
      alert->overdue = overdue;
      alert->title = g_strdup (rd_dashboard_item_get_title (item));
      alert->status_text = rd_dashboard_item_dup_status_text (item);
      alert->advice = g_strdup (rd_dashboard_item_get_advice (item));
      g_ptr_array_add (alerts, alert);
    }
}

/* rd_deadline_alerts_collect(), reading each case from @share when there is one. */
static GPtrArray *
collect_alerts_from (RdStore          *store,
                     RdSnapshotShare  *share,
                     guint64           generation,
                     GArray           *case_ids,
                     const GDate      *today,
                     GCancellable     *cancellable,
                     GError          **error)
{
  g_autoptr(GPtrArray) alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_deadline_alert_free);
  g_autoptr(GListModel) cases = NULL;

  if (case_ids == NULL)
    {
      cases = rd_store_list_cases (store, error);
      if (cases == NULL)
        return NULL;
    }
  for (guint i = 0, n = cases ? g_list_model_get_n_items (cases) : case_ids->len; i < n; i++)
    {
      g_autoptr(RdCase) rcase = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (cases != NULL)
        rcase = g_list_model_get_item (cases, i);
      else
        rcase = rd_store_get_case (store, g_array_index (case_ids, gint64, i), NULL);
      if (rcase != NULL && !rd_case_get_is_sample (rcase))
        collect_case (store, share, generation, rcase, today, alerts);
    }
  return g_steal_pointer (&alerts);
}

/**
 * rd_deadline_alerts_collect:
 * @case_ids: (nullable) (element-type gint64): the cases to look at, or
 *   %NULL for every case
 * @today: the day deadlines are judged on
 *
 * Works out, for each case, the deadlines its What Next shows as overdue
 * or due by the next working day. Sample cases, and cases that are gone or
 * cannot be read, give none.
 *
 * Returns: (transfer full) (element-type RdDeadlineAlert): the alerts, in
 *   case order, or %NULL with @error set (the cases could not be listed,
 *   or @cancellable was cancelled)
 */
GPtrArray *
rd_deadline_alerts_collect (RdStore       *store,
                            GArray        *case_ids,
                            const GDate   *today,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  return collect_alerts_from (store, NULL, 0, case_ids, today, cancellable, error);
}

static gpointer
collect_alerts (RdStore       *store,
                gpointer       data,
                RdProgress    *progress,
                GCancellable  *cancellable,
                GError       **error)
{
  DeadlineJob *job = data;

  return collect_alerts_from (store, job->share, job->generation, job->case_ids, &job->today,
                              cancellable, error);
}

/**
 * rd_deadline_alerts_collect_async:
 * @case_ids: (nullable) (element-type gint64): as for
 *   rd_deadline_alerts_collect(); copied
 *
 * rd_deadline_alerts_collect() off the main thread.
 */
void
rd_deadline_alerts_collect_async (RdStore             *store,
                                  GArray              *case_ids,
                                  const GDate         *today,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  DeadlineJob *job;

  g_return_if_fail (RD_IS_STORE (store));
  g_return_if_fail (today != NULL && g_date_valid (today));

  job = deadline_job_new (0, today);
  job->share = _rd_snapshot_share_for_store (store, &job->generation);
  if (case_ids != NULL)
    {
      job->case_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), case_ids->len);
      g_array_append_vals (job->case_ids, case_ids->data, case_ids->len);
    }
  _rd_service_run (NULL, rd_deadline_alerts_collect_async, store, collect_alerts, job,
                   deadline_job_free, (GDestroyNotify) g_ptr_array_unref, NULL,
                   cancellable, callback, user_data);
}

/**
 * rd_deadline_alerts_collect_finish:
 *
 * Returns: (transfer full) (element-type RdDeadlineAlert): the alerts, or
 *   %NULL with @error set
 */
GPtrArray *
rd_deadline_alerts_collect_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return _rd_service_finish (result, rd_deadline_alerts_collect_async, error);
}
