/* rd-complaint-route.c: which body takes a complaint after the landlord, by country, landlord and subject.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-policy"

#include "config.h"

#include <gio/gio.h>

#include "rd-complaint-route.h"
#include "rd-core-resources.h"

/*
 * The rules are data (complaint-routes.txt, each with its source), so that
 * a change in who takes what (the private landlord ombudsman opening, say)
 * is an edited group and a sentence, not new logic. The first rule that
 * matches wins, as in the file.
 */

typedef struct {
  char               *key;
  RdCountry           country;
  RdLandlordKind      landlords;
  gboolean            any_subject;
  gboolean            subjects[RD_COMPLAINT_SUBJECT_N_SUBJECTS];
  RdRouteBody         body;
  char               *sources;
} RouteRule;

#define ROUTES_PATH "/app/redress/Redress/core/complaint-routes.txt"

static const char * const body_keys[RD_ROUTE_BODY_N_BODIES] = {
  "none", "housing-ombudsman", "lgsco", "psow",
};

static gboolean
load_landlords (GKeyFile        *kf,
                const char      *group,
                RdLandlordKind  *out,
                GError         **error)
{
  g_auto(GStrv) keys = g_key_file_get_string_list (kf, group, "Landlord", NULL, error);

  *out = 0;
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      if (g_str_equal (keys[i], "council"))
        *out |= RD_LANDLORD_COUNCIL;
      else if (g_str_equal (keys[i], "housing-association"))
        *out |= RD_LANDLORD_HOUSING_ASSOCIATION;
      else if (g_str_equal (keys[i], "private"))
        *out |= RD_LANDLORD_PRIVATE;
      else
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       "unknown landlord “%s”", keys[i]);
          return FALSE;
        }
    }
  return keys != NULL;
}

static gboolean
load_subjects (GKeyFile   *kf,
               const char *group,
               RouteRule  *rule,
               GError    **error)
{
  g_auto(GStrv) keys = g_key_file_get_string_list (kf, group, "Subjects", NULL, error);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      RdComplaintSubject subject;

      if (g_str_equal (keys[i], "any"))
        rule->any_subject = TRUE;
      else if (rd_complaint_subject_from_key (keys[i], &subject))
        rule->subjects[subject] = TRUE;
      else
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       "unknown subject “%s”", keys[i]);
          return FALSE;
        }
    }
  return keys != NULL;
}

static gboolean
load_rule (GKeyFile    *kf,
           const char  *group,
           RouteRule   *rule,
           GError     **error)
{
  g_autofree char *country = g_key_file_get_string (kf, group, "Country", error);
  g_autofree char *body = NULL;

  rule->key = g_strdup (group);
  if (country == NULL || !rd_country_from_string (country, &rule->country))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE, "no country");
      return FALSE;
    }
  if (!load_landlords (kf, group, &rule->landlords, error) ||
      !load_subjects (kf, group, rule, error))
    return FALSE;
  body = g_key_file_get_string (kf, group, "Body", error);
  rule->body = RD_ROUTE_BODY_N_BODIES;
  for (guint b = 0; body != NULL && b < RD_ROUTE_BODY_N_BODIES; b++)
    if (g_str_equal (body, body_keys[b]))
      rule->body = b;
  rule->sources = g_key_file_get_string (kf, group, "Sources", error);
  if (rule->body == RD_ROUTE_BODY_N_BODIES || rule->sources == NULL)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "no body or no sources");
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
get_rules (void)
{
  static GPtrArray *rules;

  if (g_once_init_enter (&rules))
    {
      GPtrArray *loaded = g_ptr_array_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GKeyFile) kf = g_key_file_new ();
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) groups = NULL;

      bytes = g_resource_lookup_data (rd_core_get_resource (), ROUTES_PATH,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes != NULL && g_key_file_load_from_bytes (kf, bytes, G_KEY_FILE_NONE, &error))
        groups = g_key_file_get_groups (kf, NULL);
      if (groups == NULL)
        g_critical ("Cannot read %s: %s", ROUTES_PATH, error->message);
      for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
        {
          RouteRule *rule = g_new0 (RouteRule, 1);

          /* Shipped data, checked by the tests: a damaged rule is a bug,
           * and is left out rather than matched half-read. */
          if (!load_rule (kf, groups[i], rule, &error))
            {
              g_critical ("%s [%s]: %s", ROUTES_PATH, groups[i], error->message);
              g_clear_error (&error);
              continue;
            }
          g_ptr_array_add (loaded, rule);
        }
      g_once_init_leave (&rules, loaded);
    }
  return rules;
}

