/* rd-datetime.h: strict parsing and plain-English formatting of dates and times.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RD_DATE_ERROR (rd_date_error_quark ())

typedef enum {
  RD_DATE_ERROR_INVALID,
  RD_DATE_ERROR_OUT_OF_RANGE,
  RD_DATE_ERROR_SKIPPED_TIME,
} RdDateError;

/* How often a wall-clock time happens on its day in a time zone. */
typedef enum {
  RD_WALL_CLOCK_ONCE,
  RD_WALL_CLOCK_SKIPPED,   /* the clocks went forward over it */
  RD_WALL_CLOCK_REPEATED,  /* the clocks went back: it happened twice */
} RdWallClock;

GQuark     rd_date_error_quark           (void);

GDate     *rd_date_parse_iso             (const char  *text,
                                          GError     **error);
char      *rd_date_to_iso                (const GDate *date);
char      *rd_date_format_long           (const GDate *date);
char      *rd_date_format_on             (const GDate *date);
char      *rd_date_format_day_month      (const GDate *date);
const char *rd_date_get_month_name       (GDateMonth   month,
                                          gboolean     abbreviated);
const char *rd_date_get_weekday_name     (GDateWeekday weekday,
                                          gboolean     abbreviated);
GDate     *rd_date_parse_typed           (const char  *text,
                                          const GDate *today,
                                          GError     **error);

GTimeZone *rd_time_zone_dup_local        (void);
GDateTime *rd_datetime_new_local         (int          year,
                                          int          month,
                                          int          day,
                                          int          hour,
                                          int          minute,
                                          double       seconds);
GDateTime *rd_datetime_to_local          (GDateTime   *datetime);
GDateTime *rd_datetime_new_from_unix_local (gint64     unix_time);
GDateTime *rd_datetime_parse_local       (const char  *text,
                                          GError     **error);
GDateTime *rd_datetime_parse_in_zone     (const char  *text,
                                          GTimeZone   *tz,
                                          GError     **error);
GDateTime *rd_datetime_parse_stored      (const char  *text,
                                          GError     **error);
RdWallClock rd_datetime_check_wall_clock (GTimeZone   *tz,
                                          int          year,
                                          int          month,
                                          int          day,
                                          int          hour,
                                          int          minute,
                                          int          second);
GDateTime *rd_datetime_new_wall_clock    (GTimeZone   *tz,
                                          int          year,
                                          int          month,
                                          int          day,
                                          int          hour,
                                          int          minute,
                                          int          second,
                                          GError     **error);
char      *rd_datetime_to_storage        (GDateTime   *dt);
char      *rd_datetime_format_long       (GDateTime   *dt);
char      *rd_datetime_format_on         (GDateTime   *dt);
char      *rd_datetime_format_short      (GDateTime   *dt);
GDate     *rd_datetime_get_date          (GDateTime   *dt);

G_END_DECLS
