/* rd-gui-a11y-rows.c: the keys of rows that gave their focus stop to their control.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rd-gui-a11y-stops.c leaves a row that holds only a switch, tick box or
 * number without a stop of its own: Tab goes straight to the control. Two
 * ways of the keyboard went with the row's stop.
 *
 * - GtkListBox moves Up and Down from its cursor, the row they last went
 *   to, which a row that takes no focus never becomes: in the Export
 *   dialog, Down from a switch Tab had reached stayed on it for four
 *   presses, while the cursor went through the rows above. The list such
 *   a row is in (the outermost, for the rows inside an expander row) now
 *   moves Up and Down itself: from the row holding the focus to the first
 *   stop of the row shown before or after it, the row or its control, and
 *   past the list's end as Tab would, as libadwaita's expander rows do.
 * - An expander row that shows a switch opened and closed from its
 *   header, which was a stop of its own. Its switch opens the row as it
 *   is turned on and closes it as it is turned off, so a row switched on
 *   could no longer be closed and stay on. The switch now opens and
 *   closes it with Right and Left (the other way round in a language
 *   written right to left) and with + and -, as GTK's tree expanders do,
 *   and says whether the row is expanded, which a screen reader says
 *   with the switch. The shortcuts window lists both.
 */
#define G_LOG_DOMAIN "rd-gui"

#include "config.h"

#include "rd-gui-a11y-private.h"

/* On a list given the keys above */
#define ROW_KEYS_KEY "rd-a11y-row-keys"
/* On a switch given its expander row's keys */
#define EXPANDER_KEYS_KEY "rd-a11y-expander-keys"

/* How many Tabs a row's controls may take before the focus leaves it */
#define MAX_STOPS_IN_ROW 16

/* Whether @focus uses Up and Down itself: a number (a spin button, or
 * the text inside one) counts with them, a text box moves between its
 * lines. */
static gboolean
uses_up_and_down (GtkWidget *focus)
{
  return GTK_IS_TEXT_VIEW (focus) || GTK_IS_RANGE (focus) ||
         gtk_widget_get_ancestor (focus, GTK_TYPE_SPIN_BUTTON) != NULL;
}

/* Appends to @rows each row under @widget that is shown and holds no
 * other row, in the order they are shown: an expander row's header, then
 * its rows if it is open. */
static void
collect_shown_rows (GtkWidget *widget,
                    GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      guint before = rows->len;

      if (!gtk_widget_get_mapped (child))
        continue;
      collect_shown_rows (child, rows);
      if (GTK_IS_LIST_BOX_ROW (child) && rows->len == before)
        g_ptr_array_add (rows, child);
    }
}

/* Moves the focus out of @row, as Tab (or Shift+Tab) would: past the end
 * of the list, where no row is left to go to. */
static void
leave_row (GtkWidget *row,
           gboolean   forward)
{
  GtkRoot *root = gtk_widget_get_root (row);

  for (guint i = 0; i < MAX_STOPS_IN_ROW; i++)
    {
      GtkWidget *before = gtk_root_get_focus (root);
      GtkWidget *after;

      if (!gtk_widget_child_focus (GTK_WIDGET (root), forward ? GTK_DIR_TAB_FORWARD : GTK_DIR_TAB_BACKWARD))
        return;
      after = gtk_root_get_focus (root);
      if (after == before || after == NULL ||
          (after != row && !gtk_widget_is_ancestor (after, row)))
        return;
    }
}

static gboolean
on_list_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        gpointer               user_data)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkRoot *root = gtk_widget_get_root (list);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *row;
  gboolean forward;
  guint at;
  int step;

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    forward = TRUE;
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    forward = FALSE;
  else
    return FALSE;
  /* A popover of a row (a date's calendar, a drop-down's list) is inside
   * the list too, and moves with Up and Down itself */
  if (focus == NULL || !gtk_widget_is_ancestor (focus, list) ||
      gtk_widget_get_native (focus) != gtk_widget_get_native (list) || uses_up_and_down (focus))
    return FALSE;
  row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  rows = g_ptr_array_new ();
  collect_shown_rows (list, rows);
  if (row == NULL || !g_ptr_array_find (rows, row, &at))
    return FALSE;

  step = forward ? 1 : -1;
  for (int i = (int) at + step; i >= 0 && i < (int) rows->len; i += step)
    {
      /* Its first stop, whichever way the keys go: the row, or its control */
      if (gtk_widget_child_focus (g_ptr_array_index (rows, i), GTK_DIR_TAB_FORWARD))
        return TRUE;
    }
  leave_row (row, forward);
  return TRUE;
}

