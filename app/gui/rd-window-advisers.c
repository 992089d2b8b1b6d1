/* rd-window-advisers.c: win.show-cases, win.client-record, win.erase-case.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-client-record-dialog.h"
#include "rd-window.h"
#include "rd-window-advisers.h"

static void
show_cases_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  rd_window_show_cases (RD_WINDOW (widget));
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

/* Erasing runs on its own connection in a worker: VACUUM on a big store
 * takes a while, and the window must stay responsive. */
static void
erase_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  RdStore *main_store = rd_window_get_store (RD_WINDOW (source));
  gint64 case_id = *(gint64 *) task_data;
  g_autoptr(RdStore) store = NULL;
  GError *error = NULL;

  store = rd_store_open_secondary (main_store, &error);
  if (store == NULL || !rd_store_erase_case (store, case_id, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
erase_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  RdWindow *self = RD_WINDOW (source);
  g_autoptr(GError) error = NULL;
  gint64 case_id = *(gint64 *) g_task_get_task_data (G_TASK (result));

  /* The worker's connection told only itself: tell this one's listeners. */
  rd_store_emit_changed (rd_window_get_store (self), "cases", case_id);
  rd_store_emit_changed (rd_window_get_store (self), "evidence", case_id);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
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
  g_autoptr(GTask) task = NULL;

  if (!g_str_equal (response, "erase") || rd_window_get_case (self) == NULL ||
      rd_case_get_id (rd_window_get_case (self)) != case_id)
    return;

  /* Pages write what is pending and let go of the case first. */
  rd_window_close_case (self);
  task = g_task_new (self, NULL, erase_done_cb, NULL);
  g_task_set_source_tag (task, on_erase_response_cb);
  g_task_set_task_data (task, g_memdup2 (&case_id, sizeof case_id), g_free);
  g_task_run_in_thread (task, erase_thread);
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

/**
 * _rd_window_class_add_adviser_actions:
 *
 * Called from RdWindow's class_init.
 */
void
_rd_window_class_add_adviser_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-cases", NULL, show_cases_action);
  gtk_widget_class_install_action (widget_class, "win.client-record", NULL, client_record_action);
  gtk_widget_class_install_action (widget_class, "win.erase-case", NULL, erase_case_action);
}
