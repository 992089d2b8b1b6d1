/* rd-gui-a11y-focus.c: a control told to a screen reader before its first focus, not after.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-gui"

#include "config.h"

#include "rd-gui-a11y-private.h"

/* On a widget: whether GTK has told AT-SPI of it, as far as this rule knows. */
#define TOLD_KEY "rd-a11y-told"

typedef enum
{
  TOLD = 1,
  /* Told once and unrealized since (taken out of its window): to be told
   * again; the handler that noticed stays connected. */
  TOLD_BEFORE,
} Told;

static void
on_told_widget_unrealize_cb (GtkWidget *widget)
{
  g_object_set_data (G_OBJECT (widget), TOLD_KEY, GINT_TO_POINTER (TOLD_BEFORE));
}

/*
 * GTK 4.8 tells AT-SPI of a control (it "realizes" its accessible context)
 * only when something asks for it, and for most controls the first thing
 * that does is their first focus: gtk_accessible_platform_changed() in
 * gtk/gtkaccessible.c realizes the context, sends the focus, and then calls
 * gtk_at_context_update(), which sends every name, description and state
 * set on the control since it was made as changes. gtk_at_context_update()
 * (gtk/gtkatcontext.c) does nothing on a context not realized yet and
 * keeps what changed until then, so they all go out at once, just after
 * the focus. Orca 43 speaks a change of the focused control's description
 * as news: it said each description twice the first time its control took
 * the focus.
 *
 * The one public call of GTK 4.8 that realizes a widget's context and then
 * sends what waited is gtk_widget_set_focusable() with a new value (it goes
 * through gtk_accessible_platform_changed() too). A widget gets the
 * "focused" state flag before GTK reports its focus
 * (synthesize_focus_change_events() in gtk/gtkwindow.c runs before
 * gtk_widget_set_has_focus()): at that moment, the first time, the widget's
 * focusable is turned over and back. GTK then tells AT-SPI of it, with
 * what waited, while it does not have the focus yet, which a screen reader
 * does not speak, and the focus comes last.
 */
static gboolean
on_state_flags_changed_hook_cb (GSignalInvocationHint *hint,
                                guint                  n_params,
                                const GValue          *params,
                                gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&params[0]);
  GtkStateFlags before = g_value_get_flags (&params[1]);
  gboolean focusable;
  Told told;

  if ((before & GTK_STATE_FLAG_FOCUSED) != 0 ||
      (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUSED) == 0 ||
      GTK_IS_ROOT (widget))
    return TRUE;

  told = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), TOLD_KEY));
  if (told == TOLD)
    return TRUE;
  if (told == 0)
    g_signal_connect (widget, "unrealize", G_CALLBACK (on_told_widget_unrealize_cb), NULL);
  g_object_set_data (G_OBJECT (widget), TOLD_KEY, GINT_TO_POINTER (TOLD));

  focusable = gtk_widget_get_focusable (widget);
  gtk_widget_set_focusable (widget, !focusable);
  gtk_widget_set_focusable (widget, focusable);
  return TRUE;
}

/**
 * _rd_gui_a11y_install_told_before_focus:
 *
 * From now on, every control is told to a screen reader, with its name and
 * description, just before its first focus is: once, before any window maps.
 */
void
_rd_gui_a11y_install_told_before_focus (void)
{
  g_signal_add_emission_hook (g_signal_lookup ("state-flags-changed", GTK_TYPE_WIDGET), 0,
                              on_state_flags_changed_hook_cb, NULL, NULL);
}
