/* rd-datetime.c: strict parsing and plain-English formatting of dates and times.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-datetime"

#include "config.h"

#include "rd-gettext.h"
#include <stdlib.h>
#include <string.h>

#include "rd-datetime.h"

G_DEFINE_QUARK (rd-date-error-quark, rd_date_error)

/* Years outside this range are almost certainly typing mistakes, and the
 * bank-holiday rules are only meaningful inside it. */
#define RD_YEAR_MIN 1900
#define RD_YEAR_MAX 2200

static gboolean
read_digits (const char **p,
             guint        n,
             int         *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      value = value * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *out = value;
  return TRUE;
}

static gboolean
parse_date_part (const char **p,
                 int         *year,
                 int         *month,
                 int         *day)
{
  if (!read_digits (p, 4, year) || **p != '-')
    return FALSE;
  (*p)++;
  if (!read_digits (p, 2, month) || **p != '-')
    return FALSE;
  (*p)++;
  return read_digits (p, 2, day);
}

static gboolean
check_date (const char *text,
            int         year,
            int         month,
            int         day,
            GError    **error)
{
  if (year < RD_YEAR_MIN || year > RD_YEAR_MAX)
    {
      g_set_error (error, RD_DATE_ERROR, RD_DATE_ERROR_OUT_OF_RANGE,
                   _("“%s” is outside the years Redress works with (%d to %d)."),
                   text, RD_YEAR_MIN, RD_YEAR_MAX);
      return FALSE;
    }
  if (month < 1 || month > 12 || day < 1 || !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, RD_DATE_ERROR, RD_DATE_ERROR_INVALID,
                   _("“%s” is not a real date."), text);
      return FALSE;
    }
  return TRUE;
}

/**
 * rd_date_parse_iso:
 * @text: a date written as YYYY-MM-DD
 *
 * Parses a calendar date strictly: "2024-02-30", "tomorrow" and years
 * outside 1900–2200 are refused with a sentence a resident can act on.
 *
 * Returns: (transfer full): a newly allocated #GDate, or %NULL
 */
GDate *
rd_date_parse_iso (const char  *text,
                   GError     **error)
{
  const char *p = text;
  int year, month, day;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL || !parse_date_part (&p, &year, &month, &day) || *p != '\0')
    {
      g_set_error (error, RD_DATE_ERROR, RD_DATE_ERROR_INVALID,
                   _("“%s” is not a date. Write dates as year-month-day, for example 2024-03-31."),
                   text ? text : "");
      return NULL;
    }
  if (!check_date (text, year, month, day, error))
    return NULL;

  return g_date_new_dmy (day, month, year);
}

char *
rd_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

/*
 * The names of days and months come from Redress's own translations, not
 * from the C library's locale: a letter may be in another language than
 * the interface (rd-i18n.h), and the system may not have the locale of
 * either installed.
 */
static const char *
weekday_name (GDateWeekday weekday)
{
  switch (weekday)
    {
    case G_DATE_MONDAY:    return C_("weekday", "Monday");
    case G_DATE_TUESDAY:   return C_("weekday", "Tuesday");
    case G_DATE_WEDNESDAY: return C_("weekday", "Wednesday");
    case G_DATE_THURSDAY:  return C_("weekday", "Thursday");
    case G_DATE_FRIDAY:    return C_("weekday", "Friday");
    case G_DATE_SATURDAY:  return C_("weekday", "Saturday");
    case G_DATE_SUNDAY:    return C_("weekday", "Sunday");
    case G_DATE_BAD_WEEKDAY:
    default:               return "";
    }
}

/* As written after "on" ("on Friday"): Welsh mutates the weekday there
 * ("ar ddydd Gwener"), Polish puts it in the accusative ("w środę"). */
static const char *
weekday_name_after_on (GDateWeekday weekday)
{
  switch (weekday)
    {
    case G_DATE_MONDAY:    return C_("weekday after “on”", "Monday");
    case G_DATE_TUESDAY:   return C_("weekday after “on”", "Tuesday");
    case G_DATE_WEDNESDAY: return C_("weekday after “on”", "Wednesday");
    case G_DATE_THURSDAY:  return C_("weekday after “on”", "Thursday");
    case G_DATE_FRIDAY:    return C_("weekday after “on”", "Friday");
    case G_DATE_SATURDAY:  return C_("weekday after “on”", "Saturday");
    case G_DATE_SUNDAY:    return C_("weekday after “on”", "Sunday");
    case G_DATE_BAD_WEEKDAY:
    default:               return "";
    }
}

