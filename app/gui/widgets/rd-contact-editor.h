/* rd-contact-editor.h: the form that records one contact and any promise, saving as you type.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"

G_BEGIN_DECLS

#define RD_TYPE_CONTACT_EDITOR (rd_contact_editor_get_type ())
G_DECLARE_FINAL_TYPE (RdContactEditor, rd_contact_editor, RD, CONTACT_EDITOR, GtkWidget)

#define RD_CONTACT_EDITOR_SAVE_DELAY_MS 800

GtkWidget  *rd_contact_editor_new              (void);
RdContact  *rd_contact_editor_get_contact      (RdContactEditor  *self);
void        rd_contact_editor_set_contact      (RdContactEditor  *self,
                                                RdContact        *contact);
gboolean    rd_contact_editor_flush            (RdContactEditor  *self,
                                                GError          **error);
gboolean    rd_contact_editor_has_pending_save (RdContactEditor  *self);
gboolean    rd_contact_editor_is_saving        (RdContactEditor  *self);
void        rd_contact_editor_focus_summary    (RdContactEditor  *self);

G_END_DECLS
