/* rd-dashboard-item.c: one deadline on the dashboard: its group, its next step, and what it is about.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-dashboard"

#include "config.h"

#include "rd-gettext.h"

#include "rd-calendar.h"
#include "rd-datetime.h"
#include "rd-dashboard-private.h"

G_DEFINE_FINAL_TYPE (RdDashboardItem, rd_dashboard_item, G_TYPE_OBJECT)

static void
rd_dashboard_item_finalize (GObject *object)
{
  RdDashboardItem *self = (RdDashboardItem *)object;

  g_clear_object (&self->deadline);
  g_clear_pointer (&self->context, g_free);
  g_clear_pointer (&self->status_text, g_free);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->advice, g_free);

  G_OBJECT_CLASS (rd_dashboard_item_parent_class)->finalize (object);
}

static void
rd_dashboard_item_class_init (RdDashboardItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_dashboard_item_finalize;
}

static void
rd_dashboard_item_init (RdDashboardItem *self)
{
  g_date_clear (&self->due, 1);
}

static gboolean
is_done (RdDeadline *deadline)
{
  return rd_moment_is_set (rd_deadline_get_done (deadline));
}

static RdDashboardGroup
group_of (RdDeadline *deadline)
{
  if (is_done (deadline))
    return RD_DASHBOARD_DONE;
  switch (rd_deadline_get_status (deadline))
    {
    case RD_DEADLINE_MISSED:
      return RD_DASHBOARD_OVERDUE;
    case RD_DEADLINE_DUE_SOON:
      return RD_DASHBOARD_DUE_SOON;
    case RD_DEADLINE_PENDING:
      return RD_DASHBOARD_LATER;
    case RD_DEADLINE_MET:
    default:
      return RD_DASHBOARD_DONE;
    }
}

/*
 * One step for each deadline: the resident's own limits ask them to act
 * (escalate, go to the Ombudsman); the landlord's open ones are chased,
 * except a final-stage response that is long overdue, which is for the
 * Ombudsman; settled ones need nothing.
 */
/* Whether the resident has asked for a stage after @stage yet. */
static gboolean
escalated_past (RdCaseFacts *facts,
                gint64       complaint_id,
                guint        stage)
{
  GPtrArray *complaints = rd_case_facts_get_complaints (facts);

  for (guint i = 0; i < complaints->len; i++)
    {
      RdComplaint *complaint = g_ptr_array_index (complaints, i);
      GPtrArray *events;

      if (rd_complaint_get_id (complaint) != complaint_id)
        continue;
      events = rd_case_facts_get_events (facts, complaint);
      for (guint e = 0; e < events->len; e++)
        {
          RdComplaintEvent *event = g_ptr_array_index (events, e);
          RdComplaintEventKind kind = rd_complaint_event_get_kind (event);

          if ((kind == RD_COMPLAINT_EVENT_ESCALATION_REQUESTED && rd_complaint_event_get_stage (event) > stage) ||
              kind == RD_COMPLAINT_EVENT_REFERRED || kind == RD_COMPLAINT_EVENT_FINAL_RESPONSE)
            return TRUE;
        }
    }
  return FALSE;
}

