/* rd-help-window.c: the user help, in yelp where it is installed, else in a window of our own.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-help-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rd-help-window.h"

/* The help's pages, in the order the guide lists them. The same Mallard
 * files are installed for yelp and compiled into the resources, so the
 * help is there even where yelp is not: the English ones under
 * help/PAGE.page, and those merged with each translation of help/LINGUAS
 * under help/LANG/PAGE.page (help/meson.build). */
static const char *const help_pages[] = {
  "index",
  "getting-started",
  "diary",
  "deadlines",
  "evidence",
  "bundle",
  "advisers",
  "privacy",
};

#define HELP_RESOURCE_DIR "/app/redress/Redress/help/"

struct _RdHelpWindow
{
  AdwWindow  parent_instance;

  AdwLeaflet   *leaflet;
  GtkWidget    *topics_pane;
  AdwHeaderBar *topics_header;
  GtkListBox   *topics;
  GtkWidget    *page_pane;
  GtkWidget    *back_button;
  GtkStack     *stack;
  char         *language;   /* of the pages shown; NULL for English */

  /* Row i of the topics shows page topic_pages[i], which starts with the
   * label topic_starts[i]. */
  const char   *topic_pages[G_N_ELEMENTS (help_pages)];
  GtkWidget    *topic_starts[G_N_ELEMENTS (help_pages)];
  guint         n_topics;
};

G_DEFINE_FINAL_TYPE (RdHelpWindow, rd_help_window, ADW_TYPE_WINDOW)

/* What the Mallard reader has seen: the blocks of the page so far, and the
 * block being written. Only what the help pages use is understood; other
 * elements keep their text. */
typedef enum {
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_ITEM,
  BLOCK_NOTE,
} BlockKind;

typedef struct {
  BlockKind  kind;
  char      *markup;
} Block;

typedef struct {
  GArray   *blocks;        /* Block */
  GString  *text;          /* the block being read, as Pango markup */
  gboolean  in_block;
  BlockKind kind;
  int       skip_depth;    /* inside <info>: nothing shown */
  int       section_depth;
  int       list_depth;
  gboolean  in_steps;
  guint     step;
  gboolean  in_note;
  gboolean  in_keyseq;
  guint     keys_in_seq;
} Reader;

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_free (block->markup);
}

static void
reader_begin_block (Reader    *reader,
                    BlockKind  kind)
{
  g_string_truncate (reader->text, 0);
  reader->in_block = TRUE;
  reader->kind = kind;
  if (kind == BLOCK_PARAGRAPH && reader->list_depth > 0)
    {
      reader->kind = BLOCK_ITEM;
      if (reader->in_steps)
        g_string_append_printf (reader->text, "%u. ", ++reader->step);
      else
        g_string_append (reader->text, "•  ");
    }
  else if (kind == BLOCK_PARAGRAPH && reader->in_note)
    reader->kind = BLOCK_NOTE;
}

/* Mallard's line breaks and indents are only where the author wrapped the
 * source: every run of white space is one space in the help. */
static char *
collapse_white_space (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, *p);
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static void
reader_end_block (Reader *reader)
{
  Block block;

  if (!reader->in_block)
    return;
  reader->in_block = FALSE;

  block.kind = reader->kind;
  block.markup = collapse_white_space (reader->text->str);
  if (block.markup[0] != '\0')
    g_array_append_val (reader->blocks, block);
  else
    g_free (block.markup);
}

