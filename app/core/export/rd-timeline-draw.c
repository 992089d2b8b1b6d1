/* rd-timeline-draw.c: a case's timeline drawn with cairo, for the window, the CLI and the bundle.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Time runs across in weeks (ISO 8601, Monday to Sunday), one column
 * each; lanes run down: incidents per week stacked by category, reports
 * to the landlord, contacts, promises (where there are any), one row per
 * complaint deadline, one row per repair and step of Awaab's Law (where
 * there are any), and the Ombudsman's window; a lane with more deadlines
 * than rd-timeline.c's MAX_LANE_ROWS has them share rows, unnamed. Drawn into a mirrored
 * context (x scaled by -1, for a right-to-left language) time runs right
 * to left and the words still read: see _rd_timeline_show_text(). Everything must read when printed in grey or seen
 * without colour: categories are told apart by patterns, deadlines by
 * the shape of their mark (a filled square met, a cross missed, an
 * outline still open), and a legend names each of them. The numbers
 * live in the list beside it (rd_timeline_item_dup_text()); the picture
 * shows the shape of the case.
 *
 * Sizes are in units of 1/96 inch (pixels of a PNG, user units of an
 * SVG). A year fits about 1,100 units of weeks; longer cases get narrower
 * weeks down to a floor, and only then a wider picture.
 */
#define G_LOG_DOMAIN "rd-timeline"

#include "config.h"

#include "rd-gettext.h"
#include <math.h>
#include <pango/pangocairo.h>

#include "rd-datetime.h"
#include "rd-timeline-draw.h"
#include "rd-timeline-private.h"

#define MARGIN        24.0
#define LABEL_W      196.0
#define TITLE_H       64.0
#define INCIDENTS_H  132.0
#define MARK_LANE_H   34.0
#define ROW_H         26.0
#define LANE_GAP      10.0
#define AXIS_H        58.0
#define LEGEND_COL_W 236.0
#define LEGEND_ROW_H  22.0
#define WEEKS_SPAN  1100.0
#define MIN_COL        6.0
#define MAX_COL       28.0

typedef struct {
  RdTimeline *timeline;
  double      width, height;
  double      plot_x, plot_w, col;
  guint       n_weeks;
  guint       max_total;
  double      y_incidents, y_reports, y_contacts, y_promises, y_complaint, y_repairs, y_referral;
  double      y_axis, y_legend;
  double      promises_h, repairs_h;  /* 0 when the case has none */
  guint       n_stage_rows, n_repair_rows, n_referral_rows;
  guint       legend_per_row;
  guint       n_legend;
  double      clip_x0, clip_y0, clip_x1, clip_y1;  /* what the context draws into */
  RdTimelineDense *dense;  /* deadlines drawn without their names, while items are drawn */
  RdTimelineRuns  *runs;   /* marks of reports and contacts, while items are drawn */
  cairo_pattern_t *patterns[RD_CATEGORY_N_CATEGORIES];  /* one each, for every week's bars */
} Layout;

static guint
legend_count (void)
{
  return RD_CATEGORY_N_CATEGORIES + LEGEND_N_MARKS - 1;
}

/* Lays the picture out from what the timeline counted when it was made
 * (rd_timeline_count_kind(), each deadline's row): the same in constant
 * time however long the diary, so finding where one item is drawn does
 * not go through all of them. */
