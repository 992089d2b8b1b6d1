/* rd-evidence-page.c: the case page that keeps the evidence: a grid of
 * thumbnails, filters by kind and by what the evidence is linked to, search
 * through descriptions and the text of PDFs and emails, import (file
 * chooser or drag and drop) on a worker with progress and Cancel, and
 * "Check Evidence". Files dropped on the window come here (see
 * rd-window.c).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-evidence-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-evidence-detail.h"
#include "rd-evidence-page-private.h"
#include "rd-evidence-tile.h"
#include "rd-gui-list.h"
#include "rd-gui-util.h"

/*
 * The evidence of the case (a GListStore, in the store's order: oldest
 * capture first) → a GtkFilterListModel (kind, link, search) → a single
 * selection shown in a GtkGridView of RdEvidenceTile; the selected item is
 * shown by the RdEvidenceDetail beside the grid. Search asks the store's
 * full-text index and keeps the matching ids; the link filter does the same
 * with the evidence linked to the chosen diary entry or contact.
 */

G_DEFINE_FINAL_TYPE (RdEvidencePage, rd_evidence_page, RD_TYPE_CASE_PAGE)

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  RdEvidencePage *self = user_data;
  RdEvidence *evidence = item;
  gint64 id = rd_evidence_get_id (evidence);

  if (self->kind >= 0 && rd_evidence_get_kind (evidence) != (RdEvidenceKind) self->kind)
    return FALSE;
  if (self->unlinked_only && rd_evidence_get_n_links (evidence) > 0)
    return FALSE;
  if (self->link_ids && !g_hash_table_contains (self->link_ids, &id))
    return FALSE;
  if (self->search_ids && !g_hash_table_contains (self->search_ids, &id))
    return FALSE;
  return TRUE;
}

static GHashTable *
ids_of (GListModel *model)
{
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0, n = model ? g_list_model_get_n_items (model) : 0; i < n; i++)
    {
      g_autoptr(RdEvidence) evidence = g_list_model_get_item (model, i);
      g_hash_table_add (ids, g_memdup2 (&(gint64) { rd_evidence_get_id (evidence) }, sizeof (gint64)));
    }
  return ids;
}

void
_rd_evidence_page_update_counts (RdEvidencePage *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->evidence));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (ngettext ("%u piece of evidence", "%u pieces of evidence", total), total);
  else
    /* Translators: "3 of 14 pieces of evidence", after searching or filtering */
    text = g_strdup_printf (ngettext ("%u of %u piece of evidence", "%u of %u pieces of evidence", total),
                            shown, total);
  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->grid_stack, shown > 0 || total == 0 ? "grid" : "no-results");
  gtk_stack_set_visible_child_name (self->page_stack, total > 0 ? "evidence" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence-page.check", total > 0 && self->importer == NULL);
}

static void
refilter (RdEvidencePage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  _rd_evidence_page_update_counts (self);
}

static void
on_filter_changed_cb (RdEvidencePage *self)
{
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->evidence_search_entry));
  g_autofree char *words = g_strstrip (g_strdup (text));
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  self->kind = (kind == 0 || kind == GTK_INVALID_LIST_POSITION) ? -1 : (int) kind - 1;
  g_clear_pointer (&self->search_ids, g_hash_table_unref);
  if (store && rcase && *words != '\0')
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) found = rd_store_search_evidence (store, rd_case_get_id (rcase),
                                                              text, &error);
      if (found == NULL)
        rd_gui_show_toast (GTK_WIDGET (self), error->message);
      self->search_ids = ids_of (found);
    }
  refilter (self);
}

