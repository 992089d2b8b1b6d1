/* rd-complaint.c: a formal complaint: the points it covers and what the resident wants.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-complaint"

#include "config.h"

#include "rd-gettext.h"

#include "rd-complaint.h"
#include "rd-model-enums.h"
#include "rd-model-private.h"

#include <string.h>

struct _RdComplaint
{
  GObject    parent_instance;

  gint64     id;
  gint64     case_id;
  char      *reference;
  GStrv      points;
  RdOutcome  outcomes;
  char      *outcome_other;
  RdComplaintSubject subject;
  GArray    *incident_ids;  /* gint64, ascending, no repeats */
  gint64     created_at;
  gint64     updated_at;
};

G_DEFINE_FINAL_TYPE (RdComplaint, rd_complaint, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_ID,
  PROP_REFERENCE,
  PROP_POINTS,
  PROP_OUTCOMES,
  PROP_OUTCOME_OTHER,
  PROP_INCIDENT_IDS,
  PROP_SUBJECT,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  RdOutcome   flag;
  const char *key;
  const char *label;
} outcomes[RD_N_OUTCOMES] = {
  { RD_OUTCOME_APOLOGY, "apology", N_("An apology") },
  { RD_OUTCOME_REPAIRS, "repairs", N_("Repairs done") },
  { RD_OUTCOME_ACTION_PERPETRATOR, "action-against-perpetrator", N_("Action against the person responsible") },
  { RD_OUTCOME_CCTV, "cctv", N_("CCTV or other monitoring") },
  { RD_OUTCOME_COMPENSATION, "compensation", N_("Compensation") },
  { RD_OUTCOME_NAMED_CONTACT, "named-contact", N_("One named person to deal with") },
  { RD_OUTCOME_OTHER, "other", N_("Something else") },
};

static const char * const subject_labels[RD_COMPLAINT_SUBJECT_N_SUBJECTS] = {
  N_("Not said"),
  N_("Repairs or the condition of the home"),
  N_("Anti-social behaviour"),
  N_("Homelessness"),
  N_("Housing register, allocations or transfers"),
  N_("Rent or service charges"),
  N_("Staff or the service you got"),
  N_("Something else"),
};

/**
 * rd_complaint_subject_to_key:
 *
 * Returns: the storage key, "homelessness"; "not-said" for a complaint
 *   recorded before subjects were
 */
const char *
rd_complaint_subject_to_key (RdComplaintSubject subject)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (RD_TYPE_COMPLAINT_SUBJECT);
  GEnumValue *value = g_enum_get_value (klass, subject);

  g_return_val_if_fail (value != NULL, "not-said");
  return value->value_nick;
}

gboolean
rd_complaint_subject_from_key (const char         *key,
                               RdComplaintSubject *out)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *value;

  if (key == NULL)
    return FALSE;
  klass = g_type_class_ref (RD_TYPE_COMPLAINT_SUBJECT);
  value = g_enum_get_value_by_nick (klass, key);
  if (value == NULL)
    return FALSE;
  *out = value->value;
  return TRUE;
}

const char *
rd_complaint_subject_get_label (RdComplaintSubject subject)
{
  g_return_val_if_fail (subject < RD_COMPLAINT_SUBJECT_N_SUBJECTS, "");

  return _(subject_labels[subject]);
}

/**
 * rd_outcome_from_index:
 *
 * The outcomes in the order the window lists them, 0 to RD_N_OUTCOMES - 1.
 */
RdOutcome
rd_outcome_from_index (guint index)
{
  g_return_val_if_fail (index < RD_N_OUTCOMES, RD_OUTCOME_NONE);

  return outcomes[index].flag;
}

const char *
rd_outcome_to_key (RdOutcome outcome)
{
  for (guint i = 0; i < RD_N_OUTCOMES; i++)
    if (outcomes[i].flag == outcome)
      return outcomes[i].key;
  g_return_val_if_reached ("");
}

gboolean
rd_outcome_from_key (const char *key,
                     RdOutcome  *out)
{
  for (guint i = 0; key != NULL && i < RD_N_OUTCOMES; i++)
    if (g_str_equal (key, outcomes[i].key))
      {
        *out = outcomes[i].flag;
        return TRUE;
      }
  return FALSE;
}

