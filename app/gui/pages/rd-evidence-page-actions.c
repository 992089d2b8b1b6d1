/* rd-evidence-page-actions.c: the evidence page's long work: adding files
 * (file chooser, or dropped on the window), Check Evidence, each through
 * the core's evidence importer (a service job), and reading the text of
 * scans (the OCR service), each with progress and Cancel.
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
  gtk_revealer_set_reveal_child (self->progress_revealer, busy || self->ocr_progress != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence-page.add", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence-page.read-text", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence-page.cancel",
                                 busy || self->ocr_progress != NULL);
  _rd_evidence_page_update_counts (self);
}

/* Reading the text of scans */

static void start_reading (RdEvidencePage *self,
                           gboolean        asked);

static void
on_read_progress_cb (RdEvidencePage *self)
{
  if (self->ocr_progress == NULL || self->importer != NULL)
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, rd_progress_get_fraction (self->ocr_progress));
  gtk_label_set_text (self->progress_label, rd_progress_get_message (self->ocr_progress));
}

static void
set_reading (RdEvidencePage *self,
             gboolean        reading)
{
  if (reading)
    {
      self->ocr_progress = rd_progress_new ();
      self->ocr_cancellable = g_cancellable_new ();
      g_signal_connect_object (self->ocr_progress, "notify::message", G_CALLBACK (on_read_progress_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_label_set_text (self->progress_label, _("Looking for scans to read…"));
    }
  else
    {
      g_clear_object (&self->ocr_progress);
      g_clear_object (&self->ocr_cancellable);
    }
  gtk_revealer_set_reveal_child (self->progress_revealer, reading || self->importer != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence-page.read-text",
                                 !reading && self->importer == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence-page.cancel",
                                 reading || self->importer != NULL);
}

typedef struct
{
  RdEvidencePage *self;
  gboolean        asked;   /* from Read Text of Scans, not after adding files */
} ReadJob;

static void
on_read_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ReadJob *job = user_data;
  g_autoptr(RdEvidencePage) self = job->self;
  gboolean asked = job->asked;
  g_autoptr(GError) error = NULL;
  RdOcrSummary summary;
  gboolean done;

  g_free (job);
  done = rd_ocr_case_finish (result, &summary, &error);
  set_reading (self, FALSE);
  /* Stopped for files being added or checked: it goes on after them. */
  if (!done && self->ocr_resume)
    {
      if (self->importer == NULL)
        {
          self->ocr_resume = FALSE;
          start_reading (self, FALSE);
        }
      return;
    }
  if (!done && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *text = g_strdup_printf (ngettext ("Reading stopped. The %u page read is kept, and "
                                                         "reading goes on from there next time",
                                                         "Reading stopped. The %u pages read are kept, and "
                                                         "reading goes on from there next time",
                                                         summary.pages_read),
                                               summary.pages_read);
      rd_gui_show_toast (GTK_WIDGET (self), text);
    }
  else if (!done)
    {
      /* Unasked, a missing language pack is said once, not after every file. */
      if (asked || !self->ocr_failed_once)
        rd_gui_show_toast (GTK_WIDGET (self), error->message);
      self->ocr_failed_once = TRUE;
    }
  else if (summary.pages_read > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("Read the text of %u scanned page: search finds its words now",
                                                         "Read the text of %u scanned pages: search finds their words now",
                                                         summary.pages_read),
                                               summary.pages_read);
      rd_gui_show_toast (GTK_WIDGET (self), text);
    }
  else if (asked)
    rd_gui_show_toast (GTK_WIDGET (self), _("Every scan’s text has been read already"));
}

static void
start_reading (RdEvidencePage *self,
               gboolean        asked)
{
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));
  ReadJob *job;

  if (store == NULL || rcase == NULL || self->ocr_progress != NULL || self->importer != NULL)
    return;
  set_reading (self, TRUE);
  job = g_new0 (ReadJob, 1);
  job->self = g_object_ref (self);
  job->asked = asked;
  rd_ocr_case_async (store, rd_case_get_id (rcase), NULL, self->ocr_progress, self->ocr_cancellable,
                     on_read_done_cb, job);
}

/* Stops reading (what was read is kept): for another case, or the page
 * going away. */
void
_rd_evidence_page_stop_reading (RdEvidencePage *self)
{
  self->ocr_resume = FALSE;
  g_cancellable_cancel (self->ocr_cancellable);
}

/* Makes way for adding or checking files: reading goes on after them. */
static void
pause_reading (RdEvidencePage *self)
{
  if (self->ocr_progress == NULL)
    return;
  self->ocr_resume = TRUE;
  g_cancellable_cancel (self->ocr_cancellable);
}

/* After adding or checking files: reads what is new, and what was left
 * when reading made way for them. */
static void
resume_reading (RdEvidencePage *self,
                gboolean        added)
{
  if (!added && !self->ocr_resume)
    return;
  if (self->ocr_progress != NULL)
    {
      /* Still stopping: it starts again when it has. */
      self->ocr_resume = TRUE;
      return;
    }
  self->ocr_resume = FALSE;
  start_reading (self, FALSE);
}

void
_rd_evidence_page_read_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  start_reading (RD_EVIDENCE_PAGE (widget), TRUE);
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
  /* Scans and photographed letters get their text read in the background,
   * from where the last reading stopped, so search and the bundle find it. */
  resume_reading (self, imported != NULL && imported->len > 0);
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
  pause_reading (self);
  set_busy (self, TRUE, _("Adding evidence…"));
  rd_evidence_importer_import_async (self->importer, files, n_files, self->cancellable,
                                     on_import_done_cb, g_object_ref (self));
}

/* Reading the text of scans (and not adding or checking files). */
gboolean
rd_evidence_page_is_reading (RdEvidencePage *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE_PAGE (self), FALSE);
  return self->ocr_progress != NULL && self->importer == NULL;
}

/* Adding, checking, or reading the text of scans. */
gboolean
rd_evidence_page_is_busy (RdEvidencePage *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE_PAGE (self), FALSE);
  return self->importer != NULL || self->ocr_progress != NULL;
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
  g_cancellable_cancel (self->ocr_cancellable);
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
  resume_reading (self, FALSE);
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
  pause_reading (self);
  set_busy (self, TRUE, _("Checking evidence…"));
  rd_evidence_importer_verify_async (self->importer, self->cancellable, on_check_done_cb,
                                     g_object_ref (self));
}

