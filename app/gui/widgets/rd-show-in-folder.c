/* rd-show-in-folder.c: shows a file in the desktop's file manager.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-show-in-folder"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-gui-util.h"
#include "rd-show-in-folder.h"

/* The freedesktop.org file manager interface that Files, Dolphin, Nemo and
 * others implement: it opens the folder with the file selected. */
#define FILE_MANAGER_NAME      "org.freedesktop.FileManager1"
#define FILE_MANAGER_PATH      "/org/freedesktop/FileManager1"
#define FILE_MANAGER_INTERFACE "org.freedesktop.FileManager1"

typedef struct {
  GtkWidget *widget;
  GFile     *file;
} ShowCall;

static void
show_call_free (ShowCall *call)
{
  g_clear_object (&call->widget);
  g_clear_object (&call->file);
  g_free (call);
}

/* Without a file manager on the bus, the folder opens in the program that
 * opens folders; the file is then not selected, but the done page names it.
 * The folder is handed over as a local file, never as a URI (no URI may
 * lead off this computer: see check-no-network.sh). */
static void
open_folder (ShowCall *call)
{
  g_autoptr(GFile) folder = g_file_get_parent (call->file);
  g_autoptr(GAppInfo) app = g_app_info_get_default_for_type ("inode/directory", FALSE);
  g_autoptr(GAppLaunchContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GList files = { folder, NULL, NULL };

  if (app == NULL || folder == NULL)
    {
      rd_gui_show_toast (call->widget, _("No program on this computer opens folders."));
      show_call_free (call);
      return;
    }
  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (call->widget)));
  if (!g_app_info_launch (app, &files, context, &error))
    {
      g_warning ("Could not open the folder: %s", error->message);
      rd_gui_show_toast (call->widget, _("No program on this computer opens folders."));
    }
  show_call_free (call);
}

static void
on_show_items_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ShowCall *call = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply != NULL)
    {
      show_call_free (call);
      return;
    }
  g_debug ("No file manager took ShowItems: %s", error->message);
  open_folder (call);
}

static void
on_bus_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ShowCall *call = user_data;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  const char *uris[2] = { NULL, NULL };

  bus = g_bus_get_finish (result, &error);
  if (bus == NULL)
    {
      g_debug ("No session bus for the file manager: %s", error->message);
      open_folder (call);
      return;
    }
  uri = g_file_get_uri (call->file);
  uris[0] = uri;
  /* No startup id: GTK 4.8 gives none without a GAppInfo to launch. */
  g_dbus_connection_call (bus, FILE_MANAGER_NAME, FILE_MANAGER_PATH, FILE_MANAGER_INTERFACE,
                          "ShowItems", g_variant_new ("(^ass)", uris, ""), NULL,
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, on_show_items_cb, call);
}

/**
 * rd_show_in_folder:
 * @widget: where the request comes from; a failure is shown as its toast
 * @file: a local file
 *
 * Opens the folder that holds @file in the file manager, with @file
 * selected where the file manager can do that. Returns at once.
 */
void
rd_show_in_folder (GtkWidget *widget,
                   GFile     *file)
{
  ShowCall *call;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (G_IS_FILE (file));

  call = g_new0 (ShowCall, 1);
  call->widget = g_object_ref (widget);
  call->file = g_object_ref (file);
  g_bus_get (G_BUS_TYPE_SESSION, NULL, on_bus_cb, call);
}
