/* evidence-fixtures.c: evidence files made by the tests themselves.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libexif/exif-data.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evidence-fixtures.h"

void
fixture_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        fixture_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
fixture_write_pdf (const char *path,
                   int         n_pages,
                   const char *text,
                   const char *create_date)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, text);
  if (create_date)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, create_date);
  for (int i = 1; i <= n_pages; i++)
    {
      g_autofree char *line = g_strdup_printf ("%s page %d", text, i);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
      cairo_rectangle (cr, 60, 60, 200, 40);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, 14);
      cairo_move_to (cr, 60, 140);
      cairo_show_text (cr, line);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

gboolean
fixture_encrypt_pdf (const char *in,
                     const char *out,
                     const char *password)
{
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  const char *argv[] = { NULL, "--encrypt", password, "owner-pass", "256", "--", in, out, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (qpdf == NULL)
    return FALSE;
  argv[0] = qpdf;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return TRUE;
}

/* An APP1 segment with Orientation and DateTimeOriginal, made by libexif. */
static GBytes *
make_exif (int         orientation,
           const char *date_time_original)
{
  ExifData *exif = exif_data_new ();
  ExifEntry *entry;
  unsigned char *data = NULL;
  unsigned int size = 0;
  GBytes *bytes;

  exif_data_set_byte_order (exif, EXIF_BYTE_ORDER_INTEL);
  exif_data_set_option (exif, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);

  entry = exif_entry_new ();
  exif_content_add_entry (exif->ifd[EXIF_IFD_0], entry);
  exif_entry_initialize (entry, EXIF_TAG_ORIENTATION);
  exif_set_short (entry->data, EXIF_BYTE_ORDER_INTEL, orientation);
  exif_entry_unref (entry);

  if (date_time_original)
    {
      entry = exif_entry_new ();
      exif_content_add_entry (exif->ifd[EXIF_IFD_EXIF], entry);
      exif_entry_initialize (entry, EXIF_TAG_DATE_TIME_ORIGINAL);
      g_assert_cmpuint (entry->size, ==, 20);
      memcpy (entry->data, date_time_original, 19);
      entry->data[19] = '\0';
      exif_entry_unref (entry);
    }

  exif_data_save_data (exif, &data, &size);
  g_assert_nonnull (data);
  bytes = g_bytes_new (data, size);
  free (data);
  exif_data_unref (exif);
  return bytes;
}

/* Puts an APP1 segment right after the JPEG's SOI marker. */
static GByteArray *
insert_app1 (const guchar *jpeg,
             gsize         len,
             GBytes       *exif)
{
  GByteArray *out = g_byte_array_new ();
  gsize exif_len = g_bytes_get_size (exif);
  guint8 marker[4] = { 0xff, 0xe1, (exif_len + 2) >> 8, (exif_len + 2) & 0xff };

  g_assert_true (len > 2 && jpeg[0] == 0xff && jpeg[1] == 0xd8);
  g_assert_cmpuint (exif_len + 2, <, 65536);
  g_byte_array_append (out, jpeg, 2);
  g_byte_array_append (out, marker, 4);
  g_byte_array_append (out, g_bytes_get_data (exif, NULL), exif_len);
  g_byte_array_append (out, jpeg + 2, len - 2);
  return out;
}

/* A picture whose top-left quarter is red and the rest blue; @seed
 * changes one corner pixel so that every file is different. */
void
fixture_write_jpeg (const char *path,
                    int         width,
                    int         height,
                    int         orientation,
                    const char *date_time_original,
                    int         seed)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) exif = NULL;
  g_autoptr(GByteArray) out = NULL;
  g_autofree char *jpeg = NULL;
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  gsize len = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guchar *p = pixels + y * stride + x * 3;
        gboolean red = x < width / 2 && y < height / 2;

        p[0] = red ? 230 : 20;
        p[1] = red ? 20 : 60;
        p[2] = red ? 20 : 220;
      }
  pixels[(height - 1) * stride + (width - 1) * 3 + 1] = (guchar) (seed * 37);

  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &len, "jpeg", &error, "quality", "95", NULL));
  g_assert_no_error (error);
  if (orientation <= 1 && date_time_original == NULL)
    {
      g_assert_true (g_file_set_contents (path, jpeg, len, &error));
      return;
    }
  exif = make_exif (orientation, date_time_original);
  out = insert_app1 ((const guchar *) jpeg, len, exif);
  g_assert_true (g_file_set_contents (path, (const char *) out->data, out->len, &error));
  g_assert_no_error (error);
}

