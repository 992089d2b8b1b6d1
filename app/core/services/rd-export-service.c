/* rd-export-service.c: making a case's bundle and chronology files, in the background.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-export-service"

#include "config.h"

#include "rd-gettext.h"
#include <glib/gstdio.h>

#include "rd-chronology.h"
#include "rd-export-service.h"
#include "rd-service-private.h"

typedef struct
{
  gint64               case_id;
  RdCaseBundleOptions  options;   /* its arrays and table are references */
  GDate                today;
  RdChronologyFormat   format;
  char                *path;
  char                *language;  /* options.language's own copy */
} ExportJob;

static ExportJob *
export_job_new (gint64                     case_id,
                const RdCaseBundleOptions *options,
                const char                *path)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->case_id = case_id;
  if (options != NULL)
    job->options = *options;
  else
    rd_case_bundle_options_init (&job->options);
  if (job->options.evidence_ids != NULL)
    g_array_ref (job->options.evidence_ids);
  if (job->options.passwords != NULL)
    g_hash_table_ref (job->options.passwords);
  if (job->options.today != NULL)
    {
      job->today = *job->options.today;
      job->options.today = &job->today;
    }
  job->language = g_strdup (job->options.language);
  job->options.language = job->language;
  job->path = g_strdup (path);
  return job;
}

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_pointer (&job->options.evidence_ids, g_array_unref);
  g_clear_pointer (&job->options.passwords, g_hash_table_unref);
  g_free (job->path);
  g_free (job->language);
  g_free (job);
}

static gpointer
export_bundle (RdStore       *store,
               gpointer       data,
               RdProgress    *progress,
               GCancellable  *cancellable,
               GError       **error)
{
  ExportJob *job = data;
  g_autoptr(RdBundle) bundle = NULL;

  bundle = rd_case_bundle_build (store, job->case_id, &job->options, NULL, error);
  if (bundle == NULL ||
      !rd_bundle_write (bundle, job->path, rd_progress_report, progress, cancellable, error))
    return NULL;
  return g_steal_pointer (&bundle);
}

/**
 * rd_export_bundle_async:
 * @store: the caller's connection; the work uses its own
 * @options: (nullable): what goes in; its evidence ids and passwords are
 *   kept by reference and must not change until the export finishes
 * @progress: (nullable): follows the writing
 *
 * Builds the case's bundle and writes it to @path in a worker. Nothing
 * appears at @path unless the whole bundle was written; a cancel removes
 * every temporary file (see rd_bundle_write()).
 */
void
rd_export_bundle_async (RdStore                   *store,
                        gint64                     case_id,
                        const RdCaseBundleOptions *options,
                        const char                *path,
                        RdProgress                *progress,
                        GCancellable              *cancellable,
                        GAsyncReadyCallback        callback,
                        gpointer                   user_data)
{
  g_return_if_fail (RD_IS_STORE (store));
  g_return_if_fail (path != NULL);

  _rd_service_run (NULL, rd_export_bundle_async, store, export_bundle,
                   export_job_new (case_id, options, path), export_job_free, g_object_unref,
                   progress, cancellable, callback, user_data);
}

/**
 * rd_export_bundle_finish:
 *
 * Returns: (transfer full): the bundle as written (its page count and
 *   omissions), or %NULL with @error set
 */
RdBundle *
rd_export_bundle_finish (GAsyncResult  *result,
                         GError       **error)
{
  return _rd_service_finish (result, rd_export_bundle_async, error);
}

/**
 * rd_bundle_describe_omissions:
 *
 * Returns: (transfer full): a line for each exhibit listed in @bundle but
 *   not put in, with the reason; empty when every exhibit is in
 */
char *
rd_bundle_describe_omissions (RdBundle *bundle)
{
  g_autoptr(GPtrArray) omissions = NULL;
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (RD_IS_BUNDLE (bundle), NULL);

  omissions = rd_bundle_dup_omissions (bundle);
  for (guint i = 0; i < omissions->len; i++)
    g_string_append_printf (text, _("Exhibit %s (“%s”) is listed but not included: %s\n"),
                            rd_bundle_exhibit_get_label (omissions->pdata[i]),
                            rd_bundle_exhibit_get_title (omissions->pdata[i]),
                            rd_bundle_exhibit_get_omitted_reason (omissions->pdata[i]));
  return g_string_free (text, FALSE);
}

/**
 * rd_bundle_describe_volumes:
 *
 * Returns: (transfer full): a line for each volume @bundle was split into:
 *   its file, the bundle pages it holds and its size
 */
