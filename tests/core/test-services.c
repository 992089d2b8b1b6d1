/* test-services.c: the core services' async path: progress notified on the
 * main loop and reaching 1; a cancel, before or during the work, leaves the
 * store and the disk as they were; what a worker writes is announced on the
 * caller's connection.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rd-core.h"
#include "advisers-fixtures.h"
#include "store-fixtures.h"
#include "rd-test-fixtures.h"
#include "evidence-fixtures.h"

#define MARKER "svc7marker"

typedef struct {
  char    *dir;
  char    *data_dir;
  char    *work;
  char    *out_dir;
  RdStore *store;
  gint64   case_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("redress-services-XXXXXX", &error);
  g_assert_no_error (error);
  f->data_dir = g_build_filename (f->dir, "data", NULL);
  f->work = g_build_filename (f->dir, "work", NULL);
  f->out_dir = g_build_filename (f->dir, "out", NULL);
  g_assert_cmpint (g_mkdir (f->work, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (f->out_dir, 0700), ==, 0);
  f->store = rd_store_open (f->data_dir, &error);
  g_assert_no_error (error);
  f->case_id = advisers_make_full_case (f->store, f->work, MARKER);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  fixture_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->data_dir);
  g_free (f->work);
  g_free (f->out_dir);
}

/* Follows one service call: its result, and what its progress told the main loop. */
typedef struct {
  GAsyncResult *result;
  RdProgress   *progress;
  GCancellable *cancellable;
  guint         n_notified;
  double        last_fraction;
  gboolean      cancel_on_progress;
} Call;

static void
on_progress_cb (RdProgress *progress,
                GParamSpec *pspec,
                Call       *call)
{
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_cmpfloat (rd_progress_get_fraction (progress), >=, call->last_fraction);
  call->last_fraction = rd_progress_get_fraction (progress);
  call->n_notified++;
  if (call->cancel_on_progress)
    g_cancellable_cancel (call->cancellable);
}

static void
call_init (Call *call)
{
  memset (call, 0, sizeof *call);
  call->progress = rd_progress_new ();
  call->cancellable = g_cancellable_new ();
  g_signal_connect (call->progress, "notify::fraction", G_CALLBACK (on_progress_cb), call);
}

static void
call_clear (Call *call)
{
  g_clear_object (&call->result);
  g_clear_object (&call->progress);
  g_clear_object (&call->cancellable);
}

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  Call *call = data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  call->result = g_object_ref (result);
}

static GAsyncResult *
call_wait (Call *call)
{
  while (call->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE));
  return call->result;
}

/* g_ptr_array_sort() hands over pointers to the elements */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every file in @dir, as one sorted line, so "as it was" can be compared. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, (char *) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_export_bundle (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->out_dir, "bundle.pdf", NULL);
  g_autoptr(RdBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  Call call;

  call_init (&call);
  rd_export_bundle_async (f->store, f->case_id, NULL, out, call.progress, call.cancellable,
                          on_done_cb, &call);
  bundle = rd_export_bundle_finish (call_wait (&call), &error);
  g_assert_no_error (error);
  g_assert_nonnull (bundle);
  g_assert_cmpint (rd_bundle_get_n_pages (bundle), >, 1);
  g_assert_cmpint (rd_fixture_pdf_n_pages (out), ==, rd_bundle_get_n_pages (bundle));
  rd_fixture_assert_qpdf_check (out);
  g_assert_cmpuint (call.n_notified, >=, 1);
  g_assert_cmpfloat (rd_progress_get_fraction (call.progress), ==, 1.0);
  call_clear (&call);
}

