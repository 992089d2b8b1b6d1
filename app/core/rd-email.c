/* rd-email.c: a saved email (.eml) turned into readable blocks for the bundle.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Enough of RFC 5322/2045/2047 for messages people save from their mail
 * programs: headers (folded, encoded words), multipart bodies, quoted-
 * printable and base64, charsets. The plain-text part is preferred; HTML
 * is reduced to its text. Attachments are listed by name.
 */
#define G_LOG_DOMAIN "rd-email"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rd-bundle-private.h"

typedef struct
{
  GHashTable *headers;   /* lower-case name → unfolded raw value */
  const char *body;
  gsize       body_len;
} Part;

static void
part_clear (Part *p)
{
  g_clear_pointer (&p->headers, g_hash_table_unref);
}

static void
parse_part (const char *data,
            gsize       len,
            Part       *p)
{
  const char *pos = data, *end = data + len;
  GString *name = NULL, *value = NULL;

  p->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  p->body = end;
  p->body_len = 0;

  while (pos < end)
    {
      const char *eol = memchr (pos, '\n', end - pos);
      const char *line_end = eol ? eol : end;
      gsize line_len = line_end - pos;

      if (line_len > 0 && pos[line_len - 1] == '\r')
        line_len--;

      if (line_len == 0)
        {
          p->body = eol ? eol + 1 : end;
          p->body_len = end - p->body;
          break;
        }
      if ((pos[0] == ' ' || pos[0] == '\t') && value != NULL)
        {
          g_string_append_c (value, ' ');
          g_string_append_len (value, pos, line_len);
        }
      else
        {
          const char *colon = memchr (pos, ':', line_len);

          if (name != NULL)
            {
              g_autofree char *key = g_ascii_strdown (name->str, -1);
              if (!g_hash_table_contains (p->headers, key))
                g_hash_table_insert (p->headers, g_steal_pointer (&key),
                                     g_strdup (g_strstrip (value->str)));
              g_string_free (name, TRUE);
              g_string_free (value, TRUE);
              name = value = NULL;
            }
          if (colon != NULL)
            {
              name = g_string_new_len (pos, colon - pos);
              value = g_string_new_len (colon + 1, line_len - (colon + 1 - pos));
            }
        }
      pos = eol ? eol + 1 : end;
    }
  if (name != NULL)
    {
      g_autofree char *key = g_ascii_strdown (name->str, -1);
      if (!g_hash_table_contains (p->headers, key))
        g_hash_table_insert (p->headers, g_steal_pointer (&key), g_strdup (g_strstrip (value->str)));
      g_string_free (name, TRUE);
      g_string_free (value, TRUE);
    }
}

static char *
to_utf8 (const char *data,
         gsize       len,
         const char *charset)
{
  char *out = NULL;

  if (charset != NULL && *charset && g_ascii_strcasecmp (charset, "utf-8") != 0 &&
      g_ascii_strcasecmp (charset, "us-ascii") != 0)
    out = g_convert (data, len, "UTF-8", charset, NULL, NULL, NULL);
  if (out == NULL)
    out = g_utf8_make_valid (data, len);
  return out;
}

static GBytes *
decode_qp (const char *data,
           gsize       len,
           gboolean    header)
{
  GByteArray *out = g_byte_array_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '=' && i + 2 < len + 1 && i + 1 < len)
        {
          if (data[i + 1] == '\n')
            {
              i += 1;
              continue;
            }
          if (data[i + 1] == '\r' && i + 2 < len && data[i + 2] == '\n')
            {
              i += 2;
              continue;
            }
          if (i + 2 < len && g_ascii_isxdigit (data[i + 1]) && g_ascii_isxdigit (data[i + 2]))
            {
              guint8 b = (guint8) (g_ascii_xdigit_value (data[i + 1]) << 4 |
                                   g_ascii_xdigit_value (data[i + 2]));
              g_byte_array_append (out, &b, 1);
              i += 2;
              continue;
            }
        }
      if (header && c == '_')
        c = ' ';
      g_byte_array_append (out, (const guint8 *) &c, 1);
    }
  return g_byte_array_free_to_bytes (out);
}

static GBytes *
decode_b64 (const char *data,
            gsize       len)
{
  g_autofree char *copy = g_strndup (data, len);
  gsize out_len = 0;
  guchar *out = g_base64_decode (copy, &out_len);

  return g_bytes_new_take (out, out_len);
}

