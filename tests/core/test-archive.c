/* test-archive.c: the .redress case archive: a round trip of a case with
 * every kind of record and byte-identical evidence; tampered, truncated,
 * zero-byte, newer and hostile archives each refused with nothing
 * imported; the CLI's export-case and import-case; a case of 1,000
 * entries round trip, and an archive made by an earlier version.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "rd-core.h"
#include "rd-store-archive.h"
#include "advisers-fixtures.h"
#include "store-fixtures.h"
#include "evidence-fixtures.h"

#define MARKER "qrx4marker"

typedef struct {
  char    *dir;
  char    *from_dir;
  char    *to_dir;
  char    *work;
  char    *archive;
  RdStore *from;
  RdStore *to;
  gint64   case_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCaseAdmin) admin = NULL;
  g_autoptr(GDate) given = g_date_new_dmy (31, G_DATE_AUGUST, 2024);
  g_autoptr(GDate) authority = g_date_new_dmy (2, G_DATE_SEPTEMBER, 2024);

  f->dir = g_dir_make_tmp ("redress-archive-XXXXXX", &error);
  g_assert_no_error (error);
  f->from_dir = g_build_filename (f->dir, "from", NULL);
  f->to_dir = g_build_filename (f->dir, "to", NULL);
  f->work = g_build_filename (f->dir, "work", NULL);
  f->archive = g_build_filename (f->dir, "case.redress", NULL);
  g_assert_cmpint (g_mkdir (f->work, 0700), ==, 0);
  f->from = rd_store_open (f->from_dir, &error);
  g_assert_no_error (error);
  f->to = rd_store_open (f->to_dir, &error);
  g_assert_no_error (error);

  f->case_id = advisers_make_full_case (f->from, f->work, MARKER);
  admin = rd_store_get_case_admin (f->from, f->case_id, &error);
  g_assert_no_error (error);
  rd_case_admin_set_client_number (admin, "C-0042");
  rd_case_admin_set_use_client_number (admin, TRUE);
  rd_case_admin_give_consent (admin, given);
  rd_case_admin_set_authority_date (admin, authority);
  rd_case_admin_set_authority_scope (admin, "Stage 1 and 2 complaint, and the Ombudsman");
  g_assert_true (rd_store_save_case_admin (f->from, admin, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->from);
  g_clear_object (&f->to);
  fixture_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->from_dir);
  g_free (f->to_dir);
  g_free (f->work);
  g_free (f->archive);
}

static void
export_ok (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rd_case_archive_export (f->from, f->case_id, f->archive, NULL, &error));
  g_assert_no_error (error);
}

/* Everything a query returns, one row a line, for comparing two stores. */
static char *
dump (RdStore    *store,
      const char *sql,
      gint64      case_id)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (rd_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, case_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, c);
          g_string_append_printf (out, "%s|", text ? text : "NULL");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char revisions_sql[] =
  "SELECT r.written_at, r.last_changed_at, r.starts_at, r.ends_at, r.category, r.location,"
  " r.description, r.impact, r.people, r.witnesses, r.reported_to, r.reference"
  " FROM incident_revisions r JOIN incidents i ON i.id = r.incident_id WHERE i.case_id = ?1"
  " ORDER BY i.starts_at, r.written_at, r.id";
static const char evidence_sql[] =
  "SELECT e.sha256, e.size, e.content_type, e.kind, e.original_name, e.captured_at, e.date_source,"
  " e.description, e.page_count, e.duration_ms, e.orientation, e.title, e.author, e.recipients,"
  " e.problem, e.needs_password, e.imported_at, p.sha256, t.body"
  " FROM evidence e LEFT JOIN evidence p ON p.id = e.parent_id"
  " LEFT JOIN evidence_text t ON t.rowid = e.id WHERE e.case_id = ?1 ORDER BY e.sha256";
static const char links_sql[] =
  "SELECT e.sha256, l.target_kind, l.note, l.created_at,"
  " coalesce(i.starts_at, c.occurred_at, ce.kind || ce.date)"
  " FROM evidence_links l JOIN evidence e ON e.id = l.evidence_id"
  " LEFT JOIN incidents i ON l.target_kind = 'incident' AND i.id = l.target_id"
  " LEFT JOIN contacts c ON l.target_kind = 'contact' AND c.id = l.target_id"
  " LEFT JOIN complaint_events ce ON l.target_kind = 'complaint-event' AND ce.id = l.target_id"
  " WHERE e.case_id = ?1 ORDER BY 1, 2, 5, 3, 4";
static const char admin_sql[] =
  "SELECT client_number, use_client_number, archived_at, consent_given, consent_renew,"
  " authority_date, authority_scope FROM case_admin WHERE case_id = ?1";

