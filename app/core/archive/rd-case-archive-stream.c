/* rd-case-archive-stream.c: reading a case archive's document a record at
 * a time, and writing each record as it passes its checks.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document (case.json) of a case of 100,000 diary entries is some
 * hundred megabytes. Read whole by json-glib, with the case written out
 * again as text for the case JSON reader and read once more, it took over
 * a gigabyte. Here the document, staged in a file and mapped, is walked
 * without parsing: its object's members are found, the case goes to the
 * case JSON reader in parts (rd-case-json-split.c), and each element of
 * the lists (versions, evidence, links, times) is given to json-glib
 * alone, checked, written and freed, and its pages given back. So memory
 * follows the largest record, not the case.
 *
 * Nothing is checked in full before writing any more: the import writes
 * as it reads, inside one write of the store, and the first fault rolls
 * all of it back. With no store (the fuzzing harness), the same reading
 * only checks.
 *
 * Archives made by earlier versions hold the same document, as json-glib
 * wrote it; they are read the same way. A document whose object the walk
 * cannot follow (a comment, a member's name written with escapes) is not
 * one Redress wrote, and is refused as not JSON.
 */
#define G_LOG_DOMAIN "rd-case-archive"

#include "config.h"

#include "rd-gettext.h"
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "rd-case-archive-private.h"
#include "rd-case-json-private.h"
#include "rd-store-advisers.h"
#include "rd-store-archive.h"
#include "rd-store-policies.h"

typedef enum {
  MEMBER_FORMAT, MEMBER_VERSION, MEMBER_CASE, MEMBER_ADMIN, MEMBER_REVISIONS, MEMBER_EVIDENCE,
  MEMBER_LINKS, MEMBER_CASE_UUID, MEMBER_POLICY, MEMBER_TIMES, N_MEMBERS
} Member;

static const char * const member_names[N_MEMBERS] = {
  "format", "version", "case", "admin", "revisions", "evidence", "links", "case_uuid", "policy",
  "times",
};

/* The members small enough to be read whole. */
static const Member small_members[] = {
  MEMBER_FORMAT, MEMBER_VERSION, MEMBER_ADMIN, MEMBER_CASE_UUID, MEMBER_POLICY,
};

typedef struct {
  gboolean present;
  gsize    start;   /* of the value */
  gsize    end;     /* just after it */
  guint    line;
} Range;

typedef struct {
  RdArchiveContents *contents;
  const char        *data;
  gsize              length;
  RdJsonCtx          ctx;            /* for giving back the pages read */
  RdStore           *store;          /* NULL: check only */
  RdArchiveProgress *progress;       /* (nullable) */
  double             part_start;     /* of the phase, where the list being read starts */
  double             part_size;
  guint              times_kind;     /* the list of "times" being read */
  guint              times_read;
  RdArchiveDocument *doc;
  JsonObject        *small;          /* the small members, read */
  RdJsonWritten      written;        /* the store's ids of the case's records, document order */
  GHashTable        *incident_ids;   /* the document's id → the store's */
  GHashTable        *contact_ids;
  GArray            *first_event;    /* guint: each complaint's first step, then the count */
  GHashTable        *evidence_ids;   /* the document's id → the store's (0 when checking) */
  GHashTable        *used;           /* sha256 of the files the evidence names */
  GArray            *parents;        /* gint64 pairs: evidence, the evidence it is attached to */
} Reader;

typedef gboolean (*EachFunc) (Reader    *r,
                              guint      index,
                              JsonNode  *node,
                              GError   **error);

static gboolean
not_json (GError **error)
{
  return _rd_archive_invalid (error, RD_ARCHIVE_DOCUMENT_NAME, _("is not JSON"));
}

static void
release (Reader *r,
         gsize   from,
         gsize   upto)
{
  _rd_json_release (&r->ctx, r->data, from, upto);
}

