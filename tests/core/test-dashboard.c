/* test-dashboard.c: each sequence of complaint events gives the right order and next steps;
 * letters carry the dates and the working-day counts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rd-core.h"

/* Facts built in memory, with ids given by hand as the store would. */
typedef struct {
  RdCaseFacts *facts;
  RdComplaint *complaint;
  gint64       next_id;
} Case;

static GDate *
day (const char *iso)
{
  GDate *d = rd_date_parse_iso (iso, NULL);

  g_assert_nonnull (d);
  return d;
}

static void
case_init (Case *c)
{
  g_autoptr(RdCase) rcase = rd_case_new ();
  const char *points[] = { "Handling of my reports of noise from Flat 6", "The associated complaint", NULL };

  rd_case_set_id (rcase, 1);
  rd_case_set_title (rcase, "Noise");
  rd_case_set_resident_name (rcase, "Sam Resident");
  rd_case_set_address (rcase, "Flat 5, 1 High Street");
  rd_case_set_landlord_name (rcase, "Northway Homes");
  rd_case_set_contact_preferences (rcase, "Email only, please");
  rd_case_set_adjustments (rcase, "Large print");
  c->facts = rd_case_facts_new (rcase);
  c->complaint = rd_complaint_new ();
  rd_complaint_set_id (c->complaint, 7);
  rd_complaint_set_case_id (c->complaint, 1);
  rd_complaint_set_reference (c->complaint, "NH-113");
  rd_complaint_set_points (c->complaint, points);
  rd_complaint_set_outcomes (c->complaint, RD_OUTCOME_APOLOGY | RD_OUTCOME_CCTV);
  rd_case_facts_add_complaint (c->facts, c->complaint);
  c->next_id = 100;
}

static void
case_clear (Case *c)
{
  g_clear_object (&c->complaint);
  g_clear_object (&c->facts);
}

static void
step (Case                 *c,
      RdComplaintEventKind  kind,
      guint                 stage,
      const char           *date,
      const char           *new_date)
{
  g_autoptr(RdComplaintEvent) event = rd_complaint_event_new (kind);
  g_autoptr(GDate) d = day (date);
  g_autoptr(GDate) n = new_date ? day (new_date) : NULL;

  rd_complaint_event_set_id (event, c->next_id++);
  rd_complaint_event_set_complaint_id (event, 7);
  rd_complaint_event_set_stage (event, stage);
  rd_complaint_event_set_date (event, d);
  rd_complaint_event_set_new_date (event, n);
  rd_case_facts_add_event (c->facts, c->complaint, event);
}

static RdContact *
contact (Case        *c,
         const char  *when,
         RdContactDirection direction,
         gint64       party_id,
         const char  *promise,
         const char  *due)
{
  RdContact *contact = rd_contact_new ();
  g_autoptr(GDateTime) at = rd_datetime_parse_local (when, NULL);
  g_autoptr(GDate) d = due ? day (due) : NULL;

  rd_contact_set_id (contact, c->next_id++);
  rd_contact_set_case_id (contact, 1);
  rd_contact_set_occurred_at (contact, at);
  rd_contact_set_direction (contact, direction);
  rd_contact_set_party_id (contact, party_id);
  rd_contact_set_summary (contact, "A call");
  rd_contact_set_promise (contact, promise ? promise : "");
  rd_contact_set_promise_due (contact, d);
  rd_case_facts_add_contact (c->facts, contact);
  return contact;
}

static RdDashboard *
dashboard_on (Case       *c,
              const char *today)
{
  g_autoptr(GDate) d = day (today);

  return rd_dashboard_new (c->facts, NULL, d);
}

/* Items are borrowed: the dashboard's list keeps them alive. */
static RdDashboardItem *
item_at (RdDashboard *dashboard,
         guint        i)
{
  GListModel *items = rd_dashboard_get_items (dashboard);
  RdDashboardItem *item;

  g_assert_cmpuint (i, <, g_list_model_get_n_items (items));
  item = g_list_model_get_item (items, i);
  g_object_unref (item);
  return item;
}

static RdDashboardItem *
find (RdDashboard    *dashboard,
      RdDeadlineKind  kind,
      int             stage)   /* -1: any */
{
  GListModel *items = rd_dashboard_get_items (dashboard);

  for (guint i = 0, n = g_list_model_get_n_items (items); i < n; i++)
    {
      RdDashboardItem *item = item_at (dashboard, i);
      RdDeadline *deadline = rd_dashboard_item_get_deadline (item);

      if (rd_deadline_get_kind (deadline) == kind &&
          (stage < 0 || rd_deadline_get_stage (deadline) == (guint) stage))
        return item;
    }
  return NULL;
}

static void
assert_sorted (RdDashboard *dashboard)
{
  GListModel *items = rd_dashboard_get_items (dashboard);
  RdDashboardGroup previous = RD_DASHBOARD_OVERDUE;
  int previous_late = G_MAXINT;

  for (guint i = 0, n = g_list_model_get_n_items (items); i < n; i++)
    {
      g_autoptr(RdDashboardItem) item = g_list_model_get_item (items, i);
      RdDashboardGroup group = rd_dashboard_item_get_group (item);

      g_assert_cmpint (group, >=, previous);
      if (group == RD_DASHBOARD_OVERDUE)
        {
          g_assert_cmpint (rd_dashboard_item_get_working_days_late (item), <=, previous_late);
          previous_late = rd_dashboard_item_get_working_days_late (item);
        }
      previous = group;
    }
}

/* Made on Monday 4 November 2024 and never acknowledged: on Friday 15
 * November the acknowledgement (due Monday 11th) is 4 working days late
 * and comes first, with a chaser. */
static void
test_no_acknowledgement (void)
{
  Case c;
  g_autoptr(RdDashboard) dashboard = NULL;
  RdDashboardItem *first;

  case_init (&c);
  step (&c, RD_COMPLAINT_EVENT_MADE, 1, "2024-11-04", NULL);
  dashboard = dashboard_on (&c, "2024-11-15");
  assert_sorted (dashboard);

  first = item_at (dashboard, 0);
  g_assert_cmpint (rd_dashboard_item_get_group (first), ==, RD_DASHBOARD_OVERDUE);
  g_assert_cmpint (rd_deadline_get_kind (rd_dashboard_item_get_deadline (first)), ==,
                   RD_DEADLINE_KIND_ACKNOWLEDGEMENT);
  g_assert_cmpint (rd_dashboard_item_get_working_days_late (first), ==, 4);
  g_assert_cmpstr (rd_dashboard_item_get_status_text (first), ==, "4 working days late");
  g_assert_cmpint (rd_dashboard_item_get_next_step (first), ==, RD_NEXT_STEP_CHASE);
  g_assert_cmpint (rd_dashboard_item_get_complaint_id (first), ==, 7);
  g_assert_nonnull (strstr (rd_dashboard_item_get_explanation (first), "Monday 11 November 2024"));
  g_assert_cmpstr (rd_dashboard_item_get_context (first), ==,
                   "Handling of my reports of noise from Flat 6 (ref. NH-113)");

  /* The response is due later and needs no action yet. */
  {
    RdDashboardItem *response = find (dashboard, RD_DEADLINE_KIND_RESPONSE, 1);
    g_assert_nonnull (response);
    g_assert_cmpint (rd_dashboard_item_get_next_step (response), ==, RD_NEXT_STEP_WAIT);
    g_assert_cmpint (rd_dashboard_item_get_group (response), !=, RD_DASHBOARD_OVERDUE);
  }
  case_clear (&c);
}

