/* rd-email.c: a saved email (.eml) read with GMime: who, when, what it says, what came with it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one reader of emails in the core: the evidence store files a
 * message (and each attachment as evidence of its own) from it, and the
 * bundle prints the message from it.
 */
#define G_LOG_DOMAIN "rd-email"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include "rd-gettext.h"
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rd-email.h"
#include "rd-gmime.h"

/* GMime 3.2 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeStream, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeParser, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeFilter, g_object_unref)

static void
attachment_free (gpointer data)
{
  RdEmailAttachment *a = data;

  g_free (a->name);
  g_free (a->content_type);
  g_clear_pointer (&a->data, g_bytes_unref);
  g_free (a->sha256);
  g_free (a);
}

void
rd_email_free (RdEmail *email)
{
  if (email == NULL)
    return;
  g_free (email->from);
  g_free (email->to);
  g_free (email->cc);
  g_free (email->subject);
  g_clear_pointer (&email->date, g_date_time_unref);
  g_free (email->text);
  g_ptr_array_unref (email->attachments);
  g_clear_pointer (&email->parts, g_ptr_array_unref);
  g_clear_object (&email->message);
  g_free (email);
}

static char *
addresses_to_string (InternetAddressList *list)
{
  if (list == NULL || internet_address_list_length (list) == 0)
    return g_strdup ("");
  return internet_address_list_to_string (list, NULL, FALSE);
}

/* HTML to plain text: tags dropped, the ends of blocks become line breaks,
 * the common entities decoded, style and script left out. */
static char *
html_to_text (const char *html)
{
  static const struct { const char *entity; const char *text; } entities[] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
    { "&#39;", "'" }, { "&nbsp;", " " }, { "&apos;", "'" },
  };
  GString *out = g_string_new (NULL);
  const char *pos = html;

  while (*pos)
    {
      if (*pos == '<')
        {
          const char *close = strchr (pos, '>');
          g_autofree char *tag = NULL;

          if (close == NULL)
            break;
          tag = g_ascii_strdown (pos + 1, MIN (close - pos - 1, 10));
          if (g_str_has_prefix (tag, "br") || g_str_has_prefix (tag, "/p") ||
              g_str_has_prefix (tag, "/div") || g_str_has_prefix (tag, "/tr") ||
              g_str_has_prefix (tag, "/li") || g_str_has_prefix (tag, "/h"))
            g_string_append_c (out, '\n');
          if (g_str_has_prefix (tag, "style") || g_str_has_prefix (tag, "script"))
            {
              const char *end_tag = strstr (close, g_str_has_prefix (tag, "style") ? "</style"
                                                                                     : "</script");
              close = end_tag ? strchr (end_tag, '>') : NULL;
              if (close == NULL)
                break;
            }
          pos = close + 1;
          continue;
        }
      if (*pos == '&')
        {
          gboolean done = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (entities) && !done; i++)
            if (g_str_has_prefix (pos, entities[i].entity))
              {
                g_string_append (out, entities[i].text);
                pos += strlen (entities[i].entity);
                done = TRUE;
              }
          if (done)
            continue;
        }
      g_string_append_c (out, *pos == '\r' || *pos == '\n' || *pos == '\t' ? ' ' : *pos);
      pos++;
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  RdEmail      *email;
  RdEmailFlags  flags;
  char         *plain;
  char         *html;
  guint         n_unnamed;
} Walk;

/* Writes an attachment's decoded bytes to @stream: a part's content, or a
 * forwarded message whole. GMime reads the file a piece at a time (the
 * parser keeps parts as ranges of it), so memory stays small unless
 * @stream is in memory. */
static gint64
write_part (GMimeObject *object,
            GMimeStream *stream)
{
  if (GMIME_IS_MESSAGE_PART (object))
    {
      GMimeMessage *inner = g_mime_message_part_get_message (GMIME_MESSAGE_PART (object));

      return inner ? g_mime_object_write_to_stream (GMIME_OBJECT (inner), NULL, stream) : 0;
    }
  if (g_mime_part_get_content (GMIME_PART (object)) == NULL)
    return 0;
  return g_mime_data_wrapper_write_to_stream (g_mime_part_get_content (GMIME_PART (object)),
                                              stream);
}