/* json-glib's reading of the part [@start, @end); NULL if it is not JSON. */
static JsonNode *
parse_part (Reader  *r,
            gsize    start,
            gsize    end,
            GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *node;

  if (!_rd_archive_json_depth_ok (r->data + start, end - start, RD_ARCHIVE_MAX_JSON_DEPTH) ||
      !json_parser_load_from_data (parser, r->data + start, end - start, NULL) ||
      (node = json_parser_steal_root (parser)) == NULL)
    {
      not_json (error);
      return NULL;
    }
  release (r, start, end);
  return node;
}

/* Finds the members of the object in [@start, @end) whose names are in
 * @names, without parsing them. */
static gboolean
find_members (Reader             *r,
              gsize               start,
              gsize               end,
              const char * const *names,
              guint               n_names,
              Range              *ranges,
              GError            **error)
{
  RdJsonCursor c = { r->data, end, start, 1, &r->ctx, start };

  _rd_json_skip_space (&c);
  if (c.pos >= c.end || c.data[c.pos] != '{')
    return not_json (error);
  c.pos++;
  _rd_json_skip_space (&c);
  if (c.pos < c.end && c.data[c.pos] == '}')
    c.pos++;
  else
    for (;;)
      {
        gsize name_start = c.pos + 1;
        gboolean escaped = FALSE;
        Range value = { TRUE };
        gsize name_len;

        if (c.pos >= c.end || c.data[c.pos] != '"' || !_rd_json_skip_string (&c, &escaped) || escaped)
          return not_json (error);
        name_len = c.pos - 1 - name_start;
        _rd_json_skip_space (&c);
        if (c.pos >= c.end || c.data[c.pos] != ':')
          return not_json (error);
        c.pos++;
        _rd_json_skip_space (&c);
        value.start = c.pos;
        value.line = c.line;
        if (!_rd_json_skip_value (&c))
          return not_json (error);
        value.end = c.pos;
        for (guint m = 0; m < n_names; m++)
          {
            /* Compared within the name's own quotes: a short name near the
             * end of the mapping must not be read past. */
            if (strlen (names[m]) == name_len && memcmp (c.data + name_start, names[m], name_len) == 0)
              {
                /* A name given twice: json-glib kept the last, which would
                 * hide the first from the checks. */
                if (ranges[m].present)
                  return _rd_archive_invalid (error, names[m], _("is given twice"));
                ranges[m] = value;
              }
          }
        _rd_json_skip_space (&c);
        if (c.pos < c.end && c.data[c.pos] == '}')
          {
            c.pos++;
            break;
          }
        if (c.pos >= c.end || c.data[c.pos] != ',')
          return not_json (error);
        c.pos++;
        _rd_json_skip_space (&c);
      }
  _rd_json_skip_space (&c);
  if (c.pos != c.end)
    return not_json (error);
  return TRUE;
}

/* Gives each value of [c->pos, c->end), a list's inside, to @func, one
 * at a time, parsed alone; @range is the whole list, for the progress. */
static gboolean
walk_values (Reader        *r,
             RdJsonCursor  *c,
             const Range   *range,
             EachFunc       func,
             GError       **error)
{
  guint n = 0;

  _rd_json_skip_space (c);
  while (c->pos < c->end)
    {
      gsize start = c->pos;
      g_autoptr(JsonNode) node = NULL;

      if (!_rd_json_skip_value (c))
        return not_json (error);
      if ((node = parse_part (r, start, c->pos, error)) == NULL)
        return FALSE;
      if (!func (r, n++, node, error))
        return FALSE;
      _rd_json_skip_space (c);
      if (c->pos < c->end)
        {
          if (c->data[c->pos] != ',')
            return not_json (error);
          c->pos++;
          _rd_json_skip_space (c);
          if (c->pos >= c->end)
            return not_json (error);
        }
      if (!_rd_archive_progress_step (r->progress,
                                      r->part_start + r->part_size * (c->pos - range->start) /
                                      (range->end - range->start), error))
        return FALSE;
    }
  return TRUE;
}

