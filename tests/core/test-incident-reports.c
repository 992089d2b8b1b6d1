/* test-incident-reports.c: diary entries reported to the landlord, kept and turned into deadlines.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "rd-core.h"
#include "evidence-fixtures.h"
#include "store-fixtures.h"

typedef struct {
  RdStore *store;
  char    *dir;
  RdCase  *rcase;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = fixture_store_open_temp ("redress-reports-XXXXXX", &f->dir);
  f->rcase = fixture_make_case (f->store, "Reports");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->rcase);
  fixture_store_close_temp (&f->store, &f->dir);
}

static GDate *
day (const char *iso)
{
  g_autoptr(GError) error = NULL;
  GDate *d = rd_date_parse_iso (iso, &error);

  g_assert_no_error (error);
  return d;
}

static GDateTime *
local (const char *text)
{
  g_autoptr(GError) error = NULL;
  GDateTime *dt = rd_datetime_parse_local (text, &error);

  g_assert_no_error (error);
  return dt;
}

static RdIncident *
save_incident (Fixture    *f,
               const char *starts_at,
               RdCategory  category,
               const char *description)
{
  g_autoptr(GDateTime) at = local (starts_at);
  RdIncident *incident = rd_incident_new ();

  rd_incident_set_case_id (incident, rd_case_get_id (f->rcase));
  rd_incident_set_starts_at (incident, at);
  rd_incident_set_category (incident, category);
  rd_incident_set_description (incident, description);
  return incident;
}

static void
store_incident (Fixture    *f,
                RdIncident *incident)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rd_store_save_incident (f->store, incident, NULL, &error));
  g_assert_no_error (error);
}

static void
set_reported (RdIncident *incident,
              const char *iso,
              int         minute)
{
  g_autoptr(GDate) d = day (iso);

  rd_incident_set_landlord_reported_on (incident, d);
  rd_incident_set_landlord_reported_minute (incident, minute);
}

static void
store_contact (Fixture    *f,
               const char *when,
               gint64      party_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdContact) contact = rd_contact_new ();
  g_autoptr(GDateTime) at = local (when);

  rd_contact_set_case_id (contact, rd_case_get_id (f->rcase));
  rd_contact_set_occurred_at (contact, at);
  rd_contact_set_direction (contact, RD_CONTACT_FROM);
  rd_contact_set_channel (contact, RD_CHANNEL_PHONE);
  rd_contact_set_summary (contact, "A call");
  rd_contact_set_party_id (contact, party_id);
  g_assert_true (rd_store_save_contact (f->store, contact, &error));
  g_assert_no_error (error);
}

static gint64
store_police (Fixture *f)
{
  g_autoptr(RdParty) party = fixture_add_party (f->store, rd_case_get_id (f->rcase),
                                                "PC Sam Lee", RD_PARTY_POLICE, FALSE);

  return rd_party_get_id (party);
}

/* A landlord's profile with ASB first responses (high 1 working day,
 * medium and low 5) and two repair priorities, followed by the case. */
static void
follow_landlord (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) from = day ("2024-06-01");
  g_autoptr(RdPolicy) policy = rd_policy_new_landlord_from_code (from);
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
  g_assert_true (rd_store_set_case_policy (f->store, rd_case_get_id (f->rcase),
                                           rd_policy_get_id (policy), &error));
  g_assert_no_error (error);
}

/* The case's deadlines, as the CLI and the case list work them out. */
static RdDeadlineReport *
deadlines_on (Fixture    *f,
              const char *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) t = day (today);
  RdDeadlineReport *report;

  report = rd_case_service_compute_deadlines (f->store, rd_case_get_id (f->rcase), t, &error);
  g_assert_no_error (error);
  return report;
}

static guint
count_kind (RdDeadlineReport *report,
            RdDeadlineKind    kind)
{
  GListModel *list = rd_deadline_report_get_deadlines (report);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RdDeadline) d = g_list_model_get_item (list, i);
      n += rd_deadline_get_kind (d) == kind;
    }
  return n;
}

/* The only deadline of @kind (borrowed: the report keeps it). */
static RdDeadline *
only (RdDeadlineReport *report,
      RdDeadlineKind    kind)
{
  GListModel *list = rd_deadline_report_get_deadlines (report);
  RdDeadline *found = NULL;

  g_assert_cmpuint (count_kind (report, kind), ==, 1);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RdDeadline) d = g_list_model_get_item (list, i);

      if (rd_deadline_get_kind (d) == kind)
        found = d;
    }
  return found;
}

static void
assert_due (RdDeadline *d,
            const char *iso)
{
  g_autofree char *got = rd_date_to_iso (&rd_deadline_get_due (d)->date);

  g_assert_cmpstr (got, ==, iso);
}

