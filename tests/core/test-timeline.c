/* test-timeline.c: a case's timeline with fixed dates: weeks, reports, contacts, deadlines.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-svg.h>
#include <math.h>
#include <string.h>

#include "rd-core.h"
#include "rd-hash.h"

/* The fixture: a case with one complaint and a police officer among its
 * parties, and a landlord's policy (the Code's, from 1 June 2024) with an
 * urgent repair priority of 5 working days, for the tests of repairs. */
typedef struct {
  RdCaseFacts *facts;
  RdComplaint *complaint;
  gint64       next_id;
  RdPolicy    *policy;
} Case;

static GDate *
day (const char *iso)
{
  GDate *d = rd_date_parse_iso (iso, NULL);

  g_assert_nonnull (d);
  return d;
}

static void
assert_date (const GDate *date,
             const char  *iso)
{
  g_autofree char *text = NULL;

  g_assert_true (g_date_valid (date));
  text = rd_date_to_iso (date);
  g_assert_cmpstr (text, ==, iso);
}

static void
case_init (Case *c)
{
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(RdParty) police = rd_party_new ();

  rd_case_set_id (rcase, 1);
  rd_case_set_title (rcase, "Noise");
  c->facts = rd_case_facts_new (rcase);
  c->complaint = rd_complaint_new ();
  rd_complaint_set_id (c->complaint, 7);
  rd_complaint_set_case_id (c->complaint, 1);
  rd_case_facts_add_complaint (c->facts, c->complaint);
  rd_party_set_id (police, 3);
  rd_party_set_case_id (police, 1);
  rd_party_set_name (police, "PC Sam Lee");
  rd_party_set_role (police, RD_PARTY_POLICE);
  rd_case_facts_add_party (c->facts, police);
  c->next_id = 100;
}

static void
case_clear (Case *c)
{
  g_clear_object (&c->complaint);
  g_clear_object (&c->facts);
}

static void
case_setup (Case          *c,
            gconstpointer  data)
{
  g_autoptr(GDate) from = day ("2024-06-01");
  RdLimit five = { 5, RD_TIME_UNIT_WORKING_DAYS };

  case_init (c);
  c->policy = rd_policy_new_landlord_from_code (from);
  rd_policy_set_repair_priority (c->policy, "urgent", "Urgent repair", &five);
}

static void
case_teardown (Case          *c,
               gconstpointer  data)
{
  case_clear (c);
  g_clear_object (&c->policy);
}

/* A new case in place of the fixture's, for a test that compares cases;
 * the policy stays. */
static void
case_reset (Case *c)
{
  case_clear (c);
  case_init (c);
}

static void
step (Case                 *c,
      RdComplaintEventKind  kind,
      guint                 stage,
      const char           *date)
{
  g_autoptr(RdComplaintEvent) event = rd_complaint_event_new (kind);
  g_autoptr(GDate) d = day (date);

  rd_complaint_event_set_id (event, c->next_id++);
  rd_complaint_event_set_complaint_id (event, 7);
  rd_complaint_event_set_stage (event, stage);
  rd_complaint_event_set_date (event, d);
  rd_case_facts_add_event (c->facts, c->complaint, event);
}

static void
incident (Case       *c,
          const char *when,
          RdCategory  category,
          const char *reported)
{
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GDateTime) at = rd_datetime_parse_local (when, NULL);

  g_assert_nonnull (at);
  rd_incident_set_id (incident, c->next_id++);
  rd_incident_set_case_id (incident, 1);
  rd_incident_set_starts_at (incident, at);
  rd_incident_set_category (incident, category);
  rd_incident_set_description (incident, "Loud music from Flat 6 until 2am");
  if (reported != NULL)
    {
      g_autoptr(GDate) told = day (reported);

      rd_incident_set_reported_to (incident, RD_REPORTED_LANDLORD);
      rd_incident_set_landlord_reported_on (incident, told);
    }
  rd_case_facts_add_incident (c->facts, incident);
}

static void
contact (Case               *c,
         const char         *when,
         RdContactDirection  direction,
         RdContactChannel    channel,
         gint64              party_id)
{
  g_autoptr(RdContact) contact = rd_contact_new ();
  g_autoptr(GDateTime) at = rd_datetime_parse_local (when, NULL);

  g_assert_nonnull (at);
  rd_contact_set_id (contact, c->next_id++);
  rd_contact_set_case_id (contact, 1);
  rd_contact_set_occurred_at (contact, at);
  rd_contact_set_direction (contact, direction);
  rd_contact_set_channel (contact, channel);
  rd_contact_set_party_id (contact, party_id);
  rd_contact_set_summary (contact, "Spoke to Mr Hall about the noise");
  rd_case_facts_add_contact (c->facts, contact);
}

/* A contact that promised something by @due; @party_id 0 is the landlord. */
static void
promise (Case       *c,
         const char *when,
         gint64      party_id,
         const char *due)
{
  g_autoptr(RdContact) contact = rd_contact_new ();
  g_autoptr(GDateTime) at = rd_datetime_parse_local (when, NULL);
  g_autoptr(GDate) by = day (due);

  rd_contact_set_id (contact, c->next_id++);
  rd_contact_set_case_id (contact, 1);
  rd_contact_set_occurred_at (contact, at);
  rd_contact_set_direction (contact, RD_CONTACT_FROM);
  rd_contact_set_channel (contact, RD_CHANNEL_PHONE);
  rd_contact_set_party_id (contact, party_id);
  rd_contact_set_summary (contact, "Spoke to Mr Hall about the leak");
  rd_contact_set_promise (contact, "Send Dee Marsh to fix the boiler");
  rd_contact_set_promise_due (contact, by);
  rd_case_facts_add_contact (c->facts, contact);
}

/* A disrepair entry reported to the landlord, with a repair priority
 * and a hazard (RD_HAZARD_N_LEVELS for none). */
static void
disrepair (Case          *c,
           const char    *when,
           const char    *reported,
           const char    *priority,
           RdHazardLevel  hazard)
{
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GDateTime) at = rd_datetime_parse_local (when, NULL);
  g_autoptr(GDate) told = day (reported);

  rd_incident_set_id (incident, c->next_id++);
  rd_incident_set_case_id (incident, 1);
  rd_incident_set_starts_at (incident, at);
  rd_incident_set_category (incident, RD_CATEGORY_DISREPAIR);
  rd_incident_set_description (incident, "Water through the ceiling of Flat 6");
  rd_incident_set_reported_to (incident, RD_REPORTED_LANDLORD);
  rd_incident_set_landlord_reported_on (incident, told);
  rd_incident_set_repair_priority (incident, priority);
  rd_incident_set_hazard (incident, hazard);
  rd_case_facts_add_incident (c->facts, incident);
}

/* An urgent repair reported to the landlord at 8 in the morning of the
 * Monday @week weeks after 6 January 2025; returns that Monday. */
static GDate *
weekly_repair (Case  *c,
               guint  week)
{
  GDate *told = day ("2025-01-06");
  g_autofree char *told_iso = NULL;
  g_autofree char *when = NULL;

  g_date_add_days (told, 7 * week);
  told_iso = rd_date_to_iso (told);
  when = g_strdup_printf ("%s 08:00", told_iso);
  disrepair (c, when, told_iso, "urgent", RD_HAZARD_N_LEVELS);
  return told;
}

