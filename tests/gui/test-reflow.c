/* test-reflow.c: at phone width and at twice the text size, no label that
 * says something is cut short or broken inside a word.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each page of the sample case (and the welcome page and the case list) is
 * shown 360 pixels wide at the normal text size, then at the window's
 * usual size with text twice as large (GNOME's Large Text and a 2×
 * font scaling both end in gtk-xft-dpi). Then every label on screen is
 * looked at: one that was given less width than it needs fails if it
 * ends in an ellipsis or if a line of it ends inside a word (as "Start-ed"
 * or "Wh-en" did), unless the label shows its whole text on hover, or the
 * text is the tooltip of a widget it is in, so that the words can be read
 * whole. The failures are named with the way to them.
 *
 * With REDRESS_SCREENSHOT_DIR set, a picture of each page at each size is
 * kept there for review.
 */
#include "config.h"

#include <string.h>

#include "evidence-fixtures.h"
#include "rd-application.h"
#include "rd-gui-util.h"
#include "rd-timeline-page.h"
#include "rd-window.h"
#include "rd-test-gui.h"

typedef struct {
  int         width;
  int         height;
  int         text_scale;
  const char *name;
} Size;

static const Size narrow = { 360, 720, 1, "narrow" };
static const Size large_text = { 1024, 768, 2, "large-text" };

typedef struct {
  char          *dir;
  RdApplication *app;
  RdWindow      *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const Size *size = data;
  GtkSettings *settings = gtk_settings_get_default ();
  int dpi = 0;

  f->dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  f->app = rd_test_gui_app_new (f->dir);
  if (g_file_test ("/usr/share/fonts/opentype/cantarell", G_FILE_TEST_IS_DIR))
    g_object_set (settings, "gtk-font-name", "Cantarell 11", NULL);
  /* 96 dots an inch, in 1024ths, is the normal size */
  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 96 * 1024 * size->text_scale, NULL);
  f->window = rd_test_gui_window_new (f->app, size->width, size->height);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rd_test_gui_close_app (&f->app, &f->dir);
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 96 * 1024, NULL);
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

static void
settle (Fixture *f)
{
  gint64 until = g_get_monotonic_time () + 400 * 1000;

  rd_test_gui_wait_until (time_passed, &until, 1000);
  rd_test_gui_wait_for_draw (GTK_WIDGET (f->window));
}

static char *
describe (GtkWidget *widget)
{
  const char *id = GTK_IS_BUILDABLE (widget) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) : NULL;

  if (id != NULL && !g_str_has_prefix (id, "___"))
    return g_strdup_printf ("%s#%s", G_OBJECT_TYPE_NAME (widget), id);
  return g_strdup (G_OBJECT_TYPE_NAME (widget));
}

/* Whether the whole text can be read some other way: the label shows it
 * on hover (rd-gui-util.c does that for every label that can be cut), or
 * it is the tooltip of a widget the label is in. */