static void
assert_report_fields (RdIncident *back)
{
  g_autofree char *on = rd_date_to_iso (rd_incident_get_landlord_reported_on (back));

  g_assert_cmpstr (on, ==, "2025-11-03");
  g_assert_cmpint (rd_incident_get_landlord_reported_minute (back), ==, 9 * 60 + 45);
  /* A disrepair entry has no risk level: that is anti-social behaviour's. */
  g_assert_cmpint (rd_incident_get_asb_risk (back), ==, RD_ASB_RISK_N_LEVELS);
  g_assert_cmpstr (rd_incident_get_repair_priority (back), ==, "Urgent");
  g_assert_cmpint (rd_incident_get_hazard (back), ==, RD_HAZARD_SIGNIFICANT);
}

/* A schema 7 case file (the same tables less the new columns) opens, keeps
 * its diary, and reads the new fields as "not known". */
static void
test_migrate_from_v7 (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdIncident) incident = save_incident (f, "2025-10-30T21:15", RD_CATEGORY_NOISE, "Drilling");
  g_autoptr(RdIncident) back = NULL;
  g_autoptr(GListModel) revisions = NULL;
  g_autofree char *path = g_build_filename (f->dir, "redress.db", NULL);
  g_autofree char *dir = g_strdup (f->dir);
  gint64 id;
  sqlite3 *db = NULL;

  rd_incident_set_witnesses (incident, "Kim at number 4");
  rd_incident_set_reported_to (incident, RD_REPORTED_LANDLORD | RD_REPORTED_POLICE);
  rd_incident_set_reference (incident, "ASB/77");
  store_incident (f, incident);
  id = rd_incident_get_id (incident);
  g_clear_object (&f->store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 /* 20 */
                                 "ALTER TABLE incidents DROP COLUMN service_loss;"
                                 "ALTER TABLE incident_revisions DROP COLUMN service_loss;"
                                 /* 19 */
                                 "ALTER TABLE cases DROP COLUMN aware_on;"
                                 /* 18 */
                                 "ALTER TABLE cases DROP COLUMN asb_review_reports;"
                                 "ALTER TABLE cases DROP COLUMN asb_review_hate;"
                                 "ALTER TABLE incidents DROP COLUMN asb_report;"
                                 "ALTER TABLE incident_revisions DROP COLUMN asb_report;"
                                 /* 14 */
                                 "ALTER TABLE cases DROP COLUMN country;"
                                 /* 13 */
                                 "ALTER TABLE cases DROP COLUMN document_language;"
                                 /* 12 */
                                 "DROP TRIGGER incidents_text_insert;"
                                 "DROP TRIGGER incidents_text_delete;"
                                 "DROP TRIGGER incidents_text_update;"
                                 "DROP TRIGGER contacts_text_insert;"
                                 "DROP TRIGGER contacts_text_delete;"
                                 "DROP TRIGGER contacts_text_update;"
                                 "DROP TABLE incident_text;"
                                 "DROP TABLE contact_text;"
                                 "ALTER TABLE incidents DROP COLUMN landlord_reported_on;"
                                 "ALTER TABLE incidents DROP COLUMN landlord_reported_minute;"
                                 "ALTER TABLE incidents DROP COLUMN asb_risk;"
                                 "ALTER TABLE incidents DROP COLUMN repair_priority;"
                                 "ALTER TABLE incidents DROP COLUMN hazard;"
                                 "ALTER TABLE incident_revisions DROP COLUMN landlord_reported_on;"
                                 "ALTER TABLE incident_revisions DROP COLUMN landlord_reported_minute;"
                                 "ALTER TABLE incident_revisions DROP COLUMN asb_risk;"
                                 "ALTER TABLE incident_revisions DROP COLUMN repair_priority;"
                                 "ALTER TABLE incident_revisions DROP COLUMN hazard;"
                                 "ALTER TABLE incidents DROP COLUMN landlord_steps;"
                                 "ALTER TABLE incident_revisions DROP COLUMN landlord_steps;"
                                 "DROP INDEX cases_by_uuid;"
                                 "ALTER TABLE cases DROP COLUMN uuid;"
                                 "DROP TABLE file_intents;"
                                 "DROP TRIGGER evidence_exhibit_no_new;"
                                 "DROP TRIGGER evidence_exhibit_no_kept;"
                                 "DROP INDEX evidence_by_exhibit_no;"
                                 "ALTER TABLE evidence DROP COLUMN exhibit_no;"
                                 "ALTER TABLE cases DROP COLUMN next_exhibit_no;"
                                 "ALTER TABLE cases DROP COLUMN bundle_layout;"
                                 "ALTER TABLE complaints DROP COLUMN subject;"
                                 "PRAGMA user_version = 7;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  f->store = rd_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rd_store_get_schema_version (f->store), ==, RD_STORE_SCHEMA_VERSION);
  back = rd_store_get_incident (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (rd_incident_content_equal (back, incident));
  g_assert_cmpstr (rd_incident_get_description (back), ==, "Drilling");
  g_assert_cmpstr (rd_incident_get_reference (back), ==, "ASB/77");
  g_assert_null (rd_incident_get_landlord_reported_on (back));
  g_assert_cmpint (rd_incident_get_landlord_reported_minute (back), ==, -1);
  g_assert_cmpint (rd_incident_get_asb_risk (back), ==, RD_ASB_RISK_N_LEVELS);
  g_assert_cmpint (rd_incident_get_hazard (back), ==, RD_HAZARD_N_LEVELS);
  revisions = rd_store_list_incident_revisions (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, 1);

  /* And the new fields can be written straight away. */
  set_reported (back, "2025-11-03", 9 * 60 + 45);
  store_incident (f, back);
}

/* The new fields survive the store, its revisions, the case JSON and the
 * case archive. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdIncident) incident = save_incident (f, "2025-11-01T08:00", RD_CATEGORY_DISREPAIR,
                                                  "Black mould in the bedroom");
  g_autoptr(RdIncident) back = NULL;
  g_autoptr(GListModel) revisions = NULL;
  g_autoptr(RdIncidentRevision) first = NULL;
  g_autofree char *json = NULL;
  /* Beside the data folder: an export inside it is refused. */
  g_autofree char *out_dir = g_dir_make_tmp ("redress-reports-out-XXXXXX", NULL);
  g_autofree char *archive = g_build_filename (out_dir, "case.redress", NULL);
  gint64 json_case, archive_case;

  set_reported (incident, "2025-11-03", 9 * 60 + 45);
  rd_incident_set_repair_priority (incident, "Urgent");
  rd_incident_set_hazard (incident, RD_HAZARD_SIGNIFICANT);
  store_incident (f, incident);

  back = rd_store_get_incident (f->store, rd_incident_get_id (incident), &error);
  g_assert_no_error (error);
  assert_report_fields (back);
  g_assert_true (rd_incident_content_equal (back, incident));
  {
    g_autoptr(RdIncident) copy = rd_incident_copy (back);
    g_assert_true (rd_incident_content_equal (copy, back));
  }

  /* A change to the report date alone is a change, and the revision keeps it. */
  rd_incident_set_landlord_reported_minute (back, -1);
  g_assert_false (rd_incident_content_equal (back, incident));
  store_incident (f, back);
  revisions = rd_store_list_incident_revisions (f->store, rd_incident_get_id (incident), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, 2);
  first = g_list_model_get_item (revisions, 0);
  assert_report_fields (rd_incident_revision_get_snapshot (first));
  rd_incident_set_landlord_reported_minute (back, 9 * 60 + 45);
  store_incident (f, back);

  /* The case JSON… */
  json = rd_case_json_export (f->store, rd_case_get_id (f->rcase), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"landlord_reported_on\" : \"2025-11-03\""));
  g_assert_nonnull (strstr (json, "\"landlord_reported_time\" : \"09:45\""));
  g_assert_nonnull (strstr (json, "\"hazard\" : \"significant-damp-mould\""));
  json_case = rd_case_json_import (f->store, json, -1, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) list = rd_store_list_incidents (f->store, json_case, &error);
    g_autoptr(RdIncident) imported = g_list_model_get_item (list, 0);

    assert_report_fields (imported);
  }

  /* …and the case archive, revisions included. */
  g_assert_true (rd_case_archive_export (f->store, rd_case_get_id (f->rcase), archive, NULL, &error));
  g_assert_no_error (error);
  archive_case = rd_case_archive_import_full (f->store, archive, RD_CASE_ARCHIVE_IMPORT_AS_COPY,
                                              NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) list = rd_store_list_incidents (f->store, archive_case, &error);
    g_autoptr(RdIncident) imported = g_list_model_get_item (list, 0);
    g_autoptr(GListModel) history = NULL;
    g_autoptr(RdIncidentRevision) oldest = NULL;
    g_autoptr(RdIncidentRevision) newest = NULL;

    assert_report_fields (imported);
    history = rd_store_list_incident_revisions (f->store, rd_incident_get_id (imported), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (history), ==, 3);
    oldest = g_list_model_get_item (history, 0);
    newest = g_list_model_get_item (history, 1);
    assert_report_fields (rd_incident_revision_get_snapshot (oldest));
    g_assert_cmpint (rd_incident_get_landlord_reported_minute (rd_incident_revision_get_snapshot (newest)),
                     ==, -1);
  }
  fixture_remove_tree (out_dir);
}

