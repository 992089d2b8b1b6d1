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
#include "rd-evidence-page.h"
#include "rd-evidence-tile.h"
#include "rd-gui-util.h"

/*
 * The evidence of the case (a GListStore, in the store's order: oldest
 * capture first) → a GtkFilterListModel (kind, link, search) → a single
 * selection shown in a GtkGridView of RdEvidenceTile; the selected item is
 * shown by the RdEvidenceDetail beside the grid. Search asks the store's
 * full-text index and keeps the matching ids; the link filter does the same
 * with the evidence linked to the chosen diary entry or contact.
 */

typedef struct {
  RdEvidenceTargetKind kind;
  gint64               id;
} LinkChoice;

struct _RdEvidencePage
{
  GtkWidget           parent_instance;

  RdStore            *store;
  RdCase             *rcase;
  GListStore         *evidence;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GHashTable         *thumbnails;     /* sha256 → GdkTexture */
  int                 kind;           /* -1: every kind */
  GHashTable         *search_ids;     /* NULL: no search */
  GHashTable         *link_ids;       /* NULL: no link filter */
  gboolean            unlinked_only;
  GArray             *link_choices;   /* LinkChoice, after the first two entries */
  gboolean            refilling_links;
  gboolean            reloading;      /* the selection passes through nothing */

  RdEvidenceImporter *importer;
  GCancellable       *cancellable;

  GtkRevealer        *progress_revealer;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
  GtkStack           *page_stack;
  AdwLeaflet         *leaflet;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *link_dropdown;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *evidence_search_entry;
  GtkStack           *grid_stack;
  GtkGridView        *grid;
  GtkLabel           *count_label;
  GtkStack           *detail_stack;
  RdEvidenceDetail   *detail;
  GtkWidget          *add_button;
};

G_DEFINE_FINAL_TYPE (RdEvidencePage, rd_evidence_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static void
update_counts (RdEvidencePage *self)
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
  update_counts (self);
}

static void
on_filter_changed_cb (RdEvidencePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->evidence_search_entry));
  g_autofree char *words = g_strstrip (g_strdup (text));
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  self->kind = (kind == 0 || kind == GTK_INVALID_LIST_POSITION) ? -1 : (int) kind - 1;
  g_clear_pointer (&self->search_ids, g_hash_table_unref);
  if (self->store && self->rcase && *words != '\0')
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) found = rd_store_search_evidence (self->store, rd_case_get_id (self->rcase),
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
  guint selected = gtk_drop_down_get_selected (self->link_dropdown);

  if (self->refilling_links)
    return;
  g_clear_pointer (&self->link_ids, g_hash_table_unref);
  self->unlinked_only = selected == 1;
  if (selected >= 2 && selected != GTK_INVALID_LIST_POSITION && selected - 2 < self->link_choices->len)
    {
      LinkChoice *choice = &g_array_index (self->link_choices, LinkChoice, selected - 2);
      g_autoptr(GListModel) linked = rd_store_list_linked_evidence (self->store, choice->kind, choice->id, NULL);

      self->link_ids = ids_of (linked);
    }
  refilter (self);
}

