/* rd-evidence-email.c: an .eml file's facts for the evidence store: who, when, what it
 * says, and the attachments, each of which becomes its own evidence.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-evidence"

#include "config.h"

#include "rd-gettext.h"

#include "rd-email.h"
#include "rd-evidence-private.h"

void
_rd_evidence_read_email (RdEvidenceInfo *info,
                         const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdEmail) email = rd_email_read (path, RD_EMAIL_NAMES_ONLY, &error);
  GString *text;

  if (email == NULL)
    {
      g_free (info->problem);
      /* GMime missing: the sentence that names it. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        info->problem = g_strdup (error->message);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
        info->problem = g_strdup (_("This does not look like a complete email, so Redress could "
                                    "not read who sent it or what it says. The file is kept as "
                                    "it was."));
      else
        info->problem = g_strdup (_("Redress could not read this email file. It is kept as it "
                                    "was."));
      return;
    }

  g_free (info->author);
  info->author = g_strdup (email->from);
  info->email_from = g_strdup (email->from);
  g_free (info->recipients);
  info->recipients = g_strdup (email->to);
  g_free (info->title);
  info->title = g_strdup (email->subject);
  if (email->date != NULL)
    {
      info->captured_at = g_date_time_to_local (email->date);
      info->date_source = RD_EVIDENCE_DATE_EMAIL;
    }
  info->email_body = g_strdup (email->text);

  for (guint i = 0; i < email->attachments->len; i++)
    {
      RdEmailAttachment *a = g_ptr_array_index (email->attachments, i);
      RdEvidenceAttachment *attachment = g_new0 (RdEvidenceAttachment, 1);

      attachment->name = g_strdup (a->name);
      attachment->content_type = g_strdup (a->content_type);
      g_ptr_array_add (info->attachments, attachment);
    }

  text = g_string_new (NULL);
  g_string_append_printf (text, "%s\n%s\n%s\n\n%s", info->author, info->recipients, info->title,
                          info->email_body);
  for (guint i = 0; i < info->attachments->len; i++)
    {
      RdEvidenceAttachment *attachment = g_ptr_array_index (info->attachments, i);
      g_string_append_printf (text, "\n%s", attachment->name);
    }
  g_free (info->text);
  info->text = g_string_free (text, FALSE);
}
