/* rd-anonymise.c: third parties printed as "Neighbour A", "Officer B" in what Redress writes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only parties marked as third parties are replaced, each by a role and a
 * letter (one sequence for the case: Neighbour A, Officer B, Neighbour C).
 * Their full names are replaced wherever they appear as whole words, and
 * so is each part of a name (a surname on its own, "Mr Patel"), so that
 * what a resident typed in the diary does not give them away either.
 * The evidence itself is never changed: that is the resident's to redact.
 */
#define G_LOG_DOMAIN "rd-anonymise"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rd-anonymise.h"
#include "rd-party.h"

struct _RdAnonymiser
{
  GHashTable *aliases;   /* RdParty* → char* */
  GRegex     *regex;     /* every name and name part, longest first */
  GHashTable *lookup;    /* name or part → alias */
};

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

static int
longest_first (gconstpointer a,
               gconstpointer b)
{
  return (int) strlen (*(char * const *) b) - (int) strlen (*(char * const *) a);
}

/**
 * rd_anonymiser_new:
 * @parties: (element-type RdParty): the case's parties
 */
RdAnonymiser *
rd_anonymiser_new (GPtrArray *parties)
{
  RdAnonymiser *self = g_new0 (RdAnonymiser, 1);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GString) pattern = g_string_new ("\\b(?:");
  guint letter = 0;

  self->aliases = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->lookup = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; parties != NULL && i < parties->len; i++)
    {
      RdParty *party = parties->pdata[i];
      const char *name = rd_party_get_name (party);
      g_auto(GStrv) parts = NULL;
      char *alias;

      if (!rd_party_get_third_party (party) || name == NULL || *name == '\0')
        continue;
      /* Translators: an anonymised person: "Neighbour A" */
      alias = g_strdup_printf (_("%s %c"), role_noun (rd_party_get_role (party)),
                               'A' + (letter % 26));
      letter++;
      g_hash_table_insert (self->aliases, party, alias);

      if (!g_hash_table_contains (self->lookup, name))
        g_hash_table_insert (self->lookup, g_strdup (name), alias);
      parts = g_strsplit_set (name, " \t", -1);
      for (guint k = 0; parts[k] != NULL; k++)
        if (g_utf8_strlen (parts[k], -1) >= 3 && !g_hash_table_contains (self->lookup, parts[k]))
          g_hash_table_insert (self->lookup, g_strdup (parts[k]), alias);
    }

  if (g_hash_table_size (self->lookup) > 0)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->lookup);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (names, key);
      g_ptr_array_sort (names, longest_first);
      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *escaped = g_regex_escape_string (names->pdata[i], -1);
          g_string_append_printf (pattern, "%s%s", i ? "|" : "", escaped);
        }
      g_string_append (pattern, ")\\b");
      self->regex = g_regex_new (pattern->str, G_REGEX_OPTIMIZE, 0, NULL);
    }
  return self;
}

void
rd_anonymiser_free (RdAnonymiser *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->regex, g_regex_unref);
  g_hash_table_unref (self->lookup);
  g_hash_table_unref (self->aliases);
  g_free (self);
}

static gboolean
replace_cb (const GMatchInfo *info,
            GString          *result,
            gpointer          data)
{
  RdAnonymiser *self = data;
  g_autofree char *match = g_match_info_fetch (info, 0);
  const char *alias = g_hash_table_lookup (self->lookup, match);

  g_string_append (result, alias ? alias : match);
  return FALSE;
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
  if (self == NULL || self->regex == NULL)
    return g_strdup (text);
  return g_regex_replace_eval (self->regex, text, -1, 0, 0, replace_cb, self, NULL);
}

/* The alias of @party, or %NULL if it is not a third party. */
const char *
rd_anonymiser_get_alias (RdAnonymiser *self,
                         RdParty      *party)
{
  return self != NULL ? g_hash_table_lookup (self->aliases, party) : NULL;
}
