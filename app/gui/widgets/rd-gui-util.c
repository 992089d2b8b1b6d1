/* rd-gui-util.c: small helpers shared by the Redress widgets.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-gui-util.h"

char *
rd_gui_text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  /* Tab moves the focus in every text box, but a tab can still be pasted
   * in (from a spreadsheet or an email) and would reach a letter as a gap
   * of any width: what is kept has a space instead. */
  return g_strdelimit (gtk_text_buffer_get_text (buffer, &start, &end, FALSE), "\t", ' ');
}

/* A spinner on screen, waiting to be drawn once and then RD_GUI_SPINNER_DELAY_MS. */
typedef struct {
  GtkSpinner    *spinner;
  GdkFrameClock *clock;
  gulong         paint_id;
  guint          timeout_id;
} SpinWait;

static void
spin_wait_free (SpinWait *wait)
{
  if (wait->paint_id != 0)
    g_signal_handler_disconnect (wait->clock, wait->paint_id);
  g_clear_object (&wait->clock);
  g_clear_handle_id (&wait->timeout_id, g_source_remove);
  g_free (wait);
}

static gboolean
start_spinning_cb (gpointer user_data)
{
  SpinWait *wait = user_data;
  GtkSpinner *spinner = wait->spinner;

  wait->timeout_id = 0;
  g_object_set_data (G_OBJECT (spinner), "rd-spin-wait", NULL);
  gtk_spinner_start (spinner);
  return G_SOURCE_REMOVE;
}

static void
on_spinner_painted_cb (GdkFrameClock *clock,
                       SpinWait      *wait)
{
  g_signal_handler_disconnect (clock, wait->paint_id);
  wait->paint_id = 0;
  wait->timeout_id = g_timeout_add (RD_GUI_SPINNER_DELAY_MS, start_spinning_cb, wait);
}

static void
on_spinner_map_cb (GtkWidget *spinner)
{
  SpinWait *wait = g_new0 (SpinWait, 1);

  wait->spinner = GTK_SPINNER (spinner);
  wait->clock = g_object_ref (gtk_widget_get_frame_clock (spinner));
  wait->paint_id = g_signal_connect (wait->clock, "after-paint", G_CALLBACK (on_spinner_painted_cb),
                                     wait);
  g_object_set_data_full (G_OBJECT (spinner), "rd-spin-wait", wait,
                          (GDestroyNotify) spin_wait_free);
}

static void
on_spinner_unmap_cb (GtkWidget *spinner)
{
  g_object_set_data (G_OBJECT (spinner), "rd-spin-wait", NULL);
  gtk_spinner_stop (GTK_SPINNER (spinner));
}

/*
 * A spinning GtkSpinner's CSS animation asks GTK 4.8 for a new frame 60
 * times a second even while the spinner sits unseen in a stack page that is
 * not shown, so a window that only waits kept drawing (and a laptop kept
 * waking). @spinner spins only while it is on screen.
 *
 * And only RD_GUI_SPINNER_DELAY_MS after the first frame drawn with it
 * on screen: most waits are over sooner, and a spinner that flashes up
 * for a moment says nothing. Until then it is there, focusable and named,
 * but not drawn (a stopped spinner is transparent), so its icon, an SVG
 * that only librsvg reads, is not loaded: What Next's spinner was the one
 * SVG drawn in the first frame when Redress started on a case (issue 17),
 * and counting from that frame keeps it out however slow the frame is.
 */
void
rd_gui_spin_while_shown (GtkSpinner *spinner)
{
  g_signal_connect (spinner, "map", G_CALLBACK (on_spinner_map_cb), NULL);
  g_signal_connect (spinner, "unmap", G_CALLBACK (on_spinner_unmap_cb), NULL);
  gtk_spinner_stop (spinner);
  if (gtk_widget_get_mapped (GTK_WIDGET (spinner)))
    on_spinner_map_cb (GTK_WIDGET (spinner));
}

static void
on_status_page_map_cb (GtkWidget *page,
                       gpointer   user_data)
{
  const char *icon_name = g_object_get_data (G_OBJECT (page), "rd-icon-name");

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon_name);
  g_signal_handlers_disconnect_by_func (page, on_status_page_map_cb, user_data);
  g_object_set_data (G_OBJECT (page), "rd-icon-name", NULL);
}

