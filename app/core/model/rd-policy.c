/* rd-policy.c: a policy profile: the time limits that bind a landlord.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-policy"

#include "config.h"

#include "rd-gettext.h"
#include <string.h>

#include "rd-model-private.h"
#include "rd-policy-private.h"

G_DEFINE_FINAL_TYPE (RdPolicy, rd_policy, G_TYPE_OBJECT)
G_DEFINE_QUARK (rd-policy-error-quark, rd_policy_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_rd_repair_priority_free (gpointer data)
{
  RdRepairPriority *p = data;

  g_free (p->key);
  g_free (p->label);
  g_free (p);
}

void
_rd_policy_rule_free (gpointer data)
{
  RdPolicyRule *r = data;

  g_free (r->label);
  g_free (r);
}

static void
rd_policy_finalize (GObject *object)
{
  RdPolicy *self = (RdPolicy *) object;

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->based_on, g_free);
  g_clear_pointer (&self->sources, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->repairs, g_ptr_array_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);

  G_OBJECT_CLASS (rd_policy_parent_class)->finalize (object);
}

static void
rd_policy_class_init (RdPolicyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_policy_finalize;

  /**
   * RdPolicy::changed:
   *
   * Any limit of the profile changed; deadlines that use it are stale.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rd_policy_init (RdPolicy *self)
{
  self->key = g_strdup ("");
  self->name = g_strdup ("");
  self->based_on = g_strdup ("");
  self->sources = g_strdup ("");
  self->notes = g_strdup ("");
  g_date_clear (&self->valid_from, 1);
  self->repairs = g_ptr_array_new_with_free_func (_rd_repair_priority_free);
  self->rules = g_ptr_array_new_with_free_func (_rd_policy_rule_free);
  rd_office_hours_init_default (&self->office);
  for (guint i = 0; i < RD_POLICY_MAX_STAGES; i++)
    self->stages[i].respond_from = RD_RESPOND_FROM_ACKNOWLEDGEMENT;
}

void
_rd_policy_emit_changed (RdPolicy *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

RdPolicy *
rd_policy_new (RdPolicyKind kind)
{
  RdPolicy *self = g_object_new (RD_TYPE_POLICY, NULL);

  self->kind = kind;
  return self;
}

/**
 * rd_policy_copy:
 *
 * Returns: (transfer full): an independent copy, with the same id
 */
RdPolicy *
rd_policy_copy (RdPolicy *self)
{
  RdPolicy *copy;

  g_return_val_if_fail (RD_IS_POLICY (self), NULL);

  copy = rd_policy_new (self->kind);
  copy->id = self->id;
  _rd_model_replace_string (&copy->key, self->key);
  _rd_model_replace_string (&copy->name, self->name);
  _rd_model_replace_string (&copy->based_on, self->based_on);
  _rd_model_replace_string (&copy->sources, self->sources);
  _rd_model_replace_string (&copy->notes, self->notes);
  copy->valid_from = self->valid_from;
  copy->n_stages = self->n_stages;
  copy->max_stages = self->max_stages;
  copy->has_stage_zero = self->has_stage_zero;
  copy->stage_zero_forbidden = self->stage_zero_forbidden;
  memcpy (copy->stages, self->stages, sizeof self->stages);
  copy->resident_escalation = self->resident_escalation;
  copy->ombudsman_referral = self->ombudsman_referral;
  copy->complaint_time_limit = self->complaint_time_limit;
  memcpy (copy->asb, self->asb, sizeof self->asb);
  memcpy (copy->hazards, self->hazards, sizeof self->hazards);
  copy->office = self->office;
  for (guint i = 0; i < self->repairs->len; i++)
    {
      const RdRepairPriority *p = g_ptr_array_index (self->repairs, i);

      rd_policy_set_repair_priority (copy, p->key, p->label, &p->limit);
    }
  for (guint i = 0; i < self->rules->len; i++)
    rd_policy_add_rule (copy, g_ptr_array_index (self->rules, i));
  return copy;
}

/**
 * rd_policy_content_equal:
 *
 * Whether two profiles set the same limits (ids are not compared).
 */
gboolean
rd_policy_content_equal (RdPolicy *a,
                         RdPolicy *b)
{
  g_autofree char *da = NULL;
  g_autofree char *db = NULL;

  g_return_val_if_fail (RD_IS_POLICY (a) && RD_IS_POLICY (b), FALSE);

  da = rd_policy_to_data (a);
  db = rd_policy_to_data (b);
  return g_str_equal (da, db);
}

gint64
rd_policy_get_id (RdPolicy *self)
{
  g_return_val_if_fail (RD_IS_POLICY (self), 0);
  return self->id;
}

