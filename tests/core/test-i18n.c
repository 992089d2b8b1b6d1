/* test-i18n.c: documents in another language than the interface's.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "rd-core.h"
#include "evidence-fixtures.h"

/*
 * The catalogues here are made by the test with msgfmt, in a locale folder
 * of its own: the mechanism is checked with known translations, whatever
 * the real ones say. Language codes are those of real languages so that
 * their real plural rules are used.
 */
static char *localedir;

static void
compile_catalogue (const char *language,
                   const char *po)
{
  g_autofree char *dir = g_build_filename (localedir, language, "LC_MESSAGES", NULL);
  g_autofree char *po_path = g_build_filename (dir, "test.po", NULL);
  g_autofree char *mo_path = g_build_filename (dir, GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "msgfmt", "--check", "-o", mo_path, po_path, NULL };
  int status;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (po_path, po, -1, &error));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static const char welsh_po[] =
  "msgid \"\"\n"
  "msgstr \"\"\n"
  "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
  "\"Plural-Forms: nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : "
  "(n==3) ? 3 : (n==6) ? 4 : 5;\\n\"\n"
  "\n"
  "msgid \"Dear landlord\"\n"
  "msgstr \"Annwyl landlord\"\n"
  "\n"
  "msgctxt \"weekday\"\n"
  "msgid \"Friday\"\n"
  "msgstr \"dydd Gwener\"\n"
  "\n"
  "msgctxt \"month after a day number\"\n"
  "msgid \"December\"\n"
  "msgstr \"Rhagfyr\"\n"
  "\n"
  "msgid \"%d working day\"\n"
  "msgid_plural \"%d working days\"\n"
  "msgstr[0] \"%d diwrnod gwaith (0)\"\n"
  "msgstr[1] \"%d diwrnod gwaith (1)\"\n"
  "msgstr[2] \"%d ddiwrnod gwaith (2)\"\n"
  "msgstr[3] \"%d diwrnod gwaith (3)\"\n"
  "msgstr[4] \"%d diwrnod gwaith (6)\"\n"
  "msgstr[5] \"%d diwrnod gwaith (other)\"\n";

static const char polish_po[] =
  "msgid \"\"\n"
  "msgstr \"\"\n"
  "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
  "\"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && "
  "(n%100<10 || n%100>=20) ? 1 : 2);\\n\"\n"
  "\n"
  "msgid \"%d working day\"\n"
  "msgid_plural \"%d working days\"\n"
  "msgstr[0] \"%d dzień roboczy\"\n"
  "msgstr[1] \"%d dni robocze\"\n"
  "msgstr[2] \"%d dni roboczych\"\n";

static void
test_lookup (void)
{
  char *previous;

  /* With no document language, gettext (here: no catalogue bound) */
  g_assert_cmpstr (rd_gettext ("Dear landlord"), ==, "Dear landlord");

  previous = rd_i18n_push_language ("cy");
  g_assert_cmpstr (rd_gettext ("Dear landlord"), ==, "Annwyl landlord");
  g_assert_cmpstr (rd_pgettext ("weekday\004Friday", strlen ("weekday") + 1), ==, "dydd Gwener");
  /* Not in the catalogue: the English message */
  g_assert_cmpstr (rd_gettext ("Yours faithfully"), ==, "Yours faithfully");
  g_assert_cmpstr (rd_pgettext ("month\004Friday", strlen ("month") + 1), ==, "Friday");
  rd_i18n_pop_language (previous);

  g_assert_null (rd_i18n_get_document_language ());
  g_assert_cmpstr (rd_gettext ("Dear landlord"), ==, "Dear landlord");
}

static void
test_nesting (void)
{
  char *outer = rd_i18n_push_language ("cy");
  char *inner = rd_i18n_push_language (RD_I18N_SOURCE_LANGUAGE);

  g_assert_cmpstr (rd_gettext ("Dear landlord"), ==, "Dear landlord");
  rd_i18n_pop_language (inner);
  g_assert_cmpstr (rd_i18n_get_document_language (), ==, "cy");
  g_assert_cmpstr (rd_gettext ("Dear landlord"), ==, "Annwyl landlord");
  rd_i18n_pop_language (outer);
  g_assert_null (rd_i18n_get_document_language ());
}

static gpointer
other_thread (gpointer data)
{
  /* Another thread keeps the interface's language */
  return g_strdup (rd_gettext ("Dear landlord"));
}

static void
test_thread_isolation (void)
{
  char *previous = rd_i18n_push_language ("cy");
  GThread *thread = g_thread_new ("other", other_thread, NULL);
  g_autofree char *seen = g_thread_join (thread);

  g_assert_cmpstr (seen, ==, "Dear landlord");
  g_assert_cmpstr (rd_gettext ("Dear landlord"), ==, "Annwyl landlord");
  rd_i18n_pop_language (previous);
}

