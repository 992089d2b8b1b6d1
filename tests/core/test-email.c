/* test-email.c: saved emails read with GMime, as the evidence store and the bundle read them.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <string.h>

#include "rd-email.h"

static char *
write_message (const char *dir,
               const char *name,
               const char *message)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, message, -1, &error));
  g_assert_no_error (error);
  return path;
}

/* The fingerprints, and the attachments saved to files a piece at a time,
 * are those of the same bytes decoded into memory (@whole). */
static void
check_streamed (const char *dir,
                const char *path,
                RdEmail    *whole)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdEmail) hashed = rd_email_read (path, RD_EMAIL_ATTACHMENT_SHA256, &error);
  g_autoptr(RdEmail) kept = NULL;

  g_assert_no_error (error);
  g_assert_null (hashed->parts);
  kept = rd_email_read (path, RD_EMAIL_KEEP_PARTS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hashed->attachments->len, ==, whole->attachments->len);
  g_assert_cmpuint (kept->attachments->len, ==, whole->attachments->len);
  for (guint i = 0; i < whole->attachments->len; i++)
    {
      RdEmailAttachment *w = g_ptr_array_index (whole->attachments, i);
      RdEmailAttachment *h = g_ptr_array_index (hashed->attachments, i);
      g_autofree char *expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, w->data);
      g_autofree char *saved_path = g_build_filename (dir, "saved.bin", NULL);
      g_autofree char *saved = NULL;
      gsize saved_len = 0;
      goffset size = -1;
      int fd;

      g_assert_null (h->data);
      g_assert_cmpstr (h->sha256, ==, expected);

      fd = g_open (saved_path, O_RDWR | O_CREAT | O_TRUNC, 0600);
      g_assert_cmpint (fd, >=, 0);
      g_assert_true (rd_email_save_attachment (kept, i, fd, &size, &error));
      g_assert_no_error (error);
      g_assert_cmpint (close (fd), ==, 0);
      g_assert_cmpint (size, ==, g_bytes_get_size (w->data));
      g_assert_true (g_file_get_contents (saved_path, &saved, &saved_len, &error));
      g_assert_cmpmem (saved, saved_len, g_bytes_get_data (w->data, NULL), g_bytes_get_size (w->data));
      g_unlink (saved_path);
    }
}

static void
test_read (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redress-email-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(RdEmail) names = NULL;
  g_autoptr(RdEmail) data = NULL;
  RdEmailAttachment *a;

  path = write_message (dir, "reply.eml",
    "From: =?utf-8?Q?Se=C3=A1n?= Officer <officer@example.org>\r\n"
    "To: Resident <resident@example.net>\r\n"
    "Cc: Councillor <cllr@example.gov.uk>\r\n"
    "Subject: =?utf-8?Q?Repairs_=E2=80=93_C123?=\r\n"
    "Date: Mon, 4 Mar 2024 09:15:00 +0000\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=\"out\"\r\n"
    "\r\n"
    "--out\r\n"
    "Content-Type: multipart/alternative; boundary=\"alt\"\r\n"
    "\r\n"
    "--alt\r\n"
    "Content-Type: text/html; charset=utf-8\r\n\r\n<p>HTML version</p>\r\n"
    "--alt\r\n"
    "Content-Type: text/plain; charset=windows-1252\r\n"
    "Content-Transfer-Encoding: quoted-printable\r\n"
    "\r\n"
    "We will send an operative on Friday =96 =A3200 of works.\r\n"
    "--alt--\r\n"
    "--out\r\n"
    "Content-Type: application/pdf; name=\"schedule.pdf\"\r\n"
    "Content-Disposition: attachment; filename=\"schedule.pdf\"\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "\r\n"
    "JVBERi0xLjQK\r\n"
    "--out\r\n"
    "Content-Type: message/rfc822\r\n"
    "\r\n"
    "From: Neighbour <n@example.com>\r\n"
    "Subject: Noise\r\n"
    "\r\n"
    "Forwarded text.\r\n"
    "--out--\r\n");

  names = rd_email_read (path, RD_EMAIL_NAMES_ONLY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (names->from, "Seán Officer"));
  g_assert_nonnull (strstr (names->to, "resident@example.net"));
  g_assert_nonnull (strstr (names->cc, "Councillor"));
  g_assert_cmpstr (names->subject, ==, "Repairs – C123");
  g_assert_nonnull (names->date);
  g_assert_cmpint (g_date_time_get_day_of_month (names->date), ==, 4);
  /* The plain part is preferred, in UTF-8 whatever its charset. */
  g_assert_nonnull (strstr (names->text, "Friday – £200"));
  g_assert_null (strstr (names->text, "HTML"));
  g_assert_cmpuint (names->attachments->len, ==, 2);
  a = g_ptr_array_index (names->attachments, 0);
  g_assert_cmpstr (a->name, ==, "schedule.pdf");
  g_assert_cmpstr (a->content_type, ==, "application/pdf");
  g_assert_null (a->data);
  a = g_ptr_array_index (names->attachments, 1);
  g_assert_cmpstr (a->name, ==, "Noise.eml");
  g_assert_cmpstr (a->content_type, ==, "message/rfc822");

  data = rd_email_read (path, RD_EMAIL_ATTACHMENT_DATA, &error);
  g_assert_no_error (error);
  a = g_ptr_array_index (data->attachments, 0);
  g_assert_cmpmem (g_bytes_get_data (a->data, NULL), g_bytes_get_size (a->data), "%PDF-1.4\n", 9);
  a = g_ptr_array_index (data->attachments, 1);
  g_assert_nonnull (a->data);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (a->data, NULL), g_bytes_get_size (a->data),
                                  "Forwarded text."));

  check_streamed (dir, path, data);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_html_only_and_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redress-email-XXXXXX", &error);
  g_autofree char *html = NULL;
  g_autofree char *missing = NULL;
  g_autoptr(RdEmail) email = NULL;
  RdEmail *none;

  html = write_message (dir, "html.eml",
    "From: Landlord <l@example.org>\r\n"
    "Subject: Visit\r\n"
    "Content-Type: text/html\r\n"
    "\r\n"
    "<style>p { color: red }</style><p>First &amp; last.</p><p>Second&nbsp;line</p>\r\n");
  email = rd_email_read (html, RD_EMAIL_NAMES_ONLY, &error);
  g_assert_no_error (error);
  g_assert_null (email->date);
  g_assert_null (strstr (email->text, "color"));
  g_assert_nonnull (strstr (email->text, "First & last.\nSecond line"));
  g_assert_cmpuint (email->attachments->len, ==, 0);

  missing = g_build_filename (dir, "gone.eml", NULL);
  none = rd_email_read (missing, RD_EMAIL_NAMES_ONLY, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  g_unlink (html);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/email/read", test_read);
  g_test_add_func ("/email/html-only-and-bad-input", test_html_only_and_bad_input);

  return g_test_run ();
}