static const char *
weekday_abbreviation (GDateWeekday weekday)
{
  switch (weekday)
    {
    case G_DATE_MONDAY:    return C_("abbreviated weekday", "Mon");
    case G_DATE_TUESDAY:   return C_("abbreviated weekday", "Tue");
    case G_DATE_WEDNESDAY: return C_("abbreviated weekday", "Wed");
    case G_DATE_THURSDAY:  return C_("abbreviated weekday", "Thu");
    case G_DATE_FRIDAY:    return C_("abbreviated weekday", "Fri");
    case G_DATE_SATURDAY:  return C_("abbreviated weekday", "Sat");
    case G_DATE_SUNDAY:    return C_("abbreviated weekday", "Sun");
    case G_DATE_BAD_WEEKDAY:
    default:               return "";
    }
}

/* As written after a day's number ("18 November"): languages that decline
 * the month there (Polish "18 listopada") translate this form. */
static const char *
month_name (GDateMonth month)
{
  switch (month)
    {
    case G_DATE_JANUARY:   return C_("month after a day number", "January");
    case G_DATE_FEBRUARY:  return C_("month after a day number", "February");
    case G_DATE_MARCH:     return C_("month after a day number", "March");
    case G_DATE_APRIL:     return C_("month after a day number", "April");
    case G_DATE_MAY:       return C_("month after a day number", "May");
    case G_DATE_JUNE:      return C_("month after a day number", "June");
    case G_DATE_JULY:      return C_("month after a day number", "July");
    case G_DATE_AUGUST:    return C_("month after a day number", "August");
    case G_DATE_SEPTEMBER: return C_("month after a day number", "September");
    case G_DATE_OCTOBER:   return C_("month after a day number", "October");
    case G_DATE_NOVEMBER:  return C_("month after a day number", "November");
    case G_DATE_DECEMBER:  return C_("month after a day number", "December");
    case G_DATE_BAD_MONTH:
    default:               return "";
    }
}

static const char *
month_abbreviation (GDateMonth month)
{
  switch (month)
    {
    case G_DATE_JANUARY:   return C_("abbreviated month after a day number", "Jan");
    case G_DATE_FEBRUARY:  return C_("abbreviated month after a day number", "Feb");
    case G_DATE_MARCH:     return C_("abbreviated month after a day number", "Mar");
    case G_DATE_APRIL:     return C_("abbreviated month after a day number", "Apr");
    case G_DATE_MAY:       return C_("abbreviated month after a day number", "May");
    case G_DATE_JUNE:      return C_("abbreviated month after a day number", "Jun");
    case G_DATE_JULY:      return C_("abbreviated month after a day number", "Jul");
    case G_DATE_AUGUST:    return C_("abbreviated month after a day number", "Aug");
    case G_DATE_SEPTEMBER: return C_("abbreviated month after a day number", "Sep");
    case G_DATE_OCTOBER:   return C_("abbreviated month after a day number", "Oct");
    case G_DATE_NOVEMBER:  return C_("abbreviated month after a day number", "Nov");
    case G_DATE_DECEMBER:  return C_("abbreviated month after a day number", "Dec");
    case G_DATE_BAD_MONTH:
    default:               return "";
    }
}

/**
 * rd_date_get_month_name:
 *
 * A month's name as a date writes it after the day's number ("18
 * November", Polish "18 listopada"), whole or abbreviated, in the language
 * dates are written in: what a resident types back (rd-date-typed.c).
 */
const char *
rd_date_get_month_name (GDateMonth month,
                        gboolean   abbreviated)
{
  return abbreviated ? month_abbreviation (month) : month_name (month);
}

const char *
rd_date_get_weekday_name (GDateWeekday weekday,
                          gboolean     abbreviated)
{
  return abbreviated ? weekday_abbreviation (weekday) : weekday_name (weekday);
}

/**
 * rd_date_format_long:
 *
 * Formats a date the way the Ombudsman writes them, always with its
 * weekday: "Monday 18 November 2024".
 */
