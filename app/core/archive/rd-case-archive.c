/* rd-case-archive.c: writing a case to a .redress archive.
 *
 * The archive is an uncompressed POSIX tar (written with libarchive):
 *   manifest.json            format and schema versions, and every other
 *                            file's name, SHA-256 and size; always first
 *   case.json                the case: the case JSON document (see
 *                            rd-case-json.h) with what it lacks for a
 *                            hand-over: diary revisions, the adviser's
 *                            record, evidence records with their text,
 *                            evidence links, and when each record was
 *                            first written and last changed ("times"),
 *                            the landlord's policy profile it follows,
 *                            and the case's identity ("case_uuid")
 *   evidence/<sha256>        each evidence file, named by its hash
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-archive"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include "rd-gettext.h"
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rd-case-archive-private.h"
#include "rd-case-json.h"
#include "rd-datetime.h"
#include "rd-hash.h"
#include "rd-libarchive.h"
#include "rd-output.h"
#include "rd-store-advisers.h"
#include "rd-store-archive.h"
#include "rd-store-case-facts.h"
#include "rd-store-evidence.h"

#define CHUNK (64 * 1024)

/* Copies the member @name of a row of the store as it is: null, number or text. */
static void
add_column (JsonBuilder *builder,
            const char  *name,
            JsonObject  *row)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_value (builder, json_node_copy (json_object_get_member (row, name)));
}

static void
add_date (JsonBuilder *builder,
          const char  *name,
          const GDate *date)
{
  json_builder_set_member_name (builder, name);
  if (date == NULL)
    json_builder_add_null_value (builder);
  else
    {
      g_autofree char *text = rd_date_to_iso (date);
      json_builder_add_string_value (builder, text);
    }
}

static GHashTable *
new_id_map (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static void
map_id (GHashTable *map,
        gint64      from,
        gint64      to)
{
  g_hash_table_insert (map, g_memdup2 (&from, sizeof from), g_memdup2 (&to, sizeof to));
}

static gint64
lookup_id (GHashTable *map,
           gint64      from)
{
  gint64 *to = g_hash_table_lookup (map, &from);

  return to ? *to : 0;
}

static void
build_admin (JsonBuilder *builder,
             RdCaseAdmin *admin)
{
  json_builder_set_member_name (builder, "admin");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "client_number");
  json_builder_add_string_value (builder, rd_case_admin_get_client_number (admin));
  json_builder_set_member_name (builder, "use_client_number");
  json_builder_add_boolean_value (builder, rd_case_admin_get_use_client_number (admin));
  json_builder_set_member_name (builder, "archived_at");
  if (rd_case_admin_get_archived (admin))
    json_builder_add_int_value (builder, rd_case_admin_get_archived_at (admin));
  else
    json_builder_add_null_value (builder);
  add_date (builder, "consent_given", rd_case_admin_get_consent_given (admin));
  add_date (builder, "consent_renew", rd_case_admin_get_consent_renew (admin));
  add_date (builder, "authority_date", rd_case_admin_get_authority_date (admin));
  json_builder_set_member_name (builder, "authority_scope");
  json_builder_add_string_value (builder, rd_case_admin_get_authority_scope (admin));
  json_builder_end_object (builder);
}

