/* test-routes.c: which ombudsman takes a complaint, by what it is about, who the landlord is and the country.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rd-core.h"

/*
 * The rule as the sources state it, written out here independently of
 * complaint-routes.txt: in England a council's homelessness and
 * allocations work is the Local Government and Social Care Ombudsman's
 * (Local Government Act 1974, Schedule 5 paragraph 5A keeps its work as
 * landlord with the Housing Ombudsman), a housing association is always
 * the Housing Ombudsman's, and a private landlord has no ombudsman, though
 * a homelessness or housing register complaint there is about the council.
 * In Wales the Public Services Ombudsman for Wales takes councils and
 * social landlords alike.
 */
static RdRouteBody
expected_body (RdCountry          country,
               RdLandlordKind     landlord,
               RdComplaintSubject subject)
{
  gboolean council_work = subject == RD_COMPLAINT_SUBJECT_HOMELESSNESS ||
                          subject == RD_COMPLAINT_SUBJECT_ALLOCATIONS;

  if (country == RD_COUNTRY_WALES)
    return landlord == RD_LANDLORD_PRIVATE && !council_work ? RD_ROUTE_BODY_NONE : RD_ROUTE_BODY_PSOW;
  switch (landlord)
    {
    case RD_LANDLORD_PRIVATE:
      return council_work ? RD_ROUTE_BODY_LGSCO : RD_ROUTE_BODY_NONE;
    case RD_LANDLORD_COUNCIL:
      return council_work ? RD_ROUTE_BODY_LGSCO : RD_ROUTE_BODY_HOUSING_OMBUDSMAN;
    case RD_LANDLORD_HOUSING_ASSOCIATION:
    default:
      return RD_ROUTE_BODY_HOUSING_OMBUDSMAN;
    }
}

static const RdLandlordKind landlords[] = {
  RD_LANDLORD_COUNCIL, RD_LANDLORD_HOUSING_ASSOCIATION, RD_LANDLORD_PRIVATE,
};

/* Every country, landlord and subject has one rule, with its source. */
static void
test_rules (void)
{
  for (RdCountry country = 0; country < RD_COUNTRY_N; country++)
    for (guint l = 0; l < G_N_ELEMENTS (landlords); l++)
      for (RdComplaintSubject s = 0; s < RD_COMPLAINT_SUBJECT_N_SUBJECTS; s++)
        {
          const char *rule = NULL, *sources = NULL;
          RdRouteBody body = rd_complaint_route_find (country, landlords[l], s, &rule, &sources);

          g_test_message ("%s, landlord %u, %s: %s", rd_country_to_string (country), landlords[l],
                          rd_complaint_subject_to_key (s), rule);
          g_assert_cmpint (body, ==, expected_body (country, landlords[l], s));
          g_assert_nonnull (rule);
          g_assert_nonnull (sources);
          /* Primary sources only: the statute book or the ombudsman's own site. */
          g_assert_true (strstr (sources, "https://www.legislation.gov.uk/") != NULL ||
                         strstr (sources, "https://www.lgo.org.uk/") != NULL);
        }
}

/* Who can be the landlord, from the tenancy. */
static void
test_landlord_kinds (void)
{
  g_assert_cmpint (rd_tenancy_landlord_kinds (RD_TENANCY_SECURE), ==, RD_LANDLORD_COUNCIL);
  g_assert_cmpint (rd_tenancy_landlord_kinds (RD_TENANCY_ASSURED), ==, RD_LANDLORD_HOUSING_ASSOCIATION);
  g_assert_cmpint (rd_tenancy_landlord_kinds (RD_TENANCY_PRIVATE), ==, RD_LANDLORD_PRIVATE);
  g_assert_cmpint (rd_tenancy_landlord_kinds (RD_TENANCY_STARTER), ==,
                   RD_LANDLORD_COUNCIL | RD_LANDLORD_HOUSING_ASSOCIATION);
  g_assert_cmpint (rd_tenancy_landlord_kinds (RD_TENANCY_UNKNOWN), ==,
                   RD_LANDLORD_COUNCIL | RD_LANDLORD_HOUSING_ASSOCIATION | RD_LANDLORD_PRIVATE);
  g_assert_cmpint (rd_complaint_route_for_tenancy (RD_COUNTRY_ENGLAND, RD_TENANCY_SECURE,
                                                   RD_COMPLAINT_SUBJECT_HOMELESSNESS), ==,
                   RD_ROUTE_BODY_LGSCO);
  g_assert_cmpint (rd_complaint_route_for_tenancy (RD_COUNTRY_ENGLAND, RD_TENANCY_STARTER,
                                                   RD_COMPLAINT_SUBJECT_ALLOCATIONS), ==,
                   RD_ROUTE_BODY_N_BODIES);
  g_assert_cmpint (rd_complaint_route_for_tenancy (RD_COUNTRY_WALES, RD_TENANCY_UNKNOWN,
                                                   RD_COMPLAINT_SUBJECT_HOMELESSNESS), ==,
                   RD_ROUTE_BODY_PSOW);
}

