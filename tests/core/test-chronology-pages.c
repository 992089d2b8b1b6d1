/* test-chronology-pages.c: the bundle's chronology read from the store a page at a time.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's read hook counts the diary entries and contacts read and
 * still alive at any moment: the chronology must never hold more than a
 * page of them, whatever the length of the diary (issue 17).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "rd-case-bundle-check.h"
#include "rd-core.h"
#include "rd-store-complaints.h"
#include "rd-test-fixtures.h"
#include "rd-timeline-make.h"
#include "store-fixtures.h"

/* rd-chronology-pages.c reads this many of each at a time. */
#define PAGE_ROWS 64

#define N_INCIDENTS 400
#define N_CONTACTS 150

typedef struct
{
  char    *dir;
  RdStore *store;
  gint64   case_id;
} Fixture;

/* Diary entries and contacts read from the store and not yet let go; the
 * pages may be read on the thread that draws the bundle. */
static gint n_alive;

static void
record_gone_cb (gpointer  data,
                GObject  *where)
{
  g_atomic_int_dec_and_test (&n_alive);
}

static void
record_read_cb (GObject  *record,
                gpointer  user_data)
{
  if (!RD_IS_INCIDENT (record) && !RD_IS_CONTACT (record))
    return;
  g_atomic_int_inc (&n_alive);
  g_object_weak_ref (record, record_gone_cb, NULL);
}

static void
save_incident (Fixture    *f,
               GDateTime  *at,
               const char *description)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdIncident) incident = rd_incident_new ();

  rd_incident_set_case_id (incident, f->case_id);
  rd_incident_set_starts_at (incident, at);
  rd_incident_set_description (incident, description);
  g_assert_true (rd_store_save_incident (f->store, incident, NULL, &error));
  g_assert_no_error (error);
}

static void
save_contact (Fixture    *f,
              GDateTime  *at,
              gint64      party_id,
              const char *summary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdContact) contact = rd_contact_new ();

  rd_contact_set_case_id (contact, f->case_id);
  rd_contact_set_occurred_at (contact, at);
  rd_contact_set_party_id (contact, party_id);
  rd_contact_set_summary (contact, summary);
  g_assert_true (rd_store_save_contact (f->store, contact, &error));
  g_assert_no_error (error);
}

/* A diary whose entries are saved out of date order, many on the same
 * minute as another entry, a contact or a complaint's step (steps count
 * from midnight), with contacts naming a party, and complaint steps of
 * two complaints whose dates interleave. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCase) rcase = NULL;
  g_autoptr(RdParty) party = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2024, 1, 2, 9, 30, 0);
  g_autoptr(RdClock) clock = rd_clock_new_fixed (now);

  f->store = fixture_store_open_temp ("redress-chronology-pages-XXXXXX", &f->dir);
  rd_store_set_clock (f->store, clock);
  rcase = fixture_make_case (f->store, "Damp at Flat 2");
  f->case_id = rd_case_get_id (rcase);
  party = fixture_add_party (f->store, f->case_id, "Gary Pollard", RD_PARTY_NEIGHBOUR, TRUE);

  g_assert_true (rd_store_begin (f->store, &error));
  for (guint i = 0; i < N_INCIDENTS; i++)
    {
      /* Days in a scrambled order; every fourth at midnight. */
      guint day = (i * 37) % 200;
      g_autoptr(GDateTime) at = g_date_time_new_local (2023, 1, 1, i % 4 == 0 ? 0 : 21, 0, 0);
      g_autoptr(GDateTime) when = g_date_time_add_days (at, day);
      g_autofree char *text = g_strdup_printf ("Entry %u about Gary Pollard.", i);

      save_incident (f, when, text);
    }
  for (guint i = 0; i < N_CONTACTS; i++)
    {
      guint day = (i * 53) % 200;
      g_autoptr(GDateTime) at = g_date_time_new_local (2023, 1, 1, 21, 0, 0);
      g_autoptr(GDateTime) when = g_date_time_add_days (at, day);
      g_autofree char *text = g_strdup_printf ("Contact %u.", i);

      save_contact (f, when, i % 2 ? rd_party_get_id (party) : 0, text);
    }
  g_assert_true (rd_store_commit (f->store, &error));
  g_assert_no_error (error);

  for (guint c = 0; c < 2; c++)
    {
      g_autoptr(RdComplaint) complaint = rd_complaint_new ();

      rd_complaint_set_case_id (complaint, f->case_id);
      g_assert_true (rd_store_save_complaint (f->store, complaint, &error));
      g_assert_no_error (error);
      for (guint k = 0; k < 3; k++)
        {
          g_autoptr(RdComplaintEvent) ev = rd_complaint_event_new (RD_COMPLAINT_EVENT_MADE);
          g_autoptr(GDate) on = g_date_new_dmy (1, G_DATE_JANUARY, 2023);

          g_date_add_days (on, 150 - 40 * k + c);
          rd_complaint_event_set_complaint_id (ev, rd_complaint_get_id (complaint));
          rd_complaint_event_set_stage (ev, 1);
          rd_complaint_event_set_date (ev, on);
          g_assert_true (rd_store_save_complaint_event (f->store, ev, &error));
          g_assert_no_error (error);
        }
    }
  g_atomic_int_set (&n_alive, 0);
  rd_store_set_read_hook (f->store, record_read_cb, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  fixture_store_close_temp (&f->store, &f->dir);
}

