/* rd-json-writer.h: JSON text written to a stream as it is made, a record at a time.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used by the case JSON writer (rd-case-json-write.c) and the archive's
 * document (rd-case-archive-write.c); exported beyond archive/ for its own
 * unit test only.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  /* Each member and list item on a line of its own, unindented; a record
   * (a node) on one line: "name": value. The archive's document. */
  RD_JSON_WRITER_COMPACT,
  /* Indented by two spaces a level, as JsonGenerator's pretty output of the
   * whole tree would be: "name" : value. Case JSON. */
  RD_JSON_WRITER_PRETTY,
} RdJsonWriterStyle;

#define RD_JSON_WRITER_MAX_DEPTH 8

typedef struct {
  GOutputStream     *out;
  GCancellable      *cancellable;
  RdJsonWriterStyle  style;
  GString           *buffer;       /* written text not yet handed to @out */
  GString           *scratch;
  JsonGenerator     *generator;
  guint              depth;        /* containers open */
  /* for each open container: whether it is a list, packed, and its count */
  gboolean           is_list[RD_JSON_WRITER_MAX_DEPTH];
  gboolean           packed[RD_JSON_WRITER_MAX_DEPTH];
  guint              count[RD_JSON_WRITER_MAX_DEPTH];
} RdJsonWriter;

void      rd_json_writer_init         (RdJsonWriter       *writer,
                                       GOutputStream      *out,
                                       RdJsonWriterStyle   style,
                                       GCancellable       *cancellable);
void      rd_json_writer_clear        (RdJsonWriter       *writer);

void      rd_json_writer_begin_object (RdJsonWriter       *writer);
void      rd_json_writer_end_object   (RdJsonWriter       *writer);
void      rd_json_writer_begin_list   (RdJsonWriter       *writer,
                                       gboolean            packed);
void      rd_json_writer_end_list     (RdJsonWriter       *writer);
guint     rd_json_writer_get_count    (RdJsonWriter       *writer);

void      rd_json_writer_member       (RdJsonWriter       *writer,
                                       const char         *name);
void      rd_json_writer_node         (RdJsonWriter       *writer,
                                       JsonNode           *node);
void      rd_json_writer_string       (RdJsonWriter       *writer,
                                       const char         *value);
void      rd_json_writer_int          (RdJsonWriter       *writer,
                                       gint64              value);
void      rd_json_writer_raw          (RdJsonWriter       *writer,
                                       const char         *json);

void      rd_json_writer_escape       (GString            *out,
                                       const char         *text);
char     *rd_json_writer_generate     (JsonGenerator      *generator);

gboolean  rd_json_writer_flush        (RdJsonWriter       *writer,
                                       gboolean            all,
                                       GError            **error);

G_END_DECLS
