/* rd-case-json-private.h: internals shared by the rd-case-json-*.c files.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (RD_ARCHIVE_COMPILATION)
#error "rd-case-json-private.h belongs to app/core/archive/: include the folder's public headers instead."
#endif

#include "rd-case-json.h"
#include "rd-store-archive.h"

G_BEGIN_DECLS

/* How far a reading has got: rd_progress_report() has this shape. */
typedef void (*RdJsonReportFunc) (double      fraction,
                                  const char *message,
                                  gpointer    data);

/*
 * JsonParser keeps no positions in its nodes, but it reports its current
 * line while it builds them. The signal handlers in rd-case-json-read.c remember, for every
 * container, the line where it opens, and for every member and array
 * element the line where its value ends (which for a scalar is its line).
 */
typedef struct {
  GArray     *open_lines;      /* guint: lines of the containers being built */
  GHashTable *container_lines; /* JsonObject* or JsonArray* → line it opens on */
  GHashTable *member_lines;    /* JsonObject* → GHashTable (name → line) */
  GHashTable *element_lines;   /* JsonArray* → GArray of guint */
  char       *duplicate_name;  /* the earliest member named twice in one object */
  guint       duplicate_line;
  guint       line_offset;     /* lines before the part being parsed */
} RdJsonLines;

/* Case JSON is held to the limits of the archives that carry it
 * (rd-case-archive-private.h): the whole document, nesting, entries in a
 * list; and one text field at most RD_CASE_JSON_MAX_TEXT bytes. */
#define RD_CASE_JSON_MAX_DOCUMENT RD_CASE_JSON_MAX_DOCUMENT_BYTES
#define RD_CASE_JSON_MAX_DEPTH    64
#define RD_CASE_JSON_MAX_RECORDS  100000
#define RD_CASE_JSON_MAX_TEXT     RD_CASE_JSON_MAX_TEXT_BYTES

/* The diary entries, read one at a time while the parser builds the
 * document (rd-case-json-incidents.c), so that the tree never holds them
 * all: 100,000 entries as a tree took some 500 MB. */
typedef struct {
  guint       incidents_array;  /* which list of the document's object is "incidents" (1 = first), or 0 */
  guint       n_lists;          /* lists of the document's object begun so far */
  gboolean    in_incidents;     /* the parser is inside that list */
  JsonArray  *array;            /* that list, once it has an entry */
  guint       n_seen;           /* entries the parser has given it */
  GPtrArray  *incidents;        /* RdIncident read from it so far */
  GError     *error;            /* the first entry found wrong; later ones are not read */
} RdJsonStream;

typedef struct {
  RdJsonLines  lines;
  RdJsonStream stream;
  GDateTime   *now;
  GDate       *today;
  GError     **error;
  GHashTable  *party_ids;    /* document id (string form) → gint64 index + 1 */
  GHashTable  *contact_ids;
  GHashTable  *incident_ids;
  gboolean     release;      /* the document is a read-only file mapping: see _rd_json_release() */
} RdJsonCtx;

void      _rd_json_lines_init      (RdJsonLines  *lines,
                                    JsonParser   *parser);
void      _rd_json_lines_attach    (RdJsonLines  *lines,
                                    JsonParser   *parser,
                                    guint         first_line);
void      _rd_json_lines_member    (RdJsonLines  *lines,
                                    JsonObject   *object,
                                    const char   *name,
                                    guint         line);
void      _rd_json_lines_element   (RdJsonLines  *lines,
                                    JsonArray    *array,
                                    guint         index,
                                    guint         line);
void      _rd_json_lines_clear     (RdJsonLines  *lines);
void      _rd_json_release         (RdJsonCtx    *ctx,
                                    const char   *data,
                                    gsize         from,
                                    gsize         upto);
void      _rd_json_lines_forget    (RdJsonLines  *lines,
                                    JsonNode     *node);
gboolean  _rd_json_prescan         (RdJsonCtx    *ctx,
                                    const char   *data,
                                    gsize         length);
