/* test-evidence-common.c: the store-in-a-temp-dir fixture of the evidence tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "evidence-fixtures.h"
#include "store-fixtures.h"
#include "test-evidence-common.h"


void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RdCase) rcase = NULL;

  f->store = fixture_store_open_temp ("redress-evidence-XXXXXX", &f->dir);
  f->files = g_build_filename (f->dir, "fixtures", NULL);
  g_assert_cmpint (g_mkdir (f->files, 0700), ==, 0);
  rcase = fixture_make_case (f->store, "Leak and noise");
  f->case_id = rd_case_get_id (rcase);
}

void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  fixture_store_close_temp (&f->store, &f->dir);
  g_free (f->files);
}

char *
fixture_path (Fixture    *f,
              const char *name)
{
  return g_build_filename (f->files, name, NULL);
}

RdEvidence *
import_ok (Fixture    *f,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RdEvidence *evidence = rd_store_import_evidence (f->store, f->case_id, file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (evidence);
  return evidence;
}

/* Files in the evidence folder named by a hash, and anything else left. */
void
count_store_files (Fixture *f,
                   guint   *n_stored,
                   guint   *n_other)
{
  g_autofree char *path = g_build_filename (f->dir, "evidence", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  *n_stored = *n_other = 0;
  while (dir && (name = g_dir_read_name (dir)))
    {
      if (strlen (name) == 64)
        (*n_stored)++;
      else
        (*n_other)++;
    }
}

guint
count_evidence (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = rd_store_list_evidence (f->store, f->case_id, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (all);
}

