/* rd-letters-private.h: sections shared by the letters of rd-letters.c.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (RD_ENGINE_COMPILATION)
#error "rd-letters-private.h belongs to app/core/engine/: include the folder's public headers instead."
#endif

#include "rd-letters.h"

G_BEGIN_DECLS

guint _rd_letters_add_repairs (RdLetter    *letter,
                               RdCaseFacts *facts,
                               RdDashboard *dashboard,
                               const char  *heading);

guint _rd_letters_add_incidents     (RdLetter    *letter,
                                     RdCaseFacts *facts,
                                     RdComplaint *complaint,
                                     const char  *heading);
void  _rd_letters_add_told_landlord (RdLetter    *letter,
                                     RdCaseFacts *facts,
                                     const GDate *before);
void  _rd_letters_add_remedies      (RdLetter    *letter,
                                     RdDashboard *dashboard,
                                     const char  *heading);

G_END_DECLS
