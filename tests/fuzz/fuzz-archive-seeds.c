/* fuzz-archive-seeds.c: writes the seed corpus of the archive fuzzer into
 * a folder: a valid archive of a small case with evidence, broken copies of
 * it (cut short, changed, newer, empty), and the case document on its own.
 * Each file starts with the harness's mode byte (see fuzz-archive.c).
 * Usage: fuzz-archive-seeds OUTDIR
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rd-core.h"
#include "rd-case-archive-reader.h"

static const char document[] =
  "{ \"format\": \"redress-case\", \"version\": 1,"
  "  \"case\": { \"title\": \"Seed case\", \"resident_name\": \"Sam Seed\","
  "    \"address\": \"1 Seed Lane\", \"landlord_name\": \"Seed Homes\", \"tenancy_type\": \"secure\" },"
  "  \"parties\": [ { \"id\": 1, \"name\": \"Officer\", \"role\": \"landlord-officer\" } ],"
  "  \"incidents\": ["
  "    { \"starts_at\": \"2024-03-02T23:15\", \"category\": \"noise\", \"description\": \"Music\","
  "      \"reported_to\": [\"police\"], \"reference\": \"CAD 1\" } ],"
  "  \"contacts\": [ { \"id\": 1, \"occurred_at\": \"2024-03-04T10:00\", \"direction\": \"from\","
  "      \"channel\": \"phone\", \"party\": 1, \"summary\": \"Call\" } ],"
  "  \"complaints\": [ { \"points\": [\"Noise\"], \"outcomes\": [\"apology\"],"
  "      \"events\": [ { \"kind\": \"made\", \"date\": \"2024-03-05\", \"contact\": 1 } ] } ] }";

static void
write_seed (const char *dir,
            const char *name,
            char        mode,
            const char *data,
            gsize       length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *bytes = g_malloc (length + 1);
  g_autoptr(GError) error = NULL;

  bytes[0] = mode;
  memcpy (bytes + 1, data, length);
  if (!g_file_set_contents (path, bytes, length + 1, &error))
    g_error ("%s", error->message);
}

static void
add_file (RdStore    *store,
          gint64      case_id,
          const char *dir,
          const char *name,
          const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RdEvidence) evidence = NULL;
  g_autoptr(GListModel) incidents = NULL;
  g_autoptr(RdIncident) incident = NULL;

  g_file_set_contents (path, text, -1, NULL);
  evidence = rd_store_import_evidence (store, case_id, file, NULL, NULL, &error);
  if (evidence == NULL)
    g_error ("%s", error->message);
  incidents = rd_store_list_incidents (store, case_id, &error);
  incident = g_list_model_get_item (incidents, 0);
  rd_store_link_evidence (store, rd_evidence_get_id (evidence), RD_EVIDENCE_TARGET_INCIDENT,
                          rd_incident_get_id (incident), "seed", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *work = NULL;
  g_autofree char *archive = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *data = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdArchiveContents) contents = NULL;
  gsize length;
  gint64 case_id;
  char *at;

  if (argc != 2)
    {
      g_printerr ("Usage: fuzz-archive-seeds OUTDIR\n");
      return 2;
    }
  g_mkdir_with_parents (argv[1], 0700);
  work = g_dir_make_tmp ("redress-seeds-XXXXXX", &error);
  /* The store in a folder of its own: an export inside it is refused. */
  data_dir = g_build_filename (work, "data", NULL);
  store = rd_store_open (data_dir, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  case_id = rd_case_json_import (store, document, -1, &error);
  if (case_id == 0)
    g_error ("%s", error->message);
  add_file (store, case_id, work, "note.txt", "A short note.\n");
  add_file (store, case_id, work, "letter.txt", "Dear landlord, the noise goes on.\n");

  archive = g_build_filename (work, "seed.redress", NULL);
  if (!rd_case_archive_export (store, case_id, archive, NULL, &error))
    g_error ("%s", error->message);
  g_file_get_contents (archive, &data, &length, NULL);

  write_seed (argv[1], "valid", 0, data, length);
  write_seed (argv[1], "cut-half", 0, data, length / 2);
  write_seed (argv[1], "cut-block", 0, data, length - 1536);
  write_seed (argv[1], "empty", 0, "", 0);

  changed = g_memdup2 (data, length);
  changed[length / 2] ^= 0x20;
  write_seed (argv[1], "changed", 0, changed, length);

  g_free (changed);
  changed = g_memdup2 (data, length);
  at = g_strstr_len (changed, length, "\"format_version\" : 1");
  if (at != NULL)
    at[strlen ("\"format_version\" : ")] = '9';
  write_seed (argv[1], "newer", 0, changed, length);

  contents = _rd_case_archive_read_memory (data, length, work, &error);
  if (contents == NULL)
    g_error ("%s", error->message);
  write_seed (argv[1], "document", 1, contents->document, contents->document_len);
  write_seed (argv[1], "document-case-only", 1, document, strlen (document));

  g_clear_pointer (&contents, _rd_archive_contents_free);
  g_clear_object (&store);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", work);
    if (system (cmd) != 0)
      g_printerr ("Could not remove %s\n", work);
  }
  return 0;
}
