/* rd-gui-a11y.c: what a screen reader hears of every window, GTK's and
 * libadwaita's own widgets inside them included.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rd-gui-a11y.h"
#include "rd-gui-a11y-private.h"
#include "rd-gui-util.h"

/* The visible text of a button whose label carries a mnemonic, without
 * the underscore; NULL for any other button. */
static const char *
get_mnemonic_button_text (GtkWidget *button)
{
  GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));

  /* GtkStackSwitcher's tabs put the underline on their label alone. */
  if (GTK_IS_LABEL (child) &&
      (gtk_button_get_use_underline (GTK_BUTTON (button)) || gtk_label_get_use_underline (GTK_LABEL (child))))
    return gtk_label_get_text (GTK_LABEL (child));
  if (ADW_IS_BUTTON_CONTENT (child) && adw_button_content_get_use_underline (ADW_BUTTON_CONTENT (child)))
    {
      for (GtkWidget *part = gtk_widget_get_first_child (child);
           part != NULL;
           part = gtk_widget_get_next_sibling (part))
        if (GTK_IS_LABEL (part))
          return gtk_label_get_text (GTK_LABEL (part));
    }
  return NULL;
}

/*
 * GTK 4.8 names a button whose label has a mnemonic twice: after its raw
 * label, underscore and all, and after the label inside that the mnemonic
 * ties to it ("_Save Save"). Screen readers should say what the button
 * shows, once, so that what is heard matches what is seen (and what a
 * voice-control user says); anything more goes in its description.
 */
static void
name_mnemonic_button (GtkWidget *button)
{
  const char *text = get_mnemonic_button_text (button);

  if (text == NULL || text[0] == '\0')
    return;
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/* A check button has the same trouble with its mnemonic. */
static void
name_mnemonic_check_button (GtkWidget *check)
{
  const char *label = gtk_check_button_get_label (GTK_CHECK_BUTTON (check));
  g_autofree char *shown = NULL;

  if (label == NULL || !gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (check)))
    return;
  shown = rd_gui_strip_mnemonic (label);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, shown, -1);
}

static void
on_button_label_notify_cb (GtkWidget *button)
{
  if (GTK_IS_CHECK_BUTTON (button))
    name_mnemonic_check_button (button);
  else
    name_mnemonic_button (button);
}

/*
 * Redress writes what it means in words; its icons stand beside the words
 * (on buttons, rows, status pages) and only decorate. A screen reader would
 * announce each one as "image". Pictures of evidence are paintables, and
 * keep their names.
 */
static gboolean
is_decorative_image (GtkWidget *image)
{
  return gtk_image_get_storage_type (GTK_IMAGE (image)) != GTK_IMAGE_PAINTABLE &&
         gtk_widget_get_tooltip_text (image) == NULL;
}

/* An empty label says nothing, but GTK 4.8 would announce it as "GtkLabel". */
static void
on_label_notify_cb (GtkWidget *label)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN,
                               gtk_label_get_text (GTK_LABEL (label))[0] == '\0', -1);
}

/* A label cut short by its ellipsis shows its whole text as a tooltip. */
static gboolean
on_cut_label_query_tooltip_cb (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard,
                               GtkTooltip *tooltip)
{
  GtkLabel *label = GTK_LABEL (widget);

  if (gtk_widget_get_tooltip_text (widget) != NULL ||
      !pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

/*
 * Lists show the first line of what was written (a diary entry, a contact),
 * and the header bar the case's title, each cut short with an ellipsis
 * when the window is narrow or the text large. The words are not lost (the
 * entry opens whole, and a screen reader reads the label's whole text),
 * but a sighted reader should not have to open anything to read them: a
 * label that can be cut short offers its whole text on hover and on
 * keyboard focus (Ctrl+F1), whoever made it, GTK's own labels included.
 */
static void
offer_whole_text (GtkWidget *widget)
{
  if (!GTK_IS_LABEL (widget) ||
      gtk_label_get_ellipsize (GTK_LABEL (widget)) == PANGO_ELLIPSIZE_NONE ||
      g_object_get_data (G_OBJECT (widget), "rd-whole-text") != NULL)
    return;
  g_object_set_data (G_OBJECT (widget), "rd-whole-text", GINT_TO_POINTER (TRUE));
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_cut_label_query_tooltip_cb), NULL);
  gtk_widget_set_has_tooltip (widget, TRUE);
}

