/* test-memory.c: freed memory given back to the system, and work's leavings kept apart.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "memory-fixtures.h"
#include "rd-memory.h"

#define BLOCK_SIZE  4096
#define N_BLOCKS    (32 * 256)   /* 32 MB */

/* The process's resident size in MB, from /proc/self/statm. */
static double
resident_mb (void)
{
  g_autofree char *statm = NULL;
  g_auto(GStrv) fields = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL));
  fields = g_strsplit (statm, " ", -1);
  g_assert_cmpuint (g_strv_length (fields), >=, 2);
  return g_ascii_strtod (fields[1], NULL) * sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

typedef struct {
  double before;  /* resident, with the blocks freed */
  double after;   /* … and once given back */
  gboolean given;
} Outcome;

/* Small blocks, as a diary's records are, freed while one made after
 * them is kept: the C library can give none of it back by itself, since
 * the kept one lies above them, so it keeps it all for reuse. */
static gpointer
free_and_give_back (gpointer data)
{
  Outcome *outcome = data;
  g_autofree gpointer *blocks = g_new (gpointer, N_BLOCKS);
  gpointer kept;

  for (guint i = 0; i < N_BLOCKS; i++)
    {
      blocks[i] = malloc (BLOCK_SIZE);
      memset (blocks[i], i & 0xff, BLOCK_SIZE);
    }
  kept = malloc (64);
  memset (kept, 1, 64);
  for (guint i = 0; i < N_BLOCKS; i++)
    free (blocks[i]);
  outcome->before = resident_mb ();
  outcome->given = rd_memory_give_back ();
  outcome->after = resident_mb ();
  free (kept);
  return NULL;
}

static void
test_give_back (void)
{
  Outcome outcome = { 0 };
  GThread *thread;

#if !defined (__GLIBC__) || defined (__SANITIZE_ADDRESS__)
  g_test_skip ("only glibc's own allocator keeps freed memory in arenas");
  return;
#endif
  /* On a worker, as What Next's and the snapshots' memory is let go. */
  thread = g_thread_new ("give-back", free_and_give_back, &outcome);
  g_thread_join (thread);
  g_test_message ("resident %.1f MB with the blocks freed, %.1f MB once given back",
                  outcome.before, outcome.after);
  g_assert_true (outcome.given);
  g_assert_cmpfloat (outcome.before - outcome.after, >, 24.0);
}

#define N_PIECES 20000

/* Reads "a diary" (pieces of many sizes, made in turn), keeps every
 * eighth and lets the rest go. Returns the kept ones. */
static gpointer
keep_a_few (gpointer data)
{
  g_autofree char **pieces = g_new (char *, N_PIECES);
  GPtrArray *kept = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < N_PIECES; i++)
    {
      pieces[i] = g_malloc (24 + (i * 37) % 400);
      pieces[i][0] = (char) i;
    }
  for (guint i = 0; i < N_PIECES; i++)
    {
      if (i % 8 == 0)
        g_ptr_array_add (kept, pieces[i]);
      else
        g_free (pieces[i]);
    }
  return kept;
}

/* Work run apart leaves none of what it let go as holes in the caller's
 * arena, and what it kept can be used and freed there; run on the
 * caller's thread, the same work leaves thousands. */
static void
test_run_apart (void)
{
  g_autoptr(GPtrArray) apart = NULL;
  g_autoptr(GPtrArray) here = NULL;
  guint before, after_apart, after_here;

  if (!fixture_arenas_apart ())
    {
      g_test_skip ("only glibc's own allocator keeps an arena for each thread");
      return;
    }
  rd_memory_give_back ();
  before = fixture_main_arena_free_pieces ();
  apart = rd_memory_run_apart ("test-apart", keep_a_few, NULL);
  rd_memory_give_back ();
  after_apart = fixture_main_arena_free_pieces ();
  here = keep_a_few (NULL);
  rd_memory_give_back ();
  after_here = fixture_main_arena_free_pieces ();
  g_test_message ("free pieces in the main arena: %u before, %u after the work apart, "
                  "%u after it here", before, after_apart, after_here);

  g_assert_cmpuint (apart->len, ==, N_PIECES / 8);
  for (guint i = 0; i < apart->len; i++)
    g_assert_cmpint (((char *) apart->pdata[i])[0], ==, (char) (i * 8));
  g_assert_cmpuint (after_apart, <, before + 50);
  g_assert_cmpuint (after_here, >, after_apart + N_PIECES / 16);
}