/* Gives each element of the list @range holds to @func, one at a time. */
static gboolean
each_element (Reader       *r,
              const Range  *range,
              const char   *name,
              EachFunc      func,
              GError      **error)
{
  RdJsonCursor c = { r->data, range->end - 1, range->start + 1, range->line, &r->ctx, range->start };

  if (!range->present || r->data[range->start] != '[')
    return _rd_archive_invalid (error, name, _("should be a list"));
  return walk_values (r, &c, range, func, error);
}

static void
set_part (Reader *r,
          double  start,
          double  size)
{
  r->part_start = start;
  r->part_size = size;
}

static gint64
lookup (GHashTable *map,
        gint64      key)
{
  gint64 *value = g_hash_table_lookup (map, &key);

  return value != NULL ? *value : 0;
}

static gboolean
revision_cb (Reader    *r,
             guint      index,
             JsonNode  *node,
             GError   **error)
{
  gint64 incident;
  JsonObject *object = _rd_archive_check_revision (node, index, r->incident_ids, &incident, error);

  if (object == NULL)
    return FALSE;
  return r->store == NULL ||
         rd_store_restore_revision (r->store, lookup (r->incident_ids, incident), object, error);
}

static gboolean
evidence_id_cb (Reader    *r,
                guint      index,
                JsonNode  *node,
                GError   **error)
{
  return _rd_archive_check_evidence_id (node, index, r->evidence_ids, error);
}

static gboolean
evidence_cb (Reader    *r,
             guint      index,
             JsonNode  *node,
             GError   **error)
{
  gint64 parent;
  JsonObject *object = _rd_archive_check_evidence (node, index, r->contents, r->evidence_ids,
                                                   r->used, &parent, error);
  gint64 doc_id, new_id;

  if (object == NULL)
    return FALSE;
  doc_id = json_object_get_int_member (object, "id");
  if (parent != 0)
    {
      g_array_append_val (r->parents, doc_id);
      g_array_append_val (r->parents, parent);
    }
  if (r->store == NULL)
    return TRUE;
  new_id = rd_store_restore_evidence (r->store, r->doc->case_id, object, error);
  if (new_id == 0)
    return FALSE;
  *(gint64 *) g_hash_table_lookup (r->evidence_ids, &doc_id) = new_id;
  return TRUE;
}

static gboolean
link_cb (Reader    *r,
         guint      index,
         JsonNode  *node,
         GError   **error)
{
  gint64 target;
  JsonObject *object = _rd_archive_check_link (node, index, r->evidence_ids, r->incident_ids,
                                               r->contact_ids, r->first_event, &target, error);
  const char *kind;

  if (object == NULL)
    return FALSE;
  if (r->store == NULL)
    return TRUE;
  kind = json_object_get_string_member (object, "target_kind");
  if (g_str_equal (kind, "incident"))
    target = lookup (r->incident_ids, target);
  else if (g_str_equal (kind, "contact"))
    target = lookup (r->contact_ids, target);
  else
    target = g_array_index (r->written.ids[RD_STORE_RECORD_EVENT], gint64, target);
  return rd_store_restore_evidence_link (r->store,
                                         lookup (r->evidence_ids,
                                                 json_object_get_int_member (object, "evidence")),
                                         kind, target, json_object_get_string_member (object, "note"),
                                         json_object_get_int_member (object, "created_at"), error);
}

/* Each complaint's first step among all steps, and their number at the end. */
static void
find_first_events (Reader *r)
{
  GArray *of = r->written.event_complaint;
  guint n_complaints = r->written.ids[RD_STORE_RECORD_COMPLAINT]->len;
  guint e = 0;

  for (guint c = 1; c <= n_complaints; c++)
    {
      g_array_append_val (r->first_event, e);
      while (e < of->len && g_array_index (of, guint, e) == c)
        e++;
    }
  g_array_append_val (r->first_event, e);
}

static void
report_case_cb (double      fraction,
                const char *message,
                gpointer    data)
{
  RdArchiveProgress *progress = data;

  if (progress->func != NULL)
    progress->func (progress->phase, fraction, progress->data);
}

