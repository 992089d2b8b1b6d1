/* test-case-json.c: the case JSON format: round trips, and documents refused whole.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <time.h>

#include "rd-core.h"
#include "store-fixtures.h"

typedef struct {
  char    *dir;
  RdStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = fixture_store_open_temp ("redress-json-XXXXXX", &f->dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  fixture_store_close_temp (&f->store, &f->dir);
}

/* Line numbers in the tests below refer to this document: keep it as it is
 * or update them. */
static const char base_document[] =
  "{\n"                                                               /*  1 */
  "  \"format\": \"redress-case\",\n"                                 /*  2 */
  "  \"version\": 1,\n"                                               /*  3 */
  "  \"case\": {\n"                                                   /*  4 */
  "    \"title\": \"Bruit — Flat 6\",\n"                              /*  5 */
  "    \"tenancy_type\": \"secure\",\n"                               /*  6 */
  "    \"contact_preferences\": \"Email only\"\n"                     /*  7 */
  "  },\n"                                                            /*  8 */
  "  \"parties\": [\n"                                                /*  9 */
  "    { \"id\": \"officer\", \"name\": \"Sam Okafor\", \"role\": \"landlord-officer\" }\n" /* 10 */
  "  ],\n"                                                            /* 11 */
  "  \"incidents\": [\n"                                              /* 12 */
  "    {\n"                                                           /* 13 */
  "      \"starts_at\": \"2024-03-02T23:15\",\n"                      /* 14 */
  "      \"category\": \"noise\",\n"                                  /* 15 */
  "      \"reported_to\": [\"police\"]\n"                             /* 16 */
  "    }\n"                                                           /* 17 */
  "  ],\n"                                                            /* 18 */
  "  \"contacts\": [\n"                                               /* 19 */
  "    {\n"                                                           /* 20 */
  "      \"id\": 7,\n"                                                /* 21 */
  "      \"occurred_at\": \"2024-03-04T10:00\",\n"                    /* 22 */
  "      \"direction\": \"from\",\n"                                  /* 23 */
  "      \"channel\": \"phone\",\n"                                   /* 24 */
  "      \"party\": \"officer\",\n"                                   /* 25 */
  "      \"promise\": \"Call back\",\n"                               /* 26 */
  "      \"promise_due\": \"2024-03-08\"\n"                           /* 27 */
  "    }\n"                                                           /* 28 */
  "  ],\n"                                                            /* 29 */
  "  \"complaints\": [\n"                                             /* 30 */
  "    {\n"                                                           /* 31 */
  "      \"points\": [\"Noise handling\"],\n"                         /* 32 */
  "      \"outcomes\": [\"apology\"],\n"                              /* 33 */
  "      \"events\": [\n"                                             /* 34 */
  "        { \"kind\": \"made\", \"date\": \"2024-03-05\", \"contact\": 7 },\n" /* 35 */
  "        { \"kind\": \"extension-notified\", \"date\": \"2024-03-20\", \"new_date\": \"2024-04-03\" }\n" /* 36 */
  "      ]\n"                                                         /* 37 */
  "    }\n"                                                           /* 38 */
  "  ]\n"                                                             /* 39 */
  "}\n";                                                              /* 40 */

static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, from));
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

static guint
count_cases (RdStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) cases = rd_store_list_cases (store, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (cases);
}

static void
test_base_document_imports (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCaseFacts) facts = NULL;
  gint64 case_id = rd_case_json_import (f->store, base_document, -1, &error);
  RdContact *contact;
  RdComplaint *complaint;
  GPtrArray *events;

  g_assert_no_error (error);
  g_assert_cmpint (case_id, >, 0);
  facts = rd_case_facts_load (f->store, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rd_case_get_title (rd_case_facts_get_case (facts)), ==, "Bruit — Flat 6");
  g_assert_cmpint (rd_case_get_tenancy_type (rd_case_facts_get_case (facts)), ==, RD_TENANCY_SECURE);
  /* Written before cases had a language: English, as its letters were */
  g_assert_cmpstr (rd_case_get_document_language (rd_case_facts_get_case (facts)), ==, "en");
  g_assert_cmpuint (rd_case_facts_get_parties (facts)->len, ==, 1);
  g_assert_cmpuint (rd_case_facts_get_incidents (facts)->len, ==, 1);

  /* String and number ids resolve to the stored rows. */
  contact = g_ptr_array_index (rd_case_facts_get_contacts (facts), 0);
  g_assert_cmpint (rd_contact_get_party_id (contact), ==,
                   rd_party_get_id (g_ptr_array_index (rd_case_facts_get_parties (facts), 0)));
  complaint = g_ptr_array_index (rd_case_facts_get_complaints (facts), 0);
  /* Written before complaints had a subject: not said */
  g_assert_cmpint (rd_complaint_get_subject (complaint), ==, RD_COMPLAINT_SUBJECT_NOT_SAID);
  events = rd_case_facts_get_events (facts, complaint);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpint (rd_complaint_event_get_contact_id (g_ptr_array_index (events, 0)), ==,
                   rd_contact_get_id (contact));
  g_assert_cmpint (rd_complaint_event_get_stage (g_ptr_array_index (events, 0)), ==, 1);
}

