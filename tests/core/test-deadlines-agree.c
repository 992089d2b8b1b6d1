/* test-deadlines-agree.c: the CLI's deadlines and What Next agree on every case.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both come through the one adapter from a case to the deadline engine
 * (rd_case_facts_build_deadline_input(), by way of the case service). This
 * runs the real redress-cli on every case of a store holding the sample
 * case, an adviser's full case, a case imported from JSON by the CLI and a
 * case whose landlord's policy gives ASB, repair and Awaab's Law deadlines,
 * and compares its `deadlines --json` with the dashboard's items, one by one.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "advisers-fixtures.h"
#include "store-fixtures.h"

/* Days to judge by: before, between and after the cases' deadlines. */
static const char * const judged_on[] = { "2024-11-12", "2025-11-05", "2026-12-07" };

/* Complaint made 1 November 2024, acknowledged 4, answered 20. */
static const char imported_json[] =
  "{ \"format\": \"redress-case\", \"version\": 1,\n"
  "  \"case\": { \"title\": \"Imported\" },\n"
  "  \"complaints\": [ { \"reference\": \"NH-1\", \"events\": [\n"
  "    { \"kind\": \"made\", \"date\": \"2024-11-01\" },\n"
  "    { \"kind\": \"acknowledged\", \"date\": \"2024-11-04\" },\n"
  "    { \"kind\": \"response\", \"date\": \"2024-11-20\" } ] } ] }\n";

static const char * const expected_kinds[] = {
  "acknowledgement", "response", "promise", "asb-response", "repair", "hazard",
};

typedef struct {
  RdStore *store;
  char    *dir;
} Fixture;

static GDate *
day (const char *iso)
{
  g_autoptr(GError) error = NULL;
  GDate *d = rd_date_parse_iso (iso, &error);

  g_assert_no_error (error);
  return d;
}

static GDateTime *
at (const char *iso)
{
  GDateTime *dt = rd_datetime_parse_local (iso, NULL);

  g_assert_nonnull (dt);
  return dt;
}

/* As the CLI writes a moment: the date, with the time when it has one. */
static char *
moment_text (const RdMoment *moment)
{
  g_autofree char *iso = NULL;

  if (!rd_moment_is_set (moment))
    return g_strdup ("null");
  iso = rd_date_to_iso (&moment->date);
  if (moment->minute < 0)
    return g_steal_pointer (&iso);
  return g_strdup_printf ("%sT%02d:%02d", iso, moment->minute / 60, moment->minute % 60);
}

static char *
describe (const char *kind,
          gint64      group,
          gint64      stage,
          const char *due,
          const char *status,
          const char *done,
          gint64      working_days_late,
          const char *title,
          const char *explanation,
          const char *next_step,
          const char *rules)
{
  return g_strdup_printf ("%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|due %s|%s|done %s|%"
                          G_GINT64_FORMAT "|%s|%s|%s|%s",
                          kind, group, stage, due, status, done, working_days_late, title,
                          explanation, next_step, rules);
}

static const char *
member_text (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  return JSON_NODE_HOLDS_NULL (node) ? "null" : json_node_get_string (node);
}

/* The CLI's deadlines for the case, and its notes. */
static GPtrArray *
deadlines_from_cli (Fixture    *f,
                    gint64      case_id,
                    const char *today,
                    GPtrArray  *notes)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  const char *args[] = { "deadlines", id, "--today", today, "--json", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  JsonObject *root;
  JsonArray *list;

  g_assert_cmpint (fixture_run_cli (f->dir, args, &out, &err), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "case_id"), ==, case_id);
  g_assert_cmpstr (json_object_get_string_member (root, "today"), ==, today);

  list = json_object_get_array_member (root, "deadlines");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *d = json_array_get_object_element (list, i);

      g_ptr_array_add (lines, describe (json_object_get_string_member (d, "kind"),
                                        json_object_get_int_member (d, "group"),
                                        json_object_get_int_member (d, "stage"),
                                        member_text (d, "due"),
                                        json_object_get_string_member (d, "status"),
                                        member_text (d, "done"),
                                        json_object_get_int_member (d, "working_days_late"),
                                        json_object_get_string_member (d, "title"),
                                        json_object_get_string_member (d, "explanation"),
                                        json_object_get_string_member (d, "next_step"),
                                        json_object_get_string_member (d, "rules")));
    }
  list = json_object_get_array_member (root, "notes");
  for (guint i = 0; i < json_array_get_length (list); i++)
    g_ptr_array_add (notes, g_strdup (json_array_get_string_element (list, i)));
  return lines;
}