typedef struct
{
  RdStore *store;
  gint64   case_id;
  guint    pages_read;  /* of the diary, by read_page_failing() */
} Reader;

static GPtrArray *
read_page (gpointer          data,
           RdChronologyRead  what,
           RdStorePageKey   *key,
           guint             limit,
           GError          **error)
{
  Reader *reader = data;

  if (what == RD_CHRONOLOGY_READ_INCIDENTS)
    return rd_store_read_incidents_page (reader->store, reader->case_id, key, limit, error);
  return rd_store_read_contacts_page (reader->store, reader->case_id, key, limit, error);
}

static void
reader_free (gpointer data)
{
  Reader *reader = data;

  g_object_unref (reader->store);
  g_free (reader);
}

static RdChronology *
paged_chronology (RdStore     *snapshot,
                  gint64       case_id,
                  RdCaseFacts *facts,
                  gboolean     anonymise)
{
  Reader *reader = g_new0 (Reader, 1);

  reader->store = g_object_ref (snapshot);
  reader->case_id = case_id;
  return rd_chronology_new_paged (facts, NULL, anonymise, read_page, reader, reader_free);
}

/* Reads as read_page() does, but fails on the diary's second page, as a
 * store that cannot be read part way would. */
static GPtrArray *
read_page_failing (gpointer          data,
                   RdChronologyRead  what,
                   RdStorePageKey   *key,
                   guint             limit,
                   GError          **error)
{
  Reader *reader = data;

  if (what == RD_CHRONOLOGY_READ_INCIDENTS && reader->pages_read++ == 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "disk I/O error");
      return NULL;
    }
  return read_page (data, what, key, limit, error);
}

static guint
n_records_alive (void)
{
  return (guint) g_atomic_int_get (&n_alive);
}

/* Entry for entry what the chronology of the whole facts gives, in the
 * same order, read in order twice (as the pages are counted, then drawn)
 * and again from part way back. */
