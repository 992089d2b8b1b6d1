/* rd-memory.c: memory given back to the system, work kept apart, freed off the main thread, no slices.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-memory"

#include "config.h"

/* Before testing for glibc: __GLIBC__ comes with the C library's headers. */
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#include <sys/auxv.h>
#include <unistd.h>
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

/**
 * rd_memory_restart_without_slices:
 * @argv: main()'s arguments, as it was given them
 *
 * Starts the program again in place, the same process (execv()), with
 * G_SLICE=always-malloc in its environment, so that GLib gives out its
 * small blocks (each GObject, list link and hash table) from the C
 * library. GLib before 2.76 has a slice allocator of its own that keeps
 * what is let go in caches, by size and by thread, and gives little of it
 * back: a bundle of 100,000 diary entries peaked at about 125 MB with it
 * and about 100 MB without (issue 17). GLib reads G_SLICE only once,
 * when it first allocates a slice, which its own constructor does before
 * main() and before any constructor of the program's: setting the
 * variable any later changes nothing, hence the start again.
 *
 * Nothing is done when G_SLICE is set already (by the start again, or by
 * whoever runs the program), when GLib is 2.76 or later (its slices are
 * the C library's), outside glibc, or under valgrind (which would lose the
 * program at the start again, and under which GLib takes its slices from
 * the C library anyway). Call it first in main(), before anything is
 * opened, started or printed; it returns only when nothing was done, or
 * when the start again failed.
 */
void
rd_memory_restart_without_slices (char **argv)
{
#ifdef __GLIBC__
  const char *preload = g_getenv ("LD_PRELOAD");
  const char *self = (const char *) getauxval (AT_EXECFN);

  g_return_if_fail (argv != NULL && argv[0] != NULL);

  if (g_getenv ("G_SLICE") != NULL || glib_check_version (2, 76, 0) == NULL)
    return;
  if (preload != NULL && strstr (preload, "vgpreload") != NULL)
    return;
  if (self == NULL)
    return;
  if (!g_setenv ("G_SLICE", "always-malloc", TRUE))
    return;
  /* The path the program was started by, which the current folder (not
   * yet changed) still resolves. */
  execv (self, argv);
  g_debug ("Not started again without GLib's slices: %s", g_strerror (errno));
  g_unsetenv ("G_SLICE");
#endif
}
