/* test-archive-cancel.c: a hand-over (export-case, import-case) reports
 * each of its phases in order, and a cancel in any phase, at its start or
 * part way through, stops it within that phase and leaves the store, the
 * evidence folder and the output's folder as they were.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "rd-core.h"
#include "advisers-fixtures.h"
#include "evidence-fixtures.h"

/* Enough entries that each list of the document is reported part way
 * through (a report every 64 records). */
#define N_ENTRIES 300

typedef struct {
  char    *dir;
  char    *from_dir;
  char    *to_dir;
  char    *out_dir;
  char    *archive;
  RdStore *from;
  RdStore *to;
  gint64   case_id;
} Fixture;

/* One cancel: at the start of @phase, or at its first report part way. */
typedef struct {
  RdCaseArchivePhase phase;
  gboolean           midway;
} Moment;

typedef struct {
  const Moment *moment;
  GCancellable *cancellable;
  GArray       *begun;        /* RdCaseArchivePhase, in the order they began */
  double        last_fraction;
  gboolean      cancelled;
  gboolean      in_order;     /* fractions within 0 and 1, and never back within a phase */
} Watch;

static void
add_entries (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) first = g_date_time_new_local (2023, 3, 1, 20, 0, 0);

  g_assert_true (rd_store_begin (f->from, &error));
  for (guint i = 0; i < N_ENTRIES; i++)
    {
      g_autoptr(RdIncident) incident = rd_incident_new ();
      g_autoptr(GDateTime) at = g_date_time_add_minutes (first, (gint64) i * 131);
      g_autofree char *text = g_strdup_printf ("Entry %u: shouting on the landing", i);

      rd_incident_set_case_id (incident, f->case_id);
      rd_incident_set_starts_at (incident, at);
      rd_incident_set_category (incident, RD_CATEGORY_NOISE);
      rd_incident_set_description (incident, text);
      g_assert_true (rd_store_save_incident (f->from, incident, NULL, &error));
      if (i % 3 == 0)
        {
          g_autofree char *changed = g_strdup_printf ("%s, and again at two in the morning", text);

          rd_incident_set_description (incident, changed);
          g_assert_true (rd_store_save_incident (f->from, incident, NULL, &error));
        }
    }
  g_assert_true (rd_store_commit (f->from, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *work = NULL;

  f->dir = g_dir_make_tmp ("redress-archive-cancel-XXXXXX", &error);
  g_assert_no_error (error);
  f->from_dir = g_build_filename (f->dir, "from", NULL);
  f->to_dir = g_build_filename (f->dir, "to", NULL);
  f->out_dir = g_build_filename (f->dir, "out", NULL);
  f->archive = g_build_filename (f->dir, "case.redress", NULL);
  work = g_build_filename (f->dir, "work", NULL);
  g_assert_cmpint (g_mkdir (work, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (f->out_dir, 0700), ==, 0);
  f->from = rd_store_open (f->from_dir, &error);
  g_assert_no_error (error);
  f->to = rd_store_open (f->to_dir, &error);
  g_assert_no_error (error);

  f->case_id = advisers_make_full_case (f->from, work, "first");
  add_entries (f);
  g_assert_true (rd_case_archive_export (f->from, f->case_id, f->archive, NULL, &error));
  g_assert_no_error (error);
  /* The store taken into holds a case of its own, with its evidence. */
  advisers_make_full_case (f->to, work, "second");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->from);
  g_clear_object (&f->to);
  fixture_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->from_dir);
  g_free (f->to_dir);
  g_free (f->out_dir);
  g_free (f->archive);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The names under @dir, two levels down (the evidence folder and its
 * staging folders), sorted, one a line. */
static void
list_tree (GString    *out,
           const char *dir,
           const char *prefix,
           guint       depth)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autofree char *shown = g_build_filename (prefix, g_ptr_array_index (names, i), NULL);

      g_string_append_printf (out, "%s\n", shown);
      if (depth > 0 && g_file_test (path, G_FILE_TEST_IS_DIR))
        list_tree (out, path, shown, depth - 1);
    }
}

/* What a hand-over could leave behind: the store's rows, and the files in
 * the data folder and beside the export's output. */
static char *
snapshot (Fixture *f)
{
  static const char * const tables[] = {
    "cases", "incidents", "incident_revisions", "contacts", "parties", "complaints",
    "complaint_events", "evidence", "evidence_links", "case_admin",
  };
  GString *out = g_string_new (NULL);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    g_string_append_printf (out, "%s: %u\n", tables[t], advisers_count_rows (f->to, tables[t]));
  list_tree (out, f->to_dir, "to", 2);
  list_tree (out, f->out_dir, "out", 2);
  return g_string_free (out, FALSE);
}

static void
watch_cb (RdCaseArchivePhase  phase,
          double              fraction,
          gpointer            data)
{
  Watch *watch = data;
  gboolean new_phase = watch->begun->len == 0 ||
                       g_array_index (watch->begun, RdCaseArchivePhase, watch->begun->len - 1) != phase;

  g_assert_cmpint (phase, <, RD_CASE_ARCHIVE_N_PHASES);
  if (new_phase)
    {
      g_array_append_val (watch->begun, phase);
      /* Each phase says first that it begins. */
      if (fraction != 0)
        watch->in_order = FALSE;
    }
  else if (fraction < watch->last_fraction)
    watch->in_order = FALSE;
  if (fraction < 0 || fraction > 1)
    watch->in_order = FALSE;
  watch->last_fraction = fraction;

  if (watch->moment != NULL && !watch->cancelled && phase == watch->moment->phase &&
      (watch->moment->midway ? fraction > 0 : TRUE))
    {
      watch->cancelled = TRUE;
      g_cancellable_cancel (watch->cancellable);
    }
}

