/* rd-test-gui.c: helpers for in-process GUI tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "evidence-fixtures.h"
#include "rd-date-time-picker.h"
#include "rd-test-gui.h"

void
rd_test_gui_init (int    *argc,
                  char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

/*
 * A registered application stays alive for the whole process (registration
 * keeps a reference), so every test shares one and points it at its own
 * data folder.
 */
RdApplication *
rd_test_gui_app_new (const char *data_dir)
{
  static RdApplication *app;

  if (app == NULL)
    {
      g_autoptr(GError) error = NULL;

      app = rd_application_new (G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }
  rd_application_set_data_dir (app, data_dir);
  /* The application is shared by the tests of a program: a clock one
   * test fixed must not stay fixed for the next. */
  rd_clock_set_fixed (rd_application_get_clock (app), NULL);
  return g_object_ref (app);
}

void
rd_test_gui_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/*
 * Spins the main loop until @condition holds or @timeout_ms passes. Frames
 * only happen with real time passing, so draining idles alone is not enough.
 */
gboolean
rd_test_gui_wait_until (gboolean (*condition) (gpointer),
                        gpointer   data,
                        guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return condition (data);
}

static gboolean
widget_drawn (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

void
rd_test_gui_wait_for_draw (GtkWidget *widget)
{
  g_assert_true (rd_test_gui_wait_until (widget_drawn, widget, 5000));
  gtk_test_widget_wait_for_draw (widget);
  rd_test_gui_iterate ();
}

GtkWidget *
rd_test_gui_find_by_type (GtkWidget *root,
                          GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rd_test_gui_find_by_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A label's text as read: its lines run on, as "Wednesday 1" over
 * "May 2024" reads "Wednesday 1 May 2024". */
static gboolean
label_reads (GtkLabel   *label,
             const char *text)
{
  g_autofree char *read = g_strdup (gtk_label_get_text (label));

  g_strdelimit (read, "\n", ' ');
  return g_strcmp0 (read, text) == 0;
}

/*
 * Finds a widget by the text a person sees: a button's or label's text, or
 * its tooltip. GTK 4.8 has no public getter for accessible labels; the
 * end-to-end tests check those through AT-SPI.
 */
GtkWidget *
rd_test_gui_find_by_text (GtkWidget  *root,
                          const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (root), text) == 0 ||
      (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), text) == 0) ||
      (GTK_IS_LABEL (root) && label_reads (GTK_LABEL (root), text)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rd_test_gui_find_by_text (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Finds a widget by its id in the .ui template, e.g. "description_view". */
GtkWidget *
rd_test_gui_find_by_id (GtkWidget  *root,
                        const char *id)
{
  if (GTK_IS_BUILDABLE (root) &&
      g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rd_test_gui_find_by_id (child, id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

void
rd_test_gui_make_newer_store (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE cases (id INTEGER PRIMARY KEY);"
                                     "PRAGMA user_version = 999;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

void
rd_test_gui_remove_tree (const char *path)
{
  fixture_remove_tree (path);
}

/* A new main window of @app, at @width × @height unless they are 0, shown and drawn. */
RdWindow *
rd_test_gui_window_new (RdApplication *app,
                        int            width,
                        int            height)
{
  RdWindow *window = rd_application_new_window (app);

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));
  return window;
}

/*
 * The end of a test: destroys every window of *@app (dialogs first), lets
 * go of the application and removes the data folder *@dir; both are cleared.
 */
void
rd_test_gui_close_app (RdApplication **app,
                       char          **dir)
{
  GList *windows;

  for (;;)
    {
      GList *l = gtk_application_get_windows (GTK_APPLICATION (*app));

      while (l != NULL && gtk_window_get_transient_for (l->data) == NULL)
        l = l->next;
      if (l == NULL)
        break;
      gtk_window_destroy (l->data);
    }
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (*app))) != NULL)
    gtk_window_destroy (windows->data);
  rd_test_gui_iterate ();
  g_clear_object (app);
  rd_test_gui_remove_tree (*dir);
  g_clear_pointer (dir, g_free);
}

gboolean
rd_test_gui_save_screenshot (GtkWidget  *widget,
                             const char *png_path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL || renderer == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  return gdk_texture_save_to_png (texture, png_path);
}

/* A new data folder holding @rcase alone, saved (so it has its id); the
 * store is closed again, for the application to open. */
char *
rd_test_gui_data_dir_new (RdCase *rcase)
{
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", &error);

  g_assert_no_error (error);
  store = rd_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_true (rd_store_save_case (store, rcase, &error));
  g_assert_no_error (error);
  return dir;
}

/* The diary entry as the store has it now, not as an editor holds it. */
RdIncident *
rd_test_gui_stored_incident (RdStore *store,
                             gint64   id)
{
  g_autoptr(GError) error = NULL;
  RdIncident *incident = rd_store_get_incident (store, id, &error);

  g_assert_no_error (error);
  return incident;
}

/* rd_test_gui_find_by_id() for a widget the test cannot go on without. */
GtkWidget *
rd_test_gui_child (GtkWidget  *root,
                   const char *id)
{
  GtkWidget *widget = rd_test_gui_find_by_id (root, id);

  g_assert_nonnull (widget);
  return widget;
}

/* The diary page's entry editor in @window. */
RdIncidentEditor *
rd_test_gui_incident_editor (RdWindow *window)
{
  return RD_INCIDENT_EDITOR (rd_test_gui_child (GTK_WIDGET (rd_window_get_page (window, "diary")),
                                                "editor"));
}

/* A condition for rd_test_gui_wait_until(): the GtkSwitch @toggle is on. */
gboolean
rd_test_gui_switch_is_on (gpointer toggle)
{
  return gtk_switch_get_active (GTK_SWITCH (toggle));
}

static gboolean
switch_is_off (gpointer toggle)
{
  return !gtk_switch_get_active (GTK_SWITCH (toggle));
}

/* Turns a switch as Space does on it (GtkSwitch's activate signal; it
 * flips once its short animation ends). */
void
rd_test_gui_press_switch (GtkWidget *toggle)
{
  gboolean was = gtk_switch_get_active (GTK_SWITCH (toggle));

  g_assert_true (gtk_widget_grab_focus (toggle));
  g_assert_true (gtk_widget_activate (toggle));
  g_assert_true (rd_test_gui_wait_until (was ? switch_is_off : rd_test_gui_switch_is_on, toggle,
                                         2000));
}

/* Sets the RdDateTimePicker @picker to midnight, local time, of a day. */
void
rd_test_gui_set_day (GtkWidget *picker,
                     int        year,
                     int        month,
                     int        day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, 0, 0, 0);

  rd_date_time_picker_set_date_time (RD_DATE_TIME_PICKER (picker), dt);
}

/* The label @widget is, or holds, that shows @text; NULL if none does. */
GtkWidget *
rd_test_gui_find_label_showing (GtkWidget  *widget,
                                const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rd_test_gui_find_label_showing (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether @widget is labelled by nothing but a label near it that shows
 * @name: the label of the row or box it sits in, which names it as a
 * screen reader hears it. */
static gboolean
is_labelled_by_shown (GtkWidget  *widget,
                      const char *name)
{
  if (!gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return FALSE;
  for (GtkWidget *around = gtk_widget_get_parent (widget);
       around != NULL && !GTK_IS_NATIVE (around);
       around = gtk_widget_get_parent (around))
    {
      GtkWidget *label = rd_test_gui_find_label_showing (around, name);
      g_autofree char *differs = NULL;

      if (label == NULL)
        continue;
      differs = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                    label, NULL);
      return differs == NULL;
    }
  return FALSE;
}

/* Asserts that @widget's accessible name is @name (GTK_A11Y=test keeps
 * the names where a test can read them): given to it, or the text of the
 * one label that labels it. */
void
rd_test_gui_check_name (GtkWidget  *widget,
                        const char *name)
{
  g_autofree char *problem = NULL;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
      is_labelled_by_shown (widget, name))
    return;
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                name);

  g_assert_cmpstr (problem, ==, NULL);
}

/* The question being asked: the first shown AdwMessageDialog, or NULL. */
AdwMessageDialog *
rd_test_gui_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* A widget as a failure names it: its type, and its id in a template. */
char *
rd_test_gui_describe (GtkWidget *widget)
{
  const char *id = GTK_IS_BUILDABLE (widget) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) : NULL;

  /* GtkBuilder names the objects a template leaves nameless "___object_N___" */
  if (id != NULL && !g_str_has_prefix (id, "___"))
    return g_strdup_printf ("%s#%s", G_OBJECT_TYPE_NAME (widget), id);
  return g_strdup (G_OBJECT_TYPE_NAME (widget));
}