/* Acknowledged late, and the response is now overdue: the response comes
 * first (chase), the late acknowledgement is in "Done" with its count. */
static void
test_late_stage1_response (void)
{
  Case c;
  g_autoptr(RdDashboard) dashboard = NULL;
  RdDashboardItem *first, *ack;

  case_init (&c);
  step (&c, RD_COMPLAINT_EVENT_MADE, 1, "2024-11-04", NULL);
  step (&c, RD_COMPLAINT_EVENT_ACKNOWLEDGED, 1, "2024-11-13", NULL);   /* due 11th: 2 late */
  /* Response due 10 working days after 13th: Wednesday 27 November. */
  dashboard = dashboard_on (&c, "2024-12-03");
  assert_sorted (dashboard);

  first = item_at (dashboard, 0);
  g_assert_cmpint (rd_deadline_get_kind (rd_dashboard_item_get_deadline (first)), ==, RD_DEADLINE_KIND_RESPONSE);
  g_assert_cmpint (rd_dashboard_item_get_group (first), ==, RD_DASHBOARD_OVERDUE);
  g_assert_cmpint (rd_dashboard_item_get_working_days_late (first), ==, 4);
  g_assert_cmpint (rd_dashboard_item_get_next_step (first), ==, RD_NEXT_STEP_CHASE);
  g_assert_nonnull (strstr (rd_dashboard_item_get_explanation (first), "Wednesday 27 November 2024"));

  ack = find (dashboard, RD_DEADLINE_KIND_ACKNOWLEDGEMENT, 1);
  g_assert_cmpint (rd_dashboard_item_get_group (ack), ==, RD_DASHBOARD_DONE);
  g_assert_cmpstr (rd_dashboard_item_get_status_text (ack), ==, "Acknowledged 2 working days late");
  g_assert_true (rd_dashboard_item_is_done_late (ack));
  g_assert_cmpint (rd_dashboard_item_get_next_step (ack), ==, RD_NEXT_STEP_NONE);
  g_assert_cmpuint (rd_dashboard_count (dashboard, RD_DASHBOARD_OVERDUE), ==, 1);
  case_clear (&c);
}

/* The stage 1 response came: the resident's own time to escalate is next. */
static void
test_response_then_escalate (void)
{
  Case c;
  g_autoptr(RdDashboard) dashboard = NULL;
  RdDashboardItem *escalation;

  case_init (&c);
  step (&c, RD_COMPLAINT_EVENT_MADE, 1, "2024-11-04", NULL);
  step (&c, RD_COMPLAINT_EVENT_ACKNOWLEDGED, 1, "2024-11-06", NULL);
  step (&c, RD_COMPLAINT_EVENT_RESPONSE, 1, "2024-11-15", NULL);
  dashboard = dashboard_on (&c, "2024-11-18");
  assert_sorted (dashboard);

  g_assert_cmpuint (rd_dashboard_count (dashboard, RD_DASHBOARD_OVERDUE), ==, 0);
  /* Both stage 1 deadlines were met in time. */
  g_assert_cmpstr (rd_dashboard_item_get_status_text (find (dashboard, RD_DEADLINE_KIND_ACKNOWLEDGEMENT, 1)),
                   ==, "Done in time");
  g_assert_cmpstr (rd_dashboard_item_get_status_text (find (dashboard, RD_DEADLINE_KIND_RESPONSE, 1)),
                   ==, "Done in time");
  /* Under the Code alone there is no time limit on the resident, but
   * asking for stage 2 is still the next step, on the response itself. */
  g_assert_null (find (dashboard, RD_DEADLINE_KIND_ESCALATION, 2));
  g_assert_cmpint (rd_dashboard_item_get_next_step (find (dashboard, RD_DEADLINE_KIND_RESPONSE, 1)), ==,
                   RD_NEXT_STEP_ESCALATE);
  {
    RdLetterKind kind;
    g_assert_true (rd_next_step_get_letter (RD_NEXT_STEP_ESCALATE, &kind));
    g_assert_cmpint (kind, ==, RD_LETTER_ESCALATION);
  }

  /* A landlord whose policy gives residents 20 working days to escalate:
   * that limit is a deadline of its own, with the same next step. */
  {
    g_autoptr(GDate) from = day ("2024-11-04");
    g_autoptr(RdPolicy) landlord = rd_policy_new_landlord_from_code (from);
    g_autoptr(GDate) today = day ("2024-11-18");
    g_autoptr(RdDashboard) with_policy = NULL;
    RdLimit limit = { 20, RD_TIME_UNIT_WORKING_DAYS };

    rd_policy_set_resident_escalation (landlord, &limit);
    with_policy = rd_dashboard_new (c.facts, landlord, today);
    escalation = find (with_policy, RD_DEADLINE_KIND_ESCALATION, 2);
    g_assert_nonnull (escalation);
    g_assert_cmpint (rd_dashboard_item_get_next_step (escalation), ==, RD_NEXT_STEP_ESCALATE);
    g_assert_cmpint (rd_dashboard_item_get_group (escalation), ==, RD_DASHBOARD_LATER);
  }

  /* Once stage 2 is asked for, escalating is no longer suggested. */
  step (&c, RD_COMPLAINT_EVENT_ESCALATION_REQUESTED, 2, "2024-11-18", NULL);
  {
    g_autoptr(RdDashboard) after = dashboard_on (&c, "2024-11-18");
    g_assert_cmpint (rd_dashboard_item_get_next_step (find (after, RD_DEADLINE_KIND_RESPONSE, 1)), ==,
                     RD_NEXT_STEP_NONE);
  }
  case_clear (&c);
}

/* Stage 2 acknowledged, its response never came: chase it, and once it is
 * more than 10 working days late, refer to the Ombudsman. */
