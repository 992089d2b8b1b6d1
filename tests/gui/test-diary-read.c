/* test-diary-read.c: the diary page's list read on a worker and shown a piece at a time.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rd-application.h"
#include "rd-diary-item.h"
#include "rd-diary-page.h"
#include "rd-incident-editor.h"
#include "rd-window.h"
#include "rd-test-gui.h"

/* More than two of the pieces the page puts in the list at a time. */
#define LONG_DIARY 5000

typedef struct {
  char          *dir;
  RdApplication *app;
  RdWindow      *window;
  RdDiaryPage   *page;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  f->app = rd_test_gui_app_new (f->dir);
  {
    g_autoptr(GDateTime) now = g_date_time_new_local (2026, 12, 7, 10, 0, 0);

    rd_clock_set_fixed (rd_application_get_clock (f->app), now);
  }
  f->window = rd_test_gui_window_new (f->app, 0, 0);
  f->page = RD_DIARY_PAGE (rd_window_get_page (f->window, "diary"));
  g_assert_nonnull (f->page);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rd_test_gui_close_app (&f->app, &f->dir);
}

/* A case of @n entries, one every 61 minutes from 2016; the categories and
 * reports vary, and some share a start, so the order has ties to break. */
static gint64
add_case (RdStore    *store,
          const char *title,
          guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(GDateTime) first = g_date_time_new_local (2016, 1, 4, 22, 0, 0);

  rd_case_set_title (rcase, title);
  g_assert_true (rd_store_save_case (store, rcase, &error));
  g_assert_no_error (error);
  g_assert_true (rd_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdIncident) incident = rd_incident_new ();
      g_autoptr(GDateTime) at = g_date_time_add_minutes (first, 61 * (gint) (i - i % 7 / 6));
      g_autofree char *description = g_strdup_printf ("%s, entry %u", title, i);

      rd_incident_set_case_id (incident, rd_case_get_id (rcase));
      rd_incident_set_starts_at (incident, at);
      rd_incident_set_category (incident, i % RD_CATEGORY_N_CATEGORIES);
      rd_incident_set_reported_to (incident, i % 3 == 0 ? RD_REPORTED_POLICE : 0);
      rd_incident_set_description (incident, description);
      g_assert_true (rd_store_save_incident (store, incident, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (rd_store_commit (store, &error));
  g_assert_no_error (error);
  return rd_case_get_id (rcase);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

static gboolean
read_done (gpointer data)
{
  Fixture *f = data;

  return !rd_diary_page_is_reading (f->page);
}

/* The list as shown, without asking the page to finish reading. */
static GtkSingleSelection *
shown_list (Fixture *f)
{
  GtkListView *list = GTK_LIST_VIEW (rd_test_gui_child (GTK_WIDGET (f->page), "diary_list"));

  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  return rd_diary_item_compare (*(RdDiaryItem **) a, *(RdDiaryItem **) b);
}

/* The same rows, in the same order, as the entries read on the main thread. */
static void
assert_rows_are_case (Fixture *f,
                      gint64   case_id)
{
  GListModel *shown = G_LIST_MODEL (shown_list (f));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expected = rd_diary_item_list_read (rd_application_get_store (f->app),
                                                           case_id, &error);

  g_assert_no_error (error);
  g_ptr_array_sort (expected, compare_items);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(RdDiaryItem) item = g_list_model_get_item (shown, i);
      RdDiaryItem *want = expected->pdata[i];

      g_assert_cmpint (rd_diary_item_get_id (item), ==, rd_diary_item_get_id (want));
      g_assert_cmpint (rd_diary_item_get_starts (item), ==, rd_diary_item_get_starts (want));
      g_assert_cmpint (rd_diary_item_get_category (item), ==, rd_diary_item_get_category (want));
      g_assert_cmpint (rd_diary_item_get_reported_to (item), ==, rd_diary_item_get_reported_to (want));
      g_assert_cmpstr (rd_diary_item_get_summary (item), ==, rd_diary_item_get_summary (want));
    }
}

/* A long diary is read on a worker: the page says it is reading, and then
 * shows every entry, newest first, with the newest open in the editor. */
static void
test_read_on_worker (Fixture       *f,
                     gconstpointer  data)
{
  gint64 id = add_case (rd_application_get_store (f->app), "Noise upstairs", LONG_DIARY);
  GtkLabel *count = GTK_LABEL (rd_test_gui_child (GTK_WIDGET (f->page), "count_label"));
  g_autoptr(RdDiaryItem) newest = NULL;
  RdIncident *open;

  g_assert_true (rd_window_open_case (f->window, id, NULL));
  rd_window_show_page (f->window, "diary");
  /* Shown, the page asked a worker and went on. */
  g_assert_true (rd_diary_page_is_reading (f->page));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown_list (f))), <, LONG_DIARY);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (rd_test_gui_child (GTK_WIDGET (f->page),
                                                                                   "diary_stack"))),
                   ==, "diary");

  g_assert_true (rd_test_gui_wait_until (read_done, f, 30000));
  assert_rows_are_case (f, id);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "5000 entries");
  g_assert_cmpuint (gtk_single_selection_get_selected (shown_list (f)), ==, 0);
  newest = g_list_model_get_item (G_LIST_MODEL (shown_list (f)), 0);
  open = rd_record_editor_get_record (RD_RECORD_EDITOR (rd_test_gui_child (GTK_WIDGET (f->page), "editor")));
  g_assert_nonnull (open);
  g_assert_cmpint (rd_incident_get_id (open), ==, rd_diary_item_get_id (newest));
}

