/* rd-contact.c: one exchange with the landlord or another body, and what was promised.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-contact"

#include "config.h"

#include "rd-gettext.h"

#include "rd-contact.h"
#include "rd-model-enums.h"
#include "rd-datetime.h"
#include "rd-model-private.h"

struct _RdContact
{
  GObject             parent_instance;

  gint64              id;
  gint64              case_id;
  GDateTime          *occurred_at;
  RdContactDirection  direction;
  RdContactChannel    channel;
  gint64              party_id;
  char               *person;
  char               *summary;
  char               *promise;
  GDate              *promise_due;
  gint64              created_at;
  gint64              updated_at;
};

G_DEFINE_FINAL_TYPE (RdContact, rd_contact, G_TYPE_OBJECT)
G_DEFINE_QUARK (rd-contact-error-quark, rd_contact_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_ID,
  PROP_OCCURRED_AT,
  PROP_DIRECTION,
  PROP_CHANNEL,
  PROP_PARTY_ID,
  PROP_PERSON,
  PROP_SUMMARY,
  PROP_PROMISE,
  PROP_PROMISE_DUE,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_HEADLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rd_contact_finalize (GObject *object)
{
  RdContact *self = (RdContact *)object;

  g_clear_pointer (&self->occurred_at, g_date_time_unref);
  g_clear_pointer (&self->person, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->promise, g_free);
  g_clear_pointer (&self->promise_due, g_date_free);

  G_OBJECT_CLASS (rd_contact_parent_class)->finalize (object);
}

static void
rd_contact_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RdContact *self = RD_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_OCCURRED_AT:
      g_value_set_boxed (value, self->occurred_at);
      break;
    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;
    case PROP_CHANNEL:
      g_value_set_enum (value, self->channel);
      break;
    case PROP_PARTY_ID:
      g_value_set_int64 (value, self->party_id);
      break;
    case PROP_PERSON:
      g_value_set_string (value, self->person);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_PROMISE:
      g_value_set_string (value, self->promise);
      break;
    case PROP_PROMISE_DUE:
      g_value_set_boxed (value, self->promise_due);
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    case PROP_HEADLINE:
      g_value_take_string (value, rd_contact_dup_headline (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_contact_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RdContact *self = RD_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      rd_contact_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_CASE_ID:
      rd_contact_set_case_id (self, g_value_get_int64 (value));
      break;
    case PROP_OCCURRED_AT:
      rd_contact_set_occurred_at (self, g_value_get_boxed (value));
      break;
    case PROP_DIRECTION:
      rd_contact_set_direction (self, g_value_get_enum (value));
      break;
    case PROP_CHANNEL:
      rd_contact_set_channel (self, g_value_get_enum (value));
      break;
    case PROP_PARTY_ID:
      rd_contact_set_party_id (self, g_value_get_int64 (value));
      break;
    case PROP_PERSON:
      rd_contact_set_person (self, g_value_get_string (value));
      break;
    case PROP_SUMMARY:
      rd_contact_set_summary (self, g_value_get_string (value));
      break;
    case PROP_PROMISE:
      rd_contact_set_promise (self, g_value_get_string (value));
      break;
    case PROP_PROMISE_DUE:
      rd_contact_set_promise_due (self, g_value_get_boxed (value));
      break;
    case PROP_CREATED_AT:
      rd_contact_set_created_at (self, g_value_get_int64 (value));
      break;
    case PROP_UPDATED_AT:
      rd_contact_set_updated_at (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_contact_class_init (RdContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rd_contact_finalize;
  object_class->get_property = rd_contact_get_property;
  object_class->set_property = rd_contact_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_OCCURRED_AT] =
    g_param_spec_boxed ("occurred-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL, RD_TYPE_CONTACT_DIRECTION, RD_CONTACT_TO, flags);
  properties[PROP_CHANNEL] =
    g_param_spec_enum ("channel", NULL, NULL, RD_TYPE_CONTACT_CHANNEL, RD_CHANNEL_EMAIL, flags);
  properties[PROP_PARTY_ID] =
    g_param_spec_int64 ("party-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PERSON] =
    g_param_spec_string ("person", NULL, NULL, "", flags);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, "", flags);
  properties[PROP_PROMISE] =
    g_param_spec_string ("promise", NULL, NULL, "", flags);
  properties[PROP_PROMISE_DUE] =
    g_param_spec_boxed ("promise-due", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_HEADLINE] =
    g_param_spec_string ("headline", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rd_contact_init (RdContact *self)
{
  self->person = g_strdup ("");
  self->summary = g_strdup ("");
  self->promise = g_strdup ("");
}

RdContact *
rd_contact_new (void)
{
  return g_object_new (RD_TYPE_CONTACT, NULL);
}

RdContact *
rd_contact_copy (RdContact *self)
{
  RdContact *copy;

  g_return_val_if_fail (RD_IS_CONTACT (self), NULL);

  copy = rd_contact_new ();
  copy->id = self->id;
  copy->case_id = self->case_id;
  copy->occurred_at = self->occurred_at ? g_date_time_ref (self->occurred_at) : NULL;
  copy->direction = self->direction;
  copy->channel = self->channel;
  copy->party_id = self->party_id;
  _rd_model_replace_string (&copy->person, self->person);
  _rd_model_replace_string (&copy->summary, self->summary);
  _rd_model_replace_string (&copy->promise, self->promise);
  copy->promise_due = self->promise_due ? g_date_copy (self->promise_due) : NULL;
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  return copy;
}

/**
 * rd_contact_content_equal:
 *
 * Whether two contacts record the same thing, ignoring ids and timestamps.
 */
