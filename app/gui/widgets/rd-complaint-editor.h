/* rd-complaint-editor.h: the form for one complaint: points, outcome, diary entries, steps, letters.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"
#include "rd-record-editor.h"

G_BEGIN_DECLS

#define RD_TYPE_COMPLAINT_EDITOR (rd_complaint_editor_get_type ())
G_DECLARE_FINAL_TYPE (RdComplaintEditor, rd_complaint_editor, RD, COMPLAINT_EDITOR, RdRecordEditor)

#define RD_COMPLAINT_EDITOR_SAVE_DELAY_MS 800

/* The store, the complaint ("record"), saving and ::saved are RdRecordEditor's. */
GtkWidget   *rd_complaint_editor_new              (void);
GListModel  *rd_complaint_editor_get_steps        (RdComplaintEditor  *self);
GtkWindow   *rd_complaint_editor_add_step         (RdComplaintEditor  *self);
GtkWindow   *rd_complaint_editor_write_letter     (RdComplaintEditor  *self,
                                                   RdLetterKind        kind);

G_END_DECLS
