/* rd-store.h: the SQLite database that holds every case.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rd-types.h"
#include "rd-clock.h"
#include "rd-errors.h"
#include "rd-case.h"
#include "rd-incident.h"

G_BEGIN_DECLS

/* The schema version this build writes; PRAGMA user_version holds it. */
#define RD_STORE_SCHEMA_VERSION 22

#define RD_TYPE_STORE (rd_store_get_type ())
G_DECLARE_FINAL_TYPE (RdStore, rd_store, RD, STORE, GObject)

/* Called with each row's object in turn (transfer none: ref it to keep
 * it); returning FALSE with @error set stops the walk. */
typedef gboolean (*RdStoreEachFunc) (gpointer   item,
                                     gpointer   user_data,
                                     GError   **error);

/* Where a read a page at a time has got to: the stored time and id of
 * the last row read (rd_store_read_incidents_page()). Zeroed: from the
 * start. */
typedef struct
{
  char   *at;
  gint64  id;
} RdStorePageKey;

void         rd_store_page_key_clear          (RdStorePageKey *key);

/* Called with each record made from a row as it is read (transfer none). */
typedef void (*RdStoreReadHook) (GObject  *record,
                                 gpointer  user_data);

char        *rd_store_dup_default_data_dir    (void);
char        *rd_store_dup_database_path       (const char   *data_dir);
RdStore     *rd_store_open                    (const char  *data_dir,
                                               GError     **error);
RdStore     *rd_store_open_secondary          (RdStore     *self,
                                               GError     **error);
RdStore     *rd_store_open_snapshot           (RdStore     *self,
                                               GError     **error);
void         rd_store_set_read_hook           (RdStore     *self,
                                               RdStoreReadHook hook,
                                               gpointer     user_data);
const char  *rd_store_get_data_dir            (RdStore     *self);
const char  *rd_store_get_path                (RdStore     *self);
RdClock     *rd_store_get_clock               (RdStore     *self);
void         rd_store_set_clock               (RdStore     *self,
                                               RdClock     *clock);
int          rd_store_get_schema_version      (RdStore     *self);
gboolean     rd_store_is_read_only            (RdStore     *self);
const char  *rd_store_get_read_only_message   (RdStore     *self);
void         rd_store_emit_changed            (RdStore     *self,
                                               const char  *what,
                                               gint64       case_id);

/* Cases */
GListModel  *rd_store_list_cases              (RdStore     *self,
                                               GError     **error);
RdCase      *rd_store_get_case                (RdStore     *self,
                                               gint64       case_id,
                                               GError     **error);
gboolean     rd_store_save_case               (RdStore     *self,
                                               RdCase      *rcase,
                                               GError     **error);
char        *rd_store_dup_bundle_layout       (RdStore     *self,
                                               gint64       case_id,
                                               GError     **error);
gboolean     rd_store_set_bundle_layout       (RdStore     *self,
                                               gint64       case_id,
                                               const char  *layout,
                                               GError     **error);
gboolean     rd_store_delete_case             (RdStore     *self,
                                               gint64       case_id,
                                               GError     **error);
gint64       rd_store_find_sample_case        (RdStore     *self,
                                               GError     **error);

/* Incidents */
GListModel  *rd_store_list_incidents          (RdStore     *self,
                                               gint64       case_id,
                                               GError     **error);
gboolean     rd_store_foreach_incident        (RdStore     *self,
                                               gint64       case_id,
                                               RdStoreEachFunc func,
                                               gpointer     user_data,
                                               GError     **error);
GPtrArray   *rd_store_read_incidents_page     (RdStore     *self,
                                               gint64       case_id,
                                               RdStorePageKey *key,
                                               guint        limit,
                                               GError     **error);
RdIncident  *rd_store_get_incident            (RdStore     *self,
                                               gint64       incident_id,
                                               GError     **error);
gboolean     rd_store_save_incident           (RdStore     *self,
                                               RdIncident  *incident,
                                               gint64      *sitting_revision,
                                               GError     **error);
gboolean     rd_store_get_last_category       (RdStore     *self,
                                               gint64       case_id,
                                               RdCategory  *out_category,
                                               GError     **error);
gboolean     rd_store_delete_incident         (RdStore     *self,
                                               gint64       incident_id,
                                               GError     **error);
GListModel  *rd_store_list_incident_revisions (RdStore     *self,
                                               gint64       incident_id,
                                               GError     **error);

/* One write made of several (and of moving files), for the layers above */
gboolean     rd_store_begin                   (RdStore      *self,
                                               GError      **error);
gboolean     rd_store_commit                  (RdStore      *self,
                                               GError      **error);
void         rd_store_rollback                (RdStore      *self);

G_END_DECLS
