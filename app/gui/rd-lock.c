/* rd-lock.c: locking a window: what is hidden, and how it comes back.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-lock"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rd-gui-util.h"
#include "rd-lock.h"
#include "rd-lock-page.h"

/*
 * While locked:
 *  - the window's whole content (header bar with the case switcher, every
 *    case page, toasts) is taken out of the window and kept aside, and the
 *    lock page takes its place, so no case text is in the widget tree (or
 *    in the accessibility tree a screen reader or another program sees);
 *  - dialogs that belong to the window (case details, the incident editor,
 *    preferences) are hidden, and shown again on unlock;
 *  - the window's title says only that Redress is locked;
 *  - every win.* action but win.lock is disabled, so shortcuts open nothing,
 *    and application actions that would show or change a case too;
 *  - notifications Redress has sent are withdrawn.
 * Nothing is closed or thrown away: unlocking puts everything back as it
 * was, half-typed text included.
 */

/* Wrong passphrases allowed in a row before each try must wait, the first
 * wait (seconds, doubling each time) and the longest. */
#define RD_LOCK_FREE_TRIES   5
#define RD_LOCK_FIRST_WAIT   15
#define RD_LOCK_LONGEST_WAIT (15 * 60)

/* Application actions that reach case data or the lock's own settings. */
static const char * const guarded_app_actions[] = {
  "open-sample-case",
  "open-case",
  "preferences",
};

struct _RdLock
{
  GObject               parent_instance;

  AdwApplicationWindow *window;        /* weak: the window owns the lock */
  RdStore              *store;
  RdLockPage           *page;
  GtkWidget            *content;       /* the window's content while locked */
  GtkWidget            *focus;         /* weak: the window's focus when it locked */
  char                 *title;         /* the window's title while locked */
  GPtrArray            *hidden;        /* GtkWindow: dialogs hidden by the lock */
  GPtrArray            *disabled_app_actions;
  GCancellable         *verifying;

  guint                 failures;      /* wrong passphrases in a row */
  gint64                retry_after;   /* monotonic, µs: no tries before this */
  gint64                last_input;    /* monotonic, µs */
  guint                 idle_timeout;  /* s; 0: never lock by itself */
  guint                 idle_source;
  gboolean              locked;
};

G_DEFINE_FINAL_TYPE (RdLock, rd_lock, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOCKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_window_actions_enabled (RdLock   *self,
                            gboolean  enabled)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (self->window);
  const GVariantType *parameter_type;
  const char *property_name;
  const char *name;
  GType owner;

  /* Unlocking puts back what locking found: an action the window had
   * turned off (nothing to act on, the case file cannot open) stays off. */
  rd_gui_actions_set_held (GTK_WIDGET (self->window), !enabled);
  /* GTK 4.8 writes every out argument: none may be NULL. */
  for (guint i = 0;
       gtk_widget_class_query_action (klass, i, &owner, &name, &parameter_type, &property_name);
       i++)
    if (g_str_has_prefix (name, "win.") && !g_str_equal (name, "win.lock"))
      gtk_widget_action_set_enabled (GTK_WIDGET (self->window), name,
                                     enabled && rd_gui_action_get_enabled (GTK_WIDGET (self->window), name));
}

static void
set_app_actions_enabled (RdLock   *self,
                         gboolean  enabled)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self->window)));

  if (app == NULL)
    return;
  if (!enabled)
    {
      for (guint i = 0; i < G_N_ELEMENTS (guarded_app_actions); i++)
        {
          GAction *action = g_action_map_lookup_action (G_ACTION_MAP (app), guarded_app_actions[i]);

          if (G_IS_SIMPLE_ACTION (action) && g_action_get_enabled (action))
            {
              g_simple_action_set_enabled (G_SIMPLE_ACTION (action), FALSE);
              g_ptr_array_add (self->disabled_app_actions, g_object_ref (action));
            }
        }
      return;
    }
  for (guint i = 0; i < self->disabled_app_actions->len; i++)
    g_simple_action_set_enabled (g_ptr_array_index (self->disabled_app_actions, i), TRUE);
  g_ptr_array_set_size (self->disabled_app_actions, 0);
}

