/* rd-gui-window-title.c: a header's title and subtitle shown whole.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-gui"

#include "config.h"

#include "rd-gui-window-title.h"

/* Wider than this, a title breaks onto a second line even when the header
 * has room: a line much longer is hard to read at a glance. */
#define TITLE_MAX_WIDTH_CHARS 40

static void
wrap_labels (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      GtkLabel *label = GTK_LABEL (widget);

      gtk_label_set_single_line_mode (label, FALSE);
      gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_NONE);
      gtk_label_set_wrap (label, TRUE);
      gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD);
      gtk_label_set_justify (label, GTK_JUSTIFY_CENTER);
      if (gtk_label_get_max_width_chars (label) < 0)
        gtk_label_set_max_width_chars (label, TITLE_MAX_WIDTH_CHARS);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    wrap_labels (child);
}

/**
 * rd_gui_wrap_window_title:
 *
 * Makes @title show its title and subtitle whole, breaking them between
 * words onto as many centred lines as the header needs, where libadwaita
 * 1.2 keeps each on one line and cuts it short with "…" ("Step 3 of 5:
 * What Has Gone W…" at 360 pixels, or with large text). The window keeps
 * the title it takes from its header (rd-gui-a11y.c): only how the
 * labels lay their text out changes.
 */
void
rd_gui_wrap_window_title (AdwWindowTitle *title)
{
  g_return_if_fail (ADW_IS_WINDOW_TITLE (title));

  if (g_object_get_data (G_OBJECT (title), "rd-wrapped") != NULL)
    return;
  g_object_set_data (G_OBJECT (title), "rd-wrapped", GINT_TO_POINTER (TRUE));
  wrap_labels (GTK_WIDGET (title));
}

static gboolean
on_widget_map_hook_cb (GSignalInvocationHint *hint,
                       guint                  n_params,
                       const GValue          *params,
                       gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&params[0]);

  if (ADW_IS_WINDOW_TITLE (widget))
    rd_gui_wrap_window_title (ADW_WINDOW_TITLE (widget));
  return TRUE;
}

static gsize titles_installed;

/**
 * rd_gui_install_whole_window_titles:
 *
 * From now on, every header's title (an #AdwWindowTitle, in a dialog, a
 * page or a window made later) is wrapped by rd_gui_wrap_window_title()
 * as it maps.
 */
void
rd_gui_install_whole_window_titles (void)
{
  if (g_once_init_enter (&titles_installed))
    {
      /* The class must exist before its signals can be looked up. */
      GTypeClass *klass = g_type_class_ref (GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                  on_widget_map_hook_cb, NULL, NULL);
      g_type_class_unref (klass);
      g_once_init_leave (&titles_installed, 1);
    }
}
