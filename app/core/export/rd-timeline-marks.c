/* rd-timeline-marks.c: the timeline's marks, category patterns and text, told apart without colour.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-timeline"

#include "config.h"

#include "rd-gettext.h"
#include <math.h>
#include <pango/pangocairo.h>

#include "rd-timeline.h"
#include "rd-timeline-private.h"

void
_rd_timeline_set_grey (cairo_t *cr,
                       double   level)
{
  cairo_set_source_rgb (cr, level, level, level);
}

/* Whether @cr draws mirrored, for a language written right to left: words
 * are then drawn the right way round, in the mirrored place. */
static gboolean
is_mirrored (cairo_t *cr)
{
  cairo_matrix_t matrix;

  cairo_get_matrix (cr, &matrix);
  return matrix.xx < 0;
}

/* Shows @layout over x from @left to @left + @width, centred on @y; where
 * that span falls once mirrored when @cr is, as there the words would
 * otherwise read backwards. With @text_only, the span is the text's own:
 * a layout given a width places a right-to-left paragraph (Urdu) at that
 * width's right end, and its logical rectangle says where. */
static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       left,
             double       width,
             double       y,
             double       height,
             gboolean     text_only)
{
  PangoRectangle logical = { 0 };

  if (text_only)
    pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (!is_mirrored (cr))
    {
      cairo_move_to (cr, left - logical.x, y - height / 2.0);
      pango_cairo_show_layout (cr, layout);
      return;
    }
  cairo_save (cr);
  /* Mirrored back, from the span's right end, which the page shows as
   * its left end: the words run left to right from there. */
  cairo_translate (cr, left + width, y);
  cairo_scale (cr, -1, 1);
  cairo_move_to (cr, -logical.x, -height / 2.0);
  pango_cairo_update_layout (cr, layout);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

void
_rd_timeline_show_text (cairo_t    *cr,
                        const char *text,
                        double      x,
                        double      y,
                        double      max_width,
                        gboolean    bold,
                        double      size,
                        double      align)   /* 0 left of x, 0.5 centred on it, 1 ending at it */
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");
  int w, h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  {
    PangoRectangle logical;

    /* The text's own width, not the layout's, whichever way it runs. */
    pango_layout_get_pixel_extents (layout, NULL, &logical);
    w = logical.width;
  }
  show_layout (cr, layout, x - align * w, w, y, h, TRUE);
  pango_font_description_free (font);
  g_object_unref (layout);
}

/* A lane's name, in as many lines as it needs, centred on @y. */
void
_rd_timeline_show_wrapped (cairo_t    *cr,
                           const char *text,
                           double      x,
                           double      y,
                           double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans Bold");
  int w, h;

  pango_font_description_set_absolute_size (font, 12 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, &w, &h);
  show_layout (cr, layout, x, width, y, h, FALSE);
  pango_font_description_free (font);
  g_object_unref (layout);
}

double
_rd_timeline_text_width (cairo_t    *cr,
                         const char *text,
                         double      size)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");
  int w, h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  pango_font_description_free (font);
  g_object_unref (layout);
  return w;
}

/* A tile for each category: a light tint, for those who see colour, under
 * a pattern of its own, for those who do not and for grey print. */
