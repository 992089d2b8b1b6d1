/* rd-bundle-convert.c: photos that are not plain JPEGs (PNG, HEIC, WebP,
 * screenshots, CMYK JPEGs…), made into JPEGs of a size a page needs.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PNG or HEIC photo cannot go into a PDF as its own bytes. Decoded whole
 * and handed to cairo, a 12-megapixel one costs tens of megabytes of memory
 * and of output. Instead each is decoded once, at no more pixels than the
 * page can show at about 300 dpi (PNGs row by row, so the full picture is
 * never in memory), turned the right way up, and stored again as a JPEG in
 * a temporary file beside the bundle; from then on it goes through the same
 * path as a JPEG photo (rd-bundle-photos.c) and no pixel passes through
 * cairo. A picture that cannot be decoded is listed as not included, with
 * the reason, like an unreadable PDF.
 */
#define G_LOG_DOMAIN "rd-bundle"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include "rd-gettext.h"
#include <glib/gstdio.h>
#include <png.h>
#include <setjmp.h>
#include <string.h>
#include <unistd.h>

#include "rd-bundle-private.h"
#include "rd-hash.h"
#include "rd-output.h"

/* A photo page's picture box is about 6.7 × 9.6 inches on A4 or Letter:
 * at 300 dpi, 2,000 × 2,900 pixels. Text in a screenshot stays sharp. */
#define PAGE_LONG_EDGE  2900
#define PAGE_SHORT_EDGE 2100
#define PAGE_QUALITY    "90"
/* The smaller-file option, as for JPEG photos (rd-bundle-photos.c). */
#define SMALLER_LONG_EDGE RD_PHOTO_SMALLER_LONG_EDGE
#define SMALLER_QUALITY   "78"

/* Decoders log their complaints (libheif's loader says "Invalid input: No
 * 'pitm' box" on stderr); while this thread decodes, they are kept here and
 * used as the reason instead. */
static GPrivate quiet_decoding;

static void
on_decoder_log (const char     *domain,
                GLogLevelFlags  level,
                const char     *message,
                gpointer        data)
{
  GString *kept = g_private_get (&quiet_decoding);

  if (kept != NULL && (level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE)))
    {
      if (kept->len == 0)
        g_string_append (kept, message);
      return;
    }
  g_log_default_handler (domain, level, message, data);
}

static void
install_log_handler (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* The loaders are built without a log domain of their own. */
      g_log_set_handler (NULL, G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_FLAG_FATAL |
                         G_LOG_FLAG_RECURSION, on_decoder_log, NULL);
      g_once_init_leave (&done, 1);
    }
}

/* The size to decode to: never larger than the original, never more than
 * the page shows. */
static void
target_size (int       width,
             int       height,
             gboolean  smaller,
             int      *out_width,
             int      *out_height)
{
  int long_edge = MAX (width, height), short_edge = MIN (width, height);
  double scale;

  if (smaller)
    scale = MIN (1.0, (double) SMALLER_LONG_EDGE / long_edge);
  else
    scale = MIN (1.0, MIN ((double) PAGE_LONG_EDGE / long_edge, (double) PAGE_SHORT_EDGE / short_edge));
  *out_width = MAX (1, (int) (width * scale + 0.5));
  *out_height = MAX (1, (int) (height * scale + 0.5));
}

/* The file, read in pieces (never mapped or held whole: a 48-megapixel
 * PNG is 80 MB) and fingerprinted on the way. */

#define READ_CHUNK (256 * 1024)

typedef struct
{
  int       fd;
  RdSha256 *sha;          /* NULL when not fingerprinting */
  guint8   *buffer;
  gsize     len;          /* bytes in buffer */
  gsize     pos;          /* bytes of them used */
  gboolean  eof;
  int       read_errno;   /* a read that failed: the export stops */
  char      message[200]; /* what libpng said */
} Source;