/*
 * GTK 4.8 loads an image's icon as soon as its style is first worked out,
 * whether or not it is ever shown (gtk_icon_helper_invalidate_for_change()
 * preloads it). A status page's icon is 128 pixels, which the icon theme
 * has only as an SVG, and the first SVG loads gdk-pixbuf's SVG loader,
 * librsvg, libxml2 and ICU: about 25 ms of processor time at every start for
 * the icons of pages that a start on a case never shows (issue 17).
 * @page keeps the icon its template gave it, and shows it from the first
 * time it is mapped.
 */
void
rd_gui_status_page_icon_when_shown (AdwStatusPage *page)
{
  const char *icon_name;

  g_return_if_fail (ADW_IS_STATUS_PAGE (page));

  icon_name = adw_status_page_get_icon_name (page);
  if (icon_name == NULL || gtk_widget_get_mapped (GTK_WIDGET (page)))
    return;
  g_object_set_data_full (G_OBJECT (page), "rd-icon-name", g_strdup (icon_name), g_free);
  adw_status_page_set_icon_name (page, NULL);
  g_signal_connect (page, "map", G_CALLBACK (on_status_page_map_cb), NULL);
}

static void
on_menu_button_create_popup_cb (GtkMenuButton *button,
                                gpointer       user_data)
{
  /* A menu given to the button since (the error page's own) is kept. */
  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, G_MENU_MODEL (user_data));
}

/*
 * GtkMenuButton builds its popover, with a widget for every item and
 * every action looked up, as soon as it is given a menu model: the
 * window's menus were built before every first frame, though most starts
 * never open them (issue 17). @button is given @model as it first opens,
 * by a click, F10 (a primary menu) or gtk_menu_button_popup(); a model or
 * popover set on @button before then is kept instead.
 */
void
rd_gui_menu_button_model_when_opened (GtkMenuButton *button,
                                      GMenuModel    *model)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (model));

  gtk_menu_button_set_create_popup_func (button, on_menu_button_create_popup_cb,
                                         g_object_ref (model), g_object_unref);
}

static void
sync_closed_child (GtkRevealer *revealer)
{
  GtkWidget *child = gtk_revealer_get_child (revealer);

  if (child != NULL)
    gtk_widget_set_visible (child, gtk_revealer_get_reveal_child (revealer) ||
                                   gtk_revealer_get_child_revealed (revealer));
}

/*
 * GTK 4.8's GtkRevealer measures its child, and so lays out its text, even
 * while it shows none of it: the window's banners were laid out for every
 * first frame (issue 17). @revealer's child is hidden while the revealer
 * is closed, and shown as it starts to open; it closes as before, sliding
 * away, and is hidden once it has.
 */
void
rd_gui_revealer_hide_closed (GtkRevealer *revealer)
{
  g_return_if_fail (GTK_IS_REVEALER (revealer));

  g_signal_connect (revealer, "notify::reveal-child", G_CALLBACK (sync_closed_child), NULL);
  g_signal_connect (revealer, "notify::child-revealed", G_CALLBACK (sync_closed_child), NULL);
  sync_closed_child (revealer);
}

/*
 * An AdwEntryRow is itself the text field a screen reader lands on. GTK 4.8
 * would name it after both its label and its visible title ("Address
 * Address"); this gives it @label alone.
 */
void
rd_gui_label_entry_row (AdwEntryRow *row,
                        const char  *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  rd_gui_fix_accessible_name (GTK_WIDGET (row));
}

/* Shows a short message in the nearest toast overlay, if there is one. */
void
rd_gui_show_toast (GtkWidget  *widget,
                   const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (widget);

  /* A window or dialog asking for its own toast holds its overlay rather
   * than being inside it: without this, the export dialog's "No program on
   * this computer opens folders." was never shown. */
  if (overlay == NULL && root != NULL)
    overlay = g_object_get_data (G_OBJECT (root), "rd-toast-overlay");
  rd_gui_announce (widget, message);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

/* An editor's status line: @text (NULL: nothing), in red when it is an error. */
void
rd_gui_set_status (GtkLabel   *label,
                   const char *text,
                   gboolean    is_error)
{
  gtk_label_set_text (label, text ? text : "");
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (label), "inline-error");
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "inline-error");
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
}

