/* rd-case-json-incidents.c: reading a case JSON document's incidents: when,
 * what, who was told, and what the landlord did.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-json"

#include "config.h"

#include "rd-gettext.h"
#include <string.h>

#include "rd-case-json-private.h"
#include "rd-datetime.h"

static gboolean
valid_agency (const char *key)
{
  return !strchr (key, ',') && rd_reported_to_from_string (key) != RD_REPORTED_NONE;
}

/* A key that names a category: any other text reads as noise, so it is
 * compared back. */
static gboolean
category_from_key (const char *key,
                   RdCategory *category)
{
  *category = rd_category_from_string (key);
  return g_str_equal (rd_category_to_string (*category), key);
}

static gboolean
parse_time_of_day (const char *text,
                   int        *minute)
{
  if (strlen (text) != 5 || !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      text[2] != ':' || !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;
  {
    int h = (text[0] - '0') * 10 + (text[1] - '0');
    int m = (text[3] - '0') * 10 + (text[4] - '0');

    if (h > 23 || m > 59)
      return FALSE;
    *minute = h * 60 + m;
  }
  return TRUE;
}

/* "landlord_steps": {"investigated": "2025-11-03T10:15", "repaired": "2025-12-01"};
 * optional, as files written before Redress kept the steps have none. */
static gboolean
parse_landlord_steps (RdJsonCtx   *ctx,
                      JsonObject  *object,
                      const char  *path,
                      RdIncident  *incident)
{
  g_autofree char *steps_path = _rd_json_join_path (path, "landlord_steps");
  JsonNode *node = json_object_get_member (object, "landlord_steps");
  JsonObject *steps_object;
  g_autoptr(GList) names = NULL;
  RdLandlordSteps steps;

  rd_landlord_steps_init (&steps);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      rd_incident_set_landlord_steps (incident, NULL);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _rd_json_fail (ctx, _rd_json_member_line (ctx, object, "landlord_steps"), steps_path,
                          _("This should be an object of dated steps, such as "
                            "{\"investigated\": \"2025-11-03\"}."));
  steps_object = json_node_get_object (node);
  names = json_object_get_members (steps_object);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *value = json_object_get_member (steps_object, name);
      g_autofree char *field = _rd_json_join_path (steps_path, name);
      guint line = _rd_json_member_line (ctx, steps_object, name);
      RdLandlordStep step;

      if (!rd_landlord_step_from_key (name, &step))
        return _rd_json_fail (ctx, line, field, _("“%s” is not one of: %s."), name,
                              "investigated, summary, made-safe, works-started, repaired, "
                              "alternative-accommodation");
      if (JSON_NODE_HOLDS_NULL (value))
        continue;
      if (json_node_get_value_type (value) != G_TYPE_STRING ||
          !rd_moment_from_key (json_node_get_string (value), &steps.at[step]))
        return _rd_json_fail (ctx, line, field,
                              _("This should be a day such as 2025-11-03, or a day and a time "
                                "such as 2025-11-03T14:05."));
    }
  rd_incident_set_landlord_steps (incident, &steps);
  return TRUE;
}

/* When the entry was reported to the police and to the council, and
 * whether it was a hate incident: what an ASB Case Review counts, beside
 * the day it was reported to the landlord. Optional: files written before
 * Redress kept them have none. */
static gboolean
parse_asb_report (RdJsonCtx   *ctx,
                  JsonObject  *object,
                  const char  *path,
                  RdIncident  *incident)
{
  g_autoptr(GDate) police = NULL;
  g_autoptr(GDate) council = NULL;
  g_autofree char *key = NULL;
  RdAsbReport report;

  rd_asb_report_init (&report);
  if (!_rd_json_read_date (ctx, object, path, "police_reported_on", FALSE, &police) ||
      !_rd_json_read_date (ctx, object, path, "council_reported_on", FALSE, &council) ||
      !_rd_json_read_bool (ctx, object, path, "hate_incident", &report.hate))
    return FALSE;
  if (police != NULL)
    report.police = *police;
  if (council != NULL)
    report.council = *council;
  key = rd_asb_report_to_key (&report);
  rd_incident_set_asb_report (incident, key);
  return TRUE;
}

