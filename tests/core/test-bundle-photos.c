/* test-bundle-photos.c: photos that are not plain JPEGs (PNG, CMYK JPEG, HEIC)
 * go into the bundle as JPEGs of the size a page needs; unreadable ones are
 * listed as not included.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "rd-core.h"
#include "rd-hash.h"
#include "rd-test-fixtures.h"

#define GPS_MARKER "GPS-SECRET-51.5074N"

typedef struct
{
  char *dir;
  char *out;
} Fixture;

static char *
fixture_path (Fixture    *f,
              const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("redress-bundle-photos-XXXXXX", &error);
  g_assert_no_error (error);
  f->out = fixture_path (f, "bundle.pdf");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *p = fixture_path (f, name);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->out);
}

/* Nothing left beside the bundle: no skeletons, no converted photos. */
static void
assert_no_leftovers (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".bundle.pdf"));
}

/* Top half red, bottom half blue, as stored; with @alpha, a transparent
 * band across the middle (white once flattened). Grain makes it photo-like. */
static void
write_png (const char *path,
           int         width,
           int         height,
           gboolean    alpha)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, alpha, 8, width, height);
  g_autoptr(GError) error = NULL;
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf), n = gdk_pixbuf_get_n_channels (pixbuf);
  guint32 seed = 7;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint8 *p = pixels + (gsize) y * stride + (gsize) x * n;
        gboolean top = y < height / 2;
        int grain;

        seed = seed * 1103515245 + 12345;
        grain = (int) ((seed >> 16) % 16);
        p[0] = top ? 230 + grain : 20 + grain;
        p[1] = 20 + grain;
        p[2] = top ? 20 + grain : 230 + grain;
        if (alpha)
          p[3] = ABS (y - height / 2) < height / 20 ? 0 : 255;
      }
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
  g_assert_no_error (error);
}

static RdBundle *
make_bundle (void)
{
  RdBundle *bundle = rd_bundle_new ();
  g_autoptr(RdBundleSection) cover = rd_bundle_section_new ("Cover");

  rd_bundle_set_title (bundle, "Complaint bundle: 4 Acacia Avenue");
  rd_bundle_section_add (cover, RD_BLOCK_TITLE, NULL, "Evidence bundle");
  rd_bundle_add_section (bundle, cover);
  rd_bundle_add_index (bundle);
  return bundle;
}

static RdBundleExhibit *
add_photo (RdBundle   *bundle,
           Fixture    *f,
           const char *name,
           const char *title)
{
  g_autofree char *path = fixture_path (f, name);
  RdBundleExhibit *ex = rd_bundle_exhibit_new (RD_EXHIBIT_PHOTO, path, title);

  rd_bundle_exhibit_set_description (ex, "A description written by the resident.");
  rd_bundle_add_exhibit (bundle, ex);
  rd_bundle_exhibit_unref (ex);
  return ex;
}

typedef struct
{
  int  width;
  int  height;
  char enc[16];
} PdfImage;

/* The one image `pdfimages -list` shows on @page. */
static PdfImage
image_on_page (const char *pdf,
               int         page)
{
  g_autofree char *pg = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdfimages", "-f", pg, "-l", pg, "-list", pdf, NULL };
  int status;
  g_autofree char *out = rd_fixture_run (argv, &status);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  PdfImage image = { 0, 0, "" };
  int found = 0;

  g_assert_cmpint (status, ==, 0);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      int p, num, w, h;
      char type[16], color[16], enc[16];

      if (sscanf (lines[i], "%d %d %15s %d %d %15s %*d %*d %15s", &p, &num, type, &w, &h, color,
                  enc) == 7 && p == page && g_str_equal (type, "image"))
        {
          image.width = w;
          image.height = h;
          g_strlcpy (image.enc, enc, sizeof image.enc);
          found++;
        }
    }
  g_assert_cmpint (found, ==, 1);
  return image;
}

/* The colour at a fraction of a rendered page: 'r', 'b', 'w' or '?' */
static char
colour_at (GdkPixbuf *page,
           double     fx,
           double     fy)
{
  int x = (int) (gdk_pixbuf_get_width (page) * fx), y = (int) (gdk_pixbuf_get_height (page) * fy);
  const guint8 *p = gdk_pixbuf_read_pixels (page) + (gsize) y * gdk_pixbuf_get_rowstride (page)
                    + x * gdk_pixbuf_get_n_channels (page);

  if (p[0] > 150 && p[2] < 90)
    return 'r';
  if (p[2] > 150 && p[0] < 90)
    return 'b';
  if (p[0] > 220 && p[1] > 220 && p[2] > 220)
    return 'w';
  return '?';
}

