/* rd-case-archive-times.c: when each record of a handed-over case was first
 * written and last changed, carried in the archive and put back on import,
 * so that the diary's dates stay the ones the resident wrote it on.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-archive"

#include "config.h"

#include "rd-gettext.h"

#include "rd-case-archive-private.h"
#include "rd-store-archive.h"

/*
 * The archive's "times" object holds, for the case and for each list of the
 * case JSON in document order, [created_at, updated_at] in seconds since
 * 1970. Complaint events are one list, complaint by complaint.
 */
enum { KIND_CASE, KIND_PARTIES, KIND_INCIDENTS, KIND_CONTACTS, KIND_COMPLAINTS, KIND_EVENTS, N_KINDS };

/* In the order of RdStoreRecordKind, which the writer follows. */
G_STATIC_ASSERT ((int) N_KINDS == (int) RD_STORE_RECORD_N_KINDS);

static const struct {
  const char        *name;
  RdStoreRecordKind  record;
} kinds[N_KINDS] = {
  { "case", RD_STORE_RECORD_CASE },
  { "parties", RD_STORE_RECORD_PARTY },
  { "incidents", RD_STORE_RECORD_INCIDENT },
  { "contacts", RD_STORE_RECORD_CONTACT },
  { "complaints", RD_STORE_RECORD_COMPLAINT },
  { "events", RD_STORE_RECORD_EVENT },
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

/**
 * _rd_archive_times_list_name:
 * @kind: an #RdStoreRecordKind
 *
 * Returns: the member of "times" that holds the records of @kind
 */
const char *
_rd_archive_times_list_name (guint kind)
{
  g_return_val_if_fail (kind < N_KINDS, NULL);

  return kinds[kind].name;
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
        if (!rd_store_date_incident_by_history (store, g_array_index (ids, gint64, i), error))
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
          if (!rd_store_set_record_times (store, kinds[k].record, params[2], params[0], params[1],
                                          error))
            return FALSE;
        }
    }
  return TRUE;
}
