/* rd-cli-ics.c: the "ics" command: a case's open deadlines as iCalendar events.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rd-cli.h"

int
rd_cli_ics (RdCliContext *ctx)
{
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = NULL;
  g_autofree char *text = NULL;
  gint64 case_id = 0;
  int status;

  /* ics CASE_ID [--today YYYY-MM-DD]: --today is for scripts and tests */
  if (ctx->n_args != 1 || !rd_cli_parse_id (ctx->args[0], &case_id))
    return rd_cli_usage_error (_("Usage: redress-cli ics CASE_ID [--today YYYY-MM-DD] > deadlines.ics"));
  status = rd_cli_parse_today (ctx, &today);
  if (status != RD_CLI_OK)
    return status;

  store = rd_cli_open_store (ctx);
  if (store == NULL)
    return RD_CLI_FAILED;
  text = rd_case_service_export_ics (store, case_id, today, &error);
  if (text == NULL)
    {
      g_printerr ("redress-cli: %s\n", error->message);
      return RD_CLI_FAILED;
    }
  fputs (text, stdout);
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      g_printerr ("redress-cli: %s\n", _("Could not write the calendar out. Is the disk full?"));
      return RD_CLI_FAILED;
    }
  return RD_CLI_OK;
}
