/* rd-bundle-textlayer.c: the invisible text laid under a scanned page or a photographed letter.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A scanned page or a photo of a letter is only a picture: without help,
 * nobody can search or copy the bundle there. The words recognised on it
 * (rd-store-ocr.h) are written as text in render mode 3 (neither filled
 * nor stroked: invisible), each stretched over the box where it stands in
 * the picture as the bundle shows it (fitted to the paper, or placed on a
 * photo page), so a reader selects, finds and copies the word where it is
 * seen.
 *
 * The text is shown in one font for the whole bundle that has no glyphs to
 * draw: character codes are the words' UTF-16 code units, and a ToUnicode
 * map takes every code to itself, which is all a reader needs to know the
 * text. The words go in a form XObject with its own resources, so the
 * page's own resources are not touched.
 */
#define G_LOG_DOMAIN "rd-bundle"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rd-bundle-private.h"

/* Each character is taken as half an em wide; Tz then stretches a word to
 * its box. */
#define CHAR_WIDTH 500

typedef RdTextLayer TextLayer;

static void
text_layer_free (gpointer data)
{
  TextLayer *layer = data;

  g_free (layer->words);
  g_free (layer);
}

/**
 * _rd_bundle_exhibit_add_text_layer:
 * @page: the exhibit's page, from 0 (a photo has one page, 0)
 * @width: (in the units of @words) the page's width as a reader sees it:
 *   turned by its /Rotate, or a photo turned upright
 * @height: its height, in the same units
 * @words: lines of "left top right bottom confidence word", the box from
 *   the top left (see RdOcrPage)
 *
 * Gives a page of a PDF exhibit, or a photo, the words recognised on it,
 * to be laid under it invisibly in the bundle.
 */
/* The words recognised on page @page of @exhibit, or %NULL. */
RdTextLayer *
_rd_text_layer_find (RdBundleExhibit *exhibit,
                     int              page)
{
  for (guint i = 0; exhibit->text_layers != NULL && i < exhibit->text_layers->len; i++)
    if (((TextLayer *) exhibit->text_layers->pdata[i])->page == page)
      return exhibit->text_layers->pdata[i];
  return NULL;
}

/* Forgets the words of page @page of @exhibit: nothing of them goes in. */
void
_rd_text_layer_drop (RdBundleExhibit *exhibit,
                     int              page)
{
  RdTextLayer *layer = _rd_text_layer_find (exhibit, page);

  if (layer != NULL)
    g_ptr_array_remove (exhibit->text_layers, layer);
}

void
_rd_bundle_exhibit_add_text_layer (RdBundleExhibit *self,
                                  int              page,
                                  double           width,
                                  double           height,
                                  const char      *words)
{
  TextLayer *layer;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page >= 0 && width > 0 && height > 0);

  if (words == NULL || *words == '\0')
    return;
  if (self->text_layers == NULL)
    self->text_layers = g_ptr_array_new_with_free_func (text_layer_free);
  layer = g_new0 (TextLayer, 1);
  layer->page = page;
  layer->width = width;
  layer->height = height;
  layer->words = g_strdup (words);
  g_ptr_array_add (self->text_layers, layer);
}

