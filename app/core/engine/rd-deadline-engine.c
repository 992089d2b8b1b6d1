/* rd-deadline-engine.c: works out every deadline of a case from its events and policies.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-deadline"

#include "config.h"

#include "rd-gettext.h"

#include "rd-datetime.h"
#include "rd-deadline-engine-private.h"
#include "rd-shared-text.h"

struct _RdDeadlineReport
{
  GListStore     *deadlines;
  GPtrArray      *notes;
  RdExplainWords *explain_words;  /* its deadlines' */
};

const char *
_rd_engine_gettext (const char *msgid)
{
  static GMutex lock;
  static GHashTable *translated;   /* msgid's address → its translation */
  const char *text;

  /* A document in another language than the interface's: its catalogue
   * is searched directly, and is quick enough (rd-i18n.c). */
  if (rd_i18n_get_document_language () != NULL)
    return rd_gettext (msgid);

  g_mutex_lock (&lock);
  if (translated == NULL)
    translated = g_hash_table_new (g_direct_hash, g_direct_equal);
  text = g_hash_table_lookup (translated, msgid);
  if (text == NULL)
    {
      text = rd_gettext (msgid);
      g_hash_table_insert (translated, (gpointer) msgid, (gpointer) text);
    }
  g_mutex_unlock (&lock);
  return text;
}

void
_rd_engine_note (RdEngine   *engine,
                 const char *format,
                 ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  if (g_hash_table_contains (engine->note_set, text))
    return;
  g_hash_table_add (engine->note_set, text);
  g_ptr_array_add (engine->notes, g_steal_pointer (&text));
}

/* The same few dates recur in every sentence: each form of each is
 * formatted once per computation. "On" forms are kept under the negated
 * key (a key is never 0). */
static const char *
lookup_words (RdEngine       *engine,
              const RdMoment *moment,
              gboolean        on)
{
  gint64 key = (gint64) g_date_get_julian (&moment->date) * 2048 + moment->minute + 1;
  char *text;

  if (on)
    key = -key;
  text = g_hash_table_lookup (engine->words, &key);
  if (text == NULL)
    {
      gint64 *stored = g_new (gint64, 1);

      *stored = key;
      text = on ? rd_moment_format_on (moment) : rd_moment_format_long (moment);
      g_hash_table_insert (engine->words, stored, text);
    }
  return text;
}

/**
 * _rd_engine_when:
 *
 * Returns: (transfer none): rd_moment_format_long() of @moment
 */
const char *
_rd_engine_when (RdEngine       *engine,
                 const RdMoment *moment)
{
  return lookup_words (engine, moment, FALSE);
}

/**
 * _rd_engine_on:
 *
 * Returns: (transfer none): rd_moment_format_on() of @moment, "on Monday
 *   4 November 2024", for a sentence that says something happened then
 */
const char *
_rd_engine_on (RdEngine       *engine,
               const RdMoment *moment)
{
  return lookup_words (engine, moment, TRUE);
}

const char *
_rd_engine_day (RdEngine    *engine,
                const GDate *date)
{
  RdMoment moment;

  rd_moment_set_date (&moment, date);
  return _rd_engine_when (engine, &moment);
}

const char *
_rd_engine_on_day (RdEngine    *engine,
                   const GDate *date)
{
  RdMoment moment;

  rd_moment_set_date (&moment, date);
  return _rd_engine_on (engine, &moment);
}

const RdOfficeHours *
_rd_engine_office (RdEngine *engine)
{
  return engine->landlord ? rd_policy_get_office_hours (engine->landlord) : NULL;
}

gboolean
_rd_engine_in_wales (RdEngine *engine)
{
  return rd_deadline_input_get_country (engine->input) == RD_COUNTRY_WALES;
}

/* The complaint rules in force on @date where the home is: England's
 * Complaint Handling Code, or for a home in Wales the Welsh model policy,
 * which the Code does not bind. */
RdPolicy *
_rd_engine_code_for_date (RdEngine    *engine,
                          const GDate *date)
{
  if (_rd_engine_in_wales (engine))
    return rd_policy_get_wales_model_for_date (date);
  return rd_policy_get_code_for_date (date);
}

