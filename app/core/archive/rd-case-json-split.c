/* rd-case-json-split.c: reading a case JSON document a part at a time.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-json"

#include "config.h"

#include "rd-gettext.h"
#include <string.h>

#include "rd-case-json-private.h"

/*
 * json-glib builds a tree of all the text it is given, and checks all of
 * it as UTF-8 before it starts: given a document of 256 MB whole, it keeps
 * every page of it resident and every text of it in the tree. Here the
 * document's object is walked at two levels only, its members and the
 * entries of its four lists, and each member's value and each entry is
 * given to json-glib alone, checked, turned into records and freed. So
 * memory follows the largest entry, not the document.
 *
 * The lists are read in the order their records depend on each other
 * (parties, the diary, contacts, complaints), whatever their order in the
 * file, and the faults are reported in the order a reading of the whole
 * tree reports them: duplicate names, the document's own fields, the case,
 * then each section. Once a fault is found, the rest is still read, but
 * only as JSON, because a fault of JSON anywhere is reported first.
 *
 * Anything unusual at those two levels (a comment, a member name written
 * with escapes, a byte order mark, a missing comma) and any part json-glib
 * refuses, makes the caller read the document whole as before: that also
 * says where a file that is not valid JSON goes wrong, in json-glib's words.
 */

typedef enum {
  LIST_PARTIES,
  LIST_INCIDENTS,
  LIST_CONTACTS,
  LIST_COMPLAINTS,
  N_LISTS,
  NO_LIST = N_LISTS,
} List;

static const char * const list_names[N_LISTS] = {
  "parties", "incidents", "contacts", "complaints"
};

typedef gboolean (*ParseEntry) (RdJsonCtx   *ctx,
                                JsonArray   *array,
                                guint        i,
                                JsonNode    *node,
                                RdCaseFacts *facts);
typedef gboolean (*ParseList)  (RdJsonCtx   *ctx,
                                JsonObject  *root,
                                RdCaseFacts *facts);

static const ParseEntry parse_entry[N_LISTS] = {
  _rd_json_parse_party, _rd_json_parse_incident, _rd_json_parse_contact, _rd_json_parse_complaint
};
static const ParseList parse_list[N_LISTS] = {
  _rd_json_parse_parties, _rd_json_parse_incidents, _rd_json_parse_contacts,
  _rd_json_parse_complaints
};

typedef RdJsonCursor Cursor;

/* How far a long value is passed over between giving back pages. */
#define RELEASE_EVERY (4 * 1024 * 1024)

typedef struct {
  gsize      start;   /* just after its "[" */
  gsize      end;     /* at its "]" */
  guint      line;    /* of its "[" */
  JsonArray *array;   /* the empty list that stands for it in the tree */
} Range;

typedef struct {
  RdJsonCtx        *ctx;
  const char       *data;
  gsize             length;
  const RdJsonSink *sink;
  RdCaseFacts      *facts;        /* all the records, when there is no sink */
  RdCase           *rcase;
  Range             ranges[N_LISTS];
  GError           *fault;        /* the first fault, in the order of the checks */
  List              fault_list;   /* where it was found (NO_LIST: before the lists) */
  GError           *store_error;  /* the sink could not save: said only of a document without faults */
  gsize             list_bytes;
  gsize             list_done;
  RdJsonReportFunc  report;
  gpointer          report_data;
  GCancellable     *cancellable;
} Split;

void
_rd_json_skip_space (Cursor *c)
{
  for (; c->pos < c->end; c->pos++)
    {
      char ch = c->data[c->pos];

      if (ch == '\n')
        c->line++;
      else if (ch != ' ' && ch != '\t' && ch != '\r')
        return;
    }
}

/* Past the string at c->pos; *escaped is set if it has escapes. */
gboolean
_rd_json_skip_string (Cursor   *c,
             gboolean *escaped)
{
  for (c->pos++; c->pos < c->end; )
    {
      char ch = c->data[c->pos++];

      if (ch == '"')
        return TRUE;
      if (ch == '\n')
        c->line++;
      else if (ch == '\\' && c->pos < c->end)
        {
          if (escaped != NULL)
            *escaped = TRUE;
          if (c->data[c->pos] == '\n')
            c->line++;
          c->pos++;
        }
    }
  return FALSE;
}

