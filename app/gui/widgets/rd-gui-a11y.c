/* rd-gui-a11y.c: what a screen reader hears of every window, GTK's and
 * libadwaita's own widgets inside them included.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-gui"

#include "config.h"

#include "rd-gui-a11y.h"
#include "rd-gui-util.h"

/* The visible text of a button whose label carries a mnemonic, without
 * the underscore; NULL for any other button. */
static const char *
get_mnemonic_button_text (GtkWidget *button)
{
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));

  if (gtk_button_get_use_underline (GTK_BUTTON (button)) && GTK_IS_LABEL (child))
    return gtk_label_get_text (GTK_LABEL (child));
  if (ADW_IS_BUTTON_CONTENT (child) && adw_button_content_get_use_underline (ADW_BUTTON_CONTENT (child)))
    {
      for (GtkWidget *part = gtk_widget_get_first_child (child);
           part != NULL;
           part = gtk_widget_get_next_sibling (part))
        if (GTK_IS_LABEL (part))
          return gtk_label_get_text (GTK_LABEL (part));
    }
  return NULL;
}

/*
 * GTK 4.8 names a button whose label has a mnemonic twice: after its raw
 * label, underscore and all, and after the label inside that the mnemonic
 * ties to it ("_Save Save"). Screen readers should say what the button
 * shows, once, so that what is heard matches what is seen (and what a
 * voice-control user says); anything more goes in its description.
 */
static void
name_mnemonic_button (GtkWidget *button)
{
  const char *text = get_mnemonic_button_text (button);

  if (text == NULL || text[0] == '\0')
    return;
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/* A check button has the same trouble with its mnemonic. */
static void
name_mnemonic_check_button (GtkWidget *check)
{
  const char *label = gtk_check_button_get_label (GTK_CHECK_BUTTON (check));
  g_autofree char *shown = NULL;

  if (label == NULL || !gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (check)))
    return;
  shown = rd_gui_strip_mnemonic (label);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, shown, -1);
}

static void
on_button_label_notify_cb (GtkWidget *button)
{
  if (GTK_IS_CHECK_BUTTON (button))
    name_mnemonic_check_button (button);
  else
    name_mnemonic_button (button);
}

/*
 * Redress writes what it means in words; its icons stand beside the words
 * (on buttons, rows, status pages) and only decorate. A screen reader would
 * announce each one as "image". Pictures of evidence are paintables, and
 * keep their names.
 */
static gboolean
is_decorative_image (GtkWidget *image)
{
  return gtk_image_get_storage_type (GTK_IMAGE (image)) != GTK_IMAGE_PAINTABLE &&
         gtk_widget_get_tooltip_text (image) == NULL;
}

/* An empty label says nothing, but GTK 4.8 would announce it as "GtkLabel". */
static void
on_label_notify_cb (GtkWidget *label)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN,
                               gtk_label_get_text (GTK_LABEL (label))[0] == '\0', -1);
}

/* A label cut short by its ellipsis shows its whole text as a tooltip. */
static gboolean
on_cut_label_query_tooltip_cb (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard,
                               GtkTooltip *tooltip)
{
  GtkLabel *label = GTK_LABEL (widget);

  if (gtk_widget_get_tooltip_text (widget) != NULL ||
      !pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

/*
 * Lists show the first line of what was written (a diary entry, a contact),
 * and the header bar the case's title, each cut short with an ellipsis
 * when the window is narrow or the text large. The words are not lost (the
 * entry opens whole, and a screen reader reads the label's whole text),
 * but a sighted reader should not have to open anything to read them: a
 * label that can be cut short offers its whole text on hover and on
 * keyboard focus (Ctrl+F1), whoever made it, GTK's own labels included.
 */
static void
offer_whole_text (GtkWidget *widget)
{
  if (!GTK_IS_LABEL (widget) ||
      gtk_label_get_ellipsize (GTK_LABEL (widget)) == PANGO_ELLIPSIZE_NONE ||
      g_object_get_data (G_OBJECT (widget), "rd-whole-text") != NULL)
    return;
  g_object_set_data (G_OBJECT (widget), "rd-whole-text", GINT_TO_POINTER (TRUE));
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_cut_label_query_tooltip_cb), NULL);
  gtk_widget_set_has_tooltip (widget, TRUE);
}

