/* rd-cli-calendar.c: the "holidays", "workdays" and "add-workdays" commands.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rd-cli.h"

static gboolean
parse_year (const char *text,
            int        *year)
{
  gint64 value;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      {
        rd_cli_usage_error (_("“%s” is not a year. Write it with digits, for example 2024."), text);
        return FALSE;
      }
  if (text[0] == '\0' || !g_ascii_string_to_signed (text, 10, 0, 99999, &value, NULL))
    {
      rd_cli_usage_error (_("“%s” is not a year. Write it with digits, for example 2024."), text);
      return FALSE;
    }
  if (value < RD_CALENDAR_YEAR_MIN || value > RD_CALENDAR_YEAR_MAX)
    {
      rd_cli_usage_error (_("%s is outside the years Redress works with (%d to %d)."),
                          text, RD_CALENDAR_YEAR_MIN, RD_CALENDAR_YEAR_MAX);
      return FALSE;
    }
  *year = (int) value;
  return TRUE;
}

static GDate *
parse_date (const char *text)
{
  g_autoptr(GError) error = NULL;
  GDate *date = rd_date_parse_iso (text, &error);

  if (date == NULL)
    rd_cli_usage_error ("%s", error->message);
  return date;
}

int
rd_cli_holidays (RdCliContext *ctx)
{
  g_autoptr(GArray) holidays = NULL;
  g_autoptr(GError) error = NULL;
  int year;

  if (ctx->n_args != 1)
    return rd_cli_usage_error (_("Usage: redress-cli holidays YEAR [--json]"));
  if (!parse_year (ctx->args[0], &year))
    return RD_CLI_USAGE;

  holidays = rd_calendar_list_bank_holidays (year, &error);
  if (holidays == NULL)
    return rd_cli_usage_error ("%s", error->message);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < holidays->len; i++)
        {
          const RdBankHoliday *h = &g_array_index (holidays, RdBankHoliday, i);
          g_autofree char *iso = rd_date_to_iso (&h->date);
          g_autofree char *longer = rd_date_format_long (&h->date);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "date");
          json_builder_add_string_value (builder, iso);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, h->name);
          json_builder_set_member_name (builder, "long_date");
          json_builder_add_string_value (builder, longer);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      rd_cli_print_json (root);
      return RD_CLI_OK;
    }

  for (guint i = 0; i < holidays->len; i++)
    {
      g_autofree char *iso = rd_date_to_iso (&g_array_index (holidays, RdBankHoliday, i).date);

      g_print ("%s\n", iso);
    }
  return RD_CLI_OK;
}

int
rd_cli_workdays (RdCliContext *ctx)
{
  g_autoptr(GDate) from = NULL;
  g_autoptr(GDate) to = NULL;

  if (ctx->n_args != 2)
    return rd_cli_usage_error (_("Usage: redress-cli workdays FROM TO (dates as YYYY-MM-DD)"));
  if ((from = parse_date (ctx->args[0])) == NULL || (to = parse_date (ctx->args[1])) == NULL)
    return RD_CLI_USAGE;

  g_print ("%d\n", rd_calendar_count_working_days (from, to));
  return RD_CLI_OK;
}

int
rd_cli_add_workdays (RdCliContext *ctx)
{
  g_autoptr(GDate) from = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  const char *n_text, *digits;
  gint64 n;
  GDate result;

  if (ctx->n_args != 2)
    return rd_cli_usage_error (_("Usage: redress-cli add-workdays DATE N (N may be negative)"));
  if ((from = parse_date (ctx->args[0])) == NULL)
    return RD_CLI_USAGE;

  n_text = ctx->args[1];
  if (n_text[0] == '+')
    n_text++;
  digits = n_text + (n_text[0] == '-');
  if (digits[0] == '\0' || strspn (digits, "0123456789") != strlen (digits))
    return rd_cli_usage_error (_("“%s” is not a whole number of working days."), ctx->args[1]);
  /* A whole number all the same, but too big for any date to be the answer. */
  if (!g_ascii_string_to_signed (n_text, 10, -1000000, 1000000, &n, NULL))
    return rd_cli_usage_error (_("The answer would fall outside the years Redress works with "
                                 "(%d to %d)."), RD_CALENDAR_YEAR_MIN, RD_CALENDAR_YEAR_MAX);

  if (!rd_calendar_add_working_days (from, (int) n, &result, &error))
    return rd_cli_usage_error ("%s", error->message);

  iso = rd_date_to_iso (&result);
  g_print ("%s\n", iso);
  return RD_CLI_OK;
}