/* The end of @limit counted from @from; a deadline past 2200 is left out with a note. */
gboolean
_rd_engine_due (RdEngine       *engine,
                const RdLimit  *limit,
                const RdMoment *from,
                RdMoment       *due)
{
  g_autoptr(GError) error = NULL;

  if (!rd_limit_is_set (limit) || !rd_moment_is_set (from))
    return FALSE;
  if (rd_limit_apply (limit, from, _rd_engine_office (engine), due, &error))
    return TRUE;
  _rd_engine_note (engine, "%s", error->message);
  return FALSE;
}

static char *
format_duration (gint64 minutes,
                 gboolean working)
{
  gint64 h = ABS (minutes) / 60, m = ABS (minutes) % 60;
  g_autofree char *hours = NULL;
  g_autofree char *mins = NULL;

  /* Translators: how late something was, in "It arrived on …, 2 hours 15 minutes
   * late." (Polish: "1 godzinę … po terminie"); a time limit has the
   * context "time limit" */
  if (working)
    hours = g_strdup_printf (rd_npgettext ("how late", "%d working hour", "%d working hours", (gulong) h),
                             (int) h);
  else
    hours = g_strdup_printf (rd_npgettext ("how late", "%d hour", "%d hours", (gulong) h), (int) h);
  mins = g_strdup_printf (rd_npgettext ("how late", "%d minute", "%d minutes", (gulong) m), (int) m);
  if (h == 0)
    return g_steal_pointer (&mins);
  if (m == 0)
    return g_steal_pointer (&hours);
  /* Translators: a duration, "2 hours 15 minutes" */
  return g_strdup_printf (_("%s %s"), hours, mins);
}

static GDateTime *
moment_to_datetime (const RdMoment *moment)
{
  return rd_datetime_new_local (g_date_get_year (&moment->date), g_date_get_month (&moment->date),
                                g_date_get_day (&moment->date),
                                moment->minute / 60, moment->minute % 60, 0);
}

/**
 * _rd_engine_unknown_start_sentence:
 * @from: what the limit counts from
 * @from_report: @from is the report (otherwise the investigation)
 *
 * A limit in hours counts from a time of day; with only the day of @from
 * recorded it counts from that day's end (rd_limit_apply()), so it never
 * ends earlier than it did.
 *
 * Returns: (transfer full) (nullable): the sentence that says so, or
 *   %NULL when the time of @from is known or @limit is not in hours
 */
char *
_rd_engine_unknown_start_sentence (const RdLimit  *limit,
                                   const RdMoment *from,
                                   gboolean        from_report)
{
  g_autofree char *limit_text = NULL;

  if (!rd_limit_is_timed (limit) || from->minute >= 0)
    return NULL;
  limit_text = rd_limit_format (limit);
  /* Translators: %s is the limit, "24 hours": it stands alone in the
   * brackets, so that nothing around it has to agree with its number */
  return from_report
    ? g_strdup_printf (_("The time of the report is not recorded, so Redress counts the time "
                         "limit (%s) from the end of that day."), limit_text)
    : g_strdup_printf (_("The time of the investigation is not recorded, so Redress counts the "
                         "time limit (%s) from the end of that day."), limit_text);
}

/* A limit in hours, and a step whose day is known but not its time: on
 * the day the limit ended it may have been in time, and Redress gives the
 * benefit of the doubt; on a later day it was late by at least the hours
 * from the end of the limit to the start of that day. */
static char *
explain_time_unknown (RdDeadline *d,
                      const char *how_due,
                      const char *when,
                      RdDoneVerb  verb)
{
  g_autofree char *outcome = NULL;
  const char *why;
  gint64 least = 0;
  gboolean exact;

  if (d->status == RD_DEADLINE_MET)
    {
      outcome = _rd_engine_done_sentence (verb, RD_DONE_HOW_IN_TIME, when, 0);
      why = _("Its time of day is not recorded, and it was on the day the limit ended, so Redress "
              "counts it as in time.");
    }
  else
    {
      rd_deadline_get_hours_late (d, &least, &exact);
      if (least >= 60)
        {
          /* Translators: how long after the limit, at least ("at least 9 hours"), in
           * "It was done on …, at least 9 hours late." */
          g_autofree char *duration = g_strdup_printf (rd_ngettext ("at least %d hour",
                                                                    "at least %d hours",
                                                                    (gulong) (least / 60)),
                                                       (int) (least / 60));

          outcome = _rd_engine_done_late_by (verb, when, duration);
        }
      else
        outcome = _rd_engine_done_sentence (verb, RD_DONE_HOW_AFTER_DUE, when, ABS (d->days_late));
      why = _("Its time of day is not recorded, so Redress counts how late it was from the start "
              "of that day.");
    }
  return g_strdup_printf ("%s %s %s", how_due, outcome, why);
}

