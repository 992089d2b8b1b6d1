/* rd-evidence-links.c: the evidence linked to one diary entry, contact or
 * complaint step, for its editor: each piece with what it shows, a way to
 * remove the link, and a chooser of the case's other evidence to link.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-evidence-links"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-evidence-detail.h"
#include "rd-evidence-links.h"
#include "rd-evidence-tile.h"
#include "rd-gui-undo.h"
#include "rd-gui-util.h"

struct _RdEvidenceLinks
{
  GtkWidget             parent_instance;

  RdStore              *store;
  gint64                case_id;
  RdEvidenceTargetKind  kind;
  gint64                target_id;    /* 0: nothing to link to (yet) */
  GListModel           *linked;
  GPtrArray            *choices;      /* RdEvidence, parallel to the combo row */
  /* For a step not saved yet: what will be linked once it is. */
  gboolean              pending_allowed;
  GPtrArray            *pending;       /* RdEvidence */
  GPtrArray            *pending_notes; /* char *, parallel to pending */

  GtkListBox           *linked_list;
  AdwComboRow          *evidence_row;
  AdwEntryRow          *link_note_row;
};

G_DEFINE_FINAL_TYPE (RdEvidenceLinks, rd_evidence_links, GTK_TYPE_WIDGET)

static void refresh (RdEvidenceLinks *self);

static void
on_unlink_clicked_cb (GtkButton       *button,
                      RdEvidenceLinks *self)
{
  RdEvidence *evidence = g_object_get_data (G_OBJECT (button), "evidence");
  g_autoptr(GError) error = NULL;
  guint index;
  gint64 id;

  if (self->target_id == 0)
    {
      if (g_ptr_array_find (self->pending, evidence, &index))
        {
          g_ptr_array_remove_index (self->pending, index);
          g_ptr_array_remove_index (self->pending_notes, index);
        }
      refresh (self);
      return;
    }
  /* The button and its evidence go when the list is filled again: keep
   * ids only. In a dialog (a step's) the dialog offers Undo and chooses
   * the piece of evidence again; in the window, the window does and
   * chooses the record. */
  id = rd_evidence_get_id (evidence);
  if (rd_gui_unlink_evidence_undoably (self->store, id, self->kind, self->target_id, &error))
    {
      if (!rd_gui_offer_undo_in_dialog (GTK_WIDGET (self), _("Link removed"), _("Link restored"),
                                        "evidence-link", id))
        rd_gui_offer_undo (GTK_WIDGET (self), _("Link removed"), _("Link restored"),
                           self->kind == RD_EVIDENCE_TARGET_INCIDENT ? "diary"
                           : self->kind == RD_EVIDENCE_TARGET_CONTACT ? "contacts" : NULL,
                           self->target_id);
    }
  else if (error != NULL)
    rd_gui_show_toast (GTK_WIDGET (self), error->message);
}

static char *
note_for (RdEvidenceLinks *self,
          RdEvidence      *evidence)
{
  g_autoptr(GListModel) links = NULL;
  guint index;

  if (self->target_id == 0)
    return g_strdup (g_ptr_array_find (self->pending, evidence, &index)
                     ? g_ptr_array_index (self->pending_notes, index) : "");
  links = rd_store_list_evidence_links (self->store, rd_evidence_get_id (evidence), NULL);
  for (guint i = 0, n = links ? g_list_model_get_n_items (links) : 0; i < n; i++)
    {
      g_autoptr(RdEvidenceLink) link = g_list_model_get_item (links, i);

      if (rd_evidence_link_get_target_kind (link) == self->kind &&
          rd_evidence_link_get_target_id (link) == self->target_id)
        return g_strdup (rd_evidence_link_get_note (link));
    }
  return g_strdup ("");
}

static char *
describe (RdEvidence *evidence)
{
  g_autofree char *name = rd_evidence_dup_display_name (evidence);
  g_autofree char *when = NULL;

  if (rd_evidence_get_captured_at (evidence) == NULL)
    return g_steal_pointer (&name);
  {
    g_autoptr(GDate) date = rd_datetime_get_date (rd_evidence_get_captured_at (evidence));
    when = rd_date_format_long (date);
  }
  /* Translators: evidence in a list: its name, then the day it was captured */
  return g_strdup_printf (_("%s (%s)"), name, when);
}

