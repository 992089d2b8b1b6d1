/* rd-history-dialog.c: every stored version of one diary entry.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-history-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-gui-list.h"
#include "rd-history-dialog.h"

struct _RdHistoryDialog
{
  AdwWindow       parent_instance;

  RdStore        *store;
  RdIncident     *incident;
  GListModel     *versions;   /* RdIncidentRevision, oldest first */

  AdwWindowTitle *window_title;
  GtkListView    *list_view;
};

G_DEFINE_FINAL_TYPE (RdHistoryDialog, rd_history_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_INCIDENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  const char *label;  /* above the value, read as a row's title: sentence case */
  char     *(*dup_value) (RdIncident *incident);
} Field;

static char *
dup_when (RdIncident *incident)
{
  g_autofree char *starts = rd_datetime_format_long (rd_incident_get_starts_at (incident));

  if (rd_incident_get_ends_at (incident) != NULL)
    {
      g_autofree char *ends = rd_datetime_format_long (rd_incident_get_ends_at (incident));
      /* Translators: an incident's start and end */
      return g_strdup_printf (_("%s, until %s"), starts, ends);
    }
  return g_steal_pointer (&starts);
}

static char *
dup_category (RdIncident *incident)
{
  return g_strdup (rd_category_get_label (rd_incident_get_category (incident)));
}

static char *
dup_reported (RdIncident *incident)
{
  return rd_reported_to_get_label (rd_incident_get_reported_to (incident));
}

#define STRING_FIELD(name) \
  static char *dup_##name (RdIncident *incident) { return g_strdup (rd_incident_get_##name (incident)); }
STRING_FIELD (location)
STRING_FIELD (description)
STRING_FIELD (impact)
STRING_FIELD (people)
STRING_FIELD (witnesses)
STRING_FIELD (reference)

static const Field fields[] = {
  { N_("When"), dup_when },
  { N_("Category"), dup_category },
  { N_("Where"), dup_location },
  { N_("What happened"), dup_description },
  { N_("How it affected you"), dup_impact },
  { N_("People involved"), dup_people },
  { N_("Witnesses"), dup_witnesses },
  { N_("Who you told"), dup_reported },
  { N_("Reference number"), dup_reference },
};

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static char *
dup_written (RdIncidentRevision *revision)
{
  g_autoptr(GDateTime) written =
    g_date_time_new_from_unix_local (rd_incident_revision_get_written_at (revision));
  g_autofree char *written_text = rd_datetime_format_long (written);
  gint64 changed_at = rd_incident_revision_get_last_changed_at (revision);

  if (changed_at - rd_incident_revision_get_written_at (revision) >= 60)
    {
      g_autoptr(GDateTime) changed = g_date_time_new_from_unix_local (changed_at);
      g_autofree char *changed_text = rd_datetime_format_long (changed);

      /* Translators: when one version of a diary entry was written */
      return g_strdup_printf (_("Written %s · last changed %s"), written_text, changed_text);
    }
  return g_strdup_printf (_("Written %s"), written_text);
}

/* "Changed: what happened, reference number" against the version before. */
static char *
dup_changes (RdIncident *before,
             RdIncident *after)
{
  g_autoptr(GString) changed = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *a = fields[i].dup_value (before);
      g_autofree char *b = fields[i].dup_value (after);

      if (g_strcmp0 (a, b) != 0)
        {
          if (changed->len > 0)
            g_string_append (changed, ", ");
          g_string_append (changed, g_dgettext (GETTEXT_PACKAGE, fields[i].label));
        }
    }
  if (changed->len == 0)
    return NULL;
  /* Translators: a list of the parts of a diary entry that were changed */
  return g_strdup_printf (_("Changed: %s"), changed->str);
}

