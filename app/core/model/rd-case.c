/* rd-case.c: one dispute between a resident and a landlord.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case"

#include "config.h"

#include "rd-gettext.h"

#include "rd-case.h"
#include "rd-errors.h"
#include "rd-model-enums.h"
#include "rd-model-private.h"

struct _RdCase
{
  GObject        parent_instance;

  gint64         id;
  char          *title;
  char          *resident_name;
  char          *address;
  char          *landlord_name;
  RdTenancyType  tenancy_type;
  RdCountry      country;
  guint          asb_review_reports;  /* the council's ASB Case Review threshold */
  gboolean       asb_review_hate;     /* …and whether one hate incident is enough */
  GDate         *aware_on;            /* when the resident became aware of the problem, or NULL */
  char          *notes;
  char          *contact_preferences;
  char          *adjustments;
  gint64         created_at;
  gint64         updated_at;
  gboolean       is_sample;
  char          *document_language;
};

G_DEFINE_FINAL_TYPE (RdCase, rd_case, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_RESIDENT_NAME,
  PROP_ADDRESS,
  PROP_LANDLORD_NAME,
  PROP_TENANCY_TYPE,
  PROP_NOTES,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_CONTACT_PREFERENCES,
  PROP_ADJUSTMENTS,
  PROP_IS_SAMPLE,
  PROP_DOCUMENT_LANGUAGE,
  PROP_COUNTRY,
  PROP_ASB_REVIEW_REPORTS,
  PROP_ASB_REVIEW_HATE,
  PROP_AWARE_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *key;
  const char *label;
} tenancy_types[RD_TENANCY_N_TYPES] = {
  { "", N_("Not sure") },
  { "secure", N_("Secure tenancy (council)") },
  { "assured", N_("Assured tenancy (housing association)") },
  { "assured-shorthold", N_("Assured shorthold tenancy") },
  { "starter", N_("Starter or introductory tenancy") },
  { "shared-ownership", N_("Shared ownership") },
  { "leasehold", N_("Leasehold") },
  { "licence", N_("Licence") },
  { "other", N_("Other") },
  { "affordable-rent", N_("Affordable rent (housing association or council)") },
  { "supported-housing", N_("Supported housing") },
  { "temporary-accommodation", N_("Temporary accommodation") },
  { "private-rent", N_("Private rented (a private landlord)") },
};

const char *
rd_tenancy_type_to_string (RdTenancyType type)
{
  g_return_val_if_fail (type < RD_TENANCY_N_TYPES, "");

  return tenancy_types[type].key;
}

RdTenancyType
rd_tenancy_type_from_string (const char *key)
{
  if (key == NULL)
    return RD_TENANCY_UNKNOWN;
  for (guint i = 0; i < RD_TENANCY_N_TYPES; i++)
    if (g_str_equal (key, tenancy_types[i].key))
      return i;
  return RD_TENANCY_OTHER;
}

const char *
rd_tenancy_type_get_label (RdTenancyType type)
{
  g_return_val_if_fail (type < RD_TENANCY_N_TYPES, NULL);

  return _(tenancy_types[type].label);
}

/* Stored by these keys in the database and the case JSON: never change them. */
static const struct {
  const char *key;
  const char *label;
} countries[RD_COUNTRY_N] = {
  { "england", N_("England") },
  { "wales", N_("Wales") },
};

const char *
rd_country_to_string (RdCountry country)
{
  g_return_val_if_fail (country < RD_COUNTRY_N, "england");

  return countries[country].key;
}

/**
 * rd_country_from_string:
 *
 * Returns: whether @key names a country; *@country is England when it
 *   does not
 */
gboolean
rd_country_from_string (const char *key,
                        RdCountry  *country)
{
  *country = RD_COUNTRY_ENGLAND;
  if (key == NULL)
    return FALSE;
  for (guint i = 0; i < RD_COUNTRY_N; i++)
    if (g_str_equal (key, countries[i].key))
      {
        *country = i;
        return TRUE;
      }
  return FALSE;
}

const char *
rd_country_get_label (RdCountry country)
{
  g_return_val_if_fail (country < RD_COUNTRY_N, NULL);

  return _(countries[country].label);
}

static void
rd_case_finalize (GObject *object)
{
  RdCase *self = (RdCase *)object;

  g_clear_pointer (&self->aware_on, g_date_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->resident_name, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->landlord_name, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->contact_preferences, g_free);
  g_clear_pointer (&self->adjustments, g_free);
  g_clear_pointer (&self->document_language, g_free);

  G_OBJECT_CLASS (rd_case_parent_class)->finalize (object);
}

