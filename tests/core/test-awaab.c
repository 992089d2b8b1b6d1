/* test-awaab.c: Awaab's Law's phases as data, and the engine judging each report by the phase in force.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "rd-core.h"

static GDate *
day (const char *iso)
{
  GDate *d = rd_date_parse_iso (iso, NULL);

  g_assert_nonnull (d);
  return d;
}

static RdDeadlineReport *
judge (RdHazardLevel  hazard,
       const char    *reported,
       const char    *today)
{
  g_autoptr(RdDeadlineInput) input = rd_deadline_input_new ();
  g_autoptr(GDate) on = day (reported);
  g_autoptr(GDate) t = day (today);
  RdMoment when;

  rd_deadline_input_set_social_housing (input, RD_SOCIAL_HOUSING_YES);
  rd_moment_set_date (&when, on);
  rd_deadline_input_add_hazard (input, RD_CASE_EVENT_HAZARD_REPORT, 1, 1, &when, hazard);
  return rd_deadlines_compute (input, NULL, t);
}

static guint
n_deadlines (RdDeadlineReport *report)
{
  return g_list_model_get_n_items (rd_deadline_report_get_deadlines (report));
}

static gboolean
has_note (RdDeadlineReport *report,
          const char       *part)
{
  for (guint i = 0; i < rd_deadline_report_get_n_notes (report); i++)
    if (strstr (rd_deadline_report_get_note (report, i), part) != NULL)
      return TRUE;
  return FALSE;
}

/* Every kind of hazard is in exactly one phase; each phase names its
 * sources; phase 1 is in force from 27 October 2025 and the later phases,
 * whose start dates have no primary source yet, are announced only. */
static void
test_phases_data (void)
{
  g_autoptr(GDate) start = day ("2025-10-27");
  const RdAwaabPhase *first;

  g_assert_cmpuint (rd_awaab_get_n_phases (), ==, 3);
  for (guint h = 0; h < RD_HAZARD_N_LEVELS; h++)
    {
      guint n = 0;

      for (guint p = 0; p < rd_awaab_get_n_phases (); p++)
        n += rd_awaab_phase_covers (rd_awaab_get_phase (p), h);
      g_assert_cmpuint (n, ==, 1);
      g_assert_nonnull (rd_awaab_phase_for_hazard (h));
    }
  g_assert_null (rd_awaab_phase_for_hazard (RD_HAZARD_N_LEVELS));
  for (guint p = 0; p < rd_awaab_get_n_phases (); p++)
    {
      const RdAwaabPhase *phase = rd_awaab_get_phase (p);

      g_assert_cmpuint (strlen (rd_awaab_phase_get_sources (phase)), >, 100);
      g_assert_cmpuint (strlen (rd_awaab_phase_get_name (phase)), >, 0);
    }

  first = rd_awaab_phase_for_hazard (RD_HAZARD_EMERGENCY);
  g_assert_true (first == rd_awaab_phase_for_hazard (RD_HAZARD_SIGNIFICANT));
  g_assert_cmpint (g_date_compare (rd_awaab_phase_get_in_force (first), start), ==, 0);
  g_assert_cmpstr (rd_awaab_phase_get_key (rd_awaab_phase_for_hazard (RD_HAZARD_EXCESS_COLD)), ==, "phase-2");
  g_assert_null (rd_awaab_phase_get_in_force (rd_awaab_phase_for_hazard (RD_HAZARD_FALLS)));
  g_assert_cmpstr (rd_awaab_phase_get_announced (rd_awaab_phase_for_hazard (RD_HAZARD_FIRE)), ==, "2026");
  g_assert_cmpstr (rd_awaab_phase_get_announced (rd_awaab_phase_for_hazard (RD_HAZARD_OTHER)), ==, "2027");

  /* Every significant kind shares the significant time limits. */
  for (guint h = RD_HAZARD_SIGNIFICANT; h < RD_HAZARD_N_LEVELS; h++)
    {
      const RdLimit *limit = rd_policy_get_hazard_limit (rd_policy_get_awaabs_law (), h,
                                                         RD_HAZARD_RULE_INVESTIGATE);

      g_assert_cmpint (limit->amount, ==, 10);
      g_assert_cmpint (limit->unit, ==, RD_TIME_UNIT_WORKING_DAYS);
    }
  g_assert_cmpint (rd_policy_get_hazard_limit (rd_policy_get_awaabs_law (), RD_HAZARD_EMERGENCY,
                                               RD_HAZARD_RULE_INVESTIGATE)->unit, ==, RD_TIME_UNIT_HOURS);
}

