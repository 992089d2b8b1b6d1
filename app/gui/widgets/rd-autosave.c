/* rd-autosave.c: writes a form a moment after typing pauses, and at once when it must.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-autosave"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-autosave.h"
#include "rd-gui-util.h"

/*
 * Redress's forms have no Save button. Each change marks the form pending
 * and (re)starts a short timer; when typing pauses the form is written.
 * It is also written at once when the focus leaves it, when its window is
 * asked to close, and whenever its owner flushes (another record chosen,
 * the case or the window closing), so that nothing typed is lost.
 *
 * The form itself only knows how to write (the write function). This
 * object says so under the form: nothing while typing, "Saved" after a
 * write, "Not saved yet: …" with the store's reason when a write fails, in
 * which case the changes stay pending and the next write tries again.
 *
 * The form owns its RdAutosave and is not referenced by it. Its dispose
 * calls rd_autosave_finish() first, while its fields are still there.
 */

struct _RdAutosave
{
  GObject             parent_instance;

  GtkWidget          *form;            /* unowned: it owns us */
  GtkLabel           *status_label;    /* unowned: a child of the form */
  GtkEventController *focus;
  RdAutosaveWriteFunc write_func;
  guint               delay_ms;
  guint               timeout_source;
  gulong              close_handler;
  char               *hold_message;    /* set: a close with changes not written is held once */
  GtkWidget          *hold_focus;      /* unowned: a child of the form */
  gboolean            close_held;
  gboolean            pending;
  gboolean            saving;
  gboolean            finished;
};

G_DEFINE_FINAL_TYPE (RdAutosave, rd_autosave, G_TYPE_OBJECT)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * rd_autosave_flush:
 *
 * Writes what is pending now, if anything. Nothing pending is success; a
 * write the form holds back (a field to correct first) is too.
 *
 * Returns: %FALSE with @error set if the write failed
 */
