/* test-undo.c: where the keyboard goes after a delete; undoing it from its
 * toast and with Ctrl+Z, the row it brings back chosen and focused, and
 * Ctrl+Z in a text box left to the text.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "evidence-fixtures.h"
#include "rd-application.h"
#include "rd-diary-item.h"
#include "rd-diary-page.h"
#include "rd-evidence-detail.h"
#include "rd-evidence-links.h"
#include "rd-evidence-page.h"
#include "rd-gui-list.h"
#include "rd-gui-util.h"
#include "rd-incident-editor.h"
#include "rd-parties-dialog.h"
#include "rd-record-list-page.h"
#include "rd-step-dialog.h"
#include "rd-window.h"
#include "rd-test-gui.h"

typedef struct {
  char          *dir;
  RdApplication *app;
  RdWindow      *window;
  gint64         case_id;
  gint64         evidence_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GDateTime) now = rd_datetime_parse_local ("2026-03-30T12:00", NULL);
  g_autoptr(RdClock) clock = rd_clock_new_fixed (now);
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdEvidence) evidence = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;

  f->dir = g_dir_make_tmp ("redress-gui-undo-XXXXXX", NULL);
  store = rd_store_open (f->dir, &error);
  g_assert_no_error (error);
  /* Today is fixed: the sample is dated for it, and so is the window. */
  rd_store_set_clock (store, clock);
  f->case_id = rd_sample_ensure (store, &error);
  g_assert_no_error (error);
  pdf = g_build_filename (f->dir, "repair-letter.pdf", NULL);
  fixture_write_pdf (pdf, 1, "We will send a contractor", NULL);
  file = g_file_new_for_path (pdf);
  evidence = rd_store_import_evidence (store, f->case_id, file, NULL, NULL, &error);
  g_assert_no_error (error);
  f->evidence_id = rd_evidence_get_id (evidence);
  g_clear_object (&store);

  f->app = rd_test_gui_app_new (f->dir);
  rd_clock_set_fixed (rd_application_get_clock (f->app), now);
  f->window = rd_test_gui_window_new (f->app, 0, 0);
  g_assert_true (rd_window_open_case (f->window, f->case_id, NULL));
  gtk_window_present (GTK_WINDOW (f->window));
  rd_test_gui_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rd_test_gui_close_app (&f->app, &f->dir);
}

static RdStore *
store (Fixture *f)
{
  return rd_application_get_store (f->app);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

static void
answer_dialog (const char *response)
{
  AdwMessageDialog *dialog = find_message_dialog ();

  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  /* As its button does: the response alone leaves the dialog open. */
  gtk_window_close (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();
}

static gboolean
has_text (gpointer data)
{
  Fixture *f = ((gpointer *) data)[0];

  return rd_test_gui_find_by_text (GTK_WIDGET (f->window), ((gpointer *) data)[1]) != NULL;
}

/* Waits for a toast saying @text (or a button so labelled). */
static GtkWidget *
wait_for_text (Fixture    *f,
               const char *text)
{
  gpointer data[2] = { f, (gpointer) text };

  g_assert_true (rd_test_gui_wait_until (has_text, data, 5000));
  return rd_test_gui_find_by_text (GTK_WIDGET (f->window), text);
}

static gboolean
has_text_in (gpointer data)
{
  return rd_test_gui_find_by_text (((gpointer *) data)[0], ((gpointer *) data)[1]) != NULL;
}

/* Waits for @text (a toast's title, or its button) inside @root. */
static GtkWidget *
wait_for_text_in (GtkWidget  *root,
                  const char *text)
{
  gpointer data[2] = { root, (gpointer) text };

  g_assert_true (rd_test_gui_wait_until (has_text_in, data, 5000));
  return rd_test_gui_find_by_text (root, text);
}

/* What a screen reader was last told in @root's live status line: shown
 * (mapped, so GTK 4.8 tells an accessibility client of each change) but
 * not drawn. */
static const char *
announced (GtkWidget *root)
{
  GtkLabel *label = rd_gui_get_announcer (root);

  g_assert_nonnull (label);
  g_assert_true (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (label)) ==
                 GTK_ACCESSIBLE_ROLE_STATUS);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  return gtk_label_get_text (label);
}

/* Presses Ctrl+Z as the window's shortcut controllers would: returns
 * whether the window took it. */
static gboolean
press_ctrl_z_on (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) ctrl_z = gtk_shortcut_trigger_parse_string ("<Control>z");

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), ctrl_z))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  g_assert_not_reached ();
  return FALSE;
}

