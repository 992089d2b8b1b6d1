/* rd-anonymise.c: third parties printed as "Neighbour A", "Officer B" in what Redress writes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only parties marked as third parties are replaced, each by a role and a
 * letter (one sequence for the case: Neighbour A, Officer B, Neighbour C).
 * What is replaced, in whole words, whatever the case or accents
 * ("BRENNAN", "brennan", "Chloe" for "Chloë"), and with a possessive kept
 * ("Hall's" → "Neighbour A's"):
 *
 * - the full name, and the given name with the surname when there are
 *   middle names;
 * - the surname on its own, and after a title ("Mr Hall", "PC Doe"); after
 *   a title, a word is only the surname of those whose surname it is, and
 *   not of a party whose own title says otherwise ("Mr Hall" is not Mrs
 *   Janet Hall);
 * - the given name on its own when it is distinctive.
 *
 * A relationship before a name stays, and the name goes in brackets: "his
 * brother Dwayne" → "his brother (Neighbour B)".
 *
 * A part of a name is left alone when it is also a word of the name of
 * somebody who is not a third party (the resident, the landlord, an
 * officer: "Sam" when the officer is Sam Okafor), and a part that is an
 * everyday word ("Hall", "May", "Will") is replaced only in the full name
 * or after a title, so "Hall Road" and "the hall" stay. A "name" that is a
 * description ("Resident of Flat 6", "Neighbour A (Flat 5)") is replaced
 * only as the whole phrase. A part shared by two third parties names both
 * ("Neighbour A or Neighbour C"): it cannot tell which was meant.
 *
 * Text the resident's own fields hold (name, address, contact preferences,
 * adjustments, and the case title unless it holds a third party's full
 * name) is never rewritten where it appears. The evidence itself is never
 * changed: that is the resident's to redact.
 */
#define G_LOG_DOMAIN "rd-anonymise"

#include "config.h"

#include "rd-gettext.h"
#include <string.h>

#include "rd-anonymise.h"
#include "rd-anonymise-private.h"
#include "rd-case.h"
#include "rd-party.h"

/* Name parts */

static const char *
role_noun (RdPartyRole role)
{
  switch (role)
    {
    case RD_PARTY_NEIGHBOUR: return _("Neighbour");
    case RD_PARTY_POLICE: return _("Officer");
    case RD_PARTY_LANDLORD_OFFICER: return _("Officer");
    case RD_PARTY_COUNCIL: return _("Council officer");
    case RD_PARTY_SUPPORT_WORKER: return _("Support worker");
    case RD_PARTY_SOLICITOR: return _("Solicitor");
    case RD_PARTY_MP: return _("Representative");
    case RD_PARTY_OTHER:
    default: return _("Person");
    }
}

/* Patterns */

static void
pattern_free (gpointer data)
{
  Pattern *pat = data;

  g_ptr_array_unref (pat->words);
  g_ptr_array_unref (pat->seps);
  g_free (pat->trail);
  g_free (pat->alias);
  g_clear_pointer (&pat->surnames, g_ptr_array_unref);
  g_free (pat);
}

static int
longest_first (gconstpointer a,
               gconstpointer b)
{
  const Pattern *x = *(Pattern * const *) a;
  const Pattern *y = *(Pattern * const *) b;

  return (int) y->words->len - (int) x->words->len;
}

static gboolean
same_keys (GPtrArray *a,
           GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (strcmp (a->pdata[i], b->pdata[i]) != 0)
      return FALSE;
  return TRUE;
}

