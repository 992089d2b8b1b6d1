/* rd-cli-advisers.c: the "erase" command (and the case archive's, see
 * rd-cli-archive.c): what an adviser with many clients needs.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-cli.h"

int
rd_cli_erase (RdCliContext *ctx)
{
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdCase) rcase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  RdEraseSummary summary = { 0 };
  gboolean yes = FALSE;
  const char *id_text = NULL;
  gint64 case_id = 0;

  for (int i = 0; i < ctx->n_args; i++)
    {
      if (g_str_equal (ctx->args[i], "--yes"))
        yes = TRUE;
      else if (id_text == NULL)
        id_text = ctx->args[i];
      else
        id_text = "";
    }
  if (id_text == NULL || !rd_cli_parse_id (id_text, &case_id))
    return rd_cli_usage_error (_("“erase” takes a case number: redress-cli erase CASE_ID --yes"));

  store = rd_cli_open_store (ctx);
  if (store == NULL)
    return RD_CLI_FAILED;

  rcase = rd_store_get_case (store, case_id, &error);
  if (rcase == NULL || !rd_store_summarise_case (store, case_id, &summary, &error))
    {
      g_printerr ("redress-cli: %s\n", error->message);
      return RD_CLI_FAILED;
    }
  what = rd_erase_summary_describe (&summary);

  if (!yes)
    {
      g_printerr (_("Erasing case %" G_GINT64_FORMAT " “%s” would remove it for good, with %s.\n"
                    "Nothing of it can be brought back. To go ahead, run the command again "
                    "with --yes.\n"),
                  case_id, rd_case_get_title (rcase), what);
      return RD_CLI_USAGE;
    }

  if (!rd_store_erase_case (store, case_id, &error))
    {
      g_printerr ("redress-cli: %s\n", error->message);
      return RD_CLI_FAILED;
    }
  g_print (_("Erased case %" G_GINT64_FORMAT ", with %s.\n"), case_id, what);
  return RD_CLI_OK;
}
