/* rd-test-fixtures.c: evidence files made by the tests themselves (PDFs, JPEGs with EXIF, emails).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <cairo-pdf.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>

#include "rd-test-fixtures.h"

void
rd_fixture_text_pdf (const char *path,
                     int         n_pages,
                     const char *marker,
                     double      width,
                     double      height)
{
  cairo_surface_t *s = cairo_pdf_surface_create (path, width, height);
  cairo_t *cr = cairo_create (s);

  /* A fixed date, or cairo writes the time of the run: the evidence's
   * date, and with it its exhibit number, would then follow the clock
   * the tests run under. */
  cairo_pdf_surface_set_metadata (s, CAIRO_PDF_METADATA_CREATE_DATE, "2024-09-02T10:00:00+01:00");
  for (int p = 1; p <= n_pages; p++)
    {
      g_autofree char *line = g_strdup_printf ("%s page %d", marker, p);

      cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, 14);
      cairo_move_to (cr, 60, 80);
      cairo_show_text (cr, line);
      for (int l = 0; l < 30; l++)
        {
          cairo_move_to (cr, 60, 110 + l * 16);
          cairo_show_text (cr, "The landlord did not reply about the damp in the bedroom.");
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (s);
  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (s);
}

static void
free_bytes (gpointer data)
{
  g_bytes_unref (data);
}

