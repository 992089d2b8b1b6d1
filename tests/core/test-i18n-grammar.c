/* test-i18n-grammar.c: inserted phrases written as Welsh and Polish grammar needs them.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rd-core.h"

/*
 * Sentences that name a deadline, what started its clock, a date after
 * "on", or a name the resident typed, rendered in Welsh and Polish on
 * fixed dates. Welsh mutates after a preposition ("ar ddydd Gwener", "ar ôl
 * y gŵyn") and Polish declines ("w piątek", "we wtorek", "po złożeniu
 * skargi"); a sentence glued from an English-shaped fragment shows up as
 * the unmutated or undeclined form, which is looked for too.
 */

static GDate *
day (const char *iso)
{
  g_autoptr(GError) error = NULL;
  GDate *date = rd_date_parse_iso (iso, &error);

  g_assert_no_error (error);
  return date;
}

static gboolean
have (const char *language)
{
  if (rd_i18n_language_is_available (language))
    return TRUE;
  g_test_skip_printf ("No “%s” catalogue in this build", language);
  return FALSE;
}

/* One TAP comment per line, so that a failure shows the text it looked in */
static void
log_text (const char *language,
          const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_test_message ("%s: %s", language, lines[i]);
}

static void
assert_has (const char *text,
            const char *part)
{
  if (strstr (text, part) == NULL)
    {
      g_test_message ("Not found: “%s”", part);
      g_test_fail ();
    }
}

static void
assert_lacks (const char *text,
              const char *part)
{
  if (strstr (text, part) != NULL)
    {
      g_test_message ("Found, but should not be: “%s”", part);
      g_test_fail ();
    }
}

/* Complaint on Friday 1 November 2024, acknowledged late on Wednesday 13
 * November, answered on Wednesday 27; a stage 2 request on Tuesday 3
 * December, not yet acknowledged on Friday 13 December. Every explanation,
 * in @language. */
static char *
explain_deadlines (const char *language)
{
  g_autoptr(RdDeadlineInput) input = rd_deadline_input_new ();
  g_autoptr(RdDeadlineReport) report = NULL;
  g_autoptr(GDate) today = day ("2024-12-13");
  const struct { RdComplaintEventKind kind; guint stage; const char *date; } events[] = {
    { RD_COMPLAINT_EVENT_MADE, 1, "2024-11-01" },
    { RD_COMPLAINT_EVENT_ACKNOWLEDGED, 1, "2024-11-13" },
    { RD_COMPLAINT_EVENT_RESPONSE, 1, "2024-11-27" },
    { RD_COMPLAINT_EVENT_ESCALATION_REQUESTED, 2, "2024-12-03" },
  };
  GString *text = g_string_new (NULL);
  GListModel *list;
  char *previous;

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autoptr(GDate) d = day (events[i].date);

      rd_deadline_input_add_complaint_event (input, i + 1, 1, events[i].kind, events[i].stage, d, NULL);
    }
  previous = rd_i18n_push_language (language);
  report = rd_deadlines_compute (input, NULL, today);
  list = rd_deadline_report_get_deadlines (report);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RdDeadline) d = g_list_model_get_item (list, i);

      g_string_append_printf (text, "%s\n", rd_deadline_get_explanation (d));
    }
  rd_i18n_pop_language (previous);
  log_text (language, text->str);
  return g_string_free (text, FALSE);
}

