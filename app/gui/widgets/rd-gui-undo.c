/* rd-gui-undo.c: helpers for deleting undoably and offering Undo: the one
 * toast for a delete and its undo, the offer of a window or a dialog, an
 * undoable unlink.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-gui"

#include "config.h"

#include "rd-gui-undo.h"
#include "rd-gui-util.h"

static void
on_slot_toast_dismissed_cb (AdwToast *toast,
                            GObject  *owner)
{
  AdwToast **slot = g_object_get_data (G_OBJECT (toast), "rd-toast-slot");

  if (slot != NULL && *slot == toast)
    g_clear_weak_pointer (slot);
}

/* A toast's own button dismisses it a moment after its action has run
 * (libadwaita 1.2), so what the action made it say (Undo: "… restored")
 * would be gone at once: it goes on in a new toast, shown when this one
 * has gone. */
static void
on_slot_toast_button_clicked_cb (AdwToast *toast,
                                 GObject  *owner)
{
  AdwToast **slot = g_object_get_data (G_OBJECT (toast), "rd-toast-slot");
  AdwToastOverlay *overlay = g_object_get_data (owner, "rd-toast-overlay");
  const char *button_label = adw_toast_get_button_label (toast);
  AdwToast *next;

  if (slot == NULL || *slot != toast)
    return;
  g_clear_weak_pointer (slot);
  if (overlay == NULL)
    return;
  next = rd_gui_toast_slot_set (owner, slot, adw_toast_get_title (toast), button_label,
                                adw_toast_get_action_name (toast), button_label != NULL ? 10 : 5);
  adw_toast_overlay_add_toast (overlay, next);
}

/**
 * rd_gui_toast_slot_set:
 * @owner: what holds @slot
 * @slot: (inout): a weak pointer to the toast last shown, cleared when it
 *   goes
 * @button_label: (nullable): a button, or none
 * @action_name: (nullable): what the button does
 *
 * One toast at a time for messages that follow each other (a delete, its
 * undo): while the last is still shown it says the new message instead;
 * once it has gone, a new toast is made. A new title is told to a screen
 * reader here (rd_gui_announce()); a new toast, by whoever shows it.
 *
 * Nothing here dismisses a toast: in libadwaita 1.2 a toast dismissed while
 * it comes in (its 500 ms entrance after another toast) finishes leaving
 * before it has finished coming, and the end of its entrance then writes
 * to memory already freed; replacing by priority fails an assertion when
 * the toast pushed back comes round again. After a toast's own button has
 * been pressed (which dismisses it), the next message gets a new toast.
 *
 * Returns: (transfer full) (nullable): the new toast, for the caller to
 *   add to its overlay; %NULL when the toast shown says it now
 */
AdwToast *
rd_gui_toast_slot_set (GObject    *owner,
                       AdwToast  **slot,
                       const char *title,
                       const char *button_label,
                       const char *action_name,
                       guint       timeout)
{
  AdwToast *toast;

  if (*slot != NULL)
    {
      if (GTK_IS_WIDGET (owner))
        rd_gui_announce (GTK_WIDGET (owner), title);
      adw_toast_set_title (*slot, title);
      adw_toast_set_button_label (*slot, button_label);
      adw_toast_set_action_name (*slot, action_name);
      return NULL;
    }
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_action_name (toast, action_name);
  adw_toast_set_timeout (toast, timeout);
  g_set_weak_pointer (slot, toast);
  g_object_set_data (G_OBJECT (toast), "rd-toast-slot", slot);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_slot_toast_dismissed_cb), owner, 0);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_slot_toast_button_clicked_cb),
                           owner, 0);
  return toast;
}

/**
 * rd_gui_offer_undo:
 * @deleted: the toast's title, e.g. "Diary entry deleted"
 * @restored: what it says once undone, e.g. "Diary entry restored"
 * @page: (nullable): the case page that lists what was deleted
 * @id: the id of the record that page shows after Undo
 *
 * After an undoable delete: offers Undo in the window's toast (and with
 * Ctrl+Z), or, outside the main window, says @deleted.
 */
void
rd_gui_offer_undo (GtkWidget  *widget,
                   const char *deleted,
                   const char *restored,
                   const char *page,
                   gint64      id)
{
  if (!gtk_widget_activate_action (widget, "win.offer-undo", "(sssx)", deleted, restored,
                                   page != NULL ? page : "", id))
    rd_gui_show_toast (widget, deleted);
}

/**
 * rd_gui_offer_undo_in_dialog:
 * @what: which kind of record, for the dialog's show_restored()
 * @id: the record (or piece of evidence) to choose after Undo
 *
 * After an undoable delete inside a dialog (an RdStoreDialog, which is
 * modal: the window's Undo cannot be reached), offers Undo in the dialog.
 *
 * Returns: %FALSE when @widget is not in such a dialog
 */
gboolean
rd_gui_offer_undo_in_dialog (GtkWidget  *widget,
                             const char *deleted,
                             const char *restored,
                             const char *what,
                             gint64      id)
{
  return gtk_widget_activate_action (widget, "dialog.offer-undo", "(sssx)", deleted, restored,
                                     what, id);
}

/**
 * rd_gui_unlink_evidence_undoably:
 *
 * Takes a piece of evidence off a record so that win.undo can put it back.
 *
 * Returns: whether a link went; %FALSE with @error set when it failed, or
 *   unset when there was no such link
 */
gboolean
rd_gui_unlink_evidence_undoably (RdStore               *store,
                                 gint64                 evidence_id,
                                 RdEvidenceTargetKind   kind,
                                 gint64                 target_id,
                                 GError               **error)
{
  if (!rd_store_begin_undoable (store, error))
    return FALSE;
  if (!rd_store_unlink_evidence (store, evidence_id, kind, target_id, error))
    {
      rd_store_rollback (store);
      return FALSE;
    }
  return rd_store_commit_undoable (store, error) != 0;
}
