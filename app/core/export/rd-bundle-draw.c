/* rd-bundle-draw.c: the pages of each exhibit: header pages, photos, emails, stamp pages.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-bundle"

#include "config.h"

#include "rd-gettext.h"
#include <string.h>

#include "rd-bundle-private.h"
#include "rd-datetime.h"
#include "rd-hash.h"
#include "rd-jpeg.h"

#define PHOTO_MARGIN_X 56.0

static const char *
kind_name (RdExhibitKind kind)
{
  switch (kind)
    {
    case RD_EXHIBIT_PDF: return _("PDF document");
    case RD_EXHIBIT_PHOTO: return _("Photo");
    case RD_EXHIBIT_EMAIL: return _("Email");
    case RD_EXHIBIT_AUDIO: return _("Audio recording");
    case RD_EXHIBIT_VIDEO: return _("Video recording");
    case RD_EXHIBIT_OTHER:
    default: return _("File");
    }
}

static void
add_header_fields (RdDraw          *d,
                   RdBundleSection *s,
                   RdBundleExhibit *ex,
                   RdPart          *part)
{
  g_autofree char *date = _rd_exhibit_dup_date_line (ex);
  g_autofree char *size = _rd_format_size (ex->size);
  g_autofree char *file = g_strdup_printf ("%s (%s, %s)",
                                           ex->file_name ? ex->file_name : "",
                                           kind_name (ex->kind), size);

  if (date != NULL)
    rd_bundle_section_add (s, RD_BLOCK_FIELD, _("Date"), date);
  if (ex->description != NULL && *ex->description)
    rd_bundle_section_add (s, RD_BLOCK_FIELD, _("Description"), ex->description);
  rd_bundle_section_add (s, RD_BLOCK_FIELD, _("File"), file);
  if (ex->omitted_reason != NULL)
    rd_bundle_section_add (s, RD_BLOCK_FIELD, _("Not included"), ex->omitted_reason);
  else if (ex->kind == RD_EXHIBIT_PDF && ex->pdf_pages != NULL)
    {
      int n = (int) ex->pdf_pages->len;
      /* The header may itself take more than one page. */
      int first = _rd_part_bundle_page (d, part) + MAX (1, part->n_pages - n);
      g_autofree char *pages = NULL;

      if (n == 1)
        pages = g_strdup_printf (_("1 page follows: bundle page %d."), first);
      else
        pages = g_strdup_printf (rd_ngettext (
                                              "%d page follows: bundle pages %d to %d.",
                                              "%d pages follow: bundle pages %d to %d.", n),
                                 n, first, first + n - 1);
      rd_bundle_section_add (s, RD_BLOCK_FIELD, _("Pages"), pages);
    }
  rd_bundle_section_add (s, RD_BLOCK_FIELD_FIXED, _("SHA-256"), ex->sha256 ? ex->sha256 : "");
}

static RdBundleSection *
header_section (RdDraw          *d,
                RdBundleExhibit *ex,
                RdPart          *part)
{
  g_autofree char *label = g_strdup_printf (_("Exhibit %s"), ex->label);
  RdBundleSection *s = rd_bundle_section_new (label);

  rd_bundle_section_add (s, RD_BLOCK_TITLE, NULL, label);
  rd_bundle_section_add (s, RD_BLOCK_HEADING, NULL, ex->title);
  add_header_fields (d, s, ex, part);
  if (ex->kind == RD_EXHIBIT_PDF && ex->omitted_reason == NULL && ex->redacted_pages > 0)
    {
      g_autofree char *note =
        g_strdup_printf (rd_ngettext ("A third party’s name has been blacked out on %d of the "
                                      "pages that follow: that page is a picture of the "
                                      "document’s page, with no text behind it. The other pages "
                                      "are the document’s own, drawn again. The SHA-256 "
                                      "fingerprint above identifies the original file, which is "
                                      "kept unchanged.",
                                      "Third parties’ names have been blacked out on %d of the "
                                      "pages that follow: those pages are pictures of the "
                                      "document’s pages, with no text behind them. The other "
                                      "pages are the document’s own, drawn again. The SHA-256 "
                                      "fingerprint above identifies the original file, which is "
                                      "kept unchanged.", ex->redacted_pages),
                         ex->redacted_pages);

      rd_bundle_section_add (s, RD_BLOCK_NOTE, NULL, note);
    }
  else if (ex->kind == RD_EXHIBIT_PDF && ex->omitted_reason == NULL)
    rd_bundle_section_add (s, RD_BLOCK_NOTE, NULL,
                           _("The pages that follow are the document’s own pages, their "
                             "content unchanged: each has only been scaled to fit this "
                             "bundle’s paper, turned upright where needed, with the bundle "
                             "page number in a band at its foot. The SHA-256 fingerprint "
                             "above identifies the original file: any change to it would "
                             "change the fingerprint."));
  else
    rd_bundle_section_add (s, RD_BLOCK_NOTE, NULL,
                           _("The SHA-256 fingerprint identifies the original file: any change "
                             "to it would change the fingerprint."));
  return s;
}

