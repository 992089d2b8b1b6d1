/* test-wales.c: a home in Wales: the Welsh model policy's timescales, the Welsh ombudsman, England's rules left out.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "rd-core.h"
#include "store-fixtures.h"

static GDate *
day (const char *iso)
{
  GDate *d = rd_date_parse_iso (iso, NULL);

  g_assert_nonnull (d);
  return d;
}

static void
add_step (RdDeadlineInput      *input,
          gint64                id,
          RdComplaintEventKind  kind,
          guint                 stage,
          const char           *iso)
{
  g_autoptr(GDate) d = day (iso);

  rd_deadline_input_add_complaint_event (input, id, 1, kind, stage, d, NULL);
}

static RdDeadlineReport *
judge (RdDeadlineInput *input,
       RdCountry        country,
       const char      *today)
{
  g_autoptr(GDate) t = day (today);

  rd_deadline_input_set_tenancy (input, RD_TENANCY_SECURE);
  rd_deadline_input_set_country (input, country);
  return rd_deadlines_compute (input, NULL, t);
}

static RdDeadline *
find (RdDeadlineReport *report,
      RdDeadlineKind    kind,
      guint             stage)
{
  GListModel *list = rd_deadline_report_get_deadlines (report);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RdDeadline) d = g_list_model_get_item (list, i);

      if (rd_deadline_get_kind (d) == kind && rd_deadline_get_stage (d) == stage)
        return d;   /* the report keeps it alive */
    }
  return NULL;
}

static gboolean
has_note (RdDeadlineReport *report,
          const char       *part)
{
  for (guint i = 0; i < rd_deadline_report_get_n_notes (report); i++)
    if (strstr (rd_deadline_report_get_note (report, i), part) != NULL)
      return TRUE;
  return FALSE;
}

static void
assert_due (RdDeadline *d,
            const char *iso)
{
  g_autoptr(GDate) want = day (iso);

  g_assert_nonnull (d);
  g_assert_cmpint (g_date_compare (&rd_deadline_get_due (d)->date, want), ==, 0);
}

/* The same complaint, unanswered: England's Code wants an acknowledgement
 * in 5 working days and a response 10 after it; the Welsh model policy
 * resolves stage 1 within 10 working days of the complaint and sets no
 * acknowledgement time for it. */
static void
test_stage_one (void)
{
  g_autoptr(RdDeadlineInput) wales = rd_deadline_input_new ();
  g_autoptr(RdDeadlineInput) england = rd_deadline_input_new ();
  g_autoptr(RdDeadlineReport) w = NULL;
  g_autoptr(RdDeadlineReport) e = NULL;
  RdDeadline *response;

  add_step (wales, 1, RD_COMPLAINT_EVENT_MADE, 1, "2026-03-02");
  add_step (england, 1, RD_COMPLAINT_EVENT_MADE, 1, "2026-03-02");
  w = judge (wales, RD_COUNTRY_WALES, "2026-04-30");
  e = judge (england, RD_COUNTRY_ENGLAND, "2026-04-30");

  g_assert_null (find (w, RD_DEADLINE_KIND_ACKNOWLEDGEMENT, 1));
  response = find (w, RD_DEADLINE_KIND_RESPONSE, 1);
  assert_due (response, "2026-03-16");
  g_assert_cmpint (rd_deadline_get_status (response), ==, RD_DEADLINE_MISSED);
  g_assert_nonnull (strstr (rd_deadline_get_basis (response), "Welsh model"));
  g_assert_nonnull (strstr (rd_deadline_get_next_step (response), "Public Services Ombudsman for Wales"));
  g_assert_null (strstr (rd_deadline_get_next_step (response), "Housing Ombudsman"));

  assert_due (find (e, RD_DEADLINE_KIND_ACKNOWLEDGEMENT, 1), "2026-03-09");
  assert_due (find (e, RD_DEADLINE_KIND_RESPONSE, 1), "2026-03-23");
  g_assert_nonnull (strstr (rd_deadline_get_basis (find (e, RD_DEADLINE_KIND_RESPONSE, 1)),
                            "Complaint Handling Code"));
}

/* Stage 2 over Easter and the May bank holiday 2026: acknowledged within
 * 5 working days, answered within 20 of the acknowledgement. No Ombudsman
 * date follows in Wales: its year runs from when the resident became
 * aware, which a note explains, while England's follows the final response. */
