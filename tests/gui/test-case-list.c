/* test-case-list.c: the adviser's case list (search, archived filter,
 * opening a case), the client record and its consent banner, and erasing
 * a client from the window after the confirmation.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rd-application.h"
#include "rd-case-list-page.h"
#include "rd-case-switcher.h"
#include "rd-client-record-dialog.h"
#include "rd-window.h"
#include "rd-test-gui.h"

static gint64
add_case (RdStore    *store,
          const char *title,
          const char *resident,
          const char *landlord)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCase) rcase = rd_case_new ();

  rd_case_set_title (rcase, title);
  rd_case_set_resident_name (rcase, resident);
  rd_case_set_landlord_name (rcase, landlord);
  g_assert_true (rd_store_save_case (store, rcase, &error));
  g_assert_no_error (error);
  return rd_case_get_id (rcase);
}

static gboolean
case_gone (gpointer data)
{
  gpointer *args = data;
  g_autoptr(RdCase) rcase = rd_store_get_case (args[0], GPOINTER_TO_SIZE (args[1]), NULL);

  return rcase == NULL;
}

static gboolean
model_has_items (gpointer model)
{
  return g_list_model_get_n_items (model) > 0;
}

static void
test_case_list (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = rd_test_gui_app_new (dir);
  g_autoptr(GError) error = NULL;
  RdStore *store = rd_application_get_store (app);
  g_autoptr(RdCaseAdmin) admin = NULL;
  gint64 alice, bob, carol;
  RdWindow *window;
  GtkStack *stack;
  RdCaseListPage *page;
  GListModel *model;
  GtkEditable *search;
  GtkCheckButton *archived;
  GtkListView *list;

  alice = add_case (store, "Noise", "Alice Smith", "Acme Homes");
  bob = add_case (store, "Roof", "Bob Secret", "Borough Council");
  carol = add_case (store, "Fence", "Carol Jones", "Acme Homes");
  admin = rd_store_get_case_admin (store, bob, &error);
  rd_case_admin_set_client_number (admin, "0042");
  rd_case_admin_set_use_client_number (admin, TRUE);
  g_assert_true (rd_store_save_case_admin (store, admin, &error));
  g_assert_true (rd_store_set_case_archived (store, carol, TRUE, &error));
  g_assert_no_error (error);

  window = rd_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));

  /* The header's switcher lists the open cases only. */
  {
    RdCaseSwitcher *switcher = RD_CASE_SWITCHER (rd_test_gui_find_by_id (GTK_WIDGET (window), "case_switcher"));
    GListModel *cases;

    rd_case_switcher_reload (switcher);
    cases = rd_case_switcher_get_cases (switcher);
    g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 2);
    for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
      {
        g_autoptr(RdCase) listed = g_list_model_get_item (cases, i);
        g_assert_cmpint (rd_case_get_id (listed), !=, carol);
      }
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-cases", NULL));
  rd_test_gui_iterate ();
  stack = GTK_STACK (rd_test_gui_find_by_id (GTK_WIDGET (window), "main_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "cases");
  page = RD_CASE_LIST_PAGE (rd_test_gui_find_by_type (GTK_WIDGET (window), RD_TYPE_CASE_LIST_PAGE));
  model = rd_case_list_page_get_model (page);
  search = GTK_EDITABLE (rd_test_gui_find_by_id (GTK_WIDGET (page), "search_entry"));
  archived = GTK_CHECK_BUTTON (rd_test_gui_find_by_id (GTK_WIDGET (page), "archived_check"));
  list = GTK_LIST_VIEW (rd_test_gui_find_by_id (GTK_WIDGET (page), "list_view"));

  /* The archived case is hidden; the unnamed client shows by number. */
  g_assert_true (rd_test_gui_wait_until (model_has_items, model, 5000));
  rd_test_gui_wait_for_draw (GTK_WIDGET (page));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_nonnull (rd_test_gui_find_by_text (GTK_WIDGET (page), "Client 0042"));
  g_assert_null (rd_test_gui_find_by_text (GTK_WIDGET (page), "Bob Secret"));

  gtk_editable_set_text (search, "acme");
  g_signal_emit_by_name (search, "search-changed");
  rd_test_gui_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  gtk_check_button_set_active (archived, TRUE);
  rd_test_gui_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  gtk_editable_set_text (search, "0042");
  g_signal_emit_by_name (search, "search-changed");
  rd_test_gui_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* Activating the row opens that case. */
  g_signal_emit_by_name (list, "activate", 0);
  rd_test_gui_iterate ();
  g_assert_cmpint (rd_case_get_id (rd_window_get_case (window)), ==, bob);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "case");
  (void) alice;

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  rd_test_gui_remove_tree (dir);
}