static RdCase *
build_rich_case (RdStore *store)
{
  g_autoptr(GError) error = NULL;
  RdCase *rcase = rd_case_new ();
  g_autoptr(RdParty) officer = rd_party_new ();
  g_autoptr(RdParty) neighbour = rd_party_new ();
  g_autoptr(RdComplaint) complaint = rd_complaint_new ();
  const char *points[] = { "Handling of my reports of noise from Flat 6", "The associated complaint — «délais»", NULL };
  struct { const char *when, *end, *text; RdReportedTo to; } incidents[] = {
    { "2024-02-01T22:00:00", NULL, "Musique forte 🎵 until 01:00", RD_REPORTED_POLICE | RD_REPORTED_LANDLORD },
    { "2024-02-01T22:00:00", "2024-02-02T01:00:00", "Same evening, a second entry", RD_REPORTED_NONE },
    { "2024-03-09T18:40:00", NULL, "Threats on the stairs: «Я тебя найду»", RD_REPORTED_POLICE },
  };
  struct { const char *when; RdContactDirection dir; RdContactChannel channel; RdParty *party; const char *summary, *promise, *due; } contacts[] = {
    { "2024-02-02T09:00:00", RD_CONTACT_TO, RD_CHANNEL_PHONE, NULL, "Reported the noise; spoke to the call centre", "", NULL },
    { "2024-02-05T14:30:00", RD_CONTACT_FROM, RD_CHANNEL_EMAIL, NULL, "Officer replied", "Will visit Flat 6 — «bientôt»", "2024-02-12" },
    { "2024-03-01T10:15:00", RD_CONTACT_TO, RD_CHANNEL_WEB_FORM, NULL, "Stage 1 complaint sent", "", NULL },
  };
  struct { RdComplaintEventKind kind; guint stage; const char *date, *new_date, *reason; int contact; } events[] = {
    { RD_COMPLAINT_EVENT_MADE, 1, "2024-03-01", NULL, "", 2 },
    { RD_COMPLAINT_EVENT_ACKNOWLEDGED, 1, "2024-03-11", NULL, "", -1 },
    { RD_COMPLAINT_EVENT_EXTENSION_NOTIFIED, 1, "2024-03-20", "2024-04-08", "Waiting for the ASB team — équipe", -1 },
    { RD_COMPLAINT_EVENT_RESPONSE, 1, "2024-04-15", NULL, "", -1 },
    { RD_COMPLAINT_EVENT_ESCALATION_REQUESTED, 2, "2024-04-20", NULL, "", -1 },
  };
  GPtrArray *saved_contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) about = g_array_new (FALSE, FALSE, sizeof (gint64));

  rd_case_set_title (rcase, "Noise from Flat 6 — “the bass”");
  rd_case_set_resident_name (rcase, "Zoë Ó Briain");
  rd_case_set_address (rcase, "Flat 5, Ærø House\n12 Çelik Road");
  rd_case_set_landlord_name (rcase, "Northway Homes");
  rd_case_set_tenancy_type (rcase, RD_TENANCY_ASSURED);
  rd_case_set_contact_preferences (rcase, "Email — not before 10:00");
  rd_case_set_adjustments (rcase, "Large print; 日本語 interpreter");
  rd_case_set_notes (rcase, "Tab\tand \"quotes\" and \\ backslash");
  /* A language whose translation may not be installed is still kept */
  rd_case_set_document_language (rcase, "pt_BR");
  g_assert_true (rd_store_save_case (store, rcase, &error));

  rd_party_set_case_id (officer, rd_case_get_id (rcase));
  rd_party_set_name (officer, "Siobhán Ní Bhriain");
  rd_party_set_organisation (officer, "Northway Homes");
  g_assert_true (rd_store_save_party (store, officer, &error));
  rd_party_set_case_id (neighbour, rd_case_get_id (rcase));
  rd_party_set_role (neighbour, RD_PARTY_NEIGHBOUR);
  rd_party_set_name (neighbour, "Flat 6");
  rd_party_set_third_party (neighbour, TRUE);
  g_assert_true (rd_store_save_party (store, neighbour, &error));
  contacts[1].party = officer;

  for (guint i = 0; i < G_N_ELEMENTS (incidents); i++)
    {
      g_autoptr(RdIncident) incident = rd_incident_new ();
      g_autoptr(GDateTime) start = rd_datetime_parse_local (incidents[i].when, NULL);
      g_autoptr(GDateTime) end = incidents[i].end ? rd_datetime_parse_local (incidents[i].end, NULL) : NULL;

      rd_incident_set_case_id (incident, rd_case_get_id (rcase));
      rd_incident_set_starts_at (incident, start);
      rd_incident_set_ends_at (incident, end);
      rd_incident_set_category (incident, i == 2 ? RD_CATEGORY_HARASSMENT : RD_CATEGORY_NOISE);
      rd_incident_set_description (incident, incidents[i].text);
      rd_incident_set_reported_to (incident, incidents[i].to);
      rd_incident_set_people (incident, "Flat 6");
      g_assert_true (rd_store_save_incident (store, incident, NULL, &error));
      if (i != 1)
        {
          gint64 id = rd_incident_get_id (incident);
          g_array_append_val (about, id);
        }
    }

  /* Saved out of time order on purpose: the format lists them by time. */
  for (int i = G_N_ELEMENTS (contacts) - 1; i >= 0; i--)
    {
      RdContact *contact = rd_contact_new ();
      g_autoptr(GDateTime) when = rd_datetime_parse_local (contacts[i].when, NULL);
      g_autoptr(GDate) due = contacts[i].due ? rd_date_parse_iso (contacts[i].due, NULL) : NULL;

      rd_contact_set_case_id (contact, rd_case_get_id (rcase));
      rd_contact_set_occurred_at (contact, when);
      rd_contact_set_direction (contact, contacts[i].dir);
      rd_contact_set_channel (contact, contacts[i].channel);
      rd_contact_set_party_id (contact, contacts[i].party ? rd_party_get_id (contacts[i].party) : 0);
      rd_contact_set_person (contact, contacts[i].party ? "" : "Call centre");
      rd_contact_set_summary (contact, contacts[i].summary);
      rd_contact_set_promise (contact, contacts[i].promise);
      rd_contact_set_promise_due (contact, due);
      g_assert_true (rd_store_save_contact (store, contact, &error));
      g_assert_no_error (error);
      g_ptr_array_insert (saved_contacts, 0, contact);
    }

  rd_complaint_set_case_id (complaint, rd_case_get_id (rcase));
  rd_complaint_set_reference (complaint, "NH/2024/0113");
  rd_complaint_set_points (complaint, points);
  rd_complaint_set_outcomes (complaint, RD_OUTCOME_APOLOGY | RD_OUTCOME_COMPENSATION | RD_OUTCOME_OTHER);
  rd_complaint_set_outcome_other (complaint, "Un déménagement");
  rd_complaint_set_subject (complaint, RD_COMPLAINT_SUBJECT_ALLOCATIONS);
  rd_complaint_set_incident_ids (complaint, (const gint64 *) about->data, about->len);
  g_assert_true (rd_store_save_complaint (store, complaint, &error));
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autoptr(RdComplaintEvent) event = rd_complaint_event_new (events[i].kind);
      g_autoptr(GDate) date = rd_date_parse_iso (events[i].date, NULL);
      g_autoptr(GDate) new_date = events[i].new_date ? rd_date_parse_iso (events[i].new_date, NULL) : NULL;

      rd_complaint_event_set_complaint_id (event, rd_complaint_get_id (complaint));
      rd_complaint_event_set_stage (event, events[i].stage);
      rd_complaint_event_set_date (event, date);
      rd_complaint_event_set_new_date (event, new_date);
      rd_complaint_event_set_reason (event, events[i].reason);
      if (events[i].contact >= 0)
        rd_complaint_event_set_contact_id (event, rd_contact_get_id (g_ptr_array_index (saved_contacts, events[i].contact)));
      g_assert_true (rd_store_save_complaint_event (store, event, &error));
      g_assert_no_error (error);
    }
  g_ptr_array_unref (saved_contacts);
  return rcase;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCase) rcase = build_rich_case (f->store);
  g_autofree char *first = rd_case_json_export (f->store, rd_case_get_id (rcase), &error);
  g_autofree char *second = NULL;
  g_autoptr(RdCaseFacts) facts = NULL;
  gint64 copy_id;
  RdContact *promised;

  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (first, -1, NULL));
  g_assert_nonnull (strstr (first, "«Я тебя найду»"));

  copy_id = rd_case_json_import (f->store, first, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy_id, !=, rd_case_get_id (rcase));
  second = rd_case_json_export (f->store, copy_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, second);

  /* And the copy holds the facts themselves, links included. */
  facts = rd_case_facts_load (f->store, copy_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rd_case_get_adjustments (rd_case_facts_get_case (facts)), ==, "Large print; 日本語 interpreter");
  g_assert_cmpstr (rd_case_get_document_language (rd_case_facts_get_case (facts)), ==, "pt_BR");
  g_assert_nonnull (strstr (first, "\"document_language\" : \"pt_BR\""));
  g_assert_cmpstr (rd_case_get_notes (rd_case_facts_get_case (facts)), ==, "Tab\tand \"quotes\" and \\ backslash");
  g_assert_cmpuint (rd_case_facts_get_incidents (facts)->len, ==, 3);
  g_assert_cmpuint (rd_case_facts_get_contacts (facts)->len, ==, 3);
  promised = g_ptr_array_index (rd_case_facts_get_contacts (facts), 1);
  g_assert_cmpstr (rd_contact_get_promise (promised), ==, "Will visit Flat 6 — «bientôt»");
  {
    g_autofree char *who = rd_case_facts_dup_contact_who (facts, promised);
    g_assert_cmpstr (who, ==, "Siobhán Ní Bhriain (Northway Homes)");
  }
  {
    RdComplaint *complaint = g_ptr_array_index (rd_case_facts_get_complaints (facts), 0);
    GPtrArray *events = rd_case_facts_get_events (facts, complaint);
    RdComplaintEvent *made = g_ptr_array_index (events, 0);
    RdContact *proof = rd_case_facts_find_contact (facts, rd_complaint_event_get_contact_id (made));

    g_assert_cmpuint (events->len, ==, 5);
    g_assert_nonnull (proof);
    g_assert_cmpstr (rd_contact_get_summary (proof), ==, "Stage 1 complaint sent");
    g_assert_cmpuint (rd_complaint_get_outcomes (complaint), ==,
                      RD_OUTCOME_APOLOGY | RD_OUTCOME_COMPENSATION | RD_OUTCOME_OTHER);
    g_assert_cmpint (rd_complaint_get_subject (complaint), ==, RD_COMPLAINT_SUBJECT_ALLOCATIONS);
    /* It is about the first and third diary entries of the copy. */
    {
      GPtrArray *incidents = rd_case_facts_get_incidents (facts);
      guint n_ids;

      rd_complaint_get_incident_ids (complaint, &n_ids);
      g_assert_cmpuint (n_ids, ==, 2);
      g_assert_true (rd_complaint_has_incident (complaint, rd_incident_get_id (g_ptr_array_index (incidents, 0))));
      g_assert_false (rd_complaint_has_incident (complaint, rd_incident_get_id (g_ptr_array_index (incidents, 1))));
      g_assert_true (rd_complaint_has_incident (complaint, rd_incident_get_id (g_ptr_array_index (incidents, 2))));
    }
  }
}

