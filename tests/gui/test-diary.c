/* test-diary.c: writing diary entries through the editor, finding them again,
 * validation, search and filter, history and deleting.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "rd-application.h"
#include "rd-date-time-picker.h"
#include "rd-diary-item.h"
#include "rd-diary-page.h"
#include "rd-history-dialog.h"
#include "rd-incident-editor.h"
#include "rd-incident-row.h"
#include "rd-window.h"
#include "rd-test-gui.h"

typedef struct {
  char          *dir;
  RdApplication *app;
  RdWindow      *window;
  RdDiaryPage   *page;
  gint64         case_id;
} Fixture;

static void
open_window (Fixture *f)
{
  f->window = rd_test_gui_window_new (f->app, 0, 0);
  f->page = RD_DIARY_PAGE (rd_window_get_page (f->window, "diary"));
  g_assert_nonnull (f->page);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  store = rd_store_open (f->dir, &error);
  g_assert_no_error (error);
  if (data != NULL)
    f->case_id = rd_sample_ensure (store, &error);
  else
    {
      rd_case_set_title (rcase, "Noise upstairs");
      g_assert_true (rd_store_save_case (store, rcase, &error));
      f->case_id = rd_case_get_id (rcase);
    }
  g_assert_no_error (error);
  g_clear_object (&store);

  f->app = rd_test_gui_app_new (f->dir);
  open_window (f);
  g_assert_true (rd_window_open_case (f->window, f->case_id, NULL));
  /* A case opens on its dashboard; these tests are about the diary. */
  rd_window_show_page (f->window, "diary");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rd_test_gui_close_app (&f->app, &f->dir);
}

static GtkWidget *
child (Fixture    *f,
       const char *id)
{
  return rd_test_gui_child (GTK_WIDGET (f->page), id);
}

static RdIncidentEditor *
editor (Fixture *f)
{
  return RD_INCIDENT_EDITOR (child (f, "editor"));
}

static void
set_view_text (Fixture    *f,
               const char *id,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (f, id))), text, -1);
}

static RdStore *
store (Fixture *f)
{
  return rd_application_get_store (f->app);
}

static RdIncident *
stored_incident (Fixture *f,
                 gint64   id)
{
  return rd_test_gui_stored_incident (store (f), id);
}

static GDateTime *
local_datetime (const char *text)
{
  GDateTime *dt = rd_datetime_parse_local (text, NULL);

  g_assert_nonnull (dt);
  return dt;
}

static gboolean
revealed (GtkWidget *revealer)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

static gboolean
diary_read (gpointer data)
{
  Fixture *f = data;

  return !rd_diary_page_is_reading (f->page);
}

static void
test_write_close_reopen (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GDateTime) when = local_datetime ("2024-03-04T21:40");
  g_autoptr(RdIncident) stored = NULL;
  GListModel *entries;
  RdIncident *incident;
  gint64 id;

  /* A case with no entries says what to do, once they are read. */
  g_assert_true (rd_test_gui_wait_until (diary_read, f, 10000));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (f, "diary_stack"))), ==, "empty");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-incident", NULL);
  rd_test_gui_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (f, "diary_stack"))), ==, "diary");
  incident = rd_record_editor_get_record (RD_RECORD_EDITOR (editor (f)));
  g_assert_nonnull (incident);
  g_assert_cmpint (rd_incident_get_id (incident), ==, 0);
  g_object_ref (incident);

  rd_date_time_picker_set_date_time (RD_DATE_TIME_PICKER (child (f, "start_picker")), when);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "category_row")), RD_CATEGORY_HARASSMENT);
  gtk_editable_set_text (GTK_EDITABLE (child (f, "location_row")), "Stairwell, 2nd floor");
  set_view_text (f, "description_view", "Neighbour shouted threats at me on the stairs.\nIt lasted ten minutes.");
  set_view_text (f, "impact_view", "Frightened to leave the flat — ça va mal.");
  gtk_editable_set_text (GTK_EDITABLE (child (f, "people_row")), "Neighbour A (Flat 5)");
  gtk_editable_set_text (GTK_EDITABLE (child (f, "witnesses_row")), "Mrs K");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (f, "police_check")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (f, "council_check")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (child (f, "reference_row")), "CAD 1234/04MAR24");
  g_assert_true (rd_record_editor_has_pending_save (RD_RECORD_EDITOR (editor (f))));

  /* Closing the window writes it: there is no Save button to forget. */
  gtk_window_close (GTK_WINDOW (f->window));
  rd_test_gui_iterate ();
  id = rd_incident_get_id (incident);
  g_assert_cmpint (id, >, 0);
  g_object_unref (incident);

  stored = stored_incident (f, id);
  g_assert_true (g_date_time_equal (rd_incident_get_starts_at (stored), when));
  g_assert_cmpint (rd_incident_get_category (stored), ==, RD_CATEGORY_HARASSMENT);
  g_assert_cmpstr (rd_incident_get_location (stored), ==, "Stairwell, 2nd floor");
  g_assert_cmpstr (rd_incident_get_impact (stored), ==, "Frightened to leave the flat — ça va mal.");
  g_assert_cmpstr (rd_incident_get_witnesses (stored), ==, "Mrs K");
  g_assert_cmpint (rd_incident_get_reported_to (stored), ==, RD_REPORTED_POLICE | RD_REPORTED_COUNCIL);
  g_assert_cmpstr (rd_incident_get_reference (stored), ==, "CAD 1234/04MAR24");

  /* A new window on the same folder opens the case and lists the entry. */
  open_window (f);
  g_assert_cmpint (rd_case_get_id (rd_window_get_case (f->window)), ==, f->case_id);
  entries = rd_diary_page_get_entries (f->page);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  {
    g_autoptr(RdDiaryItem) listed = g_list_model_get_item (entries, 0);
    RdIncident *opened = rd_record_editor_get_record (RD_RECORD_EDITOR (editor (f)));

    g_assert_cmpint (rd_diary_item_get_id (listed), ==, id);
    /* The list keeps what its rows show; the editor has the whole entry. */
    g_assert_cmpstr (rd_diary_item_get_summary (listed), ==, "Neighbour shouted threats at me on the stairs.");
    g_assert_cmpint (rd_incident_get_id (opened), ==, id);
    g_assert_cmpstr (rd_incident_get_people (opened), ==, "Neighbour A (Flat 5)");
  }
  rd_test_gui_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_nonnull (rd_test_gui_find_by_text (child (f, "diary_list"),
                                              "Neighbour shouted threats at me on the stairs."));
  g_assert_nonnull (rd_test_gui_find_by_text (child (f, "diary_list"), "Mon 4 Mar 2024, 21:40"));
  g_assert_nonnull (rd_test_gui_find_by_text (child (f, "diary_list"), "Police"));
  g_assert_nonnull (rd_test_gui_find_by_text (child (f, "diary_list"), "CAD 1234/04MAR24"));

  /* The editor shows when it was first written. */
  g_assert_cmpint (rd_incident_get_id (rd_record_editor_get_record (RD_RECORD_EDITOR (editor (f)))), ==, id);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child (f, "provenance_label"))),
                                   "First written "));
}