static gboolean
valid_service (const char *key)
{
  RdService service;

  return rd_service_from_key (key, &service);
}

/* "services_lost": ["heating", "hot-water"], "services_lost_from":
 * "2025-11-01", "services_lost_until": "2025-11-09" (absent or null: still
 * without them). Optional: files written before Redress kept them have none. */
static gboolean
parse_service_loss (RdJsonCtx   *ctx,
                    JsonObject  *object,
                    const char  *path,
                    RdIncident  *incident)
{
  g_autofree char *services = NULL;
  g_autoptr(GDate) from = NULL;
  g_autoptr(GDate) until = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_auto(GStrv) keys = NULL;
  RdServiceLoss loss;

  rd_service_loss_init (&loss);
  if (!_rd_json_read_keys (ctx, object, path, "services_lost", valid_service,
                           "heating, hot-water, power", &services) ||
      !_rd_json_read_date (ctx, object, path, "services_lost_from", FALSE, &from) ||
      !_rd_json_read_date (ctx, object, path, "services_lost_until", FALSE, &until))
    return FALSE;
  keys = g_strsplit (services != NULL ? services : "", ",", -1);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      RdService service;

      if (rd_service_from_key (keys[i], &service))
        loss.lost[service] = TRUE;
    }
  if (from != NULL)
    loss.from = *from;
  if (until != NULL)
    loss.until = *until;
  if (!rd_service_loss_is_valid (&loss, &error))
    {
      g_autofree char *field = _rd_json_join_path (path, "services_lost");

      return _rd_json_fail (ctx, _rd_json_member_line (ctx, object, "services_lost"), field,
                            "%s", error->message);
    }
  key = rd_service_loss_to_key (&loss);
  rd_incident_set_service_loss (incident, key);
  return TRUE;
}

/* The optional fields about reporting an entry to the landlord: when, the
 * risk level it gave an ASB report, the priority it gave a repair, and
 * whether it is an Awaab's Law hazard. */
/* Between the time of day it was reported and the landlord's steps. */
static const RdJsonField landlord_report_fields[] = {
  { "asb_risk", "asb-risk", RD_JSON_FIELD_KEY, FALSE, (RdJsonFromKeyFunc) rd_asb_risk_from_key,
    RD_ASB_RISK_N_LEVELS, "high, medium, low, unknown" },
  { "repair_priority", "repair-priority", RD_JSON_FIELD_STRING },
  { "hazard", "hazard", RD_JSON_FIELD_KEY, FALSE, (RdJsonFromKeyFunc) rd_hazard_level_from_key,
    RD_HAZARD_N_LEVELS,
    "none, emergency, significant-damp-mould, significant-excess-cold, "
    "significant-excess-heat, significant-falls, "
    "significant-structural-collapse, significant-fire, "
    "significant-electrical, significant-hygiene, "
    "significant-food-safety, significant-other" },
};

static gboolean
parse_landlord_report (RdJsonCtx   *ctx,
                       JsonObject  *object,
                       const char  *path,
                       RdIncident  *incident)
{
  g_autoptr(GDate) reported_on = NULL;
  const char *text;
  int minute = -1;

  if (!_rd_json_read_date (ctx, object, path, "landlord_reported_on", FALSE, &reported_on) ||
      !_rd_json_read_string (ctx, object, path, "landlord_reported_time", FALSE, &text))
    return FALSE;
  if (*text != '\0')
    {
      g_autofree char *field = _rd_json_join_path (path, "landlord_reported_time");

      if (!parse_time_of_day (text, &minute))
        return _rd_json_fail (ctx, _rd_json_member_line (ctx, object, "landlord_reported_time"), field,
                              _("“%s” is not a time of day such as 09:30 or 14:05."), text);
      if (reported_on == NULL)
        return _rd_json_fail (ctx, _rd_json_member_line (ctx, object, "landlord_reported_time"), field,
                              _("A time of day needs the day too: add landlord_reported_on."));
    }
  rd_incident_set_landlord_reported_on (incident, reported_on);
  rd_incident_set_landlord_reported_minute (incident, minute);
  return _rd_json_read_fields (ctx, object, path, incident, landlord_report_fields,
                               G_N_ELEMENTS (landlord_report_fields)) &&
         parse_landlord_steps (ctx, object, path, incident) &&
         parse_asb_report (ctx, object, path, incident) &&
         parse_service_loss (ctx, object, path, incident);
}

