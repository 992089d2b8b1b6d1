/* rd-jpeg.c: reading a JPEG's size and EXIF orientation, and removing its metadata.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A photo goes into a bundle as its own compressed bytes: only the marker
 * segments are read or rewritten here, the image data is never decoded.
 */
#define G_LOG_DOMAIN "rd-jpeg"

#include "config.h"

#include <string.h>

#include "rd-jpeg.h"

static guint
read_u16 (const guint8 *p,
          gboolean      big_endian)
{
  return big_endian ? (guint) (p[0] << 8 | p[1]) : (guint) (p[1] << 8 | p[0]);
}

static guint32
read_u32 (const guint8 *p,
          gboolean      big_endian)
{
  return big_endian
    ? ((guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3])
    : ((guint32) p[3] << 24 | (guint32) p[2] << 16 | (guint32) p[1] << 8 | p[0]);
}

/* Orientation is tag 0x0112 of IFD0 in the TIFF structure inside "Exif\0\0". */
static int
parse_exif_orientation (const guint8 *tiff,
                        gsize         len)
{
  gboolean be;
  guint32 ifd;
  guint n;

  if (len < 8)
    return 1;
  if (memcmp (tiff, "MM\0*", 4) == 0)
    be = TRUE;
  else if (memcmp (tiff, "II*\0", 4) == 0)
    be = FALSE;
  else
    return 1;

  ifd = read_u32 (tiff + 4, be);
  if (ifd > len - 2)
    return 1;
  n = read_u16 (tiff + ifd, be);
  for (guint i = 0; i < n; i++)
    {
      gsize off = ifd + 2 + (gsize) i * 12;

      if (off + 12 > len)
        break;
      if (read_u16 (tiff + off, be) == 0x0112 && read_u16 (tiff + off + 2, be) == 3)
        {
          guint v = read_u16 (tiff + off + 8, be);
          return v >= 1 && v <= 8 ? (int) v : 1;
        }
    }
  return 1;
}

static gboolean
is_sof (guint8 m)
{
  return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

/**
 * rd_jpeg_read_info:
 *
 * Reads the frame header and the EXIF orientation from the marker segments
 * before the image data. Returns %FALSE if @data is not a JPEG Redress can
 * understand.
 */
gboolean
rd_jpeg_read_info (const guint8 *data,
                   gsize         len,
                   RdJpegInfo   *info)
{
  gsize pos = 2;
  gboolean have_frame = FALSE;

  memset (info, 0, sizeof *info);
  info->orientation = 1;

  if (len < 4 || data[0] != 0xFF || data[1] != 0xD8)
    return FALSE;

  while (pos + 4 <= len)
    {
      guint8 marker;
      gsize seglen;

      if (data[pos] != 0xFF)
        return FALSE;
      while (pos < len && data[pos] == 0xFF)
        pos++;
      if (pos >= len)
        return FALSE;
      marker = data[pos++];
      if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01)
        continue;
      if (marker == 0xD9 || pos + 2 > len)
        break;
      seglen = read_u16 (data + pos, TRUE);
      if (seglen < 2 || pos + seglen > len)
        return FALSE;

      if (marker == 0xE1 && seglen >= 8 && memcmp (data + pos + 2, "Exif\0\0", 6) == 0)
        info->orientation = parse_exif_orientation (data + pos + 8, seglen - 8);
      else if (is_sof (marker) && seglen >= 8)
        {
          info->bits = data[pos + 2];
          info->height = (int) read_u16 (data + pos + 3, TRUE);
          info->width = (int) read_u16 (data + pos + 5, TRUE);
          info->components = data[pos + 7];
          info->progressive = marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
          info->arithmetic = marker >= 0xC9;
          have_frame = TRUE;
        }
      else if (marker == 0xDA)
        break;
      pos += seglen;
    }

  return have_frame && info->width > 0 && info->height > 0;
}

/* Segments that only carry metadata: EXIF and XMP (APP1, where GPS lives),
 * Photoshop/IPTC (APP13), maker notes and comments. JFIF (APP0), ICC
 * colour profiles (APP2 "ICC_PROFILE") and Adobe's colour transform (APP14)
 * change how the picture looks, so they stay. */
static gboolean
is_metadata_segment (guint8        marker,
                     const guint8 *payload,
                     gsize         payload_len)
{
  if (marker == 0xFE)
    return TRUE;
  if (marker < 0xE0 || marker > 0xEF)
    return FALSE;
  if (marker == 0xE0)
    return FALSE;
  if (marker == 0xE2)
    return !(payload_len >= 12 && memcmp (payload, "ICC_PROFILE\0", 12) == 0);
  if (marker == 0xEE)
    return !(payload_len >= 5 && memcmp (payload, "Adobe", 5) == 0);
  return TRUE;
}

/**
 * rd_jpeg_strip_metadata:
 *
 * Removes EXIF (with any GPS position), XMP, IPTC and comment segments from
 * the JPEG in @data, in place, and drops anything after the end-of-image
 * marker (phones append preview images there, with their own EXIF).
 * The compressed image data itself is unchanged.
 *
 * Returns: the new length of @data
 */
