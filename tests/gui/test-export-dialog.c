/* test-export-dialog.c: the export assistant makes the bundle in a worker, stays responsive, stops on request.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rd-application.h"
#include "rd-export-dialog.h"
#include "rd-export-passwords.h"
#include "rd-gui-util.h"
#include "rd-store-complaints.h"
#include "rd-store-evidence.h"
#include "rd-test-fixtures.h"
#include "rd-window.h"
#include "rd-test-gui.h"

typedef struct {
  char          *dir;
  RdApplication *app;
  RdWindow      *window;
  RdStore       *store;
  RdCase        *rcase;
  char          *out;
} Fixture;

static void
import (Fixture    *f,
        const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdEvidence) ev = rd_store_import_evidence (f->store, rd_case_get_id (f->rcase), file,
                                                       NULL, NULL, &error);

  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL, *jpg = NULL, *data_dir = NULL;
  g_autoptr(GBytes) jpeg = rd_fixture_jpeg (1600, 1200, 6, "GPS-GUI", 8, 4);

  f->dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  /* The data folder inside f->dir: exports go beside it, never in it. */
  data_dir = g_build_filename (f->dir, "data", NULL);
  f->app = rd_test_gui_app_new (data_dir);
  f->window = rd_application_new_window (f->app);
  gtk_window_present (GTK_WINDOW (f->window));
  rd_test_gui_wait_for_draw (GTK_WIDGET (f->window));
  f->store = g_object_ref (rd_window_get_store (f->window));
  f->rcase = rd_case_new ();
  rd_case_set_title (f->rcase, "Noise from Flat 6");
  rd_case_set_resident_name (f->rcase, "Alex Resident");
  rd_case_set_landlord_name (f->rcase, "Northway Homes");
  g_assert_true (rd_store_save_case (f->store, f->rcase, &error));
  g_assert_no_error (error);

  pdf = g_build_filename (f->dir, "letter.pdf", NULL);
  rd_fixture_text_pdf (pdf, 3, "GUILETTER", 595.276, 841.89);
  jpg = g_build_filename (f->dir, "door.jpg", NULL);
  rd_fixture_write_bytes (jpg, jpeg);
  import (f, pdf);
  import (f, jpg);
  f->out = g_build_filename (f->dir, "bundle.pdf", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  /* The window holds the store: ours goes first, then the window with it. */
  g_clear_object (&f->rcase);
  g_clear_object (&f->store);
  rd_test_gui_close_app (&f->app, &f->dir);
  g_free (f->out);
}

static RdExportDialog *
open_dialog (Fixture *f)
{
  RdExportDialog *dialog = rd_export_dialog_new (GTK_WINDOW (f->window), f->store, f->rcase);

  gtk_window_present (GTK_WINDOW (dialog));
  rd_test_gui_wait_for_draw (GTK_WIDGET (dialog));
  return dialog;
}

static gboolean
is_state (gpointer data)
{
  RdExportDialog *dialog = data;
  const char *want = g_object_get_data (G_OBJECT (dialog), "want");

  return g_strcmp0 (rd_export_dialog_get_state (dialog), want) == 0;
}

/* Runs on the main loop before the worker's result can be handed back:
 * says whether the window was still showing progress, i.e. the main loop
 * was free while the bundle was being made. */
