/* rd-timeline.c: what a picture of a case shows: incidents by week, reports, contacts, deadlines.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The picture and the list a screen reader reads are made from these
 * items, so they cannot say different things. Every deadline (the
 * complaint's, the Ombudsman's window, promises, repairs and the steps of
 * Awaab's Law) comes from What Next (rd_dashboard_new(), which
 * goes through rd_case_facts_compute_deadlines()): the timeline shows the
 * same due dates and the same "answered 2 working days late" as the rest
 * of Redress, and works nothing out itself.
 *
 * Nothing the picture draws or a file of it says carries what the
 * resident wrote (summaries, names, what was promised): the picture goes
 * into bundles, anonymised or not, and is shared as a file. So a promise
 * is named by who made it, not by What Next's title, which quotes it. Only
 * the window's list, read in Redress by the resident, says more of a
 * contact: who it was with and what it was about (its heading and about,
 * rd_timeline_item_dup_spoken(), in rd-timeline-words.c), so that two
 * contacts of the same minute do not read alike.
 */
#define G_LOG_DOMAIN "rd-timeline"

#include "config.h"

#include "rd-gettext.h"

#include "rd-dashboard.h"
#include "rd-datetime.h"
#include "rd-hash.h"
#include "rd-memory.h"
#include "rd-shared-text.h"
#include "rd-timeline-items-private.h"

/* Today is drawn when it is no further than this after the last thing
 * recorded; a case closed years ago is drawn on its own dates. */
#define TODAY_REACH_DAYS 183

/* Shared by reference and never changed once made, so a worker may draw
 * it while the window reads it. */
struct _RdTimeline
{
  GPtrArray *items;
  GDate      first;
  GDate      last;
  GDate      today;
  guint      n_kind[RD_TIMELINE_N_KINDS];
  guint      n_rows[RD_TIMELINE_N_KINDS];  /* by the kind that names a lane */
  guint      max_week_total;
  GHashTable *weeks;  /* while it is made: Monday's Julian day → its week's item */
};

/* A lane of deadlines holds at most this many rows. A case with more
 * deadlines in one lane (an adviser's years of repairs) has them share
 * rows, each taking the row that came free the earliest, so that the
 * picture keeps a height a window, an image and a page can hold: one row
 * per deadline made a picture of 30,000 repairs 780,000 pixels tall. */
#define MAX_LANE_ROWS 24

typedef struct {
  guint n_rows;
  GDate free_from[MAX_LANE_ROWS];  /* the last day a row's deadlines reach */
  guint n_items[MAX_LANE_ROWS];
} Lane;

/* An item's texts are GRefStrings once its timeline is made (share_texts()). */
static void
item_free (gpointer data)
{
  RdTimelineItem *item = data;

  g_clear_pointer (&item->when, g_ref_string_release);
  g_clear_pointer (&item->title, g_ref_string_release);
  g_clear_pointer (&item->detail, g_ref_string_release);
  g_clear_pointer (&item->heading, g_ref_string_release);
  g_clear_pointer (&item->about, g_ref_string_release);
  g_free (item);
}

/* A long case's timeline says the same few words for thousands of items
 * ("Repair (Routine repair)", "Done in time", "Due by Friday 21 February
 * 2025"): each is kept once, shared by the items that say it. The digests
 * are made here, where the timeline is made, not by the window (issue 17). */
static void
share_texts (GPtrArray *items)
{
  g_autoptr(GHashTable) texts = rd_shared_texts_new ();

  for (guint i = 0; i < items->len; i++)
    {
      RdTimelineItem *item = g_ptr_array_index (items, i);

      item->when = rd_shared_texts_take (texts, item->when);
      item->title = rd_shared_texts_take (texts, item->title);
      item->detail = rd_shared_texts_take (texts, item->detail);
      item->digest = rd_text_digest_add (RD_TEXT_DIGEST_START, item->when);
      item->digest = rd_text_digest_add (item->digest, item->title);
      item->digest = rd_text_digest_add (item->digest, item->detail);
      if (item->heading == NULL)
        continue;
      /* A contact's row says more than its mark: who and what about. */
      item->heading = rd_shared_texts_take (texts, item->heading);
      item->about = rd_shared_texts_take (texts, item->about);
      item->digest = rd_text_digest_add (item->digest, item->heading);
      item->digest = rd_text_digest_add (item->digest, item->about);
    }
}