/* What went into the list at each step while the diary was read. */
typedef struct {
  Fixture *f;
  GArray  *added;  /* guint, per change of the list's items */
} Steps;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Steps      *steps)
{
  if (rd_diary_page_is_reading (steps->f->page))
    g_array_append_val (steps->added, added);
}

/* The items go in a step at a time, the first a screenful: GTK's list makes
 * a row for each of the first 200 or so as they come, and making them all
 * at once stalled the window (issue 17). No step is more than twice the one
 * before, and the list ends whole and in order. */
static void
test_read_in_steps (Fixture       *f,
                    gconstpointer  data)
{
  gint64 id = add_case (rd_application_get_store (f->app), "Noise upstairs", LONG_DIARY);
  GtkFilterListModel *filtered = GTK_FILTER_LIST_MODEL (gtk_single_selection_get_model (shown_list (f)));
  GtkSortListModel *sorted = GTK_SORT_LIST_MODEL (gtk_filter_list_model_get_model (filtered));
  GListModel *items = gtk_sort_list_model_get_model (sorted);
  Steps steps = { f, g_array_new (FALSE, FALSE, sizeof (guint)) };
  guint total = 0;
  gulong handler;

  handler = g_signal_connect (items, "items-changed", G_CALLBACK (on_items_changed_cb), &steps);
  g_assert_true (rd_window_open_case (f->window, id, NULL));
  rd_window_show_page (f->window, "diary");
  g_assert_true (rd_test_gui_wait_until (read_done, f, 30000));
  g_signal_handler_disconnect (items, handler);

  g_assert_cmpuint (steps.added->len, >, 1);
  g_assert_cmpuint (g_array_index (steps.added, guint, 0), >, 0);
  g_assert_cmpuint (g_array_index (steps.added, guint, 0), <=, 16);
  for (guint i = 0; i < steps.added->len; i++)
    {
      guint added = g_array_index (steps.added, guint, i);

      g_assert_cmpuint (added, <=, 4096);
      if (i > 0)
        g_assert_cmpuint (added, <=, 2 * g_array_index (steps.added, guint, i - 1));
      total += added;
    }
  g_assert_cmpuint (total, ==, LONG_DIARY);
  assert_rows_are_case (f, id);
  g_array_unref (steps.added);
}

/* How many items went into the list between one frame and the next. */
typedef struct {
  Fixture *f;
  guint    since_frame;
  GArray  *per_frame;  /* guint pairs: items listed before the frame, added in it */
} Frames;

static void
on_frame_items_changed_cb (GListModel *model,
                           guint       position,
                           guint       removed,
                           guint       added,
                           Frames     *frames)
{
  frames->since_frame += added;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Frames        *frames)
{
  GListModel *shown = G_LIST_MODEL (shown_list (frames->f));
  guint listed = g_list_model_get_n_items (shown) - frames->since_frame;

  if (frames->since_frame == 0)
    return;
  g_array_append_val (frames->per_frame, listed);
  g_array_append_val (frames->per_frame, frames->since_frame);
  frames->since_frame = 0;
}