/* Takes @words and @seps. A pattern two parties share names them both. */
static void
add_pattern (RdAnonymiser *self,
             GPtrArray    *words,
             GPtrArray    *seps,
             const char   *trail,
             PatternKind   kind,
             const char   *alias)
{
  g_autoptr(GString) sig = g_string_new (NULL);
  Pattern *pat;
  GPtrArray *list;

  g_assert (words->len > 0 && seps->len + 1 == words->len);
  for (guint i = 0; i < words->len; i++)
    g_string_append_printf (sig, "%s\x1f%s\x1f", (char *) words->pdata[i],
                            i < seps->len ? (char *) seps->pdata[i] : (trail ? trail : ""));
  pat = g_hash_table_lookup (self->by_sig, sig->str);
  if (pat != NULL)
    {
      g_auto(GStrv) known = g_strsplit (pat->alias, "\x1e", -1);

      g_ptr_array_unref (words);
      g_ptr_array_unref (seps);
      pat->kind = MIN (pat->kind, kind);
      if (!g_strv_contains ((const char * const *) known, alias))
        {
          char *both = g_strconcat (pat->alias, "\x1e", alias, NULL);
          g_free (pat->alias);
          pat->alias = both;
        }
      return;
    }

  pat = g_new0 (Pattern, 1);
  pat->words = words;
  pat->seps = seps;
  pat->trail = trail && *trail ? g_strdup (trail) : NULL;
  pat->alias = g_strdup (alias);
  pat->kind = kind;
  g_hash_table_insert (self->by_sig, g_strdup (sig->str), pat);

  list = g_hash_table_lookup (self->patterns, words->pdata[0]);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (self->patterns, g_strdup (words->pdata[0]), list);
    }
  g_ptr_array_add (list, pat);
  g_ptr_array_sort (list, longest_first);
}

static GPtrArray *
keys_slice (GPtrArray *keys,
            guint      from,
            guint      to)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = from; i < to; i++)
    g_ptr_array_add (out, g_strdup (keys->pdata[i]));
  return out;
}

static GPtrArray *
spaces (guint n)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (out, g_strdup (" "));
  return out;
}

static gboolean
is_other_name (RdAnonymiser *self,
               GPtrArray    *keys)
{
  for (guint i = 0; i < self->others->len; i++)
    if (same_keys (self->others->pdata[i], keys))
      return TRUE;
  return FALSE;
}

/* A single word alone: only if nobody else is called it and it is not an
 * everyday word; otherwise only after a title, or not at all. */
static void
add_part (RdAnonymiser *self,
          const char   *key,
          gboolean      surname,
          char          gender,
          const char   *alias)
{
  g_autofree char *sig = NULL;
  Pattern *pat;
  PatternKind kind = PATTERN_PART;
  GPtrArray *words;

  if (g_hash_table_contains (self->excluded, key) || _rd_anonymise_has_digit (key))
    return;
  if (_rd_anonymise_is_common (key) || g_utf8_strlen (key, -1) < 3)
    {
      if (!surname)
        return;
      kind = PATTERN_TITLE_ONLY;
    }
  words = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (words, g_strdup (key));
  add_pattern (self, words, spaces (0), NULL, kind, alias);
  if (!surname)
    return;
  sig = g_strdup_printf ("%s\x1f\x1f", key);
  pat = g_hash_table_lookup (self->by_sig, sig);
  if (pat->surnames == NULL)
    pat->surnames = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (pat->surnames, g_strdup_printf ("%c%s", gender, alias));
}

