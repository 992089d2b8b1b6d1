/* rd-timeline-runs.c: the marks of reports and contacts drawn a kind at a time, as one path.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A diary of years has tens of thousands of reports and contacts, each a
 * small mark. Drawn one at a time, each is a fill (and a stroke) of its
 * own, and a PDF page keeps every one of them, with its path, its source
 * and its clip, until the page ends: 18 MB for a diary of 100,000 entries,
 * the peak of the bundle's export. Here the marks of each kind in each
 * lane are gathered while the items are drawn, and drawn after them, a
 * few hundred to a path: a page keeps a path for hundreds of marks.
 *
 * Marks that do not overlap look as they did. Where they overlap: a mark
 * only filled in black (a report, the landlord getting in touch) looks the
 * same over one of its kind; an outlined one (the resident getting in
 * touch, contact with someone else) is white or grey inside and hid the
 * outline of the one before that it covered, so close contacts looked
 * like scales, and now each shows its whole outline, so they read as a
 * chain of rings, one a contact; and kinds in one lane are stacked in a
 * fixed order, the landlord's filled circles under the outlined ones, so
 * that both show (drawn alone, the later mark was on top). Marks two weeks
 * apart overlap where a week is six units wide, as in a diary of years.
 */
#define G_LOG_DOMAIN "rd-timeline"

#include "config.h"

#include "rd-timeline-private.h"

/* Two lanes (reports, contacts) of at most three kinds. */
#define MAX_RUNS 8

typedef struct {
  LegendMark  mark;
  double      y;
  GArray     *xs;   /* double */
} Run;

struct _RdTimelineRuns {
  Run   runs[MAX_RUNS];
  guint n_runs;
};

/**
 * _rd_timeline_runs_new:
 *
 * Returns: (transfer full): no marks yet
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
  for (guint i = 0; i < self->n_runs; i++)
    g_array_unref (self->runs[i].xs);
  g_free (self);
}

/* Marks a path holds: few enough that what cairo works out for one path
 * when the page ends (the outline of its strokes) stays small, many
 * enough that the page keeps few paths. */
#define MARKS_PER_PATH 256

static void
draw_run (Run     *run,
          cairo_t *cr)
{
  for (guint i = 0; i < run->xs->len; i++)
    {
      if (i % MARKS_PER_PATH == 0)
        _rd_timeline_begin_marks (cr);
      _rd_timeline_append_mark (cr, run->mark, g_array_index (run->xs, double, i), run->y);
      if (i % MARKS_PER_PATH == MARKS_PER_PATH - 1 || i == run->xs->len - 1)
        _rd_timeline_paint_marks (cr, run->mark);
    }
  g_array_set_size (run->xs, 0);
}

/**
 * _rd_timeline_runs_add:
 * @mark: LEGEND_REPORT, LEGEND_FROM, LEGEND_TO or LEGEND_OTHER
 *
 * Adds @mark at @x, @y (the middle of its lane), to be drawn by
 * _rd_timeline_runs_draw() on @cr.
 */
void
_rd_timeline_runs_add (RdTimelineRuns *self,
                       cairo_t        *cr,
                       LegendMark      mark,
                       double          x,
                       double          y)
{
  Run *run = NULL;

  g_return_if_fail (mark == LEGEND_REPORT || mark == LEGEND_FROM ||
                    mark == LEGEND_TO || mark == LEGEND_OTHER);

  for (guint i = 0; i < self->n_runs && run == NULL; i++)
    if (self->runs[i].mark == mark && self->runs[i].y == y)
      run = &self->runs[i];
  if (run == NULL && self->n_runs == MAX_RUNS)
    {
      /* Not in this picture; the marks so far are drawn to make room. */
      _rd_timeline_runs_draw (self, cr);
      for (guint i = 0; i < self->n_runs; i++)
        g_array_unref (self->runs[i].xs);
      self->n_runs = 0;
    }
  if (run == NULL)
    {
      run = &self->runs[self->n_runs++];
      run->mark = mark;
      run->y = y;
      run->xs = g_array_new (FALSE, FALSE, sizeof (double));
    }
  g_array_append_val (run->xs, x);
}

/**
 * _rd_timeline_runs_draw:
 *
 * Draws the marks added and not drawn yet on @cr, a kind at a time in the
 * legend's order (reports, the landlord's calls, the resident's, others).
 */
void
_rd_timeline_runs_draw (RdTimelineRuns *self,
                        cairo_t        *cr)
{
  for (LegendMark mark = LEGEND_REPORT; mark <= LEGEND_OTHER; mark++)
    for (guint i = 0; i < self->n_runs; i++)
      if (self->runs[i].mark == mark)
        draw_run (&self->runs[i], cr);
}
