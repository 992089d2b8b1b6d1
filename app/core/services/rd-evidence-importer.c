/* rd-evidence-importer.c: importing files (and checking evidence) off the main thread, with progress and cancel.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both run through the service runner: the worker's own connection, and
 * what it wrote announced on the importer's store when it is done.
 */
#define G_LOG_DOMAIN "rd-evidence"

#include "config.h"

#include "rd-gettext.h"

#include "rd-evidence-files.h"
#include "rd-evidence-importer.h"
#include "rd-progress.h"
#include "rd-service-private.h"
#include "rd-store-evidence.h"

struct _RdEvidenceImporter
{
  GObject       parent_instance;

  RdStore      *store;         /* the caller's connection: the work opens its own */
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
  gint64      case_id;
  GPtrArray  *files;      /* GFile */
  GPtrArray  *imported;   /* RdEvidence */
  GPtrArray  *added;      /* RdEvidence: those of @imported that were not kept before */
  GPtrArray  *failures;   /* char *: one sentence per file that could not be kept */
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_pointer (&data->files, g_ptr_array_unref);
  g_clear_pointer (&data->imported, g_ptr_array_unref);
  g_clear_pointer (&data->added, g_ptr_array_unref);
  g_clear_pointer (&data->failures, g_ptr_array_unref);
  g_free (data);
}

static gpointer
import_files (RdStore       *store,
              gpointer       task_data,
              RdProgress    *progress,
              GCancellable  *cancellable,
              GError       **error)
{
  ImportData *data = task_data;
  gint64 case_id = data->case_id;
  g_autoptr(RdEvidenceBatch) batch = NULL;
  g_autofree guint64 *sizes = NULL;
  guint64 total = 0, done = 0;

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

  batch = rd_evidence_batch_new (store, case_id);
  for (guint i = 0; i < data->files->len; i++)
    {
      GFile *file = g_ptr_array_index (data->files, i);
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (UI_("Copying “%s” (%u of %u)"), name, i + 1,
                                                  data->files->len);
      g_autoptr(GError) local_error = NULL;

      rd_progress_set (progress, (double) done / total, message);
      if (!rd_evidence_batch_add_file (batch, file, NULL, cancellable, &local_error))
        {
          /* Freeing the batch removes every staged copy. */
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          g_ptr_array_add (data->failures, g_strdup (local_error->message));
        }
      done += sizes[i];
    }

  rd_progress_set (progress, 1.0, UI_("Saving…"));
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !rd_evidence_batch_commit (batch, error))
    return NULL;
  for (guint i = 0; i < rd_evidence_batch_get_n_items (batch); i++)
    {
      RdEvidence *evidence = rd_evidence_batch_get_item (batch, i);

      g_ptr_array_add (data->imported, g_object_ref (evidence));
      if (rd_evidence_batch_item_is_new (batch, i))
        g_ptr_array_add (data->added, g_object_ref (evidence));
    }
  /* An email brings its sender and recipients into the contacts. */
  if (data->added->len > 0)
    rd_store_emit_changed (store, "contacts", case_id);
  return RD_SERVICE_DONE;
}

static void
start_import (gpointer              source_object,
              gpointer              source_tag,
              RdStore              *store,
              gint64                case_id,
              GFile               **files,
              guint                 n_files,
              RdProgress           *progress,
              GCancellable         *cancellable,
              GAsyncReadyCallback   callback,
              gpointer              user_data)
{
  ImportData *data = g_new0 (ImportData, 1);

  data->case_id = case_id;
  data->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (data->files, g_object_ref (files[i]));
  data->imported = g_ptr_array_new_with_free_func (g_object_unref);
  data->added = g_ptr_array_new_with_free_func (g_object_unref);
  data->failures = g_ptr_array_new_with_free_func (g_free);
  _rd_service_run (source_object, source_tag, store, import_files, data,
                   (GDestroyNotify) import_data_free, NULL, progress, cancellable,
                   callback, user_data);
}

static GPtrArray *
finish_import (GAsyncResult  *result,
               gpointer       source_tag,
               GPtrArray    **failures,
               GPtrArray    **added,
               GError       **error)
{
  ImportData *data;

  if (_rd_service_finish (result, source_tag, error) == NULL)
    return NULL;
  data = _rd_service_get_data (result);
  if (failures)
    *failures = g_ptr_array_ref (data->failures);
  if (added)
    *added = g_ptr_array_ref (data->added);
  return g_ptr_array_ref (data->imported);
}

