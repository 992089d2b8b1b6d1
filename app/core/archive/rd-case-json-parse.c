/* rd-case-json-parse.c: reading a case JSON document strictly, section by section.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-json"

#include "config.h"

#include <inttypes.h>
#include "rd-gettext.h"
#include <stdio.h>
#include <string.h>

#include "rd-case-json-private.h"
#include "rd-datetime.h"

static gboolean
valid_outcome (const char *key)
{
  RdOutcome outcome;

  return rd_outcome_from_key (key, &outcome);
}

/* Files written before cases had a country have none: they were England's. */
static gboolean
parse_country (RdJsonCtx  *ctx,
               JsonObject *object,
               RdCase     *rcase)
{
  const char *text;
  RdCountry country = RD_COUNTRY_ENGLAND;

  if (!_rd_json_read_string (ctx, object, "case", "country", FALSE, &text))
    return FALSE;
  if (text[0] != '\0' && !rd_country_from_string (text, &country))
    return _rd_json_fail (ctx, _rd_json_member_line (ctx, object, "country"), "case.country",
                          _("“%s” is not one of: %s, %s."), text,
                          rd_country_to_string (RD_COUNTRY_ENGLAND),
                          rd_country_to_string (RD_COUNTRY_WALES));
  rd_case_set_country (rcase, country);
  return TRUE;
}

/* The council's ASB Case Review threshold; files without it have the
 * usual one. */
static gboolean
parse_asb_review (RdJsonCtx  *ctx,
                  JsonObject *object,
                  RdCase     *rcase)
{
  gint64 reports = RD_ASB_REVIEW_DEFAULT_REPORTS;
  gboolean hate = FALSE;

  if (!_rd_json_read_int (ctx, object, "case", "asb_review_reports", 1, RD_ASB_REVIEW_MAX_REPORTS,
                          &reports) ||
      !_rd_json_read_bool (ctx, object, "case", "asb_review_one_hate_incident", &hate))
    return FALSE;
  rd_case_set_asb_review_reports (rcase, reports);
  rd_case_set_asb_review_hate (rcase, hate);
  {
    g_autoptr(GDate) aware = NULL;

    if (!_rd_json_read_date (ctx, object, "case", "aware_on", FALSE, &aware))
      return FALSE;
    rd_case_set_aware_on (rcase, aware);
  }
  return TRUE;
}

/* Read after the title; the tenancy, the language, the country and the
 * ASB Case Review threshold have checks of their own. */
static const RdJsonField case_fields[] = {
  { "resident_name", "resident-name", RD_JSON_FIELD_STRING },
  { "address", "address", RD_JSON_FIELD_STRING },
  { "landlord_name", "landlord-name", RD_JSON_FIELD_STRING },
  { "contact_preferences", "contact-preferences", RD_JSON_FIELD_STRING },
  { "adjustments", "adjustments", RD_JSON_FIELD_STRING },
  { "notes", "notes", RD_JSON_FIELD_STRING },
};