static GBytes *
decode_part (GMimeObject *object)
{
  g_autoptr(GMimeStream) stream = g_mime_stream_mem_new ();
  GByteArray *array;

  if (write_part (object, stream) < 0)
    return NULL;
  /* Taken over rather than copied: one copy of an attachment, not two. */
  array = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (stream));
  g_mime_stream_mem_set_owner (GMIME_STREAM_MEM (stream), FALSE);
  return g_byte_array_free_to_bytes (array);
}

static char *
fingerprint_part (GMimeObject *object)
{
  g_autoptr(GMimeStream) sink = g_mime_stream_null_new ();
  g_autoptr(GMimeStream) filtered = g_mime_stream_filter_new (sink);
  g_autoptr(GMimeFilter) checksum = g_mime_filter_checksum_new (G_CHECKSUM_SHA256);

  g_mime_stream_filter_add (GMIME_STREAM_FILTER (filtered), checksum);
  if (write_part (object, filtered) < 0 || g_mime_stream_flush (filtered) < 0)
    return NULL;
  return g_mime_filter_checksum_get_string (GMIME_FILTER_CHECKSUM (checksum));
}

static void
add_attachment (Walk        *walk,
                GMimeObject *object,
                const char  *name,
                const char  *content_type)
{
  RdEmailAttachment *attachment = g_new0 (RdEmailAttachment, 1);

  if (name == NULL || *name == '\0')
    {
      walk->n_unnamed++;
      attachment->name = g_strdup_printf (_("attachment %u"), walk->n_unnamed);
    }
  else
    attachment->name = g_path_get_basename (name);
  attachment->content_type = g_strdup (content_type);
  if (walk->flags & RD_EMAIL_ATTACHMENT_DATA)
    attachment->data = decode_part (object);
  if (walk->flags & RD_EMAIL_ATTACHMENT_SHA256)
    attachment->sha256 = fingerprint_part (object);
  g_ptr_array_add (walk->email->attachments, attachment);
  g_ptr_array_add (walk->email->parts, g_object_ref (object));
}

static void
walk_object (Walk        *walk,
             GMimeObject *object)
{
  GMimeContentType *type = g_mime_object_get_content_type (object);
  g_autofree char *mime_type = type ? g_mime_content_type_get_mime_type (type) : g_strdup ("");

  if (GMIME_IS_MULTIPART (object))
    {
      GMimeMultipart *multipart = GMIME_MULTIPART (object);
      int n = g_mime_multipart_get_count (multipart);

      for (int i = 0; i < n; i++)
        walk_object (walk, g_mime_multipart_get_part (multipart, i));
      return;
    }

  if (GMIME_IS_MESSAGE_PART (object))
    {
      /* A forwarded email: kept whole, as an email of its own. */
      GMimeMessage *inner = g_mime_message_part_get_message (GMIME_MESSAGE_PART (object));
      const char *subject = inner ? g_mime_message_get_subject (inner) : NULL;
      g_autofree char *name = NULL;

      if (inner == NULL)
        return;
      name = g_strdup_printf ("%s.eml", subject ? subject : _("forwarded email"));
      g_strdelimit (name, "/\\", '-');
      add_attachment (walk, object, name, "message/rfc822");
      return;
    }

  if (GMIME_IS_PART (object))
    {
      GMimePart *part = GMIME_PART (object);
      const char *filename = g_mime_part_get_filename (part);
      gboolean is_text = g_str_has_prefix (mime_type, "text/");

      if (g_mime_part_is_attachment (part) || filename != NULL || !is_text)
        {
          add_attachment (walk, object, filename, mime_type);
          return;
        }

      if (GMIME_IS_TEXT_PART (object))
        {
          char *text = g_mime_text_part_get_text (GMIME_TEXT_PART (object));

          if (text == NULL)
            return;
          if (g_str_equal (mime_type, "text/html") && walk->html == NULL)
            walk->html = text;
          else if (!g_str_equal (mime_type, "text/html") && walk->plain == NULL)
            walk->plain = text;
          else
            g_free (text);
        }
    }
}

