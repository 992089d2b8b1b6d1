/* test-evidence.c: importing each kind of evidence: PDFs (plain, protected,
 * damaged), photos (EXIF orientation and date, HEIC, unreadable), emails
 * with attachments, audio and video, misnamed and empty files.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "evidence-fixtures.h"
#include "test-evidence-common.h"

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "letter.pdf");
  g_autoptr(RdEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *thumb = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  GDateTime *captured;

  fixture_write_pdf (path, 3, "Riverside Homes repairs letter", "2024-03-05T10:20:00");
  evidence = import_ok (f, path);

  g_assert_cmpint (rd_evidence_get_kind (evidence), ==, RD_EVIDENCE_KIND_PDF);
  g_assert_cmpstr (rd_evidence_get_content_type (evidence), ==, "application/pdf");
  g_assert_cmpstr (rd_evidence_get_original_name (evidence), ==, "letter.pdf");
  g_assert_cmpint (rd_evidence_get_page_count (evidence), ==, 3);
  g_assert_cmpstr (rd_evidence_get_problem (evidence), ==, "");
  captured = rd_evidence_get_captured_at (evidence);
  g_assert_nonnull (captured);
  g_assert_cmpint (rd_evidence_get_date_source (evidence), ==, RD_EVIDENCE_DATE_PDF);
  g_assert_cmpint (g_date_time_get_year (captured), ==, 2024);
  g_assert_cmpint (g_date_time_get_month (captured), ==, 3);
  g_assert_cmpint (g_date_time_get_day_of_month (captured), ==, 5);

  /* Stored under its hash, byte for byte. */
  stored = fixture_sha256_of (path);
  g_assert_cmpstr (rd_evidence_get_sha256 (evidence), ==, stored);
  g_assert_true (g_str_has_suffix (rd_evidence_get_path (evidence), stored));
  g_assert_true (fixture_files_equal (path, rd_evidence_get_path (evidence)));
  g_assert_cmpint (rd_evidence_get_size (evidence), ==, fixture_file_size (path));

  text = rd_store_dup_evidence_text (f->store, rd_evidence_get_id (evidence), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Riverside"));
  g_assert_nonnull (strstr (text, "page 3"));

  thumb = rd_store_dup_evidence_thumbnail (f->store, evidence, 128, NULL, &error);
  g_assert_no_error (error);
  pixbuf = gdk_pixbuf_new_from_file (thumb, &error);
  g_assert_no_error (error);
  /* A4 portrait, longer side 128. */
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 128);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), <, 128);
}