/* Bad values in a case JSON are refused whole, naming the field. */
static void
test_json_refuses (Fixture       *f,
                   gconstpointer  data)
{
  static const struct {
    const char *fields;
    const char *field;
  } cases[] = {
    { "\"landlord_reported_on\": \"2025-02-30\"", "incidents[0].landlord_reported_on" },
    { "\"landlord_reported_on\": \"2025-11-03\", \"landlord_reported_time\": \"9.45\"",
      "incidents[0].landlord_reported_time" },
    { "\"landlord_reported_time\": \"09:45\"", "incidents[0].landlord_reported_time" },
    { "\"asb_risk\": \"severe\"", "incidents[0].asb_risk" },
    { "\"hazard\": \"mould\"", "incidents[0].hazard" },
    { "\"landlord_reported_on\": \"2199-01-01\"", "incidents[0].landlord_reported_on" },
    { "\"landlord_steps\": { \"repaired\": \"3 November\" }", "incidents[0].landlord_steps.repaired" },
    { "\"landlord_steps\": { \"fixed\": \"2025-11-03\" }", "incidents[0].landlord_steps.fixed" },
    { "\"landlord_steps\": { \"repaired\": \"2199-01-01\" }", "incidents[0].landlord_steps" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *doc = g_strdup_printf ("{ \"format\": \"redress-case\", \"version\": 1,\n"
                                              "  \"case\": { \"title\": \"Bad\" },\n"
                                              "  \"incidents\": [ { \"id\": 1, \"starts_at\": "
                                              "\"2025-11-01T08:00:00\", \"category\": \"noise\",\n"
                                              "    %s } ] }", cases[i].fields);

      g_assert_cmpint (rd_case_json_import (f->store, doc, -1, &error), ==, 0);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      if (strstr (error->message, cases[i].field) == NULL)
        g_error ("“%s” does not name %s", error->message, cases[i].field);
    }
}

/* A field its category does not use is refused everywhere a diary entry
 * comes in, naming it: case JSON (line and field), the store, the CLI. */
static void
test_misplaced_fields (Fixture       *f,
                       gconstpointer  data)
{
  static const struct {
    RdCategory  category;
    const char *fields;
    const char *field;
  } cases[] = {
    { RD_CATEGORY_DISREPAIR, "\"asb_risk\": \"high\"", "asb_risk" },
    { RD_CATEGORY_OTHER, "\"asb_risk\": \"low\"", "asb_risk" },
    { RD_CATEGORY_NOISE, "\"repair_priority\": \"urgent\"", "repair_priority" },
    { RD_CATEGORY_HARASSMENT, "\"hazard\": \"emergency\"", "hazard" },
    { RD_CATEGORY_DOMESTIC_ABUSE, "\"landlord_steps\": { \"repaired\": \"2025-11-03\" }",
      "landlord_steps" },
  };
  g_autofree char *cli_dir = g_dir_make_tmp ("redress-misplaced-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (cli_dir, "case.json", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *key = rd_category_to_string (cases[i].category);
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) before = rd_store_list_incidents (f->store, rd_case_get_id (f->rcase), &error);
      g_autoptr(GListModel) after = NULL;
      g_autoptr(RdIncident) incident = NULL;
      g_autofree char *doc = g_strdup_printf ("{ \"format\": \"redress-case\", \"version\": 1,\n"
                                              "  \"case\": { \"title\": \"Bad\" },\n"
                                              "  \"incidents\": [ { \"starts_at\": "
                                              "\"2025-11-01T08:00:00\", \"category\": \"%s\",\n"
                                              "    %s } ] }", key, cases[i].fields);
      g_autofree char *line_and_field = g_strdup_printf ("Line 4, field “incidents[0].%s”",
                                                         cases[i].field);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_test_message ("%s on %s", cases[i].field, key);
      g_assert_cmpint (rd_case_json_import (f->store, doc, -1, &error), ==, 0);
      g_assert_error (error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_INVALID);
      if (strstr (error->message, line_and_field) == NULL)
        g_error ("“%s” does not say %s", error->message, line_and_field);
      g_clear_error (&error);

      /* The same through the command line. */
      g_assert_true (g_file_set_contents (file, doc, -1, &error));
      g_assert_cmpint (fixture_run_cli (cli_dir, (const char *[]) { "import", file, NULL },
                                        &out, &err), ==, 2);
      g_assert_nonnull (strstr (err, line_and_field));

      /* And the store's own check, whoever calls it. */
      incident = save_incident (f, "2025-11-01T08:00", cases[i].category, "Misplaced");
      if (g_str_equal (cases[i].field, "asb_risk"))
        rd_incident_set_asb_risk (incident, RD_ASB_RISK_HIGH);
      else if (g_str_equal (cases[i].field, "repair_priority"))
        rd_incident_set_repair_priority (incident, "urgent");
      else if (g_str_equal (cases[i].field, "hazard"))
        rd_incident_set_hazard (incident, RD_HAZARD_EMERGENCY);
      else
        {
          RdLandlordSteps steps;
          g_autoptr(GDate) repaired = day ("2025-11-03");

          rd_landlord_steps_init (&steps);
          rd_moment_set_date (&steps.at[RD_STEP_REPAIRED], repaired);
          rd_incident_set_landlord_steps (incident, &steps);
        }
      g_assert_cmpstr (rd_incident_get_misplaced_field (incident), ==, cases[i].field);
      g_assert_false (rd_store_save_incident (f->store, incident, NULL, &error));
      g_assert_error (error, RD_INCIDENT_ERROR, RD_INCIDENT_ERROR_NOT_FOR_CATEGORY);
      g_assert_nonnull (strstr (error->message, rd_category_get_label (cases[i].category)));
      after = rd_store_list_incidents (f->store, rd_case_get_id (f->rcase), NULL);
      g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));

      /* What the editor does before it saves: the entry is then whole. */
      rd_incident_drop_misplaced_fields (incident);
      g_assert_null (rd_incident_get_misplaced_field (incident));
      store_incident (f, incident);
    }
  fixture_remove_tree (cli_dir);
}

