/* rd-case-service.c: a case's deadlines, What Next and the case list, for the GUI and the CLI.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-service"

#include "config.h"

#include "rd-case-entry.h"
#include "rd-case-service.h"
#include "rd-deadline.h"
#include "rd-ics.h"
#include "rd-sample.h"
#include "rd-sample-evidence.h"
#include "rd-service-private.h"
#include "rd-snapshot-share-private.h"
#include "rd-store-advisers.h"
#include "rd-i18n.h"
#include "rd-output.h"
#include "rd-timeline-draw.h"

/*
 * Every deadline Redress shows comes from here: the CLI's `deadlines`,
 * What Next, the case list's next dates. Each reads the case as one
 * RdCaseSnapshot and hands it to the deadline engine through the one
 * adapter, so two screens can never disagree about the same case.
 *
 * Each job has a synchronous form, for the CLI and tests, and an
 * _async/_finish pair that runs it through _rd_service_run(), on a worker
 * thread with the worker's own connection: a connection must stay on one
 * thread, and the GUI's stays free for the main loop meanwhile.
 */

/**
 * rd_case_service_load_snapshot:
 *
 * Returns: (transfer full): the case's records and the landlord's policy
 *   it follows, or %NULL with @error set
 */
RdCaseSnapshot *
rd_case_service_load_snapshot (RdStore  *store,
                               gint64    case_id,
                               GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (store), NULL);

  return rd_case_snapshot_load (store, case_id, error);
}

/**
 * rd_case_service_compute_deadlines:
 * @today: the day to judge by
 *
 * Every deadline of a case, from its records and the landlord's policy it
 * follows (see rd_deadlines_compute()).
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
RdDeadlineReport *
rd_case_service_compute_deadlines (RdStore      *store,
                                   gint64        case_id,
                                   const GDate  *today,
                                   GError      **error)
{
  g_autoptr(RdCaseSnapshot) snapshot = NULL;

  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  snapshot = rd_case_snapshot_load (store, case_id, error);
  if (snapshot == NULL)
    return NULL;
  return rd_case_snapshot_compute_deadlines (snapshot, today);
}

/**
 * rd_case_service_compute_dashboard:
 * @today: the day to judge by
 *
 * Returns: (transfer full): What Next for the case, or %NULL with @error set
 */
RdDashboard *
rd_case_service_compute_dashboard (RdStore      *store,
                                   gint64        case_id,
                                   const GDate  *today,
                                   GError      **error)
{
  g_autoptr(RdCaseSnapshot) snapshot = NULL;

  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  snapshot = rd_case_snapshot_load (store, case_id, error);
  if (snapshot == NULL)
    return NULL;
  return rd_case_snapshot_compute_dashboard (snapshot, today);
}

/**
 * rd_case_service_check_asb_review:
 * @today: the day an application would be made
 *
 * The case's reports of anti-social behaviour against its council's ASB
 * Case Review threshold (see rd_community_trigger_check()).
 *
 * Returns: (transfer full): the reports and the verdict, or %NULL with
 *   @error set
 */
RdCommunityTrigger *
rd_case_service_check_asb_review (RdStore      *store,
                                  gint64        case_id,
                                  const GDate  *today,
                                  GError      **error)
{
  g_autoptr(RdCaseSnapshot) snapshot = NULL;
  RdCaseFacts *facts;
  RdAsbReviewThreshold threshold;

  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  snapshot = rd_case_snapshot_load (store, case_id, error);
  if (snapshot == NULL)
    return NULL;
  facts = rd_case_snapshot_get_facts (snapshot);
  rd_asb_review_threshold_from_case (&threshold, rd_case_facts_get_case (facts));
  return rd_community_trigger_check (rd_case_facts_get_incidents (facts), &threshold, today);
}

