/* test-mnemonics.c: no two controls a window shows share an Alt key, in
 * English, Welsh, Polish and Urdu.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When two widgets shown in one window have the same mnemonic, Alt and
 * that letter only moves the focus between them and does neither (the
 * complaint assistant's letter step had Alt+S for "_Save Complaint" and
 * "I have _sent it today"). Translations carry their own underscores, so
 * a language can clash where English does not.
 *
 * Every page of the sample case (with a record open), All Cases, the lock
 * page, the menus (for a resident and for an adviser, who sees more) and
 * every dialog and window the case can open (each step of Start a
 * Complaint, each page of the export) is shown, and so is every question
 * Redress asks (AdwMessageDialog: each delete or remove, erasing a client,
 * a case imported twice, closing with changes not saved, a PDF's password,
 * files not added, the export's questions); then each window, and each
 * popover shown, is walked and the mnemonic key of every label it maps is
 * counted (a button's or a row's underlined label is a GtkLabel too, and
 * so is a question's answer). GTK offers an Alt key only to mapped
 * widgets, so hidden pages of a stack do not count; insensitive ones do,
 * since they can become sensitive while the other is still there.
 *
 * Each language runs in a child process of its own (GTK reads the language
 * once, when it starts): /mnemonics/cy runs /mnemonics/cy/subprocess with
 * LANGUAGE=cy. Clashes are printed on standard error with their window.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <sqlite3.h>

#include "rd-application.h"
#include "rd-case-dialog.h"
#include "rd-client-record-dialog.h"
#include "rd-complaint-assistant.h"
#include "rd-complaint-editor.h"
#include "rd-diary-item.h"
#include "rd-diary-page.h"
#include "rd-evidence-detail.h"
#include "rd-evidence-page.h"
#include "rd-export-dialog.h"
#include "rd-export-passwords.h"
#include "rd-help-window.h"
#include "rd-history-dialog.h"
#include "rd-letter-dialog.h"
#include "rd-lock.h"
#include "rd-parties-dialog.h"
#include "rd-policy-dialog.h"
#include "rd-preferences-window.h"
#include "rd-record-list-page.h"
#include "rd-step-dialog.h"
#include "rd-timeline-page.h"
#include "rd-window.h"
#include "rd-test-gui.h"

typedef struct {
  char          *dir;
  /* beside the data folder, never in it: where exports go */
  char          *out;
  RdApplication *app;
  RdWindow      *window;
  /* one line for each clash found, so that one seen in several places is
   * named once */
  GHashTable    *clashes;
} Fixture;

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

/* Lets allocation and a frame happen after a change. */
static void
settle (GtkWidget *widget)
{
  gint64 until = g_get_monotonic_time () + 150 * 1000;

  rd_test_gui_wait_until (time_passed, &until, 1000);
  rd_test_gui_wait_for_draw (widget);
}

/* Adds every mapped label under @widget that has a mnemonic to @by_key
 * (its key, lower case, to the labels' texts with their underscores), and
 * each mapped popover to @popovers: a popover's keys are its own. */
static void
collect (GtkWidget  *widget,
         GHashTable *by_key,
         GPtrArray  *popovers)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      guint key = gtk_label_get_mnemonic_keyval (GTK_LABEL (widget));
      GPtrArray *texts;

      if (key == GDK_KEY_VoidSymbol)
        return;
      key = gdk_keyval_to_lower (key);
      texts = g_hash_table_lookup (by_key, GUINT_TO_POINTER (key));
      if (texts == NULL)
        {
          texts = g_ptr_array_new ();
          g_hash_table_insert (by_key, GUINT_TO_POINTER (key), texts);
        }
      g_ptr_array_add (texts, (gpointer) gtk_label_get_label (GTK_LABEL (widget)));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child))
        {
          if (gtk_widget_get_mapped (child))
            g_ptr_array_add (popovers, child);
          continue;
        }
      collect (child, by_key, popovers);
    }
}

static char *
describe_scope (GtkWidget *scope)
{
  const char *title = GTK_IS_WINDOW (scope) ? gtk_window_get_title (GTK_WINDOW (scope)) : NULL;

  return g_strdup_printf ("%s “%s”", G_OBJECT_TYPE_NAME (scope), title != NULL ? title : "");
}

