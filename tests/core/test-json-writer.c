/* test-json-writer.c: the JSON stream writer shared by case JSON and the
 * archive's document: strings escaped as JsonGenerator escapes them, the
 * pretty style byte for byte the generator's output of the whole tree, the
 * compact style's lines, and the text handed to the stream whole.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rd-json-writer.h"

static char *
escaped (const char *text)
{
  GString *out = g_string_new (NULL);

  rd_json_writer_escape (out, text);
  return g_string_free (out, FALSE);
}

/* Quotes, backslashes and control characters are escaped; other
 * characters, Welsh, Polish and Urdu letters among them, are kept as they
 * are. */
static void
test_escape (void)
{
  static const struct {
    const char *text;
    const char *json;
  } cases[] = {
    { "plain", "\"plain\"" },
    { "", "\"\"" },
    { "say \"no\"", "\"say \\\"no\\\"\"" },
    { "C:\\path", "\"C:\\\\path\"" },
    { "line\nnext\ttab\rreturn", "\"line\\nnext\\ttab\\rreturn\"" },
    { "\b\f", "\"\\b\\f\"" },
    /* Every control character, U+001F too (json-glib 1.6 leaves that
     * one as it is, which other JSON readers refuse). */
    { "\x01\x1e\x1f\x7f", "\"\\u0001\\u001e\\u001f\\u007f\"" },
    { "a\x1f\x1f" "b\x1f", "\"a\\u001f\\u001fb\\u001f\"" },
    { "Ŵyn, łódź, اردو", "\"Ŵyn, łódź, اردو\"" },
    { "</script>", "\"</script>\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = escaped (cases[i].text);

      g_assert_cmpstr (json, ==, cases[i].json);
    }
}

/* Text that is not UTF-8 goes through byte for byte, as JsonGenerator
 * (json-glib 1.6) writes it: the writer does not judge it on its own. */
static void
test_escape_invalid_utf8 (void)
{
  static const char * const texts[] = { "caf\xe9", "\xff\xfe", "ok \xc3", "\xed\xa0\x80" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *json = escaped (texts[i]);
      g_autofree char *expected = g_strconcat ("\"", texts[i], "\"", NULL);

      g_assert_cmpstr (json, ==, expected);
    }
}

static JsonNode *
record (guint i)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, i);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, i % 2 ? "odd \"one\"\n" : "even");
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint t = 0; t < i % 3; t++)
    json_builder_add_int_value (builder, t);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "empty");
  json_builder_begin_object (builder);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "nothing");
  json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* A document written a member and a record at a time. */
/* Ends @writer's document, hands it all to @out and returns the text. */
static char *
finish_document (RdJsonWriter  *writer,
                 GOutputStream *out)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rd_json_writer_flush (writer, TRUE, &error));
  g_assert_no_error (error);
  rd_json_writer_clear (writer);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static char *
write_document (RdJsonWriterStyle style,
                guint             n_records)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  RdJsonWriter writer;

  rd_json_writer_init (&writer, out, style, NULL);
  rd_json_writer_begin_object (&writer);
  rd_json_writer_member (&writer, "format");
  rd_json_writer_string (&writer, "a \"test\"");
  rd_json_writer_member (&writer, "version");
  rd_json_writer_int (&writer, -7);
  rd_json_writer_member (&writer, "first");
  rd_json_writer_node (&writer, record (1));
  rd_json_writer_member (&writer, "records");
  rd_json_writer_begin_list (&writer, FALSE);
  for (guint i = 0; i < n_records; i++)
    {
      g_assert_cmpuint (rd_json_writer_get_count (&writer), ==, i);
      rd_json_writer_node (&writer, record (i));
      g_assert_true (rd_json_writer_flush (&writer, FALSE, &error));
    }
  rd_json_writer_end_list (&writer);
  rd_json_writer_member (&writer, "none");
  rd_json_writer_begin_list (&writer, FALSE);
  rd_json_writer_end_list (&writer);
  rd_json_writer_member (&writer, "inner");
  rd_json_writer_begin_object (&writer);
  rd_json_writer_member (&writer, "list");
  rd_json_writer_begin_list (&writer, FALSE);
  rd_json_writer_string (&writer, "x");
  rd_json_writer_int (&writer, 2);
  rd_json_writer_end_list (&writer);
  rd_json_writer_end_object (&writer);
  rd_json_writer_end_object (&writer);
  return finish_document (&writer, out);
}

/* The same document as one tree, as JsonGenerator writes it. */
static char *
generate_whole (guint n_records)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "a \"test\"");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, -7);
  json_builder_set_member_name (builder, "first");
  json_builder_add_value (builder, record (1));
  json_builder_set_member_name (builder, "records");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_records; i++)
    json_builder_add_value (builder, record (i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "none");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "inner");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "list");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "x");
  json_builder_add_int_value (builder, 2);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

/* Pretty: the generator's bytes for the whole tree, with a line break at
 * the end; with enough records that the text goes to the stream in
 * several pieces. */
static void
test_pretty_is_whole_tree (void)
{
  static const guint sizes[] = { 0, 1, 5, 3000 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *written = write_document (RD_JSON_WRITER_PRETTY, sizes[s]);
      g_autofree char *whole = generate_whole (sizes[s]);

      g_assert_cmpuint (strlen (written), ==, strlen (whole));
      g_assert_cmpstr (written, ==, whole);
      if (sizes[s] == 3000)
        g_assert_cmpuint (strlen (written), >, 3 * 64 * 1024);
    }
}

