/* test-complaints.c: complaints through the widgets, the dashboard they feed, the guided flow.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rd-application.h"
#include "rd-complaint-assistant.h"
#include "rd-complaint-editor.h"
#include "rd-complaints-page.h"
#include "rd-dashboard-page.h"
#include "rd-evidence-links.h"
#include "rd-evidence-page.h"
#include "rd-gui-util.h"
#include "rd-date-time-picker.h"
#include "rd-incident-chooser.h"
#include "rd-letter-dialog.h"
#include "rd-step-dialog.h"
#include "rd-window.h"
#include "rd-test-fixtures.h"
#include "rd-test-gui.h"
#include "rd-test-notify.h"

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
  g_autoptr(RdCase) rcase = rd_case_new ();

  rd_case_set_title (rcase, "Noise from Flat 6");
  rd_case_set_resident_name (rcase, "Sam Resident");
  rd_case_set_landlord_name (rcase, "Northway Homes");
  rd_case_set_contact_preferences (rcase, "Email only");
  f->dir = rd_test_gui_data_dir_new (rcase);
  f->case_id = rd_case_get_id (rcase);

  f->app = rd_test_gui_app_new (f->dir);
  /* Never the real day: Wednesday 11 June 2025 unless a test says otherwise. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_local (2025, 6, 11, 10, 0, 0);

    rd_clock_set_fixed (rd_application_get_clock (f->app), now);
  }
  f->window = rd_test_gui_window_new (f->app, 1100, 760);
  g_assert_true (rd_window_open_case (f->window, f->case_id, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rd_test_gui_close_app (&f->app, &f->dir);
}

/* The working day @n working days before @from. */
static GDate
working_days_before (const GDate *from,
                     guint        n)
{
  GDate date = *from;

  while (n > 0)
    {
      g_date_subtract_days (&date, 1);
      if (rd_calendar_is_working_day (&date))
        n--;
    }
  return date;
}

static void
pick_date (GtkWidget   *root,
           const char  *id,
           const GDate *date)
{
  RdDateTimePicker *picker = RD_DATE_TIME_PICKER (rd_test_gui_find_by_id (root, id));
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                   g_date_get_day (date), 0, 0, 0);

  rd_date_time_picker_set_date_time (picker, dt);
}