/* Past the value at c->pos: a string, an object or list to its last
 * bracket, a number, true, false or null to what ends it. FALSE for
 * anything else, and for a comment, whose quotes and brackets would mislead
 * the count. Whether the value is valid is json-glib's to say. */
gboolean
_rd_json_skip_value (Cursor *c)
{
  char first;
  guint depth = 0;

  if (c->pos >= c->end)
    return FALSE;
  first = c->data[c->pos];
  if (first == '"')
    return _rd_json_skip_string (c, NULL);
  if (first == '-' || g_ascii_isdigit (first) || first == 't' || first == 'f' || first == 'n')
    {
      while (c->pos < c->end && strchr (",]} \t\r\n/", c->data[c->pos]) == NULL)
        c->pos++;
      return TRUE;
    }
  if (first != '{' && first != '[')
    return FALSE;
  while (c->pos < c->end)
    {
      char ch = c->data[c->pos];

      if (ch == '"')
        {
          if (!_rd_json_skip_string (c, NULL))
            return FALSE;
          continue;
        }
      c->pos++;
      if (c->pos - c->released >= RELEASE_EVERY)
        {
          _rd_json_release (c->ctx, c->data, c->released, c->pos);
          c->released = c->pos;
        }
      if (ch == '{' || ch == '[')
        depth++;
      else if (ch == '}' || ch == ']')
        {
          if (--depth == 0)
            return TRUE;
        }
      else if (ch == '\n')
        c->line++;
      else if (ch == '/')
        return FALSE;
    }
  return FALSE;
}

/* json-glib's reading of the part [@start, @end) of the document, which
 * starts on @line; %NULL if it is not valid JSON. */
static JsonNode *
parse_part (Split *s,
            gsize  start,
            gsize  end,
            guint  line)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *node;

  _rd_json_lines_attach (&s->ctx->lines, parser, line);
  if (!json_parser_load_from_data (parser, s->data + start, end - start, NULL))
    return NULL;
  node = json_parser_steal_root (parser);
  /* Read once: its pages, if mapped, are not needed again. */
  _rd_json_release (s->ctx, s->data, start, end);
  return node;
}

/* One member of the document's object: a list is marked for later, any
 * other value is read now. Of a name given twice the first is kept: the
 * document is refused for it anyway. */
static gboolean
take_member (Split      *s,
             JsonObject *root,
             const char *name,
             gsize       start,
             gsize       end,
             guint       start_line,
             guint       member_line)
{
  JsonNode *node;

  for (guint l = 0; l < N_LISTS; l++)
    if (g_str_equal (name, list_names[l]) && s->data[start] == '[' &&
        !json_object_has_member (root, name))
      {
        Range *range = &s->ranges[l];

        range->start = start + 1;
        range->end = end - 1;
        range->line = start_line;
        range->array = json_array_new ();
        json_object_set_array_member (root, name, range->array);
        g_hash_table_insert (s->ctx->lines.container_lines, range->array,
                             GUINT_TO_POINTER (start_line));
        _rd_json_lines_member (&s->ctx->lines, root, name, member_line);
        s->list_bytes += range->end - range->start;
        return TRUE;
      }

  node = parse_part (s, start, end, start_line);
  if (node == NULL)
    return FALSE;
  _rd_json_lines_member (&s->ctx->lines, root, name, member_line);
  if (json_object_has_member (root, name))
    json_node_unref (node);
  else
    json_object_set_member (root, name, node);
  return TRUE;
}

/* The document's object, member by member, as json-glib would read it:
 * FALSE if it is not of the usual shape. */
