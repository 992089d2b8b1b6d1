/* rd-contact-editor.h: the form that records one contact and any promise, saving as you type.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"
#include "rd-record-editor.h"

G_BEGIN_DECLS

#define RD_TYPE_CONTACT_EDITOR (rd_contact_editor_get_type ())
G_DECLARE_FINAL_TYPE (RdContactEditor, rd_contact_editor, RD, CONTACT_EDITOR, RdRecordEditor)

#define RD_CONTACT_EDITOR_SAVE_DELAY_MS 800

/* The store, the contact ("record"), saving and ::saved are RdRecordEditor's. */
GtkWidget  *rd_contact_editor_new              (void);
void        rd_contact_editor_focus_summary    (RdContactEditor  *self);

G_END_DECLS
