/* rd-exif.c: what a photo's EXIF says of it (which way up, when it was taken), read with libexif.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one reader of EXIF tags in the core: the evidence store dates and
 * orients photos with it, and the bundle turns them the right way up.
 * (Taking EXIF out of a photo's bytes, for the bundle, is rd-jpeg.c's.)
 */
#define G_LOG_DOMAIN "rd-exif"

#include "config.h"

#include <libexif/exif-data.h>
#include <stdio.h>
#include <string.h>

#include "rd-exif.h"

/* EXIF 2.31's OffsetTimeOriginal, "+01:00"; not named by libexif 0.6. */
#define EXIF_TAG_OFFSET_TIME_ORIGINAL_ 0x9011

/**
 * rd_exif_parse_datetime:
 * @text: (nullable): "YYYY:MM:DD HH:MM:SS"
 *
 * Returns: (transfer full) (nullable): the local time, or %NULL for what
 *   cameras write when they do not know the time (blanks or zeros)
 */
GDateTime *
rd_exif_parse_datetime (const char *text)
{
  int y, mo, d, h, mi, s;
  char tail;

  if (text == NULL)
    return NULL;
  if (sscanf (text, "%4d:%2d:%2d %2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &tail) != 6)
    return NULL;
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60)
    return NULL;
  return g_date_time_new_local (y, mo, d, h, mi, MIN (s, 59));
}

static char *
exif_ascii (ExifData *exif,
            ExifIfd   ifd,
            ExifTag   tag)
{
  ExifEntry *entry = exif_content_get_entry (exif->ifd[ifd], tag);

  if (entry == NULL || entry->format != EXIF_FORMAT_ASCII || entry->size == 0)
    return NULL;
  return g_strndup ((const char *) entry->data, entry->size);
}

static GDateTime *
read_taken (ExifData *exif)
{
  g_autofree char *original = exif_ascii (exif, EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_ORIGINAL);
  g_autofree char *offset = exif_ascii (exif, EXIF_IFD_EXIF, EXIF_TAG_OFFSET_TIME_ORIGINAL_);
  g_autoptr(GDateTime) when = rd_exif_parse_datetime (original);
  g_autoptr(GTimeZone) tz = NULL;
  GDateTime *zoned;

  if (when == NULL || offset == NULL)
    return g_steal_pointer (&when);
  /* The camera said which zone it was in: keep the true moment. */
  tz = g_time_zone_new_identifier (g_strstrip (offset));
  if (tz == NULL)
    return g_steal_pointer (&when);
  zoned = g_date_time_new (tz, g_date_time_get_year (when), g_date_time_get_month (when),
                           g_date_time_get_day_of_month (when), g_date_time_get_hour (when),
                           g_date_time_get_minute (when), g_date_time_get_second (when));
  if (zoned == NULL)
    return g_steal_pointer (&when);
  {
    GDateTime *local = g_date_time_to_local (zoned);

    g_date_time_unref (zoned);
    return local;
  }
}

/**
 * rd_exif_read:
 * @data: the start of a JPEG file, or EXIF data ("Exif\0\0" and what
 *   follows) as a JPEG's APP1 segment or a HEIF item holds it
 *
 * Returns: whether @data has EXIF; @exif is filled in either way
 */
gboolean
rd_exif_read (const guint8 *data,
              gsize         len,
              RdExif       *exif)
{
  ExifData *ed;
  ExifEntry *entry;
  gboolean found = FALSE;

  exif->orientation = 1;
  exif->taken = NULL;
  if (len == 0 || len > G_MAXUINT)
    return FALSE;
  ed = exif_data_new_from_data (data, (unsigned int) len);
  if (ed == NULL)
    return FALSE;
  /* libexif gives an empty set of tags for data without EXIF. */
  for (int i = 0; i < EXIF_IFD_COUNT; i++)
    found |= ed->ifd[i] != NULL && ed->ifd[i]->count > 0;

  entry = exif_content_get_entry (ed->ifd[EXIF_IFD_0], EXIF_TAG_ORIENTATION);
  if (entry != NULL && entry->format == EXIF_FORMAT_SHORT && entry->size >= 2)
    {
      int orientation = exif_get_short (entry->data, exif_data_get_byte_order (ed));

      if (orientation >= 1 && orientation <= 8)
        exif->orientation = orientation;
    }
  exif->taken = read_taken (ed);
  exif_data_unref (ed);
  return found;
}

void
rd_exif_clear (RdExif *exif)
{
  g_clear_pointer (&exif->taken, g_date_time_unref);
  exif->orientation = 1;
}