/* "I am an adviser helping others": every case is a client's, and the
 * banner asks for consent on a case with no client record yet. */
static void
test_adviser_mode_banner (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = rd_test_gui_app_new (dir);
  g_autoptr(GError) error = NULL;
  RdStore *store = rd_application_get_store (app);
  gint64 id = add_case (store, "Drop-in client", "Dana Client", "Acme Homes");
  RdWindow *window;
  GtkRevealer *banner;

  window = rd_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (rd_window_open_case (window, id, &error));
  rd_test_gui_iterate ();
  banner = GTK_REVEALER (rd_test_gui_find_by_id (GTK_WIDGET (window), "consent_banner"));
  g_assert_false (gtk_revealer_get_reveal_child (banner));

  g_assert_true (rd_store_set_adviser_mode (store, TRUE, &error));
  g_assert_no_error (error);
  rd_test_gui_iterate ();
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_true (rd_store_set_adviser_mode (store, FALSE, &error));
  rd_test_gui_iterate ();
  g_assert_false (gtk_revealer_get_reveal_child (banner));

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  rd_test_gui_remove_tree (dir);
}

static void
test_consent_banner_and_erase (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = rd_test_gui_app_new (dir);
  g_autoptr(GError) error = NULL;
  RdStore *store = rd_application_get_store (app);
  g_autoptr(RdCaseAdmin) admin = NULL;
  gint64 keep, erase;
  RdWindow *window;
  GtkRevealer *banner;
  GtkWindow *record, *confirm;
  GtkStack *stack;
  gpointer args[2];

  keep = add_case (store, "Kept case", "Kim Keep", "Acme Homes");
  erase = add_case (store, "Erased case", "Eve Gone", "Acme Homes");

  window = rd_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (rd_window_open_case (window, erase, &error));
  rd_test_gui_iterate ();

  /* A resident's own case: nobody to ask for consent, no banner. */
  banner = GTK_REVEALER (rd_test_gui_find_by_id (GTK_WIDGET (window), "consent_banner"));
  g_assert_false (gtk_revealer_get_reveal_child (banner));

  /* An adviser's client (a client number), no consent recorded: the
   * banner asks for it. */
  admin = rd_store_get_case_admin (store, erase, &error);
  g_assert_no_error (error);
  rd_case_admin_set_client_number (admin, "C-0007");
  g_assert_true (rd_store_save_case_admin (store, admin, &error));
  g_assert_no_error (error);
  g_clear_object (&admin);
  rd_test_gui_iterate ();
  g_assert_true (gtk_revealer_get_reveal_child (banner));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.client-record", NULL));
  rd_test_gui_iterate ();
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    record = NULL;
    for (GList *l = toplevels; l != NULL; l = l->next)
      if (RD_IS_CLIENT_RECORD_DIALOG (l->data))
        record = l->data;
  }
  g_assert_nonnull (record);
  g_signal_emit_by_name (rd_test_gui_find_by_id (GTK_WIDGET (record), "consent_today_row"), "activated");
  rd_test_gui_iterate ();
  /* The renewal is filled in six months on. */
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (rd_test_gui_find_by_id (GTK_WIDGET (record),
                                                                          "consent_renew_switch"))));
  /* The record saves as it is changed; closing writes what is pending. */
  gtk_window_close (GTK_WINDOW (record));
  rd_test_gui_iterate ();
  admin = rd_store_get_case_admin (store, erase, &error);
  g_assert_nonnull (rd_case_admin_get_consent_given (admin));
  g_assert_false (gtk_revealer_get_reveal_child (banner));

  /* Erase asks first, naming what goes; cancelling keeps everything. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.erase-case", NULL));
  rd_test_gui_iterate ();
  confirm = GTK_WINDOW (rd_test_gui_find_message_dialog ());
  g_assert_nonnull (confirm);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (confirm)), "Eve Gone"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (confirm)), "0 diary entries"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "cancel");
  rd_test_gui_iterate ();
  g_assert_nonnull (rd_window_get_case (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.erase-case", NULL));
  rd_test_gui_iterate ();
  confirm = GTK_WINDOW (rd_test_gui_find_message_dialog ());
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "erase");
  args[0] = store;
  args[1] = GSIZE_TO_POINTER (erase);
  g_assert_true (rd_test_gui_wait_until (case_gone, args, 10000));
  rd_test_gui_iterate ();
  g_assert_null (rd_window_get_case (window));
  stack = GTK_STACK (rd_test_gui_find_by_id (GTK_WIDGET (window), "main_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "cases");
  {
    g_autoptr(RdCase) kept = rd_store_get_case (store, keep, &error);
    g_assert_no_error (error);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  rd_test_gui_remove_tree (dir);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

static gboolean
case_count_is (gpointer data)
{
  gpointer *args = data;
  g_autoptr(GListModel) cases = rd_store_list_cases (args[0], NULL);

  return cases != NULL && g_list_model_get_n_items (cases) == GPOINTER_TO_UINT (args[1]);
}

static gboolean
other_case_open (gpointer data)
{
  gpointer *args = data;
  RdCase *open = rd_window_get_case (args[0]);

  return open != NULL && rd_case_get_id (open) != (gint64) GPOINTER_TO_SIZE (args[1]);
}

static gboolean
duplicate_dialog_shown (gpointer data)
{
  return g_object_get_data (G_OBJECT (data), "rd-duplicate-dialog") != NULL;
}

static guint
count_cases (RdStore *store)
{
  g_autoptr(GListModel) cases = rd_store_list_cases (store, NULL);

  return cases ? g_list_model_get_n_items (cases) : 0;
}

static void
on_toast_title_cb (AdwToast   *toast,
                   GParamSpec *pspec,
                   GPtrArray  *titles)
{
  g_ptr_array_add (titles, g_strdup (adw_toast_get_title (toast)));
}

static gboolean
has_items (gpointer data)
{
  return ((GPtrArray *) data)->len > 0;
}

/* Records each title the toast of the work under way is given, until
 * assert_phases_shown(). */
