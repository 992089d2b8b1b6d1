/* test-time-limit.c: the time to make a complaint, from when the resident became aware, warned of in What Next.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "rd-core.h"

static GDate *
day (const char *iso)
{
  GDate *d = rd_date_parse_iso (iso, NULL);

  g_assert_nonnull (d);
  return d;
}

static RdDeadlineReport *
judge (const char *aware,
       RdPolicy   *landlord,
       gboolean    complained,
       const char *today)
{
  g_autoptr(RdDeadlineInput) input = rd_deadline_input_new ();
  g_autoptr(GDate) a = day (aware);
  g_autoptr(GDate) t = day (today);

  rd_deadline_input_set_tenancy (input, RD_TENANCY_ASSURED);
  rd_deadline_input_set_aware (input, a);
  if (complained)
    rd_deadline_input_add_complaint_event (input, 1, 1, RD_COMPLAINT_EVENT_MADE, 1, t, NULL);
  return rd_deadlines_compute (input, landlord, t);
}

static const char *
find_note (RdDeadlineReport *report,
           const char       *part)
{
  for (guint i = 0; i < rd_deadline_report_get_n_notes (report); i++)
    if (strstr (rd_deadline_report_get_note (report, i), part) != NULL)
      return rd_deadline_report_get_note (report, i);
  return NULL;
}

/* The 2024 Code: 12 months from becoming aware. What Next starts to warn
 * 30 days before (not 31), still asks on the last day, and the day after
 * says plainly that the time has passed and the landlord may still accept
 * the complaint. */
static void
test_code_limit (void)
{
  g_autoptr(RdDeadlineReport) early = judge ("2025-01-10", NULL, FALSE, "2025-12-10");
  g_autoptr(RdDeadlineReport) warned = judge ("2025-01-10", NULL, FALSE, "2025-12-11");
  g_autoptr(RdDeadlineReport) last = judge ("2025-01-10", NULL, FALSE, "2026-01-10");
  g_autoptr(RdDeadlineReport) passed = judge ("2025-01-10", NULL, FALSE, "2026-01-11");
  g_autoptr(RdDeadlineReport) made = judge ("2025-01-10", NULL, TRUE, "2026-01-11");

  g_assert_null (find_note (early, "became aware"));
  g_assert_cmpstr (find_note (warned, "became aware"), ==,
                   "The Complaint Handling Code sets a time limit within which landlords must accept "
                   "complaints, counted from when you became aware of the problem, Friday 10 January 2025 "
                   "(time limit: 12 months): make your complaint by Saturday 10 January 2026.");
  g_assert_nonnull (find_note (last, "make your complaint by Saturday 10 January 2026"));
  g_assert_cmpstr (find_note (passed, "became aware"), ==,
                   "The usual time limit for making a complaint passed on Saturday 10 January 2026. It "
                   "counts from when you became aware of the problem, Friday 10 January 2025 (time limit: "
                   "12 months). Your landlord may still accept it, and should consider it if you had a "
                   "good reason for the delay: make the complaint and say why.");
  g_assert_null (find_note (made, "became aware"));
}

/* A landlord's own, shorter limit: it is the one to meet, and the Code's
 * longer one is named as what the landlord must still accept. */
static void
test_landlord_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdPolicy) six = rd_policy_new_from_data ("[Profile]\nKind=landlord\nName=Six months\n"
                                                     "ComplaintTimeLimit=6 months\n", &error);
  g_autoptr(RdDeadlineReport) before = NULL;
  g_autoptr(RdDeadlineReport) warned = NULL;
  g_autoptr(RdDeadlineReport) passed = NULL;

  g_assert_no_error (error);
  g_assert_true (rd_limit_is_set (rd_policy_get_complaint_time_limit (six)));
  before = judge ("2025-03-01", six, FALSE, "2025-08-01");
  warned = judge ("2025-03-01", six, FALSE, "2025-08-02");
  passed = judge ("2025-03-01", six, FALSE, "2025-09-02");

  g_assert_null (find_note (before, "became aware"));
  g_assert_cmpstr (find_note (warned, "Your landlord’s policy sets"), ==,
                   "Your landlord’s policy sets a time limit for complaints, counted from when you became "
                   "aware of the problem, Saturday 1 March 2025 (time limit: 6 months): make your complaint "
                   "by Monday 1 September 2025.");
  g_assert_cmpstr (find_note (warned, "shorter than the Complaint Handling Code"), ==,
                   "Your landlord’s limit is shorter than the Complaint Handling Code’s: the Code says "
                   "landlords must accept complaints made by Sunday 1 March 2026, counted from when you "
                   "became aware of the problem (time limit: 12 months).");
  g_assert_nonnull (find_note (passed, "passed on Monday 1 September 2025"));
}

