/* rd-gui-group-title.c: a preferences group's title shown whole.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-gui"

#include "config.h"

#include "rd-gui-group-title.h"
#include "rd-gui-util.h"

static void
wrap_headings (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      GtkLabel *label = GTK_LABEL (widget);

      if (!gtk_widget_has_css_class (widget, "heading"))
        return;
      rd_gui_label_wrap_whole (label);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    wrap_headings (child);
}

/**
 * rd_gui_wrap_group_title:
 *
 * Makes @group show its title whole, breaking it between words onto as
 * many lines as it needs, where libadwaita 1.2 keeps it on one line and
 * cuts it short with "…" ("How the Landlord Should Con…" at twice the
 * text size). Its description wraps already. Only the group's header is
 * touched (the first part of the box libadwaita lays the group out in, the
 * rows and anything else added to the group being in the second): there
 * the title is the label styled as a heading. The group's list keeps its
 * name, which libadwaita takes from that label.
 */
void
rd_gui_wrap_group_title (AdwPreferencesGroup *group)
{
  GtkWidget *box;
  GtkWidget *header;

  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  if (g_object_get_data (G_OBJECT (group), "rd-wrapped") != NULL)
    return;
  g_object_set_data (G_OBJECT (group), "rd-wrapped", GINT_TO_POINTER (TRUE));
  box = gtk_widget_get_first_child (GTK_WIDGET (group));
  header = box != NULL ? gtk_widget_get_first_child (box) : NULL;
  /* A group with no header of its own has nothing to wrap; its rows'
   * labels are never headings of the group. */
  if (header == NULL || GTK_IS_LIST_BOX (header) || gtk_widget_get_next_sibling (header) == NULL)
    return;
  wrap_headings (header);
}

static gboolean
on_widget_map_hook_cb (GSignalInvocationHint *hint,
                       guint                  n_params,
                       const GValue          *params,
                       gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&params[0]);

  if (ADW_IS_PREFERENCES_GROUP (widget))
    rd_gui_wrap_group_title (ADW_PREFERENCES_GROUP (widget));
  return TRUE;
}

static gsize titles_installed;

/**
 * rd_gui_install_whole_group_titles:
 *
 * From now on, every preferences group's title (in a page, a dialog or
 * the preferences window, made now or later) is wrapped by
 * rd_gui_wrap_group_title() as the group maps.
 */
void
rd_gui_install_whole_group_titles (void)
{
  if (g_once_init_enter (&titles_installed))
    {
      rd_gui_add_map_hook (on_widget_map_hook_cb);
      g_once_init_leave (&titles_installed, 1);
    }
}
