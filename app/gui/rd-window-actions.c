/* rd-window-actions.c: the window's actions on the open case: new entry,
 * find, lock, the pages, the case's details and export; the shortcuts
 * window; and files dropped on the window.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * They reach the window only through its public functions (rd-window.h),
 * like the adviser actions in rd-window-advisers.c.
 */
#define G_LOG_DOMAIN "rd-window"

#include "config.h"

#include "rd-evidence-page.h"
#include "rd-export-dialog.h"
#include "rd-gui-shortcuts.h"
#include "rd-window.h"
#include "rd-window-actions.h"

static void
new_incident_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);
  GtkWidget *diary;

  /* With no case open, a diary entry needs a case first. */
  if (rd_window_get_case (self) == NULL)
    {
      if (rd_window_get_store (self) != NULL)
        rd_window_show_case_dialog (self, NULL);
      return;
    }
  diary = rd_window_show_page (self, "diary");
  gtk_widget_activate_action (diary, "diary.new-entry", NULL);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);
  GtkWidget *page;

  page = rd_window_get_visible_page (self);
  if (page != NULL)
    gtk_widget_activate_action (page, "page.find", NULL);
}

static void
lock_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdLock *lock = rd_window_get_lock (RD_WINDOW (widget));

  if (lock != NULL)
    rd_lock_lock (lock);
}

/* Puts the keyboard into the case page @page, shown, unless it is there. */
void
_rd_window_focus_page (RdWindow  *self,
                       GtkWidget *page)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (page != NULL && rd_window_get_case (self) != NULL && gtk_widget_get_mapped (page) &&
      (focus == NULL || !gtk_widget_is_ancestor (focus, page)))
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);

  /* Alt+1…5 and the buttons that lead to a page take the keyboard there
   * too: focus left on the page just hidden would be on nothing visible. */
  _rd_window_focus_page (self, rd_window_show_page (self, g_variant_get_string (parameter, NULL)));
}

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);

  if (rd_window_get_store (self) != NULL)
    rd_window_show_case_dialog (self, NULL);
}

static void
case_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);

  if (rd_window_get_case (self) != NULL)
    rd_window_show_case_dialog (self, rd_window_get_case (self));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);
  RdExportDialog *dialog;

  if (rd_window_get_store (self) == NULL || rd_window_get_case (self) == NULL)
    return;
  dialog = rd_export_dialog_new (GTK_WINDOW (self), rd_window_get_store (self), rd_window_get_case (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (rd_window_get_store (self) != NULL && !rd_window_open_case (self, g_variant_get_int64 (parameter), &error))
    rd_window_add_toast (self, error->message);
}

void
_rd_window_class_add_case_actions (GtkWidgetClass *widget_class)
{
  /* Accelerators for these are set by the application (rd-application.c). */
  gtk_widget_class_install_action (widget_class, "win.new-incident", NULL, new_incident_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "win.case-details", NULL, case_details_action);
  gtk_widget_class_install_action (widget_class, "win.open-case", "x", open_case_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  /* While locked, every win.* action but this one is disabled (rd-lock.c). */
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);
}

/**
 * rd_window_get_help_overlay:
 *
 * The shortcuts window (Ctrl+?), built the first time it is asked for.
 * GtkApplication builds gtk/help-overlay.ui, found under the resource
 * base path, for every window as the window is made: about a fifth of the
 * window's own start-up work. Redress keeps it under another name
 * (redress.gresource.xml) and builds it here instead.
 *
 * Returns: (transfer none): the window's shortcuts window
 */
GtkShortcutsWindow *
rd_window_get_help_overlay (RdWindow *self)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (self);
  GtkShortcutsWindow *overlay;

  g_return_val_if_fail (RD_IS_WINDOW (self), NULL);

  overlay = gtk_application_window_get_help_overlay (window);
  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/app/redress/Redress/rd-help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      /* As narrow as a phone's screen, 360 pixels (test-reflow) */
      rd_gui_narrow_shortcuts_window (overlay);
      /* "Diary" over "Diary" no more (test-reflow) */
      rd_gui_say_shortcuts_headings_once (overlay);
      /* Finds win.show-help-overlay here already, so adds no action of its own. */
      gtk_application_window_set_help_overlay (window, overlay);
    }
  return overlay;
}

static void
on_show_help_overlay_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (rd_window_get_help_overlay (RD_WINDOW (user_data))));
}

void
_rd_window_add_help_overlay_action (RdWindow *self)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new ("show-help-overlay", NULL);

  g_signal_connect_object (action, "activate", G_CALLBACK (on_show_help_overlay_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
}

/* Files dropped anywhere on the window of an open case become its
 * evidence: the Evidence page comes to the front and adds them. */
static gboolean
on_files_dropped_cb (GtkDropTarget *target,
                     const GValue  *value,
                     double         x,
                     double         y,
                     RdWindow      *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  GtkWidget *page;

  if (rd_window_get_case (self) == NULL)
    return FALSE;
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  page = rd_window_show_page (self, "evidence");
  if (page == NULL || files->len == 0)
    return FALSE;
  rd_evidence_page_import_files (RD_EVIDENCE_PAGE (page), (GFile **) files->pdata, files->len);
  return TRUE;
}

void
_rd_window_add_file_drop (RdWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (drop, "drop", G_CALLBACK (on_files_dropped_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