/**
 * rd_gui_label_offers_whole_text:
 *
 * Returns: whether @label, when cut short, shows its whole text on hover
 */
gboolean
rd_gui_label_offers_whole_text (GtkLabel *label)
{
  g_return_val_if_fail (GTK_IS_LABEL (label), FALSE);

  return g_object_get_data (G_OBJECT (label), "rd-whole-text") != NULL &&
         gtk_widget_get_has_tooltip (GTK_WIDGET (label));
}

/*
 * GTK 4.8 has no getter for an accessible's properties but the ones made
 * for tests, which only read what was set. A widget with neither a label
 * nor a labelled-by relation is named, over AT-SPI, after its type
 * ("GtkButton"): that is what the rules below fill in, and only that, so
 * a name Redress gives in a template or in code always wins.
 */
gboolean
_rd_gui_a11y_has_name (GtkWidget *widget)
{
  GtkWidget *icon = GTK_IS_BUTTON (widget) ? gtk_button_get_child (GTK_BUTTON (widget)) : NULL;
  g_autofree char *not_icon = NULL;

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;
  if (!gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return FALSE;
  /* A button given an icon name is labelled by its image, which says nothing. */
  if (!GTK_IS_IMAGE (icon))
    return TRUE;
  not_icon = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                 icon, NULL);
  return not_icon != NULL;
}

/* What the icons mean that GTK and libadwaita put on buttons of their own
 * without a word or a tooltip (GtkShortcutsWindow's search button). */
static const char *
get_icon_meaning (const char *icon_name)
{
  static const struct
  {
    const char *icon_name;
    const char *meaning;  /* the button's accessible name, in sentence case */
  } meanings[] = {
    { "edit-find-symbolic", N_("Search") },
    { "go-previous-symbolic", N_("Back") },
    { "go-next-symbolic", N_("Forward") },
    { "window-close-symbolic", N_("Close") },
    { "edit-clear-symbolic", N_("Clear") },
    { "open-menu-symbolic", N_("Main menu") },
    { "view-more-symbolic", N_("More") },
  };

  for (guint i = 0; icon_name != NULL && i < G_N_ELEMENTS (meanings); i++)
    if (g_str_equal (icon_name, meanings[i].icon_name))
      return _(meanings[i].meaning);
  return NULL;
}

/* The icon a button shows instead of words, or NULL if it shows words. */
static const char *
get_button_icon_name (GtkWidget *button)
{
  GtkWidget *child;

  if (GTK_IS_MENU_BUTTON (button))
    return gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (button));
  child = gtk_button_get_child (GTK_BUTTON (button));
  if (GTK_IS_IMAGE (child) && gtk_image_get_storage_type (GTK_IMAGE (child)) == GTK_IMAGE_ICON_NAME)
    return gtk_image_get_icon_name (GTK_IMAGE (child));
  return NULL;
}

/* What a button without a name of its own means: the words it shows, else
 * its tooltip (which a sighted user reads on hover), else what its icon
 * stands for. NULL for a button that shows something else. */
static char *
dup_button_meaning (GtkWidget *button)
{
  const char *tooltip = gtk_widget_get_tooltip_text (button);
  const char *label = NULL;

  if (GTK_IS_MENU_BUTTON (button))
    label = gtk_menu_button_get_label (GTK_MENU_BUTTON (button));
  if (label != NULL && label[0] != '\0')
    return gtk_menu_button_get_use_underline (GTK_MENU_BUTTON (button)) ? rd_gui_strip_mnemonic (label)
                                                                        : g_strdup (label);
  if (!GTK_IS_MENU_BUTTON (button))
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));

      /* A label put in by hand (the about window's version) names nothing by itself. */
      if (GTK_IS_LABEL (child))
        return g_strdup (gtk_label_get_text (GTK_LABEL (child)));
      if (child != NULL && get_button_icon_name (button) == NULL)
        return NULL;
    }
  if (tooltip != NULL && tooltip[0] != '\0')
    return g_strdup (tooltip);
  return g_strdup (get_icon_meaning (get_button_icon_name (button)));
}

