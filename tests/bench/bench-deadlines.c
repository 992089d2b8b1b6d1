/* bench-deadlines.c: how fast working days and a case's deadlines are recomputed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints the time per operation and per full recompute, and ratios against
 * named references: counting by stepping day by day, and one frame at 60 Hz
 * (16.7 ms), the budget for "instantly" in the window.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <time.h>

#include "rd-core.h"
#include "evidence-fixtures.h"

#define FRAME_US (1000000.0 / 60.0)

/* CPU time of this thread, in µs: on a shared machine it is steadier than
 * the wall clock, which the figures also give. */
static gint64
cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static GDate
random_date (GRand *rand)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 1, 7, 2020);
  g_date_add_days (&d, g_rand_int_range (rand, 0, 6 * 365));
  return d;
}

static int
stepping_count (const GDate *from,
                const GDate *to)
{
  GDate day = *from;
  int n = 0;

  while (g_date_compare (&day, to) < 0)
    {
      g_date_add_days (&day, 1);
      n += rd_calendar_is_working_day (&day);
    }
  return n;
}

static void
bench_calendar (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  const int n = 200000;
  GDate *from = g_new (GDate, n), *to = g_new (GDate, n);
  gint64 t0, t1, t2, t3;
  volatile int sink = 0;
  GDate out;

  for (int i = 0; i < n; i++)
    {
      from[i] = random_date (rand);
      to[i] = from[i];
      g_date_add_days (&to[i], g_rand_int_range (rand, 0, 120));
    }
  rd_calendar_is_working_day (&from[0]);   /* build the holiday table outside the timing */

  t0 = g_get_monotonic_time ();
  for (int i = 0; i < n; i++)
    sink += rd_calendar_count_working_days (&from[i], &to[i]);
  t1 = g_get_monotonic_time ();
  for (int i = 0; i < n; i++)
    sink += stepping_count (&from[i], &to[i]);
  t2 = g_get_monotonic_time ();
  for (int i = 0; i < n; i++)
    sink += rd_calendar_add_working_days (&from[i], 20, &out, NULL);
  t3 = g_get_monotonic_time ();

  g_print ("calendar: count_working_days %.3f µs/call; stepping day by day (reference) %.3f µs/call; "
           "ratio %.1fx faster (intervals of 0-120 days)\n",
           (double) (t1 - t0) / n, (double) (t2 - t1) / n, (double) (t2 - t1) / (double) (t1 - t0));
  g_print ("calendar: add_working_days(+20) %.3f µs/call\n", (double) (t3 - t2) / n);
  (void) sink;
  g_free (from);
  g_free (to);
}

/* A busy case: @n_complaints complaints with both stages and extensions,
 * and contacts with promises and MP enquiries. */
static void
fill_input (RdDeadlineInput *input,
            int              n_complaints,
            int              n_contacts)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  gint64 id = 1;

  for (int c = 1; c <= n_complaints; c++)
    {
      GDate d = random_date (rand), e;
      GDate made = d;

      rd_deadline_input_add_complaint_event (input, id++, c, RD_COMPLAINT_EVENT_MADE, 1, &d, NULL);
      g_date_add_days (&d, g_rand_int_range (rand, 1, 10));
      rd_deadline_input_add_complaint_event (input, id++, c, RD_COMPLAINT_EVENT_ACKNOWLEDGED, 1, &d, NULL);
      e = d;
      g_date_add_days (&e, 20);
      g_date_add_days (&d, g_rand_int_range (rand, 3, 10));
      rd_deadline_input_add_complaint_event (input, id++, c, RD_COMPLAINT_EVENT_EXTENSION_NOTIFIED, 1, &d, &e);
      g_date_add_days (&d, g_rand_int_range (rand, 5, 25));
      rd_deadline_input_add_complaint_event (input, id++, c, RD_COMPLAINT_EVENT_RESPONSE, 1, &d, NULL);
      g_date_add_days (&d, g_rand_int_range (rand, 1, 30));
      rd_deadline_input_add_complaint_event (input, id++, c, RD_COMPLAINT_EVENT_ESCALATION_REQUESTED, 2, &d, NULL);
      g_date_add_days (&d, g_rand_int_range (rand, 1, 10));
      rd_deadline_input_add_complaint_event (input, id++, c, RD_COMPLAINT_EVENT_ACKNOWLEDGED, 2, &d, NULL);
      g_date_add_days (&d, g_rand_int_range (rand, 10, 40));
      rd_deadline_input_add_complaint_event (input, id++, c, RD_COMPLAINT_EVENT_FINAL_RESPONSE, 2, &d, NULL);
      (void) made;
    }

  for (int k = 0; k < n_contacts; k++)
    {
      GDate d = random_date (rand), due;
      g_autoptr(GDateTime) at = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d),
                                                      g_date_get_day (&d),
                                                      g_rand_int_range (rand, 8, 19), 0, 0);
      gboolean promise = k % 4 == 0;

      due = d;
      g_date_add_days (&due, 7);
      rd_deadline_input_add_contact (input, id++, at,
                                     k % 2 ? RD_CONTACT_FROM : RD_CONTACT_TO,
                                     k % 10 == 0 ? RD_CHANNEL_MP_ENQUIRY : RD_CHANNEL_PHONE,
                                     promise ? "Will call back" : NULL, promise ? &due : NULL);
    }
}

