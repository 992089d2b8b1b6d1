/* test-undo.c: undoing deletes in the store: every kind of row, cascades, search, files.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rd-core.h"
#include "evidence-fixtures.h"
#include "store-fixtures.h"

typedef struct {
  char    *dir;
  RdStore *store;
  gint64   case_id;
  gint64   incident_id;    /* in the complaint, with a revision and a link */
  gint64   party_id;       /* named by the contact */
  gint64   contact_id;     /* named by the step */
  gint64   complaint_id;
  gint64   step_id;        /* linked to the evidence */
  gint64   evidence_id;    /* a PDF whose text is indexed */
  char    *evidence_path;
} Fixture;

static gint64
add_incident (Fixture    *f,
              const char *description)
{
  g_autoptr(GDateTime) starts = rd_datetime_parse_local ("2025-03-02T08:15:00", NULL);
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GError) error = NULL;

  rd_incident_set_case_id (incident, f->case_id);
  rd_incident_set_starts_at (incident, starts);
  rd_incident_set_category (incident, RD_CATEGORY_HARASSMENT);
  rd_incident_set_description (incident, description);
  g_assert_true (rd_store_save_incident (f->store, incident, NULL, &error));
  g_assert_no_error (error);
  /* A second save makes a revision. */
  rd_incident_set_impact (incident, "Could not sleep");
  g_assert_true (rd_store_save_incident (f->store, incident, NULL, &error));
  g_assert_no_error (error);
  return rd_incident_get_id (incident);
}

static gint64
add_party (Fixture    *f,
           const char *name)
{
  g_autoptr(RdParty) party = fixture_add_party (f->store, f->case_id, name,
                                                RD_PARTY_LANDLORD_OFFICER, FALSE);

  return rd_party_get_id (party);
}

