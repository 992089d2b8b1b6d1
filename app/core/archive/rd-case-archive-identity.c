/* rd-case-archive-identity.c: which case an archive holds, so that taking
 * the same hand-over in twice is noticed instead of making a silent
 * duplicate.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-archive"

#include "config.h"

#include <inttypes.h>
#include "rd-gettext.h"
#include <string.h>

#include "rd-case-archive-private.h"
#include "rd-store-archive.h"

/* Every case gets a random identity when it is made (32 lower-case hex
 * digits, see migration 9); the archive carries it as "case_uuid". */
static gboolean
is_identity (const char *text)
{
  if (strlen (text) != 32)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

/**
 * _rd_archive_parse_identity:
 * @document_sha256: (nullable): the SHA-256 of @document, when known
 *   (the manifest's, checked), so that it need not be read again
 * @document: the archive's case document, as it is in the archive
 *
 * Returns: (transfer full): the identity of the case in the archive; an
 *   archive made before identities were carried is known by the SHA-256
 *   of its case document, so that the same file taken in twice is still
 *   noticed. %NULL with @error set when "case_uuid" is malformed.
 */
char *
_rd_archive_parse_identity (JsonObject  *root,
                            const char  *document_sha256,
                            const char  *document,
                            gsize        length,
                            GError     **error)
{
  JsonNode *node = json_object_get_member (root, "case_uuid");
  g_autofree char *digest = NULL;

  if (node == NULL && document_sha256 != NULL)
    return g_strndup (document_sha256, 32);
  if (node == NULL)
    {
      digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) document, length);
      return g_strndup (digest, 32);
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      !is_identity (json_node_get_string (node)))
    {
      g_set_error_literal (error, RD_CASE_ARCHIVE_ERROR, RD_CASE_ARCHIVE_ERROR_INVALID,
                           _("The case in this archive cannot be read: “case_uuid” should be "
                             "32 hexadecimal digits. Nothing was imported."));
      return NULL;
    }
  return g_strdup (json_node_get_string (node));
}

/**
 * _rd_archive_check_not_here:
 *
 * Refuses, with %RD_CASE_ARCHIVE_ERROR_DUPLICATE and a message naming the
 * case, when a case with @identity is already in @store.
 */
gboolean
_rd_archive_check_not_here (RdStore     *store,
                            const char  *identity,
                            GError     **error)
{
  g_autofree char *title = NULL;
  gint64 id = rd_store_find_case_by_identity (store, identity, &title, error);

  if (id < 0)
    return FALSE;
  if (id > 0)
    {
      g_set_error (error, RD_CASE_ARCHIVE_ERROR, RD_CASE_ARCHIVE_ERROR_DUPLICATE,
                   _("This case is already in Redress on this computer, as case %" PRId64
                     " “%s”. Nothing was imported. Import it as a copy only if you mean to keep "
                     "two copies of it."),
                   id, title);
      return FALSE;
    }
  return TRUE;
}

/**
 * _rd_archive_set_identity:
 *
 * Gives the case just written from the archive the archive's identity.
 */
gboolean
_rd_archive_set_identity (RdStore     *store,
                          gint64       case_id,
                          const char  *identity,
                          GError     **error)
{
  return rd_store_set_case_identity (store, case_id, identity, error);
}