static void
test_deadline_names (void)
{
  g_autofree char *english = explain_deadlines (RD_I18N_SOURCE_LANGUAGE);

  /* What the translations below must say, in English */
  assert_has (english, "The stage 1 acknowledgement was due by Friday 8 November 2024, counted from "
                       "the complaint on Friday 1 November 2024 (time limit: 5 working days).");
  assert_has (english, "counted from the acknowledgement on Wednesday 13 November 2024 (time limit: "
                       "10 working days).");
  assert_has (english, "The acknowledgement itself was 3 working days late.");
  assert_has (english, "The stage 2 acknowledgement was due by Tuesday 10 December 2024");
  assert_has (english, "The stage 2 response is due by Friday 10 January 2025. The acknowledgement "
                       "was due on Tuesday 10 December 2024 and none is recorded");
  assert_has (english, "counted from the request to escalate on Tuesday 3 December 2024 (time limit: "
                       "5 working days).");

  if (have ("cy"))
    {
      g_autofree char *cy = explain_deadlines ("cy");

      /* "cwyn" and "cydnabyddiaeth" are feminine: soft mutation after "y" */
      assert_has (cy, "cydnabyddiaeth cam 1 oedd dydd Gwener 8 Tachwedd 2024, wedi’i gyfrif o’r "
                      "gŵyn ar ddydd Gwener 1 Tachwedd 2024 (terfyn amser: 5 diwrnod gwaith).");
      assert_has (cy, "o’r gydnabyddiaeth ar ddydd Mercher 13 Tachwedd 2024 (terfyn amser: 10 "
                      "diwrnod gwaith).");
      assert_has (cy, "o’r cais i uwchgyfeirio ar ddydd Mawrth 3 Rhagfyr 2024 (terfyn amser: 5 "
                      "diwrnod gwaith).");
      assert_has (cy, "Roedd y gydnabyddiaeth yn ddyledus ar ddydd Mawrth 10 Rhagfyr 2024");
      assert_has (cy, "Roedd y gydnabyddiaeth ei hun 3 diwrnod gwaith yn hwyr.");
      assert_has (cy, "Y dyddiad cau ar gyfer ymateb cam 2 yw dydd Gwener 10 Ionawr 2025");
      assert_lacks (cy, "y cwyn");
      assert_lacks (cy, "y cydnabyddiaeth");
      assert_lacks (cy, "ar dydd ");
    }
  if (have ("pl"))
    {
      g_autofree char *pl = explain_deadlines ("pl");

      /* Locative after "po", a weekday in the accusative after "w"/"we" */
      assert_has (pl, "Termin potwierdzenia skargi na etapie 1: 8 listopada 2024 (piątek), licząc "
                      "od złożenia skargi w piątek 1 listopada 2024 (limit czasu: 5 dni roboczych).");
      assert_has (pl, "od potwierdzenia skargi w środę 13 listopada 2024 (limit czasu: 10 dni "
                      "roboczych).");
      assert_has (pl, "od złożenia wniosku o przejście do kolejnego etapu we wtorek 3 grudnia 2024 "
                      "(limit czasu: 5 dni roboczych).");
      assert_has (pl, "Samo potwierdzenie przyszło 3 dni robocze po terminie.");
      assert_has (pl, "Termin odpowiedzi na etapie 2: 10 stycznia 2025 (piątek). Termin potwierdzenia "
                      "mijał we wtorek 10 grudnia 2024 i nie zapisano potwierdzenia");
      assert_lacks (pl, "od złożenie");
      assert_lacks (pl, "po skarga");
      assert_lacks (pl, "Termin na potwierdzenie");
      assert_lacks (pl, "w wtorek");
    }
}

/* The stage 1 acknowledgement of a complaint made on Friday 1 November 2024,
 * due on Friday 8, that came on @acknowledged, in @language. */
static char *
explain_acknowledgement (const char *language,
                         const char *acknowledged)
{
  g_autoptr(RdDeadlineInput) input = rd_deadline_input_new ();
  g_autoptr(RdDeadlineReport) report = NULL;
  g_autoptr(GDate) made = day ("2024-11-01");
  g_autoptr(GDate) ack = day (acknowledged);
  g_autoptr(GDate) today = day ("2024-12-13");
  GListModel *list;
  char *previous;
  char *text = NULL;

  rd_deadline_input_add_complaint_event (input, 1, 1, RD_COMPLAINT_EVENT_MADE, 1, made, NULL);
  rd_deadline_input_add_complaint_event (input, 2, 1, RD_COMPLAINT_EVENT_ACKNOWLEDGED, 1, ack, NULL);
  previous = rd_i18n_push_language (language);
  report = rd_deadlines_compute (input, NULL, today);
  list = rd_deadline_report_get_deadlines (report);
  for (guint i = 0; i < g_list_model_get_n_items (list) && text == NULL; i++)
    {
      g_autoptr(RdDeadline) d = g_list_model_get_item (list, i);

      if (rd_deadline_get_kind (d) == RD_DEADLINE_KIND_ACKNOWLEDGEMENT)
        text = g_strdup (rd_deadline_get_explanation (d));
    }
  rd_i18n_pop_language (previous);
  g_assert_nonnull (text);
  log_text (language, text);
  return text;
}

/* How late, as one sentence with the count's plural form: Welsh mutates
 * after two ("2 ddiwrnod"), Polish has three forms ("1 dzień roboczy", "2 dni
 * robocze", "5 dni roboczych"); how far ahead, too. */