static void
layout_init (Layout     *l,
             RdTimeline *timeline)
{
  guint stage_rows = rd_timeline_count_rows (timeline, RD_TIMELINE_STAGE);
  guint referral_rows = rd_timeline_count_rows (timeline, RD_TIMELINE_REFERRAL);
  guint repair_rows = rd_timeline_count_rows (timeline, RD_TIMELINE_REPAIR);
  guint promises = rd_timeline_count_kind (timeline, RD_TIMELINE_PROMISE);
  double y;

  l->timeline = timeline;
  l->n_weeks = (g_date_days_between (rd_timeline_get_first (timeline),
                                     rd_timeline_get_last (timeline)) + 1) / 7;
  l->n_weeks = MAX (l->n_weeks, 1);
  l->col = CLAMP (floor (WEEKS_SPAN / l->n_weeks), MIN_COL, MAX_COL);
  l->plot_x = MARGIN + LABEL_W;
  l->plot_w = l->col * l->n_weeks;
  l->width = ceil (l->plot_x + l->plot_w + MARGIN);
  /* Room for a deadline's words after its last mark. */
  l->width = MAX (l->width, ceil (l->plot_x + 2 * LEGEND_COL_W + MARGIN));

  l->max_total = rd_timeline_get_max_week_total (timeline);
  l->n_stage_rows = MAX (stage_rows, 1);
  l->n_referral_rows = MAX (referral_rows, 1);
  /* Lanes a case may never need are left out rather than drawn empty. */
  l->n_repair_rows = repair_rows;
  l->repairs_h = repair_rows > 0 ? repair_rows * ROW_H + LANE_GAP : 0;
  l->promises_h = promises > 0 ? MARK_LANE_H + LANE_GAP : 0;

  y = MARGIN + TITLE_H;
  l->y_incidents = y;
  y += INCIDENTS_H + LANE_GAP;
  l->y_reports = y;
  y += MARK_LANE_H + LANE_GAP;
  l->y_contacts = y;
  y += MARK_LANE_H + LANE_GAP;
  l->y_promises = y;
  y += l->promises_h;
  l->y_complaint = y;
  y += l->n_stage_rows * ROW_H + LANE_GAP;
  l->y_repairs = y;
  y += l->repairs_h;
  l->y_referral = y;
  y += l->n_referral_rows * ROW_H;
  l->y_axis = y;
  y += AXIS_H;
  l->y_legend = y;
  l->n_legend = legend_count ();
  l->legend_per_row = MAX (1, (guint) ((l->width - 2 * MARGIN) / LEGEND_COL_W));
  y += ceil ((double) l->n_legend / l->legend_per_row) * LEGEND_ROW_H;
  l->height = ceil (y + MARGIN);
  l->clip_x0 = l->clip_y0 = 0;
  l->clip_x1 = l->width;
  l->clip_y1 = l->height;
}

/* Whether the area at @x, @y of @w × @h, grown by @margin on each side,
 * falls in what @l draws into. The window draws the picture a strip at a
 * time, and a long diary has tens of thousands of marks, most of them in
 * other strips; a whole picture (a file) has every one of them drawn. */
static gboolean
is_shown (const Layout *l,
          double        x,
          double        y,
          double        w,
          double        h,
          double        margin)
{
  return x + w + margin >= l->clip_x0 && x - margin <= l->clip_x1 &&
         y + h + margin >= l->clip_y0 && y - margin <= l->clip_y1;
}

/* The middle of @date's day. */
static double
x_of (const Layout *l,
      const GDate  *date)
{
  double days = g_date_days_between (rd_timeline_get_first (l->timeline), date);

  return l->plot_x + (days + 0.5) * l->col / 7.0;
}

static void
draw_title (const Layout *l,
            cairo_t      *cr)
{
  g_autofree char *from = rd_date_format_long (rd_timeline_get_first (l->timeline));
  g_autofree char *until = rd_date_format_long (rd_timeline_get_last (l->timeline));
  g_autofree char *period = NULL;

  _rd_timeline_set_grey (cr, 0.0);
  _rd_timeline_show_text (cr, _("Timeline of the case"), MARGIN, MARGIN + 12, l->width - 2 * MARGIN, TRUE, 18,
             0);
  /* Translators: a period of time, "From Monday 4 March 2024 until
   * Tuesday 4 March 2025" */
  period = g_strdup_printf (_("From %1$s until %2$s"), from, until);
  _rd_timeline_show_text (cr, period, MARGIN, MARGIN + 38, l->width - 2 * MARGIN, FALSE, 12, 0);
}