static void
on_meaning_notify_cb (GtkWidget *button)
{
  g_autofree char *meaning = dup_button_meaning (button);

  if (meaning == NULL)
    return;
  /* GTK reads a labelled-by relation before the label. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, meaning, -1);
}

/*
 * Buttons that libadwaita and GTK make inside their own rows and windows
 * (the password rows' "Show Text", the about window's "Back", the
 * shortcuts window's search and section buttons) show an icon or a label
 * set later, and are named after their type. Such a button is named by its
 * meaning, and follows it as it changes ("Show Text" becomes "Hide Text").
 */
static void
name_by_meaning_if_nameless (GtkWidget *button)
{
  if (_rd_gui_a11y_has_name (button))
    return;
  on_meaning_notify_cb (button);
  g_signal_connect (button, "notify::tooltip-text", G_CALLBACK (on_meaning_notify_cb), NULL);
  g_signal_connect (button, "notify::icon-name", G_CALLBACK (on_meaning_notify_cb), NULL);
  if (GTK_IS_MENU_BUTTON (button))
    g_signal_connect (button, "notify::label", G_CALLBACK (on_meaning_notify_cb), NULL);
}

/* The title in the header of @widget or of what is inside it, but not
 * inside @skip (nullable: a child searched already). */
static AdwWindowTitle *
find_window_title (GtkWidget *widget,
                   GtkWidget *skip)
{
  if (ADW_IS_WINDOW_TITLE (widget))
    return ADW_WINDOW_TITLE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwWindowTitle *title = child != skip ? find_window_title (child, NULL) : NULL;

      if (title != NULL)
        return title;
    }
  return NULL;
}

/*
 * A window without a title is announced after its type ("RdPolicyDialog"),
 * however plainly its header says what it is: it takes the title its
 * header shows, and keeps it as that changes.
 *
 * It must have it before it is realized (realize_titled_window()).
 * GTK 4.8 sends nothing about a window until then, and keeps what changed;
 * the first change of the window's own after that is sent with all that
 * waited, "hidden" included. Titled as it maps, the window was still
 * hidden, and GTK said the application had lost a child, naming the
 * application itself where the window belongs: libatspi takes that as the
 * application gone, so a screen reader (and the audit, in 1 of 4 runs)
 * lost all of Redress when the complaints policy opened.
 */
static void
title_window_by_header (GtkWindow *window)
{
  AdwWindowTitle *title;

  if (gtk_window_get_title (window) != NULL || g_object_get_data (G_OBJECT (window), "rd-titled") != NULL)
    return;
  title = find_window_title (GTK_WIDGET (window), NULL);
  if (title == NULL)
    return;
  g_object_set_data (G_OBJECT (window), "rd-titled", GINT_TO_POINTER (TRUE));
  g_object_bind_property (title, "title", window, "title", G_BINDING_SYNC_CREATE);
}

/*
 * A window with one page of preferences shows no page switcher, so its
 * page often has no title; the switcher is still there for a screen
 * reader, its one tab named after its type. The page takes its window's
 * title.
 */
static void
title_preferences_page (AdwPreferencesPage *page)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));
  const char *title = adw_preferences_page_get_title (page);

  if ((title == NULL || title[0] == '\0') && GTK_IS_WINDOW (root) &&
      gtk_window_get_title (GTK_WINDOW (root)) != NULL)
    adw_preferences_page_set_title (page, gtk_window_get_title (GTK_WINDOW (root)));
}

