/* test-advisers.c: what only advisers are offered, and the way back from All Cases.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rd-application.h"
#include "rd-client-record-dialog.h"
#include "rd-window.h"
#include "rd-test-gui.h"

static gint64
add_case (RdStore    *store,
          const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCase) rcase = rd_case_new ();

  rd_case_set_title (rcase, title);
  rd_case_set_resident_name (rcase, "Sam Resident");
  rd_case_set_landlord_name (rcase, "Northway Homes");
  g_assert_true (rd_store_save_case (store, rcase, &error));
  g_assert_no_error (error);
  return rd_case_get_id (rcase);
}

/* Whether the menu of @button, opened as a person would open it, shows an
 * item reading @text. */
static gboolean
menu_shows (GtkWidget  *button,
            const char *text)
{
  GtkPopover *popover;
  GtkWidget *found;
  gboolean shown;

  g_assert_true (GTK_IS_MENU_BUTTON (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_nonnull (popover);
  rd_test_gui_wait_for_draw (GTK_WIDGET (popover));
  found = rd_test_gui_find_by_text (GTK_WIDGET (popover), text);
  shown = found != NULL && gtk_widget_is_visible (found) && gtk_widget_get_mapped (found);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  rd_test_gui_iterate ();
  return shown;
}

static GtkWindow *
find_client_record (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (RD_IS_CLIENT_RECORD_DIALOG (l->data))
      return l->data;
  return NULL;
}

/* A resident sees no Client Record… or Export Case…; an adviser does, and
 * so does anyone on a case that has a client record. */
static void
test_adviser_items (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = rd_test_gui_app_new (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCaseAdmin) admin = NULL;
  RdStore *store = rd_application_get_store (app);
  gint64 own = add_case (store, "Noise from Flat 6");
  gint64 client = add_case (store, "Damp in the bedroom");
  GtkWidget *main_menu, *case_menu;
  RdWindow *window;

  window = rd_test_gui_window_new (app, 1000, 760);
  g_assert_true (rd_window_open_case (window, own, &error));
  g_assert_no_error (error);
  rd_test_gui_iterate ();
  main_menu = rd_test_gui_find_by_id (GTK_WIDGET (window), "menu_button");
  case_menu = rd_test_gui_find_by_id (rd_test_gui_find_by_id (GTK_WIDGET (window), "case_switcher"), "button");

  /* The menus are read for real: what everyone has is found. */
  g_assert_true (menu_shows (main_menu, "Export Bundle (PDF)…"));
  g_assert_true (menu_shows (case_menu, "Case Details…"));

  /* A resident on their own case. */
  g_assert_false (menu_shows (main_menu, "Export Case…"));
  g_assert_false (menu_shows (case_menu, "Client Record…"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.client-record", NULL);
  rd_test_gui_iterate ();
  g_assert_null (find_client_record ());

  /* Preferences: "I am an adviser helping others". */
  g_assert_true (rd_store_set_adviser_mode (store, TRUE, &error));
  g_assert_no_error (error);
  rd_test_gui_iterate ();
  g_assert_true (menu_shows (main_menu, "Export Case…"));
  g_assert_true (menu_shows (case_menu, "Client Record…"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.client-record", NULL);
  rd_test_gui_iterate ();
  g_assert_nonnull (find_client_record ());
  gtk_window_destroy (find_client_record ());
  rd_test_gui_iterate ();

  /* And off again. */
  g_assert_true (rd_store_set_adviser_mode (store, FALSE, &error));
  rd_test_gui_iterate ();
  g_assert_false (menu_shows (main_menu, "Export Case…"));
  g_assert_false (menu_shows (case_menu, "Client Record…"));

  /* A client's case (it has a client number) keeps its record at hand. */
  admin = rd_store_get_case_admin (store, client, &error);
  g_assert_no_error (error);
  rd_case_admin_set_client_number (admin, "C-0012");
  g_assert_true (rd_store_save_case_admin (store, admin, &error));
  g_assert_no_error (error);
  g_assert_true (rd_window_open_case (window, client, &error));
  rd_test_gui_iterate ();
  g_assert_true (menu_shows (main_menu, "Export Case…"));
  g_assert_true (menu_shows (case_menu, "Client Record…"));
  /* Back on the resident's own case, they go again. */
  g_assert_true (rd_window_open_case (window, own, &error));
  rd_test_gui_iterate ();
  g_assert_false (menu_shows (case_menu, "Client Record…"));

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  rd_test_gui_remove_tree (dir);
}

/* All Cases, shown over an open case, has a back button (and Alt+Left)
 * to that case; with no case open there is nothing to go back to. */
static void
test_all_cases_back (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = rd_test_gui_app_new (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) controllers = NULL;
  RdStore *store = rd_application_get_store (app);
  gint64 first = add_case (store, "Noise from Flat 6");
  RdWindow *window;
  GtkStack *stack;
  GtkWidget *back;
  gboolean bound = FALSE;

  add_case (store, "Damp in the bedroom");
  window = rd_test_gui_window_new (app, 1000, 760);
  g_assert_true (rd_window_open_case (window, first, &error));
  rd_test_gui_iterate ();
  stack = GTK_STACK (rd_test_gui_find_by_id (GTK_WIDGET (window), "main_stack"));
  back = rd_test_gui_find_by_id (GTK_WIDGET (window), "cases_back_button");
  g_assert_nonnull (back);
  g_assert_false (gtk_widget_get_visible (back));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-cases", NULL));
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "cases");
  g_assert_true (gtk_widget_get_mapped (back));
  rd_test_gui_check_name (back, "Back to the open case");

  g_signal_emit_by_name (back, "clicked");
  rd_test_gui_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "case");
  g_assert_cmpint (rd_case_get_id (rd_window_get_case (window)), ==, first);
  g_assert_false (gtk_widget_get_visible (back));

  /* Alt+Left does the same. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
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

          if (g_str_equal (trigger, "<Alt>Left") && GTK_IS_NAMED_ACTION (action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "win.back-to-case"))
            bound = TRUE;
        }
    }
  g_assert_true (bound);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-cases", NULL));
  rd_test_gui_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back-to-case", NULL));
  rd_test_gui_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "case");

  /* No case open: the list is where Redress starts, with no way back. */
  rd_window_close_case (window);
  rd_test_gui_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "cases");
  g_assert_false (gtk_widget_get_visible (back));

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  rd_test_gui_remove_tree (dir);
}

typedef struct {
  RdStore    *store;
  gint64      case_id;
  const char *number;
  const char *scope;
} StoredRecord;

static gboolean
record_stored (gpointer data)
{
  StoredRecord *want = data;
  g_autoptr(RdCaseAdmin) admin = rd_store_get_case_admin (want->store, want->case_id, NULL);

  return admin != NULL && g_strcmp0 (rd_case_admin_get_client_number (admin), want->number) == 0 &&
         g_strcmp0 (rd_case_admin_get_authority_scope (admin), want->scope) == 0;
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

/* The client record has no Save button: it is written a moment after
 * typing pauses, with the window open, and at once when the window closes.
 * What the store cannot take (the number shown instead of the name, with
 * no number) is explained and not written; closing then keeps the window
 * open once, and closing again keeps the record as it was last saved. */
static void
test_client_record_save_as_you_type (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = rd_test_gui_app_new (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCaseAdmin) admin = NULL;
  RdStore *store = rd_application_get_store (app);
  StoredRecord want = { store, add_case (store, "Damp in the bedroom"), "C-0042", "" };
  GtkWindow *record;
  GtkWidget *status;
  RdWindow *window;
  gint64 until;

  g_assert_true (rd_store_set_adviser_mode (store, TRUE, &error));
  window = rd_test_gui_window_new (app, 1000, 760);
  g_assert_true (rd_window_open_case (window, want.case_id, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.client-record", NULL);
  rd_test_gui_iterate ();
  record = find_client_record ();
  g_assert_nonnull (record);
  rd_test_gui_wait_for_draw (GTK_WIDGET (record));
  g_assert_null (rd_test_gui_find_by_id (GTK_WIDGET (record), "save_button"));
  status = rd_test_gui_find_by_id (GTK_WIDGET (record), "status_label");

  gtk_editable_set_text (GTK_EDITABLE (rd_test_gui_find_by_id (GTK_WIDGET (record), "client_number_row")),
                         want.number);
  g_assert_true (rd_test_gui_wait_until (record_stored, &want, 5000));
  g_assert_true (find_client_record () == record);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "Saved");

  /* Closed straight after typing: written all the same. */
  want.scope = "Talking to the landlord about the repairs";
  gtk_editable_set_text (GTK_EDITABLE (rd_test_gui_find_by_id (GTK_WIDGET (record), "authority_scope_row")),
                         want.scope);
  gtk_window_close (record);
  rd_test_gui_iterate ();
  g_assert_null (find_client_record ());
  g_assert_true (record_stored (&want));

  /* Shown by number, with no number: not written. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.client-record", NULL);
  rd_test_gui_iterate ();
  record = find_client_record ();
  g_assert_nonnull (record);
  status = rd_test_gui_find_by_id (GTK_WIDGET (record), "status_label");
  gtk_editable_set_text (GTK_EDITABLE (rd_test_gui_find_by_id (GTK_WIDGET (record), "client_number_row")), "");
  gtk_switch_set_active (GTK_SWITCH (rd_test_gui_find_by_id (GTK_WIDGET (record), "use_number_switch")), TRUE);
  until = g_get_monotonic_time () + 1500 * 1000;
  rd_test_gui_wait_until (time_passed, &until, 3000);
  g_assert_true (gtk_widget_has_css_class (status, "inline-error"));
  g_assert_true (record_stored (&want));

  gtk_window_close (record);
  rd_test_gui_iterate ();
  g_assert_true (find_client_record () == record);
  gtk_window_close (record);
  rd_test_gui_iterate ();
  g_assert_null (find_client_record ());
  g_assert_true (record_stored (&want));
  admin = rd_store_get_case_admin (store, want.case_id, &error);
  g_assert_false (rd_case_admin_get_use_client_number (admin));

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  rd_test_gui_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test context keeps accessible names where the test can read
   * them, without an accessibility bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  rd_test_gui_init (&argc, &argv);

  g_test_add_func ("/advisers/items-only-for-advisers", test_adviser_items);
  g_test_add_func ("/advisers/all-cases-back", test_all_cases_back);
  g_test_add_func ("/advisers/client-record-save-as-you-type", test_client_record_save_as_you_type);

  return g_test_run ();
}
