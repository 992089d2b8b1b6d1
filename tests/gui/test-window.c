/* test-window.c: the main window opens on the right page for the store's state.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "rd-application.h"
#include "rd-diary-page.h"
#include "rd-lock.h"
#include "rd-window.h"
#include "rd-test-fixtures.h"
#include "rd-test-gui.h"

static void
test_welcome_on_empty_store (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = rd_test_gui_app_new (dir);
  RdWindow *window = rd_application_new_window (app);
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

/* A button bound to @action: insensitive exactly when the action is off. */
static GtkWidget *
add_action_probe (RdWindow   *window,
                  const char *action)
{
  GtkWidget *probe = gtk_button_new_with_label (action);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), action);
  adw_header_bar_pack_start (ADW_HEADER_BAR (rd_test_gui_find_by_id (GTK_WIDGET (window), "header_bar")),
                             probe);
  rd_test_gui_iterate ();
  return probe;
}

/* With the cases open, the same actions are on, and on again after the
 * lock (the probe can tell). */
static void
test_actions_back_after_unlock (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = rd_test_gui_app_new (dir);
  RdWindow *window = rd_application_new_window (app);
  GtkWidget *probe;
  RdLock *lock;

  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));
  probe = add_action_probe (window, "win.new-incident");
  lock = rd_window_get_lock (window);
  g_assert_true (gtk_widget_is_sensitive (probe));
  rd_lock_lock (lock);
  rd_test_gui_iterate ();
  rd_lock_unlock (lock, NULL);
  rd_test_gui_iterate ();
  g_assert_true (gtk_widget_is_sensitive (probe));

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
  window = rd_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));

  stack = GTK_STACK (rd_test_gui_find_by_id (GTK_WIDGET (window), "main_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "error");
  g_assert_nonnull (rd_application_get_store_error (app));

  /* The main menu offers nothing that needs the cases it cannot open. */
  {
    GtkWidget *button = rd_test_gui_find_by_id (GTK_WIDGET (window), "menu_button");
    GMenuModel *menu;
    guint items = 0;

    g_assert_nonnull (button);
    menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
    for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
      {
        g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
        GMenuModel *items_of = section ? section : menu;

        for (int j = 0; j < g_menu_model_get_n_items (items_of); j++)
          {
            g_autofree char *action = NULL;

            if (!g_menu_model_get_item_attribute (items_of, j, G_MENU_ATTRIBUTE_ACTION, "s", &action))
              continue;
            items++;
            g_assert_cmpstr (action, !=, "win.new-case");
            g_assert_cmpstr (action, !=, "app.open-sample-case");
            g_assert_cmpstr (action, !=, "win.import-case");
          }
        if (section == NULL)
          break;
      }
    g_assert_cmpuint (items, >, 0);
  }

  /* Nor does any shortcut pretend to work; and locking and unlocking
   * leaves them as they were. */
  {
    GtkWidget *probe = add_action_probe (window, "win.new-incident");
    GtkWidget *find = add_action_probe (window, "win.find");
    RdLock *lock = rd_window_get_lock (window);

    g_assert_false (gtk_widget_is_sensitive (probe));
    g_assert_false (gtk_widget_is_sensitive (find));
    g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "open-sample-case"));
    rd_lock_lock (lock);
    rd_test_gui_iterate ();
    rd_lock_unlock (lock, NULL);
    rd_test_gui_iterate ();
    g_assert_false (rd_lock_get_locked (lock));
    g_assert_false (gtk_widget_is_sensitive (probe));
    g_assert_false (gtk_widget_is_sensitive (find));
    g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "open-sample-case"));
    g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "preferences"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  rd_test_gui_remove_tree (dir);
}

static gint64
add_case (const char *dir,
          const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (dir, &error);
  g_autoptr(RdCase) rcase = rd_case_new ();

  g_assert_no_error (error);
  rd_case_set_title (rcase, title);
  g_assert_true (rd_store_save_case (store, rcase, &error));
  return rd_case_get_id (rcase);
}