static void
test_stage2_response_missing (void)
{
  Case c;
  g_autoptr(RdDashboard) dashboard = NULL;
  RdDashboardItem *first;

  case_init (&c);
  step (&c, RD_COMPLAINT_EVENT_MADE, 1, "2024-09-02", NULL);
  step (&c, RD_COMPLAINT_EVENT_ACKNOWLEDGED, 1, "2024-09-04", NULL);
  step (&c, RD_COMPLAINT_EVENT_RESPONSE, 1, "2024-09-16", NULL);
  step (&c, RD_COMPLAINT_EVENT_ESCALATION_REQUESTED, 2, "2024-09-20", NULL);
  step (&c, RD_COMPLAINT_EVENT_ACKNOWLEDGED, 2, "2024-09-24", NULL);
  /* 20 working days after Tuesday 24 September: Tuesday 22 October. */
  dashboard = dashboard_on (&c, "2024-10-29");
  assert_sorted (dashboard);

  first = item_at (dashboard, 0);
  g_assert_cmpint (rd_deadline_get_kind (rd_dashboard_item_get_deadline (first)), ==, RD_DEADLINE_KIND_RESPONSE);
  g_assert_cmpuint (rd_deadline_get_stage (rd_dashboard_item_get_deadline (first)), ==, 2);
  g_assert_cmpint (rd_dashboard_item_get_working_days_late (first), ==, 5);
  g_assert_cmpint (rd_dashboard_item_get_next_step (first), ==, RD_NEXT_STEP_CHASE);

  /* Tuesday 5 November: 10 working days late, still a chaser; the
   * Wednesday, 11: the Ombudsman. */
  {
    g_autoptr(RdDashboard) ten = dashboard_on (&c, "2024-11-05");
    g_autoptr(RdDashboard) eleven = dashboard_on (&c, "2024-11-06");
    RdDashboardItem *late10 = item_at (ten, 0);
    RdDashboardItem *late11 = item_at (eleven, 0);

    g_assert_cmpint (rd_dashboard_item_get_working_days_late (late10), ==, 10);
    g_assert_cmpint (rd_dashboard_item_get_next_step (late10), ==, RD_NEXT_STEP_CHASE);
    g_assert_cmpint (rd_dashboard_item_get_working_days_late (late11), ==, 11);
    g_assert_cmpint (rd_dashboard_item_get_next_step (late11), ==, RD_NEXT_STEP_OMBUDSMAN);
    g_assert_nonnull (strstr (rd_dashboard_item_get_advice (late11), "Housing Ombudsman"));
  }
  case_clear (&c);
}

/* After the final response, the 12 months to go to the Ombudsman is a
 * deadline on the resident, with the Ombudsman as its next step. */
static void
test_ombudsman_time_limit (void)
{
  Case c;
  g_autoptr(RdDashboard) dashboard = NULL;
  RdDashboardItem *limit;

  case_init (&c);
  step (&c, RD_COMPLAINT_EVENT_MADE, 1, "2024-01-08", NULL);
  step (&c, RD_COMPLAINT_EVENT_ACKNOWLEDGED, 1, "2024-01-10", NULL);
  step (&c, RD_COMPLAINT_EVENT_RESPONSE, 1, "2024-01-19", NULL);
  step (&c, RD_COMPLAINT_EVENT_ESCALATION_REQUESTED, 2, "2024-01-22", NULL);
  step (&c, RD_COMPLAINT_EVENT_ACKNOWLEDGED, 2, "2024-01-24", NULL);
  step (&c, RD_COMPLAINT_EVENT_FINAL_RESPONSE, 2, "2024-02-14", NULL);
  dashboard = dashboard_on (&c, "2024-03-01");
  assert_sorted (dashboard);

  limit = find (dashboard, RD_DEADLINE_KIND_OMBUDSMAN, -1);
  g_assert_nonnull (limit);
  g_assert_cmpint (rd_dashboard_item_get_group (limit), ==, RD_DASHBOARD_LATER);
  g_assert_cmpint (rd_dashboard_item_get_next_step (limit), ==, RD_NEXT_STEP_OMBUDSMAN);
  g_assert_cmpint (g_date_get_year (rd_dashboard_item_get_due_date (limit)), ==, 2025);

  /* Thirteen months on, the time has run out: it moves to the top. */
  {
    g_autoptr(RdDashboard) later = dashboard_on (&c, "2025-03-14");
    RdDashboardItem *first = item_at (later, 0);

    g_assert_cmpint (rd_deadline_get_kind (rd_dashboard_item_get_deadline (first)), ==, RD_DEADLINE_KIND_OMBUDSMAN);
    g_assert_cmpint (rd_dashboard_item_get_group (first), ==, RD_DASHBOARD_OVERDUE);
    g_assert_true (g_str_has_prefix (rd_dashboard_item_get_status_text (first), "The time ran out"));
  }
  case_clear (&c);
}

/* Due soon comes before later, and the next working day is flagged (a
 * Friday's next working day is the Monday). */
static void
test_due_soon_and_next_day (void)
{
  Case c;
  g_autoptr(RdDashboard) dashboard = NULL;
  RdDashboardItem *first;

  case_init (&c);
  step (&c, RD_COMPLAINT_EVENT_MADE, 1, "2024-11-04", NULL);   /* ack due Monday 11 November */
  dashboard = dashboard_on (&c, "2024-11-08");                 /* a Friday */
  assert_sorted (dashboard);
  first = item_at (dashboard, 0);
  g_assert_cmpint (rd_dashboard_item_get_group (first), ==, RD_DASHBOARD_DUE_SOON);
  g_assert_true (rd_dashboard_item_is_due_next_working_day (first));
  g_assert_cmpstr (rd_dashboard_item_get_status_text (first), ==,
                   "Due by Monday 11 November 2024, the next working day");
  g_assert_cmpint (rd_dashboard_item_get_next_step (first), ==, RD_NEXT_STEP_WAIT);
  case_clear (&c);
}

/* A promise made by the landlord and not kept is overdue and chased; one
 * made by the police is overdue too, but it is theirs: no chaser to the
 * landlord, and it names who promised. */
