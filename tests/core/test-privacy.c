/* test-privacy.c: the lock passphrase (hash, verify, refuse) and erasing a
 * client without trace in the database, its log and the evidence folder.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <string.h>

#include "rd-core.h"
#include "advisers-fixtures.h"
#include "store-fixtures.h"
#include "evidence-fixtures.h"

typedef struct {
  char    *dir;
  char    *work;
  RdStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = fixture_store_open_temp ("redress-privacy-XXXXXX", &f->dir);
  f->work = g_build_filename (f->dir, "work", NULL);
  g_assert_cmpint (g_mkdir (f->work, 0700), ==, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  fixture_store_close_temp (&f->store, &f->dir);
  g_free (f->work);
}

static void
test_passphrase_hash (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = rd_passphrase_hash ("correct horse battery", &error);
  g_autofree char *again = rd_passphrase_hash ("correct horse battery", &error);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_null (strstr (hash, "correct horse"));
  /* Salted: the same passphrase never gives the same hash. */
  g_assert_cmpstr (hash, !=, again);

  g_assert_true (rd_passphrase_verify (hash, "correct horse battery"));
  g_assert_true (rd_passphrase_verify (again, "correct horse battery"));
  g_assert_false (rd_passphrase_verify (hash, "correct horse batterY"));
  g_assert_false (rd_passphrase_verify (hash, ""));
  g_assert_false (rd_passphrase_verify (hash, NULL));
  g_assert_false (rd_passphrase_verify ("correct horse battery", "correct horse battery"));
  g_assert_false (rd_passphrase_verify ("", ""));
  g_assert_false (rd_passphrase_verify (NULL, "x"));

  g_assert_null (rd_passphrase_hash ("", &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
}

static void
test_lock_settings (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = rd_passphrase_hash ("s3cret passphrase", &error);
  g_autofree char *stored = NULL;
  g_autoptr(RdStore) reopened = NULL;

  g_assert_null (rd_store_dup_lock_hash (f->store));
  g_assert_cmpuint (rd_store_get_lock_idle_minutes (f->store), ==, 0);

  g_assert_true (rd_store_set_lock_hash (f->store, hash, &error));
  g_assert_true (rd_store_set_lock_idle_minutes (f->store, 5, &error));
  g_assert_no_error (error);
  g_assert_false (rd_store_set_lock_idle_minutes (f->store, 100000, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  reopened = rd_store_open (f->dir, &error);
  g_assert_no_error (error);
  stored = rd_store_dup_lock_hash (reopened);
  g_assert_cmpstr (stored, ==, hash);
  g_assert_true (rd_passphrase_verify (stored, "s3cret passphrase"));
  g_assert_false (rd_passphrase_verify (stored, "s3cret"));
  g_assert_cmpuint (rd_store_get_lock_idle_minutes (reopened), ==, 5);

  /* Only the hash is written: the passphrase is nowhere in the files. */
  g_clear_object (&reopened);
  g_clear_object (&f->store);
  g_assert_false (advisers_tree_contains (f->dir, "s3cret passphrase"));
  f->store = rd_store_open (f->dir, &error);
  g_assert_no_error (error);

  g_assert_true (rd_store_set_lock_hash (f->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (rd_store_dup_lock_hash (f->store));
}

static void
assert_no_trace (Fixture    *f,
                 const char *marker)
{
  g_autofree char *db = g_strdup (rd_store_get_path (f->store));
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *evidence = g_build_filename (f->dir, "evidence", NULL);
  g_autofree char *thumbs = g_build_filename (f->dir, "thumbnails", NULL);

  g_assert_false (advisers_file_contains (db, marker));
  g_assert_false (advisers_file_contains (wal, marker));
  g_assert_false (advisers_tree_contains (evidence, marker));
  g_assert_false (advisers_tree_contains (thumbs, marker));
}

static void
test_erase (Fixture       *f,
            gconstpointer  data)
{
  const char *marker = "zqx7marker";
  const char *keep = "kept9other";
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_strdup (rd_store_get_path (f->store));
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *evidence = g_build_filename (f->dir, "evidence", NULL);
  g_autofree char *work_a = g_build_filename (f->work, "a", NULL);
  g_autofree char *work_b = g_build_filename (f->work, "b", NULL);
  g_autofree char *shared = NULL;
  g_autofree char *what = NULL;
  g_autoptr(RdCase) other = NULL;
  g_autoptr(GFile) shared_file = NULL;
  g_autoptr(RdEvidence) shared_a = NULL;
  g_autoptr(RdEvidence) shared_b = NULL;
  g_autofree char *shared_path = NULL;
  RdEraseSummary summary = { 0 };
  gint64 case_a, case_b;

  g_assert_cmpint (g_mkdir (work_a, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (work_b, 0700), ==, 0);
  case_a = advisers_make_full_case (f->store, work_a, marker);
  case_b = advisers_make_full_case (f->store, work_b, keep);

  /* One file both cases hold: it stays for the other case. */
  shared = g_build_filename (f->work, "shared.txt", NULL);
  g_assert_true (g_file_set_contents (shared, "Shared between two cases\n", -1, NULL));
  shared_file = g_file_new_for_path (shared);
  shared_a = rd_store_import_evidence (f->store, case_a, shared_file, NULL, NULL, &error);
  g_assert_no_error (error);
  shared_b = rd_store_import_evidence (f->store, case_b, shared_file, NULL, NULL, &error);
  g_assert_no_error (error);
  shared_path = rd_store_dup_evidence_path (f->store, rd_evidence_get_sha256 (shared_a));

  /* The search must be able to find the marker before the erase, or its
   * absence after proves nothing. */
  g_assert_true (advisers_file_contains (db, marker) || advisers_file_contains (wal, marker));
  g_assert_true (advisers_tree_contains (evidence, marker));

  g_assert_true (rd_store_summarise_case (f->store, case_a, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.incidents, ==, 2);
  g_assert_cmpuint (summary.revisions, >=, 1);
  g_assert_cmpuint (summary.parties, ==, 2);
  g_assert_cmpuint (summary.contacts, ==, 2);
  g_assert_cmpuint (summary.complaints, ==, 1);
  g_assert_cmpuint (summary.evidence, ==, 5);
  g_assert_cmpuint (summary.evidence_files, ==, 4);
  what = rd_erase_summary_describe (&summary);
  g_assert_nonnull (strstr (what, "2 diary entries"));
  g_assert_nonnull (strstr (what, "2 contacts"));
  g_assert_nonnull (strstr (what, "4 evidence files"));
  {
    RdEraseSummary one = { .incidents = 1, .revisions = 1, .evidence_files = 1 };
    g_autofree char *said = rd_erase_summary_describe (&one);

    /* One of each reads as one, not "1 earlier versions". */
    g_assert_nonnull (strstr (said, "1 diary entry (with 1 earlier version)"));
    g_assert_nonnull (strstr (said, "1 evidence file"));
    g_assert_null (strstr (said, "versions"));
  }

  g_assert_true (rd_store_erase_case (f->store, case_a, &error));
  g_assert_no_error (error);

  assert_no_trace (f, marker);
  /* …while the other client is all there. */
  g_assert_true (advisers_file_contains (db, keep) || advisers_file_contains (wal, keep));
  other = rd_store_get_case (f->store, case_b, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (shared_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (advisers_count_rows (f->store, "evidence"), ==, 5);
  g_assert_cmpuint (advisers_count_rows (f->store, "incidents"), ==, 2);
  g_assert_cmpuint (advisers_count_rows (f->store, "incident_revisions"), ==,
                    summary.revisions);
  g_assert_null (rd_store_get_case (f->store, case_a, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Erasing what is not there says so. */
  g_assert_false (rd_store_erase_case (f->store, case_a, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
}

static void
test_erase_with_reader (Fixture       *f,
                        gconstpointer  data)
{
  const char *marker = "rdr5marker";
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) second = NULL;
  g_autoptr(GListModel) cases = NULL;
  gint64 case_id;

  case_id = advisers_make_full_case (f->store, f->work, marker);
  /* Another connection (as a worker thread would have) that is idle does
   * not stop the log from being emptied. */
  second = rd_store_open_secondary (f->store, &error);
  g_assert_no_error (error);
  cases = rd_store_list_cases (second, &error);
  g_assert_no_error (error);
  g_assert_true (rd_store_erase_case (f->store, case_id, &error));
  g_assert_no_error (error);
  assert_no_trace (f, marker);
}

static void
test_cli_erase (Fixture       *f,
                gconstpointer  data)
{
  const char *marker = "cli3marker";
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(RdCase) still = NULL;
  gint64 case_id;

  case_id = advisers_make_full_case (f->store, f->work, marker);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);
  g_clear_object (&f->store);

  /* Without --yes it only says what would go. */
  g_assert_cmpint (fixture_run_cli (f->dir, (const char *[]) { "erase", id, NULL },
                                    &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "2 diary entries"));
  g_assert_nonnull (strstr (err, "--yes"));
  f->store = rd_store_open (f->dir, &error);
  g_assert_no_error (error);
  still = rd_store_get_case (f->store, case_id, &error);
  g_assert_no_error (error);
  g_clear_object (&f->store);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (fixture_run_cli (f->dir, (const char *[]) { "erase", id, "--yes", NULL },
                                    &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Erased case"));
  f->store = rd_store_open (f->dir, &error);
  g_assert_no_error (error);
  assert_no_trace (f, marker);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (fixture_run_cli (f->dir, (const char *[]) { "erase", id, "--yes", NULL },
                                    &out, &err), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (fixture_run_cli (f->dir, (const char *[]) { "erase", "abc", NULL },
                                    &out, &err), ==, 2);
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* The data folder Redress makes is 0700 and its case file 0600, whatever
 * the umask; an older, looser case file is tightened when it is opened. */
static void
test_file_modes (void)
{
  g_autofree char *top = g_dir_make_tmp ("redress-modes-XXXXXX", NULL);
  g_autofree char *data_dir = g_build_filename (top, "data", NULL);
  g_autofree char *db = g_build_filename (data_dir, "redress.db", NULL);
  g_autofree char *wal = g_build_filename (data_dir, "redress.db-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdCase) rcase = rd_case_new ();
  mode_t old = umask (022);

  store = rd_store_open (data_dir, &error);
  g_assert_no_error (error);
  rd_case_set_title (rcase, "Private");
  g_assert_true (rd_store_save_case (store, rcase, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (data_dir), ==, 0700);
  g_assert_cmpuint (mode_of (db), ==, 0600);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    g_assert_cmpuint (mode_of (wal), ==, 0600);
  g_clear_object (&store);

  g_assert_cmpint (g_chmod (db, 0644), ==, 0);
  store = rd_store_open (data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (db), ==, 0600);
  g_clear_object (&store);

  umask (old);
  fixture_remove_tree (top);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/privacy/passphrase/hash-verify-refuse", test_passphrase_hash);
  g_test_add_func ("/privacy/file-modes", test_file_modes);
  g_test_add ("/privacy/lock/settings", Fixture, NULL, fixture_setup, test_lock_settings, fixture_teardown);
  g_test_add ("/privacy/erase/no-trace", Fixture, NULL, fixture_setup, test_erase, fixture_teardown);
  g_test_add ("/privacy/erase/with-reader", Fixture, NULL, fixture_setup, test_erase_with_reader, fixture_teardown);
  g_test_add ("/privacy/erase/cli", Fixture, NULL, fixture_setup, test_cli_erase, fixture_teardown);

  return g_test_run ();
}
