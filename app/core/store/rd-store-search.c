/* rd-store-search.c: search as you type in the diary and the contact log, through their indexes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include <string.h>

#include "rd-store-private.h"
#include "rd-store-complaints.h"
#include "rd-store-search.h"

/*
 * The diary's words are in incident_text (migration 12), which triggers
 * keep in step with every write, so a search reads an index instead of
 * every entry: each word the resident typed must begin a word of the
 * entry, in any field, whatever its accents and case. A category's name
 * is not in the index (it is translated, and the index is not): a word
 * that begins a word of a category's name also finds that category's
 * entries, as it did when the list searched itself.
 *
 * The contact log's words are in contact_text the same way; a word that
 * begins a word of a channel's name ("Phone call") or of the name of the
 * party a contact was with also finds those contacts, as the row shows
 * both.
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

/* @text casefolded and without its accents, as the index reads words
 * (remove_diacritics 2), so that a label is matched as the index would. */
static char *
fold_for_search (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFD);
  g_autofree char *folded = g_utf8_casefold (decomposed ? decomposed : "", -1);
  GString *out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Whether @folded_word begins a word of @label. */
static gboolean
begins_a_word_of (const char *label,
                  const char *folded_word)
{
  g_autofree char *folded_label = fold_for_search (label);
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

/*
 * A search's query, built a word at a time: words that only the index can
 * find go to it together; a word that also names something the index does
 * not hold (a category, a channel, a person's name) gets a clause of its
 * own, "(that thing OR the index)".
 */
typedef struct {
  GString   *sql;      /* "SELECT id FROM … WHERE case_id = ?" and the clauses */
  GString   *plain;    /* the words for the index alone, as one MATCH */
  GPtrArray *binds;    /* text for the ?s after the case's */
} SearchQuery;

static void
search_query_init (SearchQuery *q,
                   const char  *select)
{
  q->sql = g_string_new (select);
  q->plain = g_string_new (NULL);
  q->binds = g_ptr_array_new_with_free_func (g_free);
}

static void
search_query_clear (SearchQuery *q)
{
  g_string_free (q->sql, TRUE);
  g_string_free (q->plain, TRUE);
  g_ptr_array_unref (q->binds);
}

/* @word must be in @index, or else meet @other (an SQL condition, its
 * texts already bound); without @other it goes to the index with the
 * other plain words. */
static void
search_query_add_word (SearchQuery *q,
                       const char  *index,
                       const char  *word,
                       const char  *other)
{
  g_autoptr(GString) one = g_string_new (NULL);

  if (other == NULL || *other == '\0')
    {
      append_match_word (q->plain, word);
      return;
    }
  append_match_word (one, word);
  g_string_append_printf (q->sql, " AND (%s OR id IN (SELECT rowid FROM %s WHERE %s MATCH ?))",
                          other, index, index);
  g_ptr_array_add (q->binds, g_string_free (g_steal_pointer (&one), FALSE));
}

/* Runs @q against @index: the ids it finds, ascending. */
static GArray *
search_query_run (SearchQuery   *q,
                  RdStore       *self,
                  const char    *index,
                  gint64         case_id,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (q->plain->len > 0)
    {
      g_string_append_printf (q->sql, " AND id IN (SELECT rowid FROM %s WHERE %s MATCH ?)",
                              index, index);
      g_ptr_array_add (q->binds, g_strdup (q->plain->str));
    }

  /* Not through the statement cache: the shape of the query depends on
   * what was typed. */
  db = _rd_store_get_db (self);
  rc = sqlite3_prepare_v2 (db, q->sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _rd_store_set_error (self, rc, error);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, case_id);
  for (guint i = 0; i < q->binds->len; i++)
    _rd_store_bind_text (stmt, i + 2, q->binds->pdata[i]);

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
  SearchQuery q;
  GArray *ids;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  search_query_init (&q, "SELECT id FROM incidents WHERE case_id = ?");
  words = split_words (query);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *folded = fold_for_search (words[i]);
      g_autoptr(GString) categories = g_string_new (NULL);

      for (RdCategory c = 0; c < RD_CATEGORY_N_CATEGORIES; c++)
        if (begins_a_word_of (rd_category_get_label (c), folded))
          {
            g_string_append (categories, categories->len ? ", ?" : "category IN (?");
            g_ptr_array_add (q.binds, g_strdup (rd_category_to_string (c)));
          }
      if (categories->len > 0)
        g_string_append_c (categories, ')');
      search_query_add_word (&q, "incident_text", words[i], categories->str);
    }
  ids = search_query_run (&q, self, "incident_text", case_id, cancellable, error);
  search_query_clear (&q);
  return ids;
}

