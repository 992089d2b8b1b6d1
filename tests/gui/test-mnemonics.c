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
 * Every page of the sample case (with a record open), All Cases, the main
 * menu and every dialog and window the case can open (each step of Start
 * a Complaint) is shown; then each window, and each popover shown, is
 * walked and the mnemonic key of every label it maps is counted (a
 * button's or a row's underlined label is a GtkLabel too). GTK offers an
 * Alt key only to mapped widgets, so hidden pages of a stack do not
 * count; insensitive ones do, since they can become sensitive while the
 * other is still there.
 *
 * Each language runs in a child process of its own (GTK reads the language
 * once, when it starts): /mnemonics/cy runs /mnemonics/cy/subprocess with
 * LANGUAGE=cy. Clashes are printed on standard error with their window.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rd-application.h"
#include "rd-case-dialog.h"
#include "rd-client-record-dialog.h"
#include "rd-complaint-assistant.h"
#include "rd-diary-item.h"
#include "rd-diary-page.h"
#include "rd-evidence-page.h"
#include "rd-export-dialog.h"
#include "rd-help-window.h"
#include "rd-history-dialog.h"
#include "rd-letter-dialog.h"
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

/* Looks at every window shown, each on its own. */
static void
audit (Fixture    *f,
       const char *where)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  guint before = g_hash_table_size (f->clashes);

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (!gtk_widget_get_mapped (l->data))
        continue;
      settle (l->data);
      audit_scope (f, l->data, where);
    }
  g_test_message ("%s: %u windows, %u new clashes", where, g_list_length (toplevels),
                  g_hash_table_size (f->clashes) - before);
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

/* The menus of the header bar, each open on its own. */
static void
audit_menus (Fixture *f)
{
  const char *ids[] = { "menu_button", "case_switcher" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      GtkWidget *button = rd_test_gui_find_by_id (GTK_WIDGET (f->window), ids[i]);
      GtkWidget *menu = button != NULL ? rd_test_gui_find_by_type (button, GTK_TYPE_MENU_BUTTON) : NULL;

      if (menu == NULL && GTK_IS_MENU_BUTTON (button))
        menu = button;
      if (menu == NULL)
        continue;
      gtk_menu_button_popup (GTK_MENU_BUTTON (menu));
      audit (f, ids[i]);
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

static void
test_no_shared_mnemonics (void)
{
  Fixture fixture = { 0 }, *f = &fixture;
  g_autoptr(GPtrArray) lines = NULL;
  GHashTableIter iter;
  gpointer line;

  f->clashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->dir = g_dir_make_tmp ("redress-gui-mnemonics-XXXXXX", NULL);
  f->app = rd_test_gui_app_new (f->dir);
  f->window = rd_test_gui_window_new (f->app, 1200, 800);

  audit (f, "Welcome");
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "open-sample-case", NULL);
  rd_test_gui_iterate ();
  g_assert_nonnull (rd_window_get_case (f->window));
  audit_pages (f);
  audit_menus (f);
  audit_dialogs (f);

  lines = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, f->clashes);
  while (g_hash_table_iter_next (&iter, &line, NULL))
    g_ptr_array_add (lines, line);
  g_ptr_array_sort (lines, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < lines->len; i++)
    g_printerr ("%s: %s\n", g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "en", (const char *) lines->pdata[i]);

  close_dialogs (f);
  rd_test_gui_close_app (&f->app, &f->dir);
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
