/* rd-snapshot-share.c: one read of a case shared by the background jobs that want it at once.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a case starts What Next, the timeline, the case list and the
 * deadline notifier, and a change to the case starts them again. Each used
 * to read the whole case on its own worker, so a diary of 100,000 entries
 * was in memory four times over, and the C library kept much of what the
 * copies took after they were freed. A snapshot is not changed once read
 * (the lists in it are put in order before it is handed out), so those
 * jobs can read one copy together.
 *
 * A share belongs to the caller's connection, the one on the main thread.
 * Each "changed" it announces starts a new generation; a job notes the
 * generation when it is started, on the main thread, and takes a snapshot
 * read in that generation or a later one, so it never sees the case as it
 * was before a change it was started after. A job that asks while another
 * is reading the same case waits for that read rather than making a second
 * copy. A snapshot stays in the share for HOLD_SECONDS after it is read:
 * long enough for the jobs that follow a change (the notifier waits two
 * seconds for a burst of changes to end), not so long that an idle window
 * keeps a copy of the case it does not need. It is then let go on a worker
 * thread, because freeing a long diary takes longer than a frame. A job
 * may still be reading it then (a dashboard of a long diary takes seconds
 * to work out): until the last job lets go of it, a job started in the
 * same generation is given that copy, not a second one of its own.
 */
#define G_LOG_DOMAIN "rd-snapshot-share"

#include "config.h"

#include <gio/gio.h>

#include "rd-memory.h"
#include "rd-snapshot-share-private.h"

#define HOLD_SECONDS  5
#define SHARE_KEY     "rd-snapshot-share"

typedef struct
{
  guint64         generation;  /* the snapshot's, or the one being read */
  gboolean        reading;
  RdCaseSnapshot *snapshot;    /* held: NULL while being read or once the hold ended */
  GWeakRef        used;        /* the snapshot while any job still has it */
  guint           serial;      /* which read, so a hold lets go only of its own */
} Entry;

struct _RdSnapshotShare
{
  GMutex        lock;
  GCond         read_done;
  GHashTable   *entries;     /* gint64* case id → Entry* */
  guint64       generation;  /* written on the main thread, under the lock */
  guint         serial;
  gboolean      detached;    /* the connection is gone: keep nothing more */
  GMainContext *context;     /* the main thread's, where holds end */
  GSList       *holds;       /* GSource*, pending, so a closed store can end them */
};

typedef struct
{
  RdSnapshotShare *share;
  gint64           case_id;
  guint            serial;
  GSource         *source;
} Hold;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->snapshot);
  g_weak_ref_clear (&entry->used);
  g_free (entry);
}

static void
share_clear (gpointer data)
{
  RdSnapshotShare *share = data;

  g_hash_table_unref (share->entries);
  g_main_context_unref (share->context);
  g_mutex_clear (&share->lock);
  g_cond_clear (&share->read_done);
}

RdSnapshotShare *
_rd_snapshot_share_ref (RdSnapshotShare *share)
{
  return g_atomic_rc_box_acquire (share);
}

void
_rd_snapshot_share_unref (RdSnapshotShare *share)
{
  g_atomic_rc_box_release_full (share, share_clear);
}

/* Frees @snapshots, a list of RdCaseSnapshot, and gives the memory back.
 * Each worker thread allocates from an arena of its own, and the C
 * library keeps what is freed in the arena for that thread's next use:
 * after a few reads of a long diary, each on another worker, the window
 * held several copies' worth of memory it no longer used. */
static void
free_snapshots (GSList *snapshots)
{
  if (snapshots == NULL)
    return;
  g_slist_free_full (snapshots, g_object_unref);
  rd_memory_give_back ();
}

static void
release_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  free_snapshots (task_data);
  g_task_return_boolean (task, TRUE);
}

/* Frees @snapshots (a list of RdCaseSnapshot) off the calling thread. */
static void
release_elsewhere (GSList *snapshots)
{
  g_autoptr(GTask) task = NULL;

  if (snapshots == NULL)
    return;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, snapshots, NULL);
  g_task_run_in_thread (task, release_thread);
}

