/* rd-diary-page.c: the case page that keeps the incident diary.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-diary-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-diary-page-private.h"
#include "rd-gui-list.h"
#include "rd-gui-undo.h"
#include "rd-gui-util.h"
#include "rd-incident-row.h"

/*
 * The diary: what each row shows of the case's entries (RdDiaryItem, a
 * GListStore read from the store one entry at a time) → sorted newest
 * first → filtered by the category and by the ids a search of the diary's
 * index found (rd_search_service_find_async(), off the main
 * thread) → a single selection shown in a GtkListView. The page holds no
 * whole entry but the one open: the selected entry is read from the store
 * and edited by the RdIncidentEditor beside the list (below it, on a
 * narrow window), and its item follows what is written, so its row does.
 * The items are read on a worker (rd-diary-page-read.c); when the diary
 * changes elsewhere, they are read again and only those that differ
 * change, so the rows of the others are left as laid out.
 */

G_DEFINE_FINAL_TYPE (RdDiaryPage, rd_diary_page, RD_TYPE_CASE_PAGE)

/* Newest first; an entry not saved yet goes above others at the same time. */
static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  return rd_diary_item_compare ((RdDiaryItem *) a, (RdDiaryItem *) b);
}

void
_rd_diary_page_select_item (RdDiaryPage *self,
                            gpointer     item)
{
  rd_gui_select_item (self->selection, GTK_WIDGET (self->diary_list), item);
}

void
_rd_diary_page_update_counts (RdDiaryPage *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  gboolean reading = rd_diary_page_is_reading (self);
  g_autofree char *text = NULL;

  if (reading)
    text = g_strdup (_("Reading the diary…"));
  else if (shown == total)
    text = g_strdup_printf (ngettext ("%u entry", "%u entries", total), total);
  else
    /* Translators: "3 of 14 entries", after searching the diary */
    text = g_strdup_printf (ngettext ("%u of %u entry", "%u of %u entries", total), shown, total);
  gtk_label_set_text (self->count_label, text);

  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 || total == 0 ? "list" : "no-results");
  /* Not "no entries yet" before they are read. */
  gtk_stack_set_visible_child_name (self->diary_stack, total > 0 || reading ? "diary" : "empty");
}

static void
show_editor_title (RdDiaryPage *self)
{
  RdIncident *incident = rd_record_editor_get_record (RD_RECORD_EDITOR (self->editor));
  g_autofree char *title = NULL;

  if (incident != NULL && rd_incident_get_starts_at (incident) != NULL)
    {
      g_autoptr(GDate) date = rd_datetime_get_date (rd_incident_get_starts_at (incident));
      title = rd_date_format_long (date);
    }
  gtk_label_set_text (self->editor_title, title ? title : "");
}

/* The open entry was changed by the editor: its row follows. */
static void
on_entry_notify_cb (RdIncident  *incident,
                    GParamSpec  *pspec,
                    RdDiaryPage *self)
{
  if (self->open_item != NULL)
    rd_diary_item_update (self->open_item, incident);
}

/* The whole entry @item shows: the new one not written yet, or read from
 * the store. */
static RdIncident *
read_entry (RdDiaryPage  *self,
            RdDiaryItem  *item,
            GError      **error)
{
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));

  if (rd_diary_item_get_id (item) == 0)
    return g_steal_pointer (&self->unwritten);
  if (store == NULL)
    return NULL;
  return rd_store_get_incident (store, rd_diary_item_get_id (item), error);
}

/*
 * Opens the entry @item shows in the editor (NULL: none), which first
 * writes what was pending for the previous entry. A new entry that was
 * never written to is dropped.
 */
