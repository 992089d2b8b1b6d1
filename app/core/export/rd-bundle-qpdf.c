/* rd-bundle-qpdf.c: reading evidence PDFs with libqpdf: can they go in, and the size of each page.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-bundle"

#include "config.h"

#include "rd-gettext.h"

#include "rd-bundle-private.h"
#include "rd-qpdf.h"

/* A qpdf_data that keeps its errors for the caller to ask about, or NULL
 * with @error set if libqpdf cannot be loaded. */
qpdf_data
_rd_qpdf_new (GError **error)
{
  qpdf_data q = rd_qpdf_init (error);

  if (q == NULL)
    return NULL;
  qpdf_silence_errors (q);
  qpdf_set_suppress_warnings (q, QPDF_TRUE);
  return q;
}

/*
 * Reads @path into @q from a read-only mapping of the file, which is left
 * in *@map and must outlive @q: qpdf then parses memory, instead of making
 * hundreds of thousands of small seeks and reads over a bundle's PDFs.
 * Files Redress reads here are its own (the evidence store's, which are
 * never rewritten, and its temporary ones). An empty or unmappable file is
 * left to qpdf_read(), which says what is wrong with it. @password opens a
 * protected PDF: what is read from it comes decrypted.
 */
QPDF_ERROR_CODE
_rd_qpdf_read_mapped (qpdf_data     q,
                      const char   *path,
                      const char   *password,
                      GMappedFile **map)
{
  g_clear_pointer (map, g_mapped_file_unref);
  *map = g_mapped_file_new (path, FALSE, NULL);
  if (*map == NULL || g_mapped_file_get_length (*map) == 0)
    {
      g_clear_pointer (map, g_mapped_file_unref);
      return qpdf_read (q, path, password);
    }
  return qpdf_read_memory (q, path, g_mapped_file_get_contents (*map),
                           (unsigned long long) g_mapped_file_get_length (*map), password);
}

const char *
_rd_qpdf_error_detail (qpdf_data q)
{
  if (!qpdf_has_error (q))
    return "";
  return qpdf_get_error_full_text (q, qpdf_get_error (q));
}

gboolean
_rd_qpdf_read_box (qpdf_data q,
          qpdf_oh   page,
          const char *key,
          double     box[4])
{
  qpdf_oh arr = qpdf_oh_get_key (q, page, key);
  double v[4];

  if (!qpdf_oh_is_array (q, arr) || qpdf_oh_get_array_n_items (q, arr) != 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      qpdf_oh item = qpdf_oh_get_array_item (q, arr, i);

      if (!qpdf_oh_is_number (q, item))
        return FALSE;
      v[i] = qpdf_oh_get_numeric_value (q, item);
    }
  box[0] = MIN (v[0], v[2]);
  box[1] = MIN (v[1], v[3]);
  box[2] = MAX (v[0], v[2]);
  box[3] = MAX (v[1], v[3]);
  return box[2] - box[0] >= 1 && box[3] - box[1] >= 1;
}

/* The visible box (CropBox within MediaBox) and the page's rotation. */
void
_rd_qpdf_page_geometry (qpdf_data q,
               qpdf_oh   page,
               double    box[4],
               int      *rotate)
{
  double crop[4];
  qpdf_oh rot;

  if (!_rd_qpdf_read_box (q, page, "/MediaBox", box))
    {
      /* No usable MediaBox: readers assume US Letter. */
      box[0] = 0;
      box[1] = 0;
      box[2] = 612;
      box[3] = 792;
    }
  if (_rd_qpdf_read_box (q, page, "/CropBox", crop))
    {
      double c[4] = { MAX (box[0], crop[0]), MAX (box[1], crop[1]),
                      MIN (box[2], crop[2]), MIN (box[3], crop[3]) };

      if (c[2] - c[0] >= 1 && c[3] - c[1] >= 1)
        memcpy (box, c, sizeof c);
    }

  *rotate = 0;
  rot = qpdf_oh_get_key (q, page, "/Rotate");
  if (qpdf_oh_is_integer (q, rot))
    *rotate = (int) (((qpdf_oh_get_int_value (q, rot) % 360) + 360) % 360) / 90 * 90;
}

