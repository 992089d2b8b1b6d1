/* test-autosave.c: RdAutosave writes a form once typing pauses, at once when it must, and says so.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rd-autosave.h"
#include "rd-test-gui.h"

#define DELAY_MS 200

/* A form of one entry whose writes are counted, and can be made to fail
 * or to hold back. */
typedef struct {
  GtkWidget        *window;
  GtkWidget        *form;
  GtkWidget        *entry;
  GtkWidget        *outside;
  GtkWidget        *status;
  RdAutosave       *autosave;
  guint             writes;
  guint             saved_signals;
  RdAutosaveResult  next_result;
  char             *written;
} Fixture;

static RdAutosaveResult
write_form (GtkWidget  *form,
            GError    **error)
{
  Fixture *f = g_object_get_data (G_OBJECT (form), "fixture");

  if (f->next_result == RD_AUTOSAVE_FAILED)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "The disk is full.");
      return RD_AUTOSAVE_FAILED;
    }
  if (f->next_result == RD_AUTOSAVE_HELD)
    return RD_AUTOSAVE_HELD;
  f->writes++;
  g_free (f->written);
  f->written = g_strdup (gtk_editable_get_text (GTK_EDITABLE (f->entry)));
  return RD_AUTOSAVE_WRITTEN;
}

static void
on_saved_cb (Fixture *f)
{
  f->saved_signals++;
}

static void
on_entry_changed_cb (Fixture *f)
{
  rd_autosave_changed (f->autosave);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  f->next_result = RD_AUTOSAVE_WRITTEN;
  f->window = gtk_window_new ();
  f->form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  f->entry = gtk_entry_new ();
  f->status = gtk_label_new (NULL);
  f->outside = gtk_entry_new ();
  gtk_box_append (GTK_BOX (f->form), f->entry);
  gtk_box_append (GTK_BOX (f->form), f->status);
  gtk_box_append (GTK_BOX (box), f->form);
  gtk_box_append (GTK_BOX (box), f->outside);
  gtk_window_set_child (GTK_WINDOW (f->window), box);
  g_object_set_data (G_OBJECT (f->form), "fixture", f);

  f->autosave = rd_autosave_new (f->form, GTK_LABEL (f->status), DELAY_MS, write_form);
  g_signal_connect_swapped (f->autosave, "saved", G_CALLBACK (on_saved_cb), f);
  g_signal_connect_swapped (f->entry, "changed", G_CALLBACK (on_entry_changed_cb), f);
  gtk_window_present (GTK_WINDOW (f->window));
  rd_test_gui_wait_for_draw (f->window);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rd_autosave_finish (f->autosave);
  g_clear_object (&f->autosave);
  gtk_window_destroy (GTK_WINDOW (f->window));
  rd_test_gui_iterate ();
  g_free (f->written);
}

static gboolean
written (gpointer data)
{
  Fixture *f = data;

  return f->writes > 0;
}

static void
wait_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static const char *
status_text (Fixture *f)
{
  return gtk_label_get_text (GTK_LABEL (f->status));
}

/* Typing three times in a row writes once, with the last text, after the pause. */
static void
test_debounce (Fixture       *f,
               gconstpointer  data)
{
  gint64 start = g_get_monotonic_time ();

  gtk_editable_set_text (GTK_EDITABLE (f->entry), "N");
  gtk_editable_set_text (GTK_EDITABLE (f->entry), "No");
  gtk_editable_set_text (GTK_EDITABLE (f->entry), "Noise");
  g_assert_true (rd_autosave_is_pending (f->autosave));
  g_assert_cmpuint (f->writes, ==, 0);
  g_assert_cmpstr (status_text (f), ==, "");

  g_assert_true (rd_test_gui_wait_until (written, f, 5000));
  g_assert_cmpint (g_get_monotonic_time () - start, >=, (DELAY_MS - 50) * 1000);
  wait_ms (DELAY_MS * 2);
  g_assert_cmpuint (f->writes, ==, 1);
  g_assert_cmpuint (f->saved_signals, ==, 1);
  g_assert_cmpstr (f->written, ==, "Noise");
  g_assert_cmpstr (status_text (f), ==, "Saved");
  g_assert_false (rd_autosave_is_pending (f->autosave));
}

