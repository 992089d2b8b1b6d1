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

static gboolean
is_space_gap (GArray *tokens,
              guint   i)
{
  RdAnonToken *gap = &g_array_index (tokens, RdAnonToken, i);
  g_autofree char *norm = NULL;

  if (gap->key != NULL)
    return FALSE;
  norm = _rd_anonymise_normalise_gap (gap->start, gap->len);
  return g_str_equal (norm, " ");
}

/* Is the word at @i a relationship ("his brother", "Gareth's sister",
 * "partner") with a word after it that may be a name? "Brother" and
 * "Sister" are titles too ("Sister Mary"): as relationships they are
 * written in lower case or after "his", "her", "the" or a possessive. */
gboolean
_rd_anonymise_relation_at (GArray *tokens,
                           guint   i)
{
  RdAnonToken *t = &g_array_index (tokens, RdAnonToken, i);
  RdAnonToken *before;

  if (t->key == NULL || t->kept || !_rd_anonymise_is_relation (t->key) ||
      i + 2 >= tokens->len || !is_space_gap (tokens, i + 1))
    return FALSE;
  if (!_rd_anonymise_is_title (t->key) || g_unichar_islower (g_utf8_get_char (t->start)))
    return TRUE;
  if (i < 2 || !is_space_gap (tokens, i - 1))
    return FALSE;
  before = &g_array_index (tokens, RdAnonToken, i - 2);
  return before->key != NULL &&
         (_rd_anonymise_is_determiner (before->key) || g_str_has_suffix (before->key, "'s"));
}

/* Marks every run of tokens that spells @keys, so it is never rewritten. */
void
_rd_anonymise_mark_kept (GArray    *tokens,
                         GPtrArray *keys)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      guint j = i, k = 0;

      while (j < tokens->len && k < keys->len)
        {
          RdAnonToken *t = &g_array_index (tokens, RdAnonToken, j);

          if (t->key == NULL)
            {
              if (k == 0)
                break;
              j++;
              continue;
            }
          if (strcmp (t->key, keys->pdata[k]) != 0)
            break;
          j++;
          k++;
        }
      if (k == keys->len && k > 0)
        for (guint m = i; m < j; m++)
          g_array_index (tokens, RdAnonToken, m).kept = TRUE;
    }
}
