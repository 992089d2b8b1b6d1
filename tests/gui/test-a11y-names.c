/* test-a11y-names.c: the names a screen reader is given for what GTK and
 * libadwaita build without one.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The end-to-end audit (tests/e2e/test-a11y-audit-e2e.py) reads the
 * windows over AT-SPI; this test holds each rule of rd-gui-a11y.c to one
 * small case of its own, and checks that a name given by Redress is kept.
 */
#include "config.h"

#include "rd-dashboard-row.h"
#include "rd-gui-a11y.h"
#include "rd-gui-choice.h"
#include "rd-gui-util.h"
#include "rd-test-gui.h"

/* @accessible: a widget, or another accessible object (a stack's page) */
static void
assert_named (gpointer    accessible,
              const char *name)
{
  g_autofree char *wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (accessible),
                                                                GTK_ACCESSIBLE_PROPERTY_LABEL, name);

  if (wrong != NULL)
    g_error ("%s should be named “%s”: %s", G_OBJECT_TYPE_NAME (accessible), name, wrong);
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

static void
assert_described (GtkWidget  *widget,
                  const char *description)
{
  g_autofree char *wrong = NULL;

  if (description == NULL)
    {
      g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
      return;
    }
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                              description);
  if (wrong != NULL)
    g_error ("%s should be described “%s”: %s", G_OBJECT_TYPE_NAME (widget), description, wrong);
}

/* An icon button is named by its tooltip, follows it, and is not labelled
 * by its own image any more; a name Redress gave is kept. A tooltip that
 * says the name again does not describe the button as well: only what it
 * adds does (a key). */
static void
test_icon_buttons (void)
{
  GtkWidget *window;
  GtkWidget *tooltip = gtk_button_new_from_icon_name ("view-reveal-symbolic");
  GtkWidget *search = gtk_toggle_button_new ();
  GtkWidget *named = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *unknown = gtk_button_new_from_icon_name ("emblem-important-symbolic");
  GtkWidget *keyed = gtk_toggle_button_new_with_label ("Find");
  GtkWidget *more = gtk_menu_button_new ();
  GtkWidget *check = gtk_button_new_with_label ("Check");

  gtk_widget_set_tooltip_text (tooltip, "Show Text");
  gtk_button_set_icon_name (GTK_BUTTON (search), "edit-find-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (named), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  "Back to the open case", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (keyed), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  "Search the diary", -1);
  gtk_widget_set_tooltip_text (keyed, "Search the diary (Ctrl+F)");
  gtk_accessible_update_property (GTK_ACCESSIBLE (more), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  "People in this case", -1);
  gtk_widget_set_tooltip_text (more, "People in this case…");
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  "Check evidence", -1);
  gtk_widget_set_tooltip_text (check, "Check evidence: make sure every file is as it was added");
  window = window_with (NULL, tooltip, search, named, unknown, keyed, more, check, NULL);

  assert_named (tooltip, "Show Text");
  assert_described (tooltip, NULL);
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (tooltip),
                                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  gtk_widget_set_tooltip_text (tooltip, "Hide Text");
  assert_named (tooltip, "Hide Text");
  assert_described (tooltip, NULL);
  assert_described (keyed, "Ctrl+F");
  assert_described (check, "make sure every file is as it was added");
  assert_described (more, NULL);
  gtk_widget_set_tooltip_text (more, "Everyone in this case");
  assert_described (more, "Everyone in this case");
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

/* A text view is labelled by the nearest header around it, found in a
 * branch beside its own a few steps out rather than the window's header
 * further out (the search goes through each branch once), and stays so
 * when it is mapped again. */
static void
test_text_view_nearest_header (void)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *far_header = adw_header_bar_new ();
  GtkWidget *near_header = adw_header_bar_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *near_label;
  g_autofree char *wrong = NULL;

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (far_header), adw_window_title_new ("Client Record", NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (near_header), adw_window_title_new ("Diary Entry", NULL));
  gtk_box_append (GTK_BOX (group), view);
  gtk_box_append (GTK_BOX (form), gtk_label_new ("What happened"));
  gtk_box_append (GTK_BOX (form), group);
  gtk_box_append (GTK_BOX (page), near_header);
  gtk_box_append (GTK_BOX (page), form);
  window_with (window, far_header, page, NULL);
  near_label = rd_test_gui_find_label_showing (near_header, "Diary Entry");
  g_assert_nonnull (near_label);

  wrong = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                              near_label, NULL);
  g_assert_null (wrong);
  gtk_widget_set_visible (group, FALSE);
  gtk_widget_set_visible (group, TRUE);
  rd_gui_tidy_accessible_names (view);
  wrong = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                              near_label, NULL);
  g_assert_null (wrong);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_title_notify_cb (GtkWidget  *window,
                    GParamSpec *pspec,
                    gboolean   *realized)
{
  *realized = gtk_widget_get_realized (window) || gtk_native_get_surface (GTK_NATIVE (window)) != NULL;
}

/* A window is titled by its header before GTK realizes it, which is when
 * GTK 4.8 starts telling AT-SPI of it: titled later, while still hidden,
 * it made GTK announce the application itself as removed. */
static void
test_title_before_shown (void)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  gboolean realized_when_titled = TRUE;

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new ("Landlord’s Complaints Policy", NULL));
  gtk_box_append (GTK_BOX (box), header);
  adw_window_set_content (ADW_WINDOW (window), box);
  rd_gui_install_accessible_names ();
  g_assert_null (gtk_window_get_title (GTK_WINDOW (window)));

  g_signal_connect (window, "notify::title", G_CALLBACK (on_title_notify_cb), &realized_when_titled);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Landlord’s Complaints Policy");
  g_assert_false (realized_when_titled);
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

/* A plain row with the words it shows: the first, then the rest. */
static GtkWidget *
row_of_words (const char *first,
              ...)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  va_list args;

  va_start (args, first);
  for (const char *text = first; text != NULL; text = va_arg (args, const char *))
    gtk_box_append (GTK_BOX (box), gtk_label_new (text));
  va_end (args);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

/* A list is named by the heading just above it (a relation), by the
 * group, row or stack page it is the list of, and follows a group's
 * title; a name Redress gave is kept. */