/* Records a step through the step dialog, as the resident would. */
static void
add_step (RdComplaintEditor    *editor,
          RdComplaintEventKind  kind,
          const GDate          *date)
{
  RdStepDialog *dialog = RD_STEP_DIALOG (rd_complaint_editor_add_step (editor));
  GtkWidget *kind_row;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (dialog);
  rd_test_gui_wait_for_draw (GTK_WIDGET (dialog));
  kind_row = rd_test_gui_find_by_id (GTK_WIDGET (dialog), "kind_row");
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), kind);
  pick_date (GTK_WIDGET (dialog), "date_picker", date);
  g_assert_true (rd_step_dialog_save (dialog, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();
}

typedef struct {
  RdDashboardPage *page;
  RdDeadlineKind   kind;
  int              late;
} FirstIs;

static gboolean
dashboard_first_is (gpointer data)
{
  FirstIs *want = data;
  RdDashboard *dashboard = rd_dashboard_page_get_dashboard (want->page);
  g_autoptr(RdDashboardItem) first = NULL;

  if (dashboard == NULL || g_list_model_get_n_items (rd_dashboard_get_items (dashboard)) == 0)
    return FALSE;
  first = g_list_model_get_item (rd_dashboard_get_items (dashboard), 0);
  return rd_deadline_get_kind (rd_dashboard_item_get_deadline (first)) == want->kind &&
         rd_dashboard_item_get_group (first) == RD_DASHBOARD_OVERDUE &&
         rd_dashboard_item_get_working_days_late (first) == want->late;
}

/* A complaint entered through the widgets, acknowledged on time and never
 * answered: its stage 1 response is first on the dashboard, 5 working
 * days late, with a chaser to write. */
static void
test_late_response_first_on_dashboard (Fixture       *f,
                                       gconstpointer  data)
{
  /* A Wednesday: counted in working days, "late" must not depend on the
   * day the suite runs (weekends and bank holidays count differently). */
  g_autoptr(GDateTime) now = g_date_time_new_local (2025, 6, 11, 10, 0, 0);
  g_autoptr(GDate) today = rd_datetime_get_date (now);
  /* Acknowledged 15 working days ago: the response was due 10 working
   * days after that, so it is 5 working days late today. */
  GDate acknowledged = working_days_before (today, 15);
  GDate made = working_days_before (&acknowledged, 2);
  RdComplaintsPage *complaints;
  RdComplaintEditor *editor;
  RdDashboardPage *dashboard;
  GtkWidget *points;
  FirstIs want = { NULL, RD_DEADLINE_KIND_RESPONSE, 5 };
  GtkWindow *letter;
  g_autofree char *text = NULL;

  rd_clock_set_fixed (rd_application_get_clock (f->app), now);

  /* The case opens on its dashboard, with nothing to chase yet. */
  dashboard = RD_DASHBOARD_PAGE (rd_window_get_page (f->window, "dashboard"));
  g_assert_true (rd_window_show_page (f->window, "dashboard") == GTK_WIDGET (dashboard));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (rd_test_gui_find_by_id (GTK_WIDGET (dashboard), "stack"))),
                   ==, "empty");

  complaints = RD_COMPLAINTS_PAGE (rd_window_show_page (f->window, "complaints"));
  gtk_widget_activate_action (GTK_WIDGET (complaints), "complaints.new-complaint", NULL);
  editor = RD_COMPLAINT_EDITOR (rd_record_list_page_get_editor (RD_RECORD_LIST_PAGE (complaints)));
  g_assert_nonnull (rd_record_editor_get_record (RD_RECORD_EDITOR (editor)));
  points = rd_test_gui_find_by_id (GTK_WIDGET (editor), "points_view");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (points)),
                            "How you handled my reports of noise\nNot calling me back", -1);
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor), NULL));
  g_assert_cmpint (rd_complaint_get_id (rd_record_editor_get_record (RD_RECORD_EDITOR (editor))), >, 0);

  add_step (editor, RD_COMPLAINT_EVENT_MADE, &made);
  add_step (editor, RD_COMPLAINT_EVENT_ACKNOWLEDGED, &acknowledged);
  g_assert_cmpuint (g_list_model_get_n_items (rd_complaint_editor_get_steps (editor)), ==, 2);

  /* The dashboard works it out again by itself. */
  rd_window_show_page (f->window, "dashboard");
  want.page = dashboard;
  g_assert_true (rd_test_gui_wait_until (dashboard_first_is, &want, 5000));
  rd_test_gui_wait_for_draw (GTK_WIDGET (dashboard));
  g_assert_nonnull (rd_test_gui_find_by_text (GTK_WIDGET (dashboard), "5 working days late"));
  g_assert_nonnull (rd_test_gui_find_by_text (GTK_WIDGET (dashboard), "Stage 1 response"));
  if (g_getenv ("REDRESS_SCREENSHOTS") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("REDRESS_SCREENSHOTS"), "dashboard.png", NULL);
      rd_test_gui_save_screenshot (GTK_WIDGET (f->window), png);
    }

  /* Its next step writes a chaser that carries the count. */
  {
    g_autoptr(RdDashboardItem) first = g_list_model_get_item (rd_dashboard_get_items (rd_dashboard_page_get_dashboard (dashboard)), 0);
    g_assert_cmpint (rd_dashboard_item_get_next_step (first), ==, RD_NEXT_STEP_CHASE);
  }
  letter = rd_dashboard_page_write_letter (dashboard, 0);
  g_assert_true (RD_IS_LETTER_DIALOG (letter));
  text = rd_letter_dialog_dup_text (RD_LETTER_DIALOG (letter));
  g_assert_nonnull (strstr (text, "5 working days late"));
  g_assert_nonnull (strstr (text, "Email only"));
  gtk_window_destroy (letter);

  /* The next day the page counts again by itself, as it does at midnight. */
  {
    g_autoptr(GDateTime) thursday = g_date_time_add_days (now, 1);

    want.late = 6;
    rd_clock_set_fixed (rd_application_get_clock (f->app), thursday);
    g_assert_true (rd_test_gui_wait_until (dashboard_first_is, &want, 5000));
  }
}

/* Whether a key binding of @widget's class runs @action on @trigger. */
static gboolean
has_binding (GtkWidget  *widget,
             const char *trigger,
             const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *named = gtk_shortcut_get_action (shortcut);

          if (g_str_equal (text, trigger) && GTK_IS_NAMED_ACTION (named) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (named)), action))
            return TRUE;
        }
    }
  return FALSE;
}

/* The guided flow: points, a ticked diary entry, an outcome, the letter,
 * and "sent today" makes the complaint's first step. */