/* The label that shows @title's title. */
static GtkWidget *
find_title_label (AdwWindowTitle *title,
                  GtkWidget      *widget)
{
  if (GTK_IS_LABEL (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), adw_window_title_get_title (title)) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = find_title_label (title, child);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/*
 * A text view that nothing names is the whole of a page under a header
 * (libadwaita's about window shows its release notes and its debugging
 * information so): it is labelled by the title of the nearest header
 * around it.
 *
 * Each step out looks only through what the step before did not, so a
 * view deep in a window goes through the window once at most. A view
 * labelled so is not looked at again: in a desktop session it has its
 * name from then on, but with GTK_A11Y=none (the benchmarks, the
 * in-process tests) GTK keeps no names, and each text view of the diary's
 * form went through the whole window again each time it was mapped, a
 * cost the benchmarks measured and no one else pays (issue 17).
 */
static void
name_text_view_by_page (GtkWidget *view)
{
  GtkWidget *searched = NULL;

  if (g_object_get_data (G_OBJECT (view), "rd-named") != NULL)
    return;
  for (GtkWidget *around = gtk_widget_get_parent (view);
       around != NULL;
       searched = around, around = gtk_widget_get_parent (around))
    {
      AdwWindowTitle *title = find_window_title (around, searched);
      GtkWidget *label = title != NULL ? find_title_label (title, GTK_WIDGET (title)) : NULL;

      if (label != NULL)
        {
          gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                          label, NULL, -1);
          g_object_set_data (G_OBJECT (view), "rd-named", GINT_TO_POINTER (TRUE));
          return;
        }
      if (title != NULL || GTK_IS_NATIVE (around))
        return;
    }
}

/*
 * A status page with nothing to press on it ("No Evidence Chosen") scrolls
 * its words in a scrolled window of libadwaita's, which GTK gives the
 * focus so that the keys can scroll them: a screen reader landed there
 * and said only "scroll pane". It is named by the page's title and
 * described by its description.
 */