RdTimelineItem *
_rd_timeline_item_new (RdTimelineKind kind,
                       const GDate   *date)
{
  RdTimelineItem *item = g_new0 (RdTimelineItem, 1);

  item->kind = kind;
  item->date = *date;
  g_date_clear (&item->end, 1);
  return item;
}

static GDate *
local_date (GDateTime *dt)
{
  g_autoptr(GDateTime) local = rd_datetime_to_local (dt);

  return rd_datetime_get_date (local);
}

static int
iso_week_year (const GDate *monday)
{
  GDate thursday = *monday;

  /* The ISO year of a week is the year its Thursday falls in. */
  g_date_add_days (&thursday, 3);
  return g_date_get_year (&thursday);
}

static char *
week_counts_text (const RdTimelineItem *item)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint c = 0; c < RD_CATEGORY_N_CATEGORIES; c++)
    {
      if (item->counts[c] == 0)
        continue;
      if (text->len > 0)
        /* Translators: between the categories of a week's incidents, "Noise: 2, Harassment: 1" */
        g_string_append (text, _(", "));
      /* Translators: a category of incident and how many there were that week, "Noise: 2" */
      g_string_append_printf (text, _("%s: %u"), rd_category_get_label (c), item->counts[c]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Counts @incident in its week's item, made when it is the week's first. */
static void
count_in_week (RdTimeline *self,
               RdIncident *incident)
{
  g_autoptr(GDate) day = NULL;
  RdTimelineItem *item;
  RdCategory category;
  guint32 monday;

  if (rd_incident_get_starts_at (incident) == NULL)
    return;
  day = local_date (rd_incident_get_starts_at (incident));
  monday = g_date_get_julian (day) - (g_date_get_weekday (day) - G_DATE_MONDAY);
  item = g_hash_table_lookup (self->weeks, GUINT_TO_POINTER (monday));
  if (item == NULL)
    {
      GDate start;

      g_date_clear (&start, 1);
      g_date_set_julian (&start, monday);
      item = _rd_timeline_item_new (RD_TIMELINE_WEEK, &start);
      item->end = start;
      g_date_add_days (&item->end, 6);
      item->week = (int) g_date_get_iso8601_week_of_year (&start);
      item->week_year = iso_week_year (&start);
      g_hash_table_insert (self->weeks, GUINT_TO_POINTER (monday), item);
      g_ptr_array_add (self->items, item);
    }
  category = rd_incident_get_category (incident);
  if ((guint) category >= RD_CATEGORY_N_CATEGORIES)
    category = RD_CATEGORY_OTHER;
  item->counts[category]++;
  item->total++;
}

/* Each week's words, once every incident is counted. */
static void
name_weeks (GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      RdTimelineItem *item = g_ptr_array_index (items, i);
      g_autofree char *monday = NULL;

      if (item->kind != RD_TIMELINE_WEEK)
        continue;
      monday = rd_date_format_long (&item->date);
      /* Translators: "Week 10 of 2024, from Monday 4 March 2024": an ISO
       * week number, its year, and the date of its Monday */
      item->when = g_strdup_printf (_("Week %1$d of %2$d, from %3$s"),
                                    item->week, item->week_year, monday);
      item->title = g_strdup_printf (rd_ngettext ("%u incident", "%u incidents", item->total),
                                     item->total);
      item->detail = week_counts_text (item);
    }
}

static void
add_report (GPtrArray  *items,
            RdIncident *incident)
{
  RdTimelineItem *item;
  RdMoment reported;

  if (!rd_incident_get_landlord_reported (incident, &reported))
    return;
  item = _rd_timeline_item_new (RD_TIMELINE_REPORT, &reported.date);
  item->category = rd_incident_get_category (incident);
  item->when = rd_moment_format_long (&reported);
  /* Translators: %s is the category of the incident, "Noise" */
  item->title = g_strdup_printf (_("Reported to the landlord: %s"),
                                 rd_category_get_label (item->category));
  item->detail = g_strdup ("");
  g_ptr_array_add (items, item);
}

/**
 * _rd_timeline_add_incident:
 *
 * Counts @incident in its week and adds its report to the landlord, if
 * it was reported: for a timeline being made (_rd_timeline_begin()),
 * which keeps nothing of @incident.
 */
void
_rd_timeline_add_incident (RdTimeline *self,
                           RdIncident *incident)
{
  count_in_week (self, incident);
  add_report (self->items, incident);
}

static gboolean
is_stage_kind (RdDeadlineKind kind)
{
  return kind == RD_DEADLINE_KIND_ACKNOWLEDGEMENT || kind == RD_DEADLINE_KIND_RESPONSE ||
         kind == RD_DEADLINE_KIND_EXTENSION || kind == RD_DEADLINE_KIND_ESCALATION;
}

/* The day of the complaint step a deadline counts from: for the
 * Ombudsman's window, the landlord's final response. */
static gboolean
find_trigger (RdCaseFacts *facts,
              RdDeadline  *deadline,
              GDate       *out)
{
  GPtrArray *complaints = rd_case_facts_get_complaints (facts);
  const RdDeadlineSource *source;

  if (rd_deadline_get_n_sources (deadline) == 0)
    return FALSE;
  source = rd_deadline_get_source (deadline, 0);
  if (source->type != RD_CASE_EVENT_COMPLAINT)
    return FALSE;
  for (guint i = 0; i < complaints->len; i++)
    {
      GPtrArray *events = rd_case_facts_get_events (facts, g_ptr_array_index (complaints, i));

      for (guint e = 0; e < events->len; e++)
        {
          RdComplaintEvent *event = g_ptr_array_index (events, e);

          if (rd_complaint_event_get_id (event) == source->id &&
              rd_complaint_event_get_date (event) != NULL)
            {
              *out = *rd_complaint_event_get_date (event);
              return TRUE;
            }
        }
    }
  return FALSE;
}

static RdTimelineItem *
deadline_item (RdCaseFacts     *facts,
               RdDashboardItem *entry)
{
  RdDeadline *deadline = rd_dashboard_item_get_deadline (entry);
  RdDeadlineKind kind = rd_deadline_get_kind (deadline);
  const RdMoment *due = rd_deadline_get_due (deadline);
  const RdMoment *done = rd_deadline_get_done (deadline);
  g_autofree char *due_text = NULL;
  RdTimelineItem *item;

  if (!rd_moment_is_set (due))
    return NULL;
  due_text = rd_moment_format_long (due);
  if (kind == RD_DEADLINE_KIND_OMBUDSMAN)
    {
      g_autofree char *from_text = NULL;
      GDate from;

      if (!find_trigger (facts, deadline, &from) || g_date_compare (&from, &due->date) > 0)
        return NULL;
      item = _rd_timeline_item_new (RD_TIMELINE_REFERRAL, &from);
      item->end = due->date;
      from_text = rd_date_format_long (&from);
      /* Translators: a period of time, "From Monday 4 March 2024 until
       * Tuesday 4 March 2025" */
      item->when = g_strdup_printf (_("From %1$s until %2$s"), from_text, due_text);
    }
  else
    {
      item = _rd_timeline_item_new (RD_TIMELINE_STAGE, &due->date);
      if (rd_moment_is_set (done))
        item->end = done->date;
      /* Translators: when a complaint deadline fell, "Due by Monday 4 March 2024" */
      item->when = g_strdup_printf (_("Due by %s"), due_text);
    }
  item->deadline_kind = kind;
  item->status = rd_deadline_get_status (deadline);
  item->complaint = rd_dashboard_item_get_complaint_id (entry);
  item->stage = rd_deadline_get_stage (deadline);
  item->title = g_strdup (rd_dashboard_item_get_title (entry));
  item->detail = rd_dashboard_item_dup_status_text (entry);
  return item;
}

/* How a promise went, in the words of keeping and breaking it. Open ones
 * say what What Next says ("Due by …, in 3 working days"). */
static char *
promise_detail (RdDashboardItem *entry)
{
  RdDeadline *deadline = rd_dashboard_item_get_deadline (entry);
  int late = rd_deadline_get_working_days_late (deadline);

  switch (rd_deadline_get_status (deadline))
    {
    case RD_DEADLINE_MET:
      return g_strdup (_("Kept in time"));
    case RD_DEADLINE_MISSED:
      if (rd_moment_is_set (rd_deadline_get_done (deadline)))
        return g_strdup_printf (rd_ngettext ("Kept %d working day late",
                                             "Kept %d working days late", (gulong) ABS (late)),
                                ABS (late));
      return g_strdup_printf (rd_ngettext ("Broken: %d working day past its date",
                                           "Broken: %d working days past its date",
                                           (gulong) ABS (late)),
                              ABS (late));
    case RD_DEADLINE_PENDING:
    case RD_DEADLINE_DUE_SOON:
    default:
      return rd_dashboard_item_dup_status_text (entry);
    }
}

/* A promise, a repair or a step of Awaab's Law: a due date, and the day
 * it was done, as the complaint's deadlines are drawn. */
static RdTimelineItem *
report_deadline_item (RdDashboardItem *entry,
                      RdTimelineKind   timeline_kind)
{
  RdDeadline *deadline = rd_dashboard_item_get_deadline (entry);
  const RdMoment *due = rd_deadline_get_due (deadline);
  const RdMoment *done = rd_deadline_get_done (deadline);
  g_autofree char *due_text = NULL;
  RdTimelineItem *item;

  if (!rd_moment_is_set (due))
    return NULL;
  due_text = rd_moment_format_long (due);
  item = _rd_timeline_item_new (timeline_kind, &due->date);
  if (rd_moment_is_set (done))
    item->end = done->date;
  item->when = g_strdup_printf (_("Due by %s"), due_text);
  item->deadline_kind = rd_deadline_get_kind (deadline);
  item->status = rd_deadline_get_status (deadline);
  item->complaint = rd_deadline_get_group (deadline);
  item->stage = rd_deadline_get_stage (deadline);
  if (timeline_kind == RD_TIMELINE_PROMISE)
    {
      item->landlord = rd_deadline_get_party (deadline) == RD_DEADLINE_ON_LANDLORD;
      item->title = item->landlord ? g_strdup (_("Promise from the landlord"))
                                   : g_strdup (_("Promise from someone other than the landlord"));
      item->detail = promise_detail (entry);
    }
  else
    {
      item->title = g_strdup (rd_dashboard_item_get_title (entry));
      item->detail = rd_dashboard_item_dup_status_text (entry);
    }
  return item;
}

static RdTimelineKind
timeline_kind_of (RdDeadlineKind kind)
{
  if (is_stage_kind (kind))
    return RD_TIMELINE_STAGE;
  switch (kind)
    {
    case RD_DEADLINE_KIND_OMBUDSMAN:
      return RD_TIMELINE_REFERRAL;
    case RD_DEADLINE_KIND_PROMISE:
      return RD_TIMELINE_PROMISE;
    case RD_DEADLINE_KIND_REPAIR:
      return RD_TIMELINE_REPAIR;
    case RD_DEADLINE_KIND_HAZARD:
      return RD_TIMELINE_HAZARD;
    case RD_DEADLINE_KIND_ACKNOWLEDGEMENT:
    case RD_DEADLINE_KIND_RESPONSE:
    case RD_DEADLINE_KIND_EXTENSION:
    case RD_DEADLINE_KIND_ESCALATION:
    case RD_DEADLINE_KIND_ASB_RESPONSE:
    case RD_DEADLINE_KIND_RULE:
    default:
      return RD_TIMELINE_N_KINDS;
    }
}

static void
add_deadlines (GPtrArray   *items,
               RdCaseFacts *facts,
               RdDashboard *dashboard)
{
  GListModel *entries = rd_dashboard_get_items (dashboard);
  guint n = g_list_model_get_n_items (entries);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdDashboardItem) entry = g_list_model_get_item (entries, i);
      RdDeadlineKind kind = rd_deadline_get_kind (rd_dashboard_item_get_deadline (entry));
      RdTimelineKind timeline_kind = timeline_kind_of (kind);
      RdTimelineItem *item;

      if (timeline_kind == RD_TIMELINE_N_KINDS)
        continue;
      if (timeline_kind == RD_TIMELINE_STAGE || timeline_kind == RD_TIMELINE_REFERRAL)
        item = deadline_item (facts, entry);
      else
        item = report_deadline_item (entry, timeline_kind);
      if (item != NULL)
        g_ptr_array_add (items, item);
    }
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const RdTimelineItem *x = *(const RdTimelineItem * const *) a;
  const RdTimelineItem *y = *(const RdTimelineItem * const *) b;
  int by_date = g_date_compare (&x->date, &y->date);

  if (by_date != 0)
    return by_date;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if (x->complaint != y->complaint)
    return x->complaint < y->complaint ? -1 : 1;
  return x->stage < y->stage ? -1 : x->stage > y->stage;
}