/* Phase 1 binds reports from Monday 27 October 2025: reported the day
 * before, nothing is checked and a note says why; the day of, it is. */
static void
test_phase_one_boundary (void)
{
  static const RdHazardLevel kinds[] = { RD_HAZARD_EMERGENCY, RD_HAZARD_SIGNIFICANT };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(RdDeadlineReport) before = judge (kinds[i], "2025-10-26", "2025-12-01");
      g_autoptr(RdDeadlineReport) on = judge (kinds[i], "2025-10-27", "2025-12-01");
      g_autoptr(RdDeadline) first = NULL;

      g_assert_cmpuint (n_deadlines (before), ==, 0);
      g_assert_true (has_note (before, "Awaab’s Law came into force on Monday 27 October 2025"));
      /* emergency: investigate and make safe; significant: investigate only,
       * as nothing records the investigation */
      g_assert_cmpuint (n_deadlines (on), ==, kinds[i] == RD_HAZARD_EMERGENCY ? 2 : 1);
      first = g_list_model_get_item (rd_deadline_report_get_deadlines (on), 0);
      g_assert_cmpint (rd_deadline_get_status (first), ==, RD_DEADLINE_MISSED);
      g_assert_false (has_note (on, "came into force"));
    }
}

/* A hazard of a later phase, reported while that phase is only announced,
 * however late: no deadline, and a note that says the landlord may not yet
 * be bound. */
static void
test_announced_phases (void)
{
  static const struct {
    RdHazardLevel hazard;
    const char   *year;
  } cases[] = {
    { RD_HAZARD_EXCESS_COLD, "2026" },
    { RD_HAZARD_EXCESS_HEAT, "2026" },
    { RD_HAZARD_FALLS, "2026" },
    { RD_HAZARD_STRUCTURAL_COLLAPSE, "2026" },
    { RD_HAZARD_FIRE, "2026" },
    { RD_HAZARD_ELECTRICAL, "2026" },
    { RD_HAZARD_HYGIENE, "2026" },
    { RD_HAZARD_FOOD_SAFETY, "2026" },
    { RD_HAZARD_OTHER, "2027" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RdDeadlineReport) report = judge (cases[i].hazard, "2026-11-02", "2027-12-31");
      g_autofree char *announced = g_strdup_printf ("from %s, but Redress could not confirm", cases[i].year);

      g_assert_cmpuint (n_deadlines (report), ==, 0);
      g_assert_true (has_note (report, announced));
      g_assert_true (has_note (report, "may not yet be bound"));
      g_assert_true (has_note (report, rd_hazard_level_get_label (cases[i].hazard)));
    }
}

/* The new kinds are stored by key, and read back. */
static void
test_hazard_keys (void)
{
  for (guint h = 0; h <= RD_HAZARD_N_LEVELS; h++)
    {
      RdHazardLevel back = RD_HAZARD_N_LEVELS;

      g_assert_true (rd_hazard_level_from_key (rd_hazard_level_to_key (h), &back));
      g_assert_cmpint (back, ==, h);
    }
  g_assert_cmpstr (rd_hazard_level_to_key (RD_HAZARD_SIGNIFICANT), ==, "significant-damp-mould");
  g_assert_cmpstr (rd_hazard_level_to_key (RD_HAZARD_EXCESS_COLD), ==, "significant-excess-cold");
}

/* Each kind of tenancy is covered, not covered, or "ask", with a reason;
 * the engine follows: deadlines for covered and "ask" (saying they apply
 * to social housing only), none for the rest, and the reason as a note. */