/* The case, through the case JSON reader: saved with the store's ids, or
 * only checked. */
static gboolean
read_case (Reader       *r,
           const Range  *range,
           GDateTime    *now,
           GError      **error)
{
  g_autoptr(GError) case_error = NULL;

  if (!range->present || r->data[range->start] != '{')
    return _rd_archive_invalid (error, "case", _("should be an object in curly brackets"));
  _rd_archive_progress_begin (r->progress, RD_CASE_ARCHIVE_PHASE_READ_CASE, 0);
  r->doc->case_id = _rd_case_json_read_part (r->store, r->data + range->start,
                                             range->end - range->start, r->ctx.release, now,
                                             &r->written, &r->incident_ids, &r->contact_ids,
                                             r->progress != NULL ? report_case_cb : NULL, r->progress,
                                             r->progress != NULL ? r->progress->cancellable : NULL,
                                             &case_error);
  if (r->doc->case_id == 0)
    {
      if (g_error_matches (case_error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_SYNTAX) ||
          g_error_matches (case_error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_INVALID) ||
          g_error_matches (case_error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_VERSION))
        g_set_error (error, RD_CASE_ARCHIVE_ERROR, RD_CASE_ARCHIVE_ERROR_INVALID,
                     _("The case in this archive cannot be read: %s"), case_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&case_error));
      return FALSE;
    }
  find_first_events (r);
  return TRUE;
}

static gboolean
read_evidence (Reader       *r,
               const Range  *range,
               GError      **error)
{
  /* The list is read twice, then the links: a share of the phase each. */
  _rd_archive_progress_begin (r->progress, RD_CASE_ARCHIVE_PHASE_READ_EVIDENCE, 0);
  set_part (r, 0, 0.3);
  if (!each_element (r, range, "evidence", evidence_id_cb, error))
    return FALSE;
  set_part (r, 0.3, 0.4);
  if (!each_element (r, range, "evidence", evidence_cb, error))
    return FALSE;
  for (guint i = 0; r->store != NULL && i < r->parents->len; i += 2)
    if (!_rd_archive_progress_step (r->progress, 0.7, error) ||
        !rd_store_set_evidence_parent (r->store,
                                       lookup (r->evidence_ids, g_array_index (r->parents, gint64, i)),
                                       lookup (r->evidence_ids, g_array_index (r->parents, gint64, i + 1)),
                                       error))
      return FALSE;
  if (g_hash_table_size (r->used) != g_hash_table_size (r->contents->staged))
    return _rd_archive_invalid (error, "evidence", _("leaves out a file the archive carries"));
  return TRUE;
}

static gboolean
times_cb (Reader    *r,
          guint      index,
          JsonNode  *node,
          GError   **error)
{
  guint kind = r->times_kind;
  GArray *ids = r->written.ids[kind];
  gint64 pair[2];

  if (index >= ids->len || !_rd_archive_read_pair (node, pair))
    {
      g_autofree char *where = kind == RD_STORE_RECORD_CASE
                               ? g_strdup_printf ("times.%s", _rd_archive_times_list_name (kind))
                               : g_strdup_printf ("times.%s[%u]", _rd_archive_times_list_name (kind), index);

      return _rd_archive_invalid_times (error, where);
    }
  r->times_read++;
  return r->store == NULL ||
         rd_store_set_record_times (r->store, kind, g_array_index (ids, gint64, index), pair[0], pair[1],
                                    error);
}

/* One list of "times", or the case's own pair: one pair for each record
 * of @kind, and each put back. */
static gboolean
read_times_of (Reader       *r,
               guint         kind,
               const Range  *range,
               GError      **error)
{
  g_autofree char *path = g_strdup_printf ("times.%s", _rd_archive_times_list_name (kind));
  RdJsonCursor c = { r->data, range->end - 1, range->start + 1, range->line, &r->ctx, range->start };

  if (!range->present)
    return _rd_archive_invalid_times (error, path);
  /* The case's pair stands alone: the walk takes it as a list of one. */
  if (kind == RD_STORE_RECORD_CASE)
    c = (RdJsonCursor) { r->data, range->end, range->start, range->line, &r->ctx, range->start };
  else if (r->data[range->start] != '[')
    return _rd_archive_invalid_times (error, path);
  r->times_kind = kind;
  r->times_read = 0;
  if (!walk_values (r, &c, range, times_cb, error))
    return FALSE;
  if (r->times_read != r->written.ids[kind]->len)
    return _rd_archive_invalid_times (error, path);
  return TRUE;
}

