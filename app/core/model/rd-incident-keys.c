/* rd-incident-keys.c: how a diary entry's categories, agencies, ASB risk levels and
 * Awaab's Law hazards are stored (keys) and shown (labels).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-incident"

#include "config.h"

#include "rd-gettext.h"

#include "rd-incident.h"

static const struct {
  const char *key;
  const char *label;
  const char *icon_name;
} categories[RD_CATEGORY_N_CATEGORIES] = {
  { "noise", N_("Noise"), "audio-volume-high-symbolic" },
  { "harassment", N_("Harassment or threats"), "dialog-warning-symbolic" },
  { "violence", N_("Violence"), "emblem-important-symbolic" },
  { "damage", N_("Damage to property"), "go-home-symbolic" },
  { "domestic-abuse", N_("Domestic abuse"), "security-high-symbolic" },
  { "disrepair", N_("Disrepair"), "applications-engineering-symbolic" },
  { "other", N_("Other"), "view-more-symbolic" },
};

static const struct {
  RdReportedTo flag;
  const char  *key;
  const char  *label;
} agencies[] = {
  { RD_REPORTED_POLICE, "police", N_("Police") },
  { RD_REPORTED_LANDLORD, "landlord", N_("Landlord") },
  { RD_REPORTED_COUNCIL, "council", N_("Council") },
  { RD_REPORTED_OTHER, "other", N_("Someone else") },
};

const char *
rd_category_to_string (RdCategory category)
{
  g_return_val_if_fail (category < RD_CATEGORY_N_CATEGORIES, "other");

  return categories[category].key;
}

RdCategory
rd_category_from_string (const char *key)
{
  for (guint i = 0; key != NULL && i < RD_CATEGORY_N_CATEGORIES; i++)
    if (g_str_equal (key, categories[i].key))
      return i;
  return RD_CATEGORY_OTHER;
}

const char *
rd_category_get_label (RdCategory category)
{
  g_return_val_if_fail (category < RD_CATEGORY_N_CATEGORIES, NULL);

  return _(categories[category].label);
}

const char *
rd_category_get_icon_name (RdCategory category)
{
  g_return_val_if_fail (category < RD_CATEGORY_N_CATEGORIES, NULL);

  return categories[category].icon_name;
}

/**
 * rd_reported_to_to_string:
 *
 * The storage form of the flags: agency keys joined by commas, "police,council".
 */
char *
rd_reported_to_to_string (RdReportedTo flags)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (agencies); i++)
    if (flags & agencies[i].flag)
      {
        if (out->len > 0)
          g_string_append_c (out, ',');
        g_string_append (out, agencies[i].key);
      }
  return g_string_free (out, FALSE);
}

RdReportedTo
rd_reported_to_from_string (const char *text)
{
  g_auto(GStrv) parts = NULL;
  RdReportedTo flags = RD_REPORTED_NONE;

  if (text == NULL || *text == '\0')
    return RD_REPORTED_NONE;

  parts = g_strsplit (text, ",", -1);
  for (guint p = 0; parts[p] != NULL; p++)
    {
      g_strstrip (parts[p]);
      for (guint i = 0; i < G_N_ELEMENTS (agencies); i++)
        if (g_str_equal (parts[p], agencies[i].key))
          flags |= agencies[i].flag;
    }
  return flags;
}

char *
rd_reported_to_get_label (RdReportedTo flags)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (agencies); i++)
    if (flags & agencies[i].flag)
      {
        if (out->len > 0)
          g_string_append (out, ", ");
        g_string_append (out, _(agencies[i].label));
      }
  if (out->len == 0)
    g_string_append (out, _("Not reported"));
  return g_string_free (out, FALSE);
}

static const struct {
  const char *key;
  const char *label;
} asb_risks[RD_ASB_RISK_N_LEVELS + 1] = {
  [RD_ASB_RISK_HIGH] = { "high", N_("High risk") },
  [RD_ASB_RISK_MEDIUM] = { "medium", N_("Medium risk") },
  [RD_ASB_RISK_LOW] = { "low", N_("Low risk") },
  [RD_ASB_RISK_N_LEVELS] = { "unknown", N_("Not known") },
};

static const struct {
  const char *key;
  const char *label;
} hazards[RD_HAZARD_N_LEVELS + 1] = {
  /* Translators: kinds of Awaab's Law hazard, listed under "Awaab's Law hazard" */
  [RD_HAZARD_EMERGENCY] = { "emergency", N_("Emergency") },
  [RD_HAZARD_SIGNIFICANT] = { "significant-damp-mould", N_("Damp and mould") },
  [RD_HAZARD_EXCESS_COLD] = { "significant-excess-cold", N_("Excess cold") },
  [RD_HAZARD_EXCESS_HEAT] = { "significant-excess-heat", N_("Excess heat") },
  [RD_HAZARD_FALLS] = { "significant-falls", N_("Falls (stairs, baths, floors, windows)") },
  [RD_HAZARD_STRUCTURAL_COLLAPSE] = { "significant-structural-collapse",
                                      N_("Structural collapse or explosion") },
  [RD_HAZARD_FIRE] = { "significant-fire", N_("Fire, flames or hot surfaces") },
  [RD_HAZARD_ELECTRICAL] = { "significant-electrical", N_("Electrical hazard") },
  [RD_HAZARD_HYGIENE] = { "significant-hygiene", N_("Hygiene, pests, refuse or sanitation") },
  [RD_HAZARD_FOOD_SAFETY] = { "significant-food-safety", N_("Food safety") },
  [RD_HAZARD_OTHER] = { "significant-other", N_("Another hazard (not overcrowding)") },
  [RD_HAZARD_N_LEVELS] = { "none", N_("None") },
};

