/* rd-case-archive-document.c: the checks of each part of a case archive's
 * document (its format, the adviser's record, each version of an entry,
 * each evidence record and link), a record at a time; see
 * rd-case-archive-stream.c for the reading.
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
  g_clear_object (&doc->admin);
  g_clear_object (&doc->policy);
  g_free (doc->identity);
  g_free (doc);
}

/**
 * _rd_archive_invalid:
 * @path: where in the document, e.g. “evidence[2].sha256”
 *
 * Sets @error to say that the case cannot be read because of @path.
 *
 * Returns: %FALSE
 */
gboolean
_rd_archive_invalid (GError     **error,
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
    return _rd_archive_invalid (error, path, _("should be text"));
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
    return _rd_archive_invalid (error, path, _("should be a whole number"));
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
    return _rd_archive_invalid (error, path, _("should be true or false"));
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
      return _rd_archive_invalid (error, path, _("is not a real date and time"));
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
    return _rd_archive_invalid (error, path, _("is not a real date"));
  return TRUE;
}

/* Element @index of list @name must be an object; *where names it. */
static JsonObject *
get_element (JsonNode    *node,
             guint        index,
             const char  *name,
             char       **where,
             GError     **error)
{
  *where = g_strdup_printf ("%s[%u]", name, index);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _rd_archive_invalid (error, *where, _("should be an object in curly brackets"));
      return NULL;
    }
  return json_node_get_object (node);
}

/**
 * _rd_archive_parse_admin:
 * @root: an object holding the document's member "admin", if it has one
 *
 * Reads the adviser's record into doc->admin (empty when there is none).
 */
gboolean
_rd_archive_parse_admin (RdArchiveDocument  *doc,
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
    return _rd_archive_invalid (error, "admin", _("should be an object in curly brackets"));
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
          return _rd_archive_invalid (error, path, _("is not a real date"));
        }
    }
  node = member (object, "landlord_reported_minute");
  if (node != NULL &&
      (!get_int (object, "landlord_reported_minute", where, TRUE, &is_null, &minute, error) ||
       (!is_null && (minute < 0 || minute >= 24 * 60))))
    {
      g_autofree char *path = g_strdup_printf ("%s.landlord_reported_minute", where);

      g_clear_error (error);
      return _rd_archive_invalid (error, path, _("is not a time of day in minutes after midnight"));
    }
  if (member (object, "asb_risk") != NULL &&
      (!get_string (object, "asb_risk", where, &text, error) || !rd_asb_risk_from_key (text, &risk)))
    {
      g_autofree char *path = g_strdup_printf ("%s.asb_risk", where);

      g_clear_error (error);
      return _rd_archive_invalid (error, path, _("is not a risk level Redress knows"));
    }
  if (member (object, "repair_priority") != NULL &&
      !get_string (object, "repair_priority", where, &text, error))
    return FALSE;
  if (member (object, "hazard") != NULL &&
      (!get_string (object, "hazard", where, &text, error) || !rd_hazard_level_from_key (text, &hazard)))
    {
      g_autofree char *path = g_strdup_printf ("%s.hazard", where);

      g_clear_error (error);
      return _rd_archive_invalid (error, path, _("is not a kind of hazard Redress knows"));
    }
  if (member (object, "landlord_steps") != NULL)
    {
      RdLandlordSteps steps;

      if (!get_string (object, "landlord_steps", where, &text, error))
        return FALSE;
      if (!rd_landlord_steps_from_key (text, &steps, NULL))
        {
          g_autofree char *path = g_strdup_printf ("%s.landlord_steps", where);

          return _rd_archive_invalid (error, path, _("is not a record of the landlord’s steps Redress knows"));
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

          return _rd_archive_invalid (error, path, _("is not a record of reports Redress knows"));
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

          return _rd_archive_invalid (error, path,
                          _("is not a record of lost heating, hot water or power Redress knows"));
        }
    }
  return TRUE;
}


/**
 * _rd_archive_check_revision:
 * @node: element @index of "revisions"
 * @incident_ids: the case's diary entries by their ids in the document
 * @incident: (out): the entry it is a version of, by its document id
 *
 * Returns: (transfer none): the version, checked, or %NULL with @error set
 */
