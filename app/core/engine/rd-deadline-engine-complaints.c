/* rd-deadline-engine-complaints.c: complaint stages under the Code and the landlord's policy.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-deadline"

#include "config.h"

#include "rd-gettext.h"
#include <string.h>

#include "rd-datetime.h"
#include "rd-deadline-engine-private.h"
#include "rd-deadline-engine-stages-private.h"

static gint
compare_stage_events (gconstpointer a,
                      gconstpointer b)
{
  const StageEvent *ea = a;
  const StageEvent *eb = b;
  int c = g_date_compare (&ea->event->when.date, &eb->event->when.date);

  if (c != 0)
    return c;
  return (ea->order > eb->order) - (ea->order < eb->order);
}

static void
complaint_free (gpointer data)
{
  Complaint *c = data;

  g_array_unref (c->events);
  g_free (c);
}

const StageEvent *
_rd_complaint_find_first (Complaint *c,
                          guint      stage,
                          gboolean (*match) (const RdCaseEvent *e))
{
  for (guint i = 0; i < c->events->len; i++)
    {
      const StageEvent *se = &g_array_index (c->events, StageEvent, i);

      if (se->stage == stage && match (se->event))
        return se;
    }
  return NULL;
}

const RdCaseEvent *
_rd_complaint_first_any (Complaint *c,
                         gboolean (*match) (const RdCaseEvent *e))
{
  for (guint i = 0; i < c->events->len; i++)
    {
      const StageEvent *se = &g_array_index (c->events, StageEvent, i);

      if (match (se->event))
        return se->event;
    }
  return NULL;
}

RdDeadline *
_rd_stage_deadline_new (RdDeadlineKind  kind,
                        gint64          group,
                        guint           stage,
                        const char     *title)
{
  RdDeadline *d = _rd_deadline_new (kind, kind == RD_DEADLINE_KIND_ESCALATION ||
                                          kind == RD_DEADLINE_KIND_OMBUDSMAN
                                          ? RD_DEADLINE_ON_RESIDENT : RD_DEADLINE_ON_LANDLORD);

  d->group = group;
  d->stage = stage;
  d->title = g_strdup (title);
  return d;
}

/* What opened the stage, and what the landlord sent in it. Without a day
 * the stage was opened there is nothing to count from: say so. */
static gboolean
find_stage_events (RdEngine  *engine,
                   Complaint *c,
                   Stage     *st)
{
  guint s = st->stage;
  const StageEvent *trigger_se = _rd_complaint_find_first (c, s, s == 1 ? is_made : is_escalation);
  const StageEvent *ack_se, *resp_se;

  if (trigger_se == NULL)
    {
      for (guint i = 0; i < c->events->len; i++)
        if (g_array_index (c->events, StageEvent, i).stage == s)
          {
            if (s == 1)
              _rd_engine_note (engine, _("A complaint has events but no date it was made, so Redress "
                                         "cannot work out its stage 1 deadlines. Add the day you "
                                         "made the complaint."));
            else
              _rd_engine_note (engine, _("A complaint has stage %u events but no date you asked for "
                                         "stage %u, so Redress cannot work out its deadlines. Add "
                                         "the escalation request."), s, s);
            break;
          }
      return FALSE;
    }

  st->trigger = trigger_se->event;
  ack_se = _rd_complaint_find_first (c, s, is_ack);
  resp_se = _rd_complaint_find_first (c, s, is_response);
  st->ack = ack_se ? ack_se->event : NULL;
  st->resp = resp_se ? resp_se->event : NULL;
  return TRUE;
}

/* The Code in force on the day the stage opened, unless the stage is
 * beyond the stages the Code allows; and the landlord's policy for the
 * stage. FALSE when neither sets any limit. */
static gboolean
choose_stage_rules (RdEngine *engine,
                    Stage    *st)
{
  RdPolicy *landlord = engine->landlord;
  guint s = st->stage;

  st->code = _rd_engine_code_for_date (engine, &st->trigger->when.date);
  if (st->code == NULL)
    {
      const char *day = _rd_engine_on_day (engine, &st->trigger->when.date);

      /* Translators, below: %s is a date with its preposition, "on Monday
       * 4 November 2019" */
      if (_rd_engine_in_wales (engine))
        _rd_engine_note (engine, _("Redress knows the Welsh model complaints policy from 7 December "
                                   "2020 only; for a complaint made %s it checks only your "
                                   "landlord’s own policy, if the case has one."), day);
      else if (landlord == NULL)
        {
          _rd_engine_note (engine, _("No Complaint Handling Code was in force %s (the first "
                                     "version dates from July 2020) and the case has no landlord’s "
                                     "policy, so Redress has no time limits to check for that "
                                     "complaint."), day);
          return FALSE;
        }
      else
        _rd_engine_note (engine, _("No Complaint Handling Code was in force %s (the first version "
                                   "dates from July 2020), so only your landlord’s policy is used "
                                   "for that complaint."), day);
    }
  else if (s > rd_policy_get_n_stages (st->code))
    {
      RdPolicy *code = st->code;

      if (rd_policy_get_max_stages (code) > 0 && s > rd_policy_get_max_stages (code))
        _rd_engine_note (engine, _("Your complaint went to stage %u, but the %s allows only %u "
                                   "stages: the stage %u response was the landlord’s final "
                                   "response, and you could take the complaint to the Housing "
                                   "Ombudsman from then. Redress checks stage %u against your "
                                   "landlord’s policy only."),
                         s, code_name (code), rd_policy_get_max_stages (code),
                         rd_policy_get_max_stages (code), s);
      st->code = NULL;
    }

  if (st->code != NULL)
    st->cs = rd_policy_get_stage (st->code, s);
  if (landlord != NULL && s <= rd_policy_get_n_stages (landlord))
    st->ls = rd_policy_get_stage (landlord, s);
  return st->cs != NULL || st->ls != NULL;
}