/*
 * gtk_widget_dispose_template() only unparents the children the class binds;
 * this takes away the rest, so no widget is finalized with children left.
 */
void
rd_gui_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

/*
 * GTK 4.8 names a widget after both its accessible label and whatever it is
 * labelled by: a button's own text ("Start a case Start a Case", or
 * "_Start a Case Start a Case" for a mnemonic), a row's title. Keeping only
 * the accessible label set in the .ui file gives screen readers the name
 * once.
 */
void
rd_gui_fix_accessible_name (GtkWidget *widget)
{
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Names every GtkSwitch inside @widget: an AdwExpanderRow's enable switch
 * has no name of its own in libadwaita 1.2. */
void
rd_gui_name_switches (GtkWidget  *widget,
                      const char *name)
{
  if (GTK_IS_SWITCH (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rd_gui_name_switches (child, name);
}

/*
 * GTK 4.8 cannot tell whether a widget's own action is enabled. These keep
 * what the widget wants, so that whoever turns every action off for a
 * while (the lock) turns back on only those that were on, and a change
 * asked for meanwhile waits until then.
 */
#define ACTIONS_OFF "rd-gui-actions-off"
#define ACTIONS_HELD "rd-gui-actions-held"

void
rd_gui_action_set_enabled (GtkWidget  *widget,
                           const char *action_name,
                           gboolean    enabled)
{
  GHashTable *off = g_object_get_data (G_OBJECT (widget), ACTIONS_OFF);

  if (off == NULL)
    {
      off = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (widget), ACTIONS_OFF, off, (GDestroyNotify) g_hash_table_unref);
    }
  if (enabled)
    g_hash_table_remove (off, action_name);
  else
    g_hash_table_add (off, g_strdup (action_name));
  if (!GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), ACTIONS_HELD)))
    gtk_widget_action_set_enabled (widget, action_name, enabled);
}

/* Whether @widget wants @action_name on, whatever holds it off for now. */
gboolean
rd_gui_action_get_enabled (GtkWidget  *widget,
                           const char *action_name)
{
  GHashTable *off = g_object_get_data (G_OBJECT (widget), ACTIONS_OFF);

  return off == NULL || !g_hash_table_contains (off, action_name);
}

/* While held, rd_gui_action_set_enabled() only records what is wanted. */
void
rd_gui_actions_set_held (GtkWidget *widget,
                         gboolean   held)
{
  g_object_set_data (G_OBJECT (widget), ACTIONS_HELD, GINT_TO_POINTER (held));
}

/**
 * rd_gui_strip_mnemonic:
 * @label: a label that may carry a mnemonic
 *
 * Returns: (transfer full): @label as shown: "_Save" is "Save", "Salt
 *   __and Pepper" keeps one underscore.
 */
char *
rd_gui_strip_mnemonic (const char *label)
{
  GString *shown = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] == '_')
        p++;
      else if (*p == '_')
        continue;
      g_string_append_c (shown, *p);
    }
  return g_string_free (shown, FALSE);
}

/**
 * rd_gui_add_capture_shortcut:
 * @trigger: a trigger as gtk_shortcut_trigger_parse_string() reads it
 *
 * Binds @trigger to @action_name on @widget before the focused widget
 * inside it sees the key: a text view takes Ctrl+Return as a new line, so
 * a window's shortcut bound the usual way stops working in its text boxes.
 */
void
rd_gui_add_capture_shortcut (GtkWidget  *widget,
                             const char *trigger,
                             const char *action_name)
{
  GtkEventController *controller;
  GtkShortcutTrigger *parsed;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  parsed = gtk_shortcut_trigger_parse_string (trigger);
  g_return_if_fail (parsed != NULL);
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (parsed, gtk_named_action_new (action_name)));
  gtk_widget_add_controller (widget, controller);
}

/* The application's action bound to @keyval with @mods, or NULL. A key
 * typed with Shift arrives as the shifted key ("?" for Ctrl+Shift+/), which
 * the accelerator names without Shift ("<Control>question"). */