char *
rd_date_format_long (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* Translators: a date with its weekday, "Monday 18 November 2024": %1$s
   * is the weekday, %2$d the day of the month, %3$s the month, %4$d the
   * year. Reorder them, and add words or punctuation, as your language
   * writes a date in a letter. */
  return g_strdup_printf (_("%1$s %2$d %3$s %4$d"),
                          weekday_name (g_date_get_weekday (date)),
                          g_date_get_day (date),
                          month_name (g_date_get_month (date)),
                          g_date_get_year (date));
}

/**
 * rd_date_format_day_month:
 *
 * A day and the abbreviated month, "4 Mar", where a chart marks its weeks.
 */
char *
rd_date_format_day_month (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* Translators: a day on a chart's time axis, "4 Mar": %1$d is the day
   * of the month, %2$s the abbreviated month as written after a day number. */
  return g_strdup_printf (_("%1$d %2$s"), g_date_get_day (date),
                          month_abbreviation (g_date_get_month (date)));
}

/**
 * rd_date_format_on:
 *
 * A date as a sentence says something happened on it, preposition
 * included: "on Monday 18 November 2024". A sentence takes it whole, so
 * that each language writes its own preposition and the weekday's form
 * after it (Welsh "ar ddydd Llun", Polish "w poniedziałek").
 */
char *
rd_date_format_on (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* Translators: "on Monday 18 November 2024", as in "You reported it on
   * Monday 18 November 2024": %1$s is the weekday as written after the
   * preposition (its own messages, with context "weekday after “on”"),
   * %2$d the day of the month, %3$s the month, %4$d the year. Write the
   * preposition your language uses with a date, and mutate or decline as
   * it needs. */
  return g_strdup_printf (C_("on a date", "on %1$s %2$d %3$s %4$d"),
                          weekday_name_after_on (g_date_get_weekday (date)),
                          g_date_get_day (date),
                          month_name (g_date_get_month (date)),
                          g_date_get_year (date));
}

/*
 * Clock changes. Stored times are wall-clock times without an offset (what
 * the resident saw on the clock), read in the local time zone. Twice a year
 * that is not one moment:
 *
 * - spring forward (Europe/London: 1am GMT becomes 2am BST on the last
 *   Sunday of March): 1:00-1:59 never happened. Such a time is refused
 *   with a sentence that says so, never moved silently to 2am;
 * - fall back (2am BST becomes 1am GMT on the last Sunday of October):
 *   1:00-1:59 happened twice. Redress always means the first time, in
 *   summer time (BST), when it writes and when it reads, so a stored time
 *   is one moment. (GLib on its own would read the second.)
 */

static gint32
offset_at (GTimeZone *tz,
           gint64     utc)
{
  return g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, utc));
}

/* The wall-clock fields as if they were seconds since 1970 in UTC. */
static gint64
wall_seconds (int year,
              int month,
              int day,
              int hour,
              int minute,
              int second)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, hour, minute, second);

  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}

/*
 * The moments (UTC seconds, earliest first) at which the clocks in @tz show
 * @wall: none, one or two. Clock changes are months apart, so the offsets a
 * day either side are the only candidates.
 */
static guint
find_moments (GTimeZone *tz,
              gint64     wall,
              gint64     moments[2],
              gint32     offsets[2])
{
  guint n = 0;

  offsets[0] = offset_at (tz, wall - 24 * 3600);
  offsets[1] = offset_at (tz, wall + 24 * 3600);
  for (guint i = 0; i < 2; i++)
    {
      gint64 utc = wall - offsets[i];

      if (i == 1 && offsets[1] == offsets[0])
        break;
      if (offset_at (tz, utc) == offsets[i])
        moments[n++] = utc;
    }
  if (n == 2 && moments[1] < moments[0])
    {
      gint64 first = moments[1];

      moments[1] = moments[0];
      moments[0] = first;
    }
  return n;
}

/* "1am", "1:30am", "12:15pm": how people say clock changes in England. */
static char *
format_clock (int hour,
              int minute)
{
  int h12 = hour % 12 == 0 ? 12 : hour % 12;

  if (minute == 0)
    /* Translators: an hour on the 12-hour clock, "1am" / "1pm" */
    return g_strdup_printf (hour < 12 ? _("%dam") : _("%dpm"), h12);
  /* Translators: a time on the 12-hour clock, "1:30am" / "1:30pm" */
  return g_strdup_printf (hour < 12 ? _("%d:%02dam") : _("%d:%02dpm"), h12, minute);
}

