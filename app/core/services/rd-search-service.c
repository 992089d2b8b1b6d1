/* rd-search-service.c: search as you type in a case's diary or contact log, off the main thread.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-search-service"

#include "config.h"

#include <stdlib.h>

#include "rd-search-service.h"
#include "rd-service-private.h"
#include "rd-store-search.h"

/*
 * Each keystroke asks for the ids of the entries (or contacts) that match,
 * read from the diary's full-text index (rd_store_search_incidents()) or
 * the contact log's (rd_store_search_contacts()) on a worker's own
 * connection, so the window never waits for the disk. The caller cancels
 * the search the next keystroke overtakes; a cancelled search stops inside
 * SQLite rather than finishing for nothing.
 */

/**
 * rd_search_service_has_words:
 *
 * Returns: whether @query has a word to look for; without one every entry
 *   matches, and there is nothing to ask the index
 */
gboolean
rd_search_service_has_words (const char *query)
{
  return rd_store_search_has_words (query);
}

/**
 * rd_search_service_find:
 * @kind: the diary's entries or the contact log's contacts
 *
 * The entries (or contacts) of a case that have every word of @query, as
 * rd_store_search_incidents() (or rd_store_search_contacts()) finds them.
 *
 * Returns: (transfer full) (element-type gint64): their ids, ascending, or
 *   %NULL with @error set
 */
GArray *
rd_search_service_find (RdStore       *store,
                        RdSearchKind   kind,
                        gint64         case_id,
                        const char    *query,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_return_val_if_fail (RD_IS_STORE (store), NULL);

  switch (kind)
    {
    case RD_SEARCH_INCIDENTS:
      return rd_store_search_incidents (store, case_id, query, cancellable, error);
    case RD_SEARCH_CONTACTS:
      return rd_store_search_contacts (store, case_id, query, cancellable, error);
    default:
      g_return_val_if_reached (NULL);
    }
}

/*
 * One reading connection per store for every search, kept open between
 * keystrokes: opening one and reading the schema cost more than a search
 * of a small diary. Searches take turns on it under the lock; SQLite lets
 * a connection opened without its own mutex be used from one thread after
 * another, as long as never from two at once.
 */
typedef struct {
  GMutex   lock;
  RdStore *reader;
} SearchReader;

static void
search_reader_free (gpointer data)
{
  SearchReader *slot = data;

  g_clear_object (&slot->reader);
  g_mutex_clear (&slot->lock);
  g_free (slot);
}

static SearchReader *
get_search_reader (RdStore *store)
{
  static GMutex slots_lock;
  SearchReader *slot;

  g_mutex_lock (&slots_lock);
  slot = g_object_get_data (G_OBJECT (store), "rd-search-reader");
  if (slot == NULL)
    {
      slot = g_new0 (SearchReader, 1);
      g_mutex_init (&slot->lock);
      g_object_set_data_full (G_OBJECT (store), "rd-search-reader", slot, search_reader_free);
    }
  g_mutex_unlock (&slots_lock);
  return slot;
}

typedef struct {
  RdStore      *store;     /* the caller's connection, for its reader */
  RdSearchKind  kind;
  gint64        case_id;
  char         *query;
} FindJob;

static void
find_job_free (gpointer data)
{
  FindJob *job = data;

  g_clear_object (&job->store);
  g_free (job->query);
  g_free (job);
}

/* Runs through _rd_service_run() without a worker connection of its own:
 * the store's kept reader serves instead (see SearchReader). */
static gpointer
find_in_reader (RdStore       *unused,
                gpointer       data,
                RdProgress    *progress,
                GCancellable  *cancellable,
                GError       **error)
{
  FindJob *job = data;
  SearchReader *slot = get_search_reader (job->store);
  GArray *ids = NULL;

  g_mutex_lock (&slot->lock);
  /* Only what never changes of the main connection is read here (see
   * rd_store_open_secondary()). */
  if (slot->reader == NULL)
    slot->reader = rd_store_open_secondary (job->store, error);
  if (slot->reader != NULL)
    ids = rd_search_service_find (slot->reader, job->kind, job->case_id, job->query, cancellable,
                                  error);
  g_mutex_unlock (&slot->lock);
  return ids;
}

/**
 * rd_search_service_find_async:
 *
 * Finds what rd_search_service_find() finds, on a worker thread.
 */
void
rd_search_service_find_async (RdStore             *store,
                              RdSearchKind         kind,
                              gint64               case_id,
                              const char          *query,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  FindJob *job;

  g_return_if_fail (RD_IS_STORE (store));

  job = g_new0 (FindJob, 1);
  job->store = g_object_ref (store);
  job->kind = kind;
  job->case_id = case_id;
  job->query = g_strdup (query);
  /* No connection for the runner to open: a search only reads, through the
   * kept reader, and writes nothing to announce. */
  _rd_service_run (store, rd_search_service_find_async, NULL, find_in_reader, job,
                   find_job_free, (GDestroyNotify) g_array_unref, NULL, cancellable,
                   callback, user_data);
}

/**
 * rd_search_service_find_finish:
 *
 * Returns: (transfer full) (element-type gint64): the ids found, ascending,
 *   or %NULL with @error set (%G_IO_ERROR_CANCELLED when cancelled)
 */
GArray *
rd_search_service_find_finish (RdStore       *store,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return _rd_service_finish (result, rd_search_service_find_async, error);
}

static gint
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/**
 * rd_search_service_ids_contain:
 * @ids: (element-type gint64): ids in ascending order, as a search returns them
 *
 * Returns: whether @id is one of @ids; a list filter calls this per row,
 *   so it is a binary search
 */
gboolean
rd_search_service_ids_contain (GArray *ids,
                               gint64  id)
{
  g_return_val_if_fail (ids != NULL, FALSE);

  return bsearch (&id, ids->data, ids->len, sizeof (gint64), compare_ids) != NULL;
}