static void
rd_case_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  RdCase *self = RD_CASE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_RESIDENT_NAME:
      g_value_set_string (value, self->resident_name);
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case PROP_LANDLORD_NAME:
      g_value_set_string (value, self->landlord_name);
      break;
    case PROP_TENANCY_TYPE:
      g_value_set_enum (value, self->tenancy_type);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    case PROP_CONTACT_PREFERENCES:
      g_value_set_string (value, self->contact_preferences);
      break;
    case PROP_ADJUSTMENTS:
      g_value_set_string (value, self->adjustments);
      break;
    case PROP_IS_SAMPLE:
      g_value_set_boolean (value, self->is_sample);
      break;
    case PROP_DOCUMENT_LANGUAGE:
      g_value_set_string (value, self->document_language);
      break;
    case PROP_COUNTRY:
      g_value_set_enum (value, self->country);
      break;
    case PROP_ASB_REVIEW_REPORTS:
      g_value_set_uint (value, self->asb_review_reports);
      break;
    case PROP_ASB_REVIEW_HATE:
      g_value_set_boolean (value, self->asb_review_hate);
      break;
    case PROP_AWARE_ON:
      g_value_set_boxed (value, self->aware_on);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_case_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  RdCase *self = RD_CASE (object);

  switch (prop_id)
    {
    case PROP_ID:
      rd_case_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
      rd_case_set_title (self, g_value_get_string (value));
      break;
    case PROP_RESIDENT_NAME:
      rd_case_set_resident_name (self, g_value_get_string (value));
      break;
    case PROP_ADDRESS:
      rd_case_set_address (self, g_value_get_string (value));
      break;
    case PROP_LANDLORD_NAME:
      rd_case_set_landlord_name (self, g_value_get_string (value));
      break;
    case PROP_TENANCY_TYPE:
      rd_case_set_tenancy_type (self, g_value_get_enum (value));
      break;
    case PROP_NOTES:
      rd_case_set_notes (self, g_value_get_string (value));
      break;
    case PROP_CREATED_AT:
      rd_case_set_created_at (self, g_value_get_int64 (value));
      break;
    case PROP_UPDATED_AT:
      rd_case_set_updated_at (self, g_value_get_int64 (value));
      break;
    case PROP_CONTACT_PREFERENCES:
      rd_case_set_contact_preferences (self, g_value_get_string (value));
      break;
    case PROP_ADJUSTMENTS:
      rd_case_set_adjustments (self, g_value_get_string (value));
      break;
    case PROP_IS_SAMPLE:
      rd_case_set_is_sample (self, g_value_get_boolean (value));
      break;
    case PROP_DOCUMENT_LANGUAGE:
      rd_case_set_document_language (self, g_value_get_string (value));
      break;
    case PROP_COUNTRY:
      rd_case_set_country (self, g_value_get_enum (value));
      break;
    case PROP_ASB_REVIEW_REPORTS:
      rd_case_set_asb_review_reports (self, g_value_get_uint (value));
      break;
    case PROP_ASB_REVIEW_HATE:
      rd_case_set_asb_review_hate (self, g_value_get_boolean (value));
      break;
    case PROP_AWARE_ON:
      rd_case_set_aware_on (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_case_class_init (RdCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rd_case_finalize;
  object_class->get_property = rd_case_get_property;
  object_class->set_property = rd_case_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_RESIDENT_NAME] =
    g_param_spec_string ("resident-name", NULL, NULL, "", flags);
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, "", flags);
  properties[PROP_LANDLORD_NAME] =
    g_param_spec_string ("landlord-name", NULL, NULL, "", flags);
  properties[PROP_TENANCY_TYPE] =
    g_param_spec_enum ("tenancy-type", NULL, NULL, RD_TYPE_TENANCY_TYPE, RD_TENANCY_UNKNOWN, flags);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "", flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* How the resident wants to be contacted, and the adjustments they need
   * (large print, calls after 5 pm, an interpreter): every letter says so. */
  properties[PROP_CONTACT_PREFERENCES] =
    g_param_spec_string ("contact-preferences", NULL, NULL, "", flags);
  properties[PROP_ADJUSTMENTS] =
    g_param_spec_string ("adjustments", NULL, NULL, "", flags);
  /* The made-up case Redress ships to show how it works */
  properties[PROP_IS_SAMPLE] =
    g_param_spec_boolean ("is-sample", NULL, NULL, FALSE, flags);
  /* The language the case's letters and bundle are written in, as a code
   * ("en", "cy"): the landlord may need English while the resident reads
   * Redress in Urdu, and a Welsh resident may write in Welsh. */
  properties[PROP_DOCUMENT_LANGUAGE] =
    g_param_spec_string ("document-language", NULL, NULL, RD_I18N_SOURCE_LANGUAGE, flags);
  properties[PROP_COUNTRY] =
    g_param_spec_enum ("country", NULL, NULL, RD_TYPE_COUNTRY, RD_COUNTRY_ENGLAND, flags);
  /* The local threshold for an ASB Case Review: how many reports within
   * six months, and whether a single hate incident is enough on its own */
  properties[PROP_ASB_REVIEW_REPORTS] =
    g_param_spec_uint ("asb-review-reports", NULL, NULL, 1, RD_ASB_REVIEW_MAX_REPORTS,
                       RD_ASB_REVIEW_DEFAULT_REPORTS, flags);
  properties[PROP_ASB_REVIEW_HATE] =
    g_param_spec_boolean ("asb-review-hate", NULL, NULL, FALSE, flags);
  /* The day the resident became aware of the problem (a GDate), from which
   * a landlord's time limit for making a complaint runs; NULL: the first
   * diary entry's day is used */
  properties[PROP_AWARE_ON] =
    g_param_spec_boxed ("aware-on", NULL, NULL, G_TYPE_DATE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rd_case_init (RdCase *self)
{
  self->title = g_strdup ("");
  self->resident_name = g_strdup ("");
  self->address = g_strdup ("");
  self->landlord_name = g_strdup ("");
  self->notes = g_strdup ("");
  self->contact_preferences = g_strdup ("");
  self->adjustments = g_strdup ("");
  self->asb_review_reports = RD_ASB_REVIEW_DEFAULT_REPORTS;
  self->document_language = g_strdup (RD_I18N_SOURCE_LANGUAGE);
}

RdCase *
rd_case_new (void)
{
  return g_object_new (RD_TYPE_CASE, NULL);
}

#define STRING_ACCESSORS(field, PROP) \
  RD_MODEL_STRING_ACCESSORS (RdCase, rd_case, RD_IS_CASE, field, PROP, PROP_0)
#define INT64_ACCESSORS(field, PROP) \
  RD_MODEL_SCALAR_ACCESSORS (RdCase, rd_case, RD_IS_CASE, gint64, field, PROP, PROP_0)

STRING_ACCESSORS (title, PROP_TITLE)
STRING_ACCESSORS (resident_name, PROP_RESIDENT_NAME)
STRING_ACCESSORS (address, PROP_ADDRESS)
STRING_ACCESSORS (landlord_name, PROP_LANDLORD_NAME)
STRING_ACCESSORS (notes, PROP_NOTES)
STRING_ACCESSORS (contact_preferences, PROP_CONTACT_PREFERENCES)
STRING_ACCESSORS (adjustments, PROP_ADJUSTMENTS)
INT64_ACCESSORS (id, PROP_ID)
INT64_ACCESSORS (created_at, PROP_CREATED_AT)
INT64_ACCESSORS (updated_at, PROP_UPDATED_AT)

RdTenancyType
rd_case_get_tenancy_type (RdCase *self)
{
  g_return_val_if_fail (RD_IS_CASE (self), RD_TENANCY_UNKNOWN);

  return self->tenancy_type;
}

void
rd_case_set_tenancy_type (RdCase        *self,
                          RdTenancyType  type)
{
  g_return_if_fail (RD_IS_CASE (self));
  g_return_if_fail (type < RD_TENANCY_N_TYPES);

  if (self->tenancy_type != type)
    {
      self->tenancy_type = type;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TENANCY_TYPE]);
    }
}