gboolean
rd_contact_content_equal (RdContact *a,
                          RdContact *b)
{
  g_return_val_if_fail (RD_IS_CONTACT (a) && RD_IS_CONTACT (b), FALSE);

  return _rd_model_datetime_equal (a->occurred_at, b->occurred_at) &&
         a->direction == b->direction &&
         a->channel == b->channel &&
         a->party_id == b->party_id &&
         g_str_equal (a->person, b->person) &&
         g_str_equal (a->summary, b->summary) &&
         g_str_equal (a->promise, b->promise) &&
         _rd_model_date_equal (a->promise_due, b->promise_due);
}

#define STRING_ACCESSORS(field, PROP) \
  RD_MODEL_STRING_ACCESSORS (RdContact, rd_contact, RD_IS_CONTACT, field, PROP, PROP_HEADLINE)
#define INT64_ACCESSORS(field, PROP) \
  RD_MODEL_SCALAR_ACCESSORS (RdContact, rd_contact, RD_IS_CONTACT, gint64, field, PROP, PROP_0)

STRING_ACCESSORS (person, PROP_PERSON)
STRING_ACCESSORS (summary, PROP_SUMMARY)
STRING_ACCESSORS (promise, PROP_PROMISE)
INT64_ACCESSORS (id, PROP_ID)
INT64_ACCESSORS (case_id, PROP_CASE_ID)
INT64_ACCESSORS (party_id, PROP_PARTY_ID)
INT64_ACCESSORS (created_at, PROP_CREATED_AT)
INT64_ACCESSORS (updated_at, PROP_UPDATED_AT)
RD_MODEL_DATETIME_ACCESSORS (RdContact, rd_contact, RD_IS_CONTACT, occurred_at, PROP_OCCURRED_AT)
RD_MODEL_DATE_ACCESSORS (RdContact, rd_contact, RD_IS_CONTACT, promise_due, PROP_PROMISE_DUE)

RdContactDirection
rd_contact_get_direction (RdContact *self)
{
  g_return_val_if_fail (RD_IS_CONTACT (self), RD_CONTACT_TO);

  return self->direction;
}

void
rd_contact_set_direction (RdContact          *self,
                          RdContactDirection  direction)
{
  g_return_if_fail (RD_IS_CONTACT (self));
  g_return_if_fail (direction == RD_CONTACT_TO || direction == RD_CONTACT_FROM);

  if (self->direction != direction)
    {
      self->direction = direction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTION]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADLINE]);
    }
}

RdContactChannel
rd_contact_get_channel (RdContact *self)
{
  g_return_val_if_fail (RD_IS_CONTACT (self), RD_CHANNEL_EMAIL);

  return self->channel;
}

