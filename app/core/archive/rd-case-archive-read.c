/* rd-case-archive-read.c: reading a .redress archive and checking every file
 * in it against its manifest. Archives come from other computers, so
 * nothing in one is trusted: names are only compared, never used as paths
 * (evidence is staged under names made here and addressed by its hash),
 * only plain files are accepted, sizes are capped, and the first surprise
 * refuses the whole archive.
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
#include "rd-hash.h"
#include "rd-libarchive.h"
#include "rd-staging.h"
#include "rd-store.h"

G_DEFINE_QUARK (rd-case-archive-error-quark, rd_case_archive_error)

#define CHUNK (64 * 1024)

typedef struct {
  char    *sha256;
  gint64   size;
  gboolean seen;
} ManifestFile;

static void
manifest_file_free (gpointer data)
{
  ManifestFile *file = data;

  g_free (file->sha256);
  g_free (file);
}

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

/**
 * _rd_archive_name_is_evidence:
 * @sha256: (out) (optional): the hash the name carries
 *
 * Returns: %TRUE when @name is exactly "evidence/" and 64 lower-case hex
 *   digits: nothing else (no other folder, no "..", no "/" in front) is
 *   an evidence file.
 */
gboolean
_rd_archive_name_is_evidence (const char  *name,
                              const char **sha256)
{
  if (name == NULL || !g_str_has_prefix (name, RD_ARCHIVE_EVIDENCE_PREFIX))
    return FALSE;
  if (!is_sha256 (name + strlen (RD_ARCHIVE_EVIDENCE_PREFIX)))
    return FALSE;
  if (sha256 != NULL)
    *sha256 = name + strlen (RD_ARCHIVE_EVIDENCE_PREFIX);
  return TRUE;
}

void
_rd_archive_contents_free (RdArchiveContents *contents)
{
  if (contents == NULL)
    return;
  if (contents->staged != NULL)
    {
      GHashTableIter iter;
      const char *path;

      /* Whatever is still staged was not taken into the store. */
      g_hash_table_iter_init (&iter, contents->staged);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &path))
        g_unlink (path);
      g_hash_table_unref (contents->staged);
    }
  rd_staging_dir_release (contents->staging_dir, contents->staging_lock);
  g_free (contents->staging_dir);
  if (contents->document_map != NULL)
    g_mapped_file_unref (contents->document_map);
  else
    g_free (contents->document);
  g_free (contents->document_sha256);
  g_free (contents);
}

static gboolean
fail (GError    **error,
      int         code,
      const char *archive_name,
      const char *detail)
{
  switch (code)
    {
    case RD_CASE_ARCHIVE_ERROR_TAMPERED:
      g_set_error (error, RD_CASE_ARCHIVE_ERROR, code,
                   _("“%s” has been changed since it was made (%s), so it cannot be trusted. "
                     "Nothing was imported. Ask for the file again."),
                   archive_name, detail);
      break;
    case RD_CASE_ARCHIVE_ERROR_INVALID:
      g_set_error (error, RD_CASE_ARCHIVE_ERROR, code,
                   _("“%s” is a Redress case archive, but its case cannot be read (%s). "
                     "Nothing was imported."),
                   archive_name, detail);
      break;
    case RD_CASE_ARCHIVE_ERROR_IO:
      g_set_error (error, RD_CASE_ARCHIVE_ERROR, code,
                   _("Redress could not read “%s” or write its evidence (%s). Nothing was "
                     "imported. Check that the disk is connected and has free space."),
                   archive_name, detail);
      break;
    case RD_CASE_ARCHIVE_ERROR_DAMAGED:
    default:
      g_set_error (error, RD_CASE_ARCHIVE_ERROR, RD_CASE_ARCHIVE_ERROR_DAMAGED,
                   _("“%s” is not a Redress case archive, or it is damaged or cut short (%s). "
                     "Nothing was imported. Ask for the file again."),
                   archive_name, detail);
      break;
    }
  return FALSE;
}

/*
 * libarchive's own words ("Truncated tar archive", "Unrecognized archive
 * format") mean nothing to a resident: they go to the debug log, and the
 * message says what happened. @at_start: nothing of the archive could be
 * read yet, so it is not a Redress case file at all.
 */
