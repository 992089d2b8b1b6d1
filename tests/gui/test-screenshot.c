/* test-screenshot.c: the sample case renders wide, narrow and dark; this is
 * also how the README screenshot is made.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With REDRESS_SCREENSHOT_DIR set, the pictures are kept there
 * (data/screenshots/main-window.png comes from here); otherwise they go to
 * a temporary folder and are thrown away.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "rd-application.h"
#include "rd-diary-item.h"
#include "rd-diary-page.h"
#include "rd-window.h"
#include "rd-test-gui.h"

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
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  rd_test_gui_iterate ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  g_clear_object (&f->app);
  rd_test_gui_remove_tree (f->dir);
  g_free (f->dir);
}

/* Opens the sample case in a window of the given size, on its diary entry
 * about a threat reported to the police (dated for today: see rd-sample.c). */
static void
open_sample (Fixture *f,
             int      width,
             int      height)
{
  RdDiaryPage *page;
  GListModel *entries;
  gboolean found = FALSE;

  /* GNOME's interface font, when it is there, as a resident would see it. */
  if (g_file_test ("/usr/share/fonts/opentype/cantarell", G_FILE_TEST_IS_DIR))
    g_object_set (gtk_settings_get_default (), "gtk-font-name", "Cantarell 11", NULL);

  f->window = rd_test_gui_window_new (f->app, width, height);

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "open-sample-case", NULL);
  rd_test_gui_iterate ();
  g_assert_nonnull (rd_window_get_case (f->window));
  g_assert_true (rd_case_get_is_sample (rd_window_get_case (f->window)));
  /* A case opens on its dashboard; the screenshots show the diary. */
  rd_window_show_page (f->window, "diary");

  page = RD_DIARY_PAGE (rd_window_get_page (f->window, "diary"));
  entries = rd_diary_page_get_entries (page);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RdDiaryItem) item = g_list_model_get_item (entries, i);

      if (!found && g_str_has_prefix (rd_diary_item_get_summary (item), "A note was pushed"))
        {
          g_assert_true (rd_diary_page_select_entry (page, rd_diary_item_get_id (item)));
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
save (Fixture    *f,
      const char *name)
{
  const char *out_dir = g_getenv ("REDRESS_SCREENSHOT_DIR");
  g_autofree char *png = g_build_filename (out_dir ? out_dir : f->dir, name, NULL);
  g_autoptr(GdkTexture) texture = NULL;

  /* Let list rows, revealers and the scroll to the entry settle. */
  for (int i = 0; i < 5; i++)
    {
      rd_test_gui_wait_for_draw (GTK_WIDGET (f->window));
      g_usleep (100 * 1000);
    }
  g_assert_true (rd_test_gui_save_screenshot (GTK_WIDGET (f->window), png));

  texture = gdk_texture_new_from_filename (png, NULL);
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (GTK_WIDGET (f->window)));
  if (out_dir != NULL)
    g_test_message ("Saved %s", png);
}

static GtkWidget *
find (Fixture    *f,
      const char *id)
{
  GtkWidget *widget = rd_test_gui_find_by_id (GTK_WIDGET (f->window), id);

  g_assert_nonnull (widget);
  return widget;
}

static void
test_wide (Fixture       *f,
           gconstpointer  data)
{
  open_sample (f, 1180, 760);
  save (f, "main-window.png");
  /* List and editor side by side. */
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (find (f, "leaflet"))));
  g_assert_true (gtk_widget_get_mapped (find (f, "diary_list")));
  g_assert_true (gtk_widget_get_mapped (find (f, "description_view")));
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  open_sample (f, 400, 720);
  save (f, "narrow-list.png");
  /* One pane at a time: the list, then the entry with a way back. */
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (find (f, "leaflet"))));
  g_assert_true (gtk_widget_get_mapped (find (f, "diary_list")));
  g_assert_false (gtk_widget_get_mapped (find (f, "description_view")));

  adw_leaflet_set_visible_child_name (ADW_LEAFLET (find (f, "leaflet")), "editor");
  save (f, "narrow-entry.png");
  g_assert_true (gtk_widget_get_visible (find (f, "back_button")));
  g_assert_true (gtk_widget_get_mapped (find (f, "description_view")));
  g_signal_emit_by_name (find (f, "back_button"), "clicked");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (find (f, "leaflet"))), ==, "list");
}

static void
test_dark (Fixture       *f,
           gconstpointer  data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  open_sample (f, 1180, 760);
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  save (f, "dark-window.png");
}

int
main (int   argc,
      char *argv[])
{
  rd_test_gui_init (&argc, &argv);

  g_test_add ("/screenshot/wide", Fixture, NULL, fixture_setup, test_wide, fixture_teardown);
  g_test_add ("/screenshot/narrow", Fixture, NULL, fixture_setup, test_narrow, fixture_teardown);
  g_test_add ("/screenshot/dark", Fixture, NULL, fixture_setup, test_dark, fixture_teardown);

  return g_test_run ();
}
