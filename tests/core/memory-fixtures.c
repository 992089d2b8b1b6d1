/* memory-fixtures.c: what the C library holds of the memory the tests let go.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "memory-fixtures.h"

/* Whether the allocator keeps an arena for each thread, as glibc's own
 * does (not under AddressSanitizer, which brings its own). */
gboolean
fixture_arenas_apart (void)
{
#if defined (__GLIBC__) && !defined (__SANITIZE_ADDRESS__)
  return TRUE;
#else
  return FALSE;
#endif
}

/* The free pieces the C library holds in its main arena, the one the
 * process's first thread allocates from (malloc_info()'s heap 0); 0 where
 * fixture_arenas_apart() is FALSE. */
guint
fixture_main_arena_free_pieces (void)
{
  guint n = 0;
#if defined (__GLIBC__) && !defined (__SANITIZE_ADDRESS__)
  g_autofree char *xml = NULL;
  size_t len = 0;
  FILE *out = open_memstream (&xml, &len);
  const char *heap, *end;

  g_assert_nonnull (out);
  g_assert_cmpint (malloc_info (0, out), ==, 0);
  g_assert_cmpint (fclose (out), ==, 0);
  heap = strstr (xml, "<heap nr=\"0\">");
  g_assert_nonnull (heap);
  end = strstr (heap, "</heap>");
  g_assert_nonnull (end);
  for (const char *at = heap; (at = strstr (at, "<total type=\"")) != NULL && at < end; at++)
    if (g_str_has_prefix (at, "<total type=\"fast\"") || g_str_has_prefix (at, "<total type=\"rest\""))
      n += (guint) g_ascii_strtoull (strstr (at, "count=\"") + strlen ("count=\""), NULL, 10);
#endif
  return n;
}