static void
test_pdf_encrypted (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *plain = fixture_path (f, "plain.pdf");
  g_autofree char *locked = fixture_path (f, "statement.pdf");
  g_autoptr(RdEvidence) evidence = NULL;
  g_autoptr(RdEvidence) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *thumb = NULL;
  g_autofree char *text = NULL;

  fixture_write_pdf (plain, 2, "Rent statement for flat 4", "2023-11-20T09:00:00");
  if (!fixture_encrypt_pdf (plain, locked, "s3cret"))
    {
      g_test_skip ("qpdf is not installed");
      return;
    }
  evidence = import_ok (f, locked);
  g_assert_cmpint (rd_evidence_get_kind (evidence), ==, RD_EVIDENCE_KIND_PDF);
  g_assert_true (rd_evidence_get_needs_password (evidence));
  g_assert_cmpint (rd_evidence_get_page_count (evidence), ==, -1);
  g_assert_nonnull (strstr (rd_evidence_get_problem (evidence), "password"));
  g_assert_cmpint (rd_evidence_get_date_source (evidence), ==, RD_EVIDENCE_DATE_FILE_MODIFIED);

  thumb = rd_store_dup_evidence_thumbnail (f->store, evidence, 0, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_null (thumb);
  g_clear_error (&error);

  g_assert_false (rd_store_unlock_evidence (f->store, rd_evidence_get_id (evidence), "wrong", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "password"));
  g_clear_error (&error);

  g_assert_true (rd_store_unlock_evidence (f->store, rd_evidence_get_id (evidence), "s3cret", &error));
  g_assert_no_error (error);
  again = rd_store_get_evidence (f->store, rd_evidence_get_id (evidence), &error);
  g_assert_no_error (error);
  g_assert_false (rd_evidence_get_needs_password (again));
  g_assert_cmpint (rd_evidence_get_page_count (again), ==, 2);
  g_assert_cmpstr (rd_evidence_get_problem (again), ==, "");
  g_assert_cmpint (rd_evidence_get_date_source (again), ==, RD_EVIDENCE_DATE_PDF);
  text = rd_store_dup_evidence_text (f->store, rd_evidence_get_id (evidence), &error);
  g_assert_nonnull (strstr (text, "statement"));

  /* The thumbnail was drawn while the password was known. */
  thumb = rd_store_dup_evidence_thumbnail (f->store, again, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (thumb, G_FILE_TEST_IS_REGULAR));

  /* A password given at import opens it at once. */
  {
    g_autoptr(RdCase) other = rd_case_new ();
    g_autoptr(GFile) file = g_file_new_for_path (locked);
    g_autoptr(RdEvidence) opened = NULL;

    rd_case_set_title (other, "Second");
    g_assert_true (rd_store_save_case (f->store, other, &error));
    opened = rd_store_import_evidence (f->store, rd_case_get_id (other), file, "s3cret", NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (rd_evidence_get_page_count (opened), ==, 2);
    g_assert_false (rd_evidence_get_needs_password (opened));
  }
}

static void
test_pdf_damaged (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *whole = fixture_path (f, "whole.pdf");
  g_autofree char *cut = fixture_path (f, "cut.pdf");
  g_autofree char *junk = fixture_path (f, "junk.pdf");
  g_autoptr(RdEvidence) truncated = NULL;
  g_autoptr(RdEvidence) garbage = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  fixture_write_pdf (whole, 4, "Noise diary export", NULL);
  g_assert_true (g_file_get_contents (whole, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (cut, contents, len / 2, NULL));
  g_assert_true (g_file_set_contents (junk, "%PDF-1.5\n\x01\x02 this is not really a PDF at all\n", -1, NULL));

  truncated = import_ok (f, cut);
  g_assert_cmpint (rd_evidence_get_kind (truncated), ==, RD_EVIDENCE_KIND_PDF);
  g_assert_cmpstr (rd_evidence_get_problem (truncated), !=, "");
  g_assert_false (rd_evidence_get_needs_password (truncated));
  g_assert_true (fixture_files_equal (cut, rd_evidence_get_path (truncated)));

  garbage = import_ok (f, junk);
  g_assert_cmpint (rd_evidence_get_kind (garbage), ==, RD_EVIDENCE_KIND_PDF);
  g_assert_nonnull (strstr (rd_evidence_get_problem (garbage), "damaged"));
  g_assert_cmpint (rd_evidence_get_page_count (garbage), ==, -1);
  g_assert_null (rd_store_dup_evidence_thumbnail (f->store, garbage, 0, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (count_evidence (f), ==, 2);
}

static void
test_photo_orientation (Fixture       *f,
                        gconstpointer  data)
{
  for (int orientation = 1; orientation <= 8; orientation++)
    {
      g_autofree char *name = g_strdup_printf ("photo-%d.jpg", orientation);
      g_autofree char *path = fixture_path (f, name);
      g_autoptr(RdEvidence) evidence = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *thumb = NULL;
      g_autoptr(GdkPixbuf) pixbuf = NULL;
      GDateTime *captured;
      gboolean turned = orientation >= 5;
      guchar *pixels;
      int w, h, stride, n;
      int rx, ry;

      /* Each file differs, or dedup would make them one. */
      fixture_write_jpeg (path, 80, 40, orientation, "2024:02:14 07:45:30", orientation);
      evidence = import_ok (f, path);
      g_assert_cmpint (rd_evidence_get_kind (evidence), ==, RD_EVIDENCE_KIND_PHOTO);
      g_assert_cmpstr (rd_evidence_get_content_type (evidence), ==, "image/jpeg");
      g_assert_cmpint (rd_evidence_get_orientation (evidence), ==, orientation);
      g_assert_cmpint (rd_evidence_get_date_source (evidence), ==, RD_EVIDENCE_DATE_EXIF);
      captured = rd_evidence_get_captured_at (evidence);
      g_assert_cmpint (g_date_time_get_year (captured), ==, 2024);
      g_assert_cmpint (g_date_time_get_month (captured), ==, 2);
      g_assert_cmpint (g_date_time_get_day_of_month (captured), ==, 14);
      g_assert_cmpint (g_date_time_get_hour (captured), ==, 7);
      g_assert_cmpint (g_date_time_get_minute (captured), ==, 45);

      thumb = rd_store_dup_evidence_thumbnail (f->store, evidence, 64, NULL, &error);
      g_assert_no_error (error);
      pixbuf = gdk_pixbuf_new_from_file (thumb, &error);
      g_assert_no_error (error);
      w = gdk_pixbuf_get_width (pixbuf);
      h = gdk_pixbuf_get_height (pixbuf);
      if (turned)
        g_assert_cmpint (h, >, w);
      else
        g_assert_cmpint (w, >, h);

      /* The stored picture has a red top-left quarter; where it lands once
       * the thumbnail is the right way up tells the orientation was used. */
      switch (orientation)
        {
        case 1: rx = 0; ry = 0; break;
        case 2: rx = 1; ry = 0; break;
        case 3: rx = 1; ry = 1; break;
        case 4: rx = 0; ry = 1; break;
        case 5: rx = 0; ry = 0; break;
        case 6: rx = 1; ry = 0; break;
        case 7: rx = 1; ry = 1; break;
        case 8: default: rx = 0; ry = 1; break;
        }
      pixels = gdk_pixbuf_get_pixels (pixbuf);
      stride = gdk_pixbuf_get_rowstride (pixbuf);
      n = gdk_pixbuf_get_n_channels (pixbuf);
      {
        int x = rx ? w - 3 : 2;
        int y = ry ? h - 3 : 2;
        guchar *p = pixels + y * stride + x * n;

        g_assert_cmpint (p[0], >, 180);
        g_assert_cmpint (p[1], <, 90);
      }
    }
}

static void
test_photo_unreadable (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "broken.jpg");
  g_autoptr(RdEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *thumb = NULL;
  const guchar junk[] = { 0xff, 0xd8, 0xff, 0xdb, 0x00, 0x04, 0x01, 0x02, 'n', 'o', 't', ' ', 'a' };

  g_assert_true (g_file_set_contents (path, (const char *) junk, sizeof junk, NULL));
  evidence = import_ok (f, path);
  g_assert_cmpint (rd_evidence_get_kind (evidence), ==, RD_EVIDENCE_KIND_PHOTO);
  g_assert_nonnull (strstr (rd_evidence_get_problem (evidence), "cannot show this picture"));
  thumb = rd_store_dup_evidence_thumbnail (f->store, evidence, 0, NULL, &error);
  g_assert_null (thumb);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "cannot show this picture"));
}

static void
test_photo_heic (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "IMG_0001.HEIC");
  g_autoptr(RdEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *thumb = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  if (!fixture_write_heic (path, 64, 32))
    {
      g_test_skip ("ImageMagick cannot write HEIC here");
      return;
    }
  evidence = import_ok (f, path);
  g_assert_cmpint (rd_evidence_get_kind (evidence), ==, RD_EVIDENCE_KIND_PHOTO);
  g_assert_true (g_str_has_prefix (rd_evidence_get_content_type (evidence), "image/hei"));
  g_assert_cmpstr (rd_evidence_get_problem (evidence), ==, "");
  thumb = rd_store_dup_evidence_thumbnail (f->store, evidence, 32, NULL, &error);
  g_assert_no_error (error);
  pixbuf = gdk_pixbuf_new_from_file (thumb, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 32);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 16);
}

/* A phone's HEIC keeps its EXIF as an item of its own: it dates the photo. */
static void
test_photo_heic_exif (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "IMG_0002.HEIC");
  g_autoptr(RdEvidence) evidence = NULL;
  GDateTime *captured;

  /* The file has no picture, and the HEIF loader says so with a warning,
   * which must not end this test. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  fixture_write_heif_exif (path, 6, "2024:04:02 19:45:10");
  evidence = import_ok (f, path);
  g_assert_true (g_str_has_prefix (rd_evidence_get_content_type (evidence), "image/hei"));
  g_assert_cmpint (rd_evidence_get_date_source (evidence), ==, RD_EVIDENCE_DATE_EXIF);
  g_assert_cmpint (rd_evidence_get_orientation (evidence), ==, 6);
  captured = rd_evidence_get_captured_at (evidence);
  g_assert_cmpint (g_date_time_get_month (captured), ==, 4);
  g_assert_cmpint (g_date_time_get_day_of_month (captured), ==, 2);
  g_assert_cmpint (g_date_time_get_hour (captured), ==, 19);

  /* Cut short inside its tables: no date from it, and no crash. */
  {
    g_autofree char *contents = NULL;
    g_autofree char *cut = fixture_path (f, "IMG_0003.HEIC");
    g_autoptr(RdEvidence) damaged = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
    for (gsize keep = 20; keep < len; keep += 37)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GFile) file = NULL;

        g_assert_true (g_file_set_contents (cut, contents, keep, NULL));
        file = g_file_new_for_path (cut);
        g_clear_object (&damaged);
        damaged = rd_store_import_evidence (f->store, f->case_id, file, NULL, NULL, &error);
        g_assert_no_error (error);
      }
    g_assert_cmpint (rd_evidence_get_date_source (damaged), ==, RD_EVIDENCE_DATE_FILE_MODIFIED);
  }
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

