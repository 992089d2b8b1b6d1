/* rd-evidence-links.h: the evidence linked to one diary entry, contact or
 * complaint step, for its editor: what is linked, with notes, and a way to
 * link more.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"

G_BEGIN_DECLS

#define RD_TYPE_EVIDENCE_LINKS (rd_evidence_links_get_type ())
G_DECLARE_FINAL_TYPE (RdEvidenceLinks, rd_evidence_links, RD, EVIDENCE_LINKS, GtkWidget)

/* Something evidence can be linked to. */
typedef struct {
  RdEvidenceTargetKind kind;
  gint64               id;
} RdLinkTarget;

GtkStringList *rd_link_targets_list (RdStore *store,
                                     gint64   case_id,
                                     GArray  *targets);

void        rd_evidence_links_set_store  (RdEvidenceLinks      *self,
                                          RdStore              *store);
void        rd_evidence_links_set_target (RdEvidenceLinks      *self,
                                          gint64                case_id,
                                          RdEvidenceTargetKind  kind,
                                          gint64                target_id);
GListModel *rd_evidence_links_get_linked (RdEvidenceLinks      *self);
gboolean    rd_evidence_links_focus_evidence (RdEvidenceLinks *self,
                                              gint64           evidence_id);
void        rd_evidence_links_set_pending_allowed (RdEvidenceLinks *self,
                                                   gboolean         allowed);
gboolean    rd_evidence_links_save_pending        (RdEvidenceLinks *self,
                                                   gint64           target_id,
                                                   GError         **error);

G_END_DECLS
