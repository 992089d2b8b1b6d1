/* test-date-picker.c: dates typed, and picked from the calendar by keyboard alone.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rd-core.h"
#include "rd-date-time-picker.h"
#include "rd-test-gui.h"

typedef struct {
  GtkWindow        *window;
  RdDateTimePicker *picker;
  GtkWidget        *date_button;
  GtkPopover       *popover;
  GtkWidget        *calendar;
  GtkWidget        *entry;
  GtkLabel         *feedback;
} Fixture;

/* Today is Friday 6 December 2024 for every test, whatever the computer says. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2024, 12, 6, 10, 30, 0);
  g_autoptr(GDateTime) picked = g_date_time_new_local (2024, 5, 1, 0, 0, 0);

  rd_clock_set_fixed (rd_clock_get_default (), now);
  f->window = GTK_WINDOW (gtk_window_new ());
  f->picker = RD_DATE_TIME_PICKER (rd_date_time_picker_new ());
  rd_date_time_picker_set_show_time (f->picker, GPOINTER_TO_INT (data));
  rd_date_time_picker_set_date_time (f->picker, picked);
  rd_date_time_picker_set_accessible_names (f->picker, "Reported on", "Reported at");
  gtk_window_set_child (f->window, GTK_WIDGET (f->picker));
  gtk_window_present (f->window);
  rd_test_gui_wait_for_draw (GTK_WIDGET (f->picker));

  f->date_button = rd_test_gui_find_by_id (GTK_WIDGET (f->picker), "date_button");
  f->popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (f->date_button));
  f->calendar = rd_test_gui_find_by_type (GTK_WIDGET (f->popover), GTK_TYPE_CALENDAR);
  f->entry = rd_test_gui_find_by_type (GTK_WIDGET (f->popover), GTK_TYPE_ENTRY);
  f->feedback = GTK_LABEL (rd_test_gui_find_by_id (GTK_WIDGET (f->popover), "date_feedback"));
  g_assert_nonnull (f->calendar);
  g_assert_nonnull (f->entry);
  g_assert_nonnull (f->feedback);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  rd_test_gui_iterate ();
  rd_clock_set_fixed (rd_clock_get_default (), NULL);
}

static gboolean
popover_shown (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_mapped (GTK_WIDGET (f->popover));
}

static gboolean
popover_hidden (gpointer data)
{
  Fixture *f = data;

  return !gtk_widget_get_visible (GTK_WIDGET (f->popover));
}

static void
open_popover (Fixture *f)
{
  gtk_menu_button_popup (GTK_MENU_BUTTON (f->date_button));
  g_assert_true (rd_test_gui_wait_until (popover_shown, f, 5000));
  rd_test_gui_iterate ();
}

static void
assert_picked (Fixture    *f,
               const char *iso)
{
  g_autoptr(GDate) date = rd_datetime_get_date (rd_date_time_picker_get_date_time (f->picker));
  g_autofree char *text = rd_date_to_iso (date);

  g_assert_cmpstr (text, ==, iso);
}

/* What the entry says to a screen reader besides its name: what the
 * feedback under it shows. GTK_A11Y=none keeps no accessible properties:
 * the test-date-picker-atspi run checks this. */
static void
assert_entry_described (Fixture    *f,
                        const char *words)
{
  g_autofree char *differs = NULL;

  if (g_strcmp0 (g_getenv ("GTK_A11Y"), "none") == 0)
    return;
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (f->entry),
                                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (f->entry),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, words);
  g_assert_null (differs);
}

static gboolean
focus_on_button (gpointer data)
{
  Fixture *f = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && (focus == f->date_button || gtk_widget_is_ancestor (focus, f->date_button));
}