static void
on_link_filter_changed_cb (RdEvidencePage *self)
{
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  guint selected = gtk_drop_down_get_selected (self->link_dropdown);

  if (self->refilling_links)
    return;
  g_clear_pointer (&self->link_ids, g_hash_table_unref);
  self->unlinked_only = selected == 1;
  if (selected >= 2 && selected != GTK_INVALID_LIST_POSITION && selected - 2 < self->link_choices->len)
    {
      RdLinkTarget *choice = &g_array_index (self->link_choices, RdLinkTarget, selected - 2);
      g_autoptr(GListModel) linked = rd_store_list_linked_evidence (store, choice->kind, choice->id, NULL);

      self->link_ids = ids_of (linked);
    }
  refilter (self);
}

/* The link filter offers everything evidence of the case can be linked to. */
static void
fill_link_choices (RdEvidencePage *self)
{
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));
  g_autoptr(GtkStringList) labels = NULL;
  const char *firsts[] = { _("Linked to anything or nothing"), _("Not linked to anything yet"), NULL };

  /* Every diary entry and contact of the case is a choice: read them
   * when the page is next shown, not on every change made elsewhere. */
  self->link_choices_stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->link_choices_stale)
    return;
  labels = rd_link_targets_list (store, rcase ? rd_case_get_id (rcase) : 0, self->link_choices);
  gtk_string_list_splice (labels, 0, 0, firsts);
  self->refilling_links = TRUE;
  gtk_drop_down_set_model (self->link_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->link_dropdown, 0);
  self->refilling_links = FALSE;
  on_link_filter_changed_cb (self);
}

static void
on_map_cb (RdEvidencePage *self)
{
  if (self->link_choices_stale)
    fill_link_choices (self);
}

static void
on_selection_changed_cb (RdEvidencePage *self)
{
  RdEvidence *evidence = gtk_single_selection_get_selected_item (self->selection);

  if (self->reloading)
    return;
  rd_evidence_detail_set_evidence (self->detail, evidence);
  gtk_stack_set_visible_child_name (self->detail_stack, evidence ? "detail" : "none");
}

/**
 * rd_evidence_page_select:
 *
 * Selects the evidence with id @evidence_id, if the grid shows it.
 */
gboolean
rd_evidence_page_select (RdEvidencePage *self,
                         gint64          evidence_id)
{
  GListModel *model;

  g_return_val_if_fail (RD_IS_EVIDENCE_PAGE (self), FALSE);

  /* What the page shows is read when it is first shown: now, if not yet. */
  rd_case_page_fill (RD_CASE_PAGE (self));

  model = G_LIST_MODEL (self->filtered);
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(RdEvidence) evidence = g_list_model_get_item (model, i);

      if (rd_evidence_get_id (evidence) == evidence_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->grid), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
reload (RdEvidencePage *self)
{
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));
  g_autoptr(GListModel) loaded = NULL;
  g_autoptr(GError) error = NULL;
  RdEvidence *selected = gtk_single_selection_get_selected_item (self->selection);
  gint64 keep_id = selected ? rd_evidence_get_id (selected) : 0;

  if (store != NULL && rcase != NULL)
    {
      loaded = rd_store_list_evidence (store, rd_case_get_id (rcase), &error);
      if (loaded == NULL)
        rd_gui_show_toast (GTK_WIDGET (self), error->message);
    }
  /* The detail keeps showing the same evidence (its page, the password
   * typed for it) rather than seeing the selection go and come back. */
  self->reloading = TRUE;
  rd_gui_list_store_replace (self->evidence, loaded);
  /* Search and link results depend on what is stored. */
  on_filter_changed_cb (self);
  on_link_filter_changed_cb (self);
  if (keep_id == 0 || !rd_evidence_page_select (self, keep_id))
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->reloading = FALSE;
  on_selection_changed_cb (self);
}

static void
on_store_changed_cb (RdEvidencePage *self,
                     const char     *what,
                     gint64          case_id)
{
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));

  if (rd_case_page_is_waiting (RD_CASE_PAGE (self)) || !rd_gui_change_concerns (rcase, case_id))
    return;
  if (g_str_equal (what, "evidence"))
    {
      /* Adding a file again may have repaired it: the next check says. */
      g_hash_table_remove_all (self->damaged);
      reload (self);
    }
  else
    {
      /* Diary entries, contacts or complaint steps changed: what can be
       * linked, and names. */
      fill_link_choices (self);
      on_selection_changed_cb (self);
    }
}

