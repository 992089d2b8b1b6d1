/* rd-deadline.c: one deadline worked out from a case's events, and how it went.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-deadline"

#include "config.h"

#include "rd-gettext.h"

#include "rd-datetime.h"
#include "rd-i18n.h"
#include "rd-shared-text.h"

#include "rd-deadline-private.h"

G_DEFINE_FINAL_TYPE (RdDeadline, rd_deadline, G_TYPE_OBJECT)

/* The texts a deadline keeps, so that each is freed, or shared, alike. */
#define N_TEXTS 5

static void
get_texts (RdDeadline *self,
           char      **texts[N_TEXTS])
{
  texts[0] = &self->title;
  texts[1] = &self->explanation;
  texts[2] = &self->next_step;
  texts[3] = &self->basis;
  texts[4] = &self->rule;
}

static void
rd_deadline_finalize (GObject *object)
{
  RdDeadline *self = (RdDeadline *) object;
  char **texts[N_TEXTS];

  get_texts (self, texts);
  for (guint i = 0; i < N_TEXTS; i++)
    {
      if (self->texts_shared)
        g_clear_pointer (texts[i], g_ref_string_release);
      else
        g_clear_pointer (texts[i], g_free);
    }
  g_clear_pointer (&self->sources, g_free);
  if (self->recipe != NULL)
    {
      _rd_explain_words_unref (self->recipe->words);
      g_strfreev (self->recipe->quoted);
    }
  g_clear_pointer (&self->recipe, g_free);

  G_OBJECT_CLASS (rd_deadline_parent_class)->finalize (object);
}

static void
rd_deadline_class_init (RdDeadlineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_deadline_finalize;
}

static void
rd_deadline_init (RdDeadline *self)
{
  g_date_clear (&self->due.date, 1);
  g_date_clear (&self->done.date, 1);
  self->due.minute = self->done.minute = -1;
  self->step = RD_STEP_N_STEPS;
}

RdDeadline *
_rd_deadline_new (RdDeadlineKind  kind,
                  RdDeadlineParty party)
{
  RdDeadline *self = g_object_new (RD_TYPE_DEADLINE, NULL);

  self->kind = kind;
  self->party = party;
  return self;
}

void
_rd_deadline_add_source (RdDeadline        *self,
                         const RdCaseEvent *event)
{
  RdDeadlineSource source;

  if (event == NULL)
    return;
  for (guint i = 0; i < self->n_sources; i++)
    {
      const RdDeadlineSource *s = &self->sources[i];

      if (s->type == event->type && s->id == event->id)
        return;
    }
  source.type = event->type;
  source.id = event->id;
  self->sources = g_renew (RdDeadlineSource, self->sources, self->n_sources + 1);
  self->sources[self->n_sources++] = source;
}

/**
 * _rd_deadline_share_texts:
 * @texts: a table from rd_shared_texts_new(), for the deadlines worked out
 *   together
 *
 * Makes the deadline's texts GRefStrings, the same one for the same words
 * as every other deadline shared through @texts. A case of years of
 * repairs has tens of thousands of deadlines, and most of their titles,
 * bases, rules and next steps are a few sentences repeated ("Your
 * landlord's own policy"); What Next keeps them all for as long as the
 * case is open. Call it once the deadline is finished: its texts do not
 * change after.
 */
void
_rd_deadline_share_texts (RdDeadline *self,
                          GHashTable *texts)
{
  char **fields[N_TEXTS];

  g_return_if_fail (RD_IS_DEADLINE (self));
  g_return_if_fail (!self->texts_shared);

  get_texts (self, fields);
  for (guint i = 0; i < N_TEXTS; i++)
    *fields[i] = rd_shared_texts_take (texts, *fields[i]);
  self->texts_shared = TRUE;
}

/* @today: the day the deadlines are judged on; the language is this thread's now. */
RdExplainWords *
_rd_explain_words_new (const GDate *today)
{
  RdExplainWords *words = g_atomic_rc_box_new0 (RdExplainWords);

  words->today = *today;
  words->language = g_strdup (rd_i18n_get_document_language ());
  return words;
}