static void
write_font (RdPdfWriter *w,
            int          font_id)
{
  g_autoptr(GString) cmap = g_string_new (NULL);
  int cid_id = _rd_pdf_writer_reserve (w);
  int descriptor_id = _rd_pdf_writer_reserve (w);
  int unicode_id = _rd_pdf_writer_reserve (w);

  _rd_pdf_writer_begin_object (w, font_id);
  _rd_pdf_writer_printf (w, "<< /Type /Font /Subtype /Type0 /BaseFont /RedressInvisibleText"
                         " /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>",
                         cid_id, unicode_id);
  _rd_pdf_writer_end_object (w);
  _rd_pdf_writer_begin_object (w, cid_id);
  _rd_pdf_writer_printf (w, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /RedressInvisibleText"
                         " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
                         " /FontDescriptor %d 0 R /DW %d /CIDToGIDMap /Identity >>",
                         descriptor_id, CHAR_WIDTH);
  _rd_pdf_writer_end_object (w);
  _rd_pdf_writer_begin_object (w, descriptor_id);
  _rd_pdf_writer_puts (w, "<< /Type /FontDescriptor /FontName /RedressInvisibleText /Flags 4"
                       " /FontBBox [0 -200 500 800] /ItalicAngle 0 /Ascent 800 /Descent -200"
                       " /CapHeight 700 /StemV 80 >>");
  _rd_pdf_writer_end_object (w);

  /* Every two-byte code is its own UTF-16 code unit: a range may only vary
   * in its last byte, so 256 ranges. */
  g_string_append (cmap, "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                   "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                   "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
                   "1 begincodespacerange <0000> <FFFF> endcodespacerange\n");
  for (int block = 0; block < 256; block += 100)
    {
      int n = MIN (100, 256 - block);

      g_string_append_printf (cmap, "%d beginbfrange\n", n);
      for (int hi = block; hi < block + n; hi++)
        g_string_append_printf (cmap, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi);
      g_string_append (cmap, "endbfrange\n");
    }
  g_string_append (cmap, "endcmap CMapName currentdict /CMap defineresource pop end end\n");
  _rd_pdf_writer_stream (w, unicode_id, NULL, cmap->str, cmap->len);
}

typedef RdOcrWord Word;

/* One number of a words line. They are written with printf's "%.1f",
 * whose decimal mark follows the locale of whoever recognised the page:
 * a comma is taken as a point. */
static gboolean
parse_number (char   **p,
              double  *value)
{
  char *start = *p, *end;

  while (*start == ' ')
    start++;
  for (end = start; *end != '\0' && *end != ' '; end++)
    if (*end == ',')
      *end = '.';
  if (end == start)
    return FALSE;
  *value = g_ascii_strtod (start, p);
  return *p == end;
}

static void
ocr_word_clear (gpointer data)
{
  g_free (((RdOcrWord *) data)->text);
}

/*
 * _rd_ocr_words_parse:
 * @words: lines of "left top right bottom confidence word" (see RdOcrPage)
 *
 * Returns: (transfer full): the words as RdOcrWord, in their order; lines
 *   that do not read so are left out
 */
GArray *
_rd_ocr_words_parse (const char *words)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (RdOcrWord));
  g_auto(GStrv) lines = g_strsplit (words != NULL ? words : "", "\n", -1);

  g_array_set_clear_func (out, ocr_word_clear);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      RdOcrWord word = { 0 };
      double confidence;
      char *p = lines[i];

      if (!parse_number (&p, &word.left) || !parse_number (&p, &word.top) ||
          !parse_number (&p, &word.right) || !parse_number (&p, &word.bottom) ||
          !parse_number (&p, &confidence) || *p != ' ')
        continue;
      while (*p == ' ')
        p++;
      if (*p == '\0' || word.right <= word.left || word.bottom <= word.top)
        continue;
      word.text = g_strdup (p);
      g_array_append_val (out, word);
    }
  return out;
}

/* Words of one line share its top and foot, so a reader puts them on one
 * line in order, whatever their own ascenders and descenders. A line is
 * the words that follow each other rightwards overlapping in height. */
static void
align_lines (GArray *words)
{
  guint start = 0;

  while (start < words->len)
    {
      Word *first = &g_array_index (words, Word, start);
      double top = first->top, bottom = first->bottom;
      guint end = start + 1;

      for (; end < words->len; end++)
        {
          Word *next = &g_array_index (words, Word, end);
          Word *prev = &g_array_index (words, Word, end - 1);

          if (next->left < prev->left || next->top >= bottom || next->bottom <= top)
            break;
          top = MIN (top, next->top);
          bottom = MAX (bottom, next->bottom);
        }
      for (guint i = start; i < end; i++)
        {
          g_array_index (words, Word, i).top = top;
          g_array_index (words, Word, i).bottom = bottom;
        }
      start = end;
    }
}

