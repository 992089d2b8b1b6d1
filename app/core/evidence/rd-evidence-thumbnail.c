/* rd-evidence-thumbnail.c: small pictures of photos and PDF first pages,
 * made when first asked for and cached under <data-dir>/thumbnails (they
 * can always be made again, so losing them loses nothing).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-evidence"

#include "config.h"

#include <cairo.h>
#include <errno.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include "rd-gettext.h"
#include <glib/gstdio.h>

#include "rd-evidence-private.h"
#include "rd-store-evidence.h"

static char *
thumbnail_path (RdStore    *self,
                const char *sha256,
                int         size)
{
  g_autofree char *dir = rd_store_dup_thumbnail_dir (self);
  g_autofree char *name = g_strdup_printf ("%s-%d.png", sha256, size);

  return g_build_filename (dir, name, NULL);
}

/* Writes into a temporary name and renames, so a reader never sees half a
 * PNG, even when two threads make the same thumbnail. */
static char *
temp_png_path (const char *final)
{
  return g_strdup_printf ("%s.%p-%d.tmp", final, (void *) g_thread_self (), g_random_int_range (0, 1 << 30));
}

static gboolean
render_photo (const char  *source,
              const char  *target,
              int          size,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GdkPixbuf) loaded = NULL;
  g_autoptr(GdkPixbuf) oriented = NULL;
  g_autofree char *temp = temp_png_path (target);

  loaded = gdk_pixbuf_new_from_file_at_scale (source, size, size, TRUE, &local_error);
  if (loaded == NULL)
    {
      g_debug ("gdk-pixbuf cannot read %s: %s", source, local_error->message);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Redress cannot show this picture: it may be damaged, or in a format "
                             "this computer cannot read. The file is kept as it was."));
      return FALSE;
    }
  /* Phones store pictures as the sensor saw them and say in EXIF which way
   * up they were held. */
  oriented = gdk_pixbuf_apply_embedded_orientation (loaded);
  if (!gdk_pixbuf_save (oriented, temp, "png", &local_error, NULL) || g_rename (temp, target) != 0)
    {
      g_unlink (temp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Redress could not save a thumbnail: %s."),
                   local_error ? local_error->message : g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

static gboolean
render_pdf (const char  *source,
            const char  *password,
            const char  *target,
            int          size,
            GError     **error)
{
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *temp = temp_png_path (target);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height, scale;

  document = _rd_evidence_open_pdf (source, password, NULL, error);
  if (document == NULL)
    return FALSE;
  if (poppler_document_get_n_pages (document) < 1 ||
      (page = poppler_document_get_page (document, 0)) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("This PDF has no pages to show."));
      return FALSE;
    }

  poppler_page_get_size (page, &width, &height);
  if (width <= 0 || height <= 0)
    width = height = 1;
  scale = size / MAX (width, height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, MAX (1, (int) (width * scale + 0.5)),
                                        MAX (1, (int) (height * scale + 0.5)));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);

  status = cairo_surface_write_to_png (surface, temp);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS || g_rename (temp, target) != 0)
    {
      g_unlink (temp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Redress could not save a thumbnail: %s."),
                   status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string (status) : g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

char *
_rd_evidence_render_thumbnail (RdStore       *self,
                               RdEvidence    *evidence,
                               const char    *password,
                               int            size,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autofree char *dir = rd_store_dup_thumbnail_dir (self);
  g_autofree char *target = thumbnail_path (self, rd_evidence_get_sha256 (evidence), size);
  const char *source = rd_evidence_get_path (evidence);
  gboolean ok;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (!g_file_test (source, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("“%s” is missing from the evidence folder."),
                   rd_evidence_get_original_name (evidence));
      return NULL;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Redress could not create its thumbnail folder “%s”: %s."), dir,
                   g_strerror (saved_errno));
      return NULL;
    }

  switch (rd_evidence_get_kind (evidence))
    {
    case RD_EVIDENCE_KIND_PHOTO:
      ok = render_photo (source, target, size, error);
      break;
    case RD_EVIDENCE_KIND_PDF:
      ok = render_pdf (source, password, target, size, error);
      break;
    case RD_EVIDENCE_KIND_EMAIL:
    case RD_EVIDENCE_KIND_AUDIO:
    case RD_EVIDENCE_KIND_VIDEO:
    case RD_EVIDENCE_KIND_OTHER:
    case RD_EVIDENCE_KIND_N_KINDS:
    default:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("There is no picture to show for this kind of file."));
      return NULL;
    }
  return ok ? g_steal_pointer (&target) : NULL;
}

/**
 * rd_store_dup_evidence_thumbnail:
 * @size: the longer side in pixels, or 0 for the usual size
 *
 * Returns the path of a PNG thumbnail (the first page of a PDF, a photo the
 * right way up), making it if it is not cached yet. May take a while: call
 * it from a worker thread (any store connection will do; it only reads).
 *
 * Returns: (transfer full): the PNG's path, or %NULL with @error set (a
 *   kind of file with no picture, a protected PDF, an unreadable image)
 */
char *
rd_store_dup_evidence_thumbnail (RdStore       *self,
                                 RdEvidence    *evidence,
                                 int            size,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autofree char *target = NULL;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);
  g_return_val_if_fail (RD_IS_EVIDENCE (evidence), NULL);

  if (size <= 0)
    size = RD_EVIDENCE_THUMBNAIL_SIZE;
  target = thumbnail_path (self, rd_evidence_get_sha256 (evidence), size);
  if (g_file_test (target, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&target);
  if (rd_evidence_get_needs_password (evidence))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("This PDF is protected by a password. Enter it to see its pages."));
      return NULL;
    }
  return _rd_evidence_render_thumbnail (self, evidence, NULL, size, cancellable, error);
}
