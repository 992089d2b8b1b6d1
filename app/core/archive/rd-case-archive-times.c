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
 * 1970. Complaint events are one list, complaint by complaint. They are
 * written by rd-case-archive-write.c and read by rd-case-archive-stream.c.
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

/**
 * _rd_archive_invalid_times:
 *
 * Returns: %FALSE, with @error saying that @path should be a pair of times
 */
gboolean
_rd_archive_invalid_times (GError     **error,
                           const char  *path)
{
  g_set_error (error, RD_CASE_ARCHIVE_ERROR, RD_CASE_ARCHIVE_ERROR_INVALID,
               _("The case in this archive cannot be read: “%s” should be a pair of times. "
                 "Nothing was imported."), path);
  return FALSE;
}

/**
 * _rd_archive_read_pair:
 *
 * Returns: whether @node is [created_at, updated_at], both above 0
 */
gboolean
_rd_archive_read_pair (JsonNode  *node,
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

