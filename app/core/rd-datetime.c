/* rd-datetime.c: strict parsing and plain-English formatting of dates and times.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-datetime"

#include "config.h"

#include <glib/gi18n-lib.h>
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

/**
 * rd_date_format_long:
 *
 * Formats a date the way the Ombudsman writes them, always with its
 * weekday: "Monday 18 November 2024".
 */
char *
rd_date_format_long (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  dt = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date), 0, 0, 0);
  /* Translators: a date with its weekday, see strftime(3) */
  return g_date_time_format (dt, _("%A %-d %B %Y"));
}

/**
 * rd_datetime_parse_local:
 * @text: "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS"
 *
 * Incidents are recorded in the wall-clock time the resident lived them,
 * so stored times carry no offset and are read in the local time zone.
 */
GDateTime *
rd_datetime_parse_local (const char  *text,
                         GError     **error)
{
  const char *p = text;
  int year, month, day, hour = 0, minute = 0, second = 0;

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

  return g_date_time_new_local (year, month, day, hour, minute, second);

bad:
  g_set_error (error, RD_DATE_ERROR, RD_DATE_ERROR_INVALID,
               _("“%s” is not a date and time. Write them as year-month-day and hours:minutes, for example 2024-03-31T21:15."),
               text ? text : "");
  return NULL;
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

  /* Translators: a date with weekday and a 24-hour time, see strftime(3) */
  return g_date_time_format (dt, _("%A %-d %B %Y at %H:%M"));
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

  /* Translators: a short date with weekday and time, see strftime(3) */
  return g_date_time_format (dt, _("%a %-d %b %Y, %H:%M"));
}

GDate *
rd_datetime_get_date (GDateTime *dt)
{
  g_return_val_if_fail (dt != NULL, NULL);

  return g_date_new_dmy (g_date_time_get_day_of_month (dt),
                         g_date_time_get_month (dt),
                         g_date_time_get_year (dt));
}