static void
add_records (Fixture *f)
{
  g_autoptr(GDateTime) at = rd_datetime_parse_local ("2025-03-03T10:00:00", NULL);
  g_autoptr(RdContact) contact = rd_contact_new ();
  g_autoptr(RdComplaint) complaint = rd_complaint_new ();
  g_autoptr(RdComplaintEvent) step = rd_complaint_event_new (RD_COMPLAINT_EVENT_MADE);
  g_autoptr(RdEvidence) evidence = NULL;
  g_autoptr(GDate) made = g_date_new_dmy (4, G_DATE_MARCH, 2025);
  g_autofree char *pdf = g_build_filename (f->dir, "letter.pdf", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *points[] = { "Nothing was done about the stairs", "No reply to my email", NULL };

  f->incident_id = add_incident (f, "Pushchair thrown down the stairs");
  f->party_id = add_party (f, "Dana Whitlock");

  rd_contact_set_case_id (contact, f->case_id);
  rd_contact_set_occurred_at (contact, at);
  rd_contact_set_summary (contact, "Phoned the housing officer about the stairs");
  rd_contact_set_party_id (contact, f->party_id);
  g_assert_true (rd_store_save_contact (f->store, contact, &error));
  g_assert_no_error (error);
  f->contact_id = rd_contact_get_id (contact);

  rd_complaint_set_case_id (complaint, f->case_id);
  rd_complaint_set_points (complaint, points);
  rd_complaint_set_incident_ids (complaint, &f->incident_id, 1);
  g_assert_true (rd_store_save_complaint (f->store, complaint, &error));
  g_assert_no_error (error);
  f->complaint_id = rd_complaint_get_id (complaint);

  rd_complaint_event_set_complaint_id (step, f->complaint_id);
  rd_complaint_event_set_date (step, made);
  rd_complaint_event_set_contact_id (step, f->contact_id);
  g_assert_true (rd_store_save_complaint_event (f->store, step, &error));
  g_assert_no_error (error);
  f->step_id = rd_complaint_event_get_id (step);

  fixture_write_pdf (pdf, 1, "Mould spreading on the bedroom wall", NULL);
  file = g_file_new_for_path (pdf);
  evidence = rd_store_import_evidence (f->store, f->case_id, file, NULL, NULL, &error);
  g_assert_no_error (error);
  f->evidence_id = rd_evidence_get_id (evidence);
  f->evidence_path = g_strdup (rd_evidence_get_path (evidence));
  g_assert_true (rd_store_link_evidence (f->store, f->evidence_id, RD_EVIDENCE_TARGET_INCIDENT,
                                         f->incident_id, "the photo", &error));
  g_assert_true (rd_store_link_evidence (f->store, f->evidence_id, RD_EVIDENCE_TARGET_CONTACT,
                                         f->contact_id, "", &error));
  g_assert_true (rd_store_link_evidence (f->store, f->evidence_id,
                                         RD_EVIDENCE_TARGET_COMPLAINT_EVENT, f->step_id, "",
                                         &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GDateTime) now = rd_datetime_parse_local ("2026-03-30T12:00", NULL);
  g_autoptr(RdClock) clock = rd_clock_new_fixed (now);
  g_autoptr(RdCase) rcase = NULL;

  f->store = fixture_store_open_temp ("redress-undo-XXXXXX", &f->dir);
  /* Today is fixed: nothing here reads the real date. */
  rd_store_set_clock (f->store, clock);
  rcase = fixture_make_case (f->store, "Stairs");
  f->case_id = rd_case_get_id (rcase);
  add_records (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->evidence_path, g_free);
  fixture_store_close_temp (&f->store, &f->dir);
}

/* Every row of every table of the case file (not the search indexes' own
 * tables, not the file intents), as text, in a stable order: equal
 * snapshots mean the same rows with the same ids and values. */
static char *
snapshot (Fixture *f)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (rd_store_get_path (f->store), &db, SQLITE_OPEN_READONLY,
                                    NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name, ncol FROM pragma_table_list"
                                       " WHERE schema = 'main' AND type = 'table'"
                                       " AND name NOT LIKE 'sqlite_%' AND name != 'file_intents'"
                                       " ORDER BY name", -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autoptr(GString) order = g_string_new (NULL);
      g_autofree char *sql = NULL;
      sqlite3_stmt *rows = NULL;
      int ncol = sqlite3_column_int (tables, 1);

      for (int i = 1; i <= ncol; i++)
        g_string_append_printf (order, "%s%d", i > 1 ? ", " : "", i);
      sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY %s", sqlite3_column_text (tables, 0),
                             order->str);
      g_string_append_printf (out, "[%s]\n", sqlite3_column_text (tables, 0));
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int i = 0; i < ncol; i++)
            {
              const char *text = (const char *) sqlite3_column_text (rows, i);

              g_string_append_printf (out, "%d:%s|", sqlite3_column_type (rows, i),
                                      text != NULL ? text : "NULL");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint
count_search (Fixture    *f,
              const char *query)
{
  g_autoptr(GArray) found = NULL;
  g_autoptr(GError) error = NULL;

  found = rd_store_search_incidents (f->store, f->case_id, query, NULL, &error);
  g_assert_no_error (error);
  return found->len;
}

static guint
count_evidence_search (Fixture    *f,
                       const char *query)
{
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;

  found = rd_store_search_evidence (f->store, f->case_id, query, &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (found);
}

/* Staging folders left in the evidence folder. */
static guint
count_staging (Fixture *f)
{
  g_autofree char *evidence_dir = rd_store_dup_evidence_dir (f->store);
  g_autoptr(GDir) dir = g_dir_open (evidence_dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, ".staging-"))
      n++;
  return n;
}

/* The path of the one file kept in a staging folder, or NULL. */
static char *
find_kept_file (Fixture *f)
{
  g_autofree char *evidence_dir = rd_store_dup_evidence_dir (f->store);
  g_autoptr(GDir) dir = g_dir_open (evidence_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, ".staging-"))
      {
        g_autofree char *staging = g_build_filename (evidence_dir, name, NULL);
        g_autoptr(GDir) inner = g_dir_open (staging, 0, NULL);
        const char *file;

        while (inner != NULL && (file = g_dir_read_name (inner)) != NULL)
          if (strlen (file) == 64)
            return g_build_filename (staging, file, NULL);
      }
  return NULL;
}

/* Deletes with @func and undoes, checking that the case file is back as it
 * was, to the last row and value. */
static void
delete_and_undo (Fixture           *f,
                 RdStoreDeleteFunc  func,
                 gint64             id)
{
  g_autofree char *before = snapshot (f);
  g_autofree char *deleted = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  guint token;

  token = rd_store_delete_undoable (f->store, func, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (token, >, 0);
  g_assert_cmpuint (rd_store_get_undo_token (f->store), ==, token);
  deleted = snapshot (f);
  g_assert_cmpstr (deleted, !=, before);

  g_assert_true (rd_store_undo (f->store, token, &error));
  g_assert_no_error (error);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (rd_store_get_undo_token (f->store), ==, 0);
}

static void
test_incident (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RdIncident) back = NULL;
  g_autoptr(RdComplaint) complaint = NULL;
  g_autoptr(GListModel) revisions = NULL;
  g_autoptr(GListModel) linked = NULL;
  g_autoptr(GError) error = NULL;
  guint token;

  g_assert_cmpuint (count_search (f, "pushchair"), ==, 1);
  token = rd_store_delete_undoable (f->store, rd_store_delete_incident, f->incident_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_search (f, "pushchair"), ==, 0);
  g_assert_true (rd_store_undo (f->store, token, &error));
  g_assert_no_error (error);

  back = rd_store_get_incident (f->store, f->incident_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rd_incident_get_description (back), ==, "Pushchair thrown down the stairs");
  g_assert_cmpuint (count_search (f, "pushchair"), ==, 1);
  g_assert_cmpuint (count_search (f, "stai"), ==, 1);
  g_assert_true (rd_store_check_search_index (f->store, &error));
  g_assert_no_error (error);
  revisions = rd_store_list_incident_revisions (f->store, f->incident_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (revisions), >=, 1);
  complaint = rd_store_get_complaint (f->store, f->complaint_id, &error);
  g_assert_true (rd_complaint_has_incident (complaint, f->incident_id));
  linked = rd_store_list_linked_evidence (f->store, RD_EVIDENCE_TARGET_INCIDENT, f->incident_id,
                                          &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 1);

  /* And to the last value. */
  delete_and_undo (f, rd_store_delete_incident, f->incident_id);
}

static void
test_each_kind (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RdContact) contact = NULL;
  g_autoptr(RdComplaintEvent) step = NULL;
  g_autoptr(GError) error = NULL;

  /* Deleting the party leaves the contact without it (ON DELETE SET NULL);
   * undoing names it again. */
  delete_and_undo (f, rd_store_delete_party, f->party_id);
  contact = rd_store_get_contact (f->store, f->contact_id, &error);
  g_assert_cmpint (rd_contact_get_party_id (contact), ==, f->party_id);

  delete_and_undo (f, rd_store_delete_contact, f->contact_id);
  step = rd_store_get_complaint_event (f->store, f->step_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rd_complaint_event_get_contact_id (step), ==, f->contact_id);

  delete_and_undo (f, rd_store_delete_complaint_event, f->step_id);
  delete_and_undo (f, rd_store_delete_complaint, f->complaint_id);
  delete_and_undo (f, rd_store_delete_evidence, f->evidence_id);
  delete_and_undo (f, rd_store_delete_case, f->case_id);
}