static void
on_start_element (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **attribute_names,
                  const char          **attribute_values,
                  gpointer              user_data,
                  GError              **error)
{
  Reader *reader = user_data;

  if (reader->skip_depth > 0 || g_str_equal (element, "info"))
    {
      reader->skip_depth++;
      return;
    }

  if (g_str_equal (element, "title"))
    reader_begin_block (reader, reader->section_depth > 0 ? BLOCK_HEADING : BLOCK_TITLE);
  else if (g_str_equal (element, "p"))
    reader_begin_block (reader, BLOCK_PARAGRAPH);
  else if (g_str_equal (element, "section"))
    reader->section_depth++;
  else if (g_str_equal (element, "steps"))
    {
      reader->list_depth++;
      reader->in_steps = TRUE;
      reader->step = 0;
    }
  else if (g_str_equal (element, "list"))
    reader->list_depth++;
  else if (g_str_equal (element, "note"))
    reader->in_note = TRUE;
  else if (g_str_equal (element, "keyseq"))
    {
      reader->in_keyseq = TRUE;
      reader->keys_in_seq = 0;
    }
  else if (!reader->in_block)
    return;
  else if (g_str_equal (element, "key"))
    {
      if (reader->in_keyseq && reader->keys_in_seq++ > 0)
        g_string_append_c (reader->text, '+');
      g_string_append (reader->text, "<b>");
    }
  else if (g_str_equal (element, "gui"))
    g_string_append (reader->text, "<b>");
  else if (g_str_equal (element, "em") || g_str_equal (element, "var"))
    g_string_append (reader->text, "<i>");
  else if (g_str_equal (element, "cmd") || g_str_equal (element, "file") ||
           g_str_equal (element, "code"))
    g_string_append (reader->text, "<tt>");
}

static void
on_end_element (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  Reader *reader = user_data;

  if (reader->skip_depth > 0)
    {
      reader->skip_depth--;
      return;
    }

  if (g_str_equal (element, "title") || g_str_equal (element, "p"))
    reader_end_block (reader);
  else if (g_str_equal (element, "section"))
    reader->section_depth--;
  else if (g_str_equal (element, "steps"))
    {
      reader->list_depth--;
      reader->in_steps = FALSE;
    }
  else if (g_str_equal (element, "list"))
    reader->list_depth--;
  else if (g_str_equal (element, "note"))
    reader->in_note = FALSE;
  else if (g_str_equal (element, "keyseq"))
    reader->in_keyseq = FALSE;
  else if (!reader->in_block)
    return;
  else if (g_str_equal (element, "key") || g_str_equal (element, "gui"))
    g_string_append (reader->text, "</b>");
  else if (g_str_equal (element, "em") || g_str_equal (element, "var"))
    g_string_append (reader->text, "</i>");
  else if (g_str_equal (element, "cmd") || g_str_equal (element, "file") ||
           g_str_equal (element, "code"))
    g_string_append (reader->text, "</tt>");
}

static void
on_text (GMarkupParseContext  *context,
         const char           *text,
         gsize                 text_len,
         gpointer              user_data,
         GError              **error)
{
  Reader *reader = user_data;
  g_autofree char *escaped = NULL;

  if (reader->skip_depth > 0 || !reader->in_block)
    return;
  escaped = g_markup_escape_text (text, (gssize) text_len);
  g_string_append (reader->text, escaped);
}

static const GMarkupParser mallard_parser = {
  on_start_element, on_end_element, on_text, NULL, NULL,
};

/* The language the interface is in: that of the catalogue gettext chose
 * for Redress's own strings, as its header names it ("Language: cy").
 * Asking gettext, rather than reading LANGUAGE and the locale ourselves,
 * keeps the help in the language of the window that opened it, also where
 * the environment names a language Redress has no translation for. NULL
 * when the interface is in English. */
static char *
interface_language (void)
{
  /* The empty msgid is the catalogue's header. It is kept in a variable so
   * that xgettext does not take it for a message. */
  static const char header_id[] = "";
  const char *header = dgettext (GETTEXT_PACKAGE, header_id);
  const char *field = NULL;

  if (header == header_id || header[0] == '\0')
    return NULL;
  if (g_str_has_prefix (header, "Language:"))
    field = header;
  else
    field = strstr (header, "\nLanguage:");
  if (field == NULL)
    return NULL;
  field = strchr (field, ':') + 1;
  return g_strstrip (g_strndup (field, strcspn (field, "\n")));
}

static gboolean
help_has_language (const char *language)
{
  g_autofree char *path = g_strconcat (HELP_RESOURCE_DIR, language, "/index.page", NULL);

  return g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL);
}

/* The translation of the help for the interface's language, if there is
 * one: "pl_PL" finds "pl". NULL for the English pages. */