JsonObject *
_rd_archive_check_revision (JsonNode    *node,
                            guint        index,
                            GHashTable  *incident_ids,
                            gint64      *incident,
                            GError     **error)
{
  static const char * const texts[] = {
    "category", "location", "description", "impact", "people", "witnesses", "reported_to",
    "reference",
  };
  g_autofree char *where = NULL;
  JsonObject *object = get_element (node, index, "revisions", &where, error);
  gint64 written, changed;
  const char *text;

  if (object == NULL ||
      !get_int (object, "incident", where, FALSE, NULL, incident, error) ||
      !get_int (object, "written_at", where, FALSE, NULL, &written, error) ||
      !get_int (object, "last_changed_at", where, FALSE, NULL, &changed, error) ||
      !check_datetime (object, "starts_at", where, FALSE, error) ||
      !check_datetime (object, "ends_at", where, TRUE, error))
    return NULL;
  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    if (!get_string (object, texts[t], where, &text, error))
      return NULL;
  if (!g_hash_table_contains (incident_ids, incident))
    {
      g_autofree char *path = g_strdup_printf ("%s.incident", where);
      _rd_archive_invalid (error, path, _("names a diary entry that is not in the case"));
      return NULL;
    }
  if (!check_revision_report (object, where, error))
    return NULL;
  return object;
}

/**
 * _rd_archive_check_evidence_id:
 * @ids: the ids seen so far; gets this one
 *
 * The first reading of evidence: ids only, so that a parent may come after
 * its attachment.
 */
gboolean
_rd_archive_check_evidence_id (JsonNode    *node,
                               guint        index,
                               GHashTable  *ids,
                               GError     **error)
{
  g_autofree char *where = NULL;
  JsonObject *object = get_element (node, index, "evidence", &where, error);
  gint64 id;

  if (object == NULL || !get_int (object, "id", where, FALSE, NULL, &id, error))
    return FALSE;
  if (id <= 0 || g_hash_table_contains (ids, &id))
    {
      g_autofree char *path = g_strdup_printf ("%s.id", where);
      return _rd_archive_invalid (error, path, _("is used twice, or is not above 0"));
    }
  g_hash_table_insert (ids, g_memdup2 (&id, sizeof id), g_new0 (gint64, 1));
  return TRUE;
}

/**
 * _rd_archive_check_evidence:
 * @ids: every evidence id of the document
 * @used: the files named so far (sha256, owned); gets this one's
 * @parent: (out): the id of the record it is attached to, or 0
 *
 * Returns: (transfer none): the record, checked: every field, and its
 *   file, which must be in the archive, checked, and as big as it says
 */
JsonObject *
_rd_archive_check_evidence (JsonNode           *node,
                            guint               index,
                            RdArchiveContents  *contents,
                            GHashTable         *ids,
                            GHashTable         *used,
                            gint64             *parent,
                            GError            **error)
{
  static const char * const texts[] = {
    "content_type", "kind", "original_name", "date_source", "description", "title", "author",
    "recipients", "problem", "text",
  };
  g_autofree char *where = NULL;
  JsonObject *object = get_element (node, index, "evidence", &where, error);
  const char *sha256, *staged, *text;
  gint64 size, value;
  gboolean is_null, flag;
  GStatBuf st;

  if (object == NULL ||
      !get_string (object, "sha256", where, &sha256, error) ||
      !get_int (object, "size", where, FALSE, NULL, &size, error) ||
      !check_datetime (object, "captured_at", where, TRUE, error) ||
      !get_int (object, "page_count", where, TRUE, &is_null, &value, error) ||
      !get_int (object, "duration_ms", where, TRUE, &is_null, &value, error) ||
      !get_int (object, "orientation", where, FALSE, NULL, &value, error) ||
      !get_bool (object, "needs_password", where, &flag, error) ||
      !get_int (object, "parent", where, TRUE, &is_null, parent, error) ||
      !get_int (object, "imported_at", where, FALSE, NULL, &value, error))
    return NULL;
  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    if (!get_string (object, texts[t], where, &text, error))
      return NULL;

  staged = g_hash_table_lookup (contents->staged, sha256);
  if (staged == NULL || g_stat (staged, &st) != 0 || st.st_size != size)
    {
      g_autofree char *path = g_strdup_printf ("%s.sha256", where);
      _rd_archive_invalid (error, path, _("names a file that is not in the archive"));
      return NULL;
    }
  if (g_hash_table_contains (used, sha256))
    {
      g_autofree char *path = g_strdup_printf ("%s.sha256", where);
      _rd_archive_invalid (error, path, _("names the same file as another record"));
      return NULL;
    }
  g_hash_table_add (used, g_strdup (sha256));
  if (!is_null && !g_hash_table_contains (ids, parent))
    {
      g_autofree char *path = g_strdup_printf ("%s.parent", where);
      _rd_archive_invalid (error, path, _("names evidence that is not in the case"));
      return NULL;
    }
  if (is_null)
    *parent = 0;
  return object;
}