/* When each record was written and changed. An archive made before
 * Redress carried the times has none: each diary entry is then dated from
 * its first version. */
static gboolean
read_times (Reader       *r,
            const Range  *range,
            GError      **error)
{
  const char *names[RD_STORE_RECORD_N_KINDS];
  Range lists[RD_STORE_RECORD_N_KINDS] = { { 0 } };
  double total = 0, done = 0;

  for (guint k = 0; k < RD_STORE_RECORD_N_KINDS; k++)
    total += r->written.ids[k]->len;
  _rd_archive_progress_begin (r->progress, RD_CASE_ARCHIVE_PHASE_READ_TIMES, 0);
  if (!range->present)
    {
      GArray *ids = r->written.ids[RD_STORE_RECORD_INCIDENT];

      for (guint i = 0; r->store != NULL && i < ids->len; i++)
        if (!rd_store_date_incident_by_history (r->store, g_array_index (ids, gint64, i), error) ||
            !_rd_archive_progress_step (r->progress, (double) i / ids->len, error))
          return FALSE;
      return TRUE;
    }
  if (r->data[range->start] != '{')
    return _rd_archive_invalid_times (error, "times");
  for (guint k = 0; k < RD_STORE_RECORD_N_KINDS; k++)
    names[k] = _rd_archive_times_list_name (k);
  if (!find_members (r, range->start, range->end, names, RD_STORE_RECORD_N_KINDS, lists, error))
    return FALSE;
  /* Children first, the case last: nothing below writes the case again. */
  for (guint k = RD_STORE_RECORD_N_KINDS; k-- > 0;)
    {
      guint n = r->written.ids[k]->len;

      set_part (r, done / MAX (total, 1), n / MAX (total, 1));
      if (!read_times_of (r, k, &lists[k], error))
        return FALSE;
      done += n;
    }
  return TRUE;
}