/* High risk ASB reported on Monday 3 November 2025 under a profile that
 * gives 1 working day: due Tuesday 4; the landlord's call that day meets
 * it; a call on Thursday 6 is 2 working days late. */
static void
test_asb_met_and_missed (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RdIncident) incident = save_incident (f, "2025-11-02T23:30", RD_CATEGORY_NOISE,
                                                  "Party next door until 3am");
  g_autoptr(RdDeadlineReport) met = NULL;
  g_autoptr(RdDeadlineReport) missed = NULL;
  g_autoptr(RdDeadlineReport) open = NULL;
  RdDeadline *d;

  follow_landlord (f);
  set_reported (incident, "2025-11-03", -1);
  rd_incident_set_asb_risk (incident, RD_ASB_RISK_HIGH);
  store_incident (f, incident);

  /* Nothing from the landlord yet, on the Monday itself. */
  open = deadlines_on (f, "2025-11-03");
  d = only (open, RD_DEADLINE_KIND_ASB_RESPONSE);
  assert_due (d, "2025-11-04");
  g_assert_cmpint (rd_deadline_get_group (d), ==, rd_incident_get_id (incident));
  g_assert_cmpint (rd_deadline_get_status (d), ==, RD_DEADLINE_DUE_SOON);
  g_assert_cmpstr (rd_deadline_get_explanation (d), ==,
                   "You reported anti-social behaviour on Monday 3 November 2025 (high risk). "
                   "Your landlord’s policy sets a time limit for a first response: 1 working day. "
                   "It is due by "
                   "Tuesday 4 November 2025. 1 working day is left.");

  /* The landlord calls back on Thursday 6: 2 working days late. */
  store_contact (f, "2025-11-06T11:00", 0);
  missed = deadlines_on (f, "2025-11-10");
  d = only (missed, RD_DEADLINE_KIND_ASB_RESPONSE);
  assert_due (d, "2025-11-04");
  g_assert_cmpint (rd_deadline_get_status (d), ==, RD_DEADLINE_MISSED);
  g_assert_cmpint (rd_deadline_get_working_days_late (d), ==, 2);
  g_assert_cmpstr (rd_deadline_get_explanation (d), ==,
                   "You reported anti-social behaviour on Monday 3 November 2025 (high risk). "
                   "Your landlord’s policy sets a time limit for a first response: 1 working day. "
                   "It was due by "
                   "Tuesday 4 November 2025. The landlord was next in touch on Thursday 6 November "
                   "2025 at 11:00, 2 working days late.");

  /* A police officer's call on the Tuesday does not answer for the landlord… */
  store_contact (f, "2025-11-04T10:00", store_police (f));
  g_clear_pointer (&missed, rd_deadline_report_free);
  missed = deadlines_on (f, "2025-11-10");
  g_assert_cmpint (rd_deadline_get_status (only (missed, RD_DEADLINE_KIND_ASB_RESPONSE)), ==,
                   RD_DEADLINE_MISSED);

  /* …but the landlord's own call that Tuesday does. */
  store_contact (f, "2025-11-04T16:20", 0);
  met = deadlines_on (f, "2025-11-10");
  d = only (met, RD_DEADLINE_KIND_ASB_RESPONSE);
  assert_due (d, "2025-11-04");
  g_assert_cmpint (rd_deadline_get_status (d), ==, RD_DEADLINE_MET);
  g_assert_cmpint (rd_deadline_get_working_days_late (d), ==, 0);
  g_assert_cmpstr (rd_deadline_get_explanation (d), ==,
                   "You reported anti-social behaviour on Monday 3 November 2025 (high risk). "
                   "Your landlord’s policy sets a time limit for a first response: 1 working day. "
                   "It was due by "
                   "Tuesday 4 November 2025. The landlord was next in touch on Tuesday 4 November "
                   "2025 at 16:20, the day it was due.");
}

