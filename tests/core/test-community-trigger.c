/* test-community-trigger.c: which reports an ASB Case Review counts, against the council's threshold.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "rd-core.h"
#include "rd-community-trigger.h"
#include "store-fixtures.h"

static const RdAsbReviewThreshold usual = { RD_ASB_REVIEW_DEFAULT_REPORTS, FALSE };

static GDate *
day (const char *iso)
{
  GDate *d = rd_date_parse_iso (iso, NULL);

  g_assert_nonnull (d);
  return d;
}

/* A diary entry: @police, @council and @landlord are the days it was
 * reported there (NULL: not reported there); @text names it. */
static RdIncident *
entry (GPtrArray  *diary,
       const char *when,
       RdCategory  category,
       const char *police,
       const char *council,
       const char *landlord,
       gboolean    hate,
       const char *text)
{
  g_autoptr(GDateTime) at = rd_datetime_parse_local (when, NULL);
  RdIncident *incident = rd_incident_new ();
  RdReportedTo to = RD_REPORTED_NONE;
  g_autofree char *key = NULL;
  RdAsbReport report;

  g_assert_nonnull (at);
  rd_asb_report_init (&report);
  if (police != NULL)
    {
      g_autoptr(GDate) d = day (police);
      report.police = *d;
      to |= RD_REPORTED_POLICE;
    }
  if (council != NULL)
    {
      g_autoptr(GDate) d = day (council);
      report.council = *d;
      to |= RD_REPORTED_COUNCIL;
    }
  if (landlord != NULL)
    {
      g_autoptr(GDate) d = day (landlord);
      rd_incident_set_landlord_reported_on (incident, d);
      to |= RD_REPORTED_LANDLORD;
    }
  report.hate = hate;
  key = rd_asb_report_to_key (&report);
  rd_incident_set_starts_at (incident, at);
  rd_incident_set_category (incident, category);
  rd_incident_set_reported_to (incident, to);
  rd_incident_set_asb_report (incident, key);
  rd_incident_set_description (incident, text);
  g_ptr_array_add (diary, incident);
  return incident;
}

static RdCommunityTrigger *
check (GPtrArray                  *diary,
       const RdAsbReviewThreshold *threshold,
       const char                 *today)
{
  g_autoptr(GDate) t = day (today);

  return rd_community_trigger_check (diary, threshold, t);
}

static const char *
text_of (GPtrArray *reports,
         guint      i)
{
  g_assert_cmpuint (i, <, reports->len);
  return rd_incident_get_description (((RdAsbReviewReport *) g_ptr_array_index (reports, i))->incident);
}

static RdAsbReviewStatus
status_of (GPtrArray *reports,
           guint      i)
{
  g_assert_cmpuint (i, <, reports->len);
  return ((RdAsbReviewReport *) g_ptr_array_index (reports, i))->status;
}

/* Entries not reported to the council, the police or the landlord, and
 * disrepair, are not reports of anti-social behaviour; three reports
 * within six months meet the usual threshold. */
static void
test_threshold (void)
{
  g_autoptr(GPtrArray) diary = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RdCommunityTrigger) two = NULL;
  g_autoptr(RdCommunityTrigger) three = NULL;
  RdIncident *told_a_friend;

  entry (diary, "2024-03-10T22:00", RD_CATEGORY_NOISE, "2024-03-10", NULL, NULL, FALSE, "A");
  entry (diary, "2024-04-01T22:00", RD_CATEGORY_NOISE, NULL, NULL, NULL, FALSE, "unreported");
  entry (diary, "2024-04-20T09:00", RD_CATEGORY_DISREPAIR, NULL, NULL, "2024-04-20", FALSE, "leak");
  told_a_friend = entry (diary, "2024-05-01T23:00", RD_CATEGORY_HARASSMENT, NULL, NULL, NULL, FALSE, "friend");
  rd_incident_set_reported_to (told_a_friend, RD_REPORTED_OTHER);
  entry (diary, "2024-06-02T20:00", RD_CATEGORY_HARASSMENT, NULL, NULL, "2024-06-03", FALSE, "B");
  two = check (diary, &usual, "2024-07-09");
  g_assert_false (two->met);
  g_assert_cmpuint (two->counted->len, ==, 2);
  g_assert_cmpuint (two->excluded->len, ==, 0);

  entry (diary, "2024-07-09T21:30", RD_CATEGORY_DAMAGE, NULL, "2024-07-09", NULL, FALSE, "C");
  three = check (diary, &usual, "2024-07-09");
  g_assert_true (three->met);
  g_assert_false (three->met_by_hate);
  g_assert_cmpuint (three->counted->len, ==, 3);
  g_assert_cmpstr (text_of (three->counted, 0), ==, "A");
  g_assert_cmpstr (text_of (three->counted, 1), ==, "B");
  g_assert_cmpstr (text_of (three->counted, 2), ==, "C");
}