/**
 * rd_tenancy_landlord_kinds:
 *
 * Who can let a home on a tenancy of @tenancy. A secure tenancy is a
 * council's; an assured tenancy, in Redress's list, a housing
 * association's (a private landlord's is an assured shorthold, or "private
 * rent"); the forms that social landlords of both kinds use are either;
 * and an assured shorthold, "other" or an unknown tenancy could be anyone's.
 *
 * Returns: the kinds of landlord, one or more
 */
RdLandlordKind
rd_tenancy_landlord_kinds (RdTenancyType tenancy)
{
  switch (tenancy)
    {
    case RD_TENANCY_SECURE:
      return RD_LANDLORD_COUNCIL;
    case RD_TENANCY_ASSURED:
      return RD_LANDLORD_HOUSING_ASSOCIATION;
    case RD_TENANCY_PRIVATE:
      return RD_LANDLORD_PRIVATE;
    case RD_TENANCY_STARTER:
    case RD_TENANCY_AFFORDABLE_RENT:
    case RD_TENANCY_SUPPORTED:
    case RD_TENANCY_TEMPORARY:
    case RD_TENANCY_SHARED_OWNERSHIP:
    case RD_TENANCY_LEASEHOLD:
    case RD_TENANCY_LICENCE:
      return RD_LANDLORD_COUNCIL | RD_LANDLORD_HOUSING_ASSOCIATION;
    case RD_TENANCY_ASSURED_SHORTHOLD:
    case RD_TENANCY_OTHER:
    case RD_TENANCY_UNKNOWN:
    case RD_TENANCY_N_TYPES:
    default:
      return RD_LANDLORD_COUNCIL | RD_LANDLORD_HOUSING_ASSOCIATION | RD_LANDLORD_PRIVATE;
    }
}

/**
 * rd_complaint_route_find:
 * @landlord: one kind of landlord
 * @rule: (out) (optional) (transfer none): the key of the rule that matched
 * @sources: (out) (optional) (transfer none): where the rule is written
 *
 * Returns: the body that takes a complaint about @subject against a
 *   landlord of kind @landlord in @country, once the landlord's own
 *   process is over
 */
RdRouteBody
rd_complaint_route_find (RdCountry            country,
                         RdLandlordKind       landlord,
                         RdComplaintSubject   subject,
                         const char         **rule,
                         const char         **sources)
{
  GPtrArray *rules = get_rules ();

  g_return_val_if_fail (subject < RD_COMPLAINT_SUBJECT_N_SUBJECTS, RD_ROUTE_BODY_NONE);

  for (guint i = 0; i < rules->len; i++)
    {
      RouteRule *r = g_ptr_array_index (rules, i);

      if (r->country != country || (r->landlords & landlord) == 0 ||
          !(r->any_subject || r->subjects[subject]))
        continue;
      if (rule != NULL)
        *rule = r->key;
      if (sources != NULL)
        *sources = r->sources;
      return r->body;
    }
  if (rule != NULL)
    *rule = NULL;
  if (sources != NULL)
    *sources = NULL;
  return RD_ROUTE_BODY_NONE;
}

/**
 * rd_complaint_route_for_tenancy:
 *
 * Returns: the body that takes a complaint about @subject whoever of the
 *   landlords @tenancy allows is the landlord, or %RD_ROUTE_BODY_N_BODIES
 *   when it depends on which of them it is
 */
RdRouteBody
rd_complaint_route_for_tenancy (RdCountry          country,
                                RdTenancyType      tenancy,
                                RdComplaintSubject subject)
{
  RdLandlordKind kinds = rd_tenancy_landlord_kinds (tenancy);
  RdRouteBody found = RD_ROUTE_BODY_N_BODIES;

  for (guint bit = 0; bit < 3; bit++)
    {
      RdRouteBody body;

      if ((kinds & (1u << bit)) == 0)
        continue;
      body = rd_complaint_route_find (country, 1u << bit, subject, NULL, NULL);
      if (found != RD_ROUTE_BODY_N_BODIES && found != body)
        return RD_ROUTE_BODY_N_BODIES;
      found = body;
    }
  return found;
}