static void
append_be32 (GByteArray *out,
             guint32     v)
{
  guint8 b[4] = { v >> 24, v >> 16, v >> 8, v };
  g_byte_array_append (out, b, 4);
}

static void
append_be16 (GByteArray *out,
             guint16     v)
{
  guint8 b[2] = { v >> 8, v };
  g_byte_array_append (out, b, 2);
}

static void
append_text (GByteArray *out,
             const char *text,
             gsize       len)
{
  g_byte_array_append (out, (const guint8 *) text, len);
}

/* The container of a phone's HEIC photo, holding only its EXIF item (no
 * picture: ImageMagick cannot write HEIC EXIF, and the dating is what is
 * tested): ftyp, meta (hdlr, iinf with one "Exif" infe, iloc), mdat. */
void
fixture_write_heif_exif (const char *path,
                         int         orientation,
                         const char *date_time_original)
{
  g_autoptr(GBytes) exif = make_exif (orientation, date_time_original);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  const guint32 meta_size = 8 + 4 + 33 + 35 + 30;
  const guint32 payload = 24 + meta_size + 8;

  append_be32 (out, 24);
  append_text (out, "ftypheic", 8);
  append_be32 (out, 0);
  append_text (out, "mif1heic", 8);

  append_be32 (out, meta_size);
  append_text (out, "meta", 4);
  append_be32 (out, 0);
  append_be32 (out, 33);
  append_text (out, "hdlr", 4);
  append_be32 (out, 0);
  append_be32 (out, 0);
  append_text (out, "pict", 4);
  append_text (out, "\0\0\0\0\0\0\0\0\0\0\0\0\0", 13);
  append_be32 (out, 35);
  append_text (out, "iinf", 4);
  append_be32 (out, 0);
  append_be16 (out, 1);
  append_be32 (out, 21);
  append_text (out, "infe", 4);
  append_be32 (out, 2 << 24);
  append_be16 (out, 1);
  append_be16 (out, 0);
  append_text (out, "Exif\0", 5);
  append_be32 (out, 30);
  append_text (out, "iloc", 4);
  append_be32 (out, 0);
  append_text (out, "\x44\0", 2);
  append_be16 (out, 1);
  append_be16 (out, 1);
  append_be16 (out, 0);
  append_be16 (out, 1);
  append_be32 (out, payload);
  append_be32 (out, 4 + g_bytes_get_size (exif));
  g_assert_cmpuint (out->len, ==, 24 + meta_size);

  append_be32 (out, 8 + 4 + g_bytes_get_size (exif));
  append_text (out, "mdat", 4);
  append_be32 (out, 6);
  g_byte_array_append (out, g_bytes_get_data (exif, NULL), g_bytes_get_size (exif));
  g_assert_true (g_file_set_contents (path, (const char *) out->data, out->len, NULL));
}

gboolean
fixture_write_heic (const char *path,
                    int         width,
                    int         height)
{
  g_autofree char *convert = g_find_program_in_path ("convert");
  g_autofree char *png = g_strconcat (path, ".png", NULL);
  g_autofree char *target = g_strconcat ("heic:", path, NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  const char *argv[] = { NULL, png, target, NULL };
  int status = 0;
  gboolean ok;

  if (convert == NULL)
    return FALSE;
  gdk_pixbuf_fill (pixbuf, 0x3070c0ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, png, "png", NULL, NULL));
  argv[0] = convert;
  ok = g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL) &&
       g_spawn_check_wait_status (status, NULL) && g_file_test (path, G_FILE_TEST_IS_REGULAR);
  g_unlink (png);
  return ok;
}

static void
append_base64 (GString    *out,
               const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *encoded = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  encoded = g_base64_encode ((const guchar *) contents, len);
  for (gsize i = 0, n = strlen (encoded); i < n; i += 76)
    {
      g_string_append_len (out, encoded + i, MIN (76, n - i));
      g_string_append (out, "\r\n");
    }
}

