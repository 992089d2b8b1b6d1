/* rd-gui-window-title.c: a header's title shown whole, its buttons at their own height.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-gui"

#include "config.h"

#include "rd-gui-window-title.h"
#include "rd-gui-util.h"

/* Wider than this, a title breaks onto a second line even when the header
 * has room: a line much longer is hard to read at a glance. */
#define TITLE_MAX_WIDTH_CHARS 40

static void
wrap_labels (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      GtkLabel *label = GTK_LABEL (widget);

      rd_gui_label_wrap_whole (label);
      gtk_label_set_justify (label, GTK_JUSTIFY_CENTER);
      if (gtk_label_get_max_width_chars (label) < 0)
        gtk_label_set_max_width_chars (label, TITLE_MAX_WIDTH_CHARS);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    wrap_labels (child);
}

/* A header lays out its title for the header's height: GTK's centre box
 * asks the title how wide it must be at that height, and a wrapped label
 * answers with the narrowest width whose lines fit it. Two lines of a
 * title fit a 47-pixel header, so "Redress Help" was given 54 of the 360
 * pixels beside it and broken in two. The title's width is asked without
 * a height here, as for any widget whose height follows its width: it
 * is one line where there is room, and wraps only where there is not. */
static void
measure_title (GtkWidget      *widget,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural,
               int            *minimum_baseline,
               int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *minimum = *natural = 0;
  if (child == NULL || !gtk_widget_should_layout (child))
    return;
  gtk_widget_measure (child, orientation, orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
allocate_title (GtkWidget *widget,
                int        width,
                int        height,
                int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static GtkSizeRequestMode
title_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/**
 * rd_gui_wrap_window_title:
 *
 * Makes @title show its title and subtitle whole, breaking them between
 * words onto as many centred lines as the header needs, where libadwaita
 * 1.2 keeps each on one line and cuts it short with "…" ("Step 3 of 5:
 * What Has Gone W…" at 360 pixels, or with large text). The window keeps
 * the title it takes from its header (rd-gui-a11y.c): only how the
 * labels lay their text out changes, and how wide @title asks to be
 * (its lines' own width, whatever the header's height).
 */
void
rd_gui_wrap_window_title (AdwWindowTitle *title)
{
  g_return_if_fail (ADW_IS_WINDOW_TITLE (title));

  if (g_object_get_data (G_OBJECT (title), "rd-wrapped") != NULL)
    return;
  g_object_set_data (G_OBJECT (title), "rd-wrapped", GINT_TO_POINTER (TRUE));
  wrap_labels (GTK_WIDGET (title));
  /* In place of libadwaita's bin layout, which passes the height on */
  gtk_widget_set_layout_manager (GTK_WIDGET (title),
                                 gtk_custom_layout_new (title_request_mode, measure_title, allocate_title));
}

/* Whether @widget is the label a header bar makes of its window's title
 * when it is given no title widget (a window made in code, the
 * complaint's "Diary Entries This Complaint Is About"): libadwaita 1.2
 * cuts it short with "…" as it does an #AdwWindowTitle. */
static gboolean
is_header_own_title (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return GTK_IS_LABEL (widget) && GTK_IS_CENTER_BOX (parent)
         && gtk_center_box_get_center_widget (GTK_CENTER_BOX (parent)) == widget
         && (gtk_widget_get_ancestor (parent, ADW_TYPE_HEADER_BAR) != NULL
             || gtk_widget_get_ancestor (parent, GTK_TYPE_HEADER_BAR) != NULL);
}

/* How deep under a header bar its start and end boxes are: AdwHeaderBar
 * 1.2 keeps each in a bin of the centre box of its window handle. */
#define HEADER_BOX_DEPTH 4

/* Whether @widget is the box at either end of a header bar, where its
 * buttons are packed (not a box in its title widget) */
static gboolean
is_header_end_box (GtkWidget *widget)
{
  GtkWidget *header;
  GtkWidget *title;

  if (!GTK_IS_BOX (widget)
      || !(gtk_widget_has_css_class (widget, "start") || gtk_widget_has_css_class (widget, "end")))
    return FALSE;
  if ((header = gtk_widget_get_ancestor (widget, ADW_TYPE_HEADER_BAR)) != NULL)
    title = adw_header_bar_get_title_widget (ADW_HEADER_BAR (header));
  else if ((header = gtk_widget_get_ancestor (widget, GTK_TYPE_HEADER_BAR)) != NULL)
    title = gtk_header_bar_get_title_widget (GTK_HEADER_BAR (header));
  else
    return FALSE;
  return title == NULL || !gtk_widget_is_ancestor (widget, title);
}

/* GTK gives each child of a box the box's whole height, and a header's
 * boxes take the header's: a button beside a title wrapped onto several
 * lines, or beside a taller neighbour (the case's title at twice the
 * text size), was drawn as tall as they are. A child whose valign was
 * chosen is left as it is. */
static void
centre_in_header (GtkWidget *child)
{
  if (gtk_widget_get_valign (child) == GTK_ALIGN_FILL)
    gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
}

static void
centre_header_boxes (GtkWidget *widget,
                     int        depth)
{
  if (is_header_end_box (widget))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        centre_in_header (child);
      return;
    }
  if (depth == HEADER_BOX_DEPTH || ADW_IS_WINDOW_TITLE (widget))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    centre_header_boxes (child, depth + 1);
}

/**
 * rd_gui_centre_header_buttons:
 * @header_bar: an #AdwHeaderBar or a #GtkHeaderBar
 *
 * Keeps each button at either end of @header_bar (Cancel, Save, Back,
 * Close, a menu, the window's own) at its own height, centred, however
 * tall the header grows, as GNOME's applications show them.
 */
void
rd_gui_centre_header_buttons (GtkWidget *header_bar)
{
  g_return_if_fail (ADW_IS_HEADER_BAR (header_bar) || GTK_IS_HEADER_BAR (header_bar));

  centre_header_boxes (header_bar, 0);
}

static gboolean
on_widget_map_hook_cb (GSignalInvocationHint *hint,
                       guint                  n_params,
                       const GValue          *params,
                       gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&params[0]);
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (ADW_IS_WINDOW_TITLE (widget))
    rd_gui_wrap_window_title (ADW_WINDOW_TITLE (widget));
  else if (is_header_own_title (widget))
    {
      wrap_labels (widget);
      /* The label is the centre box's own child, so it cannot be laid
       * out as measure_title() lays out a title widget: its natural width
       * is one line instead, also at a given height. It is then no longer
       * held to TITLE_MAX_WIDTH_CHARS where the header has room. */
      gtk_label_set_natural_wrap_mode (GTK_LABEL (widget), GTK_NATURAL_WRAP_NONE);
    }
  else if (parent != NULL && is_header_end_box (parent))
    centre_in_header (widget);
  return TRUE;
}

static gsize titles_installed;

/**
 * rd_gui_install_whole_headers:
 *
 * From now on, every header's title (an #AdwWindowTitle, in a dialog, a
 * page or a window made later, or the label a header bar makes of its
 * window's title) is wrapped as rd_gui_wrap_window_title() does as it
 * maps, and every button at either end of a header bar is centred
 * at its own height as rd_gui_centre_header_buttons() does, as it maps
 * there: with its header, or when it is packed into a header shown
 * already. That is before GTK first lays it out, never while it realizes
 * or draws it.
 */
void
rd_gui_install_whole_headers (void)
{
  if (g_once_init_enter (&titles_installed))
    {
      rd_gui_add_map_hook (on_widget_map_hook_cb);
      g_once_init_leave (&titles_installed, 1);
    }
}
