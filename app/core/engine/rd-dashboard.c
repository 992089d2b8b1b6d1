/* rd-dashboard.c: what a case needs next: its deadlines in order, each with one next step.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-dashboard"

#include "config.h"

#include "rd-gettext.h"

#include "rd-calendar.h"
#include "rd-case-deadlines.h"
#include "rd-dashboard.h"
#include "rd-datetime.h"

/*
 * The dashboard puts first what the resident can act on today: deadlines
 * the landlord has already missed and not made good, then those due
 * within five working days, then later ones, then the ones settled (met,
 * or done late: those are still findings for a letter). Each gets one next
 * step the window can turn into a letter.
 */

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

G_DEFINE_FINAL_TYPE (RdDashboardItem, rd_dashboard_item, G_TYPE_OBJECT)

struct _RdDashboard
{
  GObject             parent_instance;

  GListStore         *items;
  RdCommunityTrigger *trigger;
  RdRemedies         *remedies;
  GPtrArray          *notes;
  GDate               today;
};

G_DEFINE_FINAL_TYPE (RdDashboard, rd_dashboard, G_TYPE_OBJECT)

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

/* Met late is a finding, not a success: say what came, and how late. */
static char *
done_late_text (RdDeadlineKind kind,
                int            late)
{
  switch (kind)
    {
    case RD_DEADLINE_KIND_ACKNOWLEDGEMENT:
      return g_strdup_printf (rd_ngettext ("Acknowledged %d working day late",
                                           "Acknowledged %d working days late", (gulong) late), late);
    case RD_DEADLINE_KIND_RESPONSE:
    case RD_DEADLINE_KIND_ASB_RESPONSE:
      return g_strdup_printf (rd_ngettext ("Answered %d working day late",
                                           "Answered %d working days late", (gulong) late), late);
    case RD_DEADLINE_KIND_EXTENSION:
      return g_strdup_printf (rd_ngettext ("Extension given %d working day late",
                                           "Extension given %d working days late", (gulong) late), late);
    case RD_DEADLINE_KIND_ESCALATION:
      return g_strdup_printf (rd_ngettext ("You asked %d working day late",
                                           "You asked %d working days late", (gulong) late), late);
    case RD_DEADLINE_KIND_OMBUDSMAN:
      return g_strdup_printf (rd_ngettext ("Referred %d working day late",
                                           "Referred %d working days late", (gulong) late), late);
    case RD_DEADLINE_KIND_PROMISE:
      return g_strdup_printf (rd_ngettext ("Kept %d working day late",
                                           "Kept %d working days late", (gulong) late), late);
    case RD_DEADLINE_KIND_REPAIR:
    case RD_DEADLINE_KIND_HAZARD:
    case RD_DEADLINE_KIND_RULE:
    default:
      return g_strdup_printf (rd_ngettext ("Carried out %d working day late",
                                           "Carried out %d working days late", (gulong) late), late);
    }
}

/* Late under a limit in clock hours (Awaab's Law's 24 hours): counted in
 * hours from the times, or at least so many when only the day is known. */
static char *
done_late_hours_text (gint64   minutes,
                      gboolean exact)
{
  int hours = (int) (minutes / 60);

  if (exact && minutes < 60)
    return g_strdup_printf (rd_ngettext ("Carried out %d minute late", "Carried out %d minutes late",
                                         (gulong) minutes), (int) minutes);
  if (exact && minutes % 60 == 0)
    return g_strdup_printf (rd_ngettext ("Carried out %d hour late", "Carried out %d hours late",
                                         (gulong) hours), hours);
  if (exact)
    return g_strdup_printf (rd_ngettext ("Carried out more than %d hour late",
                                         "Carried out more than %d hours late", (gulong) hours), hours);
  if (hours > 0)
    return g_strdup_printf (rd_ngettext ("Carried out at least %d hour late",
                                         "Carried out at least %d hours late", (gulong) hours), hours);
  return g_strdup (_("Carried out late"));
}

