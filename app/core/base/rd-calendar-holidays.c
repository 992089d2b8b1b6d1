/* rd-calendar-holidays.c: England and Wales bank holidays: the rules, the
 * changes file, and the table of every year Redress works with.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-calendar"

#include "config.h"

#include "rd-gettext.h"
#include <string.h>

#include "rd-calendar-private.h"
#include "rd-core-resources.h"
#include "rd-datetime.h"

#define CHANGES_RESOURCE "/app/redress/Redress/core/bank-holiday-changes.txt"

typedef struct {
  guint32     julian;
  const char *name;   /* untranslated; static or interned */
} Holiday;


typedef enum {
  CHANGE_ADD,
  CHANGE_MOVE,
  CHANGE_REMOVE,
} ChangeKind;

typedef struct {
  ChangeKind  kind;
  guint32     julian;
  guint32     from;   /* CHANGE_MOVE only */
  const char *name;
} Change;

static guint32
julian_dmy (int day,
            int month,
            int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/* GLib's day 1 (1 January of year 1) is a Monday. */
static inline int
weekday_of (guint32 julian)
{
  return (int) ((julian - 1) % 7) + 1;   /* G_DATE_MONDAY = 1 … G_DATE_SUNDAY = 7 */
}

static inline gboolean
is_weekend (guint32 julian)
{
  return weekday_of (julian) >= G_DATE_SATURDAY;
}

/* The first weekday @wd (G_DATE_MONDAY…) on or after @julian. */
static guint32
weekday_on_or_after (guint32 julian,
                     int     wd)
{
  return julian + (guint32) ((wd - weekday_of (julian) + 7) % 7);
}

static guint32
weekday_on_or_before (guint32 julian,
                      int     wd)
{
  return julian - (guint32) ((weekday_of (julian) - wd + 7) % 7);
}

/**
 * rd_calendar_get_easter:
 *
 * Easter Sunday in the Gregorian calendar (the anonymous algorithm
 * published in Nature in 1876, as given by Meeus).
 */
void
rd_calendar_get_easter (int    year,
                        GDate *easter)
{
  int a = year % 19;
  int b = year / 100;
  int c = year % 100;
  int d = b / 4;
  int e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4;
  int k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;

  g_return_if_fail (easter != NULL);

  g_date_clear (easter, 1);
  g_date_set_dmy (easter, day, month, year);
}

static void
add_holiday (GArray     *out,
             guint32     julian,
             const char *name)
{
  Holiday h = { julian, name };

  g_array_append_val (out, h);
}

/*
 * The holidays the rules give for @year, before one-off changes. The eras:
 * the Bank Holidays Act 1871 (Easter Monday, Whit Monday, the first Monday
 * of August, Boxing Day; Good Friday and Christmas Day by common law); the
 * 1965–1970 trial of late-May and late-August holidays; the Banking and
 * Financial Dealings Act 1971 (last Mondays of May and August, substitute
 * days); New Year's Day proclaimed from 1974 and the early May holiday from
 * 1978.
 */
static void
add_rule_holidays (int     year,
                   GArray *out)
{
  GDate easter;
  guint32 e, jan1, may1, may31, aug1, aug31, dec25, dec26;

  rd_calendar_get_easter (year, &easter);
  e = g_date_get_julian (&easter);
  jan1 = julian_dmy (1, 1, year);
  may1 = julian_dmy (1, 5, year);
  may31 = julian_dmy (31, 5, year);
  aug1 = julian_dmy (1, 8, year);
  aug31 = julian_dmy (31, 8, year);
  dec25 = julian_dmy (25, 12, year);
  dec26 = dec25 + 1;

  if (year >= 1974)
    {
      if (weekday_of (jan1) == G_DATE_SATURDAY)
        add_holiday (out, jan1 + 2, N_("New Year’s Day (substitute day)"));
      else if (weekday_of (jan1) == G_DATE_SUNDAY)
        add_holiday (out, jan1 + 1, N_("New Year’s Day (substitute day)"));
      else
        add_holiday (out, jan1, N_("New Year’s Day"));
    }

  add_holiday (out, e - 2, N_("Good Friday"));
  add_holiday (out, e + 1, N_("Easter Monday"));

  if (year >= 1978)
    add_holiday (out, weekday_on_or_after (may1, G_DATE_MONDAY), N_("Early May bank holiday"));

  if (year >= 1971)
    add_holiday (out, weekday_on_or_before (may31, G_DATE_MONDAY), N_("Spring bank holiday"));
  else
    add_holiday (out, e + 50, N_("Whit Monday"));

  if (year >= 1971)
    add_holiday (out, weekday_on_or_before (aug31, G_DATE_MONDAY), N_("Summer bank holiday"));
  else if (year >= 1965)
    add_holiday (out, weekday_on_or_before (aug31, G_DATE_SATURDAY) + 2,
                 N_("Summer bank holiday"));
  else
    add_holiday (out, weekday_on_or_after (aug1, G_DATE_MONDAY), N_("August bank holiday"));

  if (year >= 1971)
    {
      switch (weekday_of (dec25))
        {
        case G_DATE_SATURDAY:
          add_holiday (out, dec25 + 2, N_("Christmas Day (substitute day)"));
          add_holiday (out, dec25 + 3, N_("Boxing Day (substitute day)"));
          break;
        case G_DATE_SUNDAY:
          add_holiday (out, dec26, N_("Boxing Day"));
          add_holiday (out, dec25 + 2, N_("Christmas Day (substitute day)"));
          break;
        case G_DATE_FRIDAY:
          add_holiday (out, dec25, N_("Christmas Day"));
          add_holiday (out, dec25 + 3, N_("Boxing Day (substitute day)"));
          break;
        default:
          add_holiday (out, dec25, N_("Christmas Day"));
          add_holiday (out, dec26, N_("Boxing Day"));
          break;
        }
    }
  else
    {
      add_holiday (out, dec25, N_("Christmas Day"));
      add_holiday (out, weekday_of (dec26) == G_DATE_SUNDAY ? dec26 + 1 : dec26,
                   N_("Boxing Day"));
    }
}

static gboolean
parse_julian (const char *text,
              guint32    *out)
{
  g_autoptr(GError) error = NULL;
  GDate *date = rd_date_parse_iso (text, &error);

  if (date == NULL)
    return FALSE;
  *out = g_date_get_julian (date);
  g_date_free (date);
  return TRUE;
}

/*
 * The changes file is compiled in, so a malformed line is a bug in Redress:
 * it is reported loudly (the calendar test makes criticals fatal) and
 * skipped.
 */
static GArray *
load_changes (void)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  gsize size;
  const char *data;

  bytes = g_resource_lookup_data (rd_core_get_resource (), CHANGES_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_critical ("Cannot read %s: %s", CHANGES_RESOURCE, error->message);
      return changes;
    }
  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data, size);
  lines = g_strsplit (text, "\n", -1);

  for (guint n = 0; lines[n] != NULL; n++)
    {
      g_auto(GStrv) words = NULL;
      g_autoptr(GPtrArray) parts = g_ptr_array_new ();
      char *line = g_strstrip (lines[n]);
      Change change = { 0 };
      guint name_at;

      if (line[0] == '\0' || line[0] == '#')
        continue;

      words = g_strsplit_set (line, " \t", -1);
      for (guint i = 0; words[i] != NULL; i++)
        if (words[i][0] != '\0')
          g_ptr_array_add (parts, words[i]);

      if (parts->len < 3)
        goto bad;
      if (g_str_equal (parts->pdata[0], "add"))
        change.kind = CHANGE_ADD;
      else if (g_str_equal (parts->pdata[0], "move"))
        change.kind = CHANGE_MOVE;
      else if (g_str_equal (parts->pdata[0], "remove"))
        change.kind = CHANGE_REMOVE;
      else
        goto bad;

      if (!parse_julian (parts->pdata[1], &change.julian))
        goto bad;
      name_at = 2;
      if (change.kind == CHANGE_MOVE)
        {
          if (parts->len < 4 || !parse_julian (parts->pdata[2], &change.from))
            goto bad;
          name_at = 3;
        }
      {
        g_autoptr(GString) name = g_string_new (NULL);

        for (guint i = name_at; i < parts->len; i++)
          {
            if (name->len > 0)
              g_string_append_c (name, ' ');
            g_string_append (name, parts->pdata[i]);
          }
        change.name = g_intern_string (name->str);
      }
      g_array_append_val (changes, change);
      continue;

    bad:
      g_critical ("%s line %u is not a valid change: “%s”", CHANGES_RESOURCE, n + 1, line);
    }

  return changes;
}