/* Rereads what is linked and what could be; called whenever evidence changes. */
static void
refresh (RdEvidenceLinks *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GHashTable) linked_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->linked_list))) != NULL)
    gtk_list_box_remove (self->linked_list, child);
  g_clear_object (&self->linked);
  g_ptr_array_set_size (self->choices, 0);

  if (self->store != NULL && self->target_id != 0)
    {
      self->linked = rd_store_list_linked_evidence (self->store, self->kind, self->target_id, NULL);
      all = rd_store_list_evidence (self->store, self->case_id, NULL);
    }
  else if (self->store != NULL && self->pending_allowed && self->case_id != 0)
    {
      GListStore *pending = g_list_store_new (RD_TYPE_EVIDENCE);

      for (guint i = 0; i < self->pending->len; i++)
        g_list_store_append (pending, g_ptr_array_index (self->pending, i));
      self->linked = G_LIST_MODEL (pending);
      all = rd_store_list_evidence (self->store, self->case_id, NULL);
    }

  /* An entry has a handful of pieces of evidence: a row each is fine. */
  for (guint i = 0, n = self->linked ? g_list_model_get_n_items (self->linked) : 0; i < n; i++)
    {
      g_autoptr(RdEvidence) evidence = g_list_model_get_item (self->linked, i);
      g_autofree char *title = describe (evidence);
      g_autofree char *escaped = g_markup_escape_text (title, -1);
      g_autofree char *note = note_for (self, evidence);
      g_autofree char *escaped_note = g_markup_escape_text (note, -1);
      g_autofree char *remove_label = g_strdup_printf (_("Unlink: %s"), title);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");

      g_hash_table_add (linked_ids, g_memdup2 (&(gint64) { rd_evidence_get_id (evidence) }, sizeof (gint64)));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_note);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (rd_evidence_kind_icon_name (rd_evidence_get_kind (evidence))));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Unlink this evidence"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      g_object_set_data_full (G_OBJECT (remove), "evidence", g_object_ref (evidence), g_object_unref);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_unlink_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      g_object_set_data_full (G_OBJECT (row), "evidence", g_object_ref (evidence), g_object_unref);
      gtk_list_box_append (self->linked_list, row);
    }
  if (self->linked == NULL || g_list_model_get_n_items (self->linked) == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     self->target_id || self->pending_allowed
                                     ? _("No evidence linked yet")
                                     : _("Write the entry first, then link evidence"));
      gtk_list_box_append (self->linked_list, row);
    }

  for (guint i = 0, n = all ? g_list_model_get_n_items (all) : 0; i < n; i++)
    {
      g_autoptr(RdEvidence) evidence = g_list_model_get_item (all, i);
      g_autofree char *label = NULL;
      gint64 id = rd_evidence_get_id (evidence);

      if (g_hash_table_contains (linked_ids, &id))
        continue;
      label = describe (evidence);
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->choices, g_object_ref (evidence));
    }
  adw_combo_row_set_model (self->evidence_row, G_LIST_MODEL (labels));
  gtk_widget_set_sensitive (GTK_WIDGET (self->evidence_row), self->choices->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence-links.link", self->choices->len > 0);
}

static void
on_store_changed_cb (RdEvidenceLinks *self,
                     const char      *what,
                     gint64           case_id)
{
  if (case_id == 0 || case_id == self->case_id)
    refresh (self);
}

