/* test-screenshot.c: the sample case renders; saves the README screenshot.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With REDRESS_SCREENSHOT_DIR set, the pictures are kept there (this is how
 * data/screenshots/ is made); otherwise they go to a temporary folder.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "rd-application.h"
#include "rd-window.h"
#include "rd-test-gui.h"

static void
test_sample_screenshot (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  const char *out_dir = g_getenv ("REDRESS_SCREENSHOT_DIR");
  g_autofree char *png = NULL;
  g_autoptr(RdApplication) app = rd_test_gui_app_new (dir);
  RdWindow *window = rd_window_new (app);

  png = g_build_filename (out_dir ? out_dir : dir, "main-window.png", NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-sample-case", NULL);
  rd_test_gui_iterate ();
  g_assert_nonnull (rd_window_get_case (window));

  rd_test_gui_wait_for_draw (GTK_WIDGET (window));
  g_usleep (300 * 1000);
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (rd_test_gui_save_screenshot (GTK_WIDGET (window), png));
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  rd_test_gui_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  rd_test_gui_init (&argc, &argv);

  g_test_add_func ("/screenshot/sample", test_sample_screenshot);

  return g_test_run ();
}
