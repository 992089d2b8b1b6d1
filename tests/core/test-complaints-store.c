/* test-complaints-store.c: parties, contacts, complaints and stage events in the store.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rd-core.h"
#include "evidence-fixtures.h"
#include "store-fixtures.h"

typedef struct {
  char    *dir;
  RdStore *store;
  RdCase  *rcase;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = fixture_store_open_temp ("redress-complaints-XXXXXX", &f->dir);
  f->rcase = fixture_make_case (f->store, "Noise from Flat 6");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->rcase);
  fixture_store_close_temp (&f->store, &f->dir);
}

static GDate *
date (const char *iso)
{
  GDate *d = rd_date_parse_iso (iso, NULL);

  g_assert_nonnull (d);
  return d;
}

static RdParty *
make_party (Fixture     *f,
            const char  *name,
            RdPartyRole  role)
{
  return fixture_add_party (f->store, rd_case_get_id (f->rcase), name, role,
                            rd_party_role_default_third_party (role));
}

static RdContact *
make_contact (Fixture    *f,
              const char *when,
              const char *summary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = rd_datetime_parse_local (when, NULL);
  RdContact *contact = rd_contact_new ();

  rd_contact_set_case_id (contact, rd_case_get_id (f->rcase));
  rd_contact_set_occurred_at (contact, at);
  rd_contact_set_summary (contact, summary);
  g_assert_true (rd_store_save_contact (f->store, contact, &error));
  g_assert_no_error (error);
  return contact;
}

static RdComplaint *
make_complaint (Fixture    *f,
                const char *point)
{
  g_autoptr(GError) error = NULL;
  const char *points[] = { point, NULL };
  RdComplaint *complaint = rd_complaint_new ();

  rd_complaint_set_case_id (complaint, rd_case_get_id (f->rcase));
  rd_complaint_set_points (complaint, points);
  g_assert_true (rd_store_save_complaint (f->store, complaint, &error));
  g_assert_no_error (error);
  return complaint;
}

static void
test_case_preferences (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RdCase) back = NULL;
  g_autoptr(GError) error = NULL;

  rd_case_set_contact_preferences (f->rcase, "Email only — no calls before 10:00, s’il vous plaît");
  rd_case_set_adjustments (f->rcase, "Dyslexia: plain English, large print (16 pt)");
  g_assert_true (rd_store_save_case (f->store, f->rcase, &error));
  g_assert_no_error (error);

  back = rd_store_get_case (f->store, rd_case_get_id (f->rcase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rd_case_get_contact_preferences (back), ==,
                   "Email only — no calls before 10:00, s’il vous plaît");
  g_assert_cmpstr (rd_case_get_adjustments (back), ==, "Dyslexia: plain English, large print (16 pt)");
}

static void
test_party_round_trip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RdParty) party = rd_party_new ();
  g_autoptr(RdParty) back = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;

  rd_party_set_case_id (party, rd_case_get_id (f->rcase));
  rd_party_set_name (party, "Siobhán Ní Bhriain");
  rd_party_set_role (party, RD_PARTY_LANDLORD_OFFICER);
  rd_party_set_organisation (party, "Northway Homes");
  rd_party_set_notes (party, "Tenancy officer since May ✓");
  g_assert_true (rd_store_save_party (f->store, party, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rd_party_get_id (party), >, 0);

  back = rd_store_get_party (f->store, rd_party_get_id (party), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rd_party_get_name (back), ==, "Siobhán Ní Bhriain");
  g_assert_cmpint (rd_party_get_role (back), ==, RD_PARTY_LANDLORD_OFFICER);
  g_assert_cmpstr (rd_party_get_organisation (back), ==, "Northway Homes");
  g_assert_false (rd_party_get_third_party (back));
  g_assert_cmpstr (rd_party_get_notes (back), ==, "Tenancy officer since May ✓");
  display = rd_party_dup_display_name (back);
  g_assert_cmpstr (display, ==, "Siobhán Ní Bhriain (Northway Homes)");

  rd_party_set_role (back, RD_PARTY_NEIGHBOUR);
  rd_party_set_third_party (back, TRUE);
  g_assert_true (rd_store_save_party (f->store, back, &error));
  g_clear_object (&back);
  back = rd_store_get_party (f->store, rd_party_get_id (party), &error);
  g_assert_cmpint (rd_party_get_role (back), ==, RD_PARTY_NEIGHBOUR);
  g_assert_true (rd_party_get_third_party (back));

  list = rd_store_list_parties (f->store, rd_case_get_id (f->rcase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  /* A party needs a name or an organisation. */
  g_clear_object (&party);
  party = rd_party_new ();
  rd_party_set_case_id (party, rd_case_get_id (f->rcase));
  rd_party_set_name (party, "   ");
  g_assert_false (rd_store_save_party (f->store, party, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
}

static void
test_contact_round_trip (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RdParty) officer = make_party (f, "Sam Okafor", RD_PARTY_LANDLORD_OFFICER);
  g_autoptr(RdContact) contact = rd_contact_new ();
  g_autoptr(RdContact) back = NULL;
  g_autoptr(GDateTime) at = rd_datetime_parse_local ("2024-11-04T14:05", NULL);
  g_autoptr(GDate) due = date ("2024-11-08");
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  rd_contact_set_case_id (contact, rd_case_get_id (f->rcase));
  rd_contact_set_occurred_at (contact, at);
  rd_contact_set_direction (contact, RD_CONTACT_FROM);
  rd_contact_set_channel (contact, RD_CHANNEL_PHONE);
  rd_contact_set_party_id (contact, rd_party_get_id (officer));
  rd_contact_set_person (contact, "");
  rd_contact_set_summary (contact, "Rang about the noise — said they’d write to Flat 6.\nSecond line");
  rd_contact_set_promise (contact, "Will call back on Friday with the noise app results");
  rd_contact_set_promise_due (contact, due);
  g_assert_true (rd_store_save_contact (f->store, contact, &error));
  g_assert_no_error (error);

  back = rd_store_get_contact (f->store, rd_contact_get_id (contact), &error);
  g_assert_no_error (error);
  g_assert_true (rd_contact_content_equal (contact, back));
  g_assert_cmpint (rd_contact_get_direction (back), ==, RD_CONTACT_FROM);
  g_assert_cmpint (rd_contact_get_channel (back), ==, RD_CHANNEL_PHONE);
  g_assert_cmpint (rd_contact_get_party_id (back), ==, rd_party_get_id (officer));
  g_assert_true (rd_contact_has_promise (back));
  g_assert_cmpint (g_date_compare (rd_contact_get_promise_due (back), due), ==, 0);
  {
    g_autofree char *headline = rd_contact_dup_headline (back);
    g_assert_cmpstr (headline, ==, "Rang about the noise — said they’d write to Flat 6.");
  }

  /* Newest first. */
  g_object_unref (make_contact (f, "2024-10-01T09:00", "Older"));
  g_object_unref (make_contact (f, "2024-12-01T09:00", "Newer"));
  list = rd_store_list_contacts (f->store, rd_case_get_id (f->rcase), &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  {
    g_autoptr(RdContact) first = g_list_model_get_item (list, 0);
    g_autoptr(RdContact) last = g_list_model_get_item (list, 2);
    g_assert_cmpstr (rd_contact_get_summary (first), ==, "Newer");
    g_assert_cmpstr (rd_contact_get_summary (last), ==, "Older");
  }

  /* Deleting the party keeps the contact and drops the link. */
  g_assert_true (rd_store_delete_party (f->store, rd_party_get_id (officer), &error));
  g_clear_object (&back);
  back = rd_store_get_contact (f->store, rd_contact_get_id (contact), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rd_contact_get_party_id (back), ==, 0);
}

static void
test_contact_validation (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RdContact) contact = rd_contact_new ();
  g_autoptr(GDateTime) now = rd_datetime_parse_local ("2025-06-11T10:00", NULL);
  g_autoptr(RdClock) clock = rd_clock_new_fixed (now);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) at = rd_datetime_parse_local ("2024-11-04T14:05", NULL);
  g_autoptr(GDate) before = date ("2024-11-01");
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCase) other = fixture_make_case (f->store, "Another case");
  g_autoptr(RdParty) stranger = rd_party_new ();

  /* "The future" is the store's clock's, never the real day's. */
  rd_store_set_clock (f->store, clock);

  rd_contact_set_case_id (contact, rd_case_get_id (f->rcase));
  g_assert_false (rd_store_save_contact (f->store, contact, &error));
  g_assert_error (error, RD_CONTACT_ERROR, RD_CONTACT_ERROR_NO_TIME);
  g_clear_error (&error);

  rd_contact_set_occurred_at (contact, tomorrow);
  g_assert_false (rd_store_save_contact (f->store, contact, &error));
  g_assert_error (error, RD_CONTACT_ERROR, RD_CONTACT_ERROR_IN_FUTURE);
  g_clear_error (&error);

  rd_contact_set_occurred_at (contact, at);
  rd_contact_set_promise_due (contact, before);
  g_assert_false (rd_store_save_contact (f->store, contact, &error));
  g_assert_error (error, RD_CONTACT_ERROR, RD_CONTACT_ERROR_PROMISE_DATE_WITHOUT_PROMISE);
  g_clear_error (&error);

  rd_contact_set_promise (contact, "A visit");
  g_assert_false (rd_store_save_contact (f->store, contact, &error));
  g_assert_error (error, RD_CONTACT_ERROR, RD_CONTACT_ERROR_PROMISE_BEFORE_CONTACT);
  g_assert_true (g_str_has_suffix (error->message, "(Monday 4 November 2024). Check the date."));
  g_clear_error (&error);
  g_assert_cmpint (rd_contact_get_id (contact), ==, 0);

  /* A contact cannot name a person from another case. */
  rd_contact_set_promise_due (contact, NULL);
  rd_party_set_case_id (stranger, rd_case_get_id (other));
  rd_party_set_name (stranger, "Someone else's officer");
  g_assert_true (rd_store_save_party (f->store, stranger, &error));
  rd_contact_set_party_id (contact, rd_party_get_id (stranger));
  g_assert_false (rd_store_save_contact (f->store, contact, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_assert_cmpint (rd_contact_get_id (contact), ==, 0);
}

static void
test_complaint_round_trip (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(RdComplaint) complaint = rd_complaint_new ();
  g_autoptr(RdComplaint) back = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *points[] = { "  Handling of my reports of noise from Flat 6 ", "", "The associated complaint — délai", NULL };
  const char *fewer[] = { "Only one point now", NULL };
  g_autofree char *title = NULL;

  rd_complaint_set_case_id (complaint, rd_case_get_id (f->rcase));
  rd_complaint_set_reference (complaint, "NH/2024/0113");
  rd_complaint_set_points (complaint, points);
  rd_complaint_set_outcomes (complaint, RD_OUTCOME_APOLOGY | RD_OUTCOME_CCTV | RD_OUTCOME_OTHER);
  rd_complaint_set_outcome_other (complaint, "A move to another flat");
  g_assert_cmpuint (rd_complaint_get_n_points (complaint), ==, 2);
  g_assert_true (rd_store_save_complaint (f->store, complaint, &error));
  g_assert_no_error (error);

  back = rd_store_get_complaint (f->store, rd_complaint_get_id (complaint), &error);
  g_assert_no_error (error);
  g_assert_true (rd_complaint_content_equal (complaint, back));
  g_assert_cmpstr (rd_complaint_get_points (back)[0], ==, "Handling of my reports of noise from Flat 6");
  g_assert_cmpstr (rd_complaint_get_points (back)[1], ==, "The associated complaint — délai");
  g_assert_null (rd_complaint_get_points (back)[2]);
  g_assert_cmpuint (rd_complaint_get_outcomes (back), ==,
                    RD_OUTCOME_APOLOGY | RD_OUTCOME_CCTV | RD_OUTCOME_OTHER);
  title = rd_complaint_dup_title (back);
  {
    guint n_ids;
    rd_complaint_get_incident_ids (back, &n_ids);
    g_assert_cmpuint (n_ids, ==, 0);
  }
  g_assert_cmpstr (title, ==, "Handling of my reports of noise from Flat 6 (ref. NH/2024/0113)");

  rd_complaint_set_points (back, fewer);
  g_assert_true (rd_store_save_complaint (f->store, back, &error));
  g_clear_object (&back);
  list = rd_store_list_complaints (f->store, rd_case_get_id (f->rcase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  back = g_list_model_get_item (list, 0);
  g_assert_cmpuint (rd_complaint_get_n_points (back), ==, 1);
  g_assert_cmpstr (rd_complaint_get_points (back)[0], ==, "Only one point now");
}

static void
test_events (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RdComplaint) complaint = make_complaint (f, "Noise");
  g_autoptr(RdContact) letter = make_contact (f, "2024-11-12T10:00", "Letter giving a new date");
  g_autoptr(RdComplaintEvent) made = rd_complaint_event_new (RD_COMPLAINT_EVENT_MADE);
  g_autoptr(RdComplaintEvent) ext = rd_complaint_event_new (RD_COMPLAINT_EVENT_EXTENSION_NOTIFIED);
  g_autoptr(RdComplaintEvent) ack = rd_complaint_event_new (RD_COMPLAINT_EVENT_ACKNOWLEDGED);
  g_autoptr(RdComplaintEvent) back = NULL;
  g_autoptr(GDate) d_made = date ("2024-11-01");
  g_autoptr(GDate) d_ack = date ("2024-11-05");
  g_autoptr(GDate) d_ext = date ("2024-11-12");
  g_autoptr(GDate) d_new = date ("2024-12-03");
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GError) error = NULL;

  rd_complaint_event_set_complaint_id (made, rd_complaint_get_id (complaint));
  rd_complaint_event_set_date (made, d_made);
  g_assert_true (rd_store_save_complaint_event (f->store, made, &error));
  g_assert_no_error (error);

  /* Saved out of order; listed by date. */
  rd_complaint_event_set_complaint_id (ext, rd_complaint_get_id (complaint));
  rd_complaint_event_set_date (ext, d_ext);
  rd_complaint_event_set_reason (ext, "Waiting for the noise recordings — “busy”");
  rd_complaint_event_set_contact_id (ext, rd_contact_get_id (letter));
  g_assert_false (rd_store_save_complaint_event (f->store, ext, &error));
  g_assert_error (error, RD_COMPLAINT_EVENT_ERROR, RD_COMPLAINT_EVENT_ERROR_NO_NEW_DATE);
  g_clear_error (&error);
  rd_complaint_event_set_new_date (ext, d_ext);
  g_assert_false (rd_store_save_complaint_event (f->store, ext, &error));
  g_assert_error (error, RD_COMPLAINT_EVENT_ERROR, RD_COMPLAINT_EVENT_ERROR_NEW_DATE_TOO_EARLY);
  g_clear_error (&error);
  rd_complaint_event_set_new_date (ext, d_new);
  g_assert_true (rd_store_save_complaint_event (f->store, ext, &error));
  g_assert_no_error (error);

  rd_complaint_event_set_complaint_id (ack, rd_complaint_get_id (complaint));
  rd_complaint_event_set_date (ack, d_ack);
  g_assert_true (rd_store_save_complaint_event (f->store, ack, &error));

  events = rd_store_list_complaint_events (f->store, rd_complaint_get_id (complaint), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 3);
  {
    g_autoptr(RdComplaintEvent) e0 = g_list_model_get_item (events, 0);
    g_autoptr(RdComplaintEvent) e1 = g_list_model_get_item (events, 1);
    g_autoptr(RdComplaintEvent) e2 = g_list_model_get_item (events, 2);

    g_assert_cmpint (rd_complaint_event_get_kind (e0), ==, RD_COMPLAINT_EVENT_MADE);
    g_assert_cmpint (rd_complaint_event_get_kind (e1), ==, RD_COMPLAINT_EVENT_ACKNOWLEDGED);
    g_assert_cmpint (rd_complaint_event_get_kind (e2), ==, RD_COMPLAINT_EVENT_EXTENSION_NOTIFIED);
    g_assert_true (rd_complaint_event_content_equal (e2, ext));
    g_assert_cmpint (rd_complaint_event_get_contact_id (e2), ==, rd_contact_get_id (letter));
  }

  /* Deleting the contact keeps the step and drops the link. */
  g_assert_true (rd_store_delete_contact (f->store, rd_contact_get_id (letter), &error));
  back = rd_store_get_complaint_event (f->store, rd_complaint_event_get_id (ext), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rd_complaint_event_get_contact_id (back), ==, 0);
  g_assert_cmpstr (rd_complaint_event_get_reason (back), ==, "Waiting for the noise recordings — “busy”");

  /* Deleting the complaint deletes its steps. */
  g_assert_true (rd_store_delete_complaint (f->store, rd_complaint_get_id (complaint), &error));
  g_clear_object (&back);
  back = rd_store_get_complaint_event (f->store, rd_complaint_event_get_id (ext), &error);
  g_assert_null (back);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
}

static void
test_event_validation (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RdComplaint) complaint = make_complaint (f, "Noise");
  g_autoptr(RdComplaintEvent) event = rd_complaint_event_new (RD_COMPLAINT_EVENT_MADE);
  g_autoptr(GDateTime) now = rd_datetime_parse_local ("2025-06-11T10:00", NULL);
  g_autoptr(RdClock) clock = rd_clock_new_fixed (now);
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 2);
  g_autoptr(GDate) future = rd_datetime_get_date (later);
  g_autoptr(GDate) past = date ("2024-06-03");
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCase) other = fixture_make_case (f->store, "Other");
  g_autoptr(RdContact) foreign = rd_contact_new ();
  g_autoptr(GDateTime) at = rd_datetime_parse_local ("2024-06-03T09:00", NULL);

  /* "The future" is the store's clock's, never the real day's. */
  rd_store_set_clock (f->store, clock);

  rd_complaint_event_set_complaint_id (event, rd_complaint_get_id (complaint));
  g_assert_false (rd_store_save_complaint_event (f->store, event, &error));
  g_assert_error (error, RD_COMPLAINT_EVENT_ERROR, RD_COMPLAINT_EVENT_ERROR_NO_DATE);
  g_clear_error (&error);

  rd_complaint_event_set_date (event, future);
  g_assert_false (rd_store_save_complaint_event (f->store, event, &error));
  g_assert_error (error, RD_COMPLAINT_EVENT_ERROR, RD_COMPLAINT_EVENT_ERROR_IN_FUTURE);
  g_clear_error (&error);

  rd_complaint_event_set_date (event, past);
  rd_complaint_event_set_stage (event, 2);
  g_assert_false (rd_store_save_complaint_event (f->store, event, &error));
  g_assert_error (error, RD_COMPLAINT_EVENT_ERROR, RD_COMPLAINT_EVENT_ERROR_BAD_STAGE);
  g_clear_error (&error);

  rd_complaint_event_set_kind (event, RD_COMPLAINT_EVENT_ESCALATION_REQUESTED);
  rd_complaint_event_set_stage (event, 1);
  g_assert_false (rd_store_save_complaint_event (f->store, event, &error));
  g_assert_error (error, RD_COMPLAINT_EVENT_ERROR, RD_COMPLAINT_EVENT_ERROR_BAD_STAGE);
  g_clear_error (&error);

  /* A step needs a saved complaint, and its proof must be from the same case. */
  rd_complaint_event_set_stage (event, 2);
  rd_complaint_event_set_complaint_id (event, 9999);
  g_assert_false (rd_store_save_complaint_event (f->store, event, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  rd_contact_set_case_id (foreign, rd_case_get_id (other));
  rd_contact_set_occurred_at (foreign, at);
  g_assert_true (rd_store_save_contact (f->store, foreign, &error));
  rd_complaint_event_set_complaint_id (event, rd_complaint_get_id (complaint));
  rd_complaint_event_set_contact_id (event, rd_contact_get_id (foreign));
  g_assert_false (rd_store_save_complaint_event (f->store, event, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_assert_cmpint (rd_complaint_event_get_id (event), ==, 0);
}

static void
test_complaint_incidents (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RdComplaint) complaint = make_complaint (f, "Noise");
  g_autoptr(RdComplaint) back = NULL;
  g_autoptr(RdCase) other = fixture_make_case (f->store, "Other");
  g_autoptr(GError) error = NULL;
  gint64 ids[3];
  guint n_ids;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RdIncident) incident = rd_incident_new ();
      g_autoptr(GDateTime) at = rd_datetime_parse_local ("2024-05-01T22:00", NULL);

      rd_incident_set_case_id (incident, rd_case_get_id (i < 2 ? f->rcase : other));
      rd_incident_set_starts_at (incident, at);
      g_assert_true (rd_store_save_incident (f->store, incident, NULL, &error));
      ids[i] = rd_incident_get_id (incident);
    }

  /* Given twice and out of order, kept once and in order. */
  {
    gint64 chosen[] = { ids[1], ids[0], ids[1] };
    rd_complaint_set_incident_ids (complaint, chosen, 3);
  }
  g_assert_true (rd_store_save_complaint (f->store, complaint, &error));
  g_assert_no_error (error);
  back = rd_store_get_complaint (f->store, rd_complaint_get_id (complaint), &error);
  g_assert_cmpint (rd_complaint_get_incident_ids (back, &n_ids)[0], ==, ids[0]);
  g_assert_cmpuint (n_ids, ==, 2);
  g_assert_true (rd_complaint_content_equal (complaint, back));

  /* An entry of another case is refused, and nothing changes. */
  rd_complaint_set_incident_ids (complaint, &ids[2], 1);
  g_assert_false (rd_store_save_complaint (f->store, complaint, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_clear_object (&back);
  back = rd_store_get_complaint (f->store, rd_complaint_get_id (complaint), NULL);
  rd_complaint_get_incident_ids (back, &n_ids);
  g_assert_cmpuint (n_ids, ==, 2);

  /* Deleting a diary entry drops it from the complaint. */
  g_assert_true (rd_store_delete_incident (f->store, ids[0], NULL));
  g_clear_object (&back);
  back = rd_store_get_complaint (f->store, rd_complaint_get_id (complaint), NULL);
  g_assert_cmpint (rd_complaint_get_incident_ids (back, &n_ids)[0], ==, ids[1]);
  g_assert_cmpuint (n_ids, ==, 1);
}

/* Deleting a case removes everything that belongs to it. */
static void
test_case_delete_cascades (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(RdParty) party = make_party (f, "PC Jones", RD_PARTY_POLICE);
  g_autoptr(RdContact) contact = make_contact (f, "2024-05-01T12:00", "Hello");
  g_autoptr(RdComplaint) complaint = make_complaint (f, "Noise");
  g_autoptr(GListModel) parties = NULL;
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GListModel) complaints = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rd_store_delete_case (f->store, rd_case_get_id (f->rcase), &error));
  parties = rd_store_list_parties (f->store, rd_case_get_id (f->rcase), &error);
  contacts = rd_store_list_contacts (f->store, rd_case_get_id (f->rcase), &error);
  complaints = rd_store_list_complaints (f->store, rd_case_get_id (f->rcase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (parties), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (complaints), ==, 0);
}

/* A database from schema 1 (cases and incidents only) gains the new tables
 * and columns and keeps what it had. */
static void
test_migrate_from_v1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redress-v1-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "redress.db", NULL);
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdCase) back = NULL;
  g_autoptr(GListModel) contacts = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE cases (id INTEGER PRIMARY KEY, title TEXT NOT NULL,"
                                 " resident_name TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '',"
                                 " landlord_name TEXT NOT NULL DEFAULT '', tenancy_type TEXT NOT NULL DEFAULT '',"
                                 " notes TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL,"
                                 " updated_at INTEGER NOT NULL);"
                                 "CREATE TABLE incidents (id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL"
                                 " REFERENCES cases(id) ON DELETE CASCADE, starts_at TEXT NOT NULL, ends_at TEXT,"
                                 " category TEXT NOT NULL, location TEXT NOT NULL DEFAULT '',"
                                 " description TEXT NOT NULL DEFAULT '', impact TEXT NOT NULL DEFAULT '',"
                                 " people TEXT NOT NULL DEFAULT '', witnesses TEXT NOT NULL DEFAULT '',"
                                 " reported_to TEXT NOT NULL DEFAULT '', reference TEXT NOT NULL DEFAULT '',"
                                 " created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);"
                                 "CREATE TABLE incident_revisions (id INTEGER PRIMARY KEY, incident_id INTEGER"
                                 " NOT NULL REFERENCES incidents(id) ON DELETE CASCADE, written_at INTEGER NOT NULL,"
                                 " last_changed_at INTEGER NOT NULL, starts_at TEXT NOT NULL, ends_at TEXT,"
                                 " category TEXT NOT NULL, location TEXT NOT NULL, description TEXT NOT NULL,"
                                 " impact TEXT NOT NULL, people TEXT NOT NULL, witnesses TEXT NOT NULL,"
                                 " reported_to TEXT NOT NULL, reference TEXT NOT NULL);"
                                 "INSERT INTO cases (title, created_at, updated_at) VALUES ('Kept from v1', 1, 1);"
                                 "PRAGMA user_version = 1;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = rd_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rd_store_get_schema_version (store), ==, RD_STORE_SCHEMA_VERSION);
  back = rd_store_get_case (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rd_case_get_title (back), ==, "Kept from v1");
  g_assert_cmpstr (rd_case_get_contact_preferences (back), ==, "");
  contacts = rd_store_list_contacts (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 0);

  g_clear_object (&store);
  fixture_remove_tree (dir);
}