static void
audit_scope (Fixture    *f,
             GtkWidget  *scope,
             const char *where)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) popovers = g_ptr_array_new ();
  g_autofree char *name = describe_scope (scope);
  GHashTableIter iter;
  gpointer key, value;

  for (GtkWidget *child = gtk_widget_get_first_child (scope); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child))
        {
          if (gtk_widget_get_mapped (child))
            g_ptr_array_add (popovers, child);
          continue;
        }
      collect (child, by_key, popovers);
    }

  g_hash_table_iter_init (&iter, by_key);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *texts = value;
      g_autoptr(GString) line = NULL;

      if (texts->len < 2)
        continue;
      line = g_string_new (NULL);
      g_string_append_printf (line, "%s in %s: Alt+%s belongs to", where, name,
                              gdk_keyval_name (gdk_keyval_to_upper (GPOINTER_TO_UINT (key))));
      for (guint i = 0; i < texts->len; i++)
        g_string_append_printf (line, "%s “%s”", i == 0 ? "" : ",", (const char *) texts->pdata[i]);
      g_hash_table_add (f->clashes, g_string_free (g_steal_pointer (&line), FALSE));
    }

  for (guint i = 0; i < popovers->len; i++)
    audit_scope (f, popovers->pdata[i], where);
}

/* Looks at every window shown, each on its own, as it is now: without
 * letting the main loop run, so a page that a moment later gives way to
 * another (the export's progress) is seen. */
static void
audit_now (Fixture    *f,
           const char *where)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  guint before = g_hash_table_size (f->clashes);

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (gtk_widget_get_mapped (l->data))
      audit_scope (f, l->data, where);
  g_test_message ("%s: %u windows, %u new clashes", where, g_list_length (toplevels),
                  g_hash_table_size (f->clashes) - before);
}

/* The same, once every window shown has drawn. */
static void
audit (Fixture    *f,
       const char *where)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (gtk_widget_get_mapped (l->data))
      settle (l->data);
  audit_now (f, where);
}

/* Closes every window but the main one. */
static void
close_dialogs (Fixture *f)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) f->window && gtk_widget_get_mapped (l->data))
      gtk_window_destroy (l->data);
  rd_test_gui_iterate ();
}

static void
show (Fixture   *f,
      GtkWindow *dialog)
{
  g_assert_nonnull (dialog);
  gtk_window_present (dialog);
  settle (GTK_WIDGET (dialog));
}

static gboolean
has_timeline (gpointer data)
{
  return rd_timeline_view_get_timeline (data) != NULL;
}