static AdwToast *
watch_work_toast (RdWindow   *window,
                  GPtrArray  *titles)
{
  AdwToast *toast = g_object_get_data (G_OBJECT (window), "rd-archive-toast");

  g_assert_nonnull (toast);
  g_signal_connect (toast, "notify::title", G_CALLBACK (on_toast_title_cb), titles);
  return g_object_ref (toast);
}

/* The toast followed the work: each title it was given is one of @phases. */
static void
assert_phases_shown (AdwToast           *toast,
                     GPtrArray          *titles,
                     const char * const *phases)
{
  g_assert_true (rd_test_gui_wait_until (has_items, titles, 10000));
  g_signal_handlers_disconnect_by_data (toast, titles);
  g_object_unref (toast);
  for (guint i = 0; i < titles->len; i++)
    g_assert_true (g_strv_contains (phases, g_ptr_array_index (titles, i)));
}

/* Export Case… and Import Case… once a file is chosen: the work runs in a
 * worker, its toast says each phase, and the imported case opens. */
static void
test_export_import (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "handover.redress", NULL);
  /* The data folder inside dir: the archive goes beside it, never in it. */
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autoptr(RdApplication) app = rd_test_gui_app_new (data);
  g_autoptr(GError) error = NULL;
  RdStore *store = rd_application_get_store (app);
  gint64 id = add_case (store, "Handed over", "Hana Over", "Acme Homes");
  static const char * const export_phases[] = {
    "Writing the case and its history…", "Putting the case into the archive…",
    "Copying the evidence files…", NULL,
  };
  static const char * const import_phases[] = {
    "Reading and checking the archive…", "Reading the diary, contacts and complaints…",
    "Reading the earlier versions of diary entries…", "Reading the evidence records…",
    "Reading when each record was written…", NULL,
  };
  g_autoptr(GPtrArray) export_titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) import_titles = g_ptr_array_new_with_free_func (g_free);
  AdwToast *toast;
  RdWindow *window;
  gpointer args[2];

  window = rd_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (rd_window_open_case (window, id, &error));

  rd_window_export_case_to (window, path);
  toast = watch_work_toast (window, export_titles);
  g_assert_true (rd_test_gui_wait_until (file_exists, path, 10000));
  assert_phases_shown (toast, export_titles, export_phases);

  /* The case is here already: the window asks, and a copy is made only
   * when the adviser says so. */
  rd_window_import_case_from (window, path);
  toast = watch_work_toast (window, import_titles);
  g_assert_true (rd_test_gui_wait_until (duplicate_dialog_shown, window, 10000));
  assert_phases_shown (toast, import_titles, import_phases);
  g_assert_cmpuint (count_cases (store), ==, 1);
  adw_message_dialog_response (g_object_get_data (G_OBJECT (window), "rd-duplicate-dialog"), "copy");
  args[0] = store;
  args[1] = GUINT_TO_POINTER (2);
  g_assert_true (rd_test_gui_wait_until (case_count_is, args, 10000));
  /* The imported case opens once the worker is done. */
  args[0] = window;
  args[1] = GSIZE_TO_POINTER (id);
  g_assert_true (rd_test_gui_wait_until (other_case_open, args, 10000));
  g_assert_cmpstr (rd_case_get_title (rd_window_get_case (window)), ==, "Handed over");

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  rd_test_gui_remove_tree (dir);
}