/* Each report counts only if it was made within one month of the
 * behaviour: a month to the day is in time, a day more is late, and the
 * late one is listed with the reason. A report to a second body in time
 * makes the entry count, dated by that report. */
static void
test_one_month (void)
{
  g_autoptr(GPtrArray) diary = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RdCommunityTrigger) review = NULL;
  g_autofree char *late = NULL;
  g_autofree char *summary = NULL;

  entry (diary, "2025-01-15T20:00", RD_CATEGORY_NOISE, NULL, NULL, "2025-02-15", FALSE, "day of");
  entry (diary, "2025-01-20T20:00", RD_CATEGORY_NOISE, NULL, NULL, "2025-02-21", FALSE, "day after");
  entry (diary, "2025-01-31T20:00", RD_CATEGORY_NOISE, "2025-03-05", NULL, "2025-02-28", FALSE, "end of month");
  review = check (diary, &usual, "2025-04-01");

  g_assert_cmpuint (review->counted->len, ==, 2);
  g_assert_cmpstr (text_of (review->counted, 0), ==, "day of");
  g_assert_cmpstr (text_of (review->counted, 1), ==, "end of month");
  g_assert_cmpint (g_date_get_day (&((RdAsbReviewReport *) g_ptr_array_index (review->counted, 1))->reported),
                   ==, 28);
  g_assert_cmpuint (review->excluded->len, ==, 1);
  g_assert_cmpstr (text_of (review->excluded, 0), ==, "day after");
  g_assert_cmpint (status_of (review->excluded, 0), ==, RD_ASB_REVIEW_LATE);
  g_assert_false (review->met);

  late = rd_community_trigger_dup_entry (g_ptr_array_index (review->excluded, 0));
  g_assert_cmpstr (late, ==, "Reported on Friday 21 February 2025 to: Landlord. Noise on Monday 20 January "
                             "2025 at 20:00. Not counted: it was reported more than one month after the "
                             "behaviour.");
  summary = rd_community_trigger_dup_summary (review);
  g_assert_true (g_str_has_prefix (summary, "ASB Case Review: my reports of anti-social behaviour\n\n"
                                            "2 reports in your diary count towards an ASB Case Review"));
  g_assert_nonnull (strstr (summary, "on or after Tuesday 1 October 2024."));
  g_assert_nonnull (strstr (summary, "That does not meet the threshold yet. 1 report does not count"));
  g_assert_nonnull (strstr (summary, "\n\nReports that count:\n1. Reported on Saturday 15 February 2025 "
                                     "to: Landlord. Noise on Wednesday 15 January 2025 at 20:00.\n2. "));
  g_assert_nonnull (strstr (summary, "\n\nReports that do not count:\n1. Reported on Friday 21 February"));
}

/* The application must come within six months of the reports: a report
 * six months to the day before it counts, a day earlier does not. The
 * report's day decides, not the behaviour's: behaviour from before the
 * six months, reported within them and within a month, counts. */