void
rd_policy_set_id (RdPolicy *self,
                  gint64    id)
{
  g_return_if_fail (RD_IS_POLICY (self));
  self->id = id;
}

RdPolicyKind
rd_policy_get_kind (RdPolicy *self)
{
  g_return_val_if_fail (RD_IS_POLICY (self), RD_POLICY_KIND_LANDLORD);
  return self->kind;
}

const char *
rd_policy_get_key (RdPolicy *self)
{
  g_return_val_if_fail (RD_IS_POLICY (self), NULL);
  return self->key;
}

const char *
rd_policy_get_name (RdPolicy *self)
{
  g_return_val_if_fail (RD_IS_POLICY (self), NULL);
  return self->name;
}

void
rd_policy_set_name (RdPolicy   *self,
                    const char *name)
{
  g_return_if_fail (RD_IS_POLICY (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  _rd_model_replace_string (&self->name, name);
  _rd_policy_emit_changed (self);
}

/**
 * rd_policy_get_based_on:
 *
 * Returns: the key of the shipped profile this one started as a copy of
 *   ("code-2024"), or ""
 */
const char *
rd_policy_get_based_on (RdPolicy *self)
{
  g_return_val_if_fail (RD_IS_POLICY (self), NULL);
  return self->based_on;
}

void
rd_policy_set_based_on (RdPolicy   *self,
                        const char *key)
{
  g_return_if_fail (RD_IS_POLICY (self));
  _rd_model_replace_string (&self->based_on, key);
}

/**
 * rd_policy_get_valid_from:
 *
 * Returns: the day a shipped profile came into force (an invalid date for
 *   a landlord's own profile)
 */
const GDate *
rd_policy_get_valid_from (RdPolicy *self)
{
  g_return_val_if_fail (RD_IS_POLICY (self), NULL);
  return &self->valid_from;
}

const char *
rd_policy_get_sources (RdPolicy *self)
{
  g_return_val_if_fail (RD_IS_POLICY (self), NULL);
  return self->sources;
}

const char *
rd_policy_get_notes (RdPolicy *self)
{
  g_return_val_if_fail (RD_IS_POLICY (self), NULL);
  return self->notes;
}

void
rd_policy_set_notes (RdPolicy   *self,
                     const char *notes)
{
  g_return_if_fail (RD_IS_POLICY (self));

  if (g_strcmp0 (self->notes, notes) == 0)
    return;
  _rd_model_replace_string (&self->notes, notes);
  _rd_policy_emit_changed (self);
}

guint
rd_policy_get_n_stages (RdPolicy *self)
{
  g_return_val_if_fail (RD_IS_POLICY (self), 0);
  return self->n_stages;
}

void
rd_policy_set_n_stages (RdPolicy *self,
                        guint     n_stages)
{
  g_return_if_fail (RD_IS_POLICY (self));
  g_return_if_fail (n_stages <= RD_POLICY_MAX_STAGES);

  if (self->n_stages == n_stages)
    return;
  self->n_stages = n_stages;
  _rd_policy_emit_changed (self);
}

/**
 * rd_policy_get_stage:
 * @stage: 1 to %RD_POLICY_MAX_STAGES
 *
 * Returns: (transfer none): the stage's limits (unset limits have amount 0)
 */
const RdPolicyStage *
rd_policy_get_stage (RdPolicy *self,
                     guint     stage)
{
  g_return_val_if_fail (RD_IS_POLICY (self), NULL);
  g_return_val_if_fail (stage >= 1 && stage <= RD_POLICY_MAX_STAGES, NULL);

  return &self->stages[stage - 1];
}

void
rd_policy_set_stage (RdPolicy            *self,
                     guint                stage,
                     const RdPolicyStage *limits)
{
  RdPolicyStage *s;

  g_return_if_fail (RD_IS_POLICY (self));
  g_return_if_fail (stage >= 1 && stage <= RD_POLICY_MAX_STAGES);
  g_return_if_fail (limits != NULL);

  s = &self->stages[stage - 1];
  if (rd_limit_equal (&s->acknowledge, &limits->acknowledge) &&
      rd_limit_equal (&s->respond, &limits->respond) &&
      rd_limit_equal (&s->extension, &limits->extension) &&
      s->respond_from == limits->respond_from)
    return;
  *s = *limits;
  _rd_policy_emit_changed (self);
}

/**
 * rd_policy_get_has_stage_zero:
 *
 * Whether a landlord's policy has an informal step before stage 1 (a
 * "stage 0" or "informal complaint").
 */
gboolean
rd_policy_get_has_stage_zero (RdPolicy *self)
{
  g_return_val_if_fail (RD_IS_POLICY (self), FALSE);
  return self->has_stage_zero;
}

void
rd_policy_set_has_stage_zero (RdPolicy *self,
                              gboolean  has_stage_zero)
{
  g_return_if_fail (RD_IS_POLICY (self));

  has_stage_zero = !!has_stage_zero;
  if (self->has_stage_zero == has_stage_zero)
    return;
  self->has_stage_zero = has_stage_zero;
  _rd_policy_emit_changed (self);
}

/**
 * rd_policy_get_max_stages:
 *
 * Returns: for a Code version, how many stages it allows (0: it sets no
 *   limit that Redress is sure of)
 */
guint
rd_policy_get_max_stages (RdPolicy *self)
{
  g_return_val_if_fail (RD_IS_POLICY (self), 0);
  return self->max_stages;
}

gboolean
rd_policy_get_stage_zero_forbidden (RdPolicy *self)
{
  g_return_val_if_fail (RD_IS_POLICY (self), FALSE);
  return self->stage_zero_forbidden;
}

/**
 * rd_policy_get_resident_escalation:
 *
 * Returns: the time a landlord gives the resident to ask for the next
 *   stage, counted from the stage's response (unset when it gives none)
 */
const RdLimit *
rd_policy_get_resident_escalation (RdPolicy *self)
{
  g_return_val_if_fail (RD_IS_POLICY (self), NULL);
  return &self->resident_escalation;
}

void
rd_policy_set_resident_escalation (RdPolicy      *self,
                                   const RdLimit *limit)
{
  g_return_if_fail (RD_IS_POLICY (self) && limit != NULL);

  if (rd_limit_equal (&self->resident_escalation, limit))
    return;
  self->resident_escalation = *limit;
  _rd_policy_emit_changed (self);
}

/**
 * rd_policy_get_ombudsman_referral:
 *
 * Returns: the time the resident has to bring the complaint to the
 *   Ombudsman after the final response
 */
const RdLimit *
rd_policy_get_ombudsman_referral (RdPolicy *self)
{
  g_return_val_if_fail (RD_IS_POLICY (self), NULL);
  return &self->ombudsman_referral;
}

/**
 * rd_policy_get_complaint_time_limit:
 *
 * Returns: the time the resident has to make a complaint, from when they
 *   became aware of the problem (unset: the profile sets none)
 */
const RdLimit *
rd_policy_get_complaint_time_limit (RdPolicy *self)
{
  g_return_val_if_fail (RD_IS_POLICY (self), NULL);
  return &self->complaint_time_limit;
}

const RdLimit *
rd_policy_get_asb_first_response (RdPolicy  *self,
                                  RdAsbRisk  risk)
{
  g_return_val_if_fail (RD_IS_POLICY (self), NULL);
  g_return_val_if_fail (risk < RD_ASB_RISK_N_LEVELS, NULL);
  return &self->asb[risk];
}

void
rd_policy_set_asb_first_response (RdPolicy      *self,
                                  RdAsbRisk      risk,
                                  const RdLimit *limit)
{
  g_return_if_fail (RD_IS_POLICY (self) && limit != NULL);
  g_return_if_fail (risk < RD_ASB_RISK_N_LEVELS);

  if (rd_limit_equal (&self->asb[risk], limit))
    return;
  self->asb[risk] = *limit;
  _rd_policy_emit_changed (self);
}

const RdLimit *
rd_policy_get_hazard_limit (RdPolicy      *self,
                            RdHazardLevel  level,
                            RdHazardRule   rule)
{
  g_return_val_if_fail (RD_IS_POLICY (self), NULL);
  g_return_val_if_fail (level < RD_HAZARD_N_LEVELS && rule < RD_HAZARD_N_RULES, NULL);
  return &self->hazards[RD_HAZARD_CLASS (level)][rule];
}

guint
rd_policy_get_n_repair_priorities (RdPolicy *self)
{
  g_return_val_if_fail (RD_IS_POLICY (self), 0);
  return self->repairs->len;
}

const RdRepairPriority *
rd_policy_get_repair_priority (RdPolicy *self,
                               guint     index)
{
  g_return_val_if_fail (RD_IS_POLICY (self), NULL);
  g_return_val_if_fail (index < self->repairs->len, NULL);
  return g_ptr_array_index (self->repairs, index);
}

const RdRepairPriority *
rd_policy_find_repair_priority (RdPolicy   *self,
                                const char *key)
{
  g_return_val_if_fail (RD_IS_POLICY (self) && key != NULL, NULL);

  for (guint i = 0; i < self->repairs->len; i++)
    {
      const RdRepairPriority *p = g_ptr_array_index (self->repairs, i);

      if (g_str_equal (p->key, key))
        return p;
    }
  return NULL;
}

/**
 * rd_policy_set_repair_priority:
 * @key: a short stable name made of lower-case letters, digits and '-'
 *
 * Adds the priority, or changes the one with the same @key.
 */
void
rd_policy_set_repair_priority (RdPolicy      *self,
                               const char    *key,
                               const char    *label,
                               const RdLimit *limit)
{
  RdRepairPriority *p = NULL;

  g_return_if_fail (RD_IS_POLICY (self));
  g_return_if_fail (key != NULL && key[0] != '\0' && limit != NULL);

  for (const char *c = key; *c; c++)
    g_return_if_fail (g_ascii_islower (*c) || g_ascii_isdigit (*c) || *c == '-');

  for (guint i = 0; i < self->repairs->len && p == NULL; i++)
    if (g_str_equal (((RdRepairPriority *) g_ptr_array_index (self->repairs, i))->key, key))
      p = g_ptr_array_index (self->repairs, i);
  if (p == NULL)
    {
      p = g_new0 (RdRepairPriority, 1);
      p->key = g_strdup (key);
      g_ptr_array_add (self->repairs, p);
    }
  _rd_model_replace_string (&p->label, label);
  p->limit = *limit;
  _rd_policy_emit_changed (self);
}

void
rd_policy_remove_repair_priority (RdPolicy   *self,
                                  const char *key)
{
  g_return_if_fail (RD_IS_POLICY (self) && key != NULL);

  for (guint i = 0; i < self->repairs->len; i++)
    if (g_str_equal (((RdRepairPriority *) g_ptr_array_index (self->repairs, i))->key, key))
      {
        g_ptr_array_remove_index (self->repairs, i);
        _rd_policy_emit_changed (self);
        return;
      }
}

guint
rd_policy_get_n_rules (RdPolicy *self)
{
  g_return_val_if_fail (RD_IS_POLICY (self), 0);
  return self->rules->len;
}

const RdPolicyRule *
rd_policy_get_rule (RdPolicy *self,
                    guint     index)
{
  g_return_val_if_fail (RD_IS_POLICY (self), NULL);
  g_return_val_if_fail (index < self->rules->len, NULL);
  return g_ptr_array_index (self->rules, index);
}

static RdPolicyRule *
rule_dup (const RdPolicyRule *rule)
{
  RdPolicyRule *copy = g_new0 (RdPolicyRule, 1);

  *copy = *rule;
  copy->label = g_strdup (rule->label ? rule->label : "");
  return copy;
}

void
rd_policy_add_rule (RdPolicy           *self,
                    const RdPolicyRule *rule)
{
  g_return_if_fail (RD_IS_POLICY (self) && rule != NULL);
  g_return_if_fail (rule->channel >= -1 && rule->channel < RD_CHANNEL_N_CHANNELS);

  g_ptr_array_add (self->rules, rule_dup (rule));
  _rd_policy_emit_changed (self);
}

void
rd_policy_replace_rule (RdPolicy           *self,
                        guint               index,
                        const RdPolicyRule *rule)
{
  g_return_if_fail (RD_IS_POLICY (self) && rule != NULL);
  g_return_if_fail (index < self->rules->len);
  g_return_if_fail (rule->channel >= -1 && rule->channel < RD_CHANNEL_N_CHANNELS);

  _rd_policy_rule_free (self->rules->pdata[index]);
  self->rules->pdata[index] = rule_dup (rule);
  _rd_policy_emit_changed (self);
}

void
rd_policy_remove_rule (RdPolicy *self,
                       guint     index)
{
  g_return_if_fail (RD_IS_POLICY (self));
  g_return_if_fail (index < self->rules->len);

  g_ptr_array_remove_index (self->rules, index);
  _rd_policy_emit_changed (self);
}

const RdOfficeHours *
rd_policy_get_office_hours (RdPolicy *self)
{
  g_return_val_if_fail (RD_IS_POLICY (self), NULL);
  return &self->office;
}

void
rd_policy_set_office_hours (RdPolicy            *self,
                            const RdOfficeHours *hours)
{
  g_return_if_fail (RD_IS_POLICY (self));
  g_return_if_fail (rd_office_hours_is_valid (hours));

  if (self->office.start_minute == hours->start_minute &&
      self->office.end_minute == hours->end_minute)
    return;
  self->office = *hours;
  _rd_policy_emit_changed (self);
}
