/* rd-timeline-write.c: a case's timeline saved as an SVG or PNG file.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An SVG carries the timeline's items as text in its <title> and <desc>,
 * which screen readers and search read: cairo writes text as glyph
 * outlines, so without them the words would be lost to everyone who
 * cannot see the picture.
 */
#define G_LOG_DOMAIN "rd-timeline"

#include "config.h"

#include "rd-gettext.h"
#include <cairo-svg.h>
#include <string.h>

#include "rd-output.h"
#include "rd-timeline-draw.h"

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

static char *
dup_description (RdTimeline *timeline)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < rd_timeline_get_n_items (timeline); i++)
    {
      g_autofree char *line = rd_timeline_item_dup_text (rd_timeline_get_item (timeline, i));

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* <title> and <desc> as the first children of the root element. */
static gboolean
add_svg_text (GString    *svg,
              RdTimeline *timeline)
{
  const char *root = strstr (svg->str, "<svg");
  const char *end = root != NULL ? strchr (root, '>') : NULL;
  g_autofree char *description = dup_description (timeline);
  g_autofree char *title = g_markup_escape_text (_("Timeline of the case"), -1);
  g_autofree char *desc = g_markup_escape_text (description, -1);
  g_autofree char *elements = NULL;

  if (end == NULL)
    return FALSE;
  elements = g_strdup_printf ("\n<title>%s</title>\n<desc>%s</desc>", title, desc);
  g_string_insert (svg, end - svg->str + 1, elements);
  return TRUE;
}

static cairo_status_t
render (RdTimeline *timeline,
        gboolean    svg,
        GString    *out)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  rd_timeline_measure (timeline, &width, &height);
  if (svg)
    {
      surface = cairo_svg_surface_create_for_stream (append_cb, out, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
    }
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cr = cairo_create (surface);
  rd_timeline_draw (timeline, cr, -1);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && !svg)
    status = cairo_surface_write_to_png_stream (surface, append_cb, out);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

static gboolean
write_whole (const char  *path,
             GString     *data,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *temp = rd_output_make_temp (path, &local_error);

  if (temp == NULL ||
      !g_file_set_contents_full (temp, data->str, (gssize) data->len,
                                 G_FILE_SET_CONTENTS_NONE, 0600, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, RD_OUTPUT_ERROR, RD_OUTPUT_ERROR_WRITE,
                   UI_("Redress could not save “%s”: %s. Nothing was written."),
                   display, local_error->message);
      if (temp != NULL)
        {
          rd_output_explain_full_disk (path, error);
          rd_output_discard (temp);
        }
      return FALSE;
    }
  return rd_output_commit (temp, path, error);
}

/**
 * rd_timeline_write:
 * @path: a file name ending in ".svg" or ".png"
 *
 * Saves the timeline as the kind of picture @path's name says, whole or
 * not at all, readable by its owner only (it is the resident's record).
 */
gboolean
rd_timeline_write (RdTimeline  *timeline,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *lower = NULL;
  cairo_status_t status;
  gboolean svg;

  g_return_val_if_fail (timeline != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  svg = g_str_has_suffix (lower, ".svg");
  if (!svg && !g_str_has_suffix (lower, ".png"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           UI_("Save the timeline under a name ending in .svg or .png."));
      return FALSE;
    }
  status = render (timeline, svg, out);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RD_OUTPUT_ERROR, RD_OUTPUT_ERROR_WRITE,
                   UI_("Redress could not draw the timeline: %s."), cairo_status_to_string (status));
      return FALSE;
    }
  if (svg && !add_svg_text (out, timeline))
    {
      g_set_error (error, RD_OUTPUT_ERROR, RD_OUTPUT_ERROR_WRITE,
                   UI_("Redress could not draw the timeline: %s."), "SVG");
      return FALSE;
    }
  return write_whole (path, out, error);
}
