/* test-cli-evidence.c: redress-cli's add-evidence, evidence and verify, run
 * as a program against a temporary data folder.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rd-core.h"
#include "evidence-fixtures.h"
#include "store-fixtures.h"

static void
test_add_list_verify (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redress-cli-evidence-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "letter.pdf", NULL);
  g_autofree char *jpg = g_build_filename (dir, "hall.jpg", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.pdf", NULL);
  g_autofree char *case_arg = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(GStrv) ids = NULL;
  JsonArray *array;

  g_assert_no_error (error);
  store = rd_store_open (dir, &error);
  g_assert_no_error (error);
  rd_case_set_title (rcase, "CLI case");
  g_assert_true (rd_store_save_case (store, rcase, &error));
  case_arg = g_strdup_printf ("%" G_GINT64_FORMAT, rd_case_get_id (rcase));
  g_clear_object (&store);

  fixture_write_pdf (pdf, 2, "Letter about the lift", "2024-06-03T08:00:00");
  fixture_write_jpeg (jpg, 40, 30, 6, "2024:06:01 18:00:00", 1);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));

  {
    g_auto(FixtureRun) run = { 0 };
    const char *args[] = { "add-evidence", case_arg, pdf, jpg, NULL };

    fixture_run_args (&run, dir, (const char * const *) args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    ids = g_strsplit (g_strstrip (run.out), "\n", -1);
    g_assert_cmpuint (g_strv_length (ids), ==, 2);
  }

  /* An empty file is refused by name; the others still go in; status 1. */
  {
    g_auto(FixtureRun) run = { 0 };
    const char *args[] = { "add-evidence", case_arg, empty, pdf, NULL };

    fixture_run_args (&run, dir, (const char * const *) args);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "empty.pdf"));
    g_assert_nonnull (strstr (run.err, "already exhibit"));
    g_assert_cmpstr (run.out, ==, "");
  }

  {
    g_auto(FixtureRun) run = { 0 };
    const char *args[] = { "evidence", case_arg, NULL };

    fixture_run_args (&run, dir, (const char * const *) args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "letter.pdf"));
    g_assert_nonnull (strstr (run.out, "Monday 3 June 2024"));
    g_assert_nonnull (strstr (run.out, "Saturday 1 June 2024"));
  }

  {
    g_auto(FixtureRun) run = { 0 };
    const char *args[] = { "evidence", case_arg, "--json", NULL };
    JsonObject *first;

    fixture_run_args (&run, dir, (const char * const *) args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
    array = json_node_get_array (json_parser_get_root (parser));
    g_assert_cmpuint (json_array_get_length (array), ==, 2);
    /* Oldest capture first: the photo of 1 June. */
    first = json_array_get_object_element (array, 0);
    g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "photo");
    g_assert_cmpstr (json_object_get_string_member (first, "captured_from"), ==, "exif");
    g_assert_cmpint (json_object_get_int_member (first, "orientation"), ==, 6);
    g_assert_cmpuint (strlen (json_object_get_string_member (first, "sha256")), ==, 64);
  }

  {
    g_auto(FixtureRun) run = { 0 };
    const char *args[] = { "verify", case_arg, NULL };

    fixture_run_args (&run, dir, (const char * const *) args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "intact"));
  }

  /* Damage one stored file and remove the other. */
  {
    JsonObject *photo = json_array_get_object_element (array, 0);
    JsonObject *letter = json_array_get_object_element (array, 1);
    g_auto(FixtureRun) run = { 0 };
    const char *args[] = { "verify", case_arg, NULL };

    fixture_flip_byte (json_object_get_string_member (letter, "path"), 50);
    g_assert_cmpint (g_remove (json_object_get_string_member (photo, "path")), ==, 0);
    fixture_run_args (&run, dir, (const char * const *) args);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.out, "missing\thall.jpg"));
    g_assert_nonnull (strstr (run.out, "altered\tletter.pdf"));
  }

  {
    g_auto(FixtureRun) run = { 0 };
    const char *args[] = { "add-evidence", case_arg, NULL };

    fixture_run_args (&run, dir, (const char * const *) args);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(FixtureRun) run = { 0 };
    const char *args[] = { "evidence", "999", NULL };

    fixture_run_args (&run, dir, (const char * const *) args);
    g_assert_cmpint (run.status, ==, 1);
  }

  fixture_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/evidence", test_add_list_verify);
  return g_test_run ();
}