static void
find_range (RdTimeline *self)
{
  GDate last;

  self->first = self->today;
  last = self->today;
  for (guint i = 0; i < self->items->len; i++)
    {
      RdTimelineItem *item = g_ptr_array_index (self->items, i);

      if (i == 0 || g_date_compare (&item->date, &self->first) < 0)
        self->first = item->date;
      if (i == 0 || g_date_compare (&item->date, &last) > 0)
        last = item->date;
      if (g_date_valid (&item->end) && g_date_compare (&item->end, &last) > 0)
        last = item->end;
    }
  if (self->items->len > 0 && g_date_compare (&self->today, &last) > 0 &&
      g_date_days_between (&last, &self->today) <= TODAY_REACH_DAYS)
    last = self->today;
  if (self->items->len > 0 && g_date_compare (&self->today, &self->first) < 0)
    self->first = self->today;

  /* Whole weeks, Monday to Sunday, so the columns are weeks. */
  g_date_subtract_days (&self->first, g_date_get_weekday (&self->first) - G_DATE_MONDAY);
  self->last = last;
  g_date_add_days (&self->last, G_DATE_SUNDAY - g_date_get_weekday (&last));
}

/* The lane an item's row is in: complaint stages, the Ombudsman's window,
 * or repairs with the steps of Awaab's Law; RD_TIMELINE_N_KINDS for an
 * item without a row. */