/* A profile without the key, and a case in Wales, set no limit: no note. */
static void
test_no_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdPolicy) none = rd_policy_new_from_data ("[Profile]\nKind=landlord\nName=None\n", &error);
  g_autoptr(RdDeadlineInput) wales = rd_deadline_input_new ();
  g_autoptr(GDate) aware = day ("2024-01-10");
  g_autoptr(GDate) today = day ("2025-06-01");
  g_autoptr(RdDeadlineReport) w = NULL;
  g_autoptr(RdDeadlineReport) old_code = judge ("2023-01-10", NULL, FALSE, "2024-01-05");
  g_autoptr(RdDeadlineReport) with_none = judge ("2024-01-10", none, FALSE, "2025-06-01");

  g_assert_no_error (error);
  rd_deadline_input_set_country (wales, RD_COUNTRY_WALES);
  rd_deadline_input_set_aware (wales, aware);
  w = rd_deadlines_compute (wales, NULL, today);
  g_assert_null (find_note (w, "became aware"));
  /* Before 1 April 2024 the Code's version carries no time limit here. */
  g_assert_null (find_note (old_code, "became aware"));
  /* The landlord's profile sets none: the Code's applies. */
  g_assert_nonnull (find_note (with_none, "(time limit: 12 months). Your landlord may"));
}

/* The case records when the resident became aware; without it, the day
 * of the first diary entry is used. Case JSON carries it. */
static void
test_aware_from_case (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2025, 12, 20, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = day ("2025-12-20");
  static const char file[] =
    "{ \"format\": \"redress-case\", \"version\": 1, \"case\": { \"title\": \"Damp\" },\n"
    "  \"incidents\": [ { \"starts_at\": \"2025-02-03T10:00\", \"category\": \"disrepair\" },\n"
    "                   { \"starts_at\": \"2025-01-06T10:00\", \"category\": \"disrepair\" } ] }\n";
  g_autoptr(RdCaseFacts) facts = rd_case_json_parse (file, -1, now, &error);
  g_autoptr(RdDeadlineReport) first_entry = NULL;
  g_autoptr(RdDeadlineReport) recorded = NULL;
  g_autoptr(RdCaseFacts) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDate) aware = day ("2025-02-01");

  g_assert_no_error (error);
  g_assert_null (rd_case_get_aware_on (rd_case_facts_get_case (facts)));
  first_entry = rd_case_facts_compute_deadlines (facts, NULL, today);
  g_assert_nonnull (find_note (first_entry, "Monday 6 January 2025 (time limit: 12 months): make your complaint by Tuesday 6 January 2026"));

  rd_case_set_aware_on (rd_case_facts_get_case (facts), aware);
  recorded = rd_case_facts_compute_deadlines (facts, NULL, today);
  g_assert_null (find_note (recorded, "became aware"));

  node = rd_case_json_from_facts (facts);
  text = json_to_string (node, TRUE);
  g_assert_nonnull (strstr (text, "\"aware_on\" : \"2025-02-01\""));
  back = rd_case_json_parse (text, -1, now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_compare (rd_case_get_aware_on (rd_case_facts_get_case (back)), aware), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/time-limit/code", test_code_limit);
  g_test_add_func ("/time-limit/landlord", test_landlord_limit);
  g_test_add_func ("/time-limit/none", test_no_limit);
  g_test_add_func ("/time-limit/aware-from-case", test_aware_from_case);
  return g_test_run ();
}