static gboolean
press_ctrl_z (Fixture *f)
{
  return press_ctrl_z_on (GTK_WIDGET (f->window));
}

/* The keyboard is on a chosen row of a list inside @page. */
static void
assert_focus_on_selected_row (Fixture   *f,
                              GtkWidget *page)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, page));
  for (GtkWidget *w = focus; w != NULL && w != page; w = gtk_widget_get_parent (w))
    if (GTK_IS_LIST_VIEW (gtk_widget_get_parent (w)) ||
        GTK_IS_GRID_VIEW (gtk_widget_get_parent (w)))
      {
        g_assert_true (gtk_widget_get_state_flags (w) & GTK_STATE_FLAG_SELECTED);
        return;
      }
  g_assert_not_reached ();
}

/* The mapped button under @root that activates @action_name. */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action_name)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
no_message_dialog (gpointer data)
{
  return find_message_dialog () == NULL;
}

static gboolean
has_action_button (gpointer data)
{
  return find_action_button (((gpointer *) data)[0], ((gpointer *) data)[1]) != NULL;
}

/* Deletes the record @page shows with the keyboard on its delete button,
 * or (@from_row) on its row, where Delete is the shortcut: either way what
 * had the focus goes. */
static void
press_delete (Fixture    *f,
              GtkWidget  *page,
              const char *delete_action,
              gboolean    from_row)
{
  gpointer data[2] = { page, (gpointer) delete_action };
  GtkWidget *button;
  GtkWidget *row;

  /* The page and its editor are drawn on the next frames. */
  if (!rd_test_gui_wait_until (has_action_button, data, 5000))
    g_error ("no button for %s is shown", delete_action);
  button = find_action_button (page, delete_action);
  row = rd_gui_find_selected_row (page);
  if (from_row && row != NULL)
    {
      g_assert_true (gtk_widget_grab_focus (row));
      g_assert_true (gtk_widget_activate_action (row, delete_action, NULL));
    }
  else
    {
      g_assert_true (gtk_widget_grab_focus (button));
      g_signal_emit_by_name (button, "clicked");
    }
  rd_test_gui_iterate ();
  answer_dialog ("delete");
  /* The question goes once answered: the next must not find it. */
  g_assert_true (rd_test_gui_wait_until (no_message_dialog, NULL, 5000));
}

/* After a delete the keyboard is on the chosen row of @page's list, or,
 * with nothing left in @shown, on its empty state's button (which does
 * @new_action). */
static void
assert_focus_after_delete (Fixture    *f,
                           GtkWidget  *page,
                           GListModel *shown,
                           const char *new_action)
{
  GtkWidget *focus;
  GtkWidget *button;

  rd_test_gui_iterate ();
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  if (g_list_model_get_n_items (shown) > 0)
    {
      assert_focus_on_selected_row (f, page);
      return;
    }
  button = find_action_button (page, new_action);
  g_assert_nonnull (button);
  g_assert_true (focus == button);
}