static char *
status_text_of (RdDashboardItem *item,
                const GDate     *today)
{
  RdDeadline *deadline = item->deadline;
  int late = rd_deadline_get_working_days_late (deadline);
  g_autofree char *due_text = g_date_valid (&item->due) ? rd_date_format_long (&item->due) : NULL;
  gint64 minutes;
  gboolean exact;

  switch (item->group)
    {
    case RD_DASHBOARD_OVERDUE:
      if (rd_deadline_get_party (deadline) == RD_DEADLINE_ON_RESIDENT)
        return g_strdup_printf (rd_ngettext ("The time ran out %d working day ago",
                                             "The time ran out %d working days ago", (gulong) ABS (late)),
                                ABS (late));
      return g_strdup_printf (rd_ngettext ("%d working day late",
                                           "%d working days late", (gulong) ABS (late)),
                              ABS (late));
    case RD_DASHBOARD_DUE_SOON:
      if (g_date_valid (&item->due) && g_date_compare (&item->due, today) == 0)
        return g_strdup (_("Due today"));
      if (item->due_next_working_day)
        /* Translators: "Due by Monday 18 November 2024, the next working day" */
        return g_strdup_printf (_("Due by %s, the next working day"), due_text);
      return g_strdup_printf (rd_ngettext ("Due by %s, in %d working day",
                                           "Due by %s, in %d working days", (gulong) ABS (late)),
                              due_text, ABS (late));
    case RD_DASHBOARD_LATER:
      return g_strdup_printf (_("Due by %s"), due_text);
    case RD_DASHBOARD_DONE:
      if (rd_deadline_get_hours_late (deadline, &minutes, &exact))
        return done_late_hours_text (minutes, exact);
      if (rd_deadline_get_status (deadline) == RD_DEADLINE_MISSED && late > 0)
        return done_late_text (rd_deadline_get_kind (deadline), late);
      if (rd_deadline_get_status (deadline) == RD_DEADLINE_MISSED)
        return g_strdup (_("Not as the rules allow"));
      return g_strdup (_("Done in time"));
    case RD_DASHBOARD_N_GROUPS:
    default:
      g_return_val_if_reached (NULL);
    }
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

          /* Translators: the diary entry a deadline is about, "Diary entry of Sat 14 Sep 2024, 00:30: Party next door" */
          item->context = g_strdup_printf (_("Diary entry of %s: %s"), when, summary);
        }
    }
  if (item->context == NULL)
    item->context = g_strdup ("");

  item->status_text = status_text_of (item, today);
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

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  RdDashboardItem *ia = (RdDashboardItem *) a;
  RdDashboardItem *ib = (RdDashboardItem *) b;
  int cmp;

  if (ia->group != ib->group)
    return ia->group < ib->group ? -1 : 1;
  switch (ia->group)
    {
    case RD_DASHBOARD_OVERDUE:
      /* The longest overdue first. */
      cmp = rd_deadline_get_working_days_late (ib->deadline) - rd_deadline_get_working_days_late (ia->deadline);
      break;
    case RD_DASHBOARD_DONE:
      /* The most recent first. */
      cmp = g_date_valid (&ia->due) && g_date_valid (&ib->due) ? g_date_compare (&ib->due, &ia->due) : 0;
      break;
    case RD_DASHBOARD_DUE_SOON:
    case RD_DASHBOARD_LATER:
    case RD_DASHBOARD_N_GROUPS:
    default:
      cmp = g_date_valid (&ia->due) && g_date_valid (&ib->due) ? g_date_compare (&ia->due, &ib->due) : 0;
      break;
    }
  if (cmp != 0)
    return cmp;
  return g_strcmp0 (ia->key, ib->key);
}

static int
compare_item_ptrs (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return compare_items (*(gconstpointer *) a, *(gconstpointer *) b, user_data);
}

static void
rd_dashboard_finalize (GObject *object)
{
  RdDashboard *self = (RdDashboard *)object;

  g_clear_object (&self->items);
  g_clear_pointer (&self->trigger, rd_community_trigger_free);
  g_clear_pointer (&self->remedies, rd_remedies_free);
  g_clear_pointer (&self->notes, g_ptr_array_unref);

  G_OBJECT_CLASS (rd_dashboard_parent_class)->finalize (object);
}

static void
rd_dashboard_class_init (RdDashboardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_dashboard_finalize;
}

static void
rd_dashboard_init (RdDashboard *self)
{
  self->items = g_list_store_new (RD_TYPE_DASHBOARD_ITEM);
  self->notes = g_ptr_array_new_with_free_func (g_free);
}

/**
 * rd_dashboard_new:
 * @landlord: (nullable): the landlord's own policy, if the case has one
 * @today: the resident's today
 *
 * Works out the case's deadlines and puts them in the dashboard's order,
 * and checks the diary against the Community Trigger threshold.
 */
