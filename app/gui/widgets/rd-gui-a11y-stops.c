/* rd-gui-a11y-stops.c: one focus stop for each control, said by one name.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two shapes made a screen reader say one thing twice, once at each of
 * two stops or twice in one name:
 *
 * - A flow box's child or a list's row takes the focus, and then so does
 *   the one control it holds: What Next's letter tiles were said "Stage 1
 *   Complaint…, table cell" and then "Stage 1 Complaint…, push button";
 *   a row of Preferences "I am an adviser helping others, list item",
 *   then its switch by the same name. Where the control is all the
 *   container is for, the container stops taking the focus and Tab goes
 *   straight to the control, which says the row's subtitle too.
 * - GTK 4.8 names a widget by its label and then by what its labelled-by
 *   relation points to, joined: a switch Redress named in a template
 *   ("Include the chronology"), which libadwaita labels by its row's
 *   title ("Chronology") too, was said "Include the chronology
 *   Chronology". What is seen names it: the label goes, and its words
 *   describe the widget unless something it shows already does.
 */
#define G_LOG_DOMAIN "rd-gui"

#include "config.h"

#include <string.h>

#include "rd-gui-a11y-private.h"
#include "rd-gui-util.h"

/* On a widget that lost its label to what labels it: the label's words,
 * which describe it where nothing shown does. */
#define OWN_WORDS_KEY "rd-a11y-own-words"

/* How many controls Tab stops on inside @widget (an editable counts as
 * one, whatever it holds); @only is set to the last one found. */
static guint
count_controls (GtkWidget  *widget,
                GtkWidget **only)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* A control that cannot take the focus now (a date turned off) is
       * no stop, and the row stays the way to its switch. */
      if (!gtk_widget_get_visible (child) || !gtk_widget_get_sensitive (child))
        continue;
      if (gtk_widget_get_focusable (child) || GTK_IS_EDITABLE (child))
        {
          *only = child;
          n++;
          continue;
        }
      n += count_controls (child, only);
    }
  return n;
}

/* Whether @row is the header of an expander row that shows a switch, and
 * @control that switch: the header opens and closes the row, but so does
 * the switch (libadwaita opens the row as it is turned on, and closes it
 * as it is turned off), which says whether it is on as well. */
static gboolean
is_enable_switch_header (GtkWidget *row,
                         GtkWidget *control)
{
  GtkWidget *expander = gtk_widget_get_ancestor (row, ADW_TYPE_EXPANDER_ROW);
  GtkWidget *header = expander != NULL ? gtk_widget_get_first_child (expander) : NULL;

  return GTK_IS_SWITCH (control) && header != NULL &&
         adw_expander_row_get_show_enable_switch (ADW_EXPANDER_ROW (expander)) &&
         gtk_widget_is_ancestor (row, header);
}

/* The words @control is named by, as far as GTK 4.8 lets them be read: a
 * name Redress gave, or a button's label; NULL otherwise. */
static char *
dup_own_name (GtkWidget *control)
{
  const char *label;

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return gtk_test_accessible_check_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL, "");
  label = GTK_IS_BUTTON (control) ? gtk_button_get_label (GTK_BUTTON (control)) : NULL;
  if (label == NULL)
    return NULL;
  return gtk_button_get_use_underline (GTK_BUTTON (control)) ? rd_gui_strip_mnemonic (label) : g_strdup (label);
}

/* Whether @control is labelled by @label alone. */
static gboolean
labelled_by_label (GtkWidget *control,
                   GtkWidget *label)
{
  g_autofree char *differs = NULL;

  if (label == NULL ||
      !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return FALSE;
  differs = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                label, NULL);
  return differs == NULL;
}