/* Works out the status of @d and how late or early it was, without words. */
static void
finish_status (RdEngine      *engine,
               RdDeadline    *d,
               const RdLimit *limit)
{
  gboolean timed = limit != NULL && rd_limit_is_timed (limit);

  d->timed = timed;
  d->working_hours = timed && limit->unit == RD_TIME_UNIT_WORKING_HOURS;
  if (rd_moment_is_set (&d->done))
    {
      d->status = rd_moment_compare (&d->done, &d->due) <= 0 ? RD_DEADLINE_MET : RD_DEADLINE_MISSED;
      d->working_days_late = rd_calendar_count_working_days (&d->due.date, &d->done.date);
      d->days_late = (int) g_date_get_julian (&d->done.date) - (int) g_date_get_julian (&d->due.date);
      if (timed && d->done.minute >= 0 && d->due.minute >= 0)
        {
          g_autoptr(GDateTime) due_dt = moment_to_datetime (&d->due);
          g_autoptr(GDateTime) done_dt = moment_to_datetime (&d->done);

          if (limit->unit == RD_TIME_UNIT_WORKING_HOURS)
            d->minutes_late = rd_calendar_count_working_minutes (due_dt, done_dt, _rd_engine_office (engine));
          else
            d->minutes_late = g_date_time_difference (done_dt, due_dt) / G_TIME_SPAN_MINUTE;
        }
    }
  else if (g_date_compare (&d->due.date, &engine->today) < 0)
    {
      d->status = RD_DEADLINE_MISSED;
      d->working_days_late = rd_calendar_count_working_days (&d->due.date, &engine->today);
      d->days_late = (int) g_date_get_julian (&engine->today) - (int) g_date_get_julian (&d->due.date);
    }
  else
    {
      int left = rd_calendar_count_working_days (&engine->today, &d->due.date);

      d->status = left <= RD_DEADLINE_DUE_SOON_WORKING_DAYS ? RD_DEADLINE_DUE_SOON : RD_DEADLINE_PENDING;
      d->working_days_late = -left;
      d->days_late = (int) g_date_get_julian (&engine->today) - (int) g_date_get_julian (&d->due.date);
    }
}

/* The sentence of what was done and when, or of what is left: @when is
 * the day it was done, @today's words the day judged on. */
static char *
outcome_sentence (RdDeadline    *d,
                  const RdLimit *limit,
                  RdDoneVerb     verb,
                  const char    *when,
                  const char    *today)
{
  gboolean timed = d->timed;
  int left = -d->working_days_late;

  if (rd_moment_is_set (&d->done))
    {
      if (timed && d->status == RD_DEADLINE_MISSED && d->minutes_late > 0)
        {
          g_autofree char *dur = format_duration (d->minutes_late,
                                                  limit->unit == RD_TIME_UNIT_WORKING_HOURS);
          return _rd_engine_done_late_by (verb, when, dur);
        }
      else if (timed && d->status == RD_DEADLINE_MET)
        return _rd_engine_done_sentence (verb, RD_DONE_HOW_IN_TIME, when, 0);
      else if (d->status == RD_DEADLINE_MISSED && d->working_days_late > 0)
        return _rd_engine_done_sentence (verb, RD_DONE_HOW_LATE, when, d->working_days_late);
      else if (d->status == RD_DEADLINE_MISSED)
        return _rd_engine_done_sentence (verb, RD_DONE_HOW_AFTER_DUE, when, ABS (d->days_late));
      else if (d->working_days_late < 0)
        return _rd_engine_done_sentence (verb, RD_DONE_HOW_EARLY, when, ABS (d->working_days_late));
      else if (d->days_late < 0)
        return _rd_engine_done_sentence (verb, RD_DONE_HOW_IN_TIME, when, 0);
      else
        return _rd_engine_done_sentence (verb, RD_DONE_HOW_ON_THE_DAY, when, 0);
    }
  if (d->status == RD_DEADLINE_MISSED)
    return d->working_days_late > 0
      ? _rd_engine_overdue_sentence (verb, today, d->working_days_late, TRUE)
      : _rd_engine_overdue_sentence (verb, today, ABS (d->days_late), FALSE);
  if (d->days_late == 0)
    return g_strdup (_("It is due today."));
  if (left == 0)
    return g_strdup (_("No working days are left before it is due."));
  return g_strdup_printf (rd_ngettext ("%d working day is left.", "%d working days are left.", (gulong) left),
                          left);
}