void
rd_evidence_links_set_store (RdEvidenceLinks *self,
                             RdStore         *store)
{
  g_return_if_fail (RD_IS_EVIDENCE_LINKS (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed::evidence", G_CALLBACK (on_store_changed_cb), self,
                             G_CONNECT_SWAPPED);
  refresh (self);
}

/**
 * rd_evidence_links_set_target:
 * @target_id: the diary entry or contact, or 0 while it is not saved yet
 */
void
rd_evidence_links_set_target (RdEvidenceLinks      *self,
                              gint64                case_id,
                              RdEvidenceTargetKind  kind,
                              gint64                target_id)
{
  g_return_if_fail (RD_IS_EVIDENCE_LINKS (self));

  if (self->case_id == case_id && self->kind == kind && self->target_id == target_id)
    return;
  self->case_id = case_id;
  self->kind = kind;
  self->target_id = target_id;
  g_ptr_array_set_size (self->pending, 0);
  g_ptr_array_set_size (self->pending_notes, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->link_note_row), "");
  refresh (self);
}

/**
 * rd_evidence_links_set_pending_allowed:
 *
 * With @allowed, evidence can be chosen while the target is not saved yet
 * (its id is 0); rd_evidence_links_save_pending() links it once it is.
 */
void
rd_evidence_links_set_pending_allowed (RdEvidenceLinks *self,
                                       gboolean         allowed)
{
  g_return_if_fail (RD_IS_EVIDENCE_LINKS (self));

  self->pending_allowed = allowed;
  refresh (self);
}

/**
 * rd_evidence_links_save_pending:
 * @target_id: the target, now saved
 *
 * Links the evidence chosen before the target was saved, all of it or (on
 * error) none, and from then on works on @target_id directly.
 */
gboolean
rd_evidence_links_save_pending (RdEvidenceLinks  *self,
                                gint64            target_id,
                                GError          **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (RD_IS_EVIDENCE_LINKS (self), FALSE);
  g_return_val_if_fail (target_id > 0, FALSE);

  if (self->target_id == target_id)
    return TRUE;
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->pending->len);
  for (guint i = 0; i < self->pending->len; i++)
    {
      gint64 id = rd_evidence_get_id (g_ptr_array_index (self->pending, i));

      g_array_append_val (ids, id);
    }
  if (ids->len > 0 &&
      !rd_store_link_evidence_all (self->store, (const gint64 *) ids->data,
                                   (const char * const *) self->pending_notes->pdata, ids->len,
                                   self->kind, target_id, error))
    return FALSE;
  rd_evidence_links_set_target (self, self->case_id, self->kind, target_id);
  return TRUE;
}

/**
 * rd_evidence_links_get_linked:
 *
 * Returns: (transfer none) (nullable): the evidence shown as linked
 */
GListModel *
rd_evidence_links_get_linked (RdEvidenceLinks *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE_LINKS (self), NULL);
  return self->linked;
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdEvidenceLinks *self = RD_EVIDENCE_LINKS (widget);
  guint selected = adw_combo_row_get_selected (self->evidence_row);
  g_autoptr(GError) error = NULL;
  RdEvidence *evidence;

  if (selected >= self->choices->len)
    return;
  evidence = g_ptr_array_index (self->choices, selected);
  if (self->target_id == 0)
    {
      if (!self->pending_allowed)
        return;
      g_ptr_array_add (self->pending, g_object_ref (evidence));
      g_ptr_array_add (self->pending_notes, g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->link_note_row))));
      gtk_editable_set_text (GTK_EDITABLE (self->link_note_row), "");
      refresh (self);
      return;
    }
  if (!rd_store_link_evidence (self->store, rd_evidence_get_id (evidence), self->kind, self->target_id,
                               gtk_editable_get_text (GTK_EDITABLE (self->link_note_row)), &error))
    rd_gui_show_toast (GTK_WIDGET (self), error->message);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->link_note_row), "");
}

static void
rd_evidence_links_dispose (GObject *object)
{
  RdEvidenceLinks *self = RD_EVIDENCE_LINKS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_EVIDENCE_LINKS);
  rd_gui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->linked);
  g_clear_object (&self->store);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->pending_notes, g_ptr_array_unref);

  G_OBJECT_CLASS (rd_evidence_links_parent_class)->dispose (object);
}

static void
rd_evidence_links_class_init (RdEvidenceLinksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_evidence_links_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-evidence-links.ui");
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceLinks, linked_list);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceLinks, evidence_row);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceLinks, link_note_row);
  gtk_widget_class_install_action (widget_class, "evidence-links.link", NULL, link_action);
}