static void
draw_lanes (const Layout *l,
            cairo_t      *cr)
{
  /* has_rows: rows of deadlines carry their own names, so the lane's
   * goes above them. */
  struct { const char *name; double y, h; gboolean has_rows; } lanes[] = {
    { _("Incidents per week"), l->y_incidents, INCIDENTS_H, FALSE },
    { _("Reports to the landlord"), l->y_reports, MARK_LANE_H, FALSE },
    { _("Contacts"), l->y_contacts, MARK_LANE_H, FALSE },
    { _("Promises"), l->y_promises, l->promises_h > 0 ? MARK_LANE_H : 0, FALSE },
    { _("Complaint deadlines"), l->y_complaint, l->n_stage_rows * ROW_H, TRUE },
    { _("Repairs and Awaab’s Law"), l->y_repairs, l->n_repair_rows * ROW_H, TRUE },
    { _("Time to go to the Ombudsman"), l->y_referral, l->n_referral_rows * ROW_H, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lanes); i++)
    {
      if (lanes[i].h <= 0)
        continue;
      cairo_rectangle (cr, l->plot_x, lanes[i].y, l->plot_w, lanes[i].h);
      cairo_set_source_rgb (cr, i % 2 ? 0.97 : 0.985, i % 2 ? 0.97 : 0.985, i % 2 ? 0.97 : 0.985);
      cairo_fill_preserve (cr);
      _rd_timeline_set_grey (cr, 0.75);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
      _rd_timeline_set_grey (cr, 0.0);
      if (lanes[i].has_rows)
        _rd_timeline_show_text (cr, lanes[i].name, MARGIN, lanes[i].y - 2, LABEL_W - 12, TRUE, 12, 0);
      else
        _rd_timeline_show_wrapped (cr, lanes[i].name, MARGIN, lanes[i].y + lanes[i].h / 2, LABEL_W - 12);
    }
  /* Faint lines at each week, so a mark can be read against the axis. */
  _rd_timeline_set_grey (cr, 0.9);
  cairo_set_line_width (cr, 1.0);
  for (guint w = 1; w < l->n_weeks && l->col >= 10; w++)
    {
      cairo_move_to (cr, l->plot_x + w * l->col + 0.5, l->y_incidents);
      cairo_line_to (cr, l->plot_x + w * l->col + 0.5, l->y_axis);
    }
  cairo_stroke (cr);
}

static void
draw_week (const Layout         *l,
           cairo_t              *cr,
           const RdTimelineItem *item)
{
  double x = l->plot_x + g_date_days_between (rd_timeline_get_first (l->timeline),
                                              &item->date) / 7 * l->col;
  double unit = (INCIDENTS_H - 22) / l->max_total;
  double y = l->y_incidents + INCIDENTS_H;
  double bar_w = MAX (l->col - 2, 2);

  for (guint c = 0; c < RD_CATEGORY_N_CATEGORIES; c++)
    {
      double h = item->counts[c] * unit;

      if (item->counts[c] == 0)
        continue;
      y -= h;
      cairo_save (cr);
      cairo_translate (cr, x + 1, y);
      cairo_rectangle (cr, 0, 0, bar_w, h);
      cairo_set_source (cr, l->patterns[c]);
      cairo_fill (cr);
      cairo_restore (cr);
      _rd_timeline_set_grey (cr, 0.0);
      cairo_set_line_width (cr, 0.75);
      cairo_rectangle (cr, x + 1, y, bar_w, h);
      cairo_stroke (cr);
    }
  if (l->col >= 14)
    {
      g_autofree char *count = g_strdup_printf ("%u", item->total);

      _rd_timeline_set_grey (cr, 0.0);
      _rd_timeline_show_text (cr, count, x + l->col / 2, y - 8, 0, FALSE, 10, 0.5);
    }
}

/* The lane and row a deadline is drawn on: its middle, and whether its
 * row carries its name (a promise's lane holds them all, unnamed). */
static double
deadline_y (const Layout         *l,
            guint                 index,
            const RdTimelineItem *item)
{
  if (item->kind == RD_TIMELINE_PROMISE)
    return l->y_promises + MARK_LANE_H / 2;
  if (item->kind == RD_TIMELINE_REPAIR || item->kind == RD_TIMELINE_HAZARD)
    return l->y_repairs + item->row * ROW_H + ROW_H / 2;
  return l->y_complaint + item->row * ROW_H + ROW_H / 2;
}

/* The middle of @date's day in half days, for rd-timeline-dense.c. */
static int
pos_of (const Layout *l,
        const GDate  *date)
{
  return 2 * g_date_days_between (rd_timeline_get_first (l->timeline), date) + 1;
}

