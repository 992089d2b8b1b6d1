/* rd-jpeg.c: reading a JPEG's size and EXIF orientation, and removing its metadata.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A photo goes into a bundle as its own compressed bytes: only the marker
 * segments are read or left out here, the image data is never decoded,
 * and a photo can be cleaned as it is read, in pieces.
 */
#define G_LOG_DOMAIN "rd-jpeg"

#include "config.h"

#include <string.h>

#include "rd-exif.h"
#include "rd-jpeg.h"

/* JPEG numbers are big-endian. */
static guint
read_u16 (const guint8 *p)
{
  return (guint) (p[0] << 8 | p[1]);
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
      seglen = read_u16 (data + pos);
      if (seglen < 2 || pos + seglen > len)
        return FALSE;

      if (marker == 0xE1 && seglen >= 8 && memcmp (data + pos + 2, "Exif\0\0", 6) == 0)
        {
          RdExif exif;

          rd_exif_read (data + pos + 2, seglen - 2, &exif);
          info->orientation = exif.orientation;
          rd_exif_clear (&exif);
        }
      else if (is_sof (marker) && seglen >= 8)
        {
          info->bits = data[pos + 2];
          info->height = (int) read_u16 (data + pos + 3);
          info->width = (int) read_u16 (data + pos + 5);
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
 * change how the picture looks, so they stay. @payload holds the first
 * bytes (up to 12) of a payload @payload_len long. */
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

enum {
  S_START,     /* the start-of-image marker */
  S_MARKER,    /* where a marker must come */
  S_HEADER,    /* a segment's marker, length and first bytes */
  S_KEEP,      /* the rest of a segment that stays */
  S_SKIP,      /* the rest of a segment that goes */
  S_DATA,      /* entropy-coded image data */
  S_DATA_FF,   /* image data, after a 0xFF */
  S_PASS,      /* not what a JPEG should be: kept as it is */
  S_END,       /* after the end-of-image marker: dropped */
};

/**
 * rd_jpeg_stripper_init:
 * @emit: receives the cleaned JPEG, piece by piece, in order
 *
 * Prepares to remove EXIF (with any GPS position), XMP, IPTC and comment
 * segments from a JPEG fed to rd_jpeg_stripper_feed() in pieces of any
 * size, and anything after the end-of-image marker (phones append preview
 * images and videos there, with their own metadata). The compressed image
 * data itself passes through unchanged. A JPEG that is damaged where a
 * marker should be is kept as it is from there on, rather than lose the
 * picture.
 */
void
rd_jpeg_stripper_init (RdJpegStripper *s,
                       RdJpegEmitFunc  emit,
                       gpointer        user_data)
{
  memset (s, 0, sizeof *s);
  s->emit = emit;
  s->user_data = user_data;
  s->state = S_START;
}

static void
emit (RdJpegStripper *s,
      const guint8   *data,
      gsize           len)
{
  if (len > 0)
    s->emit (data, len, s->user_data);
}

static void
segment_done (RdJpegStripper *s)
{
  s->head_len = 0;
  s->state = s->in_scan ? S_DATA : S_MARKER;
}

/* The head of a segment is complete: decide whether it stays. */
static void
decide (RdJpegStripper *s)
{
  guint8 marker = s->head[1];
  gsize payload_len = s->seglen - 2;

  s->left = payload_len - (s->head_len - 4);
  s->in_scan = marker == 0xDA;
  if (is_metadata_segment (marker, s->head + 4, payload_len))
    s->state = S_SKIP;
  else
    {
      emit (s, s->head, s->head_len);
      s->state = S_KEEP;
    }
  if (s->left == 0)
    segment_done (s);
}

void
rd_jpeg_stripper_feed (RdJpegStripper *s,
                       const guint8   *data,
                       gsize           len)
{
  const guint8 *p = data, *end = data + len;

  while (p < end)
    {
      switch (s->state)
        {
        case S_START:
          s->head[s->head_len++] = *p++;
          if (s->head_len == 2)
            {
              emit (s, s->head, 2);
              s->state = s->head[0] == 0xFF && s->head[1] == 0xD8 ? S_MARKER : S_PASS;
              s->head_len = 0;
            }
          break;

        case S_MARKER:
          if (s->head_len == 0)
            {
              if (*p != 0xFF)
                {
                  s->state = S_PASS;
                  break;
                }
              s->head[s->head_len++] = *p++;
              break;
            }
          if (*p == 0xFF)
            {
              p++;  /* fill bytes between markers */
              break;
            }
          s->head[s->head_len++] = *p++;
          if (s->head[1] == 0xD9)
            {
              emit (s, s->head, 2);
              s->state = S_END;
            }
          else if ((s->head[1] >= 0xD0 && s->head[1] <= 0xD7) || s->head[1] == 0x01)
            {
              emit (s, s->head, 2);
              s->head_len = 0;
            }
          else
            s->state = S_HEADER;
          break;

        case S_HEADER:
          s->head[s->head_len++] = *p++;
          if (s->head_len == 4)
            {
              s->seglen = (gsize) s->head[2] << 8 | s->head[3];
              if (s->seglen < 2)
                {
                  emit (s, s->head, s->head_len);
                  s->state = S_PASS;
                  break;
                }
              s->head_need = 4 + MIN (s->seglen - 2, 12);
            }
          if (s->head_len >= 4 && s->head_len == s->head_need)
            decide (s);
          break;

        case S_KEEP:
        case S_SKIP:
          {
            gsize n = MIN (s->left, (gsize) (end - p));

            if (s->state == S_KEEP)
              emit (s, p, n);
            p += n;
            s->left -= n;
            if (s->left == 0)
              segment_done (s);
            break;
          }

        case S_DATA:
          {
            /* 0xFF 0x00 (a stuffed byte) and restart markers are data;
             * any other marker ends the run. */
            const guint8 *run = p;

            for (;;)
              {
                const guint8 *ff = memchr (p, 0xFF, (gsize) (end - p));

                if (ff == NULL)
                  {
                    p = end;
                    emit (s, run, (gsize) (p - run));
                    break;
                  }
                if (ff + 1 == end)
                  {
                    emit (s, run, (gsize) (ff - run));
                    p = end;
                    s->state = S_DATA_FF;
                    break;
                  }
                if (ff[1] == 0x00 || (ff[1] >= 0xD0 && ff[1] <= 0xD7))
                  {
                    p = ff + 2;
                    continue;
                  }
                emit (s, run, (gsize) (ff - run));
                p = ff + 1;
                s->state = S_DATA_FF;
                break;
              }
            break;
          }

        case S_DATA_FF:
          if (*p == 0x00 || (*p >= 0xD0 && *p <= 0xD7))
            {
              guint8 pair[2] = { 0xFF, *p++ };

              emit (s, pair, 2);
              s->state = S_DATA;
            }
          else if (*p == 0xFF)
            p++;
          else
            {
              /* A marker: the end of the image, or tables and the next
               * scan of a progressive JPEG. */
              s->in_scan = FALSE;
              s->head[0] = 0xFF;
              s->head_len = 1;
              s->state = S_MARKER;
            }
          break;

        case S_PASS:
          emit (s, p, (gsize) (end - p));
          p = end;
          break;

        case S_END:
        default:
          p = end;
          break;
        }
    }
}

/* A JPEG cut short: what was held back goes out as it was. */
void
rd_jpeg_stripper_finish (RdJpegStripper *s)
{
  if (s->state == S_DATA_FF)
    emit (s, (const guint8 *) "\xff", 1);
  else if (s->state == S_START || s->state == S_MARKER || s->state == S_HEADER)
    emit (s, s->head, s->head_len);
  s->state = S_END;
}

typedef struct
{
  guint8 *data;
  gsize   out;
} InPlace;

static void
emit_in_place (const guint8 *data,
               gsize         len,
               gpointer      user_data)
{
  InPlace *ip = user_data;

  /* What comes out never overtakes what went in. */
  memmove (ip->data + ip->out, data, len);
  ip->out += len;
}

/**
 * rd_jpeg_strip_metadata:
 *
 * Does what the stripper does (see rd_jpeg_stripper_init()) to the JPEG in
 * @data, in place.
 *
 * Returns: the new length of @data
 */
gsize
rd_jpeg_strip_metadata (guint8 *data,
                        gsize   len)
{
  RdJpegStripper s;
  InPlace ip = { data, 0 };

  rd_jpeg_stripper_init (&s, emit_in_place, &ip);
  rd_jpeg_stripper_feed (&s, data, len);
  rd_jpeg_stripper_finish (&s);
  return ip.out;
}

/* Orientations 5–8 turn the picture a quarter turn, so width and height swap. */
gboolean
rd_jpeg_orientation_swaps (int orientation)
{
  return orientation >= 5 && orientation <= 8;
}
