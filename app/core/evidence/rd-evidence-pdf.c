/* rd-evidence-pdf.c: page count, dates and text of PDF evidence, through
 * poppler. Each PopplerDocument here lives and dies in one call, so it is
 * only ever used from the thread that opened it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-evidence"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include "rd-gettext.h"
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rd-evidence-private.h"

/* Enough text to find a letter by what it says; a 500-page bank statement
 * does not need all of it in the search index. */
#define MAX_TEXT_BYTES (2 * 1024 * 1024)

static void
set_problem (RdEvidenceInfo *info,
             const char     *problem)
{
  g_free (info->problem);
  info->problem = g_strdup (problem);
}

/* A complete PDF ends with "%%EOF" (perhaps followed by a line end or some
 * junk); a download that stopped early does not. */
static gboolean
looks_truncated (const char *path)
{
  char tail[1025];
  gssize n;
  off_t size;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return FALSE;
  size = lseek (fd, 0, SEEK_END);
  if (size <= 0)
    {
      close (fd);
      return FALSE;
    }
  n = pread (fd, tail, MIN (size, (off_t) sizeof tail - 1), MAX (0, size - (off_t) sizeof tail + 1));
  close (fd);
  if (n <= 0)
    return FALSE;
  tail[n] = '\0';
  for (gssize i = n - 5; i >= 0; i--)
    if (memcmp (tail + i, "%%EOF", 5) == 0)
      return FALSE;
  return TRUE;
}

/*
 * Opens a stored PDF; on failure sets @error to a sentence for the
 * resident. *@encrypted tells whether a (better) password would help.
 */
PopplerDocument *
_rd_evidence_open_pdf (const char  *path,
                       const char  *password,
                       gboolean    *encrypted,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *document;

  if (encrypted)
    *encrypted = FALSE;
  if (uri == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("Redress cannot open “%s”."), path);
      return NULL;
    }

  if (!rd_poppler_load (error))
    return NULL;
  document = rd_poppler_document_new_from_file (uri, password && *password ? password : NULL,
                                                &local_error);
  if (document != NULL)
    return document;

  if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    {
      if (encrypted)
        *encrypted = TRUE;
      if (password && *password)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                             _("That password does not open this PDF. Check it (capital letters "
                               "count) and try again."));
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                             _("This PDF is protected by a password, so Redress cannot read its "
                               "pages yet. The file is kept safely; enter the password to see "
                               "and search it."));
      return NULL;
    }

  g_debug ("poppler could not open %s: %s", path, local_error ? local_error->message : "?");
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("This PDF is damaged or incomplete (perhaps a download that did not "
                         "finish), so Redress cannot read its pages. The file is kept exactly as "
                         "it was; if you can, ask for a fresh copy."));
  return NULL;
}

void
_rd_evidence_read_pdf (RdEvidenceInfo *info,
                       const char     *path,
                       const char     *password)
{
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) created = NULL;
  GString *text;
  gboolean encrypted = FALSE;
  int n_pages;

  document = _rd_evidence_open_pdf (path, password, &encrypted, &error);
  if (document == NULL)
    {
      set_problem (info, error->message);
      info->needs_password = encrypted;
      return;
    }

  n_pages = poppler_document_get_n_pages (document);
  info->page_count = n_pages;

  created = poppler_document_get_creation_date_time (document);
  if (created != NULL)
    {
      info->captured_at = g_date_time_to_local (created);
      info->date_source = RD_EVIDENCE_DATE_PDF;
    }

  {
    g_autofree char *title = poppler_document_get_title (document);
    g_autofree char *author = poppler_document_get_author (document);

    if (title && g_utf8_validate (title, -1, NULL))
      {
        g_free (info->title);
        info->title = g_strstrip (g_steal_pointer (&title));
      }
    if (author && g_utf8_validate (author, -1, NULL))
      {
        g_free (info->author);
        info->author = g_strstrip (g_steal_pointer (&author));
      }
  }

  text = g_string_new (NULL);
  for (int i = 0; i < n_pages && text->len < MAX_TEXT_BYTES; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = page ? poppler_page_get_text (page) : NULL;

      if (page_text && g_utf8_validate (page_text, -1, NULL))
        {
          if (text->len)
            g_string_append_c (text, '\n');
          g_string_append (text, page_text);
        }
    }
  g_free (info->text);
  info->text = g_string_free (text, FALSE);

  if (n_pages == 0)
    set_problem (info, _("This PDF has no pages. It may be damaged; the file is kept as it was."));
  else if (looks_truncated (path))
    set_problem (info, _("This PDF looks cut short (it does not end as a complete PDF does), so "
                         "some pages may be missing or blank. The file is kept exactly as it was; "
                         "if you can, ask for a fresh copy."));
}