static void
test_promises (void)
{
  Case c;
  g_autoptr(RdDashboard) dashboard = NULL;
  g_autoptr(RdParty) police = rd_party_new ();
  GListModel *items;
  guint seen = 0;

  case_init (&c);
  rd_party_set_id (police, 50);
  rd_party_set_role (police, RD_PARTY_POLICE);
  rd_party_set_name (police, "PC Lee");
  rd_case_facts_add_party (c.facts, police);
  g_object_unref (contact (&c, "2024-11-04T10:00", RD_CONTACT_FROM, 0, "Call me back", "2024-11-06"));
  g_object_unref (contact (&c, "2024-11-04T11:00", RD_CONTACT_FROM, 50, "Visit", "2024-11-05"));
  dashboard = dashboard_on (&c, "2024-11-12");

  items = rd_dashboard_get_items (dashboard);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      RdDashboardItem *item = item_at (dashboard, i);
      RdDeadline *d = rd_dashboard_item_get_deadline (item);

      g_assert_cmpint (rd_deadline_get_kind (d), ==, RD_DEADLINE_KIND_PROMISE);
      g_assert_cmpint (rd_dashboard_item_get_group (item), ==, RD_DASHBOARD_OVERDUE);
      if (rd_deadline_get_party (d) == RD_DEADLINE_ON_LANDLORD)
        {
          seen |= 1;
          g_assert_cmpint (rd_dashboard_item_get_working_days_late (item), ==, 4);
          g_assert_cmpint (rd_dashboard_item_get_next_step (item), ==, RD_NEXT_STEP_CHASE);
        }
      else
        {
          seen |= 2;
          g_assert_cmpint (rd_deadline_get_party (d), ==, RD_DEADLINE_ON_OTHER);
          g_assert_cmpint (rd_dashboard_item_get_working_days_late (item), ==, 5);
          g_assert_cmpint (rd_dashboard_item_get_next_step (item), ==, RD_NEXT_STEP_NONE);
          g_assert_true (g_str_has_prefix (rd_deadline_get_explanation (d),
                                           "PC Lee (Police) promised on Monday 4 November 2024 at 11:00"));
          /* Where it was promised, as one phrase with its date; the name as typed stands
           * alone, as no language can decline it */
          g_assert_cmpstr (rd_dashboard_item_get_context (item), ==,
                           "Promised on Monday 4 November 2024 at 11:00 (PC Lee)");
        }
    }
  g_assert_cmpuint (seen, ==, 3);
  case_clear (&c);
}

/* An ASB report's first response names the diary entry it is about. */
static void
test_report_context (void)
{
  Case c;
  g_autoptr(RdDashboard) dashboard = NULL;
  g_autoptr(GDateTime) at = rd_datetime_parse_local ("2025-11-02T23:30", NULL);
  g_autoptr(GDate) reported = day ("2025-11-03");
  g_autoptr(GDate) today = day ("2025-11-04");
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(RdPolicy) landlord = rd_policy_new_landlord_from_code (reported);
  RdLimit one = { 1, RD_TIME_UNIT_WORKING_DAYS };
  RdDashboardItem *first;

  case_init (&c);
  rd_incident_set_id (incident, 77);
  rd_incident_set_starts_at (incident, at);
  rd_incident_set_description (incident, "Party next door until 3am");
  rd_incident_set_landlord_reported_on (incident, reported);
  rd_incident_set_asb_risk (incident, RD_ASB_RISK_HIGH);
  rd_case_facts_add_incident (c.facts, incident);
  rd_policy_set_asb_first_response (landlord, RD_ASB_RISK_HIGH, &one);

  /* No landlord's profile: the Code sets no time, so nothing to show. */
  dashboard = dashboard_on (&c, "2025-11-04");
  g_assert_cmpuint (g_list_model_get_n_items (rd_dashboard_get_items (dashboard)), ==, 0);
  g_clear_object (&dashboard);

  dashboard = rd_dashboard_new (c.facts, landlord, today);
  g_assert_cmpuint (g_list_model_get_n_items (rd_dashboard_get_items (dashboard)), ==, 1);
  first = item_at (dashboard, 0);
  g_assert_cmpint (rd_deadline_get_kind (rd_dashboard_item_get_deadline (first)), ==,
                   RD_DEADLINE_KIND_ASB_RESPONSE);
  g_assert_cmpint (rd_dashboard_item_get_group (first), ==, RD_DASHBOARD_DUE_SOON);
  g_assert_cmpstr (rd_dashboard_item_get_status_text (first), ==, "Due today");
  g_assert_cmpstr (rd_dashboard_item_get_context (first), ==,
                   "Diary entry, Sun 2 Nov 2025, 23:30: Party next door until 3am");
  case_clear (&c);
}

static void
add_reported (Case         *c,
              const char   *when,
              RdReportedTo  to)
{
  g_autoptr(GDateTime) at = rd_datetime_parse_local (when, NULL);
  g_autoptr(RdIncident) incident = rd_incident_new ();

  rd_incident_set_id (incident, c->next_id++);
  rd_incident_set_starts_at (incident, at);
  rd_incident_set_reported_to (incident, to);
  rd_incident_set_description (incident, when);
  rd_case_facts_add_incident (c->facts, incident);
}

static void
test_case_review (void)
{
  Case c;
  g_autoptr(RdDashboard) before = NULL;
  g_autoptr(RdDashboard) after = NULL;
  RdCommunityTrigger *trigger;

  case_init (&c);
  add_reported (&c, "2024-05-01T22:00", RD_REPORTED_POLICE);
  add_reported (&c, "2024-06-01T22:00", RD_REPORTED_NONE);
  add_reported (&c, "2024-07-01T22:00", RD_REPORTED_COUNCIL);
  before = dashboard_on (&c, "2024-08-01");
  g_assert_null (rd_dashboard_get_community_trigger (before));

  add_reported (&c, "2024-08-02T22:00", RD_REPORTED_LANDLORD);
  after = dashboard_on (&c, "2024-08-05");
  trigger = rd_dashboard_get_community_trigger (after);
  g_assert_nonnull (trigger);
  g_assert_cmpuint (trigger->counted->len, ==, 3);
  g_assert_cmpstr (rd_incident_get_description (((RdAsbReviewReport *) g_ptr_array_index (trigger->counted, 0))->incident),
                   ==, "2024-05-01T22:00");
  g_assert_cmpstr (rd_incident_get_description (((RdAsbReviewReport *) g_ptr_array_index (trigger->counted, 2))->incident),
                   ==, "2024-08-02T22:00");
  g_assert_true (trigger->met);
  case_clear (&c);
}

static gboolean
letter_contains (RdLetter   *letter,
                 const char *needle)
{
  g_autofree char *text = rd_letter_to_text (letter);

  if (strstr (text, needle) != NULL)
    return TRUE;
  g_test_message ("Not found: “%s” in:\n%s", needle, text);
  return FALSE;
}

