/* rd-case-archive-times.c: when each record of a handed-over case was first
 * written and last changed, carried in the archive and put back on import,
 * so that the diary's dates stay the ones the resident wrote it on.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-archive"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rd-case-archive-private.h"
#include "rd-store-private.h"

/*
 * The archive's "times" object holds, for the case and for each list of the
 * case JSON in document order, [created_at, updated_at] in seconds since
 * 1970. Complaint events are one list, complaint by complaint.
 */
typedef struct {
  const char *name;
  const char *select_sql;
  const char *update_sql;
} TimesKind;

enum { KIND_CASE, KIND_PARTIES, KIND_INCIDENTS, KIND_CONTACTS, KIND_COMPLAINTS, KIND_EVENTS, N_KINDS };

static const TimesKind kinds[N_KINDS] = {
  { "case", "SELECT created_at, updated_at FROM cases WHERE id = ?1",
    "UPDATE cases SET created_at = ?1, updated_at = ?2 WHERE id = ?3" },
  { "parties", "SELECT created_at, updated_at FROM parties WHERE id = ?1",
    "UPDATE parties SET created_at = ?1, updated_at = ?2 WHERE id = ?3" },
  { "incidents", "SELECT created_at, updated_at FROM incidents WHERE id = ?1",
    "UPDATE incidents SET created_at = ?1, updated_at = ?2 WHERE id = ?3" },
  { "contacts", "SELECT created_at, updated_at FROM contacts WHERE id = ?1",
    "UPDATE contacts SET created_at = ?1, updated_at = ?2 WHERE id = ?3" },
  { "complaints", "SELECT created_at, updated_at FROM complaints WHERE id = ?1",
    "UPDATE complaints SET created_at = ?1, updated_at = ?2 WHERE id = ?3" },
  { "events", "SELECT created_at, updated_at FROM complaint_events WHERE id = ?1",
    "UPDATE complaint_events SET created_at = ?1, updated_at = ?2 WHERE id = ?3" },
};

/* The store ids of the records of one kind, in document order. */
static GArray *
collect_ids (RdCaseFacts *facts,
             guint        kind)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GPtrArray *items;
  gint64 id;

  switch (kind)
    {
    case KIND_CASE:
      id = rd_case_get_id (rd_case_facts_get_case (facts));
      g_array_append_val (ids, id);
      break;
    case KIND_PARTIES:
      items = rd_case_facts_get_parties (facts);
      for (guint i = 0; i < items->len; i++)
        {
          id = rd_party_get_id (g_ptr_array_index (items, i));
          g_array_append_val (ids, id);
        }
      break;
    case KIND_INCIDENTS:
      items = rd_case_facts_get_incidents (facts);
      for (guint i = 0; i < items->len; i++)
        {
          id = rd_incident_get_id (g_ptr_array_index (items, i));
          g_array_append_val (ids, id);
        }
      break;
    case KIND_CONTACTS:
      items = rd_case_facts_get_contacts (facts);
      for (guint i = 0; i < items->len; i++)
        {
          id = rd_contact_get_id (g_ptr_array_index (items, i));
          g_array_append_val (ids, id);
        }
      break;
    case KIND_COMPLAINTS:
    case KIND_EVENTS:
      items = rd_case_facts_get_complaints (facts);
      for (guint i = 0; i < items->len; i++)
        {
          RdComplaint *complaint = g_ptr_array_index (items, i);
          GPtrArray *events;

          if (kind == KIND_COMPLAINTS)
            {
              id = rd_complaint_get_id (complaint);
              g_array_append_val (ids, id);
              continue;
            }
          events = rd_case_facts_get_events (facts, complaint);
          for (guint e = 0; e < events->len; e++)
            {
              id = rd_complaint_event_get_id (g_ptr_array_index (events, e));
              g_array_append_val (ids, id);
            }
        }
      break;
    default:
      g_assert_not_reached ();
    }
  return ids;
}

