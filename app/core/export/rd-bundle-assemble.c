/* rd-bundle-assemble.c: writing the bundle page by page, the evidence under its stamps.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evidence pages are copied into the bundle as they are (content,
 * fonts, images, annotations): objects are copied, never re-rendered.
 * Each goes on a page of the bundle's paper: turned upright by its own
 * /Rotate, scaled down to fit above the stamp's band and centred (see
 * rd-bundle-fit.c), so every page of the bundle has the same size. The
 * matching skeleton page that cairo drew, which holds only the "Page N of
 * M" stamp, is laid over it as a form XObject. Words recognised on a
 * scanned page or a photo go under it as invisible text
 * (rd-bundle-textlayer.c), placed where the page or photo now lies.
 *
 * The bundle is written in one pass, page after page (rd-pdf-writer.c):
 * at any time only one skeleton file (RD_SKELETON_CHUNK pages) and one
 * evidence PDF are open, and an evidence PDF is opened again every
 * SOURCE_REOPEN pages, so memory stays the same whatever the bundle's size.
 */
#define G_LOG_DOMAIN "rd-bundle"

#include "config.h"

#include "rd-gettext.h"
#include <math.h>
#include <string.h>

#include "rd-bundle-private.h"
#include "rd-clock.h"
#include "rd-pdf-writer.h"
#include "rd-qpdf.h"

#define STAMP_NAME "/RdBundleStamp"
#define TEXT_NAME  "/RdOcrText"

/* Let go of what qpdf has parsed of an evidence PDF after this many pages. */
#define SOURCE_REOPEN 256

/* Object numbers fixed in advance; pages follow from FIRST_PAGE_ID. */
#define CATALOG_ID    1
#define PAGES_ID      2
#define INFO_ID       3
#define FIRST_PAGE_ID 4

typedef struct
{
  RdAssembly   *a;
  RdPdfWriter  *w;
  GError      **error;

  /* The skeleton file holding the current page */
  int           chunk;
  qpdf_data     skel;
  GMappedFile  *skel_map;       /* what skel reads */
  RdPdfCopier  *skel_copier;

  /* The evidence PDF being copied */
  qpdf_data     src;
  GMappedFile  *src_map;        /* what src reads */
  RdPdfCopier  *src_copier;
  RdBundleExhibit *src_exhibit; /* whose PDF src is */
  guint         src_pages;      /* copied since it was last opened */

  int           text_font_id;   /* of the invisible text, once written */
  int           text_call_id;   /* content drawing a page's invisible text */

  GHashTable   *calls;          /* content placing a stamp → its object number */
} Assembler;

static int
page_id (int page)
{
  return FIRST_PAGE_ID + page - 1;
}

static void
write_box (RdPdfWriter  *w,
           const double  b[4])
{
  _rd_pdf_writer_puts (w, "[");
  for (int i = 0; i < 4; i++)
    {
      if (i > 0)
        _rd_pdf_writer_puts (w, " ");
      _rd_pdf_writer_number (w, b[i]);
    }
  _rd_pdf_writer_puts (w, "]");
}

static void
append_number (GString *s,
               double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (s, g_ascii_formatd (buf, sizeof buf, "%.4f", fabs (v) < 1e-9 ? 0 : v));
  g_string_append_c (s, ' ');
}

static void
close_skeleton (Assembler *s)
{
  g_clear_pointer (&s->skel_copier, _rd_pdf_copier_free);
  if (s->skel != NULL)
    qpdf_cleanup (&s->skel);
  s->skel = NULL;
  g_clear_pointer (&s->skel_map, g_mapped_file_unref);
}

static void
close_source (Assembler *s)
{
  g_clear_pointer (&s->src_copier, _rd_pdf_copier_free);
  if (s->src != NULL)
    qpdf_cleanup (&s->src);
  s->src = NULL;
  g_clear_pointer (&s->src_map, g_mapped_file_unref);
}

