/* test-sample.c: the sample case is complete, dated in the past, and made once.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

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
  f->store = fixture_store_open_temp ("redress-sample-XXXXXX", &f->dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  fixture_store_close_temp (&f->store, &f->dir);
}

static void
test_sample_once (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) cases = NULL;
  g_autoptr(RdCase) mine = rd_case_new ();
  gint64 first, second;

  /* A resident's own case is never taken for the sample. */
  rd_case_set_title (mine, "My own case");
  g_assert_true (rd_store_save_case (f->store, mine, &error));
  g_assert_cmpint (rd_store_find_sample_case (f->store, &error), ==, 0);
  g_assert_no_error (error);

  first = rd_sample_ensure (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (first, !=, rd_case_get_id (mine));

  second = rd_sample_ensure (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second, ==, first);

  cases = rd_store_list_cases (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 2);
}

static void
test_sample_content (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCase) rcase = NULL;
  g_autoptr(GListModel) incidents = NULL;
  g_autoptr(GDateTime) now = rd_datetime_parse_local ("2026-03-30T12:00", NULL);
  g_autoptr(RdClock) clock = rd_clock_new_fixed (now);
  gint64 case_id;
  guint n, amended = 0, reported_police = 0, reported_on = 0, months = 0;
  int last_month = -1;
  gboolean categories[RD_CATEGORY_N_CATEGORIES] = { FALSE };

  /* The sample is dated for the store's today: a fixed one. */
  rd_store_set_clock (f->store, clock);
  case_id = rd_sample_ensure (f->store, &error);
  g_assert_no_error (error);
  rcase = rd_store_get_case (f->store, case_id, &error);
  g_assert_no_error (error);
  g_assert_true (rd_case_get_is_sample (rcase));
  g_assert_cmpstr (rd_case_get_landlord_name (rcase), !=, "");
  g_assert_true (rd_case_validate (rcase, NULL));

  incidents = rd_store_list_incidents (f->store, case_id, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (incidents);
  g_assert_cmpuint (n, >=, 10);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdIncident) incident = g_list_model_get_item (incidents, i);
      g_autoptr(GListModel) revisions = NULL;
      g_autoptr(RdIncidentRevision) first = NULL;
      g_autoptr(GDateTime) written = NULL;
      GDateTime *starts = rd_incident_get_starts_at (incident);
      int month = g_date_time_get_year (starts) * 12 + g_date_time_get_month (starts);

      g_assert_true (rd_incident_validate (incident, now, NULL));
      g_assert_cmpstr (rd_incident_get_description (incident), !=, "");
      g_assert_cmpstr (rd_incident_get_impact (incident), !=, "");
      categories[rd_incident_get_category (incident)] = TRUE;
      if (rd_incident_get_reported_to (incident) & RD_REPORTED_POLICE)
        {
          reported_police++;
          g_assert_cmpstr (rd_incident_get_reference (incident), !=, "");
        }
      /* Some entries say when Jo told the landlord: never before it happened. */
      if (rd_incident_get_landlord_reported_on (incident) != NULL)
        {
          g_autoptr(GDate) day = rd_datetime_get_date (starts);

          reported_on++;
          g_assert_true (rd_incident_get_reported_to (incident) & RD_REPORTED_LANDLORD);
          g_assert_cmpint (g_date_compare (rd_incident_get_landlord_reported_on (incident), day), >=, 0);
        }
      if (month != last_month)
        months++;
      last_month = month;

      /* Written down soon after it happened, not today. */
      revisions = rd_store_list_incident_revisions (f->store, rd_incident_get_id (incident), &error);
      g_assert_no_error (error);
      first = g_list_model_get_item (revisions, 0);
      written = g_date_time_new_from_unix_local (rd_incident_revision_get_written_at (first));
      g_assert_cmpint (g_date_time_compare (written, starts), >=, 0);
      g_assert_cmpint (g_date_time_difference (written, starts), <, 2 * G_TIME_SPAN_DAY);
      g_assert_cmpint (rd_incident_get_created_at (incident), ==,
                       rd_incident_revision_get_written_at (first));
      if (g_list_model_get_n_items (revisions) > 1)
        {
          g_autoptr(RdIncidentRevision) later = g_list_model_get_item (revisions, 1);

          amended++;
          g_assert_cmpint (rd_incident_revision_get_written_at (later), >,
                           rd_incident_revision_get_written_at (first));
          g_assert_false (rd_incident_content_equal (rd_incident_revision_get_snapshot (first),
                                                     rd_incident_revision_get_snapshot (later)));
        }
    }

  g_assert_true (categories[RD_CATEGORY_NOISE]);
  g_assert_true (categories[RD_CATEGORY_HARASSMENT]);
  g_assert_true (categories[RD_CATEGORY_DAMAGE]);
  g_assert_cmpuint (reported_police, >=, 2);
  g_assert_cmpuint (amended, >=, 1);
  g_assert_cmpuint (months, >=, 4);
  g_assert_cmpuint (reported_on, >=, 2);
}

