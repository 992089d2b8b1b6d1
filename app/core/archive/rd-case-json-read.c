/* rd-case-json-read.c: the line of every field of a JSON document, and strict readers that name it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-json"

#include "config.h"

#include <inttypes.h>
#include "rd-gettext.h"
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "rd-case-json-private.h"
#include "rd-datetime.h"


void
_rd_json_lines_clear (RdJsonLines *lines)
{
  g_clear_pointer (&lines->open_lines, g_array_unref);
  g_clear_pointer (&lines->container_lines, g_hash_table_unref);
  g_clear_pointer (&lines->member_lines, g_hash_table_unref);
  g_clear_pointer (&lines->element_lines, g_hash_table_unref);
  g_clear_pointer (&lines->duplicate_name, g_free);
}

/* Drops what is remembered of @node and everything in it, before it is
 * freed: its address may be given to a new container, which must not
 * inherit its members. */
void
_rd_json_lines_forget (RdJsonLines *lines,
                       JsonNode    *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, object);
      while (json_object_iter_next (&iter, NULL, &member))
        _rd_json_lines_forget (lines, member);
      g_hash_table_remove (lines->member_lines, object);
      g_hash_table_remove (lines->container_lines, object);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0, n = json_array_get_length (array); i < n; i++)
        _rd_json_lines_forget (lines, json_array_get_element (array, i));
      g_hash_table_remove (lines->element_lines, array);
      g_hash_table_remove (lines->container_lines, array);
    }
}

/* The line in the whole document: a part parsed alone counts from 1. */
static guint
current_line (JsonParser  *parser,
              RdJsonLines *lines)
{
  return json_parser_get_current_line (parser) + lines->line_offset;
}

static void
on_container_start_cb (JsonParser  *parser,
                       RdJsonLines *lines)
{
  guint line = current_line (parser, lines);

  g_array_append_val (lines->open_lines, line);
}

static void
on_container_end_cb (JsonParser  *parser,
                     gpointer     container,
                     RdJsonLines *lines)
{
  guint line;

  g_return_if_fail (lines->open_lines->len > 0);
  line = g_array_index (lines->open_lines, guint, lines->open_lines->len - 1);
  g_array_set_size (lines->open_lines, lines->open_lines->len - 1);
  g_hash_table_insert (lines->container_lines, container, GUINT_TO_POINTER (line));
}

static void
on_object_member_cb (JsonParser  *parser,
                     JsonObject  *object,
                     const char  *name,
                     RdJsonLines *lines)
{
  _rd_json_lines_member (lines, object, name, current_line (parser, lines));
}

/* Remembers the line of member @name of @object. JsonObject keeps the last
 * of two members of one name: which one the writer meant is unknown, so
 * the document is refused after parsing, at the earliest such line (parts
 * of a document may be parsed out of order). */
void
_rd_json_lines_member (RdJsonLines *lines,
                       JsonObject  *object,
                       const char  *name,
                       guint        line)
{
  GHashTable *members = g_hash_table_lookup (lines->member_lines, object);

  if (members == NULL)
    {
      members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (lines->member_lines, object, members);
    }
  if (g_hash_table_contains (members, name) &&
      (lines->duplicate_name == NULL || line < lines->duplicate_line))
    {
      g_free (lines->duplicate_name);
      lines->duplicate_name = g_strdup (name);
      lines->duplicate_line = line;
    }
  g_hash_table_insert (members, g_strdup (name), GUINT_TO_POINTER (line));
}

static void
on_array_element_cb (JsonParser  *parser,
                     JsonArray   *array,
                     int          index,
                     RdJsonLines *lines)
{
  _rd_json_lines_element (lines, array, index, current_line (parser, lines));
}

/* Remembers the line of element @index of @array. */
void
_rd_json_lines_element (RdJsonLines *lines,
                        JsonArray   *array,
                        guint        index,
                        guint        line)
{
  GArray *elements = g_hash_table_lookup (lines->element_lines, array);

  if (elements == NULL)
    {
      elements = g_array_new (FALSE, TRUE, sizeof (guint));
      g_hash_table_insert (lines->element_lines, array, elements);
    }
  if (index >= elements->len)
    g_array_set_size (elements, index + 1);
  g_array_index (elements, guint, index) = line;
}

