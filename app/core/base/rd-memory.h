/* rd-memory.h: giving memory the C library keeps for reuse back to the system.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean rd_memory_give_back (void);

G_END_DECLS
