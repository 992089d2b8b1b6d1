/* test-help.c: the user help opens with F1 and reads every page, even without yelp,
 * in the interface's language, at a phone's width by keyboard.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "rd-application.h"
#include "rd-help-window.h"
#include "rd-window.h"
#include "rd-test-gui.h"

static const char *const pages[] = {
  "index", "getting-started", "diary", "deadlines", "evidence", "bundle", "advisers", "privacy",
};

/* Collects the text of every label under @widget, in order. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (text, '\n');
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_text (c, text);
}

static GtkStack *
help_stack (GtkWidget *window)
{
  GtkWidget *stack = rd_test_gui_find_by_type (window, GTK_TYPE_STACK);

  g_assert_nonnull (stack);
  return GTK_STACK (stack);
}

static void
test_help_every_page (void)
{
  GtkWidget *window = rd_help_window_new (NULL, NULL);
  GtkStack *stack = help_stack (window);

  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = gtk_stack_get_child_by_name (stack, pages[i]);
      g_autoptr(GString) text = g_string_new (NULL);
      const char *title;

      g_assert_nonnull (page);
      title = gtk_stack_page_get_title (gtk_stack_get_page (stack, page));
      g_assert_nonnull (title);
      g_assert_cmpstr (title, !=, pages[i]);      /* a real title, read from the page */
      collect_text (page, text);
      /* A page says something, and none of Mallard's markup shows through. */
      g_assert_cmpuint (text->len, >, 200);
      g_assert_null (strstr (text->str, "<"));
      g_assert_null (strstr (text->str, "  "));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_help_keys_and_steps (void)
{
  GtkWidget *window = rd_help_window_new (NULL, "diary");
  GtkStack *stack = help_stack (window);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "diary");
  collect_text (gtk_stack_get_visible_child (stack), text);
  /* Steps are numbered, key sequences read as the keys to press. */
  g_assert_nonnull (strstr (text->str, "1. Press New Entry or Ctrl+N."));
  g_assert_nonnull (strstr (text->str, "2. "));

  /* An unknown page leaves the help where it was. */
  rd_help_window_select_page (RD_HELP_WINDOW (window), "no-such-page");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "diary");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
transition_done (gpointer data)
{
  return !adw_leaflet_get_child_transition_running (data);
}

/* The pane of @leaflet shown, the topics or the page */
static gboolean
shows_topics (AdwLeaflet *leaflet)
{
  return rd_test_gui_find_by_type (adw_leaflet_get_visible_child (leaflet), GTK_TYPE_LIST_BOX) != NULL;
}

/* At a phone's width the topics and the page are shown one at a time, as
 * GNOME's apps do: Return on a topic opens its page, with the keyboard on
 * its first words; the back button, Alt+Left or Escape go back to the
 * topic left; Escape on the topics closes the help. Opened at a page, as
 * a help button opens it, the page is shown. */
static void
test_help_narrow_keyboard (void)
{
  GtkWidget *window = rd_help_window_new (NULL, NULL);
  GtkStack *stack = help_stack (window);
  AdwLeaflet *leaflet = ADW_LEAFLET (rd_test_gui_find_by_type (window, ADW_TYPE_LEAFLET));
  GtkListBox *topics = GTK_LIST_BOX (rd_test_gui_find_by_type (window, GTK_TYPE_LIST_BOX));
  GtkListBoxRow *row;
  GtkWidget *focus;
  const char *title;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (window);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (shows_topics (leaflet));

  /* Return on the fourth topic, the deadlines */
  row = gtk_list_box_get_row_at_index (topics, 3);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  g_signal_emit_by_name (row, "activate");
  g_assert_true (rd_test_gui_wait_until (transition_done, leaflet, 5000));
  g_assert_false (shows_topics (leaflet));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "deadlines");
  title = gtk_stack_page_get_title (gtk_stack_get_page (stack, gtk_stack_get_visible_child (stack)));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_LABEL (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, gtk_stack_get_visible_child (stack)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (focus)), ==, title);

  /* Back (Alt+Left, and the back button's action), onto the same topic */
  g_assert_true (gtk_widget_activate_action (window, "help.back", NULL));
  g_assert_true (rd_test_gui_wait_until (transition_done, leaflet, 5000));
  g_assert_true (shows_topics (leaflet));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (row));

  /* Opened at a page; Escape goes back, then closes */
  rd_help_window_select_page (RD_HELP_WINDOW (window), "privacy");
  g_assert_true (rd_test_gui_wait_until (transition_done, leaflet, 5000));
  g_assert_false (shows_topics (leaflet));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "privacy");
  g_assert_true (gtk_widget_activate_action (window, "help.back-or-close", NULL));
  g_assert_true (rd_test_gui_wait_until (transition_done, leaflet, 5000));
  g_assert_true (shows_topics (leaflet));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window))
                 == GTK_WIDGET (gtk_list_box_get_row_at_index (topics, 7)));
  g_object_ref (window);
  g_assert_true (gtk_widget_activate_action (window, "help.back-or-close", NULL));
  rd_test_gui_iterate ();
  g_assert_false (gtk_widget_get_visible (window));
  g_object_unref (window);
}

/* Where there is room, the topics are beside the page, which the keys
 * move through; nothing goes back, and Escape closes the help. */