/* A page per page of the PDF exhibit, each of the bundle's paper: only the
 * stamp is drawn; the evidence is fitted underneath when the bundle is
 * assembled. */
static void
draw_stamp_pages (RdDraw          *d,
                  RdBundleExhibit *ex)
{
  if (d->runs != NULL)
    {
      RdEvidenceRun run = { ex, d->page + 1 };
      g_array_append_val (d->runs, run);
    }
  for (guint i = 0; i < ex->pdf_pages->len; i++)
    {
      RdPdfPage *p = &g_array_index (ex->pdf_pages, RdPdfPage, i);

      if (d->bundle->keep_landscape && p->width > p->height)
        _rd_draw_begin_page (d, d->paper_height, d->paper_width);
      else
        _rd_draw_begin_page (d, d->paper_width, d->paper_height);
      d->evidence_page = TRUE;
      _rd_draw_end_page (d);
    }
}

/* Orientation n maps the stored picture (u, v in 0…1) to what a reader
 * should see (p, q): p = a·u + b·v + c, q = e·u + f·v + g. */
static const double orientation_map[9][6] = {
  { 1, 0, 0, 0, 1, 0 },
  { 1, 0, 0, 0, 1, 0 },   /* 1: as stored */
  { -1, 0, 1, 0, 1, 0 },  /* 2: mirrored */
  { -1, 0, 1, 0, -1, 1 }, /* 3: upside down */
  { 1, 0, 0, 0, -1, 1 },  /* 4: mirrored vertically */
  { 0, 1, 0, 1, 0, 0 },   /* 5: transposed */
  { 0, -1, 1, 1, 0, 0 },  /* 6: a quarter turn clockwise */
  { 0, -1, 1, -1, 0, 1 }, /* 7: transversed */
  { 0, 1, 0, -1, 0, 1 },  /* 8: a quarter turn anticlockwise */
};