gboolean
_rd_json_parse_case (RdJsonCtx   *ctx,
                     JsonObject  *root,
                     RdCase     **out)
{
  static const char * const known[] = {
    "title", "resident_name", "address", "landlord_name", "tenancy_type",
    "contact_preferences", "adjustments", "notes", "document_language", "country",
    "asb_review_reports", "asb_review_one_hate_incident", "aware_on", NULL
  };
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *node = json_object_get_member (root, "case");
  JsonObject *object;
  const char *text;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return _rd_json_fail (ctx, _rd_json_member_line (ctx, root, "case"), "case",
                 _("The document needs a “case” object with at least a title."));
  object = json_node_get_object (node);
  if (!_rd_json_check_members (ctx, object, "case", known))
    return FALSE;

  if (!_rd_json_read_string (ctx, object, "case", "title", TRUE, &text))
    return FALSE;
  rd_case_set_title (rcase, text);
  if (!rd_case_validate (rcase, &local_error))
    return _rd_json_fail (ctx, _rd_json_member_line (ctx, object, "title"), "case.title", "%s", local_error->message);

  if (!_rd_json_read_fields (ctx, object, "case", rcase, case_fields, G_N_ELEMENTS (case_fields)) ||
      !_rd_json_read_string (ctx, object, "case", "tenancy_type", FALSE, &text))
    return FALSE;
  if (!g_str_equal (rd_tenancy_type_to_string (rd_tenancy_type_from_string (text)), text))
    {
      GString *choices = g_string_new (NULL);

      for (guint i = 1; i < RD_TENANCY_N_TYPES; i++)
        g_string_append_printf (choices, "%s%s", i > 1 ? ", " : "", rd_tenancy_type_to_string (i));
      _rd_json_fail (ctx, _rd_json_member_line (ctx, object, "tenancy_type"), "case.tenancy_type",
            _("“%s” is not one of: %s (or empty when not sure)."), text, choices->str);
      g_string_free (choices, TRUE);
      return FALSE;
    }
  rd_case_set_tenancy_type (rcase, rd_tenancy_type_from_string (text));

  /* Absent in documents written before cases had a language: English, as
   * their letters were. A language not installed here is kept, and the
   * documents fall back to English until it is. */
  if (!_rd_json_read_string (ctx, object, "case", "document_language", FALSE, &text))
    return FALSE;
  if (*text != '\0' && !rd_i18n_language_code_is_valid (text))
    return _rd_json_fail (ctx, _rd_json_member_line (ctx, object, "document_language"),
                          "case.document_language",
                          _("“%s” is not a language code. Use a code such as en, cy or pl."), text);
  rd_case_set_document_language (rcase, text);
  if (!parse_country (ctx, object, rcase) || !parse_asb_review (ctx, object, rcase))
    return FALSE;
  *out = g_steal_pointer (&rcase);
  return TRUE;
}

/* Whether a party is a third party follows from its role unless the file says. */
static const RdJsonField party_fields[] = {
  { "role", "role", RD_JSON_FIELD_KEY, TRUE, (RdJsonFromKeyFunc) rd_party_role_from_key, 0, NULL,
    (RdJsonToKeyFunc) rd_party_role_to_key, 0, RD_PARTY_N_ROLES },
  { "name", "name", RD_JSON_FIELD_STRING },
  { "organisation", "organisation", RD_JSON_FIELD_STRING },
  { "notes", "notes", RD_JSON_FIELD_STRING },
};

static const RdJsonField party_flag_fields[] = {
  { "third_party", "third-party", RD_JSON_FIELD_BOOLEAN },
};

gboolean
_rd_json_parse_parties (RdJsonCtx   *ctx,
                        JsonObject  *root,
                        RdCaseFacts *facts)
{
  JsonArray *array;

  if (!_rd_json_read_array (ctx, root, "", "parties", &array))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (!_rd_json_parse_party (ctx, array, i, json_array_get_element (array, i), facts))
      return FALSE;
  return TRUE;
}

gboolean
_rd_json_parse_party (RdJsonCtx   *ctx,
                      JsonArray   *array,
                      guint        i,
                      JsonNode    *node,
                      RdCaseFacts *facts)
{
  static const char * const known[] = {
    "id", "name", "role", "organisation", "third_party", "notes", NULL
  };
  g_autofree char *path = g_strdup_printf ("parties[%u]", i);
  g_autoptr(RdParty) party = rd_party_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;

  if (!_rd_json_node_object (ctx, array, i, node, path, &object) ||
      !_rd_json_check_members (ctx, object, path, known) ||
      !_rd_json_read_id (ctx, object, path, ctx->party_ids, i + 1))
    return FALSE;
  rd_party_set_id (party, i + 1);
  if (!_rd_json_read_fields (ctx, object, path, party, party_fields, G_N_ELEMENTS (party_fields)))
    return FALSE;
  rd_party_set_third_party (party, rd_party_role_default_third_party (rd_party_get_role (party)));
  if (!_rd_json_read_fields (ctx, object, path, party, party_flag_fields,
                             G_N_ELEMENTS (party_flag_fields)))
    return FALSE;

  if (!rd_party_validate (party, &local_error))
    {
      g_autofree char *field = _rd_json_join_path (path, "name");

      return _rd_json_fail (ctx, _rd_json_member_line (ctx, object, "name"), field, "%s", local_error->message);
    }
  rd_case_facts_add_party (facts, party);
  return TRUE;
}

