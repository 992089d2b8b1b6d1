/* rd-limit.c: time limits a policy sets ("10 working days", "24 hours") and when they end.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-limit"

#include "config.h"

#include "rd-gettext.h"

#include "rd-datetime.h"
#include "rd-limit.h"

static const char * const unit_keys[RD_TIME_UNIT_N_UNITS] = {
  [RD_TIME_UNIT_WORKING_DAYS] = "working-days",
  [RD_TIME_UNIT_CALENDAR_DAYS] = "calendar-days",
  [RD_TIME_UNIT_WEEKS] = "weeks",
  [RD_TIME_UNIT_MONTHS] = "months",
  [RD_TIME_UNIT_WORKING_HOURS] = "working-hours",
  [RD_TIME_UNIT_HOURS] = "hours",
};

const char *
rd_time_unit_to_key (RdTimeUnit unit)
{
  g_return_val_if_fail (unit < RD_TIME_UNIT_N_UNITS, NULL);

  return unit_keys[unit];
}

gboolean
rd_time_unit_from_key (const char *key,
                       RdTimeUnit *out)
{
  g_return_val_if_fail (key != NULL && out != NULL, FALSE);

  for (guint i = 0; i < RD_TIME_UNIT_N_UNITS; i++)
    if (g_str_equal (key, unit_keys[i]))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * rd_time_unit_get_label:
 *
 * Returns: the unit's name for a list of choices, "working days". It
 *   follows the amount ("10 working days"), inside a sentence, so it starts
 *   in lower case.
 */
const char *
rd_time_unit_get_label (RdTimeUnit unit)
{
  switch (unit)
    {
    case RD_TIME_UNIT_WORKING_DAYS: return _("working days");
    case RD_TIME_UNIT_CALENDAR_DAYS: return _("calendar days");
    case RD_TIME_UNIT_WEEKS: return _("weeks");
    case RD_TIME_UNIT_MONTHS: return _("months");
    case RD_TIME_UNIT_WORKING_HOURS: return _("working hours");
    case RD_TIME_UNIT_HOURS: return _("hours");
    case RD_TIME_UNIT_N_UNITS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
rd_limit_is_set (const RdLimit *limit)
{
  return limit != NULL && limit->amount > 0;
}

/* Limits counted in hours end at a time of day; the others at the end of a day. */
gboolean
rd_limit_is_timed (const RdLimit *limit)
{
  return limit != NULL &&
         (limit->unit == RD_TIME_UNIT_WORKING_HOURS || limit->unit == RD_TIME_UNIT_HOURS);
}

gboolean
rd_limit_equal (const RdLimit *a,
                const RdLimit *b)
{
  if (!rd_limit_is_set (a) || !rd_limit_is_set (b))
    return rd_limit_is_set (a) == rd_limit_is_set (b);
  return a->amount == b->amount && a->unit == b->unit;
}

/**
 * rd_limit_to_key:
 *
 * Returns: (transfer full): the stored form, "10 working-days", or "" when
 *   no limit is set
 */
char *
rd_limit_to_key (const RdLimit *limit)
{
  if (!rd_limit_is_set (limit))
    return g_strdup ("");
  return g_strdup_printf ("%d %s", limit->amount, rd_time_unit_to_key (limit->unit));
}

/**
 * rd_limit_from_key:
 * @text: "10 working-days", or "" for no limit
 */
gboolean
rd_limit_from_key (const char  *text,
                   RdLimit     *out,
                   GError     **error)
{
  g_auto(GStrv) parts = NULL;
  guint64 amount;
  RdTimeUnit unit;

  g_return_val_if_fail (text != NULL && out != NULL, FALSE);

  if (text[0] == '\0')
    {
      out->amount = 0;
      out->unit = RD_TIME_UNIT_WORKING_DAYS;
      return TRUE;
    }
  parts = g_strsplit (text, " ", -1);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, RD_LIMIT_MAX_AMOUNT, &amount, NULL) ||
      !rd_time_unit_from_key (parts[1], &unit))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   _("“%s” is not a time limit. Write a number from 1 to %d and a unit, "
                     "for example “10 working-days”."), text, RD_LIMIT_MAX_AMOUNT);
      return FALSE;
    }
  out->amount = (int) amount;
  out->unit = unit;
  return TRUE;
}

