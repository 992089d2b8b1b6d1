/* rd-party.c: a person or body involved in a case (officer, neighbour, police…).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-party"

#include "config.h"

#include "rd-gettext.h"

#include "rd-errors.h"
#include "rd-model-private.h"
#include "rd-party.h"
#include "rd-model-enums.h"

struct _RdParty
{
  GObject      parent_instance;

  gint64       id;
  gint64       case_id;
  char        *name;
  RdPartyRole  role;
  char        *organisation;
  gboolean     third_party;
  char        *notes;
};

G_DEFINE_FINAL_TYPE (RdParty, rd_party, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_ID,
  PROP_NAME,
  PROP_ROLE,
  PROP_ORGANISATION,
  PROP_THIRD_PARTY,
  PROP_NOTES,
  PROP_DISPLAY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *key;
  const char *label;
  gboolean    third_party;
} roles[RD_PARTY_N_ROLES] = {
  { "landlord-officer", N_("Landlord’s officer"), FALSE },
  { "neighbour", N_("Neighbour"), TRUE },
  { "police", N_("Police"), FALSE },
  { "council", N_("Council"), FALSE },
  { "mp", N_("MP or councillor"), FALSE },
  { "solicitor", N_("Solicitor or adviser"), FALSE },
  { "support-worker", N_("Support worker"), FALSE },
  { "other", N_("Someone else"), TRUE },
};

const char *
rd_party_role_to_key (RdPartyRole role)
{
  g_return_val_if_fail (role < RD_PARTY_N_ROLES, "other");

  return roles[role].key;
}

gboolean
rd_party_role_from_key (const char  *key,
                        RdPartyRole *out)
{
  for (guint i = 0; key != NULL && i < RD_PARTY_N_ROLES; i++)
    if (g_str_equal (key, roles[i].key))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
rd_party_role_get_label (RdPartyRole role)
{
  g_return_val_if_fail (role < RD_PARTY_N_ROLES, NULL);

  return _(roles[role].label);
}

/**
 * rd_party_role_default_third_party:
 *
 * Neighbours and others outside the dispute are private people: exports
 * can anonymise them ("Neighbour A"). Officers and agencies act in a
 * public role and are named.
 */
gboolean
rd_party_role_default_third_party (RdPartyRole role)
{
  g_return_val_if_fail (role < RD_PARTY_N_ROLES, TRUE);

  return roles[role].third_party;
}