static void
test_misnamed (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "scan.pdf");
  g_autoptr(RdEvidence) evidence = NULL;

  fixture_write_jpeg (path, 30, 20, 1, NULL, 0);
  evidence = import_ok (f, path);
  g_assert_cmpstr (rd_evidence_get_content_type (evidence), ==, "image/jpeg");
  g_assert_cmpint (rd_evidence_get_kind (evidence), ==, RD_EVIDENCE_KIND_PHOTO);
  g_assert_cmpstr (rd_evidence_get_original_name (evidence), ==, "scan.pdf");
  /* No EXIF date: the file's own time, and the resident is told so. */
  g_assert_cmpint (rd_evidence_get_date_source (evidence), ==, RD_EVIDENCE_DATE_FILE_MODIFIED);
  g_assert_nonnull (rd_evidence_get_captured_at (evidence));
}

static void
test_empty_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "nothing.jpg");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdEvidence) evidence = NULL;
  guint n_stored, n_other;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  file = g_file_new_for_path (path);
  evidence = rd_store_import_evidence (f->store, f->case_id, file, NULL, NULL, &error);
  g_assert_null (evidence);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "nothing.jpg"));
  g_assert_nonnull (strstr (error->message, "empty"));
  g_assert_cmpuint (count_evidence (f), ==, 0);
  count_store_files (f, &n_stored, &n_other);
  g_assert_cmpuint (n_stored, ==, 0);
  g_assert_cmpuint (n_other, ==, 0);

  /* A folder, and a file that is not there, are refused by name too. */
  {
    g_autoptr(GFile) folder = g_file_new_for_path (f->files);
    g_autofree char *gone_path = fixture_path (f, "moved-away.pdf");
    g_autoptr(GFile) gone = g_file_new_for_path (gone_path);

    g_clear_error (&error);
    g_assert_null (rd_store_import_evidence (f->store, f->case_id, folder, NULL, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
    g_assert_nonnull (strstr (error->message, "fixtures"));
    g_clear_error (&error);
    g_assert_null (rd_store_import_evidence (f->store, f->case_id, gone, NULL, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "moved-away.pdf"));
    g_assert_cmpuint (count_evidence (f), ==, 0);
  }
}

static void
test_email (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "repairs.eml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RdEvidenceBatch) batch = rd_evidence_batch_new (f->store, f->case_id);
  g_autoptr(GListModel) found = NULL;
  RdEvidence *message, *first, *second;
  GDateTime *sent;
  g_autoptr(RdParty) repairs = rd_party_new ();
  g_autoptr(RdParty) other = rd_party_new ();

  /* People the case knows: the sender, and one whose name is only part
   * of a word in the email's From line. */
  rd_party_set_case_id (repairs, f->case_id);
  rd_party_set_name (repairs, "Riverside Repairs");
  rd_party_set_role (repairs, RD_PARTY_LANDLORD_OFFICER);
  g_assert_true (rd_store_save_party (f->store, repairs, &error));
  rd_party_set_case_id (other, f->case_id);
  rd_party_set_name (other, "Rivers");
  rd_party_set_role (other, RD_PARTY_NEIGHBOUR);
  g_assert_true (rd_store_save_party (f->store, other, &error));
  g_assert_no_error (error);

  fixture_write_eml (path, f->files);
  g_assert_true (rd_evidence_batch_add_file (batch, file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rd_evidence_batch_get_n_items (batch), ==, 3);
  g_assert_true (rd_evidence_batch_commit (batch, &error));
  g_assert_no_error (error);

  message = rd_evidence_batch_get_item (batch, 0);
  g_assert_cmpint (rd_evidence_get_kind (message), ==, RD_EVIDENCE_KIND_EMAIL);
  g_assert_cmpstr (rd_evidence_get_title (message), ==, "Re: Damp in the bedroom");
  g_assert_nonnull (strstr (rd_evidence_get_author (message), "repairs@riverside.example"));
  g_assert_nonnull (strstr (rd_evidence_get_recipients (message), "sam@example.org"));
  g_assert_cmpint (rd_evidence_get_date_source (message), ==, RD_EVIDENCE_DATE_EMAIL);
  sent = rd_evidence_get_captured_at (message);
  /* Tue, 12 Mar 2024 16:05:00 +0000 is 16:05 in London (GMT then). */
  g_assert_cmpint (g_date_time_get_day_of_month (sent), ==, 12);
  g_assert_cmpint (g_date_time_get_hour (sent), ==, 16);

  first = rd_evidence_batch_get_item (batch, 1);
  second = rd_evidence_batch_get_item (batch, 2);
  g_assert_cmpstr (rd_evidence_get_original_name (first), ==, "inspection.pdf");
  g_assert_cmpint (rd_evidence_get_kind (first), ==, RD_EVIDENCE_KIND_PDF);
  g_assert_cmpint (rd_evidence_get_page_count (first), ==, 1);
  g_assert_cmpstr (rd_evidence_get_original_name (second), ==, "mould.jpg");
  g_assert_cmpint (rd_evidence_get_kind (second), ==, RD_EVIDENCE_KIND_PHOTO);
  g_assert_cmpint (rd_evidence_get_parent_id (first), ==, rd_evidence_get_id (message));
  g_assert_cmpint (rd_evidence_get_parent_id (second), ==, rd_evidence_get_id (message));
  /* The photo has no EXIF date: it was sent when the email was. */
  g_assert_cmpint (rd_evidence_get_date_source (second), ==, RD_EVIDENCE_DATE_EMAIL);
  g_assert_true (g_date_time_equal (rd_evidence_get_captured_at (second), sent));
  g_assert_nonnull (strstr (rd_evidence_get_description (first), "Damp in the bedroom"));

  /* The email is in the contact log too, linked to the message. */
  {
    gint64 contact_id = rd_evidence_batch_get_contact_id (batch, 0);
    g_autoptr(RdContact) contact = NULL;
    g_autoptr(GListModel) linked = NULL;
    g_autoptr(RdEvidence) linked_message = NULL;

    g_assert_cmpint (contact_id, >, 0);
    contact = rd_store_get_contact (f->store, contact_id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (rd_contact_get_channel (contact), ==, RD_CHANNEL_EMAIL);
    g_assert_cmpint (rd_contact_get_direction (contact), ==, RD_CONTACT_FROM);
    g_assert_nonnull (strstr (rd_contact_get_person (contact), "repairs@riverside.example"));
    g_assert_cmpint (rd_contact_get_party_id (contact), ==, rd_party_get_id (repairs));
    g_assert_nonnull (strstr (rd_contact_get_summary (contact), "Damp in the bedroom"));
    g_assert_nonnull (strstr (rd_contact_get_summary (contact), "contractor will come"));
    g_assert_true (g_date_time_equal (rd_contact_get_occurred_at (contact), sent));
    linked = rd_store_list_linked_evidence (f->store, RD_EVIDENCE_TARGET_CONTACT, contact_id, &error);
    g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 1);
    linked_message = g_list_model_get_item (linked, 0);
    g_assert_cmpint (rd_evidence_get_id (linked_message), ==, rd_evidence_get_id (message));

    /* Deleting the contact drops the link, not the email. */
    g_assert_true (rd_store_delete_contact (f->store, contact_id, &error));
    g_clear_object (&linked);
    linked = rd_store_list_evidence_links (f->store, rd_evidence_get_id (message), &error);
    g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 0);
  }

  /* The body and the attachment's own text are both searchable. */
  found = rd_store_search_evidence (f->store, f->case_id, "contractor wednesday", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);
  found = rd_store_search_evidence (f->store, f->case_id, "inspection report", &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), >=, 1);
}

