/* rd-export-dialog.c: the export assistant: choose what goes in, make the bundle, preview and print it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bundle is made by the export service, off the main thread, and its
 * progress arrives through an RdProgress, so the window stays responsive
 * and Stop works at once. Each page's own work is in a file beside this
 * one: the exhibit list in rd-export-dialog-exhibits.c, the finished
 * bundle's page in rd-export-dialog-done.c, the chronology on its own in
 * rd-export-dialog-chronology.c and the question before an anonymised
 * bundle in rd-export-dialog-unchecked.c.
 */
#define G_LOG_DOMAIN "rd-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-export-dialog-private.h"
#include "rd-export-passwords.h"
#include "rd-gui-util.h"

G_DEFINE_FINAL_TYPE (RdExportDialog, rd_export_dialog, RD_TYPE_STORE_DIALOG)

static RdStore *
store_of (RdExportDialog *self)
{
  return rd_store_dialog_get_store (RD_STORE_DIALOG (self));
}

static RdCase *
case_of (RdExportDialog *self)
{
  return rd_store_dialog_get_case (RD_STORE_DIALOG (self));
}

/* The letter row's items, in order; the last item, "No letter", follows them. */
static const RdLetterKind letter_choices[] = {
  RD_LETTER_STAGE1_COMPLAINT,
  RD_LETTER_CHASER,
  RD_LETTER_ESCALATION,
  RD_LETTER_OMBUDSMAN_SUMMARY,
};

/* The keyboard goes to where the work is on each page: Stop while the
 * bundle is made, Open when it is ready, and Export… on the options, when
 * the dialog opens (rather than Cancel, the first button, where GTK would
 * put it) and when making it stopped. Otherwise it would stay on a button
 * the page just hid, and a screen reader would say nothing of the new
 * page. */
static void
focus_state (RdExportDialog *self,
             const char     *state)
{
  if (g_str_equal (state, "progress"))
    gtk_widget_grab_focus (self->stop_button);
  else if (g_str_equal (state, "done"))
    gtk_widget_grab_focus (self->open_button);
  else if (gtk_widget_get_realized (GTK_WIDGET (self)))
    gtk_widget_grab_focus (self->export_button);
}

/* Once shown: GTK has just put the keyboard on the first button. */
static void
on_map_cb (RdExportDialog *self)
{
  focus_state (self, gtk_stack_get_visible_child_name (self->stack));
}

static void
set_state (RdExportDialog *self,
           const char     *state)
{
  gboolean options = g_str_equal (state, "options");

  gtk_stack_set_visible_child_name (self->stack, state);
  gtk_widget_set_visible (self->export_button, options);
  gtk_button_set_label (GTK_BUTTON (self->close_button),
                        g_str_equal (state, "done") ? _("_Close") : _("_Cancel"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.save", options);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.stop", g_str_equal (state, "progress"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.chronology", options);
  focus_state (self, state);
}

static void
on_progress_cb (RdProgress     *progress,
                GParamSpec     *pspec,
                RdExportDialog *self)
{
  gtk_progress_bar_set_fraction (self->progress_bar, rd_progress_get_fraction (progress));
  gtk_progress_bar_set_text (self->progress_bar, rd_progress_get_message (progress));
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(RdExportDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdBundle) bundle = rd_export_bundle_finish (result, &error);

  g_clear_object (&self->cancellable);
  if (bundle == NULL)
    {
      g_free (self->error);
      self->error = g_strdup (error->message);
      set_state (self, "options");
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rd_gui_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  {
    g_autofree char *text = _rd_export_dialog_describe_done (self, bundle);
    g_autofree char *folder = g_path_get_dirname (self->path);
    g_autofree char *shown = g_filename_display_name (folder);
    g_autofree char *where = g_strdup_printf (_("Saved in the folder %s"), shown);

    adw_status_page_set_description (self->done_page, text);
    gtk_label_set_text (self->folder_label, where);
  }
  _rd_export_dialog_show_previews (self);
  set_state (self, "done");
}

/**
 * rd_export_dialog_export_to:
 *
 * Makes the bundle at @path (the Export button asks where first).
 */
void
rd_export_dialog_export_to (RdExportDialog *self,
                            const char     *path)
{
  g_autoptr(GArray) evidence_ids = NULL;
  g_autoptr(GHashTable) passwords = NULL;
  RdCaseBundleOptions options;
  guint letter = adw_combo_row_get_selected (self->letter_row);

  g_return_if_fail (RD_IS_EXPORT_DIALOG (self));
  g_return_if_fail (self->cancellable == NULL);

  rd_case_bundle_options_init (&options);
  options.include_letter = letter < G_N_ELEMENTS (letter_choices);
  if (options.include_letter)
    options.letter = letter_choices[letter];
  options.include_chronology = gtk_switch_get_active (self->chronology_switch);
  options.anonymise = gtk_switch_get_active (self->anonymise_switch);
  options.smaller = gtk_switch_get_active (self->smaller_switch);
  options.keep_landscape = gtk_switch_get_active (self->landscape_switch);
  options.paper = adw_combo_row_get_selected (self->paper_row) == 1 ? RD_PAPER_LETTER : RD_PAPER_A4;
  _rd_export_dialog_volume_options (self, &options);
  evidence_ids = _rd_export_dialog_dup_evidence_ids (self);
  options.evidence_ids = evidence_ids;
  /* A copy: the service reads it while the dialog may be asked for more. */
  passwords = rd_export_passwords_new ();
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, self->passwords);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_hash_table_replace (passwords, g_memdup2 (key, sizeof (gint64)), g_strdup (value));
  }
  options.passwords = passwords;

  g_free (self->path);
  self->path = g_strdup (path);
  g_clear_pointer (&self->error, g_free);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Checking the evidence"));
  set_state (self, "progress");

  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->progress);
  self->progress = rd_progress_new ();
  g_signal_connect_object (self->progress, "notify", G_CALLBACK (on_progress_cb), self, 0);
  rd_export_bundle_async (store_of (self), rd_case_get_id (case_of (self)), &options, path,
                          self->progress, self->cancellable, on_export_done, g_object_ref (self));
}

static void
on_save_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     RdExportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        rd_export_dialog_export_to (self, path);
    }
  g_object_unref (chooser);
}

