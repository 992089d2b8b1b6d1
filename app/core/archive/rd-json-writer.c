/* rd-json-writer.c: JSON text written to a stream as it is made, a record at a time.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A case of 100,000 diary entries made as one json-glib tree, then as text,
 * took over half a gigabyte. The two documents Redress writes (case JSON and
 * the archive's) are written instead as the records are read: the writer
 * keeps the brackets, commas, line breaks and indentation, and each record
 * is made into a small tree and given to JsonGenerator alone, then dropped.
 * Text is escaped by JsonGenerator too, so that a string reads the same in
 * a record and outside one.
 *
 * The pretty style must give the bytes JsonGenerator gives for the whole
 * tree (files are compared, and exporting twice gives the same bytes). Its
 * pretty output indents by depth, and an empty object's inside depends on
 * the depth too, so each node is generated at the depth it has in the
 * document: wrapped in as many one-element arrays, whose brackets are then
 * cut off.
 */
#define G_LOG_DOMAIN "rd-json-writer"

#include "config.h"

#include "rd-json-writer.h"

#include <string.h>

/* Written text is handed to the stream in pieces of about this size. */
#define WRITE_CHUNK (64 * 1024)

void
rd_json_writer_init (RdJsonWriter      *writer,
                     GOutputStream     *out,
                     RdJsonWriterStyle  style,
                     GCancellable      *cancellable)
{
  *writer = (RdJsonWriter) { out, cancellable, style };
  writer->buffer = g_string_sized_new (WRITE_CHUNK + 4096);
  writer->scratch = g_string_new (NULL);
  writer->generator = json_generator_new ();
  if (style == RD_JSON_WRITER_PRETTY)
    {
      json_generator_set_pretty (writer->generator, TRUE);
      json_generator_set_indent (writer->generator, 2);
    }
}

void
rd_json_writer_clear (RdJsonWriter *writer)
{
  if (writer->buffer != NULL)
    g_string_free (writer->buffer, TRUE);
  if (writer->scratch != NULL)
    g_string_free (writer->scratch, TRUE);
  g_clear_object (&writer->generator);
  writer->buffer = writer->scratch = NULL;
}

static void
indent (RdJsonWriter *writer,
        guint         depth)
{
  if (writer->style == RD_JSON_WRITER_PRETTY)
    for (guint i = 0; i < depth; i++)
      g_string_append (writer->buffer, "  ");
}

/* What goes before a value: in a list, the comma and line break that
 * separate it from the one before. */
static void
begin_value (RdJsonWriter *writer)
{
  guint d = writer->depth;

  if (d == 0 || !writer->is_list[d - 1])
    return;
  if (writer->packed[d - 1])
    g_string_append (writer->buffer, writer->count[d - 1] == 0 ? "" : ",\n");
  else
    {
      g_string_append (writer->buffer, writer->count[d - 1] == 0 ? "\n" : ",\n");
      indent (writer, d);
    }
  writer->count[d - 1]++;
}

static void
open_container (RdJsonWriter *writer,
                gboolean      is_list,
                gboolean      packed)
{
  begin_value (writer);
  g_assert (writer->depth < RD_JSON_WRITER_MAX_DEPTH);
  writer->is_list[writer->depth] = is_list;
  writer->packed[writer->depth] = packed;
  writer->count[writer->depth] = 0;
  writer->depth++;
  g_string_append_c (writer->buffer, is_list ? '[' : '{');
}

/* Closes the innermost container; the outermost ends with a line break. */
static void
close_container (RdJsonWriter *writer,
                 gboolean      is_list)
{
  guint d;

  g_assert (writer->depth > 0 && writer->is_list[writer->depth - 1] == is_list);
  d = --writer->depth;
  if (writer->count[d] > 0 && !writer->packed[d])
    {
      g_string_append_c (writer->buffer, '\n');
      indent (writer, d);
    }
  g_string_append_c (writer->buffer, is_list ? ']' : '}');
  if (d == 0)
    g_string_append_c (writer->buffer, '\n');
}

void
rd_json_writer_begin_object (RdJsonWriter *writer)
{
  open_container (writer, FALSE, FALSE);
}

void
rd_json_writer_end_object (RdJsonWriter *writer)
{
  close_container (writer, FALSE);
}

/**
 * rd_json_writer_begin_list:
 * @packed: items follow the "[" and each other with only a comma and a
 *   line break, and the "]" follows the last at once
 */
void
rd_json_writer_begin_list (RdJsonWriter *writer,
                           gboolean      packed)
{
  open_container (writer, TRUE, packed);
}

void
rd_json_writer_end_list (RdJsonWriter *writer)
{
  close_container (writer, TRUE);
}

/* Members or items written so far in the innermost container. */
guint
rd_json_writer_get_count (RdJsonWriter *writer)
{
  g_assert (writer->depth > 0);
  return writer->count[writer->depth - 1];
}

/* json-glib 1.6 escapes every control character but U+001F, which it
 * writes as it is. JSON does not allow that byte in a string, and other
 * readers (Python's, a browser's) then refuse the whole file, so it is
 * escaped here in what was appended to @text from @from on. In UTF-8 the
 * byte is never part of another character. */