static gboolean
build_revisions (JsonBuilder  *builder,
                 RdStore      *store,
                 gint64        case_id,
                 GHashTable   *incident_doc_ids,
                 GError      **error)
{
  static const char * const columns[] = {
    "written_at", "last_changed_at", "starts_at", "ends_at", "category", "location",
    "description", "impact", "people", "witnesses", "reported_to", "reference",
    "landlord_reported_on", "landlord_reported_minute", "asb_risk", "repair_priority", "hazard",
    "landlord_steps", "asb_report", "service_loss",
  };
  g_autoptr(JsonArray) rows = rd_store_dump_revisions (store, case_id, error);

  if (rows == NULL)
    return FALSE;
  json_builder_set_member_name (builder, "revisions");
  json_builder_begin_array (builder);
  for (guint r = 0, n = json_array_get_length (rows); r < n; r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "incident");
      json_builder_add_int_value (builder, lookup_id (incident_doc_ids,
                                                      json_object_get_int_member (row, "incident")));
      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        add_column (builder, columns[i], row);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

typedef struct {
  char   *sha256;
  gint64  size;
} EvidenceFile;

static void
evidence_file_free (gpointer data)
{
  EvidenceFile *file = data;

  g_free (file->sha256);
  g_free (file);
}

static gboolean
build_evidence (JsonBuilder  *builder,
                RdStore      *store,
                gint64        case_id,
                GHashTable   *evidence_doc_ids,
                GPtrArray    *files,
                GError      **error)
{
  static const char * const columns[] = {
    "sha256", "size", "content_type", "kind", "original_name", "captured_at", "date_source",
    "description", "page_count", "duration_ms", "orientation", "title", "author", "recipients",
    "problem",
  };
  g_autoptr(JsonArray) rows = rd_store_dump_evidence (store, case_id, error);
  guint n;

  if (rows == NULL)
    return FALSE;
  n = json_array_get_length (rows);

  /* First the ids, so that an email's attachments can name their parent. */
  for (guint r = 0; r < n; r++)
    map_id (evidence_doc_ids, json_object_get_int_member (json_array_get_object_element (rows, r), "id"),
            r + 1);

  json_builder_set_member_name (builder, "evidence");
  json_builder_begin_array (builder);
  for (guint r = 0; r < n; r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      EvidenceFile *file = g_new0 (EvidenceFile, 1);
      gint64 parent = json_object_get_int_member (row, "parent");

      file->sha256 = g_strdup (json_object_get_string_member (row, "sha256"));
      file->size = json_object_get_int_member (row, "size");
      g_ptr_array_add (files, file);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, lookup_id (evidence_doc_ids, json_object_get_int_member (row, "id")));
      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        add_column (builder, columns[i], row);
      json_builder_set_member_name (builder, "needs_password");
      json_builder_add_boolean_value (builder, json_object_get_boolean_member (row, "needs_password"));
      json_builder_set_member_name (builder, "parent");
      if (parent != 0 && lookup_id (evidence_doc_ids, parent) != 0)
        json_builder_add_int_value (builder, lookup_id (evidence_doc_ids, parent));
      else
        json_builder_add_null_value (builder);
      add_column (builder, "imported_at", row);
      add_column (builder, "exhibit_no", row);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, json_object_get_string_member (row, "text"));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

static gboolean
build_links (JsonBuilder  *builder,
             RdStore      *store,
             gint64        case_id,
             GHashTable   *evidence_doc_ids,
             GHashTable   *incident_doc_ids,
             GHashTable   *contact_doc_ids,
             GHashTable   *event_positions,
             GError      **error)
{
  g_autoptr(JsonArray) rows = rd_store_dump_evidence_links (store, case_id, error);

  if (rows == NULL)
    return FALSE;
  json_builder_set_member_name (builder, "links");
  json_builder_begin_array (builder);
  for (guint r = 0, n = json_array_get_length (rows); r < n; r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);
      const char *kind = json_object_get_string_member (row, "target_kind");
      gint64 target = json_object_get_int_member (row, "target");
      gint64 doc_target = 0;
      gint64 *position = NULL;

      if (g_str_equal (kind, "incident"))
        doc_target = lookup_id (incident_doc_ids, target);
      else if (g_str_equal (kind, "contact"))
        doc_target = lookup_id (contact_doc_ids, target);
      else if (g_str_equal (kind, "complaint-event"))
        position = g_hash_table_lookup (event_positions, &target);
      if (doc_target == 0 && position == NULL)
        {
          g_warning ("Evidence link to %s %" G_GINT64_FORMAT " outside its case left out",
                     kind, target);
          continue;
        }

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "evidence");
      json_builder_add_int_value (builder, lookup_id (evidence_doc_ids,
                                                      json_object_get_int_member (row, "evidence")));
      json_builder_set_member_name (builder, "target_kind");
      json_builder_add_string_value (builder, kind);
      if (position != NULL)
        {
          json_builder_set_member_name (builder, "complaint");
          json_builder_add_int_value (builder, position[0]);
          json_builder_set_member_name (builder, "event");
          json_builder_add_int_value (builder, position[1]);
        }
      else
        {
          json_builder_set_member_name (builder, "target");
          json_builder_add_int_value (builder, doc_target);
        }
      add_column (builder, "note", row);
      add_column (builder, "created_at", row);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

/* The case document: the case JSON, and what a hand-over adds to it. */
static char *
build_document (RdStore     *store,
                gint64       case_id,
                GPtrArray   *files,
                GError     **error)
{
  g_autoptr(RdCaseFacts) facts = NULL;
  g_autoptr(RdCaseAdmin) admin = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) incident_doc_ids = new_id_map ();
  g_autoptr(GHashTable) contact_doc_ids = new_id_map ();
  g_autoptr(GHashTable) evidence_doc_ids = new_id_map ();
  g_autoptr(GHashTable) event_positions = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                                 g_free, g_free);
  GPtrArray *items;

  facts = rd_case_facts_load (store, case_id, error);
  if (facts == NULL)
    return NULL;
  admin = rd_store_get_case_admin (store, case_id, error);
  if (admin == NULL)
    return NULL;

  /* The case JSON numbers entries and contacts 1, 2, 3… in this order. */
  items = rd_case_facts_get_incidents (facts);
  for (guint i = 0; i < items->len; i++)
    map_id (incident_doc_ids, rd_incident_get_id (g_ptr_array_index (items, i)), i + 1);
  items = rd_case_facts_get_contacts (facts);
  for (guint i = 0; i < items->len; i++)
    map_id (contact_doc_ids, rd_contact_get_id (g_ptr_array_index (items, i)), i + 1);
  items = rd_case_facts_get_complaints (facts);
  for (guint c = 0; c < items->len; c++)
    {
      GPtrArray *events = rd_case_facts_get_events (facts, g_ptr_array_index (items, c));

      for (guint e = 0; e < events->len; e++)
        {
          gint64 id = rd_complaint_event_get_id (g_ptr_array_index (events, e));
          gint64 position[2] = { c + 1, e + 1 };

          g_hash_table_insert (event_positions, g_memdup2 (&id, sizeof id),
                               g_memdup2 (position, sizeof position));
        }
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "redress-case-archive");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, RD_CASE_ARCHIVE_FORMAT_VERSION);
  json_builder_set_member_name (builder, "case");
  json_builder_add_value (builder, rd_case_json_from_facts (facts));
  build_admin (builder, admin);
  if (!build_revisions (builder, store, case_id, incident_doc_ids, error) ||
      !build_evidence (builder, store, case_id, evidence_doc_ids, files, error) ||
      !build_links (builder, store, case_id, evidence_doc_ids, incident_doc_ids, contact_doc_ids,
                    event_positions, error) ||
      !_rd_archive_build_identity (builder, store, case_id, error) ||
      !_rd_archive_build_policy (builder, store, case_id, error) ||
      !_rd_archive_build_times (builder, store, facts, error))
    return NULL;
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static gboolean
write_fail (struct archive  *a,
            const char      *display,
            GError         **error)
{
  g_set_error (error, RD_CASE_ARCHIVE_ERROR, RD_CASE_ARCHIVE_ERROR_IO,
               _("Redress could not write “%s” (%s). Check that the folder is yours and the "
                 "disk has free space."),
               display, archive_error_string (a) ? archive_error_string (a) : g_strerror (errno));
  return FALSE;
}