/* Takes every snapshot that is not being read out of the share, into
 * @released, and forgets the ones jobs still use. Called with the lock held. */
static void
take_all (RdSnapshotShare  *share,
          GSList          **released)
{
  GHashTableIter iter;
  Entry *entry;

  g_hash_table_iter_init (&iter, share->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    if (!entry->reading)
      {
        if (entry->snapshot != NULL)
          *released = g_slist_prepend (*released, g_steal_pointer (&entry->snapshot));
        g_hash_table_iter_remove (&iter);
      }
}

static void
on_store_changed_cb (RdStore         *store,
                     const char      *what,
                     gint64           case_id,
                     RdSnapshotShare *share)
{
  GSList *released = NULL;

  /* What any snapshot holds may now be out of date: the next job reads
   * again, and what the share held goes now rather than at its hold's end. */
  g_mutex_lock (&share->lock);
  share->generation++;
  take_all (share, &released);
  g_mutex_unlock (&share->lock);
  release_elsewhere (released);
}

/* The store is being finalized: end the holds, keep nothing more. */
static void
share_detach (gpointer data)
{
  RdSnapshotShare *share = data;
  GSList *holds, *released = NULL;

  g_mutex_lock (&share->lock);
  share->detached = TRUE;
  take_all (share, &released);
  holds = g_steal_pointer (&share->holds);
  g_mutex_unlock (&share->lock);
  /* On the main thread, at the end: a worker may no longer be there to
   * free them before the program exits. */
  g_slist_free_full (released, g_object_unref);
  for (GSList *l = holds; l != NULL; l = l->next)
    g_source_destroy (l->data);
  g_slist_free_full (holds, (GDestroyNotify) g_source_unref);
  _rd_snapshot_share_unref (share);
}

/**
 * _rd_snapshot_share_for_store:
 * @store: the caller's connection, on the main thread
 * @generation: (out): the generation a job started now must see
 *
 * Returns: (transfer full): the share of @store's snapshots
 */
RdSnapshotShare *
_rd_snapshot_share_for_store (RdStore *store,
                              guint64 *generation)
{
  RdSnapshotShare *share;

  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (generation != NULL, NULL);

  share = g_object_get_data (G_OBJECT (store), SHARE_KEY);
  if (share == NULL)
    {
      share = g_atomic_rc_box_new0 (RdSnapshotShare);
      g_mutex_init (&share->lock);
      g_cond_init (&share->read_done);
      share->entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, entry_free);
      share->context = g_main_context_ref_thread_default ();
      g_object_set_data_full (G_OBJECT (store), SHARE_KEY, share, share_detach);
      g_signal_connect (store, "changed", G_CALLBACK (on_store_changed_cb), share);
    }
  g_mutex_lock (&share->lock);
  *generation = share->generation;
  g_mutex_unlock (&share->lock);
  return _rd_snapshot_share_ref (share);
}

static void
hold_free (gpointer data)
{
  Hold *hold = data;

  _rd_snapshot_share_unref (hold->share);
  g_free (hold);
}

static gboolean
hold_ended_cb (gpointer data)
{
  Hold *hold = data;
  RdSnapshotShare *share = hold->share;
  GSList *released = NULL;
  Entry *entry;

  g_mutex_lock (&share->lock);
  entry = g_hash_table_lookup (share->entries, &hold->case_id);
  /* The entry stays, weakly, for the jobs still reading the snapshot. */
  if (entry != NULL && entry->snapshot != NULL && entry->serial == hold->serial)
    released = g_slist_prepend (NULL, g_steal_pointer (&entry->snapshot));
  share->holds = g_slist_remove (share->holds, hold->source);
  g_mutex_unlock (&share->lock);
  g_source_unref (hold->source);
  release_elsewhere (released);
  return G_SOURCE_REMOVE;
}

