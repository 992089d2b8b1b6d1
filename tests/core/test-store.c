/* test-store.c: the database: migrations, round trips, revisions, refusals.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rd-core.h"
#include "rd-test-fixtures.h"
#include "evidence-fixtures.h"
#include "store-fixtures.h"

typedef struct {
  char    *dir;
  RdStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = fixture_store_open_temp ("redress-test-XXXXXX", &f->dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  fixture_store_close_temp (&f->store, &f->dir);
}

static RdIncident *
make_incident (gint64      case_id,
               const char *when,
               const char *description)
{
  g_autoptr(GDateTime) starts = rd_datetime_parse_local (when, NULL);
  RdIncident *incident = rd_incident_new ();

  g_assert_nonnull (starts);
  rd_incident_set_case_id (incident, case_id);
  rd_incident_set_starts_at (incident, starts);
  rd_incident_set_description (incident, description);
  return incident;
}

static int
read_user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

static void
test_migrate_from_empty (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GListModel) cases = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) again = NULL;

  g_assert_true (g_file_test (rd_store_get_path (f->store), G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (rd_store_get_schema_version (f->store), ==, RD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (read_user_version (rd_store_get_path (f->store)), ==, RD_STORE_SCHEMA_VERSION);

  cases = rd_store_list_cases (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 0);

  /* Opening a current database again migrates nothing and loses nothing. */
  g_clear_object (&cases);
  g_object_unref (fixture_make_case (f->store, "Kept"));
  g_clear_object (&f->store);
  again = rd_store_open (f->dir, &error);
  g_assert_no_error (error);
  cases = rd_store_list_cases (again, &error);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 1);
}