typedef struct {
  const char *name;
  const char *from;
  const char *to;
  guint       line;
  const char *field;   /* NULL for a syntax error */
} Malformed;

static const Malformed malformed[] = {
  { "impossible-date", "\"date\": \"2024-03-20\"", "\"date\": \"2024-02-30\"", 36, "complaints[0].events[1].date" },
  { "unknown-channel", "\"phone\"", "\"pigeon\"", 24, "contacts[0].channel" },
  { "dangling-party", "\"party\": \"officer\"", "\"party\": \"officr\"", 25, "contacts[0].party" },
  { "dangling-contact", "\"contact\": 7", "\"contact\": 8", 35, "complaints[0].events[0].contact" },
  { "typo-in-field", "\"contact_preferences\"", "\"contact_preference\"", 7, "case.contact_preference" },
  { "missing-title", "\"title\": \"Bruit — Flat 6\",", "", 4, "case.title" },
  { "blank-title", "\"title\": \"Bruit — Flat 6\"", "\"title\": \"   \"", 5, "case.title" },
  { "future-incident", "2024-03-02T23:15", "2199-03-02T23:15", 14, "incidents[0].starts_at" },
  { "unknown-agency", "[\"police\"]", "[\"police\", \"fbi\"]", 16, "incidents[0].reported_to[1]" },
  { "promise-before-contact", "\"2024-03-08\"", "\"2024-03-01\"", 27, "contacts[0].promise_due" },
  { "extension-without-new-date", ", \"new_date\": \"2024-04-03\"", "", 36, "complaints[0].events[1].new_date" },
  { "points-not-a-list", "\"points\": [\"Noise handling\"]", "\"points\": \"Noise handling\"", 32, "complaints[0].points" },
  { "stage-out-of-range", "{ \"kind\": \"made\",", "{ \"kind\": \"made\", \"stage\": 9,", 35, "complaints[0].events[0].stage" },
  { "unknown-field-in-contact", "\"id\": 7", "\"id\": 7, \"idx\": 1", 21, "contacts[0].idx" },
  { "dangling-incident", "\"outcomes\": [\"apology\"],", "\"outcomes\": [\"apology\"], \"incidents\": [5],", 33, "complaints[0].incidents[0]" },
  { "duplicate-id", "\"role\": \"landlord-officer\" }", "\"role\": \"landlord-officer\" }, { \"id\": \"officer\", \"name\": \"PC Lee\", \"role\": \"police\" }", 10, "parties[1].id" },
  { "syntax-missing-comma", "\"channel\": \"phone\",", "\"channel\": \"phone\"", 24, NULL },
  { "nul-in-text", "\"Email only\"", "\"Email\\u0000 only\"", 7, "contact_preferences" },
  { "duplicate-key", "\"tenancy_type\": \"secure\",", "\"tenancy_type\": \"secure\", \"tenancy_type\": \"assured\",", 6, "tenancy_type" },
  { "hazard-on-noise", "\"category\": \"noise\",", "\"category\": \"noise\", \"hazard\": \"emergency\",", 15, "incidents[0].hazard" },
  { "priority-on-noise", "\"category\": \"noise\",", "\"category\": \"noise\", \"repair_priority\": \"urgent\",", 15, "incidents[0].repair_priority" },
  { "language-not-a-code", "\"tenancy_type\": \"secure\",", "\"tenancy_type\": \"secure\", \"document_language\": \"../cy\",", 6, "case.document_language" },
  { "language-a-name", "\"tenancy_type\": \"secure\",", "\"tenancy_type\": \"secure\", \"document_language\": \"Welsh\",", 6, "case.document_language" },
  { "too-deep", "\"points\": [\"Noise handling\"]", "\"points\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", 32, "points" },
};