static void
set_skipped_error (GTimeZone  *tz,
                   gint64      wall,
                   gint32      before,
                   gint32      after,
                   int         hour,
                   int         minute,
                   GError    **error)
{
  g_autoptr(GDateTime) change = NULL;
  g_autoptr(GDate) day = NULL;
  g_autofree char *change_text = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *picked_text = NULL;
  gint64 lo = wall - 24 * 3600, hi = wall + 24 * 3600;

  /* The last second still on the old offset, and the first on the new. */
  while (hi - lo > 1)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (offset_at (tz, mid) == before)
        lo = mid;
      else
        hi = mid;
    }
  /* The clock as it read just before it jumped: "1am", not "2am". */
  change = g_date_time_new_from_unix_utc (hi + before);
  day = rd_datetime_get_date (change);
  change_text = format_clock (g_date_time_get_hour (change), g_date_time_get_minute (change));
  day_text = rd_date_format_on (day);
  picked_text = format_clock (hour, minute);
  g_set_error (error, RD_DATE_ERROR, RD_DATE_ERROR_SKIPPED_TIME,
               /* Translators: "The clocks went forward at 1am on Sunday 30 March 2025,
                * so 1:30am did not happen that day. Check the time.": the second %s
                * is a date with its preposition, "on Sunday 30 March 2025" */
               _("The clocks went forward at %s %s, so %s did not happen that day. "
                 "Check the time."),
               change_text, day_text, picked_text);
}

/**
 * rd_time_zone_dup_local:
 *
 * The local time zone, read once per process (again only if TZ changes).
 * GLib 2.74 reads /etc/localtime again on every g_time_zone_new_local()
 * when TZ is not set, and a diary of 10,000 entries reads a time for each.
 *
 * Returns: (transfer full): the local time zone
 */
GTimeZone *
rd_time_zone_dup_local (void)
{
  static GMutex lock;
  static GTimeZone *cached;
  static char *cached_for;    /* the TZ it was read for; NULL: unset */
  const char *tz = g_getenv ("TZ");
  GTimeZone *zone;

  g_mutex_lock (&lock);
  if (cached == NULL || g_strcmp0 (tz, cached_for) != 0)
    {
      g_clear_pointer (&cached, g_time_zone_unref);
      g_free (cached_for);
      cached_for = g_strdup (tz);
      cached = g_time_zone_new_local ();
    }
  zone = g_time_zone_ref (cached);
  g_mutex_unlock (&lock);
  return zone;
}

/**
 * rd_datetime_new_local:
 *
 * g_date_time_new_local() in the cached local zone (see
 * rd_time_zone_dup_local()), for code that makes one per record.
 */
GDateTime *
rd_datetime_new_local (int    year,
                       int    month,
                       int    day,
                       int    hour,
                       int    minute,
                       double seconds)
{
  g_autoptr(GTimeZone) zone = rd_time_zone_dup_local ();

  return g_date_time_new (zone, year, month, day, hour, minute, seconds);
}

/**
 * rd_datetime_to_local:
 *
 * g_date_time_to_local() in the cached local zone.
 */
GDateTime *
rd_datetime_to_local (GDateTime *datetime)
{
  g_autoptr(GTimeZone) zone = rd_time_zone_dup_local ();

  g_return_val_if_fail (datetime != NULL, NULL);

  return g_date_time_to_timezone (datetime, zone);
}

/**
 * rd_datetime_new_from_unix_local:
 *
 * g_date_time_new_from_unix_local() in the cached local zone.
 */
GDateTime *
rd_datetime_new_from_unix_local (gint64 unix_time)
{
  g_autoptr(GTimeZone) zone = rd_time_zone_dup_local ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);

  return utc != NULL ? g_date_time_to_timezone (utc, zone) : NULL;
}

/**
 * rd_datetime_check_wall_clock:
 * @tz: (nullable): the time zone, or %NULL for the local one
 *
 * Returns: whether the clocks in @tz showed this time once that day, never
 *   (the clocks went forward over it) or twice (they went back)
 */
