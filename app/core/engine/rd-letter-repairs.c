/* rd-letter-repairs.c: what a letter says of the landlord's steps on each repair and hazard in the diary.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-letters"

#include "config.h"

#include "rd-gettext.h"

#include "rd-datetime.h"
#include "rd-letters-private.h"

/*
 * For every diary entry that is a repair or a hazard, a letter lists the
 * landlord's steps in the order they usually happen: when each was taken;
 * whether that was in time under the rules that set its limit (Awaab's
 * Law, or the landlord's own repair priority) or how many working days
 * late; and which steps a rule asks for that are still not done. The
 * dates and counts are the deadline engine's, through the dashboard, so
 * the letter says what What Next says. A step no rule asks for and the
 * diary does not record is left out: Redress cannot know it was needed.
 * Each line is one whole sentence for translators, its subject the step's
 * own label, so the same lines serve letters to the landlord and to the
 * Ombudsman.
 */

/* Each repair or hazard entry's deadlines, by step: the first of the
 * dashboard's items for that entry and step, as the letter names it. */
typedef struct {
  RdDeadline *at[RD_STEP_N_STEPS];
} StepDeadlines;

/* Goes through the dashboard's items once, so that a letter of many
 * repairs costs as many lookups as it has entries, not entries × items.
 * The deadlines are the dashboard's: the table borrows them. */
static GHashTable *
index_step_deadlines (GListModel *items)
{
  GHashTable *index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0, n = g_list_model_get_n_items (items); i < n; i++)
    {
      g_autoptr(RdDashboardItem) item = g_list_model_get_item (items, i);
      RdDeadline *deadline = rd_dashboard_item_get_deadline (item);
      RdDeadlineKind kind = rd_deadline_get_kind (deadline);
      RdLandlordStep step = rd_deadline_get_landlord_step (deadline);
      gint64 group = rd_deadline_get_group (deadline);
      StepDeadlines *found;

      if ((kind != RD_DEADLINE_KIND_REPAIR && kind != RD_DEADLINE_KIND_HAZARD) ||
          (guint) step >= RD_STEP_N_STEPS)
        continue;
      found = g_hash_table_lookup (index, &group);
      if (found == NULL)
        {
          found = g_new0 (StepDeadlines, 1);
          g_hash_table_insert (index, g_memdup2 (&group, sizeof group), found);
        }
      if (found->at[step] == NULL)
        found->at[step] = deadline;
    }
  return index;
}

/*
 * A hazard's rules are a law, named in English in every language ("under
 * Awaab’s Law"); a repair's are the landlord's policy, a noun phrase that
 * Welsh mutates after "o dan" and Polish declines after "zgodnie z", so a
 * repair's sentences are their own messages, with the priority the
 * landlord gave it in quotes.
 */
static gboolean
is_landlord_policy (RdDeadline *deadline)
{
  return rd_deadline_get_kind (deadline) == RD_DEADLINE_KIND_REPAIR;
}

/* A step late under a priority the landlord's policy sets in clock hours
 * ("Emergency: 24 hours"), worded in hours as Awaab's Law's steps are, in
 * whole sentences that name the policy. */
static char *
describe_policy_late_by_hours (const char *label,
                               const char *when,
                               const char *priority,
                               const char *due,
                               gint64      minutes,
                               gboolean    exact)
{
  int hours = (int) (minutes / 60);

  if (exact && minutes < 60)
    return g_strdup_printf (rd_ngettext ("%s: %s, %d minute late under your landlord’s repair policy "
                                         "(“%s”), which set %s as the deadline.",
                                         "%s: %s, %d minutes late under your landlord’s repair policy "
                                         "(“%s”), which set %s as the deadline.", (gulong) minutes),
                            label, when, (int) minutes, priority, due);
  if (exact && minutes % 60 == 0)
    return g_strdup_printf (rd_ngettext ("%s: %s, %d hour late under your landlord’s repair policy "
                                         "(“%s”), which set %s as the deadline.",
                                         "%s: %s, %d hours late under your landlord’s repair policy "
                                         "(“%s”), which set %s as the deadline.", (gulong) hours),
                            label, when, hours, priority, due);
  if (exact)
    return g_strdup_printf (rd_ngettext ("%s: %s, more than %d hour late under your landlord’s repair "
                                         "policy (“%s”), which set %s as the deadline.",
                                         "%s: %s, more than %d hours late under your landlord’s repair "
                                         "policy (“%s”), which set %s as the deadline.", (gulong) hours),
                            label, when, hours, priority, due);
  if (hours > 0)
    return g_strdup_printf (rd_ngettext ("%s: %s, at least %d hour late under your landlord’s repair "
                                         "policy (“%s”), which set %s as the deadline. The time of "
                                         "day it was done is not recorded, so the hours are counted "
                                         "to the start of that day.",
                                         "%s: %s, at least %d hours late under your landlord’s repair "
                                         "policy (“%s”), which set %s as the deadline. The time of "
                                         "day it was done is not recorded, so the hours are counted "
                                         "to the start of that day.", (gulong) hours),
                            label, when, hours, priority, due);
  return g_strdup_printf (_("%s: %s, late under your landlord’s repair policy (“%s”), which set %s as "
                            "the deadline. The time of day it was done is not recorded, so Redress "
                            "cannot say by how much."),
                          label, when, priority, due);
}

