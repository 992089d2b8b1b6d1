/* rd-diary-item.c: what the diary list keeps of one entry, to show its row.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-diary-item"

#include "config.h"

#include "rd-diary-item.h"

/*
 * The diary list holds one of these per entry, not the entry itself: a
 * diary of 100,000 entries with their descriptions, impacts, people and
 * steps took about 100 MB on the main thread, for a list that shows a
 * date, a category, the first words and a few badges of the thirty rows
 * in view. The whole entry is read from the store when it is opened.
 */

/* More than two lines of the widest row: the rest would be ellipsized. */
#define SUMMARY_CHARS 160
#define NO_START      G_MININT64

struct _RdDiaryItem
{
  GObject  parent_instance;

  gint64   id;
  gint64   starts;          /* Unix time; NO_START when not known */
  char    *summary;         /* the description's first line, shortened */
  char    *reference;       /* NULL: none */
  guint16  category;
  guint16  reported_to;
  guint    untitled : 1;
};

G_DEFINE_FINAL_TYPE (RdDiaryItem, rd_diary_item, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_short_summary (RdIncident *incident)
{
  g_autofree char *line = rd_incident_dup_summary (incident);
  const char *end = line;
  guint n = 0;

  while (*end != '\0' && n < SUMMARY_CHARS)
    {
      end = g_utf8_next_char (end);
      n++;
    }
  if (*end == '\0')
    return g_steal_pointer (&line);
  return g_strdup_printf ("%.*s…", (int) (end - line), line);
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Sets the fields; TRUE if any was different. */
static gboolean
copy_fields (RdDiaryItem *self,
             gint64       id,
             gint64       starts,
             RdCategory   category,
             RdReportedTo reported_to,
             gboolean     untitled,
             const char  *summary,
             const char  *reference)
{
  gboolean changed = FALSE;

  if (reference != NULL && *reference == '\0')
    reference = NULL;
  changed |= set_string (&self->summary, summary);
  changed |= set_string (&self->reference, reference);
  changed |= self->id != id || self->starts != starts || self->category != category ||
             self->reported_to != reported_to || self->untitled != !!untitled;
  self->id = id;
  self->starts = starts;
  self->category = category;
  self->reported_to = reported_to;
  self->untitled = !!untitled;
  return changed;
}

static void
rd_diary_item_finalize (GObject *object)
{
  RdDiaryItem *self = RD_DIARY_ITEM (object);

  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->reference, g_free);

  G_OBJECT_CLASS (rd_diary_item_parent_class)->finalize (object);
}

static void
rd_diary_item_class_init (RdDiaryItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rd_diary_item_finalize;

  /**
   * RdDiaryItem::changed:
   *
   * Something the row shows is different.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rd_diary_item_init (RdDiaryItem *self)
{
  self->starts = NO_START;
}

/**
 * rd_diary_item_new:
 *
 * Returns: (transfer full): what the list shows of @incident
 */
RdDiaryItem *
rd_diary_item_new (RdIncident *incident)
{
  RdDiaryItem *self = g_object_new (RD_TYPE_DIARY_ITEM, NULL);

  rd_diary_item_update (self, incident);
  return self;
}

/**
 * rd_diary_item_update:
 *
 * Takes what the row shows from @incident, emitting #RdDiaryItem::changed
 * if any of it is different.
 *
 * Returns: whether anything was different
 */
gboolean
rd_diary_item_update (RdDiaryItem *self,
                      RdIncident  *incident)
{
  GDateTime *starts_at;
  g_autofree char *summary = NULL;
  gboolean changed;

  g_return_val_if_fail (RD_IS_DIARY_ITEM (self), FALSE);
  g_return_val_if_fail (RD_IS_INCIDENT (incident), FALSE);

  starts_at = rd_incident_get_starts_at (incident);
  summary = dup_short_summary (incident);
  changed = copy_fields (self, rd_incident_get_id (incident),
                         starts_at != NULL ? g_date_time_to_unix (starts_at) : NO_START,
                         rd_incident_get_category (incident), rd_incident_get_reported_to (incident),
                         rd_incident_get_description (incident)[0] == '\0', summary,
                         rd_incident_get_reference (incident));
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
  return changed;
}

/**
 * rd_diary_item_update_from_item:
 *
 * The same as rd_diary_item_update(), from another item (read again from
 * the store).
 */
gboolean
rd_diary_item_update_from_item (RdDiaryItem *self,
                                RdDiaryItem *other)
{
  gboolean changed;

  g_return_val_if_fail (RD_IS_DIARY_ITEM (self), FALSE);
  g_return_val_if_fail (RD_IS_DIARY_ITEM (other), FALSE);

  changed = copy_fields (self, other->id, other->starts, other->category, other->reported_to,
                         other->untitled, other->summary, other->reference);
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
  return changed;
}

gint64
rd_diary_item_get_id (RdDiaryItem *self)
{
  g_return_val_if_fail (RD_IS_DIARY_ITEM (self), 0);

  return self->id;
}

/* The start as Unix time, G_MININT64 if not known. */
gint64
rd_diary_item_get_starts (RdDiaryItem *self)
{
  g_return_val_if_fail (RD_IS_DIARY_ITEM (self), NO_START);

  return self->starts;
}

/**
 * rd_diary_item_dup_starts_at:
 *
 * Returns: (transfer full) (nullable): when the entry started, local time
 */
GDateTime *
rd_diary_item_dup_starts_at (RdDiaryItem *self)
{
  g_return_val_if_fail (RD_IS_DIARY_ITEM (self), NULL);

  if (self->starts == NO_START)
    return NULL;
  return rd_datetime_new_from_unix_local (self->starts);
}

RdCategory
rd_diary_item_get_category (RdDiaryItem *self)
{
  g_return_val_if_fail (RD_IS_DIARY_ITEM (self), 0);

  return self->category;
}

RdReportedTo
rd_diary_item_get_reported_to (RdDiaryItem *self)
{
  g_return_val_if_fail (RD_IS_DIARY_ITEM (self), 0);

  return self->reported_to;
}

/* The description's first line (shortened), or words saying there is none. */
const char *
rd_diary_item_get_summary (RdDiaryItem *self)
{
  g_return_val_if_fail (RD_IS_DIARY_ITEM (self), NULL);

  return self->summary;
}

gboolean
rd_diary_item_is_untitled (RdDiaryItem *self)
{
  g_return_val_if_fail (RD_IS_DIARY_ITEM (self), FALSE);

  return self->untitled;
}

/* The police or council reference, "" when there is none. */
const char *
rd_diary_item_get_reference (RdDiaryItem *self)
{
  g_return_val_if_fail (RD_IS_DIARY_ITEM (self), NULL);

  return self->reference != NULL ? self->reference : "";
}

/**
 * rd_diary_item_compare:
 *
 * The diary's order: newest first, entries without a start last, and at
 * the same time one not written yet (id 0) above the others, then the
 * later id first.
 */
int
rd_diary_item_compare (RdDiaryItem *a,
                       RdDiaryItem *b)
{
  g_return_val_if_fail (RD_IS_DIARY_ITEM (a), 0);
  g_return_val_if_fail (RD_IS_DIARY_ITEM (b), 0);

  if (a->starts != b->starts)
    return a->starts > b->starts ? -1 : 1;
  if (a->id == 0 || b->id == 0)
    return (a->id == 0) ? ((b->id == 0) ? 0 : -1) : 1;
  return (a->id < b->id) - (a->id > b->id);
}

static gboolean
add_item_cb (gpointer   incident,
             gpointer   user_data,
             GError   **error)
{
  g_ptr_array_add (user_data, rd_diary_item_new (incident));
  return TRUE;
}

/**
 * rd_diary_item_list_read:
 *
 * What the list shows of each entry of the case, read one entry at a
 * time, so that the whole diary is never in memory at once.
 *
 * Returns: (transfer full) (element-type RdDiaryItem): the items, or %NULL
 *   with @error set
 */
GPtrArray *
rd_diary_item_list_read (RdStore  *store,
                         gint64    case_id,
                         GError  **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (RD_IS_STORE (store), NULL);

  items = g_ptr_array_new_with_free_func (g_object_unref);

  if (!rd_store_foreach_incident (store, case_id, add_item_cb, items, error))
    return NULL;
  return g_steal_pointer (&items);
}

/* Removes the items at @positions (in ascending order), a run at a time. */
static void
remove_positions (GListStore *store,
                  GArray     *positions)
{
  guint k = positions->len;

  while (k > 0)
    {
      guint last = g_array_index (positions, guint, k - 1);
      guint first = last;

      for (k--; k > 0 && g_array_index (positions, guint, k - 1) == first - 1; k--)
        first--;
      g_list_store_splice (store, first, last - first + 1, NULL, 0);
    }
}

/**
 * rd_diary_item_list_merge:
 * @items: a #GListStore of #RdDiaryItem
 * @fresh: (element-type RdDiaryItem): the items just read
 *
 * Makes @items hold what @fresh does. An item whose entry is still there,
 * at the same time, takes what is new in it and stays, so a list view
 * keeps its row (which redraws only if something it shows changed); only
 * the entries that came, went or moved change the list. Entries not
 * written yet (id 0) stay.
 */
void
rd_diary_item_list_merge (GListStore *items,
                          GPtrArray  *fresh)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  g_autofree gint64 *ids = NULL;

  g_return_if_fail (G_IS_LIST_STORE (items));
  g_return_if_fail (fresh != NULL);

  ids = g_new (gint64, MAX (fresh->len, 1));

  for (guint i = 0; i < fresh->len; i++)
    {
      ids[i] = rd_diary_item_get_id (fresh->pdata[i]);
      g_hash_table_insert (by_id, &ids[i], fresh->pdata[i]);
    }
  for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (items)); i < n; i++)
    {
      g_autoptr(RdDiaryItem) item = g_list_model_get_item (G_LIST_MODEL (items), i);
      gint64 id = rd_diary_item_get_id (item);
      RdDiaryItem *read;

      if (id == 0)
        continue;
      read = g_hash_table_lookup (by_id, &id);
      if (read != NULL && rd_diary_item_get_starts (read) == rd_diary_item_get_starts (item))
        {
          rd_diary_item_update_from_item (item, read);
          g_hash_table_remove (by_id, &id);
        }
      else
        g_array_append_val (gone, i);
    }
  for (guint i = 0; i < fresh->len; i++)
    if (g_hash_table_contains (by_id, &ids[i]))
      g_ptr_array_add (added, fresh->pdata[i]);

  remove_positions (items, gone);
  g_list_store_splice (items, g_list_model_get_n_items (G_LIST_MODEL (items)), 0,
                       added->pdata, added->len);
}
