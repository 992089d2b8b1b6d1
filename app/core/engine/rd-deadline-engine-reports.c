/* rd-deadline-engine-reports.c: promises, the landlord's rules, ASB reports, repairs and Awaab's Law.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-deadline"

#include "config.h"

#include "rd-gettext.h"

#include "rd-awaab.h"
#include "rd-coverage.h"
#include "rd-datetime.h"
#include "rd-incident.h"
#include "rd-deadline-engine-private.h"

/* Whether a deadline's sentence speaks of it in the past ("was due"): it
 * was met or missed, or its day is gone. Each sentence is written whole
 * in both tenses, for translators. */
static gboolean
is_past (RdEngine       *engine,
         const RdMoment *due,
         const RdMoment *done)
{
  return rd_moment_is_set (done) || g_date_compare (&due->date, &engine->today) < 0;
}

static void
set_generic_next_step (RdEngine   *engine,
                       RdDeadline *d,
                       const char *when_missing)
{
  const char *due = _rd_engine_when (engine, &d->due);

  switch (d->status)
    {
    case RD_DEADLINE_PENDING:
    case RD_DEADLINE_DUE_SOON:
      d->next_step = g_strdup_printf (_("Nothing to do yet. If nothing has happened by %s, send a "
                                        "chaser."), due);
      break;
    case RD_DEADLINE_MISSED:
      d->next_step = rd_moment_is_set (&d->done)
        ? g_strdup (_("Note the delay in your diary: it is a failure you can mention in a complaint."))
        : g_strdup (when_missing);
      break;
    case RD_DEADLINE_MET:
    default:
      d->next_step = g_strdup (_("No action needed."));
      break;
    }
}

static char *
shorten (const char *text)
{
  if (g_utf8_strlen (text, -1) <= 60)
    return g_strdup (text);
  {
    g_autofree char *head = g_utf8_substring (text, 0, 59);

    return g_strdup_printf ("%s…", head);
  }
}

/* The first contact from the same person or body strictly after @e, which
 * @e comes before in the engine's contacts (they are sorted by time). */
static const RdCaseEvent *
next_from_party (RdEngine          *engine,
                 guint              index,
                 const RdCaseEvent *e)
{
  if (e->party == 0)
    return NULL;
  for (guint j = index + 1; j < engine->contacts->len; j++)
    {
      const RdCaseEvent *c = g_ptr_array_index (engine->contacts, j);

      if (!c->with_landlord && c->party == e->party && c->direction == RD_CONTACT_FROM &&
          rd_moment_compare (&c->when, &e->when) > 0)
        return c;
    }
  return NULL;
}

/* A promise made by someone other than the landlord (the police, the
 * council, an MP): kept when they are next in touch. */
static void
other_promise (RdEngine          *engine,
               guint              index,
               const RdCaseEvent *e)
{
  g_autoptr(RdDeadline) d = NULL;
  const RdCaseEvent *next = next_from_party (engine, index, e);
  g_autofree char *what = shorten (e->text[0] ? e->text : _("something"));
  const char *who = e->who[0] ? e->who : _("Someone other than the landlord");
  const char *made = _rd_engine_on (engine, &e->when);
  const char *due = NULL;
  g_autofree char *how = NULL;

  d = _rd_deadline_new (RD_DEADLINE_KIND_PROMISE, RD_DEADLINE_ON_OTHER);
  d->group = e->id;
  d->title = g_strdup_printf (_("Promise: %s"), what);
  rd_moment_set_date (&d->due, &e->promise_due);
  _rd_deadline_add_source (d, e);
  if (next != NULL)
    {
      d->done = next->when;
      _rd_deadline_add_source (d, next);
    }
  due = _rd_engine_when (engine, &d->due);
  /* Translators: "PC Sam Lee (Police) promised on Monday 4 November 2024 at 10:00
   * “to call you back” by Friday 8 November 2024.": the second %s is a date
   * and time with its preposition */
  how = g_strdup_printf (_("%s promised %s “%s” by %s."), who, made, e->text, due);
  _rd_engine_finish (engine, d, NULL, how, RD_DONE_THEY_CONTACTED);
  switch (d->status)
    {
    case RD_DEADLINE_MET:
      d->next_step = g_strdup (_("Check that they did what they promised; if not, note it and ask "
                                 "them again."));
      break;
    case RD_DEADLINE_MISSED:
      d->next_step = g_strdup (_("Get back in touch with them, quote the promise and its date, and "
                                 "keep a record."));
      break;
    case RD_DEADLINE_PENDING:
    case RD_DEADLINE_DUE_SOON:
    default:
      d->next_step = g_strdup_printf (_("Nothing to do yet. If nothing has happened by %s, get back in "
                                        "touch with them."), due);
      break;
    }
  d->basis = g_strdup (_("Their own promise"));
  g_ptr_array_add (engine->deadlines, g_steal_pointer (&d));
}