static char *
help_language (void)
{
  g_autofree char *language = interface_language ();

  if (language == NULL || language[0] == '\0')
    return NULL;
  /* From the most to the least particular: ll_CC.codeset@modifier, then
   * without the modifier, the codeset, the country. */
  for (const char *separator = "@._"; ; separator++)
    {
      char *cut;

      if (help_has_language (language))
        return g_steal_pointer (&language);
      if (*separator == '\0')
        return NULL;
      cut = strchr (language, *separator);
      if (cut != NULL)
        *cut = '\0';
    }
}

/* Reads one page of the help into blocks of Pango markup: the page in
 * @language when there is one, else the English page. */
static GArray *
read_page (const char  *language,
           const char  *page,
           GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GArray *blocks;
  Reader reader = { 0 };
  gsize size;
  const char *data;

  if (language != NULL)
    {
      path = g_strconcat (HELP_RESOURCE_DIR, language, "/", page, ".page", NULL);
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    }
  if (bytes == NULL)
    {
      g_free (path);
      path = g_strconcat (HELP_RESOURCE_DIR, page, ".page", NULL);
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
    }
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);

  blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  g_array_set_clear_func (blocks, block_clear);
  reader.blocks = blocks;
  reader.text = text;
  context = g_markup_parse_context_new (&mallard_parser, G_MARKUP_IGNORE_QUALIFIED, &reader, NULL);
  if (!g_markup_parse_context_parse (context, data, (gssize) size, error) ||
      !g_markup_parse_context_end_parse (context, error))
    {
      g_array_unref (blocks);
      return NULL;
    }
  return blocks;
}

static GtkWidget *
make_block_label (const Block *block)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), block->markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_focusable (label, FALSE);

  switch (block->kind)
    {
    case BLOCK_TITLE:
      gtk_widget_add_css_class (label, "title-1");
      break;
    case BLOCK_HEADING:
      gtk_widget_add_css_class (label, "title-3");
      gtk_widget_set_margin_top (label, 12);
      break;
    case BLOCK_ITEM:
      gtk_widget_set_margin_start (label, 18);
      break;
    case BLOCK_NOTE:
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_start (label, 18);
      break;
    case BLOCK_PARAGRAPH:
    default:
      break;
    }
  return label;
}

/* A topic of the list: its title, wrapped between words, as the page's
 * heading has it (a list that scrolls sideways cut the titles at twice
 * the text size, with no ellipsis to say so). */
static GtkWidget *
make_topic_row (const char *title)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

static void
add_page (RdHelpWindow *self,
          const char   *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) blocks = read_page (self->language, page, &error);
  g_autofree char *plain = NULL;
  GtkWidget *scrolled, *clamp, *box;
  const char *title = page;

  if (blocks == NULL)
    {
      g_warning ("Could not read the help page “%s”: %s", page, error->message);
      return;
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  g_assert (self->n_topics < G_N_ELEMENTS (help_pages));
  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *block = &g_array_index (blocks, Block, i);
      GtkWidget *label = make_block_label (block);

      if (block->kind == BLOCK_TITLE && title == page)
        title = block->markup;
      /* Opening the topic takes the focus to its first words, where a
       * screen reader starts reading. */
      if (i == 0)
        {
          gtk_widget_set_focusable (label, TRUE);
          self->topic_starts[self->n_topics] = label;
        }
      gtk_box_append (GTK_BOX (box), label);
    }

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);

  /* The topics show the title as plain text. */
  pango_parse_markup (title, -1, 0, NULL, &plain, NULL, NULL);
  gtk_stack_add_titled (self->stack, scrolled, page, plain != NULL ? plain : page);
  gtk_list_box_append (self->topics, make_topic_row (plain != NULL ? plain : page));
  self->topic_pages[self->n_topics++] = page;
}

static gboolean
shows_one_pane (RdHelpWindow *self)
{
  return adw_leaflet_get_folded (self->leaflet);
}

/* The row of @page in the topics, or -1 */
static int
topic_index (RdHelpWindow *self,
             const char   *page)
{
  for (guint i = 0; i < self->n_topics; i++)
    if (g_str_equal (self->topic_pages[i], page))
      return (int) i;
  return -1;
}

/* Shows topic @index beside the topics, or over them when there is room
 * for one pane only, and takes the keyboard to its first words. */
