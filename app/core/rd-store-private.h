/* rd-store-private.h: internals shared by the rd-store-*.c files.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "rd-store.h"

G_BEGIN_DECLS

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
gint64        _rd_store_now           (void);

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