/* Compact: one member or item a line, each record on one line, a packed
 * list with its items separated only by commas and line breaks. */
static void
test_compact (void)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autofree char *text = NULL;
  RdJsonWriter writer;

  rd_json_writer_init (&writer, out, RD_JSON_WRITER_COMPACT, NULL);
  rd_json_writer_begin_object (&writer);
  rd_json_writer_member (&writer, "format");
  rd_json_writer_string (&writer, "redress");
  rd_json_writer_member (&writer, "records");
  rd_json_writer_begin_list (&writer, FALSE);
  rd_json_writer_node (&writer, record (1));
  rd_json_writer_node (&writer, record (2));
  rd_json_writer_end_list (&writer);
  rd_json_writer_member (&writer, "none");
  rd_json_writer_begin_list (&writer, FALSE);
  rd_json_writer_end_list (&writer);
  rd_json_writer_member (&writer, "times");
  rd_json_writer_begin_object (&writer);
  rd_json_writer_member (&writer, "one");
  rd_json_writer_raw (&writer, "[1, 2]");
  rd_json_writer_member (&writer, "many");
  rd_json_writer_begin_list (&writer, TRUE);
  rd_json_writer_raw (&writer, "[3, 4]");
  rd_json_writer_raw (&writer, "[5, 6]");
  rd_json_writer_end_list (&writer);
  rd_json_writer_member (&writer, "few");
  rd_json_writer_begin_list (&writer, TRUE);
  rd_json_writer_end_list (&writer);
  rd_json_writer_end_object (&writer);
  rd_json_writer_end_object (&writer);
  text = finish_document (&writer, out);

  g_assert_cmpstr (text, ==,
                   "{\n"
                   "\"format\": \"redress\",\n"
                   "\"records\": [\n"
                   "{\"id\":1,\"text\":\"odd \\\"one\\\"\\n\",\"tags\":[0],\"empty\":{},\"nothing\":null},\n"
                   "{\"id\":2,\"text\":\"even\",\"tags\":[0,1],\"empty\":{},\"nothing\":null}\n"
                   "],\n"
                   "\"none\": [],\n"
                   "\"times\": {\n"
                   "\"one\": [1, 2],\n"
                   "\"many\": [[3, 4],\n"
                   "[5, 6]],\n"
                   "\"few\": []\n"
                   "}\n"
                   "}\n");
}

/* U+001F, which json-glib 1.6 writes unescaped, is escaped wherever it
 * is: in a string, a member's name and a record, nested at any depth, in
 * both styles and by rd_json_writer_generate(); and reads back as it was. */
static void
test_unit_separator (void)
{
  static const char text[] = "before\x1f" "after \x1f";

  for (guint style = RD_JSON_WRITER_COMPACT; style <= RD_JSON_WRITER_PRETTY; style++)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *written = NULL;
      g_autofree char *generated = NULL;
      JsonObject *root, *inner;
      RdJsonWriter writer;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, text);
      json_builder_add_string_value (builder, text);
      json_builder_end_object (builder);

      rd_json_writer_init (&writer, out, style, NULL);
      rd_json_writer_begin_object (&writer);
      rd_json_writer_member (&writer, text);
      rd_json_writer_string (&writer, text);
      rd_json_writer_member (&writer, "records");
      rd_json_writer_begin_list (&writer, FALSE);
      rd_json_writer_node (&writer, json_builder_get_root (builder));
      rd_json_writer_end_list (&writer);
      rd_json_writer_end_object (&writer);
      written = finish_document (&writer, out);

      g_assert_null (strchr (written, '\x1f'));
      g_assert_nonnull (strstr (written, "before\\u001fafter \\u001f"));
      g_assert_true (json_parser_load_from_data (parser, written, -1, &error));
      g_assert_no_error (error);
      root = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpstr (json_object_get_string_member (root, text), ==, text);
      inner = json_array_get_object_element (json_object_get_array_member (root, "records"), 0);
      g_assert_cmpstr (json_object_get_string_member (inner, text), ==, text);

      json_generator_set_root (generator, node);
      generated = rd_json_writer_generate (generator);
      g_assert_cmpstr (generated, ==, "\"before\\u001fafter \\u001f\"");
    }
}

/* A cancel stops the writing at the next piece handed to the stream. */
static void
test_cancelled (void)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  RdJsonWriter writer;

  rd_json_writer_init (&writer, out, RD_JSON_WRITER_COMPACT, cancellable);
  rd_json_writer_begin_object (&writer);
  rd_json_writer_member (&writer, "a");
  rd_json_writer_int (&writer, 1);
  g_cancellable_cancel (cancellable);
  g_assert_false (rd_json_writer_flush (&writer, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  rd_json_writer_clear (&writer);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-writer/escape", test_escape);
  g_test_add_func ("/json-writer/escape-invalid-utf8", test_escape_invalid_utf8);
  g_test_add_func ("/json-writer/unit-separator", test_unit_separator);
  g_test_add_func ("/json-writer/pretty-is-whole-tree", test_pretty_is_whole_tree);
  g_test_add_func ("/json-writer/compact", test_compact);
  g_test_add_func ("/json-writer/cancelled", test_cancelled);
  return g_test_run ();
}
