/* test-reflow.c: at phone width and at twice the text size, no label that
 * says something is cut short or broken inside a word.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each page of the sample case (and the welcome page and the case list,
 * the diary's editor again with its entry made one about a repair, and the
 * evidence page with a piece of evidence chosen) is
 * shown 360 pixels wide at the normal text size, then at the window's
 * usual size with text twice as large (GNOME's Large Text and a 2×
 * font scaling both end in gtk-xft-dpi). Then every label on screen is
 * looked at: one that was given less width than it needs fails if it
 * ends in an ellipsis or if a line of it ends inside a word (as "Start-ed"
 * or "Wh-en" did), unless it is a line of a list's row, whose whole text
 * opens beside the list, and shows its whole text on hover; a page's name
 * on the switcher, the case's title in the header and the choice of a
 * drop-down row or a drop-down have no such excuse. Text hidden by a
 * parent shows no ellipsis, and has no excuse either: a label given less
 * width than its words need fails, and so does one reaching past a side
 * of a scrolled window that scrolls sideways (the help's topics did).
 * One given less height than its lines need at its width fails too. The
 * failures are named with the way to them.
 *
 * Every dialog is looked at the same way (New Case, Case Details, the
 * policy, and again with a new policy of the landlord's own started, whose
 * settings only then show, People, with its form too where it shows the
 * list and the form one at a time, Add a Step, and again for an extension
 * the landlord notified, whose new date and reason only then show,
 * History, the letter, Preferences, Client Record, each step of Start a
 * Complaint, the export's options and done pages, What Next's "Show All"
 * window, the diary entries a complaint is about, the help, on its
 * topics and on a page, libadwaita's About window and GTK's keyboard
 * shortcuts window, on each of its sections, where a group's title that
 * says its section's again fails), each also having
 * to fit 360
 * pixels at the normal text size. Anything drawn wider than the widget it
 * is in fails too: GTK does not clip, so it is drawn over its neighbours.
 * In a header (of the window or a dialog), a button given more height
 * than it needs fails (stretched to the height of a title wrapped onto
 * several lines, or of a taller neighbour), and so does a title or
 * subtitle on more than three lines.
 *
 * With REDRESS_SCREENSHOT_DIR set, a picture of each page and dialog at
 * each size is kept there for review.
 */
#include "config.h"

#include <string.h>

#include "evidence-fixtures.h"
#include "rd-application.h"
#include "rd-case-dialog.h"
#include "rd-client-record-dialog.h"
#include "rd-complaint-assistant.h"
#include "rd-dashboard-page.h"
#include "rd-evidence-page.h"
#include "rd-deadlines-dialog.h"
#include "rd-export-dialog.h"
#include "rd-gui-group-title.h"
#include "rd-gui-util.h"
#include "rd-gui-window-title.h"
#include "rd-help-window.h"
#include "rd-history-dialog.h"
#include "rd-letter-dialog.h"
#include "rd-parties-dialog.h"
#include "rd-policy-dialog.h"
#include "rd-preferences-window.h"
#include "rd-record-list-page.h"
#include "rd-step-dialog.h"
#include "rd-store-complaints.h"
#include "rd-timeline-page.h"
#include "rd-window.h"
#include "rd-test-gui.h"

typedef struct {
  int         width;
  int         height;
  int         text_scale;
  const char *name;
} Size;

static const Size narrow = { 360, 720, 1, "narrow" };
static const Size large_text = { 1024, 768, 2, "large-text" };

typedef struct {
  char          *dir;
  RdApplication *app;
  RdWindow      *window;
  gint64         evidence_id;   /* the letter open_sample() adds */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const Size *size = data;
  GtkSettings *settings = gtk_settings_get_default ();
  int dpi = 0;

  f->dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  f->app = rd_test_gui_app_new (f->dir);
  if (g_file_test ("/usr/share/fonts/opentype/cantarell", G_FILE_TEST_IS_DIR))
    g_object_set (settings, "gtk-font-name", "Cantarell 11", NULL);
  /* 96 dots an inch, in 1024ths, is the normal size */
  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 96 * 1024 * size->text_scale, NULL);
  f->window = rd_test_gui_window_new (f->app, size->width, size->height);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rd_test_gui_close_app (&f->app, &f->dir);
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 96 * 1024, NULL);
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

/* Whether @label is a line of a row in a list: the first line of a diary
 * entry or a contact, whose whole text opens beside the list when the row
 * is chosen (a form's rows, libadwaita's, are not: they are its fields). */
static gboolean
in_list_row (GtkWidget *label)
{
  GtkWidget *row = gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW);

  if (row != NULL && !ADW_IS_PREFERENCES_ROW (row))
    return TRUE;
  return gtk_widget_get_ancestor (label, GTK_TYPE_LIST_VIEW) != NULL
         || gtk_widget_get_ancestor (label, GTK_TYPE_COLUMN_VIEW) != NULL
         || gtk_widget_get_ancestor (label, GTK_TYPE_GRID_VIEW) != NULL;
}

/* Whether the whole text can be read some other way: the label is a line
 * of a list's row, whose whole text opens beside it, and shows its whole
 * text on hover (rd-gui-a11y.c does that for every label that can be
 * cut), or is in a row whose tooltip has it. Nothing else is excused: not
 * what a drop-down row or a drop-down has chosen, the value of a field,
 * read (and chosen again) by keyboard, where nothing is hovered (issue 15:
 * "As…" for the type of tenancy, "Linked to anything or…" on the evidence
 * page), nor a page's name on the switcher ("Complai…") or the open
 * case's title in the header, which name where the resident is and open
 * nothing beside them. */
