/* rd-anonymise-private.h: the anonymiser's word lists and tokens, shared inside the engine.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (RD_ENGINE_COMPILATION)
#error "rd-anonymise-private.h belongs to app/core/engine/: include the folder's public headers instead."
#endif

#include <glib.h>

#include "rd-anonymise.h"

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

typedef enum {
  PATTERN_FULL,        /* the whole name: anywhere */
  PATTERN_PART,        /* a distinctive part: anywhere */
  PATTERN_TITLE_ONLY,  /* an everyday word: only after "Mr", "PC"… */
} PatternKind;

typedef struct
{
  GPtrArray   *words;  /* char* keys */
  GPtrArray   *seps;   /* char*, between the words, whitespace as one space */
  char        *trail;  /* text right after the last word that belongs to it: ")" */
  char        *alias;
  PatternKind  kind;
  GPtrArray   *surnames;  /* char*: of the parties whose surname this word is, each
                           * alias after 'm', 'f' or '?' (what their title says) */
} Pattern;

struct _RdAnonymiser
{
  GHashTable *aliases;   /* RdParty* → char* */
  GHashTable *patterns;  /* first word key → GPtrArray of Pattern*, longest first */
  GHashTable *by_sig;    /* signature → Pattern* (owns them) */
  GHashTable *excluded;  /* keys of words of people who are not third parties */
  GPtrArray  *others;    /* GPtrArray of keys: full names of those people */
  GPtrArray  *kept;      /* GPtrArray of keys: text never rewritten */
};

char      *_rd_anonymise_apply         (RdAnonymiser *self,
                                        const char   *text,
                                        gboolean      full_only,
                                        GArray       *spans);

G_END_DECLS
