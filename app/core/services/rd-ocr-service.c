/* rd-ocr-service.c: recognising the text of a case's scans, in the background.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a scanned page takes a second or more, so a case's scans are read
 * on the service runner's worker, with progress, and can be stopped: each
 * page is kept as soon as it is read, so the next run goes on from there
 * (rd_evidence_recognise_case()).
 */
#define G_LOG_DOMAIN "rd-ocr-service"

#include "config.h"

#include "rd-ocr-service.h"
#include "rd-service-private.h"

typedef struct
{
  gint64        case_id;
  char         *languages;
  RdOcrSummary  summary;   /* out */
} OcrJob;

static void
ocr_job_free (gpointer data)
{
  OcrJob *job = data;

  g_free (job->languages);
  g_free (job);
}

static gpointer
recognise (RdStore       *store,
           gpointer       data,
           RdProgress    *progress,
           GCancellable  *cancellable,
           GError       **error)
{
  OcrJob *job = data;

  if (!rd_evidence_recognise_case (store, job->case_id, job->languages, cancellable,
                                   progress ? rd_progress_report : NULL, progress,
                                   &job->summary, error))
    return NULL;
  return RD_SERVICE_DONE;
}

/**
 * rd_ocr_case_async:
 * @languages: (nullable): Tesseract's language names ("eng+cym"); %NULL
 *   for rd_ocr_default_languages()
 * @progress: (nullable): how far it has got, and which page it is reading
 *
 * Recognises the text of the case's scanned PDF pages and photos that have
 * not been read yet; the words found go into evidence search. Cancelling
 * keeps the pages already read.
 */
void
rd_ocr_case_async (RdStore             *store,
                   gint64               case_id,
                   const char          *languages,
                   RdProgress          *progress,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  OcrJob *job;

  g_return_if_fail (RD_IS_STORE (store));

  job = g_new0 (OcrJob, 1);
  job->case_id = case_id;
  job->languages = g_strdup (languages);
  _rd_service_run (NULL, rd_ocr_case_async, store, recognise, job, ocr_job_free, NULL,
                   progress, cancellable, callback, user_data);
}

/**
 * rd_ocr_case_finish:
 * @summary: (out caller-allocates) (optional): what was read, also when
 *   stopped or failed part way
 */
gboolean
rd_ocr_case_finish (GAsyncResult  *result,
                    RdOcrSummary  *summary,
                    GError       **error)
{
  if (summary != NULL)
    *summary = ((OcrJob *) _rd_service_get_data (result))->summary;
  return _rd_service_finish (result, rd_ocr_case_async, error) != NULL;
}