static void
test_six_months (void)
{
  g_autoptr(GPtrArray) diary = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RdCommunityTrigger) review = NULL;
  g_autofree char *old = NULL;

  entry (diary, "2025-01-25T20:00", RD_CATEGORY_NOISE, "2025-01-31", NULL, NULL, FALSE, "day before");
  entry (diary, "2025-01-26T20:00", RD_CATEGORY_NOISE, "2025-02-01", NULL, NULL, FALSE, "day of");
  entry (diary, "2025-01-20T20:00", RD_CATEGORY_VIOLENCE, NULL, "2025-02-10", NULL, FALSE, "reported later");
  entry (diary, "2025-07-30T20:00", RD_CATEGORY_HARASSMENT, "2025-07-30", NULL, NULL, FALSE, "recent");
  review = check (diary, &usual, "2025-08-01");

  g_assert_cmpint (g_date_get_day (&review->window_start), ==, 1);
  g_assert_cmpint (g_date_get_month (&review->window_start), ==, 2);
  g_assert_cmpuint (review->counted->len, ==, 3);
  g_assert_cmpstr (text_of (review->counted, 0), ==, "day of");
  g_assert_cmpstr (text_of (review->counted, 1), ==, "reported later");
  g_assert_cmpstr (text_of (review->counted, 2), ==, "recent");
  g_assert_true (review->met);
  g_assert_cmpuint (review->excluded->len, ==, 1);
  g_assert_cmpstr (text_of (review->excluded, 0), ==, "day before");
  g_assert_cmpint (status_of (review->excluded, 0), ==, RD_ASB_REVIEW_OLD);
  old = rd_community_trigger_dup_entry (g_ptr_array_index (review->excluded, 0));
  g_assert_nonnull (strstr (old, "Not counted: it was reported more than six months before today."));
}

/* The council's own threshold: five reports, or one hate incident where
 * it says so. A hate incident under a council that has no such rule is
 * one report like the others. */
static void
test_council_threshold (void)
{
  g_autoptr(GPtrArray) diary = g_ptr_array_new_with_free_func (g_object_unref);
  const RdAsbReviewThreshold five = { 5, FALSE };
  const RdAsbReviewThreshold five_or_hate = { 5, TRUE };
  g_autoptr(RdCommunityTrigger) by_five = NULL;
  g_autoptr(RdCommunityTrigger) by_hate = NULL;
  g_autoptr(RdCommunityTrigger) no_hate = NULL;
  g_autoptr(RdCommunityTrigger) one_hate = NULL;
  g_autoptr(GPtrArray) alone = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *explanation = NULL;
  g_autofree char *hate_entry = NULL;

  entry (diary, "2025-03-01T20:00", RD_CATEGORY_NOISE, "2025-03-01", NULL, NULL, FALSE, "1");
  entry (diary, "2025-03-08T20:00", RD_CATEGORY_NOISE, "2025-03-08", NULL, NULL, FALSE, "2");
  entry (diary, "2025-03-15T20:00", RD_CATEGORY_NOISE, "2025-03-15", NULL, NULL, FALSE, "3");
  entry (diary, "2025-03-22T20:00", RD_CATEGORY_NOISE, "2025-03-22", NULL, NULL, FALSE, "4");
  by_five = check (diary, &five, "2025-04-01");
  g_assert_false (by_five->met);
  explanation = rd_community_trigger_dup_explanation (by_five);
  g_assert_nonnull (strstr (explanation, "Your council’s threshold is 5 reports within six months. That does "
                                         "not meet the threshold yet."));

  entry (alone, "2025-03-29T20:00", RD_CATEGORY_HARASSMENT, NULL, "2025-03-30", NULL, TRUE, "hate");
  no_hate = check (alone, &usual, "2025-04-01");
  g_assert_false (no_hate->met);
  one_hate = check (alone, &five_or_hate, "2025-04-01");
  g_assert_true (one_hate->met);
  g_assert_true (one_hate->met_by_hate);
  hate_entry = rd_community_trigger_dup_entry (g_ptr_array_index (one_hate->counted, 0));
  g_assert_nonnull (strstr (hate_entry, "A hate incident."));

  g_ptr_array_add (diary, g_object_ref (g_ptr_array_index (alone, 0)));
  by_hate = check (diary, &five_or_hate, "2025-04-01");
  g_assert_true (by_hate->met);
  g_assert_cmpuint (by_hate->counted->len, ==, 5);
  g_assert_false (by_hate->met_by_hate);
}

