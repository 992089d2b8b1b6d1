/* test-window.c: the main window opens on the right page for the store's state.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "rd-application.h"
#include "rd-window.h"
#include "rd-test-gui.h"

static void
test_welcome_on_empty_store (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = rd_test_gui_app_new (dir);
  RdWindow *window = rd_window_new (app);
  GtkStack *stack;

  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));

  stack = GTK_STACK (rd_test_gui_find_by_id (GTK_WIDGET (window), "main_stack"));
  g_assert_nonnull (stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "welcome");

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  rd_test_gui_remove_tree (dir);
}

static void
test_error_page_on_newer_store (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "redress.db", NULL);
  g_autoptr(RdApplication) app = NULL;
  RdWindow *window;
  GtkStack *stack;

  rd_test_gui_make_newer_store (path);

  app = rd_test_gui_app_new (dir);
  window = rd_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));

  stack = GTK_STACK (rd_test_gui_find_by_id (GTK_WIDGET (window), "main_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "error");
  g_assert_nonnull (rd_application_get_store_error (app));

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  rd_test_gui_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  rd_test_gui_init (&argc, &argv);

  g_test_add_func ("/window/welcome-on-empty-store", test_welcome_on_empty_store);
  g_test_add_func ("/window/error-page-on-newer-store", test_error_page_on_newer_store);

  return g_test_run ();
}
