/* rd-store-policies.h: landlords' policy profiles in the store, and the one each case follows.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-store.h"
#include "rd-policy.h"

G_BEGIN_DECLS

/* Landlords' profiles */
GListModel       *rd_store_list_policies         (RdStore      *self,
                                                  GError      **error);
RdPolicy         *rd_store_get_policy            (RdStore      *self,
                                                  gint64        policy_id,
                                                  GError      **error);
gboolean          rd_store_save_policy           (RdStore      *self,
                                                  RdPolicy     *policy,
                                                  GError      **error);
gboolean          rd_store_delete_policy         (RdStore      *self,
                                                  gint64        policy_id,
                                                  GError      **error);

/* The profile a case follows */
gboolean          rd_store_get_case_policy_id    (RdStore      *self,
                                                  gint64        case_id,
                                                  gint64       *policy_id,
                                                  GError      **error);
gboolean          rd_store_set_case_policy       (RdStore      *self,
                                                  gint64        case_id,
                                                  gint64        policy_id,
                                                  GError      **error);
RdPolicy         *rd_store_get_case_policy       (RdStore      *self,
                                                  gint64        case_id,
                                                  GError      **error);
gboolean          rd_store_adopt_case_policy     (RdStore      *self,
                                                  gint64        case_id,
                                                  RdPolicy     *policy,
                                                  GError      **error);

G_END_DECLS