static void
count_cb (gpointer  page,
          guint    *count)
{
  (*count)++;
}

static gboolean
count_reached (gpointer data)
{
  return *(guint *) data > 0;
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

/* Each case's next date takes its deadlines worked out: a reload returns
 * at once and does that in a worker; of two reloads in a row only the
 * newer is shown. */
static void
test_reload_in_worker (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = rd_test_gui_app_new (dir);
  RdStore *store = rd_application_get_store (app);
  RdCaseListPage *page;
  GListModel *model;
  RdWindow *window;
  guint updated = 0;
  gint64 until;

  add_case (store, "Noise", "Alice Smith", "Acme Homes");
  window = rd_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-cases", NULL));
  page = RD_CASE_LIST_PAGE (rd_test_gui_find_by_type (GTK_WIDGET (window), RD_TYPE_CASE_LIST_PAGE));
  model = rd_case_list_page_get_model (page);
  g_assert_true (rd_test_gui_wait_until (model_has_items, model, 5000));

  add_case (store, "Roof", "Bob Roof", "Borough Council");   /* reloads by itself */
  g_signal_connect (page, "updated", G_CALLBACK (count_cb), &updated);
  rd_case_list_page_reload (page);
  g_assert_cmpuint (updated, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (rd_test_gui_wait_until (count_reached, &updated, 5000));
  until = g_get_monotonic_time () + 500 * 1000;
  rd_test_gui_wait_until (time_passed, &until, 1000);
  g_assert_cmpuint (updated, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_signal_handlers_disconnect_by_func (page, count_cb, &updated);

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  rd_test_gui_remove_tree (dir);
}

/* Dates due are counted from today: when the application's clock says the
 * day changed (midnight), the list works them out again by itself. */
static void
test_reload_at_midnight (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = rd_test_gui_app_new (dir);
  g_autoptr(GDateTime) evening = g_date_time_new_local (2026, 3, 10, 23, 59, 0);
  g_autoptr(GDateTime) midnight = g_date_time_new_local (2026, 3, 11, 0, 0, 0);
  RdClock *clock = rd_application_get_clock (app);
  RdStore *store = rd_application_get_store (app);
  RdCaseListPage *page;
  RdWindow *window;
  guint updated = 0;
  gint64 until;

  rd_clock_set_fixed (clock, evening);
  add_case (store, "Noise", "Alice Smith", "Acme Homes");
  window = rd_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-cases", NULL));
  page = RD_CASE_LIST_PAGE (rd_test_gui_find_by_type (GTK_WIDGET (window), RD_TYPE_CASE_LIST_PAGE));
  g_assert_true (rd_test_gui_wait_until (model_has_items, rd_case_list_page_get_model (page), 5000));

  /* Let any reload still under way finish, so that the one counted below
   * can only come from the clock; the same day again is no change. */
  until = g_get_monotonic_time () + 500 * 1000;
  rd_test_gui_wait_until (time_passed, &until, 1000);
  g_signal_connect (page, "updated", G_CALLBACK (count_cb), &updated);
  rd_clock_set_fixed (clock, evening);
  until = g_get_monotonic_time () + 500 * 1000;
  rd_test_gui_wait_until (time_passed, &until, 1000);
  g_assert_cmpuint (updated, ==, 0);
  rd_clock_set_fixed (clock, midnight);
  g_assert_true (rd_test_gui_wait_until (count_reached, &updated, 5000));
  g_signal_handlers_disconnect_by_func (page, count_cb, &updated);

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  rd_test_gui_remove_tree (dir);
}

static RdClientRecordDialog *
find_client_record (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (RD_IS_CLIENT_RECORD_DIALOG (l->data))
      return l->data;
  return NULL;
}

static char *
dup_iso (const GDate *date)
{
  return date != NULL ? rd_date_to_iso (date) : g_strdup ("none");
}

/* Types @typed into the date picker @id of the client record and takes it with Return. */
static void
type_record_date (GtkWidget  *record,
                  const char *id,
                  const char *typed)
{
  GtkWidget *picker = rd_test_gui_find_by_id (record, id);
  GtkWidget *button = rd_test_gui_find_by_id (picker, "date_button");
  GtkWidget *entry = rd_test_gui_find_by_id (picker, "date_entry");

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  rd_test_gui_iterate ();
  gtk_editable_set_text (GTK_EDITABLE (entry), typed);
  g_signal_emit_by_name (entry, "activate");
  rd_test_gui_iterate ();
}

/*
 * The client record's dates are the same date control as everywhere
 * else, each with a switch for "recorded": what is saved is what the typed
 * year-month-day fields saved, an unset date included.
 */
static void
test_client_record_dates (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = rd_test_gui_app_new (dir);
  g_autoptr(GDateTime) now = g_date_time_new_local (2024, 12, 6, 10, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCaseAdmin) admin = NULL;
  g_autoptr(GDate) authority = g_date_new_dmy (2, G_DATE_SEPTEMBER, 2024);
  RdStore *store = rd_application_get_store (app);
  RdWindow *window;
  GtkWidget *record;
  g_autofree char *given = NULL;
  g_autofree char *renew = NULL;
  g_autofree char *authorised = NULL;
  gint64 id;

  rd_clock_set_fixed (rd_application_get_clock (app), now);
  id = add_case (store, "Client case", "Cal Client", "Acme Homes");
  admin = rd_store_get_case_admin (store, id, &error);
  g_assert_no_error (error);
  rd_case_admin_set_client_number (admin, "C-0042");
  rd_case_admin_set_authority_date (admin, authority);
  g_assert_true (rd_store_save_case_admin (store, admin, &error));
  g_clear_object (&admin);

  window = rd_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (rd_window_open_case (window, id, &error));
  rd_test_gui_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.client-record", NULL));
  rd_test_gui_iterate ();
  record = GTK_WIDGET (find_client_record ());
  g_assert_nonnull (record);
  rd_test_gui_wait_for_draw (record);

  /* What was saved shows: authority on, consent off. */
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (rd_test_gui_find_by_id (record, "authority_date_switch"))));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (rd_test_gui_find_by_id (record, "consent_given_switch"))));
  g_assert_nonnull (rd_test_gui_find_by_text (record, "Monday 2 September 2024"));

  /* Consent typed as a resident would write it, then switched on: the
   * renewal follows six months on. */
  type_record_date (record, "consent_given_picker", "13/11/2024");
  gtk_switch_set_active (GTK_SWITCH (rd_test_gui_find_by_id (record, "consent_given_switch")), TRUE);
  rd_test_gui_iterate ();
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (rd_test_gui_find_by_id (record, "consent_renew_switch"))));
  g_assert_nonnull (rd_test_gui_find_by_text (record, "Tuesday 13 May 2025"));
  /* A new authority date, typed with its month's name. */
  type_record_date (record, "authority_date_picker", "3 Oct 2024");
  gtk_window_close (GTK_WINDOW (record));
  rd_test_gui_iterate ();

  admin = rd_store_get_case_admin (store, id, &error);
  g_assert_no_error (error);
  given = dup_iso (rd_case_admin_get_consent_given (admin));
  renew = dup_iso (rd_case_admin_get_consent_renew (admin));
  authorised = dup_iso (rd_case_admin_get_authority_date (admin));
  g_assert_cmpstr (given, ==, "2024-11-13");
  g_assert_cmpstr (renew, ==, "2025-05-13");
  g_assert_cmpstr (authorised, ==, "2024-10-03");
  g_clear_object (&admin);

  /* Switched off, a date is saved as no date. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.client-record", NULL));
  rd_test_gui_iterate ();
  record = GTK_WIDGET (find_client_record ());
  g_assert_nonnull (record);
  gtk_switch_set_active (GTK_SWITCH (rd_test_gui_find_by_id (record, "authority_date_switch")), FALSE);
  gtk_window_close (GTK_WINDOW (record));
  rd_test_gui_iterate ();
  admin = rd_store_get_case_admin (store, id, &error);
  g_assert_null (rd_case_admin_get_authority_date (admin));
  g_assert_nonnull (rd_case_admin_get_consent_given (admin));

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  rd_test_gui_remove_tree (dir);
}

/* A start that opens a case does not make the case list, which only an
 * adviser's All Cases shows; the list is made when first shown, once. */
