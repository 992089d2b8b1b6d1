/* rd-deadline-engine-reports.c: reports to the landlord: anti-social behaviour, repairs and hazards.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-deadline"

#include "config.h"

#include "rd-gettext.h"

#include "rd-coverage.h"
#include "rd-deadline-engine-private.h"

/* The risk as the explanation says it, inside a sentence. */
static const char *
risk_label (RdAsbRisk risk)
{
  switch (risk)
    {
    case RD_ASB_RISK_HIGH: return _("high risk");
    case RD_ASB_RISK_MEDIUM: return _("medium risk");
    case RD_ASB_RISK_LOW: return _("low risk");
    case RD_ASB_RISK_N_LEVELS:
    default: return _("risk not known");
    }
}

/* An ASB report's explanation, when asked for: its recipe's detail is
 * the risk level the landlord gave it, or RD_ASB_RISK_N_LEVELS when that
 * is not known and the longest limit was used. */
static char *
explain_asb (RdDeadline            *d,
             const RdExplainRecipe *recipe)
{
  g_autofree char *reported = rd_moment_format_on (&recipe->from);
  g_autofree char *due = rd_moment_format_long (&d->due);
  g_autofree char *limit_text = rd_limit_format (&recipe->limit);
  g_autofree char *how = NULL;
  gboolean past = _rd_deadline_is_past (d, &recipe->words->today);

  /* Translators, below: the first %s is a date with its preposition, "on
   * Monday 4 November 2024 at 22:30" */
  if (recipe->detail >= RD_ASB_RISK_N_LEVELS)
    how = g_strdup_printf (past
                           ? _("You reported anti-social behaviour %s. Redress does not know the risk "
                               "level the landlord gave it, so it uses the longest first-response "
                               "time in your landlord’s policy, %s: the first response was due by %s.")
                           : _("You reported anti-social behaviour %s. Redress does not know the risk "
                               "level the landlord gave it, so it uses the longest first-response "
                               "time in your landlord’s policy, %s: the first response is due by %s."),
                           reported, limit_text, due);
  else
    how = g_strdup_printf (past
                           ? _("You reported anti-social behaviour %s (%s). Your landlord’s policy "
                               "sets a time limit for a first response: %s. It was due by %s.")
                           : _("You reported anti-social behaviour %s (%s). Your landlord’s policy "
                               "sets a time limit for a first response: %s. It is due by %s."),
                           reported, risk_label (recipe->detail), limit_text, due);
  return _rd_engine_explain (d, recipe, how);
}

static void
asb_deadline (RdEngine          *engine,
              const RdCaseEvent *e)
{
  RdPolicy *landlord = engine->landlord;
  const RdLimit *limit = NULL;
  g_autoptr(RdDeadline) d = NULL;
  gboolean guessed = FALSE;
  const RdCaseEvent *next;

  if (landlord == NULL)
    return;
  if (e->risk < RD_ASB_RISK_N_LEVELS)
    {
      limit = rd_policy_get_asb_first_response (landlord, e->risk);
      if (!rd_limit_is_set (limit))
        {
          _rd_engine_note (engine, _("Your landlord’s profile gives no first-response time for "
                                     "reports of anti-social behaviour at %s, so Redress cannot "
                                     "check them."), risk_label (e->risk));
          return;
        }
    }
  else
    {
      /* Not knowing the risk level, use the longest time the policy gives,
       * so Redress never calls a response late that may not have been. */
      RdMoment best, due_r;

      limit = NULL;
      for (guint r = 0; r < RD_ASB_RISK_N_LEVELS; r++)
        {
          const RdLimit *l = rd_policy_get_asb_first_response (landlord, r);

          if (_rd_engine_due (engine, l, &e->when, &due_r) &&
              (limit == NULL || rd_moment_compare (&due_r, &best) > 0))
            {
              limit = l;
              best = due_r;
            }
        }
      guessed = TRUE;
    }
  if (limit == NULL)
    {
      _rd_engine_note (engine, _("Your landlord’s profile gives no first-response times for reports "
                                 "of anti-social behaviour, so Redress cannot check them."));
      return;
    }

  d = _rd_deadline_new (RD_DEADLINE_KIND_ASB_RESPONSE, RD_DEADLINE_ON_LANDLORD);
  if (!_rd_engine_due (engine, limit, &e->when, &d->due))
    return;
  next = _rd_engine_next_from_contact (engine, &e->when);
  d->group = e->id;
  d->title = g_strdup (_("First response to an ASB report"));
  _rd_deadline_add_source (d, e);
  if (next != NULL)
    {
      d->done = next->when;
      _rd_deadline_add_source (d, next);
    }
  _rd_engine_finish_later (engine, d, limit, &e->when, explain_asb,
                           guessed ? RD_ASB_RISK_N_LEVELS : (int) e->risk, RD_DONE_CONTACTED);
  _rd_engine_set_generic_next_step (engine, d,
                                    _("Chase the landlord, quote its own response time for this "
                                      "risk level, and keep a record."));
  d->basis = g_strdup (_("Your landlord’s own policy"));
  g_ptr_array_add (engine->deadlines, g_steal_pointer (&d));
}