static void
test_case_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(RdCase) back = NULL;
  g_autoptr(GError) error = NULL;

  rd_case_set_title (rcase, "  Noise from Flat 6 — “the bass”  ");
  rd_case_set_resident_name (rcase, "Zoë Ó Briain");
  rd_case_set_address (rcase, "Flat 5, Ærø House\n12 Çelik Road\nLondon E1 6AN");
  rd_case_set_landlord_name (rcase, "Clarion Housing Association");
  rd_case_set_tenancy_type (rcase, RD_TENANCY_SHARED_OWNERSHIP);
  rd_case_set_notes (rcase, "日本語のメモ 🏠");

  g_assert_true (rd_store_save_case (f->store, rcase, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rd_case_get_id (rcase), >, 0);
  g_assert_cmpint (rd_case_get_created_at (rcase), >, 0);

  back = rd_store_get_case (f->store, rd_case_get_id (rcase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rd_case_get_title (back), ==, "Noise from Flat 6 — “the bass”");
  g_assert_cmpstr (rd_case_get_resident_name (back), ==, "Zoë Ó Briain");
  g_assert_cmpstr (rd_case_get_address (back), ==, "Flat 5, Ærø House\n12 Çelik Road\nLondon E1 6AN");
  g_assert_cmpstr (rd_case_get_landlord_name (back), ==, "Clarion Housing Association");
  g_assert_cmpint (rd_case_get_tenancy_type (back), ==, RD_TENANCY_SHARED_OWNERSHIP);
  g_assert_cmpstr (rd_case_get_notes (back), ==, "日本語のメモ 🏠");
  g_assert_cmpint (rd_case_get_created_at (back), ==, rd_case_get_created_at (rcase));
  g_assert_cmpint (rd_case_get_updated_at (back), ==, rd_case_get_updated_at (rcase));

  /* Rename */
  rd_case_set_title (back, "Renamed");
  g_assert_true (rd_store_save_case (f->store, back, &error));
  g_clear_object (&back);
  back = rd_store_get_case (f->store, rd_case_get_id (rcase), &error);
  g_assert_cmpstr (rd_case_get_title (back), ==, "Renamed");
}

/* The language a case's documents are written in: kept, English by
 * default, and only a language code. */
static void
test_case_document_language (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(RdCase) back = NULL;
  g_autoptr(GError) error = NULL;

  rd_case_set_title (rcase, "Damp in the bedroom");
  g_assert_cmpstr (rd_case_get_document_language (rcase), ==, "en");
  g_assert_true (rd_store_save_case (f->store, rcase, &error));
  g_assert_no_error (error);
  back = rd_store_get_case (f->store, rd_case_get_id (rcase), &error);
  g_assert_cmpstr (rd_case_get_document_language (back), ==, "en");

  rd_case_set_document_language (back, "cy");
  g_assert_true (rd_store_save_case (f->store, back, &error));
  g_clear_object (&back);
  back = rd_store_get_case (f->store, rd_case_get_id (rcase), &error);
  g_assert_cmpstr (rd_case_get_document_language (back), ==, "cy");

  /* Not a code: refused, and what was saved stays */
  rd_case_set_document_language (back, "../../etc");
  g_assert_false (rd_store_save_case (f->store, back, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&back);
  back = rd_store_get_case (f->store, rd_case_get_id (rcase), &error);
  g_assert_cmpstr (rd_case_get_document_language (back), ==, "cy");

  /* Empty means English, as for every case before the choice existed */
  rd_case_set_document_language (back, "");
  g_assert_cmpstr (rd_case_get_document_language (back), ==, "en");
}

static void
test_case_needs_title (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(GListModel) cases = NULL;
  g_autoptr(GError) error = NULL;

  rd_case_set_title (rcase, "   \n ");
  g_assert_false (rd_store_save_case (f->store, rcase, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_assert_cmpint (rd_case_get_id (rcase), ==, 0);

  cases = rd_store_list_cases (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 0);
}

static void
test_incident_round_trip (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RdCase) rcase = fixture_make_case (f->store, "ASB");
  g_autoptr(RdIncident) incident = NULL;
  g_autoptr(RdIncident) back = NULL;
  g_autoptr(GDateTime) ends = rd_datetime_parse_local ("2024-03-06T01:15", NULL);
  g_autoptr(GError) error = NULL;

  incident = make_incident (rd_case_get_id (rcase), "2024-03-05T23:40",
                            "Music through the ceiling — «loud» bass, 2 hours.\nSecond line");
  rd_incident_set_ends_at (incident, ends);
  rd_incident_set_category (incident, RD_CATEGORY_HARASSMENT);
  rd_incident_set_location (incident, "Stairwell, Bloc B — 2ᵉ étage");
  rd_incident_set_impact (incident, "Children (ages 4 & 7) woke; I couldn’t sleep");
  rd_incident_set_people (incident, "Man from Flat 6 (Müller)");
  rd_incident_set_witnesses (incident, "Mrs Øster, Flat 3");
  rd_incident_set_reported_to (incident, RD_REPORTED_POLICE | RD_REPORTED_COUNCIL);
  rd_incident_set_reference (incident, "CAD 4471/05MAR24");

  g_assert_true (rd_store_save_incident (f->store, incident, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rd_incident_get_id (incident), >, 0);

  back = rd_store_get_incident (f->store, rd_incident_get_id (incident), &error);
  g_assert_no_error (error);
  g_assert_true (rd_incident_content_equal (incident, back));
  g_assert_cmpint (rd_incident_get_case_id (back), ==, rd_case_get_id (rcase));
  g_assert_cmpstr (rd_incident_get_description (back), ==,
                   "Music through the ceiling — «loud» bass, 2 hours.\nSecond line");
  g_assert_cmpstr (rd_incident_get_location (back), ==, "Stairwell, Bloc B — 2ᵉ étage");
  g_assert_cmpstr (rd_incident_get_impact (back), ==, "Children (ages 4 & 7) woke; I couldn’t sleep");
  g_assert_cmpstr (rd_incident_get_people (back), ==, "Man from Flat 6 (Müller)");
  g_assert_cmpstr (rd_incident_get_witnesses (back), ==, "Mrs Øster, Flat 3");
  g_assert_cmpstr (rd_incident_get_reference (back), ==, "CAD 4471/05MAR24");
  g_assert_cmpint (rd_incident_get_category (back), ==, RD_CATEGORY_HARASSMENT);
  g_assert_cmpint (rd_incident_get_reported_to (back), ==, RD_REPORTED_POLICE | RD_REPORTED_COUNCIL);
  g_assert_cmpint (g_date_time_get_hour (rd_incident_get_starts_at (back)), ==, 23);
  g_assert_cmpint (g_date_time_get_minute (rd_incident_get_starts_at (back)), ==, 40);
  g_assert_true (g_date_time_equal (rd_incident_get_ends_at (back), ends));
  g_assert_cmpint (rd_incident_get_created_at (back), ==, rd_incident_get_created_at (incident));

  /* No end time survives as no end time. */
  rd_incident_set_ends_at (back, NULL);
  g_assert_true (rd_store_save_incident (f->store, back, NULL, &error));
  g_clear_object (&incident);
  incident = rd_store_get_incident (f->store, rd_incident_get_id (back), &error);
  g_assert_null (rd_incident_get_ends_at (incident));
}

static void
test_incidents_newest_first (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(RdCase) rcase = fixture_make_case (f->store, "Order");
  g_autoptr(RdCase) other = fixture_make_case (f->store, "Other case");
  const char *times[] = { "2024-02-01T10:00", "2024-05-01T09:00", "2023-12-24T22:00", "2024-05-01T21:30" };
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(RdIncident) incident = make_incident (rd_case_get_id (rcase), times[i], times[i]);
      g_assert_true (rd_store_save_incident (f->store, incident, NULL, &error));
    }
  {
    g_autoptr(RdIncident) elsewhere = make_incident (rd_case_get_id (other), "2024-06-01T10:00", "x");
    g_assert_true (rd_store_save_incident (f->store, elsewhere, NULL, &error));
  }

  list = rd_store_list_incidents (f->store, rd_case_get_id (rcase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  {
    const char *expected[] = { "2024-05-01T21:30", "2024-05-01T09:00", "2024-02-01T10:00", "2023-12-24T22:00" };
    for (guint i = 0; i < 4; i++)
      {
        g_autoptr(RdIncident) incident = g_list_model_get_item (list, i);
        g_assert_cmpstr (rd_incident_get_description (incident), ==, expected[i]);
      }
  }
}

static void
test_incident_validation (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RdCase) rcase = fixture_make_case (f->store, "Validation");
  g_autoptr(GDateTime) now = rd_datetime_parse_local ("2025-06-11T10:00", NULL);
  g_autoptr(RdClock) clock = rd_clock_new_fixed (now);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  /* "The future" is the store's clock's, never the real day's. */
  rd_store_set_clock (f->store, clock);

  rd_incident_set_case_id (incident, rd_case_get_id (rcase));
  g_assert_false (rd_store_save_incident (f->store, incident, NULL, &error));
  g_assert_error (error, RD_INCIDENT_ERROR, RD_INCIDENT_ERROR_NO_START);
  g_clear_error (&error);

  rd_incident_set_starts_at (incident, tomorrow);
  g_assert_false (rd_store_save_incident (f->store, incident, NULL, &error));
  g_assert_error (error, RD_INCIDENT_ERROR, RD_INCIDENT_ERROR_START_IN_FUTURE);
  g_clear_error (&error);

  before = g_date_time_add_hours (now, -3);
  rd_incident_set_starts_at (incident, before);
  {
    g_autoptr(GDateTime) earlier = g_date_time_add_hours (now, -4);
    rd_incident_set_ends_at (incident, earlier);
  }
  g_assert_false (rd_store_save_incident (f->store, incident, NULL, &error));
  g_assert_error (error, RD_INCIDENT_ERROR, RD_INCIDENT_ERROR_END_BEFORE_START);
  g_assert_cmpint (rd_incident_get_id (incident), ==, 0);

  list = rd_store_list_incidents (f->store, rd_case_get_id (rcase), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
}

static void
test_revisions (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RdCase) rcase = fixture_make_case (f->store, "Revisions");
  g_autoptr(RdIncident) incident = make_incident (rd_case_get_id (rcase), "2024-01-10T20:00", "First text");
  g_autoptr(GListModel) revisions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 sitting = 0;

  /* One sitting: typing extends the sitting's revision. */
  g_assert_true (rd_store_save_incident (f->store, incident, &sitting, &error));
  g_assert_cmpint (sitting, >, 0);
  rd_incident_set_description (incident, "First text, more");
  g_assert_true (rd_store_save_incident (f->store, incident, &sitting, &error));
  rd_incident_set_description (incident, "First text, more and more");
  g_assert_true (rd_store_save_incident (f->store, incident, &sitting, &error));

  revisions = rd_store_list_incident_revisions (f->store, rd_incident_get_id (incident), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, 1);
  g_clear_object (&revisions);

  /* Saving the same text again writes nothing. */
  g_assert_true (rd_store_save_incident (f->store, incident, NULL, &error));
  revisions = rd_store_list_incident_revisions (f->store, rd_incident_get_id (incident), &error);
  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, 1);
  g_clear_object (&revisions);

  /* A new sitting never overwrites what the first one wrote. */
  sitting = 0;
  rd_incident_set_description (incident, "Corrected the next day");
  rd_incident_set_category (incident, RD_CATEGORY_DAMAGE);
  g_assert_true (rd_store_save_incident (f->store, incident, &sitting, &error));
  /* Nor does a stale sitting id from an earlier revision. */
  {
    g_autoptr(GListModel) so_far = rd_store_list_incident_revisions (f->store, rd_incident_get_id (incident), NULL);
    g_autoptr(RdIncidentRevision) first = g_list_model_get_item (so_far, 0);
    gint64 stale = rd_incident_revision_get_id (first);

    rd_incident_set_description (incident, "Third version");
    g_assert_true (rd_store_save_incident (f->store, incident, &stale, &error));
    g_assert_cmpint (stale, !=, rd_incident_revision_get_id (first));
  }

  revisions = rd_store_list_incident_revisions (f->store, rd_incident_get_id (incident), &error);
  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, 3);
  {
    g_autoptr(RdIncidentRevision) r1 = g_list_model_get_item (revisions, 0);
    g_autoptr(RdIncidentRevision) r2 = g_list_model_get_item (revisions, 1);
    g_autoptr(RdIncidentRevision) r3 = g_list_model_get_item (revisions, 2);

    g_assert_cmpuint (rd_incident_revision_get_number (r1), ==, 1);
    g_assert_cmpstr (rd_incident_get_description (rd_incident_revision_get_snapshot (r1)), ==,
                     "First text, more and more");
    g_assert_cmpint (rd_incident_get_category (rd_incident_revision_get_snapshot (r1)), ==, RD_CATEGORY_NOISE);
    g_assert_cmpstr (rd_incident_get_description (rd_incident_revision_get_snapshot (r2)), ==,
                     "Corrected the next day");
    g_assert_cmpint (rd_incident_get_category (rd_incident_revision_get_snapshot (r2)), ==, RD_CATEGORY_DAMAGE);
    g_assert_cmpstr (rd_incident_get_description (rd_incident_revision_get_snapshot (r3)), ==, "Third version");
    g_assert_cmpint (rd_incident_revision_get_written_at (r1), <=, rd_incident_revision_get_written_at (r2));
    g_assert_cmpint (rd_incident_revision_get_written_at (r1), ==, rd_incident_get_created_at (incident));
  }
}

static void
set_user_version (const char *path,
                  int         version)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  /* Leave no WAL behind, so the file alone is the database. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_refuse_newer_schema (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_strdup (rd_store_get_path (f->store));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  g_autoptr(RdStore) refused = NULL;
  g_autoptr(GError) error = NULL;

  g_object_unref (fixture_make_case (f->store, "From the future"));
  g_clear_object (&f->store);
  set_user_version (path, RD_STORE_SCHEMA_VERSION + 5);

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  refused = rd_store_open (f->dir, &error);
  g_assert_null (refused);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer version of Redress"));

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_cmpint (read_user_version (path), ==, RD_STORE_SCHEMA_VERSION + 5);

  /* Put it back so the fixture can reopen and clean up. */
  set_user_version (path, RD_STORE_SCHEMA_VERSION);
  g_clear_error (&error);
  f->store = rd_store_open (f->dir, &error);
  g_assert_no_error (error);
}

static void
test_refuse_corrupt (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-corrupt-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "redress.db", NULL);
  g_autofree char *after = NULL;
  gsize after_len;
  const char garbage[] = "This is not a database at all, just some text that landed here.\n";
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, garbage, sizeof garbage - 1, NULL));
  store = rd_store_open (dir, &error);
  g_assert_null (store);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "has not been changed"));

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (garbage, sizeof garbage - 1, after, after_len);

  fixture_remove_tree (dir);
}