static RdNextStep
next_step_of (RdDeadline       *deadline,
              RdDashboardGroup  group,
              RdCaseFacts      *facts)
{
  RdDeadlineKind kind = rd_deadline_get_kind (deadline);

  /* A stage 1 response has come and nobody has asked for stage 2: that is
   * the resident's next move, even where no policy gives them a time limit. */
  if (group == RD_DASHBOARD_DONE && kind == RD_DEADLINE_KIND_RESPONSE &&
      rd_deadline_get_stage (deadline) == 1 &&
      !escalated_past (facts, rd_deadline_get_group (deadline), 1))
    return RD_NEXT_STEP_ESCALATE;
  if (group == RD_DASHBOARD_DONE)
    return RD_NEXT_STEP_NONE;
  if (kind == RD_DEADLINE_KIND_ESCALATION)
    return RD_NEXT_STEP_ESCALATE;
  if (kind == RD_DEADLINE_KIND_OMBUDSMAN)
    return RD_NEXT_STEP_OMBUDSMAN;
  if (kind == RD_DEADLINE_KIND_EXTENSION)
    return RD_NEXT_STEP_NONE;
  if (rd_deadline_get_party (deadline) == RD_DEADLINE_ON_RESIDENT)
    return RD_NEXT_STEP_NONE;
  /* A chaser is a letter to the landlord: it cannot chase the police. */
  if (rd_deadline_get_party (deadline) == RD_DEADLINE_ON_OTHER)
    return group == RD_DASHBOARD_OVERDUE ? RD_NEXT_STEP_NONE : RD_NEXT_STEP_WAIT;
  if (group != RD_DASHBOARD_OVERDUE)
    return RD_NEXT_STEP_WAIT;
  if (kind == RD_DEADLINE_KIND_RESPONSE && rd_deadline_get_stage (deadline) >= 2 &&
      rd_deadline_get_working_days_late (deadline) > RD_DASHBOARD_OMBUDSMAN_AFTER)
    return RD_NEXT_STEP_OMBUDSMAN;
  return RD_NEXT_STEP_CHASE;
}

static gboolean
is_complaint_kind (RdDeadlineKind kind)
{
  return kind == RD_DEADLINE_KIND_ACKNOWLEDGEMENT || kind == RD_DEADLINE_KIND_RESPONSE ||
         kind == RD_DEADLINE_KIND_EXTENSION || kind == RD_DEADLINE_KIND_ESCALATION ||
         kind == RD_DEADLINE_KIND_OMBUDSMAN;
}

/*
 * The diary entries and contacts deadlines name, by id. A case can have
 * thousands of each and a deadline for many of them (every entry reported
 * to the landlord, every promise): looking each up by scanning the whole
 * list made the dashboard quadratic in the size of the diary.
 */
typedef struct {
  GHashTable *incidents;   /* id → RdIncident, the first with a start */
  GHashTable *contacts;    /* id → RdContact, the first with that id */
} RecordIndex;

static void
index_by_id (GHashTable *index,
             gint64      id,
             gpointer    record)
{
  if (id != 0 && !g_hash_table_contains (index, &id))
    g_hash_table_insert (index, g_memdup2 (&id, sizeof id), record);
}

static void
record_index_init (RecordIndex *index,
                   RdCaseFacts *facts)
{
  GPtrArray *incidents = rd_case_facts_get_incidents (facts);
  GPtrArray *contacts = rd_case_facts_get_contacts (facts);

  index->incidents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  index->contacts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < incidents->len; i++)
    {
      RdIncident *incident = g_ptr_array_index (incidents, i);

      /* An entry with no start cannot be named by its time. */
      if (rd_incident_get_starts_at (incident) != NULL)
        index_by_id (index->incidents, rd_incident_get_id (incident), incident);
    }
  for (guint i = 0; i < contacts->len; i++)
    index_by_id (index->contacts, rd_contact_get_id (g_ptr_array_index (contacts, i)),
                 g_ptr_array_index (contacts, i));
}

static void
record_index_clear (RecordIndex *index)
{
  g_clear_pointer (&index->incidents, g_hash_table_unref);
  g_clear_pointer (&index->contacts, g_hash_table_unref);
}