static void
test_letters (void)
{
  Case c;
  g_autoptr(RdDashboard) dashboard = NULL;
  g_autoptr(RdLetter) stage1 = NULL;
  g_autoptr(RdLetter) chaser = NULL;
  g_autoptr(RdLetter) escalation = NULL;
  g_autoptr(RdLetter) ombudsman = NULL;

  case_init (&c);
  step (&c, RD_COMPLAINT_EVENT_MADE, 1, "2024-11-04", NULL);
  step (&c, RD_COMPLAINT_EVENT_ACKNOWLEDGED, 1, "2024-11-13", NULL);
  dashboard = dashboard_on (&c, "2024-12-03");

  stage1 = rd_letter_build (RD_LETTER_STAGE1_COMPLAINT, c.facts, c.complaint, dashboard);
  g_assert_cmpint (rd_letter_get_kind (stage1), ==, RD_LETTER_STAGE1_COMPLAINT);
  g_assert_cmpstr (rd_letter_get_title (stage1), ==, "Stage 1 complaint");
  g_assert_cmpint (rd_letter_get_block (stage1, 0)->kind, ==, RD_LETTER_BLOCK_SENDER);
  g_assert_true (letter_contains (stage1, "Tuesday 3 December 2024"));
  g_assert_true (letter_contains (stage1, "• Handling of my reports of noise from Flat 6"));
  g_assert_true (letter_contains (stage1, "• An apology in writing."));
  g_assert_true (letter_contains (stage1, "To acknowledge it: 5 working days."));
  g_assert_true (letter_contains (stage1, "Email only, please"));
  g_assert_true (letter_contains (stage1, "Large print"));
  g_assert_true (letter_contains (stage1, "your reference NH-113"));

  chaser = rd_letter_build (RD_LETTER_CHASER, c.facts, c.complaint, dashboard);
  g_assert_true (letter_contains (chaser, "I made a formal complaint on Monday 4 November 2024"));
  g_assert_true (letter_contains (chaser, "Wednesday 27 November 2024"));
  g_assert_true (letter_contains (chaser, "4 working days late"));
  /* Five working days after Tuesday 3 December. */
  g_assert_true (letter_contains (chaser, "Tuesday 10 December 2024"));
  g_assert_true (letter_contains (chaser, "stage 2"));
  g_assert_true (letter_contains (chaser, "Email only, please"));

  escalation = rd_letter_build (RD_LETTER_ESCALATION, c.facts, c.complaint, dashboard);
  g_assert_true (letter_contains (escalation, "escalate my complaint to stage 2"));
  g_assert_true (letter_contains (escalation, "2 working days late"));   /* the acknowledgement */
  g_assert_true (letter_contains (escalation, "4 working days late"));   /* the response */
  g_assert_true (letter_contains (escalation, "Monday 11 November 2024"));
  g_assert_true (letter_contains (escalation, "counted from the acknowledgement: 20 working days."));
  /* What to ask for: the complaint-handling failures, with the guidance's
   * range and its source, worded as a request, not a right. */
  g_assert_true (letter_contains (escalation, "Compensation I ask you to consider"));
  g_assert_true (letter_contains (escalation, "• Complaint handling (2 failures found). The Housing "
                                              "Ombudsman’s guidance suggests £100 to £600 where a "
                                              "landlord’s failure adversely affected the resident. I "
                                              "ask you to consider compensation in that range for this. "
                                              "Source: Housing Ombudsman, Guidance on remedies"));
  g_assert_true (letter_contains (escalation, "In all, I ask you to consider compensation of £100 to £600."));
  g_assert_true (letter_contains (stage1, "Compensation I ask you to consider"));

  ombudsman = rd_letter_build (RD_LETTER_OMBUDSMAN_SUMMARY, c.facts, c.complaint, dashboard);
  g_assert_true (letter_contains (ombudsman, "Housing Ombudsman Service"));
  g_assert_true (letter_contains (ombudsman, "Monday 4 November 2024: Complaint made."));
  g_assert_true (letter_contains (ombudsman, "Wednesday 13 November 2024: Acknowledged (stage 1)."));
  g_assert_true (letter_contains (ombudsman, "2 working days late"));
  g_assert_true (letter_contains (ombudsman, "Northway Homes"));
  g_assert_true (letter_contains (ombudsman, "Large print"));
  g_assert_true (letter_contains (ombudsman, "£100 to £600"));
  g_assert_false (letter_contains (ombudsman, "authority"));

  /* An adviser acting for the resident: the Ombudsman is told, with the
   * date and scope of the authority. */
  {
    g_autoptr(RdCaseAdmin) admin = rd_case_admin_new (rd_case_get_id (rd_case_facts_get_case (c.facts)));
    g_autoptr(GDate) given = rd_date_parse_iso ("2024-11-01", NULL);
    g_autoptr(RdLetter) with_adviser = NULL;

    rd_case_admin_set_authority_date (admin, given);
    rd_case_admin_set_authority_scope (admin, "this complaint, and the Ombudsman referral");
    rd_case_facts_set_admin (c.facts, admin);
    with_adviser = rd_letter_build (RD_LETTER_OMBUDSMAN_SUMMARY, c.facts, c.complaint, dashboard);
    g_assert_true (letter_contains (with_adviser, "An adviser acts for me on this complaint"));
    g_assert_true (letter_contains (with_adviser, "on Friday 1 November 2024 (this complaint, and the "
                                                  "Ombudsman referral)."));
    rd_case_facts_set_admin (c.facts, NULL);
  }

  /* Each letter that counts working days says once how it counted them. */
  {
    RdLetter *letters[] = { stage1, chaser, escalation, ombudsman };

    for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
      {
        g_autofree char *text = rd_letter_to_text (letters[i]);
        const char *at = strstr (text, "day 1 is the first working day after");

        g_assert_nonnull (at);
        g_assert_null (strstr (at + 1, "day 1 is the first working day after"));
      }
  }
  case_clear (&c);
}

/* The bundle's default letter follows the complaint: a stage 1 complaint
 * before one is made, none while the landlord is in time, a chaser while
 * overdue, a request to escalate after the stage 1 response, the Ombudsman
 * once stage 2 is long overdue or answered finally. */
static RdLetterKind
suggest_on (Case       *c,
            const char *today,
            gboolean   *fits)
{
  g_autoptr(RdDashboard) dashboard = dashboard_on (c, today);
  RdLetterKind kind = RD_LETTER_N_KINDS;

  *fits = rd_letter_suggest (c->facts, c->complaint, dashboard, &kind);
  return kind;
}