cairo_pattern_t *
_rd_timeline_category_pattern (RdCategory category)
{
  static const double tint[RD_CATEGORY_N_CATEGORIES][3] = {
    { 0.99, 0.80, 0.67 }, { 0.73, 0.85, 0.94 }, { 0.96, 0.65, 0.65 }, { 0.85, 0.94, 0.76 },
    { 0.87, 0.78, 0.93 }, { 0.98, 0.91, 0.65 }, { 0.88, 0.88, 0.88 },
  };
  cairo_surface_t *tile = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 8, 8);
  cairo_t *cr = cairo_create (tile);
  cairo_pattern_t *pattern;

  cairo_set_source_rgb (cr, tint[category][0], tint[category][1], tint[category][2]);
  cairo_paint (cr);
  _rd_timeline_set_grey (cr, 0.1);
  cairo_set_line_width (cr, 1.5);
  switch (category)
    {
    case RD_CATEGORY_NOISE:           /* solid dark */
      _rd_timeline_set_grey (cr, 0.3);
      cairo_paint (cr);
      break;
    case RD_CATEGORY_HARASSMENT:      /* rising diagonals */
      cairo_move_to (cr, -1, 9);
      cairo_line_to (cr, 9, -1);
      cairo_stroke (cr);
      break;
    case RD_CATEGORY_VIOLENCE:        /* cross-hatch */
      cairo_move_to (cr, 0, 4);
      cairo_line_to (cr, 8, 4);
      cairo_move_to (cr, 4, 0);
      cairo_line_to (cr, 4, 8);
      cairo_stroke (cr);
      break;
    case RD_CATEGORY_DAMAGE:          /* dots */
      cairo_arc (cr, 4, 4, 1.6, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case RD_CATEGORY_DOMESTIC_ABUSE:  /* horizontal stripes */
      cairo_rectangle (cr, 0, 3, 8, 2);
      cairo_fill (cr);
      break;
    case RD_CATEGORY_DISREPAIR:       /* falling diagonals */
      cairo_move_to (cr, -1, -1);
      cairo_line_to (cr, 9, 9);
      cairo_stroke (cr);
      break;
    case RD_CATEGORY_OTHER:           /* plain light grey */
    case RD_CATEGORY_N_CATEGORIES:
    default:
      break;
    }
  cairo_destroy (cr);
  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);
  return pattern;
}

/* The colour and line every mark starts from, on a path of its own. */
void
_rd_timeline_begin_marks (cairo_t *cr)
{
  cairo_new_path (cr);
  _rd_timeline_set_grey (cr, 0.0);
  cairo_set_line_width (cr, 1.5);
}

/* Adds the outline of @mark at @x, @y to the path, for
 * _rd_timeline_paint_marks() to draw many of the same kind at once. */
void
_rd_timeline_append_mark (cairo_t    *cr,
                          LegendMark  mark,
                          double      x,
                          double      y)
{
  switch (mark)
    {
    case LEGEND_REPORT:   /* a triangle */
      cairo_move_to (cr, x, y - 6);
      cairo_line_to (cr, x + 6, y + 5);
      cairo_line_to (cr, x - 6, y + 5);
      cairo_close_path (cr);
      break;
    case LEGEND_FROM:     /* a circle */
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, 5, 0, 2 * G_PI);
      break;
    case LEGEND_TO:       /* a smaller circle, for its outline */
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, 4.5, 0, 2 * G_PI);
      break;
    case LEGEND_OTHER:    /* a diamond */
      cairo_move_to (cr, x, y - 6);
      cairo_line_to (cr, x + 6, y);
      cairo_line_to (cr, x, y + 6);
      cairo_line_to (cr, x - 6, y);
      cairo_close_path (cr);
      break;
    case LEGEND_MET:      /* a square */
      cairo_rectangle (cr, x - 5, y - 5, 10, 10);
      break;
    case LEGEND_MISSED:   /* a cross */
      cairo_move_to (cr, x - 5, y - 5);
      cairo_line_to (cr, x + 5, y + 5);
      cairo_move_to (cr, x + 5, y - 5);
      cairo_line_to (cr, x - 5, y + 5);
      break;
    case LEGEND_OPEN:     /* a square, for its outline */
      cairo_rectangle (cr, x - 4.5, y - 4.5, 9, 9);
      break;
    case LEGEND_CATEGORY:
    case LEGEND_WINDOW:
    case LEGEND_N_MARKS:
    default:
      g_return_if_reached ();
    }
}

/* Fills @cr's white or @grey inside the path, then outlines it in black. */
static void
fill_and_outline (cairo_t *cr,
                  double   grey)
{
  _rd_timeline_set_grey (cr, grey);
  cairo_fill_preserve (cr);
  _rd_timeline_set_grey (cr, 0.0);
  cairo_stroke (cr);
}

/* Draws the marks of kind @mark that _rd_timeline_append_mark() added, in
 * the colour set (black after _rd_timeline_begin_marks()). */
void
_rd_timeline_paint_marks (cairo_t    *cr,
                          LegendMark  mark)
{
  switch (mark)
    {
    case LEGEND_REPORT:   /* filled: the resident reported it */
    case LEGEND_FROM:     /* filled: they got in touch */
    case LEGEND_MET:
      cairo_fill (cr);
      break;
    case LEGEND_TO:       /* outlined: the resident did */
    case LEGEND_OPEN:
      fill_and_outline (cr, 1.0);
      break;
    case LEGEND_OTHER:    /* grey: someone other than the landlord */
      fill_and_outline (cr, 0.55);
      break;
    case LEGEND_MISSED:
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
      break;
    case LEGEND_CATEGORY:
    case LEGEND_WINDOW:
    case LEGEND_N_MARKS:
    default:
      g_return_if_reached ();
    }
}