/*
 * Stage @s of a complaint, in the Code's order: the landlord acknowledges
 * the complaint, then responds (within any extension it gave notice of);
 * after the response the resident may ask for the next stage, and after
 * the final response go to the Ombudsman.
 */
static void
stage_deadlines (RdEngine  *engine,
                 gint64     group,
                 Complaint *c,
                 guint      s,
                 guint      final_stage,
                 gboolean  *referral_done)
{
  g_auto(Stage) st = { .group = group, .stage = s };

  if (!find_stage_events (engine, c, &st) || !choose_stage_rules (engine, &st))
    return;

  _rd_stage_bind_acknowledgement (engine, &st);
  st.final = (st.resp != NULL && st.resp->complaint_kind == RD_COMPLAINT_EVENT_FINAL_RESPONSE) ||
             s >= final_stage;
  if (st.ack_bound.set)
    _rd_stage_acknowledgement_deadline (engine, group, s, st.trigger, st.ack, st.resp, st.code,
                              &st.ack_bound, st.final);

  _rd_stage_bind_response (engine, &st);
  if (st.resp_bound.set)
    _rd_stage_response_deadline (engine, c, &st);

  if (st.resp == NULL)
    return;
  if (!st.final)
    _rd_stage_escalation_deadline (engine, c, &st);
  if (st.final && !*referral_done)
    {
      *referral_done = TRUE;
      _rd_stage_ombudsman_deadline (engine, c, &st);
    }
}

static void
policy_notes (RdEngine *engine,
              RdPolicy *code)
{
  RdPolicy *landlord = engine->landlord;

  if (landlord == NULL || code == NULL)
    return;
  if (rd_policy_get_has_stage_zero (landlord) && rd_policy_get_stage_zero_forbidden (code))
    _rd_engine_note (engine, _("Your landlord’s policy has an informal “stage 0”. The %s does not "
                               "allow extra stages: a complaint is a stage 1 complaint from the day "
                               "it is made, so Redress counts stage 1 from then."),
                     code_name (code));
  if (rd_policy_get_max_stages (code) > 0 &&
      rd_policy_get_n_stages (landlord) > rd_policy_get_max_stages (code))
    _rd_engine_note (engine, _("Your landlord’s policy has %u stages, but the %s allows only %u. "
                               "The landlord’s stage %u response is its final response: after it "
                               "you can go to the Housing Ombudsman."),
                     rd_policy_get_n_stages (landlord), code_name (code),
                     rd_policy_get_max_stages (code), rd_policy_get_max_stages (code));
}

void
_rd_engine_complaints (RdEngine *engine)
{
  g_autoptr(GHashTable) complaints = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                            NULL, complaint_free);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = rd_deadline_input_get_n_events (engine->input);

  for (guint i = 0; i < n; i++)
    {
      const RdCaseEvent *e = rd_deadline_input_get_event (engine->input, i);
      Complaint *c;
      StageEvent se = { e, e->stage, i };

      if (e->type != RD_CASE_EVENT_COMPLAINT)
        continue;
      c = g_hash_table_lookup (complaints, &e->group);
      if (c == NULL)
        {
          c = g_new0 (Complaint, 1);
          c->events = g_array_new (FALSE, FALSE, sizeof (StageEvent));
          g_hash_table_insert (complaints, (gpointer) &e->group, c);
          g_array_append_val (order, e->group);
        }
      g_array_append_val (c->events, se);
    }

  for (guint k = 0; k < order->len; k++)
    {
      gint64 group = g_array_index (order, gint64, k);
      Complaint *c = g_hash_table_lookup (complaints, &group);
      const RdCaseEvent *made;
      RdPolicy *code;
      guint running = 1, final_stage;
      gboolean referral_done = FALSE;

      g_array_sort (c->events, compare_stage_events);
      /* Events without a stage take it from the order: an escalation request
       * opens the next stage. */
      for (guint i = 0; i < c->events->len; i++)
        {
          StageEvent *se = &g_array_index (c->events, StageEvent, i);

          if (se->stage == 0)
            se->stage = is_escalation (se->event) ? running + 1 : running;
          se->stage = MIN (se->stage, RD_POLICY_MAX_STAGES);
          running = MAX (running, se->stage);
          c->n_stages = MAX (c->n_stages, se->stage);
        }

      made = _rd_complaint_first_any (c, is_made);
      code = made ? _rd_engine_code_for_date (engine, &made->when.date) : NULL;
      policy_notes (engine, code);

      /* The stage whose response ends the landlord's process */
      if (code != NULL && rd_policy_get_max_stages (code) > 0)
        final_stage = rd_policy_get_max_stages (code);
      else
        final_stage = MAX (code ? rd_policy_get_n_stages (code) : 0,
                           engine->landlord ? rd_policy_get_n_stages (engine->landlord) : 0);
      if (final_stage == 0)
        final_stage = 2;

      for (guint s = 1; s <= c->n_stages; s++)
        stage_deadlines (engine, group, c, s, final_stage, &referral_done);
    }
}