/* The earliest of the report's steps of @type. Only the events of the
 * report's group are looked at, so that a diary of many reports costs
 * each report its own steps, not every event of the case. */
const RdCaseEvent *
_rd_engine_first_step (RdEngine        *engine,
                       RdCaseEventType  type,
                       gint64           report)
{
  GPtrArray *group = g_hash_table_lookup (engine->by_group, &report);
  const RdCaseEvent *found = NULL;

  for (guint i = 0; group != NULL && i < group->len; i++)
    {
      const RdCaseEvent *e = g_ptr_array_index (group, i);

      if (e->type == type && e->group == report &&
          (found == NULL || rd_moment_compare (&e->when, &found->when) < 0))
        found = e;
    }
  return found;
}

/* The earliest of the report's steps of @type_a or @type_b (or
 * %RD_CASE_EVENT_N_TYPES for none): one step can stand for another, the
 * finished repair for the safety work, for example. */
const RdCaseEvent *
_rd_engine_first_of (RdEngine        *engine,
                     gint64           report,
                     RdCaseEventType  type_a,
                     RdCaseEventType  type_b,
                     RdCaseEventType  type_c)
{
  const RdCaseEvent *found = NULL;
  RdCaseEventType types[] = { type_a, type_b, type_c };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      const RdCaseEvent *e = types[t] < RD_CASE_EVENT_N_TYPES
        ? _rd_engine_first_step (engine, types[t], report)
        : NULL;

      if (e != NULL && (found == NULL || rd_moment_compare (&e->when, &found->when) < 0))
        found = e;
    }
  return found;
}

/* A repair's explanation, when asked for: the priority is the rule the
 * deadline keeps. */
static char *
explain_repair (RdDeadline            *d,
                const RdExplainRecipe *recipe)
{
  g_autofree char *reported = rd_moment_format_on (&recipe->from);
  g_autofree char *due = rd_moment_format_long (&d->due);
  g_autofree char *limit_text = rd_limit_format (&recipe->limit);
  g_autofree char *unknown = _rd_engine_unknown_start_sentence (&recipe->limit, &recipe->from, TRUE);
  g_autofree char *how = NULL;

  /* Translators, below: the first %s is a date with its preposition, "on
   * Monday 4 November 2024" */
  how = g_strdup_printf (_rd_deadline_is_past (d, &recipe->words->today)
                         ? _("You reported the repair %s and the landlord gave it the priority "
                             "“%s”, with this time limit in its policy: %s. It was due by %s.")
                         : _("You reported the repair %s and the landlord gave it the priority "
                             "“%s”, with this time limit in its policy: %s. It is due by %s."),
                         reported, d->rule, limit_text, due);
  if (unknown != NULL)
    {
      char *longer = g_strdup_printf ("%s %s", how, unknown);

      g_free (how);
      how = longer;
    }
  return _rd_engine_explain (d, recipe, how);
}