static RdDashboardItem *
item_new (RdDeadline        *deadline,
          RdCaseFacts       *facts,
          const RecordIndex *index,
          const GDate       *today)
{
  RdDashboardItem *item = g_object_new (RD_TYPE_DASHBOARD_ITEM, NULL);
  RdDeadlineKind kind = rd_deadline_get_kind (deadline);
  const RdMoment *due = rd_deadline_get_due (deadline);
  g_autofree char *due_iso = NULL;

  item->deadline = g_object_ref (deadline);
  item->group = group_of (deadline);
  item->next_step = next_step_of (deadline, item->group, facts);
  if (rd_moment_is_set (due))
    item->due = due->date;

  if (!is_done (deadline) && g_date_valid (&item->due))
    {
      GDate next;

      if (rd_calendar_add_working_days (today, 1, &next, NULL))
        item->due_next_working_day = g_date_compare (&item->due, &next) == 0;
    }

  if (is_complaint_kind (kind))
    {
      GPtrArray *complaints = rd_case_facts_get_complaints (facts);

      item->complaint_id = rd_deadline_get_group (deadline);
      for (guint i = 0; i < complaints->len; i++)
        if (rd_complaint_get_id (g_ptr_array_index (complaints, i)) == item->complaint_id)
          item->context = rd_complaint_dup_title (g_ptr_array_index (complaints, i));
    }
  else if (kind == RD_DEADLINE_KIND_PROMISE)
    {
      gint64 contact_id = rd_deadline_get_group (deadline);
      RdContact *contact = g_hash_table_lookup (index->contacts, &contact_id);

      if (contact != NULL)
        {
          g_autofree char *who = rd_case_facts_dup_contact_who (facts, contact);
          g_autofree char *when = rd_datetime_format_on (rd_contact_get_occurred_at (contact));

          item->context = *who
            /* Translators: where a promise was made, "Promised on Tuesday 8 October 2024 at
             * 14:10 (Dee Marsh)": the first %s is the date and time with its preposition, the
             * second who made it as the resident typed it, which no language can mutate or
             * decline: keep it standing alone, in brackets or after a colon */
            ? g_strdup_printf (_("Promised %s (%s)"), when, who)
            /* Translators: %s is a date and time with its preposition, "on Tuesday 8
             * October 2024 at 14:10" */
            : g_strdup_printf (_("Promised %s"), when);
        }
    }
  else if (kind == RD_DEADLINE_KIND_ASB_RESPONSE || kind == RD_DEADLINE_KIND_REPAIR ||
           kind == RD_DEADLINE_KIND_HAZARD)
    {
      gint64 incident_id = rd_deadline_get_group (deadline);
      /* The diary entry that was reported. */
      RdIncident *incident = g_hash_table_lookup (index->incidents, &incident_id);

      if (incident != NULL)
        {
          g_autofree char *summary = rd_incident_dup_summary (incident);
          g_autofree char *when = rd_datetime_format_short (rd_incident_get_starts_at (incident));

          /* Translators: the diary entry a deadline is about, "Diary entry, Sat 14 Sep
           * 2024, 00:30: Party next door". The date stands on its own, as a heading
           * would: no preposition has to govern it. */
          item->context = g_strdup_printf (_("Diary entry, %s: %s"), when, summary);
        }
    }
  if (item->context == NULL)
    item->context = g_strdup ("");

  item->status_text = _rd_dashboard_item_status_text (item, today);
  /* The engine's advice is to chase first; once that has long failed, say
   * why the step offered is the Ombudsman. */
  if (item->next_step == RD_NEXT_STEP_OMBUDSMAN && kind == RD_DEADLINE_KIND_RESPONSE)
    item->advice = g_strdup_printf (rd_ngettext (
                                                 "The final response is more than %d working day late. "
                                                 "You can ask the Housing Ombudsman to step in now: it can "
                                                 "order the landlord to respond. The summary letter "
                                                 "gathers the facts for it.",
                                                 "The final response is more than %d working days late. "
                                                 "You can ask the Housing Ombudsman to step in now: it can "
                                                 "order the landlord to respond. The summary letter "
                                                 "gathers the facts for it.",
                                                 RD_DASHBOARD_OMBUDSMAN_AFTER),
                                    RD_DASHBOARD_OMBUDSMAN_AFTER);
  due_iso = g_date_valid (&item->due) ? rd_date_to_iso (&item->due) : g_strdup ("");
  item->key = g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%u:%s",
                               rd_deadline_kind_to_key (kind), rd_deadline_get_group (deadline),
                               rd_deadline_get_stage (deadline), due_iso);
  return item;
}