static RdPolicy *
busy_policy (void)
{
  GDate day;
  RdPolicy *policy;
  RdPolicyRule mp = { (char *) "Reply to an MP enquiry", RD_CHANNEL_MP_ENQUIRY, RD_CONTACT_TO,
                      { 10, RD_TIME_UNIT_WORKING_DAYS } };
  RdLimit month = { 28, RD_TIME_UNIT_CALENDAR_DAYS };

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, 6, 2024);
  policy = rd_policy_new_landlord_from_code (&day);
  rd_policy_add_rule (policy, &mp);
  rd_policy_set_resident_escalation (policy, &month);
  return policy;
}

static void
bench_engine (int n_complaints,
              int n_contacts)
{
  g_autoptr(RdDeadlineInput) input = rd_deadline_input_new ();
  g_autoptr(RdPolicy) policy = busy_policy ();
  GDate today;
  const int rounds = 20;
  guint n_deadlines = 0;
  gint64 t0, t1, c0, c1;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 3, 2026);
  fill_input (input, n_complaints, n_contacts);

  c0 = cpu_us ();
  t0 = g_get_monotonic_time ();
  for (int r = 0; r < rounds; r++)
    {
      g_autoptr(RdDeadlineReport) report = rd_deadlines_compute (input, policy, &today);

      n_deadlines = g_list_model_get_n_items (rd_deadline_report_get_deadlines (report));
    }
  t1 = g_get_monotonic_time ();
  c1 = cpu_us ();

  g_print ("engine: %d complaints, %d contacts = %u events -> %u deadlines: %.2f ms CPU "
           "(%.2f ms wall) per full recompute; %.1f µs CPU per deadline; %.2f frames at 60 Hz\n",
           n_complaints, n_contacts, rd_deadline_input_get_n_events (input), n_deadlines,
           (double) (c1 - c0) / rounds / 1000.0, (double) (t1 - t0) / rounds / 1000.0,
           (double) (c1 - c0) / rounds / MAX (n_deadlines, 1), (double) (c1 - c0) / rounds / FRAME_US);
}