RdCountry
rd_case_get_country (RdCase *self)
{
  g_return_val_if_fail (RD_IS_CASE (self), RD_COUNTRY_ENGLAND);

  return self->country;
}

void
rd_case_set_country (RdCase    *self,
                     RdCountry  country)
{
  g_return_if_fail (RD_IS_CASE (self));
  g_return_if_fail (country < RD_COUNTRY_N);

  if (self->country != country)
    {
      self->country = country;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
    }
}

guint
rd_case_get_asb_review_reports (RdCase *self)
{
  g_return_val_if_fail (RD_IS_CASE (self), RD_ASB_REVIEW_DEFAULT_REPORTS);

  return self->asb_review_reports;
}

void
rd_case_set_asb_review_reports (RdCase *self,
                                guint   reports)
{
  g_return_if_fail (RD_IS_CASE (self));
  g_return_if_fail (reports >= 1 && reports <= RD_ASB_REVIEW_MAX_REPORTS);

  if (self->asb_review_reports != reports)
    {
      self->asb_review_reports = reports;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASB_REVIEW_REPORTS]);
    }
}

gboolean
rd_case_get_asb_review_hate (RdCase *self)
{
  g_return_val_if_fail (RD_IS_CASE (self), FALSE);

  return self->asb_review_hate;
}