static RdTimelineKind
lane_of (const RdTimelineItem *item)
{
  switch (item->kind)
    {
    case RD_TIMELINE_STAGE:
    case RD_TIMELINE_REFERRAL:
    case RD_TIMELINE_REPAIR:
      return item->kind;
    case RD_TIMELINE_HAZARD:
      return RD_TIMELINE_REPAIR;
    case RD_TIMELINE_WEEK:
    case RD_TIMELINE_REPORT:
    case RD_TIMELINE_CONTACT:
    case RD_TIMELINE_PROMISE:
    case RD_TIMELINE_N_KINDS:
    default:
      return RD_TIMELINE_N_KINDS;
    }
}

/* The last day @item reaches in its row: the day it was met, or today
 * for one still late. */
static GDate
last_day_drawn (const RdTimeline     *self,
                const RdTimelineItem *item)
{
  GDate last = item->date;

  if (g_date_valid (&item->end) && g_date_compare (&item->end, &last) > 0)
    last = item->end;
  if (!g_date_valid (&item->end) && item->status == RD_DEADLINE_MISSED &&
      g_date_compare (&self->today, &last) > 0)
    last = self->today;
  return last;
}

/* Gives @item a row of its own while the lane has room, then the row
 * that came free the earliest (items come in date order). */