static void
test_evidence_link (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *before = snapshot (f);
  g_autofree char *after = NULL;
  g_autoptr(GListModel) links = NULL;
  g_autoptr(GError) error = NULL;
  guint token;

  g_assert_true (rd_store_begin_undoable (f->store, &error));
  g_assert_true (rd_store_unlink_evidence (f->store, f->evidence_id, RD_EVIDENCE_TARGET_CONTACT,
                                           f->contact_id, &error));
  token = rd_store_commit_undoable (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (token, >, 0);
  links = rd_store_list_evidence_links (f->store, f->evidence_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 2);

  g_assert_true (rd_store_undo (f->store, token, &error));
  g_assert_no_error (error);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);

  /* A write that deleted nothing gives nothing to undo. */
  g_assert_true (rd_store_begin_undoable (f->store, &error));
  g_assert_true (rd_store_unlink_evidence (f->store, f->evidence_id, RD_EVIDENCE_TARGET_CONTACT,
                                           f->contact_id + 1000, &error));
  g_assert_cmpuint (rd_store_commit_undoable (f->store, &error), ==, 0);
  g_assert_no_error (error);
}

/* The stored file goes when the evidence is deleted, its bytes are kept
 * while the delete can be undone, and undo puts them back. */
static void
test_evidence_file (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "letter.pdf", NULL);
  g_autofree char *peek = g_build_filename (f->dir, "peek", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  guint token;

  g_assert_cmpuint (count_evidence_search (f, "mould"), ==, 1);
  token = rd_store_delete_undoable (f->store, rd_store_delete_evidence, f->evidence_id, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (f->evidence_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_staging (f), ==, 1);
  g_assert_cmpuint (count_evidence_search (f, "mould"), ==, 0);

  g_assert_true (rd_store_undo (f->store, token, &error));
  g_assert_no_error (error);
  g_assert_true (fixture_files_equal (f->evidence_path, pdf));
  g_assert_cmpuint (count_staging (f), ==, 0);
  g_assert_cmpuint (count_evidence_search (f, "mould"), ==, 1);

  /* Forgotten: the kept bytes go, overwritten first (a second name for
   * the kept file shows what became of them), and the token with them. */
  token = rd_store_delete_undoable (f->store, rd_store_delete_evidence, f->evidence_id, &error);
  g_assert_no_error (error);
  kept = find_kept_file (f);
  g_assert_nonnull (kept);
  g_assert_cmpint (link (kept, peek), ==, 0);
  rd_store_forget_undo (f->store);
  g_assert_cmpuint (count_staging (f), ==, 0);
  g_assert_false (g_file_test (kept, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (peek, &bytes, &length, NULL));
  g_assert_cmpuint (length, ==, fixture_file_size (pdf));
  for (gsize i = 0; i < length; i++)
    g_assert_cmpint (bytes[i], ==, 0);
  g_assert_false (g_file_test (f->evidence_path, G_FILE_TEST_EXISTS));
  g_assert_false (rd_store_undo (f->store, token, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
}

static void
test_twice (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint first, second;

  first = rd_store_delete_undoable (f->store, rd_store_delete_incident, f->incident_id, &error);
  g_assert_no_error (error);
  g_assert_true (rd_store_undo (f->store, first, &error));
  g_assert_false (rd_store_undo (f->store, first, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A later delete forgets the one before. */
  first = rd_store_delete_undoable (f->store, rd_store_delete_contact, f->contact_id, &error);
  second = rd_store_delete_undoable (f->store, rd_store_delete_party, f->party_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first, !=, second);
  g_assert_false (rd_store_undo (f->store, first, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (rd_store_undo (f->store, second, &error));
  g_assert_no_error (error);
}

/* Undo clashing with what was saved since changes nothing at all. */
static void
test_conflicts (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(RdContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  gint64 last, reused;
  guint token;

  /* The id of a deleted row taken by a new one. */
  last = add_incident (f, "Shouting on the landing");
  token = rd_store_delete_undoable (f->store, rd_store_delete_incident, last, &error);
  g_assert_no_error (error);
  reused = add_incident (f, "Door kicked in");
  g_assert_cmpint (reused, ==, last);
  before = snapshot (f);
  g_assert_false (rd_store_undo (f->store, token, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);

  /* A cut link pointed elsewhere since: the contact now names another party. */
  token = rd_store_delete_undoable (f->store, rd_store_delete_party, f->party_id, &error);
  g_assert_no_error (error);
  contact = rd_store_get_contact (f->store, f->contact_id, &error);
  rd_contact_set_party_id (contact, add_party (f, "Sam Okafor"));
  g_assert_true (rd_store_save_contact (f->store, contact, &error));
  before = snapshot (f);
  g_assert_false (rd_store_undo (f->store, token, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);

  /* What it belonged to deleted since (by a delete that cannot be undone,
   * as redress-cli makes). */
  token = rd_store_delete_undoable (f->store, rd_store_delete_complaint_event, f->step_id, &error);
  g_assert_no_error (error);
  g_assert_true (rd_store_delete_complaint (f->store, f->complaint_id, &error));
  before = snapshot (f);
  g_assert_false (rd_store_undo (f->store, token, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
}

/* Closing the store forgets: the next open has no undo, and no file. */
static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint token;

  token = rd_store_delete_undoable (f->store, rd_store_delete_evidence, f->evidence_id, &error);
  g_assert_no_error (error);
  g_clear_object (&f->store);
  f->store = rd_store_open (f->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rd_store_get_undo_token (f->store), ==, 0);
  g_assert_false (rd_store_undo (f->store, token, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (f->evidence_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_staging (f), ==, 0);
}

/* A process that dies while a delete can be undone: the next open removes
 * the kept file, and keeps nothing else behind. */
static void
test_killed (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (g_test_subprocess ())
    {
      gint64 evidence_id = g_ascii_strtoll (g_getenv ("REDRESS_UNDO_TEST_ID"), NULL, 10);
      RdStore *store;

      fixture_store_close_temp (&f->store, &f->dir);
      store = rd_store_open (g_getenv ("REDRESS_UNDO_TEST_DIR"), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rd_store_delete_undoable (store, rd_store_delete_evidence, evidence_id,
                                                  &error), >, 0);
      g_assert_no_error (error);
      /* As a kill would: nothing tidied. */
      _exit (0);
    }

  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->evidence_id);

    g_setenv ("REDRESS_UNDO_TEST_DIR", f->dir, TRUE);
    g_setenv ("REDRESS_UNDO_TEST_ID", id, TRUE);
  }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_assert_cmpuint (count_staging (f), ==, 1);

  g_clear_object (&f->store);
  f->store = rd_store_open (f->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_staging (f), ==, 0);
  g_assert_false (g_file_test (f->evidence_path, G_FILE_TEST_EXISTS));
  g_assert_null (rd_store_get_evidence (f->store, f->evidence_id, &error));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/undo/incident", test_incident);
  ADD ("/undo/each-kind", test_each_kind);
  ADD ("/undo/evidence-link", test_evidence_link);
  ADD ("/undo/evidence-file", test_evidence_file);
  ADD ("/undo/twice", test_twice);
  ADD ("/undo/conflicts", test_conflicts);
  ADD ("/undo/reopen", test_reopen);
  ADD ("/undo/killed", test_killed);
#undef ADD

  return g_test_run ();
}
