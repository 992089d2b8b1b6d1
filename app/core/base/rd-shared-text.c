/* rd-shared-text.c: one copy of a text said many times, shared by reference.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is worked out from a long case (What Next's deadlines, the
 * timeline's items) repeats a few sentences tens of thousands of times:
 * "Your landlord's own policy", "Done in time", "Due by Friday 21 February
 * 2025". Kept as they are made, each is a copy. Put through one table of
 * texts, each becomes a GRefString, the same one for the same words, and
 * goes when the last of its holders lets go. The table is a worker's own
 * while it makes them, not a process-wide one: GLib 2.74's interned
 * GRefStrings can be freed by one thread as another takes them again.
 */
#define G_LOG_DOMAIN "rd-shared-text"

#include "config.h"

#include "rd-shared-text.h"

/**
 * rd_shared_texts_new:
 *
 * Returns: (transfer full): an empty table of texts for
 *   rd_shared_texts_take(); it holds no reference to them, so free it
 *   once the texts are made, before their holders let go of them
 */
GHashTable *
rd_shared_texts_new (void)
{
  return g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * rd_shared_texts_take:
 * @texts: a table from rd_shared_texts_new()
 * @text: (transfer full) (nullable): a text from g_malloc()
 *
 * Returns: (transfer full) (nullable): @text as a GRefString, the one
 *   @texts has for the same words if it has one (free it with
 *   g_ref_string_release()); %NULL for %NULL
 */
char *
rd_shared_texts_take (GHashTable *texts,
                      char       *text)
{
  char *same;

  g_return_val_if_fail (texts != NULL, text);

  if (text == NULL)
    return NULL;
  same = g_hash_table_lookup (texts, text);
  if (same != NULL)
    same = g_ref_string_acquire (same);
  else
    {
      same = g_ref_string_new (text);
      g_hash_table_add (texts, same);
    }
  g_free (text);
  return same;
}