static void
lane_place (Lane             *lane,
            const RdTimeline *self,
            RdTimelineItem   *item)
{
  GDate last = last_day_drawn (self, item);
  guint row = 0;

  if (lane->n_rows < MAX_LANE_ROWS)
    row = lane->n_rows++;
  else
    for (guint r = 1; r < MAX_LANE_ROWS; r++)
      {
        int by_day = g_date_compare (&lane->free_from[r], &lane->free_from[row]);

        /* Of rows free as early, the one holding the fewest. */
        if (by_day < 0 || (by_day == 0 && lane->n_items[r] < lane->n_items[row]))
          row = r;
      }
  if (lane->n_items[row] == 0 || g_date_compare (&last, &lane->free_from[row]) > 0)
    lane->free_from[row] = last;
  lane->n_items[row]++;
  item->row = (int) row;
}

/* Counts what a picture's layout needs to know of every item, once, so
 * that laying the picture out, or finding where one item is, does not go
 * through tens of thousands of them again: how many there are of each
 * kind, the busiest week, and each deadline's row in its lane. */
static void
count_items (RdTimeline *self)
{
  Lane *lanes = g_new0 (Lane, RD_TIMELINE_N_KINDS);

  for (guint i = 0; i < self->items->len; i++)
    {
      RdTimelineItem *item = g_ptr_array_index (self->items, i);
      RdTimelineKind lane = lane_of (item);

      self->n_kind[item->kind]++;
      item->row = -1;
      if (lane != RD_TIMELINE_N_KINDS)
        lane_place (&lanes[lane], self, item);
      else if (item->kind == RD_TIMELINE_WEEK)
        self->max_week_total = MAX (self->max_week_total, item->total);
    }
  /* A row several deadlines share carries none of their names: the list
   * beside the picture has them. */
  for (guint i = 0; i < self->items->len; i++)
    {
      RdTimelineItem *item = g_ptr_array_index (self->items, i);
      RdTimelineKind lane = lane_of (item);

      if (lane != RD_TIMELINE_N_KINDS)
        item->row_shared = lanes[lane].n_items[item->row] > 1;
    }
  for (RdTimelineKind kind = 0; kind < RD_TIMELINE_N_KINDS; kind++)
    self->n_rows[kind] = lanes[kind].n_rows;
  g_free (lanes);
}

