/* rd-deadline-engine-private.h: what the parts of the deadline engine share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (RD_ENGINE_COMPILATION)
#error "rd-deadline-engine-private.h belongs to app/core/engine/: include the folder's public headers instead."
#endif

#include "rd-deadline-engine.h"
#include "rd-deadline-private.h"

G_BEGIN_DECLS

/* The engine writes sentences for thousands of deadlines at a time, and
 * gettext reads the environment on every call: each message is looked up
 * once per run instead (the interface never changes language while it
 * runs; a document's language bypasses this). Include this header after
 * "rd-i18n.h". */
const char *_rd_engine_gettext (const char *msgid) G_GNUC_FORMAT (1);
#undef _
#define _(String) _rd_engine_gettext (String)

/* How the sentence about what happened reads. */
typedef enum {
  RD_DONE_ARRIVED,    /* "It arrived on …" */
  RD_DONE_DONE,       /* "It was done on …" */
  RD_DONE_CONTACTED,  /* "The landlord was next in touch on …" */
  RD_DONE_THEY_CONTACTED, /* "They were next in touch on …" (someone other than the landlord) */
  RD_DONE_ASKED,      /* "You asked on …" */
  RD_DONE_REFERRED,   /* "You referred it on …" */
} RdDoneVerb;

/* How it was done against its due day (rd-deadline-engine-outcome.c). */
typedef enum {
  RD_DONE_HOW_LATE,        /* working days after the due day */
  RD_DONE_HOW_AFTER_DUE,   /* after the due day, but no working day late */
  RD_DONE_HOW_EARLY,       /* working days before the due day */
  RD_DONE_HOW_IN_TIME,
  RD_DONE_HOW_ON_THE_DAY,
} RdDoneHow;

char *_rd_engine_done_sentence    (RdDoneVerb  verb,
                                   RdDoneHow   how,
                                   const char *when,
                                   int         n);
char *_rd_engine_unknown_start_sentence (const RdLimit  *limit,
                                         const RdMoment *from,
                                         gboolean        from_report);
char *_rd_engine_done_late_by     (RdDoneVerb  verb,
                                   const char *when,
                                   const char *duration);
char *_rd_engine_overdue_sentence (RdDoneVerb  verb,
                                   const char *today,
                                   int         n,
                                   gboolean    working);

typedef struct {
  const RdDeadlineInput *input;
  RdPolicy              *landlord;     /* nullable */
  GDate                  today;
  GPtrArray             *deadlines;    /* RdDeadline */
  GPtrArray             *notes;        /* char *, no duplicates */
  GPtrArray             *contacts;     /* const RdCaseEvent *, by time, with anyone */
  GPtrArray             *from_contacts;/* the landlord's contacts with the resident, by time */
  GHashTable            *note_set;     /* the notes' texts, to drop repeats */
  GHashTable            *words;        /* moment key → its long form, formatted once */
  GHashTable            *by_group;     /* group → GPtrArray of its events, in the input's order */
  GHashTable            *from_party;   /* party → its contacts with the resident, by time */
  RdExplainWords        *explain_words; /* for the explanations written when asked */
} RdEngine;

void         _rd_engine_note            (RdEngine             *engine,
                                         const char           *format,
                                         ...) G_GNUC_PRINTF (2, 3);
const RdOfficeHours *_rd_engine_office  (RdEngine             *engine);
gboolean     _rd_engine_due             (RdEngine             *engine,
                                         const RdLimit        *limit,
                                         const RdMoment       *from,
                                         RdMoment             *due);
void         _rd_engine_finish          (RdEngine             *engine,
                                         RdDeadline           *deadline,
                                         const RdLimit        *limit,
                                         const char           *how_due,
                                         RdDoneVerb            verb);
void         _rd_engine_finish_later    (RdEngine             *engine,
                                         RdDeadline           *deadline,
                                         const RdLimit        *limit,
                                         const RdMoment       *from,
                                         RdExplainFunc         explain,
                                         int                   detail,
                                         RdDoneVerb            verb);
char        *_rd_engine_explain         (RdDeadline           *deadline,
                                         const RdExplainRecipe *recipe,
                                         const char           *how_due);
gboolean     _rd_deadline_is_past       (RdDeadline           *deadline,
                                         const GDate          *today);
const RdCaseEvent *_rd_engine_next_from_contact (RdEngine     *engine,
                                         const RdMoment       *after);
const char  *_rd_engine_when            (RdEngine             *engine,
                                         const RdMoment       *moment);
const char  *_rd_engine_day             (RdEngine             *engine,
                                         const GDate          *date);
const char  *_rd_engine_on              (RdEngine             *engine,
                                         const RdMoment       *moment);
const char  *_rd_engine_on_day          (RdEngine             *engine,
                                         const GDate          *date);

gboolean     _rd_engine_is_past         (RdEngine             *engine,
                                         const RdMoment       *due,
                                         const RdMoment       *done);
void         _rd_engine_set_generic_next_step (RdEngine       *engine,
                                         RdDeadline           *d,
                                         const char           *when_missing);

gboolean     _rd_engine_in_wales        (RdEngine             *engine);
RdPolicy    *_rd_engine_code_for_date   (RdEngine             *engine,
                                         const GDate          *date);

void         _rd_engine_complaints      (RdEngine             *engine);
void         _rd_engine_contacts        (RdEngine             *engine);
void         _rd_engine_reports         (RdEngine             *engine);
void         _rd_engine_hazard_deadlines (RdEngine            *engine,
                                         const RdCaseEvent    *report);
const RdCaseEvent *_rd_engine_first_step (RdEngine            *engine,
                                         RdCaseEventType       type,
                                         gint64                report);
const RdCaseEvent *_rd_engine_first_of  (RdEngine             *engine,
                                         gint64                report,
                                         RdCaseEventType       type_a,
                                         RdCaseEventType       type_b,
                                         RdCaseEventType       type_c);
void         _rd_engine_routes          (RdEngine             *engine);
gboolean     _rd_engine_route_is_lgsco  (RdEngine             *engine,
                                         gint64                complaint_id);
void         _rd_engine_complaint_time_limit (RdEngine        *engine);

RdExplainWords *_rd_deadline_report_get_explain_words (RdDeadlineReport *report);

G_END_DECLS