static char *
dup_app_action_for_key (GtkApplication  *app,
                        guint            keyval,
                        GdkModifierType  mods)
{
  const GdkModifierType tries[] = { mods, mods & ~GDK_SHIFT_MASK };

  for (guint i = 0; i < G_N_ELEMENTS (tries); i++)
    {
      g_autofree char *accel = gtk_accelerator_name (keyval, tries[i]);
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (app, accel);

      if (actions != NULL && actions[0] != NULL)
        return g_strdup (actions[0]);
    }
  return NULL;
}

static gboolean
on_popover_key_pressed_cb (GtkEventControllerKey *controller,
                           guint                  keyval,
                           guint                  keycode,
                           GdkModifierType        state,
                           GtkPopover            *popover)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (popover));
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  g_autofree char *detailed = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GVariant) target = NULL;

  if (app == NULL)
    return FALSE;
  /* Typing, arrows, Return and Escape stay the popover's. */
  if ((mods & (GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0 && (keyval < GDK_KEY_F1 || keyval > GDK_KEY_F35))
    return FALSE;
  detailed = dup_app_action_for_key (app, keyval, mods);
  if (detailed == NULL || !g_action_parse_detailed_name (detailed, &name, &target, NULL))
    return FALSE;
  gtk_popover_popdown (popover);
  return gtk_widget_activate_action_variant (parent, name, target);
}

/**
 * rd_gui_popover_pass_shortcuts:
 *
 * Lets the application's shortcuts (Alt+1…6, Ctrl+E, Ctrl+?…) work while
 * @popover is open: the popover closes and the action runs, as it would
 * from the window. GTK 4.8 gives the keys pressed in a popover to the
 * popover and what it holds, never to the window's shortcuts, so they did
 * nothing while a calendar was open.
 */
void
rd_gui_popover_pass_shortcuts (GtkPopover *popover)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_POPOVER (popover));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_popover_key_pressed_cb), popover);
  gtk_widget_add_controller (GTK_WIDGET (popover), controller);
}

/*
 * What a window does before its first frame delays that frame, and a
 * worker thread started then competes with it for the machine's cores
 * (issue 17). Work that the first frame does not show waits for it here:
 * for the frame clock's after-paint, then for an idle moment.
 */
typedef struct {
  GWeakRef        widget;
  RdGuiFrameFunc  func;
  GtkWidget      *root;      /* while waiting for it: not a reference */
  gulong          realize_id;
  GdkFrameClock  *clock;
  gulong          paint_id;
} AfterFrame;

static void
after_frame_free (AfterFrame *call)
{
  if (call->realize_id != 0)
    g_signal_handler_disconnect (call->root, call->realize_id);
  if (call->paint_id != 0)
    g_signal_handler_disconnect (call->clock, call->paint_id);
  g_clear_object (&call->clock);
  g_weak_ref_clear (&call->widget);
  g_free (call);
}

static gboolean
after_frame_idle_cb (gpointer user_data)
{
  AfterFrame *call = user_data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&call->widget);

  if (widget != NULL)
    call->func (widget);
  after_frame_free (call);
  return G_SOURCE_REMOVE;
}

static void
on_after_frame_paint_cb (GdkFrameClock *clock,
                         AfterFrame    *call)
{
  g_signal_handler_disconnect (call->clock, call->paint_id);
  call->paint_id = 0;
  g_idle_add_full (G_PRIORITY_LOW, after_frame_idle_cb, call, NULL);
}

static void
wait_for_paint (AfterFrame *call)
{
  call->clock = g_object_ref (gtk_widget_get_frame_clock (call->root));
  call->paint_id = g_signal_connect (call->clock, "after-paint",
                                     G_CALLBACK (on_after_frame_paint_cb), call);
  /* A mapped window draws when something changed: make sure it does. */
  gtk_widget_queue_draw (call->root);
}

/* The window went before it was ever realized: the call goes with it. */
static void
on_after_frame_root_gone (gpointer  user_data,
                          GObject  *where_the_root_was)
{
  AfterFrame *call = user_data;

  call->realize_id = 0;
  after_frame_free (call);
}

static void
on_after_frame_realize_cb (GtkWidget  *root,
                           AfterFrame *call)
{
  g_signal_handler_disconnect (call->root, call->realize_id);
  call->realize_id = 0;
  g_object_weak_unref (G_OBJECT (call->root), on_after_frame_root_gone, call);
  wait_for_paint (call);
}

