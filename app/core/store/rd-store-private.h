/* rd-store-private.h: internals shared by the rd-store-*.c files.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (RD_STORE_COMPILATION)
#error "rd-store-private.h belongs to app/core/store/: include the folder's public headers instead."
#endif

#include <sqlite3.h>

#include "rd-store.h"

G_BEGIN_DECLS

/* The store's fields, shared by rd-store.c (the object, its statements
 * and writes) and rd-store-open.c (opening and checking the file). */
struct _RdStore
{
  GObject     parent_instance;

  char       *data_dir;
  char       *path;
  sqlite3    *db;
  GHashTable *statements;  /* const char *sql → sqlite3_stmt * */
  int         schema_version;
  char       *read_only;          /* why nothing can be saved, or NULL */
  guint       transaction_depth;  /* > 1: inside a savepoint of an outer write */
  GArray     *pending_changes;    /* changes held back until the outer commit */
  RdClock    *clock;              /* dates what is written, and what may be */
  gboolean    intents_noted;      /* the write in progress recorded file intents */
  char       *open_marker;        /* removed on a clean close (rd-store-integrity.c) */
  RdStoreReadHook read_hook;      /* nullable: rd_store_set_read_hook() */
  gpointer    read_hook_data;

  /* The last delete that can be undone (rd-store-undo.c) */
  gboolean    undo_ready;         /* the journal's TEMP tables and triggers exist */
  guint       undo_token;         /* 0: nothing to undo */
  GArray     *undo_changes;       /* RdStorePendingChange: what the delete told listeners */
  char       *undo_staging;       /* a locked staging folder holding the deleted files */
  int         undo_lock_fd;
};

/* A change signal held back until the outer commit (rd-store.c). */
typedef struct {
  const char *what;
  gint64      case_id;
} RdStorePendingChange;

/* Migration N takes a database from user_version N-1 to N (rd-store-migrations.c). */
extern const char * const _rd_store_migrations[RD_STORE_SCHEMA_VERSION];

gboolean      _rd_store_find_unclean_close (const char  *database_path,
                                            GPtrArray  **stale);
char         *_rd_store_mark_open          (const char  *database_path);
gboolean      _rd_store_file_is_whole      (const char  *database_path);

sqlite3      *_rd_store_get_db        (RdStore      *self);
sqlite3_stmt *_rd_store_prepare       (RdStore      *self,
                                       const char   *sql,
                                       GError      **error);
gboolean      _rd_store_begin         (RdStore      *self,
                                       GError      **error);
gboolean      _rd_store_commit        (RdStore      *self,
                                       GError      **error);
void          _rd_store_rollback      (RdStore      *self);
gboolean      _rd_store_set_error     (RdStore      *self,
                                       int           rc,
                                       GError      **error);
gboolean      _rd_store_exec          (RdStore      *self,
                                       const char   *sql,
                                       GError      **error);
gboolean      _rd_store_step_done     (RdStore      *self,
                                       sqlite3_stmt *stmt,
                                       GError      **error);

void          _rd_store_bind_text     (sqlite3_stmt *stmt,
                                       int           index,
                                       const char   *text);
void          _rd_store_bind_datetime (sqlite3_stmt *stmt,
                                       int           index,
                                       GDateTime    *dt);
const char   *_rd_store_column_text   (sqlite3_stmt *stmt,
                                       int           column);
GDateTime    *_rd_store_column_datetime (sqlite3_stmt *stmt,
                                       int           column);
gint64        _rd_store_now           (RdStore      *self);
void          _rd_store_note_intent   (RdStore      *self);
gboolean      _rd_store_finish_intents (RdStore     *self,
                                       GError      **error);
GArray       *_rd_store_dup_pending_changes (RdStore *self);
void          _rd_store_forget_undo   (RdStore      *self);

/* rd-store-undo.c, for rd-store-undo-restore.c */
char         *_rd_store_quote_name    (const char   *name);
char         *_rd_store_join_columns  (GStrv         columns,
                                       const char   *prefix);
GStrv         _rd_store_list_columns  (RdStore      *self,
                                       const char   *table,
                                       GError      **error);