/* @how_due, then what happened: the whole explanation of a finished
 * deadline. @when and @today as for outcome_sentence(). */
static char *
explain_outcome (RdDeadline    *d,
                 const RdLimit *limit,
                 const char    *how_due,
                 RdDoneVerb     verb,
                 const char    *when,
                 const char    *today)
{
  g_autofree char *outcome = NULL;

  if (rd_moment_is_set (&d->done) && d->timed && limit->unit == RD_TIME_UNIT_HOURS &&
      d->done.minute < 0 && d->due.minute >= 0 &&
      !(d->status == RD_DEADLINE_MISSED && d->minutes_late > 0))
    return explain_time_unknown (d, how_due, when, verb);
  outcome = outcome_sentence (d, limit, verb, when, today);
  return g_strdup_printf ("%s %s", how_due, outcome);
}

/**
 * _rd_engine_finish:
 * @limit: (nullable): the limit that gave the due date, for limits counted
 *   in hours
 * @how_due: the first sentence: when it was due and how Redress worked that out
 *
 * Works out the status and how late or early, and writes the explanation.
 */
void
_rd_engine_finish (RdEngine      *engine,
                   RdDeadline    *d,
                   const RdLimit *limit,
                   const char    *how_due,
                   RdDoneVerb     verb)
{
  const char *when;

  finish_status (engine, d, limit);
  when = rd_moment_is_set (&d->done) ? _rd_engine_on (engine, &d->done) : NULL;
  g_free (d->explanation);
  d->explanation = explain_outcome (d, limit, how_due, verb, when, _rd_engine_day (engine, &engine->today));
}

/**
 * _rd_engine_finish_later:
 * @limit: (nullable): as for _rd_engine_finish()
 * @from: (nullable): what the limit counts from, for @explain
 * @explain: writes the explanation's first sentence, and then the rest
 *   with _rd_engine_explain()
 * @detail: the kind's own, for @explain
 *
 * Works out the status and how late or early, as _rd_engine_finish()
 * does, and leaves the explanation to be written when it is asked for.
 */
void
_rd_engine_finish_later (RdEngine       *engine,
                         RdDeadline     *d,
                         const RdLimit  *limit,
                         const RdMoment *from,
                         RdExplainFunc   explain,
                         int             detail,
                         RdDoneVerb      verb)
{
  finish_status (engine, d, limit);
  _rd_deadline_explain_later (d, explain, engine->explain_words, from, limit, detail, verb);
}

/**
 * _rd_engine_explain:
 * @how_due: the first sentence, as for _rd_engine_finish()
 *
 * Returns: (transfer full): the explanation of @d, a deadline finished by
 *   _rd_engine_finish_later(), from its @recipe
 */
char *
_rd_engine_explain (RdDeadline            *d,
                    const RdExplainRecipe *recipe,
                    const char            *how_due)
{
  g_autofree char *when = rd_moment_is_set (&d->done) ? rd_moment_format_on (&d->done) : NULL;
  g_autofree char *today = NULL;
  RdMoment day;

  rd_moment_set_date (&day, &recipe->words->today);
  today = rd_moment_format_long (&day);
  return explain_outcome (d, rd_limit_is_set (&recipe->limit) ? &recipe->limit : NULL, how_due,
                          recipe->verb, when, today);
}

/* Whether the deadline judged on @today is spoken of in the past, as
 * _rd_engine_is_past() says. */
gboolean
_rd_deadline_is_past (RdDeadline  *d,
                      const GDate *today)
{
  return rd_moment_is_set (&d->done) || g_date_compare (&d->due.date, today) < 0;
}