/* A repair step that was done, judged by the landlord's own policy. */
static char *
describe_done_by_policy (const char *label,
                         RdDeadline *deadline)
{
  g_autofree char *when = rd_moment_format_long (rd_deadline_get_done (deadline));
  g_autofree char *due = rd_moment_format_long (rd_deadline_get_due (deadline));
  const char *priority = rd_deadline_get_rule (deadline);
  int late = rd_deadline_get_working_days_late (deadline);
  const RdMoment *done_at = rd_deadline_get_done (deadline);
  const RdMoment *due_at = rd_deadline_get_due (deadline);
  gint64 minutes;
  gboolean exact;

  if (rd_deadline_get_hours_late (deadline, &minutes, &exact))
    return describe_policy_late_by_hours (label, when, priority, due, minutes, exact);
  if (rd_deadline_get_is_timed (deadline) && rd_deadline_get_status (deadline) != RD_DEADLINE_MISSED &&
      done_at->minute < 0 && due_at->minute >= 0 && g_date_compare (&done_at->date, &due_at->date) == 0)
    /* Translators: a repair step whose time of day is unknown, taken on
     * the day the landlord's limit in hours ended */
    return g_strdup_printf (_("%s: %s, counted as in time under your landlord’s repair policy (“%s”), "
                              "which set %s as the deadline: the time of day it was done is not "
                              "recorded."),
                            label, when, priority, due);
  if (rd_deadline_get_is_timed (deadline) && rd_deadline_get_status (deadline) != RD_DEADLINE_MISSED)
    return g_strdup_printf (_("%s: %s, in time under your landlord’s repair policy (“%s”), which "
                              "set %s as the deadline."),
                            label, when, priority, due);
  if (rd_deadline_get_status (deadline) != RD_DEADLINE_MISSED)
    /* Translators: a landlord's step on a repair: the step ("Repair completed"),
     * the day it was taken, the priority the landlord gave the repair
     * ("Urgent repair"), and the day it was due by */
    return g_strdup_printf (_("%s: %s, in time under your landlord’s repair policy (“%s”), which "
                              "set %s as the last day."),
                            label, when, priority, due);
  if (late > 0)
    return g_strdup_printf (rd_ngettext ("%s: %s, %d working day late under your landlord’s repair "
                                         "policy (“%s”), which set %s as the last day.",
                                         "%s: %s, %d working days late under your landlord’s "
                                         "repair policy (“%s”), which set %s as the last day.",
                                         (gulong) late),
                            label, when, late, priority, due);
  return g_strdup_printf (_("%s: %s, late under your landlord’s repair policy (“%s”), which set %s "
                            "as the last day."),
                          label, when, priority, due);
}

/* A repair step the landlord's policy asks for that has not been done. */
static char *
describe_missing_by_policy (const char *label,
                            RdDeadline *deadline)
{
  g_autofree char *due = rd_moment_format_long (rd_deadline_get_due (deadline));
  const char *priority = rd_deadline_get_rule (deadline);
  int late = rd_deadline_get_working_days_late (deadline);

  if (rd_deadline_get_status (deadline) != RD_DEADLINE_MISSED)
    /* Translators: "Repair completed: not done yet. It is due by Monday 10 November
     * 2025 under your landlord’s repair policy (“Urgent repair”)." */
    return g_strdup_printf (_("%s: not done yet. It is due by %s under your landlord’s repair "
                              "policy (“%s”)."),
                            label, due, priority);
  if (late > 0)
    return g_strdup_printf (rd_ngettext ("%s: not done. It was due by %s under your landlord’s "
                                         "repair policy (“%s”), and is %d working day overdue.",
                                         "%s: not done. It was due by %s under your landlord’s "
                                         "repair policy (“%s”), and is %d working days overdue.",
                                         (gulong) late),
                            label, due, priority, late);
  return g_strdup_printf (_("%s: not done. It was due by %s under your landlord’s repair policy "
                            "(“%s”)."),
                          label, due, priority);
}

/* A step late under a limit in clock hours (Awaab's Law's 24 hours): how
 * many hours, from the times; with only the day of the step known, at
 * least how many, and why no more can be said. */
