/* test-bundle-password.c: a password-protected PDF in the bundle: with its
 * password its pages go in, decrypted, text selectable; without it, or with
 * a wrong one, it is listed as not included with the reason.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rd-core.h"
#include "rd-test-fixtures.h"

typedef struct
{
  char *dir;
  char *out;
  char *locked;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;

  f->dir = g_dir_make_tmp ("redress-bundle-password-XXXXXX", &error);
  g_assert_no_error (error);
  f->out = g_build_filename (f->dir, "bundle.pdf", NULL);
  plain = g_build_filename (f->dir, "plain.pdf", NULL);
  f->locked = g_build_filename (f->dir, "locked.pdf", NULL);
  rd_fixture_text_pdf (plain, 3, "SECRETMARKER", 595.276, 841.89);
  rd_fixture_encrypt_pdf (plain, f->locked, "user-secret");
  g_unlink (plain);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->out);
  g_free (f->locked);
}

static RdBundle *
make_bundle (Fixture          *f,
             const char       *password,
             RdBundleExhibit **exhibit)
{
  RdBundle *bundle = rd_bundle_new ();
  g_autoptr(RdBundleSection) cover = rd_bundle_section_new ("Cover");
  RdBundleExhibit *ex = rd_bundle_exhibit_new (RD_EXHIBIT_PDF, f->locked, "Landlord’s report");

  rd_bundle_section_add (cover, RD_BLOCK_TITLE, NULL, "Evidence bundle");
  rd_bundle_add_section (bundle, cover);
  rd_bundle_add_index (bundle);
  rd_bundle_exhibit_set_password (ex, password);
  rd_bundle_add_exhibit (bundle, ex);
  *exhibit = ex;
  rd_bundle_exhibit_unref (ex);
  return bundle;
}

/* With the right password: every page, its text selectable, and the
 * bundle has no password of its own. */
static void
test_right_password (Fixture       *f,
                     gconstpointer  data)
{
  RdBundleExhibit *ex;
  g_autoptr(RdBundle) bundle = make_bundle (f, "user-secret", &ex);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) omissions = NULL;
  g_auto(GStrv) pages = NULL;
  const char *info_argv[] = { "qpdf", "--show-encryption", f->out, NULL };
  g_autofree char *info = NULL;
  int first, status;

  g_assert_true (rd_bundle_write (bundle, f->out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  rd_fixture_assert_qpdf_check (f->out);
  omissions = rd_bundle_dup_omissions (bundle);
  g_assert_cmpuint (omissions->len, ==, 0);
  g_assert_null (rd_bundle_exhibit_get_omitted_reason (ex));

  info = rd_fixture_run (info_argv, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (info, "File is not encrypted"));

  /* The header page, then the document's three pages. */
  g_assert_cmpint (rd_bundle_exhibit_get_n_pages (ex), ==, 1 + 3);
  first = rd_bundle_exhibit_get_first_page (ex);
  pages = rd_fixture_pdf_text_pages (f->out);
  for (int k = 1; k <= 3; k++)
    {
      g_autofree char *expected = g_strdup_printf ("SECRETMARKER page %d", k);

      g_assert_cmpuint (g_strv_length (pages), >, (guint) (first + k - 1));
      g_assert_nonnull (strstr (pages[first + k - 1], expected));
    }
}

/* Without a password, or with a wrong one: listed as not included, saying
 * which, and the bundle is made all the same. */
static void
test_no_or_wrong_password (Fixture       *f,
                           gconstpointer  data)
{
  for (int wrong = 0; wrong < 2; wrong++)
    {
      RdBundleExhibit *ex;
      g_autoptr(RdBundle) bundle = make_bundle (f, wrong ? "guess" : NULL, &ex);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) omissions = NULL;
      g_autofree char *text = NULL;
      const char *reason;

      g_assert_true (rd_bundle_write (bundle, f->out, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      rd_fixture_assert_qpdf_check (f->out);
      omissions = rd_bundle_dup_omissions (bundle);
      g_assert_cmpuint (omissions->len, ==, 1);
      reason = rd_bundle_exhibit_get_omitted_reason (ex);
      g_assert_nonnull (reason);
      g_assert_nonnull (strstr (reason, "password"));
      if (wrong)
        g_assert_nonnull (strstr (reason, "not the right one"));
      else
        g_assert_null (strstr (reason, "not the right one"));

      text = rd_fixture_pdf_text (f->out);
      g_assert_null (strstr (text, "SECRETMARKER"));
      g_assert_nonnull (strstr (text, "Not included"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/bundle-password/right", Fixture, NULL, fixture_set_up, test_right_password, fixture_tear_down);
  g_test_add ("/bundle-password/no-or-wrong", Fixture, NULL, fixture_set_up, test_no_or_wrong_password, fixture_tear_down);

  return g_test_run ();
}
