/* rd-gui-wrapping-bin.c: a bin round wrapped text that GTK 4.8 measures badly.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-gui"

#include "config.h"

#include "rd-gui-wrapping-bin.h"

/* The width a bin laid out by rd_gui_wrapping_bin_layout_new() was last
 * given, or 0 before any */
#define GIVEN_WIDTH "rd-gui-given-width"
/* What to call, outside the layout, once a bin is given another width */
#define WIDTH_CHANGED "rd-gui-width-changed"

static void
wrapping_bin_measure (GtkWidget      *bin,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  int width = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (bin), GIVEN_WIDTH));

  /* Its width whatever the height: asked for its width at one line's
   * height, a wrapped label says "all of it on one line". */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    for_size = -1;
  else if (for_size < 0 && width > 0)
    for_size = width;
  gtk_widget_measure (gtk_widget_get_first_child (bin), orientation, for_size, minimum, natural, NULL, NULL);
}

static gboolean
measure_again_cb (GtkWidget     *bin,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  RdGuiWidthChangedFunc func = g_object_get_data (G_OBJECT (bin), WIDTH_CHANGED);

  if (func != NULL)
    func (bin);
  gtk_widget_queue_resize (bin);
  return G_SOURCE_REMOVE;
}

static void
wrapping_bin_allocate (GtkWidget *bin,
                       int        width,
                       int        height,
                       int        baseline)
{
  gtk_widget_allocate (gtk_widget_get_first_child (bin), width, height, -1, NULL);
  if (width == GPOINTER_TO_INT (g_object_get_data (G_OBJECT (bin), GIVEN_WIDTH)))
    return;
  g_object_set_data (G_OBJECT (bin), GIVEN_WIDTH, GINT_TO_POINTER (width));
  /* Not from inside the allocation: on the next frame */
  gtk_widget_add_tick_callback (bin, measure_again_cb, NULL, NULL);
}

/**
 * rd_gui_wrapping_bin_layout_new:
 *
 * A layout for a bin (an #AdwBin: a GtkBox takes its layout for a
 * GtkBoxLayout) round wrapped text, for a parent of GTK 4.8's that asks
 * its children badly: for their width at a height (a wrapped label then
 * answers with one line's width), or for their height without a width
 * (it then answers with the lines of its natural width, and is cut when
 * given less). The bin answers for its width whatever the height, and for
 * its height at the width it was last given, and asks to be measured
 * again when it is given another.
 *
 * Returns: (transfer full): the layout, for gtk_widget_set_layout_manager()
 */
GtkLayoutManager *
rd_gui_wrapping_bin_layout_new (void)
{
  return gtk_custom_layout_new (NULL, wrapping_bin_measure, wrapping_bin_allocate);
}

/**
 * rd_gui_wrapping_bin_on_width_changed:
 *
 * Calls @func on @bin, a bin laid out by rd_gui_wrapping_bin_layout_new(),
 * each time it has been given another width, on the next frame, where it
 * may change how its parent lays it out.
 */
void
rd_gui_wrapping_bin_on_width_changed (GtkWidget             *bin,
                                      RdGuiWidthChangedFunc  func)
{
  g_return_if_fail (GTK_IS_WIDGET (bin));

  g_object_set_data (G_OBJECT (bin), WIDTH_CHANGED, func);
}