static void
on_status_page_notify_cb (AdwStatusPage *page,
                          GParamSpec    *pspec,
                          GtkWidget     *scroller)
{
  const char *title = adw_status_page_get_title (page);
  const char *description = adw_status_page_get_description (page);
  g_autofree char *plain = NULL;

  if (title != NULL && title[0] != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_LABEL);
  /* The description is markup. */
  if (description != NULL && !pango_parse_markup (description, -1, 0, NULL, &plain, NULL, NULL))
    plain = g_strdup (description);
  if (plain != NULL && plain[0] != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, plain, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
name_status_page_scroller (GtkWidget *scroller)
{
  GtkWidget *page = gtk_widget_get_parent (scroller);

  if (g_object_get_data (G_OBJECT (scroller), "rd-named") != NULL || _rd_gui_a11y_has_name (scroller))
    return;
  g_object_set_data (G_OBJECT (scroller), "rd-named", GINT_TO_POINTER (TRUE));
  on_status_page_notify_cb (ADW_STATUS_PAGE (page), NULL, scroller);
  g_signal_connect_object (page, "notify::title", G_CALLBACK (on_status_page_notify_cb), scroller, 0);
  g_signal_connect_object (page, "notify::description", G_CALLBACK (on_status_page_notify_cb), scroller, 0);
}

/* What a search box that nothing names looks through: its placeholder
 * says so ("Search Shortcuts"); one without is named after the window it
 * searches ("Search: Client Record"). */
static void
on_search_entry_notify_cb (GtkWidget *entry)
{
  g_autofree char *placeholder = NULL;
  g_autofree char *name = NULL;
  GtkRoot *root = gtk_widget_get_root (entry);
  const char *title = GTK_IS_WINDOW (root) ? gtk_window_get_title (GTK_WINDOW (root)) : NULL;

  g_object_get (entry, "placeholder-text", &placeholder, NULL);
  if (placeholder != NULL && placeholder[0] != '\0')
    name = g_steal_pointer (&placeholder);
  else if (title != NULL && title[0] != '\0')
    /* Translators: what a screen reader calls a search box, after the window it searches */
    name = g_strdup_printf (_("Search: %s"), title);
  else
    name = g_strdup (_("Search"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/*
 * GTK's shortcuts window and libadwaita's preferences windows make search
 * boxes without a name, which GTK 4.8 then announces as "GtkSearchEntry".
 * Such a box is named by what it searches, and follows its placeholder.
 */
static void
name_search_entry_if_nameless (GtkWidget *entry)
{
  if (g_object_get_data (G_OBJECT (entry), "rd-named") != NULL)
    return;
  g_object_set_data (G_OBJECT (entry), "rd-named", GINT_TO_POINTER (TRUE));
  if (_rd_gui_a11y_has_name (entry))
    return;
  on_search_entry_notify_cb (entry);
  g_signal_connect (entry, "notify::placeholder-text", G_CALLBACK (on_search_entry_notify_cb), NULL);
}

/* Whether @widget's accessible name, given as a property, is @text. */
static gboolean
is_named (GtkWidget  *widget,
          const char *text)
{
  g_autofree char *differs = NULL;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;
  differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, text);
  return differs == NULL;
}

/*
 * GTK 4.8 describes a widget by its tooltip, which on a button often says
 * the button's name again ("Main menu", "Delete this entry…", "Search the
 * diary (Ctrl+F)", "Check evidence: make sure…"): a screen reader says
 * both. The description keeps only what the tooltip adds to the name (the
 * key, "Ctrl+F", or what follows the colon), or nothing.
 */
static void
on_tooltip_notify_cb (GtkWidget *widget)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  g_autofree char *head = NULL;
  const char *aside;

  if (tooltip == NULL || tooltip[0] == '\0')
    return;
  head = g_strdup (tooltip);
  if (g_str_has_suffix (head, "…"))
    head[strlen (head) - strlen ("…")] = '\0';
  if (is_named (widget, tooltip) || is_named (widget, head))
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  /* "Check evidence: make sure every file is still as it was added" */
  aside = strstr (tooltip, ": ");
  if (aside != NULL)
    {
      g_free (head);
      head = g_strndup (tooltip, aside - tooltip);
      if (is_named (widget, head))
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          aside + 2, -1);
          return;
        }
    }
  /* "Search the diary (Ctrl+F)" */
  aside = strstr (tooltip, " (");
  if (aside == NULL || !g_str_has_suffix (tooltip, ")"))
    return;
  g_free (head);
  head = g_strndup (tooltip, aside - tooltip);
  if (is_named (widget, head))
    {
      g_autofree char *added = g_strndup (aside + 2, strlen (aside + 2) - 1);

      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, added, -1);
    }
}