static void
bind_version_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 RdHistoryDialog          *self)
{
  RdIncidentRevision *revision = gtk_list_item_get_item (item);
  RdIncident *snapshot = rd_incident_revision_get_snapshot (revision);
  guint position = gtk_list_item_get_position (item);
  guint n = g_list_model_get_n_items (self->versions);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *title = NULL;
  g_autofree char *written = dup_written (revision);

  if (position == 0)
    title = g_strdup (n == 1 ? _("As First Written (Current)") : _("As First Written"));
  else if (position == n - 1)
    title = g_strdup_printf (_("Version %u (Current)"), rd_incident_revision_get_number (revision));
  else
    title = g_strdup_printf (_("Version %u"), rd_incident_revision_get_number (revision));

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "history-version");
  gtk_box_append (GTK_BOX (card), make_label (title, "heading"));
  gtk_box_append (GTK_BOX (card), make_label (written, "dim-label"));

  if (position > 0)
    {
      g_autoptr(RdIncidentRevision) previous = g_list_model_get_item (self->versions, position - 1);
      g_autofree char *changes = dup_changes (rd_incident_revision_get_snapshot (previous), snapshot);

      if (changes != NULL)
        gtk_box_append (GTK_BOX (card), make_label (changes, "accent"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = fields[i].dup_value (snapshot);

      if (value == NULL || value[0] == '\0')
        continue;
      gtk_box_append (GTK_BOX (card), make_label (g_dgettext (GETTEXT_PACKAGE, fields[i].label),
                                                  "caption-heading"));
      gtk_box_append (GTK_BOX (card), make_label (value, NULL));
    }
  gtk_list_item_set_child (item, card);
}

static void
unbind_version_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   RdHistoryDialog          *self)
{
  gtk_list_item_set_child (item, NULL);
}

/**
 * rd_history_dialog_new:
 *
 * Reads the versions of @incident from the store and shows them, oldest
 * first.
 */
RdHistoryDialog *
rd_history_dialog_new (GtkWindow  *parent,
                       RdStore    *store,
                       RdIncident *incident)
{
  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (RD_IS_INCIDENT (incident), NULL);

  return g_object_new (RD_TYPE_HISTORY_DIALOG, "transient-for", parent, "store", store,
                       "incident", incident, NULL);
}

/**
 * rd_history_dialog_get_versions:
 *
 * Returns: (transfer none): the #RdIncidentRevision list shown
 */
GListModel *
rd_history_dialog_get_versions (RdHistoryDialog *self)
{
  g_return_val_if_fail (RD_IS_HISTORY_DIALOG (self), NULL);

  return self->versions;
}

static void
rd_history_dialog_dispose (GObject *object)
{
  RdHistoryDialog *self = RD_HISTORY_DIALOG (object);

  g_clear_object (&self->versions);
  g_clear_object (&self->incident);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rd_history_dialog_parent_class)->dispose (object);
}

static void
rd_history_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RdHistoryDialog *self = RD_HISTORY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_INCIDENT:
      g_value_set_object (value, self->incident);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_history_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RdHistoryDialog *self = RD_HISTORY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_INCIDENT:
      self->incident = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_history_dialog_constructed (GObject *object)
{
  RdHistoryDialog *self = RD_HISTORY_DIALOG (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  GtkNoSelection *selection;

  G_OBJECT_CLASS (rd_history_dialog_parent_class)->constructed (object);

  self->versions = rd_store_list_incident_revisions (self->store, rd_incident_get_id (self->incident),
                                                     &error);
  if (self->versions == NULL)
    {
      g_warning ("Could not read the history: %s", error->message);
      self->versions = G_LIST_MODEL (g_list_store_new (RD_TYPE_INCIDENT_REVISION));
    }

  if (rd_incident_get_starts_at (self->incident) != NULL)
    {
      when = rd_datetime_format_long (rd_incident_get_starts_at (self->incident));
      adw_window_title_set_subtitle (self->window_title, when);
    }
  selection = gtk_no_selection_new (g_object_ref (self->versions));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

static void
rd_history_dialog_class_init (RdHistoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_history_dialog_dispose;
  object_class->get_property = rd_history_dialog_get_property;
  object_class->set_property = rd_history_dialog_set_property;
  object_class->constructed = rd_history_dialog_constructed;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INCIDENT] =
    g_param_spec_object ("incident", NULL, NULL, RD_TYPE_INCIDENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/redress/Redress/rd-history-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RdHistoryDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RdHistoryDialog, list_view);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rd_history_dialog_init (RdHistoryDialog *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = rd_gui_list_item_factory_new (NULL, G_CALLBACK (bind_version_cb),
                                          G_CALLBACK (unbind_version_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
}
