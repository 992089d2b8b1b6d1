/* rd-exif.h: what a photo's EXIF says of it (which way up, when it was taken), read with libexif.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int        orientation;  /* EXIF orientation 1–8; 1 when the photo does not say */
  GDateTime *taken;        /* (nullable): DateTimeOriginal, in local time */
} RdExif;

gboolean   rd_exif_read           (const guint8 *data,
                                   gsize         len,
                                   RdExif       *exif);
void       rd_exif_clear          (RdExif       *exif);
GDateTime *rd_exif_parse_datetime (const char   *text);

G_END_DECLS
