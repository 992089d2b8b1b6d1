/* test-dashboard.c: the What Next page as a resident reads it: counts, their convention, late steps.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rd-application.h"
#include "rd-dashboard-page.h"
#include "rd-dashboard-row.h"
#include "rd-deadlines-dialog.h"
#include "rd-letter-dialog.h"
#include "rd-window.h"
#include "rd-test-gui.h"
#include "rd-test-notify.h"

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

/* @n promises from the landlord, one a day until yesterday, each due a
 * week after it was made and kept by the next day's contact: the last is
 * due soon, the others are done. */
static void
add_promises (RdStore     *store,
              gint64       case_id,
              const GDate *today,
              guint        n)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rd_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdContact) contact = rd_contact_new ();
      g_autoptr(GDateTime) at = NULL;
      GDate made = *today;
      GDate due;

      g_date_subtract_days (&made, n - i);
      due = made;
      g_date_add_days (&due, 7);
      at = g_date_time_new_local (g_date_get_year (&made), g_date_get_month (&made),
                                  g_date_get_day (&made), 10, 0, 0);
      rd_contact_set_case_id (contact, case_id);
      rd_contact_set_occurred_at (contact, at);
      rd_contact_set_direction (contact, RD_CONTACT_FROM);
      rd_contact_set_summary (contact, "A call from the repairs team");
      rd_contact_set_promise (contact, "Send someone to look at the damp");
      rd_contact_set_promise_due (contact, &due);
      g_assert_true (rd_store_save_contact (store, contact, &error));
    }
  g_assert_true (rd_store_commit (store, &error));
  g_assert_no_error (error);
}

/* A complaint made 12 working days ago and acknowledged 3 working days
 * late; its response is not due yet; and as many promises as the test
 * asks for (add_promises()). "Today" is the application's clock, fixed on
 * a Wednesday, so that the counts do not depend on the day the suite
 * runs. */
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
  add_promises (store, f->case_id, today, GPOINTER_TO_UINT (data));
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

static guint
n_items_shown (RdDashboardPage *page)
{
  return g_list_model_get_n_items (rd_dashboard_get_items (rd_dashboard_page_get_dashboard (page)));
}

/* Hidden, What Next does not work the case out again after each save
 * made elsewhere (the diary's autosave, while typing: with 100,000
 * entries each one reads the case on a worker and lands on the main
 * thread, issue 17), but as it is next shown, with what changed; shown,
 * it follows a save at once. */
static void
test_refresh_when_shown (Fixture       *f,
                         gconstpointer  data)
{
  RdDashboardPage *page = show_dashboard (f);
  RdStore *store = rd_application_get_store (f->app);
  g_autoptr(RdContact) contact = rd_contact_new ();
  g_autoptr(GDateTime) at = g_date_time_new_local (2025, 6, 10, 15, 0, 0);
  g_autoptr(GDate) due = g_date_new_dmy (20, G_DATE_JUNE, 2025);
  g_autoptr(GError) error = NULL;
  guint n_before = n_items_shown (page);
  guint updated = 0;
  gint64 until;

  g_signal_connect (page, "updated", G_CALLBACK (count_cb), &updated);
  rd_window_show_page (f->window, "diary");
  rd_test_gui_iterate ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  rd_contact_set_case_id (contact, f->case_id);
  rd_contact_set_occurred_at (contact, at);
  rd_contact_set_direction (contact, RD_CONTACT_FROM);
  rd_contact_set_summary (contact, "The housing officer rang back");
  rd_contact_set_promise (contact, "Mend the front door lock");
  rd_contact_set_promise_due (contact, due);
  g_assert_true (rd_store_save_contact (store, contact, &error));
  g_assert_no_error (error);
  /* Longer than a refresh waits for a burst of writes to end. */
  until = g_get_monotonic_time () + 1000 * 1000;
  rd_test_gui_wait_until (time_passed, &until, 2000);
  g_assert_cmpuint (updated, ==, 0);
  g_assert_cmpuint (n_items_shown (page), ==, n_before);

  rd_window_show_page (f->window, "dashboard");
  g_assert_true (rd_test_gui_wait_until (count_reached, &updated, 5000));
  g_assert_cmpuint (n_items_shown (page), ==, n_before + 1);

  /* Shown, a save is followed at once. */
  updated = 0;
  rd_contact_set_promise (contact, "");
  rd_contact_set_promise_due (contact, NULL);
  g_assert_true (rd_store_save_contact (store, contact, &error));
  g_assert_no_error (error);
  g_assert_true (rd_test_gui_wait_until (count_reached, &updated, 5000));
  g_assert_cmpuint (n_items_shown (page), ==, n_before);
  g_signal_handlers_disconnect_by_func (page, count_cb, &updated);
}