static gboolean
write_header (struct archive  *a,
              const char      *name,
              gint64           size,
              gint64           mtime,
              const char      *display,
              GError         **error)
{
  struct archive_entry *entry = archive_entry_new ();
  int rc;

  archive_entry_set_pathname (entry, name);
  archive_entry_set_size (entry, size);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0600);
  archive_entry_set_mtime (entry, mtime, 0);
  rc = archive_write_header (a, entry);
  archive_entry_free (entry);
  if (rc != ARCHIVE_OK)
    return write_fail (a, display, error);
  return TRUE;
}

static gboolean
write_bytes (struct archive  *a,
             const char      *data,
             gsize            length,
             const char      *display,
             GError         **error)
{
  if (length > 0 && archive_write_data (a, data, length) != (la_ssize_t) length)
    return write_fail (a, display, error);
  return TRUE;
}

/* Copies one stored evidence file in, checking on the way that it is still
 * the file its hash names. */
static gboolean
write_evidence (struct archive  *a,
                RdStore         *store,
                EvidenceFile    *file,
                GCancellable    *cancellable,
                const char      *display,
                GError         **error)
{
  g_autofree char *path = rd_store_dup_evidence_path (store, file->sha256);
  g_autofree char *name = g_strconcat (RD_ARCHIVE_EVIDENCE_PREFIX, file->sha256, NULL);
  g_autofree guchar *buffer = g_malloc (CHUNK);
  g_autofree char *digest = NULL;
  g_autoptr(RdSha256) hash = rd_sha256_new ();
  gint64 total = 0;
  GStatBuf st;
  int fd;
  gboolean ok = FALSE;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &st) != 0 || st.st_size != file->size)
    {
      g_set_error (error, RD_CASE_ARCHIVE_ERROR, RD_CASE_ARCHIVE_ERROR_IO,
                   _("An evidence file of this case is missing or damaged in this computer’s "
                     "store, so the case was not exported. Run “verify” to see which one."));
      if (fd >= 0)
        close (fd);
      return FALSE;
    }
  if (!write_header (a, name, file->size, rd_clock_get_unix (rd_store_get_clock (store)), display, error))
    goto out;
  for (;;)
    {
      gssize n = read (fd, buffer, CHUNK);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          write_fail (a, display, error);
          goto out;
        }
      if (n == 0)
        break;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      rd_sha256_update (hash, buffer, n);
      total += n;
      if (!write_bytes (a, (const char *) buffer, n, display, error))
        goto out;
    }
  digest = rd_sha256_finish_hex (hash);
  if (total != file->size || !g_str_equal (digest, file->sha256))
    {
      g_set_error (error, RD_CASE_ARCHIVE_ERROR, RD_CASE_ARCHIVE_ERROR_IO,
                   _("An evidence file of this case has changed since it was kept, so the case "
                     "was not exported. Run “verify” to see which one."));
      goto out;
    }
  ok = TRUE;

