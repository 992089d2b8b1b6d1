/* rd-timeline-runs.c: the marks of reports and contacts drawn a run at a time, as one path.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A diary of years has tens of thousands of reports and contacts, each a
 * small mark. Drawn one at a time, each is a fill (and a stroke) of its
 * own, and a PDF page keeps every one of them, with its path, its source
 * and its clip, until the page ends: 18 MB for a diary of 100,000 entries,
 * the peak of the bundle's export. Here the marks of a lane are gathered
 * while they are drawn the same way, and drawn together as one path.
 *
 * What is seen stays the same. A mark that is only filled in black (a
 * report, the landlord getting in touch) looks the same whether marks
 * that overlap it are filled with it or after it. An outlined mark (the
 * resident getting in touch, contact with someone else) is white or grey
 * inside, so one drawn later hides the outline of one it covers: a run
 * of those ends where the next mark would cover the last one, and a run
 * ends when another kind of mark comes in its lane. Lanes do not overlap,
 * so runs of different lanes may be drawn in any order.
 */
#define G_LOG_DOMAIN "rd-timeline"

#include "config.h"

#include <math.h>

#include "rd-timeline-private.h"

/* The widest mark with its outline (12 units, a 1.5 line), and a little
 * more: marks closer than this may overlap. */
#define MARK_REACH 14.0
#define MAX_LANES 4

typedef struct {
  LegendMark  mark;
  double      y;
  GArray     *xs;   /* double, in the order they came */
} Run;

struct _RdTimelineRuns {
  Run   lanes[MAX_LANES];
  guint n_lanes;
};

/**
 * _rd_timeline_runs_new:
 *
 * Returns: (transfer full): an empty set of runs, one per lane of marks
 */
RdTimelineRuns *
_rd_timeline_runs_new (void)
{
  return g_new0 (RdTimelineRuns, 1);
}

void
_rd_timeline_runs_free (RdTimelineRuns *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->n_lanes; i++)
    g_array_unref (self->lanes[i].xs);
  g_free (self);
}

static gboolean
is_filled_only (LegendMark mark)
{
  return mark == LEGEND_REPORT || mark == LEGEND_FROM;
}

static void
draw_run (Run     *run,
          cairo_t *cr)
{
  if (run->xs->len == 0)
    return;
  _rd_timeline_begin_marks (cr);
  for (guint i = 0; i < run->xs->len; i++)
    _rd_timeline_append_mark (cr, run->mark, g_array_index (run->xs, double, i), run->y);
  _rd_timeline_paint_marks (cr, run->mark);
  g_array_set_size (run->xs, 0);
}

static Run *
find_lane (RdTimelineRuns *self,
           cairo_t        *cr,
           double          y)
{
  Run *run;

  for (guint i = 0; i < self->n_lanes; i++)
    if (self->lanes[i].y == y)
      return &self->lanes[i];
  if (self->n_lanes == MAX_LANES)
    {
      /* Not in this picture, which has two lanes of marks; a lane's run
       * is drawn before its place is taken. */
      run = &self->lanes[0];
      draw_run (run, cr);
    }
  else
    {
      run = &self->lanes[self->n_lanes++];
      run->xs = g_array_new (FALSE, FALSE, sizeof (double));
    }
  run->y = y;
  return run;
}

/**
 * _rd_timeline_runs_add:
 * @mark: LEGEND_REPORT, LEGEND_FROM, LEGEND_TO or LEGEND_OTHER
 *
 * Adds @mark at @x, @y (the middle of its lane), after every mark added
 * before it: in a lane, marks come in date order. What can no longer be
 * drawn in the same path as it is drawn first, on @cr.
 */
void
_rd_timeline_runs_add (RdTimelineRuns *self,
                       cairo_t        *cr,
                       LegendMark      mark,
                       double          x,
                       double          y)
{
  Run *run = find_lane (self, cr, y);

  g_return_if_fail (mark == LEGEND_REPORT || mark == LEGEND_FROM ||
                    mark == LEGEND_TO || mark == LEGEND_OTHER);

  if (run->xs->len > 0 &&
      (run->mark != mark ||
       (!is_filled_only (mark) &&
        fabs (x - g_array_index (run->xs, double, run->xs->len - 1)) < MARK_REACH)))
    draw_run (run, cr);
  run->mark = mark;
  g_array_append_val (run->xs, x);
}

/**
 * _rd_timeline_runs_draw:
 *
 * Draws every mark added and not drawn yet, on @cr.
 */
void
_rd_timeline_runs_draw (RdTimelineRuns *self,
                        cairo_t        *cr)
{
  for (guint i = 0; i < self->n_lanes; i++)
    draw_run (&self->lanes[i], cr);
}
