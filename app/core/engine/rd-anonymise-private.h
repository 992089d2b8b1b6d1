/* rd-anonymise-private.h: the anonymiser's word lists and tokens, shared inside the engine.
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
gboolean _rd_anonymise_is_relation    (const char *key);
gboolean _rd_anonymise_is_determiner  (const char *key);
char     _rd_anonymise_title_gender   (const char *key);

/* rd-anonymise-tokens.c: a text as words and the gaps between them. */
typedef struct
{
  const char *start;
  gsize       len;
  char       *key;        /* NULL for what lies between words */
  gboolean    kept;
} RdAnonToken;

char      *_rd_anonymise_make_key      (const char *s,
                                        gssize      len);
char      *_rd_anonymise_normalise_gap (const char *s,
                                        gsize       len);
GArray    *_rd_anonymise_tokenise      (const char *text);
GPtrArray *_rd_anonymise_word_keys     (const char *text);
gboolean   _rd_anonymise_has_digit     (const char *key);
gboolean   _rd_anonymise_relation_at   (GArray     *tokens,
                                        guint       i);
void       _rd_anonymise_mark_kept     (GArray     *tokens,
                                        GPtrArray  *keys);

G_END_DECLS
