/* rd-deadline-engine-hazards.c: Awaab's Law: the landlord's time limits for each step of a reported hazard.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-deadline"

#include "config.h"

#include "rd-gettext.h"

#include "rd-awaab.h"
#include "rd-coverage.h"
#include "rd-incident.h"
#include "rd-deadline-engine-private.h"

/* What a record of @type that meets a step says of it, or NULL. */
static const char *
hazard_done_phrase (RdCaseEventType type)
{
  switch (type)
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

/* "The safety work was due by …, counted from the investigation on Monday 4
 * November 2024 (time limit: 20 working days).": @from is a date with its
 * preposition, and the limit stands alone, whatever its number and unit */
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
       * November 2024 at 10:00, counted from the report on Monday 4 November 2024 at 10:00
       * (time limit: 24 hours).": the first %s is a date, the second a date with its
       * preposition, the last a time limit */
      return g_strdup_printf (past ? _("The investigation of the emergency hazard was due by "
                                        "%s, counted from the report %s (time limit: %s).")
                                   : _("The investigation of the emergency hazard is due by "
                                        "%s, counted from the report %s (time limit: %s)."),
                              due, from, limit);
    case HAZARD_EMERGENCY_MADE_SAFE:
      return g_strdup_printf (past ? _("Making the emergency hazard safe was due by %s, "
                                        "counted from the report %s (time limit: %s).")
                                   : _("Making the emergency hazard safe is due by %s, "
                                        "counted from the report %s (time limit: %s)."),
                              due, from, limit);
    case HAZARD_DAMP_INVESTIGATION:
      return g_strdup_printf (past ? _("The investigation of the damp and mould hazard was "
                                        "due by %s, counted from the report %s (time limit: %s).")
                                   : _("The investigation of the damp and mould hazard is due "
                                        "by %s, counted from the report %s (time limit: %s)."),
                              due, from, limit);
    case HAZARD_OTHER_INVESTIGATION:
      /* Translators: the first %s is a kind of hazard, "Excess cold" */
      return g_strdup_printf (past ? _("The investigation of the hazard (%s) was due by %s, "
                                        "counted from the report %s (time limit: %s).")
                                   : _("The investigation of the hazard (%s) is due by %s, "
                                        "counted from the report %s (time limit: %s)."),
                              level, due, from, limit);
    case HAZARD_SUMMARY:
      return g_strdup_printf (past ? _("The written summary of the investigation was due by "
                                        "%s, counted from the investigation %s (time limit: %s).")
                                   : _("The written summary of the investigation is due by "
                                        "%s, counted from the investigation %s (time limit: %s)."),
                              due, from, limit);
    case HAZARD_SAFETY_WORK:
      return g_strdup_printf (past ? _("The safety work was due by %s, counted from the "
                                        "investigation %s (time limit: %s).")
                                   : _("The safety work is due by %s, counted from the "
                                        "investigation %s (time limit: %s)."),
                              due, from, limit);
    case HAZARD_FURTHER_WORK:
      return g_strdup_printf (past ? _("Starting the further work was due by %s, counted from the "
                                        "investigation %s (time limit: %s).")
                                   : _("Starting the further work is due by %s, counted from the "
                                        "investigation %s (time limit: %s)."),
                              due, from, limit);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* How a hazard step's explanation is kept for later (RdExplainRecipe's
 * detail): the step, the hazard's level, whether its limit counts from
 * the report (rather than the investigation), and the type of the record
 * that met it, plus one (0: none). */
#define HAZARD_DETAIL(step, level, from_report, done_type) \
  ((int) (step) | ((int) (level) << 4) | ((from_report) ? 1 << 12 : 0) | ((int) (done_type) + 1) << 16)