static void
test_late_counts (void)
{
  const struct { const char *language, *acknowledged, *says; } cases[] = {
    { RD_I18N_SOURCE_LANGUAGE, "2024-11-11", "It arrived on Monday 11 November 2024, 1 working day late." },
    { RD_I18N_SOURCE_LANGUAGE, "2024-11-12", "It arrived on Tuesday 12 November 2024, 2 working days late." },
    { RD_I18N_SOURCE_LANGUAGE, "2024-11-06", "It arrived on Wednesday 6 November 2024, 2 working days early." },
    { RD_I18N_SOURCE_LANGUAGE, "2024-11-09", "It arrived on Saturday 9 November 2024, 1 day after it was due." },
    { "cy", "2024-11-11", "Cyrhaeddodd ar ddydd Llun 11 Tachwedd 2024, 1 diwrnod gwaith yn hwyr." },
    { "cy", "2024-11-12", "Cyrhaeddodd ar ddydd Mawrth 12 Tachwedd 2024, 2 ddiwrnod gwaith yn hwyr." },
    { "cy", "2024-11-15", "Cyrhaeddodd ar ddydd Gwener 15 Tachwedd 2024, 5 diwrnod gwaith yn hwyr." },
    { "cy", "2024-11-06", "Cyrhaeddodd ar ddydd Mercher 6 Tachwedd 2024, 2 ddiwrnod gwaith yn gynnar." },
    { "pl", "2024-11-11", "Dotarło w poniedziałek 11 listopada 2024, 1 dzień roboczy po terminie." },
    { "pl", "2024-11-12", "Dotarło we wtorek 12 listopada 2024, 2 dni robocze po terminie." },
    { "pl", "2024-11-15", "Dotarło w piątek 15 listopada 2024, 5 dni roboczych po terminie." },
    { "pl", "2024-11-06", "Dotarło w środę 6 listopada 2024, 2 dni robocze przed terminem." },
    { "pl", "2024-11-09", "Dotarło w sobotę 9 listopada 2024, 1 dzień po terminie." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;

      if (!have (cases[i].language))
        continue;
      text = explain_acknowledgement (cases[i].language, cases[i].acknowledged);
      assert_has (text, cases[i].says);
    }
  if (have ("pl"))
    {
      g_autofree char *pl = explain_deadlines ("pl");

      assert_has (pl, "Do dzisiaj, tj. 13 grudnia 2024 (piątek), nic nie dotarło: opóźnienie wynosi "
                      "już 3 dni robocze.");
      assert_has (pl, "Zostało 17 dni roboczych.");
      assert_lacks (pl, "z opóźnieniem o");
    }
  if (have ("cy"))
    {
      g_autofree char *cy = explain_deadlines ("cy");

      assert_has (cy, "mae’n 3 diwrnod gwaith yn hwyr.");
      assert_has (cy, "Mae 17 diwrnod gwaith ar ôl.");
    }
}

/* Awaab's Law's steps for a damp and mould hazard reported on Monday 3
 * November 2025, investigated on Wednesday 5 November. */
static char *
explain_hazard (const char *language)
{
  g_autoptr(RdDeadlineInput) input = rd_deadline_input_new ();
  g_autoptr(RdDeadlineReport) report = NULL;
  g_autoptr(GDate) reported = day ("2025-11-03");
  g_autoptr(GDate) investigated = day ("2025-11-05");
  g_autoptr(GDate) today = day ("2025-11-07");
  GString *text = g_string_new (NULL);
  GListModel *list;
  RdMoment when;
  char *previous;

  rd_deadline_input_set_social_housing (input, RD_SOCIAL_HOUSING_YES);
  rd_moment_set_date (&when, reported);
  rd_deadline_input_add_hazard (input, RD_CASE_EVENT_HAZARD_REPORT, 1, 1, &when, RD_HAZARD_SIGNIFICANT);
  rd_moment_set_date (&when, investigated);
  rd_deadline_input_add_hazard (input, RD_CASE_EVENT_HAZARD_INVESTIGATED, 2, 1, &when, RD_HAZARD_SIGNIFICANT);
  previous = rd_i18n_push_language (language);
  report = rd_deadlines_compute (input, NULL, today);
  list = rd_deadline_report_get_deadlines (report);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RdDeadline) d = g_list_model_get_item (list, i);

      g_string_append_printf (text, "%s\n", rd_deadline_get_explanation (d));
    }
  rd_i18n_pop_language (previous);
  log_text (language, text->str);
  return g_string_free (text, FALSE);
}