static void
rd_party_finalize (GObject *object)
{
  RdParty *self = (RdParty *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (rd_party_parent_class)->finalize (object);
}

static void
rd_party_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  RdParty *self = RD_PARTY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    case PROP_ORGANISATION:
      g_value_set_string (value, self->organisation);
      break;
    case PROP_THIRD_PARTY:
      g_value_set_boolean (value, self->third_party);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_DISPLAY_NAME:
      g_value_take_string (value, rd_party_dup_display_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_party_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  RdParty *self = RD_PARTY (object);

  switch (prop_id)
    {
    case PROP_ID:
      rd_party_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_CASE_ID:
      rd_party_set_case_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      rd_party_set_name (self, g_value_get_string (value));
      break;
    case PROP_ROLE:
      rd_party_set_role (self, g_value_get_enum (value));
      break;
    case PROP_ORGANISATION:
      rd_party_set_organisation (self, g_value_get_string (value));
      break;
    case PROP_THIRD_PARTY:
      rd_party_set_third_party (self, g_value_get_boolean (value));
      break;
    case PROP_NOTES:
      rd_party_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_party_class_init (RdPartyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rd_party_finalize;
  object_class->get_property = rd_party_get_property;
  object_class->set_property = rd_party_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, RD_TYPE_PARTY_ROLE, RD_PARTY_LANDLORD_OFFICER, flags);
  properties[PROP_ORGANISATION] =
    g_param_spec_string ("organisation", NULL, NULL, "", flags);
  properties[PROP_THIRD_PARTY] =
    g_param_spec_boolean ("third-party", NULL, NULL, FALSE, flags);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "", flags);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rd_party_init (RdParty *self)
{
  self->name = g_strdup ("");
  self->organisation = g_strdup ("");
  self->notes = g_strdup ("");
}

RdParty *
rd_party_new (void)
{
  return g_object_new (RD_TYPE_PARTY, NULL);
}

RdParty *
rd_party_copy (RdParty *self)
{
  RdParty *copy;

  g_return_val_if_fail (RD_IS_PARTY (self), NULL);

  copy = rd_party_new ();
  copy->id = self->id;
  copy->case_id = self->case_id;
  _rd_model_replace_string (&copy->name, self->name);
  copy->role = self->role;
  _rd_model_replace_string (&copy->organisation, self->organisation);
  copy->third_party = self->third_party;
  _rd_model_replace_string (&copy->notes, self->notes);
  return copy;
}

#define STRING_ACCESSORS(field, PROP, ALSO) \
  RD_MODEL_STRING_ACCESSORS (RdParty, rd_party, RD_IS_PARTY, field, PROP, ALSO)
#define INT64_ACCESSORS(field, PROP) \
  RD_MODEL_SCALAR_ACCESSORS (RdParty, rd_party, RD_IS_PARTY, gint64, field, PROP, PROP_0)

STRING_ACCESSORS (name, PROP_NAME, PROP_DISPLAY_NAME)
STRING_ACCESSORS (organisation, PROP_ORGANISATION, PROP_DISPLAY_NAME)
STRING_ACCESSORS (notes, PROP_NOTES, PROP_0)
INT64_ACCESSORS (id, PROP_ID)
INT64_ACCESSORS (case_id, PROP_CASE_ID)

RdPartyRole
rd_party_get_role (RdParty *self)
{
  g_return_val_if_fail (RD_IS_PARTY (self), RD_PARTY_OTHER);

  return self->role;
}

void
rd_party_set_role (RdParty     *self,
                   RdPartyRole  role)
{
  g_return_if_fail (RD_IS_PARTY (self));
  g_return_if_fail (role < RD_PARTY_N_ROLES);

  if (self->role != role)
    {
      self->role = role;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
    }
}

gboolean
rd_party_get_third_party (RdParty *self)
{
  g_return_val_if_fail (RD_IS_PARTY (self), TRUE);

  return self->third_party;
}

void
rd_party_set_third_party (RdParty  *self,
                          gboolean  third_party)
{
  g_return_if_fail (RD_IS_PARTY (self));

  third_party = !!third_party;
  if (self->third_party != third_party)
    {
      self->third_party = third_party;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THIRD_PARTY]);
    }
}

/**
 * rd_party_dup_display_name:
 *
 * Returns: (transfer full): "Name (Organisation)", or the role when the
 *   name is not known yet
 */
char *
rd_party_dup_display_name (RdParty *self)
{
  g_autofree char *name = NULL;
  g_autofree char *org = NULL;

  g_return_val_if_fail (RD_IS_PARTY (self), NULL);

  name = g_strstrip (g_strdup (self->name));
  org = g_strstrip (g_strdup (self->organisation));
  if (*name == '\0')
    {
      g_free (name);
      name = g_strdup (rd_party_role_get_label (self->role));
    }
  if (*org != '\0')
    /* Translators: a person's name and the body they work for, "Sam Lee (Northway Homes)" */
    return g_strdup_printf (_("%s (%s)"), name, org);
  return g_steal_pointer (&name);
}

/**
 * rd_party_describe:
 * @name: (nullable): the person's or body's name
 *
 * How a deadline's explanation names someone other than the landlord.
 *
 * Returns: (transfer full): "PC Sam Lee (Police)", or the role alone when
 *   the name is blank
 */
char *
rd_party_describe (const char  *name,
                   RdPartyRole  role)
{
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));

  g_return_val_if_fail (role < RD_PARTY_N_ROLES, NULL);

  if (*clean == '\0')
    return g_strdup (rd_party_role_get_label (role));
  /* Translators: someone in a case and their role, "PC Sam Lee (Police)" */
  return g_strdup_printf (_("%s (%s)"), clean, rd_party_role_get_label (role));
}

/**
 * rd_party_validate:
 *
 * A party needs a name or an organisation, so that letters can say who.
 */
gboolean
rd_party_validate (RdParty  *self,
                   GError  **error)
{
  g_autofree char *name = NULL;
  g_autofree char *org = NULL;

  g_return_val_if_fail (RD_IS_PARTY (self), FALSE);

  name = g_strstrip (g_strdup (self->name));
  org = g_strstrip (g_strdup (self->organisation));
  if (*name == '\0' && *org == '\0')
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                           _("Give this person a name, or say which organisation they are "
                             "from, for example “Housing officer, Northway Homes”."));
      return FALSE;
    }
  return TRUE;
}
