/* rd-gui-a11y-lists.c: what a screen reader hears of lists, their rows, a
 * flow box's children, a drop-down's choices and a paned's handle.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-gui-a11y-private.h"
#include "rd-gui-util.h"

/* What the rules set last on a widget, kept to tell it from a name Redress
 * gave since, and to send a screen reader only what changed. */
#define SET_NAME_KEY "rd-a11y-set-name"
#define SET_DESCRIPTION_KEY "rd-a11y-set-description"
/* On a row: which of its name and description the rules look after. */
#define ROW_KEY "rd-a11y-row"
/* On a widget inside a row: the row it tells of its changes. */
#define PART_KEY "rd-a11y-row-part"

typedef enum
{
  ROW_SEEN = 1 << 0,
  ROW_NAME = 1 << 1,
  ROW_DESCRIPTION = 1 << 2,
} RowRule;

/*
 * Sets @widget's name or description to @text (none for NULL), unless it
 * is already what the rules set last. A name given by Redress since the
 * rules set theirs is left alone, for good: FALSE then.
 */
static gboolean
set_text (GtkWidget             *widget,
          GtkAccessibleProperty  property,
          const char            *text)
{
  const char *key = property == GTK_ACCESSIBLE_PROPERTY_LABEL ? SET_NAME_KEY : SET_DESCRIPTION_KEY;
  const char *was = g_object_get_data (G_OBJECT (widget), key);

  /* GTK_A11Y=none keeps no properties to ask about. */
  if (was != NULL && gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), property))
    {
      g_autofree char *changed = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, was);

      if (changed != NULL)
        return FALSE;
    }
  if (g_strcmp0 (was, text) == 0)
    return TRUE;
  if (text == NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), property);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), property, text, -1);
  g_object_set_data_full (G_OBJECT (widget), key, g_strdup (text), g_free);
  return TRUE;
}

/* What a row or a list is named after: its title as shown, without its
 * markup or its mnemonic's underscore. */
static char *
dup_shown_text (const char *text,
                gboolean    use_markup,
                gboolean    use_underline)
{
  char *plain = NULL;

  if (text == NULL || text[0] == '\0')
    return NULL;
  if (use_markup && pango_parse_markup (text, -1, use_underline ? '_' : 0, NULL, &plain, NULL, NULL))
    return plain;
  return use_underline ? rd_gui_strip_mnemonic (text) : g_strdup (text);
}

static void
update_row_rules (GtkWidget   *row,
                  RowRule      rules,
                  const char  *name,
                  const char  *description)
{
  if ((rules & ROW_NAME) && !set_text (row, GTK_ACCESSIBLE_PROPERTY_LABEL, name))
    rules &= ~ROW_NAME;
  if ((rules & ROW_DESCRIPTION) && !set_text (row, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description))
    rules &= ~ROW_DESCRIPTION;
  g_object_set_data (G_OBJECT (row), ROW_KEY, GUINT_TO_POINTER (rules));
}

/* libadwaita's rows show a title and a subtitle, and are read so. */
static void
on_preferences_row_notify_cb (GtkWidget *row)
{
  AdwPreferencesRow *prefs = ADW_PREFERENCES_ROW (row);
  RowRule rules = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), ROW_KEY));
  gboolean markup = adw_preferences_row_get_use_markup (prefs);
  const char *subtitle = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  if (ADW_IS_ACTION_ROW (row))
    subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  else if (ADW_IS_EXPANDER_ROW (row))
    subtitle = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));
  name = dup_shown_text (adw_preferences_row_get_title (prefs), markup,
                         adw_preferences_row_get_use_underline (prefs));
  description = dup_shown_text (subtitle, markup, FALSE);
  update_row_rules (row, rules, name, description);
}

/* Parts of a row a screen reader lands on by themselves, named for
 * themselves: their words are not the row's. */
static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_EDITABLE (widget) || GTK_IS_SWITCH (widget) || GTK_IS_CHECK_BUTTON (widget) ||
         GTK_IS_TEXT_VIEW (widget) || GTK_IS_LIST_BOX (widget) || GTK_IS_LIST_VIEW (widget) ||
         GTK_IS_GRID_VIEW (widget) || GTK_IS_FLOW_BOX (widget) || GTK_IS_NATIVE (widget);
}

static void name_row_by_labels (GtkWidget *row);

static void
on_row_part_notify_cb (GtkWidget *part)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (part), PART_KEY);

  if (row != NULL && gtk_widget_is_ancestor (part, row))
    name_row_by_labels (row);
}

