/* rd-evidence-page-actions.c: the evidence page's long work: adding files
 * (file chooser, or dropped on the window) and Check Evidence, each through
 * the core's evidence importer (a service job), with progress and Cancel.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-evidence-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-evidence-page-private.h"
#include "rd-evidence-tile.h"
#include "rd-gui-util.h"

static void
on_progress_cb (RdEvidencePage *self)
{
  if (self->importer == NULL)
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, rd_evidence_importer_get_fraction (self->importer));
  gtk_label_set_text (self->progress_label, rd_evidence_importer_get_message (self->importer));
}

static void
set_busy (RdEvidencePage *self,
          gboolean        busy,
          const char     *message)
{
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));

  if (busy)
    {
      self->importer = rd_evidence_importer_new (store, rd_case_get_id (rcase));
      self->cancellable = g_cancellable_new ();
      g_signal_connect_object (self->importer, "notify::message", G_CALLBACK (on_progress_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_label_set_text (self->progress_label, message);
    }
  else
    {
      g_clear_object (&self->importer);
      g_clear_object (&self->cancellable);
    }
  gtk_revealer_set_reveal_child (self->progress_revealer, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence-page.add", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence-page.cancel", busy);
  _rd_evidence_page_update_counts (self);
}

static void
show_list_dialog (RdEvidencePage *self,
                  const char     *heading,
                  GPtrArray      *lines)
{
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;

  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (body, "%s%s", i ? "\n\n" : "", (const char *) g_ptr_array_index (lines, i));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       heading, body->str));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RdEvidencePage) self = user_data;
  g_autoptr(GPtrArray) imported = NULL;
  g_autoptr(GPtrArray) failures = NULL;
  g_autoptr(GError) error = NULL;

  imported = rd_evidence_importer_import_finish (RD_EVIDENCE_IMPORTER (source), result, &failures, &error);
  set_busy (self, FALSE, NULL);
  if (imported == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rd_gui_show_toast (GTK_WIDGET (self), _("Adding evidence was cancelled; nothing was added"));
      else
        rd_gui_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  if (imported->len > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u piece of evidence kept",
                                                         "%u pieces of evidence kept", imported->len),
                                               imported->len);
      rd_gui_show_toast (GTK_WIDGET (self), text);
      rd_evidence_page_select (self, rd_evidence_get_id (g_ptr_array_index (imported, 0)));
    }
  if (failures != NULL && failures->len > 0)
    show_list_dialog (self, ngettext ("A File Could Not Be Added", "Some Files Could Not Be Added",
                                      failures->len), failures);
}

/**
 * rd_evidence_page_import_files:
 *
 * Adds @files to the case on a worker thread, showing progress with Cancel.
 */
void
rd_evidence_page_import_files (RdEvidencePage  *self,
                               GFile          **files,
                               guint            n_files)
{
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));

  g_return_if_fail (RD_IS_EVIDENCE_PAGE (self));

  /* What the page shows is read when it is first shown: now, if not yet. */
  rd_case_page_fill (RD_CASE_PAGE (self));

  if (store == NULL || rcase == NULL || n_files == 0)
    return;
  if (self->importer != NULL)
    {
      rd_gui_show_toast (GTK_WIDGET (self), _("Wait for the evidence being added now, then try again"));
      return;
    }
  set_busy (self, TRUE, _("Adding evidence…"));
  rd_evidence_importer_import_async (self->importer, files, n_files, self->cancellable,
                                     on_import_done_cb, g_object_ref (self));
}

gboolean
rd_evidence_page_is_busy (RdEvidencePage *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE_PAGE (self), FALSE);
  return self->importer != NULL;
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        RdEvidencePage  *self)
{
  g_autoptr(GListModel) chosen = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0, n = g_list_model_get_n_items (chosen); i < n; i++)
        g_ptr_array_add (files, g_list_model_get_item (chosen, i));
      rd_evidence_page_import_files (self, (GFile **) files->pdata, files->len);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
_rd_evidence_page_add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RdEvidencePage *self = RD_EVIDENCE_PAGE (widget);
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));
  GtkFileChooserNative *chooser;

  if (rcase == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Add Evidence"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_rd_evidence_page_cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdEvidencePage *self = RD_EVIDENCE_PAGE (widget);

  g_cancellable_cancel (self->cancellable);
  gtk_label_set_text (self->progress_label, _("Cancelling…"));
}

static void
on_check_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RdEvidencePage) self = user_data;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->evidence));

  problems = rd_evidence_importer_verify_finish (RD_EVIDENCE_IMPORTER (source), result, &error);
  set_busy (self, FALSE, NULL);
  if (problems == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rd_gui_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  if (problems->len == 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("The evidence file is intact",
                                                         "All %u evidence files are intact", total),
                                               total);
      rd_gui_show_toast (GTK_WIDGET (self), text);
      return;
    }
  for (guint i = 0; i < problems->len; i++)
    {
      RdEvidenceProblem *problem = g_ptr_array_index (problems, i);

      g_ptr_array_add (lines, problem->message);
      g_hash_table_insert (self->damaged, g_memdup2 (&problem->evidence_id, sizeof (gint64)),
                           g_strdup (problem->message));
    }
  /* Mark the tiles: their items are bound again. */
  g_list_model_items_changed (G_LIST_MODEL (self->evidence), 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->evidence)),
                              g_list_model_get_n_items (G_LIST_MODEL (self->evidence)));
  show_list_dialog (self, ngettext ("A File Is Missing or Changed", "Some Files Are Missing or Changed",
                                    problems->len), lines);
}

void
_rd_evidence_page_check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RdEvidencePage *self = RD_EVIDENCE_PAGE (widget);
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));

  if (rcase == NULL || self->importer != NULL)
    return;
  set_busy (self, TRUE, _("Checking evidence…"));
  rd_evidence_importer_verify_async (self->importer, self->cancellable, on_check_done_cb,
                                     g_object_ref (self));
}

