/* bench-first-frame.h: what bench-startup's children share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void bench_first_frame_watch          (GApplication *app);
void bench_first_frame_bare_window_cb (GApplication *app,
                                       gpointer      user_data);

G_END_DECLS