static void
add_party (RdAnonymiser *self,
           const char   *name,
           const char   *alias)
{
  g_autoptr(GArray) tokens = _rd_anonymise_tokenise (name);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) seps = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *trail = NULL;
  gboolean descriptive = FALSE;
  gboolean had_title = FALSE;
  char gender = '?';
  guint first = 0, n;

  for (guint i = 0; i < tokens->len; i++)
    {
      RdAnonToken *t = &g_array_index (tokens, RdAnonToken, i);

      if (t->key != NULL)
        {
          gunichar c = g_utf8_get_char (t->start);

          g_ptr_array_add (keys, g_strdup (t->key));
          if (g_unichar_islower (c) && !_rd_anonymise_is_particle (t->key))
            descriptive = TRUE;
        }
      else if (keys->len > 0)
        {
          g_autofree char *gap = _rd_anonymise_normalise_gap (t->start, t->len);

          if (i + 1 < tokens->len)
            g_ptr_array_add (seps, g_steal_pointer (&gap));
          else
            trail = g_strstrip (g_steal_pointer (&gap));
        }
    }
  if (keys->len == 0)
    return;

  /* "Mr Hall": the title goes, "Hall" is the name. "Sgt." is one word with its gap. */
  while (first + 1 < keys->len && _rd_anonymise_is_title (keys->pdata[first]))
    {
      if (_rd_anonymise_title_gender (keys->pdata[first]) != '?')
        gender = _rd_anonymise_title_gender (keys->pdata[first]);
      first++;
      had_title = TRUE;
    }
  n = keys->len - first;
  for (guint i = 0; i < seps->len; i++)
    if (g_strcmp0 (seps->pdata[i], " ") != 0 &&
        !(i < first && g_strcmp0 (seps->pdata[i], ". ") == 0))
      descriptive = TRUE;
  if ((trail != NULL && *trail != '\0' && g_strcmp0 (trail, ".") != 0) || n > 4)
    descriptive = TRUE;
  for (guint i = first; i < keys->len; i++)
    if (_rd_anonymise_has_digit (keys->pdata[i]) || _rd_anonymise_is_descriptive (keys->pdata[i]))
      descriptive = TRUE;

  if (descriptive)
    {
      /* Only the whole phrase, however it is spaced. */
      g_autoptr(GPtrArray) all = keys_slice (keys, 0, keys->len);

      if (!is_other_name (self, all))
        add_pattern (self, g_steal_pointer (&all), g_ptr_array_ref (seps), trail, PATTERN_FULL, alias);
      return;
    }

  if (keys->len == 1)
    {
      /* One word, no title: a surname or a nickname, judged as a part. */
      add_part (self, keys->pdata[0], TRUE, gender, alias);
      return;
    }

  {
    g_autoptr(GPtrArray) bare = keys_slice (keys, first, keys->len);

    if (n >= 2 && !is_other_name (self, bare))
      add_pattern (self, g_steal_pointer (&bare), spaces (n - 1), NULL, PATTERN_FULL, alias);
  }
  if (n >= 3)
    {
      /* "Chloë Anne Brennan" is written "Chloë Brennan" too. */
      GPtrArray *short_name = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (short_name, g_strdup (keys->pdata[first]));
      g_ptr_array_add (short_name, g_strdup (keys->pdata[keys->len - 1]));
      if (!is_other_name (self, short_name))
        add_pattern (self, short_name, spaces (1), NULL, PATTERN_FULL, alias);
      else
        g_ptr_array_unref (short_name);
    }
  if (n >= 2 || had_title)
    add_part (self, keys->pdata[keys->len - 1], TRUE, gender, alias);
  if (n >= 2)
    add_part (self, keys->pdata[first], FALSE, gender, alias);
}

/* People who are not third parties: no part of their names is ever replaced. */
static void
add_other (RdAnonymiser *self,
           const char   *name)
{
  GPtrArray *keys;
  guint first = 0;

  if (name == NULL || *name == '\0')
    return;
  keys = _rd_anonymise_word_keys (name);
  for (guint i = 0; i < keys->len; i++)
    g_hash_table_add (self->excluded, g_strdup (keys->pdata[i]));
  while (first + 1 < keys->len && _rd_anonymise_is_title (keys->pdata[first]))
    first++;
  if (first > 0)
    g_ptr_array_add (self->others, keys_slice (keys, first, keys->len));
  if (keys->len > 0)
    {
      g_ptr_array_add (self->others, keys);
      g_ptr_array_add (self->kept, g_ptr_array_ref (keys));
    }
  else
    g_ptr_array_unref (keys);
}

static RdAnonymiser *
anonymiser_new (void)
{
  RdAnonymiser *self = g_new0 (RdAnonymiser, 1);

  self->aliases = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  self->patterns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  self->by_sig = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, pattern_free);
  self->excluded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->others = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->kept = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  return self;
}

static void
add_parties (RdAnonymiser *self,
             GPtrArray    *parties)
{
  guint letter = 0;

  /* Everybody else first: their words decide what the third parties' parts may match. */
  for (guint i = 0; parties != NULL && i < parties->len; i++)
    {
      RdParty *party = parties->pdata[i];

      if (rd_party_get_third_party (party))
        continue;
      add_other (self, rd_party_get_name (party));
      add_other (self, rd_party_get_organisation (party));
    }

  for (guint i = 0; parties != NULL && i < parties->len; i++)
    {
      RdParty *party = parties->pdata[i];
      const char *name = rd_party_get_name (party);
      char *alias;

      if (!rd_party_get_third_party (party) || name == NULL || *name == '\0')
        continue;
      /* Translators: an anonymised person: "Neighbour A" */
      alias = g_strdup_printf (_("%s %c"), role_noun (rd_party_get_role (party)),
                               'A' + (letter % 26));
      letter++;
      g_hash_table_insert (self->aliases, g_object_ref (party), alias);
      add_party (self, name, alias);
    }
}