static void
test_hazard_steps (void)
{
  g_autofree char *english = explain_hazard (RD_I18N_SOURCE_LANGUAGE);

  assert_has (english, "The investigation of the damp and mould hazard was due by ");
  assert_has (english, " counted from the report on Monday 3 November 2025 (time limit: ");
  assert_has (english, " counted from the investigation on Wednesday 5 November 2025 (time limit: ");
  if (have ("cy"))
    {
      g_autofree char *cy = explain_hazard ("cy");

      assert_has (cy, "Y dyddiad cau ar gyfer ymchwilio i’r perygl lleithder a llwydni oedd ");
      assert_has (cy, " wedi’i gyfrif o’r adroddiad ar ddydd Llun 3 Tachwedd 2025 (terfyn amser: ");
      assert_has (cy, " wedi’i gyfrif o’r ymchwiliad ar ddydd Mercher 5 Tachwedd 2025 (terfyn amser: ");
    }
  if (have ("pl"))
    {
      g_autofree char *pl = explain_hazard ("pl");

      /* The step in the genitive after "Termin" and after "od" */
      assert_has (pl, "Termin zbadania zagrożenia wilgocią i pleśnią: ");
      assert_has (pl, " licząc od zgłoszenia w poniedziałek 3 listopada 2025 (limit czasu: ");
      assert_has (pl, " licząc od badania w środę 5 listopada 2025 (limit czasu: ");
      assert_lacks (pl, "od zgłoszenie");
      assert_lacks (pl, "od badanie");
    }
}

/* A boiler repair the landlord's policy calls urgent (5 working days),
 * reported on Monday 3 November 2025 and finished on Wednesday 12, two
 * working days late: the stage 1 letter in @language. */
static char *
write_repair_letter (const char *language)
{
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(RdCaseFacts) facts = NULL;
  g_autoptr(RdComplaint) complaint = rd_complaint_new ();
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GDateTime) start = rd_datetime_parse_local ("2025-10-30T09:00", NULL);
  g_autoptr(GDate) reported = day ("2025-11-03");
  g_autoptr(GDate) from = day ("2024-06-01");
  g_autoptr(GDate) today = day ("2025-12-02");
  g_autoptr(RdPolicy) landlord = NULL;
  g_autoptr(RdDashboard) dashboard = NULL;
  g_autoptr(RdLetter) letter = NULL;
  RdLimit five = { 5, RD_TIME_UNIT_WORKING_DAYS };
  RdLandlordSteps steps;
  char *previous;
  char *text;

  rd_case_set_id (rcase, 1);
  rd_case_set_landlord_name (rcase, "Northway Homes");
  facts = rd_case_facts_new (rcase);
  rd_complaint_set_id (complaint, 7);
  rd_complaint_set_case_id (complaint, 1);
  rd_case_facts_add_complaint (facts, complaint);
  g_assert_true (rd_landlord_steps_from_key ("repaired=2025-11-12", &steps, NULL));
  rd_incident_set_id (incident, 12);
  rd_incident_set_case_id (incident, 1);
  rd_incident_set_category (incident, RD_CATEGORY_DISREPAIR);
  rd_incident_set_starts_at (incident, start);
  rd_incident_set_description (incident, "Boiler not working");
  rd_incident_set_reported_to (incident, RD_REPORTED_LANDLORD);
  rd_incident_set_landlord_reported_on (incident, reported);
  rd_incident_set_repair_priority (incident, "urgent");
  rd_incident_set_landlord_steps (incident, &steps);
  rd_case_facts_add_incident (facts, incident);
  landlord = rd_policy_new_landlord_from_code (from);
  rd_policy_set_repair_priority (landlord, "urgent", "Urgent repair", &five);

  previous = rd_i18n_push_language (language);
  dashboard = rd_dashboard_new (facts, landlord, today);
  letter = rd_letter_build (RD_LETTER_STAGE1_COMPLAINT, facts, complaint, dashboard);
  text = rd_letter_to_text (letter);
  rd_i18n_pop_language (previous);
  log_text (language, text);
  return text;
}

/* The landlord's repair policy after "under": Welsh mutates it after "o
 * dan" ("o dan bolisi"), Polish takes the instrumental after "zgodnie z". */
static void
test_repair_policy (void)
{
  g_autofree char *english = write_repair_letter (RD_I18N_SOURCE_LANGUAGE);

  assert_has (english, "2 working days late under your landlord’s repair policy (“Urgent repair”), "
                       "which set Monday 10 November 2025 as the last day.");
  if (have ("cy"))
    {
      g_autofree char *cy = write_repair_letter ("cy");

      assert_has (cy, "2 ddiwrnod gwaith yn hwyr o dan bolisi atgyweirio eich landlord (“Urgent "
                      "repair”)");
      assert_lacks (cy, "o dan polisi");
    }
  if (have ("pl"))
    {
      g_autofree char *pl = write_repair_letter ("pl");

      assert_has (pl, "2 dni robocze po terminie wyznaczonym zgodnie z zasadami napraw wynajmującego "
                      "(„Urgent repair”)");
      assert_lacks (pl, "podstawa: zasady");
    }
}