static void
watch_init (Watch        *watch,
            const Moment *moment)
{
  watch->moment = moment;
  watch->cancellable = g_cancellable_new ();
  watch->begun = g_array_new (FALSE, FALSE, sizeof (RdCaseArchivePhase));
  watch->last_fraction = 0;
  watch->cancelled = FALSE;
  watch->in_order = TRUE;
}

static void
watch_clear (Watch *watch)
{
  g_clear_object (&watch->cancellable);
  g_clear_pointer (&watch->begun, g_array_unref);
}

static gboolean
is_import_phase (RdCaseArchivePhase phase)
{
  return phase >= RD_CASE_ARCHIVE_PHASE_READ_ARCHIVE;
}

/* A whole export and import report every phase, in order. */
static void
test_phases (Fixture       *f,
             gconstpointer  data)
{
  static const RdCaseArchivePhase export_phases[] = {
    RD_CASE_ARCHIVE_PHASE_WRITE_CASE, RD_CASE_ARCHIVE_PHASE_PACK_CASE, RD_CASE_ARCHIVE_PHASE_PACK_FILES,
  };
  static const RdCaseArchivePhase import_phases[] = {
    RD_CASE_ARCHIVE_PHASE_READ_ARCHIVE, RD_CASE_ARCHIVE_PHASE_READ_CASE,
    RD_CASE_ARCHIVE_PHASE_READ_REVISIONS, RD_CASE_ARCHIVE_PHASE_READ_EVIDENCE,
    RD_CASE_ARCHIVE_PHASE_READ_TIMES,
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *output = g_build_filename (f->out_dir, "case.redress", NULL);
  Watch watch;

  watch_init (&watch, NULL);
  g_assert_true (rd_case_archive_export_full (f->from, f->case_id, output, watch_cb, &watch, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (watch.in_order);
  g_assert_cmpmem (watch.begun->data, watch.begun->len * sizeof (RdCaseArchivePhase),
                   export_phases, sizeof export_phases);
  watch_clear (&watch);

  watch_init (&watch, NULL);
  g_assert_cmpint (rd_case_archive_import_full (f->to, output, 0, watch_cb, &watch, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (watch.in_order);
  g_assert_cmpmem (watch.begun->data, watch.begun->len * sizeof (RdCaseArchivePhase),
                   import_phases, sizeof import_phases);
  watch_clear (&watch);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  const Moment *moment = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = g_build_filename (f->out_dir, "case.redress", NULL);
  g_autofree char *before = snapshot (f);
  g_autofree char *after = NULL;
  gboolean ok;
  Watch watch;

  watch_init (&watch, moment);
  if (is_import_phase (moment->phase))
    ok = rd_case_archive_import_full (f->to, f->archive, 0, watch_cb, &watch, watch.cancellable,
                                      &error) > 0;
  else
    ok = rd_case_archive_export_full (f->from, f->case_id, output, watch_cb, &watch, watch.cancellable,
                                      &error);
  g_assert_true (watch.cancelled);
  g_assert_false (ok);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Stopped within the phase it was cancelled in. */
  g_assert_cmpint (g_array_index (watch.begun, RdCaseArchivePhase, watch.begun->len - 1), ==,
                   moment->phase);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
  watch_clear (&watch);

  /* And the same hand-over, not cancelled, still goes through. */
  g_clear_error (&error);
  if (is_import_phase (moment->phase))
    g_assert_cmpint (rd_case_archive_import (f->to, f->archive, NULL, &error), >, 0);
  else
    g_assert_true (rd_case_archive_export (f->from, f->case_id, output, NULL, &error));
  g_assert_no_error (error);
}

static const Moment moments[] = {
  { RD_CASE_ARCHIVE_PHASE_WRITE_CASE, FALSE },
  { RD_CASE_ARCHIVE_PHASE_WRITE_CASE, TRUE },
  { RD_CASE_ARCHIVE_PHASE_PACK_CASE, FALSE },
  { RD_CASE_ARCHIVE_PHASE_PACK_FILES, FALSE },
  { RD_CASE_ARCHIVE_PHASE_READ_ARCHIVE, FALSE },
  { RD_CASE_ARCHIVE_PHASE_READ_CASE, FALSE },
  { RD_CASE_ARCHIVE_PHASE_READ_CASE, TRUE },
  { RD_CASE_ARCHIVE_PHASE_READ_REVISIONS, FALSE },
  { RD_CASE_ARCHIVE_PHASE_READ_REVISIONS, TRUE },
  { RD_CASE_ARCHIVE_PHASE_READ_EVIDENCE, FALSE },
  { RD_CASE_ARCHIVE_PHASE_READ_TIMES, FALSE },
  { RD_CASE_ARCHIVE_PHASE_READ_TIMES, TRUE },
};

static const char * const phase_names[RD_CASE_ARCHIVE_N_PHASES] = {
  "write-case", "pack-case", "pack-files", "read-archive", "read-case", "read-revisions",
  "read-evidence", "read-times",
};

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/archive-cancel/phases", Fixture, NULL, fixture_setup, test_phases, fixture_teardown);
  for (guint m = 0; m < G_N_ELEMENTS (moments); m++)
    {
      g_autofree char *path = g_strdup_printf ("/archive-cancel/%s/%s", phase_names[moments[m].phase],
                                               moments[m].midway ? "midway" : "at-start");

      g_test_add (path, Fixture, &moments[m], fixture_setup, test_cancel, fixture_teardown);
    }
  return g_test_run ();
}