/**
 * rd_anonymiser_new:
 * @parties: (element-type RdParty): the case's parties
 *
 * Third parties' names are replaced; the names of the other parties (and
 * their organisations) are never touched.
 */
RdAnonymiser *
rd_anonymiser_new (GPtrArray *parties)
{
  RdAnonymiser *self = anonymiser_new ();

  add_parties (self, parties);
  return self;
}

/* Matching */

/* Is @t a title and the gap after it one that joins it to a name ("Mr Hall", "Sgt. Doe")? */
static gboolean
title_at (GArray *tokens,
          guint   i)
{
  RdAnonToken *t = &g_array_index (tokens, RdAnonToken, i);
  RdAnonToken *gap;
  g_autofree char *norm = NULL;

  if (t->key == NULL || t->kept || !_rd_anonymise_is_title (t->key) || i + 2 >= tokens->len)
    return FALSE;
  gap = &g_array_index (tokens, RdAnonToken, i + 1);
  norm = _rd_anonymise_normalise_gap (gap->start, gap->len);
  return g_str_equal (norm, " ") || g_str_equal (norm, ". ");
}

/* Does @pat match the words from token @i? Sets the token after the last
 * word, the bytes of a possessive ("'s") at the end of that word, and the
 * bytes of the name's trail (")") at the start of the gap after it. */
static gboolean
pattern_at (GArray  *tokens,
            guint    i,
            Pattern *pat,
            guint   *end,
            gsize   *possessive,
            gsize   *trail)
{
  guint j = i;

  *possessive = 0;
  *trail = 0;
  for (guint k = 0; k < pat->words->len; k++)
    {
      RdAnonToken *t;
      const char *want = pat->words->pdata[k];

      if (j >= tokens->len)
        return FALSE;
      t = &g_array_index (tokens, RdAnonToken, j);
      if (t->key == NULL || t->kept)
        return FALSE;
      if (strcmp (t->key, want) != 0)
        {
          gsize wl = strlen (want);
          const char *tail;

          /* A possessive on the last word: "Hall's", "Brennan’s". */
          if (k + 1 != pat->words->len || strncmp (t->key, want, wl) != 0 ||
              strcmp (t->key + wl, "'s") != 0)
            return FALSE;
          tail = g_utf8_prev_char (g_utf8_prev_char (t->start + t->len));
          *possessive = (gsize) (t->start + t->len - tail);
        }
      j++;
      if (k + 1 < pat->words->len)
        {
          g_autofree char *norm = NULL;
          RdAnonToken *gap;

          if (j >= tokens->len)
            return FALSE;
          gap = &g_array_index (tokens, RdAnonToken, j);
          norm = _rd_anonymise_normalise_gap (gap->start, gap->len);
          if (gap->key != NULL || strcmp (norm, pat->seps->pdata[k]) != 0)
            return FALSE;
          j++;
        }
    }
  *end = j;
  if (pat->trail != NULL && *possessive == 0 && j < tokens->len)
    {
      RdAnonToken *gap = &g_array_index (tokens, RdAnonToken, j);
      gsize tl = strlen (pat->trail);

      if (gap->len >= tl && strncmp (gap->start, pat->trail, tl) == 0)
        *trail = tl;
    }
  return TRUE;
}

static Pattern *
match_at (RdAnonymiser *self,
          GArray       *tokens,
          guint         i,
          gboolean      after_title,
          gboolean      full_only,
          guint        *end,
          gsize        *possessive,
          gsize        *trail)
{
  RdAnonToken *t = &g_array_index (tokens, RdAnonToken, i);
  g_autofree char *stem = NULL;
  const char *keys[2] = { t->key, NULL };

  if (t->key == NULL || t->kept)
    return NULL;
  if (g_str_has_suffix (t->key, "'s") && strlen (t->key) > 2)
    keys[1] = stem = g_strndup (t->key, strlen (t->key) - 2);
  for (guint k = 0; k < G_N_ELEMENTS (keys) && keys[k] != NULL; k++)
    {
      GPtrArray *list = g_hash_table_lookup (self->patterns, keys[k]);

      for (guint p = 0; list != NULL && p < list->len; p++)
        {
          Pattern *pat = list->pdata[p];

          if (full_only && pat->kind != PATTERN_FULL)
            continue;
          if (pat->kind == PATTERN_TITLE_ONLY && !after_title)
            continue;
          if (pattern_at (tokens, i, pat, end, possessive, trail))
            return pat;
        }
    }
  return NULL;
}

