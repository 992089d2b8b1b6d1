/* rd-memory.h: memory given back to the system, and work's leavings kept apart.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean rd_memory_give_back (void);
gpointer rd_memory_run_apart (const char  *name,
                              GThreadFunc  func,
                              gpointer     data);

G_END_DECLS
