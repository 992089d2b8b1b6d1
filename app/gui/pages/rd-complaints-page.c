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
  RdCasePage          parent_instance;

  GListStore         *complaints;
  GtkSingleSelection *selection;
  GHashTable         *last_steps;  /* complaint id → "Acknowledged (stage 1) on …" */
  gboolean            ignore_selection;

  GtkStack           *stack;
  AdwLeaflet         *leaflet;
  GtkListView        *list_view;
  GtkLabel           *editor_title;
  RdComplaintEditor  *editor;
};

G_DEFINE_FINAL_TYPE (RdComplaintsPage, rd_complaints_page, RD_TYPE_CASE_PAGE)

/* The latest step of each complaint, for the list's second line. */
static void
load_last_steps (RdComplaintsPage *self)
{
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));

  g_hash_table_remove_all (self->last_steps);
  for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (self->complaints)); i < n; i++)
    {
      g_autoptr(RdComplaint) complaint = g_list_model_get_item (G_LIST_MODEL (self->complaints), i);
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

static void
show_editor_title (RdComplaintsPage *self)
{
  RdComplaint *complaint = rd_record_editor_get_record (RD_RECORD_EDITOR (self->editor));
  g_autofree char *title = complaint ? rd_complaint_dup_title (complaint) : NULL;

  gtk_label_set_text (self->editor_title, title ? title : "");
}

static void
update_stack (RdComplaintsPage *self)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->complaints)) > 0
                                    ? "complaints" : "empty");
}

static void
edit_complaint (RdComplaintsPage *self,
                RdComplaint      *complaint)
{
  g_autoptr(RdComplaint) previous = NULL;
  RdComplaint *current = rd_record_editor_get_record (RD_RECORD_EDITOR (self->editor));

  if (current == complaint)
    return;
  previous = current ? g_object_ref (current) : NULL;
  rd_record_editor_set_record (RD_RECORD_EDITOR (self->editor), complaint);
  /* A new complaint never written is dropped. */
  if (previous != NULL && rd_complaint_get_id (previous) == 0 &&
      rd_gui_list_store_take_out (self->complaints, previous, &self->ignore_selection))
    update_stack (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "complaints.delete-complaint", complaint != NULL);
  show_editor_title (self);
}

static void
on_selection_changed_cb (RdComplaintsPage *self)
{
  if (self->ignore_selection)
    return;
  edit_complaint (self, gtk_single_selection_get_selected_item (self->selection));
  if (gtk_single_selection_get_selected_item (self->selection) != NULL)
    rd_gui_leaflet_show_editor (self->leaflet);
}

static void
on_back_clicked_cb (RdComplaintsPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_editor_saved_cb (RdComplaintsPage *self,
                    RdComplaint      *complaint)
{
  show_editor_title (self);
  update_stack (self);
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

  /* What the page shows is read when it is first shown: now, if not yet. */
  rd_case_page_fill (RD_CASE_PAGE (self));

  for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (self->complaints)); i < n; i++)
    {
      g_autoptr(RdComplaint) complaint = g_list_model_get_item (G_LIST_MODEL (self->complaints), i);

      if (rd_complaint_get_id (complaint) == complaint_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
reload (RdComplaintsPage *self)
{
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));
  g_autoptr(GListModel) loaded = NULL;
  g_autoptr(GError) error = NULL;
  RdComplaint *editing = rd_record_editor_get_record (RD_RECORD_EDITOR (self->editor));
  gint64 keep_id = editing ? rd_complaint_get_id (editing) : 0;

  edit_complaint (self, NULL);
  if (store != NULL && rcase != NULL)
    {
      loaded = rd_store_list_complaints (store, rd_case_get_id (rcase), &error);
      if (loaded == NULL)
        rd_gui_show_toast (GTK_WIDGET (self), error->message);
    }
  self->ignore_selection = TRUE;
  rd_gui_list_store_replace (self->complaints, loaded);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->ignore_selection = FALSE;
  load_last_steps (self);
  update_stack (self);
  if (keep_id == 0 || !rd_complaints_page_select (self, keep_id))
    gtk_single_selection_set_selected (self->selection,
                                       g_list_model_get_n_items (G_LIST_MODEL (self->complaints)) > 0
                                       ? 0 : GTK_INVALID_LIST_POSITION);
}

static void
on_complaints_changed_cb (RdComplaintsPage *self,
                          const char       *what,
                          gint64            case_id)
{
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));

  if (rd_case_page_is_waiting (RD_CASE_PAGE (self)) || !rd_gui_change_concerns (rcase, case_id))
    return;
  if (rd_record_editor_is_saving (RD_RECORD_EDITOR (self->editor)))
    return;
  /* A step was added or changed: only the second lines change. */
  load_last_steps (self);
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
        reload (self);
        return;
      }
  }
  gtk_widget_queue_draw (GTK_WIDGET (self->list_view));
  self->ignore_selection = TRUE;
  {
    guint selected = gtk_single_selection_get_selected (self->selection);
    GtkSelectionModel *model = gtk_list_view_get_model (self->list_view);

    g_object_ref (model);
    gtk_list_view_set_model (self->list_view, NULL);
    gtk_list_view_set_model (self->list_view, model);
    g_object_unref (model);
    gtk_single_selection_set_selected (self->selection, selected);
  }
  self->ignore_selection = FALSE;
}

