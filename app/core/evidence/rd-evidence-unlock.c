/* rd-evidence-unlock.c: opening a password-protected PDF that is already
 * evidence, with its password.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-evidence"

#include "config.h"

#include "rd-gettext.h"

#include "rd-evidence-files.h"
#include "rd-evidence-private.h"

/**
 * rd_store_unlock_evidence:
 * @password: the PDF's password
 *
 * Reads a password-protected PDF with its password: the page count, date,
 * text and thumbnail are stored; the password is not. Fails with a message
 * for the resident when the password does not open it.
 */
gboolean
rd_store_unlock_evidence (RdStore     *self,
                          gint64       evidence_id,
                          const char  *password,
                          GError     **error)
{
  g_autoptr(RdEvidence) evidence = NULL;
  g_autofree char *thumbnail = NULL;
  g_autoptr(GError) thumb_error = NULL;
  RdEvidenceInfo info;
  gboolean ok = FALSE;

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  evidence = rd_store_get_evidence (self, evidence_id, error);
  if (evidence == NULL)
    return FALSE;
  if (rd_evidence_get_kind (evidence) != RD_EVIDENCE_KIND_PDF)
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                           _("Only PDF files can be opened with a password."));
      return FALSE;
    }

  _rd_evidence_info_init (&info);
  info.content_type = g_strdup (rd_evidence_get_content_type (evidence));
  _rd_evidence_read_pdf (&info, rd_evidence_get_path (evidence), password);
  if (info.needs_password || info.page_count < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, info.problem);
      goto out;
    }

  if (!rd_store_set_evidence_unlocked (self, evidence, info.page_count, info.problem,
                                       info.title, info.author,
                                       info.date_source == RD_EVIDENCE_DATE_PDF ? info.captured_at : NULL,
                                       info.text, error))
    goto out;

  /* The password is needed to draw the first page, and is not kept, so the
   * thumbnail is made now. Not having one is no reason to fail. */
  thumbnail = _rd_evidence_render_thumbnail (self, evidence, password, RD_EVIDENCE_THUMBNAIL_SIZE,
                                             NULL, &thumb_error);
  if (thumbnail == NULL)
    g_debug ("No thumbnail for unlocked PDF %" G_GINT64_FORMAT ": %s", evidence_id,
             thumb_error->message);
  ok = TRUE;

out:
  _rd_evidence_info_clear (&info);
  return ok;
}
