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
 * The case document is written a record at a time into a file beside the
 * archive (rd-case-archive-write.c), then copied in.
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
write_evidence (struct archive     *a,
                RdStore            *store,
                RdArchiveFile      *file,
                RdArchiveProgress  *progress,
                const char         *display,
                GError            **error)
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
      if (!_rd_archive_progress_add (progress, n, error))
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
build_manifest (const char *doc_hash,
                gint64      doc_size,
                GPtrArray  *files,
                GDateTime  *now)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *created = rd_datetime_to_storage (now);

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
  json_builder_add_int_value (builder, doc_size);
  json_builder_end_object (builder);
  for (guint i = 0; i < files->len; i++)
    {
      RdArchiveFile *file = g_ptr_array_index (files, i);
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

/* A failure to write the side file is said as one to write the archive;
 * the store's own errors and a cancel pass as they are. */
static gboolean
side_fail (GError      *local_error,
           const char  *display,
           GError     **error)
{
  if (local_error->domain != G_IO_ERROR || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  g_set_error (error, RD_CASE_ARCHIVE_ERROR, RD_CASE_ARCHIVE_ERROR_IO,
               _("Redress could not write “%s” (%s). Check that the folder is yours and the "
                 "disk has free space."), display, local_error->message);
  g_error_free (local_error);
  return FALSE;
}

/* The case document, written to @doc_path (a side file beside the
 * archive) a record at a time; then read back for its SHA-256 and size,
 * which the manifest before it in the archive gives. */
static gboolean
write_document_file (RdStore            *store,
                     gint64              case_id,
                     const char         *doc_path,
                     GPtrArray          *files,
                     char              **doc_hash,
                     gint64             *doc_size,
                     RdArchiveProgress  *progress,
                     const char         *display,
                     GError            **error)
{
  GCancellable *cancellable = progress->cancellable;
  g_autoptr(GFile) file = g_file_new_for_path (doc_path);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(RdSha256) hash = rd_sha256_new ();
  g_autofree guchar *buffer = g_malloc (CHUNK);
  GError *local_error = NULL;
  gssize n;

  _rd_archive_progress_begin (progress, RD_CASE_ARCHIVE_PHASE_WRITE_CASE, 0);
  out = g_file_append_to (file, G_FILE_CREATE_PRIVATE, cancellable, &local_error);
  if (out == NULL ||
      !_rd_archive_write_document (store, case_id, G_OUTPUT_STREAM (out), files, progress,
                                   &local_error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &local_error))
    return side_fail (local_error, display, error);

  in = g_file_read (file, cancellable, &local_error);
  if (in == NULL)
    return side_fail (local_error, display, error);
  info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, &local_error);
  if (info == NULL)
    return side_fail (local_error, display, error);
  /* Read twice: for its hash here, then copied in. */
  _rd_archive_progress_begin (progress, RD_CASE_ARCHIVE_PHASE_PACK_CASE, 2 * g_file_info_get_size (info));
  *doc_size = 0;
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buffer, CHUNK, cancellable, &local_error)) > 0)
    {
      rd_sha256_update (hash, buffer, n);
      *doc_size += n;
      if (!_rd_archive_progress_add (progress, n, &local_error))
        break;
    }
  if (n < 0 || local_error != NULL)
    return side_fail (local_error, display, error);
  *doc_hash = rd_sha256_finish_hex (hash);
  return TRUE;
}

/* Copies the side file in as the archive's case document, of @size bytes. */
static gboolean
copy_document (struct archive     *a,
               const char         *doc_path,
               gint64              size,
               gint64              mtime,
               RdArchiveProgress  *progress,
               const char         *display,
               GError            **error)
{
  GCancellable *cancellable = progress->cancellable;
  g_autoptr(GFile) file = g_file_new_for_path (doc_path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autofree guchar *buffer = g_malloc (CHUNK);
  GError *local_error = NULL;
  gint64 total = 0;
  gssize n;

  if (!write_header (a, RD_ARCHIVE_DOCUMENT_NAME, size, mtime, display, error))
    return FALSE;
  in = g_file_read (file, cancellable, &local_error);
  if (in == NULL)
    return side_fail (local_error, display, error);
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buffer, CHUNK, cancellable, &local_error)) > 0)
    {
      total += n;
      if (total > size)
        break;
      if (!write_bytes (a, (const char *) buffer, n, display, error))
        return FALSE;
      if (!_rd_archive_progress_add (progress, n, &local_error))
        return side_fail (local_error, display, error);
    }
  if (n < 0)
    return side_fail (local_error, display, error);
  if (total != size)
    return side_fail (g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                           _("the case changed size while it was written")),
                      display, error);
  return TRUE;
}

/**
 * rd_case_archive_export:
 *
 * rd_case_archive_export_full() without progress.
 */
gboolean
rd_case_archive_export (RdStore       *store,
                        gint64         case_id,
                        const char    *path,
                        GCancellable  *cancellable,
                        GError       **error)
{
  return rd_case_archive_export_full (store, case_id, path, NULL, NULL, cancellable, error);
}

static gint64
total_size (GPtrArray *files)
{
  gint64 total = 0;

  for (guint i = 0; i < files->len; i++)
    total += ((RdArchiveFile *) g_ptr_array_index (files, i))->size;
  return total;
}

/**
 * rd_case_archive_export_full:
 * @path: the .redress file to write; replaced whole, and only once the
 *   archive is complete
 * @progress: (nullable): told each phase as it begins and how far it has got
 * @cancellable: (nullable): stops the export in any phase; nothing is then
 *   left beside @path
 *
 * Writes the case with its history, the adviser's record and every
 * evidence file to one archive for a colleague's computer. Evidence files
 * are checked against their hashes on the way. Call from a worker thread
 * with its own store connection in the GUI.
 */
gboolean
rd_case_archive_export_full (RdStore                    *store,
                             gint64                      case_id,
                             const char                 *path,
                             RdCaseArchiveProgressFunc   progress_func,
                             gpointer                    progress_data,
                             GCancellable               *cancellable,
                             GError                    **error)
{
  RdArchiveProgress progress;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (_rd_archive_file_free);
  g_autofree char *doc_path = NULL;
  g_autofree char *doc_hash = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *display = NULL;
  g_autofree char *partial = NULL;
  g_autoptr(GDateTime) now = NULL;
  struct archive *a = NULL;
  gboolean ok = FALSE;
  gint64 doc_size = 0;
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
  now = rd_clock_dup_now (rd_store_get_clock (store));
  _rd_archive_progress_init (&progress, progress_func, progress_data, cancellable);

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

  /* The case document goes to a side file first: the manifest, which
   * comes before it, gives its size and hash. */
  doc_path = rd_output_make_side_temp (path, "case", error);
  if (doc_path == NULL ||
      !write_document_file (store, case_id, doc_path, files, &doc_hash, &doc_size, &progress,
                            display, error))
    goto out;
  manifest = build_manifest (doc_hash, doc_size, files, now);

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
      !copy_document (a, doc_path, doc_size, g_date_time_to_unix (now), &progress, display, error))
    goto out;
  _rd_archive_progress_begin (&progress, RD_CASE_ARCHIVE_PHASE_PACK_FILES, total_size (files));
  for (guint i = 0; i < files->len; i++)
    if (!write_evidence (a, store, g_ptr_array_index (files, i), &progress, display, error))
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
  rd_output_discard (doc_path);
  return ok;
}
