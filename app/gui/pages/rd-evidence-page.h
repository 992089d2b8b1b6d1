/* rd-evidence-page.h: the case page that keeps the evidence.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-case-page.h"

G_BEGIN_DECLS

#define RD_TYPE_EVIDENCE_PAGE (rd_evidence_page_get_type ())
G_DECLARE_FINAL_TYPE (RdEvidencePage, rd_evidence_page, RD, EVIDENCE_PAGE, RdCasePage)

GListModel *rd_evidence_page_get_shown      (RdEvidencePage *self);
void        rd_evidence_page_import_files   (RdEvidencePage *self,
                                             GFile         **files,
                                             guint           n_files);
gboolean    rd_evidence_page_is_busy        (RdEvidencePage *self);
gboolean    rd_evidence_page_is_reading     (RdEvidencePage *self);
gboolean    rd_evidence_page_select         (RdEvidencePage *self,
                                             gint64          evidence_id);

G_END_DECLS