gboolean
_rd_json_parse_contacts (RdJsonCtx   *ctx,
                         JsonObject  *root,
                         RdCaseFacts *facts)
{
  JsonArray *array;

  if (!_rd_json_read_array (ctx, root, "", "contacts", &array))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (!_rd_json_parse_contact (ctx, array, i, json_array_get_element (array, i), facts))
      return FALSE;
  return TRUE;
}

/* Before the party it was with, a reference, and after it. */
static const RdJsonField contact_when_fields[] = {
  { "occurred_at", "occurred-at", RD_JSON_FIELD_DATETIME, TRUE },
  { "promise_due", "promise-due", RD_JSON_FIELD_DATE },
};

static const RdJsonField contact_fields[] = {
  { "direction", "direction", RD_JSON_FIELD_KEY, TRUE,
    (RdJsonFromKeyFunc) rd_contact_direction_from_key, 0, "to, from" },
  { "channel", "channel", RD_JSON_FIELD_KEY, TRUE, (RdJsonFromKeyFunc) rd_contact_channel_from_key,
    0, NULL, (RdJsonToKeyFunc) rd_contact_channel_to_key, 0, RD_CHANNEL_N_CHANNELS },
  { "person", "person", RD_JSON_FIELD_STRING },
  { "summary", "summary", RD_JSON_FIELD_STRING },
  { "promise", "promise", RD_JSON_FIELD_STRING },
};

gboolean
_rd_json_parse_contact (RdJsonCtx   *ctx,
                        JsonArray   *array,
                        guint        i,
                        JsonNode    *node,
                        RdCaseFacts *facts)
{
  static const char * const known[] = {
    "id", "occurred_at", "direction", "channel", "party", "person", "summary", "promise",
    "promise_due", NULL
  };
  g_autofree char *path = g_strdup_printf ("contacts[%u]", i);
  g_autoptr(RdContact) contact = rd_contact_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  gint64 party = 0;

  if (!_rd_json_node_object (ctx, array, i, node, path, &object) ||
      !_rd_json_check_members (ctx, object, path, known) ||
      !_rd_json_read_id (ctx, object, path, ctx->contact_ids, i + 1) ||
      !_rd_json_read_fields (ctx, object, path, contact, contact_when_fields,
                             G_N_ELEMENTS (contact_when_fields)) ||
      !_rd_json_read_ref (ctx, object, path, "party", ctx->party_ids, "parties", &party))
    return FALSE;
  rd_contact_set_id (contact, i + 1);
  rd_contact_set_party_id (contact, party);
  if (!_rd_json_read_fields (ctx, object, path, contact, contact_fields,
                             G_N_ELEMENTS (contact_fields)))
    return FALSE;

  if (!rd_contact_validate (contact, ctx->now, &local_error))
    {
      const char *name = (g_error_matches (local_error, RD_CONTACT_ERROR, RD_CONTACT_ERROR_NO_TIME) ||
                          g_error_matches (local_error, RD_CONTACT_ERROR, RD_CONTACT_ERROR_IN_FUTURE))
                         ? "occurred_at" : "promise_due";
      g_autofree char *field = _rd_json_join_path (path, name);

      return _rd_json_fail (ctx, _rd_json_member_line (ctx, object, name), field, "%s", local_error->message);
    }
  rd_case_facts_add_contact (facts, contact);
  return TRUE;
}

/* After the kind and the stage, before and after the contact, a reference. */
static const RdJsonField event_date_fields[] = {
  { "date", "date", RD_JSON_FIELD_DATE, TRUE },
  { "new_date", "new-date", RD_JSON_FIELD_DATE },
};

static const RdJsonField event_text_fields[] = {
  { "reason", "reason", RD_JSON_FIELD_STRING },
  { "notes", "notes", RD_JSON_FIELD_STRING },
};

