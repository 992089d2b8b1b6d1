/* rd-calendar.c: working days and working hours, counted over the bank
 * holidays of rd-calendar-holidays.c.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-calendar"

#include "config.h"

#include "rd-gettext.h"

#include "rd-calendar-private.h"
#include "rd-datetime.h"

/**
 * rd_calendar_date_in_range:
 *
 * Returns: whether @date lies in the years Redress knows bank holidays for
 */
gboolean
rd_calendar_date_in_range (const GDate *date)
{
  GDateYear year;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  year = g_date_get_year (date);
  return year >= RD_CALENDAR_YEAR_MIN && year <= RD_CALENDAR_YEAR_MAX;
}

static void
set_range_error (GError **error)
{
  g_set_error (error, RD_DATE_ERROR, RD_DATE_ERROR_OUT_OF_RANGE,
               _("The answer would fall outside the years Redress works with (%d to %d)."),
               RD_CALENDAR_YEAR_MIN, RD_CALENDAR_YEAR_MAX);
}

/**
 * rd_calendar_is_working_day:
 *
 * Saturdays, Sundays and England and Wales bank holidays are not working
 * days; every other day is.
 */
gboolean
rd_calendar_is_working_day (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (g_date_get_weekday (date) >= G_DATE_SATURDAY)
    return FALSE;
  return !rd_calendar_is_bank_holiday (date, NULL);
}

/* Working days from the start of the range up to and including @julian. */
static gint64
cumulative (const RdCalendarTable *table,
            guint32      julian)
{
  gint64 weekdays_to = (gint64) (julian / 7) * 5 + MIN (julian % 7, 5);
  gint64 weekdays_before = (gint64) ((table->first - 1) / 7) * 5 + MIN ((table->first - 1) % 7, 5);
  guint lo = 0, hi = table->weekdays->len;

  /* holidays on or before @julian: upper bound */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (table->weekdays, guint32, mid) <= julian)
        lo = mid + 1;
      else
        hi = mid;
    }
  return weekdays_to - weekdays_before - lo;
}

/**
 * rd_calendar_count_working_days:
 *
 * Counts the working days after @from up to and including @to: how many
 * working days later @to is, counted the way "within N working days of
 * @from" is, where day 1 is the first working day after @from. When @to is
 * before @from the count is negative: minus the working days after @to up
 * to and including @from. Both dates must be in range.
 */
int
rd_calendar_count_working_days (const GDate *from,
                                const GDate *to)
{
  const RdCalendarTable *table;

  g_return_val_if_fail (from != NULL && rd_calendar_date_in_range (from), 0);
  g_return_val_if_fail (to != NULL && rd_calendar_date_in_range (to), 0);

  table = _rd_calendar_get_table ();
  return (int) (cumulative (table, g_date_get_julian (to)) -
                cumulative (table, g_date_get_julian (from)));
}