static void
append_alias (GString    *out,
              const char *alias)
{
  g_auto(GStrv) names = g_strsplit (alias, "\x1e", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      /* Translators: a name that belongs to two anonymised people: "Neighbour A or Neighbour C" */
      if (i > 0)
        g_string_append (out, _(" or "));
      g_string_append (out, names[i]);
    }
}

/* After a title, a one-word name is only the surname of those whose
 * surname it is ("Mr Lee" is Kim Lee, not Lee Brown), and not of anyone
 * whose own title says otherwise ("Mr Hall" is not Mrs Janet Hall, "Mrs
 * Hall" is she rather than Gareth Hall). NULL: the pattern's aliases. */
static char *
dup_title_alias (Pattern *pat,
                 char     gender)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();

  if (pat->surnames == NULL || pat->words->len != 1)
    return NULL;
  /* Those recorded with a title like this one; else those recorded with
   * no title that says otherwise; else all. */
  for (int pass = 0; pass < 3 && chosen->len == 0; pass++)
    for (guint k = 0; k < pat->surnames->len; k++)
      {
        const char *s = pat->surnames->pdata[k];

        if ((pass == 0 && (gender == '?' || s[0] != gender)) ||
            (pass == 1 && gender != '?' && s[0] != '?' && s[0] != gender))
          continue;
        if (!g_ptr_array_find_with_equal_func (chosen, s + 1, g_str_equal, NULL))
          g_ptr_array_add (chosen, (gpointer) (s + 1));
      }
  if (chosen->len == 0)
    return NULL;
  g_ptr_array_add (chosen, NULL);
  return g_strjoinv ("\x1e", (char **) chosen->pdata);
}

/* Notes that tokens @first … @end - 1 of @text are a name. */
static void
add_span (GArray     *spans,
          const char *text,
          GArray     *tokens,
          guint       first,
          guint       end)
{
  RdAnonToken *a = &g_array_index (tokens, RdAnonToken, first);
  RdAnonToken *z = &g_array_index (tokens, RdAnonToken, end - 1);
  RdAnonSpan span = { (gsize) (a->start - text), (gsize) (z->start + z->len - text) };

  if (spans != NULL)
    g_array_append_val (spans, span);
}

/* Writes what replaces a matched name, and returns the token after it. */
static guint
append_match (GString    *out,
              GArray     *tokens,
              const char *alias,
              gboolean    bracket,
              guint       end,
              gsize       possessive,
              gsize       trail)
{
  if (bracket)
    g_string_append_c (out, '(');
  append_alias (out, alias);
  if (bracket)
    g_string_append_c (out, ')');
  if (possessive > 0)
    {
      RdAnonToken *last = &g_array_index (tokens, RdAnonToken, end - 1);
      g_string_append_len (out, last->start + last->len - possessive, (gssize) possessive);
    }
  if (trail > 0)
    {
      RdAnonToken *gap = &g_array_index (tokens, RdAnonToken, end);
      g_string_append_len (out, gap->start + trail, (gssize) (gap->len - trail));
      end++;
    }
  return end;
}

