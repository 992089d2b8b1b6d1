/* rd-store-archive.h: the rows a hand-over archive carries as they are
 * (incident history, evidence, links, identity, times), for archive/.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "rd-store.h"

G_BEGIN_DECLS

/* Records whose creation and change times an archive keeps. */
typedef enum {
  RD_STORE_RECORD_CASE,
  RD_STORE_RECORD_PARTY,
  RD_STORE_RECORD_INCIDENT,
  RD_STORE_RECORD_CONTACT,
  RD_STORE_RECORD_COMPLAINT,
  RD_STORE_RECORD_EVENT,
  RD_STORE_RECORD_N_KINDS
} RdStoreRecordKind;

char      *rd_store_dup_case_identity        (RdStore            *self,
                                              gint64              case_id,
                                              GError            **error);
gint64     rd_store_find_case_by_identity    (RdStore            *self,
                                              const char         *identity,
                                              char              **title,
                                              GError            **error);
gboolean   rd_store_set_case_identity        (RdStore            *self,
                                              gint64              case_id,
                                              const char         *identity,
                                              GError            **error);

gboolean   rd_store_get_record_times         (RdStore            *self,
                                              RdStoreRecordKind   kind,
                                              gint64              id,
                                              gint64             *created_at,
                                              gint64             *updated_at,
                                              GError            **error);
gboolean   rd_store_set_record_times         (RdStore            *self,
                                              RdStoreRecordKind   kind,
                                              gint64              id,
                                              gint64              created_at,
                                              gint64              updated_at,
                                              GError            **error);
gboolean   rd_store_date_incident_by_history (RdStore            *self,
                                              gint64              incident_id,
                                              GError            **error);

/* One row of the store as an archive carries it; FALSE (with @error set)
 * stops the reading. */
typedef gboolean (*RdStoreArchiveFunc) (JsonObject  *row,
                                        gpointer     user_data,
                                        GError     **error);

gboolean   rd_store_each_revision            (RdStore            *self,
                                              gint64              case_id,
                                              RdStoreArchiveFunc  func,
                                              gpointer            user_data,
                                              GError            **error);
gboolean   rd_store_each_evidence            (RdStore            *self,
                                              gint64              case_id,
                                              RdStoreArchiveFunc  func,
                                              gpointer            user_data,
                                              GError            **error);
gboolean   rd_store_each_evidence_link       (RdStore            *self,
                                              gint64              case_id,
                                              RdStoreArchiveFunc  func,
                                              gpointer            user_data,
                                              GError            **error);

gboolean   rd_store_clear_revisions          (RdStore            *self,
                                              gint64              incident_id,
                                              GError            **error);
gboolean   rd_store_restore_revision         (RdStore            *self,
                                              gint64              incident_id,
                                              JsonObject         *row,
                                              GError            **error);
gint64     rd_store_restore_evidence         (RdStore            *self,
                                              gint64              case_id,
                                              JsonObject         *row,
                                              GError            **error);
gboolean   rd_store_set_evidence_parent      (RdStore            *self,
                                              gint64              evidence_id,
                                              gint64              parent_id,
                                              GError            **error);
gboolean   rd_store_restore_evidence_link    (RdStore            *self,
                                              gint64              evidence_id,
                                              const char         *target_kind,
                                              gint64              target_id,
                                              const char         *note,
                                              gint64              created_at,
                                              GError            **error);

G_END_DECLS
