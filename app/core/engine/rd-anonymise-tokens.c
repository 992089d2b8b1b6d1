/* rd-anonymise-tokens.c: text cut into words and the keys they are matched by.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-anonymise"

#include "config.h"

#include <string.h>

#include "rd-anonymise-private.h"

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Apostrophes and hyphens inside a word keep it one word: O'Neill, Smith-Jones. */
static gboolean
is_joiner (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC || c == '-' || c == 0x2010 || c == 0x2011;
}

/* Lower case (Unicode case folding), accents removed, one apostrophe and
 * one hyphen: "CHLOË" and "Chloe" are the same key, as are O’Neill and O'Neill. */
char *
_rd_anonymise_make_key (const char *s,
          gssize      len)
{
  g_autofree char *nfkd = g_utf8_normalize (s, len, G_NORMALIZE_NFKD);
  g_autoptr(GString) bare = g_string_new (NULL);

  if (nfkd == NULL)
    return g_strdup ("");
  for (const char *p = nfkd; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (c == 0x2019 || c == 0x02BC || c == 0x2018)
        c = '\'';
      else if (c == 0x2010 || c == 0x2011)
        c = '-';
      g_string_append_unichar (bare, c);
    }
  return g_utf8_casefold (bare->str, (gssize) bare->len);
}

/* Whitespace runs as one space, trimmed of nothing else: " (" stays " (". */
char *
_rd_anonymise_normalise_gap (const char *s,
               gsize       len)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = s; p < s + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = TRUE;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  if (space)
    g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

static void
token_clear (gpointer data)
{
  g_free (((RdAnonToken *) data)->key);
}

/* Words and the gaps between them, alternately; every byte of @text is in one token. */
GArray *
_rd_anonymise_tokenise (const char *text)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (RdAnonToken));
  const char *p = text;

  g_array_set_clear_func (tokens, token_clear);
  while (*p)
    {
      const char *start = p;
      gboolean word = is_word_char (g_utf8_get_char (p));
      RdAnonToken t = { 0 };

      while (*p)
        {
          gunichar c = g_utf8_get_char (p);
          const char *next = g_utf8_next_char (p);

          if (word && is_joiner (c) && *next && is_word_char (g_utf8_get_char (next)))
            {
              p = next;
              continue;
            }
          if (is_word_char (c) != word)
            break;
          p = next;
        }
      t.start = start;
      t.len = (gsize) (p - start);
      t.key = word ? _rd_anonymise_make_key (start, (gssize) t.len) : NULL;
      g_array_append_val (tokens, t);
    }
  return tokens;
}

GPtrArray *
_rd_anonymise_word_keys (const char *text)
{
  g_autoptr(GArray) tokens = _rd_anonymise_tokenise (text ? text : "");
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < tokens->len; i++)
    {
      RdAnonToken *t = &g_array_index (tokens, RdAnonToken, i);
      if (t->key != NULL)
        g_ptr_array_add (keys, g_strdup (t->key));
    }
  return keys;
}

gboolean
_rd_anonymise_has_digit (const char *key)
{
  for (const char *p = key; *p; p = g_utf8_next_char (p))
    if (g_unichar_isdigit (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}