static const RdTimelineItem *
find (RdTimeline     *timeline,
      RdTimelineKind  kind,
      guint           nth)
{
  for (guint i = 0; i < rd_timeline_get_n_items (timeline); i++)
    {
      const RdTimelineItem *item = rd_timeline_get_item (timeline, i);

      if (item->kind == kind && nth-- == 0)
        return item;
    }
  g_assert_not_reached ();
}

static const RdTimelineItem *
find_deadline (RdTimeline     *timeline,
               RdDeadlineKind  kind,
               guint           stage)
{
  for (guint i = 0; i < rd_timeline_get_n_items (timeline); i++)
    {
      const RdTimelineItem *item = rd_timeline_get_item (timeline, i);

      if ((item->kind == RD_TIMELINE_STAGE || item->kind == RD_TIMELINE_REFERRAL) &&
          item->deadline_kind == kind && item->stage == stage)
        return item;
    }
  return NULL;
}

/* Incidents group by ISO week, Monday to Sunday in local time: a Sunday
 * night is the week before the Monday just after it. */
static void
test_weeks (Case          *c,
            gconstpointer  data)
{
  g_autoptr(GDate) today = day ("2024-03-29");
  g_autoptr(RdTimeline) timeline = NULL;
  g_autofree char *text = NULL;
  const RdTimelineItem *week;

  incident (c, "2024-03-04 23:10", RD_CATEGORY_NOISE, NULL);
  incident (c, "2024-03-06 01:00", RD_CATEGORY_HARASSMENT, NULL);
  incident (c, "2024-03-10 23:59", RD_CATEGORY_NOISE, NULL);
  incident (c, "2024-03-11 00:01", RD_CATEGORY_NOISE, NULL);
  timeline = rd_timeline_new (c->facts, NULL, today);

  g_assert_cmpuint (rd_timeline_count_kind (timeline, RD_TIMELINE_WEEK), ==, 2);
  week = find (timeline, RD_TIMELINE_WEEK, 0);
  assert_date (&week->date, "2024-03-04");
  assert_date (&week->end, "2024-03-10");
  g_assert_cmpint (week->week, ==, 10);
  g_assert_cmpint (week->week_year, ==, 2024);
  g_assert_cmpuint (week->total, ==, 3);
  g_assert_cmpuint (week->counts[RD_CATEGORY_NOISE], ==, 2);
  g_assert_cmpuint (week->counts[RD_CATEGORY_HARASSMENT], ==, 1);
  text = rd_timeline_item_dup_text (week);
  g_assert_cmpstr (text, ==, "Week 10 of 2024, from Monday 4 March 2024: 3 incidents. "
                             "Noise: 2, Harassment or threats: 1");
  week = find (timeline, RD_TIMELINE_WEEK, 1);
  g_assert_cmpint (week->week, ==, 11);
  g_assert_cmpuint (week->total, ==, 1);
  g_assert_cmpstr (week->title, ==, "1 incident");

  /* From the first week's Monday to the Sunday after today. */
  assert_date (rd_timeline_get_first (timeline), "2024-03-04");
  assert_date (rd_timeline_get_last (timeline), "2024-03-31");
}

/* ISO weeks belong to the year of their Thursday. */
static void
test_week_years (Case          *c,
                 gconstpointer  data)
{
  g_autoptr(GDate) today = day ("2025-01-10");
  g_autoptr(RdTimeline) timeline = NULL;
  const RdTimelineItem *week;

  incident (c, "2021-01-03 12:00", RD_CATEGORY_DAMAGE, NULL);
  incident (c, "2024-12-31 12:00", RD_CATEGORY_OTHER, NULL);
  timeline = rd_timeline_new (c->facts, NULL, today);

  week = find (timeline, RD_TIMELINE_WEEK, 0);
  assert_date (&week->date, "2020-12-28");
  g_assert_cmpint (week->week, ==, 53);
  g_assert_cmpint (week->week_year, ==, 2020);
  week = find (timeline, RD_TIMELINE_WEEK, 1);
  assert_date (&week->date, "2024-12-30");
  g_assert_cmpint (week->week, ==, 1);
  g_assert_cmpint (week->week_year, ==, 2025);
  assert_date (rd_timeline_get_first (timeline), "2020-12-28");
  assert_date (rd_timeline_get_last (timeline), "2025-01-12");
}

/* A report is on the day the landlord was told, not the day of the
 * incident; contacts say whether they were with the landlord, and carry
 * nothing the resident wrote. */
static void
test_reports_and_contacts (Case          *c,
                           gconstpointer  data)
{
  g_autoptr(GDate) today = day ("2024-03-29");
  g_autoptr(RdTimeline) timeline = NULL;
  const RdTimelineItem *item;

  incident (c, "2024-03-04 23:10", RD_CATEGORY_NOISE, "2024-03-06");
  incident (c, "2024-03-05 20:00", RD_CATEGORY_DAMAGE, NULL);
  contact (c, "2024-03-07 10:15", RD_CONTACT_FROM, RD_CHANNEL_PHONE, 0);
  contact (c, "2024-03-08 09:00", RD_CONTACT_TO, RD_CHANNEL_EMAIL, 3);
  timeline = rd_timeline_new (c->facts, NULL, today);

  g_assert_cmpuint (rd_timeline_count_kind (timeline, RD_TIMELINE_REPORT), ==, 1);
  item = find (timeline, RD_TIMELINE_REPORT, 0);
  assert_date (&item->date, "2024-03-06");
  g_assert_cmpint (item->category, ==, RD_CATEGORY_NOISE);
  g_assert_cmpstr (item->title, ==, "Reported to the landlord: Noise");

  g_assert_cmpuint (rd_timeline_count_kind (timeline, RD_TIMELINE_CONTACT), ==, 2);
  item = find (timeline, RD_TIMELINE_CONTACT, 0);
  assert_date (&item->date, "2024-03-07");
  g_assert_true (item->landlord);
  g_assert_cmpint (item->direction, ==, RD_CONTACT_FROM);
  g_assert_cmpstr (item->when, ==, "Thursday 7 March 2024 at 10:15");
  g_assert_cmpstr (item->title, ==, "Phone call from them");
  item = find (timeline, RD_TIMELINE_CONTACT, 1);
  g_assert_false (item->landlord);
  g_assert_cmpint (item->direction, ==, RD_CONTACT_TO);

  for (guint i = 0; i < rd_timeline_get_n_items (timeline); i++)
    {
      g_autofree char *text = rd_timeline_item_dup_text (rd_timeline_get_item (timeline, i));

      g_assert_null (strstr (text, "Hall"));
      g_assert_null (strstr (text, "Flat 6"));
      g_assert_null (strstr (text, "Sam Lee"));
    }

  /* Items are in date order. */
  for (guint i = 1; i < rd_timeline_get_n_items (timeline); i++)
    g_assert_cmpint (g_date_compare (&rd_timeline_get_item (timeline, i - 1)->date,
                                     &rd_timeline_get_item (timeline, i)->date), <=, 0);
}

/* A contact to the landlord's side by email at @when, written down as with
 * @person (no party of the case), about @summary. */
