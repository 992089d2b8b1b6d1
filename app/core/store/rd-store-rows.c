/* rd-store-rows.c: running statements and turning rows into objects, for every rd-store-*.c.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include "rd-datetime.h"
#include "rd-store-private.h"

/* A day is stored as ISO 8601 text ("2024-11-18"), an unset one as NULL. */
void
_rd_store_bind_date (sqlite3_stmt *stmt,
                     int           index,
                     const GDate  *date)
{
  if (date == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, rd_date_to_iso (date), -1, g_free);
}

/* NULL for an unset day, and for one that cannot be read (with a warning). */
GDate *
_rd_store_column_date (sqlite3_stmt *stmt,
                       int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  g_autoptr(GError) error = NULL;
  GDate *date;

  if (text == NULL || *text == '\0')
    return NULL;
  date = rd_date_parse_iso (text, &error);
  if (date == NULL)
    g_warning ("Stored date “%s” cannot be read: %s", text, error->message);
  return date;
}

/* Runs @sql, a statement that returns nothing, with @params bound as ?1, ?2, … */
gboolean
_rd_store_run (RdStore       *self,
               const char    *sql,
               const gint64  *params,
               guint          n_params,
               GError       **error)
{
  sqlite3_stmt *stmt = _rd_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_params; i++)
    sqlite3_bind_int64 (stmt, i + 1, params[i]);
  return _rd_store_step_done (self, stmt, error);
}

/*
 * Runs @sql, a SELECT of one number with @id as ?1: which case or complaint
 * a row belongs to, typically. *@out_id is 0 when there is no such row.
 */
gboolean
_rd_store_lookup_id (RdStore     *self,
                     const char  *sql,
                     gint64       id,
                     gint64      *out_id,
                     GError     **error)
{
  sqlite3_stmt *stmt = _rd_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  *out_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _rd_store_set_error (self, rc, error);
  return TRUE;
}

/*
 * Deletes row @id with @sql in a transaction. @case_sql finds the case the
 * row belongs to first, so that RdStore::changed can say @what changed where.
 */
gboolean
_rd_store_delete_row (RdStore     *self,
                      const char  *sql,
                      const char  *case_sql,
                      const char  *what,
                      gint64       id,
                      GError     **error)
{
  gint64 case_id = 0;

  if (!_rd_store_begin (self, error))
    return FALSE;
  if (!_rd_store_lookup_id (self, case_sql, id, &case_id, error) ||
      !_rd_store_run (self, sql, &id, 1, error))
    {
      _rd_store_rollback (self);
      return FALSE;
    }
  if (!_rd_store_commit (self, error))
    return FALSE;
  if (case_id != 0)
    rd_store_emit_changed (self, what, case_id);
  return TRUE;
}

/**
 * rd_store_set_read_hook:
 * @hook: (nullable): called on the thread that reads, with each record
 *   of a list read through @self (a case's diary, contacts, parties…),
 *   or through a connection opened from it afterwards
 *   (rd_store_open_secondary(), rd_store_open_snapshot())
 *
 * For tests that follow what is read and how long it is kept: a long
 * diary must never be held whole where a page at a time will do.
 */
void
rd_store_set_read_hook (RdStore         *self,
                        RdStoreReadHook  hook,
                        gpointer         user_data)
{
  g_return_if_fail (RD_IS_STORE (self));

  self->read_hook = hook;
  self->read_hook_data = user_data;
}

/* The object of the row @stmt is on, told to the read hook: for the
 * lists of a case's records, which are all objects. */
static gpointer
row_object (RdStore        *self,
            sqlite3_stmt   *stmt,
            RdStoreRowFunc  from_row)
{
  gpointer item = from_row (self, stmt);

  if (self->read_hook != NULL)
    self->read_hook (item, self->read_hook_data);
  return item;
}

/* Steps @stmt (prepared and bound) to its end: one object a row, in order. */
GPtrArray *
_rd_store_collect_rows (RdStore         *self,
                        sqlite3_stmt    *stmt,
                        RdStoreRowFunc   from_row,
                        GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, row_object (self, stmt, from_row));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/* Steps @stmt (prepared and bound) to its end, handing each row's object
 * to @func and dropping it again, so that a walk over a long diary holds
 * one row at a time, not the list. */