void
_rd_diary_page_edit_item (RdDiaryPage *self,
                          RdDiaryItem *item)
{
  g_autoptr(RdDiaryItem) previous = NULL;
  g_autoptr(RdIncident) previous_entry = NULL;
  g_autoptr(RdIncident) incident = NULL;
  g_autoptr(GError) error = NULL;
  RdIncident *current = rd_record_editor_get_record (RD_RECORD_EDITOR (self->editor));

  if (item == self->open_item)
    return;
  if (item != NULL && (incident = read_entry (self, item, &error)) == NULL)
    {
      if (error != NULL)
        rd_gui_show_toast (GTK_WIDGET (self), error->message);
      item = NULL;
    }
  previous_entry = current ? g_object_ref (current) : NULL;

  /* The previous entry's last words are written, and its row follows. */
  rd_record_editor_set_record (RD_RECORD_EDITOR (self->editor), incident);
  if (previous_entry != NULL)
    g_signal_handlers_disconnect_by_func (previous_entry, on_entry_notify_cb, self);
  previous = g_steal_pointer (&self->open_item);
  self->open_item = item ? g_object_ref (item) : NULL;
  self->sorted_starts = item ? rd_diary_item_get_starts (item) : 0;
  if (incident != NULL)
    g_signal_connect_object (incident, "notify", G_CALLBACK (on_entry_notify_cb), self, 0);

  if (previous != NULL && rd_diary_item_get_id (previous) == 0)
    {
      rd_gui_list_store_take_out (self->items, previous, &self->ignore_selection);
      _rd_diary_page_update_counts (self);
    }

  gtk_stack_set_visible_child_name (self->editor_stack, item != NULL ? "editor" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diary.delete-entry", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diary.show-history", item != NULL);
  show_editor_title (self);
}

