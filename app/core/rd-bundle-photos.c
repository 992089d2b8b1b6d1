/* rd-bundle-photos.c: JPEG photos written straight into the finished bundle.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A photo's bytes are most of a bundle's size. Drawn into the skeleton,
 * they would be written by cairo, read back and written again by qpdf.
 * Instead cairo draws each photo page with a tiny placeholder image in the
 * right place, qpdf assembles the (now small) bundle, and this file then
 * appends an incremental update (PDF 1.7, 7.5.6) that redefines each
 * placeholder as an image XObject carrying the photo's own JPEG bytes,
 * minus their EXIF/GPS segments. Each photo is read once, from a private
 * mapping, hashed, and written once.
 */
#define G_LOG_DOMAIN "rd-bundle"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <qpdf/qpdf-c.h>
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

static gboolean
write_all (int           fd,
           const void   *data,
           gsize         len,
           goffset      *offset,
           GError      **error)
{
  const guint8 *p = data;

  while (len > 0)
    {
      gssize n = write (fd, p, MIN (len, (gsize) 1 << 30));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_WRITE,
                       _("Redress could not finish writing the bundle (%s). Check that the disk "
                         "has space and try again."), g_strerror (saved));
          return FALSE;
        }
      p += n;
      len -= (gsize) n;
      *offset += n;
    }
  return TRUE;
}

/* Where the last cross-reference section starts: "startxref N %%EOF". */
static gboolean
read_startxref (const char *path,
                goffset    *prev)
{
  char tail[1024 + 1];
  GStatBuf st;
  gssize n;
  const char *hit;
  int fd;

  if (g_stat (path, &st) != 0 || (fd = g_open (path, O_RDONLY | O_CLOEXEC, 0)) < 0)
    return FALSE;
  n = pread (fd, tail, sizeof tail - 1, MAX (0, st.st_size - (goffset) (sizeof tail - 1)));
  close (fd);
  if (n <= 0)
    return FALSE;
  tail[n] = '\0';
  /* The tail may hold binary bytes (and NULs) before the keyword. */
  hit = NULL;
  for (gssize i = n - 9; i >= 0 && hit == NULL; i--)
    if (memcmp (tail + i, "startxref", 9) == 0)
      hit = tail + i;
  if (hit == NULL)
    return FALSE;
  *prev = g_ascii_strtoll (hit + strlen ("startxref"), NULL, 10);
  return *prev > 0;
}

typedef struct
{
  int     id;
  goffset offset;
} XrefEntry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  return ((const XrefEntry *) a)->id - ((const XrefEntry *) b)->id;
}

/* The object numbers qpdf gave the placeholders (marked before writing). */
static gboolean
find_placeholders (const char *output,
                   GArray     *photos,
                   int        *ids,
                   int        *size,
                   char      **root,
                   char      **info,
                   char      **id_array)
{
  qpdf_data q = qpdf_init ();
  qpdf_oh trailer, value;
  gboolean ok = TRUE;

  qpdf_silence_errors (q);
  qpdf_set_suppress_warnings (q, QPDF_TRUE);
  if (qpdf_read (q, output, NULL) & QPDF_ERRORS)
    {
      qpdf_cleanup (&q);
      return FALSE;
    }

  trailer = qpdf_get_trailer (q);
  *size = qpdf_oh_get_int_value_as_int (q, qpdf_oh_get_key (q, trailer, "/Size"));
  value = qpdf_oh_get_key (q, trailer, "/Root");
  *root = g_strdup_printf ("%d %d R", qpdf_oh_get_object_id (q, value),
                           qpdf_oh_get_generation (q, value));
  value = qpdf_oh_get_key (q, trailer, "/Info");
  *info = qpdf_oh_is_indirect (q, value)
    ? g_strdup_printf ("%d %d R", qpdf_oh_get_object_id (q, value), qpdf_oh_get_generation (q, value))
    : NULL;
  value = qpdf_oh_get_key (q, trailer, "/ID");
  *id_array = qpdf_oh_is_array (q, value) ? g_strdup (qpdf_oh_unparse (q, value)) : NULL;

  for (guint i = 0; i < photos->len && ok; i++)
    {
      RdPhotoSlot *slot = &g_array_index (photos, RdPhotoSlot, i);
      qpdf_oh page = qpdf_get_page_n (q, (size_t) (slot->page - 1));
      qpdf_oh xobjects = qpdf_oh_get_key (q, qpdf_oh_get_key (q, page, "/Resources"), "/XObject");
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

      ids[i] = 0;
      if (qpdf_oh_is_dictionary (q, xobjects))
        {
          qpdf_oh_begin_dict_key_iter (q, xobjects);
          while (qpdf_oh_dict_more_keys (q))
            g_ptr_array_add (keys, g_strdup (qpdf_oh_dict_next_key (q)));
        }
      for (guint k = 0; k < keys->len; k++)
        {
          qpdf_oh x = qpdf_oh_get_key (q, xobjects, keys->pdata[k]);
          qpdf_oh mark = qpdf_oh_get_key (q, qpdf_oh_get_dict (q, x), RD_PHOTO_MARK);

          if (qpdf_oh_is_integer (q, mark) && qpdf_oh_get_int_value (q, mark) == (long long) i)
            ids[i] = qpdf_oh_get_object_id (q, x);
        }
      ok = ids[i] > 0;
      if (!ok)
        g_debug ("no placeholder on page %d among %u objects", slot->page, keys->len);
      qpdf_oh_release_all (q);
    }
  qpdf_cleanup (&q);
  return ok && *size > 0;
}

/**
 * _rd_photos_append:
 *
 * Appends to @output (a complete PDF written by qpdf) the photos' JPEG
 * bytes in place of their placeholders. Each photo is checked against its
 * SHA-256 first when that was not done earlier.
 */
