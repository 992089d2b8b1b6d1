/* rd-case-snapshot.c: one case as loaded at one moment: its facts and the landlord's policy it follows.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-snapshot"

#include "config.h"

#include "rd-case-deadlines.h"
#include "rd-case-snapshot.h"
#include "rd-i18n.h"
#include "rd-store-case-facts.h"
#include "rd-store-policies.h"

/*
 * Everything the deadline engine needs about a case, read together, so
 * that every caller (What Next, the CLI, the case list, letters) feeds the
 * engine through the same adapter, rd_case_facts_build_deadline_input(),
 * and none of them can read the case one way and its policy another.
 *
 * The jobs that follow a change to a case (What Next, the timeline, the
 * deadline notifier) share one snapshot (rd-snapshot-share.c), and each
 * wants What Next for the same day. Each working it out for itself put
 * the case's deadlines in memory three times at once: with 100,000 diary
 * entries, 35-60 MB each. So the snapshot knows the last dashboard worked
 * out, for as long as anyone holds it (the What Next page does), and a job
 * that asks while another is working one out waits for it. It does not
 * keep the dashboard itself: the notifier goes through every case, and
 * each case's dashboard should go as soon as it has been read.
 */
struct _RdCaseSnapshot
{
  GObject      parent_instance;

  RdCaseFacts *facts;
  RdPolicy    *policy;   /* the landlord's own, or NULL for the Code only */

  GMutex       lock;
  GCond        worked_out;
  gboolean     working;             /* a thread is working out a dashboard */
  GWeakRef     dashboard;           /* the last one worked out, while it lives */
  GDate        dashboard_day;       /* … for this day (cleared: none yet) */
  char        *dashboard_language;  /* … in this document language (NULL: the interface's) */
};

G_DEFINE_FINAL_TYPE (RdCaseSnapshot, rd_case_snapshot, G_TYPE_OBJECT)

static void
rd_case_snapshot_finalize (GObject *object)
{
  RdCaseSnapshot *self = (RdCaseSnapshot *)object;

  g_clear_object (&self->facts);
  g_clear_object (&self->policy);
  g_weak_ref_clear (&self->dashboard);
  g_clear_pointer (&self->dashboard_language, g_free);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->worked_out);

  G_OBJECT_CLASS (rd_case_snapshot_parent_class)->finalize (object);
}

static void
rd_case_snapshot_class_init (RdCaseSnapshotClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_case_snapshot_finalize;
}

static void
rd_case_snapshot_init (RdCaseSnapshot *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->worked_out);
  g_weak_ref_init (&self->dashboard, NULL);
  g_date_clear (&self->dashboard_day, 1);
}

/**
 * rd_case_snapshot_new:
 * @landlord: (nullable): the landlord's own policy, %NULL for the Code only
 *
 * A snapshot of facts already at hand (tests, a case being imported).
 */
RdCaseSnapshot *
rd_case_snapshot_new (RdCaseFacts *facts,
                      RdPolicy    *landlord)
{
  RdCaseSnapshot *self;

  g_return_val_if_fail (RD_IS_CASE_FACTS (facts), NULL);
  g_return_val_if_fail (landlord == NULL || RD_IS_POLICY (landlord), NULL);

  self = g_object_new (RD_TYPE_CASE_SNAPSHOT, NULL);
  self->facts = g_object_ref (facts);
  g_set_object (&self->policy, landlord);
  return self;
}

typedef RdCaseFacts *(*LoadFactsFunc) (RdStore  *store,
                                       gint64    case_id,
                                       GError  **error);

static RdCaseSnapshot *load_snapshot (RdStore       *store,
                                      gint64         case_id,
                                      LoadFactsFunc  load_facts,
                                      GError       **error);

/**
 * rd_case_snapshot_load:
 *
 * Reads a case's records and the landlord's policy it follows. Call it
 * on the thread that owns @store.
 *
 * Returns: (transfer full): the snapshot, or %NULL with @error set
 *   (%RD_STORE_ERROR_NOT_FOUND when there is no such case)
 */
RdCaseSnapshot *
rd_case_snapshot_load (RdStore  *store,
                       gint64    case_id,
                       GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (store), NULL);

  return load_snapshot (store, case_id, rd_case_facts_load, error);
}

/**
 * rd_case_snapshot_load_brief:
 *
 * Reads a case as rd_case_snapshot_load() does, its diary entries kept
 * only as far as working out deadlines reads them
 * (rd_case_facts_load_brief()): for What Next, the timeline, the case
 * list and the reminders, not for a letter or an export.
 *
 * Returns: (transfer full): the snapshot, or %NULL with @error set
 */
