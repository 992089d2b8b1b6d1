/* rd-bundle-photos.c: JPEG photos written straight into the finished bundle.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A photo's bytes are most of a bundle's size. Drawn into the skeleton,
 * they would be written by cairo, read back and written again. Instead
 * cairo draws each photo page with a tiny placeholder image in the right
 * place, and when the bundle is written the placeholder's object becomes
 * an image XObject carrying the photo's own JPEG bytes, minus their
 * EXIF/GPS segments. Each photo is read once, from a private mapping,
 * hashed, and written once.
 */
#define G_LOG_DOMAIN "rd-bundle"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rd-bundle-private.h"
#include "rd-hash.h"
#include "rd-jpeg.h"

#define HEADER_PROBE (256 * 1024)
#define SMALLER_LONG_EDGE 1600   /* pixels: about 190 dpi across an A4 page */
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
                   _("The file for exhibit %s (“%s”) could not be read, so the bundle was not "
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

/**
 * _rd_photo_write:
 *
 * Writes object @id: the photo of @ex as an image XObject carrying its own
 * JPEG bytes, minus their EXIF/GPS segments (or, with @smaller, a lighter
 * copy). The photo is checked against its SHA-256 here when that was not
 * done earlier.
 */
gboolean
_rd_photo_write (RdPdfWriter      *w,
                 int               id,
                 RdBundleExhibit  *ex,
                 gboolean          smaller,
                 GError          **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) small = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dict = NULL;
  const guint8 *bytes;
  guint8 *data;
  gsize len, start = 0, clean_len;
  int width = ex->jpeg_width, height = ex->jpeg_height, components = ex->jpeg_components;

  /* Private: cleaning the header must not touch the evidence file. */
  mapped = g_mapped_file_new (ex->path, TRUE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_EVIDENCE_MISSING,
                   _("The file for exhibit %s (“%s”) could not be read, so the bundle was "
                     "not made: %s"), ex->label, ex->title, local_error->message);
      return FALSE;
    }
  data = (guint8 *) g_mapped_file_get_contents (mapped);
  len = g_mapped_file_get_length (mapped);
  if (!ex->verified && !ex->hash_deferred)
    {
      g_autofree char *actual = rd_sha256_buffer_hex (data, len);

      if (!_rd_exhibit_check_hash (ex, actual, error))
        return FALSE;
    }

  if (smaller && MAX (width, height) > SMALLER_LONG_EDGE)
    {
      g_autoptr(GBytes) file = g_mapped_file_get_bytes (mapped);

      small = _rd_photo_downsample (file, &width, &height, &local_error);
      if (small == NULL)
        {
          g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_EVIDENCE_UNREADABLE,
                       _("The photo for exhibit %s (“%s”) could not be read as a picture, "
                         "so the bundle was not made: %s"), ex->label, ex->title,
                       local_error->message);
          return FALSE;
        }
      bytes = g_bytes_get_data (small, &clean_len);
      components = 3;
    }
  else
    {
      clean_len = rd_jpeg_strip_metadata_in_place (data, len, &start);
      bytes = data + start;
    }

  dict = g_strdup_printf (" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /%s "
                          "/BitsPerComponent 8 /Interpolate true /Filter /DCTDecode",
                          width, height, components == 1 ? "DeviceGray" : "DeviceRGB");
  _rd_pdf_writer_stream (w, id, dict, bytes, clean_len);
  return _rd_pdf_writer_check (w, error);
}
