/* rd-test-notify.h: a stand-in for the desktop's notification service, for tests on their own session bus.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  char     *summary;
  char     *body;
  char     *desktop_entry;       /* the "desktop-entry" hint, or NULL */
  gboolean  has_default_action;
} RdTestNotification;

GPtrArray *rd_test_notify_serve (void);

G_END_DECLS