static void
test_start_a_complaint (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GDateTime) when = rd_datetime_parse_local ("2024-09-06T23:20", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCase) rcase = rd_store_get_case (rd_window_get_store (f->window), f->case_id, NULL);
  RdComplaintAssistant *assistant;
  GtkWidget *points, *chooser, *sent, *subject;
  g_autofree char *letter = NULL;
  g_autoptr(RdComplaint) saved = NULL;
  g_autoptr(RdComplaint) stored = NULL;
  g_autoptr(GListModel) events = NULL;
  GPtrArray *checks;

  rd_incident_set_case_id (incident, f->case_id);
  rd_incident_set_starts_at (incident, when);
  rd_incident_set_description (incident, "Loud music from Flat 6 until 3 am");
  g_assert_true (rd_store_save_incident (rd_window_get_store (f->window), incident, NULL, &error));

  assistant = rd_complaint_assistant_new (GTK_WINDOW (f->window), rd_window_get_store (f->window), rcase);
  gtk_window_present (GTK_WINDOW (assistant));
  rd_test_gui_wait_for_draw (GTK_WIDGET (assistant));
  g_assert_cmpint (rd_complaint_assistant_get_step (assistant), ==, RD_ASSISTANT_STEP_POINTS);

  /* Nothing written: it explains and stays. */
  g_assert_false (rd_complaint_assistant_next (assistant));
  g_assert_true (gtk_widget_get_visible (rd_test_gui_find_by_id (GTK_WIDGET (assistant), "points_error")));

  points = rd_test_gui_find_by_id (GTK_WIDGET (assistant), "points_view");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (points)),
                            "How you handled my reports of noise from Flat 6", -1);
  /* What it is about: not said until chosen, one choice per subject. */
  subject = rd_test_gui_find_by_id (GTK_WIDGET (assistant), "subject_row");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (subject)), ==, RD_COMPLAINT_SUBJECT_NOT_SAID);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (subject))), ==,
                    RD_COMPLAINT_SUBJECT_N_SUBJECTS);
  g_assert_true (gtk_widget_get_focusable (subject));
  adw_combo_row_set_selected (ADW_COMBO_ROW (subject), RD_COMPLAINT_SUBJECT_ASB);
  g_assert_true (rd_complaint_assistant_next (assistant));
  g_assert_cmpint (rd_complaint_assistant_get_step (assistant), ==, RD_ASSISTANT_STEP_INCIDENTS);
  chooser = rd_test_gui_find_by_id (GTK_WIDGET (assistant), "incident_chooser");
  rd_incident_chooser_set_chosen_at (RD_INCIDENT_CHOOSER (chooser), 0, TRUE);
  g_assert_true (rd_complaint_assistant_next (assistant));
  g_assert_cmpint (rd_complaint_assistant_get_step (assistant), ==, RD_ASSISTANT_STEP_TOLD);
  g_assert_true (rd_complaint_assistant_next (assistant));

  /* An apology, please. */
  checks = g_ptr_array_new ();
  {
    GtkWidget *box = rd_test_gui_find_by_id (GTK_WIDGET (assistant), "outcomes_box");
    for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
      g_ptr_array_add (checks, child);
  }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (g_ptr_array_index (checks, 0)), TRUE);
  g_ptr_array_unref (checks);
  g_assert_true (rd_complaint_assistant_next (assistant));
  g_assert_cmpint (rd_complaint_assistant_get_step (assistant), ==, RD_ASSISTANT_STEP_LETTER);

  /* The step says "copy it … or print it": both are there, by button and
   * by the keys the shortcuts window gives for a letter. */
  {
    GtkWidget *print = rd_test_gui_find_by_id (GTK_WIDGET (assistant), "print_button");

    g_assert_nonnull (print);
    g_assert_true (gtk_widget_is_drawable (print));
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (print)), ==, "assistant.print");
    g_assert_true (gtk_widget_is_sensitive (print));
    g_assert_true (has_binding (GTK_WIDGET (assistant), "<Control>p", "assistant.print"));
    g_assert_true (has_binding (GTK_WIDGET (assistant), "<Shift><Control>c", "assistant.copy"));
  }

  letter = rd_complaint_assistant_dup_letter (assistant);
  g_assert_nonnull (strstr (letter, "How you handled my reports of noise from Flat 6"));
  g_assert_nonnull (strstr (letter, "Friday 6 September 2024 at 23:20: Loud music from Flat 6 until 3 am"));
  g_assert_nonnull (strstr (letter, "An apology in writing."));
  g_assert_nonnull (strstr (letter, "Email only"));

  sent = rd_test_gui_find_by_id (GTK_WIDGET (assistant), "sent_check");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (sent), TRUE);
  saved = rd_complaint_assistant_finish (assistant, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_assert_true (rd_complaint_has_incident (saved, rd_incident_get_id (incident)));
  stored = rd_store_get_complaint (rd_window_get_store (f->window), rd_complaint_get_id (saved), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rd_complaint_get_subject (stored), ==, RD_COMPLAINT_SUBJECT_ASB);
  events = rd_store_list_complaint_events (rd_window_get_store (f->window), rd_complaint_get_id (saved), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 1);
  gtk_window_destroy (GTK_WINDOW (assistant));
  rd_test_gui_iterate ();

  /* The complaints page lists it. */
  {
    RdComplaintsPage *page = RD_COMPLAINTS_PAGE (rd_window_show_page (f->window, "complaints"));
    g_assert_cmpuint (g_list_model_get_n_items (rd_complaints_page_get_complaints (page)), ==, 1);
  }
}