/* A body ticked without a day of report: the day it happened is used,
 * and the entry says so; the reference goes with it. */
static void
test_undated (void)
{
  g_autoptr(GPtrArray) diary = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RdCommunityTrigger) review = NULL;
  g_autofree char *text = NULL;
  RdIncident *incident;

  incident = entry (diary, "2025-03-01T23:10", RD_CATEGORY_NOISE, NULL, NULL, NULL, FALSE, "ticked");
  rd_incident_set_reported_to (incident, RD_REPORTED_POLICE);
  rd_incident_set_reference (incident, "CAD 4471");
  review = check (diary, &usual, "2025-04-01");
  g_assert_cmpuint (review->counted->len, ==, 1);
  text = rd_community_trigger_dup_entry (g_ptr_array_index (review->counted, 0));
  g_assert_cmpstr (text, ==, "Reported on Saturday 1 March 2025 to: Police (ref. CAD 4471). Noise on Saturday "
                             "1 March 2025 at 23:10. The diary does not say when it was reported, so the "
                             "day it happened is used.");
}

/* Case JSON carries the report days, the hate flag and the threshold;
 * a file without them has none and the usual threshold. */
static void
test_case_json (void)
{
  static const char file[] =
    "{ \"format\": \"redress-case\", \"version\": 1,\n"
    "  \"case\": { \"title\": \"Flat 6\", \"asb_review_reports\": 5,\n"
    "            \"asb_review_one_hate_incident\": true },\n"
    "  \"incidents\": [ { \"starts_at\": \"2025-03-01T23:10\", \"category\": \"harassment\",\n"
    "    \"reported_to\": [\"police\"], \"police_reported_on\": \"2025-03-02\",\n"
    "    \"council_reported_on\": \"2025-03-04\", \"hate_incident\": true } ] }\n";
  static const char old_file[] =
    "{ \"format\": \"redress-case\", \"version\": 1, \"case\": { \"title\": \"Old\" },\n"
    "  \"incidents\": [ { \"starts_at\": \"2025-03-01T23:10\", \"category\": \"noise\" } ] }\n";
  g_autoptr(GDateTime) now = g_date_time_new_utc (2025, 4, 1, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCaseFacts) facts = rd_case_json_parse (file, -1, now, &error);
  g_autoptr(RdCaseFacts) back = NULL;
  g_autoptr(RdCaseFacts) old = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  RdIncident *incident;

  g_assert_no_error (error);
  g_assert_cmpuint (rd_case_get_asb_review_reports (rd_case_facts_get_case (facts)), ==, 5);
  g_assert_true (rd_case_get_asb_review_hate (rd_case_facts_get_case (facts)));
  incident = g_ptr_array_index (rd_case_facts_get_incidents (facts), 0);
  g_assert_cmpstr (rd_incident_get_asb_report (incident), ==, "police=2025-03-02;council=2025-03-04;hate");

  node = rd_case_json_from_facts (facts);
  text = json_to_string (node, TRUE);
  back = rd_case_json_parse (text, -1, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rd_case_get_asb_review_reports (rd_case_facts_get_case (back)), ==, 5);
  g_assert_true (rd_case_get_asb_review_hate (rd_case_facts_get_case (back)));
  g_assert_cmpstr (rd_incident_get_asb_report (g_ptr_array_index (rd_case_facts_get_incidents (back), 0)), ==,
                   "police=2025-03-02;council=2025-03-04;hate");

  old = rd_case_json_parse (old_file, -1, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rd_case_get_asb_review_reports (rd_case_facts_get_case (old)), ==, 3);
  g_assert_false (rd_case_get_asb_review_hate (rd_case_facts_get_case (old)));
  g_assert_cmpstr (rd_incident_get_asb_report (g_ptr_array_index (rd_case_facts_get_incidents (old), 0)), ==, "");
}

