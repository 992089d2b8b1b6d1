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

/* A promise made by someone other than the landlord (the police, the
 * council, an MP): kept when they are next in touch. */
static void
other_promise (RdEngine          *engine,
               const RdCaseEvent *e)
{
  g_autoptr(RdDeadline) d = promise_new (e, RD_DEADLINE_ON_OTHER,
                                         next_from_party (engine, e));
  const char *who = e->who[0] ? e->who : _("Someone other than the landlord");
  const char *made = _rd_engine_on (engine, &e->when);
  const char *due = _rd_engine_when (engine, &d->due);
  g_autofree char *how = NULL;

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

/* A promise the landlord made: kept when it is next in touch. */
static void
landlord_promise (RdEngine          *engine,
                  const RdCaseEvent *e)
{
  g_autoptr(RdDeadline) d = promise_new (e, RD_DEADLINE_ON_LANDLORD,
                                         _rd_engine_next_from_contact (engine, &e->when));
  const char *made = _rd_engine_when (engine, &e->when);
  const char *due = _rd_engine_when (engine, &d->due);
  g_autofree char *how = NULL;

  how = g_strdup_printf (_("On %s the landlord promised “%s” by %s."), made, e->text, due);
  _rd_engine_finish (engine, d, NULL, how, RD_DONE_CONTACTED);
  if (d->status == RD_DEADLINE_MET)
    d->next_step = g_strdup (_("Check that the landlord did what it promised; if not, note it "
                               "and chase."));
  else
    _rd_engine_set_generic_next_step (engine, d, _("Send a chaser that quotes the promise and "
                                                   "its date."));
  d->basis = g_strdup (_("The landlord’s own promise"));
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
          how = g_strdup_printf (_rd_engine_is_past (engine, &d->due, &d->done)
                                 ? _("Your landlord’s policy: “%s”. For the contact %s that was "
                                     "due by %s (time limit: %s).")
                                 : _("Your landlord’s policy: “%s”. For the contact %s that is "
                                     "due by %s (time limit: %s)."),
                                 rule->label, started, due, limit);
          _rd_engine_finish (engine, d, &rule->limit, how, RD_DONE_CONTACTED);
          _rd_engine_set_generic_next_step (engine, d, _("Send a chaser that quotes your landlord’s "
                                                         "own rule."));
          d->basis = g_strdup (_("Your landlord’s own policy"));
          g_ptr_array_add (engine->deadlines, g_steal_pointer (&d));
        }
    }
}