void
fixture_write_eml (const char *path,
                   const char *work_dir)
{
  g_autofree char *pdf = g_build_filename (work_dir, "eml-inspection.pdf", NULL);
  g_autofree char *jpeg = g_build_filename (work_dir, "eml-mould.jpg", NULL);
  GString *out = g_string_new (NULL);

  fixture_write_pdf (pdf, 1, "Inspection report for flat 4", "2024-03-11T14:00:00");
  fixture_write_jpeg (jpeg, 40, 30, 1, NULL, 11);

  g_string_append (out,
                   "From: Riverside Repairs <repairs@riverside.example>\r\n"
                   "To: Sam Tenant <sam@example.org>\r\n"
                   "Subject: Re: Damp in the bedroom\r\n"
                   "Date: Tue, 12 Mar 2024 16:05:00 +0000\r\n"
                   "Message-ID: <abc123@riverside.example>\r\n"
                   "MIME-Version: 1.0\r\n"
                   "Content-Type: multipart/mixed; boundary=\"XYZ\"\r\n"
                   "\r\n"
                   "--XYZ\r\n"
                   "Content-Type: text/plain; charset=utf-8\r\n"
                   "Content-Transfer-Encoding: 8bit\r\n"
                   "\r\n"
                   "Dear Sam,\r\n\r\nOur contractor will come on Wednesday to look at the damp.\r\n"
                   "Regards,\r\nRepairs team\r\n"
                   "--XYZ\r\n"
                   "Content-Type: application/pdf; name=\"inspection.pdf\"\r\n"
                   "Content-Disposition: attachment; filename=\"inspection.pdf\"\r\n"
                   "Content-Transfer-Encoding: base64\r\n"
                   "\r\n");
  append_base64 (out, pdf);
  g_string_append (out,
                   "--XYZ\r\n"
                   "Content-Type: image/jpeg; name=\"mould.jpg\"\r\n"
                   "Content-Disposition: attachment; filename=\"mould.jpg\"\r\n"
                   "Content-Transfer-Encoding: base64\r\n"
                   "\r\n");
  append_base64 (out, jpeg);
  g_string_append (out, "--XYZ--\r\n");

  g_assert_true (g_file_set_contents (path, out->str, out->len, NULL));
  g_string_free (out, TRUE);
  g_unlink (pdf);
  g_unlink (jpeg);
}

static void
put_le32 (guint8 *p, guint32 v) { p[0] = v; p[1] = v >> 8; p[2] = v >> 16; p[3] = v >> 24; }
static void
put_le16 (guint8 *p, guint16 v) { p[0] = v; p[1] = v >> 8; }
static void
put_be32 (guint8 *p, guint32 v) { p[0] = v >> 24; p[1] = v >> 16; p[2] = v >> 8; p[3] = v; }

void
fixture_write_wav (const char *path,
                   int         rate,
                   int         duration_ms)
{
  guint32 data_len = (guint32) ((gint64) rate * 2 * duration_ms / 1000);
  g_autofree guint8 *buf = g_malloc0 (44 + data_len);

  memcpy (buf, "RIFF", 4);
  put_le32 (buf + 4, 36 + data_len);
  memcpy (buf + 8, "WAVEfmt ", 8);
  put_le32 (buf + 16, 16);
  put_le16 (buf + 20, 1);         /* PCM */
  put_le16 (buf + 22, 1);         /* mono */
  put_le32 (buf + 24, rate);
  put_le32 (buf + 28, rate * 2);  /* bytes a second */
  put_le16 (buf + 32, 2);
  put_le16 (buf + 34, 16);
  memcpy (buf + 36, "data", 4);
  put_le32 (buf + 40, data_len);
  for (guint32 i = 0; i < data_len; i++)
    buf[44 + i] = (guint8) (i * 7);
  g_assert_true (g_file_set_contents (path, (const char *) buf, 44 + data_len, NULL));
}

void
fixture_write_mp4 (const char *path,
                   guint32     timescale,
                   guint32     duration)
{
  guint8 buf[20 + 8 + 108 + 16];
  guint8 *mvhd;

  memset (buf, 0, sizeof buf);
  put_be32 (buf, 20);
  memcpy (buf + 4, "ftypisom", 8);
  memcpy (buf + 16, "isom", 4);
  put_be32 (buf + 20, 8 + 108);
  memcpy (buf + 24, "moov", 4);
  mvhd = buf + 28;
  put_be32 (mvhd, 108);
  memcpy (mvhd + 4, "mvhd", 4);
  /* version 0, flags, creation, modification */
  put_be32 (mvhd + 20, timescale);
  put_be32 (mvhd + 24, duration);
  /* then a free box with a few bytes, standing for the media data */
  put_be32 (buf + 136, 16);
  memcpy (buf + 140, "free", 4);
  g_assert_true (g_file_set_contents (path, (const char *) buf, sizeof buf, NULL));
}