static gboolean
fail_archive (GError         **error,
              struct archive  *a,
              const char      *archive_name,
              gboolean         at_start)
{
  g_debug ("libarchive on “%s”: %s (errno %d)", archive_name,
           archive_error_string (a) ? archive_error_string (a) : "no message", archive_errno (a));
  if (at_start)
    g_set_error (error, RD_CASE_ARCHIVE_ERROR, RD_CASE_ARCHIVE_ERROR_DAMAGED,
                 _("This is not a Redress case file: “%s” is some other kind of file. Nothing "
                   "was imported. Check that you chose the .redress file you were sent."),
                 archive_name);
  else
    g_set_error (error, RD_CASE_ARCHIVE_ERROR, RD_CASE_ARCHIVE_ERROR_DAMAGED,
                 _("The file “%s” is incomplete or damaged, perhaps cut short while it was "
                   "copied. Nothing was imported. Ask for the file again."),
                 archive_name);
  return FALSE;
}

static gboolean
read_int_member (JsonObject *object,
                 const char *name,
                 gint64     *out)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

static const char *
read_string_member (JsonObject *object,
                    const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/**
 * _rd_archive_json_depth_ok:
 *
 * Returns: %TRUE when arrays and objects in @data nest no deeper than
 *   @max. The JSON parser recurses once per level, so a hostile file of
 *   nothing but "[[[[…" could otherwise exhaust the stack.
 */
gboolean
_rd_archive_json_depth_ok (const char *data,
                           gsize       length,
                           guint       max)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/* The manifest lists every other file with its SHA-256 and size, and says
 * which versions of Redress wrote it. */
static GHashTable *
parse_manifest (RdArchiveContents  *contents,
                const char         *data,
                gsize               length,
                const char         *archive_name,
                GError            **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       manifest_file_free);
  g_autoptr(GError) json_error = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonNode *files_node;
  JsonArray *array;
  const char *format;
  gint64 format_version = 0, schema_version = 0;

  if (!_rd_archive_json_depth_ok (data, length, RD_ARCHIVE_MAX_JSON_DEPTH) ||
      !json_parser_load_from_data (parser, data, length, &json_error) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (error, RD_CASE_ARCHIVE_ERROR_DAMAGED, archive_name, _("its list of files is unreadable"));
      return NULL;
    }
  object = json_node_get_object (root);
  format = read_string_member (object, "format");
  if (g_strcmp0 (format, "redress-archive") != 0 ||
      !read_int_member (object, "format_version", &format_version) ||
      !read_int_member (object, "schema_version", &schema_version) ||
      format_version < 1 || schema_version < 1)
    {
      fail (error, RD_CASE_ARCHIVE_ERROR_DAMAGED, archive_name, _("its list of files is not Redress’s"));
      return NULL;
    }
  if (format_version > RD_CASE_ARCHIVE_FORMAT_VERSION || schema_version > RD_STORE_SCHEMA_VERSION)
    {
      g_debug ("“%s”: archive format %" G_GINT64_FORMAT ", schema %" G_GINT64_FORMAT
               "; this version reads up to %d and %d", archive_name, format_version,
               schema_version, RD_CASE_ARCHIVE_FORMAT_VERSION, RD_STORE_SCHEMA_VERSION);
      g_set_error_literal (error, RD_CASE_ARCHIVE_ERROR, RD_CASE_ARCHIVE_ERROR_NEWER,
                           _("This case file was made by a newer version of Redress. Update "
                             "Redress on this computer, then import it again. Nothing was "
                             "imported."));
      return NULL;
    }
  contents->format_version = (int) format_version;
  contents->schema_version = (int) schema_version;

  files_node = json_object_get_member (object, "files");
  if (files_node == NULL || !JSON_NODE_HOLDS_ARRAY (files_node))
    {
      fail (error, RD_CASE_ARCHIVE_ERROR_DAMAGED, archive_name, _("its list of files is missing"));
      return NULL;
    }
  array = json_node_get_array (files_node);
  if (json_array_get_length (array) > RD_ARCHIVE_MAX_FILES)
    {
      fail (error, RD_CASE_ARCHIVE_ERROR_INVALID, archive_name, _("it lists too many files"));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *entry;
      const char *name, *sha256, *name_hash = NULL;
      gint64 size = -1;
      ManifestFile *file;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto bad_entry;
      entry = json_node_get_object (node);
      name = read_string_member (entry, "name");
      sha256 = read_string_member (entry, "sha256");
      if (name == NULL || !is_sha256 (sha256) || !read_int_member (entry, "size", &size) ||
          size < 0)
        goto bad_entry;
      if (g_str_equal (name, RD_ARCHIVE_DOCUMENT_NAME))
        {
          if (size > RD_ARCHIVE_MAX_DOCUMENT)
            {
              fail (error, RD_CASE_ARCHIVE_ERROR_INVALID, archive_name, _("the case is too big"));
              return NULL;
            }
        }
      else if (!_rd_archive_name_is_evidence (name, &name_hash) || !g_str_equal (name_hash, sha256))
        goto bad_entry;
      if (g_hash_table_contains (files, name))
        goto bad_entry;

      file = g_new0 (ManifestFile, 1);
      file->sha256 = g_strdup (sha256);
      file->size = size;
      g_hash_table_insert (files, g_strdup (name), file);
      continue;

bad_entry:
      fail (error, RD_CASE_ARCHIVE_ERROR_DAMAGED, archive_name,
            _("its list of files has an entry Redress does not expect"));
      return NULL;
    }
  if (!g_hash_table_contains (files, RD_ARCHIVE_DOCUMENT_NAME))
    {
      fail (error, RD_CASE_ARCHIVE_ERROR_DAMAGED, archive_name, _("it has no case in it"));
      return NULL;
    }
  return g_steal_pointer (&files);
}

