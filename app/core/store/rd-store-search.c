/* rd-store-search.c: search as you type in the diary, through its full-text index.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include "rd-store-private.h"
#include "rd-store-search.h"

/*
 * The diary's words are in incident_text (migration 12), which triggers
 * keep in step with every write, so a search reads an index instead of
 * every entry: each word the resident typed must begin a word of the
 * entry, in any field, whatever its accents and case. A category's name
 * is not in the index (it is translated, and the index is not): a word
 * that begins a word of a category's name also finds that category's
 * entries, as it did when the list searched itself.
 */

static gboolean
word_has_letters (const char *word)
{
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* The words of @query that can match anything: FTS drops punctuation, so a
 * "word" of punctuation alone would match nothing and empty the list. */
static GStrv
split_words (const char *query)
{
  g_auto(GStrv) words = g_strsplit_set (query ? query : "", " \t\n\r", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();

  for (guint i = 0; words[i] != NULL; i++)
    if (word_has_letters (words[i]))
      g_strv_builder_add (kept, words[i]);
  return g_strv_builder_end (kept);
}

/**
 * rd_store_search_has_words:
 *
 * Returns: whether @query has a word a search can look for; a query
 *   without one (empty, spaces, punctuation) matches every entry
 */
gboolean
rd_store_search_has_words (const char *query)
{
  g_auto(GStrv) words = split_words (query);

  return words[0] != NULL;
}

/* One word as an FTS5 prefix query: quoted, so that no character of it is
 * an FTS operator, and starred, so that a word being typed already finds. */
static void
append_match_word (GString    *match,
                   const char *word)
{
  if (match->len > 0)
    g_string_append_c (match, ' ');
  g_string_append_c (match, '"');
  for (const char *p = word; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (match, '"');
      g_string_append_c (match, *p);
    }
  g_string_append (match, "\"*");
}

/*
 * What a resident typed, as an FTS5 query that matches every word as the
 * beginning of a word: the diary's search and the evidence search
 * (rd-store-evidence.c) read words the same way. Empty when @query has no
 * word (rd_store_search_has_words()).
 */
char *
_rd_store_build_match (const char *query)
{
  g_auto(GStrv) words = split_words (query);
  GString *match = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    append_match_word (match, words[i]);
  return g_string_free (match, FALSE);
}

/* Whether @folded_word begins a word of @folded_label. */
static gboolean
begins_a_word_of (const char *folded_label,
                  const char *folded_word)
{
  gboolean at_start = TRUE;

  for (const char *p = folded_label; *p; p = g_utf8_next_char (p))
    {
      if (at_start && g_str_has_prefix (p, folded_word))
        return TRUE;
      at_start = !g_unichar_isalnum (g_utf8_get_char (p));
    }
  return FALSE;
}

static int
on_progress_cb (void *data)
{
  return g_cancellable_is_cancelled (data) ? 1 : 0;
}

static gint
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/**
 * rd_store_search_incidents:
 * @query: what the resident typed: words, each matched as the beginning of
 *   a word of an entry (its description, impact, place, people, witnesses,
 *   reference or repair priority) or of its category's name
 * @cancellable: (nullable): stops the query where it is
 *
 * Returns: (transfer full) (element-type gint64): the ids of the case's
 *   entries that have every word, in ascending order; every entry when
 *   @query has no word (rd_store_search_has_words())
 */
GArray *
rd_store_search_incidents (RdStore       *self,
                           gint64         case_id,
                           const char    *query,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) sql = g_string_new ("SELECT id FROM incidents WHERE case_id = ?");
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autoptr(GPtrArray) binds = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  words = split_words (query);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_casefold (words[i], -1);
      g_autoptr(GString) categories = g_string_new (NULL);

      for (RdCategory c = 0; c < RD_CATEGORY_N_CATEGORIES; c++)
        {
          g_autofree char *label = g_utf8_casefold (rd_category_get_label (c), -1);

          if (begins_a_word_of (label, folded))
            {
              g_string_append (categories, categories->len ? ", ?" : "?");
              g_ptr_array_add (binds, g_strdup (rd_category_to_string (c)));
            }
        }
      if (categories->len == 0)
        {
          /* Words that name no category go to the index together. */
          append_match_word (plain, words[i]);
          continue;
        }
      {
        g_autoptr(GString) one = g_string_new (NULL);

        append_match_word (one, words[i]);
        g_string_append_printf (sql, " AND (category IN (%s) OR id IN"
                                " (SELECT rowid FROM incident_text WHERE incident_text MATCH ?))",
                                categories->str);
        g_ptr_array_add (binds, g_string_free (g_steal_pointer (&one), FALSE));
      }
    }
  if (plain->len > 0)
    {
      g_string_append (sql, " AND id IN (SELECT rowid FROM incident_text WHERE incident_text MATCH ?)");
      g_ptr_array_add (binds, g_strdup (plain->str));
    }

  /* Not through the statement cache: the shape of the query depends on
   * what was typed. */
  db = _rd_store_get_db (self);
  rc = sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _rd_store_set_error (self, rc, error);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, case_id);
  for (guint i = 0; i < binds->len; i++)
    _rd_store_bind_text (stmt, i + 2, binds->pdata[i]);

  /* A search overtaken by the next keystroke stops where it is. */
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 1000, on_progress_cb, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_progress_handler (db, 0, NULL, NULL);
  sqlite3_finalize (stmt);

  if (rc == SQLITE_INTERRUPT && g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (rc != SQLITE_DONE)
    {
      _rd_store_set_error (self, rc, error);
      return NULL;
    }
  g_array_sort (ids, compare_ids);
  return g_steal_pointer (&ids);
}

/**
 * rd_store_check_search_index:
 *
 * Asks FTS5 whether the diary's and the contact log's indexes hold exactly
 * the words of the rows they index, as the triggers should keep them.
 *
 * Returns: %TRUE if they do; otherwise %FALSE with @error set
 */
gboolean
rd_store_check_search_index (RdStore  *self,
                             GError  **error)
{
  static const char * const checks[] = {
    "INSERT INTO incident_text (incident_text, rank) VALUES ('integrity-check', 1)",
    "INSERT INTO contact_text (contact_text, rank) VALUES ('integrity-check', 1)",
  };

  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      int rc = sqlite3_exec (_rd_store_get_db (self), checks[i], NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        return _rd_store_set_error (self, rc, error);
    }
  return TRUE;
}
