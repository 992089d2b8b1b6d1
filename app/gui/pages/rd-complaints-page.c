/* rd-complaints-page.c: the case page that tracks each formal complaint and its steps.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-complaints-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-complaint-assistant.h"
#include "rd-complaint-editor.h"
#include "rd-complaints-page.h"
#include "rd-gui-list.h"
#include "rd-gui-util.h"

struct _RdComplaintsPage
{
  RdRecordListPage    parent_instance;

  GListStore         *complaints;  /* the base class's records */
  GHashTable         *last_steps;  /* complaint id → "Acknowledged (stage 1) on …" */
};

G_DEFINE_FINAL_TYPE (RdComplaintsPage, rd_complaints_page, RD_TYPE_RECORD_LIST_PAGE)

/* The latest step of each complaint, for the list's second line. */
static void
load_last_steps (RdComplaintsPage *self,
                 GListModel       *complaints)
{
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));

  g_hash_table_remove_all (self->last_steps);
  for (guint i = 0, n = complaints ? g_list_model_get_n_items (complaints) : 0; i < n; i++)
    {
      g_autoptr(RdComplaint) complaint = g_list_model_get_item (complaints, i);
      g_autoptr(GListModel) events = NULL;
      guint count;

      if (rd_complaint_get_id (complaint) == 0)
        continue;
      events = rd_store_list_complaint_events (store, rd_complaint_get_id (complaint), NULL);
      count = events ? g_list_model_get_n_items (events) : 0;
      if (count > 0)
        {
          g_autoptr(RdComplaintEvent) last = g_list_model_get_item (events, count - 1);
          g_autofree char *title = rd_complaint_event_dup_title (last);
          g_autofree char *when = rd_date_format_on (rd_complaint_event_get_date (last));

          g_hash_table_insert (self->last_steps,
                               g_memdup2 (&(gint64){ rd_complaint_get_id (complaint) }, sizeof (gint64)),
                               /* Translators: a complaint's latest step, "Acknowledged (stage 1) on
                                * Tuesday 26 November 2024": the second %s is the date with its
                                * preposition */
                               g_strdup_printf (C_("latest step", "%s %s"), title, when));
        }
    }
}

static void
update_row (RdComplaintsPage *self,
            GtkListItem      *item)
{
  RdComplaint *complaint = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  g_autofree char *title = rd_complaint_dup_title (complaint);
  gint64 id = rd_complaint_get_id (complaint);
  const char *last = id ? g_hash_table_lookup (self->last_steps, &id) : NULL;

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), title);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), last ? last : _("No steps recorded yet"));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              RdComplaintsPage         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *last = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (last), 0);
  gtk_label_set_ellipsize (GTK_LABEL (last), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (last, "caption");
  gtk_widget_add_css_class (last, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), last);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             RdComplaintsPage         *self)
{
  rd_gui_list_item_follow (item, "notify::title", (RdGuiRowUpdate) update_row, self);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               RdComplaintsPage         *self)
{
  rd_gui_list_item_unfollow (item);
}

static char *
rd_complaints_page_dup_title (RdRecordListPage *page,
                              gpointer          record)
{
  return rd_complaint_dup_title (record);
}

/**
 * rd_complaints_page_select:
 *
 * Shows the complaint with id @complaint_id in the editor.
 */
gboolean
rd_complaints_page_select (RdComplaintsPage *self,
                           gint64            complaint_id)
{
  g_return_val_if_fail (RD_IS_COMPLAINTS_PAGE (self), FALSE);

  return rd_record_list_page_select_id (RD_RECORD_LIST_PAGE (self), complaint_id);
}

static GListModel *
rd_complaints_page_list (RdRecordListPage  *page,
                         RdStore           *store,
                         gint64             case_id,
                         GError           **error)
{
  GListModel *complaints = rd_store_list_complaints (store, case_id, error);

  /* The rows show each complaint's latest step: read them first. */
  load_last_steps (RD_COMPLAINTS_PAGE (page), complaints);
  return complaints;
}

static gboolean
rd_complaints_page_remove (RdRecordListPage  *page,
                           RdStore           *store,
                           gint64             id,
                           GError           **error)
{
  return rd_store_delete_complaint (store, id, error);
}

static void
on_complaints_changed_cb (RdComplaintsPage *self,
                          const char       *what,
                          gint64            case_id)
{
  RdRecordListPage *page = RD_RECORD_LIST_PAGE (self);
  GtkListView *list_view = rd_record_list_page_get_list_view (page);
  GtkSingleSelection *selection = rd_record_list_page_get_selection (page);
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));

  if (rd_case_page_is_waiting (RD_CASE_PAGE (self)) || !rd_gui_change_concerns (rcase, case_id))
    return;
  if (rd_record_editor_is_saving (RD_RECORD_EDITOR (rd_record_list_page_get_editor (page))))
    return;
  /* A step was added or changed: only the second lines change. */
  load_last_steps (self, G_LIST_MODEL (self->complaints));
  {
    g_autoptr(GListModel) loaded = rd_store_list_complaints (store, rd_case_get_id (rcase), NULL);
    guint shown = 0;

    for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (self->complaints)); i < n; i++)
      {
        g_autoptr(RdComplaint) complaint = g_list_model_get_item (G_LIST_MODEL (self->complaints), i);
        shown += rd_complaint_get_id (complaint) != 0;
      }
    /* A complaint added or removed elsewhere (the assistant): list again. */
    if (loaded != NULL && g_list_model_get_n_items (loaded) != shown)
      {
        rd_record_list_page_reload (page);
        return;
      }
  }
  gtk_widget_queue_draw (GTK_WIDGET (list_view));
  rd_record_list_page_set_ignore_selection (page, TRUE);
  {
    guint selected = gtk_single_selection_get_selected (selection);
    GtkSelectionModel *model = gtk_list_view_get_model (list_view);

    g_object_ref (model);
    gtk_list_view_set_model (list_view, NULL);
    gtk_list_view_set_model (list_view, model);
    g_object_unref (model);
    gtk_single_selection_set_selected (selection, selected);
  }
  rd_record_list_page_set_ignore_selection (page, FALSE);
}