static RdComplaintAssistant *
find_assistant (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (RD_IS_COMPLAINT_ASSISTANT (l->data))
      return l->data;
  return NULL;
}

static gboolean
assistant_gone (gpointer data)
{
  return find_assistant () == NULL;
}

/* Started from the Complaints page, the assistant hands the keyboard to
 * the new complaint in the list when it is done, not back to its button. */
static void
test_focus_after_assistant (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *page = rd_window_show_page (f->window, "complaints");
  GtkWidget *list_view = rd_test_gui_find_by_id (page, "list_view");
  RdComplaintAssistant *assistant;
  GtkWidget *points, *focus;

  rd_test_gui_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_activate_action (page, "complaints.start", NULL));
  rd_test_gui_iterate ();
  assistant = find_assistant ();
  g_assert_nonnull (assistant);
  rd_test_gui_wait_for_draw (GTK_WIDGET (assistant));
  points = rd_test_gui_find_by_id (GTK_WIDGET (assistant), "points_view");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (points)),
                            "How you handled my reports of noise from Flat 6", -1);
  while (rd_complaint_assistant_get_step (assistant) != RD_ASSISTANT_STEP_LETTER)
    g_assert_true (rd_complaint_assistant_next (assistant));
  g_assert_true (rd_complaint_assistant_next (assistant));
  g_assert_true (rd_test_gui_wait_until (assistant_gone, NULL, 5000));
  rd_test_gui_iterate ();

  g_assert_cmpuint (g_list_model_get_n_items (rd_complaints_page_get_complaints (RD_COMPLAINTS_PAGE (page))),
                    ==, 1);
  focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, list_view));
}

/* Escape half-way through Start a Complaint throws nothing away: the
 * assistant comes back as it was left. Closed with nothing written, it goes. */
static void
test_assistant_keeps_draft (Fixture       *f,
                            gconstpointer  data)
{
  static const char points_text[] = "You did not answer my reports of noise from Flat 6";
  GtkWidget *page = rd_window_show_page (f->window, "complaints");
  RdComplaintAssistant *assistant, *again;
  GtkWidget *points;
  g_autofree char *kept = NULL;

  rd_test_gui_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_activate_action (page, "complaints.start", NULL));
  rd_test_gui_iterate ();
  assistant = find_assistant ();
  g_assert_nonnull (assistant);
  rd_test_gui_wait_for_draw (GTK_WIDGET (assistant));
  points = rd_test_gui_find_by_id (GTK_WIDGET (assistant), "points_view");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (points)), points_text, -1);
  g_assert_true (rd_complaint_assistant_next (assistant));

  /* Escape closes the window through window.close. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "window.close", NULL));
  rd_test_gui_iterate ();
  g_assert_true (find_assistant () == assistant);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (assistant)));

  g_assert_true (gtk_widget_activate_action (page, "complaints.start", NULL));
  rd_test_gui_iterate ();
  again = find_assistant ();
  g_assert_true (again == assistant);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (again)));
  g_assert_cmpint (rd_complaint_assistant_get_step (again), ==, RD_ASSISTANT_STEP_INCIDENTS);
  kept = rd_gui_text_view_dup_text (GTK_TEXT_VIEW (points));
  g_assert_cmpstr (kept, ==, points_text);

  /* Back to an empty first step: nothing to keep, so it goes. */
  rd_complaint_assistant_back (again);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (points)), "", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (again), "window.close", NULL));
  g_assert_true (rd_test_gui_wait_until (assistant_gone, NULL, 5000));
}

/* The sample's diary meets the ASB Case Review threshold: the dashboard
 * says so and names the entries. */
