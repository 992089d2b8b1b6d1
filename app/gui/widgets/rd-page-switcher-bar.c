/* rd-page-switcher-bar.c: the strip of a case's pages at the foot of a narrow window.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-page-switcher-bar"

#include "config.h"

#include "rd-page-switcher-bar.h"
#include "rd-gui-util.h"

/*
 * libadwaita's AdwViewSwitcherBar shares a narrow window's width equally
 * between the pages: at 360 pixels its six buttons were 60 pixels each and
 * "Complaints" was cut to "Complai…" (issue 15). Here each page's button
 * is as wide as its icon and whole name need, side by side in a strip that
 * fills the window when there is room and scrolls sideways when there is
 * not, keeping the chosen page's button in view.
 *
 * The buttons behave as the view switcher's: each is a tab named after its
 * page, selected while its page is shown; Tab enters the strip on the
 * chosen page and leaves it at the next press, the arrow keys move between
 * pages. A page's button is made as the page is added to the stack (pages
 * are built as they are needed) and never remade, so a keyboard or a
 * screen reader on one is not lost.
 */

struct _RdPageSwitcherBar
{
  GtkWidget          parent_instance;

  AdwViewStack      *stack;
  GtkSelectionModel *pages;
  GPtrArray         *buttons;       /* one GtkToggleButton a page, in order */
  gboolean           reveal;
  gboolean           choosing;      /* buttons set from the stack's choice */
  guint              scroll_id;

  GtkRevealer       *revealer;
  GtkScrolledWindow *scroller;
  GtkBox            *box;
};

G_DEFINE_FINAL_TYPE (RdPageSwitcherBar, rd_page_switcher_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STACK,
  PROP_REVEAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * rd_page_switcher_bar_get_chosen_button:
 *
 * Returns: (transfer none) (nullable): the button of the page shown
 */
GtkWidget *
rd_page_switcher_bar_get_chosen_button (RdPageSwitcherBar *self)
{
  g_return_val_if_fail (RD_IS_PAGE_SWITCHER_BAR (self), NULL);

  for (guint i = 0; i < self->buttons->len; i++)
    if (gtk_toggle_button_get_active (g_ptr_array_index (self->buttons, i)))
      return g_ptr_array_index (self->buttons, i);
  return NULL;
}

/* Brings the chosen page's button whole into view, once the strip is laid
 * out: the buttons' places are known only then. */
static gboolean
scroll_to_chosen_cb (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  RdPageSwitcherBar *self = RD_PAGE_SWITCHER_BAR (widget);
  GtkWidget *chosen = rd_page_switcher_bar_get_chosen_button (self);
  GtkAdjustment *across = gtk_scrolled_window_get_hadjustment (self->scroller);
  graphene_rect_t bounds;

  self->scroll_id = 0;
  if (chosen != NULL && gtk_widget_compute_bounds (chosen, GTK_WIDGET (self->box), &bounds))
    gtk_adjustment_clamp_page (across, bounds.origin.x, bounds.origin.x + bounds.size.width);
  return G_SOURCE_REMOVE;
}

static void
queue_scroll_to_chosen (RdPageSwitcherBar *self)
{
  if (self->scroll_id == 0)
    self->scroll_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_chosen_cb,
                                                    NULL, NULL);
}

/* Like the view switcher bar, shown only with two pages or more to choose
 * between. */
static void
update_revealed (RdPageSwitcherBar *self)
{
  guint shown = 0;

  for (guint i = 0; i < self->buttons->len; i++)
    shown += gtk_widget_get_visible (g_ptr_array_index (self->buttons, i));
  gtk_revealer_set_reveal_child (self->revealer, self->reveal && shown > 1);
  queue_scroll_to_chosen (self);
}

/* Each button shows whether its page is the one shown, to the eye and to
 * a screen reader. (Not a group of toggle buttons: the stack's choice
 * decides, and a group's links were seen to go round in a circle as
 * buttons came and were grouped again.) */
static void
show_choice (RdPageSwitcherBar *self)
{
  self->choosing = TRUE;
  for (guint i = 0; i < self->buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->buttons, i);
      gboolean chosen = gtk_selection_model_is_selected (self->pages, i);

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), chosen);
      gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_SELECTED, chosen,
                                   -1);
    }
  self->choosing = FALSE;
  queue_scroll_to_chosen (self);
}

static void
on_button_toggled_cb (GtkToggleButton   *button,
                      RdPageSwitcherBar *self)
{
  guint index;

  if (self->choosing || !g_ptr_array_find (self->buttons, button, &index))
    return;
  if (gtk_toggle_button_get_active (button))
    gtk_selection_model_select_item (self->pages, index, TRUE);
  else if (gtk_selection_model_is_selected (self->pages, index))
    /* Pressing the chosen page's button again keeps it chosen. */
    show_choice (self);
}

static void
on_page_visible_cb (RdPageSwitcherBar *self)
{
  update_revealed (self);
}