static gboolean
add_pair (JsonBuilder  *builder,
          RdStore      *store,
          const char   *sql,
          gint64        id,
          GError      **error)
{
  sqlite3_stmt *stmt = _rd_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return _rd_store_set_error (store, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, error);
    }
  json_builder_begin_array (builder);
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 1));
  json_builder_end_array (builder);
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * _rd_archive_build_times:
 * @facts: the case as loaded from @store (its records carry the store's ids)
 *
 * Adds the member "times" to the document being built.
 */
gboolean
_rd_archive_build_times (JsonBuilder  *builder,
                         RdStore      *store,
                         RdCaseFacts  *facts,
                         GError      **error)
{
  json_builder_set_member_name (builder, "times");
  json_builder_begin_object (builder);
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_autoptr(GArray) ids = collect_ids (facts, k);

      json_builder_set_member_name (builder, kinds[k].name);
      if (k != KIND_CASE)
        json_builder_begin_array (builder);
      for (guint i = 0; i < ids->len; i++)
        if (!add_pair (builder, store, kinds[k].select_sql, g_array_index (ids, gint64, i), error))
          return FALSE;
      if (k != KIND_CASE)
        json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  return TRUE;
}

static gboolean
invalid_times (GError     **error,
               const char  *path)
{
  g_set_error (error, RD_CASE_ARCHIVE_ERROR, RD_CASE_ARCHIVE_ERROR_INVALID,
               _("The case in this archive cannot be read: “%s” should be a pair of times. "
                 "Nothing was imported."), path);
  return FALSE;
}

static gboolean
read_pair (JsonNode  *node,
           gint64     out[2])
{
  JsonArray *pair;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  pair = json_node_get_array (node);
  if (json_array_get_length (pair) != 2)
    return FALSE;
  for (guint i = 0; i < 2; i++)
    {
      JsonNode *value = json_array_get_element (pair, i);

      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_INT64 ||
          json_node_get_int (value) <= 0)
        return FALSE;
      out[i] = json_node_get_int (value);
    }
  return TRUE;
}

/**
 * _rd_archive_check_times:
 * @root: the archive's case document
 * @facts: the case read from it
 *
 * An archive made before Redress carried the times has no "times": that is
 * fine. When it is there, it must hold a pair for every record.
 */
gboolean
_rd_archive_check_times (JsonObject   *root,
                         RdCaseFacts  *facts,
                         GError      **error)
{
  JsonNode *node = json_object_get_member (root, "times");
  JsonObject *times;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid_times (error, "times");
  times = json_node_get_object (node);
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_autoptr(GArray) ids = collect_ids (facts, k);
      g_autofree char *path = g_strdup_printf ("times.%s", kinds[k].name);
      JsonNode *list = json_object_get_member (times, kinds[k].name);
      gint64 pair[2];

      if (k == KIND_CASE)
        {
          if (!read_pair (list, pair))
            return invalid_times (error, path);
          continue;
        }
      if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list) ||
          json_array_get_length (json_node_get_array (list)) != ids->len)
        return invalid_times (error, path);
      for (guint i = 0; i < ids->len; i++)
        if (!read_pair (json_array_get_element (json_node_get_array (list), i), pair))
          {
            g_autofree char *where = g_strdup_printf ("%s[%u]", path, i);
            return invalid_times (error, where);
          }
    }
  return TRUE;
}

/**
 * _rd_archive_restore_times:
 * @facts: the case just written from the archive (its records carry the
 *   new store ids)
 *
 * Puts back every record's times, inside the import's write and after
 * everything else, so that nothing written later touches them. An archive
 * without times dates each diary entry from its first revision.
 */
gboolean
_rd_archive_restore_times (RdStore      *store,
                           JsonObject   *root,
                           RdCaseFacts  *facts,
                           GError      **error)
{
  JsonNode *node = json_object_get_member (root, "times");

  if (node == NULL)
    {
      g_autoptr(GArray) ids = collect_ids (facts, KIND_INCIDENTS);

      for (guint i = 0; i < ids->len; i++)
        if (!_rd_store_run (store,
                            "UPDATE incidents SET"
                            " created_at = coalesce ((SELECT min (written_at) FROM incident_revisions"
                            "   WHERE incident_id = ?1), created_at),"
                            " updated_at = coalesce ((SELECT max (last_changed_at) FROM incident_revisions"
                            "   WHERE incident_id = ?1), updated_at)"
                            " WHERE id = ?1",
                            &g_array_index (ids, gint64, i), 1, error))
          return FALSE;
      return TRUE;
    }

  /* Children first, the case last: nothing below writes the case again. */
  for (guint k = N_KINDS; k-- > 0;)
    {
      g_autoptr(GArray) ids = collect_ids (facts, k);
      JsonNode *list = json_object_get_member (json_node_get_object (node), kinds[k].name);

      for (guint i = 0; i < ids->len; i++)
        {
          JsonNode *element = k == KIND_CASE ? list
                                             : json_array_get_element (json_node_get_array (list), i);
          gint64 params[3];

          if (!read_pair (element, params))
            return invalid_times (error, kinds[k].name);
          params[2] = g_array_index (ids, gint64, i);
          if (!_rd_store_run (store, kinds[k].update_sql, params, 3, error))
            return FALSE;
        }
    }
  return TRUE;
}
