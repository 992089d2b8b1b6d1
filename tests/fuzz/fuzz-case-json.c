/* fuzz-case-json.c: libFuzzer harness for the case JSON reader (import).
 *
 * Every input is a case JSON document, parsed as `redress-cli import`
 * parses it before anything is written to a store. It must be refused
 * with an error or turned into a case; nothing may crash, leak or hang.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "rd-core.h"

static void
quiet_log (const char     *domain,
           GLogLevelFlags  level,
           const char     *message,
           gpointer        user_data)
{
}

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_default_handler (quiet_log, NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCaseFacts) facts = NULL;
  /* A fixed "now", so that an input found once fails the same way later. */
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 7, 12, 0, 0);

  facts = rd_case_json_parse ((const char *) data, (gssize) size, now, &error);
  g_assert ((facts == NULL) == (error != NULL));
  if (error != NULL)
    g_assert (error->message != NULL && *error->message != '\0');
  return 0;
}