/* Schema 21: what a complaint is about. A store from before it reads
 * every complaint as not said; one saved since keeps its subject. */
static void
test_subject_from_v20 (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RdComplaint) old = rd_complaint_new ();
  g_autoptr(RdComplaint) said = rd_complaint_new ();
  g_autoptr(RdComplaint) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "redress.db", NULL);
  sqlite3 *db = NULL;

  rd_complaint_set_case_id (old, rd_case_get_id (f->rcase));
  g_assert_true (rd_store_save_complaint (f->store, old, &error));
  g_clear_object (&f->rcase);
  g_clear_object (&f->store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "ALTER TABLE complaints DROP COLUMN subject;"
                                 "PRAGMA user_version = 20;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  f->store = rd_store_open (f->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rd_store_get_schema_version (f->store), ==, RD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (RD_STORE_SCHEMA_VERSION, >=, 21);
  back = rd_store_get_complaint (f->store, rd_complaint_get_id (old), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rd_complaint_get_subject (back), ==, RD_COMPLAINT_SUBJECT_NOT_SAID);

  rd_complaint_set_case_id (said, rd_complaint_get_case_id (old));
  rd_complaint_set_subject (said, RD_COMPLAINT_SUBJECT_HOMELESSNESS);
  g_assert_true (rd_store_save_complaint (f->store, said, &error));
  g_clear_object (&back);
  back = rd_store_get_complaint (f->store, rd_complaint_get_id (said), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rd_complaint_get_subject (back), ==, RD_COMPLAINT_SUBJECT_HOMELESSNESS);
  g_assert_true (rd_complaint_content_equal (back, said));

  /* Changed, and saved again */
  rd_complaint_set_subject (back, RD_COMPLAINT_SUBJECT_RENT);
  g_assert_true (rd_store_save_complaint (f->store, back, &error));
  g_clear_object (&said);
  said = rd_store_get_complaint (f->store, rd_complaint_get_id (back), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rd_complaint_get_subject (said), ==, RD_COMPLAINT_SUBJECT_RENT);
  f->rcase = rd_store_get_case (f->store, rd_complaint_get_case_id (back), &error);
  g_assert_no_error (error);
}