static gint
compare_holidays (gconstpointer a,
                  gconstpointer b)
{
  const Holiday *ha = a;
  const Holiday *hb = b;

  return ha->julian < hb->julian ? -1 : ha->julian > hb->julian;
}

static gssize
find_holiday (GArray  *holidays,
              guint32  julian)
{
  guint lo = 0, hi = holidays->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint32 j = g_array_index (holidays, Holiday, mid).julian;

      if (j == julian)
        return mid;
      if (j < julian)
        lo = mid + 1;
      else
        hi = mid;
    }
  return -1;
}

static void
apply_change (GArray       *year_holidays,
              const Change *change)
{
  gssize at;

  switch (change->kind)
    {
    case CHANGE_ADD:
      if (find_holiday (year_holidays, change->julian) >= 0)
        g_critical ("%s adds a bank holiday on day %u, which already is one",
                    CHANGES_RESOURCE, change->julian);
      add_holiday (year_holidays, change->julian, change->name);
      break;

    case CHANGE_MOVE:
      at = find_holiday (year_holidays, change->from);
      if (at < 0)
        {
          g_critical ("%s moves a bank holiday from day %u, which the rules do not give",
                      CHANGES_RESOURCE, change->from);
          add_holiday (year_holidays, change->julian, change->name);
          break;
        }
      g_array_index (year_holidays, Holiday, at).julian = change->julian;
      g_array_index (year_holidays, Holiday, at).name = change->name;
      break;

    case CHANGE_REMOVE:
      at = find_holiday (year_holidays, change->julian);
      if (at < 0)
        g_critical ("%s removes a bank holiday on day %u, which the rules do not give",
                    CHANGES_RESOURCE, change->julian);
      else
        g_array_remove_index (year_holidays, at);
      break;

    default:
      g_assert_not_reached ();
    }
  g_array_sort (year_holidays, compare_holidays);
}

