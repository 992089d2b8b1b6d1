/* test-sample.c: the sample case is complete, dated in the past, and made once.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "rd-core.h"
#include "rd-store-private.h"
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
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 case_id = rd_sample_ensure (f->store, &error);
  guint n, amended = 0, reported_police = 0, months = 0;
  int last_month = -1;
  gboolean categories[RD_CATEGORY_N_CATEGORIES] = { FALSE };

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

  g_assert_true (_rd_store_begin (f->store, &error));
  rd_case_set_title (rcase, "Never happened");
  g_assert_true (rd_store_save_case (f->store, rcase, &error));
  g_assert_no_error (error);
  _rd_store_rollback (f->store);

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/sample/once", test_sample_once);
  ADD ("/sample/content", test_sample_content);
  ADD ("/store/nested-transaction-rolls-back", test_nested_transaction_rolls_back);
#undef ADD

  return g_test_run ();
}