static void
test_keys (void)
{
  for (guint k = 0; k < RD_COMPLAINT_EVENT_N_KINDS; k++)
    {
      RdComplaintEventKind back;
      g_assert_true (rd_complaint_event_kind_from_key (rd_complaint_event_kind_to_key (k), &back));
      g_assert_cmpuint (back, ==, k);
    }
  for (guint c = 0; c < RD_CHANNEL_N_CHANNELS; c++)
    {
      RdContactChannel back;
      g_assert_true (rd_contact_channel_from_key (rd_contact_channel_to_key (c), &back));
      g_assert_cmpuint (back, ==, c);
    }
  for (guint r = 0; r < RD_PARTY_N_ROLES; r++)
    {
      RdPartyRole back;
      g_assert_true (rd_party_role_from_key (rd_party_role_to_key (r), &back));
      g_assert_cmpuint (back, ==, r);
    }
  for (guint i = 0; i < RD_N_OUTCOMES; i++)
    {
      RdOutcome back;
      g_assert_true (rd_outcome_from_key (rd_outcome_to_key (rd_outcome_from_index (i)), &back));
      g_assert_cmpuint (back, ==, rd_outcome_from_index (i));
    }
  {
    RdComplaintEventKind kind;
    RdContactDirection direction;
    g_assert_false (rd_complaint_event_kind_from_key ("made-up", &kind));
    g_assert_false (rd_contact_direction_from_key ("sideways", &direction));
  }
  g_assert_cmpuint (rd_outcomes_from_string ("apology,cctv,nonsense"), ==, RD_OUTCOME_APOLOGY | RD_OUTCOME_CCTV);
  for (guint s = 0; s < RD_COMPLAINT_SUBJECT_N_SUBJECTS; s++)
    {
      RdComplaintSubject back;
      g_assert_true (rd_complaint_subject_from_key (rd_complaint_subject_to_key (s), &back));
      g_assert_cmpuint (back, ==, s);
      g_assert_cmpstr (rd_complaint_subject_get_label (s), !=, "");
    }
}

