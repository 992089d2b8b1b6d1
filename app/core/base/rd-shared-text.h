/* rd-shared-text.h: one copy of a text said many times, shared by reference.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GHashTable *rd_shared_texts_new  (void);
char       *rd_shared_texts_take (GHashTable *texts,
                                  char       *text);

G_END_DECLS