/* Files in @dir whose names start with "redress.db-open-". */
static guint
count_open_markers (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    n += g_str_has_prefix (name, "redress.db-open-");
  return n;
}

/* Overwrites the page before the last with 0xff: SQLite finds it only by
 * reading it (quick_check does), and the file keeps its length. */
static void
damage_a_page (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 3 * 4096);
  memset (contents + len - 2 * 4096, 0xff, 4096);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
}

/* The whole file is read through only after a session that did not close:
 * a marker left by a process that is gone, or from before the machine
 * last started. A clean close leaves no marker. */
static void
test_check_after_unclean_close (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-unclean-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "redress.db", NULL);
  g_autofree char *marker = g_strdup_printf ("%s-open-%d-0", path, (int) getpid ());
  g_autoptr(GError) error = NULL;
  int status;
  pid_t gone;

  {
    g_autoptr(RdStore) store = rd_store_open (dir, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (count_open_markers (dir), ==, 1);
    for (int i = 0; i < 200; i++)
      {
        g_autofree char *title = g_strdup_printf ("Case %d with a long enough title to fill pages", i);
        g_object_unref (fixture_make_case (store, title));
      }
  }
  g_assert_cmpuint (count_open_markers (dir), ==, 0);

  /* A marker of this very process, but written before a restart. */
  g_assert_true (g_file_set_contents (marker, "another-boot\n", -1, NULL));
  {
    g_autoptr(RdStore) store = rd_store_open (dir, &error);
    g_assert_no_error (error);
    /* Checked and found whole: the old marker goes, this one stays. */
    g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (count_open_markers (dir), ==, 1);
  }

  /* A damaged page is found after an unclean close, and the marker stays
   * for the next try. */
  damage_a_page (path);
  {
    /* After a clean close nothing reads the damaged page. */
    g_autoptr(RdStore) store = rd_store_open (dir, &error);
    g_assert_no_error (error);
  }
  gone = fork ();
  if (gone == 0)
    _exit (0);
  g_assert_cmpint (waitpid (gone, &status, 0), ==, gone);
  {
    g_autofree char *boot_id = NULL;
    g_autofree char *dead = g_strdup_printf ("%s-open-%d-3", path, (int) gone);
    g_autoptr(RdStore) store = NULL;

    if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &boot_id, NULL, NULL))
      boot_id = g_strdup ("");
    g_assert_true (g_file_set_contents (dead, g_strstrip (boot_id), -1, NULL));
    store = rd_store_open (dir, &error);
    g_assert_null (store);
    g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_CORRUPT);
    g_clear_error (&error);
    g_assert_true (g_file_test (dead, G_FILE_TEST_EXISTS));
  }

  fixture_remove_tree (dir);
}