/* The widgets of What Next's rows (and of a dialog's) under @root. */
static guint
count_rows (GtkWidget *root)
{
  guint n = gtk_widget_has_css_class (root, "dashboard-row") ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);
  return n;
}

static gboolean
dashboard_has_many (gpointer data)
{
  RdDashboard *dashboard = rd_dashboard_page_get_dashboard (data);

  return dashboard != NULL && rd_dashboard_count (dashboard, RD_DASHBOARD_DONE) > 1000;
}

static RdDashboardPage *
show_many (Fixture *f)
{
  RdDashboardPage *page = RD_DASHBOARD_PAGE (rd_window_show_page (f->window, "dashboard"));

  g_assert_true (rd_test_gui_wait_until (dashboard_has_many, page, 30000));
  rd_test_gui_wait_for_draw (GTK_WIDGET (page));
  return page;
}

/* 5,000 deadlines: the page makes rows for the first few of each group
 * only, the first of the dashboard's order, and offers the rest of a
 * group behind one button that says how many there are. */
static void
test_many_bounded (Fixture       *f,
                   gconstpointer  data)
{
  RdDashboardPage *page = show_many (f);
  RdDashboard *dashboard = rd_dashboard_page_get_dashboard (page);
  GListModel *all = rd_dashboard_get_items (dashboard);
  guint total = 0, shown = 0;

  g_assert_cmpuint (g_list_model_get_n_items (all), >, 5000);
  for (guint group = 0; group < RD_DASHBOARD_N_GROUPS; group++)
    {
      GListModel *rows = rd_dashboard_page_get_rows (page, group);
      GtkButton *button = rd_dashboard_page_get_show_all_button (page, group);
      guint count = rd_dashboard_count (dashboard, group);
      guint start = rd_dashboard_group_start (dashboard, group);

      g_assert_cmpuint (start, ==, total);
      total += count;
      g_assert_cmpuint (g_list_model_get_n_items (rows), ==, MIN (count, 5));
      shown += g_list_model_get_n_items (rows);
      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(RdDashboardItem) row = g_list_model_get_item (rows, i);
          g_autoptr(RdDashboardItem) item = g_list_model_get_item (all, start + i);

          g_assert_true (row == item);
          g_assert_cmpint (rd_dashboard_item_get_group (row), ==, group);
        }
      g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (button)), ==, count > 5);
      if (count > 5)
        {
          g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
          g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (button)));
        }
    }
  g_assert_cmpuint (total, ==, g_list_model_get_n_items (all));
  g_assert_cmpuint (count_rows (GTK_WIDGET (page)), ==, shown);
  g_assert_cmpuint (shown, <=, 5 * RD_DASHBOARD_N_GROUPS);
  {
    g_autofree char *label = g_strdup_printf ("Show All %u Deadlines Done…",
                                              rd_dashboard_count (dashboard, RD_DASHBOARD_DONE));

    GtkWidget *button = GTK_WIDGET (rd_dashboard_page_get_show_all_button (page, RD_DASHBOARD_DONE));
    GtkSettings *settings = gtk_settings_get_default ();
    int dpi = 0, minimum = 0;

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button)))), ==, label);
    /* At twice the text size the button still fits a phone's 360 pixels,
     * less the page's margins: its words wrap. */
    g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
    g_object_set (settings, "gtk-xft-dpi", 2 * 96 * 1024, NULL);
    gtk_widget_measure (button, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
    g_assert_cmpint (minimum, <, 360 - 2 * 12);
  }
}