static void
open_topic (RdHelpWindow *self,
            int           index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->topics, index);

  g_assert (index >= 0 && (guint) index < self->n_topics);
  gtk_stack_set_visible_child_name (self->stack, self->topic_pages[index]);
  if (gtk_list_box_get_selected_row (self->topics) != row)
    gtk_list_box_select_row (self->topics, row);
  adw_leaflet_set_visible_child (self->leaflet, self->page_pane);
  if (self->topic_starts[index] != NULL)
    {
      GtkLabel *start = GTK_LABEL (self->topic_starts[index]);

      gtk_widget_grab_focus (GTK_WIDGET (start));
      /* A selectable label selects its text as it takes the focus. */
      gtk_label_select_region (start, 0, 0);
    }
}

static void
on_topic_activated_cb (GtkListBox    *topics,
                       GtkListBoxRow *row,
                       RdHelpWindow  *self)
{
  open_topic (self, gtk_list_box_row_get_index (row));
}

/* Moving through the topics shows each beside the list; over it, only
 * Return (or a click) opens one. */
static void
on_topic_selected_cb (GtkListBox    *topics,
                      GtkListBoxRow *row,
                      RdHelpWindow  *self)
{
  if (row != NULL)
    gtk_stack_set_visible_child_name (self->stack,
                                      self->topic_pages[gtk_list_box_row_get_index (row)]);
}

/* Back on the topics over the page (by the back button, Alt+Left,
 * Escape, a swipe or the mouse's back button), the keyboard is back on
 * the topic it left. */
static void
on_visible_pane_cb (RdHelpWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->topics);

  if (shows_one_pane (self) && adw_leaflet_get_visible_child (self->leaflet) == self->topics_pane
      && row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Back from a page to the topics, when they are not shown beside it */
static gboolean
go_back (RdHelpWindow *self)
{
  if (!shows_one_pane (self) || adw_leaflet_get_visible_child (self->leaflet) != self->page_pane)
    return FALSE;
  return adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
back_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  go_back (RD_HELP_WINDOW (widget));
}

/* Escape goes back to the topics over a page, and closes the help from
 * the topics or where both are shown. */
static void
back_or_close_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  if (!go_back (RD_HELP_WINDOW (widget)))
    gtk_window_close (GTK_WINDOW (widget));
}

static void
rd_help_window_finalize (GObject *object)
{
  RdHelpWindow *self = RD_HELP_WINDOW (object);

  g_free (self->language);
  G_OBJECT_CLASS (rd_help_window_parent_class)->finalize (object);
}

static void
rd_help_window_class_init (RdHelpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rd_help_window_finalize;
  gtk_widget_class_install_action (widget_class, "help.back", NULL, back_action_cb);
  gtk_widget_class_install_action (widget_class, "help.back-or-close", NULL,
                                   back_or_close_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "help.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "help.back-or-close", NULL);
}

/* The topics, under a header that has the window's buttons when they are
 * all that is shown */
static GtkWidget *
make_topics_pane (RdHelpWindow *self)
{
  GtkWidget *pane = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->topics = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->topics), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->topics),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Help topics"), -1);
  g_signal_connect_object (self->topics, "row-activated", G_CALLBACK (on_topic_activated_cb),
                           self, 0);
  g_signal_connect_object (self->topics, "row-selected", G_CALLBACK (on_topic_selected_cb),
                           self, 0);

  /* Never sideways: the titles wrap at the list's width. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->topics));
  gtk_widget_set_vexpand (scrolled, TRUE);

  gtk_box_append (GTK_BOX (pane), header);
  gtk_box_append (GTK_BOX (pane), scrolled);
  gtk_widget_set_size_request (pane, 240, -1);
  self->topics_header = ADW_HEADER_BAR (header);
  return pane;
}

/* The page, under a header with a way back to the topics when it is shown
 * over them */
