/* rd-dashboard-item.c: one deadline on the dashboard: its group, its next step, and what it is about.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-dashboard"

#include "config.h"

#include "rd-gettext.h"

#include "rd-calendar.h"
#include "rd-datetime.h"
#include "rd-dashboard-private.h"
#include "rd-i18n.h"

G_DEFINE_FINAL_TYPE (RdDashboardItem, rd_dashboard_item, G_TYPE_OBJECT)

static void
rd_dashboard_item_finalize (GObject *object)
{
  RdDashboardItem *self = (RdDashboardItem *)object;

  g_clear_object (&self->deadline);
  g_clear_pointer (&self->words, _rd_dashboard_words_unref);
  g_clear_pointer (&self->context, g_ref_string_release);
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
  /* What each record's items say it is about, made once a record and
   * shared by its items (a hazard's six steps, a complaint's stages):
   * id → GRefString, held by the items, not the table. */
  GHashTable *incident_contexts;
  GHashTable *contact_contexts;
  GHashTable *complaint_contexts;
  char       *no_context;  /* "", for the items of no record */
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
  index->incident_contexts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  index->contact_contexts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  index->complaint_contexts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  index->no_context = g_ref_string_new ("");
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
  g_clear_pointer (&index->incident_contexts, g_hash_table_unref);
  g_clear_pointer (&index->contact_contexts, g_hash_table_unref);
  g_clear_pointer (&index->complaint_contexts, g_hash_table_unref);
  g_clear_pointer (&index->no_context, g_ref_string_release);
}

