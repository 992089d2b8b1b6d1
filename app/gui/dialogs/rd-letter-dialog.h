/* rd-letter-dialog.h: a letter written from the case, to read, change, copy and print.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"

G_BEGIN_DECLS

#define RD_TYPE_LETTER_DIALOG (rd_letter_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RdLetterDialog, rd_letter_dialog, RD, LETTER_DIALOG, AdwWindow)

RdLetterDialog *rd_letter_dialog_new      (GtkWindow      *parent,
                                           RdStore        *store,
                                           gint64          case_id,
                                           gint64          complaint_id,
                                           RdLetterKind    kind);
RdLetterDialog *rd_letter_dialog_new_for_text (GtkWindow  *parent,
                                           const char     *title,
                                           const char     *text);
char           *rd_letter_dialog_dup_text (RdLetterDialog *self);
void            rd_letter_dialog_copy     (RdLetterDialog *self);
void            rd_letter_dialog_print    (RdLetterDialog *self);
gboolean        rd_letter_dialog_print_to_pdf (RdLetterDialog *self,
                                           const char     *path,
                                           GError        **error);

G_END_DECLS