/* A deadline drawn without its name, as draw_stage() draws one with it. */
static void
add_dense_stage (const Layout         *l,
                 double                y,
                 const RdTimelineItem *item)
{
  gboolean is_open = !g_date_valid (&item->end);
  int due = pos_of (l, &item->date);
  int done = is_open ? due : pos_of (l, &item->end);

  _rd_timeline_dense_add (l->dense, y, RD_TIMELINE_DENSE_TICK, due, due);
  if (item->status == RD_DEADLINE_MISSED)
    {
      int end = is_open ? pos_of (l, rd_timeline_get_today (l->timeline)) : done;

      end = MIN (end, 14 * (int) l->n_weeks);
      _rd_timeline_dense_add (l->dense, y, RD_TIMELINE_DENSE_LATE, due, MAX (end, due));
    }
  else if (!is_open)
    _rd_timeline_dense_add (l->dense, y, RD_TIMELINE_DENSE_SPAN, due, done);
  if (item->status == RD_DEADLINE_MET)
    _rd_timeline_dense_add (l->dense, y, RD_TIMELINE_DENSE_MET, done, done);
  else if (item->status == RD_DEADLINE_MISSED)
    _rd_timeline_dense_add (l->dense, y, RD_TIMELINE_DENSE_MISSED, is_open ? due : done, 0);
  else
    _rd_timeline_dense_add (l->dense, y, RD_TIMELINE_DENSE_OPEN, due, due);
}

static void
draw_stage (const Layout         *l,
            cairo_t              *cr,
            guint                 index,
            const RdTimelineItem *item)
{
  double y = deadline_y (l, index, item);
  double due = x_of (l, &item->date);
  double done = g_date_valid (&item->end) ? x_of (l, &item->end) : due;
  double right = MAX (due, done), left = MIN (due, done);
  gboolean is_open = !g_date_valid (&item->end);

  /* Promises share a lane, and deadlines may share a row: their words
   * are in the list. */
  if (item->kind == RD_TIMELINE_PROMISE || item->row_shared)
    {
      add_dense_stage (l, y, item);
      return;
    }
  _rd_timeline_set_grey (cr, 0.0);
  _rd_timeline_show_text (cr, item->title, MARGIN + 8, y, LABEL_W - 20, FALSE, 11, 0);
  /* The due day: a tick across the row. */
  cairo_set_line_width (cr, 2.0);
  cairo_move_to (cr, due, y - 9);
  cairo_line_to (cr, due, y + 9);
  cairo_stroke (cr);
  /* Late: a heavy line from the due day to the day it came, or to today. */
  if (item->status == RD_DEADLINE_MISSED)
    {
      double end = is_open ? x_of (l, rd_timeline_get_today (l->timeline)) : done;

      end = MIN (end, l->plot_x + l->plot_w);
      cairo_set_line_width (cr, 4.0);
      cairo_move_to (cr, due, y);
      cairo_line_to (cr, MAX (end, due), y);
      cairo_stroke (cr);
      right = MAX (right, end);
    }
  else if (!is_open)
    {
      cairo_set_line_width (cr, 1.0);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
      cairo_stroke (cr);
    }
  if (item->status == RD_DEADLINE_MET)
    _rd_timeline_draw_mark (cr, LEGEND_MET, done, y);
  else if (item->status == RD_DEADLINE_MISSED)
    _rd_timeline_draw_mark (cr, LEGEND_MISSED, is_open ? due : done, y);
  else
    _rd_timeline_draw_mark (cr, LEGEND_OPEN, due, y);

  /* How it went, after the marks, or before them near the right edge. */
  if (right + 12 + _rd_timeline_text_width (cr, item->detail, 10) <= l->plot_x + l->plot_w)
    _rd_timeline_show_text (cr, item->detail, right + 12, y, 0, FALSE, 10, 0);
  else
    _rd_timeline_show_text (cr, item->detail, left - 12, y, MAX (left - 12 - l->plot_x, 40), FALSE, 10, 1);
}

static void
draw_referral (const Layout         *l,
               cairo_t              *cr,
               guint                 index,
               const RdTimelineItem *item)
{
  double y = l->y_referral + item->row * ROW_H;
  double x0 = x_of (l, &item->date), x1 = x_of (l, &item->end);

  _rd_timeline_fill_window (cr, x0, y + 4, MAX (x1 - x0, 2), ROW_H - 8);
  if (item->status == RD_DEADLINE_MET)
    _rd_timeline_draw_mark (cr, LEGEND_MET, x1, y + ROW_H / 2);
  else if (item->status == RD_DEADLINE_MISSED)
    _rd_timeline_draw_mark (cr, LEGEND_MISSED, x1, y + ROW_H / 2);
}

/* The mark of a report or a contact, or LEGEND_N_MARKS for an item drawn
 * otherwise. */
