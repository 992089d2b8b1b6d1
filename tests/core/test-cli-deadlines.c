/* test-cli-deadlines.c: redress-cli deadlines on an imported case, run as a program.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "evidence-fixtures.h"
#include "store-fixtures.h"

/* Complaint made Friday 1 November 2024, acknowledged Monday 4, answered
 * Wednesday 20: the example, 2 working days late. */
static const char case_json[] =
  "{ \"format\": \"redress-case\", \"version\": 1,\n"
  "  \"case\": { \"title\": \"Noise from Flat 6\" },\n"
  "  \"complaints\": [ { \"reference\": \"NH-1\", \"events\": [\n"
  "    { \"kind\": \"made\", \"date\": \"2024-11-01\" },\n"
  "    { \"kind\": \"acknowledged\", \"date\": \"2024-11-04\" },\n"
  "    { \"kind\": \"response\", \"date\": \"2024-11-20\" } ] } ] }\n";

static void
test_deadlines (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-cli-deadlines-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "case.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(FixtureRun) import = { 0 };
  g_auto(FixtureRun) text = { 0 };
  g_auto(FixtureRun) json = { 0 };
  JsonObject *root;
  JsonArray *deadlines;
  gboolean found = FALSE;

  g_assert_true (g_file_set_contents (file, case_json, -1, &error));
  fixture_run (&import, dir, "import", file, NULL);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_cmpstr (import.out, ==, "1\n");

  fixture_run (&text, dir, "deadlines", "1", "--today", "2024-12-02", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out,
                            "MISSED\t2024-11-18\tStage 1 response\n"
                            "\tThe stage 1 response was due by Monday 18 November 2024, counted "
                            "from the acknowledgement on Monday 4 November 2024 (time limit: 10 "
                            "working days). It arrived on Wednesday 20 November 2024, 2 working "
                            "days late.\n"));
  g_assert_nonnull (strstr (text.out, "MET\t2024-11-08\tStage 1 acknowledgement\n"));
  g_assert_nonnull (strstr (text.out, "day 1 is the first working day after"));

  fixture_run (&json, dir, "deadlines", "1", "--today=2024-12-02", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "today"), ==, "2024-12-02");
  deadlines = json_object_get_array_member (root, "deadlines");
  for (guint i = 0; i < json_array_get_length (deadlines); i++)
    {
      JsonObject *d = json_array_get_object_element (deadlines, i);

      if (!g_str_equal (json_object_get_string_member (d, "kind"), "response"))
        continue;
      found = TRUE;
      g_assert_cmpstr (json_object_get_string_member (d, "status"), ==, "missed");
      g_assert_cmpstr (json_object_get_string_member (d, "due"), ==, "2024-11-18");
      g_assert_cmpstr (json_object_get_string_member (d, "done"), ==, "2024-11-20");
      g_assert_cmpint (json_object_get_int_member (d, "working_days_late"), ==, 2);
      g_assert_cmpstr (json_object_get_string_member (d, "on"), ==, "landlord");
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (d, "sources")), ==, 3);
    }
  g_assert_true (found);

  /* Bad input: exit status 2 and one line; a case that is not there: 1. */
  {
    const char *bad[][3] = {
      { "deadlines", "one", NULL },
      { "deadlines", "1", "--today=2024-02-30" },
      { "deadlines", "1", "--today=tomorrow" },
      { "deadlines", NULL, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_auto(FixtureRun) run = { 0 };

        fixture_run (&run, dir, bad[i][0], bad[i][1], bad[i][2], NULL);
        g_assert_cmpint (run.status, ==, 2);
        g_assert_cmpstr (run.out, ==, "");
        g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);
      }
  }
  {
    g_auto(FixtureRun) run = { 0 };

    fixture_run (&run, dir, "deadlines", "42", "--today", "2024-12-02", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "42"));
  }

  fixture_remove_tree (dir);
}

/* A damp and mould report with the landlord's steps, through the CLI: the
 * steps come back from "incidents --json" and meet (or miss) their deadlines. */
static void
test_repair_steps (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-cli-steps-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "case.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(FixtureRun) import = { 0 };
  g_auto(FixtureRun) text = { 0 };
  g_auto(FixtureRun) list = { 0 };
  JsonObject *steps;

  g_assert_true (g_file_set_contents (file,
    "{ \"format\": \"redress-case\", \"version\": 1,\n"
    "  \"case\": { \"title\": \"Mould\", \"tenancy_type\": \"secure\" },\n"
    "  \"incidents\": [ { \"starts_at\": \"2025-11-01T08:00\", \"category\": \"disrepair\",\n"
    "    \"description\": \"Black mould in the bedroom\", \"landlord_reported_on\": \"2025-11-04\",\n"
    "    \"hazard\": \"significant-damp-mould\",\n"
    "    \"landlord_steps\": { \"investigated\": \"2025-11-17\", \"summary\": \"2025-11-24\" } } ] }\n",
    -1, &error));
  fixture_run (&import, dir, "import", file, NULL);
  g_assert_cmpint (import.status, ==, 0);

  fixture_run (&text, dir, "deadlines", "1", "--today", "2025-12-01", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "MET\t2025-11-18\tThe investigation of the damp and mould hazard\n"));
  g_assert_nonnull (strstr (text.out, "MISSED\t2025-11-20\tThe written summary of the investigation\n"));
  g_assert_nonnull (strstr (text.out, "MISSED\t2025-11-24\tThe safety work\n"));

  fixture_run (&list, dir, "incidents", "1", "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, list.out, -1, &error));
  g_assert_no_error (error);
  steps = json_object_get_object_member (
    json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0),
    "landlord_steps");
  g_assert_cmpstr (json_object_get_string_member (steps, "investigated"), ==, "2025-11-17");
  g_assert_cmpstr (json_object_get_string_member (steps, "summary"), ==, "2025-11-24");
  g_assert_false (json_object_has_member (steps, "repaired"));

  fixture_remove_tree (dir);
}