/**
 * rd_case_service_export_ics:
 * @today: the day to judge the deadlines by
 *
 * Works out the case's deadlines under the policy it follows and writes
 * the open ones as iCalendar events (see rd_ics_from_dashboard()).
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
char *
rd_case_service_export_ics (RdStore      *store,
                            gint64        case_id,
                            const GDate  *today,
                            GError      **error)
{
  g_autoptr(RdCaseSnapshot) snapshot = NULL;
  g_autoptr(RdDashboard) dashboard = NULL;
  g_autoptr(GDateTime) stamp = NULL;

  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  snapshot = rd_case_snapshot_load (store, case_id, error);
  if (snapshot == NULL)
    return NULL;
  dashboard = rd_case_snapshot_compute_dashboard (snapshot, today);
  stamp = rd_clock_dup_now (rd_store_get_clock (store));
  return rd_ics_from_dashboard (dashboard,
                                rd_case_facts_get_case (rd_case_snapshot_get_facts (snapshot)),
                                stamp, error);
}

/**
 * rd_case_service_write_timeline:
 * @today: the day to judge the deadlines by
 * @language: (nullable): the language to write it in; %NULL for the case's own
 * @path: a file name ending in ".svg" or ".png"
 *
 * Draws the case's timeline (rd_timeline_draw()) into @path.
 */
gboolean
rd_case_service_write_timeline (RdStore      *store,
                                gint64        case_id,
                                const GDate  *today,
                                const char   *language,
                                const char   *path,
                                GError      **error)
{
  g_autoptr(RdCaseSnapshot) snapshot = NULL;
  g_autoptr(RdTimeline) timeline = NULL;
  const char *outputs[] = { path, NULL };
  char *previous;
  gboolean ok;

  g_return_val_if_fail (RD_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!rd_output_check_paths (rd_store_get_data_dir (store), outputs, error))
    return FALSE;
  snapshot = rd_case_snapshot_load (store, case_id, error);
  if (snapshot == NULL)
    return FALSE;
  if (language == NULL)
    language = rd_case_get_writing_language (rd_case_facts_get_case (rd_case_snapshot_get_facts (snapshot)));
  /* The words go into the picture as it is built and drawn. */
  previous = rd_i18n_push_language (language);
  timeline = rd_case_snapshot_build_timeline (snapshot, today);
  ok = rd_timeline_write (timeline, path, error);
  rd_i18n_pop_language (previous);
  return ok;
}

/*
 * The soonest date something is still to happen in a case: an open
 * deadline from the deadline engine (the landlord's or the resident's), or
 * the renewal of the client's consent. *@overdue_since is the due date of
 * the oldest deadline the landlord has missed and still not met: that is
 * the most urgent thing in the case, however long ago it fell due.
 */
static GDate *
find_next_due (RdDeadlineReport *report,
               RdCaseAdmin      *admin,
               const GDate      *today,
               GDate           **overdue_since)
{
  const GDate *renew = rd_case_admin_get_consent_renew (admin);
  GDate *next = renew ? g_date_copy (renew) : NULL;
  GListModel *deadlines = rd_deadline_report_get_deadlines (report);

  *overdue_since = NULL;
  for (guint i = 0, n = g_list_model_get_n_items (deadlines); i < n; i++)
    {
      g_autoptr(RdDeadline) deadline = g_list_model_get_item (deadlines, i);
      RdDeadlineStatus status = rd_deadline_get_status (deadline);
      const RdMoment *due = rd_deadline_get_due (deadline);
      GDate **slot;

      if (due == NULL || !g_date_valid (&due->date))
        continue;
      if (status == RD_DEADLINE_PENDING || status == RD_DEADLINE_DUE_SOON)
        slot = &next;
      else if (status == RD_DEADLINE_MISSED && !rd_moment_is_set (rd_deadline_get_done (deadline)) &&
               rd_deadline_get_party (deadline) == RD_DEADLINE_ON_LANDLORD &&
               g_date_compare (&due->date, today) < 0)
        slot = overdue_since;
      else
        continue;
      if (*slot == NULL)
        *slot = g_date_copy (&due->date);
      else if (g_date_compare (&due->date, *slot) < 0)
        **slot = due->date;
    }
  return next;
}

/* @share: (nullable): where the jobs started with this one read each
 * case, for a list made in the background */