static void
test_same_as_whole (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) snapshot = rd_store_open_snapshot (f->store, &error);
  g_autoptr(RdCaseFacts) facts = NULL;
  g_autoptr(RdChronology) whole = NULL;
  g_autoptr(RdChronology) paged = NULL;
  guint n;

  g_assert_no_error (error);
  facts = rd_case_facts_load (snapshot, f->case_id, &error);
  g_assert_no_error (error);
  whole = rd_chronology_new (facts, NULL, TRUE);
  paged = paged_chronology (snapshot, f->case_id, facts, TRUE);
  n = rd_chronology_get_n_entries (whole);
  g_assert_cmpuint (n, ==, N_INCIDENTS + N_CONTACTS + 6);
  g_assert_cmpuint (rd_chronology_get_n_entries (paged), ==, n);

  for (guint pass = 0; pass < 3; pass++)
    for (guint i = pass == 2 ? n / 3 : 0; i < n; i++)
      {
        RdChronologyEntry *a = rd_chronology_dup_entry (whole, i);
        RdChronologyEntry *b = rd_chronology_dup_entry (paged, i);

        fixture_assert_same_chronology_entry (a, b);
        rd_chronology_entry_free (a);
        rd_chronology_entry_free (b);
      }
  {
    /* Anonymised as the whole one is: the party's name never shows. */
    RdChronologyEntry *first = rd_chronology_dup_entry (paged, 0);

    g_assert_null (strstr (first->text, "Pollard"));
    rd_chronology_entry_free (first);
  }
}

/* However long the diary, no more than a page of its entries and one of
 * its contacts are alive at once while the whole chronology is read. */
static void
test_holds_a_page (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) snapshot = rd_store_open_snapshot (f->store, &error);
  g_autoptr(RdCaseFacts) facts = NULL;
  g_autoptr(RdChronology) paged = NULL;
  guint most = 0;

  g_assert_no_error (error);
  facts = rd_case_facts_load (snapshot, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_records_alive (), ==, N_INCIDENTS + N_CONTACTS);
  paged = paged_chronology (snapshot, f->case_id, facts, FALSE);
  g_clear_object (&facts);
  /* The chronology kept none of the facts' records. */
  g_assert_cmpuint (n_records_alive (), ==, 0);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0, n = rd_chronology_get_n_entries (paged); i < n; i++)
      {
        RdChronologyEntry *e = rd_chronology_dup_entry (paged, i);

        most = MAX (most, n_records_alive ());
        rd_chronology_entry_free (e);
      }
  g_assert_cmpuint (most, >, 0);
  g_assert_cmpuint (rd_chronology_get_most_held (paged), ==, most);
  g_assert_cmpuint (most, <=, 2 * PAGE_ROWS);
}

/* A page of the diary that cannot be read is never passed over in
 * silence: the entries from there on come empty, and the chronology says
 * why, so that the bundle is not written with paragraphs missing. */
static void
test_read_fails (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) snapshot = rd_store_open_snapshot (f->store, &error);
  g_autoptr(RdCaseFacts) facts = NULL;
  g_autoptr(RdChronology) paged = NULL;
  Reader *reader = g_new0 (Reader, 1);
  guint n, i;

  g_assert_no_error (error);
  facts = rd_case_facts_load (snapshot, f->case_id, &error);
  g_assert_no_error (error);
  reader->store = g_object_ref (snapshot);
  reader->case_id = f->case_id;
  paged = rd_chronology_new_paged (facts, NULL, FALSE, read_page_failing, reader, reader_free);
  n = rd_chronology_get_n_entries (paged);
  g_assert_cmpuint (n, >, 2 * PAGE_ROWS);

  /* The first page is read whole. */
  for (i = 0; i < PAGE_ROWS / 2; i++)
    {
      RdChronologyEntry *e = rd_chronology_dup_entry (paged, i);

      g_assert_cmpstr (e->text, !=, "");
      rd_chronology_entry_free (e);
    }
  g_assert_true (rd_chronology_check (paged, &error));
  g_assert_no_error (error);

  for (; i < n; i++)
    rd_chronology_entry_free (rd_chronology_dup_entry (paged, i));
  g_assert_false (rd_chronology_check (paged, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "could not be read"));
  g_assert_nonnull (strstr (error->message, "disk I/O error"));
}

/* What is saved while the chronology is being read changes nothing in it:
 * it reads the snapshot its facts were read from. */