/* A list view shows another item in the same row (it keeps the rows it
 * has made, and binds them again as the list scrolls or is filtered): the
 * row hears of each word that changes in it, and of each part shown or
 * hidden, so that its name is never another item's. */
static void
watch_row_part (GtkWidget *part,
                GtkWidget *row)
{
  if (g_object_get_data (G_OBJECT (part), PART_KEY) == row)
    return;
  /* Not counted: a row outlives its parts, or is destroyed with them. */
  g_object_set_data (G_OBJECT (part), PART_KEY, row);
  g_signal_connect (part, "notify::visible", G_CALLBACK (on_row_part_notify_cb), NULL);
  if (GTK_IS_LABEL (part))
    g_signal_connect (part, "notify::label", G_CALLBACK (on_row_part_notify_cb), NULL);
}

/* A label styled as a title ("heading", "title-1" to "title-4"): what the
 * row is about, where a badge or a date may be drawn before it. */
static gboolean
is_title_like (GtkWidget *label)
{
  static const char *const classes[] = { "heading", "title-1", "title-2", "title-3", "title-4" };

  for (gsize i = 0; i < G_N_ELEMENTS (classes); i++)
    if (gtk_widget_has_css_class (label, classes[i]))
      return TRUE;
  return FALSE;
}

/* The words shown in @widget, in order; inside controls of their own only
 * if @into_controls. @title is set to the position in @words of the first
 * title-like label's, if it is still -1. */
static void
collect_shown_words (GtkWidget *widget,
                     GtkWidget *row,
                     gboolean   into_controls,
                     GPtrArray *words,
                     int       *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      watch_row_part (child, row);
      if (!gtk_widget_get_visible (child) || (!into_controls && is_control (child)))
        continue;
      if (GTK_IS_LABEL (child))
        {
          const char *text = gtk_label_get_text (GTK_LABEL (child));

          if (text[0] == '\0')
            continue;
          if (*title < 0 && is_title_like (child))
            *title = (int) words->len;
          g_ptr_array_add (words, (gpointer) text);
        }
      else
        collect_shown_words (child, row, into_controls, words, title);
    }
}

/* The tooltip of the first part of @widget shown with one: what an icon
 * shown without words says it is. */
static const char *
find_shown_tooltip (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *tooltip;

      if (!gtk_widget_get_visible (child))
        continue;
      tooltip = gtk_widget_get_tooltip_text (child);
      if (tooltip == NULL)
        tooltip = find_shown_tooltip (child);
      if (tooltip != NULL && tooltip[0] != '\0')
        return tooltip;
    }
  return NULL;
}

/* A choice of a drop-down or of a combo row: listed when it opens, or the
 * one shown on its button. */
static gboolean
is_choice (GtkWidget *row)
{
  return gtk_widget_get_ancestor (row, GTK_TYPE_DROP_DOWN) != NULL ||
         gtk_widget_get_ancestor (row, ADW_TYPE_COMBO_ROW) != NULL;
}

/*
 * A row of Redress's own (a diary entry, a deadline, a choice in a
 * drop-down) is named by its title, the first of its words styled as one,
 * else by the first words it shows, and described by the rest, in the
 * order they are drawn: a deadline of What Next is named by what is due,
 * not by the group ("Overdue") or the status shown before or beside it,
 * which describe it. A row that only holds a control (a
 * flow box's button) is named by the words of that control. A choice
 * that shows no words (an empty one, none chosen yet, or an icon) is
 * named by its icon's tooltip, else "None": a screen reader would say its
 * type ("GtkListItemWidget").
 */
static void
name_row_by_labels (GtkWidget *row)
{
  RowRule rules = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), ROW_KEY));
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autofree char *description = NULL;
  int title = -1;

  if ((rules & (ROW_NAME | ROW_DESCRIPTION)) == 0)
    return;
  collect_shown_words (row, row, FALSE, words, &title);
  if (words->len == 0)
    collect_shown_words (row, row, TRUE, words, &title);
  if (title > 0)
    g_ptr_array_insert (words, 0, g_ptr_array_remove_index (words, (guint) title));
  if (words->len == 0 && is_choice (row))
    {
      const char *tooltip = find_shown_tooltip (row);

      g_ptr_array_add (words, (gpointer) (tooltip != NULL ? tooltip : _("None")));
    }
  if (words->len > 1)
    {
      g_ptr_array_add (words, NULL);
      description = g_strjoinv ("\n", (char **) words->pdata + 1);
    }
  update_row_rules (row, rules, words->len > 0 ? words->pdata[0] : NULL, description);
}