static void
test_lists (void)
{
  GtkWidget *heading = gtk_label_new ("Deadlines");
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *under_heading = gtk_list_box_new ();
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page_list = gtk_list_box_new ();
  AdwPreferencesGroup *untitled = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *named = gtk_flow_box_new ();
  GtkWidget *window;
  GtkWidget *group_list;
  GtkWidget *expander_list;
  GtkWidget *untitled_list;

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), under_heading);
  adw_preferences_group_set_title (group, "People");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), "Stage 1");
  adw_preferences_group_add (group, expander);
  adw_preferences_group_add (untitled, row_of_words ("Landlord", NULL));
  gtk_box_append (GTK_BOX (page), page_list);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (untitled));
  gtk_stack_add_titled (GTK_STACK (stack), page, "contacts", "Contacts");
  gtk_accessible_update_property (GTK_ACCESSIBLE (named), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  "Letters to write", -1);
  window = window_with (NULL, heading, scrolled, GTK_WIDGET (group), stack, named, NULL);
  group_list = gtk_widget_get_parent (expander);
  expander_list = rd_test_gui_find_by_type (expander, GTK_TYPE_LIST_BOX);
  untitled_list = rd_test_gui_find_by_type (GTK_WIDGET (untitled), GTK_TYPE_LIST_BOX);
  g_assert_true (GTK_IS_LIST_BOX (group_list));
  g_assert_nonnull (expander_list);

  g_assert_null (gtk_test_accessible_check_relation (GTK_ACCESSIBLE (under_heading),
                                                     GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL));
  /* libadwaita labels it by the group's title itself. */
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (group_list),
                                                   GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (group_list),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));
  assert_named (untitled_list, "Contacts");
  assert_named (expander_list, "Stage 1");
  assert_named (page_list, "Contacts");
  assert_named (named, "Letters to write");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A status page with nothing to press scrolls in a scrolled window GTK
 * gives the focus: it says the page's title and its description, and
 * follows them. */
static void
test_status_page (void)
{
  GtkWidget *page = adw_status_page_new ();
  GtkWidget *scroller = gtk_widget_get_first_child (page);
  GtkWidget *window;

  adw_status_page_set_title (ADW_STATUS_PAGE (page), "No Evidence Chosen");
  adw_status_page_set_description (ADW_STATUS_PAGE (page), "Choose a file <b>from</b> the list.");
  window = window_with (NULL, page, NULL);

  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
  assert_named (scroller, "No Evidence Chosen");
  assert_described (scroller, "Choose a file from the list.");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), "No Matching Evidence");
  adw_status_page_set_description (ADW_STATUS_PAGE (page), NULL);
  assert_named (scroller, "No Matching Evidence");
  assert_described (scroller, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* libadwaita's rows are named by their title as shown and described by
 * their subtitle (an action row libadwaita labels itself too: GTK 4.8 does
 * not say what its described-by relation points to); a plain row by its first words and described by the
 * rest, a control's words left out, hidden words too, following both; a
 * flow box's child by the button it holds. Names Redress gave, before or
 * after, are kept. */
static void
test_rows (void)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *action = adw_action_row_new ();
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *plain = row_of_words ("Noise at night", "Friday 3 May 2024", "hidden", NULL);
  GtkWidget *named = row_of_words ("Letter", NULL);
  GtkWidget *later = row_of_words ("Photo of the damp", NULL);
  GtkWidget *flow = gtk_flow_box_new ();
  GtkWidget *letter = gtk_button_new_with_mnemonic ("Stage _1 Complaint…");
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (plain));
  GtkWidget *first = gtk_widget_get_first_child (box);
  GtkWidget *hidden = gtk_widget_get_last_child (box);
  GtkWidget *window;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action), "Landlord");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (action), "Not set");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), "_Resident’s name");
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (expander), TRUE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), "Sam &amp; Alex");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), TRUE);
  gtk_widget_set_visible (hidden, FALSE);
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_label ("Delete"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (named), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  "Letter to the landlord", -1);
  gtk_list_box_append (GTK_LIST_BOX (list), action);
  gtk_list_box_append (GTK_LIST_BOX (list), expander);
  gtk_list_box_append (GTK_LIST_BOX (list), plain);
  gtk_list_box_append (GTK_LIST_BOX (list), named);
  gtk_list_box_append (GTK_LIST_BOX (list), later);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), letter);
  window = window_with (NULL, list, flow, NULL);

  /* libadwaita labels an action row by its title itself. */
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (action),
                                                   GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (action),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));
  assert_described (action, "Not set");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (action), "Eastwick Homes");
  assert_described (action, "Eastwick Homes");
  assert_named (expander, "Resident’s name");
  assert_described (expander, "Sam & Alex");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), "_Landlord");
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), "");
  assert_named (expander, "Landlord");
  assert_described (expander, NULL);

  assert_named (plain, "Noise at night");
  assert_described (plain, "Friday 3 May 2024");
  gtk_widget_set_visible (hidden, TRUE);
  assert_described (plain, "Friday 3 May 2024\nhidden");
  gtk_label_set_text (GTK_LABEL (first), "Threats on the stairs");
  assert_named (plain, "Threats on the stairs");

  assert_named (named, "Letter to the landlord");
  assert_described (named, NULL);
  assert_named (later, "Photo of the damp");
  gtk_accessible_update_property (GTK_ACCESSIBLE (later), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  "Exhibit 3: photo of the damp", -1);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (later)))),
                      "Photo of the mould");
  assert_named (later, "Exhibit 3: photo of the damp");

  assert_named (gtk_widget_get_parent (letter), "Stage 1 Complaint…");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_entry_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_list_item_set_child (item, box);
}

static char *
dup_entry_detail (const char *entry)
{
  return g_strdup_printf ("What happened in %s", entry);
}

/* What binding a row to @entry does: a list view's row shows another item. */
static void
show_entry (GtkWidget  *box,
            const char *entry)
{
  g_autofree char *detail = dup_entry_detail (entry);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), entry);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), detail);
}