static void
summarise_entry (RdStore         *store,
                 RdSnapshotShare *share,
                 guint64          generation,
                 RdCaseEntry     *entry,
                 const GDate     *today)
{
  gint64 case_id = rd_case_get_id (rd_case_entry_get_case (entry));
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCaseSnapshot) snapshot = NULL;
  g_autoptr(RdDeadlineReport) report = NULL;
  g_autoptr(GDate) next = NULL;
  g_autoptr(GDate) overdue = NULL;

  if (share != NULL)
    snapshot = _rd_snapshot_share_load (share, generation, store, case_id, &error);
  else
    snapshot = rd_case_snapshot_load (store, case_id, &error);
  if (snapshot == NULL)
    {
      const GDate *renew = rd_case_admin_get_consent_renew (rd_case_entry_get_admin (entry));

      /* A case erased while the list was being read is simply gone. */
      if (g_error_matches (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND))
        g_debug ("Case %" G_GINT64_FORMAT " went while the list was read", case_id);
      else
        g_warning ("Could not work out the deadlines of case %" G_GINT64_FORMAT ": %s",
                   case_id, error->message);
      rd_case_entry_set_next_due (entry, renew);
      return;
    }
  report = rd_case_snapshot_compute_deadlines (snapshot, today);
  next = find_next_due (report, rd_case_entry_get_admin (entry), today, &overdue);
  rd_case_entry_set_next_due (entry, next);
  rd_case_entry_set_overdue_since (entry, overdue);
}