gsize
rd_jpeg_strip_metadata (guint8 *data,
                        gsize   len)
{
  gsize in = 2, out = 2;
  gboolean in_scan = FALSE;

  if (len < 4 || data[0] != 0xFF || data[1] != 0xD8)
    return len;

  while (in < len)
    {
      guint8 marker;
      gsize start = in, seglen;

      if (in_scan)
        {
          /* Entropy-coded data: 0xFF is followed by 0x00 (stuffing) or a
           * restart marker; anything else is a real marker. */
          const guint8 *ff = memchr (data + in, 0xFF, len - in);
          gsize run_end = ff ? (gsize) (ff - data) : len;

          while (ff != NULL && run_end + 1 < len &&
                 (data[run_end + 1] == 0x00 || (data[run_end + 1] >= 0xD0 && data[run_end + 1] <= 0xD7)))
            {
              ff = memchr (data + run_end + 2, 0xFF, len - run_end - 2);
              run_end = ff ? (gsize) (ff - data) : len;
            }
          memmove (data + out, data + in, run_end - in);
          out += run_end - in;
          in = run_end;
          if (ff == NULL || in + 1 >= len)
            break;
          in_scan = FALSE;
          continue;
        }

      if (data[in] != 0xFF)
        break;  /* not a marker where one must be: keep what we have */
      while (in + 1 < len && data[in + 1] == 0xFF)
        in++;
      if (in + 1 >= len)
        break;
      marker = data[in + 1];

      if (marker == 0xD9)
        {
          data[out++] = 0xFF;
          data[out++] = 0xD9;
          return out;
        }
      if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01)
        {
          data[out++] = 0xFF;
          data[out++] = marker;
          in += 2;
          continue;
        }
      if (in + 4 > len)
        break;
      seglen = read_u16 (data + in + 2, TRUE);
      if (seglen < 2 || in + 2 + seglen > len)
        break;

      if (!is_metadata_segment (marker, data + in + 4, seglen - 2))
        {
          memmove (data + out, data + start, 2 + seglen);
          out += 2 + seglen;
        }
      in += 2 + seglen;
      if (marker == 0xDA)
        in_scan = TRUE;
    }

  /* A truncated file: keep what was there rather than lose the picture. */
  if (in < len)
    {
      memmove (data + out, data + in, len - in);
      out += len - in;
    }
  return out;
}

/**
 * rd_jpeg_strip_metadata_in_place:
 * @start: (out): where the cleaned JPEG starts in @data
 *
 * Does what rd_jpeg_strip_metadata() does, but only rewrites the marker
 * segments before the image data: the kept segments are packed against
 * the start of the image data, so the cleaned JPEG is @data[@start …
 * @start + returned length) and the megabytes of image data never move.
 * (Only a progressive JPEG with metadata between its scans needs the whole
 * buffer compacted, and gets it.)
 *
 * Returns: the length of the cleaned JPEG
 */
gsize
rd_jpeg_strip_metadata_in_place (guint8 *data,
                                 gsize   len,
                                 gsize  *start)
{
  struct { gsize at, len; } keep[64];
  guint n_keep = 0;
  gsize pos = 2, sos = 0, end = len, dest;

  *start = 0;
  if (len < 4 || data[0] != 0xFF || data[1] != 0xD8)
    return len;

  /* The header: note the segments to keep, up to the first scan. */
  while (pos + 4 <= len)
    {
      guint8 marker;
      gsize seglen;

      if (data[pos] != 0xFF)
        return rd_jpeg_strip_metadata (data, len);
      while (pos + 1 < len && data[pos + 1] == 0xFF)
        pos++;
      marker = data[pos + 1];
      if (pos + 4 > len)
        break;
      seglen = read_u16 (data + pos + 2, TRUE);
      if (seglen < 2 || pos + 2 + seglen > len)
        return rd_jpeg_strip_metadata (data, len);
      if (marker == 0xDA)
        {
          sos = pos;
          break;
        }
      if (!is_metadata_segment (marker, data + pos + 4, seglen - 2))
        {
          if (n_keep == G_N_ELEMENTS (keep))
            return rd_jpeg_strip_metadata (data, len);
          keep[n_keep].at = pos;
          keep[n_keep].len = 2 + seglen;
          n_keep++;
        }
      pos += 2 + seglen;
    }
  if (sos == 0)
    return rd_jpeg_strip_metadata (data, len);

  /* The image data: find its end; anything but scans and tables between
   * scans means the slow path. */
  pos = sos;
  for (;;)
    {
      const guint8 *ff;
      guint8 marker = 0;

      if (pos + 4 > len)
        break;
      pos += 2 + read_u16 (data + pos + 2, TRUE);  /* a segment: SOS, DHT, DQT, DRI */
      for (;;)
        {
          ff = pos < len ? memchr (data + pos, 0xFF, len - pos) : NULL;
          if (ff == NULL || (gsize) (ff - data) + 1 >= len)
            {
              pos = len;
              break;
            }
          pos = ff - data;
          marker = data[pos + 1];
          if (marker == 0x00 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0xFF)
            {
              pos += marker == 0xFF ? 1 : 2;
              continue;
            }
          break;
        }
      if (pos >= len)
        break;
      if (marker == 0xD9)
        {
          end = pos + 2;
          break;
        }
      if (marker != 0xDA && marker != 0xC4 && marker != 0xDB && marker != 0xDD)
        return rd_jpeg_strip_metadata (data, len);
    }

  /* Pack the kept header segments right up against the first scan. */
  dest = sos;
  for (guint i = n_keep; i-- > 0;)
    {
      dest -= keep[i].len;
      memmove (data + dest, data + keep[i].at, keep[i].len);
    }
  dest -= 2;
  data[dest] = 0xFF;
  data[dest + 1] = 0xD8;
  *start = dest;
  return end - dest;
}

/* Orientations 5–8 turn the picture a quarter turn, so width and height swap. */
gboolean
rd_jpeg_orientation_swaps (int orientation)
{
  return orientation >= 5 && orientation <= 8;
}
