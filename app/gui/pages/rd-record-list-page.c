/* rd-record-list-page.c: a case page with a list of records beside the editor of the one chosen.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-record-list-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-gui-list.h"
#include "rd-gui-undo.h"
#include "rd-gui-util.h"
#include "rd-record-list-page.h"

/*
 * The complaints and contacts pages work alike: the case's records in a
 * list, the chosen one in its RdRecordEditor beside it (or after it, on a
 * narrow window), a new record added to the list unsaved and dropped if
 * nothing was ever written, and a question before one is deleted. This
 * class does that once; a page says how to read and delete its records
 * and what to call the one shown, and builds its own rows.
 *
 * The subclass's template must have a GtkStack "stack" (children "empty"
 * and the class's list_child), an AdwLeaflet "leaflet", a GtkListView
 * "list_view", a GtkLabel "editor_title" and the editor "editor", and
 * call on_back_clicked_cb and on_editor_saved_cb; the subclass's
 * class_init binds them with rd_record_list_page_class_bind_template().
 */

typedef struct
{
  GListStore         *records;
  GtkSingleSelection *selection;
  gboolean            ignore_selection;

  GtkStack           *stack;
  AdwLeaflet         *leaflet;
  GtkListView        *list_view;
  GtkLabel           *editor_title;
  RdRecordEditor     *editor;
  GtkStack           *editor_stack;   /* optional: "editor" and "none" */
} RdRecordListPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RdRecordListPage, rd_record_list_page, RD_TYPE_CASE_PAGE)

#define PRIV(self) ((RdRecordListPagePrivate *) rd_record_list_page_get_instance_private (RD_RECORD_LIST_PAGE (self)))

static gint64
record_id (gpointer record)
{
  gint64 id = 0;

  g_object_get (record, "id", &id, NULL);
  return id;
}

static void
show_editor_title (RdRecordListPage *self)
{
  RdRecordListPagePrivate *priv = PRIV (self);
  gpointer record = rd_record_editor_get_record (priv->editor);
  g_autofree char *title = NULL;

  if (record != NULL)
    title = RD_RECORD_LIST_PAGE_GET_CLASS (self)->dup_title (self, record);
  gtk_label_set_text (priv->editor_title, title ? title : "");
}

static void
update_stack (RdRecordListPage *self)
{
  RdRecordListPagePrivate *priv = PRIV (self);

  gtk_stack_set_visible_child_name (priv->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (priv->records)) > 0
                                    ? RD_RECORD_LIST_PAGE_GET_CLASS (self)->list_child : "empty");
}

/* Shows @record in the editor; a new record never written is dropped. */
static void
edit_record (RdRecordListPage *self,
             gpointer          record)
{
  RdRecordListPagePrivate *priv = PRIV (self);
  g_autoptr(GObject) previous = NULL;
  gpointer current = rd_record_editor_get_record (priv->editor);

  if (current == record)
    return;
  previous = current ? g_object_ref (current) : NULL;
  rd_record_editor_set_record (priv->editor, record);

  if (previous != NULL && record_id (previous) == 0 &&
      rd_gui_list_store_take_out (priv->records, previous, &priv->ignore_selection))
    update_stack (self);

  if (priv->editor_stack != NULL)
    gtk_stack_set_visible_child_name (priv->editor_stack, record ? "editor" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), RD_RECORD_LIST_PAGE_GET_CLASS (self)->delete_action,
                                 record != NULL);
  show_editor_title (self);
}

static void
on_selection_changed_cb (RdRecordListPage *self)
{
  RdRecordListPagePrivate *priv = PRIV (self);

  if (priv->ignore_selection)
    return;
  edit_record (self, gtk_single_selection_get_selected_item (priv->selection));
  if (gtk_single_selection_get_selected_item (priv->selection) != NULL)
    rd_gui_leaflet_show_editor (priv->leaflet);
}

