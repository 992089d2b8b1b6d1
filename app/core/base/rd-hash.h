/* rd-hash.h: SHA-256 of files and buffers, fast enough to check a whole bundle; digests of texts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where a text digest starts (rd_text_digest_add()). */
#define RD_TEXT_DIGEST_START G_GUINT64_CONSTANT (0xcbf29ce484222325)

typedef struct _RdSha256 RdSha256;

RdSha256 *rd_sha256_new        (void);
void      rd_sha256_update     (RdSha256      *self,
                                const void    *data,
                                gsize          len);
char     *rd_sha256_finish_hex (RdSha256      *self);
void      rd_sha256_free       (RdSha256      *self);

char     *rd_sha256_buffer_hex (const void    *data,
                                gsize          len);
char     *rd_sha256_file_hex   (const char    *path,
                                goffset       *size_out,
                                GCancellable  *cancellable,
                                GError       **error);

guint64   rd_text_digest_add   (guint64        digest,
                                const char    *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdSha256, rd_sha256_free)

G_END_DECLS