#define MAX_LIST_ROWS 210

static RdDeadlinesDialog *
find_deadlines_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (RD_IS_DEADLINES_DIALOG (window))
        return RD_DEADLINES_DIALOG (window);
    }
  return NULL;
}

/* The row of @dialog that shows @item, if it has been made. */
static GtkWidget *
find_row_of (GtkWidget       *dialog,
             RdDashboardItem *item)
{
  GtkWidget *label = rd_test_gui_find_by_text (dialog, rd_dashboard_item_get_context (item));

  /* The label, in the row's box, in the list's own widget for the item. */
  return label ? gtk_widget_get_parent (gtk_widget_get_parent (label)) : NULL;
}

/* "Show All…" opens every deadline of the group, in the dashboard's
 * order, in a list the keyboard is in and goes through to the last. Its
 * rows are made only for what is in view. */
static void
test_show_all_by_keyboard (Fixture       *f,
                           gconstpointer  data)
{
  RdDashboardPage *page = show_many (f);
  RdDashboard *dashboard = rd_dashboard_page_get_dashboard (page);
  GListModel *all = rd_dashboard_get_items (dashboard);
  guint count = rd_dashboard_count (dashboard, RD_DASHBOARD_DONE);
  guint start = rd_dashboard_group_start (dashboard, RD_DASHBOARD_DONE);
  RdDeadlinesDialog *dialog;
  GListModel *items;
  GtkWidget *list, *focus, *last_row;
  g_autoptr(RdDashboardItem) last = NULL;
  guint steps = 0;

  g_signal_emit_by_name (rd_dashboard_page_get_show_all_button (page, RD_DASHBOARD_DONE), "clicked");
  dialog = find_deadlines_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpint (rd_deadlines_dialog_get_group (dialog), ==, RD_DASHBOARD_DONE);
  items = rd_deadlines_dialog_get_items (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, count);
  for (guint i = 0; i < count; i++)
    {
      g_autoptr(RdDashboardItem) shown = g_list_model_get_item (items, i);
      g_autoptr(RdDashboardItem) item = g_list_model_get_item (all, start + i);

      g_assert_true (shown == item);
    }
  rd_test_gui_wait_for_draw (GTK_WIDGET (dialog));
  list = GTK_WIDGET (rd_deadlines_dialog_get_list_view (dialog));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), list) ||
                 gtk_root_get_focus (GTK_ROOT (dialog)) == list);
  /* GTK 4.8's list keeps at most 200 rows about what is in view, and
   * one each for the focused item and where it scrolls from. */
  g_assert_cmpuint (count_rows (GTK_WIDGET (dialog)), >, 0);
  g_assert_cmpuint (count_rows (GTK_WIDGET (dialog)), <=, MAX_LIST_ROWS);

  /* Down, as the arrow key moves, until the focus moves no further. */
  while (steps <= 2 * count)
    {
      GtkWidget *was = gtk_root_get_focus (GTK_ROOT (dialog));

      if (!gtk_widget_child_focus (list, GTK_DIR_DOWN) || gtk_root_get_focus (GTK_ROOT (dialog)) == was)
        break;
      steps++;
    }
  rd_test_gui_wait_for_draw (GTK_WIDGET (dialog));
  last = g_list_model_get_item (items, count - 1);
  last_row = find_row_of (GTK_WIDGET (dialog), last);
  g_assert_nonnull (last_row);
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_nonnull (focus);
  g_assert_true (focus == last_row || gtk_widget_is_ancestor (focus, last_row));
  g_assert_cmpuint (steps, >=, count - 1);
  g_assert_cmpuint (steps, <=, count);
  g_assert_cmpuint (count_rows (GTK_WIDGET (dialog)), <=, MAX_LIST_ROWS);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A case of 5,000 deadlines: What Next makes the sentences of the rows
 * it shows, not of every deadline it keeps; "Show All…" makes those of
 * the rows its list makes as it scrolls, not of the whole group. */