static void
test_plurals (void)
{
  /* Welsh has six forms: 0, 1, 2, 3, 6 and the rest */
  static const struct { gulong n; const char *expected; } welsh[] = {
    { 0, "%d diwrnod gwaith (0)" }, { 1, "%d diwrnod gwaith (1)" },
    { 2, "%d ddiwrnod gwaith (2)" }, { 3, "%d diwrnod gwaith (3)" },
    { 4, "%d diwrnod gwaith (other)" }, { 6, "%d diwrnod gwaith (6)" },
    { 10, "%d diwrnod gwaith (other)" }, { 20, "%d diwrnod gwaith (other)" },
  };
  /* Polish: one, a few (2–4, 22–24 … but not 12–14), many */
  static const struct { gulong n; const char *expected; } polish[] = {
    { 1, "%d dzień roboczy" }, { 2, "%d dni robocze" }, { 4, "%d dni robocze" },
    { 5, "%d dni roboczych" }, { 12, "%d dni roboczych" }, { 14, "%d dni roboczych" },
    { 22, "%d dni robocze" }, { 25, "%d dni roboczych" }, { 0, "%d dni roboczych" },
    { 112, "%d dni roboczych" }, { 104, "%d dni robocze" },
  };
  char *previous;

  previous = rd_i18n_push_language ("cy");
  for (guint i = 0; i < G_N_ELEMENTS (welsh); i++)
    g_assert_cmpstr (rd_ngettext ("%d working day", "%d working days", welsh[i].n), ==, welsh[i].expected);
  rd_i18n_pop_language (previous);

  previous = rd_i18n_push_language ("pl");
  for (guint i = 0; i < G_N_ELEMENTS (polish); i++)
    g_assert_cmpstr (rd_ngettext ("%d working day", "%d working days", polish[i].n), ==, polish[i].expected);
  rd_i18n_pop_language (previous);

  previous = rd_i18n_push_language (RD_I18N_SOURCE_LANGUAGE);
  g_assert_cmpstr (rd_ngettext ("%d working day", "%d working days", 1), ==, "%d working day");
  g_assert_cmpstr (rd_ngettext ("%d working day", "%d working days", 0), ==, "%d working days");
  rd_i18n_pop_language (previous);
}

static void
test_dates (void)
{
  g_autoptr(GDate) date = g_date_new_dmy (13, G_DATE_DECEMBER, 2024);
  g_autofree char *english = NULL;
  g_autofree char *welsh = NULL;
  char *previous;

  english = rd_date_format_long (date);
  g_assert_cmpstr (english, ==, "Friday 13 December 2024");

  previous = rd_i18n_push_language ("cy");
  welsh = rd_date_format_long (date);
  rd_i18n_pop_language (previous);
  g_assert_cmpstr (welsh, ==, "dydd Gwener 13 Rhagfyr 2024");
}

static void
test_languages (void)
{
  g_auto(GStrv) codes = rd_i18n_list_languages ();

  g_assert_cmpstr (codes[0], ==, "en");
  g_assert_true (g_strv_contains ((const char * const *) codes, "cy"));
  g_assert_true (g_strv_contains ((const char * const *) codes, "pl"));
  g_assert_true (rd_i18n_language_is_available ("en"));
  g_assert_true (rd_i18n_language_is_available ("cy"));
  g_assert_false (rd_i18n_language_is_available ("fr"));
  g_assert_false (rd_i18n_language_is_available ("../cy"));
  g_assert_false (rd_i18n_language_is_available (""));
  g_assert_cmpstr (rd_i18n_get_language_name ("cy"), ==, "Cymraeg");
  g_assert_cmpstr (rd_i18n_get_language_name ("xx"), ==, "xx");
  g_assert_true (rd_i18n_language_is_rtl ("ur"));
  g_assert_false (rd_i18n_language_is_rtl ("cy"));
}

static void
test_damaged_catalogue (void)
{
  g_autofree char *dir = g_build_filename (localedir, "ro", "LC_MESSAGES", NULL);
  g_autofree char *path = g_build_filename (dir, GETTEXT_PACKAGE ".mo", NULL);
  char *previous;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "not a catalogue at all, just text", -1, NULL));

  g_test_expect_message ("rd-i18n", G_LOG_LEVEL_WARNING, "*damaged*");
  g_assert_false (rd_i18n_language_is_available ("ro"));
  g_test_assert_expected_messages ();

  /* A document asked for in it comes out in English */
  previous = rd_i18n_push_language ("ro");
  g_assert_cmpstr (rd_gettext ("Dear landlord"), ==, "Dear landlord");
  g_assert_cmpstr (rd_ngettext ("%d working day", "%d working days", 2), ==, "%d working days");
  rd_i18n_pop_language (previous);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  localedir = g_dir_make_tmp ("redress-i18n-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("REDRESS_LOCALEDIR", localedir, TRUE);
  compile_catalogue ("cy", welsh_po);
  compile_catalogue ("pl", polish_po);

  g_test_add_func ("/i18n/lookup", test_lookup);
  g_test_add_func ("/i18n/nesting", test_nesting);
  g_test_add_func ("/i18n/thread-isolation", test_thread_isolation);
  g_test_add_func ("/i18n/plurals", test_plurals);
  g_test_add_func ("/i18n/dates", test_dates);
  g_test_add_func ("/i18n/languages", test_languages);
  g_test_add_func ("/i18n/damaged-catalogue", test_damaged_catalogue);
  status = g_test_run ();

  fixture_remove_tree (localedir);
  g_free (localedir);
  return status;
}