/**
 * _rd_pdf_probe:
 *
 * Opens a PDF exhibit and reads the size of each of its pages. A PDF that
 * needs a password, or that qpdf cannot read, is not an error: the exhibit
 * is marked as not included, with the reason, and the bundle goes on.
 */
gboolean
_rd_pdf_probe (RdBundleExhibit *ex,
               GError         **error)
{
  qpdf_data q = _rd_qpdf_new (error);
  g_autoptr(GMappedFile) map = NULL;
  int n;

  if (q == NULL)
    return FALSE;
  if (_rd_qpdf_read_mapped (q, ex->path, ex->password, &map) & QPDF_ERRORS)
    {
      qpdf_error e = qpdf_get_error (q);
      enum qpdf_error_code_e code = qpdf_get_error_code (q, e);

      g_debug ("qpdf cannot read %s: %s", ex->path, qpdf_get_error_full_text (q, e));
      g_clear_pointer (&ex->omitted_reason, g_free);
      if (code == qpdf_e_password && ex->password != NULL)
        ex->omitted_reason =
          g_strdup (_("This PDF is protected with a password, and the password given for it "
                      "is not the right one, so Redress cannot copy its pages. Make the bundle "
                      "again with the right password; or send this file separately."));
      else if (code == qpdf_e_password)
        ex->omitted_reason =
          g_strdup (_("This PDF is protected with a password, so Redress cannot copy its pages. "
                      "Open it with its password, save or print a copy without one, add that "
                      "copy to the case and make the bundle again; or send this file "
                      "separately."));
      else
        ex->omitted_reason =
          g_strdup (_("This PDF is damaged, so Redress cannot copy its pages. Open it to check "
                      "it, save a new copy (for example with “Print to PDF”), add that copy to "
                      "the case and make the bundle again."));
      qpdf_cleanup (&q);
      return TRUE;
    }

  qpdf_push_inherited_attributes_to_page (q);
  n = qpdf_get_num_pages (q);
  if (n <= 0 || qpdf_has_error (q))
    {
      g_debug ("qpdf finds no pages in %s: %s", ex->path, _rd_qpdf_error_detail (q));
      ex->omitted_reason =
        g_strdup (_("This PDF has no pages Redress can read. Open it to check it, save a new "
                    "copy, add that copy to the case and make the bundle again."));
      qpdf_cleanup (&q);
      return TRUE;
    }

  g_clear_pointer (&ex->pdf_pages, g_array_unref);
  ex->pdf_pages = g_array_sized_new (FALSE, FALSE, sizeof (RdPdfPage), (guint) n);
  for (int i = 0; i < n; i++)
    {
      double box[4];
      int rotate;
      RdPdfPage p;

      _rd_qpdf_page_geometry (q, qpdf_get_page_n (q, (size_t) i), box, &rotate);
      p.width = box[2] - box[0];
      p.height = box[3] - box[1];
      if (rotate == 90 || rotate == 270)
        {
          double t = p.width;
          p.width = p.height;
          p.height = t;
        }
      g_array_append_val (ex->pdf_pages, p);
    }
  /* Opened again when its pages are copied: keeping every evidence PDF
   * open until then would hold all of them in memory at once. */
  qpdf_cleanup (&q);
  return TRUE;
}

/**
 * rd_bundle_pdf_needs_password:
 * @password: (nullable): a password to try, or %NULL for none
 *
 * Whether the PDF at @path is protected by a password that @password does
 * not open. A damaged PDF is not a matter of password: %FALSE.
 */
gboolean
rd_bundle_pdf_needs_password (const char *path,
                              const char *password)
{
  qpdf_data q = _rd_qpdf_new (NULL);
  g_autoptr(GMappedFile) map = NULL;
  gboolean needs = FALSE;

  /* Without qpdf no password is asked for: the bundle itself says why it
   * cannot be made. */
  if (q == NULL)
    return FALSE;
  if (_rd_qpdf_read_mapped (q, path, password, &map) & QPDF_ERRORS)
    needs = qpdf_get_error_code (q, qpdf_get_error (q)) == qpdf_e_password;
  qpdf_cleanup (&q);
  return needs;
}