void
rd_case_set_asb_review_hate (RdCase   *self,
                             gboolean  one_is_enough)
{
  g_return_if_fail (RD_IS_CASE (self));

  one_is_enough = !!one_is_enough;
  if (self->asb_review_hate != one_is_enough)
    {
      self->asb_review_hate = one_is_enough;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASB_REVIEW_HATE]);
    }
}

/**
 * rd_case_get_aware_on:
 *
 * Returns: (nullable): the day the resident became aware of the problem,
 *   if the case records it
 */
const GDate *
rd_case_get_aware_on (RdCase *self)
{
  g_return_val_if_fail (RD_IS_CASE (self), NULL);

  return self->aware_on;
}

void
rd_case_set_aware_on (RdCase      *self,
                      const GDate *day)
{
  g_return_if_fail (RD_IS_CASE (self));
  g_return_if_fail (day == NULL || g_date_valid (day));

  if ((self->aware_on == NULL && day == NULL) ||
      (self->aware_on != NULL && day != NULL && g_date_compare (self->aware_on, day) == 0))
    return;
  g_clear_pointer (&self->aware_on, g_date_free);
  if (day != NULL)
    self->aware_on = g_date_copy (day);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AWARE_ON]);
}

gboolean
rd_case_get_is_sample (RdCase *self)
{
  g_return_val_if_fail (RD_IS_CASE (self), FALSE);

  return self->is_sample;
}

void
rd_case_set_is_sample (RdCase   *self,
                       gboolean  is_sample)
{
  g_return_if_fail (RD_IS_CASE (self));

  is_sample = !!is_sample;
  if (self->is_sample != is_sample)
    {
      self->is_sample = is_sample;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_SAMPLE]);
    }
}

const char *
rd_case_get_document_language (RdCase *self)
{
  g_return_val_if_fail (RD_IS_CASE (self), RD_I18N_SOURCE_LANGUAGE);

  return self->document_language;
}

/**
 * rd_case_set_document_language:
 * @language: (nullable): a language code such as "cy"; %NULL or "" for
 *   English, which is what every case written before the choice existed
 *   was sent in
 */
void
rd_case_set_document_language (RdCase     *self,
                               const char *language)
{
  g_return_if_fail (RD_IS_CASE (self));

  if (language == NULL || *language == '\0')
    language = RD_I18N_SOURCE_LANGUAGE;
  if (g_strcmp0 (self->document_language, language) != 0)
    {
      g_free (self->document_language);
      self->document_language = g_strdup (language);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_LANGUAGE]);
    }
}

/**
 * rd_case_get_writing_language:
 *
 * The language @self's letters and bundle are written in now: its own
 * choice when that translation is installed here, English otherwise, so
 * that a case handed over from a computer with more translations still
 * gets its letters.
 */
const char *
rd_case_get_writing_language (RdCase *self)
{
  g_return_val_if_fail (RD_IS_CASE (self), RD_I18N_SOURCE_LANGUAGE);

  return rd_i18n_language_is_available (self->document_language) ? self->document_language
                                                                 : RD_I18N_SOURCE_LANGUAGE;
}

/**
 * rd_case_validate:
 *
 * A case needs a title, so that the resident can find it again among others.
 */
gboolean
rd_case_validate (RdCase  *self,
                  GError **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (RD_IS_CASE (self), FALSE);

  title = g_strstrip (g_strdup (self->title));
  if (*title == '\0')
    {
      g_set_error_literal (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                           _("Give the case a title, for example “Noise from the flat above”."));
      return FALSE;
    }
  if (!rd_i18n_language_code_is_valid (self->document_language))
    {
      g_set_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID,
                   _("“%s” is not a language code. Use a code such as en, cy or pl."),
                   self->document_language);
      return FALSE;
    }
  return TRUE;
}