static void
assert_same_case (RdStore *a,
                  gint64   id_a,
                  RdStore *b,
                  gint64   id_b)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json_a = rd_case_json_export (a, id_a, &error);
  g_autofree char *json_b = rd_case_json_export (b, id_b, &error);
  const char *queries[] = { revisions_sql, evidence_sql, links_sql, admin_sql };

  g_assert_no_error (error);
  g_assert_cmpstr (json_a, ==, json_b);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree char *rows_a = dump (a, queries[q], id_a);
      g_autofree char *rows_b = dump (b, queries[q], id_b);

      g_assert_cmpstr (rows_a, !=, "");
      g_assert_cmpstr (rows_a, ==, rows_b);
    }
}

/* Every record's created and updated times, one row a line, as
 * "kind created updated", sorted (the stores' ids differ). */
static char *
dump_times (RdStore *store,
            gint64   case_id)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *rows = dump (store, "SELECT * FROM (SELECT 'case', created_at, updated_at, 0 FROM cases WHERE id = ?1"
                                       " UNION ALL SELECT 'party', created_at, updated_at, id FROM parties WHERE case_id = ?1"
                                       " UNION ALL SELECT 'incident', created_at, updated_at, id FROM incidents WHERE case_id = ?1"
                                       " UNION ALL SELECT 'contact', created_at, updated_at, id FROM contacts WHERE case_id = ?1"
                                       " UNION ALL SELECT 'complaint', created_at, updated_at, id FROM complaints WHERE case_id = ?1"
                                       " UNION ALL SELECT 'event', e.created_at, e.updated_at, e.id FROM complaint_events e"
                                       "   JOIN complaints c ON c.id = e.complaint_id WHERE c.case_id = ?1)"
                                       " ORDER BY 1, 2, 3", case_id);
  g_auto(GStrv) lines = g_strsplit (rows, "\n", -1);

  /* The ids differ between the stores: keep the kind and the times. */
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "|", -1);
      g_string_append_printf (out, "%s %s %s\n", fields[0], fields[1], fields[2]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Gives every record of the case its own time, long ago, as a diary kept
 * over months would have: an import that wrote "now" would show. */
static void
age_records (Fixture *f)
{
  static const char * const tables[] = { "parties", "incidents", "contacts", "complaints" };
  sqlite3 *db = NULL;
  char *errmsg = NULL;

  g_assert_cmpint (sqlite3_open (rd_store_get_path (f->from), &db), ==, SQLITE_OK);
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE %s SET created_at = 1709500000 + id * 3607 + %u,"
                                              " updated_at = 1709600000 + id * 4001 + %u",
                                              tables[t], t, t);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, &errmsg), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_exec (db, "UPDATE complaint_events SET created_at = 1709700000 + id * 61,"
                                     " updated_at = 1709800000 + id * 59;"
                                     "UPDATE cases SET created_at = 1709400000, updated_at = 1709900000",
                                 NULL, NULL, &errmsg), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void assert_refused (Fixture    *f,
                            const char *path,
                            int         code);

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) evidence = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autofree char *times_from = NULL;
  g_autofree char *times_to = NULL;
  gint64 imported, again;

  /* The language its letters are written in goes with the case */
  {
    g_autoptr(RdCase) rcase = rd_store_get_case (f->from, f->case_id, &error);

    g_assert_no_error (error);
    rd_case_set_document_language (rcase, "cy");
    g_assert_true (rd_store_save_case (f->from, rcase, &error));
  }
  age_records (f);
  export_ok (f);
  imported = rd_case_archive_import (f->to, f->archive, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (imported, >, 0);
  assert_same_case (f->from, f->case_id, f->to, imported);
  {
    g_autoptr(RdCase) rcase = rd_store_get_case (f->to, imported, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (rd_case_get_document_language (rcase), ==, "cy");
  }

  /* Every record keeps the times it was written and changed, exactly. */
  times_from = dump_times (f->from, f->case_id);
  times_to = dump_times (f->to, imported);
  g_test_message ("Times:\n%s", times_from);
  g_assert_nonnull (strstr (times_from, "case 1709400000 1709900000"));
  g_assert_nonnull (strstr (times_from, "incident"));
  g_assert_nonnull (strstr (times_from, "contact"));
  g_assert_nonnull (strstr (times_from, "event"));
  g_assert_cmpstr (times_from, ==, times_to);
  g_assert_cmpuint (advisers_count_rows (f->to, "incident_revisions"), ==,
                    advisers_count_rows (f->from, "incident_revisions"));

  /* Every evidence file is there, byte for byte. */
  evidence = rd_store_list_evidence (f->to, imported, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 4);
  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(RdEvidence) e = g_list_model_get_item (evidence, i);
      g_autofree char *there = rd_store_dup_evidence_path (f->to, rd_evidence_get_sha256 (e));
      g_autofree char *here = rd_store_dup_evidence_path (f->from, rd_evidence_get_sha256 (e));

      g_assert_true (fixture_files_equal (here, there));
    }
  /* …and its text is searchable. */
  found = rd_store_search_evidence (f->to, imported, "note", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), >=, 1);

  /* The same archive again is the same case: refused, nothing imported… */
  assert_refused (f, f->archive, RD_CASE_ARCHIVE_ERROR_DUPLICATE);
  /* …unless a copy is asked for, into a store that has its files already. */
  again = rd_case_archive_import_full (f->to, f->archive, RD_CASE_ARCHIVE_IMPORT_AS_COPY, NULL, NULL,
                                       NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, !=, imported);
  assert_same_case (f->to, imported, f->to, again);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* What the receiving store holds, to prove a refused import left it alone. */