/* Promises made in contacts, and the landlord's rules about kinds of contact. */
void
_rd_engine_contacts (RdEngine *engine)
{
  RdPolicy *landlord = engine->landlord;
  guint n_rules = landlord ? rd_policy_get_n_rules (landlord) : 0;

  for (guint i = 0; i < engine->contacts->len; i++)
    {
      const RdCaseEvent *e = g_ptr_array_index (engine->contacts, i);

      if (!e->with_landlord)
        {
          /* The landlord's rules are about contacts with the landlord. */
          if (g_date_valid (&e->promise_due))
            other_promise (engine, i, e);
          continue;
        }

      if (g_date_valid (&e->promise_due))
        {
          g_autoptr(RdDeadline) d = NULL;
          const RdCaseEvent *next = _rd_engine_next_from_contact (engine, &e->when);
          g_autofree char *what = shorten (e->text[0] ? e->text : _("something"));
          g_autofree char *title = g_strdup_printf (_("Promise: %s"), what);
          const char *made = _rd_engine_when (engine, &e->when);
          const char *due = NULL;
          g_autofree char *how = NULL;

          d = _rd_deadline_new (RD_DEADLINE_KIND_PROMISE, RD_DEADLINE_ON_LANDLORD);
          d->group = e->id;
          d->title = g_steal_pointer (&title);
          rd_moment_set_date (&d->due, &e->promise_due);
          _rd_deadline_add_source (d, e);
          if (next != NULL)
            {
              d->done = next->when;
              _rd_deadline_add_source (d, next);
            }
          due = _rd_engine_when (engine, &d->due);
          how = g_strdup_printf (_("On %s the landlord promised “%s” by %s."), made, e->text, due);
          _rd_engine_finish (engine, d, NULL, how, RD_DONE_CONTACTED);
          if (d->status == RD_DEADLINE_MET)
            d->next_step = g_strdup (_("Check that the landlord did what it promised; if not, note it "
                                       "and chase."));
          else
            set_generic_next_step (engine, d, _("Send a chaser that quotes the promise and its date."));
          d->basis = g_strdup (_("The landlord’s own promise"));
          g_ptr_array_add (engine->deadlines, g_steal_pointer (&d));
        }

      for (guint r = 0; r < n_rules; r++)
        {
          const RdPolicyRule *rule = rd_policy_get_rule (landlord, r);
          g_autoptr(RdDeadline) d = NULL;
          const RdCaseEvent *next;
          const char *started = NULL;
          const char *due = NULL;
          g_autofree char *limit = NULL;
          g_autofree char *how = NULL;

          if (rule->direction != e->direction ||
              (rule->channel >= 0 && (RdContactChannel) rule->channel != e->channel))
            continue;

          d = _rd_deadline_new (RD_DEADLINE_KIND_RULE, RD_DEADLINE_ON_LANDLORD);
          if (!_rd_engine_due (engine, &rule->limit, &e->when, &d->due))
            continue;
          next = _rd_engine_next_from_contact (engine, &e->when);
          d->group = e->id;
          d->title = g_strdup (rule->label);
          _rd_deadline_add_source (d, e);
          if (next != NULL)
            {
              d->done = next->when;
              _rd_deadline_add_source (d, next);
            }
          started = _rd_engine_on (engine, &e->when);
          due = _rd_engine_when (engine, &d->due);
          limit = rd_limit_format (&rule->limit);
          /* Translators: the second %s is a date with its preposition, "on Monday 4
           * November 2024" */
          how = g_strdup_printf (is_past (engine, &d->due, &d->done)
                                 ? _("Your landlord’s policy: “%s”. For the contact %s that was "
                                     "due by %s, %s later.")
                                 : _("Your landlord’s policy: “%s”. For the contact %s that is "
                                     "due by %s, %s later."),
                                 rule->label, started, due, limit);
          _rd_engine_finish (engine, d, &rule->limit, how, RD_DONE_CONTACTED);
          set_generic_next_step (engine, d, _("Send a chaser that quotes your landlord’s own rule."));
          d->basis = g_strdup (_("Your landlord’s own policy"));
          g_ptr_array_add (engine->deadlines, g_steal_pointer (&d));
        }
    }
}

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

