/* test-evidence-store.c: the evidence store's promises: one copy of each
 * file, nothing half-stored after a cancel or a failure, delete and
 * clean-up, integrity checks, links and search.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <time.h>
#include <utime.h>

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "evidence-fixtures.h"
#include "rd-staging.h"
#include "test-evidence-common.h"

static void
test_dedup_and_delete (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "photo.jpg");
  g_autofree char *copy = fixture_path (f, "same-photo-renamed.jpg");
  g_autoptr(RdEvidence) a = NULL;
  g_autoptr(RdEvidence) b = NULL;
  g_autoptr(RdEvidence) other = NULL;
  g_autoptr(RdCase) second_case = rd_case_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *stored = NULL;
  guint n_stored, n_other;

  fixture_write_jpeg (path, 50, 30, 1, "2023:12:01 12:00:00", 7);
  fixture_copy (path, copy);

  a = import_ok (f, path);
  b = import_ok (f, copy);
  g_assert_cmpint (rd_evidence_get_id (a), ==, rd_evidence_get_id (b));
  g_assert_cmpuint (count_evidence (f), ==, 1);

  rd_case_set_title (second_case, "Another case");
  g_assert_true (rd_store_save_case (f->store, second_case, &error));
  file = g_file_new_for_path (copy);
  other = rd_store_import_evidence (f->store, rd_case_get_id (second_case), file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rd_evidence_get_id (other), !=, rd_evidence_get_id (a));
  g_assert_cmpstr (rd_evidence_get_path (other), ==, rd_evidence_get_path (a));
  count_store_files (f, &n_stored, &n_other);
  g_assert_cmpuint (n_stored, ==, 1);
  g_assert_cmpuint (n_other, ==, 0);

  stored = g_strdup (rd_evidence_get_path (a));
  {
    g_autofree char *thumb = rd_store_dup_evidence_thumbnail (f->store, a, 0, NULL, NULL);
    g_assert_nonnull (thumb);
  }

  g_assert_true (rd_store_delete_evidence (f->store, rd_evidence_get_id (a), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_evidence (f), ==, 0);
  g_assert_true (g_file_test (stored, G_FILE_TEST_IS_REGULAR));

  g_assert_true (rd_store_delete_evidence (f->store, rd_evidence_get_id (other), &error));
  g_assert_false (g_file_test (stored, G_FILE_TEST_EXISTS));
  count_store_files (f, &n_stored, &n_other);
  g_assert_cmpuint (n_stored, ==, 0);
  {
    g_autofree char *thumbs = g_build_filename (f->dir, "thumbnails", NULL);
    g_autoptr(GDir) dir = g_dir_open (thumbs, 0, NULL);
    g_assert_null (dir ? g_dir_read_name (dir) : NULL);
  }

  g_assert_false (rd_store_delete_evidence (f->store, rd_evidence_get_id (a), &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
}

static void
test_cancel_leaves_nothing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(RdEvidenceBatch) batch = rd_evidence_batch_new (f->store, f->case_id);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  guint n_stored, n_other;

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("p%d.pdf", i);
      g_autofree char *path = fixture_path (f, name);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      fixture_write_pdf (path, 1 + i, name, NULL);
      if (i == 2)
        g_cancellable_cancel (cancellable);
      if (!rd_evidence_batch_add_file (batch, file, NULL, cancellable, &error))
        break;
    }
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (rd_evidence_batch_get_n_items (batch), ==, 2);
  g_clear_pointer (&batch, rd_evidence_batch_free);

  g_assert_cmpuint (count_evidence (f), ==, 0);
  count_store_files (f, &n_stored, &n_other);
  g_assert_cmpuint (n_stored, ==, 0);
  g_assert_cmpuint (n_other, ==, 0);
}

static void
test_failed_commit_leaves_nothing (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(RdEvidenceBatch) batch = rd_evidence_batch_new (f->store, 9999);
  g_autofree char *path = fixture_path (f, "a.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  guint n_stored, n_other;

  fixture_write_pdf (path, 1, "for a case that is not there", NULL);
  g_assert_true (rd_evidence_batch_add_file (batch, file, NULL, NULL, &error));
  g_assert_false (rd_evidence_batch_commit (batch, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
  g_clear_pointer (&batch, rd_evidence_batch_free);
  count_store_files (f, &n_stored, &n_other);
  g_assert_cmpuint (n_stored, ==, 0);
  g_assert_cmpuint (n_other, ==, 0);
}

static void
test_verify (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *p1 = fixture_path (f, "kept.pdf");
  g_autofree char *p2 = fixture_path (f, "lost.jpg");
  g_autofree char *p3 = fixture_path (f, "changed.pdf");
  g_autoptr(RdEvidence) kept = NULL;
  g_autoptr(RdEvidence) lost = NULL;
  g_autoptr(RdEvidence) changed = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saw_missing = FALSE, saw_altered = FALSE;

  fixture_write_pdf (p1, 1, "kept", NULL);
  fixture_write_jpeg (p2, 20, 20, 1, NULL, 3);
  fixture_write_pdf (p3, 2, "changed", NULL);
  kept = import_ok (f, p1);
  lost = import_ok (f, p2);
  changed = import_ok (f, p3);

  problems = rd_store_verify_evidence (f->store, f->case_id, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_assert_cmpint (g_unlink (rd_evidence_get_path (lost)), ==, 0);
  fixture_flip_byte (rd_evidence_get_path (changed), 100);

  problems = rd_store_verify_evidence (f->store, f->case_id, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 2);
  for (guint i = 0; i < problems->len; i++)
    {
      RdEvidenceProblem *problem = g_ptr_array_index (problems, i);

      if (problem->state == RD_EVIDENCE_MISSING)
        {
          saw_missing = TRUE;
          g_assert_cmpint (problem->evidence_id, ==, rd_evidence_get_id (lost));
          g_assert_nonnull (strstr (problem->message, "lost.jpg"));
        }
      else if (problem->state == RD_EVIDENCE_ALTERED)
        {
          saw_altered = TRUE;
          g_assert_cmpint (problem->evidence_id, ==, rd_evidence_get_id (changed));
          g_assert_nonnull (strstr (problem->message, "changed.pdf"));
        }
    }
  g_assert_true (saw_missing && saw_altered);

  /* Importing the originals again puts good copies back, as the message
   * says it will. */
  g_object_unref (import_ok (f, p3));
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = rd_store_verify_evidence (f->store, f->case_id, NULL, NULL, NULL, &error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_object_unref (import_ok (f, p2));
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = rd_store_verify_evidence (f->store, f->case_id, NULL, NULL, NULL, &error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (count_evidence (f), ==, 3);
}

static void
test_links_and_search (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "noise.pdf");
  g_autoptr(RdEvidence) evidence = NULL;
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GDateTime) when = rd_datetime_parse_local ("2024-01-10T23:30:00", NULL);
  g_autoptr(GListModel) links = NULL;
  g_autoptr(GListModel) linked = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;
  RdEvidenceLink *link;

  fixture_write_pdf (path, 1, "Police reference 4471", NULL);
  evidence = import_ok (f, path);
  g_assert_true (rd_store_set_evidence_description (f->store, rd_evidence_get_id (evidence),
                                                    "Music through the wall until 2am", &error));
  g_assert_no_error (error);

  found = rd_store_search_evidence (f->store, f->case_id, "wall", &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);
  found = rd_store_search_evidence (f->store, f->case_id, "polic", &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);
  found = rd_store_search_evidence (f->store, f->case_id, "\"unbalanced OR NEAR(", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
  g_clear_object (&found);

  rd_incident_set_case_id (incident, f->case_id);
  rd_incident_set_starts_at (incident, when);
  rd_incident_set_description (incident, "Loud music");
  g_assert_true (rd_store_save_incident (f->store, incident, NULL, &error));

  g_assert_true (rd_store_link_evidence (f->store, rd_evidence_get_id (evidence),
                                         RD_EVIDENCE_TARGET_INCIDENT, rd_incident_get_id (incident),
                                         "Shows the police were called", &error));
  g_assert_no_error (error);
  links = rd_store_list_evidence_links (f->store, rd_evidence_get_id (evidence), &error);
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);
  link = g_list_model_get_item (links, 0);
  g_assert_cmpstr (rd_evidence_link_get_note (link), ==, "Shows the police were called");
  g_object_unref (link);
  linked = rd_store_list_linked_evidence (f->store, RD_EVIDENCE_TARGET_INCIDENT,
                                          rd_incident_get_id (incident), &error);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 1);

  /* Not to something that does not exist. */
  g_assert_false (rd_store_link_evidence (f->store, rd_evidence_get_id (evidence),
                                          RD_EVIDENCE_TARGET_INCIDENT, 777, NULL, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleting the diary entry drops the link, not the evidence. */
  g_assert_true (rd_store_delete_incident (f->store, rd_incident_get_id (incident), &error));
  g_clear_object (&links);
  links = rd_store_list_evidence_links (f->store, rd_evidence_get_id (evidence), &error);
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 0);
  g_assert_cmpuint (count_evidence (f), ==, 1);
}

