/* rd-complaint-event.c: one dated step in a complaint (made, acknowledged, extended…).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-complaint-event"

#include "config.h"

#include "rd-gettext.h"

#include "rd-complaint-event.h"
#include "rd-model-enums.h"
#include "rd-datetime.h"
#include "rd-model-private.h"

struct _RdComplaintEvent
{
  GObject               parent_instance;

  gint64                id;
  gint64                complaint_id;
  RdComplaintEventKind  kind;
  guint                 stage;
  GDate                *date;
  GDate                *new_date;
  char                 *reason;
  char                 *notes;
  gint64                contact_id;
};

G_DEFINE_FINAL_TYPE (RdComplaintEvent, rd_complaint_event, G_TYPE_OBJECT)
G_DEFINE_QUARK (rd-complaint-event-error-quark, rd_complaint_event_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_COMPLAINT_ID,
  PROP_KIND,
  PROP_STAGE,
  PROP_DATE,
  PROP_NEW_DATE,
  PROP_REASON,
  PROP_NOTES,
  PROP_CONTACT_ID,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rd_complaint_event_finalize (GObject *object)
{
  RdComplaintEvent *self = (RdComplaintEvent *)object;

  g_clear_pointer (&self->date, g_date_free);
  g_clear_pointer (&self->new_date, g_date_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (rd_complaint_event_parent_class)->finalize (object);
}

static void
rd_complaint_event_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RdComplaintEvent *self = RD_COMPLAINT_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_COMPLAINT_ID:
      g_value_set_int64 (value, self->complaint_id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_STAGE:
      g_value_set_uint (value, self->stage);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;
    case PROP_NEW_DATE:
      g_value_set_boxed (value, self->new_date);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_CONTACT_ID:
      g_value_set_int64 (value, self->contact_id);
      break;
    case PROP_TITLE:
      g_value_take_string (value, rd_complaint_event_dup_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_complaint_event_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RdComplaintEvent *self = RD_COMPLAINT_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      rd_complaint_event_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_COMPLAINT_ID:
      rd_complaint_event_set_complaint_id (self, g_value_get_int64 (value));
      break;
    case PROP_KIND:
      rd_complaint_event_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_STAGE:
      rd_complaint_event_set_stage (self, g_value_get_uint (value));
      break;
    case PROP_DATE:
      rd_complaint_event_set_date (self, g_value_get_boxed (value));
      break;
    case PROP_NEW_DATE:
      rd_complaint_event_set_new_date (self, g_value_get_boxed (value));
      break;
    case PROP_REASON:
      rd_complaint_event_set_reason (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      rd_complaint_event_set_notes (self, g_value_get_string (value));
      break;
    case PROP_CONTACT_ID:
      rd_complaint_event_set_contact_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_complaint_event_class_init (RdComplaintEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rd_complaint_event_finalize;
  object_class->get_property = rd_complaint_event_get_property;
  object_class->set_property = rd_complaint_event_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_COMPLAINT_ID] =
    g_param_spec_int64 ("complaint-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, RD_TYPE_COMPLAINT_EVENT_KIND, RD_COMPLAINT_EVENT_MADE,
                       flags);
  properties[PROP_STAGE] =
    g_param_spec_uint ("stage", NULL, NULL, 1, RD_COMPLAINT_MAX_STAGE, 1, flags);
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_NEW_DATE] =
    g_param_spec_boxed ("new-date", NULL, NULL, G_TYPE_DATE, flags);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, "", flags);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "", flags);
  properties[PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rd_complaint_event_init (RdComplaintEvent *self)
{
  self->stage = 1;
  self->reason = g_strdup ("");
  self->notes = g_strdup ("");
}

RdComplaintEvent *
rd_complaint_event_new (RdComplaintEventKind kind)
{
  g_return_val_if_fail (kind < RD_COMPLAINT_EVENT_N_KINDS, NULL);

  return g_object_new (RD_TYPE_COMPLAINT_EVENT, "kind", kind, NULL);
}

RdComplaintEvent *
rd_complaint_event_copy (RdComplaintEvent *self)
{
  RdComplaintEvent *copy;

  g_return_val_if_fail (RD_IS_COMPLAINT_EVENT (self), NULL);

  copy = rd_complaint_event_new (self->kind);
  copy->id = self->id;
  copy->complaint_id = self->complaint_id;
  copy->stage = self->stage;
  _rd_model_replace_date (&copy->date, self->date);
  _rd_model_replace_date (&copy->new_date, self->new_date);
  _rd_model_replace_string (&copy->reason, self->reason);
  _rd_model_replace_string (&copy->notes, self->notes);
  copy->contact_id = self->contact_id;
  return copy;
}

gboolean
rd_complaint_event_content_equal (RdComplaintEvent *a,
                                  RdComplaintEvent *b)
{
  g_return_val_if_fail (RD_IS_COMPLAINT_EVENT (a) && RD_IS_COMPLAINT_EVENT (b), FALSE);

  return a->kind == b->kind &&
         a->stage == b->stage &&
         _rd_model_date_equal (a->date, b->date) &&
         _rd_model_date_equal (a->new_date, b->new_date) &&
         g_str_equal (a->reason, b->reason) &&
         g_str_equal (a->notes, b->notes) &&
         a->contact_id == b->contact_id;
}

#define INT64_ACCESSORS(field, PROP)                                                 \
  RD_MODEL_SCALAR_ACCESSORS (RdComplaintEvent, rd_complaint_event, RD_IS_COMPLAINT_EVENT, \
                             gint64, field, PROP, PROP_0)
#define STRING_ACCESSORS(field, PROP)                                                \
  RD_MODEL_STRING_ACCESSORS (RdComplaintEvent, rd_complaint_event, RD_IS_COMPLAINT_EVENT, \
                             field, PROP, PROP_0)
#define DATE_ACCESSORS(field, PROP) \
  RD_MODEL_DATE_ACCESSORS (RdComplaintEvent, rd_complaint_event, RD_IS_COMPLAINT_EVENT, field, PROP)

INT64_ACCESSORS (id, PROP_ID)
INT64_ACCESSORS (complaint_id, PROP_COMPLAINT_ID)
INT64_ACCESSORS (contact_id, PROP_CONTACT_ID)
STRING_ACCESSORS (reason, PROP_REASON)
STRING_ACCESSORS (notes, PROP_NOTES)
DATE_ACCESSORS (date, PROP_DATE)
/* For an extension, new_date is the new date the landlord gave for its response. */
DATE_ACCESSORS (new_date, PROP_NEW_DATE)