static void
rd_evidence_links_init (RdEvidenceLinks *self)
{
  self->choices = g_ptr_array_new_with_free_func (g_object_unref);
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  self->pending_notes = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  rd_gui_label_entry_row (self->link_note_row, _("What it shows"));
  rd_gui_combo_row_show_choice_in_full (self->evidence_row, NULL);
  refresh (self);
}

/**
 * rd_link_targets_list:
 * @targets: (element-type RdLinkTarget): emptied, then filled in step
 *   with the labels returned
 *
 * Everything evidence of the case can be linked to: its diary entries,
 * contacts and complaint steps.
 *
 * Returns: (transfer full): a label for each
 */
GtkStringList *
rd_link_targets_list (RdStore *store,
                      gint64   case_id,
                      GArray  *targets)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) incidents = NULL;
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GListModel) complaints = NULL;

  g_array_set_size (targets, 0);
  if (store == NULL || case_id == 0)
    return labels;
  incidents = rd_store_list_incidents (store, case_id, NULL);
  contacts = rd_store_list_contacts (store, case_id, NULL);
  complaints = rd_store_list_complaints (store, case_id, NULL);
  for (guint i = 0, n = incidents ? g_list_model_get_n_items (incidents) : 0; i < n; i++)
    {
      g_autoptr(RdIncident) incident = g_list_model_get_item (incidents, i);
      RdLinkTarget target = { RD_EVIDENCE_TARGET_INCIDENT, rd_incident_get_id (incident) };
      g_autofree char *label = rd_evidence_dup_record_label (incident);

      g_array_append_val (targets, target);
      g_ptr_array_add (names, g_steal_pointer (&label));
    }
  for (guint i = 0, n = contacts ? g_list_model_get_n_items (contacts) : 0; i < n; i++)
    {
      g_autoptr(RdContact) contact = g_list_model_get_item (contacts, i);
      RdLinkTarget target = { RD_EVIDENCE_TARGET_CONTACT, rd_contact_get_id (contact) };
      g_autofree char *label = rd_evidence_dup_record_label (contact);

      g_array_append_val (targets, target);
      g_ptr_array_add (names, g_steal_pointer (&label));
    }
  for (guint i = 0, n = complaints ? g_list_model_get_n_items (complaints) : 0; i < n; i++)
    {
      g_autoptr(RdComplaint) complaint = g_list_model_get_item (complaints, i);
      g_autoptr(GListModel) events = rd_store_list_complaint_events (store, rd_complaint_get_id (complaint), NULL);

      for (guint k = 0, m = events ? g_list_model_get_n_items (events) : 0; k < m; k++)
        {
          g_autoptr(RdComplaintEvent) event = g_list_model_get_item (events, k);
          RdLinkTarget target = { RD_EVIDENCE_TARGET_COMPLAINT_EVENT, rd_complaint_event_get_id (event) };
          g_autofree char *label = rd_evidence_dup_record_label (event);

          g_array_append_val (targets, target);
          g_ptr_array_add (names, g_steal_pointer (&label));
        }
    }
  /* One change for the whole list, not one per entry. */
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (labels, 0, 0, (const char * const *) names->pdata);
  return labels;
}

/**
 * rd_evidence_links_focus_evidence:
 * @evidence_id: a piece of evidence linked here
 *
 * Puts the keyboard on the row of @evidence_id, as after its link is
 * restored.
 *
 * Returns: whether it is listed and took the focus
 */
gboolean
rd_evidence_links_focus_evidence (RdEvidenceLinks *self,
                                  gint64           evidence_id)
{
  g_return_val_if_fail (RD_IS_EVIDENCE_LINKS (self), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->linked_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      RdEvidence *evidence = g_object_get_data (G_OBJECT (row), "evidence");

      if (evidence != NULL && rd_evidence_get_id (evidence) == evidence_id)
        return gtk_widget_grab_focus (row);
    }
  return FALSE;
}
