/* rd-deadline-engine-outcome.c: the sentence that says whether a deadline was met, whole in each language.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-deadline"

#include "config.h"

#include "rd-gettext.h"

#include "rd-deadline-engine-private.h"

/*
 * What was done, when, and how late or early, is one message for each
 * verb and each outcome, with plural forms for its count: glued from "It
 * arrived %s, %s." and "%s late", the count's noun could not agree with
 * its number nor take the case its position needs (Polish "po terminie"
 * after a count, Welsh soft mutation after "dau"), and a translator could
 * not reorder the parts.
 */

/* "It arrived on Monday 18 November 2024, 2 working days late." */
static char *
late_sentence (RdDoneVerb  verb,
               const char *when,
               int         n)
{
  switch (verb)
    {
    case RD_DONE_ARRIVED:
      /* Translators: the first %s is a date with its preposition ("on Monday 18 November
       * 2024"), %d how many working days late */
      return g_strdup_printf (rd_ngettext ("It arrived %s, %d working day late.",
                                           "It arrived %s, %d working days late.",
                                           (gulong) n),
                              when, n);
    case RD_DONE_DONE:
      return g_strdup_printf (rd_ngettext ("It was done %s, %d working day late.",
                                           "It was done %s, %d working days late.",
                                           (gulong) n),
                              when, n);
    case RD_DONE_CONTACTED:
      return g_strdup_printf (rd_ngettext ("The landlord was next in touch %s, %d working day "
                                           "late.",
                                           "The landlord was next in touch %s, %d working days "
                                           "late.",
                                           (gulong) n),
                              when, n);
    case RD_DONE_THEY_CONTACTED:
      return g_strdup_printf (rd_ngettext ("They were next in touch %s, %d working day late.",
                                           "They were next in touch %s, %d working days late.",
                                           (gulong) n),
                              when, n);
    case RD_DONE_ASKED:
      return g_strdup_printf (rd_ngettext ("You asked %s, %d working day late.",
                                           "You asked %s, %d working days late.",
                                           (gulong) n),
                              when, n);
    case RD_DONE_REFERRED:
      return g_strdup_printf (rd_ngettext ("You referred it %s, %d working day late.",
                                           "You referred it %s, %d working days late.",
                                           (gulong) n),
                              when, n);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "It arrived on Monday 18 November 2024, 2 hours 15 minutes late.":
 * a limit in hours, missed by @duration */
static char *
late_by_sentence (RdDoneVerb  verb,
                  const char *when,
                  const char *duration)
{
  switch (verb)
    {
    case RD_DONE_ARRIVED:
      /* Translators: the first %s is a date and time with its preposition ("on Monday 18
       * November 2024 at 14:10"), the second how long after the limit ("2 hours 15 minutes") */
      return g_strdup_printf (_("It arrived %s, %s late."), when, duration);
    case RD_DONE_DONE:
      return g_strdup_printf (_("It was done %s, %s late."), when, duration);
    case RD_DONE_CONTACTED:
      return g_strdup_printf (_("The landlord was next in touch %s, %s late."), when, duration);
    case RD_DONE_THEY_CONTACTED:
      return g_strdup_printf (_("They were next in touch %s, %s late."), when, duration);
    case RD_DONE_ASKED:
      return g_strdup_printf (_("You asked %s, %s late."), when, duration);
    case RD_DONE_REFERRED:
      return g_strdup_printf (_("You referred it %s, %s late."), when, duration);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "It arrived on Saturday 9 November 2024, 1 day after it was due.": late, but
 * on a day that is not a working day */
static char *
after_due_sentence (RdDoneVerb  verb,
                    const char *when,
                    int         n)
{
  switch (verb)
    {
    case RD_DONE_ARRIVED:
      /* Translators: the first %s is a date with its preposition ("on Saturday 9
       * November 2024"), %d how many calendar days after the due day */
      return g_strdup_printf (rd_ngettext ("It arrived %s, %d day after it was due.",
                                           "It arrived %s, %d days after it was due.",
                                           (gulong) n),
                              when, n);
    case RD_DONE_DONE:
      return g_strdup_printf (rd_ngettext ("It was done %s, %d day after it was due.",
                                           "It was done %s, %d days after it was due.",
                                           (gulong) n),
                              when, n);
    case RD_DONE_CONTACTED:
      return g_strdup_printf (rd_ngettext ("The landlord was next in touch %s, %d day after it "
                                           "was due.",
                                           "The landlord was next in touch %s, %d days after "
                                           "it was due.",
                                           (gulong) n),
                              when, n);
    case RD_DONE_THEY_CONTACTED:
      return g_strdup_printf (rd_ngettext ("They were next in touch %s, %d day after it was due.",
                                           "They were next in touch %s, %d days after it was "
                                           "due.",
                                           (gulong) n),
                              when, n);
    case RD_DONE_ASKED:
      return g_strdup_printf (rd_ngettext ("You asked %s, %d day after it was due.",
                                           "You asked %s, %d days after it was due.",
                                           (gulong) n),
                              when, n);
    case RD_DONE_REFERRED:
      return g_strdup_printf (rd_ngettext ("You referred it %s, %d day after it was due.",
                                           "You referred it %s, %d days after it was due.",
                                           (gulong) n),
                              when, n);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "It arrived on Monday 18 November 2024, 2 working days early." */
static char *
early_sentence (RdDoneVerb  verb,
                const char *when,
                int         n)
{
  switch (verb)
    {
    case RD_DONE_ARRIVED:
      /* Translators: the first %s is a date with its preposition ("on Monday 18 November
       * 2024"), %d how many working days before the due day */
      return g_strdup_printf (rd_ngettext ("It arrived %s, %d working day early.",
                                           "It arrived %s, %d working days early.",
                                           (gulong) n),
                              when, n);
    case RD_DONE_DONE:
      return g_strdup_printf (rd_ngettext ("It was done %s, %d working day early.",
                                           "It was done %s, %d working days early.",
                                           (gulong) n),
                              when, n);
    case RD_DONE_CONTACTED:
      return g_strdup_printf (rd_ngettext ("The landlord was next in touch %s, %d working day "
                                           "early.",
                                           "The landlord was next in touch %s, %d working days "
                                           "early.",
                                           (gulong) n),
                              when, n);
    case RD_DONE_THEY_CONTACTED:
      return g_strdup_printf (rd_ngettext ("They were next in touch %s, %d working day early.",
                                           "They were next in touch %s, %d working days early.",
                                           (gulong) n),
                              when, n);
    case RD_DONE_ASKED:
      return g_strdup_printf (rd_ngettext ("You asked %s, %d working day early.",
                                           "You asked %s, %d working days early.",
                                           (gulong) n),
                              when, n);
    case RD_DONE_REFERRED:
      return g_strdup_printf (rd_ngettext ("You referred it %s, %d working day early.",
                                           "You referred it %s, %d working days early.",
                                           (gulong) n),
                              when, n);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "It arrived on Monday 18 November 2024, in time." */
static char *
in_time_sentence (RdDoneVerb  verb,
                  const char *when)
{
  switch (verb)
    {
    case RD_DONE_ARRIVED:
      /* Translators: the %s is a date with its preposition ("on Monday 18 November 2024") */
      return g_strdup_printf (_("It arrived %s, in time."), when);
    case RD_DONE_DONE:
      return g_strdup_printf (_("It was done %s, in time."), when);
    case RD_DONE_CONTACTED:
      return g_strdup_printf (_("The landlord was next in touch %s, in time."), when);
    case RD_DONE_THEY_CONTACTED:
      return g_strdup_printf (_("They were next in touch %s, in time."), when);
    case RD_DONE_ASKED:
      return g_strdup_printf (_("You asked %s, in time."), when);
    case RD_DONE_REFERRED:
      return g_strdup_printf (_("You referred it %s, in time."), when);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "It arrived on Monday 18 November 2024, the day it was due." */
static char *
on_the_day_sentence (RdDoneVerb  verb,
                     const char *when)
{
  switch (verb)
    {
    case RD_DONE_ARRIVED:
      /* Translators: the %s is a date with its preposition ("on Monday 18 November 2024") */
      return g_strdup_printf (_("It arrived %s, the day it was due."), when);
    case RD_DONE_DONE:
      return g_strdup_printf (_("It was done %s, the day it was due."), when);
    case RD_DONE_CONTACTED:
      return g_strdup_printf (_("The landlord was next in touch %s, the day it was due."), when);
    case RD_DONE_THEY_CONTACTED:
      return g_strdup_printf (_("They were next in touch %s, the day it was due."), when);
    case RD_DONE_ASKED:
      return g_strdup_printf (_("You asked %s, the day it was due."), when);
    case RD_DONE_REFERRED:
      return g_strdup_printf (_("You referred it %s, the day it was due."), when);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "Nothing had arrived by today, Friday 13 December 2024: it is 3 working
 * days late." */
static char *
overdue_working_sentence (RdDoneVerb  verb,
                          const char *today,
                          int         n)
{
  switch (verb)
    {
    case RD_DONE_ARRIVED:
      /* Translators: "today, Friday 13 December 2024": %s is today's date; %d how many
       * working days since it was due */
      return g_strdup_printf (rd_ngettext ("Nothing had arrived by today, %s: it is %d working "
                                           "day late.",
                                           "Nothing had arrived by today, %s: it is %d working "
                                           "days late.",
                                           (gulong) n),
                              today, n);
    case RD_DONE_DONE:
      return g_strdup_printf (rd_ngettext ("It is not recorded as done by today, %s: it is %d "
                                           "working day late.",
                                           "It is not recorded as done by today, %s: it is %d "
                                           "working days late.",
                                           (gulong) n),
                              today, n);
    case RD_DONE_CONTACTED:
      return g_strdup_printf (rd_ngettext ("There is no record of the landlord getting in "
                                           "touch by today, %s: it is %d working day late.",
                                           "There is no record of the landlord getting in "
                                           "touch by today, %s: it is %d working days late.",
                                           (gulong) n),
                              today, n);
    case RD_DONE_THEY_CONTACTED:
      return g_strdup_printf (rd_ngettext ("There is no record of them getting in touch by "
                                           "today, %s: it is %d working day late.",
                                           "There is no record of them getting in touch by "
                                           "today, %s: it is %d working days late.",
                                           (gulong) n),
                              today, n);
    case RD_DONE_ASKED:
      return g_strdup_printf (rd_ngettext ("You had not asked by today, %s: the time ran out "
                                           "%d working day ago.",
                                           "You had not asked by today, %s: the time ran out "
                                           "%d working days ago.",
                                           (gulong) n),
                              today, n);
    case RD_DONE_REFERRED:
      return g_strdup_printf (rd_ngettext ("You had not referred it by today, %s: the time ran "
                                           "out %d working day ago.",
                                           "You had not referred it by today, %s: the time ran "
                                           "out %d working days ago.",
                                           (gulong) n),
                              today, n);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* As overdue_working_sentence(), counted in calendar days: due on a day that
 * is not a working day, and no working day has passed since */
static char *
overdue_days_sentence (RdDoneVerb  verb,
                       const char *today,
                       int         n)
{
  switch (verb)
    {
    case RD_DONE_ARRIVED:
      /* Translators: %s is today's date; %d how many calendar days since it was due */
      return g_strdup_printf (rd_ngettext ("Nothing had arrived by today, %s: it is %d day late.",
                                           "Nothing had arrived by today, %s: it is %d days "
                                           "late.",
                                           (gulong) n),
                              today, n);
    case RD_DONE_DONE:
      return g_strdup_printf (rd_ngettext ("It is not recorded as done by today, %s: it is %d "
                                           "day late.",
                                           "It is not recorded as done by today, %s: it is %d "
                                           "days late.",
                                           (gulong) n),
                              today, n);
    case RD_DONE_CONTACTED:
      return g_strdup_printf (rd_ngettext ("There is no record of the landlord getting in "
                                           "touch by today, %s: it is %d day late.",
                                           "There is no record of the landlord getting in "
                                           "touch by today, %s: it is %d days late.",
                                           (gulong) n),
                              today, n);
    case RD_DONE_THEY_CONTACTED:
      return g_strdup_printf (rd_ngettext ("There is no record of them getting in touch by "
                                           "today, %s: it is %d day late.",
                                           "There is no record of them getting in touch by "
                                           "today, %s: it is %d days late.",
                                           (gulong) n),
                              today, n);
    case RD_DONE_ASKED:
      return g_strdup_printf (rd_ngettext ("You had not asked by today, %s: the time ran out "
                                           "%d day ago.",
                                           "You had not asked by today, %s: the time ran out "
                                           "%d days ago.",
                                           (gulong) n),
                              today, n);
    case RD_DONE_REFERRED:
      return g_strdup_printf (rd_ngettext ("You had not referred it by today, %s: the time ran "
                                           "out %d day ago.",
                                           "You had not referred it by today, %s: the time ran "
                                           "out %d days ago.",
                                           (gulong) n),
                              today, n);
    default:
      g_return_val_if_reached (NULL);
    }
}


/**
 * _rd_engine_done_sentence:
 * @when: the day it was done, with its preposition ("on Monday 18 November 2024")
 * @n: working days late or early, or calendar days after the due day, as
 *   @how says; ignored otherwise
 *
 * Returns: (transfer full): "It arrived on Monday 18 November 2024, 2
 *   working days late."
 */
char *
_rd_engine_done_sentence (RdDoneVerb  verb,
                          RdDoneHow   how,
                          const char *when,
                          int         n)
{
  switch (how)
    {
    case RD_DONE_HOW_LATE:
      return late_sentence (verb, when, n);
    case RD_DONE_HOW_AFTER_DUE:
      return after_due_sentence (verb, when, n);
    case RD_DONE_HOW_EARLY:
      return early_sentence (verb, when, n);
    case RD_DONE_HOW_IN_TIME:
      return in_time_sentence (verb, when);
    case RD_DONE_HOW_ON_THE_DAY:
      return on_the_day_sentence (verb, when);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * _rd_engine_done_late_by:
 * @duration: how long after a limit in hours, "2 hours 15 minutes"
 *
 * Returns: (transfer full): "It arrived on Monday 18 November 2024 at
 *   14:10, 2 hours 15 minutes late."
 */
char *
_rd_engine_done_late_by (RdDoneVerb  verb,
                         const char *when,
                         const char *duration)
{
  return late_by_sentence (verb, when, duration);
}

/**
 * _rd_engine_overdue_sentence:
 * @today: today's date, "Friday 13 December 2024"
 * @n: how long since it was due
 * @working: whether @n counts working days (else calendar days)
 *
 * Returns: (transfer full): "Nothing had arrived by today, Friday 13
 *   December 2024: it is 3 working days late."
 */
char *
_rd_engine_overdue_sentence (RdDoneVerb  verb,
                             const char *today,
                             int         n,
                             gboolean    working)
{
  return working ? overdue_working_sentence (verb, today, n)
                 : overdue_days_sentence (verb, today, n);
}