static void
test_refuse_truncated (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-truncated-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "redress.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  gsize len, after_len;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(RdStore) store = rd_store_open (dir, &error);
    g_assert_no_error (error);
    for (int i = 0; i < 200; i++)
      {
        g_autofree char *title = g_strdup_printf ("Case %d with a long enough title to fill pages", i);
        g_object_unref (fixture_make_case (store, title));
      }
  }
  /* The store closed cleanly, so the WAL has been folded in. */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 8192);
  g_assert_true (g_file_set_contents (path, contents, len / 2 + 100, NULL));

  {
    g_autoptr(RdStore) store = rd_store_open (dir, &error);
    g_assert_null (store);
    g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_CORRUPT);
  }
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (contents, len / 2 + 100, after, after_len);

  fixture_remove_tree (dir);
}

static void
test_refuse_foreign_database (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-foreign-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "redress.db", NULL);
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipes (name TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = rd_store_open (dir, &error);
  g_assert_null (store);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_OURS);
  g_assert_cmpint (read_user_version (path), ==, 0);

  fixture_remove_tree (dir);
}

/* A folder where the case file should be: say what it is and what to do. */
static void
test_refuse_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-folder-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "redress.db", NULL);
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  store = rd_store_open (dir, &error);
  g_assert_null (store);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_CANNOT_OPEN);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "is a folder"));
  g_assert_nonnull (strstr (error->message, "another data folder"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));

  fixture_remove_tree (dir);
}