static gboolean
read_root (Split      *s,
           JsonObject *root)
{
  Cursor c = { s->data, s->length, 0, 1, s->ctx, 0 };

  _rd_json_skip_space (&c);
  if (c.pos >= c.end || c.data[c.pos] != '{')
    return FALSE;
  g_hash_table_insert (s->ctx->lines.container_lines, root, GUINT_TO_POINTER (c.line));
  c.pos++;
  _rd_json_skip_space (&c);
  if (c.pos < c.end && c.data[c.pos] == '}')
    c.pos++;
  else
    for (;;)
      {
        g_autofree char *name = NULL;
        gboolean escaped = FALSE;
        gsize name_start = c.pos + 1;
        gsize start;
        gsize end;
        guint start_line;
        guint member_line;

        if (c.pos >= c.end || c.data[c.pos] != '"' || !_rd_json_skip_string (&c, &escaped) || escaped ||
            !g_utf8_validate (c.data + name_start, c.pos - 1 - name_start, NULL))
          return FALSE;
        name = g_strndup (c.data + name_start, c.pos - 1 - name_start);
        _rd_json_skip_space (&c);
        if (c.pos >= c.end || c.data[c.pos] != ':')
          return FALSE;
        c.pos++;
        _rd_json_skip_space (&c);
        start = c.pos;
        start_line = c.line;
        if (!_rd_json_skip_value (&c))
          return FALSE;
        end = c.pos;
        _rd_json_release (s->ctx, s->data, c.released, end);
        c.released = end;
        /* json-glib's line for a member: that of the comma after it, if any. */
        member_line = c.line;
        _rd_json_skip_space (&c);
        if (c.pos < c.end && c.data[c.pos] == ',')
          member_line = c.line;
        if (!take_member (s, root, name, start, end, start_line, member_line))
          return FALSE;
        if (c.pos < c.end && c.data[c.pos] == '}')
          {
            c.pos++;
            break;
          }
        if (c.pos >= c.end || c.data[c.pos] != ',')
          return FALSE;
        c.pos++;
        _rd_json_skip_space (&c);
      }
  _rd_json_skip_space (&c);
  return c.pos == c.end;
}

static void
set_fault (Split *s,
           List   list)
{
  s->fault_list = list;
}

/* Entry @i of list @l, read: kept, or handed to the sink. After a fault,
 * entries are only read as JSON. */
static void
take_entry (Split    *s,
            List      l,
            guint     i,
            JsonNode *node)
{
  g_autoptr(RdCaseFacts) one = NULL;
  RdCaseFacts *into = s->facts;
  GError **caller_error = s->ctx->error;
  gboolean ok;

  if (s->fault != NULL)
    return;
  if (s->sink != NULL)
    into = one = rd_case_facts_new (s->rcase);
  s->ctx->error = &s->fault;
  ok = parse_entry[l] (s->ctx, s->ranges[l].array, i, node, into);
  s->ctx->error = caller_error;
  if (!ok)
    set_fault (s, l);
  else if (one != NULL && s->store_error == NULL)
    s->sink->take (s->sink->data, one, &s->store_error);
}

/* The entries of list @l, one at a time. FALSE when the list is not of
 * the usual shape or not valid JSON, or when the reading is cancelled
 * (then with ctx->error set). */
static gboolean
read_list (Split *s,
           List   l,
           gboolean *cancelled)
{
  Range *range = &s->ranges[l];
  Cursor c = { s->data, range->end, range->start, range->line, s->ctx, range->start };
  guint n = 0;

  _rd_json_skip_space (&c);
  while (c.pos < range->end)
    {
      gsize start = c.pos;
      guint start_line = c.line;
      guint element_line;
      gsize end;
      JsonNode *node;

      if (!_rd_json_skip_value (&c))
        return FALSE;
      end = c.pos;
      element_line = c.line;
      _rd_json_skip_space (&c);
      if (c.pos < range->end)
        {
          if (c.data[c.pos] != ',')
            return FALSE;
          element_line = c.line;
          c.pos++;
          _rd_json_skip_space (&c);
          if (c.pos >= range->end)
            return FALSE;
        }
      node = parse_part (s, start, end, start_line);
      if (node == NULL)
        return FALSE;
      _rd_json_lines_element (&s->ctx->lines, range->array, n, element_line);
      /* A list over the limit is refused whole: its entries need not be read. */
      if (n < RD_CASE_JSON_MAX_RECORDS)
        take_entry (s, l, n, node);
      _rd_json_lines_forget (&s->ctx->lines, node);
      json_node_unref (node);
      n++;
      if (s->report != NULL && n % 64 == 0)
        s->report ((double) (s->list_done + end - range->start) / MAX (s->list_bytes, 1), NULL,
                   s->report_data);
      if (g_cancellable_set_error_if_cancelled (s->cancellable, s->ctx->error))
        {
          *cancelled = TRUE;
          return FALSE;
        }
    }
  s->list_done += range->end - range->start;
  if (n > RD_CASE_JSON_MAX_RECORDS && (s->fault == NULL || s->fault_list == l))
    {
      GError **caller_error = s->ctx->error;

      g_clear_error (&s->fault);
      s->ctx->error = &s->fault;
      _rd_json_fail (s->ctx, range->line, list_names[l],
                     _("This list has %u entries; Redress takes at most %u in one list."),
                     n, RD_CASE_JSON_MAX_RECORDS);
      s->ctx->error = caller_error;
      set_fault (s, l);
    }
  return TRUE;
}