/**
 * rd_limit_format:
 *
 * Returns: (transfer full): "10 working days", "1 working day", "24 hours"
 */
char *
rd_limit_format (const RdLimit *limit)
{
  gulong n;

  if (!rd_limit_is_set (limit))
    return g_strdup (_("no time limit"));

  n = (gulong) limit->amount;
  switch (limit->unit)
    {
    case RD_TIME_UNIT_WORKING_DAYS:
      return g_strdup_printf (rd_ngettext ("%d working day", "%d working days", n), limit->amount);
    case RD_TIME_UNIT_CALENDAR_DAYS:
      return g_strdup_printf (rd_ngettext ("%d day", "%d days", n), limit->amount);
    case RD_TIME_UNIT_WEEKS:
      return g_strdup_printf (rd_ngettext ("%d week", "%d weeks", n), limit->amount);
    case RD_TIME_UNIT_MONTHS:
      return g_strdup_printf (rd_ngettext ("%d month", "%d months", n), limit->amount);
    /* Translators: a time limit, standing alone as in "(time limit: 24 hours)"
     * (Polish: "1 godzina"); how late something was has the context "how late" */
    case RD_TIME_UNIT_WORKING_HOURS:
      return g_strdup_printf (rd_npgettext ("time limit", "%d working hour", "%d working hours", n),
                              limit->amount);
    case RD_TIME_UNIT_HOURS:
      return g_strdup_printf (rd_npgettext ("time limit", "%d hour", "%d hours", n), limit->amount);
    case RD_TIME_UNIT_N_UNITS:
    default:
      g_return_val_if_reached (NULL);
    }
}

void
rd_moment_set_date (RdMoment    *moment,
                    const GDate *date)
{
  g_return_if_fail (moment != NULL);

  g_date_clear (&moment->date, 1);
  if (date != NULL && g_date_valid (date))
    moment->date = *date;
  moment->minute = -1;
}

void
rd_moment_set_datetime (RdMoment  *moment,
                        GDateTime *dt)
{
  g_autoptr(GDateTime) local = NULL;
  int y, m, d;

  g_return_if_fail (moment != NULL && dt != NULL);

  local = rd_datetime_to_local (dt);
  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_clear (&moment->date, 1);
  g_date_set_dmy (&moment->date, d, m, y);
  moment->minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
}

gboolean
rd_moment_is_set (const RdMoment *moment)
{
  return moment != NULL && g_date_valid (&moment->date);
}

/**
 * rd_moment_compare:
 *
 * Orders by date, then by time of day when both times are known. Two
 * moments on the same day are equal when either time is unknown: Redress
 * then gives the benefit of the doubt rather than call something late that
 * may not have been.
 */
int
rd_moment_compare (const RdMoment *a,
                   const RdMoment *b)
{
  int c = g_date_compare (&a->date, &b->date);

  if (c != 0)
    return c;
  if (a->minute < 0 || b->minute < 0)
    return 0;
  return (a->minute > b->minute) - (a->minute < b->minute);
}

/**
 * rd_moment_format_long:
 *
 * Returns: (transfer full): "Monday 4 November 2024", with " at 14:30" when
 *   the time is known
 */
char *
rd_moment_format_long (const RdMoment *moment)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (rd_moment_is_set (moment), NULL);

  date = rd_date_format_long (&moment->date);
  if (moment->minute < 0)
    return g_steal_pointer (&date);
  /* Translators: a date with its weekday, then a 24-hour time */
  return g_strdup_printf (_("%s at %02d:%02d"), date, moment->minute / 60, moment->minute % 60);
}

/**
 * rd_moment_format_on:
 *
 * Returns: (transfer full): "on Monday 4 November 2024", with " at 14:30"
 *   when the time is known (see rd_date_format_on())
 */
