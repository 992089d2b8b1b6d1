/* rd-store-values.c: where a data folder keeps its case file, and how
 * values go into and come out of SQLite statements.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include "rd-datetime.h"
#include "rd-store-private.h"

/**
 * rd_store_dup_default_data_dir:
 *
 * Returns: (transfer full): $XDG_DATA_HOME/redress
 */
char *
rd_store_dup_default_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "redress", NULL);
}

/**
 * rd_store_dup_database_path:
 * @data_dir: (nullable): a data folder, or %NULL for the usual one
 *
 * Returns: (transfer full): where the case file of @data_dir is, whether or
 *   not it exists yet
 */
char *
rd_store_dup_database_path (const char *data_dir)
{
  g_autofree char *default_dir = NULL;

  if (data_dir == NULL)
    data_dir = default_dir = rd_store_dup_default_data_dir ();
  return g_build_filename (data_dir, "redress.db", NULL);
}

void
_rd_store_bind_text (sqlite3_stmt *stmt,
                     int           index,
                     const char   *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
}

void
_rd_store_bind_datetime (sqlite3_stmt *stmt,
                         int           index,
                         GDateTime    *dt)
{
  if (dt == NULL)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  sqlite3_bind_text (stmt, index, g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S"), -1, g_free);
}

const char *
_rd_store_column_text (sqlite3_stmt *stmt,
                       int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text ? text : "";
}

GDateTime *
_rd_store_column_datetime (sqlite3_stmt *stmt,
                           int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  g_autoptr(GError) error = NULL;
  GDateTime *dt;

  if (text == NULL || *text == '\0')
    return NULL;
  dt = rd_datetime_parse_stored (text, &error);
  if (dt == NULL)
    g_warning ("Stored time “%s” cannot be read: %s", text, error->message);
  return dt;
}

gint64
_rd_store_now (RdStore *self)
{
  return rd_clock_get_unix (rd_store_get_clock (self));
}