static void
on_assistant_saved_cb (RdComplaintsPage *self,
                       RdComplaint      *complaint)
{
  reload (self);
  if (!rd_complaints_page_select (self, rd_complaint_get_id (complaint)))
    return;
  /* The keyboard lands on the new complaint, not back on the button that
   * started it: the list's focus goes where it scrolls to. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                              gtk_single_selection_get_selected (self->selection));
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
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
  rd_record_editor_flush (RD_RECORD_EDITOR (self->editor), NULL);
  assistant = rd_complaint_assistant_new (GTK_WINDOW (gtk_widget_get_root (widget)), store, rcase);
  g_signal_connect_object (assistant, "saved", G_CALLBACK (on_assistant_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (assistant));
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
  rd_record_editor_flush (RD_RECORD_EDITOR (self->editor), NULL);
  complaint = rd_complaint_new ();
  rd_complaint_set_case_id (complaint, rd_case_get_id (rcase));
  g_list_store_append (self->complaints, complaint);
  update_stack (self);
  gtk_single_selection_set_selected (self->selection,
                                     g_list_model_get_n_items (G_LIST_MODEL (self->complaints)) - 1);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       RdComplaintsPage *self)
{
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(RdComplaint) complaint = NULL;

  if (!g_str_equal (response, "delete") || rd_record_editor_get_record (RD_RECORD_EDITOR (self->editor)) == NULL)
    return;
  complaint = g_object_ref (rd_record_editor_get_record (RD_RECORD_EDITOR (self->editor)));
  rd_record_editor_set_record (RD_RECORD_EDITOR (self->editor), NULL);
  if (rd_complaint_get_id (complaint) != 0 &&
      !rd_store_delete_complaint (store, rd_complaint_get_id (complaint), &error))
    {
      rd_gui_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  rd_gui_list_store_take_out (self->complaints, complaint, NULL);
  update_stack (self);
}

static void
delete_complaint_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RdComplaintsPage *self = RD_COMPLAINTS_PAGE (widget);

  if (rd_record_editor_get_record (RD_RECORD_EDITOR (self->editor)) == NULL)
    return;
  rd_gui_confirm_destructive (widget, _("Delete This Complaint?"),
                              _("The complaint and its steps go for good. Your "
                                "diary and contact log stay as they are."),
                              _("_Cancel"), "delete", _("_Delete"),
                              G_CALLBACK (on_delete_response_cb), self);
}

GListModel *
rd_complaints_page_get_complaints (RdComplaintsPage *self)
{
  g_return_val_if_fail (RD_IS_COMPLAINTS_PAGE (self), NULL);

  /* What the page shows is read when it is first shown: now, if not yet. */
  rd_case_page_fill (RD_CASE_PAGE (self));

  return G_LIST_MODEL (self->complaints);
}

GtkWidget *
rd_complaints_page_get_editor (RdComplaintsPage *self)
{
  g_return_val_if_fail (RD_IS_COMPLAINTS_PAGE (self), NULL);

  /* What the page shows is read when it is first shown: now, if not yet. */
  rd_case_page_fill (RD_CASE_PAGE (self));

  return GTK_WIDGET (self->editor);
}

/* Writes what the editor has not written yet (the window calls this before
 * it closes). */
static gboolean
rd_complaints_page_flush (RdCasePage  *page,
                          GError     **error)
{
  return rd_record_editor_flush (RD_RECORD_EDITOR (RD_COMPLAINTS_PAGE (page)->editor), error);
}

static void
rd_complaints_page_store_changed (RdCasePage *page)
{
  RdComplaintsPage *self = RD_COMPLAINTS_PAGE (page);
  RdStore *store = rd_case_page_get_store (page);

  rd_record_editor_set_store (RD_RECORD_EDITOR (self->editor), store);
  if (store != NULL)
    g_signal_connect_object (store, "changed::complaints", G_CALLBACK (on_complaints_changed_cb),
                             self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
rd_complaints_page_case_changed (RdCasePage *page)
{
  reload (RD_COMPLAINTS_PAGE (page));
}

static void
rd_complaints_page_dispose (GObject *object)
{
  RdComplaintsPage *self = RD_COMPLAINTS_PAGE (object);

  if (self->editor != NULL)
    rd_record_editor_flush (RD_RECORD_EDITOR (self->editor), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_COMPLAINTS_PAGE);
  rd_gui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  g_clear_object (&self->complaints);
  g_clear_pointer (&self->last_steps, g_hash_table_unref);

  G_OBJECT_CLASS (rd_complaints_page_parent_class)->dispose (object);
}

static void
rd_complaints_page_class_init (RdComplaintsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdCasePageClass *page_class = RD_CASE_PAGE_CLASS (klass);

  g_type_ensure (RD_TYPE_COMPLAINT_EDITOR);

  object_class->dispose = rd_complaints_page_dispose;

  page_class->store_changed = rd_complaints_page_store_changed;
  page_class->case_changed = rd_complaints_page_case_changed;
  page_class->flush = rd_complaints_page_flush;

  gtk_widget_class_install_action (widget_class, "complaints.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "complaints.new-complaint", NULL, new_complaint_action);
  gtk_widget_class_install_action (widget_class, "complaints.delete-complaint", NULL, delete_complaint_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-complaints-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdComplaintsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintsPage, editor_title);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintsPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_saved_cb);
}

static void
rd_complaints_page_init (RdComplaintsPage *self)
{
  GtkListItemFactory *factory;

  self->complaints = g_list_store_new (RD_TYPE_COMPLAINT);
  self->last_steps = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = rd_gui_single_selection_new (g_object_ref (G_LIST_MODEL (self->complaints)),
                                                 G_CALLBACK (on_selection_changed_cb), self);
  factory = rd_gui_list_item_factory_new (G_CALLBACK (setup_row_cb), G_CALLBACK (bind_row_cb),
                                          G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "complaints.delete-complaint", FALSE);
}
