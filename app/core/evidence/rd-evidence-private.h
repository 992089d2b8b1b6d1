/* rd-evidence-private.h: what the evidence store's files share: reading a
 * file's facts (type, date, pages, text, duration) and hashing.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (RD_EVIDENCE_COMPILATION)
#error "rd-evidence-private.h belongs to app/core/evidence/: include the folder's public headers instead."
#endif

#include <gio/gio.h>
#include "rd-evidence-files.h"
#include "rd-poppler.h"

G_BEGIN_DECLS

/* How much of the start of a file is kept in memory while copying, for
 * content sniffing and EXIF (which sits near the start of a JPEG). */
#define RD_EVIDENCE_HEAD_SIZE (128 * 1024)

/* Copy and hash in pieces this big: large enough to keep system calls
 * few, small enough to stay in the CPU cache while it is hashed. */
#define RD_EVIDENCE_COPY_CHUNK (256 * 1024)

/* Thumbnails are made this big (the longer side, in pixels) unless asked. */
#define RD_EVIDENCE_THUMBNAIL_SIZE 256

/* Named only: the bytes are decoded from the staged email, straight to a
 * file, when the attachment is staged (rd-evidence-batch.c). */
typedef struct {
  char   *name;
  char   *content_type;
} RdEvidenceAttachment;

/* Facts read from one file. Strings are never NULL once filled in. */
typedef struct {
  char                 *content_type;
  RdEvidenceKind        kind;
  GDateTime            *captured_at;
  RdEvidenceDateSource  date_source;
  int                   page_count;     /* -1: not a paged document or unknown */
  gint64                duration_ms;    /* -1: unknown */
  int                   orientation;    /* EXIF 1–8 */
  char                 *title;
  char                 *author;
  char                 *recipients;
  char                 *text;           /* for search */
  char                 *problem;        /* what is wrong with the file, for the resident */
  gboolean              needs_password;
  GPtrArray            *attachments;    /* RdEvidenceAttachment, for emails */
  char                 *email_from;     /* for the contact entry an email makes */
  char                 *email_body;
} RdEvidenceInfo;

void      _rd_evidence_info_init            (RdEvidenceInfo *info);
void      _rd_evidence_info_clear           (RdEvidenceInfo *info);
void      _rd_evidence_attachment_free      (RdEvidenceAttachment *attachment);

char     *_rd_evidence_guess_content_type   (const char     *name,
                                             const guchar   *head,
                                             gsize           head_len);

/* Fills @info from the stored copy at @path; never fails: what cannot be
 * read is noted in info->problem. @mtime is the original's modification
 * time, the fallback date. */
void      _rd_evidence_read_info            (RdEvidenceInfo *info,
                                             const char     *path,
                                             const char     *name,
                                             const guchar   *head,
                                             gsize           head_len,
                                             GDateTime      *mtime,
                                             const char     *password);

void      _rd_evidence_read_photo           (RdEvidenceInfo *info,
                                             const char     *path,
                                             const guchar   *head,
                                             gsize           head_len);
void      _rd_evidence_read_pdf             (RdEvidenceInfo *info,
                                             const char     *path,
                                             const char     *password);
PopplerDocument *_rd_evidence_open_pdf       (const char     *path,
                                             const char     *password,
                                             gboolean       *encrypted,
                                             GError        **error);
void      _rd_evidence_read_email           (RdEvidenceInfo *info,
                                             const char     *path);
GBytes   *_rd_evidence_read_heif_exif       (const char     *path);
void      _rd_evidence_read_duration        (RdEvidenceInfo *info,
                                             const char     *path);

char     *_rd_evidence_render_thumbnail     (RdStore        *self,
                                             RdEvidence     *evidence,
                                             const char     *password,
                                             int             size,
                                             GCancellable   *cancellable,
                                             GError        **error);

G_END_DECLS