/**
 * rd_evidence_import_files_async:
 * @store: the caller's connection (the work opens its own)
 * @progress: (nullable): where the copying is reported
 *
 * Imports @files into the case in one batch on a worker thread. A file that
 * cannot be kept is skipped and reported; a cancel keeps nothing, and
 * leaves no staged copy behind.
 */
void
rd_evidence_import_files_async (RdStore              *store,
                                gint64                case_id,
                                GFile               **files,
                                guint                 n_files,
                                RdProgress           *progress,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  g_return_if_fail (RD_IS_STORE (store));
  g_return_if_fail (files != NULL || n_files == 0);

  start_import (NULL, rd_evidence_import_files_async, store, case_id, files, n_files, progress,
                cancellable, callback, user_data);
}

/**
 * rd_evidence_import_files_finish:
 * @failures: (out) (optional) (transfer full): a sentence for each file that
 *   could not be kept
 * @added: (out) (optional) (transfer full): the evidence of the result that
 *   is new to the case (the rest was kept before, and is unchanged)
 *
 * By then @store has told its listeners ("changed::evidence", and
 * "changed::contacts" when anything new came in) about the new evidence.
 *
 * Returns: (transfer full): the evidence for every kept file, in order (an
 *   email followed by its attachments), or %NULL with @error set
 */
GPtrArray *
rd_evidence_import_files_finish (GAsyncResult  *result,
                                 GPtrArray    **failures,
                                 GPtrArray    **added,
                                 GError       **error)
{
  return finish_import (result, rd_evidence_import_files_async, failures, added, error);
}

/**
 * rd_evidence_importer_import_async:
 *
 * rd_evidence_import_files_async() with the importer's store, case and
 * progress.
 */
void
rd_evidence_importer_import_async (RdEvidenceImporter   *self,
                                   GFile               **files,
                                   guint                 n_files,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_return_if_fail (RD_IS_EVIDENCE_IMPORTER (self));

  start_import (self, rd_evidence_importer_import_async, self->store, self->case_id, files,
                n_files, self->progress, cancellable, callback, user_data);
}

/**
 * rd_evidence_importer_import_finish:
 * @failures: (out) (optional) (transfer full): a sentence for each file that
 *   could not be kept
 *
 * Returns: (transfer full): what rd_evidence_import_files_finish() returns
 */
GPtrArray *
rd_evidence_importer_import_finish (RdEvidenceImporter  *self,
                                    GAsyncResult        *result,
                                    GPtrArray          **failures,
                                    GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return finish_import (result, rd_evidence_importer_import_async, failures, NULL, error);
}

typedef struct {
  gint64 case_id;
} VerifyData;

static gpointer
verify_evidence (RdStore       *store,
                 gpointer       data,
                 RdProgress    *progress,
                 GCancellable  *cancellable,
                 GError       **error)
{
  VerifyData *job = data;

  return rd_store_verify_evidence (store, job->case_id, cancellable,
                                   progress ? rd_progress_report : NULL, progress, error);
}

static void
start_verify (gpointer             source_object,
              gpointer             source_tag,
              RdStore             *store,
              gint64               case_id,
              RdProgress          *progress,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  VerifyData *job = g_new0 (VerifyData, 1);

  job->case_id = case_id;
  _rd_service_run (source_object, source_tag, store, verify_evidence, job, g_free,
                   (GDestroyNotify) g_ptr_array_unref, progress, cancellable, callback,
                   user_data);
}

/**
 * rd_evidence_verify_files_async:
 * @store: the caller's connection (the work opens its own)
 * @progress: (nullable): where the checking is reported
 *
 * Runs rd_store_verify_evidence() for the case on a worker thread.
 */
void
rd_evidence_verify_files_async (RdStore             *store,
                                gint64               case_id,
                                RdProgress          *progress,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (RD_IS_STORE (store));

  start_verify (NULL, rd_evidence_verify_files_async, store, case_id, progress, cancellable,
                callback, user_data);
}

/**
 * rd_evidence_verify_files_finish:
 *
 * Returns: (transfer full) (element-type RdEvidenceProblem): the problems
 *   found (empty when every file is intact), or %NULL with @error set
 */
GPtrArray *
rd_evidence_verify_files_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return _rd_service_finish (result, rd_evidence_verify_files_async, error);
}

/**
 * rd_evidence_importer_verify_async:
 *
 * rd_evidence_verify_files_async() with the importer's store, case and
 * progress.
 */
void
rd_evidence_importer_verify_async (RdEvidenceImporter  *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (RD_IS_EVIDENCE_IMPORTER (self));

  start_verify (self, rd_evidence_importer_verify_async, self->store, self->case_id,
                self->progress, cancellable, callback, user_data);
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
  return _rd_service_finish (result, rd_evidence_importer_verify_async, error);
}