static LegendMark
item_mark (const RdTimelineItem *item)
{
  if (item->kind == RD_TIMELINE_REPORT)
    return LEGEND_REPORT;
  if (item->kind == RD_TIMELINE_CONTACT)
    return !item->landlord ? LEGEND_OTHER
           : item->direction == RD_CONTACT_FROM ? LEGEND_FROM : LEGEND_TO;
  return LEGEND_N_MARKS;
}

static void
draw_item (const Layout *l,
           cairo_t      *cr,
           guint         index)
{
  const RdTimelineItem *item = rd_timeline_get_item (l->timeline, index);
  double x = x_of (l, &item->date);

  switch (item->kind)
    {
    case RD_TIMELINE_WEEK:
      draw_week (l, cr, item);
      break;
    case RD_TIMELINE_REPORT:
      _rd_timeline_runs_add (l->runs, cr, item_mark (item), x, l->y_reports + MARK_LANE_H / 2);
      break;
    case RD_TIMELINE_CONTACT:
      _rd_timeline_runs_add (l->runs, cr, item_mark (item), x, l->y_contacts + MARK_LANE_H / 2);
      break;
    case RD_TIMELINE_STAGE:
    case RD_TIMELINE_PROMISE:
    case RD_TIMELINE_REPAIR:
    case RD_TIMELINE_HAZARD:
      draw_stage (l, cr, index, item);
      break;
    case RD_TIMELINE_REFERRAL:
      draw_referral (l, cr, index, item);
      break;
    case RD_TIMELINE_N_KINDS:
    default:
      break;
    }
}

/* Weeks and their Mondays under the lanes: as many labels as fit. */
static void
draw_axis (const Layout *l,
           cairo_t      *cr)
{
  static const guint steps[] = { 1, 2, 4, 8, 13, 26, 52, 104 };
  guint step = steps[G_N_ELEMENTS (steps) - 1];
  int shown_year = 0;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * l->col >= 72)
      {
        step = steps[i];
        break;
      }
  _rd_timeline_set_grey (cr, 0.0);
  cairo_set_line_width (cr, 1.0);
  for (guint w = 0; w < l->n_weeks; w++)
    {
      GDate monday = *rd_timeline_get_first (l->timeline);
      double x = l->plot_x + w * l->col;
      gboolean new_year;
      g_autofree char *week = NULL;
      g_autofree char *date = NULL;

      cairo_move_to (cr, x + 0.5, l->y_axis);
      cairo_line_to (cr, x + 0.5, l->y_axis + (w % step == 0 ? 8 : 4));
      cairo_stroke (cr);
      if (w % step != 0)
        continue;
      g_date_add_days (&monday, w * 7);
      /* Which label carries the year is decided over the whole axis, so
       * a strip of the picture shows what the whole picture shows there. */
      new_year = g_date_get_year (&monday) != shown_year;
      shown_year = g_date_get_year (&monday);
      if (!is_shown (l, x, l->y_axis, MAX (step * l->col, 60), AXIS_H, 0))
        continue;
      /* Translators: an ISO week number under a chart, "Week 10" */
      week = g_strdup_printf (_("Week %u"), g_date_get_iso8601_week_of_year (&monday));
      date = rd_date_format_day_month (&monday);
      _rd_timeline_show_text (cr, week, x + 2, l->y_axis + 16, step * l->col - 4, FALSE, 10, 0);
      _rd_timeline_show_text (cr, date, x + 2, l->y_axis + 30, step * l->col - 4, FALSE, 10, 0);
      if (new_year)
        {
          g_autofree char *year = g_strdup_printf ("%d", g_date_get_year (&monday));

          _rd_timeline_show_text (cr, year, x + 2, l->y_axis + 45, 0, TRUE, 10, 0);
        }
    }
}

static void
draw_today (const Layout *l,
            cairo_t      *cr)
{
  const GDate *today = rd_timeline_get_today (l->timeline);
  const double dash[] = { 5.0, 3.0 };
  double x;

  if (g_date_compare (today, rd_timeline_get_first (l->timeline)) < 0 ||
      g_date_compare (today, rd_timeline_get_last (l->timeline)) > 0)
    return;
  x = x_of (l, today);
  cairo_save (cr);
  _rd_timeline_set_grey (cr, 0.0);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_move_to (cr, x, l->y_incidents - 4);
  cairo_line_to (cr, x, l->y_axis);
  cairo_stroke (cr);
  cairo_restore (cr);
  _rd_timeline_show_text (cr, _("Today"), x, l->y_incidents - 12, 0, TRUE, 11, 0.5);
}

