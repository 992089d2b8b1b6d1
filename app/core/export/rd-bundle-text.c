/* rd-bundle-text.c: the pages Redress writes itself: stamps, sections, the index.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here runs twice: once without a cairo context to count pages,
 * then for real once every page number is known. The same PangoContext (72
 * units to the inch, no hinting) serves both, so both passes break lines
 * and pages in exactly the same places.
 */
#define G_LOG_DOMAIN "rd-bundle"

#include "config.h"

#include <cairo-pdf.h>
#include "rd-gettext.h"

#include "rd-bundle-private.h"

#define MARGIN_X      68.0
#define MARGIN_TOP    64.0
#define MARGIN_BOTTOM 64.0
#define FIELD_LABEL_W 118.0
#define HANG_W        34.0

#define FONT_BODY     "DejaVu Serif 10"
#define FONT_TITLE    "DejaVu Sans Bold 17"
#define FONT_HEADING  "DejaVu Sans Bold 11.5"
#define FONT_LABEL    "DejaVu Sans Bold 9"
#define FONT_NOTE     "DejaVu Sans 8"
#define FONT_STAMP    "DejaVu Sans Bold 9"
#define FONT_RUNNING  "DejaVu Sans 8"
#define FONT_FIXED    "DejaVu Sans Mono 7.5"
#define FONT_DIVIDER  "DejaVu Sans Bold 40"

void
_rd_draw_begin_page (RdDraw *d,
                     double  width,
                     double  height)
{
  d->page++;
  d->page_width = width;
  d->page_height = height;
  if (d->cr != NULL && d->page > 1 && (d->page - 1) % RD_SKELETON_CHUNK == 0)
    d->next_chunk (d);
  if (d->cr != NULL)
    {
      cairo_pdf_surface_set_size (d->surface, width, height);
      cairo_set_source_rgb (d->cr, 0, 0, 0);
    }
}