static void
on_assistant_saved_cb (RdComplaintsPage *self,
                       RdComplaint      *complaint)
{
  RdRecordListPage *page = RD_RECORD_LIST_PAGE (self);
  GtkListView *list_view = rd_record_list_page_get_list_view (page);

  rd_record_list_page_reload (page);
  if (!rd_complaints_page_select (self, rd_complaint_get_id (complaint)))
    return;
  /* The keyboard lands on the new complaint, not back on the button that
   * started it: the list's focus goes where it scrolls to. */
  gtk_widget_activate_action (GTK_WIDGET (list_view), "list.scroll-to-item", "u",
                              gtk_single_selection_get_selected (rd_record_list_page_get_selection (page)));
  gtk_widget_grab_focus (GTK_WIDGET (list_view));
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RdComplaintsPage *self = RD_COMPLAINTS_PAGE (widget);
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));
  RdComplaintAssistant *assistant;

  if (store == NULL || rcase == NULL)
    return;
  rd_case_page_flush (RD_CASE_PAGE (self), NULL);
  assistant = rd_complaint_assistant_open (GTK_WINDOW (gtk_widget_get_root (widget)), store, rcase);
  /* Once, on a draft brought back as on a new one. */
  g_signal_handlers_disconnect_by_func (assistant, on_assistant_saved_cb, self);
  g_signal_connect_object (assistant, "saved", G_CALLBACK (on_assistant_saved_cb), self, G_CONNECT_SWAPPED);
}

static void
new_complaint_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RdComplaintsPage *self = RD_COMPLAINTS_PAGE (widget);
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));
  g_autoptr(RdComplaint) complaint = NULL;

  if (rcase == NULL)
    return;
  complaint = rd_complaint_new ();
  rd_complaint_set_case_id (complaint, rd_case_get_id (rcase));
  rd_record_list_page_add (RD_RECORD_LIST_PAGE (self), complaint);
}

static void
delete_complaint_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  rd_record_list_page_confirm_delete (RD_RECORD_LIST_PAGE (widget), _("Delete This Complaint?"),
                                      _("The complaint and its steps go; you can undo "
                                        "this straight after. Your diary and contact log "
                                        "stay as they are."));
}

GListModel *
rd_complaints_page_get_complaints (RdComplaintsPage *self)
{
  g_return_val_if_fail (RD_IS_COMPLAINTS_PAGE (self), NULL);

  /* What the page shows is read when it is first shown: now, if not yet. */
  rd_case_page_fill (RD_CASE_PAGE (self));

  return G_LIST_MODEL (self->complaints);
}

static void
rd_complaints_page_store_changed (RdCasePage *page)
{
  RdStore *store = rd_case_page_get_store (page);

  if (store != NULL)
    g_signal_connect_object (store, "changed::complaints", G_CALLBACK (on_complaints_changed_cb),
                             page, G_CONNECT_SWAPPED);
  RD_CASE_PAGE_CLASS (rd_complaints_page_parent_class)->store_changed (page);
}

static void
rd_complaints_page_dispose (GObject *object)
{
  RdComplaintsPage *self = RD_COMPLAINTS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_COMPLAINTS_PAGE);
  rd_gui_unparent_children (GTK_WIDGET (self));
  g_clear_pointer (&self->last_steps, g_hash_table_unref);

  G_OBJECT_CLASS (rd_complaints_page_parent_class)->dispose (object);
}

static void
rd_complaints_page_class_init (RdComplaintsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdCasePageClass *page_class = RD_CASE_PAGE_CLASS (klass);
  RdRecordListPageClass *list_class = RD_RECORD_LIST_PAGE_CLASS (klass);

  g_type_ensure (RD_TYPE_COMPLAINT_EDITOR);

  object_class->dispose = rd_complaints_page_dispose;

  page_class->store_changed = rd_complaints_page_store_changed;
  list_class->record_type = RD_TYPE_COMPLAINT;
  list_class->list_child = "complaints";
  list_class->delete_action = "complaints.delete-complaint";
  list_class->page_name = "complaints";
  list_class->deleted_message = N_("Complaint deleted");
  list_class->restored_message = N_("Complaint restored");
  list_class->list = rd_complaints_page_list;
  list_class->remove = rd_complaints_page_remove;
  list_class->dup_title = rd_complaints_page_dup_title;

  gtk_widget_class_install_action (widget_class, "complaints.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "complaints.new-complaint", NULL, new_complaint_action);
  gtk_widget_class_install_action (widget_class, "complaints.delete-complaint", NULL, delete_complaint_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-complaints-page.ui");
  rd_record_list_page_class_bind_template (widget_class);
}

static void
rd_complaints_page_init (RdComplaintsPage *self)
{
  RdRecordListPage *page = RD_RECORD_LIST_PAGE (self);

  self->complaints = rd_record_list_page_get_records (page);
  self->last_steps = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  rd_record_list_page_set_model (page, g_object_ref (G_LIST_MODEL (self->complaints)),
                                 rd_gui_list_item_factory_new (G_CALLBACK (setup_row_cb), G_CALLBACK (bind_row_cb),
                                                               G_CALLBACK (unbind_row_cb), self));
}