/* A list that is not marked (missing, null, or not a list): read from the
 * tree as before. */
static void
read_unmarked (Split      *s,
               List        l,
               JsonObject *root)
{
  g_autoptr(RdCaseFacts) one = NULL;
  RdCaseFacts *into = s->facts;
  GError **caller_error = s->ctx->error;

  if (s->fault != NULL)
    return;
  if (s->sink != NULL)
    into = one = rd_case_facts_new (s->rcase);
  s->ctx->error = &s->fault;
  if (!parse_list[l] (s->ctx, root, into))
    set_fault (s, l);
  else if (one != NULL && s->store_error == NULL)
    s->sink->take (s->sink->data, one, &s->store_error);
  s->ctx->error = caller_error;
}

/* The document's own fields and its case: read before the lists, whose
 * records belong to the case. */
static void
read_case (Split      *s,
           JsonObject *root)
{
  GError **caller_error = s->ctx->error;

  s->ctx->error = &s->fault;
  if (_rd_json_check_root (s->ctx, root) && _rd_json_parse_case (s->ctx, root, &s->rcase))
    {
      if (s->sink == NULL)
        s->facts = rd_case_facts_new (s->rcase);
      else
        s->sink->begin (s->sink->data, s->rcase, &s->store_error);
    }
  s->ctx->error = caller_error;
}

/**
 * _rd_json_read_split:
 * @ctx: begun by _rd_json_ctx_begin()
 * @sink: (nullable): where each entry's records go as they are read;
 *   %NULL to keep them all in @facts
 * @facts: (out) (optional): every record, when there is no sink
 * @policy: (out) (optional): the landlord's policy profile, or %NULL
 * @report: (nullable): told how far the reading of the lists has got
 * @cancellable: (nullable): checked after each entry
 *
 * Reads @data a part at a time (see above).
 *
 * Returns: whether it was read; %RD_JSON_SPLIT_UNSUITED when it must be
 *   read whole instead (nothing is reported then, and what the sink took
 *   must be undone)
 */
RdJsonSplitResult
_rd_json_read_split (RdJsonCtx         *ctx,
                     const char        *data,
                     gsize              length,
                     const RdJsonSink  *sink,
                     RdCaseFacts      **facts,
                     RdPolicy         **policy,
                     RdJsonReportFunc   report,
                     gpointer           report_data,
                     GCancellable      *cancellable)
{
  g_autoptr(JsonObject) root = json_object_new ();
  RdJsonSplitResult result = RD_JSON_SPLIT_UNSUITED;
  gboolean cancelled = FALSE;
  Split s = { 0 };

  s.ctx = ctx;
  s.data = data;
  s.length = length;
  s.sink = sink;
  s.fault_list = NO_LIST;
  s.report = report;
  s.report_data = report_data;
  s.cancellable = cancellable;

  if (!read_root (&s, root))
    goto out;
  read_case (&s, root);
  for (guint l = 0; l < N_LISTS; l++)
    {
      if (s.ranges[l].array == NULL)
        read_unmarked (&s, l, root);
      else if (!read_list (&s, l, &cancelled))
        {
          if (cancelled)
            result = RD_JSON_SPLIT_FAILED;
          goto out;
        }
    }

  result = RD_JSON_SPLIT_FAILED;
  if (!_rd_json_check_duplicates (ctx))
    goto out;
  if (s.fault != NULL)
    {
      g_propagate_error (ctx->error, g_steal_pointer (&s.fault));
      goto out;
    }
  if (s.store_error != NULL)
    {
      g_propagate_error (ctx->error, g_steal_pointer (&s.store_error));
      goto out;
    }
  if (policy != NULL && !_rd_json_read_policy (root, policy, ctx->error))
    goto out;
  if (facts != NULL)
    *facts = g_steal_pointer (&s.facts);
  result = RD_JSON_SPLIT_DONE;

out:
  g_clear_error (&s.fault);
  g_clear_error (&s.store_error);
  g_clear_object (&s.facts);
  g_clear_object (&s.rcase);
  return result;
}