static gboolean
loop_ran_cb (gpointer data)
{
  RdExportDialog *dialog = data;

  if (g_strcmp0 (rd_export_dialog_get_state (dialog), "progress") == 0)
    g_object_set_data (G_OBJECT (dialog), "loop-ran", GINT_TO_POINTER (TRUE));
  return G_SOURCE_REMOVE;
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  RdExportDialog *dialog = open_dialog (f);
  GListModel *exhibits = rd_export_dialog_get_exhibits (dialog);
  g_autoptr(RdEvidence) first = NULL;

  /* The keyboard starts on Export…, not on Cancel. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog)) ==
                 rd_test_gui_find_by_text (GTK_WIDGET (dialog), "_Export…"));
  g_assert_cmpuint (g_list_model_get_n_items (exhibits), ==, 2);
  if (g_getenv ("REDRESS_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("REDRESS_SCREENSHOT_DIR"), "export-options.png", NULL);
      rd_test_gui_save_screenshot (GTK_WIDGET (dialog), png);
    }
  /* Reordering moves the rows. */
  first = g_list_model_get_item (exhibits, 0);
  rd_export_dialog_move (dialog, 0, 1);
  {
    g_autoptr(RdEvidence) second = g_list_model_get_item (exhibits, 1);
    g_assert_true (second == first);
  }
  /* Alt+Up on the selected row moves it back up. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.move", "i", -1);
  {
    g_autoptr(RdEvidence) top = g_list_model_get_item (exhibits, 0);
    g_assert_true (top == first);
  }
  /* Leave the photo out. */
  for (guint i = 0; i < g_list_model_get_n_items (exhibits); i++)
    {
      g_autoptr(RdEvidence) ev = g_list_model_get_item (exhibits, i);
      if (rd_evidence_get_kind (ev) == RD_EVIDENCE_KIND_PHOTO)
        rd_export_dialog_set_included (dialog, i, FALSE);
    }

  rd_export_dialog_export_to (dialog, f->out);
  g_assert_cmpstr (rd_export_dialog_get_state (dialog), ==, "progress");
  g_idle_add_full (G_PRIORITY_HIGH, loop_ran_cb, dialog, NULL);
  g_object_set_data (G_OBJECT (dialog), "want", (gpointer) "done");
  g_assert_true (rd_test_gui_wait_until (is_state, dialog, 60000));
  /* The main loop kept running while the worker made the bundle (however
   * quickly it was made: no timing is assumed). */
  g_assert_true (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "loop-ran")));
  g_assert_null (rd_export_dialog_get_error (dialog));
  rd_fixture_assert_qpdf_check (f->out);
  {
    g_autofree char *text = rd_fixture_pdf_text (f->out);

    g_assert_nonnull (strstr (text, "GUILETTER page 3"));
    g_assert_nonnull (strstr (text, "letter.pdf"));
    g_assert_null (strstr (text, "door.jpg"));
  }
  /* A preview of the first pages is shown. */
  g_assert_nonnull (rd_test_gui_find_by_type (GTK_WIDGET (dialog), GTK_TYPE_PICTURE));
  if (g_getenv ("REDRESS_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("REDRESS_SCREENSHOT_DIR"), "export-done.png", NULL);
      rd_test_gui_wait_for_draw (GTK_WIDGET (dialog));
      rd_test_gui_save_screenshot (GTK_WIDGET (dialog), png);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_stop (Fixture       *f,
           gconstpointer  data)
{
  RdExportDialog *dialog = open_dialog (f);

  rd_export_dialog_export_to (dialog, f->out);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.stop", NULL);
  g_object_set_data (G_OBJECT (dialog), "want", (gpointer) "options");
  g_assert_true (rd_test_gui_wait_until (is_state, dialog, 60000));
  g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_from_window (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) windows = NULL;
  GtkWindow *found = NULL;

  /* No case open, nothing to export: Export Bundle is off. */
  g_assert_false (rd_gui_action_get_enabled (GTK_WIDGET (f->window), "win.export"));
  g_assert_true (rd_window_open_case (f->window, rd_case_get_id (f->rcase), &error));
  g_assert_no_error (error);
  g_assert_true (rd_gui_action_get_enabled (GTK_WIDGET (f->window), "win.export"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL);
  rd_test_gui_iterate ();
  windows = gtk_window_list_toplevels ();
  for (GList *l = windows; l != NULL; l = l->next)
    if (RD_IS_EXPORT_DIALOG (l->data))
      found = l->data;
  g_assert_nonnull (found);
  g_assert_true (gtk_window_get_transient_for (found) == GTK_WINDOW (f->window));
  g_assert_cmpuint (g_list_model_get_n_items (rd_export_dialog_get_exhibits (RD_EXPORT_DIALOG (found))), ==, 2);
  gtk_window_destroy (found);

  rd_window_close_case (f->window);
  g_assert_false (rd_gui_action_get_enabled (GTK_WIDGET (f->window), "win.export"));
}

static void
on_passwords_cb (GHashTable *passwords,
                 gpointer    data)
{
  GHashTable **out = data;

  *out = passwords != NULL ? g_hash_table_ref (passwords) : NULL;
  g_object_set_data (G_OBJECT (g_application_get_default ()), "answered", GINT_TO_POINTER (1));
}

static gboolean
answered (gpointer data)
{
  return g_object_get_data (G_OBJECT (g_application_get_default ()), "answered") != NULL;
}

/* A protected PDF: the assistant asks for its password (one row for it),
 * and with it the bundle has the PDF's pages, their text selectable. */
static void
test_password (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *plain = g_build_filename (f->dir, "survey-plain.pdf", NULL);
  g_autofree char *locked_pdf = g_build_filename (f->dir, "survey.pdf", NULL);
  RdExportDialog *dialog;
  g_autoptr(GPtrArray) locked = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GHashTable) passwords = NULL;
  g_autoptr(GList) windows = NULL;
  AdwMessageDialog *ask = NULL;
  GtkWidget *row;
  gint64 id;

  rd_fixture_text_pdf (plain, 2, "LOCKEDSURVEY", 595.276, 841.89);
  rd_fixture_encrypt_pdf (plain, locked_pdf, "user-secret");
  import (f, locked_pdf);
  dialog = open_dialog (f);

  locked = rd_export_dialog_dup_locked (dialog);
  g_assert_cmpuint (locked->len, ==, 1);
  id = rd_evidence_get_id (locked->pdata[0]);

  rd_export_ask_passwords (GTK_WINDOW (dialog), locked, on_passwords_cb, &passwords);
  rd_test_gui_iterate ();
  windows = gtk_window_list_toplevels ();
  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      ask = l->data;
  g_assert_nonnull (ask);
  row = rd_test_gui_find_by_type (GTK_WIDGET (ask), ADW_TYPE_PASSWORD_ENTRY_ROW);
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "user-secret");
  adw_message_dialog_response (ask, "continue");
  g_assert_true (rd_test_gui_wait_until (answered, NULL, 10000));
  g_assert_nonnull (passwords);
  g_assert_cmpstr (g_hash_table_lookup (passwords, &id), ==, "user-secret");

  rd_export_dialog_set_password (dialog, id, "user-secret");
  after = rd_export_dialog_dup_locked (dialog);
  g_assert_cmpuint (after->len, ==, 0);

  rd_export_dialog_export_to (dialog, f->out);
  g_object_set_data (G_OBJECT (dialog), "want", (gpointer) "done");
  g_assert_true (rd_test_gui_wait_until (is_state, dialog, 60000));
  g_assert_null (rd_export_dialog_get_error (dialog));
  rd_fixture_assert_qpdf_check (f->out);
  {
    g_autofree char *text = rd_fixture_pdf_text (f->out);

    g_assert_nonnull (strstr (text, "LOCKEDSURVEY page 2"));
    g_assert_null (strstr (text, "not included"));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
chronology_saved (gpointer data)
{
  return !rd_export_dialog_get_saving_chronology (data);
}

static void
assert_no_part_files (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".part"));
}

/* The chronology on its own, as .odt and CSV, anonymised when the switch is on. */
static void
test_chronology_files (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdParty) neighbour = rd_party_new ();
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GDateTime) when = g_date_time_new_local (2024, 10, 3, 23, 15, 0);
  g_autofree char *odt = g_build_filename (f->dir, "chronology.odt", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "chronology.csv", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "no-such-folder", "c.csv", NULL);
  g_autofree char *bytes = NULL;
  gsize len = 0;
  RdExportDialog *dialog;
  GtkWidget *anonymise;
  guint16 name_len, extra_len;

  rd_party_set_case_id (neighbour, rd_case_get_id (f->rcase));
  rd_party_set_name (neighbour, "Gary Pollard");
  rd_party_set_role (neighbour, RD_PARTY_NEIGHBOUR);
  rd_party_set_third_party (neighbour, TRUE);
  g_assert_true (rd_store_save_party (f->store, neighbour, &error));
  g_assert_no_error (error);
  rd_incident_set_case_id (incident, rd_case_get_id (f->rcase));
  rd_incident_set_starts_at (incident, when);
  rd_incident_set_category (incident, RD_CATEGORY_NOISE);
  rd_incident_set_description (incident, "Gary Pollard kicked the door. GUICHRON");
  g_assert_true (rd_store_save_incident (f->store, incident, NULL, &error));
  g_assert_no_error (error);

  dialog = open_dialog (f);
  g_assert_nonnull (rd_test_gui_find_by_id (GTK_WIDGET (dialog), "chronology_odt_row"));
  g_assert_nonnull (rd_test_gui_find_by_id (GTK_WIDGET (dialog), "chronology_csv_row"));
  g_assert_true (rd_gui_action_get_enabled (GTK_WIDGET (dialog), "export.chronology"));
  anonymise = rd_test_gui_find_by_id (GTK_WIDGET (dialog), "anonymise_switch");
  g_assert_nonnull (anonymise);
  gtk_switch_set_active (GTK_SWITCH (anonymise), TRUE);

  /* .odt: a zip whose first entry is "mimetype", stored, as OpenDocument requires. */
  rd_export_dialog_save_chronology (dialog, RD_CHRONOLOGY_FILE_ODT, odt);
  g_assert_true (rd_export_dialog_get_saving_chronology (dialog));
  g_assert_true (rd_test_gui_wait_until (chronology_saved, dialog, 30000));
  g_assert_null (rd_export_dialog_get_error (dialog));
  g_assert_true (g_file_get_contents (odt, &bytes, &len, NULL));
  g_assert_cmpuint (len, >, 30);
  g_assert_cmpmem (bytes, 4, "PK\x03\x04", 4);
  name_len = (guint8) bytes[26] | ((guint8) bytes[27] << 8);
  extra_len = (guint8) bytes[28] | ((guint8) bytes[29] << 8);
  g_assert_cmpuint (name_len, ==, 8);
  g_assert_cmpmem (bytes + 30, 8, "mimetype", 8);
  g_assert_cmpuint (len, >, 30u + name_len + extra_len + 39);
  g_assert_cmpmem (bytes + 30 + name_len + extra_len, 39, "application/vnd.oasis.opendocument.text", 39);
  g_clear_pointer (&bytes, g_free);

  /* CSV: a header row, then the entry, anonymised. */
  rd_export_dialog_save_chronology (dialog, RD_CHRONOLOGY_FILE_CSV, csv);
  g_assert_true (rd_test_gui_wait_until (chronology_saved, dialog, 30000));
  g_assert_null (rd_export_dialog_get_error (dialog));
  g_assert_true (g_file_get_contents (csv, &bytes, NULL, NULL));
  g_assert_true (g_str_has_prefix (bytes, "\xEF\xBB\xBF\"No.\",\"Date\",\"Type\",\"What happened\""));
  g_assert_nonnull (strstr (bytes, "Neighbour A kicked the door. GUICHRON"));
  g_assert_null (strstr (bytes, "Pollard"));

  /* A folder that is not there: a plain error, and no file. */
  rd_export_dialog_save_chronology (dialog, RD_CHRONOLOGY_FILE_CSV, nowhere);
  g_assert_true (rd_test_gui_wait_until (chronology_saved, dialog, 30000));
  g_assert_nonnull (rd_export_dialog_get_error (dialog));
  g_assert_nonnull (strstr (rd_export_dialog_get_error (dialog), "could not write the chronology"));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  assert_no_part_files (f);
  g_assert_true (rd_gui_action_get_enabled (GTK_WIDGET (dialog), "export.chronology"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/*
 * A stand-in for the desktop's file manager, owning its well-known name on
 * the test's own session bus (run-gui-test.sh starts one per test), so the
 * test sees exactly what Open Folder asks for.
 */
static const char file_manager_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.FileManager1'>"
  "    <method name='ShowItems'>"
  "      <arg type='as' name='URIs' direction='in'/>"
  "      <arg type='s' name='StartupId' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

typedef struct {
  GPtrArray *uris;      /* every URI ShowItems was given */
  gboolean   owned;
} FakeFileManager;

static void
fake_file_manager_method_cb (GDBusConnection       *connection,
                             const char            *sender,
                             const char            *object_path,
                             const char            *interface_name,
                             const char            *method_name,
                             GVariant              *parameters,
                             GDBusMethodInvocation *invocation,
                             gpointer               user_data)
{
  FakeFileManager *fm = user_data;
  g_autofree const char **uris = NULL;
  const char *startup_id;

  g_assert_cmpstr (method_name, ==, "ShowItems");
  g_variant_get (parameters, "(^a&s&s)", &uris, &startup_id);
  for (guint i = 0; uris[i] != NULL; i++)
    g_ptr_array_add (fm->uris, g_strdup (uris[i]));
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
on_name_acquired_cb (GDBusConnection *connection,
                     const char      *name,
                     gpointer         user_data)
{
  ((FakeFileManager *) user_data)->owned = TRUE;
}

static gboolean
fake_owned (gpointer data)
{
  return ((FakeFileManager *) data)->owned;
}

static gboolean
fake_called (gpointer data)
{
  return ((FakeFileManager *) data)->uris->len > 0;
}

/* The done page names the folder, and Open Folder asks the file manager
 * to show the bundle itself. */
static void
test_open_folder (Fixture       *f,
                  gconstpointer  data)
{
  static const GDBusInterfaceVTable vtable = { fake_file_manager_method_cb, NULL, NULL };
  FakeFileManager fm = { g_ptr_array_new_with_free_func (g_free), FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr(GDBusNodeInfo) node = g_dbus_node_info_new_for_xml (file_manager_xml, &error);
  g_autofree char *uri = g_filename_to_uri (f->out, NULL, NULL);
  g_autofree char *folder = g_path_get_dirname (f->out);
  RdExportDialog *dialog = open_dialog (f);
  GtkWidget *button, *label;
  guint registration, owner;

  g_assert_no_error (error);
  registration = g_dbus_connection_register_object (bus, "/org/freedesktop/FileManager1",
                                                    node->interfaces[0], &vtable, &fm, NULL, &error);
  g_assert_no_error (error);
  owner = g_bus_own_name_on_connection (bus, "org.freedesktop.FileManager1", G_BUS_NAME_OWNER_FLAGS_NONE,
                                        on_name_acquired_cb, NULL, &fm, NULL);
  g_assert_true (rd_test_gui_wait_until (fake_owned, &fm, 10000));

  rd_export_dialog_export_to (dialog, f->out);
  g_object_set_data (G_OBJECT (dialog), "want", (gpointer) "done");
  g_assert_true (rd_test_gui_wait_until (is_state, dialog, 60000));

  label = rd_test_gui_find_by_id (GTK_WIDGET (dialog), "folder_label");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), folder));

  button = rd_test_gui_find_by_id (GTK_WIDGET (dialog), "open_folder_button");
  g_assert_nonnull (button);
  rd_test_gui_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  rd_test_gui_check_name (button, "Open Folder");

  g_signal_emit_by_name (button, "clicked");
  g_assert_true (rd_test_gui_wait_until (fake_called, &fm, 10000));
  g_assert_cmpuint (fm.uris->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fm.uris, 0), ==, uri);

  g_bus_unown_name (owner);
  g_dbus_connection_unregister_object (bus, registration);
  g_ptr_array_unref (fm.uris);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
failing_file_manager_method_cb (GDBusConnection       *connection,
                                const char            *sender,
                                const char            *object_path,
                                const char            *interface_name,
                                const char            *method_name,
                                GVariant              *parameters,
                                GDBusMethodInvocation *invocation,
                                gpointer               user_data)
{
  FakeFileManager *fm = user_data;

  g_ptr_array_add (fm->uris, g_strdup (method_name));
  g_dbus_method_invocation_return_error_literal (invocation, G_DBUS_ERROR, G_DBUS_ERROR_FAILED, "No");
}

/* libadwaita 1.2 draws a toast as an AdwToastWidget inside the overlay. */
static gboolean
shows_toast (GtkWidget *widget)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget"))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_toast (child))
      return TRUE;
  return FALSE;
}