static void
asb_deadline (RdEngine          *engine,
              const RdCaseEvent *e)
{
  RdPolicy *landlord = engine->landlord;
  const RdLimit *limit = NULL;
  g_autoptr(RdDeadline) d = NULL;
  const char *reported = NULL;
  const char *due = NULL;
  g_autofree char *limit_text = NULL;
  g_autofree char *how = NULL;
  gboolean guessed = FALSE, past;
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
  /* Translators, below: the first %s is a date with its preposition, "on
   * Monday 4 November 2024 at 22:30" */
  reported = _rd_engine_on (engine, &e->when);
  due = _rd_engine_when (engine, &d->due);
  limit_text = rd_limit_format (limit);
  past = is_past (engine, &d->due, &d->done);
  if (guessed)
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
                               "gives %s for a first response: it was due by %s.")
                           : _("You reported anti-social behaviour %s (%s). Your landlord’s policy "
                               "gives %s for a first response: it is due by %s."),
                           reported, risk_label (e->risk), limit_text, due);
  _rd_engine_finish (engine, d, limit, how, RD_DONE_CONTACTED);
  set_generic_next_step (engine, d, _("Chase the landlord, quote its own response time for this risk level, "
                              "and keep a record."));
  d->basis = g_strdup (_("Your landlord’s own policy"));
  g_ptr_array_add (engine->deadlines, g_steal_pointer (&d));
}

static const RdCaseEvent *
first_step (RdEngine        *engine,
            RdCaseEventType  type,
            gint64           report)
{
  const RdCaseEvent *found = NULL;

  for (guint i = 0; i < rd_deadline_input_get_n_events (engine->input); i++)
    {
      const RdCaseEvent *e = rd_deadline_input_get_event (engine->input, i);

      if (e->type == type && e->group == report &&
          (found == NULL || rd_moment_compare (&e->when, &found->when) < 0))
        found = e;
    }
  return found;
}

/* The earliest of the report's steps of @type_a or @type_b (or
 * %RD_CASE_EVENT_N_TYPES for none): one step can stand for another, the
 * finished repair for the safety work, for example. */
static const RdCaseEvent *
first_of (RdEngine        *engine,
          gint64           report,
          RdCaseEventType  type_a,
          RdCaseEventType  type_b,
          RdCaseEventType  type_c)
{
  const RdCaseEvent *found = NULL;
  RdCaseEventType types[] = { type_a, type_b, type_c };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      const RdCaseEvent *e = types[t] < RD_CASE_EVENT_N_TYPES ? first_step (engine, types[t], report) : NULL;

      if (e != NULL && (found == NULL || rd_moment_compare (&e->when, &found->when) < 0))
        found = e;
    }
  return found;
}

