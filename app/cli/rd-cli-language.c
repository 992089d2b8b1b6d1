/* rd-cli-language.c: the "language" command, the language a case's documents are written in.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-cli.h"

static int
refuse_language (const char *language)
{
  g_auto(GStrv) codes = rd_i18n_list_languages ();
  g_autofree char *list = g_strjoinv (", ", codes);

  return rd_cli_usage_error (_("Redress cannot write documents in “%s”. It can write "
                               "them in: %s."), language, list);
}

/* language CASE_ID [CODE]: prints the case's document language, or sets it.
 * Only a language whose translation is installed can be chosen here, so
 * that a typing mistake is caught now rather than at the next export. */
int
rd_cli_language (RdCliContext *ctx)
{
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdCase) rcase = NULL;
  g_autoptr(GError) error = NULL;
  const char *language;
  gint64 case_id;

  if (ctx->n_args < 1 || ctx->n_args > 2)
    return rd_cli_usage_error (_("Usage: redress-cli language CASE_ID [CODE]"));
  if (!rd_cli_parse_id (ctx->args[0], &case_id))
    return rd_cli_usage_error (_("“%s” is not a case number."), ctx->args[0]);
  if (ctx->n_args == 2 && !rd_i18n_language_is_available (ctx->args[1]))
    return refuse_language (ctx->args[1]);

  store = ctx->n_args == 2 ? rd_cli_open_store_for_writing (ctx) : rd_cli_open_existing_store (ctx);
  if (store == NULL)
    return RD_CLI_FAILED;
  rcase = rd_cli_get_case (store, case_id);
  if (rcase == NULL)
    return RD_CLI_FAILED;

  if (ctx->n_args == 2)
    {
      rd_case_set_document_language (rcase, ctx->args[1]);
      if (!rd_store_save_case (store, rcase, &error))
        {
          g_printerr ("redress-cli: %s\n", error->message);
          return RD_CLI_FAILED;
        }
    }

  language = rd_case_get_document_language (rcase);
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "case_id");
      json_builder_add_int_value (builder, case_id);
      json_builder_set_member_name (builder, "document_language");
      json_builder_add_string_value (builder, language);
      json_builder_set_member_name (builder, "available");
      json_builder_add_boolean_value (builder, rd_i18n_language_is_available (language));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      rd_cli_print_json (root);
    }
  else
    {
      g_print ("%s\t%s\n", language, rd_i18n_get_language_name (language));
      if (!rd_i18n_language_is_available (language))
        g_printerr (_("Its translation is not installed here: documents are written in English.\n"));
    }
  return RD_CLI_OK;
}