static void
paint_oriented (cairo_t         *cr,
                cairo_surface_t *surface,
                int              orientation,
                double           x,
                double           y,
                double           w,
                double           h)
{
  const double *m = orientation_map[orientation >= 1 && orientation <= 8 ? orientation : 1];
  double sw = cairo_image_surface_get_width (surface);
  double sh = cairo_image_surface_get_height (surface);
  cairo_matrix_t matrix;

  cairo_matrix_init (&matrix,
                     w * m[0] / sw, h * m[3] / sw,
                     w * m[1] / sh, h * m[4] / sh,
                     x + w * m[2], y + h * m[5]);
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_transform (cr, &matrix);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* What was done to this photo's picture, true for this photo and this
 * bundle: a caseworker may rely on "unchanged". The limits are those of
 * rd-bundle-photos.c and rd-bundle-convert.c. */
static const char *
photo_statement (RdBundleExhibit *ex,
                 gboolean         smaller)
{
  if (ex->redacted_pages > 0)
    return _("Third parties’ names read in this photo have been blacked out on this copy, "
             "which has no camera or location (GPS) data. The original file is kept "
             "unchanged; its SHA-256 is given above.");
  if (ex->converted_path != NULL)
    return smaller
           ? _("This picture was not a JPEG: it has been converted to one for this bundle, at a "
               "reduced size for the smaller-file option, without its camera and location (GPS) "
               "data. The original file is kept unchanged; its SHA-256 is given above.")
           : _("This picture was not a JPEG: it has been converted to one for this bundle, no "
               "larger than the page shows it, without its camera and location (GPS) data. The "
               "original file is kept unchanged; its SHA-256 is given above.");
  if (smaller && MAX (ex->jpeg_width, ex->jpeg_height) > RD_PHOTO_SMALLER_LONG_EDGE)
    return _("Camera and location (GPS) data have been removed from this copy of the photo, and "
             "the picture has been stored again at a reduced size for the smaller-file option. "
             "The original file is kept unchanged; its SHA-256 is given above.");
  return _("Camera and location (GPS) data have been removed from this copy of the photo; the "
           "picture itself is the original JPEG’s, byte for byte.");
}

/* One page: a short header, the photo as large as fits, the right way up,
 * and its caption. */
static gboolean
draw_photo_page (RdDraw          *d,
                 RdPart          *part,
                 GError         **error)
{
  RdBundleExhibit *ex = part->exhibit;
  g_autofree char *heading = _rd_exhibit_dup_heading (ex);
  g_autofree char *date = _rd_exhibit_dup_date_line (ex);
  double width = d->paper_width - 2 * PHOTO_MARGIN_X;
  double y = 48, box_bottom;
  g_autoptr(PangoLayout) head = NULL;
  g_autoptr(PangoLayout) sub = NULL;
  g_autoptr(PangoLayout) caption = NULL;
  g_autoptr(PangoLayout) note = NULL;
  g_autoptr(GString) subtext = g_string_new (NULL);
  cairo_surface_t *surface = NULL;
  int orientation = 1;
  double cap_h, note_h;
  PangoRectangle r;

  _rd_draw_begin_page (d, d->paper_width, d->paper_height);
  if (d->cr == NULL)
    {
      /* Always one page: nothing to lay out when only counting. */
      _rd_draw_end_page (d);
      return TRUE;
    }

  /* Every photo that gets here is a JPEG by now (see rd-bundle-convert.c):
   * a placeholder with its proportions; its bytes come later. */
  g_return_val_if_fail (ex->jpeg_direct, FALSE);
  {
    RdPhotoSlot slot = { ex, d->page, { 0, 0, 0, 0 } };

    g_array_append_val (d->photos, slot);
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 8, 8);
    orientation = ex->orientation;
  }

  if (date != NULL)
    g_string_append_printf (subtext, "%s\n", date);
  g_string_append_printf (subtext, _("SHA-256 of the original file: %s"), ex->sha256 ? ex->sha256 : "");

  head = _rd_draw_layout (d, "DejaVu Sans Bold 11.5", heading, width);
  sub = _rd_draw_layout (d, "DejaVu Sans 8", subtext->str, width);
  caption = _rd_draw_layout (d, "DejaVu Serif Italic 10", ex->description ? ex->description : "",
                             width);
  note = _rd_draw_layout (d, "DejaVu Sans 7", photo_statement (ex, d->smaller), width);

  pango_layout_get_extents (caption, NULL, &r);
  cap_h = ex->description && *ex->description ? pango_units_to_double (r.height) + 8 : 0;
  pango_layout_get_extents (note, NULL, &r);
  note_h = pango_units_to_double (r.height) + 4;
  box_bottom = d->paper_height - 52 - cap_h - note_h;

  if (d->cr != NULL)
    {
      cairo_move_to (d->cr, PHOTO_MARGIN_X, y);
      pango_cairo_show_layout (d->cr, head);
    }
  pango_layout_get_extents (head, NULL, &r);
  y += pango_units_to_double (r.height) + 3;
  if (d->cr != NULL)
    {
      cairo_set_source_rgb (d->cr, 0.3, 0.3, 0.3);
      cairo_move_to (d->cr, PHOTO_MARGIN_X, y);
      pango_cairo_show_layout (d->cr, sub);
      cairo_set_source_rgb (d->cr, 0, 0, 0);
    }
  pango_layout_get_extents (sub, NULL, &r);
  y += pango_units_to_double (r.height) + 10;

  if (surface != NULL)
    {
      double iw = ex->jpeg_width;
      double ih = ex->jpeg_height;
      double dw, dh, scale, bw = width, bh = box_bottom - y;

      /* Converted photos come upright (orientation 1); JPEGs are as stored. */
      if (rd_jpeg_orientation_swaps (orientation))
        {
          dw = ih;
          dh = iw;
        }
      else
        {
          dw = iw;
          dh = ih;
        }
      scale = MIN (bw / dw, bh / dh);
      dw *= scale;
      dh *= scale;
      paint_oriented (d->cr, surface, orientation,
                      PHOTO_MARGIN_X + (bw - dw) / 2, y, dw, dh);
      cairo_surface_destroy (surface);
      {
        /* Where the picture lies, for the words recognised on it. */
        RdPhotoSlot *slot = &g_array_index (d->photos, RdPhotoSlot, d->photos->len - 1);

        slot->rect[0] = PHOTO_MARGIN_X + (bw - dw) / 2;
        slot->rect[1] = d->paper_height - y - dh;
        slot->rect[2] = slot->rect[0] + dw;
        slot->rect[3] = d->paper_height - y;
      }

      if (cap_h > 0)
        {
          cairo_move_to (d->cr, PHOTO_MARGIN_X, y + dh + 8);
          pango_cairo_show_layout (d->cr, caption);
        }
      cairo_set_source_rgb (d->cr, 0.35, 0.35, 0.35);
      cairo_move_to (d->cr, PHOTO_MARGIN_X, y + dh + 8 + cap_h);
      pango_cairo_show_layout (d->cr, note);
      cairo_set_source_rgb (d->cr, 0, 0, 0);
    }

  _rd_draw_end_page (d);
  return TRUE;
}

