/* rd-evidence-tile.h: one piece of evidence in the evidence grid.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"

G_BEGIN_DECLS

#define RD_TYPE_EVIDENCE_TILE (rd_evidence_tile_get_type ())
G_DECLARE_FINAL_TYPE (RdEvidenceTile, rd_evidence_tile, RD, EVIDENCE_TILE, GtkWidget)

GtkWidget  *rd_evidence_tile_new           (GHashTable     *thumbnails);
void        rd_evidence_tile_set_evidence  (RdEvidenceTile *self,
                                            RdStore        *store,
                                            RdEvidence     *evidence);
RdEvidence *rd_evidence_tile_get_evidence  (RdEvidenceTile *self);
void        rd_evidence_tile_set_damage    (RdEvidenceTile *self,
                                            const char     *message);
gboolean    rd_evidence_tile_has_thumbnail (RdEvidenceTile *self);
const char *rd_evidence_kind_icon_name     (RdEvidenceKind  kind);

G_END_DECLS