static void
email_about (Case               *c,
             const char         *when,
             RdContactDirection  direction,
             const char         *person,
             const char         *summary)
{
  g_autoptr(RdContact) contact = rd_contact_new ();
  g_autoptr(GDateTime) at = rd_datetime_parse_local (when, NULL);

  rd_contact_set_id (contact, c->next_id++);
  rd_contact_set_case_id (contact, 1);
  rd_contact_set_occurred_at (contact, at);
  rd_contact_set_direction (contact, direction);
  rd_contact_set_channel (contact, RD_CHANNEL_EMAIL);
  rd_contact_set_person (contact, person);
  rd_contact_set_summary (contact, summary);
  rd_case_facts_add_contact (c->facts, contact);
}

/* The contact item whose window's sentence starts with @start. */
static const RdTimelineItem *
find_spoken (RdTimeline *timeline,
             const char *start,
             char      **spoken)
{
  for (guint i = 0; i < rd_timeline_get_n_items (timeline); i++)
    {
      const RdTimelineItem *item = rd_timeline_get_item (timeline, i);
      g_autofree char *text = rd_timeline_item_dup_spoken (item);

      if (item->kind == RD_TIMELINE_CONTACT && g_str_has_prefix (text, start))
        {
          *spoken = g_steal_pointer (&text);
          return item;
        }
    }
  g_assert_not_reached ();
}

/* Two contacts of the same minute, the same way by the same channel (an
 * email typed, and the same email imported), read the same in the
 * picture and in its files, which say nothing the resident wrote; the
 * window's list, which a screen reader reads, tells them apart by who
 * each was with and the first words of what it was about, a long summary
 * cut after its first sentence or else between words. */
static void
test_contacts_told_apart (Case          *c,
                          gconstpointer  data)
{
  g_autoptr(GDate) today = day ("2024-03-20");
  g_autoptr(RdTimeline) timeline = NULL;
  g_autofree char *typed_text = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *imported_text = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *rang = NULL;
  g_autofree char *long_one = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *police = NULL;
  const RdTimelineItem *a, *b, *item;

  email_about (c, "2024-03-07 10:15", RD_CONTACT_TO, "Complaints team",
               "Sent my formal stage 1 complaint.\nIt lists every missed call back.");
  email_about (c, "2024-03-07 10:15", RD_CONTACT_TO, "Eastwick Homes <complaints@eastwick-homes.example>",
               "Formal complaint: noise from Flat 5");
  email_about (c, "2024-03-08 09:00", RD_CONTACT_FROM, "Dee Marsh",
               "Dee Marsh wrote back at last. She said the noise was unacceptable and that she "
               "would write to Flat 5 this week.");
  email_about (c, "2024-03-11 09:00", RD_CONTACT_TO, "Repairs",
               "Asked for the repair to the front door to be booked for a day when I am at home "
               "with the children after school");
  email_about (c, "2024-03-12 09:00", RD_CONTACT_FROM, "", "  ");
  contact (c, "2024-03-13 09:00", RD_CONTACT_TO, RD_CHANNEL_EMAIL, 3);
  timeline = rd_timeline_new (c->facts, NULL, today);

  a = find_spoken (timeline, "Thursday 7 March 2024 at 10:15: Email to Complaints team", &typed);
  b = find_spoken (timeline, "Thursday 7 March 2024 at 10:15: Email to Eastwick Homes", &imported);
  g_assert_cmpstr (typed, ==, "Thursday 7 March 2024 at 10:15: Email to Complaints team. With the "
                              "landlord. “Sent my formal stage 1 complaint.”");
  g_assert_cmpstr (imported, ==, "Thursday 7 March 2024 at 10:15: Email to Eastwick Homes "
                                 "<complaints@eastwick-homes.example>. With the landlord. "
                                 "“Formal complaint: noise from Flat 5”");
  /* The picture's words are the same, and name nobody. */
  typed_text = rd_timeline_item_dup_text (a);
  imported_text = rd_timeline_item_dup_text (b);
  g_assert_cmpstr (typed_text, ==, "Thursday 7 March 2024 at 10:15: Email to them. With the landlord");
  g_assert_cmpstr (imported_text, ==, typed_text);
  g_assert_cmpstr (a->title, ==, "Email to them");
  /* What the window compares a new timeline's rows by tells them apart. */
  g_assert_true (a->digest != b->digest);

  item = find_spoken (timeline, "Friday 8 March 2024", &rang);
  g_assert_cmpstr (item->about, ==, "Dee Marsh wrote back at last.");
  g_assert_cmpstr (rang, ==, "Friday 8 March 2024 at 09:00: Email from Dee Marsh. With the landlord. "
                             "“Dee Marsh wrote back at last.”");
  item = find_spoken (timeline, "Monday 11 March 2024", &long_one);
  g_assert_cmpstr (item->about, ==, "Asked for the repair to the front door to be booked for a day "
                                    "when I am at home…");
  /* Nothing written, nobody named: what the picture says. */
  item = find_spoken (timeline, "Tuesday 12 March 2024", &bare);
  g_assert_null (item->about);
  g_assert_cmpstr (bare, ==, "Tuesday 12 March 2024 at 09:00: Email from them. With the landlord");
  /* A party of the case is named as the contacts page names it. */
  item = find_spoken (timeline, "Wednesday 13 March 2024", &police);
  g_assert_cmpstr (police, ==, "Wednesday 13 March 2024 at 09:00: Email to PC Sam Lee. With someone "
                               "other than the landlord. “Spoke to Mr Hall about the noise”");

  for (guint i = 0; i < rd_timeline_get_n_items (timeline); i++)
    {
      g_autofree char *text = rd_timeline_item_dup_text (rd_timeline_get_item (timeline, i));
      g_autofree char *spoken = rd_timeline_item_dup_spoken (rd_timeline_get_item (timeline, i));

      item = rd_timeline_get_item (timeline, i);

      g_assert_null (strstr (text, "Complaints team"));
      g_assert_null (strstr (text, "Sam Lee"));
      g_assert_null (strstr (text, "Dee Marsh"));
      if (item->kind != RD_TIMELINE_CONTACT)
        g_assert_cmpstr (spoken, ==, text);
    }
}

/* The complaint's deadlines are What Next's, date for date and word for
 * word; the Ombudsman's window opens on the final response. */