/**
 * rd_category_is_asb:
 *
 * Whether entries of @category are anti-social behaviour, which a landlord
 * gives a risk level and a first-response time.
 */
gboolean
rd_category_is_asb (RdCategory category)
{
  return category == RD_CATEGORY_NOISE || category == RD_CATEGORY_HARASSMENT ||
         category == RD_CATEGORY_VIOLENCE || category == RD_CATEGORY_DAMAGE ||
         category == RD_CATEGORY_DOMESTIC_ABUSE;
}

/**
 * rd_category_is_repair:
 *
 * Whether entries of @category may be repairs or hazards (damp, mould,
 * disrepair), which a landlord gives a repair priority and which Awaab's
 * Law may cover.
 */
gboolean
rd_category_is_repair (RdCategory category)
{
  return category == RD_CATEGORY_DISREPAIR || category == RD_CATEGORY_OTHER;
}

const char *
rd_asb_risk_to_key (RdAsbRisk risk)
{
  g_return_val_if_fail (risk <= RD_ASB_RISK_N_LEVELS, "unknown");
  return asb_risks[risk].key;
}

gboolean
rd_asb_risk_from_key (const char *key,
                      RdAsbRisk  *out)
{
  for (guint i = 0; key != NULL && i <= RD_ASB_RISK_N_LEVELS; i++)
    if (g_str_equal (key, asb_risks[i].key))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
rd_asb_risk_get_label (RdAsbRisk risk)
{
  g_return_val_if_fail (risk <= RD_ASB_RISK_N_LEVELS, NULL);
  return _(asb_risks[risk].label);
}

const char *
rd_hazard_level_to_key (RdHazardLevel level)
{
  g_return_val_if_fail (level <= RD_HAZARD_N_LEVELS, "none");
  return hazards[level].key;
}

gboolean
rd_hazard_level_from_key (const char    *key,
                          RdHazardLevel *out)
{
  for (guint i = 0; key != NULL && i <= RD_HAZARD_N_LEVELS; i++)
    if (g_str_equal (key, hazards[i].key))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
rd_hazard_level_get_label (RdHazardLevel level)
{
  g_return_val_if_fail (level <= RD_HAZARD_N_LEVELS, NULL);
  return _(hazards[level].label);
}

/**
 * rd_incident_get_misplaced_field:
 *
 * The first field set on @self that its category does not use: the risk
 * level belongs to anti-social behaviour; the repair priority, the hazard
 * the landlord's steps and lost heating, hot water or power belong to
 * repairs. Such a value would be kept
 * but never counted in a deadline, so the store and every import refuse
 * it rather than keep what means nothing.
 *
 * Returns: (nullable): the field's name in case JSON ("asb_risk",
 *   "repair_priority", "hazard", "landlord_steps" or "services_lost"), or
 *   %NULL
 */
const char *
rd_incident_get_misplaced_field (RdIncident *self)
{
  RdCategory category;

  g_return_val_if_fail (RD_IS_INCIDENT (self), NULL);

  category = rd_incident_get_category (self);
  if (!rd_category_is_asb (category) && rd_incident_get_asb_risk (self) != RD_ASB_RISK_N_LEVELS)
    return "asb_risk";
  if (rd_category_is_repair (category))
    return NULL;
  if (*rd_incident_get_repair_priority (self) != '\0')
    return "repair_priority";
  if (rd_incident_get_hazard (self) != RD_HAZARD_N_LEVELS)
    return "hazard";
  if (!rd_landlord_steps_is_empty (rd_incident_get_landlord_steps (self)))
    return "landlord_steps";
  if (*rd_incident_get_service_loss (self) != '\0')
    return "services_lost";
  return NULL;
}

/**
 * rd_incident_drop_misplaced_fields:
 *
 * Clears the fields @self's category does not use (see
 * rd_incident_get_misplaced_field()). For the editor: its hidden rows
 * keep what was picked before the category changed, in case it changes
 * back, but what is saved holds only what applies.
 */
void
rd_incident_drop_misplaced_fields (RdIncident *self)
{
  RdCategory category;

  g_return_if_fail (RD_IS_INCIDENT (self));

  category = rd_incident_get_category (self);
  if (!rd_category_is_asb (category))
    rd_incident_set_asb_risk (self, RD_ASB_RISK_N_LEVELS);
  if (!rd_category_is_repair (category))
    {
      rd_incident_set_repair_priority (self, "");
      rd_incident_set_hazard (self, RD_HAZARD_N_LEVELS);
      rd_incident_set_landlord_steps (self, NULL);
      rd_incident_set_service_loss (self, "");
    }
}