static void
note_thread_cb (gpointer data)
{
  GThread **freed_on = data;

  g_atomic_pointer_set (freed_on, g_thread_self ());
}

/* On the thread that runs the main loop, something let go of is freed on
 * a worker (a timeline's tens of thousands of items after each save,
 * issue 17); anywhere else at once. */
static void
test_let_go_elsewhere (void)
{
  GMainContext *context = g_main_context_default ();
  GThread *here = NULL, *elsewhere = NULL;

  rd_memory_let_go_elsewhere (&here, note_thread_cb);
  g_assert_true (here == g_thread_self ());

  g_assert_true (g_main_context_acquire (context));
  rd_memory_let_go_elsewhere (&elsewhere, note_thread_cb);
  for (guint i = 0; i < 2000 && g_atomic_pointer_get (&elsewhere) == NULL; i++)
    g_usleep (10 * 1000);
  g_assert_nonnull (g_atomic_pointer_get (&elsewhere));
  g_assert_true (g_atomic_pointer_get (&elsewhere) != g_thread_self ());
  /* The worker's task says it is done on this context. */
  while (g_main_context_iteration (context, FALSE))
    ;
  g_main_context_release (context);
}

/* main()'s arguments before g_test_init() takes its own out of them: the
 * start again must be the same test, run as the same subprocess. */
static char **test_argv;

#if defined (__GLIBC__) && !defined (__SANITIZE_ADDRESS__)
/* How much more of the C library's memory is in use after a first slice
 * of a size nothing here has asked for: one block of its size from the C
 * library, or a slab of a page (or none, taken from a slab made before)
 * from GLib's own slice allocator. */
static gsize
grown_by_a_slice (void)
{
  struct mallinfo2 before = mallinfo2 ();
  gpointer slice = g_slice_alloc (200);
  struct mallinfo2 after = mallinfo2 ();

  g_slice_free1 (200, slice);
  return after.uordblks - before.uordblks;
}
#endif

/* Started without G_SLICE, the program starts again with it, and GLib's
 * slices are then the C library's blocks; started with it, it is left
 * as it was. */
static void
test_restart_without_slices (void)
{
#if !defined (__GLIBC__) || defined (__SANITIZE_ADDRESS__)
  g_test_skip ("only glibc's own allocator says how much of it is in use");
  return;
#else
  if (g_test_subprocess ())
    {
      const char *given = g_getenv ("REDRESS_TEST_G_SLICE");
      gsize grown;

      rd_memory_restart_without_slices (test_argv);
      grown = grown_by_a_slice ();
      g_test_message ("G_SLICE=%s; a first slice of 200 bytes took %" G_GSIZE_FORMAT " bytes",
                      g_getenv ("G_SLICE"), grown);
      if (given != NULL)
        {
          g_assert_cmpstr (g_getenv ("G_SLICE"), ==, given);
          g_assert_true (grown < 200 || grown >= 512);
          return;
        }
      g_assert_cmpstr (g_getenv ("G_SLICE"), ==, "always-malloc");
      g_assert_cmpuint (grown, >=, 200);
      g_assert_cmpuint (grown, <, 512);
      return;
    }
  if (glib_check_version (2, 76, 0) == NULL)
    {
      g_test_skip ("GLib's slices are the C library's blocks from 2.76 on");
      return;
    }
  g_unsetenv ("REDRESS_TEST_G_SLICE");
  g_unsetenv ("G_SLICE");
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  /* Set, but to nothing GLib acts on: the slices stay GLib's. */
  g_setenv ("REDRESS_TEST_G_SLICE", "", TRUE);
  g_setenv ("G_SLICE", "", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv ("REDRESS_TEST_G_SLICE");
  g_unsetenv ("G_SLICE");
#endif
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_argv = g_strdupv (argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/memory/give-back", test_give_back);
  g_test_add_func ("/memory/run-apart", test_run_apart);
  g_test_add_func ("/memory/let-go-elsewhere", test_let_go_elsewhere);
  g_test_add_func ("/memory/restart-without-slices", test_restart_without_slices);
  status = g_test_run ();
  /* The sanitizers' build leaves the one test that reads it out, and with
   * it the variable: free it, or their leak check finds the copy. */
  g_strfreev (test_argv);
  return status;
}