static gint64
delete_diary_entry (Fixture *f,
                    guint    position)
{
  RdDiaryPage *page = RD_DIARY_PAGE (rd_window_show_page (f->window, "diary"));
  GListModel *entries = rd_diary_page_get_entries (page);
  g_autoptr(RdDiaryItem) victim = g_list_model_get_item (entries, position);
  guint n = g_list_model_get_n_items (entries);

  g_assert_true (rd_diary_page_select_entry (page, rd_diary_item_get_id (victim)));
  press_delete (f, GTK_WIDGET (page), "diary.delete-entry", FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, n - 1);
  g_assert_null (rd_store_get_incident (store (f), rd_diary_item_get_id (victim), NULL));
  /* The keyboard is on the entry that took its place, not on the
   * window's first control. */
  assert_focus_after_delete (f, GTK_WIDGET (page), entries, "diary.new-entry");
  return rd_diary_item_get_id (victim);
}

static void
assert_entry_back (Fixture *f,
                   gint64   id)
{
  RdDiaryPage *page = RD_DIARY_PAGE (rd_window_get_page (f->window, "diary"));
  g_autoptr(RdIncident) back = rd_store_get_incident (store (f), id, NULL);
  RdIncident *shown;

  g_assert_nonnull (back);
  g_assert_true (rd_window_get_visible_page (f->window) == GTK_WIDGET (page));
  shown = rd_record_editor_get_record (RD_RECORD_EDITOR (rd_test_gui_incident_editor (f->window)));
  g_assert_nonnull (shown);
  g_assert_cmpint (rd_incident_get_id (shown), ==, id);
  wait_for_text (f, "Diary entry restored");
  g_assert_cmpstr (announced (GTK_WIDGET (f->window)), ==, "Diary entry restored");
  assert_focus_on_selected_row (f, GTK_WIDGET (page));
}

static void
test_toast_button (Fixture       *f,
                   gconstpointer  data)
{
  gint64 id = delete_diary_entry (f, 2);
  GtkWidget *undo = wait_for_text (f, "_Undo");

  g_assert_nonnull (wait_for_text (f, "Diary entry deleted"));
  g_assert_cmpstr (announced (GTK_WIDGET (f->window)), ==, "Diary entry deleted");
  /* Look elsewhere first: Undo brings the diary back to the front. */
  rd_window_show_page (f->window, "contacts");
  g_signal_emit_by_name (undo, "clicked");
  rd_test_gui_iterate ();
  assert_entry_back (f, id);

  /* Nothing left to undo: it says so, and changes nothing. */
  g_assert_true (press_ctrl_z (f));
  wait_for_text (f, "There is nothing to undo.");
  g_assert_cmpstr (announced (GTK_WIDGET (f->window)), ==, "There is nothing to undo.");
}