RdComplaintEventKind
rd_complaint_event_get_kind (RdComplaintEvent *self)
{
  g_return_val_if_fail (RD_IS_COMPLAINT_EVENT (self), RD_COMPLAINT_EVENT_MADE);

  return self->kind;
}

void
rd_complaint_event_set_kind (RdComplaintEvent     *self,
                             RdComplaintEventKind  kind)
{
  g_return_if_fail (RD_IS_COMPLAINT_EVENT (self));
  g_return_if_fail (kind < RD_COMPLAINT_EVENT_N_KINDS);

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

guint
rd_complaint_event_get_stage (RdComplaintEvent *self)
{
  g_return_val_if_fail (RD_IS_COMPLAINT_EVENT (self), 1);

  return self->stage;
}

/**
 * rd_complaint_event_set_stage:
 *
 * The stage the event belongs to: a complaint is made at stage 1, an
 * escalation request opens stage 2, and acknowledgements, extensions and
 * responses happen at a stage.
 */
void
rd_complaint_event_set_stage (RdComplaintEvent *self,
                              guint             stage)
{
  g_return_if_fail (RD_IS_COMPLAINT_EVENT (self));

  if (self->stage != stage)
    {
      self->stage = stage;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

/**
 * rd_complaint_event_dup_title:
 *
 * Returns: (transfer full): "Acknowledged (stage 2)", the way a list names it
 */
char *
rd_complaint_event_dup_title (RdComplaintEvent *self)
{
  const char *label;

  g_return_val_if_fail (RD_IS_COMPLAINT_EVENT (self), NULL);

  label = rd_complaint_event_kind_get_label (self->kind);
  switch (self->kind)
    {
    case RD_COMPLAINT_EVENT_ACKNOWLEDGED:
    case RD_COMPLAINT_EVENT_RESPONSE:
    case RD_COMPLAINT_EVENT_EXTENSION_NOTIFIED:
      /* Translators: an event's name and the complaint stage, "Acknowledged (stage 2)" */
      return g_strdup_printf (_("%s (stage %u)"), label, self->stage);
    case RD_COMPLAINT_EVENT_MADE:
    case RD_COMPLAINT_EVENT_ESCALATION_REQUESTED:
    case RD_COMPLAINT_EVENT_FINAL_RESPONSE:
    case RD_COMPLAINT_EVENT_REFERRED:
    case RD_COMPLAINT_EVENT_OMBUDSMAN_DECISION:
    case RD_COMPLAINT_EVENT_N_KINDS:
    default:
      return g_strdup (label);
    }
}

/**
 * rd_complaint_event_validate:
 * @today: the resident's today, passed in so tests can fix it
 *
 * An event has happened, so its date cannot be after today. An extension
 * needs the new date, which must come after the day it was notified.
 */
gboolean
rd_complaint_event_validate (RdComplaintEvent  *self,
                             const GDate       *today,
                             GError           **error)
{
  g_return_val_if_fail (RD_IS_COMPLAINT_EVENT (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (self->stage < 1 || self->stage > RD_COMPLAINT_MAX_STAGE)
    {
      g_set_error (error, RD_COMPLAINT_EVENT_ERROR, RD_COMPLAINT_EVENT_ERROR_BAD_STAGE,
                   _("A complaint stage is a number from 1 to %d."), RD_COMPLAINT_MAX_STAGE);
      return FALSE;
    }
  if (self->kind == RD_COMPLAINT_EVENT_MADE && self->stage != 1)
    {
      g_set_error_literal (error, RD_COMPLAINT_EVENT_ERROR, RD_COMPLAINT_EVENT_ERROR_BAD_STAGE,
                           _("A complaint is made at stage 1. To go to the next stage, add "
                             "“Escalation requested” instead."));
      return FALSE;
    }
  if (self->kind == RD_COMPLAINT_EVENT_ESCALATION_REQUESTED && self->stage < 2)
    {
      g_set_error_literal (error, RD_COMPLAINT_EVENT_ERROR, RD_COMPLAINT_EVENT_ERROR_BAD_STAGE,
                           _("An escalation request opens stage 2 or later."));
      return FALSE;
    }
  if (self->date == NULL)
    {
      g_set_error_literal (error, RD_COMPLAINT_EVENT_ERROR, RD_COMPLAINT_EVENT_ERROR_NO_DATE,
                           _("Say on which date this happened."));
      return FALSE;
    }
  if (g_date_compare (self->date, today) > 0)
    {
      g_set_error_literal (error, RD_COMPLAINT_EVENT_ERROR, RD_COMPLAINT_EVENT_ERROR_IN_FUTURE,
                           _("This date is in the future. Record a step once it has happened."));
      return FALSE;
    }
  if (self->kind == RD_COMPLAINT_EVENT_EXTENSION_NOTIFIED)
    {
      if (self->new_date == NULL)
        {
          g_set_error_literal (error, RD_COMPLAINT_EVENT_ERROR, RD_COMPLAINT_EVENT_ERROR_NO_NEW_DATE,
                               _("Say which new date the landlord gave for its response."));
          return FALSE;
        }
      if (g_date_compare (self->new_date, self->date) <= 0)
        {
          g_autofree char *when = rd_date_format_long (self->date);

          g_set_error (error, RD_COMPLAINT_EVENT_ERROR, RD_COMPLAINT_EVENT_ERROR_NEW_DATE_TOO_EARLY,
                       _("The new date must come after the day you were told (%s)."), when);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * rd_complaint_event_compare:
 *
 * Orders events by date, then by when they were recorded (id), so a
 * complaint reads from first step to last.
 */
gint
rd_complaint_event_compare (gconstpointer a,
                            gconstpointer b,
                            gpointer      user_data)
{
  RdComplaintEvent *ea = RD_COMPLAINT_EVENT ((gpointer) a);
  RdComplaintEvent *eb = RD_COMPLAINT_EVENT ((gpointer) b);
  int cmp;

  if (ea->date == NULL || eb->date == NULL)
    cmp = (ea->date == NULL) - (eb->date == NULL);
  else
    cmp = g_date_compare (ea->date, eb->date);
  if (cmp != 0)
    return cmp;
  return (ea->id > eb->id) - (ea->id < eb->id);
}
