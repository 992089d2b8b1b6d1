/* rd-bundle-layout.c: a bundle's lettered sections and what goes in each.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A layout is a list of sections, each a letter, a title and the items it
 * holds first, in order: exhibit numbers, and the names of the parts
 * Redress writes (RD_LAYOUT_LETTER …). An item no section names goes in
 * the section its kind goes in by default (rd_bundle_layout_place()),
 * after the named ones. As JSON (the CLI's --layout, and what is kept with
 * the case):
 *
 *   { "sections": [
 *       { "letter": "A", "title": "The complaint and letters", "contents": ["letter"] },
 *       { "letter": "C", "title": "Correspondence", "contents": [4, 2] } ] }
 *
 * "title" may be left out for A–E: the default title, in the bundle's
 * language, is used.
 */
#define G_LOG_DOMAIN "rd-bundle"

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rd-bundle-layout.h"
#include "rd-bundle-private.h"
#include "rd-gettext.h"

typedef struct
{
  char      *letter;
  char      *title;     /* NULL: the default for the letter */
  GPtrArray *contents;  /* char*: exhibit numbers and part names */
} Section;

struct _RdBundleLayout
{
  GPtrArray *sections;  /* Section* */
};

static void
section_free (gpointer data)
{
  Section *s = data;

  g_free (s->letter);
  g_free (s->title);
  g_ptr_array_unref (s->contents);
  g_free (s);
}

static Section *
section_new (const char *letter,
             const char *title)
{
  Section *s = g_new0 (Section, 1);

  s->letter = g_strdup (letter);
  s->title = g_strdup (title);
  s->contents = g_ptr_array_new_with_free_func (g_free);
  return s;
}

static RdBundleLayout *
layout_new (void)
{
  RdBundleLayout *layout = g_new0 (RdBundleLayout, 1);

  layout->sections = g_ptr_array_new_with_free_func (section_free);
  return layout;
}

/* The default sections, as Practice Direction 27A bundles are ordered:
 * the case first, then the story, then the evidence by kind. */
static const char * const default_letters[] = { "A", "B", "C", "D", "E" };

static const char *
default_title (const char *letter)
{
  if (g_strcmp0 (letter, "A") == 0)
    return _("The complaint and letters");
  if (g_strcmp0 (letter, "B") == 0)
    return _("Chronology and what went wrong");
  if (g_strcmp0 (letter, "C") == 0)
    return _("Correspondence");
  if (g_strcmp0 (letter, "D") == 0)
    return _("Photographs and recordings");
  if (g_strcmp0 (letter, "E") == 0)
    return _("Other documents");
  return NULL;
}

/**
 * rd_bundle_layout_new_default:
 *
 * Sections A to E: the complaint and letters, the chronology and what went
 * wrong, correspondence, photographs and recordings, other documents.
 */
RdBundleLayout *
rd_bundle_layout_new_default (void)
{
  RdBundleLayout *layout = layout_new ();

  for (guint i = 0; i < G_N_ELEMENTS (default_letters); i++)
    g_ptr_array_add (layout->sections, section_new (default_letters[i], NULL));
  return layout;
}

void
rd_bundle_layout_free (RdBundleLayout *layout)
{
  if (layout == NULL)
    return;
  g_ptr_array_unref (layout->sections);
  g_free (layout);
}

static gboolean
is_item (const char *item)
{
  if (g_str_equal (item, RD_LAYOUT_LETTER) || g_str_equal (item, RD_LAYOUT_WHAT_WENT_WRONG) ||
      g_str_equal (item, RD_LAYOUT_CHRONOLOGY))
    return TRUE;
  if (*item == '\0' || *item == '0')
    return FALSE;
  for (const char *p = item; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return strlen (item) < 10;
}

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, message);
  return FALSE;
}

/* One section of the JSON, added to @layout, or FALSE with @error set. */
static gboolean
read_section (RdBundleLayout  *layout,
              JsonNode        *node,
              GHashTable      *seen,
              GError         **error)
{
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *letter = o ? json_object_get_string_member_with_default (o, "letter", NULL) : NULL;
  const char *title = o ? json_object_get_string_member_with_default (o, "title", NULL) : NULL;
  JsonArray *contents = NULL;
  Section *s;

  if (letter == NULL || *letter == '\0' || g_utf8_strlen (letter, -1) > 3 ||
      !g_hash_table_add (seen, g_strconcat ("section:", letter, NULL)))
    return invalid (error, UI_("Each section of the layout needs a letter of its own, such as "
                               "\"letter\": \"A\"."));
  if (json_object_has_member (o, "contents"))
    {
      JsonNode *c = json_object_get_member (o, "contents");

      if (!JSON_NODE_HOLDS_ARRAY (c))
        return invalid (error, UI_("A section’s \"contents\" in the layout is a list, such as "
                                   "[\"letter\", 3, 5]."));
      contents = json_node_get_array (c);
    }
  s = section_new (letter, title != NULL && *title != '\0' ? title : NULL);
  g_ptr_array_add (layout->sections, s);
  for (guint i = 0; contents != NULL && i < json_array_get_length (contents); i++)
    {
      JsonNode *item = json_array_get_element (contents, i);
      g_autofree char *text = NULL;

      if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_INT64)
        text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (item));
      else if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
        text = g_strdup (json_node_get_string (item));
      if (text == NULL || !is_item (text))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       UI_("Section %s of the layout holds something that is neither an "
                           "exhibit number nor “letter”, “what-went-wrong” or “chronology”."),
                       letter);
          return FALSE;
        }
      if (!g_hash_table_add (seen, g_strdup (text)))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       UI_("The layout names “%s” twice."), text);
          return FALSE;
        }
      g_ptr_array_add (s->contents, g_steal_pointer (&text));
    }
  return TRUE;
}

