/* rd-calendar-private.h: the bank-holiday table that rd-calendar-holidays.c
 * builds and rd-calendar.c counts working days over.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (RD_BASE_COMPILATION)
#error "rd-calendar-private.h belongs to app/core/base/: include rd-calendar.h instead."
#endif

#include "rd-calendar.h"

G_BEGIN_DECLS

typedef struct {
  GArray *holidays;   /* Holiday, sorted by julian, every year in range */
  GArray *weekdays;   /* guint32 julians of the holidays that fall Monday–Friday, sorted */
  guint32 first;      /* julian of 1 January RD_CALENDAR_YEAR_MIN */
  guint32 last;       /* julian of 31 December RD_CALENDAR_YEAR_MAX */
} RdCalendarTable;

const RdCalendarTable *_rd_calendar_get_table (void);

G_END_DECLS