/* Starts recording the lines of what @parser builds; the handlers stop
 * with the parser. */
void
_rd_json_lines_init (RdJsonLines *lines,
                     JsonParser  *parser)
{
  lines->open_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  lines->container_lines = g_hash_table_new (NULL, NULL);
  lines->member_lines = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  lines->element_lines = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  lines->line_offset = 0;
  if (parser != NULL)
    _rd_json_lines_attach (lines, parser, 1);
}

/* Records the lines of what @parser builds from a part of the document
 * that starts on @first_line. */
void
_rd_json_lines_attach (RdJsonLines *lines,
                       JsonParser  *parser,
                       guint        first_line)
{
  lines->line_offset = first_line - 1;
  g_array_set_size (lines->open_lines, 0);
  g_signal_connect (parser, "object-start", G_CALLBACK (on_container_start_cb), lines);
  g_signal_connect (parser, "array-start", G_CALLBACK (on_container_start_cb), lines);
  g_signal_connect (parser, "object-end", G_CALLBACK (on_container_end_cb), lines);
  g_signal_connect (parser, "array-end", G_CALLBACK (on_container_end_cb), lines);
  g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member_cb), lines);
  g_signal_connect (parser, "array-element", G_CALLBACK (on_array_element_cb), lines);
}

guint
_rd_json_container_line (RdJsonCtx *ctx,
                         gpointer   container)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (ctx->lines.container_lines, container));
}

static guint
node_line (RdJsonCtx *ctx,
           JsonNode  *node,
           guint      fallback)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _rd_json_container_line (ctx, json_node_get_object (node));
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _rd_json_container_line (ctx, json_node_get_array (node));
  return fallback;
}

/* The line a member starts on; for a missing member, where its object opens. */
guint
_rd_json_member_line (RdJsonCtx  *ctx,
                      JsonObject *object,
                      const char *name)
{
  GHashTable *members = g_hash_table_lookup (ctx->lines.member_lines, object);
  JsonNode *node = json_object_get_member (object, name);
  guint line = members ? GPOINTER_TO_UINT (g_hash_table_lookup (members, name)) : 0;

  if (node == NULL)
    return _rd_json_container_line (ctx, object);
  return node_line (ctx, node, line);
}

/* The line of @node, element @index of @array (the parser's count, which
 * the streamed diary keeps though its entries leave the list). */
static guint
element_node_line (RdJsonCtx *ctx,
                   JsonArray *array,
                   guint      index,
                   JsonNode  *node)
{
  GArray *elements = g_hash_table_lookup (ctx->lines.element_lines, array);
  guint line = elements && index < elements->len ? g_array_index (elements, guint, index) : 0;

  return node_line (ctx, node, line);
}

guint
_rd_json_element_line (RdJsonCtx *ctx,
                       JsonArray *array,
                       guint      index)
{
  return element_node_line (ctx, array, index, json_array_get_element (array, index));
}

gboolean
_rd_json_fail (RdJsonCtx  *ctx,
               guint       line,
               const char *path,
               const char *format,
               ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (ctx->error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_INVALID,
               /* Translators: "Line 14, field “contacts[2].occurred_at”: “2024-02-30” is not a real date." */
               _("Nothing was imported. Line %u, field “%s”: %s"), line, path, problem);
  return FALSE;
}

char *
_rd_json_join_path (const char *parent,
                    const char *name)
{
  return *parent ? g_strdup_printf ("%s.%s", parent, name) : g_strdup (name);
}

/* Fails at the member @name of @object, at @path: the line its value is on. */
static gboolean G_GNUC_PRINTF (5, 6)
fail_member (RdJsonCtx  *ctx,
             JsonObject *object,
             const char *path,
             const char *name,
             const char *format,
             ...)
{
  g_autofree char *field = _rd_json_join_path (path, name);
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);
  return _rd_json_fail (ctx, _rd_json_member_line (ctx, object, name), field, "%s", problem);
}

