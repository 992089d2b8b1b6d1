/* rd-coverage.h: whether Awaab's Law covers a home, from its tenancy, and what a private renter has instead.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-case.h"

G_BEGIN_DECLS

typedef enum {
  RD_COVERAGE_COVERED,
  RD_COVERAGE_NOT_COVERED,
  RD_COVERAGE_ASK,          /* it depends on who the landlord is: the resident must check */
} RdCoverage;

RdCoverage  rd_tenancy_awaab_coverage    (RdTenancyType  type,
                                          const char   **reason);
const char *rd_tenancy_private_rules     (RdTenancyType  type);

G_END_DECLS
