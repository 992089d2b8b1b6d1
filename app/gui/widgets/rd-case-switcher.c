/* rd-case-switcher.c: the header-bar button that names the open case, lists cases and opens one.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-switcher"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-case-switcher.h"
#include "rd-gui-a11y.h"
#include "rd-gui-util.h"

struct _RdCaseSwitcher
{
  GtkWidget           parent_instance;

  RdStore            *store;
  RdCase             *rcase;
  GListStore         *cases;
  GtkNoSelection     *selection;
  GBinding           *title_binding;

  GtkMenuButton      *button;
  AdwSqueezer        *squeezer;
  GtkWidget          *icon_box;
  GtkLabel           *title_label;
  GtkPopoverMenu     *popover;        /* NULL until first opened */
  GMenuModel         *case_menu;
  GtkWidget          *list_scroller;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (RdCaseSwitcher, rd_case_switcher, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * rd_case_switcher_reload:
 *
 * Reads the list of cases from the store again. The switcher does this
 * when it opens and whenever the store says a case changed.
 */
void
rd_case_switcher_reload (RdCaseSwitcher *self)
{
  g_autoptr(GListModel) loaded = NULL;
  g_autoptr(GArray) archived = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RD_IS_CASE_SWITCHER (self));

  if (self->store != NULL)
    {
      loaded = rd_store_list_cases (self->store, &error);
      if (loaded != NULL)
        archived = rd_store_list_archived_case_ids (self->store, &error);
      if (error != NULL)
        g_warning ("Could not list the cases: %s", error->message);
    }
  /* Archived cases are closed: All Cases finds them, with its filter. */
  for (guint i = 0, n = loaded ? g_list_model_get_n_items (loaded) : 0; i < n; i++)
    {
      g_autoptr(RdCase) rcase = g_list_model_get_item (loaded, i);
      gboolean hidden = FALSE;

      for (guint a = 0; archived != NULL && a < archived->len && !hidden; a++)
        hidden = g_array_index (archived, gint64, a) == rd_case_get_id (rcase);
      if (!hidden)
        g_ptr_array_add (items, g_steal_pointer (&rcase));
    }

  g_list_store_splice (self->cases, 0, g_list_model_get_n_items (G_LIST_MODEL (self->cases)),
                       items->pdata, items->len);
}

GListModel *
rd_case_switcher_get_cases (RdCaseSwitcher *self)
{
  g_return_val_if_fail (RD_IS_CASE_SWITCHER (self), NULL);

  return G_LIST_MODEL (self->cases);
}

/**
 * rd_case_switcher_get_compact:
 *
 * Returns: whether the button shows an icon, not the case's title, which
 *   the header had no room for: the window then shows the title whole
 *   over the case's pages
 */
gboolean
rd_case_switcher_get_compact (RdCaseSwitcher *self)
{
  g_return_val_if_fail (RD_IS_CASE_SWITCHER (self), FALSE);

  return adw_squeezer_get_visible_child (self->squeezer) == self->icon_box;
}

static void
on_squeezed_cb (RdCaseSwitcher *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

/* The title is said after the button's name, whether or not it shows. */
static void
on_title_cb (RdCaseSwitcher *self)
{
  const char *title = self->rcase != NULL ? rd_case_get_title (self->rcase) : "";

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title, -1);
}

static void
on_store_changed_cb (RdCaseSwitcher *self)
{
  rd_case_switcher_reload (self);
}

static void
on_popover_show_cb (RdCaseSwitcher *self)
{
  rd_case_switcher_reload (self);
}

/* Built as the menu first opens, not with the window: a start that never
 * opens it makes none of its items (issue 17). */
