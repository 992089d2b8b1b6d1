/* test-case-bundle.c: a case's bundle from the store: letter, chronology, anonymising, .odt, CSV, CLI.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <string.h>
#include <sys/wait.h>
#include <poppler.h>
#include <zip.h>

#include "rd-core.h"
#include "rd-memory.h"
#include "rd-store-complaints.h"
#include "rd-store-evidence.h"
#include "rd-test-fixtures.h"
#include "evidence-fixtures.h"
#include "memory-fixtures.h"
#include "store-fixtures.h"

typedef struct
{
  char    *dir;
  char    *data;   /* the store's data folder, inside dir: exports go beside it */
  RdStore *store;
  gint64   case_id;
  gint64   incident_id;
  gint64   photo_id;
  char    *out;
} Fixture;

/* Exports are their owner's only, whatever the umask (main sets a loose one). */
static void
assert_owner_only (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static gint64
import_file (Fixture    *f,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdEvidence) ev = rd_store_import_evidence (f->store, f->case_id, file, NULL, NULL, &error);

  g_assert_no_error (error);
  return rd_evidence_get_id (ev);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(RdParty) neighbour = rd_party_new ();
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GDateTime) when = g_date_time_new_local (2024, 10, 3, 23, 15, 0);
  g_autofree char *pdf = NULL, *jpg = NULL;
  g_autoptr(GBytes) jpeg = rd_fixture_jpeg (320, 240, 6, "GPS-CASE-MARKER", 0, 2);

  f->dir = g_dir_make_tmp ("redress-case-bundle-XXXXXX", &error);
  g_assert_no_error (error);
  f->data = g_build_filename (f->dir, "data", NULL);
  f->store = rd_store_open (f->data, &error);
  g_assert_no_error (error);
  f->out = g_build_filename (f->dir, "bundle.pdf", NULL);

  rd_case_set_title (rcase, "Noise from Flat 5");
  rd_case_set_resident_name (rcase, "Sam Resident");
  rd_case_set_address (rcase, "4 Acacia Avenue, Eastwick");
  rd_case_set_landlord_name (rcase, "Eastwick Homes");
  g_assert_true (rd_store_save_case (f->store, rcase, &error));
  f->case_id = rd_case_get_id (rcase);

  rd_party_set_case_id (neighbour, f->case_id);
  rd_party_set_name (neighbour, "Gary Pollard");
  rd_party_set_role (neighbour, RD_PARTY_NEIGHBOUR);
  rd_party_set_third_party (neighbour, TRUE);
  g_assert_true (rd_store_save_party (f->store, neighbour, &error));

  rd_incident_set_case_id (incident, f->case_id);
  rd_incident_set_starts_at (incident, when);
  rd_incident_set_category (incident, RD_CATEGORY_NOISE);
  rd_incident_set_description (incident, "Gary Pollard played loud music until 02:30; "
                                         "Pollard laughed when I knocked. INCIDENTMARKER");
  rd_incident_set_people (incident, "Gary Pollard");
  {
    g_autoptr(GDate) told = g_date_new_dmy (4, G_DATE_OCTOBER, 2024);

    rd_incident_set_landlord_reported_on (incident, told);
    rd_incident_set_landlord_reported_minute (incident, 9 * 60 + 15);
  }
  g_assert_true (rd_store_save_incident (f->store, incident, NULL, &error));
  g_assert_no_error (error);
  f->incident_id = rd_incident_get_id (incident);

  pdf = g_build_filename (f->dir, "landlord-letter.pdf", NULL);
  rd_fixture_text_pdf (pdf, 2, "LANDLORDLETTER", 595.276, 841.89);
  jpg = g_build_filename (f->dir, "door.jpg", NULL);
  rd_fixture_write_bytes (jpg, jpeg);
  import_file (f, pdf);
  f->photo_id = import_file (f, jpg);
  g_assert_true (rd_store_link_evidence (f->store, f->photo_id, RD_EVIDENCE_TARGET_INCIDENT,
                                         f->incident_id, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  fixture_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->data);
  g_free (f->out);
}