typedef struct {
  guint  count;
  char  *what;
  gint64 case_id;
} Changes;

static void
on_changed (RdStore    *store,
            const char *what,
            gint64      case_id,
            Changes    *changes)
{
  changes->count++;
  g_free (changes->what);
  changes->what = g_strdup (what);
  changes->case_id = case_id;
}

static void
test_changed_signals (Fixture       *f,
                      gconstpointer  data)
{
  Changes contacts = { 0 }, complaints = { 0 };
  g_autoptr(RdContact) contact = NULL;
  g_autoptr(RdComplaint) complaint = NULL;
  g_autoptr(RdComplaintEvent) event = rd_complaint_event_new (RD_COMPLAINT_EVENT_MADE);
  g_autoptr(GDate) d = date ("2024-06-03");
  g_autoptr(GError) error = NULL;

  g_signal_connect (f->store, "changed::contacts", G_CALLBACK (on_changed), &contacts);
  g_signal_connect (f->store, "changed::complaints", G_CALLBACK (on_changed), &complaints);

  contact = make_contact (f, "2024-06-01T10:00", "Called");
  g_assert_cmpuint (contacts.count, ==, 1);
  g_assert_cmpint (contacts.case_id, ==, rd_case_get_id (f->rcase));
  g_assert_cmpuint (complaints.count, ==, 0);

  complaint = make_complaint (f, "Noise");
  rd_complaint_event_set_complaint_id (event, rd_complaint_get_id (complaint));
  rd_complaint_event_set_date (event, d);
  g_assert_true (rd_store_save_complaint_event (f->store, event, &error));
  g_assert_cmpuint (complaints.count, ==, 2);
  g_assert_true (rd_store_delete_complaint_event (f->store, rd_complaint_event_get_id (event), &error));
  g_assert_cmpuint (complaints.count, ==, 3);
  g_assert_cmpint (complaints.case_id, ==, rd_case_get_id (f->rcase));

  g_assert_true (rd_store_delete_contact (f->store, rd_contact_get_id (contact), &error));
  g_assert_cmpuint (contacts.count, ==, 2);

  /* Inside an outer write, the signal waits for the outer commit … */
  g_assert_true (rd_store_begin (f->store, &error));
  g_object_unref (make_contact (f, "2024-06-02T10:00", "One"));
  g_object_unref (make_contact (f, "2024-06-02T11:00", "Two"));
  g_assert_cmpuint (contacts.count, ==, 2);
  g_assert_true (rd_store_commit (f->store, &error));
  g_assert_cmpuint (contacts.count, ==, 3);

  /* … and never comes if the outer write rolls back. */
  g_assert_true (rd_store_begin (f->store, &error));
  g_object_unref (make_contact (f, "2024-06-02T12:00", "Three"));
  rd_store_rollback (f->store);
  g_assert_cmpuint (contacts.count, ==, 3);

  g_signal_handlers_disconnect_by_data (f->store, &contacts);
  g_signal_handlers_disconnect_by_data (f->store, &complaints);
  g_free (contacts.what);
  g_free (complaints.what);
}