/**
 * rd_bundle_layout_new_from_json:
 *
 * Reads a layout (see the top of this file). Exhibit numbers are not
 * checked against a case here.
 *
 * Returns: (transfer full): the layout, or %NULL with @error set
 *   (%G_IO_ERROR_INVALID_ARGUMENT, a sentence saying what is wrong)
 */
RdBundleLayout *
rd_bundle_layout_new_from_json (const char  *json,
                                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RdBundleLayout) layout = layout_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonNode *root, *sections;

  if (!json_parser_load_from_data (parser, json, -1, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   UI_("The layout is not JSON Redress can read: %s"), local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  sections = root != NULL && JSON_NODE_HOLDS_OBJECT (root)
             ? json_object_get_member (json_node_get_object (root), "sections") : NULL;
  if (sections == NULL || !JSON_NODE_HOLDS_ARRAY (sections) ||
      json_array_get_length (json_node_get_array (sections)) == 0)
    {
      invalid (error, UI_("A layout is an object with a list of \"sections\", each with a "
                          "\"letter\", a \"title\" and its \"contents\"."));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (sections)); i++)
    if (!read_section (layout, json_array_get_element (json_node_get_array (sections), i),
                       seen, error))
      return NULL;
  return g_steal_pointer (&layout);
}

guint
rd_bundle_layout_get_n_sections (RdBundleLayout *layout)
{
  return layout->sections->len;
}

const char *
rd_bundle_layout_get_letter (RdBundleLayout *layout,
                             guint           section)
{
  g_return_val_if_fail (section < layout->sections->len, NULL);
  return ((Section *) layout->sections->pdata[section])->letter;
}

/**
 * rd_bundle_layout_dup_title:
 *
 * The section's title: its own, or the default for its letter in the
 * language of the moment (see rd_i18n_push_language()).
 */
char *
rd_bundle_layout_dup_title (RdBundleLayout *layout,
                            guint           section)
{
  Section *s;

  g_return_val_if_fail (section < layout->sections->len, NULL);
  s = layout->sections->pdata[section];
  if (s->title != NULL)
    return g_strdup (s->title);
  if (default_title (s->letter) != NULL)
    return g_strdup (default_title (s->letter));
  /* Translators: the title of a section the resident gave no title: "Section F" */
  return g_strdup_printf (_("Section %s"), s->letter);
}

/**
 * rd_bundle_layout_place:
 * @item: an exhibit number ("7") or a part's name (RD_LAYOUT_LETTER …)
 * @default_letter: the section it goes in when no section names it
 * @rank: (out): its place among the section's named items; G_MAXUINT when
 *   it is not named (it then follows them, in the bundle's own order)
 *
 * Returns: the section @item goes in: the one that names it, else the one
 *   with @default_letter, else the last
 */
guint
rd_bundle_layout_place (RdBundleLayout *layout,
                        const char     *item,
                        const char     *default_letter,
                        guint          *rank)
{
  guint fallback = layout->sections->len - 1;

  for (guint i = 0; i < layout->sections->len; i++)
    {
      Section *s = layout->sections->pdata[i];
      guint k;

      if (g_ptr_array_find_with_equal_func (s->contents, item, g_str_equal, &k))
        {
          *rank = k;
          return i;
        }
      if (g_strcmp0 (s->letter, default_letter) == 0)
        fallback = i;
    }
  *rank = G_MAXUINT;
  return fallback;
}

/* What @section names, in order: exhibit numbers and part names (char*). */
GPtrArray *
_rd_bundle_layout_get_contents (RdBundleLayout *layout,
                               guint           section)
{
  g_return_val_if_fail (section < layout->sections->len, NULL);
  return ((Section *) layout->sections->pdata[section])->contents;
}

/* Sets what @section holds, in order (used to write the layout out as it
 * came to be, every item named). */
void
rd_bundle_layout_set_contents (RdBundleLayout     *layout,
                               guint               section,
                               const char * const *items)
{
  Section *s;

  g_return_if_fail (section < layout->sections->len);
  s = layout->sections->pdata[section];
  g_ptr_array_set_size (s->contents, 0);
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    g_ptr_array_add (s->contents, g_strdup (items[i]));
}

/**
 * rd_bundle_layout_to_json:
 *
 * Returns: (transfer full): the layout as rd_bundle_layout_new_from_json()
 *   reads it, every title written out, exhibit numbers as numbers
 */
char *
rd_bundle_layout_to_json (RdBundleLayout *layout)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < layout->sections->len; i++)
    {
      Section *s = layout->sections->pdata[i];
      g_autofree char *title = rd_bundle_layout_dup_title (layout, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "letter");
      json_builder_add_string_value (builder, s->letter);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, title);
      json_builder_set_member_name (builder, "contents");
      json_builder_begin_array (builder);
      for (guint k = 0; k < s->contents->len; k++)
        {
          const char *item = s->contents->pdata[k];

          if (g_ascii_isdigit (*item))
            json_builder_add_int_value (builder, g_ascii_strtoll (item, NULL, 10));
          else
            json_builder_add_string_value (builder, item);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}
