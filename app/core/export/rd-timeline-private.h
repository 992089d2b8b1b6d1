/* rd-timeline-private.h: the timeline's marks, patterns and words, shared by its drawing files.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "rd-incident.h"

G_BEGIN_DECLS

/* What the legend explains, and the marks drawn for it. */
typedef enum {
  LEGEND_CATEGORY,
  LEGEND_REPORT,
  LEGEND_FROM,
  LEGEND_TO,
  LEGEND_OTHER,
  LEGEND_MET,
  LEGEND_MISSED,
  LEGEND_OPEN,
  LEGEND_WINDOW,
  LEGEND_N_MARKS
} LegendMark;

void             _rd_timeline_set_grey         (cairo_t    *cr,
                                                double      level);
void             _rd_timeline_show_text        (cairo_t    *cr,
                                                const char *text,
                                                double      x,
                                                double      y,
                                                double      max_width,
                                                gboolean    bold,
                                                double      size,
                                                double      align);
void             _rd_timeline_show_wrapped     (cairo_t    *cr,
                                                const char *text,
                                                double      x,
                                                double      y,
                                                double      width);
double           _rd_timeline_text_width       (cairo_t    *cr,
                                                const char *text,
                                                double      size);
cairo_pattern_t *_rd_timeline_category_pattern (RdCategory  category);
void             _rd_timeline_draw_mark        (cairo_t    *cr,
                                                LegendMark  mark,
                                                double      x,
                                                double      y);
void             _rd_timeline_begin_marks      (cairo_t    *cr);
void             _rd_timeline_append_mark      (cairo_t    *cr,
                                                LegendMark  mark,
                                                double      x,
                                                double      y);
void             _rd_timeline_paint_marks      (cairo_t    *cr,
                                                LegendMark  mark);
void             _rd_timeline_fill_window      (cairo_t    *cr,
                                                double      x0,
                                                double      y0,
                                                double      w,
                                                double      h);
void             _rd_timeline_draw_legend      (cairo_t    *cr,
                                                double      x0,
                                                double      y0,
                                                guint       n,
                                                guint       per_row,
                                                double      col_w,
                                                double      row_h);

typedef struct _RdTimelineRuns RdTimelineRuns;

RdTimelineRuns  *_rd_timeline_runs_new         (void);
void             _rd_timeline_runs_free        (RdTimelineRuns *self);
void             _rd_timeline_runs_add         (RdTimelineRuns *self,
                                                cairo_t        *cr,
                                                LegendMark      mark,
                                                double          x,
                                                double          y);
void             _rd_timeline_runs_draw        (RdTimelineRuns *self,
                                                cairo_t        *cr);

/* What rd-timeline-dense.c draws on a row, in the order it draws it. */
typedef enum {
  RD_TIMELINE_DENSE_LATE,    /* the heavy line of a late deadline */
  RD_TIMELINE_DENSE_SPAN,    /* the thin line to the day one was dealt with */
  RD_TIMELINE_DENSE_TICK,    /* the due day */
  RD_TIMELINE_DENSE_OPEN,
  RD_TIMELINE_DENSE_MET,
  RD_TIMELINE_DENSE_MISSED,
  RD_TIMELINE_DENSE_N_LAYERS
} RdTimelineDenseLayer;

typedef struct _RdTimelineDense RdTimelineDense;

RdTimelineDense *_rd_timeline_dense_new        (double                plot_x,
                                                double                col,
                                                guint                 n_weeks);
void             _rd_timeline_dense_free       (RdTimelineDense      *self);
void             _rd_timeline_dense_add        (RdTimelineDense      *self,
                                                double                y,
                                                RdTimelineDenseLayer  layer,
                                                int                   from,
                                                int                   to);
void             _rd_timeline_dense_draw       (RdTimelineDense      *self,
                                                cairo_t              *cr,
                                                double                x0,
                                                double                x1);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdTimelineDense, _rd_timeline_dense_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdTimelineRuns, _rd_timeline_runs_free)

G_END_DECLS