static void
test_sentences_shown (Fixture       *f,
                      gconstpointer  data)
{
  RdDashboardPage *page = show_many (f);
  RdDashboard *dashboard = rd_dashboard_page_get_dashboard (page);
  guint count = rd_dashboard_count (dashboard, RD_DASHBOARD_DONE);
  guint shown = 0, made;
  RdDeadlinesDialog *dialog;

  for (guint group = 0; group < RD_DASHBOARD_N_GROUPS; group++)
    shown += g_list_model_get_n_items (rd_dashboard_page_get_rows (page, group));
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (rd_dashboard_get_sentences_made (dashboard), ==, shown);

  g_signal_emit_by_name (rd_dashboard_page_get_show_all_button (page, RD_DASHBOARD_DONE), "clicked");
  dialog = find_deadlines_dialog ();
  g_assert_nonnull (dialog);
  rd_test_gui_wait_for_draw (GTK_WIDGET (dialog));
  made = rd_dashboard_get_sentences_made (dashboard);
  g_assert_cmpuint (count, >, 1000);
  g_assert_cmpuint (made, >, shown);
  g_assert_cmpuint (made, <=, shown + MAX_LIST_ROWS);
  /* To the end of the list and back: each row made as it comes into view. */
  gtk_widget_activate_action (GTK_WIDGET (rd_deadlines_dialog_get_list_view (dialog)), "list.scroll-to-item",
                              "u", count - 1);
  rd_test_gui_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_cmpuint (rd_dashboard_get_sentences_made (dashboard), <=, shown + 2 * MAX_LIST_ROWS);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
updated_cb (gpointer  page,
            guint    *count)
{
  (*count)++;
}

static GPtrArray *
shown_rows (RdDashboardPage *page)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint group = 0; group < RD_DASHBOARD_N_GROUPS; group++)
    {
      GListModel *model = rd_dashboard_page_get_rows (page, group);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        g_ptr_array_add (rows, g_list_model_get_item (model, i));
    }
  return rows;
}

/* A refresh that changes nothing keeps every row (the same items, so GTK
 * neither makes nor measures a row again); seven weeks later, when what
 * was due is overdue, the rows are made again. */
static void
test_rows_kept (Fixture       *f,
                gconstpointer  data)
{
  RdDashboardPage *page = show_many (f);
  g_autoptr(GPtrArray) before = shown_rows (page);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GDateTime) later = g_date_time_new_local (2025, 7, 30, 10, 0, 0);
  guint updated = 0;
  gulong handler = g_signal_connect (page, "updated", G_CALLBACK (updated_cb), &updated);

  g_assert_cmpuint (before->len, >, 0);
  rd_dashboard_page_refresh (page);
  g_assert_true (rd_test_gui_wait_until (count_reached, &updated, 30000));
  after = shown_rows (page);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_true (g_ptr_array_index (after, i) == g_ptr_array_index (before, i));

  updated = 0;
  rd_clock_set_fixed (rd_application_get_clock (f->app), later);
  g_assert_true (rd_test_gui_wait_until (count_reached, &updated, 30000));
  g_clear_pointer (&after, g_ptr_array_unref);
  after = shown_rows (page);
  g_assert_cmpuint (after->len, >, 0);
  g_assert_true (g_ptr_array_index (after, 0) != g_ptr_array_index (before, 0));
  g_signal_handler_disconnect (page, handler);
}