/* The skeleton page of bundle page @page, its file opened if need be. */
static qpdf_oh
skeleton_page (Assembler *s,
               int        page)
{
  int chunk = (page - 1) / RD_SKELETON_CHUNK;

  if (s->skel == NULL || chunk != s->chunk)
    {
      const char *path = g_ptr_array_index (s->a->skeletons, chunk);

      close_skeleton (s);
      s->chunk = chunk;
      s->skel = _rd_qpdf_new (NULL);  /* qpdf is loaded: see _rd_pdf_assemble() */
      s->skel_copier = _rd_pdf_copier_new (s->w);
      _rd_pdf_copier_set_source (s->skel_copier, s->skel);
      if (_rd_qpdf_read_mapped (s->skel, path, NULL, &s->skel_map) & QPDF_ERRORS)
        return 0;
    }
  return qpdf_get_page_n (s->skel, (size_t) ((page - 1) % RD_SKELETON_CHUNK));
}

/* Opens (or opens again) the evidence PDF of @run, its pages numbered as
 * the bundle's pages so that links between them keep working. */
static gboolean
open_source (Assembler     *s,
             RdEvidenceRun *run)
{
  RdBundleExhibit *ex = run->exhibit;
  gboolean again = s->src_copier != NULL;

  if (s->src != NULL)
    qpdf_cleanup (&s->src);
  s->src = _rd_qpdf_new (NULL);  /* qpdf is loaded: see _rd_pdf_assemble() */
  s->src_pages = 0;
  s->src_exhibit = ex;
  /* A copy with names blacked out has no password. */
  if ((_rd_qpdf_read_mapped (s->src, ex->redacted_path ? ex->redacted_path : ex->path,
                             ex->redacted_path ? NULL : ex->password, &s->src_map) & QPDF_ERRORS) ||
      (qpdf_push_inherited_attributes_to_page (s->src) & QPDF_ERRORS) ||
      qpdf_get_num_pages (s->src) != (int) ex->pdf_pages->len)
    return FALSE;
  if (!again)
    s->src_copier = _rd_pdf_copier_new (s->w);
  _rd_pdf_copier_set_source (s->src_copier, s->src);
  if (!again)
    for (guint i = 0; i < ex->pdf_pages->len; i++)
      _rd_pdf_copier_map (s->src_copier, qpdf_get_page_n (s->src, i),
                          page_id (run->first_page + (int) i));
  qpdf_oh_release_all (s->src);
  return TRUE;
}

/* The content that places the stamp form on a page of @box turned by
 * @rotate; pages of one size share it. */
static int
stamp_call (Assembler    *s,
            const double  nb[4],
            int           rotate)
{
  double w = nb[2] - nb[0], h = nb[3] - nb[1];
  g_autoptr(GString) call = g_string_new ("\nQ\nq ");
  int id;

  /* Map the stamp page (as the reader sees it) onto the rotated page. */
  switch (rotate)
    {
    case 90:
      append_number (call, 0); append_number (call, 1);
      append_number (call, -1); append_number (call, 0);
      append_number (call, nb[0] + w); append_number (call, nb[1]);
      break;
    case 180:
      append_number (call, -1); append_number (call, 0);
      append_number (call, 0); append_number (call, -1);
      append_number (call, nb[0] + w); append_number (call, nb[1] + h);
      break;
    case 270:
      append_number (call, 0); append_number (call, -1);
      append_number (call, 1); append_number (call, 0);
      append_number (call, nb[0]); append_number (call, nb[1] + h);
      break;
    default:
      append_number (call, 1); append_number (call, 0);
      append_number (call, 0); append_number (call, 1);
      append_number (call, nb[0]); append_number (call, nb[1]);
      break;
    }
  g_string_append (call, "cm " STAMP_NAME " Do Q\n");

  id = GPOINTER_TO_INT (g_hash_table_lookup (s->calls, call->str));
  if (id == 0)
    {
      id = _rd_pdf_writer_reserve (s->w);
      _rd_pdf_writer_stream (s->w, id, NULL, call->str, call->len);
      g_hash_table_insert (s->calls, g_strdup (call->str), GINT_TO_POINTER (id));
    }
  return id;
}

