/* evidence-fixtures.h: evidence files the tests and the benchmark make for
 * themselves: cairo PDFs, JPEGs with EXIF written by libexif, emails with
 * attachments, WAV/MP4/MP3 headers.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void      fixture_remove_tree  (const char *path);
void      fixture_write_pdf    (const char *path,
                                int         n_pages,
                                const char *text,
                                const char *create_date);
gboolean  fixture_encrypt_pdf  (const char *in,
                                const char *out,
                                const char *password);
void      fixture_write_jpeg   (const char *path,
                                int         width,
                                int         height,
                                int         orientation,
                                const char *date_time_original,
                                int         seed);
void      fixture_write_heif_exif (const char *path,
                                   int         orientation,
                                   const char *date_time_original);
gboolean  fixture_write_heic   (const char *path,
                                int         width,
                                int         height);
void      fixture_write_eml    (const char *path,
                                const char *work_dir);
void      fixture_write_wav    (const char *path,
                                int         rate,
                                int         duration_ms);
void      fixture_write_mp4    (const char *path,
                                guint32     timescale,
                                guint32     duration);
void      fixture_write_mp3    (const char *path,
                                int         kbps,
                                int         duration_ms);
void      fixture_write_mp3_vbr (const char *path,
                                 guint32     n_frames);
void      fixture_write_flac   (const char *path,
                                guint32     rate,
                                guint64     total_samples);

/* Big noisy files for the benchmark: about @bytes each. */
void      fixture_write_big_pdf  (const char *path,
                                  gsize       bytes,
                                  guint32     seed);
void      fixture_write_big_jpeg (const char *path,
                                  gsize       bytes,
                                  guint32     seed);

/* Text as pixels only, for OCR: scanned A4 pages, and a photographed letter. */
void      fixture_write_scanned_pdf (const char         *path,
                                     const char * const *pages);
void      fixture_write_letter_png  (const char         *path,
                                     const char         *text);
void      fixture_write_scanned_png (const char         *path,
                                     const char         *text);

char     *fixture_sha256_of    (const char *path);
gboolean  fixture_files_equal  (const char *a,
                                const char *b);
goffset   fixture_file_size    (const char *path);
void      fixture_copy         (const char *from,
                                const char *to);
void      fixture_flip_byte    (const char *path,
                                goffset     offset);

G_END_DECLS