RdExplainWords *
_rd_explain_words_ref (RdExplainWords *words)
{
  return g_atomic_rc_box_acquire (words);
}

static void
explain_words_clear (gpointer data)
{
  RdExplainWords *words = data;

  g_free (words->language);
}

void
_rd_explain_words_unref (RdExplainWords *words)
{
  g_atomic_rc_box_release_full (words, explain_words_clear);
}

/**
 * _rd_deadline_explain_later:
 * @explain: writes the explanation from the recipe, once the deadline is finished
 * @words: shared by the deadlines worked out together
 * @from: (nullable): what the limit counts from
 * @limit: (nullable): the limit that gave the due date
 *
 * Keeps what the explanation is made from instead of the explanation:
 * rd_deadline_get_explanation() writes it the first time it is asked for.
 */
void
_rd_deadline_explain_later (RdDeadline     *self,
                            RdExplainFunc   explain,
                            RdExplainWords *words,
                            const RdMoment *from,
                            const RdLimit  *limit,
                            int             detail,
                            int             verb)
{
  RdExplainRecipe *recipe;

  g_return_if_fail (RD_IS_DEADLINE (self));
  g_return_if_fail (explain != NULL && words != NULL);
  g_return_if_fail (self->recipe == NULL);

  recipe = g_new0 (RdExplainRecipe, 1);
  recipe->explain = explain;
  recipe->words = _rd_explain_words_ref (words);
  if (from != NULL)
    recipe->from = *from;
  else
    {
      g_date_clear (&recipe->from.date, 1);
      recipe->from.minute = -1;
    }
  if (limit != NULL)
    recipe->limit = *limit;
  recipe->detail = detail;
  recipe->verb = verb;
  g_clear_pointer (&self->explanation, g_free);
  self->recipe = recipe;
}

/**
 * _rd_deadline_quote:
 * @first: words of the record the explanation quotes
 * @second: (nullable): more of them
 *
 * Keeps, for an explanation written later (_rd_deadline_explain_later()),
 * the words of the record it quotes, which the deadline does not hold
 * otherwise: what was promised, and who promised it.
 */
void
_rd_deadline_quote (RdDeadline *self,
                    const char *first,
                    const char *second)
{
  g_return_if_fail (RD_IS_DEADLINE (self));
  g_return_if_fail (self->recipe != NULL && self->recipe->quoted == NULL);
  g_return_if_fail (first != NULL);

  self->recipe->quoted = g_new0 (char *, 3);
  self->recipe->quoted[0] = g_strdup (first);
  self->recipe->quoted[1] = g_strdup (second);
}

/* The explanation from the recipe, in the language the deadline was
 * worked out in, whatever this thread's. */
static char *
write_explanation (RdDeadline *self)
{
  const RdExplainRecipe *recipe = self->recipe;
  char *previous;
  char *text;

  if (g_strcmp0 (recipe->words->language, rd_i18n_get_document_language ()) == 0)
    return recipe->explain (self, recipe);
  previous = rd_i18n_push_language (recipe->words->language);
  text = recipe->explain (self, recipe);
  rd_i18n_pop_language (previous);
  return text;
}

RdDeadlineKind
rd_deadline_get_kind (RdDeadline *self)
{
  g_return_val_if_fail (RD_IS_DEADLINE (self), 0);
  return self->kind;
}

/**
 * rd_deadline_get_party:
 *
 * Returns: who must act: the landlord, or the resident (asking for the next
 *   stage, going to the Ombudsman)
 */
RdDeadlineParty
rd_deadline_get_party (RdDeadline *self)
{
  g_return_val_if_fail (RD_IS_DEADLINE (self), 0);
  return self->party;
}

RdDeadlineStatus
rd_deadline_get_status (RdDeadline *self)
{
  g_return_val_if_fail (RD_IS_DEADLINE (self), 0);
  return self->status;
}

