/* rd-bundle-skeleton.c: the pages Redress draws, counted, then drawn as skeleton PDF files.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-bundle"

#include "config.h"

#include <cairo-pdf.h>
#include "rd-gettext.h"
#include <string.h>

#include "rd-bundle-private.h"
#include "rd-output.h"

gboolean
_rd_part_is_listed_separately (RdBundleExhibit *ex)
{
  return ex->kind == RD_EXHIBIT_AUDIO || ex->kind == RD_EXHIBIT_VIDEO ||
         ex->kind == RD_EXHIBIT_OTHER;
}

/* One pass over every part: counting when d->cr is NULL, drawing otherwise. */
gboolean
_rd_skeleton_run_pass (RdDraw  *d,
                       GError **error)
{
  RdPart *schedule = NULL;

  d->page = 0;
  for (guint i = 0; i < d->parts->len; i++)
    {
      RdPart *part = g_ptr_array_index (d->parts, i);
      int first = d->page + 1;
      gboolean ok = TRUE;

      if (part->kind == RD_PART_EXHIBIT && _rd_part_is_listed_separately (part->exhibit) &&
          part->exhibit->omitted_reason == NULL)
        continue;  /* its page is the schedule's, set below */

      part->first_page = first;
      d->divider = part->divider;
      switch (part->kind)
        {
        case RD_PART_SECTION:
          ok = _rd_draw_section (d, part->section, NULL, error);
          break;
        case RD_PART_SCHEDULE:
          schedule = part;
          ok = _rd_draw_section (d, part->section, NULL, error);
          break;
        case RD_PART_INDEX:
          ok = _rd_draw_index (d, error);
          break;
        case RD_PART_DIVIDER:
          ok = _rd_draw_divider (d, part, error);
          break;
        case RD_PART_EXHIBIT:
          ok = _rd_draw_exhibit (d, part, error);
          break;
        default:
          g_assert_not_reached ();
        }
      if (!ok)
        return FALSE;
      part->n_pages = d->page - first + 1;
      if (part->exhibit != NULL)
        {
          part->exhibit->first_page = part->first_page;
          part->exhibit->n_pages = part->n_pages;
        }
      if (d->cr != NULL && g_cancellable_set_error_if_cancelled (d->cancellable, error))
        return FALSE;
    }

  d->divider = NULL;
  for (guint i = 0; schedule != NULL && i < d->parts->len; i++)
    {
      RdPart *part = g_ptr_array_index (d->parts, i);

      if (part->kind == RD_PART_EXHIBIT && _rd_part_is_listed_separately (part->exhibit) &&
          part->exhibit->omitted_reason == NULL)
        {
          part->first_page = schedule->first_page;
          part->n_pages = 0;
          part->exhibit->first_page = part->first_page;
          part->exhibit->n_pages = 0;
        }
    }
  return TRUE;
}

GArray *
_rd_skeleton_snapshot_pages (GPtrArray *parts)
{
  GArray *a = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < parts->len; i++)
    {
      RdPart *part = g_ptr_array_index (parts, i);
      g_array_append_val (a, part->first_page);
      g_array_append_val (a, part->n_pages);
    }
  return a;
}

static gboolean
same_pages (GArray *a,
            GArray *b)
{
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (int)) == 0;
}

static void
clear_outline_item (gpointer data)
{
  g_free (((RdOutlineItem *) data)->title);
}

/* A bookmark for every section and exhibit, in the bundle's order; those
 * of a lettered section nest under its divider's. */
GArray *
_rd_skeleton_outline (GPtrArray *parts)
{
  GArray *outline = g_array_new (FALSE, FALSE, sizeof (RdOutlineItem));
  gboolean in_section = FALSE;

  g_array_set_clear_func (outline, clear_outline_item);
  for (guint i = 0; i < parts->len; i++)
    {
      RdPart *part = g_ptr_array_index (parts, i);
      RdOutlineItem item = { NULL, part->first_page, FALSE };

      if (part->kind == RD_PART_INDEX)
        item.title = g_strdup (_("Index"));
      else if (part->kind == RD_PART_EXHIBIT)
        item.title = _rd_exhibit_dup_heading (part->exhibit);
      else if (part->kind == RD_PART_DIVIDER)
        /* Translators: a section of the bundle in its bookmarks and index: "C Correspondence" */
        item.title = g_strdup_printf (_("%s  %s"), part->letter, part->section->title);
      else
        item.title = g_strdup (part->section->title);
      /* The schedule of recordings is the bundle's, after every section. */
      if (part->kind == RD_PART_DIVIDER)
        in_section = TRUE;
      else if (part->kind == RD_PART_SCHEDULE)
        in_section = FALSE;
      else
        item.child = in_section;
      g_array_append_val (outline, item);
    }
  return outline;
}