/* While the list's items get rows of their own (the first 200 or so), a
 * screenful goes in per frame, so that no frame lays out more than that
 * many new rows (issue 17: the diary page first shown); past those, more
 * than a screenful at a time, and the list ends whole and in order. */
static void
test_read_screenful_per_frame (Fixture       *f,
                               gconstpointer  data)
{
  gint64 id = add_case (rd_application_get_store (f->app), "Noise upstairs", LONG_DIARY);
  GtkFilterListModel *filtered = GTK_FILTER_LIST_MODEL (gtk_single_selection_get_model (shown_list (f)));
  GtkSortListModel *sorted = GTK_SORT_LIST_MODEL (gtk_filter_list_model_get_model (filtered));
  GListModel *items = gtk_sort_list_model_get_model (sorted);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));
  Frames frames = { f, 0, g_array_new (FALSE, FALSE, sizeof (guint)) };
  gulong changed, painted;
  guint most_later = 0, early_frames = 0;

  g_assert_nonnull (clock);
  g_assert_true (rd_window_open_case (f->window, id, NULL));
  changed = g_signal_connect (items, "items-changed", G_CALLBACK (on_frame_items_changed_cb), &frames);
  painted = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &frames);
  rd_window_show_page (f->window, "diary");
  g_assert_true (rd_test_gui_wait_until (read_done, f, 30000));
  /* The frame after the last items */
  rd_test_gui_wait_until (never, NULL, 500);
  g_signal_handler_disconnect (items, changed);
  g_signal_handler_disconnect (clock, painted);

  for (guint i = 0; i + 1 < frames.per_frame->len; i += 2)
    {
      guint listed = g_array_index (frames.per_frame, guint, i);
      guint added = g_array_index (frames.per_frame, guint, i + 1);

      if (listed < 200)
        {
          g_assert_cmpuint (added, <=, 16);
          early_frames++;
        }
      else
        most_later = MAX (most_later, added);
    }
  g_assert_cmpuint (early_frames, >=, 200 / 16);
  g_assert_cmpuint (most_later, >, 16);
  assert_rows_are_case (f, id);
  g_array_unref (frames.per_frame);
}

static gboolean
all_waiting (gpointer data)
{
  Fixture *f = data;

  return rd_diary_page_count_waiting (f->page) == LONG_DIARY;
}

/* A diary read while its page is hidden waits until the page is shown,
 * and then goes in a step at a time: rows made while hidden were all laid
 * out in the one frame that showed the page (issue 17). */
static void
test_read_held_until_shown (Fixture       *f,
                            gconstpointer  data)
{
  gint64 id = add_case (rd_application_get_store (f->app), "Noise upstairs", LONG_DIARY);
  GtkFilterListModel *filtered = GTK_FILTER_LIST_MODEL (gtk_single_selection_get_model (shown_list (f)));
  GtkSortListModel *sorted = GTK_SORT_LIST_MODEL (gtk_filter_list_model_get_model (filtered));
  GListModel *items = gtk_sort_list_model_get_model (sorted);
  Steps steps = { f, g_array_new (FALSE, FALSE, sizeof (guint)) };
  gulong handler;

  g_assert_true (rd_window_open_case (f->window, id, NULL));
  rd_window_show_page (f->window, "timeline");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
  /* Filled in the background after the first frame: read, not listed. */
  g_assert_true (rd_test_gui_wait_until (all_waiting, f, 30000));
  rd_test_gui_wait_until (never, NULL, 500);
  g_assert_cmpuint (rd_diary_page_count_waiting (f->page), ==, LONG_DIARY);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
  g_assert_true (rd_diary_page_is_reading (f->page));

  handler = g_signal_connect (items, "items-changed", G_CALLBACK (on_items_changed_cb), &steps);
  rd_window_show_page (f->window, "diary");
  g_assert_true (rd_test_gui_wait_until (read_done, f, 30000));
  g_signal_handler_disconnect (items, handler);
  g_assert_cmpuint (steps.added->len, >, 1);
  g_assert_cmpuint (g_array_index (steps.added, guint, 0), <=, 16);
  g_assert_cmpuint (rd_diary_page_count_waiting (f->page), ==, 0);
  assert_rows_are_case (f, id);
  g_array_unref (steps.added);
}

/* Another case opened while the first is still being read: that reading
 * is dropped, and only the second case's entries are shown, then and
 * after. */
