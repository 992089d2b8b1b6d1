/* test-jpeg.c: reading a JPEG's size and orientation, and taking its metadata out.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <string.h>

#include "rd-exif.h"
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

static void
insert_bytes (GByteArray   *a,
              gsize         at,
              const guint8 *data,
              gsize         len)
{
  gsize old = a->len;

  g_byte_array_set_size (a, old + len);
  memmove (a->data + at + len, a->data + at, old - at);
  memcpy (a->data + at, data, len);
}

/* Inserts @segment (marker and payload, length computed) at @at. */
static void
insert_segment (GByteArray *jpeg,
                gsize       at,
                guint8      marker,
                const char *payload,
                gsize       payload_len)
{
  guint8 head[4] = { 0xFF, marker, (payload_len + 2) >> 8, (payload_len + 2) & 0xff };

  insert_bytes (jpeg, at, head, 4);
  insert_bytes (jpeg, at + 4, (const guint8 *) payload, payload_len);
}

static void
collect (const guint8 *data,
         gsize         len,
         gpointer      user_data)
{
  g_byte_array_append (user_data, data, len);
}

static GByteArray *
strip_in_pieces (const guint8 *data,
                 gsize         len,
                 gsize         piece)
{
  GByteArray *out = g_byte_array_new ();
  RdJpegStripper s;

  rd_jpeg_stripper_init (&s, collect, out);
  for (gsize at = 0; at < len; at += piece)
    rd_jpeg_stripper_feed (&s, data + at, MIN (piece, len - at));
  rd_jpeg_stripper_finish (&s);
  return out;
}

static gboolean
contains (GByteArray *haystack,
          const char *needle,
          gsize       len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (haystack->data, haystack->len);

  return rd_fixture_bytes_contain (bytes, needle, len);
}

/* The stripper gives the same JPEG whatever pieces it is fed in: the
 * picture, its colour profile and the data between scans stay; EXIF,
 * comments and what follows the end of the image go. */
static void
test_jpeg_stripper (void)
{
  g_autoptr(GBytes) jpeg = rd_fixture_jpeg (96, 64, 6, GPS_MARKER, 12, 9);
  g_autoptr(GByteArray) file = g_byte_array_new ();
  g_autoptr(GByteArray) whole = NULL;
  static const gsize pieces[] = { 1, 2, 3, 5, 17, 4096 };
  static const char icc[] = "ICC_PROFILE\0\1\1FAKEPROFILEBYTES";
  static const char tail[] = "\xff\xd8\xff\xe1\x00\x10" "Exif\0\0PHONEPREVIEW\xff\xd9";
  gsize eoi;

  g_byte_array_append (file, g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg));
  g_assert_cmpuint (file->data[file->len - 2], ==, 0xFF);
  g_assert_cmpuint (file->data[file->len - 1], ==, 0xD9);
  /* A colour profile after SOI, a comment and an APP1 between the scan
   * and EOI (as progressive files have tables there), fill bytes before
   * EOI, and a phone's preview image after it. */
  insert_segment (file, 2, 0xE2, icc, sizeof icc - 1);
  eoi = file->len - 2;
  insert_segment (file, eoi, 0xFE, "COMMENTMARKER", 13);
  insert_segment (file, eoi + 17, 0xE1, "Exif\0\0BETWEENSCANS", 19);
  insert_bytes (file, file->len - 2, (const guint8 *) "\xff\xff", 2);
  g_byte_array_append (file, (const guint8 *) tail, sizeof tail - 1);

  whole = strip_in_pieces (file->data, file->len, file->len);
  g_assert_false (contains (whole, GPS_MARKER, strlen (GPS_MARKER)));
  g_assert_false (contains (whole, "Exif", 4));
  g_assert_false (contains (whole, "COMMENTMARKER", 13));
  g_assert_false (contains (whole, "PHONEPREVIEW", 12));
  g_assert_true (contains (whole, "FAKEPROFILEBYTES", 16));
  g_assert_cmpuint (whole->data[whole->len - 2], ==, 0xFF);
  g_assert_cmpuint (whole->data[whole->len - 1], ==, 0xD9);
  {
    g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (whole->data, whole->len, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_stream (in, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 96);
  }

  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    {
      g_autoptr(GByteArray) out = strip_in_pieces (file->data, file->len, pieces[i]);

      g_assert_cmpmem (out->data, out->len, whole->data, whole->len);
    }

  /* In place, the same. */
  {
    g_autofree guint8 *copy = g_memdup2 (file->data, file->len);
    gsize len = rd_jpeg_strip_metadata (copy, file->len);

    g_assert_cmpmem (copy, len, whole->data, whole->len);
  }

  /* Cut short in the image data: what there is stays. */
  {
    g_autoptr(GByteArray) cut = strip_in_pieces (file->data, file->len / 2, 7);

    g_assert_cmpuint (cut->len, >, whole->len / 3);
    g_assert_cmpmem (cut->data, cut->len, whole->data, cut->len);
  }

  /* Not a JPEG: passed through as it is. */
  {
    g_autoptr(GByteArray) other = strip_in_pieces ((const guint8 *) "not a jpeg at all", 17, 3);

    g_assert_cmpmem (other->data, other->len, "not a jpeg at all", 17);
  }
}

/* The photo's EXIF read with libexif, as the evidence store reads it. */
static void
test_exif (void)
{
  g_autoptr(GBytes) jpeg = rd_fixture_jpeg (32, 24, 6, GPS_MARKER, 0, 4);
  g_autoptr(GDateTime) taken = rd_exif_parse_datetime ("2024:03:04 14:05:09");
  g_autoptr(GDateTime) unknown = rd_exif_parse_datetime ("0000:00:00 00:00:00");
  g_autoptr(GDateTime) blank = rd_exif_parse_datetime ("    :  :     :  :  ");
  RdExif exif;

  g_assert_true (rd_exif_read (g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg), &exif));
  g_assert_cmpint (exif.orientation, ==, 6);
  g_assert_null (exif.taken);
  rd_exif_clear (&exif);
  g_assert_false (rd_exif_read ((const guint8 *) "no exif here", 12, &exif));
  g_assert_cmpint (exif.orientation, ==, 1);

  g_assert_nonnull (taken);
  g_assert_cmpint (g_date_time_get_hour (taken), ==, 14);
  g_assert_cmpint (g_date_time_get_second (taken), ==, 9);
  g_assert_null (unknown);
  g_assert_null (blank);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jpeg/strip", test_jpeg_strip);
  g_test_add_func ("/jpeg/stripper", test_jpeg_stripper);
  g_test_add_func ("/jpeg/exif", test_exif);

  return g_test_run ();
}
