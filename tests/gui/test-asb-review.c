/* test-asb-review.c: the ASB Case Review's inputs in the window: the days an
 * entry was reported to the police and the council, hate incidents, and the
 * council's threshold in Case Details, followed into the store and What Next.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rd-application.h"
#include "rd-case-dialog.h"
#include "rd-dashboard-page.h"
#include "rd-date-time-picker.h"
#include "rd-diary-page.h"
#include "rd-incident-editor.h"
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
  /* A Tuesday; every date below is in the six months before it. */
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 3, 10, 12, 0, 0);
  g_autoptr(RdCase) rcase = rd_case_new ();
  GDate aware;

  rd_case_set_title (rcase, "Harassment on the stairs");
  /* Set by the CLI; Case Details must not lose it. */
  g_date_clear (&aware, 1);
  g_date_set_dmy (&aware, 1, G_DATE_FEBRUARY, 2026);
  rd_case_set_aware_on (rcase, &aware);
  f->dir = rd_test_gui_data_dir_new (rcase);
  f->case_id = rd_case_get_id (rcase);

  f->app = rd_test_gui_app_new (f->dir);
  rd_clock_set_fixed (rd_application_get_clock (f->app), now);
  f->window = rd_test_gui_window_new (f->app, 0, 0);
  g_assert_true (rd_window_open_case (f->window, f->case_id, NULL));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rd_test_gui_close_app (&f->app, &f->dir);
}

static RdIncidentEditor *
editor (Fixture *f)
{
  return rd_test_gui_incident_editor (f->window);
}

static GtkWidget *
field (Fixture    *f,
       const char *id)
{
  return rd_test_gui_child (GTK_WIDGET (editor (f)), id);
}

static RdIncident *
stored_incident (Fixture *f,
                 gint64   id)
{
  return rd_test_gui_stored_incident (rd_window_get_store (f->window), id);
}

/* Starts a new harassment entry that happened on @day at 9 pm. */
static RdIncident *
new_entry (Fixture    *f,
           int         day,
           const char *what)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 3, day, 21, 0, 0);

  rd_window_show_page (f->window, "diary");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-incident", NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field (f, "description_view"))),
                            what, -1);
  rd_date_time_picker_set_date_time (RD_DATE_TIME_PICKER (field (f, "start_picker")), start);
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (f, "category_row")), RD_CATEGORY_HARASSMENT);
  return rd_record_editor_get_record (RD_RECORD_EDITOR (editor (f)));
}

/* The report days and the hate switch: named, reached by the keyboard,
 * saved with the entry, shown again, and only for behaviour. */
