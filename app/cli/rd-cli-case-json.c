/* rd-cli-case-json.c: the "import" and "export-json" commands.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "rd-cli.h"

int
rd_cli_import (RdCliContext *ctx)
{
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) file = NULL;
  gint64 case_id;

  if (ctx->n_args != 1)
    return rd_cli_usage_error (_("“import” takes one file: redress-cli import FILE.json"));

  /* Mapped, not read into memory: a file over the limits is refused after
   * a look at its size or at its first too-long text, not after a copy of
   * all of it. */
  file = g_mapped_file_new (ctx->args[0], FALSE, &error);
  if (file == NULL)
    return rd_cli_usage_error (_("Could not read “%s”: %s"), ctx->args[0], error->message);

  store = rd_cli_open_store_for_writing (ctx);
  if (store == NULL)
    return RD_CLI_FAILED;

  {
    g_auto(RdCliJob) job = { 0 };
    /* The bytes keep the mapping. */
    g_autoptr(GBytes) document = g_mapped_file_get_length (file) > 0
                                 ? g_mapped_file_get_bytes (file) : g_bytes_new_static ("", 0);

    rd_cli_job_init (&job);
    rd_handover_import_json_async (store, document, job.progress, job.cancellable,
                                   rd_cli_job_done_cb, &job);
    case_id = rd_handover_import_json_finish (rd_cli_job_wait (&job), &error);
  }
  if (case_id == 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return rd_cli_job_failed (error, RD_CLI_FAILED);
      g_printerr ("redress-cli: %s: %s\n", ctx->args[0], error->message);
      return error->domain == RD_CASE_JSON_ERROR ? RD_CLI_USAGE : RD_CLI_FAILED;
    }
  g_print ("%" G_GINT64_FORMAT "\n", case_id);
  return RD_CLI_OK;
}

int
rd_cli_export_json (RdCliContext *ctx)
{
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 case_id;

  if (ctx->n_args != 1 || !rd_cli_parse_id (ctx->args[0], &case_id))
    return rd_cli_usage_error (_("“export-json” takes a case number: redress-cli export-json CASE_ID"));

  store = rd_cli_open_store (ctx);
  if (store == NULL)
    return RD_CLI_FAILED;

  text = rd_case_json_export (store, case_id, &error);
  if (text == NULL)
    {
      g_printerr ("redress-cli: %s\n", error->message);
      return RD_CLI_FAILED;
    }
  errno = 0;
  fputs (text, stdout);
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      /* The output was opened by the shell, so half of it may be there:
       * say so, rather than that nothing was written. */
      if (errno == ENOSPC || errno == EDQUOT)
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
  return RD_CLI_OK;
}
