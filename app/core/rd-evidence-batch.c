/* rd-evidence-batch.c: importing files into the evidence store: copy once
 * (hashing on the way), read the facts from the copy, then add every row
 * in one short transaction.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-evidence"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rd-evidence-hash.h"
#include "rd-store-complaints.h"
#include "rd-store-evidence-private.h"

/* Email attachments can be emails with attachments; stop somewhere. */
#define MAX_NESTING 3

typedef struct {
  char           *temp_path;   /* the staged copy, until it is placed or dropped */
  char           *sha256;
  goffset         size;
  char           *name;
  char           *description;
  RdEvidenceInfo  info;
  int             parent;      /* index of the email this came in, or -1 */
  RdEvidence     *evidence;    /* after commit */
  gboolean        is_new;
  gboolean        placed;      /* this commit moved the file into the store */
  gint64          contact_id;
} Item;

struct _RdEvidenceBatch
{
  RdStore   *store;
  gint64     case_id;
  char      *evidence_dir;
  char      *staging_dir;
  GPtrArray *items;
  gboolean   committed;
};

static void
item_free (Item *item)
{
  if (item->temp_path != NULL)
    g_unlink (item->temp_path);
  g_free (item->temp_path);
  g_free (item->sha256);
  g_free (item->name);
  g_free (item->description);
  _rd_evidence_info_clear (&item->info);
  g_clear_object (&item->evidence);
  g_free (item);
}

/**
 * rd_evidence_batch_new:
 * @case_id: the case the evidence is for
 *
 * Returns: (transfer full): an empty batch; free it with rd_evidence_batch_free()
 */
RdEvidenceBatch *
rd_evidence_batch_new (RdStore *store,
                       gint64   case_id)
{
  RdEvidenceBatch *batch;

  g_return_val_if_fail (RD_IS_STORE (store), NULL);

  batch = g_new0 (RdEvidenceBatch, 1);
  batch->store = g_object_ref (store);
  batch->case_id = case_id;
  batch->evidence_dir = _rd_store_dup_evidence_dir (store);
  batch->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  return batch;
}

/**
 * rd_evidence_batch_free:
 *
 * Frees the batch. Staged copies that were not committed are removed.
 */
void
rd_evidence_batch_free (RdEvidenceBatch *batch)
{
  if (batch == NULL)
    return;
  g_clear_pointer (&batch->items, g_ptr_array_unref);
  if (batch->staging_dir != NULL)
    g_rmdir (batch->staging_dir);
  g_free (batch->staging_dir);
  g_free (batch->evidence_dir);
  g_clear_object (&batch->store);
  g_free (batch);
}

static gboolean
set_io_error (GError     **error,
              int          saved_errno,
              const char  *name)
{
  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("The disk is full, so “%s” could not be kept. Free some space and try again; "
                   "the evidence kept before is safe."), name);
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Redress could not keep a copy of “%s”: %s."), name, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
ensure_staging_dir (RdEvidenceBatch  *batch,
                    GError          **error)
{
  g_autofree char *template = NULL;

  if (batch->staging_dir != NULL)
    return TRUE;
  if (g_mkdir_with_parents (batch->evidence_dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Redress could not create its evidence folder “%s”: %s."),
                   batch->evidence_dir, g_strerror (saved_errno));
      return FALSE;
    }
  template = g_build_filename (batch->evidence_dir, ".staging-XXXXXX", NULL);
  if (g_mkdtemp_full (template, 0700) == NULL)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Redress could not prepare its evidence folder “%s”: %s."),
                   batch->evidence_dir, g_strerror (saved_errno));
      return FALSE;
    }
  batch->staging_dir = g_steal_pointer (&template);
  return TRUE;
}

static gboolean
write_all (int           fd,
           const guchar *data,
           gsize         len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      data += n;
      len -= n;
    }
  return TRUE;
}

/*
 * Copies @in into a new staged file, hashing as it goes and keeping the
 * first RD_EVIDENCE_HEAD_SIZE bytes for sniffing, so the original is read
 * once. The copy is on disk (fdatasync) before this returns: the store
 * never points at data still in the page cache.
 */
