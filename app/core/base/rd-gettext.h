/* rd-gettext.h: `_()` for the core, in a document's language when one is set.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every C file of app/core includes this header instead of
 * <glib/gi18n-lib.h> (check-layers.py makes sure): its `_()`, `C_()`,
 * rd_ngettext() and rd_npgettext() follow rd_i18n_push_language(), and
 * UI_() marks a message for the person at the computer (progress, an
 * error) that never goes into a document.
 * Not for headers, nor for the GUI and the CLI, which include gi18n.h.
 */
#pragma once

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rd-i18n.h"

#undef _
#define _(String) rd_gettext (String)
#undef C_
#define C_(Context, String) rd_pgettext (Context "\004" String, strlen (Context) + 1)
#define UI_(String) g_dgettext (GETTEXT_PACKAGE, String)
/* rd_ngettext() with a context, for words whose form depends on where
 * they stand */
#define rd_npgettext(Context, Singular, Plural, N) \
  rd_npgettext_joined (Context "\004" Singular, strlen (Context) + 1, Plural, N)