/* A case with nothing that starts a clock says so, rather than print nothing. */
static void
test_no_deadlines (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-cli-quiet-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "case.json", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(FixtureRun) import = { 0 };
  g_auto(FixtureRun) run = { 0 };

  g_assert_true (g_file_set_contents (file, "{ \"format\": \"redress-case\", \"version\": 1,"
                                            "  \"case\": { \"title\": \"Quiet so far\" } }", -1, &error));
  fixture_run (&import, dir, "import", file, NULL);
  g_assert_cmpint (import.status, ==, 0);
  fixture_run (&run, dir, "deadlines", "1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "No deadlines"));
  g_assert_cmpstr (run.err, ==, "");
  fixture_remove_tree (dir);
}

/* A mistyped --data-dir: the reading commands say there is no case file
 * there, and leave no empty one (nor the folder) behind. */
static void
test_no_case_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-cli-nothing-XXXXXX", NULL);
  g_autofree char *typo = g_build_filename (dir, "redres", NULL);
  const char *commands[][3] = {
    { "cases", NULL, NULL },
    { "incidents", "1", NULL },
    { "deadlines", "1", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(FixtureRun) run = { 0 };

      fixture_run (&run, typo, commands[i][0], commands[i][1], commands[i][2], NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, typo));
      g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);
      g_assert_false (g_file_test (typo, G_FILE_TEST_EXISTS));
    }

  /* An empty folder that exists is no different. */
  g_assert_cmpint (g_mkdir (typo, 0700), ==, 0);
  {
    g_auto(FixtureRun) run = { 0 };
    g_autofree char *db = g_build_filename (typo, "redress.db", NULL);

    fixture_run (&run, typo, "cases", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  }
  fixture_remove_tree (dir);
}

/* The commands that judge one case on one day read their arguments, open
 * the case file and say what went wrong in one way; their usage line is
 * made from the same option table as their --help. */
static void
test_case_day_commands (void)
{
  static const char * const commands[] = { "deadlines", "asb-review", "remedies" };
  g_autofree char *dir = g_dir_make_tmp ("redress-cli-case-day-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "case.json", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(FixtureRun) import = { 0 };

  g_assert_true (g_file_set_contents (file, case_json, -1, &error));
  fixture_run (&import, dir, "import", file, NULL);
  g_assert_cmpint (import.status, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("redress-cli: Usage: redress-cli %s CASE_ID "
                                                "[--today YYYY-MM-DD] [--json]\n", commands[i]);
      g_auto(FixtureRun) bare = { 0 };
      g_auto(FixtureRun) two = { 0 };
      g_auto(FixtureRun) word = { 0 };
      g_auto(FixtureRun) bad_day = { 0 };
      g_auto(FixtureRun) missing = { 0 };
      g_auto(FixtureRun) found = { 0 };

      fixture_run (&bare, dir, commands[i], NULL);
      g_assert_cmpint (bare.status, ==, 2);
      g_assert_cmpstr (bare.err, ==, usage);
      fixture_run (&two, dir, commands[i], "1", "2", NULL);
      g_assert_cmpint (two.status, ==, 2);
      g_assert_cmpstr (two.err, ==, usage);
      fixture_run (&word, dir, commands[i], "one", NULL);
      g_assert_cmpint (word.status, ==, 2);
      g_assert_cmpstr (word.err, ==, "redress-cli: “one” is not a case number.\n");
      fixture_run (&bad_day, dir, commands[i], "1", "--today", "2024-13-01", NULL);
      g_assert_cmpint (bad_day.status, ==, 2);
      g_assert_true (g_str_has_prefix (bad_day.err, "redress-cli: "));
      g_assert_cmpstr (bad_day.out, ==, "");
      fixture_run (&missing, dir, commands[i], "99", "--today", "2024-12-02", NULL);
      g_assert_cmpint (missing.status, ==, 1);
      g_assert_true (g_str_has_prefix (missing.err, "redress-cli: "));
      g_assert_cmpstr (missing.out, ==, "");
      fixture_run (&found, dir, commands[i], "1", "--today", "2024-12-02", NULL);
      g_assert_cmpint (found.status, ==, 0);
      g_assert_cmpstr (found.err, ==, "");
      g_assert_cmpstr (found.out, !=, "");
    }
  fixture_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/deadlines", test_deadlines);
  g_test_add_func ("/cli/no-case-file", test_no_case_file);
  g_test_add_func ("/cli/case-day-commands", test_case_day_commands);
  g_test_add_func ("/cli/no-deadlines", test_no_deadlines);
  g_test_add_func ("/cli/repair-steps", test_repair_steps);

  return g_test_run ();
}