static void
test_letter_for_stage (void)
{
  Case c;
  gboolean fits;

  case_init (&c);
  {
    g_autoptr(RdDashboard) dashboard = dashboard_on (&c, "2024-09-02");
    RdLetterKind kind;

    g_assert_true (rd_letter_suggest (c.facts, NULL, dashboard, &kind));
    g_assert_cmpint (kind, ==, RD_LETTER_STAGE1_COMPLAINT);
  }
  g_assert_cmpint (suggest_on (&c, "2024-09-02", &fits), ==, RD_LETTER_STAGE1_COMPLAINT);
  g_assert_true (fits);

  step (&c, RD_COMPLAINT_EVENT_MADE, 1, "2024-09-02", NULL);
  /* Monday 2 September: acknowledgement due Monday 9th. */
  suggest_on (&c, "2024-09-05", &fits);
  g_assert_false (fits);
  g_assert_cmpint (suggest_on (&c, "2024-09-10", &fits), ==, RD_LETTER_CHASER);
  g_assert_true (fits);

  step (&c, RD_COMPLAINT_EVENT_ACKNOWLEDGED, 1, "2024-09-04", NULL);
  suggest_on (&c, "2024-09-10", &fits);
  g_assert_false (fits);

  step (&c, RD_COMPLAINT_EVENT_RESPONSE, 1, "2024-09-16", NULL);
  g_assert_cmpint (suggest_on (&c, "2024-09-17", &fits), ==, RD_LETTER_ESCALATION);
  g_assert_true (fits);

  step (&c, RD_COMPLAINT_EVENT_ESCALATION_REQUESTED, 2, "2024-09-20", NULL);
  step (&c, RD_COMPLAINT_EVENT_ACKNOWLEDGED, 2, "2024-09-24", NULL);
  /* Stage 2 in time: no letter dated today fits, and never a stage 1
   * complaint. */
  suggest_on (&c, "2024-10-01", &fits);
  g_assert_false (fits);
  g_assert_cmpint (suggest_on (&c, "2024-10-29", &fits), ==, RD_LETTER_CHASER);
  g_assert_true (fits);
  g_assert_cmpint (suggest_on (&c, "2024-11-06", &fits), ==, RD_LETTER_OMBUDSMAN_SUMMARY);
  g_assert_true (fits);

  step (&c, RD_COMPLAINT_EVENT_FINAL_RESPONSE, 2, "2024-11-08", NULL);
  g_assert_cmpint (suggest_on (&c, "2024-11-11", &fits), ==, RD_LETTER_OMBUDSMAN_SUMMARY);
  g_assert_true (fits);
  case_clear (&c);
}

/* Each group is one run of the items, after the groups before it, as
 * long as its count: the window shows a group's first few and lists the
 * rest from there, without going through the items itself. */
static void
test_group_runs (void)
{
  Case c;
  g_autoptr(RdDashboard) dashboard = NULL;
  g_autoptr(RdParty) police = rd_party_new ();
  GListModel *items;
  guint seen[RD_DASHBOARD_N_GROUPS] = { 0, };
  guint total = 0;

  case_init (&c);
  step (&c, RD_COMPLAINT_EVENT_MADE, 1, "2024-09-02", NULL);
  step (&c, RD_COMPLAINT_EVENT_ACKNOWLEDGED, 1, "2024-09-12", NULL);
  /* Promises each kept by the landlord's next call (done), the last one
   * due in two days (due soon), one by the police not due for weeks
   * (later); the stage 1 response is overdue. */
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *when = g_strdup_printf ("2024-10-%02uT%02u:00", i / 2 + 1, 9 + i % 2);
      g_autofree char *due = g_strdup_printf ("2024-10-%02u", i / 2 + 3);

      g_object_unref (contact (&c, when, RD_CONTACT_FROM, 0, "Call back", due));
    }
  rd_party_set_id (police, 50);
  rd_party_set_role (police, RD_PARTY_POLICE);
  rd_party_set_name (police, "PC Lee");
  rd_case_facts_add_party (c.facts, police);
  g_object_unref (contact (&c, "2024-11-01T10:00", RD_CONTACT_FROM, 50, "Visit", "2024-12-20"));
  g_object_unref (contact (&c, "2024-11-11T10:00", RD_CONTACT_FROM, 0, "Call back", "2024-11-14"));
  dashboard = dashboard_on (&c, "2024-11-12");
  assert_sorted (dashboard);
  items = rd_dashboard_get_items (dashboard);
  for (guint i = 0, n = g_list_model_get_n_items (items); i < n; i++)
    seen[rd_dashboard_item_get_group (item_at (dashboard, i))]++;
  for (guint group = 0; group < RD_DASHBOARD_N_GROUPS; group++)
    {
      guint start = total;
      guint count = rd_dashboard_count (dashboard, group);

      g_assert_cmpuint (count, ==, seen[group]);
      for (guint i = start; i < start + count; i++)
        g_assert_cmpint (rd_dashboard_item_get_group (item_at (dashboard, i)), ==, group);
      total += count;
    }
  g_assert_cmpuint (total, ==, g_list_model_get_n_items (items));
  /* Every group is there, so no run can hide behind an empty one. */
  for (guint group = 0; group < RD_DASHBOARD_N_GROUPS; group++)
    g_assert_cmpuint (seen[group], >, 0);
  case_clear (&c);
}

/* @n diary entries, each reported to the landlord on @reported as
 * anti-social behaviour of high risk. */
static void
add_asb_reports (Case        *c,
                 guint        n,
                 const GDate *reported)
{
  g_autoptr(GDateTime) last = rd_datetime_parse_local ("2025-11-02T23:00", NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_minutes (last, -15 * (int) i);
      g_autofree char *when = g_date_time_format (at, "%FT%R");
      g_autoptr(RdIncident) incident = rd_incident_new ();

      rd_incident_set_id (incident, c->next_id++);
      rd_incident_set_starts_at (incident, at);
      rd_incident_set_description (incident, when);
      rd_incident_set_landlord_reported_on (incident, reported);
      rd_incident_set_asb_risk (incident, RD_ASB_RISK_HIGH);
      rd_case_facts_add_incident (c->facts, incident);
    }
}

/* The status of each item in @dashboard, read on this thread now. */
static GPtrArray *
read_statuses (RdDashboard *dashboard)
{
  GPtrArray *statuses = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (rd_dashboard_get_items (dashboard)); i++)
    g_ptr_array_add (statuses, g_strdup (rd_dashboard_item_get_status_text (item_at (dashboard, i))));
  return statuses;
}

/* A dashboard makes an item's status when it is first asked for, keeps
 * it, and counts it; what reads every item (the timeline) takes a copy
 * made afresh, and leaves nothing kept. The words are in the language
 * the dashboard was worked out in, whichever thread asks later. The
 * deadlines of one record share what they are about, and deadlines share
 * the engine's words they repeat. */