static void
choose_file (RdExportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  name = g_strdup_printf (_("Bundle – %s.pdf"), rd_case_get_title (case_of (self)));
  chooser = gtk_file_chooser_native_new (_("Save the Bundle"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), g_strdelimit (name, "/\\", '-'));
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * rd_export_dialog_dup_locked:
 *
 * Returns: (transfer container) (element-type RdEvidence): the PDFs going
 *   into the bundle that need a password no one has typed yet (or whose
 *   typed password does not open them).
 */
GPtrArray *
rd_export_dialog_dup_locked (RdExportDialog *self)
{
  GPtrArray *locked = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (self->exhibits)); i < n; i++)
    {
      g_autoptr(RdEvidence) ev = g_list_model_get_item (G_LIST_MODEL (self->exhibits), i);
      gint64 id = rd_evidence_get_id (ev);

      if (rd_evidence_get_kind (ev) != RD_EVIDENCE_KIND_PDF || rd_evidence_get_path (ev) == NULL ||
          g_hash_table_contains (self->left_out, &id))
        continue;
      /* The store forgets that a PDF has a password once it has been read
       * with it, so the file itself is asked. */
      if (rd_bundle_pdf_needs_password (rd_evidence_get_path (ev),
                                        g_hash_table_lookup (self->passwords, &id)))
        g_ptr_array_add (locked, g_object_ref (ev));
    }
  return locked;
}

/* Passwords a test (or the prompt) gives for the next bundle. */
void
rd_export_dialog_set_password (RdExportDialog *self,
                               gint64          evidence_id,
                               const char     *password)
{
  if (password != NULL && *password)
    g_hash_table_replace (self->passwords, g_memdup2 (&evidence_id, sizeof evidence_id),
                          g_strdup (password));
  else
    g_hash_table_remove (self->passwords, &evidence_id);
}

