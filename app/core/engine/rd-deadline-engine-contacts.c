/* rd-deadline-engine-contacts.c: promises made in contacts, and the landlord's rules about contacts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-deadline"

#include "config.h"

#include "rd-gettext.h"

#include "rd-deadline-engine-private.h"

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

/* The first contact from the same person or body strictly after @e.
 * Their contacts are in time order, and a contact is after @e from the
 * first one that is on: a search by halves, not a walk through every
 * later contact for each promise never kept. */
static const RdCaseEvent *
next_from_party (RdEngine          *engine,
                 const RdCaseEvent *e)
{
  GPtrArray *theirs;
  guint lo = 0, hi;

  if (e->party == 0)
    return NULL;
  theirs = g_hash_table_lookup (engine->from_party, &e->party);
  if (theirs == NULL)
    return NULL;
  hi = theirs->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const RdCaseEvent *c = g_ptr_array_index (theirs, mid);

      if (rd_moment_compare (&c->when, &e->when) > 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo < theirs->len ? g_ptr_array_index (theirs, lo) : NULL;
}

/* The promise made in the contact @e, by @party: due on the day
 * promised, and kept when @next (nullable), the next contact from them,
 * came. */
static RdDeadline *
promise_new (const RdCaseEvent *e,
             RdDeadlineParty    party,
             const RdCaseEvent *next)
{
  RdDeadline *d = _rd_deadline_new (RD_DEADLINE_KIND_PROMISE, party);
  g_autofree char *what = shorten (e->text[0] ? e->text : _("something"));

  d->group = e->id;
  d->title = g_strdup_printf (_("Promise: %s"), what);
  rd_moment_set_date (&d->due, &e->promise_due);
  _rd_deadline_add_source (d, e);
  if (next != NULL)
    {
      d->done = next->when;
      _rd_deadline_add_source (d, next);
    }
  return d;
}

/* The explanation of a promise made by someone other than the landlord,
 * when asked for: the recipe quotes what was promised and who promised it. */
static char *
explain_other_promise (RdDeadline            *d,
                       const RdExplainRecipe *recipe)
{
  const char *what = recipe->quoted[0];
  const char *who = recipe->quoted[1] != NULL && recipe->quoted[1][0]
    ? recipe->quoted[1] : _("Someone other than the landlord");
  g_autofree char *made = rd_moment_format_on (&recipe->from);
  g_autofree char *due = rd_moment_format_long (&d->due);
  g_autofree char *how = NULL;

  /* Translators: "PC Sam Lee (Police) promised on Monday 4 November 2024 at 10:00
   * “to call you back” by Friday 8 November 2024.": the second %s is a date
   * and time with its preposition */
  how = g_strdup_printf (_("%s promised %s “%s” by %s."), who, made, what, due);
  return _rd_engine_explain (d, recipe, how);
}

/* A promise made by someone other than the landlord (the police, the
 * council, an MP): kept when they are next in touch. */
static void
other_promise (RdEngine          *engine,
               const RdCaseEvent *e)
{
  g_autoptr(RdDeadline) d = promise_new (e, RD_DEADLINE_ON_OTHER,
                                         next_from_party (engine, e));
  const char *due = _rd_engine_when (engine, &d->due);

  _rd_engine_finish_later (engine, d, NULL, &e->when, explain_other_promise, 0,
                           RD_DONE_THEY_CONTACTED);
  _rd_deadline_quote (d, e->text, e->who);
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

/* The explanation of a promise the landlord made, when asked for: the
 * recipe quotes what was promised. */
static char *
explain_landlord_promise (RdDeadline            *d,
                          const RdExplainRecipe *recipe)
{
  g_autofree char *made = rd_moment_format_long (&recipe->from);
  g_autofree char *due = rd_moment_format_long (&d->due);
  g_autofree char *how = NULL;

  how = g_strdup_printf (_("On %s the landlord promised “%s” by %s."), made, recipe->quoted[0], due);
  return _rd_engine_explain (d, recipe, how);
}

/* A promise the landlord made: kept when it is next in touch. */
static void
landlord_promise (RdEngine          *engine,
                  const RdCaseEvent *e)
{
  g_autoptr(RdDeadline) d = promise_new (e, RD_DEADLINE_ON_LANDLORD,
                                         _rd_engine_next_from_contact (engine, &e->when));

  _rd_engine_finish_later (engine, d, NULL, &e->when, explain_landlord_promise, 0,
                           RD_DONE_CONTACTED);
  _rd_deadline_quote (d, e->text, NULL);
  if (d->status == RD_DEADLINE_MET)
    d->next_step = g_strdup (_("Check that the landlord did what it promised; if not, note it "
                               "and chase."));
  else
    _rd_engine_set_generic_next_step (engine, d, _("Send a chaser that quotes the promise and "
                                                   "its date."));
  d->basis = g_strdup (_("The landlord’s own promise"));
  g_ptr_array_add (engine->deadlines, g_steal_pointer (&d));
}

/* The explanation of a deadline a rule of the landlord's sets for a
 * contact, when asked for: the rule is the deadline's title. */
static char *
explain_rule (RdDeadline            *d,
              const RdExplainRecipe *recipe)
{
  g_autofree char *started = rd_moment_format_on (&recipe->from);
  g_autofree char *due = rd_moment_format_long (&d->due);
  g_autofree char *limit = rd_limit_format (&recipe->limit);
  g_autofree char *how = NULL;

  /* Translators: the second %s is a date with its preposition, "on Monday 4
   * November 2024" */
  how = g_strdup_printf (_rd_deadline_is_past (d, &recipe->words->today)
                         ? _("Your landlord’s policy: “%s”. For the contact %s that was "
                             "due by %s (time limit: %s).")
                         : _("Your landlord’s policy: “%s”. For the contact %s that is "
                             "due by %s (time limit: %s)."),
                         d->title, started, due, limit);
  return _rd_engine_explain (d, recipe, how);
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
            other_promise (engine, e);
          continue;
        }

      if (g_date_valid (&e->promise_due))
        landlord_promise (engine, e);

      for (guint r = 0; r < n_rules; r++)
        {
          const RdPolicyRule *rule = rd_policy_get_rule (landlord, r);
          g_autoptr(RdDeadline) d = NULL;
          const RdCaseEvent *next;

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
          _rd_engine_finish_later (engine, d, &rule->limit, &e->when, explain_rule, 0,
                                   RD_DONE_CONTACTED);
          _rd_engine_set_generic_next_step (engine, d, _("Send a chaser that quotes your landlord’s "
                                                         "own rule."));
          d->basis = g_strdup (_("Your landlord’s own policy"));
          g_ptr_array_add (engine->deadlines, g_steal_pointer (&d));
        }
    }
}