static void
test_collect (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "x.pdf");
  g_autoptr(RdEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  fixture_write_pdf (path, 1, "x", NULL);
  evidence = import_ok (f, path);
  stored = g_strdup (rd_evidence_get_path (evidence));
  /* Deleting the case deletes its rows; the clean-up takes the file. */
  g_assert_true (rd_store_delete_case (f->store, f->case_id, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (stored, G_FILE_TEST_EXISTS));

  /* A file left by a crash between placing and recording is collected. */
  {
    g_autofree char *orphan = g_build_filename (f->dir, "evidence",
                                                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                                                NULL);
    g_assert_true (g_file_set_contents (orphan, "left over", -1, NULL));
    g_assert_true (rd_store_collect_evidence_files (f->store, &error));
    g_assert_no_error (error);
    g_assert_false (g_file_test (orphan, G_FILE_TEST_EXISTS));
  }

  /* An import killed with its process leaves a staging folder: the next
   * open (or clean-up) takes it away once no living process holds its
   * lock, and leaves one that is in use. */
  {
    g_autofree char *evidence_dir = g_build_filename (f->dir, "evidence", NULL);
    g_autofree char *old_dir = g_build_filename (evidence_dir, ".staging-OLD123", NULL);
    g_autofree char *young_dir = g_build_filename (evidence_dir, ".staging-NEW123", NULL);
    g_autofree char *half = g_build_filename (old_dir, "import-ABCDEF", NULL);
    g_autofree char *young_half = g_build_filename (young_dir, "import-GHIJKL", NULL);
    g_autofree char *abandoned = NULL;
    g_autofree char *in_use = NULL;
    g_autofree char *abandoned_half = NULL;
    struct utimbuf two_days_ago;
    GStatBuf young;
    int abandoned_lock = -1, in_use_lock = -1;

    g_assert_cmpint (g_mkdir_with_parents (old_dir, 0700), ==, 0);
    g_assert_cmpint (g_mkdir_with_parents (young_dir, 0700), ==, 0);
    g_assert_true (g_file_set_contents (half, "half a photo", -1, NULL));
    g_assert_true (g_file_set_contents (young_half, "half a scan", -1, NULL));
    /* Two days before the file system's now, not the test's: under
     * faketime the two differ, and ages are measured by the first. */
    g_assert_cmpint (g_lstat (young_dir, &young), ==, 0);
    two_days_ago.actime = two_days_ago.modtime = young.st_mtime - 2 * 86400;
    g_assert_cmpint (g_utime (old_dir, &two_days_ago), ==, 0);
    abandoned = rd_staging_dir_new (evidence_dir, &abandoned_lock);
    in_use = rd_staging_dir_new (evidence_dir, &in_use_lock);
    g_assert_nonnull (abandoned);
    g_assert_nonnull (in_use);
    abandoned_half = g_build_filename (abandoned, "import-XYZ", NULL);
    g_assert_true (g_file_set_contents (abandoned_half, "half a letter", -1, NULL));
    /* What the kernel does when the process holding it dies. */
    close (abandoned_lock);

    g_assert_true (rd_store_collect_evidence_files (f->store, &error));
    g_assert_no_error (error);
    g_assert_false (g_file_test (old_dir, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (abandoned, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (in_use, G_FILE_TEST_IS_DIR));
    /* Young, without a lock file but with a file in it: an older Redress
     * may still be letting go of it, so it stays for now. */
    g_assert_true (g_file_test (young_dir, G_FILE_TEST_IS_DIR));
    rd_staging_dir_release (in_use, in_use_lock);
    g_assert_false (g_file_test (in_use, G_FILE_TEST_EXISTS));
    g_unlink (young_half);
    /* Empty and without a lock: what a kill just after the folder was made
     * (or just before it went) leaves; its maker, if alive, makes another. */
    g_assert_true (rd_store_collect_evidence_files (f->store, &error));
    g_assert_no_error (error);
    g_assert_false (g_file_test (young_dir, G_FILE_TEST_EXISTS));
  }
}

static void
on_async_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
on_progress_cb (RdEvidenceImporter *importer,
                GParamSpec         *pspec,
                guint              *n_notified)
{
  (*n_notified)++;
  g_assert_cmpfloat (rd_evidence_importer_get_fraction (importer), >=, 0);
  g_assert_cmpfloat (rd_evidence_importer_get_fraction (importer), <=, 1);
}

static void
on_changed_cb (RdStore    *store,
               const char *what,
               gint64      case_id,
               guint      *n_changed)
{
  (*n_changed)++;
}

static void
test_importer (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RdEvidenceImporter) importer = rd_evidence_importer_new (f->store, f->case_id);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) imported = NULL;
  g_autoptr(GPtrArray) failures = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) page = NULL;
  guint n_notified = 0, n_changed = 0;
  int n_pages = 0;
  guint n_stored, n_other;

  for (int i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("doc-%d.pdf", i);
      g_autofree char *path = fixture_path (f, name);

      fixture_write_pdf (path, 2 + i, name, NULL);
      g_ptr_array_add (files, g_file_new_for_path (path));
    }
  {
    g_autofree char *empty = fixture_path (f, "empty.txt");
    g_assert_true (g_file_set_contents (empty, "", 0, NULL));
    g_ptr_array_add (files, g_file_new_for_path (empty));
  }

  /* Cancelled before it starts: nothing is kept. */
  g_cancellable_cancel (cancellable);
  rd_evidence_importer_import_async (importer, (GFile **) files->pdata, files->len, cancellable,
                                     on_async_done_cb, &result);
  imported = rd_evidence_importer_import_finish (importer, wait_for_result (&result), NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (imported);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_cmpuint (count_evidence (f), ==, 0);
  count_store_files (f, &n_stored, &n_other);
  g_assert_cmpuint (n_stored + n_other, ==, 0);

  g_signal_connect (importer, "notify::fraction", G_CALLBACK (on_progress_cb), &n_notified);
  g_signal_connect (f->store, "changed::evidence", G_CALLBACK (on_changed_cb), &n_changed);
  rd_evidence_importer_import_async (importer, (GFile **) files->pdata, files->len, NULL,
                                     on_async_done_cb, &result);
  imported = rd_evidence_importer_import_finish (importer, wait_for_result (&result), &failures, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imported->len, ==, 4);
  g_assert_cmpuint (failures->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (failures, 0), "empty.txt"));
  g_assert_cmpuint (count_evidence (f), ==, 4);
  g_assert_cmpuint (n_changed, ==, 1);
  /* Progress reached the main loop (idles may have merged). */
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (n_notified, >=, 1);
  g_assert_cmpfloat (rd_evidence_importer_get_fraction (importer), ==, 1.0);
  g_clear_object (&result);

  g_assert_cmpint (g_unlink (rd_evidence_get_path (g_ptr_array_index (imported, 2))), ==, 0);
  rd_evidence_importer_verify_async (importer, NULL, on_async_done_cb, &result);
  problems = rd_evidence_importer_verify_finish (importer, wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpint (((RdEvidenceProblem *) g_ptr_array_index (problems, 0))->state, ==, RD_EVIDENCE_MISSING);

  page = rd_evidence_render_preview (g_ptr_array_index (imported, 3), NULL, 4, 200, &n_pages, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_pages, ==, 5);
  g_assert_cmpint (gdk_pixbuf_get_height (page), ==, 200);
  g_clear_object (&page);
  page = rd_evidence_render_preview (g_ptr_array_index (imported, 3), NULL, 5, 200, &n_pages, NULL, &error);
  g_assert_null (page);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  page = rd_evidence_render_preview (g_ptr_array_index (imported, 2), NULL, 0, 200, &n_pages, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* A clean-up in one process and a maker of staging folders in another, at
 * the same time, for many rounds: the maker never loses a folder it was
 * given (the clean-up claims a folder's lock before it takes the folder
 * away, and a maker that finds it claimed makes another), and the
 * clean-up takes away every folder nobody holds. */
static void
test_staging_race (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *evidence_dir = g_build_filename (f->dir, "evidence", NULL);
  int status = 0;
  pid_t child;

  g_assert_cmpint (g_mkdir_with_parents (evidence_dir, 0700), ==, 0);
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      int lost = 0;

      /* Each new folder waits a moment empty and unlocked, as it would
       * on a busy machine, for the clean-up to find it so. */
      g_setenv ("REDRESS_TEST_PAUSE_AT", "staging-before-lock", TRUE);

      for (guint round = 0; round < 400; round++)
        {
          int lock = -1;
          g_autofree char *dir = rd_staging_dir_new (evidence_dir, &lock);
          g_autofree char *file = NULL;

          if (dir == NULL)
            {
              g_printerr ("no folder: %s\n", g_strerror (errno));
              lost++;
              continue;
            }
          file = g_build_filename (dir, "import-RACE", NULL);
          if (!g_file_set_contents (file, "a page", -1, NULL) ||
              !g_file_test (file, G_FILE_TEST_IS_REGULAR))
            {
              g_printerr ("lost its folder\n");
              lost++;
            }
          g_unlink (file);
          rd_staging_dir_release (dir, lock);
        }
      _exit (MIN (lost, 100));
    }

  /* And the clean-up waits a moment between claiming a folder and taking
   * it away: the window a maker must not be able to use. */
  g_setenv ("REDRESS_TEST_PAUSE_AT", "staging-claimed", TRUE);
  while (waitpid (child, &status, WNOHANG) == 0)
    {
      g_autoptr(GDir) dir = g_dir_open (evidence_dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_prefix (name, RD_STAGING_PREFIX))
          {
            g_autofree char *path = g_build_filename (evidence_dir, name, NULL);

            rd_staging_dir_remove_if_abandoned (path);
          }
    }
  g_unsetenv ("REDRESS_TEST_PAUSE_AT");
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  /* What the maker left (an empty folder just let go of, at worst) goes. */
  g_assert_true (rd_store_collect_evidence_files (f->store, NULL));
  {
    g_autoptr(GDir) dir = g_dir_open (evidence_dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, RD_STAGING_PREFIX));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/evidence/dedup-and-delete", test_dedup_and_delete);
  ADD ("/evidence/cancel", test_cancel_leaves_nothing);
  ADD ("/evidence/failed-commit", test_failed_commit_leaves_nothing);
  ADD ("/evidence/verify", test_verify);
  ADD ("/evidence/links-and-search", test_links_and_search);
  ADD ("/evidence/collect", test_collect);
  ADD ("/evidence/staging-race", test_staging_race);
  ADD ("/evidence/importer", test_importer);

  return g_test_run ();
}