static GListModel *
list_case_entries (RdStore         *store,
                   RdSnapshotShare *share,
                   guint64          generation,
                   const GDate     *today,
                   GCancellable    *cancellable,
                   GError         **error)
{
  g_autoptr(GListModel) entries = rd_store_list_case_entries (store, error);

  if (entries == NULL)
    return NULL;
  for (guint i = 0, n = g_list_model_get_n_items (entries); i < n; i++)
    {
      g_autoptr(RdCaseEntry) entry = g_list_model_get_item (entries, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (!rd_case_entry_get_archived (entry))
        summarise_entry (store, share, generation, entry, today);
    }
  return g_steal_pointer (&entries);
}

/**
 * rd_case_service_list_case_entries:
 * @today: (nullable): the day to work deadlines out on, %NULL for the
 *   store's clock's today
 *
 * Every case with its adviser record, for the case list, most recently
 * changed first. Each case that is not archived carries its next date due:
 * the soonest open deadline from the deadline engine, or the renewal of
 * the client's consent; and the day the oldest deadline the landlord has
 * missed and not met fell due.
 *
 * Returns: (transfer full): a #GListModel of #RdCaseEntry, or %NULL with
 *   @error set
 */
GListModel *
rd_case_service_list_case_entries (RdStore      *store,
                                   const GDate  *today,
                                   GError      **error)
{
  g_autoptr(GDate) this_day = NULL;

  g_return_val_if_fail (RD_IS_STORE (store), NULL);

  if (today == NULL)
    today = this_day = rd_clock_dup_today (rd_store_get_clock (store));
  return list_case_entries (store, NULL, 0, today, NULL, error);
}

/* The asynchronous forms: one job, run on a worker's own connection. */

typedef struct _RdCaseJob RdCaseJob;

typedef gpointer (*RdCaseJobFunc) (RdStore       *reader,
                                   RdCaseJob     *job,
                                   GCancellable  *cancellable,
                                   GError       **error);

struct _RdCaseJob {
  RdCaseJobFunc    func;
  GDestroyNotify   free_result;
  gint64           case_id;
  GDate            today;
  /* The jobs started together read each case once (rd-snapshot-share.c). */
  RdSnapshotShare *share;
  guint64          generation;
};

static void
case_job_free (gpointer data)
{
  RdCaseJob *job = data;

  g_clear_pointer (&job->share, _rd_snapshot_share_unref);
  g_free (job);
}

/* The case as the job may see it, shared with the other jobs reading it. */
static RdCaseSnapshot *
job_load_snapshot (RdStore    *reader,
                   RdCaseJob  *job,
                   gint64      case_id,
                   GError    **error)
{
  return _rd_snapshot_share_load (job->share, job->generation, reader, case_id, error);
}

static gpointer
run_job (RdStore       *reader,
         gpointer       data,
         RdProgress    *progress,
         GCancellable  *cancellable,
         GError       **error)
{
  RdCaseJob *job = data;
  gpointer result = job->func (reader, job, cancellable, error);

  /* Nothing was written: what a cancelled caller no longer wants is
   * dropped rather than handed to a view that has moved on. */
  if (result != NULL && g_cancellable_set_error_if_cancelled (cancellable, error))
    g_clear_pointer (&result, job->free_result);
  return result;
}

static void
run_job_full (RdStore             *store,
              gpointer             source_tag,
              RdCaseJobFunc        func,
              GDestroyNotify       free_result,
              gint64               case_id,
              const GDate         *today,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  RdCaseJob *job = g_new0 (RdCaseJob, 1);

  job->func = func;
  job->free_result = free_result;
  job->case_id = case_id;
  if (today != NULL)
    job->today = *today;
  job->share = _rd_snapshot_share_for_store (store, &job->generation);
  _rd_service_run (store, source_tag, store, run_job, job, case_job_free, job->free_result, NULL,
                   cancellable, callback, user_data);
}

static void
run_job_async (RdStore             *store,
               gpointer             source_tag,
               RdCaseJobFunc        func,
               gint64               case_id,
               const GDate         *today,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  run_job_full (store, source_tag, func, g_object_unref, case_id, today, cancellable, callback,
                user_data);
}

static gpointer
finish_job (RdStore       *store,
            GAsyncResult  *result,
            gpointer       source_tag,
            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return _rd_service_finish (result, source_tag, error);
}

static gpointer
load_snapshot_job (RdStore       *reader,
                   RdCaseJob     *job,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return job_load_snapshot (reader, job, job->case_id, error);
}

/**
 * rd_case_service_load_snapshot_async:
 *
 * Reads a case on a worker thread, as the other jobs on it share it: a
 * brief snapshot (rd_case_snapshot_load_brief()), whose diary entries
 * keep only what working out deadlines reads. A letter or an export
 * reads the case whole, with rd_case_service_load_snapshot().
 */
void
rd_case_service_load_snapshot_async (RdStore             *store,
                                     gint64               case_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (RD_IS_STORE (store));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  run_job_async (store, rd_case_service_load_snapshot_async, load_snapshot_job, case_id, NULL,
                 cancellable, callback, user_data);
}

/**
 * rd_case_service_load_snapshot_finish:
 *
 * Returns: (transfer full): the snapshot, or %NULL with @error set
 */
RdCaseSnapshot *
rd_case_service_load_snapshot_finish (RdStore       *store,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return finish_job (store, result, rd_case_service_load_snapshot_async, error);
}

static gpointer
compute_deadlines_job (RdStore       *reader,
                       RdCaseJob     *job,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(RdCaseSnapshot) snapshot = job_load_snapshot (reader, job, job->case_id, error);

  return snapshot ? rd_case_snapshot_compute_deadlines (snapshot, &job->today) : NULL;
}

/**
 * rd_case_service_compute_deadlines_async:
 * @today: the day to judge by
 *
 * Works out a case's deadlines as rd_case_service_compute_deadlines()
 * does, on a worker thread.
 */
void
rd_case_service_compute_deadlines_async (RdStore             *store,
                                         gint64               case_id,
                                         const GDate         *today,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (RD_IS_STORE (store));
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  run_job_async (store, rd_case_service_compute_deadlines_async, compute_deadlines_job, case_id,
                 today, cancellable, callback, user_data);
}

/**
 * rd_case_service_compute_deadlines_finish:
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
RdDeadlineReport *
rd_case_service_compute_deadlines_finish (RdStore       *store,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return finish_job (store, result, rd_case_service_compute_deadlines_async, error);
}

static gpointer
compute_dashboard_job (RdStore       *reader,
                       RdCaseJob     *job,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(RdCaseSnapshot) snapshot = job_load_snapshot (reader, job, job->case_id, error);

  return snapshot ? rd_case_snapshot_compute_dashboard (snapshot, &job->today) : NULL;
}

/**
 * rd_case_service_compute_dashboard_async:
 * @today: the day to judge by
 *
 * Works out What Next as rd_case_service_compute_dashboard() does, on a
 * worker thread.
 */
void
rd_case_service_compute_dashboard_async (RdStore             *store,
                                         gint64               case_id,
                                         const GDate         *today,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (RD_IS_STORE (store));
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  run_job_async (store, rd_case_service_compute_dashboard_async, compute_dashboard_job, case_id,
                 today, cancellable, callback, user_data);
}

/**
 * rd_case_service_compute_dashboard_finish:
 *
 * Returns: (transfer full): What Next for the case, or %NULL with @error set
 */
RdDashboard *
rd_case_service_compute_dashboard_finish (RdStore       *store,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return finish_job (store, result, rd_case_service_compute_dashboard_async, error);
}

static gpointer
build_timeline_job (RdStore       *reader,
                    RdCaseJob     *job,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(RdCaseSnapshot) snapshot = job_load_snapshot (reader, job, job->case_id, error);

  return snapshot ? rd_case_snapshot_build_timeline (snapshot, &job->today) : NULL;
}

/**
 * rd_case_service_build_timeline_async:
 * @today: the day to judge by
 *
 * Makes the picture of a case (rd_case_snapshot_build_timeline()) on a
 * worker thread: with a long diary, its items take longer than a frame.
 * Its words are in this program's language, not a document's.
 */
void
rd_case_service_build_timeline_async (RdStore             *store,
                                      gint64               case_id,
                                      const GDate         *today,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (RD_IS_STORE (store));
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  run_job_full (store, rd_case_service_build_timeline_async, build_timeline_job,
                (GDestroyNotify) rd_timeline_unref, case_id, today, cancellable, callback, user_data);
}

/**
 * rd_case_service_build_timeline_finish:
 *
 * Returns: (transfer full): the timeline, or %NULL with @error set
 */
RdTimeline *
rd_case_service_build_timeline_finish (RdStore       *store,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return finish_job (store, result, rd_case_service_build_timeline_async, error);
}

static gpointer
list_case_entries_job (RdStore       *reader,
                       RdCaseJob     *job,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return list_case_entries (reader, job->share, job->generation, &job->today, cancellable, error);
}

/**
 * rd_case_service_list_case_entries_async:
 * @today: the day to work deadlines out on
 *
 * Lists the cases as rd_case_service_list_case_entries() does, on a
 * worker thread; cancelling stops between two cases.
 */
void
rd_case_service_list_case_entries_async (RdStore             *store,
                                         const GDate         *today,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (RD_IS_STORE (store));
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  run_job_async (store, rd_case_service_list_case_entries_async, list_case_entries_job, 0, today,
                 cancellable, callback, user_data);
}

/**
 * rd_case_service_list_case_entries_finish:
 *
 * Returns: (transfer full): a #GListModel of #RdCaseEntry, or %NULL with
 *   @error set
 */
GListModel *
rd_case_service_list_case_entries_finish (RdStore       *store,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return finish_job (store, result, rd_case_service_list_case_entries_async, error);
}

/**
 * rd_case_service_ensure_sample:
 *
 * Finds the sample case, or makes it for the store's today with its
 * evidence (a letter, a photo and an email). Opening it again adds nothing.
 *
 * Returns: the sample case's id, or 0 with @error set
 */
gint64
rd_case_service_ensure_sample (RdStore  *store,
                               GError  **error)
{
  g_autoptr(GDate) today = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 case_id;

  g_return_val_if_fail (RD_IS_STORE (store), 0);

  case_id = rd_store_find_sample_case (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  if (case_id != 0)
    return case_id;

  today = rd_clock_dup_today (rd_store_get_clock (store));
  case_id = rd_sample_ensure_for (store, today, error);
  if (case_id == 0)
    return 0;
  /* The sample teaches without its evidence too: a file that cannot be
   * made here is said, not a reason to refuse the sample. */
  if (!rd_sample_evidence_add (store, case_id, rd_sample_shift_days (today), &local_error))
    g_warning ("The sample case has no evidence: %s", local_error->message);
  return case_id;
}