RdWallClock
rd_datetime_check_wall_clock (GTimeZone *tz,
                              int        year,
                              int        month,
                              int        day,
                              int        hour,
                              int        minute,
                              int        second)
{
  g_autoptr(GTimeZone) local = tz == NULL ? rd_time_zone_dup_local () : g_time_zone_ref (tz);
  gint64 moments[2];
  gint32 offsets[2];

  switch (find_moments (local, wall_seconds (year, month, day, hour, minute, second), moments, offsets))
    {
    case 0:
      return RD_WALL_CLOCK_SKIPPED;
    case 2:
      return RD_WALL_CLOCK_REPEATED;
    default:
      return RD_WALL_CLOCK_ONCE;
    }
}

/**
 * rd_datetime_new_wall_clock:
 * @tz: (nullable): the time zone, or %NULL for the local one
 *
 * The moment the clocks in @tz showed this date and time. A time the
 * clocks skipped (spring forward) is refused with an error that says when
 * they went forward; a time they showed twice (fall back) is the first of
 * the two, still in summer time.
 *
 * Returns: (transfer full) (nullable): the moment in @tz, or %NULL
 */
GDateTime *
rd_datetime_new_wall_clock (GTimeZone  *tz,
                            int         year,
                            int         month,
                            int         day,
                            int         hour,
                            int         minute,
                            int         second,
                            GError    **error)
{
  g_autoptr(GTimeZone) zone = tz == NULL ? rd_time_zone_dup_local () : g_time_zone_ref (tz);
  g_autoptr(GDateTime) utc = NULL;
  gint64 wall, moments[2];
  gint32 offsets[2];

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_date_valid_dmy (day, month, year) || hour < 0 || hour > 23 ||
      minute < 0 || minute > 59 || second < 0 || second > 59)
    {
      g_set_error (error, RD_DATE_ERROR, RD_DATE_ERROR_INVALID,
                   _("%04d-%02d-%02d %02d:%02d is not a real date and time."),
                   year, month, day, hour, minute);
      return NULL;
    }
  wall = wall_seconds (year, month, day, hour, minute, second);
  if (find_moments (zone, wall, moments, offsets) == 0)
    {
      set_skipped_error (zone, wall, offsets[0], offsets[1], hour, minute, error);
      return NULL;
    }
  utc = g_date_time_new_from_unix_utc (moments[0]);
  return g_date_time_to_timezone (utc, zone);
}

static GDateTime *
parse_in_zone (const char  *text,
               GTimeZone   *tz,
               gboolean     strict,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *p = text;
  int year, month, day, hour = 0, minute = 0, second = 0;
  GDateTime *dt;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL || !parse_date_part (&p, &year, &month, &day))
    goto bad;
  if (*p == 'T' || *p == ' ')
    {
      p++;
      if (!read_digits (&p, 2, &hour) || *p != ':')
        goto bad;
      p++;
      if (!read_digits (&p, 2, &minute))
        goto bad;
      if (*p == ':')
        {
          p++;
          if (!read_digits (&p, 2, &second))
            goto bad;
        }
    }
  if (*p != '\0')
    goto bad;
  if (!check_date (text, year, month, day, error))
    return NULL;
  if (hour > 23 || minute > 59 || second > 59)
    {
      g_set_error (error, RD_DATE_ERROR, RD_DATE_ERROR_INVALID,
                   _("“%s” is not a real time of day."), text);
      return NULL;
    }

  dt = rd_datetime_new_wall_clock (tz, year, month, day, hour, minute, second, &local_error);
  if (dt == NULL && !strict && g_error_matches (local_error, RD_DATE_ERROR, RD_DATE_ERROR_SKIPPED_TIME))
    {
      g_autoptr(GTimeZone) zone = tz == NULL ? rd_time_zone_dup_local () : g_time_zone_ref (tz);

      /* Already stored: keep it, moved on as GLib moves it, never lost. */
      return g_date_time_new (zone, year, month, day, hour, minute, second);
    }
  if (dt == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return dt;

bad:
  g_set_error (error, RD_DATE_ERROR, RD_DATE_ERROR_INVALID,
               _("“%s” is not a date and time. Write them as year-month-day and hours:minutes, for example 2024-03-31T21:15."),
               text ? text : "");
  return NULL;
}