/*
 * Opened on any day, the sample is a live case: nothing in it is in the
 * future, what is overdue is a few working days late (ready for the
 * Ombudsman, not years old), its diary meets the ASB Case Review threshold
 * now, and the weekdays are those the story was written with.
 */
static void
test_sample_dated_for_today (Fixture       *f,
                             gconstpointer  data)
{
  /* The story's own day (no move), days through the year after, and a
   * today and the days before it; each store's clock stands at the end of
   * its day (the store refuses entries dated after its clock's now). */
  static const char *fixed[] = {
    "2025-03-07", "2025-03-13", "2025-12-25", "2026-03-29", "2026-10-25",
  };
  static const int days_ago[] = { 0, 1, 2, 3, 4, 5, 6, 90, 180 };
  g_autoptr(GDateTime) now = rd_datetime_parse_local ("2026-11-30T12:00", NULL);
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    g_ptr_array_add (days, g_strdup (fixed[i]));
  for (guint i = 0; i < G_N_ELEMENTS (days_ago); i++)
    {
      g_autoptr(GDateTime) then = g_date_time_add_days (now, -days_ago[i]);

      g_ptr_array_add (days, g_date_time_format (then, "%Y-%m-%d"));
    }

  for (guint d = 0; d < days->len; d++)
    {
      const char *day = g_ptr_array_index (days, d);
      char *dir = NULL;
      RdStore *store = fixture_store_open_temp ("redress-sample-day-XXXXXX", &dir);
      g_autoptr(GDate) today = rd_date_parse_iso (day, NULL);
      g_autoptr(GDateTime) end_of_today = g_date_time_new_local (g_date_get_year (today),
                                                                 g_date_get_month (today),
                                                                 g_date_get_day (today), 23, 59, 59);
      g_autoptr(RdClock) clock = rd_clock_new_fixed (end_of_today);
      g_autoptr(GError) error = NULL;
      RdCaseFacts *facts;
      RdCommunityTrigger *trigger;
      RdDeadlineReport *report;
      GListModel *deadlines;
      GPtrArray *incidents;
      gint64 case_id;
      int shift = rd_sample_shift_days (today);
      guint overdue = 0;

      rd_store_set_clock (store, clock);
      case_id = rd_sample_ensure_for (store, today, &error);

      g_test_message ("opened on %s, moved %d days", day, shift);
      g_assert_no_error (error);
      g_assert_cmpint (shift % 7, ==, 0);
      g_assert_cmpint (shift, >=, 0);
      facts = rd_case_facts_load (store, case_id, &error);
      g_assert_no_error (error);

      incidents = rd_case_facts_get_incidents (facts);
      for (guint i = 0; i < incidents->len; i++)
        {
          RdIncident *incident = g_ptr_array_index (incidents, i);
          GDateTime *starts = rd_incident_get_starts_at (incident);

          g_assert_true (rd_incident_validate (incident, end_of_today, NULL));
          /* The note through the letterbox came on a Friday evening. */
          if (g_str_has_prefix (rd_incident_get_description (incident), "A note was pushed"))
            {
              g_assert_cmpint (g_date_time_get_day_of_week (starts), ==, 5);
              g_assert_cmpint (g_date_time_get_hour (starts), ==, 21);
            }
          g_assert_null (strstr (rd_incident_get_reference (incident), "{yy}"));
        }

      {
        RdAsbReviewThreshold threshold;

        rd_asb_review_threshold_from_case (&threshold, rd_case_facts_get_case (facts));
        trigger = rd_community_trigger_check (incidents, &threshold, today);
      }
      g_assert_nonnull (trigger);
      g_assert_true (trigger->met);

      report = rd_case_facts_compute_deadlines (facts, NULL, today);
      deadlines = rd_deadline_report_get_deadlines (report);
      for (guint i = 0; i < g_list_model_get_n_items (deadlines); i++)
        {
          g_autoptr(RdDeadline) deadline = g_list_model_get_item (deadlines, i);

          if (rd_deadline_get_status (deadline) == RD_DEADLINE_MISSED &&
              !rd_moment_is_set (rd_deadline_get_done (deadline)))
            {
              overdue++;
              g_assert_cmpint (rd_deadline_get_working_days_late (deadline), >=, 1);
              g_assert_cmpint (rd_deadline_get_working_days_late (deadline), <=, 40);
            }
        }
      /* At least the stage 2 response, never sent. */
      g_assert_cmpuint (overdue, >=, 1);
      rd_deadline_report_free (report);
      rd_community_trigger_free (trigger);
      g_object_unref (facts);
      fixture_store_close_temp (&store, &dir);
    }
}