/**
 * rd_deadline_get_title:
 *
 * Returns: what is due, "Stage 1 response"
 */
const char *
rd_deadline_get_title (RdDeadline *self)
{
  g_return_val_if_fail (RD_IS_DEADLINE (self), NULL);
  return self->title;
}

/**
 * rd_deadline_get_group:
 *
 * Returns: the complaint's id for complaint deadlines, the report's id for
 *   repairs, hazards and ASB reports, the contact's id for promises and
 *   rules
 */
gint64
rd_deadline_get_group (RdDeadline *self)
{
  g_return_val_if_fail (RD_IS_DEADLINE (self), 0);
  return self->group;
}

/**
 * rd_deadline_get_stage:
 *
 * Returns: the complaint stage, or 0 for deadlines that are not about a stage
 */
guint
rd_deadline_get_stage (RdDeadline *self)
{
  g_return_val_if_fail (RD_IS_DEADLINE (self), 0);
  return self->stage;
}

/**
 * rd_deadline_get_due:
 *
 * Returns: (transfer none): when it is due: the end of that day, or a time
 *   of day for limits counted in hours
 */
const RdMoment *
rd_deadline_get_due (RdDeadline *self)
{
  g_return_val_if_fail (RD_IS_DEADLINE (self), NULL);
  return &self->due;
}

/**
 * rd_deadline_get_done:
 *
 * Returns: (transfer none): when it was done (rd_moment_is_set() is %FALSE
 *   while it has not been)
 */
const RdMoment *
rd_deadline_get_done (RdDeadline *self)
{
  g_return_val_if_fail (RD_IS_DEADLINE (self), NULL);
  return &self->done;
}

/**
 * rd_deadline_get_working_days_late:
 *
 * Returns: working days late (positive), early (negative) or 0; for a
 *   deadline not yet done and overdue, how late it is today. Counted the
 *   Ombudsman's way: day 1 is the first working day after the due date.
 */
int
rd_deadline_get_working_days_late (RdDeadline *self)
{
  g_return_val_if_fail (RD_IS_DEADLINE (self), 0);
  return self->working_days_late;
}

/**
 * rd_deadline_get_days_late:
 *
 * Returns: like rd_deadline_get_working_days_late(), in calendar days
 */
int
rd_deadline_get_days_late (RdDeadline *self)
{
  g_return_val_if_fail (RD_IS_DEADLINE (self), 0);
  return self->days_late;
}

/**
 * rd_deadline_get_minutes_late:
 *
 * Returns: for limits counted in hours, how many minutes late (negative:
 *   early), in the limit's own kind of hours; 0 otherwise
 */
gint64
rd_deadline_get_minutes_late (RdDeadline *self)
{
  g_return_val_if_fail (RD_IS_DEADLINE (self), 0);
  return self->minutes_late;
}

gboolean
rd_deadline_get_is_timed (RdDeadline *self)
{
  g_return_val_if_fail (RD_IS_DEADLINE (self), FALSE);
  return self->timed;
}

/**
 * rd_deadline_get_start_time_unknown:
 *
 * Returns: %TRUE for a limit counted in hours whose start (the report) has
 *   no time of day recorded: it was counted from the end of that day
 */
gboolean
rd_deadline_get_start_time_unknown (RdDeadline *self)
{
  g_return_val_if_fail (RD_IS_DEADLINE (self), FALSE);
  return self->timed && self->start_time_unknown;
}

/**
 * rd_deadline_get_hours_late:
 * @minutes: (out): how many minutes late, exactly or at least
 * @exact: (out): %TRUE when @minutes is exact
 *
 * For a limit counted in clock hours (Awaab's Law's 24 hours) that was met
 * late: how late. When the time it was done is known, @minutes is
 * rd_deadline_get_minutes_late(); when only its day is known, @minutes is
 * counted to the start of that day, the least it can have been.
 *
 * Returns: %TRUE for a limit in clock hours done late; %FALSE otherwise
 *   (working hours, days, not done, not late), with @minutes 0
 */