/* The whole document, in the order its records depend on each other. */
static gboolean
read_document (Reader                    *r,
               RdCaseArchiveImportFlags   flags,
               GDateTime                 *now,
               GError                   **error)
{
  Range members[N_MEMBERS] = { { 0 } };

  if (!find_members (r, 0, r->length, member_names, N_MEMBERS, members, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (small_members); i++)
    {
      const Range *range = &members[small_members[i]];
      JsonNode *node;

      if (!range->present)
        continue;
      if ((node = parse_part (r, range->start, range->end, error)) == NULL)
        return FALSE;
      json_object_set_member (r->small, member_names[small_members[i]], node);
    }
  if (!_rd_archive_check_format (r->small, error) ||
      (r->doc->identity = _rd_archive_parse_identity (r->small, r->contents->document_sha256,
                                                       r->data, r->length, error)) == NULL ||
      !read_case (r, &members[MEMBER_CASE], now, error) ||
      !_rd_archive_parse_admin (r->doc, r->small, error))
    return FALSE;
  _rd_archive_progress_begin (r->progress, RD_CASE_ARCHIVE_PHASE_READ_REVISIONS, 0);
  if (r->store != NULL)
    {
      GArray *ids = r->written.ids[RD_STORE_RECORD_INCIDENT];

      rd_case_admin_set_case_id (r->doc->admin, r->doc->case_id);
      if (!rd_store_save_case_admin (r->store, r->doc->admin, error))
        return FALSE;
      /* Saving the entries wrote a first version of each: the archive's
       * history replaces it, exactly as it was. */
      for (guint i = 0; i < ids->len; i++)
        if (!rd_store_clear_revisions (r->store, g_array_index (ids, gint64, i), error) ||
            !_rd_archive_progress_step (r->progress, 0, error))
          return FALSE;
    }
  set_part (r, 0, 1);
  if (!each_element (r, &members[MEMBER_REVISIONS], "revisions", revision_cb, error) ||
      !read_evidence (r, &members[MEMBER_EVIDENCE], error))
    return FALSE;
  set_part (r, 0.7, 0.3);
  if (!each_element (r, &members[MEMBER_LINKS], "links", link_cb, error) ||
      !_rd_archive_parse_policy (r->small, &r->doc->policy, error) ||
      (r->store != NULL && r->doc->policy != NULL &&
       !rd_store_adopt_case_policy (r->store, r->doc->case_id, r->doc->policy, error)) ||
      !read_times (r, &members[MEMBER_TIMES], error))
    return FALSE;
  /* Unless it is taken in as a copy, the case keeps the archive's
   * identity, and a case with that identity must not be here already:
   * asked once the whole document is known to be sound, so that a damaged
   * archive is said to be damaged. */
  if (r->store != NULL && !(flags & RD_CASE_ARCHIVE_IMPORT_AS_COPY) &&
      (!_rd_archive_check_not_here (r->store, r->doc->identity, error) ||
       !_rd_archive_set_identity (r->store, r->doc->case_id, r->doc->identity, error)))
    return FALSE;
  return TRUE;
}

/**
 * _rd_archive_document_read:
 * @store: (nullable): where the case goes, inside the caller's write (which
 *   the caller rolls back on failure); %NULL to check the document only
 * @flags: %RD_CASE_ARCHIVE_IMPORT_AS_COPY to take in a case that is here
 *   already, as a new case with an identity of its own
 * @now: the time against which "in the future" is judged
 *
 * Reads and checks the case document of a checked archive a record at a
 * time: the case JSON (with its own checks), the adviser's record, the
 * versions of the entries, the evidence records (each naming a file the
 * archive carries) and links (each naming records in the case), the
 * policy, the identity and the times; with @store, each record is written
 * as soon as it is checked.
 *
 * Returns: (transfer full): what the document said, or %NULL with @error set
 */
RdArchiveDocument *
_rd_archive_document_read (RdArchiveContents         *contents,
                           RdStore                   *store,
                           RdCaseArchiveImportFlags   flags,
                           GDateTime                 *now,
                           RdArchiveProgress         *progress,
                           GError                   **error)
{
  g_autoptr(RdArchiveDocument) doc = g_new0 (RdArchiveDocument, 1);
  Reader r = { contents, contents->document, contents->document_len };
  gboolean ok;

  r.ctx.release = contents->document_map != NULL;
  r.store = store;
  r.progress = progress;
  r.doc = doc;
  r.small = json_object_new ();
  _rd_json_written_init (&r.written);
  r.first_event = g_array_new (FALSE, FALSE, sizeof (guint));
  r.evidence_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  r.used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.parents = g_array_new (FALSE, FALSE, sizeof (gint64));

  ok = read_document (&r, flags, now, error);

  json_object_unref (r.small);
  _rd_json_written_clear (&r.written);
  g_clear_pointer (&r.incident_ids, g_hash_table_unref);
  g_clear_pointer (&r.contact_ids, g_hash_table_unref);
  g_array_unref (r.first_event);
  g_hash_table_unref (r.evidence_ids);
  g_hash_table_unref (r.used);
  g_array_unref (r.parents);
  return ok ? g_steal_pointer (&doc) : NULL;
}

/**
 * _rd_archive_document_parse:
 *
 * _rd_archive_document_read() with no store: reads and checks the whole
 * document without writing anything (for the fuzzing harness).
 *
 * Returns: (transfer full): what the document said, or %NULL with @error set
 */
RdArchiveDocument *
_rd_archive_document_parse (RdArchiveContents  *contents,
                            GDateTime          *now,
                            GError            **error)
{
  return _rd_archive_document_read (contents, NULL, 0, now, NULL, error);
}
