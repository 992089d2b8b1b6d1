/* bench-diary.c: a large diary for the benchmarks.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bench-diary.h"

/**
 * bench_fill_diary:
 * @first: when the first entry happened; each next one is 61 minutes later
 *
 * Saves a case of @n diary entries (every third reported to the landlord,
 * so each has deadlines) and n/10 contacts, in one transaction.
 *
 * Returns: (transfer full): the case
 */
RdCase *
bench_fill_diary (RdStore   *store,
                  GDateTime *first,
                  guint      n)
{
  g_autoptr(GError) error = NULL;
  RdCase *rcase = rd_case_new ();

  rd_case_set_title (rcase, "Benchmark");
  g_assert (rd_store_save_case (store, rcase, &error));
  g_assert (rd_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdIncident) incident = rd_incident_new ();
      g_autoptr(GDateTime) at = g_date_time_add_minutes (first, (gint64) i * 61);
      g_autofree char *description = g_strdup_printf ("Loud music and banging, entry %u", i);

      rd_incident_set_case_id (incident, rd_case_get_id (rcase));
      rd_incident_set_starts_at (incident, at);
      rd_incident_set_category (incident, i % 2 ? RD_CATEGORY_NOISE : RD_CATEGORY_DISREPAIR);
      rd_incident_set_description (incident, description);
      rd_incident_set_reported_to (incident, i % 3 == 0 ? RD_REPORTED_LANDLORD : RD_REPORTED_NONE);
      g_assert (rd_store_save_incident (store, incident, NULL, &error));
    }
  for (guint i = 0; i < n / 10; i++)
    {
      g_autoptr(RdContact) contact = rd_contact_new ();
      g_autoptr(GDateTime) at = g_date_time_add_minutes (first, (gint64) i * 610 + 5);

      rd_contact_set_case_id (contact, rd_case_get_id (rcase));
      rd_contact_set_occurred_at (contact, at);
      rd_contact_set_direction (contact, RD_CONTACT_TO);
      rd_contact_set_summary (contact, "Called about the noise");
      g_assert (rd_store_save_contact (store, contact, &error));
    }
  g_assert (rd_store_commit (store, &error));
  return rcase;
}