static Item *
stage_stream (RdEvidenceBatch  *batch,
              GInputStream     *in,
              const char       *name,
              GByteArray       *head,
              GCancellable     *cancellable,
              GError          **error)
{
  g_autofree char *template = NULL;
  g_autofree guchar *buffer = NULL;
  g_autoptr(GError) local_error = NULL;
  RdSha256 hash;
  goffset total = 0;
  Item *item;
  int fd;

  if (!ensure_staging_dir (batch, error))
    return NULL;
  template = g_build_filename (batch->staging_dir, "import-XXXXXX", NULL);
  fd = g_mkstemp_full (template, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_io_error (error, errno, name);
      return NULL;
    }

  buffer = g_malloc (RD_EVIDENCE_COPY_CHUNK);
  rd_sha256_init (&hash);
  for (;;)
    {
      gssize n = g_input_stream_read (in, buffer, RD_EVIDENCE_COPY_CHUNK, cancellable, &local_error);

      if (n < 0)
        {
          if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_set_error (error, G_IO_ERROR, local_error->code,
                           _("Redress could not read “%s”: %s."), name, local_error->message);
              g_clear_error (&local_error);
            }
          goto fail;
        }
      if (n == 0)
        break;
      rd_sha256_update (&hash, buffer, n);
      if (head->len < RD_EVIDENCE_HEAD_SIZE)
        g_byte_array_append (head, buffer, MIN ((gsize) n, RD_EVIDENCE_HEAD_SIZE - head->len));
      if (!write_all (fd, buffer, n))
        {
          set_io_error (error, errno, name);
          goto fail;
        }
      total += n;
#ifdef SYNC_FILE_RANGE_WRITE
      /* Start writing this piece out now, so the final fdatasync has little
       * left to wait for and the disk works while the CPU hashes. */
      sync_file_range (fd, total - n, n, SYNC_FILE_RANGE_WRITE);
#endif
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
    goto fail;
  if (fdatasync (fd) != 0 || close (fd) != 0)
    {
      fd = -1;
      set_io_error (error, errno, name);
      g_unlink (template);
      return NULL;
    }

  item = g_new0 (Item, 1);
  item->temp_path = g_steal_pointer (&template);
  item->sha256 = rd_sha256_finish (&hash);
  item->size = total;
  item->name = g_strdup (name);
  item->description = g_strdup ("");
  item->parent = -1;
  _rd_evidence_info_init (&item->info);
  return item;

fail:
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  close (fd);
  g_unlink (template);
  return NULL;
}

static gboolean add_staged (RdEvidenceBatch  *batch,
                            Item             *item,
                            GByteArray       *head,
                            GDateTime        *fallback_date,
                            const char       *password,
                            int               depth,
                            GCancellable     *cancellable,
                            GError          **error);

