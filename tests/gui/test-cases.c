/* test-cases.c: starting, renaming and switching cases; the sample case.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rd-application.h"
#include "rd-case-dialog.h"
#include "rd-case-switcher.h"
#include "rd-date-time-picker.h"
#include "rd-letter-dialog.h"
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
  f->window = rd_test_gui_window_new (f->app, 0, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rd_test_gui_close_app (&f->app, &f->dir);
}

static RdCaseDialog *
find_case_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (RD_IS_CASE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return RD_CASE_DIALOG (toplevel);
    }
  return NULL;
}

static GtkWidget *
dialog_child (RdCaseDialog *dialog,
              const char   *id)
{
  GtkWidget *widget = rd_test_gui_find_by_id (GTK_WIDGET (dialog), id);

  g_assert_nonnull (widget);
  return widget;
}

static const char *
visible_state (Fixture *f)
{
  GtkWidget *stack = rd_test_gui_find_by_id (GTK_WIDGET (f->window), "main_stack");

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static void
test_start_case (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GListModel) cases = NULL;
  RdCaseDialog *dialog;
  GtkWidget *revealer;
  RdCase *rcase;

  g_assert_cmpstr (visible_state (f), ==, "welcome");
  /* The keyboard starts there too, not on the main menu. */
  rd_test_gui_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (f->window)) ==
                 rd_test_gui_find_by_id (GTK_WIDGET (f->window), "start_case_button"));

  /* The welcome page's button starts a case. */
  g_signal_emit_by_name (rd_test_gui_find_by_id (GTK_WIDGET (f->window), "start_case_button"),
                         "clicked");
  rd_test_gui_iterate ();
  dialog = find_case_dialog ();
  g_assert_nonnull (dialog);

  /* What a person types first goes into the title. */
  rd_test_gui_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_nonnull (gtk_window_get_focus (GTK_WINDOW (dialog)));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)),
                                         dialog_child (dialog, "title_row")));

  /* Saving without a title says why, and saves nothing. */
  revealer = dialog_child (dialog, "title_error_revealer");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_signal_emit_by_name (dialog_child (dialog, "save_button"), "clicked");
  rd_test_gui_iterate ();
  g_assert_true (find_case_dialog () == dialog);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dialog_child (dialog, "title_error_label"))),
                   !=, "");
  cases = rd_store_list_cases (rd_window_get_store (f->window), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 0);
  g_clear_object (&cases);

  /* Typing a title takes the message away. */
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "title_row")), "Damp in the bedroom");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "title_row")), "   ");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "title_row")), "Damp in the bedroom");
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "landlord_row")), "Brook Housing");
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_child (dialog, "tenancy_row")),
                              RD_TENANCY_SECURE);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (dialog_child (dialog, "country_row"))),
                    ==, RD_COUNTRY_ENGLAND);
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_child (dialog, "country_row")), RD_COUNTRY_WALES);
  g_signal_emit_by_name (dialog_child (dialog, "save_button"), "clicked");
  rd_test_gui_iterate ();

  g_assert_null (find_case_dialog ());
  g_assert_cmpstr (visible_state (f), ==, "case");
  /* The new case opens on its diary, and the keyboard is there, not on
   * the case switcher. */
  g_assert_nonnull (gtk_window_get_focus (GTK_WINDOW (f->window)));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (f->window)),
                                         rd_window_get_page (f->window, "diary")));
  rcase = rd_window_get_case (f->window);
  g_assert_nonnull (rcase);
  g_assert_cmpstr (rd_case_get_title (rcase), ==, "Damp in the bedroom");

  cases = rd_store_list_cases (rd_window_get_store (f->window), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 1);
  {
    g_autoptr(RdCase) stored = g_list_model_get_item (cases, 0);

    g_assert_cmpstr (rd_case_get_landlord_name (stored), ==, "Brook Housing");
    g_assert_cmpint (rd_case_get_tenancy_type (stored), ==, RD_TENANCY_SECURE);
    g_assert_cmpint (rd_case_get_country (stored), ==, RD_COUNTRY_WALES);
  }
}