static void
test_ctrl_z (Fixture       *f,
             gconstpointer  data)
{
  gint64 id = delete_diary_entry (f, 0);

  /* From another page, wherever the keyboard is, but not in text. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "dashboard");
  rd_test_gui_iterate ();
  g_assert_true (press_ctrl_z (f));
  rd_test_gui_iterate ();
  assert_entry_back (f, id);
}

/* In a text box Ctrl+Z undoes typing, and never a delete. */
static void
test_text_box (Fixture       *f,
               gconstpointer  data)
{
  gint64 id = delete_diary_entry (f, 1);
  GtkWidget *view = rd_test_gui_find_by_id (GTK_WIDGET (rd_test_gui_incident_editor (f->window)),
                                            "description_view");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  before = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_true (gtk_widget_grab_focus (view));
  gtk_text_buffer_insert_interactive_at_cursor (buffer, " and again at noon", -1, TRUE);

  g_assert_false (press_ctrl_z (f));
  rd_test_gui_iterate ();
  g_assert_null (rd_store_get_incident (store (f), id, NULL));

  /* The text's own Ctrl+Z takes the typing back. */
  g_assert_true (gtk_widget_activate_action (view, "text.undo", NULL));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  after = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (after, ==, before);

  /* Out of the text, Ctrl+Z is Undo again. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "contacts");
  rd_test_gui_iterate ();
  g_assert_true (press_ctrl_z (f));
  rd_test_gui_iterate ();
  assert_entry_back (f, id);
}

static void
test_contact (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *page = rd_window_show_page (f->window, "contacts");
  GtkWidget *editor = rd_record_list_page_get_editor (RD_RECORD_LIST_PAGE (page));
  RdContact *shown;
  gint64 id;

  shown = rd_record_editor_get_record (RD_RECORD_EDITOR (editor));
  g_assert_nonnull (shown);
  id = rd_contact_get_id (shown);
  gtk_widget_activate_action (page, "contacts.delete-contact", NULL);
  answer_dialog ("delete");
  g_assert_null (rd_store_get_contact (store (f), id, NULL));
  wait_for_text (f, "Contact deleted");
  /* The keyboard is on the contact that took its place, shown. */
  shown = rd_record_editor_get_record (RD_RECORD_EDITOR (editor));
  g_assert_nonnull (shown);
  g_assert_cmpint (rd_contact_get_id (shown), !=, id);
  assert_focus_on_selected_row (f, page);

  g_signal_emit_by_name (wait_for_text (f, "_Undo"), "clicked");
  rd_test_gui_iterate ();
  g_assert_nonnull (rd_store_get_contact (store (f), id, NULL));
  shown = rd_record_editor_get_record (RD_RECORD_EDITOR (editor));
  g_assert_nonnull (shown);
  g_assert_cmpint (rd_contact_get_id (shown), ==, id);
  wait_for_text (f, "Contact restored");
  assert_focus_on_selected_row (f, page);
}

static GtkWidget *
find_unlink_button (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && g_object_get_data (G_OBJECT (root), "evidence") != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_unlink_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row and button of a link go as soon as it is cut; Undo holds only
 * ids, so undoing after they are gone is safe, and brings the link back. */
static void
test_evidence_link (Fixture       *f,
                    gconstpointer  data)
{
  RdDiaryPage *page = RD_DIARY_PAGE (rd_window_show_page (f->window, "diary"));
  g_autoptr(RdDiaryItem) entry = g_list_model_get_item (rd_diary_page_get_entries (page), 0);
  gint64 entry_id = rd_diary_item_get_id (entry);
  g_autoptr(GListModel) linked = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *links;
  GtkWidget *button;

  g_assert_true (rd_store_link_evidence (store (f), f->evidence_id, RD_EVIDENCE_TARGET_INCIDENT,
                                         entry_id, "", &error));
  g_assert_true (rd_diary_page_select_entry (page, entry_id));
  rd_test_gui_iterate ();
  links = rd_test_gui_find_by_type (GTK_WIDGET (rd_test_gui_incident_editor (f->window)),
                                    RD_TYPE_EVIDENCE_LINKS);
  button = find_unlink_button (links);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  rd_test_gui_iterate ();
  linked = rd_store_list_linked_evidence (store (f), RD_EVIDENCE_TARGET_INCIDENT, entry_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 0);
  g_clear_object (&linked);
  g_assert_null (find_unlink_button (links));
  wait_for_text (f, "Link removed");

  /* Another entry chosen meanwhile: its editor and links list are new. */
  {
    g_autoptr(RdDiaryItem) other = g_list_model_get_item (rd_diary_page_get_entries (page), 1);

    g_assert_true (rd_diary_page_select_entry (page, rd_diary_item_get_id (other)));
    rd_test_gui_iterate ();
  }
  g_signal_emit_by_name (wait_for_text (f, "_Undo"), "clicked");
  rd_test_gui_iterate ();
  linked = rd_store_list_linked_evidence (store (f), RD_EVIDENCE_TARGET_INCIDENT, entry_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 1);
  wait_for_text (f, "Link restored");
  /* The entry it was cut from is chosen again, its link listed. */
  g_assert_cmpint (rd_incident_get_id (rd_record_editor_get_record (
                     RD_RECORD_EDITOR (rd_test_gui_incident_editor (f->window)))), ==, entry_id);
  g_assert_nonnull (find_unlink_button (links));
}

static void
test_evidence (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RdEvidence) evidence = rd_store_get_evidence (store (f), f->evidence_id, NULL);
  g_autofree char *path = g_strdup (rd_evidence_get_path (evidence));
  GtkWidget *page = rd_window_show_page (f->window, "evidence");
  GtkWidget *detail;

  g_assert_true (rd_evidence_page_select (RD_EVIDENCE_PAGE (page), f->evidence_id));
  rd_test_gui_iterate ();
  detail = rd_test_gui_find_by_type (page, RD_TYPE_EVIDENCE_DETAIL);
  gtk_widget_activate_action (detail, "evidence.delete", NULL);
  answer_dialog ("delete");
  g_assert_null (rd_store_get_evidence (store (f), f->evidence_id, NULL));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  wait_for_text (f, "Evidence deleted");

  g_assert_true (press_ctrl_z (f));
  rd_test_gui_iterate ();
  g_assert_nonnull (rd_store_get_evidence (store (f), f->evidence_id, NULL));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  wait_for_text (f, "Evidence restored");
}

/* How many contacts of the case name the person @party_id. */
static guint
count_contacts_with (Fixture *f,
                     gint64   party_id)
{
  g_autoptr(GListModel) contacts = rd_store_list_contacts (store (f), f->case_id, NULL);
  guint count = 0;

  for (guint i = 0; contacts != NULL && i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(RdContact) contact = g_list_model_get_item (contacts, i);

      count += rd_contact_get_party_id (contact) == party_id;
    }
  return count;
}

/* The people of the case are in a modal dialog: it offers Undo itself. */
static void
test_party (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(RdCase) rcase = rd_store_get_case (store (f), f->case_id, NULL);
  RdPartiesDialog *dialog = rd_parties_dialog_new (GTK_WINDOW (f->window), store (f), rcase);
  GListModel *parties = rd_parties_dialog_get_parties (dialog);
  GtkWidget *focus;
  gint64 id;
  guint n, named;

  gtk_window_present (GTK_WINDOW (dialog));
  rd_test_gui_wait_for_draw (GTK_WIDGET (dialog));
  n = g_list_model_get_n_items (parties);
  g_assert_cmpuint (n, >, 0);
  g_assert_nonnull (rd_parties_dialog_get_selected (dialog));
  id = rd_party_get_id (rd_parties_dialog_get_selected (dialog));
  named = count_contacts_with (f, id);
  g_assert_cmpuint (named, >, 0);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "parties.remove", NULL);
  answer_dialog ("remove");
  g_assert_cmpuint (g_list_model_get_n_items (parties), ==, n - 1);
  g_assert_null (rd_store_get_party (store (f), id, NULL));
  g_assert_cmpuint (count_contacts_with (f, id), ==, 0);
  wait_for_text_in (GTK_WIDGET (dialog), "Person removed");
  g_assert_cmpstr (announced (GTK_WIDGET (dialog)), ==, "Person removed");
  g_signal_emit_by_name (wait_for_text_in (GTK_WIDGET (dialog), "_Undo"), "clicked");
  rd_test_gui_iterate ();
  g_assert_nonnull (rd_store_get_party (store (f), id, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (parties), ==, n);
  g_assert_cmpint (rd_party_get_id (rd_parties_dialog_get_selected (dialog)), ==, id);
  /* The contacts that named them name them again. */
  g_assert_cmpuint (count_contacts_with (f, id), ==, named);
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_get_state_flags (focus) & GTK_STATE_FLAG_SELECTED);
  wait_for_text_in (GTK_WIDGET (dialog), "Person restored");
  g_assert_cmpstr (announced (GTK_WIDGET (dialog)), ==, "Person restored");

  /* Ctrl+Z in the dialog, out of its text boxes, does the same. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "parties.remove", NULL);
  answer_dialog ("remove");
  g_assert_null (rd_store_get_party (store (f), id, NULL));
  /* Folded, the next person's form is shown: back to the list first. */
  adw_leaflet_navigate (ADW_LEAFLET (rd_test_gui_find_by_id (GTK_WIDGET (dialog), "leaflet")),
                        ADW_NAVIGATION_DIRECTION_BACK);
  g_assert_true (gtk_widget_grab_focus (rd_test_gui_find_by_id (GTK_WIDGET (dialog),
                                                                "list_view")));
  g_assert_true (press_ctrl_z_on (GTK_WIDGET (dialog)));
  rd_test_gui_iterate ();
  g_assert_nonnull (rd_store_get_party (store (f), id, NULL));
  g_assert_cmpint (rd_party_get_id (rd_parties_dialog_get_selected (dialog)), ==, id);

  /* Once undone, there is nothing more to undo. */
  g_assert_true (press_ctrl_z_on (GTK_WIDGET (dialog)));
  wait_for_text_in (GTK_WIDGET (dialog), "There is nothing to undo.");
  g_assert_cmpstr (announced (GTK_WIDGET (dialog)), ==, "There is nothing to undo.");

  gtk_window_destroy (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();
}

/* A step's evidence is unlinked in the Add/Edit Step dialog, which is
 * modal: the dialog offers Undo and puts the keyboard on the link's row. */
static void
test_step_link (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GListModel) complaints = rd_store_list_complaints (store (f), f->case_id, NULL);
  g_autoptr(RdComplaint) complaint = NULL;
  g_autoptr(GListModel) steps = NULL;
  g_autoptr(RdComplaintEvent) step = NULL;
  g_autoptr(GListModel) linked = NULL;
  g_autoptr(GError) error = NULL;
  RdStepDialog *dialog;
  GtkWidget *focus;
  gint64 step_id;

  g_assert_nonnull (complaints);
  g_assert_cmpuint (g_list_model_get_n_items (complaints), >, 0);
  complaint = g_list_model_get_item (complaints, 0);
  steps = rd_store_list_complaint_events (store (f), rd_complaint_get_id (complaint), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (steps), >, 0);
  step = g_list_model_get_item (steps, 0);
  step_id = rd_complaint_event_get_id (step);
  g_assert_true (rd_store_link_evidence (store (f), f->evidence_id,
                                         RD_EVIDENCE_TARGET_COMPLAINT_EVENT, step_id, "", &error));
  g_assert_no_error (error);

  dialog = rd_step_dialog_new (GTK_WINDOW (f->window), store (f), complaint, step);
  gtk_window_present (GTK_WINDOW (dialog));
  rd_test_gui_wait_for_draw (GTK_WIDGET (dialog));
  g_signal_emit_by_name (find_unlink_button (GTK_WIDGET (dialog)), "clicked");
  rd_test_gui_iterate ();
  linked = rd_store_list_linked_evidence (store (f), RD_EVIDENCE_TARGET_COMPLAINT_EVENT, step_id,
                                          NULL);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 0);
  g_clear_object (&linked);
  g_assert_null (find_unlink_button (GTK_WIDGET (dialog)));
  wait_for_text_in (GTK_WIDGET (dialog), "Link removed");
  g_assert_cmpstr (announced (GTK_WIDGET (dialog)), ==, "Link removed");

  g_signal_emit_by_name (wait_for_text_in (GTK_WIDGET (dialog), "_Undo"), "clicked");
  rd_test_gui_iterate ();
  linked = rd_store_list_linked_evidence (store (f), RD_EVIDENCE_TARGET_COMPLAINT_EVENT, step_id,
                                          NULL);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 1);
  g_assert_nonnull (find_unlink_button (GTK_WIDGET (dialog)));
  /* The keyboard is on the row of the evidence that came back. */
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  g_assert_nonnull (g_object_get_data (G_OBJECT (focus), "evidence"));
  g_assert_cmpint (rd_evidence_get_id (g_object_get_data (G_OBJECT (focus), "evidence")), ==,
                   f->evidence_id);
  wait_for_text_in (GTK_WIDGET (dialog), "Link restored");
  g_assert_cmpstr (announced (GTK_WIDGET (dialog)), ==, "Link restored");

  gtk_window_destroy (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();
}

