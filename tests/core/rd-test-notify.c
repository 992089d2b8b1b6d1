/* rd-test-notify.c: a stand-in for the desktop's notification service, for tests on their own session bus.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A test run under dbus-run-session has no portal and no GNOME Shell on
 * its bus, so GLib sends GNotifications through the freedesktop
 * interface: owning org.freedesktop.Notifications there lets a test count
 * what a desktop would show, through the real D-Bus API, whether the
 * sender is the test's own process or a program it runs.
 */
#include "config.h"

#include "rd-test-notify.h"

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "  </interface>"
  "</node>";

static void
notification_free (RdTestNotification *shown)
{
  g_free (shown->summary);
  g_free (shown->body);
  g_free (shown->desktop_entry);
  g_free (shown);
}

static void
on_method_cb (GDBusConnection       *connection,
              const char            *sender,
              const char            *object_path,
              const char            *interface_name,
              const char            *method_name,
              GVariant              *parameters,
              GDBusMethodInvocation *invocation,
              gpointer               user_data)
{
  GPtrArray *shown = user_data;

  if (g_str_equal (method_name, "Notify"))
    {
      g_autofree const char **actions = NULL;
      g_autoptr(GVariant) hints = NULL;
      RdTestNotification *s = g_new0 (RdTestNotification, 1);

      g_variant_get (parameters, "(&su&s&s&s^a&s@a{sv}i)", NULL, NULL, NULL, NULL, NULL,
                     &actions, &hints, NULL);
      g_variant_get_child (parameters, 3, "s", &s->summary);
      g_variant_get_child (parameters, 4, "s", &s->body);
      g_variant_lookup (hints, "desktop-entry", "s", &s->desktop_entry);
      /* Actions come in pairs: the key, then the label. */
      for (guint i = 0; actions[i] != NULL && actions[i + 1] != NULL; i += 2)
        if (g_str_equal (actions[i], "default"))
          s->has_default_action = TRUE;
      g_ptr_array_add (shown, s);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", shown->len));
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *caps[] = { "body", "actions", NULL };
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else if (g_str_equal (method_name, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "test", "redress", "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
on_name_acquired_cb (GDBusConnection *connection,
                     const char      *name,
                     gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

/**
 * rd_test_notify_serve:
 *
 * Owns org.freedesktop.Notifications on the session bus, and returns once
 * it does; the default main context answers its calls from then on, for
 * the rest of the test program.
 *
 * Returns: (transfer none) (element-type RdTestNotification): every Notify
 *   call, in order; a test may empty it
 */
GPtrArray *
rd_test_notify_serve (void)
{
  static const GDBusInterfaceVTable vtable = { on_method_cb, NULL, NULL, { 0 } };
  static gboolean owned;
  static GPtrArray *shown;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notifications_xml, &error);
  GDBusConnection *bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_no_error (error);
  g_assert_null (shown);
  shown = g_ptr_array_new_with_free_func ((GDestroyNotify) notification_free);
  g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications", info->interfaces[0],
                                     &vtable, shown, NULL, &error);
  g_assert_no_error (error);
  g_bus_own_name_on_connection (bus, "org.freedesktop.Notifications", G_BUS_NAME_OWNER_FLAGS_NONE,
                                on_name_acquired_cb, NULL, &owned, NULL);
  while (!owned && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (owned);
  return shown;
}
