/* rd-case-deadlines.h: a case's records as the deadline engine's input, and its deadlines.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-case-facts.h"
#include "rd-deadline-engine.h"
#include "rd-incident.h"

G_BEGIN_DECLS

RdDeadlineInput  *rd_case_facts_build_deadline_input (RdCaseFacts  *facts);
RdDeadlineReport *rd_case_facts_compute_deadlines    (RdCaseFacts  *facts,
                                                      RdPolicy     *landlord,
                                                      const GDate  *today);

G_END_DECLS
