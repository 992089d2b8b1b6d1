/* rd-case-bundle-check.h: what is checked before a case's bundle is made: anonymising, layouts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Apart from rd-case-bundle.h so that what includes that (the whole
 * window) need not follow these.
 */
#pragma once

#include "rd-case-bundle.h"

G_BEGIN_DECLS

GArray    *rd_case_bundle_list_unchecked      (RdStore                   *store,
                                               gint64                     case_id,
                                               const RdCaseBundleOptions *options,
                                               GError                   **error);
char      *rd_case_bundle_format_exhibits     (GArray                    *numbers);
gboolean   rd_case_bundle_write_anonymise_key (RdStore                   *store,
                                               gint64                     case_id,
                                               const char                *path,
                                               GError                   **error);
gboolean   rd_case_bundle_check_layout        (RdStore                   *store,
                                               gint64                     case_id,
                                               RdBundleLayout            *layout,
                                               GError                   **error);

G_END_DECLS