static gboolean
stored_description_is (gpointer data)
{
  gpointer *args = data;
  Fixture *f = args[0];
  RdIncident *incident = args[1];
  g_autoptr(RdIncident) stored = NULL;

  if (rd_incident_get_id (incident) == 0)
    return FALSE;
  stored = rd_store_get_incident (store (f), rd_incident_get_id (incident), NULL);
  return stored != NULL && g_strcmp0 (rd_incident_get_description (stored), args[2]) == 0;
}

static void
test_autosave (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GListModel) revisions = NULL;
  RdIncident *incident;
  gpointer args[3];
  gint64 start;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-incident", NULL);
  incident = rd_record_editor_get_record (RD_RECORD_EDITOR (editor (f)));
  set_view_text (f, "description_view", "Music until 3am");

  /* Nothing is written while typing, then it is, on its own. */
  g_assert_cmpint (rd_incident_get_id (incident), ==, 0);
  args[0] = f;
  args[1] = incident;
  args[2] = "Music until 3am";
  start = g_get_monotonic_time ();
  g_assert_true (rd_test_gui_wait_until (stored_description_is, args, 5000));
  g_assert_cmpint (g_get_monotonic_time () - start, >=, (RD_INCIDENT_EDITOR_SAVE_DELAY_MS - 50) * 1000);
  g_assert_false (rd_record_editor_has_pending_save (RD_RECORD_EDITOR (editor (f))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f, "status_label"))), ==, "Saved");

  /* More typing in the same sitting extends the same revision. */
  set_view_text (f, "description_view", "Music until 4am");
  args[2] = "Music until 4am";
  g_assert_true (rd_test_gui_wait_until (stored_description_is, args, 5000));
  revisions = rd_store_list_incident_revisions (store (f), rd_incident_get_id (incident), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, 1);
}

static void
test_untouched_new_entry_dropped (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GListModel) stored = NULL;
  GListModel *entries = rd_diary_page_get_entries (f->page);
  guint before = g_list_model_get_n_items (entries);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "diary.new-entry", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, before + 1);
  /* Choosing another entry without writing anything drops the new one. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (child (f, "diary_list")))), 1);
  rd_test_gui_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, before);
  stored = rd_store_list_incidents (store (f), f->case_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, before);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) start = local_datetime ("2024-05-01T22:00");
  g_autoptr(GDateTime) now = local_datetime ("2024-06-03T12:00");
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) before = local_datetime ("2024-05-01T21:00");
  g_autoptr(GDateTime) after = local_datetime ("2024-05-02T01:30");
  g_autoptr(RdIncident) stored = NULL;
  GtkWidget *revealer, *label;
  RdIncident *incident;

  rd_clock_set_fixed (rd_application_get_clock (f->app), now);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-incident", NULL);
  incident = rd_record_editor_get_record (RD_RECORD_EDITOR (editor (f)));
  revealer = child (f, "date_error_revealer");
  label = child (f, "date_error_label");
  rd_date_time_picker_set_date_time (RD_DATE_TIME_PICKER (child (f, "start_picker")), start);
  set_view_text (f, "description_view", "Banging on the wall");
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));
  g_assert_false (revealed (revealer));

  /* A start in the future is explained and not saved; other fields are. */
  rd_date_time_picker_set_date_time (RD_DATE_TIME_PICKER (child (f, "start_picker")), tomorrow);
  g_assert_true (revealed (revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "future"));
  set_view_text (f, "description_view", "Banging on the wall again");
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));
  stored = stored_incident (f, rd_incident_get_id (incident));
  g_assert_true (g_date_time_equal (rd_incident_get_starts_at (stored), start));
  g_assert_cmpstr (rd_incident_get_description (stored), ==, "Banging on the wall again");
  g_clear_object (&stored);

  /* Back in the past, the message goes. */
  rd_date_time_picker_set_date_time (RD_DATE_TIME_PICKER (child (f, "start_picker")), start);
  g_assert_false (revealed (revealer));

  /* An end before the start is explained and not saved. */
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (child (f, "end_expander")), TRUE);
  rd_date_time_picker_set_date_time (RD_DATE_TIME_PICKER (child (f, "end_picker")), before);
  g_assert_true (revealed (revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "ends before it starts"));
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));
  stored = stored_incident (f, rd_incident_get_id (incident));
  g_assert_null (rd_incident_get_ends_at (stored));
  g_clear_object (&stored);

  /* Through the time buttons, as a person would: 01:30 the next day. */
  rd_date_time_picker_set_date_time (RD_DATE_TIME_PICKER (child (f, "end_picker")), after);
  g_assert_false (revealed (revealer));
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));
  stored = stored_incident (f, rd_incident_get_id (incident));
  g_assert_true (g_date_time_equal (rd_incident_get_ends_at (stored), after));
}

