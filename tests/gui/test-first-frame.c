/* test-first-frame.c: what the first frame leaves out is there once it is needed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * To start within 1.3× of a bare window (issue 17), a start on a case
 * draws no SVG icon in its first frame: GTK reads those through librsvg,
 * which brings libxml2 and ICU with it. So a status page's large icon is
 * given to it when the page is first shown (GTK loads an image's icon as
 * soon as it is styled, shown or not), and What Next's spinner turns, and
 * so is drawn, only once it has waited on screen for a moment. Each test
 * holds both halves: nothing loaded before it is needed, and each icon and
 * the spinner there when their page is shown. The app icon the welcome
 * page draws is a PNG, and the header bar's menus are built as they first
 * open. A page not shown can be laid out ahead, so that the frame that
 * shows it only draws it.
 *
 * /first-frame/no-svg-icon must stay the first test of this program: it
 * asks whether anything in the process has loaded librsvg yet.
 */
#include "config.h"

#include <dlfcn.h>

#include "rd-dashboard-page.h"
#include "rd-gui-util.h"
#include "rd-test-gui.h"

#define LIBRSVG "librsvg-2.so.2"

typedef struct {
  gboolean  painted;
  gboolean  svg_loaded;   /* at the end of the first frame */
  gboolean  spinning;     /* What Next's spinner, then */
  char     *icons[3];     /* the welcome, error and empty pages' icons, then */
  gint64    painted_at;
} FirstFrame;

static const char *status_pages[] = { "welcome_page", "error_page", "empty_page" };

static gboolean
library_loaded (const char *soname)
{
  void *handle = dlopen (soname, RTLD_LAZY | RTLD_NOLOAD);

  if (handle == NULL)
    return FALSE;
  dlclose (handle);
  return TRUE;
}

static GtkWidget *
child (GtkWidget  *root,
       const char *id)
{
  GtkWidget *found = rd_test_gui_find_by_id (root, id);

  g_assert_nonnull (found);
  return found;
}

static void
on_first_paint_cb (GdkFrameClock *clock,
                   GtkWidget     *window)
{
  FirstFrame *frame = g_object_get_data (G_OBJECT (window), "first-frame");

  g_signal_handlers_disconnect_by_func (clock, on_first_paint_cb, window);
  frame->painted = TRUE;
  frame->painted_at = g_get_monotonic_time ();
  frame->svg_loaded = library_loaded (LIBRSVG);
  frame->spinning = gtk_spinner_get_spinning (GTK_SPINNER (child (window, "loading_spinner")));
  for (guint i = 0; i < G_N_ELEMENTS (status_pages); i++)
    {
      AdwStatusPage *page = ADW_STATUS_PAGE (child (window, status_pages[i]));

      frame->icons[i] = g_strdup (adw_status_page_get_icon_name (page));
    }
}

static void
on_realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_first_paint_cb), window);
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
page_is_empty (gpointer data)
{
  GtkStack *stack = GTK_STACK (child (data, "stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "empty") == 0;
}

/* A start on a case with no deadlines: no SVG is read for the first
 * frame; once What Next has found nothing, its empty page has its icon,
 * and drawing it loads librsvg (so the probe above does see it). */
static void
test_no_svg_icon (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = rd_test_gui_app_new (dir);
  RdStore *store = rd_application_get_store (app);
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(GError) error = NULL;
  FirstFrame frame = { 0 };
  GtkWidget *page;
  RdWindow *window;

  if (library_loaded (LIBRSVG))
    {
      g_test_skip ("librsvg was loaded before the test began");
      rd_test_gui_close_app (&app, &dir);
      return;
    }
  rd_case_set_title (rcase, "Noise from upstairs");
  g_assert_true (rd_store_save_case (store, rcase, &error));
  g_assert_no_error (error);
  g_assert_true (rd_store_set_last_case_id (store, rd_case_get_id (rcase), &error));

  window = rd_application_new_window (app);
  g_object_set_data (G_OBJECT (window), "first-frame", &frame);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (rd_test_gui_wait_until (is_true, &frame.painted, 10000));

  g_assert_false (frame.svg_loaded);
  g_assert_false (frame.spinning);
  for (guint i = 0; i < G_N_ELEMENTS (status_pages); i++)
    g_assert_null (frame.icons[i]);

  page = rd_window_show_page (window, "dashboard");
  g_assert_true (rd_test_gui_wait_until (page_is_empty, page, 10000));
  rd_test_gui_wait_for_draw (child (page, "empty_page"));
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (child (page, "empty_page"))), ==,
                   "emblem-ok-symbolic");
  g_assert_true (library_loaded (LIBRSVG));

  for (guint i = 0; i < G_N_ELEMENTS (frame.icons); i++)
    g_free (frame.icons[i]);
  rd_test_gui_close_app (&app, &dir);
}

