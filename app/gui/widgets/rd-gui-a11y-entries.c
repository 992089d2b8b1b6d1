/* rd-gui-a11y-entries.c: what a screen reader hears in the text of libadwaita's entry rows.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-gui"

#include "config.h"

#include "rd-gui-a11y-private.h"

/* On the text of an entry row: how the rule below made it heard. */
#define VOICED_KEY "rd-a11y-entry-text"

typedef enum
{
  VOICED = 1,
  /* Its words are given as its own to a screen reader, too. */
  VOICED_WITH_WORDS,
} Voiced;

static GtkEditable *(*text_get_delegate) (GtkEditable *editable);
static void (*entry_row_constructed) (GObject *object);

/*
 * GTK 4.8 offers a screen reader the words of an editable only when the
 * editable hands its work to a GtkText (an entry, an entry row); a GtkText
 * itself hands it to nobody, so has none to offer. The text of an entry
 * row made heard below hands it to itself: GTK reads its words from it as
 * it would through an entry. No other GtkText is touched, and the text of
 * a password row never: its words are not to be read out.
 */
static GtkEditable *
get_voiced_text_delegate (GtkEditable *editable)
{
  if (g_object_get_data (G_OBJECT (editable), VOICED_KEY) == GINT_TO_POINTER (VOICED_WITH_WORDS))
    return editable;
  return text_get_delegate != NULL ? text_get_delegate (editable) : NULL;
}

/* The label beside @text, in its row's editable area, that shows the row's title. */
static GtkWidget *
find_title_label (GtkWidget *text)
{
  for (GtkWidget *sibling = gtk_widget_get_first_child (gtk_widget_get_parent (text));
       sibling != NULL;
       sibling = gtk_widget_get_next_sibling (sibling))
    if (GTK_IS_LABEL (sibling))
      return sibling;
  return NULL;
}

/**
 * _rd_gui_a11y_voice_entry_text:
 *
 * The text of an entry row takes the focus, but GTK 4.8 gives a GtkText
 * no role (it is meant to be read through the entry around it), so the
 * focus there is never reported and a screen reader says nothing: the
 * row, which libadwaita makes a text field named by its title, never has
 * the focus itself. The text becomes the text field a screen reader lands
 * on: a text box named as the row is (by its title, or the name Redress
 * gave it), described as the row is, and offering its words (unless the
 * row is a password's).
 *
 * Its role can change only until its accessible object is first used.
 * GTK never shows a widget of no role to a screen reader, nor tells of its
 * focus, so until this rule has run on it nothing has used it: the rule runs
 * once for each text, as it or its window is first mapped, and never again
 * (a role set once used is a critical, as locking and unlocking once found).
 * Any other GtkText is left as it is.
 */
void
_rd_gui_a11y_voice_entry_text (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW);
  GtkWidget *title;

  g_return_if_fail (GTK_IS_TEXT (widget));

  if (row == NULL || g_object_get_data (G_OBJECT (widget), VOICED_KEY) != NULL ||
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) != GTK_ACCESSIBLE_ROLE_NONE)
    return;
  g_object_set_data (G_OBJECT (widget), VOICED_KEY,
                     GINT_TO_POINTER (ADW_IS_PASSWORD_ENTRY_ROW (row) ? VOICED : VOICED_WITH_WORDS));
  g_object_set (widget, "accessible-role", GTK_ACCESSIBLE_ROLE_TEXT_BOX, NULL);
  /* The row's own description, whoever gives it and whenever. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, row, NULL, -1);
  /* A row Redress names (rd_gui_label_entry_row(): "Case title" where it
   * shows "Title") is said by that name; any other by the title it shows. */
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL))
    title = row;
  else
    title = find_title_label (widget);
  if (title != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                    title, NULL, -1);
}

/*
 * Libadwaita makes an entry row a text field itself, named by its title,
 * around the text that takes the focus and is now the text field heard
 * (above). Orca says each container the focus goes into, by its name and
 * role, before the control, so it said the row and then its text, the
 * same words twice ("Where text. The hall selected", again). The row only
 * lays its text out, which Orca leaves out; its name and description
 * still reach its text through the relations above. Done as each row is
 * made, before anything can have used its accessible object.
 */
static void
constructed_entry_row (GObject *object)
{
  entry_row_constructed (object);
  g_object_set (object, "accessible-role", GTK_ACCESSIBLE_ROLE_GENERIC, NULL);
}

/**
 * _rd_gui_a11y_install_entry_texts:
 *
 * Lets the texts of entry rows made heard offer their words, and makes
 * every entry row a container around its text: once, before any is made.
 */
void
_rd_gui_a11y_install_entry_texts (void)
{
  GTypeClass *klass = g_type_class_ref (GTK_TYPE_TEXT);
  GtkEditableInterface *iface = g_type_interface_peek (klass, GTK_TYPE_EDITABLE);
  GObjectClass *row_class = g_type_class_ref (ADW_TYPE_ENTRY_ROW);
  GObjectClass *password_class;

  g_assert (iface->get_delegate != get_voiced_text_delegate);
  text_get_delegate = iface->get_delegate;
  iface->get_delegate = get_voiced_text_delegate;
  g_type_class_unref (klass);

  g_assert (row_class->constructed != constructed_entry_row);
  entry_row_constructed = row_class->constructed;
  row_class->constructed = constructed_entry_row;
  /* A password row made before now copied the row's own; one made from
   * now on inherits this one. */
  password_class = g_type_class_ref (ADW_TYPE_PASSWORD_ENTRY_ROW);
  if (password_class->constructed == entry_row_constructed)
    password_class->constructed = constructed_entry_row;
  g_type_class_unref (password_class);
  g_type_class_unref (row_class);
}