static void
on_grid_activate_cb (RdEvidencePage *self,
                     guint           position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

/* A tile's own "evidence.open" selects it first; this shows it. */
static void
show_detail_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RdEvidencePage *self = RD_EVIDENCE_PAGE (widget);

  if (gtk_single_selection_get_selected_item (self->selection) != NULL &&
      adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
on_back_clicked_cb (RdEvidencePage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdEvidencePage *self = RD_EVIDENCE_PAGE (widget);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->evidence)) == 0)
    return;
  adw_leaflet_set_visible_child_name (self->leaflet, "grid");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->evidence_search_entry));
}

/**
 * rd_evidence_page_get_shown:
 *
 * Returns: (transfer none): the evidence the grid shows, after filters
 */
GListModel *
rd_evidence_page_get_shown (RdEvidencePage *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE_PAGE (self), NULL);

  /* What the page shows is read when it is first shown: now, if not yet. */
  rd_case_page_fill (RD_CASE_PAGE (self));
  return G_LIST_MODEL (self->filtered);
}

static void
setup_tile_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               RdEvidencePage           *self)
{
  gtk_list_item_set_child (item, rd_evidence_tile_new (self->thumbnails));
}

static void
bind_tile_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              RdEvidencePage           *self)
{
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdEvidence *evidence = gtk_list_item_get_item (item);
  gint64 id = rd_evidence_get_id (evidence);
  RdEvidenceTile *tile = RD_EVIDENCE_TILE (gtk_list_item_get_child (item));

  rd_evidence_tile_set_evidence (tile, store, evidence);
  rd_evidence_tile_set_damage (tile, g_hash_table_lookup (self->damaged, &id));
}

static void
unbind_tile_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                RdEvidencePage           *self)
{
  rd_evidence_tile_set_evidence (RD_EVIDENCE_TILE (gtk_list_item_get_child (item)), NULL, NULL);
}

static void
rd_evidence_page_store_changed (RdCasePage *page)
{
  RdEvidencePage *self = RD_EVIDENCE_PAGE (page);
  RdStore *store = rd_case_page_get_store (page);

  rd_evidence_detail_set_store (self->detail, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::evidence", G_CALLBACK (on_store_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::incidents", G_CALLBACK (on_store_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::contacts", G_CALLBACK (on_store_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::complaints", G_CALLBACK (on_store_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  reload (self);
}

/* Nothing here is left unsaved (a description is saved when applied). An
 * import still running is cancelled, which keeps none of it. */
static void
rd_evidence_page_case_changed (RdCasePage *page)
{
  RdEvidencePage *self = RD_EVIDENCE_PAGE (page);

  g_cancellable_cancel (self->cancellable);
  _rd_evidence_page_stop_reading (self);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->evidence_search_entry), "");
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  g_hash_table_remove_all (self->thumbnails);
  g_hash_table_remove_all (self->damaged);
  fill_link_choices (self);
  reload (self);
}

static void
rd_evidence_page_dispose (GObject *object)
{
  RdEvidencePage *self = RD_EVIDENCE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->ocr_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_EVIDENCE_PAGE);
  rd_gui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  g_clear_object (&self->evidence);
  g_clear_object (&self->importer);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->ocr_progress);
  g_clear_object (&self->ocr_cancellable);
  g_clear_pointer (&self->thumbnails, g_hash_table_unref);
  g_clear_pointer (&self->damaged, g_hash_table_unref);
  g_clear_pointer (&self->search_ids, g_hash_table_unref);
  g_clear_pointer (&self->link_ids, g_hash_table_unref);
  g_clear_pointer (&self->link_choices, g_array_unref);

  G_OBJECT_CLASS (rd_evidence_page_parent_class)->dispose (object);
}