static void
test_time_spin_buttons (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GDateTime) start = local_datetime ("2024-05-01T22:00");
  g_autoptr(RdIncident) stored = NULL;
  GtkWidget *picker, *hour, *minute;
  RdIncident *incident;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-incident", NULL);
  incident = rd_record_editor_get_record (RD_RECORD_EDITOR (editor (f)));
  picker = child (f, "start_picker");
  rd_date_time_picker_set_date_time (RD_DATE_TIME_PICKER (picker), start);

  hour = rd_test_gui_find_by_id (picker, "hour_spin");
  minute = rd_test_gui_find_by_id (picker, "minute_spin");
  if (hour == NULL)
    {
      /* The spin buttons live in the time popover. */
      GtkWidget *button = rd_test_gui_find_by_id (picker, "time_button");
      GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));

      hour = rd_test_gui_find_by_id (popover, "hour_spin");
      minute = rd_test_gui_find_by_id (popover, "minute_spin");
    }
  g_assert_nonnull (hour);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hour), 7);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (minute), 5);
  g_assert_nonnull (rd_test_gui_find_by_text (picker, "07:05"));
  g_assert_nonnull (rd_test_gui_find_by_text (picker, "Wednesday 1 May 2024"));
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));
  stored = stored_incident (f, rd_incident_get_id (incident));
  g_assert_cmpint (g_date_time_get_hour (rd_incident_get_starts_at (stored)), ==, 7);
  g_assert_cmpint (g_date_time_get_minute (rd_incident_get_starts_at (stored)), ==, 5);
}

/*
 * Turning on "It went on for a while" after changing the start must not
 * offer (and silently keep) an end at the moment the entry was made: the
 * end starts where the entry starts, for the resident to move on.
 */
static void
test_end_follows_start (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GDateTime) start = local_datetime ("2024-05-01T22:00");
  g_autoptr(RdIncident) stored = NULL;
  RdIncident *incident;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-incident", NULL);
  incident = rd_record_editor_get_record (RD_RECORD_EDITOR (editor (f)));
  set_view_text (f, "description_view", "Shouting on the landing");
  rd_date_time_picker_set_date_time (RD_DATE_TIME_PICKER (child (f, "start_picker")), start);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (child (f, "end_expander")), TRUE);
  g_assert_true (g_date_time_equal (rd_date_time_picker_get_date_time (RD_DATE_TIME_PICKER (child (f, "end_picker"))),
                                    start));
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));
  stored = stored_incident (f, rd_incident_get_id (incident));
  g_assert_true (g_date_time_equal (rd_incident_get_ends_at (stored), start));
}

/* "Reported to the landlord on": the day shows its weekday, is saved, and
 * the rows about what the landlord made of it follow the category. */
static void
test_report_date (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) start = local_datetime ("2024-05-01T22:00");
  g_autoptr(GDateTime) reported = local_datetime ("2024-05-02T09:30");
  g_autoptr(GDateTime) fixed_now = local_datetime ("2024-06-03T12:00");
  g_autoptr(RdIncident) stored = NULL;
  g_autoptr(RdIncident) again = NULL;
  g_autofree char *day = NULL;
  GtkWidget *picker;
  RdIncident *incident;

  rd_clock_set_fixed (rd_application_get_clock (f->app), fixed_now);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-incident", NULL);
  incident = rd_record_editor_get_record (RD_RECORD_EDITOR (editor (f)));
  set_view_text (f, "description_view", "Music through the wall until 3am");
  rd_date_time_picker_set_date_time (RD_DATE_TIME_PICKER (child (f, "start_picker")), start);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "category_row")), RD_CATEGORY_NOISE);

  /* Noise is anti-social behaviour: the risk level shows, the repair rows do not. */
  g_assert_true (gtk_widget_get_visible (child (f, "risk_row")));
  g_assert_false (gtk_widget_get_visible (child (f, "priority_row")));
  g_assert_false (gtk_widget_get_visible (child (f, "hazard_row")));

  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (child (f, "report_expander")), TRUE);
  picker = child (f, "report_picker");
  rd_date_time_picker_set_date_time (RD_DATE_TIME_PICKER (picker), reported);
  g_assert_nonnull (rd_test_gui_find_by_text (picker, "Thursday 2 May 2024"));
  g_assert_false (rd_date_time_picker_get_show_time (RD_DATE_TIME_PICKER (picker)));
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "risk_row")), 1);   /* High risk */
  /* Saying when the landlord heard of it ticks "Landlord". */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (child (f, "landlord_check"))));

  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));
  stored = stored_incident (f, rd_incident_get_id (incident));
  day = rd_date_to_iso (rd_incident_get_landlord_reported_on (stored));
  g_assert_cmpstr (day, ==, "2024-05-02");
  g_assert_cmpint (rd_incident_get_landlord_reported_minute (stored), ==, -1);
  g_assert_cmpint (rd_incident_get_asb_risk (stored), ==, RD_ASB_RISK_HIGH);
  g_assert_true (rd_incident_get_reported_to (stored) & RD_REPORTED_LANDLORD);

  /* With the time, and as disrepair with a priority and a hazard. */
  gtk_switch_set_active (GTK_SWITCH (child (f, "report_time_switch")), TRUE);
  g_assert_true (rd_date_time_picker_get_show_time (RD_DATE_TIME_PICKER (picker)));
  rd_date_time_picker_set_date_time (RD_DATE_TIME_PICKER (picker), reported);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "category_row")), RD_CATEGORY_DISREPAIR);
  g_assert_false (gtk_widget_get_visible (child (f, "risk_row")));
  g_assert_true (gtk_widget_get_visible (child (f, "priority_row")));
  g_assert_true (gtk_widget_get_visible (child (f, "hazard_row")));
  gtk_editable_set_text (GTK_EDITABLE (child (f, "priority_row")), "urgent ");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "hazard_row")), 2);  /* damp and mould */
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));
  again = stored_incident (f, rd_incident_get_id (incident));
  g_assert_cmpint (rd_incident_get_landlord_reported_minute (again), ==, 9 * 60 + 30);
  g_assert_cmpstr (rd_incident_get_repair_priority (again), ==, "urgent");
  g_assert_cmpint (rd_incident_get_hazard (again), ==, RD_HAZARD_SIGNIFICANT);
  /* The risk level picked while it was noise is not kept on disrepair. */
  g_assert_cmpint (rd_incident_get_asb_risk (again), ==, RD_ASB_RISK_N_LEVELS);

  /* A report in the future is explained and never written. */
  {
    g_autoptr(GDateTime) now = rd_clock_dup_now (rd_application_get_clock (f->app));
    g_autoptr(GDateTime) later = g_date_time_add_days (now, 3);
    g_autoptr(RdIncident) kept = NULL;

    rd_date_time_picker_set_date_time (RD_DATE_TIME_PICKER (picker), later);
    g_assert_true (revealed (child (f, "report_error_revealer")));
    g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));
    kept = stored_incident (f, rd_incident_get_id (incident));
    g_assert_cmpint (rd_incident_get_landlord_reported_minute (kept), ==, 9 * 60 + 30);
  }

  /* Switching it off forgets the day. */
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (child (f, "report_expander")), FALSE);
  g_assert_false (revealed (child (f, "report_error_revealer")));
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));
  g_clear_object (&again);
  again = stored_incident (f, rd_incident_get_id (incident));
  g_assert_null (rd_incident_get_landlord_reported_on (again));
}

