/* rd-gui-list.c: helpers the case pages share for their lists, selections and confirmations.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-gui"

#include "config.h"

#include "rd-gui-list.h"

/*
 * A single selection over @model (taken over) that starts empty and can be
 * emptied again, as the pages' lists are: nothing is opened in the editor
 * until the page or the resident chooses. @on_selected_item (optional) gets @data.
 */
GtkSingleSelection *
rd_gui_single_selection_new (GListModel *model,
                             GCallback   on_selected_item,
                             gpointer    data)
{
  GtkSingleSelection *selection = gtk_single_selection_new (model);

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  if (on_selected_item != NULL)
    g_signal_connect_swapped (selection, "notify::selected-item", on_selected_item, data);
  return selection;
}

/* A factory whose "setup", "bind" and "unbind" get @data; any of them may be NULL. */
GtkListItemFactory *
rd_gui_list_item_factory_new (GCallback setup,
                              GCallback bind,
                              GCallback unbind,
                              gpointer  data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  if (setup != NULL)
    g_signal_connect (factory, "setup", setup, data);
  if (bind != NULL)
    g_signal_connect (factory, "bind", bind, data);
  if (unbind != NULL)
    g_signal_connect (factory, "unbind", unbind, data);
  return factory;
}

typedef struct {
  RdGuiRowUpdate update;
  gpointer       data;
} Follow;

static void
on_followed_item_notify_cb (GObject     *object,
                            GParamSpec  *pspec,
                            GtkListItem *item)
{
  Follow *follow = g_object_get_data (G_OBJECT (item), "rd-gui-follow");

  if (follow != NULL)
    follow->update (follow->data, item);
}

/*
 * For a factory's "bind": fills the row now with @update, and again each
 * time the item emits @detailed_signal ("notify::title"), until
 * rd_gui_list_item_unfollow() in "unbind".
 */
void
rd_gui_list_item_follow (GtkListItem    *item,
                         const char     *detailed_signal,
                         RdGuiRowUpdate  update,
                         gpointer        data)
{
  Follow *follow = g_new (Follow, 1);

  follow->update = update;
  follow->data = data;
  g_object_set_data_full (G_OBJECT (item), "rd-gui-follow", follow, g_free);
  update (data, item);
  g_signal_connect_object (gtk_list_item_get_item (item), detailed_signal,
                           G_CALLBACK (on_followed_item_notify_cb), item, 0);
}

void
rd_gui_list_item_unfollow (GtkListItem *item)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), on_followed_item_notify_cb, item);
}

/* Puts the items of @items (NULL: none) in place of all of @store's, in one change. */
void
rd_gui_list_store_replace (GListStore *store,
                           GListModel *items)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0, n = items ? g_list_model_get_n_items (items) : 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (items, i));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       array->pdata, array->len);
}

guint
rd_gui_find_position (GListModel *model,
                      gpointer    item)
{
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);
      if (other == item)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/*
 * Removes @item from @store, if it is there, and says whether it was. A
 * page lists its records through a selection that moves when a row goes:
 * with @ignore_selection (the page's own flag) set meanwhile, it does not
 * take that move for the resident choosing another record.
 */
gboolean
rd_gui_list_store_take_out (GListStore *store,
                            gpointer    item,
                            gboolean   *ignore_selection)
{
  gboolean ignoring = ignore_selection != NULL && *ignore_selection;
  guint position;

  if (item == NULL || !g_list_store_find (store, item, &position))
    return FALSE;
  if (ignore_selection != NULL)
    *ignore_selection = TRUE;
  g_list_store_remove (store, position);
  if (ignore_selection != NULL)
    *ignore_selection = ignoring;
  return TRUE;
}

/* On a narrow window the list and the editor take turns: bring the editor
 * in (it is named "editor" in the leaflet). On a wide one both show. */
void
rd_gui_leaflet_show_editor (AdwLeaflet *leaflet)
{
  if (adw_leaflet_get_folded (leaflet))
    adw_leaflet_set_visible_child_name (leaflet, "editor");
}

/* Forgets which child of each widget from @widget down last held the
 * focus: GTK moves the focus on from there, and it may be gone. */
static void
forget_focus_children (GtkWidget *widget)
{
  GtkWidget *child = gtk_widget_get_focus_child (widget);

  if (child == NULL)
    return;
  forget_focus_children (child);
  gtk_widget_set_focus_child (widget, NULL);
}