/* A write inside another write is a savepoint: when the outer one fails,
 * nothing the inner ones did survives. */
static void
test_nested_writes_roll_back (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GListModel) parties = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rd_store_begin (f->store, &error));
  g_object_unref (make_party (f, "Inside", RD_PARTY_COUNCIL));
  rd_store_rollback (f->store);

  parties = rd_store_list_parties (f->store, rd_case_get_id (f->rcase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (parties), ==, 0);

  /* And the store still works afterwards. */
  g_object_unref (make_party (f, "Outside", RD_PARTY_COUNCIL));
  g_clear_object (&parties);
  parties = rd_store_list_parties (f->store, rd_case_get_id (f->rcase), &error);
  g_assert_cmpuint (g_list_model_get_n_items (parties), ==, 1);
}

/* The sample case carries people, contacts and a complaint that went to stage 2. */
static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCaseFacts) facts = NULL;
  gint64 case_id = rd_sample_ensure (f->store, &error);
  RdComplaint *complaint;
  GPtrArray *events;
  guint n_about;

  g_assert_no_error (error);
  facts = rd_case_facts_load (f->store, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rd_case_get_contact_preferences (rd_case_facts_get_case (facts)), !=, "");
  g_assert_cmpuint (rd_case_facts_get_parties (facts)->len, ==, 5);
  g_assert_cmpuint (rd_case_facts_get_contacts (facts)->len, ==, 12);
  g_assert_cmpuint (rd_case_facts_get_complaints (facts)->len, ==, 1);
  complaint = g_ptr_array_index (rd_case_facts_get_complaints (facts), 0);
  rd_complaint_get_incident_ids (complaint, &n_about);
  g_assert_cmpuint (n_about, ==, 4);
  events = rd_case_facts_get_events (facts, complaint);
  g_assert_cmpuint (events->len, ==, 5);
  g_assert_cmpint (rd_complaint_event_get_kind (g_ptr_array_index (events, 3)), ==,
                   RD_COMPLAINT_EVENT_ESCALATION_REQUESTED);
  g_assert_cmpint (rd_complaint_event_get_contact_id (g_ptr_array_index (events, 0)), !=, 0);

  /* The deadline engine is fed every step, every contact and the entries
   * reported to the landlord; the police and the MP are not the landlord. */
  {
    g_autoptr(RdDeadlineInput) input = rd_case_facts_build_deadline_input (facts);
    guint n = rd_deadline_input_get_n_events (input);
    guint others = 0;

    g_assert_cmpuint (n, ==, 5 + 12 + 2);   /* steps, contacts, entries reported to the landlord */
    for (guint i = 0; i < n; i++)
      {
        const RdCaseEvent *event = rd_deadline_input_get_event (input, i);

        if (event->who == NULL || event->who[0] == '\0')
          continue;
        g_assert_false (event->with_landlord);
        g_assert_cmpint (event->party, !=, 0);
        others++;
      }
    g_assert_cmpuint (others, >=, 2);
  }
}

