/* rd-bundle-qpdf.c: reading evidence PDFs, and assembling the bundle with libqpdf.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evidence pages are copied into the bundle as they are (content,
 * fonts, images, annotations): qpdf copies objects, it never re-renders.
 * Each page's box grows by a band at its foot (in the reader's
 * orientation), and the matching skeleton page that cairo drew, which holds
 * only the "Page N of M" stamp, is laid over it as a form XObject.
 */
#define G_LOG_DOMAIN "rd-bundle"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <qpdf/qpdf-c.h>
#include <sys/resource.h>

#include "rd-bundle-private.h"

#define STAMP_NAME "/RdBundleStamp"

static qpdf_data
open_quietly (void)
{
  qpdf_data q = qpdf_init ();

  qpdf_silence_errors (q);
  qpdf_set_suppress_warnings (q, QPDF_TRUE);
  return q;
}

static const char *
last_error_detail (qpdf_data q)
{
  if (!qpdf_has_error (q))
    return "";
  return qpdf_get_error_full_text (q, qpdf_get_error (q));
}

static gboolean
read_box (qpdf_data q,
          qpdf_oh   page,
          const char *key,
          double     box[4])
{
  qpdf_oh arr = qpdf_oh_get_key (q, page, key);
  double v[4];

  if (!qpdf_oh_is_array (q, arr) || qpdf_oh_get_array_n_items (q, arr) != 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      qpdf_oh item = qpdf_oh_get_array_item (q, arr, i);

      if (!qpdf_oh_is_number (q, item))
        return FALSE;
      v[i] = qpdf_oh_get_numeric_value (q, item);
    }
  box[0] = MIN (v[0], v[2]);
  box[1] = MIN (v[1], v[3]);
  box[2] = MAX (v[0], v[2]);
  box[3] = MAX (v[1], v[3]);
  return box[2] - box[0] >= 1 && box[3] - box[1] >= 1;
}

/* The visible box (CropBox within MediaBox) and the page's rotation. */
static void
page_geometry (qpdf_data q,
               qpdf_oh   page,
               double    box[4],
               int      *rotate)
{
  double crop[4];
  qpdf_oh rot;

  if (!read_box (q, page, "/MediaBox", box))
    {
      /* No usable MediaBox: readers assume US Letter. */
      box[0] = 0;
      box[1] = 0;
      box[2] = 612;
      box[3] = 792;
    }
  if (read_box (q, page, "/CropBox", crop))
    {
      double c[4] = { MAX (box[0], crop[0]), MAX (box[1], crop[1]),
                      MIN (box[2], crop[2]), MIN (box[3], crop[3]) };

      if (c[2] - c[0] >= 1 && c[3] - c[1] >= 1)
        memcpy (box, c, sizeof c);
    }

  *rotate = 0;
  rot = qpdf_oh_get_key (q, page, "/Rotate");
  if (qpdf_oh_is_integer (q, rot))
    *rotate = (int) (((qpdf_oh_get_int_value (q, rot) % 360) + 360) % 360) / 90 * 90;
}

/**
 * _rd_pdf_probe:
 *
 * Opens a PDF exhibit and reads the size of each of its pages. A PDF that
 * needs a password, or that qpdf cannot read, is not an error: the exhibit
 * is marked as not included, with the reason, and the bundle goes on.
 */