/* @spans: (nullable): where each name replaced lies in @text, as RdAnonSpan */
char *
_rd_anonymise_apply (RdAnonymiser *self,
                     const char   *text,
                     gboolean      full_only,
                     GArray       *spans)
{
  g_autoptr(GArray) tokens = NULL;
  GString *out;

  if (g_hash_table_size (self->patterns) == 0)
    return g_strdup (text);
  tokens = _rd_anonymise_tokenise (text);
  for (guint i = 0; i < self->kept->len; i++)
    _rd_anonymise_mark_kept (tokens, self->kept->pdata[i]);

  out = g_string_sized_new (strlen (text));
  for (guint i = 0; i < tokens->len;)
    {
      RdAnonToken *t = &g_array_index (tokens, RdAnonToken, i);
      Pattern *pat = NULL;
      g_autofree char *title_alias = NULL;
      guint end = i;
      gsize possessive = 0, trail = 0;

      /* "his brother Dwayne": the relationship stays, the name goes in
       * brackets: "his brother (Neighbour B)". */
      if (_rd_anonymise_relation_at (tokens, i) &&
          (pat = match_at (self, tokens, i + 2, FALSE, full_only, &end, &possessive, &trail)) != NULL)
        {
          RdAnonToken *gap = &g_array_index (tokens, RdAnonToken, i + 1);

          g_string_append_len (out, t->start, (gssize) t->len);
          g_string_append_len (out, gap->start, (gssize) gap->len);
          add_span (spans, text, tokens, i + 2, end);
          i = append_match (out, tokens, pat->alias, TRUE, end, possessive, trail);
          continue;
        }
      if (t->key != NULL && !t->kept)
        {
          if (title_at (tokens, i))
            pat = match_at (self, tokens, i + 2, TRUE, full_only, &end, &possessive, &trail);
          if (pat != NULL)
            {
              title_alias = dup_title_alias (pat, _rd_anonymise_title_gender (t->key));
              add_span (spans, text, tokens, i + 2, end);
            }
          if (pat == NULL &&
              (pat = match_at (self, tokens, i, FALSE, full_only, &end, &possessive, &trail)) != NULL)
            add_span (spans, text, tokens, i, end);
        }
      if (pat == NULL)
        {
          g_string_append_len (out, t->start, (gssize) t->len);
          i++;
          continue;
        }
      i = append_match (out, tokens, title_alias ? title_alias : pat->alias, FALSE, end,
                        possessive, trail);
    }
  return g_string_free (out, FALSE);
}

/**
 * rd_anonymiser_keep:
 * @text: (nullable): text of the resident's own, never to be rewritten
 *   where it appears (matched word for word, whatever the case)
 */
void
rd_anonymiser_keep (RdAnonymiser *self,
                    const char   *text)
{
  GPtrArray *keys;

  g_return_if_fail (self != NULL);
  if (text == NULL)
    return;
  keys = _rd_anonymise_word_keys (text);
  if (keys->len > 0)
    g_ptr_array_add (self->kept, keys);
  else
    g_ptr_array_unref (keys);
}

/**
 * rd_anonymiser_new_for_case:
 * @rcase: the case: its resident, address, preferences and landlord are kept
 * @parties: (element-type RdParty): the case's parties
 *
 * The resident's own name, address, contact preferences and adjustments
 * are never rewritten, nor is the case title unless it holds a third
 * party's full name; the resident's and the landlord's names count as
 * names of people who are not third parties.
 */
RdAnonymiser *
rd_anonymiser_new_for_case (RdCase    *rcase,
                            GPtrArray *parties)
{
  RdAnonymiser *self = anonymiser_new ();
  const char *title;

  g_return_val_if_fail (RD_IS_CASE (rcase), NULL);
  add_other (self, rd_case_get_resident_name (rcase));
  add_other (self, rd_case_get_landlord_name (rcase));
  add_parties (self, parties);
  rd_anonymiser_keep (self, rd_case_get_address (rcase));
  rd_anonymiser_keep (self, rd_case_get_contact_preferences (rcase));
  rd_anonymiser_keep (self, rd_case_get_adjustments (rcase));

  title = rd_case_get_title (rcase);
  if (title != NULL)
    {
      g_autofree char *full = _rd_anonymise_apply (self, title, TRUE, NULL);

      if (g_str_equal (full, title))
        rd_anonymiser_keep (self, title);
    }
  return self;
}

void
rd_anonymiser_free (RdAnonymiser *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->aliases);
  g_hash_table_unref (self->patterns);
  g_hash_table_unref (self->by_sig);
  g_hash_table_unref (self->excluded);
  g_ptr_array_unref (self->others);
  g_ptr_array_unref (self->kept);
  g_free (self);
}

/**
 * rd_anonymiser_apply:
 * @self: (nullable): no anonymiser: the text as it is
 *
 * Returns: (transfer full): @text with third parties' names replaced
 */
char *
rd_anonymiser_apply (RdAnonymiser *self,
                     const char   *text)
{
  if (text == NULL)
    return NULL;
  if (self == NULL)
    return g_strdup (text);
  return _rd_anonymise_apply (self, text, FALSE, NULL);
}

/* The alias of @party, or %NULL if it is not a third party. */
const char *
rd_anonymiser_get_alias (RdAnonymiser *self,
                         RdParty      *party)
{
  return self != NULL ? g_hash_table_lookup (self->aliases, party) : NULL;
}