/* A noise report to the police, dated, with a reference. */
static char *
write_report_entry (const char *language)
{
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GDateTime) at = rd_datetime_parse_local ("2025-03-02T23:10", NULL);
  g_autoptr(GDate) reported = day ("2025-03-04");
  RdAsbReviewReport report = { 0 };
  char *previous;
  char *text;

  rd_incident_set_category (incident, RD_CATEGORY_NOISE);
  rd_incident_set_starts_at (incident, at);
  rd_incident_set_reference (incident, "CAD 2231");
  report.incident = incident;
  report.reported = *reported;
  report.to = RD_REPORTED_POLICE;
  report.dated = TRUE;
  report.status = RD_ASB_REVIEW_COUNTED;
  previous = rd_i18n_push_language (language);
  text = rd_community_trigger_dup_entry (&report);
  rd_i18n_pop_language (previous);
  log_text (language, text);
  return text;
}

static void
test_report_dates (void)
{
  g_autofree char *english = write_report_entry (RD_I18N_SOURCE_LANGUAGE);

  g_assert_cmpstr (english, ==, "Reported on Tuesday 4 March 2025 to: Police (ref. CAD 2231). Noise on "
                                "Sunday 2 March 2025 at 23:10.");
  if (have ("cy"))
    {
      g_autofree char *cy = write_report_entry ("cy");

      assert_has (cy, "Adroddwyd ar ddydd Mawrth 4 Mawrth 2025");
      assert_has (cy, "ar ddydd Sul 2 Mawrth 2025 am 23:10.");
      assert_lacks (cy, "ar dydd ");
    }
  if (have ("pl"))
    {
      g_autofree char *pl = write_report_entry ("pl");

      assert_has (pl, "Zgłoszono we wtorek 4 marca 2025.");
      assert_has (pl, "w niedzielę 2 marca 2025, godz. 23:10.");
      assert_lacks (pl, "w wtorek");
      assert_lacks (pl, "w niedziela");
    }
}

/* The landlord's name as typed is never inflected: it stands after a colon. */
static char *
write_ombudsman_subject (const char *language)
{
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(RdCaseFacts) facts = NULL;
  g_autoptr(RdLetter) letter = NULL;
  g_autoptr(GDate) today = day ("2024-12-13");
  g_autoptr(RdDashboard) dashboard = NULL;
  char *previous;
  char *text;

  rd_case_set_id (rcase, 1);
  rd_case_set_landlord_name (rcase, "Gwalia Homes");
  facts = rd_case_facts_new (rcase);
  previous = rd_i18n_push_language (language);
  dashboard = rd_dashboard_new (facts, NULL, today);
  letter = rd_letter_build (RD_LETTER_OMBUDSMAN_SUMMARY, facts, NULL, dashboard);
  text = rd_letter_to_text (letter);
  rd_i18n_pop_language (previous);
  log_text (language, text);
  return text;
}

static void
test_typed_names_stand_alone (void)
{
  g_autofree char *english = write_ombudsman_subject (RD_I18N_SOURCE_LANGUAGE);

  assert_has (english, "Summary of my complaint (landlord: Gwalia Homes)");
  if (have ("cy"))
    {
      g_autofree char *cy = write_ombudsman_subject ("cy");

      /* Not "am Gwalia", which Welsh would need as "am Walia" */
      assert_has (cy, "Crynodeb o’m cwyn (landlord: Gwalia Homes)");
    }
  if (have ("pl"))
    {
      g_autofree char *pl = write_ombudsman_subject ("pl");

      assert_has (pl, "Podsumowanie mojej skargi (wynajmujący: Gwalia Homes)");
    }
}

/* A Polish long date carries its weekday in brackets ("8 listopada 2024
 * (piątek)"), and so does a Code's name: a sentence that puts either inside
 * brackets of its own nests them. */
static void
assert_brackets_flat (const char *text)
{
  int depth = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')')
        depth--;
      if (depth > 1)
        {
          g_test_message ("Brackets inside brackets at: “%.60s”", p);
          g_test_fail ();
          return;
        }
      if (*p == '\n')
        depth = 0;
    }
}

/* A complaint made on Friday 1 November 2024 and acknowledged on Monday 4,
 * the response first due by Monday 18 November; on @notified the landlord
 * gives @new_date instead. The extension's explanation in @language. */