static void
on_entry_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  show_entry (gtk_list_item_get_child (item),
              gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

/* Returns: the first row @view has made (and shows, if @shown_only), after
 * checking that each is named by the item it shows now and described by
 * its detail */
static GtkWidget *
assert_rows_name_their_items (GtkWidget *view,
                              gboolean   shown_only)
{
  GtkWidget *first = NULL;

  for (GtkWidget *row = gtk_widget_get_first_child (view);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_widget_get_first_child (row);
      const char *entry;
      g_autofree char *detail = NULL;

      if ((shown_only && !gtk_widget_get_mapped (row)) || !GTK_IS_BOX (box))
        continue;
      entry = gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (box)));
      detail = dup_entry_detail (entry);
      assert_named (row, entry);
      assert_described (row, detail);
      if (first == NULL)
        first = row;
    }
  g_assert_nonnull (first);
  return first;
}

typedef struct
{
  GtkWidget  *view;
  const char *entry;
} ShownEntry;

static gboolean
entry_shown (gpointer data)
{
  ShownEntry *wanted = data;
  GtkWidget *label = rd_test_gui_find_by_text (wanted->view, wanted->entry);

  return label != NULL && gtk_widget_get_mapped (label);
}

/*
 * A list view makes rows only for what is on screen, and binds a row again
 * to show another item in it: each row is named by the item it shows now,
 * as the list scrolls and is filtered, never by one it showed before.
 */
static void
test_rebound_rows (void)
{
  GtkStringList *entries = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view;
  GtkWidget *window;
  GtkWidget *row;
  const char *kept[] = { "Entry 7", "Entry 3", "Entry 950", NULL };
  ShownEntry wanted;

  for (guint i = 1; i <= 1000; i++)
    {
      g_autofree char *entry = g_strdup_printf ("Entry %u", i);

      gtk_string_list_append (entries, entry);
    }
  g_signal_connect (factory, "setup", G_CALLBACK (on_entry_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_entry_bind_cb), NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (entries)));
  view = gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_size_request (scrolled, 300, 240);
  window = window_with (NULL, scrolled, NULL);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (view);
  row = assert_rows_name_their_items (view, TRUE);
  show_entry (gtk_widget_get_first_child (row), "Entry 42");
  assert_named (row, "Entry 42");
  assert_described (row, "What happened in Entry 42");

  wanted = (ShownEntry) { view, "Entry 900" };
  gtk_widget_activate_action (view, "list.scroll-to-item", "u", 899);
  g_assert_true (rd_test_gui_wait_until (entry_shown, &wanted, 5000));
  assert_rows_name_their_items (view, TRUE);

  /* Filtered down to three entries. */
  gtk_string_list_splice (entries, 0, 1000, kept);
  wanted.entry = "Entry 950";
  g_assert_true (rd_test_gui_wait_until (entry_shown, &wanted, 5000));
  rd_test_gui_wait_for_draw (view);
  assert_rows_name_their_items (view, TRUE);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (entries);
}

/* A list view makes rows for a page not shown yet when its items change,
 * and a screen reader can read them then: they are named as they are made. */
static void
test_rows_made_hidden (void)
{
  GtkStringList *entries = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *view;
  GtkWidget *window;

  g_signal_connect (factory, "setup", G_CALLBACK (on_entry_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_entry_bind_cb), NULL);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (entries)))),
                            factory);
  gtk_stack_add_named (GTK_STACK (stack), gtk_label_new ("Shown"), "shown");
  gtk_stack_add_titled (GTK_STACK (stack), view, "diary", "Diary");
  window = window_with (NULL, stack, NULL);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (stack);
  g_assert_false (gtk_widget_get_mapped (view));

  gtk_string_list_append (entries, "Entry 1");
  gtk_string_list_append (entries, "Entry 2");
  rd_test_gui_iterate ();
  g_assert_false (gtk_widget_get_mapped (view));
  assert_named (view, "Diary");
  assert_rows_name_their_items (view, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (entries);
}

static void
on_icon_choice_setup_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item)
{
  GtkWidget *image = gtk_image_new_from_icon_name ("camera-photo-symbolic");

  gtk_widget_set_tooltip_text (image, "Photo");
  gtk_list_item_set_child (item, image);
}

/* The choice @drop_down shows on its button, and the first it lists. */
static void
find_choices (GtkWidget  *drop_down,
              GtkWidget **shown,
              GtkWidget **listed)
{
  GType item_type = g_type_from_name ("GtkListItemWidget");
  GtkWidget *list = rd_test_gui_find_by_type (gtk_widget_get_last_child (drop_down), GTK_TYPE_LIST_VIEW);

  g_assert_true (item_type != 0);
  g_assert_nonnull (list);
  *shown = rd_test_gui_find_by_type (gtk_widget_get_first_child (drop_down), item_type);
  *listed = gtk_widget_get_first_child (list);
  g_assert_nonnull (*shown);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (*listed, item_type));
}

/*
 * A drop-down's choice that shows no words, on its button or in its list,
 * is named by its icon's tooltip, else "None", never after its type
 * ("GtkListItemWidget"). A drop-down's button and a combo row, its choice
 * shown as its subtitle or not, are described by the choice, "None" for
 * an empty one, and follow it.
 */
static void
test_wordless_choices (void)
{
  const char *choices[] = { "", "Letter", NULL };
  GtkWidget *empty = gtk_drop_down_new_from_strings (choices);
  GtkWidget *full = gtk_drop_down_new_from_strings (choices);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *icons = gtk_drop_down_new (G_LIST_MODEL (gtk_string_list_new (choices)), NULL);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_combo_row_new ();
  GtkWidget *window;
  GtkWidget *shown;
  GtkWidget *listed;

  g_signal_connect (factory, "setup", G_CALLBACK (on_icon_choice_setup_cb), NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (icons), factory);
  g_object_unref (factory);
  rd_gui_drop_down_show_choice_in_full (GTK_DROP_DOWN (full));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Kind");
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (gtk_string_list_new (choices)));
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  window = window_with (NULL, empty, full, icons, list, NULL);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (empty);

  find_choices (empty, &shown, &listed);
  assert_named (shown, "None");
  assert_named (listed, "None");
  assert_described (gtk_widget_get_first_child (empty), "None");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (empty), 1);
  assert_named (shown, "Letter");
  assert_described (gtk_widget_get_first_child (empty), "Letter");

  assert_described (row, "None");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  assert_described (row, "Letter");
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  assert_described (row, "None");

  find_choices (full, &shown, &listed);
  assert_named (shown, "None");
  assert_described (gtk_widget_get_first_child (full), "None");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (full), 1);
  assert_named (shown, "Letter");
  assert_described (gtk_widget_get_first_child (full), "Letter");

  find_choices (icons, &shown, &listed);
  assert_named (shown, "Photo");
  assert_named (listed, "Photo");
  gtk_window_destroy (GTK_WINDOW (window));
}

