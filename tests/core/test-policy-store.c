/* test-policy-store.c: landlords' profiles in the store, and a case's deadlines from its records.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "rd-core.h"
#include "evidence-fixtures.h"
#include "store-fixtures.h"

typedef struct {
  char    *dir;
  RdStore *store;
  gint64   case_id;
} Fixture;

static GDate *
date (const char *iso)
{
  GDate *d = rd_date_parse_iso (iso, NULL);

  g_assert_nonnull (d);
  return d;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RdCase) rcase = NULL;

  f->store = fixture_store_open_temp ("redress-policies-XXXXXX", &f->dir);
  rcase = fixture_make_case (f->store, "Noise from Flat 6");
  f->case_id = rd_case_get_id (rcase);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  fixture_store_close_temp (&f->store, &f->dir);
}

static RdPolicy *
saved_policy (Fixture    *f,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) day = date ("2024-06-01");
  RdPolicy *policy = rd_policy_new_landlord_from_code (day);

  rd_policy_set_name (policy, name);
  g_assert_true (rd_store_save_policy (f->store, policy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rd_policy_get_id (policy), >, 0);
  return policy;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RdPolicy) policy = saved_policy (f, "Northway Homes");
  g_autoptr(RdPolicy) back = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  RdLimit high = { 1, RD_TIME_UNIT_WORKING_DAYS };

  rd_policy_set_asb_first_response (policy, RD_ASB_RISK_HIGH, &high);
  g_assert_true (rd_store_save_policy (f->store, policy, &error));
  g_assert_no_error (error);

  back = rd_store_get_policy (f->store, rd_policy_get_id (policy), &error);
  g_assert_no_error (error);
  g_assert_true (rd_policy_content_equal (policy, back));
  g_assert_cmpstr (rd_policy_get_name (back), ==, "Northway Homes");

  list = rd_store_list_policies (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  /* Only a landlord's profile can be saved, and it needs a name. */
  rd_policy_set_name (policy, "  ");
  g_assert_false (rd_store_save_policy (f->store, policy, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(RdPolicy) code = rd_policy_copy (rd_policy_get_awaabs_law ());

    g_assert_false (rd_store_save_policy (f->store, code, &error));
    g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  }
}

static void
test_case_link (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RdPolicy) policy = saved_policy (f, "Northway Homes");
  g_autoptr(RdPolicy) followed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = -1;

  g_assert_true (rd_store_get_case_policy_id (f->store, f->case_id, &id, &error));
  g_assert_cmpint (id, ==, 0);
  g_assert_null (rd_store_get_case_policy (f->store, f->case_id, &error));
  g_assert_no_error (error);

  g_assert_true (rd_store_set_case_policy (f->store, f->case_id, rd_policy_get_id (policy), &error));
  g_assert_no_error (error);
  followed = rd_store_get_case_policy (f->store, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rd_policy_get_id (followed), ==, rd_policy_get_id (policy));

  /* Deleting the profile leaves the case following the Code only. */
  g_assert_true (rd_store_delete_policy (f->store, rd_policy_get_id (policy), &error));
  g_assert_no_error (error);
  g_assert_true (rd_store_get_case_policy_id (f->store, f->case_id, &id, &error));
  g_assert_cmpint (id, ==, 0);

  g_assert_false (rd_store_set_case_policy (f->store, 9999, 0, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
}

/* A damaged definition is an error with a sentence, not a crash. */
static void
test_damaged_definition (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RdPolicy) policy = saved_policy (f, "Northway Homes");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "redress.db", NULL);
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE policy_profiles SET definition = "
                                     "'[Profile]\nKind=landlord\nStage1Respond=soon\n'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_null (rd_store_get_policy (f->store, rd_policy_get_id (policy), &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "Northway Homes"));
}