/**
 * rd_gui_focus_chosen_row:
 * @page: the page that lists the records
 * @selection: what @view shows, with the record chosen after a delete
 * @view: the page's list view
 * @leaflet: (nullable): the leaflet holding the list beside the editor
 *
 * After a delete the focused control (a delete button, a row) has gone,
 * and GTK would put the keyboard on the window's first control. It goes to
 * the chosen row instead, with the list in view on a folded @leaflet; with
 * nothing chosen, to the first control of @page (its empty state's button).
 */
void
rd_gui_focus_chosen_row (GtkWidget          *page,
                         GtkSingleSelection *selection,
                         GtkWidget          *view,
                         AdwLeaflet         *leaflet)
{
  GtkRoot *root = gtk_widget_get_root (page);
  GtkWidget *row;

  if (gtk_single_selection_get_selected_item (selection) == NULL)
    {
      /* Tab order from nowhere starts at the page's first control; GTK
       * would start after the row that had the focus, in the list now
       * hidden, and find nothing after it. */
      if (root != NULL)
        gtk_root_set_focus (root, NULL);
      forget_focus_children (page);
      gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
      return;
    }
  if (leaflet != NULL && adw_leaflet_get_folded (leaflet))
    adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  row = rd_gui_find_selected_row (view);
  if (row == NULL || !gtk_widget_grab_focus (row))
    gtk_widget_grab_focus (view);
}

/* Selects @item (NULL: nothing) and scrolls @view, a list or grid view, to it. */
void
rd_gui_select_item (GtkSingleSelection *selection,
                    GtkWidget          *view,
                    gpointer            item)
{
  guint position = item ? rd_gui_find_position (G_LIST_MODEL (selection), item)
                        : GTK_INVALID_LIST_POSITION;

  gtk_single_selection_set_selected (selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (view, "list.scroll-to-item", "u", position);
}

/**
 * rd_gui_find_selected_row:
 *
 * Returns: (transfer none) (nullable): the row showing the chosen item: the
 *   first mapped, selected child of a list or grid view under @widget,
 *   for the keyboard to land on
 */
GtkWidget *
rd_gui_find_selected_row (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_mapped (child))
        continue;
      if ((GTK_IS_LIST_VIEW (widget) || GTK_IS_GRID_VIEW (widget)) &&
          (gtk_widget_get_state_flags (child) & GTK_STATE_FLAG_SELECTED) != 0)
        return child;
      found = rd_gui_find_selected_row (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/*
 * Newest first for sorters: undated things after dated ones, and at the same
 * time one not saved yet (id 0) above the others, then the later id first.
 */
int
rd_gui_compare_newest_first (GDateTime *a,
                             gint64     id_a,
                             GDateTime *b,
                             gint64     id_b)
{
  int cmp = (a && b) ? g_date_time_compare (b, a) : (a != NULL) - (b != NULL);

  if (cmp != 0)
    return cmp;
  if (id_a == 0 || id_b == 0)
    return (id_a == 0) ? ((id_b == 0) ? 0 : -1) : 1;
  return (id_a < id_b) - (id_a > id_b);
}

/* Now, without the seconds: what a new diary entry or contact starts with. */
GDateTime *
rd_gui_now_to_the_minute (RdClock *clock)
{
  g_autoptr(GDateTime) now = rd_clock_dup_now (clock);

  return g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                g_date_time_get_day_of_month (now), g_date_time_get_hour (now),
                                g_date_time_get_minute (now), 0);
}

/* Whether RdStore::changed for @case_id (0: any case) concerns a page showing @rcase. */
gboolean
rd_gui_change_concerns (RdCase *rcase,
                        gint64  case_id)
{
  return rcase != NULL && (case_id == 0 || case_id == rd_case_get_id (rcase));
}

/*
 * Asks before something is deleted or removed for good: @keep_label ("cancel",
 * the default, also on Escape) or @response_label (@response, in red).
 * @on_response is connected with @data, an object the dialog must not outlive.
 *
 * Returns: (transfer none): the dialog, already presented
 */
AdwMessageDialog *
rd_gui_confirm_destructive (GtkWidget  *widget,
                            const char *heading,
                            const char *body,
                            const char *keep_label,
                            const char *response,
                            const char *response_label,
                            GCallback   on_response,
                            gpointer    data)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", keep_label, response, response_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", on_response, data, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
