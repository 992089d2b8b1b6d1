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
} RdEmail;

typedef enum {
  RD_EMAIL_NAMES_ONLY      = 0,
  RD_EMAIL_ATTACHMENT_DATA = 1 << 0,  /* decode the attachments, not only name them */
} RdEmailFlags;

RdEmail *rd_email_read (const char    *path,
                        RdEmailFlags   flags,
                        GError       **error);
void     rd_email_free (RdEmail       *email);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdEmail, rd_email_free)

G_END_DECLS