/* The landlord's steps on a repair: a row each, shown for disrepair only,
 * saved with their days, refused before the report. */
static void
test_landlord_steps (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GDateTime) start = local_datetime ("2025-11-01T08:00");
  g_autoptr(GDateTime) reported = local_datetime ("2025-11-03T09:00");
  g_autoptr(GDateTime) repaired = local_datetime ("2025-11-12T00:00");
  g_autoptr(GDateTime) too_early = local_datetime ("2025-11-02T00:00");
  g_autoptr(RdIncident) stored = NULL;
  g_autoptr(RdIncident) kept = NULL;
  g_autofree char *key = NULL;
  GtkWidget *title, *row, *toggle, *picker;
  RdIncident *incident;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-incident", NULL);
  incident = rd_record_editor_get_record (RD_RECORD_EDITOR (editor (f)));
  set_view_text (f, "description_view", "Boiler broken, no hot water");
  rd_date_time_picker_set_date_time (RD_DATE_TIME_PICKER (child (f, "start_picker")), start);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "category_row")), RD_CATEGORY_NOISE);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (child (f, "report_expander")), TRUE);
  rd_date_time_picker_set_date_time (RD_DATE_TIME_PICKER (child (f, "report_picker")), reported);

  title = rd_test_gui_find_by_text (GTK_WIDGET (editor (f)), "Repair completed");
  g_assert_nonnull (title);
  row = gtk_widget_get_ancestor (title, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_visible (row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (f, "category_row")), RD_CATEGORY_DISREPAIR);
  g_assert_true (gtk_widget_get_visible (row));

  toggle = rd_test_gui_find_by_type (row, GTK_TYPE_SWITCH);
  picker = rd_test_gui_find_by_type (row, RD_TYPE_DATE_TIME_PICKER);
  g_assert_false (gtk_widget_get_sensitive (picker));
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_true (gtk_widget_get_sensitive (picker));
  rd_date_time_picker_set_date_time (RD_DATE_TIME_PICKER (picker), repaired);
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));
  stored = stored_incident (f, rd_incident_get_id (incident));
  key = rd_landlord_steps_to_key (rd_incident_get_landlord_steps (stored));
  g_assert_cmpstr (key, ==, "repaired=2025-11-12");

  /* Before the report: explained, and the saved day stays. */
  rd_date_time_picker_set_date_time (RD_DATE_TIME_PICKER (picker), too_early);
  g_assert_true (revealed (child (f, "report_error_revealer")));
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));
  kept = stored_incident (f, rd_incident_get_id (incident));
  g_assert_true (rd_landlord_steps_equal (rd_incident_get_landlord_steps (kept),
                                          rd_incident_get_landlord_steps (stored)));
}

static gboolean
no_windows (gpointer data)
{
  return gtk_application_get_windows (GTK_APPLICATION (data)) == NULL;
}

/*
 * Logging out or shutting down ends Redress with SIGTERM: what was typed a
 * moment before is written first, as when the window is closed.
 */
static void
test_terminate_writes (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RdIncident) stored = NULL;
  RdIncident *incident;
  gint64 id;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-incident", NULL);
  incident = g_object_ref (rd_record_editor_get_record (RD_RECORD_EDITOR (editor (f))));
  set_view_text (f, "description_view", "Typed just before the computer shut down");
  g_assert_true (rd_record_editor_has_pending_save (RD_RECORD_EDITOR (editor (f))));

  raise (SIGTERM);
  g_assert_true (rd_test_gui_wait_until (no_windows, f->app, 5000));
  id = rd_incident_get_id (incident);
  g_object_unref (incident);
  g_assert_cmpint (id, >, 0);
  stored = stored_incident (f, id);
  g_assert_cmpstr (rd_incident_get_description (stored), ==, "Typed just before the computer shut down");
}

static gboolean
entries_count_is (gpointer data)
{
  gpointer *args = data;

  return g_list_model_get_n_items (args[0]) == GPOINTER_TO_UINT (args[1]);
}

static void
test_search_and_filter (Fixture       *f,
                        gconstpointer  data)
{
  GListModel *entries = rd_diary_page_get_entries (f->page);
  guint all = g_list_model_get_n_items (entries);
  GtkWidget *search_entry = child (f, "diary_search_entry");
  GtkWidget *dropdown = child (f, "category_dropdown");
  gpointer args[2] = { entries, NULL };

  g_assert_cmpuint (all, >=, 10);

  /* Ctrl+F's action opens the search bar. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find", NULL);
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (child (f, "search_bar"))));

  gtk_editable_set_text (GTK_EDITABLE (search_entry), "PUSHCHAIR");
  args[1] = GUINT_TO_POINTER (1);
  g_assert_true (rd_test_gui_wait_until (entries_count_is, args, 3000));

  /* Search reaches reference numbers too. */
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "CR/00");
  args[1] = GUINT_TO_POINTER (3);
  g_assert_true (rd_test_gui_wait_until (entries_count_is, args, 3000));

  gtk_editable_set_text (GTK_EDITABLE (search_entry), "no such words anywhere");
  args[1] = GUINT_TO_POINTER (0);
  g_assert_true (rd_test_gui_wait_until (entries_count_is, args, 3000));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (f, "list_stack"))), ==,
                   "no-results");

  gtk_editable_set_text (GTK_EDITABLE (search_entry), "");
  args[1] = GUINT_TO_POINTER (all);
  g_assert_true (rd_test_gui_wait_until (entries_count_is, args, 3000));

  /* The category filter narrows the list to one kind. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1 + RD_CATEGORY_DAMAGE);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RdDiaryItem) item = g_list_model_get_item (entries, i);
      g_assert_cmpint (rd_diary_item_get_category (item), ==, RD_CATEGORY_DAMAGE);
    }

  /* Both at once. */
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "door");
  args[1] = GUINT_TO_POINTER (1);
  g_assert_true (rd_test_gui_wait_until (entries_count_is, args, 3000));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "");
  args[1] = GUINT_TO_POINTER (all);
  g_assert_true (rd_test_gui_wait_until (entries_count_is, args, 3000));

  /* Newest first. */
  for (guint i = 1; i < all; i++)
    {
      g_autoptr(RdDiaryItem) newer = g_list_model_get_item (entries, i - 1);
      g_autoptr(RdDiaryItem) older = g_list_model_get_item (entries, i);

      g_assert_cmpint (rd_diary_item_get_starts (newer), >=, rd_diary_item_get_starts (older));
    }
}