RdDashboard *
rd_dashboard_new (RdCaseFacts *facts,
                  RdPolicy    *landlord,
                  const GDate *today)
{
  g_autoptr(RdDeadlineReport) report = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  RecordIndex index;
  RdDashboard *self;
  GListModel *deadlines;

  g_return_val_if_fail (RD_IS_CASE_FACTS (facts), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_object_new (RD_TYPE_DASHBOARD, NULL);
  self->today = *today;
  report = rd_case_facts_compute_deadlines (facts, landlord, today);
  deadlines = rd_deadline_report_get_deadlines (report);
  record_index_init (&index, facts);
  for (guint i = 0, n = g_list_model_get_n_items (deadlines); i < n; i++)
    {
      g_autoptr(RdDeadline) deadline = g_list_model_get_item (deadlines, i);
      g_ptr_array_add (items, item_new (deadline, facts, &index, today));
    }
  record_index_clear (&index);
  self->remedies = rd_remedies_suggest (deadlines, today);
  rd_remedies_add_service_losses (self->remedies, rd_case_facts_get_incidents (facts));
  g_ptr_array_sort_with_data (items, compare_item_ptrs, NULL);
  g_list_store_splice (self->items, 0, 0, items->pdata, items->len);

  for (guint i = 0; i < rd_deadline_report_get_n_notes (report); i++)
    g_ptr_array_add (self->notes, g_strdup (rd_deadline_report_get_note (report, i)));
  {
    RdAsbReviewThreshold threshold;
    g_autoptr(RdCommunityTrigger) trigger = NULL;

    /* What Next shows the review only when the reports meet the threshold. */
    rd_asb_review_threshold_from_case (&threshold, rd_case_facts_get_case (facts));
    trigger = rd_community_trigger_check (rd_case_facts_get_incidents (facts), &threshold, today);
    if (trigger->met)
      self->trigger = g_steal_pointer (&trigger);
  }
  return self;
}

/**
 * rd_dashboard_get_items:
 *
 * Returns: (transfer none): the #RdDashboardItem list, in the dashboard's order
 */
GListModel *
rd_dashboard_get_items (RdDashboard *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD (self), NULL);

  return G_LIST_MODEL (self->items);
}

guint
rd_dashboard_count (RdDashboard      *self,
                    RdDashboardGroup  group)
{
  guint count = 0;

  g_return_val_if_fail (RD_IS_DASHBOARD (self), 0);

  for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (self->items)); i < n; i++)
    {
      g_autoptr(RdDashboardItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (item->group == group)
        count++;
    }
  return count;
}

/**
 * rd_dashboard_get_remedies:
 *
 * What the resident may ask for, from the deadlines the landlord missed
 * (rd_remedies_suggest()).
 *
 * Returns: (transfer none): the suggestion, possibly with no lines
 */
RdRemedies *
rd_dashboard_get_remedies (RdDashboard *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD (self), NULL);
  return self->remedies;
}

/**
 * rd_dashboard_get_community_trigger:
 *
 * Returns: (transfer none) (nullable): the diary entries that meet the ASB
 *   Case Review threshold, or %NULL when the diary does not meet it
 */
RdCommunityTrigger *
rd_dashboard_get_community_trigger (RdDashboard *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD (self), NULL);

  return self->trigger;
}

guint
rd_dashboard_get_n_notes (RdDashboard *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD (self), 0);

  return self->notes->len;
}

/* Things the engine could not check, or policies that say more than the Code. */
const char *
rd_dashboard_get_note (RdDashboard *self,
                       guint        index)
{
  g_return_val_if_fail (RD_IS_DASHBOARD (self), NULL);
  g_return_val_if_fail (index < self->notes->len, NULL);

  return g_ptr_array_index (self->notes, index);
}

const GDate *
rd_dashboard_get_today (RdDashboard *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD (self), NULL);

  return &self->today;
}

/**
 * rd_dashboard_get_complaint_deadlines:
 *
 * Returns: (transfer container) (element-type RdDashboardItem): the items
 *   of one complaint, in the dashboard's order
 */
GPtrArray *
rd_dashboard_get_complaint_deadlines (RdDashboard *self,
                                      gint64       complaint_id)
{
  GPtrArray *found;

  g_return_val_if_fail (RD_IS_DASHBOARD (self), NULL);

  found = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (self->items)); i < n; i++)
    {
      RdDashboardItem *item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (item->complaint_id == complaint_id && complaint_id != 0)
        g_ptr_array_add (found, item);
      else
        g_object_unref (item);
    }
  return found;
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