static GDate *
day (const char *iso)
{
  GDate *d = rd_date_parse_iso (iso, NULL);

  g_assert_nonnull (d);
  return d;
}

static void
add (RdDeadlineInput      *input,
     gint64                event,
     gint64                complaint,
     RdComplaintEventKind  kind,
     guint                 stage,
     const char           *date)
{
  g_autoptr(GDate) d = day (date);

  rd_deadline_input_add_complaint_event (input, event, complaint, kind, stage, d, NULL);
}

static gboolean
has_note (RdDeadlineReport *report,
          const char       *needle)
{
  for (guint i = 0; i < rd_deadline_report_get_n_notes (report); i++)
    if (strstr (rd_deadline_report_get_note (report, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

static guint
count_ombudsman_deadlines (RdDeadlineReport *report)
{
  GListModel *list = rd_deadline_report_get_deadlines (report);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RdDeadline) d = g_list_model_get_item (list, i);

      n += rd_deadline_get_kind (d) == RD_DEADLINE_KIND_OMBUDSMAN;
    }
  return n;
}

#define HO_NOTE     "a housing association or a council as your landlord answers to the Housing Ombudsman"
#define LGSCO_ONLY  "not the Housing Ombudsman: the council does that work as the housing authority"
#define LGSCO_IF    "is about a council’s decision, it goes after the council’s own complaints process"
#define PSOW_NOTE   "a council or housing association in Wales answers to the Public Services Ombudsman"
#define PSOW_COUNCIL "it is about the council as the housing authority, not about your private landlord"
#define NO_OMBUDSMAN_ENGLAND "a private landlord is not a member of the Housing Ombudsman’s scheme"
#define NO_OMBUDSMAN_WALES "no ombudsman takes complaints about private landlords in Wales"

/*
 * What Next's notes for every subject, for a council (secure), a housing
 * association (assured), a landlord of either kind (starter), a private
 * landlord and one not known, in England and in Wales: each body the
 * rules allow is named, and only those. A complaint the Local Government
 * and Social Care Ombudsman alone takes has no Housing Ombudsman
 * referral deadline.
 */
static void
test_notes (void)
{
  static const RdTenancyType tenancies[] = {
    RD_TENANCY_SECURE, RD_TENANCY_ASSURED, RD_TENANCY_STARTER, RD_TENANCY_PRIVATE,
    RD_TENANCY_UNKNOWN,
  };

  for (RdCountry country = 0; country < RD_COUNTRY_N; country++)
    for (guint t = 0; t < G_N_ELEMENTS (tenancies); t++)
      for (RdComplaintSubject s = 0; s < RD_COMPLAINT_SUBJECT_N_SUBJECTS; s++)
        {
          g_autoptr(RdDeadlineInput) input = rd_deadline_input_new ();
          g_autoptr(RdDeadlineReport) report = NULL;
          g_autoptr(GDate) today = day ("2026-03-02");
          RdLandlordKind kinds = rd_tenancy_landlord_kinds (tenancies[t]);
          gboolean bodies[RD_ROUTE_BODY_N_BODIES] = { FALSE };
          guint n_bodies = 0;
          gboolean council_work = s == RD_COMPLAINT_SUBJECT_HOMELESSNESS ||
                                  s == RD_COMPLAINT_SUBJECT_ALLOCATIONS;

          for (guint l = 0; l < G_N_ELEMENTS (landlords); l++)
            if (kinds & landlords[l])
              bodies[expected_body (country, landlords[l], s)] = TRUE;
          for (guint b = 0; b < RD_ROUTE_BODY_N_BODIES; b++)
            n_bodies += bodies[b];

          g_test_message ("%s, tenancy %d, %s", rd_country_to_string (country), tenancies[t],
                          rd_complaint_subject_to_key (s));
          rd_deadline_input_set_country (input, country);
          rd_deadline_input_set_tenancy (input, tenancies[t]);
          rd_deadline_input_set_complaint_subject (input, 5, s);
          add (input, 1, 5, RD_COMPLAINT_EVENT_MADE, 1, "2025-11-03");
          add (input, 2, 5, RD_COMPLAINT_EVENT_RESPONSE, 1, "2025-11-14");
          add (input, 3, 5, RD_COMPLAINT_EVENT_ESCALATION_REQUESTED, 2, "2025-11-17");
          add (input, 4, 5, RD_COMPLAINT_EVENT_FINAL_RESPONSE, 2, "2025-12-15");
          report = rd_deadlines_compute (input, NULL, today);

          if (country == RD_COUNTRY_WALES)
            {
              g_assert_false (has_note (report, "Local Government and Social Care"));
              g_assert_false (has_note (report, HO_NOTE));
              g_assert_cmpint (has_note (report, NO_OMBUDSMAN_WALES), ==,
                               bodies[RD_ROUTE_BODY_NONE] && n_bodies == 1);
              g_assert_cmpint (has_note (report, PSOW_COUNCIL), ==,
                               tenancies[t] == RD_TENANCY_PRIVATE && council_work);
              g_assert_cmpint (has_note (report, PSOW_NOTE), ==,
                               bodies[RD_ROUTE_BODY_PSOW] && tenancies[t] != RD_TENANCY_PRIVATE);
              continue;
            }
          g_assert_false (has_note (report, "Public Services Ombudsman for Wales"));
          g_assert_cmpint (has_note (report, HO_NOTE), ==, bodies[RD_ROUTE_BODY_HOUSING_OMBUDSMAN]);
          g_assert_cmpint (has_note (report, LGSCO_ONLY), ==,
                           bodies[RD_ROUTE_BODY_LGSCO] && n_bodies == 1);
          g_assert_cmpint (has_note (report, LGSCO_IF), ==,
                           council_work && bodies[RD_ROUTE_BODY_HOUSING_OMBUDSMAN]);
          g_assert_cmpint (has_note (report, NO_OMBUDSMAN_ENGLAND), ==,
                           bodies[RD_ROUTE_BODY_NONE] && n_bodies == 1);
          g_assert_cmpuint (count_ombudsman_deadlines (report), ==,
                            bodies[RD_ROUTE_BODY_LGSCO] && n_bodies == 1 ? 0 : 1);
        }
}

/* A council tenant with a repairs complaint and a homelessness complaint
 * (say, for a relative): each goes its own way, and only the repairs one
 * has a Housing Ombudsman referral deadline. */
static void
test_two_complaints (void)
{
  g_autoptr(RdDeadlineInput) input = rd_deadline_input_new ();
  g_autoptr(RdDeadlineReport) report = NULL;
  g_autoptr(GDate) today = day ("2026-03-02");
  GListModel *list;

  rd_deadline_input_set_tenancy (input, RD_TENANCY_SECURE);
  rd_deadline_input_set_complaint_subject (input, 1, RD_COMPLAINT_SUBJECT_REPAIRS);
  rd_deadline_input_set_complaint_subject (input, 2, RD_COMPLAINT_SUBJECT_HOMELESSNESS);
  for (gint64 c = 1; c <= 2; c++)
    {
      add (input, c * 10 + 1, c, RD_COMPLAINT_EVENT_MADE, 1, "2025-11-03");
      add (input, c * 10 + 2, c, RD_COMPLAINT_EVENT_RESPONSE, 1, "2025-11-14");
      add (input, c * 10 + 3, c, RD_COMPLAINT_EVENT_ESCALATION_REQUESTED, 2, "2025-11-17");
      add (input, c * 10 + 4, c, RD_COMPLAINT_EVENT_FINAL_RESPONSE, 2, "2025-12-15");
    }
  report = rd_deadlines_compute (input, NULL, today);

  g_assert_true (has_note (report, HO_NOTE));
  g_assert_true (has_note (report, LGSCO_ONLY));
  g_assert_false (has_note (report, "If your complaint is about the council acting as the housing"));
  g_assert_cmpuint (count_ombudsman_deadlines (report), ==, 1);
  list = rd_deadline_report_get_deadlines (report);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RdDeadline) d = g_list_model_get_item (list, i);

      if (rd_deadline_get_kind (d) == RD_DEADLINE_KIND_OMBUDSMAN)
        g_assert_cmpint (rd_deadline_get_group (d), ==, 1);
    }
}