/* The invisible text of page @index of @ex placed at @placed on a page of
 * @paper, as a form, and the content that draws it; 0 when the page has no
 * recognised words. */
static int
text_form (Assembler       *s,
           RdBundleExhibit *ex,
           int              index,
           const double     placed[4],
           const double     paper[4])
{
  int id = _rd_text_layer_write (s->w, &s->text_font_id, ex, index, placed, paper);
  static const char call[] = "q " TEXT_NAME " Do Q\n";

  if (id != 0 && s->text_call_id == 0)
    {
      s->text_call_id = _rd_pdf_writer_reserve (s->w);
      _rd_pdf_writer_stream (s->w, s->text_call_id, NULL, call, strlen (call));
    }
  return id;
}

/* The content that opens a page's graphics state, places its evidence
 * with @m and clips it to its own box; pages of one geometry share it. */
static int
place_call (Assembler    *s,
            const double  m[6],
            const double  box[4])
{
  g_autoptr(GString) call = g_string_new ("q ");
  int id;

  for (int i = 0; i < 6; i++)
    append_number (call, m[i]);
  g_string_append (call, "cm ");
  append_number (call, box[0]);
  append_number (call, box[1]);
  append_number (call, box[2] - box[0]);
  append_number (call, box[3] - box[1]);
  g_string_append (call, "re W n\n");

  id = GPOINTER_TO_INT (g_hash_table_lookup (s->calls, call->str));
  if (id == 0)
    {
      id = _rd_pdf_writer_reserve (s->w);
      _rd_pdf_writer_stream (s->w, id, NULL, call->str, call->len);
      g_hash_table_insert (s->calls, g_strdup (call->str), GINT_TO_POINTER (id));
    }
  return id;
}

/* The evidence page's annotations (links, notes, form fields), each
 * written again with its rectangle carried to where the page now lies;
 * returns their object numbers. */
/* The content streams of a page, @contents (one stream or an array of
 * them), copied from @q into an array being written. */
static void
copy_contents (RdPdfWriter *w,
               qpdf_data    q,
               RdPdfCopier *copier,
               qpdf_oh      contents)
{
  if (qpdf_oh_is_array (q, contents))
    {
      int n = qpdf_oh_get_array_n_items (q, contents);

      for (int i = 0; i < n; i++)
        {
          _rd_pdf_writer_puts (w, " ");
          _rd_pdf_copier_value (copier, qpdf_oh_get_array_item (q, contents, i));
        }
    }
  else if (qpdf_oh_is_stream (q, contents))
    {
      _rd_pdf_writer_puts (w, " ");
      _rd_pdf_copier_value (copier, contents);
    }
}

static GArray *
write_annotations (Assembler    *s,
                   qpdf_oh       src_page,
                   int           page,
                   const double  m[6])
{
  static const char * const annot_skip[] = { "/Rect", "/P", NULL };
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (int));
  qpdf_oh annots = qpdf_oh_get_key (s->src, src_page, "/Annots");
  int n = qpdf_oh_is_array (s->src, annots) ? qpdf_oh_get_array_n_items (s->src, annots) : 0;

  for (int i = 0; i < n; i++)
    {
      qpdf_oh annot = qpdf_oh_get_array_item (s->src, annots, i);
      double rect[4], placed[4];
      int id;

      if (!qpdf_oh_is_dictionary (s->src, annot) || !_rd_qpdf_read_box (s->src, annot, "/Rect", rect))
        continue;
      _rd_transform_rect (m, rect, placed);
      id = _rd_pdf_writer_reserve (s->w);
      _rd_pdf_writer_begin_object (s->w, id);
      _rd_pdf_writer_puts (s->w, "<<");
      _rd_pdf_copier_entries (s->src_copier, annot, annot_skip);
      _rd_pdf_writer_puts (s->w, " /Rect ");
      write_box (s->w, placed);
      _rd_pdf_writer_printf (s->w, " /P %d 0 R >>", page_id (page));
      _rd_pdf_writer_end_object (s->w);
      g_array_append_val (ids, id);
    }
  return ids;
}