static void
repair_deadline (RdEngine          *engine,
                 const RdCaseEvent *e)
{
  const RdRepairPriority *priority;
  g_autoptr(RdDeadline) d = NULL;
  const RdCaseEvent *done;
  const char *reported = NULL;
  const char *due = NULL;
  g_autofree char *limit_text = NULL;
  g_autofree char *how = NULL;

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
  done = first_step (engine, RD_CASE_EVENT_REPAIR_DONE, e->id);
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
  /* Translators, below: the first %s is a date with its preposition, "on
   * Monday 4 November 2024" */
  reported = _rd_engine_on (engine, &e->when);
  due = _rd_engine_when (engine, &d->due);
  limit_text = rd_limit_format (&priority->limit);
  how = g_strdup_printf (is_past (engine, &d->due, &d->done)
                         ? _("You reported the repair %s and the landlord gave it the priority "
                             "“%s”, which its policy says takes %s: it was due by %s.")
                         : _("You reported the repair %s and the landlord gave it the priority "
                             "“%s”, which its policy says takes %s: it is due by %s."),
                         reported, priority->label, limit_text, due);
  _rd_engine_add_unknown_start (d, &priority->limit, &e->when, TRUE, &how);
  _rd_engine_finish (engine, d, &priority->limit, how, RD_DONE_DONE);
  set_generic_next_step (engine, d, _("Chase the repair, quote its priority and the time your landlord’s "
                              "policy gives, and keep a record."));
  d->basis = g_strdup (_("Your landlord’s own policy"));
  g_ptr_array_add (engine->deadlines, g_steal_pointer (&d));
}

static const char *
hazard_done_phrase (const RdCaseEvent *done)
{
  switch (done->type)
    {
    case RD_CASE_EVENT_ALTERNATIVE_OFFERED:
      return _("The landlord offered alternative accommodation, which meets this step when the home "
               "cannot be made safe in time.");
    case RD_CASE_EVENT_REPAIR_DONE:
      return _("The diary records the repair as completed, which includes this step.");
    case RD_CASE_EVENT_HAZARD_MADE_SAFE:
    case RD_CASE_EVENT_WORKS_STARTED:
    case RD_CASE_EVENT_HAZARD_INVESTIGATED:
    case RD_CASE_EVENT_HAZARD_SUMMARY:
    case RD_CASE_EVENT_COMPLAINT:
    case RD_CASE_EVENT_CONTACT:
    case RD_CASE_EVENT_ASB_REPORT:
    case RD_CASE_EVENT_REPAIR_REPORT:
    case RD_CASE_EVENT_HAZARD_REPORT:
    case RD_CASE_EVENT_N_TYPES:
    default:
      return NULL;
    }
}

/* The landlord's step that meets each of Awaab's Law's requirements. */
static RdLandlordStep
step_for_rule (RdHazardRule rule)
{
  switch (rule)
    {
    case RD_HAZARD_RULE_INVESTIGATE:
      return RD_STEP_INVESTIGATED;
    case RD_HAZARD_RULE_SUMMARY:
      return RD_STEP_SUMMARY_GIVEN;
    case RD_HAZARD_RULE_MAKE_SAFE:
      return RD_STEP_MADE_SAFE;
    case RD_HAZARD_RULE_WORKS_START:
      return RD_STEP_WORKS_STARTED;
    case RD_HAZARD_N_RULES:
    default:
      return RD_STEP_N_STEPS;
    }
}

/* Awaab's Law's steps as the deadlines name them. Each step's explanation
 * is one whole sentence naming the step and what started its clock: after
 * "after" Welsh mutates and Polish declines each noun its own way, so
 * neither can be inserted into a shared sentence. */
typedef enum {
  HAZARD_EMERGENCY_INVESTIGATION,
  HAZARD_EMERGENCY_MADE_SAFE,
  HAZARD_DAMP_INVESTIGATION,
  HAZARD_OTHER_INVESTIGATION,   /* the hazard's level in brackets */
  HAZARD_SUMMARY,
  HAZARD_SAFETY_WORK,
  HAZARD_FURTHER_WORK,
} HazardStep;