static void
test_case_pages_and_last_case (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = NULL;
  gint64 first, second;
  RdWindow *window;
  GtkStack *stack;
  AdwViewStack *view_stack;
  GtkWidget *diary;

  first = add_case (dir, "First case");
  second = add_case (dir, "Second case");

  app = rd_test_gui_app_new (dir);
  window = rd_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));

  /* With no case remembered for this folder, the newest case opens. */
  stack = GTK_STACK (rd_test_gui_find_by_id (GTK_WIDGET (window), "main_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "case");
  g_assert_nonnull (rd_window_get_case (window));

  /* Every case page gets the store and the case. */
  view_stack = ADW_VIEW_STACK (rd_test_gui_find_by_id (GTK_WIDGET (window), "view_stack"));
  diary = rd_window_get_page (window, "diary");
  g_assert_true (RD_IS_DIARY_PAGE (diary));
  g_assert_true (adw_view_stack_get_child_by_name (view_stack, "diary") == diary);
  g_assert_true (rd_case_page_get_store (RD_CASE_PAGE (diary)) == rd_window_get_store (window));

  g_assert_true (rd_window_open_case (window, first, NULL));
  g_assert_cmpint (rd_case_get_id (rd_case_page_get_case (RD_CASE_PAGE (diary))), ==, first);
  g_assert_nonnull (rd_test_gui_find_by_text (GTK_WIDGET (window), "First case"));

  /* Closing lets go of the case; the next window opens it again. */
  g_object_ref (diary);
  gtk_window_close (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  g_assert_null (rd_case_page_get_case (RD_CASE_PAGE (diary)));
  g_object_unref (diary);

  window = rd_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpint (rd_case_get_id (rd_window_get_case (window)), ==, first);
  g_assert_cmpint (rd_case_get_id (rd_window_get_case (window)), !=, second);

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  rd_test_gui_remove_tree (dir);
}


static gboolean
content_hidden (gpointer page)
{
  return rd_case_page_get_content_hidden (RD_CASE_PAGE (page));
}

static void
show_page_by_keyboard (RdWindow   *window,
                       const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name));
}

/* A page that was shown and is left hides its content before the next
 * frame, so that GTK does not work out its styles again for a focus or
 * a :backdrop that changed while nobody can see it; shown again, it is
 * all there at once, mapped, with the keyboard in it. A page never shown
 * keeps its content (it may be laid out ahead), and a page left and
 * shown again before a frame never hides it. */
static void
test_left_page_hides_content (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = NULL;
  RdWindow *window;
  GtkWidget *diary, *timeline, *contacts, *content, *focus;

  add_case (dir, "A case");
  app = rd_test_gui_app_new (dir);
  window = rd_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));
  diary = rd_window_get_page (window, "diary");
  timeline = rd_window_get_page (window, "timeline");
  contacts = rd_window_get_page (window, "contacts");
  content = gtk_widget_get_first_child (diary);
  g_assert_nonnull (content);

  show_page_by_keyboard (window, "diary");
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (content));
  g_assert_false (rd_case_page_get_content_hidden (RD_CASE_PAGE (diary)));

  show_page_by_keyboard (window, "timeline");
  /* Not yet: the focus has only just left it. */
  g_assert_true (gtk_widget_get_visible (content));
  g_assert_true (rd_test_gui_wait_until (content_hidden, diary, 5000));
  g_assert_false (gtk_widget_get_visible (content));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, timeline));
  g_assert_false (rd_case_page_get_content_hidden (RD_CASE_PAGE (timeline)));
  g_assert_false (rd_case_page_get_content_hidden (RD_CASE_PAGE (contacts)));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_first_child (contacts)));

  show_page_by_keyboard (window, "diary");
  g_assert_true (gtk_widget_get_visible (content));
  g_assert_true (gtk_widget_get_mapped (content));
  g_assert_false (rd_case_page_get_content_hidden (RD_CASE_PAGE (diary)));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, diary));
  g_assert_true (rd_test_gui_wait_until (content_hidden, timeline, 5000));

  /* Left and back before any frame: the content stays. */
  show_page_by_keyboard (window, "timeline");
  show_page_by_keyboard (window, "diary");
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));
  rd_test_gui_iterate ();
  g_assert_true (gtk_widget_get_visible (content));
  g_assert_false (rd_case_page_get_content_hidden (RD_CASE_PAGE (diary)));

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  rd_test_gui_remove_tree (dir);
}