static void
test_coverage (void)
{
  static const struct {
    RdTenancyType tenancy;
    RdCoverage    coverage;
    const char   *reason_part;
  } cases[] = {
    { RD_TENANCY_SECURE, RD_COVERAGE_COVERED, "council" },
    { RD_TENANCY_ASSURED, RD_COVERAGE_COVERED, "housing association" },
    { RD_TENANCY_STARTER, RD_COVERAGE_COVERED, "starter" },
    { RD_TENANCY_AFFORDABLE_RENT, RD_COVERAGE_COVERED, "Affordable rent" },
    { RD_TENANCY_ASSURED_SHORTHOLD, RD_COVERAGE_ASK, "private landlord" },
    { RD_TENANCY_SUPPORTED, RD_COVERAGE_ASK, "licence" },
    { RD_TENANCY_TEMPORARY, RD_COVERAGE_ASK, "council’s own duties" },
    { RD_TENANCY_SHARED_OWNERSHIP, RD_COVERAGE_NOT_COVERED, "seven years" },
    { RD_TENANCY_LEASEHOLD, RD_COVERAGE_NOT_COVERED, "seven years" },
    { RD_TENANCY_LICENCE, RD_COVERAGE_NOT_COVERED, "not a tenancy" },
    { RD_TENANCY_PRIVATE, RD_COVERAGE_NOT_COVERED, "Renters’ Rights Act 2025" },
    { RD_TENANCY_OTHER, RD_COVERAGE_ASK, "does not know" },
    { RD_TENANCY_UNKNOWN, RD_COVERAGE_ASK, "does not know" },
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (cases) == RD_TENANCY_N_TYPES);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RdDeadlineInput) input = rd_deadline_input_new ();
      g_autoptr(GDate) on = day ("2025-11-04");
      g_autoptr(GDate) t = day ("2025-12-01");
      g_autoptr(RdDeadlineReport) report = NULL;
      const char *reason = NULL;
      RdMoment when;

      g_assert_cmpint (rd_tenancy_awaab_coverage (cases[i].tenancy, &reason), ==, cases[i].coverage);
      if (strstr (reason, cases[i].reason_part) == NULL)
        g_error ("“%s” does not say “%s”", reason, cases[i].reason_part);

      rd_deadline_input_set_tenancy (input, cases[i].tenancy);
      rd_moment_set_date (&when, on);
      rd_deadline_input_add_hazard (input, RD_CASE_EVENT_HAZARD_REPORT, 1, 1, &when, RD_HAZARD_SIGNIFICANT);
      report = rd_deadlines_compute (input, NULL, t);
      switch (cases[i].coverage)
        {
        case RD_COVERAGE_COVERED:
          g_assert_cmpint (rd_deadline_input_get_social_housing (input), ==, RD_SOCIAL_HOUSING_YES);
          g_assert_cmpuint (n_deadlines (report), ==, 1);
          g_assert_false (has_note (report, reason));
          break;
        case RD_COVERAGE_ASK:
          g_assert_cmpint (rd_deadline_input_get_social_housing (input), ==, RD_SOCIAL_HOUSING_UNKNOWN);
          g_assert_cmpuint (n_deadlines (report), ==, 1);
          g_assert_true (has_note (report, reason));
          break;
        case RD_COVERAGE_NOT_COVERED:
        default:
          g_assert_cmpint (rd_deadline_input_get_social_housing (input), ==, RD_SOCIAL_HOUSING_NO);
          g_assert_cmpuint (n_deadlines (report), ==, 0);
          g_assert_true (has_note (report, reason));
          break;
        }
      /* Private renters are told which rules bind their landlord, and only they. */
      g_assert_cmpint (has_note (report, "You rent privately"), ==, cases[i].tenancy == RD_TENANCY_PRIVATE);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "Europe/London", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/awaab/phases-data", test_phases_data);
  g_test_add_func ("/awaab/phase-one-boundary", test_phase_one_boundary);
  g_test_add_func ("/awaab/announced-phases", test_announced_phases);
  g_test_add_func ("/awaab/hazard-keys", test_hazard_keys);
  g_test_add_func ("/coverage/tenancy-types", test_coverage);

  return g_test_run ();
}
