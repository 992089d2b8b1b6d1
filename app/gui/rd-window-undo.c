/* rd-window-undo.c: the window's Undo of the last delete: its toast, Ctrl+Z,
 * and showing what came back.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page that deletes something undoably (rd_store_delete_undoable())
 * hands the window, through win.offer-undo, the sentences to say and where
 * the record lives: a page name and the record's id. The window keeps those
 * and the store's token, never the record or its row, which are gone by
 * then; win.undo puts it back, shows the page, chooses the record and puts
 * the keyboard on its row. It reaches the window only through rd-window.h.
 */
#define G_LOG_DOMAIN "rd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-diary-page.h"
#include "rd-evidence-page.h"
#include "rd-gui-list.h"
#include "rd-gui-undo.h"
#include "rd-gui-util.h"
#include "rd-record-list-page.h"
#include "rd-window.h"
#include "rd-window-undo.h"

typedef struct {
  guint     token;
  char     *restored;  /* what the toast says once it is back */
  char     *page;      /* the case page that lists it, or NULL */
  gint64    id;        /* the record that page selects */
  AdwToast *toast;     /* (weak) the last toast shown here */
} UndoOffer;

static void
undo_offer_free (UndoOffer *offer)
{
  g_clear_weak_pointer (&offer->toast);
  g_free (offer->restored);
  g_free (offer->page);
  g_free (offer);
}

static UndoOffer *
get_offer (RdWindow *self)
{
  UndoOffer *offer = g_object_get_data (G_OBJECT (self), "rd-undo-offer");

  if (offer == NULL)
    {
      offer = g_new0 (UndoOffer, 1);
      g_object_set_data_full (G_OBJECT (self), "rd-undo-offer", offer,
                              (GDestroyNotify) undo_offer_free);
    }
  return offer;
}

/* Says @title in the window's one toast for deletes and undo, with Undo
 * on it when @undo. */
static void
say (RdWindow   *self,
     UndoOffer  *offer,
     const char *title,
     gboolean    undo)
{
  AdwToast *toast;

  /* Long enough to notice, read and reach; Ctrl+Z works after it too. */
  toast = rd_gui_toast_slot_set (G_OBJECT (self), &offer->toast, title,
                                 undo ? _("_Undo") : NULL, undo ? "win.undo" : NULL,
                                 undo ? 10 : 5);
  if (toast != NULL)
    rd_window_show_toast (self, toast);
}

static void
offer_undo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);
  RdStore *store = rd_window_get_store (self);
  UndoOffer *offer = get_offer (self);
  const char *deleted, *restored, *page;

  g_variant_get (parameter, "(&s&s&sx)", &deleted, &restored, &page, &offer->id);
  offer->token = store != NULL ? rd_store_get_undo_token (store) : 0;
  g_free (offer->restored);
  offer->restored = g_strdup (restored);
  g_free (offer->page);
  offer->page = page[0] != '\0' ? g_strdup (page) : NULL;

  say (self, offer, deleted, offer->token != 0);
}

static gboolean
select_record (GtkWidget *page,
               gint64     id)
{
  if (RD_IS_DIARY_PAGE (page))
    return rd_diary_page_select_entry (RD_DIARY_PAGE (page), id);
  if (RD_IS_RECORD_LIST_PAGE (page))
    return rd_record_list_page_select_id (RD_RECORD_LIST_PAGE (page), id);
  if (RD_IS_EVIDENCE_PAGE (page))
    return rd_evidence_page_select (RD_EVIDENCE_PAGE (page), id);
  return FALSE;
}

/* Shows what came back: its page, the record chosen, the keyboard on its
 * row (or, failing that, in the page). */
static void
show_restored (RdWindow  *self,
               UndoOffer *offer)
{
  GtkWidget *page;
  GtkWidget *row;

  if (offer->page == NULL || rd_window_get_case (self) == NULL)
    return;
  page = rd_window_show_page (self, offer->page);
  if (page == NULL)
    return;
  if (select_record (page, offer->id) && (row = rd_gui_find_selected_row (page)) != NULL &&
      gtk_widget_grab_focus (row))
    return;
  gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdWindow *self = RD_WINDOW (widget);
  RdStore *store = rd_window_get_store (self);
  UndoOffer *offer = get_offer (self);
  g_autoptr(GError) error = NULL;

  if (store == NULL || offer->token == 0 || offer->token != rd_store_get_undo_token (store))
    {
      offer->token = 0;
      say (self, offer, _("There is nothing to undo."), FALSE);
      return;
    }
  if (!rd_store_undo (store, offer->token, &error))
    {
      offer->token = 0;
      say (self, offer, error->message, FALSE);
      return;
    }
  offer->token = 0;
  show_restored (self, offer);
  /* The toast's title is what a screen reader says. */
  say (self, offer, offer->restored, FALSE);
}

/* Ctrl+Z: in a text box it belongs to the text (GtkText and GtkTextView
 * undo typing), even when the text has nothing left to undo. */
static gboolean
undo_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));

  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus)))
    return FALSE;
  return gtk_widget_activate_action (widget, "win.undo", NULL);
}

/**
 * _rd_window_forget_undo:
 *
 * Forgets the last delete, as when its case closes: its toast goes, and
 * the files of deleted evidence with it.
 */
void
_rd_window_forget_undo (RdWindow *self)
{
  UndoOffer *offer = get_offer (self);
  RdStore *store = rd_window_get_store (self);

  /* The toast stays while it was going to, without its Undo. */
  if (offer->toast != NULL)
    {
      adw_toast_set_button_label (offer->toast, NULL);
      adw_toast_set_action_name (offer->toast, NULL);
    }
  offer->token = 0;
  if (store != NULL && rd_store_get_undo_token (store) != 0)
    rd_store_forget_undo (store);
}

void
_rd_window_class_add_undo_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.offer-undo", "(sssx)", offer_undo_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, undo_shortcut_cb, NULL);
}
