/* test-a11y-names.c: the names a screen reader is given for what GTK and
 * libadwaita build without one.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The end-to-end audit (tests/e2e/test-a11y-audit-e2e.py) reads the
 * windows over AT-SPI; this test holds each rule of rd-gui-a11y.c to one
 * small case of its own, and checks that a name given by Redress is kept.
 */
#include "config.h"

#include "rd-gui-util.h"
#include "rd-test-gui.h"

static void
assert_named (GtkWidget  *widget,
              const char *name)
{
  g_autofree char *wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                GTK_ACCESSIBLE_PROPERTY_LABEL, name);

  if (wrong != NULL)
    g_error ("%s should be named “%s”: %s", G_OBJECT_TYPE_NAME (widget), name, wrong);
}

static void
tidy (GtkWidget *widget)
{
  /* As the application does when it starts, then as a window maps. */
  rd_gui_install_accessible_names ();
  rd_gui_tidy_accessible_names (widget);
}

/* @window (a new GtkWindow if NULL) holding @first and the widgets after
 * it, up to NULL, in a box, tidied as a window is when it maps. */
static GtkWidget *
window_with (GtkWidget *window,
             GtkWidget *first,
             ...)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  va_list args;

  if (window == NULL)
    window = gtk_window_new ();
  va_start (args, first);
  for (GtkWidget *widget = first; widget != NULL; widget = va_arg (args, GtkWidget *))
    gtk_box_append (GTK_BOX (box), widget);
  va_end (args);
  if (ADW_IS_WINDOW (window))
    adw_window_set_content (ADW_WINDOW (window), box);
  else
    gtk_window_set_child (GTK_WINDOW (window), box);
  tidy (window);
  return window;
}

/* An icon button is named by its tooltip, follows it, and is not labelled
 * by its own image any more; a name Redress gave is kept. */
static void
test_icon_buttons (void)
{
  GtkWidget *window;
  GtkWidget *tooltip = gtk_button_new_from_icon_name ("view-reveal-symbolic");
  GtkWidget *search = gtk_toggle_button_new ();
  GtkWidget *named = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *unknown = gtk_button_new_from_icon_name ("emblem-important-symbolic");

  gtk_widget_set_tooltip_text (tooltip, "Show Text");
  gtk_button_set_icon_name (GTK_BUTTON (search), "edit-find-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (named), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  "Back to the open case", -1);
  window = window_with (NULL, tooltip, search, named, unknown, NULL);

  assert_named (tooltip, "Show Text");
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (tooltip),
                                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  gtk_widget_set_tooltip_text (tooltip, "Hide Text");
  assert_named (tooltip, "Hide Text");
  /* English here: the test runs without a translation. */
  assert_named (search, "Search");
  assert_named (named, "Back to the open case");
  /* An icon whose meaning is not known is not given a guess. */
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (unknown),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Buttons that show words they were not given as a label: a label put in
 * by hand, a menu button's label, a stack switcher's tab with its
 * underline. */
static void
test_buttons_with_words (void)
{
  GtkWidget *window;
  GtkWidget *version = gtk_button_new ();
  GtkWidget *menu = gtk_menu_button_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *switcher = gtk_stack_switcher_new ();
  GtkStackPage *page;
  GtkWidget *tab;

  gtk_button_set_child (GTK_BUTTON (version), gtk_label_new ("1.2.3"));
  gtk_menu_button_set_label (GTK_MENU_BUTTON (menu), "_Sections");
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (menu), TRUE);
  /* As GtkShortcutsSection titles the pages it makes */
  page = gtk_stack_add_titled (GTK_STACK (stack), gtk_label_new ("one"), "one", "_1");
  gtk_stack_page_set_use_underline (page, TRUE);
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), GTK_STACK (stack));
  window = window_with (NULL, version, menu, stack, switcher, NULL);

  assert_named (version, "1.2.3");
  assert_named (menu, "Sections");
  gtk_menu_button_set_label (GTK_MENU_BUTTON (menu), "_Evidence");
  assert_named (menu, "Evidence");
  tab = gtk_widget_get_first_child (switcher);
  g_assert_true (GTK_IS_BUTTON (tab));
  assert_named (tab, "1");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A window without a title takes its header's; a text view alone under a
 * header is labelled by its title; a lone preferences page takes its
 * window's title, which its switcher's tab shows. */