/* For each party of the case, its name as a contact's row shows it. */
static GHashTable *
read_party_names (RdStore  *self,
                  gint64    case_id,
                  GError  **error)
{
  g_autoptr(GListModel) parties = rd_store_list_parties (self, case_id, error);
  GHashTable *names;

  if (parties == NULL)
    return NULL;
  names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
    {
      g_autoptr(RdParty) party = g_list_model_get_item (parties, i);

      g_hash_table_insert (names, g_memdup2 (&(gint64){ rd_party_get_id (party) }, sizeof (gint64)),
                           rd_party_dup_display_name (party));
    }
  return names;
}

/* "channel IN (?, ?) OR party_id IN (3, 5)" for what @folded names, or "". */
static char *
describe_contact_names (SearchQuery *q,
                        GHashTable  *party_names,
                        const char  *folded)
{
  g_autoptr(GString) channels = g_string_new (NULL);
  g_autoptr(GString) parties = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  for (RdContactChannel c = 0; c < RD_CHANNEL_N_CHANNELS; c++)
    if (begins_a_word_of (rd_contact_channel_get_label (c), folded))
      {
        g_string_append (channels, channels->len ? ", ?" : "channel IN (?");
        g_ptr_array_add (q->binds, g_strdup (rd_contact_channel_to_key (c)));
      }
  if (channels->len > 0)
    g_string_append_c (channels, ')');

  g_hash_table_iter_init (&iter, party_names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (begins_a_word_of (value, folded))
      g_string_append_printf (parties, "%s%" G_GINT64_FORMAT, parties->len ? ", " : "party_id IN (",
                              *(gint64 *) key);
  if (parties->len > 0)
    g_string_append_c (parties, ')');

  if (channels->len > 0 && parties->len > 0)
    return g_strdup_printf ("%s OR %s", channels->str, parties->str);
  return g_strdup (channels->len > 0 ? channels->str : parties->str);
}

/**
 * rd_store_search_contacts:
 * @query: what the resident typed: words, each matched as the beginning of
 *   a word of a contact (its summary, promise or person), of its channel's
 *   name, or of the name of the party it was with
 * @cancellable: (nullable): stops the query where it is
 *
 * Returns: (transfer full) (element-type gint64): the ids of the case's
 *   contacts that have every word, in ascending order; every contact when
 *   @query has no word (rd_store_search_has_words())
 */
GArray *
rd_store_search_contacts (RdStore       *self,
                          gint64         case_id,
                          const char    *query,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GHashTable) party_names = NULL;
  SearchQuery q;
  GArray *ids;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  words = split_words (query);
  if (words[0] != NULL)
    {
      /* Names are read here, not from an index: a case has a handful of
       * parties, and a party's name shows in the row of its contacts. */
      party_names = read_party_names (self, case_id, error);
      if (party_names == NULL)
        return NULL;
    }
  search_query_init (&q, "SELECT id FROM contacts WHERE case_id = ?");
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *folded = fold_for_search (words[i]);
      g_autofree char *names = describe_contact_names (&q, party_names, folded);

      search_query_add_word (&q, "contact_text", words[i], names);
    }
  ids = search_query_run (&q, self, "contact_text", case_id, cancellable, error);
  search_query_clear (&q);
  return ids;
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