/* Ctrl+N with no case yet starts one: a diary entry needs a case. */
static void
test_new_entry_without_case (Fixture       *f,
                             gconstpointer  data)
{
  RdCaseDialog *dialog;

  g_assert_cmpstr (visible_state (f), ==, "welcome");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-incident", NULL);
  rd_test_gui_iterate ();
  dialog = find_case_dialog ();
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_rename_case (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(RdCase) first = rd_case_new ();
  g_autoptr(RdCase) stored = NULL;
  RdStore *store = rd_window_get_store (f->window);
  RdCaseDialog *dialog;
  GtkWidget *switcher;

  rd_case_set_title (first, "Repairs");
  g_assert_true (rd_store_save_case (store, first, NULL));
  g_assert_true (rd_window_open_case (f->window, rd_case_get_id (first), NULL));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.case-details", NULL);
  rd_test_gui_iterate ();
  dialog = find_case_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "title_row"))),
                   ==, "Repairs");

  /* Changing a case saves as you type: no Save or Cancel */
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "save_button")));
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "cancel_button")));

  /* Emptying the title is refused; the stored title stays. */
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "title_row")), "");
  gtk_window_close (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();
  g_assert_true (find_case_dialog () == dialog);
  g_assert_cmpstr (rd_case_get_title (rd_window_get_case (f->window)), ==, "Repairs");

  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "title_row")), "Repairs to the roof");
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "address_row")), "3 Ash Row");
  gtk_window_close (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();
  g_assert_null (find_case_dialog ());

  /* The open case object changed in place, and the header follows it. */
  g_assert_cmpstr (rd_case_get_title (rd_window_get_case (f->window)), ==, "Repairs to the roof");
  switcher = rd_test_gui_find_by_id (GTK_WIDGET (f->window), "case_switcher");
  g_assert_nonnull (rd_test_gui_find_by_text (switcher, "Repairs to the roof"));
  stored = rd_store_get_case (store, rd_case_get_id (first), NULL);
  g_assert_cmpstr (rd_case_get_title (stored), ==, "Repairs to the roof");
  g_assert_cmpstr (rd_case_get_address (stored), ==, "3 Ash Row");
}

typedef struct {
  RdStore    *store;
  gint64      id;
  const char *address;
} StoredAddress;