static void
item_area (const Layout      *l,
           guint              index,
           cairo_rectangle_t *area)
{
  const RdTimelineItem *item = rd_timeline_get_item (l->timeline, index);
  double x = x_of (l, &item->date);

  switch (item->kind)
    {
    case RD_TIMELINE_WEEK:
      *area = (cairo_rectangle_t) { l->plot_x + g_date_days_between (rd_timeline_get_first (l->timeline),
                                                                    &item->date) / 7 * l->col,
                                    l->y_incidents, l->col, INCIDENTS_H };
      break;
    case RD_TIMELINE_REPORT:
      *area = (cairo_rectangle_t) { x - 9, l->y_reports, 18, MARK_LANE_H };
      break;
    case RD_TIMELINE_CONTACT:
      *area = (cairo_rectangle_t) { x - 9, l->y_contacts, 18, MARK_LANE_H };
      break;
    case RD_TIMELINE_STAGE:
    case RD_TIMELINE_PROMISE:
    case RD_TIMELINE_REPAIR:
    case RD_TIMELINE_HAZARD:
      {
        double end = g_date_valid (&item->end) ? x_of (l, &item->end) : x;
        double y = deadline_y (l, index, item);

        *area = (cairo_rectangle_t) { MIN (x, end) - 9, y - ROW_H / 2, fabs (end - x) + 18, ROW_H };
        break;
      }
    case RD_TIMELINE_REFERRAL:
      *area = (cairo_rectangle_t) { x - 3, l->y_referral + item->row * ROW_H,
                                    x_of (l, &item->end) - x + 6, ROW_H };
      break;
    case RD_TIMELINE_N_KINDS:
    default:
      *area = (cairo_rectangle_t) { 0, 0, 0, 0 };
      break;
    }
}

/* Every item that falls in what @l draws into. A diary of years has many
 * reports and contacts on one day, each drawn with the same mark in the
 * same place: the same mark again right on top of itself adds nothing to
 * see, so of a run of them (items are in date order) only the first is
 * drawn, and the marks keep the order they are stacked in; the rest go
 * in runs drawn as one path (rd-timeline-runs.c). Deadlines drawn
 * without their names are drawn last, a layer at a time
 * (rd-timeline-dense.c). */
static void
draw_items (Layout  *l,
            cairo_t *cr)
{
  LegendMark last_mark = LEGEND_N_MARKS;
  guint32 last_day = 0;
  g_autoptr(RdTimelineDense) dense = _rd_timeline_dense_new (l->plot_x, l->col, l->n_weeks);
  g_autoptr(RdTimelineRuns) runs = _rd_timeline_runs_new ();

  l->dense = dense;
  l->runs = runs;

  for (guint i = 0; i < rd_timeline_get_n_items (l->timeline); i++)
    {
      const RdTimelineItem *item = rd_timeline_get_item (l->timeline, i);
      LegendMark mark = item_mark (item);
      cairo_rectangle_t area;

      if (mark != LEGEND_N_MARKS)
        {
          guint32 day = g_date_get_julian (&item->date);

          if (mark == last_mark && day == last_day)
            continue;
          last_mark = mark;
          last_day = day;
        }
      /* Deadlines are few, and their words reach past their marks. */
      if (mark != LEGEND_N_MARKS || item->kind == RD_TIMELINE_WEEK)
        {
          item_area (l, i, &area);
          if (!is_shown (l, area.x, area.y, area.width, area.height, 16))
            continue;
        }
      draw_item (l, cr, i);
    }
  _rd_timeline_runs_draw (runs, cr);
  _rd_timeline_dense_draw (dense, cr, l->clip_x0, l->clip_x1);
  l->dense = NULL;
  l->runs = NULL;
}