/* A search that hides the entry being read, then is cleared (Escape), gives
 * the same entry back rather than an empty editor. */
static void
test_search_keeps_entry (Fixture       *f,
                         gconstpointer  data)
{
  GListModel *entries = rd_diary_page_get_entries (f->page);
  guint all = g_list_model_get_n_items (entries);
  GtkWidget *search_entry = child (f, "diary_search_entry");
  GtkSingleSelection *selection =
    GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (child (f, "diary_list"))));
  gpointer args[2] = { entries, NULL };
  g_autoptr(RdDiaryItem) reading = NULL;

  gtk_single_selection_set_selected (selection, 2);
  rd_test_gui_iterate ();
  reading = g_object_ref (gtk_single_selection_get_selected_item (selection));
  g_assert_cmpint (rd_incident_get_id (rd_record_editor_get_record (RD_RECORD_EDITOR (editor (f)))), ==,
                   rd_diary_item_get_id (reading));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find", NULL);
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "no such words anywhere");
  args[1] = GUINT_TO_POINTER (0);
  g_assert_true (rd_test_gui_wait_until (entries_count_is, args, 3000));

  gtk_editable_set_text (GTK_EDITABLE (search_entry), "");
  args[1] = GUINT_TO_POINTER (all);
  g_assert_true (rd_test_gui_wait_until (entries_count_is, args, 3000));
  rd_test_gui_iterate ();
  g_assert_cmpint (rd_incident_get_id (rd_record_editor_get_record (RD_RECORD_EDITOR (editor (f)))), ==,
                   rd_diary_item_get_id (reading));
  g_assert_true (gtk_single_selection_get_selected_item (selection) == (gpointer) reading);
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  *count += removed + added;
}

static GtkSingleSelection *
diary_selection (Fixture *f)
{
  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (child (f, "diary_list"))));
}

/*
 * An entry found by a search is read whole into the editor, written as it
 * is typed, and its row follows without the list changing; a new date
 * moves that row alone, and the entry stays open.
 */
static void
test_edit_after_search (Fixture       *f,
                        gconstpointer  data)
{
  GListModel *entries = rd_diary_page_get_entries (f->page);
  GtkSingleSelection *selection = diary_selection (f);
  g_autoptr(GDateTime) earlier = local_datetime ("2019-06-01T12:00");
  g_autoptr(RdDiaryItem) found = NULL;
  g_autoptr(RdIncident) stored = NULL;
  g_autofree char *lower = NULL;
  gpointer args[2] = { entries, GUINT_TO_POINTER (1) };
  RdIncident *incident;
  guint changes = 0;
  gulong handler;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find", NULL);
  gtk_editable_set_text (GTK_EDITABLE (child (f, "diary_search_entry")), "PUSHCHAIR");
  g_assert_true (rd_test_gui_wait_until (entries_count_is, args, 3000));
  found = g_list_model_get_item (entries, 0);
  gtk_single_selection_set_selected (selection, 0);
  rd_test_gui_iterate ();
  incident = rd_record_editor_get_record (RD_RECORD_EDITOR (editor (f)));
  g_assert_cmpint (rd_incident_get_id (incident), ==, rd_diary_item_get_id (found));
  lower = g_utf8_strdown (rd_incident_get_description (incident), -1);
  g_assert_nonnull (strstr (lower, "pushchair"));

  handler = g_signal_connect (entries, "items-changed", G_CALLBACK (count_changes_cb), &changes);
  set_view_text (f, "description_view", "The pushchair was taken from the hall again.\nThe second time.");
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));
  stored = stored_incident (f, rd_diary_item_get_id (found));
  g_assert_cmpstr (rd_incident_get_description (stored), ==,
                   "The pushchair was taken from the hall again.\nThe second time.");
  g_assert_cmpstr (rd_diary_item_get_summary (found), ==, "The pushchair was taken from the hall again.");
  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == (gpointer) found);
  rd_test_gui_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_nonnull (rd_test_gui_find_by_text (child (f, "diary_list"),
                                              "The pushchair was taken from the hall again."));

  rd_date_time_picker_set_date_time (RD_DATE_TIME_PICKER (child (f, "start_picker")), earlier);
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));
  g_assert_cmpint (rd_diary_item_get_starts (found), ==, g_date_time_to_unix (earlier));
  g_assert_cmpuint (changes, ==, 2);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == (gpointer) found);
  g_assert_true (rd_record_editor_get_record (RD_RECORD_EDITOR (editor (f))) == incident);
  g_signal_handler_disconnect (entries, handler);
}

/*
 * The diary changed elsewhere (an import, another page): the list is read
 * again (on a worker), but an entry that is still there keeps its item, so the list view
 * keeps its row; only what came or went changes the list.
 */
