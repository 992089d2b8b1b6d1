/* rd-core.h: the one header GUI and CLI code include to reach the core.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-types.h"
#include "rd-datetime.h"
#include "rd-calendar.h"
#include "rd-limit.h"
#include "rd-policy.h"
#include "rd-deadline-input.h"
#include "rd-deadline.h"
#include "rd-deadline-engine.h"
#include "rd-events.h"
#include "rd-case.h"
#include "rd-incident.h"
#include "rd-incident-revision.h"
#include "rd-store.h"
#include "rd-party.h"
#include "rd-contact.h"
#include "rd-complaint.h"
#include "rd-complaint-event.h"
#include "rd-store-complaints.h"
#include "rd-sample.h"
#include "rd-case-facts.h"
#include "rd-case-json.h"
#include "rd-evidence.h"
#include "rd-store-evidence.h"
#include "rd-bundle.h"