static void
test_case_review_card (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 sample = rd_sample_ensure (rd_window_get_store (f->window), &error);
  RdDashboardPage *page;
  GtkRevealer *revealer;
  GtkLabel *entries;

  g_assert_true (rd_window_open_case (f->window, sample, &error));
  page = RD_DASHBOARD_PAGE (rd_window_get_page (f->window, "dashboard"));
  rd_test_gui_wait_for_draw (GTK_WIDGET (page));
  revealer = GTK_REVEALER (rd_test_gui_find_by_id (GTK_WIDGET (page), "trigger_revealer"));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  if (g_getenv ("REDRESS_SCREENSHOTS") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("REDRESS_SCREENSHOTS"), "what-next.png", NULL);

      for (int i = 0; i < 5; i++)
        {
          rd_test_gui_wait_for_draw (GTK_WIDGET (f->window));
          g_usleep (100 * 1000);
        }
      rd_test_gui_save_screenshot (GTK_WIDGET (f->window), png);
    }
  /* The entries are behind an expander: open it, as the resident would. */
  gtk_expander_set_expanded (GTK_EXPANDER (rd_test_gui_find_by_type (GTK_WIDGET (page), GTK_TYPE_EXPANDER)), TRUE);
  entries = GTK_LABEL (rd_test_gui_find_by_id (GTK_WIDGET (page), "trigger_entries_label"));
  g_assert_nonnull (entries);
  /* Each report is dated by when it was made and says to whom. */
  g_assert_true (g_str_has_prefix (gtk_label_get_text (entries), "• Reported on "));
  g_assert_nonnull (strstr (gtk_label_get_text (entries), " to "));
  /* And its stage 2 response, never sent, is for the Ombudsman. */
  {
    g_autoptr(RdDashboardItem) first = g_list_model_get_item (rd_dashboard_get_items (rd_dashboard_page_get_dashboard (page)), 0);
    g_assert_cmpint (rd_dashboard_item_get_group (first), ==, RD_DASHBOARD_OVERDUE);
  }
}

/* Every Notify call the stand-in notification service took (rd-test-notify.c). */
static GPtrArray *desktop_shown;

typedef struct {
  guint  count;
  char  *title;
  char  *body;
} Told;

static void
on_notified_cb (RdDeadlineNotifier *notifier,
                const char         *id,
                const char         *title,
                const char         *body,
                Told               *told)
{
  told->count++;
  g_free (told->title);
  g_free (told->body);
  told->title = g_strdup (title);
  told->body = g_strdup (body);
}

static gboolean
desktop_got_two (gpointer data)
{
  return desktop_shown->len >= 2;
}

/* A deadline due by the next working day is told once; when it becomes
 * overdue it is told once more; never twice, even by a new notifier (the
 * app started again); never for the sample; never while locked. */