static void
test_incident_fields (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RdIncident) stored = NULL;
  g_autoptr(RdIncident) kept = NULL;
  RdIncident *incident;
  gint64 id;

  incident = new_entry (f, 1, "Shouted abuse at me on the stairs");
  rd_test_gui_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_get_visible (field (f, "police_date_row")));
  g_assert_true (gtk_widget_get_visible (field (f, "council_date_row")));
  g_assert_true (gtk_widget_get_visible (field (f, "hate_row")));
  rd_test_gui_check_name (field (f, "police_date_switch"), "Reported to the police on");
  rd_test_gui_check_name (field (f, "council_date_switch"), "Reported to the council on");
  /* The hate switch is named by its row, whose title it is given once. */
  g_assert_true (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (field (f, "hate_row"))) ==
                 field (f, "hate_switch"));
  /* Off, the picker is out of the way and offers the day it happened. */
  g_assert_false (gtk_widget_get_sensitive (field (f, "police_date_picker")));

  /* The police by the keyboard: the switch, then the day. Saying when
   * the police heard of it ticks "Police". */
  rd_test_gui_press_switch (field (f, "police_date_switch"));
  g_assert_true (gtk_widget_get_sensitive (field (f, "police_date_picker")));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (field (f, "police_check"))));
  rd_test_gui_set_day (field (f, "police_date_picker"), 2026, 3, 2);
  /* The council by the API. */
  gtk_switch_set_active (GTK_SWITCH (field (f, "council_date_switch")), TRUE);
  rd_test_gui_set_day (field (f, "council_date_picker"), 2026, 3, 4);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (field (f, "council_check"))));
  /* The hate switch by the keyboard: its row, there only for it, is no
   * stop of its own (one stop for each control). */
  g_assert_false (gtk_widget_get_focusable (field (f, "hate_row")));
  rd_test_gui_press_switch (field (f, "hate_switch"));
  g_assert_true (rd_test_gui_wait_until (rd_test_gui_switch_is_on, field (f, "hate_switch"), 2000));

  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));
  id = rd_incident_get_id (incident);
  stored = stored_incident (f, id);
  g_assert_cmpstr (rd_incident_get_asb_report (stored), ==, "police=2026-03-02;council=2026-03-04;hate");
  g_assert_cmpint (rd_incident_get_reported_to (stored), ==, RD_REPORTED_POLICE | RD_REPORTED_COUNCIL);

  /* A day after today is explained and never written; the rest is. */
  rd_test_gui_set_day (field (f, "police_date_picker"), 2026, 3, 11);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (field (f, "asb_error_revealer"))));
  gtk_switch_set_active (GTK_SWITCH (field (f, "council_date_switch")), FALSE);
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));
  kept = stored_incident (f, id);
  g_assert_cmpstr (rd_incident_get_asb_report (kept), ==, "police=2026-03-02;hate");
  rd_test_gui_set_day (field (f, "police_date_picker"), 2026, 3, 2);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (field (f, "asb_error_revealer"))));

  /* Shown again as saved when the entry is opened again. */
  rd_record_editor_set_record (RD_RECORD_EDITOR (editor (f)), NULL);
  rd_record_editor_set_record (RD_RECORD_EDITOR (editor (f)), kept);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (field (f, "police_date_switch"))));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (field (f, "council_date_switch"))));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (field (f, "hate_switch"))));
  {
    GDateTime *shown = rd_date_time_picker_get_date_time (RD_DATE_TIME_PICKER (field (f, "police_date_picker")));

    g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 2);
    g_assert_cmpint (g_date_time_get_month (shown), ==, 3);
  }

  /* Disrepair is not behaviour: an ASB Case Review does not count it. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (f, "category_row")), RD_CATEGORY_DISREPAIR);
  g_assert_false (gtk_widget_get_visible (field (f, "police_date_row")));
  g_assert_false (gtk_widget_get_visible (field (f, "council_date_row")));
  g_assert_false (gtk_widget_get_visible (field (f, "hate_row")));
}

static RdCaseDialog *
open_case_details (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.case-details", NULL);
  rd_test_gui_iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (RD_IS_CASE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        {
          rd_test_gui_wait_for_draw (GTK_WIDGET (toplevel));
          return RD_CASE_DIALOG (toplevel);
        }
    }
  g_assert_not_reached ();
}

static GtkWidget *
in_dialog (RdCaseDialog *dialog,
           const char   *id)
{
  return rd_test_gui_child (GTK_WIDGET (dialog), id);
}

/* Case Details saves a case as it changes; closing it writes what is still
 * waiting for the pause. */
static void
save_case_details (RdCaseDialog *dialog)
{
  gtk_window_close (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();
}

static RdCase *
stored_case (Fixture *f)
{
  RdCase *rcase = rd_store_get_case (rd_window_get_store (f->window), f->case_id, NULL);

  g_assert_nonnull (rcase);
  return rcase;
}

static gboolean
card_shown (gpointer data)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (data));
}

static gboolean
card_hidden (gpointer data)
{
  return !card_shown (data);
}

typedef struct {
  GtkLabel   *label;
  const char *text;
} Says;

/* What Next refreshes a moment after the store changes. */
static gboolean
card_says (gpointer data)
{
  Says *says = data;

  return strstr (gtk_label_get_text (says->label), says->text) != NULL;
}

/* The council's threshold is set in Case Details, is saved with the case,
 * and What Next's ASB Case Review card follows it. */