typedef struct {
  RdStore *store;
  gint64   case_id;
  guint    written;
} WriterData;

static gpointer
writer_thread (gpointer user_data)
{
  WriterData *w = user_data;

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *text = g_strdup_printf ("Entry %u", i);
      g_autoptr(RdIncident) incident = make_incident (w->case_id, "2024-04-01T12:00", text);
      g_autoptr(GError) error = NULL;

      if (!rd_store_save_incident (w->store, incident, NULL, &error))
        g_error ("writer: %s", error->message);
      g_atomic_int_inc (&w->written);
    }
  return NULL;
}

static void
test_second_connection_reads_while_writing (Fixture       *f,
                                            gconstpointer  data)
{
  g_autoptr(RdCase) rcase = fixture_make_case (f->store, "Concurrent");
  g_autoptr(RdStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  WriterData w = { 0 };
  GThread *thread;
  guint reads = 0;
  guint last_seen = 0;

  w.store = rd_store_open_secondary (f->store, &error);
  g_assert_no_error (error);
  w.case_id = rd_case_get_id (rcase);
  reader = g_object_ref (f->store);

  thread = g_thread_new ("writer", writer_thread, &w);
  while (g_atomic_int_get (&w.written) < 200)
    {
      g_autoptr(GListModel) list = rd_store_list_incidents (reader, w.case_id, &error);

      g_assert_no_error (error);
      g_assert_nonnull (list);
      /* A reader sees a consistent, growing snapshot, never an error. */
      g_assert_cmpuint (g_list_model_get_n_items (list), >=, last_seen);
      last_seen = g_list_model_get_n_items (list);
      reads++;
    }
  g_thread_join (thread);
  g_clear_object (&w.store);

  {
    g_autoptr(GListModel) list = rd_store_list_incidents (reader, w.case_id, &error);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 200);
  }
  g_assert_cmpuint (reads, >, 0);
}

static void
test_delete_case_cascades (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(RdCase) rcase = fixture_make_case (f->store, "Delete me");
  g_autoptr(RdIncident) incident = make_incident (rd_case_get_id (rcase), "2024-01-01T10:00", "gone");
  g_autoptr(GError) error = NULL;
  g_autoptr(RdIncident) missing = NULL;

  g_assert_true (rd_store_save_incident (f->store, incident, NULL, &error));
  g_assert_true (rd_store_delete_case (f->store, rd_case_get_id (rcase), &error));
  missing = rd_store_get_incident (f->store, rd_incident_get_id (incident), &error);
  g_assert_null (missing);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
}

typedef struct {
  guint   cases;
  guint   incidents;
  gint64  last_case_id;
} ChangeCount;

static void
on_changed_cb (RdStore     *store,
               const char  *what,
               gint64       case_id,
               ChangeCount *count)
{
  if (g_str_equal (what, "cases"))
    count->cases++;
  else if (g_str_equal (what, "incidents"))
    count->incidents++;
  count->last_case_id = case_id;
}