static void
test_anonymised_bundle (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) chronology = NULL;
  g_autoptr(RdBundle) bundle = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  RdCaseBundleOptions options;

  /* An adviser acts for the resident: the cover and the letter say so. */
  {
    g_autoptr(RdCaseAdmin) admin = rd_store_get_case_admin (f->store, f->case_id, &error);
    g_autoptr(GDate) given = rd_date_parse_iso ("2024-03-01", NULL);

    g_assert_no_error (error);
    rd_case_admin_set_authority_date (admin, given);
    rd_case_admin_set_authority_scope (admin, "AUTHORITYSCOPE");
    g_assert_true (rd_store_save_case_admin (f->store, admin, &error));
    g_assert_no_error (error);
  }
  rd_case_bundle_options_init (&options);
  options.anonymise = TRUE;
  options.letter = RD_LETTER_OMBUDSMAN_SUMMARY;
  bundle = rd_case_bundle_build (f->store, f->case_id, &options, &chronology, &error);
  g_assert_no_error (error);
  g_assert_true (rd_bundle_write (bundle, f->out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  rd_fixture_assert_qpdf_check (f->out);
  assert_owner_only (f->out);
  if (g_getenv ("REDRESS_TEST_KEEP_BUNDLE") != NULL)
    {
      g_autoptr(GFile) src = g_file_new_for_path (f->out);
      g_autoptr(GFile) dst = g_file_new_for_path (g_getenv ("REDRESS_TEST_KEEP_BUNDLE"));
      g_file_copy (src, dst, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
    }

  text = rd_fixture_pdf_text (f->out);
  /* pdftotext breaks lines where the page does: compare with spaces. */
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  g_assert_nonnull (strstr (flat, "Housing complaint: evidence bundle"));
  g_assert_nonnull (strstr (flat, "Eastwick Homes"));
  g_assert_nonnull (strstr (flat, "Index"));
  g_assert_nonnull (strstr (flat, "Chronology"));
  g_assert_nonnull (strstr (flat, "What went wrong"));
  g_assert_nonnull (strstr (flat, "INCIDENTMARKER"));
  g_assert_nonnull (strstr (flat, "LANDLORDLETTER page 2"));
  g_assert_nonnull (strstr (flat, "First written in the diary on"));
  g_assert_nonnull (strstr (flat, "Authority to act"));
  g_assert_nonnull (strstr (flat, "written authority to act for me on Friday 1 March 2024 (AUTHORITYSCOPE)"));
  /* The third party's name is gone from everything Redress wrote. */
  g_assert_null (strstr (flat, "Pollard"));
  g_assert_nonnull (strstr (flat, "Neighbour A played loud music"));
  g_assert_nonnull (strstr (flat, "Neighbour A laughed"));
  /* The photo linked to the incident is its exhibit (oldest first: 2). */
  g_assert_cmpuint (chronology->len, ==, 1);
  g_assert_nonnull (strstr (flat, "(Exhibit 2.)"));
  g_assert_cmpstr (((RdChronologyEntry *) chronology->pdata[0])->exhibits, ==, "2");
  /* The day the landlord was told is part of the record. */
  g_assert_nonnull (strstr (((RdChronologyEntry *) chronology->pdata[0])->text,
                            "Reported to the landlord on Friday 4 October 2024 at 09:15."));
}

static void
test_chronology_files (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) chronology = NULL;
  g_autoptr(RdBundle) bundle = NULL;
  g_autofree char *odt = g_build_filename (f->dir, "chronology.odt", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "chronology.csv", NULL);
  g_autofree char *csv_text = NULL;
  g_autofree char *content = NULL;
  g_autoptr(GMarkupParseContext) parse = NULL;
  static const GMarkupParser parser = { 0 };
  RdCaseBundleOptions options;
  zip_t *zip;
  zip_stat_t st;
  zip_file_t *zf;
  int zerr = 0;

  rd_case_bundle_options_init (&options);
  options.anonymise = TRUE;
  bundle = rd_case_bundle_build (f->store, f->case_id, &options, &chronology, &error);
  g_assert_no_error (error);
  g_assert_true (rd_chronology_write_odt (chronology, "Chronology: Noise", odt, &error));
  g_assert_no_error (error);
  g_assert_true (rd_chronology_write_csv (chronology, csv, &error));
  g_assert_no_error (error);
  assert_owner_only (odt);
  assert_owner_only (csv);

  /* CSV: a byte order mark for Excel, a header row and one row per entry,
   * quoted, dated in ISO 8601 so that it sorts. */
  g_assert_true (g_file_get_contents (csv, &csv_text, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv_text, "\xEF\xBB\xBF\"No.\",\"Date\""));
  g_assert_nonnull (strstr (csv_text, "\r\n\"1\",\"2024-10-03 23:15\",\"Incident\""));
  g_assert_nonnull (strstr (csv_text, "Neighbour A played loud music"));
  g_assert_null (strstr (csv_text, "Pollard"));

  /* ODT: a zip whose first entry is "mimetype", stored, then well-formed XML. */
  zip = zip_open (odt, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
  g_assert_nonnull (zip);
  g_assert_cmpint (zip_stat_index (zip, 0, 0, &st), ==, 0);
  g_assert_cmpstr (st.name, ==, "mimetype");
  g_assert_cmpint (st.comp_method, ==, ZIP_CM_STORE);
  g_assert_cmpint (zip_name_locate (zip, "META-INF/manifest.xml", 0), >=, 0);
  g_assert_cmpint (zip_stat (zip, "content.xml", 0, &st), ==, 0);
  content = g_malloc0 (st.size + 1);
  zf = zip_fopen (zip, "content.xml", 0);
  g_assert_cmpint (zip_fread (zf, content, st.size), ==, (zip_int64_t) st.size);
  zip_fclose (zf);
  zip_close (zip);
  parse = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (parse, content, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (parse, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (content, "Neighbour A played loud music"));
  g_assert_null (strstr (content, "Pollard"));

  /* If LibreOffice is here, it must open it. */
  if (g_find_program_in_path ("soffice") != NULL)
    {
      const char *argv[] = { "soffice", "--headless", "--convert-to", "pdf", "--outdir", f->dir, odt, NULL };
      g_autofree char *pdf = g_build_filename (f->dir, "chronology.pdf", NULL);

      g_free (rd_fixture_run (argv, NULL));
      g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }
}

/* The exit status itself: 2 for a wrong command line. */
static int
exit_code (const char **argv)
{
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL));
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* The same, keeping what the command said on stderr. */
static int
exit_code_err (const char **argv,
               char       **err)
{
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, err, &status, NULL));
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli_export (Fixture       *f,
                 gconstpointer  data)
{
  const char *cli = g_getenv ("REDRESS_CLI");
  g_autofree char *odt = g_build_filename (f->dir, "c.odt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) evidence = NULL;
  g_autoptr(RdEvidence) first = NULL;
  int status;

  if (cli == NULL)
    {
      g_test_skip ("REDRESS_CLI is not set");
      return;
    }
  g_clear_object (&f->store);
  /* The photo's words were never read, so anonymising cannot check it for
   * names: the export names it and stops unless told to go on. */
  {
    const char *argv[] = { cli, "--data-dir", f->data, "export", "1", "--output", f->out,
                           "--letter", "escalation", "--anonymise", "--chronology-odt", odt, NULL };
    g_free (rd_fixture_run (argv, &status));
    g_assert_cmpint (status, ==, 1);
    g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
  }
  {
    const char *argv[] = { cli, "--data-dir", f->data, "export", "1", "--output", f->out,
                           "--letter", "escalation", "--anonymise", "--anonymise-accept-unchecked",
                           "--chronology-odt", odt, NULL };
    g_free (rd_fixture_run (argv, &status));
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_file_test (f->out, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (odt, G_FILE_TEST_EXISTS));
  }
  {
    const char *argv[] = { cli, "--data-dir", f->data, "export", "1", "--output", f->out,
                           "--letter", "nonsense", NULL };
    g_free (rd_fixture_run (argv, &status));
    g_assert_cmpint (status, !=, 0);
  }

  /* --exclude and --order: evidence numbers as `evidence` prints them. */
  {
    gint64 pdf_id = f->photo_id == 1 ? 2 : 1;
    g_autofree char *photo = g_strdup_printf ("%" G_GINT64_FORMAT, f->photo_id);
    g_autofree char *both = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                                             f->photo_id, pdf_id);
    g_autofree char *text = NULL;
    const char *bad[][2] = { { "--exclude", "99" }, { "--order", "abc" }, { "--order", "" },
                             { "--order", "1,1" } };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        const char *argv[] = { cli, "--data-dir", f->data, "export", "1", "--output", f->out,
                               bad[i][0], bad[i][1], NULL };
        g_unlink (f->out);
        g_assert_cmpint (exit_code (argv), ==, 2);
        g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
      }
    {
      const char *argv[] = { cli, "--data-dir", f->data, "export", "1", "--output", f->out,
                             "--order", photo, "--exclude", photo, NULL };
      g_assert_cmpint (exit_code (argv), ==, 2);
    }
    {
      const char *argv[] = { cli, "--data-dir", f->data, "export", "1", "--output", f->out,
                             "--exclude", photo, NULL };
      g_free (rd_fixture_run (argv, &status));
      g_assert_cmpint (status, ==, 0);
      text = rd_fixture_pdf_text (f->out);
      g_assert_nonnull (strstr (text, "landlord-letter.pdf"));
      g_assert_null (strstr (text, "door.jpg"));
      g_clear_pointer (&text, g_free);
    }
    {
      const char *argv[] = { cli, "--data-dir", f->data, "export", "1", "--output", f->out,
                             "--order", both, NULL };
      g_free (rd_fixture_run (argv, &status));
      g_assert_cmpint (status, ==, 0);
      text = rd_fixture_pdf_text (f->out);
      g_assert_nonnull (strstr (text, "door.jpg"));
      g_assert_nonnull (strstr (text, "landlord-letter.pdf"));
      g_assert_true (strstr (text, "door.jpg") < strstr (text, "landlord-letter.pdf"));
    }
  }

  /* A missing evidence file: exit 1 and no PDF. */
  g_unlink (f->out);
  f->store = rd_store_open (f->data, &error);
  g_assert_no_error (error);
  evidence = rd_store_list_evidence (f->store, f->case_id, &error);
  first = g_list_model_get_item (evidence, 0);
  g_unlink (rd_evidence_get_path (first));
  {
    const char *argv[] = { cli, "--data-dir", f->data, "export", "1", "--output", f->out, NULL };
    g_free (rd_fixture_run (argv, &status));
    g_assert_cmpint (status, !=, 0);
    g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
  }
}