static void
test_notifications (Fixture       *f,
                    gconstpointer  data)
{
  RdStore *store = rd_window_get_store (f->window);
  RdDeadlineNotifier *notifier = rd_window_get_notifier (f->window);
  g_autoptr(RdComplaint) complaint = rd_complaint_new ();
  g_autoptr(RdComplaintEvent) made = rd_complaint_event_new (RD_COMPLAINT_EVENT_MADE);
  g_autoptr(GDate) made_on = rd_date_parse_iso ("2024-11-04", NULL);   /* a Monday */
  g_autoptr(GDate) friday = rd_date_parse_iso ("2024-11-08", NULL);    /* acknowledgement due Monday 11th */
  g_autoptr(GDate) tuesday = rd_date_parse_iso ("2024-11-12", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(RdDeadlineNotifier) again = NULL;
  Told told = { 0 };

  g_assert_nonnull (notifier);
  g_ptr_array_set_size (desktop_shown, 0);
  g_assert_cmpint (rd_sample_ensure (store, &error), >, 0);   /* overdue, but a sample */
  rd_complaint_set_case_id (complaint, f->case_id);
  g_assert_true (rd_store_save_complaint (store, complaint, &error));
  rd_complaint_event_set_complaint_id (made, rd_complaint_get_id (complaint));
  rd_complaint_event_set_date (made, made_on);
  g_assert_true (rd_store_save_complaint_event (store, made, &error));
  g_signal_connect (notifier, "notified", G_CALLBACK (on_notified_cb), &told);

  /* Locked: nothing. */
  rd_deadline_notifier_set_today (notifier, friday);
  rd_deadline_notifier_set_paused (notifier, TRUE);
  g_assert_cmpuint (rd_deadline_notifier_check (notifier), ==, 0);
  rd_deadline_notifier_set_paused (notifier, FALSE);

  /* On the Friday, the acknowledgement is due by the next working day.
   * Unless the person chose to show case details, the notification (which
   * stays in the desktop's list, and shows on its lock screen) names
   * nothing of the case. */
  g_assert_false (g_settings_get_boolean (settings, "reminder-details"));
  g_assert_cmpuint (rd_deadline_notifier_check (notifier), ==, 1);
  g_assert_cmpuint (told.count, ==, 1);
  g_assert_cmpstr (told.title, ==, "A deadline in one of your cases is due by the next working day");
  g_assert_null (strstr (told.body, "Noise from Flat 6"));
  g_assert_null (strstr (told.body, "acknowledgement"));
  g_assert_cmpuint (rd_deadline_notifier_check (notifier), ==, 0);

  /* With details allowed, the next one names the case and the deadline.
   * On the Tuesday it is overdue: told once more, then not again. */
  g_settings_set_boolean (settings, "reminder-details", TRUE);
  rd_deadline_notifier_set_today (notifier, tuesday);
  g_assert_cmpuint (rd_deadline_notifier_check (notifier), ==, 1);
  g_assert_cmpstr (told.title, ==, "Overdue: Stage 1 acknowledgement");
  g_assert_nonnull (strstr (told.body, "Noise from Flat 6"));
  g_assert_nonnull (strstr (told.body, "1 working day late"));
  g_assert_cmpuint (rd_deadline_notifier_check (notifier), ==, 0);

  /* A new notifier (the next time Redress runs) remembers. */
  again = rd_deadline_notifier_new (G_APPLICATION (f->app), store, settings);
  rd_deadline_notifier_set_today (again, tuesday);
  g_assert_cmpuint (rd_deadline_notifier_check (again), ==, 0);
  g_assert_cmpuint (told.count, ==, 2);

  /* They went out through the desktop's notification service. */
  g_assert_true (rd_test_gui_wait_until (desktop_got_two, NULL, 5000));
  {
    const RdTestNotification *last = g_ptr_array_index (desktop_shown, desktop_shown->len - 1);

    g_assert_cmpstr (last->summary, ==, "Overdue: Stage 1 acknowledgement");
  }

  g_settings_reset (settings, "reminder-details");
  g_signal_handlers_disconnect_by_data (notifier, &told);
  g_free (told.title);
  g_free (told.body);
}

/* Clicking a reminder runs app.open-case with the data folder and the
 * case number: that case opens. A case of another data folder does not
 * take the place of the one open (this Redress holds one folder). */
static void
test_open_case_from_reminder (Fixture       *f,
                              gconstpointer  data)
{
  RdStore *store = rd_window_get_store (f->window);
  g_autoptr(RdCase) other = rd_case_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *elsewhere = g_build_filename (f->dir, "elsewhere", NULL);
  gint64 other_id;

  rd_case_set_title (other, "Leak in the bathroom");
  g_assert_true (rd_store_save_case (store, other, &error));
  other_id = rd_case_get_id (other);
  g_assert_cmpint (rd_case_get_id (rd_window_get_case (f->window)), ==, f->case_id);

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "open-case",
                                  g_variant_new ("(sx)", rd_store_get_data_dir (store), other_id));
  rd_test_gui_iterate ();
  g_assert_cmpint (rd_case_get_id (rd_window_get_case (f->window)), ==, other_id);

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "open-case",
                                  g_variant_new ("(sx)", elsewhere, f->case_id));
  rd_test_gui_iterate ();
  g_assert_cmpint (rd_case_get_id (rd_window_get_case (f->window)), ==, other_id);
}

/* A complaint step points at the evidence that proves it: chosen while the
 * step is new, linked when it is saved, listed when it is opened again,
 * and offered by the Evidence page's link filter. */
