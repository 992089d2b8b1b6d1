/* test-dashboard.c: the What Next page as a resident reads it: counts, their convention, late steps.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rd-application.h"
#include "rd-dashboard-page.h"
#include "rd-letter-dialog.h"
#include "rd-window.h"
#include "rd-test-gui.h"

typedef struct {
  char          *dir;
  RdApplication *app;
  RdWindow      *window;
  gint64         case_id;
  gint64         complaint_id;
} Fixture;

static GDate
working_days_from (const GDate *from,
                   int          n)
{
  GDate date = *from;

  while (n != 0)
    {
      if (n > 0)
        g_date_add_days (&date, 1);
      else
        g_date_subtract_days (&date, 1);
      if (rd_calendar_is_working_day (&date))
        n += n > 0 ? -1 : 1;
    }
  return date;
}

static RdComplaintEvent *
event_new (RdComplaintEventKind  kind,
           const GDate          *date)
{
  RdComplaintEvent *event = rd_complaint_event_new (kind);

  rd_complaint_event_set_stage (event, 1);
  rd_complaint_event_set_date (event, date);
  return event;
}

/* A complaint made 12 working days ago and acknowledged 3 working days
 * late; its response is not due yet. "Today" is the application's clock,
 * fixed on a Wednesday, so that the counts do not depend on the day the
 * suite runs. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(RdComplaint) complaint = rd_complaint_new ();
  g_autoptr(GDateTime) now = g_date_time_new_local (2025, 6, 11, 10, 0, 0);
  g_autoptr(RdClock) clock = rd_clock_new_fixed (now);
  g_autoptr(GDate) today = rd_clock_dup_today (clock);
  GDate made = working_days_from (today, -12);
  GDate acknowledged = working_days_from (&made, 8);
  RdComplaintEvent *events[2];
  const char *points[] = { "How you handled my reports of noise", NULL };

  f->dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  store = rd_store_open (f->dir, &error);
  g_assert_no_error (error);
  rd_store_set_clock (store, clock);
  rd_case_set_title (rcase, "Noise from Flat 6");
  rd_case_set_landlord_name (rcase, "Northway Homes");
  g_assert_true (rd_store_save_case (store, rcase, &error));
  f->case_id = rd_case_get_id (rcase);

  rd_complaint_set_case_id (complaint, f->case_id);
  rd_complaint_set_points (complaint, points);
  events[0] = event_new (RD_COMPLAINT_EVENT_MADE, &made);
  events[1] = event_new (RD_COMPLAINT_EVENT_ACKNOWLEDGED, &acknowledged);
  g_assert_true (rd_store_save_complaint_with_events (store, complaint, events, 2, &error));
  g_assert_no_error (error);
  f->complaint_id = rd_complaint_get_id (complaint);
  g_object_unref (events[0]);
  g_object_unref (events[1]);
  g_clear_object (&store);

  f->app = rd_test_gui_app_new (f->dir);
  rd_clock_set_fixed (rd_application_get_clock (f->app), now);
  f->window = rd_test_gui_window_new (f->app, 1000, 760);
  g_assert_true (rd_window_open_case (f->window, f->case_id, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rd_test_gui_close_app (&f->app, &f->dir);
}

static gboolean
dashboard_has_items (gpointer data)
{
  RdDashboard *dashboard = rd_dashboard_page_get_dashboard (data);

  return dashboard != NULL && g_list_model_get_n_items (rd_dashboard_get_items (dashboard)) > 0;
}

static RdDashboardPage *
show_dashboard (Fixture *f)
{
  RdDashboardPage *page = RD_DASHBOARD_PAGE (rd_window_show_page (f->window, "dashboard"));

  g_assert_true (rd_test_gui_wait_until (dashboard_has_items, page, 5000));
  rd_test_gui_wait_for_draw (GTK_WIDGET (page));
  return page;
}

static guint
count_labels_containing (GtkWidget  *root,
                         const char *needle)
{
  guint n = GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), needle) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_labels_containing (child, needle);
  return n;
}

/* The counts on the page are in working days: the page says once, in
 * view, how they are counted; and so does a letter that carries counts. */