static void
test_deadlines (Case          *c,
                gconstpointer  data)
{
  g_autoptr(GDate) today = day ("2024-06-03");
  g_autoptr(RdTimeline) timeline = NULL;
  g_autoptr(RdDashboard) dashboard = NULL;
  const RdTimelineItem *item;
  GListModel *entries;
  guint n_deadlines = 0;

  step (c, RD_COMPLAINT_EVENT_MADE, 1, "2024-03-04");
  step (c, RD_COMPLAINT_EVENT_ACKNOWLEDGED, 1, "2024-03-13");
  step (c, RD_COMPLAINT_EVENT_RESPONSE, 1, "2024-03-20");
  step (c, RD_COMPLAINT_EVENT_ESCALATION_REQUESTED, 2, "2024-03-25");
  step (c, RD_COMPLAINT_EVENT_ACKNOWLEDGED, 2, "2024-03-27");
  step (c, RD_COMPLAINT_EVENT_FINAL_RESPONSE, 2, "2024-05-01");
  timeline = rd_timeline_new (c->facts, NULL, today);

  /* Stage 1 acknowledged two working days after Monday 11 March. */
  item = find_deadline (timeline, RD_DEADLINE_KIND_ACKNOWLEDGEMENT, 1);
  g_assert_nonnull (item);
  g_assert_cmpint (item->kind, ==, RD_TIMELINE_STAGE);
  assert_date (&item->date, "2024-03-11");
  assert_date (&item->end, "2024-03-13");
  g_assert_cmpint (item->status, ==, RD_DEADLINE_MISSED);
  g_assert_cmpstr (item->title, ==, "Stage 1 acknowledgement");
  g_assert_cmpstr (item->detail, ==, "Acknowledged 2 working days late");
  g_assert_cmpstr (item->when, ==, "Due by Monday 11 March 2024");

  item = find_deadline (timeline, RD_DEADLINE_KIND_RESPONSE, 1);
  g_assert_nonnull (item);
  g_assert_cmpint (item->status, ==, RD_DEADLINE_MET);
  assert_date (&item->end, "2024-03-20");

  item = find_deadline (timeline, RD_DEADLINE_KIND_OMBUDSMAN, 2);
  g_assert_nonnull (item);
  g_assert_cmpint (item->kind, ==, RD_TIMELINE_REFERRAL);
  assert_date (&item->date, "2024-05-01");
  assert_date (&item->end, "2025-05-01");
  g_assert_cmpint (item->status, ==, RD_DEADLINE_PENDING);

  /* Every complaint deadline of What Next is on the timeline, on the same day. */
  dashboard = rd_dashboard_new (c->facts, NULL, today);
  entries = rd_dashboard_get_items (dashboard);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RdDashboardItem) entry = g_list_model_get_item (entries, i);
      RdDeadline *deadline = rd_dashboard_item_get_deadline (entry);
      const RdTimelineItem *found;

      if (rd_dashboard_item_get_complaint_id (entry) != 7)
        continue;
      found = find_deadline (timeline, rd_deadline_get_kind (deadline),
                             rd_deadline_get_stage (deadline));
      g_assert_nonnull (found);
      g_assert_cmpint (found->status, ==, rd_deadline_get_status (deadline));
      g_assert_cmpstr (found->detail, ==, rd_dashboard_item_get_status_text (entry));
      if (found->kind == RD_TIMELINE_STAGE)
        g_assert_cmpint (g_date_compare (&found->date, &rd_deadline_get_due (deadline)->date), ==, 0);
      else
        g_assert_cmpint (g_date_compare (&found->end, &rd_deadline_get_due (deadline)->date), ==, 0);
      n_deadlines++;
    }
  g_assert_cmpuint (n_deadlines, ==, rd_timeline_count_kind (timeline, RD_TIMELINE_STAGE) +
                                     rd_timeline_count_kind (timeline, RD_TIMELINE_REFERRAL));
  g_assert_cmpuint (n_deadlines, >=, 4);

  /* Drawn up to the window's end, past today. */
  g_assert_cmpint (g_date_compare (rd_timeline_get_last (timeline), &item->end), >=, 0);
}

/* Promises, repairs and the steps of Awaab's Law are What Next's
 * deadlines too, each with a sentence of its own: a promise says whether
 * it was kept or broken, and none quotes what was promised or who by. */
static void
test_promises_repairs_hazards (Case          *c,
                               gconstpointer  data)
{
  g_autoptr(GDate) today = day ("2025-11-13");
  g_autoptr(RdTimeline) timeline = NULL;
  g_autoptr(RdDashboard) dashboard = NULL;
  GListModel *entries;
  guint n_deadlines = 0;

  rd_case_set_tenancy_type (rd_case_facts_get_case (c->facts), RD_TENANCY_SECURE);
  promise (c, "2025-11-03 10:00", 0, "2025-11-05");
  contact (c, "2025-11-04 16:00", RD_CONTACT_FROM, RD_CHANNEL_PHONE, 0);
  promise (c, "2025-11-04 11:00", 3, "2025-11-07");
  disrepair (c, "2025-11-01 08:00", "2025-11-03", "urgent", RD_HAZARD_N_LEVELS);
  disrepair (c, "2025-11-02 08:00", "2025-11-03", "", RD_HAZARD_EMERGENCY);
  timeline = rd_timeline_new (c->facts, c->policy, today);

  g_assert_cmpuint (rd_timeline_count_kind (timeline, RD_TIMELINE_PROMISE), ==, 2);
  g_assert_cmpuint (rd_timeline_count_kind (timeline, RD_TIMELINE_REPAIR), ==, 1);
  g_assert_cmpuint (rd_timeline_count_kind (timeline, RD_TIMELINE_HAZARD), ==, 2);
  for (guint i = 0; i < rd_timeline_get_n_items (timeline); i++)
    {
      const RdTimelineItem *item = rd_timeline_get_item (timeline, i);
      g_autofree char *text = rd_timeline_item_dup_text (item);

      g_test_message ("%s", text);
      g_assert_null (strstr (text, "boiler"));
      g_assert_null (strstr (text, "Dee Marsh"));
      g_assert_null (strstr (text, "Sam Lee"));
      g_assert_null (strstr (text, "Flat 6"));
    }

  {
    const RdTimelineItem *kept = find (timeline, RD_TIMELINE_PROMISE, 0);
    const RdTimelineItem *broken = find (timeline, RD_TIMELINE_PROMISE, 1);
    g_autofree char *kept_text = rd_timeline_item_dup_text (kept);
    g_autofree char *broken_text = rd_timeline_item_dup_text (broken);

    assert_date (&kept->date, "2025-11-05");
    assert_date (&kept->end, "2025-11-04");
    g_assert_true (kept->landlord);
    g_assert_cmpint (kept->status, ==, RD_DEADLINE_MET);
    g_assert_cmpstr (kept_text, ==, "Due by Wednesday 5 November 2025: Promise from the landlord. "
                                    "Kept in time");
    assert_date (&broken->date, "2025-11-07");
    g_assert_false (g_date_valid (&broken->end));
    g_assert_false (broken->landlord);
    g_assert_cmpint (broken->status, ==, RD_DEADLINE_MISSED);
    g_assert_cmpstr (broken_text, ==, "Due by Friday 7 November 2025: Promise from someone other "
                                      "than the landlord. Broken: 4 working days past its date");
  }
  {
    const RdTimelineItem *repair = find (timeline, RD_TIMELINE_REPAIR, 0);
    g_autofree char *text = rd_timeline_item_dup_text (repair);

    /* Five working days after Monday 3 November. */
    assert_date (&repair->date, "2025-11-10");
    g_assert_cmpint (repair->status, ==, RD_DEADLINE_MISSED);
    g_assert_cmpstr (text, ==, "Due by Monday 10 November 2025: Repair (Urgent repair). "
                               "3 working days late");
  }

  /* Awaab's Law: an emergency hazard is investigated and made safe within
   * 24 hours of the report. */
  {
    const RdTimelineItem *investigation = find (timeline, RD_TIMELINE_HAZARD, 0);
    g_autofree char *text = rd_timeline_item_dup_text (investigation);

    assert_date (&investigation->date, "2025-11-04");
    g_assert_cmpint (investigation->status, ==, RD_DEADLINE_MISSED);
    g_assert_cmpstr (text, ==, "Due by Tuesday 4 November 2025 at 23:59: The investigation of the "
                               "emergency hazard. 7 working days late");
  }

  /* Every one of them is What Next's, on the same day, in the same words. */
  dashboard = rd_dashboard_new (c->facts, c->policy, today);
  entries = rd_dashboard_get_items (dashboard);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RdDashboardItem) entry = g_list_model_get_item (entries, i);
      RdDeadline *deadline = rd_dashboard_item_get_deadline (entry);
      RdDeadlineKind kind = rd_deadline_get_kind (deadline);
      gboolean found = FALSE;

      if (kind != RD_DEADLINE_KIND_PROMISE && kind != RD_DEADLINE_KIND_REPAIR &&
          kind != RD_DEADLINE_KIND_HAZARD)
        continue;
      for (guint j = 0; j < rd_timeline_get_n_items (timeline) && !found; j++)
        {
          const RdTimelineItem *item = rd_timeline_get_item (timeline, j);

          if (item->deadline_kind != kind || item->complaint != rd_deadline_get_group (deadline) ||
              g_date_compare (&item->date, &rd_deadline_get_due (deadline)->date) != 0 ||
              (kind != RD_DEADLINE_KIND_PROMISE &&
               g_strcmp0 (item->title, rd_dashboard_item_get_title (entry)) != 0))
            continue;
          found = TRUE;
          g_assert_cmpint (item->status, ==, rd_deadline_get_status (deadline));
          if (kind != RD_DEADLINE_KIND_PROMISE)
            g_assert_cmpstr (item->detail, ==, rd_dashboard_item_get_status_text (entry));
        }
      g_assert_true (found);
      n_deadlines++;
    }
  g_assert_cmpuint (n_deadlines, ==, 5);
}