static char *
explain_extension (const char *language,
                   const char *notified,
                   const char *new_date)
{
  g_autoptr(RdDeadlineInput) input = rd_deadline_input_new ();
  g_autoptr(RdDeadlineReport) report = NULL;
  g_autoptr(GDate) made = day ("2024-11-01");
  g_autoptr(GDate) ack = day ("2024-11-04");
  g_autoptr(GDate) told = day (notified);
  g_autoptr(GDate) moved_to = day (new_date);
  g_autoptr(GDate) today = day ("2024-11-25");
  GListModel *list;
  char *previous;
  char *text = NULL;

  rd_deadline_input_add_complaint_event (input, 1, 1, RD_COMPLAINT_EVENT_MADE, 1, made, NULL);
  rd_deadline_input_add_complaint_event (input, 2, 1, RD_COMPLAINT_EVENT_ACKNOWLEDGED, 1, ack, NULL);
  rd_deadline_input_add_complaint_event (input, 3, 1, RD_COMPLAINT_EVENT_EXTENSION_NOTIFIED, 1, told,
                                         moved_to);
  previous = rd_i18n_push_language (language);
  report = rd_deadlines_compute (input, NULL, today);
  list = rd_deadline_report_get_deadlines (report);
  for (guint i = 0; i < g_list_model_get_n_items (list) && text == NULL; i++)
    {
      g_autoptr(RdDeadline) d = g_list_model_get_item (list, i);

      if (rd_deadline_get_kind (d) == RD_DEADLINE_KIND_EXTENSION)
        text = g_strdup (rd_deadline_get_explanation (d));
    }
  rd_i18n_pop_language (previous);
  g_assert_nonnull (text);
  log_text (language, text);
  return text;
}

/* How far an extension moved the date, and how late one given too late
 * was, each a whole sentence with the count's plural form; the longest
 * extension allowed stands alone after a colon. */
static void
test_extension_counts (void)
{
  const struct { const char *language, *notified, *new_date, *says; } cases[] = {
    { RD_I18N_SOURCE_LANGUAGE, "2024-11-12", "2024-11-19", "The landlord put the stage 1 response "
      "back on Tuesday 12 November 2024, before it was due: it was first due by Monday 18 November "
      "2024, and the new date, Tuesday 19 November 2024, is 1 working day later. The longest "
      "extension allowed: 10 working days." },
    { RD_I18N_SOURCE_LANGUAGE, "2024-11-20", "2024-11-29", "already due by Monday 18 November 2024, "
      "2 working days earlier," },
    { RD_I18N_SOURCE_LANGUAGE, "2024-11-12", "2024-12-04", "is 12 working days later. The longest "
      "extension allowed without a good reason: 10 working days." },
    { "cy", "2024-11-12", "2024-11-19", "Symudodd y landlord ymateb cam 1 yn ôl ar ddydd Mawrth 12 "
      "Tachwedd 2024, cyn iddo fod yn ddyledus" },
    { "cy", "2024-11-12", "2024-11-19", "mae’r dyddiad newydd, dydd Mawrth 19 Tachwedd 2024, 1 "
      "diwrnod gwaith yn ddiweddarach." },
    { "cy", "2024-11-12", "2024-11-20", ", 2 ddiwrnod gwaith yn ddiweddarach." },
    { "cy", "2024-11-12", "2024-11-25", ", 5 diwrnod gwaith yn ddiweddarach." },
    { "cy", "2024-11-20", "2024-11-29", "erbyn dydd Llun 18 Tachwedd 2024, 2 ddiwrnod gwaith ynghynt," },
    { "cy", "2024-11-12", "2024-12-04", "Yr estyniad hiraf a ganiateir heb reswm da: 10 diwrnod "
      "gwaith." },
    { "pl", "2024-11-12", "2024-11-19", "Wynajmujący przesunął odpowiedź na etapie 1 we wtorek 12 "
      "listopada 2024, przed upływem terminu" },
    { "pl", "2024-11-12", "2024-11-19", "przypada 1 dzień roboczy później." },
    { "pl", "2024-11-12", "2024-11-20", "przypada 2 dni robocze później." },
    { "pl", "2024-11-12", "2024-11-25", "przypada 5 dni roboczych później." },
    { "pl", "2024-11-20", "2024-11-29", "minął już 18 listopada 2024 (poniedziałek), 2 dni robocze "
      "wcześniej," },
    { "pl", "2024-11-12", "2024-12-04", "Najdłuższe przedłużenie dopuszczalne bez ważnego powodu: 10 "
      "dni roboczych." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;

      if (!have (cases[i].language))
        continue;
      text = explain_extension (cases[i].language, cases[i].notified, cases[i].new_date);
      assert_has (text, cases[i].says);
      assert_lacks (text, "ar dydd ");
      assert_lacks (text, "w wtorek");
      assert_brackets_flat (text);
    }
}

/* An emergency hazard in a council tenancy, reported at 14:30 on Monday 3
 * November 2025 and made safe a minute late: the stage 1 letter, whose
 * line for it names Awaab's Law (its name has brackets) and a date. */
/* The same emergency hazard, made safe at @made_safe. */
static RdCaseFacts *
hazard_facts (const char *made_safe)
{
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GDateTime) start = rd_datetime_parse_local ("2025-11-03T08:00", NULL);
  g_autoptr(GDate) reported = day ("2025-11-03");
  g_autofree char *key = g_strdup_printf ("made-safe=%s", made_safe);
  RdCaseFacts *facts;
  RdLandlordSteps steps;

  rd_case_set_id (rcase, 1);
  rd_case_set_tenancy_type (rcase, RD_TENANCY_SECURE);
  facts = rd_case_facts_new (rcase);
  g_assert_true (rd_landlord_steps_from_key (key, &steps, NULL));
  rd_incident_set_id (incident, 11);
  rd_incident_set_case_id (incident, 1);
  rd_incident_set_category (incident, RD_CATEGORY_DISREPAIR);
  rd_incident_set_starts_at (incident, start);
  rd_incident_set_description (incident, "Smell of gas");
  rd_incident_set_reported_to (incident, RD_REPORTED_LANDLORD);
  rd_incident_set_landlord_reported_on (incident, reported);
  rd_incident_set_landlord_reported_minute (incident, 14 * 60 + 30);
  rd_incident_set_hazard (incident, RD_HAZARD_EMERGENCY);
  rd_incident_set_landlord_steps (incident, &steps);
  rd_case_facts_add_incident (facts, incident);
  return facts;
}

