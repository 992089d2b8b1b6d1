/* store-fixtures.h: a store in a temporary data folder, cases in it, what is read back from it,
 * and redress-cli run on it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdarg.h>

#include "rd-core.h"

G_BEGIN_DECLS

RdStore *fixture_store_open_temp  (const char  *tmpl,
                                   char       **out_dir);
void     fixture_store_close_temp (RdStore    **store,
                                   char       **dir);
RdCase  *fixture_make_case        (RdStore     *store,
                                   const char  *title);
RdParty *fixture_add_party        (RdStore     *store,
                                   gint64       case_id,
                                   const char  *name,
                                   RdPartyRole  role,
                                   gboolean     third_party);
int      fixture_run_cli          (const char         *data_dir,
                                   const char * const *args,
                                   char              **out,
                                   char              **err);
int      fixture_run_cli_valist   (const char         *data_dir,
                                   char              **out,
                                   char              **err,
                                   va_list             args);

/* Fails unless @a and @b say the same, field for field. */
void     fixture_assert_same_chronology_entry (const RdChronologyEntry *a,
                                               const RdChronologyEntry *b);

/* What one run of redress-cli printed, and how it ended. */
typedef struct {
  char *out;
  char *err;
  int   status;
} FixtureRun;

void     fixture_run_clear        (FixtureRun         *run);
void     fixture_run              (FixtureRun         *run,
                                   const char         *data_dir,
                                   ...) G_GNUC_NULL_TERMINATED;
void     fixture_run_args         (FixtureRun         *run,
                                   const char         *data_dir,
                                   const char * const *args);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FixtureRun, fixture_run_clear)

G_END_DECLS
