/* rd-cli-archive.c: the "export-case" and "import-case" commands: handing a
 * case over to another computer as one .redress archive.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rd-cli.h"

int
rd_cli_export_case (RdCliContext *ctx)
{
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RdCliJob) job = { 0 };
  const char *output = ctx->options->output;
  gint64 case_id = 0;

  if (ctx->n_args != 1 || !rd_cli_parse_id (ctx->args[0], &case_id) ||
      output == NULL || *output == '\0')
    return rd_cli_usage_error (_("“export-case” takes a case number and a file: "
                                 "redress-cli export-case CASE_ID --output FILE.redress"));

  store = rd_cli_open_store (ctx);
  if (store == NULL)
    return RD_CLI_FAILED;
  rd_cli_job_init (&job);
  rd_handover_export_async (store, case_id, output, job.progress, job.cancellable,
                            rd_cli_job_done_cb, &job);
  if (!rd_handover_export_finish (rd_cli_job_wait (&job), &error))
    /* A refused file name is a mistake on the command line. */
    return rd_cli_job_failed (error, error->domain == RD_OUTPUT_ERROR &&
                                     error->code != RD_OUTPUT_ERROR_WRITE
                                     ? RD_CLI_USAGE : RD_CLI_FAILED);
  return RD_CLI_OK;
}

int
rd_cli_import_case (RdCliContext *ctx)
{
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  RdCaseArchiveImportFlags flags = 0;
  const char *path = ctx->n_args == 1 ? ctx->args[0] : NULL;
  gint64 case_id;

  if (ctx->options->as_copy)
    flags |= RD_CASE_ARCHIVE_IMPORT_AS_COPY;
  if (path == NULL || *path == '\0')
    return rd_cli_usage_error (_("“import-case” takes one file: "
                                 "redress-cli import-case FILE.redress [--as-copy]"));

  store = rd_cli_open_store_for_writing (ctx);
  if (store == NULL)
    return RD_CLI_FAILED;
  {
    g_auto(RdCliJob) job = { 0 };

    rd_cli_job_init (&job);
    rd_handover_import_async (store, path, flags, job.progress, job.cancellable,
                              rd_cli_job_done_cb, &job);
    case_id = rd_handover_import_finish (rd_cli_job_wait (&job), &error);
  }
  if (case_id == 0)
    {
      int status = rd_cli_job_failed (error, RD_CLI_FAILED);

      if (g_error_matches (error, RD_CASE_ARCHIVE_ERROR, RD_CASE_ARCHIVE_ERROR_DUPLICATE))
        g_printerr (_("redress-cli: To keep a second, separate copy, run import-case again with --as-copy.\n"));
      return status;
    }
  g_print ("%" G_GINT64_FORMAT "\n", case_id);
  return RD_CLI_OK;
}
