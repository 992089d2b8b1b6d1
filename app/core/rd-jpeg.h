/* rd-jpeg.h: reading a JPEG's size and EXIF orientation, and removing its metadata.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int width;        /* as stored, before the EXIF orientation is applied */
  int height;
  int components;   /* 1 grey, 3 colour, 4 CMYK */
  int bits;
  int orientation;  /* EXIF orientation 1–8; 1 when the file has none */
  guint progressive : 1;
  guint arithmetic : 1;
} RdJpegInfo;

gboolean rd_jpeg_read_info      (const guint8 *data,
                                 gsize         len,
                                 RdJpegInfo   *info);
gsize    rd_jpeg_strip_metadata (guint8       *data,
                                 gsize         len);
gsize    rd_jpeg_strip_metadata_in_place (guint8 *data,
                                          gsize   len,
                                          gsize  *start);
gboolean rd_jpeg_orientation_swaps (int orientation);

G_END_DECLS
