/* rd-test-fixtures.h: evidence files made by the tests themselves (PDFs, JPEGs with EXIF, emails).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A PDF whose page k (1-based) says "<marker> page k". */
void     rd_fixture_text_pdf      (const char *path,
                                   int         n_pages,
                                   const char *marker,
                                   double      width,
                                   double      height);
/* A PDF of "scanned" pages: each page one JPEG of w×h pixels. */
void     rd_fixture_scan_pdf      (const char *path,
                                   int         n_pages,
                                   int         px_width,
                                   int         px_height,
                                   guint       seed);
void     rd_fixture_rotate_page   (const char *in,
                                   const char *out,
                                   int         page,
                                   int         degrees);
/* @in with a link on page @from that goes to page @to. */
void     rd_fixture_link_pages    (const char *in,
                                   const char *out,
                                   int         from,
                                   int         to);
/* The stored (still compressed) bytes of the first image on page 1. */
GBytes  *rd_fixture_first_image_raw (const char *path);
void     rd_fixture_encrypt_pdf   (const char *in,
                                   const char *out,
                                   const char *user_password);
/* A JPEG: top half red, bottom half blue (as stored), with an EXIF segment
 * carrying @orientation, a camera make and GPS data holding @gps_marker;
 * @noise (0 for none) sets how grainy, and so how large, it is. */
GBytes  *rd_fixture_jpeg          (int         width,
                                   int         height,
                                   int         orientation,
                                   const char *gps_marker,
                                   int         noise,
                                   guint       seed);
void     rd_fixture_write_bytes   (const char *path,
                                   GBytes     *bytes);
gboolean rd_fixture_bytes_contain (GBytes     *haystack,
                                   const void *needle,
                                   gsize       needle_len);
char    *rd_fixture_run           (const char *const *argv,
                                   int        *exit_status);
/* Makes a file or folder one that this process may not write to (for
 * root too, through the immutable flag), or writable again. FALSE when the
 * file system cannot do it: skip the test then. */
gboolean rd_fixture_set_read_only (const char *path,
                                   gboolean    read_only);

/* What poppler-utils and qpdf say of a PDF. */
int      rd_fixture_pdf_n_pages   (const char *path);
char    *rd_fixture_pdf_text      (const char *path);
char   **rd_fixture_pdf_text_pages (const char *path);
void     rd_fixture_assert_qpdf_check (const char *path);

G_END_DECLS
