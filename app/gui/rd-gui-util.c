/* rd-gui-util.c: small helpers shared by the Redress widgets.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-gui"

#include "config.h"

#include "rd-gui-util.h"

char *
rd_gui_text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/*
 * An AdwEntryRow is itself the text field a screen reader lands on. GTK 4.8
 * would name it after both its label and its visible title ("Address
 * Address"); this gives it @label alone.
 */
void
rd_gui_label_entry_row (AdwEntryRow *row,
                        const char  *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  rd_gui_fix_accessible_name (GTK_WIDGET (row));
}

/* Shows a short message in the nearest toast overlay, if there is one. */
void
rd_gui_show_toast (GtkWidget  *widget,
                   const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

/*
 * gtk_widget_dispose_template() only unparents the children the class binds;
 * this takes away the rest, so no widget is finalized with children left.
 */
void
rd_gui_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

/*
 * GTK 4.8 names a widget after both its accessible label and whatever it is
 * labelled by: a button's own text ("Start a case Start a Case", or
 * "_Start a Case Start a Case" for a mnemonic), a row's title. Keeping only
 * the accessible label set in the .ui file gives screen readers the name
 * once.
 */
void
rd_gui_fix_accessible_name (GtkWidget *widget)
{
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Names every GtkSwitch inside @widget: an AdwExpanderRow's enable switch
 * has no name of its own in libadwaita 1.2. */
void
rd_gui_name_switches (GtkWidget  *widget,
                      const char *name)
{
  if (GTK_IS_SWITCH (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rd_gui_name_switches (child, name);
}