int
rd_test_gui_min_width (GtkWidget *widget)
{
  int min = 0, nat = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  return min;
}

/* The way to a widget, from where the walk began; a long way loses its
 * start, so a log line stays readable and still names the widgets nearest. */
char *
rd_test_gui_path_to (const char *path,
                     GtkWidget  *widget)
{
  g_autofree char *self = rd_test_gui_describe (widget);
  g_autofree char *here = g_strdup_printf ("%s > %s", path, self);
  const char *tail;

  if (strlen (here) <= 300)
    return g_steal_pointer (&here);
  tail = strstr (here + strlen (here) - 300, " > ");
  return g_strconcat ("…", tail != NULL ? tail : here + strlen (here) - 300, NULL);
}

static void
name_wide_widgets (GtkWidget  *widget,
                   int         limit,
                   gboolean    with_children,
                   const char *path,
                   GString    *out)
{
  gboolean child_too_wide = FALSE;
  g_autofree char *here = rd_test_gui_path_to (path, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && rd_test_gui_min_width (child) > limit)
      {
        child_too_wide = TRUE;
        name_wide_widgets (child, limit, with_children, here, out);
      }
  if (child_too_wide)
    return;
  g_string_append_printf (out, "\n  %s: %d px", here, rd_test_gui_min_width (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); with_children && child;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      {
        g_autofree char *name = rd_test_gui_describe (child);

        g_string_append_printf (out, "\n      child %s: %d px", name, rd_test_gui_min_width (child));
        if (GTK_IS_LABEL (child))
          g_string_append_printf (out, " (“%.40s”)", gtk_label_get_text (GTK_LABEL (child)));
      }
}

/**
 * rd_test_gui_name_wide_widgets:
 * @with_children: also list the visible children of each widget named,
 *   with their minimum widths (and a label's words), to tell which of
 *   them adds up to too much
 *
 * Appends to @out the deepest visible widgets in @widget whose minimum
 * width is over @limit, with the way to them: what forces a window or a
 * dialog wider than @limit.
 */
void
rd_test_gui_name_wide_widgets (GtkWidget *widget,
                               int        limit,
                               gboolean   with_children,
                               GString   *out)
{
  name_wide_widgets (widget, limit, with_children, "", out);
}

/**
 * rd_test_gui_open_expanders:
 *
 * Opens every expander in @root, shown or not, as a resident would to
 * read what is inside: an expander row with a switch has it turned on
 * first ("It went on for a while"). A closed expander's rows are neither
 * drawn nor measured, so nothing that looks at the widgets sees them.
 *
 * Returns: how many expanders were closed and are now open
 */
guint
rd_test_gui_open_expanders (GtkWidget *root)
{
  guint opened = 0;

  if (ADW_IS_EXPANDER_ROW (root) && !adw_expander_row_get_expanded (ADW_EXPANDER_ROW (root)))
    {
      if (adw_expander_row_get_show_enable_switch (ADW_EXPANDER_ROW (root)))
        adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (root), TRUE);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (root), TRUE);
      g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (root)));
      opened++;
    }
  else if (GTK_IS_EXPANDER (root) && !gtk_expander_get_expanded (GTK_EXPANDER (root)))
    {
      gtk_expander_set_expanded (GTK_EXPANDER (root), TRUE);
      opened++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    opened += rd_test_gui_open_expanders (child);
  return opened;
}