void
_rd_timeline_draw_mark (cairo_t    *cr,
                        LegendMark  mark,
                        double      x,
                        double      y)
{
  _rd_timeline_begin_marks (cr);
  if (mark == LEGEND_CATEGORY || mark == LEGEND_WINDOW || mark >= LEGEND_N_MARKS)
    return;
  _rd_timeline_append_mark (cr, mark, x, y);
  _rd_timeline_paint_marks (cr, mark);
}

/* The Ombudsman's window: diagonal hatching between two lines. */
void
_rd_timeline_fill_window (cairo_t *cr,
                          double   x0,
                          double   y0,
                          double   w,
                          double   h)
{
  cairo_save (cr);
  cairo_rectangle (cr, x0, y0, w, h);
  cairo_clip_preserve (cr);
  cairo_set_source_rgb (cr, 0.86, 0.92, 0.98);
  cairo_fill (cr);
  _rd_timeline_set_grey (cr, 0.35);
  cairo_set_line_width (cr, 1.0);
  for (double x = x0 - h; x < x0 + w; x += 7)
    {
      cairo_move_to (cr, x, y0 + h);
      cairo_line_to (cr, x + h, y0);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
  _rd_timeline_set_grey (cr, 0.0);
  cairo_set_line_width (cr, 1.5);
  cairo_rectangle (cr, x0, y0, w, h);
  cairo_stroke (cr);
}

/* The legend under the picture, from @x0, @y0: each category's pattern
 * and each mark with its name, @n of them, @per_row to a row of cells
 * @col_w × @row_h. */
void
_rd_timeline_draw_legend (cairo_t *cr,
                          double   x0,
                          double   y0,
                          guint    n,
                          guint    per_row,
                          double   col_w,
                          double   row_h)
{
  const char *marks[LEGEND_N_MARKS] = {
    [LEGEND_REPORT] = _("Reported to the landlord"),
    [LEGEND_FROM] = _("The landlord got in touch"),
    [LEGEND_TO] = _("You got in touch with the landlord"),
    [LEGEND_OTHER] = _("Contact with someone else"),
    [LEGEND_MET] = rd_deadline_status_get_label (RD_DEADLINE_MET),
    [LEGEND_MISSED] = rd_deadline_status_get_label (RD_DEADLINE_MISSED),
    [LEGEND_OPEN] = rd_deadline_status_get_label (RD_DEADLINE_PENDING),
    [LEGEND_WINDOW] = _("Time to go to the Ombudsman"),
  };

  for (guint i = 0; i < n; i++)
    {
      double x = x0 + (i % per_row) * col_w;
      double y = y0 + (i / per_row) * row_h + row_h / 2;
      const char *label;

      if (i < RD_CATEGORY_N_CATEGORIES)
        {
          cairo_pattern_t *pattern = _rd_timeline_category_pattern (i);

          cairo_save (cr);
          cairo_translate (cr, x, y - 7);
          cairo_rectangle (cr, 0, 0, 16, 14);
          cairo_set_source (cr, pattern);
          cairo_fill (cr);
          cairo_restore (cr);
          cairo_pattern_destroy (pattern);
          _rd_timeline_set_grey (cr, 0.0);
          cairo_set_line_width (cr, 0.75);
          cairo_rectangle (cr, x, y - 7, 16, 14);
          cairo_stroke (cr);
          label = rd_category_get_label (i);
        }
      else
        {
          LegendMark mark = i - RD_CATEGORY_N_CATEGORIES + 1;

          if (mark == LEGEND_WINDOW)
            _rd_timeline_fill_window (cr, x, y - 7, 16, 14);
          else
            _rd_timeline_draw_mark (cr, mark, x + 8, y);
          label = marks[mark];
        }
      _rd_timeline_set_grey (cr, 0.0);
      _rd_timeline_show_text (cr, label, x + 24, y, col_w - 32, FALSE, 11, 0);
    }
}