/* Refuses members the format does not have: a typo must not be ignored. */
gboolean
_rd_json_check_members (RdJsonCtx          *ctx,
                        JsonObject         *object,
                        const char         *path,
                        const char * const *known)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        g_autofree char *field = _rd_json_join_path (path, l->data);

        return _rd_json_fail (ctx, _rd_json_member_line (ctx, object, l->data), field,
                     _("Redress does not know this field. Check its spelling."));
      }
  return TRUE;
}

/* Reads a text member; a missing or null one is "" unless @required. */
gboolean
_rd_json_read_string (RdJsonCtx   *ctx,
                      JsonObject  *object,
                      const char  *path,
                      const char  *name,
                      gboolean     required,
                      const char **out)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = "";
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail_member (ctx, object, path, name,
                            _("This field is missing, and Redress needs it."));
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail_member (ctx, object, path, name, _("This should be text in quotes."));
  *out = json_node_get_string (node);
  return TRUE;
}

typedef gpointer (*ParseFunc) (const char  *text,
                               GError     **error);

/* A text member read by @parse; empty, missing or null gives %NULL. */
static gboolean
read_parsed (RdJsonCtx   *ctx,
             JsonObject  *object,
             const char  *path,
             const char  *name,
             gboolean     required,
             ParseFunc    parse,
             gpointer    *out)
{
  g_autoptr(GError) local_error = NULL;
  const char *text;

  *out = NULL;
  if (!_rd_json_read_string (ctx, object, path, name, required, &text))
    return FALSE;
  if (*text == '\0')
    return TRUE;
  *out = parse (text, &local_error);
  if (*out == NULL)
    return fail_member (ctx, object, path, name, "%s", local_error->message);
  return TRUE;
}

gboolean
_rd_json_read_date (RdJsonCtx   *ctx,
                    JsonObject  *object,
                    const char  *path,
                    const char  *name,
                    gboolean     required,
                    GDate      **out)
{
  return read_parsed (ctx, object, path, name, required, (ParseFunc) rd_date_parse_iso,
                      (gpointer *) out);
}

gboolean
_rd_json_read_datetime (RdJsonCtx   *ctx,
                        JsonObject  *object,
                        const char  *path,
                        const char  *name,
                        gboolean     required,
                        GDateTime  **out)
{
  return read_parsed (ctx, object, path, name, required, (ParseFunc) rd_datetime_parse_local,
                      (gpointer *) out);
}

gboolean
_rd_json_read_bool (RdJsonCtx  *ctx,
                    JsonObject *object,
                    const char *path,
                    const char *name,
                    gboolean   *out)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail_member (ctx, object, path, name, _("This should be true or false."));
  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
_rd_json_read_int (RdJsonCtx  *ctx,
                   JsonObject *object,
                   const char *path,
                   const char *name,
                   gint64      min,
                   gint64      max,
                   gint64     *out)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < min || json_node_get_int (node) > max)
    return fail_member (ctx, object, path, name,
                        _("This should be a whole number from %" PRId64 " to %" PRId64 "."),
                        min, max);
  *out = json_node_get_int (node);
  return TRUE;
}

/* A list member; missing or null is an empty list. */
gboolean
_rd_json_read_array (RdJsonCtx   *ctx,
                     JsonObject  *object,
                     const char  *path,
                     const char  *name,
                     JsonArray  **out)
{
  JsonNode *node = json_object_get_member (object, name);
  guint length;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_member (ctx, object, path, name,
                        _("This should be a list in square brackets [ ]."));
  *out = json_node_get_array (node);
  /* The streamed diary has left the list as it was read. */
  length = *out == ctx->stream.array ? ctx->stream.n_seen : json_array_get_length (*out);
  if (length > RD_CASE_JSON_MAX_RECORDS)
    return fail_member (ctx, object, path, name,
                        _("This list has %u entries; Redress takes at most %u in one list."),
                        length, RD_CASE_JSON_MAX_RECORDS);
  return TRUE;
}

gboolean
_rd_json_element_object (RdJsonCtx   *ctx,
                         JsonArray   *array,
                         guint        index,
                         const char  *path,
                         JsonObject **out)
{
  return _rd_json_node_object (ctx, array, index, json_array_get_element (array, index), path, out);
}