/*
 * A combo row given a hint on what it is for is described by its choice,
 * "None" for an empty one, then the hint, and follows the choice: the
 * hint alone, said after the row's title, hid the value chosen. A hint
 * given to a row already shown is said at once.
 */
static void
test_hinted_choices (void)
{
  const char *choices[] = { "", "Category 1 hazard", "Category 2 hazard", NULL };
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *rows[2];
  GtkWidget *window;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GtkStringList) model = gtk_string_list_new (choices);

      rows[i] = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows[i]), "Hazard");
      adw_combo_row_set_model (ADW_COMBO_ROW (rows[i]), G_LIST_MODEL (model));
      adw_combo_row_set_selected (ADW_COMBO_ROW (rows[i]), 1);
      gtk_list_box_append (GTK_LIST_BOX (list), rows[i]);
    }
  rd_gui_combo_row_show_choice_in_full (ADW_COMBO_ROW (rows[0]), "Risk level the landlord gave it");
  window = window_with (NULL, list, NULL);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (rows[0]);

  g_assert_nonnull (rd_test_gui_find_by_text (rows[0], "Risk level the landlord gave it"));
  assert_described (rows[0], "Category 1 hazard. Risk level the landlord gave it");
  adw_combo_row_set_selected (ADW_COMBO_ROW (rows[0]), 2);
  assert_described (rows[0], "Category 2 hazard. Risk level the landlord gave it");
  adw_combo_row_set_selected (ADW_COMBO_ROW (rows[0]), 0);
  assert_described (rows[0], "None. Risk level the landlord gave it");

  /* Described by its choice alone until it is given a hint */
  assert_described (rows[1], "Category 1 hazard");
  rd_gui_combo_row_show_choice_in_full (ADW_COMBO_ROW (rows[1]), "How soon it must be put right");
  assert_described (rows[1], "Category 1 hazard. How soon it must be put right");
  adw_combo_row_set_selected (ADW_COMBO_ROW (rows[1]), 2);
  assert_described (rows[1], "Category 2 hazard. How soon it must be put right");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
no_letter_cb (gpointer         data,
              RdDashboardItem *entry)
{
  g_assert_not_reached ();
}

static void
add_complaint_event (RdCaseFacts          *facts,
                     RdComplaint          *complaint,
                     RdComplaintEventKind  kind,
                     GDateDay              day,
                     GDateMonth            month)
{
  g_autoptr(RdComplaintEvent) event = rd_complaint_event_new (kind);
  g_autoptr(GDate) date = g_date_new_dmy (day, month, 2025);

  rd_complaint_event_set_id (event, 100 + kind);
  rd_complaint_event_set_complaint_id (event, rd_complaint_get_id (complaint));
  rd_complaint_event_set_stage (event, 1);
  rd_complaint_event_set_date (event, date);
  rd_case_facts_add_event (facts, complaint, event);
}

/*
 * A deadline of What Next shows its group ("Overdue", "Done late") before
 * what is due: a screen reader names the row by what is due, its title,
 * and describes it by the group, the status beside the title and the
 * rest, in the order they are drawn. The letter button's words, which it
 * says itself, are not the row's.
 */
static void
test_deadline_rows (void)
{
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(RdCaseFacts) facts = NULL;
  g_autoptr(RdComplaint) complaint = rd_complaint_new ();
  g_autoptr(GDate) today = g_date_new_dmy (11, G_DATE_JUNE, 2025);
  g_autoptr(RdDashboard) dashboard = NULL;
  GListModel *items;
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view;
  GtkWidget *window;
  gboolean overdue = FALSE, done_late = FALSE;
  guint checked = 0;

  rd_case_set_id (rcase, 1);
  rd_case_set_title (rcase, "Noise");
  rd_case_set_landlord_name (rcase, "Northway Homes");
  facts = rd_case_facts_new (rcase);
  rd_complaint_set_id (complaint, 7);
  rd_complaint_set_case_id (complaint, 1);
  rd_case_facts_add_complaint (facts, complaint);
  /* Acknowledged late; the response, due since, has not come. */
  add_complaint_event (facts, complaint, RD_COMPLAINT_EVENT_MADE, 1, G_DATE_MAY);
  add_complaint_event (facts, complaint, RD_COMPLAINT_EVENT_ACKNOWLEDGED, 20, G_DATE_MAY);
  dashboard = rd_dashboard_new (facts, NULL, today);
  items = rd_dashboard_get_items (dashboard);
  g_assert_cmpuint (g_list_model_get_n_items (items), >=, 2);

  view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (items))),
                            rd_dashboard_row_factory_new (no_letter_cb, NULL));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_size_request (scrolled, 600, 800);
  window = window_with (NULL, scrolled, NULL);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (view);

  for (GtkWidget *row = gtk_widget_get_first_child (view);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_widget_get_first_child (row);
      GtkWidget *group, *title, *status;
      const char *shown_group, *shown_title;
      g_autoptr(GString) expected = NULL;
      gboolean found = FALSE;

      if (!GTK_IS_BOX (box) || !gtk_widget_get_mapped (row))
        continue;
      group = gtk_widget_get_first_child (gtk_widget_get_first_child (box));
      title = gtk_widget_get_next_sibling (group);
      status = gtk_widget_get_next_sibling (title);
      shown_group = gtk_label_get_text (GTK_LABEL (group));
      shown_title = gtk_label_get_text (GTK_LABEL (title));
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(RdDashboardItem) item = g_list_model_get_item (items, i);

          found |= g_strcmp0 (rd_dashboard_item_get_title (item), shown_title) == 0;
        }
      g_assert_true (found);
      overdue |= g_strcmp0 (shown_group, rd_dashboard_group_get_label (RD_DASHBOARD_OVERDUE)) == 0;
      done_late |= g_strcmp0 (shown_group, "Done late") == 0;

      assert_named (row, shown_title);
      /* Then the words under the title, the button's left out. */
      expected = g_string_new (NULL);
      g_string_append_printf (expected, "%s\n%s", shown_group,
                              gtk_label_get_text (GTK_LABEL (status)));
      for (GtkWidget *under = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
           under != NULL;
           under = gtk_widget_get_next_sibling (under))
        if (GTK_IS_LABEL (under) && gtk_widget_get_visible (under) &&
            gtk_label_get_text (GTK_LABEL (under))[0] != '\0')
          g_string_append_printf (expected, "\n%s", gtk_label_get_text (GTK_LABEL (under)));
      assert_described (row, expected->str);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 2);
  g_assert_true (overdue);
  g_assert_true (done_late);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A paned's handle, which F8 reaches, is named; a name Redress gave is kept. */
