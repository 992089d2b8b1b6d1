/* rd-letter-print.c: a print operation that lays a letter's text out on pages.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-letter-print"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-letter-print.h"

/* A printed letter keeps a margin of its own whatever the printer's hard
 * margins, so a letter looks the same on paper as in a PDF; 20 mm is wider
 * than any desktop printer's unprintable edge. */
#define MARGIN_MM 20.0
#define MM_TO_POINTS(mm) ((mm) * 72.0 / 25.4)

struct _RdLetterPrint
{
  GtkPrintOperation  parent_instance;

  char              *text;
  PangoLayout       *layout;
  /* For each page, the index of its first line and the layout's y (Pango
   * units) at the top of that line; one more entry marks the end. */
  GArray            *page_lines;
  GArray            *page_tops;
};

G_DEFINE_FINAL_TYPE (RdLetterPrint, rd_letter_print, GTK_TYPE_PRINT_OPERATION)

static double
margin_points (void)
{
  return MM_TO_POINTS (MARGIN_MM);
}

/* Breaks the layout into pages of @page_height Pango units: a line goes
 * on the next page when its bottom would pass the page's foot. */
static void
paginate (RdLetterPrint *self,
          int            page_height)
{
  PangoLayoutIter *iter = pango_layout_get_iter (self->layout);
  int line = 0;
  int top = 0;

  g_array_set_size (self->page_lines, 0);
  g_array_set_size (self->page_tops, 0);
  g_array_append_val (self->page_lines, line);
  g_array_append_val (self->page_tops, top);
  do
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      /* A line is never split; a page always holds at least one line. */
      if (y1 - top > page_height && line > g_array_index (self->page_lines, int, self->page_lines->len - 1))
        {
          top = y0;
          g_array_append_val (self->page_lines, line);
          g_array_append_val (self->page_tops, top);
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  g_array_append_val (self->page_lines, line);
}

static void
rd_letter_print_begin_print (GtkPrintOperation *operation,
                             GtkPrintContext   *context)
{
  RdLetterPrint *self = RD_LETTER_PRINT (operation);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Serif 11");
  double margin = margin_points ();
  double width = MAX (gtk_print_context_get_width (context) - 2 * margin, 72.0);
  double height = MAX (gtk_print_context_get_height (context) - 2 * margin, 72.0);

  g_clear_object (&self->layout);
  self->layout = gtk_print_context_create_pango_layout (context);
  pango_layout_set_font_description (self->layout, font);
  pango_layout_set_width (self->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (self->layout, self->text, -1);

  paginate (self, (int) (height * PANGO_SCALE));
  gtk_print_operation_set_n_pages (operation, self->page_lines->len - 1);
}

static void
rd_letter_print_draw_page (GtkPrintOperation *operation,
                           GtkPrintContext   *context,
                           int                page_nr)
{
  RdLetterPrint *self = RD_LETTER_PRINT (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  PangoLayoutIter *iter;
  double margin = margin_points ();
  int first, end, top, line = 0;

  g_return_if_fail (page_nr >= 0 && (guint) page_nr + 1 < self->page_lines->len);

  first = g_array_index (self->page_lines, int, page_nr);
  end = g_array_index (self->page_lines, int, page_nr + 1);
  top = g_array_index (self->page_tops, int, page_nr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  iter = pango_layout_get_iter (self->layout);
  do
    {
      PangoRectangle logical;

      if (line >= end)
        break;
      if (line >= first)
        {
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr,
                         margin + (double) logical.x / PANGO_SCALE,
                         margin + (double) (pango_layout_iter_get_baseline (iter) - top) / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
rd_letter_print_end_print (GtkPrintOperation *operation,
                           GtkPrintContext   *context)
{
  RdLetterPrint *self = RD_LETTER_PRINT (operation);

  g_clear_object (&self->layout);
}

static void
rd_letter_print_finalize (GObject *object)
{
  RdLetterPrint *self = RD_LETTER_PRINT (object);

  g_clear_object (&self->layout);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->page_lines, g_array_unref);
  g_clear_pointer (&self->page_tops, g_array_unref);

  G_OBJECT_CLASS (rd_letter_print_parent_class)->finalize (object);
}

static void
rd_letter_print_class_init (RdLetterPrintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = rd_letter_print_finalize;
  print_class->begin_print = rd_letter_print_begin_print;
  print_class->draw_page = rd_letter_print_draw_page;
  print_class->end_print = rd_letter_print_end_print;
}

static void
rd_letter_print_init (RdLetterPrint *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  self->page_lines = g_array_new (FALSE, FALSE, sizeof (int));
  self->page_tops = g_array_new (FALSE, FALSE, sizeof (int));
  /* Our own margins are measured from the paper's edge, in points, so the
   * layout is the page's size less those margins on any paper. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
}

/**
 * rd_letter_print_new:
 * @job_name: the name the print queue shows
 * @text: the letter, as plain text
 *
 * Returns: (transfer full): an operation to run with a print dialog, or to
 * export as a PDF
 */
RdLetterPrint *
rd_letter_print_new (const char *job_name,
                     const char *text)
{
  RdLetterPrint *self;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (RD_TYPE_LETTER_PRINT, "job-name", job_name, NULL);
  self->text = g_strdup (text);
  return self;
}

static void
tell_not_printed (AdwToastOverlay *toasts,
                  const GError    *error)
{
  g_warning ("Could not print the letter: %s", error != NULL ? error->message : "");
  adw_toast_overlay_add_toast (toasts,
                               adw_toast_new (_("The letter could not be printed. Check the printer and try again.")));
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  gpointer                 user_data)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  tell_not_printed (ADW_TOAST_OVERLAY (user_data), error);
}

/**
 * rd_letter_print_run_dialog:
 * @parent: the window the print dialog belongs to
 * @toasts: where a failure is told
 *
 * Opens the print dialog for the letter; it does not block @parent, and a
 * failure, before the dialog opened or after, is shown as a toast.
 */
void
rd_letter_print_run_dialog (RdLetterPrint   *self,
                            GtkWindow       *parent,
                            AdwToastOverlay *toasts)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RD_IS_LETTER_PRINT (self));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (toasts));

  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), toasts, 0);
  /* An error found before the dialog opened does not reach "done". */
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    tell_not_printed (toasts, error);
}