const char *
rd_outcome_get_label (RdOutcome outcome)
{
  for (guint i = 0; i < RD_N_OUTCOMES; i++)
    if (outcomes[i].flag == outcome)
      return _(outcomes[i].label);
  g_return_val_if_reached ("");
}

/**
 * rd_outcomes_to_string:
 *
 * The storage form: keys joined by commas, "apology,cctv".
 */
char *
rd_outcomes_to_string (RdOutcome flags)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < RD_N_OUTCOMES; i++)
    if (flags & outcomes[i].flag)
      {
        if (out->len > 0)
          g_string_append_c (out, ',');
        g_string_append (out, outcomes[i].key);
      }
  return g_string_free (out, FALSE);
}

RdOutcome
rd_outcomes_from_string (const char *text)
{
  g_auto(GStrv) parts = NULL;
  RdOutcome flags = RD_OUTCOME_NONE;

  if (text == NULL || *text == '\0')
    return RD_OUTCOME_NONE;
  parts = g_strsplit (text, ",", -1);
  for (guint p = 0; parts[p] != NULL; p++)
    {
      RdOutcome one;

      if (rd_outcome_from_key (g_strstrip (parts[p]), &one))
        flags |= one;
    }
  return flags;
}

/* memcmp() must not see the NULL data of an empty GArray. */
static gboolean
ids_equal (GArray *a,
           GArray *b)
{
  return a->len == b->len &&
         (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0);
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  guint i;

  for (i = 0; a[i] != NULL && b[i] != NULL; i++)
    if (!g_str_equal (a[i], b[i]))
      return FALSE;
  return a[i] == NULL && b[i] == NULL;
}

static void
rd_complaint_finalize (GObject *object)
{
  RdComplaint *self = (RdComplaint *)object;

  g_clear_pointer (&self->reference, g_free);
  g_clear_pointer (&self->points, g_strfreev);
  g_clear_pointer (&self->outcome_other, g_free);
  g_clear_pointer (&self->incident_ids, g_array_unref);

  G_OBJECT_CLASS (rd_complaint_parent_class)->finalize (object);
}