static void
test_sentences_when_asked (void)
{
  Case c;
  g_autoptr(GDate) reported = day ("2025-11-03");
  g_autoptr(GDate) today = day ("2025-11-20");
  g_autoptr(RdPolicy) landlord = rd_policy_new_landlord_from_code (reported);
  RdLimit one = { 1, RD_TIME_UNIT_WORKING_DAYS };
  g_autoptr(RdDashboard) dashboard = NULL;
  g_autoptr(RdTimeline) timeline = NULL;
  g_autofree char *copy = NULL;
  RdDashboardItem *first;
  RdDeadline *asb = NULL;
  const char *status, *complaint_context = NULL;
  guint n, n_complaint = 0, n_asb = 0;

  case_init (&c);
  step (&c, RD_COMPLAINT_EVENT_MADE, 1, "2025-10-01", NULL);
  step (&c, RD_COMPLAINT_EVENT_ACKNOWLEDGED, 1, "2025-10-03", NULL);
  add_asb_reports (&c, 60, reported);
  rd_policy_set_asb_first_response (landlord, RD_ASB_RISK_HIGH, &one);

  dashboard = rd_dashboard_new (c.facts, landlord, today);
  n = g_list_model_get_n_items (rd_dashboard_get_items (dashboard));
  g_assert_cmpuint (n, >, 60);
  g_assert_cmpuint (rd_dashboard_get_sentences_made (dashboard), ==, 0);
  timeline = rd_timeline_new_for_dashboard (c.facts, dashboard);
  g_assert_cmpuint (rd_timeline_get_n_items (timeline), >, 0);
  g_assert_cmpuint (rd_dashboard_get_sentences_made (dashboard), ==, 0);

  first = item_at (dashboard, 0);
  copy = rd_dashboard_item_dup_status_text (first);
  g_assert_cmpuint (rd_dashboard_get_sentences_made (dashboard), ==, 0);
  status = rd_dashboard_item_get_status_text (first);
  g_assert_cmpstr (status, ==, copy);
  g_assert_cmpuint (rd_dashboard_get_sentences_made (dashboard), ==, 1);
  g_assert_true (rd_dashboard_item_get_status_text (first) == status);
  g_assert_cmpuint (rd_dashboard_get_sentences_made (dashboard), ==, 1);

  for (guint i = 0; i < n; i++)
    {
      RdDashboardItem *item = item_at (dashboard, i);
      RdDeadline *deadline = rd_dashboard_item_get_deadline (item);

      if (rd_dashboard_item_get_complaint_id (item) == 7)
        {
          if (complaint_context == NULL)
            complaint_context = rd_dashboard_item_get_context (item);
          g_assert_true (rd_dashboard_item_get_context (item) == complaint_context);
          n_complaint++;
        }
      if (rd_deadline_get_kind (deadline) == RD_DEADLINE_KIND_ASB_RESPONSE)
        {
          if (asb == NULL)
            asb = deadline;
          g_assert_cmpstr (rd_deadline_get_basis (deadline), ==, rd_deadline_get_basis (asb));
          g_assert_true (rd_deadline_get_basis (deadline) == rd_deadline_get_basis (asb));
          g_assert_true (rd_deadline_get_title (deadline) == rd_deadline_get_title (asb));
          n_asb++;
        }
    }
  g_assert_cmpuint (n_complaint, >=, 2);
  g_assert_cmpstr (complaint_context, !=, "");
  g_assert_cmpuint (n_asb, ==, 60);
  g_assert_cmpuint (rd_dashboard_get_sentences_made (dashboard), ==, 1);

  if (rd_i18n_language_is_available ("cy"))
    {
      g_autoptr(RdDashboard) welsh = NULL;
      g_autoptr(RdDashboard) english = rd_dashboard_new (c.facts, landlord, today);
      g_autoptr(GPtrArray) expected = NULL;
      g_autoptr(GPtrArray) read_later = NULL;
      g_autoptr(GPtrArray) in_english = read_statuses (english);
      char *previous = rd_i18n_push_language ("cy");

      welsh = rd_dashboard_new (c.facts, landlord, today);
      {
        g_autoptr(RdDashboard) read_now = rd_dashboard_new (c.facts, landlord, today);

        expected = read_statuses (read_now);
      }
      rd_i18n_pop_language (previous);
      read_later = read_statuses (welsh);
      g_assert_cmpuint (read_later->len, ==, expected->len);
      for (guint i = 0; i < expected->len; i++)
        g_assert_cmpstr (g_ptr_array_index (read_later, i), ==, g_ptr_array_index (expected, i));
      g_assert_cmpstr (g_ptr_array_index (read_later, 0), !=, g_ptr_array_index (in_english, 0));
    }
  case_clear (&c);
}

/* @n repairs reported to the landlord on @reported, of @priority. */
static void
add_repairs (Case        *c,
             guint        n,
             const GDate *reported,
             const char  *priority)
{
  g_autoptr(GDateTime) last = rd_datetime_parse_local ("2025-11-02T21:00", NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_minutes (last, -15 * (int) i);
      g_autoptr(RdIncident) incident = rd_incident_new ();

      rd_incident_set_id (incident, c->next_id++);
      rd_incident_set_starts_at (incident, at);
      rd_incident_set_category (incident, RD_CATEGORY_DISREPAIR);
      rd_incident_set_description (incident, "Water through the kitchen ceiling");
      rd_incident_set_reported_to (incident, RD_REPORTED_LANDLORD);
      rd_incident_set_landlord_reported_on (incident, reported);
      rd_incident_set_repair_priority (incident, priority);
      rd_case_facts_add_incident (c->facts, incident);
    }
}

typedef struct {
  RdDeadline *deadline;
  char       *explanation;
} Explained;

static gpointer
explain_in_thread (gpointer data)
{
  Explained *explained = data;

  explained->explanation = g_strdup (rd_deadline_get_explanation (explained->deadline));
  return NULL;
}

/* The explanations of reports' deadlines, tens of thousands in a long
 * diary, are written when first asked for, kept and counted, not for
 * every deadline as it is worked out: the timeline and the status of
 * every item leave them unwritten. Asked for on another thread, or in
 * another language, they are the same words, in the dashboard's. */