/* The link filter offers every diary entry and contact of the case. */
static void
fill_link_choices (RdEvidencePage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GListModel) incidents = NULL;
  g_autoptr(GListModel) contacts = NULL;

  g_array_set_size (self->link_choices, 0);
  gtk_string_list_append (labels, _("Linked to anything or nothing"));
  gtk_string_list_append (labels, _("Not linked to anything yet"));
  if (self->store != NULL && self->rcase != NULL)
    {
      incidents = rd_store_list_incidents (self->store, rd_case_get_id (self->rcase), NULL);
      contacts = rd_store_list_contacts (self->store, rd_case_get_id (self->rcase), NULL);
    }
  for (guint i = 0, n = incidents ? g_list_model_get_n_items (incidents) : 0; i < n; i++)
    {
      g_autoptr(RdIncident) incident = g_list_model_get_item (incidents, i);
      LinkChoice choice = { RD_EVIDENCE_TARGET_INCIDENT, rd_incident_get_id (incident) };
      g_autofree char *label = rd_evidence_dup_target_label (self->store, choice.kind, choice.id);

      gtk_string_list_append (labels, label);
      g_array_append_val (self->link_choices, choice);
    }
  for (guint i = 0, n = contacts ? g_list_model_get_n_items (contacts) : 0; i < n; i++)
    {
      g_autoptr(RdContact) contact = g_list_model_get_item (contacts, i);
      LinkChoice choice = { RD_EVIDENCE_TARGET_CONTACT, rd_contact_get_id (contact) };
      g_autofree char *label = rd_evidence_dup_target_label (self->store, choice.kind, choice.id);

      gtk_string_list_append (labels, label);
      g_array_append_val (self->link_choices, choice);
    }
  self->refilling_links = TRUE;
  gtk_drop_down_set_model (self->link_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->link_dropdown, 0);
  self->refilling_links = FALSE;
  on_link_filter_changed_cb (self);
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
  g_autoptr(GListModel) loaded = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  RdEvidence *selected = gtk_single_selection_get_selected_item (self->selection);
  gint64 keep_id = selected ? rd_evidence_get_id (selected) : 0;

  if (self->store != NULL && self->rcase != NULL)
    {
      loaded = rd_store_list_evidence (self->store, rd_case_get_id (self->rcase), &error);
      if (loaded == NULL)
        rd_gui_show_toast (GTK_WIDGET (self), error->message);
    }
  for (guint i = 0, n = loaded ? g_list_model_get_n_items (loaded) : 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (loaded, i));

  /* The detail keeps showing the same evidence (its page, the password
   * typed for it) rather than seeing the selection go and come back. */
  self->reloading = TRUE;
  g_list_store_splice (self->evidence, 0, g_list_model_get_n_items (G_LIST_MODEL (self->evidence)),
                       items->pdata, items->len);
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
  if (self->rcase == NULL || (case_id != 0 && case_id != rd_case_get_id (self->rcase)))
    return;
  if (g_str_equal (what, "evidence"))
    reload (self);
  else
    {
      /* Diary entries or contacts changed: what can be linked, and names. */
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

static void
on_back_clicked_cb (RdEvidencePage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Import */

static void
on_progress_cb (RdEvidencePage *self)
{
  if (self->importer == NULL)
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, rd_evidence_importer_get_fraction (self->importer));
  gtk_label_set_text (self->progress_label, rd_evidence_importer_get_message (self->importer));
}

static void
set_busy (RdEvidencePage *self,
          gboolean        busy,
          const char     *message)
{
  if (busy)
    {
      self->importer = rd_evidence_importer_new (self->store, rd_case_get_id (self->rcase));
      self->cancellable = g_cancellable_new ();
      g_signal_connect_object (self->importer, "notify::message", G_CALLBACK (on_progress_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_label_set_text (self->progress_label, message);
    }
  else
    {
      g_clear_object (&self->importer);
      g_clear_object (&self->cancellable);
    }
  gtk_revealer_set_reveal_child (self->progress_revealer, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence-page.add", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence-page.cancel", busy);
  update_counts (self);
}

static void
show_list_dialog (RdEvidencePage *self,
                  const char     *heading,
                  GPtrArray      *lines)
{
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;

  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (body, "%s%s", i ? "\n\n" : "", (const char *) g_ptr_array_index (lines, i));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       heading, body->str));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RdEvidencePage) self = user_data;
  g_autoptr(GPtrArray) imported = NULL;
  g_autoptr(GPtrArray) failures = NULL;
  g_autoptr(GError) error = NULL;

  imported = rd_evidence_importer_import_finish (RD_EVIDENCE_IMPORTER (source), result, &failures, &error);
  set_busy (self, FALSE, NULL);
  if (imported == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rd_gui_show_toast (GTK_WIDGET (self), _("Adding evidence was cancelled; nothing was added"));
      else
        rd_gui_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  if (imported->len > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u piece of evidence kept",
                                                         "%u pieces of evidence kept", imported->len),
                                               imported->len);
      rd_gui_show_toast (GTK_WIDGET (self), text);
      rd_evidence_page_select (self, rd_evidence_get_id (g_ptr_array_index (imported, 0)));
    }
  if (failures != NULL && failures->len > 0)
    show_list_dialog (self, ngettext ("A File Could Not Be Added", "Some Files Could Not Be Added",
                                      failures->len), failures);
}

/**
 * rd_evidence_page_import_files:
 *
 * Adds @files to the case on a worker thread, showing progress with Cancel.
 */
void
rd_evidence_page_import_files (RdEvidencePage  *self,
                               GFile          **files,
                               guint            n_files)
{
  g_return_if_fail (RD_IS_EVIDENCE_PAGE (self));

  if (self->store == NULL || self->rcase == NULL || n_files == 0)
    return;
  if (self->importer != NULL)
    {
      rd_gui_show_toast (GTK_WIDGET (self), _("Wait for the evidence being added now, then try again"));
      return;
    }
  set_busy (self, TRUE, _("Adding evidence…"));
  rd_evidence_importer_import_async (self->importer, files, n_files, self->cancellable,
                                     on_import_done_cb, g_object_ref (self));
}

gboolean
rd_evidence_page_is_busy (RdEvidencePage *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE_PAGE (self), FALSE);
  return self->importer != NULL;
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        RdEvidencePage  *self)
{
  g_autoptr(GListModel) chosen = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0, n = g_list_model_get_n_items (chosen); i < n; i++)
        g_ptr_array_add (files, g_list_model_get_item (chosen, i));
      rd_evidence_page_import_files (self, (GFile **) files->pdata, files->len);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RdEvidencePage *self = RD_EVIDENCE_PAGE (widget);
  GtkFileChooserNative *chooser;

  if (self->rcase == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Add Evidence"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdEvidencePage *self = RD_EVIDENCE_PAGE (widget);

  g_cancellable_cancel (self->cancellable);
  gtk_label_set_text (self->progress_label, _("Cancelling…"));
}

