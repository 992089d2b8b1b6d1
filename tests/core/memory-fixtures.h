/* memory-fixtures.h: what the C library holds of the memory the tests let go.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean fixture_arenas_apart          (void);
guint    fixture_main_arena_free_pieces (void);

G_END_DECLS
