/* rd-deadline-engine-landlord.c: what binds the landlord in a complaint stage: acknowledgement, response, extensions.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-deadline"

#include "config.h"

#include "rd-gettext.h"
#include <string.h>

#include "rd-datetime.h"
#include "rd-deadline-engine-private.h"
#include "rd-deadline-engine-stages-private.h"

/*
 * The sentence that weighs the landlord's limit against the Code's. The
 * two are compared as lengths of time counted from the same day (the
 * Code's start), so that "shorter" means shorter: 10 working days from the
 * complaint is not shorter than 10 working days from its acknowledgement.
 * Where the two count from different days, the sentence says from which,
 * and then which ends first: that one binds the landlord.
 */
static char *
weigh_limits (RdEngine       *engine,
              RdPolicy       *code,
              const RdLimit  *code_limit,
              const RdMoment *code_from,
              const RdMoment *code_due,
              const RdLimit  *ll_limit,
              const RdMoment *ll_from,
              const RdMoment *ll_due)
{
  g_autofree char *cl = rd_limit_format (code_limit);
  g_autofree char *ll = rd_limit_format (ll_limit);
  g_autofree char *compared = NULL;
  const char *verdict;
  RdMoment ll_due_alike;
  int length, ends;

  if (!_rd_engine_due (engine, ll_limit, code_from, &ll_due_alike))
    ll_due_alike = *ll_due;
  length = rd_moment_compare (&ll_due_alike, code_due);
  ends = rd_moment_compare (ll_due, code_due);

  /* Each limit ("10 working days") stands alone after a colon, and the
   * Code's name in brackets: pasted in as "the Code's 10 working days",
   * Welsh would mutate them and Polish decline them, by their number. */
  if (rd_moment_compare (ll_from, code_from) == 0)
    {
      if (length > 0)
        return g_strdup_printf (_("%s. Your landlord’s policy gives more time than the Code, but "
                                  "the Code still binds the landlord. Your landlord’s policy: %s. "
                                  "The Code: %s."),
                                code_name (code), ll, cl);
      if (length < 0)
        return g_strdup_printf (_("Your landlord’s own policy, which gives less time than the "
                                  "Code (%s): the shorter limit applies. Your landlord’s policy: "
                                  "%s. The Code: %s."),
                                code_name (code), ll, cl);
      return g_strdup_printf (_("%s, and your landlord’s own policy, which gives the same time "
                                "as the Code: %s."),
                              code_name (code), ll);
    }

  /* Translators: in each, the first %s is the Code's name, then a limit
   * such as "10 working days" and the day it counts from with its
   * preposition ("on Friday 1 November 2024"), for the landlord and then
   * for the Code */
  if (length > 0)
    compared = g_strdup_printf (_("Your landlord’s policy gives more time than the Code (%s), "
                                  "counted from another day. Your landlord’s policy: %s, starting "
                                  "%s. The Code: %s, starting %s."),
                                code_name (code), ll, _rd_engine_on (engine, ll_from), cl,
                                _rd_engine_on (engine, code_from));
  else if (length < 0)
    compared = g_strdup_printf (_("Your landlord’s policy gives less time than the Code (%s), "
                                  "counted from another day. Your landlord’s policy: %s, starting "
                                  "%s. The Code: %s, starting %s."),
                                code_name (code), ll, _rd_engine_on (engine, ll_from), cl,
                                _rd_engine_on (engine, code_from));
  else
    compared = g_strdup_printf (_("Your landlord’s policy gives the same time as the Code (%s), "
                                  "counted from another day. Your landlord’s policy: %s, starting "
                                  "%s. The Code: %s, starting %s."),
                                code_name (code), ll, _rd_engine_on (engine, ll_from), cl,
                                _rd_engine_on (engine, code_from));
  if (ends < 0)
    verdict = _("The landlord’s limit ends first, so it applies.");
  else if (ends > 0)
    verdict = _("The Code’s limit ends first, so the Code binds the landlord.");
  else
    verdict = _("Both end on the same day.");
  return g_strconcat (compared, " ", verdict, NULL);
}