/* Which diary entries a complaint is about, asked of every entry by the
 * letters and the JSON export: the ids are kept ascending, whatever order
 * they came in, and each one set is found, none between or outside. */
static void
test_complaint_has_incident (void)
{
  g_autoptr(RdComplaint) complaint = rd_complaint_new ();
  g_autoptr(GArray) given = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_false (rd_complaint_has_incident (complaint, 1));
  /* Every third id from 3 to 300, backwards, each twice, and 0 (no entry). */
  for (gint64 id = 300; id >= 3; id -= 3)
    {
      g_array_append_val (given, id);
      g_array_append_val (given, id);
    }
  g_array_append_val (given, (gint64){ 0 });
  rd_complaint_set_incident_ids (complaint, (const gint64 *) given->data, given->len);
  for (gint64 id = -1; id <= 302; id++)
    g_assert_cmpint (rd_complaint_has_incident (complaint, id), ==, id > 0 && id % 3 == 0);

  rd_complaint_set_incident_ids (complaint, &(gint64){ 7 }, 1);
  g_assert_true (rd_complaint_has_incident (complaint, 7));
  g_assert_false (rd_complaint_has_incident (complaint, 6));
  g_assert_false (rd_complaint_has_incident (complaint, 8));
}

static RdIncident *
make_incident (Fixture    *f,
               const char *when,
               const char *description)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = rd_datetime_parse_local (when, NULL);
  RdIncident *incident = rd_incident_new ();

  rd_incident_set_case_id (incident, rd_case_get_id (f->rcase));
  rd_incident_set_starts_at (incident, at);
  rd_incident_set_description (incident, description);
  g_assert_true (rd_store_save_incident (f->store, incident, NULL, &error));
  g_assert_no_error (error);
  return incident;
}