/**
 * rd_email_read:
 *
 * Reads the message in @path. The plain-text part is preferred; a message
 * with only HTML is reduced to its text.
 *
 * Returns: (transfer full) (nullable): the message, or %NULL with @error
 *   set when the file cannot be read or is not an email
 */
RdEmail *
rd_email_read (const char    *path,
               RdEmailFlags   flags,
               GError       **error)
{
  g_autoptr(GMimeStream) stream = NULL;
  g_autoptr(GMimeParser) parser = NULL;
  g_autoptr(GMimeMessage) message = NULL;
  GMimeObject *body;
  GDateTime *date;
  RdEmail *email;
  Walk walk = { NULL, flags, NULL, NULL, 0 };
  int fd;

  if (!rd_gmime_load (error))
    return NULL;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Redress could not read this email file: %s."), g_strerror (saved));
      return NULL;
    }
  stream = g_mime_stream_fs_new (fd);
  parser = g_mime_parser_new_with_stream (stream);
  message = g_mime_parser_construct_message (parser, NULL);
  if (message == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("This does not look like a complete email, so Redress could not "
                             "read who sent it or what it says."));
      return NULL;
    }

  email = g_new0 (RdEmail, 1);
  email->attachments = g_ptr_array_new_with_free_func (attachment_free);
  email->parts = g_ptr_array_new_with_free_func (g_object_unref);
  email->from = addresses_to_string (g_mime_message_get_from (message));
  email->to = addresses_to_string (g_mime_message_get_to (message));
  email->cc = addresses_to_string (g_mime_message_get_cc (message));
  email->subject = g_strdup (g_mime_message_get_subject (message) ? g_mime_message_get_subject (message) : "");
  date = g_mime_message_get_date (message);
  if (date != NULL)
    email->date = g_date_time_ref (date);

  walk.email = email;
  body = g_mime_message_get_mime_part (message);
  if (body != NULL)
    walk_object (&walk, body);
  if (walk.plain != NULL)
    email->text = g_steal_pointer (&walk.plain);
  else if (walk.html != NULL)
    email->text = html_to_text (walk.html);
  else
    email->text = g_strdup ("");
  g_free (walk.html);
  if (flags & RD_EMAIL_KEEP_PARTS)
    email->message = G_OBJECT (g_steal_pointer (&message));
  else
    g_clear_pointer (&email->parts, g_ptr_array_unref);
  return email;
}

/**
 * rd_email_save_attachment:
 * @index: which of @email's attachments
 * @fd: an open file to write to; it stays open
 * @size: (out) (optional): how many bytes were written
 *
 * Writes attachment @index, decoded, to @fd a piece at a time, so an
 * attachment of any size needs little memory. @email must have been read
 * with %RD_EMAIL_KEEP_PARTS.
 *
 * Returns: %FALSE with @error set when it could not be written whole (a
 *   full disk gives %G_IO_ERROR_NO_SPACE)
 */
gboolean
rd_email_save_attachment (RdEmail  *email,
                          guint     index,
                          int       fd,
                          goffset  *size,
                          GError  **error)
{
  g_autoptr(GMimeStream) stream = NULL;
  gint64 written;
  off_t start;

  g_return_val_if_fail (email != NULL, FALSE);
  g_return_val_if_fail (email->parts != NULL, FALSE);
  g_return_val_if_fail (index < email->parts->len, FALSE);

  start = lseek (fd, 0, SEEK_CUR);
  stream = g_mime_stream_fs_new (fd);
  g_mime_stream_fs_set_owner (GMIME_STREAM_FS (stream), FALSE);
  errno = 0;
  written = write_part (g_ptr_array_index (email->parts, index), stream);
  if (written < 0 || start < 0)
    {
      int saved = errno != 0 ? errno : EIO;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Redress could not save the attachment “%s”: %s."),
                   ((RdEmailAttachment *) g_ptr_array_index (email->attachments, index))->name,
                   g_strerror (saved));
      return FALSE;
    }
  /* What GMime returns is not always what reached the file (a forwarded
   * message counts more than it writes); the file's offset is. */
  if (size != NULL)
    *size = lseek (fd, 0, SEEK_CUR) - start;
  return TRUE;
}