/*
 * Works out when a requirement ends under the Code and under the landlord's
 * policy, each from its own starting point, and keeps the earlier: the
 * landlord is bound by the Code, and by its own promise where that ends
 * first. The deadline's title says what the limits are for.
 */
static void
bind (RdEngine       *engine,
      RdPolicy       *code,
      const RdLimit  *code_limit,
      const RdMoment *code_from,
      gboolean        code_from_missing_ack,
      const RdLimit  *ll_limit,
      const RdMoment *ll_from,
      gboolean        ll_from_missing_ack,
      Bound          *out)
{
  RdMoment code_due, ll_due;
  gboolean has_code, has_ll;

  memset (out, 0, sizeof *out);
  has_code = code != NULL && _rd_engine_due (engine, code_limit, code_from, &code_due);
  has_ll = engine->landlord != NULL && _rd_engine_due (engine, ll_limit, ll_from, &ll_due);

  if (!has_code && !has_ll)
    return;
  out->set = TRUE;

  if (has_code && (!has_ll || rd_moment_compare (&code_due, &ll_due) <= 0))
    {
      out->due = code_due;
      out->from = *code_from;
      out->limit = code_limit;
      out->from_missing_ack = code_from_missing_ack;
    }
  else
    {
      out->due = ll_due;
      out->from = *ll_from;
      out->limit = ll_limit;
      out->from_missing_ack = ll_from_missing_ack;
    }

  if (has_code && has_ll)
    out->basis = weigh_limits (engine, code, code_limit, code_from, &code_due,
                               ll_limit, ll_from, &ll_due);
  else if (has_code)
    out->basis = g_strdup (code_name (code));
  else
    out->basis = g_strdup (_("Your landlord’s own policy"));
}

/*
 * The first sentence of an acknowledgement's or a response's explanation.
 * The deadline and what starts its clock are written whole in each message,
 * never inserted as phrases: after a preposition Welsh mutates them and
 * Polish declines them, each noun its own way, so every pair is its own
 * sentence. @from is a date with its preposition ("on Friday 1 November
 * 2024"). The limit ("5 working days", or weeks, or hours: whatever the
 * policy says) stands alone after "time limit:", where no word around it
 * has to agree with its number.
 */
static char *
explain_acknowledgement (guint       stage,
                         gboolean    past,
                         const char *due,
                         const char *limit,
                         const char *from)
{
  if (stage == 1)
    /* Translators: "The stage 1 acknowledgement was due by Friday 8 November 2024,
     * counted from the complaint on Friday 1 November 2024 (time limit: 5 working days).":
     * the first %s is a date, the second a date with its preposition, the last a time
     * limit */
    return g_strdup_printf (past ? _("The stage 1 acknowledgement was due by %s, counted from "
                                     "the complaint %s (time limit: %s).")
                                 : _("The stage 1 acknowledgement is due by %s, counted from "
                                     "the complaint %s (time limit: %s)."),
                            due, from, limit);
  /* Translators: "The stage 2 acknowledgement was due by Friday 8 November 2024, counted
   * from the request to escalate on Friday 1 November 2024 (time limit: 5 working days).":
   * %u is the stage, the first %s a date, the second a date with its preposition, the last
   * a time limit */
  return g_strdup_printf (past ? _("The stage %u acknowledgement was due by %s, counted from the "
                                   "request to escalate %s (time limit: %s).")
                               : _("The stage %u acknowledgement is due by %s, counted from the "
                                   "request to escalate %s (time limit: %s)."),
                          stage, due, from, limit);
}