static gboolean
address_stored (gpointer data)
{
  StoredAddress *want = data;
  g_autoptr(RdCase) stored = rd_store_get_case (want->store, want->id, NULL);

  return stored != NULL && g_strcmp0 (rd_case_get_address (stored), want->address) == 0;
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

/* Case Details writes a case a moment after typing pauses, with the window
 * still open, and says so. A title that is not allowed is explained under
 * it and never written; closing then keeps the window once, saying why,
 * and a second close leaves the case as it was. */
static void
test_details_save_as_you_type (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(RdCase) stored = NULL;
  RdStore *store = rd_window_get_store (f->window);
  StoredAddress want = { store, 0, "3 Ash Row" };
  RdCaseDialog *dialog;
  GtkWidget *status;
  gint64 until;

  rd_case_set_title (rcase, "Damp");
  g_assert_true (rd_store_save_case (store, rcase, NULL));
  want.id = rd_case_get_id (rcase);
  g_assert_true (rd_window_open_case (f->window, want.id, NULL));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.case-details", NULL);
  rd_test_gui_iterate ();
  dialog = find_case_dialog ();
  g_assert_nonnull (dialog);
  status = dialog_child (dialog, "status_label");

  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "address_row")), "3 Ash Row");
  g_assert_true (rd_test_gui_wait_until (address_stored, &want, 5000));
  g_assert_true (find_case_dialog () == dialog);
  g_assert_true (gtk_widget_get_visible (status));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "Saved");
  /* the open case follows */
  g_assert_cmpstr (rd_case_get_address (rd_window_get_case (f->window)), ==, "3 Ash Row");

  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "title_row")), "");
  until = g_get_monotonic_time () + 1500 * 1000;
  rd_test_gui_wait_until (time_passed, &until, 3000);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (dialog_child (dialog, "title_error_revealer"))));
  stored = rd_store_get_case (store, want.id, NULL);
  g_assert_cmpstr (rd_case_get_title (stored), ==, "Damp");

  gtk_window_close (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();
  g_assert_true (find_case_dialog () == dialog);
  g_assert_true (gtk_widget_has_css_class (status, "inline-error"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), !=, "");

  gtk_window_close (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();
  g_assert_null (find_case_dialog ());
  g_clear_object (&stored);
  stored = rd_store_get_case (store, want.id, NULL);
  g_assert_cmpstr (rd_case_get_title (stored), ==, "Damp");
  g_assert_cmpstr (rd_case_get_address (stored), ==, "3 Ash Row");
  g_assert_cmpstr (rd_case_get_title (rd_window_get_case (f->window)), ==, "Damp");
}

typedef struct {
  RdStore    *store;
  gint64      id;
  const char *aware;   /* YYYY-MM-DD, or NULL for not known */
} StoredAware;

static gboolean
aware_stored (gpointer data)
{
  StoredAware *want = data;
  g_autoptr(RdCase) stored = rd_store_get_case (want->store, want->id, NULL);
  const GDate *aware = stored ? rd_case_get_aware_on (stored) : NULL;
  char text[16] = "";

  if (aware == NULL || want->aware == NULL)
    return stored != NULL && aware == NULL && want->aware == NULL;
  g_date_strftime (text, sizeof text, "%Y-%m-%d", aware);
  return g_str_equal (text, want->aware);
}

/* Case Details shows and changes the day the resident became aware of the
 * problem (the complaint time limit runs from it), with the shared date
 * picker, as it saves everything else: as you type. Off means not known,
 * and the first diary entry stands in. */
static void
test_details_aware_on (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(GDate) march = g_date_new_dmy (10, G_DATE_MARCH, 2025);
  g_autoptr(GDateTime) june = g_date_time_new_local (2025, 6, 2, 0, 0, 0);
  RdStore *store = rd_window_get_store (f->window);
  StoredAware want = { store, 0, NULL };
  RdCaseDialog *dialog;
  GtkWidget *row, *toggle, *picker;
  GDateTime *shown;

  rd_case_set_title (rcase, "Mould");
  rd_case_set_aware_on (rcase, march);
  g_assert_true (rd_store_save_case (store, rcase, NULL));
  want.id = rd_case_get_id (rcase);
  g_assert_true (rd_window_open_case (f->window, want.id, NULL));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.case-details", NULL);
  rd_test_gui_iterate ();
  dialog = find_case_dialog ();
  g_assert_nonnull (dialog);
  row = dialog_child (dialog, "aware_row");
  toggle = dialog_child (dialog, "aware_switch");
  picker = dialog_child (dialog, "aware_picker");

  /* Shown as stored, reachable by Tab and by its Alt key */
  g_assert_true (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row)));
  g_assert_nonnull (strchr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), '_'));
  g_assert_true (gtk_widget_get_focusable (toggle));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_true (gtk_widget_get_sensitive (picker));
  shown = rd_date_time_picker_get_date_time (RD_DATE_TIME_PICKER (picker));
  g_assert_nonnull (shown);
  g_assert_cmpint (g_date_time_get_year (shown), ==, 2025);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 3);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 10);

  /* A new day is saved */
  rd_date_time_picker_set_date_time (RD_DATE_TIME_PICKER (picker), june);
  want.aware = "2025-06-02";
  g_assert_true (rd_test_gui_wait_until (aware_stored, &want, 5000));
  g_assert_nonnull (rd_case_get_aware_on (rd_window_get_case (f->window)));

  /* Off: not known, and the picker cannot be changed */
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  want.aware = NULL;
  g_assert_true (rd_test_gui_wait_until (aware_stored, &want, 5000));
  g_assert_false (gtk_widget_get_sensitive (picker));
  g_assert_null (rd_case_get_aware_on (rd_window_get_case (f->window)));

  /* On again: the day the picker shows */
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  want.aware = "2025-06-02";
  g_assert_true (rd_test_gui_wait_until (aware_stored, &want, 5000));
  gtk_window_close (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();
  g_assert_null (find_case_dialog ());
}