/* "=?utf-8?Q?Caf=C3=A9?=" and friends, anywhere in a header value. */
static char *
decode_header (const char *value)
{
  GString *out = g_string_new (NULL);
  const char *pos = value;
  gboolean last_was_word = FALSE;

  while (*pos)
    {
      const char *start = strstr (pos, "=?");
      const char *q1, *q2, *stop;

      if (start == NULL)
        break;
      q1 = strchr (start + 2, '?');
      q2 = q1 ? strchr (q1 + 1, '?') : NULL;
      stop = q2 ? strstr (q2 + 1, "?=") : NULL;
      if (q1 == NULL || q2 == NULL || stop == NULL || q2 - q1 != 2)
        break;

      {
        g_autofree char *charset = g_strndup (start + 2, q1 - start - 2);
        char enc = g_ascii_toupper (q1[1]);
        g_autoptr(GBytes) bytes = NULL;
        gsize n = 0;
        const char *between = pos;
        gboolean blank = TRUE;
        g_autofree char *text = NULL;
        char *star = strchr (charset, '*');

        if (star != NULL)
          *star = '\0';  /* RFC 2231 language suffix */
        for (const char *c = between; c < start; c++)
          if (!g_ascii_isspace (*c))
            blank = FALSE;
        if (!(last_was_word && blank))
          g_string_append_len (out, pos, start - pos);

        bytes = enc == 'B' ? decode_b64 (q2 + 1, stop - q2 - 1)
                           : decode_qp (q2 + 1, stop - q2 - 1, TRUE);
        text = to_utf8 (g_bytes_get_data (bytes, &n), g_bytes_get_size (bytes), charset);
        g_string_append (out, text);
        last_was_word = TRUE;
        pos = stop + 2;
      }
    }
  g_string_append (out, pos);
  {
    char *valid = g_utf8_make_valid (out->str, -1);
    g_string_free (out, TRUE);
    return valid;
  }
}

/* A parameter of a structured header: charset, boundary, name, filename. */
static char *
header_param (const char *value,
              const char *param)
{
  g_autofree char *lower = g_ascii_strdown (value ? value : "", -1);
  g_autofree char *needle = g_strdup_printf ("%s=", param);
  const char *hit = lower;

  while ((hit = strstr (hit, needle)) != NULL)
    {
      if (hit == lower || hit[-1] == ';' || g_ascii_isspace (hit[-1]))
        break;
      hit++;
    }
  if (hit == NULL)
    return NULL;
  {
    const char *v = value + (hit - lower) + strlen (needle);

    if (*v == '"')
      {
        const char *close = strchr (v + 1, '"');
        return close ? g_strndup (v + 1, close - v - 1) : g_strdup (v + 1);
      }
    return g_strndup (v, strcspn (v, "; \t"));
  }
}

static char *
content_type_of (Part *p)
{
  const char *ct = g_hash_table_lookup (p->headers, "content-type");
  g_autofree char *lower = g_ascii_strdown (ct ? ct : "text/plain", -1);

  return g_strstrip (g_strndup (lower, strcspn (lower, ";")));
}

static char *
decoded_text (Part *p)
{
  const char *cte = g_hash_table_lookup (p->headers, "content-transfer-encoding");
  const char *ct = g_hash_table_lookup (p->headers, "content-type");
  g_autofree char *charset = header_param (ct, "charset");
  g_autoptr(GBytes) bytes = NULL;

  if (cte != NULL && g_ascii_strncasecmp (cte, "quoted-printable", 16) == 0)
    bytes = decode_qp (p->body, p->body_len, FALSE);
  else if (cte != NULL && g_ascii_strncasecmp (cte, "base64", 6) == 0)
    bytes = decode_b64 (p->body, p->body_len);
  else
    bytes = g_bytes_new (p->body, p->body_len);
  return to_utf8 (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), charset);
}

/* HTML to plain text: tags dropped, block ends become line breaks. */
static char *
html_to_text (const char *html)
{
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
              const char *end_tag = strstr (close, g_str_has_prefix (tag, "style") ? "</style" : "</script");
              close = end_tag ? strchr (end_tag, '>') : NULL;
              if (close == NULL)
                break;
            }
          pos = close + 1;
          continue;
        }
      if (*pos == '&')
        {
          static const struct { const char *entity; const char *text; } entities[] = {
            { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
            { "&#39;", "'" }, { "&nbsp;", " " }, { "&apos;", "'" },
          };
          gboolean done = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
            if (g_str_has_prefix (pos, entities[i].entity))
              {
                g_string_append (out, entities[i].text);
                pos += strlen (entities[i].entity);
                done = TRUE;
                break;
              }
          if (done)
            continue;
        }
      if (*pos == '\r' || *pos == '\n' || *pos == '\t')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *pos);
      pos++;
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  char      *plain;
  char      *html;
  GPtrArray *attachments;
} Walk;