gboolean
_rd_photos_append (const char    *output,
                   GArray        *photos,
                   gboolean       smaller,
                   void         (*progress) (double fraction, gpointer data),
                   gpointer       progress_data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree int *ids = NULL;
  g_autofree char *root = NULL, *info = NULL, *id_array = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (XrefEntry));
  g_autoptr(GString) index = g_string_new (NULL);
  g_autoptr(GByteArray) rows = g_byte_array_new ();
  g_autofree char *xref_dict = NULL;
  goffset prev = 0, offset;
  int size = 0, fd;
  gboolean ok = FALSE;
  XrefEntry xref;

  if (photos->len == 0)
    return TRUE;

  ids = g_new0 (int, photos->len);
  if (!find_placeholders (output, photos, ids, &size, &root, &info, &id_array) ||
      !read_startxref (output, &prev))
    {
      g_debug ("placeholders not found again, or no startxref (size %d, prev %" G_GINT64_FORMAT ")",
               size, (gint64) prev);
      g_set_error_literal (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_FAILED,
                           _("Redress could not put the photos into the bundle."));
      return FALSE;
    }

  fd = g_open (output, O_WRONLY | O_APPEND | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_WRITE,
                   _("Redress could not finish writing the bundle (%s)."), g_strerror (saved));
      return FALSE;
    }
  offset = lseek (fd, 0, SEEK_END);

  for (guint i = 0; i < photos->len; i++)
    {
      RdPhotoSlot *slot = &g_array_index (photos, RdPhotoSlot, i);
      RdBundleExhibit *ex = slot->exhibit;
      g_autoptr(GMappedFile) mapped = NULL;
      g_autoptr(GBytes) small = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *head = NULL;
      const guint8 *bytes;
      guint8 *data;
      gsize len, start = 0, clean_len;
      int width = ex->jpeg_width, height = ex->jpeg_height, components = ex->jpeg_components;
      XrefEntry entry = { ids[i], 0 };

      /* Private: cleaning the header must not touch the evidence file. */
      mapped = g_mapped_file_new (ex->path, TRUE, &local_error);
      if (mapped == NULL)
        {
          g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_EVIDENCE_MISSING,
                       _("The file for exhibit %s (“%s”) could not be read, so the bundle was "
                         "not made: %s"), ex->label, ex->title, local_error->message);
          goto out;
        }
      data = (guint8 *) g_mapped_file_get_contents (mapped);
      len = g_mapped_file_get_length (mapped);
      if (!ex->verified && !ex->hash_deferred)
        {
          g_autofree char *actual = rd_sha256_buffer_hex (data, len);

          if (!_rd_exhibit_check_hash (ex, actual, error))
            goto out;
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
              goto out;
            }
          bytes = g_bytes_get_data (small, &clean_len);
          components = 3;
        }
      else
        {
          clean_len = rd_jpeg_strip_metadata_in_place (data, len, &start);
          bytes = data + start;
        }

      entry.offset = offset;
      g_array_append_val (entries, entry);
      head = g_strdup_printf ("%d 0 obj\n<< /Type /XObject /Subtype /Image /Width %d /Height %d "
                              "/ColorSpace /%s /BitsPerComponent 8 /Interpolate true "
                              "/Filter /DCTDecode /Length %" G_GSIZE_FORMAT " >>\nstream\n",
                              ids[i], width, height,
                              components == 1 ? "DeviceGray" : "DeviceRGB", clean_len);
      if (!write_all (fd, head, strlen (head), &offset, error) ||
          !write_all (fd, bytes, clean_len, &offset, error) ||
          !write_all (fd, "\nendstream\nendobj\n", 18, &offset, error))
        goto out;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      if (progress != NULL)
        progress ((double) (i + 1) / photos->len, progress_data);
    }

  /* The update's cross-reference stream: one row per redefined object. */
  xref.id = size;
  xref.offset = offset;
  g_array_append_val (entries, xref);
  g_array_sort (entries, compare_entries);
  for (guint i = 0; i < entries->len; i++)
    {
      XrefEntry *e = &g_array_index (entries, XrefEntry, i);
      guint8 row[11] = { 1 };

      for (int b = 0; b < 8; b++)
        row[1 + b] = (guint8) (((guint64) e->offset >> (8 * (7 - b))) & 0xff);
      g_byte_array_append (rows, row, sizeof row);
      g_string_append_printf (index, "%s%d 1", i ? " " : "", e->id);
    }
  xref_dict = g_strdup_printf ("%d 0 obj\n<< /Type /XRef /Size %d /Root %s%s%s%s%s /Prev %"
                               G_GINT64_FORMAT " /W [1 8 2] /Index [%s] /Length %u >>\nstream\n",
                               size, size + 1, root,
                               info ? " /Info " : "", info ? info : "",
                               id_array ? " /ID " : "", id_array ? id_array : "",
                               (gint64) prev, index->str, rows->len);
  if (!write_all (fd, xref_dict, strlen (xref_dict), &offset, error) ||
      !write_all (fd, rows->data, rows->len, &offset, error))
    goto out;
  {
    g_autofree char *tail = g_strdup_printf ("\nendstream\nendobj\nstartxref\n%" G_GINT64_FORMAT
                                             "\n%%%%EOF\n", (gint64) xref.offset);

    if (!write_all (fd, tail, strlen (tail), &offset, error))
      goto out;
  }
  ok = TRUE;

out:
  if (close (fd) != 0 && ok)
    {
      int saved = errno;

      g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_WRITE,
                   _("Redress could not finish writing the bundle (%s). Check that the disk "
                     "has space and try again."), g_strerror (saved));
      ok = FALSE;
    }
  return ok;
}