/* Up to "reported_to", a list of keys. */
static const RdJsonField incident_fields[] = {
  { "starts_at", "starts-at", RD_JSON_FIELD_DATETIME, TRUE },
  { "ends_at", "ends-at", RD_JSON_FIELD_DATETIME },
  { "category", "category", RD_JSON_FIELD_KEY, TRUE, (RdJsonFromKeyFunc) category_from_key, 0,
    NULL, (RdJsonToKeyFunc) rd_category_to_string, 0, RD_CATEGORY_N_CATEGORIES },
  { "location", "location", RD_JSON_FIELD_STRING },
  { "description", "description", RD_JSON_FIELD_STRING },
  { "impact", "impact", RD_JSON_FIELD_STRING },
  { "people", "people", RD_JSON_FIELD_STRING },
  { "witnesses", "witnesses", RD_JSON_FIELD_STRING },
  { "reference", "reference", RD_JSON_FIELD_STRING },
};

/* Entry @i of the list, @node, checked; %NULL with ctx->error set if it
 * is wrong. */
static RdIncident *
parse_incident (RdJsonCtx *ctx,
                JsonArray *array,
                guint      i,
                JsonNode  *node)
{
  static const char * const known[] = {
    "id", "starts_at", "ends_at", "category", "location", "description", "impact", "people",
    "witnesses", "reported_to", "reference", "landlord_reported_on", "landlord_reported_time",
    "asb_risk", "repair_priority", "hazard", "landlord_steps", "police_reported_on",
    "council_reported_on", "hate_incident", "services_lost", "services_lost_from",
    "services_lost_until", NULL
  };
  g_autofree char *path = g_strdup_printf ("incidents[%u]", i);
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *reported = NULL;
  JsonObject *object;

  if (!_rd_json_node_object (ctx, array, i, node, path, &object) ||
      !_rd_json_check_members (ctx, object, path, known) ||
      !_rd_json_read_id (ctx, object, path, ctx->incident_ids, i + 1))
    return NULL;
  rd_incident_set_id (incident, i + 1);
  if (!_rd_json_read_fields (ctx, object, path, incident, incident_fields,
                             G_N_ELEMENTS (incident_fields)) ||
      !_rd_json_read_keys (ctx, object, path, "reported_to", valid_agency,
                  "police, landlord, council, other", &reported))
    return NULL;
  rd_incident_set_reported_to (incident, rd_reported_to_from_string (reported));

  if (!parse_landlord_report (ctx, object, path, incident))
    return NULL;

  if (!rd_incident_validate (incident, ctx->now, &local_error))
    {
      /* A field the category does not use is refused, not kept unused:
       * the export writes "not set" values only, which pass. */
      const char *name = g_error_matches (local_error, RD_INCIDENT_ERROR,
                                          RD_INCIDENT_ERROR_NOT_FOR_CATEGORY)
                         ? rd_incident_get_misplaced_field (incident)
                         : g_error_matches (local_error, RD_INCIDENT_ERROR,
                                            RD_INCIDENT_ERROR_END_BEFORE_START) ? "ends_at"
                         : g_error_matches (local_error, RD_INCIDENT_ERROR,
                                            RD_INCIDENT_ERROR_REPORTED_IN_FUTURE) ? "landlord_reported_on"
                         : (g_error_matches (local_error, RD_INCIDENT_ERROR,
                                             RD_INCIDENT_ERROR_STEP_IN_FUTURE) ||
                            g_error_matches (local_error, RD_INCIDENT_ERROR,
                                             RD_INCIDENT_ERROR_STEP_BEFORE_REPORT)) ? "landlord_steps"
                         : "starts_at";
      g_autofree char *field = _rd_json_join_path (path, name);

      _rd_json_fail (ctx, _rd_json_member_line (ctx, object, name), field, "%s", local_error->message);
      return NULL;
    }
  return g_steal_pointer (&incident);
}