static void
walk_part (const char *data,
           gsize       len,
           Walk       *w,
           int         depth)
{
  Part p = { 0 };
  g_autofree char *type = NULL;
  const char *disposition;
  g_autofree char *filename = NULL;

  parse_part (data, len, &p);
  type = content_type_of (&p);
  disposition = g_hash_table_lookup (p.headers, "content-disposition");
  filename = header_param (disposition, "filename");
  if (filename == NULL)
    filename = header_param (g_hash_table_lookup (p.headers, "content-type"), "name");

  if (g_str_has_prefix (type, "multipart/") && depth < 8)
    {
      g_autofree char *boundary = header_param (g_hash_table_lookup (p.headers, "content-type"),
                                                "boundary");
      g_autofree char *delim = boundary ? g_strdup_printf ("--%s", boundary) : NULL;
      const char *pos = p.body, *end = p.body + p.body_len;
      const char *part_start = NULL;

      while (delim != NULL && pos < end)
        {
          const char *hit = g_strstr_len (pos, end - pos, delim);
          const char *after;

          if (hit == NULL)
            break;
          if (part_start != NULL)
            walk_part (part_start, hit - part_start, w, depth + 1);
          after = hit + strlen (delim);
          if (after + 1 < end && after[0] == '-' && after[1] == '-')
            break;
          after = memchr (after, '\n', end - after);
          if (after == NULL)
            break;
          part_start = after + 1;
          pos = part_start;
        }
    }
  else if (filename != NULL || (disposition && g_ascii_strncasecmp (disposition, "attachment", 10) == 0))
    {
      g_autofree char *name = decode_header (filename ? filename : _("(unnamed)"));
      g_ptr_array_add (w->attachments, g_strdup_printf ("%s (%s)", name, type));
    }
  else if (g_str_equal (type, "text/plain") && w->plain == NULL)
    w->plain = decoded_text (&p);
  else if (g_str_equal (type, "text/html") && w->html == NULL)
    w->html = decoded_text (&p);
  else if (g_str_equal (type, "message/rfc822"))
    walk_part (p.body, p.body_len, w, depth + 1);

  part_clear (&p);
}

/**
 * _rd_email_parse:
 *
 * Returns: (transfer full): the message's headers as fields, its text as
 * paragraphs, and its attachments as a list.
 */
RdBundleSection *
_rd_email_parse (const char *data,
                 gsize       len)
{
  RdBundleSection *s = rd_bundle_section_new (_("Email"));
  static const struct { const char *header; const char *label; } fields[] = {
    { "from", N_("From") }, { "to", N_("To") }, { "cc", N_("Cc") },
    { "date", N_("Sent") }, { "subject", N_("Subject") },
  };
  Walk w = { NULL, NULL, g_ptr_array_new_with_free_func (g_free) };
  Part top = { 0 };
  g_autofree char *text = NULL;
  g_auto(GStrv) paragraphs = NULL;

  parse_part (data, len, &top);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *v = g_hash_table_lookup (top.headers, fields[i].header);

      if (v != NULL)
        {
          g_autofree char *decoded = decode_header (v);
          rd_bundle_section_add (s, RD_BLOCK_FIELD, _(fields[i].label), decoded);
        }
    }
  part_clear (&top);

  walk_part (data, len, &w, 0);
  if (w.plain != NULL)
    text = g_steal_pointer (&w.plain);
  else if (w.html != NULL)
    text = html_to_text (w.html);
  else
    text = g_strdup (_("(This message has no text.)"));

  /* Paragraphs are separated by blank lines; single line breaks are kept. */
  {
    g_autoptr(GRegex) blank = g_regex_new ("\\r?\\n[ \\t]*\\r?\\n(\\s*\\r?\\n)*", 0, 0, NULL);
    paragraphs = g_regex_split (blank, text, 0);
  }
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *para = g_strstrip (g_strdup (paragraphs[i]));
      if (*para)
        rd_bundle_section_add (s, RD_BLOCK_PARAGRAPH, NULL, para);
    }

  if (w.attachments->len > 0)
    {
      rd_bundle_section_add (s, RD_BLOCK_HEADING, NULL, _("Attachments"));
      for (guint i = 0; i < w.attachments->len; i++)
        rd_bundle_section_add (s, RD_BLOCK_BULLET, NULL, w.attachments->pdata[i]);
      rd_bundle_section_add (s, RD_BLOCK_NOTE, NULL,
                             _("Attachments are not reproduced here; add them to the case as "
                               "evidence of their own to include them."));
    }

  g_free (w.plain);
  g_free (w.html);
  g_ptr_array_unref (w.attachments);
  return s;
}