static char *
hazard_step_title (HazardStep  step,
                   const char *level)
{
  switch (step)
    {
    case HAZARD_EMERGENCY_INVESTIGATION:
      return g_strdup (_("The investigation of the emergency hazard"));
    case HAZARD_EMERGENCY_MADE_SAFE:
      return g_strdup (_("Making the emergency hazard safe"));
    case HAZARD_DAMP_INVESTIGATION:
      return g_strdup (_("The investigation of the damp and mould hazard"));
    case HAZARD_OTHER_INVESTIGATION:
      /* Translators: %s is a kind of hazard, "Excess cold" */
      return g_strdup_printf (_("The investigation of the hazard (%s)"), level);
    case HAZARD_SUMMARY:
      return g_strdup (_("The written summary of the investigation"));
    case HAZARD_SAFETY_WORK:
      return g_strdup (_("The safety work"));
    case HAZARD_FURTHER_WORK:
      return g_strdup (_("Starting the further work"));
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "The safety work was due by …, 20 working days after the investigation on
 * Monday 4 November 2024.": @from is a date with its preposition */
static char *
hazard_step_explanation (HazardStep  step,
                         gboolean    past,
                         const char *level,
                         const char *due,
                         const char *limit,
                         const char *from)
{
  switch (step)
    {
    case HAZARD_EMERGENCY_INVESTIGATION:
      /* Translators: "The investigation of the emergency hazard was due by Tuesday 5
       * November 2024 at 10:00, 24 hours after the report on Monday 4 November 2024 at
       * 10:00.": the first %s is a date, the second a time limit, the last a date with its
       * preposition */
      return g_strdup_printf (past ? _("The investigation of the emergency hazard was due by "
                                        "%s, %s after the report %s.")
                                   : _("The investigation of the emergency hazard is due by "
                                        "%s, %s after the report %s."),
                              due, limit, from);
    case HAZARD_EMERGENCY_MADE_SAFE:
      return g_strdup_printf (past ? _("Making the emergency hazard safe was due by %s, %s "
                                        "after the report %s.")
                                   : _("Making the emergency hazard safe is due by %s, %s "
                                        "after the report %s."),
                              due, limit, from);
    case HAZARD_DAMP_INVESTIGATION:
      return g_strdup_printf (past ? _("The investigation of the damp and mould hazard was "
                                        "due by %s, %s after the report %s.")
                                   : _("The investigation of the damp and mould hazard is due "
                                        "by %s, %s after the report %s."),
                              due, limit, from);
    case HAZARD_OTHER_INVESTIGATION:
      /* Translators: the first %s is a kind of hazard, "Excess cold" */
      return g_strdup_printf (past ? _("The investigation of the hazard (%s) was due by %s, "
                                        "%s after the report %s.")
                                   : _("The investigation of the hazard (%s) is due by %s, %s "
                                        "after the report %s."),
                              level, due, limit, from);
    case HAZARD_SUMMARY:
      return g_strdup_printf (past ? _("The written summary of the investigation was due by "
                                        "%s, %s after the investigation %s.")
                                   : _("The written summary of the investigation is due by "
                                        "%s, %s after the investigation %s."),
                              due, limit, from);
    case HAZARD_SAFETY_WORK:
      return g_strdup_printf (past ? _("The safety work was due by %s, %s after the "
                                        "investigation %s.")
                                   : _("The safety work is due by %s, %s after the "
                                        "investigation %s."),
                              due, limit, from);
    case HAZARD_FURTHER_WORK:
      return g_strdup_printf (past ? _("Starting the further work was due by %s, %s after the "
                                        "investigation %s.")
                                   : _("Starting the further work is due by %s, %s after the "
                                        "investigation %s."),
                              due, limit, from);
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
hazard_step (RdEngine          *engine,
             const RdCaseEvent *report,
             RdPolicy          *awaab,
             RdHazardRule       rule,
             const RdCaseEvent *from,
             const RdCaseEvent *done,
             HazardStep         step,
             const char        *basis)
{
  const char *level = rd_hazard_level_get_label (report->hazard);
  const RdLimit *limit = rd_policy_get_hazard_limit (awaab, report->hazard, rule);
  g_autoptr(RdDeadline) d = NULL;
  const char *from_text = NULL;
  const char *due = NULL;
  const char *stood_for = NULL;
  g_autofree char *limit_text = NULL;
  g_autofree char *how = NULL;

  if (!rd_limit_is_set (limit))
    return;
  d = _rd_deadline_new (RD_DEADLINE_KIND_HAZARD, RD_DEADLINE_ON_LANDLORD);
  if (!_rd_engine_due (engine, limit, &from->when, &d->due))
    return;
  d->group = report->id;
  d->title = hazard_step_title (step, level);
  d->step = step_for_rule (rule);
  d->rule = g_strdup (rd_policy_get_name (awaab));
  _rd_deadline_add_source (d, report);
  if (from != report)
    _rd_deadline_add_source (d, from);
  if (done != NULL)
    {
      d->done = done->when;
      _rd_deadline_add_source (d, done);
      stood_for = hazard_done_phrase (done);
    }
  from_text = _rd_engine_on (engine, &from->when);
  due = _rd_engine_when (engine, &d->due);
  limit_text = rd_limit_format (limit);
  how = hazard_step_explanation (step, is_past (engine, &d->due, &d->done), level, due, limit_text,
                                 from_text);
  if (stood_for != NULL)
    {
      char *longer = g_strdup_printf ("%s %s", how, stood_for);

      g_free (how);
      how = longer;
    }
  _rd_engine_add_unknown_start (d, limit, &from->when, from == report, &how);
  _rd_engine_finish (engine, d, limit, how, RD_DONE_DONE);
  set_generic_next_step (engine, d, report->hazard == RD_HAZARD_EMERGENCY
                            ? _("Call the landlord’s emergency line now, say it is an emergency "
                                "hazard under Awaab’s Law, and keep a record of the call.")
                            : _("Write to the landlord: say the hazard is covered by Awaab’s Law, "
                                "give the date you reported it, and ask when it will act."));
  d->basis = g_strdup (basis);
  g_ptr_array_add (engine->deadlines, g_steal_pointer (&d));
}

static void
hazard_deadlines (RdEngine          *engine,
                  const RdCaseEvent *report)
{
  RdPolicy *awaab = rd_policy_get_awaabs_law ();
  RdSocialHousing social = rd_deadline_input_get_social_housing (engine->input);
  const RdAwaabPhase *phase = rd_awaab_phase_for_hazard (report->hazard);
  const RdCaseEvent *investigated, *summary, *safe, *started;
  g_autofree char *basis = NULL;

  if (awaab == NULL || phase == NULL)
    return;
  if (_rd_engine_in_wales (engine))
    {
      _rd_engine_note (engine, _("Awaab’s Law applies in England only, so Redress does not check its "
                                 "time limits for a home in Wales. In Wales your landlord must keep "
                                 "the home fit for human habitation under the Renting Homes (Wales) "
                                 "Act 2016: report the hazard in writing and keep a record."));
      return;
    }
  /* Why the home is, is not, or may be covered, from the tenancy */
  if (social != RD_SOCIAL_HOUSING_YES)
    {
      const char *reason = NULL;

      rd_tenancy_awaab_coverage (rd_deadline_input_get_tenancy (engine->input), &reason);
      _rd_engine_note (engine, "%s", reason);
    }
  if (social == RD_SOCIAL_HOUSING_NO)
    {
      _rd_engine_note (engine, _("Awaab’s Law applies to social housing only, so Redress does not "
                                 "check its time limits for this home."));
      return;
    }
  /* Judged by the phase in force on the day of the report: a hazard whose
   * phase is only announced binds nobody yet, whatever today is. */
  if (rd_awaab_phase_get_in_force (phase) == NULL)
    {
      const char *announced = rd_awaab_phase_get_announced (phase);

      if (announced != NULL)
        _rd_engine_note (engine, _("The government has announced that Awaab’s Law will cover hazards "
                                   "of the kind “%s” from %s, but Redress could not confirm a start "
                                   "date from the law itself. Your landlord may not yet be bound by "
                                   "its time limits, so Redress finds no fault under it; the landlord "
                                   "must still keep your home fit to live in and in repair."),
                         rd_hazard_level_get_label (report->hazard), announced);
      else
        _rd_engine_note (engine, _("Awaab’s Law does not yet cover hazards of the kind “%s”, so "
                                   "Redress finds no fault under it; the landlord must still keep "
                                   "your home fit to live in and in repair."),
                         rd_hazard_level_get_label (report->hazard));
      return;
    }
  if (!rd_awaab_phase_in_force_on (phase, &report->when.date))
    {
      const char *start = _rd_engine_on_day (engine, rd_awaab_phase_get_in_force (phase));

      /* Translators: %s is a date with its preposition, "on Monday 27 October 2025" */
      _rd_engine_note (engine, _("Awaab’s Law came into force %s; hazards reported before then "
                                 "are not checked against it."), start);
      return;
    }

  basis = social == RD_SOCIAL_HOUSING_YES
    ? g_strdup (rd_policy_get_name (awaab))
    : g_strdup_printf (_("%s, which applies if your home is social housing"), rd_policy_get_name (awaab));

  /* A hazard made safe or repaired was looked at first: without a separate
   * investigation date, the earliest of those ends the investigation, so a
   * landlord that acted at once is not blamed for a missing record. */
  investigated = first_step (engine, RD_CASE_EVENT_HAZARD_INVESTIGATED, report->id);
  if (investigated == NULL)
    investigated = first_of (engine, report->id, RD_CASE_EVENT_HAZARD_MADE_SAFE,
                             RD_CASE_EVENT_REPAIR_DONE, RD_CASE_EVENT_N_TYPES);
  summary = first_step (engine, RD_CASE_EVENT_HAZARD_SUMMARY, report->id);
  safe = first_of (engine, report->id, RD_CASE_EVENT_HAZARD_MADE_SAFE, RD_CASE_EVENT_REPAIR_DONE,
                   RD_CASE_EVENT_ALTERNATIVE_OFFERED);
  started = first_of (engine, report->id, RD_CASE_EVENT_WORKS_STARTED, RD_CASE_EVENT_REPAIR_DONE,
                      RD_CASE_EVENT_N_TYPES);

  if (report->hazard == RD_HAZARD_EMERGENCY)
    {
      hazard_step (engine, report, awaab, RD_HAZARD_RULE_INVESTIGATE, report, investigated,
                   HAZARD_EMERGENCY_INVESTIGATION, basis);
      hazard_step (engine, report, awaab, RD_HAZARD_RULE_MAKE_SAFE, report, safe,
                   HAZARD_EMERGENCY_MADE_SAFE, basis);
    }
  else
    {
      hazard_step (engine, report, awaab, RD_HAZARD_RULE_INVESTIGATE, report, investigated,
                   report->hazard == RD_HAZARD_SIGNIFICANT ? HAZARD_DAMP_INVESTIGATION
                                                           : HAZARD_OTHER_INVESTIGATION,
                   basis);
      if (investigated != NULL)
        {
          hazard_step (engine, report, awaab, RD_HAZARD_RULE_SUMMARY, investigated, summary,
                       HAZARD_SUMMARY, basis);
          hazard_step (engine, report, awaab, RD_HAZARD_RULE_MAKE_SAFE, investigated, safe,
                       HAZARD_SAFETY_WORK, basis);
          /* Further work is needed only when the investigation found it; the
           * diary cannot say so, so Redress checks its start only once the
           * resident has recorded it (or the finished repair), and never
           * calls missing a step that may not have been needed. */
          if (started != NULL)
            hazard_step (engine, report, awaab, RD_HAZARD_RULE_WORKS_START, investigated, started,
                         HAZARD_FURTHER_WORK, basis);
        }
    }
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
          hazard_deadlines (engine, e);
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