/* A case finished long ago is drawn on its own dates, not up to today. */
static void
test_old_case (Case          *c,
               gconstpointer  data)
{
  g_autoptr(GDate) today = day ("2026-12-06");
  g_autoptr(RdTimeline) timeline = NULL;
  g_autoptr(RdTimeline) empty = NULL;

  incident (c, "2021-06-02 12:00", RD_CATEGORY_NOISE, NULL);
  timeline = rd_timeline_new (c->facts, NULL, today);
  assert_date (rd_timeline_get_first (timeline), "2021-05-31");
  assert_date (rd_timeline_get_last (timeline), "2021-06-06");

  case_reset (c);
  empty = rd_timeline_new (c->facts, NULL, today);
  g_assert_cmpuint (rd_timeline_get_n_items (empty), ==, 0);
  assert_date (rd_timeline_get_first (empty), "2026-11-30");
  assert_date (rd_timeline_get_last (empty), "2026-12-06");
}

/* Three years of a diary with a complaint: a picture several strips wide. */
static RdTimeline *
new_long_timeline (Case *c)
{
  g_autoptr(GDate) today = day ("2026-12-06");

  for (int month = 0; month < 36; month++)
    {
      g_autofree char *when = g_strdup_printf ("%d-%02d-10 21:00", 2024 + month / 12,
                                               month % 12 + 1);

      incident (c, when, month % 3 == 0 ? RD_CATEGORY_NOISE : RD_CATEGORY_HARASSMENT,
                month % 4 == 0 ? "2024-01-11" : NULL);
    }
  step (c, RD_COMPLAINT_EVENT_MADE, 1, "2025-02-03");
  step (c, RD_COMPLAINT_EVENT_ACKNOWLEDGED, 1, "2025-02-14");
  return rd_timeline_new (c->facts, NULL, today);
}

/* Each deadline has a row of its own in its lane, counted in order, and
 * the counts are kept with the timeline. */
static void
test_rows (Case          *c,
           gconstpointer  data)
{
  g_autoptr(RdTimeline) timeline = new_long_timeline (c);
  guint counted[RD_TIMELINE_N_KINDS] = { 0 };
  int stage_row = 0;

  for (guint i = 0; i < rd_timeline_get_n_items (timeline); i++)
    {
      const RdTimelineItem *item = rd_timeline_get_item (timeline, i);

      counted[item->kind]++;
      if (item->kind == RD_TIMELINE_STAGE)
        g_assert_cmpint (item->row, ==, stage_row++);
      else if (item->kind != RD_TIMELINE_REFERRAL)
        g_assert_cmpint (item->row, ==, -1);
    }
  g_assert_cmpint (stage_row, >, 1);
  for (RdTimelineKind kind = 0; kind < RD_TIMELINE_N_KINDS; kind++)
    g_assert_cmpuint (rd_timeline_count_kind (timeline, kind), ==, counted[kind]);
}

/* A timeline of many repairs keeps each of its repeated words once: the
 * items that say the same thing hold the same text. */
static void
test_texts_shared (Case          *c,
                   gconstpointer  data)
{
  g_autoptr(GDate) today = day ("2025-11-13");
  g_autoptr(RdTimeline) timeline = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *title = NULL;
  guint n_repairs = 0, n_same = 0;

  for (guint i = 0; i < 40; i++)
    g_date_free (weekly_repair (c, i));
  timeline = rd_timeline_new (c->facts, c->policy, today);
  for (guint i = 0; i < rd_timeline_get_n_items (timeline); i++)
    {
      const RdTimelineItem *item = rd_timeline_get_item (timeline, i);
      const char *texts[] = { item->when, item->title, item->detail };

      if (item->kind == RD_TIMELINE_REPAIR)
        {
          if (title == NULL)
            title = item->title;
          g_assert_cmpstr (item->title, ==, title);
          g_assert_true (item->title == title);
          n_repairs++;
        }
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          const char *before = texts[t] ? g_hash_table_lookup (seen, texts[t]) : NULL;

          if (texts[t] == NULL)
            continue;
          if (before == NULL)
            g_hash_table_add (seen, (gpointer) texts[t]);
          else
            {
              g_assert_true (before == texts[t]);
              n_same++;
            }
        }
    }
  g_assert_cmpuint (n_repairs, ==, 40);
  g_assert_cmpuint (n_same, >, 40);
}

/* Each item comes with the digest of its words, made with the timeline
 * (on the worker that makes it for the window, which compares a new
 * timeline's items with the last's by digest): the digest of its when,
 * title and detail, and items whose words differ have different ones. */
static void
test_digests (Case          *c,
              gconstpointer  data)
{
  g_autoptr(GDate) today = day ("2025-11-13");
  g_autoptr(RdTimeline) timeline = NULL;
  g_autoptr(GHashTable) by_text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) digests = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < 40; i++)
    g_date_free (weekly_repair (c, i));
  timeline = rd_timeline_new (c->facts, c->policy, today);
  for (guint i = 0; i < rd_timeline_get_n_items (timeline); i++)
    {
      const RdTimelineItem *item = rd_timeline_get_item (timeline, i);
      g_autofree char *text = g_strdup_printf ("%s\x1f%s\x1f%s", item->when, item->title,
                                               item->detail ? item->detail : "");
      const RdTimelineItem *same = g_hash_table_lookup (by_text, text);
      guint64 words = rd_text_digest_add (RD_TEXT_DIGEST_START, item->when);

      words = rd_text_digest_add (words, item->title);
      g_assert_true (item->digest == rd_text_digest_add (words, item->detail));
      if (same != NULL)
        {
          g_assert_true (item->digest == same->digest);
          continue;
        }
      /* Words not seen before: a digest not seen before. */
      g_assert_false (g_hash_table_contains (digests, &item->digest));
      g_hash_table_add (digests, (gpointer) &item->digest);
      g_hash_table_insert (by_text, g_steal_pointer (&text), (gpointer) item);
    }
  g_assert_cmpuint (g_hash_table_size (digests), >, 40);
  /* Where one text ends is in the digest. */
  g_assert_true (rd_text_digest_add (rd_text_digest_add (RD_TEXT_DIGEST_START, "a"), "bc") !=
                 rd_text_digest_add (rd_text_digest_add (RD_TEXT_DIGEST_START, "ab"), "c"));
}

