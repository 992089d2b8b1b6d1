/* rd-evidence-metadata.c: what kind of file a piece of evidence is, when it
 * was captured, and (for photos) the EXIF facts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-evidence"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include "rd-gettext.h"
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rd-evidence-private.h"
#include "rd-exif.h"

void
_rd_evidence_info_init (RdEvidenceInfo *info)
{
  memset (info, 0, sizeof *info);
  info->page_count = -1;
  info->duration_ms = -1;
  info->orientation = 1;
  info->title = g_strdup ("");
  info->author = g_strdup ("");
  info->recipients = g_strdup ("");
  info->text = g_strdup ("");
  info->problem = g_strdup ("");
  info->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) _rd_evidence_attachment_free);
}

void
_rd_evidence_info_clear (RdEvidenceInfo *info)
{
  g_clear_pointer (&info->content_type, g_free);
  g_clear_pointer (&info->captured_at, g_date_time_unref);
  g_clear_pointer (&info->title, g_free);
  g_clear_pointer (&info->author, g_free);
  g_clear_pointer (&info->recipients, g_free);
  g_clear_pointer (&info->text, g_free);
  g_clear_pointer (&info->problem, g_free);
  g_clear_pointer (&info->attachments, g_ptr_array_unref);
  g_clear_pointer (&info->email_from, g_free);
  g_clear_pointer (&info->email_body, g_free);
}

void
_rd_evidence_attachment_free (RdEvidenceAttachment *attachment)
{
  if (attachment == NULL)
    return;
  g_free (attachment->name);
  g_free (attachment->content_type);
  g_free (attachment);
}

static gboolean
is_generic_type (const char *content_type)
{
  return g_content_type_is_unknown (content_type) ||
         g_str_equal (content_type, "application/octet-stream");
}

/*
 * The bytes decide, the name only refines: a ".pdf" that holds a JPEG is a
 * JPEG (GIO's own guess trusts the name first), while a ".docx" that sniffs
 * as a zip archive is the more precise Word type the name gives.
 */
char *
_rd_evidence_guess_content_type (const char   *name,
                                 const guchar *head,
                                 gsize         head_len)
{
  g_autofree char *by_data = NULL;
  g_autofree char *by_name = NULL;
  gboolean data_uncertain = TRUE;
  gboolean name_uncertain = TRUE;

  if (head_len == 0)
    return g_strdup ("application/x-zerosize");

  by_data = g_content_type_guess (NULL, head, head_len, &data_uncertain);
  if (name != NULL)
    by_name = g_content_type_guess (name, NULL, 0, &name_uncertain);

  if (by_name != NULL && !is_generic_type (by_name) &&
      (data_uncertain || is_generic_type (by_data) || g_content_type_is_a (by_name, by_data)))
    return g_steal_pointer (&by_name);
  if (!is_generic_type (by_data))
    return g_steal_pointer (&by_data);
  return g_content_type_guess (name, head, head_len, NULL);
}

static void
read_exif (RdEvidenceInfo *info,
           const guchar   *data,
           gsize           len)
{
  RdExif exif;

  if (!rd_exif_read (data, len, &exif))
    return;
  if (exif.orientation != 1)
    info->orientation = exif.orientation;
  if (exif.taken != NULL)
    {
      g_clear_pointer (&info->captured_at, g_date_time_unref);
      info->captured_at = g_steal_pointer (&exif.taken);
      info->date_source = RD_EVIDENCE_DATE_EXIF;
    }
  rd_exif_clear (&exif);
}

void
_rd_evidence_read_photo (RdEvidenceInfo *info,
                         const char     *path,
                         const guchar   *head,
                         gsize           head_len)
{
  GdkPixbufFormat *format;
  int width = 0, height = 0;

  if (head_len > 0)
    read_exif (info, head, head_len);
  /* HEIF keeps EXIF as an item of its own, not where libexif looks. */
  if (info->date_source != RD_EVIDENCE_DATE_EXIF && info->content_type != NULL &&
      (g_str_has_prefix (info->content_type, "image/heif") ||
       g_str_has_prefix (info->content_type, "image/heic") ||
       g_str_has_prefix (info->content_type, "image/avif")))
    {
      g_autoptr(GBytes) exif = _rd_evidence_read_heif_exif (path);

      if (exif != NULL)
        read_exif (info, g_bytes_get_data (exif, NULL), g_bytes_get_size (exif));
    }

  /* Reads the header only: a full decode of every photo would make import
   * slow; the thumbnailer finds damage further in. */
  format = gdk_pixbuf_get_file_info (path, &width, &height);
  if (format == NULL || width <= 0 || height <= 0)
    {
      g_free (info->problem);
      info->problem = g_strdup (_("Redress cannot show this picture: it may be damaged, or in a "
                                  "format this computer cannot read. The file is kept as it was."));
    }
}

void
_rd_evidence_read_info (RdEvidenceInfo *info,
                        const char     *path,
                        const char     *name,
                        const guchar   *head,
                        gsize           head_len,
                        GDateTime      *mtime,
                        const char     *password)
{
  info->content_type = _rd_evidence_guess_content_type (name, head, head_len);
  info->kind = rd_evidence_kind_for_content_type (info->content_type);

  switch (info->kind)
    {
    case RD_EVIDENCE_KIND_PDF:
      _rd_evidence_read_pdf (info, path, password);
      break;
    case RD_EVIDENCE_KIND_PHOTO:
      _rd_evidence_read_photo (info, path, head, head_len);
      break;
    case RD_EVIDENCE_KIND_EMAIL:
      _rd_evidence_read_email (info, path);
      break;
    case RD_EVIDENCE_KIND_AUDIO:
    case RD_EVIDENCE_KIND_VIDEO:
      _rd_evidence_read_duration (info, path);
      break;
    case RD_EVIDENCE_KIND_OTHER:
    case RD_EVIDENCE_KIND_N_KINDS:
    default:
      break;
    }

  if (info->captured_at == NULL && mtime != NULL)
    {
      info->captured_at = g_date_time_to_local (mtime);
      info->date_source = RD_EVIDENCE_DATE_FILE_MODIFIED;
    }
}

