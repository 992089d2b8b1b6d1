/* test-library.c: libraries opened on first use fill their table whole, or not at all.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The C maths library stands in for poppler and the others: every Linux
 * system has it under the soname libm.so.6.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rd-library.h"

typedef struct {
  __typeof__ (cos)   *cos;
  __typeof__ (floor) *floor;
  __typeof__ (hypot) *hypot;
} MathsTable;

#define ENTRY(name) { #name, G_STRUCT_OFFSET (MathsTable, name) },

/* Every name is found: the table is filled, and calls through it work. */
static void
test_loaded (void)
{
  static const RdLibrarySymbol symbols[] = { ENTRY (cos) ENTRY (floor) ENTRY (hypot) };
  static MathsTable table;
  static RdLibrary maths = RD_LIBRARY_INIT ("libm.so.6", symbols, &table);

  g_assert_true (rd_library_load (&maths));
  g_assert_null (rd_library_get_failure (&maths));
  g_assert_nonnull (table.cos);
  g_assert_cmpfloat (table.floor (2.75), ==, 2.0);
  g_assert_cmpfloat (table.hypot (3.0, 4.0), ==, 5.0);
  g_assert_cmpfloat (table.cos (0.0), ==, 1.0);

  /* Later calls say the same, and change nothing. */
  table.floor = NULL;
  g_assert_true (rd_library_load (&maths));
  g_assert_null (table.floor);
}

/* One name missing: nothing is written, and the reason names it. */
static void
test_symbol_missing (void)
{
  typedef struct {
    __typeof__ (cos) *cos;
    gpointer          nowhere;
  } Table;
  static const RdLibrarySymbol symbols[] = {
    { "cos", G_STRUCT_OFFSET (Table, cos) },
    { "rd_no_such_function", G_STRUCT_OFFSET (Table, nowhere) },
  };
  static Table table;
  static RdLibrary maths = RD_LIBRARY_INIT ("libm.so.6", symbols, &table);

  g_assert_false (rd_library_load (&maths));
  g_assert_null (table.cos);
  g_assert_null (table.nowhere);
  g_assert_nonnull (strstr (rd_library_get_failure (&maths), "rd_no_such_function"));
  g_assert_false (rd_library_load (&maths));
}

/* No such library: a reason from the loader, and the table left alone. */
static void
test_library_missing (void)
{
  static const RdLibrarySymbol symbols[] = { ENTRY (cos) };
  static MathsTable table;
  static RdLibrary nothing = RD_LIBRARY_INIT ("libredress-not-there.so.0", symbols, &table);

  g_assert_false (rd_library_load (&nothing));
  g_assert_null (table.cos);
  g_assert_nonnull (strstr (rd_library_get_failure (&nothing), "libredress-not-there.so.0"));
}

/* Threads that ask at once open it once and all see the table filled. */
static gpointer
load_in_thread (gpointer data)
{
  return GINT_TO_POINTER (rd_library_load (data));
}

static void
test_threads (void)
{
  static const RdLibrarySymbol symbols[] = { ENTRY (cos) ENTRY (floor) };
  static MathsTable table;
  static RdLibrary maths = RD_LIBRARY_INIT ("libm.so.6", symbols, &table);
  GThread *threads[8];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("load", load_in_thread, &maths);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
  g_assert_cmpfloat (table.floor (-0.5), ==, -1.0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/library/loaded", test_loaded);
  g_test_add_func ("/library/symbol-missing", test_symbol_missing);
  g_test_add_func ("/library/library-missing", test_library_missing);
  g_test_add_func ("/library/threads", test_threads);
  return g_test_run ();
}
