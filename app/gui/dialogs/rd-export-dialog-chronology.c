/* rd-export-dialog-chronology.c: the export assistant saves the chronology on its own, as .odt or CSV.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A solicitor asks for the chronology as a document to edit, or as a table.
 * The entries are built as the bundle's are (the same exhibit numbers, the
 * same anonymising) in a worker with its own store connection; the core
 * writes the file under a temporary name beside the chosen one and renames
 * it when complete, so a failed save never leaves half a file under that
 * name, and a name inside the data folder is refused before any work.
 */
#define G_LOG_DOMAIN "rd-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-export-dialog-private.h"
#include "rd-gui-util.h"

typedef struct
{
  RdStore             *store;   /* the worker's own connection */
  gint64               case_id;
  RdCaseBundleOptions  options;
  GArray              *evidence_ids;
  RdChronologyFileKind kind;
  char                *path;
} ChronologyJob;

static void
chronology_job_free (gpointer data)
{
  ChronologyJob *job = data;

  g_clear_object (&job->store);
  g_clear_pointer (&job->evidence_ids, g_array_unref);
  g_free (job->path);
  g_free (job);
}

static void
chronology_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ChronologyJob *job = task_data;
  g_autoptr(RdBundle) bundle = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *title = NULL;
  GError *error = NULL;
  gboolean ok;

  job->options.evidence_ids = job->evidence_ids;
  /* Building reads the case only; nothing is drawn or written. */
  bundle = rd_case_bundle_build (job->store, job->case_id, &job->options, &entries, &error);
  if (bundle == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->kind == RD_CHRONOLOGY_FILE_ODT)
    title = rd_case_bundle_dup_chronology_title (job->store, job->case_id, &job->options, &error);
  if (job->kind != RD_CHRONOLOGY_FILE_ODT || title != NULL)
    {
      /* The headings in the chronology's language, on this thread only */
      char *previous = rd_i18n_push_language (job->options.language != NULL ? job->options.language
                                                                             : RD_I18N_SOURCE_LANGUAGE);
      ok = job->kind == RD_CHRONOLOGY_FILE_ODT
           ? rd_chronology_write_odt (entries, title, job->path, &error)
           : rd_chronology_write_csv (entries, job->path, &error);
      rd_i18n_pop_language (previous);
    }
  else
    ok = FALSE;
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_chronology_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  RdExportDialog *self = RD_EXPORT_DIALOG (source);
  ChronologyJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->chronology_cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.chronology",
                                 g_str_equal (rd_export_dialog_get_state (self), "options"));
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_free (self->error);
      self->error = g_strdup (error->message);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rd_gui_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  {
    g_autofree char *name = g_path_get_basename (job->path);
    g_autofree char *message = g_strdup_printf (_("Chronology saved as “%s”"), name);

    g_clear_pointer (&self->error, g_free);
    rd_gui_show_toast (GTK_WIDGET (self), message);
  }
}

/**
 * rd_export_dialog_save_chronology:
 * @kind: OpenDocument text or CSV
 *
 * Writes the chronology to @path with the assistant's choices (exhibits
 * and their order, anonymising), in a worker; a toast says when it is done.
 */
void
rd_export_dialog_save_chronology (RdExportDialog       *self,
                                  RdChronologyFileKind  kind,
                                  const char           *path)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ChronologyJob *job;
  const char *outputs[] = { path, NULL };

  g_return_if_fail (RD_IS_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);
  if (self->chronology_cancellable != NULL)
    return;

  if (!rd_output_check_paths (rd_store_get_data_dir (self->store), outputs, &error))
    {
      g_free (self->error);
      self->error = g_strdup (error->message);
      rd_gui_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  job = g_new0 (ChronologyJob, 1);
  job->store = rd_store_open_secondary (self->store, &error);
  if (job->store == NULL)
    {
      chronology_job_free (job);
      g_free (self->error);
      self->error = g_strdup (error->message);
      rd_gui_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  rd_case_bundle_options_init (&job->options);
  job->case_id = rd_case_get_id (self->rcase);
  job->options.include_letter = FALSE;
  job->options.anonymise = gtk_switch_get_active (self->anonymise_switch);
  job->evidence_ids = _rd_export_dialog_dup_evidence_ids (self);
  job->kind = kind;
  job->path = g_strdup (path);

  self->chronology_cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.chronology", FALSE);
  task = g_task_new (self, self->chronology_cancellable, on_chronology_done, NULL);
  g_task_set_source_tag (task, rd_export_dialog_save_chronology);
  g_task_set_task_data (task, job, chronology_job_free);
  g_task_run_in_thread (task, chronology_thread);
}

gboolean
rd_export_dialog_get_saving_chronology (RdExportDialog *self)
{
  g_return_val_if_fail (RD_IS_EXPORT_DIALOG (self), FALSE);
  return self->chronology_cancellable != NULL;
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        RdExportDialog  *self)
{
  RdChronologyFileKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "kind"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        rd_export_dialog_save_chronology (self, kind, path);
    }
  g_object_unref (chooser);
}

/* export.chronology("odt" or "csv"): ask where, then save. */
void
_rd_export_dialog_chronology_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  RdExportDialog *self = RD_EXPORT_DIALOG (widget);
  gboolean odt = g_str_equal (g_variant_get_string (parameter, NULL), "odt");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  /* Translators: the file name offered for the chronology; %s is the case's title */
  name = g_strdup_printf (odt ? _("Chronology – %s.odt") : _("Chronology – %s.csv"),
                          rd_case_get_title (self->rcase));
  if (odt)
    {
      gtk_file_filter_set_name (filter, _("OpenDocument text"));
      gtk_file_filter_add_mime_type (filter, "application/vnd.oasis.opendocument.text");
      gtk_file_filter_add_suffix (filter, "odt");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("CSV table"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
    }
  chooser = gtk_file_chooser_native_new (odt ? _("Save the Chronology as OpenDocument")
                                             : _("Save the Chronology as CSV"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), g_strdelimit (name, "/\\", '-'));
  g_object_set_data (G_OBJECT (chooser), "kind",
                     GINT_TO_POINTER (odt ? RD_CHRONOLOGY_FILE_ODT : RD_CHRONOLOGY_FILE_CSV));
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