static void
test_convention_shown (Fixture       *f,
                       gconstpointer  data)
{
  RdDashboardPage *page = show_dashboard (f);
  GtkWidget *label = rd_test_gui_find_by_text (GTK_WIDGET (page), rd_calendar_get_convention ());
  g_autoptr(RdStore) store = NULL;
  RdLetterDialog *letter;
  g_autofree char *text = NULL;

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_cmpuint (count_labels_containing (GTK_WIDGET (page), "day 1 is the first working day after"), ==, 1);

  g_object_get (page, "store", &store, NULL);
  letter = rd_letter_dialog_new (GTK_WINDOW (f->window), store, f->case_id, f->complaint_id,
                                 RD_LETTER_ESCALATION);
  text = rd_letter_dialog_dup_text (letter);
  g_assert_nonnull (strstr (text, "3 working days late"));
  g_assert_nonnull (strstr (text, rd_calendar_get_convention ()));
  gtk_window_destroy (GTK_WINDOW (letter));
}

/* An acknowledgement that came 3 working days late is settled, but it is a
 * finding: honest words, and never the green of success. */
static void
test_done_late_is_a_finding (Fixture       *f,
                             gconstpointer  data)
{
  RdDashboardPage *page = show_dashboard (f);
  GtkWidget *status = rd_test_gui_find_by_text (GTK_WIDGET (page), "Acknowledged 3 working days late");
  GtkWidget *row;

  g_assert_nonnull (status);
  g_assert_null (rd_test_gui_find_by_text (GTK_WIDGET (page), "Done 3 working days late"));
  g_assert_true (gtk_widget_has_css_class (status, "warning"));
  g_assert_false (gtk_widget_has_css_class (status, "success"));
  row = gtk_widget_get_parent (status);
  for (GtkWidget *child = gtk_widget_get_first_child (row); child; child = gtk_widget_get_next_sibling (child))
    g_assert_false (gtk_widget_has_css_class (child, "success"));
  g_assert_nonnull (rd_test_gui_find_by_text (row, "Done late"));
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

/* Working the case out happens off the main loop: a refresh returns at
 * once, and of two refreshes in a row only the newer one is shown. */
static void
test_refresh_in_worker (Fixture       *f,
                        gconstpointer  data)
{
  RdDashboardPage *page = show_dashboard (f);
  guint updated = 0;
  gint64 until;

  g_signal_connect (page, "updated", G_CALLBACK (count_cb), &updated);
  rd_dashboard_page_refresh (page);
  rd_dashboard_page_refresh (page);
  g_assert_cmpuint (updated, ==, 0);
  g_assert_true (rd_test_gui_wait_until (count_reached, &updated, 5000));
  until = g_get_monotonic_time () + 500 * 1000;
  rd_test_gui_wait_until (time_passed, &until, 1000);
  g_assert_cmpuint (updated, ==, 1);
  g_assert_nonnull (rd_test_gui_find_by_text (GTK_WIDGET (page), "Acknowledged 3 working days late"));
  g_signal_handlers_disconnect_by_func (page, count_cb, &updated);
}

int
main (int   argc,
      char *argv[])
{
  rd_test_gui_init (&argc, &argv);

  g_test_add ("/dashboard/convention-shown", Fixture, NULL, fixture_setup,
              test_convention_shown, fixture_teardown);
  g_test_add ("/dashboard/done-late-is-a-finding", Fixture, NULL, fixture_setup,
              test_done_late_is_a_finding, fixture_teardown);
  g_test_add ("/dashboard/refresh-in-worker", Fixture, NULL, fixture_setup,
              test_refresh_in_worker, fixture_teardown);
  return g_test_run ();
}
