/* rd-incident-revision.h: one stored version of a diary entry.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-types.h"
#include "rd-incident.h"

G_BEGIN_DECLS

#define RD_TYPE_INCIDENT_REVISION (rd_incident_revision_get_type ())
G_DECLARE_FINAL_TYPE (RdIncidentRevision, rd_incident_revision, RD, INCIDENT_REVISION, GObject)

RdIncidentRevision *rd_incident_revision_new            (gint64      id,
                                                         guint       number,
                                                         gint64      written_at,
                                                         gint64      last_changed_at,
                                                         RdIncident *snapshot);
gint64              rd_incident_revision_get_id         (RdIncidentRevision *self);
guint               rd_incident_revision_get_number     (RdIncidentRevision *self);
gint64              rd_incident_revision_get_written_at (RdIncidentRevision *self);
gint64              rd_incident_revision_get_last_changed_at (RdIncidentRevision *self);
RdIncident         *rd_incident_revision_get_snapshot   (RdIncidentRevision *self);

G_END_DECLS
