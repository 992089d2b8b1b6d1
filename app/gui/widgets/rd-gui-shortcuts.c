/* rd-gui-shortcuts.c: GTK's keyboard shortcuts window, as narrow as a phone's screen,
 * each heading said once.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-gui"

#include "config.h"

#include "rd-gui-shortcuts.h"
#include "rd-gui-util.h"
#include "rd-gui-wrapping-bin.h"

/* The narrowest the search box asks to be, in characters: GTK asks for
 * 40, 422 pixels. */
#define SEARCH_WIDTH_CHARS 12

/*
 * A shortcut's words (its title, and a subtitle when it has one) are a
 * box beside its keys. GTK 4.8 lays them out badly once they wrap, in two
 * ways. The box is in a size group that gives every shortcut of a column
 * the width of the widest, and GTK asks the group for its width at the
 * height of a row: a wrapped label answers with the width its text needs
 * on as few lines as fit that height, one line for a row one line high,
 * so the longest shortcut of a column was laid out on one line in every
 * row (319 pixels beside keys of 174, in a row of 288) and drawn past the
 * window's edge. And a GtkShortcutsShortcut asks for its height without
 * its width, so a row stayed one line high while its words took three.
 * The bin round the box is laid out by rd_gui_wrapping_bin_layout_new(),
 * as the drop-downs' choices are (rd-gui-choice.c).
 */

/*
 * At 360 pixels the words beside the widest keys of a section ("Ctrl +
 * Shift + R", which the keys of every shortcut of its column are as wide
 * as) took three or four lines of a few words each. Where the words of a
 * shortcut would take more than two lines beside its keys, and fewer
 * under them, every shortcut of its group shows its keys above its words,
 * which take the row's width; a group of mixed rows read as ragged.
 */

/* The space between the keys and the words under them: GTK's 12 pixels
 * beside them read as a gap between two shortcuts. */
#define KEYS_OVER_WORDS_SPACING 4
/* On a shortcut's row (the box of its keys and words): GTK's space
 * between its keys and its words */
#define BESIDE_SPACING "rd-gui-beside-spacing"
/* On a shortcut's row: the bin round its words */
#define WORDS_BIN "rd-gui-words-bin"

/* Whether the words of the shortcut whose row is @row would take more
 * than two lines beside its keys, at the row's width now, and fewer under
 * them. The keys are its shortcut label, or the image shown for a
 * gesture in its place; both are as wide as the widest of the column. */
static gboolean
wraps_beside_keys (GtkWidget *row)
{
  GtkWidget *words_bin = g_object_get_data (G_OBJECT (row), WORDS_BIN);
  GtkWidget *words = adw_bin_get_child (ADW_BIN (words_bin));
  GtkWidget *keys = NULL;
  int width = gtk_widget_get_width (row);
  int spacing = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), BESIDE_SPACING));
  int keys_width, one_line, beside, under;

  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL && keys == NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != words_bin && gtk_widget_get_visible (child))
      keys = child;
  /* Not laid out yet, or hidden (a shortcut for the other text direction) */
  if (keys == NULL || words == NULL || width <= 0 || !gtk_widget_get_mapped (row))
    return FALSE;
  gtk_widget_measure (keys, GTK_ORIENTATION_HORIZONTAL, -1, &keys_width, NULL, NULL, NULL);
  gtk_widget_measure (words, GTK_ORIENTATION_VERTICAL, -1, NULL, &one_line, NULL, NULL);
  gtk_widget_measure (words, GTK_ORIENTATION_VERTICAL, MAX (1, width - keys_width - spacing), &beside, NULL,
                      NULL, NULL);
  gtk_widget_measure (words, GTK_ORIENTATION_VERTICAL, width, &under, NULL, NULL, NULL);
  return beside > 2 * one_line && under < beside;
}

static void
set_keys_over_words (GtkWidget *row,
                     gboolean   over)
{
  int spacing = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), BESIDE_SPACING));

  if (over == (gtk_orientable_get_orientation (GTK_ORIENTABLE (row)) == GTK_ORIENTATION_VERTICAL))
    return;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (row),
                                  over ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_spacing (GTK_BOX (row), over ? KEYS_OVER_WORDS_SPACING : spacing);
}

