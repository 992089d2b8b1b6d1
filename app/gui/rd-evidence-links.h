/* rd-evidence-links.h: the evidence linked to one diary entry or contact,
 * for its editor: what is linked, with notes, and a way to link more.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"

G_BEGIN_DECLS

#define RD_TYPE_EVIDENCE_LINKS (rd_evidence_links_get_type ())
G_DECLARE_FINAL_TYPE (RdEvidenceLinks, rd_evidence_links, RD, EVIDENCE_LINKS, GtkWidget)

void        rd_evidence_links_set_store  (RdEvidenceLinks      *self,
                                          RdStore              *store);
void        rd_evidence_links_set_target (RdEvidenceLinks      *self,
                                          gint64                case_id,
                                          RdEvidenceTargetKind  kind,
                                          gint64                target_id);
GListModel *rd_evidence_links_get_linked (RdEvidenceLinks      *self);

G_END_DECLS
