/* advisers-fixtures.c: a full case for the erase and archive tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "advisers-fixtures.h"
#include "evidence-fixtures.h"

static char *
fill_marker (const char *text,
             const char *marker)
{
  g_autoptr(GString) s = g_string_new (text);

  g_string_replace (s, "@M@", marker, 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static const char document[] =
  "{\n"
  "  \"format\": \"redress-case\", \"version\": 1,\n"
  "  \"case\": {\n"
  "    \"title\": \"Case of @M@\", \"resident_name\": \"Resident @M@\",\n"
  "    \"address\": \"1 @M@ Road\", \"landlord_name\": \"@M@ Homes\",\n"
  "    \"tenancy_type\": \"secure\", \"contact_preferences\": \"Email @M@\",\n"
  "    \"adjustments\": \"Large print @M@\", \"notes\": \"Notes @M@\"\n"
  "  },\n"
  "  \"parties\": [\n"
  "    { \"id\": 1, \"name\": \"Officer @M@\", \"role\": \"landlord-officer\","
  "      \"organisation\": \"@M@ Homes\", \"notes\": \"Party note @M@\" },\n"
  "    { \"id\": 2, \"name\": \"Neighbour @M@\", \"role\": \"neighbour\" }\n"
  "  ],\n"
  "  \"incidents\": [\n"
  "    { \"starts_at\": \"2024-03-02T23:15\", \"ends_at\": \"2024-03-03T01:00\","
  "      \"category\": \"noise\", \"location\": \"Flat @M@\","
  "      \"description\": \"Loud music @M@\", \"impact\": \"No sleep @M@\","
  "      \"reported_to\": [\"police\"], \"reference\": \"CAD @M@\" },\n"
  "    { \"starts_at\": \"2024-03-09T10:00\", \"category\": \"damage\","
  "      \"description\": \"Door kicked @M@\" }\n"
  "  ],\n"
  "  \"contacts\": [\n"
  "    { \"id\": 7, \"occurred_at\": \"2024-03-04T10:00\", \"direction\": \"from\","
  "      \"channel\": \"phone\", \"party\": 1, \"summary\": \"Called about @M@\","
  "      \"promise\": \"Call back @M@\", \"promise_due\": \"2024-03-08\" },\n"
  "    { \"id\": 8, \"occurred_at\": \"2024-03-05T09:00\", \"direction\": \"to\","
  "      \"channel\": \"email\", \"person\": \"Desk @M@\", \"summary\": \"Wrote @M@\" }\n"
  "  ],\n"
  "  \"complaints\": [\n"
  "    { \"reference\": \"REF-@M@\", \"points\": [\"Noise @M@\", \"Delay @M@\"],"
  "      \"outcomes\": [\"apology\"], \"outcome_other\": \"Other @M@\",\n"
  "      \"events\": [\n"
  "        { \"kind\": \"made\", \"date\": \"2024-03-05\", \"contact\": 8, \"notes\": \"Made @M@\" },\n"
  "        { \"kind\": \"extension-notified\", \"date\": \"2024-03-20\","
  "          \"new_date\": \"2024-04-03\", \"reason\": \"Reason @M@\" }\n"
  "      ]\n"
  "    }\n"
  "  ]\n"
  "}\n";

static RdEvidence *
add_evidence (RdStore    *store,
              gint64      case_id,
              const char *path,
              const char *description)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  RdEvidence *evidence = rd_store_import_evidence (store, case_id, file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (rd_store_set_evidence_description (store, rd_evidence_get_id (evidence),
                                                    description, &error));
  g_assert_no_error (error);
  return evidence;
}

static gpointer
first_item (GListModel *model)
{
  g_assert_nonnull (model);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  return g_list_model_get_item (model, 0);
}

/**
 * advisers_make_full_case:
 *
 * A case with parties, two diary entries (one changed, so it has an
 * earlier version), contacts, a complaint with events, and evidence of
 * every kind linked to an entry, a contact and a complaint event. @marker
 * is in every text and in the evidence files.
 */