gboolean
_rd_pdf_probe (RdBundleExhibit *ex,
               GError         **error)
{
  qpdf_data q = open_quietly ();
  int n;

  if (qpdf_read (q, ex->path, NULL) & QPDF_ERRORS)
    {
      qpdf_error e = qpdf_get_error (q);
      enum qpdf_error_code_e code = qpdf_get_error_code (q, e);

      g_debug ("qpdf cannot read %s: %s", ex->path, qpdf_get_error_full_text (q, e));
      g_clear_pointer (&ex->omitted_reason, g_free);
      if (code == qpdf_e_password)
        ex->omitted_reason =
          g_strdup (_("This PDF is protected with a password, so Redress cannot copy its pages. "
                      "Open it with its password, save or print a copy without one, add that "
                      "copy to the case and make the bundle again; or send this file "
                      "separately."));
      else
        ex->omitted_reason =
          g_strdup (_("This PDF is damaged, so Redress cannot copy its pages. Open it to check "
                      "it, save a new copy (for example with “Print to PDF”), add that copy to "
                      "the case and make the bundle again."));
      qpdf_cleanup (&q);
      return TRUE;
    }

  qpdf_push_inherited_attributes_to_page (q);
  n = qpdf_get_num_pages (q);
  if (n <= 0 || qpdf_has_error (q))
    {
      g_debug ("qpdf finds no pages in %s: %s", ex->path, last_error_detail (q));
      ex->omitted_reason =
        g_strdup (_("This PDF has no pages Redress can read. Open it to check it, save a new "
                    "copy, add that copy to the case and make the bundle again."));
      qpdf_cleanup (&q);
      return TRUE;
    }

  g_clear_pointer (&ex->pdf_pages, g_array_unref);
  ex->pdf_pages = g_array_sized_new (FALSE, FALSE, sizeof (RdPdfPage), (guint) n);
  for (int i = 0; i < n; i++)
    {
      double box[4];
      int rotate;
      RdPdfPage p;

      page_geometry (q, qpdf_get_page_n (q, (size_t) i), box, &rotate);
      p.width = box[2] - box[0];
      p.height = box[3] - box[1];
      if (rotate == 90 || rotate == 270)
        {
          double t = p.width;
          p.width = p.height;
          p.height = t;
        }
      g_array_append_val (ex->pdf_pages, p);
    }
  qpdf_oh_release_all (q);
  ex->qpdf = q;
  return TRUE;
}

void
_rd_pdf_close (RdBundleExhibit *ex)
{
  qpdf_data q = ex->qpdf;

  if (q != NULL)
    qpdf_cleanup (&q);
  ex->qpdf = NULL;
}

static qpdf_oh
new_box (qpdf_data    q,
         const double b[4])
{
  qpdf_oh arr = qpdf_oh_new_array (q);

  for (int i = 0; i < 4; i++)
    qpdf_oh_append_item (q, arr, qpdf_oh_new_real_from_double (q, b[i], 3));
  return arr;
}

/* A shallow copy, so that changing one page's resources leaves the other
 * pages that shared them alone. */
static qpdf_oh
copy_dict (qpdf_data q,
           qpdf_oh   src)
{
  qpdf_oh dst = qpdf_oh_new_dictionary (q);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  if (!qpdf_oh_is_dictionary (q, src))
    return dst;
  qpdf_oh_begin_dict_key_iter (q, src);
  while (qpdf_oh_dict_more_keys (q))
    g_ptr_array_add (keys, g_strdup (qpdf_oh_dict_next_key (q)));
  for (guint i = 0; i < keys->len; i++)
    qpdf_oh_replace_key (q, dst, keys->pdata[i], qpdf_oh_get_key (q, src, keys->pdata[i]));
  return dst;
}

static qpdf_oh
new_content_stream (qpdf_data   q,
                    const char *text)
{
  qpdf_oh s = qpdf_oh_new_stream (q);

  qpdf_oh_replace_stream_data (q, s, (const unsigned char *) text, strlen (text),
                               qpdf_oh_new_null (q), qpdf_oh_new_null (q));
  return s;
}

static void
append_number (GString *s,
               double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (s, g_ascii_formatd (buf, sizeof buf, "%.4f", fabs (v) < 1e-9 ? 0 : v));
  g_string_append_c (s, ' ');
}

/*
 * Lays @skel (the stamp page) over @page (the evidence page, already copied
 * into @out), after growing @page by the band at its foot.
 */
/* An indirect copy in @out of @oh (an object of @from), made indirect in
 * @from first if need be (copyForeignObject takes indirect objects). */
static qpdf_oh
copy_from (qpdf_data out,
           qpdf_data from,
           qpdf_oh   oh)
{
  if (!qpdf_oh_is_indirect (from, oh))
    oh = qpdf_make_indirect_object (from, oh);
  return qpdf_oh_copy_foreign_object (out, from, oh);
}

