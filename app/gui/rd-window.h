/* rd-window.h: the main Redress window.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"
#include "rd-deadline-notifier.h"
#include "rd-lock.h"

G_BEGIN_DECLS

#define RD_TYPE_WINDOW (rd_window_get_type ())
G_DECLARE_FINAL_TYPE (RdWindow, rd_window, RD, WINDOW, AdwApplicationWindow)

RdWindow  *rd_window_new        (GtkApplication *application,
                                 RdStore        *store,
                                 const GError   *store_error);
gboolean   rd_window_open_case  (RdWindow       *self,
                                 gint64          case_id,
                                 GError        **error);
RdCase    *rd_window_get_case   (RdWindow       *self);
RdDeadlineNotifier *rd_window_get_notifier (RdWindow *self);
RdStore   *rd_window_get_store  (RdWindow       *self);
GtkWidget *rd_window_get_page   (RdWindow       *self,
                                 const char     *name);
GtkWidget *rd_window_show_page  (RdWindow       *self,
                                 const char     *name);
GtkWidget *rd_window_get_visible_page (RdWindow *self);
void       rd_window_add_toast  (RdWindow       *self,
                                 const char     *message);
GtkWindow *rd_window_show_case_dialog (RdWindow *self,
                                       RdCase   *rcase);
RdLock    *rd_window_get_lock   (RdWindow       *self);
GtkShortcutsWindow *rd_window_get_help_overlay (RdWindow *self);
void       rd_window_show_cases (RdWindow       *self);
void       rd_window_close_case (RdWindow       *self);
void       rd_window_show_toast (RdWindow       *self,
                                 AdwToast       *toast);
void       rd_window_export_case_to   (RdWindow   *self,
                                       const char *path);
void       rd_window_import_case_from (RdWindow   *self,
                                       const char *path);

G_END_DECLS