/**
 * _rd_email_section:
 * @attachment_labels: (nullable): for each attachment, the exhibit number
 *   it has in this bundle, or %NULL
 *
 * Returns: (transfer full): @email as blocks: its headers as fields, its
 * text as paragraphs, and its attachments as a list naming their exhibits.
 */
RdBundleSection *
_rd_email_section (RdEmail            *email,
                   const char * const *attachment_labels)
{
  RdBundleSection *s = rd_bundle_section_new (_("Email"));
  g_autoptr(GRegex) blank = g_regex_new ("\\r?\\n[ \\t]*\\r?\\n(\\s*\\r?\\n)*", 0, 0, NULL);
  g_auto(GStrv) paragraphs = NULL;
  g_autofree char *sent = NULL;
  gboolean any = FALSE;

  if (email->date != NULL)
    {
      g_autoptr(GDateTime) local = rd_datetime_to_local (email->date);
      sent = rd_datetime_format_long (local);
    }
  {
    const struct { const char *label; const char *value; } fields[] = {
      { _("From"), email->from }, { _("To"), email->to }, { _("Cc"), email->cc },
      { _("Sent"), sent }, { _("Subject"), email->subject },
    };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      if (fields[i].value != NULL && *fields[i].value)
        rd_bundle_section_add (s, RD_BLOCK_FIELD, fields[i].label, fields[i].value);
  }

  /* Paragraphs are separated by blank lines; single line breaks are kept. */
  paragraphs = g_regex_split (blank, email->text, 0);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *para = g_strstrip (g_strdup (paragraphs[i]));

      if (*para)
        {
          rd_bundle_section_add (s, RD_BLOCK_PARAGRAPH, NULL, para);
          any = TRUE;
        }
    }
  if (!any)
    rd_bundle_section_add (s, RD_BLOCK_PARAGRAPH, NULL, _("(This message has no text.)"));

  if (email->attachments->len > 0)
    {
      guint n_elsewhere = 0;

      rd_bundle_section_add (s, RD_BLOCK_HEADING, NULL, _("Attachments"));
      for (guint i = 0; i < email->attachments->len; i++)
        {
          RdEmailAttachment *a = g_ptr_array_index (email->attachments, i);
          const char *label = attachment_labels != NULL ? attachment_labels[i] : NULL;
          g_autofree char *line = NULL;

          if (label != NULL)
            /* Translators: an email's attachment: its file name, its type, and the
             * exhibit of the bundle that is the same file */
            line = g_strdup_printf (_("%s (%s): exhibit %s"), a->name, a->content_type, label);
          else
            {
              line = g_strdup_printf ("%s (%s)", a->name, a->content_type);
              n_elsewhere++;
            }
          rd_bundle_section_add (s, RD_BLOCK_BULLET, NULL, line);
        }
      if (n_elsewhere == 0)
        rd_bundle_section_add (s, RD_BLOCK_NOTE, NULL,
                               _("Each attachment is in this bundle as the exhibit named beside "
                                 "it, the same file byte for byte."));
      else if (n_elsewhere < email->attachments->len)
        rd_bundle_section_add (s, RD_BLOCK_NOTE, NULL,
                               _("The attachments with an exhibit number are in this bundle as "
                                 "that exhibit, the same file byte for byte. The others are not "
                                 "reproduced here; add them to the case as evidence of their own "
                                 "to include them."));
      else
        rd_bundle_section_add (s, RD_BLOCK_NOTE, NULL,
                               _("Attachments are not reproduced here; add them to the case as "
                                 "evidence of their own to include them."));
    }
  return s;
}