#define HAZARD_DETAIL_STEP(detail)        ((HazardStep) ((detail) & 0xf))
#define HAZARD_DETAIL_LEVEL(detail)       ((RdHazardLevel) (((detail) >> 4) & 0xff))
#define HAZARD_DETAIL_FROM_REPORT(detail) ((((detail) >> 12) & 1) != 0)
#define HAZARD_DETAIL_DONE(detail)        ((int) ((detail) >> 16) - 1)

/* A hazard step's explanation, when asked for (HAZARD_DETAIL()). */
static char *
explain_hazard (RdDeadline            *d,
                const RdExplainRecipe *recipe)
{
  int detail = recipe->detail;
  g_autofree char *from_text = rd_moment_format_on (&recipe->from);
  g_autofree char *due = rd_moment_format_long (&d->due);
  g_autofree char *limit_text = rd_limit_format (&recipe->limit);
  g_autofree char *unknown = _rd_engine_unknown_start_sentence (&recipe->limit, &recipe->from,
                                                                HAZARD_DETAIL_FROM_REPORT (detail));
  const char *stood_for = HAZARD_DETAIL_DONE (detail) >= 0
    ? hazard_done_phrase ((RdCaseEventType) HAZARD_DETAIL_DONE (detail)) : NULL;
  g_autofree char *how = NULL;
  g_autoptr(GString) text = NULL;

  how = hazard_step_explanation (HAZARD_DETAIL_STEP (detail),
                                 _rd_deadline_is_past (d, &recipe->words->today),
                                 rd_hazard_level_get_label (HAZARD_DETAIL_LEVEL (detail)), due,
                                 limit_text, from_text);
  text = g_string_new (how);
  if (stood_for != NULL)
    g_string_append_printf (text, " %s", stood_for);
  if (unknown != NULL)
    g_string_append_printf (text, " %s", unknown);
  return _rd_engine_explain (d, recipe, text->str);
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
    }
  /* A limit in hours counts from the end of the day of a report or an
   * investigation at a time not recorded: the explanation says so. */
  d->start_time_unknown = rd_limit_is_timed (limit) && from->when.minute < 0;
  _rd_engine_finish_later (engine, d, limit, &from->when, explain_hazard,
                           HAZARD_DETAIL (step, report->hazard, from == report,
                                          done != NULL ? (int) done->type : -1),
                           RD_DONE_DONE);
  _rd_engine_set_generic_next_step (engine, d, report->hazard == RD_HAZARD_EMERGENCY
                                    ? _("Call the landlord’s emergency line now, say it is an "
                                        "emergency hazard under Awaab’s Law, and keep a record "
                                        "of the call.")
                                    : _("Write to the landlord: say the hazard is covered by "
                                        "Awaab’s Law, give the date you reported it, and ask "
                                        "when it will act."));
  d->basis = g_strdup (basis);
  g_ptr_array_add (engine->deadlines, g_steal_pointer (&d));
}

/* The deadlines Awaab's Law sets the landlord for one reported hazard,
 * or a note saying why it sets none. */
void
_rd_engine_hazard_deadlines (RdEngine          *engine,
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
  investigated = _rd_engine_first_step (engine, RD_CASE_EVENT_HAZARD_INVESTIGATED, report->id);
  if (investigated == NULL)
    investigated = _rd_engine_first_of (engine, report->id, RD_CASE_EVENT_HAZARD_MADE_SAFE,
                                        RD_CASE_EVENT_REPAIR_DONE, RD_CASE_EVENT_N_TYPES);
  summary = _rd_engine_first_step (engine, RD_CASE_EVENT_HAZARD_SUMMARY, report->id);
  safe = _rd_engine_first_of (engine, report->id, RD_CASE_EVENT_HAZARD_MADE_SAFE,
                              RD_CASE_EVENT_REPAIR_DONE, RD_CASE_EVENT_ALTERNATIVE_OFFERED);
  started = _rd_engine_first_of (engine, report->id, RD_CASE_EVENT_WORKS_STARTED,
                                 RD_CASE_EVENT_REPAIR_DONE, RD_CASE_EVENT_N_TYPES);

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
