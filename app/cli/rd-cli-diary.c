/* rd-cli-diary.c: the "cases" and "incidents" commands.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-cli.h"

static char *
format_unix (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = rd_datetime_new_from_unix_local (unix_time);

  return dt ? g_date_time_format_iso8601 (dt) : g_strdup ("");
}

int
rd_cli_cases (RdCliContext *ctx)
{
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GListModel) cases = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  guint n;

  if (ctx->n_args != 0)
    return rd_cli_usage_error (_("“cases” takes no arguments."));

  store = rd_cli_open_existing_store (ctx);
  if (store == NULL)
    return RD_CLI_FAILED;
  cases = rd_store_list_cases (store, &error);
  if (cases == NULL)
    {
      g_printerr ("redress-cli: %s\n", error->message);
      return RD_CLI_FAILED;
    }

  n = g_list_model_get_n_items (cases);
  if (ctx->json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdCase) rcase = g_list_model_get_item (cases, i);

      if (ctx->json)
        {
          g_autofree char *created = format_unix (rd_case_get_created_at (rcase));
          g_autofree char *updated = format_unix (rd_case_get_updated_at (rcase));

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, rd_case_get_id (rcase));
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, rd_case_get_title (rcase));
          json_builder_set_member_name (builder, "resident_name");
          json_builder_add_string_value (builder, rd_case_get_resident_name (rcase));
          json_builder_set_member_name (builder, "address");
          json_builder_add_string_value (builder, rd_case_get_address (rcase));
          json_builder_set_member_name (builder, "landlord_name");
          json_builder_add_string_value (builder, rd_case_get_landlord_name (rcase));
          json_builder_set_member_name (builder, "tenancy_type");
          json_builder_add_string_value (builder, rd_tenancy_type_to_string (rd_case_get_tenancy_type (rcase)));
          json_builder_set_member_name (builder, "country");
          json_builder_add_string_value (builder, rd_country_to_string (rd_case_get_country (rcase)));
          json_builder_set_member_name (builder, "notes");
          json_builder_add_string_value (builder, rd_case_get_notes (rcase));
          json_builder_set_member_name (builder, "document_language");
          json_builder_add_string_value (builder, rd_case_get_document_language (rcase));
          json_builder_set_member_name (builder, "created_at");
          json_builder_add_string_value (builder, created);
          json_builder_set_member_name (builder, "updated_at");
          json_builder_add_string_value (builder, updated);
          json_builder_end_object (builder);
        }
      else
        {
          g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", rd_case_get_id (rcase),
                   rd_case_get_title (rcase), rd_case_get_resident_name (rcase),
                   rd_case_get_landlord_name (rcase));
        }
    }
  if (ctx->json)
    {
      g_autoptr(JsonNode) root = NULL;

      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      rd_cli_print_json (root);
    }
  return RD_CLI_OK;
}

/* Heating, hot water or power lost, as in the case JSON, but always
 * there: an empty list and nulls when the entry records none. */
static void
add_service_loss_json (JsonBuilder *builder,
                       const char  *key)
{
  RdServiceLoss loss;

  if (!rd_service_loss_from_key (key, &loss, NULL))
    rd_service_loss_init (&loss);
  rd_case_json_add_service_loss (builder, &loss);
}