static gboolean
held_by_page_alone (gpointer data)
{
  RdDashboard *dashboard = rd_dashboard_page_get_dashboard (data);

  /* The deadline notifier reads it too, for a moment, after a start. */
  return dashboard != NULL && G_OBJECT (dashboard)->ref_count == 1;
}

/* A refresh lets go of the dashboard shown as it starts, rather than hold
 * it beside the one being worked out (tens of megabytes each for a long
 * diary), and the page goes on showing the rows it had until the new one
 * comes. "Show All…" asked for in that moment opens when it comes. */
static void
test_refresh_lets_go (Fixture       *f,
                      gconstpointer  data)
{
  RdDashboardPage *page = show_many (f);
  GtkStack *stack = GTK_STACK (rd_test_gui_find_by_id (GTK_WIDGET (page), "stack"));
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) during = NULL;
  RdDashboard *old;
  guint updated = 0, rows, count;
  gulong handler;

  g_assert_true (rd_test_gui_wait_until (held_by_page_alone, page, 30000));
  old = rd_dashboard_page_get_dashboard (page);
  count = rd_dashboard_count (old, RD_DASHBOARD_DONE);
  g_object_add_weak_pointer (G_OBJECT (old), (gpointer *) &old);
  before = shown_rows (page);
  rows = count_rows (GTK_WIDGET (page));
  g_assert_cmpuint (before->len, >, 0);
  handler = g_signal_connect (page, "updated", G_CALLBACK (updated_cb), &updated);

  rd_dashboard_page_refresh (page);
  g_assert_null (old);
  g_assert_null (rd_dashboard_page_get_dashboard (page));
  during = shown_rows (page);
  g_assert_cmpuint (during->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_true (g_ptr_array_index (during, i) == g_ptr_array_index (before, i));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "dashboard");
  g_assert_null (rd_dashboard_page_show_all (page, RD_DASHBOARD_DONE));
  g_assert_null (find_deadlines_dialog ());
  rd_test_gui_wait_for_draw (GTK_WIDGET (page));
  if (updated == 0)
    g_assert_cmpuint (count_rows (GTK_WIDGET (page)), ==, rows);

  g_assert_true (rd_test_gui_wait_until (count_reached, &updated, 30000));
  g_assert_nonnull (rd_dashboard_page_get_dashboard (page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "dashboard");
  {
    RdDeadlinesDialog *dialog = find_deadlines_dialog ();

    g_assert_nonnull (dialog);
    g_assert_cmpint (rd_deadlines_dialog_get_group (dialog), ==, RD_DASHBOARD_DONE);
    g_assert_cmpuint (g_list_model_get_n_items (rd_deadlines_dialog_get_items (dialog)), ==, count);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  g_signal_handler_disconnect (page, handler);
}

static gboolean
trigger_shown (gpointer data)
{
  RdDashboard *dashboard = rd_dashboard_page_get_dashboard (data);

  return dashboard != NULL && rd_dashboard_get_community_trigger (dashboard) != NULL;
}

static void
add_report (RdStore *store,
            gint64   case_id,
            int      year,
            int      month,
            int      day)
{
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GDateTime) at = g_date_time_new_local (year, month, day, 22, 0, 0);
  g_autoptr(GError) error = NULL;

  rd_incident_set_case_id (incident, case_id);
  rd_incident_set_starts_at (incident, at);
  rd_incident_set_description (incident, "Shouting and banging on the door");
  rd_incident_set_reported_to (incident, RD_REPORTED_COUNCIL);
  g_assert_true (rd_store_save_incident (store, incident, NULL, &error));
  g_assert_no_error (error);
}

static guint
count_lines (const char *text)
{
  guint n = *text ? 1 : 0;

  for (const char *c = text; *c; c++)
    n += *c == '\n';
  return n;
}