static gboolean
add_attachments (RdEvidenceBatch  *batch,
                 guint             parent,
                 int               depth,
                 GCancellable     *cancellable,
                 GError          **error)
{
  Item *email = g_ptr_array_index (batch->items, parent);
  g_autoptr(GPtrArray) attachments = g_steal_pointer (&email->info.attachments);

  email->info.attachments = g_ptr_array_new ();
  for (guint i = 0; i < attachments->len; i++)
    {
      RdEvidenceAttachment *attachment = g_ptr_array_index (attachments, i);
      g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (attachment->data);
      g_autoptr(GByteArray) head = g_byte_array_new ();
      Item *item;

      if (g_bytes_get_size (attachment->data) == 0)
        continue;
      item = stage_stream (batch, in, attachment->name, head, cancellable, error);
      if (item == NULL)
        return FALSE;
      item->parent = parent;
      g_free (item->description);
      if (*email->info.title)
        item->description = g_strdup_printf (_("Attachment to the email “%s”"), email->info.title);
      else
        item->description = g_strdup_printf (_("Attachment to the email “%s”"), email->name);
      /* An attachment was sent when its email was. */
      if (!add_staged (batch, item, head, email->info.captured_at, NULL, depth + 1, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/* Reads @item's facts and appends it (taking it), then its attachments. */
static gboolean
add_staged (RdEvidenceBatch  *batch,
            Item             *item,
            GByteArray       *head,
            GDateTime        *fallback_date,
            const char       *password,
            int               depth,
            GCancellable     *cancellable,
            GError          **error)
{
  guint index;

  _rd_evidence_read_info (&item->info, item->temp_path, item->name, head->data, head->len,
                          fallback_date, password);
  if (item->parent >= 0 && item->info.date_source == RD_EVIDENCE_DATE_FILE_MODIFIED)
    item->info.date_source = RD_EVIDENCE_DATE_EMAIL;

  g_ptr_array_add (batch->items, item);
  index = batch->items->len - 1;
  if (item->info.kind == RD_EVIDENCE_KIND_EMAIL && depth < MAX_NESTING &&
      item->info.attachments->len > 0)
    return add_attachments (batch, index, depth, cancellable, error);
  return TRUE;
}

/**
 * rd_evidence_batch_add_file:
 * @password: (nullable): for a password-protected PDF
 *
 * Copies @file into the staging folder and reads its facts; an email's
 * attachments are added after it. A damaged, protected or unreadable
 * document is still added, with a note of what is wrong; an empty file, a
 * folder, a file that cannot be read, a full disk or a cancel fail with
 * @error set, leaving the batch as it was.
 */
gboolean
rd_evidence_batch_add_file (RdEvidenceBatch  *batch,
                            GFile            *file,
                            const char       *password,
                            GCancellable     *cancellable,
                            GError          **error)
{
  g_autoptr(GFileInfo) file_info = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GByteArray) head = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) mtime = NULL;
  g_autofree char *name = NULL;
  guint n_before;
  Item *item;

  g_return_val_if_fail (batch != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (!batch->committed, FALSE);

  name = g_file_get_basename (file);
  if (name == NULL)
    name = g_file_get_parse_name (file);

  file_info = g_file_query_info (file,
                                 G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                 G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                                 G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                 G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                 G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (file_info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("“%s” was not found. It may have been moved or deleted."), name);
      else
        g_set_error (error, G_IO_ERROR, local_error->code,
                     _("Redress could not read “%s”: %s."), name, local_error->message);
      return FALSE;
    }
  if (g_file_info_get_display_name (file_info) != NULL)
    {
      g_free (name);
      name = g_strdup (g_file_info_get_display_name (file_info));
    }
  if (g_file_info_get_file_type (file_info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder. Choose the files inside it instead."), name);
      return FALSE;
    }
  if (g_file_info_get_size (file_info) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is empty (it holds 0 bytes), so there is nothing in it to keep. If it "
                     "should hold something, copy it again from where it came from."), name);
      return FALSE;
    }
  mtime = g_file_info_get_modification_date_time (file_info);

  in = g_file_read (file, cancellable, &local_error);
  if (in == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, G_IO_ERROR, local_error->code,
                     _("Redress could not read “%s”: %s."), name, local_error->message);
      return FALSE;
    }

  head = g_byte_array_sized_new (RD_EVIDENCE_HEAD_SIZE);
  item = stage_stream (batch, G_INPUT_STREAM (in), name, head, cancellable, error);
  if (item == NULL)
    return FALSE;
  if (item->size == 0)
    {
      item_free (item);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is empty (it holds 0 bytes), so there is nothing in it to keep. If it "
                     "should hold something, copy it again from where it came from."), name);
      return FALSE;
    }

  n_before = batch->items->len;
  if (!add_staged (batch, item, head, mtime, password, 0, cancellable, error))
    {
      /* All of this file or none of it: drop its attachments too. */
      g_ptr_array_set_size (batch->items, n_before);
      return FALSE;
    }
  return TRUE;
}

guint
rd_evidence_batch_get_n_items (RdEvidenceBatch *batch)
{
  g_return_val_if_fail (batch != NULL, 0);
  return batch->items->len;
}

/**
 * rd_evidence_batch_get_item:
 *
 * Returns: (transfer none) (nullable): after a successful commit, the
 *   evidence for staged item @index (an email's attachments follow it)
 */
RdEvidence *
rd_evidence_batch_get_item (RdEvidenceBatch *batch,
                            guint            index)
{
  g_return_val_if_fail (batch != NULL, NULL);
  g_return_val_if_fail (index < batch->items->len, NULL);
  return ((Item *) g_ptr_array_index (batch->items, index))->evidence;
}

