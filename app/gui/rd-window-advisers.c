/* rd-window-advisers.c: win.show-cases and the case list, win.client-record, win.erase-case.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-case-list-page.h"
#include "rd-client-record-dialog.h"
#include "rd-gui-util.h"
#include "rd-window.h"
#include "rd-window-advisers.h"

/* What only an adviser does with a client's case; a resident on their own
 * case is not offered them (menu items hide while their action is off). */
static const char * const adviser_actions[] = {
  "win.client-record",
  "win.export-case",
  "win.erase-case",
};

/**
 * _rd_window_update_adviser_actions:
 *
 * Turns the adviser's actions on when whoever uses Redress here has said
 * they are an adviser, or the open case is a client's (it has a client
 * record, say from an adviser's hand-over), and off otherwise.
 */
void
_rd_window_update_adviser_actions (RdWindow *self)
{
  RdStore *store = rd_window_get_store (self);
  RdCase *rcase = rd_window_get_case (self);
  gboolean adviser = FALSE;

  if (store != NULL && rcase != NULL)
    {
      adviser = rd_store_get_adviser_mode (store);
      if (!adviser)
        {
          g_autoptr(RdCaseAdmin) admin = rd_store_get_case_admin (store, rd_case_get_id (rcase), NULL);

          adviser = admin != NULL && rd_case_admin_is_client_case (admin);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (adviser_actions); i++)
    rd_gui_action_set_enabled (GTK_WIDGET (self), adviser_actions[i], adviser);
}

static void
show_cases_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  rd_window_show_cases (RD_WINDOW (widget));
}

/* All Cases is shown over the open case: back shows that case again, as
 * it was. With no case open the list is the start, with nowhere to go back. */
static gboolean
showing_cases_over_case (RdWindow *self)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (self), RD_TYPE_WINDOW,
                                                             "main_stack"));

  return rd_window_get_case (self) != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (stack), "cases") == 0;
}

static void
back_to_case_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);

  if (showing_cases_over_case (self))
    rd_window_open_case (self, rd_case_get_id (rd_window_get_case (self)), NULL);
}

/* The case list is made the first time it is shown, not with the window:
 * most starts open a case, and the list's templates, rows and worker
 * would only delay that case's first frame. */
static void
ensure_case_list (RdWindow *self)
{
  AdwBin *bin = ADW_BIN (gtk_widget_get_template_child (GTK_WIDGET (self), RD_TYPE_WINDOW,
                                                        "case_list_bin"));

  if (adw_bin_get_child (bin) != NULL || rd_window_get_store (self) == NULL)
    return;
  adw_bin_set_child (bin, g_object_new (RD_TYPE_CASE_LIST_PAGE,
                                        "store", rd_window_get_store (self),
                                        NULL));
}

static void
on_main_stack_child_cb (RdWindow *self)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (self), RD_TYPE_WINDOW,
                                                             "main_stack"));
  GtkWidget *back = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), RD_TYPE_WINDOW,
                                                               "cases_back_button"));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "cases") == 0)
    ensure_case_list (self);
  gtk_widget_set_visible (back, showing_cases_over_case (self));
}

/* Called once the template is built. */
void
_rd_window_init_adviser_ui (RdWindow *self)
{
  GObject *stack = gtk_widget_get_template_child (GTK_WIDGET (self), RD_TYPE_WINDOW, "main_stack");

  g_signal_connect_object (stack, "notify::visible-child-name", G_CALLBACK (on_main_stack_child_cb),
                           self, G_CONNECT_SWAPPED);
  /* No case yet, so nothing of a client's to offer. The window calls
   * _rd_window_update_adviser_actions() again whenever the case or the
   * cases change (adviser mode and client records are kept with them). */
  _rd_window_update_adviser_actions (self);
}

static void
client_record_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);
  RdCase *rcase = rd_window_get_case (self);
  g_autoptr(GError) error = NULL;
  RdClientRecordDialog *dialog;

  if (rcase == NULL || rd_window_get_store (self) == NULL)
    return;
  dialog = rd_client_record_dialog_new (GTK_WINDOW (self), rd_window_get_store (self),
                                        rd_case_get_id (rcase), &error);
  if (dialog == NULL)
    {
      rd_window_add_toast (self, error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The erase service works off the main thread (VACUUM on a big store takes
 * a while) and tells this window's connection what changed. */
static void
erase_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RdWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rd_erase_case_finish (result, &error))
    {
      rd_window_add_toast (self, error->message);
      return;
    }
  rd_window_add_toast (self, _("The client was erased from this computer"));
}

static void
on_erase_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      RdWindow         *self)
{
  gint64 case_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "case-id"));

  if (!g_str_equal (response, "erase") || rd_window_get_case (self) == NULL ||
      rd_case_get_id (rd_window_get_case (self)) != case_id)
    return;

  /* Pages write what is pending and let go of the case first. */
  rd_window_close_case (self);
  rd_erase_case_async (rd_window_get_store (self), case_id, NULL, NULL, erase_done_cb,
                       g_object_ref (self));
}

