/* rd-deadline-private.h: the deadline's fields, filled in by the engine.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (RD_ENGINE_COMPILATION)
#error "rd-deadline-private.h belongs to app/core/engine/: include the folder's public headers instead."
#endif

#include "rd-deadline.h"

G_BEGIN_DECLS

typedef struct _RdExplainRecipe RdExplainRecipe;

/* Writes a deadline's explanation from what it was made from. */
typedef char *(*RdExplainFunc) (RdDeadline            *deadline,
                                const RdExplainRecipe *recipe);

/* What the deadlines of one computation share to write their
 * explanations when asked, on any thread (g_atomic_rc_box): the day they
 * were judged on and the document language they were worked out in. */
typedef struct
{
  GDate  today;
  char  *language;  /* NULL: the interface's */
  gint   made;      /* explanations written from recipes so far, atomic */
} RdExplainWords;

/* What one deadline's explanation is made from, when it is made only
 * when asked: a case has tens of thousands of deadlines and the window
 * shows a few of their explanations. Its first sentence is the kind's
 * (@explain); the rest, how it went, comes from the deadline's fields. */
struct _RdExplainRecipe
{
  RdExplainFunc   explain;
  RdExplainWords *words;
  RdMoment        from;    /* what the limit counts from */
  RdMoment        also;    /* another moment the kind's sentence names: when a response was moved */
  RdLimit         limit;
  int             detail;  /* the kind's own: an ASB report's risk level, … */
  int             verb;    /* RdDoneVerb */
  char          **quoted;  /* the record's own words it quotes (a promise), or NULL */
};

struct _RdDeadline
{
  GObject           parent_instance;

  RdDeadlineKind    kind;
  RdDeadlineParty   party;
  RdDeadlineStatus  status;
  char             *title;
  gint64            group;
  guint             stage;
  RdMoment          due;
  RdMoment          done;            /* unset when it has not been done */
  int               working_days_late;
  int               days_late;
  gint64            minutes_late;
  gboolean          timed;
  /* For a limit in hours: the time of day it counts from was not
   * recorded, so it counts from the end of that day */
  gboolean          start_time_unknown;
  gboolean          working_hours;   /* the limit is in working hours */
  /* What it was worked out from: one to three records, so an array of its
   * own rather than a GArray, whose header took more than they do */
  RdDeadlineSource *sources;
  guint             n_sources;
  char             *explanation;     /* or made when first asked, from @recipe (atomic) */
  RdExplainRecipe  *recipe;          /* nullable */
  char             *next_step;
  char             *basis;
  /* For a repair or hazard: the landlord's step it asks for, and the
   * rules that set its limit, named for a sentence ("Awaab’s Law …") */
  RdLandlordStep    step;
  char             *rule;
  /* Its texts are GRefStrings shared with the other deadlines worked out
   * with it (_rd_deadline_share_texts()), no longer its own to free. */
  gboolean          texts_shared;
};

RdDeadline *_rd_deadline_new          (RdDeadlineKind   kind,
                                       RdDeadlineParty  party);
void        _rd_deadline_add_source   (RdDeadline      *self,
                                       const RdCaseEvent *event);
void        _rd_deadline_share_texts  (RdDeadline      *self,
                                       GHashTable      *texts);
void        _rd_deadline_explain_later (RdDeadline     *self,
                                       RdExplainFunc    explain,
                                       RdExplainWords  *words,
                                       const RdMoment  *from,
                                       const RdLimit   *limit,
                                       int              detail,
                                       int              verb);
void        _rd_deadline_quote        (RdDeadline      *self,
                                       const char      *first,
                                       const char      *second);

RdExplainWords *_rd_explain_words_new   (const GDate    *today);
RdExplainWords *_rd_explain_words_ref   (RdExplainWords *words);
void            _rd_explain_words_unref (RdExplainWords *words);

G_END_DECLS