static gboolean
overlay_stamp (qpdf_data   out,
               qpdf_oh     page,
               qpdf_data   from,
               qpdf_oh     skel,
               qpdf_oh     q_open,
               GHashTable *calls)
{
  double box[4], nb[4], skel_box[4], w, h;
  int rotate;
  qpdf_oh form, dict, res, xobjects, contents, new_contents;
  g_autoptr(GString) call = g_string_new ("\nQ\nq ");

  page_geometry (out, page, box, &rotate);
  memcpy (nb, box, sizeof nb);
  switch (rotate)
    {
    case 90:  nb[2] += RD_STAMP_BAND; break;
    case 180: nb[3] += RD_STAMP_BAND; break;
    case 270: nb[0] -= RD_STAMP_BAND; break;
    default:  nb[1] -= RD_STAMP_BAND; break;
    }
  qpdf_oh_replace_key (out, page, "/MediaBox", new_box (out, nb));
  qpdf_oh_replace_key (out, page, "/CropBox", new_box (out, nb));
  w = nb[2] - nb[0];
  h = nb[3] - nb[1];

  /* The skeleton page's content stream becomes a form XObject as it is. */
  form = qpdf_oh_get_key (from, skel, "/Contents");
  if (qpdf_oh_is_array (from, form) && qpdf_oh_get_array_n_items (from, form) == 1)
    form = qpdf_oh_get_array_item (from, form, 0);
  if (!qpdf_oh_is_stream (from, form) || !read_box (from, skel, "/MediaBox", skel_box))
    return FALSE;
  form = copy_from (out, from, form);
  dict = qpdf_oh_get_dict (out, form);
  qpdf_oh_replace_key (out, dict, "/Type", qpdf_oh_new_name (out, "/XObject"));
  qpdf_oh_replace_key (out, dict, "/Subtype", qpdf_oh_new_name (out, "/Form"));
  qpdf_oh_replace_key (out, dict, "/BBox", new_box (out, skel_box));
  qpdf_oh_replace_key (out, dict, "/Resources",
                       copy_from (out, from, qpdf_oh_get_key (from, skel, "/Resources")));

  res = copy_dict (out, qpdf_oh_get_key (out, page, "/Resources"));
  xobjects = copy_dict (out, qpdf_oh_get_key (out, res, "/XObject"));
  qpdf_oh_replace_key (out, xobjects, STAMP_NAME, form);
  qpdf_oh_replace_key (out, res, "/XObject", xobjects);
  qpdf_oh_replace_key (out, page, "/Resources", res);

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

  /* The evidence's own content streams stay as they are, wrapped in q … Q
   * so whatever state they leave behind cannot move the stamp. */
  new_contents = qpdf_oh_new_array (out);
  qpdf_oh_append_item (out, new_contents, q_open);
  contents = qpdf_oh_get_key (out, page, "/Contents");
  if (qpdf_oh_is_array (out, contents))
    {
      int n = qpdf_oh_get_array_n_items (out, contents);

      for (int i = 0; i < n; i++)
        qpdf_oh_append_item (out, new_contents, qpdf_oh_get_array_item (out, contents, i));
    }
  else if (qpdf_oh_is_stream (out, contents))
    qpdf_oh_append_item (out, new_contents, contents);
  /* Pages of one size share the stream that places their stamp. */
  {
    int call_id = GPOINTER_TO_INT (g_hash_table_lookup (calls, call->str));

    if (call_id == 0)
      {
        call_id = qpdf_oh_get_object_id (out, new_content_stream (out, call->str));
        g_hash_table_insert (calls, g_strdup (call->str), GINT_TO_POINTER (call_id));
      }
    qpdf_oh_append_item (out, new_contents, qpdf_get_object_by_id (out, call_id, 0));
  }
  qpdf_oh_replace_key (out, page, "/Contents", new_contents);

  return !qpdf_has_error (out);
}

/* Tags each photo page's placeholder image with its slot number, so that
 * it can be found again once qpdf has renumbered the objects. */