/**
 * _rd_timeline_begin:
 *
 * Returns: (transfer full): a timeline to add a case's diary entries and
 *   contacts to, then to finish with _rd_timeline_finish()
 */
RdTimeline *
_rd_timeline_begin (void)
{
  RdTimeline *self = g_atomic_rc_box_new0 (RdTimeline);

  self->items = g_ptr_array_new_with_free_func (item_free);
  self->weeks = g_hash_table_new (g_direct_hash, g_direct_equal);
  return self;
}

/* The items of a timeline being made, to add to. */
GPtrArray *
_rd_timeline_get_items (RdTimeline *self)
{
  return self->items;
}

/**
 * _rd_timeline_finish:
 * @facts: the case's people and complaints (its diary and contacts were
 *   added already, and are not read again)
 *
 * Adds @dashboard's deadlines to @self, names its weeks, and puts its
 * items in date order.
 *
 * Returns: (transfer full): @self, made
 */
RdTimeline *
_rd_timeline_finish (RdTimeline  *self,
                     RdCaseFacts *facts,
                     RdDashboard *dashboard)
{
  g_clear_pointer (&self->weeks, g_hash_table_unref);
  self->today = *rd_dashboard_get_today (dashboard);
  name_weeks (self->items);
  add_deadlines (self->items, facts, dashboard);
  share_texts (self->items);
  g_ptr_array_sort (self->items, compare_items);
  find_range (self);
  count_items (self);
  return self;
}

/**
 * rd_timeline_ref:
 *
 * Returns: (transfer full): @self, for one more holder (a worker drawing
 *   it while the window shows it)
 */
RdTimeline *
rd_timeline_ref (RdTimeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
timeline_clear (gpointer data)
{
  RdTimeline *self = data;

  g_clear_pointer (&self->weeks, g_hash_table_unref);
  rd_memory_let_go_elsewhere (self->items, (GDestroyNotify) g_ptr_array_unref);
}

void
rd_timeline_unref (RdTimeline *self)
{
  if (self == NULL)
    return;
  g_atomic_rc_box_release_full (self, timeline_clear);
}

guint
rd_timeline_get_n_items (RdTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->items->len;
}

const RdTimelineItem *
rd_timeline_get_item (RdTimeline *self,
                      guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return g_ptr_array_index (self->items, index);
}

/* The first day drawn: a Monday on or before the first item and today. */
const GDate *
rd_timeline_get_first (RdTimeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->first;
}

/* The last day drawn: a Sunday. */
const GDate *
rd_timeline_get_last (RdTimeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->last;
}

const GDate *
rd_timeline_get_today (RdTimeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->today;
}

guint
rd_timeline_count_kind (RdTimeline     *self,
                        RdTimelineKind  kind)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (kind < RD_TIMELINE_N_KINDS, 0);

  return self->n_kind[kind];
}

/**
 * rd_timeline_count_rows:
 * @lane: RD_TIMELINE_STAGE, RD_TIMELINE_REFERRAL or RD_TIMELINE_REPAIR
 *   (repairs and the steps of Awaab's Law)
 *
 * Returns: how many rows the deadlines of @lane are drawn on: one each,
 *   up to a limit, after which they share rows
 */
guint
rd_timeline_count_rows (RdTimeline     *self,
                        RdTimelineKind  lane)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (lane < RD_TIMELINE_N_KINDS, 0);

  return self->n_rows[lane];
}

/* The most incidents in one week, at least 1. */
guint
rd_timeline_get_max_week_total (RdTimeline *self)
{
  g_return_val_if_fail (self != NULL, 1);

  return MAX (self->max_week_total, 1);
}
