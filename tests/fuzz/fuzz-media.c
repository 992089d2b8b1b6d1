/* fuzz-media.c: libFuzzer harness for the photo and media readers.
 *
 * The first byte of an input chooses what the rest is fed to:
 *   0  the JPEG reader (size, orientation) and the metadata stripper, whole
 *      and in pieces whose size the next byte chooses; stripped output
 *      must never be longer than the input;
 *   1  the EXIF reader (libexif, then the date);
 *   2  the evidence readers, as a file named .heic (HEIF/AVIF item tables);
 *   3  the evidence readers, as .mp4/.m4a (the mvhd duration);
 *   4  the evidence readers, as .wav (the RIFF duration);
 *   5  the evidence readers, as .jpg (EXIF, orientation, date).
 * PDFs are left out: they go to poppler, which is not Redress's code.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <string.h>

#include "rd-core.h"
#include "rd-evidence-probe.h"
#include "rd-exif.h"
#include "rd-jpeg.h"

static char *work_dir;

static void
quiet_log (const char     *domain,
           GLogLevelFlags  level,
           const char     *message,
           gpointer        user_data)
{
}

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  work_dir = g_dir_make_tmp ("redress-fuzz-media-XXXXXX", NULL);
  g_assert (work_dir != NULL);
  g_log_set_default_handler (quiet_log, NULL);
  return 0;
}

static void
count_emitted (const guint8 *data,
               gsize         len,
               gpointer      user_data)
{
  *(gsize *) user_data += len;
}

static void
fuzz_jpeg (const guint8 *data,
           gsize         size)
{
  RdJpegInfo info;
  RdJpegStripper stripper;
  g_autofree guint8 *copy = NULL;
  gsize piece, emitted = 0, kept;

  if (rd_jpeg_read_info (data, size, &info))
    {
      g_assert (info.width > 0 && info.height > 0);
      g_assert (info.orientation >= 1 && info.orientation <= 8);
      rd_jpeg_orientation_swaps (info.orientation);
    }
  copy = g_memdup2 (data, size);
  kept = rd_jpeg_strip_metadata (copy, size);
  g_assert (kept <= size);

  piece = size > 0 ? (gsize) data[0] % 64 + 1 : 1;
  rd_jpeg_stripper_init (&stripper, count_emitted, &emitted);
  for (gsize at = 0; at < size; at += piece)
    rd_jpeg_stripper_feed (&stripper, data + at, MIN (piece, size - at));
  rd_jpeg_stripper_finish (&stripper);
  g_assert (emitted <= size + 64);
}

static void
fuzz_exif (const guint8 *data,
           gsize         size)
{
  RdExif exif = { 0 };

  if (rd_exif_read (data, size, &exif))
    g_assert (exif.orientation >= 1 && exif.orientation <= 8);
  rd_exif_clear (&exif);
}

static void
fuzz_file (const guint8 *data,
           gsize         size,
           const char   *name)
{
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_autofree char *content_type = NULL;

  /* Not to poppler: see above. */
  if (size >= 4 && memcmp (data, "%PDF", 4) == 0)
    return;
  g_assert (g_file_set_contents (path, (const char *) data, (gssize) size, NULL));
  content_type = rd_evidence_probe_file (path, name);
  g_unlink (path);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  if (size < 1)
    return 0;
  switch (data[0] % 6)
    {
    case 0:
      fuzz_jpeg (data + 1, size - 1);
      break;
    case 1:
      fuzz_exif (data + 1, size - 1);
      break;
    case 2:
      fuzz_file (data + 1, size - 1, "photo.heic");
      break;
    case 3:
      fuzz_file (data + 1, size - 1, (data[0] / 6) % 2 ? "clip.m4a" : "clip.mp4");
      break;
    case 4:
      fuzz_file (data + 1, size - 1, "voicemail.wav");
      break;
    default:
      fuzz_file (data + 1, size - 1, "photo.jpg");
      break;
    }
  return 0;
}