PangoLayout *
_rd_draw_layout (RdDraw     *d,
                 const char *font,
                 const char *text,
                 double      width)
{
  PangoLayout *layout = pango_layout_new (d->pango);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

/* The section page ("B3": the third page after section B's divider) in
 * the bundle's numbering, or NULL outside a lettered section and on the
 * divider itself. */
static char *
dup_section_page (RdDraw *d,
                  int     page)
{
  int start;

  if (!d->section_stamps || d->divider == NULL)
    return NULL;
  start = d->n_volumes > 1 ? d->divider->bundle_first : d->divider->first_page;
  if (page <= start)
    return NULL;
  return g_strdup_printf ("%s%d", d->divider->letter, page - start);
}

/* The stamp sits in the same place on every page, inside it: bottom right,
 * bold, its baseline RD_STAMP_BASELINE above the bottom edge. Evidence is
 * fitted above that band, so nothing of it is covered. With section
 * stamps, the section page goes before "Page N of M", as PD27A bundles
 * cite pages ("B3"), while the running number still finds any page. The
 * cover and index repeated in later volumes are not pages of the bundle's
 * numbering: they say which volume they open. */
static void
draw_stamp (RdDraw *d)
{
  int page = d->page + d->stamp_offset;
  g_autofree char *text = NULL;
  g_autofree char *section_page = NULL;
  PangoLayout *layout;
  PangoRectangle ink, logical;
  double right = d->page_width - RD_STAMP_MARGIN;
  double baseline = d->page_height - RD_STAMP_BASELINE;

  if (d->volume > 1 && d->page <= d->front_pages)
    text = g_strdup_printf (_("Volume %d of %d"), d->volume, d->n_volumes);
  else
    {
      text = g_strdup_printf (_("Page %d of %d"), page,
                              d->stamp_total > 0 ? d->stamp_total : d->total);
      section_page = dup_section_page (d, page);
    }

  if (d->stamp_layout == NULL)
    d->stamp_layout = _rd_draw_layout (d, FONT_STAMP, text, -1);
  layout = d->stamp_layout;
  cairo_set_source_rgb (d->cr, 0, 0, 0);
  for (int i = 0; i < 2; i++)
    {
      const char *shown = i == 0 ? text : section_page;

      if (shown == NULL)
        break;
      pango_layout_set_text (layout, shown, -1);
      pango_layout_get_extents (layout, &ink, &logical);
      right -= pango_units_to_double (logical.width);
      cairo_move_to (d->cr, right,
                     baseline - pango_units_to_double (pango_layout_get_baseline (layout)));
      pango_cairo_show_layout (d->cr, layout);
      right -= 14;  /* the gap between the section page and "Page N of M" */
    }
}

void
_rd_draw_end_page (RdDraw *d)
{
  if (d->cr != NULL)
    {
      draw_stamp (d);
      cairo_show_page (d->cr);
    }
  d->evidence_page = FALSE;
  if (d->page_done != NULL)
    d->page_done (d);
}

char *
_rd_format_size (goffset size)
{
  return g_format_size_full ((guint64) size, G_FORMAT_SIZE_DEFAULT);
}

/* Flowing text down the page, onto new pages as needed. */
typedef struct
{
  RdDraw     *d;
  double      x0;
  double      x1;
  double      y;
  gboolean    page_empty;
  const char *running_head;
  GError     *error;  /* a row that could not be made: the flow stops there */
} RdFlow;

static double
flow_bottom (RdFlow *f)
{
  return f->d->page_height - MARGIN_BOTTOM;
}

static void
flow_start_page (RdFlow *f)
{
  f->y = MARGIN_TOP;
  f->page_empty = TRUE;
  if (f->running_head != NULL)
    {
      g_autoptr(PangoLayout) layout = _rd_draw_layout (f->d, FONT_RUNNING, f->running_head,
                                                       f->x1 - f->x0);

      if (f->d->cr != NULL)
        {
          cairo_set_source_rgb (f->d->cr, 0.35, 0.35, 0.35);
          cairo_move_to (f->d->cr, f->x0, MARGIN_TOP - 28);
          pango_cairo_show_layout (f->d->cr, layout);
          cairo_set_source_rgb (f->d->cr, 0, 0, 0);
        }
    }
}

static void
flow_new_page (RdFlow *f)
{
  _rd_draw_end_page (f->d);
  _rd_draw_begin_page (f->d, f->d->paper_width, f->d->paper_height);
  flow_start_page (f);
}

static void
flow_init (RdFlow     *f,
           RdDraw     *d,
           const char *running_head)
{
  f->d = d;
  f->x0 = MARGIN_X;
  f->x1 = d->paper_width - MARGIN_X;
  f->running_head = NULL;
  f->error = NULL;
  flow_start_page (f);
  f->running_head = running_head;
}

/*
 * Places @layout line by line at @x, breaking pages between lines; @label
 * (if any) is drawn on the first line's baseline at @label_x. A paragraph
 * never leaves a single line at the foot of a page. Returns in @span_* the
 * page and vertical extent of the part on its first page (for links).
 */
static void
flow_place (RdFlow      *f,
            PangoLayout *layout,
            double       x,
            PangoLayout *label,
            double       label_x,
            int         *span_page,
            double      *span_top,
            double      *span_bottom)
{
  PangoLayoutIter *it = pango_layout_get_iter (layout);
  int n_lines = pango_layout_get_line_count (layout);
  double base = f->y;
  int i = 0;

  if (span_page != NULL)
    *span_page = 0;

  do
    {
      PangoRectangle r;
      double top, height, baseline, need;

      pango_layout_iter_get_line_extents (it, NULL, &r);
      top = pango_units_to_double (r.y);
      height = pango_units_to_double (r.height);
      baseline = pango_units_to_double (pango_layout_iter_get_baseline (it));
      need = (i == 0 && n_lines > 1) ? 2 * height : height;

      if (base + top + need > flow_bottom (f) && !f->page_empty)
        {
          flow_new_page (f);
          base = f->y - top;
        }

      if (f->d->cr != NULL)
        {
          cairo_move_to (f->d->cr, x, base + baseline);
          pango_cairo_show_layout_line (f->d->cr, pango_layout_iter_get_line_readonly (it));
          if (i == 0 && label != NULL)
            {
              double lb = pango_units_to_double (pango_layout_get_baseline (label));

              cairo_move_to (f->d->cr, label_x, base + baseline - lb);
              pango_cairo_show_layout (f->d->cr, label);
            }
        }

      if (span_page != NULL)
        {
          if (i == 0)
            {
              *span_page = f->d->page;
              *span_top = base + top;
            }
          if (*span_page == f->d->page)
            *span_bottom = base + top + height;
        }

      f->page_empty = FALSE;
      f->y = base + top + height;
      i++;
    }
  while (pango_layout_iter_next_line (it));

  pango_layout_iter_free (it);
}

static void
flow_space (RdFlow *f,
            double  space)
{
  if (!f->page_empty)
    f->y += space;
}

/* A picture in the space left on the page, or on a new one: turned a
 * quarter to the left (read with the page turned clockwise, as wide charts
 * are in printed bundles) when that makes it at least a sixth larger. */
static void
flow_drawing (RdFlow        *f,
              const RdBlock *block)
{
  double avail_w = f->x1 - f->x0;
  double avail_h = flow_bottom (f) - f->y;
  double full_h = flow_bottom (f) - MARGIN_TOP;
  double upright = MIN (1.0, MIN (avail_w / block->width, full_h / block->height));
  double turned = MIN (1.0, MIN (avail_w / block->height, full_h / block->width));
  gboolean turn = turned > upright * 1.17;
  double scale = turn ? turned : upright;
  double tall = (turn ? block->width : block->height) * scale;

  if (tall > avail_h && !f->page_empty)
    flow_new_page (f);
  if (f->d->cr != NULL)
    {
      cairo_save (f->d->cr);
      if (turn)
        {
          cairo_translate (f->d->cr, f->x0, f->y + tall);
          cairo_rotate (f->d->cr, -G_PI / 2);
        }
      else
        cairo_translate (f->d->cr, f->x0, f->y);
      cairo_scale (f->d->cr, scale, scale);
      block->draw (f->d->cr, block->data);
      cairo_restore (f->d->cr);
    }
  f->y += tall + 7;
  f->page_empty = FALSE;
}

static void
flow_block (RdFlow        *f,
            const RdBlock *block,
            const RdBlock *next)
{
  RdDraw *d = f->d;
  double width = f->x1 - f->x0;
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) label = NULL;

  switch (block->kind)
    {
    case RD_BLOCK_PAGE_BREAK:
      if (!f->page_empty)
        flow_new_page (f);
      return;

    case RD_BLOCK_TITLE:
      layout = _rd_draw_layout (d, FONT_TITLE, block->text, width);
      flow_place (f, layout, f->x0, NULL, 0, NULL, NULL, NULL);
      f->y += 14;
      return;

    case RD_BLOCK_HEADING:
      {
        PangoRectangle r;

        layout = _rd_draw_layout (d, FONT_HEADING, block->text, width);
        pango_layout_get_extents (layout, NULL, &r);
        flow_space (f, 10);
        /* Keep a heading with the first lines of what follows it. */
        if (next != NULL && !f->page_empty &&
            f->y + pango_units_to_double (r.height) + 40 > flow_bottom (f))
          flow_new_page (f);
        flow_place (f, layout, f->x0, NULL, 0, NULL, NULL, NULL);
        f->y += 5;
        return;
      }

    case RD_BLOCK_PARAGRAPH:
      layout = _rd_draw_layout (d, FONT_BODY, block->text, width);
      pango_layout_set_spacing (layout, pango_units_from_double (1.5));
      flow_place (f, layout, f->x0, NULL, 0, NULL, NULL, NULL);
      f->y += 7;
      return;

    case RD_BLOCK_NUMBERED:
    case RD_BLOCK_BULLET:
      {
        const char *mark = block->kind == RD_BLOCK_BULLET ? "•" : block->label;
        double hang = block->kind == RD_BLOCK_BULLET ? 16 : HANG_W;

        layout = _rd_draw_layout (d, FONT_BODY, block->text, width - hang);
        pango_layout_set_spacing (layout, pango_units_from_double (1.5));
        label = _rd_draw_layout (d, FONT_BODY, mark ? mark : "", -1);
        flow_place (f, layout, f->x0 + hang, label, f->x0, NULL, NULL, NULL);
        f->y += 7;
        return;
      }

    case RD_BLOCK_FIELD:
    case RD_BLOCK_FIELD_FIXED:
      layout = _rd_draw_layout (d, block->kind == RD_BLOCK_FIELD ? FONT_BODY : FONT_FIXED,
                                block->text, width - FIELD_LABEL_W);
      label = _rd_draw_layout (d, FONT_LABEL, block->label ? block->label : "", FIELD_LABEL_W - 8);
      {
        int page = 0;
        double top = 0, bottom = 0;
        PangoRectangle lr;

        flow_place (f, layout, f->x0 + FIELD_LABEL_W, label, f->x0, &page, &top, &bottom);
        /* A label longer than its value must not run into the next field. */
        pango_layout_get_extents (label, NULL, &lr);
        if (page == d->page)
          f->y = MAX (f->y, top + pango_units_to_double (lr.height));
      }
      f->y += 5;
      return;

    case RD_BLOCK_DRAWING:
      flow_drawing (f, block);
      return;

    case RD_BLOCK_NOTE:
      layout = _rd_draw_layout (d, FONT_NOTE, block->text, width);
      if (d->cr != NULL)
        cairo_set_source_rgb (d->cr, 0.3, 0.3, 0.3);
      flow_place (f, layout, f->x0, NULL, 0, NULL, NULL, NULL);
      if (d->cr != NULL)
        cairo_set_source_rgb (d->cr, 0, 0, 0);
      f->y += 5;
      return;

    default:
      g_assert_not_reached ();
    }
}