static void
test_paned (void)
{
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  GtkWidget *named = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *window;

  gtk_paned_set_start_child (GTK_PANED (paned), gtk_label_new ("Chart"));
  gtk_paned_set_end_child (GTK_PANED (paned), gtk_label_new ("Items"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (named), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  "Resize the topics and the page", -1);
  window = window_with (NULL, paned, named, NULL);
  assert_named (paned, "Resize the panes");
  assert_named (named, "Resize the topics and the page");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Fails on any widget in @widget that keeps both a label and a labelled-by
 * relation: GTK 4.8 says the two joined as one name ("Include the
 * chronology Chronology"). */
static void
assert_no_joined_names (GtkWidget *widget)
{
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
      gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      g_autofree char *label = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                    GTK_ACCESSIBLE_PROPERTY_LABEL, "");

      g_error ("%s is named “%s” and by what labels it, joined", G_OBJECT_TYPE_NAME (widget), label);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_no_joined_names (child);
}

/* The first widget of @type inside @widget. */
static GtkWidget *
find_inside (GtkWidget *widget,
             GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : find_inside (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* An action row holding @control as a suffix, named @label in a template,
 * the row's own control (activating the row works it) or not. */
static GtkWidget *
row_with (const char *title,
          const char *subtitle,
          GtkWidget  *control,
          const char *label,
          gboolean    activates)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), control);
  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (activates)
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), control);
  return row;
}

/* A row or a flow box's child there only for the one control it holds
 * takes no focus of its own: Tab goes to the control (What Next's letter
 * tiles, the export's switches). The control is named once, by its row's
 * title, and described by its subtitle; a name Redress gave it in a
 * template describes it where nothing shown does. A row that chooses, that
 * does something of its own, or whose title its control does not say,
 * keeps its stop, as does one with two controls; an expander row's header
 * gives its stop to its switch. No
 * widget is left with a label and a labelled-by relation. */