/*
 * A row of a list box or a flow box, or an item of a list or grid view or
 * of a drop-down (the choice its button shows included). GTK 4.8 wraps
 * each of the latter in a GtkListItemWidget of its own, which takes the
 * focus and has no public type.
 */
static gboolean
is_row (GtkWidget *widget)
{
  static GType list_item_widget_type;
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (list_item_widget_type == 0)
    list_item_widget_type = g_type_from_name ("GtkListItemWidget");
  return GTK_IS_LIST_BOX_ROW (widget) || GTK_IS_FLOW_BOX_CHILD (widget) ||
         GTK_IS_LIST_VIEW (parent) || GTK_IS_GRID_VIEW (parent) ||
         (list_item_widget_type != 0 && G_TYPE_CHECK_INSTANCE_TYPE (widget, list_item_widget_type));
}

/*
 * Rows are named as they are made and mapped, never by going over a
 * list's model: a list view makes rows only for what is on screen, and a
 * diary of 10,000 entries costs no more to name than one of ten.
 */
static void
name_row (GtkWidget *row)
{
  RowRule rules = ROW_SEEN;

  if (g_object_get_data (G_OBJECT (row), ROW_KEY) != NULL)
    return;
  /* A row Redress named says what it means as a whole: it is left alone. */
  if (!_rd_gui_a11y_has_name (row))
    rules |= ROW_NAME;
  /* libadwaita names its rows by their title and describes them by their
   * subtitle through relations, and GTK 4.8 says only the name: a row
   * shown as "Passphrase" over "Not set" was said "Passphrase". Its
   * subtitle becomes its description. */
  if (((rules & ROW_NAME) || ADW_IS_PREFERENCES_ROW (row)) &&
      !gtk_test_accessible_has_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION))
    rules |= ROW_DESCRIPTION;
  g_object_set_data (G_OBJECT (row), ROW_KEY, GUINT_TO_POINTER (rules));
  if (rules == ROW_SEEN)
    return;
  if (ADW_IS_PREFERENCES_ROW (row))
    {
      on_preferences_row_notify_cb (row);
      g_signal_connect (row, "notify::title", G_CALLBACK (on_preferences_row_notify_cb), NULL);
      g_signal_connect (row, "notify::subtitle", G_CALLBACK (on_preferences_row_notify_cb), NULL);
      g_signal_connect (row, "notify::use-markup", G_CALLBACK (on_preferences_row_notify_cb), NULL);
    }
  else
    name_row_by_labels (row);
}

/* The rows a list view has made so far: only those on screen or near it. */
static void
on_list_rows_changed_cb (GtkWidget *view)
{
  for (GtkWidget *row = gtk_widget_get_first_child (view);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (is_row (row))
      name_row (row);
}

static void
on_list_model_notify_cb (GtkWidget *view)
{
  GListModel *model = NULL;

  g_object_get (view, "model", &model, NULL);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (on_list_rows_changed_cb), view,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  on_list_rows_changed_cb (view);
  g_clear_object (&model);
}

/*
 * A list view makes its rows when its items change, whether it is shown
 * or not (a page not shown yet, a drop-down's closed list), and a screen
 * reader can read them then: they are named as soon as they are made,
 * after the view has made them.
 */
static void
name_rows_as_made (GtkWidget *view)
{
  if (!GTK_IS_LIST_VIEW (view) && !GTK_IS_GRID_VIEW (view))
    return;
  g_signal_connect_after (view, "notify::model", G_CALLBACK (on_list_model_notify_cb), NULL);
  on_list_model_notify_cb (view);
}

static void
on_list_title_notify_cb (GObject    *titled,
                         GParamSpec *pspec,
                         GtkWidget  *list)
{
  g_autofree char *title = NULL;

  g_object_get (titled, "title", &title, NULL);
  if (ADW_IS_PREFERENCES_ROW (titled))
    {
      g_autofree char *shown = dup_shown_text (title, adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (titled)),
                                               adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (titled)));

      g_free (title);
      title = g_steal_pointer (&shown);
    }
  set_text (list, GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL && title[0] != '\0' ? title : NULL);
}

/* A list named as the group or the row around it is titled, and kept so. */
static void
name_list_by_title (GtkWidget *list,
                    GObject   *titled)
{
  on_list_title_notify_cb (titled, NULL, list);
  g_signal_connect_object (titled, "notify::title", G_CALLBACK (on_list_title_notify_cb), list, 0);
}