static void
test_built_when_shown (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = rd_test_gui_app_new (dir);
  g_autoptr(GError) error = NULL;
  RdStore *store = rd_application_get_store (app);
  GtkWidget *page;
  GtkStack *stack;
  RdWindow *window;
  gint64 alice;
  gint64 until;

  alice = add_case (store, "Noise", "Alice Smith", "Acme Homes");
  add_case (store, "Roof", "Bob Roof", "Borough Council");
  g_assert_true (rd_store_set_last_case_id (store, alice, &error));
  g_assert_no_error (error);

  window = rd_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));
  /* Nor later, while the case's own pages are built in idle moments. */
  until = g_get_monotonic_time () + 500 * 1000;
  rd_test_gui_wait_until (time_passed, &until, 1000);
  stack = GTK_STACK (rd_test_gui_find_by_id (GTK_WIDGET (window), "main_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "case");
  g_assert_cmpint (rd_case_get_id (rd_window_get_case (window)), ==, alice);
  g_assert_null (rd_test_gui_find_by_type (GTK_WIDGET (window), RD_TYPE_CASE_LIST_PAGE));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-cases", NULL));
  rd_test_gui_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "cases");
  page = rd_test_gui_find_by_type (GTK_WIDGET (window), RD_TYPE_CASE_LIST_PAGE);
  g_assert_nonnull (page);
  {
    g_autoptr(RdStore) page_store = NULL;

    g_object_get (page, "store", &page_store, NULL);
    g_assert_true (page_store == store);
  }
  g_assert_true (rd_test_gui_wait_until (model_has_items,
                                         rd_case_list_page_get_model (RD_CASE_LIST_PAGE (page)),
                                         5000));
  g_assert_cmpuint (g_list_model_get_n_items (rd_case_list_page_get_model (RD_CASE_LIST_PAGE (page))),
                    ==, 2);

  /* Back to the case and to the list again: the same list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back-to-case", NULL));
  rd_test_gui_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "case");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-cases", NULL));
  rd_test_gui_iterate ();
  g_assert_true (rd_test_gui_find_by_type (GTK_WIDGET (window), RD_TYPE_CASE_LIST_PAGE) == page);

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  rd_test_gui_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  rd_test_gui_init (&argc, &argv);

  g_test_add_func ("/case-list/search-archive-open", test_case_list);
  g_test_add_func ("/case-list/consent-and-erase", test_consent_banner_and_erase);
  g_test_add_func ("/case-list/client-record-dates", test_client_record_dates);
  g_test_add_func ("/case-list/adviser-mode-banner", test_adviser_mode_banner);
  g_test_add_func ("/case-list/export-import", test_export_import);
  g_test_add_func ("/case-list/reload-in-worker", test_reload_in_worker);
  g_test_add_func ("/case-list/reload-at-midnight", test_reload_at_midnight);
  g_test_add_func ("/case-list/built-when-shown", test_built_when_shown);

  return g_test_run ();
}