GPtrArray *
_rd_dashboard_items_new (GListModel  *deadlines,
                         RdCaseFacts *facts,
                         const GDate *today)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  RecordIndex index;

  record_index_init (&index, facts);
  for (guint i = 0, n = g_list_model_get_n_items (deadlines); i < n; i++)
    {
      g_autoptr(RdDeadline) deadline = g_list_model_get_item (deadlines, i);
      g_ptr_array_add (items, item_new (deadline, facts, &index, today));
    }
  record_index_clear (&index);
  return items;
}

RdDeadline *
rd_dashboard_item_get_deadline (RdDashboardItem *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD_ITEM (self), NULL);

  return self->deadline;
}

RdDashboardGroup
rd_dashboard_item_get_group (RdDashboardItem *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD_ITEM (self), RD_DASHBOARD_DONE);

  return self->group;
}

RdNextStep
rd_dashboard_item_get_next_step (RdDashboardItem *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD_ITEM (self), RD_NEXT_STEP_NONE);

  return self->next_step;
}

const char *
rd_dashboard_item_get_title (RdDashboardItem *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD_ITEM (self), NULL);

  return rd_deadline_get_title (self->deadline);
}

/* The complaint or contact it belongs to, or "". */
const char *
rd_dashboard_item_get_context (RdDashboardItem *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD_ITEM (self), NULL);

  return self->context;
}

/* "6 working days late", "Due by Friday 21 February 2025", … */
const char *
rd_dashboard_item_get_status_text (RdDashboardItem *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD_ITEM (self), NULL);

  return self->status_text;
}

/* The engine's one sentence, with weekdays and counts. */
const char *
rd_dashboard_item_get_explanation (RdDashboardItem *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD_ITEM (self), NULL);

  return rd_deadline_get_explanation (self->deadline);
}

/* The engine's advice in words; rd_dashboard_item_get_next_step() is the
 * same as an action. */
const char *
rd_dashboard_item_get_advice (RdDashboardItem *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD_ITEM (self), NULL);

  return self->advice ? self->advice : rd_deadline_get_next_step (self->deadline);
}

gint64
rd_dashboard_item_get_complaint_id (RdDashboardItem *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD_ITEM (self), 0);

  return self->complaint_id;
}

int
rd_dashboard_item_get_working_days_late (RdDashboardItem *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD_ITEM (self), 0);

  return rd_deadline_get_working_days_late (self->deadline);
}

/**
 * rd_dashboard_item_get_due_date:
 *
 * Returns: (nullable): the day it is due by
 */
const GDate *
rd_dashboard_item_get_due_date (RdDashboardItem *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD_ITEM (self), NULL);

  return g_date_valid (&self->due) ? &self->due : NULL;
}

/**
 * rd_dashboard_item_is_done_late:
 *
 * Done, but after it was due (or not as the rules allow): settled, and
 * still a finding for the resident.
 */
gboolean
rd_dashboard_item_is_done_late (RdDashboardItem *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD_ITEM (self), FALSE);

  return self->group == RD_DASHBOARD_DONE && rd_deadline_get_status (self->deadline) == RD_DEADLINE_MISSED;
}

/* Not done, and due by the next working day after today. */
gboolean
rd_dashboard_item_is_due_next_working_day (RdDashboardItem *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD_ITEM (self), FALSE);

  return self->due_next_working_day;
}

/**
 * rd_dashboard_item_get_key:
 *
 * A key that names the same deadline across recomputations (its kind, the
 * record it belongs to, its stage and due date), so that a reminder is
 * never given twice for one deadline.
 */
const char *
rd_dashboard_item_get_key (RdDashboardItem *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD_ITEM (self), NULL);

  return self->key;
}