static gboolean
mark_photo_placeholders (qpdf_data out,
                         GArray   *photos)
{
  for (guint i = 0; i < photos->len; i++)
    {
      RdPhotoSlot *slot = &g_array_index (photos, RdPhotoSlot, i);
      qpdf_oh page = qpdf_get_page_n (out, (size_t) (slot->page - 1));
      qpdf_oh xobjects = qpdf_oh_get_key (out, qpdf_oh_get_key (out, page, "/Resources"), "/XObject");
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
      int found = 0;

      if (qpdf_oh_is_dictionary (out, xobjects))
        {
          qpdf_oh_begin_dict_key_iter (out, xobjects);
          while (qpdf_oh_dict_more_keys (out))
            g_ptr_array_add (keys, g_strdup (qpdf_oh_dict_next_key (out)));
        }
      for (guint k = 0; k < keys->len; k++)
        {
          qpdf_oh x = qpdf_oh_get_key (out, xobjects, keys->pdata[k]);
          qpdf_oh dict = qpdf_oh_get_dict (out, x);

          if (qpdf_oh_is_stream (out, x) &&
              qpdf_oh_is_name_and_equals (out, qpdf_oh_get_key (out, dict, "/Subtype"), "/Image"))
            {
              qpdf_oh_replace_key (out, dict, RD_PHOTO_MARK, qpdf_oh_new_integer (out, i));
              found++;
            }
        }
      if (found != 1)
        {
          g_debug ("photo page %d has %d images", slot->page, found);
          return FALSE;
        }
    }
  return TRUE;
}

static void
add_links (qpdf_data out,
           GArray   *links)
{
  for (guint i = 0; i < links->len; i++)
    {
      RdLink *l = &g_array_index (links, RdLink, i);
      qpdf_oh page = qpdf_get_page_n (out, (size_t) (l->page - 1));
      qpdf_oh target = qpdf_get_page_n (out, (size_t) (l->target - 1));
      qpdf_oh annots = qpdf_oh_get_key (out, page, "/Annots");
      qpdf_oh annot = qpdf_oh_new_dictionary (out);
      qpdf_oh dest = qpdf_oh_new_array (out);
      qpdf_oh border = qpdf_oh_new_array (out);
      double rect[4] = { l->x0, l->y0, l->x1, l->y1 };

      if (!qpdf_oh_is_array (out, annots))
        {
          annots = qpdf_oh_new_array (out);
          qpdf_oh_replace_key (out, page, "/Annots", annots);
        }
      qpdf_oh_append_item (out, dest, target);
      qpdf_oh_append_item (out, dest, qpdf_oh_new_name (out, "/Fit"));
      for (int k = 0; k < 3; k++)
        qpdf_oh_append_item (out, border, qpdf_oh_new_integer (out, 0));

      qpdf_oh_replace_key (out, annot, "/Type", qpdf_oh_new_name (out, "/Annot"));
      qpdf_oh_replace_key (out, annot, "/Subtype", qpdf_oh_new_name (out, "/Link"));
      qpdf_oh_replace_key (out, annot, "/Rect", new_box (out, rect));
      qpdf_oh_replace_key (out, annot, "/Border", border);
      qpdf_oh_replace_key (out, annot, "/Dest", dest);
      qpdf_oh_append_item (out, annots, qpdf_make_indirect_object (out, annot));
    }
}

typedef struct
{
  void   (*progress) (double fraction, gpointer data);
  gpointer data;
} ProgressRelay;

static void
on_write_progress (int   percent,
                   void *data)
{
  ProgressRelay *relay = data;

  if (relay->progress != NULL)
    relay->progress (0.1 + 0.9 * CLAMP (percent, 0, 100) / 100.0, relay->data);
}

/**
 * _rd_pdf_assemble:
 * @runs: where each PDF exhibit's pages go (bundle page numbers)
 * @links: the index's links
 *
 * Reads the skeleton that cairo drew, puts the evidence pages in place of
 * their stamp pages, adds the index links and writes @output.
 */