static gboolean
readable_whole_elsewhere (GtkWidget  *label,
                          const char *text)
{
  if (!in_list_row (label)
      || gtk_widget_get_ancestor (label, ADW_TYPE_COMBO_ROW) != NULL
      || gtk_widget_get_ancestor (label, GTK_TYPE_DROP_DOWN) != NULL)
    return FALSE;
  if (rd_gui_label_offers_whole_text (GTK_LABEL (label)))
    return TRUE;
  for (GtkWidget *w = label; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (w);

      if (tooltip != NULL && strstr (tooltip, text) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* A line that ends between two letters or digits was broken inside a
 * word (Pango then draws a hyphen that is not in the text). */
static gboolean
breaks_inside_a_word (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  GSList *lines = pango_layout_get_lines_readonly (layout);

  for (GSList *l = lines; l != NULL && l->next != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      const char *end = text + line->start_index + line->length;
      const char *before;

      if (line->length == 0 || *end == '\0')
        continue;
      before = g_utf8_prev_char (end);
      if (g_unichar_isalnum (g_utf8_get_char (before)) && g_unichar_isalnum (g_utf8_get_char (end)))
        return TRUE;
    }
  return FALSE;
}

/* A child drawn wider than the widget it is in spills over what is beside
 * it (GTK does not clip): a date button said it could be 113 pixels wide
 * but drew its 176-pixel date across the switch next to it. Scrolled
 * content is wider than its window on purpose. */
static gboolean
spills_out (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (parent == NULL || GTK_IS_NATIVE (widget) || GTK_IS_VIEWPORT (parent) || GTK_IS_SCROLLED_WINDOW (parent)
      || GTK_IS_SCROLLABLE (widget))
    return FALSE;
  /* A header bar's negative CSS margins put it a pixel past each side */
  return gtk_widget_get_width (widget) > gtk_widget_get_width (parent) + 2;
}

/* A label given less height than its lines need at the width it was
 * given: the lines past that are not drawn, and no ellipsis says so (a
 * drop-down row's choice, wrapped by a factory of its own, was seen so in
 * libadwaita 1.2). The sizes are as gtk_widget_measure() counts them,
 * with the margins: GTK 4.8's allocation leaves out the margin-*
 * properties. */
static gboolean
short_of_height (GtkWidget *label,
                 int       *needed,
                 int       *given)
{
  GtkAllocation allocation;
  int width, nat = 0;

  gtk_widget_get_allocation (label, &allocation);
  width = allocation.width + gtk_widget_get_margin_start (label) + gtk_widget_get_margin_end (label);
  *given = allocation.height + gtk_widget_get_margin_top (label) + gtk_widget_get_margin_bottom (label);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, width, needed, &nat, NULL, NULL);
  /* A pixel for rounding: a line cut off is a dozen or more */
  return *given + 1 < *needed;
}

/* Text that a parent scrolling sideways hides shows no ellipsis: a list
 * of the help's topics in a scrolled window cut "Getting started" to
 * "Getting starte" at twice the text size. A label counts as cut when it
 * is given less width than its words need, or when it reaches past
 * either side of a scrolled window that scrolls sideways (its
 * horizontal policy not NEVER). */
static char *
hidden_sideways (GtkWidget *label)
{
  GtkAllocation allocation;
  int min = 0, nat = 0, given;

  /* As short_of_height() counts them, with the margins */
  gtk_widget_get_allocation (label, &allocation);
  given = allocation.width + gtk_widget_get_margin_start (label) + gtk_widget_get_margin_end (label);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  if (given + 1 < min)
    return g_strdup_printf ("is %d px wide but needs %d px", given, min);
  for (GtkWidget *w = gtk_widget_get_parent (label); w != NULL; w = gtk_widget_get_parent (w))
    {
      GtkPolicyType policy = GTK_POLICY_NEVER;
      graphene_rect_t bounds;
      float left, right;

      if (!GTK_IS_SCROLLED_WINDOW (w))
        continue;
      gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (w), &policy, NULL);
      if (policy == GTK_POLICY_NEVER || !gtk_widget_compute_bounds (label, w, &bounds))
        continue;
      left = graphene_rect_get_x (&bounds);
      right = left + graphene_rect_get_width (&bounds);
      if (left < -1 || right > gtk_widget_get_width (w) + 1)
        return g_strdup_printf ("shows %d of its %d px in a window scrolling sideways",
                                (int) (MIN (right, gtk_widget_get_width (w)) - MAX (left, 0)),
                                (int) graphene_rect_get_width (&bounds));
    }
  return NULL;
}

/* What is wrong with how @label shows its text, or NULL */
static char *
label_problem (GtkWidget *widget)
{
  GtkLabel *label = GTK_LABEL (widget);
  PangoLayout *layout = gtk_label_get_layout (label);
  const char *text = gtk_label_get_text (label);
  char *sideways;
  int needed = 0, given = 0;

  if (*text == '\0')
    return NULL;
  if (short_of_height (widget, &needed, &given))
    return g_strdup_printf ("is %d px high but needs %d px at %d px wide", given, needed,
                            gtk_widget_get_width (widget));
  sideways = hidden_sideways (widget);
  if (sideways != NULL)
    return sideways;
  if (readable_whole_elsewhere (widget, text))
    return NULL;
  if (gtk_label_get_ellipsize (label) != PANGO_ELLIPSIZE_NONE && pango_layout_is_ellipsized (layout))
    return g_strdup_printf ("ends in an ellipsis (%d px wide)", gtk_widget_get_width (widget));
  if (gtk_label_get_wrap (label) && breaks_inside_a_word (layout))
    return g_strdup_printf ("breaks inside a word (%d px wide)", gtk_widget_get_width (widget));
  return NULL;
}

/* The most lines a header's title or its subtitle may take. A header
 * names where the resident is, to be read at a glance: Redress's own
 * titles take two lines at most at 360 pixels beside two buttons
 * ("Step 3 of 5: What You Have Told the Landlord"), and a third leaves
 * room for a translation a third longer (Welsh, Polish). More is a
 * paragraph, which the dialog's body shows the window's whole width: the
 * letter's complaint took nine lines as a subtitle, the header over 150
 * pixels of a phone's 720. */
#define HEADER_MAX_LINES 3

/* A pixel each side for rounding: a button stretched to a header of two
 * lines or more is a dozen pixels or more too tall. */
#define HEADER_BUTTON_SLACK 2

static gboolean
in_header_bar (GtkWidget *widget)
{
  return gtk_widget_get_ancestor (widget, ADW_TYPE_HEADER_BAR) != NULL
         || gtk_widget_get_ancestor (widget, GTK_TYPE_HEADER_BAR) != NULL;
}

/* A header's title or subtitle: the labels of libadwaita's title widget,
 * or the label a header bar makes of its window's title when it is given
 * no title widget (the help's topics) */
static gboolean
is_header_title (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (!GTK_IS_LABEL (widget))
    return FALSE;
  if (gtk_widget_get_ancestor (widget, ADW_TYPE_WINDOW_TITLE) != NULL)
    return TRUE;
  return GTK_IS_CENTER_BOX (parent) && gtk_center_box_get_center_widget (GTK_CENTER_BOX (parent)) == widget
         && in_header_bar (widget);
}

/* Whether text is drawn at the normal size (96 dots an inch), not larger */
static gboolean
at_normal_text_size (void)
{
  int dpi = 0;

  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &dpi, NULL);
  return dpi <= 96 * 1024;
}

static guint
count_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      n++;
  return n;
}

/* What is wrong with @widget in a header, or NULL: a button given more
 * height than it needs at its width (GTK stretches a box's child to the
 * box's height, and a header whose title wraps is tall), or a title or
 * subtitle on more than HEADER_MAX_LINES lines, or one of two words or
 * fewer on more than one at the normal text size (a phone's 360 pixels
 * have room for "Redress Help" on one line, beside the close button; it
 * took two where a pane of the help window gave it too little room).
 * As short_of_height(),
 * the sizes count the margins. */
static char *
header_problem (GtkWidget *widget)
{
  if (!in_header_bar (widget))
    return NULL;
  if (GTK_IS_BUTTON (widget))
    {
      GtkAllocation allocation;
      int width, given, min = 0, nat = 0;

      gtk_widget_get_allocation (widget, &allocation);
      width = allocation.width + gtk_widget_get_margin_start (widget)
              + gtk_widget_get_margin_end (widget);
      given = allocation.height + gtk_widget_get_margin_top (widget)
              + gtk_widget_get_margin_bottom (widget);
      gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
      if (given > nat + HEADER_BUTTON_SLACK)
        return g_strdup_printf ("is stretched to %d px high in the header, from its own %d px",
                                given, nat);
      return NULL;
    }
  if (is_header_title (widget))
    {
      int lines = pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (widget)));

      if (lines > HEADER_MAX_LINES)
        return g_strdup_printf ("takes %d lines in the header, more than %d (%d px wide)", lines,
                                HEADER_MAX_LINES, gtk_widget_get_width (widget));
      if (lines > 1 && at_normal_text_size () && count_words (gtk_label_get_text (GTK_LABEL (widget))) <= 2)
        return g_strdup_printf ("is a title of two words or fewer on %d lines at the normal text size "
                                "(%d px wide)", lines, gtk_widget_get_width (widget));
    }
  return NULL;
}