/* Whether a deadline's sentence speaks of it in the past ("was due"): it
 * was met or missed, or its day is gone. Each sentence is written whole
 * in both tenses, for translators. */
gboolean
_rd_engine_is_past (RdEngine       *engine,
                    const RdMoment *due,
                    const RdMoment *done)
{
  return rd_moment_is_set (done) || g_date_compare (&due->date, &engine->today) < 0;
}

/* The next step of a deadline with nothing more particular to say:
 * @when_missing once it is missed and still not done. */
void
_rd_engine_set_generic_next_step (RdEngine   *engine,
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

static gint
compare_contacts (gconstpointer a,
                  gconstpointer b)
{
  const RdCaseEvent *ea = *(const RdCaseEvent **) a;
  const RdCaseEvent *eb = *(const RdCaseEvent **) b;
  int c = g_date_compare (&ea->when.date, &eb->when.date);

  if (c != 0)
    return c;
  return (ea->when.minute > eb->when.minute) - (ea->when.minute < eb->when.minute);
}

/**
 * _rd_engine_next_from_contact:
 *
 * Returns: (nullable): the landlord's first contact with the resident
 *   strictly after @after (on the same day when @after's time is unknown)
 */
const RdCaseEvent *
_rd_engine_next_from_contact (RdEngine       *engine,
                              const RdMoment *after)
{
  GPtrArray *from = engine->from_contacts;
  guint lo = 0, hi = from->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const RdCaseEvent *e = g_ptr_array_index (from, mid);
      int c = g_date_compare (&e->when.date, &after->date);

      if (c < 0 || (c == 0 && after->minute >= 0 && e->when.minute >= 0 &&
                    e->when.minute <= after->minute))
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < from->len ? g_ptr_array_index (from, lo) : NULL;
}

static gint
compare_deadlines (gconstpointer a,
                   gconstpointer b)
{
  RdDeadline *da = *(RdDeadline **) a;
  RdDeadline *db = *(RdDeadline **) b;
  int c = rd_moment_compare (&da->due, &db->due);

  if (c != 0)
    return c;
  if (da->group != db->group)
    return da->group < db->group ? -1 : 1;
  if (da->stage != db->stage)
    return da->stage < db->stage ? -1 : 1;
  return (int) da->kind - (int) db->kind;
}

/* The same words, said by many deadlines, kept once (_rd_deadline_share_texts()). */
static void
share_texts (GPtrArray *deadlines)
{
  g_autoptr(GHashTable) texts = rd_shared_texts_new ();

  for (guint i = 0; i < deadlines->len; i++)
    _rd_deadline_share_texts (g_ptr_array_index (deadlines, i), texts);
}

/**
 * rd_deadlines_compute:
 * @input: the case's events
 * @landlord: (nullable): the landlord's own policy profile for the case
 * @today: the day to judge pending deadlines by
 *
 * Works out every deadline the case's events start: complaint stages under
 * the Complaint Handling Code in force when each stage began and the
 * landlord's own policy (the shorter limit binds; where the landlord's is
 * longer, or has stages the Code does not allow, the Code still binds and
 * a note says so), extensions, the resident's own time limits, promises
 * made in contacts, first responses to ASB reports, repairs, the landlord's
 * other rules, and Awaab's Law.
 *
 * Returns: (transfer full): the deadlines, earliest due first, and notes
 *   about the policies
 */
RdDeadlineReport *
rd_deadlines_compute (const RdDeadlineInput *input,
                      RdPolicy              *landlord,
                      const GDate           *today)
{
  RdDeadlineReport *report;
  RdEngine engine = { 0 };

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (landlord == NULL || RD_IS_POLICY (landlord), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  engine.input = input;
  engine.landlord = landlord;
  engine.today = *today;
  engine.explain_words = _rd_explain_words_new (today);
  engine.deadlines = g_ptr_array_new_with_free_func (g_object_unref);
  engine.notes = g_ptr_array_new_with_free_func (g_free);
  engine.contacts = g_ptr_array_new ();
  engine.from_contacts = g_ptr_array_new ();
  /* The notes array owns the texts; the set only looks at them. */
  engine.note_set = g_hash_table_new (g_str_hash, g_str_equal);
  engine.words = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  /* The keys are the events' own groups. */
  engine.by_group = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                           (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < rd_deadline_input_get_n_events (input); i++)
    {
      const RdCaseEvent *e = rd_deadline_input_get_event (input, i);
      GPtrArray *group = g_hash_table_lookup (engine.by_group, &e->group);

      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (engine.by_group, (gpointer) &e->group, group);
        }
      g_ptr_array_add (group, (gpointer) e);
      if (e->type != RD_CASE_EVENT_CONTACT)
        continue;
      g_ptr_array_add (engine.contacts, (gpointer) e);
      /* Only the landlord getting in touch stops the landlord's clocks. */
      if (e->direction == RD_CONTACT_FROM && e->with_landlord)
        g_ptr_array_add (engine.from_contacts, (gpointer) e);
    }
  g_ptr_array_sort (engine.contacts, compare_contacts);
  g_ptr_array_sort (engine.from_contacts, compare_contacts);
  /* Others than the landlord getting in touch keep their own promises. */
  engine.from_party = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                             (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < engine.contacts->len; i++)
    {
      const RdCaseEvent *e = g_ptr_array_index (engine.contacts, i);
      GPtrArray *theirs;

      if (e->with_landlord || e->party == 0 || e->direction != RD_CONTACT_FROM)
        continue;
      theirs = g_hash_table_lookup (engine.from_party, &e->party);
      if (theirs == NULL)
        {
          theirs = g_ptr_array_new ();
          g_hash_table_insert (engine.from_party, (gpointer) &e->party, theirs);
        }
      g_ptr_array_add (theirs, (gpointer) e);
    }

  _rd_engine_complaints (&engine);
  _rd_engine_contacts (&engine);
  _rd_engine_reports (&engine);
  _rd_engine_routes (&engine);
  _rd_engine_complaint_time_limit (&engine);

  g_ptr_array_sort (engine.deadlines, compare_deadlines);
  share_texts (engine.deadlines);

  report = g_new0 (RdDeadlineReport, 1);
  report->deadlines = g_list_store_new (RD_TYPE_DEADLINE);
  g_list_store_splice (report->deadlines, 0, 0, engine.deadlines->pdata, engine.deadlines->len);
  report->notes = g_steal_pointer (&engine.notes);
  report->explain_words = g_steal_pointer (&engine.explain_words);

  g_ptr_array_unref (engine.deadlines);
  g_ptr_array_unref (engine.contacts);
  g_ptr_array_unref (engine.from_contacts);
  g_hash_table_unref (engine.note_set);
  g_hash_table_unref (engine.words);
  g_hash_table_unref (engine.by_group);
  g_hash_table_unref (engine.from_party);
  return report;
}

/**
 * rd_deadline_report_get_deadlines:
 *
 * Returns: (transfer none): the deadlines (#RdDeadline), earliest due first
 */
GListModel *
rd_deadline_report_get_deadlines (RdDeadlineReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return G_LIST_MODEL (self->deadlines);
}

guint
rd_deadline_report_get_n_notes (RdDeadlineReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->notes->len;
}

/**
 * rd_deadline_report_get_note:
 *
 * Returns: a plain sentence about the policies, for example that the
 *   landlord's third stage is not allowed by the Code
 */
const char *
rd_deadline_report_get_note (RdDeadlineReport *self,
                             guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->notes->len, NULL);
  return g_ptr_array_index (self->notes, index);
}

/**
 * rd_deadline_report_get_explanations_made:
 *
 * Returns: how many of its deadlines' explanations have been written so
 *   far of those written when asked (rd_deadline_get_explanation()): one
 *   for each shown, not one for each deadline (tests count it)
 */
guint
rd_deadline_report_get_explanations_made (RdDeadlineReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return (guint) g_atomic_int_get (&self->explain_words->made);
}

/* Returns: (transfer none): what its deadlines write their explanations with */
RdExplainWords *
_rd_deadline_report_get_explain_words (RdDeadlineReport *self)
{
  return self->explain_words;
}

void
rd_deadline_report_free (RdDeadlineReport *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->deadlines);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->explain_words, _rd_explain_words_unref);
  g_free (self);
}