/* The store's records, through the adapter, into the engine. */
static void
test_deadlines_from_records (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(RdPolicy) policy = saved_policy (f, "Northway Homes");
  g_autoptr(RdComplaint) complaint = rd_complaint_new ();
  g_autoptr(RdContact) contact = rd_contact_new ();
  g_autoptr(RdDeadlineReport) report = NULL;
  g_autoptr(RdDeadlineInput) input = NULL;
  g_autoptr(RdCaseFacts) facts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_local (2024, 11, 4, 10, 0, 0);
  g_autoptr(GDate) promised = date ("2024-11-08");
  g_autoptr(GDate) today = date ("2024-12-02");
  const struct { RdComplaintEventKind kind; const char *date; } steps[] = {
    { RD_COMPLAINT_EVENT_MADE, "2024-11-01" },
    { RD_COMPLAINT_EVENT_ACKNOWLEDGED, "2024-11-04" },
    { RD_COMPLAINT_EVENT_RESPONSE, "2024-11-20" },
  };
  RdPolicyStage s1;
  GListModel *list;
  gboolean saw_response = FALSE, saw_promise = FALSE;

  rd_complaint_set_case_id (complaint, f->case_id);
  g_assert_true (rd_store_save_complaint (f->store, complaint, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(RdComplaintEvent) event = rd_complaint_event_new (steps[i].kind);
      g_autoptr(GDate) d = date (steps[i].date);

      rd_complaint_event_set_complaint_id (event, rd_complaint_get_id (complaint));
      rd_complaint_event_set_date (event, d);
      g_assert_true (rd_store_save_complaint_event (f->store, event, &error));
      g_assert_no_error (error);
    }
  rd_contact_set_case_id (contact, f->case_id);
  rd_contact_set_occurred_at (contact, at);
  rd_contact_set_direction (contact, RD_CONTACT_FROM);
  rd_contact_set_channel (contact, RD_CHANNEL_PHONE);
  rd_contact_set_promise (contact, "Will send the surveyor's report");
  rd_contact_set_promise_due (contact, promised);
  g_assert_true (rd_store_save_contact (f->store, contact, &error));
  g_assert_no_error (error);

  facts = rd_case_facts_load (f->store, f->case_id, &error);
  g_assert_no_error (error);
  input = rd_case_facts_build_deadline_input (facts);
  g_assert_cmpuint (rd_deadline_input_get_n_events (input), ==, 4);

  /* The case follows a landlord's policy that answers stage 1 in 8 working days. */
  s1 = *rd_policy_get_stage (policy, 1);
  s1.respond.amount = 8;
  rd_policy_set_stage (policy, 1, &s1);
  g_assert_true (rd_store_save_policy (f->store, policy, &error));
  g_assert_true (rd_store_set_case_policy (f->store, f->case_id, rd_policy_get_id (policy), &error));
  g_assert_no_error (error);

  report = rd_case_service_compute_deadlines (f->store, f->case_id, today, &error);
  g_assert_no_error (error);
  list = rd_deadline_report_get_deadlines (report);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RdDeadline) d = g_list_model_get_item (list, i);

      if (rd_deadline_get_kind (d) == RD_DEADLINE_KIND_RESPONSE)
        {
          g_autofree char *due = rd_date_to_iso (&rd_deadline_get_due (d)->date);

          /* 8 working days after Monday 4 November: Thursday 14 */
          g_assert_cmpstr (due, ==, "2024-11-14");
          g_assert_cmpint (rd_deadline_get_working_days_late (d), ==, 4);
          g_assert_cmpint (rd_deadline_get_group (d), ==, rd_complaint_get_id (complaint));
          saw_response = TRUE;
        }
      else if (rd_deadline_get_kind (d) == RD_DEADLINE_KIND_PROMISE)
        {
          g_assert_cmpint (rd_deadline_get_group (d), ==, rd_contact_get_id (contact));
          g_assert_cmpint (rd_deadline_get_status (d), ==, RD_DEADLINE_MISSED);
          saw_promise = TRUE;
        }
    }
  g_assert_true (saw_response);
  g_assert_true (saw_promise);

  g_assert_null (rd_case_service_compute_deadlines (f->store, 9999, today, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/policy-store/round-trip", Fixture, NULL, fixture_setup, test_round_trip, fixture_teardown);
  g_test_add ("/policy-store/case-link", Fixture, NULL, fixture_setup, test_case_link, fixture_teardown);
  g_test_add ("/policy-store/damaged-definition", Fixture, NULL, fixture_setup,
              test_damaged_definition, fixture_teardown);
  g_test_add ("/policy-store/deadlines-from-records", Fixture, NULL, fixture_setup,
              test_deadlines_from_records, fixture_teardown);

  return g_test_run ();
}
