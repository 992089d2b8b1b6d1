/* rd-memory.h: memory given back to the system, work kept apart, freed off the main thread, no slices.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean rd_memory_give_back              (void);
gpointer rd_memory_run_apart              (const char     *name,
                                           GThreadFunc     func,
                                           gpointer        data);
void     rd_memory_let_go_elsewhere       (gpointer        data,
                                           GDestroyNotify  destroy);
void     rd_memory_restart_without_slices (char          **argv);

G_END_DECLS