out:
  close (fd);
  return ok;
}

static char *
build_manifest (const char *document,
                GPtrArray  *files,
                GDateTime  *now)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *created = rd_datetime_to_storage (now);
  g_autofree char *doc_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, document, -1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "redress-archive");
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, RD_CASE_ARCHIVE_FORMAT_VERSION);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, RD_STORE_SCHEMA_VERSION);
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, RD_ARCHIVE_DOCUMENT_NAME);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, doc_hash);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, strlen (document));
  json_builder_end_object (builder);
  for (guint i = 0; i < files->len; i++)
    {
      EvidenceFile *file = g_ptr_array_index (files, i);
      g_autofree char *name = g_strconcat (RD_ARCHIVE_EVIDENCE_PREFIX, file->sha256, NULL);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, file->sha256);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, file->size);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/**
 * rd_case_archive_export:
 * @path: the .redress file to write; replaced whole, and only once the
 *   archive is complete
 *
 * Writes the case with its history, the adviser's record and every
 * evidence file to one archive for a colleague's computer. Evidence files
 * are checked against their hashes on the way. Call from a worker thread
 * with its own store connection in the GUI.
 */
gboolean
rd_case_archive_export (RdStore       *store,
                        gint64         case_id,
                        const char    *path,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (evidence_file_free);
  g_autofree char *document = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *display = NULL;
  g_autofree char *partial = NULL;
  g_autoptr(GDateTime) now = NULL;
  struct archive *a = NULL;
  gboolean ok = FALSE;
  int fd;

  g_return_val_if_fail (RD_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  {
    const char *outputs[] = { path, NULL };

    /* Written over the case file or an evidence file, the archive would
     * destroy what it hands over. */
    if (!rd_output_check_paths (rd_store_get_data_dir (store), outputs, error))
      return FALSE;
  }
  if (!rd_libarchive_load (error))
    return FALSE;
  display = g_filename_display_basename (path);
  document = build_document (store, case_id, files, error);
  if (document == NULL)
    return FALSE;
  now = rd_clock_dup_now (rd_store_get_clock (store));
  manifest = build_manifest (document, files, now);

  /* Write beside the target and rename at the end, so that a failure
   * never leaves half an archive under the name asked for. */
  partial = rd_output_make_temp (path, error);
  if (partial == NULL)
    return FALSE;
  fd = g_open (partial, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, RD_CASE_ARCHIVE_ERROR, RD_CASE_ARCHIVE_ERROR_IO,
                   _("Redress could not write “%s” (%s). Check that the folder is yours and the "
                     "disk has free space."), display, g_strerror (saved_errno));
      rd_output_discard (partial);
      return FALSE;
    }

  a = archive_write_new ();
  if (archive_write_set_format_pax_restricted (a) != ARCHIVE_OK ||
      archive_write_open_fd (a, fd) != ARCHIVE_OK)
    {
      write_fail (a, display, error);
      goto out;
    }
  if (!write_header (a, RD_ARCHIVE_MANIFEST_NAME, strlen (manifest), g_date_time_to_unix (now),
                     display, error) ||
      !write_bytes (a, manifest, strlen (manifest), display, error) ||
      !write_header (a, RD_ARCHIVE_DOCUMENT_NAME, strlen (document), g_date_time_to_unix (now),
                     display, error) ||
      !write_bytes (a, document, strlen (document), display, error))
    goto out;
  for (guint i = 0; i < files->len; i++)
    if (!write_evidence (a, store, g_ptr_array_index (files, i), cancellable, display, error))
      goto out;
  if (archive_write_close (a) != ARCHIVE_OK)
    {
      write_fail (a, display, error);
      goto out;
    }
  if (fsync (fd) != 0)
    {
      write_fail (a, display, error);
      goto out;
    }
  close (fd);
  fd = -1;
  if (!rd_output_commit (partial, path, error))
    goto out;
  ok = TRUE;

out:
  if (a != NULL)
    archive_write_free (a);
  if (fd >= 0)
    close (fd);
  /* Asked while the partial archive still takes the space it took. */
  if (!ok && error != NULL && *error != NULL &&
      g_error_matches (*error, RD_CASE_ARCHIVE_ERROR, RD_CASE_ARCHIVE_ERROR_IO))
    rd_output_explain_full_disk (path, error);
  if (!ok)
    rd_output_discard (partial);
  return ok;
}