static char *
explain_response_counted (guint       stage,
                          gboolean    from_ack,
                          gboolean    past,
                          const char *due,
                          const char *limit,
                          const char *from)
{
  if (from_ack)
    /* Translators: "The stage 1 response was due by Friday 22 November 2024, counted from
     * the acknowledgement on Friday 8 November 2024 (time limit: 10 working days).": %u is
     * the stage, the first %s a date, the second a date with its preposition, the last a
     * time limit */
    return g_strdup_printf (past ? _("The stage %u response was due by %s, counted from the "
                                     "acknowledgement %s (time limit: %s).")
                                 : _("The stage %u response is due by %s, counted from the "
                                     "acknowledgement %s (time limit: %s)."),
                            stage, due, from, limit);
  if (stage == 1)
    /* Translators: "The stage 1 response was due by Friday 15 November 2024, counted from
     * the complaint on Friday 1 November 2024 (time limit: 10 working days).": the first
     * %s is a date, the second a date with its preposition, the last a time limit */
    return g_strdup_printf (past ? _("The stage 1 response was due by %s, counted from the "
                                     "complaint %s (time limit: %s).")
                                 : _("The stage 1 response is due by %s, counted from the "
                                     "complaint %s (time limit: %s)."),
                            due, from, limit);
  /* Translators: "The stage 2 response was due by Friday 15 November 2024, counted from the
   * request to escalate on Friday 18 October 2024 (time limit: 20 working days).": %u is
   * the stage, the first %s a date, the second a date with its preposition, the last a
   * time limit */
  return g_strdup_printf (past ? _("The stage %u response was due by %s, counted from the "
                                   "request to escalate %s (time limit: %s).")
                               : _("The stage %u response is due by %s, counted from the "
                                   "request to escalate %s (time limit: %s)."),
                          stage, due, from, limit);
}

/* An acknowledgement's explanation, when asked for: its recipe's detail
 * says whether the response stood for a missing acknowledgement. */
static char *
explain_ack_later (RdDeadline            *d,
                   const RdExplainRecipe *recipe)
{
  g_autofree char *due = rd_moment_format_long (&d->due);
  g_autofree char *limit = rd_limit_format (&recipe->limit);
  g_autofree char *from = rd_moment_format_on (&recipe->from);
  g_autofree char *how = explain_acknowledgement (d->stage,
                                                  _rd_deadline_is_past (d, &recipe->words->today),
                                                  due, limit, from);

  if (recipe->detail)
    {
      g_autofree char *more = g_strdup_printf ("%s %s", how,
                                               _("No acknowledgement is recorded, so Redress "
                                                 "takes the response as the acknowledgement."));

      return _rd_engine_explain (d, recipe, more);
    }
  return _rd_engine_explain (d, recipe, how);
}

/* @final: the landlord's last stage, after which there is nothing to
 * escalate to but the Ombudsman. */
static void
set_ack_next_step (RdEngine   *engine,
                   RdDeadline *d,
                   gboolean    final)
{
  const char *due = _rd_engine_when (engine, &d->due);

  switch (d->status)
    {
    case RD_DEADLINE_MISSED:
      if (rd_moment_is_set (&d->done) && _rd_engine_in_wales (engine))
        d->next_step = final
          ? g_strdup (_("Note the late acknowledgement: it is a complaint-handling failure you can "
                        "mention if you go to the Public Services Ombudsman for Wales."))
          : g_strdup (_("Note the late acknowledgement: it is a complaint-handling failure you can "
                        "mention if you escalate or go to the Public Services Ombudsman for Wales."));
      else if (rd_moment_is_set (&d->done))
        d->next_step = final
          ? g_strdup (_("Note the late acknowledgement: it is a complaint-handling failure you can "
                        "mention if you go to the Housing Ombudsman."))
          : g_strdup (_("Note the late acknowledgement: it is a complaint-handling failure you can "
                        "mention if you escalate or go to the Housing Ombudsman."));
      else
        d->next_step = g_strdup (_("Send the landlord a chaser asking it to acknowledge your "
                                   "complaint, and keep a copy."));
      break;
    case RD_DEADLINE_PENDING:
    case RD_DEADLINE_DUE_SOON:
      d->next_step = g_strdup_printf (_("Nothing to do yet. If there is no acknowledgement by %s, "
                                        "send a chaser."), due);
      break;
    case RD_DEADLINE_MET:
    default:
      d->next_step = g_strdup (_("No action needed."));
      break;
    }
}

/* A home in Wales: the Public Services Ombudsman for Wales, which makes
 * recommendations rather than orders, takes the Housing Ombudsman's place. */