/**
 * _rd_archive_check_link:
 * @incident_ids: the case's diary entries by their document ids
 * @contact_ids: its contacts
 * @first_event: (element-type guint): for each complaint, the place of
 *   its first step among all steps, then the number of steps
 * @target: (out): what it links to: the document id of an entry or
 *   contact, or for a complaint's step its place among all steps
 *
 * Returns: (transfer none): the link, checked, or %NULL with @error set
 */
JsonObject *
_rd_archive_check_link (JsonNode    *node,
                        guint        index,
                        GHashTable  *evidence_ids,
                        GHashTable  *incident_ids,
                        GHashTable  *contact_ids,
                        GArray      *first_event,
                        gint64      *target,
                        GError     **error)
{
  g_autofree char *where = NULL;
  JsonObject *object = get_element (node, index, "links", &where, error);
  const char *kind, *note;
  gint64 evidence, created, complaint, event;
  gboolean found = FALSE;

  if (object == NULL ||
      !get_int (object, "evidence", where, FALSE, NULL, &evidence, error) ||
      !get_string (object, "target_kind", where, &kind, error) ||
      !get_string (object, "note", where, &note, error) ||
      !get_int (object, "created_at", where, FALSE, NULL, &created, error))
    return NULL;
  if (!g_hash_table_contains (evidence_ids, &evidence))
    {
      g_autofree char *path = g_strdup_printf ("%s.evidence", where);
      _rd_archive_invalid (error, path, _("names evidence that is not in the case"));
      return NULL;
    }
  if (g_str_equal (kind, "complaint-event"))
    {
      if (!get_int (object, "complaint", where, FALSE, NULL, &complaint, error) ||
          !get_int (object, "event", where, FALSE, NULL, &event, error))
        return NULL;
      if (complaint >= 1 && complaint < first_event->len)
        {
          guint first = g_array_index (first_event, guint, complaint - 1);
          guint n = g_array_index (first_event, guint, complaint) - first;

          found = event >= 1 && event <= n;
          *target = first + event - 1;
        }
    }
  else if (g_str_equal (kind, "incident") || g_str_equal (kind, "contact"))
    {
      if (!get_int (object, "target", where, FALSE, NULL, target, error))
        return NULL;
      found = g_hash_table_contains (g_str_equal (kind, "incident") ? incident_ids : contact_ids,
                                     target);
    }
  if (!found)
    {
      _rd_archive_invalid (error, where, _("links evidence to something that is not in the case"));
      return NULL;
    }
  return object;
}

/**
 * _rd_archive_check_format:
 * @root: an object holding the document's members "format" and "version"
 */
gboolean
_rd_archive_check_format (JsonObject  *root,
                          GError     **error)
{
  const char *format;
  gint64 version;

  if (!get_string (root, "format", "case", &format, error) ||
      !get_int (root, "version", "case", FALSE, NULL, &version, error))
    return FALSE;
  if (!g_str_equal (format, "redress-case-archive") || version < 1)
    return _rd_archive_invalid (error, "format", _("is not a Redress case"));
  if (version > RD_CASE_ARCHIVE_FORMAT_VERSION)
    {
      g_set_error (error, RD_CASE_ARCHIVE_ERROR, RD_CASE_ARCHIVE_ERROR_NEWER,
                   _("This case file was made by a newer version of Redress. Update Redress "
                     "on this computer, then import it again. Nothing was imported."));
      return FALSE;
    }
  return TRUE;
}
