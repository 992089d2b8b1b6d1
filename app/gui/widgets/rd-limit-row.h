/* rd-limit-row.h: a row that edits one time limit ("10 working days") and compares it with the Code's.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"

G_BEGIN_DECLS

#define RD_TYPE_LIMIT_ROW (rd_limit_row_get_type ())
G_DECLARE_FINAL_TYPE (RdLimitRow, rd_limit_row, RD, LIMIT_ROW, AdwActionRow)

RdLimitRow    *rd_limit_row_new            (const char    *title);
void           rd_limit_row_get_limit      (RdLimitRow    *self,
                                            RdLimit       *limit);
void           rd_limit_row_set_limit      (RdLimitRow    *self,
                                            const RdLimit *limit);
void           rd_limit_row_set_reference  (RdLimitRow    *self,
                                            const RdLimit *code_limit);
void           rd_limit_row_set_description (RdLimitRow   *self,
                                            const char    *description);
gboolean       rd_limit_row_get_is_longer  (RdLimitRow    *self);
GtkSpinButton *rd_limit_row_get_amount_button (RdLimitRow *self);
GtkDropDown   *rd_limit_row_get_unit_dropdown (RdLimitRow *self);

G_END_DECLS