static void
test_titles (void)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *header = adw_header_bar_new ();
  AdwWindowTitle *title = ADW_WINDOW_TITLE (adw_window_title_new ("Release Notes", NULL));
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *named_view = gtk_text_view_new ();
  GtkWidget *preferences = adw_preferences_window_new ();
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (title));
  gtk_accessible_update_property (GTK_ACCESSIBLE (named_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  "Notes", -1);
  window_with (window, header, view, named_view, NULL);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Release Notes");
  adw_window_title_set_title (title, "Debugging Information");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Debugging Information");
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (view),
                                                   GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  assert_named (named_view, "Notes");
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (named_view),
                                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY));

  gtk_window_set_title (GTK_WINDOW (preferences), "Client Record");
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (preferences), page);
  tidy (preferences);
  g_assert_cmpstr (adw_preferences_page_get_title (page), ==, "Client Record");

  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A window is titled by its header as it is realized, before it maps and
 * before GTK 4.8 tells AT-SPI anything of it: titled later, while still
 * hidden, it made GTK announce the application itself as removed. */
static void
test_title_before_shown (void)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new ("Landlord’s Complaints Policy", NULL));
  gtk_box_append (GTK_BOX (box), header);
  adw_window_set_content (ADW_WINDOW (window), box);
  rd_gui_install_accessible_names ();
  g_assert_null (gtk_window_get_title (GTK_WINDOW (window)));

  gtk_widget_realize (window);
  g_assert_false (gtk_widget_get_mapped (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Landlord’s Complaints Policy");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Returns: how many buttons there are in @widget; each is named by its tooltip */
static guint
assert_buttons_named_by_tooltips (GtkWidget *widget)
{
  guint found = 0;

  if (GTK_IS_BUTTON (widget))
    {
      g_assert_nonnull (gtk_widget_get_tooltip_text (widget));
      assert_named (widget, gtk_widget_get_tooltip_text (widget));
      found++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    found += assert_buttons_named_by_tooltips (child);
  return found;
}

/* libadwaita's own password row: its show-text button is named, and says
 * what it will do next. */
static void
test_password_row (void)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_password_entry_row_new ();
  GtkWidget *window;

  gtk_list_box_append (GTK_LIST_BOX (list), row);
  window = window_with (NULL, list, NULL);
  g_assert_cmpuint (assert_buttons_named_by_tooltips (row), >=, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_entry (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A search box is named by its placeholder and follows it; without one,
 * after the window it searches; a name Redress gave is kept. GTK's
 * shortcuts window and libadwaita's preferences window make theirs so. */
static void
test_search_entries (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *placeholder = gtk_search_entry_new ();
  GtkWidget *bare = gtk_search_entry_new ();
  GtkWidget *named = gtk_search_entry_new ();
  GtkWidget *shortcuts = g_object_new (GTK_TYPE_SHORTCUTS_WINDOW, NULL);
  GtkWidget *preferences = adw_preferences_window_new ();

  g_object_set (placeholder, "placeholder-text", "Search words in the diary", NULL);
  g_object_set (named, "placeholder-text", "Search by name or reference", NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (named), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  "Search cases", -1);
  gtk_window_set_title (GTK_WINDOW (window), "Evidence");
  window_with (window, placeholder, bare, named, NULL);

  assert_named (placeholder, "Search words in the diary");
  g_object_set (placeholder, "placeholder-text", "Search words in the contacts", NULL);
  assert_named (placeholder, "Search words in the contacts");
  assert_named (bare, "Search: Evidence");
  assert_named (named, "Search cases");

  tidy (shortcuts);
  g_assert_nonnull (find_search_entry (shortcuts));
  assert_named (find_search_entry (shortcuts), "Search Shortcuts");

  gtk_window_set_title (GTK_WINDOW (preferences), "Client Record");
  tidy (preferences);
  g_assert_nonnull (find_search_entry (preferences));
  assert_named (find_search_entry (preferences), "Search: Client Record");

  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (shortcuts));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  rd_test_gui_init (&argc, &argv);

  g_test_add_func ("/a11y-names/icon-buttons", test_icon_buttons);
  g_test_add_func ("/a11y-names/buttons-with-words", test_buttons_with_words);
  g_test_add_func ("/a11y-names/titles", test_titles);
  g_test_add_func ("/a11y-names/title-before-shown", test_title_before_shown);
  g_test_add_func ("/a11y-names/password-row", test_password_row);
  g_test_add_func ("/a11y-names/search-entries", test_search_entries);
  return g_test_run ();
}
