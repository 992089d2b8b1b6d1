/* test-contacts.c: the contact log and the people of a case, through the widgets.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rd-application.h"
#include "rd-contact-editor.h"
#include "rd-contacts-page.h"
#include "rd-parties-dialog.h"
#include "rd-window.h"
#include "rd-test-gui.h"

typedef struct {
  char          *dir;
  RdApplication *app;
  RdWindow      *window;
  gint64         case_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  f->app = rd_test_gui_app_new (f->dir);
  f->window = rd_test_gui_window_new (f->app, 1100, 760);
  f->case_id = rd_sample_ensure (rd_window_get_store (f->window), &error);
  g_assert_no_error (error);
  g_assert_true (rd_window_open_case (f->window, f->case_id, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rd_test_gui_close_app (&f->app, &f->dir);
}

static guint
count_stored_contacts (Fixture *f)
{
  g_autoptr(GListModel) contacts = rd_store_list_contacts (rd_window_get_store (f->window), f->case_id, NULL);

  return g_list_model_get_n_items (contacts);
}

static void
test_log_a_contact (Fixture       *f,
                    gconstpointer  data)
{
  RdContactsPage *page = RD_CONTACTS_PAGE (rd_window_show_page (f->window, "contacts"));
  RdContactEditor *editor;
  GtkWidget *summary;
  RdContact *contact;
  guint before;

  rd_test_gui_wait_for_draw (GTK_WIDGET (page));
  before = count_stored_contacts (f);
  g_assert_cmpuint (g_list_model_get_n_items (rd_contacts_page_get_contacts (page)), ==, before);
  if (g_getenv ("REDRESS_SCREENSHOTS") != NULL)
    rd_test_gui_save_screenshot (GTK_WIDGET (f->window), g_getenv ("REDRESS_SCREENSHOTS"));

  /* Ctrl+N's action: a new contact, now, and the cursor in the summary. */
  gtk_widget_activate_action (GTK_WIDGET (page), "contacts.new-contact", NULL);
  editor = RD_CONTACT_EDITOR (rd_record_list_page_get_editor (RD_RECORD_LIST_PAGE (page)));
  contact = rd_record_editor_get_record (RD_RECORD_EDITOR (editor));
  g_assert_nonnull (contact);
  g_assert_cmpint (rd_contact_get_id (contact), ==, 0);
  g_assert_cmpuint (count_stored_contacts (f), ==, before);

  summary = rd_test_gui_find_by_id (GTK_WIDGET (editor), "summary_view");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (summary)),
                            "Rang the ASB line; they said someone will call back tomorrow.", -1);
  g_assert_true (rd_record_editor_has_pending_save (RD_RECORD_EDITOR (editor)));
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor), NULL));
  g_assert_cmpint (rd_contact_get_id (contact), >, 0);
  g_assert_cmpuint (count_stored_contacts (f), ==, before + 1);
  g_assert_cmpuint (g_list_model_get_n_items (rd_contacts_page_get_contacts (page)), ==, before + 1);
  {
    g_autoptr(RdContact) first = g_list_model_get_item (rd_contacts_page_get_contacts (page), 0);
    g_assert_true (first == contact);
  }

  /* A promise date with no promise written is explained and not saved. */
  {
    AdwExpanderRow *due = ADW_EXPANDER_ROW (rd_test_gui_find_by_id (GTK_WIDGET (editor), "due_expander"));
    GtkRevealer *error = GTK_REVEALER (rd_test_gui_find_by_id (GTK_WIDGET (editor), "error_revealer"));
    GtkWidget *promise = rd_test_gui_find_by_id (GTK_WIDGET (editor), "promise_row");
    g_autoptr(RdContact) stored = NULL;

    adw_expander_row_set_enable_expansion (due, TRUE);
    g_assert_true (gtk_revealer_get_reveal_child (error));
    g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor), NULL));
    stored = rd_store_get_contact (rd_window_get_store (f->window), rd_contact_get_id (contact), NULL);
    g_assert_null (rd_contact_get_promise_due (stored));

    gtk_editable_set_text (GTK_EDITABLE (promise), "Call me back");
    g_assert_false (gtk_revealer_get_reveal_child (error));
    g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor), NULL));
    g_clear_object (&stored);
    stored = rd_store_get_contact (rd_window_get_store (f->window), rd_contact_get_id (contact), NULL);
    g_assert_nonnull (rd_contact_get_promise_due (stored));
    g_assert_cmpstr (rd_contact_get_promise (stored), ==, "Call me back");
  }
}