static void
test_changed_signal (Fixture       *f,
                     gconstpointer  data)
{
  ChangeCount all = { 0 }, only_incidents = { 0 };
  g_autoptr(RdCase) rcase = NULL;
  g_autoptr(RdIncident) incident = NULL;
  g_autoptr(RdIncident) bare = NULL;
  g_autoptr(GError) error = NULL;
  gint64 case_id;

  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed_cb), &all);
  g_signal_connect (f->store, "changed::incidents", G_CALLBACK (on_changed_cb), &only_incidents);

  rcase = fixture_make_case (f->store, "Signals");
  case_id = rd_case_get_id (rcase);
  g_assert_cmpuint (all.cases, ==, 1);
  g_assert_cmpint (all.last_case_id, ==, case_id);
  g_assert_cmpuint (only_incidents.cases, ==, 0);

  incident = make_incident (case_id, "2024-01-01T10:00", "first");
  g_assert_true (rd_store_save_incident (f->store, incident, NULL, &error));
  g_assert_cmpuint (only_incidents.incidents, ==, 1);
  g_assert_cmpint (only_incidents.last_case_id, ==, case_id);

  /* Unchanged content writes nothing and says nothing. */
  g_assert_true (rd_store_save_incident (f->store, incident, NULL, &error));
  g_assert_cmpuint (only_incidents.incidents, ==, 1);

  /* An update that does not carry the case still names it. */
  bare = rd_incident_copy (incident);
  rd_incident_set_case_id (bare, 0);
  rd_incident_set_description (bare, "second");
  g_assert_true (rd_store_save_incident (f->store, bare, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (only_incidents.incidents, ==, 2);
  g_assert_cmpint (only_incidents.last_case_id, ==, case_id);

  g_assert_true (rd_store_delete_incident (f->store, rd_incident_get_id (incident), &error));
  g_assert_cmpuint (only_incidents.incidents, ==, 3);
  g_assert_cmpint (only_incidents.last_case_id, ==, case_id);

  /* A refused write says nothing. */
  rd_case_set_title (rcase, "  ");
  g_assert_false (rd_store_save_case (f->store, rcase, &error));
  g_clear_error (&error);
  g_assert_cmpuint (all.cases, ==, 1);

  g_assert_true (rd_store_delete_case (f->store, case_id, &error));
  g_assert_cmpuint (all.cases, ==, 2);
  g_assert_cmpuint (all.incidents, ==, 3);
}

static char *
dup_contents (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/*
 * A case file (or its folder) that may not be written to is found at
 * open: the store says so in words, still reads every case, refuses each
 * write before trying it, and leaves the file byte for byte as it was.
 */
static void
check_read_only (gboolean folder)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redress-test-XXXXXX", NULL);
  g_autofree char *path = rd_store_dup_database_path (dir);
  g_autoptr(RdStore) store = rd_store_open (dir, &error);
  g_autoptr(RdCase) rcase = NULL;
  g_autoptr(RdCase) other = rd_case_new ();
  g_autoptr(GListModel) cases = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *locked = folder ? dir : path;

  g_assert_no_error (error);
  rcase = fixture_make_case (store, "Kept safe");
  g_assert_false (rd_store_is_read_only (store));
  g_assert_null (rd_store_get_read_only_message (store));
  g_clear_object (&store);
  before = dup_contents (path);

  if (!rd_fixture_set_read_only (locked, TRUE))
    {
      rd_fixture_set_read_only (locked, FALSE);
      fixture_remove_tree (dir);
      g_test_skip ("This file system cannot make a file read-only for this user");
      return;
    }

  store = rd_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (rd_store_is_read_only (store));
  g_assert_nonnull (strstr (rd_store_get_read_only_message (store), "nothing new or changed will be saved"));
  g_assert_nonnull (strstr (rd_store_get_read_only_message (store), folder ? "folder" : "file"));
  cases = rd_store_list_cases (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 1);
  /* A worker's connection reads too, and is as read-only. */
  {
    g_autoptr(RdStore) worker = rd_store_open_secondary (store, &error);
    g_autoptr(GListModel) seen = NULL;

    g_assert_no_error (error);
    g_assert_true (rd_store_is_read_only (worker));
    seen = rd_store_list_cases (worker, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (seen), ==, 1);
  }

  rd_case_set_title (other, "Not saved");
  g_assert_false (rd_store_save_case (store, other, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, rd_store_get_read_only_message (store));
  g_clear_error (&error);
  g_assert_false (rd_store_delete_case (store, rd_case_get_id (rcase), &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_clear_object (&store);

  /* The command-line tool reads, and refuses a write up front, in words. */
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, rd_case_get_id (rcase));
    const char *list[] = { g_getenv ("REDRESS_CLI"), "--data-dir", dir, "cases", NULL };
    const char *erase[] = { g_getenv ("REDRESS_CLI"), "--data-dir", dir, "erase", id, "--yes", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    int status = 0;

    g_assert_nonnull (list[0]);
    g_assert_true (g_spawn_sync (NULL, (char **) list, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                                 &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (out, "Kept safe"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_true (g_spawn_sync (NULL, (char **) erase, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                                 &status, NULL));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (err, "nothing new or changed will be saved"));
  }

  after = dup_contents (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (rd_fixture_set_read_only (locked, FALSE));

  /* Writable again: the case is there, and saving works. */
  store = rd_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_false (rd_store_is_read_only (store));
  g_assert_true (rd_store_save_case (store, other, &error));
  g_clear_object (&store);
  fixture_remove_tree (dir);
}

static void
test_read_only_file (void)
{
  check_read_only (FALSE);
}

static void
test_read_only_folder (void)
{
  check_read_only (TRUE);
}

/*
 * A worker's connection to a store that is open already neither checks
 * the whole file again nor takes the write lock to migrate: it opens at
 * once while another program holds a write, and reads what is committed.
 */
static void
test_secondary_opens_during_write (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(RdCase) rcase = fixture_make_case (f->store, "Busy");
  g_autoptr(RdStore) worker = NULL;
  g_autoptr(GListModel) cases = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *writer = NULL;
  gint64 start;

  g_assert_cmpint (sqlite3_open (rd_store_get_path (f->store), &writer), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (writer, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  worker = rd_store_open_secondary (f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (worker);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_assert_cmpint (rd_store_get_schema_version (worker), ==, RD_STORE_SCHEMA_VERSION);
  cases = rd_store_list_cases (worker, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 1);

  sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (writer);
}

static RdCategory
last_category (RdStore *store,
               gint64   case_id)
{
  g_autoptr(GError) error = NULL;
  RdCategory category = RD_CATEGORY_N_CATEGORIES;

  g_assert_true (rd_store_get_last_category (store, case_id, &category, &error));
  g_assert_no_error (error);
  return category;
}

/* A new entry starts in the category of the entry written last in its case. */
static void
test_last_category (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RdCase) a = fixture_make_case (f->store, "Case A");
  g_autoptr(RdCase) b = fixture_make_case (f->store, "Case B");
  gint64 a_id = rd_case_get_id (a), b_id = rd_case_get_id (b);
  g_autoptr(RdIncident) noise = make_incident (a_id, "2024-05-01T22:00", "Loud music");
  g_autoptr(RdIncident) threats = make_incident (a_id, "2024-04-01T09:00", "Threats on the stairs");
  g_autoptr(RdIncident) damage = make_incident (b_id, "2024-06-01T10:00", "Car scratched");
  g_autoptr(GError) error = NULL;
  RdCategory category = RD_CATEGORY_OTHER;

  /* No entries yet: nothing to go on, and no error. */
  g_assert_false (rd_store_get_last_category (f->store, a_id, &category, &error));
  g_assert_no_error (error);
  g_assert_cmpint (category, ==, RD_CATEGORY_OTHER);

  rd_incident_set_category (noise, RD_CATEGORY_NOISE);
  g_assert_true (rd_store_save_incident (f->store, noise, NULL, &error));
  g_assert_cmpint (last_category (f->store, a_id), ==, RD_CATEGORY_NOISE);

  /* Written later about an earlier day: written order counts, not start. */
  rd_incident_set_category (threats, RD_CATEGORY_HARASSMENT);
  g_assert_true (rd_store_save_incident (f->store, threats, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (last_category (f->store, a_id), ==, RD_CATEGORY_HARASSMENT);

  /* Correcting an older entry does not change it. */
  rd_incident_set_description (noise, "Loud music until 3am");
  g_assert_true (rd_store_save_incident (f->store, noise, NULL, &error));
  g_assert_cmpint (last_category (f->store, a_id), ==, RD_CATEGORY_HARASSMENT);

  /* Each case its own. */
  rd_incident_set_category (damage, RD_CATEGORY_DAMAGE);
  g_assert_true (rd_store_save_incident (f->store, damage, NULL, &error));
  g_assert_cmpint (last_category (f->store, b_id), ==, RD_CATEGORY_DAMAGE);
  g_assert_cmpint (last_category (f->store, a_id), ==, RD_CATEGORY_HARASSMENT);

  /* The last one deleted: the one before it. */
  g_assert_true (rd_store_delete_incident (f->store, rd_incident_get_id (threats), &error));
  g_assert_no_error (error);
  g_assert_cmpint (last_category (f->store, a_id), ==, RD_CATEGORY_NOISE);
}

/* How SQLite would run the last-category query on the file at @path: the
 * plan's lines, one after another. */
static char *
plan_last_category (const char *path)
{
  g_autoptr(GString) plan = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  /* The query of rd_store_get_last_category(). */
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "EXPLAIN QUERY PLAN"
                                       " SELECT category FROM incidents WHERE case_id = ?1"
                                       " ORDER BY created_at DESC, id DESC LIMIT 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&plan), FALSE);
}

static gboolean
has_index (const char *path,
           const char *name)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean found;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return found;
}

/* Schema 22: the entry written last is found through an index, not by
 * sorting every entry of the case (the diary page asks as it first opens). */
static void
test_last_category_index (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *plan = plan_last_category (rd_store_get_path (f->store));

  g_assert_true (has_index (rd_store_get_path (f->store), "incidents_by_case_written"));
  g_assert_nonnull (strstr (plan, "incidents_by_case_written"));
  g_assert_null (strstr (plan, "TEMP B-TREE"));
}

/* A store at schema 21 gains the index as it opens, and answers as before. */
static void
test_migrate_last_category_from_v21 (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(RdCase) a = fixture_make_case (f->store, "Case A");
  g_autoptr(RdCase) b = fixture_make_case (f->store, "Case B");
  gint64 a_id = rd_case_get_id (a), b_id = rd_case_get_id (b);
  g_autoptr(RdIncident) noise = make_incident (a_id, "2024-05-01T22:00", "Loud music");
  g_autoptr(RdIncident) threats = make_incident (a_id, "2024-04-01T09:00", "Threats on the stairs");
  g_autoptr(RdIncident) damage = make_incident (b_id, "2024-06-01T10:00", "Car scratched");
  g_autofree char *path = g_strdup (rd_store_get_path (f->store));
  g_autofree char *plan = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  rd_incident_set_category (noise, RD_CATEGORY_NOISE);
  rd_incident_set_category (threats, RD_CATEGORY_HARASSMENT);
  rd_incident_set_category (damage, RD_CATEGORY_DAMAGE);
  g_assert_true (rd_store_save_incident (f->store, noise, NULL, &error));
  g_assert_true (rd_store_save_incident (f->store, threats, NULL, &error));
  g_assert_true (rd_store_save_incident (f->store, damage, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&f->store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "DROP INDEX incidents_by_case_written;"
                                 "PRAGMA user_version = 21;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (has_index (path, "incidents_by_case_written"));
  plan = plan_last_category (path);
  g_assert_nonnull (strstr (plan, "TEMP B-TREE"));
  g_clear_pointer (&plan, g_free);

  f->store = rd_store_open (f->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (RD_STORE_SCHEMA_VERSION, >=, 22);
  g_assert_cmpint (rd_store_get_schema_version (f->store), ==, RD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (read_user_version (path), ==, RD_STORE_SCHEMA_VERSION);
  g_assert_true (has_index (path, "incidents_by_case_written"));
  plan = plan_last_category (path);
  g_assert_null (strstr (plan, "TEMP B-TREE"));
  g_assert_cmpint (last_category (f->store, a_id), ==, RD_CATEGORY_HARASSMENT);
  g_assert_cmpint (last_category (f->store, b_id), ==, RD_CATEGORY_DAMAGE);
}

/* A data folder from before cases had a language: its cases write in
 * English, as they did. */
static void
test_migrate_document_language (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redress-store-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(RdCase) back = NULL;
  sqlite3 *db;

  g_assert_no_error (error);
  store = rd_store_open (dir, &error);
  g_assert_no_error (error);
  rd_case_set_title (rcase, "Older");
  rd_case_set_document_language (rcase, "pl");
  g_assert_true (rd_store_save_case (store, rcase, &error));
  path = g_strdup (rd_store_get_path (store));
  g_clear_object (&store);

  /* Back to schema 12, as an older Redress left it */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "ALTER TABLE incidents DROP COLUMN service_loss;"
                                 "ALTER TABLE incident_revisions DROP COLUMN service_loss;"
                                 "ALTER TABLE cases DROP COLUMN aware_on;"
                                 "ALTER TABLE cases DROP COLUMN asb_review_reports;"
                                 "ALTER TABLE cases DROP COLUMN asb_review_hate;"
                                 "ALTER TABLE incidents DROP COLUMN asb_report;"
                                 "ALTER TABLE incident_revisions DROP COLUMN asb_report;"
                                 "ALTER TABLE cases DROP COLUMN country;"
                                 "ALTER TABLE cases DROP COLUMN document_language;"
                                 "DROP TRIGGER evidence_exhibit_no_new;"
                                 "DROP TRIGGER evidence_exhibit_no_kept;"
                                 "DROP INDEX evidence_by_exhibit_no;"
                                 "ALTER TABLE evidence DROP COLUMN exhibit_no;"
                                 "ALTER TABLE cases DROP COLUMN next_exhibit_no;"
                                 "ALTER TABLE cases DROP COLUMN bundle_layout;"
                                 "ALTER TABLE complaints DROP COLUMN subject;"
                                 "DROP INDEX incidents_by_case_written;"
                                 "PRAGMA user_version = 12;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = rd_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rd_store_get_schema_version (store), ==, RD_STORE_SCHEMA_VERSION);
  back = rd_store_get_case (store, rd_case_get_id (rcase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rd_case_get_title (back), ==, "Older");
  g_assert_cmpstr (rd_case_get_document_language (back), ==, "en");
  fixture_store_close_temp (&store, &dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/store/migrate-from-empty", test_migrate_from_empty);
  ADD ("/store/case-round-trip", test_case_round_trip);
  ADD ("/store/case-needs-title", test_case_needs_title);
  ADD ("/store/case-document-language", test_case_document_language);
  ADD ("/store/last-category", test_last_category);
  ADD ("/store/last-category-index", test_last_category_index);
  ADD ("/store/migrate-last-category-from-v21", test_migrate_last_category_from_v21);
  ADD ("/store/incident-round-trip", test_incident_round_trip);
  ADD ("/store/incidents-newest-first", test_incidents_newest_first);
  ADD ("/store/incident-validation", test_incident_validation);
  ADD ("/store/revisions", test_revisions);
  ADD ("/store/refuse-newer-schema", test_refuse_newer_schema);
  ADD ("/store/second-connection", test_second_connection_reads_while_writing);
  ADD ("/store/delete-case-cascades", test_delete_case_cascades);
  ADD ("/store/changed-signal", test_changed_signal);
  ADD ("/store/secondary-opens-during-write", test_secondary_opens_during_write);
#undef ADD
  g_test_add_func ("/store/migrate-document-language", test_migrate_document_language);
  g_test_add_func ("/store/refuse-corrupt", test_refuse_corrupt);
  g_test_add_func ("/store/refuse-truncated", test_refuse_truncated);
  g_test_add_func ("/store/check-after-unclean-close", test_check_after_unclean_close);
  g_test_add_func ("/store/refuse-foreign", test_refuse_foreign_database);
  g_test_add_func ("/store/refuse-folder", test_refuse_folder);
  g_test_add_func ("/store/read-only-file", test_read_only_file);
  g_test_add_func ("/store/read-only-folder", test_read_only_folder);

  return g_test_run ();
}
