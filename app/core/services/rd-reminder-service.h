/* rd-reminder-service.h: which deadline alerts are new, and the words of their notifications.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rd-store.h"

G_BEGIN_DECLS

/* More new reminders than this at once become one summary. */
#define RD_REMINDERS_MAX_SINGLE 3

/* The id of the one notification that stands for many. */
#define RD_REMINDERS_SUMMARY_ID "deadlines-summary"

/* How much of a case a reminder may show. */
typedef enum {
  RD_REMINDER_DETAILS,   /* the case's title and the deadline's words */
  RD_REMINDER_PRIVATE,   /* only that a deadline in one of the cases needs attention */
} RdReminderWording;

/* One desktop notification about one deadline, or a summary of several. */
typedef struct
{
  char   *id;         /* the same for one deadline in one state, whoever sends it */
  char   *title;
  char   *body;
  char   *data_dir;   /* the data folder of the case; NULL for a summary */
  gint64  case_id;    /* 0 for a summary */
  gboolean overdue;
} RdReminder;

void           rd_reminder_free               (RdReminder        *reminder);
GPtrArray     *rd_reminders_take_new          (GSettings         *settings,
                                               RdStore           *store,
                                               GPtrArray         *alerts,
                                               RdReminderWording  wording);
void           rd_reminders_take_new_async    (GSettings           *settings,
                                               RdStore             *store,
                                               GPtrArray           *alerts,
                                               RdReminderWording    wording,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GPtrArray     *rd_reminders_take_new_finish   (GAsyncResult        *result,
                                               GError             **error);
GPtrArray     *rd_reminders_summarise         (GPtrArray         *reminders);
GNotification *rd_reminder_new_notification   (const RdReminder  *reminder);

GStrv          rd_data_folders_list           (GSettings         *settings);
void           rd_data_folders_note           (GSettings         *settings,
                                               const char        *data_dir);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdReminder, rd_reminder_free)

G_END_DECLS