static void
test_one_stop_per_control (void)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *chronology_switch = gtk_switch_new ();
  GtkWidget *smaller_switch = gtk_switch_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 3, 1);
  GtkWidget *chronology = row_with ("C_hronology", "Diary entries, contacts and steps by date",
                                    chronology_switch, "Include the chronology", TRUE);
  GtkWidget *smaller = row_with ("S_maller file", NULL, smaller_switch, "Make a smaller file", TRUE);
  GtkWidget *stage = row_with ("Stage", "Stage 2 is after you ask to escalate", spin, "Stage", FALSE);
  GtkWidget *two = row_with ("Split into volumes", NULL, gtk_switch_new (), NULL, TRUE);
  GtkWidget *save = row_with ("Save as _CSV…", "For a spreadsheet", gtk_image_new (), NULL, FALSE);
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *choosing = gtk_list_box_new ();
  GtkWidget *chosen = row_with ("Dee Marsh", NULL, gtk_button_new_with_label ("Remove"), NULL, FALSE);
  GtkWidget *choose = row_with ("Diary entries it is about", "4 entries", gtk_button_new_with_label ("Choose…"),
                                NULL, FALSE);
  GtkWidget *flow = gtk_flow_box_new ();
  GtkWidget *letter = gtk_button_new_with_mnemonic ("Stage _1 Complaint…");
  GtkWidget *enable;
  GtkWidget *window;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (two), gtk_spin_button_new_with_range (1, 9, 1));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (save), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "export.chronology");
  gtk_accessible_update_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  "Save the chronology as a CSV table", -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), "It went on for a while");
  adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (expander), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), chronology);
  gtk_list_box_append (GTK_LIST_BOX (list), smaller);
  gtk_list_box_append (GTK_LIST_BOX (list), stage);
  gtk_list_box_append (GTK_LIST_BOX (list), two);
  gtk_list_box_append (GTK_LIST_BOX (list), save);
  gtk_list_box_append (GTK_LIST_BOX (list), expander);
  gtk_list_box_append (GTK_LIST_BOX (list), choose);
  gtk_list_box_append (GTK_LIST_BOX (choosing), chosen);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), letter);
  /* A window is named from its innermost widgets out, as they map. */
  tidy (chronology_switch);
  window = window_with (NULL, list, choosing, flow, NULL);

  g_assert_false (gtk_widget_get_focusable (chronology));
  g_assert_true (gtk_widget_get_focusable (chronology_switch));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (chronology_switch),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (chronology_switch),
                                                   GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  assert_described (chronology_switch, "Diary entries, contacts and steps by date");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (chronology), "Diary entries and contacts");
  assert_described (chronology_switch, "Diary entries and contacts");

  g_assert_false (gtk_widget_get_focusable (smaller));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (smaller_switch),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));
  assert_described (smaller_switch, "Make a smaller file");

  g_assert_false (gtk_widget_get_focusable (stage));
  assert_described (spin, "Stage 2 is after you ask to escalate");
  g_assert_true (gtk_widget_get_focusable (two));
  /* The row does something of its own: it keeps its stop, named by its title. */
  g_assert_true (gtk_widget_get_focusable (save));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL));
  assert_described (save, "For a spreadsheet");
  g_assert_true (gtk_widget_get_focusable (chosen));
  /* "Choose…" alone would not say what it chooses. */
  g_assert_true (gtk_widget_get_focusable (choose));

  enable = find_inside (expander, GTK_TYPE_SWITCH);
  g_assert_nonnull (enable);
  g_assert_false (gtk_widget_get_focusable (gtk_widget_get_ancestor (enable, GTK_TYPE_LIST_BOX_ROW)));
  g_assert_true (gtk_widget_get_focusable (enable));

  g_assert_false (gtk_widget_get_focusable (gtk_widget_get_parent (letter)));
  g_assert_true (gtk_widget_get_focusable (letter));
  assert_named (letter, "Stage 1 Complaint…");

  assert_no_joined_names (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Presses @keyval on the focus of @window, which a controller handles. */
static void
press (GtkWidget *window,
       guint      keyval)
{
  g_assert_true (rd_test_gui_press_key_on_focus (GTK_WINDOW (window), keyval, 0));
  rd_test_gui_iterate ();
}

static void
assert_focus (GtkWidget *window,
              GtkWidget *expected)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  if (focus != expected)
    g_error ("the focus should be on a %s, not on a %s", G_OBJECT_TYPE_NAME (expected),
             focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing");
}

static gboolean
is_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

/* Whether @expander's switch says the row is open, closed, or (NULL)
 * nothing, as when it is turned off */
static void
assert_expanded (GtkWidget      *control,
                 const gboolean *expanded)
{
  g_autofree char *wrong = NULL;

  if (expanded == NULL)
    {
      g_assert_false (gtk_test_accessible_has_state (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_STATE_EXPANDED));
      return;
    }
  wrong = gtk_test_accessible_check_state (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_STATE_EXPANDED, *expanded);
  if (wrong != NULL)
    g_error ("the switch should say the row is %s: %s", *expanded ? "expanded" : "collapsed", wrong);
}

/* Rows that gave their stop to their control are moved between with Up
 * and Down, control to control, through an expander row's header and the
 * rows it shows when open, the rows that kept their stop included, and
 * out of the list as Tab would at its ends; a number keeps its own Up and
 * Down. An expander row's switch, turned on, opens and closes the row
 * with Right and Left, + and -, without being turned off, and says
 * whether it is open. */
static void
test_keys_between_rows (void)
{
  static const gboolean yes = TRUE, no = FALSE;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *first_switch = gtk_switch_new ();
  GtkWidget *inner_switch = gtk_switch_new ();
  GtkWidget *inner_tick = gtk_check_button_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 9, 1);
  GtkWidget *last_switch = gtk_switch_new ();
  GtkWidget *first = row_with ("First", NULL, first_switch, NULL, TRUE);
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *inner = row_with ("Inner", NULL, inner_switch, NULL, TRUE);
  GtkWidget *tick = row_with ("Tick", NULL, inner_tick, NULL, TRUE);
  GtkWidget *stage = row_with ("Stage", NULL, spin, "Stage", FALSE);
  GtkWidget *save = row_with ("Save as CSV…", NULL, gtk_image_new (), NULL, FALSE);
  GtkWidget *last = row_with ("Last", NULL, last_switch, NULL, TRUE);
  GtkWidget *before = gtk_button_new_with_label ("Before");
  GtkWidget *after = gtk_button_new_with_label ("After");
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *inside = gtk_button_new_with_label ("Inside");
  GtkWidget *enable;
  GtkWidget *window;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), "It went on for a while");
  adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (expander), TRUE);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (expander), FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), inner);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), tick);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (save), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), first);
  gtk_list_box_append (GTK_LIST_BOX (list), expander);
  gtk_list_box_append (GTK_LIST_BOX (list), save);
  gtk_list_box_append (GTK_LIST_BOX (list), stage);
  gtk_list_box_append (GTK_LIST_BOX (list), last);
  gtk_popover_set_child (GTK_POPOVER (popover), inside);
  gtk_widget_set_parent (popover, last_switch);
  window = window_with (NULL, before, list, after, NULL);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (list);
  enable = find_inside (expander, GTK_TYPE_SWITCH);
  g_assert_false (gtk_widget_get_focusable (first));
  g_assert_false (gtk_widget_get_focusable (stage));
  g_assert_true (gtk_widget_get_focusable (save));
  assert_expanded (enable, NULL);

  /* Turned off, the expander row shows nothing inside */
  g_assert_true (gtk_widget_grab_focus (first_switch));
  press (window, GDK_KEY_Down);
  assert_focus (window, enable);
  press (window, GDK_KEY_Down);
  assert_focus (window, save);
  press (window, GDK_KEY_Down);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), spin));
  /* A number counts with Up and Down: Tab leaves it */
  rd_test_gui_press_key_on_focus (GTK_WINDOW (window), GDK_KEY_Down, 0);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), spin));
  g_assert_true (gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD));
  assert_focus (window, last_switch);
  press (window, GDK_KEY_Down);
  assert_focus (window, after);
  g_assert_true (gtk_widget_grab_focus (last_switch));
  press (window, GDK_KEY_Up);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), spin));
  g_assert_true (gtk_widget_grab_focus (save));
  press (window, GDK_KEY_Up);
  assert_focus (window, enable);
  press (window, GDK_KEY_Up);
  assert_focus (window, first_switch);
  press (window, GDK_KEY_Up);
  assert_focus (window, before);

  /* Turned on, it opens, and Up and Down go through what it shows */
  rd_test_gui_press_switch (enable);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
  assert_expanded (enable, &yes);
  rd_test_gui_wait_for_draw (inner_switch);
  press (window, GDK_KEY_Down);
  assert_focus (window, inner_switch);
  press (window, GDK_KEY_Down);
  assert_focus (window, inner_tick);
  press (window, GDK_KEY_Down);
  assert_focus (window, save);
  press (window, GDK_KEY_Up);
  assert_focus (window, inner_tick);
  press (window, GDK_KEY_Up);
  assert_focus (window, inner_switch);
  press (window, GDK_KEY_Up);
  assert_focus (window, enable);

  /* Closed and opened by keys, still switched on */
  press (window, GDK_KEY_Left);
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (enable)));
  assert_expanded (enable, &no);
  g_assert_true (rd_test_gui_wait_until (is_unmapped, inner_switch, 5000));
  press (window, GDK_KEY_Down);
  assert_focus (window, save);
  g_assert_true (gtk_widget_grab_focus (enable));
  press (window, GDK_KEY_Right);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
  assert_expanded (enable, &yes);
  press (window, GDK_KEY_minus);
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
  press (window, GDK_KEY_KP_Add);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (enable)));
  /* Right to left, the arrows point the other way */
  gtk_widget_set_direction (enable, GTK_TEXT_DIR_RTL);
  press (window, GDK_KEY_Right);
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
  gtk_widget_set_direction (enable, GTK_TEXT_DIR_NONE);

  /* A row's popover (a date's calendar, a drop-down's list) is inside the
   * list, but moves with Up and Down itself */
  gtk_popover_popup (GTK_POPOVER (popover));
  rd_test_gui_wait_for_draw (inside);
  g_assert_true (gtk_widget_grab_focus (inside));
  g_assert_false (rd_test_gui_press_key_on_focus (GTK_WINDOW (window), GDK_KEY_Down, 0));
  assert_focus (window, inside);
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_assert_true (gtk_widget_grab_focus (enable));

  /* Turned off, there is nothing to open: Left and Right are left alone */
  rd_test_gui_press_switch (enable);
  assert_expanded (enable, NULL);
  g_assert_false (rd_test_gui_press_key_on_focus (GTK_WINDOW (window), GDK_KEY_Right, 0));
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));

  gtk_widget_unparent (popover);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The text of @row is the text field a screen reader hears: a text box,
 * labelled by the row's title as shown (the label beside it), or by the
 * row when Redress named it, described as the row is; it offers its own
 * words unless the row is a password's. The row around it only lays it
 * out (a text field itself, Orca said it, then its text, by one name). */