/* A window of a new app whose data folder (@dir) holds a case file from a
 * newer Redress, which it cannot open. */
static RdWindow *
newer_store_window (RdApplication **app,
                    char          **dir)
{
  g_autofree char *path = NULL;

  *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  path = g_build_filename (*dir, "redress.db", NULL);
  rd_test_gui_make_newer_store (path);
  *app = rd_test_gui_app_new (*dir);
  return rd_test_gui_window_new (*app, 0, 0);
}

/* The welcome page, shown at a start with no case, and the error page,
 * shown when the cases cannot be opened, have their icons. */
static void
test_status_page_icons (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = rd_test_gui_app_new (dir);
  RdWindow *window = rd_test_gui_window_new (app, 0, 0);
  GtkWidget *page = child (GTK_WIDGET (window), "welcome_page");

  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (page)), ==,
                   "app.redress.Redress");
  page = child (GTK_WIDGET (window), "error_page");
  g_assert_null (adw_status_page_get_icon_name (ADW_STATUS_PAGE (page)));
  rd_test_gui_close_app (&app, &dir);

  window = newer_store_window (&app, &dir);
  page = child (GTK_WIDGET (window), "error_page");
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (page)), ==,
                   "dialog-error-symbolic");
  rd_test_gui_close_app (&app, &dir);
}

/* The app icon, as the welcome page and the about window draw it (128
 * pixels, at scale 1 and 2), is a PNG of that size made at build time
 * from the SVG. */
static void
test_app_icon_png (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  for (int scale = 1; scale <= 2; scale++)
    {
      g_autoptr(GtkIconPaintable) icon = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *uri = NULL;
      g_autofree char *expected = NULL;

      icon = gtk_icon_theme_lookup_icon (theme, "app.redress.Redress", NULL, 128, scale,
                                         GTK_TEXT_DIR_NONE, 0);
      file = gtk_icon_paintable_get_file (icon);
      g_assert_nonnull (file);
      uri = g_file_get_uri (file);
      expected = g_strdup_printf ("resource:///app/redress/Redress/icons/128x128%s/apps/"
                                  "app.redress.Redress.png", scale == 2 ? "@2" : "");
      g_assert_cmpstr (uri, ==, expected);
      texture = gdk_texture_new_from_file (file, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_texture_get_width (texture), ==, 128 * scale);
      g_assert_cmpint (gdk_texture_get_height (texture), ==, 128 * scale);
    }
}

static void
on_welcome_painted_cb (GdkFrameClock *clock,
                       FirstFrame    *frame)
{
  g_signal_handlers_disconnect_by_func (clock, on_welcome_painted_cb, frame);
  frame->painted = TRUE;
  frame->svg_loaded = library_loaded (LIBRSVG);
}

static void
on_welcome_realize_cb (GtkWidget  *window,
                       FirstFrame *frame)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_welcome_painted_cb), frame);
}

/* A start with an empty data folder draws the welcome page, its icon
 * included, in its first frame without reading an SVG. In a process of
 * its own, so that no other test has loaded librsvg before it. */
static void
test_welcome_no_svg (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RdApplication) app = NULL;
  FirstFrame frame = { 0 };
  GtkWidget *page, *image;
  RdWindow *window;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  if (library_loaded (LIBRSVG))
    {
      g_test_skip ("librsvg was loaded before the test began");
      return;
    }
  dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  app = rd_test_gui_app_new (dir);
  window = rd_application_new_window (app);
  g_signal_connect (window, "realize", G_CALLBACK (on_welcome_realize_cb), &frame);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (rd_test_gui_wait_until (is_true, &frame.painted, 10000));
  g_assert_false (frame.svg_loaded);

  page = child (GTK_WIDGET (window), "welcome_page");
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (page)), ==,
                   "app.redress.Redress");
  image = rd_test_gui_find_by_type (page, GTK_TYPE_IMAGE);
  g_assert_nonnull (image);
  g_assert_true (gtk_widget_get_mapped (image));
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (image)), ==, "app.redress.Redress");
  rd_test_gui_close_app (&app, &dir);
}

static GtkWidget *
open_menu (GtkWidget *button)
{
  GtkPopover *popover;

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_nonnull (popover);
  rd_test_gui_wait_for_draw (GTK_WIDGET (popover));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  return GTK_WIDGET (popover);
}

static void
close_menu (GtkWidget *button)
{
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  rd_test_gui_iterate ();
}

static void
assert_shows (GtkWidget  *popover,
              const char *text)
{
  GtkWidget *found = rd_test_gui_find_by_text (popover, text);

  g_assert_nonnull (found);
  g_assert_true (gtk_widget_get_mapped (found));
}

/* The main menu and the case menu are built as they first open, not for
 * the first frame, and then hold every item; a menu the window gave the
 * button itself (the error page's) is the one that opens. */
