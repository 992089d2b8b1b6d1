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

typedef void (*RdJpegEmitFunc) (const guint8 *data,
                                gsize         len,
                                gpointer      user_data);

/* Removes a JPEG's metadata as it is read; see rd_jpeg_stripper_init(). */
typedef struct
{
  /*< private >*/
  RdJpegEmitFunc emit;
  gpointer       user_data;
  int            state;
  guint8         head[16];
  gsize          head_len;
  gsize          head_need;
  gsize          seglen;
  gsize          left;
  gboolean       in_scan;
} RdJpegStripper;

gboolean rd_jpeg_read_info      (const guint8 *data,
                                 gsize         len,
                                 RdJpegInfo   *info);
void     rd_jpeg_stripper_init  (RdJpegStripper *s,
                                 RdJpegEmitFunc  emit,
                                 gpointer        user_data);
void     rd_jpeg_stripper_feed  (RdJpegStripper *s,
                                 const guint8   *data,
                                 gsize           len);
void     rd_jpeg_stripper_finish (RdJpegStripper *s);
gsize    rd_jpeg_strip_metadata (guint8       *data,
                                 gsize         len);
gboolean rd_jpeg_orientation_swaps (int orientation);

G_END_DECLS
