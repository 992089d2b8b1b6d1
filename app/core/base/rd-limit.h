/* rd-limit.h: time limits a policy sets ("10 working days", "24 hours") and when they end.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rd-calendar.h"

G_BEGIN_DECLS

/* Stored by key in policy profiles: never renumber, add at the end. */
typedef enum {
  RD_TIME_UNIT_WORKING_DAYS,
  RD_TIME_UNIT_CALENDAR_DAYS,
  RD_TIME_UNIT_WEEKS,
  RD_TIME_UNIT_MONTHS,
  RD_TIME_UNIT_WORKING_HOURS,
  RD_TIME_UNIT_HOURS,
  RD_TIME_UNIT_N_UNITS
} RdTimeUnit;

/* amount 0 means "no limit set". */
typedef struct {
  int        amount;
  RdTimeUnit unit;
} RdLimit;

/* A point in a case's history: a date, and the time of day when it is
 * known (complaint letters carry dates only; contacts carry times). */
typedef struct {
  GDate date;
  int   minute;   /* minutes after midnight, local time, or -1 when unknown */
} RdMoment;

#define RD_LIMIT_MAX_AMOUNT 1000

const char *rd_time_unit_to_key      (RdTimeUnit         unit);
gboolean    rd_time_unit_from_key    (const char        *key,
                                      RdTimeUnit        *out);
const char *rd_time_unit_get_label   (RdTimeUnit         unit);

gboolean    rd_limit_is_set          (const RdLimit     *limit);
gboolean    rd_limit_is_timed        (const RdLimit     *limit);
gboolean    rd_limit_equal           (const RdLimit     *a,
                                      const RdLimit     *b);
char       *rd_limit_to_key          (const RdLimit     *limit);
gboolean    rd_limit_from_key        (const char        *text,
                                      RdLimit           *out,
                                      GError           **error);
char       *rd_limit_format          (const RdLimit     *limit);
gboolean    rd_limit_apply           (const RdLimit     *limit,
                                      const RdMoment    *from,
                                      const RdOfficeHours *office,
                                      RdMoment          *due,
                                      GError           **error);

void        rd_moment_set_date       (RdMoment          *moment,
                                      const GDate       *date);
void        rd_moment_set_datetime   (RdMoment          *moment,
                                      GDateTime         *dt);
gboolean    rd_moment_is_set         (const RdMoment    *moment);
int         rd_moment_compare        (const RdMoment    *a,
                                      const RdMoment    *b);
char       *rd_moment_format_long    (const RdMoment    *moment);
char       *rd_moment_format_on      (const RdMoment    *moment);

G_END_DECLS
