/* test-jpeg.c: reading a JPEG's size and orientation, and taking its metadata out.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <string.h>

#include "rd-jpeg.h"
#include "rd-test-fixtures.h"

#define GPS_MARKER "GPS-SECRET-51.5074N"

static void
test_jpeg_strip (void)
{
  g_autoptr(GBytes) jpeg = rd_fixture_jpeg (64, 48, 8, GPS_MARKER, 0, 3);
  gsize len = g_bytes_get_size (jpeg);
  g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (jpeg, NULL), len);
  g_autoptr(GBytes) stripped = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  RdJpegInfo info;
  gsize new_len;

  g_assert_true (rd_jpeg_read_info (copy, len, &info));
  g_assert_cmpint (info.width, ==, 64);
  g_assert_cmpint (info.height, ==, 48);
  g_assert_cmpint (info.orientation, ==, 8);
  g_assert_cmpint (info.components, ==, 3);

  /* Trailing bytes after the end of the image (as phones append) go too. */
  copy = g_realloc (copy, len + 9);
  memcpy (copy + len, "EXTRADATA", 9);
  new_len = rd_jpeg_strip_metadata (copy, len + 9);
  g_assert_cmpuint (new_len, <, len);
  stripped = g_bytes_new (copy, new_len);
  g_assert_false (rd_fixture_bytes_contain (stripped, GPS_MARKER, strlen (GPS_MARKER)));
  g_assert_false (rd_fixture_bytes_contain (stripped, "Exif", 4));
  g_assert_false (rd_fixture_bytes_contain (stripped, "EXTRADATA", 9));
  g_assert_true (rd_jpeg_read_info (copy, new_len, &info));
  g_assert_cmpint (info.orientation, ==, 1);

  in = g_memory_input_stream_new_from_bytes (stripped);
  pixbuf = gdk_pixbuf_new_from_stream (in, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 64);

  g_assert_false (rd_jpeg_read_info ((const guint8 *) "not a jpeg", 10, &info));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jpeg/strip", test_jpeg_strip);

  return g_test_run ();
}