/*
 * Bundle page @page: page @index of the evidence PDF, fitted to the
 * bundle's paper, with the skeleton page (the stamp) laid over it as a form.
 */
static gboolean
write_evidence_page (Assembler *s,
                     int        page,
                     qpdf_oh    skel_page,
                     int        index)
{
  /* Every box and the turn are the bundle page's now; the annotations are
   * written again, moved with the page. */
  static const char * const page_skip[] = {
    "/Parent", "/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox", "/Rotate",
    "/UserUnit", "/Annots", "/Contents", "/Resources", NULL
  };
  static const char * const form_skip[] = {
    "/Type", "/Subtype", "/BBox", "/Matrix", "/Resources", NULL
  };
  static const char * const xobject_skip[] = { STAMP_NAME, TEXT_NAME, NULL };
  static const char * const resources_skip[] = { "/XObject", NULL };
  RdPdfWriter *w = s->w;
  qpdf_oh src_page = qpdf_get_page_n (s->src, (size_t) index);
  qpdf_oh form, resources, contents;
  g_autoptr(GArray) annot_ids = NULL;
  double box[4], skel_box[4], m[6], placed[4];
  int rotate, form_id, call_id, place_id, text_id;

  /* The skeleton page's content stream becomes a form XObject as it is. */
  form = qpdf_oh_get_key (s->skel, skel_page, "/Contents");
  if (qpdf_oh_is_array (s->skel, form) && qpdf_oh_get_array_n_items (s->skel, form) == 1)
    form = qpdf_oh_get_array_item (s->skel, form, 0);
  if (!qpdf_oh_is_stream (s->skel, form) || !_rd_qpdf_read_box (s->skel, skel_page, "/MediaBox", skel_box))
    return FALSE;
  form_id = _rd_pdf_writer_reserve (w);
  _rd_pdf_copier_stream_open (s->skel_copier, form_id, form, form_skip);
  _rd_pdf_writer_puts (w, " /Type /XObject /Subtype /Form /BBox ");
  write_box (w, skel_box);
  _rd_pdf_writer_puts (w, " /Resources ");
  _rd_pdf_copier_value (s->skel_copier, qpdf_oh_get_key (s->skel, skel_page, "/Resources"));
  _rd_pdf_copier_stream_close (s->skel_copier, form);

  _rd_qpdf_page_geometry (s->src, src_page, box, &rotate);
  _rd_fit_matrix (box, rotate, skel_box, m);
  place_id = place_call (s, m, box);
  call_id = stamp_call (s, skel_box, 0);
  annot_ids = write_annotations (s, src_page, page, m);
  _rd_transform_rect (m, box, placed);
  text_id = text_form (s, s->src_exhibit, index, placed, skel_box);

  _rd_pdf_writer_begin_object (w, page_id (page));
  _rd_pdf_writer_puts (w, "<<");
  _rd_pdf_copier_entries (s->src_copier, src_page, page_skip);
  _rd_pdf_writer_printf (w, " /Parent %d 0 R /MediaBox ", PAGES_ID);
  write_box (w, skel_box);
  if (annot_ids->len > 0)
    {
      _rd_pdf_writer_puts (w, " /Annots [");
      for (guint i = 0; i < annot_ids->len; i++)
        _rd_pdf_writer_printf (w, " %d 0 R", g_array_index (annot_ids, int, i));
      _rd_pdf_writer_puts (w, "]");
    }

  /* A copy of the resources (other pages may share them) with the stamp. */
  resources = qpdf_oh_get_key (s->src, src_page, "/Resources");
  _rd_pdf_writer_puts (w, " /Resources <<");
  _rd_pdf_copier_entries (s->src_copier, resources, resources_skip);
  _rd_pdf_writer_puts (w, " /XObject <<");
  _rd_pdf_copier_entries (s->src_copier, qpdf_oh_get_key (s->src, resources, "/XObject"),
                          xobject_skip);
  _rd_pdf_writer_printf (w, " " STAMP_NAME " %d 0 R", form_id);
  if (text_id != 0)
    _rd_pdf_writer_printf (w, " " TEXT_NAME " %d 0 R", text_id);
  _rd_pdf_writer_puts (w, " >> >>");

  /* The evidence's own content streams stay as they are, placed and
   * wrapped in q … Q so whatever state they leave behind cannot move the
   * stamp. The invisible text goes first, under the picture. */
  _rd_pdf_writer_puts (w, " /Contents [");
  if (text_id != 0)
    _rd_pdf_writer_printf (w, "%d 0 R ", s->text_call_id);
  _rd_pdf_writer_printf (w, "%d 0 R", place_id);
  contents = qpdf_oh_get_key (s->src, src_page, "/Contents");
  copy_contents (w, s->src, s->src_copier, contents);
  _rd_pdf_writer_printf (w, " %d 0 R] >>", call_id);
  _rd_pdf_writer_end_object (w);
  return TRUE;
}