static gboolean
source_open (Source     *src,
             const char *path,
             gboolean    fingerprint)
{
  memset (src, 0, sizeof *src);
  src->fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (src->fd < 0)
    {
      src->read_errno = errno;
      return FALSE;
    }
#ifdef POSIX_FADV_SEQUENTIAL
  posix_fadvise (src->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  src->sha = fingerprint ? rd_sha256_new () : NULL;
  src->buffer = g_malloc (READ_CHUNK);
  return TRUE;
}

static void
source_close (Source *src)
{
  if (src->fd >= 0)
    close (src->fd);
  src->fd = -1;
  g_clear_pointer (&src->sha, rd_sha256_free);
  g_clear_pointer (&src->buffer, g_free);
}

/* Refills the buffer once it is used up; FALSE at the end or on an error. */
static gboolean
source_fill (Source *src)
{
  gssize n;

  if (src->pos < src->len)
    return TRUE;
  if (src->eof)
    return FALSE;
  do
    n = read (src->fd, src->buffer, READ_CHUNK);
  while (n < 0 && errno == EINTR);
  if (n <= 0)
    {
      if (n < 0)
        src->read_errno = errno;
      src->eof = TRUE;
      return FALSE;
    }
  if (src->sha != NULL)
    rd_sha256_update (src->sha, src->buffer, (gsize) n);
  src->len = (gsize) n;
  src->pos = 0;
  return TRUE;
}

static gsize
source_read (Source *src,
             guint8 *out,
             gsize   len)
{
  gsize done = 0;

  while (done < len && source_fill (src))
    {
      gsize n = MIN (len - done, src->len - src->pos);

      memcpy (out + done, src->buffer + src->pos, n);
      src->pos += n;
      done += n;
    }
  return done;
}

/* Reads what the decoder left, so that the fingerprint covers the file. */
static void
source_drain (Source *src)
{
  src->pos = src->len;
  while (source_fill (src))
    src->pos = src->len;
}

/* PNG, read row by row and shrunk as it goes (each pixel of the result is
 * the average of the pixels it covers), over white where transparent. */

typedef Source PngSource;

static void
png_read_memory (png_structp  png,
                 png_bytep    out,
                 png_size_t   len)
{
  PngSource *src = png_get_io_ptr (png);

  if (source_read (src, out, len) != len)
    png_error (png, "the file ends too soon");
}

static void
png_on_error (png_structp     png,
              png_const_charp message)
{
  PngSource *src = png_get_error_ptr (png);

  g_strlcpy (src->message, message, sizeof src->message);
  png_longjmp (png, 1);
}

static void
png_on_warning (png_structp     png,
                png_const_charp message)
{
}

typedef struct
{
  int      width, height;      /* of the result */
  guint8  *pixels;             /* RGB, width × height × 3 */
  guint32 *sum;                /* one row of the result being gathered */
  guint32 *count;
  int      row;                /* of the result being gathered */
} Shrink;

static void
shrink_flush (Shrink *s)
{
  guint8 *out = s->pixels + (gsize) s->row * s->width * 3;

  for (int x = 0; x < s->width; x++)
    {
      guint32 n = MAX (1, s->count[x]);

      for (int c = 0; c < 3; c++)
        out[x * 3 + c] = (guint8) ((s->sum[x * 3 + c] + n / 2) / n);
    }
  memset (s->sum, 0, sizeof (guint32) * 3 * s->width);
  memset (s->count, 0, sizeof (guint32) * s->width);
}

/* Returns the picture as an RGB pixbuf of at most the target size, or NULL
 * and a reason in @src->message. */
static GdkPixbuf *
decode_png (gboolean   smaller,
            PngSource *src)
{
  png_structp png;
  png_infop info;
  Shrink s = { 0 };
  guint8 *volatile row = NULL;
  guint8 *volatile pixels = NULL;
  guint32 *volatile sum = NULL;
  guint32 *volatile count = NULL;
  GdkPixbuf *result = NULL;
  png_uint_32 width, height;
  int bit_depth, color_type, interlace;

  src->message[0] = '\0';

  png = png_create_read_struct (PNG_LIBPNG_VER_STRING, src, png_on_error, png_on_warning);
  if (png == NULL)
    return NULL;
  info = png_create_info_struct (png);
  if (info == NULL)
    {
      png_destroy_read_struct (&png, NULL, NULL);
      return NULL;
    }
  if (setjmp (png_jmpbuf (png)))
    {
      g_free (row);
      g_free (pixels);
      g_free (sum);
      g_free (count);
      png_destroy_read_struct (&png, &info, NULL);
      return NULL;
    }

  png_set_read_fn (png, src, png_read_memory);
  /* Phones and cameras make nothing near this; a bomb would. */
  png_set_user_limits (png, 65535, 65535);
  png_read_info (png, info);
  png_get_IHDR (png, info, &width, &height, &bit_depth, &color_type, &interlace, NULL, NULL);
  if (interlace != PNG_INTERLACE_NONE)
    {
      /* Interlaced rows arrive in seven passes: not readable one by one. */
      png_destroy_read_struct (&png, &info, NULL);
      return NULL;
    }

  png_set_expand (png);
  png_set_strip_16 (png);
  png_set_gray_to_rgb (png);
  png_set_add_alpha (png, 0xff, PNG_FILLER_AFTER);
  png_read_update_info (png, info);

  target_size ((int) width, (int) height, smaller, &s.width, &s.height);
  row = g_malloc ((gsize) width * 4);
  pixels = g_malloc ((gsize) s.width * s.height * 3);
  sum = g_malloc0 (sizeof (guint32) * 3 * s.width);
  count = g_malloc0 (sizeof (guint32) * s.width);
  s.pixels = pixels;
  s.sum = sum;
  s.count = count;

  for (png_uint_32 y = 0; y < height; y++)
    {
      int ty = (int) ((guint64) y * s.height / height);

      if (ty != s.row)
        {
          shrink_flush (&s);
          s.row = ty;
        }
      png_read_row (png, row, NULL);
      for (png_uint_32 x = 0; x < width; x++)
        {
          const guint8 *p = row + (gsize) x * 4;
          int tx = (int) ((guint64) x * s.width / width);
          guint a = p[3];

          for (int c = 0; c < 3; c++)
            s.sum[tx * 3 + c] += (p[c] * a + 255 * (255 - a) + 127) / 255;
          s.count[tx]++;
        }
    }
  shrink_flush (&s);
  png_read_end (png, NULL);
  png_destroy_read_struct (&png, &info, NULL);
  g_free (row);
  g_free (sum);
  g_free (count);

  result = gdk_pixbuf_new_from_data (pixels, GDK_COLORSPACE_RGB, FALSE, 8, s.width, s.height,
                                     s.width * 3, (GdkPixbufDestroyNotify) g_free, NULL);
  return result;
}

/* Everything else gdk-pixbuf reads (HEIC, WebP, TIFF, odd JPEGs), asked for
 * the target size: JPEGs shrink while decoding, others afterwards. */
static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         data)
{
  gboolean smaller = GPOINTER_TO_INT (data);
  int w, h;

  target_size (width, height, smaller, &w, &h);
  gdk_pixbuf_loader_set_size (loader, w, h);
}