static void
look_at_labels (GtkWidget  *widget,
                const char *path,
                GString    *cut)
{
  g_autofree char *in_header = NULL;
  g_autofree char *here = rd_test_gui_path_to (path, widget);

  if (!gtk_widget_get_mapped (widget))
    return;
  if (spills_out (widget))
    g_string_append_printf (cut, "\n  %s is %d px wide in %d px", here, gtk_widget_get_width (widget),
                            gtk_widget_get_width (gtk_widget_get_parent (widget)));
  in_header = header_problem (widget);
  if (in_header != NULL && GTK_IS_LABEL (widget))
    g_string_append_printf (cut, "\n  “%.60s” %s: %s", gtk_label_get_text (GTK_LABEL (widget)), in_header,
                            here);
  else if (in_header != NULL)
    g_string_append_printf (cut, "\n  %s %s", here, in_header);
  if (GTK_IS_LABEL (widget))
    {
      g_autofree char *problem = label_problem (widget);

      if (problem != NULL)
        g_string_append_printf (cut, "\n  “%.60s” %s: %s", gtk_label_get_text (GTK_LABEL (widget)), problem,
                                here);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    look_at_labels (child, here, cut);
}

/* Every expander in @window is opened first (its rows are not laid out
 * while it is closed); the wait lets them slide open. Returns how many
 * were opened. */
static guint
check_window (GtkWindow  *window,
              const Size *size,
              const char *what,
              GString    *all)
{
  g_autoptr(GString) cut = g_string_new (NULL);
  guint opened = rd_test_gui_open_expanders (GTK_WIDGET (window));
  gint64 until = g_get_monotonic_time () + 400 * 1000;

  rd_test_gui_wait_until (time_passed, &until, 1000);
  rd_test_gui_wait_for_draw (GTK_WIDGET (window));
  look_at_labels (GTK_WIDGET (window), "", cut);
  if (size->text_scale == 1)
    {
      int width = rd_test_gui_min_width (gtk_window_get_child (window));

      if (width > size->width)
        {
          g_string_append_printf (cut, "\n  needs %d px; these force it:", width);
          rd_test_gui_name_wide_widgets (gtk_window_get_child (window), size->width, FALSE, cut);
        }
    }
  if (cut->len > 0)
    g_string_append_printf (all, "\n%s, %s:%s", what, size->name, cut->str);

  if (g_getenv ("REDRESS_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s.png", size->name, what);
      g_autofree char *png = g_build_filename (g_getenv ("REDRESS_SCREENSHOT_DIR"), name, NULL);

      if (!rd_test_gui_save_screenshot (GTK_WIDGET (window), png))
        g_error ("No picture of %s: %d×%d", what, gtk_widget_get_width (GTK_WIDGET (window)),
                 gtk_widget_get_height (GTK_WIDGET (window)));
    }
  return opened;
}

static guint
check_page (Fixture    *f,
            const Size *size,
            const char *what,
            GString    *all)
{
  return check_window (GTK_WINDOW (f->window), size, what, all);
}

static void
open_sample (Fixture *f)
{
  g_autofree char *pdf = g_build_filename (f->dir, "letter.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(RdEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "open-sample-case", NULL);
  rd_test_gui_iterate ();
  g_assert_nonnull (rd_window_get_case (f->window));
  fixture_write_pdf (pdf, 1, "Letter from the housing officer about the noise from Flat 5", NULL);
  evidence = rd_store_import_evidence (rd_window_get_store (f->window), rd_case_get_id (rd_window_get_case (f->window)),
                                       file, NULL, NULL, &error);
  g_assert_no_error (error);
  f->evidence_id = rd_evidence_get_id (evidence);
}

static gboolean
has_timeline (gpointer data)
{
  return rd_timeline_view_get_timeline (data) != NULL;
}

/* The timeline is drawn from a worker's snapshot: its page shows the
 * picture, the period and the list only once that has come back. */
static void
show_timeline (Fixture *f)
{
  RdTimelinePage *page;

  g_assert_nonnull (rd_window_show_page (f->window, "timeline"));
  page = RD_TIMELINE_PAGE (rd_window_get_page (f->window, "timeline"));
  g_assert_true (rd_test_gui_wait_until (has_timeline, rd_timeline_page_get_view (page), 10000));
}

/* How many expanders in @widget are open on screen */
static guint
count_open_expanders (GtkWidget *widget)
{
  guint open = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;
  if ((ADW_IS_EXPANDER_ROW (widget) && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (widget)))
      || (GTK_IS_EXPANDER (widget) && gtk_expander_get_expanded (GTK_EXPANDER (widget))))
    open++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    open += count_open_expanders (child);
  return open;
}

/* Narrow, or with large text, a page that lists records beside their
 * editor shows one of them at a time: the editor is looked at too, as
 * opening an entry shows it, with its expanders open. Returns how many
 * expanders were open on screen there. */
static guint
check_editor (Fixture    *f,
              const Size *size,
              const char *page,
              GString    *all)
{
  GtkWidget *leaflet = rd_test_gui_find_by_id (rd_window_get_page (f->window, page), "leaflet");
  g_autofree char *what = g_strdup_printf ("%s-editor", page);
  guint open;

  if (leaflet == NULL || !adw_leaflet_get_folded (ADW_LEAFLET (leaflet))
      || adw_leaflet_get_child_by_name (ADW_LEAFLET (leaflet), "editor") == NULL)
    return 0;
  adw_leaflet_set_visible_child_name (ADW_LEAFLET (leaflet), "editor");
  check_page (f, size, what, all);
  open = count_open_expanders (leaflet);
  adw_leaflet_set_visible_child_name (ADW_LEAFLET (leaflet), "list");
  return open;
}

/* Chooses the longest of @drop_down's choices: a diary entry's summary
 * can run to a paragraph. */
static void
choose_longest (GtkDropDown *drop_down)
{
  GListModel *choices = gtk_drop_down_get_model (drop_down);
  guint longest = 0;
  gsize length = 0;

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(GtkStringObject) choice = g_list_model_get_item (choices, i);
      gsize here = strlen (gtk_string_object_get_string (choice));

      if (here > length)
        {
          longest = i;
          length = here;
        }
    }
  gtk_drop_down_set_selected (drop_down, longest);
}

/* The evidence page's drop-downs, each showing its longest choice */
static void
check_longest_choices (Fixture    *f,
                       const Size *size,
                       GString    *all)
{
  GtkWidget *page = rd_window_get_page (f->window, "evidence");
  const char *ids[] = { "kind_dropdown", "link_dropdown" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    choose_longest (GTK_DROP_DOWN (rd_test_gui_find_by_id (page, ids[i])));
  check_page (f, size, "evidence-longest-choices", all);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (rd_test_gui_find_by_id (page, ids[i])), 0);
}

/* A diary entry about a repair shows the landlord's repair priority and
 * the hazard, which one about noise (as the sample's first is) does not:
 * the entry in the editor is made one and looked at again. */
static void
check_repair_entry (Fixture    *f,
                    const Size *size,
                    GString    *all)
{
  GtkWidget *page = rd_window_show_page (f->window, "diary");
  GtkWidget *leaflet = rd_test_gui_find_by_id (page, "leaflet");
  gboolean folded = leaflet != NULL && adw_leaflet_get_folded (ADW_LEAFLET (leaflet));

  adw_combo_row_set_selected (ADW_COMBO_ROW (rd_test_gui_find_by_id (page, "category_row")),
                              RD_CATEGORY_DISREPAIR);
  g_assert_true (gtk_widget_get_visible (rd_test_gui_find_by_id (page, "priority_row")));
  /* The row's title names the field, on one line; the rest is said under
   * it, where it wraps */
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (rd_test_gui_find_by_id (page, "priority_hint"))));
  if (folded)
    adw_leaflet_set_visible_child_name (ADW_LEAFLET (leaflet), "editor");
  check_page (f, size, "diary-editor-repair", all);
  if (folded)
    adw_leaflet_set_visible_child_name (ADW_LEAFLET (leaflet), "list");
}

/* The evidence page shows a piece's description and what it shows about
 * what it is linked to only once one is chosen, which nothing on the way
 * there does: the letter is chosen and its detail looked at. */
static void
check_evidence_detail (Fixture    *f,
                       const Size *size,
                       GString    *all)
{
  GtkWidget *page = rd_window_show_page (f->window, "evidence");
  AdwLeaflet *leaflet = ADW_LEAFLET (rd_test_gui_find_by_id (page, "leaflet"));

  g_assert_true (rd_evidence_page_select (RD_EVIDENCE_PAGE (page), f->evidence_id));
  if (adw_leaflet_get_folded (leaflet))
    adw_leaflet_set_visible_child_name (leaflet, "detail");
  g_assert_true (gtk_widget_get_visible (rd_test_gui_find_by_id (page, "description_row")));
  check_page (f, size, "evidence-detail", all);
  if (adw_leaflet_get_folded (leaflet))
    adw_leaflet_set_visible_child_name (leaflet, "grid");
}

