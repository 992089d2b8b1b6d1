/* rd-export-dialog-chronology.c: the export assistant saves the chronology on its own, as .odt or CSV.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A solicitor asks for the chronology as a document to edit, or as a table.
 * The export service builds the entries as the bundle's are (the same
 * exhibit numbers, the same anonymising) off the main thread, and writes the
 * file under a temporary name beside the chosen one, renamed when complete;
 * a name inside the data folder is refused before any work.
 */
#define G_LOG_DOMAIN "rd-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-export-dialog-private.h"
#include "rd-gui-util.h"

static void
on_chronology_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  g_autoptr(RdExportDialog) self = data;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->chronology_cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.chronology",
                                 g_str_equal (rd_export_dialog_get_state (self), "options"));
  if (!rd_export_chronology_finish (result, &error))
    {
      g_free (self->error);
      self->error = g_strdup (error->message);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rd_gui_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  {
    g_autofree char *name = g_path_get_basename (self->chronology_path);
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
 * and their order, anonymising), off the main thread; a toast says when it
 * is done.
 */
void
rd_export_dialog_save_chronology (RdExportDialog       *self,
                                  RdChronologyFileKind  kind,
                                  const char           *path)
{
  RdStore *store = rd_store_dialog_get_store (RD_STORE_DIALOG (self));
  RdCase *rcase = rd_store_dialog_get_case (RD_STORE_DIALOG (self));
  g_autoptr(GArray) evidence_ids = NULL;
  g_autoptr(GError) error = NULL;
  RdCaseBundleOptions options;
  const char *outputs[] = { path, NULL };

  g_return_if_fail (RD_IS_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);
  if (self->chronology_cancellable != NULL)
    return;

  if (!rd_output_check_paths (rd_store_get_data_dir (store), outputs, &error))
    {
      g_free (self->error);
      self->error = g_strdup (error->message);
      rd_gui_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  rd_case_bundle_options_init (&options);
  options.include_letter = FALSE;
  options.anonymise = gtk_switch_get_active (self->anonymise_switch);
  evidence_ids = _rd_export_dialog_dup_evidence_ids (self);
  options.evidence_ids = evidence_ids;
  g_free (self->chronology_path);
  self->chronology_path = g_strdup (path);

  self->chronology_cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.chronology", FALSE);
  rd_export_chronology_async (store, rd_case_get_id (rcase), &options,
                              kind == RD_CHRONOLOGY_FILE_ODT ? RD_CHRONOLOGY_FORMAT_ODT
                                                             : RD_CHRONOLOGY_FORMAT_CSV,
                              path, NULL, self->chronology_cancellable, on_chronology_done,
                              g_object_ref (self));
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
                          rd_case_get_title (rd_store_dialog_get_case (RD_STORE_DIALOG (self))));
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