/* The refusals that are about size: built here rather than written out. */
static void
assert_refused (RdStore    *store,
                const char *doc,
                gsize       length,
                const char *line,
                const char *field)
{
  g_autoptr(GError) error = NULL;
  gint64 id = rd_case_json_import (store, doc, length, &error);

  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Nothing was imported."));
  if (line != NULL)
    g_assert_nonnull (strstr (error->message, line));
  if (field != NULL)
    g_assert_nonnull (strstr (error->message, field));
}

/* A million brackets once overflowed the stack inside json-glib (SIGSEGV). */
static void
test_limits (Fixture       *f,
             gconstpointer  data)
{
  const guint deep = 1000000;
  g_autoptr(GString) doc = g_string_new ("{\n\"format\": \"redress-case\", \"version\": 1,\n\"case\": ");

  for (guint i = 0; i < deep; i++)
    g_string_append_c (doc, '[');
  for (guint i = 0; i < deep; i++)
    g_string_append_c (doc, ']');
  g_string_append (doc, "}\n");
  assert_refused (f->store, doc->str, doc->len, "Line 3", "“case”");

  /* One text field over the limit. */
  g_string_assign (doc, "{\"format\": \"redress-case\", \"version\": 1,\n\"case\": {\"title\": \"T\",\n\"notes\": \"");
  for (guint i = 0; i < 17 * 1024 * 1024; i++)
    g_string_append_c (doc, 'x');
  g_string_append (doc, "\"}}\n");
  assert_refused (f->store, doc->str, doc->len, "Line 3", "“notes”");

  /* More entries in one list than an archive may hold files. */
  g_string_assign (doc, "{\"format\": \"redress-case\", \"version\": 1, \"case\": {\"title\": \"T\"},\n\"incidents\": [");
  for (guint i = 0; i <= 100000; i++)
    g_string_append (doc, i ? ",{}" : "{}");
  g_string_append (doc, "]}\n");
  assert_refused (f->store, doc->str, doc->len, "Line 2", "“incidents”");

  /* A NUL byte in the file itself. */
  {
    static const char with_nul[] = "{\"format\": \"redress-case\",\n\"version\": 1\0}";

    assert_refused (f->store, with_nul, sizeof with_nul - 1, "Line 2", "“version”");
  }
  g_assert_cmpuint (count_cases (f->store), ==, 0);
}

static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  const Malformed *m = data;
  g_autofree char *doc = replace_once (base_document, m->from, m->to);
  g_autofree char *line = g_strdup_printf ("Line %u", m->line);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = rd_case_json_import (f->store, doc, -1, &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_nonnull (error);
  g_test_message ("%s: %s", m->name, error->message);
  g_assert_true (error->domain == RD_CASE_JSON_ERROR);
  g_assert_true (g_str_has_prefix (error->message, "Nothing was imported."));
  g_assert_nonnull (strstr (error->message, line));
  if (m->field != NULL)
    {
      g_autofree char *field = g_strdup_printf ("“%s”", m->field);
      g_assert_nonnull (strstr (error->message, field));
    }
  else
    g_assert_error (error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_SYNTAX);
  g_assert_cmpuint (count_cases (f->store), ==, 0);
}

