/* rd-memory.c: memory given back to the system, work kept apart, freeing off the main thread.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-memory"

#include "config.h"

/* Before testing for glibc: __GLIBC__ comes with the C library's headers. */
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "rd-memory.h"

/**
 * rd_memory_give_back:
 *
 * Gives back to the system what the C library keeps of the memory freed
 * so far. glibc keeps freed memory in the arena of the thread that used
 * it, for that thread's next use; after a worker has let go of a long
 * diary, its deadlines or a bundle's drawing, that is tens of megabytes
 * the process still holds, and a worker's next use may not come. Call it
 * after letting go of something large, on a worker: it walks every arena.
 * Elsewhere than glibc it does nothing.
 *
 * Returns: %TRUE if some memory was given back
 */
gboolean
rd_memory_give_back (void)
{
#ifdef __GLIBC__
  return malloc_trim (0) != 0;
#else
  return FALSE;
#endif
}

/**
 * rd_memory_run_apart:
 * @name: the thread's name, for debuggers
 * @func: the work; what it returns is returned
 * @data: for @func
 *
 * Runs @func on a thread of its own and waits for it to finish. glibc
 * gives a new thread an arena of its own (up to eight a core), so what
 * @func allocates and lets go is let go there, not left as free holes
 * among what the caller allocates next. For work that reads something
 * large, keeps a little of it and lets the rest go, after which the
 * caller makes a long run of small allocations: a bundle's case, read
 * whole and let go once the letter and the timeline are made, left
 * 68,000 holes in the arena its 10,000 pages were then drawn and put
 * together in at 100,000 entries, and each of the C library's
 * allocations there went through more of them the longer the diary
 * (issue 17). What @func keeps stays valid on any thread. When no thread
 * can be started, @func runs on the caller's.
 *
 * Returns: what @func returned
 */
gpointer
rd_memory_run_apart (const char  *name,
                     GThreadFunc  func,
                     gpointer     data)
{
  g_autoptr(GError) error = NULL;
  GThread *thread;

  g_return_val_if_fail (func != NULL, NULL);

  thread = g_thread_try_new (name, func, data, &error);
  if (thread == NULL)
    {
      g_debug ("No thread of its own for %s (%s): running it here", name, error->message);
      return func (data);
    }
  return g_thread_join (thread);
}

typedef struct {
  gpointer       data;
  GDestroyNotify destroy;
} LetGo;

static void
let_go_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LetGo *let_go = task_data;

  let_go->destroy (let_go->data);
  g_free (let_go);
  rd_memory_give_back ();
  g_task_return_boolean (task, TRUE);
}

/**
 * rd_memory_let_go_elsewhere:
 * @data: (transfer full): something large to let go of
 * @destroy: what lets go of it
 *
 * Lets go of @data on a worker when called on the thread that runs the
 * main loop, then gives back what was freed (rd_memory_give_back());
 * anywhere else (a worker, the CLI) at once. Freeing tens of thousands of
 * records, a timeline's items made again after a save, takes milliseconds
 * on the main thread: a stall that the person typing feels (issue 17).
 * Whatever @data holds must be safe to free on another thread.
 */
void
rd_memory_let_go_elsewhere (gpointer       data,
                            GDestroyNotify destroy)
{
  g_autoptr(GTask) task = NULL;
  LetGo *let_go;

  g_return_if_fail (destroy != NULL);

  if (data == NULL)
    return;
  if (!g_main_context_is_owner (g_main_context_default ()))
    {
      destroy (data);
      return;
    }
  let_go = g_new (LetGo, 1);
  let_go->data = data;
  let_go->destroy = destroy;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, rd_memory_let_go_elsewhere);
  g_task_set_task_data (task, let_go, NULL);
  g_task_run_in_thread (task, let_go_thread);
}