/* Each form a resident types gives its date and says it back with the weekday. */
static void
test_typed_forms (Fixture       *f,
                  gconstpointer  data)
{
  const struct { const char *typed; const char *words; const char *iso; } forms[] = {
    { "2024-12-13", "Friday 13 December 2024", "2024-12-13" },
    { "13/12/2024", "Friday 13 December 2024", "2024-12-13" },
    { "13 Dec 2024", "Friday 13 December 2024", "2024-12-13" },
    { "3rd March 2023", "Friday 3 March 2023", "2023-03-03" },
    { "today", "Friday 6 December 2024", "2024-12-06" },
    { "yesterday", "Thursday 5 December 2024", "2024-12-05" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(GDateTime) calendar_day = NULL;

      g_test_message ("typed “%s”", forms[i].typed);
      open_popover (f);
      gtk_editable_set_text (GTK_EDITABLE (f->entry), forms[i].typed);
      g_assert_cmpstr (gtk_label_get_text (f->feedback), ==, forms[i].words);
      g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (f->feedback), "error"));
      assert_entry_described (f, forms[i].words);
      /* The calendar turns to the typed day before it is picked. */
      calendar_day = gtk_calendar_get_date (GTK_CALENDAR (f->calendar));
      g_assert_cmpint (g_date_time_get_day_of_month (calendar_day), ==,
                       atoi (forms[i].iso + 8));

      g_signal_emit_by_name (f->entry, "activate");
      g_assert_true (rd_test_gui_wait_until (popover_hidden, f, 5000));
      assert_picked (f, forms[i].iso);
      g_assert_nonnull (rd_test_gui_find_by_text (f->date_button, forms[i].words));
      g_assert_true (rd_test_gui_wait_until (focus_on_button, f, 5000));
    }
}

/* What is not a date says why, in plain words, and the picked date stays. */
static void
test_typed_mistakes (Fixture       *f,
                     gconstpointer  data)
{
  const struct { const char *typed; const char *says; } mistakes[] = {
    { "31/02/2024", "that month has 29 days" },
    { "2024-13-01", "is not a real date" },
    { "next blursday", "cannot read" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (mistakes); i++)
    {
      g_test_message ("typed “%s”", mistakes[i].typed);
      open_popover (f);
      gtk_editable_set_text (GTK_EDITABLE (f->entry), mistakes[i].typed);
      g_assert_nonnull (strstr (gtk_label_get_text (f->feedback), mistakes[i].says));
      g_assert_nonnull (strstr (gtk_label_get_text (f->feedback), mistakes[i].typed));
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (f->feedback), "error"));
      /* A screen reader hears why, from the entry itself */
      assert_entry_described (f, gtk_label_get_text (f->feedback));

      /* Return does not take it, and the calendar stays open to correct it. */
      g_signal_emit_by_name (f->entry, "activate");
      rd_test_gui_iterate ();
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->popover)));
      assert_picked (f, "2024-05-01");

      /* Escape closes it and keeps the old date. */
      gtk_popover_popdown (f->popover);
      g_assert_true (rd_test_gui_wait_until (popover_hidden, f, 5000));
      assert_picked (f, "2024-05-01");
      g_assert_nonnull (rd_test_gui_find_by_text (f->date_button, "Wednesday 1 May 2024"));
    }
}

/*
 * Opened, the calendar has the focus and its cursor on the picked day;
 * arrows move it, Return picks and closes, and the focus goes back to the
 * date button. No pointer event anywhere.
 */