static GdkPixbuf *
decode_other (Source    *src,
              gboolean   smaller,
              GError   **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  GdkPixbuf *pixbuf;
  gboolean ok = TRUE;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), GINT_TO_POINTER (smaller));
  while (ok && source_fill (src))
    {
      ok = gdk_pixbuf_loader_write (loader, src->buffer + src->pos, src->len - src->pos, error);
      src->pos = src->len;
    }
  if (!gdk_pixbuf_loader_close (loader, ok ? error : NULL) || !ok)
    return NULL;
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE, "no picture");
      return NULL;
    }
  /* The EXIF orientation, as JPEG photos get it in the drawing. */
  return gdk_pixbuf_apply_embedded_orientation (pixbuf);
}

static gboolean
is_png (Source *src)
{
  return source_fill (src) && src->len >= 8 && png_sig_cmp (src->buffer, 0, 8) == 0;
}

/* Drops the alpha channel (over white): JPEG has none. */
static GdkPixbuf *
flatten (GdkPixbuf *pixbuf)
{
  int w = gdk_pixbuf_get_width (pixbuf), h = gdk_pixbuf_get_height (pixbuf);
  int n = gdk_pixbuf_get_n_channels (pixbuf), stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *src = gdk_pixbuf_read_pixels (pixbuf);
  GdkPixbuf *flat;
  guint8 *dst;
  int dstride;

  if (!gdk_pixbuf_get_has_alpha (pixbuf) && n == 3)
    return g_object_ref (pixbuf);
  flat = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, w, h);
  dst = gdk_pixbuf_get_pixels (flat);
  dstride = gdk_pixbuf_get_rowstride (flat);
  for (int y = 0; y < h; y++)
    {
      const guint8 *s = src + (gsize) y * stride;
      guint8 *o = dst + (gsize) y * dstride;

      for (int x = 0; x < w; x++, s += n, o += 3)
        {
          guint a = n == 4 ? s[3] : 255;

          for (int c = 0; c < 3; c++)
            o[c] = (guint8) ((s[c] * a + 255 * (255 - a) + 127) / 255);
        }
    }
  return flat;
}