static void
set_response_next_step_wales (RdDeadline *d,
                              gboolean    final,
                              gboolean    done)
{
  if (d->status == RD_DEADLINE_MISSED && !done)
    d->next_step = g_strdup (_("Send a chaser. If there is still no response, you can complain to "
                               "the Public Services Ombudsman for Wales: it can look at a complaint "
                               "the landlord has had a fair chance to answer and has not."));
  else if (final)
    d->next_step = d->status == RD_DEADLINE_MISSED
      ? g_strdup (_("If you are not satisfied, take your complaint to the Public Services Ombudsman "
                    "for Wales, and mention that the response was late."))
      : g_strdup (_("If you are not satisfied, you can take your complaint to the Public Services "
                    "Ombudsman for Wales."));
  else
    d->next_step = d->status == RD_DEADLINE_MISSED
      ? g_strdup_printf (_("If you are not satisfied with the response, ask to escalate your "
                           "complaint to stage %u, and mention that the response was late."), d->stage + 1)
      : g_strdup_printf (_("If you are not satisfied with the response, ask to escalate your "
                           "complaint to stage %u."), d->stage + 1);
}

static void
set_response_next_step (RdEngine   *engine,
                        RdDeadline *d,
                        gboolean    final)
{
  const char *due = _rd_engine_when (engine, &d->due);
  gboolean done = rd_moment_is_set (&d->done);

  if (d->status == RD_DEADLINE_PENDING || d->status == RD_DEADLINE_DUE_SOON)
    d->next_step = g_strdup_printf (_("Wait for the response. If nothing has arrived by %s, send "
                                      "a chaser."), due);
  else if (_rd_engine_in_wales (engine))
    set_response_next_step_wales (d, final, done);
  else if (d->status == RD_DEADLINE_MISSED && !done)
    d->next_step = g_strdup (_("Send a chaser. If there is still no response, ask the Housing "
                               "Ombudsman to step in: it can order the landlord to respond."));
  else if (final)
    d->next_step = d->status == RD_DEADLINE_MISSED
      ? g_strdup (_("If you are not satisfied, refer your complaint to the Housing Ombudsman, and "
                    "mention that the response was late."))
      : g_strdup (_("If you are not satisfied, you can refer your complaint to the Housing Ombudsman."));
  else
    d->next_step = d->status == RD_DEADLINE_MISSED
      ? g_strdup_printf (_("If you are not satisfied with the response, ask to escalate your "
                           "complaint to stage %u, and mention that the response was late."), d->stage + 1)
      : g_strdup_printf (_("If you are not satisfied with the response, ask to escalate your "
                           "complaint to stage %u."), d->stage + 1);
}

void
_rd_stage_acknowledgement_deadline (RdEngine          *engine,
                                    gint64             group,
                                    guint              s,
                                    const RdCaseEvent *trigger,
                                    const RdCaseEvent *ack,
                                    const RdCaseEvent *resp,
                                    RdPolicy          *code,
                                    Bound             *bound,
                                    gboolean           final)
{
  g_autoptr(RdDeadline) d = NULL;
  g_autofree char *title = g_strdup_printf (_("Stage %u acknowledgement"), s);

  d = _rd_stage_deadline_new (RD_DEADLINE_KIND_ACKNOWLEDGEMENT, group, s, title);
  d->due = bound->due;
  _rd_deadline_add_source (d, trigger);
  if (ack != NULL)
    {
      d->done = ack->when;
      _rd_deadline_add_source (d, ack);
    }
  else if (resp != NULL)
    {
      d->done = resp->when;
      _rd_deadline_add_source (d, resp);
    }

  _rd_engine_finish_later (engine, d, bound->limit, &bound->from, explain_ack_later,
                           ack == NULL && resp != NULL, RD_DONE_ARRIVED);
  set_ack_next_step (engine, d, final);
  d->basis = g_strdup (bound->basis);
  g_ptr_array_add (engine->deadlines, g_steal_pointer (&d));
}

/* One EXTENSION_NOTIFIED event checked against the rules. Returns whether
 * it moves the due date. */