/* No report date, no deadline; and without a landlord's profile an ASB
 * report has no time limit to check (the Code sets none). */
static void
test_no_report_no_deadline (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(RdIncident) unreported = save_incident (f, "2025-11-02T23:30", RD_CATEGORY_NOISE, "Party");
  g_autoptr(RdIncident) reported = save_incident (f, "2025-11-05T22:00", RD_CATEGORY_HARASSMENT, "Threats");
  g_autoptr(RdDeadlineReport) before = NULL;
  g_autoptr(RdDeadlineReport) report = NULL;

  rd_incident_set_reported_to (unreported, RD_REPORTED_LANDLORD);
  rd_incident_set_asb_risk (unreported, RD_ASB_RISK_HIGH);
  store_incident (f, unreported);
  set_reported (reported, "2025-11-06", 10 * 60);
  store_incident (f, reported);

  /* No profile: nothing, not even a guess. */
  before = deadlines_on (f, "2025-11-20");
  g_assert_cmpuint (g_list_model_get_n_items (rd_deadline_report_get_deadlines (before)), ==, 0);

  /* With one: only the entry that says when it was reported. */
  follow_landlord (f);
  report = deadlines_on (f, "2025-11-20");
  g_assert_cmpuint (g_list_model_get_n_items (rd_deadline_report_get_deadlines (report)), ==, 1);
  g_assert_cmpint (rd_deadline_get_group (only (report, RD_DEADLINE_KIND_ASB_RESPONSE)), ==,
                   rd_incident_get_id (reported));
  /* The risk level is not known: the longest time in the policy, 5 working days. */
  assert_due (only (report, RD_DEADLINE_KIND_ASB_RESPONSE), "2025-11-13");
}

