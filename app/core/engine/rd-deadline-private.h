/* rd-deadline-private.h: the deadline's fields, filled in by the engine.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (RD_ENGINE_COMPILATION)
#error "rd-deadline-private.h belongs to app/core/engine/: include the folder's public headers instead."
#endif

#include "rd-deadline.h"

G_BEGIN_DECLS

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
  char             *explanation;
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

G_END_DECLS