GPtrArray    *_rd_store_list_undo_tables (RdStore   *self,
                                       GError      **error);
gboolean      _rd_store_undo_is_companion (const char *table);
void          _rd_store_release_undo_staging (RdStore *self,
                                       gboolean      remove_files);
gboolean      _rd_store_forget_last_case (RdStore   *self,
                                       gint64        case_id,
                                       GError      **error);

/* rd-store-rows.c: makes one object of the row @stmt is on */
typedef gpointer (*RdStoreRowFunc) (RdStore      *self,
                                    sqlite3_stmt *stmt);

void          _rd_store_bind_date     (sqlite3_stmt *stmt,
                                       int           index,
                                       const GDate  *date);
GDate        *_rd_store_column_date   (sqlite3_stmt *stmt,
                                       int           column);
gboolean      _rd_store_run           (RdStore       *self,
                                       const char    *sql,
                                       const gint64  *params,
                                       guint          n_params,
                                       GError       **error);
gboolean      _rd_store_lookup_id     (RdStore      *self,
                                       const char   *sql,
                                       gint64        id,
                                       gint64       *out_id,
                                       GError      **error);
gboolean      _rd_store_delete_row    (RdStore      *self,
                                       const char   *sql,
                                       const char   *case_sql,
                                       const char   *what,
                                       gint64        id,
                                       GError      **error);
GPtrArray    *_rd_store_collect_rows  (RdStore         *self,
                                       sqlite3_stmt    *stmt,
                                       RdStoreRowFunc   from_row,
                                       GError         **error);
gboolean      _rd_store_each_row      (RdStore         *self,
                                       sqlite3_stmt    *stmt,
                                       RdStoreRowFunc   from_row,
                                       RdStoreEachFunc  func,
                                       gpointer         user_data,
                                       GError         **error);
GListModel   *_rd_store_list_rows     (RdStore         *self,
                                       sqlite3_stmt    *stmt,
                                       GType            item_type,
                                       RdStoreRowFunc   from_row,
                                       GError         **error);
GListModel   *_rd_store_list_rows_with (RdStore         *self,
                                        const char      *sql,
                                        gint64           id,
                                        GType            item_type,
                                        RdStoreRowFunc   from_row,
                                        GError         **error);
gboolean      _rd_store_each_row_with  (RdStore         *self,
                                        const char      *sql,
                                        gint64           id,
                                        RdStoreRowFunc   from_row,
                                        RdStoreEachFunc  func,
                                        gpointer         user_data,
                                        GError         **error);
GPtrArray    *_rd_store_read_page      (RdStore         *self,
                                        const char      *first_sql,
                                        const char      *next_sql,
                                        gint64           case_id,
                                        RdStorePageKey  *key,
                                        guint            limit,
                                        int              at_column,
                                        RdStoreRowFunc   from_row,
                                        GError         **error);
GListModel   *_rd_store_list_store_new (GType          item_type,
                                        GPtrArray     *items);
gboolean      _rd_store_get_row       (RdStore         *self,
                                       const char      *sql,
                                       gint64           id,
                                       RdStoreRowFunc   from_row,
                                       gpointer        *out_item,
                                       GError         **error);

/* rd-store-search.c: the words of a search as an FTS5 query */
char         *_rd_store_build_match   (const char   *query);

/* For the sample case only (rd-sample.c) */
gboolean      _rd_store_set_case_times     (RdStore  *self,
                                            gint64    case_id,
                                            gint64    created_at,
                                            gint64    updated_at,
                                            GError  **error);
gboolean      _rd_store_set_incident_times (RdStore  *self,
                                            gint64    incident_id,
                                            gint64    created_at,
                                            gint64    updated_at,
                                            GError  **error);
gboolean      _rd_store_set_revision_times (RdStore  *self,
                                            gint64    revision_id,
                                            gint64    written_at,
                                            gint64    last_changed_at,
                                            GError  **error);
gboolean      _rd_store_set_contact_times  (RdStore  *self,
                                            gint64    contact_id,
                                            gint64    created_at,
                                            gint64    updated_at,
                                            GError  **error);

G_END_DECLS