/* Years of reports to the council, three of them recent: the card lists
 * the reports that count and the newest 20 of those that do not, and
 * says how many older ones the summary has; and it writes that list only
 * when the resident opens it. */
static void
test_case_review_many_old_reports (Fixture       *f,
                                   gconstpointer  data)
{
  RdDashboardPage *page = show_dashboard (f);
  GtkExpander *expander = GTK_EXPANDER (rd_test_gui_find_by_id (GTK_WIDGET (page), "trigger_expander"));
  /* Out of the widget tree while the expander is closed. */
  GtkLabel *entries = GTK_LABEL (gtk_expander_get_child (expander));
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  g_object_get (page, "store", &store, NULL);
  g_assert_true (rd_store_begin (store, &error));
  for (guint i = 0; i < 60; i++)
    add_report (store, f->case_id, 2021 + i / 24, 1 + i % 24 / 2, 1 + i % 2 * 14);
  add_report (store, f->case_id, 2025, 5, 2);
  add_report (store, f->case_id, 2025, 5, 16);
  add_report (store, f->case_id, 2025, 6, 2);
  g_assert_true (rd_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_true (rd_test_gui_wait_until (trigger_shown, page, 30000));
  rd_test_gui_wait_for_draw (GTK_WIDGET (page));
  g_assert_false (gtk_expander_get_expanded (expander));
  g_assert_cmpstr (gtk_label_get_text (entries), ==, "");

  gtk_expander_set_expanded (expander, TRUE);
  text = gtk_label_get_text (entries);
  g_assert_true (g_str_has_prefix (text, "• Reported on "));
  g_assert_nonnull (strstr (text, "\n40 older reports that do not count are not listed here; "
                                  "the summary you copy lists them all.\n• "));
  g_assert_cmpuint (count_lines (text), ==, 3 + 1 + 20);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) notifications = NULL;

  rd_test_gui_init (&argc, &argv);
  /* The deadline notifier tells of what comes due (/dashboard/many/rows-kept
   * moves the clock on seven weeks): something on the session bus must
   * hear it, or GLib's warning that nothing did ends the test. */
  notifications = rd_test_notify_serve ();

  g_test_add ("/dashboard/convention-shown", Fixture, NULL, fixture_setup,
              test_convention_shown, fixture_teardown);
  g_test_add ("/dashboard/done-late-is-a-finding", Fixture, NULL, fixture_setup,
              test_done_late_is_a_finding, fixture_teardown);
  g_test_add ("/dashboard/refresh-in-worker", Fixture, NULL, fixture_setup,
              test_refresh_in_worker, fixture_teardown);
  g_test_add ("/dashboard/refresh-when-shown", Fixture, NULL, fixture_setup,
              test_refresh_when_shown, fixture_teardown);
  g_test_add ("/dashboard/many/bounded", Fixture, GUINT_TO_POINTER (5000), fixture_setup,
              test_many_bounded, fixture_teardown);
  g_test_add ("/dashboard/many/show-all-by-keyboard", Fixture, GUINT_TO_POINTER (5000), fixture_setup,
              test_show_all_by_keyboard, fixture_teardown);
  g_test_add ("/dashboard/case-review-many-old-reports", Fixture, NULL, fixture_setup,
              test_case_review_many_old_reports, fixture_teardown);
  g_test_add ("/dashboard/many/sentences-shown", Fixture, GUINT_TO_POINTER (5000), fixture_setup,
              test_sentences_shown, fixture_teardown);
  g_test_add ("/dashboard/many/rows-kept", Fixture, GUINT_TO_POINTER (5000), fixture_setup,
              test_rows_kept, fixture_teardown);
  g_test_add ("/dashboard/many/refresh-lets-go", Fixture, GUINT_TO_POINTER (5000), fixture_setup,
              test_refresh_lets_go, fixture_teardown);
  return g_test_run ();
}