/* The Ombudsman letter is addressed to the body that takes the complaint. */
static void
test_letter_addressee (void)
{
  static const struct {
    RdCountry          country;
    RdTenancyType      tenancy;
    RdComplaintSubject subject;
    const char        *addressee;
    const char        *salutation;
  } cases[] = {
    { RD_COUNTRY_ENGLAND, RD_TENANCY_SECURE, RD_COMPLAINT_SUBJECT_HOMELESSNESS,
      "Local Government and Social Care Ombudsman", "Dear Ombudsman," },
    { RD_COUNTRY_ENGLAND, RD_TENANCY_SECURE, RD_COMPLAINT_SUBJECT_REPAIRS,
      "Housing Ombudsman Service", "Dear Housing Ombudsman," },
    { RD_COUNTRY_ENGLAND, RD_TENANCY_ASSURED, RD_COMPLAINT_SUBJECT_ALLOCATIONS,
      "Housing Ombudsman Service", "Dear Housing Ombudsman," },
    { RD_COUNTRY_ENGLAND, RD_TENANCY_STARTER, RD_COMPLAINT_SUBJECT_ALLOCATIONS,
      "Housing Ombudsman Service", "Dear Housing Ombudsman," },
    { RD_COUNTRY_WALES, RD_TENANCY_SECURE, RD_COMPLAINT_SUBJECT_RENT,
      "Public Services Ombudsman for Wales", "Dear Ombudsman," },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RdCase) rcase = rd_case_new ();
      g_autoptr(RdCaseFacts) facts = NULL;
      g_autoptr(RdComplaint) complaint = rd_complaint_new ();
      g_autoptr(RdComplaintEvent) made = rd_complaint_event_new (RD_COMPLAINT_EVENT_MADE);
      g_autoptr(GDate) made_on = day ("2025-11-03");
      g_autoptr(GDate) today = day ("2026-03-02");
      g_autoptr(RdDashboard) dashboard = NULL;
      g_autoptr(RdLetter) letter = NULL;
      g_autofree char *text = NULL;

      rd_case_set_id (rcase, 1);
      rd_case_set_country (rcase, cases[i].country);
      rd_case_set_tenancy_type (rcase, cases[i].tenancy);
      facts = rd_case_facts_new (rcase);
      rd_complaint_set_id (complaint, 3);
      rd_complaint_set_case_id (complaint, 1);
      rd_complaint_set_subject (complaint, cases[i].subject);
      rd_case_facts_add_complaint (facts, complaint);
      rd_complaint_event_set_id (made, 10);
      rd_complaint_event_set_complaint_id (made, 3);
      rd_complaint_event_set_date (made, made_on);
      rd_case_facts_add_event (facts, complaint, made);
      dashboard = rd_dashboard_new (facts, NULL, today);
      letter = rd_letter_build (RD_LETTER_OMBUDSMAN_SUMMARY, facts, complaint, dashboard);
      text = rd_letter_to_text (letter);
      g_test_message ("%s", text);
      g_assert_nonnull (strstr (text, cases[i].addressee));
      g_assert_nonnull (strstr (text, cases[i].salutation));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/routes/rules", test_rules);
  g_test_add_func ("/routes/landlord-kinds", test_landlord_kinds);
  g_test_add_func ("/routes/notes", test_notes);
  g_test_add_func ("/routes/two-complaints", test_two_complaints);
  g_test_add_func ("/routes/letter-addressee", test_letter_addressee);
  return g_test_run ();
}
