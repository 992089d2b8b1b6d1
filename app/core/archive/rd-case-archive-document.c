/* rd-case-archive-document.c: checking a case archive's document in full
 * (the case, its history, its evidence and their links) before anything of
 * it is written.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-archive"

#include "config.h"

#include "rd-gettext.h"
#include <glib/gstdio.h>
#include <string.h>

#include "rd-case-archive-private.h"
#include "rd-case-json.h"
#include "rd-datetime.h"

void
_rd_archive_document_free (RdArchiveDocument *doc)
{
  if (doc == NULL)
    return;
  g_clear_object (&doc->facts);
  g_clear_object (&doc->admin);
  g_clear_object (&doc->policy);
  g_free (doc->identity);
  g_clear_pointer (&doc->root, json_node_unref);
  g_free (doc);
}

static gboolean
invalid (GError     **error,
         const char  *path,
         const char  *problem)
{
  g_set_error (error, RD_CASE_ARCHIVE_ERROR, RD_CASE_ARCHIVE_ERROR_INVALID,
               _("The case in this archive cannot be read: “%s” %s. Nothing was imported."),
               path, problem);
  return FALSE;
}

/* Small typed readers: a member that is missing or of the wrong type is an
 * error naming its path, e.g. “evidence[2].sha256”. */
static JsonNode *
member (JsonObject *object,
        const char *name)
{
  return object ? json_object_get_member (object, name) : NULL;
}