static gboolean
extension_finding (RdEngine          *engine,
                   gint64             group,
                   guint              s,
                   const RdCaseEvent *ext,
                   const RdMoment    *current_due,
                   const RdMoment    *first_due,
                   const RdMoment    *allowed_until,
                   const RdLimit     *allowed,
                   const char        *basis)
{
  g_autoptr(RdDeadline) d = NULL;
  g_autofree char *title = g_strdup_printf (_("Stage %u extension"), s);
  const char *notified = _rd_engine_on (engine, &ext->when);
  const char *new_date = _rd_engine_day (engine, &ext->new_date);
  const char *current = _rd_engine_when (engine, current_due);
  const char *first = _rd_engine_when (engine, first_due);
  int extra = rd_calendar_count_working_days (&first_due->date, &ext->new_date);
  gboolean late = g_date_compare (&ext->when.date, &current_due->date) > 0;
  gboolean too_long = allowed_until != NULL && g_date_compare (&ext->new_date, &allowed_until->date) > 0;

  d = _rd_stage_deadline_new (RD_DEADLINE_KIND_EXTENSION, group, s, title);
  d->due = *current_due;
  d->done = ext->when;
  _rd_deadline_add_source (d, ext);
  d->working_days_late = rd_calendar_count_working_days (&current_due->date, &ext->when.date);
  d->days_late = (int) g_date_get_julian (&ext->when.date) - (int) g_date_get_julian (&current_due->date);
  d->basis = g_strdup (basis);

  /* Whole sentences with the number of working days in each, for the
   * plural forms; the rules' longest extension (in whatever unit they set)
   * stands alone after a colon. Each date stands where no preposition
   * before it needs a mutated or declined form: "%s" after "gave" and
   * "put back" is a date with its own preposition ("on Monday 18 November
   * 2024"), the new date follows a colon. */
  if (late)
    {
      d->status = RD_DEADLINE_MISSED;
      /* Translators: "The landlord gave a new date for the stage 1 response on Monday 25
       * November 2024: Friday 6 December 2024. But the response was already due by Friday
       * 22 November 2024, 1 working day earlier, …" */
      d->explanation = g_strdup_printf (rd_ngettext ("The landlord gave a new date for the stage "
                                                     "%u response %s: %s. But the response was "
                                                     "already due by %s, %d working day earlier, "
                                                     "and an extension has to be given before the "
                                                     "response is due, so Redress still counts "
                                                     "from that day.",
                                                     "The landlord gave a new date for the stage "
                                                     "%u response %s: %s. But the response was "
                                                     "already due by %s, %d working days earlier, "
                                                     "and an extension has to be given before the "
                                                     "response is due, so Redress still counts "
                                                     "from that day.",
                                                     (gulong) d->working_days_late),
                                        s, notified, new_date, current, d->working_days_late);
      d->next_step = g_strdup (_("Point this out when you chase the landlord or escalate: a late "
                                 "extension does not excuse the delay."));
    }
  else if (too_long)
    {
      g_autofree char *max = rd_limit_format (allowed);

      d->status = RD_DEADLINE_MISSED;
      /* Translators: "The landlord put the stage 1 response back on Monday 18 November
       * 2024: it was first due by Friday 22 November 2024, and the new date, Tuesday 10
       * December 2024, is 12 working days later. The longest extension allowed without a
       * good reason: 10 working days. …" */
      d->explanation = g_strdup_printf (rd_ngettext ("The landlord put the stage %u response "
                                                     "back %s: it was first due by %s, and the "
                                                     "new date, %s, is %d working day later. The "
                                                     "longest extension allowed without a good "
                                                     "reason: %s. So Redress still counts from "
                                                     "the first date.",
                                                     "The landlord put the stage %u response "
                                                     "back %s: it was first due by %s, and the "
                                                     "new date, %s, is %d working days later. The "
                                                     "longest extension allowed without a good "
                                                     "reason: %s. So Redress still counts from "
                                                     "the first date.",
                                                     (gulong) extra),
                                        s, notified, first, new_date, extra, max);
      d->next_step = g_strdup (_("Ask the landlord for its good reason for the long extension, and "
                                 "mention it if you escalate or go to the Housing Ombudsman."));
    }
  else
    {
      d->status = RD_DEADLINE_MET;
      if (allowed_until != NULL)
        {
          g_autofree char *max = rd_limit_format (allowed);

          d->explanation = g_strdup_printf (rd_ngettext ("The landlord put the stage %u response "
                                                         "back %s, before it was due: it was first "
                                                         "due by %s, and the new date, %s, is %d "
                                                         "working day later. The longest extension "
                                                         "allowed: %s.",
                                                         "The landlord put the stage %u response "
                                                         "back %s, before it was due: it was first "
                                                         "due by %s, and the new date, %s, is %d "
                                                         "working days later. The longest extension "
                                                         "allowed: %s.",
                                                         (gulong) extra),
                                            s, notified, first, new_date, extra, max);
        }
      else
        d->explanation = g_strdup_printf (_("The landlord put the stage %u response back %s, "
                                            "before it was due. The new date: %s. Redress knows "
                                            "no limit on extensions for this stage."),
                                          s, notified, new_date);
      d->next_step = g_strdup_printf (_("No action needed: the response is now due by %s."), new_date);
    }

  g_ptr_array_add (engine->deadlines, g_steal_pointer (&d));
  return !late && !too_long;
}

