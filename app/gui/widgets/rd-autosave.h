/* rd-autosave.h: writes a form a moment after typing pauses, and at once when it must.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  RD_AUTOSAVE_WRITTEN,  /* written; nothing is pending any more */
  RD_AUTOSAVE_FAILED,   /* not written; the error says why */
  RD_AUTOSAVE_HELD,     /* not written yet and still pending; the form said why */
} RdAutosaveResult;

/* Writes the form's pending changes; @form is the widget given to
 * rd_autosave_new(). */
typedef RdAutosaveResult (*RdAutosaveWriteFunc) (GtkWidget  *form,
                                                 GError    **error);

#define RD_TYPE_AUTOSAVE (rd_autosave_get_type ())
G_DECLARE_FINAL_TYPE (RdAutosave, rd_autosave, RD, AUTOSAVE, GObject)

RdAutosave *rd_autosave_new        (GtkWidget            *form,
                                    GtkLabel             *status_label,
                                    guint                 delay_ms,
                                    RdAutosaveWriteFunc   write_func);
void        rd_autosave_changed    (RdAutosave           *self);
gboolean    rd_autosave_flush      (RdAutosave           *self,
                                    GError              **error);
void        rd_autosave_discard    (RdAutosave           *self);
void        rd_autosave_hold_close (RdAutosave           *self,
                                    const char           *message,
                                    GtkWidget            *focus);
void        rd_autosave_finish     (RdAutosave           *self);
gboolean    rd_autosave_is_pending (RdAutosave           *self);
gboolean    rd_autosave_is_saving  (RdAutosave           *self);

G_END_DECLS