gboolean  _rd_json_check_duplicates (RdJsonCtx   *ctx);
guint     _rd_json_container_line  (RdJsonCtx    *ctx,
                                    gpointer      container);
guint     _rd_json_member_line     (RdJsonCtx    *ctx,
                                    JsonObject   *object,
                                    const char   *name);
guint     _rd_json_element_line    (RdJsonCtx    *ctx,
                                    JsonArray    *array,
                                    guint         index);
char     *_rd_json_join_path       (const char   *parent,
                                    const char   *name);
gboolean  _rd_json_fail            (RdJsonCtx    *ctx,
                                    guint         line,
                                    const char   *path,
                                    const char   *format,
                                    ...) G_GNUC_PRINTF (4, 5);
gboolean  _rd_json_check_members   (RdJsonCtx    *ctx,
                                    JsonObject   *object,
                                    const char   *path,
                                    const char * const *known);
gboolean  _rd_json_read_string     (RdJsonCtx    *ctx,
                                    JsonObject   *object,
                                    const char   *path,
                                    const char   *name,
                                    gboolean      required,
                                    const char  **out);
gboolean  _rd_json_read_date       (RdJsonCtx    *ctx,
                                    JsonObject   *object,
                                    const char   *path,
                                    const char   *name,
                                    gboolean      required,
                                    GDate       **out);
gboolean  _rd_json_read_datetime   (RdJsonCtx    *ctx,
                                    JsonObject   *object,
                                    const char   *path,
                                    const char   *name,
                                    gboolean      required,
                                    GDateTime   **out);
gboolean  _rd_json_read_bool       (RdJsonCtx    *ctx,
                                    JsonObject   *object,
                                    const char   *path,
                                    const char   *name,
                                    gboolean     *out);
gboolean  _rd_json_read_int        (RdJsonCtx    *ctx,
                                    JsonObject   *object,
                                    const char   *path,
                                    const char   *name,
                                    gint64        min,
                                    gint64        max,
                                    gint64       *out);
gboolean  _rd_json_read_array      (RdJsonCtx    *ctx,
                                    JsonObject   *object,
                                    const char   *path,
                                    const char   *name,
                                    JsonArray   **out);
gboolean  _rd_json_element_object  (RdJsonCtx    *ctx,
                                    JsonArray    *array,
                                    guint         index,
                                    const char   *path,
                                    JsonObject  **out);
gboolean  _rd_json_node_object     (RdJsonCtx    *ctx,
                                    JsonArray    *array,
                                    guint         index,
                                    JsonNode     *node,
                                    const char   *path,
                                    JsonObject  **out);
gboolean  _rd_json_read_keys       (RdJsonCtx    *ctx,
                                    JsonObject   *object,
                                    const char   *path,
                                    const char   *name,
                                    gboolean    (*valid) (const char *key),
                                    const char   *choices,
                                    char        **out);
char     *_rd_json_id_key          (JsonNode     *node);
gboolean  _rd_json_read_id         (RdJsonCtx    *ctx,
                                    JsonObject   *object,
                                    const char   *path,
                                    GHashTable   *ids,
                                    gint64        value);
gboolean  _rd_json_read_ref        (RdJsonCtx    *ctx,
                                    JsonObject   *object,
                                    const char   *path,
                                    const char   *name,
                                    GHashTable   *ids,
                                    const char   *list_name,
                                    gint64       *out);

/* See rd-case-json-fields.c. */
typedef enum {
  RD_JSON_FIELD_STRING,    /* text; "" when missing */
  RD_JSON_FIELD_KEY,       /* one value of an enum, by its key */
  RD_JSON_FIELD_DATE,      /* a GDate; empty or missing for none */
  RD_JSON_FIELD_DATETIME,  /* a GDateTime; empty or missing for none */
  RD_JSON_FIELD_BOOLEAN,   /* true or false; missing keeps the record's */
} RdJsonFieldKind;

typedef gboolean     (*RdJsonFromKeyFunc) (const char *key,
                                           int        *value);
typedef const char  *(*RdJsonToKeyFunc)   (int         value);