/* What Next's items for the case, as the window gets them, and its notes. */
static GPtrArray *
deadlines_from_dashboard (Fixture    *f,
                          gint64      case_id,
                          const char *today,
                          GPtrArray  *notes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) d = day (today);
  g_autoptr(RdDashboard) dashboard = rd_case_service_compute_dashboard (f->store, case_id, d,
                                                                        &error);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  GListModel *items;

  g_assert_no_error (error);
  items = rd_dashboard_get_items (dashboard);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RdDashboardItem) item = g_list_model_get_item (items, i);
      RdDeadline *deadline = rd_dashboard_item_get_deadline (item);
      g_autofree char *due = moment_text (rd_deadline_get_due (deadline));
      g_autofree char *done = moment_text (rd_deadline_get_done (deadline));

      g_ptr_array_add (lines, describe (rd_deadline_kind_to_key (rd_deadline_get_kind (deadline)),
                                        rd_deadline_get_group (deadline),
                                        rd_deadline_get_stage (deadline), due,
                                        rd_deadline_status_to_key (rd_deadline_get_status (deadline)),
                                        done, rd_deadline_get_working_days_late (deadline),
                                        rd_deadline_get_title (deadline),
                                        rd_deadline_get_explanation (deadline),
                                        rd_deadline_get_next_step (deadline),
                                        rd_deadline_get_basis (deadline)));
    }
  for (guint i = 0; i < rd_dashboard_get_n_notes (dashboard); i++)
    g_ptr_array_add (notes, g_strdup (rd_dashboard_get_note (dashboard, i)));
  return lines;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Compares the two on every case in the store; returns how many deadlines
 * were compared, and adds the kinds seen to @kinds. */
static guint
assert_every_case_agrees (Fixture    *f,
                          GHashTable *kinds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) cases = rd_store_list_cases (f->store, &error);
  guint compared = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cases), >=, 4);
  for (guint c = 0; c < g_list_model_get_n_items (cases); c++)
    {
      g_autoptr(RdCase) rcase = g_list_model_get_item (cases, c);
      gint64 case_id = rd_case_get_id (rcase);

      for (guint t = 0; t < G_N_ELEMENTS (judged_on); t++)
        {
          g_autoptr(GPtrArray) cli_notes = g_ptr_array_new_with_free_func (g_free);
          g_autoptr(GPtrArray) dash_notes = g_ptr_array_new_with_free_func (g_free);
          g_autoptr(GPtrArray) cli = deadlines_from_cli (f, case_id, judged_on[t], cli_notes);
          g_autoptr(GPtrArray) dash = deadlines_from_dashboard (f, case_id, judged_on[t],
                                                               dash_notes);

          g_test_message ("case %" G_GINT64_FORMAT " on %s: %u deadlines", case_id,
                          judged_on[t], cli->len);
          /* The dashboard orders by urgency, the CLI by date: compare as sets. */
          g_ptr_array_sort (cli, compare_lines);
          g_ptr_array_sort (dash, compare_lines);
          g_assert_cmpuint (cli->len, ==, dash->len);
          for (guint i = 0; i < cli->len; i++)
            {
              const char *line = g_ptr_array_index (cli, i);

              g_assert_cmpstr (line, ==, g_ptr_array_index (dash, i));
              g_hash_table_add (kinds, g_strndup (line, strcspn (line, "|")));
            }
          g_assert_cmpuint (cli_notes->len, ==, dash_notes->len);
          for (guint i = 0; i < cli_notes->len; i++)
            g_assert_cmpstr (g_ptr_array_index (cli_notes, i), ==, g_ptr_array_index (dash_notes, i));
          compared += cli->len;
        }
    }
  return compared;
}