/* Each page, with its first record open where it has a list. */
static void
audit_pages (Fixture *f)
{
  const char *list_pages[] = { "contacts", "complaints" };
  GtkWidget *page;
  GListModel *model;
  g_autoptr(RdDiaryItem) item = NULL;
  g_autoptr(RdEvidence) evidence = NULL;

  rd_window_show_page (f->window, "dashboard");
  audit (f, "What Next");

  page = rd_window_show_page (f->window, "diary");
  model = rd_diary_page_get_entries (RD_DIARY_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  item = g_list_model_get_item (model, 0);
  g_assert_true (rd_diary_page_select_entry (RD_DIARY_PAGE (page), rd_diary_item_get_id (item)));
  audit (f, "Diary");

  for (guint i = 0; i < G_N_ELEMENTS (list_pages); i++)
    {
      g_autoptr(GObject) record = NULL;

      page = rd_window_show_page (f->window, list_pages[i]);
      model = G_LIST_MODEL (rd_record_list_page_get_records (RD_RECORD_LIST_PAGE (page)));
      g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
      record = g_list_model_get_item (model, 0);
      rd_record_list_page_select (RD_RECORD_LIST_PAGE (page), record);
      audit (f, list_pages[i]);
    }

  page = rd_window_show_page (f->window, "evidence");
  model = rd_evidence_page_get_shown (RD_EVIDENCE_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  evidence = g_list_model_get_item (model, 0);
  g_assert_true (rd_evidence_page_select (RD_EVIDENCE_PAGE (page), rd_evidence_get_id (evidence)));
  audit (f, "Evidence");

  page = rd_window_show_page (f->window, "timeline");
  g_assert_true (rd_test_gui_wait_until (has_timeline, rd_timeline_page_get_view (RD_TIMELINE_PAGE (page)), 10000));
  audit (f, "Timeline");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-cases", NULL));
  audit (f, "All Cases");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back-to-case", NULL));
  rd_test_gui_iterate ();
}

/* The menus of the header bar, each open on its own; @who says whose
 * menus they are (an adviser sees more items). */
static void
audit_menus (Fixture    *f,
             const char *who)
{
  const char *ids[] = { "menu_button", "case_switcher" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      GtkWidget *button = rd_test_gui_find_by_id (GTK_WIDGET (f->window), ids[i]);
      GtkWidget *menu = button != NULL ? rd_test_gui_find_by_type (button, GTK_TYPE_MENU_BUTTON) : NULL;
      g_autofree char *where = g_strdup_printf ("%s, %s", ids[i], who);

      if (menu == NULL && GTK_IS_MENU_BUTTON (button))
        menu = button;
      g_assert_nonnull (menu);
      gtk_menu_button_popup (GTK_MENU_BUTTON (menu));
      audit (f, where);
      gtk_menu_button_popdown (GTK_MENU_BUTTON (menu));
      rd_test_gui_iterate ();
    }
}

static void
audit_assistant (Fixture *f,
                 RdCase  *rcase)
{
  RdComplaintAssistant *assistant = rd_complaint_assistant_new (GTK_WINDOW (f->window),
                                                                rd_window_get_store (f->window), rcase);
  GtkWidget *points;

  show (f, GTK_WINDOW (assistant));
  audit (f, "Start a Complaint, its first step");
  points = rd_test_gui_find_by_id (GTK_WIDGET (assistant), "points_view");
  g_assert_true (GTK_IS_TEXT_VIEW (points));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (points)), "How you handled my reports", -1);
  while (rd_complaint_assistant_get_step (assistant) != RD_ASSISTANT_STEP_LETTER)
    {
      g_autofree char *where = NULL;

      g_assert_true (rd_complaint_assistant_next (assistant));
      where = g_strdup_printf ("Start a Complaint, step %d", rd_complaint_assistant_get_step (assistant) + 1);
      audit (f, where);
    }
  close_dialogs (f);
}

/* Every dialog and window the sample case opens. */
static void
audit_dialogs (Fixture *f)
{
  RdStore *store = rd_window_get_store (f->window);
  RdCase *rcase = rd_window_get_case (f->window);
  gint64 case_id = rd_case_get_id (rcase);
  g_autoptr(GListModel) complaints = rd_store_list_complaints (store, case_id, NULL);
  g_autoptr(GListModel) incidents = rd_store_list_incidents (store, case_id, NULL);
  g_autoptr(RdComplaint) complaint = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(RdComplaintEvent) event = NULL;
  g_autoptr(RdIncident) incident = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  g_assert_nonnull (complaints);
  g_assert_cmpuint (g_list_model_get_n_items (complaints), >, 0);
  complaint = g_list_model_get_item (complaints, 0);
  events = rd_store_list_complaint_events (store, rd_complaint_get_id (complaint), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (events), >, 0);
  event = g_list_model_get_item (events, 0);
  incident = g_list_model_get_item (incidents, 0);

  show (f, GTK_WINDOW (rd_case_dialog_new (GTK_WINDOW (f->window), store, NULL)));
  audit (f, "New Case");
  close_dialogs (f);

  dialog = GTK_WINDOW (rd_case_dialog_new (GTK_WINDOW (f->window), store, rcase));
  show (f, dialog);
  audit (f, "Case Details");
  show (f, GTK_WINDOW (rd_policy_dialog_new (dialog, store, rcase)));
  audit (f, "the landlord's complaints policy");
  close_dialogs (f);

  dialog = GTK_WINDOW (rd_parties_dialog_new (GTK_WINDOW (f->window), store, rcase));
  show (f, dialog);
  audit (f, "People and organisations");
  rd_parties_dialog_add_party (RD_PARTIES_DIALOG (dialog));
  audit (f, "People and organisations, adding one");
  close_dialogs (f);

  show (f, GTK_WINDOW (rd_step_dialog_new (GTK_WINDOW (f->window), store, complaint, NULL)));
  audit (f, "Add Step");
  close_dialogs (f);
  show (f, GTK_WINDOW (rd_step_dialog_new (GTK_WINDOW (f->window), store, complaint, event)));
  audit (f, "Edit Step");
  close_dialogs (f);

  audit_assistant (f, rcase);

  for (RdLetterKind kind = 0; kind < RD_LETTER_N_KINDS; kind++)
    {
      dialog = GTK_WINDOW (rd_letter_dialog_new (GTK_WINDOW (f->window), store, case_id,
                                                 rd_complaint_get_id (complaint), kind));
      if (dialog == NULL)
        continue;
      show (f, dialog);
      audit (f, "a letter");
      close_dialogs (f);
    }

  show (f, GTK_WINDOW (rd_history_dialog_new (GTK_WINDOW (f->window), store, incident)));
  audit (f, "History");
  close_dialogs (f);

  show (f, GTK_WINDOW (rd_export_dialog_new (GTK_WINDOW (f->window), store, rcase)));
  audit (f, "Export");
  close_dialogs (f);

  show (f, GTK_WINDOW (rd_preferences_window_new (GTK_WINDOW (f->window), store)));
  audit (f, "Preferences");
  close_dialogs (f);

  dialog = GTK_WINDOW (rd_client_record_dialog_new (GTK_WINDOW (f->window), store, case_id, &error));
  g_assert_no_error (error);
  show (f, dialog);
  audit (f, "Client Record");
  close_dialogs (f);

  show (f, GTK_WINDOW (rd_help_window_new (GTK_WINDOW (f->window), NULL)));
  audit (f, "Help");
  close_dialogs (f);
}