/**
 * rd_datetime_parse_local:
 * @text: "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS"
 *
 * Incidents are recorded in the wall-clock time the resident lived them,
 * so stored times carry no offset and are read in the local time zone.
 * A time the clocks skipped is refused; one they showed twice is the
 * first (see rd_datetime_new_wall_clock()).
 */
GDateTime *
rd_datetime_parse_local (const char  *text,
                         GError     **error)
{
  return parse_in_zone (text, NULL, TRUE, error);
}

/**
 * rd_datetime_parse_in_zone:
 * @tz: (nullable): the time zone, or %NULL for the local one
 *
 * As rd_datetime_parse_local(), in @tz.
 */
GDateTime *
rd_datetime_parse_in_zone (const char  *text,
                           GTimeZone   *tz,
                           GError     **error)
{
  return parse_in_zone (text, tz, TRUE, error);
}

/**
 * rd_datetime_parse_stored:
 *
 * As rd_datetime_parse_local(), for times already in the store: one the
 * clocks skipped (written by hand, or by an older Redress) is read as
 * GLib moves it rather than refused, so no entry is ever lost.
 */
GDateTime *
rd_datetime_parse_stored (const char  *text,
                          GError     **error)
{
  return parse_in_zone (text, NULL, FALSE, error);
}

char *
rd_datetime_to_storage (GDateTime *dt)
{
  g_return_val_if_fail (dt != NULL, NULL);

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
}

/**
 * rd_datetime_format_long:
 *
 * "Monday 18 November 2024 at 21:15".
 */
char *
rd_datetime_format_long (GDateTime *dt)
{
  g_return_val_if_fail (dt != NULL, NULL);

  /* Translators: "Monday 18 November 2024 at 21:15": %1$s is the weekday,
   * %2$d the day of the month, %3$s the month, %4$d the year, %5$02d:%6$02d
   * the time on a 24-hour clock. Reorder them as your language needs. */
  return g_strdup_printf (_("%1$s %2$d %3$s %4$d at %5$02d:%6$02d"),
                          weekday_name (g_date_time_get_day_of_week (dt)),
                          g_date_time_get_day_of_month (dt),
                          month_name (g_date_time_get_month (dt)),
                          g_date_time_get_year (dt),
                          g_date_time_get_hour (dt),
                          g_date_time_get_minute (dt));
}

/**
 * rd_datetime_format_on:
 *
 * "on Monday 18 November 2024 at 21:15": see rd_date_format_on().
 */
char *
rd_datetime_format_on (GDateTime *dt)
{
  g_autoptr(GDate) date = NULL;
  g_autofree char *on = NULL;

  g_return_val_if_fail (dt != NULL, NULL);

  date = g_date_new_dmy (g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                         g_date_time_get_year (dt));
  on = rd_date_format_on (date);
  /* Translators: a date with its preposition ("on Monday 18 November
   * 2024"), then the time on a 24-hour clock */
  return g_strdup_printf (C_("on a date", "%1$s at %2$02d:%3$02d"), on,
                          g_date_time_get_hour (dt), g_date_time_get_minute (dt));
}

/**
 * rd_datetime_format_short:
 *
 * "Mon 18 Nov 2024, 21:15", for lists.
 */
char *
rd_datetime_format_short (GDateTime *dt)
{
  g_return_val_if_fail (dt != NULL, NULL);

  /* Translators: "Mon 18 Nov 2024, 21:15", for lists: %1$s is the
   * abbreviated weekday, %2$d the day of the month, %3$s the abbreviated
   * month, %4$d the year, %5$02d:%6$02d the time on a 24-hour clock. */
  return g_strdup_printf (_("%1$s %2$d %3$s %4$d, %5$02d:%6$02d"),
                          weekday_abbreviation (g_date_time_get_day_of_week (dt)),
                          g_date_time_get_day_of_month (dt),
                          month_abbreviation (g_date_time_get_month (dt)),
                          g_date_time_get_year (dt),
                          g_date_time_get_hour (dt),
                          g_date_time_get_minute (dt));
}

GDate *
rd_datetime_get_date (GDateTime *dt)
{
  g_return_val_if_fail (dt != NULL, NULL);

  return g_date_new_dmy (g_date_time_get_day_of_month (dt),
                         g_date_time_get_month (dt),
                         g_date_time_get_year (dt));
}