/* A landlord's profile with ASB first responses and repair priorities. */
static RdPolicy *
save_landlord_policy (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) from = day ("2024-06-01");
  RdPolicy *policy = rd_policy_new_landlord_from_code (from);
  RdLimit one = { 1, RD_TIME_UNIT_WORKING_DAYS };
  RdLimit five = { 5, RD_TIME_UNIT_WORKING_DAYS };
  RdLimit twenty = { 20, RD_TIME_UNIT_WORKING_DAYS };

  rd_policy_set_name (policy, "Northway Homes");
  rd_policy_set_asb_first_response (policy, RD_ASB_RISK_HIGH, &one);
  rd_policy_set_asb_first_response (policy, RD_ASB_RISK_MEDIUM, &five);
  rd_policy_set_asb_first_response (policy, RD_ASB_RISK_LOW, &five);
  rd_policy_set_repair_priority (policy, "urgent", "Urgent repair", &five);
  rd_policy_set_repair_priority (policy, "routine", "Routine repair", &twenty);
  g_assert_true (rd_store_save_policy (f->store, policy, &error));
  g_assert_no_error (error);
  return policy;
}

static void
save_report (Fixture       *f,
             gint64         case_id,
             const char    *starts,
             RdCategory     category,
             const char    *reported,
             RdAsbRisk      risk,
             const char    *priority,
             RdHazardLevel  hazard)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GDateTime) starts_at = at (starts);
  g_autoptr(GDate) on = day (reported);

  rd_incident_set_case_id (incident, case_id);
  rd_incident_set_starts_at (incident, starts_at);
  rd_incident_set_category (incident, category);
  rd_incident_set_description (incident, "Reported to the landlord");
  rd_incident_set_landlord_reported_on (incident, on);
  rd_incident_set_landlord_reported_minute (incident, 9 * 60 + 30);
  rd_incident_set_asb_risk (incident, risk);
  rd_incident_set_repair_priority (incident, priority);
  rd_incident_set_hazard (incident, hazard);
  g_assert_true (rd_store_save_incident (f->store, incident, NULL, &error));
  g_assert_no_error (error);
}

static void
save_contact (Fixture    *f,
              gint64      case_id,
              const char *when,
              gint64      party_id,
              const char *promise_due)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdContact) contact = rd_contact_new ();
  g_autoptr(GDateTime) occurred = at (when);
  g_autoptr(GDate) due = promise_due ? day (promise_due) : NULL;

  rd_contact_set_case_id (contact, case_id);
  rd_contact_set_occurred_at (contact, occurred);
  rd_contact_set_direction (contact, RD_CONTACT_FROM);
  rd_contact_set_channel (contact, RD_CHANNEL_PHONE);
  rd_contact_set_summary (contact, "A call");
  rd_contact_set_party_id (contact, party_id);
  if (due != NULL)
    {
      rd_contact_set_promise (contact, "Will call back");
      rd_contact_set_promise_due (contact, due);
    }
  g_assert_true (rd_store_save_contact (f->store, contact, &error));
  g_assert_no_error (error);
}

static void
save_complaint_step (Fixture              *f,
                     gint64                complaint_id,
                     RdComplaintEventKind  kind,
                     const char           *date,
                     const char           *new_date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdComplaintEvent) event = rd_complaint_event_new (kind);
  g_autoptr(GDate) d = day (date);
  g_autoptr(GDate) moved = new_date ? day (new_date) : NULL;

  rd_complaint_event_set_complaint_id (event, complaint_id);
  rd_complaint_event_set_date (event, d);
  if (moved != NULL)
    rd_complaint_event_set_new_date (event, moved);
  g_assert_true (rd_store_save_complaint_event (f->store, event, &error));
  g_assert_no_error (error);
}

/* A secure tenancy following the landlord's policy: ASB reports, repairs,
 * an Awaab's Law hazard, promises by the landlord and by the police, and
 * a complaint whose response the landlord put back. */