gboolean
rd_deadline_get_hours_late (RdDeadline *self,
                            gint64     *minutes,
                            gboolean   *exact)
{
  g_return_val_if_fail (RD_IS_DEADLINE (self), FALSE);
  g_return_val_if_fail (minutes != NULL, FALSE);
  g_return_val_if_fail (exact != NULL, FALSE);

  *minutes = 0;
  *exact = FALSE;
  if (!self->timed || self->working_hours || self->status != RD_DEADLINE_MISSED ||
      !rd_moment_is_set (&self->done) || self->due.minute < 0)
    return FALSE;
  if (self->done.minute >= 0)
    {
      *minutes = MAX (self->minutes_late, 0);
      *exact = TRUE;
    }
  else
    {
      /* From the due time to the start of the day it was done, in real
       * time (a night the clocks change is an hour shorter or longer) */
      g_autoptr(GDateTime) due = rd_datetime_new_local (g_date_get_year (&self->due.date),
                                                        g_date_get_month (&self->due.date),
                                                        g_date_get_day (&self->due.date),
                                                        self->due.minute / 60,
                                                        self->due.minute % 60, 0);
      g_autoptr(GDateTime) day = rd_datetime_new_local (g_date_get_year (&self->done.date),
                                                        g_date_get_month (&self->done.date),
                                                        g_date_get_day (&self->done.date), 0, 0, 0);

      if (due != NULL && day != NULL)
        *minutes = MAX (g_date_time_difference (day, due) / G_TIME_SPAN_MINUTE, 0);
    }
  return TRUE;
}

guint
rd_deadline_get_n_sources (RdDeadline *self)
{
  g_return_val_if_fail (RD_IS_DEADLINE (self), 0);
  return self->n_sources;
}

/**
 * rd_deadline_get_source:
 *
 * Returns: (transfer none): one of the records the deadline comes from
 *   (what started the clock, what moved it, what stopped it)
 */
const RdDeadlineSource *
rd_deadline_get_source (RdDeadline *self,
                        guint       index)
{
  g_return_val_if_fail (RD_IS_DEADLINE (self), NULL);
  g_return_val_if_fail (index < self->n_sources, NULL);
  return &self->sources[index];
}

/**
 * rd_deadline_get_explanation:
 *
 * Explanations are written the first time they are asked for, on any
 * thread, and kept: a long diary gives tens of thousands of deadlines, and
 * the window shows a few explanations. Only the landlord's response at a
 * stage of a complaint (one a stage, its words made from the extensions
 * the engine checked) is written as it is worked out.
 *
 * Returns: the deadline in plain words, with weekdays: when it was due, how
 *   that date was worked out, and what happened
 */
const char *
rd_deadline_get_explanation (RdDeadline *self)
{
  char *text;

  g_return_val_if_fail (RD_IS_DEADLINE (self), NULL);

  text = g_atomic_pointer_get (&self->explanation);
  if (text != NULL || self->recipe == NULL)
    return text;
  text = write_explanation (self);
  if (self->texts_shared)
    {
      char *shared = g_ref_string_new (text);

      g_free (text);
      text = shared;
    }
  if (g_atomic_pointer_compare_and_exchange (&self->explanation, NULL, text))
    {
      g_atomic_int_inc (&self->recipe->words->made);
      return text;
    }
  /* Another thread wrote it first. */
  if (self->texts_shared)
    g_ref_string_release (text);
  else
    g_free (text);
  return g_atomic_pointer_get (&self->explanation);
}

/**
 * rd_deadline_get_next_step:
 *
 * Returns: one suggested next step for the resident
 */
const char *
rd_deadline_get_next_step (RdDeadline *self)
{
  g_return_val_if_fail (RD_IS_DEADLINE (self), NULL);
  return self->next_step;
}

/**
 * rd_deadline_get_basis:
 *
 * Returns: the rules the limit comes from, "Complaint Handling Code
 *   (statutory, from 1 April 2024)", and any note on which rule binds
 */
