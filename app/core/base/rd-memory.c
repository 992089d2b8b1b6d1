/* rd-memory.c: memory given back to the system, and work's leavings kept apart.
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