/* A lane holds one row per deadline up to a limit, then the deadlines
 * share the rows that came free the earliest, unnamed, so that a case
 * of years of repairs keeps a picture of a height a window can hold. */
static void
test_rows_shared (Case          *c,
                  gconstpointer  data)
{
  const guint limit = 24;
  g_autoptr(GDate) today = day ("2025-11-13");
  double heights[2];

  for (guint round = 0; round < 2; round++)
    {
      guint n_repairs = round == 0 ? limit : 3 * limit + 2;
      g_autoptr(RdTimeline) timeline = NULL;
      g_autofree guint *per_row = g_new0 (guint, limit);
      guint nth = 0;

      case_reset (c);
      for (guint i = 0; i < n_repairs; i++)
        g_date_free (weekly_repair (c, i));
      timeline = rd_timeline_new (c->facts, c->policy, today);
      g_assert_cmpuint (rd_timeline_count_kind (timeline, RD_TIMELINE_REPAIR), ==, n_repairs);
      g_assert_cmpuint (rd_timeline_count_rows (timeline, RD_TIMELINE_REPAIR), ==, limit);

      for (guint i = 0; i < rd_timeline_get_n_items (timeline); i++)
        {
          const RdTimelineItem *item = rd_timeline_get_item (timeline, i);

          if (item->kind != RD_TIMELINE_REPAIR)
            continue;
          g_assert_cmpint (item->row, >=, 0);
          g_assert_cmpint (item->row, <, (int) limit);
          /* In date order: a row each until the lane is full. */
          if (nth < limit)
            g_assert_cmpint (item->row, ==, (int) nth);
          per_row[item->row]++;
          nth++;
        }
      /* Every repair is still late, so every row is taken until today:
       * the rest are spread over the rows holding the fewest. */
      for (guint r = 0; r < limit; r++)
        {
          g_assert_cmpuint (per_row[r], >=, n_repairs / limit);
          g_assert_cmpuint (per_row[r], <=, n_repairs / limit + 1);
        }
      for (guint i = 0; i < rd_timeline_get_n_items (timeline); i++)
        {
          const RdTimelineItem *item = rd_timeline_get_item (timeline, i);

          if (item->kind == RD_TIMELINE_REPAIR)
            g_assert_cmpint (item->row_shared, ==, per_row[item->row] > 1);
        }
      rd_timeline_measure (timeline, NULL, &heights[round]);
    }
  /* Three times the repairs, the same height. */
  g_assert_cmpfloat (heights[1], ==, heights[0]);
}

/* A case of @per_day urgent repairs told on each of @n_weeks Mondays: a
 * third repaired in time, a third late, a third never. */
static RdTimeline *
new_crowded_timeline (Case  *c,
                      guint  n_weeks,
                      guint  per_day)
{
  g_autoptr(GDate) today = day ("2025-11-13");

  for (guint w = 0; w < n_weeks; w++)
    for (guint k = 0; k < per_day; k++)
      {
        g_autoptr(GDate) told = weekly_repair (c, w);

        if (k % 3 != 2)
          {
            GPtrArray *incidents = rd_case_facts_get_incidents (c->facts);
            RdIncident *incident = g_ptr_array_index (incidents, incidents->len - 1);
            g_autoptr(GDate) done = g_date_copy (told);
            g_autofree char *key = NULL;
            g_autofree char *done_iso = NULL;
            RdLandlordSteps steps;

            g_date_add_days (done, k % 3 == 0 ? 2 : 30);
            done_iso = rd_date_to_iso (done);
            key = g_strdup_printf ("repaired=%s", done_iso);
            g_assert_true (rd_landlord_steps_from_key (key, &steps, NULL));
            rd_incident_set_landlord_steps (incident, &steps);
          }
      }
  return rd_timeline_new (c->facts, c->policy, today);
}

