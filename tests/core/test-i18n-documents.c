/* test-i18n-documents.c: letters written in each language Redress is translated into.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rd-core.h"

/*
 * For every catalogue the build made (po/LINGUAS), each letter is written
 * in that language for a case whose own words (names, points) carry no
 * English, and must then hold none of the English words Redress writes most.
 * The names of bodies and laws stay in English by the translators' rule
 * (Housing Ombudsman, Complaint Handling Code), so they are not looked for.
 */
static const char * const english_words[] = {
  " the ", " and ", " your ", " you ", " with ", " which ", " have ",
  "working day", "Dear ", "Yours ", "complaint", "deadline",
  /* the letter's date, Friday 13 December 2024 */
  "Friday", "December",
};

static RdCaseFacts *
make_facts (RdComplaint **out_complaint)
{
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(RdComplaint) complaint = rd_complaint_new ();
  g_autoptr(GDate) made = rd_date_parse_iso ("2024-11-04", NULL);
  g_autoptr(RdComplaintEvent) event = rd_complaint_event_new (RD_COMPLAINT_EVENT_MADE);
  const char *points[] = { "X-1", NULL };
  RdCaseFacts *facts;

  rd_case_set_id (rcase, 1);
  rd_case_set_title (rcase, "A1");
  rd_case_set_resident_name (rcase, "Jo Ash");
  rd_case_set_address (rcase, "1 Rd");
  rd_case_set_landlord_name (rcase, "Acme");
  facts = rd_case_facts_new (rcase);

  rd_complaint_set_id (complaint, 7);
  rd_complaint_set_case_id (complaint, 1);
  rd_complaint_set_reference (complaint, "NH-113");
  rd_complaint_set_points (complaint, points);
  rd_case_facts_add_complaint (facts, complaint);

  rd_complaint_event_set_id (event, 100);
  rd_complaint_event_set_complaint_id (event, 7);
  rd_complaint_event_set_stage (event, 1);
  rd_complaint_event_set_date (event, made);
  rd_case_facts_add_event (facts, complaint, event);

  *out_complaint = g_steal_pointer (&complaint);
  return facts;
}

static char *
write_letter (const char   *language,
              RdLetterKind  kind)
{
  g_autoptr(RdComplaint) complaint = NULL;
  g_autoptr(RdCaseFacts) facts = make_facts (&complaint);
  g_autoptr(GDate) today = rd_date_parse_iso ("2024-12-13", NULL);
  g_autoptr(RdDashboard) dashboard = NULL;
  g_autoptr(RdLetter) letter = NULL;
  char *previous = rd_i18n_push_language (language);
  char *text;

  dashboard = rd_dashboard_new (facts, NULL, today);
  letter = rd_letter_build (kind, facts, complaint, dashboard);
  text = rd_letter_to_text (letter);
  rd_i18n_pop_language (previous);
  return text;
}

static void
test_english_is_found (void)
{
  g_autofree char *text = write_letter (RD_I18N_SOURCE_LANGUAGE, RD_LETTER_CHASER);
  guint found = 0;

  /* The list is one that finds English: else the test below proves nothing */
  for (guint i = 0; i < G_N_ELEMENTS (english_words); i++)
    found += strstr (text, english_words[i]) != NULL;
  g_assert_cmpuint (found, >=, G_N_ELEMENTS (english_words) / 2);
  g_assert_nonnull (strstr (text, "Friday 13 December 2024"));
}

static void
test_language (gconstpointer data)
{
  const char *language = data;

  /* po/LINGUAS names it, so the build made its catalogue */
  g_assert_true (rd_i18n_language_is_available (language));

  for (RdLetterKind kind = 0; kind < RD_LETTER_N_KINDS; kind++)
    {
      g_autofree char *text = write_letter (language, kind);
      g_autofree char *english = write_letter (RD_I18N_SOURCE_LANGUAGE, kind);

      g_test_message ("%s, %s:\n%s", language, rd_letter_kind_get_label (kind), text);
      g_assert_cmpstr (text, !=, english);
      for (guint i = 0; i < G_N_ELEMENTS (english_words); i++)
        if (strstr (text, english_words[i]) != NULL)
          g_error ("The %s letter “%s” still has the English “%s”:\n%s", language,
                   rd_letter_kind_get_label (kind), english_words[i], text);
    }
}

/* Every explanation of the case's deadlines, and What Next's notes, in
 * @language. */