static void
on_selection_changed_cb (RdDiaryPage *self)
{
  g_autoptr(GError) error = NULL;
  RdIncident *current = rd_record_editor_get_record (RD_RECORD_EDITOR (self->editor));

  if (self->ignore_selection)
    return;

  /* An entry that cannot be written stays open, so what was typed is not
   * lost from sight; the editor and a toast say why. */
  if (current != NULL && !rd_record_editor_flush (RD_RECORD_EDITOR (self->editor), &error))
    {
      self->ignore_selection = TRUE;
      _rd_diary_page_select_item (self, self->open_item);
      self->ignore_selection = FALSE;
      rd_gui_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  if (gtk_single_selection_get_selected_item (self->selection) != NULL)
    g_clear_object (&self->hidden_by_filter);
  _rd_diary_page_edit_item (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
on_list_activate_cb (RdDiaryPage *self,
                     guint        position)
{
  gtk_single_selection_set_selected (self->selection, position);
  rd_gui_leaflet_show_editor (self->leaflet);
  rd_incident_editor_focus_description (self->editor);
}

/* On a narrow window, a click on an entry (even the selected one) opens it. */
static void
on_list_released_cb (RdDiaryPage *self)
{
  if (gtk_single_selection_get_selected_item (self->selection) != NULL)
    rd_gui_leaflet_show_editor (self->leaflet);
}

static void
on_back_clicked_cb (RdDiaryPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/*
 * The open entry was written: its row shows it, and if its date moved it
 * goes to its new place, still selected. Taken out and put back, it is
 * the one row that moves: sorting the whole list again would tell the
 * list view that every row may have changed.
 */
static void
on_editor_saved_cb (RdDiaryPage *self,
                    RdIncident  *incident)
{
  RdDiaryItem *item = self->open_item;
  guint position;

  if (item == NULL)
    return;
  rd_diary_item_update (item, incident);
  if (rd_diary_item_get_starts (item) != self->sorted_starts &&
      g_list_store_find (self->items, item, &position))
    {
      gboolean selected = gtk_single_selection_get_selected_item (self->selection) == (gpointer) item;

      self->sorted_starts = rd_diary_item_get_starts (item);
      self->ignore_selection = TRUE;
      g_object_ref (item);
      g_list_store_remove (self->items, position);
      g_list_store_insert (self->items, position, item);
      g_object_unref (item);
      if (selected)
        _rd_diary_page_select_item (self, item);
      self->ignore_selection = FALSE;
    }
  show_editor_title (self);
  _rd_diary_page_update_counts (self);
}

/**
 * rd_diary_page_select_entry:
 *
 * Selects the entry with id @incident_id, if the diary shows it.
 */
gboolean
rd_diary_page_select_entry (RdDiaryPage *self,
                            gint64       incident_id)
{
  GListModel *model;

  g_return_val_if_fail (RD_IS_DIARY_PAGE (self), FALSE);

  /* What the page shows is read when it is first shown: now, if not yet. */
  rd_case_page_fill (RD_CASE_PAGE (self));
  _rd_diary_page_finish_reading (self);

  model = G_LIST_MODEL (self->filtered);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(RdDiaryItem) item = g_list_model_get_item (model, i);

      if (rd_diary_item_get_id (item) == incident_id)
        {
          _rd_diary_page_select_item (self, item);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * rd_diary_page_is_reading:
 *
 * Whether the case's entries are being read (on a worker), or are not all
 * in the list yet.
 */
gboolean
rd_diary_page_is_reading (RdDiaryPage *self)
{
  g_return_val_if_fail (RD_IS_DIARY_PAGE (self), FALSE);

  return self->reading != NULL || self->arriving != NULL;
}

/**
 * rd_diary_page_get_entries:
 *
 * Returns: (transfer none): what is listed of the entries (#RdDiaryItem):
 *   filtered, newest first
 */
GListModel *
rd_diary_page_get_entries (RdDiaryPage *self)
{
  g_return_val_if_fail (RD_IS_DIARY_PAGE (self), NULL);

  /* What the page shows is read when it is first shown: now, if not yet. */
  rd_case_page_fill (RD_CASE_PAGE (self));
  _rd_diary_page_finish_reading (self);

  return G_LIST_MODEL (self->filtered);
}

static void
new_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RdDiaryPage *self = RD_DIARY_PAGE (widget);
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));
  g_autoptr(RdIncident) incident = NULL;
  g_autoptr(RdDiaryItem) item = NULL;
  g_autoptr(GDateTime) minute = NULL;
  g_autoptr(GError) error = NULL;
  RdCategory category;

  if (store == NULL || rcase == NULL)
    return;

  /* The new entry must show, whatever the list was narrowed to. */
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->diary_search_entry), "");
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  _rd_diary_page_filter_changed (self);

  minute = rd_gui_now_to_the_minute (rd_store_get_clock (store));
  incident = rd_incident_new ();
  rd_incident_set_case_id (incident, rd_case_get_id (rcase));
  rd_incident_set_starts_at (incident, minute);
  /* Not always "Noise": the category of the entry written last here,
   * counting the one in the editor (written now if it is pending; a
   * failure shows in the editor, and the switch below says so again). */
  rd_record_editor_flush (RD_RECORD_EDITOR (self->editor), NULL);
  if (rd_store_get_last_category (store, rd_case_get_id (rcase), &category, &error))
    rd_incident_set_category (incident, category);
  else if (error != NULL)
    g_debug ("Could not read the last category: %s", error->message);
  item = rd_diary_item_new (incident);
  g_set_object (&self->unwritten, incident);
  g_list_store_insert (self->items, 0, item);
  _rd_diary_page_update_counts (self);

  _rd_diary_page_select_item (self, item);
  rd_gui_leaflet_show_editor (self->leaflet);
  rd_incident_editor_focus_description (self->editor);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       RdDiaryPage      *self)
{
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdIncident *incident = g_object_get_data (G_OBJECT (dialog), "incident");
  g_autoptr(RdDiaryItem) item = NULL;
  g_autoptr(RdDiaryItem) next = NULL;
  g_autoptr(GError) error = NULL;
  guint position;
  guint token = 0;
  gint64 id;

  if (!g_str_equal (response, "delete") || incident != rd_record_editor_get_record (RD_RECORD_EDITOR (self->editor)))
    return;

  position = gtk_single_selection_get_selected (self->selection);
  item = g_object_ref (self->open_item);
  _rd_diary_page_edit_item (self, NULL);
  self->own_write = TRUE;
  id = rd_diary_item_get_id (item);
  if (id != 0)
    token = rd_store_delete_undoable (store, rd_store_delete_incident, id, &error);
  if (error != NULL)
    rd_gui_show_toast (GTK_WIDGET (self), error->message);
  else
    rd_gui_list_store_take_out (self->items, item, &self->ignore_selection);
  self->own_write = FALSE;
  /* The window keeps the id, never the entry: Undo reads it back. */
  if (token != 0)
    rd_gui_offer_undo (GTK_WIDGET (self), _("Diary entry deleted"), _("Diary entry restored"),
                       "diary", id);

  _rd_diary_page_update_counts (self);
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) - 1);
  next = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  _rd_diary_page_select_item (self, next);
  on_selection_changed_cb (self);
  /* The keyboard was on the row or the delete button, both gone. */
  rd_gui_focus_chosen_row (GTK_WIDGET (self), self->selection, GTK_WIDGET (self->diary_list),
                           self->leaflet);
}