static void
test_reload_keeps_rows (Fixture       *f,
                        gconstpointer  data)
{
  GListModel *entries = rd_diary_page_get_entries (f->page);
  guint n = g_list_model_get_n_items (entries);
  g_autoptr(RdDiaryItem) first = g_list_model_get_item (entries, 0);
  g_autoptr(RdDiaryItem) last = g_list_model_get_item (entries, n - 1);
  g_autoptr(RdIncident) changed = stored_incident (f, rd_diary_item_get_id (last));
  g_autoptr(RdIncident) added = rd_incident_new ();
  g_autoptr(GDateTime) before = rd_datetime_new_from_unix_local (rd_diary_item_get_starts (last) - 86400);
  g_autoptr(GError) error = NULL;
  guint changes = 0;
  gulong handler;

  handler = g_signal_connect (entries, "items-changed", G_CALLBACK (count_changes_cb), &changes);
  rd_incident_set_description (changed, "Rewritten elsewhere\nwith a second line");
  g_assert_true (rd_store_save_incident (store (f), changed, NULL, &error));
  g_assert_no_error (error);
  /* Read again on a worker. */
  g_assert_true (rd_test_gui_wait_until (diary_read, f, 10000));
  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, n);
  g_assert_cmpstr (rd_diary_item_get_summary (last), ==, "Rewritten elsewhere");
  {
    g_autoptr(RdDiaryItem) top = g_list_model_get_item (entries, 0);
    g_autoptr(RdDiaryItem) bottom = g_list_model_get_item (entries, n - 1);

    g_assert_true (top == first);
    g_assert_true (bottom == last);
  }

  rd_incident_set_case_id (added, f->case_id);
  rd_incident_set_starts_at (added, before);
  rd_incident_set_description (added, "Written elsewhere");
  g_assert_true (rd_store_save_incident (store (f), added, NULL, &error));
  /* Read again on a worker. */
  g_assert_true (rd_test_gui_wait_until (diary_read, f, 10000));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, n + 1);
  {
    g_autoptr(RdDiaryItem) top = g_list_model_get_item (entries, 0);
    g_autoptr(RdDiaryItem) bottom = g_list_model_get_item (entries, n);

    g_assert_true (top == first);
    g_assert_cmpint (rd_diary_item_get_id (bottom), ==, rd_incident_get_id (added));
  }

  g_assert_true (rd_store_delete_incident (store (f), rd_diary_item_get_id (last), &error));
  /* Read again on a worker. */
  g_assert_true (rd_test_gui_wait_until (diary_read, f, 10000));
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, n);
  g_signal_handler_disconnect (entries, handler);
}

static RdHistoryDialog *
find_history_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (RD_IS_HISTORY_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return RD_HISTORY_DIALOG (toplevel);
    }
  return NULL;
}

static gint64
find_amended_entry (Fixture *f)
{
  GListModel *entries = rd_diary_page_get_entries (f->page);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RdDiaryItem) item = g_list_model_get_item (entries, i);
      g_autoptr(GListModel) revisions =
        rd_store_list_incident_revisions (store (f), rd_diary_item_get_id (item), NULL);

      if (g_list_model_get_n_items (revisions) == 2)
        return rd_diary_item_get_id (item);
    }
  g_assert_not_reached ();
  return 0;
}

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  gint64 id = find_amended_entry (f);
  RdHistoryDialog *dialog;

  g_assert_true (rd_diary_page_select_entry (f->page, id));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "diary.show-history", NULL);
  rd_test_gui_iterate ();
  dialog = find_history_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (rd_history_dialog_get_versions (dialog)), ==, 2);
  rd_test_gui_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_nonnull (rd_test_gui_find_by_text (GTK_WIDGET (dialog), "As First Written"));
  g_assert_nonnull (rd_test_gui_find_by_text (GTK_WIDGET (dialog), "Version 2 (Current)"));
  g_assert_nonnull (rd_test_gui_find_by_text (GTK_WIDGET (dialog),
                                              "Changed: What happened, Reference number"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Editing it now is a new sitting, so a third version; the first two stay. */
  set_view_text (f, "impact_view", "We moved the children's beds.");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "diary.show-history", NULL);
  rd_test_gui_iterate ();
  dialog = find_history_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (rd_history_dialog_get_versions (dialog)), ==, 3);
  {
    g_autoptr(RdIncidentRevision) first = g_list_model_get_item (rd_history_dialog_get_versions (dialog), 0);
    g_autoptr(RdIncidentRevision) last = g_list_model_get_item (rd_history_dialog_get_versions (dialog), 2);

    g_assert_cmpstr (rd_incident_get_impact (rd_incident_revision_get_snapshot (last)), ==,
                     "We moved the children's beds.");
    g_assert_cmpstr (rd_incident_get_impact (rd_incident_revision_get_snapshot (first)), !=,
                     "We moved the children's beds.");
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_delete_asks_first (Fixture       *f,
                        gconstpointer  data)
{
  GListModel *entries = rd_diary_page_get_entries (f->page);
  guint n = g_list_model_get_n_items (entries);
  g_autoptr(RdDiaryItem) victim = g_list_model_get_item (entries, 2);
  g_autoptr(RdIncident) gone = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (rd_diary_page_select_entry (f->page, rd_diary_item_get_id (victim)));

  /* Keeping it changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "diary.delete-entry", NULL);
  dialog = rd_test_gui_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  rd_test_gui_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, n);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "diary.delete-entry", NULL);
  dialog = rd_test_gui_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  rd_test_gui_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, n - 1);
  gone = rd_store_get_incident (store (f), rd_diary_item_get_id (victim), &error);
  g_assert_null (gone);
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);

  /* The next entry is open, ready. */
  g_assert_nonnull (rd_record_editor_get_record (RD_RECORD_EDITOR (editor (f))));
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

static gboolean
is_toplevel (gpointer window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);
      if (toplevel == (GObject *) window)
        return TRUE;
    }
  return FALSE;
}