typedef struct {
  const char        *member;    /* in the document */
  const char        *property;  /* of the record */
  RdJsonFieldKind    kind;
  gboolean           required;  /* missing (or, for a key, empty) is refused */
  /* For RD_JSON_FIELD_KEY: the key's value; the value when empty and not
   * required; the keys listed when it is not one, either as written in
   * choices or, when that is NULL, by to_key from first_value up to
   * n_values - 1. */
  RdJsonFromKeyFunc  from_key;
  int                unset_value;
  const char        *choices;
  RdJsonToKeyFunc    to_key;
  int                first_value;
  int                n_values;
} RdJsonField;

gboolean  _rd_json_read_fields     (RdJsonCtx         *ctx,
                                    JsonObject        *object,
                                    const char        *path,
                                    gpointer           record,
                                    const RdJsonField *fields,
                                    gsize              n_fields);

RdCaseFacts *_rd_case_json_parse_full (const char  *data,
                                       gssize       length,
                                       GDateTime   *now,
                                       RdPolicy   **policy,
                                       GError     **error);
RdCaseFacts *_rd_case_json_parse_tree (RdJsonCtx   *ctx,
                                       const char  *data,
                                       gsize        length,
                                       RdPolicy   **policy);

/* rd-case-json-parse.c: the document's sections, and each entry of its
 * lists (@node is element @i of @array) */
gboolean  _rd_json_check_root      (RdJsonCtx    *ctx,
                                    JsonObject   *root);
gboolean  _rd_json_parse_case      (RdJsonCtx    *ctx,
                                    JsonObject   *root,
                                    RdCase      **out);
gboolean  _rd_json_parse_parties   (RdJsonCtx    *ctx,
                                    JsonObject   *root,
                                    RdCaseFacts  *facts);
gboolean  _rd_json_parse_contacts  (RdJsonCtx    *ctx,
                                    JsonObject   *root,
                                    RdCaseFacts  *facts);
gboolean  _rd_json_parse_complaints (RdJsonCtx   *ctx,
                                     JsonObject  *root,
                                     RdCaseFacts *facts);
gboolean  _rd_json_parse_party     (RdJsonCtx    *ctx,
                                    JsonArray    *array,
                                    guint         i,
                                    JsonNode     *node,
                                    RdCaseFacts  *facts);
gboolean  _rd_json_parse_contact   (RdJsonCtx    *ctx,
                                    JsonArray    *array,
                                    guint         i,
                                    JsonNode     *node,
                                    RdCaseFacts  *facts);
gboolean  _rd_json_parse_complaint (RdJsonCtx    *ctx,
                                    JsonArray    *array,
                                    guint         i,
                                    JsonNode     *node,
                                    RdCaseFacts  *facts);
gboolean  _rd_json_read_policy     (JsonObject   *root,
                                    RdPolicy    **out,
                                    GError      **error);

/* rd-case-json-incidents.c: the "incidents" list */
gboolean  _rd_json_parse_incidents (RdJsonCtx    *ctx,
                                    JsonObject   *root,
                                    RdCaseFacts  *facts);
gboolean  _rd_json_parse_incident  (RdJsonCtx    *ctx,
                                    JsonArray    *array,
                                    guint         i,
                                    JsonNode     *node,
                                    RdCaseFacts  *facts);
void      _rd_json_stream_incidents (RdJsonCtx   *ctx,
                                     JsonParser  *parser);
void      _rd_json_stream_clear    (RdJsonStream *stream);

/* rd-case-json-records.c: each record's object in the document, with
 * @doc_id its id there (see rd-case-json-write.c). */
void      _rd_json_add_string      (JsonBuilder  *builder,
                                    const char   *name,
                                    const char   *value);
void      _rd_json_build_case      (JsonBuilder  *builder,
                                    RdCase       *rcase);
void      _rd_json_build_party     (JsonBuilder  *builder,
                                    RdParty      *party,
                                    guint         doc_id);
void      _rd_json_build_incident  (JsonBuilder  *builder,
                                    RdIncident   *incident,
                                    guint         doc_id);
