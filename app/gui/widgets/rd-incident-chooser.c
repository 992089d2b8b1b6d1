/* rd-incident-chooser.c: a list of diary entries to tick, for what a complaint is about.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-incident-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-gui-list.h"
#include "rd-gui-util.h"
#include "rd-incident-chooser.h"

struct _RdIncidentChooser
{
  GtkWidget    parent_instance;

  GListModel  *incidents;
  GHashTable  *chosen;      /* gint64 id set */
  GtkListView *list_view;
  GtkStack    *stack;
};

G_DEFINE_FINAL_TYPE (RdIncidentChooser, rd_incident_chooser, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_check_toggled_cb (GtkCheckButton    *check,
                     RdIncidentChooser *self)
{
  RdIncident *incident = g_object_get_data (G_OBJECT (check), "incident");
  gint64 id;

  if (incident == NULL)
    return;
  id = rd_incident_get_id (incident);
  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->chosen, g_memdup2 (&id, sizeof id));
  else
    g_hash_table_remove (self->chosen, &id);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              RdIncidentChooser        *self)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
  /* A check button with a child of its own is not named after it. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_widget_set_margin_top (check, 6);
  gtk_widget_set_margin_bottom (check, 6);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), self);
  gtk_list_item_set_child (item, check);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             RdIncidentChooser        *self)
{
  RdIncident *incident = gtk_list_item_get_item (item);
  GtkWidget *check = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_check_button_get_child (GTK_CHECK_BUTTON (check));
  g_autofree char *when = rd_datetime_format_long (rd_incident_get_starts_at (incident));
  g_autofree char *summary = rd_incident_dup_summary (incident);
  g_autofree char *text = NULL;
  gint64 id = rd_incident_get_id (incident);

  /* Translators: a diary entry to tick, "Friday 6 September 2024 at 23:20 — Loud music…" */
  text = g_strdup_printf (_("%s — %s"), when, summary);
  gtk_label_set_text (GTK_LABEL (label), text);
  g_object_set_data (G_OBJECT (check), "incident", NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->chosen, &id));
  g_object_set_data (G_OBJECT (check), "incident", incident);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               RdIncidentChooser        *self)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "incident", NULL);
}

GtkWidget *
rd_incident_chooser_new (void)
{
  return g_object_new (RD_TYPE_INCIDENT_CHOOSER, NULL);
}

/**
 * rd_incident_chooser_set_incidents:
 * @incidents: (nullable): the diary, as the store lists it (newest first)
 */
void
rd_incident_chooser_set_incidents (RdIncidentChooser *self,
                                   GListModel        *incidents)
{
  GtkNoSelection *selection;

  g_return_if_fail (RD_IS_INCIDENT_CHOOSER (self));

  g_set_object (&self->incidents, incidents);
  selection = incidents ? gtk_no_selection_new (g_object_ref (incidents)) : NULL;
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_clear_object (&selection);
  gtk_stack_set_visible_child_name (self->stack,
                                    incidents && g_list_model_get_n_items (incidents) > 0 ? "list" : "empty");
}

GListModel *
rd_incident_chooser_get_incidents (RdIncidentChooser *self)
{
  g_return_val_if_fail (RD_IS_INCIDENT_CHOOSER (self), NULL);

  return self->incidents;
}

void
rd_incident_chooser_set_chosen (RdIncidentChooser *self,
                                const gint64      *ids,
                                guint              n_ids)
{
  GListModel *model;

  g_return_if_fail (RD_IS_INCIDENT_CHOOSER (self));

  g_hash_table_remove_all (self->chosen);
  for (guint i = 0; i < n_ids; i++)
    g_hash_table_add (self->chosen, g_memdup2 (&ids[i], sizeof (gint64)));
  /* Bind the rows again, so their ticks follow. */
  model = self->incidents ? g_object_ref (self->incidents) : NULL;
  rd_incident_chooser_set_incidents (self, model);
  g_clear_object (&model);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Ticks or unticks the entry at @position, as a click would (for tests
 * and keyboard users of the list alike). */
void
rd_incident_chooser_set_chosen_at (RdIncidentChooser *self,
                                   guint              position,
                                   gboolean           chosen)
{
  g_autoptr(RdIncident) incident = NULL;
  gint64 id;

  g_return_if_fail (RD_IS_INCIDENT_CHOOSER (self));
  g_return_if_fail (self->incidents != NULL && position < g_list_model_get_n_items (self->incidents));

  incident = g_list_model_get_item (self->incidents, position);
  id = rd_incident_get_id (incident);
  if (chosen)
    g_hash_table_add (self->chosen, g_memdup2 (&id, sizeof id));
  else
    g_hash_table_remove (self->chosen, &id);
  {
    g_autoptr(GListModel) model = g_object_ref (self->incidents);
    rd_incident_chooser_set_incidents (self, model);
  }
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * rd_incident_chooser_dup_chosen:
 *
 * Returns: (transfer full) (element-type gint64): the ticked entries' ids
 */
GArray *
rd_incident_chooser_dup_chosen (RdIncidentChooser *self)
{
  GArray *ids;
  GHashTableIter iter;
  gint64 *id;

  g_return_val_if_fail (RD_IS_INCIDENT_CHOOSER (self), NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_hash_table_iter_init (&iter, self->chosen);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    g_array_append_val (ids, *id);
  return ids;
}

static void
rd_incident_chooser_dispose (GObject *object)
{
  RdIncidentChooser *self = RD_INCIDENT_CHOOSER (object);

  rd_gui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->incidents);
  g_clear_pointer (&self->chosen, g_hash_table_unref);

  G_OBJECT_CLASS (rd_incident_chooser_parent_class)->dispose (object);
}

static void
rd_incident_chooser_class_init (RdIncidentChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_incident_chooser_dispose;

  /**
   * RdIncidentChooser::changed:
   *
   * An entry was ticked or unticked.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rd_incident_chooser_init (RdIncidentChooser *self)
{
  GtkListItemFactory *factory;
  GtkWidget *scroller;
  GtkWidget *empty;

  self->chosen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Diary entries to choose from"), -1);
  factory = rd_gui_list_item_factory_new (G_CALLBACK (setup_row_cb), G_CALLBACK (bind_row_cb),
                                          G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_view));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_stack_add_named (self->stack, scroller, "list");

  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "x-office-calendar-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("The Diary Is Empty"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("You can still make a complaint. Later, write what happens in "
                                     "the diary and link it here."));
  gtk_widget_add_css_class (empty, "compact");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_set_visible_child_name (self->stack, "empty");
}