static void
test_keyboard_path (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) day = NULL;

  open_popover (f);
  g_assert_true (gtk_widget_has_focus (f->calendar));
  day = gtk_calendar_get_date (GTK_CALENDAR (f->calendar));
  g_assert_cmpint (g_date_time_get_month (day), ==, 5);
  g_assert_cmpint (g_date_time_get_day_of_month (day), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (f->feedback), ==, "Wednesday 1 May 2024");

  /* Right, Down, Down: a day on, then two weeks on. Moving is not picking. */
  g_assert_true (rd_test_gui_press_key (f->calendar, GDK_KEY_Right, 0));
  g_assert_true (rd_test_gui_press_key (f->calendar, GDK_KEY_Down, 0));
  g_assert_true (rd_test_gui_press_key (f->calendar, GDK_KEY_Down, 0));
  g_assert_cmpstr (gtk_label_get_text (f->feedback), ==, "Thursday 16 May 2024");
  assert_picked (f, "2024-05-01");
  /* Page Down is a month on; Up and Left come back a week and a day. */
  g_assert_true (rd_test_gui_press_key (f->calendar, GDK_KEY_Page_Down, 0));
  g_assert_true (rd_test_gui_press_key (f->calendar, GDK_KEY_Up, 0));
  g_assert_true (rd_test_gui_press_key (f->calendar, GDK_KEY_Left, 0));
  g_assert_cmpstr (gtk_label_get_text (f->feedback), ==, "Saturday 8 June 2024");

  g_assert_true (rd_test_gui_press_key (f->calendar, GDK_KEY_Return, 0));
  g_assert_true (rd_test_gui_wait_until (popover_hidden, f, 5000));
  assert_picked (f, "2024-06-08");
  g_assert_true (rd_test_gui_wait_until (focus_on_button, f, 5000));

  /* Opened again, the cursor is back on the picked day; Space picks too. */
  open_popover (f);
  g_assert_cmpstr (gtk_label_get_text (f->feedback), ==, "Saturday 8 June 2024");
  g_assert_true (rd_test_gui_press_key (f->calendar, GDK_KEY_End, 0));
  g_assert_true (rd_test_gui_press_key (f->calendar, GDK_KEY_space, 0));
  g_assert_true (rd_test_gui_wait_until (popover_hidden, f, 5000));
  assert_picked (f, "2024-06-30");

  /* Moved and then Escape: nothing is picked. */
  open_popover (f);
  g_assert_true (rd_test_gui_press_key (f->calendar, GDK_KEY_Home, 0));
  gtk_popover_popdown (f->popover);
  g_assert_true (rd_test_gui_wait_until (popover_hidden, f, 5000));
  assert_picked (f, "2024-06-30");
}

/* Typing on the calendar goes on in the entry: no need to Tab there first. */
static void
test_typing_on_calendar (Fixture       *f,
                         gconstpointer  data)
{
  open_popover (f);
  g_assert_true (gtk_widget_has_focus (f->calendar));
  g_assert_true (rd_test_gui_press_key (f->calendar, GDK_KEY_1, 0));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), f->entry) ||
                 gtk_root_get_focus (GTK_ROOT (f->window)) == f->entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->entry)), ==, "1");
  gtk_editable_insert_text (GTK_EDITABLE (f->entry), "/7/2024", -1,
                            &(int) { gtk_editable_get_position (GTK_EDITABLE (f->entry)) });
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->entry)), ==, "1/7/2024");
  g_assert_cmpstr (gtk_label_get_text (f->feedback), ==, "Monday 1 July 2024");
  g_signal_emit_by_name (f->entry, "activate");
  g_assert_true (rd_test_gui_wait_until (popover_hidden, f, 5000));
  assert_picked (f, "2024-07-01");
}

/* With a time shown, a typed date keeps the time picked. */
static void
test_typed_keeps_time (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) evening = g_date_time_new_local (2024, 5, 1, 21, 15, 0);
  GDateTime *picked;

  rd_date_time_picker_set_date_time (f->picker, evening);
  open_popover (f);
  gtk_editable_set_text (GTK_EDITABLE (f->entry), "yesterday");
  g_signal_emit_by_name (f->entry, "activate");
  g_assert_true (rd_test_gui_wait_until (popover_hidden, f, 5000));
  picked = rd_date_time_picker_get_date_time (f->picker);
  g_assert_cmpint (g_date_time_get_day_of_month (picked), ==, 5);
  g_assert_cmpint (g_date_time_get_month (picked), ==, 12);
  g_assert_cmpint (g_date_time_get_hour (picked), ==, 21);
  g_assert_cmpint (g_date_time_get_minute (picked), ==, 15);
}

int
main (int   argc,
      char *argv[])
{
  rd_test_gui_init (&argc, &argv);

#define ADD(path, time, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (time), fixture_setup, func, fixture_teardown)
  ADD ("/date-picker/typed-forms", FALSE, test_typed_forms);
  ADD ("/date-picker/typed-mistakes", FALSE, test_typed_mistakes);
  ADD ("/date-picker/keyboard-path", FALSE, test_keyboard_path);
  ADD ("/date-picker/typing-on-calendar", FALSE, test_typing_on_calendar);
  ADD ("/date-picker/typed-keeps-time", TRUE, test_typed_keeps_time);
#undef ADD

  return g_test_run ();
}