static void
test_menus_when_opened (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = rd_test_gui_app_new (dir);
  RdStore *store = rd_application_get_store (app);
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *main_menu, *case_menu, *popover;
  RdWindow *window;
  const char *main_items[] = { "New Case…", "Open Sample Case", "All Cases…",
                               "Export Bundle (PDF)…", "Import Case…", "Lock", "Preferences",
                               "Keyboard Shortcuts", "Help", "About Redress" };
  const char *case_items[] = { "Your Cases", "Noise from upstairs", "New Case…", "Case Details…",
                               "All Cases…" };

  rd_case_set_title (rcase, "Noise from upstairs");
  g_assert_true (rd_store_save_case (store, rcase, &error));
  g_assert_no_error (error);
  window = rd_test_gui_window_new (app, 0, 0);
  g_assert_true (rd_window_open_case (window, rd_case_get_id (rcase), &error));
  g_assert_no_error (error);
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));
  main_menu = child (GTK_WIDGET (window), "menu_button");
  case_menu = rd_test_gui_find_by_type (child (GTK_WIDGET (window), "case_switcher"),
                                        GTK_TYPE_MENU_BUTTON);
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (main_menu)));
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (case_menu)));

  popover = open_menu (main_menu);
  for (guint i = 0; i < G_N_ELEMENTS (main_items); i++)
    assert_shows (popover, main_items[i]);
  close_menu (main_menu);
  g_assert_true (open_menu (main_menu) == popover);
  close_menu (main_menu);

  popover = open_menu (case_menu);
  for (guint i = 0; i < G_N_ELEMENTS (case_items); i++)
    assert_shows (popover, case_items[i]);
  close_menu (case_menu);
  g_assert_true (open_menu (case_menu) == popover);
  close_menu (case_menu);
  rd_test_gui_close_app (&app, &dir);

  window = newer_store_window (&app, &dir);
  main_menu = child (GTK_WIDGET (window), "menu_button");
  popover = open_menu (main_menu);
  assert_shows (popover, "About Redress");
  g_assert_null (rd_test_gui_find_by_text (popover, "Export Bundle (PDF)…"));
  close_menu (main_menu);
  rd_test_gui_close_app (&app, &dir);
}

static void
on_spinner_window_painted_cb (GdkFrameClock *clock,
                              FirstFrame    *frame)
{
  g_signal_handlers_disconnect_by_func (clock, on_spinner_window_painted_cb, frame);
  frame->painted = TRUE;
  frame->painted_at = g_get_monotonic_time ();
}

static gboolean
is_spinning (gpointer data)
{
  return gtk_spinner_get_spinning (data);
}

/* A spinner waits, transparent, until it has been on screen for
 * RD_GUI_SPINNER_DELAY_MS after a frame, then turns; taken off screen, it
 * stops, and one taken off before its time never turns. */
static void
test_spinner_waits (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkSpinner *spinner = GTK_SPINNER (gtk_spinner_new ());
  FirstFrame frame = { 0 };

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (spinner));
  gtk_window_set_child (GTK_WINDOW (window), box);
  rd_gui_spin_while_shown (spinner);
  gtk_widget_realize (window);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_spinner_window_painted_cb), &frame);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (rd_test_gui_wait_until (is_true, &frame.painted, 10000));
  g_assert_false (gtk_spinner_get_spinning (spinner));

  g_assert_true (rd_test_gui_wait_until (is_spinning, spinner, 10000));
  g_assert_cmpint (g_get_monotonic_time () - frame.painted_at, >=, RD_GUI_SPINNER_DELAY_MS * 1000);

  gtk_widget_set_visible (GTK_WIDGET (spinner), FALSE);
  g_assert_false (gtk_spinner_get_spinning (spinner));
  gtk_widget_set_visible (GTK_WIDGET (spinner), TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (spinner)));
  g_assert_false (gtk_spinner_get_spinning (spinner));
  gtk_widget_set_visible (GTK_WIDGET (spinner), FALSE);
  g_assert_false (rd_test_gui_wait_until (is_spinning, spinner, 3 * RD_GUI_SPINNER_DELAY_MS));

  gtk_widget_set_visible (GTK_WIDGET (spinner), TRUE);
  g_assert_true (rd_test_gui_wait_until (is_spinning, spinner, 10000));
  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
}

static gboolean
child_revealed (gpointer data)
{
  return gtk_revealer_get_child_revealed (data);
}

static gboolean
child_hidden (gpointer data)
{
  return !gtk_widget_get_visible (gtk_revealer_get_child (data));
}

/* A closed revealer's child is hidden, so not laid out; it shows as the
 * revealer opens, and stays while it slides closed. */
