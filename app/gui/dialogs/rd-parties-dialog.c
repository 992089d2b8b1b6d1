/* rd-parties-dialog.c: the people and bodies of a case, added and changed in one window.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-parties-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-autosave.h"
#include "rd-gui-list.h"
#include "rd-gui-undo.h"
#include "rd-gui-util.h"
#include "rd-parties-dialog.h"

/* Changes are written a moment after typing pauses, and at once when
 * another person is chosen or the window closes. A person without a name
 * or an organisation is not written; one left like that is dropped. */
#define SAVE_DELAY_MS 500

struct _RdPartiesDialog
{
  RdStoreDialog       parent_instance;

  GListStore         *parties;
  GtkSingleSelection *selection;
  RdParty            *editing;
  RdAutosave         *autosave;
  gboolean            loading;
  gboolean            reloading;

  AdwLeaflet         *leaflet;
  GtkListView        *list_view;
  GtkStack           *form_stack;
  AdwEntryRow        *name_row;
  AdwComboRow        *role_row;
  AdwEntryRow        *organisation_row;
  GtkSwitch          *third_party_switch;
  AdwEntryRow        *notes_row;
  GtkLabel           *status_label;
};

G_DEFINE_FINAL_TYPE (RdPartiesDialog, rd_parties_dialog, RD_TYPE_STORE_DIALOG)

static RdStore *
store_of (RdPartiesDialog *self)
{
  return rd_store_dialog_get_store (RD_STORE_DIALOG (self));
}

static RdCase *
case_of (RdPartiesDialog *self)
{
  return rd_store_dialog_get_case (RD_STORE_DIALOG (self));
}

static void
apply_fields (RdPartiesDialog *self)
{
  guint role = adw_combo_row_get_selected (self->role_row);

  rd_party_set_name (self->editing, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  if (role < RD_PARTY_N_ROLES)
    rd_party_set_role (self->editing, role);
  rd_party_set_organisation (self->editing, gtk_editable_get_text (GTK_EDITABLE (self->organisation_row)));
  rd_party_set_third_party (self->editing, gtk_switch_get_active (self->third_party_switch));
  rd_party_set_notes (self->editing, gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
}

static RdAutosaveResult
write_party (GtkWidget  *form,
             GError    **error)
{
  RdPartiesDialog *self = RD_PARTIES_DIALOG (form);

  if (self->editing == NULL || store_of (self) == NULL)
    return RD_AUTOSAVE_HELD;
  apply_fields (self);
  if (!rd_store_save_party (store_of (self), self->editing, error))
    return RD_AUTOSAVE_FAILED;
  return RD_AUTOSAVE_WRITTEN;
}

/**
 * rd_parties_dialog_flush:
 *
 * Writes the person being edited now, if anything changed.
 */
gboolean
rd_parties_dialog_flush (RdPartiesDialog  *self,
                         GError          **error)
{
  g_return_val_if_fail (RD_IS_PARTIES_DIALOG (self), FALSE);

  return rd_autosave_flush (self->autosave, error);
}

static void
on_field_changed_cb (RdPartiesDialog *self)
{
  if (self->loading || self->editing == NULL)
    return;
  rd_autosave_changed (self->autosave);
}

/* Choosing "Neighbour" suggests keeping the name private; the resident
 * can still change the switch. */
static void
on_role_changed_cb (RdPartiesDialog *self)
{
  guint role = adw_combo_row_get_selected (self->role_row);

  if (!self->loading && role < RD_PARTY_N_ROLES)
    gtk_switch_set_active (self->third_party_switch, rd_party_role_default_third_party (role));
  on_field_changed_cb (self);
}

/* A person never written (no name, no organisation) leaves the list. */
static void
drop_if_unsaved (RdPartiesDialog *self,
                 RdParty         *party)
{
  if (party != NULL && rd_party_get_id (party) == 0)
    rd_gui_list_store_take_out (self->parties, party, NULL);
}

static void
load_party (RdPartiesDialog *self,
            RdParty         *party)
{
  g_autoptr(RdParty) previous = NULL;

  rd_parties_dialog_flush (self, NULL);
  previous = g_steal_pointer (&self->editing);
  self->editing = party ? g_object_ref (party) : NULL;
  rd_autosave_discard (self->autosave);
  if (previous != party)
    drop_if_unsaved (self, previous);

  if (party == NULL)
    {
      gtk_stack_set_visible_child_name (self->form_stack, "empty");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "parties.remove", FALSE);
      return;
    }

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), rd_party_get_name (party));
  adw_combo_row_set_selected (self->role_row, rd_party_get_role (party));
  gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), rd_party_get_organisation (party));
  gtk_switch_set_active (self->third_party_switch, rd_party_get_third_party (party));
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), rd_party_get_notes (party));
  self->loading = FALSE;
  rd_gui_set_status (self->status_label, NULL, FALSE);
  gtk_stack_set_visible_child_name (self->form_stack, "form");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "parties.remove", TRUE);
}