static void
assert_entry_text_heard (GtkWidget *row,
                         gboolean   offers_words,
                         gboolean   named_by_row)
{
  GtkWidget *text = find_inside (row, GTK_TYPE_TEXT);
  GtkWidget *title = NULL;
  g_autofree char *wrong_title = NULL;
  g_autofree char *wrong_row = NULL;

  g_assert_nonnull (text);
  for (GtkWidget *sibling = gtk_widget_get_first_child (gtk_widget_get_parent (text));
       sibling != NULL && title == NULL;
       sibling = gtk_widget_get_next_sibling (sibling))
    if (GTK_IS_LABEL (sibling))
      title = sibling;
  g_assert_nonnull (title);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==,
                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (text)), ==, GTK_ACCESSIBLE_ROLE_TEXT_BOX);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (row)), ==, GTK_ACCESSIBLE_ROLE_GENERIC);
  wrong_title = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                    named_by_row ? row : title, NULL);
  if (wrong_title != NULL)
    g_error ("the text of “%s” should be labelled by its title: %s",
             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), wrong_title);
  wrong_row = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                                  row, NULL);
  if (wrong_row != NULL)
    g_error ("the text of “%s” should be described as its row: %s",
             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), wrong_row);
  /* GTK 4.8 offers a screen reader the words of an editable whose
   * delegate is a GtkText. */
  g_assert_true (gtk_editable_get_delegate (GTK_EDITABLE (row)) == GTK_EDITABLE (text));
  if (offers_words)
    g_assert_true (gtk_editable_get_delegate (GTK_EDITABLE (text)) == GTK_EDITABLE (text));
  else
    g_assert_null (gtk_editable_get_delegate (GTK_EDITABLE (text)));
}

/* GTK 4.8 gives the text inside an entry row no role, so a screen reader
 * was told nothing when it took the focus: it is given the row's title,
 * role, words and description, once, as its window maps; shown again
 * (the row taken out and put back, as the lock does to the pages), it is
 * left as it is, with no critical. A GtkText elsewhere is left alone. */
static void
test_entry_row_texts (void)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *password = adw_password_entry_row_new ();
  GtkWidget *named = adw_entry_row_new ();
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *window;
  GtkWidget *entry_text;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Where");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  "For example: the landing", -1);
  gtk_editable_set_text (GTK_EDITABLE (row), "The hall");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (password), "Passphrase");
  gtk_editable_set_text (GTK_EDITABLE (password), "not to be read out");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (named), "Title");
  rd_gui_label_entry_row (ADW_ENTRY_ROW (named), "Case title");
  gtk_list_box_append (GTK_LIST_BOX (list), password);
  gtk_list_box_append (GTK_LIST_BOX (list), named);
  window = window_with (NULL, list, entry, NULL);
  assert_entry_text_heard (row, TRUE, FALSE);
  assert_entry_text_heard (password, FALSE, FALSE);
  assert_entry_text_heard (named, TRUE, TRUE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_inside (row, GTK_TYPE_TEXT))), ==, "The hall");

  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (window);
  g_object_ref (row);
  gtk_list_box_remove (GTK_LIST_BOX (list), row);
  rd_test_gui_iterate ();
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  g_object_unref (row);
  rd_test_gui_wait_for_draw (window);
  assert_entry_text_heard (row, TRUE, FALSE);

  entry_text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (entry)));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (entry_text)), ==,
                   GTK_ACCESSIBLE_ROLE_NONE);
  g_assert_null (gtk_editable_get_delegate (GTK_EDITABLE (entry_text)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Orca says each container the focus goes into by its name: a stack's
 * page is named by its title, or by nothing (GTK 4.8 names it
 * "GtkStackPage", which Orca said); the child of a view stack's page
 * (libadwaita 1.2 makes no object of the page) by its page's title, so
 * that going to a page says which, unless Redress named it; both follow
 * the title. A menu is named by what kind of menu it is (it was
 * "GtkPopoverMenu", then "Main menu", which Orca said "Main menu menu"):
 * never by a name ending in the word a screen reader says after it; a
 * list of page tabs by nothing ("AdwViewSwitcher"). */
static void
test_containers (void)
{
  g_autoptr(GMenu) model = g_menu_new ();
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *cases_button = gtk_menu_button_new ();
  GtkWidget *switcher = adw_view_switcher_new ();
  GtkWidget *menu, *cases_menu;
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *views = adw_view_stack_new ();
  GtkWidget *diary = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *named = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkStackPage *untitled, *titled;
  AdwViewStackPage *view;
  GtkWidget *window;

  untitled = gtk_stack_add_named (GTK_STACK (stack), gtk_button_new_with_label ("Open"), "list");
  titled = gtk_stack_add_titled (GTK_STACK (stack), gtk_button_new_with_label ("Save"), "editor", "Editor");
  gtk_box_append (GTK_BOX (diary), gtk_button_new_with_label ("New entry"));
  view = adw_view_stack_add_titled (ADW_VIEW_STACK (views), diary, "diary", "Diary");
  gtk_accessible_update_property (GTK_ACCESSIBLE (named), GTK_ACCESSIBLE_PROPERTY_LABEL, "Kept", -1);
  adw_view_stack_add_titled (ADW_VIEW_STACK (views), named, "named", "Not this");
  g_menu_append (model, "Preferences", "app.preferences");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (model));
  gtk_widget_set_tooltip_text (menu_button, "Main menu");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "open-menu-symbolic");
  menu = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (cases_button), G_MENU_MODEL (model));
  gtk_widget_set_tooltip_text (cases_button, "Switch case");
  rd_gui_name_menu (GTK_MENU_BUTTON (cases_button), "Cases");
  cases_menu = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (cases_button)));
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_STACK (views));
  window = window_with (NULL, stack, views, menu_button, cases_button, switcher, NULL);

  g_assert_true (GTK_IS_POPOVER_MENU (menu));
  assert_named (menu, "Main");
  assert_named (cases_menu, "Cases");
  assert_named (switcher, "");
  assert_named (untitled, "");
  assert_named (titled, "Editor");
  assert_named (diary, "Diary");
  assert_named (named, "Kept");
  gtk_stack_page_set_title (titled, "Entry");
  adw_view_stack_page_set_title (view, "Notes");
  assert_named (titled, "Entry");
  assert_named (diary, "Notes");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* GTK 4.8 gives a window its class's role only as it maps, and a window
 * whose accessible object was used before (the focus given to a control
 * before it is shown, as New Case does) kept no role at all: Orca said
 * "filler". A window that belongs to another is a dialog, whether it was
 * made so or made so later, and keeps its title as its name; the window
 * it belongs to stays a window. */