/* Rings item @current: dark inside light, so it shows on any fill. */
static void
draw_current (const Layout *l,
              cairo_t      *cr,
              guint         current)
{
  cairo_rectangle_t area;

  item_area (l, current, &area);
  cairo_save (cr);
  cairo_rectangle (cr, area.x - 2, area.y - 2, area.width + 4, area.height + 4);
  _rd_timeline_set_grey (cr, 1.0);
  cairo_set_line_width (cr, 5.0);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgb (cr, 0.1, 0.35, 0.75);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * rd_timeline_measure:
 *
 * The size rd_timeline_draw() draws at, in units of 1/96 inch.
 */
void
rd_timeline_measure (RdTimeline *timeline,
                     double     *width,
                     double     *height)
{
  Layout l = { 0 };

  g_return_if_fail (timeline != NULL);

  layout_init (&l, timeline);
  if (width != NULL)
    *width = l.width;
  if (height != NULL)
    *height = l.height;
}

/**
 * rd_timeline_get_item_area:
 *
 * Where item @index is drawn, for a window to show which one is current
 * and to find the item under a click.
 */
gboolean
rd_timeline_get_item_area (RdTimeline        *timeline,
                           guint              index,
                           cairo_rectangle_t *area)
{
  Layout l = { 0 };

  g_return_val_if_fail (timeline != NULL, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (index >= rd_timeline_get_n_items (timeline))
    return FALSE;
  layout_init (&l, timeline);
  item_area (&l, index, area);
  return TRUE;
}

/**
 * rd_timeline_draw:
 * @current: the item to ring as the current one, or -1
 *
 * Draws the timeline at the origin of @cr, in the text of the language of
 * the moment (rd_i18n_push_language()).
 */
void
rd_timeline_draw (RdTimeline *timeline,
                  cairo_t    *cr,
                  int         current)
{
  Layout l = { 0 };

  g_return_if_fail (timeline != NULL);
  g_return_if_fail (cr != NULL);

  layout_init (&l, timeline);
  /* One pattern a category, not one a bar: a PDF page keeps a copy of
   * each pattern it is given. */
  for (guint c = 0; c < RD_CATEGORY_N_CATEGORIES; c++)
    l.patterns[c] = _rd_timeline_category_pattern (c);
  /* In the context's own units, mirrored or not. */
  cairo_clip_extents (cr, &l.clip_x0, &l.clip_y0, &l.clip_x1, &l.clip_y1);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, l.width, l.height);
  _rd_timeline_set_grey (cr, 1.0);
  cairo_fill (cr);
  draw_title (&l, cr);
  draw_lanes (&l, cr);
  draw_items (&l, cr);
  draw_today (&l, cr);
  draw_axis (&l, cr);
  _rd_timeline_draw_legend (cr, MARGIN, l.y_legend, l.n_legend, l.legend_per_row, LEGEND_COL_W,
                            LEGEND_ROW_H);
  if (current >= 0 && (guint) current < rd_timeline_get_n_items (timeline))
    draw_current (&l, cr, current);
  cairo_restore (cr);
  for (guint c = 0; c < RD_CATEGORY_N_CATEGORIES; c++)
    cairo_pattern_destroy (l.patterns[c]);
}

/**
 * rd_timeline_draw_current:
 * @current: the item to ring
 *
 * Draws only the ring rd_timeline_draw() puts around @current, where it
 * puts it: for a window that keeps the rest of the picture, drawn once,
 * while the current item moves.
 */
void
rd_timeline_draw_current (RdTimeline *timeline,
                          cairo_t    *cr,
                          guint       current)
{
  Layout l = { 0 };

  g_return_if_fail (timeline != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (current < rd_timeline_get_n_items (timeline));

  layout_init (&l, timeline);
  draw_current (&l, cr, current);
}

/**
 * rd_timeline_find_item:
 *
 * Returns: the item drawn at @x, @y (in rd_timeline_draw()'s units), the
 *   smallest where several are (a deadline's row rather than a whole
 *   week's column), or -1
 */
int
rd_timeline_find_item (RdTimeline *timeline,
                       double      x,
                       double      y)
{
  Layout l = { 0 };
  double best = G_MAXDOUBLE;
  int found = -1;

  g_return_val_if_fail (timeline != NULL, -1);

  layout_init (&l, timeline);
  for (guint i = 0; i < rd_timeline_get_n_items (timeline); i++)
    {
      cairo_rectangle_t area;

      item_area (&l, i, &area);
      if (x >= area.x && x <= area.x + area.width && y >= area.y && y <= area.y + area.height &&
          area.width * area.height < best)
        {
          best = area.width * area.height;
          found = (int) i;
        }
    }
  return found;
}