static gboolean
draw_email (RdDraw  *d,
            RdPart  *part,
            GError **error)
{
  RdBundleExhibit *ex = part->exhibit;
  g_autoptr(RdBundleSection) s = header_section (d, ex, part);
  g_autofree char *running = g_strdup_printf (_("Exhibit %s (continued)"), ex->label);

  /* The header's closing note does not belong above the message. */
  g_array_set_size (s->blocks, s->blocks->len - 1);
  rd_bundle_section_add (s, RD_BLOCK_HEADING, NULL, _("The message"));
  if (ex->email != NULL)
    for (guint i = 0; i < ex->email->blocks->len; i++)
      {
        RdBlock *b = &g_array_index (ex->email->blocks, RdBlock, i);
        rd_bundle_section_add (s, b->kind, b->label, b->text);
      }
  return _rd_draw_section (d, s, running, error);
}

/**
 * _rd_draw_exhibit:
 *
 * Draws (or, without a cairo context, counts) the pages of one exhibit.
 */
gboolean
_rd_draw_exhibit (RdDraw  *d,
                  RdPart  *part,
                  GError **error)
{
  RdBundleExhibit *ex = part->exhibit;

  if (ex->omitted_reason != NULL)
    {
      g_autoptr(RdBundleSection) s = header_section (d, ex, part);
      return _rd_draw_section (d, s, NULL, error);
    }

  switch (ex->kind)
    {
    case RD_EXHIBIT_PDF:
      {
        g_autoptr(RdBundleSection) s = header_section (d, ex, part);

        if (!_rd_draw_section (d, s, NULL, error))
          return FALSE;
        draw_stamp_pages (d, ex);
        return TRUE;
      }

    case RD_EXHIBIT_PHOTO:
      return draw_photo_page (d, part, error);

    case RD_EXHIBIT_EMAIL:
      return draw_email (d, part, error);

    case RD_EXHIBIT_AUDIO:
    case RD_EXHIBIT_VIDEO:
    case RD_EXHIBIT_OTHER:
    default:
      return TRUE;  /* listed in the schedule */
    }
}