void
rd_fixture_scan_pdf (const char *path,
                     int         n_pages,
                     int         px_width,
                     int         px_height,
                     guint       seed)
{
  cairo_surface_t *s = cairo_pdf_surface_create (path, 595.276, 841.89);
  cairo_t *cr = cairo_create (s);

  for (int p = 0; p < n_pages; p++)
    {
      g_autoptr(GBytes) jpeg = rd_fixture_jpeg (px_width, px_height, 1, NULL, 5, seed * 131 + p);
      cairo_surface_t *img = cairo_image_surface_create (CAIRO_FORMAT_RGB24, px_width / 8, px_height / 8);

      cairo_surface_set_mime_data (img, CAIRO_MIME_TYPE_JPEG, g_bytes_get_data (jpeg, NULL),
                                   g_bytes_get_size (jpeg), free_bytes, g_bytes_ref (jpeg));
      cairo_save (cr);
      cairo_scale (cr, 595.276 / (px_width / 8), 841.89 / (px_height / 8));
      cairo_set_source_surface (cr, img, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_surface_destroy (img);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (s);
  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (s);
}

void
rd_fixture_rotate_page (const char *in,
                        const char *out,
                        int         page,
                        int         degrees)
{
  qpdf_data q = qpdf_init ();

  g_assert_false (qpdf_read (q, in, NULL) & QPDF_ERRORS);
  qpdf_oh_replace_key (q, qpdf_get_page_n (q, (size_t) page - 1), "/Rotate",
                       qpdf_oh_new_integer (q, degrees));
  g_assert_false (qpdf_init_write (q, out) & QPDF_ERRORS);
  g_assert_false (qpdf_write (q) & QPDF_ERRORS);
  qpdf_cleanup (&q);
}

void
rd_fixture_link_pages (const char *in,
                       const char *out,
                       int         from,
                       int         to)
{
  qpdf_data q = qpdf_init ();
  qpdf_oh page, annot, dest, rect, annots;

  g_assert_false (qpdf_read (q, in, NULL) & QPDF_ERRORS);
  page = qpdf_get_page_n (q, (size_t) from - 1);
  annot = qpdf_oh_new_dictionary (q);
  dest = qpdf_oh_new_array (q);
  rect = qpdf_oh_new_array (q);
  qpdf_oh_append_item (q, dest, qpdf_get_page_n (q, (size_t) to - 1));
  qpdf_oh_append_item (q, dest, qpdf_oh_new_name (q, "/Fit"));
  for (int i = 0; i < 4; i++)
    qpdf_oh_append_item (q, rect, qpdf_oh_new_integer (q, i < 2 ? 50 : 300));
  qpdf_oh_replace_key (q, annot, "/Type", qpdf_oh_new_name (q, "/Annot"));
  qpdf_oh_replace_key (q, annot, "/Subtype", qpdf_oh_new_name (q, "/Link"));
  qpdf_oh_replace_key (q, annot, "/Rect", rect);
  qpdf_oh_replace_key (q, annot, "/Dest", dest);
  qpdf_oh_replace_key (q, annot, "/P", page);
  annots = qpdf_oh_new_array (q);
  qpdf_oh_append_item (q, annots, qpdf_make_indirect_object (q, annot));
  qpdf_oh_replace_key (q, page, "/Annots", annots);
  g_assert_false (qpdf_init_write (q, out) & QPDF_ERRORS);
  g_assert_false (qpdf_write (q) & QPDF_ERRORS);
  qpdf_cleanup (&q);
}

GBytes *
rd_fixture_first_image_raw (const char *path)
{
  qpdf_data q = qpdf_init ();
  qpdf_oh xobjects;
  unsigned char *data = NULL;
  size_t len = 0;
  GBytes *bytes = NULL;

  g_assert_false (qpdf_read (q, path, NULL) & QPDF_ERRORS);
  xobjects = qpdf_oh_get_key (q, qpdf_oh_get_key (q, qpdf_get_page_n (q, 0), "/Resources"),
                              "/XObject");
  g_assert_true (qpdf_oh_is_dictionary (q, xobjects));
  qpdf_oh_begin_dict_key_iter (q, xobjects);
  while (bytes == NULL && qpdf_oh_dict_more_keys (q))
    {
      qpdf_oh x = qpdf_oh_get_key (q, xobjects, qpdf_oh_dict_next_key (q));

      if (qpdf_oh_is_stream (q, x) &&
          !(qpdf_oh_get_stream_data (q, x, qpdf_dl_none, NULL, &data, &len) & QPDF_ERRORS))
        bytes = g_bytes_new_take (data, len);
    }
  qpdf_cleanup (&q);
  g_assert_nonnull (bytes);
  return bytes;
}

void
rd_fixture_encrypt_pdf (const char *in,
                        const char *out,
                        const char *user_password)
{
  qpdf_data q = qpdf_init ();

  g_assert_false (qpdf_read (q, in, NULL) & QPDF_ERRORS);
  g_assert_false (qpdf_init_write (q, out) & QPDF_ERRORS);
  qpdf_set_r6_encryption_parameters2 (q, user_password, "owner-secret", QPDF_TRUE, QPDF_TRUE,
                                      QPDF_TRUE, QPDF_TRUE, QPDF_TRUE, QPDF_TRUE,
                                      qpdf_r3p_full, QPDF_TRUE);
  g_assert_false (qpdf_write (q) & QPDF_ERRORS);
  qpdf_cleanup (&q);
}

static void
put16 (GByteArray *a,
       guint       v)
{
  guint8 b[2] = { v >> 8, v & 0xff };
  g_byte_array_append (a, b, 2);
}

static void
put32 (GByteArray *a,
       guint32     v)
{
  guint8 b[4] = { v >> 24, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff };
  g_byte_array_append (a, b, 4);
}

static void
entry (GByteArray *a,
       guint       tag,
       guint       type,
       guint32     count,
       guint32     value)
{
  put16 (a, tag);
  put16 (a, type);
  put32 (a, count);
  put32 (a, value);
}

/* A big-endian TIFF structure: IFD0 (Make, Orientation, GPS pointer) and a
 * GPS IFD (latitude ref and a processing-method string with the marker). */
static GByteArray *
build_exif (int         orientation,
            const char *gps_marker)
{
  GByteArray *t = g_byte_array_new ();
  const char make[] = "RedressTestCam";
  g_autofree char *method = g_strdup_printf ("ASCII%c%c%c%s", 0, 0, 0, gps_marker ? gps_marker : "");
  guint method_len = 8 + (gps_marker ? strlen (gps_marker) : 0);
  guint32 ifd0 = 8, gps = ifd0 + 2 + 3 * 12 + 4, make_at = gps + 2 + 2 * 12 + 4;
  guint32 method_at = make_at + sizeof make;

  g_byte_array_append (t, (const guint8 *) "MM\0*", 4);
  put32 (t, ifd0);
  put16 (t, 3);
  entry (t, 0x010F, 2, sizeof make, make_at);
  entry (t, 0x0112, 3, 1, (guint32) orientation << 16);
  entry (t, 0x8825, 4, 1, gps);
  put32 (t, 0);
  put16 (t, 2);
  entry (t, 0x0001, 2, 2, (guint32) 'N' << 24);
  entry (t, 0x001B, 7, method_len, method_at);
  put32 (t, 0);
  g_byte_array_append (t, (const guint8 *) make, sizeof make);
  g_byte_array_append (t, (const guint8 *) method, method_len);
  return t;
}

GBytes *
rd_fixture_jpeg (int         width,
                 int         height,
                 int         orientation,
                 const char *gps_marker,
                 int         noise,
                 guint       seed)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  guint8 *px = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  g_autofree char *jpeg = NULL;
  gsize len = 0;
  GByteArray *out;
  guint32 r = seed * 2654435761u + 1;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint8 *p = px + (gsize) y * stride + x * 3;
        int n = 0;

        if (noise > 0)
          {
            r = r * 1103515245 + 12345;
            n = (int) ((r >> 16) % (guint) (2 * noise + 1)) - noise;
          }
        p[0] = (guint8) CLAMP ((y < height / 2 ? 220 : 20) + n, 0, 255);
        p[1] = (guint8) CLAMP (30 + n + (noise > 0 ? (x * 60 / width) : 0), 0, 255);
        p[2] = (guint8) CLAMP ((y < height / 2 ? 20 : 220) + n, 0, 255);
      }
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &len, "jpeg", NULL,
                                            "quality", "88", NULL));
  if (orientation == 0)
    return g_bytes_new_take (g_steal_pointer (&jpeg), len);

  {
    g_autoptr(GByteArray) exif = build_exif (orientation, gps_marker);

    out = g_byte_array_sized_new (len + exif->len + 16);
    g_byte_array_append (out, (const guint8 *) jpeg, 2);
    g_byte_array_append (out, (const guint8 *) "\xFF\xE1", 2);
    put16 (out, 2 + 6 + exif->len);
    g_byte_array_append (out, (const guint8 *) "Exif\0\0", 6);
    g_byte_array_append (out, exif->data, exif->len);
    g_byte_array_append (out, (const guint8 *) jpeg + 2, len - 2);
  }
  return g_byte_array_free_to_bytes (out);
}