/* Acknowledge within the limit, counted from the day the stage opened. */
void
_rd_stage_bind_acknowledgement (RdEngine *engine,
                                Stage    *st)
{
  bind (engine, st->code,
        st->cs ? &st->cs->acknowledge : NULL, &st->trigger->when, FALSE,
        st->ls ? &st->ls->acknowledge : NULL, &st->trigger->when, FALSE,
        &st->ack_bound);
}

/*
 * Where a policy counts the response from the acknowledgement, @from is
 * that day; with no acknowledgement recorded, the day it was due (and
 * *@missing says so). Otherwise @from stays the day the stage opened.
 */
static void
response_counted_from (RdEngine            *engine,
                       const Stage         *st,
                       const RdPolicyStage *rules,
                       RdMoment            *from,
                       gboolean            *missing)
{
  RdMoment due;

  *from = st->trigger->when;
  *missing = FALSE;
  if (rules == NULL || rules->respond_from != RD_RESPOND_FROM_ACKNOWLEDGEMENT)
    return;
  if (st->ack != NULL)
    *from = st->ack->when;
  else if (_rd_engine_due (engine, &rules->acknowledge, &st->trigger->when, &due))
    {
      *from = due;
      *missing = TRUE;
    }
}

/* Respond within the limit: each policy counts from its own starting point. */
void
_rd_stage_bind_response (RdEngine *engine,
                         Stage    *st)
{
  RdMoment code_from, ll_from;
  gboolean code_missing, ll_missing;

  response_counted_from (engine, st, st->cs, &code_from, &code_missing);
  response_counted_from (engine, st, st->ls, &ll_from, &ll_missing);
  bind (engine, st->code,
        st->cs ? &st->cs->respond : NULL, &code_from, code_missing,
        st->ls ? &st->ls->respond : NULL, &ll_from, ll_missing,
        &st->resp_bound);
}

/* The longest extension the rules allow, counted past the first due date:
 * *@until is the latest day it can reach. NULL when no rule allows one. */
static const RdLimit *
longest_extension (RdEngine       *engine,
                   const Stage    *st,
                   const RdMoment *first_due,
                   RdMoment       *until)
{
  RdMoment a, b;
  gboolean has_a = st->cs != NULL && _rd_engine_due (engine, &st->cs->extension, first_due, &a);
  gboolean has_b = st->ls != NULL && _rd_engine_due (engine, &st->ls->extension, first_due, &b);

  if (has_a && (!has_b || rd_moment_compare (&a, &b) <= 0))
    {
      *until = a;
      return &st->cs->extension;
    }
  if (has_b)
    {
      *until = b;
      return &st->ls->extension;
    }
  return NULL;
}

/*
 * The extensions the landlord notified before it responded, in order:
 * each one the rules allow moves *@current to its new date. A "new date"
 * no later than the one already in force gives the landlord no more time;
 * it is most often a date typed wrongly, so it is explained in
 * *@not_later instead of passed over.
 *
 * Returns: the extension that set the date in force, or %NULL
 */