void      _rd_json_build_contact   (JsonBuilder  *builder,
                                    RdContact    *contact,
                                    guint         doc_id,
                                    guint         party_ref);
void      _rd_json_build_complaint (JsonBuilder  *builder,
                                    RdComplaint  *complaint,
                                    GPtrArray    *events,
                                    GArray       *incident_refs,
                                    GArray       *contact_refs);

/* rd-case-json-write.c: the case written for the archive, which needs the
 * store's ids of its records in document order (events complaint by
 * complaint, each with its complaint's place, 1-based). */
typedef struct {
  GArray *ids[RD_STORE_RECORD_N_KINDS];   /* gint64 */
  GArray *event_complaint;                /* guint, one for each event */
} RdJsonWritten;

void      _rd_json_written_init    (RdJsonWritten *written);
void      _rd_json_written_clear   (RdJsonWritten *written);
gboolean  _rd_json_write_case      (RdStore       *store,
                                    gint64         case_id,
                                    GOutputStream *out,
                                    gboolean       with_policy,
                                    RdJsonWritten *written,
                                    GCancellable  *cancellable,
                                    GError       **error);

/* rd-case-json.c: a case document within the archive's */
gint64    _rd_case_json_read_part  (RdStore          *store,
                                    const char       *data,
                                    gsize             length,
                                    gboolean          mapped,
                                    GDateTime        *now,
                                    RdJsonWritten    *written,
                                    GHashTable      **incident_ids,
                                    GHashTable      **contact_ids,
                                    RdJsonReportFunc  report,
                                    gpointer          report_data,
                                    GCancellable     *cancellable,
                                    GError          **error);

/* rd-case-json-write.c: the case's own policy, shared with the archive's
 * "policy" member. */
gboolean  _rd_json_build_case_policy (JsonBuilder *builder,
                                      RdStore     *store,
                                      gint64       case_id,
                                      gboolean    *added,
                                      GError     **error);

/* rd-case-json-split.c: reading a document of the usual shape a part at a
 * time, so that memory follows its largest entry, not its size. */
typedef struct {
  /* the case is read and checked: the records that follow belong to it */
  gboolean (*begin) (gpointer      data,
                     RdCase       *rcase,
                     GError      **error);
  /* @records holds the entries just read (ids as the document's) */
  gboolean (*take)  (gpointer      data,
                     RdCaseFacts  *records,
                     GError      **error);
  gpointer data;
} RdJsonSink;

/* A place in a document being walked without parsing it (see
 * rd-case-json-split.c); also used by the archive's document. */
typedef struct {
  const char *data;
  gsize       end;
  gsize       pos;
  guint       line;
  RdJsonCtx  *ctx;       /* for giving back the pages passed over */
  gsize       released;
} RdJsonCursor;

void      _rd_json_skip_space      (RdJsonCursor *c);
gboolean  _rd_json_skip_string     (RdJsonCursor *c,
                                    gboolean     *escaped);
gboolean  _rd_json_skip_value      (RdJsonCursor *c);

typedef enum {
  RD_JSON_SPLIT_DONE,      /* read and checked; the sink has every record */
  RD_JSON_SPLIT_FAILED,    /* ctx->error is set */
  RD_JSON_SPLIT_UNSUITED,  /* not of the usual shape, or not valid JSON: read it whole */
} RdJsonSplitResult;

RdJsonSplitResult _rd_json_read_split (RdJsonCtx        *ctx,
                                       const char       *data,
                                       gsize             length,
                                       const RdJsonSink *sink,
                                       RdCaseFacts     **facts,
                                       RdPolicy        **policy,
                                       RdJsonReportFunc  report,
                                       gpointer          report_data,
                                       GCancellable     *cancellable);

/* rd-case-json-parse.c: the checks every reading starts with */
gboolean  _rd_json_ctx_begin       (RdJsonCtx    *ctx,
                                    const char   *data,
                                    gssize       *length,
                                    GDateTime    *now,
                                    GDate       **today);
void      _rd_json_ctx_clear       (RdJsonCtx    *ctx);

G_END_DECLS