/* A flush writes at once, and the timer then has nothing left to write. */
static void
test_flush (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rd_autosave_flush (f->autosave, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->writes, ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (f->entry), "Shouting");
  g_assert_true (rd_autosave_flush (f->autosave, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->writes, ==, 1);
  g_assert_cmpstr (f->written, ==, "Shouting");
  wait_ms (DELAY_MS * 2);
  g_assert_cmpuint (f->writes, ==, 1);
}

/* A failed write says why under the form and stays pending; the next one
 * that works writes it. */
static void
test_failure (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->next_result = RD_AUTOSAVE_FAILED;
  gtk_editable_set_text (GTK_EDITABLE (f->entry), "Door kicked");
  g_assert_false (rd_autosave_flush (f->autosave, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpstr (status_text (f), ==, "Not saved yet: The disk is full.");
  g_assert_true (gtk_widget_has_css_class (f->status, "inline-error"));
  g_assert_true (rd_autosave_is_pending (f->autosave));
  g_assert_cmpuint (f->saved_signals, ==, 0);

  f->next_result = RD_AUTOSAVE_WRITTEN;
  g_clear_error (&error);
  g_assert_true (rd_autosave_flush (f->autosave, &error));
  g_assert_cmpuint (f->writes, ==, 1);
  g_assert_cmpstr (f->written, ==, "Door kicked");
  g_assert_cmpstr (status_text (f), ==, "Saved");
  g_assert_false (gtk_widget_has_css_class (f->status, "inline-error"));
}

/* A write the form holds back is no error, and stays pending. */
static void
test_held (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->next_result = RD_AUTOSAVE_HELD;
  gtk_editable_set_text (GTK_EDITABLE (f->entry), "Music");
  g_assert_true (rd_autosave_flush (f->autosave, &error));
  g_assert_no_error (error);
  g_assert_true (rd_autosave_is_pending (f->autosave));
  g_assert_cmpuint (f->writes, ==, 0);
  g_assert_cmpstr (status_text (f), ==, "");
}

/* What a form discards (another record shown) is never written. */
static void
test_discard (Fixture       *f,
              gconstpointer  data)
{
  gtk_editable_set_text (GTK_EDITABLE (f->entry), "Not this");
  rd_autosave_discard (f->autosave);
  g_assert_false (rd_autosave_is_pending (f->autosave));
  wait_ms (DELAY_MS * 2);
  g_assert_cmpuint (f->writes, ==, 0);
}

/* Finishing writes what is pending, once; nothing is written after it. */
static void
test_finish (Fixture       *f,
             gconstpointer  data)
{
  gtk_editable_set_text (GTK_EDITABLE (f->entry), "Last words");
  rd_autosave_finish (f->autosave);
  g_assert_cmpuint (f->writes, ==, 1);
  g_assert_cmpstr (f->written, ==, "Last words");

  gtk_editable_set_text (GTK_EDITABLE (f->entry), "Too late");
  wait_ms (DELAY_MS * 2);
  g_assert_true (rd_autosave_flush (f->autosave, NULL));
  g_assert_cmpuint (f->writes, ==, 1);
}

/* Leaving the form writes it without waiting for the timer. Xvfb has no
 * window manager to give a window the keyboard focus, so the test emits
 * what GTK emits when the focus leaves the form. */
static void
test_focus_leave (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (f->form);
  GtkEventController *focus = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_FOCUS (controller))
        focus = controller;
    }
  g_assert_nonnull (focus);

  gtk_editable_set_text (GTK_EDITABLE (f->entry), "Left the form");
  g_signal_emit_by_name (focus, "leave");
  g_assert_cmpuint (f->writes, ==, 1);
  g_assert_cmpstr (f->written, ==, "Left the form");
}

static RdAutosaveResult
write_window (GtkWidget  *form,
              GError    **error)
{
  guint *writes = g_object_get_data (G_OBJECT (form), "writes");

  (*writes)++;
  return RD_AUTOSAVE_WRITTEN;
}

/* A form that is a window is written when it is asked to close. */
static void
test_close_request (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *label = gtk_label_new (NULL);
  g_autoptr(RdAutosave) autosave = NULL;
  guint writes = 0;

  gtk_window_set_child (GTK_WINDOW (window), label);
  g_object_set_data (G_OBJECT (window), "writes", &writes);
  autosave = rd_autosave_new (window, GTK_LABEL (label), DELAY_MS, write_window);
  gtk_window_present (GTK_WINDOW (window));
  rd_autosave_changed (autosave);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpuint (writes, ==, 1);
  rd_test_gui_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  rd_test_gui_init (&argc, &argv);

  g_test_add ("/autosave/debounce", Fixture, NULL, fixture_setup, test_debounce, fixture_teardown);
  g_test_add ("/autosave/flush", Fixture, NULL, fixture_setup, test_flush, fixture_teardown);
  g_test_add ("/autosave/failure", Fixture, NULL, fixture_setup, test_failure, fixture_teardown);
  g_test_add ("/autosave/held", Fixture, NULL, fixture_setup, test_held, fixture_teardown);
  g_test_add ("/autosave/discard", Fixture, NULL, fixture_setup, test_discard, fixture_teardown);
  g_test_add ("/autosave/finish", Fixture, NULL, fixture_setup, test_finish, fixture_teardown);
  g_test_add ("/autosave/focus-leave", Fixture, NULL, fixture_setup, test_focus_leave,
              fixture_teardown);
  g_test_add_func ("/autosave/close-request", test_close_request);
  return g_test_run ();
}