/* The label shown just before @widget, as a heading above it: in a box,
 * where both are shown together (not a stack's other page). */
static GtkWidget *
find_label_before (GtkWidget *widget)
{
  if (!GTK_IS_BOX (gtk_widget_get_parent (widget)))
    return NULL;
  for (GtkWidget *before = gtk_widget_get_prev_sibling (widget);
       before != NULL;
       before = gtk_widget_get_prev_sibling (before))
    {
      if (!gtk_widget_get_visible (before))
        continue;
      if (GTK_IS_LABEL (before) && gtk_label_get_text (GTK_LABEL (before))[0] != '\0')
        return before;
      return NULL;
    }
  return NULL;
}

/* The title of the page of a stack that @child is. */
static const char *
get_stack_page_title (GtkWidget *stack,
                      GtkWidget *child)
{
  if (GTK_IS_STACK (stack))
    return gtk_stack_page_get_title (gtk_stack_get_page (GTK_STACK (stack), child));
  if (ADW_IS_VIEW_STACK (stack))
    return adw_view_stack_page_get_title (adw_view_stack_get_page (ADW_VIEW_STACK (stack), child));
  return NULL;
}

/* libadwaita labels a preferences group's list by the group's title, which
 * says nothing when the group has none. */
static gboolean
is_labelled_by_empty_group_title (GtkWidget *list)
{
  GtkWidget *group = gtk_widget_get_ancestor (list, ADW_TYPE_PREFERENCES_GROUP);
  GtkWidget *row = gtk_widget_get_ancestor (list, GTK_TYPE_LIST_BOX_ROW);

  return group != NULL && (row == NULL || gtk_widget_is_ancestor (group, row)) &&
         adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group))[0] == '\0';
}

/*
 * A list that nothing names is named after its type ("GtkListBox"), which
 * a screen reader says on entering it. It is named by what labels it: the
 * heading just above it (a relation, so that the heading's words are the
 * list's), or the group, row, page or preferences page it is the list
 * of. A drop-down's list of choices goes on to the drop-down's row.
 */
static void
name_list (GtkWidget *list)
{
  GtkWidget *widget = list;

  if (g_object_get_data (G_OBJECT (list), ROW_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (list), ROW_KEY, GUINT_TO_POINTER (ROW_SEEN));
  name_rows_as_made (list);
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return;
  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      if (!is_labelled_by_empty_group_title (list))
        return;
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    }
  for (GtkWidget *parent = gtk_widget_get_parent (widget);
       parent != NULL && !GTK_IS_WINDOW (widget);
       widget = parent, parent = gtk_widget_get_parent (widget))
    {
      GtkWidget *heading = find_label_before (widget);
      const char *title = get_stack_page_title (parent, widget);

      if (heading != NULL)
        {
          gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                          heading, NULL, -1);
          return;
        }
      if ((ADW_IS_PREFERENCES_GROUP (parent) &&
           adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (parent))[0] != '\0') ||
          (ADW_IS_PREFERENCES_PAGE (parent) &&
           adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (parent))[0] != '\0') ||
          ADW_IS_PREFERENCES_ROW (parent))
        {
          name_list_by_title (list, G_OBJECT (parent));
          return;
        }
      if (title != NULL && title[0] != '\0')
        {
          set_text (list, GTK_ACCESSIBLE_PROPERTY_LABEL, title);
          return;
        }
    }
  /* Nothing nearer says what it lists: the window it is the content of does. */
  if (GTK_IS_WINDOW (widget) && gtk_window_get_title (GTK_WINDOW (widget)) != NULL)
    set_text (list, GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_window_get_title (GTK_WINDOW (widget)));
}

/* The words of @item as its drop-down or combo row shows them: its string,
 * or what @expression makes of it. */
static char *
dup_choice_text (gpointer       item,
                 GtkExpression *expression)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (item == NULL)
    return NULL;
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  if (expression != NULL && gtk_expression_get_value_type (expression) == G_TYPE_STRING &&
      gtk_expression_evaluate (expression, item, &value))
    return g_value_dup_string (&value);
  return NULL;
}

