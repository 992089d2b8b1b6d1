/* store-fixtures.c: a store in a temporary data folder, cases in it, and redress-cli run on it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/wait.h>

#include "evidence-fixtures.h"
#include "store-fixtures.h"

/*
 * Makes a data folder from @tmpl (for g_dir_make_tmp(), "redress-json-XXXXXX")
 * and opens a new store in it; *@out_dir is the folder, to free.
 */
RdStore *
fixture_store_open_temp (const char  *tmpl,
                         char       **out_dir)
{
  g_autoptr(GError) error = NULL;
  RdStore *store;

  *out_dir = g_dir_make_tmp (tmpl, &error);
  g_assert_no_error (error);
  store = rd_store_open (*out_dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* Closes *@store and removes the folder *@dir with all in it; both are cleared. */
void
fixture_store_close_temp (RdStore **store,
                          char    **dir)
{
  g_clear_object (store);
  if (*dir != NULL)
    fixture_remove_tree (*dir);
  g_clear_pointer (dir, g_free);
}

/* Saves a new case called @title. */
RdCase *
fixture_make_case (RdStore    *store,
                   const char *title)
{
  g_autoptr(GError) error = NULL;
  RdCase *rcase = rd_case_new ();

  rd_case_set_title (rcase, title);
  g_assert_true (rd_store_save_case (store, rcase, &error));
  g_assert_no_error (error);
  return rcase;
}

/*
 * Runs redress-cli ($REDRESS_CLI) with "--data-dir @data_dir" (left out when
 * @data_dir is NULL) and @args; it must exit normally. Its output goes to
 * *@out and *@err, or is thrown away where they are NULL.
 *
 * Returns: its exit status
 */
/* Saves a person in the case @case_id. Returns: (transfer full) */
RdParty *
fixture_add_party (RdStore     *store,
                   gint64       case_id,
                   const char  *name,
                   RdPartyRole  role,
                   gboolean     third_party)
{
  g_autoptr(GError) error = NULL;
  RdParty *party = rd_party_new ();

  rd_party_set_case_id (party, case_id);
  rd_party_set_name (party, name);
  rd_party_set_role (party, role);
  rd_party_set_third_party (party, third_party);
  g_assert_true (rd_store_save_party (store, party, &error));
  g_assert_no_error (error);
  return party;
}

int
fixture_run_cli (const char         *data_dir,
                 const char * const *args,
                 char              **out,
                 char              **err)
{
  const char *cli = g_getenv ("REDRESS_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSpawnFlags flags = G_SPAWN_DEFAULT;
  int wait_status;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  if (data_dir != NULL)
    {
      g_ptr_array_add (argv, (char *) "--data-dir");
      g_ptr_array_add (argv, (char *) data_dir);
    }
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  if (out == NULL)
    flags |= G_SPAWN_STDOUT_TO_DEV_NULL;
  if (err == NULL)
    flags |= G_SPAWN_STDERR_TO_DEV_NULL;

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, flags, NULL, NULL, out, err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  /* In the test's log, so that an exit no test expected (a sanitizer's
   * report, on CI) says why. */
  if (WEXITSTATUS (wait_status) != 0 && err != NULL)
    g_test_message ("redress-cli exited %d, saying: %s", WEXITSTATUS (wait_status), *err);
  return WEXITSTATUS (wait_status);
}

/* The same with the arguments as a NULL-terminated list of strings. */
int
fixture_run_cli_valist (const char  *data_dir,
                        char       **out,
                        char       **err,
                        va_list      args)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  const char *arg;

  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (list, (char *) arg);
  g_ptr_array_add (list, NULL);
  return fixture_run_cli (data_dir, (const char * const *) list->pdata, out, err);
}

/* Forgets what @run printed, so that it can be used again. */
void
fixture_run_clear (FixtureRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  run->status = 0;
}

/* Runs redress-cli on @data_dir (or none, if %NULL) with the arguments
 * that follow, up to a %NULL, keeping what it printed in @run. */
void
fixture_run (FixtureRun *run,
             const char *data_dir,
             ...)
{
  va_list args;

  fixture_run_clear (run);
  va_start (args, data_dir);
  run->status = fixture_run_cli_valist (data_dir, &run->out, &run->err, args);
  va_end (args);
}

/* The same with the arguments as a %NULL-terminated list. */
void
fixture_run_args (FixtureRun         *run,
                  const char         *data_dir,
                  const char * const *args)
{
  fixture_run_clear (run);
  run->status = fixture_run_cli (data_dir, args, &run->out, &run->err);
}

void
fixture_assert_same_chronology_entry (const RdChronologyEntry *a,
                                      const RdChronologyEntry *b)
{
  g_assert_cmpint (a->sort_key, ==, b->sort_key);
  g_assert_cmpstr (a->when, ==, b->when);
  g_assert_cmpstr (a->what, ==, b->what);
  g_assert_cmpstr (a->text, ==, b->text);
  g_assert_cmpstr (a->exhibits, ==, b->exhibits);
  g_assert_cmpstr (a->written, ==, b->written);
  g_assert_cmpstr (a->when_iso, ==, b->when_iso);
  g_assert_cmpstr (a->written_iso, ==, b->written_iso);
}