/* Under the cover's title, in a bundle split into volumes: which volume
 * this is, and which pages it holds. */
static void
flow_volume_lines (RdFlow *f)
{
  RdDraw *d = f->d;
  g_autofree char *heading = g_strdup_printf (_("Volume %d of %d"), d->volume, d->n_volumes);
  g_autofree char *pages = g_strdup_printf (_("This volume holds pages %d to %d of the bundle. "
                                              "Each volume starts with this cover and the index "
                                              "of all the volumes."),
                                            d->volume_first, d->volume_last);
  RdBlock lines[] = {
    { RD_BLOCK_HEADING, NULL, heading },
    { RD_BLOCK_PARAGRAPH, NULL, pages },
  };

  flow_block (f, &lines[0], &lines[1]);
  flow_block (f, &lines[1], NULL);
}

/* Each row made, placed and let go in turn (rd_bundle_section_add_rows()). */
static void
flow_rows (RdFlow        *f,
           const RdBlock *rows,
           const RdBlock *next)
{
  for (guint r = 0; r < rows->n_rows; r++)
    {
      RdBlock one = { rows->row_kind, NULL, NULL };
      char *text = rows->row (rows->data, r, &one.label, &f->error);

      if (f->error != NULL)
        {
          g_free (text);
          g_free (one.label);
          return;
        }
      one.text = g_utf8_make_valid (text ? text : "", -1);
      g_free (text);
      flow_block (f, &one, r + 1 < rows->n_rows ? &one : next);
      g_free (one.label);
      g_free (one.text);
    }
}