static cairo_status_t
count_bytes_cb (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

/* How many bytes the picture takes as SVG: what a vector file (a bundle's
 * PDF page) has to hold until the page is done. */
static gsize
svg_size (RdTimeline *timeline)
{
  gsize size = 0;
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  rd_timeline_measure (timeline, &width, &height);
  surface = cairo_svg_surface_create_for_stream (count_bytes_cb, &size, width, height);
  cr = cairo_create (surface);
  rd_timeline_draw (timeline, cr, -1);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return size;
}

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The grey (0 black, 255 white) of the pixel at @x, @y. */
static guint
grey_at (cairo_surface_t *surface,
         double           x,
         double           y)
{
  const guchar *pixels = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return pixels[(int) floor (y) * stride + 4 * (int) floor (x)];
}

/* How many paths an SVG of @timeline draws (glyphs included). */
static guint
svg_paths (RdTimeline *timeline)
{
  g_autoptr(GString) svg = g_string_new (NULL);
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n = 0;

  rd_timeline_measure (timeline, &width, &height);
  surface = cairo_svg_surface_create_for_stream (append_bytes_cb, svg, width, height);
  cr = cairo_create (surface);
  rd_timeline_draw (timeline, cr, -1);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  for (const char *p = strstr (svg->str, "<path"); p != NULL; p = strstr (p + 1, "<path"))
    n++;
  return n;
}

static cairo_surface_t *
draw_image (RdTimeline *timeline)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  rd_timeline_measure (timeline, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cr = cairo_create (surface);
  rd_timeline_draw (timeline, cr, -1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The middle of contact @index's mark. */
static void
contact_middle (RdTimeline *timeline,
                guint       index,
                double     *x,
                double     *y)
{
  cairo_rectangle_t area;

  g_assert_cmpint (rd_timeline_get_item (timeline, index)->kind, ==, RD_TIMELINE_CONTACT);
  g_assert_true (rd_timeline_get_item_area (timeline, index, &area));
  *x = area.x + area.width / 2;
  *y = area.y + area.height / 2;
}

/* A diary of 40 weeks with a report and a contact every @every days, the
 * contacts with the landlord, to them and from them in turn (or all
 * @direction). */
static RdTimeline *
new_marks_timeline (Case               *c,
                    guint               every,
                    gboolean            in_turn,
                    RdContactDirection  direction)
{
  g_autoptr(GDate) today = day ("2025-11-13");

  for (guint d = 0; d < 280; d += every)
    {
      g_autoptr(GDate) date = day ("2025-01-06");
      g_autofree char *iso = NULL;
      g_autofree char *when = NULL;

      g_date_add_days (date, d);
      iso = rd_date_to_iso (date);
      when = g_strdup_printf ("%s 08:00", iso);
      incident (c, when, RD_CATEGORY_NOISE, iso);
      if (in_turn)
        direction = (d / every) % 2 ? RD_CONTACT_FROM : RD_CONTACT_TO;
      contact (c, when, direction, RD_CHANNEL_EMAIL, 0);
    }
  return rd_timeline_new (c->facts, NULL, today);
}

/* A report and a contact every day of 40 weeks, the landlord's and the
 * resident's in turn, draw no more paths than every fourth day does: the
 * marks of a kind go in one path (a PDF page keeps every path it is given
 * until it ends). Close outlined marks each show their whole outline,
 * and an outlined mark is on top of a filled one on the same day. */
static void
test_marks_in_runs (Case          *c,
                    gconstpointer  data)
{
  guint paths[2];

  for (guint round = 0; round < 2; round++)
    {
      guint every = round == 0 ? 4 : 1;
      g_autoptr(RdTimeline) timeline = NULL;

      case_reset (c);
      timeline = new_marks_timeline (c, every, TRUE, RD_CONTACT_TO);

      g_assert_cmpuint (rd_timeline_count_kind (timeline, RD_TIMELINE_REPORT), ==, 280 / every);
      g_assert_cmpuint (rd_timeline_count_kind (timeline, RD_TIMELINE_CONTACT), ==, 280 / every);
      paths[round] = svg_paths (timeline);
    }
  g_test_message ("Paths for 70 days of marks: %u; for 280: %u", paths[0], paths[1]);
  g_assert_cmpuint (paths[1], <, paths[0] + 20);

  {
    g_autoptr(RdTimeline) timeline = NULL;
    cairo_surface_t *surface;
    guint n_checked = 0;
    int last = -1;

    case_reset (c);
    timeline = new_marks_timeline (c, 2, FALSE, RD_CONTACT_TO);
    surface = draw_image (timeline);

    for (guint i = 0; i < rd_timeline_get_n_items (timeline); i++)
      {
        double x, y, before_x, before_y;

        if (rd_timeline_get_item (timeline, i)->kind != RD_TIMELINE_CONTACT)
          continue;
        contact_middle (timeline, i, &x, &y);
        if (last >= 0)
          {
            contact_middle (timeline, last, &before_x, &before_y);
            /* The right of the ring before (radius 4.5) is inside this one. */
            g_assert_cmpfloat (x - before_x, <, 8);
            g_assert_cmpuint (grey_at (surface, before_x + 4.5, y), <, 100);
            n_checked++;
          }
        last = (int) i;
      }
    g_assert_cmpuint (n_checked, ==, 139);
    cairo_surface_destroy (surface);
  }

  {
    g_autoptr(RdTimeline) timeline = NULL;
    g_autoptr(GDate) today = day ("2025-11-13");
    cairo_surface_t *surface;
    guint n_checked = 0;

    case_reset (c);
    contact (c, "2025-03-03 09:00", RD_CONTACT_FROM, RD_CHANNEL_PHONE, 0);
    contact (c, "2025-03-03 10:00", RD_CONTACT_TO, RD_CHANNEL_EMAIL, 0);
    contact (c, "2025-06-02 09:00", RD_CONTACT_TO, RD_CHANNEL_EMAIL, 0);
    contact (c, "2025-06-02 10:00", RD_CONTACT_FROM, RD_CHANNEL_PHONE, 0);
    timeline = rd_timeline_new (c->facts, NULL, today);
    surface = draw_image (timeline);
    for (guint i = 0; i < rd_timeline_get_n_items (timeline); i++)
      {
        double x, y;

        if (rd_timeline_get_item (timeline, i)->kind != RD_TIMELINE_CONTACT)
          continue;
        contact_middle (timeline, i, &x, &y);
        g_assert_cmpuint (grey_at (surface, x, y), >, 200);
        n_checked++;
      }
    g_assert_cmpuint (n_checked, ==, 4);
    cairo_surface_destroy (surface);
  }
}

/* Four times the deadlines on the same rows and days draw the same
 * picture, not four times as much: what a shared row shows of them is
 * drawn once a day. */
static void
test_rows_shared_bounded (Case          *c,
                          gconstpointer  data)
{
  gsize sizes[2];

  for (guint round = 0; round < 2; round++)
    {
      guint per_day = round == 0 ? 30 : 120;
      g_autoptr(RdTimeline) timeline = NULL;

      case_reset (c);
      timeline = new_crowded_timeline (c, 20, per_day);

      g_assert_cmpuint (rd_timeline_count_kind (timeline, RD_TIMELINE_REPAIR), ==, 20 * per_day);
      g_assert_cmpuint (rd_timeline_count_rows (timeline, RD_TIMELINE_REPAIR), ==, 24);
      sizes[round] = svg_size (timeline);
    }
  g_test_message ("SVG of 600 repairs: %zu bytes; of 2,400: %zu", sizes[0], sizes[1]);
  g_assert_cmpuint (sizes[1], <, sizes[0] * 5 / 4);
}

/* Drawn a layer at a time, each deadline on a shared row still shows its
 * mark where it would be drawn alone, and a late one its heavy line. */
static void
test_rows_shared_drawn (Case          *c,
                        gconstpointer  data)
{
  g_autoptr(RdTimeline) timeline = NULL;
  guint seen[RD_DEADLINE_MISSED + 1] = { 0 };
  cairo_surface_t *surface;
  const guchar *pixels;
  int stride;

  timeline = new_crowded_timeline (c, 20, 30);
  surface = draw_image (timeline);
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (guint i = 0; i < rd_timeline_get_n_items (timeline); i++)
    {
      const RdTimelineItem *item = rd_timeline_get_item (timeline, i);
      gboolean late = item->status == RD_DEADLINE_MISSED;
      cairo_rectangle_t area;
      double mark_x, line_x, y;

      if (item->kind != RD_TIMELINE_REPAIR)
        continue;
      g_assert_true (item->row_shared);
      g_assert_true (rd_timeline_get_item_area (timeline, i, &area));
      y = area.y + area.height / 2;
      /* The area reaches 9 units past the due day and the day it was
       * repaired; the mark is on the day repaired, or the due day. */
      if (late && g_date_valid (&item->end))
        mark_x = area.x + area.width - 9;
      else
        mark_x = area.x + 9;
      line_x = !late ? -1 : g_date_valid (&item->end) ? area.x + area.width / 2 : mark_x + 8;
      for (guint k = 0; k < 2; k++)
        {
          double x = k == 0 ? mark_x : line_x;
          const guchar *px = pixels + (int) y * stride + (int) x * 4;

          if (x < 0)
            continue;
          g_assert_cmpuint (px[0], <, 96);
          g_assert_cmpuint (px[1], <, 96);
          g_assert_cmpuint (px[2], <, 96);
        }
      seen[item->status]++;
    }
  /* Each kind of mark was looked at. */
  g_assert_cmpuint (seen[RD_DEADLINE_MET], ==, 200);
  g_assert_cmpuint (seen[RD_DEADLINE_MISSED], ==, 400);
  cairo_surface_destroy (surface);
}

typedef struct {
  cairo_surface_t *whole;
  GArray          *order;
  GCancellable    *cancel_after_first;
  gboolean         done;
  GError          *error;
} Strips;

static void
on_strip_cb (guint            index,
             cairo_surface_t *surface,
             gpointer         user_data)
{
  Strips *strips = user_data;
  cairo_t *cr = cairo_create (strips->whole);

  g_array_append_val (strips->order, index);
  cairo_set_source_surface (cr, surface, index * 300.0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (strips->cancel_after_first != NULL)
    g_cancellable_cancel (strips->cancel_after_first);
}

static void
on_strips_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Strips *strips = user_data;

  rd_timeline_draw_strips_finish (result, &strips->error);
  strips->done = TRUE;
}

/* Pixels of @a and @b (same size) that differ by more than a little. */
static gsize
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  gsize differ = 0;

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w * 4; x += 4)
      for (int k = 0; k < 4; k++)
        if (ABS (pa[y * stride + x + k] - pb[y * stride + x + k]) > 48)
          {
            differ++;
            break;
          }
  return differ;
}

static void
draw_in_strips (RdTimeline  *timeline,
                gboolean     mirrored,
                const guint *order,
                guint        n_order,
                Strips      *strips)
{
  double width, height;

  rd_timeline_measure (timeline, &width, &height);
  strips->done = FALSE;
  strips->whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  strips->order = g_array_new (FALSE, FALSE, sizeof (guint));
  rd_timeline_draw_strips_async (timeline, 300, 1, mirrored, order, n_order, on_strip_cb, strips,
                                 strips->cancel_after_first, on_strips_done_cb, strips);
  while (!strips->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
strips_clear (Strips *strips)
{
  g_clear_pointer (&strips->whole, cairo_surface_destroy);
  g_clear_pointer (&strips->order, g_array_unref);
  g_clear_object (&strips->cancel_after_first);
  g_clear_error (&strips->error);
}

/* Whether the part of @surface under strip @index (300 wide) is all
 * transparent: never drawn. */
static gboolean
is_strip_blank (cairo_surface_t *surface,
                guint            index)
{
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *p = cairo_image_surface_get_data (surface);

  cairo_surface_flush (surface);
  for (int y = 0; y < h; y++)
    for (int x = (int) index * 300; x < MIN (w, (int) (index + 1) * 300); x++)
      if (p[y * stride + x * 4 + 3] != 0)
        return FALSE;
  return TRUE;
}

/* Strips drawn on a worker are drawn in the order asked, only those asked
 * for, and put side by side they are the whole picture, mirrored too. */
static void
test_strips (Case          *c,
             gconstpointer  data)
{
  g_autoptr(RdTimeline) timeline = new_long_timeline (c);
  guint n = rd_timeline_count_strips (timeline, 300);
  g_autofree guint *order = g_new (guint, n);
  const guint some[] = { 3, 1 };
  double width, height;
  Strips strips = { 0 };

  rd_timeline_measure (timeline, &width, &height);
  g_assert_cmpuint (n, ==, (guint) ceil (width / 300));
  g_assert_cmpuint (n, >=, 4);

  draw_in_strips (timeline, FALSE, some, G_N_ELEMENTS (some), &strips);
  g_assert_no_error (strips.error);
  g_assert_cmpuint (strips.order->len, ==, 2);
  g_assert_cmpuint (g_array_index (strips.order, guint, 0), ==, 3);
  g_assert_cmpuint (g_array_index (strips.order, guint, 1), ==, 1);
  g_assert_true (is_strip_blank (strips.whole, 0));
  g_assert_false (is_strip_blank (strips.whole, 1));
  g_assert_true (is_strip_blank (strips.whole, 2));
  g_assert_false (is_strip_blank (strips.whole, 3));
  strips_clear (&strips);

  /* Every strip, from the third outwards. */
  order[0] = 2, order[1] = 3, order[2] = 1, order[3] = 0;
  for (guint i = 4; i < n; i++)
    order[i] = i;
  for (int mirrored = 0; mirrored <= 1; mirrored++)
    {
      cairo_surface_t *expected = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width,
                                                              (int) height);
      cairo_t *cr = cairo_create (expected);

      if (mirrored)
        {
          cairo_translate (cr, width, 0);
          cairo_scale (cr, -1, 1);
        }
      rd_timeline_draw (timeline, cr, -1);
      cairo_destroy (cr);

      draw_in_strips (timeline, mirrored, order, n, &strips);
      g_assert_no_error (strips.error);
      g_assert_cmpuint (strips.order->len, ==, n);
      for (guint i = 0; i < n; i++)
        g_assert_cmpuint (g_array_index (strips.order, guint, i), ==, order[i]);
      g_assert_cmpuint (count_differences (strips.whole, expected), <=, width * height / 1000);
      cairo_surface_destroy (expected);
      strips_clear (&strips);
    }
}

/* Once its job is cancelled, no strip is handed on, even one already
 * drawn. */
static void
test_strips_cancelled (Case          *c,
                       gconstpointer  data)
{
  g_autoptr(RdTimeline) timeline = new_long_timeline (c);
  Strips strips = { 0 };

  strips.cancel_after_first = g_cancellable_new ();
  {
    guint n = rd_timeline_count_strips (timeline, 300);
    g_autofree guint *order = g_new (guint, n);

    for (guint i = 0; i < n; i++)
      order[i] = i;
    draw_in_strips (timeline, FALSE, order, n, &strips);
  }
  g_assert_cmpuint (strips.order->len, ==, 1);
  /* The worker may have drawn every strip before the cancel. */
  if (strips.error != NULL)
    g_assert_error (strips.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  strips_clear (&strips);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/timeline/weeks", Case, NULL, case_setup, test_weeks, case_teardown);
  g_test_add ("/timeline/week-years", Case, NULL, case_setup, test_week_years, case_teardown);
  g_test_add ("/timeline/reports-contacts", Case, NULL, case_setup,
              test_reports_and_contacts, case_teardown);
  g_test_add ("/timeline/contacts-told-apart", Case, NULL, case_setup, test_contacts_told_apart,
              case_teardown);
  g_test_add ("/timeline/deadlines", Case, NULL, case_setup, test_deadlines, case_teardown);
  g_test_add ("/timeline/promises-repairs-hazards", Case, NULL, case_setup,
              test_promises_repairs_hazards, case_teardown);
  g_test_add ("/timeline/old-case", Case, NULL, case_setup, test_old_case, case_teardown);
  g_test_add ("/timeline/rows", Case, NULL, case_setup, test_rows, case_teardown);
  g_test_add ("/timeline/rows-shared", Case, NULL, case_setup, test_rows_shared, case_teardown);
  g_test_add ("/timeline/texts-shared", Case, NULL, case_setup, test_texts_shared, case_teardown);
  g_test_add ("/timeline/digests", Case, NULL, case_setup, test_digests, case_teardown);
  g_test_add ("/timeline/rows-shared-bounded", Case, NULL, case_setup,
              test_rows_shared_bounded, case_teardown);
  g_test_add ("/timeline/rows-shared-drawn", Case, NULL, case_setup,
              test_rows_shared_drawn, case_teardown);
  g_test_add ("/timeline/marks-in-runs", Case, NULL, case_setup, test_marks_in_runs, case_teardown);
  g_test_add ("/timeline/strips", Case, NULL, case_setup, test_strips, case_teardown);
  g_test_add ("/timeline/strips-cancelled", Case, NULL, case_setup,
              test_strips_cancelled, case_teardown);

  return g_test_run ();
}