static void
test_media (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *wav = fixture_path (f, "noise.wav");
  g_autofree char *mp4 = fixture_path (f, "doorbell.mp4");
  g_autofree char *mp3 = fixture_path (f, "voicemail.mp3");
  g_autofree char *odd = fixture_path (f, "recording.ogg");
  g_autoptr(RdEvidence) a = NULL;
  g_autoptr(RdEvidence) v = NULL;
  g_autoptr(RdEvidence) m = NULL;
  g_autoptr(RdEvidence) o = NULL;

  fixture_write_wav (wav, 8000, 2500);
  fixture_write_mp4 (mp4, 600, 7 * 600 + 300);
  fixture_write_mp3 (mp3, 128, 3000);
  g_assert_true (g_file_set_contents (odd, "OggS\0\x02 a truncated stream", 24, NULL));

  a = import_ok (f, wav);
  g_assert_cmpint (rd_evidence_get_kind (a), ==, RD_EVIDENCE_KIND_AUDIO);
  g_assert_cmpint (rd_evidence_get_duration_ms (a), ==, 2500);
  v = import_ok (f, mp4);
  g_assert_cmpint (rd_evidence_get_kind (v), ==, RD_EVIDENCE_KIND_VIDEO);
  g_assert_cmpint (rd_evidence_get_duration_ms (v), ==, 7500);
  m = import_ok (f, mp3);
  g_assert_cmpint (rd_evidence_get_kind (m), ==, RD_EVIDENCE_KIND_AUDIO);
  g_assert_cmpint (rd_evidence_get_duration_ms (m), >=, 2900);
  g_assert_cmpint (rd_evidence_get_duration_ms (m), <=, 3100);
  {
    g_autofree char *flac = fixture_path (f, "hallway.flac");
    g_autofree char *vbr = fixture_path (f, "message.mp3");
    g_autoptr(RdEvidence) fl = NULL;
    g_autoptr(RdEvidence) vb = NULL;

    fixture_write_flac (flac, 48000, 48000 * 4 + 24000);
    fixture_write_mp3_vbr (vbr, 100);
    fl = import_ok (f, flac);
    g_assert_cmpint (rd_evidence_get_kind (fl), ==, RD_EVIDENCE_KIND_AUDIO);
    g_assert_cmpint (rd_evidence_get_duration_ms (fl), ==, 4500);
    vb = import_ok (f, vbr);
    /* 100 frames of 1152 samples at 44.1 kHz */
    g_assert_cmpint (rd_evidence_get_duration_ms (vb), ==, 100 * 1152 * 1000 / 44100);
  }

  /* Kept and listed even when its length cannot be read. */
  o = import_ok (f, odd);
  g_assert_cmpint (rd_evidence_get_duration_ms (o), ==, -1);
  g_assert_true (fixture_files_equal (odd, rd_evidence_get_path (o)));
  g_assert_cmpuint (count_evidence (f), ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/evidence/pdf", test_pdf);
  ADD ("/evidence/pdf-encrypted", test_pdf_encrypted);
  ADD ("/evidence/pdf-damaged", test_pdf_damaged);
  ADD ("/evidence/photo-orientation", test_photo_orientation);
  ADD ("/evidence/photo-unreadable", test_photo_unreadable);
  ADD ("/evidence/photo-heic", test_photo_heic);
  ADD ("/evidence/photo-heic-exif", test_photo_heic_exif);
  ADD ("/evidence/misnamed", test_misnamed);
  ADD ("/evidence/empty-file", test_empty_file);
  ADD ("/evidence/email", test_email);
  ADD ("/evidence/media", test_media);

  return g_test_run ();
}