/* What @deadline is about, in words, or NULL for nothing to say. */
static char *
make_context (RdDeadline        *deadline,
              RdCaseFacts       *facts,
              const RecordIndex *index)
{
  RdDeadlineKind kind = rd_deadline_get_kind (deadline);
  gint64 id = rd_deadline_get_group (deadline);

  if (is_complaint_kind (kind))
    {
      GPtrArray *complaints = rd_case_facts_get_complaints (facts);
      char *title = NULL;

      for (guint i = 0; i < complaints->len; i++)
        if (rd_complaint_get_id (g_ptr_array_index (complaints, i)) == id)
          {
            g_free (title);
            title = rd_complaint_dup_title (g_ptr_array_index (complaints, i));
          }
      return title;
    }
  else if (kind == RD_DEADLINE_KIND_PROMISE)
    {
      RdContact *contact = g_hash_table_lookup (index->contacts, &id);

      if (contact != NULL)
        {
          g_autofree char *who = rd_case_facts_dup_contact_who (facts, contact);
          g_autofree char *when = rd_datetime_format_on (rd_contact_get_occurred_at (contact));

          return *who
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
      /* The diary entry that was reported. */
      RdIncident *incident = g_hash_table_lookup (index->incidents, &id);

      if (incident != NULL)
        {
          g_autofree char *summary = rd_incident_dup_summary (incident);
          g_autofree char *when = rd_datetime_format_short (rd_incident_get_starts_at (incident));

          /* Translators: the diary entry a deadline is about, "Diary entry, Sat 14 Sep
           * 2024, 00:30: Party next door". The date stands on its own, as a heading
           * would: no preposition has to govern it. */
          return g_strdup_printf (_("Diary entry, %s: %s"), when, summary);
        }
    }
  return NULL;
}

/* The context of @deadline's record as a GRefString, made for the first
 * of the record's items and shared by the rest. */
static char *
share_context (RdDeadline        *deadline,
               RdCaseFacts       *facts,
               const RecordIndex *index)
{
  RdDeadlineKind kind = rd_deadline_get_kind (deadline);
  gint64 id = rd_deadline_get_group (deadline);
  GHashTable *contexts = NULL;
  g_autofree char *text = NULL;
  char *context;

  if (is_complaint_kind (kind))
    contexts = index->complaint_contexts;
  else if (kind == RD_DEADLINE_KIND_PROMISE)
    contexts = index->contact_contexts;
  else if (kind == RD_DEADLINE_KIND_ASB_RESPONSE || kind == RD_DEADLINE_KIND_REPAIR ||
           kind == RD_DEADLINE_KIND_HAZARD)
    contexts = index->incident_contexts;
  if (contexts != NULL && (context = g_hash_table_lookup (contexts, &id)) != NULL)
    return g_ref_string_acquire (context);

  text = make_context (deadline, facts, index);
  context = text != NULL ? g_ref_string_new (text) : g_ref_string_acquire (index->no_context);
  if (contexts != NULL)
    g_hash_table_insert (contexts, g_memdup2 (&id, sizeof id), context);
  return context;
}

static RdDashboardItem *
item_new (RdDeadline        *deadline,
          RdCaseFacts       *facts,
          const RecordIndex *index,
          RdDashboardWords  *words)
{
  RdDashboardItem *item = g_object_new (RD_TYPE_DASHBOARD_ITEM, NULL);
  RdDeadlineKind kind = rd_deadline_get_kind (deadline);
  const RdMoment *due = rd_deadline_get_due (deadline);
  g_autofree char *due_iso = NULL;

  item->deadline = g_object_ref (deadline);
  item->words = _rd_dashboard_words_ref (words);
  item->group = group_of (deadline);
  item->next_step = next_step_of (deadline, item->group, facts);
  if (rd_moment_is_set (due))
    item->due = due->date;

  if (!is_done (deadline) && g_date_valid (&item->due))
    {
      GDate next;

      if (rd_calendar_add_working_days (&words->today, 1, &next, NULL))
        item->due_next_working_day = g_date_compare (&item->due, &next) == 0;
    }

  if (is_complaint_kind (kind))
    item->complaint_id = rd_deadline_get_group (deadline);
  item->context = share_context (deadline, facts, index);

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
_rd_dashboard_items_new (GListModel       *deadlines,
                         RdCaseFacts      *facts,
                         RdDashboardWords *words)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  RecordIndex index;

  record_index_init (&index, facts);
  for (guint i = 0, n = g_list_model_get_n_items (deadlines); i < n; i++)
    {
      g_autoptr(RdDeadline) deadline = g_list_model_get_item (deadlines, i);
      g_ptr_array_add (items, item_new (deadline, facts, &index, words));
    }
  record_index_clear (&index);
  return items;
}

/* @today: the day the dashboard judges by; the language is this thread's now. */
RdDashboardWords *
_rd_dashboard_words_new (const GDate *today)
{
  RdDashboardWords *words = g_atomic_rc_box_new0 (RdDashboardWords);

  words->today = *today;
  words->language = g_strdup (rd_i18n_get_document_language ());
  return words;
}

RdDashboardWords *
_rd_dashboard_words_ref (RdDashboardWords *words)
{
  return g_atomic_rc_box_acquire (words);
}

static void
words_clear (gpointer data)
{
  RdDashboardWords *words = data;

  g_free (words->language);
}

void
_rd_dashboard_words_unref (RdDashboardWords *words)
{
  g_atomic_rc_box_release_full (words, words_clear);
}

/* The item's status in words, in the language the dashboard was worked
 * out in, whatever this thread's. */
static char *
make_status_text (RdDashboardItem *self)
{
  const char *language = self->words->language;
  char *previous;
  char *text;

  if (g_strcmp0 (language, rd_i18n_get_document_language ()) == 0)
    return _rd_dashboard_item_status_text (self, &self->words->today);
  previous = rd_i18n_push_language (language);
  text = _rd_dashboard_item_status_text (self, &self->words->today);
  rd_i18n_pop_language (previous);
  return text;
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

/**
 * rd_dashboard_item_get_status_text:
 *
 * "6 working days late", "Due by Friday 21 February 2025", …: made the
 * first time it is asked for, on any thread, and kept with the item. A
 * case can have tens of thousands of deadlines, of which the window shows
 * a few: what reads them all (the timeline, the notifier) takes
 * rd_dashboard_item_dup_status_text() instead.
 */
const char *
rd_dashboard_item_get_status_text (RdDashboardItem *self)
{
  char *text;

  g_return_val_if_fail (RD_IS_DASHBOARD_ITEM (self), NULL);

  text = g_atomic_pointer_get (&self->status_text);
  if (text == NULL)
    {
      char *made = make_status_text (self);

      if (g_atomic_pointer_compare_and_exchange (&self->status_text, NULL, made))
        {
          g_atomic_int_inc (&self->words->made);
          text = made;
        }
      else
        {
          /* Another thread made it first. */
          g_free (made);
          text = g_atomic_pointer_get (&self->status_text);
        }
    }
  return text;
}

/**
 * rd_dashboard_item_dup_status_text:
 *
 * Returns: (transfer full): rd_dashboard_item_get_status_text()'s words,
 *   made afresh and not kept with the item when it has none yet
 */
char *
rd_dashboard_item_dup_status_text (RdDashboardItem *self)
{
  char *text;

  g_return_val_if_fail (RD_IS_DASHBOARD_ITEM (self), NULL);

  text = g_atomic_pointer_get (&self->status_text);
  return text != NULL ? g_strdup (text) : make_status_text (self);
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
