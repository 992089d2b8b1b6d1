/* rd-evidence-preview.h: drawing a photo or a PDF page for a preview, off the main thread.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

#include "rd-evidence.h"

G_BEGIN_DECLS

GdkPixbuf *rd_evidence_render_preview (RdEvidence    *evidence,
                                       const char    *password,
                                       int            page,
                                       int            size,
                                       int           *n_pages,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_END_DECLS
