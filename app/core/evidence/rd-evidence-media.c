/* rd-evidence-media.c: the duration of audio and video evidence, read from
 * the container's own header (WAV, MP3, FLAC, MP4/MOV/M4A/3GP) without
 * GStreamer. Every read is bounds-checked: a damaged or hostile file gives
 * "duration unknown", never a crash. Other formats keep no duration.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-evidence"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rd-evidence-private.h"

typedef struct {
  int    fd;
  gint64 size;
} Source;

static gboolean
read_at (Source *src,
         gint64  offset,
         void   *buffer,
         gsize   len)
{
  gsize done = 0;

  if (offset < 0 || offset > src->size || (gint64) len > src->size - offset)
    return FALSE;
  while (done < len)
    {
      gssize n = pread (src->fd, (char *) buffer + done, len - done, offset + done);

      if (n <= 0)
        return FALSE;
      done += n;
    }
  return TRUE;
}

static guint32 be32 (const guint8 *p) { return ((guint32) p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]; }
static guint64 be64 (const guint8 *p) { return ((guint64) be32 (p) << 32) | be32 (p + 4); }
static guint32 le32 (const guint8 *p) { return ((guint32) p[3] << 24) | (p[2] << 16) | (p[1] << 8) | p[0]; }

static gint64
wav_duration (Source *src)
{
  guint8 header[12];
  gint64 offset = 12;
  guint32 byte_rate = 0;

  if (!read_at (src, 0, header, sizeof header) ||
      memcmp (header, "RIFF", 4) != 0 || memcmp (header + 8, "WAVE", 4) != 0)
    return -1;

  for (int guard = 0; guard < 1000 && offset + 8 <= src->size; guard++)
    {
      guint8 chunk[8];
      guint32 chunk_size;

      if (!read_at (src, offset, chunk, sizeof chunk))
        return -1;
      chunk_size = le32 (chunk + 4);
      if (memcmp (chunk, "fmt ", 4) == 0)
        {
          guint8 fmt[16];

          if (chunk_size < 16 || !read_at (src, offset + 8, fmt, sizeof fmt))
            return -1;
          byte_rate = le32 (fmt + 8);
        }
      else if (memcmp (chunk, "data", 4) == 0)
        {
          gint64 data_size = chunk_size;

          /* Recorders that stream write a placeholder size; the rest of
           * the file is then the data. */
          if (chunk_size == 0xffffffff || chunk_size == 0 || offset + 8 + data_size > src->size)
            data_size = src->size - offset - 8;
          if (byte_rate == 0)
            return -1;
          return data_size * 1000 / byte_rate;
        }
      offset += 8 + (gint64) chunk_size + (chunk_size & 1);
    }
  return -1;
}

static gint64
flac_duration (Source *src)
{
  guint8 head[4 + 4 + 18];
  guint32 sample_rate;
  guint64 total;

  if (!read_at (src, 0, head, sizeof head) || memcmp (head, "fLaC", 4) != 0 ||
      (head[4] & 0x7f) != 0)
    return -1;
  /* STREAMINFO: 20 bits of sample rate, then 3 + 5 bits, then 36 bits of
   * total samples. */
  sample_rate = ((guint32) head[18] << 12) | (head[19] << 4) | (head[20] >> 4);
  total = ((guint64) (head[21] & 0x0f) << 32) | be32 (head + 22);
  if (sample_rate == 0 || total == 0)
    return -1;
  return (gint64) (total * 1000 / sample_rate);
}

/* MP3 */

static const int mp3_bitrates[2][3][16] = {
  { /* MPEG 1: layers I, II, III */
    { 0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448, -1 },
    { 0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, -1 },
    { 0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, -1 },
  },
  { /* MPEG 2 and 2.5 */
    { 0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256, -1 },
    { 0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, -1 },
    { 0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, -1 },
  },
};

static const int mp3_rates[4][3] = {
  { 11025, 12000, 8000 },   /* MPEG 2.5 */
  { 0, 0, 0 },              /* reserved */
  { 22050, 24000, 16000 },  /* MPEG 2 */
  { 44100, 48000, 32000 },  /* MPEG 1 */
};

