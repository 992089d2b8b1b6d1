/* rd-evidence-hash.h: SHA-256 for evidence files, through nettle, whose
 * x86 build uses the CPU's SHA instructions (about five times GLib's
 * GChecksum here, which matters for gigabytes of photos).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <nettle/sha2.h>

G_BEGIN_DECLS

/* Read and write in pieces this big: large enough to keep system calls
 * few, small enough to stay in the CPU cache while it is hashed. */
#define RD_EVIDENCE_COPY_CHUNK (256 * 1024)

typedef struct sha256_ctx RdSha256;

static inline void
rd_sha256_init (RdSha256 *hash)
{
  sha256_init (hash);
}

static inline void
rd_sha256_update (RdSha256     *hash,
                  const guchar *data,
                  gsize         len)
{
  sha256_update (hash, len, data);
}

/* Returns the digest as 64 lower-case hex digits. */
static inline char *
rd_sha256_finish (RdSha256 *hash)
{
  static const char hex[] = "0123456789abcdef";
  guint8 digest[SHA256_DIGEST_SIZE];
  char *text = g_malloc (SHA256_DIGEST_SIZE * 2 + 1);

  sha256_digest (hash, sizeof digest, digest);
  for (guint i = 0; i < SHA256_DIGEST_SIZE; i++)
    {
      text[2 * i] = hex[digest[i] >> 4];
      text[2 * i + 1] = hex[digest[i] & 0xf];
    }
  text[SHA256_DIGEST_SIZE * 2] = '\0';
  return text;
}

G_END_DECLS