/* The placeholder image cairo drew on a photo page (see rd-bundle-photos.c). */
static qpdf_oh
find_placeholder (qpdf_data q,
                  qpdf_oh   page)
{
  qpdf_oh xobjects = qpdf_oh_get_key (q, qpdf_oh_get_key (q, page, "/Resources"), "/XObject");
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  qpdf_oh found = 0;
  int n = 0;

  if (!qpdf_oh_is_dictionary (q, xobjects))
    return 0;
  qpdf_oh_begin_dict_key_iter (q, xobjects);
  while (qpdf_oh_dict_more_keys (q))
    g_ptr_array_add (keys, g_strdup (qpdf_oh_dict_next_key (q)));
  for (guint k = 0; k < keys->len; k++)
    {
      qpdf_oh x = qpdf_oh_get_key (q, xobjects, keys->pdata[k]);

      if (qpdf_oh_is_stream (q, x) &&
          qpdf_oh_is_name_and_equals (q, qpdf_oh_get_key (q, qpdf_oh_get_dict (q, x), "/Subtype"),
                                      "/Image"))
        {
          found = x;
          n++;
        }
    }
  if (n != 1)
    g_debug ("a photo page has %d images", n);
  return n == 1 ? found : 0;
}

/* The page's /Resources and /Contents as cairo drew them, with the
 * invisible text form @text_id added and drawn first. */
static void
write_own_content (Assembler *s,
                   qpdf_oh    skel_page,
                   int        text_id)
{
  static const char * const xobject_skip[] = { TEXT_NAME, NULL };
  static const char * const resources_skip[] = { "/XObject", NULL };
  RdPdfWriter *w = s->w;
  qpdf_oh resources = qpdf_oh_get_key (s->skel, skel_page, "/Resources");
  qpdf_oh contents = qpdf_oh_get_key (s->skel, skel_page, "/Contents");

  _rd_pdf_writer_puts (w, " /Resources <<");
  _rd_pdf_copier_entries (s->skel_copier, resources, resources_skip);
  _rd_pdf_writer_puts (w, " /XObject <<");
  _rd_pdf_copier_entries (s->skel_copier, qpdf_oh_get_key (s->skel, resources, "/XObject"),
                          xobject_skip);
  _rd_pdf_writer_printf (w, " " TEXT_NAME " %d 0 R >> >>", text_id);
  _rd_pdf_writer_printf (w, " /Contents [%d 0 R", s->text_call_id);
  copy_contents (w, s->skel, s->skel_copier, contents);
  _rd_pdf_writer_puts (w, "]");
}

/* One of Redress's own pages, with its index links and, on a photo page,
 * the photo's own JPEG bytes in place of the placeholder and the words
 * recognised on it under it. */
