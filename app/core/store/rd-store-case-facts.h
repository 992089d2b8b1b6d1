/* rd-store-case-facts.h: loading everything recorded about one case from the store.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-case-facts.h"
#include "rd-store.h"

G_BEGIN_DECLS

RdCaseFacts *rd_case_facts_load_brief (RdStore  *store,
                                      gint64    case_id,
                                      GError  **error);
RdCaseFacts *rd_case_facts_load_people (RdStore  *store,
                                       gint64    case_id,
                                       GError  **error);
RdCaseFacts *rd_case_facts_load (RdStore  *store,
                                 gint64    case_id,
                                 GError  **error);

G_END_DECLS
