/* rd-bundle-photos.c: JPEG photos written straight into the finished bundle.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A photo's bytes are most of a bundle's size. Drawn into the skeleton,
 * they would be written by cairo, read back and written again. Instead
 * cairo draws each photo page with a tiny placeholder image in the right
 * place, and when the bundle is written the placeholder's object becomes
 * an image XObject carrying the photo's own JPEG bytes, minus their
 * EXIF/GPS segments. Each photo is read once, in pieces: hashed, cleaned
 * and written as it goes.
 */
#define G_LOG_DOMAIN "rd-bundle"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include "rd-gettext.h"
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rd-bundle-private.h"
#include "rd-hash.h"
#include "rd-jpeg.h"

#define HEADER_PROBE (256 * 1024)
#define READ_CHUNK   (256 * 1024)
#define SMALLER_LONG_EDGE RD_PHOTO_SMALLER_LONG_EDGE
#define SMALLER_QUALITY "78"

/**
 * _rd_photo_probe:
 *
 * Reads the start of a photo to learn whether its JPEG bytes can go into
 * the PDF as they are, and its size and EXIF orientation.
 */
gboolean
_rd_photo_probe (RdBundleExhibit  *ex,
                 GError          **error)
{
  g_autofree guint8 *head = g_malloc (HEADER_PROBE);
  gsize got = 0;
  RdJpegInfo info;
  int fd;

  ex->jpeg_direct = FALSE;
  fd = g_open (ex->path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_EVIDENCE_UNREADABLE,
                   UI_("The file for exhibit %s (“%s”) could not be read, so the bundle was not "
                     "made: %s."), ex->label, ex->title, g_strerror (saved));
      return FALSE;
    }
  while (got < HEADER_PROBE)
    {
      gssize n = read (fd, head + got, HEADER_PROBE - got);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      got += (gsize) n;
    }
  close (fd);

  if (rd_jpeg_read_info (head, got, &info) && info.bits == 8 && !info.arithmetic &&
      (info.components == 1 || info.components == 3))
    {
      ex->jpeg_direct = TRUE;
      ex->jpeg_width = info.width;
      ex->jpeg_height = info.height;
      ex->jpeg_components = info.components;
      ex->orientation = info.orientation;
    }
  return TRUE;
}

/* The smaller-file option: decode at a reduced size (libjpeg scales while
 * decoding) and store a new, lighter JPEG; its metadata is gone with it. */
GBytes *
_rd_photo_downsample (GBytes  *original,
                      int     *width,
                      int     *height,
                      GError **error)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (original);
  double scale = MIN (1.0, (double) SMALLER_LONG_EDGE / MAX (*width, *height));
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autofree char *buf = NULL;
  gsize len = 0;

  pixbuf = gdk_pixbuf_new_from_stream_at_scale (in, MAX (1, (int) (*width * scale)),
                                                MAX (1, (int) (*height * scale)),
                                                TRUE, NULL, error);
  if (pixbuf == NULL)
    return NULL;
  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buf, &len, "jpeg", error,
                                  "quality", SMALLER_QUALITY, NULL))
    return NULL;
  *width = gdk_pixbuf_get_width (pixbuf);
  *height = gdk_pixbuf_get_height (pixbuf);
  return g_bytes_new_take (g_steal_pointer (&buf), len);
}

static void
emit_to_writer (const guint8 *data,
                gsize         len,
                gpointer      user_data)
{
  _rd_pdf_writer_append (user_data, data, len);
}

static char *
image_entries (int width,
               int height,
               int components)
{
  return g_strdup_printf (" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /%s "
                          "/BitsPerComponent 8 /Interpolate true /Filter /DCTDecode",
                          width, height, components == 1 ? "DeviceGray" : "DeviceRGB");
}

/* The picture file of @ex could not be read (@saved_errno says why): the
 * bundle stops, naming the exhibit. */
void
_rd_exhibit_set_read_error (RdBundleExhibit  *ex,
                            int               saved_errno,
                            GError          **error)
{
  g_set_error (error, RD_BUNDLE_ERROR, saved_errno == ENOENT ? RD_BUNDLE_ERROR_EVIDENCE_MISSING
                                                             : RD_BUNDLE_ERROR_EVIDENCE_UNREADABLE,
               UI_("The file for exhibit %s (“%s”) could not be read, so the bundle was not "
                 "made: %s."), ex->label, ex->title, g_strerror (saved_errno));
}