static GtkWidget *
make_page_pane (RdHelpWindow *self)
{
  GtkWidget *pane = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");

  gtk_widget_set_tooltip_text (back, _("Back"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Back"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "help.back");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);
  /* The page's heading names it, under the header. */
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("", NULL));

  gtk_box_append (GTK_BOX (pane), header);
  gtk_box_append (GTK_BOX (pane), GTK_WIDGET (self->stack));
  gtk_widget_set_size_request (pane, 300, -1);
  gtk_widget_set_hexpand (pane, TRUE);
  self->back_button = back;
  return pane;
}

static void
rd_help_window_init (RdHelpWindow *self)
{
  GtkWidget *separator;

  gtk_window_set_title (GTK_WINDOW (self), _("Redress Help"));
  gtk_window_set_default_size (GTK_WINDOW (self), 860, 640);

  self->language = help_language ();
  self->stack = GTK_STACK (gtk_stack_new ());
  self->topics_pane = make_topics_pane (self);
  for (guint i = 0; i < G_N_ELEMENTS (help_pages); i++)
    add_page (self, help_pages[i]);
  self->page_pane = make_page_pane (self);

  /* As GNOME's apps at a phone's width: the topics beside the page where
   * there is room for both, else one over the other. */
  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  adw_leaflet_append (self->leaflet, self->topics_pane);
  separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  adw_leaflet_page_set_navigatable (adw_leaflet_append (self->leaflet, separator), FALSE);
  adw_leaflet_append (self->leaflet, self->page_pane);
  adw_leaflet_set_visible_child (self->leaflet, self->topics_pane);

  g_object_bind_property (self->leaflet, "folded", self->back_button, "visible",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->leaflet, "folded", self->topics_header, "show-end-title-buttons",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->leaflet, "notify::visible-child", G_CALLBACK (on_visible_pane_cb),
                           self, G_CONNECT_SWAPPED);
  /* The keyboard starts on the topics, as a page shown in their place
   * would otherwise take it to its first words and select them. */
  if (self->n_topics > 0)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->topics, 0);

      gtk_list_box_select_row (self->topics, first);
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (first));
    }
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->leaflet));
}

/**
 * rd_help_window_select_page:
 * @page: a help page's id ("diary"), or %NULL for the first page
 *
 * Shows @page, over the topics when there is room for one pane only,
 * with the keyboard on its first words; an unknown id leaves the window
 * on the page it shows.
 */
void
rd_help_window_select_page (RdHelpWindow *self,
                            const char   *page)
{
  int index;

  g_return_if_fail (RD_IS_HELP_WINDOW (self));

  index = page != NULL ? topic_index (self, page) : -1;
  if (index >= 0)
    open_topic (self, index);
}

GtkWidget *
rd_help_window_new (GtkWindow  *parent,
                    const char *page)
{
  RdHelpWindow *self = g_object_new (RD_TYPE_HELP_WINDOW,
                                     "transient-for", parent,
                                     NULL);

  rd_help_window_select_page (self, page);
  return GTK_WIDGET (self);
}

/* yelp is the desktop's help browser; it shows the installed, translated
 * pages. It only helps when the pages are installed where it looks. */
static gboolean
help_installed_for_yelp (void)
{
  g_autofree char *yelp = g_find_program_in_path ("yelp");
  const char *const *dirs;

  if (yelp == NULL)
    return FALSE;
  dirs = g_get_system_data_dirs ();
  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *index = g_build_filename (dirs[i], "help", "C", PACKAGE_NAME,
                                                 "index.page", NULL);
      if (g_file_test (index, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    }
  return FALSE;
}

/**
 * rd_help_show:
 * @parent: (nullable): the window asking
 * @page: (nullable): a help page's id, or %NULL for the guide
 *
 * Opens the help: in yelp when it and the installed pages are there (so
 * the user reads it in their own language), otherwise in Redress's own
 * help window, which is always there.
 */
void
rd_help_show (GtkWindow  *parent,
              const char *page)
{
  if (g_getenv ("REDRESS_OWN_HELP") == NULL && help_installed_for_yelp ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *uri = page != NULL ? g_strdup_printf ("help:%s/%s", PACKAGE_NAME, page)
                                          : g_strdup_printf ("help:%s", PACKAGE_NAME);
      g_autoptr(GSubprocess) yelp = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                                                      "yelp", uri, NULL);
      if (yelp != NULL)
        return;
      g_warning ("Could not start yelp: %s", error->message);
    }

  gtk_window_present (GTK_WINDOW (rd_help_window_new (parent, page)));
}
