/* rd-evidence-email.c: reading an .eml file with GMime: who, when, what it
 * says, and the attachments, each of which becomes its own evidence.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-evidence"

#include "config.h"

#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <gmime/gmime.h>
#include <string.h>

#include "rd-evidence-private.h"

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

static char *
addresses_to_string (InternetAddressList *list)
{
  if (list == NULL || internet_address_list_length (list) == 0)
    return g_strdup ("");
  return internet_address_list_to_string (list, NULL, FALSE);
}

/* For search only: drops tags and collapses the rest of an HTML body. */
static char *
html_to_text (const char *html)
{
  GString *out = g_string_new (NULL);
  gboolean in_tag = FALSE;

  for (const char *p = html; *p; p++)
    {
      if (*p == '<')
        in_tag = TRUE;
      else if (*p == '>')
        {
          in_tag = FALSE;
          g_string_append_c (out, ' ');
        }
      else if (!in_tag)
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

typedef struct {
  RdEvidenceInfo *info;
  char           *plain;
  char           *html;
  guint           n_unnamed;
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
  RdEvidenceAttachment *attachment = g_new0 (RdEvidenceAttachment, 1);

  if (name == NULL || *name == '\0')
    {
      walk->n_unnamed++;
      attachment->name = g_strdup_printf (_("attachment %u"), walk->n_unnamed);
    }
  else
    attachment->name = g_path_get_basename (name);
  attachment->content_type = g_strdup (content_type);
  attachment->data = g_bytes_ref (data);
  g_ptr_array_add (walk->info->attachments, attachment);
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
      /* A forwarded email: keep it whole, as an email of its own. */
      GMimeMessage *inner = g_mime_message_part_get_message (GMIME_MESSAGE_PART (object));
      g_autoptr(GMimeStream) stream = g_mime_stream_mem_new ();
      g_autoptr(GBytes) data = NULL;
      g_autofree char *name = NULL;
      GByteArray *array;

      if (inner == NULL)
        return;
      g_mime_object_write_to_stream (GMIME_OBJECT (inner), NULL, stream);
      array = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (stream));
      data = g_bytes_new (array->data, array->len);
      name = g_strdup_printf ("%s.eml", g_mime_message_get_subject (inner) ?
                              g_mime_message_get_subject (inner) : _("forwarded email"));
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
          g_autoptr(GBytes) data = decode_part (part);

          if (data != NULL)
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
          else if (walk->plain == NULL)
            walk->plain = text;
          else
            g_free (text);
        }
    }
}

void
_rd_evidence_read_email (RdEvidenceInfo *info,
                         const char     *path)
{
  g_autoptr(GMimeStream) stream = NULL;
  g_autoptr(GMimeParser) parser = NULL;
  g_autoptr(GMimeMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  GMimeObject *body;
  GDateTime *date;
  GString *text;
  Walk walk = { info, NULL, NULL, 0 };

  ensure_gmime ();

  stream = g_mime_stream_fs_open (path, O_RDONLY, 0, &error);
  if (stream == NULL)
    {
      g_free (info->problem);
      info->problem = g_strdup (_("Redress could not read this email file. It is kept as it was."));
      return;
    }
  parser = g_mime_parser_new_with_stream (stream);
  message = g_mime_parser_construct_message (parser, NULL);
  if (message == NULL)
    {
      g_free (info->problem);
      info->problem = g_strdup (_("This does not look like a complete email, so Redress could not "
                                  "read who sent it or what it says. The file is kept as it was."));
      return;
    }

  g_free (info->author);
  info->author = addresses_to_string (g_mime_message_get_from (message));
  info->email_from = g_strdup (info->author);
  g_free (info->recipients);
  info->recipients = addresses_to_string (g_mime_message_get_to (message));
  g_free (info->title);
  info->title = g_strdup (g_mime_message_get_subject (message) ? g_mime_message_get_subject (message) : "");

  date = g_mime_message_get_date (message);
  if (date != NULL)
    {
      info->captured_at = g_date_time_to_local (date);
      info->date_source = RD_EVIDENCE_DATE_EMAIL;
    }

  body = g_mime_message_get_mime_part (message);
  if (body != NULL)
    walk_object (&walk, body);

  if (walk.plain == NULL && walk.html != NULL)
    walk.plain = html_to_text (walk.html);
  info->email_body = walk.plain ? walk.plain : g_strdup ("");
  g_free (walk.html);

  text = g_string_new (NULL);
  g_string_append_printf (text, "%s\n%s\n%s\n\n%s", info->author, info->recipients, info->title,
                          info->email_body);
  for (guint i = 0; i < info->attachments->len; i++)
    {
      RdEvidenceAttachment *attachment = g_ptr_array_index (info->attachments, i);
      g_string_append_printf (text, "\n%s", attachment->name);
    }
  g_free (info->text);
  info->text = g_string_free (text, FALSE);
}