static void
test_not_a_case (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *newer = replace_once (base_document, "\"version\": 1", "\"version\": 2");
  g_autofree char *other = replace_once (base_document, "redress-case", "something-else");

  g_assert_cmpint (rd_case_json_import (f->store, "", -1, &error), ==, 0);
  g_assert_error (error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rd_case_json_import (f->store, "[1, 2]", -1, &error), ==, 0);
  g_assert_error (error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (rd_case_json_import (f->store, newer, -1, &error), ==, 0);
  g_assert_error (error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_VERSION);
  g_clear_error (&error);
  g_assert_cmpint (rd_case_json_import (f->store, other, -1, &error), ==, 0);
  g_assert_error (error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_INVALID);
  g_clear_error (&error);
  /* Bytes that are not UTF-8 are a syntax error, not a crash. */
  g_assert_cmpint (rd_case_json_import (f->store, "{\"format\": \"\xff\xfe\"}", -1, &error), ==, 0);
  g_assert_error (error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_SYNTAX);
  g_assert_cmpuint (count_cases (f->store), ==, 0);
}

/* A failure half-way through writing (here: the database refuses complaint
 * steps) leaves no case, party, diary entry or contact behind. */
static void
test_write_failure_imports_nothing (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  gint64 count = -1;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (rd_store_get_path (f->store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TRIGGER refuse_steps BEFORE INSERT ON complaint_events"
                                 " BEGIN SELECT RAISE(ABORT, 'refused by test'); END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_cmpint (rd_case_json_import (f->store, base_document, -1, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_cmpuint (count_cases (f->store), ==, 0);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT (SELECT count(*) FROM parties) + (SELECT count(*) FROM incidents)"
                                       " + (SELECT count(*) FROM contacts) + (SELECT count(*) FROM complaints)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (count, ==, 0);
  sqlite3_exec (db, "DROP TRIGGER refuse_steps", NULL, NULL, NULL);
  sqlite3_close (db);

  /* The store is still usable. */
  g_clear_error (&error);
  g_assert_cmpint (rd_case_json_import (f->store, base_document, -1, &error), >, 0);
  g_assert_no_error (error);
}

static gboolean
run_cli (const char  *data_dir,
         const char  *arg1,
         const char  *arg2,
         char       **out,
         char       **err,
         int         *status)
{
  *status = fixture_run_cli (data_dir, (const char *[]) { arg1, arg2, NULL }, out, err);
  return TRUE;
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "case.json", NULL);
  g_autofree char *bad_path = g_build_filename (f->dir, "bad.json", NULL);
  g_autofree char *bad = replace_once (base_document, "\"phone\"", "\"pigeon\"");
  g_autofree char *out = NULL, *err = NULL, *exported = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_file_set_contents (path, base_document, -1, &error));
  g_assert_true (g_file_set_contents (bad_path, bad, -1, &error));
  g_clear_object (&f->store);

  run_cli (f->dir, "import", path, &out, &err, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "1\n");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  run_cli (f->dir, "export-json", "1", &exported, &err, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (exported, "\"title\" : \"Bruit — Flat 6\""));

  g_clear_pointer (&err, g_free);
  run_cli (f->dir, "import", bad_path, &out, &err, &status);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "Line 24, field “contacts[0].channel”"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  run_cli (f->dir, "export-json", "99", &out, &err, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (out, ==, "");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  run_cli (f->dir, "import", "/nonexistent/case.json", &out, &err, &status);
  g_assert_cmpint (status, ==, 2);
}

/* The README's complete example is a document Redress imports. */
static void
test_readme_example (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "README.md", NULL);
  g_autofree char *readme = NULL;
  g_autofree char *example = NULL;
  g_autoptr(GError) error = NULL;
  const char *start, *end;

  g_assert_true (g_file_get_contents (path, &readme, NULL, &error));
  start = strstr (readme, "A complete example:\n\n```json\n");
  g_assert_nonnull (start);
  start = strchr (start, '{');
  end = strstr (start, "\n```");
  g_assert_nonnull (end);
  example = g_strndup (start, end - start);
  g_assert_cmpint (rd_case_json_import (f->store, example, -1, &error), >, 0);
  g_assert_no_error (error);
}

/* A case that follows the landlord's own profile carries it whole: into an
 * empty folder it comes back with the same limits; a damaged profile is
 * refused with nothing imported. */
static void
test_policy (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCase) rcase = build_rich_case (f->store);
  g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_JANUARY, 2024);
  g_autoptr(RdPolicy) policy = rd_policy_new_landlord_from_code (day);
  g_autoptr(RdPolicy) copied = NULL;
  g_autofree char *code_only = rd_case_json_export (f->store, rd_case_get_id (rcase), &error);
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autofree char *other_dir = NULL;
  g_autoptr(RdStore) other = fixture_store_open_temp ("redress-json-policy-XXXXXX", &other_dir);
  g_autoptr(GString) broken = NULL;
  RdPolicyStage s1;
  gint64 copy_id;

  g_assert_no_error (error);
  g_assert_null (strstr (code_only, "\"policy\""));
  rd_policy_set_name (policy, "Northway Homes");
  s1 = *rd_policy_get_stage (policy, 1);
  s1.respond.amount = 5;
  rd_policy_set_stage (policy, 1, &s1);
  g_assert_true (rd_store_save_policy (f->store, policy, &error));
  g_assert_true (rd_store_set_case_policy (f->store, rd_case_get_id (rcase), rd_policy_get_id (policy), &error));
  g_assert_no_error (error);
  text = rd_case_json_export (f->store, rd_case_get_id (rcase), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "\"policy\""));

  copy_id = rd_case_json_import (other, text, -1, &error);
  g_assert_no_error (error);
  copied = rd_store_get_case_policy (other, copy_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copied);
  g_assert_true (rd_policy_content_equal (copied, policy));
  again = rd_case_json_export (other, copy_id, &error);
  g_assert_cmpstr (again, ==, text);

  /* A damaged profile: refused, and nothing is imported. */
  broken = g_string_new (text);
  g_assert_cmpint (g_string_replace (broken, "\"definition\" : \"", "\"definition\" : \"Not a key file\\n", 1), ==, 1);
  g_assert_cmpint (rd_case_json_import (other, broken->str, -1, &error), ==, 0);
  g_assert_error (error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_INVALID);
  g_test_message ("Refused: %s", error->message);
  {
    g_autoptr(GListModel) cases = rd_store_list_cases (other, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 1);
  }
  fixture_store_close_temp (&other, &other_dir);
}

/* The document as the export wrote it before it streamed: one tree of the
 * whole case, generated at once. */
static char *
export_as_tree (RdStore *store,
                gint64   case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCaseFacts) facts = rd_case_facts_load (store, case_id, &error);
  g_autoptr(RdPolicy) policy = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  root = rd_case_json_from_facts (facts);
  policy = rd_store_get_case_policy (store, case_id, &error);
  g_assert_no_error (error);
  if (policy != NULL)
    {
      JsonObject *object = json_object_new ();
      g_autofree char *definition = rd_policy_to_data (policy);

      json_object_set_string_member (object, "name", rd_policy_get_name (policy));
      json_object_set_string_member (object, "definition", definition);
      json_object_set_object_member (json_node_get_object (root), "policy", object);
    }
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

static void
assert_stream_matches_tree (RdStore *store,
                            gint64   case_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *streamed = rd_case_json_export (store, case_id, &error);
  g_autofree char *tree = export_as_tree (store, case_id);

  g_assert_no_error (error);
  g_assert_cmpstr (streamed, ==, tree);
}

/* export-json writes one record at a time (a 100,000-entry case peaked at
 * 637 MB as one tree). The bytes must not change: every fixture the tests
 * keep, and cases with empty lists, a policy, and a sample case, export
 * exactly as the whole tree did. */