/* The same, read from a real case file: SQL reads, adapter and engine. */
static void
bench_store (int n_complaints,
             int n_contacts)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redress-bench-XXXXXX", &error);
  g_autoptr(RdStore) store = rd_store_open (dir, &error);
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(RdDeadlineInput) input = rd_deadline_input_new ();
  g_autoptr(GHashTable) complaint_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(RdPolicy) policy = busy_policy ();
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GDate today;
  const int rounds = 10;
  guint n_deadlines = 0;
  gint64 t0, t1, c0, c1;

  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 3, 2026);
  rd_case_set_title (rcase, "Benchmark");
  g_assert_true (rd_store_save_case (store, rcase, &error));
  g_assert_true (rd_store_save_policy (store, policy, &error));
  g_assert_true (rd_store_set_case_policy (store, rd_case_get_id (rcase), rd_policy_get_id (policy), &error));

  /* Write the same events through the store's own API. */
  fill_input (input, n_complaints, n_contacts);
  for (int c = 1; c <= n_complaints; c++)
    {
      g_autoptr(RdComplaint) complaint = rd_complaint_new ();
      gint64 id;

      rd_complaint_set_case_id (complaint, rd_case_get_id (rcase));
      g_assert_true (rd_store_save_complaint (store, complaint, &error));
      id = rd_complaint_get_id (complaint);
      g_array_append_val (ids, id);
    }
  for (guint i = 0; i < rd_deadline_input_get_n_events (input); i++)
    {
      const RdCaseEvent *e = rd_deadline_input_get_event (input, i);

      if (e->type == RD_CASE_EVENT_COMPLAINT)
        {
          g_autoptr(RdComplaintEvent) event = rd_complaint_event_new (e->complaint_kind);

          rd_complaint_event_set_complaint_id (event, g_array_index (ids, gint64, e->group - 1));
          rd_complaint_event_set_stage (event, e->stage);
          rd_complaint_event_set_date (event, &e->when.date);
          if (g_date_valid (&e->new_date))
            rd_complaint_event_set_new_date (event, &e->new_date);
          if (!rd_store_save_complaint_event (store, event, &error))
            g_clear_error (&error);   /* a random date in the future: skip it */
        }
      else
        {
          g_autoptr(RdContact) contact = rd_contact_new ();
          g_autoptr(GDateTime) at = g_date_time_new_local (g_date_get_year (&e->when.date),
                                                          g_date_get_month (&e->when.date),
                                                          g_date_get_day (&e->when.date),
                                                          e->when.minute / 60, 0, 0);

          rd_contact_set_case_id (contact, rd_case_get_id (rcase));
          rd_contact_set_occurred_at (contact, at);
          rd_contact_set_direction (contact, e->direction);
          rd_contact_set_channel (contact, e->channel);
          if (g_date_valid (&e->promise_due))
            {
              rd_contact_set_promise (contact, e->text);
              rd_contact_set_promise_due (contact, &e->promise_due);
            }
          if (!rd_store_save_contact (store, contact, &error))
            g_clear_error (&error);
        }
    }

  c0 = cpu_us ();
  t0 = g_get_monotonic_time ();
  for (int r = 0; r < rounds; r++)
    {
      g_autoptr(RdDeadlineReport) report = rd_case_service_compute_deadlines (store,
                                                                              rd_case_get_id (rcase),
                                                                              &today, &error);

      g_assert_no_error (error);
      n_deadlines = g_list_model_get_n_items (rd_deadline_report_get_deadlines (report));
    }
  t1 = g_get_monotonic_time ();
  c1 = cpu_us ();

  {
    g_autoptr(RdCaseFacts) facts = rd_case_facts_load (store, rd_case_get_id (rcase), &error);
    g_autoptr(RdDeadlineInput) stored = rd_case_facts_build_deadline_input (facts);

    g_print ("store:  %u stored events -> %u deadlines: %.2f ms CPU (%.2f ms wall) per full "
             "recompute from the case file; %.2f frames at 60 Hz\n",
             rd_deadline_input_get_n_events (stored), n_deadlines,
             (double) (c1 - c0) / rounds / 1000.0, (double) (t1 - t0) / rounds / 1000.0,
             (double) (c1 - c0) / rounds / FRAME_US);
  }

  g_array_unref (ids);
  g_clear_object (&store);
  fixture_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "Europe/London", TRUE);

  bench_calendar ();
  /* a long-running case: a few complaints, years of contacts */
  bench_engine (20, 1000);
  bench_engine (50, 3000);
  /* far more complaints than any real case */
  bench_engine (500, 2000);
  bench_engine (2000, 8000);
  bench_store (50, 3000);
  bench_store (500, 2000);
  return 0;
}