/* Writes nested inside an outer transaction disappear with it. */
static void
test_nested_transaction_rolls_back (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(RdCase) kept = rd_case_new ();
  g_autoptr(GListModel) cases = NULL;

  g_assert_true (rd_store_begin (f->store, &error));
  rd_case_set_title (rcase, "Never happened");
  g_assert_true (rd_store_save_case (f->store, rcase, &error));
  g_assert_no_error (error);
  rd_store_rollback (f->store);

  cases = rd_store_list_cases (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 0);

  /* The store is usable afterwards, outside any transaction. */
  rd_case_set_title (kept, "Kept");
  g_assert_true (rd_store_save_case (f->store, kept, &error));
  g_assert_no_error (error);
  g_clear_object (&cases);
  cases = rd_store_list_cases (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 1);
}

typedef struct {
  gint64                exhibit;
  RdEvidenceKind        kind;
  RdEvidenceDateSource  source;
  const char           *description;
  const char           *story_time;     /* as rd-sample-evidence.c dates it, before the move */
  RdEvidenceTargetKind  linked_to;
} SampleExhibit;

/* The sample made through the service has its evidence: a letter, a
 * photo and an email, exhibits 1 to 3, each described, dated on the
 * story's moved dates from the file itself, and linked to its record. */
static void
test_sample_evidence (Fixture       *f,
                      gconstpointer  data)
{
  static const SampleExhibit expected[] = {
    { 1, RD_EVIDENCE_KIND_PDF, RD_EVIDENCE_DATE_PDF, "The landlord’s stage 1 response",
      "2025-01-08T11:00", RD_EVIDENCE_TARGET_CONTACT },
    { 2, RD_EVIDENCE_KIND_PHOTO, RD_EVIDENCE_DATE_FILE_MODIFIED, "Our front door, kicked in overnight",
      "2024-10-29T08:02", RD_EVIDENCE_TARGET_INCIDENT },
    { 3, RD_EVIDENCE_KIND_EMAIL, RD_EVIDENCE_DATE_EMAIL, "My email making the stage 1 complaint",
      "2024-11-11T10:00", RD_EVIDENCE_TARGET_CONTACT },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) evidence = NULL;
  g_autoptr(GDate) today = rd_date_parse_iso ("2025-06-20", NULL);
  gint64 case_id, again;
  int shift = rd_sample_shift_days (today);

  g_autoptr(GDateTime) now = rd_datetime_parse_local ("2025-06-20T12:00", NULL);

  rd_clock_set_fixed (rd_store_get_clock (f->store), now);
  case_id = rd_case_service_ensure_sample (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (case_id, >, 0);

  evidence = rd_store_list_evidence (f->store, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(RdEvidence) ev = NULL;
      g_autoptr(GListModel) links = NULL;
      g_autoptr(GDateTime) story = rd_datetime_parse_local (expected[i].story_time, NULL);
      g_autoptr(GDateTime) want = g_date_time_add_days (story, shift);
      g_autoptr(RdEvidenceLink) link = NULL;

      for (guint j = 0; j < g_list_model_get_n_items (evidence) && ev == NULL; j++)
        {
          g_autoptr(RdEvidence) candidate = g_list_model_get_item (evidence, j);
          if (rd_evidence_get_exhibit_number (candidate) == expected[i].exhibit)
            ev = g_steal_pointer (&candidate);
        }
      g_assert_nonnull (ev);
      g_assert_cmpint (rd_evidence_get_kind (ev), ==, expected[i].kind);
      g_assert_cmpstr (rd_evidence_get_description (ev), ==, expected[i].description);
      g_assert_cmpint (rd_evidence_get_date_source (ev), ==, expected[i].source);
      g_assert_cmpint (g_date_time_to_unix (rd_evidence_get_captured_at (ev)), ==, g_date_time_to_unix (want));
      links = rd_store_list_evidence_links (f->store, rd_evidence_get_id (ev), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);
      link = g_list_model_get_item (links, 0);
      g_assert_cmpint (rd_evidence_link_get_target_kind (link), ==, expected[i].linked_to);
    }

  /* The files are in the store and intact. */
  {
    g_autoptr(GPtrArray) problems = rd_store_verify_evidence (f->store, case_id, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }

  /* Opening the sample again adds nothing. */
  again = rd_case_service_ensure_sample (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, case_id);
  g_clear_object (&evidence);
  evidence = rd_store_list_evidence (f->store, case_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, G_N_ELEMENTS (expected));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/sample/dated-for-today", test_sample_dated_for_today);
  ADD ("/sample/once", test_sample_once);
  ADD ("/sample/content", test_sample_content);
  ADD ("/sample/evidence", test_sample_evidence);
  ADD ("/store/nested-transaction-rolls-back", test_nested_transaction_rolls_back);
#undef ADD

  return g_test_run ();
}
