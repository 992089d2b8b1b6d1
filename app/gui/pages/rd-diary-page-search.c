/* rd-diary-page-search.c: the diary page's list narrowed to a category and to the words searched for.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-diary-page"

#include "config.h"

#include "rd-diary-page-private.h"
#include "rd-gui-list.h"
#include "rd-gui-util.h"

/*
 * The filter keeps the entries of the category chosen that the diary's
 * index found for what was typed (rd_search_service_find_async(),
 * off the main thread); an answer overtaken by the next keystroke is
 * dropped, and the filter is told whether the list narrowed or widened.
 */

gboolean
_rd_diary_page_filter (gpointer item,
                       gpointer user_data)
{
  RdDiaryPage *self = user_data;
  gint64 id = rd_diary_item_get_id (item);

  if (self->category >= 0 && rd_diary_item_get_category (item) != (RdCategory) self->category)
    return FALSE;
  /* An entry not written yet is in no index, and is shown while typed. */
  return self->hits == NULL || id == 0 || rd_search_service_ids_contain (self->hits, id);
}


static void
apply_filter (RdDiaryPage     *self,
              GtkFilterChange  change)
{
  /* The entry being read comes back when a search that hid it is cleared. */
  if (self->open_item != NULL && rd_diary_item_get_id (self->open_item) != 0)
    g_set_object (&self->hidden_by_filter, self->open_item);

  gtk_filter_changed (GTK_FILTER (self->filter), change);
  _rd_diary_page_update_counts (self);

  if (self->hidden_by_filter != NULL && gtk_single_selection_get_selected_item (self->selection) == NULL &&
      rd_gui_find_position (G_LIST_MODEL (self->filtered), self->hidden_by_filter) != GTK_INVALID_LIST_POSITION)
    _rd_diary_page_select_item (self, self->hidden_by_filter);
}

static void
show_hits (RdDiaryPage *self,
           GArray      *hits,
           const char  *query)
{
  /* Hits without their query were found before the list was read again. */
  GtkFilterChange change = self->hits != NULL && self->hits_query == NULL
                           ? GTK_FILTER_CHANGE_DIFFERENT
                           : rd_gui_filter_change_for_query (self->hits_query, query);

  g_clear_pointer (&self->hits, g_array_unref);
  g_clear_pointer (&self->hits_query, g_free);
  self->hits = hits;
  self->hits_query = g_strdup (query);
  apply_filter (self, change);
}

static void
on_search_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RdDiaryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GArray *hits = rd_search_service_find_finish (RD_STORE (source), result, &error);
  g_autofree char *query = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->searching);
  if (hits == NULL)
    {
      rd_gui_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  query = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->diary_search_entry)));
  show_hits (self, hits, query);
}

/* Asks the index for what was typed; the answer to a search overtaken by
 * the next keystroke is not waited for. */
void
_rd_diary_page_search (RdDiaryPage *self)
{
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->diary_search_entry));

  g_cancellable_cancel (self->searching);
  g_clear_object (&self->searching);

  if (store == NULL || rcase == NULL || !rd_search_service_has_words (text))
    {
      if (self->hits != NULL)
        show_hits (self, NULL, NULL);
      return;
    }
  self->searching = g_cancellable_new ();
  rd_search_service_find_async (store, RD_SEARCH_INCIDENTS, rd_case_get_id (rcase), text,
                                self->searching, on_search_done_cb, g_object_ref (self));
}

void
_rd_diary_page_filter_changed (RdDiaryPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->category_dropdown);
  int category = (selected == 0 || selected == GTK_INVALID_LIST_POSITION) ? -1 : (int) selected - 1;

  if (category != self->category)
    {
      self->category = category;
      apply_filter (self, GTK_FILTER_CHANGE_DIFFERENT);
    }
  _rd_diary_page_search (self);
}

/* The entries were read again: what a search found was found in them as
 * they were, and is asked again (hits kept without their query until the
 * answer comes, so the list stays narrowed meanwhile). */
void
_rd_diary_page_forget_hits (RdDiaryPage *self)
{
  g_clear_pointer (&self->hits_query, g_free);
  if (!rd_search_service_has_words (gtk_editable_get_text (GTK_EDITABLE (self->diary_search_entry))))
    g_clear_pointer (&self->hits, g_array_unref);
}

void
_rd_diary_page_find (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RdDiaryPage *self = RD_DIARY_PAGE (widget);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0)
    return;
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->diary_search_entry));
}