static gboolean
write_own_page (Assembler       *s,
                int              page,
                qpdf_oh          skel_page,
                RdPhotoSlot     *slot)
{
  static const char * const page_skip[] = { "/Parent", "/Annots", NULL };
  static const char * const text_page_skip[] = {
    "/Parent", "/Annots", "/Resources", "/Contents", NULL
  };
  RdPdfWriter *w = s->w;
  RdBundleExhibit *photo = slot != NULL ? slot->exhibit : NULL;
  g_autoptr(GArray) annot_ids = g_array_new (FALSE, FALSE, sizeof (int));
  qpdf_oh annots;
  int text_id = 0;

  if (photo != NULL)
    {
      double paper[4];
      qpdf_oh placeholder = find_placeholder (s->skel, skel_page);
      int photo_id;

      if (placeholder == 0)
        {
          g_set_error_literal (s->error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_FAILED,
                               UI_("Redress could not put the photos into the bundle."));
          return FALSE;
        }
      photo_id = _rd_pdf_writer_reserve (w);
      _rd_pdf_copier_map (s->skel_copier, placeholder, photo_id);
      if (!_rd_photo_write (w, photo_id, photo, s->a->smaller, s->error))
        return FALSE;
      if (_rd_qpdf_read_box (s->skel, skel_page, "/MediaBox", paper))
        text_id = text_form (s, photo, 0, slot->rect, paper);
    }

  for (guint i = s->a->page_links[page]; i < s->a->page_links[page + 1]; i++)
    {
      RdLink *l = &g_array_index (s->a->links, RdLink, i);
      double rect[4] = { l->x0, l->y0, l->x1, l->y1 };
      int id = _rd_pdf_writer_reserve (w);

      g_array_append_val (annot_ids, id);
      _rd_pdf_writer_begin_object (w, id);
      _rd_pdf_writer_puts (w, "<< /Type /Annot /Subtype /Link /Rect ");
      write_box (w, rect);
      _rd_pdf_writer_printf (w, " /Border [0 0 0] /Dest [%d 0 R /Fit] >>", page_id (l->target));
      _rd_pdf_writer_end_object (w);
    }

  _rd_pdf_writer_begin_object (w, page_id (page));
  _rd_pdf_writer_puts (w, "<<");
  _rd_pdf_copier_entries (s->skel_copier, skel_page, text_id != 0 ? text_page_skip : page_skip);
  _rd_pdf_writer_printf (w, " /Parent %d 0 R", PAGES_ID);
  if (text_id != 0)
    write_own_content (s, skel_page, text_id);
  annots = qpdf_oh_get_key (s->skel, skel_page, "/Annots");
  if (annot_ids->len > 0 || qpdf_oh_is_array (s->skel, annots))
    {
      int n = qpdf_oh_is_array (s->skel, annots) ? qpdf_oh_get_array_n_items (s->skel, annots) : 0;

      _rd_pdf_writer_puts (w, " /Annots [");
      for (int i = 0; i < n; i++)
        {
          _rd_pdf_writer_puts (w, " ");
          _rd_pdf_copier_value (s->skel_copier, qpdf_oh_get_array_item (s->skel, annots, i));
        }
      for (guint i = 0; i < annot_ids->len; i++)
        _rd_pdf_writer_printf (w, " %d 0 R", g_array_index (annot_ids, int, i));
      _rd_pdf_writer_puts (w, "]");
    }
  _rd_pdf_writer_puts (w, " >>");
  _rd_pdf_writer_end_object (w);
  return TRUE;
}