static void
test_every_page (Fixture       *f,
                 gconstpointer  data)
{
  const Size *size = data;
  const char *pages[] = { "dashboard", "diary", "contacts", "complaints", "evidence" };
  g_autoptr(GString) all = g_string_new (NULL);

  check_page (f, size, "welcome", all);
  open_sample (f);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      guint open;

      g_assert_nonnull (rd_window_show_page (f->window, pages[i]));
      check_page (f, size, pages[i], all);
      open = count_open_expanders (GTK_WIDGET (f->window)) + check_editor (f, size, pages[i], all);
      g_test_message ("%s: %u expanders open on screen", pages[i], open);
      /* The diary entry's end and report, the contact's date given */
      if (g_str_equal (pages[i], "diary"))
        g_assert_cmpuint (open, >=, 2);
      else if (g_str_equal (pages[i], "contacts"))
        g_assert_cmpuint (open, >=, 1);
    }
  check_repair_entry (f, size, all);
  check_longest_choices (f, size, all);
  check_evidence_detail (f, size, all);
  show_timeline (f);
  check_page (f, size, "timeline", all);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-cases", NULL));
  check_page (f, size, "all-cases", all);

  if (all->len > 0)
    {
      g_test_message ("Labels cut short:%s", all->str);
      g_test_fail ();
    }
}

/* A dialog is shown as the window would show it, at the size's width
 * when narrow (a phone's screen is no wider) and at its own size with
 * large text; it must fit 360 pixels at the normal text size. */
static void
check_dialog (Fixture    *f,
              GtkWindow  *dialog,
              const Size *size,
              const char *what,
              GString    *all)
{
  g_assert_nonnull (dialog);
  if (size->text_scale == 1)
    gtk_window_set_default_size (dialog, size->width, size->height);
  gtk_window_present (dialog);
  check_window (dialog, size, what, all);
}

static gpointer
first_item (GListModel *model)
{
  g_autoptr(GListModel) owned = model;

  g_assert_nonnull (owned);
  g_assert_cmpuint (g_list_model_get_n_items (owned), >, 0);
  return g_list_model_get_item (owned, 0);
}

/* Done, or back at the options having failed (which the test then names) */
static gboolean
export_done (gpointer data)
{
  return g_strcmp0 (rd_export_dialog_get_state (data), "done") == 0 || rd_export_dialog_get_error (data) != NULL;
}

static void
check_assistants (Fixture    *f,
                  const Size *size,
                  GString    *all)
{
  RdStore *store = rd_window_get_store (f->window);
  RdCase *rcase = rd_window_get_case (f->window);
  GtkWindow *parent = GTK_WINDOW (f->window);
  RdComplaintAssistant *assistant = rd_complaint_assistant_new (parent, store, rcase);
  RdExportDialog *export = rd_export_dialog_new (parent, store, rcase);
  /* Not in the data folder, which the export refuses to write into */
  g_autofree char *out = g_dir_make_tmp ("redress-reflow-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (out, "bundle.pdf", NULL);
  GtkWidget *points;

  check_dialog (f, GTK_WINDOW (assistant), size, "complaint-assistant-1", all);
  points = rd_test_gui_find_by_id (GTK_WIDGET (assistant), "points_view");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (points)),
                            "The noise from Flat 5 goes on every night.", -1);
  /* The last step's Next saves the complaint: stop before it. */
  while (rd_complaint_assistant_get_step (assistant) < RD_ASSISTANT_STEP_LETTER)
    {
      g_autofree char *what = NULL;

      g_assert_true (rd_complaint_assistant_next (assistant));
      what = g_strdup_printf ("complaint-assistant-%d", rd_complaint_assistant_get_step (assistant) + 1);
      check_window (GTK_WINDOW (assistant), size, what, all);
    }
  g_assert_cmpint (rd_complaint_assistant_get_step (assistant), ==, RD_ASSISTANT_STEP_LETTER);
  gtk_window_destroy (GTK_WINDOW (assistant));

  check_dialog (f, GTK_WINDOW (export), size, "export-options", all);
  rd_export_dialog_export_to (export, pdf);
  g_assert_true (rd_test_gui_wait_until (export_done, export, 60000));
  g_assert_cmpstr (rd_export_dialog_get_error (export), ==, NULL);
  check_window (GTK_WINDOW (export), size, "export-done", all);
  gtk_window_destroy (GTK_WINDOW (export));
  rd_test_gui_remove_tree (out);
}

/* The group of What Next whose "Show All…" button is offered, or
 * RD_DASHBOARD_N_GROUPS while none is. */
static RdDashboardGroup
group_offering_all (RdDashboardPage *page)
{
  for (RdDashboardGroup group = 0; group < RD_DASHBOARD_N_GROUPS; group++)
    if (gtk_widget_get_visible (GTK_WIDGET (rd_dashboard_page_get_show_all_button (page, group))))
      return group;
  return RD_DASHBOARD_N_GROUPS;
}

static gboolean
offers_all (gpointer data)
{
  return group_offering_all (data) < RD_DASHBOARD_N_GROUPS;
}

/* What Next lists five deadlines of a group and offers the rest behind
 * "Show All…": the sample has fewer, so the test gives its case a promise
 * from the landlord each week for six weeks, each kept by the next call. */
static void
check_deadlines_dialog (Fixture    *f,
                        const Size *size,
                        GString    *all)
{
  RdStore *store = rd_window_get_store (f->window);
  RdCase *rcase = rd_window_get_case (f->window);
  g_autoptr(GDate) today = rd_clock_dup_today (rd_application_get_clock (f->app));
  RdDashboardPage *page;
  RdDeadlinesDialog *dialog;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(RdContact) contact = rd_contact_new ();
      g_autoptr(GDateTime) at = NULL;
      GDate made = *today, due;

      g_date_subtract_days (&made, 7 * (7 - i));
      due = made;
      g_date_add_days (&due, 5);
      at = g_date_time_new_local (g_date_get_year (&made), g_date_get_month (&made), g_date_get_day (&made),
                                  10, 0, 0);
      rd_contact_set_case_id (contact, rd_case_get_id (rcase));
      rd_contact_set_occurred_at (contact, at);
      rd_contact_set_direction (contact, RD_CONTACT_FROM);
      rd_contact_set_summary (contact, "A call from the repairs team about the broken extractor fan");
      rd_contact_set_promise (contact, "Send an electrician to replace the extractor fan in the bathroom");
      rd_contact_set_promise_due (contact, &due);
      g_assert_true (rd_store_save_contact (store, contact, &error));
      g_assert_no_error (error);
    }
  page = RD_DASHBOARD_PAGE (rd_window_show_page (f->window, "dashboard"));
  g_assert_true (rd_test_gui_wait_until (offers_all, page, 10000));
  dialog = rd_deadlines_dialog_new (GTK_WINDOW (f->window), store, rcase, group_offering_all (page));
  rd_deadlines_dialog_set_dashboard (dialog, rd_dashboard_page_get_dashboard (page));
  g_assert_cmpuint (g_list_model_get_n_items (rd_deadlines_dialog_get_items (dialog)), >, 5);
  check_dialog (f, GTK_WINDOW (dialog), size, "all-deadlines", all);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The window open beside @window, other than those in @before */
static GtkWindow *
find_new_window (GtkWindow *window,
                 GList     *before)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) window && g_list_find (before, l->data) == NULL
        && gtk_widget_get_mapped (l->data))
      return l->data;
  return NULL;
}

/* The window the complaint's editor opens to choose the diary entries
 * it is about, made in code with a header of libadwaita's own title */
