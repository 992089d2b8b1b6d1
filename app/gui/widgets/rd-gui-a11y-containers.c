/* rd-gui-a11y-containers.c: what a screen reader says of the containers
 * the focus goes into: the pages of a stack, a menu and a list of tabs.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-gui-a11y.h"
#include "rd-gui-a11y-private.h"

/* On a page's child or a menu: the rules named it (so it is done once). */
#define PAGE_NAMED_KEY "rd-a11y-container-named"

/*
 * Orca says each container the focus goes into, by its name and role,
 * before the control that has the focus, and says nothing of one without
 * a name. GTK 4.8 names whatever has no name after its type, but for plain
 * containers: a GtkStackPage without a title is "GtkStackPage", and Orca
 * said "GtkStackPage panel" each time the focus went into a page of the
 * window, of the Diary's list or of its editor. A stack's page is named by
 * its title; one without a title is only where its child sits, and is
 * named by nothing (an empty name, which GTK keeps), so Orca goes straight
 * to what it holds.
 */
static void
on_stack_page_title_notify_cb (GtkStackPage *page)
{
  const char *title = gtk_stack_page_get_title (page);

  gtk_accessible_update_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : "", -1);
}

/*
 * libadwaita 1.2 gives the pages of a view stack (the open case's What
 * Next, Diary, Contacts…) no object of their own: each page's child is
 * the container Orca enters, and was said by nothing, so that Alt+2 said
 * only the first control of the Diary. The child is named by its page's
 * title, unless Redress named it, so that going to a page says which page
 * it is ("Diary panel": a case's page is a group, which Orca says, see
 * rd-case-page.c).
 */
static void
on_view_stack_page_title_notify_cb (AdwViewStackPage *page)
{
  GtkWidget *child = adw_view_stack_page_get_child (page);
  const char *title = adw_view_stack_page_get_title (page);

  gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : "", -1);
}

/* On a menu button: what its menu is called (rd_gui_name_menu()). */
#define MENU_NAME_KEY "rd-a11y-menu-name"

/* The name of a menu whose button shows only an icon, by what the icon
 * means, as a screen reader says it before its own word for a menu. */
static const char *
get_icon_menu_name (const char *icon_name)
{
  if (g_strcmp0 (icon_name, "open-menu-symbolic") == 0)
    /* Translators: the main menu's name, which a screen reader says
     * followed by its own word for a menu ("Main menu"): what kind of
     * menu it is, without that word. */
    return C_("menu's name", "Main");
  if (g_strcmp0 (icon_name, "view-more-symbolic") == 0)
    /* Translators: the name of a menu of more things to do, which a
     * screen reader says followed by its own word for a menu. */
    return C_("menu's name", "More");
  return NULL;
}

/*
 * A menu (GtkPopoverMenu) without a name was "GtkPopoverMenu menu" as it
 * opened. Named after its button ("Main menu"), it was "Main menu menu":
 * a screen reader says a menu's name and then its own word for a menu,
 * in its own language, so a menu's name is what kind of menu it is,
 * without that word ("Main", said "Main menu"). It is the name Redress
 * gave it where the button is made, else the words the button shows,
 * else what its icon means, else nothing (the screen reader still says
 * "menu").
 */
static void
name_menu (GtkWidget *menu)
{
  GtkWidget *opener = gtk_widget_get_parent (menu);
  const char *name = NULL;

  if (opener != NULL)
    name = g_object_get_data (G_OBJECT (opener), MENU_NAME_KEY);
  if (name == NULL && GTK_IS_MENU_BUTTON (opener))
    name = gtk_menu_button_get_label (GTK_MENU_BUTTON (opener));
  if (name == NULL && GTK_IS_MENU_BUTTON (opener))
    name = get_icon_menu_name (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (opener)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name != NULL ? name : "", -1);
}

/**
 * rd_gui_name_menu:
 * @button: a menu button
 * @name: what its menu is called, without the word for a menu, which a
 *   screen reader says after it ("Main" for the main menu)
 *
 * Names the menu @button opens, whenever it is made.
 */
void
rd_gui_name_menu (GtkMenuButton *button,
                  const char    *name)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (name != NULL);

  g_object_set_data_full (G_OBJECT (button), MENU_NAME_KEY, g_strdup (name), g_free);
}

/*
 * A list of page tabs (libadwaita's view switcher) that nothing names was
 * "AdwViewSwitcher": Orca leaves out the list around a tab, but another
 * reader says it. Its tabs say themselves; it is named by nothing.
 */
static gboolean
is_nameless_tab_list (GtkWidget *widget)
{
  return gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_TAB_LIST &&
         !_rd_gui_a11y_has_name (widget);
}

/**
 * _rd_gui_a11y_name_container:
 * @widget: any widget
 *
 * Names @widget if it is a menu or a list of tabs, and the page of a
 * stack that it is the child of, as said above; a name Redress gave is
 * kept.
 */
void
_rd_gui_a11y_name_container (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (parent == NULL || g_object_get_data (G_OBJECT (widget), PAGE_NAMED_KEY) != NULL)
    return;

  if (GTK_IS_POPOVER_MENU (widget) && !_rd_gui_a11y_has_name (widget))
    {
      g_object_set_data (G_OBJECT (widget), PAGE_NAMED_KEY, GINT_TO_POINTER (TRUE));
      name_menu (widget);
    }
  else if (is_nameless_tab_list (widget))
    {
      g_object_set_data (G_OBJECT (widget), PAGE_NAMED_KEY, GINT_TO_POINTER (TRUE));
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
    }
  else if (GTK_IS_STACK (parent))
    {
      GtkStackPage *page = gtk_stack_get_page (GTK_STACK (parent), widget);

      if (page == NULL)
        return;
      g_object_set_data (G_OBJECT (widget), PAGE_NAMED_KEY, GINT_TO_POINTER (TRUE));
      on_stack_page_title_notify_cb (page);
      g_signal_connect (page, "notify::title", G_CALLBACK (on_stack_page_title_notify_cb), NULL);
    }
  else if (ADW_IS_VIEW_STACK (parent))
    {
      AdwViewStackPage *page = adw_view_stack_get_page (ADW_VIEW_STACK (parent), widget);

      if (page == NULL || _rd_gui_a11y_has_name (widget))
        return;
      g_object_set_data (G_OBJECT (widget), PAGE_NAMED_KEY, GINT_TO_POINTER (TRUE));
      on_view_stack_page_title_notify_cb (page);
      g_signal_connect (page, "notify::title", G_CALLBACK (on_view_stack_page_title_notify_cb), NULL);
    }
}