static void
test_export_bundle_cancel (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->out_dir, "bundle.pdf", NULL);
  g_autoptr(GError) error = NULL;
  Call call;

  /* Cancelled before it starts: nothing is done at all. */
  call_init (&call);
  g_cancellable_cancel (call.cancellable);
  rd_export_bundle_async (f->store, f->case_id, NULL, out, call.progress, call.cancellable,
                          on_done_cb, &call);
  g_assert_null (rd_export_bundle_finish (call_wait (&call), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (call.n_notified, ==, 0);
  g_clear_error (&error);
  call_clear (&call);

  /* Cancelled at its first report on the main loop. The worker may have
   * finished by then (a small case): either way nothing is half done. */
  call_init (&call);
  call.cancel_on_progress = TRUE;
  rd_export_bundle_async (f->store, f->case_id, NULL, out, call.progress, call.cancellable,
                          on_done_cb, &call);
  {
    g_autoptr(RdBundle) bundle = rd_export_bundle_finish (call_wait (&call), &error);
    g_autofree char *left = list_dir (f->out_dir);

    g_assert_cmpuint (call.n_notified, >=, 1);
    if (bundle == NULL)
      {
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
        g_assert_cmpstr (left, ==, "");
      }
    else
      {
        g_assert_no_error (error);
        g_assert_cmpstr (left, ==, "bundle.pdf");
        rd_fixture_assert_qpdf_check (out);
      }
  }
  call_clear (&call);
}

static void
test_export_chronology (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->out_dir, "chronology.csv", NULL);
  g_autofree char *odt = g_build_filename (f->out_dir, "chronology.odt", NULL);
  g_autofree char *bad = g_build_filename (f->out_dir, "no-such-folder", "c.csv", NULL);
  g_autoptr(GError) error = NULL;
  Call call;

  call_init (&call);
  rd_export_chronology_async (f->store, f->case_id, NULL, RD_CHRONOLOGY_FORMAT_CSV, csv,
                              call.progress, call.cancellable, on_done_cb, &call);
  g_assert_true (rd_export_chronology_finish (call_wait (&call), &error));
  g_assert_no_error (error);
  g_assert_true (advisers_file_contains (csv, MARKER));
  g_assert_cmpfloat (rd_progress_get_fraction (call.progress), ==, 1.0);
  call_clear (&call);

  call_init (&call);
  rd_export_chronology_async (f->store, f->case_id, NULL, RD_CHRONOLOGY_FORMAT_ODT, odt,
                              call.progress, call.cancellable, on_done_cb, &call);
  g_assert_true (rd_export_chronology_finish (call_wait (&call), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (odt, G_FILE_TEST_IS_REGULAR));
  call_clear (&call);

  /* A folder that is not there: an error in words, and nothing written. */
  call_init (&call);
  rd_export_chronology_async (f->store, f->case_id, NULL, RD_CHRONOLOGY_FORMAT_CSV, bad,
                              call.progress, call.cancellable, on_done_cb, &call);
  g_assert_false (rd_export_chronology_finish (call_wait (&call), &error));
  g_assert_error (error, RD_OUTPUT_ERROR, RD_OUTPUT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_assert_cmpfloat (rd_progress_get_fraction (call.progress), <, 1.0);
  g_clear_error (&error);
  call_clear (&call);
  {
    g_autofree char *left = list_dir (f->out_dir);

    g_assert_cmpstr (left, ==, "chronology.csv chronology.odt");
  }
}

static void
on_changed_cb (RdStore    *store,
               const char *what,
               gint64      case_id,
               GString    *seen)
{
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_string_append_printf (seen, "%s ", what);
}

static guint
count_cases (RdStore *store)
{
  g_autoptr(GListModel) cases = rd_store_list_cases (store, NULL);

  return g_list_model_get_n_items (cases);
}

/* A case handed over and taken in: what the worker wrote is announced on
 * the caller's connection before the callback runs; a cancel leaves the
 * receiving store as it was. */
static void
test_handover (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *archive = g_build_filename (f->out_dir, "case.redress", NULL);
  g_autofree char *to_dir = g_build_filename (f->dir, "to", NULL);
  g_autoptr(RdStore) to = NULL;
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 imported;
  Call call;

  call_init (&call);
  rd_handover_export_async (f->store, f->case_id, archive, call.progress, call.cancellable,
                            on_done_cb, &call);
  g_assert_true (rd_handover_export_finish (call_wait (&call), &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (rd_progress_get_fraction (call.progress), ==, 1.0);
  call_clear (&call);

  to = rd_store_open (to_dir, &error);
  g_assert_no_error (error);
  g_signal_connect (to, "changed", G_CALLBACK (on_changed_cb), seen);

  /* Cancelled before it starts: the store is as it was, nobody is told. */
  call_init (&call);
  g_cancellable_cancel (call.cancellable);
  rd_handover_import_async (to, archive, 0, call.progress, call.cancellable, on_done_cb, &call);
  g_assert_cmpint (rd_handover_import_finish (call_wait (&call), &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (count_cases (to), ==, 0);
  g_assert_cmpstr (seen->str, ==, "");
  call_clear (&call);

  /* Cancelled as soon as it says what it does: all of it, or none. */
  call_init (&call);
  call.cancel_on_progress = TRUE;
  g_signal_connect_swapped (call.progress, "notify::message", G_CALLBACK (g_cancellable_cancel),
                            call.cancellable);
  rd_handover_import_async (to, archive, 0, call.progress, call.cancellable, on_done_cb, &call);
  imported = rd_handover_import_finish (call_wait (&call), &error);
  if (imported == 0)
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      g_assert_cmpuint (count_cases (to), ==, 0);
      g_assert_cmpstr (seen->str, ==, "");
    }
  else
    g_assert_cmpuint (count_cases (to), ==, 1);
  call_clear (&call);

  if (imported == 0)
    {
      call_init (&call);
      rd_handover_import_async (to, archive, 0, call.progress, call.cancellable, on_done_cb, &call);
      imported = rd_handover_import_finish (call_wait (&call), &error);
      g_assert_no_error (error);
      g_assert_cmpfloat (rd_progress_get_fraction (call.progress), ==, 1.0);
      call_clear (&call);
    }
  g_assert_cmpint (imported, >, 0);
  g_assert_cmpuint (count_cases (to), ==, 1);
  g_assert_nonnull (strstr (seen->str, "cases "));
  g_assert_nonnull (strstr (seen->str, "evidence "));
}

static void
test_erase (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  Call call;

  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed_cb), seen);
  call_init (&call);
  g_cancellable_cancel (call.cancellable);
  rd_erase_case_async (f->store, f->case_id, call.progress, call.cancellable, on_done_cb, &call);
  g_assert_false (rd_erase_case_finish (call_wait (&call), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (count_cases (f->store), ==, 1);
  g_assert_cmpstr (seen->str, ==, "");
  call_clear (&call);

  call_init (&call);
  rd_erase_case_async (f->store, f->case_id, call.progress, call.cancellable, on_done_cb, &call);
  g_assert_true (rd_erase_case_finish (call_wait (&call), &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (rd_progress_get_fraction (call.progress), ==, 1.0);
  g_assert_cmpuint (count_cases (f->store), ==, 0);
  g_assert_nonnull (strstr (seen->str, "cases "));
  g_assert_nonnull (strstr (seen->str, "evidence "));
  g_assert_false (advisers_tree_contains (f->data_dir, MARKER));
  call_clear (&call);
}

/* The notifier's alerts, worked out off the main thread, are the ones the
 * same call makes on the caller's thread; asking for one case gives its own. */
static void
test_deadline_alerts (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_JUNE, 2026);
  g_autoptr(GPtrArray) here = NULL;
  g_autoptr(GPtrArray) there = NULL;
  g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  Call call;

  here = rd_deadline_alerts_collect (f->store, NULL, today, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (here->len, >, 0);

  g_array_append_val (one, f->case_id);
  call_init (&call);
  rd_deadline_alerts_collect_async (f->store, one, today, call.cancellable, on_done_cb, &call);
  there = rd_deadline_alerts_collect_finish (call_wait (&call), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (there->len, ==, here->len);
  for (guint i = 0; i < here->len; i++)
    {
      RdDeadlineAlert *a = g_ptr_array_index (here, i);
      RdDeadlineAlert *b = g_ptr_array_index (there, i);

      g_assert_cmpint (a->case_id, ==, f->case_id);
      g_assert_cmpint (b->case_id, ==, f->case_id);
      g_assert_cmpstr (a->key, ==, b->key);
      g_assert_cmpstr (a->status_text, ==, b->status_text);
      g_assert_cmpint (a->overdue, ==, b->overdue);
    }
  call_clear (&call);
}

/* Jobs started together read a case once and share the snapshot; a job
 * started after a change never gets the case as it was before it. */
static void
test_snapshot_shared (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RdCaseSnapshot) first = NULL;
  g_autoptr(RdCaseSnapshot) second = NULL;
  g_autoptr(RdCaseSnapshot) after = NULL;
  g_autoptr(RdCase) rcase = NULL;
  g_autoptr(GError) error = NULL;
  Call a, b;

  call_init (&a);
  call_init (&b);
  rd_case_service_load_snapshot_async (f->store, f->case_id, a.cancellable, on_done_cb, &a);
  rd_case_service_load_snapshot_async (f->store, f->case_id, b.cancellable, on_done_cb, &b);
  first = rd_case_service_load_snapshot_finish (f->store, call_wait (&a), &error);
  g_assert_no_error (error);
  second = rd_case_service_load_snapshot_finish (f->store, call_wait (&b), &error);
  g_assert_no_error (error);
  g_assert_true (first == second);
  call_clear (&a);
  call_clear (&b);

  rcase = rd_store_get_case (f->store, f->case_id, &error);
  g_assert_no_error (error);
  rd_case_set_title (rcase, "Renamed after the first read");
  g_assert_true (rd_store_save_case (f->store, rcase, &error));
  g_assert_no_error (error);

  call_init (&a);
  rd_case_service_load_snapshot_async (f->store, f->case_id, a.cancellable, on_done_cb, &a);
  after = rd_case_service_load_snapshot_finish (f->store, call_wait (&a), &error);
  g_assert_no_error (error);
  g_assert_true (after != first);
  g_assert_cmpstr (rd_case_get_title (rd_case_facts_get_case (rd_case_snapshot_get_facts (after))), ==,
                   "Renamed after the first read");
  g_assert_cmpstr (rd_case_get_title (rd_case_facts_get_case (rd_case_snapshot_get_facts (first))), !=,
                   "Renamed after the first read");
  call_clear (&a);
}

static gboolean
on_waited_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The share holds a snapshot for five seconds after it is read. A job may
 * still be reading it after that (What Next of a long diary takes seconds):
 * a job started meanwhile, with no change in between, gets that copy too,
 * not a second read of the whole case held beside it. */
static void
test_snapshot_shared_while_used (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(RdCaseSnapshot) first = NULL;
  g_autoptr(RdCaseSnapshot) later = NULL;
  g_autoptr(GError) error = NULL;
  gboolean waited = FALSE;
  Call a;

  call_init (&a);
  rd_case_service_load_snapshot_async (f->store, f->case_id, a.cancellable, on_done_cb, &a);
  first = rd_case_service_load_snapshot_finish (f->store, call_wait (&a), &error);
  g_assert_no_error (error);
  call_clear (&a);

  /* Past the share's hold, with the first job still keeping its snapshot. */
  g_timeout_add_seconds (6, on_waited_cb, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);

  call_init (&a);
  rd_case_service_load_snapshot_async (f->store, f->case_id, a.cancellable, on_done_cb, &a);
  later = rd_case_service_load_snapshot_finish (f->store, call_wait (&a), &error);
  g_assert_no_error (error);
  g_assert_true (later == first);
  call_clear (&a);
}

typedef struct {
  RdCaseSnapshot *snapshot;
  const GDate    *today;
  RdDashboard    *dashboard;
  GPtrArray      *keys;
} DashboardReader;

/* On a thread of its own: the snapshot's dashboard, and every item's key
 * read from it while the other threads read it too. */
static gpointer
read_dashboard_thread (gpointer data)
{
  DashboardReader *reader = data;
  GListModel *items;

  reader->dashboard = rd_case_snapshot_compute_dashboard (reader->snapshot, reader->today);
  items = rd_dashboard_get_items (reader->dashboard);
  reader->keys = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RdDashboardItem) item = g_list_model_get_item (items, i);

      g_ptr_array_add (reader->keys, g_strdup (rd_dashboard_item_get_key (item)));
    }
  return NULL;
}

static void
assert_same_keys (RdDashboard *dashboard,
                  GPtrArray   *keys)
{
  GListModel *items = rd_dashboard_get_items (dashboard);

  g_assert_cmpuint (g_list_model_get_n_items (items), ==, keys->len);
  for (guint i = 0; i < keys->len; i++)
    {
      g_autoptr(RdDashboardItem) item = g_list_model_get_item (items, i);

      g_assert_cmpstr (rd_dashboard_item_get_key (item), ==, g_ptr_array_index (keys, i));
    }
}

/* The jobs that share a snapshot (What Next, the timeline, the notifier)
 * share its dashboard too: threads asking at once for the same day in the
 * same language get one dashboard, worked out once, and read it whole; it
 * says what a dashboard worked out alone says. Another day, or another
 * language, gets its own; the timeline shows the shared one's deadlines. */
static void
test_dashboard_shared (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_JUNE, 2026);
  g_autoptr(GDate) tomorrow = g_date_new_dmy (2, G_DATE_JUNE, 2026);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCaseSnapshot) snapshot = rd_case_snapshot_load (f->store, f->case_id, &error);
  g_autoptr(RdDashboard) alone = NULL;
  g_autoptr(RdDashboard) shared = NULL;
  g_autoptr(RdDashboard) other_day = NULL;
  g_autoptr(RdDashboard) welsh = NULL;
  g_autoptr(RdTimeline) timeline = NULL;
  g_autoptr(RdTimeline) timeline_alone = NULL;
  DashboardReader readers[4];
  GThread *threads[G_N_ELEMENTS (readers)];
  char *previous;

  g_assert_no_error (error);
  alone = rd_dashboard_new (rd_case_snapshot_get_facts (snapshot),
                            rd_case_snapshot_get_policy (snapshot), today);
  g_assert_cmpuint (g_list_model_get_n_items (rd_dashboard_get_items (alone)), >, 1);
  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      readers[i] = (DashboardReader) { snapshot, today, NULL, NULL };
      threads[i] = g_thread_new ("dashboard-reader", read_dashboard_thread, &readers[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_thread_join (threads[i]);
      g_assert_true (readers[i].dashboard == readers[0].dashboard);
      assert_same_keys (alone, readers[i].keys);
    }
  shared = rd_case_snapshot_compute_dashboard (snapshot, today);
  g_assert_true (shared == readers[0].dashboard);
  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_object_unref (readers[i].dashboard);
      g_ptr_array_unref (readers[i].keys);
    }

  other_day = rd_case_snapshot_compute_dashboard (snapshot, tomorrow);
  g_assert_true (other_day != shared);
  g_assert_cmpint (g_date_compare (rd_dashboard_get_today (other_day), tomorrow), ==, 0);
  previous = rd_i18n_push_language ("cy");
  welsh = rd_case_snapshot_compute_dashboard (snapshot, tomorrow);
  rd_i18n_pop_language (previous);
  g_assert_true (welsh != other_day);

  timeline = rd_case_snapshot_build_timeline (snapshot, today);
  timeline_alone = rd_timeline_new (rd_case_snapshot_get_facts (snapshot),
                                    rd_case_snapshot_get_policy (snapshot), today);
  g_assert_cmpuint (rd_timeline_get_n_items (timeline), ==, rd_timeline_get_n_items (timeline_alone));
  g_assert_cmpuint (rd_timeline_count_kind (timeline, RD_TIMELINE_STAGE), >, 0);
  for (guint i = 0; i < rd_timeline_get_n_items (timeline); i++)
    {
      g_autofree char *a = rd_timeline_item_dup_text (rd_timeline_get_item (timeline, i));
      g_autofree char *b = rd_timeline_item_dup_text (rd_timeline_get_item (timeline_alone, i));

      g_assert_cmpstr (a, ==, b);
    }
}

/* redress-cli export with stderr on a terminal (a pty from script(1)):
 * the bar is drawn there and ends at 100%; stdout keeps only the result. */
static void
test_cli_progress_tty (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->out_dir, "bundle.pdf", NULL);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->case_id);
  g_autofree char *q_cli = g_shell_quote (g_getenv ("REDRESS_CLI"));
  g_autofree char *q_dir = g_shell_quote (f->data_dir);
  g_autofree char *q_out = g_shell_quote (out);
  g_autofree char *stdout_file = g_build_filename (f->dir, "stdout.txt", NULL);
  g_autofree char *q_stdout = g_shell_quote (stdout_file);
  g_autofree char *command = NULL;
  g_autofree char *terminal = NULL;
  g_autofree char *result = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_clear_object (&f->store);
  /* stderr stays on the pty; stdout goes to a file. */
  command = g_strdup_printf ("%s --data-dir %s export %s --output %s >%s", q_cli, q_dir, id, q_out,
                             q_stdout);
  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) "script", (char *) "-qec", command,
                                                   (char *) "/dev/null", NULL },
                               NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &terminal, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (terminal, "\r["));
  g_assert_nonnull (strstr (terminal, "] 100%"));
  g_assert_true (g_file_get_contents (stdout_file, &result, NULL, NULL));
  g_assert_null (strchr (result, '\r'));
  g_assert_nonnull (strstr (result, "pages"));
  rd_fixture_assert_qpdf_check (out);
}

