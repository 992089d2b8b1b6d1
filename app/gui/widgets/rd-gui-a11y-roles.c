/* rd-gui-a11y-roles.c: what a screen reader calls a window and a drop-down.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-gui"

#include "config.h"

#include "rd-gui-a11y-private.h"

/* On a window: the rule below gave it its role. */
#define ROLE_GIVEN_KEY "rd-a11y-window-role"

static void (*window_set_property) (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec);
static void (*drop_down_constructed) (GObject *object);

/*
 * GTK 4.8 makes a widget's accessible object as the widget is made, when
 * only GtkWidget's part of it exists, so with the role of no role in
 * particular, and gives it its class's role ("frame" for a window) only
 * as the window maps. If anything uses that object before (the focus
 * given to a control before the window is shown, as New Case and the
 * letter window do, a control made unfocusable as the window maps), it
 * keeps that first role for good: Orca said "filler" of New Case, Case
 * Details, the letter, Add a Step, Export and Preferences. A window that
 * belongs to another (transient for it, or modal) is a dialog: it is
 * given that role at once, as soon as it is known to be one (its
 * "transient-for" or "modal" is set, most often while it is made), and
 * otherwise as it is realized, before GTK's own realize; it keeps its
 * title as its name. A role can only be given while nothing has used the
 * accessible object: till then GTK answers with the class's role, never
 * with that first one, so a window that answers with it is left as it is.
 */
static void
give_window_its_role (GtkWindow *window)
{
  GtkAccessibleRole role;

  if (g_object_get_data (G_OBJECT (window), ROLE_GIVEN_KEY) != NULL)
    return;
  if (gtk_window_get_transient_for (window) == NULL && !gtk_window_get_modal (window))
    return;
  role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (window));
  if (role == GTK_ACCESSIBLE_ROLE_WIDGET)
    return;
  g_object_set_data (G_OBJECT (window), ROLE_GIVEN_KEY, GINT_TO_POINTER (TRUE));
  if (role != GTK_ACCESSIBLE_ROLE_DIALOG && role != GTK_ACCESSIBLE_ROLE_ALERT_DIALOG)
    g_object_set (window, "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG, NULL);
}

/* Every window's properties, whatever its type: GObject sets a property
 * through the class that installed it, GtkWindow's for these two. */
static void
set_window_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  window_set_property (object, prop_id, value, pspec);
  if (g_str_equal (pspec->name, "transient-for") || g_str_equal (pspec->name, "modal"))
    give_window_its_role (GTK_WINDOW (object));
}

/**
 * _rd_gui_a11y_give_window_role:
 * @window: a window about to be realized
 *
 * Gives @window the role of a dialog if it belongs to another window and
 * has not been given it yet (its transient parent set by
 * gtk_window_set_transient_for(), not as a property).
 */
void
_rd_gui_a11y_give_window_role (GtkWindow *window)
{
  give_window_its_role (window);
}

/* The button a drop-down shows its choice on, which takes the focus. */
static GtkWidget *
find_drop_down_button (GtkWidget *drop_down)
{
  for (GtkWidget *child = gtk_widget_get_first_child (drop_down);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      return child;
  return NULL;
}

/*
 * A GtkDropDown is a combo box around the toggle button that takes the
 * focus and shows its choice: Orca said the combo box as the focus went
 * into it and then the button, both by the name ("Show one category
 * combo box", then "Show one category push button. All categories"). The
 * button is the combo box a person lands on, and the drop-down around it
 * only lays it out, which Orca leaves out: one stop, said once, by its
 * name and its choice. Done as each drop-down is made, before anything can
 * have used either accessible object.
 */
static void
constructed_drop_down (GObject *object)
{
  GtkWidget *button;

  drop_down_constructed (object);
  button = find_drop_down_button (GTK_WIDGET (object));
  if (button == NULL)
    return;
  g_object_set (object, "accessible-role", GTK_ACCESSIBLE_ROLE_GENERIC, NULL);
  g_object_set (button, "accessible-role", GTK_ACCESSIBLE_ROLE_COMBO_BOX, NULL);
}

/**
 * _rd_gui_a11y_install_roles:
 *
 * From now on, every window that belongs to another is a dialog and every
 * drop-down is one combo box: once, before any window is made.
 */
void
_rd_gui_a11y_install_roles (void)
{
  GObjectClass *window_class = g_type_class_ref (GTK_TYPE_WINDOW);
  GObjectClass *drop_down_class = g_type_class_ref (GTK_TYPE_DROP_DOWN);

  g_assert (window_class->set_property != set_window_property);
  window_set_property = window_class->set_property;
  window_class->set_property = set_window_property;
  drop_down_constructed = drop_down_class->constructed;
  drop_down_class->constructed = constructed_drop_down;
  g_type_class_unref (drop_down_class);
  g_type_class_unref (window_class);
}