char *
rd_bundle_describe_volumes (RdBundle *bundle)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (RD_IS_BUNDLE (bundle), NULL);

  for (guint i = 0; i < rd_bundle_get_n_volumes (bundle); i++)
    {
      g_autofree char *size = g_format_size ((guint64) rd_bundle_get_volume_size (bundle, i));
      int first, last;

      rd_bundle_get_volume_pages (bundle, i, &first, &last);
      if (first == last)
        /* Translators: a volume of the bundle: its file, the bundle page it
         * holds and its size, as in "bundle-volume-3.pdf: page 301, 72.0 MB" */
        g_string_append_printf (text, _("%s: page %d, %s\n"),
                                rd_bundle_get_volume_path (bundle, i), first, size);
      else
        /* Translators: a volume of the bundle: its file, the bundle pages it
         * holds and its size, as in "bundle-volume-2.pdf: pages 153 to 300, 48.2 MB" */
        g_string_append_printf (text, _("%s: pages %d to %d, %s\n"),
                                rd_bundle_get_volume_path (bundle, i), first, last, size);
    }
  return g_string_free (text, FALSE);
}

/**
 * rd_bundle_describe_oversize:
 *
 * Returns: (transfer full) (nullable): a sentence for each volume over the
 *   size limit because a single exhibit is larger than the limit, or %NULL
 *   when every volume is under it
 */
char *
rd_bundle_describe_oversize (RdBundle *bundle)
{
  GString *text = g_string_new (NULL);
  g_autofree char *limit = NULL;

  g_return_val_if_fail (RD_IS_BUNDLE (bundle), NULL);

  limit = g_format_size ((guint64) rd_bundle_get_max_volume_size (bundle));
  for (guint i = 0; i < rd_bundle_get_n_volumes (bundle); i++)
    {
      RdBundleExhibit *alone = rd_bundle_get_volume_alone (bundle, i);
      g_autofree char *size = NULL;

      if (alone == NULL)
        continue;
      size = g_format_size ((guint64) rd_bundle_get_volume_size (bundle, i));
      g_string_append_printf (text, _("Volume %u is %s, over the %s limit: exhibit %s (“%s”) is "
                                      "larger than that on its own, so it has a volume of its "
                                      "own. Send it another way, or ask where it can go.\n"),
                              i + 1, size, limit, rd_bundle_exhibit_get_label (alone),
                              rd_bundle_exhibit_get_title (alone));
    }
  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

static gpointer
export_chronology (RdStore       *store,
                   gpointer       data,
                   RdProgress    *progress,
                   GCancellable  *cancellable,
                   GError       **error)
{
  ExportJob *job = data;
  g_autoptr(RdBundle) bundle = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *title = NULL;

  if (progress != NULL)
    rd_progress_set (progress, 0, _("Reading the case"));
  /* Building reads the case only; nothing is drawn or written. */
  bundle = rd_case_bundle_build (store, job->case_id, &job->options, &entries, error);
  if (bundle == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (progress != NULL)
    rd_progress_set (progress, 0.5, _("Writing the chronology"));
  if (job->format == RD_CHRONOLOGY_FORMAT_ODT)
    {
      title = rd_case_bundle_dup_chronology_title (store, job->case_id, &job->options, error);
      if (title == NULL)
        return NULL;
    }
  {
    /* The headings in the chronology's language, on this worker only. Both
     * writers save beside @path and rename, so a failed save never leaves
     * half a file under the name the user chose. */
    g_autofree char *language = rd_case_bundle_dup_language (store, job->case_id, &job->options,
                                                             error);
    char *previous;
    gboolean ok;

    if (language == NULL)
      return NULL;
    previous = rd_i18n_push_language (language);
    ok = job->format == RD_CHRONOLOGY_FORMAT_ODT
         ? rd_chronology_write_odt (entries, title, job->path, error)
         : rd_chronology_write_csv (entries, job->path, error);
    rd_i18n_pop_language (previous);
    if (!ok)
      return NULL;
  }
  return RD_SERVICE_DONE;
}

/**
 * rd_export_chronology_async:
 * @options: (nullable): the exhibits and their order, anonymising; kept by
 *   reference as for rd_export_bundle_async()
 *
 * Writes the chronology the bundle would have, with the same exhibit
 * numbers, to @path as OpenDocument text or CSV, in a worker.
 */
void
rd_export_chronology_async (RdStore                   *store,
                            gint64                     case_id,
                            const RdCaseBundleOptions *options,
                            RdChronologyFormat         format,
                            const char                *path,
                            RdProgress                *progress,
                            GCancellable              *cancellable,
                            GAsyncReadyCallback        callback,
                            gpointer                   user_data)
{
  ExportJob *job;

  g_return_if_fail (RD_IS_STORE (store));
  g_return_if_fail (path != NULL);

  job = export_job_new (case_id, options, path);
  job->format = format;
  _rd_service_run (NULL, rd_export_chronology_async, store, export_chronology,
                   job, export_job_free, NULL, progress, cancellable, callback, user_data);
}

gboolean
rd_export_chronology_finish (GAsyncResult  *result,
                             GError       **error)
{
  return _rd_service_finish (result, rd_export_chronology_async, error) != NULL;
}