static void
on_passwords_cb (GHashTable *passwords,
                 gpointer    data)
{
  g_autoptr(RdExportDialog) self = data;
  GHashTableIter iter;
  gpointer key, value;

  if (passwords == NULL)
    return;  /* cancelled */
  g_hash_table_iter_init (&iter, passwords);
  while (g_hash_table_iter_next (&iter, &key, &value))
    rd_export_dialog_set_password (self, *(gint64 *) key, value);
  _rd_export_dialog_ask_unchecked (self, choose_file);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdExportDialog *self = RD_EXPORT_DIALOG (widget);
  g_autoptr(GPtrArray) locked = rd_export_dialog_dup_locked (self);

  /* Protected PDFs first: their passwords, or they are left out. */
  if (locked->len > 0)
    rd_export_ask_passwords (GTK_WINDOW (self), locked, on_passwords_cb, g_object_ref (self));
  else
    _rd_export_dialog_ask_unchecked (self, choose_file);
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdExportDialog *self = RD_EXPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static gboolean
on_close_request_cb (GtkWindow      *window,
                     RdExportDialog *self)
{
  /* Closing while it works stops it; the half-made file is removed. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return FALSE;
}

static void
rd_export_dialog_dispose (GObject *object)
{
  RdExportDialog *self = (RdExportDialog *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chronology_cancellable != NULL)
    g_cancellable_cancel (self->chronology_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->chronology_cancellable);
  g_clear_object (&self->progress);
  g_clear_object (&self->selection);
  g_clear_object (&self->exhibits);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (rd_export_dialog_parent_class)->dispose (object);
}

static void
rd_export_dialog_finalize (GObject *object)
{
  RdExportDialog *self = (RdExportDialog *)object;

  g_clear_pointer (&self->left_out, g_hash_table_unref);
  g_clear_pointer (&self->passwords, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->chronology_path, g_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (rd_export_dialog_parent_class)->finalize (object);
}

/* The letter that fits the case's stage is chosen to begin with, so that a
 * stage 2 case does not start with a fresh stage 1 complaint; "No letter"
 * when none fits (the landlord is still in time). */
static void
choose_letter_for_stage (RdExportDialog *self)
{
  g_autoptr(GError) error = NULL;
  RdLetterKind kind;
  guint position = G_N_ELEMENTS (letter_choices);

  if (rd_case_bundle_suggest_letter (store_of (self), rd_case_get_id (case_of (self)), NULL, &kind,
                                     &error))
    {
      for (guint i = 0; i < G_N_ELEMENTS (letter_choices); i++)
        if (letter_choices[i] == kind)
          position = i;
    }
  else if (error != NULL)
    {
      g_warning ("Cannot tell which letter fits case %" G_GINT64_FORMAT ": %s",
                 rd_case_get_id (case_of (self)), error->message);
      position = 0;
    }
  adw_combo_row_set_selected (self->letter_row, position);
}

static void
rd_export_dialog_constructed (GObject *object)
{
  RdExportDialog *self = RD_EXPORT_DIALOG (object);

  G_OBJECT_CLASS (rd_export_dialog_parent_class)->constructed (object);

  choose_letter_for_stage (self);
  _rd_export_dialog_load_exhibits (self);
}

static void
rd_export_dialog_class_init (RdExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_export_dialog_dispose;
  object_class->constructed = rd_export_dialog_constructed;

  object_class->finalize = rd_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, letter_row);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, chronology_switch);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, anonymise_switch);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, smaller_switch);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, landscape_switch);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, volumes_switch);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, volume_size_spin);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, section_stamps_switch);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, exhibits_view);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, stop_button);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, folder_label);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, open_button);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, preview_box);

  gtk_widget_class_install_action (widget_class, "export.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "export.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "export.open", NULL, _rd_export_dialog_open_action);
  gtk_widget_class_install_action (widget_class, "export.print", NULL, _rd_export_dialog_print_action);
  gtk_widget_class_install_action (widget_class, "export.open-folder", NULL,
                                   _rd_export_dialog_open_folder_action);
  gtk_widget_class_install_action (widget_class, "export.move", "i", _rd_export_dialog_move_action);
  gtk_widget_class_install_action (widget_class, "export.chronology", "s",
                                   _rd_export_dialog_chronology_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "export.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "export.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "export.print", NULL);
}

static void
rd_export_dialog_init (RdExportDialog *self)
{
  self->left_out = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->passwords = rd_export_passwords_new ();
  self->exhibits = g_list_store_new (RD_TYPE_EVIDENCE);
  gtk_widget_init_template (GTK_WIDGET (self));

  rd_gui_combo_row_show_choice_in_full (self->letter_row,
                                        _("Written from the case, with every deadline the landlord missed; "
                                          "the one that fits the complaint’s stage is chosen first"));
  rd_gui_combo_row_show_choice_in_full (self->paper_row, NULL);
  _rd_export_dialog_init_exhibits (self);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  set_state (self, "options");
}

RdExportDialog *
rd_export_dialog_new (GtkWindow *parent,
                      RdStore   *store,
                      RdCase    *rcase)
{
  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (RD_IS_CASE (rcase), NULL);

  return g_object_new (RD_TYPE_EXPORT_DIALOG, "transient-for", parent, "store", store, "case", rcase,
                       NULL);
}

/* "options", "progress" or "done" */
const char *
rd_export_dialog_get_state (RdExportDialog *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

/* Why the last export stopped, or NULL */
const char *
rd_export_dialog_get_error (RdExportDialog *self)
{
  return self->error;
}
