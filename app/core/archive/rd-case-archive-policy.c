/* rd-case-archive-policy.c: the landlord's policy profile a handed-over
 * case follows, carried whole in the archive so that the colleague's
 * computer works out the same deadlines.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-archive"

#include "config.h"

#include "rd-gettext.h"

#include "rd-case-archive-private.h"
#include "rd-store-policies.h"

static gboolean
invalid_policy (GError     **error,
                const char  *detail)
{
  g_set_error (error, RD_CASE_ARCHIVE_ERROR, RD_CASE_ARCHIVE_ERROR_INVALID,
               _("The landlord’s policy profile in this archive cannot be read (%s). "
                 "Nothing was imported."), detail);
  return FALSE;
}

/**
 * _rd_archive_parse_policy:
 * @out: (out) (transfer full): the profile, or %NULL when the case follows
 *   the Code only (or the archive is older than profiles in archives)
 */
gboolean
_rd_archive_parse_policy (JsonObject  *root,
                          RdPolicy   **out,
                          GError     **error)
{
  JsonNode *node = json_object_get_member (root, "policy");
  JsonNode *definition;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RdPolicy) policy = NULL;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid_policy (error, _("“policy” should be an object in curly brackets"));
  definition = json_object_get_member (json_node_get_object (node), "definition");
  if (definition == NULL || !JSON_NODE_HOLDS_VALUE (definition) ||
      json_node_get_value_type (definition) != G_TYPE_STRING)
    return invalid_policy (error, _("“policy.definition” should be text"));
  policy = rd_policy_new_from_data (json_node_get_string (definition), &local_error);
  if (policy == NULL)
    return invalid_policy (error, local_error->message);
  if (rd_policy_get_kind (policy) != RD_POLICY_KIND_LANDLORD)
    return invalid_policy (error, _("it is not a landlord’s own profile"));
  *out = g_steal_pointer (&policy);
  return TRUE;
}