static gboolean
parse_events (RdJsonCtx   *ctx,
              JsonObject  *complaint_object,
              const char  *complaint_path,
              RdCaseFacts *facts,
              RdComplaint *complaint)
{
  static const char * const known[] = {
    "kind", "stage", "date", "new_date", "reason", "notes", "contact", NULL
  };
  JsonArray *array;

  if (!_rd_json_read_array (ctx, complaint_object, complaint_path, "events", &array))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.events[%u]", complaint_path, i);
      g_autoptr(RdComplaintEvent) event = NULL;
      g_autoptr(GError) local_error = NULL;
      RdComplaintEventKind kind;
      JsonObject *object;
      const char *text;
      gint64 stage = 0;
      gint64 contact = 0;

      if (!_rd_json_element_object (ctx, array, i, path, &object) ||
          !_rd_json_check_members (ctx, object, path, known) ||
          !_rd_json_read_string (ctx, object, path, "kind", TRUE, &text))
        return FALSE;
      if (!rd_complaint_event_kind_from_key (text, &kind))
        {
          g_autoptr(GString) choices = g_string_new (NULL);
          g_autofree char *field = _rd_json_join_path (path, "kind");

          for (guint k = 0; k < RD_COMPLAINT_EVENT_N_KINDS; k++)
            g_string_append_printf (choices, "%s%s", k ? ", " : "", rd_complaint_event_kind_to_key (k));
          return _rd_json_fail (ctx, _rd_json_member_line (ctx, object, "kind"), field,
                       _("“%s” is not one of: %s."), text, choices->str);
        }
      event = rd_complaint_event_new (kind);
      /* Without a stage: a complaint is made at stage 1, an escalation opens stage 2. */
      stage = kind == RD_COMPLAINT_EVENT_ESCALATION_REQUESTED ? 2 : 1;
      if (!_rd_json_read_int (ctx, object, path, "stage", 1, RD_COMPLAINT_MAX_STAGE, &stage) ||
          !_rd_json_read_fields (ctx, object, path, event, event_date_fields,
                                 G_N_ELEMENTS (event_date_fields)) ||
          !_rd_json_read_ref (ctx, object, path, "contact", ctx->contact_ids, "contacts", &contact))
        return FALSE;
      rd_complaint_event_set_stage (event, stage);
      rd_complaint_event_set_contact_id (event, contact);
      if (!_rd_json_read_fields (ctx, object, path, event, event_text_fields,
                                 G_N_ELEMENTS (event_text_fields)))
        return FALSE;

      if (!rd_complaint_event_validate (event, ctx->today, &local_error))
        {
          const char *name = "date";
          g_autofree char *field = NULL;

          if (g_error_matches (local_error, RD_COMPLAINT_EVENT_ERROR, RD_COMPLAINT_EVENT_ERROR_BAD_STAGE))
            name = "stage";
          else if (g_error_matches (local_error, RD_COMPLAINT_EVENT_ERROR, RD_COMPLAINT_EVENT_ERROR_NO_NEW_DATE) ||
                   g_error_matches (local_error, RD_COMPLAINT_EVENT_ERROR, RD_COMPLAINT_EVENT_ERROR_NEW_DATE_TOO_EARLY))
            name = "new_date";
          field = _rd_json_join_path (path, name);
          return _rd_json_fail (ctx, _rd_json_member_line (ctx, object, name), field, "%s", local_error->message);
        }
      rd_case_facts_add_event (facts, complaint, event);
    }
  return TRUE;
}

gboolean
_rd_json_parse_complaints (RdJsonCtx   *ctx,
                           JsonObject  *root,
                           RdCaseFacts *facts)
{
  JsonArray *array;

  if (!_rd_json_read_array (ctx, root, "", "complaints", &array))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (!_rd_json_parse_complaint (ctx, array, i, json_array_get_element (array, i), facts))
      return FALSE;
  return TRUE;
}

static const RdJsonField complaint_fields[] = {
  { "subject", "subject", RD_JSON_FIELD_KEY, FALSE,
    (RdJsonFromKeyFunc) rd_complaint_subject_from_key, RD_COMPLAINT_SUBJECT_NOT_SAID, NULL,
    (RdJsonToKeyFunc) rd_complaint_subject_to_key, RD_COMPLAINT_SUBJECT_REPAIRS,
    RD_COMPLAINT_SUBJECT_N_SUBJECTS },
};