static RdWindow *
open_window_on (RdApplication *app,
                const char    *dir)
{
  RdWindow *window;

  rd_application_set_data_dir (app, dir);
  window = rd_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static gint64
open_case_id (RdWindow *window)
{
  RdCase *rcase = rd_window_get_case (window);

  return rcase != NULL ? rd_case_get_id (rcase) : 0;
}

/* Two data folders on one computer (an adviser's, a USB stick) each reopen
 * their own last case: case 1 of folder A is not case 1 of folder B. */
static void
test_last_case_per_folder (void)
{
  g_autofree char *dir_a = g_dir_make_tmp ("redress-gui-a-XXXXXX", NULL);
  g_autofree char *dir_b = g_dir_make_tmp ("redress-gui-b-XXXXXX", NULL);
  g_autoptr(RdApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a_old, a_new, b_old, b_new;
  RdWindow *window;
  GtkStack *stack;

  a_old = add_case (dir_a, "Folder A, older case");
  a_new = add_case (dir_a, "Folder A, newer case");
  b_old = add_case (dir_b, "Folder B, older case");
  b_new = add_case (dir_b, "Folder B, newer case");
  g_assert_cmpint (a_old, ==, b_old);

  app = rd_test_gui_app_new (dir_a);
  window = open_window_on (app, dir_a);
  g_assert_true (rd_window_open_case (window, a_old, &error));
  g_assert_no_error (error);
  gtk_window_close (GTK_WINDOW (window));
  rd_test_gui_iterate ();

  /* Folder B has never had a case open: its newest, not A's id. */
  window = open_window_on (app, dir_b);
  g_assert_cmpint (open_case_id (window), ==, b_new);
  g_assert_cmpstr (rd_case_get_title (rd_window_get_case (window)), ==, "Folder B, newer case");
  g_assert_true (rd_window_open_case (window, b_old, &error));
  gtk_window_close (GTK_WINDOW (window));
  rd_test_gui_iterate ();

  window = open_window_on (app, dir_a);
  g_assert_cmpint (open_case_id (window), ==, a_old);
  g_assert_cmpstr (rd_case_get_title (rd_window_get_case (window)), ==, "Folder A, older case");
  /* Archived since: not reopened; the newest case that is not opens. */
  g_assert_true (rd_store_set_case_archived (rd_window_get_store (window), a_old, TRUE, &error));
  g_assert_no_error (error);
  gtk_window_close (GTK_WINDOW (window));
  rd_test_gui_iterate ();

  window = open_window_on (app, dir_a);
  g_assert_cmpint (open_case_id (window), ==, a_new);
  /* Every case archived: the case list, with nothing opened. */
  g_assert_true (rd_store_set_case_archived (rd_window_get_store (window), a_new, TRUE, &error));
  gtk_window_close (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  window = open_window_on (app, dir_a);
  stack = GTK_STACK (rd_test_gui_find_by_id (GTK_WIDGET (window), "main_stack"));
  g_assert_null (rd_window_get_case (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "cases");
  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();

  /* B still has its own; erased since, it is not reopened. */
  window = open_window_on (app, dir_b);
  g_assert_cmpint (open_case_id (window), ==, b_old);
  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  g_assert_true (rd_store_erase_case (rd_application_get_store (app), b_old, &error));
  g_assert_no_error (error);
  window = open_window_on (app, dir_b);
  g_assert_cmpint (open_case_id (window), ==, b_new);
  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();

  rd_application_set_data_dir (app, dir_a);
  rd_test_gui_remove_tree (dir_a);
  rd_test_gui_remove_tree (dir_b);
}

static void
collect_shortcuts (GtkWidget  *widget,
                   GPtrArray  *accels,
                   GPtrArray  *actions)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      char *accel = NULL, *action = NULL;

      g_object_get (widget, "accelerator", &accel, "action-name", &action, NULL);
      g_ptr_array_add (accels, accel ? accel : g_strdup (""));
      g_ptr_array_add (actions, action ? action : g_strdup (""));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, accels, actions);
}

static gboolean
strv_has (GPtrArray  *array,
          const char *value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (g_ptr_array_index (array, i), value))
      return TRUE;
  return FALSE;
}

/* Every keyboard shortcut the app sets is in the shortcuts window. */
static void
test_shortcuts_listed (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = rd_test_gui_app_new (dir);
  g_autoptr(GPtrArray) accels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) described = NULL;
  RdWindow *window = rd_application_new_window (app);
  GtkWindow *overlay;
  const char *expected[][2] = {
    { "win.new-incident", "<Control>n" },
    { "win.find", "<Control>f" },
    { "window.close", "<Control>w" },
    { "app.quit", "<Control>q" },
    /* Set by Redress, as GtkApplication no longer finds the overlay. */
    { "win.show-help-overlay", "<Control>question" },
  };

  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) set = gtk_application_get_accels_for_action (GTK_APPLICATION (app), expected[i][0]);
      g_assert_true (g_strv_contains ((const char * const *) set, expected[i][1]));
    }

  /* Built the first time it is asked for (Ctrl+?), not with the window;
   * then it is the window's, once. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
  overlay = GTK_WINDOW (rd_window_get_help_overlay (window));
  g_assert_nonnull (overlay);
  g_assert_true (GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))) == overlay);
  g_assert_true (GTK_WINDOW (rd_window_get_help_overlay (window)) == overlay);
  collect_shortcuts (GTK_WIDGET (overlay), accels, actions);

  described = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  for (guint i = 0; described[i] != NULL; i++)
    {
      g_auto(GStrv) set = gtk_application_get_accels_for_action (GTK_APPLICATION (app), described[i]);

      if (g_str_equal (described[i], "win.show-help-overlay"))
        continue;
      for (guint j = 0; set[j] != NULL; j++)
        if (!strv_has (accels, set[j]) && !strv_has (actions, described[i]))
          g_error ("The shortcuts window does not list %s (%s)", set[j], described[i]);
    }
  /* The keys that belong to widgets rather than actions are there too. */
  g_assert_true (strv_has (accels, "Delete"));
  g_assert_true (strv_has (accels, "<Control>question"));
  /* Undo of the last delete is a window shortcut, not an action's accel. */
  g_assert_true (strv_has (accels, "<Control>z"));
  /* Text boxes do not take Tab, so the window says how to leave them. */
  g_assert_true (strv_has (accels, "Tab"));
  g_assert_true (strv_has (accels, "<Shift>Tab"));

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  rd_test_gui_remove_tree (dir);
}

