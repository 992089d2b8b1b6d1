/* rd-store-advisers.h: what an adviser with many clients on one shared
 * computer needs from the store: settings of the data folder (the lock),
 * erasing a client without trace, and the case list with its adviser
 * facts (client number, archive, consent, authority to act).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rd-store.h"
#include "rd-case-admin.h"
#include "rd-case-entry.h"

G_BEGIN_DECLS

/* Settings kept in the database, so they travel with the data folder. */
char      *rd_store_dup_setting             (RdStore     *self,
                                             const char  *key,
                                             GError     **error);
gboolean   rd_store_set_setting             (RdStore     *self,
                                             const char  *key,
                                             const char  *value,
                                             GError     **error);

/* The lock: an optional passphrase (only its Argon2id hash is kept, see
 * rd-passphrase.h) and the idle time after which the window locks itself. */
char      *rd_store_dup_lock_hash           (RdStore     *self);
gboolean   rd_store_set_lock_hash           (RdStore     *self,
                                             const char  *hash,
                                             GError     **error);
gboolean   rd_store_get_adviser_mode        (RdStore     *self);
gboolean   rd_store_set_adviser_mode        (RdStore     *self,
                                             gboolean     adviser,
                                             GError     **error);
guint      rd_store_get_lock_idle_minutes   (RdStore     *self);
gboolean   rd_store_set_lock_idle_minutes   (RdStore     *self,
                                             guint        minutes,
                                             GError     **error);

/* The case open last time in this data folder, and the one to open now */
gint64     rd_store_get_last_case_id        (RdStore     *self);
gboolean   rd_store_set_last_case_id        (RdStore     *self,
                                             gint64       case_id,
                                             GError     **error);
gint64     rd_store_find_case_to_reopen     (RdStore     *self,
                                             GError     **error);

/* Erasing a client */
typedef struct {
  guint incidents;
  guint revisions;
  guint parties;
  guint contacts;
  guint complaints;
  guint evidence;        /* evidence records of the case */
  guint evidence_files;  /* files that go: those no other case holds */
} RdEraseSummary;

gboolean   rd_store_summarise_case          (RdStore        *self,
                                             gint64          case_id,
                                             RdEraseSummary *summary,
                                             GError        **error);
char      *rd_erase_summary_describe        (const RdEraseSummary *summary);
gboolean   rd_store_erase_case              (RdStore        *self,
                                             gint64          case_id,
                                             GError        **error);

/* The adviser's record of each client, and the case list */
GArray      *rd_store_list_archived_case_ids (RdStore       *self,
                                             GError        **error);
RdCaseAdmin *rd_store_get_case_admin        (RdStore        *self,
                                             gint64          case_id,
                                             GError        **error);
gboolean     rd_store_save_case_admin       (RdStore        *self,
                                             RdCaseAdmin    *admin,
                                             GError        **error);
gboolean     rd_store_set_case_archived     (RdStore        *self,
                                             gint64          case_id,
                                             gboolean        archived,
                                             GError        **error);
GListModel  *rd_store_list_case_entries     (RdStore        *self,
                                             GError        **error);

G_END_DECLS
