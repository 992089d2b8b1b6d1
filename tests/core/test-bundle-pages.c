/* test-bundle-pages.c: what exhibit pages say about their files: an email names its attachments
 * by the exhibits that are the same files; each photo says truly what was done to its picture.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rd-core.h"
#include "evidence-fixtures.h"
#include "rd-test-fixtures.h"
#include "store-fixtures.h"

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The number in "@name (@type): exhibit N" on the email's page. */
static char *
attachment_label (const char *text,
                  const char *name_pattern)
{
  g_autofree char *pattern = g_strdup_printf ("%s: exhibit (\\d+)", name_pattern);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (regex, text, 0, &match))
    return NULL;
  return g_match_info_fetch (match, 1);
}

/* The exhibit whose pages print the start of @file's SHA-256: the last
 * "Exhibit N:" heading before it. */
static char *
exhibit_with_hash_of (const char *text,
                      const char *file)
{
  g_autofree char *sha = fixture_sha256_of (file);
  const char *at;
  const char *heading = NULL;

  sha[16] = '\0';
  at = strstr (text, sha);
  g_assert_nonnull (at);
  for (const char *p = strstr (text, "Exhibit "); p != NULL && p < at; p = strstr (p + 1, "Exhibit "))
    heading = p;
  g_assert_nonnull (heading);
  return g_strndup (heading + strlen ("Exhibit "), strspn (heading + strlen ("Exhibit "), "0123456789"));
}

/* Where the store keeps the evidence first called @name. */
static char *
stored_path (const char *data,
             const char *case_arg,
             const char *name)
{
  const char *args[] = { "evidence", case_arg, "--json", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  JsonArray *array;

  g_assert_cmpint (fixture_run_cli (data, args, &out, NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (o, "original_name"), name) == 0)
        return g_strdup (json_object_get_string_member (o, "path"));
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_attachments_by_exhibit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("redress-bundle-email-XXXXXX", &error);
  g_autofree char *data = g_build_filename (root, "data", NULL);
  g_autofree char *eml = g_build_filename (root, "reply.eml", NULL);
  g_autofree char *bundle = g_build_filename (root, "bundle.pdf", NULL);
  g_autofree char *case_arg = NULL;
  g_autofree char *text = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdCase) rcase = NULL;

  g_assert_no_error (error);
  store = rd_store_open (data, &error);
  g_assert_no_error (error);
  rcase = fixture_make_case (store, "Damp");
  case_arg = g_strdup_printf ("%" G_GINT64_FORMAT, rd_case_get_id (rcase));
  g_clear_object (&store);
  fixture_write_eml (eml, root);

  {
    const char *args[] = { "add-evidence", case_arg, eml, NULL };
    g_assert_cmpint (fixture_run_cli (data, args, NULL, NULL), ==, 0);
  }

  /* Both attachments are exhibits of their own: the email names them. */
  {
    const char *args[] = { "export", case_arg, "--output", bundle, NULL };
    g_autofree char *pdf_label = NULL;
    g_autofree char *jpeg_label = NULL;
    g_autofree char *line = NULL;
    g_autofree char *pdf_exhibit = NULL;
    g_autofree char *jpeg_exhibit = NULL;

    g_assert_cmpint (fixture_run_cli (data, args, NULL, NULL), ==, 0);
    text = pdf_text (bundle);
    g_assert_null (strstr (text, "not reproduced"));
    g_assert_nonnull (strstr (text, "Each attachment is in this bundle"));
    pdf_label = attachment_label (text, "inspection\\.pdf \\(application/pdf\\)");
    jpeg_label = attachment_label (text, "mould\\.jpg \\(image/jpeg\\)");
    g_assert_nonnull (pdf_label);
    g_assert_nonnull (jpeg_label);
    g_assert_cmpstr (pdf_label, !=, jpeg_label);
    /* …and they are the exhibits that are those files. */
    line = stored_path (data, case_arg, "inspection.pdf");
    pdf_exhibit = exhibit_with_hash_of (text, line);
    g_assert_cmpstr (pdf_exhibit, ==, pdf_label);
    g_free (line);
    line = stored_path (data, case_arg, "mould.jpg");
    jpeg_exhibit = exhibit_with_hash_of (text, line);
    g_assert_cmpstr (jpeg_exhibit, ==, jpeg_label);
    g_clear_pointer (&text, g_free);
  }
  fixture_remove_tree (root);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
add_photo (RdBundle   *bundle,
           const char *path,
           const char *title)
{
  g_autoptr(RdBundleExhibit) ex = rd_bundle_exhibit_new (RD_EXHIBIT_PHOTO, path, title);

  rd_bundle_add_exhibit (bundle, ex);
}

/* Each photo page says what was done to that picture: a JPEG that goes in
 * as its own bytes is "byte for byte"; a PNG made into a JPEG says so; with
 * the smaller-file option a large JPEG says it was stored again smaller. */
static void
test_photo_statement (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("redress-bundle-pages-XXXXXX", &error);
  g_autofree char *jpg = g_build_filename (root, "door.jpg", NULL);
  g_autofree char *png = g_build_filename (root, "damp.png", NULL);
  g_autofree char *out = g_build_filename (root, "bundle.pdf", NULL);
  g_autoptr(GBytes) jpeg = rd_fixture_jpeg (2000, 1500, 1, "GPS-MARKER", 8, 5);
  g_autoptr(GdkPixbuf) picture = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 400, 300);

  g_assert_no_error (error);
  rd_fixture_write_bytes (jpg, jpeg);
  gdk_pixbuf_fill (picture, 0x3366aaff);
  g_assert_true (gdk_pixbuf_save (picture, png, "png", &error, NULL));
  g_assert_no_error (error);
  for (int smaller = 0; smaller < 2; smaller++)
    {
      g_autoptr(RdBundle) bundle = rd_bundle_new ();
      g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
      g_autofree char *text = NULL;
      g_autofree char *flat = NULL;

      add_photo (bundle, jpg, "The front door");
      add_photo (bundle, png, "Damp in the bedroom");
      rd_bundle_set_smaller_file (bundle, smaller);
      g_assert_true (rd_bundle_write (bundle, out, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      rd_fixture_assert_qpdf_check (out);
      text = rd_fixture_pdf_text (out);
      flat = g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);

      g_assert_cmpuint (count (flat, "was not a JPEG: it has been converted to one"), ==, 1);
      g_assert_cmpuint (count (flat, "the picture itself is the original JPEG’s, byte for byte"),
                        ==, smaller ? 0 : 1);
      g_assert_cmpuint (count (flat, "stored again at a reduced size for the smaller-file option"),
                        ==, smaller ? 1 : 0);
      g_assert_null (strstr (flat, "unchanged unless"));
    }
  fixture_remove_tree (root);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bundle-pages/email-attachments", test_attachments_by_exhibit);
  g_test_add_func ("/bundle-pages/photo-statement", test_photo_statement);
  return g_test_run ();
}