/* The outermost list @row is in, through the rows of expander rows; NULL
 * when a list on the way lets rows be chosen, which Up and Down do there. */
static GtkWidget *
find_outermost_list (GtkWidget *row)
{
  GtkWidget *list = gtk_widget_get_parent (row);

  while (GTK_IS_LIST_BOX (list))
    {
      GtkWidget *holder = gtk_widget_get_ancestor (gtk_widget_get_parent (list), GTK_TYPE_LIST_BOX_ROW);
      GtkWidget *outer = holder != NULL ? gtk_widget_get_parent (holder) : NULL;

      if (gtk_list_box_get_selection_mode (GTK_LIST_BOX (list)) != GTK_SELECTION_NONE)
        return NULL;
      if (!GTK_IS_LIST_BOX (outer))
        return list;
      list = outer;
    }
  return NULL;
}

/**
 * _rd_gui_a11y_move_between_rows:
 *
 * Lets Up and Down move between the rows of the list @row is in, now that
 * @row takes no focus: to the first stop of the row before or after the
 * one that holds the focus.
 */
void
_rd_gui_a11y_move_between_rows (GtkWidget *row)
{
  GtkWidget *list;
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_LIST_BOX_ROW (row));

  list = find_outermost_list (row);
  if (list == NULL || g_object_get_data (G_OBJECT (list), ROW_KEYS_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (list), ROW_KEYS_KEY, GINT_TO_POINTER (TRUE));
  keys = gtk_event_controller_key_new ();
  /* Before GtkListBox's own Up and Down, which look for a row to focus */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed_cb), NULL);
  gtk_widget_add_controller (list, keys);
}

/* The switch says whether its row is open while it can be opened; turned
 * off, the row has nothing to show. */
static void
on_expander_notify_cb (AdwExpanderRow *expander,
                       GParamSpec     *pspec,
                       GtkWidget      *control)
{
  if (adw_expander_row_get_enable_expansion (expander))
    gtk_accessible_update_state (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_STATE_EXPANDED,
                                 adw_expander_row_get_expanded (expander), -1);
  else
    gtk_accessible_reset_state (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_STATE_EXPANDED);
}

static gboolean
on_switch_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          AdwExpanderRow        *expander)
{
  GtkWidget *control = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  gboolean rtl = gtk_widget_get_direction (control) == GTK_TEXT_DIR_RTL;
  gboolean open;

  /* Shift too: "+" takes it on many keyboards */
  if ((state & gtk_accelerator_get_default_mod_mask () & ~GDK_SHIFT_MASK) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_plus:
    case GDK_KEY_KP_Add:
      open = TRUE;
      break;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      open = FALSE;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      open = !rtl;
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      open = rtl;
      break;
    default:
      return FALSE;
    }
  /* Turned off, there is nothing to open: the arrows move the focus as
   * they did */
  if (!adw_expander_row_get_enable_expansion (expander))
    return FALSE;
  adw_expander_row_set_expanded (expander, open);
  return TRUE;
}

/**
 * _rd_gui_a11y_open_by_switch_keys:
 *
 * Lets @control, the switch of the expander row @expander whose header
 * took no focus, open and close the row with Right and Left, + and -,
 * and say whether it is open.
 */
void
_rd_gui_a11y_open_by_switch_keys (GtkWidget      *control,
                                  AdwExpanderRow *expander)
{
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_WIDGET (control));
  g_return_if_fail (ADW_IS_EXPANDER_ROW (expander));

  if (g_object_get_data (G_OBJECT (control), EXPANDER_KEYS_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (control), EXPANDER_KEYS_KEY, GINT_TO_POINTER (TRUE));
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_switch_key_pressed_cb), expander, 0);
  gtk_widget_add_controller (control, keys);
  on_expander_notify_cb (expander, NULL, control);
  g_signal_connect_object (expander, "notify::expanded", G_CALLBACK (on_expander_notify_cb), control, 0);
  g_signal_connect_object (expander, "notify::enable-expansion", G_CALLBACK (on_expander_notify_cb), control, 0);
}