static void
check_incidents_chooser (Fixture    *f,
                         const Size *size,
                         GString    *all)
{
  GtkWidget *page = rd_window_show_page (f->window, "complaints");
  GtkWidget *editor = rd_record_list_page_get_editor (RD_RECORD_LIST_PAGE (page));
  g_autoptr(GList) before = gtk_window_list_toplevels ();
  GtkWindow *chooser;

  g_assert_true (gtk_widget_activate_action (editor, "complaint-editor.choose-incidents", NULL));
  rd_test_gui_iterate ();
  chooser = find_new_window (GTK_WINDOW (f->window), before);
  g_assert_nonnull (chooser);
  check_dialog (f, chooser, size, "complaint-incidents", all);
  gtk_window_destroy (chooser);
}

/* A dialog that shows its list and its editor one at a time when narrow
 * (People) is looked at with its editor shown too, as choosing a row
 * shows it. */
static void
check_dialog_editor (GtkWindow  *dialog,
                     const Size *size,
                     const char *what,
                     GString    *all)
{
  GtkWidget *leaflet = rd_test_gui_find_by_id (GTK_WIDGET (dialog), "leaflet");
  g_autofree char *editor = g_strdup_printf ("%s-editor", what);

  if (leaflet == NULL || !ADW_IS_LEAFLET (leaflet) || !adw_leaflet_get_folded (ADW_LEAFLET (leaflet))
      || adw_leaflet_get_child_by_name (ADW_LEAFLET (leaflet), "editor") == NULL)
    return;
  adw_leaflet_set_visible_child_name (ADW_LEAFLET (leaflet), "editor");
  check_window (dialog, size, editor, all);
  adw_leaflet_set_visible_child_name (ADW_LEAFLET (leaflet), "list");
}

/* The policy dialog shows a policy's settings only for one of the
 * landlord's own: it is looked at again with a new one started, as
 * choosing "New profile…" does. */
static void
check_new_policy (Fixture    *f,
                  const Size *size,
                  GString    *all)
{
  GtkWindow *dialog = GTK_WINDOW (rd_policy_dialog_new (GTK_WINDOW (f->window), rd_window_get_store (f->window),
                                                        rd_window_get_case (f->window)));
  AdwComboRow *profiles = ADW_COMBO_ROW (rd_test_gui_find_by_id (GTK_WIDGET (dialog), "profile_row"));

  adw_combo_row_set_selected (profiles, g_list_model_get_n_items (adw_combo_row_get_model (profiles)) - 1);
  g_assert_true (gtk_widget_get_visible (rd_test_gui_find_by_id (GTK_WIDGET (dialog), "rules_group")));
  check_dialog (f, dialog, size, "policy-new-profile", all);
  gtk_window_destroy (dialog);
}

/* Add a Step shows the new date and the reason only for an extension the
 * landlord notified: it is looked at again with that kind chosen. */
static void
check_extension_step (Fixture     *f,
                      RdComplaint *complaint,
                      const Size  *size,
                      GString     *all)
{
  GtkWindow *dialog = GTK_WINDOW (rd_step_dialog_new (GTK_WINDOW (f->window), rd_window_get_store (f->window),
                                                      complaint, NULL));
  AdwComboRow *kinds = ADW_COMBO_ROW (rd_test_gui_find_by_id (GTK_WIDGET (dialog), "kind_row"));

  adw_combo_row_set_selected (kinds, RD_COMPLAINT_EVENT_EXTENSION_NOTIFIED);
  g_assert_true (gtk_widget_get_visible (rd_test_gui_find_by_id (GTK_WIDGET (dialog), "extension_group")));
  check_dialog (f, dialog, size, "add-step-extension", all);
  gtk_window_destroy (dialog);
}

/* The help window as F1 opens it, on its topics (beside the first page
 * where there is room), then on a page as a help button opens it */
static void
check_help (Fixture    *f,
            const Size *size,
            GString    *all)
{
  GtkWidget *help = rd_help_window_new (GTK_WINDOW (f->window), NULL);

  check_dialog (f, GTK_WINDOW (help), size, "help", all);
  rd_help_window_select_page (RD_HELP_WINDOW (help), "getting-started");
  check_window (GTK_WINDOW (help), size, "help-page", all);
  gtk_window_destroy (GTK_WINDOW (help));
}

static gboolean
slid (gpointer data)
{
  return !adw_leaflet_get_child_transition_running (data);
}

/* The rows of @widget that open a page (an action row, activatable) */
static void
collect_page_rows (GtkWidget *widget,
                   GPtrArray *rows)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (ADW_IS_ACTION_ROW (widget) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)))
    {
      g_ptr_array_add (rows, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_page_rows (child, rows);
}

/* Each page the about window opens from its first (Details, Credits,
 * Legal), as choosing its row shows it, and back */
static void
check_about_subpages (GtkWindow  *about,
                      const Size *size,
                      GString    *all)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (rd_test_gui_find_by_type (GTK_WIDGET (about), ADW_TYPE_LEAFLET));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *first;

  g_assert_nonnull (leaflet);
  first = adw_leaflet_get_visible_child (leaflet);
  collect_page_rows (first, rows);
  /* Credits (the developers) and Legal (the licence) at least */
  g_assert_cmpuint (rows->len, >=, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *title = rd_gui_strip_mnemonic (adw_preferences_row_get_title (rows->pdata[i]));
      g_autofree char *what = g_strdup_printf ("about-%s", title);

      /* As Return on the row does */
      g_signal_emit_by_name (rows->pdata[i], "activate");
      g_assert_true (rd_test_gui_wait_until (slid, leaflet, 5000));
      g_assert_true (adw_leaflet_get_visible_child (leaflet) != first);
      check_window (about, size, what, all);
      adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
      g_assert_true (rd_test_gui_wait_until (slid, leaflet, 5000));
    }
}

/* The about window as the main menu's "About Redress" opens it
 * (libadwaita's AdwAboutWindow, made by adw_show_about_window()) */
static void
check_about (Fixture    *f,
             const Size *size,
             GString    *all)
{
  g_autoptr(GList) before = gtk_window_list_toplevels ();
  GtkWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "about", NULL);
  rd_test_gui_iterate ();
  about = find_new_window (GTK_WINDOW (f->window), before);
  g_assert_true (ADW_IS_ABOUT_WINDOW (about));
  check_dialog (f, about, size, "about", all);
  check_about_subpages (about, size, all);
  gtk_window_destroy (about);
}

/* Appends to @all each group under @widget that shows a title the same
 * as its section's, @heading: under "Diary", a group "Diary" is read and
 * heard twice. A group shows its title in a label of its own, beside its
 * shortcuts. */
static void
check_group_titles (GtkWidget  *widget,
                    const char *heading,
                    const char *what,
                    const Size *size,
                    GString    *all)
{
  if (GTK_IS_SHORTCUTS_GROUP (widget))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child)
            && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), heading) == 0)
          g_string_append_printf (all,
                                  "\n%s, %s:\n  a group's title says its section's, \"%s\", again",
                                  what, size->name, heading);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_group_titles (child, heading, what, size, all);
}

/* Appends to @all each shortcut under @widget whose words take more than
 * two lines beside its keys: at 360 pixels they took three or four
 * beside the widest keys, where under them they take the row's width. A
 * shortcut's keys (a GtkShortcutLabel) and words share a box. */