/* Disrepair with the landlord's priority, and damp and mould under
 * Awaab's Law in a council tenancy: from 27 October 2025 only. */
static void
test_repairs_and_hazards (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdIncident) repair = save_incident (f, "2025-11-01T08:00", RD_CATEGORY_DISREPAIR, "Boiler");
  g_autoptr(RdIncident) mould = save_incident (f, "2025-11-02T08:00", RD_CATEGORY_DISREPAIR, "Mould");
  g_autoptr(RdIncident) old = save_incident (f, "2025-10-01T08:00", RD_CATEGORY_DISREPAIR, "Damp");
  g_autoptr(RdDeadlineReport) report = NULL;
  RdDeadline *d;

  follow_landlord (f);
  rd_case_set_tenancy_type (f->rcase, RD_TENANCY_SECURE);
  g_assert_true (rd_store_save_case (f->store, f->rcase, &error));
  g_assert_no_error (error);

  set_reported (repair, "2025-11-03", -1);
  rd_incident_set_repair_priority (repair, "urgent");
  store_incident (f, repair);
  set_reported (mould, "2025-11-04", -1);
  rd_incident_set_hazard (mould, RD_HAZARD_SIGNIFICANT);
  store_incident (f, mould);
  set_reported (old, "2025-10-20", -1);
  rd_incident_set_hazard (old, RD_HAZARD_SIGNIFICANT);
  store_incident (f, old);

  report = deadlines_on (f, "2025-11-05");
  d = only (report, RD_DEADLINE_KIND_REPAIR);
  assert_due (d, "2025-11-10");
  g_assert_cmpint (rd_deadline_get_group (d), ==, rd_incident_get_id (repair));
  /* Significant damp and mould: investigated within 10 working days of
   * Tuesday 4 November. The report before Awaab's Law has none. */
  d = only (report, RD_DEADLINE_KIND_HAZARD);
  assert_due (d, "2025-11-18");
  g_assert_cmpint (rd_deadline_get_group (d), ==, rd_incident_get_id (mould));
  g_assert_cmpstr (rd_deadline_get_basis (d), ==, rd_policy_get_name (rd_policy_get_awaabs_law ()));
}

/* The deadline of @kind titled @title (borrowed: the report keeps it). */
static RdDeadline *
titled (RdDeadlineReport *report,
        const char       *title)
{
  GListModel *list = rd_deadline_report_get_deadlines (report);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RdDeadline) d = g_list_model_get_item (list, i);

      if (g_str_equal (rd_deadline_get_title (d), title))
        return d;
    }
  g_error ("No deadline titled “%s”", title);
  return NULL;
}

static void
set_step (RdIncident     *incident,
          RdLandlordStep  step,
          const char     *key)
{
  RdLandlordSteps steps = *rd_incident_get_landlord_steps (incident);

  g_assert_true (rd_moment_from_key (key, &steps.at[step]));
  rd_incident_set_landlord_steps (incident, &steps);
}

/* An entry keeps steps only once one is recorded: its copy has steps of
 * its own, and an entry whose steps are all taken away again is the same
 * as one that never had any. */
static void
test_steps_copied (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(RdIncident) fresh = rd_incident_new ();
  g_autoptr(RdIncident) copy = NULL;
  g_autofree char *key = NULL;
  RdLandlordSteps none;

  g_assert_true (rd_landlord_steps_is_empty (rd_incident_get_landlord_steps (incident)));
  set_step (incident, RD_STEP_INVESTIGATED, "2025-11-05T10:15");
  copy = rd_incident_copy (incident);
  g_assert_true (rd_incident_content_equal (copy, incident));
  set_step (copy, RD_STEP_REPAIRED, "2025-11-20");
  g_assert_false (rd_incident_content_equal (copy, incident));
  key = rd_landlord_steps_to_key (rd_incident_get_landlord_steps (incident));
  g_assert_cmpstr (key, ==, "investigated=2025-11-05T10:15");

  rd_landlord_steps_init (&none);
  rd_incident_set_landlord_steps (copy, &none);
  g_assert_true (rd_landlord_steps_is_empty (rd_incident_get_landlord_steps (copy)));
  g_assert_true (rd_incident_content_equal (copy, fresh));
  g_assert_false (rd_incident_content_equal (incident, fresh));
  rd_incident_set_landlord_steps (incident, NULL);
  g_assert_true (rd_incident_content_equal (incident, fresh));
  set_step (incident, RD_STEP_MADE_SAFE, "2025-11-07");
  g_assert_false (rd_landlord_steps_is_empty (rd_incident_get_landlord_steps (incident)));
  g_assert_true (rd_landlord_steps_is_empty (rd_incident_get_landlord_steps (fresh)));
}