gboolean
_rd_json_parse_complaint (RdJsonCtx   *ctx,
                          JsonArray   *array,
                          guint        i,
                          JsonNode    *node,
                          RdCaseFacts *facts)
{
  static const char * const known[] = {
    "reference", "subject", "points", "outcomes", "outcome_other", "incidents", "events", NULL
  };
  g_autofree char *path = g_strdup_printf ("complaints[%u]", i);
  g_autoptr(RdComplaint) complaint = rd_complaint_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) points = NULL;
  g_autofree char *outcomes = NULL;
  g_autoptr(GArray) about = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonArray *incident_array;
  JsonArray *point_array;
  JsonObject *object;
  const char *text;

  if (!_rd_json_node_object (ctx, array, i, node, path, &object) ||
      !_rd_json_check_members (ctx, object, path, known) ||
      !_rd_json_read_string (ctx, object, path, "reference", FALSE, &text))
    return FALSE;
  rd_complaint_set_reference (complaint, text);
  /* Files from before subjects have none: the complaint's subject is not said. */
  if (!_rd_json_read_fields (ctx, object, path, complaint, complaint_fields,
                             G_N_ELEMENTS (complaint_fields)))
    return FALSE;

  if (!_rd_json_read_array (ctx, object, path, "points", &point_array))
    return FALSE;
  for (guint p = 0; point_array != NULL && p < json_array_get_length (point_array); p++)
    {
      JsonNode *point = json_array_get_element (point_array, p);

      if (!JSON_NODE_HOLDS_VALUE (point) || json_node_get_value_type (point) != G_TYPE_STRING)
        {
          g_autofree char *item = g_strdup_printf ("%s.points[%u]", path, p);

          return _rd_json_fail (ctx, _rd_json_element_line (ctx, point_array, p), item,
                       _("This should be text in quotes."));
        }
      g_strv_builder_add (builder, json_node_get_string (point));
    }
  points = g_strv_builder_end (builder);
  rd_complaint_set_points (complaint, (const char * const *) points);

  if (!_rd_json_read_keys (ctx, object, path, "outcomes", valid_outcome,
                  "apology, repairs, action-against-perpetrator, cctv, compensation, "
                  "named-contact, other", &outcomes))
    return FALSE;
  rd_complaint_set_outcomes (complaint, rd_outcomes_from_string (outcomes));
  if (!_rd_json_read_string (ctx, object, path, "outcome_other", FALSE, &text))
    return FALSE;
  rd_complaint_set_outcome_other (complaint, text);

  if (!_rd_json_read_array (ctx, object, path, "incidents", &incident_array))
    return FALSE;
  for (guint n = 0; incident_array != NULL && n < json_array_get_length (incident_array); n++)
    {
      g_autofree char *item = g_strdup_printf ("%s.incidents[%u]", path, n);
      g_autofree char *key = _rd_json_id_key (json_array_get_element (incident_array, n));
      gint64 *found = key ? g_hash_table_lookup (ctx->incident_ids, key) : NULL;

      if (found == NULL)
        return _rd_json_fail (ctx, _rd_json_element_line (ctx, incident_array, n), item,
                              _("No entry in “%s” has the id “%s”."), "incidents",
                              key ? key : "?");
      g_array_append_val (about, *found);
    }
  rd_complaint_set_incident_ids (complaint, (const gint64 *) about->data, about->len);

  rd_case_facts_add_complaint (facts, complaint);
  if (!parse_events (ctx, object, path, facts, complaint))
    return FALSE;
  return TRUE;
}

/* JsonParser's messages start "<data>:LINE:COLUMN: Parse error: "; keep the line, say the rest plainly. */
static void
set_syntax_error (GError       **error,
                  const GError  *parse_error)
{
  const char *message = parse_error->message;
  const char *detail = strstr (message, "error: ");
  unsigned line = 0, column = 0;

  if (sscanf (message, "<data>:%u:%u:", &line, &column) == 2 && line > 0)
    g_set_error (error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_SYNTAX,
                 _("Nothing was imported. Line %u is not valid JSON (%s). Check for a missing "
                   "comma, quote or bracket near there."),
                 line, detail ? detail + strlen ("error: ") : message);
  else
    g_set_error (error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_SYNTAX,
                 _("Nothing was imported. The file is not valid JSON (%s)."), message);
}