/* The same for @node, which was element @index of @array. */
gboolean
_rd_json_node_object (RdJsonCtx   *ctx,
                      JsonArray   *array,
                      guint        index,
                      JsonNode    *node,
                      const char  *path,
                      JsonObject **out)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _rd_json_fail (ctx, element_node_line (ctx, array, index, node), path,
                 _("This should be an object in curly brackets { }."));
  *out = json_node_get_object (node);
  return TRUE;
}

/* Turns a list of keys into the comma-separated form the models parse,
 * refusing any key @valid does not accept. */
gboolean
_rd_json_read_keys (RdJsonCtx   *ctx,
                    JsonObject  *object,
                    const char  *path,
                    const char  *name,
                    gboolean   (*valid) (const char *key),
                    const char  *choices,
                    char       **out)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autofree char *field = _rd_json_join_path (path, name);
  JsonArray *array;

  *out = NULL;
  if (!_rd_json_read_array (ctx, object, path, name, &array))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *item = g_strdup_printf ("%s[%u]", field, i);
      const char *key;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return _rd_json_fail (ctx, _rd_json_element_line (ctx, array, i), item, _("This should be text in quotes."));
      key = json_node_get_string (node);
      if (!valid (key))
        return _rd_json_fail (ctx, _rd_json_element_line (ctx, array, i), item,
                     _("“%s” is not one of: %s."), key, choices);
      if (joined->len > 0)
        g_string_append_c (joined, ',');
      g_string_append (joined, key);
    }
  *out = g_string_free (g_steal_pointer (&joined), FALSE);
  return TRUE;
}

/* An id in the document is a number or a text; both are kept as text. */
char *
_rd_json_id_key (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return NULL;
}

gboolean
_rd_json_read_id (RdJsonCtx  *ctx,
                  JsonObject *object,
                  const char *path,
                  GHashTable *ids,
                  gint64      value)
{
  JsonNode *node = json_object_get_member (object, "id");
  g_autofree char *field = _rd_json_join_path (path, "id");
  g_autofree char *key = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  key = _rd_json_id_key (node);
  if (key == NULL)
    return _rd_json_fail (ctx, _rd_json_member_line (ctx, object, "id"), field,
                 _("An id should be a number or a text."));
  if (g_hash_table_contains (ids, key))
    return _rd_json_fail (ctx, _rd_json_member_line (ctx, object, "id"), field,
                 _("Another entry in this list already has the id “%s”."), key);
  g_hash_table_insert (ids, g_steal_pointer (&key), g_memdup2 (&value, sizeof value));
  return TRUE;
}

gboolean
_rd_json_read_ref (RdJsonCtx  *ctx,
                   JsonObject *object,
                   const char *path,
                   const char *name,
                   GHashTable *ids,
                   const char *list_name,
                   gint64     *out)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *field = _rd_json_join_path (path, name);
  g_autofree char *key = NULL;
  gint64 *found;

  *out = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  key = _rd_json_id_key (node);
  if (key == NULL)
    return _rd_json_fail (ctx, _rd_json_member_line (ctx, object, name), field,
                 _("This should be the id of an entry in “%s”."), list_name);
  found = g_hash_table_lookup (ids, key);
  if (found == NULL)
    return _rd_json_fail (ctx, _rd_json_member_line (ctx, object, name), field,
                 _("No entry in “%s” has the id “%s”."), list_name, key);
  *out = *found;
  return TRUE;
}

/* How far the first reading goes between giving back pages. */
#define RELEASE_EVERY (4 * 1024 * 1024)

/* The member name a string at @at (just past its closing quote) is, when
 * a colon follows it. */
static gboolean
is_member_name (const char *data,
                gsize       length,
                gsize       at)
{
  while (at < length && g_ascii_isspace (data[at]))
    at++;
  return at < length && data[at] == ':';
}

static gboolean
fail_at (RdJsonCtx  *ctx,
         guint       line,
         const char *key,
         gsize       key_len,
         const char *problem)
{
  g_autofree char *raw = key ? g_strndup (key, MIN (key_len, 60)) : g_strdup ("");
  g_autofree char *field = g_utf8_make_valid (raw, -1);

  return _rd_json_fail (ctx, line, *field ? field : "(top)", "%s", problem);
}

