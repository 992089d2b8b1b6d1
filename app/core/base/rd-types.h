/* rd-types.h: forward declarations shared by the Redress core and GUI.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _RdStore            RdStore;
typedef struct _RdCase             RdCase;
typedef struct _RdIncident         RdIncident;
typedef struct _RdIncidentRevision RdIncidentRevision;
typedef struct _RdParty            RdParty;
typedef struct _RdContact          RdContact;
typedef struct _RdComplaint        RdComplaint;
typedef struct _RdComplaintEvent   RdComplaintEvent;
typedef struct _RdCaseFacts        RdCaseFacts;
typedef struct _RdEvidence         RdEvidence;
typedef struct _RdEvidenceLink     RdEvidenceLink;

G_END_DECLS