/* One exhibit number series: the number `evidence` lists is the one the
 * bundle prints and --exclude/--order take. Numbers count per case (a
 * second case starts at 1 whatever the database ids), and a deleted
 * exhibit's number is never given again, so the series has gaps. */
static void
test_exhibit_numbers (Fixture       *f,
                      gconstpointer  data)
{
  const char *cli = g_getenv ("REDRESS_CLI");
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCase) other = rd_case_new ();
  g_autofree char *listing = NULL;
  g_autofree char *text = NULL;
  g_autofree char *case_arg = NULL;
  const char *markers[] = { "FIRSTMARKER", "SECONDMARKER", "THIRDMARKER", "FOURTHMARKER" };
  gint64 ids[4];
  int status;

  if (cli == NULL)
    {
      g_test_skip ("REDRESS_CLI is not set");
      return;
    }
  rd_case_set_title (other, "Damp in the bedroom");
  g_assert_true (rd_store_save_case (f->store, other, &error));
  f->case_id = rd_case_get_id (other);
  case_arg = g_strdup_printf ("%" G_GINT64_FORMAT, f->case_id);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("%c-%s.pdf", 'a' + i, markers[i]);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      rd_fixture_text_pdf (path, 1, markers[i], 595.276, 841.89);
      ids[i] = import_file (f, path);
      if (i == 1)
        {
          /* Exhibit 2 goes before the fourth file comes in. */
          g_assert_true (rd_store_delete_evidence (f->store, ids[1], &error));
          g_assert_no_error (error);
        }
    }
  g_assert_true (rd_store_set_evidence_description (f->store, ids[3],
                                                    "Council letter about the broken fence\n"
                                                    "It says the fence is ours to mend.", &error));
  g_assert_no_error (error);
  {
    g_autoptr(RdEvidence) first = rd_store_get_evidence (f->store, ids[0], &error);
    g_autoptr(RdEvidence) third = rd_store_get_evidence (f->store, ids[2], &error);
    g_autoptr(RdEvidence) fourth = rd_store_get_evidence (f->store, ids[3], &error);

    g_assert_no_error (error);
    g_assert_cmpint (ids[0], >, 2);  /* the first case's two files came first */
    g_assert_cmpint (rd_evidence_get_exhibit_number (first), ==, 1);
    g_assert_cmpint (rd_evidence_get_exhibit_number (third), ==, 3);
    g_assert_cmpint (rd_evidence_get_exhibit_number (fourth), ==, 4);
  }
  g_clear_object (&f->store);

  /* The list shows those numbers. */
  {
    const char *argv[] = { cli, "--data-dir", f->data, "evidence", case_arg, NULL };

    listing = rd_fixture_run (argv, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_str_has_prefix (listing, "1\ta-FIRSTMARKER.pdf"));
    g_assert_nonnull (strstr (listing, "\n3\tc-THIRDMARKER.pdf"));
    g_assert_nonnull (strstr (listing, "\n4\td-FOURTHMARKER.pdf"));
    g_assert_null (strstr (listing, "SECONDMARKER"));
  }

  /* --exclude 3 leaves out exactly the file listed as 3; the others keep
   * their numbers, titled by their description where there is one. */
  {
    const char *argv[] = { cli, "--data-dir", f->data, "export", case_arg, "--output", f->out,
                           "--no-letter", "--exclude", "3", NULL };

    g_free (rd_fixture_run (argv, &status));
    g_assert_cmpint (status, ==, 0);
    text = rd_fixture_pdf_text (f->out);
    g_assert_nonnull (strstr (text, "FIRSTMARKER"));
    g_assert_nonnull (strstr (text, "FOURTHMARKER"));
    g_assert_null (strstr (text, "THIRDMARKER"));
    /* pdftotext puts the heading and the title on lines of their own. */
    g_assert_true (g_regex_match_simple ("Exhibit 1\\s+a-FIRSTMARKER\\.pdf", text, 0, 0));
    g_assert_true (g_regex_match_simple ("Exhibit 4\\s+Council letter about the broken fence\\s",
                                         text, 0, 0));
    g_assert_null (strstr (text, "Exhibit 2"));
    g_assert_null (strstr (text, "Exhibit 3"));
    g_clear_pointer (&text, g_free);
  }

  /* --order takes the same numbers; a deleted exhibit's number is no one's. */
  {
    const char *argv[] = { cli, "--data-dir", f->data, "export", case_arg, "--output", f->out,
                           "--no-letter", "--order", "4,1", NULL };

    g_free (rd_fixture_run (argv, &status));
    g_assert_cmpint (status, ==, 0);
    text = rd_fixture_pdf_text (f->out);
    g_assert_nonnull (strstr (text, "Exhibit 4\n"));
    g_assert_nonnull (strstr (text, "Exhibit 3\n"));
    g_assert_true (strstr (text, "Exhibit 4\n") < strstr (text, "Exhibit 1\n"));
    g_assert_true (strstr (text, "Exhibit 1\n") < strstr (text, "Exhibit 3\n"));
  }
  {
    const char *argv[] = { cli, "--data-dir", f->data, "export", case_arg, "--output", f->out,
                           "--exclude", "2", NULL };

    g_unlink (f->out);
    g_assert_cmpint (exit_code (argv), ==, 2);
    g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
  }

  /* A new file after all that gets 5: numbers are never given twice. */
  f->store = rd_store_open (f->data, &error);
  g_assert_no_error (error);
  {
    g_autofree char *path = g_build_filename (f->dir, "e.pdf", NULL);
    g_autoptr(RdEvidence) fifth = NULL;

    rd_fixture_text_pdf (path, 1, "FIFTHMARKER", 595.276, 841.89);
    fifth = rd_store_get_evidence (f->store, import_file (f, path), &error);
    g_assert_no_error (error);
    g_assert_cmpint (rd_evidence_get_exhibit_number (fifth), ==, 5);
  }
}

