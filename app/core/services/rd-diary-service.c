/* rd-diary-service.c: what a list shows of each diary entry, read off the main thread.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-diary-service"

#include "config.h"

#include "rd-diary-service.h"
#include "rd-service-private.h"

/*
 * A list of a long diary keeps a little of each entry (the GUI's
 * RdDiaryItem). Reading 100,000 entries to make those took 150 ms or more
 * of the window's main thread when the diary page was first filled (issue
 * 17): here the entries are read on a worker's own connection, one at a
 * time, each turned at once into what the caller keeps, and put in the
 * caller's order there too, so the main thread only has to show them.
 */

/* How many entries are read between two looks at the cancellable. */
#define CANCEL_EVERY 512

typedef struct
{
  gint64            case_id;
  RdDiaryMapFunc    map;
  GCompareDataFunc  compare;
  gpointer          user_data;
  GDestroyNotify    item_free;
  GPtrArray        *items;
  GCancellable     *cancellable;
} ReadJob;

static void
read_job_free (gpointer data)
{
  ReadJob *job = data;

  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_free (job);
}

static gboolean
add_cb (gpointer   incident,
        gpointer   user_data,
        GError   **error)
{
  ReadJob *job = user_data;
  gpointer kept;

  if (job->items->len % CANCEL_EVERY == 0 &&
      g_cancellable_set_error_if_cancelled (job->cancellable, error))
    return FALSE;
  kept = job->map (incident, job->user_data);
  if (kept != NULL)
    g_ptr_array_add (job->items, kept);
  return TRUE;
}

static int
compare_pointed (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  ReadJob *job = user_data;

  return job->compare (*(gpointer const *) a, *(gpointer const *) b, job->user_data);
}

static gpointer
read_entries (RdStore       *reader,
              gpointer       data,
              RdProgress    *progress,
              GCancellable  *cancellable,
              GError       **error)
{
  ReadJob *job = data;
  GPtrArray *items;

  job->items = g_ptr_array_new_with_free_func (job->item_free);
  job->cancellable = cancellable;
  if (!rd_store_foreach_incident (reader, job->case_id, add_cb, job, error))
    return NULL;
  if (job->compare != NULL)
    g_ptr_array_sort_with_data (job->items, compare_pointed, job);
  items = g_steal_pointer (&job->items);
  job->cancellable = NULL;
  return items;
}

/**
 * rd_diary_service_read_async:
 * @map: turns each entry of the case into what the caller keeps
 * @compare: (nullable): the order to give the results, called with two of
 *   them and @user_data
 * @user_data: for @map and @compare, on the worker thread
 * @item_free: frees what @map returned
 *
 * Reads every entry of case @case_id on a worker thread, and gives back
 * what @map made of each, in @compare's order. Cancelling stops the reading
 * within a few hundred entries.
 */
void
rd_diary_service_read_async (RdStore             *store,
                             gint64               case_id,
                             RdDiaryMapFunc       map,
                             GCompareDataFunc     compare,
                             gpointer             user_data,
                             GDestroyNotify       item_free,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             callback_data)
{
  ReadJob *job;

  g_return_if_fail (RD_IS_STORE (store));
  g_return_if_fail (map != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (ReadJob, 1);
  job->case_id = case_id;
  job->map = map;
  job->compare = compare;
  job->user_data = user_data;
  job->item_free = item_free;
  _rd_service_run (store, rd_diary_service_read_async, store, read_entries, job, read_job_free,
                   (GDestroyNotify) g_ptr_array_unref, NULL, cancellable, callback, callback_data);
}

/**
 * rd_diary_service_read_finish:
 *
 * Returns: (transfer full): what the map function made of each entry, or
 *   %NULL with @error set (%G_IO_ERROR_CANCELLED when cancelled)
 */
GPtrArray *
rd_diary_service_read_finish (RdStore       *store,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return _rd_service_finish (result, rd_diary_service_read_async, error);
}