/* The outline, the page tree, the catalog and the document information. */
static void
write_document (Assembler *s)
{
  RdAssembly *a = s->a;
  RdPdfWriter *w = s->w;
  int outlines_id = 0;

  if (a->outline->len > 0)
    outlines_id = _rd_pdf_write_outline (w, a->outline, page_id (1));

  _rd_pdf_writer_begin_object (w, PAGES_ID);
  _rd_pdf_writer_printf (w, "<< /Type /Pages /Count %d /Kids [", a->n_pages);
  for (int p = 1; p <= a->n_pages; p++)
    _rd_pdf_writer_printf (w, p % 16 == 0 ? "%d 0 R\n" : "%d 0 R ", page_id (p));
  _rd_pdf_writer_puts (w, "] >>");
  _rd_pdf_writer_end_object (w);

  _rd_pdf_writer_begin_object (w, CATALOG_ID);
  _rd_pdf_writer_printf (w, "<< /Type /Catalog /Pages %d 0 R", PAGES_ID);
  if (outlines_id > 0)
    _rd_pdf_writer_printf (w, " /Outlines %d 0 R /PageMode /UseOutlines", outlines_id);
  _rd_pdf_writer_puts (w, " >>");
  _rd_pdf_writer_end_object (w);

  _rd_pdf_writer_begin_object (w, INFO_ID);
  _rd_pdf_writer_puts (w, "<< /Title ");
  _rd_pdf_writer_text (w, a->title ? a->title : "");
  if (a->author != NULL)
    {
      _rd_pdf_writer_puts (w, " /Author ");
      _rd_pdf_writer_text (w, a->author);
    }
  _rd_pdf_writer_puts (w, " /Creator (Redress " PACKAGE_VERSION ") /Producer (Redress "
                       PACKAGE_VERSION ") /CreationDate ");
  _rd_pdf_writer_date (w, a->created);
  _rd_pdf_writer_puts (w, " >>");
  _rd_pdf_writer_end_object (w);
}

/* Work done so far is counted in bytes of evidence, so the progress bar
 * moves evenly over pages of text and over photos. */
static goffset
page_weight (RdBundleExhibit *evidence,
             RdBundleExhibit *photo)
{
  if (photo != NULL)
    return MAX (photo->size, 4096);
  if (evidence != NULL)
    return MAX (evidence->size / MAX (1, (goffset) evidence->pdf_pages->len), 4096);
  return 4096;
}

/* What each page weighs in the progress: its share of the bytes written. */
static goffset
total_weight (RdAssembly *a)
{
  goffset total = 0;

  for (int p = 1, rr = 0, pp = 0; p <= a->n_pages; p++)
    {
      RdEvidenceRun *run = (guint) rr < a->runs->len ? &g_array_index (a->runs, RdEvidenceRun, rr) : NULL;
      RdPhotoSlot *slot = (guint) pp < a->photos->len ? &g_array_index (a->photos, RdPhotoSlot, pp) : NULL;

      if (run != NULL && p >= run->first_page)
        {
          total += page_weight (run->exhibit, NULL);
          if (p == run->first_page + (int) run->exhibit->pdf_pages->len - 1)
            rr++;
        }
      else if (slot != NULL && slot->page == p)
        {
          total += page_weight (NULL, slot->exhibit);
          pp++;
        }
      else
        total += page_weight (NULL, NULL);
    }
  return total;
}

/**
 * _rd_pdf_assemble:
 *
 * Writes @output from the skeleton files that cairo drew: Redress's own
 * pages as drawn (with the index's links and the photos' own bytes), and
 * the evidence pages in place of their stamp pages, each stamp laid over
 * its page.
 */