/* redress-cli asb-review: the summary as text, and the same as JSON, for
 * a case kept in the store with its council's threshold. */
static void
test_cli (void)
{
  static const char file[] =
    "{ \"format\": \"redress-case\", \"version\": 1,\n"
    "  \"case\": { \"title\": \"Flat 6\", \"asb_review_reports\": 2 },\n"
    "  \"incidents\": [\n"
    "    { \"starts_at\": \"2025-03-01T23:10\", \"category\": \"noise\", \"reference\": \"CAD 4471\",\n"
    "      \"reported_to\": [\"police\"], \"police_reported_on\": \"2025-03-02\" },\n"
    "    { \"starts_at\": \"2025-03-05T20:00\", \"category\": \"damage\",\n"
    "      \"reported_to\": [\"landlord\"], \"landlord_reported_on\": \"2025-03-06\" },\n"
    "    { \"starts_at\": \"2025-01-05T20:00\", \"category\": \"noise\",\n"
    "      \"council_reported_on\": \"2025-03-01\" } ] }\n";
  g_autofree char *dir = NULL;
  g_autoptr(RdStore) store = fixture_store_open_temp ("redress-asb-review-XXXXXX", &dir);
  g_autoptr(GDateTime) now = g_date_time_new_local (2025, 4, 1, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *id = NULL;
  g_autofree char *out = NULL;
  g_autofree char *json = NULL;
  JsonObject *root;
  gint64 case_id;

  rd_clock_set_fixed (rd_store_get_clock (store), now);
  case_id = rd_case_json_import (store, file, -1, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);

  {
    const char *args[] = { "asb-review", id, "--today", "2025-04-01", NULL };
    g_assert_cmpint (fixture_run_cli (dir, args, &out, NULL), ==, 0);
  }
  g_assert_true (g_str_has_prefix (out, "ASB Case Review: my reports of anti-social behaviour\n"));
  g_assert_nonnull (strstr (out, "Your council’s threshold is 2 reports within six months. That meets"));
  g_assert_nonnull (strstr (out, "1. Reported on Sunday 2 March 2025 to: Police (ref. CAD 4471). Noise on "
                                 "Saturday 1 March 2025 at 23:10."));
  g_assert_nonnull (strstr (out, "Reports that do not count:\n1. Reported on Saturday 1 March 2025 to: Council. "
                                 "Noise on Sunday 5 January 2025 at 20:00. Not counted: it was reported more "
                                 "than one month after the behaviour."));

  {
    const char *args[] = { "asb-review", id, "--today=2025-04-01", "--json", NULL };
    g_assert_cmpint (fixture_run_cli (dir, args, &json, NULL), ==, 0);
  }
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_boolean_member (root, "met"));
  g_assert_cmpint (json_object_get_int_member (root, "threshold_reports"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (root, "counts_from"), ==, "2024-10-01");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "counted")), ==, 2);
  {
    JsonArray *late = json_object_get_array_member (root, "not_counted");
    JsonObject *first;

    g_assert_cmpuint (json_array_get_length (late), ==, 1);
    first = json_array_get_object_element (late, 0);
    g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "late");
    g_assert_cmpstr (json_object_get_string_member (first, "reported_on"), ==, "2025-03-01");
    g_assert_cmpstr (json_object_get_string_member (first, "reported_to"), ==, "council");
  }
  g_assert_true (g_str_has_prefix (json_object_get_string_member (root, "summary"), "ASB Case Review:"));
  fixture_store_close_temp (&store, &dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/community-trigger/threshold", test_threshold);
  g_test_add_func ("/community-trigger/one-month", test_one_month);
  g_test_add_func ("/community-trigger/six-months", test_six_months);
  g_test_add_func ("/community-trigger/council-threshold", test_council_threshold);
  g_test_add_func ("/community-trigger/undated", test_undated);
  g_test_add_func ("/community-trigger/case-json", test_case_json);
  g_test_add_func ("/community-trigger/cli", test_cli);
  return g_test_run ();
}