static const RdCaseEvent *
apply_extensions (RdEngine       *engine,
                  Complaint      *c,
                  const Stage    *st,
                  const RdMoment *first_due,
                  RdMoment       *current,
                  GString       **not_later)
{
  RdMoment allowed_until = { 0 };
  const RdLimit *allowed = longest_extension (engine, st, first_due, &allowed_until);
  const RdCaseEvent *moved_by = NULL;
  guint s = st->stage;

  for (guint i = 0; i < c->events->len; i++)
    {
      const StageEvent *se = &g_array_index (c->events, StageEvent, i);
      const RdCaseEvent *e = se->event;

      if (se->stage != s || e->complaint_kind != RD_COMPLAINT_EVENT_EXTENSION_NOTIFIED ||
          !g_date_valid (&e->new_date))
        continue;
      if (st->resp != NULL && g_date_compare (&e->when.date, &st->resp->when.date) > 0)
        continue;
      if (g_date_compare (&e->new_date, &current->date) <= 0)
        {
          if (*not_later == NULL)
            *not_later = g_string_new (NULL);
          /* Translators: " The landlord gave a new date for the stage 1 response on
           * Tuesday 12 November 2024: Friday 15 November 2024. It is not later than the
           * day the response was already due by, Friday 15 November 2024, …": the
           * second %s is a date with its preposition */
          g_string_append_printf (*not_later,
                                  _(" The landlord gave a new date for the stage %u response %s: "
                                    "%s. It is not later than the day the response was already "
                                    "due by, %s, so it is not an extension and Redress still "
                                    "counts from that day. If the new date was typed wrongly, "
                                    "correct that step."),
                                  s, _rd_engine_on (engine, &e->when),
                                  _rd_engine_day (engine, &e->new_date),
                                  _rd_engine_when (engine, current));
          continue;
        }
      if (extension_finding (engine, st->group, s, e, current, first_due,
                             allowed ? &allowed_until : NULL, allowed, st->resp_bound.basis))
        {
          rd_moment_set_date (current, &e->new_date);
          moved_by = e;
        }
    }
  return moved_by;
}

/* What a stage response's explanation is made from, beside its recipe's
 * moments (what the limit counted from, or when it was moved: the first
 * due date, and when the landlord gave the new one): its recipe's detail,
 * these flags and, from RESPONSE_ACK_LATE_SHIFT, how many working days
 * late the acknowledgement it counts from was. */
enum
{
  RESPONSE_FROM_MISSING_ACK = 1 << 0,
  RESPONSE_FROM_ACK         = 1 << 1,
  RESPONSE_MOVED            = 1 << 2,
};
#define RESPONSE_ACK_LATE_SHIFT 8

static int
response_detail (const Stage       *st,
                 const RdCaseEvent *moved_by)
{
  const Bound *bound = &st->resp_bound;
  int detail = 0;

  if (moved_by != NULL)
    detail |= RESPONSE_MOVED;
  if (bound->from_missing_ack)
    detail |= RESPONSE_FROM_MISSING_ACK;
  else if (st->ack != NULL && rd_moment_compare (&bound->from, &st->ack->when) == 0 &&
           g_date_compare (&st->ack->when.date, &st->trigger->when.date) >= 0)
    detail |= RESPONSE_FROM_ACK;
  /* A late acknowledgement gives the landlord more time under the Code's
   * wording; say so rather than hide it. */
  if (st->ack != NULL && st->ack_bound.set &&
      rd_moment_compare (&st->ack->when, &st->ack_bound.due) > 0 &&
      moved_by == NULL && !bound->from_missing_ack &&
      rd_moment_compare (&bound->from, &st->ack->when) == 0)
    detail |= rd_calendar_count_working_days (&st->ack_bound.due.date, &st->ack->when.date)
              << RESPONSE_ACK_LATE_SHIFT;
  return detail;
}

/* The sentence that explains when the response was due, and why then,
 * written when asked for from the recipe _rd_stage_response_deadline()
 * kept; then what happened. */