/**
 * rd_evidence_batch_item_is_new:
 *
 * Whether the commit added item @index; %FALSE when the case already held
 * the same file (it is then the existing evidence).
 */
gboolean
rd_evidence_batch_item_is_new (RdEvidenceBatch *batch,
                               guint            index)
{
  g_return_val_if_fail (batch != NULL, FALSE);
  g_return_val_if_fail (index < batch->items->len, FALSE);
  return ((Item *) g_ptr_array_index (batch->items, index))->is_new;
}

/**
 * rd_evidence_batch_get_contact_id:
 *
 * The contact entry an imported email made, or 0.
 */
gint64
rd_evidence_batch_get_contact_id (RdEvidenceBatch *batch,
                                  guint            index)
{
  g_return_val_if_fail (batch != NULL, 0);
  g_return_val_if_fail (index < batch->items->len, 0);
  return ((Item *) g_ptr_array_index (batch->items, index))->contact_id;
}

static gint64
find_existing (RdStore     *store,
               gint64       case_id,
               const char  *sha256,
               GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = _rd_store_prepare (store, "SELECT id FROM evidence WHERE case_id = ?1 AND sha256 = ?2", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, case_id);
  _rd_store_bind_text (stmt, 2, sha256);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _rd_store_set_error (store, rc, error);
      return -1;
    }
  return id;
}

/* Inside the write lock: moves the staged copy into place unless the store
 * already holds this file (intact, by its size). */
static gboolean
place_file (RdEvidenceBatch  *batch,
            Item             *item,
            GError          **error)
{
  g_autofree char *final = rd_store_dup_evidence_path (batch->store, item->sha256);
  GStatBuf st;

  gboolean existed = g_stat (final, &st) == 0;

  /* Re-reading the stored copy costs time only when the same file comes
   * in again, and is how "import the file again" repairs a damaged one. */
  if (existed && st.st_size == item->size &&
      rd_evidence_check_file (final, item->sha256, NULL, NULL) == RD_EVIDENCE_INTACT)
    return TRUE;
  /* A missing or damaged stored copy: this good one replaces it, and stays
   * even if the commit fails. */
  if (g_rename (item->temp_path, final) != 0)
    return set_io_error (error, errno, item->name);
  g_clear_pointer (&item->temp_path, g_free);
  item->placed = !existed;
  return TRUE;
}

/* How much of an email's body goes into the contact log's summary; the
 * whole message stays in the evidence. */
#define SUMMARY_BODY_CHARS 1500

/*
 * An imported email is also an exchange with someone: it goes into the
 * contact log, linked to the message. Emails from the resident (by name)
 * are contacts "to" the other side. A contact that cannot be made (an
 * email with no date, or one dated in the future) does not stop the
 * import: the evidence matters more.
 */
static gboolean
make_contact (RdEvidenceBatch  *batch,
              Item             *item,
              gint64            evidence_id,
              GError          **error)
{
  RdEvidenceInfo *info = &item->info;
  g_autoptr(RdContact) contact = NULL;
  g_autoptr(RdCase) rcase = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *from_folded = NULL;
  g_autofree char *resident_folded = NULL;
  gboolean from_resident = FALSE;

  if (info->captured_at == NULL || info->date_source != RD_EVIDENCE_DATE_EMAIL)
    return TRUE;

  rcase = rd_store_get_case (batch->store, batch->case_id, error);
  if (rcase == NULL)
    return FALSE;
  from_folded = g_utf8_casefold (info->author, -1);
  resident_folded = g_utf8_casefold (rd_case_get_resident_name (rcase), -1);
  g_strstrip (resident_folded);
  from_resident = *resident_folded != '\0' && strstr (from_folded, resident_folded) != NULL;

  body = g_strstrip (g_strdup (info->email_body ? info->email_body : ""));
  if (g_utf8_strlen (body, -1) > SUMMARY_BODY_CHARS)
    {
      char *end = g_utf8_offset_to_pointer (body, SUMMARY_BODY_CHARS);
      *end = '\0';
      summary = g_strdup_printf ("%s\n\n%s…", info->title, body);
    }
  else
    summary = g_strdup_printf ("%s\n\n%s", info->title, body);

  contact = rd_contact_new ();
  rd_contact_set_case_id (contact, batch->case_id);
  rd_contact_set_occurred_at (contact, info->captured_at);
  rd_contact_set_channel (contact, RD_CHANNEL_EMAIL);
  rd_contact_set_direction (contact, from_resident ? RD_CONTACT_TO : RD_CONTACT_FROM);
  rd_contact_set_person (contact, from_resident ? info->recipients : info->author);
  rd_contact_set_summary (contact, g_strstrip (summary));
  if (!rd_contact_validate (contact, now, &local_error))
    {
      g_debug ("No contact entry for “%s”: %s", item->name, local_error->message);
      return TRUE;
    }
  if (!rd_store_save_contact (batch->store, contact, error))
    return FALSE;
  item->contact_id = rd_contact_get_id (contact);
  return rd_store_link_evidence (batch->store, evidence_id, RD_EVIDENCE_TARGET_CONTACT,
                                 item->contact_id, _("The email itself"), error);
}

