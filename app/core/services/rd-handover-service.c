/* rd-handover-service.c: handing a case over (archive out and in) and erasing it, in the background.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An adviser hands a case to a colleague as a .redress archive, takes one
 * in, and erases a client's case from a shared computer. Each reads or
 * writes every record and evidence file of the case (and erasing ends with
 * a VACUUM), so each runs through the service runner, on its own
 * connection; the runner tells the caller's connection what changed.
 */
#define G_LOG_DOMAIN "rd-handover-service"

#include "config.h"

#include "rd-gettext.h"

#include "rd-case-json.h"
#include "rd-handover-service.h"
#include "rd-service-private.h"
#include "rd-store-advisers.h"

typedef struct
{
  gint64                    case_id;   /* in; and out, for an import */
  char                     *path;
  RdCaseArchiveImportFlags  flags;
} HandoverJob;

static HandoverJob *
handover_job_new (gint64      case_id,
                  const char *path)
{
  HandoverJob *job = g_new0 (HandoverJob, 1);

  job->case_id = case_id;
  job->path = g_strdup (path);
  return job;
}

static void
handover_job_free (gpointer data)
{
  HandoverJob *job = data;

  g_free (job->path);
  g_free (job);
}

/* What each phase of a hand-over says, and its share of the whole. */
static const struct {
  const char *message;
  double      start;
  double      size;
} phases[RD_CASE_ARCHIVE_N_PHASES] = {
  [RD_CASE_ARCHIVE_PHASE_WRITE_CASE] = { N_("Writing the case and its history…"), 0, 0.6 },
  [RD_CASE_ARCHIVE_PHASE_PACK_CASE] = { N_("Putting the case into the archive…"), 0.6, 0.1 },
  [RD_CASE_ARCHIVE_PHASE_PACK_FILES] = { N_("Copying the evidence files…"), 0.7, 0.3 },
  [RD_CASE_ARCHIVE_PHASE_READ_ARCHIVE] = { N_("Reading and checking the archive…"), 0, 0.25 },
  [RD_CASE_ARCHIVE_PHASE_READ_CASE] = { N_("Reading the diary, contacts and complaints…"), 0.25, 0.45 },
  [RD_CASE_ARCHIVE_PHASE_READ_REVISIONS] = { N_("Reading the earlier versions of diary entries…"), 0.7, 0.15 },
  [RD_CASE_ARCHIVE_PHASE_READ_EVIDENCE] = { N_("Reading the evidence records…"), 0.85, 0.05 },
  [RD_CASE_ARCHIVE_PHASE_READ_TIMES] = { N_("Reading when each record was written…"), 0.9, 0.1 },
};

/* The archive's phases as one bar, each phase saying what it does. */
static void
report_phase_cb (RdCaseArchivePhase  phase,
                 double              fraction,
                 gpointer            progress)
{
  g_assert (phase < RD_CASE_ARCHIVE_N_PHASES);

  if (progress != NULL)
    rd_progress_set (progress, phases[phase].start + phases[phase].size * fraction,
                     fraction == 0 ? _(phases[phase].message) : NULL);
}

static gpointer
export_archive (RdStore       *store,
                gpointer       data,
                RdProgress    *progress,
                GCancellable  *cancellable,
                GError       **error)
{
  HandoverJob *job = data;

  if (progress != NULL)
    rd_progress_set (progress, 0, _("Exporting the case…"));
  if (!rd_case_archive_export_full (store, job->case_id, job->path, report_phase_cb, progress,
                                    cancellable, error))
    return NULL;
  return RD_SERVICE_DONE;
}

/**
 * rd_handover_export_async:
 * @progress: (nullable): says what is being done, and reaches 1 at the end
 *
 * Writes the case, with its evidence, to the archive @path, off the main
 * thread (see rd_case_archive_export()).
 */
void
rd_handover_export_async (RdStore             *store,
                          gint64               case_id,
                          const char          *path,
                          RdProgress          *progress,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (RD_IS_STORE (store));
  g_return_if_fail (path != NULL);

  _rd_service_run (NULL, rd_handover_export_async, store, export_archive,
                   handover_job_new (case_id, path), handover_job_free, NULL,
                   progress, cancellable, callback, user_data);
}

gboolean
rd_handover_export_finish (GAsyncResult  *result,
                           GError       **error)
{
  return _rd_service_finish (result, rd_handover_export_async, error) != NULL;
}

static gpointer
import_archive (RdStore       *store,
                gpointer       data,
                RdProgress    *progress,
                GCancellable  *cancellable,
                GError       **error)
{
  HandoverJob *job = data;

  if (progress != NULL)
    rd_progress_set (progress, 0, _("Checking and importing the case…"));
  job->case_id = rd_case_archive_import_full (store, job->path, job->flags, report_phase_cb, progress,
                                              cancellable, error);
  return job->case_id != 0 ? RD_SERVICE_DONE : NULL;
}

/**
 * rd_handover_import_async:
 * @progress: (nullable): says what is being done, and reaches 1 at the end
 *
 * Takes the archive @path in, off the main thread, all or nothing (see
 * rd_case_archive_import_full()); the caller's @store then announces the
 * new case and its evidence.
 */
