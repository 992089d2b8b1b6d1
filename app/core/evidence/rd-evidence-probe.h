/* rd-evidence-probe.h: what Redress reads from an evidence file, without a store.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exported on purpose beyond evidence/: the fuzzing harness (tests/fuzz/)
 * feeds hostile files straight to the readers that adding evidence runs
 * (type, EXIF and HEIF dates, email, media length). Nothing else should
 * need it; rd-evidence-files.h is the folder's API.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *rd_evidence_probe_file (const char *path,
                              const char *name);

G_END_DECLS