/* The landlord's dated steps survive the store, its revisions, the case
 * JSON and the archive; an entry without them reads as no steps. */
static void
test_steps_round_trip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdIncident) incident = save_incident (f, "2025-11-01T08:00", RD_CATEGORY_DISREPAIR,
                                                  "Black mould in the bedroom");
  g_autoptr(RdIncident) back = NULL;
  g_autoptr(GListModel) revisions = NULL;
  g_autoptr(RdIncidentRevision) first = NULL;
  g_autofree char *json = NULL;
  g_autofree char *key = NULL;
  /* Beside the data folder: an export inside it is refused. */
  g_autofree char *out_dir = g_dir_make_tmp ("redress-steps-out-XXXXXX", NULL);
  g_autofree char *archive = g_build_filename (out_dir, "steps.redress", NULL);
  gint64 json_case, archive_case;

  set_reported (incident, "2025-11-03", -1);
  rd_incident_set_hazard (incident, RD_HAZARD_SIGNIFICANT);
  set_step (incident, RD_STEP_INVESTIGATED, "2025-11-05T10:15");
  set_step (incident, RD_STEP_REPAIRED, "2025-11-20");
  store_incident (f, incident);
  key = rd_landlord_steps_to_key (rd_incident_get_landlord_steps (incident));
  g_assert_cmpstr (key, ==, "investigated=2025-11-05T10:15;repaired=2025-11-20");

  back = rd_store_get_incident (f->store, rd_incident_get_id (incident), &error);
  g_assert_no_error (error);
  g_assert_true (rd_incident_content_equal (back, incident));

  /* A new step is a change, and the first revision keeps the old steps. */
  set_step (back, RD_STEP_ALTERNATIVE_OFFERED, "2025-11-06");
  g_assert_false (rd_incident_content_equal (back, incident));
  store_incident (f, back);
  revisions = rd_store_list_incident_revisions (f->store, rd_incident_get_id (incident), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, 2);
  first = g_list_model_get_item (revisions, 0);
  g_assert_true (rd_incident_content_equal (rd_incident_revision_get_snapshot (first), incident));

  json = rd_case_json_export (f->store, rd_case_get_id (f->rcase), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"investigated\" : \"2025-11-05T10:15\""));
  g_assert_nonnull (strstr (json, "\"alternative-accommodation\" : \"2025-11-06\""));
  json_case = rd_case_json_import (f->store, json, -1, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) list = rd_store_list_incidents (f->store, json_case, &error);
    g_autoptr(RdIncident) imported = g_list_model_get_item (list, 0);

    g_assert_true (rd_incident_content_equal (imported, back));
  }

  g_assert_true (rd_case_archive_export (f->store, rd_case_get_id (f->rcase), archive, NULL, &error));
  g_assert_no_error (error);
  archive_case = rd_case_archive_import_full (f->store, archive, RD_CASE_ARCHIVE_IMPORT_AS_COPY,
                                              NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) list = rd_store_list_incidents (f->store, archive_case, &error);
    g_autoptr(RdIncident) imported = g_list_model_get_item (list, 0);
    g_autoptr(GListModel) history = rd_store_list_incident_revisions (f->store,
                                                                      rd_incident_get_id (imported),
                                                                      &error);
    g_autoptr(RdIncidentRevision) oldest = g_list_model_get_item (history, 0);

    g_assert_true (rd_incident_content_equal (imported, back));
    g_assert_true (rd_incident_content_equal (rd_incident_revision_get_snapshot (oldest), incident));
  }
  fixture_remove_tree (out_dir);
}

/* A step in the future or before the report is refused, in the diary and
 * in a case JSON, naming the field. */
static void
test_steps_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdIncident) incident = save_incident (f, "2025-11-01T08:00", RD_CATEGORY_DISREPAIR, "Leak");
  g_autoptr(GDateTime) now = local ("2025-11-10T12:00");
  RdLandlordSteps steps;

  set_reported (incident, "2025-11-03", -1);
  set_step (incident, RD_STEP_MADE_SAFE, "2025-11-11");
  g_assert_false (rd_incident_validate (incident, now, &error));
  g_assert_error (error, RD_INCIDENT_ERROR, RD_INCIDENT_ERROR_STEP_IN_FUTURE);
  g_clear_error (&error);
  rd_incident_set_landlord_steps (incident, NULL);
  set_step (incident, RD_STEP_MADE_SAFE, "2025-11-02");
  g_assert_false (rd_incident_validate (incident, now, &error));
  g_assert_error (error, RD_INCIDENT_ERROR, RD_INCIDENT_ERROR_STEP_BEFORE_REPORT);
  g_clear_error (&error);

  g_assert_false (rd_landlord_steps_from_key ("fixed=2025-11-02", &steps, &error));
  g_clear_error (&error);
  g_assert_false (rd_landlord_steps_from_key ("repaired=2025-11-02T25:00", &steps, &error));
  g_clear_error (&error);
  g_assert_true (rd_landlord_steps_is_empty (&steps));
}