void
rd_handover_import_async (RdStore                  *store,
                          const char               *path,
                          RdCaseArchiveImportFlags  flags,
                          RdProgress               *progress,
                          GCancellable             *cancellable,
                          GAsyncReadyCallback       callback,
                          gpointer                  user_data)
{
  HandoverJob *job;

  g_return_if_fail (RD_IS_STORE (store));
  g_return_if_fail (path != NULL);

  job = handover_job_new (0, path);
  job->flags = flags;
  _rd_service_run (NULL, rd_handover_import_async, store, import_archive,
                   job, handover_job_free, NULL, progress, cancellable, callback, user_data);
}

/**
 * rd_handover_import_finish:
 *
 * Returns: the new case's id, or 0 with @error set
 *   (%RD_CASE_ARCHIVE_ERROR_DUPLICATE when the case is here already)
 */
gint64
rd_handover_import_finish (GAsyncResult  *result,
                           GError       **error)
{
  if (_rd_service_finish (result, rd_handover_import_async, error) == NULL)
    return 0;
  return ((HandoverJob *) _rd_service_get_data (result))->case_id;
}

typedef struct
{
  GBytes      *document;
  GMappedFile *mapped;    /* or the document as a mapped file */
  gint64       case_id;   /* out */
} JsonJob;

static void
json_job_free (gpointer data)
{
  JsonJob *job = data;

  g_clear_pointer (&job->document, g_bytes_unref);
  g_clear_pointer (&job->mapped, g_mapped_file_unref);
  g_free (job);
}

static gpointer
import_json (RdStore       *store,
             gpointer       data,
             RdProgress    *progress,
             GCancellable  *cancellable,
             GError       **error)
{
  JsonJob *job = data;
  gsize length;
  const char *text;

  if (job->mapped != NULL)
    {
      job->case_id = rd_case_json_import_mapped (store, job->mapped, progress, cancellable, error);
      return job->case_id != 0 ? RD_SERVICE_DONE : NULL;
    }
  text = g_bytes_get_data (job->document, &length);
  job->case_id = rd_case_json_import_full (store, text ? text : "", (gssize) length, progress,
                                           cancellable, error);
  return job->case_id != 0 ? RD_SERVICE_DONE : NULL;
}

/**
 * rd_handover_import_json_async:
 * @document: a case JSON document (the import format)
 * @progress: (nullable): says what is being done, and reaches 1 at the end
 *
 * Creates a case from @document off the main thread, all or nothing (see
 * rd_case_json_import_full()); the caller's @store then announces it.
 */
void
rd_handover_import_json_async (RdStore             *store,
                               GBytes              *document,
                               RdProgress          *progress,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  JsonJob *job;

  g_return_if_fail (RD_IS_STORE (store));
  g_return_if_fail (document != NULL);

  job = g_new0 (JsonJob, 1);
  job->document = g_bytes_ref (document);
  _rd_service_run (NULL, rd_handover_import_json_async, store, import_json,
                   job, json_job_free, NULL, progress, cancellable, callback, user_data);
}

/**
 * rd_handover_import_json_mapped_async:
 * @document: a case JSON file, mapped read-only
 *
 * rd_handover_import_json_async() for a mapped file, whose pages are given
 * back as they are read (see rd_case_json_import_mapped()). Finish it with
 * rd_handover_import_json_finish().
 */
void
rd_handover_import_json_mapped_async (RdStore             *store,
                                      GMappedFile         *document,
                                      RdProgress          *progress,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  JsonJob *job;

  g_return_if_fail (RD_IS_STORE (store));
  g_return_if_fail (document != NULL);

  job = g_new0 (JsonJob, 1);
  job->mapped = g_mapped_file_ref (document);
  _rd_service_run (NULL, rd_handover_import_json_async, store, import_json,
                   job, json_job_free, NULL, progress, cancellable, callback, user_data);
}

/**
 * rd_handover_import_json_finish:
 *
 * Returns: the new case's id, or 0 with @error set (%RD_CASE_JSON_ERROR
 *   when the document is not a valid case)
 */
gint64
rd_handover_import_json_finish (GAsyncResult  *result,
                                GError       **error)
{
  if (_rd_service_finish (result, rd_handover_import_json_async, error) == NULL)
    return 0;
  return ((JsonJob *) _rd_service_get_data (result))->case_id;
}

static gpointer
erase_case (RdStore       *store,
            gpointer       data,
            RdProgress    *progress,
            GCancellable  *cancellable,
            GError       **error)
{
  HandoverJob *job = data;

  if (progress != NULL)
    rd_progress_set (progress, 0, _("Erasing the client…"));
  if (!rd_store_erase_case (store, job->case_id, error))
    return NULL;
  return RD_SERVICE_DONE;
}

/**
 * rd_erase_case_async:
 * @cancellable: (nullable): only a cancel before the erasing starts counts;
 *   once begun, it goes to the end
 *
 * Runs rd_store_erase_case() off the main thread: erasing ends with a
 * VACUUM, which takes a while on a big store.
 */
void
rd_erase_case_async (RdStore             *store,
                     gint64               case_id,
                     RdProgress          *progress,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_return_if_fail (RD_IS_STORE (store));

  _rd_service_run (NULL, rd_erase_case_async, store, erase_case,
                   handover_job_new (case_id, NULL), handover_job_free, NULL,
                   progress, cancellable, callback, user_data);
}

gboolean
rd_erase_case_finish (GAsyncResult  *result,
                      GError       **error)
{
  return _rd_service_finish (result, rd_erase_case_async, error) != NULL;
}
