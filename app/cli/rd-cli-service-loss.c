/* rd-cli-service-loss.c: the "service-loss" command, days a diary entry records without heating, hot water or power.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-cli.h"

/* "heating,hot-water" into @loss; "none" records no loss. */
static int
parse_services (const char    *text,
                RdServiceLoss *loss)
{
  g_auto(GStrv) keys = g_strsplit (text, ",", -1);

  if (g_str_equal (text, "none"))
    return RD_CLI_OK;
  for (guint i = 0; keys[i] != NULL; i++)
    {
      RdService service;

      if (!rd_service_from_key (g_strstrip (keys[i]), &service))
        return rd_cli_usage_error (_("“%s” is not one of: heating, hot-water, power, none."), keys[i]);
      loss->lost[service] = TRUE;
    }
  return RD_CLI_OK;
}

static int
parse_day (const char *text,
           GDate      *day)
{
  g_autoptr(GDate) parsed = rd_date_parse_iso (text, NULL);

  if (parsed == NULL)
    return rd_cli_usage_error (_("“%s” is not a date. Write dates as year-month-day, for example "
                                 "2024-03-31."), text);
  *day = *parsed;
  return RD_CLI_OK;
}

/* The loss as typed, checked as the diary editor checks it: a day in the
 * future, or a return before the loss began, is refused with its reason. */
static int
parse_loss (RdCliContext  *ctx,
            RdStore       *store,
            RdServiceLoss *loss)
{
  g_autoptr(GDate) today = rd_clock_dup_today (rd_store_get_clock (store));
  g_autoptr(GError) error = NULL;
  int rc;

  rd_service_loss_init (loss);
  if ((rc = parse_services (ctx->args[1], loss)) != RD_CLI_OK)
    return rc;
  if (rd_service_loss_is_empty (loss))
    return ctx->n_args == 2 ? RD_CLI_OK
                            : rd_cli_usage_error (_("With “none”, give no days."));
  if (ctx->n_args < 3)
    return rd_cli_usage_error (_("Give the first day without it (YYYY-MM-DD)."));
  if ((rc = parse_day (ctx->args[2], &loss->from)) != RD_CLI_OK ||
      (ctx->n_args == 4 && (rc = parse_day (ctx->args[3], &loss->until)) != RD_CLI_OK))
    return rc;
  if (g_date_compare (&loss->from, today) > 0 ||
      (g_date_valid (&loss->until) && g_date_compare (&loss->until, today) > 0))
    return rd_cli_usage_error (_("A day without heating, hot water or power, or the day it came "
                                 "back, cannot be in the future."));
  if (!rd_service_loss_is_valid (loss, &error))
    return rd_cli_usage_error ("%s", error->message);
  return RD_CLI_OK;
}

static void
print_loss (RdCliContext        *ctx,
            gint64               entry_id,
            const RdServiceLoss *loss,
            guint                days)
{
  g_autoptr(GString) services = g_string_new (NULL);
  g_autofree char *from = g_date_valid (&loss->from) ? rd_date_to_iso (&loss->from) : NULL;
  g_autofree char *until = g_date_valid (&loss->until) ? rd_date_to_iso (&loss->until) : NULL;

  for (guint s = 0; s < RD_SERVICE_N_SERVICES; s++)
    if (loss->lost[s])
      g_string_append_printf (services, "%s%s", services->len > 0 ? "," : "", rd_service_to_key (s));
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_auto(GStrv) keys = g_strsplit (services->str, ",", -1);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "entry_id");
      json_builder_add_int_value (builder, entry_id);
      json_builder_set_member_name (builder, "services_lost");
      json_builder_begin_array (builder);
      for (guint i = 0; keys[i] != NULL; i++)
        if (*keys[i] != '\0')
          json_builder_add_string_value (builder, keys[i]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "services_lost_from");
      from ? json_builder_add_string_value (builder, from) : json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "services_lost_until");
      until ? json_builder_add_string_value (builder, until) : json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "days");
      json_builder_add_int_value (builder, days);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      rd_cli_print_json (root);
      return;
    }
  /* Keys and days as they are typed, so the line can be given back. */
  if (rd_service_loss_is_empty (loss))
    g_print ("none\n");
  else
    g_print ("%s\t%s\t%s\t%u\n", services->str, from, until ? until : "-", days);
}

/* service-loss ENTRY_ID [SERVICES FROM [UNTIL]]: prints what a diary entry
 * records of days without heating, hot water or power, or records it.
 * Without UNTIL the home is still without them; "none" records no loss.
 * The store refuses a loss on an entry other than disrepair or other, with
 * its reason, as case JSON import does. */
int
rd_cli_service_loss (RdCliContext *ctx)
{
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdIncident) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = NULL;
  RdServiceLoss loss;
  gint64 entry_id;

  if (ctx->n_args < 1 || ctx->n_args > 4)
    return rd_cli_usage_error (_("Usage: redress-cli service-loss ENTRY_ID [SERVICES FROM [UNTIL]]"));
  if (!rd_cli_parse_id (ctx->args[0], &entry_id))
    return rd_cli_usage_error (_("“%s” is not a diary entry number."), ctx->args[0]);

  store = ctx->n_args > 1 ? rd_cli_open_store_for_writing (ctx) : rd_cli_open_existing_store (ctx);
  if (store == NULL)
    return RD_CLI_FAILED;
  entry = rd_store_get_incident (store, entry_id, &error);
  if (entry == NULL)
    {
      g_printerr ("redress-cli: %s\n", error->message);
      return RD_CLI_FAILED;
    }
  if (ctx->n_args > 1)
    {
      g_autofree char *key = NULL;
      int rc = parse_loss (ctx, store, &loss);

      if (rc != RD_CLI_OK)
        return rc;
      key = rd_service_loss_to_key (&loss);
      rd_incident_set_service_loss (entry, key);
      if (!rd_store_save_incident (store, entry, NULL, &error))
        {
          g_printerr ("redress-cli: %s\n", error->message);
          return RD_CLI_FAILED;
        }
    }
  if (!rd_service_loss_from_key (rd_incident_get_service_loss (entry), &loss, &error))
    {
      g_printerr ("redress-cli: %s\n", error->message);
      return RD_CLI_FAILED;
    }
  today = rd_clock_dup_today (rd_store_get_clock (store));
  print_loss (ctx, entry_id, &loss, rd_service_loss_count_days (&loss, today));
  return RD_CLI_OK;
}