/* A case file that may not be written to opens, shows its cases, and the
 * window says at once, and why, that nothing new will be saved. */
static void
test_read_only_banner (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "redress.db", NULL);
  g_autoptr(RdApplication) app = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *banner;
  GtkStack *stack;
  RdWindow *window;

  add_case (dir, "Repairs");
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  if (!rd_fixture_set_read_only (path, TRUE))
    {
      rd_fixture_set_read_only (path, FALSE);
      rd_test_gui_remove_tree (dir);
      g_test_skip ("This file system cannot make a file read-only for this user");
      return;
    }

  app = rd_test_gui_app_new (dir);
  window = rd_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));

  stack = GTK_STACK (rd_test_gui_find_by_id (GTK_WIDGET (window), "main_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "case");
  banner = rd_test_gui_find_by_id (GTK_WIDGET (window), "read_only_banner");
  g_assert_nonnull (banner);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_nonnull (rd_test_gui_find_by_text (banner, "Your cases can be read, but nothing new will be saved"));
  g_assert_nonnull (rd_test_gui_find_by_text (banner, rd_store_get_read_only_message (rd_window_get_store (window))));

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  g_clear_object (&app);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_assert_true (rd_fixture_set_read_only (path, FALSE));
  rd_test_gui_remove_tree (dir);
}

/* And a writable one shows no such banner. */
static void
test_no_read_only_banner (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = rd_test_gui_app_new (dir);
  RdWindow *window = rd_application_new_window (app);
  GtkWidget *banner;

  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));
  banner = rd_test_gui_find_by_id (GTK_WIDGET (window), "read_only_banner");
  g_assert_nonnull (banner);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
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
  g_test_add_func ("/window/actions-back-after-unlock", test_actions_back_after_unlock);
  g_test_add_func ("/window/case-pages-and-last-case", test_case_pages_and_last_case);
  g_test_add_func ("/window/last-case-per-folder", test_last_case_per_folder);
  g_test_add_func ("/window/left-page-hides-content", test_left_page_hides_content);
  g_test_add_func ("/window/shortcuts-listed", test_shortcuts_listed);
  g_test_add_func ("/window/read-only-banner", test_read_only_banner);
  g_test_add_func ("/window/no-read-only-banner", test_no_read_only_banner);

  return g_test_run ();
}