static void
tidy_accessible_name (GtkWidget *widget)
{
  gboolean is_button = GTK_IS_BUTTON (widget) && !GTK_IS_LINK_BUTTON (widget);

  offer_whole_text (widget);
  /* Before the rules that name what nothing names: these take a name away. */
  _rd_gui_a11y_stop_at_control (widget);
  _rd_gui_a11y_name_once (widget);
  _rd_gui_a11y_name_container (widget);
  if (_rd_gui_a11y_name_list_part (widget))
    return;

  if (is_button || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
    {
      if (g_object_get_data (G_OBJECT (widget), "rd-named") != NULL)
        return;
      g_object_set_data (G_OBJECT (widget), "rd-named", GINT_TO_POINTER (TRUE));
      /* First, while only what made it can have named it. */
      if (is_button || GTK_IS_MENU_BUTTON (widget))
        name_by_meaning_if_nameless (widget);
      on_tooltip_notify_cb (widget);
      g_signal_connect_after (widget, "notify::tooltip-text", G_CALLBACK (on_tooltip_notify_cb), NULL);
      if (GTK_IS_MENU_BUTTON (widget))
        return;
      on_button_label_notify_cb (widget);
      g_signal_connect (widget, "notify::label", G_CALLBACK (on_button_label_notify_cb), NULL);
      if (is_button)
        g_signal_connect (widget, "notify::child", G_CALLBACK (on_button_label_notify_cb), NULL);
    }
  else if (GTK_IS_WINDOW (widget))
    title_window_by_header (GTK_WINDOW (widget));
  else if (ADW_IS_PREFERENCES_PAGE (widget))
    title_preferences_page (ADW_PREFERENCES_PAGE (widget));
  else if (GTK_IS_SEARCH_ENTRY (widget))
    name_search_entry_if_nameless (widget);
  else if (GTK_IS_TEXT_VIEW (widget) && !_rd_gui_a11y_has_name (widget))
    name_text_view_by_page (widget);
  else if (GTK_IS_SCROLLED_WINDOW (widget) && ADW_IS_STATUS_PAGE (gtk_widget_get_parent (widget)))
    name_status_page_scroller (widget);
  else if (GTK_IS_TEXT (widget))
    _rd_gui_a11y_voice_entry_text (widget);
  else if ((GTK_IS_IMAGE (widget) && is_decorative_image (widget)) ||
           /* An entry row's text is the text field a screen reader lands
            * on, named by the row's title; the title label inside it would
            * only be announced again. */
           (GTK_IS_LABEL (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW) != NULL))
    gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  else if (GTK_IS_LABEL (widget) && g_object_get_data (G_OBJECT (widget), "rd-named") == NULL)
    {
      g_object_set_data (G_OBJECT (widget), "rd-named", GINT_TO_POINTER (TRUE));
      on_label_notify_cb (widget);
      g_signal_connect (widget, "notify::label", G_CALLBACK (on_label_notify_cb), NULL);
    }
}

static void
tidy_accessible_names (GtkWidget *widget)
{
  tidy_accessible_name (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    tidy_accessible_names (child);
}

/* A window or popover is tidied whole as it maps, pages it does not show
 * yet included (a screen reader can read those too); anything added later
 * is tidied as it maps itself. */
static gboolean
on_widget_map_hook_cb (GSignalInvocationHint *hint,
                       guint                  n_params,
                       const GValue          *params,
                       gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&params[0]);

  if (GTK_IS_NATIVE (widget))
    tidy_accessible_names (widget);
  else
    tidy_accessible_name (widget);
  return TRUE;
}

/*
 * Every window's realize, run before GtkWindow's own, which makes the
 * window's surface and is when GTK starts telling AT-SPI about it: see
 * title_window_by_header(). An emission hook or a handler of "realize"
 * runs only after GtkWindow's own, on a window realized already, so the
 * title came as a change to a window still hidden.
 */
static void
realize_titled_window (GtkWidget *window)
{
  title_window_by_header (GTK_WINDOW (window));
  _rd_gui_a11y_give_window_role (GTK_WINDOW (window));
  g_signal_chain_from_overridden_handler (window);
}

static gsize names_installed;

/**
 * rd_gui_tidy_accessible_names:
 *
 * Names @widget and everything in it now, as rd_gui_install_accessible_names()
 * does when a window maps: for what is added to a window already shown
 * without being shown itself (a page built while another is on screen,
 * the switcher's buttons for it). Nothing until that was installed.
 */
void
rd_gui_tidy_accessible_names (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (names_installed != 0)
    tidy_accessible_names (widget);
}

/**
 * rd_gui_install_accessible_names:
 *
 * From now on, every button with a mnemonic is named by the text it shows,
 * icons and empty labels are hidden from screen readers, and a label that
 * may be cut short with an ellipsis offers its whole text as a tooltip.
 * Widgets are corrected as they are mapped, so rows and dialogs made later
 * are covered too.
 */
void
rd_gui_install_accessible_names (void)
{
  if (g_once_init_enter (&names_installed))
    {
      /* The class must exist before its signals can be looked up. */
      GTypeClass *klass = g_type_class_ref (GTK_TYPE_WINDOW);

      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                  on_widget_map_hook_cb, NULL, NULL);
      g_signal_override_class_handler ("realize", GTK_TYPE_WINDOW, G_CALLBACK (realize_titled_window));
      _rd_gui_a11y_install_entry_texts ();
      _rd_gui_a11y_install_told_before_focus ();
      _rd_gui_a11y_install_roles ();
      g_type_class_unref (klass);
      g_once_init_leave (&names_installed, 1);
    }
}