gboolean
_rd_store_each_row (RdStore          *self,
                    sqlite3_stmt     *stmt,
                    RdStoreRowFunc    from_row,
                    RdStoreEachFunc   func,
                    gpointer          user_data,
                    GError          **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GObject) item = row_object (self, stmt, from_row);

      if (!func (item, user_data, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _rd_store_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* The same as a #GListStore of @item_type. */
GListModel *
_rd_store_list_rows (RdStore         *self,
                     sqlite3_stmt    *stmt,
                     GType            item_type,
                     RdStoreRowFunc   from_row,
                     GError         **error)
{
  g_autoptr(GPtrArray) items = _rd_store_collect_rows (self, stmt, from_row, error);

  if (items == NULL)
    return NULL;
  return _rd_store_list_store_new (item_type, items);
}

/* Prepares @sql, binds @id to its ?1 (the case, complaint … whose rows
 * are wanted), and reads the rows as _rd_store_list_rows() does: the
 * shape of every "list the X of a case" in the store. */
GListModel *
_rd_store_list_rows_with (RdStore         *self,
                          const char      *sql,
                          gint64           id,
                          GType            item_type,
                          RdStoreRowFunc   from_row,
                          GError         **error)
{
  sqlite3_stmt *stmt = _rd_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return _rd_store_list_rows (self, stmt, item_type, from_row, error);
}

/* The same, handing the rows one at a time to @func (_rd_store_each_row()). */
gboolean
_rd_store_each_row_with (RdStore          *self,
                         const char       *sql,
                         gint64            id,
                         RdStoreRowFunc    from_row,
                         RdStoreEachFunc   func,
                         gpointer          user_data,
                         GError          **error)
{
  sqlite3_stmt *stmt = _rd_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _rd_store_each_row (self, stmt, from_row, func, user_data, error);
}

/**
 * rd_store_page_key_clear:
 *
 * Lets go of what @key holds and sets it back to the start.
 */
void
rd_store_page_key_clear (RdStorePageKey *key)
{
  g_return_if_fail (key != NULL);

  g_clear_pointer (&key->at, g_free);
  key->id = 0;
}

/*
 * Up to @limit rows of a case's records in (time, id) order, from the
 * first (@first_sql: ?1 the case, ?4 the limit) or after @key
 * (@next_sql: ?2 and ?3 the time and id of @key), as @from_row makes
 * them; @key then names the last row read. Column 0 is the id, @at_column
 * the stored time. An empty array: nothing more. Keyset, not OFFSET, so
 * each page is found through the case's (time) index, however far in.
 */
GPtrArray *
_rd_store_read_page (RdStore         *self,
                     const char      *first_sql,
                     const char      *next_sql,
                     gint64           case_id,
                     RdStorePageKey  *key,
                     guint            limit,
                     int              at_column,
                     RdStoreRowFunc   from_row,
                     GError         **error)
{
  sqlite3_stmt *stmt = _rd_store_prepare (self, key->at == NULL ? first_sql : next_sql, error);
  g_autoptr(GPtrArray) rows = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  rows = g_ptr_array_new_full (limit, g_object_unref);
  sqlite3_bind_int64 (stmt, 1, case_id);
  if (key->at != NULL)
    {
      sqlite3_bind_text (stmt, 2, key->at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, key->id);
    }
  sqlite3_bind_int64 (stmt, 4, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (rows, row_object (self, stmt, from_row));
      g_free (key->at);
      key->at = g_strdup ((const char *) sqlite3_column_text (stmt, at_column));
      key->id = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _rd_store_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* A #GListStore of @item_type holding @items, in order. */
GListModel *
_rd_store_list_store_new (GType      item_type,
                          GPtrArray *items)
{
  GListStore *list = g_list_store_new (item_type);

  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (list);
}

/*
 * Reads the row @sql selects with @id as ?1: TRUE with *@out_item the object
 * @from_row makes of it, or %NULL when there is no such row (the caller says
 * what was not found); FALSE with @error set when the database fails.
 */
gboolean
_rd_store_get_row (RdStore         *self,
                   const char      *sql,
                   gint64           id,
                   RdStoreRowFunc   from_row,
                   gpointer        *out_item,
                   GError         **error)
{
  sqlite3_stmt *stmt = _rd_store_prepare (self, sql, error);
  int rc;

  *out_item = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_item = from_row (self, stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _rd_store_set_error (self, rc, error);
  return TRUE;
}
