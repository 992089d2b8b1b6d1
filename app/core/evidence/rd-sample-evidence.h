/* rd-sample-evidence.h: the sample case's evidence, made when the sample is.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-store.h"

G_BEGIN_DECLS

gboolean rd_sample_evidence_add (RdStore  *store,
                                 gint64    case_id,
                                 int       shift,
                                 GError  **error);

G_END_DECLS