static void
test_step_evidence (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "acknowledgement.pdf", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(RdEvidence) letter = NULL;
  RdStore *store = rd_window_get_store (f->window);
  g_autoptr(GDate) today = rd_clock_dup_today (rd_store_get_clock (store));
  GDate made = working_days_before (today, 3);
  RdComplaintsPage *complaints;
  RdComplaintEditor *editor;
  RdStepDialog *dialog;
  RdEvidenceLinks *links;
  RdComplaintEvent *event;
  g_autoptr(RdComplaintEvent) step = NULL;
  GtkWidget *link_row;
  g_autoptr(GListModel) linked = NULL;
  GtkWidget *evidence_page;
  GtkDropDown *filter;
  GListModel *filter_labels;
  gboolean offered = FALSE;

  rd_fixture_text_pdf (pdf, 1, "We have received your complaint", 595.276, 841.89);
  file = g_file_new_for_path (pdf);
  letter = rd_store_import_evidence (store, f->case_id, file, NULL, NULL, &error);
  g_assert_no_error (error);

  complaints = RD_COMPLAINTS_PAGE (rd_window_show_page (f->window, "complaints"));
  gtk_widget_activate_action (GTK_WIDGET (complaints), "complaints.new-complaint", NULL);
  editor = RD_COMPLAINT_EDITOR (rd_record_list_page_get_editor (RD_RECORD_LIST_PAGE (complaints)));
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor), NULL));

  /* A new step: the letter is chosen before the step exists. */
  dialog = RD_STEP_DIALOG (rd_complaint_editor_add_step (editor));
  rd_test_gui_wait_for_draw (GTK_WIDGET (dialog));
  pick_date (GTK_WIDGET (dialog), "date_picker", &made);
  links = RD_EVIDENCE_LINKS (rd_test_gui_find_by_id (GTK_WIDGET (dialog), "evidence_links"));
  g_assert_nonnull (links);
  link_row = rd_test_gui_find_by_id (GTK_WIDGET (links), "evidence_row");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (link_row))), ==, 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (link_row), 0);
  gtk_editable_set_text (GTK_EDITABLE (rd_test_gui_find_by_id (GTK_WIDGET (links), "link_note_row")),
                         "The complaint as sent");
  gtk_widget_activate_action (GTK_WIDGET (links), "evidence-links.link", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (rd_evidence_links_get_linked (links)), ==, 1);
  /* Nothing is written before the step is. */
  linked = rd_store_list_evidence_links (store, rd_evidence_get_id (letter), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 0);
  g_clear_object (&linked);

  g_assert_true (rd_step_dialog_save (dialog, &error));
  g_assert_no_error (error);
  event = rd_step_dialog_get_event (dialog);
  g_assert_cmpint (rd_complaint_event_get_id (event), >, 0);
  linked = rd_store_list_linked_evidence (store, RD_EVIDENCE_TARGET_COMPLAINT_EVENT,
                                          rd_complaint_event_get_id (event), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();

  /* Opened again, the step lists it, with what it shows. */
  step = g_list_model_get_item (rd_complaint_editor_get_steps (editor), 0);
  dialog = rd_step_dialog_new (GTK_WINDOW (f->window), store,
                               rd_record_editor_get_record (RD_RECORD_EDITOR (editor)), step);
  links = RD_EVIDENCE_LINKS (rd_test_gui_find_by_id (GTK_WIDGET (dialog), "evidence_links"));
  g_assert_cmpuint (g_list_model_get_n_items (rd_evidence_links_get_linked (links)), ==, 1);
  g_assert_nonnull (rd_test_gui_find_by_text (GTK_WIDGET (links), "The complaint as sent"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();

  /* The Evidence page can filter by it. */
  evidence_page = rd_window_show_page (f->window, "evidence");
  filter = GTK_DROP_DOWN (rd_test_gui_find_by_id (evidence_page, "link_dropdown"));
  filter_labels = gtk_drop_down_get_model (filter);
  for (guint i = 0; i < g_list_model_get_n_items (filter_labels); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (filter_labels), i), "Complaint: "))
      offered = TRUE;
  g_assert_true (offered);
}

typedef struct {
  RdStore    *store;
  gint64      id;
  const char *notes;
} StoredNotes;

static gboolean
step_notes_stored (gpointer data)
{
  StoredNotes *want = data;
  g_autoptr(RdComplaintEvent) stored = rd_store_get_complaint_event (want->store, want->id, NULL);

  return stored != NULL && g_strcmp0 (rd_complaint_event_get_notes (stored), want->notes) == 0;
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

static RdStepDialog *
find_step_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (RD_IS_STEP_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return RD_STEP_DIALOG (window);
    }
  return NULL;
}

/* Changing a step that exists saves as you type, with no Add or Cancel: a
 * moment after typing pauses it is in the store with the window still open.
 * A step that cannot be (a complaint made at stage 2) is explained and
 * never written; closing then keeps the window open once, and closing
 * again leaves the step as it was last saved. A new step keeps Add. */