static gboolean
ensure_staging_dir (RdArchiveContents  *contents,
                    const char         *staging_parent,
                    const char         *archive_name,
                    GError            **error)
{
  if (contents->staging_dir != NULL)
    return TRUE;
  /* Locked while this process lives: the store's next open removes a
   * staging folder an import left behind when it was killed half-way. */
  contents->staging_dir = rd_staging_dir_new (staging_parent, &contents->staging_lock);
  if (contents->staging_dir == NULL)
    return fail (error, RD_CASE_ARCHIVE_ERROR_IO, archive_name, g_strerror (errno));
  return TRUE;
}

/* The case document, staged in @path and checked: mapped, so that its
 * pages are read from the disk as the reading of the case needs them, and
 * given back after (see rd-case-archive-stream.c). The name goes at once:
 * the mapping keeps the file. */
static gboolean
map_document (RdArchiveContents  *contents,
              const char         *path,
              gint64              size,
              const char         *archive_name,
              GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  if (size == 0)
    {
      contents->document = g_strdup ("");
      contents->document_len = 0;
    }
  else
    {
      contents->document_map = g_mapped_file_new (path, FALSE, &local_error);
      if (contents->document_map == NULL)
        {
          g_unlink (path);
          return fail (error, RD_CASE_ARCHIVE_ERROR_IO, archive_name, local_error->message);
        }
      contents->document = g_mapped_file_get_contents (contents->document_map);
      contents->document_len = g_mapped_file_get_length (contents->document_map);
    }
  g_unlink (path);
  return TRUE;
}

/*
 * Reads the data of the current entry, no more than @expected bytes,
 * hashing it, into a new staged file: evidence under its hash, the case
 * document to be mapped.
 */
