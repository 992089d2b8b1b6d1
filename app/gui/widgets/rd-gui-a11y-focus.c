/* rd-gui-a11y-focus.c: a control's focus told to a screen reader whole, once, and in time.
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

/* The window waited for is not held: one closed meanwhile must go at
 * once, or its last reference would be dropped here, after the window
 * it was transient for (freed already) as GTK let go of that link. */
static GWeakRef *
weak_ref_new (gpointer object)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, object);
  return ref;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/*
 * A window's first control goes unheard: GTK 4.8 gives it the focus as the
 * window is shown, before the window is active, and sends nothing of it
 * when the window then becomes active (_gtk_window_set_is_active() in
 * gtk/gtkwindow.c reports a focus only to a control that did not have it,
 * and that one had). Orca 43 drops a focus in a frame that is not active
 * yet (onFocusedChanged() in orca/scripts/default.py), then says the frame's
 * title as it becomes active, and nothing more until the next Tab: the
 * About and shortcuts windows were said "About frame" and nothing else.
 * GTK reports the window active before it notifies "is-active", so here,
 * the first time each showing of a window becomes active, its focus is
 * given up and taken again: the focus comes after the window's activation.
 * A screen reader that had said that control already, as the focus it is
 * on, does not say it again.
 */
static gboolean
focus_again_cb (gpointer data)
{
  g_autoptr(GtkWindow) window = g_weak_ref_get (data);
  g_autoptr(GtkWidget) focus = NULL;

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)) ||
      !gtk_window_is_active (window) || gtk_window_get_focus (window) == NULL)
    return G_SOURCE_REMOVE;
  focus = g_object_ref (gtk_window_get_focus (window));
  gtk_window_set_focus (window, NULL);
  gtk_window_set_focus (window, focus);
  return G_SOURCE_REMOVE;
}

static void
on_window_is_active_cb (GtkWindow  *window,
                        GParamSpec *pspec,
                        gpointer    user_data)
{
  if (!gtk_window_is_active (window))
    return;
  g_signal_handlers_disconnect_by_func (window, on_window_is_active_cb, user_data);
  /* Once what made it active is over: a menu that opened it gives the
   * focus of the window it closes over back to its button then, and a
   * screen reader keeps only the newest focus it has been told of. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_again_cb, weak_ref_new (window), weak_ref_free);
}

static gboolean
on_window_map_hook_cb (GSignalInvocationHint *hint,
                       guint                  n_params,
                       const GValue          *params,
                       gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&params[0]);

  if (GTK_IS_WINDOW (widget) && !gtk_window_is_active (GTK_WINDOW (widget)))
    {
      g_signal_handlers_disconnect_by_func (widget, on_window_is_active_cb, NULL);
      g_signal_connect (widget, "notify::is-active", G_CALLBACK (on_window_is_active_cb), NULL);
    }
  return TRUE;
}

/**
 * _rd_gui_a11y_install_told_before_focus:
 *
 * From now on, every control is told to a screen reader, with its name and
 * description, just before its first focus is, and the control a window
 * opens on is reported again once the window is active: once, before any
 * window maps.
 */
void
_rd_gui_a11y_install_told_before_focus (void)
{
  g_signal_add_emission_hook (g_signal_lookup ("state-flags-changed", GTK_TYPE_WIDGET), 0,
                              on_state_flags_changed_hook_cb, NULL, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                              on_window_map_hook_cb, NULL, NULL);
}