static void
test_revealer_hides_closed (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkRevealer *revealer = GTK_REVEALER (gtk_revealer_new ());
  GtkWidget *label = gtk_label_new ("A banner that says something important");
  gboolean animated;

  gtk_revealer_set_transition_duration (revealer, 200);
  gtk_revealer_set_child (revealer, label);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (revealer));
  rd_gui_revealer_hide_closed (revealer);
  g_assert_false (gtk_widget_get_visible (label));
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (window);
  g_assert_false (gtk_widget_get_visible (label));

  gtk_revealer_set_reveal_child (revealer, TRUE);
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_true (rd_test_gui_wait_until (child_revealed, revealer, 5000));
  g_assert_true (gtk_widget_get_mapped (label));

  g_object_get (gtk_widget_get_settings (window), "gtk-enable-animations", &animated, NULL);
  gtk_revealer_set_reveal_child (revealer, FALSE);
  if (animated)
    g_assert_true (gtk_widget_get_visible (label));
  g_assert_true (rd_test_gui_wait_until (child_hidden, revealer, 5000));
  g_assert_false (gtk_revealer_get_child_revealed (revealer));
  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
}

static void
measure_fixed_cb (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  *minimum = *natural = 20;
}

static void
count_allocation_cb (GtkWidget *widget,
                     int        width,
                     int        height,
                     int        baseline)
{
  guint *allocations = g_object_get_data (G_OBJECT (widget), "allocations");

  (*allocations)++;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
never_cb (gpointer data)
{
  return FALSE;
}

/* A page of a stack that is not shown is laid out ahead at the stack's
 * size, unmapped; when the stack shows it, GTK does not allocate it again
 * (a widget whose layout counts its allocations says so), and its label
 * keeps the place it was given. A shown page, and a page of a stack not
 * yet given a size, are left alone. */
static void
test_hidden_page_laid_out (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkStack *stack = GTK_STACK (gtk_stack_new ());
  GtkWidget *shown = gtk_label_new ("The page on show");
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new ("A page not shown yet, with words that wrap onto lines of their own");
  GtkWidget *counted = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  guint allocations = 0;
  GtkAllocation placed;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_layout_manager (counted, gtk_custom_layout_new (NULL, measure_fixed_cb, count_allocation_cb));
  g_object_set_data (G_OBJECT (counted), "allocations", &allocations);
  gtk_box_append (GTK_BOX (page), label);
  gtk_box_append (GTK_BOX (page), counted);
  gtk_stack_add_named (stack, shown, "shown");
  gtk_stack_add_named (stack, page, "page");
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (stack));
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 300);
  /* No size yet: nothing to lay it out at. */
  g_assert_false (rd_gui_lay_out_hidden_page (page));
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (window);
  g_assert_cmpuint (allocations, ==, 0);
  g_assert_false (rd_gui_lay_out_hidden_page (shown));

  g_assert_true (rd_gui_lay_out_hidden_page (page));
  g_assert_false (gtk_widget_get_mapped (page));
  g_assert_cmpuint (allocations, ==, 1);
  g_assert_cmpint (gtk_widget_get_width (page), ==, gtk_widget_get_width (GTK_WIDGET (stack)));
  g_assert_cmpint (gtk_widget_get_height (page), ==, gtk_widget_get_height (GTK_WIDGET (stack)));
  g_assert_cmpint (gtk_widget_get_width (label), >, 0);
  gtk_widget_get_allocation (label, &placed);

  gtk_stack_set_visible_child (stack, page);
  g_assert_true (rd_test_gui_wait_until (is_mapped, counted, 5000));
  rd_test_gui_wait_until (never_cb, NULL, 200);
  g_assert_cmpuint (allocations, ==, 1);
  {
    GtkAllocation now;

    gtk_widget_get_allocation (label, &now);
    g_assert_cmpint (now.x, ==, placed.x);
    g_assert_cmpint (now.y, ==, placed.y);
    g_assert_cmpint (now.width, ==, placed.width);
    g_assert_cmpint (now.height, ==, placed.height);
  }
  /* Shown, it is laid out by its stack as usual. */
  g_assert_false (rd_gui_lay_out_hidden_page (page));
  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  rd_test_gui_init (&argc, &argv);

  g_test_add_func ("/first-frame/no-svg-icon", test_no_svg_icon);
  g_test_add_func ("/first-frame/status-page-icons", test_status_page_icons);
  g_test_add_func ("/first-frame/app-icon-png", test_app_icon_png);
  g_test_add_func ("/first-frame/welcome-no-svg", test_welcome_no_svg);
  g_test_add_func ("/first-frame/menus-when-opened", test_menus_when_opened);
  g_test_add_func ("/first-frame/spinner-waits", test_spinner_waits);
  g_test_add_func ("/first-frame/revealer-hides-closed", test_revealer_hides_closed);
  g_test_add_func ("/first-frame/hidden-page-laid-out", test_hidden_page_laid_out);
  return g_test_run ();
}
