/* test-service-loss.c: days without heating, hot water or power, from the
 * diary entry to the store, case JSON and the remedies, with fixed dates.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sqlite3.h>

#include "rd-core.h"
#include "store-fixtures.h"

static GDate *
day (const char *iso)
{
  GDate *d = rd_date_parse_iso (iso, NULL);

  g_assert_nonnull (d);
  return d;
}

static char *
loss_key (const char *services,
          const char *from,
          const char *until)
{
  GString *key = g_string_new (services);

  g_string_append_printf (key, ";from=%s", from);
  if (until != NULL)
    g_string_append_printf (key, ";until=%s", until);
  return g_string_free (key, FALSE);
}

/* The storage form reads back as written, and wrong ones are refused. */
static void
test_keys (void)
{
  RdServiceLoss loss;
  g_autofree char *key = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = day ("2025-11-20");

  g_assert_true (rd_service_loss_from_key ("", &loss, NULL));
  g_assert_true (rd_service_loss_is_empty (&loss));
  g_assert_true (rd_service_loss_from_key ("hot-water;heating;from=2025-11-03;until=2025-11-07",
                                           &loss, NULL));
  g_assert_true (loss.lost[RD_SERVICE_HEATING]);
  g_assert_true (loss.lost[RD_SERVICE_HOT_WATER]);
  g_assert_false (loss.lost[RD_SERVICE_POWER]);
  /* Monday to Friday, both days counted */
  g_assert_cmpuint (rd_service_loss_count_days (&loss, today), ==, 5);
  key = rd_service_loss_to_key (&loss);
  g_assert_cmpstr (key, ==, "heating;hot-water;from=2025-11-03;until=2025-11-07");

  /* Still going on: up to today */
  g_assert_true (rd_service_loss_from_key ("power;from=2025-11-18", &loss, NULL));
  g_assert_cmpuint (rd_service_loss_count_days (&loss, today), ==, 3);

  g_assert_false (rd_service_loss_from_key ("gas;from=2025-11-18", &loss, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  /* No first day, or back before it was lost */
  g_assert_false (rd_service_loss_from_key ("heating", &loss, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (rd_service_loss_from_key ("heating;from=2025-11-18;until=2025-11-17", &loss,
                                            &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_true (rd_service_loss_is_empty (&loss));
}

/* A diary of disrepair with three losses, judged on @today. */
static RdCaseFacts *
facts_with_losses (void)
{
  g_autoptr(RdCase) rcase = rd_case_new ();
  RdCaseFacts *facts;
  const struct { const char *what; RdCategory category; const char *loss; } entries[] = {
    /* Monday 3 to Friday 7 November: heating and hot water */
    { "Boiler broke down", RD_CATEGORY_DISREPAIR, "heating;hot-water;from=2025-11-03;until=2025-11-07" },
    /* The same breakdown recorded again, Thursday 6 to Monday 10: heating
     * only; its days overlap the first entry's and count once */
    { "Boiler still not working", RD_CATEGORY_DISREPAIR, "heating;from=2025-11-06;until=2025-11-10" },
    /* Lost again on Tuesday 18 November, still going on */
    { "Radiators cold again", RD_CATEGORY_OTHER, "heating;from=2025-11-18" },
    /* Reported ahead of a planned shutdown: none of its days has passed */
    { "Planned shutdown", RD_CATEGORY_DISREPAIR, "hot-water;from=2025-12-01;until=2025-12-02" },
  };

  rd_case_set_id (rcase, 1);
  rd_case_set_title (rcase, "Heating");
  facts = rd_case_facts_new (rcase);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(RdIncident) incident = rd_incident_new ();
      g_autoptr(GDateTime) start = rd_datetime_parse_local ("2025-11-03T08:00", NULL);

      rd_incident_set_id (incident, i + 1);
      rd_incident_set_case_id (incident, 1);
      rd_incident_set_category (incident, entries[i].category);
      rd_incident_set_starts_at (incident, start);
      rd_incident_set_description (incident, entries[i].what);
      rd_incident_set_service_loss (incident, entries[i].loss);
      rd_case_facts_add_incident (facts, incident);
    }
  return facts;
}

/* Each period listed with its days; the total merges the overlap and
 * counts the loss still going on up to today; no amount anywhere. */
static void
test_remedies (void)
{
  g_autoptr(RdCaseFacts) facts = facts_with_losses ();
  g_autoptr(GDate) today = day ("2025-11-20");   /* a Thursday */
  g_autoptr(RdDashboard) dashboard = rd_dashboard_new (facts, NULL, today);
  RdRemedies *remedies = rd_dashboard_get_remedies (dashboard);
  const RdServiceLossLine *heating, *water;
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *source = NULL;

  g_assert_cmpuint (rd_remedies_get_n_lines (remedies), ==, 0);
  g_assert_cmpuint (rd_remedies_get_n_service_lines (remedies), ==, 2);
  heating = rd_remedies_get_service_line (remedies, 0);
  water = rd_remedies_get_service_line (remedies, 1);
  g_assert_cmpint (heating->service, ==, RD_SERVICE_HEATING);
  g_assert_cmpuint (heating->periods->len, ==, 3);
  /* 3–10 November (8 days, not 5 + 5) and 18–20 November (3 days) */
  g_assert_cmpuint (heating->days, ==, 11);
  g_assert_cmpint (water->service, ==, RD_SERVICE_HOT_WATER);
  g_assert_cmpuint (water->periods->len, ==, 1);
  g_assert_cmpuint (water->days, ==, 5);

  text = rd_service_loss_line_dup_text (heating, RD_REMEDY_VOICE_RESIDENT);
  g_assert_cmpstr (text, ==,
                   "Without heating for 11 days in all. "
                   "From Monday 3 November 2025 to Friday 7 November 2025: 5 days. "
                   "From Thursday 6 November 2025 to Monday 10 November 2025: 5 days. "
                   "From Tuesday 18 November 2025, and still going on: 3 days so far. "
                   "Redress has no daily figure from the Ombudsman’s published guidance for "
                   "this. You may ask what the landlord’s own compensation policy pays for each "
                   "day.");
  summary = rd_remedies_dup_summary (remedies);
  g_assert_nonnull (strstr (summary, "Without hot water for 5 days in all. From Monday 3 November "
                                     "2025 to Friday 7 November 2025: 5 days."));
  g_assert_null (strstr (summary, "£"));
  g_assert_null (strstr (summary, "December"));
  source = rd_remedies_dup_service_source (remedies);
  g_assert_nonnull (strstr (summary, source));
  g_assert_nonnull (strstr (source, "Landlord and Tenant Act 1985, section 11"));
  g_assert_nonnull (strstr (source, "https://www.legislation.gov.uk/ukpga/1985/70/section/11"));
  g_assert_null (rd_remedies_dup_total_text (remedies, RD_REMEDY_VOICE_RESIDENT));

  /* The letter asks, with the source, and names no amount */
  {
    g_autoptr(RdLetter) letter = rd_letter_build (RD_LETTER_STAGE1_COMPLAINT, facts, NULL, dashboard);
    g_autofree char *all = rd_letter_to_text (letter);

    g_assert_nonnull (strstr (all, "Without heating for 11 days in all."));
    g_assert_nonnull (strstr (all, "I ask you to consider compensation for each of these days "
                                   "under your own compensation policy. Source: the landlord’s "
                                   "duty"));
    g_assert_null (strstr (all, "£"));
  }
}

/* Before anything was lost, and for an entry that is not disrepair, no line. */
static void
test_nothing_to_count (void)
{
  g_autoptr(RdCaseFacts) facts = facts_with_losses ();
  g_autoptr(GDate) before = day ("2025-11-02");
  g_autoptr(RdDashboard) dashboard = rd_dashboard_new (facts, NULL, before);
  g_autofree char *summary = NULL;

  g_assert_cmpuint (rd_remedies_get_n_service_lines (rd_dashboard_get_remedies (dashboard)), ==, 0);
  summary = rd_remedies_dup_summary (rd_dashboard_get_remedies (dashboard));
  g_assert_cmpstr (summary, ==, "Redress found no missed deadline or broken promise to ask "
                                "compensation for.");
}

static RdIncident *
new_entry (RdStore    *store,
           RdCase     *rcase,
           RdCategory  category,
           const char *loss)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = rd_datetime_parse_local ("2025-11-03T08:00", NULL);
  RdIncident *incident = rd_incident_new ();

  rd_incident_set_case_id (incident, rd_case_get_id (rcase));
  rd_incident_set_starts_at (incident, start);
  rd_incident_set_category (incident, category);
  rd_incident_set_description (incident, "Boiler");
  rd_incident_set_service_loss (incident, loss);
  g_assert_true (rd_store_save_incident (store, incident, NULL, &error));
  g_assert_no_error (error);
  return incident;
}

/* Schema 20: a store left at 19 gains the field, keeps its entries with
 * nothing recorded, and then keeps a loss (and its revisions too). */
static void
test_store_migration (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RdStore) store = fixture_store_open_temp ("redress-loss-XXXXXX", &dir);
  g_autoptr(RdCase) rcase = fixture_make_case (store, "Heating");
  g_autoptr(RdIncident) old = new_entry (store, rcase, RD_CATEGORY_DISREPAIR, "");
  g_autoptr(RdIncident) back = NULL;
  g_autoptr(RdIncident) lost = NULL;
  g_autoptr(GListModel) revisions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "redress.db", NULL);
  g_autofree char *key = loss_key ("heating", "2025-11-03", NULL);
  sqlite3 *db = NULL;

  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "ALTER TABLE incidents DROP COLUMN service_loss;"
                                 "ALTER TABLE incident_revisions DROP COLUMN service_loss;"
                                 "ALTER TABLE complaints DROP COLUMN subject;"
                                 "PRAGMA user_version = 19;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = rd_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rd_store_get_schema_version (store), ==, RD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (RD_STORE_SCHEMA_VERSION, >=, 20);
  back = rd_store_get_incident (store, rd_incident_get_id (old), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rd_incident_get_service_loss (back), ==, "");

  lost = new_entry (store, rcase, RD_CATEGORY_DISREPAIR, key);
  g_clear_object (&back);
  back = rd_store_get_incident (store, rd_incident_get_id (lost), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rd_incident_get_service_loss (back), ==, key);
  revisions = rd_store_list_incident_revisions (store, rd_incident_get_id (lost), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (revisions), >=, 1);
  {
    g_autoptr(RdIncidentRevision) rev = g_list_model_get_item (revisions, 0);

    g_assert_cmpstr (rd_incident_get_service_loss (rd_incident_revision_get_snapshot (rev)), ==, key);
  }

  /* An entry that is not disrepair cannot keep one */
  {
    g_autoptr(RdIncident) noise = rd_incident_new ();
    g_autoptr(GDateTime) start = rd_datetime_parse_local ("2025-11-03T08:00", NULL);

    rd_incident_set_case_id (noise, rd_case_get_id (rcase));
    rd_incident_set_starts_at (noise, start);
    rd_incident_set_category (noise, RD_CATEGORY_NOISE);
    rd_incident_set_service_loss (noise, key);
    g_assert_false (rd_store_save_incident (store, noise, NULL, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  fixture_store_close_temp (&store, &dir);
}

/* Case JSON carries the loss both ways; files without it import as
 * before; a wrong one is refused with its field. */
static void
test_json_round_trip (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RdStore) store = fixture_store_open_temp ("redress-loss-XXXXXX", &dir);
  g_autoptr(RdCase) rcase = fixture_make_case (store, "Heating");
  g_autofree char *key = loss_key ("heating;hot-water", "2025-11-03", "2025-11-07");
  g_autofree char *ongoing = loss_key ("power", "2025-11-18", NULL);
  g_autoptr(RdIncident) a = new_entry (store, rcase, RD_CATEGORY_DISREPAIR, key);
  g_autoptr(RdIncident) b = new_entry (store, rcase, RD_CATEGORY_OTHER, ongoing);
  g_autoptr(RdIncident) c = new_entry (store, rcase, RD_CATEGORY_DISREPAIR, "");
  g_autoptr(GError) error = NULL;
  g_autofree char *first = rd_case_json_export (store, rd_case_get_id (rcase), &error);
  g_autofree char *second = NULL;
  g_autoptr(RdCaseFacts) facts = NULL;
  gint64 copy;
  guint seen = 0;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (first, "\"services_lost\""));
  g_assert_nonnull (strstr (first, "\"hot-water\""));
  g_assert_nonnull (strstr (first, "\"services_lost_from\" : \"2025-11-03\""));
  g_assert_nonnull (strstr (first, "\"services_lost_until\" : \"2025-11-07\""));
  g_assert_nonnull (strstr (first, "\"services_lost_until\" : null"));

  copy = rd_case_json_import (store, first, -1, &error);
  g_assert_no_error (error);
  second = rd_case_json_export (store, copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, second);
  facts = rd_case_facts_load (store, copy, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rd_case_facts_get_incidents (facts)->len; i++)
    {
      RdIncident *incident = g_ptr_array_index (rd_case_facts_get_incidents (facts), i);
      const char *loss = rd_incident_get_service_loss (incident);

      if (g_str_equal (loss, key) || g_str_equal (loss, ongoing))
        seen++;
      else
        g_assert_cmpstr (loss, ==, "");
    }
  g_assert_cmpuint (seen, ==, 2);

  /* Unknown service, and back before lost: refused, naming the field */
  {
    g_autofree char *bad = NULL;
    const char *at = strstr (first, "\"hot-water\"");

    g_assert_nonnull (at);
    bad = g_strdup_printf ("%.*s\"gas\"%s", (int) (at - first), first, at + strlen ("\"hot-water\""));
    g_assert_cmpint (rd_case_json_import (store, bad, -1, &error), ==, 0);
    g_assert_error (error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "services_lost[1]"));
    g_clear_error (&error);
  }
  {
    g_autofree char *bad = NULL;
    const char *at = strstr (first, "\"2025-11-07\"");

    g_assert_nonnull (at);
    bad = g_strdup_printf ("%.*s\"2025-11-01\"%s", (int) (at - first), first,
                           at + strlen ("\"2025-11-07\""));
    g_assert_cmpint (rd_case_json_import (store, bad, -1, &error), ==, 0);
    g_assert_error (error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "services_lost"));
    g_clear_error (&error);
  }
  fixture_store_close_temp (&store, &dir);
}

static char *
loss_members (const char *key)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  RdServiceLoss loss;

  g_assert_true (rd_service_loss_from_key (key, &loss, NULL));
  json_builder_begin_object (builder);
  rd_case_json_add_service_loss (builder, &loss);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* The members are written once for both the case JSON and redress-cli
 * incidents --json: the case JSON leaves them out of an entry without a
 * loss, the CLI gives such an entry an empty list and nulls. */
static void
test_json_members (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RdStore) store = fixture_store_open_temp ("redress-loss-XXXXXX", &dir);
  g_autoptr(RdCase) rcase = fixture_make_case (store, "Heating");
  g_autofree char *key = loss_key ("heating;hot-water", "2025-11-03", "2025-11-07");
  g_autofree char *ongoing = loss_key ("power", "2025-11-18", NULL);
  g_autofree char *ended = loss_members (key);
  g_autofree char *still = loss_members (ongoing);
  g_autofree char *none = loss_members ("");
  g_autoptr(RdIncident) a = new_entry (store, rcase, RD_CATEGORY_DISREPAIR, key);
  g_autoptr(RdIncident) b = new_entry (store, rcase, RD_CATEGORY_NOISE, "");
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = rd_case_json_export (store, rd_case_get_id (rcase), &error);
  g_autofree char *case_arg = g_strdup_printf ("%" G_GINT64_FORMAT, rd_case_get_id (rcase));
  const char *args[] = { "incidents", case_arg, "--json", NULL };
  g_autofree char *listed = NULL;

  g_assert_cmpstr (ended, ==, "{\"services_lost\":[\"heating\",\"hot-water\"],"
                   "\"services_lost_from\":\"2025-11-03\",\"services_lost_until\":\"2025-11-07\"}");
  g_assert_cmpstr (still, ==, "{\"services_lost\":[\"power\"],"
                   "\"services_lost_from\":\"2025-11-18\",\"services_lost_until\":null}");
  g_assert_cmpstr (none, ==, "{\"services_lost\":[],"
                   "\"services_lost_from\":null,\"services_lost_until\":null}");

  g_assert_no_error (error);
  g_assert_nonnull (strstr (exported, "\"services_lost_until\" : \"2025-11-07\""));
  g_assert_null (strstr (strstr (exported, "\"services_lost\"") + 1, "\"services_lost\""));
  g_assert_null (strstr (exported, "\"services_lost_from\" : null"));

  g_clear_object (&store);
  g_assert_cmpint (fixture_run_cli (dir, args, &listed, NULL), ==, 0);
  g_assert_nonnull (strstr (listed, "\"services_lost\" : [\n"
                                    "      \"heating\",\n"
                                    "      \"hot-water\"\n"
                                    "    ],\n"
                                    "    \"services_lost_from\" : \"2025-11-03\",\n"
                                    "    \"services_lost_until\" : \"2025-11-07\",\n"));
  g_assert_nonnull (strstr (listed, "\"services_lost\" : [],\n"
                                    "    \"services_lost_from\" : null,\n"
                                    "    \"services_lost_until\" : null,\n"));
  fixture_store_close_temp (&store, &dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "Europe/London", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/service-loss/keys", test_keys);
  g_test_add_func ("/service-loss/remedies", test_remedies);
  g_test_add_func ("/service-loss/nothing-to-count", test_nothing_to_count);
  g_test_add_func ("/service-loss/store-migration", test_store_migration);
  g_test_add_func ("/service-loss/json-round-trip", test_json_round_trip);
  g_test_add_func ("/service-loss/json-members", test_json_members);
  return g_test_run ();
}