gboolean
rd_autosave_flush (RdAutosave  *self,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  RdAutosaveResult result;

  g_return_val_if_fail (RD_IS_AUTOSAVE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_handle_id (&self->timeout_source, g_source_remove);
  /* A write can make the store tell the form's owner, which may ask again. */
  if (!self->pending || self->saving || self->finished)
    return TRUE;

  self->saving = TRUE;
  result = self->write_func (self->form, &local_error);
  self->saving = FALSE;

  switch (result)
    {
    case RD_AUTOSAVE_WRITTEN:
      self->pending = FALSE;
      rd_gui_set_status (self->status_label, _("Saved"), FALSE);
      g_signal_emit (self, signals[SAVED], 0);
      return TRUE;

    case RD_AUTOSAVE_HELD:
      return TRUE;

    case RD_AUTOSAVE_FAILED:
    default:
      {
        g_autofree char *message = NULL;

        g_assert (local_error != NULL);
        message = g_strdup_printf (_("Not saved yet: %s"), local_error->message);
        g_message ("Could not save %s: %s", G_OBJECT_TYPE_NAME (self->form), local_error->message);
        rd_gui_set_status (self->status_label, message, TRUE);
        g_propagate_error (error, g_steal_pointer (&local_error));
        return FALSE;
      }
    }
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  RdAutosave *self = user_data;

  self->timeout_source = 0;
  rd_autosave_flush (self, NULL);
  return G_SOURCE_REMOVE;
}

/**
 * rd_autosave_changed:
 *
 * Says that the form changed: it is written once changes pause for the
 * delay given to rd_autosave_new().
 */
void
rd_autosave_changed (RdAutosave *self)
{
  g_return_if_fail (RD_IS_AUTOSAVE (self));

  if (self->finished)
    return;
  self->pending = TRUE;
  self->close_held = FALSE;
  rd_gui_set_status (self->status_label, NULL, FALSE);
  g_clear_handle_id (&self->timeout_source, g_source_remove);
  self->timeout_source = g_timeout_add (self->delay_ms, on_timeout_cb, self);
}

/**
 * rd_autosave_discard:
 *
 * Forgets what is pending without writing it: the form shows another
 * record, or what it showed was deleted.
 */
void
rd_autosave_discard (RdAutosave *self)
{
  g_return_if_fail (RD_IS_AUTOSAVE (self));

  g_clear_handle_id (&self->timeout_source, g_source_remove);
  self->pending = FALSE;
}

/**
 * rd_autosave_finish:
 *
 * Writes what is pending for the last time; after this nothing is written.
 * Forms call it first thing in their dispose.
 */
void
rd_autosave_finish (RdAutosave *self)
{
  g_return_if_fail (RD_IS_AUTOSAVE (self));

  if (self->finished)
    return;
  rd_autosave_flush (self, NULL);
  self->finished = TRUE;
  g_clear_handle_id (&self->timeout_source, g_source_remove);
  if (self->focus != NULL)
    gtk_widget_remove_controller (self->form, self->focus);
  self->focus = NULL;
  if (self->close_handler != 0)
    g_clear_signal_handler (&self->close_handler, self->form);
}

gboolean
rd_autosave_is_pending (RdAutosave *self)
{
  g_return_val_if_fail (RD_IS_AUTOSAVE (self), FALSE);

  return self->pending;
}

/**
 * rd_autosave_is_saving:
 *
 * Returns: %TRUE while the form is being written, so that its owner can
 *   tell its own write from another's when the store says it changed
 */
gboolean
rd_autosave_is_saving (RdAutosave *self)
{
  g_return_val_if_fail (RD_IS_AUTOSAVE (self), FALSE);

  return self->saving;
}

static void
on_focus_leave_cb (RdAutosave *self)
{
  rd_autosave_flush (self, NULL);
}

/* Writes what it can before the window goes. With rd_autosave_hold_close(),
 * a change that could not be written (a field the form refused, a store
 * that said no) keeps the window open once, saying so; asked again without
 * a change, the window closes and the record stays as it was last written. */
static gboolean
on_close_request_cb (RdAutosave *self)
{
  rd_autosave_flush (self, NULL);
  if (self->hold_message == NULL || !self->pending || self->finished)
    return GDK_EVENT_PROPAGATE;
  if (self->close_held)
    {
      rd_autosave_discard (self);
      return GDK_EVENT_PROPAGATE;
    }
  self->close_held = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
  rd_gui_set_status (self->status_label, self->hold_message, TRUE);
  if (self->hold_focus != NULL)
    gtk_widget_grab_focus (self->hold_focus);
  return GDK_EVENT_STOP;
}

/**
 * rd_autosave_hold_close:
 * @message: what the form says when a close is held: that the change is
 *   not saved, and that closing again keeps the record as it was
 * @focus: (nullable): where the focus goes then, the field to correct
 *
 * Makes a close of the form's window, while a change could not be written,
 * wait for a second close. Only for forms that are windows.
 */
void
rd_autosave_hold_close (RdAutosave *self,
                        const char *message,
                        GtkWidget  *focus)
{
  g_return_if_fail (RD_IS_AUTOSAVE (self));
  g_return_if_fail (message != NULL);
  g_return_if_fail (GTK_IS_WINDOW (self->form));

  g_free (self->hold_message);
  self->hold_message = g_strdup (message);
  self->hold_focus = focus;
}

static void
rd_autosave_dispose (GObject *object)
{
  RdAutosave *self = RD_AUTOSAVE (object);

  /* The form should have finished; if it did not, never write from here. */
  self->finished = TRUE;
  g_clear_handle_id (&self->timeout_source, g_source_remove);

  G_OBJECT_CLASS (rd_autosave_parent_class)->dispose (object);
}

static void
rd_autosave_finalize (GObject *object)
{
  RdAutosave *self = RD_AUTOSAVE (object);

  g_clear_pointer (&self->hold_message, g_free);

  G_OBJECT_CLASS (rd_autosave_parent_class)->finalize (object);
}

static void
rd_autosave_class_init (RdAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rd_autosave_dispose;
  object_class->finalize = rd_autosave_finalize;

  /**
   * RdAutosave::saved:
   *
   * The form was written; its status already says so.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rd_autosave_init (RdAutosave *self)
{
}

/**
 * rd_autosave_new:
 * @form: the form; it owns the new object
 * @status_label: where the form says whether it is saved
 * @delay_ms: how long typing must pause before a write
 * @write_func: writes @form's pending changes
 *
 * Returns: (transfer full): a helper that writes @form
 */
RdAutosave *
rd_autosave_new (GtkWidget           *form,
                 GtkLabel            *status_label,
                 guint                delay_ms,
                 RdAutosaveWriteFunc  write_func)
{
  RdAutosave *self;

  g_return_val_if_fail (GTK_IS_WIDGET (form), NULL);
  g_return_val_if_fail (GTK_IS_LABEL (status_label), NULL);
  g_return_val_if_fail (write_func != NULL, NULL);

  self = g_object_new (RD_TYPE_AUTOSAVE, NULL);
  self->form = form;
  self->status_label = status_label;
  self->delay_ms = delay_ms;
  self->write_func = write_func;

  self->focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (self->focus, "leave", G_CALLBACK (on_focus_leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (form, self->focus);
  if (GTK_IS_WINDOW (form))
    self->close_handler = g_signal_connect_object (form, "close-request",
                                                   G_CALLBACK (on_close_request_cb), self,
                                                   G_CONNECT_SWAPPED);
  return self;
}