static void
test_stream_matches_tree (Fixture       *f,
                          gconstpointer  data)
{
  const char *fixtures[][2] = {
    { "replay", "clarion-202220769.json" },
    { "replay", "lq-202111700.json" },
    { "replay", "paragon-asra-202216297.json" },
    { "../fuzz/seeds/case-json", "minimal.json" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCase) rich = build_rich_case (f->store);
  g_autoptr(RdCase) empty = rd_case_new ();
  g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_JANUARY, 2024);
  g_autoptr(RdPolicy) policy = rd_policy_new_landlord_from_code (day);
  gint64 sample;

  assert_stream_matches_tree (f->store, rd_case_get_id (rich));
  rd_case_set_title (empty, "Nothing yet");
  g_assert_true (rd_store_save_case (f->store, empty, &error));
  assert_stream_matches_tree (f->store, rd_case_get_id (empty));

  rd_policy_set_name (policy, "Northway Homes — «policy»");
  g_assert_true (rd_store_save_policy (f->store, policy, &error));
  g_assert_true (rd_store_set_case_policy (f->store, rd_case_get_id (rich), rd_policy_get_id (policy), &error));
  g_assert_no_error (error);
  assert_stream_matches_tree (f->store, rd_case_get_id (rich));

  sample = rd_sample_ensure (f->store, &error);
  g_assert_no_error (error);
  assert_stream_matches_tree (f->store, sample);

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", fixtures[i][0], fixtures[i][1], NULL);
      g_autofree char *text = NULL;
      gsize length;
      gint64 case_id;

      g_test_message ("%s", path);
      g_assert_true (g_file_get_contents (path, &text, &length, &error));
      case_id = rd_case_json_import (f->store, text, length, &error);
      g_assert_no_error (error);
      assert_stream_matches_tree (f->store, case_id);
    }

  /* Asked for a case that is not there: an error, as before. */
  g_assert_null (rd_case_json_export (f->store, 999, &error));
  g_assert_nonnull (error);
}

/* The diary is read entry by entry while the document is parsed, so that
 * its tree is never whole. What is reported must not change: the faults
 * of the whole file (syntax, version) and of the sections read before the
 * diary come first, and an entry's fault names its own line and field. */
static void
test_streamed_diary_errors (Fixture       *f,
                            gconstpointer  data)
{
  static const char bad_entry[] =
    "{\"format\": \"redress-case\", \"version\": 1, \"case\": {\"title\": \"T\"},\n"
    "\"incidents\": [\n"
    "{\"starts_at\": \"2024-03-01T10:00\", \"category\": \"noise\"},\n"
    "{\"starts_at\": \"2024-03-02T10:00\",\n"
    " \"category\": \"pigeons\"},\n"
    "{\"starts_at\": \"2024-03-03T10:00\", \"category\": \"late\"}\n"
    "]%s}\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *doc = NULL;

  /* Alone, the second entry's fault, on its line. */
  doc = g_strdup_printf (bad_entry, "");
  assert_refused (f->store, doc, strlen (doc), "Line 5", "“incidents[1].category”");
  g_clear_pointer (&doc, g_free);

  /* A section read before the diary is at fault too, later in the file. */
  doc = g_strdup_printf (bad_entry, ",\n\"parties\": [{\"name\": \"N\", \"role\": \"pirate\"}]");
  assert_refused (f->store, doc, strlen (doc), "Line 8", "“parties[0].role”");
  g_clear_pointer (&doc, g_free);

  /* The file is cut short after the entries: a syntax error, as before. */
  doc = g_strdup_printf (bad_entry, ",\n\"contacts\": [");
  g_assert_cmpint (rd_case_json_import (f->store, doc, strlen (doc), &error), ==, 0);
  g_assert_error (error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_SYNTAX);
  g_clear_error (&error);
  g_clear_pointer (&doc, g_free);

  /* A newer format: that is the message, not the entry. */
  {
    g_autoptr(GString) newer = g_string_new (NULL);

    g_string_printf (newer, bad_entry, "");
    g_assert_cmpint (g_string_replace (newer, "\"version\": 1", "\"version\": 99", 1), ==, 1);
    g_assert_cmpint (rd_case_json_import (f->store, newer->str, newer->len, &error), ==, 0);
    g_assert_error (error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_VERSION);
    g_clear_error (&error);
  }

  /* Without faults, every entry arrives, in order, with the ids that
   * complaints use. */
  {
    g_autoptr(RdCaseFacts) facts = NULL;
    static const char good[] =
      "{\"format\": \"redress-case\", \"version\": 1, \"case\": {\"title\": \"T\"},\n"
      "\"complaints\": [{\"reference\": \"C1\", \"incidents\": [3, 1]}],\n"
      "\"incidents\": [\n"
      "{\"id\": 1, \"starts_at\": \"2024-03-01T10:00\", \"category\": \"noise\", \"description\": \"one\"},\n"
      "{\"id\": 2, \"starts_at\": \"2024-03-02T10:00\", \"category\": \"noise\", \"description\": \"two\"},\n"
      "{\"id\": 3, \"starts_at\": \"2024-03-03T10:00\", \"category\": \"noise\", \"description\": \"three\",\n"
      " \"landlord_steps\": {}, \"reported_to\": [\"police\"]}\n"
      "]}\n";
    gint64 case_id = rd_case_json_import (f->store, good, -1, &error);
    GPtrArray *incidents;
    RdComplaint *complaint;

    g_assert_no_error (error);
    facts = rd_case_facts_load (f->store, case_id, &error);
    g_assert_no_error (error);
    incidents = rd_case_facts_get_incidents (facts);
    g_assert_cmpuint (incidents->len, ==, 3);
    g_assert_cmpstr (rd_incident_get_description (g_ptr_array_index (incidents, 0)), ==, "one");
    g_assert_cmpstr (rd_incident_get_description (g_ptr_array_index (incidents, 2)), ==, "three");
    complaint = g_ptr_array_index (rd_case_facts_get_complaints (facts), 0);
    g_assert_true (rd_complaint_has_incident (complaint, rd_incident_get_id (g_ptr_array_index (incidents, 0))));
    g_assert_false (rd_complaint_has_incident (complaint, rd_incident_get_id (g_ptr_array_index (incidents, 1))));
    g_assert_true (rd_complaint_has_incident (complaint, rd_incident_get_id (g_ptr_array_index (incidents, 2))));
  }
}

/* What importing @doc gives: the case as export-json writes it, or the
 * error. */
static char *
import_outcome (RdStore    *store,
                const char *doc)
{
  g_autoptr(GError) error = NULL;
  gint64 case_id = rd_case_json_import (store, doc, -1, &error);
  char *text;

  if (case_id == 0)
    return g_strdup_printf ("%s %d: %s", g_quark_to_string (error->domain), error->code,
                            error->message);
  text = rd_case_json_export (store, case_id, &error);
  g_assert_no_error (error);
  return text;
}

/* A document of the usual shape is read a part at a time; one with a byte
 * order mark is read whole, as every document once was. Both readings must
 * give the same case, or the same first fault with the same line and
 * field, whatever the order of the document's sections. */