/* The same with stderr a pipe: no bar, no carriage return, nothing but messages. */
static void
test_cli_progress_pipe (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->out_dir, "bundle.pdf", NULL);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->case_id);
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;

  g_clear_object (&f->store);
  g_assert_cmpint (fixture_run_cli (f->data_dir,
                                    (const char *[]) { "export", id, "--output", out, NULL },
                                    &stdout_text, &stderr_text), ==, 0);
  g_assert_null (strchr (stderr_text, '\r'));
  g_assert_null (strstr (stderr_text, "%"));
  g_assert_null (strchr (stdout_text, '\r'));
  g_assert_nonnull (strstr (stdout_text, "pages"));
  rd_fixture_assert_qpdf_check (out);
}

/* The snapshot the jobs share leaves out of each diary entry the text
 * none of them reads (issue 17: megabytes at 100,000 entries), keeping
 * its summary; What Next and the timeline made from it say what they say
 * from the case read whole, which a letter or an export still reads. */
static void
test_snapshot_brief (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RdCaseSnapshot) whole = NULL;
  g_autoptr(RdCaseSnapshot) brief = NULL;
  g_autoptr(RdDashboard) dashboard = NULL;
  g_autoptr(RdDashboard) whole_dashboard = NULL;
  g_autoptr(RdTimeline) timeline = NULL;
  g_autoptr(RdTimeline) whole_timeline = NULL;
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GDateTime) at = g_date_time_new_local (2026, 11, 2, 21, 0, 0);
  g_autoptr(GDate) reported = g_date_new_dmy (3, 11, 2026);
  g_autoptr(GDate) today = g_date_new_dmy (7, 12, 2026);
  g_autoptr(GError) error = NULL;
  GListModel *items, *whole_items;
  GPtrArray *entries, *whole_entries;
  guint shortened = 0;
  Call a;

  rd_incident_set_case_id (incident, f->case_id);
  rd_incident_set_starts_at (incident, at);
  rd_incident_set_category (incident, RD_CATEGORY_DISREPAIR);
  rd_incident_set_description (incident, "  Water through the kitchen ceiling\n"
                                         "It came after the storm and ran down the wall.");
  rd_incident_set_location (incident, "Kitchen");
  rd_incident_set_impact (incident, "We could not cook for a week");
  rd_incident_set_people (incident, "The upstairs neighbour");
  rd_incident_set_witnesses (incident, "My sister");
  rd_incident_set_reported_to (incident, RD_REPORTED_LANDLORD);
  rd_incident_set_landlord_reported_on (incident, reported);
  g_assert_true (rd_store_save_incident (f->store, incident, NULL, &error));
  g_assert_no_error (error);

  whole = rd_case_service_load_snapshot (f->store, f->case_id, &error);
  g_assert_no_error (error);
  call_init (&a);
  rd_case_service_load_snapshot_async (f->store, f->case_id, a.cancellable, on_done_cb, &a);
  brief = rd_case_service_load_snapshot_finish (f->store, call_wait (&a), &error);
  g_assert_no_error (error);
  call_clear (&a);

  entries = rd_case_facts_get_incidents (rd_case_snapshot_get_facts (brief));
  whole_entries = rd_case_facts_get_incidents (rd_case_snapshot_get_facts (whole));
  g_assert_cmpuint (entries->len, ==, whole_entries->len);
  g_assert_cmpuint (entries->len, >, 1);
  for (guint i = 0; i < entries->len; i++)
    {
      RdIncident *kept = g_ptr_array_index (entries, i);
      RdIncident *read = g_ptr_array_index (whole_entries, i);
      g_autofree char *summary = rd_incident_dup_summary (kept);
      g_autofree char *whole_summary = rd_incident_dup_summary (read);

      g_assert_cmpint (rd_incident_get_id (kept), ==, rd_incident_get_id (read));
      g_assert_cmpstr (summary, ==, whole_summary);
      g_assert_cmpstr (rd_incident_get_location (kept), ==, "");
      g_assert_cmpstr (rd_incident_get_impact (kept), ==, "");
      g_assert_cmpstr (rd_incident_get_people (kept), ==, "");
      g_assert_cmpstr (rd_incident_get_witnesses (kept), ==, "");
      shortened += strlen (rd_incident_get_description (kept)) < strlen (rd_incident_get_description (read));
    }
  g_assert_cmpuint (shortened, >, 0);

  dashboard = rd_dashboard_new (rd_case_snapshot_get_facts (brief), rd_case_snapshot_get_policy (brief), today);
  whole_dashboard = rd_dashboard_new (rd_case_snapshot_get_facts (whole), rd_case_snapshot_get_policy (whole),
                                      today);
  items = rd_dashboard_get_items (dashboard);
  whole_items = rd_dashboard_get_items (whole_dashboard);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, g_list_model_get_n_items (whole_items));
  g_assert_cmpuint (g_list_model_get_n_items (items), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RdDashboardItem) item = g_list_model_get_item (items, i);
      g_autoptr(RdDashboardItem) whole_item = g_list_model_get_item (whole_items, i);
      g_autofree char *status = rd_dashboard_item_dup_status_text (item);
      g_autofree char *whole_status = rd_dashboard_item_dup_status_text (whole_item);

      g_assert_cmpstr (rd_dashboard_item_get_context (item), ==, rd_dashboard_item_get_context (whole_item));
      g_assert_cmpstr (rd_dashboard_item_get_explanation (item), ==,
                       rd_dashboard_item_get_explanation (whole_item));
      g_assert_cmpstr (status, ==, whole_status);
    }

  timeline = rd_timeline_new_for_dashboard (rd_case_snapshot_get_facts (brief), dashboard);
  whole_timeline = rd_timeline_new_for_dashboard (rd_case_snapshot_get_facts (whole), whole_dashboard);
  g_assert_cmpuint (rd_timeline_get_n_items (timeline), ==, rd_timeline_get_n_items (whole_timeline));
  for (guint i = 0; i < rd_timeline_get_n_items (timeline); i++)
    {
      g_autofree char *text = rd_timeline_item_dup_text (rd_timeline_get_item (timeline, i));
      g_autofree char *whole_text = rd_timeline_item_dup_text (rd_timeline_get_item (whole_timeline, i));

      g_assert_cmpstr (text, ==, whole_text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/services/export-bundle", Fixture, NULL, fixture_setup, test_export_bundle, fixture_teardown);
  g_test_add ("/services/export-bundle-cancel", Fixture, NULL, fixture_setup, test_export_bundle_cancel, fixture_teardown);
  g_test_add ("/services/export-chronology", Fixture, NULL, fixture_setup, test_export_chronology, fixture_teardown);
  g_test_add ("/services/handover", Fixture, NULL, fixture_setup, test_handover, fixture_teardown);
  g_test_add ("/services/erase", Fixture, NULL, fixture_setup, test_erase, fixture_teardown);
  g_test_add ("/services/deadline-alerts", Fixture, NULL, fixture_setup, test_deadline_alerts, fixture_teardown);
  g_test_add ("/services/snapshot-shared", Fixture, NULL, fixture_setup, test_snapshot_shared, fixture_teardown);
  g_test_add ("/services/snapshot-shared-while-used", Fixture, NULL, fixture_setup,
              test_snapshot_shared_while_used, fixture_teardown);
  g_test_add ("/services/snapshot-brief", Fixture, NULL, fixture_setup, test_snapshot_brief, fixture_teardown);
  g_test_add ("/services/dashboard-shared", Fixture, NULL, fixture_setup, test_dashboard_shared, fixture_teardown);
  g_test_add ("/services/cli-progress-tty", Fixture, NULL, fixture_setup, test_cli_progress_tty, fixture_teardown);
  g_test_add ("/services/cli-progress-pipe", Fixture, NULL, fixture_setup, test_cli_progress_pipe, fixture_teardown);
  return g_test_run ();
}