gint64
advisers_make_full_case (RdStore    *store,
                         const char *work_dir,
                         const char *marker)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = fill_marker (document, marker);
  g_autofree char *pdf = g_build_filename (work_dir, "letter.pdf", NULL);
  g_autofree char *jpg = g_build_filename (work_dir, "hall.jpg", NULL);
  g_autofree char *wav = g_build_filename (work_dir, "call.wav", NULL);
  g_autofree char *txt = g_build_filename (work_dir, "note.txt", NULL);
  g_autofree char *pdf_text = g_strdup_printf ("Letter %s", marker);
  g_autofree char *note = g_strdup_printf ("A note that says %s.\n", marker);
  g_autofree char *described = g_strdup_printf ("Described %s", marker);
  g_autofree char *revised = g_strdup_printf ("Loud music %s, revised", marker);
  g_autoptr(GListModel) incidents = NULL;
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GListModel) complaints = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(RdIncident) incident = NULL;
  g_autoptr(RdContact) contact = NULL;
  g_autoptr(RdComplaint) complaint = NULL;
  g_autoptr(RdComplaintEvent) event = NULL;
  g_autoptr(RdEvidence) e_pdf = NULL;
  g_autoptr(RdEvidence) e_jpg = NULL;
  g_autoptr(RdEvidence) e_wav = NULL;
  g_autoptr(RdEvidence) e_txt = NULL;
  gint64 case_id;

  case_id = rd_case_json_import (store, json, -1, &error);
  g_assert_no_error (error);

  incidents = rd_store_list_incidents (store, case_id, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RdIncident) listed = g_list_model_get_item (incidents, 1);

    incident = rd_store_get_incident (store, rd_incident_get_id (listed), &error);
    g_assert_no_error (error);
  }
  rd_incident_set_description (incident, revised);
  g_assert_true (rd_store_save_incident (store, incident, NULL, &error));
  g_assert_no_error (error);

  fixture_write_pdf (pdf, 2, pdf_text, "2024-03-06T08:00:00");
  fixture_write_jpeg (jpg, 40, 30, 6, "2024:03:02 23:30:00", (int) (g_str_hash (marker) % 10000));
  /* Different for each marker, so two cases made here share no file. */
  fixture_write_wav (wav, 8000, 1000 + (int) (g_str_hash (marker) % 1000));
  g_assert_true (g_file_set_contents (txt, note, -1, NULL));

  e_pdf = add_evidence (store, case_id, pdf, described);
  e_jpg = add_evidence (store, case_id, jpg, described);
  e_wav = add_evidence (store, case_id, wav, described);
  e_txt = add_evidence (store, case_id, txt, described);

  contacts = rd_store_list_contacts (store, case_id, &error);
  g_assert_no_error (error);
  contact = first_item (contacts);
  complaints = rd_store_list_complaints (store, case_id, &error);
  g_assert_no_error (error);
  complaint = first_item (complaints);
  events = rd_store_list_complaint_events (store, rd_complaint_get_id (complaint), &error);
  g_assert_no_error (error);
  event = first_item (events);

  g_assert_true (rd_store_link_evidence (store, rd_evidence_get_id (e_pdf), RD_EVIDENCE_TARGET_INCIDENT,
                                         rd_incident_get_id (incident), "Link note", &error));
  g_assert_true (rd_store_link_evidence (store, rd_evidence_get_id (e_jpg), RD_EVIDENCE_TARGET_CONTACT,
                                         rd_contact_get_id (contact), "", &error));
  g_assert_true (rd_store_link_evidence (store, rd_evidence_get_id (e_wav),
                                         RD_EVIDENCE_TARGET_COMPLAINT_EVENT,
                                         rd_complaint_event_get_id (event), "", &error));
  g_assert_no_error (error);
  return case_id;
}

static gboolean
memmem_in (const char *data,
           gsize       len,
           const char *marker)
{
  return memmem (data, len, marker, strlen (marker)) != NULL;
}

gboolean
advisers_file_contains (const char *path,
                        const char *marker)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return FALSE;
  return memmem_in (data, len, marker);
}

/* Looks in every file under @path, at any depth, for the bytes of @marker. */
gboolean
advisers_tree_contains (const char *path,
                        const char *marker)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return advisers_file_contains (path, marker);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (advisers_tree_contains (child, marker))
        return TRUE;
    }
  return FALSE;
}

guint
advisers_count_rows (RdStore    *store,
                     const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n;

  g_assert_cmpint (sqlite3_open_v2 (rd_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}