gboolean
_rd_json_parse_incident (RdJsonCtx   *ctx,
                         JsonArray   *array,
                         guint        i,
                         JsonNode    *node,
                         RdCaseFacts *facts)
{
  g_autoptr(RdIncident) incident = parse_incident (ctx, array, i, node);

  if (incident == NULL)
    return FALSE;
  rd_case_facts_add_incident (facts, incident);
  return TRUE;
}

gboolean
_rd_json_parse_incidents (RdJsonCtx   *ctx,
                          JsonObject  *root,
                          RdCaseFacts *facts)
{
  RdJsonStream *stream = &ctx->stream;
  JsonArray *array;

  if (!_rd_json_read_array (ctx, root, "", "incidents", &array))
    return FALSE;
  /* Read while the document was parsed: its first fault is reported here,
   * after those of the sections before it, as if it were read now. */
  if (array != NULL && array == stream->array)
    {
      if (stream->error != NULL)
        {
          g_propagate_error (ctx->error, g_steal_pointer (&stream->error));
          return FALSE;
        }
      for (guint i = 0; i < stream->incidents->len; i++)
        rd_case_facts_add_incident (facts, g_ptr_array_index (stream->incidents, i));
      return TRUE;
    }
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autoptr(RdIncident) incident = parse_incident (ctx, array, i, json_array_get_element (array, i));

      if (incident == NULL)
        return FALSE;
      rd_case_facts_add_incident (facts, incident);
    }
  return TRUE;
}

static void
on_array_start_cb (JsonParser *parser,
                   RdJsonCtx  *ctx)
{
  /* The document's object and this list are open: it is one of its members. */
  if (ctx->lines.open_lines->len == 2)
    ctx->stream.in_incidents = ++ctx->stream.n_lists == ctx->stream.incidents_array;
}

static void
on_array_end_cb (JsonParser *parser,
                 JsonArray  *array,
                 RdJsonCtx  *ctx)
{
  if (ctx->lines.open_lines->len == 1)
    ctx->stream.in_incidents = FALSE;
}

/* An entry of the diary is complete: it is checked and kept as a record,
 * and its part of the tree is freed. It is the last element, so removing
 * it moves nothing. */
static void
on_array_element_cb (JsonParser *parser,
                     JsonArray  *array,
                     int         index,
                     RdJsonCtx  *ctx)
{
  RdJsonStream *stream = &ctx->stream;
  GError **caller_error = ctx->error;
  guint last;

  if (!stream->in_incidents || ctx->lines.open_lines->len != 2 || index < 0 ||
      (stream->array != NULL && stream->array != array))
    return;
  stream->array = array;
  stream->n_seen = index + 1;
  last = json_array_get_length (array) - 1;
  /* A list over the limit is refused whole: its entries need not be read. */
  if (stream->error == NULL && stream->n_seen <= RD_CASE_JSON_MAX_RECORDS)
    {
      RdIncident *incident;

      ctx->error = &stream->error;
      incident = parse_incident (ctx, array, index, json_array_get_element (array, last));
      ctx->error = caller_error;
      if (incident != NULL)
        g_ptr_array_add (stream->incidents, incident);
    }
  _rd_json_lines_forget (&ctx->lines, json_array_get_element (array, last));
  json_array_remove_element (array, last);
}

/**
 * _rd_json_stream_incidents:
 *
 * Reads the entries of the document's "incidents" list (found by
 * _rd_json_prescan()) as @parser completes each one. Needs ctx->now,
 * ctx->today and ctx->incident_ids, and the lines' handlers connected
 * first.
 */
void
_rd_json_stream_incidents (RdJsonCtx  *ctx,
                           JsonParser *parser)
{
  if (ctx->stream.incidents_array == 0)
    return;
  ctx->stream.incidents = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (parser, "array-start", G_CALLBACK (on_array_start_cb), ctx);
  g_signal_connect (parser, "array-end", G_CALLBACK (on_array_end_cb), ctx);
  g_signal_connect (parser, "array-element", G_CALLBACK (on_array_element_cb), ctx);
}

void
_rd_json_stream_clear (RdJsonStream *stream)
{
  g_clear_pointer (&stream->incidents, g_ptr_array_unref);
  g_clear_error (&stream->error);
  stream->array = NULL;
}
