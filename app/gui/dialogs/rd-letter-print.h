/* rd-letter-print.h: a print operation that lays a letter's text out on pages.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RD_TYPE_LETTER_PRINT (rd_letter_print_get_type ())

G_DECLARE_FINAL_TYPE (RdLetterPrint, rd_letter_print, RD, LETTER_PRINT, GtkPrintOperation)

RdLetterPrint *rd_letter_print_new        (const char      *job_name,
                                           const char      *text);
void           rd_letter_print_run_dialog (RdLetterPrint   *self,
                                           GtkWindow       *parent,
                                           AdwToastOverlay *toasts);

G_END_DECLS
