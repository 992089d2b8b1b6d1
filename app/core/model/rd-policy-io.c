/* rd-policy-io.c: policy profiles as text, and the profiles that ship with Redress.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-policy"

#include "config.h"

#include <gio/gio.h>
#include "rd-gettext.h"
#include <stdio.h>

#include "rd-core-resources.h"
#include "rd-datetime.h"
#include "rd-policy-private.h"

/* A landlord's profile is stored as a key file with this one group. */
#define LANDLORD_GROUP "Profile"

static const char * const kind_keys[] = {
  [RD_POLICY_KIND_CODE] = "code",
  [RD_POLICY_KIND_AWAAB] = "awaab",
  [RD_POLICY_KIND_LANDLORD] = "landlord",
  [RD_POLICY_KIND_WALES] = "wales-model",
};

static const char * const asb_keys[RD_ASB_RISK_N_LEVELS] = {
  [RD_ASB_RISK_HIGH] = "AsbHigh",
  [RD_ASB_RISK_MEDIUM] = "AsbMedium",
  [RD_ASB_RISK_LOW] = "AsbLow",
};

static const char * const hazard_keys[RD_HAZARD_N_CLASSES][RD_HAZARD_N_RULES] = {
  [RD_HAZARD_EMERGENCY] = { "EmergencyInvestigate", "EmergencySummary", "EmergencyMakeSafe",
                            "EmergencyWorksStart" },
  [RD_HAZARD_SIGNIFICANT] = { "SignificantInvestigate", "SignificantSummary", "SignificantMakeSafe",
                              "SignificantWorksStart" },
};

static gboolean
invalid (GError     **error,
         const char  *group,
         const char  *key,
         const char  *detail)
{
  g_set_error (error, RD_POLICY_ERROR, RD_POLICY_ERROR_INVALID,
               _("The policy profile “%s” is damaged (%s: %s), so Redress cannot use it. "
                 "Open it in the profile editor and set that limit again."),
               group, key, detail);
  return FALSE;
}

static char *
get_string (GKeyFile   *kf,
            const char *group,
            const char *key)
{
  char *value = g_key_file_get_string (kf, group, key, NULL);

  return value ? value : g_strdup ("");
}

static gboolean
get_limit (GKeyFile    *kf,
           const char  *group,
           const char  *key,
           RdLimit     *out,
           GError     **error)
{
  g_autofree char *text = get_string (kf, group, key);
  g_autoptr(GError) local_error = NULL;

  if (!rd_limit_from_key (g_strstrip (text), out, &local_error))
    return invalid (error, group, key, local_error->message);
  return TRUE;
}

static gboolean
get_uint (GKeyFile    *kf,
          const char  *group,
          const char  *key,
          guint        max,
          guint       *out,
          GError     **error)
{
  g_autofree char *text = get_string (kf, group, key);
  guint64 value;

  g_strstrip (text);
  if (text[0] == '\0')
    {
      *out = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 0, max, &value, NULL))
    return invalid (error, group, key, text);
  *out = (guint) value;
  return TRUE;
}

static gboolean
get_bool (GKeyFile   *kf,
          const char *group,
          const char *key)
{
  return g_key_file_get_boolean (kf, group, key, NULL);
}

static gboolean
parse_hhmm (const char *text,
            int        *minute)
{
  unsigned h, m;
  char extra;

  if (sscanf (text, "%2u:%2u%c", &h, &m, &extra) != 2 || h > 24 || m > 59 || (h == 24 && m != 0))
    return FALSE;
  *minute = (int) (h * 60 + m);
  return TRUE;
}

