/* rd-timeline-dense.c: the deadlines of a timeline drawn without their names, a layer at a time.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A long case has tens of thousands of deadlines on the few rows its
 * lanes have (rd-timeline.c shares a row past MAX_LANE_ROWS) and all its
 * promises on one. Drawn one by one, each is a tick, a line and a mark:
 * a PDF page keeps every one of those paths until the page ends, 120 MB
 * for a diary of 100,000 entries, most of them the same mark drawn again
 * on the same day of the same row. Everything on these rows sits on a
 * day's middle (or the end of the picture), so it is kept here as which
 * days of which row have a tick, a mark of each kind, or a line going
 * through them, and drawn once, one path per kind: what is drawn grows
 * with the rows and the days the picture has, not with the deadlines.
 *
 * Positions count half days from the picture's first Monday: a day's
 * middle is 2 × days + 1, and the end of the last week 14 × weeks.
 */
#define G_LOG_DOMAIN "rd-timeline"

#include "config.h"

#include "rd-timeline-private.h"

typedef struct {
  double  y;
  guint8 *bits[RD_TIMELINE_DENSE_N_LAYERS];
} DenseRow;

struct _RdTimelineDense {
  double  plot_x;
  double  col;
  guint   n_pos;        /* positions 0 to n_pos - 1 */
  GArray *rows;         /* of DenseRow */
  guint   last_row;
};

/**
 * _rd_timeline_dense_new:
 * @plot_x: where the first week starts
 * @col: how wide a week is
 * @n_weeks: how many weeks the picture has
 *
 * Returns: (transfer full): an empty set of rows to add deadlines to
 */
RdTimelineDense *
_rd_timeline_dense_new (double plot_x,
                        double col,
                        guint  n_weeks)
{
  RdTimelineDense *self = g_new0 (RdTimelineDense, 1);

  self->plot_x = plot_x;
  self->col = col;
  self->n_pos = 14 * MAX (n_weeks, 1) + 1;
  self->rows = g_array_new (FALSE, TRUE, sizeof (DenseRow));
  return self;
}

void
_rd_timeline_dense_free (RdTimelineDense *self)
{
  if (self == NULL)
    return;
  for (guint r = 0; r < self->rows->len; r++)
    {
      DenseRow *row = &g_array_index (self->rows, DenseRow, r);

      for (guint l = 0; l < RD_TIMELINE_DENSE_N_LAYERS; l++)
        g_free (row->bits[l]);
    }
  g_array_unref (self->rows);
  g_free (self);
}

/* The row drawn at @y; items come in date order, so mostly the last one
 * asked for, or one of the few others. */
static DenseRow *
find_row (RdTimelineDense *self,
          double           y)
{
  DenseRow row = { y, { NULL } };

  if (self->last_row < self->rows->len &&
      g_array_index (self->rows, DenseRow, self->last_row).y == y)
    return &g_array_index (self->rows, DenseRow, self->last_row);
  for (guint r = 0; r < self->rows->len; r++)
    if (g_array_index (self->rows, DenseRow, r).y == y)
      {
        self->last_row = r;
        return &g_array_index (self->rows, DenseRow, r);
      }
  for (guint l = 0; l < RD_TIMELINE_DENSE_N_LAYERS; l++)
    row.bits[l] = g_new0 (guint8, (self->n_pos + 7) / 8);
  g_array_append_val (self->rows, row);
  self->last_row = self->rows->len - 1;
  return &g_array_index (self->rows, DenseRow, self->last_row);
}

static inline gboolean
bit_get (const guint8 *bits,
         guint         pos)
{
  return (bits[pos / 8] >> (pos % 8)) & 1;
}

static inline void
bit_set (guint8 *bits,
         guint   pos)
{
  bits[pos / 8] |= 1 << (pos % 8);
}

static guint
clamp_pos (const RdTimelineDense *self,
           int                    pos)
{
  return (guint) CLAMP (pos, 0, (int) self->n_pos - 1);
}

/**
 * _rd_timeline_dense_add:
 * @y: the middle of the row
 * @layer: what is drawn
 * @from: the position of a mark or tick, or where a line starts
 * @to: where a line ends (ignored for a mark or tick)
 *
 * Adds a mark, a tick or a line to the row at @y. A line is kept as the
 * half days it goes through, so that lines on one row overlapping are
 * drawn as one.
 */
void
_rd_timeline_dense_add (RdTimelineDense      *self,
                        double                y,
                        RdTimelineDenseLayer  layer,
                        int                   from,
                        int                   to)
{
  DenseRow *row;
  guint a = clamp_pos (self, from);

  g_return_if_fail (layer < RD_TIMELINE_DENSE_N_LAYERS);

  row = find_row (self, y);
  if (layer == RD_TIMELINE_DENSE_LATE || layer == RD_TIMELINE_DENSE_SPAN)
    {
      guint b = clamp_pos (self, to);

      /* Bit p: the half day from position p to p + 1. */
      for (guint p = MIN (a, b); p < MAX (a, b); p++)
        bit_set (row->bits[layer], p);
    }
  else
    bit_set (row->bits[layer], a);
}