/* The smaller-file option: the whole photo, decoded and stored again. */
static gboolean
write_smaller (RdPdfWriter      *w,
               int               id,
               RdBundleExhibit  *ex,
               gboolean          hash_here,
               GError          **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GBytes) small = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *entries = NULL;
  int width = ex->jpeg_width, height = ex->jpeg_height;

  mapped = g_mapped_file_new (ex->path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_EVIDENCE_MISSING,
                   UI_("The file for exhibit %s (“%s”) could not be read, so the bundle was "
                     "not made: %s"), ex->label, ex->title, local_error->message);
      return FALSE;
    }
  file = g_mapped_file_get_bytes (mapped);
  if (hash_here)
    {
      g_autofree char *actual = rd_sha256_buffer_hex (g_bytes_get_data (file, NULL),
                                                      g_bytes_get_size (file));

      if (!_rd_exhibit_check_hash (ex, actual, error))
        return FALSE;
    }
  small = _rd_photo_downsample (file, &width, &height, &local_error);
  if (small == NULL)
    {
      g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_EVIDENCE_UNREADABLE,
                   UI_("The photo for exhibit %s (“%s”) could not be read as a picture, "
                     "so the bundle was not made: %s"), ex->label, ex->title,
                   local_error->message);
      return FALSE;
    }
  entries = image_entries (width, height, 3);
  _rd_pdf_writer_stream (w, id, entries, g_bytes_get_data (small, NULL), g_bytes_get_size (small));
  return _rd_pdf_writer_check (w, error);
}

/**
 * _rd_photo_write:
 *
 * Writes object @id: the photo of @ex as an image XObject carrying its own
 * JPEG bytes, minus their EXIF/GPS segments (or, with @smaller, a lighter
 * copy). The photo is read once, in pieces: cleaned, written, and hashed
 * on the way unless its fingerprint is checked elsewhere.
 */
gboolean
_rd_photo_write (RdPdfWriter      *w,
                 int               id,
                 RdBundleExhibit  *ex,
                 gboolean          smaller,
                 GError          **error)
{
  g_autofree guint8 *buffer = NULL;
  g_autofree char *entries = NULL;
  g_autoptr(RdSha256) sha = NULL;
  RdJpegStripper stripper;
  gboolean hash_here;
  goffset start;
  int fd, length_id;

  /* The verifier thread checks fingerprints from the last exhibit back;
   * a photo it has not reached yet is hashed here, as it is read anyway. */
  hash_here = !ex->verified &&
              (!ex->hash_deferred || g_atomic_int_compare_and_exchange (&ex->hash_claim, 0, 2));

  if (smaller && MAX (ex->jpeg_width, ex->jpeg_height) > SMALLER_LONG_EDGE)
    return write_smaller (w, id, ex, hash_here, error);

  fd = g_open (ex->converted_path ? ex->converted_path : ex->path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      _rd_exhibit_set_read_error (ex, errno, error);
      return FALSE;
    }
#ifdef POSIX_FADV_SEQUENTIAL
  posix_fadvise (fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif

  /* The cleaned length is known only at the end: it follows, as an object. */
  length_id = _rd_pdf_writer_reserve (w);
  entries = image_entries (ex->jpeg_width, ex->jpeg_height, ex->jpeg_components);
  _rd_pdf_writer_begin_object (w, id);
  _rd_pdf_writer_printf (w, "<<%s /Length %d 0 R >>\nstream\n", entries, length_id);
  start = _rd_pdf_writer_get_offset (w);

  if (hash_here)
    sha = rd_sha256_new ();
  rd_jpeg_stripper_init (&stripper, emit_to_writer, w);
  buffer = g_malloc (READ_CHUNK);
  for (;;)
    {
      gssize n = read (fd, buffer, READ_CHUNK);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          _rd_exhibit_set_read_error (ex, saved, error);
          return FALSE;
        }
      if (n == 0)
        break;
      if (sha != NULL)
        rd_sha256_update (sha, buffer, (gsize) n);
      rd_jpeg_stripper_feed (&stripper, buffer, (gsize) n);
    }
  close (fd);
  rd_jpeg_stripper_finish (&stripper);

  {
    goffset len = _rd_pdf_writer_get_offset (w) - start;

    _rd_pdf_writer_puts (w, "\nendstream");
    _rd_pdf_writer_end_object (w);
    _rd_pdf_writer_begin_object (w, length_id);
    _rd_pdf_writer_printf (w, "%" G_GINT64_FORMAT, (gint64) len);
    _rd_pdf_writer_end_object (w);
  }

  if (sha != NULL)
    {
      g_autofree char *actual = rd_sha256_finish_hex (sha);

      if (!_rd_exhibit_check_hash (ex, actual, error))
        return FALSE;
    }
  return _rd_pdf_writer_check (w, error);
}
