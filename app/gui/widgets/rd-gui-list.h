/* rd-gui-list.h: helpers the case pages share for their lists, selections and confirmations.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"

G_BEGIN_DECLS

/* Fills the row of @item from its item; @data is what rd_gui_list_item_follow() got. */
typedef void (*RdGuiRowUpdate) (gpointer     data,
                                GtkListItem *item);

GtkSingleSelection *rd_gui_single_selection_new   (GListModel         *model,
                                                   GCallback           on_selected_item,
                                                   gpointer            data);
GtkListItemFactory *rd_gui_list_item_factory_new  (GCallback           setup,
                                                   GCallback           bind,
                                                   GCallback           unbind,
                                                   gpointer            data);
void                rd_gui_list_item_follow       (GtkListItem        *item,
                                                   const char         *detailed_signal,
                                                   RdGuiRowUpdate      update,
                                                   gpointer            data);
void                rd_gui_list_item_unfollow     (GtkListItem        *item);
void                rd_gui_list_store_replace     (GListStore         *store,
                                                   GListModel         *items);
guint               rd_gui_find_position          (GListModel         *model,
                                                   gpointer            item);
void                rd_gui_select_item            (GtkSingleSelection *selection,
                                                   GtkWidget          *view,
                                                   gpointer            item);
GtkWidget          *rd_gui_find_selected_row      (GtkWidget          *widget);
void                rd_gui_focus_chosen_row       (GtkWidget          *page,
                                                   GtkSingleSelection *selection,
                                                   GtkWidget          *view,
                                                   AdwLeaflet         *leaflet);
gboolean            rd_gui_list_store_take_out    (GListStore         *store,
                                                   gpointer            item,
                                                   gboolean           *ignore_selection);
void                rd_gui_leaflet_show_editor    (AdwLeaflet         *leaflet);
int                 rd_gui_compare_newest_first   (GDateTime          *a,
                                                   gint64              id_a,
                                                   GDateTime          *b,
                                                   gint64              id_b);
GDateTime          *rd_gui_now_to_the_minute      (RdClock *clock);
gboolean            rd_gui_change_concerns        (RdCase             *rcase,
                                                   gint64              case_id);
AdwMessageDialog   *rd_gui_confirm_destructive    (GtkWidget          *widget,
                                                   const char         *heading,
                                                   const char         *body,
                                                   const char         *keep_label,
                                                   const char         *response,
                                                   const char         *response_label,
                                                   GCallback           on_response,
                                                   gpointer            data);

G_END_DECLS