static void
check_shortcut_words (GtkWidget  *widget,
                      const char *what,
                      const Size *size,
                      GString    *all)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget) && gtk_widget_get_mapped (widget))
    {
      GtkWidget *keys = rd_test_gui_find_by_type (widget, GTK_TYPE_SHORTCUT_LABEL);
      GtkWidget *row = keys != NULL ? gtk_widget_get_parent (keys) : NULL;
      GtkWidget *title = NULL;
      int lines;

      g_assert_true (GTK_IS_BOX (row));
      for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL && title == NULL;
           child = gtk_widget_get_next_sibling (child))
        if (child != keys)
          title = rd_test_gui_find_by_type (child, GTK_TYPE_LABEL);
      g_assert_nonnull (title);
      lines = pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (title)));
      if (gtk_orientable_get_orientation (GTK_ORIENTABLE (row)) == GTK_ORIENTATION_HORIZONTAL && lines > 2)
        g_string_append_printf (all, "\n%s, %s:\n  \"%s\" takes %d lines beside its keys", what, size->name,
                                gtk_label_get_text (GTK_LABEL (title)), lines);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_shortcut_words (child, what, size, all);
}

/* The keyboard shortcuts window (Ctrl+?, GTK's GtkShortcutsWindow) on
 * each of its sections, as its switcher shows them one at a time */
static void
check_shortcuts (Fixture    *f,
                 const Size *size,
                 GString    *all)
{
  GtkShortcutsWindow *shortcuts = rd_window_get_help_overlay (f->window);
  GtkWidget *section = rd_test_gui_find_by_type (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_SECTION);
  GtkStack *stack;
  guint n = 0;

  g_assert_nonnull (section);
  stack = GTK_STACK (gtk_widget_get_parent (section));
  check_dialog (f, GTK_WINDOW (shortcuts), size, "shortcuts", all);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *what = NULL;
      g_autofree char *heading = NULL;

      if (!GTK_IS_SHORTCUTS_SECTION (child))
        continue;
      what = g_strdup_printf ("shortcuts-%u", ++n);
      gtk_stack_set_visible_child (stack, child);
      check_window (GTK_WINDOW (shortcuts), size, what, all);
      g_object_get (child, "title", &heading, NULL);
      check_group_titles (child, heading, what, size, all);
      check_shortcut_words (child, what, size, all);
      /* Nothing in it scrolls: on a phone's screen, what is lower than
       * the screen cannot be read */
      if (size->text_scale == 1 && gtk_widget_get_height (GTK_WIDGET (shortcuts)) > size->height)
        g_string_append_printf (all, "\n%s, %s:\n  is %d px high, more than the screen's %d px", what,
                                size->name, gtk_widget_get_height (GTK_WIDGET (shortcuts)), size->height);
    }
  /* The sections of ui/gtk/help-overlay.ui */
  g_assert_cmpuint (n, >=, 3);
  /* The main window keeps it, hidden, for the next Ctrl+? */
  gtk_window_close (GTK_WINDOW (shortcuts));
}

/* Every dialog of the sample case, the way there as a resident goes. */
static void
test_every_dialog (Fixture       *f,
                   gconstpointer  data)
{
  const Size *size = data;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = GTK_WINDOW (f->window);
  RdStore *store;
  RdCase *rcase;
  gint64 case_id;
  g_autoptr(RdComplaint) complaint = NULL;
  g_autoptr(RdIncident) incident = NULL;
  struct {
    const char *what;
    GtkWindow  *dialog;
  } dialogs[10];
  guint n = 0;

  open_sample (f);
  store = rd_window_get_store (f->window);
  rcase = rd_window_get_case (f->window);
  case_id = rd_case_get_id (rcase);
  complaint = first_item (rd_store_list_complaints (store, case_id, &error));
  incident = first_item (rd_store_list_incidents (store, case_id, &error));
  g_assert_no_error (error);

  dialogs[n].what = "new-case";
  dialogs[n++].dialog = GTK_WINDOW (rd_case_dialog_new (parent, store, NULL));
  dialogs[n].what = "case-details";
  dialogs[n++].dialog = GTK_WINDOW (rd_case_dialog_new (parent, store, rcase));
  dialogs[n].what = "policy";
  dialogs[n++].dialog = GTK_WINDOW (rd_policy_dialog_new (parent, store, rcase));
  dialogs[n].what = "people";
  dialogs[n++].dialog = GTK_WINDOW (rd_parties_dialog_new (parent, store, rcase));
  dialogs[n].what = "add-step";
  dialogs[n++].dialog = GTK_WINDOW (rd_step_dialog_new (parent, store, complaint, NULL));
  dialogs[n].what = "history";
  dialogs[n++].dialog = GTK_WINDOW (rd_history_dialog_new (parent, store, incident));
  dialogs[n].what = "letter";
  dialogs[n++].dialog = GTK_WINDOW (rd_letter_dialog_new (parent, store, case_id, rd_complaint_get_id (complaint),
                                                          RD_LETTER_CHASER));
  dialogs[n].what = "preferences";
  dialogs[n++].dialog = GTK_WINDOW (rd_preferences_window_new (parent, store));
  dialogs[n].what = "client-record";
  dialogs[n++].dialog = GTK_WINDOW (rd_client_record_dialog_new (parent, store, case_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, <=, G_N_ELEMENTS (dialogs));

  for (guint i = 0; i < n; i++)
    {
      check_dialog (f, dialogs[i].dialog, size, dialogs[i].what, all);
      check_dialog_editor (dialogs[i].dialog, size, dialogs[i].what, all);
    }
  check_new_policy (f, size, all);
  check_extension_step (f, complaint, size, all);
  check_help (f, size, all);
  check_about (f, size, all);
  check_shortcuts (f, size, all);
  check_assistants (f, size, all);
  check_deadlines_dialog (f, size, all);
  check_incidents_chooser (f, size, all);

  if (all->len > 0)
    {
      g_test_message ("Dialogs cut short:%s", all->str);
      g_test_fail ();
    }
}

/* The checks themselves find what they look for: a word broken across
 * lines, and a cut label that offers its whole text once shown. */
static void
test_checks (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *broken = gtk_label_new ("Antidisestablishmentarianism notwithstanding");
  GtkWidget *whole = gtk_label_new ("Two short words");
  GtkWidget *cut = gtk_label_new ("A sentence much too long for the width it is given here");
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *first_line = gtk_label_new ("The first line of an entry much too long for its row");
  g_autofree char *problem = NULL;

  /* As the application does when it starts */
  rd_gui_install_accessible_names ();

  gtk_label_set_wrap (GTK_LABEL (broken), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (broken), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_wrap (GTK_LABEL (whole), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (cut), PANGO_ELLIPSIZE_END);
  gtk_widget_set_size_request (box, 80, -1);
  gtk_box_append (GTK_BOX (box), broken);
  gtk_box_append (GTK_BOX (box), whole);
  gtk_box_append (GTK_BOX (box), cut);
  gtk_label_set_ellipsize (GTK_LABEL (first_line), PANGO_ELLIPSIZE_END);
  gtk_list_box_append (GTK_LIST_BOX (list), first_line);
  gtk_box_append (GTK_BOX (box), list);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 80, 200);
  g_assert_false (rd_gui_label_offers_whole_text (GTK_LABEL (cut)));
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (window);

  g_assert_true (breaks_inside_a_word (gtk_label_get_layout (GTK_LABEL (broken))));
  g_assert_false (breaks_inside_a_word (gtk_label_get_layout (GTK_LABEL (whole))));
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (cut))));
  g_assert_true (rd_gui_label_offers_whole_text (GTK_LABEL (cut)));
  /* Its whole text on hover does not excuse a label that is not a line of
   * a list's row (a page's name on the switcher, the case's title); a
   * row's first line, whose whole text opens beside the list, is. */
  problem = label_problem (cut);
  g_assert_nonnull (strstr (problem, "ellipsis"));
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (first_line))));
  g_assert_null (label_problem (first_line));
  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