static void
flow_blocks (RdFlow          *f,
             RdBundleSection *section)
{
  for (guint i = 0; i < section->blocks->len; i++)
    {
      const RdBlock *block = &g_array_index (section->blocks, RdBlock, i);
      const RdBlock *next = i + 1 < section->blocks->len
        ? &g_array_index (section->blocks, RdBlock, i + 1) : NULL;

      if (block->kind == RD_BLOCK_ROWS)
        {
          flow_rows (f, block, next);
          if (f->error != NULL)
            return;
        }
      else
        flow_block (f, block, next);
      if (i == 0 && section == f->d->cover && f->d->n_volumes > 1)
        flow_volume_lines (f);
    }
}

/**
 * _rd_draw_section:
 * @running_head: (nullable): printed at the top of continuation pages
 *
 * Draws @section from the top of a new page, onto as many pages as it needs.
 */
gboolean
_rd_draw_section (RdDraw          *d,
                  RdBundleSection *section,
                  const char      *running_head,
                  GError         **error)
{
  RdFlow f;

  _rd_draw_begin_page (d, d->paper_width, d->paper_height);
  flow_init (&f, d, running_head);
  flow_blocks (&f, section);
  _rd_draw_end_page (d);
  if (f.error != NULL)
    {
      g_propagate_error (error, f.error);
      return FALSE;
    }
  return TRUE;
}