/**
 * rd_gui_label_offers_whole_text:
 *
 * Returns: whether @label, when cut short, shows its whole text on hover
 */
gboolean
rd_gui_label_offers_whole_text (GtkLabel *label)
{
  g_return_val_if_fail (GTK_IS_LABEL (label), FALSE);

  return g_object_get_data (G_OBJECT (label), "rd-whole-text") != NULL &&
         gtk_widget_get_has_tooltip (GTK_WIDGET (label));
}

static void
tidy_accessible_name (GtkWidget *widget)
{
  gboolean is_button = GTK_IS_BUTTON (widget) && !GTK_IS_LINK_BUTTON (widget);

  offer_whole_text (widget);

  if (is_button || GTK_IS_CHECK_BUTTON (widget))
    {
      if (g_object_get_data (G_OBJECT (widget), "rd-named") != NULL)
        return;
      g_object_set_data (G_OBJECT (widget), "rd-named", GINT_TO_POINTER (TRUE));
      on_button_label_notify_cb (widget);
      g_signal_connect (widget, "notify::label", G_CALLBACK (on_button_label_notify_cb), NULL);
    }
  else if ((GTK_IS_IMAGE (widget) && is_decorative_image (widget)) ||
           /* An entry row is the text field a screen reader lands on, named
            * by its title; the title label inside it would only be
            * announced again. */
           (GTK_IS_LABEL (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW) != NULL))
    gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  else if (GTK_IS_LABEL (widget) && g_object_get_data (G_OBJECT (widget), "rd-named") == NULL)
    {
      g_object_set_data (G_OBJECT (widget), "rd-named", GINT_TO_POINTER (TRUE));
      on_label_notify_cb (widget);
      g_signal_connect (widget, "notify::label", G_CALLBACK (on_label_notify_cb), NULL);
    }
}

static void
tidy_accessible_names (GtkWidget *widget)
{
  tidy_accessible_name (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    tidy_accessible_names (child);
}

/* A window or popover is tidied whole as it maps, pages it does not show
 * yet included (a screen reader can read those too); anything added later
 * is tidied as it maps itself. */
static gboolean
on_widget_map_hook_cb (GSignalInvocationHint *hint,
                       guint                  n_params,
                       const GValue          *params,
                       gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&params[0]);

  if (GTK_IS_NATIVE (widget))
    tidy_accessible_names (widget);
  else
    tidy_accessible_name (widget);
  return TRUE;
}

static gsize names_installed;

/**
 * rd_gui_tidy_accessible_names:
 *
 * Names @widget and everything in it now, as rd_gui_install_accessible_names()
 * does when a window maps: for what is added to a window already shown
 * without being shown itself (a page built while another is on screen,
 * the switcher's buttons for it). Nothing until that was installed.
 */
void
rd_gui_tidy_accessible_names (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (names_installed != 0)
    tidy_accessible_names (widget);
}

/**
 * rd_gui_install_accessible_names:
 *
 * From now on, every button with a mnemonic is named by the text it shows,
 * icons and empty labels are hidden from screen readers, and a label that
 * may be cut short with an ellipsis offers its whole text as a tooltip.
 * Widgets are corrected as they are mapped, so rows and dialogs made later
 * are covered too.
 */
void
rd_gui_install_accessible_names (void)
{
  if (g_once_init_enter (&names_installed))
    {
      /* The class must exist before its signals can be looked up. */
      GTypeClass *klass = g_type_class_ref (GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                  on_widget_map_hook_cb, NULL, NULL);
      g_type_class_unref (klass);
      g_once_init_leave (&names_installed, 1);
    }
}