static void
test_threshold_and_card (Fixture       *f,
                         gconstpointer  data)
{
  RdDashboardPage *dashboard = RD_DASHBOARD_PAGE (rd_window_get_page (f->window, "dashboard"));
  GtkWidget *card = rd_test_gui_child (GTK_WIDGET (dashboard), "trigger_revealer");
  g_autoptr(RdCase) saved = NULL;
  g_autoptr(RdCase) again = NULL;
  g_autofree char *aware = NULL;
  GtkWidget *trigger_label = rd_test_gui_child (GTK_WIDGET (dashboard), "trigger_label");
  Says met = { GTK_LABEL (trigger_label), "That meets the threshold" };
  RdCaseDialog *dialog;
  GtkSpinButton *spin;

  /* One hate incident reported to the police, and one other report. */
  new_entry (f, 1, "Racist abuse shouted at my door");
  gtk_switch_set_active (GTK_SWITCH (field (f, "police_date_switch")), TRUE);
  rd_test_gui_set_day (field (f, "police_date_picker"), 2026, 3, 1);
  gtk_switch_set_active (GTK_SWITCH (field (f, "hate_switch")), TRUE);
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));
  new_entry (f, 5, "Bins tipped over my car");
  gtk_switch_set_active (GTK_SWITCH (field (f, "council_date_switch")), TRUE);
  rd_test_gui_set_day (field (f, "council_date_picker"), 2026, 3, 6);
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));

  /* Two reports of the usual three: no card. */
  rd_window_show_page (f->window, "dashboard");
  rd_test_gui_wait_for_draw (GTK_WIDGET (dashboard));
  g_assert_true (rd_test_gui_wait_until (card_hidden, card, 2000));

  dialog = open_case_details (f);
  spin = GTK_SPIN_BUTTON (in_dialog (dialog, "asb_reports_spin"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, RD_ASB_REVIEW_DEFAULT_REPORTS);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (in_dialog (dialog, "asb_hate_switch"))));
  /* Each is named by its row, as the activatable widget. */
  g_assert_true (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (in_dialog (dialog, "asb_reports_row"))) ==
                 GTK_WIDGET (spin));
  g_assert_true (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (in_dialog (dialog, "asb_hate_row"))) ==
                 in_dialog (dialog, "asb_hate_switch"));
  /* The keyboard turns the switch itself: its row, there only for it, is
   * no stop of its own (one stop for each control). */
  g_assert_false (gtk_widget_get_focusable (in_dialog (dialog, "asb_hate_row")));
  rd_test_gui_press_switch (in_dialog (dialog, "asb_hate_switch"));
  g_assert_true (rd_test_gui_wait_until (rd_test_gui_switch_is_on, in_dialog (dialog, "asb_hate_switch"),
                                         2000));
  save_case_details (dialog);

  saved = stored_case (f);
  g_assert_true (rd_case_get_asb_review_hate (saved));
  g_assert_cmpuint (rd_case_get_asb_review_reports (saved), ==, 3);
  /* Case Details does not show the day the resident became aware, and keeps it. */
  g_assert_nonnull (rd_case_get_aware_on (saved));
  aware = rd_date_to_iso (rd_case_get_aware_on (saved));
  g_assert_cmpstr (aware, ==, "2026-02-01");
  /* One hate incident is now enough: the card shows. */
  g_assert_true (rd_test_gui_wait_until (card_shown, card, 3000));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (trigger_label)),
                            "hate incident, which is enough on its own"));

  /* Two reports, by the Down key's step (one at a time), with hate off:
   * the two reports meet it. */
  dialog = open_case_details (f);
  spin = GTK_SPIN_BUTTON (in_dialog (dialog, "asb_reports_spin"));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (spin)));
  gtk_spin_button_spin (spin, GTK_SPIN_STEP_BACKWARD, 1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 2);
  gtk_switch_set_active (GTK_SWITCH (in_dialog (dialog, "asb_hate_switch")), FALSE);
  save_case_details (dialog);
  again = stored_case (f);
  g_assert_cmpuint (rd_case_get_asb_review_reports (again), ==, 2);
  g_assert_false (rd_case_get_asb_review_hate (again));
  g_assert_true (rd_test_gui_wait_until (card_says, &met, 3000));
  g_assert_true (card_shown (card));
  g_assert_nonnull (strstr (gtk_label_get_text (met.label), "2 reports in your diary count"));

  /* Five: not met, the card goes. */
  dialog = open_case_details (f);
  spin = GTK_SPIN_BUTTON (in_dialog (dialog, "asb_reports_spin"));
  gtk_spin_button_set_value (spin, 5);
  save_case_details (dialog);
  g_assert_true (rd_test_gui_wait_until (card_hidden, card, 3000));
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test context keeps accessible names where the test can read
   * them, without an accessibility bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_setenv ("TZ", "Europe/London", TRUE);
  rd_test_gui_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/asb-review/incident-fields", test_incident_fields);
  ADD ("/asb-review/threshold-and-card", test_threshold_and_card);
#undef ADD

  return g_test_run ();
}