/* The part's pages in the whole bundle (across volumes, if split). */
static void
bundle_pages (RdDraw *d,
              RdPart *part,
              int    *first,
              int    *n)
{
  *first = d->n_volumes > 1 ? part->bundle_first : part->first_page;
  *n = d->n_volumes > 1 ? part->bundle_n : part->n_pages;
}

static char *
dup_page_range (RdDraw *d,
                RdPart *part)
{
  int first, n;

  bundle_pages (d, part, &first, &n);
  if (n <= 1)
    return g_strdup_printf ("%d", first);
  return g_strdup_printf ("%d–%d", first, first + n - 1);
}

static void
index_row (RdFlow     *f,
           const char *label_text,
           const char *title,
           RdPart     *part,
           int         target)
{
  RdDraw *d = f->d;
  double width = f->x1 - f->x0;
  const double label_w = 74, pages_w = 64;
  g_autofree char *pages = d->total > 0 ? dup_page_range (d, part) : g_strdup ("");
  g_autofree char *volume_title = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) label = _rd_draw_layout (d, FONT_LABEL, label_text ? label_text : "",
                                                  label_w - 6);
  g_autoptr(PangoLayout) number = _rd_draw_layout (d, FONT_BODY, pages, pages_w);
  int span_page = 0;
  double top = 0, bottom = 0;

  /* Split into volumes: every row says which volume holds the part, the
   * same in every volume's index; only rows of this volume are links. */
  if (d->n_volumes > 1 && part->volume > 0)
    {
      int first, n;

      bundle_pages (d, part, &first, &n);
      volume_title = n > 1
        ? g_strdup_printf (_("%s\nVolume %d, pages %d to %d"), title, part->volume, first,
                           first + n - 1)
        : g_strdup_printf (_("%s\nVolume %d, page %d"), title, part->volume, first);
      title = volume_title;
      if (part->volume != d->volume)
        target = 0;
    }
  layout = _rd_draw_layout (d, FONT_BODY, title, width - label_w - pages_w);
  pango_layout_set_alignment (number, PANGO_ALIGN_RIGHT);
  flow_place (f, layout, f->x0 + label_w, label, f->x0, &span_page, &top, &bottom);

  if (d->cr != NULL && span_page == d->page)
    {
      double lb = pango_units_to_double (pango_layout_get_baseline (layout));
      double nb = pango_units_to_double (pango_layout_get_baseline (number));

      cairo_move_to (d->cr, f->x1 - pages_w, top + lb - nb);
      pango_cairo_show_layout (d->cr, number);
    }

  if (d->links != NULL && span_page > 0 && target > 0)
    {
      RdLink link = {
        .page = span_page,
        .x0 = f->x0,
        .x1 = f->x1,
        .y0 = d->page_height - bottom - 2,
        .y1 = d->page_height - top + 2,
        .target = target,
      };

      g_array_append_val (d->links, link);
    }
  f->y += 6;
}

/* A lettered section's first page: its letter, large, and what it holds,
 * so a reader leafing through the paper finds where each section starts. */