static double
x_of_pos (const RdTimelineDense *self,
          guint                  pos)
{
  return self->plot_x + pos * self->col / 14.0;
}

/* Every run of half days a line of @layer goes through, as one segment
 * each, in one path. */
static void
draw_lines (RdTimelineDense      *self,
            cairo_t              *cr,
            RdTimelineDenseLayer  layer,
            double                width,
            double                x0,
            double                x1)
{
  cairo_new_path (cr);
  for (guint r = 0; r < self->rows->len; r++)
    {
      const DenseRow *row = &g_array_index (self->rows, DenseRow, r);
      guint p = 0;

      while (p < self->n_pos)
        {
          guint start = p;

          if (!bit_get (row->bits[layer], p++))
            continue;
          while (p < self->n_pos && bit_get (row->bits[layer], p))
            p++;
          if (x_of_pos (self, p) < x0 || x_of_pos (self, start) > x1)
            continue;
          cairo_move_to (cr, x_of_pos (self, start), row->y);
          cairo_line_to (cr, x_of_pos (self, p), row->y);
        }
    }
  _rd_timeline_set_grey (cr, 0.0);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

/* Each tick or mark of @layer, skipping those wholly outside @x0 to @x1:
 * ticks, squares and crosses, all black, in one path; an open deadline's
 * white square one at a time, so that each still covers what is under
 * it, as it did when drawn alone. */
static void
draw_marks (RdTimelineDense      *self,
            cairo_t              *cr,
            RdTimelineDenseLayer  layer,
            double                x0,
            double                x1)
{
  cairo_new_path (cr);
  for (guint r = 0; r < self->rows->len; r++)
    {
      const DenseRow *row = &g_array_index (self->rows, DenseRow, r);

      for (guint p = 0; p < self->n_pos; p++)
        {
          double x = x_of_pos (self, p);

          if (!bit_get (row->bits[layer], p) || x + 12 < x0 || x - 12 > x1)
            continue;
          switch (layer)
            {
            case RD_TIMELINE_DENSE_TICK:
              cairo_move_to (cr, x, row->y - 9);
              cairo_line_to (cr, x, row->y + 9);
              break;
            case RD_TIMELINE_DENSE_OPEN:
              _rd_timeline_draw_mark (cr, LEGEND_OPEN, x, row->y);
              break;
            case RD_TIMELINE_DENSE_MET:
              _rd_timeline_append_mark (cr, LEGEND_MET, x, row->y);
              break;
            case RD_TIMELINE_DENSE_MISSED:
              _rd_timeline_append_mark (cr, LEGEND_MISSED, x, row->y);
              break;
            case RD_TIMELINE_DENSE_LATE:
            case RD_TIMELINE_DENSE_SPAN:
            case RD_TIMELINE_DENSE_N_LAYERS:
            default:
              g_assert_not_reached ();
            }
        }
    }
  _rd_timeline_set_grey (cr, 0.0);
  if (layer == RD_TIMELINE_DENSE_TICK)
    {
      cairo_set_line_width (cr, 2.0);
      cairo_stroke (cr);
    }
  else if (layer != RD_TIMELINE_DENSE_OPEN)
    _rd_timeline_paint_marks (cr, layer == RD_TIMELINE_DENSE_MET ? LEGEND_MET : LEGEND_MISSED);
}

/**
 * _rd_timeline_dense_draw:
 * @x0: the left of what @cr draws into, in its own units
 * @x1: its right
 *
 * Draws what was added, in layers: the lines of late deadlines, then the
 * lines of those dealt with, the due days' ticks, open deadlines, met
 * ones, and missed ones on top, so that a missed deadline always shows.
 */
void
_rd_timeline_dense_draw (RdTimelineDense *self,
                         cairo_t         *cr,
                         double           x0,
                         double           x1)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  if (self->rows->len == 0)
    return;
  cairo_save (cr);
  draw_lines (self, cr, RD_TIMELINE_DENSE_LATE, 4.0, x0, x1);
  draw_lines (self, cr, RD_TIMELINE_DENSE_SPAN, 1.0, x0, x1);
  draw_marks (self, cr, RD_TIMELINE_DENSE_TICK, x0, x1);
  draw_marks (self, cr, RD_TIMELINE_DENSE_OPEN, x0, x1);
  draw_marks (self, cr, RD_TIMELINE_DENSE_MET, x0, x1);
  draw_marks (self, cr, RD_TIMELINE_DENSE_MISSED, x0, x1);
  cairo_restore (cr);
}