/* Each step meets its deadline, late or on time, and a missing one is
 * missed: damp and mould, an emergency hazard and a repair by the
 * landlord's priority, in a council tenancy. */
static void
test_steps_met_late_missing (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdIncident) mould = save_incident (f, "2025-11-01T08:00", RD_CATEGORY_DISREPAIR, "Mould");
  g_autoptr(RdIncident) gas = save_incident (f, "2025-11-02T08:00", RD_CATEGORY_DISREPAIR, "Gas smell");
  g_autoptr(RdIncident) boiler = save_incident (f, "2025-11-02T09:00", RD_CATEGORY_DISREPAIR, "Boiler");
  g_autoptr(RdDeadlineReport) report = NULL;
  RdDeadline *d;

  follow_landlord (f);
  rd_case_set_tenancy_type (f->rcase, RD_TENANCY_SECURE);
  g_assert_true (rd_store_save_case (f->store, f->rcase, &error));
  g_assert_no_error (error);

  /* Reported Tuesday 4 November: investigated Monday 17 (due Tuesday 18),
   * summary Monday 24 (due Thursday 20), no safety work (due Monday 24),
   * further work started Wednesday 26 (due 12 weeks after the investigation). */
  set_reported (mould, "2025-11-04", -1);
  rd_incident_set_hazard (mould, RD_HAZARD_SIGNIFICANT);
  set_step (mould, RD_STEP_INVESTIGATED, "2025-11-17");
  set_step (mould, RD_STEP_SUMMARY_GIVEN, "2025-11-24");
  set_step (mould, RD_STEP_WORKS_STARTED, "2025-11-26");
  store_incident (f, mould);
  /* Emergency reported Monday 3 November at 14:30: somewhere else to stay
   * offered the next day, no investigation recorded. */
  set_reported (gas, "2025-11-03", 14 * 60 + 30);
  rd_incident_set_hazard (gas, RD_HAZARD_EMERGENCY);
  set_step (gas, RD_STEP_ALTERNATIVE_OFFERED, "2025-11-04");
  store_incident (f, gas);
  /* Urgent (5 working days) from Monday 3 November: due Monday 10, done Wednesday 12. */
  set_reported (boiler, "2025-11-03", -1);
  rd_incident_set_repair_priority (boiler, "urgent");
  set_step (boiler, RD_STEP_REPAIRED, "2025-11-12");
  store_incident (f, boiler);

  report = deadlines_on (f, "2025-12-01");

  d = titled (report, "The investigation of the damp and mould hazard");
  assert_due (d, "2025-11-18");
  g_assert_cmpint (rd_deadline_get_status (d), ==, RD_DEADLINE_MET);
  d = titled (report, "The written summary of the investigation");
  assert_due (d, "2025-11-20");
  g_assert_cmpint (rd_deadline_get_status (d), ==, RD_DEADLINE_MISSED);
  g_assert_cmpint (rd_deadline_get_working_days_late (d), ==, 2);
  d = titled (report, "The safety work");
  assert_due (d, "2025-11-24");
  g_assert_cmpint (rd_deadline_get_status (d), ==, RD_DEADLINE_MISSED);
  g_assert_false (rd_moment_is_set (rd_deadline_get_done (d)));
  d = titled (report, "Starting the further work");
  assert_due (d, "2026-02-09");
  g_assert_cmpint (rd_deadline_get_status (d), ==, RD_DEADLINE_MET);

  d = titled (report, "Making the emergency hazard safe");
  g_assert_cmpint (rd_deadline_get_status (d), ==, RD_DEADLINE_MET);
  g_assert_nonnull (strstr (rd_deadline_get_explanation (d), "alternative accommodation"));
  d = titled (report, "The investigation of the emergency hazard");
  g_assert_cmpint (rd_deadline_get_status (d), ==, RD_DEADLINE_MISSED);

  d = only (report, RD_DEADLINE_KIND_REPAIR);
  assert_due (d, "2025-11-10");
  g_assert_cmpint (rd_deadline_get_status (d), ==, RD_DEADLINE_MISSED);
  g_assert_cmpint (rd_deadline_get_working_days_late (d), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "Europe/London", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/incident-reports/migrate-from-v7", test_migrate_from_v7);
  ADD ("/incident-reports/round-trip", test_round_trip);
  ADD ("/incident-reports/json-refuses", test_json_refuses);
  ADD ("/incident-reports/misplaced-fields", test_misplaced_fields);
  ADD ("/incident-reports/asb-met-and-missed", test_asb_met_and_missed);
  ADD ("/incident-reports/no-report-no-deadline", test_no_report_no_deadline);
  ADD ("/incident-reports/repairs-and-hazards", test_repairs_and_hazards);
  ADD ("/incident-reports/steps-round-trip", test_steps_round_trip);
  ADD ("/incident-reports/steps-refused", test_steps_refused);
  ADD ("/incident-reports/steps-copied", test_steps_copied);
  ADD ("/incident-reports/steps-met-late-missing", test_steps_met_late_missing);
#undef ADD

  return g_test_run ();
}