static void
test_people (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RdCase) rcase = rd_store_get_case (rd_window_get_store (f->window), f->case_id, NULL);
  RdPartiesDialog *dialog = rd_parties_dialog_new (GTK_WINDOW (f->window), rd_window_get_store (f->window), rcase);
  GtkWidget *name;
  RdParty *party;
  g_autoptr(GListModel) stored = NULL;
  guint before;

  gtk_window_present (GTK_WINDOW (dialog));
  rd_test_gui_wait_for_draw (GTK_WIDGET (dialog));
  before = g_list_model_get_n_items (rd_parties_dialog_get_parties (dialog));
  g_assert_cmpuint (before, ==, 5);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "parties.add", NULL);
  party = rd_parties_dialog_get_selected (dialog);
  g_assert_nonnull (party);
  name = rd_test_gui_find_by_id (GTK_WIDGET (dialog), "name_row");
  gtk_editable_set_text (GTK_EDITABLE (name), "Priya Shah");
  g_assert_true (rd_parties_dialog_flush (dialog, NULL));
  g_assert_cmpint (rd_party_get_id (party), >, 0);

  stored = rd_store_list_parties (rd_window_get_store (f->window), f->case_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, before + 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();
}

static gboolean
contacts_count_is (gpointer data)
{
  gpointer *args = data;

  return g_list_model_get_n_items (args[0]) == GPOINTER_TO_UINT (args[1]);
}

static gint64
listed_id (GListModel *listed,
           guint       position)
{
  g_autoptr(RdContact) contact = g_list_model_get_item (listed, position);

  return contact ? rd_contact_get_id (contact) : 0;
}

/* Typing narrows the list to what the contact log's index finds, accents
 * and case aside, and clearing the search brings every contact back. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  RdStore *store = rd_window_get_store (f->window);
  RdContactsPage *page = RD_CONTACTS_PAGE (rd_window_show_page (f->window, "contacts"));
  GListModel *listed;
  GtkWidget *search_entry, *search_bar;
  g_autoptr(RdContact) contact = rd_contact_new ();
  g_autoptr(GDateTime) when = rd_datetime_parse_local ("2024-10-02T11:30:00", NULL);
  g_autoptr(GError) error = NULL;
  gpointer args[2] = { NULL, NULL };
  guint all;

  rd_test_gui_wait_for_draw (GTK_WIDGET (page));
  listed = rd_contacts_page_get_contacts (page);
  args[0] = listed;
  rd_contact_set_case_id (contact, f->case_id);
  rd_contact_set_occurred_at (contact, when);
  rd_contact_set_channel (contact, RD_CHANNEL_VISIT);
  rd_contact_set_person (contact, "Zoë Brennan");
  rd_contact_set_summary (contact, "Met at the Café on Wexford Road about the scaffolding");
  g_assert_true (rd_store_save_contact (store, contact, &error));
  g_assert_no_error (error);
  all = count_stored_contacts (f);
  args[1] = GUINT_TO_POINTER (all);
  g_assert_true (rd_test_gui_wait_until (contacts_count_is, args, 3000));
  g_assert_cmpuint (all, >=, 3);

  gtk_widget_activate_action (GTK_WIDGET (page), "page.find", NULL);
  search_entry = rd_test_gui_find_by_id (GTK_WIDGET (page), "search_entry");
  search_bar = rd_test_gui_find_by_id (GTK_WIDGET (page), "search_bar");
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));

  /* Without its accents, and only the beginning of a word. */
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "cafe scaff");
  args[1] = GUINT_TO_POINTER (1);
  g_assert_true (rd_test_gui_wait_until (contacts_count_is, args, 3000));
  g_assert_cmpint (listed_id (listed, 0), ==, rd_contact_get_id (contact));

  gtk_editable_set_text (GTK_EDITABLE (search_entry), "ZOE");
  g_assert_true (rd_test_gui_wait_until (contacts_count_is, args, 3000));
  g_assert_cmpint (listed_id (listed, 0), ==, rd_contact_get_id (contact));

  gtk_editable_set_text (GTK_EDITABLE (search_entry), "no such words anywhere");
  args[1] = GUINT_TO_POINTER (0);
  g_assert_true (rd_test_gui_wait_until (contacts_count_is, args, 3000));

  gtk_editable_set_text (GTK_EDITABLE (search_entry), "");
  args[1] = GUINT_TO_POINTER (all);
  g_assert_true (rd_test_gui_wait_until (contacts_count_is, args, 3000));
}

int
main (int   argc,
      char *argv[])
{
  rd_test_gui_init (&argc, &argv);

  g_test_add ("/contacts/log-a-contact", Fixture, NULL, fixture_setup, test_log_a_contact, fixture_teardown);
  g_test_add ("/contacts/people", Fixture, NULL, fixture_setup, test_people, fixture_teardown);
  g_test_add ("/contacts/search", Fixture, NULL, fixture_setup, test_search, fixture_teardown);

  return g_test_run ();
}
