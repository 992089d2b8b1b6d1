/* test-cli-language.c: a case's document language, set with redress-cli and followed by export.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs with REDRESS_LOCALEDIR at the build's po/ folder, so that the
 * translations of po/LINGUAS are installed as far as the program knows.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "evidence-fixtures.h"
#include "store-fixtures.h"

static const char case_json[] =
  "{ \"format\": \"redress-case\", \"version\": 1,\n"
  "  \"case\": { \"title\": \"Sŵn o Fflat 6\", \"landlord_name\": \"Tai Cymru\" },\n"
  "  \"incidents\": [ { \"starts_at\": \"2024-11-01T22:30\", \"category\": \"noise\",\n"
  "                     \"description\": \"Cerddoriaeth\" } ] }\n";

#define ENGLISH_HEADINGS "\"No.\",\"Date\",\"Type\",\"What happened\",\"Exhibits\",\"First written\""

/* The chronology's first line: its headings, in the language it was
 * written in (after the byte order mark). */
static char *
export_headings (const char *dir,
                 const char *language)
{
  /* Outside the data folder, where Redress refuses to write */
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autofree char *pdf = g_build_filename (parent, "bundle.pdf", NULL);
  g_autofree char *csv = g_build_filename (parent, "chronology.csv", NULL);
  g_autofree char *text = NULL;
  g_auto(FixtureRun) run = { 0 };
  char *end;

  g_remove (pdf);
  g_remove (csv);
  if (language != NULL)
    fixture_run (&run, dir, "export", "1", "--output", pdf, "--no-letter", "--chronology-csv", csv,
             "--language", language, NULL);
  else
    fixture_run (&run, dir, "export", "1", "--output", pdf, "--no-letter", "--chronology-csv", csv,
             NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  end = strstr (text, "\r\n");
  g_assert_nonnull (end);
  return g_strndup (text + 3, end - text - 3);
}

static void
test_set_and_export (void)
{
  g_autofree char *top = g_dir_make_tmp ("redress-cli-language-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (top, "data", NULL);
  g_autofree char *file = g_build_filename (top, "case.json", NULL);
  g_autofree char *headings = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(FixtureRun) run = { 0 };
  JsonObject *object;

  g_assert_true (g_file_set_contents (file, case_json, -1, NULL));
  fixture_run (&run, dir, "import", file, NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* A case imported without a language writes in English */
  fixture_run (&run, dir, "language", "1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "en\tEnglish\n");
  headings = export_headings (dir, NULL);
  g_assert_cmpstr (headings, ==, ENGLISH_HEADINGS);
  g_clear_pointer (&headings, g_free);

  fixture_run (&run, dir, "language", "1", "cy", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "cy\tCymraeg\n");

  /* It is kept with the case */
  fixture_run (&run, dir, "--json", "language", "1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "document_language"), ==, "cy");
  g_assert_true (json_object_get_boolean_member (object, "available"));
  fixture_run (&run, dir, "cases", "--json", NULL);
  g_assert_nonnull (strstr (run.out, "\"document_language\" : \"cy\""));
  fixture_run (&run, dir, "export-json", "1", NULL);
  g_assert_nonnull (strstr (run.out, "\"document_language\" : \"cy\""));

  /* Export follows it, and --language still chooses another */
  headings = export_headings (dir, NULL);
  g_assert_true (g_str_has_prefix (headings, "\"Rhif\","));
  g_assert_null (strstr (headings, "What happened"));
  g_clear_pointer (&headings, g_free);
  headings = export_headings (dir, "en");
  g_assert_cmpstr (headings, ==, ENGLISH_HEADINGS);
  g_clear_pointer (&headings, g_free);
  headings = export_headings (dir, "pl");
  g_assert_false (g_str_has_prefix (headings, "\"No.\","));
  g_assert_false (g_str_has_prefix (headings, "\"Rhif\","));

  fixture_remove_tree (top);
}

/* A language without a translation here is refused when it is set, and
 * followed by English, with a word, when a case brought it in. */
static void
test_refused_and_missing (void)
{
  g_autofree char *top = g_dir_make_tmp ("redress-cli-language-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (top, "data", NULL);
  g_autofree char *file = g_build_filename (top, "case.json", NULL);
  g_autofree char *pdf = g_build_filename (top, "bundle.pdf", NULL);
  g_autofree char *doc = NULL;
  g_autofree char *headings = NULL;
  g_auto(FixtureRun) run = { 0 };
  GString *with_language = g_string_new (case_json);

  g_string_replace (with_language, "\"landlord_name\"", "\"document_language\": \"zu\", \"landlord_name\"", 1);
  doc = g_string_free (with_language, FALSE);
  g_assert_true (g_file_set_contents (file, doc, -1, NULL));
  fixture_run (&run, dir, "import", file, NULL);
  g_assert_cmpint (run.status, ==, 0);

  fixture_run (&run, dir, "language", "1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "zu\tzu\n");
  g_assert_nonnull (strstr (run.err, "not installed"));

  fixture_run (&run, dir, "language", "1", "xx", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "“xx”"));
  fixture_run (&run, dir, "language", "1", "../cy", NULL);
  g_assert_cmpint (run.status, ==, 2);
  fixture_run (&run, dir, "language", "7", "cy", NULL);
  g_assert_cmpint (run.status, ==, 1);
  fixture_run (&run, dir, "language", "1", NULL);
  g_assert_cmpstr (run.out, ==, "zu\tzu\n");

  fixture_run (&run, dir, "export", "1", "--output", pdf, "--no-letter", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "“zu”"));
  headings = export_headings (dir, NULL);
  g_assert_cmpstr (headings, ==, ENGLISH_HEADINGS);

  fixture_remove_tree (top);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-language/set-and-export", test_set_and_export);
  g_test_add_func ("/cli-language/refused-and-missing", test_refused_and_missing);
  return g_test_run ();
}