void
rd_fixture_write_bytes (const char *path,
                        GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

gboolean
rd_fixture_bytes_contain (GBytes     *haystack,
                          const void *needle,
                          gsize       needle_len)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (haystack, &len);

  return memmem (data, len, needle, needle_len) != NULL;
}

/* Runs a tool and returns its standard output. */
char *
rd_fixture_run (const char *const *argv,
                int               *exit_status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  if (exit_status != NULL)
    *exit_status = g_spawn_check_wait_status (status, NULL) ? 0 : 1;
  return out;
}

static gboolean
set_immutable (const char *path,
               gboolean    immutable)
{
  int fd = open (path, O_RDONLY | O_NONBLOCK);
  int flags = 0;
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = ioctl (fd, FS_IOC_GETFLAGS, &flags) == 0;
  if (ok)
    {
      flags = immutable ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
      ok = ioctl (fd, FS_IOC_SETFLAGS, &flags) == 0;
    }
  close (fd);
  return ok;
}

gboolean
rd_fixture_set_read_only (const char *path,
                          gboolean    read_only)
{
  gboolean folder = g_file_test (path, G_FILE_TEST_IS_DIR);

  if (!read_only)
    {
      /* Root first takes the flag off: an immutable file cannot be chmodded. */
      if (geteuid () == 0)
        set_immutable (path, FALSE);
      return g_chmod (path, folder ? 0700 : 0600) == 0;
    }
  if (g_chmod (path, folder ? 0555 : 0444) != 0)
    return FALSE;
  /* Permissions do not stop root, which is who runs CI. */
  if (geteuid () == 0 && !set_immutable (path, TRUE))
    return FALSE;
  return g_access (path, W_OK) != 0;
}

int
rd_fixture_pdf_n_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = rd_fixture_run (argv, NULL);
  const char *line = strstr (out, "\nPages:");

  g_assert_nonnull (line);
  return atoi (line + strlen ("\nPages:"));
}

char *
rd_fixture_pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  int status;
  char *out = rd_fixture_run (argv, &status);

  g_assert_cmpint (status, ==, 0);
  return out;
}

char **
rd_fixture_pdf_text_pages (const char *path)
{
  g_autofree char *text = rd_fixture_pdf_text (path);

  return g_strsplit (text, "\f", -1);
}

void
rd_fixture_assert_qpdf_check (const char *path)
{
  const char *argv[] = { "qpdf", "--check", path, NULL };
  int status;
  g_autofree char *out = rd_fixture_run (argv, &status);

  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "No syntax or stream encoding errors"));
}