RdCaseSnapshot *
rd_case_snapshot_load_brief (RdStore  *store,
                             gint64    case_id,
                             GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (store), NULL);

  return load_snapshot (store, case_id, rd_case_facts_load_brief, error);
}

/* The case's facts as @load_facts reads them, and its landlord's policy. */
static RdCaseSnapshot *
load_snapshot (RdStore       *store,
               gint64         case_id,
               LoadFactsFunc  load_facts,
               GError       **error)
{
  g_autoptr(RdCaseFacts) facts = NULL;
  g_autoptr(RdPolicy) policy = NULL;
  g_autoptr(GError) local_error = NULL;

  facts = load_facts (store, case_id, error);
  if (facts == NULL)
    return NULL;
  /* NULL without an error: the case follows the Code only. */
  policy = rd_store_get_case_policy (store, case_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return rd_case_snapshot_new (facts, policy);
}

/**
 * rd_case_snapshot_get_facts:
 *
 * Returns: (transfer none): the case's records
 */
RdCaseFacts *
rd_case_snapshot_get_facts (RdCaseSnapshot *self)
{
  g_return_val_if_fail (RD_IS_CASE_SNAPSHOT (self), NULL);

  return self->facts;
}

/**
 * rd_case_snapshot_get_policy:
 *
 * Returns: (transfer none) (nullable): the landlord's own policy, %NULL
 *   when the case follows the Code only
 */
RdPolicy *
rd_case_snapshot_get_policy (RdCaseSnapshot *self)
{
  g_return_val_if_fail (RD_IS_CASE_SNAPSHOT (self), NULL);

  return self->policy;
}

/**
 * rd_case_snapshot_compute_deadlines:
 * @today: the day to judge by
 *
 * Returns: (transfer full): every deadline of the case
 */
RdDeadlineReport *
rd_case_snapshot_compute_deadlines (RdCaseSnapshot *self,
                                    const GDate    *today)
{
  g_return_val_if_fail (RD_IS_CASE_SNAPSHOT (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  return rd_case_facts_compute_deadlines (self->facts, self->policy, today);
}

/* The last dashboard worked out, if it is for @today in this thread's
 * language and someone still holds it. Called with the lock held. */
static RdDashboard *
dup_dashboard_for (RdCaseSnapshot *self,
                   const GDate    *today)
{
  if (!g_date_valid (&self->dashboard_day) || g_date_compare (&self->dashboard_day, today) != 0 ||
      g_strcmp0 (self->dashboard_language, rd_i18n_get_document_language ()) != 0)
    return NULL;
  return g_weak_ref_get (&self->dashboard);
}

/**
 * rd_case_snapshot_compute_dashboard:
 * @today: the day to judge by
 *
 * What Next for the case on @today, in this thread's language
 * (rd_i18n_push_language()). A thread that asks for the same day in the
 * same language while another works it out, or holds it, is given the
 * same dashboard: read it, never change it.
 *
 * Returns: (transfer full): What Next for the case
 */
RdDashboard *
rd_case_snapshot_compute_dashboard (RdCaseSnapshot *self,
                                    const GDate    *today)
{
  RdDashboard *dashboard;

  g_return_val_if_fail (RD_IS_CASE_SNAPSHOT (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  g_mutex_lock (&self->lock);
  while ((dashboard = dup_dashboard_for (self, today)) == NULL && self->working)
    g_cond_wait (&self->worked_out, &self->lock);
  if (dashboard != NULL)
    {
      g_mutex_unlock (&self->lock);
      return dashboard;
    }
  self->working = TRUE;
  g_mutex_unlock (&self->lock);

  dashboard = rd_dashboard_new (self->facts, self->policy, today);

  g_mutex_lock (&self->lock);
  self->working = FALSE;
  g_weak_ref_set (&self->dashboard, dashboard);
  self->dashboard_day = *today;
  g_free (self->dashboard_language);
  self->dashboard_language = g_strdup (rd_i18n_get_document_language ());
  g_cond_broadcast (&self->worked_out);
  g_mutex_unlock (&self->lock);
  return dashboard;
}

/**
 * rd_case_snapshot_build_timeline:
 * @today: the day to judge by
 *
 * Returns: (transfer full): the picture of the case, its deadlines the
 *   ones What Next shows (rd_case_snapshot_compute_dashboard()'s)
 */
RdTimeline *
rd_case_snapshot_build_timeline (RdCaseSnapshot *self,
                                 const GDate    *today)
{
  g_autoptr(RdDashboard) dashboard = NULL;

  g_return_val_if_fail (RD_IS_CASE_SNAPSHOT (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  dashboard = rd_case_snapshot_compute_dashboard (self, today);
  return rd_timeline_new_for_dashboard (self->facts, dashboard);
}
