/* rd-diary-page-read.c: the diary page's list, read from the store.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-diary-page"

#include "config.h"

#include "rd-diary-page-private.h"
#include "rd-gui-list.h"
#include "rd-gui-util.h"

void
_rd_diary_page_reload (RdDiaryPage *self)
{
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GError) error = NULL;
  gint64 keep_id = self->open_item ? rd_diary_item_get_id (self->open_item) : 0;

  _rd_diary_page_edit_item (self, NULL);

  if (store != NULL && rcase != NULL)
    {
      fresh = rd_diary_item_list_read (store, rd_case_get_id (rcase), &error);
      if (fresh == NULL)
        rd_gui_show_toast (GTK_WIDGET (self), error->message);
    }
  if (fresh == NULL)
    fresh = g_ptr_array_new_with_free_func (g_object_unref);
  _rd_diary_page_forget_hits (self);

  self->ignore_selection = TRUE;
  rd_diary_item_list_merge (self->items, fresh);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->ignore_selection = FALSE;
  _rd_diary_page_update_counts (self);

  /* Open the entry that was open, or else the newest. */
  if (keep_id == 0 || !rd_diary_page_select_entry (self, keep_id))
    gtk_single_selection_set_selected (self->selection,
                                       g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0
                                       ? 0 : GTK_INVALID_LIST_POSITION);
  _rd_diary_page_search (self);
}

/* Someone else (another page, an import) changed this case's diary. */
void
_rd_diary_page_on_store_changed (RdDiaryPage *self,
                                 const char  *what,
                                 gint64       case_id)
{
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));

  if (self->own_write || rd_record_editor_is_saving (RD_RECORD_EDITOR (self->editor)) ||
      rd_case_page_is_waiting (RD_CASE_PAGE (self)) || !rd_gui_change_concerns (rcase, case_id))
    return;
  _rd_diary_page_reload (self);
}