static gboolean
read_entry_data (struct archive      *a,
                 RdArchiveContents   *contents,
                 const char          *staging_parent,
                 const char          *name,
                 ManifestFile        *file,
                 RdArchiveProgress   *progress,
                 const char          *archive_name,
                 GError             **error)
{
  g_autofree guchar *buffer = g_malloc (CHUNK);
  gboolean is_document = !_rd_archive_name_is_evidence (name, NULL);
  g_autofree char *staged_path = NULL;
  g_autofree char *digest = NULL;
  const char *sha256 = NULL;
  g_autoptr(RdSha256) hash = rd_sha256_new ();
  gint64 total = 0;
  int fd = -1;
  gboolean ok = FALSE;

  if (!ensure_staging_dir (contents, staging_parent, archive_name, error))
    return FALSE;
  staged_path = g_build_filename (contents->staging_dir, is_document ? "case-XXXXXX" : "file-XXXXXX", NULL);
  fd = g_mkstemp_full (staged_path, (is_document ? O_RDWR : O_WRONLY) | O_CLOEXEC, 0600);
  if (fd < 0)
    return fail (error, RD_CASE_ARCHIVE_ERROR_IO, archive_name, g_strerror (errno));
  /* Known before any byte is written, so that a failure removes it. */
  if (!is_document && _rd_archive_name_is_evidence (name, &sha256))
    g_hash_table_insert (contents->staged, g_strdup (sha256), g_strdup (staged_path));

  for (;;)
    {
      la_ssize_t n;

      n = archive_read_data (a, buffer, CHUNK);
      if (n == 0)
        break;
      if (n < 0)
        {
          fail_archive (error, a, archive_name, FALSE);
          goto out;
        }
      total += n;
      /* Each chunk, so that a large evidence file does not hold up a cancel. */
      if (!_rd_archive_progress_add (progress, n, error))
        goto out;
      if (total > file->size)
        {
          fail (error, RD_CASE_ARCHIVE_ERROR_TAMPERED, archive_name, name);
          goto out;
        }
      rd_sha256_update (hash, buffer, n);
      {
        const guchar *p = buffer;
        gssize left = n;

        while (left > 0)
          {
            gssize w = write (fd, p, left);

            if (w < 0 && errno == EINTR)
              continue;
            if (w <= 0)
              {
                fail (error, RD_CASE_ARCHIVE_ERROR_IO, archive_name, g_strerror (errno));
                goto out;
              }
            p += w;
            left -= w;
          }
      }
    }

  if (total != file->size)
    {
      fail (error, RD_CASE_ARCHIVE_ERROR_DAMAGED, archive_name, _("a file in it is cut short"));
      goto out;
    }
  digest = rd_sha256_finish_hex (hash);
  if (!g_str_equal (digest, file->sha256))
    {
      fail (error, RD_CASE_ARCHIVE_ERROR_TAMPERED, archive_name, name);
      goto out;
    }
  if (!is_document && fsync (fd) != 0)
    {
      fail (error, RD_CASE_ARCHIVE_ERROR_IO, archive_name, g_strerror (errno));
      goto out;
    }
  if (is_document)
    {
      close (fd);
      fd = -1;
      contents->document_sha256 = g_strdup (digest);
      if (!map_document (contents, staged_path, total, archive_name, error))
        goto out;
    }
  ok = TRUE;

out:
  if (fd >= 0)
    close (fd);
  if (is_document && !ok)
    g_unlink (staged_path);
  return ok;
}

static RdArchiveContents *
read_archive (struct archive  *a,
              const char      *staging_parent,
              const char      *archive_name,
              RdArchiveProgress *progress,
              GError         **error)
{
  g_autoptr(RdArchiveContents) contents = g_new0 (RdArchiveContents, 1);
  g_autoptr(GHashTable) files = NULL;
  guint n_entries = 0;

  contents->staging_lock = -1;
  contents->staged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (;;)
    {
      struct archive_entry *entry = NULL;
      const char *name;
      ManifestFile *file;
      int rc = archive_read_next_header (a, &entry);

      if (rc == ARCHIVE_EOF)
        break;
      if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN)
        {
          fail_archive (error, a, archive_name, n_entries == 0);
          return NULL;
        }
      if (++n_entries > RD_ARCHIVE_MAX_FILES + 1)
        {
          fail (error, RD_CASE_ARCHIVE_ERROR_INVALID, archive_name, _("it holds too many files"));
          return NULL;
        }

      name = archive_entry_pathname (entry);
      /* Only plain files: no folders, links, devices or pipes. */
      if (archive_entry_filetype (entry) != AE_IFREG || archive_entry_hardlink (entry) != NULL ||
          archive_entry_symlink (entry) != NULL || name == NULL || !archive_entry_size_is_set (entry))
        {
          fail (error, RD_CASE_ARCHIVE_ERROR_DAMAGED, archive_name,
                _("it holds something that is not a plain file"));
          return NULL;
        }

      if (files == NULL)
        {
          g_autofree char *manifest = NULL;
          gint64 size = archive_entry_size (entry);
          la_ssize_t n;

          /* The manifest comes first, so that every later file is checked
           * as it is read. */
          if (!g_str_equal (name, RD_ARCHIVE_MANIFEST_NAME) || size <= 0 ||
              size > RD_ARCHIVE_MAX_MANIFEST)
            {
              fail (error, RD_CASE_ARCHIVE_ERROR_DAMAGED, archive_name,
                    _("it does not start with its list of files"));
              return NULL;
            }
          manifest = g_malloc (size + 1);
          n = 0;
          while (n < size)
            {
              la_ssize_t got = archive_read_data (a, manifest + n, size - n);

              if (got <= 0)
                break;
              n += got;
            }
          if (n != size)
            {
              fail (error, RD_CASE_ARCHIVE_ERROR_DAMAGED, archive_name, _("its list of files is cut short"));
              return NULL;
            }
          manifest[size] = '\0';
          files = parse_manifest (contents, manifest, size, archive_name, error);
          if (files == NULL)
            return NULL;
          continue;
        }

      file = g_hash_table_lookup (files, name);
      if (file == NULL)
        {
          fail (error, RD_CASE_ARCHIVE_ERROR_TAMPERED, archive_name, _("it holds a file its list does not name"));
          return NULL;
        }
      if (file->seen)
        {
          fail (error, RD_CASE_ARCHIVE_ERROR_TAMPERED, archive_name, _("it holds a file twice"));
          return NULL;
        }
      if (archive_entry_size (entry) != file->size)
        {
          fail (error, RD_CASE_ARCHIVE_ERROR_TAMPERED, archive_name, name);
          return NULL;
        }
      file->seen = TRUE;
      if (!read_entry_data (a, contents, staging_parent, name, file, progress, archive_name, error))
        return NULL;
    }

  if (files == NULL)
    {
      fail (error, RD_CASE_ARCHIVE_ERROR_DAMAGED, archive_name, _("there is nothing in it"));
      return NULL;
    }
  {
    GHashTableIter iter;
    ManifestFile *file;

    g_hash_table_iter_init (&iter, files);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &file))
      if (!file->seen)
        {
          fail (error, RD_CASE_ARCHIVE_ERROR_DAMAGED, archive_name,
                _("files it lists are missing: it was cut short"));
          return NULL;
        }
  }
  return g_steal_pointer (&contents);
}

