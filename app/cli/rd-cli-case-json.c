/* rd-cli-case-json.c: the "import" and "export-json" commands.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-cli"

#include "config.h"

#include <errno.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "rd-cli.h"

/* --country overrides the file's, once the case is in. */
static gboolean
set_country (RdStore    *store,
             gint64      case_id,
             RdCountry   country,
             GError    **error)
{
  g_autoptr(RdCase) rcase = rd_store_get_case (store, case_id, error);

  if (rcase == NULL)
    return FALSE;
  rd_case_set_country (rcase, country);
  return rd_store_save_case (store, rcase, error);
}

int
rd_cli_import (RdCliContext *ctx)
{
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  gint64 case_id;
  /* import FILE.json [--country england|wales]: the country overrides the file's */
  const char *file = ctx->n_args == 1 ? ctx->args[0] : NULL;
  const char *country_key = ctx->options->country;
  RdCountry country = RD_COUNTRY_ENGLAND;

  if (file == NULL || *file == '\0')
    return rd_cli_usage_error (_("“import” takes one file: redress-cli import FILE.json [--country england|wales]"));
  if (country_key != NULL && !rd_country_from_string (country_key, &country))
    return rd_cli_usage_error (_("“%s” is not a country Redress knows: england or wales."), country_key);

  /* Mapped, not read into memory: a file over the limits is refused after
   * a look at its size or at its first too-long text, not after a copy of
   * all of it. */
  mapped = g_mapped_file_new (file, FALSE, &error);
  if (mapped == NULL)
    return rd_cli_usage_error (_("Could not read “%s”: %s"), file, error->message);

  store = rd_cli_open_store_for_writing (ctx);
  if (store == NULL)
    return RD_CLI_FAILED;

  {
    g_auto(RdCliJob) job = { 0 };

    rd_cli_job_init (&job);
    rd_handover_import_json_mapped_async (store, mapped, job.progress, job.cancellable,
                                          rd_cli_job_done_cb, &job);
    case_id = rd_handover_import_json_finish (rd_cli_job_wait (&job), &error);
  }
  if (case_id == 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return rd_cli_job_failed (error, RD_CLI_FAILED);
      g_printerr ("redress-cli: %s: %s\n", file, error->message);
      return error->domain == RD_CASE_JSON_ERROR ? RD_CLI_USAGE : RD_CLI_FAILED;
    }
  if (country_key != NULL && !set_country (store, case_id, country, &error))
    {
      g_printerr ("redress-cli: %s: %s\n", file, error->message);
      return RD_CLI_FAILED;
    }
  g_print ("%" G_GINT64_FORMAT "\n", case_id);
  return RD_CLI_OK;
}

int
rd_cli_export_json (RdCliContext *ctx)
{
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = NULL;
  gint64 case_id;

  if (ctx->n_args != 1 || !rd_cli_parse_id (ctx->args[0], &case_id))
    return rd_cli_usage_error (_("“export-json” takes a case number: redress-cli export-json CASE_ID"));

  store = rd_cli_open_store (ctx);
  if (store == NULL)
    return RD_CLI_FAILED;

  /* Written as it is read, so that a long diary is never held whole. */
  fflush (stdout);
  out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  errno = 0;
  if (rd_case_json_write (store, case_id, out, NULL, &error))
    return RD_CLI_OK;
  if (error->domain != G_IO_ERROR)
    g_printerr ("redress-cli: %s\n", error->message);
  /* The output was opened by the shell, so half of it may be there: say
   * so, rather than that nothing was written. GIO names no error for a
   * full quota; errno still holds the failed write's. */
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE) || errno == EDQUOT)
    g_printerr ("redress-cli: %s\n",
                _("The disk is full, so the case could not be written out in full. What "
                  "was written is incomplete: delete it, free some space and try again. "
                  "The case itself is unchanged."));
  else
    g_printerr ("redress-cli: %s\n",
                _("Could not write the case out, so what was written is incomplete: "
                  "delete it and try again. The case itself is unchanged."));
  return RD_CLI_FAILED;
}