static void
test_edit_step_save_as_you_type (Fixture       *f,
                                 gconstpointer  data)
{
  RdStore *store = rd_window_get_store (f->window);
  g_autoptr(GDate) today = rd_clock_dup_today (rd_store_get_clock (store));
  GDate made = working_days_before (today, 3);
  RdComplaintsPage *complaints;
  RdComplaintEditor *editor;
  RdStepDialog *dialog;
  g_autoptr(RdComplaintEvent) step = NULL;
  g_autoptr(RdComplaintEvent) stored = NULL;
  StoredNotes want = { store, 0, "Sent by email to the housing officer" };
  GtkWidget *status;
  gint64 until;

  complaints = RD_COMPLAINTS_PAGE (rd_window_show_page (f->window, "complaints"));
  gtk_widget_activate_action (GTK_WIDGET (complaints), "complaints.new-complaint", NULL);
  editor = RD_COMPLAINT_EDITOR (rd_record_list_page_get_editor (RD_RECORD_LIST_PAGE (complaints)));
  g_assert_true (rd_record_editor_flush (RD_RECORD_EDITOR (editor), NULL));

  dialog = RD_STEP_DIALOG (rd_complaint_editor_add_step (editor));
  g_assert_true (gtk_widget_get_visible (rd_test_gui_find_by_id (GTK_WIDGET (dialog), "add_button")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();
  add_step (editor, RD_COMPLAINT_EVENT_MADE, &made);
  step = g_list_model_get_item (rd_complaint_editor_get_steps (editor), 0);
  want.id = rd_complaint_event_get_id (step);
  g_assert_cmpint (want.id, >, 0);

  dialog = rd_step_dialog_new (GTK_WINDOW (f->window), store,
                               rd_record_editor_get_record (RD_RECORD_EDITOR (editor)), step);
  gtk_window_present (GTK_WINDOW (dialog));
  rd_test_gui_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_false (gtk_widget_get_visible (rd_test_gui_find_by_id (GTK_WIDGET (dialog), "add_button")));
  g_assert_false (gtk_widget_get_visible (rd_test_gui_find_by_id (GTK_WIDGET (dialog), "cancel_button")));
  status = rd_test_gui_find_by_id (GTK_WIDGET (dialog), "status_label");

  gtk_editable_set_text (GTK_EDITABLE (rd_test_gui_find_by_id (GTK_WIDGET (dialog), "notes_row")), want.notes);
  g_assert_true (rd_test_gui_wait_until (step_notes_stored, &want, 5000));
  g_assert_true (find_step_dialog () == dialog);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "Saved");

  /* A complaint is made at stage 1: stage 2 is refused in place. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (rd_test_gui_find_by_id (GTK_WIDGET (dialog), "stage_spin")), 2);
  until = g_get_monotonic_time () + 1500 * 1000;
  rd_test_gui_wait_until (time_passed, &until, 3000);
  g_assert_true (gtk_widget_get_visible (rd_test_gui_find_by_id (GTK_WIDGET (dialog), "error_label")));
  stored = rd_store_get_complaint_event (store, want.id, NULL);
  g_assert_cmpuint (rd_complaint_event_get_stage (stored), ==, 1);

  gtk_window_close (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();
  g_assert_true (find_step_dialog () == dialog);
  g_assert_true (gtk_widget_has_css_class (status, "inline-error"));

  gtk_window_close (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();
  g_assert_null (find_step_dialog ());
  g_clear_object (&stored);
  stored = rd_store_get_complaint_event (store, want.id, NULL);
  g_assert_cmpuint (rd_complaint_event_get_stage (stored), ==, 1);
  g_assert_cmpstr (rd_complaint_event_get_notes (stored), ==, want.notes);
}

int
main (int   argc,
      char *argv[])
{
  rd_test_gui_init (&argc, &argv);
  desktop_shown = rd_test_notify_serve ();

  g_test_add ("/complaints/late-response-first-on-dashboard", Fixture, NULL, fixture_setup,
              test_late_response_first_on_dashboard, fixture_teardown);
  g_test_add ("/complaints/step-evidence", Fixture, NULL, fixture_setup,
              test_step_evidence, fixture_teardown);
  g_test_add ("/complaints/edit-step-save-as-you-type", Fixture, NULL, fixture_setup,
              test_edit_step_save_as_you_type, fixture_teardown);
  g_test_add ("/complaints/open-case-from-reminder", Fixture, NULL, fixture_setup,
              test_open_case_from_reminder, fixture_teardown);
  g_test_add ("/complaints/focus-after-assistant", Fixture, NULL, fixture_setup,
              test_focus_after_assistant, fixture_teardown);
  g_test_add ("/complaints/assistant-keeps-draft", Fixture, NULL, fixture_setup,
              test_assistant_keeps_draft, fixture_teardown);
  g_test_add ("/complaints/start-a-complaint", Fixture, NULL, fixture_setup,
              test_start_a_complaint, fixture_teardown);
  g_test_add ("/complaints/case-review-card", Fixture, NULL, fixture_setup,
              test_case_review_card, fixture_teardown);
  g_test_add ("/complaints/notifications", Fixture, NULL, fixture_setup,
              test_notifications, fixture_teardown);

  return g_test_run ();
}