/* @items, oldest first, are @model's, newest first, reversed. */
static void
assert_reversed (GPtrArray  *items,
                 GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  g_assert_cmpuint (items->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) newest_first = g_list_model_get_item (model, n - 1 - i);

      g_assert_true (G_OBJECT_TYPE (newest_first) == G_OBJECT_TYPE (g_ptr_array_index (items, i)));
      if (RD_IS_INCIDENT (newest_first))
        g_assert_cmpint (rd_incident_get_id (RD_INCIDENT (newest_first)), ==,
                         rd_incident_get_id (g_ptr_array_index (items, i)));
      else
        g_assert_cmpint (rd_contact_get_id (RD_CONTACT (newest_first)), ==,
                         rd_contact_get_id (g_ptr_array_index (items, i)));
    }
}

/* The facts read the diary and the contacts a row at a time, oldest
 * first: the same entries in the same order as the pages' lists, newest
 * first, reversed, entries at the same moment in the order they were
 * written, whatever order they were written in. */
static void
test_facts_in_order (Fixture       *f,
                     gconstpointer  data)
{
  static const char *moments[] = {
    "2025-03-02T10:00", "2024-11-30T22:15", "2025-03-02T10:00", "2025-01-15T08:00",
    "2024-11-30T22:15", "2025-03-02T10:00",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCaseFacts) facts = NULL;
  g_autoptr(GListModel) incidents = NULL;
  g_autoptr(GListModel) contacts = NULL;
  GPtrArray *diary;

  for (guint i = 0; i < G_N_ELEMENTS (moments); i++)
    {
      g_autoptr(RdIncident) incident = make_incident (f, moments[i], "Banging on the wall");
      g_autoptr(RdContact) contact = make_contact (f, moments[G_N_ELEMENTS (moments) - 1 - i], "A call");
    }
  facts = rd_case_facts_load (f->store, rd_case_get_id (f->rcase), &error);
  g_assert_no_error (error);
  incidents = rd_store_list_incidents (f->store, rd_case_get_id (f->rcase), &error);
  contacts = rd_store_list_contacts (f->store, rd_case_get_id (f->rcase), &error);
  g_assert_no_error (error);
  diary = rd_case_facts_get_incidents (facts);
  assert_reversed (diary, incidents);
  assert_reversed (rd_case_facts_get_contacts (facts), contacts);
  for (guint i = 1; i < diary->len; i++)
    {
      RdIncident *before = g_ptr_array_index (diary, i - 1);
      RdIncident *after = g_ptr_array_index (diary, i);
      int cmp = g_date_time_compare (rd_incident_get_starts_at (before), rd_incident_get_starts_at (after));

      g_assert_cmpint (cmp, <=, 0);
      if (cmp == 0)
        g_assert_cmpint (rd_incident_get_id (before), <, rd_incident_get_id (after));
    }
  g_assert_cmpstr (rd_incident_get_description (g_ptr_array_index (diary, 0)), ==, "Banging on the wall");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/complaints-store/case-preferences", test_case_preferences);
  ADD ("/complaints-store/party-round-trip", test_party_round_trip);
  ADD ("/complaints-store/contact-round-trip", test_contact_round_trip);
  ADD ("/complaints-store/contact-validation", test_contact_validation);
  ADD ("/complaints-store/complaint-round-trip", test_complaint_round_trip);
  ADD ("/complaints-store/events", test_events);
  ADD ("/complaints-store/complaint-incidents", test_complaint_incidents);
  ADD ("/complaints-store/event-validation", test_event_validation);
  ADD ("/complaints-store/case-delete-cascades", test_case_delete_cascades);
  ADD ("/complaints-store/nested-writes-roll-back", test_nested_writes_roll_back);
  ADD ("/complaints-store/changed-signals", test_changed_signals);
  ADD ("/complaints-store/sample", test_sample);
  ADD ("/complaints-store/subject-from-v20", test_subject_from_v20);
  ADD ("/complaints-store/facts-in-order", test_facts_in_order);
#undef ADD
  g_test_add_func ("/complaints-store/migrate-from-v1", test_migrate_from_v1);
  g_test_add_func ("/complaints-store/keys", test_keys);
  g_test_add_func ("/complaints-store/has-incident", test_complaint_has_incident);

  return g_test_run ();
}
