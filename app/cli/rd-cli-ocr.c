/* rd-cli-ocr.c: the "ocr" command: read the text of a case's scans.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rd-cli.h"

static void
print_summary (const RdOcrSummary *summary)
{
  if (summary->pages_read == 0 && summary->pages_failed == 0)
    {
      g_print ("%s\n", _("There was nothing new to read: every scanned page and photo of the case "
                         "has been read before."));
      return;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "Read %u page or photo; ", "Read %u pages or photos; ",
                        summary->pages_read),
           summary->pages_read);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u had text that evidence search now finds.\n",
                        "%u had text that evidence search now finds.\n", summary->pages_with_text),
           summary->pages_with_text);
  if (summary->pages_failed > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "redress-cli: %u page could not be read: its file is damaged or in a "
                             "form Redress cannot draw.\n",
                             "redress-cli: %u pages could not be read: their files are damaged or in "
                             "a form Redress cannot draw.\n",
                             summary->pages_failed),
                summary->pages_failed);
}

/* ocr CASE_ID [--languages eng+cym] */
int
rd_cli_ocr (RdCliContext *ctx)
{
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdCase) rcase = NULL;
  g_autoptr(GError) error = NULL;
  const char *languages = ctx->options->ocr_languages;
  RdOcrSummary summary = { 0 };
  gboolean done;
  gint64 case_id;

  if (ctx->n_args != 1)
    return rd_cli_usage_error (_("Usage: redress-cli ocr CASE_ID [--languages eng+cym]"));
  if (!rd_cli_parse_id (ctx->args[0], &case_id))
    return rd_cli_usage_error (_("“%s” is not a case number."), ctx->args[0]);
  if (languages != NULL && (*languages == '\0' || strspn (languages, "abcdefghijklmnopqrstuvwxyz_+") != strlen (languages)))
    return rd_cli_usage_error (_("--languages takes Tesseract’s language names joined by “+”, "
                                 "such as eng+cym."));

  store = rd_cli_open_store_for_writing (ctx);
  if (store == NULL)
    return RD_CLI_FAILED;
  rcase = rd_cli_get_case (store, case_id);
  if (rcase == NULL)
    return RD_CLI_FAILED;

  {
    g_auto(RdCliJob) job = { 0 };

    rd_cli_job_init (&job);
    rd_ocr_case_async (store, case_id, languages, job.progress, job.cancellable,
                       rd_cli_job_done_cb, &job);
    done = rd_ocr_case_finish (rd_cli_job_wait (&job), &summary, &error);
  }
  if (!done && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      print_summary (&summary);
      g_printerr ("%s\n", _("redress-cli: stopped. The pages read so far are kept; run the same "
                            "command again to go on from there."));
      return RD_CLI_FAILED;
    }
  if (!done)
    {
      g_printerr ("redress-cli: %s\n", error->message);
      return RD_CLI_FAILED;
    }
  print_summary (&summary);
  return RD_CLI_OK;
}