static char *
write_explanations (const char *language)
{
  g_autoptr(RdComplaint) complaint = NULL;
  g_autoptr(RdCaseFacts) facts = make_facts (&complaint);
  g_autoptr(GDate) today = rd_date_parse_iso ("2024-12-13", NULL);
  g_autoptr(RdDashboard) dashboard = NULL;
  char *previous = rd_i18n_push_language (language);
  GString *text = g_string_new (NULL);
  GListModel *items;

  dashboard = rd_dashboard_new (facts, NULL, today);
  items = rd_dashboard_get_items (dashboard);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RdDashboardItem) item = g_list_model_get_item (items, i);

      g_string_append_printf (text, "%s\n", rd_dashboard_item_get_explanation (item));
    }
  for (guint i = 0; i < rd_dashboard_get_n_notes (dashboard); i++)
    g_string_append_printf (text, "%s\n", rd_dashboard_get_note (dashboard, i));
  rd_i18n_pop_language (previous);
  return g_string_free (text, FALSE);
}

/* Welsh mutates a weekday after "ar" (on): "ar ddydd Llun", never "ar dydd
 * Llun". A sentence that glues "on" to a date it did not write shows here. */
static void
test_welsh_mutation (void)
{
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *explanations = NULL;
  g_autofree char *english = NULL;

  if (!rd_i18n_language_is_available ("cy"))
    {
      g_test_skip ("No Welsh catalogue in this build");
      return;
    }
  for (RdLetterKind kind = 0; kind < RD_LETTER_N_KINDS; kind++)
    {
      g_autofree char *text = write_letter ("cy", kind);

      g_string_append_printf (all, "%s\n", text);
    }
  explanations = write_explanations ("cy");
  g_string_append (all, explanations);
  g_test_message ("%s", all->str);

  /* The complaint made on Monday 4 November 2024, said as Welsh says it */
  g_assert_nonnull (strstr (all->str, "ar ddydd Llun 4 Tachwedd 2024"));
  g_assert_null (strstr (all->str, "ar dydd "));
  g_assert_null (strstr (all->str, "ar ar "));
  /* The English explanations do say "on Monday …": the check above looks
   * at sentences that do carry a date after "on" */
  english = write_explanations (RD_I18N_SOURCE_LANGUAGE);
  g_assert_nonnull (strstr (english, " on Monday 4 November 2024"));
}

/* A date typed with the month as Polish and Welsh write it after a day's
 * number ("13 grudnia 2024", "13 Rhag 2024") is read, as English is. */
static void
test_typed_month_names (void)
{
  const struct { const char *language; const char *typed; } typed[] = {
    { "pl", "13 grudnia 2024" },
    { "pl", "piątek 13 gru 2024" },
    { "cy", "13 Rhagfyr 2024" },
    { "cy", "13 Rhag 2024" },
    { "ur", "13 دسمبر 2024" },
    { "ur", "١٣/١٢/٢٠٢٤" },
  };
  g_autoptr(GDate) today = g_date_new_dmy (6, G_DATE_DECEMBER, 2024);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDate) date = NULL;
      g_autofree char *iso = NULL;
      char *previous;

      if (!rd_i18n_language_is_available (typed[i].language))
        continue;
      g_test_message ("%s: “%s”", typed[i].language, typed[i].typed);
      previous = rd_i18n_push_language (typed[i].language);
      date = rd_date_parse_typed (typed[i].typed, today, &error);
      rd_i18n_pop_language (previous);
      g_assert_no_error (error);
      iso = rd_date_to_iso (date);
      g_assert_cmpstr (iso, ==, "2024-12-13");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *linguas_path = NULL;
  g_autofree char *linguas = NULL;
  g_auto(GStrv) lines = NULL;

  g_test_init (&argc, &argv, NULL);

  /* The catalogues this build made, from po/LINGUAS */
  linguas_path = g_build_filename (g_getenv ("REDRESS_SOURCE_DIR"), "po", "LINGUAS", NULL);
  g_assert_true (g_file_get_contents (linguas_path, &linguas, NULL, NULL));
  lines = g_strsplit_set (linguas, "\n \t", -1);

  g_test_add_func ("/i18n-documents/english-is-found", test_english_is_found);
  g_test_add_func ("/i18n-documents/welsh-mutation", test_welsh_mutation);
  g_test_add_func ("/i18n-documents/typed-month-names", test_typed_month_names);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *path = NULL;

      if (*lines[i] == '\0' || *lines[i] == '#')
        continue;
      path = g_strdup_printf ("/i18n-documents/letters/%s", lines[i]);
      g_test_add_data_func (path, lines[i], test_language);
    }
  return g_test_run ();
}