/* Stage1Acknowledge, Stage1Respond, Stage1RespondFrom, Stage1Extension … */
static gboolean
read_stages (GKeyFile    *kf,
             const char  *group,
             RdPolicy    *self,
             GError     **error)
{
  for (guint s = 1; s <= RD_POLICY_MAX_STAGES; s++)
    {
      RdPolicyStage *stage = &self->stages[s - 1];
      g_autofree char *ack_key = g_strdup_printf ("Stage%uAcknowledge", s);
      g_autofree char *respond_key = g_strdup_printf ("Stage%uRespond", s);
      g_autofree char *from_key = g_strdup_printf ("Stage%uRespondFrom", s);
      g_autofree char *ext_key = g_strdup_printf ("Stage%uExtension", s);
      g_autofree char *from = get_string (kf, group, from_key);

      if (!get_limit (kf, group, ack_key, &stage->acknowledge, error) ||
          !get_limit (kf, group, respond_key, &stage->respond, error) ||
          !get_limit (kf, group, ext_key, &stage->extension, error))
        return FALSE;
      if (from[0] == '\0' || g_str_equal (from, "acknowledgement"))
        stage->respond_from = RD_RESPOND_FROM_ACKNOWLEDGEMENT;
      else if (g_str_equal (from, "request"))
        stage->respond_from = RD_RESPOND_FROM_REQUEST;
      else
        {
          invalid (error, group, from_key, from);
          return FALSE;
        }
    }
  return TRUE;
}

/* Repairs=emergency;urgent;… with RepairLabel-KEY and RepairLimit-KEY */
static gboolean
read_repairs (GKeyFile    *kf,
              const char  *group,
              RdPolicy    *self,
              GError     **error)
{
  g_auto(GStrv) repairs = NULL;

  repairs = g_key_file_get_string_list (kf, group, "Repairs", NULL, NULL);
  for (guint i = 0; repairs != NULL && repairs[i] != NULL; i++)
    {
      g_autofree char *label_key = g_strdup_printf ("RepairLabel-%s", repairs[i]);
      g_autofree char *limit_key = g_strdup_printf ("RepairLimit-%s", repairs[i]);
      g_autofree char *label = get_string (kf, group, label_key);
      RdRepairPriority *p;

      for (const char *c = repairs[i]; *c; c++)
        if (!(g_ascii_islower (*c) || g_ascii_isdigit (*c) || *c == '-'))
          {
            invalid (error, group, "Repairs", repairs[i]);
            return FALSE;
          }
      p = g_new0 (RdRepairPriority, 1);
      p->key = g_strdup (repairs[i]);
      p->label = g_steal_pointer (&label);
      g_ptr_array_add (self->repairs, p);
      if (!get_limit (kf, group, limit_key, &p->limit, error))
        return FALSE;
    }
  return TRUE;
}

/* Rules=N, then RuleNLabel, RuleNTrigger ("from phone", "to any") and
 * RuleNLimit: promises the landlord's policy makes on a kind of contact */