static void
test_read_cancelled (Fixture       *f,
                     gconstpointer  data)
{
  RdStore *store = rd_application_get_store (f->app);
  gint64 first = add_case (store, "Noise upstairs", LONG_DIARY);
  gint64 second = add_case (store, "Repairs", 3);

  g_assert_true (rd_window_open_case (f->window, first, NULL));
  rd_window_show_page (f->window, "diary");
  g_assert_true (rd_diary_page_is_reading (f->page));
  g_assert_true (rd_window_open_case (f->window, second, NULL));
  rd_window_show_page (f->window, "diary");

  g_assert_true (rd_test_gui_wait_until (read_done, f, 30000));
  assert_rows_are_case (f, second);
  /* The first reading, had it not been dropped, would have come by now. */
  rd_test_gui_wait_until (never, NULL, 2000);
  assert_rows_are_case (f, second);
  g_assert_false (rd_diary_page_is_reading (f->page));
}

/* Whoever needs the whole list at once (selecting an entry by its id, as
 * Undo does) has the reading finished there and then. */
static void
test_select_while_reading (Fixture       *f,
                           gconstpointer  data)
{
  RdStore *store = rd_application_get_store (f->app);
  gint64 id = add_case (store, "Noise upstairs", LONG_DIARY);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = rd_diary_item_list_read (store, id, &error);
  gint64 oldest = G_MAXINT64;
  RdIncident *open;

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    oldest = MIN (oldest, rd_diary_item_get_id (all->pdata[i]));

  g_assert_true (rd_window_open_case (f->window, id, NULL));
  rd_window_show_page (f->window, "diary");
  g_assert_true (rd_diary_page_is_reading (f->page));
  g_assert_true (rd_diary_page_select_entry (f->page, oldest));
  g_assert_false (rd_diary_page_is_reading (f->page));
  open = rd_record_editor_get_record (RD_RECORD_EDITOR (rd_test_gui_child (GTK_WIDGET (f->page), "editor")));
  g_assert_nonnull (open);
  g_assert_cmpint (rd_incident_get_id (open), ==, oldest);
  assert_rows_are_case (f, id);
}

/* A new entry typed at once, before the diary is read: it is written as
 * typed, stays open, and is listed once among the others when they come. */