static GdkPixbuf *
render_page (Fixture *f,
             int      page)
{
  g_autofree char *prefix = fixture_path (f, "render");
  g_autofree char *png = fixture_path (f, "render.png");
  g_autofree char *pg = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftoppm", "-r", "30", "-f", pg, "-l", pg, "-png", "-singlefile",
                         f->out, prefix, NULL };
  g_autoptr(GError) error = NULL;
  GdkPixbuf *render;
  int status;

  g_free (rd_fixture_run (argv, &status));
  g_assert_cmpint (status, ==, 0);
  render = gdk_pixbuf_new_from_file (png, &error);
  g_assert_no_error (error);
  g_unlink (png);
  return render;
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_size;
}

/* A 7.7-megapixel PNG goes in as a JPEG of page size, a phone screenshot
 * at its own size (its text stays sharp), and transparency prints white. */
static void
test_png (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *big = fixture_path (f, "damp.png");
  g_autofree char *shot = fixture_path (f, "screenshot.png");
  g_autoptr(GError) error = NULL;

  write_png (big, 3200, 2400, TRUE);
  write_png (shot, 1170, 2532, FALSE);
  for (int smaller = 0; smaller < 2; smaller++)
    {
      g_autoptr(RdBundle) bundle = make_bundle ();
      g_autoptr(GPtrArray) omissions = NULL;
      g_autoptr(GdkPixbuf) render = NULL;
      RdBundleExhibit *ex_big = add_photo (bundle, f, "damp.png", "Damp in the bedroom");
      RdBundleExhibit *ex_shot = add_photo (bundle, f, "screenshot.png", "Message from the officer");
      g_autofree char *expected_sha = rd_sha256_file_hex (big, NULL, NULL, NULL);
      g_autofree char *text = NULL;
      PdfImage im;

      rd_bundle_set_smaller_file (bundle, smaller);
      g_assert_true (rd_bundle_write (bundle, f->out, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      rd_fixture_assert_qpdf_check (f->out);
      assert_no_leftovers (f);
      omissions = rd_bundle_dup_omissions (bundle);
      g_assert_cmpuint (omissions->len, ==, 0);

      im = image_on_page (f->out, rd_bundle_exhibit_get_first_page (ex_big));
      g_assert_cmpstr (im.enc, ==, "jpeg");
      g_assert_cmpint (im.width, ==, smaller ? 1600 : 2800);
      g_assert_cmpint (im.height, ==, smaller ? 1200 : 2100);
      im = image_on_page (f->out, rd_bundle_exhibit_get_first_page (ex_shot));
      g_assert_cmpstr (im.enc, ==, "jpeg");
      g_assert_cmpint (im.width, ==, smaller ? 739 : 1170);
      g_assert_cmpint (im.height, ==, smaller ? 1600 : 2532);

      /* Two pictures of this grain come to well under a megabyte each. */
      g_assert_cmpint (file_size (f->out), <, smaller ? 700 * 1000 : 2 * 1000 * 1000);

      /* The fingerprint printed is the original file's. */
      text = rd_fixture_pdf_text (f->out);
      g_assert_nonnull (strstr (text, expected_sha));

      render = render_page (f, rd_bundle_exhibit_get_first_page (ex_big));
      g_assert_cmpint (colour_at (render, 0.5, 0.25), ==, 'r');
      g_assert_cmpint (colour_at (render, 0.5, 0.40), ==, 'b');
      g_assert_cmpint (colour_at (render, 0.5, 0.31), ==, 'w');
    }
}

/* A phone-sized CMYK JPEG with EXIF orientation 6 cannot go in as its own
 * bytes: it is decoded, turned upright, and goes in as an RGB JPEG. */
static void
test_oriented (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *rgb = fixture_path (f, "rgb.jpg");
  g_autofree char *cmyk = fixture_path (f, "cmyk.jpg");
  g_autoptr(GBytes) jpeg = rd_fixture_jpeg (3200, 2400, 6, GPS_MARKER, 8, 3);
  const char *argv[] = { "convert", rgb, "-colorspace", "CMYK", cmyk, NULL };
  g_autoptr(RdBundle) bundle = make_bundle ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) render = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autofree char *contents = NULL;
  RdBundleExhibit *ex;
  PdfImage im;
  gsize len;
  int status;

  rd_fixture_write_bytes (rgb, jpeg);
  g_free (rd_fixture_run (argv, &status));
  g_assert_cmpint (status, ==, 0);
  g_unlink (rgb);

  ex = add_photo (bundle, f, "cmyk.jpg", "Mould by the window");
  g_assert_true (rd_bundle_write (bundle, f->out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  rd_fixture_assert_qpdf_check (f->out);
  assert_no_leftovers (f);

  im = image_on_page (f->out, rd_bundle_exhibit_get_first_page (ex));
  g_assert_cmpstr (im.enc, ==, "jpeg");
  /* Upright (portrait), 300 dpi across the page's width. */
  g_assert_cmpint (im.width, ==, 2100);
  g_assert_cmpint (im.height, ==, 2800);

  g_assert_true (g_file_get_contents (f->out, &contents, &len, NULL));
  out = g_bytes_new_take (g_steal_pointer (&contents), len);
  g_assert_false (rd_fixture_bytes_contain (out, GPS_MARKER, strlen (GPS_MARKER)));

  /* Stored: red above blue. Turned a quarter clockwise: blue left, red right. */
  render = render_page (f, rd_bundle_exhibit_get_first_page (ex));
  g_assert_cmpint (colour_at (render, 0.35, 0.45), ==, 'b');
  g_assert_cmpint (colour_at (render, 0.65, 0.45), ==, 'r');
}

/* A HEIC photo, as iPhones take them, goes in as a JPEG. */
static void
test_heic (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *png = fixture_path (f, "src.png");
  g_autofree char *heic = fixture_path (f, "IMG_0001.HEIC");
  const char *argv[] = { "convert", png, heic, NULL };
  g_autoptr(RdBundle) bundle = make_bundle ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) render = NULL;
  RdBundleExhibit *ex;
  PdfImage im;
  int status;

  write_png (png, 640, 480, FALSE);
  g_free (rd_fixture_run (argv, &status));
  if (status != 0 || !g_file_test (heic, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("ImageMagick here cannot write HEIC");
      return;
    }
  ex = add_photo (bundle, f, "IMG_0001.HEIC", "Ceiling");
  g_assert_true (rd_bundle_write (bundle, f->out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  rd_fixture_assert_qpdf_check (f->out);
  im = image_on_page (f->out, rd_bundle_exhibit_get_first_page (ex));
  g_assert_cmpstr (im.enc, ==, "jpeg");
  g_assert_cmpint (im.width, ==, 640);
  g_assert_cmpint (im.height, ==, 480);
  render = render_page (f, rd_bundle_exhibit_get_first_page (ex));
  g_assert_cmpint (colour_at (render, 0.5, 0.25), ==, 'r');
  g_assert_cmpint (colour_at (render, 0.5, 0.40), ==, 'b');
}

/* A WebP picture (as some phones and messaging apps save them) goes in as
 * a JPEG. */
static void
test_webp (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *png = fixture_path (f, "src.png");
  g_autofree char *webp = fixture_path (f, "chat.webp");
  const char *argv[] = { "convert", png, "-quality", "90", webp, NULL };
  g_autoptr(RdBundle) bundle = make_bundle ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) render = NULL;
  g_autoptr(GPtrArray) omissions = NULL;
  RdBundleExhibit *ex;
  PdfImage im;
  int status;

  write_png (png, 800, 600, FALSE);
  g_free (rd_fixture_run (argv, &status));
  g_assert_cmpint (status, ==, 0);
  ex = add_photo (bundle, f, "chat.webp", "Message from the landlord");
  g_assert_true (rd_bundle_write (bundle, f->out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  rd_fixture_assert_qpdf_check (f->out);
  omissions = rd_bundle_dup_omissions (bundle);
  g_assert_cmpuint (omissions->len, ==, 0);
  im = image_on_page (f->out, rd_bundle_exhibit_get_first_page (ex));
  g_assert_cmpstr (im.enc, ==, "jpeg");
  g_assert_cmpint (im.width, ==, 800);
  g_assert_cmpint (im.height, ==, 600);
  render = render_page (f, rd_bundle_exhibit_get_first_page (ex));
  g_assert_cmpint (colour_at (render, 0.5, 0.25), ==, 'r');
  g_assert_cmpint (colour_at (render, 0.5, 0.40), ==, 'b');
}

/* A damaged PNG and a HEIC that libheif rejects are listed as not
 * included, with the reason; the rest of the bundle is made. */
static void
test_unreadable (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *good = fixture_path (f, "good.png");
  g_autofree char *damaged = fixture_path (f, "damaged.png");
  g_autofree char *heic = fixture_path (f, "broken.heic");
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autoptr(RdBundle) bundle = make_bundle ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) omissions = NULL;
  /* An ISO BMFF file that says it is HEIC, with no 'meta' box worth the name */
  static const guint8 fake_heic[] = {
    0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0,
    'm', 'i', 'f', '1', 'h', 'e', 'i', 'c',
    0, 0, 0, 16, 'm', 'e', 't', 'a', 0, 0, 0, 0, 0, 0, 0, 0,
  };
  RdBundleExhibit *ex_good, *ex_damaged, *ex_heic;
  gsize len;

  write_png (good, 800, 600, FALSE);
  write_png (damaged, 800, 600, FALSE);
  g_assert_true (g_file_get_contents (damaged, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (damaged, contents, (gssize) len / 3, NULL));
  g_assert_true (g_file_set_contents (heic, (const char *) fake_heic, sizeof fake_heic, NULL));

  ex_good = add_photo (bundle, f, "good.png", "The hallway");
  ex_damaged = add_photo (bundle, f, "damaged.png", "The landing");
  ex_heic = add_photo (bundle, f, "broken.heic", "The ceiling");
  g_assert_true (rd_bundle_write (bundle, f->out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  rd_fixture_assert_qpdf_check (f->out);
  assert_no_leftovers (f);

  omissions = rd_bundle_dup_omissions (bundle);
  g_assert_cmpuint (omissions->len, ==, 2);
  g_assert_true (omissions->pdata[0] == ex_damaged);
  g_assert_true (omissions->pdata[1] == ex_heic);
  g_assert_null (rd_bundle_exhibit_get_omitted_reason (ex_good));
  for (guint i = 0; i < omissions->len; i++)
    g_assert_nonnull (strstr (rd_bundle_exhibit_get_omitted_reason (omissions->pdata[i]),
                              "cannot be read as a picture"));
  g_assert_cmpstr (image_on_page (f->out, rd_bundle_exhibit_get_first_page (ex_good)).enc, ==, "jpeg");

  /* The index and the exhibits' own pages say so. */
  text = rd_fixture_pdf_text (f->out);
  g_assert_nonnull (strstr (text, "The landing"));
  g_assert_nonnull (strstr (text, "The ceiling"));
  g_assert_nonnull (strstr (text, "Not included"));
  g_assert_nonnull (strstr (text, "cannot be read as a picture"));
}

/* Tests make every warning fatal; the app does not. Here the loaders'
 * warnings (no log domain) are let through, to see where they go. */
static gboolean
loader_warnings_not_fatal (const char     *domain,
                           GLogLevelFlags  level,
                           const char     *message,
                           gpointer        data)
{
  return domain != NULL;
}

/* libheif's complaint does not reach stderr. */
static void
test_unreadable_quiet (Fixture       *f,
                       gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_test_log_set_fatal_handler (loader_warnings_not_fatal, NULL);
      test_unreadable (f, data);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr_unmatched ("*pitm*");
  g_test_trap_assert_stderr_unmatched ("*WARNING*");
}

/* A damaged picture is left out, but an altered one still stops the export. */
static void
test_altered (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *png = fixture_path (f, "damp.png");
  g_autofree char *sha = NULL;
  g_autoptr(RdBundle) bundle = make_bundle ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  RdBundleExhibit *ex;
  gsize len;

  write_png (png, 800, 600, FALSE);
  sha = rd_sha256_file_hex (png, NULL, NULL, NULL);
  ex = add_photo (bundle, f, "damp.png", "Damp");
  rd_bundle_exhibit_set_sha256 (ex, sha);
  g_assert_true (g_file_get_contents (png, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (png, contents, (gssize) len / 2, NULL));
  g_assert_false (rd_bundle_write (bundle, f->out, NULL, NULL, NULL, &error));
  g_assert_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_EVIDENCE_ALTERED);
  g_assert_nonnull (strstr (error->message, "damp.png"));
  g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
  assert_no_leftovers (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/bundle-photos/png", Fixture, NULL, fixture_set_up, test_png, fixture_tear_down);
  g_test_add ("/bundle-photos/oriented", Fixture, NULL, fixture_set_up, test_oriented, fixture_tear_down);
  g_test_add ("/bundle-photos/heic", Fixture, NULL, fixture_set_up, test_heic, fixture_tear_down);
  g_test_add ("/bundle-photos/webp", Fixture, NULL, fixture_set_up, test_webp, fixture_tear_down);
  g_test_add ("/bundle-photos/unreadable", Fixture, NULL, fixture_set_up, test_unreadable_quiet, fixture_tear_down);
  g_test_add ("/bundle-photos/altered", Fixture, NULL, fixture_set_up, test_altered, fixture_tear_down);

  return g_test_run ();
}
