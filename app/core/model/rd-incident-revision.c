/* rd-incident-revision.c: one stored version of a diary entry.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-incident-revision"

#include "config.h"

#include "rd-incident-revision.h"

/* A revision is what one sitting with the editor produced: written_at is
 * when that sitting first saved, last_changed_at when it last saved. Earlier
 * sittings are never touched again. */
struct _RdIncidentRevision
{
  GObject     parent_instance;

  gint64      id;
  guint       number;
  gint64      written_at;
  gint64      last_changed_at;
  RdIncident *snapshot;
};

G_DEFINE_FINAL_TYPE (RdIncidentRevision, rd_incident_revision, G_TYPE_OBJECT)

static void
rd_incident_revision_dispose (GObject *object)
{
  RdIncidentRevision *self = (RdIncidentRevision *)object;

  g_clear_object (&self->snapshot);

  G_OBJECT_CLASS (rd_incident_revision_parent_class)->dispose (object);
}

static void
rd_incident_revision_class_init (RdIncidentRevisionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rd_incident_revision_dispose;
}

static void
rd_incident_revision_init (RdIncidentRevision *self)
{
}

RdIncidentRevision *
rd_incident_revision_new (gint64      id,
                          guint       number,
                          gint64      written_at,
                          gint64      last_changed_at,
                          RdIncident *snapshot)
{
  RdIncidentRevision *self;

  g_return_val_if_fail (RD_IS_INCIDENT (snapshot), NULL);

  self = g_object_new (RD_TYPE_INCIDENT_REVISION, NULL);
  self->id = id;
  self->number = number;
  self->written_at = written_at;
  self->last_changed_at = last_changed_at;
  self->snapshot = g_object_ref (snapshot);
  return self;
}

gint64
rd_incident_revision_get_id (RdIncidentRevision *self)
{
  g_return_val_if_fail (RD_IS_INCIDENT_REVISION (self), 0);
  return self->id;
}

guint
rd_incident_revision_get_number (RdIncidentRevision *self)
{
  g_return_val_if_fail (RD_IS_INCIDENT_REVISION (self), 0);
  return self->number;
}

gint64
rd_incident_revision_get_written_at (RdIncidentRevision *self)
{
  g_return_val_if_fail (RD_IS_INCIDENT_REVISION (self), 0);
  return self->written_at;
}

gint64
rd_incident_revision_get_last_changed_at (RdIncidentRevision *self)
{
  g_return_val_if_fail (RD_IS_INCIDENT_REVISION (self), 0);
  return self->last_changed_at;
}

RdIncident *
rd_incident_revision_get_snapshot (RdIncidentRevision *self)
{
  g_return_val_if_fail (RD_IS_INCIDENT_REVISION (self), NULL);
  return self->snapshot;
}