static void
repair_deadline (RdEngine          *engine,
                 const RdCaseEvent *e)
{
  const RdRepairPriority *priority;
  g_autoptr(RdDeadline) d = NULL;
  const RdCaseEvent *done;

  if (engine->landlord == NULL)
    return;
  priority = rd_policy_find_repair_priority (engine->landlord, e->text);
  if (priority == NULL)
    {
      _rd_engine_note (engine, _("A repair was given the priority “%s”, which your landlord’s profile "
                                 "does not list, so Redress cannot check it."), e->text);
      return;
    }

  d = _rd_deadline_new (RD_DEADLINE_KIND_REPAIR, RD_DEADLINE_ON_LANDLORD);
  if (!_rd_engine_due (engine, &priority->limit, &e->when, &d->due))
    return;
  done = _rd_engine_first_step (engine, RD_CASE_EVENT_REPAIR_DONE, e->id);
  d->group = e->id;
  d->title = g_strdup_printf (_("Repair (%s)"), priority->label);
  d->step = RD_STEP_REPAIRED;
  /* The priority alone: a letter names the landlord's policy around it in
   * a sentence of its own (rd-letter-repairs.c) */
  d->rule = g_strdup (priority->label);
  _rd_deadline_add_source (d, e);
  if (done != NULL)
    {
      d->done = done->when;
      _rd_deadline_add_source (d, done);
    }
  /* A limit in hours counts from the end of the day of a report made at
   * a time not recorded: the explanation says so. */
  d->start_time_unknown = rd_limit_is_timed (&priority->limit) && e->when.minute < 0;
  _rd_engine_finish_later (engine, d, &priority->limit, &e->when, explain_repair, 0, RD_DONE_DONE);
  _rd_engine_set_generic_next_step (engine, d,
                                    _("Chase the repair, quote its priority and the time your "
                                      "landlord’s policy gives, and keep a record."));
  d->basis = g_strdup (_("Your landlord’s own policy"));
  g_ptr_array_add (engine->deadlines, g_steal_pointer (&d));
}

/* ASB reports, repairs and hazards. */
void
_rd_engine_reports (RdEngine *engine)
{
  const char *private_rules = rd_tenancy_private_rules (rd_deadline_input_get_tenancy (engine->input));

  /* Those rules are England's (the Renters' Rights Act 2025) */
  if (private_rules != NULL && !_rd_engine_in_wales (engine))
    _rd_engine_note (engine, "%s", private_rules);

  for (guint i = 0; i < rd_deadline_input_get_n_events (engine->input); i++)
    {
      const RdCaseEvent *e = rd_deadline_input_get_event (engine->input, i);

      switch (e->type)
        {
        case RD_CASE_EVENT_ASB_REPORT:
          asb_deadline (engine, e);
          break;
        case RD_CASE_EVENT_REPAIR_REPORT:
          repair_deadline (engine, e);
          break;
        case RD_CASE_EVENT_HAZARD_REPORT:
          _rd_engine_hazard_deadlines (engine, e);
          break;
        case RD_CASE_EVENT_COMPLAINT:
        case RD_CASE_EVENT_CONTACT:
        case RD_CASE_EVENT_REPAIR_DONE:
        case RD_CASE_EVENT_HAZARD_INVESTIGATED:
        case RD_CASE_EVENT_HAZARD_SUMMARY:
        case RD_CASE_EVENT_HAZARD_MADE_SAFE:
        case RD_CASE_EVENT_WORKS_STARTED:
        case RD_CASE_EVENT_ALTERNATIVE_OFFERED:
        case RD_CASE_EVENT_N_TYPES:
        default:
          break;
        }
    }
}