static char *
snapshot (Fixture *f)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *evidence_dir = g_build_filename (f->to_dir, "evidence", NULL);
  g_autoptr(GDir) dir = g_dir_open (evidence_dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_string_append_printf (out, "cases=%u evidence=%u revisions=%u admin=%u links=%u\n",
                          advisers_count_rows (f->to, "cases"),
                          advisers_count_rows (f->to, "evidence"),
                          advisers_count_rows (f->to, "incident_revisions"),
                          advisers_count_rows (f->to, "case_admin"),
                          advisers_count_rows (f->to, "evidence_links"));
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (names, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The message of the latest refusal, for checking its words. */
static char *last_refusal;

static void
assert_refused (Fixture    *f,
                const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (f);
  g_autofree char *after = NULL;

  g_assert_cmpint (rd_case_archive_import (f->to, path, NULL, &error), ==, 0);
  g_assert_error (error, RD_CASE_ARCHIVE_ERROR, code);
  g_test_message ("Refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, "Nothing was imported"));
  /* libarchive's own words stay in the debug log. */
  g_assert_null (strstr (error->message, "Truncated tar"));
  g_assert_null (strstr (error->message, "Unrecognized archive"));
  g_assert_null (strstr (error->message, "archive format"));
  g_free (last_refusal);
  last_refusal = g_strdup (error->message);
  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

static goffset
find_bytes (const char *path,
            const char *needle)
{
  g_autofree char *data = NULL;
  gsize len;
  const char *at;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  at = memmem (data, len, needle, strlen (needle));
  g_assert_nonnull (at);
  return at - data;
}

/* Changes one hex digit of a file for another. */
static void
set_hex_digit (const char *path,
               goffset     offset)
{
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_true (g_ascii_isxdigit (data[offset]));
  data[offset] = data[offset] == '0' ? '1' : '0';
  g_assert_true (g_file_set_contents (path, data, len, NULL));
}

static void
test_tampered (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "copy.redress", NULL);

  export_ok (f);

  /* A byte of an evidence file (the note). */
  fixture_copy (f->archive, copy);
  fixture_flip_byte (copy, find_bytes (copy, "A note that says") + 3);
  assert_refused (f, copy, RD_CASE_ARCHIVE_ERROR_TAMPERED);

  /* A byte of the case itself. */
  fixture_copy (f->archive, copy);
  fixture_flip_byte (copy, find_bytes (copy, "Notes " MARKER) + 2);
  assert_refused (f, copy, RD_CASE_ARCHIVE_ERROR_TAMPERED);

  /* The manifest's record of a file: another valid hash. */
  fixture_copy (f->archive, copy);
  set_hex_digit (copy, find_bytes (copy, "\"sha256\" : \"") + 14);
  assert_refused (f, copy, RD_CASE_ARCHIVE_ERROR_TAMPERED);
}

static void
truncate_copy (const char *from,
               const char *to,
               goffset     length)
{
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (from, &data, &len, NULL));
  g_assert_cmpint (length, <, (goffset) len);
  g_assert_true (g_file_set_contents (to, data, length, NULL));
}

static void
test_truncated_and_empty (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *cut = g_build_filename (f->dir, "cut.redress", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.redress", NULL);
  goffset size;

  export_ok (f);
  size = fixture_file_size (f->archive);

  /* Cut in the middle of a file, at a file boundary (whole 512-byte
   * blocks), and just after the manifest. */
  truncate_copy (f->archive, cut, size / 2 + 7);
  assert_refused (f, cut, RD_CASE_ARCHIVE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (last_refusal, "is incomplete or damaged"));
  truncate_copy (f->archive, cut, (size / 2) & ~(goffset) 511);
  assert_refused (f, cut, RD_CASE_ARCHIVE_ERROR_DAMAGED);
  truncate_copy (f->archive, cut, 2048);
  assert_refused (f, cut, RD_CASE_ARCHIVE_ERROR_DAMAGED);
  truncate_copy (f->archive, cut, size - 1024 - 512);
  assert_refused (f, cut, RD_CASE_ARCHIVE_ERROR_DAMAGED);

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_refused (f, empty, RD_CASE_ARCHIVE_ERROR_EMPTY);

  g_assert_true (g_file_set_contents (cut, "This is not an archive at all.\n", -1, NULL));
  assert_refused (f, cut, RD_CASE_ARCHIVE_ERROR_DAMAGED);
  g_assert_true (g_str_has_prefix (last_refusal, "This is not a Redress case file"));
}

typedef struct {
  const char *name;
  const char *data;      /* NULL: a symlink to "/etc/passwd" */
} Entry;

static void
write_tar (const char  *path,
           const Entry *entries,
           guint        n)
{
  struct archive *a = archive_write_new ();

  g_assert_cmpint (archive_write_set_format_pax_restricted (a), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  for (guint i = 0; i < n; i++)
    {
      struct archive_entry *entry = archive_entry_new ();

      archive_entry_set_pathname (entry, entries[i].name);
      if (entries[i].data == NULL)
        {
          archive_entry_set_filetype (entry, AE_IFLNK);
          archive_entry_set_symlink (entry, "/etc/passwd");
          archive_entry_set_size (entry, 0);
        }
      else
        {
          archive_entry_set_filetype (entry, AE_IFREG);
          archive_entry_set_size (entry, strlen (entries[i].data));
        }
      archive_entry_set_perm (entry, 0644);
      g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
      if (entries[i].data != NULL)
        archive_write_data (a, entries[i].data, strlen (entries[i].data));
      archive_entry_free (entry);
    }
  archive_write_close (a);
  archive_write_free (a);
}

static char *
manifest_for (int         format_version,
              int         schema_version,
              const char *document,
              const char *extra_name,
              const char *extra_data)
{
  g_autofree char *doc_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, document, -1);
  g_autofree char *extra = NULL;

  if (extra_name != NULL)
    {
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, extra_data, -1);
      extra = g_strdup_printf (", {\"name\": \"%s\", \"sha256\": \"%s\", \"size\": %zu}",
                               extra_name, hash, strlen (extra_data));
    }
  return g_strdup_printf ("{\"format\": \"redress-archive\", \"format_version\": %d,"
                          " \"schema_version\": %d, \"files\": ["
                          "{\"name\": \"case.json\", \"sha256\": \"%s\", \"size\": %zu}%s]}",
                          format_version, schema_version, doc_hash, strlen (document),
                          extra ? extra : "");
}

static const char tiny_document[] =
  "{\"format\": \"redress-case-archive\", \"version\": 1,"
  " \"case\": {\"format\": \"redress-case\", \"version\": 1, \"case\": {\"title\": \"Tiny\"}},"
  " \"revisions\": [], \"evidence\": [], \"links\": []}";

static void
test_newer_and_hostile (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "made.redress", NULL);
  g_autofree char *escape = g_build_filename (f->to_dir, "evil", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *m = NULL;
  gint64 id;

  /* A well-made small archive imports: the cases below differ only in
   * the one thing they test. */
  m = manifest_for (1, RD_STORE_SCHEMA_VERSION, tiny_document, NULL, NULL);
  write_tar (path, (Entry[]) { { "manifest.json", m }, { "case.json", tiny_document } }, 2);
  id = rd_case_archive_import (f->to, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  /* Made before archives carried "case_uuid": known by its document's
   * SHA-256, so that taking the same file in twice is still refused. */
  {
    g_autofree char *identity = rd_store_dup_case_identity (f->to, id, &error);
    g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, tiny_document, -1);

    g_assert_no_error (error);
    g_assert_cmpint (strlen (identity), ==, 32);
    g_assert_true (g_str_has_prefix (digest, identity));
    assert_refused (f, path, RD_CASE_ARCHIVE_ERROR_DUPLICATE);
  }
  g_clear_pointer (&m, g_free);

  m = manifest_for (2, RD_STORE_SCHEMA_VERSION, tiny_document, NULL, NULL);
  write_tar (path, (Entry[]) { { "manifest.json", m }, { "case.json", tiny_document } }, 2);
  assert_refused (f, path, RD_CASE_ARCHIVE_ERROR_NEWER);
  g_assert_true (g_str_has_prefix (last_refusal, "This case file was made by a newer version of "
                                                 "Redress. Update Redress on this computer, then "
                                                 "import it again."));
  g_clear_pointer (&m, g_free);

  m = manifest_for (1, RD_STORE_SCHEMA_VERSION + 1, tiny_document, NULL, NULL);
  write_tar (path, (Entry[]) { { "manifest.json", m }, { "case.json", tiny_document } }, 2);
  assert_refused (f, path, RD_CASE_ARCHIVE_ERROR_NEWER);
  g_clear_pointer (&m, g_free);

  /* Names are never paths: "../" and absolute names are refused, and
   * nothing is written where they point. */
  m = manifest_for (1, RD_STORE_SCHEMA_VERSION, tiny_document, "../evil", "x");
  write_tar (path, (Entry[]) { { "manifest.json", m }, { "case.json", tiny_document },
                               { "../evil", "x" } }, 3);
  assert_refused (f, path, RD_CASE_ARCHIVE_ERROR_DAMAGED);
  g_assert_false (g_file_test (escape, G_FILE_TEST_EXISTS));
  g_clear_pointer (&m, g_free);

  m = manifest_for (1, RD_STORE_SCHEMA_VERSION, tiny_document, NULL, NULL);
  write_tar (path, (Entry[]) { { "manifest.json", m }, { "case.json", tiny_document },
                               { "evidence/../../evil", "x" } }, 3);
  assert_refused (f, path, RD_CASE_ARCHIVE_ERROR_TAMPERED);
  write_tar (path, (Entry[]) { { "manifest.json", m }, { "case.json", tiny_document },
                               { "/tmp/evil", "x" } }, 3);
  assert_refused (f, path, RD_CASE_ARCHIVE_ERROR_TAMPERED);
  /* A symlink, even under a name the manifest lists. */
  write_tar (path, (Entry[]) { { "manifest.json", m }, { "case.json", NULL } }, 2);
  assert_refused (f, path, RD_CASE_ARCHIVE_ERROR_DAMAGED);
  /* The manifest must come first; a file may not come twice. */
  write_tar (path, (Entry[]) { { "case.json", tiny_document }, { "manifest.json", m } }, 2);
  assert_refused (f, path, RD_CASE_ARCHIVE_ERROR_DAMAGED);
  write_tar (path, (Entry[]) { { "manifest.json", m }, { "case.json", tiny_document },
                               { "case.json", tiny_document } }, 3);
  assert_refused (f, path, RD_CASE_ARCHIVE_ERROR_TAMPERED);
  g_clear_pointer (&m, g_free);

  /* An evidence name that is not a lower-case hash. */
  m = manifest_for (1, RD_STORE_SCHEMA_VERSION, tiny_document,
                    "evidence/2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824", "hello");
  write_tar (path, (Entry[]) { { "manifest.json", m }, { "case.json", tiny_document },
                               { "evidence/2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824", "hello" } }, 3);
  assert_refused (f, path, RD_CASE_ARCHIVE_ERROR_DAMAGED);
  g_clear_pointer (&m, g_free);

  /* A document that ends on a page's last byte with a short member name:
   * names are compared within their quotes, never read past the mapping. */
  {
    g_autoptr(GString) edge = g_string_new (tiny_document);
    gint64 edge_id;

    g_string_truncate (edge, edge->len - 1);
    g_string_append (edge, ", \"pad\": \"");
    while (edge->len < 4096 - strlen ("\", \"a\": 1}"))
      g_string_append_c (edge, 'x');
    g_string_append (edge, "\", \"a\": 1}");
    g_assert_cmpuint (edge->len, ==, 4096);
    m = manifest_for (1, RD_STORE_SCHEMA_VERSION, edge->str, NULL, NULL);
    write_tar (path, (Entry[]) { { "manifest.json", m }, { "case.json", edge->str } }, 2);
    edge_id = rd_case_archive_import (f->to, path, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (edge_id, >, 0);
    g_clear_pointer (&m, g_free);
  }

  /* A file the case does not mention. */
  m = manifest_for (1, RD_STORE_SCHEMA_VERSION, tiny_document,
                    "evidence/2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", "hello");
  write_tar (path, (Entry[]) { { "manifest.json", m }, { "case.json", tiny_document },
                               { "evidence/2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", "hello" } }, 3);
  assert_refused (f, path, RD_CASE_ARCHIVE_ERROR_INVALID);
}

static char *
dump_deadlines (RdStore *store,
                gint64   case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (2, G_DATE_SEPTEMBER, 2025);
  g_autoptr(RdDeadlineReport) report = rd_case_service_compute_deadlines (store, case_id, today,
                                                                          &error);
  g_autoptr(GString) out = g_string_new (NULL);
  GListModel *list;

  g_assert_no_error (error);
  list = rd_deadline_report_get_deadlines (report);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RdDeadline) d = g_list_model_get_item (list, i);
      const RdMoment *due = rd_deadline_get_due (d);
      g_autofree char *when = due && g_date_valid (&due->date) ? rd_date_to_iso (&due->date) : g_strdup ("-");

      g_string_append_printf (out, "%s|%u|%s|%d|%s\n", rd_deadline_get_title (d), rd_deadline_get_stage (d),
                              when, rd_deadline_get_status (d), rd_deadline_get_basis (d));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A case that follows the landlord's own profile (stage 1 answered within
 * 5 working days) gets the same deadlines on the colleague's computer. */
static void
test_policy (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_JANUARY, 2024);
  g_autoptr(RdPolicy) policy = rd_policy_new_landlord_from_code (day);
  g_autoptr(RdPolicy) imported_policy = NULL;
  g_autofree char *before = NULL;
  g_autofree char *code_only = NULL;
  g_autofree char *after = NULL;
  RdPolicyStage s1;
  gint64 imported, again;

  code_only = dump_deadlines (f->from, f->case_id);
  rd_policy_set_name (policy, "Northgate Homes complaints policy");
  s1 = *rd_policy_get_stage (policy, 1);
  s1.respond.amount = 5;
  rd_policy_set_stage (policy, 1, &s1);
  g_assert_true (rd_store_save_policy (f->from, policy, &error));
  g_assert_true (rd_store_set_case_policy (f->from, f->case_id, rd_policy_get_id (policy), &error));
  g_assert_no_error (error);
  before = dump_deadlines (f->from, f->case_id);
  g_test_message ("Code only:\n%sLandlord's profile:\n%s", code_only, before);
  g_assert_cmpstr (before, !=, code_only);

  export_ok (f);
  imported = rd_case_archive_import (f->to, f->archive, NULL, &error);
  g_assert_no_error (error);
  after = dump_deadlines (f->to, imported);
  g_assert_cmpstr (after, ==, before);
  imported_policy = rd_store_get_case_policy (f->to, imported, &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported_policy);
  g_assert_cmpstr (rd_policy_get_name (imported_policy), ==, "Northgate Homes complaints policy");
  g_assert_cmpint (rd_policy_get_stage (imported_policy, 1)->respond.amount, ==, 5);
  g_assert_true (rd_policy_content_equal (imported_policy, policy));

  /* A second copy of the case reuses the identical profile. */
  again = rd_case_archive_import_full (f->to, f->archive, RD_CASE_ARCHIVE_IMPORT_AS_COPY, NULL, NULL,
                                       NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, >, 0);
  g_assert_cmpuint (advisers_count_rows (f->to, "policy_profiles"), ==, 1);
}

/* An archive from before the times were carried: each diary entry is dated
 * from its first revision, not from the import. */
static const char old_document[] =
  "{\"format\": \"redress-case-archive\", \"version\": 1,"
  " \"case\": {\"format\": \"redress-case\", \"version\": 1, \"case\": {\"title\": \"Old\"},"
  "   \"incidents\": [{\"id\": 1, \"starts_at\": \"2024-03-02T23:15\", \"category\": \"noise\"}]},"
  " \"revisions\": [{\"incident\": 1, \"written_at\": 1709420000, \"last_changed_at\": 1709420100,"
  "   \"starts_at\": \"2024-03-02T23:15\", \"ends_at\": null, \"category\": \"noise\","
  "   \"location\": \"\", \"description\": \"First\", \"impact\": \"\", \"people\": \"\","
  "   \"witnesses\": \"\", \"reported_to\": \"\", \"reference\": \"\"},"
  "  {\"incident\": 1, \"written_at\": 1709500000, \"last_changed_at\": 1709500300,"
  "   \"starts_at\": \"2024-03-02T23:15\", \"ends_at\": null, \"category\": \"noise\","
  "   \"location\": \"\", \"description\": \"Second\", \"impact\": \"\", \"people\": \"\","
  "   \"witnesses\": \"\", \"reported_to\": \"\", \"reference\": \"\"}],"
  " \"evidence\": [], \"links\": []}";

static void
test_old_without_times (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "old.redress", NULL);
  g_autofree char *m = manifest_for (1, 8, old_document, NULL, NULL);
  g_autofree char *rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  write_tar (path, (Entry[]) { { "manifest.json", m }, { "case.json", old_document } }, 2);
  id = rd_case_archive_import (f->to, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  /* Without an identity in it, the same old file is still known again. */
  assert_refused (f, path, RD_CASE_ARCHIVE_ERROR_DUPLICATE);
  rows = dump (f->to, "SELECT created_at, updated_at FROM incidents WHERE case_id = ?1", id);
  g_assert_cmpstr (rows, ==, "1709420000|1709500300|\n");
}

/* A field the entry's category does not use is refused in an archive as
 * in case JSON, naming it; nothing is taken in. */
static const char misplaced_document[] =
  "{\"format\": \"redress-case-archive\", \"version\": 1,"
  " \"case\": {\"format\": \"redress-case\", \"version\": 1, \"case\": {\"title\": \"Misplaced\"},"
  "   \"incidents\": [{\"id\": 1, \"starts_at\": \"2024-03-02T23:15\", \"category\": \"noise\","
  "     \"hazard\": \"emergency\"}]},"
  " \"revisions\": [], \"evidence\": [], \"links\": []}";

static void
test_misplaced_field (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "misplaced.redress", NULL);
  g_autofree char *m = manifest_for (1, RD_STORE_SCHEMA_VERSION, misplaced_document, NULL, NULL);

  write_tar (path, (Entry[]) { { "manifest.json", m }, { "case.json", misplaced_document } }, 2);
  assert_refused (f, path, RD_CASE_ARCHIVE_ERROR_INVALID);
  g_assert_nonnull (strstr (last_refusal, "“incidents[0].hazard”"));
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->case_id);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *empty = g_build_filename (f->dir, "empty.redress", NULL);
  g_autoptr(GError) error = NULL;
  gint64 imported = 0;

  g_clear_object (&f->from);
  g_clear_object (&f->to);
  g_assert_cmpint (fixture_run_cli (f->from_dir,
                                    (const char *[]) { "export-case", id, "--output", f->archive, NULL },
                                    &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (fixture_run_cli (f->to_dir, (const char *[]) { "import-case", f->archive, NULL },
                                    &out, &err), ==, 0);
  imported = g_ascii_strtoll (g_strstrip (out), NULL, 10);
  g_assert_cmpint (imported, >, 0);
  f->from = rd_store_open (f->from_dir, &error);
  f->to = rd_store_open (f->to_dir, &error);
  g_assert_no_error (error);
  assert_same_case (f->from, f->case_id, f->to, imported);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The same case again: refused, with the way to make a copy; then a copy. */
  g_assert_cmpint (fixture_run_cli (f->to_dir, (const char *[]) { "import-case", f->archive, NULL },
                                    &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "already in Redress"));
  g_assert_nonnull (strstr (err, "--as-copy"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (fixture_run_cli (f->to_dir, (const char *[]) { "import-case", f->archive, "--as-copy", NULL },
                                    &out, &err), ==, 0);
  g_assert_cmpint (g_ascii_strtoll (g_strstrip (out), NULL, 10), >, imported);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_cmpint (fixture_run_cli (f->to_dir, (const char *[]) { "import-case", empty, NULL },
                                    &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "empty"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (fixture_run_cli (f->to_dir, (const char *[]) { "export-case", id, NULL },
                                    &out, &err), ==, 2);
}

/* Adds @n diary entries and a tenth as many contacts to the case, each
 * seventh entry changed once (so it has two versions), and links the
 * case's evidence to every fiftieth entry and every tenth contact, with
 * each of its files in turn. */
static void
add_records (Fixture *f,
             guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) evidence = rd_store_list_evidence (f->from, f->case_id, &error);
  g_autoptr(GDateTime) first = g_date_time_new_local (2023, 1, 1, 20, 0, 0);
  guint n_evidence, links = 0;

  g_assert_no_error (error);
  n_evidence = g_list_model_get_n_items (evidence);
  g_assert_cmpuint (n_evidence, >, 0);
  g_assert_true (rd_store_begin (f->from, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdIncident) incident = rd_incident_new ();
      g_autoptr(GDateTime) at = g_date_time_add_minutes (first, (gint64) i * 97);
      g_autofree char *text = g_strdup_printf ("Entry %u: banging through the wall, %s", i, MARKER);

      rd_incident_set_case_id (incident, f->case_id);
      rd_incident_set_starts_at (incident, at);
      rd_incident_set_category (incident, i % 2 ? RD_CATEGORY_NOISE : RD_CATEGORY_HARASSMENT);
      rd_incident_set_description (incident, text);
      g_assert_true (rd_store_save_incident (f->from, incident, NULL, &error));
      if (i % 7 == 0)
        {
          g_autofree char *changed = g_strdup_printf ("%s, and again after midnight", text);

          rd_incident_set_description (incident, changed);
          g_assert_true (rd_store_save_incident (f->from, incident, NULL, &error));
        }
      if (i % 50 == 0)
        {
          g_autoptr(RdEvidence) e = g_list_model_get_item (evidence, links++ % n_evidence);

          g_assert_true (rd_store_link_evidence (f->from, rd_evidence_get_id (e), RD_EVIDENCE_TARGET_INCIDENT,
                                                 rd_incident_get_id (incident), text, &error));
        }
    }
  for (guint i = 0; i < n / 10; i++)
    {
      g_autoptr(RdContact) contact = rd_contact_new ();
      g_autoptr(GDateTime) at = g_date_time_add_minutes (first, (gint64) i * 601 + 5);

      rd_contact_set_case_id (contact, f->case_id);
      rd_contact_set_occurred_at (contact, at);
      rd_contact_set_direction (contact, i % 2 ? RD_CONTACT_FROM : RD_CONTACT_TO);
      rd_contact_set_summary (contact, "Rang the housing officer about the noise");
      g_assert_true (rd_store_save_contact (f->from, contact, &error));
      if (i % 10 == 0)
        {
          g_autoptr(RdEvidence) e = g_list_model_get_item (evidence, links++ % n_evidence);

          g_assert_true (rd_store_link_evidence (f->from, rd_evidence_get_id (e), RD_EVIDENCE_TARGET_CONTACT,
                                                 rd_contact_get_id (contact), "", &error));
        }
    }
  g_assert_true (rd_store_commit (f->from, &error));
  g_assert_no_error (error);
}

/* A case of 1,000 entries comes back exactly: every record, every version
 * of every entry, the evidence with its links to entries, contacts and a
 * complaint's step, the adviser's record and every record's times. The
 * archive's document is written and read a record at a time. */
static void
test_round_trip_1000 (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const tables[] = {
    "incidents", "contacts", "parties", "complaints", "complaint_events", "incident_revisions",
    "evidence", "evidence_links", "case_admin",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *times_from = NULL;
  g_autofree char *times_to = NULL;
  gint64 imported;

  add_records (f, 1000);
  age_records (f);
  export_ok (f);
  imported = rd_case_archive_import (f->to, f->archive, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (imported, >, 0);
  assert_same_case (f->from, f->case_id, f->to, imported);
  times_from = dump_times (f->from, f->case_id);
  times_to = dump_times (f->to, imported);
  g_assert_cmpstr (times_from, ==, times_to);
  /* One store each: every row of these tables is the case's. */
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_test_message ("%s: %u rows", tables[t], advisers_count_rows (f->from, tables[t]));
      g_assert_cmpuint (advisers_count_rows (f->to, tables[t]), ==, advisers_count_rows (f->from, tables[t]));
    }
  g_assert_cmpuint (advisers_count_rows (f->to, "incidents"), >=, 1000);
  g_assert_cmpuint (advisers_count_rows (f->to, "incident_revisions"), >=, 1000 + 1000 / 7);
  g_assert_cmpuint (advisers_count_rows (f->to, "evidence_links"), >=, 1000 / 50 + 100 / 10);
}

/* An archive written by Redress before the document was written a record
 * at a time (tests/core/data/archive-v1-tree.redress: json-glib's indented
 * tree, made from archive-v1-tree.json with one evidence file) still
 * imports whole, and is still known as itself the second time. */
static void
test_old_format (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *archive = g_test_build_filename (G_TEST_DIST, "core", "data", "archive-v1-tree.redress", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "core", "data", "archive-v1-tree.json", NULL);
  g_autofree char *json = NULL;
  g_autofree char *from_archive = NULL;
  g_autofree char *from_source = NULL;
  g_autofree char *times = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) evidence = NULL;
  g_autoptr(RdEvidence) letter = NULL;
  g_autofree char *letter_path = NULL;
  g_autofree char *letter_text = NULL;
  gint64 imported, plain;

  imported = rd_case_archive_import (f->to, archive, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (imported, >, 0);

  /* The same case as its source document… */
  g_assert_true (g_file_get_contents (source, &json, NULL, &error));
  plain = rd_case_json_import (f->from, json, -1, &error);
  g_assert_no_error (error);
  from_archive = rd_case_json_export (f->to, imported, &error);
  g_assert_no_error (error);
  from_source = rd_case_json_export (f->from, plain, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_archive, ==, from_source);
  g_assert_nonnull (strstr (from_archive, "Noise from Flat 6"));

  /* …with its history, its evidence file and the times it carried. */
  g_assert_cmpuint (advisers_count_rows (f->to, "incident_revisions"), ==, 3);
  evidence = rd_store_list_evidence (f->to, imported, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 1);
  letter = g_list_model_get_item (evidence, 0);
  letter_path = rd_store_dup_evidence_path (f->to, rd_evidence_get_sha256 (letter));
  g_assert_true (g_file_get_contents (letter_path, &letter_text, NULL, &error));
  g_assert_cmpstr (letter_text, ==, "Letter from the landlord about the damp, 3 March 2024.\n");
  times = dump_times (f->to, imported);
  g_test_message ("Times:\n%s", times);
  g_assert_nonnull (strstr (times, "case 1796627341 1796627341"));

  /* Its identity came with it: the same file again is refused. */
  assert_refused (f, archive, RD_CASE_ARCHIVE_ERROR_DUPLICATE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/archive/round-trip", Fixture, NULL, fixture_setup, test_round_trip, fixture_teardown);
  g_test_add ("/archive/tampered", Fixture, NULL, fixture_setup, test_tampered, fixture_teardown);
  g_test_add ("/archive/truncated-and-empty", Fixture, NULL, fixture_setup, test_truncated_and_empty, fixture_teardown);
  g_test_add ("/archive/newer-and-hostile", Fixture, NULL, fixture_setup, test_newer_and_hostile, fixture_teardown);
  g_test_add ("/archive/misplaced-field", Fixture, NULL, fixture_setup, test_misplaced_field, fixture_teardown);
  g_test_add ("/archive/policy", Fixture, NULL, fixture_setup, test_policy, fixture_teardown);
  g_test_add ("/archive/old-without-times", Fixture, NULL, fixture_setup, test_old_without_times, fixture_teardown);
  g_test_add ("/archive/cli", Fixture, NULL, fixture_setup, test_cli, fixture_teardown);
  g_test_add ("/archive/round-trip-1000", Fixture, NULL, fixture_setup, test_round_trip_1000, fixture_teardown);
  g_test_add ("/archive/old-format", Fixture, NULL, fixture_setup, test_old_format, fixture_teardown);

  return g_test_run ();
}
