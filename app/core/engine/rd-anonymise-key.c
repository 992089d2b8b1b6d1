/* rd-anonymise-key.c: where the names an anonymised bundle hides are, and who its labels stand for.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evidence is not text Redress writes, so its names cannot be
 * rewritten: they are found with the same rules as rd_anonymiser_apply()
 * uses, and blacked out where they are seen. The key, the labels with the
 * names they stand for, is for the adviser only and goes in its own file.
 */
#define G_LOG_DOMAIN "rd-anonymise"

#include "config.h"

#include <string.h>

#include "rd-anonymise.h"
#include "rd-anonymise-private.h"
#include "rd-party.h"

/**
 * rd_anonymiser_find_names:
 * @self: (nullable): no anonymiser: nothing is a name
 * @text: (nullable): text to look in
 *
 * Finds the third parties' names in @text that rd_anonymiser_apply()
 * would replace (not the relationship or title before one).
 *
 * Returns: (transfer full): RdAnonSpan, in order, in bytes of @text
 */
GArray *
rd_anonymiser_find_names (RdAnonymiser *self,
                          const char   *text)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (RdAnonSpan));

  if (self != NULL && text != NULL)
    g_free (_rd_anonymise_apply (self, text, FALSE, spans));
  return spans;
}

static int
by_label (gconstpointer a,
          gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/**
 * rd_anonymiser_dup_key:
 *
 * Returns: (transfer full) (element-type utf8): "Label\tName" for each
 *   third party, in the labels' order
 */
GPtrArray *
rd_anonymiser_dup_key (RdAnonymiser *self)
{
  GPtrArray *key = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer party, alias;

  if (self == NULL)
    return key;
  g_hash_table_iter_init (&iter, self->aliases);
  while (g_hash_table_iter_next (&iter, &party, &alias))
    g_ptr_array_add (key, g_strdup_printf ("%s\t%s", (const char *) alias,
                                          rd_party_get_name (party)));
  g_ptr_array_sort (key, by_label);
  return key;
}