/* Opening another case forgets the undo, and the deleted file goes. */
static void
test_case_closed (Fixture       *f,
                  gconstpointer  data)
{
  gint64 id = delete_diary_entry (f, 0);

  rd_window_close_case (f->window);
  rd_test_gui_iterate ();
  g_assert_cmpuint (rd_store_get_undo_token (store (f)), ==, 0);
  g_assert_true (rd_window_open_case (f->window, f->case_id, NULL));
  g_assert_true (press_ctrl_z (f));
  rd_test_gui_iterate ();
  g_assert_null (rd_store_get_incident (store (f), id, NULL));
  wait_for_text (f, "There is nothing to undo.");
}

/*
 * Every record of a page deleted by the keyboard, one after another: the
 * keyboard goes to the next each time and, after the last, to the empty
 * state's button, where Ctrl+Z brings the last back with the keyboard on it.
 */
static void
delete_all_then_undo (Fixture    *f,
                      const char *page_name,
                      const char *delete_action,
                      const char *new_action)
{
  GtkWidget *page = rd_window_show_page (f->window, page_name);
  GListModel *shown;
  GtkWidget *editor;
  gpointer record;
  gint64 id = 0;
  gint64 back = 0;

  if (RD_IS_DIARY_PAGE (page))
    {
      shown = rd_diary_page_get_entries (RD_DIARY_PAGE (page));
      editor = GTK_WIDGET (rd_test_gui_incident_editor (f->window));
    }
  else
    {
      shown = G_LIST_MODEL (rd_record_list_page_get_selection (RD_RECORD_LIST_PAGE (page)));
      editor = rd_record_list_page_get_editor (RD_RECORD_LIST_PAGE (page));
    }
  rd_test_gui_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), >, 0);
  /* From the row and from the button in turn, the last from the row. */
  while (g_list_model_get_n_items (shown) > 0)
    {
      guint n = g_list_model_get_n_items (shown);

      record = rd_record_editor_get_record (RD_RECORD_EDITOR (editor));
      g_assert_nonnull (record);
      g_object_get (record, "id", &id, NULL);
      press_delete (f, page, delete_action, n % 2 == 1);
      g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n - 1);
      assert_focus_after_delete (f, page, shown, new_action);
    }

  g_assert_true (press_ctrl_z (f));
  rd_test_gui_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  record = rd_record_editor_get_record (RD_RECORD_EDITOR (editor));
  g_assert_nonnull (record);
  g_object_get (record, "id", &back, NULL);
  g_assert_cmpint (back, ==, id);
  assert_focus_on_selected_row (f, page);
}

static void
test_last_of_each (Fixture       *f,
                   gconstpointer  data)
{
  delete_all_then_undo (f, "diary", "diary.delete-entry", "diary.new-entry");
  delete_all_then_undo (f, "contacts", "contacts.delete-contact", "contacts.new-contact");
  delete_all_then_undo (f, "complaints", "complaints.delete-complaint", "complaints.start");
}

int
main (int   argc,
      char *argv[])
{
  rd_test_gui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/undo/toast-button", test_toast_button);
  ADD ("/undo/ctrl-z", test_ctrl_z);
  ADD ("/undo/text-box", test_text_box);
  ADD ("/undo/contact", test_contact);
  ADD ("/undo/last-of-each", test_last_of_each);
  ADD ("/undo/evidence-link", test_evidence_link);
  ADD ("/undo/evidence", test_evidence);
  ADD ("/undo/case-closed", test_case_closed);
  ADD ("/undo/party", test_party);
  ADD ("/undo/step-link", test_step_link);
#undef ADD

  return g_test_run ();
}