/* The window locked, as anyone at a shared computer leaves it. */
static void
audit_lock (Fixture *f)
{
  RdLock *lock = rd_window_get_lock (f->window);

  rd_lock_lock (lock);
  g_assert_true (rd_lock_get_locked (lock));
  audit (f, "Locked");
  /* No passphrase is set: it opens at once. */
  rd_lock_unlock (lock, NULL);
  rd_test_gui_iterate ();
  g_assert_false (rd_lock_get_locked (lock));
}

/* The question, once it is on screen. */
static AdwMessageDialog *
find_question (void)
{
  AdwMessageDialog *question = rd_test_gui_find_message_dialog ();

  return question != NULL && gtk_widget_get_mapped (GTK_WIDGET (question)) ? question : NULL;
}

static gboolean
question_shown (gpointer data)
{
  return find_question () != NULL;
}

/* Waits for the question the last action asks, audits it with the windows
 * under it, and closes it as Escape would (its close response: cancel,
 * keep), so nothing is deleted. */
static void
audit_question (Fixture    *f,
                const char *where)
{
  AdwMessageDialog *question;

  g_assert_true (rd_test_gui_wait_until (question_shown, NULL, 60000));
  question = find_question ();
  audit (f, where);
  gtk_window_close (GTK_WINDOW (question));
  rd_test_gui_iterate ();
  g_assert_null (find_question ());
}

/* The questions before a record or a step goes, each from the record
 * audit_pages() opened, and the window that picks a complaint's entries. */
static void
audit_record_questions (Fixture *f)
{
  GtkWidget *page;
  GtkWidget *editor;
  GtkWidget *steps;

  page = rd_window_show_page (f->window, "diary");
  g_assert_true (gtk_widget_activate_action (page, "diary.delete-entry", NULL));
  audit_question (f, "Deleting a diary entry");

  page = rd_window_show_page (f->window, "contacts");
  g_assert_true (gtk_widget_activate_action (page, "contacts.delete-contact", NULL));
  audit_question (f, "Deleting a contact");

  page = rd_window_show_page (f->window, "complaints");
  g_assert_true (gtk_widget_activate_action (page, "complaints.delete-complaint", NULL));
  audit_question (f, "Deleting a complaint");
  editor = rd_record_list_page_get_editor (RD_RECORD_LIST_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (rd_complaint_editor_get_steps (RD_COMPLAINT_EDITOR (editor))), >, 0);
  steps = rd_test_gui_find_by_id (editor, "steps_view");
  g_assert_true (GTK_IS_LIST_VIEW (steps));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (steps))), 0);
  g_assert_true (gtk_widget_activate_action (editor, "complaint-editor.remove-step", NULL));
  audit_question (f, "Removing a complaint's step");
  g_assert_true (gtk_widget_activate_action (editor, "complaint-editor.choose-incidents", NULL));
  audit (f, "The diary entries a complaint is about");
  close_dialogs (f);

  {
    RdStore *store = rd_window_get_store (f->window);
    RdCase *rcase = rd_window_get_case (f->window);
    RdPartiesDialog *dialog = rd_parties_dialog_new (GTK_WINDOW (f->window), store, rcase);

    show (f, GTK_WINDOW (dialog));
    rd_parties_dialog_add_party (dialog);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "parties.remove", NULL));
    audit_question (f, "Removing a person");
    close_dialogs (f);
  }
}

