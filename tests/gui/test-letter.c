/* test-letter.c: printing a letter, checked in the PDF the printing makes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "rd-letter-dialog.h"
#include "rd-test-gui.h"

/* poppler-glib 22 has no autoptr support of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct {
  char          *dir;
  RdApplication *app;
  RdWindow      *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  f->app = rd_test_gui_app_new (f->dir);
  f->window = rd_test_gui_window_new (f->app, 900, 700);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rd_test_gui_close_app (&f->app, &f->dir);
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *document;

  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return document;
}

/* Prints @text through the letter dialog into a PDF in the fixture's folder. */
static PopplerDocument *
print_letter (Fixture    *f,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "letter.pdf", NULL);
  RdLetterDialog *dialog = rd_letter_dialog_new_for_text (GTK_WINDOW (f->window), "A letter", text);
  PopplerDocument *document;

  gtk_window_present (GTK_WINDOW (dialog));
  rd_test_gui_wait_for_draw (GTK_WIDGET (dialog));
  g_unlink (path);
  g_assert_true (rd_letter_dialog_print_to_pdf (dialog, path, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();

  document = open_pdf (path);
  g_unlink (path);
  return document;
}

/* Every piece of text poppler finds lies inside the page, clear of the
 * edges, so nothing was cut off at the page's side or foot. */
static void
assert_text_inside (PopplerPage *page,
                    double      *lowest)
{
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  double width, height;

  poppler_page_get_size (page, &width, &height);
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  g_assert_cmpuint (n_rects, >, 0);
  *lowest = 0;
  for (guint i = 0; i < n_rects; i++)
    {
      g_assert_cmpfloat (rects[i].x1, >=, 36);
      g_assert_cmpfloat (rects[i].y1, >=, 36);
      g_assert_cmpfloat (rects[i].x2, <=, width - 36);
      g_assert_cmpfloat (rects[i].y2, <=, height - 36);
      *lowest = MAX (*lowest, rects[i].y2);
    }
}

/* A short letter is one page that says what the dialog shows. */
static void
test_print_short (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PopplerDocument) document =
    print_letter (f, "Dear Northway Homes,\n\nThe lift at Carter House has not worked since Monday.\n\n"
                     "Yours faithfully,\nAlex Morgan\n");
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *text = NULL;
  double lowest, width, height;
  GtkPaperSize *paper = gtk_paper_size_new (NULL);

  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  page = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "Dear Northway Homes,"));
  g_assert_nonnull (strstr (text, "The lift at Carter House has not worked since Monday."));
  g_assert_nonnull (strstr (text, "Alex Morgan"));
  assert_text_inside (page, &lowest);

  /* The page is the default paper, whole. */
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, gtk_paper_size_get_width (paper, GTK_UNIT_POINTS), 1.0);
  g_assert_cmpfloat_with_epsilon (height, gtk_paper_size_get_height (paper, GTK_UNIT_POINTS), 1.0);
  gtk_paper_size_free (paper);
}

/* A long letter runs over several full pages: each paragraph appears
 * exactly once, in order, no line is lost between pages or cut at the
 * foot, and long paragraphs wrap inside the page's width. */
static void
test_print_long (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GString) letter = g_string_new ("Dear Northway Homes,\n\n");
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  const guint n_paragraphs = 120;
  int n_pages;
  const char *cursor;

  for (guint i = 1; i <= n_paragraphs; i++)
    {
      g_string_append_printf (letter, "Point %03u. ", i);
      /* Every third paragraph is long enough to wrap over several lines. */
      for (guint j = 0; j < (i % 3 == 0 ? 6 : 1); j++)
        g_string_append (letter, "The repairs team said it would come and did not, and nobody rang back. ");
      g_string_append (letter, "\n");
    }
  g_string_append (letter, "\nYours faithfully,\nAlex Morgan\n");

  document = print_letter (f, letter->str);
  n_pages = poppler_document_get_n_pages (document);
  g_assert_cmpint (n_pages, >=, 3);

  for (int p = 0; p < n_pages; p++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, p);
      g_autofree char *text = poppler_page_get_text (page);
      double lowest, width, height;

      assert_text_inside (page, &lowest);
      poppler_page_get_size (page, &width, &height);
      /* Pages before the last are filled down to the bottom margin. */
      if (p < n_pages - 1)
        g_assert_cmpfloat (lowest, >, height * 0.8);
      g_string_append (all, text);
      g_string_append_c (all, '\n');
    }

  g_assert_true (g_str_has_prefix (all->str, "Dear Northway Homes,"));
  cursor = all->str;
  for (guint i = 1; i <= n_paragraphs; i++)
    {
      g_autofree char *marker = g_strdup_printf ("Point %03u.", i);
      const char *found = strstr (cursor, marker);

      g_assert_nonnull (found);
      g_assert_null (strstr (found + 1, marker));
      cursor = found;
    }
  g_assert_nonnull (strstr (cursor, "Alex Morgan"));
}

/* Print is a named button and Ctrl+P in the letter dialog. */
static void
test_print_control (Fixture       *f,
                    gconstpointer  data)
{
  RdLetterDialog *dialog = rd_letter_dialog_new_for_text (GTK_WINDOW (f->window), "A letter", "Dear Sir,\n");
  g_autoptr(GListModel) controllers = NULL;
  GtkWidget *button;
  gboolean bound = FALSE;

  gtk_window_present (GTK_WINDOW (dialog));
  rd_test_gui_wait_for_draw (GTK_WIDGET (dialog));

  button = rd_test_gui_find_by_id (GTK_WIDGET (dialog), "print_button");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "letter.print");
  g_assert_true (gtk_widget_is_sensitive (button));
  /* Named by the word it shows, without the mnemonic's underscore. */
  rd_test_gui_check_name (button, "Print");

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (dialog));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (g_str_equal (trigger, "<Control>p") && GTK_IS_NAMED_ACTION (action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "letter.print"))
            bound = TRUE;
        }
    }
  g_assert_true (bound);

  gtk_window_destroy (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test context keeps accessible names where the test can read
   * them, without an accessibility bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  rd_test_gui_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/letter/print-short", test_print_short);
  ADD ("/letter/print-long", test_print_long);
  ADD ("/letter/print-control", test_print_control);
#undef ADD

  return g_test_run ();
}