void
rd_contact_set_channel (RdContact        *self,
                        RdContactChannel  channel)
{
  g_return_if_fail (RD_IS_CONTACT (self));
  g_return_if_fail (channel < RD_CHANNEL_N_CHANNELS);

  if (self->channel != channel)
    {
      self->channel = channel;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADLINE]);
    }
}

/**
 * rd_contact_has_promise:
 *
 * Whether they promised something by a date: such a promise is a deadline.
 */
gboolean
rd_contact_has_promise (RdContact *self)
{
  g_return_val_if_fail (RD_IS_CONTACT (self), FALSE);

  return self->promise_due != NULL;
}

/**
 * rd_contact_matches_text:
 * @casefolded_needle: search text already passed through g_utf8_casefold()
 * @who: (nullable): the name of whoever the contact was with, as a list shows it
 *
 * Whether the summary, the promise, @who or the channel's name contains the text.
 */
gboolean
rd_contact_matches_text (RdContact  *self,
                         const char *casefolded_needle,
                         const char *who)
{
  g_return_val_if_fail (RD_IS_CONTACT (self), FALSE);

  if (casefolded_needle == NULL || *casefolded_needle == '\0')
    return TRUE;

  return _rd_model_text_contains (self->summary, casefolded_needle) ||
         _rd_model_text_contains (self->promise, casefolded_needle) ||
         _rd_model_text_contains (who, casefolded_needle) ||
         _rd_model_text_contains (rd_contact_channel_get_label (self->channel), casefolded_needle);
}

/**
 * rd_contact_dup_headline:
 *
 * Returns: (transfer full): the first line of the summary, or what kind of
 *   contact this was when nothing is written yet ("Phone call from them")
 */
char *
rd_contact_dup_headline (RdContact *self)
{
  g_autofree char *line = NULL;

  g_return_val_if_fail (RD_IS_CONTACT (self), NULL);

  line = _rd_model_dup_first_line (self->summary);
  if (*line != '\0')
    return g_steal_pointer (&line);

  if (self->direction == RD_CONTACT_FROM)
    /* Translators: "Phone call from them": a contact with nothing written yet */
    return g_strdup_printf (_("%s from them"), rd_contact_channel_get_label (self->channel));
  /* Translators: "Email to them": a contact with nothing written yet */
  return g_strdup_printf (_("%s to them"), rd_contact_channel_get_label (self->channel));
}

/**
 * rd_contact_validate:
 * @now: the present moment, passed in so tests can fix it
 *
 * A contact has happened, so it cannot be in the future; a promised date
 * cannot come before the contact, and needs the promise written down.
 */
gboolean
rd_contact_validate (RdContact  *self,
                     GDateTime  *now,
                     GError    **error)
{
  g_autofree char *promise = NULL;

  g_return_val_if_fail (RD_IS_CONTACT (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (self->occurred_at == NULL)
    {
      g_set_error_literal (error, RD_CONTACT_ERROR, RD_CONTACT_ERROR_NO_TIME,
                           _("Say when this contact happened."));
      return FALSE;
    }
  if (g_date_time_compare (self->occurred_at, now) > 0)
    {
      g_set_error_literal (error, RD_CONTACT_ERROR, RD_CONTACT_ERROR_IN_FUTURE,
                           _("This contact is set in the future. Check the date and time."));
      return FALSE;
    }
  if (self->promise_due != NULL)
    {
      g_autoptr(GDate) day = rd_datetime_get_date (self->occurred_at);

      promise = g_strstrip (g_strdup (self->promise));
      if (*promise == '\0')
        {
          g_set_error_literal (error, RD_CONTACT_ERROR, RD_CONTACT_ERROR_PROMISE_DATE_WITHOUT_PROMISE,
                               _("Write down what they promised to do by this date."));
          return FALSE;
        }
      if (g_date_compare (self->promise_due, day) < 0)
        {
          g_autofree char *when = rd_date_format_long (day);

          g_set_error (error, RD_CONTACT_ERROR, RD_CONTACT_ERROR_PROMISE_BEFORE_CONTACT,
                       _("The promised date is before the contact itself (%s). Check the date."),
                       when);
          return FALSE;
        }
    }
  return TRUE;
}
