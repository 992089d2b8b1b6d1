/* rd-gui-undo.c: helpers for deleting undoably and offering Undo: the one
 * toast for a delete and its undo, the window's offer, an undoable unlink.
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
 * once it has gone, a new toast is made.
 *
 * Nothing here dismisses a toast: libadwaita 1.2 frees a toast's widget
 * twice when a toast is dismissed while shown (its own button dismisses it
 * too) or while it comes in, and replacing by priority fails an assertion
 * when the toast pushed back comes round again.
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