static GtkWidget *
make_button (RdPageSwitcherBar *self,
             AdwViewStackPage  *page)
{
  GtkWidget *button = g_object_new (GTK_TYPE_TOGGLE_BUTTON,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_TAB,
                                    "hexpand", TRUE,
                                    NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  /* Named by its label, as the view switcher's buttons are: a name of its
   * own as well would be said twice ("Diary Diary"). */
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), button);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);

  g_object_bind_property (page, "icon-name", icon, "icon-name", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "title", label, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "use-underline", label, "use-underline", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "visible", button, "visible", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (page, "notify::visible", G_CALLBACK (on_page_visible_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (button, "toggled", G_CALLBACK (on_button_toggled_cb), self);
  return button;
}

/* Pages removed lose their buttons and pages added get theirs, where they
 * are in the stack; every other button stays as it is. */
static void
on_pages_changed_cb (RdPageSwitcherBar *self,
                     guint              position,
                     guint              removed,
                     guint              added)
{
  for (guint i = 0; i < removed; i++)
    gtk_box_remove (self->box, g_ptr_array_index (self->buttons, position + i));
  g_ptr_array_remove_range (self->buttons, position, removed);
  for (guint i = 0; i < added; i++)
    {
      guint at = position + i;
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (self->pages), at);
      GtkWidget *button = make_button (self, page);
      GtkWidget *before = at > 0 ? g_ptr_array_index (self->buttons, at - 1) : NULL;

      gtk_box_insert_child_after (self->box, button, before);
      g_ptr_array_insert (self->buttons, at, button);
    }
  show_choice (self);
  update_revealed (self);
}

static void
on_selection_changed_cb (RdPageSwitcherBar *self)
{
  show_choice (self);
}

static void
set_stack (RdPageSwitcherBar *self,
           AdwViewStack      *stack)
{
  if (self->stack == stack)
    return;
  if (self->pages != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->pages, self);
      on_pages_changed_cb (self, 0, self->buttons->len, 0);
      g_clear_object (&self->pages);
    }
  g_set_object (&self->stack, stack);
  if (stack != NULL)
    {
      self->pages = adw_view_stack_get_pages (stack);
      g_signal_connect_swapped (self->pages, "items-changed", G_CALLBACK (on_pages_changed_cb),
                                self);
      g_signal_connect_swapped (self->pages, "selection-changed",
                                G_CALLBACK (on_selection_changed_cb), self);
      on_pages_changed_cb (self, 0, 0, g_list_model_get_n_items (G_LIST_MODEL (self->pages)));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACK]);
}

static void
set_reveal (RdPageSwitcherBar *self,
            gboolean           reveal)
{
  reveal = !!reveal;
  if (self->reveal == reveal)
    return;
  self->reveal = reveal;
  update_revealed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEAL]);
}

/* As libadwaita's view switcher: Tab comes in on the chosen page's button
 * and goes on out of the strip; the arrow keys go from page to page. */
static gboolean
rd_page_switcher_bar_focus (GtkWidget        *widget,
                            GtkDirectionType  direction)
{
  RdPageSwitcherBar *self = RD_PAGE_SWITCHER_BAR (widget);
  GtkWidget *chosen = rd_page_switcher_bar_get_chosen_button (self);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self->box)))
    return FALSE;
  if (gtk_widget_get_focus_child (widget) == NULL)
    {
      if (chosen != NULL && gtk_widget_get_mapped (chosen))
        return gtk_widget_grab_focus (chosen);
    }
  else if (direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD)
    return FALSE;
  return GTK_WIDGET_CLASS (rd_page_switcher_bar_parent_class)->focus (widget, direction);
}

static void
on_adjustment_changed_cb (RdPageSwitcherBar *self)
{
  /* The window was resized, or the text size changed */
  queue_scroll_to_chosen (self);
}

static void
rd_page_switcher_bar_dispose (GObject *object)
{
  RdPageSwitcherBar *self = RD_PAGE_SWITCHER_BAR (object);

  set_stack (self, NULL);
  if (self->scroll_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_id);
  self->scroll_id = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_PAGE_SWITCHER_BAR);
  rd_gui_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (rd_page_switcher_bar_parent_class)->dispose (object);
}

static void
rd_page_switcher_bar_finalize (GObject *object)
{
  RdPageSwitcherBar *self = RD_PAGE_SWITCHER_BAR (object);

  g_clear_pointer (&self->buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (rd_page_switcher_bar_parent_class)->finalize (object);
}

static void
rd_page_switcher_bar_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RdPageSwitcherBar *self = RD_PAGE_SWITCHER_BAR (object);

  switch (prop_id)
    {
    case PROP_STACK:
      g_value_set_object (value, self->stack);
      break;
    case PROP_REVEAL:
      g_value_set_boolean (value, self->reveal);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_page_switcher_bar_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RdPageSwitcherBar *self = RD_PAGE_SWITCHER_BAR (object);

  switch (prop_id)
    {
    case PROP_STACK:
      set_stack (self, g_value_get_object (value));
      break;
    case PROP_REVEAL:
      set_reveal (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_page_switcher_bar_class_init (RdPageSwitcherBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_page_switcher_bar_dispose;
  object_class->finalize = rd_page_switcher_bar_finalize;
  object_class->get_property = rd_page_switcher_bar_get_property;
  object_class->set_property = rd_page_switcher_bar_set_property;
  widget_class->focus = rd_page_switcher_bar_focus;

  properties[PROP_STACK] =
    g_param_spec_object ("stack", NULL, NULL, ADW_TYPE_VIEW_STACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVEAL] =
    g_param_spec_boolean ("reveal", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "pageswitcherbar");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/redress/Redress/rd-page-switcher-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, RdPageSwitcherBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, RdPageSwitcherBar, scroller);
  gtk_widget_class_bind_template_child (widget_class, RdPageSwitcherBar, box);
}

static void
rd_page_switcher_bar_init (RdPageSwitcherBar *self)
{
  self->buttons = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "changed",
                           G_CALLBACK (on_adjustment_changed_cb), self, G_CONNECT_SWAPPED);
}
