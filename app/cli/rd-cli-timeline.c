/* rd-cli-timeline.c: the "timeline" command: a picture of a case as an SVG or PNG file.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rd-cli.h"

static const char *const timeline_usage =
  N_("Usage: redress-cli timeline CASE_ID --output FILE.svg|FILE.png [--today YYYY-MM-DD] "
     "[--language CODE]");

typedef struct {
  gint64      case_id;
  const char *output;
  const char *language;
  GDate      *today;
} TimelineOptions;

static int
parse_options (RdCliContext    *ctx,
               TimelineOptions *options)
{
  const char *language = ctx->options->language;

  if (ctx->n_args != 1 || !rd_cli_parse_id (ctx->args[0], &options->case_id) ||
      ctx->options->output == NULL)
    return rd_cli_usage_error ("%s", _(timeline_usage));
  if ((options->output = ctx->options->output)[0] == '\0')
    return rd_cli_usage_error (_("--output needs a file name."));
  if ((options->language = language) != NULL && !rd_i18n_language_is_available (language))
    {
      g_auto(GStrv) codes = rd_i18n_list_languages ();
      g_autofree char *list = g_strjoinv (", ", codes);

      return rd_cli_usage_error (_("Redress cannot write documents in “%s”. It can write "
                                   "them in: %s."), language, list);
    }
  return rd_cli_parse_today (ctx, &options->today);
}

/* timeline CASE_ID --output FILE.svg|FILE.png [--today YYYY-MM-DD] [--language CODE]:
 * --today is for scripts and tests; the words follow the case's language
 * unless --language says otherwise. */
int
rd_cli_timeline (RdCliContext *ctx)
{
  TimelineOptions options = { 0 };
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = parse_options (ctx, &options);
  if (status != RD_CLI_OK)
    {
      g_clear_pointer (&options.today, g_date_free);
      return status;
    }

  store = rd_cli_open_store (ctx);
  if (store == NULL ||
      !rd_case_service_write_timeline (store, options.case_id, options.today, options.language,
                                       options.output, &error))
    {
      if (error != NULL)
        g_printerr ("redress-cli: %s\n", error->message);
      g_date_free (options.today);
      return RD_CLI_FAILED;
    }
  g_date_free (options.today);
  return RD_CLI_OK;
}
