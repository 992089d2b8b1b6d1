/* rd-bundle-outline.c: the bundle's bookmarks, sections with their parts nested under them.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-bundle"

#include "config.h"

#include "rd-bundle-private.h"
#include "rd-pdf-writer.h"

/* The sibling after item @i at its level, or 0; its children's count in
 * @n_children (top-level items: those after it until the next top-level). */
static guint
next_sibling (GArray *outline,
              guint   i,
              guint  *n_children)
{
  RdOutlineItem *item = &g_array_index (outline, RdOutlineItem, i);
  guint j = i + 1;

  *n_children = 0;
  for (; j < outline->len && g_array_index (outline, RdOutlineItem, j).child; j++)
    if (!item->child)
      (*n_children)++;
  if (item->child)
    return i + 1 < outline->len && g_array_index (outline, RdOutlineItem, i + 1).child ? i + 1 : 0;
  return j < outline->len ? j : 0;
}

/* The bookmarks: items numbered in a row (first, first + 1, …), those
 * marked as children under the top-level item before them, open. */
int
_rd_pdf_write_outline (RdPdfWriter *w,
                       GArray      *outline,
                       int          first_page_id)
{
  int outlines_id = _rd_pdf_writer_reserve (w);
  int first = 0, last_top = 0, parent = outlines_id;

  for (guint i = 0; i < outline->len; i++)
    {
      int id = _rd_pdf_writer_reserve (w);

      if (i == 0)
        first = id;
      if (!g_array_index (outline, RdOutlineItem, i).child)
        last_top = id;
    }
  _rd_pdf_writer_begin_object (w, outlines_id);
  _rd_pdf_writer_printf (w, "<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %u >>",
                         first, last_top, outline->len);
  _rd_pdf_writer_end_object (w);
  for (guint i = 0; i < outline->len; i++)
    {
      RdOutlineItem *item = &g_array_index (outline, RdOutlineItem, i);
      int id = first + (int) i;
      guint n_children, next = next_sibling (outline, i, &n_children);

      if (!item->child)
        parent = id;
      _rd_pdf_writer_begin_object (w, id);
      _rd_pdf_writer_puts (w, "<< /Title ");
      _rd_pdf_writer_text (w, item->title);
      _rd_pdf_writer_printf (w, " /Parent %d 0 R", item->child ? parent : outlines_id);
      /* The previous item at this level: a child's is the item before
       * it unless that is its parent; a top-level item's is the last
       * top-level item before it. */
      for (guint k = i; k-- > 0;)
        {
          RdOutlineItem *before = &g_array_index (outline, RdOutlineItem, k);

          if (item->child && !before->child)
            break;
          if (before->child == item->child)
            {
              _rd_pdf_writer_printf (w, " /Prev %d 0 R", first + (int) k);
              break;
            }
        }
      if (next > 0)
        _rd_pdf_writer_printf (w, " /Next %d 0 R", first + (int) next);
      if (n_children > 0)
        _rd_pdf_writer_printf (w, " /First %d 0 R /Last %d 0 R /Count %u", id + 1,
                               id + (int) n_children, n_children);
      _rd_pdf_writer_printf (w, " /Dest [%d 0 R /Fit] >>", first_page_id + item->page - 1);
      _rd_pdf_writer_end_object (w);
    }
  return outlines_id;
}