static void
test_stage_two (void)
{
  g_autoptr(RdDeadlineInput) wales = rd_deadline_input_new ();
  g_autoptr(RdDeadlineInput) england = rd_deadline_input_new ();
  g_autoptr(RdDeadlineReport) w = NULL;
  g_autoptr(RdDeadlineReport) e = NULL;
  RdDeadlineInput *both[] = { wales, england };

  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    {
      add_step (both[i], 1, RD_COMPLAINT_EVENT_MADE, 1, "2026-03-02");
      add_step (both[i], 2, RD_COMPLAINT_EVENT_RESPONSE, 1, "2026-03-12");
      add_step (both[i], 3, RD_COMPLAINT_EVENT_ESCALATION_REQUESTED, 2, "2026-04-01");
      add_step (both[i], 4, RD_COMPLAINT_EVENT_ACKNOWLEDGED, 2, "2026-04-08");
      add_step (both[i], 5, RD_COMPLAINT_EVENT_FINAL_RESPONSE, 2, "2026-05-07");
    }
  w = judge (wales, RD_COUNTRY_WALES, "2026-05-20");
  e = judge (england, RD_COUNTRY_ENGLAND, "2026-05-20");

  assert_due (find (w, RD_DEADLINE_KIND_RESPONSE, 1), "2026-03-16");
  g_assert_cmpint (rd_deadline_get_status (find (w, RD_DEADLINE_KIND_RESPONSE, 1)), ==, RD_DEADLINE_MET);
  assert_due (find (w, RD_DEADLINE_KIND_ACKNOWLEDGEMENT, 2), "2026-04-10");
  assert_due (find (w, RD_DEADLINE_KIND_RESPONSE, 2), "2026-05-07");
  g_assert_cmpint (rd_deadline_get_status (find (w, RD_DEADLINE_KIND_RESPONSE, 2)), ==, RD_DEADLINE_MET);
  g_assert_null (find (w, RD_DEADLINE_KIND_OMBUDSMAN, 2));
  g_assert_true (has_note (w, "Public Services Ombudsman for Wales"));
  g_assert_true (has_note (w, "within the last 12 months"));
  g_assert_true (has_note (w, "apply in England only"));
  g_assert_false (has_note (w, "online form"));

  g_assert_nonnull (find (e, RD_DEADLINE_KIND_OMBUDSMAN, 2));
  g_assert_true (has_note (e, "online form"));
  g_assert_false (has_note (e, "Public Services Ombudsman for Wales"));
}

/* The profile is used from the day the Complaints Standards Authority
 * launched it: the day before, nothing is checked and a note says why. */
static void
test_model_policy_start (void)
{
  g_autoptr(RdDeadlineInput) before = rd_deadline_input_new ();
  g_autoptr(RdDeadlineInput) on = rd_deadline_input_new ();
  g_autoptr(RdDeadlineReport) b = NULL;
  g_autoptr(RdDeadlineReport) o = NULL;

  add_step (before, 1, RD_COMPLAINT_EVENT_MADE, 1, "2020-12-06");
  add_step (on, 1, RD_COMPLAINT_EVENT_MADE, 1, "2020-12-07");
  b = judge (before, RD_COUNTRY_WALES, "2021-03-01");
  o = judge (on, RD_COUNTRY_WALES, "2021-03-01");

  g_assert_null (find (b, RD_DEADLINE_KIND_RESPONSE, 1));
  g_assert_true (has_note (b, "from 7 December 2020 only"));
  assert_due (find (o, RD_DEADLINE_KIND_RESPONSE, 1), "2020-12-21");
  g_assert_false (has_note (o, "from 7 December 2020 only"));
}

/* Awaab's Law is England's: a hazard in a Welsh social home gets no
 * Awaab's deadline, and a note saying what binds the landlord instead. */
static void
test_no_awaab (void)
{
  g_autoptr(RdDeadlineInput) input = rd_deadline_input_new ();
  g_autoptr(RdDeadlineReport) report = NULL;
  g_autoptr(GDate) on = day ("2026-01-05");
  RdMoment when;

  rd_moment_set_date (&when, on);
  rd_deadline_input_add_hazard (input, RD_CASE_EVENT_HAZARD_REPORT, 1, 1, &when, RD_HAZARD_EMERGENCY);
  report = judge (input, RD_COUNTRY_WALES, "2026-02-01");

  g_assert_null (find (report, RD_DEADLINE_KIND_HAZARD, 0));
  g_assert_cmpuint (g_list_model_get_n_items (rd_deadline_report_get_deadlines (report)), ==, 0);
  g_assert_true (has_note (report, "Awaab’s Law applies in England only"));
  g_assert_true (has_note (report, "Renting Homes (Wales) Act 2016"));
}

