/* rd-calendar.h: England and Wales bank holidays, working days and working hours.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The years Redress knows the bank holidays of (the same range
 * rd_date_parse_iso accepts). */
#define RD_CALENDAR_YEAR_MIN 1900
#define RD_CALENDAR_YEAR_MAX 2200

typedef struct {
  GDate       date;
  const char *name;   /* English, owned by the calendar, valid for ever */
} RdBankHoliday;

/* Office hours for "working hours" limits: minutes after midnight, local
 * wall-clock time. Working hours run on working days only. */
typedef struct {
  int start_minute;
  int end_minute;
} RdOfficeHours;

#define RD_OFFICE_HOURS_START_DEFAULT (9 * 60)
#define RD_OFFICE_HOURS_END_DEFAULT   (17 * 60)

gboolean    rd_calendar_date_in_range        (const GDate         *date);
GArray     *rd_calendar_list_bank_holidays   (int                  year,
                                              GError             **error);
gboolean    rd_calendar_is_bank_holiday      (const GDate         *date,
                                              const char         **name);
gboolean    rd_calendar_is_working_day       (const GDate         *date);
gboolean    rd_calendar_add_working_days     (const GDate         *from,
                                              int                  n,
                                              GDate               *result,
                                              GError             **error);
int         rd_calendar_count_working_days   (const GDate         *from,
                                              const GDate         *to);
const char *rd_calendar_get_convention       (void);
void        rd_calendar_get_easter           (int                  year,
                                              GDate               *easter);

void        rd_office_hours_init_default     (RdOfficeHours       *hours);
gboolean    rd_office_hours_is_valid         (const RdOfficeHours *hours);
GDateTime  *rd_calendar_add_working_hours    (GDateTime           *from,
                                              int                  hours,
                                              const RdOfficeHours *office,
                                              GError             **error);
gint64      rd_calendar_count_working_minutes (GDateTime          *from,
                                              GDateTime           *to,
                                              const RdOfficeHours *office);

G_END_DECLS