static void
add_incident_json (JsonBuilder *builder,
                   RdIncident  *incident)
{
  GDateTime *ends_at = rd_incident_get_ends_at (incident);
  g_autofree char *starts = rd_datetime_to_storage (rd_incident_get_starts_at (incident));
  g_autofree char *ends = ends_at ? rd_datetime_to_storage (ends_at) : NULL;
  g_autofree char *created = format_unix (rd_incident_get_created_at (incident));
  g_autofree char *updated = format_unix (rd_incident_get_updated_at (incident));
  RdReportedTo reported = rd_incident_get_reported_to (incident);
  g_autofree char *reported_on = rd_incident_get_landlord_reported_on (incident)
    ? rd_date_to_iso (rd_incident_get_landlord_reported_on (incident)) : NULL;
  static const struct { RdReportedTo flag; const char *key; } agencies[] = {
    { RD_REPORTED_POLICE, "police" },
    { RD_REPORTED_LANDLORD, "landlord" },
    { RD_REPORTED_COUNCIL, "council" },
    { RD_REPORTED_OTHER, "other" },
  };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, rd_incident_get_id (incident));
  json_builder_set_member_name (builder, "case_id");
  json_builder_add_int_value (builder, rd_incident_get_case_id (incident));
  json_builder_set_member_name (builder, "starts_at");
  json_builder_add_string_value (builder, starts);
  json_builder_set_member_name (builder, "ends_at");
  if (ends)
    json_builder_add_string_value (builder, ends);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "category");
  json_builder_add_string_value (builder, rd_category_to_string (rd_incident_get_category (incident)));
  json_builder_set_member_name (builder, "location");
  json_builder_add_string_value (builder, rd_incident_get_location (incident));
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, rd_incident_get_description (incident));
  json_builder_set_member_name (builder, "impact");
  json_builder_add_string_value (builder, rd_incident_get_impact (incident));
  json_builder_set_member_name (builder, "people");
  json_builder_add_string_value (builder, rd_incident_get_people (incident));
  json_builder_set_member_name (builder, "witnesses");
  json_builder_add_string_value (builder, rd_incident_get_witnesses (incident));
  json_builder_set_member_name (builder, "reported_to");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (agencies); i++)
    if (reported & agencies[i].flag)
      json_builder_add_string_value (builder, agencies[i].key);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "reference");
  json_builder_add_string_value (builder, rd_incident_get_reference (incident));
  /* What the landlord was told and did, as in the case JSON */
  json_builder_set_member_name (builder, "landlord_reported_on");
  if (rd_incident_get_landlord_reported_on (incident) != NULL)
    json_builder_add_string_value (builder, reported_on);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "repair_priority");
  json_builder_add_string_value (builder, rd_incident_get_repair_priority (incident));
  json_builder_set_member_name (builder, "hazard");
  json_builder_add_string_value (builder, rd_hazard_level_to_key (rd_incident_get_hazard (incident)));
  json_builder_set_member_name (builder, "landlord_steps");
  json_builder_begin_object (builder);
  for (guint i = 0; i < RD_STEP_N_STEPS; i++)
    {
      const RdMoment *at = &rd_incident_get_landlord_steps (incident)->at[i];
      g_autofree char *when = NULL;

      if (!rd_moment_is_set (at))
        continue;
      when = rd_moment_to_key (at);
      json_builder_set_member_name (builder, rd_landlord_step_to_key (i));
      json_builder_add_string_value (builder, when);
    }
  json_builder_end_object (builder);
  add_service_loss_json (builder, rd_incident_get_service_loss (incident));
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "updated_at");
  json_builder_add_string_value (builder, updated);
  json_builder_end_object (builder);
}

int
rd_cli_incidents (RdCliContext *ctx)
{
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdCase) rcase = NULL;
  g_autoptr(GListModel) incidents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  gint64 case_id;
  guint n;

  if (ctx->n_args != 1)
    return rd_cli_usage_error (_("Usage: redress-cli incidents CASE_ID [--json]"));
  if (!rd_cli_parse_id (ctx->args[0], &case_id))
    return rd_cli_usage_error (_("“%s” is not a case number."), ctx->args[0]);

  store = rd_cli_open_existing_store (ctx);
  if (store == NULL)
    return RD_CLI_FAILED;
  rcase = rd_cli_get_case (store, case_id);
  if (rcase == NULL)
    return RD_CLI_FAILED;
  incidents = rd_store_list_incidents (store, case_id, &error);
  if (incidents == NULL)
    {
      g_printerr ("redress-cli: %s\n", error->message);
      return RD_CLI_FAILED;
    }

  n = g_list_model_get_n_items (incidents);
  if (ctx->json)
    {
      g_autoptr(JsonNode) root = NULL;

      builder = json_builder_new ();
      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RdIncident) incident = g_list_model_get_item (incidents, i);
          add_incident_json (builder, incident);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      rd_cli_print_json (root);
      return RD_CLI_OK;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdIncident) incident = g_list_model_get_item (incidents, i);
      g_autofree char *when = rd_datetime_format_short (rd_incident_get_starts_at (incident));
      g_autofree char *summary = rd_incident_dup_summary (incident);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", rd_incident_get_id (incident), when,
               rd_category_get_label (rd_incident_get_category (incident)), summary);
    }
  return RD_CLI_OK;
}