static gboolean
evidence_page_idle (gpointer page)
{
  return !rd_evidence_page_is_busy (page);
}

/* Deleting evidence, a PDF's password, and the files that could not be
 * added (an empty file is refused). */
static void
audit_evidence_questions (Fixture *f)
{
  GtkWidget *page = rd_window_show_page (f->window, "evidence");
  GtkWidget *detail = rd_test_gui_find_by_type (page, RD_TYPE_EVIDENCE_DETAIL);
  g_autofree char *empty = g_build_filename (f->out, "empty.pdf", NULL);
  GFile *files[1];

  g_assert_nonnull (detail);
  g_assert_true (gtk_widget_activate_action (detail, "evidence.delete", NULL));
  audit_question (f, "Deleting evidence");
  g_assert_true (gtk_widget_activate_action (detail, "evidence.password", NULL));
  audit_question (f, "A PDF's password");

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  files[0] = g_file_new_for_path (empty);
  rd_evidence_page_import_files (RD_EVIDENCE_PAGE (page), files, 1);
  g_object_unref (files[0]);
  g_assert_true (rd_test_gui_wait_until (evidence_page_idle, page, 60000));
  audit_question (f, "Files that could not be added");
}

static void
on_passwords_cb (GHashTable *passwords,
                 gpointer    data)
{
}

static gboolean
export_ended (gpointer dialog)
{
  return !g_str_equal (rd_export_dialog_get_state (dialog), "progress");
}

/* The export's questions (protected PDFs' passwords; exhibits that cannot
 * be checked for names, which the sample's photo is when anonymised), and
 * its pages while the bundle is made and once it is ready. */