static gint64
mp3_duration (Source *src)
{
  guint8 buf[4096];
  gint64 start = 0;
  gsize len;

  if (!read_at (src, 0, buf, 10))
    return -1;
  if (memcmp (buf, "ID3", 3) == 0)
    {
      /* ID3v2: a syncsafe size (7 bits a byte), plus a footer if flagged. */
      start = 10 + (((gint64) buf[6] & 0x7f) << 21 | (buf[7] & 0x7f) << 14 |
                    (buf[8] & 0x7f) << 7 | (buf[9] & 0x7f));
      if (buf[5] & 0x10)
        start += 10;
    }

  len = MIN ((gint64) sizeof buf, src->size - start);
  if (len < 4 || !read_at (src, start, buf, len))
    return -1;

  for (gsize i = 0; i + 4 <= len; i++)
    {
      guint version, layer, bitrate_index, rate_index, channel_mode, samples;
      int bitrate, rate;
      gsize side;

      if (buf[i] != 0xff || (buf[i + 1] & 0xe0) != 0xe0)
        continue;
      version = (buf[i + 1] >> 3) & 3;
      layer = (buf[i + 1] >> 1) & 3;
      bitrate_index = buf[i + 2] >> 4;
      rate_index = (buf[i + 2] >> 2) & 3;
      channel_mode = buf[i + 3] >> 6;
      if (version == 1 || layer == 0 || bitrate_index == 15 || rate_index == 3)
        continue;

      rate = mp3_rates[version][rate_index];
      bitrate = mp3_bitrates[version == 3 ? 0 : 1][3 - layer][bitrate_index];
      if (layer == 3)
        samples = 384;
      else if (layer == 2 || version == 3)
        samples = 1152;
      else
        samples = 576;

      /* A Xing/Info (or VBRI) header in the first frame counts frames,
       * which variable-bit-rate files need. */
      if (version == 3)
        side = channel_mode == 3 ? 17 : 32;
      else
        side = channel_mode == 3 ? 9 : 17;
      if (i + 4 + side + 12 <= len &&
          (memcmp (buf + i + 4 + side, "Xing", 4) == 0 || memcmp (buf + i + 4 + side, "Info", 4) == 0) &&
          (buf[i + 4 + side + 7] & 1))
        {
          guint32 frames = be32 (buf + i + 4 + side + 8);
          if (frames > 0)
            return (gint64) frames * samples * 1000 / rate;
        }
      if (i + 4 + 32 + 18 <= len && memcmp (buf + i + 4 + 32, "VBRI", 4) == 0)
        {
          guint32 frames = be32 (buf + i + 4 + 32 + 14);
          if (frames > 0)
            return (gint64) frames * samples * 1000 / rate;
        }

      if (bitrate <= 0)
        return -1;
      /* Constant bit rate: the length of the audio says the time. */
      return (src->size - start - (gint64) i) * 8 / bitrate;
    }
  return -1;
}

/* ISO base media (MP4, MOV, M4A, 3GP): moov → mvhd holds a timescale and a
 * duration. moov may come before or after the media data. */
static gint64
find_box (Source     *src,
          gint64      offset,
          gint64      end,
          const char *type,
          gint64     *box_size)
{
  for (int guard = 0; guard < 10000 && offset + 8 <= end; guard++)
    {
      guint8 header[16];
      gint64 size;
      gint64 header_len = 8;

      if (!read_at (src, offset, header, 8))
        return -1;
      size = be32 (header);
      if (size == 1)
        {
          if (!read_at (src, offset + 8, header + 8, 8))
            return -1;
          size = (gint64) be64 (header + 8);
          header_len = 16;
        }
      else if (size == 0)
        size = end - offset;
      if (size < header_len || offset + size > end)
        return -1;
      if (memcmp (header + 4, type, 4) == 0)
        {
          *box_size = size - header_len;
          return offset + header_len;
        }
      offset += size;
    }
  return -1;
}

static gint64
mp4_duration (Source *src)
{
  guint8 head[12];
  guint8 mvhd[32];
  gint64 moov_size = 0, mvhd_size = 0;
  gint64 moov, at;
  guint32 timescale;
  guint64 duration;

  if (!read_at (src, 0, head, sizeof head) || memcmp (head + 4, "ftyp", 4) != 0)
    return -1;
  moov = find_box (src, 0, src->size, "moov", &moov_size);
  if (moov < 0)
    return -1;
  at = find_box (src, moov, moov + moov_size, "mvhd", &mvhd_size);
  if (at < 0 || mvhd_size < 20 || !read_at (src, at, mvhd, MIN (mvhd_size, (gint64) sizeof mvhd)))
    return -1;
  if (mvhd[0] == 1)
    {
      if (mvhd_size < 32)
        return -1;
      timescale = be32 (mvhd + 20);
      duration = be64 (mvhd + 24);
    }
  else
    {
      timescale = be32 (mvhd + 12);
      duration = be32 (mvhd + 16);
    }
  if (timescale == 0 || duration == G_MAXUINT64 || duration == G_MAXUINT32)
    return -1;
  return (gint64) (duration / timescale * 1000 + duration % timescale * 1000 / timescale);
}

/**
 * _rd_evidence_read_duration:
 *
 * Sets info->duration_ms when the container says how long it is.
 */
void
_rd_evidence_read_duration (RdEvidenceInfo *info,
                            const char     *path)
{
  Source src = { -1, 0 };
  gint64 duration = -1;

  src.fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (src.fd < 0)
    return;
  src.size = lseek (src.fd, 0, SEEK_END);

  if (src.size > 12)
    {
      duration = wav_duration (&src);
      if (duration < 0)
        duration = mp4_duration (&src);
      if (duration < 0)
        duration = flac_duration (&src);
      if (duration < 0 && (g_str_equal (info->content_type, "audio/mpeg") ||
                           g_str_has_suffix (info->content_type, "mp3")))
        duration = mp3_duration (&src);
    }
  close (src.fd);
  info->duration_ms = duration;
}