/* The bookmark titles under the top-level one that starts with @prefix. */
static char *
bookmarks_under (const char *pdf,
                 const char *prefix)
{
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, NULL);
  PopplerIndexIter *iter = poppler_index_iter_new (doc);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (iter);
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);

      if (g_str_has_prefix (action->any.title, prefix))
        {
          PopplerIndexIter *child = poppler_index_iter_get_child (iter);

          do
            {
              PopplerAction *a = poppler_index_iter_get_action (child);
              g_string_append_printf (out, "%s\n", a->any.title);
              poppler_action_free (a);
            }
          while (child != NULL && poppler_index_iter_next (child));
          poppler_index_iter_free (child);
        }
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));
  poppler_index_iter_free (iter);
  g_object_unref (doc);
  return g_string_free (out, FALSE);
}

/* Sections: by default the letter in A, what went wrong and the
 * chronology in B, photos in D, other documents in E, each after its
 * divider, with bookmarks nested under it; a layout moves exhibits between
 * sections and renames them, and is kept with the case for the next export. */
static void
test_sections (Fixture       *f,
               gconstpointer  data)
{
  const char *cli = g_getenv ("REDRESS_CLI");
  g_autofree char *layout_file = g_build_filename (f->dir, "layout.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *under = NULL;
  g_autofree char *json = NULL;
  int status;

  if (cli == NULL)
    {
      g_test_skip ("REDRESS_CLI is not set");
      return;
    }
  g_clear_object (&f->store);
  {
    const char *argv[] = { cli, "--data-dir", f->data, "export", "1", "--output", f->out,
                           "--letter", "stage1", NULL };

    g_free (rd_fixture_run (argv, &status));
    g_assert_cmpint (status, ==, 0);
    rd_fixture_assert_qpdf_check (f->out);
    text = rd_fixture_pdf_text (f->out);
    g_assert_true (g_regex_match_simple ("Section A\\s+The complaint and letters", text, 0, 0));
    g_assert_true (g_regex_match_simple ("Section B\\s+Chronology and what went wrong", text, 0, 0));
    g_assert_true (g_regex_match_simple ("Section D\\s+Photographs and recordings", text, 0, 0));
    g_assert_true (g_regex_match_simple ("Section E\\s+Other documents", text, 0, 0));
    g_assert_null (strstr (text, "Section C"));  /* no emails: no empty section */
    under = bookmarks_under (f->out, "D  ");
    g_assert_cmpstr (under, ==, "Exhibit 2: door.jpg\n");
    g_clear_pointer (&under, g_free);
    under = bookmarks_under (f->out, "E  ");
    g_assert_cmpstr (under, ==, "Exhibit 1: landlord-letter.pdf\n");
    g_clear_pointer (&under, g_free);
    g_clear_pointer (&text, g_free);
  }

  /* The layout written out names every part where it goes. */
  {
    const char *argv[] = { cli, "--data-dir", f->data, "layout", "1", NULL };

    json = rd_fixture_run (argv, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_regex_match_simple ("\"letter\" : \"D\",\\s+\"title\" : \"Photographs and "
                                         "recordings\",\\s+\"contents\" : \\[\\s+2\\s+\\]", json, 0, 0));
  }

  /* The photo moved to a section of its own, the letter put after it. */
  g_assert_true (g_file_set_contents (layout_file,
                                      "{ \"sections\": ["
                                      "  { \"letter\": \"A\", \"title\": \"The door\", \"contents\": [2, \"letter\"] },"
                                      "  { \"letter\": \"B\" } ] }", -1, NULL));
  {
    const char *argv[] = { cli, "--data-dir", f->data, "export", "1", "--output", f->out,
                           "--letter", "stage1", "--layout", layout_file, NULL };

    g_free (rd_fixture_run (argv, &status));
    g_assert_cmpint (status, ==, 0);
    under = bookmarks_under (f->out, "A  The door");
    g_assert_true (g_str_has_prefix (under, "Exhibit 2: door.jpg\n"));
    g_clear_pointer (&under, g_free);
    /* Not named, so where its kind goes; there is no E: the last section. */
    under = bookmarks_under (f->out, "B  Chronology and what went wrong");
    g_assert_nonnull (strstr (under, "Exhibit 1: landlord-letter.pdf"));
    g_clear_pointer (&under, g_free);
  }
  /* Kept with the case: the next export is the same. */
  {
    const char *argv[] = { cli, "--data-dir", f->data, "export", "1", "--output", f->out,
                           "--letter", "stage1", NULL };

    g_unlink (f->out);
    g_free (rd_fixture_run (argv, &status));
    g_assert_cmpint (status, ==, 0);
    under = bookmarks_under (f->out, "A  The door");
    g_assert_true (g_str_has_prefix (under, "Exhibit 2: door.jpg\n"));
    g_clear_pointer (&under, g_free);
  }
  /* A layout that cannot be read is refused before any work. */
  g_assert_true (g_file_set_contents (layout_file, "{ \"sections\": [ { \"title\": \"x\" } ] }",
                                      -1, NULL));
  {
    const char *argv[] = { cli, "--data-dir", f->data, "export", "1", "--output", f->out,
                           "--layout", layout_file, NULL };

    g_unlink (f->out);
    g_assert_cmpint (exit_code (argv), ==, 2);
    g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
  }
  /* So is one naming an exhibit the case does not have, with its number. */
  g_assert_true (g_file_set_contents (layout_file,
                                      "{ \"sections\": [ { \"letter\": \"A\", \"title\": \"x\","
                                      " \"contents\": [2, 9] } ] }", -1, NULL));
  {
    const char *argv[] = { cli, "--data-dir", f->data, "export", "1", "--output", f->out,
                           "--layout", layout_file, NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (exit_code_err (argv, &err), ==, 2);
    g_assert_nonnull (strstr (err, "has no exhibit 9"));
    g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
  }
}

static RdParty *
save_party (Fixture     *f,
            const char  *name,
            RdPartyRole  role,
            gboolean     third_party)
{
  return fixture_add_party (f->store, f->case_id, name, role, third_party);
}

/* The reviewer's case: everything Redress writes (cover, letter, chronology,
 * captions, CSV) replaces the neighbours Sam Hall and Chloë Brennan (B and C:
 * Gary Pollard is A),
 * and leaves the officer Sam Okafor, "Hall Road" and the resident's own
 * address as they are. */
static void
test_anonymised_everywhere (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCase) rcase = rd_store_get_case (f->store, f->case_id, &error);
  g_autoptr(RdParty) officer = save_party (f, "Sam Okafor", RD_PARTY_LANDLORD_OFFICER, FALSE);
  g_autoptr(RdParty) hall = save_party (f, "Sam Hall", RD_PARTY_NEIGHBOUR, TRUE);
  g_autoptr(RdParty) brennan = save_party (f, "Chloë Brennan", RD_PARTY_NEIGHBOUR, TRUE);
  g_autoptr(RdContact) contact = rd_contact_new ();
  g_autoptr(GDateTime) when = g_date_time_new_local (2024, 10, 4, 10, 0, 0);
  g_autoptr(GPtrArray) chronology = NULL;
  g_autoptr(RdBundle) bundle = NULL;
  g_autofree char *csv = g_build_filename (f->dir, "anon.csv", NULL);
  g_autofree char *csv_text = NULL, *text = NULL, *flat = NULL, *title = NULL;
  const char *gone[] = { "Brennan", "BRENNAN", "brennan", "Chloë", "Sam Hall", "Mr Hall" };
  RdCaseBundleOptions options;

  g_assert_no_error (error);
  rd_case_set_title (rcase, "Threats from Chloë Brennan");
  rd_case_set_address (rcase, "7 Hall Road, Eastwick");
  g_assert_true (rd_store_save_case (f->store, rcase, &error));
  g_assert_no_error (error);

  rd_contact_set_case_id (contact, f->case_id);
  rd_contact_set_occurred_at (contact, when);
  rd_contact_set_party_id (contact, rd_party_get_id (officer));
  rd_contact_set_summary (contact, "Sam Okafor said Mr Hall and BRENNAN were warned; brennan's "
                                   "dog was in the Hallway. CONTACTMARKER");
  g_assert_true (rd_store_save_contact (f->store, contact, &error));
  g_assert_no_error (error);
  g_assert_true (rd_store_set_evidence_description (f->store, f->photo_id,
                                                    "Chloë Brennan’s boot print on my door", &error));
  g_assert_no_error (error);

  rd_case_bundle_options_init (&options);
  options.anonymise = TRUE;
  bundle = rd_case_bundle_build (f->store, f->case_id, &options, &chronology, &error);
  g_assert_no_error (error);
  g_assert_true (rd_bundle_write (bundle, f->out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rd_chronology_write_csv (chronology, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &csv_text, NULL, NULL));
  title = rd_case_bundle_dup_chronology_title (f->store, f->case_id, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (title, ==, "Chronology: Threats from Neighbour C");

  text = rd_fixture_pdf_text (f->out);
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  for (guint i = 0; i < G_N_ELEMENTS (gone); i++)
    {
      g_assert_null (strstr (flat, gone[i]));
      g_assert_null (strstr (csv_text, gone[i]));
    }
  g_assert_nonnull (strstr (flat, "Threats from Neighbour C"));
  g_assert_nonnull (strstr (flat, "7 Hall Road, Eastwick"));
  g_assert_nonnull (strstr (flat, "Sam Okafor said Neighbour B and Neighbour C were warned"));
  g_assert_nonnull (strstr (flat, "Neighbour C's dog was in the Hallway"));
  g_assert_nonnull (strstr (flat, "Neighbour C’s boot print"));
  g_assert_nonnull (strstr (csv_text, "Sam Okafor said Neighbour B and Neighbour C were warned"));
}

/* The bundle writes each chronology paragraph only as its page is drawn
 * (issue 17): the entries made one at a time are those made all at once,
 * in the same order (an incident before a contact of the same minute),
 * and on the pages they are in the bundle's language, anonymised. */
static void
test_chronology_one_at_a_time (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdContact) contact = rd_contact_new ();
  g_autoptr(GDateTime) when = g_date_time_new_local (2024, 10, 3, 23, 15, 0);
  g_autoptr(RdCaseFacts) facts = NULL;
  g_autoptr(RdChronology) lazy = NULL;
  g_autoptr(GPtrArray) whole = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(RdAnonymiser) anon = NULL;
  g_autoptr(RdBundle) bundle = NULL;
  g_autofree char *text = NULL, *flat = NULL;
  RdCaseBundleOptions options;

  rd_contact_set_case_id (contact, f->case_id);
  rd_contact_set_occurred_at (contact, when);
  rd_contact_set_summary (contact, "Gary Pollard rang to say sorry. CONTACTMARKER");
  g_assert_true (rd_store_save_contact (f->store, contact, &error));
  g_assert_no_error (error);

  facts = rd_case_facts_load (f->store, f->case_id, &error);
  g_assert_no_error (error);
  anon = rd_anonymiser_new_for_case (rd_case_facts_get_case (facts), rd_case_facts_get_parties (facts));
  whole = rd_chronology_build (facts, NULL, anon);
  lazy = rd_chronology_new (facts, NULL, TRUE);
  g_assert_cmpuint (rd_chronology_get_n_entries (lazy), ==, 2);
  g_assert_cmpuint (whole->len, ==, 2);
  for (guint i = 0; i < whole->len; i++)
    {
      RdChronologyEntry *a = whole->pdata[i];
      RdChronologyEntry *b = rd_chronology_dup_entry (lazy, i);

      fixture_assert_same_chronology_entry (a, b);
      rd_chronology_entry_free (b);
    }
  g_assert_cmpstr (((RdChronologyEntry *) whole->pdata[0])->what, ==, "Incident");
  g_assert_cmpstr (((RdChronologyEntry *) whole->pdata[1])->what, ==, "Contact");
  g_assert_cmpstr (((RdChronologyEntry *) whole->pdata[1])->when_iso, ==, "2024-10-03 23:15");

  rd_case_bundle_options_init (&options);
  options.anonymise = TRUE;
  options.language = "cy";
  bundle = rd_case_bundle_build (f->store, f->case_id, &options, &listed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  /* Written from a thread whose own language is English. */
  g_assert_true (rd_bundle_write (bundle, f->out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = rd_fixture_pdf_text (f->out);
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  g_assert_nonnull (strstr (flat, "Wedi’i ysgrifennu yn y dyddiadur gyntaf"));
  g_assert_null (strstr (flat, "First written in the diary"));
  g_assert_null (strstr (flat, "Pollard"));
  g_assert_nonnull (strstr (flat, " A rang to say sorry. CONTACTMARKER"));
  g_assert_true (g_regex_match_simple ("1\\.\\s.*INCIDENTMARKER.*2\\.\\s.*CONTACTMARKER", flat, 0, 0));
  g_assert_nonnull (strstr (flat, ((RdChronologyEntry *) listed->pdata[1])->when));
}

/* The timeline is drawn on the pages after the chronology's entries, before
 * the evidence, with its words as text. */
static void
test_timeline_page (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdBundle) bundle = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  const char *chronology, *timeline, *evidence;
  RdCaseBundleOptions options;

  rd_case_bundle_options_init (&options);
  options.anonymise = TRUE;
  bundle = rd_case_bundle_build (f->store, f->case_id, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rd_bundle_write (bundle, f->out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  rd_fixture_assert_qpdf_check (f->out);

  text = rd_fixture_pdf_text (f->out);
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  chronology = strstr (flat, "INCIDENTMARKER");
  timeline = strstr (flat, "Timeline of the case");
  evidence = strstr (flat, "LANDLORDLETTER");
  g_assert_nonnull (chronology);
  g_assert_nonnull (timeline);
  g_assert_nonnull (evidence);
  g_assert_true (chronology < timeline);
  g_assert_true (timeline < evidence);
  g_assert_nonnull (strstr (timeline, "Incidents per week"));
  g_assert_nonnull (strstr (timeline, "Reports to the landlord"));
  g_assert_null (strstr (flat, "Pollard"));
}

/* The timeline's deadlines are the bundle's own, worked out once for the
 * bundle's day: the page shows what the timeline made alone for that day
 * shows, a complaint's late acknowledgement included. */
static void
test_timeline_deadlines (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdComplaint) complaint = rd_complaint_new ();
  g_autoptr(RdComplaintEvent) made = rd_complaint_event_new (RD_COMPLAINT_EVENT_MADE);
  g_autoptr(GDate) made_on = g_date_new_dmy (7, G_DATE_OCTOBER, 2024);
  g_autoptr(GDate) today = g_date_new_dmy (20, G_DATE_NOVEMBER, 2024);
  g_autoptr(RdCaseFacts) facts = NULL;
  g_autoptr(RdTimeline) alone = NULL;
  g_autoptr(RdBundle) bundle = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *from = NULL, *until = NULL, *period = NULL;
  const char *page;
  guint n_stages = 0;
  RdCaseBundleOptions options;

  rd_complaint_set_case_id (complaint, f->case_id);
  g_assert_true (rd_store_save_complaint (f->store, complaint, &error));
  rd_complaint_event_set_complaint_id (made, rd_complaint_get_id (complaint));
  rd_complaint_event_set_stage (made, 1);
  rd_complaint_event_set_date (made, made_on);
  g_assert_true (rd_store_save_complaint_event (f->store, made, &error));
  g_assert_no_error (error);

  rd_case_bundle_options_init (&options);
  options.today = today;
  options.include_letter = FALSE;
  bundle = rd_case_bundle_build (f->store, f->case_id, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rd_bundle_write (bundle, f->out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = rd_fixture_pdf_text (f->out);
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  page = strstr (flat, "Timeline of the case");
  g_assert_nonnull (page);

  facts = rd_case_facts_load (f->store, f->case_id, &error);
  g_assert_no_error (error);
  alone = rd_timeline_new (facts, NULL, today);
  from = rd_date_format_long (rd_timeline_get_first (alone));
  until = rd_date_format_long (rd_timeline_get_last (alone));
  period = g_strdup_printf ("From %s until %s", from, until);
  g_assert_nonnull (strstr (page, period));
  g_assert_nonnull (strstr (page, "Complaint deadlines"));
  for (guint i = 0; i < rd_timeline_get_n_items (alone); i++)
    {
      const RdTimelineItem *item = rd_timeline_get_item (alone, i);

      if (item->kind != RD_TIMELINE_STAGE)
        continue;
      n_stages++;
      g_assert_nonnull (strstr (page, item->detail));
    }
  /* Not acknowledged by 20 November: a stage 1 deadline, missed. */
  g_assert_cmpuint (n_stages, >, 0);
}

/* The case is read whole to build the bundle and let go once its letter,
 * deadlines and timeline are made (issue 17): that is done apart, so the
 * thread that then draws the pages finds none of its pieces left as holes
 * in its arena, and the bundle built apart is whole. */
static void
test_built_apart (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdBundle) bundle = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GDateTime) first = g_date_time_new_local (2023, 1, 2, 20, 30, 0);
  RdCaseBundleOptions options;
  guint before, after;

  if (!fixture_arenas_apart ())
    {
      g_test_skip ("only glibc's own allocator keeps an arena for each thread");
      return;
    }
  g_assert_true (rd_store_begin (f->store, &error));
  for (guint i = 0; i < 3000; i++)
    {
      g_autoptr(RdIncident) incident = rd_incident_new ();
      g_autoptr(GDateTime) at = g_date_time_add_hours (first, 7 * (int) i);
      g_autofree char *text = g_strdup_printf ("Noise from next door, night %u.", i);

      g_autoptr(GDate) day = rd_datetime_get_date (at);

      rd_incident_set_case_id (incident, f->case_id);
      rd_incident_set_starts_at (incident, at);
      rd_incident_set_category (incident, RD_CATEGORY_NOISE);
      rd_incident_set_description (incident, text);
      /* Reported the next day: a deadline for each, as a long diary has. */
      g_date_add_days (day, 1);
      rd_incident_set_reported_to (incident, RD_REPORTED_LANDLORD);
      rd_incident_set_landlord_reported_on (incident, day);
      rd_incident_set_asb_risk (incident, RD_ASB_RISK_MEDIUM);
      g_assert_true (rd_store_save_incident (f->store, incident, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (rd_store_commit (f->store, &error));
  g_assert_no_error (error);

  rd_memory_give_back ();
  before = fixture_main_arena_free_pieces ();
  rd_case_bundle_options_init (&options);
  bundle = rd_case_bundle_build (f->store, f->case_id, &options, &listed, &error);
  g_assert_no_error (error);
  after = fixture_main_arena_free_pieces ();
  g_test_message ("free pieces in this thread's arena: %u before the build, %u after",
                  before, after);
  g_assert_cmpuint (after, <, before + 40);

  g_assert_cmpuint (listed->len, >=, 3000);
  g_assert_true (rd_bundle_write (bundle, f->out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  rd_fixture_assert_qpdf_check (f->out);
  {
    g_autofree char *text = rd_fixture_pdf_text (f->out);

    g_assert_nonnull (strstr (text, "night 2999"));
  }
}

int
main (int   argc,
      char *argv[])
{
  umask (022);
  g_test_init (&argc, &argv, NULL);
  /* The catalogues this build made, for the Welsh bundle (set before any
   * thread starts). */
  if (g_getenv ("REDRESS_LOCALEDIR") == NULL)
    {
      g_autofree char *po = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

      g_setenv ("REDRESS_LOCALEDIR", po, TRUE);
    }

  g_test_add ("/case-bundle/anonymised", Fixture, NULL, fixture_setup, test_anonymised_bundle,
              fixture_teardown);
  g_test_add ("/case-bundle/anonymised-everywhere", Fixture, NULL, fixture_setup,
              test_anonymised_everywhere, fixture_teardown);
  g_test_add ("/case-bundle/chronology-one-at-a-time", Fixture, NULL, fixture_setup,
              test_chronology_one_at_a_time, fixture_teardown);
  g_test_add ("/case-bundle/built-apart", Fixture, NULL, fixture_setup, test_built_apart,
              fixture_teardown);
  g_test_add ("/case-bundle/chronology-files", Fixture, NULL, fixture_setup, test_chronology_files,
              fixture_teardown);
  g_test_add ("/case-bundle/cli", Fixture, NULL, fixture_setup, test_cli_export, fixture_teardown);
  g_test_add ("/case-bundle/exhibit-numbers", Fixture, NULL, fixture_setup, test_exhibit_numbers,
              fixture_teardown);
  g_test_add ("/case-bundle/sections", Fixture, NULL, fixture_setup, test_sections, fixture_teardown);
  g_test_add ("/case-bundle/timeline", Fixture, NULL, fixture_setup, test_timeline_page,
              fixture_teardown);
  g_test_add ("/case-bundle/timeline-deadlines", Fixture, NULL, fixture_setup,
              test_timeline_deadlines, fixture_teardown);
  return g_test_run ();
}