/* When the last changes cannot be written, closing says so and waits. */
static void
test_close_refused_when_save_fails (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GListModel) stored = NULL;
  AdwMessageDialog *dialog;
  RdWindow *window = f->window;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-incident", NULL);
  exec_sql (f, "CREATE TRIGGER test_refuse BEFORE INSERT ON incidents"
               " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;");
  set_view_text (f, "description_view", "Written while the disk was full");

  gtk_window_close (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  g_assert_true (is_toplevel (window));
  dialog = rd_test_gui_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (rd_record_editor_has_pending_save (RD_RECORD_EDITOR (editor (f))));
  adw_message_dialog_response (dialog, "keep");
  rd_test_gui_iterate ();
  g_assert_true (is_toplevel (window));

  /* Once writing works again, closing writes and closes. */
  exec_sql (f, "DROP TRIGGER test_refuse");
  gtk_window_close (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  g_assert_null (window);
  stored = rd_store_list_incidents (store (f), f->case_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 1);
  {
    g_autoptr(RdIncident) incident = g_list_model_get_item (stored, 0);
    g_assert_cmpstr (rd_incident_get_description (incident), ==, "Written while the disk was full");
  }
}

/* Nor does choosing another entry drop what could not be written. */
static void
test_switch_refused_when_save_fails (Fixture       *f,
                                     gconstpointer  data)
{
  GListModel *entries = rd_diary_page_get_entries (f->page);
  GtkSingleSelection *selection =
    GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (child (f, "diary_list"))));
  g_autoptr(RdDiaryItem) item = g_list_model_get_item (entries, 0);
  g_autoptr(RdIncident) first = g_object_ref (rd_record_editor_get_record (RD_RECORD_EDITOR (editor (f))));
  g_autoptr(RdIncident) stored = NULL;

  g_assert_cmpint (rd_incident_get_id (first), ==, rd_diary_item_get_id (item));
  exec_sql (f, "CREATE TRIGGER test_refuse BEFORE UPDATE ON incidents"
               " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;");
  set_view_text (f, "impact_view", "Typed while the disk was full");

  gtk_single_selection_set_selected (selection, 1);
  rd_test_gui_iterate ();
  g_assert_true (rd_record_editor_get_record (RD_RECORD_EDITOR (editor (f))) == first);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child (f, "status_label"))),
                                   "Not saved yet"));

  exec_sql (f, "DROP TRIGGER test_refuse");
  gtk_single_selection_set_selected (selection, 1);
  rd_test_gui_iterate ();
  g_assert_true (rd_record_editor_get_record (RD_RECORD_EDITOR (editor (f))) != first);
  stored = stored_incident (f, rd_incident_get_id (first));
  g_assert_cmpstr (rd_incident_get_impact (stored), ==, "Typed while the disk was full");
}

/* The Delete key on the list asks before deleting, like the button. */
static void
test_delete_key (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (child (f, "diary_list"));
  GtkShortcut *delete_shortcut = NULL;
  AdwMessageDialog *dialog;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && delete_shortcut == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (strstr (trigger, "Delete") != NULL)
            delete_shortcut = g_object_ref (shortcut);
        }
    }
  g_assert_nonnull (delete_shortcut);

  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (delete_shortcut), 0,
                                               child (f, "diary_list"), NULL));
  dialog = rd_test_gui_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  g_object_unref (delete_shortcut);
}

static GtkWidget *
picker_spin (GtkWidget  *picker,
             const char *id)
{
  GtkWidget *spin = rd_test_gui_find_by_id (picker, id);

  if (spin == NULL)
    {
      /* The spin buttons live in the time popover. */
      GtkWidget *button = rd_test_gui_find_by_id (picker, "time_button");

      spin = rd_test_gui_find_by_id (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))), id);
    }
  g_assert_nonnull (spin);
  return spin;
}

/*
 * Clock changes, Europe/London (main() sets TZ). 1:30am on Sunday 30 March
 * 2025 never happened: the editor says so and keeps the entry's time as it
 * was, rather than saving 2am. 1:30am on Sunday 26 October 2025 happened
 * twice: it is accepted as the first, in British Summer Time.
 */
static void
test_clock_changes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) spring = local_datetime ("2025-03-30T00:30");
  g_autoptr(GDateTime) autumn = local_datetime ("2025-10-26T00:30");
  g_autoptr(RdIncident) stored = NULL;
  GtkWidget *picker, *hour, *revealer, *label;
  GDateTime *starts;
  RdIncident *incident;

  g_assert_nonnull (london);
  g_assert_cmpstr (g_time_zone_get_identifier (london), ==, "Europe/London");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-incident", NULL);
  incident = rd_record_editor_get_record (RD_RECORD_EDITOR (editor (f)));
  picker = child (f, "start_picker");
  revealer = child (f, "date_error_revealer");
  label = child (f, "date_error_label");
  hour = picker_spin (picker, "hour_spin");
  set_view_text (f, "description_view", "Music through the wall all night");
  rd_date_time_picker_set_date_time (RD_DATE_TIME_PICKER (picker), spring);
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));
  g_assert_false (revealed (revealer));

  /* 00:30 -> 01:30 with the hour button, as a person would. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hour), 1);
  g_assert_true (revealed (revealer));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   "The clocks went forward at 1am on Sunday 30 March 2025, so 1:30am did not "
                   "happen that day. Check the time.");
  /* What was picked stays in view, for the message to make sense. */
  g_assert_nonnull (rd_test_gui_find_by_text (picker, "01:30"));
  g_assert_nonnull (rd_date_time_picker_get_problem (RD_DATE_TIME_PICKER (picker)));
  /* Other fields still save; the time is not moved to 2am. */
  set_view_text (f, "description_view", "Music through the wall all night, again");
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));
  stored = stored_incident (f, rd_incident_get_id (incident));
  g_assert_true (g_date_time_equal (rd_incident_get_starts_at (stored), spring));
  g_assert_cmpstr (rd_incident_get_description (stored), ==, "Music through the wall all night, again");
  g_clear_object (&stored);

  /* Corrected to 2:30am: the message goes and the time saves. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hour), 2);
  g_assert_false (revealed (revealer));
  g_assert_null (rd_date_time_picker_get_problem (RD_DATE_TIME_PICKER (picker)));
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));
  stored = stored_incident (f, rd_incident_get_id (incident));
  starts = rd_incident_get_starts_at (stored);
  g_assert_cmpint (g_date_time_get_hour (starts), ==, 2);
  g_assert_cmpint (g_date_time_get_minute (starts), ==, 30);
  g_assert_cmpint (g_date_time_get_utc_offset (starts), ==, G_TIME_SPAN_HOUR);
  g_clear_object (&stored);

  /* The repeated hour in October is accepted: the first 1:30am, BST. */
  rd_date_time_picker_set_date_time (RD_DATE_TIME_PICKER (picker), autumn);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hour), 1);
  g_assert_false (revealed (revealer));
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));
  stored = stored_incident (f, rd_incident_get_id (incident));
  starts = rd_incident_get_starts_at (stored);
  g_assert_cmpint (g_date_time_get_hour (starts), ==, 1);
  g_assert_cmpint (g_date_time_get_utc_offset (starts), ==, G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_to_unix (starts), ==, g_date_time_to_unix (autumn) + 3600);
}

/*
 * A new entry starts in the category of the entry written last in the
 * case, not always "Noise"; the very first entry has nothing to go on.
 */