static void
test_new_entry_while_reading (Fixture       *f,
                              gconstpointer  data)
{
  gint64 id = add_case (rd_application_get_store (f->app), "Noise upstairs", LONG_DIARY);
  RdRecordEditor *editor = RD_RECORD_EDITOR (rd_test_gui_child (GTK_WIDGET (f->page), "editor"));
  GtkTextView *description;
  RdIncident *open;
  gint64 written;
  guint seen = 0;

  g_assert_true (rd_window_open_case (f->window, id, NULL));
  rd_window_show_page (f->window, "diary");
  g_assert_true (rd_diary_page_is_reading (f->page));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-incident", NULL);
  description = GTK_TEXT_VIEW (rd_test_gui_child (GTK_WIDGET (f->page), "description_view"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (description), "Banging on the wall at midnight", -1);
  g_assert_true (rd_record_editor_flush (editor, NULL));
  open = rd_record_editor_get_record (editor);
  written = rd_incident_get_id (open);
  g_assert_cmpint (written, >, 0);

  g_assert_true (rd_test_gui_wait_until (read_done, f, 30000));
  g_assert_true (rd_record_editor_get_record (editor) == open);
  assert_rows_are_case (f, id);
  for (guint i = 0; i < LONG_DIARY + 1; i++)
    {
      g_autoptr(RdDiaryItem) item = g_list_model_get_item (G_LIST_MODEL (shown_list (f)), i);

      seen += rd_diary_item_get_id (item) == written;
    }
  g_assert_cmpuint (seen, ==, 1);
}

static gboolean
editor_laid_out (gpointer data)
{
  return gtk_widget_get_width (data) > 0;
}

/* The diary page and its editor are laid out while hidden, once the
 * window has drawn, at the size they will be shown at: the frame that
 * first showed them (New Entry from another page) allocated the whole
 * form, 15 to 20 ms of it at 100,000 entries (issue 17). Shown, the form
 * keeps the places it was given (the page's height may differ by what
 * the window shows around each page, which the form scrolls in), and the
 * new entry is in it. */
static void
test_laid_out_while_hidden (Fixture       *f,
                            gconstpointer  data)
{
  gint64 id = add_case (rd_application_get_store (f->app), "Noise upstairs", 40);
  GtkWidget *editor = rd_test_gui_child (GTK_WIDGET (f->page), "editor");
  GtkWidget *stack = rd_test_gui_child (GTK_WIDGET (f->page), "editor_stack");
  GtkWidget *description = rd_test_gui_child (GTK_WIDGET (f->page), "description_view");
  GtkAllocation placed, now;
  RdIncident *open;
  int width;

  g_assert_true (rd_window_open_case (f->window, id, NULL));
  rd_window_show_page (f->window, "timeline");
  g_assert_cmpint (gtk_widget_get_width (editor), ==, 0);
  g_assert_true (rd_test_gui_wait_until (editor_laid_out, editor, 10000));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
  g_assert_false (gtk_widget_get_mapped (editor));
  width = gtk_widget_get_width (editor);
  g_assert_cmpint (width, ==, gtk_widget_get_width (stack));
  g_assert_cmpint (gtk_widget_get_height (editor), ==, gtk_widget_get_height (stack));
  gtk_widget_get_allocation (description, &placed);
  g_assert_cmpint (placed.width, >, 0);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-incident", NULL);
  rd_test_gui_wait_for_draw (description);
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_cmpint (gtk_widget_get_width (editor), ==, width);
  gtk_widget_get_allocation (description, &now);
  g_assert_cmpint (now.x, ==, placed.x);
  g_assert_cmpint (now.y, ==, placed.y);
  g_assert_cmpint (now.width, ==, placed.width);
  g_assert_cmpint (now.height, ==, placed.height);
  open = rd_record_editor_get_record (RD_RECORD_EDITOR (editor));
  g_assert_nonnull (open);
  g_assert_cmpint (rd_incident_get_id (open), ==, 0);
  g_assert_true (gtk_widget_has_focus (description));
}

/* Shown before the window has drawn, the page is laid out as it shows,
 * as any page is, and nothing is laid out ahead behind it. */
static void
test_shown_before_laid_out (Fixture       *f,
                            gconstpointer  data)
{
  gint64 id = add_case (rd_application_get_store (f->app), "Noise upstairs", 40);
  GtkWidget *editor = rd_test_gui_child (GTK_WIDGET (f->page), "editor");
  GtkWidget *description = rd_test_gui_child (GTK_WIDGET (f->page), "description_view");

  g_assert_true (rd_window_open_case (f->window, id, NULL));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-incident", NULL);
  rd_test_gui_wait_for_draw (description);
  g_assert_true (rd_test_gui_wait_until (read_done, f, 30000));
  rd_test_gui_wait_until (never, NULL, 300);
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_cmpint (gtk_widget_get_width (editor), ==,
                   gtk_widget_get_width (rd_test_gui_child (GTK_WIDGET (f->page), "editor_stack")));
  g_assert_true (gtk_widget_has_focus (description));
}

int
main (int   argc,
      char *argv[])
{
  rd_test_gui_init (&argc, &argv);

  g_test_add ("/diary-read/on-worker", Fixture, NULL, fixture_setup, test_read_on_worker,
              fixture_teardown);
  g_test_add ("/diary-read/in-steps", Fixture, NULL, fixture_setup, test_read_in_steps,
              fixture_teardown);
  g_test_add ("/diary-read/screenful-per-frame", Fixture, NULL, fixture_setup,
              test_read_screenful_per_frame, fixture_teardown);
  g_test_add ("/diary-read/held-until-shown", Fixture, NULL, fixture_setup,
              test_read_held_until_shown, fixture_teardown);
  g_test_add ("/diary-read/cancelled", Fixture, NULL, fixture_setup, test_read_cancelled,
              fixture_teardown);
  g_test_add ("/diary-read/new-entry-while-reading", Fixture, NULL, fixture_setup,
              test_new_entry_while_reading, fixture_teardown);
  g_test_add ("/diary-read/select-while-reading", Fixture, NULL, fixture_setup,
              test_select_while_reading, fixture_teardown);
  g_test_add ("/diary-read/laid-out-while-hidden", Fixture, NULL, fixture_setup,
              test_laid_out_while_hidden, fixture_teardown);
  g_test_add ("/diary-read/shown-before-laid-out", Fixture, NULL, fixture_setup,
              test_shown_before_laid_out, fixture_teardown);

  return g_test_run ();
}
