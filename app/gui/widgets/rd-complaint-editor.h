/* rd-complaint-editor.h: the form for one complaint: points, outcome, diary entries, steps, letters.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"

G_BEGIN_DECLS

#define RD_TYPE_COMPLAINT_EDITOR (rd_complaint_editor_get_type ())
G_DECLARE_FINAL_TYPE (RdComplaintEditor, rd_complaint_editor, RD, COMPLAINT_EDITOR, GtkWidget)

#define RD_COMPLAINT_EDITOR_SAVE_DELAY_MS 800

GtkWidget   *rd_complaint_editor_new              (void);
void         rd_complaint_editor_set_store        (RdComplaintEditor  *self,
                                                   RdStore            *store);
RdComplaint *rd_complaint_editor_get_complaint    (RdComplaintEditor  *self);
void         rd_complaint_editor_set_complaint    (RdComplaintEditor  *self,
                                                   RdComplaint        *complaint);
gboolean     rd_complaint_editor_flush            (RdComplaintEditor  *self,
                                                   GError            **error);
gboolean     rd_complaint_editor_is_saving        (RdComplaintEditor  *self);
GListModel  *rd_complaint_editor_get_steps        (RdComplaintEditor  *self);
GtkWindow   *rd_complaint_editor_add_step         (RdComplaintEditor  *self);
GtkWindow   *rd_complaint_editor_write_letter     (RdComplaintEditor  *self,
                                                   RdLetterKind        kind);

G_END_DECLS