/* The "policy" member of a document that is otherwise accepted, read from
 * the same tree. */
gboolean
_rd_json_read_policy (JsonObject  *root,
                      RdPolicy   **out,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *node;
  JsonNode *definition;

  *out = NULL;
  node = json_object_get_member (root, "policy");
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  definition = JSON_NODE_HOLDS_OBJECT (node)
               ? json_object_get_member (json_node_get_object (node), "definition") : NULL;
  if (definition == NULL || !JSON_NODE_HOLDS_VALUE (definition) ||
      json_node_get_value_type (definition) != G_TYPE_STRING)
    {
      g_set_error_literal (error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_INVALID,
                           _("Nothing was imported. The landlord’s policy profile in this file "
                             "should be {\"name\": …, \"definition\": …}."));
      return FALSE;
    }
  *out = rd_policy_new_from_data (json_node_get_string (definition), &local_error);
  if (*out == NULL || rd_policy_get_kind (*out) != RD_POLICY_KIND_LANDLORD)
    {
      g_set_error (error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_INVALID,
                   _("Nothing was imported. The landlord’s policy profile in this file cannot "
                     "be read (%s)."),
                   local_error ? local_error->message : _("it is not a landlord’s own profile"));
      g_clear_object (out);
      return FALSE;
    }
  return TRUE;
}

/**
 * rd_case_json_parse:
 * @now: the present moment, so that nothing in the document is in the future
 *
 * Reads and checks a case document without touching any store. Parties,
 * diary entries and contacts get ids 1, 2, 3… in document order, and the
 * records that refer to them use those ids.
 *
 * Returns: (transfer full): the facts, or %NULL with @error naming the
 *   line and field that are wrong
 */
RdCaseFacts *
rd_case_json_parse (const char  *data,
                    gssize       length,
                    GDateTime   *now,
                    GError     **error)
{
  return _rd_case_json_parse_full (data, length, now, NULL, error);
}

/* The document's own fields, checked before its sections: what it is,
 * its version, and no member the format does not have. */
gboolean
_rd_json_check_root (RdJsonCtx  *ctx,
                     JsonObject *object)
{
  static const char * const known[] = {
    "format", "version", "case", "parties", "incidents", "contacts", "complaints", "policy",
    NULL
  };
  gint64 version = 0;
  const char *format;

  if (!_rd_json_read_string (ctx, object, "", "format", FALSE, &format))
    return FALSE;
  if (!g_str_equal (format, "redress-case"))
    {
      g_set_error_literal (ctx->error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_INVALID,
                           _("Nothing was imported. This file does not hold a Redress case: its "
                             "“format” should be “redress-case”."));
      return FALSE;
    }
  if (!_rd_json_read_int (ctx, object, "", "version", 1, G_MAXINT, &version))
    return FALSE;
  if (version == 0)
    return _rd_json_fail (ctx, _rd_json_container_line (ctx, object), "version",
                          _("This field is missing, and Redress needs it."));
  if (version > RD_CASE_JSON_VERSION)
    {
      g_set_error (ctx->error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_VERSION,
                   _("Nothing was imported. This case was written by a newer version of Redress "
                     "(format version %" PRId64 "; this one reads up to %d). Update "
                     "Redress to import it."),
                   version, RD_CASE_JSON_VERSION);
      return FALSE;
    }
  return _rd_json_check_members (ctx, object, "", known);
}

/* Starts @ctx for reading @data: the checks of size, depth, text length
 * and NUL that come before any parsing, and empty tables of ids. */
gboolean
_rd_json_ctx_begin (RdJsonCtx   *ctx,
                    const char  *data,
                    gssize      *length,
                    GDateTime   *now,
                    GDate      **today)
{
  _rd_json_lines_init (&ctx->lines, NULL);
  ctx->party_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx->contact_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx->incident_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (*length < 0)
    *length = strlen (data);
  if ((gsize) *length > RD_CASE_JSON_MAX_DOCUMENT)
    {
      g_set_error (ctx->error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_INVALID,
                   _("Nothing was imported. The file is larger than %u MB, the most Redress "
                     "takes in one case."), RD_CASE_JSON_MAX_DOCUMENT / (1024 * 1024));
      return FALSE;
    }
  if (!_rd_json_prescan (ctx, data, *length))
    return FALSE;
  *today = rd_datetime_get_date (now);
  ctx->now = now;
  ctx->today = *today;
  return TRUE;
}