static void
test_explanations_when_asked (void)
{
  Case c;
  g_autoptr(GDate) reported = day ("2025-11-03");
  g_autoptr(GDate) today = day ("2025-11-20");
  g_autoptr(RdPolicy) landlord = rd_policy_new_landlord_from_code (reported);
  RdLimit one = { 1, RD_TIME_UNIT_WORKING_DAYS };
  RdLimit five = { 5, RD_TIME_UNIT_WORKING_DAYS };
  g_autoptr(RdDashboard) dashboard = NULL;
  g_autoptr(RdTimeline) timeline = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  RdDeadline *asb = NULL, *repair = NULL;
  const char *explanation;
  Explained explained = { NULL, NULL };
  GThread *thread;
  guint n, n_reports = 0, asb_at = 0;

  case_init (&c);
  step (&c, RD_COMPLAINT_EVENT_MADE, 1, "2025-10-01", NULL);
  add_asb_reports (&c, 40, reported);
  add_repairs (&c, 30, reported, "urgent");
  rd_policy_set_asb_first_response (landlord, RD_ASB_RISK_HIGH, &one);
  rd_policy_set_repair_priority (landlord, "urgent", "Urgent repair", &five);

  dashboard = rd_dashboard_new (c.facts, landlord, today);
  n = g_list_model_get_n_items (rd_dashboard_get_items (dashboard));
  timeline = rd_timeline_new_for_dashboard (c.facts, dashboard);
  statuses = read_statuses (dashboard);
  g_assert_cmpuint (rd_dashboard_get_explanations_made (dashboard), ==, 0);
  for (guint i = 0; i < n; i++)
    {
      RdDeadline *deadline = rd_dashboard_item_get_deadline (item_at (dashboard, i));

      if (rd_deadline_get_kind (deadline) == RD_DEADLINE_KIND_ASB_RESPONSE && asb == NULL)
        {
          asb = deadline;
          asb_at = i;
        }
      if (rd_deadline_get_kind (deadline) == RD_DEADLINE_KIND_REPAIR && repair == NULL)
        repair = deadline;
      if (rd_deadline_get_kind (deadline) == RD_DEADLINE_KIND_ASB_RESPONSE ||
          rd_deadline_get_kind (deadline) == RD_DEADLINE_KIND_REPAIR)
        n_reports++;
    }
  g_assert_cmpuint (n_reports, ==, 40 + 30);
  g_assert_nonnull (asb);
  g_assert_nonnull (repair);

  explanation = rd_deadline_get_explanation (asb);
  g_assert_true (g_str_has_prefix (explanation, "You reported anti-social behaviour on Monday 3 November "
                                                "2025 (high risk). Your landlord’s policy sets a time "
                                                "limit for a first response: 1 working day. It was due "
                                                "by Tuesday 4 November 2025."));
  g_assert_cmpuint (rd_dashboard_get_explanations_made (dashboard), ==, 1);
  g_assert_true (rd_deadline_get_explanation (asb) == explanation);
  g_assert_cmpuint (rd_dashboard_get_explanations_made (dashboard), ==, 1);

  explained.deadline = repair;
  thread = g_thread_new ("explain", explain_in_thread, &explained);
  g_thread_join (thread);
  g_assert_cmpuint (rd_dashboard_get_explanations_made (dashboard), ==, 2);
  g_assert_cmpstr (rd_deadline_get_explanation (repair), ==, explained.explanation);
  g_assert_nonnull (strstr (explained.explanation, "the priority “Urgent repair”, with this time limit in "
                                                   "its policy: 5 working days."));
  g_free (explained.explanation);

  for (guint i = 0; i < n; i++)
    g_assert_nonnull (rd_deadline_get_explanation (rd_dashboard_item_get_deadline (item_at (dashboard, i))));
  /* Every kind, a stage's response too (/deadlines/every-explanation-when-asked). */
  g_assert_cmpuint (rd_dashboard_get_explanations_made (dashboard), ==, n);

  if (rd_i18n_language_is_available ("cy"))
    {
      g_autoptr(RdDashboard) welsh = NULL;
      g_autofree char *expected = NULL;
      char *previous = rd_i18n_push_language ("cy");

      {
        g_autoptr(RdDashboard) read_now = rd_dashboard_new (c.facts, landlord, today);

        expected = g_strdup (rd_deadline_get_explanation (rd_dashboard_item_get_deadline (item_at (read_now, asb_at))));
      }
      welsh = rd_dashboard_new (c.facts, landlord, today);
      rd_i18n_pop_language (previous);
      g_assert_cmpstr (rd_deadline_get_explanation (rd_dashboard_item_get_deadline (item_at (welsh, asb_at))), ==,
                       expected);
      g_assert_cmpstr (expected, !=, explanation);
    }
  case_clear (&c);
}

typedef struct {
  GThread *thread;  /* where the item went */
  int      gone;    /* atomic */
} Gone;

static void
item_gone_cb (gpointer  data,
              GObject  *where_it_was)
{
  Gone *gone = data;

  gone->thread = g_thread_self ();
  g_atomic_int_set (&gone->gone, TRUE);
}

/* A dashboard of a thousand deadlines or more let go of on the thread
 * that runs the main loop (What Next's, as a new one comes) has its
 * items freed on a worker, not in a frame; anywhere else, at once. */
static void
test_let_go_elsewhere (void)
{
  Case c;
  g_autoptr(GDate) reported = day ("2025-11-03");
  g_autoptr(GDate) today = day ("2025-11-20");
  g_autoptr(RdPolicy) landlord = rd_policy_new_landlord_from_code (reported);
  RdLimit one = { 1, RD_TIME_UNIT_WORKING_DAYS };
  GMainContext *context = g_main_context_default ();
  RdDashboard *dashboard;
  Gone here = { NULL, FALSE }, elsewhere = { NULL, FALSE };

  case_init (&c);
  add_asb_reports (&c, 1100, reported);
  rd_policy_set_asb_first_response (landlord, RD_ASB_RISK_HIGH, &one);

  dashboard = rd_dashboard_new (c.facts, landlord, today);
  g_assert_cmpuint (g_list_model_get_n_items (rd_dashboard_get_items (dashboard)), >=, 1100);
  g_object_weak_ref (G_OBJECT (item_at (dashboard, 0)), item_gone_cb, &here);
  g_object_unref (dashboard);
  g_assert_true (g_atomic_int_get (&here.gone));
  g_assert_true (here.thread == g_thread_self ());

  g_assert_true (g_main_context_acquire (context));
  dashboard = rd_dashboard_new (c.facts, landlord, today);
  g_object_weak_ref (G_OBJECT (item_at (dashboard, 0)), item_gone_cb, &elsewhere);
  g_object_unref (dashboard);
  for (guint i = 0; i < 2000 && !g_atomic_int_get (&elsewhere.gone); i++)
    g_usleep (10 * 1000);
  g_assert_true (g_atomic_int_get (&elsewhere.gone));
  g_assert_true (elsewhere.thread != g_thread_self ());
  /* The worker's task says it is done on this context. */
  while (g_main_context_iteration (context, FALSE))
    ;
  g_main_context_release (context);
  case_clear (&c);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dashboard/no-acknowledgement", test_no_acknowledgement);
  g_test_add_func ("/dashboard/late-stage1-response", test_late_stage1_response);
  g_test_add_func ("/dashboard/response-then-escalate", test_response_then_escalate);
  g_test_add_func ("/dashboard/stage2-response-missing", test_stage2_response_missing);
  g_test_add_func ("/dashboard/ombudsman-time-limit", test_ombudsman_time_limit);
  g_test_add_func ("/dashboard/due-soon-and-next-day", test_due_soon_and_next_day);
  g_test_add_func ("/dashboard/promises", test_promises);
  g_test_add_func ("/dashboard/report-context", test_report_context);
  g_test_add_func ("/dashboard/case-review", test_case_review);
  g_test_add_func ("/dashboard/letters", test_letters);
  g_test_add_func ("/dashboard/letter-for-stage", test_letter_for_stage);
  g_test_add_func ("/dashboard/group-runs", test_group_runs);
  g_test_add_func ("/dashboard/sentences-when-asked", test_sentences_when_asked);
  g_test_add_func ("/dashboard/let-go-elsewhere", test_let_go_elsewhere);
  g_test_add_func ("/dashboard/explanations-when-asked", test_explanations_when_asked);

  return g_test_run ();
}