static void
test_dialog_roles (void)
{
  GtkWidget *main_window = gtk_window_new ();
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *dialog, *later;

  rd_gui_install_accessible_names ();
  dialog = g_object_new (ADW_TYPE_WINDOW, "transient-for", main_window, "modal", TRUE,
                         "title", "New Case", NULL);
  adw_window_set_content (ADW_WINDOW (dialog), entry);
  gtk_window_set_focus (GTK_WINDOW (dialog), entry);
  later = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (later), "Keyboard Shortcuts");
  gtk_window_set_transient_for (GTK_WINDOW (later), GTK_WINDOW (main_window));
  gtk_window_present (GTK_WINDOW (main_window));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (later));
  rd_test_gui_wait_for_draw (dialog);
  rd_test_gui_wait_for_draw (later);

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (dialog)), ==,
                   GTK_ACCESSIBLE_ROLE_DIALOG);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (later)), ==,
                   GTK_ACCESSIBLE_ROLE_DIALOG);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (main_window)), ==,
                   GTK_ACCESSIBLE_ROLE_WINDOW);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "New Case");
  gtk_window_destroy (GTK_WINDOW (later));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (main_window));
}

/* The combo boxes inside @widget, itself included */
static guint
count_combo_boxes (GtkWidget *widget)
{
  guint count = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_COMBO_BOX;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_NATIVE (child))
      count += count_combo_boxes (child);
  return count;
}

/* A drop-down was a combo box around the button that takes the focus, and
 * Orca said both by the same name: it is one combo box, the button a
 * person lands on, in a container Orca leaves out. */
static void
test_drop_down_one_combo_box (void)
{
  const char *const categories[] = { "All categories", "Noise", NULL };
  GtkWidget *drop_down, *button, *window;

  rd_gui_install_accessible_names ();
  drop_down = gtk_drop_down_new_from_strings (categories);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  "Show one category", -1);
  window = window_with (NULL, drop_down, NULL);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (window);
  button = find_inside (drop_down, GTK_TYPE_TOGGLE_BUTTON);

  g_assert_true (gtk_widget_grab_focus (drop_down));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == button);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (button)), ==,
                   GTK_ACCESSIBLE_ROLE_COMBO_BOX);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (drop_down)), ==,
                   GTK_ACCESSIBLE_ROLE_GENERIC);
  g_assert_cmpuint (count_combo_boxes (drop_down), ==, 1);
  assert_described (button, "All categories");
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
  g_test_add_func ("/a11y-names/text-view-nearest-header", test_text_view_nearest_header);
  g_test_add_func ("/a11y-names/title-before-shown", test_title_before_shown);
  g_test_add_func ("/a11y-names/password-row", test_password_row);
  g_test_add_func ("/a11y-names/search-entries", test_search_entries);
  g_test_add_func ("/a11y-names/lists", test_lists);
  g_test_add_func ("/a11y-names/rows", test_rows);
  g_test_add_func ("/a11y-names/status-page", test_status_page);
  g_test_add_func ("/a11y-names/rebound-rows", test_rebound_rows);
  g_test_add_func ("/a11y-names/rows-made-hidden", test_rows_made_hidden);
  g_test_add_func ("/a11y-names/wordless-choices", test_wordless_choices);
  g_test_add_func ("/a11y-names/hinted-choices", test_hinted_choices);
  g_test_add_func ("/a11y-names/deadline-rows", test_deadline_rows);
  g_test_add_func ("/a11y-names/paned", test_paned);
  g_test_add_func ("/a11y-names/one-stop-per-control", test_one_stop_per_control);
  g_test_add_func ("/a11y-names/keys-between-rows", test_keys_between_rows);
  g_test_add_func ("/a11y-names/entry-row-texts", test_entry_row_texts);
  g_test_add_func ("/a11y-names/containers", test_containers);
  g_test_add_func ("/a11y-names/dialog-roles", test_dialog_roles);
  g_test_add_func ("/a11y-names/drop-down-one-combo-box", test_drop_down_one_combo_box);
  return g_test_run ();
}