void
_rd_json_ctx_clear (RdJsonCtx *ctx)
{
  g_clear_pointer (&ctx->party_ids, g_hash_table_unref);
  g_clear_pointer (&ctx->contact_ids, g_hash_table_unref);
  g_clear_pointer (&ctx->incident_ids, g_hash_table_unref);
  _rd_json_lines_clear (&ctx->lines);
  _rd_json_stream_clear (&ctx->stream);
}

/* Forgets what a reading in parts left in @ctx, before reading it whole. */
static void
ctx_restart (RdJsonCtx *ctx)
{
  guint incidents_array = ctx->stream.incidents_array;

  _rd_json_ctx_clear (ctx);
  _rd_json_lines_init (&ctx->lines, NULL);
  ctx->party_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx->contact_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx->incident_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx->stream.incidents_array = incidents_array;
  ctx->stream.n_lists = 0;
  ctx->stream.n_seen = 0;
  ctx->stream.in_incidents = FALSE;
}

/**
 * _rd_case_json_parse_tree:
 *
 * Reads the whole document as one tree (its diary entry by entry): for
 * documents not of the usual shape, and to say where one that is not
 * valid JSON goes wrong. @ctx has been begun.
 *
 * Returns: (transfer full): the facts, or %NULL with ctx->error set
 */
RdCaseFacts *
_rd_case_json_parse_tree (RdJsonCtx   *ctx,
                          const char  *data,
                          gsize        length,
                          RdPolicy   **policy)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(RdCase) rcase = NULL;
  g_autoptr(RdCaseFacts) facts = NULL;
  JsonNode *root;
  JsonObject *object;

  ctx_restart (ctx);
  _rd_json_lines_attach (&ctx->lines, parser, 1);
  _rd_json_stream_incidents (ctx, parser);
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      set_syntax_error (ctx->error, parse_error);
      return NULL;
    }
  if (!_rd_json_check_duplicates (ctx))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (ctx->error, RD_CASE_JSON_ERROR, RD_CASE_JSON_ERROR_INVALID,
                           _("Nothing was imported. This file does not hold a Redress case: "
                             "it should be one JSON object, starting with “{”."));
      return NULL;
    }
  object = json_node_get_object (root);
  if (!_rd_json_check_root (ctx, object) ||
      !_rd_json_parse_case (ctx, object, &rcase))
    return NULL;
  facts = rd_case_facts_new (rcase);
  if (!_rd_json_parse_parties (ctx, object, facts) ||
      !_rd_json_parse_incidents (ctx, object, facts) ||
      !_rd_json_parse_contacts (ctx, object, facts) ||
      !_rd_json_parse_complaints (ctx, object, facts) ||
      (policy != NULL && !_rd_json_read_policy (object, policy, ctx->error)))
    return NULL;
  return g_steal_pointer (&facts);
}

/* The same, and with @policy, the landlord's policy profile the document
 * carries (%NULL if none), checked after everything else. */
RdCaseFacts *
_rd_case_json_parse_full (const char  *data,
                          gssize       length,
                          GDateTime   *now,
                          RdPolicy   **policy,
                          GError     **error)
{
  g_autoptr(RdCaseFacts) facts = NULL;
  g_autoptr(GDate) today = NULL;
  RdJsonCtx ctx = { 0 };

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  ctx.error = error;
  if (_rd_json_ctx_begin (&ctx, data, &length, now, &today))
    switch (_rd_json_read_split (&ctx, data, length, NULL, &facts, policy, NULL, NULL, NULL))
      {
      case RD_JSON_SPLIT_DONE:
      case RD_JSON_SPLIT_FAILED:
        break;
      case RD_JSON_SPLIT_UNSUITED:
      default:
        facts = _rd_case_json_parse_tree (&ctx, data, length, policy);
        break;
      }
  _rd_json_ctx_clear (&ctx);
  return g_steal_pointer (&facts);
}
