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
  g_autofree char *limit_text = NULL;
  g_autofree char *how = NULL;
  const RdCaseEvent *resp = st->resp;
  const char *due_text, *resp_text;
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
  limit_text = rd_limit_format (limit);
  resp_text = _rd_engine_on (engine, &resp->when);

  d = _rd_stage_deadline_new (RD_DEADLINE_KIND_ESCALATION, st->group, s + 1, title);
  d->due = due;
  _rd_deadline_add_source (d, resp);
  if (next != NULL)
    {
      d->done = next->event->when;
      _rd_deadline_add_source (d, next->event);
    }
  /* Translators: the third placeholder is a date with its preposition, "on
   * Monday 4 November 2024" */
  how = g_strdup_printf (_("Your landlord’s policy gives you %s after the stage %u response "
                           "%s to ask for stage %u: until %s."),
                         limit_text, s, resp_text, s + 1, due_text);
  _rd_engine_finish (engine, d, limit, how, RD_DONE_ASKED);
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
  g_autofree char *limit_text = NULL;
  g_autofree char *how = NULL;
  const char *due_text, *resp_text;
  RdMoment due;

  if (limit == NULL || !_rd_engine_due (engine, limit, &resp->when, &due))
    return;

  d = _rd_stage_deadline_new (RD_DEADLINE_KIND_OMBUDSMAN, st->group, st->stage,
                          _("Refer to the Housing Ombudsman"));
  due_text = _rd_engine_when (engine, &due);
  limit_text = rd_limit_format (limit);
  resp_text = _rd_engine_on (engine, &resp->when);
  d->due = due;
  _rd_deadline_add_source (d, resp);
  if (referred != NULL)
    {
      d->done = referred->when;
      _rd_deadline_add_source (d, referred);
    }
  /* Translators: the second %s is a date with its preposition, "on Monday 4
   * November 2024" */
  how = g_strdup_printf (_("You can bring the complaint to the Housing Ombudsman within %s of "
                           "the landlord’s final response %s: until %s."),
                         limit_text, resp_text, due_text);
  _rd_engine_finish (engine, d, limit, how, RD_DONE_REFERRED);
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