static void
on_back_clicked_cb (RdRecordListPage *self)
{
  adw_leaflet_navigate (PRIV (self)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_editor_saved_cb (RdRecordListPage *self,
                    gpointer          record)
{
  RdRecordListPageClass *klass = RD_RECORD_LIST_PAGE_GET_CLASS (self);

  if (klass->saved != NULL)
    klass->saved (self, record);
  show_editor_title (self);
  update_stack (self);
}

/**
 * rd_record_list_page_select:
 * @record: (nullable): a record of the list, or %NULL for none
 *
 * Selects @record, scrolled into view, and so shows it in the editor.
 */
void
rd_record_list_page_select (RdRecordListPage *self,
                            gpointer          record)
{
  RdRecordListPagePrivate *priv = PRIV (self);

  g_return_if_fail (RD_IS_RECORD_LIST_PAGE (self));

  rd_gui_select_item (priv->selection, GTK_WIDGET (priv->list_view), record);
}

static gboolean
select_listed_id (RdRecordListPage *self,
                  gint64            id)
{
  GListModel *shown = G_LIST_MODEL (PRIV (self)->selection);

  for (guint i = 0, n = g_list_model_get_n_items (shown); i < n; i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (shown, i);

      if (record_id (record) == id)
        {
          rd_record_list_page_select (self, record);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * rd_record_list_page_select_id:
 *
 * Selects the record whose id is @id, if it is listed.
 */
gboolean
rd_record_list_page_select_id (RdRecordListPage *self,
                               gint64            id)
{
  g_return_val_if_fail (RD_IS_RECORD_LIST_PAGE (self), FALSE);

  /* What the page shows is read when it is first shown: now, if not yet. */
  rd_case_page_fill (RD_CASE_PAGE (self));
  return select_listed_id (self, id);
}

/**
 * rd_record_list_page_reload:
 *
 * Reads the case's records again, keeping the one shown if it is still
 * there (else the first).
 */
void
rd_record_list_page_reload (RdRecordListPage *self)
{
  RdRecordListPagePrivate *priv = PRIV (self);
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));
  g_autoptr(GListModel) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gpointer editing = rd_record_editor_get_record (priv->editor);
  gint64 keep_id = editing ? record_id (editing) : 0;

  g_return_if_fail (RD_IS_RECORD_LIST_PAGE (self));

  edit_record (self, NULL);
  if (store != NULL && rcase != NULL)
    {
      loaded = RD_RECORD_LIST_PAGE_GET_CLASS (self)->list (self, store, rd_case_get_id (rcase), &error);
      if (loaded == NULL && error != NULL)
        rd_gui_show_toast (GTK_WIDGET (self), error->message);
    }
  priv->ignore_selection = TRUE;
  rd_gui_list_store_replace (priv->records, loaded);
  gtk_single_selection_set_selected (priv->selection, GTK_INVALID_LIST_POSITION);
  priv->ignore_selection = FALSE;
  update_stack (self);

  /* Not rd_record_list_page_select_id(): a page read before it is
   * shown (a change in the store) must not fill itself in the middle. */
  if (keep_id != 0 && select_listed_id (self, keep_id))
    return;
  gtk_single_selection_set_selected (priv->selection,
                                     g_list_model_get_n_items (G_LIST_MODEL (priv->selection)) > 0
                                     ? 0 : GTK_INVALID_LIST_POSITION);
}

/**
 * rd_record_list_page_add:
 * @record: a new record (id 0) of the page's case
 *
 * Writes what the editor has pending, then lists @record and shows it in
 * the editor. It is written once something is typed into it.
 */
void
rd_record_list_page_add (RdRecordListPage *self,
                         gpointer          record)
{
  RdRecordListPagePrivate *priv = PRIV (self);

  g_return_if_fail (RD_IS_RECORD_LIST_PAGE (self));

  rd_record_editor_flush (priv->editor, NULL);
  g_list_store_append (priv->records, record);
  update_stack (self);
  rd_record_list_page_select (self, record);
}

/* After a delete, the record that took the deleted one's place in the
 * list (or the one before, if it was last) is chosen, and the keyboard
 * goes to it; with none left, into the page's empty state. */
static void
focus_after_delete (RdRecordListPage *self,
                    guint             position)
{
  RdRecordListPagePrivate *priv = PRIV (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (priv->selection));
  g_autoptr(GObject) next = NULL;

  if (n > 0 && position != GTK_INVALID_LIST_POSITION)
    {
      next = g_list_model_get_item (G_LIST_MODEL (priv->selection), MIN (position, n - 1));
      rd_record_list_page_select (self, next);
    }
  rd_gui_focus_chosen_row (GTK_WIDGET (self), priv->selection, GTK_WIDGET (priv->list_view),
                           priv->leaflet);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       RdRecordListPage *self)
{
  RdRecordListPagePrivate *priv = PRIV (self);
  RdRecordListPageClass *klass = RD_RECORD_LIST_PAGE_GET_CLASS (self);
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) record = NULL;
  guint token = 0;
  guint position;
  gint64 id;

  if (!g_str_equal (response, "delete") || rd_record_editor_get_record (priv->editor) == NULL)
    return;
  /* Letting go of the editor writes what was pending: what was written
   * is then deleted with the rest. */
  record = g_object_ref (rd_record_editor_get_record (priv->editor));
  position = rd_gui_find_position (G_LIST_MODEL (priv->selection), record);
  rd_record_editor_set_record (priv->editor, NULL);
  id = record_id (record);
  if (id != 0 && rd_store_begin_undoable (store, &error))
    {
      if (klass->remove (self, store, id, &error))
        token = rd_store_commit_undoable (store, &error);
      else
        rd_store_rollback (store);
    }
  if (error != NULL)
    {
      rd_gui_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  rd_gui_list_store_take_out (priv->records, record, NULL);
  update_stack (self);
  focus_after_delete (self, position);
  /* The window keeps the id, never the record: Undo makes a new one. */
  if (token != 0 && klass->deleted_message != NULL)
    rd_gui_offer_undo (GTK_WIDGET (self), _(klass->deleted_message), _(klass->restored_message),
                       klass->page_name, id);
}

/**
 * rd_record_list_page_confirm_delete:
 * @heading: the question, translated
 * @body: what deleting does, translated
 *
 * Asks before deleting the record shown, and deletes it if told to.
 */
void
rd_record_list_page_confirm_delete (RdRecordListPage *self,
                                    const char       *heading,
                                    const char       *body)
{
  g_return_if_fail (RD_IS_RECORD_LIST_PAGE (self));

  if (rd_record_editor_get_record (PRIV (self)->editor) == NULL)
    return;
  rd_gui_confirm_destructive (GTK_WIDGET (self), heading, body, _("_Cancel"), "delete", _("_Delete"),
                              G_CALLBACK (on_delete_response_cb), self);
}

/**
 * rd_record_list_page_get_editor:
 *
 * Returns: (transfer none): the editor of the record chosen
 */
GtkWidget *
rd_record_list_page_get_editor (RdRecordListPage *self)
{
  g_return_val_if_fail (RD_IS_RECORD_LIST_PAGE (self), NULL);

  /* What the page shows is read when it is first shown: now, if not yet. */
  rd_case_page_fill (RD_CASE_PAGE (self));

  return GTK_WIDGET (PRIV (self)->editor);
}

/**
 * rd_record_list_page_set_model:
 * @shown: (transfer full): what the list shows, made from the records
 *   (rd_record_list_page_get_records()), sorted or filtered as the page likes
 * @factory: (transfer full): makes the list's rows
 *
 * Called once by the subclass's init, after its template.
 */
void
rd_record_list_page_set_model (RdRecordListPage   *self,
                               GListModel         *shown,
                               GtkListItemFactory *factory)
{
  RdRecordListPagePrivate *priv = PRIV (self);

  g_return_if_fail (RD_IS_RECORD_LIST_PAGE (self));
  g_return_if_fail (priv->selection == NULL);

  rd_record_list_page_get_records (self);
  priv->selection = rd_gui_single_selection_new (shown, G_CALLBACK (on_selection_changed_cb), self);
  gtk_list_view_set_factory (priv->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (priv->list_view, GTK_SELECTION_MODEL (priv->selection));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), RD_RECORD_LIST_PAGE_GET_CLASS (self)->delete_action,
                                 FALSE);
}

/**
 * rd_record_list_page_get_records:
 *
 * Returns: (transfer none): the records of the case, as read
 */
GListStore *
rd_record_list_page_get_records (RdRecordListPage *self)
{
  RdRecordListPagePrivate *priv = PRIV (self);

  g_return_val_if_fail (RD_IS_RECORD_LIST_PAGE (self), NULL);

  /* Made on first use: while this class's init runs, the class of the
   * instance is still this one, not the subclass that names the type. */
  if (priv->records == NULL)
    priv->records = g_list_store_new (RD_RECORD_LIST_PAGE_GET_CLASS (self)->record_type);
  return priv->records;
}

/**
 * rd_record_list_page_get_selection:
 *
 * Returns: (transfer none): the records as listed, with the one chosen
 */
GtkSingleSelection *
rd_record_list_page_get_selection (RdRecordListPage *self)
{
  g_return_val_if_fail (RD_IS_RECORD_LIST_PAGE (self), NULL);

  return PRIV (self)->selection;
}

GtkListView *
rd_record_list_page_get_list_view (RdRecordListPage *self)
{
  g_return_val_if_fail (RD_IS_RECORD_LIST_PAGE (self), NULL);

  return PRIV (self)->list_view;
}

void
rd_record_list_page_set_editor_stack (RdRecordListPage *self,
                                      GtkStack         *editor_stack)
{
  g_return_if_fail (RD_IS_RECORD_LIST_PAGE (self));

  PRIV (self)->editor_stack = editor_stack;
}

/* While set, a change of the selection does not change the record edited
 * (the list is being rebuilt or re-sorted). */
void
rd_record_list_page_set_ignore_selection (RdRecordListPage *self,
                                          gboolean          ignore)
{
  g_return_if_fail (RD_IS_RECORD_LIST_PAGE (self));

  PRIV (self)->ignore_selection = ignore;
}

/**
 * rd_record_list_page_class_bind_template:
 *
 * For the subclass's class_init, after it sets its template: binds the
 * children and callbacks this class uses (see the comment at the top).
 */
void
rd_record_list_page_class_bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child_full (widget_class, "stack", FALSE,
                                             G_PRIVATE_OFFSET (RdRecordListPage, stack));
  gtk_widget_class_bind_template_child_full (widget_class, "leaflet", FALSE,
                                             G_PRIVATE_OFFSET (RdRecordListPage, leaflet));
  gtk_widget_class_bind_template_child_full (widget_class, "list_view", FALSE,
                                             G_PRIVATE_OFFSET (RdRecordListPage, list_view));
  gtk_widget_class_bind_template_child_full (widget_class, "editor_title", FALSE,
                                             G_PRIVATE_OFFSET (RdRecordListPage, editor_title));
  gtk_widget_class_bind_template_child_full (widget_class, "editor", FALSE,
                                             G_PRIVATE_OFFSET (RdRecordListPage, editor));
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_saved_cb);
}