static char *
describe_late_by_hours (const char *label,
                        const char *when,
                        const char *rule,
                        const char *due,
                        gint64      minutes,
                        gboolean    exact)
{
  int hours = (int) (minutes / 60);

  if (exact && minutes < 60)
    return g_strdup_printf (rd_ngettext ("%s: %s, %d minute late under %s, which set %s as the "
                                         "deadline.",
                                         "%s: %s, %d minutes late under %s, which set %s as the "
                                         "deadline.", (gulong) minutes),
                            label, when, (int) minutes, rule, due);
  if (exact && minutes % 60 == 0)
    return g_strdup_printf (rd_ngettext ("%s: %s, %d hour late under %s, which set %s as the "
                                         "deadline.",
                                         "%s: %s, %d hours late under %s, which set %s as the "
                                         "deadline.", (gulong) hours),
                            label, when, hours, rule, due);
  if (exact)
    return g_strdup_printf (rd_ngettext ("%s: %s, more than %d hour late under %s, which set %s "
                                         "as the deadline.",
                                         "%s: %s, more than %d hours late under %s, which set %s "
                                         "as the deadline.", (gulong) hours),
                            label, when, hours, rule, due);
  if (hours > 0)
    return g_strdup_printf (rd_ngettext ("%s: %s, at least %d hour late under %s, which set %s as "
                                         "the deadline. The time of day it was done is not "
                                         "recorded, so the hours are counted to the start of that "
                                         "day.",
                                         "%s: %s, at least %d hours late under %s, which set %s as "
                                         "the deadline. The time of day it was done is not "
                                         "recorded, so the hours are counted to the start of that "
                                         "day.", (gulong) hours),
                            label, when, hours, rule, due);
  return g_strdup_printf (_("%s: %s, late under %s, which set %s as the deadline. The time of "
                            "day it was done is not recorded, so Redress cannot say by how much."),
                          label, when, rule, due);
}

/* A step that was done, judged by @deadline. */
static char *
describe_done (const char *label,
               RdDeadline *deadline)
{
  g_autofree char *when = NULL;
  g_autofree char *due = NULL;
  const char *rule = rd_deadline_get_rule (deadline);
  int late = rd_deadline_get_working_days_late (deadline);
  gint64 minutes;
  gboolean exact;

  if (is_landlord_policy (deadline))
    return describe_done_by_policy (label, deadline);
  when = rd_moment_format_long (rd_deadline_get_done (deadline));
  due = rd_moment_format_long (rd_deadline_get_due (deadline));
  if (rd_deadline_get_hours_late (deadline, &minutes, &exact))
    return describe_late_by_hours (label, when, rule, due, minutes, exact);
  if (rd_deadline_get_is_timed (deadline) && rd_deadline_get_status (deadline) != RD_DEADLINE_MISSED &&
      rd_deadline_get_done (deadline)->minute < 0 && rd_deadline_get_due (deadline)->minute >= 0 &&
      g_date_compare (&rd_deadline_get_done (deadline)->date, &rd_deadline_get_due (deadline)->date) == 0)
    /* Translators: as below, for a step whose time of day is unknown,
     * taken on the day its limit in hours ended */
    return g_strdup_printf (_("%s: %s, counted as in time under %s, which set %s as the deadline: "
                              "the time of day it was done is not recorded."),
                            label, when, rule, due);
  if (rd_deadline_get_status (deadline) != RD_DEADLINE_MISSED)
    /* Translators: a landlord's step on a repair: the step ("Made safe"),
     * the day it was taken, the rules, and the day it was due by */
    return g_strdup_printf (_("%s: %s, in time under %s, which set %s as the last day."),
                            label, when, rule, due);
  if (late > 0)
    return g_strdup_printf (rd_ngettext ("%s: %s, %d working day late under %s, which set %s as "
                                         "the last day.",
                                         "%s: %s, %d working days late under %s, which set %s as "
                                         "the last day.", (gulong) late),
                            label, when, late, rule, due);
  /* Late by hours, or over a weekend: no whole working day */
  return g_strdup_printf (_("%s: %s, late under %s, which set %s as the last day."),
                          label, when, rule, due);
}

/* A step a rule asks for that has not been done. */
static char *
describe_missing (const char *label,
                  RdDeadline *deadline)
{
  g_autofree char *due = NULL;
  const char *rule = rd_deadline_get_rule (deadline);
  int late = rd_deadline_get_working_days_late (deadline);

  if (is_landlord_policy (deadline))
    return describe_missing_by_policy (label, deadline);
  due = rd_moment_format_long (rd_deadline_get_due (deadline));
  if (rd_deadline_get_status (deadline) != RD_DEADLINE_MISSED)
    return g_strdup_printf (_("%s: not done yet. It is due by %s under %s."), label, due, rule);
  if (late > 0)
    return g_strdup_printf (rd_ngettext ("%s: not done. It was due by %s under %s, and is %d "
                                         "working day overdue.",
                                         "%s: not done. It was due by %s under %s, and is %d "
                                         "working days overdue.", (gulong) late),
                            label, due, rule, late);
  return g_strdup_printf (_("%s: not done. It was due by %s under %s."), label, due, rule);
}