gboolean
_rd_pdf_assemble (const char   *skeleton,
                  const char   *output,
                  GArray       *runs,
                  GArray       *links,
                  GArray       *photos,
                  void        (*progress) (double fraction, gpointer data),
                  gpointer      progress_data,
                  GCancellable *cancellable,
                  GError      **error)
{
  qpdf_data out = open_quietly ();
  qpdf_data skel = open_quietly ();
  ProgressRelay relay = { progress, progress_data };
  g_autoptr(GHashTable) calls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int q_open_id, n_pages;
  guint r = 0;
  gboolean ok = FALSE;

  /* The bundle is built up from an empty PDF, page after page: each page
   * is appended, never inserted or removed, which keeps qpdf's page list
   * cheap to update however long the bundle. */
  if ((qpdf_read (skel, skeleton, NULL) & QPDF_ERRORS) || (qpdf_empty_pdf (out) & QPDF_ERRORS))
    {
      g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_FAILED,
                   _("Redress could not put the bundle together (%s)."), last_error_detail (skel));
      goto out;
    }

  q_open_id = qpdf_oh_get_object_id (out, new_content_stream (out, "q\n"));
  n_pages = qpdf_get_num_pages (skel);

  for (int p = 0; p < n_pages;)
    {
      RdEvidenceRun *run = r < runs->len ? &g_array_index (runs, RdEvidenceRun, r) : NULL;

      if (run == NULL || run->first_page - 1 != p)
        {
          if (qpdf_add_page (out, skel, qpdf_get_page_n (skel, (size_t) p), QPDF_FALSE) & QPDF_ERRORS)
            {
              g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_FAILED,
                           _("Redress could not put the bundle together (%s)."),
                           last_error_detail (out));
              goto out;
            }
          p++;
          continue;
        }

      {
        qpdf_data src = run->exhibit->qpdf;
        int n = qpdf_get_num_pages (src);
        qpdf_oh q_open = qpdf_get_object_by_id (out, q_open_id, 0);

        for (int i = 0; i < n; i++, p++)
          {
            qpdf_oh skel_page = qpdf_get_page_n (skel, (size_t) p);

            if ((qpdf_add_page (out, src, qpdf_get_page_n (src, (size_t) i), QPDF_FALSE) & QPDF_ERRORS) ||
                !overlay_stamp (out, qpdf_get_page_n (out, (size_t) p), skel, skel_page, q_open, calls))
              {
                g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_FAILED,
                             _("Redress could not copy page %d of exhibit %s (“%s”) into the "
                               "bundle (%s)."), i + 1, run->exhibit->label, run->exhibit->title,
                             last_error_detail (out));
                goto out;
              }
          }
        qpdf_oh_release_all (out);
        qpdf_oh_release_all (src);
        qpdf_oh_release_all (skel);
        r++;

        if (g_cancellable_set_error_if_cancelled (cancellable, error))
          goto out;
        if (progress != NULL)
          progress (0.1 * r / runs->len, progress_data);
      }
    }

  /* The outline (its destinations are pages already copied) and metadata. */
  {
    qpdf_oh outlines = qpdf_oh_get_key (skel, qpdf_get_root (skel), "/Outlines");
    qpdf_oh info = qpdf_oh_get_key (skel, qpdf_get_trailer (skel), "/Info");

    if (qpdf_oh_is_dictionary (skel, outlines))
      {
        qpdf_oh_replace_key (out, qpdf_get_root (out), "/Outlines", copy_from (out, skel, outlines));
        qpdf_oh_replace_key (out, qpdf_get_root (out), "/PageMode",
                             qpdf_oh_new_name (out, "/UseOutlines"));
      }
    if (qpdf_oh_is_dictionary (skel, info))
      qpdf_oh_replace_key (out, qpdf_get_trailer (out), "/Info", copy_from (out, skel, info));
  }

  add_links (out, links);
  if (!mark_photo_placeholders (out, photos))
    {
      g_set_error_literal (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_FAILED,
                           _("Redress could not put the photos into the bundle."));
      goto out;
    }
  qpdf_oh_release_all (out);
  {
    struct rusage ru;

    getrusage (RUSAGE_SELF, &ru);
    g_debug ("evidence pages in place (peak RSS %ld MB); writing", ru.ru_maxrss / 1024);
  }

  if (qpdf_init_write (out, output) & QPDF_ERRORS)
    {
      g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_WRITE,
                   _("Redress could not write the bundle (%s). Check that the folder exists "
                     "and that you may write to it."), last_error_detail (out));
      goto out;
    }
  /* Streams are copied as stored: scans keep their own bytes and nothing
   * is decompressed only to be compressed again. */
  qpdf_set_decode_level (out, qpdf_dl_none);
  qpdf_set_object_stream_mode (out, qpdf_o_generate);
  qpdf_register_progress_reporter (out, on_write_progress, &relay);
  if (qpdf_write (out) & QPDF_ERRORS)
    {
      g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_WRITE,
                   _("Redress could not finish writing the bundle (%s). Check that the disk "
                     "has space and try again."), last_error_detail (out));
      goto out;
    }
  ok = TRUE;

out:
  qpdf_cleanup (&out);
  qpdf_cleanup (&skel);
  return ok;
}