static void
on_create_popup_cb (GtkMenuButton *button,
                    gpointer       user_data)
{
  RdCaseSwitcher *self = RD_CASE_SWITCHER (user_data);

  if (self->popover != NULL)
    return;
  self->popover = GTK_POPOVER_MENU (gtk_popover_menu_new_from_model (self->case_menu));
  g_signal_connect_object (self->popover, "show", G_CALLBACK (on_popover_show_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_popover_menu_add_child (self->popover, self->list_scroller, "cases");
  gtk_menu_button_set_popover (button, GTK_WIDGET (self->popover));
}

static void
on_list_activate_cb (RdCaseSwitcher *self,
                     guint           position)
{
  g_autoptr(RdCase) rcase = g_list_model_get_item (G_LIST_MODEL (self->cases), position);

  if (rcase == NULL)
    return;
  gtk_popover_popdown (GTK_POPOVER (self->popover));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-case", "x", rd_case_get_id (rcase));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Open now"), -1);

  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), check);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             RdCaseSwitcher           *self)
{
  RdCase *rcase = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *labels = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (labels);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *check = gtk_widget_get_next_sibling (labels);
  const char *detail = rd_case_get_address (rcase);

  if (detail[0] == '\0')
    detail = rd_case_get_landlord_name (rcase);
  gtk_label_set_text (GTK_LABEL (title), rd_case_get_title (rcase));
  gtk_label_set_text (GTK_LABEL (subtitle), detail);
  gtk_widget_set_visible (subtitle, detail[0] != '\0');
  gtk_widget_set_opacity (check, self->rcase != NULL &&
                                 rd_case_get_id (self->rcase) == rd_case_get_id (rcase));
}

static void
set_store (RdCaseSwitcher *self,
           RdStore        *store)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
  if (!g_set_object (&self->store, store))
    return;
  if (store != NULL)
    g_signal_connect_object (store, "changed::cases", G_CALLBACK (on_store_changed_cb),
                             self, G_CONNECT_SWAPPED);
  rd_case_switcher_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
set_case (RdCaseSwitcher *self,
          RdCase         *rcase)
{
  if (self->rcase == rcase)
    return;
  g_clear_pointer (&self->title_binding, g_binding_unbind);
  if (self->rcase != NULL)
    g_signal_handlers_disconnect_by_func (self->rcase, on_title_cb, self);
  g_set_object (&self->rcase, rcase);
  if (rcase != NULL)
    {
      self->title_binding = g_object_bind_property (rcase, "title", self->title_label, "label",
                                                    G_BINDING_SYNC_CREATE);
      g_signal_connect_object (rcase, "notify::title", G_CALLBACK (on_title_cb), self,
                               G_CONNECT_SWAPPED);
    }
  on_title_cb (self);
  rd_case_switcher_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

static void
rd_case_switcher_dispose (GObject *object)
{
  RdCaseSwitcher *self = RD_CASE_SWITCHER (object);

  g_clear_pointer (&self->title_binding, g_binding_unbind);
  if (self->rcase != NULL)
    g_signal_handlers_disconnect_by_func (self->rcase, on_title_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_CASE_SWITCHER);
  rd_gui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  g_clear_object (&self->cases);
  g_clear_object (&self->rcase);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rd_case_switcher_parent_class)->dispose (object);
}

static void
rd_case_switcher_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RdCaseSwitcher *self = RD_CASE_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE:
      g_value_set_object (value, self->rcase);
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, rd_case_switcher_get_compact (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_case_switcher_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RdCaseSwitcher *self = RD_CASE_SWITCHER (object);

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
rd_case_switcher_class_init (RdCaseSwitcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_case_switcher_dispose;
  object_class->get_property = rd_case_switcher_get_property;
  object_class->set_property = rd_case_switcher_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, RD_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/redress/Redress/rd-case-switcher.ui");
  gtk_widget_class_bind_template_child (widget_class, RdCaseSwitcher, button);
  gtk_widget_class_bind_template_child (widget_class, RdCaseSwitcher, squeezer);
  gtk_widget_class_bind_template_child (widget_class, RdCaseSwitcher, icon_box);
  gtk_widget_class_bind_template_child (widget_class, RdCaseSwitcher, title_label);
  gtk_widget_class_bind_template_child (widget_class, RdCaseSwitcher, case_menu);
  gtk_widget_class_bind_template_child (widget_class, RdCaseSwitcher, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, RdCaseSwitcher, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_squeezed_cb);
}

static void
rd_case_switcher_init (RdCaseSwitcher *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cases = g_list_store_new (RD_TYPE_CASE);
  self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->cases)));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_menu_button_set_create_popup_func (self->button, on_create_popup_cb, self, NULL);
  /* Translators: the name of the menu of cases, which a screen reader
   * says followed by its own word for a menu ("Cases menu"). */
  rd_gui_name_menu (self->button, C_("menu's name", "Cases"));
}
