/* test-help.c: the user help opens with F1 and reads every page, even without yelp.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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

int
main (int   argc,
      char *argv[])
{
  /* The test machine may have yelp; the help window is what is tested. */
  g_setenv ("REDRESS_OWN_HELP", "1", TRUE);
  rd_test_gui_init (&argc, &argv);

  g_test_add_func ("/help/every-page", test_help_every_page);
  g_test_add_func ("/help/keys-and-steps", test_help_keys_and_steps);
  g_test_add_func ("/help/from-app", test_help_from_app);

  return g_test_run ();
}