char *
rd_moment_format_on (const RdMoment *moment)
{
  g_autofree char *on = NULL;

  g_return_val_if_fail (rd_moment_is_set (moment), NULL);

  on = rd_date_format_on (&moment->date);
  if (moment->minute < 0)
    return g_steal_pointer (&on);
  return g_strdup_printf (C_("on a date", "%1$s at %2$02d:%3$02d"), on,
                          moment->minute / 60, moment->minute % 60);
}

static GDateTime *
moment_to_datetime (const RdMoment *moment)
{
  int minute = moment->minute;

  return rd_datetime_new_local (g_date_get_year (&moment->date),
                                g_date_get_month (&moment->date),
                                g_date_get_day (&moment->date),
                                minute / 60, minute % 60, 0);
}

static gboolean
in_range_or_error (const GDate  *date,
                   GError      **error)
{
  if (rd_calendar_date_in_range (date))
    return TRUE;
  g_set_error (error, RD_DATE_ERROR, RD_DATE_ERROR_OUT_OF_RANGE,
               _("The deadline would fall outside the years Redress works with (%d to %d)."),
               RD_CALENDAR_YEAR_MIN, RD_CALENDAR_YEAR_MAX);
  return FALSE;
}

/**
 * rd_limit_apply:
 * @from: when the clock starts
 * @office: (nullable): office hours for working-hour limits (%NULL: 09:00–17:00)
 * @due: (out caller-allocates): when the limit ends
 *
 * Works out the end of a limit counted from @from, the way the Ombudsman
 * reads them: "within 10 working days of X" ends at the end of the 10th
 * working day after X; calendar days, weeks and months likewise start the
 * day after X. Hour limits end at a time of day. When @from's time is not
 * known an hour limit is counted from the end of that day, so Redress never
 * ends the limit earlier than it really ended.
 */
gboolean
rd_limit_apply (const RdLimit        *limit,
                const RdMoment       *from,
                const RdOfficeHours  *office,
                RdMoment             *due,
                GError              **error)
{
  g_return_val_if_fail (rd_limit_is_set (limit), FALSE);
  g_return_val_if_fail (rd_moment_is_set (from), FALSE);
  g_return_val_if_fail (due != NULL, FALSE);

  if (!in_range_or_error (&from->date, error))
    return FALSE;

  *due = *from;
  due->minute = -1;
  switch (limit->unit)
    {
    case RD_TIME_UNIT_WORKING_DAYS:
      return rd_calendar_add_working_days (&from->date, limit->amount, &due->date, error);

    case RD_TIME_UNIT_CALENDAR_DAYS:
      g_date_add_days (&due->date, (guint) limit->amount);
      return in_range_or_error (&due->date, error);

    case RD_TIME_UNIT_WEEKS:
      g_date_add_days (&due->date, (guint) limit->amount * 7);
      return in_range_or_error (&due->date, error);

    case RD_TIME_UNIT_MONTHS:
      g_date_add_months (&due->date, (guint) limit->amount);
      return in_range_or_error (&due->date, error);

    case RD_TIME_UNIT_WORKING_HOURS:
    case RD_TIME_UNIT_HOURS:
      {
        RdMoment start = *from;
        g_autoptr(GDateTime) start_dt = NULL;
        g_autoptr(GDateTime) end_dt = NULL;

        if (start.minute < 0)
          start.minute = 23 * 60 + 59;
        start_dt = moment_to_datetime (&start);
        if (limit->unit == RD_TIME_UNIT_HOURS)
          end_dt = g_date_time_add_hours (start_dt, limit->amount);
        else
          end_dt = rd_calendar_add_working_hours (start_dt, limit->amount, office, error);
        if (end_dt == NULL)
          return FALSE;
        rd_moment_set_datetime (due, end_dt);
        return in_range_or_error (&due->date, error);
      }

    case RD_TIME_UNIT_N_UNITS:
    default:
      g_return_val_if_reached (FALSE);
    }
}