static void
test_snapshot (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) snapshot = rd_store_open_snapshot (f->store, &error);
  g_autoptr(RdCaseFacts) facts = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(RdChronology) paged = NULL;
  g_autoptr(GListModel) incidents = NULL;
  g_autoptr(RdIncident) newest = NULL;
  g_autoptr(GDateTime) early = g_date_time_new_local (2022, 6, 1, 9, 0, 0);

  g_assert_no_error (error);
  facts = rd_case_facts_load (snapshot, f->case_id, &error);
  g_assert_no_error (error);
  before = rd_chronology_build (facts, NULL, NULL);
  paged = paged_chronology (snapshot, f->case_id, facts, FALSE);
  g_clear_object (&facts);

  /* Half read, then an entry saved before them all and the newest deleted. */
  for (guint i = 0; i < before->len / 2; i++)
    rd_chronology_entry_free (rd_chronology_dup_entry (paged, i));
  save_incident (f, early, "Saved during the export.");
  incidents = rd_store_list_incidents (f->store, f->case_id, &error);
  g_assert_no_error (error);
  newest = g_list_model_get_item (incidents, 0);
  g_assert_true (rd_store_delete_incident (f->store, rd_incident_get_id (newest), &error));
  g_assert_no_error (error);

  g_assert_cmpuint (rd_chronology_get_n_entries (paged), ==, before->len);
  for (guint i = 0; i < before->len; i++)
    {
      RdChronologyEntry *e = rd_chronology_dup_entry (paged, i);

      fixture_assert_same_chronology_entry (before->pdata[i], e);
      rd_chronology_entry_free (e);
    }
}

static void
progress_cb (double      fraction,
             const char *what,
             gpointer    data)
{
  guint *most = data;

  *most = MAX (*most, n_records_alive ());
}

/* The bundle lets go of the case once it is built: while its pages are
 * drawn, no more than a page of the diary and one of the contacts are
 * alive, and every entry is there, numbered in order. */