static void
test_parts_match_whole (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_free);
  static const char reordered[] =
    "{\n\"complaints\": [{\"reference\": \"C1\", \"incidents\": [\"b\"],\n"
    "  \"events\": [{\"kind\": \"made\", \"date\": \"2024-03-05\", \"contact\": 7}]}],\n"
    "\"contacts\": [{\"id\": 7, \"occurred_at\": \"2024-03-04T10:00\", \"direction\": \"to\",\n"
    "  \"channel\": \"phone\", \"party\": \"p\", \"summary\": \"Rang them\"}],\n"
    "\"incidents\": [{\"id\": \"a\", \"starts_at\": \"2024-03-01T10:00\", \"category\": \"noise\"},\n"
    "  {\"id\": \"b\", \"starts_at\": \"2024-03-02T10:00\", \"category\": \"noise\"}],\n"
    "\"parties\": [{\"id\": \"p\", \"name\": \"Sam\", \"role\": \"landlord-officer\"}],\n"
    "\"case\": {\"title\": \"Backwards\"}, \"version\": 1, \"format\": \"redress-case\"\n}\n";

  g_ptr_array_add (docs, g_strdup (base_document));
  g_ptr_array_add (docs, g_strdup (reordered));
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    g_ptr_array_add (docs, replace_once (base_document, malformed[i].from, malformed[i].to));
  /* Faults in two sections, the later one first in the file. */
  g_ptr_array_add (docs, replace_once (reordered, "\"contact\": 7", "\"contact\": 8"));
  g_ptr_array_add (docs, replace_once (reordered, "\"name\": \"Sam\", \"role\": \"landlord-officer\"",
                                       "\"role\": \"pirate\""));
  /* A list named twice; a list that is not a list; an empty list; lists
   * of other things; a document cut short inside a list. */
  g_ptr_array_add (docs, replace_once (base_document, "\"complaints\": [", "\"parties\": [], \"complaints\": ["));
  g_ptr_array_add (docs, replace_once (base_document, "\"incidents\": [", "\"incidents\": 5, \"x\": ["));
  g_ptr_array_add (docs, replace_once (reordered, "\"parties\": [{", "\"parties\": [], \"y\": [{"));
  g_ptr_array_add (docs, replace_once (reordered, "\"parties\": [{", "\"parties\": [1, {"));
  g_ptr_array_add (docs, replace_once (reordered, "\"parties\": [{", "\"parties\": [{}, {"));
  g_ptr_array_add (docs, g_strndup (base_document, strstr (base_document, "\"contacts\"") - base_document + 15));
  g_ptr_array_add (docs, replace_once (base_document, "\"version\": 1", "\"version\": \"1\""));
  g_ptr_array_add (docs, replace_once (base_document, "\"version\": 1,", ""));
  g_ptr_array_add (docs, replace_once (base_document, "\"format\": \"redress-case\"", "\"format\": 7"));
  g_ptr_array_add (docs, replace_once (base_document, "\"version\": 1", "\"version\": 1, \"extra\": [1, {\"a\": [true, null]}]"));
  g_ptr_array_add (docs, replace_once (base_document, "\"format\"", "\"format\": \"x\", \"format\""));
  g_ptr_array_add (docs, replace_once (base_document, "\"category\": \"noise\",", "\"category\": \"noise\", \"category\": \"noise\","));
  g_ptr_array_add (docs, replace_once (base_document, "\"case\": {", "\"case\": [], \"cas\": {"));

  for (guint i = 0; i < docs->len; i++)
    {
      const char *doc = g_ptr_array_index (docs, i);
      g_autofree char *with_mark = g_strconcat ("\xef\xbb\xbf", doc, NULL);
      g_autofree char *parts = import_outcome (f->store, doc);
      g_autofree char *whole = import_outcome (f->store, with_mark);

      g_test_message ("document %u: %.200s", i, parts);
      g_assert_cmpstr (parts, ==, whole);
    }
}

/* Processor time, not the clock: other work on a shared machine must not
 * count against the import. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  g_assert_cmpint (clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts), ==, 0);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Imports a case of @n diary entries, written newest first (the order that
 * costs most if the diary is re-sorted as it grows), into an empty store. */
static double
import_seconds (guint n)
{
  g_autoptr(GString) doc = g_string_new ("{\"format\": \"redress-case\", \"version\": 1,\n"
                                         "\"case\": {\"title\": \"Growth\"},\n\"incidents\": [\n");
  g_autoptr(GDateTime) last = g_date_time_new_utc (2023, 12, 31, 23, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  RdStore *store = fixture_store_open_temp ("redress-json-growth-XXXXXX", &dir);
  double start;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_minutes (last, -10 * (int) i);
      g_autofree char *stamp = g_date_time_format (when, "%Y-%m-%dT%H:%M");

      g_string_append_printf (doc, "%s{\"starts_at\": \"%s\", \"category\": \"noise\", "
                              "\"description\": \"Music through the wall, entry %u.\"}\n",
                              i ? "," : "", stamp, i);
    }
  g_string_append (doc, "]}\n");

  start = cpu_seconds ();
  g_assert_cmpint (rd_case_json_import (store, doc->str, doc->len, &error), >, 0);
  g_assert_no_error (error);
  start = cpu_seconds () - start;
  fixture_store_close_temp (&store, &dir);
  return start;
}

/* Import once re-sorted the whole diary after each entry: 5,000 entries
 * took 3.5 s and 40,000 took 225 s. Eight times the entries must now cost
 * about eight times the work (a sort adds a little), far from the
 * sixty-four times that work growing with the square would take. */
static void
test_import_grows_linearly (void)
{
  double small, large;

  /* The first import also pays for warming up (the page cache, SQLite's
   * first statements); time the smaller size once it is warm. */
  import_seconds (1000);
  small = import_seconds (1000);
  large = import_seconds (8000);
  g_test_message ("1,000 entries: %.3f s of processor time; 8,000: %.3f s (%.1f times as much)",
                  small, large, large / small);
  g_assert_cmpfloat (large, <, 24 * small);
}

/* A key that is not one of a field's values is refused with every value
 * that would do, in order; an empty one is refused only where the field
 * needs a value. The messages are those the reader gave before its fields
 * were read from tables. */