static void
rd_evidence_page_class_init (RdEvidencePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdCasePageClass *page_class = RD_CASE_PAGE_CLASS (klass);

  g_type_ensure (RD_TYPE_EVIDENCE_DETAIL);

  object_class->dispose = rd_evidence_page_dispose;

  page_class->store_changed = rd_evidence_page_store_changed;
  page_class->case_changed = rd_evidence_page_case_changed;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-evidence-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdEvidencePage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, RdEvidencePage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, RdEvidencePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RdEvidencePage, page_stack);
  gtk_widget_class_bind_template_child (widget_class, RdEvidencePage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RdEvidencePage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RdEvidencePage, link_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RdEvidencePage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RdEvidencePage, evidence_search_entry);
  gtk_widget_class_bind_template_child (widget_class, RdEvidencePage, grid_stack);
  gtk_widget_class_bind_template_child (widget_class, RdEvidencePage, grid);
  gtk_widget_class_bind_template_child (widget_class, RdEvidencePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, RdEvidencePage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RdEvidencePage, detail);
  gtk_widget_class_bind_template_child (widget_class, RdEvidencePage, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_link_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "evidence-page.add", NULL, _rd_evidence_page_add_action);
  gtk_widget_class_install_action (widget_class, "evidence-page.check", NULL, _rd_evidence_page_check_action);
  gtk_widget_class_install_action (widget_class, "evidence-page.cancel", NULL, _rd_evidence_page_cancel_action);
  gtk_widget_class_install_action (widget_class, "evidence-page.read-text", NULL, _rd_evidence_page_read_action);
  gtk_widget_class_install_action (widget_class, "page.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "evidence-page.show-detail", NULL,
                                   show_detail_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "evidence-page.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "evidence-page.read-text", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "evidence-page.cancel", NULL);
}

/* A drop-down's own button has no name in GTK 4.8. */
static void
name_dropdown_button (GtkDropDown *dropdown,
                      const char  *name)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (dropdown));

  if (GTK_IS_TOGGLE_BUTTON (button))
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
rd_evidence_page_init (RdEvidencePage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkListItemFactory *factory;

  self->kind = -1;
  self->link_choices = g_array_new (FALSE, FALSE, sizeof (RdLinkTarget));
  self->thumbnails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->damaged = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);

  self->evidence = g_list_store_new (RD_TYPE_EVIDENCE);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->evidence)),
                                              GTK_FILTER (self->filter));
  self->selection = rd_gui_single_selection_new (G_LIST_MODEL (self->filtered),
                                                 G_CALLBACK (on_selection_changed_cb), self);

  factory = rd_gui_list_item_factory_new (G_CALLBACK (setup_tile_cb), G_CALLBACK (bind_tile_cb),
                                          G_CALLBACK (unbind_tile_cb), self);
  gtk_grid_view_set_factory (self->grid, factory);
  g_object_unref (factory);
  gtk_grid_view_set_model (self->grid, GTK_SELECTION_MODEL (self->selection));

  gtk_string_list_append (kinds, _("Every kind"));
  for (guint i = 0; i < RD_EVIDENCE_KIND_N_KINDS; i++)
    gtk_string_list_append (kinds, rd_evidence_kind_get_label (i));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->evidence_search_entry));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence-page.cancel", FALSE);
  _rd_evidence_page_update_counts (self);

  name_dropdown_button (self->kind_dropdown, _("Show one kind of evidence"));
  name_dropdown_button (self->link_dropdown, _("Show evidence linked to"));
  rd_gui_drop_down_show_choice_in_full (self->kind_dropdown);
  rd_gui_drop_down_show_choice_in_full (self->link_dropdown);
  rd_gui_fix_accessible_name (self->add_button);
}