static const char old_file[] =
  "{ \"format\": \"redress-case\", \"version\": 1,\n"
  "  \"case\": { \"title\": \"Damp\", \"tenancy_type\": \"secure\" } }\n";

/* Case JSON: the country goes out and comes back; a file written before
 * cases had one is England's; a country Redress does not know is refused
 * with the line it is on. */
static void
test_case_json (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 1, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCaseFacts) old = rd_case_json_parse (old_file, -1, now, &error);
  g_autoptr(RdCaseFacts) back = NULL;
  g_autoptr(RdCaseFacts) bad = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  g_autofree char *wrong = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (rd_case_get_country (rd_case_facts_get_case (old)), ==, RD_COUNTRY_ENGLAND);

  rd_case_set_country (rd_case_facts_get_case (old), RD_COUNTRY_WALES);
  node = rd_case_json_from_facts (old);
  text = json_to_string (node, TRUE);
  g_assert_nonnull (strstr (text, "\"country\" : \"wales\""));
  back = rd_case_json_parse (text, -1, now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rd_case_get_country (rd_case_facts_get_case (back)), ==, RD_COUNTRY_WALES);

  wrong = g_strdup ("{ \"format\": \"redress-case\", \"version\": 1,\n"
                    "  \"case\": { \"title\": \"Damp\",\n"
                    "    \"country\": \"scotland\" } }\n");
  bad = rd_case_json_parse (wrong, -1, now, &error);
  g_assert_null (bad);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "scotland"));
  g_assert_nonnull (strstr (error->message, "wales"));
}

/* The store keeps the country; redress-cli import --country sets it, and
 * a country it does not know is a usage error that imports nothing. */
static void
test_store_and_cli (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RdStore) store = fixture_store_open_temp ("redress-wales-XXXXXX", &dir);
  g_autoptr(RdCase) rcase = fixture_make_case (store, "Mould");
  g_autoptr(RdCase) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "old.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *bad_out = NULL;
  g_autofree char *bad_err = NULL;
  const char *import_args[] = { "import", path, "--country", "wales", NULL };
  const char *bad_args[] = { "import", path, "--country=scotland", NULL };
  const char *list_args[] = { "cases", "--json", NULL };
  g_autoptr(GListModel) cases = NULL;
  gint64 imported;

  g_assert_cmpint (rd_case_get_country (rcase), ==, RD_COUNTRY_ENGLAND);
  rd_case_set_country (rcase, RD_COUNTRY_WALES);
  g_assert_true (rd_store_save_case (store, rcase, &error));
  g_assert_no_error (error);
  back = rd_store_get_case (store, rd_case_get_id (rcase), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rd_case_get_country (back), ==, RD_COUNTRY_WALES);
  g_clear_object (&store);

  g_assert_true (g_file_set_contents (path, old_file, -1, NULL));
  g_assert_cmpint (fixture_run_cli (dir, import_args, &out, &err), ==, 0);
  imported = g_ascii_strtoll (out, NULL, 10);
  g_assert_cmpint (imported, >, rd_case_get_id (rcase));
  g_assert_cmpint (fixture_run_cli (dir, bad_args, &bad_out, &bad_err), !=, 0);
  g_assert_nonnull (strstr (bad_err, "scotland"));

  g_assert_cmpint (fixture_run_cli (dir, list_args, &listed, NULL), ==, 0);
  g_assert_nonnull (strstr (listed, "\"country\" : \"wales\""));
  g_assert_null (strstr (listed, "\"country\" : \"england\""));

  store = rd_store_open (dir, &error);
  g_assert_no_error (error);
  g_clear_object (&back);
  back = rd_store_get_case (store, imported, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rd_case_get_country (back), ==, RD_COUNTRY_WALES);
  cases = rd_store_list_cases (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 2);
  fixture_store_close_temp (&store, &dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/wales/stage-one", test_stage_one);
  g_test_add_func ("/wales/stage-two", test_stage_two);
  g_test_add_func ("/wales/model-policy-start", test_model_policy_start);
  g_test_add_func ("/wales/no-awaab", test_no_awaab);
  g_test_add_func ("/wales/case-json", test_case_json);
  g_test_add_func ("/wales/store-and-cli", test_store_and_cli);
  return g_test_run ();
}