static void
audit_export (Fixture *f)
{
  RdStore *store = rd_window_get_store (f->window);
  RdCase *rcase = rd_window_get_case (f->window);
  RdExportDialog *dialog = rd_export_dialog_new (GTK_WINDOW (f->window), store, rcase);
  g_autoptr(GListModel) evidence = rd_store_list_evidence (store, rd_case_get_id (rcase), NULL);
  g_autoptr(GPtrArray) protected = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_build_filename (f->out, "bundle.pdf", NULL);
  GtkWidget *anonymise;

  show (f, GTK_WINDOW (dialog));
  /* The same question whichever PDFs it names. */
  g_assert_nonnull (evidence);
  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    g_ptr_array_add (protected, g_list_model_get_item (evidence, i));
  g_assert_cmpuint (protected->len, >, 0);
  rd_export_ask_passwords (GTK_WINDOW (dialog), protected, on_passwords_cb, NULL);
  audit_question (f, "Export, the protected PDFs' passwords");

  anonymise = rd_test_gui_find_by_id (GTK_WIDGET (dialog), "anonymise_switch");
  g_assert_true (GTK_IS_SWITCH (anonymise));
  gtk_switch_set_active (GTK_SWITCH (anonymise), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.save", NULL));
  audit_question (f, "Export, exhibits not checked for names");
  gtk_switch_set_active (GTK_SWITCH (anonymise), FALSE);

  rd_export_dialog_export_to (dialog, path);
  /* The main loop has not run since: the bundle cannot be ready yet. */
  g_assert_cmpstr (rd_export_dialog_get_state (dialog), ==, "progress");
  audit_now (f, "Export, making the bundle");
  g_assert_true (rd_test_gui_wait_until (export_ended, dialog, 120000));
  g_assert_cmpstr (rd_export_dialog_get_state (dialog), ==, "done");
  audit (f, "Export, the bundle is ready");
  close_dialogs (f);
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
duplicate_asked (gpointer window)
{
  return g_object_get_data (G_OBJECT (window), "rd-duplicate-dialog") != NULL;
}

/* What an adviser sees more: the menus' adviser items, erasing a client,
 * and taking in a case that is here already. */
static void
audit_adviser (Fixture *f)
{
  RdStore *store = rd_window_get_store (f->window);
  g_autofree char *path = g_build_filename (f->out, "hand-over.redress", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (rd_store_set_adviser_mode (store, TRUE, &error));
  g_assert_no_error (error);
  rd_test_gui_iterate ();
  audit_menus (f, "for an adviser");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.erase-case", NULL));
  audit_question (f, "Erasing a client");

  rd_window_export_case_to (f->window, path);
  g_assert_true (rd_test_gui_wait_until (file_exists, path, 60000));
  rd_window_import_case_from (f->window, path);
  g_assert_true (rd_test_gui_wait_until (duplicate_asked, f->window, 60000));
  audit_question (f, "Importing a case that is here already");

  g_assert_true (rd_store_set_adviser_mode (store, FALSE, &error));
  g_assert_no_error (error);
  rd_test_gui_iterate ();
}

static void
exec_sql (Fixture    *f,
          const char *sql)
{
  g_autofree char *path = g_build_filename (f->dir, "redress.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Closing the window when the last words typed cannot be written. */
static void
audit_unsaved_question (Fixture *f)
{
  GtkWidget *view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-incident", NULL));
  rd_test_gui_iterate ();
  exec_sql (f, "CREATE TRIGGER test_refuse BEFORE INSERT ON incidents"
               " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;");
  view = rd_test_gui_find_by_id (GTK_WIDGET (rd_test_gui_incident_editor (f->window)), "description_view");
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            "Written while nothing could be saved", -1);
  gtk_window_close (GTK_WINDOW (f->window));
  audit_question (f, "Closing with changes not saved");
  exec_sql (f, "DROP TRIGGER test_refuse");
}

static void
test_no_shared_mnemonics (void)
{
  Fixture fixture = { 0 }, *f = &fixture;
  g_autoptr(GPtrArray) lines = NULL;
  GHashTableIter iter;
  gpointer line;

  f->clashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->dir = g_dir_make_tmp ("redress-gui-mnemonics-XXXXXX", NULL);
  f->out = g_dir_make_tmp ("redress-gui-mnemonics-out-XXXXXX", NULL);
  f->app = rd_test_gui_app_new (f->dir);
  f->window = rd_test_gui_window_new (f->app, 1200, 800);

  audit (f, "Welcome");
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "open-sample-case", NULL);
  rd_test_gui_iterate ();
  g_assert_nonnull (rd_window_get_case (f->window));
  audit_pages (f);
  audit_menus (f, "for a resident");
  audit_dialogs (f);
  audit_lock (f);
  audit_record_questions (f);
  audit_evidence_questions (f);
  audit_export (f);
  audit_adviser (f);
  audit_unsaved_question (f);

  lines = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, f->clashes);
  while (g_hash_table_iter_next (&iter, &line, NULL))
    g_ptr_array_add (lines, line);
  g_ptr_array_sort (lines, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < lines->len; i++)
    g_printerr ("%s: %s\n", g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "en", (const char *) lines->pdata[i]);

  close_dialogs (f);
  rd_test_gui_close_app (&f->app, &f->dir);
  rd_test_gui_remove_tree (f->out);
  g_free (f->out);
  g_assert_cmpuint (g_hash_table_size (f->clashes), ==, 0);
  g_hash_table_unref (f->clashes);
}

/* /mnemonics/LANG runs the check in a child with LANGUAGE=LANG. */
static void
test_language (gconstpointer data)
{
  const char *language = data;
  g_autofree char *child = g_strdup_printf ("/mnemonics/%s/subprocess", language);

  if (g_str_equal (language, "en"))
    g_unsetenv ("LANGUAGE");
  else
    g_setenv ("LANGUAGE", language, TRUE);
  g_test_trap_subprocess (child, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  const char *languages[] = { "en", "cy", "pl", "ur" };
  g_autofree char *po = NULL;

  /* Before GTK starts: LANGUAGE is set by the parent for a child */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  po = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  g_setenv ("REDRESS_LOCALEDIR", po, TRUE);
  bindtextdomain (GETTEXT_PACKAGE, po);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  rd_test_gui_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *path = g_strdup_printf ("/mnemonics/%s", languages[i]);
      g_autofree char *child = g_strdup_printf ("/mnemonics/%s/subprocess", languages[i]);

      g_test_add_data_func (path, languages[i], test_language);
      g_test_add_func (child, test_no_shared_mnemonics);
    }
  return g_test_run ();
}