static char *
write_hazard_letter (const char *language)
{
  g_autoptr(RdCaseFacts) facts = hazard_facts ("2025-11-04T14:31");
  g_autoptr(GDate) today = day ("2025-12-01");
  g_autoptr(RdDashboard) dashboard = NULL;
  g_autoptr(RdLetter) letter = NULL;
  char *previous;
  char *text;

  previous = rd_i18n_push_language (language);
  dashboard = rd_dashboard_new (facts, NULL, today);
  letter = rd_letter_build (RD_LETTER_STAGE1_COMPLAINT, facts, NULL, dashboard);
  text = rd_letter_to_text (letter);
  rd_i18n_pop_language (previous);
  log_text (language, text);
  return text;
}

/* What Next's explanations of the hazard made safe at @made_safe. */
static char *
explain_made_safe (const char *language,
                   const char *made_safe)
{
  g_autoptr(RdCaseFacts) facts = hazard_facts (made_safe);
  g_autoptr(GDate) today = day ("2025-12-01");
  g_autoptr(RdDashboard) dashboard = NULL;
  GString *text = g_string_new (NULL);
  GListModel *items;
  char *previous;

  previous = rd_i18n_push_language (language);
  dashboard = rd_dashboard_new (facts, NULL, today);
  items = rd_dashboard_get_items (dashboard);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RdDashboardItem) item = g_list_model_get_item (items, i);

      g_string_append_printf (text, "%s\n",
                              rd_deadline_get_explanation (rd_dashboard_item_get_deadline (item)));
    }
  rd_i18n_pop_language (previous);
  log_text (language, text->str);
  return g_string_free (text, FALSE);
}

/* A promise made on the phone at 10:00 on Monday 4 November 2024, to call
 * back by Friday 8, in @language. */
static char *
explain_promise (const char *language)
{
  g_autoptr(RdDeadlineInput) input = rd_deadline_input_new ();
  g_autoptr(RdDeadlineReport) report = NULL;
  g_autoptr(GDateTime) at = rd_datetime_parse_local ("2024-11-04T10:00", NULL);
  g_autoptr(GDate) due = day ("2024-11-08");
  g_autoptr(GDate) today = day ("2024-12-02");
  GListModel *list;
  char *previous;
  char *text = NULL;

  rd_deadline_input_add_contact (input, 1, at, RD_CONTACT_FROM, RD_CHANNEL_PHONE, "Call back", due);
  previous = rd_i18n_push_language (language);
  report = rd_deadlines_compute (input, NULL, today);
  list = rd_deadline_report_get_deadlines (report);
  for (guint i = 0; i < g_list_model_get_n_items (list) && text == NULL; i++)
    {
      g_autoptr(RdDeadline) d = g_list_model_get_item (list, i);

      if (rd_deadline_get_kind (d) == RD_DEADLINE_KIND_PROMISE)
        text = g_strdup (rd_deadline_get_explanation (d));
    }
  rd_i18n_pop_language (previous);
  g_assert_nonnull (text);
  log_text (language, text);
  return text;
}

