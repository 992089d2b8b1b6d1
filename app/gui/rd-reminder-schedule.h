/* rd-reminder-schedule.h: running `redress-cli remind` while Redress is closed, or not.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  RD_REMINDER_SCHEDULE_TIMER,      /* a systemd user timer, a few times a day */
  RD_REMINDER_SCHEDULE_AUTOSTART,  /* an XDG autostart entry, once at each login */
} RdReminderScheduleKind;

RdReminderScheduleKind rd_reminder_schedule_best_kind (void);
gboolean               rd_reminder_schedule_is_on     (void);
gboolean               rd_reminder_schedule_set       (RdReminderScheduleKind   kind,
                                                       gboolean                 on,
                                                       GError                 **error);

G_END_DECLS