static struct archive *
new_reader (void)
{
  struct archive *a = archive_read_new ();

  /* Tar only, uncompressed: the one format Redress writes. */
  archive_read_support_format_tar (a);
  return a;
}

/**
 * _rd_case_archive_read_file:
 * @staging_parent: the folder under which a staging folder is made for
 *   the evidence (the evidence folder, so that the files can be renamed
 *   into place)
 *
 * Reads the whole archive and checks it: its manifest first, then every
 * file against the manifest's size and SHA-256; no file may be missing,
 * extra, repeated, or anything but a plain file.
 *
 * Returns: (transfer full): the contents, or %NULL with @error set and
 *   nothing left on disk
 */
RdArchiveContents *
_rd_case_archive_read_file (const char         *path,
                            const char         *staging_parent,
                            RdArchiveProgress  *progress,
                            GError            **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  struct archive *a;
  RdArchiveContents *contents = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, RD_CASE_ARCHIVE_ERROR, RD_CASE_ARCHIVE_ERROR_IO,
                   _("Redress could not open “%s”: %s."), display, g_strerror (saved_errno));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      fail (error, RD_CASE_ARCHIVE_ERROR_DAMAGED, display, _("it is not a file"));
      return NULL;
    }
  if (st.st_size == 0)
    {
      g_set_error (error, RD_CASE_ARCHIVE_ERROR, RD_CASE_ARCHIVE_ERROR_EMPTY,
                   _("“%s” is empty (0 bytes), so there is no case in it. Nothing was imported. "
                     "Ask for the file again."), display);
      return NULL;
    }

  if (!rd_libarchive_load (error))
    return NULL;
  _rd_archive_progress_begin (progress, RD_CASE_ARCHIVE_PHASE_READ_ARCHIVE, st.st_size);
  a = new_reader ();
  if (archive_read_open_filename (a, path, CHUNK) != ARCHIVE_OK)
    fail_archive (error, a, display, TRUE);
  else
    contents = read_archive (a, staging_parent, display, progress, error);
  archive_read_free (a);
  return contents;
}

/**
 * _rd_case_archive_read_memory:
 *
 * The same as _rd_case_archive_read_file(), from bytes in memory (for the
 * fuzzing harness).
 */
RdArchiveContents *
_rd_case_archive_read_memory (const void  *data,
                              gsize        length,
                              const char  *staging_parent,
                              GError     **error)
{
  const char *display = _("the archive");
  struct archive *a;
  RdArchiveContents *contents = NULL;

  if (length == 0)
    {
      g_set_error (error, RD_CASE_ARCHIVE_ERROR, RD_CASE_ARCHIVE_ERROR_EMPTY,
                   _("“%s” is empty (0 bytes), so there is no case in it. Nothing was imported. "
                     "Ask for the file again."), display);
      return NULL;
    }
  if (!rd_libarchive_load (error))
    return NULL;
  a = new_reader ();
  if (archive_read_open_memory (a, data, length) != ARCHIVE_OK)
    fail_archive (error, a, display, TRUE);
  else
    contents = read_archive (a, staging_parent, display, NULL, error);
  archive_read_free (a);
  return contents;
}
