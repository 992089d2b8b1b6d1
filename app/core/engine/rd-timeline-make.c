/* rd-timeline-make.c: a case's timeline, made from its facts or read from the store as it is made.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-timeline"

#include "config.h"

#include "rd-store-complaints.h"
#include "rd-timeline-items-private.h"
#include "rd-timeline-make.h"

/**
 * rd_timeline_new:
 * @landlord: (nullable): the landlord's own policy, if the case has one
 * @today: the resident's today
 *
 * Returns: (transfer full): the case's timeline, its items in date order;
 *   drop it with rd_timeline_unref()
 */
RdTimeline *
rd_timeline_new (RdCaseFacts *facts,
                 RdPolicy    *landlord,
                 const GDate *today)
{
  g_autoptr(RdDashboard) dashboard = NULL;

  g_return_val_if_fail (RD_IS_CASE_FACTS (facts), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  dashboard = rd_dashboard_new (facts, landlord, today);
  return rd_timeline_new_for_dashboard (facts, dashboard);
}

/**
 * rd_timeline_new_for_dashboard:
 * @dashboard: What Next for @facts, worked out already
 *
 * As rd_timeline_new(), on the day @dashboard was worked out for, with its
 * deadlines: for a caller that has What Next at hand, so that the case's
 * deadlines are not worked out, and held, twice.
 *
 * Returns: (transfer full): the case's timeline
 */
RdTimeline *
rd_timeline_new_for_dashboard (RdCaseFacts *facts,
                               RdDashboard *dashboard)
{
  RdTimeline *self;
  GPtrArray *incidents, *contacts;

  g_return_val_if_fail (RD_IS_CASE_FACTS (facts), NULL);
  g_return_val_if_fail (RD_IS_DASHBOARD (dashboard), NULL);

  self = _rd_timeline_begin ();
  incidents = rd_case_facts_get_incidents (facts);
  for (guint i = 0; i < incidents->len; i++)
    _rd_timeline_add_incident (self, g_ptr_array_index (incidents, i));
  contacts = rd_case_facts_get_contacts (facts);
  for (guint i = 0; i < contacts->len; i++)
    _rd_timeline_add_contact (_rd_timeline_get_items (self), facts, g_ptr_array_index (contacts, i));
  return _rd_timeline_finish (self, facts, dashboard);
}

typedef struct {
  RdTimeline  *timeline;
  RdCaseFacts *facts;
} Reading;

static gboolean
add_incident_cb (gpointer   item,
                 gpointer   user_data,
                 GError   **error)
{
  Reading *reading = user_data;

  _rd_timeline_add_incident (reading->timeline, item);
  return TRUE;
}

static gboolean
add_contact_cb (gpointer   item,
                gpointer   user_data,
                GError   **error)
{
  Reading *reading = user_data;

  _rd_timeline_add_contact (_rd_timeline_get_items (reading->timeline), reading->facts, item);
  return TRUE;
}

/**
 * rd_timeline_new_from_store:
 * @store: the store @facts was read from (for a bundle, its snapshot)
 * @facts: the case's people and complaints; a diary and contacts it may
 *   hold are not read
 * @dashboard: What Next for the case, worked out already
 *
 * As rd_timeline_new_for_dashboard(), but each diary entry and contact is
 * read from @store, counted in the timeline and let go in turn, in the
 * order the facts would hold them: the same timeline, made without the
 * case's diary held whole. The bundle makes its timeline so, once the
 * letter is written and the case let go (issue 17).
 *
 * Returns: (transfer full): the case's timeline, or %NULL with @error set
 */
RdTimeline *
rd_timeline_new_from_store (RdStore      *store,
                            gint64        case_id,
                            RdCaseFacts  *facts,
                            RdDashboard  *dashboard,
                            GError      **error)
{
  g_autoptr(RdTimeline) self = NULL;
  Reading reading;

  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (RD_IS_CASE_FACTS (facts), NULL);
  g_return_val_if_fail (RD_IS_DASHBOARD (dashboard), NULL);

  self = _rd_timeline_begin ();
  reading.timeline = self;
  reading.facts = facts;
  if (!rd_store_foreach_incident (store, case_id, add_incident_cb, &reading, error) ||
      !rd_store_foreach_contact (store, case_id, add_contact_cb, &reading, error))
    return NULL;
  return _rd_timeline_finish (g_steal_pointer (&self), facts, dashboard);
}
