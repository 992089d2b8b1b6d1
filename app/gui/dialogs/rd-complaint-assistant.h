/* rd-complaint-assistant.h: "Start a complaint", step by step, for a first-time resident.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"
#include "rd-store-dialog.h"

G_BEGIN_DECLS

#define RD_TYPE_COMPLAINT_ASSISTANT (rd_complaint_assistant_get_type ())
G_DECLARE_FINAL_TYPE (RdComplaintAssistant, rd_complaint_assistant, RD, COMPLAINT_ASSISTANT,
                      RdStoreDialog)

typedef enum {
  RD_ASSISTANT_STEP_POINTS,
  RD_ASSISTANT_STEP_INCIDENTS,
  RD_ASSISTANT_STEP_TOLD,
  RD_ASSISTANT_STEP_OUTCOMES,
  RD_ASSISTANT_STEP_LETTER,
  RD_ASSISTANT_N_STEPS
} RdAssistantStep;

RdComplaintAssistant *rd_complaint_assistant_new        (GtkWindow            *parent,
                                                         RdStore              *store,
                                                         RdCase               *rcase);
RdComplaintAssistant *rd_complaint_assistant_open       (GtkWindow            *parent,
                                                         RdStore              *store,
                                                         RdCase               *rcase);
RdAssistantStep       rd_complaint_assistant_get_step   (RdComplaintAssistant *self);
gboolean              rd_complaint_assistant_next       (RdComplaintAssistant *self);
void                  rd_complaint_assistant_back       (RdComplaintAssistant *self);
char                 *rd_complaint_assistant_dup_letter (RdComplaintAssistant *self);
RdComplaint          *rd_complaint_assistant_finish     (RdComplaintAssistant *self,
                                                         GError              **error);

G_END_DECLS
