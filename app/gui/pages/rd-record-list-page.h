/* rd-record-list-page.h: a case page with a list of records beside the editor of the one chosen.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-case-page.h"
#include "rd-record-editor.h"

G_BEGIN_DECLS

#define RD_TYPE_RECORD_LIST_PAGE (rd_record_list_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (RdRecordListPage, rd_record_list_page, RD, RECORD_LIST_PAGE, RdCasePage)

struct _RdRecordListPageClass
{
  RdCasePageClass parent_class;

  /* Set by the subclass in its class_init: the type of record listed, the
   * page stack's child that shows the list once there is a record (the
   * other is "empty"), and the action that deletes the record shown. */
  GType        record_type;
  const char  *list_child;
  const char  *delete_action;
  /* The page's name in the window (for Undo to show it there) and the
   * toasts after deleting and undoing, marked with N_(). */
  const char  *page_name;
  const char  *deleted_message;
  const char  *restored_message;

  /* Reads the case's records (store and case are set). */
  GListModel *(*list)      (RdRecordListPage  *self,
                            RdStore           *store,
                            gint64             case_id,
                            GError           **error);
  /* Deletes the stored record @id. */
  gboolean    (*remove)    (RdRecordListPage  *self,
                            RdStore           *store,
                            gint64             id,
                            GError           **error);
  /* The title above the editor for @record. */
  char       *(*dup_title) (RdRecordListPage  *self,
                            gpointer           record);
  /* The editor wrote @record (optional); the title follows after. */
  void        (*saved)     (RdRecordListPage  *self,
                            gpointer           record);

  gpointer padding[1];
};

void            rd_record_list_page_class_bind_template (GtkWidgetClass    *widget_class);

GtkWidget      *rd_record_list_page_get_editor     (RdRecordListPage  *self);

/* For subclasses */
void            rd_record_list_page_set_model      (RdRecordListPage   *self,
                                                    GListModel         *shown,
                                                    GtkListItemFactory *factory);
GListStore     *rd_record_list_page_get_records    (RdRecordListPage   *self);
GtkSingleSelection *rd_record_list_page_get_selection (RdRecordListPage *self);
GtkListView    *rd_record_list_page_get_list_view  (RdRecordListPage   *self);
void            rd_record_list_page_reload         (RdRecordListPage   *self);
void            rd_record_list_page_add            (RdRecordListPage   *self,
                                                    gpointer            record);
void            rd_record_list_page_select         (RdRecordListPage   *self,
                                                    gpointer            record);
gboolean        rd_record_list_page_select_id      (RdRecordListPage   *self,
                                                    gint64              id);
void            rd_record_list_page_confirm_delete (RdRecordListPage   *self,
                                                    const char         *heading,
                                                    const char         *body);
void            rd_record_list_page_set_editor_stack (RdRecordListPage *self,
                                                      GtkStack         *editor_stack);
void            rd_record_list_page_set_ignore_selection (RdRecordListPage *self,
                                                          gboolean          ignore);

G_END_DECLS
