/* rd-lock-page.c: the lock screen: a passphrase entry and an Unlock button.
 * It holds no case data; RdLock puts it in place of the window's content.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-lock-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-gui-util.h"
#include "rd-lock-page.h"

struct _RdLockPage
{
  GtkWidget         parent_instance;

  gboolean          needs_passphrase;

  AdwStatusPage    *status_page;
  GtkPasswordEntry *passphrase_entry;
  GtkLabel         *error_label;
  GtkButton        *unlock_button;
};

G_DEFINE_FINAL_TYPE (RdLockPage, rd_lock_page, GTK_TYPE_WIDGET)

enum {
  UNLOCK_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

RdLockPage *
rd_lock_page_new (void)
{
  return g_object_new (RD_TYPE_LOCK_PAGE, NULL);
}

/**
 * rd_lock_page_reset:
 * @needs_passphrase: whether an adviser's passphrase is set
 *
 * Clears the entry and any message, ready for a new lock.
 */
void
rd_lock_page_reset (RdLockPage *self,
                    gboolean    needs_passphrase)
{
  g_return_if_fail (RD_IS_LOCK_PAGE (self));

  self->needs_passphrase = needs_passphrase;
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  gtk_widget_set_visible (GTK_WIDGET (self->passphrase_entry), needs_passphrase);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  adw_status_page_set_description (self->status_page,
                                   needs_passphrase
                                   ? _("The cases are hidden. Type the adviser’s passphrase to "
                                       "see them again.")
                                   : _("The cases are hidden until someone presses “Unlock”. Set a "
                                       "passphrase in “Preferences” to keep others out."));
  rd_lock_page_set_busy (self, FALSE);
}

void
rd_lock_page_set_busy (RdLockPage *self,
                       gboolean    busy)
{
  g_return_if_fail (RD_IS_LOCK_PAGE (self));

  /* The entry keeps the focus while the check runs: a focused text field
   * made insensitive never hears that it lost the focus. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->unlock_button), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->passphrase_entry), !busy);
  if (!busy)
    {
      if (self->needs_passphrase)
        gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_entry));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->unlock_button));
    }
}

void
rd_lock_page_show_error (RdLockPage *self,
                         const char *message)
{
  g_return_if_fail (RD_IS_LOCK_PAGE (self));

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  rd_lock_page_set_busy (self, FALSE);
}

static void
on_unlock_cb (RdLockPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry));

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->unlock_button)))
    return;
  if (self->needs_passphrase && *text == '\0')
    {
      rd_lock_page_show_error (self, _("Type the passphrase first."));
      return;
    }
  g_signal_emit (self, signals[UNLOCK_REQUESTED], 0, self->needs_passphrase ? text : NULL);
}

static void
rd_lock_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RD_TYPE_LOCK_PAGE);
  rd_gui_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (rd_lock_page_parent_class)->dispose (object);
}

static void
rd_lock_page_class_init (RdLockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_lock_page_dispose;

  /**
   * RdLockPage::unlock-requested:
   * @passphrase: (nullable): what was typed, or %NULL when no passphrase
   *   is set
   */
  signals[UNLOCK_REQUESTED] =
    g_signal_new ("unlock-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-lock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdLockPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, RdLockPage, passphrase_entry);
  gtk_widget_class_bind_template_child (widget_class, RdLockPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, RdLockPage, unlock_button);
  gtk_widget_class_bind_template_callback (widget_class, on_unlock_cb);
}

static void
rd_lock_page_init (RdLockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rd_lock_page_reset (self, FALSE);
}