static RdCalendarTable *
build_table (void)
{
  RdCalendarTable *table = g_new0 (RdCalendarTable, 1);
  g_autoptr(GArray) changes = load_changes ();
  g_autoptr(GArray) year_holidays = g_array_new (FALSE, FALSE, sizeof (Holiday));

  table->holidays = g_array_new (FALSE, FALSE, sizeof (Holiday));
  table->weekdays = g_array_new (FALSE, FALSE, sizeof (guint32));
  table->first = julian_dmy (1, 1, RD_CALENDAR_YEAR_MIN);
  table->last = julian_dmy (31, 12, RD_CALENDAR_YEAR_MAX);

  for (int year = RD_CALENDAR_YEAR_MIN; year <= RD_CALENDAR_YEAR_MAX; year++)
    {
      guint32 jan1 = julian_dmy (1, 1, year);
      guint32 dec31 = julian_dmy (31, 12, year);

      g_array_set_size (year_holidays, 0);
      add_rule_holidays (year, year_holidays);
      g_array_sort (year_holidays, compare_holidays);

      for (guint i = 0; i < changes->len; i++)
        {
          const Change *change = &g_array_index (changes, Change, i);

          if (change->julian >= jan1 && change->julian <= dec31)
            apply_change (year_holidays, change);
        }

      for (guint i = 0; i < year_holidays->len; i++)
        {
          const Holiday *h = &g_array_index (year_holidays, Holiday, i);

          if (i > 0 && g_array_index (year_holidays, Holiday, i - 1).julian == h->julian)
            continue;
          g_array_append_val (table->holidays, *h);
          if (!is_weekend (h->julian))
            g_array_append_val (table->weekdays, h->julian);
        }
    }

  return table;
}

/* Built once, on first use, and kept: it never changes while Redress runs. */
const RdCalendarTable *
_rd_calendar_get_table (void)
{
  static RdCalendarTable *table;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, build_table ());
  return table;
}

/**
 * rd_calendar_list_bank_holidays:
 * @year: a year from 1900 to 2200
 *
 * Returns: (transfer full) (element-type RdBankHoliday): the year's England
 *   and Wales bank holidays in date order, with translated names, or %NULL
 *   with @error set when @year is out of range
 */
GArray *
rd_calendar_list_bank_holidays (int      year,
                                GError **error)
{
  const RdCalendarTable *table;
  GArray *out;
  guint32 jan1, dec31;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (year < RD_CALENDAR_YEAR_MIN || year > RD_CALENDAR_YEAR_MAX)
    {
      g_set_error (error, RD_DATE_ERROR, RD_DATE_ERROR_OUT_OF_RANGE,
                   _("%d is outside the years Redress works with (%d to %d)."),
                   year, RD_CALENDAR_YEAR_MIN, RD_CALENDAR_YEAR_MAX);
      return NULL;
    }

  table = _rd_calendar_get_table ();
  jan1 = julian_dmy (1, 1, year);
  dec31 = julian_dmy (31, 12, year);
  out = g_array_new (FALSE, FALSE, sizeof (RdBankHoliday));
  for (guint i = 0; i < table->holidays->len; i++)
    {
      const Holiday *h = &g_array_index (table->holidays, Holiday, i);
      RdBankHoliday bh;

      if (h->julian < jan1)
        continue;
      if (h->julian > dec31)
        break;
      g_date_clear (&bh.date, 1);
      g_date_set_julian (&bh.date, h->julian);
      bh.name = rd_gettext (h->name);
      g_array_append_val (out, bh);
    }
  return out;
}

/**
 * rd_calendar_is_bank_holiday:
 * @name: (out) (optional): the holiday's translated name
 */
gboolean
rd_calendar_is_bank_holiday (const GDate  *date,
                             const char  **name)
{
  const RdCalendarTable *table;
  gssize at;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  table = _rd_calendar_get_table ();
  at = find_holiday (table->holidays, g_date_get_julian (date));
  if (at < 0)
    return FALSE;
  if (name != NULL)
    *name = rd_gettext (g_array_index (table->holidays, Holiday, at).name);
  return TRUE;
}