static void
delete_entry_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RdDiaryPage *self = RD_DIARY_PAGE (widget);
  RdIncident *incident = rd_record_editor_get_record (RD_RECORD_EDITOR (self->editor));
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (incident == NULL)
    return;

  /* "on Saturday 14 September 2024 at 00:30", preposition included, so
   * each language gives the date the form it takes there. */
  when = rd_datetime_format_on (rd_incident_get_starts_at (incident));
  /* Translators: %s is a date and time with its preposition, "on Saturday 14
   * September 2024 at 00:30" */
  body = g_strdup_printf (_("The entry for what happened %s will be deleted, with every "
                            "earlier version of it. You can undo this straight after."), when);
  dialog = rd_gui_confirm_destructive (widget, _("Delete This Entry?"), body,
                                       _("_Keep It"), "delete", _("_Delete"),
                                       G_CALLBACK (on_delete_response_cb), self);
  g_object_set_data_full (G_OBJECT (dialog), "incident", g_object_ref (incident), g_object_unref);
}

static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  rd_incident_editor_show_history (RD_DIARY_PAGE (widget)->editor);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, rd_incident_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  rd_incident_row_set_item (RD_INCIDENT_ROW (gtk_list_item_get_child (item)),
                            gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  rd_incident_row_set_item (RD_INCIDENT_ROW (gtk_list_item_get_child (item)), NULL);
}

/* Writes what the editor has not written yet (the window calls this before
 * it closes). */
static gboolean
rd_diary_page_flush (RdCasePage  *page,
                     GError     **error)
{
  return rd_record_editor_flush (RD_RECORD_EDITOR (RD_DIARY_PAGE (page)->editor), error);
}

static void
rd_diary_page_store_changed (RdCasePage *page)
{
  RdDiaryPage *self = RD_DIARY_PAGE (page);
  RdStore *store = rd_case_page_get_store (page);

  _rd_diary_page_clear (self);
  g_object_set (self->editor, "store", store, NULL);
  if (store != NULL)
    g_signal_connect_object (store, "changed::incidents", G_CALLBACK (_rd_diary_page_on_store_changed),
                             self, G_CONNECT_SWAPPED);
  _rd_diary_page_reload (self);
}

/*
 * The page's first layout, and its editor's, done while it is hidden, once
 * the window has drawn (rd_gui_lay_out_hidden_page()): the frame that
 * first shows the diary (New Entry, Ctrl+N, from any page) then maps and
 * draws them, and lays out only what changed since, the rows and the
 * entry's own words. A page shown before this comes is laid out as it
 * shows, and is left alone here.
 */
static void
lay_out_ahead_cb (GtkWidget *widget)
{
  RdDiaryPage *self = RD_DIARY_PAGE (widget);

  if (self->editor != NULL && rd_gui_lay_out_hidden_page (widget))
    rd_gui_lay_out_hidden_page (GTK_WIDGET (self->editor));
}

static void
rd_diary_page_case_changed (RdCasePage *page)
{
  RdDiaryPage *self = RD_DIARY_PAGE (page);

  _rd_diary_page_edit_item (self, NULL);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  _rd_diary_page_clear (self);
  _rd_diary_page_reload (self);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    rd_gui_after_next_frame (GTK_WIDGET (self), lay_out_ahead_cb);
}

static void
rd_diary_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rd_diary_page_parent_class)->map (widget);
  _rd_diary_page_show_arrived (RD_DIARY_PAGE (widget));
}