static char *
explain_response_later (RdDeadline            *d,
                        const RdExplainRecipe *recipe)
{
  g_autofree char *due_text = rd_moment_format_long (&d->due);
  g_autofree char *limit_text = rd_limit_format (&recipe->limit);
  g_autofree char *from_text = rd_moment_format_on (&recipe->from);
  gboolean past = _rd_deadline_is_past (d, &recipe->words->today);
  int ack_late = recipe->detail >> RESPONSE_ACK_LATE_SHIFT;
  g_autofree char *how = NULL;

  if (recipe->detail & RESPONSE_MOVED)
    {
      g_autofree char *notified = rd_moment_format_on (&recipe->also);
      g_autofree char *first = rd_moment_format_long (&recipe->from);

      /* Translators: "The stage 1 response was due by Friday 29 November 2024, the new
       * date the landlord gave on Monday 18 November 2024; it was first due by Friday 22
       * November 2024.": %u is the stage, the second %s a date with its preposition */
      how = g_strdup_printf (past
                             ? _("The stage %u response was due by %s, the new date the landlord "
                                 "gave %s; it was first due by %s.")
                             : _("The stage %u response is due by %s, the new date the landlord "
                                 "gave %s; it was first due by %s."),
                             d->stage, due_text, notified, first);
    }
  else if (recipe->detail & RESPONSE_FROM_MISSING_ACK)
    /* Translators: "The stage 1 response was due by Friday 22 November 2024. The
     * acknowledgement was due on Friday 8 November 2024 and none is recorded, so Redress
     * counts from that day, as the Code does (time limit: 10 working days).": %u is the
     * stage, the first %s a date, the second a date with its preposition, the last a time
     * limit */
    how = g_strdup_printf (past
                           ? _("The stage %u response was due by %s. The acknowledgement was due "
                               "%s and none is recorded, so Redress counts from that day, as the "
                               "Code does (time limit: %s).")
                           : _("The stage %u response is due by %s. The acknowledgement was due "
                               "%s and none is recorded, so Redress counts from that day, as the "
                               "Code does (time limit: %s)."),
                           d->stage, due_text, from_text, limit_text);
  else
    how = explain_response_counted (d->stage, (recipe->detail & RESPONSE_FROM_ACK) != 0, past,
                                    due_text, limit_text, from_text);

  if (ack_late > 0)
    {
      g_autofree char *late = g_strdup_printf (rd_ngettext ("The acknowledgement itself was %d "
                                                            "working day late.",
                                                            "The acknowledgement itself was %d "
                                                            "working days late.",
                                                            (gulong) ack_late), ack_late);
      g_autofree char *more = g_strconcat (how, " ", late, NULL);

      g_free (how);
      how = g_steal_pointer (&more);
    }
  /* Dates given that were no later than the one in force, quoted. */
  if (recipe->quoted != NULL)
    {
      g_autofree char *more = g_strconcat (how, recipe->quoted[0], NULL);

      g_free (how);
      how = g_steal_pointer (&more);
    }
  return _rd_engine_explain (d, recipe, how);
}

/* The landlord's response: due by the bound, moved by any extension it
 * notified within the rules, done when the response came. */
void
_rd_stage_response_deadline (RdEngine  *engine,
                             Complaint *c,
                             Stage     *st)
{
  g_autoptr(RdDeadline) d = NULL;
  g_autofree char *title = g_strdup_printf (_("Stage %u response"), st->stage);
  RdMoment first_due = st->resp_bound.due, current = st->resp_bound.due;
  g_autoptr(GString) not_later = NULL;
  const RdCaseEvent *moved_by;

  moved_by = apply_extensions (engine, c, st, &first_due, &current, &not_later);

  d = _rd_stage_deadline_new (RD_DEADLINE_KIND_RESPONSE, st->group, st->stage, title);
  d->due = current;
  _rd_deadline_add_source (d, st->trigger);
  _rd_deadline_add_source (d, st->ack);
  _rd_deadline_add_source (d, moved_by);
  if (st->resp != NULL)
    {
      d->done = st->resp->when;
      _rd_deadline_add_source (d, st->resp);
    }

  _rd_engine_finish_later (engine, d, st->resp_bound.limit,
                           moved_by != NULL ? &first_due : &st->resp_bound.from,
                           explain_response_later, response_detail (st, moved_by), RD_DONE_ARRIVED);
  if (moved_by != NULL)
    d->recipe->also = moved_by->when;
  if (not_later != NULL)
    _rd_deadline_quote (d, not_later->str, NULL);
  set_response_next_step (engine, d, st->final);
  d->basis = g_strdup (st->resp_bound.basis);
  g_ptr_array_add (engine->deadlines, g_steal_pointer (&d));
}