/* Writes what the editor has not written yet (the window calls this before
 * it closes). */
static gboolean
rd_record_list_page_flush (RdCasePage  *page,
                           GError     **error)
{
  RdRecordListPagePrivate *priv = PRIV (page);

  return priv->editor == NULL || rd_record_editor_flush (priv->editor, error);
}

/* Subclasses that connect to the store's signals chain up after. */
static void
rd_record_list_page_store_changed (RdCasePage *page)
{
  rd_record_editor_set_store (PRIV (page)->editor, rd_case_page_get_store (page));
  rd_record_list_page_reload (RD_RECORD_LIST_PAGE (page));
}

static void
rd_record_list_page_case_changed (RdCasePage *page)
{
  rd_record_list_page_reload (RD_RECORD_LIST_PAGE (page));
}

static void
rd_record_list_page_dispose (GObject *object)
{
  RdRecordListPagePrivate *priv = PRIV (object);

  g_clear_object (&priv->selection);
  g_clear_object (&priv->records);

  G_OBJECT_CLASS (rd_record_list_page_parent_class)->dispose (object);
}

static void
rd_record_list_page_class_init (RdRecordListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RdCasePageClass *page_class = RD_CASE_PAGE_CLASS (klass);

  object_class->dispose = rd_record_list_page_dispose;
  page_class->store_changed = rd_record_list_page_store_changed;
  page_class->case_changed = rd_record_list_page_case_changed;
  page_class->flush = rd_record_list_page_flush;
  klass->record_type = G_TYPE_OBJECT;
}

static void
rd_record_list_page_init (RdRecordListPage *self)
{
}
