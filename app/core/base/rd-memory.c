/* rd-memory.c: giving memory the C library keeps for reuse back to the system.
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
