/* test-export-paths.c: exports never write over what matters: outputs inside the data folder,
 * on an evidence file or on another output of the same run are refused before any work, with
 * the store untouched; a failed export leaves no file behind.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "rd-core.h"
#include "evidence-fixtures.h"
#include "store-fixtures.h"

/* Every file under @dir, by relative path, with its SHA-256. */
static void
snapshot_into (GHashTable *files,
               const char *root,
               const char *rel)
{
  g_autofree char *path = g_build_filename (root, rel, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child_rel = *rel ? g_build_filename (rel, name, NULL) : g_strdup (name);
      g_autofree char *child = g_build_filename (root, child_rel, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        snapshot_into (files, root, child_rel);
      else
        g_hash_table_insert (files, g_steal_pointer (&child_rel), fixture_sha256_of (child));
    }
}

static GHashTable *
snapshot (const char *dir)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  snapshot_into (files, dir, "");
  return files;
}

static void
assert_same_snapshot (GHashTable *before,
                      GHashTable *after)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *was = g_hash_table_lookup (before, key);

      if (was == NULL)
        g_error ("“%s” appeared", (const char *) key);
      g_assert_cmpstr (was, ==, value);
    }
  g_assert_cmpuint (g_hash_table_size (before), ==, g_hash_table_size (after));
}

static void
assert_refused (GError *error,
                int     code)
{
  g_assert_error (error, RD_OUTPUT_ERROR, code);
  g_assert_nonnull (strstr (error->message, "Nothing was written"));
}

