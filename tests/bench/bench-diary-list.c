/* bench-diary-list.c: the memory the diary page's list takes, whole entries against list items.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The diary page used to list a case's entries whole (rd_store_list_incidents()),
 * and now lists an RdDiaryItem of each, with only what a row shows
 * (rd_diary_item_list_read()), reading the whole entry when it is opened.
 * Both are read here from the same store, on one thread with no other
 * work, and the heap in use is measured after each (the C library's own
 * count, which unlike the resident size goes down when memory is freed),
 * so the difference is exactly what the list holds.
 *
 * Usage: bench-diary-list [ENTRIES]: 10,000 by default, 100,000 with
 * REDRESS_BENCH_LARGE=1 (`make bench LARGE=1`).
 */
#include "config.h"

#include <glib/gstdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>

#include "bench-diary.h"
#include "rd-core.h"
#include "rd-diary-item.h"
#include "evidence-fixtures.h"

/* The heap in use, in MB (0 without the GNU C library). */
static double
heap_mb (void)
{
#ifdef __GLIBC__
  struct mallinfo2 info;

  malloc_trim (0);
  info = mallinfo2 ();
  return (info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
#else
  return 0;
#endif
}

static gboolean
count_cb (gpointer  item,
          gpointer  user_data,
          GError  **error)
{
  (*(guint *) user_data)++;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  const char *large = g_getenv ("REDRESS_BENCH_LARGE");
  guint n = argc > 1 ? (guint) atoi (argv[1]) : large != NULL && atoi (large) > 0 ? 100000 : 10000;
  g_autofree char *dir = g_dir_make_tmp ("redress-bench-diary-list-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) first = g_date_time_new_utc (2012, 1, 1, 20, 0, 0);
  g_autoptr(RdCase) rcase = NULL;
  RdStore *store;
  double base, whole, items;
  guint read = 0;

  store = rd_store_open (dir, &error);
  g_assert_no_error (error);
  rcase = bench_fill_diary (store, first, n);
  /* Once through first, so that SQLite's page cache is the same for both. */
  g_assert (rd_store_foreach_incident (store, rd_case_get_id (rcase), count_cb, &read, &error));

  base = heap_mb ();
  {
    g_autoptr(GListModel) list = rd_store_list_incidents (store, rd_case_get_id (rcase), &error);

    g_assert_no_error (error);
    whole = heap_mb () - base;
  }
  base = heap_mb ();
  {
    g_autoptr(GPtrArray) list = rd_diary_item_list_read (store, rd_case_get_id (rcase), &error);

    g_assert_no_error (error);
    items = heap_mb () - base;
  }
  g_print ("The diary list of %u entries: whole entries %.1f MB, list items %.1f MB (%.0f%%); "
           "%.0f and %.0f bytes an entry\n",
           read, whole, items, 100 * items / whole, whole * 1024 * 1024 / read,
           items * 1024 * 1024 / read);

  g_object_unref (store);
  fixture_remove_tree (dir);
  return 0;
}
