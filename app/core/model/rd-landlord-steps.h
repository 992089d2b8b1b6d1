/* rd-landlord-steps.h: what the landlord did about a reported repair or hazard, and when.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "rd-limit.h"

G_BEGIN_DECLS

/* Stored by key: never renumber, add at the end. */
typedef enum {
  RD_STEP_INVESTIGATED,          /* inspected or investigated: the investigation ended */
  RD_STEP_SUMMARY_GIVEN,         /*< nick=summary >*/ /* written findings reached the resident */
  RD_STEP_MADE_SAFE,             /* the work to make the home safe was done */
  RD_STEP_WORKS_STARTED,         /* the repair or further work physically began */
  RD_STEP_REPAIRED,              /* the repair was completed */
  RD_STEP_ALTERNATIVE_OFFERED,   /*< nick=alternative-accommodation >*/ /* somewhere else to stay */
  RD_STEP_N_STEPS /*< skip >*/
} RdLandlordStep;

/* Each step's moment; an unset moment (invalid date) is "not done, or not
 * known when". */
typedef struct {
  RdMoment at[RD_STEP_N_STEPS];
} RdLandlordSteps;

void        rd_landlord_steps_init      (RdLandlordSteps       *steps);
gboolean    rd_landlord_steps_is_empty  (const RdLandlordSteps *steps);
gboolean    rd_landlord_steps_equal     (const RdLandlordSteps *a,
                                         const RdLandlordSteps *b);
char       *rd_landlord_steps_to_key    (const RdLandlordSteps *steps);
gboolean    rd_landlord_steps_from_key  (const char            *text,
                                         RdLandlordSteps       *out,
                                         GError               **error);

const char *rd_landlord_step_to_key     (RdLandlordStep         step);
gboolean    rd_landlord_step_from_key   (const char            *key,
                                         RdLandlordStep        *out);
const char *rd_landlord_step_get_label  (RdLandlordStep         step);

char       *rd_moment_to_key            (const RdMoment        *moment);
gboolean    rd_moment_from_key          (const char            *text,
                                         RdMoment              *out);

G_END_DECLS