/* Welsh mutates "dydd" after "ar", "o" and "i"; where a long date stands
 * in a sentence, the Welsh puts it where nothing mutates it. */
static void
test_welsh_dates_unmutated (void)
{
  g_autofree char *english = explain_promise (RD_I18N_SOURCE_LANGUAGE);
  g_autofree char *cy = NULL;

  assert_has (english, "On Monday 4 November 2024 at 10:00 the landlord promised “Call back” by "
                       "Friday 8 November 2024.");
  if (!have ("cy"))
    return;
  cy = explain_promise ("cy");
  assert_has (cy, "Addawodd y landlord “Call back” erbyn dydd Gwener 8 Tachwedd 2024. Dyddiad yr "
                  "addewid: dydd Llun 4 Tachwedd 2024 am 10:00.");
  assert_lacks (cy, "Ar dydd");
}

/* Every Polish explanation and letter above, with no brackets in brackets. */
static void
test_polish_brackets (void)
{
  g_autofree char *deadlines = NULL;
  g_autofree char *hazard = NULL;
  g_autofree char *letter = NULL;
  g_autofree char *hazard_letter = NULL;
  g_autofree char *english = write_hazard_letter (RD_I18N_SOURCE_LANGUAGE);

  /* The English line has the law's name in brackets, as the Polish must not */
  assert_has (english, "1 minute late under Awaab’s Law (");
  if (!have ("pl"))
    return;
  hazard_letter = write_hazard_letter ("pl");
  assert_brackets_flat (hazard_letter);
  assert_has (hazard_letter, "1 minutę po terminie. Podstawa: ");
  deadlines = explain_deadlines ("pl");
  hazard = explain_hazard ("pl");
  letter = write_repair_letter ("pl");
  assert_brackets_flat (deadlines);
  assert_brackets_flat (hazard);
  assert_brackets_flat (letter);
  assert_lacks (letter, "(podstawa:");
}

/* Polish declines hours by where they stand: a time limit stands alone
 * ("limit czasu: 1 godzina"), how late something was is counted ("1
 * godzinę po terminie"). One translation served both, so a limit read "1
 * godzinę"; each now has a context of its own. */
static void
test_polish_hours (void)
{
  const struct { RdLimit limit; const char *says; } limits[] = {
    { { 1, RD_TIME_UNIT_HOURS }, "1 godzina" },
    { { 1, RD_TIME_UNIT_WORKING_HOURS }, "1 godzina robocza" },
    { { 24, RD_TIME_UNIT_HOURS }, "24 godziny" },
    { { 5, RD_TIME_UNIT_WORKING_HOURS }, "5 godzin roboczych" },
  };
  g_autofree char *english = explain_made_safe (RD_I18N_SOURCE_LANGUAGE, "2025-11-04T15:31");
  g_autofree char *pl = NULL;
  char *previous;

  assert_has (english, "It was done on Tuesday 4 November 2025 at 15:31, 1 hour 1 minute late.");
  assert_has (english, "(time limit: 24 hours)");
  if (!have ("pl"))
    return;
  previous = rd_i18n_push_language ("pl");
  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      g_autofree char *text = rd_limit_format (&limits[i].limit);

      g_assert_cmpstr (text, ==, limits[i].says);
    }
  rd_i18n_pop_language (previous);

  pl = explain_made_safe ("pl", "2025-11-04T15:31");
  assert_has (pl, "1 godzinę 1 minutę po terminie.");
  assert_has (pl, "(limit czasu: 24 godziny)");
  g_clear_pointer (&pl, g_free);
  pl = explain_made_safe ("pl", "2025-11-04T14:31");
  assert_has (pl, "1 minutę po terminie.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/i18n-grammar/deadline-names", test_deadline_names);
  g_test_add_func ("/i18n-grammar/late-counts", test_late_counts);
  g_test_add_func ("/i18n-grammar/hazard-steps", test_hazard_steps);
  g_test_add_func ("/i18n-grammar/repair-policy", test_repair_policy);
  g_test_add_func ("/i18n-grammar/report-dates", test_report_dates);
  g_test_add_func ("/i18n-grammar/typed-names", test_typed_names_stand_alone);
  g_test_add_func ("/i18n-grammar/extension-counts", test_extension_counts);
  g_test_add_func ("/i18n-grammar/polish-brackets", test_polish_brackets);
  g_test_add_func ("/i18n-grammar/polish-hours", test_polish_hours);
  g_test_add_func ("/i18n-grammar/welsh-dates", test_welsh_dates_unmutated);
  return g_test_run ();
}
