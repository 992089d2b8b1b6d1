/* rd-gui-choice.c: drop-down rows and drop-downs that show their whole choice.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-gui"

#include "config.h"

#include "rd-gui-a11y-private.h"
#include "rd-gui-choice.h"
#include "rd-gui-util.h"
#include "rd-gui-wrapping-bin.h"

static const char *
choice_text (gpointer choice)
{
  return GTK_IS_STRING_OBJECT (choice) ? gtk_string_object_get_string (GTK_STRING_OBJECT (choice)) : "";
}

static void
show_choice_check (GtkListItem *item)
{
  GObject *row = g_object_get_data (G_OBJECT (item), "rd-combo-row");
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (item));
  guint selected = GTK_INVALID_LIST_POSITION;

  /* An AdwComboRow or a GtkDropDown: both have "selected". */
  if (row != NULL)
    g_object_get (row, "selected", &selected, NULL);
  gtk_widget_set_opacity (check, gtk_list_item_get_position (item) == selected ? 1 : 0);
}

static void
choice_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
choice_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                GObject                  *row)
{
  GObject *choice = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_label_set_text (GTK_LABEL (label), choice_text (choice));
  g_object_set_data (G_OBJECT (item), "rd-combo-row", row);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (show_choice_check), item,
                           G_CONNECT_SWAPPED);
  show_choice_check (item);
}

static void
choice_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  GObject                  *row)
{
  g_signal_handlers_disconnect_by_func (row, show_choice_check, item);
  g_object_set_data (G_OBJECT (item), "rd-combo-row", NULL);
}

/*
 * libadwaita 1.2 cuts a combo row's choices short ("A new profile,
 * starting …"). This lists them in full, wrapped, with the usual check
 * mark.
 */
static void
list_choices_in_full (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (choice_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (choice_bind_cb), row);
  g_signal_connect (factory, "unbind", G_CALLBACK (choice_unbind_cb), row);
  adw_combo_row_set_list_factory (row, factory);
}

/* The label that shows an action row's subtitle, inside the row's box of
 * title and subtitle (libadwaita 1.2's template, adw-action-row.ui). */
static GtkWidget *
find_subtitle_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "subtitle"))
        return child;
      if ((found = find_subtitle_label (child)) != NULL)
        return found;
    }
  return NULL;
}

/*
 * libadwaita 1.2 shows a combo row's choice beside its title, on one line
 * cut short with "…" ("As…" for "Assured shorthold tenancy" at twice the
 * text size), which a keyboard user cannot hover to read. The choice is
 * shown in full instead, as the row's subtitle, wrapped under the title,
 * and listed in full when the row opens. A @hint on what the row is for
 * goes under the choice, dimmed, and a screen reader says it after the
 * choice, as the row's accessible description ("Category 1 hazard. Risk
 * level the landlord gave it"), which follows the choice
 * (rd-gui-a11y-lists.c).
 *
 * The choice is plain text: a person's name such as "Smith & Sons" is not
 * markup, so the row stops reading its title and subtitle as markup.
 */
void
rd_gui_combo_row_show_choice_in_full (AdwComboRow *row,
                                      const char  *hint)
{
  GtkWidget *subtitle;
  GtkWidget *label;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_combo_row_set_use_subtitle (row, TRUE);
  list_choices_in_full (row);

  subtitle = find_subtitle_label (GTK_WIDGET (row));
  if (subtitle == NULL)
    {
      g_warning ("An AdwComboRow without a subtitle label: is this libadwaita 1.2?");
      return;
    }
  /* The choice is what the row holds: not dimmed as a subtitle (style.css) */
  gtk_widget_add_css_class (subtitle, "choice");
  if (hint == NULL)
    return;

  label = gtk_label_new (hint);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "hint");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (subtitle)), label, subtitle);
  g_object_set_data_full (G_OBJECT (row), RD_GUI_A11Y_HINT_KEY, g_strdup (hint), g_free);
  _rd_gui_a11y_describe_choice (GTK_WIDGET (row));
}