/* Folded, choosing a person shows their form; the list comes first when
 * the window opens, even though its first person is chosen for the form. */
static void
on_selection_changed_cb (RdPartiesDialog *self)
{
  RdParty *party = gtk_single_selection_get_selected_item (self->selection);

  load_party (self, party);
  if (party != NULL && !self->reloading)
    rd_gui_leaflet_show_editor (self->leaflet);
}

static void
on_back_clicked_cb (RdPartiesDialog *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
reload (RdPartiesDialog *self)
{
  g_autoptr(GListModel) loaded = NULL;
  g_autoptr(GError) error = NULL;

  self->reloading = TRUE;
  g_list_store_remove_all (self->parties);
  if (store_of (self) != NULL && case_of (self) != NULL)
    loaded = rd_store_list_parties (store_of (self), rd_case_get_id (case_of (self)), &error);
  if (error != NULL)
    g_warning ("Could not list the people of the case: %s", error->message);
  for (guint i = 0; loaded != NULL && i < g_list_model_get_n_items (loaded); i++)
    {
      g_autoptr(RdParty) party = g_list_model_get_item (loaded, i);
      g_list_store_append (self->parties, party);
    }
  self->reloading = FALSE;
}

/**
 * rd_parties_dialog_add_party:
 *
 * Starts a new person and puts the cursor in their name.
 */
void
rd_parties_dialog_add_party (RdPartiesDialog *self)
{
  g_autoptr(RdParty) party = rd_party_new ();

  g_return_if_fail (RD_IS_PARTIES_DIALOG (self));

  if (case_of (self) == NULL)
    return;
  rd_parties_dialog_flush (self, NULL);
  rd_party_set_case_id (party, rd_case_get_id (case_of (self)));
  rd_party_set_role (party, RD_PARTY_LANDLORD_OFFICER);
  g_list_store_append (self->parties, party);
  gtk_single_selection_set_selected (self->selection,
                                     g_list_model_get_n_items (G_LIST_MODEL (self->parties)) - 1);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  rd_parties_dialog_add_party (RD_PARTIES_DIALOG (widget));
}

static void
on_remove_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       RdPartiesDialog  *self)
{
  g_autoptr(GError) error = NULL;
  RdParty *party = self->editing;
  gint64 id;
  guint token = 0;

  if (!g_str_equal (response, "remove") || party == NULL)
    return;
  rd_autosave_discard (self->autosave);
  id = rd_party_get_id (party);
  if (id != 0 && (token = rd_store_delete_undoable (store_of (self), rd_store_delete_party, id,
                                                    &error)) == 0)
    {
      rd_gui_set_status (self->status_label, error->message, TRUE);
      return;
    }
  rd_gui_list_store_take_out (self->parties, party, NULL);
  if (token != 0)
    rd_gui_offer_undo_in_dialog (GTK_WIDGET (self), _("Person removed"), _("Person restored"),
                                 "party", id);
}

/* Undo has put the person back: list them again, chosen, the keyboard on
 * their row. */
static gboolean
show_restored (RdStoreDialog *dialog,
               const char    *what,
               gint64         id)
{
  RdPartiesDialog *self = RD_PARTIES_DIALOG (dialog);
  GListModel *model = G_LIST_MODEL (self->parties);
  GtkWidget *row;

  if (!g_str_equal (what, "party"))
    return FALSE;
  rd_parties_dialog_flush (self, NULL);
  reload (self);
  /* Chosen in the list, which is shown (folded, not their form). */
  self->reloading = TRUE;
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(RdParty) party = g_list_model_get_item (model, i);

      if (rd_party_get_id (party) == id)
        rd_gui_select_item (self->selection, GTK_WIDGET (self->list_view), party);
    }
  self->reloading = FALSE;
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  row = rd_gui_find_selected_row (GTK_WIDGET (self->list_view));
  return row != NULL && gtk_widget_grab_focus (row);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdPartiesDialog *self = RD_PARTIES_DIALOG (widget);
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  if (self->editing == NULL)
    return;
  name = rd_party_dup_display_name (self->editing);
  /* The name is the subject, in quotes: as the object of "Remove" Polish
   * would have to decline a name it cannot know. */
  body = g_strdup_printf (_("“%s” will no longer be one of the people in this case. Contacts "
                            "with them stay in your log; they just no longer name them."), name);
  rd_gui_confirm_destructive (widget, _("Remove This Person?"), body,
                              _("_Cancel"), "remove", _("_Remove"),
                              G_CALLBACK (on_remove_response_cb), self);
}

static void
on_row_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *role = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (role), 0);
  gtk_widget_add_css_class (role, "caption");
  gtk_widget_add_css_class (role, "dim-label");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), role);
  gtk_list_item_set_child (item, box);
}

