/* rd-evidence-service.c: evidence work that reads files: previews, thumbnails, unlocking PDFs.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawing a page of a long PDF, making a thumbnail or reading every page of
 * a protected PDF with its password each take from milliseconds to seconds:
 * never on the main loop. Previews and thumbnails read files only, so they
 * run without a connection; unlocking writes what it learnt to the store.
 */
#define G_LOG_DOMAIN "rd-evidence-service"

#include "config.h"

#include <string.h>

#include "rd-evidence-files.h"
#include "rd-evidence-preview.h"
#include "rd-evidence-service.h"
#include "rd-secret.h"
#include "rd-service-private.h"
#include "rd-store-evidence.h"

typedef struct
{
  RdEvidence *evidence;
  RdStore    *store;      /* for the thumbnail's folder only */
  gint64      evidence_id;
  char       *password;
  int         page;
  int         size;
  int         n_pages;    /* out */
} EvidenceJob;

static void
evidence_job_free (gpointer data)
{
  EvidenceJob *job = data;

  g_clear_object (&job->evidence);
  g_clear_object (&job->store);
  rd_secret_free (job->password);
  g_free (job);
}

static gpointer
render_preview (RdStore       *store,
                gpointer       data,
                RdProgress    *progress,
                GCancellable  *cancellable,
                GError       **error)
{
  EvidenceJob *job = data;

  return rd_evidence_render_preview (job->evidence, job->password, job->page, job->size,
                                     &job->n_pages, cancellable, error);
}

/**
 * rd_evidence_preview_async:
 * @password: (nullable): for a protected PDF
 * @page: the page of a PDF, from 0
 * @size: the longer side, in pixels
 *
 * Draws a photo, or a page of a PDF, off the main thread (see
 * rd_evidence_render_preview()).
 */
void
rd_evidence_preview_async (RdEvidence          *evidence,
                           const char          *password,
                           int                  page,
                           int                  size,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  EvidenceJob *job;

  g_return_if_fail (RD_IS_EVIDENCE (evidence));

  job = g_new0 (EvidenceJob, 1);
  job->evidence = g_object_ref (evidence);
  job->password = g_strdup (password);
  job->page = page;
  job->size = size;
  _rd_service_run (NULL, rd_evidence_preview_async, NULL, render_preview, job, evidence_job_free,
                   g_object_unref, NULL, cancellable, callback, user_data);
}

/**
 * rd_evidence_preview_finish:
 * @n_pages: (out) (optional): the PDF's page count, when it could be read
 *
 * Returns: (transfer full): the picture, or %NULL with @error set
 */
GdkPixbuf *
rd_evidence_preview_finish (GAsyncResult  *result,
                            int           *n_pages,
                            GError       **error)
{
  if (n_pages != NULL)
    *n_pages = ((EvidenceJob *) _rd_service_get_data (result))->n_pages;
  return _rd_service_finish (result, rd_evidence_preview_async, error);
}

static gpointer
load_thumbnail (RdStore       *store,
                gpointer       data,
                RdProgress    *progress,
                GCancellable  *cancellable,
                GError       **error)
{
  EvidenceJob *job = data;
  g_autofree char *path = NULL;

  /* Only the data folder of the store is read here, never the database. */
  path = rd_store_dup_evidence_thumbnail (job->store, job->evidence, 0, cancellable, error);
  if (path == NULL)
    return NULL;
  return gdk_pixbuf_new_from_file (path, error);
}

/**
 * rd_evidence_thumbnail_async:
 *
 * Makes (or finds, when made before) the thumbnail of a photo or PDF, off
 * the main thread (see rd_store_dup_evidence_thumbnail()).
 */
void
rd_evidence_thumbnail_async (RdStore             *store,
                             RdEvidence          *evidence,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  EvidenceJob *job;

  g_return_if_fail (RD_IS_STORE (store));
  g_return_if_fail (RD_IS_EVIDENCE (evidence));

  job = g_new0 (EvidenceJob, 1);
  job->store = g_object_ref (store);
  job->evidence = g_object_ref (evidence);
  /* No connection: many tiles ask at once, and none needs the database. */
  _rd_service_run (NULL, rd_evidence_thumbnail_async, NULL, load_thumbnail, job,
                   evidence_job_free, g_object_unref, NULL, cancellable, callback, user_data);
}

/**
 * rd_evidence_thumbnail_finish:
 *
 * Returns: (transfer full): the thumbnail, or %NULL with @error set
 *   (%G_IO_ERROR_NOT_SUPPORTED for a kind of file that has none)
 */
GdkPixbuf *
rd_evidence_thumbnail_finish (GAsyncResult  *result,
                              GError       **error)
{
  return _rd_service_finish (result, rd_evidence_thumbnail_async, error);
}

static gpointer
unlock_evidence (RdStore       *store,
                 gpointer       data,
                 RdProgress    *progress,
                 GCancellable  *cancellable,
                 GError       **error)
{
  EvidenceJob *job = data;

  if (!rd_store_unlock_evidence (store, job->evidence_id, job->password, error))
    return NULL;
  return RD_SERVICE_DONE;
}

/**
 * rd_evidence_unlock_async:
 *
 * Reads every page of a protected PDF with @password and keeps what it
 * learnt (see rd_store_unlock_evidence()), off the main thread; @store
 * then announces the change.
 */
void
rd_evidence_unlock_async (RdStore             *store,
                          gint64               evidence_id,
                          const char          *password,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  EvidenceJob *job;

  g_return_if_fail (RD_IS_STORE (store));
  g_return_if_fail (password != NULL);

  job = g_new0 (EvidenceJob, 1);
  job->evidence_id = evidence_id;
  job->password = g_strdup (password);
  _rd_service_run (NULL, rd_evidence_unlock_async, store, unlock_evidence, job,
                   evidence_job_free, NULL, NULL, cancellable, callback, user_data);
}

gboolean
rd_evidence_unlock_finish (GAsyncResult  *result,
                           GError       **error)
{
  return _rd_service_finish (result, rd_evidence_unlock_async, error) != NULL;
}