static gboolean
toast_shown (gpointer data)
{
  return shows_toast (GTK_WIDGET (data));
}

/* With neither a file manager nor a program that opens folders, Open
 * Folder says so in a toast: it said nothing at all, since the dialog
 * looked for its toast overlay above itself (issue 15, seen again). */
static void
test_open_folder_without_file_manager (Fixture       *f,
                                       gconstpointer  data)
{
  static const GDBusInterfaceVTable vtable = { failing_file_manager_method_cb, NULL, NULL };
  FakeFileManager fm = { g_ptr_array_new_with_free_func (g_free), FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GDBusNodeInfo) node = NULL;
  g_autoptr(GAppInfo) folders = g_app_info_get_default_for_type ("inode/directory", FALSE);
  RdExportDialog *dialog;
  guint registration, owner;

  if (folders != NULL)
    {
      g_test_skip ("a program on this computer opens folders");
      g_ptr_array_unref (fm.uris);
      return;
    }
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  node = g_dbus_node_info_new_for_xml (file_manager_xml, &error);
  g_assert_no_error (error);
  registration = g_dbus_connection_register_object (bus, "/org/freedesktop/FileManager1",
                                                    node->interfaces[0], &vtable, &fm, NULL, &error);
  g_assert_no_error (error);
  owner = g_bus_own_name_on_connection (bus, "org.freedesktop.FileManager1", G_BUS_NAME_OWNER_FLAGS_NONE,
                                        on_name_acquired_cb, NULL, &fm, NULL);
  g_assert_true (rd_test_gui_wait_until (fake_owned, &fm, 10000));

  dialog = open_dialog (f);
  rd_export_dialog_export_to (dialog, f->out);
  g_object_set_data (G_OBJECT (dialog), "want", (gpointer) "done");
  g_assert_true (rd_test_gui_wait_until (is_state, dialog, 60000));
  g_assert_false (shows_toast (GTK_WIDGET (dialog)));

  g_signal_emit_by_name (rd_test_gui_find_by_id (GTK_WIDGET (dialog), "open_folder_button"), "clicked");
  g_assert_true (rd_test_gui_wait_until (fake_called, &fm, 10000));
  g_assert_true (rd_test_gui_wait_until (toast_shown, dialog, 10000));

  g_bus_unown_name (owner);
  g_dbus_connection_unregister_object (bus, registration);
  g_ptr_array_unref (fm.uris);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Anonymised, a photo whose words were never read cannot be checked for
 * names: it is named before the bundle is made, and Go Back makes nothing. */
static void
test_unchecked (Fixture       *f,
                gconstpointer  data)
{
  RdExportDialog *dialog = open_dialog (f);
  GtkWidget *anonymise = rd_test_gui_find_by_id (GTK_WIDGET (dialog), "anonymise_switch");
  g_autoptr(GArray) unchecked = rd_export_dialog_dup_unchecked (dialog);
  AdwMessageDialog *ask = NULL;
  GListModel *toplevels;

  /* Not anonymised: nothing to check. */
  g_assert_cmpuint (unchecked->len, ==, 0);
  g_clear_pointer (&unchecked, g_array_unref);

  gtk_switch_set_active (GTK_SWITCH (anonymise), TRUE);
  unchecked = rd_export_dialog_dup_unchecked (dialog);
  /* The photo (exhibit 2), not the PDF, which has text of its own. */
  g_assert_cmpuint (unchecked->len, ==, 1);
  g_assert_cmpint (g_array_index (unchecked, gint64, 0), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.save", NULL);
  rd_test_gui_iterate ();
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && ask == NULL; i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) &&
          gtk_window_get_transient_for (GTK_WINDOW (w)) == GTK_WINDOW (dialog))
        ask = ADW_MESSAGE_DIALOG (w);
    }
  g_assert_nonnull (ask);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ask), "blacked out: 2."));
  adw_message_dialog_response (ask, "cancel");
  gtk_window_destroy (GTK_WINDOW (ask));
  rd_test_gui_iterate ();
  g_assert_cmpstr (rd_export_dialog_get_state (dialog), ==, "options");
  g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test context keeps accessible names where the test can read
   * them, without an accessibility bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  rd_test_gui_init (&argc, &argv);

  g_test_add ("/export-dialog/export", Fixture, NULL, fixture_setup, test_export, fixture_teardown);
  g_test_add ("/export-dialog/chronology-files", Fixture, NULL, fixture_setup, test_chronology_files,
              fixture_teardown);
  g_test_add ("/export-dialog/stop", Fixture, NULL, fixture_setup, test_stop, fixture_teardown);
  g_test_add ("/export-dialog/from-window", Fixture, NULL, fixture_setup, test_from_window,
              fixture_teardown);
  g_test_add ("/export-dialog/password", Fixture, NULL, fixture_setup, test_password, fixture_teardown);
  g_test_add ("/export-dialog/open-folder", Fixture, NULL, fixture_setup, test_open_folder,
              fixture_teardown);
  g_test_add ("/export-dialog/open-folder-without-file-manager", Fixture, NULL, fixture_setup,
              test_open_folder_without_file_manager, fixture_teardown);
  g_test_add ("/export-dialog/unchecked", Fixture, NULL, fixture_setup, test_unchecked,
              fixture_teardown);
  return g_test_run ();
}