/* The first day in range with cumulative() >= @target. */
static guint32
first_reaching (const RdCalendarTable *table,
                gint64       target)
{
  guint32 lo = table->first, hi = table->last;

  while (lo < hi)
    {
      guint32 mid = lo + (hi - lo) / 2;

      if (cumulative (table, mid) >= target)
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

/**
 * rd_calendar_add_working_days:
 * @n: working days to add; negative counts back
 * @result: (out caller-allocates): the date
 *
 * For @n > 0, the @n-th working day after @from (day 1 is the first working
 * day after @from). For @n < 0, the -@n-th working day before @from (day -1
 * is the last working day before @from). For 0, @from itself.
 * rd_calendar_count_working_days (@from, @result) is @n whenever @n ≥ 0 or
 * @from is a working day.
 *
 * Returns: %FALSE with @error set if the answer is outside 1900–2200
 */
gboolean
rd_calendar_add_working_days (const GDate  *from,
                              int           n,
                              GDate        *result,
                              GError      **error)
{
  const RdCalendarTable *table;
  guint32 start;
  gint64 target;
  guint32 found;

  g_return_val_if_fail (from != NULL && rd_calendar_date_in_range (from), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  table = _rd_calendar_get_table ();
  start = g_date_get_julian (from);
  if (n == 0)
    {
      *result = *from;
      return TRUE;
    }

  if (n > 0)
    target = cumulative (table, start) + n;
  else
    target = cumulative (table, start - 1) + n + 1;

  if (target > cumulative (table, table->last) || target <= cumulative (table, table->first - 1))
    {
      set_range_error (error);
      return FALSE;
    }

  found = first_reaching (table, target);
  g_date_clear (result, 1);
  g_date_set_julian (result, found);
  return TRUE;
}

void
rd_office_hours_init_default (RdOfficeHours *hours)
{
  g_return_if_fail (hours != NULL);

  hours->start_minute = RD_OFFICE_HOURS_START_DEFAULT;
  hours->end_minute = RD_OFFICE_HOURS_END_DEFAULT;
}

gboolean
rd_office_hours_is_valid (const RdOfficeHours *hours)
{
  return hours != NULL &&
         hours->start_minute >= 0 && hours->end_minute <= 24 * 60 &&
         hours->start_minute < hours->end_minute;
}

static void
split_local (GDateTime *dt,
             GDate     *date,
             int       *minute)
{
  g_autoptr(GDateTime) local = rd_datetime_to_local (dt);
  int y, m, d;

  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  *minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
}

/**
 * rd_calendar_add_working_hours:
 * @from: when the clock starts
 * @hours: working hours to add, 0 or more
 * @office: the office hours (%NULL for 09:00–17:00)
 *
 * Counts working hours the way "within 24 working hours" is read: only time
 * inside office hours on working days counts. A clock started in the
 * evening, at a weekend or on a bank holiday starts at the next opening.
 * Seconds are ignored.
 *
 * Returns: (transfer full): the local time the limit ends, or %NULL with
 *   @error set when it would fall after 2200
 */
GDateTime *
rd_calendar_add_working_hours (GDateTime            *from,
                               int                   hours,
                               const RdOfficeHours  *office,
                               GError              **error)
{
  RdOfficeHours def;
  GDate date;
  int minute;
  gint64 left;

  g_return_val_if_fail (from != NULL, NULL);
  g_return_val_if_fail (hours >= 0, NULL);
  g_return_val_if_fail (office == NULL || rd_office_hours_is_valid (office), NULL);

  if (office == NULL)
    {
      rd_office_hours_init_default (&def);
      office = &def;
    }
  if (hours == 0)
    return g_date_time_ref (from);

  split_local (from, &date, &minute);
  left = (gint64) hours * 60;
  for (;;)
    {
      if (!rd_calendar_date_in_range (&date))
        {
          set_range_error (error);
          return NULL;
        }
      if (rd_calendar_is_working_day (&date))
        {
          int start = MAX (minute, office->start_minute);

          if (start < office->end_minute)
            {
              int available = office->end_minute - start;

              if (left <= available)
                {
                  int at = start + (int) left;

                  return rd_datetime_new_local (g_date_get_year (&date),
                                                g_date_get_month (&date),
                                                g_date_get_day (&date),
                                                at / 60, at % 60, 0);
                }
              left -= available;
            }
        }
      g_date_add_days (&date, 1);
      minute = 0;
    }
}

static int
overlap (int a0, int a1, int b0, int b1)
{
  return MAX (0, MIN (a1, b1) - MAX (a0, b0));
}

/**
 * rd_calendar_count_working_minutes:
 * @office: the office hours (%NULL for 09:00–17:00)
 *
 * The working time between @from and @to, in minutes; negative when @to is
 * before @from.
 */
gint64
rd_calendar_count_working_minutes (GDateTime           *from,
                                   GDateTime           *to,
                                   const RdOfficeHours *office)
{
  RdOfficeHours def;
  GDate d0, d1;
  int m0, m1;
  gint64 total;

  g_return_val_if_fail (from != NULL && to != NULL, 0);
  g_return_val_if_fail (office == NULL || rd_office_hours_is_valid (office), 0);

  if (g_date_time_compare (to, from) < 0)
    return -rd_calendar_count_working_minutes (to, from, office);
  if (office == NULL)
    {
      rd_office_hours_init_default (&def);
      office = &def;
    }

  split_local (from, &d0, &m0);
  split_local (to, &d1, &m1);
  g_return_val_if_fail (rd_calendar_date_in_range (&d0) && rd_calendar_date_in_range (&d1), 0);

  if (g_date_compare (&d0, &d1) == 0)
    return rd_calendar_is_working_day (&d0)
           ? overlap (m0, m1, office->start_minute, office->end_minute) : 0;

  total = 0;
  if (rd_calendar_is_working_day (&d0))
    total += overlap (m0, 24 * 60, office->start_minute, office->end_minute);
  if (rd_calendar_is_working_day (&d1))
    total += overlap (0, m1, office->start_minute, office->end_minute);
  {
    GDate before_last = d1;
    int full_days;

    g_date_subtract_days (&before_last, 1);
    full_days = g_date_compare (&before_last, &d0) > 0
                ? rd_calendar_count_working_days (&d0, &before_last) : 0;
    total += (gint64) full_days * (office->end_minute - office->start_minute);
  }
  return total;
}

/**
 * rd_calendar_get_convention:
 *
 * Returns: how Redress counts working days, in one sentence, for anywhere a
 *   working-day count is shown
 */
const char *
rd_calendar_get_convention (void)
{
  return _("Working days are counted the way the Housing Ombudsman counts them: day 1 is the "
           "first working day after the day the clock starts, and weekends and England and "
           "Wales bank holidays do not count.");
}
