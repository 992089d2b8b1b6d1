/* rd-diary-page.c: the case page that keeps the incident diary.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-diary-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-diary-page.h"

struct _RdDiaryPage
{
  GtkWidget   parent_instance;

  RdStore    *store;
  RdCase     *rcase;
  GListStore *incidents;

  GtkStack   *stack;
};

G_DEFINE_FINAL_TYPE (RdDiaryPage, rd_diary_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
reload (RdDiaryPage *self)
{
  g_autoptr(GListModel) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_list_store_remove_all (self->incidents);
  if (self->store != NULL && self->rcase != NULL)
    {
      loaded = rd_store_list_incidents (self->store, rd_case_get_id (self->rcase), &error);
      if (loaded == NULL)
        g_warning ("Could not list the diary: %s", error->message);
    }
  if (loaded != NULL)
    for (guint i = 0, n = g_list_model_get_n_items (loaded); i < n; i++)
      {
        g_autoptr(RdIncident) incident = g_list_model_get_item (loaded, i);
        g_list_store_append (self->incidents, incident);
      }

  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->incidents)) > 0
                                    ? "diary" : "empty");
}

RdStore *
rd_diary_page_get_store (RdDiaryPage *self)
{
  g_return_val_if_fail (RD_IS_DIARY_PAGE (self), NULL);

  return self->store;
}

RdCase *
rd_diary_page_get_case (RdDiaryPage *self)
{
  g_return_val_if_fail (RD_IS_DIARY_PAGE (self), NULL);

  return self->rcase;
}

static void
set_store (RdDiaryPage *self,
           RdStore     *store)
{
  if (g_set_object (&self->store, store))
    {
      reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
}

static void
set_case (RdDiaryPage *self,
          RdCase      *rcase)
{
  if (g_set_object (&self->rcase, rcase))
    {
      reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
    }
}

static void
rd_diary_page_dispose (GObject *object)
{
  RdDiaryPage *self = RD_DIARY_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_DIARY_PAGE);
  g_clear_object (&self->incidents);
  g_clear_object (&self->rcase);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rd_diary_page_parent_class)->dispose (object);
}

static void
rd_diary_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RdDiaryPage *self = RD_DIARY_PAGE (object);

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
rd_diary_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RdDiaryPage *self = RD_DIARY_PAGE (object);

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
rd_diary_page_class_init (RdDiaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_diary_page_dispose;
  object_class->get_property = rd_diary_page_get_property;
  object_class->set_property = rd_diary_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, RD_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-diary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdDiaryPage, stack);
}

static void
rd_diary_page_init (RdDiaryPage *self)
{
  self->incidents = g_list_store_new (RD_TYPE_INCIDENT);
  gtk_widget_init_template (GTK_WIDGET (self));
}