void
fixture_write_mp3 (const char *path,
                   int         kbps,
                   int         duration_ms)
{
  /* MPEG-1 Layer III, 44.1 kHz, no padding: 144 × bitrate / rate bytes a
   * frame. Only 128 kb/s is spelled out here. */
  const guint frame_len = 144 * 128000 / 44100;
  guint n_frames = (guint) ((gint64) kbps * 1000 / 8 * duration_ms / 1000 / frame_len);
  GByteArray *out = g_byte_array_new ();
  guint8 id3[20] = { 'I', 'D', '3', 4, 0, 0, 0, 0, 0, 10 };

  g_assert_cmpint (kbps, ==, 128);
  g_byte_array_append (out, id3, sizeof id3);
  for (guint i = 0; i < n_frames; i++)
    {
      g_autofree guint8 *frame = g_malloc0 (frame_len);

      frame[0] = 0xff;
      frame[1] = 0xfb;
      frame[2] = 0x90;
      frame[3] = 0x44;
      g_byte_array_append (out, frame, frame_len);
    }
  g_assert_true (g_file_set_contents (path, (const char *) out->data, out->len, NULL));
  g_byte_array_unref (out);
}

void
fixture_write_flac (const char *path,
                    guint32     rate,
                    guint64     total_samples)
{
  guint8 buf[4 + 4 + 34 + 16];

  memset (buf, 0, sizeof buf);
  memcpy (buf, "fLaC", 4);
  buf[4] = 0x80;            /* last metadata block, type 0: STREAMINFO */
  buf[7] = 34;
  buf[8] = 0x10;            /* min and max block size 4096 */
  buf[10] = 0x10;
  /* 20 bits of rate, 3 of channels - 1 (mono), 5 of bits - 1 (16), 36 of samples */
  buf[18] = rate >> 12;
  buf[19] = rate >> 4;
  buf[20] = ((rate & 0x0f) << 4) | (0 << 1) | (15 >> 4);
  buf[21] = ((15 & 0x0f) << 4) | ((total_samples >> 32) & 0x0f);
  put_be32 (buf + 22, (guint32) total_samples);
  g_assert_true (g_file_set_contents (path, (const char *) buf, sizeof buf, NULL));
}

void
fixture_write_mp3_vbr (const char *path,
                       guint32     n_frames)
{
  /* One MPEG-1 Layer III frame carrying a Xing header that counts the
   * frames, then a little padding: how encoders mark variable bit rate. */
  guint8 frame[417];

  memset (frame, 0, sizeof frame);
  frame[0] = 0xff;
  frame[1] = 0xfb;
  frame[2] = 0x90;
  frame[3] = 0x44;          /* joint stereo: 32 bytes of side information */
  memcpy (frame + 4 + 32, "Xing", 4);
  put_be32 (frame + 4 + 32 + 4, 1);   /* flags: frame count present */
  put_be32 (frame + 4 + 32 + 8, n_frames);
  g_assert_true (g_file_set_contents (path, (const char *) frame, sizeof frame, NULL));
}

static void
fill_noise (guchar  *data,
            gsize    len,
            guint32  seed)
{
  guint32 x = seed * 2654435761u + 1;

  for (gsize i = 0; i < len; i++)
    {
      x ^= x << 13;
      x ^= x >> 17;
      x ^= x << 5;
      data[i] = (guchar) x;
    }
}

/* A scanned-letter look-alike: one page holding a noisy picture (which
 * does not compress), so the file is about @bytes. */
void
fixture_write_big_pdf (const char *path,
                       gsize       bytes,
                       guint32     seed)
{
  int side = (int) MAX (16, sqrt ((double) bytes / 3.0));
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *line = g_strdup_printf ("Scanned letter %u", seed);
  int stride;

  cairo_surface_flush (image);
  stride = cairo_image_surface_get_stride (image);
  fill_noise (cairo_image_surface_get_data (image), (gsize) stride * side, seed);
  cairo_surface_mark_dirty (image);

  cairo_set_font_size (cr, 14);
  cairo_move_to (cr, 40, 40);
  cairo_show_text (cr, line);
  cairo_translate (cr, 40, 60);
  cairo_scale (cr, 500.0 / side, 500.0 / side);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  cairo_surface_destroy (image);
}