static void
erase_case_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);
  RdCase *rcase = rd_window_get_case (self);
  RdStore *store = rd_window_get_store (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCaseAdmin) admin = NULL;
  g_autofree char *name = NULL;
  g_autofree char *what = NULL;
  g_autofree char *body = NULL;
  RdEraseSummary summary = { 0 };
  AdwMessageDialog *dialog;

  if (rcase == NULL || store == NULL)
    return;
  admin = rd_store_get_case_admin (store, rd_case_get_id (rcase), &error);
  if (admin == NULL || !rd_store_summarise_case (store, rd_case_get_id (rcase), &summary, &error))
    {
      rd_window_add_toast (self, error->message);
      return;
    }
  name = rd_case_admin_dup_display_name (admin, rcase);
  what = rd_erase_summary_describe (&summary);
  body = g_strdup_printf (_("“%s” and everything kept about them will be removed from this "
                            "computer for good: the case, %s. This cannot be undone. To hand "
                            "the case to a colleague, export it first."),
                          name, what);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Erase This Client?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "erase", _("_Erase for Good"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "erase", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "case-id", GSIZE_TO_POINTER (rd_case_get_id (rcase)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_erase_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/*
 * Hand-over: the hand-over service exports and imports off the main
 * thread; a toast shows they are under way and offers Cancel.
 */
typedef struct {
  RdWindow *window;
  char     *path;
} HandoverCall;

static HandoverCall *
handover_call_new (RdWindow   *window,
                   const char *path)
{
  HandoverCall *call = g_new0 (HandoverCall, 1);

  call->window = g_object_ref (window);
  call->path = g_strdup (path);
  return call;
}

static void
handover_call_free (HandoverCall *call)
{
  g_object_unref (call->window);
  g_free (call->path);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HandoverCall, handover_call_free)

static void
on_work_progress_cb (RdProgress *progress,
                     GParamSpec *pspec,
                     AdwToast   *toast)
{
  const char *message = rd_progress_get_message (progress);

  if (message != NULL)
    adw_toast_set_title (toast, message);
}

/* The toast says each phase of the work as it begins (see
 * rd_handover_export_async()). */
static RdProgress *
show_work_toast (RdWindow     *self,
                 const char   *message,
                 GCancellable *cancellable)
{
  AdwToast *toast = adw_toast_new (message);
  RdProgress *progress = rd_progress_new ();

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("_Cancel"));
  adw_toast_set_action_name (toast, "win.cancel-archive");
  g_object_set_data_full (G_OBJECT (self), "rd-archive-cancellable", g_object_ref (cancellable),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (self), "rd-archive-toast", g_object_ref (toast), g_object_unref);
  g_signal_connect_object (progress, "notify::message", G_CALLBACK (on_work_progress_cb), toast, 0);
  rd_window_show_toast (self, toast);
  return progress;
}

static void
end_work_toast (RdWindow *self)
{
  AdwToast *toast = g_object_get_data (G_OBJECT (self), "rd-archive-toast");

  if (toast != NULL)
    adw_toast_dismiss (toast);
  g_object_set_data (G_OBJECT (self), "rd-archive-toast", NULL);
  g_object_set_data (G_OBJECT (self), "rd-archive-cancellable", NULL);
}

static void
cancel_archive_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_cancellable_cancel (g_object_get_data (G_OBJECT (widget), "rd-archive-cancellable"));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HandoverCall) call = user_data;
  RdWindow *self = call->window;
  const char *path = call->path;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = g_filename_display_basename (path);

  end_work_toast (self);
  if (!rd_handover_export_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rd_window_add_toast (self, error->message);
      return;
    }
  message = g_strdup_printf (_("Case exported to “%s”, with its evidence"), name);
  rd_window_add_toast (self, message);
}

/**
 * rd_window_export_case_to:
 *
 * Writes the open case to the archive @path in a worker (what Export
 * Case… does once a file is chosen).
 */
void
rd_window_export_case_to (RdWindow   *self,
                          const char *path)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RdProgress) progress = NULL;

  g_return_if_fail (RD_IS_WINDOW (self));

  if (rd_window_get_case (self) == NULL)
    return;
  progress = show_work_toast (self, _("Exporting the case…"), cancellable);
  rd_handover_export_async (rd_window_get_store (self), rd_case_get_id (rd_window_get_case (self)),
                            path, progress, cancellable, export_done_cb, handover_call_new (self, path));
}

static void import_case (RdWindow                 *self,
                         const char               *path,
                         RdCaseArchiveImportFlags  flags);

static void
on_duplicate_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          RdWindow         *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");

  g_object_set_data (G_OBJECT (self), "rd-duplicate-dialog", NULL);
  if (g_str_equal (response, "copy"))
    import_case (self, path, RD_CASE_ARCHIVE_IMPORT_AS_COPY);
}