static void
test_help_wide (void)
{
  GtkWidget *window = rd_help_window_new (NULL, "diary");
  GtkStack *stack = help_stack (window);
  AdwLeaflet *leaflet = ADW_LEAFLET (rd_test_gui_find_by_type (window, ADW_TYPE_LEAFLET));
  GtkListBox *topics = GTK_LIST_BOX (rd_test_gui_find_by_type (window, GTK_TYPE_LIST_BOX));

  gtk_window_set_default_size (GTK_WINDOW (window), 860, 640);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (window);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (topics)), ==, 2);
  gtk_list_box_select_row (topics, gtk_list_box_get_row_at_index (topics, 5));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "bundle");
  g_object_ref (window);
  g_assert_true (gtk_widget_activate_action (window, "help.back-or-close", NULL));
  rd_test_gui_iterate ();
  g_assert_false (gtk_widget_get_visible (window));
  g_object_unref (window);
}

static gboolean
help_window_open (gpointer data)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gboolean found = FALSE;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (RD_IS_HELP_WINDOW (l->data))
      found = TRUE;
  g_list_free (toplevels);
  return found;
}

static void
test_help_from_app (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  RdApplication *app = rd_test_gui_app_new (dir);
  RdWindow *window = rd_test_gui_window_new (app, 0, 0);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                 "app.help");
  GList *toplevels;

  g_assert_nonnull (window);
  g_assert_cmpstr (accels[0], ==, "F1");

  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  g_assert_true (rd_test_gui_wait_until (help_window_open, NULL, 5000));

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (RD_IS_HELP_WINDOW (l->data))
      gtk_window_destroy (l->data);
  g_list_free (toplevels);
  rd_test_gui_close_app (&app, &dir);
}

/* The title the help window's sidebar gives @page. */
static char *
page_title (GtkWidget  *window,
            const char *page)
{
  GtkStack *stack = help_stack (window);
  GtkWidget *child = gtk_stack_get_child_by_name (stack, page);

  g_assert_nonnull (child);
  return g_strdup (gtk_stack_page_get_title (gtk_stack_get_page (stack, child)));
}

/* Shows the interface in @language from here on, as LANGUAGE=@language
 * would have from the start; NULL for English. setlocale() makes gettext
 * forget the translations it has looked up. */
static void
set_interface_language (const char *language)
{
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
}

static GtkWidget *
find_help_window (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWidget *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (RD_IS_HELP_WINDOW (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

/* In Welsh, Polish or Urdu, the help that F1 opens where yelp is not is in
 * the interface's language: every page has its own translated title, and
 * the diary's steps name the button as the translated window does. A
 * language Redress has no translation for keeps the English help. */
static void
test_help_interface_language (void)
{
  static const char *const languages[] = { "cy", "pl", "ur" };
  g_auto(GStrv) english = g_new0 (char *, G_N_ELEMENTS (pages) + 1);
  GtkWidget *window = rd_help_window_new (NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    english[i] = page_title (window, pages[i]);
  gtk_window_destroy (GTK_WINDOW (window));

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_auto(GStrv) mnemonic = NULL;
      g_autofree char *new_entry = NULL;
      GtkStack *stack;

      set_interface_language (languages[l]);
      /* The way F1 opens it, on the diary's page */
      rd_help_show (NULL, "diary");
      window = find_help_window ();
      g_assert_nonnull (window);
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), !=, "Redress Help");
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, _("Redress Help"));
      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        {
          g_autofree char *title = page_title (window, pages[i]);

          g_test_message ("%s: %s → %s", languages[l], english[i], title);
          g_assert_cmpstr (title, !=, english[i]);
        }

      stack = help_stack (window);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "diary");
      collect_text (gtk_stack_get_visible_child (stack), text);
      g_assert_null (strstr (text->str, "<"));
      g_assert_null (strstr (text->str, "New Entry"));
      /* The button's label in this language, without its mnemonic */
      g_assert_cmpstr (_("_New Entry"), !=, "_New Entry");
      mnemonic = g_strsplit (_("_New Entry"), "_", -1);
      new_entry = g_strjoinv ("", mnemonic);
      g_assert_nonnull (strstr (text->str, new_entry));
      gtk_window_destroy (GTK_WINDOW (window));
    }

  /* No translation of Redress, no translation of the help */
  set_interface_language ("fr");
  window = rd_help_window_new (NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *title = page_title (window, pages[i]);

      g_assert_cmpstr (title, ==, english[i]);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  set_interface_language (NULL);
}

int
main (int   argc,
      char *argv[])
{
  /* The test machine may have yelp; the help window is what is tested. */
  g_setenv ("REDRESS_OWN_HELP", "1", TRUE);
  /* The catalogues this build made, for the interface in other languages */
  if (g_getenv ("G_TEST_BUILDDIR") != NULL)
    {
      g_autofree char *po = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);

      /* As main.c does: the GUI's _() is gettext() in this domain */
      bindtextdomain (GETTEXT_PACKAGE, po);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  rd_test_gui_init (&argc, &argv);

  g_test_add_func ("/help/every-page", test_help_every_page);
  g_test_add_func ("/help/keys-and-steps", test_help_keys_and_steps);
  g_test_add_func ("/help/from-app", test_help_from_app);
  g_test_add_func ("/help/narrow-keyboard", test_help_narrow_keyboard);
  g_test_add_func ("/help/wide", test_help_wide);
  g_test_add_func ("/help/interface-language", test_help_interface_language);

  return g_test_run ();
}