look_at_row (GtkWidget *row)
{
  GString *cut = g_string_new (NULL);

  look_at_labels (row, "", cut);
  g_test_message ("%s:%s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), cut->str);
  return g_string_free (cut, FALSE);
}

/* A drop-down row whose choice is too long for it fails as libadwaita
 * shows it (cut with "…", though the label offers its whole text on
 * hover); shown as the row's subtitle, with a hint, it passes. */
static void
test_checks_combo_rows (void)
{
  const char *choices[] = { "A choice much too long for the narrow row it is shown in", NULL };
  const char *ways[] = { "As libadwaita shows it", "As Redress shows it" };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *rows[G_N_ELEMENTS (ways)];
  g_autofree char *cut = NULL;
  g_autofree char *whole = NULL;

  rd_gui_install_accessible_names ();
  for (guint i = 0; i < G_N_ELEMENTS (ways); i++)
    {
      g_autoptr(GtkStringList) model = gtk_string_list_new (choices);

      rows[i] = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows[i]), ways[i]);
      adw_combo_row_set_model (ADW_COMBO_ROW (rows[i]), G_LIST_MODEL (model));
      gtk_list_box_append (GTK_LIST_BOX (list), rows[i]);
    }
  rd_gui_combo_row_show_choice_in_full (ADW_COMBO_ROW (rows[1]), "What the choice is for, said under it");
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_set_default_size (GTK_WINDOW (window), 240, 400);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (window);

  g_assert_true (rd_gui_label_offers_whole_text (GTK_LABEL (rd_test_gui_find_by_text (rows[0], choices[0]))));
  cut = look_at_row (rows[0]);
  g_assert_nonnull (strstr (cut, "ends in an ellipsis"));
  whole = look_at_row (rows[1]);
  g_assert_cmpstr (whole, ==, "");
  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
look_at_group (GtkWidget *group)
{
  GString *cut = g_string_new (NULL);

  look_at_labels (group, "", cut);
  g_test_message ("%s:%s", adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), cut->str);
  return g_string_free (cut, FALSE);
}

static GtkWidget *
group_new (const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Name");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return group;
}

/* A group's title too long for its width fails as libadwaita 1.2 shows
 * it (one line, cut with "…"); a group shown once the application's rule
 * is installed has its title wrapped between words, and passes. */
static void
test_checks_group_titles (void)
{
  const char *title = "A group's title much too long for the narrow window";
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *cut_group = group_new (title);
  GtkWidget *whole_group;
  g_autofree char *cut = NULL;
  g_autofree char *whole = NULL;

  gtk_box_append (GTK_BOX (box), cut_group);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 240, 400);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (window);
  cut = look_at_group (cut_group);
  g_assert_nonnull (strstr (cut, "ends in an ellipsis"));

  /* As the application does when it starts */
  rd_gui_install_whole_group_titles ();
  whole_group = group_new (title);
  gtk_box_append (GTK_BOX (box), whole_group);
  rd_test_gui_wait_for_draw (window);
  whole = look_at_group (whole_group);
  g_assert_cmpstr (whole, ==, "");
  g_assert_cmpint (gtk_widget_get_height (whole_group), >, gtk_widget_get_height (cut_group));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A drop-down's chosen label as Redress showed it before issue 15's
 * second round: cut with "…", whole in its tooltip */
static void
cut_choice_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

/* A wrapped label put straight into the drop-down */
static void
wrapped_choice_setup_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_list_item_set_child (item, label);
}

static void
choice_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), text);
}

static GtkWidget *
drop_down_shown_by (GCallback setup)
{
  const char *choices[] = { "A summary much too long for the narrow drop-down it is chosen in", NULL };
  g_autoptr(GtkStringList) model = gtk_string_list_new (choices);
  GtkWidget *drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&model)), NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  if (setup == NULL)
    {
      rd_gui_drop_down_show_choice_in_full (GTK_DROP_DOWN (drop_down));
      return drop_down;
    }
  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (choice_bind_cb), NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (drop_down), factory);
  return drop_down;
}

static char *
look_at_drop_down (GtkWidget *drop_down)
{
  GString *cut = g_string_new (NULL);

  look_at_labels (drop_down, "", cut);
  g_test_message ("%s", cut->str);
  return g_string_free (cut, FALSE);
}

/* A drop-down's choice cut with "…" fails, though its tooltip holds the
 * whole text; one wrapped straight in the drop-down fails too: GTK 4.8
 * asks for its width at one line's height, and it is drawn past the
 * button, across whatever is beside it (given the width, it would get
 * the height of its natural width's lines and lose the rest); shown by
 * rd_gui_drop_down_show_choice_in_full() it is whole, however long. */
static void
test_checks_drop_downs (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *cut = drop_down_shown_by (G_CALLBACK (cut_choice_setup_cb));
  GtkWidget *wrapped = drop_down_shown_by (G_CALLBACK (wrapped_choice_setup_cb));
  GtkWidget *whole = drop_down_shown_by (NULL);
  gint64 until = g_get_monotonic_time () + 300 * 1000;
  g_autofree char *cut_problem = NULL;
  g_autofree char *wrapped_problem = NULL;
  g_autofree char *whole_problem = NULL;

  rd_gui_install_accessible_names ();
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), cut);
  gtk_box_append (GTK_BOX (box), wrapped);
  gtk_box_append (GTK_BOX (box), whole);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 200, 400);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (window);
  rd_test_gui_wait_until (time_passed, &until, 1000);

  cut_problem = look_at_drop_down (cut);
  g_assert_nonnull (strstr (cut_problem, "ends in an ellipsis"));
  wrapped_problem = look_at_drop_down (wrapped);
  g_assert_cmpstr (wrapped_problem, !=, "");
  whole_problem = look_at_drop_down (whole);
  g_assert_cmpstr (whole_problem, ==, "");
  /* On three lines or more at this width */
  g_assert_cmpint (gtk_widget_get_height (whole), >, 2 * gtk_widget_get_height (cut));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A label cut short in a closed expander is not seen, since the rows of
 * a closed expander are neither laid out nor shown; once every expander
 * is opened (an expander row's switch turned on first), it is. */
static void
test_checks_expanders (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *expander = adw_expander_row_new ();
  const char *choices[] = { "A choice much too long for the narrow row it is shown in", NULL };
  g_autoptr(GtkStringList) model = gtk_string_list_new (choices);
  GtkWidget *inside = adw_combo_row_new ();
  gint64 until;
  g_autoptr(GString) closed = g_string_new (NULL);
  g_autoptr(GString) open = g_string_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), "It went on for a while");
  adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (expander), TRUE);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (expander), FALSE);
  /* Cut with "…" as libadwaita shows a drop-down row's choice */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (inside), "Ended");
  adw_combo_row_set_model (ADW_COMBO_ROW (inside), G_LIST_MODEL (model));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), inside);
  gtk_list_box_append (GTK_LIST_BOX (list), expander);
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_set_default_size (GTK_WINDOW (window), 200, 400);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (window);

  look_at_labels (window, "", closed);
  g_assert_cmpstr (closed->str, ==, "");
  g_assert_cmpuint (rd_test_gui_open_expanders (window), ==, 1);
  g_assert_cmpuint (rd_test_gui_open_expanders (window), ==, 0);
  until = g_get_monotonic_time () + 400 * 1000;
  rd_test_gui_wait_until (time_passed, &until, 1000);
  look_at_labels (window, "", open);
  g_test_message ("%s", open->str);
  g_assert_nonnull (strstr (open->str, "ends in an ellipsis"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
one_line_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  /* As tall as the label is on one line, whatever the width */
  gtk_widget_measure (gtk_widget_get_first_child (widget), orientation, -1, minimum, natural, NULL, NULL);
}

static void
one_line_allocate (GtkWidget *widget,
                   int        width,
                   int        height,
                   int        baseline)
{
  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, -1, NULL);
}

/* A parent that gives a wrapped label one line's height at a width where
 * it needs three (as libadwaita 1.2's row did to a wrapped choice) fails
 * it, though nothing ends in an ellipsis; the same label in a box that
 * asks its height for its width passes. */