static gboolean
read_rules (GKeyFile    *kf,
            const char  *group,
            RdPolicy    *self,
            GError     **error)
{
  guint n_rules = 0;

  if (!get_uint (kf, group, "Rules", 1000, &n_rules, error))
    return FALSE;
  for (guint i = 1; i <= n_rules; i++)
    {
      g_autofree char *label_key = g_strdup_printf ("Rule%uLabel", i);
      g_autofree char *trigger_key = g_strdup_printf ("Rule%uTrigger", i);
      g_autofree char *limit_key = g_strdup_printf ("Rule%uLimit", i);
      g_autofree char *trigger = get_string (kf, group, trigger_key);
      g_auto(GStrv) words = g_strsplit (trigger, " ", -1);
      RdPolicyRule *rule = g_new0 (RdPolicyRule, 1);
      RdContactChannel channel;

      rule->label = get_string (kf, group, label_key);
      g_ptr_array_add (self->rules, rule);
      if (g_strv_length (words) != 2 ||
          !rd_contact_direction_from_key (words[0], &rule->direction))
        {
          invalid (error, group, trigger_key, trigger);
          return FALSE;
        }
      if (g_str_equal (words[1], "any"))
        rule->channel = -1;
      else if (rd_contact_channel_from_key (words[1], &channel))
        rule->channel = channel;
      else
        {
          invalid (error, group, trigger_key, trigger);
          return FALSE;
        }
      if (!get_limit (kf, group, limit_key, &rule->limit, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * rd_policy_new_from_key_file:
 * @group: the group that holds the profile ("Profile" for a landlord's,
 *   the key such as "code-2024" for a shipped one)
 *
 * Returns: (transfer full): the profile, or %NULL with @error set
 */
RdPolicy *
rd_policy_new_from_key_file (GKeyFile    *kf,
                             const char  *group,
                             GError     **error)
{
  g_autoptr(RdPolicy) self = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *valid_from = NULL;
  g_autofree char *office = NULL;
  RdPolicyKind policy_kind = RD_POLICY_KIND_LANDLORD;
  gboolean kind_found = FALSE;

  g_return_val_if_fail (kf != NULL && group != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_key_file_has_group (kf, group))
    {
      g_set_error (error, RD_POLICY_ERROR, RD_POLICY_ERROR_NOT_FOUND,
                   _("The policy profile “%s” is missing."), group);
      return NULL;
    }

  kind = get_string (kf, group, "Kind");
  for (guint i = 0; i < G_N_ELEMENTS (kind_keys); i++)
    if (g_str_equal (kind, kind_keys[i]))
      {
        policy_kind = i;
        kind_found = TRUE;
      }
  if (!kind_found)
    {
      invalid (error, group, "Kind", kind);
      return NULL;
    }

  self = rd_policy_new (policy_kind);
  g_free (self->key);
  self->key = g_strdup (g_str_equal (group, LANDLORD_GROUP) ? "" : group);
  g_free (self->name);
  self->name = get_string (kf, group, "Name");
  g_free (self->based_on);
  self->based_on = get_string (kf, group, "BasedOn");
  g_free (self->sources);
  self->sources = get_string (kf, group, "Sources");
  g_free (self->notes);
  self->notes = get_string (kf, group, "Notes");

  valid_from = get_string (kf, group, "ValidFrom");
  if (valid_from[0] != '\0')
    {
      g_autoptr(GDate) date = rd_date_parse_iso (valid_from, NULL);

      if (date == NULL)
        {
          invalid (error, group, "ValidFrom", valid_from);
          return NULL;
        }
      self->valid_from = *date;
    }

  if (!get_uint (kf, group, "Stages", RD_POLICY_MAX_STAGES, &self->n_stages, error) ||
      !get_uint (kf, group, "MaxStages", RD_POLICY_MAX_STAGES, &self->max_stages, error))
    return NULL;
  self->has_stage_zero = get_bool (kf, group, "StageZero");
  self->stage_zero_forbidden = get_bool (kf, group, "StageZeroForbidden");

  if (!read_stages (kf, group, self, error))
    return NULL;

  if (!get_limit (kf, group, "ResidentEscalation", &self->resident_escalation, error) ||
      !get_limit (kf, group, "OmbudsmanReferral", &self->ombudsman_referral, error) ||
      !get_limit (kf, group, "ComplaintTimeLimit", &self->complaint_time_limit, error))
    return NULL;
  for (guint r = 0; r < RD_ASB_RISK_N_LEVELS; r++)
    if (!get_limit (kf, group, asb_keys[r], &self->asb[r], error))
      return NULL;
  for (guint l = 0; l < RD_HAZARD_N_CLASSES; l++)
    for (guint r = 0; r < RD_HAZARD_N_RULES; r++)
      if (!get_limit (kf, group, hazard_keys[l][r], &self->hazards[l][r], error))
        return NULL;

  office = get_string (kf, group, "OfficeHours");
  if (office[0] != '\0')
    {
      g_auto(GStrv) ends = g_strsplit (office, "-", -1);
      RdOfficeHours hours;

      if (g_strv_length (ends) != 2 ||
          !parse_hhmm (ends[0], &hours.start_minute) ||
          !parse_hhmm (ends[1], &hours.end_minute) ||
          !rd_office_hours_is_valid (&hours))
        {
          invalid (error, group, "OfficeHours", office);
          return NULL;
        }
      self->office = hours;
    }

  if (!read_repairs (kf, group, self, error))
    return NULL;

  if (!read_rules (kf, group, self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * rd_policy_new_from_data:
 * @data: a landlord's profile as rd_policy_to_data() wrote it
 */
RdPolicy *
rd_policy_new_from_data (const char  *data,
                         GError     **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  if (!g_key_file_load_from_data (kf, data, -1, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, RD_POLICY_ERROR, RD_POLICY_ERROR_INVALID,
                   _("A saved policy profile is damaged, so Redress cannot use it (%s)."),
                   local_error->message);
      return NULL;
    }
  return rd_policy_new_from_key_file (kf, LANDLORD_GROUP, error);
}

static void
set_limit (GKeyFile      *kf,
           const char    *key,
           const RdLimit *limit)
{
  g_autofree char *text = NULL;

  if (!rd_limit_is_set (limit))
    return;
  text = rd_limit_to_key (limit);
  g_key_file_set_string (kf, LANDLORD_GROUP, key, text);
}

/**
 * rd_policy_to_data:
 *
 * Returns: (transfer full): the profile as key-file text, the form the
 *   case file keeps a landlord's profile in
 */
char *
rd_policy_to_data (RdPolicy *self)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  const char *g = LANDLORD_GROUP;

  g_return_val_if_fail (RD_IS_POLICY (self), NULL);

  g_key_file_set_string (kf, g, "Kind", kind_keys[self->kind]);
  g_key_file_set_string (kf, g, "Name", self->name);
  if (self->based_on[0] != '\0')
    g_key_file_set_string (kf, g, "BasedOn", self->based_on);
  if (g_date_valid (&self->valid_from))
    {
      g_autofree char *iso = rd_date_to_iso (&self->valid_from);

      g_key_file_set_string (kf, g, "ValidFrom", iso);
    }
  g_key_file_set_integer (kf, g, "Stages", (int) self->n_stages);
  if (self->max_stages > 0)
    g_key_file_set_integer (kf, g, "MaxStages", (int) self->max_stages);
  if (self->has_stage_zero)
    g_key_file_set_boolean (kf, g, "StageZero", TRUE);
  if (self->stage_zero_forbidden)
    g_key_file_set_boolean (kf, g, "StageZeroForbidden", TRUE);

  for (guint s = 1; s <= RD_POLICY_MAX_STAGES; s++)
    {
      const RdPolicyStage *stage = &self->stages[s - 1];
      g_autofree char *ack_key = g_strdup_printf ("Stage%uAcknowledge", s);
      g_autofree char *respond_key = g_strdup_printf ("Stage%uRespond", s);
      g_autofree char *from_key = g_strdup_printf ("Stage%uRespondFrom", s);
      g_autofree char *ext_key = g_strdup_printf ("Stage%uExtension", s);

      set_limit (kf, ack_key, &stage->acknowledge);
      set_limit (kf, respond_key, &stage->respond);
      if (rd_limit_is_set (&stage->respond))
        g_key_file_set_string (kf, g, from_key,
                               stage->respond_from == RD_RESPOND_FROM_REQUEST
                               ? "request" : "acknowledgement");
      set_limit (kf, ext_key, &stage->extension);
    }

  set_limit (kf, "ResidentEscalation", &self->resident_escalation);
  set_limit (kf, "OmbudsmanReferral", &self->ombudsman_referral);
  set_limit (kf, "ComplaintTimeLimit", &self->complaint_time_limit);
  for (guint r = 0; r < RD_ASB_RISK_N_LEVELS; r++)
    set_limit (kf, asb_keys[r], &self->asb[r]);
  for (guint l = 0; l < RD_HAZARD_N_CLASSES; l++)
    for (guint r = 0; r < RD_HAZARD_N_RULES; r++)
      set_limit (kf, hazard_keys[l][r], &self->hazards[l][r]);

  if (self->office.start_minute != RD_OFFICE_HOURS_START_DEFAULT ||
      self->office.end_minute != RD_OFFICE_HOURS_END_DEFAULT)
    {
      g_autofree char *text = g_strdup_printf ("%02d:%02d-%02d:%02d",
                                               self->office.start_minute / 60,
                                               self->office.start_minute % 60,
                                               self->office.end_minute / 60,
                                               self->office.end_minute % 60);

      g_key_file_set_string (kf, g, "OfficeHours", text);
    }

  if (self->repairs->len > 0)
    {
      g_autoptr(GPtrArray) keys = g_ptr_array_new ();

      for (guint i = 0; i < self->repairs->len; i++)
        {
          const RdRepairPriority *p = g_ptr_array_index (self->repairs, i);
          g_autofree char *label_key = g_strdup_printf ("RepairLabel-%s", p->key);
          g_autofree char *limit_key = g_strdup_printf ("RepairLimit-%s", p->key);

          g_ptr_array_add (keys, p->key);
          g_key_file_set_string (kf, g, label_key, p->label);
          set_limit (kf, limit_key, &p->limit);
        }
      g_key_file_set_string_list (kf, g, "Repairs", (const char * const *) keys->pdata, keys->len);
    }

  if (self->rules->len > 0)
    {
      g_key_file_set_integer (kf, g, "Rules", (int) self->rules->len);
      for (guint i = 0; i < self->rules->len; i++)
        {
          const RdPolicyRule *rule = g_ptr_array_index (self->rules, i);
          g_autofree char *label_key = g_strdup_printf ("Rule%uLabel", i + 1);
          g_autofree char *trigger_key = g_strdup_printf ("Rule%uTrigger", i + 1);
          g_autofree char *limit_key = g_strdup_printf ("Rule%uLimit", i + 1);
          g_autofree char *trigger = g_strdup_printf ("%s %s",
                                                      rd_contact_direction_to_key (rule->direction),
                                                      rule->channel < 0 ? "any"
                                                      : rd_contact_channel_to_key (rule->channel));

          g_key_file_set_string (kf, g, label_key, rule->label);
          g_key_file_set_string (kf, g, trigger_key, trigger);
          set_limit (kf, limit_key, &rule->limit);
        }
    }

  if (self->sources[0] != '\0')
    g_key_file_set_string (kf, g, "Sources", self->sources);
  if (self->notes[0] != '\0')
    g_key_file_set_string (kf, g, "Notes", self->notes);

  return g_key_file_to_data (kf, NULL, NULL);
}

/* The shipped profiles. They are read once and never change; callers get
 * borrowed references and must not modify them. */
typedef struct {
  GListStore *codes;   /* RdPolicy, oldest first */
  GListStore *wales;   /* RdPolicy: the Welsh model policy, oldest first */
  RdPolicy   *awaab;
} Library;

static void
load_file (const char *path,
           GPtrArray  *out)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) groups = NULL;

  bytes = g_resource_lookup_data (rd_core_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL ||
      !g_key_file_load_from_bytes (kf, bytes, G_KEY_FILE_NONE, &error))
    {
      g_critical ("Cannot read %s: %s", path, error->message);
      return;
    }
  groups = g_key_file_get_groups (kf, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      RdPolicy *policy = rd_policy_new_from_key_file (kf, groups[i], &error);

      if (policy == NULL)
        {
          g_critical ("%s: %s", path, error->message);
          g_clear_error (&error);
          continue;
        }
      g_ptr_array_add (out, policy);
    }
}

static gint
compare_valid_from (gconstpointer a,
                    gconstpointer b)
{
  RdPolicy *pa = *(RdPolicy **) a;
  RdPolicy *pb = *(RdPolicy **) b;

  return g_date_compare (&pa->valid_from, &pb->valid_from);
}

static Library *
load_library (void)
{
  Library *library = g_new0 (Library, 1);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

  load_file ("/app/redress/Redress/core/complaint-handling-code.profile", all);
  load_file ("/app/redress/Redress/core/awaabs-law.profile", all);
  load_file ("/app/redress/Redress/core/wales-model-policy.profile", all);
  g_ptr_array_sort (all, compare_valid_from);

  library->codes = g_list_store_new (RD_TYPE_POLICY);
  library->wales = g_list_store_new (RD_TYPE_POLICY);
  for (guint i = 0; i < all->len; i++)
    {
      RdPolicy *policy = g_ptr_array_index (all, i);

      if (policy->kind == RD_POLICY_KIND_CODE)
        g_list_store_append (library->codes, policy);
      else if (policy->kind == RD_POLICY_KIND_WALES)
        g_list_store_append (library->wales, policy);
      else if (policy->kind == RD_POLICY_KIND_AWAAB && library->awaab == NULL)
        library->awaab = g_object_ref (policy);
    }
  return library;
}

static Library *
get_library (void)
{
  static Library *library;

  if (g_once_init_enter (&library))
    g_once_init_leave (&library, load_library ());
  return library;
}

/**
 * rd_policy_list_code_versions:
 *
 * Returns: (transfer full): every version of the Complaint Handling Code
 *   Redress knows, oldest first
 */
GListModel *
rd_policy_list_code_versions (void)
{
  return g_object_ref (G_LIST_MODEL (get_library ()->codes));
}

/**
 * rd_policy_get_code_for_date:
 *
 * Returns: (transfer none) (nullable): the version of the Complaint Handling
 *   Code in force on @date, or %NULL before the first one (July 2020)
 */
RdPolicy *
rd_policy_get_code_for_date (const GDate *date)
{
  GListModel *codes = G_LIST_MODEL (get_library ()->codes);
  RdPolicy *found = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (codes); i++)
    {
      g_autoptr(RdPolicy) policy = g_list_model_get_item (codes, i);

      if (g_date_compare (&policy->valid_from, date) <= 0)
        found = policy;
    }
  return found;
}

/**
 * rd_policy_get_wales_model_for_date:
 *
 * Returns: (transfer none) (nullable): the Welsh model complaints policy
 *   in force on @date, for a home in Wales, or %NULL before Redress knows
 *   one
 */
RdPolicy *
rd_policy_get_wales_model_for_date (const GDate *date)
{
  GListModel *wales = G_LIST_MODEL (get_library ()->wales);
  RdPolicy *found = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (wales); i++)
    {
      g_autoptr(RdPolicy) policy = g_list_model_get_item (wales, i);

      if (g_date_compare (&policy->valid_from, date) <= 0)
        found = policy;
    }
  return found;
}

/**
 * rd_policy_get_awaabs_law:
 *
 * Returns: (transfer none): Awaab's Law's profile
 */
RdPolicy *
rd_policy_get_awaabs_law (void)
{
  return get_library ()->awaab;
}

/**
 * rd_policy_new_landlord_from_code:
 * @date: the day whose Code version to copy
 *
 * A landlord's profile that starts as a copy of the Code, for the resident
 * to change where the landlord's own policy says otherwise.
 *
 * Returns: (transfer full): a new landlord profile, not yet saved
 */
RdPolicy *
rd_policy_new_landlord_from_code (const GDate *date)
{
  GListModel *codes = G_LIST_MODEL (get_library ()->codes);
  g_autoptr(RdPolicy) first = NULL;
  RdPolicy *code, *copy;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  code = rd_policy_get_code_for_date (date);
  if (code == NULL)
    {
      /* Before July 2020: start from the first version anyway. */
      g_return_val_if_fail (g_list_model_get_n_items (codes) > 0, NULL);
      first = g_list_model_get_item (codes, 0);
      code = first;
    }

  copy = rd_policy_copy (code);
  copy->kind = RD_POLICY_KIND_LANDLORD;
  copy->id = 0;
  g_free (copy->key);
  copy->key = g_strdup ("");
  g_free (copy->based_on);
  copy->based_on = g_strdup (code->key);
  g_free (copy->name);
  copy->name = g_strdup (_("My landlord’s complaints policy"));
  g_free (copy->sources);
  copy->sources = g_strdup ("");
  g_free (copy->notes);
  copy->notes = g_strdup ("");
  g_date_clear (&copy->valid_from, 1);
  copy->max_stages = 0;
  copy->stage_zero_forbidden = FALSE;
  return copy;
}