/**
 * _rd_json_prescan:
 *
 * Checks @data against the limits before the JSON parser sees it: nesting
 * (the parser recurses once per level, so "[[[[…" would exhaust the
 * stack), the length of each text, NUL characters (which would cut a text
 * short without a word), in one pass and without building anything.
 * Refuses with the line and the nearest field name.
 */
gboolean
_rd_json_prescan (RdJsonCtx  *ctx,
                  const char *data,
                  gsize       length)
{
  const char *key = NULL;
  gsize key_len = 0;
  gsize string_start = 0;
  gboolean in_string = FALSE;
  gboolean root_is_object = FALSE;
  guint depth = 0;
  guint line = 1;
  guint n_lists = 0;
  gsize released = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (ctx->release && i - released >= RELEASE_EVERY)
        {
          _rd_json_release (ctx, data, released, i);
          released = i;
        }

      if (c == '\n')
        line++;
      if (c == '\0')
        return fail_at (ctx, line, key, key_len,
                        _("The file has a NUL byte here, so it is not a text file."));
      if (in_string)
        {
          if (c == '\\' && i + 1 < length)
            {
              i++;
              if (data[i] == 'u' && i + 4 < length && strncmp (data + i + 1, "0000", 4) == 0)
                return fail_at (ctx, line, key, key_len,
                                _("This text has a NUL character (\\u0000) in it, which would cut "
                                  "it short. Remove it."));
            }
          else if (c == '"')
            {
              in_string = FALSE;
              if (is_member_name (data, length, i + 1))
                {
                  key = data + string_start;
                  key_len = i - string_start;
                }
            }
          if (in_string && i - string_start > RD_CASE_JSON_MAX_TEXT)
            {
              g_autofree char *problem =
                g_strdup_printf (_("This text is longer than %u MB, the most Redress takes in "
                                   "one field."), RD_CASE_JSON_MAX_TEXT / (1024 * 1024));

              return fail_at (ctx, line, key, key_len, problem);
            }
        }
      else if (c == '"')
        {
          in_string = TRUE;
          string_start = i + 1;
        }
      else if (c == '[' || c == '{')
        {
          if (depth == 0)
            root_is_object = c == '{';
          /* A list that is a member of the document's object: which one is
           * the diary, for the parser to read it entry by entry. A name
           * written with escapes is not recognised, and is read whole. */
          if (c == '[' && depth == 1 && root_is_object && ++n_lists &&
              ctx->stream.incidents_array == 0 &&
              key != NULL && key_len == strlen ("incidents") && memcmp (key, "incidents", key_len) == 0)
            ctx->stream.incidents_array = n_lists;
          if (++depth > RD_CASE_JSON_MAX_DEPTH)
            {
              g_autofree char *problem =
                g_strdup_printf (_("Lists and objects nest more than %u deep here; no case "
                                   "needs that."), RD_CASE_JSON_MAX_DEPTH);

              return fail_at (ctx, line, key, key_len, problem);
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  _rd_json_release (ctx, data, released, length);
  return TRUE;
}

/**
 * _rd_json_release:
 *
 * When the document is a read-only mapping of its file (ctx->release),
 * gives back the memory of its pages from @from to @upto: reading goes
 * forward, and a page touched again is read again from the file. Without
 * this a mapped document of 256 MB, read twice, stays resident whole.
 */
void
_rd_json_release (RdJsonCtx  *ctx,
                  const char *data,
                  gsize       from,
                  gsize       upto)
{
  guintptr page = (guintptr) sysconf (_SC_PAGESIZE);
  guintptr start = ((guintptr) (data + from) + page - 1) / page * page;
  guintptr end = (guintptr) (data + upto) / page * page;

  if (ctx->release && end > start)
    madvise ((void *) start, end - start, MADV_DONTNEED);
}

/* After parsing: a member named twice in one object is refused, because
 * only the last would be kept. */
gboolean
_rd_json_check_duplicates (RdJsonCtx *ctx)
{
  if (ctx->lines.duplicate_name == NULL)
    return TRUE;
  return _rd_json_fail (ctx, ctx->lines.duplicate_line, ctx->lines.duplicate_name,
                        _("This field is given twice in the same place; keep only one."));
}