PangoContext *
_rd_skeleton_pango_context (void)
{
  PangoContext *ctx = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: the layout is the same whatever the surface. */
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (ctx, options);
  pango_cairo_context_set_resolution (ctx, 72);
  pango_context_set_language (ctx, pango_language_from_string ("en-gb"));
  cairo_font_options_destroy (options);
  return ctx;
}

/* Ends the skeleton file being drawn, remembering whether cairo managed. */
void
_rd_skeleton_finish_chunk (RdDraw *d)
{
  cairo_status_t status;

  if (d->surface == NULL)
    return;
  g_clear_pointer (&d->cr, cairo_destroy);
  cairo_surface_finish (d->surface);
  status = cairo_surface_status (d->surface);
  if (d->status == CAIRO_STATUS_SUCCESS)
    d->status = status;
  g_clear_pointer (&d->surface, cairo_surface_destroy);
}

/* Starts the next skeleton file (see RD_SKELETON_CHUNK). */
void
_rd_skeleton_next_chunk (RdDraw *d)
{
  char *path;

  _rd_skeleton_finish_chunk (d);
  path = rd_output_make_side_temp (d->output_path, "skeleton",
                                   d->chunk_error ? NULL : &d->chunk_error);
  if (path != NULL)
    {
      g_ptr_array_add (d->chunks, path);
      d->surface = cairo_pdf_surface_create (path, d->paper_width, d->paper_height);
    }
  else
    d->surface = cairo_pdf_surface_create_for_stream (NULL, NULL, d->paper_width, d->paper_height);
  d->cr = cairo_create (d->surface);
}

void
_rd_skeleton_remove_chunks (RdDraw *d)
{
  for (guint i = 0; d->chunks != NULL && i < d->chunks->len; i++)
    rd_output_discard (d->chunks->pdata[i]);
  if (d->chunks != NULL)
    g_ptr_array_set_size (d->chunks, 0);
}

/* Step 3: draws the pages Redress writes, as chunks of skeleton PDF, until
 * the page numbers they print are the ones counted (@before: the pages as
 * counted, taken over). */
gboolean
_rd_skeleton_draw (RdDraw     *d,
                   GPtrArray  *parts,
                   GArray     *before,
                   GError    **error)
{
  g_autoptr(GArray) counted = before;

  for (int attempt = 0; ; attempt++)
    {
      g_autoptr(GArray) after = NULL;
      gboolean settled, ok;

      g_array_set_size (d->links, 0);
      g_array_set_size (d->runs, 0);
      g_array_set_size (d->photos, 0);
      _rd_skeleton_remove_chunks (d);
      d->status = CAIRO_STATUS_SUCCESS;
      _rd_skeleton_next_chunk (d);
      ok = _rd_skeleton_run_pass (d, error);
      after = _rd_skeleton_snapshot_pages (parts);
      settled = ok && d->page == d->total && same_pages (counted, after);
      _rd_skeleton_finish_chunk (d);
      if (!ok)
        return FALSE;
      if (d->chunk_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&d->chunk_error));
          return FALSE;
        }
      if (d->status != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_WRITE,
                       UI_("Redress could not write the bundle’s pages (%s). Check that the disk "
                         "has space and try again."), cairo_status_to_string (d->status));
          return FALSE;
        }
      if (settled)
        return TRUE;
      if (attempt == 2)
        {
          g_set_error_literal (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_FAILED,
                               UI_("Redress could not settle the page numbers of this bundle."));
          return FALSE;
        }
      g_debug ("page numbers moved while drawing; drawing again");
      d->total = d->page;
      g_clear_pointer (&counted, g_array_unref);
      counted = g_steal_pointer (&after);
    }
}