/* One line for @step of the entry, or %NULL when there is nothing to say. */
static char *
describe_step (RdLandlordStep  step,
               const RdMoment *at,
               RdDeadline     *deadline)
{
  const char *label = rd_landlord_step_get_label (step);

  if (deadline != NULL && rd_moment_is_set (rd_deadline_get_done (deadline)))
    return describe_done (label, deadline);
  if (deadline != NULL)
    return describe_missing (label, deadline);
  if (rd_moment_is_set (at))
    {
      g_autofree char *when = rd_moment_format_long (at);

      /* Translators: a landlord's step on a repair that no time limit
       * checks, and the day it was taken: "Made safe: Friday 8 November 2024." */
      return g_strdup_printf (_("%s: %s."), label, when);
    }
  return NULL;
}

static gboolean
is_repair_entry (RdIncident *incident)
{
  return rd_category_is_repair (rd_incident_get_category (incident)) &&
         rd_incident_get_starts_at (incident) != NULL &&
         (rd_incident_get_hazard (incident) < RD_HAZARD_N_LEVELS ||
          *rd_incident_get_repair_priority (incident) != '\0' ||
          !rd_landlord_steps_is_empty (rd_incident_get_landlord_steps (incident)));
}

static void
add_entry (RdLetter    *letter,
           RdIncident  *incident,
           GHashTable  *deadlines)
{
  gint64 id = rd_incident_get_id (incident);
  StepDeadlines *found = g_hash_table_lookup (deadlines, &id);
  const RdLandlordSteps *steps = rd_incident_get_landlord_steps (incident);
  const GDate *reported = rd_incident_get_landlord_reported_on (incident);
  g_autofree char *summary = rd_incident_dup_summary (incident);
  guint lines = 0;

  /* The entry's own words end as a sentence, as in the diary section. */
  if (!g_str_has_suffix (summary, ".") && !g_str_has_suffix (summary, "!") &&
      !g_str_has_suffix (summary, "?"))
    {
      char *ended = g_strconcat (summary, ".", NULL);

      g_free (summary);
      summary = ended;
    }

  if (reported != NULL)
    {
      g_autofree char *on = rd_date_format_on (reported);

      /* Translators: before the landlord's steps on one diary entry; the
       * first %s is a date with its preposition, "on Monday 4 November
       * 2024", the second the entry, "Damp and mould in the bedroom" */
      rd_letter_add_printf (letter, RD_LETTER_BLOCK_PARAGRAPH, _("I reported this %s: %s"),
                            on, summary);
    }
  else
    rd_letter_add (letter, RD_LETTER_BLOCK_PARAGRAPH, summary);

  for (guint i = 0; i < RD_STEP_N_STEPS; i++)
    {
      RdDeadline *deadline = found != NULL ? found->at[i] : NULL;
      g_autofree char *line = describe_step (i, &steps->at[i], deadline);

      if (line == NULL)
        continue;
      rd_letter_add (letter, RD_LETTER_BLOCK_LIST_ITEM, line);
      lines++;
    }
  if (lines == 0)
    rd_letter_add (letter, RD_LETTER_BLOCK_LIST_ITEM,
                   _("No step by the landlord is recorded, and no time limit Redress knows has "
                     "run yet."));
}

/**
 * _rd_letters_add_repairs:
 * @heading: the section's heading, in the letter's voice
 *
 * Adds, for every repair and hazard in the diary, the landlord's steps:
 * taken (when, and in time or how late, under which rules), and missing.
 *
 * Returns: the number of entries added
 */
guint
_rd_letters_add_repairs (RdLetter    *letter,
                         RdCaseFacts *facts,
                         RdDashboard *dashboard,
                         const char  *heading)
{
  GPtrArray *incidents = rd_case_facts_get_incidents (facts);
  g_autoptr(GHashTable) deadlines = index_step_deadlines (rd_dashboard_get_items (dashboard));
  guint added = 0;

  for (guint i = 0; i < incidents->len; i++)
    {
      RdIncident *incident = g_ptr_array_index (incidents, i);

      if (!is_repair_entry (incident))
        continue;
      if (added++ == 0)
        rd_letter_add (letter, RD_LETTER_BLOCK_HEADING, heading);
      add_entry (letter, incident, deadlines);
    }
  return added;
}