static char *
stage1_letter (Fixture *f,
               gint64   case_id)
{
  RdLetterDialog *letter = rd_letter_dialog_new (GTK_WINDOW (f->window), rd_window_get_store (f->window),
                                                 case_id, 0, RD_LETTER_STAGE1_COMPLAINT);
  char *text = rd_letter_dialog_dup_text (letter);

  gtk_window_destroy (GTK_WINDOW (letter));
  return text;
}

/* Case Details chooses the language of the case's letters; the letters
 * shown in the window follow it, whatever the interface's language. */
static void
test_document_language (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(RdCase) stored = NULL;
  g_autofree char *english = NULL;
  g_autofree char *welsh = NULL;
  RdStore *store = rd_window_get_store (f->window);
  RdCaseDialog *dialog;
  AdwComboRow *row;
  GListModel *names;
  guint welsh_index = G_MAXUINT;

  rd_case_set_title (rcase, "Damp");
  g_assert_true (rd_store_save_case (store, rcase, NULL));
  g_assert_true (rd_window_open_case (f->window, rd_case_get_id (rcase), NULL));
  english = stage1_letter (f, rd_case_get_id (rcase));
  g_assert_nonnull (strstr (english, "Dear Complaints Team,"));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.case-details", NULL);
  rd_test_gui_iterate ();
  dialog = find_case_dialog ();
  g_assert_nonnull (dialog);
  row = ADW_COMBO_ROW (dialog_child (dialog, "language_row"));
  names = adw_combo_row_get_model (row);
  /* English is chosen for a case that never chose, and each installed
   * language is listed by its own name */
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "English");
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "Cymraeg"))
      welsh_index = i;
  g_assert_cmpuint (welsh_index, !=, G_MAXUINT);

  adw_combo_row_set_selected (row, welsh_index);
  gtk_window_close (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();
  g_assert_null (find_case_dialog ());
  g_assert_cmpstr (rd_case_get_document_language (rd_window_get_case (f->window)), ==, "cy");
  stored = rd_store_get_case (store, rd_case_get_id (rcase), NULL);
  g_assert_cmpstr (rd_case_get_document_language (stored), ==, "cy");

  welsh = stage1_letter (f, rd_case_get_id (rcase));
  g_test_message ("%s", welsh);
  g_assert_nonnull (strstr (welsh, "Annwyl Dîm Cwynion,"));
  g_assert_null (strstr (welsh, "Dear Complaints Team"));

  /* Opened again, the dialog shows the case's choice */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.case-details", NULL);
  rd_test_gui_iterate ();
  dialog = find_case_dialog ();
  row = ADW_COMBO_ROW (dialog_child (dialog, "language_row"));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, welsh_index);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A case that brought a language this computer has no translation for
 * keeps it through Case Details, and its letters are in English. */
static void
test_document_language_missing (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(RdCase) stored = NULL;
  g_autofree char *letter = NULL;
  RdStore *store = rd_window_get_store (f->window);
  RdCaseDialog *dialog;
  AdwComboRow *row;
  const char *label;

  rd_case_set_title (rcase, "Damp");
  rd_case_set_document_language (rcase, "zu");
  g_assert_true (rd_store_save_case (store, rcase, NULL));
  g_assert_true (rd_window_open_case (f->window, rd_case_get_id (rcase), NULL));
  letter = stage1_letter (f, rd_case_get_id (rcase));
  g_assert_nonnull (strstr (letter, "Dear Complaints Team,"));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.case-details", NULL);
  rd_test_gui_iterate ();
  dialog = find_case_dialog ();
  row = ADW_COMBO_ROW (dialog_child (dialog, "language_row"));
  label = gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (row)),
                                      adw_combo_row_get_selected (row));
  g_assert_true (g_str_has_prefix (label, "zu ("));
  g_assert_nonnull (strstr (label, "not installed"));
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "address_row")), "3 Ash Row");
  gtk_window_close (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();
  stored = rd_store_get_case (store, rd_case_get_id (rcase), NULL);
  g_assert_cmpstr (rd_case_get_address (stored), ==, "3 Ash Row");
  g_assert_cmpstr (rd_case_get_document_language (stored), ==, "zu");
}

