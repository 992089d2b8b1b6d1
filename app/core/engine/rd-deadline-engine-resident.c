/* rd-deadline-engine-resident.c: the resident's own time limits in a complaint: the next stage, the Ombudsman.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-deadline"

#include "config.h"

#include "rd-gettext.h"
#include <string.h>

#include "rd-datetime.h"
#include "rd-deadline-engine-private.h"
#include "rd-deadline-engine-stages-private.h"

/* The explanation of the time to ask for the next stage, when asked for:
 * the deadline's stage is the one to ask for. */
static char *
explain_escalation (RdDeadline            *d,
                    const RdExplainRecipe *recipe)
{
  g_autofree char *due_text = rd_moment_format_long (&d->due);
  g_autofree char *limit_text = rd_limit_format (&recipe->limit);
  g_autofree char *resp_text = rd_moment_format_on (&recipe->from);
  g_autofree char *how = NULL;

  /* Translators: the second %s is a date with its preposition, "on Monday 4
   * November 2024", the third a time limit ("20 working days"), the last a date */
  how = g_strdup_printf (_("Your landlord’s policy gives you time to ask for stage %u, counted "
                           "from the stage %u response %s (time limit: %s). The last day: %s."),
                         d->stage, d->stage - 1, resp_text, limit_text, due_text);
  return _rd_engine_explain (d, recipe, how);
}

/* The resident's own time limit to ask for the next stage, where the
 * landlord's policy sets one. */
void
_rd_stage_escalation_deadline (RdEngine    *engine,
                               Complaint   *c,
                               const Stage *st)
{
  RdPolicy *landlord = engine->landlord;
  const RdLimit *limit;
  const StageEvent *next;
  g_autoptr(RdDeadline) d = NULL;
  g_autofree char *title = NULL;
  const RdCaseEvent *resp = st->resp;
  const char *due_text;
  guint s = st->stage;
  RdMoment due;

  if (landlord == NULL || !rd_limit_is_set (rd_policy_get_resident_escalation (landlord)))
    return;
  limit = rd_policy_get_resident_escalation (landlord);
  if (!_rd_engine_due (engine, limit, &resp->when, &due))
    return;

  next = _rd_complaint_find_first (c, s + 1, is_escalation);
  title = g_strdup_printf (_("Ask for stage %u"), s + 1);
  due_text = _rd_engine_when (engine, &due);

  d = _rd_stage_deadline_new (RD_DEADLINE_KIND_ESCALATION, st->group, s + 1, title);
  d->due = due;
  _rd_deadline_add_source (d, resp);
  if (next != NULL)
    {
      d->done = next->event->when;
      _rd_deadline_add_source (d, next->event);
    }
  _rd_engine_finish_later (engine, d, limit, &resp->when, explain_escalation, 0, RD_DONE_ASKED);
  if (d->status == RD_DEADLINE_PENDING || d->status == RD_DEADLINE_DUE_SOON)
    d->next_step = g_strdup_printf (_("If you are not satisfied with the stage %u response, "
                                      "ask for stage %u by %s."), s, s + 1, due_text);
  else if (d->status == RD_DEADLINE_MISSED && next == NULL)
    d->next_step = g_strdup (_("You can still ask: explain why it is later than the "
                               "landlord’s policy says. Under the Code a landlord must not "
                               "refuse without a good reason."));
  else
    d->next_step = g_strdup (_("No action needed."));
  d->basis = g_strdup (_("Your landlord’s own policy"));
  g_ptr_array_add (engine->deadlines, g_steal_pointer (&d));
}

/* The explanation of the time to go to the Ombudsman, when asked for. */
static char *
explain_ombudsman (RdDeadline            *d,
                   const RdExplainRecipe *recipe)
{
  g_autofree char *due_text = rd_moment_format_long (&d->due);
  g_autofree char *limit_text = rd_limit_format (&recipe->limit);
  g_autofree char *resp_text = rd_moment_format_on (&recipe->from);
  g_autofree char *how = NULL;

  /* Translators: the first %s is a date with its preposition, "on Monday 4
   * November 2024", the second a time limit ("12 months"), the last a date */
  how = g_strdup_printf (_("You can bring the complaint to the Housing Ombudsman for a time "
                           "after the landlord’s final response %s (time limit: %s). The last "
                           "day: %s."),
                         resp_text, limit_text, due_text);
  return _rd_engine_explain (d, recipe, how);
}

