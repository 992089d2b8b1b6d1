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
#include <gmime/gmime.h>
#include <string.h>

#include "rd-email.h"

/* GMime 3.2 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeStream, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeParser, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)

static void
ensure_gmime (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      g_mime_init ();
      g_once_init_leave (&initialised, 1);
    }
}

static void
attachment_free (gpointer data)
{
  RdEmailAttachment *a = data;

  g_free (a->name);
  g_free (a->content_type);
  g_clear_pointer (&a->data, g_bytes_unref);
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

static GBytes *
decode_part (GMimePart *part)
{
  GMimeDataWrapper *content = g_mime_part_get_content (part);
  g_autoptr(GMimeStream) stream = NULL;
  GByteArray *array;

  if (content == NULL)
    return g_bytes_new (NULL, 0);
  stream = g_mime_stream_mem_new ();
  if (g_mime_data_wrapper_write_to_stream (content, stream) < 0)
    return NULL;
  array = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (stream));
  return g_bytes_new (array->data, array->len);
}

static void
add_attachment (Walk       *walk,
                const char *name,
                const char *content_type,
                GBytes     *data)
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
  attachment->data = data ? g_bytes_ref (data) : NULL;
  g_ptr_array_add (walk->email->attachments, attachment);
}

static void
walk_object (Walk        *walk,
             GMimeObject *object)
{
  GMimeContentType *type = g_mime_object_get_content_type (object);
  g_autofree char *mime_type = type ? g_mime_content_type_get_mime_type (type) : g_strdup ("");
  gboolean want_data = (walk->flags & RD_EMAIL_ATTACHMENT_DATA) != 0;

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
      g_autoptr(GBytes) data = NULL;
      g_autofree char *name = NULL;

      if (inner == NULL)
        return;
      if (want_data)
        {
          g_autoptr(GMimeStream) stream = g_mime_stream_mem_new ();
          GByteArray *array;

          g_mime_object_write_to_stream (GMIME_OBJECT (inner), NULL, stream);
          array = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (stream));
          data = g_bytes_new (array->data, array->len);
        }
      name = g_strdup_printf ("%s.eml", subject ? subject : _("forwarded email"));
      g_strdelimit (name, "/\\", '-');
      add_attachment (walk, name, "message/rfc822", data);
      return;
    }

  if (GMIME_IS_PART (object))
    {
      GMimePart *part = GMIME_PART (object);
      const char *filename = g_mime_part_get_filename (part);
      gboolean is_text = g_str_has_prefix (mime_type, "text/");

      if (g_mime_part_is_attachment (part) || filename != NULL || !is_text)
        {
          g_autoptr(GBytes) data = want_data ? decode_part (part) : NULL;

          if (!want_data || data != NULL)
            add_attachment (walk, filename, mime_type, data);
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

  ensure_gmime ();

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
  return email;
}
