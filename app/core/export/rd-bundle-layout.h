/* rd-bundle-layout.h: a bundle's lettered sections and what goes in each.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What Redress writes itself, as a layout's contents name it. */
#define RD_LAYOUT_LETTER           "letter"
#define RD_LAYOUT_WHAT_WENT_WRONG  "what-went-wrong"
#define RD_LAYOUT_CHRONOLOGY       "chronology"

typedef struct _RdBundleLayout RdBundleLayout;

RdBundleLayout *rd_bundle_layout_new_default   (void);
RdBundleLayout *rd_bundle_layout_new_from_json (const char      *json,
                                                GError         **error);
void            rd_bundle_layout_free          (RdBundleLayout  *layout);
guint           rd_bundle_layout_get_n_sections (RdBundleLayout *layout);
const char     *rd_bundle_layout_get_letter    (RdBundleLayout  *layout,
                                                guint            section);
char           *rd_bundle_layout_dup_title     (RdBundleLayout  *layout,
                                                guint            section);
guint           rd_bundle_layout_place         (RdBundleLayout  *layout,
                                                const char      *item,
                                                const char      *default_letter,
                                                guint           *rank);
void            rd_bundle_layout_set_contents  (RdBundleLayout  *layout,
                                                guint            section,
                                                const char * const *items);
char           *rd_bundle_layout_to_json       (RdBundleLayout  *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdBundleLayout, rd_bundle_layout_free)

G_END_DECLS
