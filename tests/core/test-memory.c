/* test-memory.c: memory freed by a thread is given back to the system when asked.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/memory/give-back", test_give_back);
  return g_test_run ();
}
