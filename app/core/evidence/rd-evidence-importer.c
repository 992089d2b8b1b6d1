/* rd-evidence-importer.c: importing files (and checking evidence) on a
 * worker thread with its own store connection, with progress and cancel;
 * and drawing previews of photos and PDF pages off the main thread.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-evidence"

#include "config.h"

#include <cairo.h>
#include "rd-gettext.h"

#include "rd-evidence-importer.h"
#include "rd-evidence-private.h"
#include "rd-progress.h"
#include "rd-store-evidence.h"

struct _RdEvidenceImporter
{
  GObject       parent_instance;

  RdStore      *store;         /* the main connection: only read on the main thread */
  char         *data_dir;
  gint64        case_id;
  RdProgress   *progress;     /* "fraction" and "message" follow it */
};

G_DEFINE_FINAL_TYPE (RdEvidenceImporter, rd_evidence_importer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FRACTION,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rd_evidence_importer_finalize (GObject *object)
{
  RdEvidenceImporter *self = RD_EVIDENCE_IMPORTER (object);

  g_clear_object (&self->progress);
  g_clear_object (&self->store);
  g_clear_pointer (&self->data_dir, g_free);

  G_OBJECT_CLASS (rd_evidence_importer_parent_class)->finalize (object);
}

static void
rd_evidence_importer_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RdEvidenceImporter *self = RD_EVIDENCE_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, rd_evidence_importer_get_fraction (self));
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, rd_evidence_importer_get_message (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_evidence_importer_class_init (RdEvidenceImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rd_evidence_importer_finalize;
  object_class->get_property = rd_evidence_importer_get_property;

  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rd_evidence_importer_init (RdEvidenceImporter *self)
{
}

static void
on_progress_notify_cb (GObject    *progress,
                       GParamSpec *pspec,
                       gpointer    data)
{
  RdEvidenceImporter *self = data;

  /* Both follow the progress's properties of the same names. */
  if (g_str_equal (g_param_spec_get_name (pspec), "fraction"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

/**
 * rd_evidence_importer_new:
 * @store: the main connection (the worker opens its own)
 *
 * Progress ("fraction", "message") is notified on the main context of the
 * thread that calls this.
 */
RdEvidenceImporter *
rd_evidence_importer_new (RdStore *store,
                          gint64   case_id)
{
  RdEvidenceImporter *self;

  g_return_val_if_fail (RD_IS_STORE (store), NULL);

  self = g_object_new (RD_TYPE_EVIDENCE_IMPORTER, NULL);
  self->store = g_object_ref (store);
  self->data_dir = g_strdup (rd_store_get_data_dir (store));
  self->case_id = case_id;
  self->progress = rd_progress_new ();
  g_signal_connect_object (self->progress, "notify", G_CALLBACK (on_progress_notify_cb), self, 0);
  return self;
}

double
rd_evidence_importer_get_fraction (RdEvidenceImporter *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE_IMPORTER (self), 0);
  return rd_progress_get_fraction (self->progress);
}

const char *
rd_evidence_importer_get_message (RdEvidenceImporter *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE_IMPORTER (self), NULL);
  return rd_progress_get_message (self->progress);
}

typedef struct {
  GPtrArray *files;      /* GFile */
  GPtrArray *imported;   /* RdEvidence */
  GPtrArray *failures;   /* char *: one sentence per file that could not be kept */
  gboolean   any_new;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_pointer (&data->files, g_ptr_array_unref);
  g_clear_pointer (&data->imported, g_ptr_array_unref);
  g_clear_pointer (&data->failures, g_ptr_array_unref);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RdEvidenceImporter *self = source_object;
  ImportData *data = task_data;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdEvidenceBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  guint64 total = 0, done = 0;
  guint64 *sizes;

  store = rd_store_open (self->data_dir, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Progress follows the bytes, so one big video does not stall the bar. */
  sizes = g_new0 (guint64, data->files->len);
  for (guint i = 0; i < data->files->len; i++)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (g_ptr_array_index (data->files, i),
                                                     G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, cancellable, NULL);
      sizes[i] = info ? (guint64) MAX (1, g_file_info_get_size (info)) : 1;
      total += sizes[i];
    }

  batch = rd_evidence_batch_new (store, self->case_id);
  for (guint i = 0; i < data->files->len; i++)
    {
      GFile *file = g_ptr_array_index (data->files, i);
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (_("Copying “%s” (%u of %u)"), name, i + 1,
                                                  data->files->len);

      rd_progress_set (self->progress, (double) done / total, message);
      if (!rd_evidence_batch_add_file (batch, file, NULL, cancellable, &error))
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              /* Freeing the batch removes every staged copy. */
              g_free (sizes);
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
          g_ptr_array_add (data->failures, g_strdup (error->message));
          g_clear_error (&error);
        }
      done += sizes[i];
    }
  g_free (sizes);

  rd_progress_set (self->progress, 1.0, _("Saving…"));
  if (g_task_return_error_if_cancelled (task))
    return;
  if (!rd_evidence_batch_commit (batch, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < rd_evidence_batch_get_n_items (batch); i++)
    {
      g_ptr_array_add (data->imported, g_object_ref (rd_evidence_batch_get_item (batch, i)));
      data->any_new |= rd_evidence_batch_item_is_new (batch, i);
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * rd_evidence_importer_import_async:
 *
 * Imports @files into the case in one batch on a worker thread. A file that
 * cannot be kept is skipped and reported; a cancel keeps nothing.
 */
void
rd_evidence_importer_import_async (RdEvidenceImporter   *self,
                                   GFile               **files,
                                   guint                 n_files,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (RD_IS_EVIDENCE_IMPORTER (self));

  data = g_new0 (ImportData, 1);
  data->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (data->files, g_object_ref (files[i]));
  data->imported = g_ptr_array_new_with_free_func (g_object_unref);
  data->failures = g_ptr_array_new_with_free_func (g_free);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rd_evidence_importer_import_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * rd_evidence_importer_import_finish:
 * @failures: (out) (optional) (transfer full): a sentence for each file that
 *   could not be kept
 *
 * Tells the main connection's listeners ("changed::evidence", and
 * "changed::contacts" for emails) about the new evidence.
 *
 * Returns: (transfer full): the evidence for every kept file, in order (an
 *   email followed by its attachments), or %NULL with @error set
 */
GPtrArray *
rd_evidence_importer_import_finish (RdEvidenceImporter  *self,
                                    GAsyncResult        *result,
                                    GPtrArray          **failures,
                                    GError             **error)
{
  ImportData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  data = g_task_get_task_data (G_TASK (result));
  if (data->any_new)
    {
      rd_store_emit_changed (self->store, "evidence", self->case_id);
      rd_store_emit_changed (self->store, "contacts", self->case_id);
    }
  if (failures)
    *failures = g_ptr_array_ref (data->failures);
  return g_ptr_array_ref (data->imported);
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RdEvidenceImporter *self = source_object;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;

  store = rd_store_open (self->data_dir, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  problems = rd_store_verify_evidence (store, self->case_id, cancellable, rd_progress_report, self->progress, &error);
  if (problems == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, problems, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * rd_evidence_importer_verify_async:
 *
 * Runs rd_store_verify_evidence() for the case on a worker thread.
 */
void
rd_evidence_importer_verify_async (RdEvidenceImporter  *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RD_IS_EVIDENCE_IMPORTER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rd_evidence_importer_verify_async);
  g_task_run_in_thread (task, verify_thread);
}

/**
 * rd_evidence_importer_verify_finish:
 *
 * Returns: (transfer full) (element-type RdEvidenceProblem): the problems
 *   found (empty when every file is intact), or %NULL with @error set
 */
GPtrArray *
rd_evidence_importer_verify_finish (RdEvidenceImporter  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* cairo's ARGB32 is premultiplied, native-endian; a pixbuf is straight RGBA. */
static GdkPixbuf *
pixbuf_from_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *src = cairo_image_surface_get_data (surface);
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, width, height);
  guchar *dst = gdk_pixbuf_get_pixels (pixbuf);
  int dst_stride = gdk_pixbuf_get_rowstride (pixbuf);

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 p = *(const guint32 *) (src + y * stride + x * 4);
        guint a = p >> 24;
        guchar *d = dst + y * dst_stride + x * 4;

        if (a == 0)
          {
            d[0] = d[1] = d[2] = d[3] = 0;
            continue;
          }
        d[0] = (((p >> 16) & 0xff) * 255 + a / 2) / a;
        d[1] = (((p >> 8) & 0xff) * 255 + a / 2) / a;
        d[2] = ((p & 0xff) * 255 + a / 2) / a;
        d[3] = a;
      }
  return pixbuf;
}

/**
 * rd_evidence_render_preview:
 * @password: (nullable): for a protected PDF
 * @page: the PDF page, from 0
 * @size: the longer side in pixels
 * @n_pages: (out) (optional): the PDF's page count (1 for a photo)
 *
 * Draws a photo the right way up, or one page of a PDF. Slow: call it from
 * a worker thread (it opens its own PopplerDocument there).
 *
 * Returns: (transfer full): the picture, or %NULL with a message for the
 *   resident in @error
 */
GdkPixbuf *
rd_evidence_render_preview (RdEvidence    *evidence,
                            const char    *password,
                            int            page,
                            int            size,
                            int           *n_pages,
                            GCancellable  *cancellable,
                            GError       **error)
{
  const char *path;

  g_return_val_if_fail (RD_IS_EVIDENCE (evidence), NULL);
  g_return_val_if_fail (size > 0, NULL);

  if (n_pages)
    *n_pages = 1;
  path = rd_evidence_get_path (evidence);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("“%s” is missing from the evidence folder."),
                   rd_evidence_get_original_name (evidence));
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (rd_evidence_get_kind (evidence) == RD_EVIDENCE_KIND_PHOTO)
    {
      g_autoptr(GdkPixbuf) loaded = NULL;
      g_autoptr(GError) local_error = NULL;

      loaded = gdk_pixbuf_new_from_file_at_scale (path, size, size, TRUE, &local_error);
      if (loaded == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("Redress cannot show this picture: it may be damaged, or in a "
                                 "format this computer cannot read. The file is kept as it was."));
          return NULL;
        }
      return gdk_pixbuf_apply_embedded_orientation (loaded);
    }

  if (rd_evidence_get_kind (evidence) == RD_EVIDENCE_KIND_PDF)
    {
      g_autoptr(PopplerDocument) document = _rd_evidence_open_pdf (path, password, NULL, error);
      g_autoptr(PopplerPage) pdf_page = NULL;
      cairo_surface_t *surface;
      GdkPixbuf *pixbuf;
      double width, height, scale;
      cairo_t *cr;
      int count;

      if (document == NULL)
        return NULL;
      count = poppler_document_get_n_pages (document);
      if (n_pages)
        *n_pages = count;
      if (page < 0 || page >= count || (pdf_page = poppler_document_get_page (document, page)) == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("This page of the PDF cannot be shown."));
          return NULL;
        }
      poppler_page_get_size (pdf_page, &width, &height);
      scale = size / MAX (MAX (width, height), 1);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (1, (int) (width * scale)),
                                            MAX (1, (int) (height * scale)));
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      poppler_page_render (pdf_page, cr);
      cairo_destroy (cr);
      pixbuf = pixbuf_from_surface (surface);
      cairo_surface_destroy (surface);
      return pixbuf;
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("Redress cannot show this kind of file itself. Use “Open With” to see "
                         "it in another program."));
  return NULL;
}