static char *
describe_party (RdParty *party)
{
  g_autofree char *name = rd_party_dup_display_name (party);

  if (rd_party_get_id (party) == 0 && *rd_party_get_name (party) == '\0' &&
      *rd_party_get_organisation (party) == '\0')
    return g_strdup (_("New person"));
  return g_steal_pointer (&name);
}

static void
update_row (GtkListItem *item)
{
  RdParty *party = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *role = gtk_widget_get_last_child (box);
  g_autofree char *text = describe_party (party);

  gtk_label_set_text (GTK_LABEL (name), text);
  gtk_label_set_text (GTK_LABEL (role), rd_party_role_get_label (rd_party_get_role (party)));
}

static void
on_party_notify_cb (RdParty     *party,
                    GParamSpec  *pspec,
                    GtkListItem *item)
{
  update_row (item);
}

static void
on_row_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  RdParty *party = gtk_list_item_get_item (item);

  update_row (item);
  g_signal_connect_object (party, "notify", G_CALLBACK (on_party_notify_cb), item, 0);
}

static void
on_row_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), on_party_notify_cb, item);
}

static void
rd_parties_dialog_dispose (GObject *object)
{
  RdPartiesDialog *self = RD_PARTIES_DIALOG (object);

  if (self->autosave != NULL)
    rd_autosave_finish (self->autosave);
  g_clear_object (&self->autosave);
  g_clear_object (&self->editing);
  g_clear_object (&self->selection);
  g_clear_object (&self->parties);

  G_OBJECT_CLASS (rd_parties_dialog_parent_class)->dispose (object);
}

static void
rd_parties_dialog_constructed (GObject *object)
{
  RdPartiesDialog *self = RD_PARTIES_DIALOG (object);

  G_OBJECT_CLASS (rd_parties_dialog_parent_class)->constructed (object);

  reload (self);
}

static void
rd_parties_dialog_class_init (RdPartiesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdStoreDialogClass *dialog_class = RD_STORE_DIALOG_CLASS (klass);

  object_class->dispose = rd_parties_dialog_dispose;
  object_class->constructed = rd_parties_dialog_constructed;
  dialog_class->show_restored = show_restored;

  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-parties-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RdPartiesDialog, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RdPartiesDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, RdPartiesDialog, form_stack);
  gtk_widget_class_bind_template_child (widget_class, RdPartiesDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RdPartiesDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, RdPartiesDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, RdPartiesDialog, third_party_switch);
  gtk_widget_class_bind_template_child (widget_class, RdPartiesDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, RdPartiesDialog, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_role_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "parties.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "parties.remove", NULL, remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "parties.add", NULL);
}

static void
rd_parties_dialog_init (RdPartiesDialog *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->autosave = rd_autosave_new (GTK_WIDGET (self), self->status_label, SAVE_DELAY_MS,
                                    write_party);

  for (guint i = 0; i < RD_PARTY_N_ROLES; i++)
    gtk_string_list_append (roles, rd_party_role_get_label (i));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  rd_gui_combo_row_show_choice_in_full (self->role_row, NULL);
  rd_gui_label_entry_row (self->name_row, _("Name"));
  rd_gui_label_entry_row (self->organisation_row, _("Organisation"));
  rd_gui_label_entry_row (self->notes_row, _("Notes"));

  self->parties = g_list_store_new (RD_TYPE_PARTY);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->parties)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed_cb), self);
  factory = rd_gui_list_item_factory_new (G_CALLBACK (on_row_setup_cb), G_CALLBACK (on_row_bind_cb),
                                          G_CALLBACK (on_row_unbind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "parties.remove", FALSE);
}

/**
 * rd_parties_dialog_new:
 *
 * A window over @parent that lists the case's people and edits them,
 * saving as the resident types.
 */
RdPartiesDialog *
rd_parties_dialog_new (GtkWindow *parent,
                       RdStore   *store,
                       RdCase    *rcase)
{
  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (RD_IS_CASE (rcase), NULL);

  return g_object_new (RD_TYPE_PARTIES_DIALOG, "transient-for", parent, "store", store, "case", rcase,
                       NULL);
}

/**
 * rd_parties_dialog_get_parties:
 *
 * Returns: (transfer none): the people shown, for tests
 */
GListModel *
rd_parties_dialog_get_parties (RdPartiesDialog *self)
{
  g_return_val_if_fail (RD_IS_PARTIES_DIALOG (self), NULL);

  return G_LIST_MODEL (self->parties);
}

/**
 * rd_parties_dialog_get_selected:
 *
 * Returns: (transfer none) (nullable): the person being edited
 */
RdParty *
rd_parties_dialog_get_selected (RdPartiesDialog *self)
{
  g_return_val_if_fail (RD_IS_PARTIES_DIALOG (self), NULL);

  return self->editing;
}