const char *
rd_deadline_get_basis (RdDeadline *self)
{
  g_return_val_if_fail (RD_IS_DEADLINE (self), NULL);
  return self->basis;
}

/**
 * rd_deadline_get_landlord_step:
 *
 * Returns: the landlord's step on a repair or hazard this deadline asks
 *   for, or %RD_STEP_N_STEPS for other deadlines
 */
RdLandlordStep
rd_deadline_get_landlord_step (RdDeadline *self)
{
  g_return_val_if_fail (RD_IS_DEADLINE (self), RD_STEP_N_STEPS);
  return self->step;
}

/**
 * rd_deadline_get_rule:
 *
 * Returns: (nullable): for a hazard, the law that set the limit, named
 *   as it stays in every language ("Awaab’s Law (from 27 October
 *   2025)"); for a repair, the priority the landlord's policy gave it
 *   ("Urgent repair"), which a sentence of its own puts in context
 */
const char *
rd_deadline_get_rule (RdDeadline *self)
{
  g_return_val_if_fail (RD_IS_DEADLINE (self), NULL);
  return self->rule;
}

const char *
rd_deadline_status_to_key (RdDeadlineStatus status)
{
  switch (status)
    {
    case RD_DEADLINE_PENDING: return "pending";
    case RD_DEADLINE_DUE_SOON: return "due-soon";
    case RD_DEADLINE_MET: return "met";
    case RD_DEADLINE_MISSED: return "missed";
    default: g_return_val_if_reached (NULL);
    }
}

const char *
rd_deadline_status_get_label (RdDeadlineStatus status)
{
  switch (status)
    {
    case RD_DEADLINE_PENDING: return _("Pending");
    case RD_DEADLINE_DUE_SOON: return _("Due soon");
    case RD_DEADLINE_MET: return _("Met");
    case RD_DEADLINE_MISSED: return _("Missed");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
rd_deadline_kind_to_key (RdDeadlineKind kind)
{
  static const char * const keys[] = {
    [RD_DEADLINE_KIND_ACKNOWLEDGEMENT] = "acknowledgement",
    [RD_DEADLINE_KIND_RESPONSE] = "response",
    [RD_DEADLINE_KIND_EXTENSION] = "extension",
    [RD_DEADLINE_KIND_ESCALATION] = "escalation",
    [RD_DEADLINE_KIND_OMBUDSMAN] = "ombudsman",
    [RD_DEADLINE_KIND_PROMISE] = "promise",
    [RD_DEADLINE_KIND_ASB_RESPONSE] = "asb-response",
    [RD_DEADLINE_KIND_REPAIR] = "repair",
    [RD_DEADLINE_KIND_HAZARD] = "hazard",
    [RD_DEADLINE_KIND_RULE] = "rule",
  };

  g_return_val_if_fail (kind < G_N_ELEMENTS (keys), NULL);
  return keys[kind];
}

const char *
rd_case_event_type_to_key (RdCaseEventType type)
{
  static const char * const keys[] = {
    [RD_CASE_EVENT_COMPLAINT] = "complaint-event",
    [RD_CASE_EVENT_CONTACT] = "contact",
    [RD_CASE_EVENT_ASB_REPORT] = "asb-report",
    [RD_CASE_EVENT_REPAIR_REPORT] = "repair-report",
    [RD_CASE_EVENT_REPAIR_DONE] = "repair-done",
    [RD_CASE_EVENT_HAZARD_REPORT] = "hazard-report",
    [RD_CASE_EVENT_HAZARD_INVESTIGATED] = "hazard-investigated",
    [RD_CASE_EVENT_HAZARD_SUMMARY] = "hazard-summary",
    [RD_CASE_EVENT_HAZARD_MADE_SAFE] = "hazard-made-safe",
    [RD_CASE_EVENT_WORKS_STARTED] = "works-started",
    [RD_CASE_EVENT_ALTERNATIVE_OFFERED] = "alternative-offered",
  };

  g_return_val_if_fail (type < G_N_ELEMENTS (keys), NULL);
  return keys[type];
}