/**
 * rd_gui_after_next_frame:
 * @widget: the widget the work is for
 * @func: (scope async): what to call, with @widget
 *
 * Calls @func once the window of @widget has drawn its next frame and the
 * main loop has nothing more urgent, or at once when no frame is coming
 * (no window, or a hidden one). A window not yet shown waits for its
 * first frame. @func is not called if @widget is finalized first.
 */
void
rd_gui_after_next_frame (GtkWidget      *widget,
                         RdGuiFrameFunc  func)
{
  GtkWidget *root;
  AfterFrame *call;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = GTK_WIDGET (gtk_widget_get_root (widget));
  if (root == NULL || (gtk_widget_get_realized (root) && !gtk_widget_get_mapped (root)))
    {
      func (widget);
      return;
    }
  call = g_new0 (AfterFrame, 1);
  g_weak_ref_init (&call->widget, widget);
  call->func = func;
  call->root = root;
  if (gtk_widget_get_realized (root))
    {
      wait_for_paint (call);
      return;
    }
  call->realize_id = g_signal_connect_data (root, "realize", G_CALLBACK (on_after_frame_realize_cb),
                                            call, NULL, G_CONNECT_AFTER);
  g_object_weak_ref (G_OBJECT (root), on_after_frame_root_gone, call);
}

/**
 * rd_gui_lay_out_hidden_page:
 * @page: a page of a #GtkStack or #AdwViewStack, not the one it shows
 *
 * Lays @page out now at the size its stack has, as the stack will when it
 * shows it. A stack measures every page but allocates only the one it
 * shows, so a page's first allocation (its labels laid out at their
 * widths, its lists given their rows' places) came in the frame that
 * first showed it: with the diary's editor, most of that frame (issue
 * 17). Allocated ahead, at the size it will be given, the page is only
 * mapped and drawn by that frame; GTK allocates again only what changed
 * since. Nothing is drawn or mapped here.
 *
 * Returns: whether @page was laid out: not when it is shown or hidden, or
 *   its stack has no size yet
 */
gboolean
rd_gui_lay_out_hidden_page (GtkWidget *page)
{
  GtkWidget *stack;
  GtkAllocation allocation = { 0 };
  int width, height, minimum;

  g_return_val_if_fail (GTK_IS_WIDGET (page), FALSE);

  stack = gtk_widget_get_parent (page);
  if (stack == NULL || gtk_widget_get_mapped (page) || !gtk_widget_get_visible (page) ||
      gtk_widget_get_child_visible (page))
    return FALSE;
  width = gtk_widget_get_width (stack);
  height = gtk_widget_get_height (stack);
  if (width <= 0 || height <= 0)
    return FALSE;
  /* As GtkStack and AdwViewStack allocate the page they show: never less
   * than it needs, which GTK also asks to have been measured first. */
  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, height, &minimum, NULL, NULL, NULL);
  allocation.width = MAX (width, minimum);
  gtk_widget_measure (page, GTK_ORIENTATION_VERTICAL, allocation.width, &minimum, NULL, NULL, NULL);
  allocation.height = MAX (height, minimum);
  gtk_widget_size_allocate (page, &allocation, -1);
  return TRUE;
}

/**
 * rd_gui_init_toasts:
 * @root: the window or dialog
 * @toasts: its toast overlay
 *
 * Keeps @toasts as @root's overlay for toasts that follow others
 * (rd_gui_toast_slot_set()), and gives @root a live status line for screen
 * readers, which rd_gui_announce() fills. GTK 4.8 tells an accessibility client nothing
 * when a toast comes or its title changes (its widget is new and unread,
 * and GTK has no way to announce), but it does tell when the text of a
 * status label that the client has read changes. The line sits over the
 * content, takes no room and is not drawn: the toast is what is seen.
 */