static gboolean
readable_whole_elsewhere (GtkWidget  *label,
                          const char *text)
{
  if (rd_gui_label_offers_whole_text (GTK_LABEL (label)))
    return TRUE;
  for (GtkWidget *w = label; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (w);

      if (tooltip != NULL && strstr (tooltip, text) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* A line that ends between two letters or digits was broken inside a
 * word (Pango then draws a hyphen that is not in the text). */
static gboolean
breaks_inside_a_word (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  GSList *lines = pango_layout_get_lines_readonly (layout);

  for (GSList *l = lines; l != NULL && l->next != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      const char *end = text + line->start_index + line->length;
      const char *before;

      if (line->length == 0 || *end == '\0')
        continue;
      before = g_utf8_prev_char (end);
      if (g_unichar_isalnum (g_utf8_get_char (before)) && g_unichar_isalnum (g_utf8_get_char (end)))
        return TRUE;
    }
  return FALSE;
}

static void
look_at_labels (GtkWidget  *widget,
                const char *path,
                GString    *cut)
{
  g_autofree char *self = describe (widget);
  g_autofree char *here = g_strdup_printf ("%s > %s", path, self);

  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      GtkLabel *label = GTK_LABEL (widget);
      PangoLayout *layout = gtk_label_get_layout (label);
      const char *text = gtk_label_get_text (label);
      const char *problem = NULL;

      if (*text != '\0' && !readable_whole_elsewhere (widget, text))
        {
          if (gtk_label_get_ellipsize (label) != PANGO_ELLIPSIZE_NONE && pango_layout_is_ellipsized (layout))
            problem = "ends in an ellipsis";
          else if (gtk_label_get_wrap (label) && breaks_inside_a_word (layout))
            problem = "breaks inside a word";
        }
      if (problem != NULL)
        g_string_append_printf (cut, "\n  “%.60s” %s (%d px wide): %s", text, problem,
                                gtk_widget_get_width (widget), strlen (here) > 300 ? self : here);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    look_at_labels (child, strlen (here) > 300 ? self : here, cut);
}

static void
check_page (Fixture    *f,
            const Size *size,
            const char *what,
            GString    *all)
{
  g_autoptr(GString) cut = g_string_new (NULL);

  settle (f);
  look_at_labels (GTK_WIDGET (f->window), "", cut);
  if (cut->len > 0)
    g_string_append_printf (all, "\n%s, %s:%s", what, size->name, cut->str);

  if (g_getenv ("REDRESS_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s.png", size->name, what);
      g_autofree char *png = g_build_filename (g_getenv ("REDRESS_SCREENSHOT_DIR"), name, NULL);

      g_assert_true (rd_test_gui_save_screenshot (GTK_WIDGET (f->window), png));
    }
}

static void
open_sample (Fixture *f)
{
  g_autofree char *pdf = g_build_filename (f->dir, "letter.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(RdEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "open-sample-case", NULL);
  rd_test_gui_iterate ();
  g_assert_nonnull (rd_window_get_case (f->window));
  fixture_write_pdf (pdf, 1, "Letter from the housing officer about the noise from Flat 5", NULL);
  evidence = rd_store_import_evidence (rd_window_get_store (f->window), rd_case_get_id (rd_window_get_case (f->window)),
                                       file, NULL, NULL, &error);
  g_assert_no_error (error);
}

static gboolean
has_timeline (gpointer data)
{
  return rd_timeline_view_get_timeline (data) != NULL;
}

/* The timeline is drawn from a worker's snapshot: its page shows the
 * picture, the period and the list only once that has come back. */
static void
show_timeline (Fixture *f)
{
  RdTimelinePage *page;

  g_assert_nonnull (rd_window_show_page (f->window, "timeline"));
  page = RD_TIMELINE_PAGE (rd_window_get_page (f->window, "timeline"));
  g_assert_true (rd_test_gui_wait_until (has_timeline, rd_timeline_page_get_view (page), 10000));
}

static void
test_every_page (Fixture       *f,
                 gconstpointer  data)
{
  const Size *size = data;
  const char *pages[] = { "dashboard", "diary", "contacts", "complaints", "evidence" };
  g_autoptr(GString) all = g_string_new (NULL);

  check_page (f, size, "welcome", all);
  open_sample (f);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_assert_nonnull (rd_window_show_page (f->window, pages[i]));
      check_page (f, size, pages[i], all);
    }
  show_timeline (f);
  check_page (f, size, "timeline", all);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-cases", NULL));
  check_page (f, size, "all-cases", all);

  if (all->len > 0)
    {
      g_test_message ("Labels cut short:%s", all->str);
      g_test_fail ();
    }
}

/* The checks themselves find what they look for: a word broken across
 * lines, and a cut label that offers its whole text once shown. */
static void
test_checks (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *broken = gtk_label_new ("Antidisestablishmentarianism notwithstanding");
  GtkWidget *whole = gtk_label_new ("Two short words");
  GtkWidget *cut = gtk_label_new ("A sentence much too long for the width it is given here");

  /* As the application does when it starts */
  rd_gui_install_accessible_names ();

  gtk_label_set_wrap (GTK_LABEL (broken), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (broken), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_wrap (GTK_LABEL (whole), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (cut), PANGO_ELLIPSIZE_END);
  gtk_widget_set_size_request (box, 80, -1);
  gtk_box_append (GTK_BOX (box), broken);
  gtk_box_append (GTK_BOX (box), whole);
  gtk_box_append (GTK_BOX (box), cut);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 80, 200);
  g_assert_false (rd_gui_label_offers_whole_text (GTK_LABEL (cut)));
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (window);

  g_assert_true (breaks_inside_a_word (gtk_label_get_layout (GTK_LABEL (broken))));
  g_assert_false (breaks_inside_a_word (gtk_label_get_layout (GTK_LABEL (whole))));
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (cut))));
  g_assert_true (rd_gui_label_offers_whole_text (GTK_LABEL (cut)));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  rd_test_gui_init (&argc, &argv);

  g_test_add_func ("/reflow/checks", test_checks);
  g_test_add ("/reflow/narrow", Fixture, &narrow, fixture_setup, test_every_page, fixture_teardown);
  g_test_add ("/reflow/large-text", Fixture, &large_text, fixture_setup, test_every_page, fixture_teardown);
  return g_test_run ();
}