/**
 * _rd_photo_convert:
 * @output: the bundle's path: the new JPEG is written beside it
 *
 * For a photo whose bytes cannot go into the PDF as they are: checks it is
 * the file that was added to the case (an altered one stops the export),
 * decodes it at the size a page needs and writes it as a JPEG, upright and
 * without metadata, to a temporary file that @ex then carries. A picture
 * that cannot be decoded gets an omitted reason instead.
 *
 * Returns: %FALSE only when the export must stop.
 */
gboolean
_rd_photo_convert (RdBundleExhibit  *ex,
                   const char       *output,
                   gboolean          smaller,
                   GError          **error)
{
  g_autoptr(GdkPixbuf) decoded = NULL;
  g_autoptr(GdkPixbuf) flat = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) logged = g_string_new (NULL);
  g_autofree char *dir = NULL;
  g_autofree char *tmpl = NULL;
  Source src;
  gboolean png_file, retry = FALSE;

  if (!source_open (&src, ex->path, !ex->verified))
    {
      _rd_exhibit_set_read_error (ex, src.read_errno, error);
      return FALSE;
    }

  install_log_handler ();
  g_private_set (&quiet_decoding, logged);
  png_file = is_png (&src);
  if (png_file)
    {
      decoded = decode_png (smaller, &src);
      retry = decoded == NULL && src.message[0] == '\0' && src.read_errno == 0;
    }
  else
    decoded = decode_other (&src, smaller, &local_error);
  g_private_set (&quiet_decoding, NULL);

  /* Whether the picture could be decoded or not, it must be the file that
   * was added to the case: an altered one stops the export. */
  source_drain (&src);
  if (src.read_errno != 0)
    {
      _rd_exhibit_set_read_error (ex, src.read_errno, error);
      source_close (&src);
      return FALSE;
    }
  if (src.sha != NULL)
    {
      g_autofree char *actual = rd_sha256_finish_hex (src.sha);

      if (!_rd_exhibit_check_hash (ex, actual, error))
        {
          source_close (&src);
          return FALSE;
        }
    }
  source_close (&src);

  if (retry)
    {
      /* An interlaced PNG arrives in seven passes: gdk-pixbuf reads it whole. */
      if (!source_open (&src, ex->path, FALSE))
        {
          _rd_exhibit_set_read_error (ex, src.read_errno, error);
          return FALSE;
        }
      g_private_set (&quiet_decoding, logged);
      decoded = decode_other (&src, smaller, &local_error);
      g_private_set (&quiet_decoding, NULL);
      source_close (&src);
    }

  if (decoded == NULL)
    {
      const char *detail = src.message[0] ? src.message
                           : logged->len > 0 ? logged->str
                           : local_error != NULL ? local_error->message : NULL;

      /* What the decoder said is for the log: the reader gets what to do. */
      g_debug ("exhibit %s: not a picture: %s", ex->label, detail ? detail : "?");
      ex->omitted_reason =
        g_strdup (_("This file cannot be read as a picture: it is damaged, or in a format "
                    "Redress cannot read. Open it to check it, save a copy as a JPEG or PNG, "
                    "add that copy to the case and make the bundle again; or send this file "
                    "separately."));
      return TRUE;
    }
  flat = flatten (decoded);

  dir = g_path_get_dirname (output);
  tmpl = rd_output_make_side_temp (output, "photo", error);
  if (tmpl == NULL)
    return FALSE;
  if (!gdk_pixbuf_save (flat, tmpl, "jpeg", &local_error,
                        "quality", smaller ? SMALLER_QUALITY : PAGE_QUALITY, NULL))
    {
      g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_WRITE,
                   UI_("Redress could not write in the folder “%s”: %s. Check that the disk "
                     "has space and try again."), dir, local_error->message);
      rd_output_explain_full_disk (output, error);
      rd_output_discard (tmpl);
      return FALSE;
    }

  ex->converted_path = g_steal_pointer (&tmpl);
  ex->jpeg_direct = TRUE;
  ex->jpeg_width = gdk_pixbuf_get_width (flat);
  ex->jpeg_height = gdk_pixbuf_get_height (flat);
  ex->jpeg_components = 3;
  ex->orientation = 1;
  return TRUE;
}
