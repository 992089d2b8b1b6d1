/* rd-anonymise-private.h: the anonymiser's word lists, shared inside the core.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (RD_ENGINE_COMPILATION)
#error "rd-anonymise-private.h belongs to app/core/engine/: include the folder's public headers instead."
#endif

#include <glib.h>

G_BEGIN_DECLS

/* Each takes a key: lower case, accents removed (as the anonymiser makes them). */
gboolean _rd_anonymise_is_title       (const char *key);
gboolean _rd_anonymise_is_descriptive (const char *key);
gboolean _rd_anonymise_is_particle    (const char *key);
gboolean _rd_anonymise_is_common      (const char *key);

G_END_DECLS