/* The resident's time to go to the Ombudsman, from the final response. */
void
_rd_stage_ombudsman_deadline (RdEngine    *engine,
                              Complaint   *c,
                              const Stage *st)
{
  const RdCaseEvent *resp = st->resp;
  RdPolicy *rules = st->code ? st->code : _rd_engine_code_for_date (engine, &resp->when.date);
  const RdLimit *limit = rules ? rd_policy_get_ombudsman_referral (rules) : NULL;
  const RdCaseEvent *referred = _rd_complaint_first_any (c, is_referred);
  g_autoptr(RdDeadline) d = NULL;
  const char *due_text;
  RdMoment due;

  if (limit == NULL || !_rd_engine_due (engine, limit, &resp->when, &due))
    return;
  /* A council's homelessness or allocations complaint is not the Housing
   * Ombudsman's: the route note gives the other ombudsman's time limit. */
  if (_rd_engine_route_is_lgsco (engine, st->group))
    return;

  d = _rd_stage_deadline_new (RD_DEADLINE_KIND_OMBUDSMAN, st->group, st->stage,
                          _("Refer to the Housing Ombudsman"));
  due_text = _rd_engine_when (engine, &due);
  d->due = due;
  _rd_deadline_add_source (d, resp);
  if (referred != NULL)
    {
      d->done = referred->when;
      _rd_deadline_add_source (d, referred);
    }
  _rd_engine_finish_later (engine, d, limit, &resp->when, explain_ombudsman, 0, RD_DONE_REFERRED);
  if (d->status == RD_DEADLINE_PENDING || d->status == RD_DEADLINE_DUE_SOON)
    d->next_step = g_strdup_printf (_("If you are still not satisfied, refer your complaint "
                                      "to the Housing Ombudsman by %s."), due_text);
  else if (d->status == RD_DEADLINE_MISSED && referred == NULL)
    d->next_step = g_strdup (_("The usual time limit has passed. The Ombudsman can still "
                               "accept a complaint if there was a good reason for the "
                               "delay: contact it and explain."));
  else
    d->next_step = g_strdup (_("No action needed."));
  d->basis = g_strdup (_("The Housing Ombudsman Scheme"));
  g_ptr_array_add (engine->deadlines, g_steal_pointer (&d));
}

static gboolean
complaint_made (RdEngine *engine)
{
  for (guint i = 0; i < rd_deadline_input_get_n_events (engine->input); i++)
    if (rd_deadline_input_get_event (engine->input, i)->type == RD_CASE_EVENT_COMPLAINT)
      return TRUE;
  return FALSE;
}

/* Days before the time limit for making a complaint that What Next starts
 * to warn: long enough to write a complaint and send it. */
#define TIME_LIMIT_WARNING_DAYS 30

/*
 * The time to make a complaint, from when the resident became aware of
 * the problem: the landlord's own limit where its profile sets one, else
 * the Code's (the 2024 Code: landlords must accept complaints made within
 * 12 months, and consider good reasons after). Only a warning: a landlord
 * may accept a complaint made later, and the Code asks it to consider
 * doing so, so Redress never calls it a failure.
 */
void
_rd_engine_complaint_time_limit (RdEngine *engine)
{
  const GDate *aware = rd_deadline_input_get_aware (engine->input);
  RdPolicy *code = NULL;
  const RdLimit *landlord_limit = engine->landlord ? rd_policy_get_complaint_time_limit (engine->landlord) : NULL;
  const RdLimit *code_limit = NULL;
  const RdLimit *limit;
  g_autofree char *limit_text = NULL;
  RdMoment from, due, code_due;
  GDate warn_from;

  if (aware == NULL || complaint_made (engine))
    return;
  code = _rd_engine_code_for_date (engine, &engine->today);
  if (code != NULL && rd_limit_is_set (rd_policy_get_complaint_time_limit (code)))
    code_limit = rd_policy_get_complaint_time_limit (code);
  limit = landlord_limit != NULL && rd_limit_is_set (landlord_limit) ? landlord_limit : code_limit;
  rd_moment_set_date (&from, aware);
  if (limit == NULL || !_rd_engine_due (engine, limit, &from, &due))
    return;

  warn_from = due.date;
  g_date_subtract_days (&warn_from, TIME_LIMIT_WARNING_DAYS);
  if (g_date_compare (&engine->today, &warn_from) < 0)
    return;
  limit_text = rd_limit_format (limit);
  if (g_date_compare (&engine->today, &due.date) > 0)
    _rd_engine_note (engine,
                     _("The usual time limit for making a complaint passed %s. It counts from when "
                       "you became aware of the problem, %s (time limit: %s). Your landlord may "
                       "still accept it, and should consider it if you had a good reason for the "
                       "delay: make the complaint and say why."),
                     _rd_engine_on (engine, &due), _rd_engine_day (engine, aware), limit_text);
  else if (limit == landlord_limit)
    _rd_engine_note (engine,
                     _("Your landlord’s policy sets a time limit for complaints, counted from when "
                       "you became aware of the problem, %s (time limit: %s): make your complaint "
                       "by %s."),
                     _rd_engine_day (engine, aware), limit_text, _rd_engine_when (engine, &due));
  else
    _rd_engine_note (engine,
                     _("The Complaint Handling Code sets a time limit within which landlords must "
                       "accept complaints, counted from when you became aware of the problem, %s "
                       "(time limit: %s): make your complaint by %s."),
                     _rd_engine_day (engine, aware), limit_text, _rd_engine_when (engine, &due));

  /* A landlord's limit shorter than the Code's does not let it refuse a
   * complaint the Code says it must accept. */
  if (limit == landlord_limit && code_limit != NULL && _rd_engine_due (engine, code_limit, &from, &code_due) &&
      rd_moment_compare (&code_due, &due) > 0)
    {
      g_autofree char *code_text = rd_limit_format (code_limit);

      _rd_engine_note (engine,
                       _("Your landlord’s limit is shorter than the Complaint Handling Code’s: the Code "
                         "says landlords must accept complaints made by %s, counted from when you "
                         "became aware of the problem (time limit: %s)."),
                       _rd_engine_when (engine, &code_due), code_text);
    }
}