/* Called with the lock held. */
static void
hold_snapshot (RdSnapshotShare *share,
               gint64           case_id,
               guint            serial)
{
  Hold *hold = g_new0 (Hold, 1);

  hold->share = _rd_snapshot_share_ref (share);
  hold->case_id = case_id;
  hold->serial = serial;
  hold->source = g_timeout_source_new_seconds (HOLD_SECONDS);
  g_source_set_static_name (hold->source, "[redress] snapshot hold");
  g_source_set_callback (hold->source, hold_ended_cb, hold, hold_free);
  /* The share's list and the context each hold a reference to the source. */
  share->holds = g_slist_prepend (share->holds, hold->source);
  g_source_attach (hold->source, share->context);
}

/* Reads the case, with its lists in order, so that the threads that share
 * it only ever read it. Its jobs (What Next, the timeline, the case list,
 * the reminders) read of the diary only what working out deadlines
 * needs, so the rest of each entry's text is left out (a brief snapshot). */
static RdCaseSnapshot *
read_snapshot (RdStore  *reader,
               gint64    case_id,
               GError  **error)
{
  RdCaseSnapshot *snapshot = rd_case_snapshot_load_brief (reader, case_id, error);

  if (snapshot != NULL)
    {
      rd_case_facts_get_incidents (rd_case_snapshot_get_facts (snapshot));
      rd_case_facts_get_contacts (rd_case_snapshot_get_facts (snapshot));
    }
  return snapshot;
}

/**
 * _rd_snapshot_share_load:
 * @generation: what _rd_snapshot_share_for_store() gave when the job started
 * @reader: the worker's connection
 *
 * The case as read in @generation or later: the one another job read, or
 * is reading, or a new read. Call it on a worker thread. The snapshot is
 * shared: read it, never change it.
 *
 * Returns: (transfer full): the snapshot, or %NULL with @error set
 */
RdCaseSnapshot *
_rd_snapshot_share_load (RdSnapshotShare  *share,
                         guint64           generation,
                         RdStore          *reader,
                         gint64            case_id,
                         GError          **error)
{
  RdCaseSnapshot *snapshot;
  GSList *released = NULL;
  Entry *entry;

  g_return_val_if_fail (share != NULL, NULL);
  g_return_val_if_fail (RD_IS_STORE (reader), NULL);

  g_mutex_lock (&share->lock);
  for (;;)
    {
      entry = g_hash_table_lookup (share->entries, &case_id);
      if (entry == NULL || share->detached)
        break;
      if (entry->reading)
        {
          /* Being read: wait for it, then look again. */
          g_cond_wait (&share->read_done, &share->lock);
          continue;
        }
      snapshot = g_weak_ref_get (&entry->used);
      if (snapshot != NULL && entry->generation >= generation)
        {
          g_mutex_unlock (&share->lock);
          return snapshot;
        }
      /* Older than this job may see, or let go of by every job. */
      if (snapshot != NULL)
        released = g_slist_prepend (released, snapshot);
      if (entry->snapshot != NULL)
        released = g_slist_prepend (released, g_steal_pointer (&entry->snapshot));
      g_hash_table_remove (share->entries, &case_id);
      break;
    }
  if (share->detached)
    {
      g_mutex_unlock (&share->lock);
      return read_snapshot (reader, case_id, error);
    }
  /* What is read from now on holds every change announced so far. */
  entry = g_new0 (Entry, 1);
  entry->generation = share->generation;
  entry->reading = TRUE;
  g_weak_ref_init (&entry->used, NULL);
  g_hash_table_insert (share->entries, g_memdup2 (&case_id, sizeof case_id), entry);
  g_mutex_unlock (&share->lock);
  free_snapshots (released);

  snapshot = read_snapshot (reader, case_id, error);

  g_mutex_lock (&share->lock);
  /* A change or a closed store while it was read took the entry out. */
  if (g_hash_table_lookup (share->entries, &case_id) == entry)
    {
      if (snapshot != NULL && !share->detached)
        {
          entry->reading = FALSE;
          entry->snapshot = g_object_ref (snapshot);
          g_weak_ref_set (&entry->used, snapshot);
          entry->serial = ++share->serial;
          hold_snapshot (share, case_id, entry->serial);
        }
      else
        g_hash_table_remove (share->entries, &case_id);
    }
  g_cond_broadcast (&share->read_done);
  g_mutex_unlock (&share->lock);
  return snapshot;
}