static void
test_bundle_holds_a_page (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdBundle) bundle = NULL;
  g_autofree char *out_dir = g_dir_make_tmp ("redress-chronology-bundle-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (out_dir, "bundle.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_JANUARY, 2024);
  RdCaseBundleOptions options;
  guint most = 0;

  rd_case_bundle_options_init (&options);
  options.today = today;
  bundle = rd_case_bundle_build (f->store, f->case_id, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_records_alive (), ==, 0);
  g_assert_true (rd_bundle_write (bundle, out, progress_cb, &most, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (most, <=, 2 * PAGE_ROWS);

  text = rd_fixture_pdf_text (out);
  flat = g_strdelimit (g_strdup (text), "\n\f", ' ');
  /* Every entry, each with its number (the order is checked above: the
   * text of a page does not come out of the PDF in the order drawn). */
  for (guint i = 1; i <= N_INCIDENTS + N_CONTACTS + 6; i++)
    {
      g_autofree char *label = g_strdup_printf (" %u. ", i);

      g_assert_nonnull (strstr (flat, label));
    }
  for (guint i = 0; i < N_INCIDENTS; i++)
    {
      g_autofree char *entry = g_strdup_printf ("Entry %u about", i);

      g_assert_nonnull (strstr (flat, entry));
    }
  for (guint i = 0; i < N_CONTACTS; i++)
    {
      g_autofree char *contact = g_strdup_printf ("Contact %u.", i);

      g_assert_nonnull (strstr (flat, contact));
    }
  g_assert_cmpint (g_unlink (out), ==, 0);
  g_assert_cmpint (g_rmdir (out_dir), ==, 0);
}

/* Diary entries of every category, some reported to the landlord (a few
 * on the same day as another report), beside the fixture's: what the timeline counts in weeks and marks as reports. */
static void
save_reported_incidents (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rd_store_begin (f->store, &error));
  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(RdIncident) incident = rd_incident_new ();
      g_autoptr(GDateTime) at = g_date_time_new_local (2023, 2, 1, 20, 0, 0);
      g_autoptr(GDateTime) when = g_date_time_add_days (at, (i * 11) % 90);

      rd_incident_set_case_id (incident, f->case_id);
      rd_incident_set_starts_at (incident, when);
      rd_incident_set_category (incident, (RdCategory) (i % RD_CATEGORY_N_CATEGORIES));
      rd_incident_set_description (incident, "Shouting on the landing");
      if (i % 3 == 0)
        {
          g_autoptr(GDate) told = g_date_new_dmy (1, G_DATE_MARCH, 2023);

          g_date_add_days (told, i / 6);
          rd_incident_set_reported_to (incident, RD_REPORTED_LANDLORD);
          rd_incident_set_landlord_reported_on (incident, told);
        }
      g_assert_true (rd_store_save_incident (f->store, incident, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (rd_store_commit (f->store, &error));
  g_assert_no_error (error);
}

/* The case's people and complaints only, as the bundle hands them to its
 * timeline: a diary read from the facts would not be in them. */
static RdCaseFacts *
people_and_complaints (RdCaseFacts *facts)
{
  RdCaseFacts *copy = rd_case_facts_new (rd_case_facts_get_case (facts));
  GPtrArray *parties = rd_case_facts_get_parties (facts);
  GPtrArray *complaints = rd_case_facts_get_complaints (facts);

  for (guint i = 0; i < parties->len; i++)
    rd_case_facts_add_party (copy, parties->pdata[i]);
  for (guint i = 0; i < complaints->len; i++)
    {
      GPtrArray *events = rd_case_facts_get_events (facts, complaints->pdata[i]);

      rd_case_facts_add_complaint (copy, complaints->pdata[i]);
      for (guint e = 0; e < events->len; e++)
        rd_case_facts_add_event (copy, complaints->pdata[i], events->pdata[e]);
    }
  return copy;
}

/* The timeline read from the store an entry at a time, as the bundle now
 * makes it once the case is let go, is the one made from the case held
 * whole: the same weeks with the same counts, reports, contacts and
 * deadlines, in the same order, saying the same, on the same rows; and no
 * entry is held once it is made. */
static void
test_timeline_read_from_store (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_JANUARY, 2024);
  g_autoptr(RdCaseFacts) facts = NULL;
  g_autoptr(RdCaseFacts) people = NULL;
  g_autoptr(RdDashboard) dashboard = NULL;
  g_autoptr(RdTimeline) whole = NULL;
  g_autoptr(RdTimeline) read = NULL;
  guint n_weeks = 0, n_counted = 0;

  save_reported_incidents (f);
  facts = rd_case_facts_load_brief (f->store, f->case_id, &error);
  g_assert_no_error (error);
  dashboard = rd_dashboard_new (facts, NULL, today);
  whole = rd_timeline_new_for_dashboard (facts, dashboard);
  people = people_and_complaints (facts);
  g_clear_object (&facts);
  g_atomic_int_set (&n_alive, 0);
  read = rd_timeline_new_from_store (f->store, f->case_id, people, dashboard, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_records_alive (), ==, 0);

  g_assert_cmpuint (rd_timeline_count_kind (whole, RD_TIMELINE_REPORT), ==, 20);
  g_assert_cmpuint (rd_timeline_count_kind (whole, RD_TIMELINE_CONTACT), ==, N_CONTACTS);
  g_assert_cmpuint (rd_timeline_get_n_items (read), ==, rd_timeline_get_n_items (whole));
  for (guint i = 0; i < rd_timeline_get_n_items (whole); i++)
    {
      const RdTimelineItem *a = rd_timeline_get_item (whole, i);
      const RdTimelineItem *b = rd_timeline_get_item (read, i);

      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpint (g_date_compare (&a->date, &b->date), ==, 0);
      g_assert_cmpuint (a->total, ==, b->total);
      g_assert_cmpmem (a->counts, sizeof a->counts, b->counts, sizeof b->counts);
      g_assert_cmpint (a->category, ==, b->category);
      g_assert_cmpint (a->landlord, ==, b->landlord);
      g_assert_cmpint (a->row, ==, b->row);
      g_assert_cmpstr (a->when, ==, b->when);
      g_assert_cmpstr (a->heading, ==, b->heading);
      g_assert_cmpuint (a->digest, ==, b->digest);
      if (a->kind == RD_TIMELINE_WEEK)
        {
          n_weeks++;
          n_counted += a->total;
        }
    }
  /* Every entry is counted in its week, the fixture's and these. */
  g_assert_cmpuint (n_weeks, >, 20);
  g_assert_cmpuint (n_counted, ==, N_INCIDENTS + 60);
  g_assert_cmpuint (rd_timeline_get_max_week_total (read), ==,
                    rd_timeline_get_max_week_total (whole));
}

/* Each diary entry read while the bundle is built, for the tests below:
 * the bundle is built on a thread of its own, and its snapshot keeps the
 * hook once the tests have stopped keeping (stop_keeping_reads()). */
static GMutex read_lock;
static GPtrArray *read_incidents;
static guint n_read;
static guint n_read_here;  /* on the thread that started keeping */
static GThread *keeping_thread;

static void
keep_read_cb (GObject  *record,
              gpointer  user_data)
{
  g_mutex_lock (&read_lock);
  if (read_incidents != NULL && RD_IS_INCIDENT (record))
    g_ptr_array_add (read_incidents, g_object_ref (record));
  if (read_incidents != NULL && (RD_IS_INCIDENT (record) || RD_IS_CONTACT (record)))
    {
      n_read++;
      if (g_thread_self () == keeping_thread)
        n_read_here++;
    }
  g_mutex_unlock (&read_lock);
}

static GPtrArray *
stop_keeping_reads (Fixture *f)
{
  GPtrArray *kept;

  rd_store_set_read_hook (f->store, NULL, NULL);
  g_mutex_lock (&read_lock);
  kept = g_steal_pointer (&read_incidents);
  g_mutex_unlock (&read_lock);
  return kept;
}

static void
start_keeping_reads (Fixture *f)
{
  g_mutex_lock (&read_lock);
  g_clear_pointer (&read_incidents, g_ptr_array_unref);
  read_incidents = g_ptr_array_new_with_free_func (g_object_unref);
  n_read = 0;
  n_read_here = 0;
  keeping_thread = g_thread_self ();
  g_mutex_unlock (&read_lock);
  rd_store_set_read_hook (f->store, keep_read_cb, NULL);
}

/* The deadlines and the letter read no more of a diary entry than its
 * summary, so the bundle is built from entries read brief; the timeline,
 * made once they are let go, reads each entry again, one at a time, and
 * keeps none; the chronology still writes each entry whole, read a page
 * at a time. */
static void
test_bundle_reads_brief (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdBundle) bundle = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_local (2023, 3, 4, 22, 15, 0);
  g_autofree char *out_dir = g_dir_make_tmp ("redress-chronology-brief-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (out_dir, "bundle.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_JANUARY, 2024);
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GPtrArray) read = NULL;
  RdCaseBundleOptions options;
  guint n_whole = 0;

  rd_incident_set_case_id (incident, f->case_id);
  rd_incident_set_starts_at (incident, at);
  rd_incident_set_description (incident, "Shouting on the stairs.\nThe door was kicked twice.");
  rd_incident_set_location (incident, "Stairwell by flat 4");
  rd_incident_set_impact (incident, "My son could not sleep");
  rd_incident_set_witnesses (incident, "Mrs Okafor");
  g_assert_true (rd_store_save_incident (f->store, incident, NULL, &error));
  g_assert_no_error (error);

  start_keeping_reads (f);
  rd_case_bundle_options_init (&options);
  options.today = today;
  bundle = rd_case_bundle_build (f->store, f->case_id, &options, NULL, &error);
  g_assert_no_error (error);
  read = stop_keeping_reads (f);

  g_assert_cmpuint (read->len, ==, 2 * (N_INCIDENTS + 1));
  for (guint i = 0; i < read->len; i++)
    {
      RdIncident *entry = read->pdata[i];

      if (*rd_incident_get_location (entry) != '\0' || *rd_incident_get_impact (entry) != '\0' ||
          *rd_incident_get_witnesses (entry) != '\0' ||
          strchr (rd_incident_get_description (entry), '\n') != NULL)
        {
          /* Read by the timeline, which let it go: only this test holds it. */
          g_assert_cmpuint (G_OBJECT (entry)->ref_count, ==, 1);
          n_whole++;
        }
    }
  /* Only the one entry that says more than its summary, and only once. */
  g_assert_cmpuint (n_whole, ==, 1);

  g_assert_true (rd_bundle_write (bundle, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = rd_fixture_pdf_text (out);
  flat = g_strdelimit (g_strdup (text), "\n\f", ' ');
  g_assert_nonnull (strstr (flat, "Shouting on the stairs."));
  g_assert_nonnull (strstr (flat, "The door was kicked twice."));
  g_assert_nonnull (strstr (flat, "Stairwell by flat 4"));
  g_assert_nonnull (strstr (flat, "My son could not sleep"));
  g_assert_nonnull (strstr (flat, "Mrs Okafor"));
  g_assert_cmpint (g_unlink (out), ==, 0);
  g_assert_cmpint (g_rmdir (out_dir), ==, 0);
}

/* The chronology's title and the anonymised bundle's key need the case
 * and its parties: no diary entry or contact is read for them. */
static void
test_people_only (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redress-chronology-key-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "key.txt", NULL);
  g_autofree char *title = NULL;
  g_autofree char *key = NULL;
  RdCaseBundleOptions options;

  start_keeping_reads (f);
  rd_case_bundle_options_init (&options);
  options.anonymise = TRUE;
  title = rd_case_bundle_dup_chronology_title (f->store, f->case_id, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (title, ==, "Chronology: Damp at Flat 2");
  g_assert_true (rd_case_bundle_write_anonymise_key (f->store, f->case_id, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &key, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (key, "Gary Pollard"));
  g_ptr_array_unref (stop_keeping_reads (f));
  g_assert_cmpuint (n_read, ==, 0);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The letter an export would start with is worked out from the case read
 * on a thread of its own, as the bundle's build is, so that the caller's
 * arena is not left with the case's pieces (the command line asks before
 * it exports). */
static void
test_letter_suggested_apart (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_JANUARY, 2024);
  RdLetterKind kind = RD_LETTER_N_KINDS;

  start_keeping_reads (f);
  if (rd_case_bundle_suggest_letter (f->store, f->case_id, today, &kind, &error))
    g_assert_cmpint (kind, <, RD_LETTER_N_KINDS);
  g_assert_no_error (error);
  g_ptr_array_unref (stop_keeping_reads (f));
  g_assert_cmpuint (n_read, ==, N_INCIDENTS + N_CONTACTS);
  g_assert_cmpuint (n_read_here, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  umask (022);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chronology-pages/same-as-whole", Fixture, NULL, fixture_setup, test_same_as_whole,
              fixture_teardown);
  g_test_add ("/chronology-pages/holds-a-page", Fixture, NULL, fixture_setup, test_holds_a_page,
              fixture_teardown);
  g_test_add ("/chronology-pages/read-fails", Fixture, NULL, fixture_setup, test_read_fails,
              fixture_teardown);
  g_test_add ("/chronology-pages/snapshot", Fixture, NULL, fixture_setup, test_snapshot,
              fixture_teardown);
  g_test_add ("/chronology-pages/bundle-holds-a-page", Fixture, NULL, fixture_setup,
              test_bundle_holds_a_page, fixture_teardown);
  g_test_add ("/chronology-pages/bundle-reads-brief", Fixture, NULL, fixture_setup,
              test_bundle_reads_brief, fixture_teardown);
  g_test_add ("/chronology-pages/timeline-read-from-store", Fixture, NULL, fixture_setup,
              test_timeline_read_from_store, fixture_teardown);
  g_test_add ("/chronology-pages/people-only", Fixture, NULL, fixture_setup, test_people_only,
              fixture_teardown);
  g_test_add ("/chronology-pages/letter-suggested-apart", Fixture, NULL, fixture_setup,
              test_letter_suggested_apart, fixture_teardown);
  return g_test_run ();
}
