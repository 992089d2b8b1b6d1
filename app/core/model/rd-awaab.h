/* rd-awaab.h: the phases of Awaab's Law, which hazards each covers and from when.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rd-policy.h"

G_BEGIN_DECLS

typedef struct _RdAwaabPhase RdAwaabPhase;

guint               rd_awaab_get_n_phases            (void);
const RdAwaabPhase *rd_awaab_get_phase               (guint               index);
const RdAwaabPhase *rd_awaab_phase_for_hazard        (RdHazardLevel       hazard);

const char         *rd_awaab_phase_get_key           (const RdAwaabPhase *phase);
const char         *rd_awaab_phase_get_name          (const RdAwaabPhase *phase);
const GDate        *rd_awaab_phase_get_in_force      (const RdAwaabPhase *phase);
const char         *rd_awaab_phase_get_announced     (const RdAwaabPhase *phase);
const char         *rd_awaab_phase_get_sources       (const RdAwaabPhase *phase);
gboolean            rd_awaab_phase_covers            (const RdAwaabPhase *phase,
                                                      RdHazardLevel       hazard);
gboolean            rd_awaab_phase_in_force_on       (const RdAwaabPhase *phase,
                                                      const GDate        *day);

G_END_DECLS