static void
rd_diary_page_dispose (GObject *object)
{
  RdDiaryPage *self = RD_DIARY_PAGE (object);

  _rd_diary_page_stop_reading (self);
  if (self->editor != NULL)
    _rd_diary_page_edit_item (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_DIARY_PAGE);
  rd_gui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_object (&self->open_item);
  g_clear_object (&self->unwritten);
  g_clear_object (&self->hidden_by_filter);
  g_cancellable_cancel (self->searching);
  g_clear_object (&self->searching);
  g_clear_pointer (&self->hits, g_array_unref);
  g_clear_pointer (&self->hits_query, g_free);

  G_OBJECT_CLASS (rd_diary_page_parent_class)->dispose (object);
}

static void
rd_diary_page_class_init (RdDiaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdCasePageClass *page_class = RD_CASE_PAGE_CLASS (klass);

  g_type_ensure (RD_TYPE_INCIDENT_EDITOR);

  object_class->dispose = rd_diary_page_dispose;
  widget_class->map = rd_diary_page_map;

  page_class->store_changed = rd_diary_page_store_changed;
  page_class->case_changed = rd_diary_page_case_changed;
  page_class->flush = rd_diary_page_flush;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-diary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdDiaryPage, diary_stack);
  gtk_widget_class_bind_template_child (widget_class, RdDiaryPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RdDiaryPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RdDiaryPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RdDiaryPage, diary_search_entry);
  gtk_widget_class_bind_template_child (widget_class, RdDiaryPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RdDiaryPage, diary_list);
  gtk_widget_class_bind_template_child (widget_class, RdDiaryPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, RdDiaryPage, editor_title);
  gtk_widget_class_bind_template_child (widget_class, RdDiaryPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, RdDiaryPage, editor);
  gtk_widget_class_bind_template_child (widget_class, RdDiaryPage, empty_new_button);
  gtk_widget_class_bind_template_child (widget_class, RdDiaryPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, RdDiaryPage, history_button);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_filter_changed_cb",
                                                G_CALLBACK (_rd_diary_page_filter_changed));
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_saved_cb);

  gtk_widget_class_install_action (widget_class, "diary.new-entry", NULL, new_entry_action);
  gtk_widget_class_install_action (widget_class, "diary.delete-entry", NULL, delete_entry_action);
  gtk_widget_class_install_action (widget_class, "diary.show-history", NULL, show_history_action);
  gtk_widget_class_install_action (widget_class, "page.find", NULL, _rd_diary_page_find);
}

static void
rd_diary_page_init (RdDiaryPage *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  GtkListItemFactory *factory;

  self->category = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (RD_TYPE_DIARY_ITEM);
  /* Sorted before it is filtered: a search changes only the filter, and
   * the order of 100,000 entries is not worked out again per keystroke. */
  self->sorter = gtk_custom_sorter_new (sort_func, NULL, NULL);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                          GTK_SORTER (self->sorter));
  self->filter = gtk_custom_filter_new (_rd_diary_page_filter, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->sorted), GTK_FILTER (self->filter));
  self->selection = rd_gui_single_selection_new (G_LIST_MODEL (self->filtered),
                                                 G_CALLBACK (on_selection_changed_cb), self);

  factory = rd_gui_list_item_factory_new (G_CALLBACK (setup_row_cb), G_CALLBACK (bind_row_cb),
                                          G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->diary_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->diary_list, GTK_SELECTION_MODEL (self->selection));

  gtk_string_list_append (categories, _("All categories"));
  for (guint i = 0; i < RD_CATEGORY_N_CATEGORIES; i++)
    gtk_string_list_append (categories, rd_category_get_label (i));
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (categories));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->diary_search_entry));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diary.delete-entry", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diary.show-history", FALSE);

  /* The drop-down's own button has no name in GTK 4.8. */
  if (GTK_IS_TOGGLE_BUTTON (gtk_widget_get_first_child (GTK_WIDGET (self->category_dropdown))))
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->category_dropdown))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show one category"), -1);
  rd_gui_fix_accessible_name (self->empty_new_button);
  rd_gui_fix_accessible_name (self->new_button);
  rd_gui_fix_accessible_name (self->history_button);
}