/* Appends to @rows the row of each shortcut under @widget */
static void
collect_shortcut_rows (GtkWidget *widget,
                       GPtrArray *rows)
{
  if (g_object_get_data (G_OBJECT (widget), WORDS_BIN) != NULL)
    {
      g_ptr_array_add (rows, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcut_rows (child, rows);
}

/* Puts the keys of each shortcut of the group of the one whose words
 * @words_bin holds beside their words or over them, as said above, for
 * the width of their rows now; a shortcut in no group (one the search
 * found) on its own. */
static void
place_words (GtkWidget *words_bin)
{
  GtkWidget *row = gtk_widget_get_parent (words_bin);
  GtkWidget *group = gtk_widget_get_ancestor (row, GTK_TYPE_SHORTCUTS_GROUP);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  gboolean over = FALSE;

  if (group != NULL)
    collect_shortcut_rows (group, rows);
  else
    g_ptr_array_add (rows, row);
  for (guint i = 0; i < rows->len && !over; i++)
    over = wraps_beside_keys (g_ptr_array_index (rows, i));
  for (guint i = 0; i < rows->len; i++)
    set_keys_over_words (g_ptr_array_index (rows, i), over);
}

/* Whether @widget is the box of a shortcut's words: a box in the box a
 * GtkShortcutsShortcut holds, beside its keys */
static gboolean
is_shortcut_words (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return GTK_IS_BOX (widget) && parent != NULL && GTK_IS_BOX (parent)
         && GTK_IS_SHORTCUTS_SHORTCUT (gtk_widget_get_parent (parent));
}

/* Puts the box of a shortcut's words in a bin laid out as above, in its
 * place. The box keeps its own layout: GtkBox takes its layout for a
 * GtkBoxLayout (when the text direction changes, for one). */
static void
hold_words (GtkWidget *words)
{
  GtkWidget *row = gtk_widget_get_parent (words);
  GtkWidget *bin = adw_bin_new ();

  gtk_widget_set_layout_manager (bin, rd_gui_wrapping_bin_layout_new ());
  rd_gui_wrapping_bin_on_width_changed (bin, place_words);
  g_object_set_data (G_OBJECT (row), BESIDE_SPACING, GINT_TO_POINTER (gtk_box_get_spacing (GTK_BOX (row))));
  g_object_set_data (G_OBJECT (row), WORDS_BIN, bin);
  gtk_widget_set_hexpand (bin, TRUE);
  g_object_ref (words);
  gtk_box_insert_child_after (GTK_BOX (row), bin, words);
  gtk_box_remove (GTK_BOX (row), words);
  adw_bin_set_child (ADW_BIN (bin), words);
  g_object_unref (words);
}

static void
narrow_widgets (GtkWidget *widget)
{
  GtkWidget *next;

  if (GTK_IS_SHORTCUT_LABEL (widget))
    return;
  if (GTK_IS_LABEL (widget) && (gtk_widget_get_ancestor (widget, GTK_TYPE_SHORTCUTS_GROUP) != NULL
                                || gtk_widget_get_ancestor (widget, GTK_TYPE_SHORTCUTS_SHORTCUT) != NULL))
    {
      rd_gui_label_wrap_whole (GTK_LABEL (widget));
      return;
    }
  if (GTK_IS_SEARCH_ENTRY (widget))
    gtk_editable_set_width_chars (GTK_EDITABLE (widget), SEARCH_WIDTH_CHARS);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = next)
    {
      next = gtk_widget_get_next_sibling (child);
      if (is_shortcut_words (child))
        hold_words (child);
      narrow_widgets (child);
    }
}

/**
 * rd_gui_narrow_shortcuts_window:
 *
 * Lets @window be as narrow as a phone's screen, 360 pixels, where GTK
 * keeps each shortcut's words on one line and made Redress's 850 pixels
 * wide at least: the words of each shortcut and each group's title wrap
 * between words, on the sections' pages and in the search's list, each
 * row as high as its words, and the search box asks for less room. The
 * keys themselves (#GtkShortcutLabel) stay on their line. Call it once
 * the window is built, before it is shown.
 */
void
rd_gui_narrow_shortcuts_window (GtkShortcutsWindow *window)
{
  g_return_if_fail (GTK_IS_SHORTCUTS_WINDOW (window));

  narrow_widgets (GTK_WIDGET (window));
}

/* Hides the title of each group under @widget that says again the title
 * of the section it is in, @heading (NULL outside any section). A
 * GtkShortcutsGroup shows its title in its first child, a label. */
static void
untitle_groups (GtkWidget  *widget,
                const char *heading)
{
  g_autofree char *title = NULL;

  if (GTK_IS_SHORTCUTS_SECTION (widget) || GTK_IS_SHORTCUTS_GROUP (widget))
    g_object_get (widget, "title", &title, NULL);
  if (GTK_IS_SHORTCUTS_SECTION (widget))
    heading = title;
  else if (GTK_IS_SHORTCUTS_GROUP (widget))
    {
      GtkWidget *label = gtk_widget_get_first_child (widget);

      if (heading != NULL && GTK_IS_LABEL (label) && g_strcmp0 (title, heading) == 0)
        gtk_widget_set_visible (label, FALSE);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    untitle_groups (child, heading);
}

/**
 * rd_gui_say_shortcuts_headings_once:
 *
 * Hides the title of each group of @window whose title is its section's:
 * the section's title heads the window ("Diary"), and the group's title
 * said it again under it, to a reader and to a screen reader. A group
 * whose title says more ("Moving Around" in "Pages and Windows") keeps
 * it. Call it once the window is built, before it is shown.
 */
void
rd_gui_say_shortcuts_headings_once (GtkShortcutsWindow *window)
{
  g_return_if_fail (GTK_IS_SHORTCUTS_WINDOW (window));

  untitle_groups (GTK_WIDGET (window), NULL);
}
