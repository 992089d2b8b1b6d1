/* rd-sample.h: the made-up case a new resident can open to see how Redress works.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-store.h"

G_BEGIN_DECLS

gint64 rd_sample_ensure      (RdStore      *store,
                              GError      **error);
gint64 rd_sample_ensure_for  (RdStore      *store,
                              const GDate  *today,
                              GError      **error);
int    rd_sample_shift_days  (const GDate  *today);

G_END_DECLS
