/* test-diary-loss.c: days without heating, hot water or power in the
 * diary entry editor: named, reached by the keyboard, saved, shown again,
 * and counted on What Next.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rd-application.h"
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
  /* A Tuesday */
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 3, 10, 12, 0, 0);
  g_autoptr(RdCase) rcase = rd_case_new ();

  rd_case_set_title (rcase, "Cold flat");
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

static gboolean
remedies_say (gpointer data)
{
  GtkWidget *dashboard = data;
  GtkWidget *label = rd_test_gui_find_by_id (dashboard, "remedies_label");

  return label != NULL && strstr (gtk_label_get_text (GTK_LABEL (label)),
                                  "Without heating for 7 days in all.") != NULL;
}

/* The loss: only for disrepair, named, by the keyboard, saved, shown
 * again; a day after today explained and never written; counted on What
 * Next up to today while it goes on. */
static void
test_loss_fields (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 3, 4, 8, 0, 0);
  g_autoptr(RdIncident) stored = NULL;
  g_autoptr(RdIncident) kept = NULL;
  RdIncident *incident;
  gint64 id;

  rd_window_show_page (f->window, "diary");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-incident", NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field (f, "description_view"))),
                            "Boiler broke down", -1);
  rd_date_time_picker_set_date_time (RD_DATE_TIME_PICKER (field (f, "start_picker")), start);
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (f, "category_row")), RD_CATEGORY_NOISE);
  incident = rd_record_editor_get_record (RD_RECORD_EDITOR (editor (f)));
  rd_test_gui_wait_for_draw (GTK_WIDGET (f->window));
  /* Noise is not disrepair: no loss to record */
  g_assert_false (gtk_widget_get_visible (field (f, "loss_group")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (f, "category_row")), RD_CATEGORY_DISREPAIR);
  g_assert_true (gtk_widget_get_visible (field (f, "loss_group")));

  /* Named for screen readers; the switches by their rows */
  rd_test_gui_check_name (field (f, "loss_heating_switch"), "No heating");
  rd_test_gui_check_name (field (f, "loss_water_switch"), "No hot water");
  rd_test_gui_check_name (field (f, "loss_until_switch"), "Back on");
  /* "Back on" off: the picker is out of the way (still without it) */
  g_assert_false (gtk_widget_get_sensitive (field (f, "loss_until_picker")));

  /* Heating by the keyboard, hot water by the API; from Wednesday 4 March */
  rd_test_gui_press_switch (field (f, "loss_heating_switch"));
  gtk_switch_set_active (GTK_SWITCH (field (f, "loss_water_switch")), TRUE);
  rd_test_gui_set_day (field (f, "loss_from_picker"), 2026, 3, 4);
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));
  id = rd_incident_get_id (incident);
  stored = stored_incident (f, id);
  g_assert_cmpstr (rd_incident_get_service_loss (stored), ==, "heating;hot-water;from=2026-03-04");

  /* Still going on, 4 to 10 March: seven days on What Next */
  rd_window_show_page (f->window, "dashboard");
  g_assert_true (rd_test_gui_wait_until (remedies_say, rd_window_get_page (f->window, "dashboard"),
                                         5000));
  rd_window_show_page (f->window, "diary");

  /* Back on: a day after today is explained and never written (the day
   * first, so that no save in between can write another) */
  rd_test_gui_set_day (field (f, "loss_until_picker"), 2026, 3, 12);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (field (f, "loss_error_revealer"))));
  rd_test_gui_press_switch (field (f, "loss_until_switch"));
  g_assert_true (gtk_widget_get_sensitive (field (f, "loss_until_picker")));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (field (f, "loss_error_revealer"))));
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));
  kept = stored_incident (f, id);
  g_assert_cmpstr (rd_incident_get_service_loss (kept), ==, "heating;hot-water;from=2026-03-04");
  rd_test_gui_set_day (field (f, "loss_until_picker"), 2026, 3, 6);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (field (f, "loss_error_revealer"))));
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor (f)), NULL));
  g_clear_object (&kept);
  kept = stored_incident (f, id);
  g_assert_cmpstr (rd_incident_get_service_loss (kept), ==,
                   "heating;hot-water;from=2026-03-04;until=2026-03-06");

  /* Shown again as saved when the entry is opened again */
  rd_record_editor_set_record (RD_RECORD_EDITOR (editor (f)), NULL);
  rd_record_editor_set_record (RD_RECORD_EDITOR (editor (f)), kept);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (field (f, "loss_heating_switch"))));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (field (f, "loss_water_switch"))));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (field (f, "loss_power_switch"))));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (field (f, "loss_until_switch"))));
  {
    GDateTime *shown = rd_date_time_picker_get_date_time (RD_DATE_TIME_PICKER (field (f, "loss_until_picker")));

    g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 6);
    g_assert_cmpint (g_date_time_get_month (shown), ==, 3);
  }
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

  g_test_add ("/service-loss/loss-fields", Fixture, NULL, fixture_setup, test_loss_fields,
              fixture_teardown);
  return g_test_run ();
}
