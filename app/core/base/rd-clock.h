/* rd-clock.h: the one place Redress learns the time and the date.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RD_TYPE_CLOCK (rd_clock_get_type ())
G_DECLARE_FINAL_TYPE (RdClock, rd_clock, RD, CLOCK, GObject)

RdClock   *rd_clock_new          (void);
RdClock   *rd_clock_new_fixed    (GDateTime   *now);
RdClock   *rd_clock_new_from_env (const char  *variable,
                                  GError     **error);
RdClock   *rd_clock_get_default  (void);

GDateTime *rd_clock_dup_now      (RdClock     *self);
GDate     *rd_clock_dup_today    (RdClock     *self);
gint64     rd_clock_get_unix     (RdClock     *self);

void       rd_clock_set_fixed    (RdClock     *self,
                                  GDateTime   *now);
gboolean   rd_clock_is_fixed     (RdClock     *self);

G_END_DECLS
