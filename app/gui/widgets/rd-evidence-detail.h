/* rd-evidence-detail.h: one piece of evidence, in full: a preview, what is
 * known about it, its description and what it proves.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"

G_BEGIN_DECLS

#define RD_TYPE_EVIDENCE_DETAIL (rd_evidence_detail_get_type ())
G_DECLARE_FINAL_TYPE (RdEvidenceDetail, rd_evidence_detail, RD, EVIDENCE_DETAIL, GtkWidget)

void        rd_evidence_detail_set_store    (RdEvidenceDetail *self,
                                             RdStore          *store);
void        rd_evidence_detail_set_evidence (RdEvidenceDetail *self,
                                             RdEvidence       *evidence);
RdEvidence *rd_evidence_detail_get_evidence (RdEvidenceDetail *self);
int         rd_evidence_detail_get_page     (RdEvidenceDetail *self);
int         rd_evidence_detail_get_n_pages  (RdEvidenceDetail *self);
gboolean    rd_evidence_detail_is_previewed (RdEvidenceDetail *self);
char       *rd_evidence_dup_record_label    (gpointer          record);
char       *rd_evidence_dup_target_label    (RdStore          *store,
                                             RdEvidenceTargetKind kind,
                                             gint64           target_id);

G_END_DECLS