/* @sx, @sy: paper units per unit of the recognised page */
static void
append_word (GString      *content,
             const double  placed[4],
             double        sx,
             double        sy,
             const Word   *w)
{
  double size = MAX ((w->bottom - w->top) * sy, 1);
  double width = (w->right - w->left) * sx;
  glong n_units = 0;
  g_autofree gunichar2 *units = g_utf8_to_utf16 (w->text, -1, NULL, &n_units, NULL);
  char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];
  char sz[G_ASCII_DTOSTR_BUF_SIZE], tz[G_ASCII_DTOSTR_BUF_SIZE];

  if (units == NULL || n_units == 0 || width <= 0)
    return;
  /* The page is upright on the paper, so the text runs left to right;
   * its baseline a little above the box's foot, where descenders end. */
  g_ascii_formatd (x, sizeof x, "%.2f", placed[0] + w->left * sx);
  g_ascii_formatd (y, sizeof y, "%.2f", placed[3] - w->bottom * sy + size * 0.2);
  g_ascii_formatd (sz, sizeof sz, "%.2f", size);
  g_ascii_formatd (tz, sizeof tz, "%.2f", 100.0 * width / (n_units * size * CHAR_WIDTH / 1000.0));
  g_string_append_printf (content, "/F %s Tf %s Tz 1 0 0 1 %s %s Tm <", sz, tz, x, y);
  for (glong i = 0; i < n_units; i++)
    g_string_append_printf (content, "%04X", units[i]);
  /* A space after each word, so that a reader's text keeps words apart. */
  g_string_append (content, "0020> Tj\n");
}

/*
 * _rd_text_layer_write:
 * @font_id: (inout): the bundle's invisible font, written the first time
 *   it is needed (0 until then)
 * @placed: where page @page of @exhibit lies on the bundle's page, upright,
 *   in PDF units (x0 y0 x1 y1)
 * @paper: the bundle page's box
 *
 * Writes the form XObject holding the words recognised on page @page of
 * @exhibit, if any, in the bundle page's own space.
 *
 * Returns: its object number, or 0 when the page has no words
 */
int
_rd_text_layer_write (RdPdfWriter     *w,
                      int             *font_id,
                      RdBundleExhibit *exhibit,
                      int              page,
                      const double     placed[4],
                      const double     paper[4])
{
  g_autoptr(GString) content = NULL;
  g_autoptr(GArray) words = NULL;
  g_autofree char *dict = NULL;
  TextLayer *layer = NULL;
  char b[4][G_ASCII_DTOSTR_BUF_SIZE];
  int id;

  layer = _rd_text_layer_find (exhibit, page);
  if (layer == NULL)
    return 0;

  words = _rd_ocr_words_parse (layer->words);
  if (words->len == 0)
    return 0;
  align_lines (words);
  content = g_string_new ("BT 3 Tr\n");
  for (guint i = 0; i < words->len; i++)
    append_word (content, placed, (placed[2] - placed[0]) / layer->width,
                 (placed[3] - placed[1]) / layer->height, &g_array_index (words, Word, i));
  g_string_append (content, "ET\n");

  if (*font_id == 0)
    {
      *font_id = _rd_pdf_writer_reserve (w);
      write_font (w, *font_id);
    }
  id = _rd_pdf_writer_reserve (w);
  for (int i = 0; i < 4; i++)
    g_ascii_formatd (b[i], sizeof b[i], "%.2f", paper[i]);
  dict = g_strdup_printf (" /Type /XObject /Subtype /Form /BBox [%s %s %s %s]"
                          " /Resources << /Font << /F %d 0 R >> >>",
                          b[0], b[1], b[2], b[3], *font_id);
  _rd_pdf_writer_stream (w, id, dict, content->str, content->len);
  return id;
}