/* Emits "key-pressed" on each key controller of @widget in @phase until
 * one handles it. */
static gboolean
run_key_controllers (GtkWidget           *widget,
                     GtkPropagationPhase  phase,
                     guint                keyval,
                     GdkModifierType      state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == phase)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

/**
 * rd_test_gui_press_key:
 *
 * Delivers a key press to @widget as GTK does once the window has routed
 * it there: through its key controllers, those of the capture phase
 * first, then the target's and the bubble phase's, until one handles it.
 * GTK 4 has no public way to make a key event.
 *
 * Returns: whether a controller handled it
 */
gboolean
rd_test_gui_press_key (GtkWidget       *widget,
                       guint            keyval,
                       GdkModifierType  state)
{
  return run_key_controllers (widget, GTK_PHASE_CAPTURE, keyval, state) ||
         run_key_controllers (widget, GTK_PHASE_TARGET, keyval, state) ||
         run_key_controllers (widget, GTK_PHASE_BUBBLE, keyval, state);
}

/**
 * rd_test_gui_press_key_on_focus:
 *
 * Delivers a key press to the focus of @window along the way GTK routes
 * it: the key controllers of the capture phase from the window in to the
 * focus, then the focus's own, then those of the bubble phase from the
 * focus out to the window, until one handles it. (A class's key bindings,
 * which GTK keeps in shortcut controllers, are not tried.)
 *
 * Returns: whether a controller handled it
 */
gboolean
rd_test_gui_press_key_on_focus (GtkWindow       *window,
                                guint            keyval,
                                GdkModifierType  state)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  g_autoptr(GPtrArray) way = g_ptr_array_new ();

  /* From the focus out */
  for (GtkWidget *widget = focus != NULL ? focus : GTK_WIDGET (window); widget != NULL;
       widget = gtk_widget_get_parent (widget))
    g_ptr_array_add (way, widget);
  for (guint i = way->len; i > 0; i--)
    if (run_key_controllers (g_ptr_array_index (way, i - 1), GTK_PHASE_CAPTURE, keyval, state))
      return TRUE;
  if (run_key_controllers (g_ptr_array_index (way, 0), GTK_PHASE_TARGET, keyval, state))
    return TRUE;
  for (guint i = 0; i < way->len; i++)
    if (run_key_controllers (g_ptr_array_index (way, i), GTK_PHASE_BUBBLE, keyval, state))
      return TRUE;
  return FALSE;
}
