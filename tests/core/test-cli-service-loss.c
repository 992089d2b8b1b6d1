/* test-cli-service-loss.c: days without heating, hot water or power, recorded and shown with redress-cli.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "evidence-fixtures.h"
#include "store-fixtures.h"

/* A disrepair entry (the first, id 1) and a noise entry (id 2). */
static const char case_json[] =
  "{ \"format\": \"redress-case\", \"version\": 1,\n"
  "  \"case\": { \"title\": \"Boiler\", \"landlord_name\": \"Northway Homes\" },\n"
  "  \"incidents\": [ { \"starts_at\": \"2025-11-03T08:00\", \"category\": \"disrepair\",\n"
  "                     \"description\": \"The boiler has failed\" },\n"
  "                   { \"starts_at\": \"2025-11-04T22:30\", \"category\": \"noise\",\n"
  "                     \"description\": \"Music\" } ] }\n";

/* Recorded, shown (text and JSON), kept in the store as the diary editor
 * keeps it, changed and cleared; what cannot be recorded is refused with
 * its reason and leaves the entry as it was. */
static void
test_record_and_show (void)
{
  g_autofree char *top = g_dir_make_tmp ("redress-cli-loss-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (top, "data", NULL);
  g_autofree char *file = g_build_filename (top, "case.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(FixtureRun) run = { 0 };
  JsonObject *object;

  g_assert_true (g_file_set_contents (file, case_json, -1, NULL));
  fixture_run (&run, dir, "import", file, NULL);
  g_assert_cmpint (run.status, ==, 0);

  fixture_run (&run, dir, "service-loss", "1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "none\n");

  /* 3 to 9 November: 7 days without heating and hot water */
  fixture_run (&run, dir, "service-loss", "1", "heating,hot-water", "2025-11-03", "2025-11-09", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "heating,hot-water\t2025-11-03\t2025-11-09\t7\n");

  fixture_run (&run, dir, "--json", "service-loss", "1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (object, "entry_id"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "services_lost")), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (object, "services_lost_from"), ==, "2025-11-03");
  g_assert_cmpstr (json_object_get_string_member (object, "services_lost_until"), ==, "2025-11-09");
  g_assert_cmpint (json_object_get_int_member (object, "days"), ==, 7);

  /* In the store, in the form the diary editor writes */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RdStore) store = rd_store_open (dir, &error);
    g_autoptr(RdIncident) entry = NULL;

    g_assert_no_error (error);
    entry = rd_store_get_incident (store, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (rd_incident_get_service_loss (entry), ==,
                     "heating;hot-water;from=2025-11-03;until=2025-11-09");
  }

  /* Refused, each with its reason, and nothing changed */
  fixture_run (&run, dir, "service-loss", "1", "gas", "2025-11-03", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "“gas” is not one of: heating, hot-water, power, none."));
  fixture_run (&run, dir, "service-loss", "1", "power", "2025-12-02", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "cannot be in the future"));
  fixture_run (&run, dir, "service-loss", "1", "power", "2025-11-09", "2025-11-03", NULL);
  g_assert_cmpint (run.status, ==, 2);
  fixture_run (&run, dir, "service-loss", "1", "power", "3 November", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "is not a date"));
  fixture_run (&run, dir, "service-loss", "2", "power", "2025-11-03", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "only for disrepair and other entries"));
  fixture_run (&run, dir, "service-loss", "1", NULL);
  g_assert_cmpstr (run.out, ==, "heating,hot-water\t2025-11-03\t2025-11-09\t7\n");

  /* Power, still off: no last day, counted to today (5 November to 1 December) */
  fixture_run (&run, dir, "service-loss", "1", "power", "2025-11-05", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "power\t2025-11-05\t-\t27\n");

  fixture_run (&run, dir, "service-loss", "1", "none", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "none\n");

  fixture_run (&run, dir, "service-loss", "x", NULL);
  g_assert_cmpint (run.status, ==, 2);
  fixture_remove_tree (top);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* redress-cli's today, fixed: Monday 1 December 2025 */
  g_setenv ("REDRESS_TODAY", "2025-12-01", TRUE);

  g_test_add_func ("/cli-service-loss/record-and-show", test_record_and_show);
  return g_test_run ();
}
