/* rd-evidence-batch.c: importing files into the evidence store: copy once
 * (hashing on the way), read the facts from the copy, then add every row
 * in one short transaction.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-evidence"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include "rd-gettext.h"
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rd-email.h"
#include "rd-hash.h"
#include "rd-staging.h"
#include "rd-evidence-batch-private.h"

void
_rd_evidence_batch_item_free (Item *item)
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
  batch->evidence_dir = rd_store_dup_evidence_dir (store);
  batch->staging_lock = -1;
  batch->items = g_ptr_array_new_with_free_func ((GDestroyNotify) _rd_evidence_batch_item_free);
  g_mutex_init (&batch->sync_lock);
  g_cond_init (&batch->sync_done);
  return batch;
}

typedef struct {
  int   fd;
  char *name;
} SyncJob;

static void
sync_job_run (gpointer data,
              gpointer user_data)
{
  SyncJob *job = data;
  RdEvidenceBatch *batch = user_data;
  int saved_errno = 0;

  if (fdatasync (job->fd) != 0)
    saved_errno = errno;
  if (close (job->fd) != 0 && saved_errno == 0)
    saved_errno = errno;

  g_mutex_lock (&batch->sync_lock);
  if (saved_errno != 0 && batch->sync_errno == 0)
    {
      batch->sync_errno = saved_errno;
      batch->sync_failed_name = g_strdup (job->name);
    }
  batch->n_syncing--;
  g_cond_broadcast (&batch->sync_done);
  g_mutex_unlock (&batch->sync_lock);

  g_free (job->name);
  g_free (job);
}

/* Takes @fd: it is flushed and closed on the syncer thread. */
static void
queue_sync (RdEvidenceBatch *batch,
            int              fd,
            const char      *name)
{
  SyncJob *job = g_new0 (SyncJob, 1);

  job->fd = fd;
  job->name = g_strdup (name);
  if (batch->syncer == NULL)
    batch->syncer = g_thread_pool_new (sync_job_run, batch, 1, FALSE, NULL);
  g_mutex_lock (&batch->sync_lock);
  batch->n_syncing++;
  g_mutex_unlock (&batch->sync_lock);
  g_thread_pool_push (batch->syncer, job, NULL);
}

/*
 * Waits until every staged copy is on disk. Fails (naming the file) if
 * any could not be written, a full disk most likely.
 */
gboolean
_rd_evidence_batch_wait_synced (RdEvidenceBatch  *batch,
                                GError          **error)
{
  gboolean ok;

  g_mutex_lock (&batch->sync_lock);
  while (batch->n_syncing > 0)
    g_cond_wait (&batch->sync_done, &batch->sync_lock);
  ok = batch->sync_errno == 0;
  if (!ok)
    _rd_evidence_set_io_error (error, batch->sync_errno, batch->sync_failed_name);
  g_mutex_unlock (&batch->sync_lock);
  return ok;
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
  _rd_evidence_batch_wait_synced (batch, NULL);
  if (batch->syncer != NULL)
    g_thread_pool_free (batch->syncer, FALSE, TRUE);
  g_mutex_clear (&batch->sync_lock);
  g_cond_clear (&batch->sync_done);
  g_free (batch->sync_failed_name);
  g_clear_pointer (&batch->items, g_ptr_array_unref);
  rd_staging_dir_release (batch->staging_dir, batch->staging_lock);
  g_free (batch->staging_dir);
  g_free (batch->evidence_dir);
  g_clear_object (&batch->store);
  g_free (batch);
}

gboolean
_rd_evidence_set_io_error (GError     **error,
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
  if (batch->staging_dir != NULL)
    return TRUE;
  /* Locked, so that another Redress opening the store meanwhile knows
   * the folder is in use and leaves it. */
  batch->staging_dir = rd_staging_dir_new (batch->evidence_dir, &batch->staging_lock);
  if (batch->staging_dir == NULL)
    {
      int saved_errno = errno;

      if (saved_errno == ENOSPC || saved_errno == EDQUOT)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                     _("The disk is full, so Redress could not prepare its evidence folder "
                       "“%s”. Nothing was added. Free some space and try again."),
                     batch->evidence_dir);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("Redress could not prepare its evidence folder “%s”: %s."),
                     batch->evidence_dir, g_strerror (saved_errno));
      return FALSE;
    }
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

/* A new empty file in the staging folder, its path in @template. */
static int
open_staged_file (RdEvidenceBatch  *batch,
                  const char       *name,
                  char            **template,
                  GError          **error)
{
  int fd;

  if (!ensure_staging_dir (batch, error))
    return -1;
  *template = g_build_filename (batch->staging_dir, "import-XXXXXX", NULL);
  fd = g_mkstemp_full (*template, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      _rd_evidence_set_io_error (error, errno, name);
      g_clear_pointer (template, g_free);
    }
  return fd;
}