static void
on_check_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RdEvidencePage) self = user_data;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->evidence));

  problems = rd_evidence_importer_verify_finish (RD_EVIDENCE_IMPORTER (source), result, &error);
  set_busy (self, FALSE, NULL);
  if (problems == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rd_gui_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  if (problems->len == 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("The evidence file is intact",
                                                         "All %u evidence files are intact", total),
                                               total);
      rd_gui_show_toast (GTK_WIDGET (self), text);
      return;
    }
  for (guint i = 0; i < problems->len; i++)
    g_ptr_array_add (lines, ((RdEvidenceProblem *) g_ptr_array_index (problems, i))->message);
  show_list_dialog (self, ngettext ("A File Is Missing or Changed", "Some Files Are Missing or Changed",
                                    problems->len), lines);
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RdEvidencePage *self = RD_EVIDENCE_PAGE (widget);

  if (self->rcase == NULL || self->importer != NULL)
    return;
  set_busy (self, TRUE, _("Checking evidence…"));
  rd_evidence_importer_verify_async (self->importer, self->cancellable, on_check_done_cb,
                                     g_object_ref (self));
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
  return G_LIST_MODEL (self->filtered);
}

static void
set_store (RdEvidencePage *self,
           RdStore        *store)
{
  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
  g_set_object (&self->store, store);
  rd_evidence_detail_set_store (self->detail, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::evidence", G_CALLBACK (on_store_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::incidents", G_CALLBACK (on_store_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::contacts", G_CALLBACK (on_store_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
set_case (RdEvidencePage *self,
          RdCase         *rcase)
{
  if (self->rcase == rcase)
    return;
  /* Nothing here is left unsaved (a description is saved when applied).
   * An import still running is cancelled, which keeps none of it. */
  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->rcase, rcase);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->evidence_search_entry), "");
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  g_hash_table_remove_all (self->thumbnails);
  fill_link_choices (self);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
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
  rd_evidence_tile_set_evidence (RD_EVIDENCE_TILE (gtk_list_item_get_child (item)), self->store,
                                 gtk_list_item_get_item (item));
}

static void
unbind_tile_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                RdEvidencePage           *self)
{
  rd_evidence_tile_set_evidence (RD_EVIDENCE_TILE (gtk_list_item_get_child (item)), NULL, NULL);
}

static void
rd_evidence_page_dispose (GObject *object)
{
  RdEvidencePage *self = RD_EVIDENCE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_EVIDENCE_PAGE);
  rd_gui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  g_clear_object (&self->evidence);
  g_clear_object (&self->importer);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->rcase);
  g_clear_object (&self->store);
  g_clear_pointer (&self->thumbnails, g_hash_table_unref);
  g_clear_pointer (&self->search_ids, g_hash_table_unref);
  g_clear_pointer (&self->link_ids, g_hash_table_unref);
  g_clear_pointer (&self->link_choices, g_array_unref);

  G_OBJECT_CLASS (rd_evidence_page_parent_class)->dispose (object);
}

static void
rd_evidence_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RdEvidencePage *self = RD_EVIDENCE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE:
      g_value_set_object (value, self->rcase);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_evidence_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RdEvidencePage *self = RD_EVIDENCE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;
    case PROP_CASE:
      set_case (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_evidence_page_class_init (RdEvidencePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (RD_TYPE_EVIDENCE_DETAIL);

  object_class->dispose = rd_evidence_page_dispose;
  object_class->get_property = rd_evidence_page_get_property;
  object_class->set_property = rd_evidence_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, RD_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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

  gtk_widget_class_install_action (widget_class, "evidence-page.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "evidence-page.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "evidence-page.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "page.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "evidence-page.add", NULL);
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
  self->link_choices = g_array_new (FALSE, FALSE, sizeof (LinkChoice));
  self->thumbnails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->evidence = g_list_store_new (RD_TYPE_EVIDENCE);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->evidence)),
                                              GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_tile_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_tile_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_tile_cb), self);
  gtk_grid_view_set_factory (self->grid, factory);
  g_object_unref (factory);
  gtk_grid_view_set_model (self->grid, GTK_SELECTION_MODEL (self->selection));

  gtk_string_list_append (kinds, _("Every kind"));
  for (guint i = 0; i < RD_EVIDENCE_KIND_N_KINDS; i++)
    gtk_string_list_append (kinds, rd_evidence_kind_get_label (i));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->evidence_search_entry));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence-page.cancel", FALSE);
  update_counts (self);

  name_dropdown_button (self->kind_dropdown, _("Show one kind of evidence"));
  name_dropdown_button (self->link_dropdown, _("Show evidence linked to"));
  rd_gui_fix_accessible_name (self->add_button);
}
