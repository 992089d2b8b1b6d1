/* rd-gui-undo.h: helpers for deleting undoably and offering Undo.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"

G_BEGIN_DECLS

gboolean rd_gui_unlink_evidence_undoably (RdStore               *store,
                                          gint64                 evidence_id,
                                          RdEvidenceTargetKind   kind,
                                          gint64                 target_id,
                                          GError               **error);
AdwToast *rd_gui_toast_slot_set (GObject    *owner,
                                 AdwToast  **slot,
                                 const char *title,
                                 const char *button_label,
                                 const char *action_name,
                                 guint       timeout);
void  rd_gui_offer_undo          (GtkWidget   *widget,
                                  const char  *deleted,
                                  const char  *restored,
                                  const char  *page,
                                  gint64       id);
gboolean rd_gui_offer_undo_in_dialog (GtkWidget  *widget,
                                      const char *deleted,
                                      const char *restored,
                                      const char *what,
                                      gint64      id);


G_END_DECLS