static gint64
make_reports_case (Fixture  *f,
                   RdPolicy *policy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCase) rcase = fixture_make_case (f->store, "Reports");
  g_autoptr(RdParty) police = rd_party_new ();
  g_autoptr(RdComplaint) complaint = rd_complaint_new ();
  gint64 id = rd_case_get_id (rcase);

  rd_case_set_tenancy_type (rcase, RD_TENANCY_SECURE);
  g_assert_true (rd_store_save_case (f->store, rcase, &error));
  g_assert_true (rd_store_set_case_policy (f->store, id, rd_policy_get_id (policy), &error));
  g_assert_no_error (error);

  save_report (f, id, "2024-11-01T23:00", RD_CATEGORY_NOISE, "2024-11-04", RD_ASB_RISK_HIGH, "",
               RD_HAZARD_N_LEVELS);
  save_report (f, id, "2024-11-02T20:00", RD_CATEGORY_HARASSMENT, "2024-11-04",
               RD_ASB_RISK_N_LEVELS, "", RD_HAZARD_N_LEVELS);
  save_report (f, id, "2024-11-05T08:00", RD_CATEGORY_DISREPAIR, "2024-11-05", RD_ASB_RISK_N_LEVELS,
               "urgent", RD_HAZARD_N_LEVELS);
  save_report (f, id, "2025-11-01T08:00", RD_CATEGORY_DISREPAIR, "2025-11-03", RD_ASB_RISK_N_LEVELS,
               "routine", RD_HAZARD_SIGNIFICANT);
  save_report (f, id, "2025-11-02T08:00", RD_CATEGORY_DISREPAIR, "2025-11-03", RD_ASB_RISK_N_LEVELS,
               "", RD_HAZARD_EMERGENCY);

  rd_party_set_case_id (police, id);
  rd_party_set_role (police, RD_PARTY_POLICE);
  rd_party_set_name (police, "PC Sam Lee");
  g_assert_true (rd_store_save_party (f->store, police, &error));
  g_assert_no_error (error);
  save_contact (f, id, "2024-11-06T10:00", 0, "2024-11-08");
  save_contact (f, id, "2024-11-07T11:00", rd_party_get_id (police), "2024-11-14");
  save_contact (f, id, "2024-11-12T15:00", 0, NULL);

  rd_complaint_set_case_id (complaint, id);
  g_assert_true (rd_store_save_complaint (f->store, complaint, &error));
  g_assert_no_error (error);
  save_complaint_step (f, rd_complaint_get_id (complaint), RD_COMPLAINT_EVENT_MADE, "2024-11-11", NULL);
  save_complaint_step (f, rd_complaint_get_id (complaint), RD_COMPLAINT_EVENT_ACKNOWLEDGED,
                       "2024-11-13", NULL);
  save_complaint_step (f, rd_complaint_get_id (complaint), RD_COMPLAINT_EVENT_EXTENSION_NOTIFIED,
                       "2024-11-25", "2024-12-06");
  return id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = fixture_store_open_temp ("redress-agree-XXXXXX", &f->dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  fixture_store_close_temp (&f->store, &f->dir);
}

static void
test_every_case (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(RdPolicy) policy = save_landlord_policy (f);
  g_autofree char *file = g_build_filename (f->dir, "imported.json", NULL);
  const char *import_args[] = { "import", file, NULL };
  g_autofree char *out = NULL;
  gint64 sample_id;
  guint compared;

  sample_id = rd_sample_ensure (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (advisers_make_full_case (f->store, f->dir, "AGREE"), >, 0);
  g_assert_true (g_file_set_contents (file, imported_json, -1, &error));
  g_assert_cmpint (fixture_run_cli (f->dir, import_args, &out, NULL), ==, 0);
  make_reports_case (f, policy);

  compared = assert_every_case_agrees (f, kinds);

  /* The same cases again, with the sample following the landlord's policy:
   * its diary entries reported to the landlord now start deadlines too. */
  g_assert_true (rd_store_set_case_policy (f->store, sample_id, rd_policy_get_id (policy), &error));
  g_assert_no_error (error);
  compared += assert_every_case_agrees (f, kinds);

  /* Not a comparison of two empty lists: every kind of deadline a case's
   * records start was compared. */
  g_assert_cmpuint (compared, >=, 50);
  for (guint i = 0; i < G_N_ELEMENTS (expected_kinds); i++)
    if (!g_hash_table_contains (kinds, expected_kinds[i]))
      g_error ("No %s deadline was compared", expected_kinds[i]);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "Europe/London", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/deadlines-agree/every-case", Fixture, NULL, fixture_setup, test_every_case,
              fixture_teardown);

  return g_test_run ();
}