void
rd_gui_init_toasts (GtkWidget       *root,
                      AdwToastOverlay *toasts)
{
  GtkWidget *child;
  GtkWidget *overlay;
  GtkWidget *label;

  g_return_if_fail (GTK_IS_WIDGET (root));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (toasts));

  /* Never empty: an empty label is hidden from screen readers (see
   * tidy_accessible_name() in rd-gui-a11y.c), and one that appears later is
   * not heard. */
  label = g_object_new (GTK_TYPE_LABEL,
                        "label", _("No messages yet"),
                        "accessible-role", GTK_ACCESSIBLE_ROLE_STATUS,
                        "wrap", TRUE,
                        "xalign", 0.0f,
                        "halign", GTK_ALIGN_START,
                        "valign", GTK_ALIGN_START,
                        "can-target", FALSE,
                        "opacity", 0.0,
                        NULL);
  overlay = gtk_overlay_new ();
  child = adw_toast_overlay_get_child (toasts);
  if (child != NULL)
    {
      g_object_ref (child);
      adw_toast_overlay_set_child (toasts, NULL);
      gtk_overlay_set_child (GTK_OVERLAY (overlay), child);
      g_object_unref (child);
    }
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), label);
  adw_toast_overlay_set_child (toasts, overlay);
  g_object_set_data (G_OBJECT (root), "rd-announcer", label);
  g_object_set_data (G_OBJECT (root), "rd-toast-overlay", toasts);
}

/**
 * rd_gui_get_announcer:
 * @widget: a widget in a window or dialog
 *
 * Returns: (transfer none) (nullable): the status line of @widget's window
 *   (rd_gui_init_toasts()), if it has one
 */
GtkLabel *
rd_gui_get_announcer (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return root != NULL ? g_object_get_data (G_OBJECT (root), "rd-announcer") : NULL;
}

/**
 * rd_gui_announce:
 * @widget: a widget in a window or dialog given rd_gui_init_toasts()
 *
 * Puts @text in the status line a screen reader follows, as a toast says
 * it. Nothing happens in a window without one.
 */
void
rd_gui_announce (GtkWidget  *widget,
                 const char *text)
{
  GtkLabel *label = rd_gui_get_announcer (widget);

  if (label == NULL)
    return;
  /* The same words again are news again, but only a change is told: a
   * space at the end, which a screen reader does not say, makes one. */
  if (g_strcmp0 (gtk_label_get_text (label), text) == 0)
    {
      g_autofree char *again = g_strconcat (text, " ", NULL);

      gtk_label_set_text (label, again);
      return;
    }
  gtk_label_set_text (label, text);
}

/**
 * rd_gui_add_map_hook:
 * @hook: called with the widget as its first parameter
 *
 * From now on, @hook is called as each widget maps, in every window,
 * before GTK first lays it out; it returns %TRUE to stay. What the app
 * puts right in widgets it did not make (libadwaita's headers and groups,
 * GTK's own buttons) it puts right this way, in one place for each rule.
 */
void
rd_gui_add_map_hook (GSignalEmissionHook hook)
{
  /* The class must exist before its signals can be looked up. */
  GTypeClass *klass = g_type_class_ref (GTK_TYPE_WIDGET);

  g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, hook, NULL, NULL);
  g_type_class_unref (klass);
}

/**
 * rd_gui_label_wrap_whole:
 *
 * Makes @label, which libadwaita or GTK made to keep to one line and cut
 * short with "…", show its whole text on as many lines as it needs,
 * breaking them between words.
 */
void
rd_gui_label_wrap_whole (GtkLabel *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_single_line_mode (label, FALSE);
  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_NONE);
  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD);
}

/**
 * rd_gui_filter_change_for_query:
 * @before: (nullable): the words the shown hits were found for, or %NULL for none
 * @after: (nullable): the words of the new hits
 *
 * Typing more narrows what the last search found, and deleting widens it:
 * said to a filter, it tests only the rows that can change instead of
 * every one.
 *
 * Returns: how a filter on search hits changes from @before to @after
 */
GtkFilterChange
rd_gui_filter_change_for_query (const char *before,
                                const char *after)
{
  if (before == NULL)
    return after == NULL ? GTK_FILTER_CHANGE_DIFFERENT : GTK_FILTER_CHANGE_MORE_STRICT;
  if (after == NULL)
    return GTK_FILTER_CHANGE_LESS_STRICT;
  if (g_str_has_prefix (after, before))
    return GTK_FILTER_CHANGE_MORE_STRICT;
  if (g_str_has_prefix (before, after))
    return GTK_FILTER_CHANGE_LESS_STRICT;
  return GTK_FILTER_CHANGE_DIFFERENT;
}
