/* test-cli-passwords.c: protected PDFs from the command line: no password in
 * argv; --password-file for add-evidence (by file name) and export (by
 * exhibit number); a bundle with the right password has the pages.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rd-core.h"
#include "evidence-fixtures.h"
#include "store-fixtures.h"

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  return out;
}

static gboolean
needs_password (const char *dir,
                const char *case_arg)
{
  g_auto(FixtureRun) run = { 0 };
  const char *args[] = { "evidence", case_arg, "--json", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  fixture_run_args (&run, dir, (const char * const *) args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  return json_object_get_boolean_member (json_array_get_object_element (array, 0), "needs_password");
}

static void
test_passwords (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redress-cli-passwords-XXXXXX", &error);
  /* The data folder inside dir: the bundle goes beside it, never in it. */
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.pdf", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked.pdf", NULL);
  g_autofree char *add_file = g_build_filename (dir, "add-passwords.txt", NULL);
  g_autofree char *export_file = g_build_filename (dir, "export-passwords.txt", NULL);
  g_autofree char *wrong_file = g_build_filename (dir, "wrong-passwords.txt", NULL);
  g_autofree char *bad_file = g_build_filename (dir, "bad-passwords.txt", NULL);
  g_autofree char *bundle = g_build_filename (dir, "bundle.pdf", NULL);
  g_autofree char *case_arg = NULL;
  g_autofree char *id = NULL;
  g_autofree char *line = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdCase) rcase = rd_case_new ();

  g_assert_no_error (error);
  store = rd_store_open (data, &error);
  g_assert_no_error (error);
  rd_case_set_title (rcase, "Password case");
  g_assert_true (rd_store_save_case (store, rcase, &error));
  case_arg = g_strdup_printf ("%" G_GINT64_FORMAT, rd_case_get_id (rcase));
  g_clear_object (&store);

  fixture_write_pdf (plain, 2, "Survey of the damp in the kitchen", "2024-06-03T08:00:00");
  g_assert_true (fixture_encrypt_pdf (plain, locked, "kitchen-2024"));

  /* No password on the command line. */
  {
    g_auto(FixtureRun) run = { 0 };
    const char *args[] = { "add-evidence", case_arg, "--password", "kitchen-2024", locked, NULL };

    fixture_run_args (&run, data, (const char * const *) args);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--password-file"));
  }

  /* Without a password (and no terminal to ask at): kept, locked. */
  {
    g_auto(FixtureRun) run = { 0 };
    const char *args[] = { "add-evidence", case_arg, locked, NULL };

    fixture_run_args (&run, data, (const char * const *) args);
    g_assert_cmpint (run.status, ==, 0);
    id = g_strdup (g_strstrip (run.out));
    g_assert_cmpstr (id, !=, "");
    g_assert_true (needs_password (data, case_arg));
  }

  /* Added again with its password, by file name: says so, and reads it. */
  {
    g_auto(FixtureRun) run = { 0 };
    const char *args[] = { "add-evidence", case_arg, "--password-file", add_file, locked, NULL };

    g_assert_true (g_file_set_contents (add_file, "# passwords\nlocked.pdf\tkitchen-2024\n", -1, NULL));
    fixture_run_args (&run, data, (const char * const *) args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "was already exhibit"));
    g_assert_nonnull (strstr (run.err, "with its password"));
    g_assert_false (needs_password (data, case_arg));
  }

  /* Added again without: nothing changes, and it says that plainly. */
  {
    g_auto(FixtureRun) run = { 0 };
    const char *args[] = { "add-evidence", case_arg, locked, NULL };

    fixture_run_args (&run, data, (const char * const *) args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.err, "nothing was changed"));
  }

  /* Export: without the password the PDF is listed as not included… */
  {
    g_auto(FixtureRun) run = { 0 };
    const char *args[] = { "export", case_arg, "--output", bundle, NULL };
    g_autofree char *text = NULL;

    fixture_run_args (&run, data, (const char * const *) args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.err, "not included"));
    g_assert_nonnull (strstr (run.err, "password"));
    text = pdf_text (bundle);
    g_assert_null (strstr (text, "Survey of the damp"));
  }

  /* …with a wrong one, too, saying so… */
  {
    g_auto(FixtureRun) run = { 0 };
    const char *args[] = { "export", case_arg, "--output", bundle, "--password-file", wrong_file, NULL };

    line = g_strdup_printf ("%s\tguess\n", id);
    g_assert_true (g_file_set_contents (wrong_file, line, -1, NULL));
    fixture_run_args (&run, data, (const char * const *) args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.err, "not the right one"));
  }

  /* …and with the right one its pages are in, their text selectable. */
  {
    g_auto(FixtureRun) run = { 0 };
    const char *args[] = { "export", case_arg, "--output", bundle, "--password-file", export_file, NULL };
    g_autofree char *text = NULL;

    g_free (line);
    line = g_strdup_printf ("%s\tkitchen-2024\n", id);
    g_assert_true (g_file_set_contents (export_file, line, -1, NULL));
    fixture_run_args (&run, data, (const char * const *) args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_null (strstr (run.err, "not included"));
    text = pdf_text (bundle);
    g_assert_nonnull (strstr (text, "Survey of the damp"));
  }

  /* A password file that is not "NUMBER<TAB>password" is refused. */
  {
    g_auto(FixtureRun) run = { 0 };
    const char *args[] = { "export", case_arg, "--output", bundle, "--password-file", bad_file, NULL };

    g_assert_true (g_file_set_contents (bad_file, "kitchen-2024\n", -1, NULL));
    fixture_run_args (&run, data, (const char * const *) args);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "Line 1"));
  }

  fixture_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/passwords", test_passwords);
  return g_test_run ();
}