/* Takes @fd (flushed to disk on the syncer thread) and @template. */
static Item *
staged_item (RdEvidenceBatch *batch,
             int              fd,
             char            *template,
             RdSha256        *hash,
             goffset          size,
             const char      *name)
{
  Item *item = g_new0 (Item, 1);

  queue_sync (batch, fd, name);
  item->temp_path = template;
  item->sha256 = rd_sha256_finish_hex (hash);
  item->size = size;
  item->name = g_strdup (name);
  item->description = g_strdup ("");
  item->parent = -1;
  _rd_evidence_info_init (&item->info);
  return item;
}

/*
 * Copies @in into a new staged file, hashing as it goes and keeping the
 * first RD_EVIDENCE_HEAD_SIZE bytes for sniffing, so the original is read
 * once. The copy is flushed to disk on the syncer thread, and commit
 * waits for that: the store never points at data only in the page cache.
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
  g_autoptr(RdSha256) hash = rd_sha256_new ();
  goffset total = 0;
  int fd;

  fd = open_staged_file (batch, name, &template, error);
  if (fd < 0)
    return NULL;

  buffer = g_malloc (RD_EVIDENCE_COPY_CHUNK);
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
      rd_sha256_update (hash, buffer, n);
      if (head->len < RD_EVIDENCE_HEAD_SIZE)
        g_byte_array_append (head, buffer, MIN ((gsize) n, RD_EVIDENCE_HEAD_SIZE - head->len));
      if (!write_all (fd, buffer, n))
        {
          _rd_evidence_set_io_error (error, errno, name);
          goto fail;
        }
      total += n;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
    goto fail;
  return staged_item (batch, fd, g_steal_pointer (&template), hash, total, name);

fail:
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  close (fd);
  g_unlink (template);
  return NULL;
}

/*
 * Stages attachment @index of @email: GMime decodes it straight into the
 * staged file, which is then read back for its hash and head, so an
 * attachment of any size takes little memory. An empty attachment gives
 * an item of size 0.
 */
static Item *
stage_attachment (RdEvidenceBatch  *batch,
                  RdEmail          *email,
                  guint             index,
                  const char       *name,
                  GByteArray       *head,
                  GCancellable     *cancellable,
                  GError          **error)
{
  g_autofree char *template = NULL;
  g_autofree guchar *buffer = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RdSha256) hash = rd_sha256_new ();
  goffset total = 0;
  int fd;

  fd = open_staged_file (batch, name, &template, error);
  if (fd < 0)
    return NULL;
  if (!rd_email_save_attachment (email, index, fd, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        _rd_evidence_set_io_error (error, ENOSPC, name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }
  if (lseek (fd, 0, SEEK_SET) != 0)
    {
      _rd_evidence_set_io_error (error, errno, name);
      goto fail;
    }

  buffer = g_malloc (RD_EVIDENCE_COPY_CHUNK);
  for (;;)
    {
      gssize n = read (fd, buffer, RD_EVIDENCE_COPY_CHUNK);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          _rd_evidence_set_io_error (error, errno, name);
          goto fail;
        }
      if (n == 0)
        break;
      rd_sha256_update (hash, buffer, n);
      if (head->len < RD_EVIDENCE_HEAD_SIZE)
        g_byte_array_append (head, buffer, MIN ((gsize) n, RD_EVIDENCE_HEAD_SIZE - head->len));
      total += n;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto fail;
  return staged_item (batch, fd, g_steal_pointer (&template), hash, total, name);

fail:
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
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RdEmail) message = NULL;

  email->info.attachments = g_ptr_array_new ();
  /* Read again for its parts, which the facts do not keep; the same file
   * read the same way gives the same attachments in the same order. */
  message = rd_email_read (email->temp_path, RD_EMAIL_KEEP_PARTS, &local_error);
  if (message == NULL || message->attachments->len != attachments->len)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Redress could not read the attachments of “%s” again."), email->name);
      return FALSE;
    }
  for (guint i = 0; i < attachments->len; i++)
    {
      RdEvidenceAttachment *attachment = g_ptr_array_index (attachments, i);
      g_autoptr(GByteArray) head = g_byte_array_new ();
      Item *item;

      item = stage_attachment (batch, message, i, attachment->name, head, cancellable, error);
      if (item == NULL)
        return FALSE;
      if (item->size == 0)
        {
          _rd_evidence_batch_item_free (item);
          continue;
        }
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
      _rd_evidence_batch_item_free (item);
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