gboolean
_rd_pdf_assemble (RdAssembly   *a,
                  const char   *output,
                  void        (*progress) (double fraction, gpointer data),
                  gpointer      progress_data,
                  GCancellable *cancellable,
                  GError      **error)
{
  Assembler s = { .a = a, .error = error, .chunk = -1 };
  g_autoptr(GError) local_error = NULL;
  goffset total, done = 0;
  guint r = 0, ph = 0;
  int run_index = 0;
  gboolean ok = FALSE;

  if (!rd_qpdf_load (error))
    return FALSE;
  total = total_weight (a);

  s.w = _rd_pdf_writer_new (output, &local_error);
  if (s.w == NULL)
    {
      g_set_error_literal (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_WRITE, local_error->message);
      return FALSE;
    }
  s.calls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Catalog, page tree and information first, then a number for each page. */
  for (int i = 1; i < FIRST_PAGE_ID + a->n_pages; i++)
    _rd_pdf_writer_reserve (s.w);

  for (int p = 1; p <= a->n_pages; p++)
    {
      RdEvidenceRun *run = r < a->runs->len ? &g_array_index (a->runs, RdEvidenceRun, r) : NULL;
      RdPhotoSlot *slot = ph < a->photos->len ? &g_array_index (a->photos, RdPhotoSlot, ph) : NULL;
      RdBundleExhibit *photo = slot != NULL && slot->page == p ? slot->exhibit : NULL;
      qpdf_oh skel_page = skeleton_page (&s, p);

      if (skel_page == 0 || !qpdf_oh_is_dictionary (s.skel, skel_page))
        {
          g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_FAILED,
                       UI_("Redress could not put the bundle together (%s)."),
                       _rd_qpdf_error_detail (s.skel));
          goto out;
        }

      if (run != NULL && p >= run->first_page)
        {
          RdBundleExhibit *ex = run->exhibit;

          if (p == run->first_page || s.src_pages == SOURCE_REOPEN)
            {
              if (p == run->first_page)
                close_source (&s);
              if (!open_source (&s, run))
                {
                  g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_EVIDENCE_UNREADABLE,
                               UI_("The file for exhibit %s (“%s”) could not be read again while "
                                 "the bundle was made, so the bundle was not made. Check that "
                                 "the evidence file “%s” is still there and unchanged."),
                               ex->label, ex->title, ex->file_name ? ex->file_name : ex->path);
                  goto out;
                }
            }
          run_index = p - run->first_page;
          if (!write_evidence_page (&s, p, skel_page, run_index) ||
              !_rd_pdf_copier_flush (s.src_copier, &local_error) ||
              !_rd_pdf_copier_flush (s.skel_copier, &local_error))
            {
              if (!_rd_pdf_writer_check (s.w, NULL))
                goto write_failed;
              g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_FAILED,
                           UI_("Redress could not copy page %d of exhibit %s (“%s”) into the "
                             "bundle (%s)."), run_index + 1, ex->label, ex->title,
                           local_error ? local_error->message : _rd_qpdf_error_detail (s.src));
              goto out;
            }
          s.src_pages++;
          done += page_weight (ex, NULL);
          if (run_index + 1 == (int) ex->pdf_pages->len)
            {
              close_source (&s);
              r++;
            }
        }
      else
        {
          if (!write_own_page (&s, p, skel_page, photo != NULL ? slot : NULL))
            goto out;
          if (!_rd_pdf_copier_flush (s.skel_copier, &local_error))
            {
              if (!_rd_pdf_writer_check (s.w, NULL))
                goto write_failed;
              g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_FAILED,
                           UI_("Redress could not put the bundle together (%s)."),
                           local_error->message);
              goto out;
            }
          if (photo != NULL)
            ph++;
          done += page_weight (NULL, photo);
        }

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      if (progress != NULL && (photo != NULL || p % 16 == 0 || p == a->n_pages))
        progress ((double) done / MAX (total, 1), progress_data);
    }
  close_source (&s);
  close_skeleton (&s);

  write_document (&s);
  {
    g_autofree char *seed = g_strdup_printf ("%s\n%s\n%d\n%" G_GINT64_FORMAT, output,
                                             a->title ? a->title : "", a->n_pages,
                                             rd_clock_get_unix (rd_clock_get_default ()));

    if (!_rd_pdf_writer_finish (s.w, CATALOG_ID, INFO_ID, seed, NULL))
      goto write_failed;
  }
  ok = TRUE;
  goto out;

write_failed:
  g_clear_error (&local_error);
  _rd_pdf_writer_check (s.w, &local_error);
  g_set_error_literal (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_WRITE, local_error->message);

out:
  close_source (&s);
  close_skeleton (&s);
  g_clear_pointer (&s.calls, g_hash_table_unref);
  g_clear_pointer (&s.w, _rd_pdf_writer_free);
  return ok;
}
