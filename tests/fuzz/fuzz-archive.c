/* fuzz-archive.c: libFuzzer harness for the case archive reader.
 *
 * The first byte of an input chooses what the rest is fed to:
 *   even  a whole .redress archive, through the reader that checks every
 *         file against the manifest, then (if it passes) the case document
 *         parser;
 *   odd   a case.json document, straight into the document parser (a
 *         fuzzer cannot forge SHA-256 sums, so without this the parser
 *         behind the hash checks would never see a mutated document).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <string.h>

#include "rd-core.h"
#include "rd-case-archive-reader.h"

static char *staging_parent;

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
  staging_parent = g_dir_make_tmp ("redress-fuzz-XXXXXX", NULL);
  g_assert (staging_parent != NULL);
  /* Warnings about odd stored values are expected here; crashes are not. */
  g_log_set_default_handler (quiet_log, NULL);
  return 0;
}

static void
check_nothing_left (void)
{
  g_autoptr(GDir) dir = g_dir_open (staging_parent, 0, NULL);

  /* A refused archive leaves no staged file behind. */
  if (dir != NULL && g_dir_read_name (dir) != NULL)
    g_error ("The reader left files in %s", staging_parent);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  /* A fixed day, so that a crash found once is found again on any date. */
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 7, 12, 0, 0);

  if (size < 1)
    return 0;

  if ((data[0] & 1) == 0)
    {
      g_autoptr(RdArchiveContents) contents = NULL;

      contents = _rd_case_archive_read_memory (data + 1, size - 1, staging_parent, &error);
      if (contents != NULL)
        {
          g_autoptr(RdArchiveDocument) doc = _rd_archive_document_parse (contents, now, &error);
        }
      else
        g_assert (error != NULL);
    }
  else
    {
      g_autoptr(RdArchiveContents) contents = g_new0 (RdArchiveContents, 1);
      g_autoptr(RdArchiveDocument) doc = NULL;

      contents->staged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      contents->document = g_malloc (size);
      memcpy (contents->document, data + 1, size - 1);
      contents->document[size - 1] = '\0';
      contents->document_len = size - 1;
      doc = _rd_archive_document_parse (contents, now, &error);
      g_assert ((doc == NULL) == (error != NULL));
    }
  check_nothing_left ();
  return 0;
}