static void
test_key_messages (void)
{
  static const struct {
    const char *party, *contact, *incident, *message;
  } cases[] = {
    { "\"role\": \"mayor\"", "", "", "Line 2, field “parties[0].role”: “mayor” is not one of: "
      "landlord-officer, neighbour, police, council, mp, solicitor, support-worker, other." },
    { "\"role\": \"\"", "", "", "Line 2, field “parties[0].role”: “” is not one of: "
      "landlord-officer, neighbour, police, council, mp, solicitor, support-worker, other." },
    { "\"role\": \"mp\"", "\"direction\": \"up\", \"channel\": \"email\"", "",
      "Line 3, field “contacts[0].direction”: “up” is not one of: to, from." },
    { "\"role\": \"mp\"", "\"direction\": \"to\", \"channel\": \"pigeon\"", "",
      "Line 3, field “contacts[0].channel”: “pigeon” is not one of: "
      "email, phone, letter, web-form, webchat, visit, mp-enquiry." },
    { "\"role\": \"mp\"", "\"direction\": \"to\", \"channel\": \"email\"", "\"category\": \"hum\"",
      "Line 4, field “incidents[0].category”: “hum” is not one of: "
      "noise, harassment, violence, damage, domestic-abuse, disrepair, other." },
    { "\"role\": \"mp\"", "\"direction\": \"to\", \"channel\": \"email\"",
      "\"category\": \"noise\", \"asb_risk\": \"dire\"",
      "Line 4, field “incidents[0].asb_risk”: “dire” is not one of: high, medium, low, unknown." },
    { "\"role\": \"mp\"", "\"direction\": \"to\", \"channel\": \"email\"",
      "\"category\": \"disrepair\", \"asb_risk\": \"\", \"hazard\": \"mould\"",
      "Line 4, field “incidents[0].hazard”: “mould” is not one of: none, emergency, "
      "significant-damp-mould, significant-excess-cold, significant-excess-heat, significant-falls, "
      "significant-structural-collapse, significant-fire, significant-electrical, "
      "significant-hygiene, significant-food-safety, significant-other." },
    { "\"role\": \"mp\"", "\"direction\": \"to\", \"channel\": \"email\"",
      "\"category\": \"disrepair\", \"asb_risk\": \"\", \"hazard\": \"\"", NULL },
  };
  g_autoptr(GDateTime) now = g_date_time_new_local (2025, 1, 10, 12, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *doc = g_strdup_printf (
        "{ \"format\": \"redress-case\", \"version\": 1, \"case\": { \"title\": \"Keys\" },\n"
        "  \"parties\": [ { \"id\": 1, \"name\": \"A\", %s } ],\n"
        "  \"contacts\": [ { \"id\": 1, \"occurred_at\": \"2024-10-01T09:30\", %s } ],\n"
        "  \"incidents\": [ { \"id\": 1, \"starts_at\": \"2024-09-01T10:00\", %s } ] }\n",
        cases[i].party, cases[i].contact[0] ? cases[i].contact : "\"direction\": \"to\", "
        "\"channel\": \"email\"", cases[i].incident[0] ? cases[i].incident : "\"category\": \"noise\"");
      g_autoptr(GError) error = NULL;
      g_autoptr(RdCaseFacts) facts = rd_case_json_parse (doc, -1, now, &error);

      if (cases[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_nonnull (facts);
          continue;
        }
      g_assert_null (facts);
      g_assert_error (error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Nothing was imported. "));
      g_assert_cmpstr (error->message + strlen ("Nothing was imported. "), ==, cases[i].message);
    }
}

/* A complaint's subject: read by key, absent or empty for not said, and
 * any other text refused with the keys that would do. */
static void
test_complaint_subject (void)
{
  static const struct {
    const char         *member;
    RdComplaintSubject  subject;
    const char         *message;
  } cases[] = {
    { "", RD_COMPLAINT_SUBJECT_NOT_SAID, NULL },
    { "\"subject\": \"\", ", RD_COMPLAINT_SUBJECT_NOT_SAID, NULL },
    { "\"subject\": \"homelessness\", ", RD_COMPLAINT_SUBJECT_HOMELESSNESS, NULL },
    { "\"subject\": \"rent-and-charges\", ", RD_COMPLAINT_SUBJECT_RENT, NULL },
    { "\"subject\": \"noise\", ", 0,
      "Line 2, field “complaints[0].subject”: “noise” is not one of: repairs, "
      "anti-social-behaviour, homelessness, allocations, rent-and-charges, staff-and-service, "
      "other." },
  };
  g_autoptr(GDateTime) now = g_date_time_new_local (2025, 1, 10, 12, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *doc = g_strdup_printf (
        "{ \"format\": \"redress-case\", \"version\": 1, \"case\": { \"title\": \"Subject\" },\n"
        "  \"complaints\": [ { %s\"points\": [\"Housing register banding\"] } ] }\n",
        cases[i].member);
      g_autoptr(GError) error = NULL;
      g_autoptr(RdCaseFacts) facts = rd_case_json_parse (doc, -1, now, &error);

      if (cases[i].message != NULL)
        {
          g_assert_null (facts);
          g_assert_error (error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_INVALID);
          g_assert_cmpstr (error->message + strlen ("Nothing was imported. "), ==, cases[i].message);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpint (rd_complaint_get_subject (g_ptr_array_index (rd_case_facts_get_complaints (facts), 0)),
                       ==, cases[i].subject);
      /* Written back only when said */
      {
        g_autoptr(JsonNode) node = rd_case_json_from_facts (facts);
        g_autofree char *text = json_to_string (node, FALSE);

        g_assert_cmpint (strstr (text, "\"subject\"") != NULL, ==,
                         cases[i].subject != RD_COMPLAINT_SUBJECT_NOT_SAID);
      }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/case-json/base-document-imports", test_base_document_imports);
  ADD ("/case-json/round-trip", test_round_trip);
  ADD ("/case-json/policy", test_policy);
  ADD ("/case-json/stream-matches-tree", test_stream_matches_tree);
  ADD ("/case-json/streamed-diary-errors", test_streamed_diary_errors);
  ADD ("/case-json/parts-match-whole", test_parts_match_whole);
  ADD ("/case-json/not-a-case", test_not_a_case);
  ADD ("/case-json/write-failure-imports-nothing", test_write_failure_imports_nothing);
  ADD ("/case-json/cli", test_cli);
  ADD ("/case-json/readme-example", test_readme_example);
  ADD ("/case-json/limits", test_limits);
#undef ADD
  g_test_add_func ("/case-json/import-grows-linearly", test_import_grows_linearly);
  g_test_add_func ("/case-json/key-messages", test_key_messages);
  g_test_add_func ("/case-json/complaint-subject", test_complaint_subject);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *path = g_strdup_printf ("/case-json/malformed/%s", malformed[i].name);
      g_test_add (path, Fixture, &malformed[i], fixture_setup, test_malformed, fixture_teardown);
    }

  return g_test_run ();
}