/* The same hand-over taken in twice: ask before making a second copy. */
static void
ask_import_as_copy (RdWindow   *self,
                    const char *path,
                    GError     *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Case Already Here"),
                                                       error->message));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "copy", _("_Import as a Copy"),
                                    NULL);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  /* Tests answer it from here. */
  g_object_set_data (G_OBJECT (self), "rd-duplicate-dialog", dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_duplicate_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HandoverCall) call = user_data;
  RdWindow *self = call->window;
  const char *path = call->path;
  g_autoptr(GError) error = NULL;
  gint64 case_id;

  end_work_toast (self);
  case_id = rd_handover_import_finish (result, &error);
  if (case_id == 0)
    {
      if (g_error_matches (error, RD_CASE_ARCHIVE_ERROR, RD_CASE_ARCHIVE_ERROR_DUPLICATE))
        ask_import_as_copy (self, path, error);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rd_window_add_toast (self, error->message);
      return;
    }
  if (!rd_window_open_case (self, case_id, &error))
    rd_window_add_toast (self, error->message);
  else
    rd_window_add_toast (self, _("Case imported, with its evidence"));
}

/**
 * rd_window_import_case_from:
 *
 * Takes the archive @path in, in a worker, and opens the new case (what
 * Import Case… does once a file is chosen). When the case is here already,
 * a dialog asks whether to import it as a copy.
 */
void
rd_window_import_case_from (RdWindow   *self,
                            const char *path)
{
  g_return_if_fail (RD_IS_WINDOW (self));

  import_case (self, path, 0);
}

static void
import_case (RdWindow                 *self,
             const char               *path,
             RdCaseArchiveImportFlags  flags)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RdProgress) progress = NULL;

  if (rd_window_get_store (self) == NULL)
    return;
  progress = show_work_toast (self, _("Checking and importing the case…"), cancellable);
  rd_handover_import_async (rd_window_get_store (self), path, flags, progress, cancellable,
                            import_done_cb, handover_call_new (self, path));
}

static void
add_archive_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Redress case archives"));
  gtk_file_filter_add_pattern (filter, "*" RD_CASE_ARCHIVE_SUFFIX);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
on_export_chosen_cb (GtkNativeDialog *native,
                     int              response,
                     RdWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    {
      if (!g_str_has_suffix (path, RD_CASE_ARCHIVE_SUFFIX))
        {
          char *with_suffix = g_strconcat (path, RD_CASE_ARCHIVE_SUFFIX, NULL);
          g_free (path);
          path = with_suffix;
        }
      rd_window_export_case_to (self, path);
    }
  g_object_unref (native);
}

static void
export_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);
  RdCase *rcase = rd_window_get_case (self);
  g_autoptr(RdCaseAdmin) admin = NULL;
  g_autofree char *name = NULL;
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *native;

  if (rcase == NULL || rd_window_get_store (self) == NULL)
    return;
  admin = rd_store_get_case_admin (rd_window_get_store (self), rd_case_get_id (rcase), NULL);
  /* A client who prefers not to be named is not named in the file name. */
  name = admin ? rd_case_admin_dup_display_name (admin, rcase) : g_strdup (rd_case_get_title (rcase));
  g_strdelimit (name, "/\\:", '-');
  suggested = g_strconcat (name, RD_CASE_ARCHIVE_SUFFIX, NULL);

  native = gtk_file_chooser_native_new (_("Export Case"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested);
  add_archive_filter (GTK_FILE_CHOOSER (native));
  g_signal_connect_object (native, "response", G_CALLBACK (on_export_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_import_chosen_cb (GtkNativeDialog *native,
                     int              response,
                     RdWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    rd_window_import_case_from (self, path);
  g_object_unref (native);
}

static void
import_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);
  GtkFileChooserNative *native;

  if (rd_window_get_store (self) == NULL)
    return;
  native = gtk_file_chooser_native_new (_("Import Case"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_archive_filter (GTK_FILE_CHOOSER (native));
  g_signal_connect_object (native, "response", G_CALLBACK (on_import_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/**
 * _rd_window_class_add_adviser_actions:
 *
 * Called from RdWindow's class_init.
 */
void
_rd_window_class_add_adviser_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-cases", NULL, show_cases_action);
  gtk_widget_class_install_action (widget_class, "win.back-to-case", NULL, back_to_case_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back-to-case", NULL);
  gtk_widget_class_bind_template_child_full (widget_class, "cases_back_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "case_list_bin", FALSE, 0);
  gtk_widget_class_install_action (widget_class, "win.client-record", NULL, client_record_action);
  gtk_widget_class_install_action (widget_class, "win.erase-case", NULL, erase_case_action);
  gtk_widget_class_install_action (widget_class, "win.export-case", NULL, export_case_action);
  gtk_widget_class_install_action (widget_class, "win.import-case", NULL, import_case_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-archive", NULL, cancel_archive_action);
}