gboolean
_rd_draw_divider (RdDraw  *d,
                  RdPart  *part,
                  GError **error)
{
  _rd_draw_begin_page (d, d->paper_width, d->paper_height);
  if (d->cr != NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Section %s"), part->letter);
      double width = d->paper_width - 2 * MARGIN_X;
      g_autoptr(PangoLayout) big = _rd_draw_layout (d, FONT_DIVIDER, heading, width);
      g_autoptr(PangoLayout) title = _rd_draw_layout (d, FONT_TITLE, part->section->title, width);
      double y = d->paper_height * 0.36;
      PangoRectangle logical;

      pango_layout_set_alignment (big, PANGO_ALIGN_CENTER);
      pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
      cairo_move_to (d->cr, MARGIN_X, y);
      pango_cairo_show_layout (d->cr, big);
      pango_layout_get_extents (big, NULL, &logical);
      y += pango_units_to_double (logical.height) + 14;
      cairo_set_line_width (d->cr, 1);
      cairo_move_to (d->cr, d->paper_width / 2 - 60, y);
      cairo_line_to (d->cr, d->paper_width / 2 + 60, y);
      cairo_stroke (d->cr);
      cairo_move_to (d->cr, MARGIN_X, y + 16);
      pango_cairo_show_layout (d->cr, title);
    }
  _rd_draw_end_page (d);
  return TRUE;
}

/* The index: every section and exhibit with its bundle pages; each row is
 * a link (the rectangles are collected here and made into PDF links when
 * the bundle is assembled). */
gboolean
_rd_draw_index (RdDraw  *d,
                GError **error)
{
  RdFlow f;
  /* A volume's index lists the parts of every volume. */
  GPtrArray *all = d->all_parts != NULL ? d->all_parts : d->parts;
  RdBlock title = { RD_BLOCK_TITLE, NULL, (char *) _("Index") };
  RdBlock note = { RD_BLOCK_NOTE, NULL,
                   (char *) _("Page numbers are those stamped at the foot of each page of this "
                              "bundle. Each exhibit starts on a new page.") };

  _rd_draw_begin_page (d, d->paper_width, d->paper_height);
  flow_init (&f, d, _("Index (continued)"));
  flow_block (&f, &title, NULL);
  flow_block (&f, &note, NULL);
  f.y += 6;

  for (guint i = 0; i < all->len; i++)
    {
      RdPart *part = g_ptr_array_index (all, i);

      switch (part->kind)
        {
        case RD_PART_INDEX:
          break;

        case RD_PART_SECTION:
        case RD_PART_SCHEDULE:
          index_row (&f, NULL, part->section->title, part, part->first_page);
          break;

        case RD_PART_DIVIDER:
          {
            /* Translators: a section of the bundle in the index's first column */
            g_autofree char *label = g_strdup_printf (_("Section %s"), part->letter);

            f.y += 8;
            index_row (&f, label, part->section->title, part, part->first_page);
            break;
          }

        case RD_PART_EXHIBIT:
          {
            RdBundleExhibit *ex = part->exhibit;
            g_autofree char *label = g_strdup_printf (_("Exhibit %s"), ex->label);
            g_autofree char *date = _rd_exhibit_dup_date_line (ex);
            g_autoptr(GString) text = g_string_new (ex->title);

            if (date != NULL)
              g_string_append_printf (text, "\n%s", date);
            if (ex->omitted_reason != NULL)
              g_string_append_printf (text, "\n%s", _("Not included in this bundle (see its page)."));
            else if (ex->kind == RD_EXHIBIT_AUDIO || ex->kind == RD_EXHIBIT_VIDEO ||
                     ex->kind == RD_EXHIBIT_OTHER)
              g_string_append_printf (text, "\n%s", _("Supplied separately (see the schedule)."));
            index_row (&f, label, text->str, part, part->first_page);
            break;
          }

        default:
          g_assert_not_reached ();
        }
    }

  _rd_draw_end_page (d);
  return TRUE;
}