static gboolean
insert_item (RdEvidenceBatch  *batch,
             Item             *item,
             gint64            now,
             GError          **error)
{
  RdStore *store = batch->store;
  RdEvidenceInfo *info = &item->info;
  g_autofree char *index_name = NULL;
  sqlite3_stmt *stmt;
  gint64 parent_id = 0;
  gint64 id;

  if (item->parent >= 0)
    {
      Item *parent = g_ptr_array_index (batch->items, item->parent);
      parent_id = parent->evidence ? rd_evidence_get_id (parent->evidence) : 0;
    }

  stmt = _rd_store_prepare (store,
                            "INSERT INTO evidence (case_id, sha256, size, content_type, kind,"
                            " original_name, captured_at, date_source, description, page_count,"
                            " duration_ms, orientation, title, author, recipients, problem,"
                            " needs_password, parent_id, imported_at)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                            " ?15, ?16, ?17, ?18, ?19)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch->case_id);
  _rd_store_bind_text (stmt, 2, item->sha256);
  sqlite3_bind_int64 (stmt, 3, item->size);
  _rd_store_bind_text (stmt, 4, info->content_type);
  _rd_store_bind_text (stmt, 5, rd_evidence_kind_to_string (info->kind));
  _rd_store_bind_text (stmt, 6, item->name);
  _rd_store_bind_datetime (stmt, 7, info->captured_at);
  _rd_store_bind_text (stmt, 8, rd_evidence_date_source_to_string (info->date_source));
  _rd_store_bind_text (stmt, 9, item->description);
  if (info->page_count >= 0)
    sqlite3_bind_int (stmt, 10, info->page_count);
  else
    sqlite3_bind_null (stmt, 10);
  if (info->duration_ms >= 0)
    sqlite3_bind_int64 (stmt, 11, info->duration_ms);
  else
    sqlite3_bind_null (stmt, 11);
  sqlite3_bind_int (stmt, 12, info->orientation);
  _rd_store_bind_text (stmt, 13, info->title);
  _rd_store_bind_text (stmt, 14, info->author);
  _rd_store_bind_text (stmt, 15, info->recipients);
  _rd_store_bind_text (stmt, 16, info->problem);
  sqlite3_bind_int (stmt, 17, info->needs_password ? 1 : 0);
  if (parent_id > 0)
    sqlite3_bind_int64 (stmt, 18, parent_id);
  else
    sqlite3_bind_null (stmt, 18);
  sqlite3_bind_int64 (stmt, 19, now);
  if (!_rd_store_step_done (store, stmt, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (_rd_store_get_db (store));

  index_name = g_strdup_printf ("%s %s", item->name, info->title);
  if (!_rd_store_index_evidence_text (store, id, index_name, item->description, info->text, error))
    return FALSE;

  if (info->kind == RD_EVIDENCE_KIND_EMAIL && item->parent < 0 &&
      !make_contact (batch, item, id, error))
    return FALSE;

  item->evidence = rd_store_get_evidence (store, id, error);
  return item->evidence != NULL;
}

/**
 * rd_evidence_batch_commit:
 *
 * Adds everything staged to the case in one transaction, and moves the
 * copies into the store. Files the case already holds are not added twice
 * (rd_evidence_batch_item_is_new() tells). On failure nothing is added and
 * no file is left behind.
 */
gboolean
rd_evidence_batch_commit (RdEvidenceBatch  *batch,
                          GError          **error)
{
  RdStore *store;
  gboolean placed_any = FALSE;
  gint64 now = _rd_store_now ();

  g_return_val_if_fail (batch != NULL, FALSE);
  g_return_val_if_fail (!batch->committed, FALSE);

  store = batch->store;
  if (batch->items->len == 0)
    {
      batch->committed = TRUE;
      return TRUE;
    }

  {
    g_autoptr(RdCase) rcase = rd_store_get_case (store, batch->case_id, error);
    if (rcase == NULL)
      return FALSE;
  }

  if (!_rd_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < batch->items->len; i++)
    {
      Item *item = g_ptr_array_index (batch->items, i);
      gint64 existing = find_existing (store, batch->case_id, item->sha256, error);

      if (existing < 0)
        goto fail;
      if (existing > 0)
        {
          if (!place_file (batch, item, error))
            goto fail;
          placed_any |= item->temp_path == NULL;
          item->is_new = FALSE;
          item->evidence = rd_store_get_evidence (store, existing, error);
          if (item->evidence == NULL)
            goto fail;
          continue;
        }
      if (!place_file (batch, item, error))
        goto fail;
      placed_any |= item->temp_path == NULL;
      if (!insert_item (batch, item, now, error))
        goto fail;
      item->is_new = TRUE;
    }

  /* The renames must survive a power cut as surely as the rows do. */
  if (placed_any && !_rd_evidence_fsync_dir (batch->evidence_dir, error))
    goto fail;

  if (!_rd_store_commit (store, error))
    {
      /* The write lock is gone: remove what we placed only if, now, no row
       * refers to it. */
      for (guint i = 0; i < batch->items->len; i++)
        {
          Item *item = g_ptr_array_index (batch->items, i);

          g_clear_object (&item->evidence);
          item->is_new = FALSE;
          if (item->placed)
            _rd_store_release_evidence_file (store, item->sha256, NULL);
          item->placed = FALSE;
        }
      return FALSE;
    }

  batch->committed = TRUE;
  rd_store_emit_changed (store, "evidence", batch->case_id);
  /* Staged copies of files the store already had. */
  for (guint i = 0; i < batch->items->len; i++)
    {
      Item *item = g_ptr_array_index (batch->items, i);

      if (item->temp_path != NULL)
        {
          g_unlink (item->temp_path);
          g_clear_pointer (&item->temp_path, g_free);
        }
    }
  return TRUE;

fail:
  /* Still holding the write lock, so nobody can have started to use a
   * file this commit placed. */
  for (guint i = 0; i < batch->items->len; i++)
    {
      Item *item = g_ptr_array_index (batch->items, i);

      g_clear_object (&item->evidence);
      item->is_new = FALSE;
      if (item->placed)
        {
          g_autofree char *final = rd_store_dup_evidence_path (store, item->sha256);
          g_unlink (final);
          item->placed = FALSE;
        }
    }
  _rd_store_rollback (store);
  return FALSE;
}

gboolean
_rd_evidence_fsync_dir (const char  *dir,
                        GError     **error)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Redress could not finish saving to its evidence folder “%s”: %s."),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/**
 * rd_store_import_evidence:
 * @password: (nullable): for a password-protected PDF
 *
 * Imports one file into a case (an email with its attachments).
 *
 * Returns: (transfer full): the evidence (for an email, the message), new or
 *   the existing one when the case already held this file
 */
RdEvidence *
rd_store_import_evidence (RdStore       *self,
                          gint64         case_id,
                          GFile         *file,
                          const char    *password,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(RdEvidenceBatch) batch = NULL;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  batch = rd_evidence_batch_new (self, case_id);
  if (!rd_evidence_batch_add_file (batch, file, password, cancellable, error) ||
      !rd_evidence_batch_commit (batch, error))
    return NULL;
  return g_object_ref (rd_evidence_batch_get_item (batch, 0));
}