static void
test_check_paths (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("redress-output-XXXXXX", &error);
  g_autofree char *data = g_build_filename (root, "data", NULL);
  g_autofree char *evidence = g_build_filename (data, "evidence", NULL);
  g_autofree char *db = g_build_filename (data, "redress.db", NULL);
  g_autofree char *stored = g_build_filename (evidence, "0123abcd", NULL);
  g_autofree char *out = g_build_filename (root, "out", NULL);
  g_autofree char *bundle = g_build_filename (out, "bundle.pdf", NULL);
  g_autofree char *bundle_again = g_build_filename (out, ".", "bundle.pdf", NULL);
  g_autofree char *csv = g_build_filename (out, "chronology.csv", NULL);
  g_autofree char *around = g_build_filename (out, "..", "data", "redress.db", NULL);
  g_autofree char *link = g_build_filename (out, "link.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (out, "no-such-folder", "bundle.pdf", NULL);

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (evidence, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (out, 0700), ==, 0);
  g_assert_true (g_file_set_contents (db, "case file", -1, NULL));
  g_assert_true (g_file_set_contents (stored, "evidence", -1, NULL));
  g_assert_cmpint (symlink (db, link), ==, 0);

  {
    const char *paths[] = { db, NULL };
    g_assert_false (rd_output_check_paths (data, paths, &error));
    assert_refused (error, RD_OUTPUT_ERROR_INSIDE_DATA);
    g_clear_error (&error);
  }
  {
    const char *paths[] = { bundle, stored, NULL };
    g_assert_false (rd_output_check_paths (data, paths, &error));
    assert_refused (error, RD_OUTPUT_ERROR_INSIDE_DATA);
    g_clear_error (&error);
  }
  /* Another spelling of the case file, and a link to it. */
  {
    const char *paths[] = { around, NULL };
    g_assert_false (rd_output_check_paths (data, paths, &error));
    assert_refused (error, RD_OUTPUT_ERROR_INSIDE_DATA);
    g_clear_error (&error);
  }
  {
    const char *paths[] = { link, NULL };
    g_assert_false (rd_output_check_paths (data, paths, &error));
    assert_refused (error, RD_OUTPUT_ERROR_INSIDE_DATA);
    g_clear_error (&error);
  }
  /* A new file in the data folder is refused too: it is Redress's. */
  {
    g_autofree char *fresh = g_build_filename (data, "bundle.pdf", NULL);
    const char *paths[] = { fresh, NULL };
    g_assert_false (rd_output_check_paths (data, paths, &error));
    assert_refused (error, RD_OUTPUT_ERROR_INSIDE_DATA);
    g_clear_error (&error);
  }
  {
    const char *paths[] = { data, NULL };
    g_assert_false (rd_output_check_paths (data, paths, &error));
    assert_refused (error, RD_OUTPUT_ERROR_NOT_A_FILE);
    g_clear_error (&error);
  }
  {
    const char *paths[] = { bundle, csv, bundle_again, NULL };
    g_assert_false (rd_output_check_paths (data, paths, &error));
    assert_refused (error, RD_OUTPUT_ERROR_DUPLICATE);
    g_clear_error (&error);
  }
  /* A folder that is not there protects nothing: writing it fails instead. */
  {
    g_autofree char *temp = NULL;
    const char *paths[] = { nowhere, NULL };

    g_assert_true (rd_output_check_paths (data, paths, &error));
    g_assert_no_error (error);
    temp = rd_output_make_temp (nowhere, &error);
    g_assert_null (temp);
    assert_refused (error, RD_OUTPUT_ERROR_WRITE);
    g_clear_error (&error);
  }
  /* Distinct files outside: allowed, and nothing is made by checking. */
  {
    const char *paths[] = { bundle, csv, NULL };
    g_assert_true (rd_output_check_paths (data, paths, &error));
    g_assert_no_error (error);
    g_assert_false (g_file_test (bundle, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  }
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (db, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "case file");
  }
  fixture_remove_tree (root);
}

static char *
find_stored_evidence (const char *data)
{
  g_autofree char *evidence = g_build_filename (data, "evidence", NULL);
  g_autoptr(GDir) dir = g_dir_open (evidence, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (strlen (name) == 64)
      return g_build_filename (evidence, name, NULL);
  g_assert_not_reached ();
  return NULL;
}

static int
run (const char  *data,
     char       **err,
     ...)
{
  va_list args;
  int status;

  va_start (args, err);
  status = fixture_run_cli_valist (data, NULL, err, args);
  va_end (args);
  return status;
}

static void
assert_dir_holds (const char  *dir,
                  const char **names)
{
  g_autoptr(GHashTable) files = snapshot (dir);
  guint n = 0;

  for (; names[n] != NULL; n++)
    if (!g_hash_table_contains (files, names[n]))
      g_error ("“%s” is missing from %s", names[n], dir);
  g_assert_cmpuint (g_hash_table_size (files), ==, n);
}

static void
test_cli_refusals (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("redress-output-cli-XXXXXX", &error);
  g_autofree char *data = g_build_filename (root, "data", NULL);
  g_autofree char *out = g_build_filename (root, "out", NULL);
  g_autofree char *letter = g_build_filename (root, "letter.pdf", NULL);
  g_autofree char *db = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *bundle = g_build_filename (out, "bundle.pdf", NULL);
  g_autofree char *csv = g_build_filename (out, "chronology.csv", NULL);
  g_autofree char *in_data = g_build_filename (data, "chronology.csv", NULL);
  g_autofree char *case_arg = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdCase) rcase = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (out, 0700), ==, 0);
  store = rd_store_open (data, &error);
  g_assert_no_error (error);
  rcase = fixture_make_case (store, "Damp in the kitchen");
  case_arg = g_strdup_printf ("%" G_GINT64_FORMAT, rd_case_get_id (rcase));
  g_clear_object (&store);
  db = rd_store_dup_database_path (data);

  fixture_write_pdf (letter, 2, "Letter from the landlord about the damp", "2024-06-03T08:00:00");
  g_assert_cmpint (run (data, NULL, "add-evidence", case_arg, letter, NULL), ==, 0);
  stored = find_stored_evidence (data);
  /* Whatever a first opening of the store does is done before comparing. */
  g_assert_cmpint (run (data, NULL, "evidence", case_arg, NULL), ==, 0);
  before = snapshot (data);

  /* The case file, an evidence file, and a new name in the data folder. */
  {
    const char *targets[] = { db, stored, in_data };

    for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
      {
        g_autofree char *err = NULL;
        g_autoptr(GHashTable) after = NULL;

        g_assert_cmpint (run (data, &err, "export", case_arg, "--output", targets[i], NULL), ==, 2);
        g_assert_nonnull (strstr (err, "data folder"));
        after = snapshot (data);
        assert_same_snapshot (before, after);
      }
  }
  /* A chronology inside the data folder stops the bundle too. */
  {
    g_autofree char *err = NULL;
    g_autoptr(GHashTable) after = NULL;
    const char *none[] = { NULL };

    g_assert_cmpint (run (data, &err, "export", case_arg, "--output", bundle,
                          "--chronology-csv", in_data, NULL), ==, 2);
    g_assert_nonnull (strstr (err, "data folder"));
    after = snapshot (data);
    assert_same_snapshot (before, after);
    assert_dir_holds (out, none);
  }
  /* One file for two outputs. */
  {
    g_autofree char *err = NULL;
    const char *none[] = { NULL };

    g_assert_cmpint (run (data, &err, "export", case_arg, "--output", bundle,
                          "--chronology-odt", bundle, NULL), ==, 2);
    g_assert_nonnull (strstr (err, "two different files"));
    assert_dir_holds (out, none);
  }
  /* The hand-over archive, over the case file. */
  {
    g_autofree char *err = NULL;
    g_autoptr(GHashTable) after = NULL;

    g_assert_cmpint (run (data, &err, "export-case", case_arg, "--output", db, NULL), ==, 2);
    g_assert_nonnull (strstr (err, "data folder"));
    after = snapshot (data);
    assert_same_snapshot (before, after);
  }

  /* A changed evidence file stops the export: no bundle, no partial file. */
  {
    g_autofree char *err = NULL;
    const char *none[] = { NULL };

    fixture_flip_byte (stored, 100);
    g_assert_cmpint (run (data, &err, "export", case_arg, "--output", bundle,
                          "--chronology-csv", csv, NULL), ==, 1);
    fixture_flip_byte (stored, 100);
    assert_dir_holds (out, none);
  }

  /* Outside the data folder, each to its own file: written, and only they. */
  {
    g_autofree char *err = NULL;
    g_autoptr(GHashTable) after = NULL;
    const char *names[] = { "bundle.pdf", "chronology.csv", NULL };
    const char *check[] = { "qpdf", "--check", bundle, NULL };
    int status = -1;

    g_assert_cmpint (run (data, &err, "export", case_arg, "--output", bundle,
                          "--chronology-csv", csv, NULL), ==, 0);
    assert_dir_holds (out, names);
    g_assert_true (g_spawn_sync (NULL, (char **) check, NULL,
                                 G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    after = snapshot (data);
    assert_same_snapshot (before, after);
  }
  fixture_remove_tree (root);
}

static gboolean
exists (const char *dir,
        const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GStatBuf st;

  return g_lstat (path, &st) == 0;
}

static void
put (const char *dir,
     const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, "x", 1, NULL));
}

/* A killed export's temporary files go at the next export in that folder;
 * files being written, and everything not named as Redress's, stay. */
static void
test_stale_temps (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-out-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "bundle.pdf", NULL);
  g_autofree char *held = g_build_filename (dir, RD_OUTPUT_TEMP_PREFIX "part-HELD01", NULL);
  g_autofree char *sub = g_build_filename (dir, RD_OUTPUT_TEMP_PREFIX "folder", NULL);
  g_autofree char *link = g_build_filename (dir, RD_OUTPUT_TEMP_PREFIX "link", NULL);
  g_autofree char *live = NULL;
  g_autofree char *side = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  put (dir, RD_OUTPUT_TEMP_PREFIX "part-DEAD01");
  put (dir, RD_OUTPUT_TEMP_PREFIX "skeleton-DEAD02");
  put (dir, ".bundle.pdf.part-OLD001");
  put (dir, "redress-tmp-notours");
  put (dir, "bundle.pdf");
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_cmpint (symlink ("bundle.pdf", link), ==, 0);
  /* Locked by another open file, as another process writing it would be. */
  put (dir, RD_OUTPUT_TEMP_PREFIX "part-HELD01");
  fd = g_open (held, O_RDONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);

  live = rd_output_make_temp (out, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (strrchr (live, G_DIR_SEPARATOR) + 1, RD_OUTPUT_TEMP_PREFIX));
  side = rd_output_make_side_temp (out, "photo", &error);
  g_assert_no_error (error);
  g_assert_false (exists (dir, RD_OUTPUT_TEMP_PREFIX "part-DEAD01"));
  g_assert_false (exists (dir, RD_OUTPUT_TEMP_PREFIX "skeleton-DEAD02"));
  g_assert_true (exists (dir, RD_OUTPUT_TEMP_PREFIX "part-HELD01"));
  g_assert_true (exists (dir, ".bundle.pdf.part-OLD001"));
  g_assert_true (exists (dir, "redress-tmp-notours"));
  g_assert_true (exists (dir, "bundle.pdf"));
  g_assert_true (g_file_test (sub, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));

  /* Ours, still being written: another export in the folder keeps them. */
  again = rd_output_make_temp (out, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (side, G_FILE_TEST_EXISTS));
  rd_output_discard (again);
  g_assert_false (g_file_test (again, G_FILE_TEST_EXISTS));

  /* Let go, the held one is abandoned like the others. */
  close (fd);
  g_assert_cmpuint (rd_output_remove_stale (dir), ==, 1);
  g_assert_false (exists (dir, RD_OUTPUT_TEMP_PREFIX "part-HELD01"));

  g_assert_true (g_file_set_contents (live, "%PDF", 4, NULL));
  g_assert_true (rd_output_commit (live, out, &error));
  g_assert_no_error (error);
  rd_output_discard (side);
  g_assert_cmpuint (rd_output_remove_stale (dir), ==, 0);
  {
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
    g_assert_cmpstr (text, ==, "%PDF");
  }
  g_assert_false (g_file_test (side, G_FILE_TEST_EXISTS));
  fixture_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/output/check-paths", test_check_paths);
  g_test_add_func ("/output/cli-refusals", test_cli_refusals);
  g_test_add_func ("/output/stale-temps", test_stale_temps);
  return g_test_run ();
}