static void
rd_complaint_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RdComplaint *self = RD_COMPLAINT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;
    case PROP_POINTS:
      g_value_set_boxed (value, self->points);
      break;
    case PROP_OUTCOMES:
      g_value_set_flags (value, self->outcomes);
      break;
    case PROP_OUTCOME_OTHER:
      g_value_set_string (value, self->outcome_other);
      break;
    case PROP_INCIDENT_IDS:
      g_value_set_boxed (value, self->incident_ids);
      break;
    case PROP_SUBJECT:
      g_value_set_enum (value, self->subject);
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    case PROP_TITLE:
      g_value_take_string (value, rd_complaint_dup_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_complaint_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RdComplaint *self = RD_COMPLAINT (object);

  switch (prop_id)
    {
    case PROP_ID:
      rd_complaint_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_CASE_ID:
      rd_complaint_set_case_id (self, g_value_get_int64 (value));
      break;
    case PROP_REFERENCE:
      rd_complaint_set_reference (self, g_value_get_string (value));
      break;
    case PROP_POINTS:
      rd_complaint_set_points (self, g_value_get_boxed (value));
      break;
    case PROP_OUTCOMES:
      rd_complaint_set_outcomes (self, g_value_get_flags (value));
      break;
    case PROP_OUTCOME_OTHER:
      rd_complaint_set_outcome_other (self, g_value_get_string (value));
      break;
    case PROP_SUBJECT:
      rd_complaint_set_subject (self, g_value_get_enum (value));
      break;
    case PROP_CREATED_AT:
      rd_complaint_set_created_at (self, g_value_get_int64 (value));
      break;
    case PROP_UPDATED_AT:
      rd_complaint_set_updated_at (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_complaint_class_init (RdComplaintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rd_complaint_finalize;
  object_class->get_property = rd_complaint_get_property;
  object_class->set_property = rd_complaint_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL, "", flags);
  properties[PROP_POINTS] =
    g_param_spec_boxed ("points", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_OUTCOMES] =
    g_param_spec_flags ("outcomes", NULL, NULL, RD_TYPE_OUTCOME, RD_OUTCOME_NONE, flags);
  properties[PROP_OUTCOME_OTHER] =
    g_param_spec_string ("outcome-other", NULL, NULL, "", flags);
  /* The diary entries the complaint is about (read-only here: set them
   * with rd_complaint_set_incident_ids()). */
  properties[PROP_INCIDENT_IDS] =
    g_param_spec_boxed ("incident-ids", NULL, NULL, G_TYPE_ARRAY,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBJECT] =
    g_param_spec_enum ("subject", NULL, NULL, RD_TYPE_COMPLAINT_SUBJECT,
                       RD_COMPLAINT_SUBJECT_NOT_SAID, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rd_complaint_init (RdComplaint *self)
{
  self->reference = g_strdup ("");
  self->points = g_new0 (char *, 1);
  self->outcome_other = g_strdup ("");
  self->incident_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

RdComplaint *
rd_complaint_new (void)
{
  return g_object_new (RD_TYPE_COMPLAINT, NULL);
}

RdComplaint *
rd_complaint_copy (RdComplaint *self)
{
  RdComplaint *copy;

  g_return_val_if_fail (RD_IS_COMPLAINT (self), NULL);

  copy = rd_complaint_new ();
  copy->id = self->id;
  copy->case_id = self->case_id;
  _rd_model_replace_string (&copy->reference, self->reference);
  g_strfreev (copy->points);
  copy->points = g_strdupv (self->points);
  copy->outcomes = self->outcomes;
  copy->subject = self->subject;
  _rd_model_replace_string (&copy->outcome_other, self->outcome_other);
  g_array_append_vals (copy->incident_ids, self->incident_ids->data, self->incident_ids->len);
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  return copy;
}

gboolean
rd_complaint_content_equal (RdComplaint *a,
                            RdComplaint *b)
{
  g_return_val_if_fail (RD_IS_COMPLAINT (a) && RD_IS_COMPLAINT (b), FALSE);

  return g_str_equal (a->reference, b->reference) &&
         strv_equal ((const char * const *) a->points, (const char * const *) b->points) &&
         a->outcomes == b->outcomes &&
         a->subject == b->subject &&
         g_str_equal (a->outcome_other, b->outcome_other) &&
         ids_equal (a->incident_ids, b->incident_ids);
}

#define INT64_ACCESSORS(field, PROP) \
  RD_MODEL_SCALAR_ACCESSORS (RdComplaint, rd_complaint, RD_IS_COMPLAINT, gint64, field, PROP, PROP_0)

INT64_ACCESSORS (id, PROP_ID)
INT64_ACCESSORS (case_id, PROP_CASE_ID)
INT64_ACCESSORS (created_at, PROP_CREATED_AT)
INT64_ACCESSORS (updated_at, PROP_UPDATED_AT)

RdComplaintSubject
rd_complaint_get_subject (RdComplaint *self)
{
  g_return_val_if_fail (RD_IS_COMPLAINT (self), RD_COMPLAINT_SUBJECT_NOT_SAID);

  return self->subject;
}

void
rd_complaint_set_subject (RdComplaint        *self,
                          RdComplaintSubject  subject)
{
  g_return_if_fail (RD_IS_COMPLAINT (self));
  g_return_if_fail (subject < RD_COMPLAINT_SUBJECT_N_SUBJECTS);

  if (self->subject != subject)
    {
      self->subject = subject;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBJECT]);
    }
}

RD_MODEL_STRING_ACCESSORS (RdComplaint, rd_complaint, RD_IS_COMPLAINT, reference, PROP_REFERENCE,
                           PROP_TITLE)
RD_MODEL_STRING_ACCESSORS (RdComplaint, rd_complaint, RD_IS_COMPLAINT, outcome_other,
                           PROP_OUTCOME_OTHER, PROP_0)

/**
 * rd_complaint_get_points:
 *
 * Returns: (transfer none): the points of complaint, each a short issue,
 *   never %NULL
 */
const char * const *
rd_complaint_get_points (RdComplaint *self)
{
  g_return_val_if_fail (RD_IS_COMPLAINT (self), NULL);

  return (const char * const *) self->points;
}

guint
rd_complaint_get_n_points (RdComplaint *self)
{
  g_return_val_if_fail (RD_IS_COMPLAINT (self), 0);

  return g_strv_length (self->points);
}

/**
 * rd_complaint_set_points:
 *
 * Keeps the points in order, trimmed; blank ones are dropped.
 */
void
rd_complaint_set_points (RdComplaint        *self,
                         const char * const *points)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) clean = NULL;

  g_return_if_fail (RD_IS_COMPLAINT (self));

  for (guint i = 0; points != NULL && points[i] != NULL; i++)
    {
      g_autofree char *point = g_strstrip (g_strdup (points[i]));

      if (*point != '\0')
        g_strv_builder_add (builder, point);
    }
  clean = g_strv_builder_end (builder);
  if (strv_equal ((const char * const *) clean, (const char * const *) self->points))
    return;
  g_strfreev (self->points);
  self->points = g_steal_pointer (&clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POINTS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

RdOutcome
rd_complaint_get_outcomes (RdComplaint *self)
{
  g_return_val_if_fail (RD_IS_COMPLAINT (self), RD_OUTCOME_NONE);

  return self->outcomes;
}

void
rd_complaint_set_outcomes (RdComplaint *self,
                           RdOutcome    flags)
{
  g_return_if_fail (RD_IS_COMPLAINT (self));

  flags &= RD_OUTCOME_ALL;
  if (self->outcomes != flags)
    {
      self->outcomes = flags;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOMES]);
    }
}

/**
 * rd_complaint_get_incident_ids:
 *
 * Returns: (array length=n_ids): the ids of the diary entries the complaint
 *   is about, ascending
 */
const gint64 *
rd_complaint_get_incident_ids (RdComplaint *self,
                               guint       *n_ids)
{
  g_return_val_if_fail (RD_IS_COMPLAINT (self), NULL);

  if (n_ids != NULL)
    *n_ids = self->incident_ids->len;
  return (const gint64 *) self->incident_ids->data;
}

static gint
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

void
rd_complaint_set_incident_ids (RdComplaint  *self,
                               const gint64 *ids,
                               guint         n_ids)
{
  g_autoptr(GArray) clean = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_if_fail (RD_IS_COMPLAINT (self));

  for (guint i = 0; i < n_ids; i++)
    if (ids[i] != 0)
      g_array_append_val (clean, ids[i]);
  g_array_sort (clean, compare_ids);
  for (guint i = 1; i < clean->len;)
    if (g_array_index (clean, gint64, i) == g_array_index (clean, gint64, i - 1))
      g_array_remove_index (clean, i);
    else
      i++;
  if (ids_equal (clean, self->incident_ids))
    return;
  g_array_unref (self->incident_ids);
  self->incident_ids = g_steal_pointer (&clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCIDENT_IDS]);
}

gboolean
rd_complaint_has_incident (RdComplaint *self,
                           gint64       incident_id)
{
  guint lo = 0, hi;

  g_return_val_if_fail (RD_IS_COMPLAINT (self), FALSE);

  /* The ids are kept ascending: a letter or an export that asks this of
   * every diary entry costs entries × log(ids), not entries × ids. */
  hi = self->incident_ids->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gint64 id = g_array_index (self->incident_ids, gint64, mid);

      if (id == incident_id)
        return TRUE;
      if (id < incident_id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

/**
 * rd_complaint_dup_title:
 *
 * Returns: (transfer full): how lists name the complaint: its first point,
 *   with the landlord's reference when there is one
 */
char *
rd_complaint_dup_title (RdComplaint *self)
{
  const char *first;

  g_return_val_if_fail (RD_IS_COMPLAINT (self), NULL);

  first = self->points[0] != NULL ? self->points[0] : _("New complaint");
  if (*self->reference != '\0')
    /* Translators: a complaint's first point and the landlord's reference for it */
    return g_strdup_printf (_("%s (ref. %s)"), first, self->reference);
  return g_strdup (first);
}
