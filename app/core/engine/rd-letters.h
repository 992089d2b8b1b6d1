/* rd-letters.h: the letters Redress writes from a case's own facts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-case-facts.h"
#include "rd-dashboard.h"
#include "rd-letter.h"

G_BEGIN_DECLS

RdLetter *rd_letter_build (RdLetterKind  kind,
                           RdCaseFacts  *facts,
                           RdComplaint  *complaint,
                           RdDashboard  *dashboard);
gboolean  rd_letter_suggest (RdCaseFacts  *facts,
                             RdComplaint  *complaint,
                             RdDashboard  *dashboard,
                             RdLetterKind *kind);

G_END_DECLS
