/* rd-service.c: the one way services run work on a worker thread.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every long job of the GUI and the CLI goes through _rd_service_run():
 *
 * - the worker opens its own connection to the store (SQLite connections
 *   are not shared between threads) and closes it when done;
 * - what the work wrote is announced on the caller's connection: the
 *   worker's "changed" signals are recorded (the store already holds them
 *   back until the outer commit, and drops them on a rollback) and emitted
 *   again on the main connection, on the caller's main context, before the
 *   caller's callback runs, so every listener sees the new rows and the
 *   callback sees the listeners up to date;
 * - progress goes through an RdProgress, and reaches 1 when the work
 *   succeeded;
 * - a job cancelled before it starts does nothing; once started, the work
 *   itself decides whether a cancel came in time, so a job that committed
 *   just before Stop reports success rather than pretending it did not
 *   happen.
 */
#define G_LOG_DOMAIN "rd-service"

#include "config.h"

#include "rd-service-private.h"

typedef struct
{
  const char *what;     /* interned */
  gint64      case_id;
} Change;

typedef struct
{
  RdStore        *store;       /* the caller's connection, or NULL */
  RdServiceFunc   func;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
  RdProgress     *progress;
  GArray         *changes;     /* Change, written by the worker only */
  gpointer        result;
  GError         *error;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  if (job->result != NULL && job->result_free != NULL)
    job->result_free (job->result);
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_clear_object (&job->store);
  g_clear_object (&job->progress);
  g_clear_pointer (&job->changes, g_array_unref);
  g_clear_error (&job->error);
  g_free (job);
}

static void
on_worker_changed_cb (RdStore    *worker,
                      const char *what,
                      gint64      case_id,
                      Job        *job)
{
  Change change = { g_intern_string (what), case_id };

  for (guint i = 0; i < job->changes->len; i++)
    {
      Change *seen = &g_array_index (job->changes, Change, i);

      if (seen->what == change.what && seen->case_id == change.case_id)
        return;
    }
  g_array_append_val (job->changes, change);
}

static void
worker_thread (GTask        *inner,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(RdStore) worker = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, &job->error))
    {
      g_task_return_boolean (inner, FALSE);
      return;
    }
  if (job->store != NULL)
    {
      worker = rd_store_open_secondary (job->store, &job->error);
      if (worker == NULL)
        {
          g_task_return_boolean (inner, FALSE);
          return;
        }
      g_signal_connect (worker, "changed", G_CALLBACK (on_worker_changed_cb), job);
    }
  job->result = job->func (worker, job->data, job->progress, cancellable, &job->error);
  /* A service that failed says why; one that says nothing is a bug, but
   * the caller still gets an error rather than a NULL it cannot read. */
  if (job->result == NULL && job->error == NULL)
    {
      g_critical ("A service returned nothing and no error");
      g_set_error_literal (&job->error, G_IO_ERROR, G_IO_ERROR_FAILED, "Internal error");
    }
  g_warn_if_fail (job->result == NULL || job->error == NULL);
  if (job->result != NULL && job->progress != NULL)
    rd_progress_set (job->progress, 1.0, NULL);
  if (worker != NULL)
    g_signal_handlers_disconnect_by_data (worker, job);
  g_task_return_boolean (inner, TRUE);
}

static void
on_worker_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);

  /* The worker has finished with the job: it is the main thread's now. */
  for (guint i = 0; job->store != NULL && i < job->changes->len; i++)
    {
      Change *change = &g_array_index (job->changes, Change, i);

      rd_store_emit_changed (job->store, change->what, change->case_id);
    }
  if (job->error != NULL)
    g_task_return_error (task, g_steal_pointer (&job->error));
  else
    g_task_return_pointer (task, g_steal_pointer (&job->result), job->result_free);
}

/*
 * _rd_service_run:
 * @source_object: (nullable): the #GTask's source object, passed to @callback
 * @source_tag: the public _async function, checked by _rd_service_finish()
 * @store: (nullable): the caller's connection; the worker opens its own
 * @data: (transfer full): handed to @func, freed with @data_free when the
 *   task is freed (so a _finish function may read it)
 * @result_free: frees what @func returns if nobody takes it
 * @progress: (nullable): where @func reports
 */
void
_rd_service_run (gpointer             source_object,
                 gpointer             source_tag,
                 RdStore             *store,
                 RdServiceFunc        func,
                 gpointer             data,
                 GDestroyNotify       data_free,
                 GDestroyNotify       result_free,
                 RdProgress          *progress,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  GTask *task;
  g_autoptr(GTask) inner = NULL;
  Job *job;

  g_return_if_fail (store == NULL || RD_IS_STORE (store));
  g_return_if_fail (progress == NULL || RD_IS_PROGRESS (progress));

  job = g_new0 (Job, 1);
  job->store = store ? g_object_ref (store) : NULL;
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  job->progress = progress ? g_object_ref (progress) : NULL;
  job->changes = g_array_new (FALSE, FALSE, sizeof (Change));

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, job_free);

  /* The inner task only carries the work to a thread and back; the outer
   * one, given to the caller, completes after the changes are announced. */
  inner = g_task_new (NULL, cancellable, on_worker_done_cb, task);
  g_task_set_source_tag (inner, _rd_service_run);
  g_task_set_check_cancellable (inner, FALSE);
  g_task_set_task_data (inner, job, NULL);
  g_task_run_in_thread (inner, worker_thread);
}

gpointer
_rd_service_finish (GAsyncResult  *result,
                    gpointer       source_tag,
                    GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The @data given to _rd_service_run(), for _finish functions with out values. */
gpointer
_rd_service_get_data (GAsyncResult *result)
{
  Job *job = g_task_get_task_data (G_TASK (result));

  return job->data;
}