static void
hide_dialogs (RdLock *self)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      GtkWindow *other = l->data;
      GtkWindow *parent = gtk_window_get_transient_for (other);

      /* A dialog's own dialogs (a confirmation over the case details)
       * go too. */
      while (parent != NULL && parent != GTK_WINDOW (self->window))
        parent = gtk_window_get_transient_for (parent);
      if (parent == NULL || !gtk_widget_get_visible (GTK_WIDGET (other)))
        continue;
      g_ptr_array_add (self->hidden, g_object_ref (other));
      gtk_widget_set_visible (GTK_WIDGET (other), FALSE);
    }
}

static void
show_dialogs (RdLock *self)
{
  for (guint i = 0; i < self->hidden->len; i++)
    {
      GtkWindow *other = g_ptr_array_index (self->hidden, i);

      if (gtk_window_get_transient_for (other) != NULL)
        gtk_window_present (other);
    }
  g_ptr_array_set_size (self->hidden, 0);
}

static void
on_unlock_requested_cb (RdLock     *self,
                        const char *passphrase)
{
  rd_lock_unlock (self, passphrase);
}

/**
 * rd_lock_lock:
 *
 * Hides every case now. Does nothing when already locked.
 */
void
rd_lock_lock (RdLock *self)
{
  g_autofree char *hash = NULL;

  g_return_if_fail (RD_IS_LOCK (self));

  if (self->locked || self->window == NULL)
    return;
  self->locked = TRUE;

  hide_dialogs (self);
  self->content = adw_application_window_get_content (self->window);
  if (self->content != NULL)
    g_object_ref (self->content);
  self->title = g_strdup (gtk_window_get_title (GTK_WINDOW (self->window)));

  if (self->store != NULL)
    hash = rd_store_dup_lock_hash (self->store);
  /* Made the first time the window locks, not at every start. */
  if (self->page == NULL)
    {
      self->page = g_object_ref_sink (rd_lock_page_new ());
      g_signal_connect_object (self->page, "unlock-requested",
                               G_CALLBACK (on_unlock_requested_cb), self, G_CONNECT_SWAPPED);
    }
  rd_lock_page_reset (self->page, hash != NULL);
  /* Take the focus away first: a text field that loses its window while
   * focused never hears that it lost the focus. It comes back on unlocking. */
  g_set_weak_pointer (&self->focus, gtk_root_get_focus (GTK_ROOT (self->window)));
  gtk_window_set_focus (GTK_WINDOW (self->window), NULL);
  adw_application_window_set_content (self->window, GTK_WIDGET (self->page));
  gtk_window_set_title (GTK_WINDOW (self->window), _("Redress (Locked)"));
  rd_lock_page_set_busy (self->page, FALSE);

  set_window_actions_enabled (self, FALSE);
  set_app_actions_enabled (self, FALSE);
  /* The deadline notifier, paused through "locked", takes back what it
   * showed. */

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

static void
finish_unlock (RdLock *self)
{
  if (!self->locked)
    return;
  self->locked = FALSE;

  gtk_window_set_focus (GTK_WINDOW (self->window), NULL);
  adw_application_window_set_content (self->window, self->content);
  g_clear_object (&self->content);
  gtk_window_set_title (GTK_WINDOW (self->window), self->title);
  g_clear_pointer (&self->title, g_free);
  set_window_actions_enabled (self, TRUE);
  set_app_actions_enabled (self, TRUE);
  show_dialogs (self);
  /* The keyboard goes back where the work was, not to the window's start. */
  if (self->focus != NULL && gtk_widget_get_root (self->focus) == GTK_ROOT (self->window))
    gtk_widget_grab_focus (self->focus);
  g_clear_weak_pointer (&self->focus);
  self->last_input = g_get_monotonic_time ();

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

/* Which try an answer belongs to: only the newest counts. */
typedef struct {
  RdLock       *self;
  GCancellable *verifying;
} VerifyCall;

static void
verify_call_free (VerifyCall *call)
{
  g_object_unref (call->self);
  g_object_unref (call->verifying);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VerifyCall, verify_call_free)

static void
verify_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(VerifyCall) call = user_data;
  RdLock *self = call->self;
  gboolean ok = rd_passphrase_verify_finish (result, NULL);

  /* A newer try replaced this one. */
  if (call->verifying != self->verifying)
    return;
  g_clear_object (&self->verifying);
  if (ok)
    {
      self->failures = 0;
      finish_unlock (self);
      return;
    }

  /* Each guess already costs a slow hash; after a few wrong ones in a row,
   * make the next wait longer and longer, so that guessing at a shared
   * computer takes hours, not minutes. */
  if (++self->failures >= RD_LOCK_FREE_TRIES)
    {
      guint wait = MIN (RD_LOCK_FIRST_WAIT << MIN (self->failures - RD_LOCK_FREE_TRIES, 10),
                        RD_LOCK_LONGEST_WAIT);
      g_autofree char *message =
        g_strdup_printf (ngettext ("That is not the passphrase. After so many tries, wait %u "
                                   "second before the next one.",
                                   "That is not the passphrase. After so many tries, wait %u "
                                   "seconds before the next one.", wait), wait);

      self->retry_after = g_get_monotonic_time () + (gint64) wait * G_USEC_PER_SEC;
      rd_lock_page_show_error (self->page, message);
      return;
    }
  rd_lock_page_show_error (self->page, _("That is not the passphrase. Try again."));
}

/**
 * rd_lock_unlock:
 * @passphrase: (nullable): what the adviser typed
 *
 * Unlocks at once when no passphrase is set; otherwise checks @passphrase
 * in a worker thread (the check is slow on purpose) and unlocks if it is
 * right, or says it is wrong on the lock page.
 */
void
rd_lock_unlock (RdLock     *self,
                const char *passphrase)
{
  g_autofree char *hash = NULL;
  VerifyCall *call;

  g_return_if_fail (RD_IS_LOCK (self));

  if (!self->locked)
    return;
  if (self->store != NULL)
    hash = rd_store_dup_lock_hash (self->store);
  if (hash == NULL)
    {
      finish_unlock (self);
      return;
    }
  if (passphrase == NULL || *passphrase == '\0')
    {
      rd_lock_page_show_error (self->page, _("Type the passphrase first."));
      return;
    }
  if (g_get_monotonic_time () < self->retry_after)
    {
      gint64 left = (self->retry_after - g_get_monotonic_time ()) / G_USEC_PER_SEC + 1;
      g_autofree char *message =
        g_strdup_printf (ngettext ("Wait %u more second before trying again.",
                                   "Wait %u more seconds before trying again.", (gulong) left),
                         (guint) left);

      rd_lock_page_show_error (self->page, message);
      return;
    }

  g_cancellable_cancel (self->verifying);
  g_clear_object (&self->verifying);
  self->verifying = g_cancellable_new ();
  rd_lock_page_set_busy (self->page, TRUE);

  call = g_new0 (VerifyCall, 1);
  call->self = g_object_ref (self);
  call->verifying = g_object_ref (self->verifying);
  rd_passphrase_verify_async (hash, passphrase, self->verifying, verify_done_cb, call);
}

gboolean
rd_lock_get_locked (RdLock *self)
{
  g_return_val_if_fail (RD_IS_LOCK (self), FALSE);

  return self->locked;
}

static gboolean
check_idle_cb (gpointer user_data)
{
  RdLock *self = user_data;
  gint64 idle = g_get_monotonic_time () - self->last_input;

  if (!self->locked && self->idle_timeout > 0 &&
      idle >= (gint64) self->idle_timeout * G_USEC_PER_SEC)
    rd_lock_lock (self);
  return G_SOURCE_CONTINUE;
}

/**
 * rd_lock_set_idle_timeout:
 * @seconds: lock after this long without a key press, click, scroll or
 *   pointer movement in the window; 0 never
 */
void
rd_lock_set_idle_timeout (RdLock *self,
                          guint   seconds)
{
  g_return_if_fail (RD_IS_LOCK (self));

  self->idle_timeout = seconds;
  self->last_input = g_get_monotonic_time ();
  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (seconds > 0)
    /* Look often enough to lock within a few percent of the time asked. */
    self->idle_source = g_timeout_add (CLAMP (seconds * 1000 / 20, 100, 15000), check_idle_cb, self);
}

guint
rd_lock_get_idle_timeout (RdLock *self)
{
  g_return_val_if_fail (RD_IS_LOCK (self), 0);

  return self->idle_timeout;
}

static gboolean
on_window_event_cb (GtkEventControllerLegacy *controller,
                    GdkEvent                 *event,
                    RdLock                   *self)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
    case GDK_BUTTON_PRESS:
    case GDK_MOTION_NOTIFY:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
    case GDK_TOUCHPAD_SWIPE:
    case GDK_TOUCHPAD_PINCH:
      self->last_input = g_get_monotonic_time ();
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
read_settings (RdLock *self)
{
  rd_lock_set_idle_timeout (self, self->store ? rd_store_get_lock_idle_minutes (self->store) * 60 : 0);
}

/**
 * rd_lock_new:
 * @store: (nullable): where the passphrase and idle time are kept
 *
 * Watches @window for input and locks it when asked or when idle for the
 * time set in @store. The window must keep the returned object and drop it
 * in its dispose.
 */
RdLock *
rd_lock_new (AdwApplicationWindow *window,
             RdStore              *store)
{
  RdLock *self;
  GtkEventController *controller;

  g_return_val_if_fail (ADW_IS_APPLICATION_WINDOW (window), NULL);

  self = g_object_new (RD_TYPE_LOCK, NULL);
  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  if (store != NULL)
    {
      self->store = g_object_ref (store);
      g_signal_connect_object (store, "changed::settings", G_CALLBACK (read_settings), self,
                               G_CONNECT_SWAPPED);
    }

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (on_window_event_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);

  read_settings (self);
  return self;
}

static void
rd_lock_dispose (GObject *object)
{
  RdLock *self = RD_LOCK (object);

  g_cancellable_cancel (self->verifying);
  g_clear_object (&self->verifying);
  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (self->window != NULL && self->locked)
    {
      /* The window is going away locked. Its content is not put back (a
       * window being destroyed must not take new children); it goes with
       * the last reference below, and the dialogs it hid go too. */
      for (guint i = 0; self->hidden != NULL && i < self->hidden->len; i++)
        gtk_window_destroy (g_ptr_array_index (self->hidden, i));
    }
  if (self->window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
      self->window = NULL;
    }
  g_clear_weak_pointer (&self->focus);
  g_clear_object (&self->content);
  g_clear_object (&self->page);
  g_clear_object (&self->store);
  g_clear_pointer (&self->hidden, g_ptr_array_unref);
  g_clear_pointer (&self->disabled_app_actions, g_ptr_array_unref);

  G_OBJECT_CLASS (rd_lock_parent_class)->dispose (object);
}

static void
rd_lock_finalize (GObject *object)
{
  RdLock *self = RD_LOCK (object);

  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (rd_lock_parent_class)->finalize (object);
}

static void
rd_lock_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  RdLock *self = RD_LOCK (object);

  switch (prop_id)
    {
    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_lock_class_init (RdLockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rd_lock_dispose;
  object_class->finalize = rd_lock_finalize;
  object_class->get_property = rd_lock_get_property;

  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rd_lock_init (RdLock *self)
{
  self->hidden = g_ptr_array_new_with_free_func (g_object_unref);
  self->disabled_app_actions = g_ptr_array_new_with_free_func (g_object_unref);
}
