/* rd-email.h: a saved email (.eml) read with GMime: who, when, what it says, what came with it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  char   *name;          /* never empty: "attachment 2" when the message gives none */
  char   *content_type;
  GBytes *data;          /* NULL unless RD_EMAIL_ATTACHMENT_DATA was asked for */
  char   *sha256;        /* lower-case hex of the decoded bytes, or NULL unless
                          * RD_EMAIL_ATTACHMENT_SHA256 was asked for */
} RdEmailAttachment;

typedef struct
{
  char      *from;         /* as people read them: "Housing Officer <officer@example.org>" */
  char      *to;
  char      *cc;
  char      *subject;      /* never NULL */
  GDateTime *date;         /* (nullable): the Date header */
  char      *text;         /* the plain text, or the HTML reduced to text; never NULL */
  GPtrArray *attachments;  /* RdEmailAttachment; a forwarded email is one, as .eml */

  /*< private >*/
  GObject   *message;      /* with RD_EMAIL_KEEP_PARTS: keeps the parts alive */
  GPtrArray *parts;        /* with RD_EMAIL_KEEP_PARTS: each attachment's GMimeObject */
} RdEmail;

/* An attachment may be as large as the email: RD_EMAIL_ATTACHMENT_DATA holds
 * each one whole in memory, so it is for small messages (tests); large ones
 * are fingerprinted or saved in pieces. */
typedef enum {
  RD_EMAIL_NAMES_ONLY        = 0,
  RD_EMAIL_ATTACHMENT_DATA   = 1 << 0,  /* decode the attachments into memory */
  RD_EMAIL_ATTACHMENT_SHA256 = 1 << 1,  /* fingerprint them, a piece at a time */
  RD_EMAIL_KEEP_PARTS        = 1 << 2,  /* for rd_email_save_attachment(); keeps the
                                         * file open until rd_email_free() */
} RdEmailFlags;

RdEmail *rd_email_read            (const char    *path,
                                   RdEmailFlags   flags,
                                   GError       **error);
gboolean rd_email_save_attachment (RdEmail       *email,
                                   guint          index,
                                   int            fd,
                                   goffset       *size,
                                   GError       **error);
void     rd_email_free            (RdEmail       *email);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdEmail, rd_email_free)

G_END_DECLS
