/* test-evidence-common.h: the store-in-a-temp-dir fixture of the evidence tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-core.h"

typedef struct {
  char    *dir;       /* the data dir */
  char    *files;     /* where fixtures are made */
  RdStore *store;
  gint64   case_id;
} Fixture;

void        fixture_setup      (Fixture       *f,
                                gconstpointer  data);
void        fixture_teardown   (Fixture       *f,
                                gconstpointer  data);
char       *fixture_path       (Fixture       *f,
                                const char    *name);
RdEvidence *import_ok          (Fixture       *f,
                                const char    *path);
void        count_store_files  (Fixture       *f,
                                guint         *n_stored,
                                guint         *n_other);
guint       count_evidence     (Fixture       *f);