static gboolean
get_string (JsonObject  *object,
            const char  *name,
            const char  *where,
            const char **out,
            GError     **error)
{
  JsonNode *node = member (object, name);
  g_autofree char *path = g_strdup_printf ("%s.%s", where, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (error, path, _("should be text"));
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_int (JsonObject  *object,
         const char  *name,
         const char  *where,
         gboolean     nullable,
         gboolean    *is_null,
         gint64      *out,
         GError     **error)
{
  JsonNode *node = member (object, name);
  g_autofree char *path = g_strdup_printf ("%s.%s", where, name);

  if (nullable && node != NULL && JSON_NODE_HOLDS_NULL (node))
    {
      *is_null = TRUE;
      *out = 0;
      return TRUE;
    }
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return invalid (error, path, _("should be a whole number"));
  if (is_null != NULL)
    *is_null = FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
get_bool (JsonObject  *object,
          const char  *name,
          const char  *where,
          gboolean    *out,
          GError     **error)
{
  JsonNode *node = member (object, name);
  g_autofree char *path = g_strdup_printf ("%s.%s", where, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return invalid (error, path, _("should be true or false"));
  *out = json_node_get_boolean (node);
  return TRUE;
}

/* Text that the store reads back as a date and time, or null. */
static gboolean
check_datetime (JsonObject  *object,
                const char  *name,
                const char  *where,
                gboolean     nullable,
                GError     **error)
{
  JsonNode *node = member (object, name);
  g_autoptr(GDateTime) dt = NULL;
  const char *text;

  if (nullable && node != NULL && JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!get_string (object, name, where, &text, error))
    return FALSE;
  dt = rd_datetime_parse_local (text, NULL);
  if (dt == NULL)
    {
      g_autofree char *path = g_strdup_printf ("%s.%s", where, name);
      return invalid (error, path, _("is not a real date and time"));
    }
  return TRUE;
}

static gboolean
read_date (JsonObject  *object,
           const char  *name,
           GDate      **out,
           GError     **error)
{
  JsonNode *node = member (object, name);
  g_autofree char *path = g_strdup_printf ("admin.%s", name);
  const char *text;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!get_string (object, name, "admin", &text, error))
    return FALSE;
  *out = rd_date_parse_iso (text, NULL);
  if (*out == NULL)
    return invalid (error, path, _("is not a real date"));
  return TRUE;
}

static JsonArray *
get_array (JsonObject  *object,
           const char  *name,
           GError     **error)
{
  JsonNode *node = member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      invalid (error, name, _("should be a list"));
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
get_element (JsonArray   *array,
             guint        index,
             const char  *name,
             char       **where,
             GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  *where = g_strdup_printf ("%s[%u]", name, index);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, *where, _("should be an object in curly brackets"));
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
parse_admin (RdArchiveDocument  *doc,
             JsonObject         *root,
             GError            **error)
{
  JsonNode *node = member (root, "admin");
  JsonObject *object;
  const char *number, *scope;
  gboolean use_number, archived_null;
  gint64 archived_at;
  g_autoptr(GDate) given = NULL;
  g_autoptr(GDate) renew = NULL;
  g_autoptr(GDate) authority = NULL;

  doc->admin = rd_case_admin_new (0);
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, "admin", _("should be an object in curly brackets"));
  object = json_node_get_object (node);
  if (!get_string (object, "client_number", "admin", &number, error) ||
      !get_bool (object, "use_client_number", "admin", &use_number, error) ||
      !get_int (object, "archived_at", "admin", TRUE, &archived_null, &archived_at, error) ||
      !read_date (object, "consent_given", &given, error) ||
      !read_date (object, "consent_renew", &renew, error) ||
      !read_date (object, "authority_date", &authority, error) ||
      !get_string (object, "authority_scope", "admin", &scope, error))
    return FALSE;
  rd_case_admin_set_client_number (doc->admin, number);
  rd_case_admin_set_use_client_number (doc->admin, use_number);
  rd_case_admin_set_archived_at (doc->admin, archived_null ? 0 : archived_at);
  rd_case_admin_set_consent_given (doc->admin, given);
  rd_case_admin_set_consent_renew (doc->admin, renew);
  rd_case_admin_set_authority_date (doc->admin, authority);
  rd_case_admin_set_authority_scope (doc->admin, scope);
  return TRUE;
}

static gboolean
has_incident (RdCaseFacts *facts,
              gint64       doc_id)
{
  GPtrArray *incidents = rd_case_facts_get_incidents (facts);

  for (guint i = 0; i < incidents->len; i++)
    if (rd_incident_get_id (g_ptr_array_index (incidents, i)) == doc_id)
      return TRUE;
  return FALSE;
}

static gboolean
has_contact (RdCaseFacts *facts,
             gint64       doc_id)
{
  return rd_case_facts_find_contact (facts, doc_id) != NULL;
}

/* The fields about reporting an entry to the landlord came with schema 8:
 * an older archive has none of them, and they read as "not known". */
static gboolean
check_revision_report (JsonObject  *object,
                       const char  *where,
                       GError     **error)
{
  JsonNode *node;
  const char *text;
  gint64 minute;
  gboolean is_null;
  RdAsbRisk risk;
  RdHazardLevel hazard;

  node = member (object, "landlord_reported_on");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      g_autoptr(GDate) date = NULL;

      if (!get_string (object, "landlord_reported_on", where, &text, error))
        return FALSE;
      date = rd_date_parse_iso (text, NULL);
      if (date == NULL)
        {
          g_autofree char *path = g_strdup_printf ("%s.landlord_reported_on", where);
          return invalid (error, path, _("is not a real date"));
        }
    }
  node = member (object, "landlord_reported_minute");
  if (node != NULL &&
      (!get_int (object, "landlord_reported_minute", where, TRUE, &is_null, &minute, error) ||
       (!is_null && (minute < 0 || minute >= 24 * 60))))
    {
      g_autofree char *path = g_strdup_printf ("%s.landlord_reported_minute", where);

      g_clear_error (error);
      return invalid (error, path, _("is not a time of day in minutes after midnight"));
    }
  if (member (object, "asb_risk") != NULL &&
      (!get_string (object, "asb_risk", where, &text, error) || !rd_asb_risk_from_key (text, &risk)))
    {
      g_autofree char *path = g_strdup_printf ("%s.asb_risk", where);

      g_clear_error (error);
      return invalid (error, path, _("is not a risk level Redress knows"));
    }
  if (member (object, "repair_priority") != NULL &&
      !get_string (object, "repair_priority", where, &text, error))
    return FALSE;
  if (member (object, "hazard") != NULL &&
      (!get_string (object, "hazard", where, &text, error) || !rd_hazard_level_from_key (text, &hazard)))
    {
      g_autofree char *path = g_strdup_printf ("%s.hazard", where);

      g_clear_error (error);
      return invalid (error, path, _("is not a kind of hazard Redress knows"));
    }
  if (member (object, "landlord_steps") != NULL)
    {
      RdLandlordSteps steps;

      if (!get_string (object, "landlord_steps", where, &text, error))
        return FALSE;
      if (!rd_landlord_steps_from_key (text, &steps, NULL))
        {
          g_autofree char *path = g_strdup_printf ("%s.landlord_steps", where);

          return invalid (error, path, _("is not a record of the landlord’s steps Redress knows"));
        }
    }
  if (member (object, "asb_report") != NULL)
    {
      RdAsbReport report;

      if (!get_string (object, "asb_report", where, &text, error))
        return FALSE;
      if (!rd_asb_report_from_key (text, &report, NULL))
        {
          g_autofree char *path = g_strdup_printf ("%s.asb_report", where);

          return invalid (error, path, _("is not a record of reports Redress knows"));
        }
    }
  if (member (object, "service_loss") != NULL)
    {
      RdServiceLoss loss;

      if (!get_string (object, "service_loss", where, &text, error))
        return FALSE;
      if (!rd_service_loss_from_key (text, &loss, NULL))
        {
          g_autofree char *path = g_strdup_printf ("%s.service_loss", where);

          return invalid (error, path,
                          _("is not a record of lost heating, hot water or power Redress knows"));
        }
    }
  return TRUE;
}

static gboolean
parse_revisions (RdArchiveDocument  *doc,
                 GError            **error)
{
  static const char * const texts[] = {
    "category", "location", "description", "impact", "people", "witnesses", "reported_to",
    "reference",
  };

  for (guint i = 0; i < json_array_get_length (doc->revisions); i++)
    {
      g_autofree char *where = NULL;
      JsonObject *object = get_element (doc->revisions, i, "revisions", &where, error);
      gint64 incident, written, changed;
      const char *text;

      if (object == NULL ||
          !get_int (object, "incident", where, FALSE, NULL, &incident, error) ||
          !get_int (object, "written_at", where, FALSE, NULL, &written, error) ||
          !get_int (object, "last_changed_at", where, FALSE, NULL, &changed, error) ||
          !check_datetime (object, "starts_at", where, FALSE, error) ||
          !check_datetime (object, "ends_at", where, TRUE, error))
        return FALSE;
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        if (!get_string (object, texts[t], where, &text, error))
          return FALSE;
      if (!has_incident (doc->facts, incident))
        {
          g_autofree char *path = g_strdup_printf ("%s.incident", where);
          return invalid (error, path, _("names a diary entry that is not in the case"));
        }
      if (!check_revision_report (object, where, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_evidence (RdArchiveDocument  *doc,
                RdArchiveContents  *contents,
                GHashTable         *evidence_ids,
                GError            **error)
{
  static const char * const texts[] = {
    "content_type", "kind", "original_name", "date_source", "description", "title", "author",
    "recipients", "problem", "text",
  };
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = json_array_get_length (doc->evidence);

  /* Ids first, so that a parent may come after its attachment. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *where = NULL;
      JsonObject *object = get_element (doc->evidence, i, "evidence", &where, error);
      gint64 id;

      if (object == NULL || !get_int (object, "id", where, FALSE, NULL, &id, error))
        return FALSE;
      if (id <= 0 || g_hash_table_contains (evidence_ids, &id))
        {
          g_autofree char *path = g_strdup_printf ("%s.id", where);
          return invalid (error, path, _("is used twice, or is not above 0"));
        }
      g_hash_table_add (evidence_ids, g_memdup2 (&id, sizeof id));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *where = NULL;
      JsonObject *object = get_element (doc->evidence, i, "evidence", &where, error);
      const char *sha256, *staged, *text;
      gint64 size, value, parent;
      gboolean is_null, flag;
      GStatBuf st;

      if (!get_string (object, "sha256", where, &sha256, error) ||
          !get_int (object, "size", where, FALSE, NULL, &size, error) ||
          !check_datetime (object, "captured_at", where, TRUE, error) ||
          !get_int (object, "page_count", where, TRUE, &is_null, &value, error) ||
          !get_int (object, "duration_ms", where, TRUE, &is_null, &value, error) ||
          !get_int (object, "orientation", where, FALSE, NULL, &value, error) ||
          !get_bool (object, "needs_password", where, &flag, error) ||
          !get_int (object, "parent", where, TRUE, &is_null, &parent, error) ||
          !get_int (object, "imported_at", where, FALSE, NULL, &value, error))
        return FALSE;
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        if (!get_string (object, texts[t], where, &text, error))
          return FALSE;

      /* Every record's file must be in the archive, checked, and as big as
       * the record says. */
      staged = g_hash_table_lookup (contents->staged, sha256);
      if (staged == NULL || g_stat (staged, &st) != 0 || st.st_size != size)
        {
          g_autofree char *path = g_strdup_printf ("%s.sha256", where);
          return invalid (error, path, _("names a file that is not in the archive"));
        }
      if (g_hash_table_contains (used, sha256))
        {
          g_autofree char *path = g_strdup_printf ("%s.sha256", where);
          return invalid (error, path, _("names the same file as another record"));
        }
      g_hash_table_add (used, (gpointer) sha256);
      if (!is_null && !g_hash_table_contains (evidence_ids, &parent))
        {
          g_autofree char *path = g_strdup_printf ("%s.parent", where);
          return invalid (error, path, _("names evidence that is not in the case"));
        }
    }

  if (g_hash_table_size (used) != g_hash_table_size (contents->staged))
    return invalid (error, "evidence", _("leaves out a file the archive carries"));
  return TRUE;
}

static gboolean
parse_links (RdArchiveDocument  *doc,
             GHashTable         *evidence_ids,
             GError            **error)
{
  GPtrArray *complaints = rd_case_facts_get_complaints (doc->facts);

  for (guint i = 0; i < json_array_get_length (doc->links); i++)
    {
      g_autofree char *where = NULL;
      JsonObject *object = get_element (doc->links, i, "links", &where, error);
      const char *kind, *note;
      gint64 evidence, target, created, complaint, event;
      gboolean found = FALSE;

      if (object == NULL ||
          !get_int (object, "evidence", where, FALSE, NULL, &evidence, error) ||
          !get_string (object, "target_kind", where, &kind, error) ||
          !get_string (object, "note", where, &note, error) ||
          !get_int (object, "created_at", where, FALSE, NULL, &created, error))
        return FALSE;
      if (!g_hash_table_contains (evidence_ids, &evidence))
        {
          g_autofree char *path = g_strdup_printf ("%s.evidence", where);
          return invalid (error, path, _("names evidence that is not in the case"));
        }
      if (g_str_equal (kind, "complaint-event"))
        {
          if (!get_int (object, "complaint", where, FALSE, NULL, &complaint, error) ||
              !get_int (object, "event", where, FALSE, NULL, &event, error))
            return FALSE;
          if (complaint >= 1 && complaint <= complaints->len)
            {
              GPtrArray *events = rd_case_facts_get_events (doc->facts,
                                                            g_ptr_array_index (complaints, complaint - 1));
              found = event >= 1 && event <= events->len;
            }
        }
      else if (g_str_equal (kind, "incident") || g_str_equal (kind, "contact"))
        {
          if (!get_int (object, "target", where, FALSE, NULL, &target, error))
            return FALSE;
          found = g_str_equal (kind, "incident") ? has_incident (doc->facts, target)
                                                 : has_contact (doc->facts, target);
        }
      if (!found)
        return invalid (error, where, _("links evidence to something that is not in the case"));
    }
  return TRUE;
}

/**
 * _rd_archive_document_parse:
 * @now: the time against which "in the future" is judged
 *
 * Reads and checks the whole case document of a checked archive: the case
 * JSON (with its own checks), the adviser's record, revisions, evidence
 * records (each naming a file the archive carries) and links (each naming
 * records in the case).
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
RdArchiveDocument *
_rd_archive_document_parse (RdArchiveContents  *contents,
                            GDateTime          *now,
                            GError            **error)
{
  g_autoptr(RdArchiveDocument) doc = g_new0 (RdArchiveDocument, 1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) evidence_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) case_error = NULL;
  g_autofree char *case_text = NULL;
  JsonObject *root;
  JsonNode *case_node;
  const char *format;
  gint64 version;

  if (!_rd_archive_json_depth_ok (contents->document, contents->document_len,
                                  RD_ARCHIVE_MAX_JSON_DEPTH) ||
      !json_parser_load_from_data (parser, contents->document, contents->document_len, NULL) ||
      json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      invalid (error, RD_ARCHIVE_DOCUMENT_NAME, _("is not JSON"));
      return NULL;
    }
  doc->root = json_node_ref (json_parser_get_root (parser));
  root = json_node_get_object (doc->root);
  if (!get_string (root, "format", "case", &format, error) ||
      !get_int (root, "version", "case", FALSE, NULL, &version, error))
    return NULL;
  if (!g_str_equal (format, "redress-case-archive") || version < 1)
    {
      invalid (error, "format", _("is not a Redress case"));
      return NULL;
    }
  if (version > RD_CASE_ARCHIVE_FORMAT_VERSION)
    {
      g_set_error (error, RD_CASE_ARCHIVE_ERROR, RD_CASE_ARCHIVE_ERROR_NEWER,
                   _("This case file was made by a newer version of Redress. Update Redress "
                     "on this computer, then import it again. Nothing was imported."));
      return NULL;
    }

  /* The case itself goes through the case JSON reader and its checks. */
  case_node = member (root, "case");
  if (case_node == NULL || !JSON_NODE_HOLDS_OBJECT (case_node))
    {
      invalid (error, "case", _("should be an object in curly brackets"));
      return NULL;
    }
  json_generator_set_root (generator, case_node);
  case_text = json_generator_to_data (generator, NULL);
  doc->facts = rd_case_json_parse (case_text, -1, now, &case_error);
  if (doc->facts == NULL)
    {
      g_set_error (error, RD_CASE_ARCHIVE_ERROR, RD_CASE_ARCHIVE_ERROR_INVALID,
                   _("The case in this archive cannot be read: %s"), case_error->message);
      return NULL;
    }

  if (!parse_admin (doc, root, error) ||
      (doc->revisions = get_array (root, "revisions", error)) == NULL ||
      (doc->evidence = get_array (root, "evidence", error)) == NULL ||
      (doc->links = get_array (root, "links", error)) == NULL ||
      !parse_revisions (doc, error) ||
      !parse_evidence (doc, contents, evidence_ids, error) ||
      !parse_links (doc, evidence_ids, error) ||
      !_rd_archive_parse_policy (root, &doc->policy, error) ||
      (doc->identity = _rd_archive_parse_identity (root, contents->document,
                                                   contents->document_len, error)) == NULL ||
      !_rd_archive_check_times (root, doc->facts, error))
    return NULL;
  return g_steal_pointer (&doc);
}