static void
test_switch_case (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(RdCase) a = rd_case_new ();
  g_autoptr(RdCase) b = rd_case_new ();
  RdStore *store = rd_window_get_store (f->window);
  RdCaseSwitcher *switcher;
  GListModel *cases;
  GtkWidget *button, *list_view;
  guint position = G_MAXUINT;

  rd_case_set_title (a, "Case A");
  rd_case_set_title (b, "Case B");
  g_assert_true (rd_store_save_case (store, a, NULL));
  g_assert_true (rd_store_save_case (store, b, NULL));
  g_assert_true (rd_window_open_case (f->window, rd_case_get_id (a), NULL));

  switcher = RD_CASE_SWITCHER (rd_test_gui_find_by_id (GTK_WIDGET (f->window), "case_switcher"));
  rd_case_switcher_reload (switcher);
  cases = rd_case_switcher_get_cases (switcher);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(RdCase) item = g_list_model_get_item (cases, i);
      if (rd_case_get_id (item) == rd_case_get_id (b))
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);

  /* The menu is built as it first opens. */
  button = rd_test_gui_find_by_type (GTK_WIDGET (switcher), GTK_TYPE_MENU_BUTTON);
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  rd_test_gui_iterate ();
  list_view = rd_test_gui_find_by_type (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                                        GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list_view);
  g_signal_emit_by_name (list_view, "activate", position);
  rd_test_gui_iterate ();
  g_assert_cmpint (rd_case_get_id (rd_window_get_case (f->window)), ==, rd_case_get_id (b));
}

static void
test_sample_case (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GListModel) cases = NULL;
  GtkWidget *banner;
  gint64 sample_id;

  g_signal_emit_by_name (rd_test_gui_find_by_id (GTK_WIDGET (f->window), "open_sample_button"),
                         "clicked");
  rd_test_gui_iterate ();
  g_assert_cmpstr (visible_state (f), ==, "case");
  g_assert_true (rd_case_get_is_sample (rd_window_get_case (f->window)));
  sample_id = rd_case_get_id (rd_window_get_case (f->window));
  banner = rd_test_gui_find_by_id (GTK_WIDGET (f->window), "sample_banner");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  /* Opening it again opens the same case; nothing is duplicated. */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "open-sample-case", NULL);
  rd_test_gui_iterate ();
  g_assert_cmpint (rd_case_get_id (rd_window_get_case (f->window)), ==, sample_id);
  cases = rd_store_list_cases (rd_window_get_store (f->window), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  /* The catalogues this build made, for the letters' languages */
  if (g_getenv ("G_TEST_BUILDDIR") != NULL)
    {
      g_autofree char *po = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);

      g_setenv ("REDRESS_LOCALEDIR", po, TRUE);
    }
  rd_test_gui_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cases/start", test_start_case);
  ADD ("/cases/new-entry-without-case", test_new_entry_without_case);
  ADD ("/cases/rename", test_rename_case);
  ADD ("/cases/details-save-as-you-type", test_details_save_as_you_type);
  ADD ("/cases/details-aware-on", test_details_aware_on);
  ADD ("/cases/document-language", test_document_language);
  ADD ("/cases/document-language-missing", test_document_language_missing);
  ADD ("/cases/switch", test_switch_case);
  ADD ("/cases/sample", test_sample_case);
#undef ADD

  return g_test_run ();
}
