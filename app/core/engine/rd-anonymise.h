/* rd-anonymise.h: third parties printed as "Neighbour A", "Officer B" in what Redress writes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "rd-types.h"

G_BEGIN_DECLS

typedef struct _RdAnonymiser RdAnonymiser;

/* Where a third party's name lies in a text: bytes @start … @end - 1. */
typedef struct
{
  gsize start;
  gsize end;
} RdAnonSpan;

RdAnonymiser *rd_anonymiser_new          (GPtrArray    *parties);
RdAnonymiser *rd_anonymiser_new_for_case (RdCase       *rcase,
                                          GPtrArray    *parties);
void          rd_anonymiser_free         (RdAnonymiser *self);
void          rd_anonymiser_keep         (RdAnonymiser *self,
                                          const char   *text);
char         *rd_anonymiser_apply        (RdAnonymiser *self,
                                          const char   *text);
const char   *rd_anonymiser_get_alias    (RdAnonymiser *self,
                                          RdParty      *party);
GArray       *rd_anonymiser_find_names   (RdAnonymiser *self,
                                          const char   *text);
GPtrArray    *rd_anonymiser_dup_key      (RdAnonymiser *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdAnonymiser, rd_anonymiser_free)

G_END_DECLS
