/* rd-deadlines-dialog.c: every deadline of one of What Next's groups, however many, in a list of its own.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-deadlines-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-dashboard-row.h"
#include "rd-deadlines-dialog.h"

/*
 * What Next shows the first few deadlines of each group on its one
 * scrolling page; a case with years of reported repairs can have
 * thousands overdue. "Show All…" opens this window: its list is the only
 * thing that scrolls in it, so GTK makes and measures rows only for the
 * deadlines in view, and the arrow keys (and Page Up, Page Down, Home and
 * End) reach every one. The list is a view of the dashboard's own items,
 * not a copy, and follows the page's refreshes while it is open.
 */
struct _RdDeadlinesDialog
{
  RdStoreDialog      parent_instance;

  RdDashboardGroup   group;
  GtkSliceListModel *items;   /* the group's part of the dashboard's list */

  AdwWindowTitle    *window_title;
  GtkListView       *list_view;
};

G_DEFINE_FINAL_TYPE (RdDeadlinesDialog, rd_deadlines_dialog, RD_TYPE_STORE_DIALOG)

enum {
  PROP_0,
  PROP_GROUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
write_letter_cb (gpointer         data,
                 RdDashboardItem *item)
{
  RdStoreDialog *dialog = data;
  RdCase *rcase = rd_store_dialog_get_case (dialog);

  rd_dashboard_row_write_letter (GTK_WIDGET (dialog), rd_store_dialog_get_store (dialog),
                                 rcase ? rd_case_get_id (rcase) : 0, item);
}

/**
 * rd_deadlines_dialog_set_dashboard:
 * @dashboard: (nullable): the dashboard worked out last
 *
 * Shows @dashboard's deadlines of the dialog's group, in its order.
 */
void
rd_deadlines_dialog_set_dashboard (RdDeadlinesDialog *self,
                                   RdDashboard       *dashboard)
{
  guint count;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (RD_IS_DEADLINES_DIALOG (self));
  g_return_if_fail (dashboard == NULL || RD_IS_DASHBOARD (dashboard));

  count = dashboard ? rd_dashboard_count (dashboard, self->group) : 0;
  gtk_slice_list_model_set_model (self->items, dashboard ? rd_dashboard_get_items (dashboard) : NULL);
  gtk_slice_list_model_set_offset (self->items,
                                   dashboard ? rd_dashboard_group_start (dashboard, self->group) : 0);
  gtk_slice_list_model_set_size (self->items, count);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deadline", "%u deadlines", count), count);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

RdDashboardGroup
rd_deadlines_dialog_get_group (RdDeadlinesDialog *self)
{
  g_return_val_if_fail (RD_IS_DEADLINES_DIALOG (self), RD_DASHBOARD_OVERDUE);

  return self->group;
}

/**
 * rd_deadlines_dialog_get_items:
 *
 * Returns: (transfer none): the #RdDashboardItem list shown
 */
GListModel *
rd_deadlines_dialog_get_items (RdDeadlinesDialog *self)
{
  g_return_val_if_fail (RD_IS_DEADLINES_DIALOG (self), NULL);

  return G_LIST_MODEL (self->items);
}

GtkListView *
rd_deadlines_dialog_get_list_view (RdDeadlinesDialog *self)
{
  g_return_val_if_fail (RD_IS_DEADLINES_DIALOG (self), NULL);

  return self->list_view;
}

/**
 * rd_deadlines_dialog_new:
 * @group: which of the dashboard's groups to list
 *
 * A window over @parent for the deadlines of @group, empty until
 * rd_deadlines_dialog_set_dashboard() gives it a dashboard.
 */
RdDeadlinesDialog *
rd_deadlines_dialog_new (GtkWindow        *parent,
                         RdStore          *store,
                         RdCase           *rcase,
                         RdDashboardGroup  group)
{
  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (RD_IS_CASE (rcase), NULL);
  g_return_val_if_fail (group < RD_DASHBOARD_N_GROUPS, NULL);

  return g_object_new (RD_TYPE_DEADLINES_DIALOG, "transient-for", parent, "store", store, "case", rcase,
                       "group", group, NULL);
}

/* The window's title for @group, in header case as a title is; the group's
 * label names it in sentence case beside each deadline. */
static const char *
get_window_title (RdDashboardGroup group)
{
  switch (group)
    {
    case RD_DASHBOARD_OVERDUE:
      return _("Overdue");
    case RD_DASHBOARD_DUE_SOON:
      return _("Due in the Next 5 Working Days");
    case RD_DASHBOARD_LATER:
      return _("Coming Up");
    case RD_DASHBOARD_DONE:
      return _("Done");
    case RD_DASHBOARD_N_GROUPS:
    default:
      break;
    }
  g_return_val_if_reached ("");
}

static void
rd_deadlines_dialog_constructed (GObject *object)
{
  RdDeadlinesDialog *self = RD_DEADLINES_DIALOG (object);
  const char *title = get_window_title (self->group);

  G_OBJECT_CLASS (rd_deadlines_dialog_parent_class)->constructed (object);

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  /* The keyboard starts in the list, where the arrow keys go through it. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->list_view));
}

static void
rd_deadlines_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RdDeadlinesDialog *self = RD_DEADLINES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_GROUP:
      self->group = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_deadlines_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RdDeadlinesDialog *self = RD_DEADLINES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_GROUP:
      g_value_set_uint (value, self->group);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_deadlines_dialog_dispose (GObject *object)
{
  RdDeadlinesDialog *self = RD_DEADLINES_DIALOG (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (rd_deadlines_dialog_parent_class)->dispose (object);
}

static void
rd_deadlines_dialog_class_init (RdDeadlinesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rd_deadlines_dialog_constructed;
  object_class->set_property = rd_deadlines_dialog_set_property;
  object_class->get_property = rd_deadlines_dialog_get_property;
  object_class->dispose = rd_deadlines_dialog_dispose;

  properties[PROP_GROUP] =
    g_param_spec_uint ("group", NULL, NULL, 0, RD_DASHBOARD_N_GROUPS - 1, RD_DASHBOARD_OVERDUE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/redress/Redress/rd-deadlines-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RdDeadlinesDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RdDeadlinesDialog, list_view);
}

static void
rd_deadlines_dialog_init (RdDeadlinesDialog *self)
{
  GtkListItemFactory *factory;
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = gtk_slice_list_model_new (NULL, 0, 0);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  factory = rd_dashboard_row_factory_new (write_letter_cb, self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
}