/* The label inside @widget that shows @text. */
static GtkWidget *
find_label_showing (GtkWidget  *widget,
                    const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = NULL;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return child;
      found = find_label_showing (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether @control says the title @row shows, which would be lost with the
 * row's stop: libadwaita labels the row's own control by it (the switch
 * of an expander row's header too), else the control's name must hold it
 * ("Choose…", in a row "Diary entries it is about", says too little). */
static gboolean
says_row_title (GtkWidget *row,
                GtkWidget *control)
{
  AdwPreferencesRow *prefs = ADW_PREFERENCES_ROW (row);
  const char *title = adw_preferences_row_get_title (prefs);
  g_autofree char *shown = NULL;
  g_autofree char *own = NULL;
  g_autofree char *folded_shown = NULL;
  g_autofree char *folded_own = NULL;

  if ((ADW_IS_ACTION_ROW (row) && adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) == control) ||
      is_enable_switch_header (row, control) || title == NULL || title[0] == '\0')
    return TRUE;
  shown = adw_preferences_row_get_use_underline (prefs) ? rd_gui_strip_mnemonic (title) : g_strdup (title);
  if (labelled_by_label (control, find_label_showing (row, shown)))
    return TRUE;
  own = dup_own_name (control);
  if (own == NULL)
    return FALSE;
  folded_shown = g_utf8_casefold (shown, -1);
  folded_own = g_utf8_casefold (own, -1);
  return strstr (folded_own, folded_shown) != NULL;
}

/* Whether taking the focus does anything for @container beyond what its
 * one @control does: choosing it in a list that chooses, or an action of
 * its own when activated. */
static gboolean
is_only_for_control (GtkWidget *container,
                     GtkWidget *control)
{
  GtkWidget *parent = gtk_widget_get_parent (container);

  /* A tile that is its control (What Next's letters). */
  if (GTK_IS_FLOW_BOX_CHILD (container))
    return GTK_IS_FLOW_BOX (parent) && gtk_widget_get_parent (control) == container &&
           gtk_flow_box_get_selection_mode (GTK_FLOW_BOX (parent)) == GTK_SELECTION_NONE;
  /* libadwaita's rows that are controls themselves; and a plain row, whose
   * words beside the control would go with its stop. */
  if (ADW_IS_COMBO_ROW (container) || ADW_IS_ENTRY_ROW (container) || ADW_IS_EXPANDER_ROW (container) ||
      !ADW_IS_PREFERENCES_ROW (container) || !says_row_title (container, control))
    return FALSE;
  if (GTK_IS_LIST_BOX (parent) && gtk_list_box_get_selection_mode (GTK_LIST_BOX (parent)) != GTK_SELECTION_NONE &&
      gtk_list_box_row_get_selectable (GTK_LIST_BOX_ROW (container)))
    return FALSE;
  if (!gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (container)))
    return TRUE;
  if (is_enable_switch_header (container, control))
    return TRUE;
  return ADW_IS_ACTION_ROW (container) &&
         adw_action_row_get_activatable_widget (ADW_ACTION_ROW (container)) == control;
}

/* The subtitle of @row as shown, for its control. */
static void
on_row_subtitle_notify_cb (GtkWidget  *row,
                           GParamSpec *pspec,
                           GtkWidget  *control)
{
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_autofree char *plain = NULL;

  if (subtitle != NULL && adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)) &&
      pango_parse_markup (subtitle, -1, 0, NULL, &plain, NULL, NULL))
    subtitle = plain;
  if (subtitle == NULL || subtitle[0] == '\0')
    subtitle = g_object_get_data (G_OBJECT (control), OWN_WORDS_KEY);
  if (subtitle != NULL && subtitle[0] != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    subtitle, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/*
 * The row's words went with the row's stop: its title names the control
 * already (libadwaita labels an activatable widget by it); its subtitle
 * now describes the control, unless Redress described it otherwise (but
 * by the words of a label it lost: the row shows better ones).
 * libadwaita also points a described-by relation at the subtitle, which
 * GTK 4.8 says nothing of and which would hide the description.
 */
static void
describe_by_row (GtkWidget *control,
                 GtkWidget *row)
{
  /* A window maps, and is named, from its innermost widgets out: the
   * control may have lost its label, to its description, already. */
  if (!ADW_IS_ACTION_ROW (row) ||
      (gtk_test_accessible_has_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION) &&
       g_object_get_data (G_OBJECT (control), OWN_WORDS_KEY) == NULL))
    return;
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
  on_row_subtitle_notify_cb (row, NULL, control);
  g_signal_connect_object (row, "notify::subtitle", G_CALLBACK (on_row_subtitle_notify_cb), control, 0);
  g_signal_connect_object (row, "notify::use-markup", G_CALLBACK (on_row_subtitle_notify_cb), control, 0);
}

/**
 * _rd_gui_a11y_stop_at_control:
 *
 * Makes @widget, a flow box's child or a list's row that holds one control
 * and is there only for it, stop taking the focus, so that Tab goes to the
 * control alone.
 */
void
_rd_gui_a11y_stop_at_control (GtkWidget *widget)
{
  GtkWidget *control = NULL;

  if (!(GTK_IS_FLOW_BOX_CHILD (widget) || GTK_IS_LIST_BOX_ROW (widget)) ||
      !gtk_widget_get_focusable (widget) ||
      count_controls (widget, &control) != 1 || !is_only_for_control (widget, control))
    return;
  gtk_widget_set_focusable (widget, FALSE);
  describe_by_row (control, widget);
  /* What the row's stop gave the keyboard: Up and Down from row to row,
   * and an expander row's header opening and closing it */
  if (GTK_IS_LIST_BOX_ROW (widget))
    _rd_gui_a11y_move_between_rows (widget);
  if (is_enable_switch_header (widget, control))
    {
      GtkWidget *expander = gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW);

      _rd_gui_a11y_open_by_switch_keys (control, ADW_EXPANDER_ROW (expander));
    }
}

/* Whether @widget is named by words it shows itself (a button's label),
 * which the rules of rd-gui-a11y.c look after. */
static gboolean
names_itself (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) ||
         (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL);
}

/**
 * _rd_gui_a11y_name_once:
 *
 * Leaves @widget one name where GTK 4.8 would join two: its label and what
 * its labelled-by relation points to. The relation, set to what is shown
 * beside it (a row's title), names it; the label's words describe it
 * unless it is described already (by its row's subtitle) or is a row,
 * which its subtitle describes.
 */
void
_rd_gui_a11y_name_once (GtkWidget *widget)
{
  g_autofree char *label = NULL;

  if (names_itself (widget) ||
      !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return;
  /* GTK 4.8 reads a property back only by comparing it: this gives what
   * differs from "", which is the label. */
  label = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "");
  gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
  if (label == NULL || ADW_IS_PREFERENCES_ROW (widget) ||
      gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION))
    return;
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label, -1);
  g_object_set_data_full (G_OBJECT (widget), OWN_WORDS_KEY, g_steal_pointer (&label), g_free);
}