/*
 * GTK 4.8's drop-down keeps its chosen item in a GtkStack, which asks for
 * its child's height without the width it will give it: a wrapped label
 * there asks for the lines of its natural width and, given less width,
 * has its last lines cut off with nothing to say so. The bin round the
 * label is laid out by rd_gui_wrapping_bin_layout_new().
 */
static void
shown_choice_setup_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  user_data)
{
  GtkWidget *box = adw_bin_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_layout_manager (box, rd_gui_wrapping_bin_layout_new ());
  /* Broken between words, or inside one only when it alone is wider than
   * the window: a summary typed as one long word must not widen it. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), 6);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  adw_bin_set_child (ADW_BIN (box), label);
  gtk_list_item_set_child (item, box);
}

static void
shown_choice_bind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_label_set_text (GTK_LABEL (label), choice_text (gtk_list_item_get_item (item)));
}

/*
 * A drop-down of strings as wide as its longest choice (a diary entry's
 * summary) can hold a narrow window wide, and one cut short with "…" can
 * be read whole only by hovering, which a keyboard user cannot. This
 * shows the choice whole on the button, wrapped onto as many lines as it
 * needs, and lists the choices in full, wrapped, with the usual check
 * mark (the button is described by the choice as every drop-down is:
 * rd-gui-a11y-lists.c).
 */
void
rd_gui_drop_down_show_choice_in_full (GtkDropDown *drop_down)
{
  g_autoptr(GtkListItemFactory) shown = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) listed = gtk_signal_list_item_factory_new ();

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  g_signal_connect (shown, "setup", G_CALLBACK (shown_choice_setup_cb), NULL);
  g_signal_connect (shown, "bind", G_CALLBACK (shown_choice_bind_cb), NULL);
  gtk_drop_down_set_factory (drop_down, shown);
  g_signal_connect (listed, "setup", G_CALLBACK (choice_setup_cb), NULL);
  g_signal_connect (listed, "bind", G_CALLBACK (choice_bind_cb), drop_down);
  g_signal_connect (listed, "unbind", G_CALLBACK (choice_unbind_cb), drop_down);
  gtk_drop_down_set_list_factory (drop_down, listed);
}

/* Set on a popover once it passes the application's shortcuts on */
#define PASSES_SHORTCUTS "rd-gui-passes-shortcuts"

static gboolean
on_popover_map_hook_cb (GSignalInvocationHint *hint,
                        guint                  n_params,
                        const GValue          *params,
                        gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&params[0]);

  if (!GTK_IS_POPOVER (widget) || g_object_get_data (G_OBJECT (widget), PASSES_SHORTCUTS) != NULL)
    return TRUE;
  if (gtk_widget_get_ancestor (widget, GTK_TYPE_DROP_DOWN) == NULL &&
      gtk_widget_get_ancestor (widget, ADW_TYPE_COMBO_ROW) == NULL)
    return TRUE;
  g_object_set_data (G_OBJECT (widget), PASSES_SHORTCUTS, GINT_TO_POINTER (TRUE));
  rd_gui_popover_pass_shortcuts (GTK_POPOVER (widget));
  return TRUE;
}

/**
 * rd_gui_install_choice_shortcuts:
 *
 * From now on, the application's shortcuts (Alt+1…6, Ctrl+E, Ctrl+?…)
 * work while a drop-down's or a combo row's list is open, as they do with
 * a date picker's calendar open (rd_gui_popover_pass_shortcuts()): GTK 4.8
 * keeps the keys pressed there in the popover that holds the list. The
 * popover is made inside the drop-down or the row, out of reach, so it is
 * found when it is first shown, whichever drop-down or row it belongs to.
 */
void
rd_gui_install_choice_shortcuts (void)
{
  static gsize installed;

  if (g_once_init_enter (&installed))
    {
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                  on_popover_map_hook_cb, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
