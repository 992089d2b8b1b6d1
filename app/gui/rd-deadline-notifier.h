/* rd-deadline-notifier.h: desktop notifications when a deadline becomes overdue or is due next.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"

G_BEGIN_DECLS

#define RD_TYPE_DEADLINE_NOTIFIER (rd_deadline_notifier_get_type ())
G_DECLARE_FINAL_TYPE (RdDeadlineNotifier, rd_deadline_notifier, RD, DEADLINE_NOTIFIER, GObject)

RdDeadlineNotifier *rd_deadline_notifier_new        (GApplication       *application,
                                                     RdStore            *store,
                                                     GSettings          *settings);
void                rd_deadline_notifier_set_paused (RdDeadlineNotifier *self,
                                                     gboolean            paused);
void                rd_deadline_notifier_set_today  (RdDeadlineNotifier *self,
                                                     const GDate        *today);
guint               rd_deadline_notifier_check      (RdDeadlineNotifier *self);

G_END_DECLS