static void
escape_unit_separators (GString *text,
                        gsize    from)
{
  const char *found;

  while (from < text->len && (found = memchr (text->str + from, '\x1f', text->len - from)) != NULL)
    {
      gsize at = found - text->str;

      g_string_erase (text, at, 1);
      g_string_insert (text, at, "\\u001f");
      from = at + 6;
    }
}

/**
 * rd_json_writer_generate:
 *
 * Returns: (transfer full): @generator's document as text, with what
 *   json-glib leaves unescaped escaped (as the writer writes it)
 */
char *
rd_json_writer_generate (JsonGenerator *generator)
{
  GString *text = g_string_new (NULL);

  json_generator_to_gstring (generator, text);
  escape_unit_separators (text, 0);
  return g_string_free (text, FALSE);
}

/* Appends @node (taken) as JsonGenerator writes it at @depth. */
static void
append_node (RdJsonWriter *writer,
             JsonNode     *node,
             guint         depth)
{
  g_autoptr(JsonNode) root = node;
  gsize prefix, suffix;

  if (writer->style == RD_JSON_WRITER_COMPACT || depth == 0)
    {
      gsize from = writer->buffer->len;

      json_generator_set_root (writer->generator, root);
      json_generator_to_gstring (writer->generator, writer->buffer);
      escape_unit_separators (writer->buffer, from);
      return;
    }
  for (guint d = 0; d < depth; d++)
    {
      JsonArray *wrapper = json_array_sized_new (1);
      JsonNode *outer = json_node_new (JSON_NODE_ARRAY);

      json_array_add_element (wrapper, g_steal_pointer (&root));
      json_node_take_array (outer, wrapper);
      root = outer;
    }
  json_generator_set_root (writer->generator, root);
  g_string_truncate (writer->scratch, 0);
  json_generator_to_gstring (writer->generator, writer->scratch);

  /* Line k of the wrappers is 2k spaces and "[" and a newline, then 2
   * × depth spaces before the node; they close the same way. */
  prefix = depth * depth + 3 * depth;
  suffix = depth * depth + depth;
  g_assert (writer->scratch->len > prefix + suffix && writer->scratch->str[0] == '[' &&
            writer->scratch->str[writer->scratch->len - 1] == ']');
  escape_unit_separators (writer->scratch, prefix);
  g_string_append_len (writer->buffer, writer->scratch->str + prefix,
                       writer->scratch->len - prefix - suffix);
}

static void
escape_with (JsonGenerator *generator,
             GString       *out,
             const char    *text)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);
  gsize from = out->len;

  json_generator_set_root (generator, node);
  json_generator_to_gstring (generator, out);
  escape_unit_separators (out, from);
}

/**
 * rd_json_writer_escape:
 *
 * Appends @text to @out as a JSON string, in its quotes, with quotes,
 * backslashes and every control character escaped (as JsonGenerator
 * escapes them, and U+001F, which it does not); other characters as they
 * are.
 */
void
rd_json_writer_escape (GString    *out,
                       const char *text)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  escape_with (generator, out, text);
}

/**
 * rd_json_writer_member:
 *
 * Begins the member @name of the innermost object: its value comes next.
 */
void
rd_json_writer_member (RdJsonWriter *writer,
                       const char   *name)
{
  guint d = writer->depth;

  g_assert (d > 0 && !writer->is_list[d - 1]);
  g_string_append (writer->buffer, writer->count[d - 1]++ == 0 ? "\n" : ",\n");
  indent (writer, d);
  escape_with (writer->generator, writer->buffer, name);
  g_string_append (writer->buffer, writer->style == RD_JSON_WRITER_PRETTY ? " : " : ": ");
}

/**
 * rd_json_writer_node:
 * @node: (transfer full): a value, made whole
 *
 * Writes @node at the place it has in the document.
 */
void
rd_json_writer_node (RdJsonWriter *writer,
                     JsonNode     *node)
{
  begin_value (writer);
  append_node (writer, node, writer->depth);
}

void
rd_json_writer_string (RdJsonWriter *writer,
                       const char   *value)
{
  begin_value (writer);
  escape_with (writer->generator, writer->buffer, value);
}

void
rd_json_writer_int (RdJsonWriter *writer,
                    gint64        value)
{
  begin_value (writer);
  g_string_append_printf (writer->buffer, "%" G_GINT64_FORMAT, value);
}

/**
 * rd_json_writer_raw:
 * @json: a value already written as JSON text
 */
void
rd_json_writer_raw (RdJsonWriter *writer,
                    const char   *json)
{
  begin_value (writer);
  g_string_append (writer->buffer, json);
}

/**
 * rd_json_writer_flush:
 * @all: hand over everything written so far, rather than only once there
 *   is a good piece of it
 *
 * Returns: %TRUE, or %FALSE with @error set when the stream failed or
 *   the writing was cancelled
 */
gboolean
rd_json_writer_flush (RdJsonWriter  *writer,
                      gboolean       all,
                      GError       **error)
{
  if (writer->buffer->len == 0 || (!all && writer->buffer->len < WRITE_CHUNK))
    return TRUE;
  /* Not every stream asks (a memory stream does not). */
  if (g_cancellable_set_error_if_cancelled (writer->cancellable, error) ||
      !g_output_stream_write_all (writer->out, writer->buffer->str, writer->buffer->len, NULL,
                                  writer->cancellable, error))
    return FALSE;
  g_string_truncate (writer->buffer, 0);
  return TRUE;
}