/* The choice, or "None", then any hint on what the chooser is for */
static void
on_chosen_notify_cb (GtkWidget *chooser)
{
  GtkWidget *described = g_object_get_data (G_OBJECT (chooser), ROW_KEY "-described");
  const char *hint = g_object_get_data (G_OBJECT (chooser), RD_GUI_A11Y_HINT_KEY);
  g_autofree char *text = NULL;
  g_autofree char *told = NULL;
  const char *choice;

  if (GTK_IS_DROP_DOWN (chooser))
    text = dup_choice_text (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (chooser)),
                            gtk_drop_down_get_expression (GTK_DROP_DOWN (chooser)));
  else
    text = dup_choice_text (adw_combo_row_get_selected_item (ADW_COMBO_ROW (chooser)),
                            adw_combo_row_get_expression (ADW_COMBO_ROW (chooser)));
  choice = text != NULL && text[0] != '\0' ? text : _("None");
  if (hint != NULL && hint[0] != '\0')
    /* Translators: what a screen reader says after a drop-down row's
     * name: the first %s is its choice ("Category 1 hazard"), the second
     * what the row is for ("Risk level the landlord gave it"). */
    told = g_strdup_printf (_("%s. %s"), choice, hint);
  set_text (described, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, told != NULL ? told : choice);
}

/*
 * A drop-down's button, which takes the focus, is named for what it
 * chooses ("Show one category"), and a combo row by its title: neither
 * says what is chosen, a screen reader only reads the name (libadwaita
 * describes a row by its subtitle, where the choice may be shown, but GTK
 * 4.8 does not pass that on). Each is described by its choice as shown
 * ("All categories"), or "None", unless Redress described it. A combo
 * row's hint (rd_gui_combo_row_show_choice_in_full()) is said after the
 * choice, never instead of it.
 */
static void
describe_by_choice (GtkWidget *chooser)
{
  GtkWidget *described = chooser;

  if (g_object_get_data (G_OBJECT (chooser), ROW_KEY "-described") != NULL)
    return;
  if (GTK_IS_DROP_DOWN (chooser))
    described = gtk_widget_get_first_child (chooser);
  /* libadwaita describes a row by its subtitle, empty or not: a
   * description given as a property is said instead. */
  if (!GTK_IS_WIDGET (described) ||
      gtk_test_accessible_has_property (GTK_ACCESSIBLE (described), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION) ||
      (!ADW_IS_COMBO_ROW (chooser) &&
       gtk_test_accessible_has_relation (GTK_ACCESSIBLE (described), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY)))
    return;
  g_object_set_data (G_OBJECT (chooser), ROW_KEY "-described", described);
  on_chosen_notify_cb (chooser);
  g_signal_connect (chooser, "notify::selected-item", G_CALLBACK (on_chosen_notify_cb), NULL);
}

/**
 * _rd_gui_a11y_describe_choice:
 *
 * Describes @chooser, a drop-down or a combo row, by its choice and hint
 * as they are now: at once when its hint is given or changed, rather than
 * when it is next chosen.
 */
void
_rd_gui_a11y_describe_choice (GtkWidget *chooser)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (chooser) || ADW_IS_COMBO_ROW (chooser));

  if (g_object_get_data (G_OBJECT (chooser), ROW_KEY "-described") != NULL)
    on_chosen_notify_cb (chooser);
  else
    describe_by_choice (chooser);
}

/*
 * A paned's handle takes the focus (F8 reaches it, and the arrow keys move
 * it), so it is kept for the keyboard and told apart from the panes it
 * sits between. A window names its own when it can say what they are.
 */
static void
name_paned (GtkWidget *paned)
{
  if (g_object_get_data (G_OBJECT (paned), ROW_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (paned), ROW_KEY, GUINT_TO_POINTER (ROW_SEEN));
  if (_rd_gui_a11y_has_name (paned))
    return;
  set_text (paned, GTK_ACCESSIBLE_PROPERTY_LABEL, _("Resize the panes"));
}

/**
 * _rd_gui_a11y_name_list_part:
 *
 * Names @widget if it is a list, a row of one or a paned that nothing has
 * named yet; describes a drop-down's button or a combo row by its choice.
 *
 * Returns: whether @widget was a list, a row or a paned
 */
gboolean
_rd_gui_a11y_name_list_part (GtkWidget *widget)
{
  if (GTK_IS_DROP_DOWN (widget) || ADW_IS_COMBO_ROW (widget))
    describe_by_choice (widget);
  if (GTK_IS_LIST_BOX (widget) || GTK_IS_LIST_VIEW (widget) || GTK_IS_GRID_VIEW (widget) ||
      GTK_IS_FLOW_BOX (widget))
    name_list (widget);
  else if (is_row (widget))
    name_row (widget);
  else if (GTK_IS_PANED (widget))
    name_paned (widget);
  else
    return FALSE;
  return TRUE;
}