static void
test_checks_height (void)
{
  const char *text = "A sentence that needs three lines at this width";
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *one_line = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *clipped = gtk_label_new (text);
  GtkWidget *whole = gtk_label_new (text);
  g_autoptr(GString) cut = g_string_new (NULL);
  g_auto(GStrv) problems = NULL;

  gtk_label_set_wrap (GTK_LABEL (clipped), TRUE);
  gtk_label_set_wrap (GTK_LABEL (whole), TRUE);
  gtk_widget_set_layout_manager (one_line, gtk_custom_layout_new (NULL, one_line_measure, one_line_allocate));
  gtk_box_append (GTK_BOX (one_line), clipped);
  gtk_widget_set_size_request (box, 120, -1);
  gtk_box_append (GTK_BOX (box), one_line);
  gtk_box_append (GTK_BOX (box), whole);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 120, 300);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (window);

  look_at_labels (box, "", cut);
  g_test_message ("%s", cut->str);
  /* The clipped label alone, the whole one not */
  problems = g_strsplit (cut->str, "\n  ", -1);
  g_assert_cmpuint (g_strv_length (problems), ==, 2);
  g_assert_nonnull (strstr (problems[1], " px high but needs "));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
scrolled_label_new (const char    *text,
                    GtkPolicyType  policy)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), policy == GTK_POLICY_NEVER);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), policy, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  return scrolled;
}

/* A label wider than a scrolled window that scrolls sideways shows part
 * of its text and no ellipsis, as the help's topics did: it fails. The
 * same words wrapped in a window that never scrolls sideways pass. */
static void
test_checks_sideways (void)
{
  const char *text = "A topic much too long for the narrow list it is in";
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *sideways = scrolled_label_new (text, GTK_POLICY_AUTOMATIC);
  GtkWidget *wrapped = scrolled_label_new (text, GTK_POLICY_NEVER);
  g_autoptr(GString) cut = g_string_new (NULL);
  g_autoptr(GString) whole = g_string_new (NULL);

  gtk_widget_set_size_request (box, 120, -1);
  gtk_box_append (GTK_BOX (box), sideways);
  gtk_box_append (GTK_BOX (box), wrapped);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 120, 300);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (window);

  look_at_labels (sideways, "", cut);
  look_at_labels (wrapped, "", whole);
  g_test_message ("%s", cut->str);
  g_assert_nonnull (strstr (cut->str, "in a window scrolling sideways"));
  g_assert_cmpstr (whole->str, ==, "");
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
header_new (const char *title_text,
            const char *subtitle,
            GtkWidget **button)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_window_title_new (title_text, subtitle);

  *button = gtk_button_new_with_label ("Cancel");
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), *button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           gtk_button_new_from_icon_name ("edit-copy-symbolic"));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  rd_gui_wrap_window_title (ADW_WINDOW_TITLE (title));
  return header;
}

/* libadwaita 1.2's own layout: each button at either end of a header as
 * high as the header */
static void
fill_header_boxes (GtkWidget *widget)
{
  if (GTK_IS_BOX (widget)
      && (gtk_widget_has_css_class (widget, "start") || gtk_widget_has_css_class (widget, "end")))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        gtk_widget_set_valign (child, GTK_ALIGN_FILL);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    fill_header_boxes (child);
}

/* Two headers whose titles wrap: as libadwaita lays it out, its buttons
 * are as high as the header, and a subtitle of a paragraph takes more
 * than three lines; with the buttons centred and a short subtitle, both
 * pass. */
static void
test_checks_headers (void)
{
  const char *paragraph = "How Eastwick Homes handled my reports of noise and threats from Flat 5, the call "
                          "backs that never came and the delay in repairing my front door (ref. EH/CMP/24/0577)";
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *stretched_button, *centred_button;
  GtkWidget *stretched = header_new ("Chaser", paragraph, &stretched_button);
  GtkWidget *centred = header_new ("Summary for the Ombudsman", "Step 3 of 5: What You Have Told the Landlord",
                                   &centred_button);
  g_autoptr(GString) wrong = g_string_new (NULL);
  g_autoptr(GString) right = g_string_new (NULL);
  g_auto(GStrv) problems = NULL;

  gtk_box_append (GTK_BOX (box), stretched);
  gtk_box_append (GTK_BOX (box), centred);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 600);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (window);
  /* As libadwaita lays it out, whether or not the application's hook
   * centred it as it mapped */
  fill_header_boxes (stretched);
  rd_gui_centre_header_buttons (centred);
  rd_test_gui_wait_for_draw (window);

  look_at_labels (stretched, "", wrong);
  look_at_labels (centred, "", right);
  g_test_message ("As libadwaita lays it out:%s", wrong->str);
  /* Both headers wrap their titles, so that a stretched button shows */
  g_assert_cmpint (gtk_widget_get_height (centred), >, 2 * gtk_widget_get_height (centred_button));
  problems = g_strsplit (wrong->str, "\n  ", -1);
  /* Two buttons stretched, and the subtitle */
  g_assert_cmpuint (g_strv_length (problems), ==, 4);
  g_assert_nonnull (strstr (wrong->str, "is stretched to"));
  g_assert_nonnull (strstr (wrong->str, "lines in the header, more than 3"));
  g_assert_cmpstr (right->str, ==, "");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The problems @header shows in a window @width pixels wide */
static char *
look_at_header_at (GtkWidget *header,
                   int        width)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GString *problems = g_string_new (NULL);

  /* At the top of the window, as high as it needs */
  gtk_box_append (GTK_BOX (box), header);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 200);
  gtk_window_present (GTK_WINDOW (window));
  rd_test_gui_wait_for_draw (window);
  look_at_labels (header, "", problems);
  g_test_message ("At %d px:%s", width, problems->str);
  gtk_window_destroy (GTK_WINDOW (window));
  return g_string_free (problems, FALSE);
}

/* A title of two words wrapped onto two lines fails at the normal text
 * size (it has room on one at 360 pixels); the same header given room
 * passes, and so does a longer title wrapped. */
static void
test_checks_short_titles (void)
{
  GtkWidget *button;
  g_autofree char *squeezed = look_at_header_at (header_new ("Redress Help", NULL, &button), 150);
  g_autofree char *roomy = look_at_header_at (header_new ("Redress Help", NULL, &button), 360);
  g_autofree char *long_title = look_at_header_at (header_new ("Diary Entries This Complaint Is About", NULL,
                                                                &button), 150);

  g_assert_nonnull (strstr (squeezed, "is a title of two words or fewer on 2 lines"));
  g_assert_cmpstr (roomy, ==, "");
  g_assert_null (strstr (long_title, "two words"));
}

int
main (int   argc,
      char *argv[])
{
  rd_test_gui_init (&argc, &argv);

  g_test_add_func ("/reflow/checks", test_checks);
  /* Before the first application installs the rule it checks (GLib runs a
   * suite's own tests in order, then its sub-suites) */
  g_test_add_func ("/reflow/group-titles", test_checks_group_titles);
  g_test_add_func ("/reflow/checks/combo-rows", test_checks_combo_rows);
  g_test_add_func ("/reflow/checks/height", test_checks_height);
  g_test_add_func ("/reflow/checks/drop-downs", test_checks_drop_downs);
  g_test_add_func ("/reflow/checks/expanders", test_checks_expanders);
  g_test_add_func ("/reflow/checks/headers", test_checks_headers);
  g_test_add_func ("/reflow/checks/short-titles", test_checks_short_titles);
  g_test_add_func ("/reflow/checks/sideways", test_checks_sideways);
  g_test_add ("/reflow/narrow", Fixture, &narrow, fixture_setup, test_every_page, fixture_teardown);
  g_test_add ("/reflow/large-text", Fixture, &large_text, fixture_setup, test_every_page, fixture_teardown);
  g_test_add ("/reflow/dialogs/narrow", Fixture, &narrow, fixture_setup, test_every_dialog, fixture_teardown);
  g_test_add ("/reflow/dialogs/large-text", Fixture, &large_text, fixture_setup, test_every_dialog, fixture_teardown);
  return g_test_run ();
}