static void
test_new_entry_category (Fixture       *f,
                         gconstpointer  data)
{
  AdwComboRow *category_row;
  RdIncident *incident;

  category_row = ADW_COMBO_ROW (child (f, "category_row"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-incident", NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (category_row), ==, RD_CATEGORY_NOISE);
  adw_combo_row_set_selected (category_row, RD_CATEGORY_DISREPAIR);
  set_view_text (f, "description_view", "Water coming through the bathroom ceiling");

  /* The next entry, written straight after (pending changes are written
   * first, so the category just picked counts). */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-incident", NULL);
  incident = rd_record_editor_get_record (RD_RECORD_EDITOR (editor (f)));
  g_assert_cmpint (rd_incident_get_id (incident), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (category_row), ==, RD_CATEGORY_DISREPAIR);
  /* Untouched, it is not written: only the picked category came along. */
  g_assert_false (rd_record_editor_has_pending_save (RD_RECORD_EDITOR (editor (f))));

  adw_combo_row_set_selected (category_row, RD_CATEGORY_HARASSMENT);
  set_view_text (f, "description_view", "Told me to watch my back");
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-incident", NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (category_row), ==, RD_CATEGORY_HARASSMENT);
  g_assert_cmpint (rd_incident_get_category (rd_record_editor_get_record (RD_RECORD_EDITOR (editor (f)))), ==,
                   RD_CATEGORY_HARASSMENT);
}

/* Every label of @row given at least the height it needs at the width it
 * was given: no line of it cut. */
static void
assert_labels_whole (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      int needed;

      if (!gtk_widget_get_visible (c))
        continue;
      if (GTK_IS_LABEL (c))
        {
          gtk_widget_measure (c, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (c), &needed, NULL,
                              NULL, NULL);
          g_assert_cmpint (gtk_widget_get_height (c), >=, needed);
        }
      assert_labels_whole (c);
    }
}

static GtkWidget *
row_for (GtkWindow  *window,
         const char *description)
{
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GDateTime) starts = local_datetime ("2024-03-02 22:15");
  g_autoptr(RdDiaryItem) item = NULL;
  GtkWidget *row = rd_incident_row_new ();

  rd_incident_set_starts_at (incident, starts);
  rd_incident_set_description (incident, description);
  item = rd_diary_item_new (incident);
  rd_incident_row_set_item (RD_INCIDENT_ROW (row), item);
  gtk_window_set_child (window, row);
  return row;
}

/*
 * A diary row is as high at any width as the most its text needs (the
 * summary's two lines, at its narrowest), so that GTK measures it once
 * however many widths the window's layout tries (issue 17: the first
 * showing of a long diary). At every width no line of its text is cut,
 * a long summary still wraps to two lines where it must, and a short one
 * takes one.
 */
static void
test_row_height_any_width (Fixture       *f,
                           gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  const int widths[] = { 160, 240, 360, 600, 1000 };
  GtkWidget *row, *summary;
  int height = -1, short_height, min_width, h;

  row = row_for (window, "Music and banging from the flat above again, from eleven until after two, "
                         "and the children could not sleep");
  gtk_window_present (window);
  rd_test_gui_iterate ();
  g_assert_cmpint (gtk_widget_get_request_mode (row), ==, GTK_SIZE_REQUEST_CONSTANT_SIZE);
  gtk_widget_measure (row, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  summary = rd_test_gui_find_by_id (row, "summary_label");
  g_assert_nonnull (summary);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      int width = MAX (widths[i], min_width);

      gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, &h, NULL, NULL, NULL);
      if (height < 0)
        height = h;
      g_assert_cmpint (h, ==, height);
      gtk_widget_size_allocate (row, &(GtkAllocation){ 0, 0, width, h }, -1);
      assert_labels_whole (row);
      if (width < 300)
        g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (summary))), ==, 2);
    }

  /* A summary of one short line asks for one line. */
  gtk_widget_set_direction (row, GTK_TEXT_DIR_RTL);
  row = row_for (window, "Shouting");
  rd_test_gui_iterate ();
  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, -1, &short_height, NULL, NULL, NULL);
  g_assert_cmpint (short_height, <, height);
  gtk_widget_size_allocate (row, &(GtkAllocation){ 0, 0, 400, short_height }, -1);
  assert_labels_whole (row);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  /* Clock changes are tested in England's zone; set before GLib reads it. */
  g_setenv ("TZ", "Europe/London", TRUE);
  rd_test_gui_init (&argc, &argv);

#define ADD(path, sample, func) \
  g_test_add (path, Fixture, sample ? "sample" : NULL, fixture_setup, func, fixture_teardown)
  ADD ("/diary/write-close-reopen", FALSE, test_write_close_reopen);
  ADD ("/diary/autosave", FALSE, test_autosave);
  ADD ("/diary/untouched-new-entry-dropped", TRUE, test_untouched_new_entry_dropped);
  ADD ("/diary/validation", FALSE, test_validation);
  ADD ("/diary/time-spin-buttons", FALSE, test_time_spin_buttons);
  ADD ("/diary/end-follows-start", FALSE, test_end_follows_start);
  ADD ("/diary/clock-changes", FALSE, test_clock_changes);
  ADD ("/diary/report-date", FALSE, test_report_date);
  ADD ("/diary/landlord-steps", FALSE, test_landlord_steps);
  ADD ("/diary/new-entry-category", FALSE, test_new_entry_category);
  ADD ("/diary/row-height-any-width", FALSE, test_row_height_any_width);
  ADD ("/diary/terminate-writes", FALSE, test_terminate_writes);
  ADD ("/diary/search-and-filter", TRUE, test_search_and_filter);
  ADD ("/diary/search-keeps-entry", TRUE, test_search_keeps_entry);
  ADD ("/diary/edit-after-search", TRUE, test_edit_after_search);
  ADD ("/diary/reload-keeps-rows", TRUE, test_reload_keeps_rows);
  ADD ("/diary/history", TRUE, test_history);
  ADD ("/diary/delete-asks-first", TRUE, test_delete_asks_first);
  ADD ("/diary/delete-key", TRUE, test_delete_key);
  ADD ("/diary/close-refused-when-save-fails", FALSE, test_close_refused_when_save_fails);
  ADD ("/diary/switch-refused-when-save-fails", TRUE, test_switch_refused_when_save_fails);
#undef ADD

  return g_test_run ();
}
