/* rd-window.c: the main Redress window.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-window.h"

struct _RdWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
};

G_DEFINE_FINAL_TYPE (RdWindow, rd_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_store_state (RdWindow *self)
{
  RdApplication *app = RD_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  const GError *error = rd_application_get_store_error (app);

  if (error != NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      return;
    }
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
}

RdWindow *
rd_window_new (RdApplication *application)
{
  RdWindow *self = g_object_new (RD_TYPE_WINDOW, "application", application, NULL);

  /* "application" is not a construct property, so the store can only be
   * looked at once g_object_new() has set it. */
  show_store_state (self);
  return self;
}

static gboolean
rd_window_close_request (GtkWindow *window)
{
  RdWindow *self = RD_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (rd_window_parent_class)->close_request (window);
}

static void
rd_window_dispose (GObject *object)
{
  RdWindow *self = RD_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rd_window_parent_class)->dispose (object);
}

static void
rd_window_class_init (RdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rd_window_dispose;
  window_class->close_request = rd_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RdWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, error_page);
}

static void
rd_window_init (RdWindow *self)
{
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}