/* A camera-sized JPEG of noise (which JPEG cannot shrink much) with EXIF. */
void
fixture_write_big_jpeg (const char *path,
                        gsize       bytes,
                        guint32     seed)
{
  /* Noise at quality 90 costs about 0.95 bytes a pixel (chroma is
   * subsampled). */
  int width = (int) MAX (16, sqrt ((double) bytes / 0.95 * 4 / 3));
  int height = width * 3 / 4;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GBytes) exif = make_exif (1 + seed % 8, "2024:05:01 09:30:00");
  g_autoptr(GByteArray) out = NULL;
  g_autofree char *jpeg = NULL;
  gsize len = 0;

  fill_noise (gdk_pixbuf_get_pixels (pixbuf),
              (gsize) gdk_pixbuf_get_rowstride (pixbuf) * (height - 1) + width * 3, seed);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &len, "jpeg", NULL, "quality", "90", NULL));
  out = insert_app1 ((const guchar *) jpeg, len, exif);
  g_assert_true (g_file_set_contents (path, (const char *) out->data, out->len, NULL));
}

char *
fixture_sha256_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

gboolean
fixture_files_equal (const char *a,
                     const char *b)
{
  g_autofree char *ca = NULL;
  g_autofree char *cb = NULL;
  gsize la = 0, lb = 0;

  if (!g_file_get_contents (a, &ca, &la, NULL) || !g_file_get_contents (b, &cb, &lb, NULL))
    return FALSE;
  return la == lb && memcmp (ca, cb, la) == 0;
}

goffset
fixture_file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_size;
}

void
fixture_copy (const char *from,
              const char *to)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (to, contents, len, NULL));
}

void
fixture_flip_byte (const char *path,
                   goffset     offset)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpint (offset, <, (goffset) len);
  contents[offset] ^= 0x5a;
  /* Written in place, as a careless editor or a failing disk would. */
  {
    FILE *fp = fopen (path, "r+b");
    g_assert_nonnull (fp);
    g_assert_cmpint (fseek (fp, offset, SEEK_SET), ==, 0);
    g_assert_cmpint (fputc ((unsigned char) contents[offset], fp), !=, EOF);
    fclose (fp);
  }
}

/* Draws @text on a white picture of a page @width_pt × @height_pt points at
 * 300 dots per inch, as a scanner or a phone would give it: pixels only,
 * nothing a PDF reader could read as text. Lines are split at "\n". */
static cairo_surface_t *
draw_scan (const char *text,
           double      width_pt,
           double      height_pt)
{
  double zoom = 300.0 / 72.0;
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width_pt * zoom),
                                                       (int) (height_pt * zoom));
  cairo_t *cr = cairo_create (image);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, zoom, zoom);
  cairo_set_source_rgb (cr, 0.05, 0.05, 0.05);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 14);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      cairo_move_to (cr, 72, 100 + 24 * i);
      cairo_show_text (cr, lines[i]);
    }
  cairo_destroy (cr);
  cairo_surface_flush (image);
  return image;
}

/* A PDF of scanned A4 pages, one for each of @pages (NULL-terminated),
 * each only a picture of its text. */
void
fixture_write_scanned_pdf (const char         *path,
                           const char * const *pages)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; pages[i] != NULL; i++)
    {
      cairo_surface_t *scan = draw_scan (pages[i], 595, 842);

      cairo_save (cr);
      cairo_scale (cr, 72.0 / 300.0, 72.0 / 300.0);
      cairo_set_source_surface (cr, scan, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_show_page (cr);
      cairo_surface_destroy (scan);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* A PNG of a letter, as a photo of it would be (straight and sharp). */
void
fixture_write_letter_png (const char *path,
                          const char *text)
{
  cairo_surface_t *scan = draw_scan (text, 420, 300);

  g_assert_cmpint (cairo_surface_write_to_png (scan, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (scan);
}

/* An A4 page scanned to a PNG at 300 dots per inch. */
void
fixture_write_scanned_png (const char *path,
                           const char *text)
{
  cairo_surface_t *scan = draw_scan (text, 595, 842);

  g_assert_cmpint (cairo_surface_write_to_png (scan, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (scan);
}
