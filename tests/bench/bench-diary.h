/* bench-diary.h: a large diary for the benchmarks.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-core.h"

G_BEGIN_DECLS

RdCase *bench_fill_diary (RdStore   *store,
                          GDateTime *first,
                          guint      n);

G_END_DECLS
